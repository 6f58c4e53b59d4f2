class A:
    x = 1
    def m(self): return 'm1'
a = A()
out = []
for i in range(40):
    if i == 10: A.x = 2
    if i == 15: a.x = 'inst'
    if i == 20: del a.x
    if i == 25: A.m = lambda self: 'm2'
    if i == 30: a.m = lambda: 'inst-m'
    if i == 35: A.__getattr__ = lambda self, n: 'ga'
    out.append((a.x, a.m()))
print(out[::5])
def use_len(v): return len(v)
res = []
for i in range(30):
    if i == 12:
        import builtins
        builtins.len = lambda v: -1
    if i == 20:
        globals()['len'] = lambda v: 'glob'
    res.append(use_len([1]))
print(res[::4])
del globals()['len']
import builtins
del builtins.len
class B:
    def __init__(self, v): self.v = v
bs = [B(i) for i in range(20)]
tot = 0
for i, b in enumerate(bs):
    if i == 10: B.v = property(lambda self: 100)
    tot += b.v
print(tot)
class C:
    __slots__ = ('s',)
c = C(); c.s = 1
vals = []
for i in range(20):
    if i == 10: c.s = 5
    vals.append(c.s)
print(vals[::3])
def f(x): return x + 1
r = []
for i in range(30):
    if i == 15:
        def f(x): return x * 10
    r.append(f(i))
print(r[::5])
class D:
    def meth(self, a): return a
d = D()
r2 = []
for i in range(30):
    if i == 12: D.meth = staticmethod(lambda a: ('static', a))
    if i == 20: D.meth = classmethod(lambda cls, a: (cls.__name__, a))
    r2.append(d.meth(i))
print(r2[::4])
