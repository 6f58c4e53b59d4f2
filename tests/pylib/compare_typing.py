"""Behaviour of typing, printed for comparison (see run.sh compare)."""
import typing
from typing import *
T = TypeVar('T'); K = TypeVar('K', bound=int); V = TypeVar('V', int, str, covariant=True); C = TypeVar('C', contravariant=True)
print(T, K, V, C, repr(T), T.__name__, K.__bound__, V.__constraints__, T.__module__)
vals = [Any, Optional[int], Union[int, str], Union[int, None], Union[None, int], Union[int, str, None], Union[int], Union[int, int], List, List[int], Dict[str, int], Set[int], FrozenSet[int], Tuple, Tuple[int, ...], Tuple[()], Tuple[int, str], Callable, Callable[[int], str], Callable[..., int], Callable[[], None], Iterable[int], Iterator[str], Generator[int, None, None], Sequence[int], Mapping[str, int], Type[int], Literal[1, 'a'], Final[int], ClassVar[int], Annotated[int, 'm'], Optional[List[int]], List[T], Dict[K, V], Union[int, List[int]], NoReturn, ClassVar, Final, Literal, Union, Optional, Generic, Protocol, Deque[int], DefaultDict[str, int], Counter[str], OrderedDict[str, int], Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[int], Text, AnyStr, Hashable, Sized, Type, MutableMapping[str, int], Union[int, list[int]], Optional[Callable[[int], int]], Literal[True, None]]
for v in vals:
    print(repr(v))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_origin(Callable[[int], str]), get_args(Callable[[int], str]), get_args(Callable[..., str]), get_origin(Literal[1]), get_args(Annotated[int, 'x']), get_origin(int), get_args(int), get_origin(Tuple[int, ...]), get_args(Tuple[()]))
print(List[int] == List[int], Optional[int] == Union[int, None], Union[int, str] == Union[str, int], hash(List[int]) == hash(List[int]), List[int] == list[int], Union[int, str] == (int | str))
print(isinstance([], List), isinstance({}, Dict), isinstance([], Iterable), issubclass(list, Sequence), isinstance(1, Optional[int]), isinstance('s', Union[int, str]), isinstance(None, Optional[int]))
for bad in [lambda: isinstance([], List[int]), lambda: List(), lambda: Any(), lambda: isinstance(1, Any), lambda: Union[()], lambda: Optional[int, str], lambda: Generic[int], lambda: Union, lambda: ClassVar[int, str], lambda: Literal, lambda: Tuple[int](), lambda: TypeVar('X')()]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box.__parameters__, Box[int](3).v, repr(Box[int]), Box[int].__origin__ is Box, type(Box[int](3)).__name__, Box.__orig_bases__, Box.__mro__)
class Pair(Generic[K, V]): pass
print(Pair[int, str], Pair.__parameters__)
try: Box[int, str]
except TypeError as e: print(e)
class P(NamedTuple):
    x: int
    y: int = 0
    def total(self): return self.x + self.y
print(P(1), P(1, 2).total(), P._fields, P.__annotations__, P._field_defaults, P.__module__, P.__mro__)
P2 = NamedTuple('P2', [('a', int), ('b', str)])
print(P2(1, 'b'), P2.__annotations__)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1)
print(m, type(m), Movie.__required_keys__ == {'name', 'year'}, Movie.__annotations__, Movie.__total__)
class M2(TypedDict, total=False):
    a: int
print(M2.__optional_keys__, M2(a=1))
try: isinstance({}, Movie)
except TypeError as e: print(e)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer), issubclass(F, Closer))
class NP(Protocol):
    def x(self): ...
try: isinstance(F(), NP)
except TypeError as e: print(e)
try: NP()
except TypeError as e: print(e)
UserId = NewType('UserId', int)
print(UserId(5), UserId, repr(UserId), UserId.__supertype__)
print(cast(int, 'x'), cast('int', 1), TYPE_CHECKING)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
def g(a: int, b: 'str' = 'x', c: Optional[int] = None) -> List[int]: return []
print(get_type_hints(g))
class HC:
    a: int
    b: 'List[int]'
    c: ClassVar[int] = 3
print(get_type_hints(HC))
print(typing.no_type_check(g) is g, g.__no_type_check__)
@final
def h(): pass
print(h.__final__)
print(Final, repr(Any), str(Any), type(Any), Any.__module__)
print(List[int].__args__, List[int].__parameters__, List[T].__parameters__, List[T][int], Dict[K, V][int, str])
print(repr(Optional[T]), Union[T, int][str], Callable[[T], T][int])
try: typing.assert_never(3)
except AssertionError as e: print(e)
print(typing.assert_type(3, int), typing.Self, typing.Never, typing.LiteralString, typing.TypeAlias)


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


show('Literal eq', lambda: (Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], Literal[1, Literal[2, 1]]))
show('Union flatten', lambda: (Union[int, Union[str, float]], Union[int, str | None], Optional[Optional[int]]))
show('Union isinstance generic', lambda: isinstance([], Union[List[int], str]))
show('Callable errors', lambda: Callable[int, str])
show('Callable errors 2', lambda: Callable[[int]])
show('Tuple single', lambda: (Tuple[int], Tuple[int, ...].__args__, Tuple[()].__args__))
show('Dict too many', lambda: Dict[int, str, float])
show('Hashable subscript', lambda: Hashable[int])
show('Type subscript', lambda: (Type[int], get_origin(Type[int]), Type[int].__args__))
show('deque alias call', lambda: (Deque[int]([1, 2]), DefaultDict[str, int](int), Counter[str]('aab')))
show('alias attr', lambda: (List[int].__origin__, Dict.__origin__, List._name if hasattr(List, '_name') else None))
show('issubclass alias', lambda: (issubclass(list, List), issubclass(dict, Mapping), issubclass(int, Sequence)))
show('Annotated', lambda: (Annotated[int, 'a', 'b'], Annotated[Annotated[int, 1], 2], get_origin(Annotated[int, 1]),
                           Annotated[int, 1] == Annotated[int, 1]))
show('Annotated bad', lambda: Annotated[int])
show('Final bad', lambda: Final[int, str])
show('TypeVar errors', lambda: TypeVar('X', int))
show('TypeVar both', lambda: TypeVar('X', covariant=True, contravariant=True))
show('TypeVar union', lambda: (T | int, int | T))
show('generic subclass params', lambda: (Pair[int, T].__parameters__, Pair[int, T][str]))


class Sub(Box[int]):
    pass


show('concrete subclass', lambda: (Sub.__parameters__, Sub.__orig_bases__, Sub(5).v))


class Multi(Box[T], Generic[T]):
    pass


show('multi generic', lambda: Multi.__parameters__)
show('plain Generic', lambda: type('G', (Generic,), {}))


class ListSub(List[int]):
    pass


show('List subclass', lambda: (ListSub.__mro__, ListSub([1, 2])))


class Emp(NamedTuple):
    """Employee doc."""
    name: str
    id: int = 3


show('NamedTuple doc', lambda: (Emp.__doc__, Emp('a'), Emp._field_defaults))
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print('NamedTuple bad', e)
show('NamedTuple kwargs', lambda: NamedTuple('KW', x=int, y=str)(1, 'y'))


class Point3(TypedDict, total=False):
    x: Required[int]
    y: NotRequired[int]
    z: int


show('TypedDict keys', lambda: (sorted(Point3.__required_keys__), sorted(Point3.__optional_keys__), Point3(x=1)))
Func = TypedDict('Func', {'a': int, 'b': str})
show('TypedDict functional', lambda: (Func(a=1, b='x'), Func.__annotations__, Func.__total__, typing.is_typeddict(Func),
                                      typing.is_typeddict(dict)))


class Child(Movie):
    extra: bool


show('TypedDict inherit', lambda: (Child.__annotations__, sorted(Child.__required_keys__)))


@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...


show('protocol builtin', lambda: (isinstance([], HasLen), isinstance(3, HasLen), issubclass(str, HasLen)))


@runtime_checkable
class HasAttr(Protocol):
    name: str


class Named:
    name = 'n'


show('protocol attr', lambda: (isinstance(Named(), HasAttr), isinstance(3, HasAttr)))
show('protocol attr issubclass', lambda: issubclass(Named, HasAttr))


class Impl(Closer):
    pass


show('explicit impl', lambda: (type(Impl()).__name__, isinstance(Impl(), Closer)))
show('runtime_checkable bad', lambda: runtime_checkable(int))
show('Supports', lambda: (isinstance(1, SupportsInt), isinstance('x', SupportsInt), isinstance(1.5, SupportsIndex),
                          isinstance(2, SupportsAbs), isinstance(2.5, SupportsRound)))


def annotated(a: 'int', b: 'Optional[List[str]]' = None, c: 'Dict[str, "Box[int]"]' = None) -> 'Box[int]':
    pass


show('hints strings', lambda: get_type_hints(annotated))
show('hints bad name', lambda: get_type_hints(lambda x: 0) if False else get_type_hints(type('A', (), {'__annotations__': {'q': 'Undefined'}, '__module__': __name__})))
show('ForwardRef', lambda: (ForwardRef('int'), ForwardRef('int') == ForwardRef('int'), List['Box'], Optional['X']))
show('ForwardRef bad', lambda: ForwardRef('1 +'))
show('cast', lambda: (cast(List[int], 'x'), cast('Foo', 2)))
show('overload dummy', lambda: overload(lambda: 0)())
show('get_overloads', lambda: len(typing.get_overloads(f)))
show('NewType', lambda: (UserId.__name__, UserId.__qualname__, UserId(3) + 1, Optional[UserId]))
show('NewType subclass', lambda: type('X', (UserId,), {}))
show('Pattern', lambda: (typing.Pattern, typing.Match[str]))
show('TYPE_CHECKING', lambda: typing.TYPE_CHECKING)
show('Text', lambda: typing.Text is str)
show('get_args misc', lambda: (get_args(Literal[1, 2]), get_args(Union[int, str] | None), get_args(list[int]),
                               get_origin(list[int]), get_origin(int | str), get_args(int | str), get_origin(Generic)))
show('__all__', lambda: sorted(typing.__all__))
