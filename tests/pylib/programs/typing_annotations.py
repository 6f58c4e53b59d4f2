# typing at run time: reprs of annotations, generics, protocols, NamedTuple, TypedDict.
from typing import (Any, Callable, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, Tuple,
                    TypedDict, TypeVar, Union, cast, get_args, get_origin, get_type_hints, runtime_checkable,
                    Iterable, ClassVar, Final)

T = TypeVar('T')
K = TypeVar('K', bound=str)
print(T, K, Optional[int], Union[int, str], List[Dict[str, int]], Tuple[int, ...], Callable[[int, str], bool])
print(Literal['r', 'w'], Final[int], ClassVar[List[T]], Any, Optional[Union[int, str]])
print(get_origin(List[int]), get_args(Dict[str, List[int]]), get_args(Optional[float]))


class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(Stack[int], Stack.__parameters__, s.pop(), s.items)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closable), isinstance(3, Closable))


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


print(Point(3, -4), Point(3, -4).norm1(), Point._fields, Point.__annotations__)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title='Up', year=2009)
print(m, type(m).__name__, Movie.__annotations__)


def total(values: Iterable[float], scale: 'float' = 1.0) -> float:
    return sum(values) * scale


print(get_type_hints(total), cast(int, '3'), total([1, 2]))
