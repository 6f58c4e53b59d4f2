x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        nonlocal x
        x = 'modified'
        def innermost():
            return x
        return innermost()
    r = inner()
    return r, x
print(outer(), x)
def g():
    global x
    x = 'changed'
g(); print(x)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c(), c.__closure__[0].cell_contents, c.__code__.co_freevars)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
class K:
    y = 5
    z = [y * i for i in range(3)] if False else None
    w = (lambda: y) if False else None
    def m(self): return y if False else 'noy'
print(K().m())
class K2:
    a = 1
    b = [a for _ in range(2)] if False else 0
try:
    class K3:
        a = 1
        b = [a for _ in range(2)]
except NameError as e:
    print(e)
def deco(f):
    def w(*a, **k):
        return ('wrapped', f(*a, **k))
    w.__name__ = f.__name__
    return w
def deco_args(p):
    def d(f):
        return lambda *a: (p, f(*a))
    return d
@deco
@deco_args('P')
def h(v): return v
print(h(1), h.__name__)
def unbound():
    print(zz)
    zz = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
def shadow():
    try:
        return len
    finally:
        pass
print(shadow() is len)
def default_mut(l=[]):
    l.append(1); return l
default_mut(); print(default_mut())
def kw(a, b=2, *args, c, d=4, **kwargs): return (a, b, args, c, d, kwargs)
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6))
try:
    kw(1)
except TypeError as e:
    print(e)
def pos(a, b, /, c): return a, b, c
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print(e)
print((lambda *a, **k: (a, k))(1, x=2))
def gen_closure():
    vals = []
    for i in range(3):
        def f(i=i): return i * 10
        vals.append(f)
    return [v() for v in vals]
print(gen_closure())
def cellvar_arg(a):
    def f(): return a
    a = a + 1
    return f()
print(cellvar_arg(1))
z = 10
def read_global(): return z
z = 20
print(read_global())
def del_local():
    q = 1
    del q
    try:
        q
    except UnboundLocalError as e:
        print(e)
del_local()
def nonlocal_del():
    v = 1
    def f():
        nonlocal v
        del v
    f()
    try:
        return v
    except NameError as e:
        return str(e)
print(nonlocal_del())
print([(lambda: j)() for j in range(2)], (lambda: [k for k in range(2)])())
w = [1, 2]
w[0], w[1] = w[1], w[0]
print(w)
a, *b, c = range(5); print(a, b, c)
(p, q), r = (1, 2), 3; print(p, q, r)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
print(eval('1+2') if False else 'skip-eval')
