"""Behaviour of dataclasses, printed for comparison (see run.sh compare)."""
import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         FrozenInstanceError, InitVar, KW_ONLY, MISSING, make_dataclass)
from typing import ClassVar, List, Optional
from collections import namedtuple


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, repr=False)
    note: str = field(default='n', compare=False)


show('basic', lambda: (P(1), P(1, 2, ['t']), P(1) == P(1, 0, [], 'other'), P(1) != P(2), P.__doc__))
show('init errors', lambda: P())
show('too many', lambda: P(1, 2, 3, 4, 5))
show('unexpected kw', lambda: P(1, z=3))
show('multiple values', lambda: P(1, x=2))
show('class attrs', lambda: (P.y, P.note, hasattr(P, 'tags'), P.__match_args__))
show('unhashable', lambda: hash(P(1)))
show('fields', lambda: [(f.name, f.type, f.default is MISSING, f.default_factory is MISSING, f.init, f.repr, f.compare, f.hash) for f in fields(P)])
show('field repr', lambda: repr(fields(P)[0]).startswith("Field(name='x',type=<class 'int'>,default=<dataclasses._MISSING_TYPE object"))
show('asdict astuple', lambda: (asdict(P(1, 2, [3])), astuple(P(1, 2, [3]))))
show('replace', lambda: replace(P(1, 2), y=5))
show('replace bad', lambda: replace(P(1), z=1))
show('is_dataclass', lambda: (is_dataclass(P), is_dataclass(P(1)), is_dataclass(int), is_dataclass(3)))
show('fields bad', lambda: fields(3))
show('asdict bad', lambda: asdict(P))


@dataclass(order=True, frozen=True)
class V:
    major: int
    minor: int = 0


show('order', lambda: (V(1) < V(1, 1), V(2) >= V(1, 9), sorted([V(2), V(1, 5), V(1)]), max(V(0), V(3))))
show('order other type', lambda: V(1) < (1, 0))
show('frozen hash', lambda: (hash(V(1, 2)) == hash((1, 2)), {V(1): 'a'}[V(1)]))
show('frozen set', lambda: setattr(V(1), 'major', 2))
show('frozen del', lambda: delattr(V(1), 'minor'))
show('frozen new attr', lambda: setattr(V(1), 'other', 2))
show('eq different class', lambda: V(1) == P(1))


@dataclass(eq=False)
class Ident:
    a: int


i = Ident(1)
show('eq False', lambda: (i == Ident(1), i == i, type(hash(i)).__name__))


@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(default_factory=list, hash=False)


show('unsafe_hash', lambda: hash(UH(1)) == hash((1,)))


@dataclass
class Post:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.area = self.w * self.h * scale


show('post_init', lambda: (Post(2, 3), Post(2, 3, 10).area, [f.name for f in fields(Post)]))
show('initvar replace', lambda: replace(Post(1, 1, 5), w=2))
show('init false replace', lambda: replace(Post(1, 1), area=3))


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int


show('kw_only', lambda: (KW(1, c=3), KW.__match_args__, KW.__doc__))
show('kw_only missing', lambda: KW(1))
show('kw_only positional', lambda: KW(1, 2, 3))


@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 0


show('kw_only all', lambda: (AllKW(a=1), AllKW.__match_args__))
show('kw_only all positional', lambda: AllKW(1))


@dataclass
class WithCV:
    x: int
    count: ClassVar[int] = 0
    label: 'ClassVar[str]' = 'L'


show('ClassVar', lambda: ([f.name for f in fields(WithCV)], WithCV(1), WithCV.count))


@dataclass
class Base:
    a: int
    b: str = 'b'


@dataclass
class Derived(Base):
    c: float = 1.0
    a: int = 5


show('inheritance', lambda: (Derived(), Derived(1, 'x', 2.0), [f.name for f in fields(Derived)]))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print('non-default', e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print('mutable', e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        a: int
except ValueError as e:
    print('order eq', e)
try:
    @dataclass(frozen=True)
    class FrozenChild(Base):
        pass
except TypeError as e:
    print('frozen inherit', e)
try:
    @dataclass(order=True)
    class HasLt:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print('overwrite', e)
try:
    @dataclass
    class NoAnn:
        a = field(default=1)
except TypeError as e:
    print('no annotation', e)
show('both defaults', lambda: field(default=1, default_factory=list))


@dataclass
class Node:
    val: int
    children: List['Node'] = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False)


n = Node(1, [Node(2), Node(3, [Node(4)])])
show('nested asdict', lambda: asdict(n))
show('nested astuple', lambda: astuple(n))
NT = namedtuple('NT', 'a b')


@dataclass
class Holder:
    nt: NT
    d: dict


show('asdict containers', lambda: asdict(Holder(NT(P(1), 2), {'k': [P(2)]})))


@dataclass(repr=False)
class NoRepr:
    a: int


show('repr False', lambda: repr(NoRepr(1)).startswith('<'))


@dataclass
class Rec:
    other: object = None


r = Rec()
r.other = r
show('recursive repr', lambda: r)


@dataclass
class CustomInit:
    a: int

    def __init__(self, v):
        self.a = v * 2


show('custom init kept', lambda: CustomInit(2))


class Outer:
    @dataclass
    class Inner:
        v: int


show('qualname repr', lambda: (Outer.Inner(1), Outer.Inner.__init__.__qualname__))
show('Inner missing', lambda: Outer.Inner())
M = make_dataclass('M', ['a', ('b', int), ('c', int, field(default=5))], namespace={'twice': lambda self: self.c * 2})
show('make_dataclass', lambda: (M(1, 2), M(1, 2).twice(), M.__doc__, M.__module__))
show('MISSING', lambda: type(MISSING).__name__)
show('InitVar repr', lambda: (repr(InitVar[int]), repr(InitVar[List[int]])))
show('params', lambda: repr(V.__dataclass_params__))


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'x'


show('slots', lambda: (Slotted.__slots__, Slotted(1), Slotted(1) == Slotted(1)))
show('__all__', lambda: sorted(dataclasses.__all__))
