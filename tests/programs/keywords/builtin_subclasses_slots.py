class MyInt(int):
    pass
a = MyInt(5)
print(a, repr(a), type(a + 1).__name__, type(-a).__name__, a == 5, a is not 5, hash(a) == 5, isinstance(a, int), str(a), f'{a:04d}', a.real, a.bit_length(), int(a), type(int(a)).__name__)
class Tag(str):
    def __new__(cls, v, extra):
        o = super().__new__(cls, v.upper())
        o.extra = extra
        return o
t = Tag('hi', 9)
print(t, repr(t), t.extra, t.lower(), type(t.lower()).__name__, t + '!', type(t + '!').__name__, t == 'HI', len(t), t[0], list(t), 'I' in t, t.startswith('H'), sorted([Tag('b', 1), Tag('a', 2)]))
print({t: 1}['HI'], {'HI': 2}[t], hash(t) == hash('HI'))
class Meta(type):
    def __call__(cls, v):
        return super().__call__(v * 2)
class Doubled(int, metaclass=Meta):
    def __new__(cls, v):
        return super().__new__(cls, v + 1)
print(Doubled(3), type(Doubled(3)).__name__)
class B(int):
    def __repr__(self): return f'B({int(self)})'
    def __add__(self, o): return B(int(self) + int(o))
print(B(1) + 2, 2 + B(1), sum([B(1), B(2)], B(0)), max(B(3), B(9)))
import enum
class Color(enum.IntFlag):
    R = 1
    G = 2
print(Color.R | Color.G, Color.R + 1, int(Color.G), Color(3), list(Color))
class F(float):
    def __repr__(self): return 'F!'
print(F(1.5), repr(F(2.5) + 1), F(3.0) == 3, round(F(2.567), 1))
try:
    class X(bool): pass
except TypeError as e:
    print(e)
class L(list):
    def __init__(self, *a):
        super().__init__(a)
print(L(1, 2, 3), len(L(1, 2)), L(1) == [1], type(L(1) + [2]).__name__, L(1, 2)[::-1])
class D(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = 1
d = D(a=1)
print(d, d.extra, dict(d), D.__mro__)
import dataclasses
@dataclasses.dataclass(slots=True, frozen=True)
class P:
    x: int
    y: int = 0
p = P(1)
print(p, P.__slots__, hasattr(p, '__dict__'))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print('frozen', e)
@dataclasses.dataclass(order=True)
class Q:
    a: int
    b: str = 'x'
    c: list = dataclasses.field(default_factory=list)
print(sorted([Q(2), Q(1, 'y')]), dataclasses.asdict(Q(1)), dataclasses.astuple(Q(3)), dataclasses.fields(Q)[0].name)
