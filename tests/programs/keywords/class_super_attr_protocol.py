class Meta(type):
    def __setattr__(cls, name, value):
        print('meta setattr', name)
        super().__setattr__(name, value)
class A(metaclass=Meta):
    pass
A.x = 1
print(A.x)
class B:
    def __init__(self):
        self.v = 1
    @classmethod
    def make(cls):
        return super().__new__(cls)
    def f(self):
        def inner():
            return __class__
        return inner()
class C(B):
    def __init__(self):
        super().__init__()
        self.w = 2
    @classmethod
    def make(cls):
        o = super().make()
        print('made', type(o).__name__)
        return o
    def f(self):
        return super().f(), [(lambda: super(C, self).f())() for _ in range(1)]
c = C()
print(c.v, c.w, C.make().__class__.__name__, c.f())
print(super(C, c).f.__name__, super(C, C).make.__self__.__name__)
class P:
    @property
    def p(self):
        raise AttributeError('custom message')
try:
    P().p
except AttributeError as e:
    print(e)
class Q:
    @property
    def p(self):
        raise AttributeError('custom')
    def __getattr__(self, n):
        return 'getattr ' + n
print(Q().p, Q().zz, hasattr(P(), 'p'), getattr(P(), 'p', 'dflt'))
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, 0) * 10
    def __set__(self, obj, v):
        obj.__dict__[self.name] = v
class E:
    d = D()
e = E()
e.d = 4
print(e.d, E.d.name)
class Base:
    def __init_subclass__(cls, flag=None, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
class Sub(Base, flag='yes'): pass
print(Sub.flag)
class GA:
    def __getattribute__(self, n):
        if n == 'magic': return 42
        return object.__getattribute__(self, n)
    def __getattr__(self, n):
        return 'fallback ' + n
g = GA()
g.real = 1
print(g.magic, g.real, g.nope)
class SA:
    def __setattr__(self, n, v):
        print('setattr', n, v)
        object.__setattr__(self, n, v)
    def __delattr__(self, n):
        print('delattr', n)
        object.__delattr__(self, n)
s = SA(); s.a = 1; del s.a
print(hasattr(s, 'a'))
