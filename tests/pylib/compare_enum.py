"""Behaviour of enum, printed for comparison (see run.sh compare)."""
import enum
from enum import (Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, CONFORM, EJECT, KEEP, STRICT,
                  verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, global_enum, member, nonmember)
print(enum.__all__)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class P2(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
class IP(IntFlag):
    R = 4
    W = 2
    X = 1
for v in [Perm.R|Perm.W, Perm(0), ~Perm.R, ~Perm(0), ~(Perm.R|Perm.W|Perm.X), P2.AB, P2.A|P2.B, ~P2.A, P2(7), IP(8), IP(12), ~IP.R, IP.R|8, IP(0), ~IP(0), IP.R|IP.W]:
    print(repr(v), str(v), format(v), f'{v}', list(v), len(v), bool(v), v.name, v.value)
print(list(Perm), list(P2), list(IP), P2.__members__.keys(), len(P2))
for bad in [lambda: Perm(8), lambda: Perm(-1), lambda: Perm('a'), lambda: Perm.R | 1, lambda: 1 in Perm.R, lambda: Perm.R in P2.A, lambda: Perm.R < Perm.W]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
class Color(Enum):
    RED = 1
    GREEN = 2
for bad in [lambda: 1 in Color, lambda: Color.RED in Color, lambda: Color.RED < Color.GREEN, lambda: setattr(Color, 'RED', 3), lambda: delattr(Color, 'RED'), lambda: setattr(Color.RED, 'value', 3), lambda: setattr(Color.RED, 'name', 3), lambda: Color(3), lambda: Color('x'), lambda: Color([])]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
print(repr(Color), repr(Perm), str(Color), Color.__members__, dict(Color.__members__))
print(format(Color.RED), f'{Color.RED:>12}|', '{}'.format(Color.RED), hash(Color.RED) == hash('RED'))
class Pri(IntEnum):
    LOW = 1
    HIGH = auto()
print(repr(Pri.LOW), str(Pri.LOW), f'{Pri.LOW}', f'{Pri.HIGH:03d}', Pri.LOW + 1, Pri.HIGH, [Pri.HIGH], Pri.LOW < Pri.HIGH, Pri(2))
class S(StrEnum):
    A = auto()
    Bee = 'bee'
print(repr(S.A), str(S.A), f'{S.A}', S.A == 'a', S.A.upper(), [S.Bee])
class M(str, Enum):
    X = 'x'
print(repr(M.X), str(M.X), f'{M.X}', M.X == 'x')
class N(int, Enum):
    ONE = 1
print(repr(N.ONE), str(N.ONE), f'{N.ONE}', N.ONE + 1)
class A(Enum):
    a = 'x'
    b = auto()
    c = auto()
print(list(A), [m.value for m in A])
class B(Enum):
    a = 3
    b = auto()
    c = 1
    d = auto()
print([m.value for m in B])
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print(e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.EARTH))
F = Enum('F', 'a b c')
print(list(F), repr(F.a), F.__module__)
G = Enum('G', [('x', 10), ('y', 20)])
print(list(G), G(20))
H = IntEnum('H', {'p': 5})
print(H.p, repr(H.p))
class Sh(Enum):
    SQ = 1
    @classmethod
    def _missing_(cls, value):
        return cls.SQ if value == 'sq' else None
print(Sh('sq'))
try: Sh('zz')
except ValueError as e: print(e)
print(Color.RED.__class__, type(Color), isinstance(Color.RED, Color), Color['RED'], Color._member_names_, reversed(Color) is not None, list(reversed(Color)))
class Ord(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(repr(Ord(7)), repr(Ord(4)))
class Ej(Flag, boundary=EJECT):
    A = 1
print(repr(Ej(3)), repr(Ej(1)))
class Kp(Flag, boundary=KEEP):
    A = 1
    B = 2
print(repr(Kp(5)), str(Kp(5)), repr(~Kp.A), repr(Kp(4)))
print(Perm.R.__dict__ if False else '', dir(Color)[:3])
print(Perm._flag_mask_, Perm._all_bits_, P2._flag_mask_, IP._boundary_, Perm._boundary_, Perm._iter_member_.__name__, P2._iter_member_.__name__)
class Pri(IntEnum):
    LOW = 1
print(hash(Pri.LOW) == hash(1), {1: 'a'}[Pri.LOW], hash(Pri.LOW) == hash('LOW'))
class S(StrEnum):
    A = 'a'
print(hash(S.A) == hash('a'), {'a': 1}[S.A])
class IP(IntFlag):
    R = 4
    W = 2
print(~IP(8), repr(~IP(8)), repr(IP(-9)), repr(IP(3)), repr(IP(1)))
class X(Flag):
    A = 1
    B = 2
    C = 4
    BC = 6
    N = 0
print(repr(X.N), list(X), repr(~X.A), repr(X(6)), repr(X.BC), X.__members__.keys(), repr(X(0)), X.N is X(0))
class E(Enum):
    A = 1
    def __str__(self): return 'custom'
    @property
    def double(self): return self.value * 2
    _ignore_ = ['tmp']
    tmp = 5
    lst = [1, 2]
print(str(E.A), f'{E.A}', E.A.double, list(E), hasattr(E, 'tmp'))
print(E.A.__objclass__ if hasattr(E.A, '__objclass__') else None, E._member_map_, E._value2member_map_)
class Mood(Enum):
    HAPPY = 3
    SAD = 1
    @classmethod
    def favorite(cls): return cls.HAPPY
print(Mood.favorite(), Mood.HAPPY.name, Mood(1))
try:
    class More(Mood):
        X = 5
except TypeError as e: print(e)
try:
    class Bad(Enum):
        _x_ = 1
except ValueError as e: print(e)
try:
    class Bad2(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
class Wk(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
print(Wk.MON | Wk.WED, Wk(5), Wk.MON.value, Wk.WED.value, repr(Wk(7)))
print(Pri.LOW == 1, Pri.LOW is Pri(1), Pri['LOW'], Pri.__members__, repr(Pri))
class CE(Enum):
    RED = 'r'
    def __init__(self, v):
        self.code = v.upper()
print(CE.RED.code)
print(type(E.__members__).__name__, E.A.__class__.__mro__)
for b in [None, CONFORM, KEEP, EJECT]:
    try:
        if b is None:
            class X(Flag):
                A = 1
                C = 5
        else:
            class X(Flag, boundary=b):
                A = 1
                C = 5
        print(b, list(X), repr(X.C), repr(X(5)), repr(~X.A))
    except Exception as e: print(b, type(e).__name__, e)
try:
    @verify(UNIQUE)
    class V(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
try:
    @verify(CONTINUOUS)
    class V(Enum):
        A = 1
        B = 4
except ValueError as e: print(e)
try:
    @verify(NAMED_FLAGS)
    class V(Flag):
        A = 1
        B = 2
        D = 11
except ValueError as e: print(type(e), e)
print(repr(enum.FlagBoundary.STRICT), enum.STRICT, repr(enum.UNIQUE), enum.show_flag_values(13))
print(repr(enum.auto()), repr(enum.auto(5)))
class FS(Flag):
    A = 1
print(repr(FS(1) | FS(0)), FS.A & FS.A, FS.A ^ FS.A, repr(FS.A ^ FS.A))
try: FS(2)
except ValueError as e: print(e)
try: FS(-3)
except ValueError as e: print(e)
class Empty(Enum): pass
print(list(Empty), len(Empty), bool(Empty), repr(Empty))
try: Empty(1)
except (ValueError, TypeError) as e: print(type(e).__name__, e)
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape(2), Shape.ALIAS_FOR_SQUARE, list(Shape.__members__), Shape.ALIAS_FOR_SQUARE.name)
class D(Enum):
    X = 1
print(D.X.name, D.X.value, D.X._name_, D.X._value_, D.X == D.X, D.X != D.X, D.X.__reduce_ex__(4) if False else '')
print(D.X < D.X if False else '', sorted(Shape, key=lambda s: s.value))
class Num(float, Enum):
    PI = 3.14
print(repr(Num.PI), str(Num.PI), Num.PI * 2, f'{Num.PI}', format(Num.PI, '>10'))


class WithMember(Enum):
    A = 1
    f = member(lambda: 'fn')
    CONST = nonmember(5)

    def describe(self):
        return 'member %s' % self.name


print([m.name for m in WithMember], WithMember.CONST, WithMember.A.describe(), WithMember.f.value())


class AutoNumber(Enum):
    def __new__(cls, *args):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        return obj

    def __init__(self, label):
        self.label = label


class Sized(AutoNumber):
    SMALL = 's'
    LARGE = 'l'


print(list(Sized), Sized.LARGE.label, Sized(2))


class NamedAttr(Enum):
    name = 1
    value = 2


print(NamedAttr.name, NamedAttr.value, NamedAttr.name.name, NamedAttr.value.value, list(NamedAttr))


class Ordered(Enum):
    _order_ = 'A B'
    A = 1
    B = 2


try:
    class Misordered(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print('order', e)


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() * (count + 1)
    X = auto()
    Y = auto()


print(list(Lower))


class Color3(Enum):
    R, G, B = 1, 2, 3


print(list(Color3) if False else 'tuple-unpack skipped')
for member_ in Flag.__members__ if False else []:
    pass
print(enum.EnumMeta is enum.EnumType, isinstance(Lower.X, Enum), issubclass(IntFlag, int))
print(sorted(enum.__all__))
