# weakref: ref identity and sharing, types that cannot be weakly referenced, weak
# containers, WeakMethod, proxy, finalize called and at exit (while the objects live).
import weakref
class C:
    def __init__(self, n): self.n = n
    def m(self): return self.n * 2
c = C(1); r = weakref.ref(c); print(r() is c, r() == c, type(r).__name__, r == weakref.ref(c), weakref.getweakrefcount(c))
for bad in (1, 'a', (1,), [1], {}, None, 2.5):
    try: weakref.ref(bad)
    except TypeError as e: print(e)
class I(int): pass
class L(list): pass
class S: __slots__ = ('a',)
class SW: __slots__ = ('a', '__weakref__')
for k in (I, L, S, SW):
    try: weakref.ref(k(1) if k in (I, L) else k()); print(k.__name__, 'ok')
    except TypeError as e: print(e)
d = weakref.WeakValueDictionary()
e = C(2); d['k'] = e; print(len(d), 'k' in d, d['k'].n, d.get('z'), list(d.keys()))
kd = weakref.WeakKeyDictionary(); kd[e] = 'meta'; print(kd[e], e in kd, len(kd))
s = weakref.WeakSet(); s.add(e); s.add(c); print(len(s), e in s)
wm = weakref.WeakMethod(e.m); print(wm()())
p = weakref.proxy(e); print(p.n, p.m())
p.n = 5; print(e.n)
f = weakref.finalize(e, print, 'finalized', 'e'); print(f.alive)
f(); print(f.alive)
weakref.finalize(c, print, 'at exit')
cache = weakref.WeakValueDictionary()
def get(n):
    obj = cache.get(n)
    if obj is None:
        obj = C(n); cache[n] = obj
    return obj
x = get(3); print(get(3) is x)
print('end')
