def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def f(a, b=2, *args, c, d=4, **kw):
    "doc of f"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__, f.__code__.co_argcount, f.__code__.co_varnames)
print(f.__code__.co_kwonlyargcount, f.__code__.co_name, f.__code__.co_flags, type(f).__name__, f.__annotations__, f.__dict__)
f.x = 5; print(f.__dict__, f.x)
t(lambda: setattr(f, '__name__', 3))
f.__name__ = 'g'; print(f.__name__, f.__qualname__)
class A:
    def m(self): return 1
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(x): return x * 2
    @property
    def p(self):
        "prop doc"
        return 42
    @p.setter
    def p(self, v): self._p = v
a = A()
print(type(a.m).__name__, a.m.__func__ is A.m, a.m.__self__ is a, a.m == a.m, a.m is a.m, hash(a.m) == hash(a.m))
print(A.cm(), a.cm(), A.sm(3), a.sm(4), type(A.__dict__['cm']).__name__, type(A.__dict__['sm']).__name__, A.__dict__['sm'].__func__(5))
print(A.p.__doc__, a.p, A.p.fget.__name__, A.p.fset is not None, A.p.fdel)
a.p = 9; print(a._p)
t(lambda: delattr(a, 'p'))
print(repr(A.__dict__['sm'])[:26], repr(A.__dict__['cm'])[:25])
def outer():
    x = 1
    def inner(): return x
    return inner
c = outer().__closure__[0]
print(type(c).__name__, c.cell_contents, outer().__code__.co_freevars, outer.__code__.co_cellvars)
print(len.__name__, len.__qualname__, len.__self__, [].append.__name__, [].append.__qualname__, type([].append).__name__, type(len).__name__)
print(repr(len), repr(int.__add__)[:30], str.join.__qualname__)
print(callable(len), callable(A), callable(a), callable(a.m), callable(1))
m = a.m; print(m(), m.__name__, m.__qualname__, m.__doc__)
import types
print(type(types.MethodType(lambda self: 7, a)()))
p = property(lambda s: 1, doc='D'); print(p.__doc__)
class B:
    x = property()
t(lambda: staticmethod(1)(2))
t(lambda: classmethod(1).__func__)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(0))).__name__, type(reversed([])).__name__)
print(type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter(b'')).__name__, type(iter(lambda: 0, 1)).__name__)
it = iter([1, 2, 3]); next(it); print(it.__length_hint__(), list(it), it.__length_hint__())
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__, repr(...), repr(NotImplemented), bool(NotImplemented) if False else 'skip')
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(len, [])).__name__, type(filter(None, [])).__name__, type(reversed(range(3))).__name__)
t(lambda: type(None)()); t(lambda: type(None)(1)); t(lambda: type(...)())
gen = (x for x in [1])
print(type(gen).__name__, gen.__name__, gen.__qualname__)
def gf(): yield 1
g = gf(); print(g.gi_running, g.gi_frame is not None, g.gi_code.co_name); next(g); t(lambda: next(g)); print(g.gi_frame)
print(sorted(k for k in dir(f) if not k.startswith('__'))[:5])
print(f.__class__, A.m.__class__, a.m.__class__, len.__class__, A.p.__class__, type(A.__dict__['cm']))
print(A.__dict__['m'].__get__(a)(), A.__dict__['sm'].__get__(None, A)(1), A.__dict__['cm'].__get__(None, A)())
