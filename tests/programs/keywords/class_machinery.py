import re
print(re.match(r'(\w+)-(\d+)', 'abc-123').groups(), re.I, type(re.I).__name__, re.I | re.M)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, dict(ns))
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a)
        return super().__call__(*a, **k)
    def __iter__(cls):
        return iter(['x', 'y'])
    def __len__(cls):
        return 2
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, k):
        return k == 'x'
class A(metaclass=Meta, flag=True):
    def __init__(self, v):
        self.v = v
a = A(5)
print(a.v, A.injected, list(A), len(A), A[3], 'x' in A, type(A).__name__)
class Bits(int):
    def __new__(cls, v, label='?'):
        o = super().__new__(cls, v)
        o.label = label
        return o
    def __repr__(self):
        return f'Bits({int(self)}, {self.label!r})'
b = Bits(5, 'five')
print(b, b + 1, type(b + 1).__name__, b.label, isinstance(b, int), b == 5, hash(b) == hash(5), {b: 1}[5])
print(int(b), str(b), f'{b:>4}', bin(b), b.bit_length(), -b, abs(Bits(-3)), b * 2, 2 ** b)
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('hi')
print(n, repr(n), n.shout(), n + 'x', type(n + 'x').__name__, len(n), n == 'hi', n[0], type(n[0]).__name__)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = S()
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
print(s.a, hasattr(s, '__dict__'), S.__slots__)
class F(float):
    pass
print(F(1.5) + 1, type(F(2.0)).__name__, F('3.25'))
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, 2)
print(t, t.first, len(t), type(t).__name__, t + (3,))
class L(list):
    def append(self, x):
        super().append(x * 10)
l = L([1]); l.append(2); print(l, type(l).__name__, len(l))
class D(dict):
    def __missing__(self, k):
        return k.upper()
d = D(a=1); print(d['a'], d['zz'], d.get('zz'), type(d).__name__)
class Cls:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item}]'
print(Cls[int])
def deco(cls):
    cls.decorated = True
    return cls
@deco
class X: pass
print(X.decorated)
class Abstract:
    def __init_subclass__(cls, /, required=None, **kw):
        super().__init_subclass__(**kw)
        if required is None: raise TypeError('need required')
        cls.req = required
class Y(Abstract, required=3): pass
print(Y.req)
try:
    class Z(Abstract): pass
except TypeError as e:
    print(e)
print(type('Dyn', (object,), {'v': 4})().v, type(3), type.__name__)
class O:
    def __eq__(self, o): return True
print(O.__hash__, O() == 1, O() != 1)
class Mixin:
    def hello(self): return 'mixin ' + super().hello()
class Base:
    def hello(self): return 'base'
class Child(Mixin, Base): pass
print(Child().hello(), [c.__name__ for c in Child.__mro__])
try:
    class Bad(int, str): pass
except TypeError as e:
    print(e)
try:
    class Bad2(X, X): pass
except TypeError as e:
    print(e)
class P1: pass
class P2(P1): pass
try:
    class Bad3(P1, P2): pass
except TypeError as e:
    print(e)
class S2(S):
    pass
s2 = S2(); s2.z = 5; print(s2.z, s2.a, S.a, S.__dict__['a'].__name__)
del s.a
try:
    del s.a
except AttributeError as e:
    print(e)
class S3:
    __slots__ = ('x', '__dict__')
s3 = S3(); s3.x = 1; s3.y = 2; print(s3.x, s3.__dict__)
try:
    class S4:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print(e)
class S5:
    __slots__ = '__p'
    def __init__(self): self.__p = 9
    def get(self): return self.__p
print(S5().get(), S5.__slots__)
class NT(tuple):
    __slots__ = ()
nt = NT((1, 2))
try:
    nt.q = 1
except AttributeError as e:
    print(e)
