# PEP 560 in class statements: __mro_entries__, __orig_bases__, typing's Generic/Protocol.
from typing import Generic, TypeVar, Protocol, List, Dict, NamedTuple, runtime_checkable

T = TypeVar('T')
K = TypeVar('K')


class Box(Generic[T]):
    def __init__(self, v):
        self.v = v


class Pair(Box[T], Generic[T, K]):
    pass


print(Box.__orig_bases__, Box.__mro__, Box.__parameters__)
print(Pair.__orig_bases__, Pair.__mro__, Pair.__parameters__)
print(Box[int], Box[int](3).v, Pair[int, str].__args__, '__orig_bases__' in Box.__dict__)


@runtime_checkable
class Sized2(Protocol[T]):
    def size(self) -> T: ...


class Impl:
    def size(self):
        return 3


print(Sized2.__orig_bases__, isinstance(Impl(), Sized2), isinstance(3, Sized2))


class L(List[int]):
    pass


print(L.__mro__, L.__orig_bases__, L([1, 2]))


class Entries:
    calls = []

    def __mro_entries__(self, bases):
        Entries.calls.append(len(bases))
        return (dict,) if len(bases) == 1 else ()


class D(Entries()):
    pass


class E(Entries(), int):
    pass


print(D.__mro__, E.__mro__, Entries.calls, D.__orig_bases__[0].__class__.__name__)


class Plain(int):
    pass


print('__orig_bases__' in Plain.__dict__, hasattr(Plain, '__orig_bases__'))


class BadEntries:
    def __mro_entries__(self, bases):
        return [int]


try:
    class F(BadEntries()):
        pass
except TypeError as e:
    print('TypeError:', e)


class Raising:
    def __mro_entries__(self, bases):
        raise ValueError('no entries')


try:
    class G(Raising()):
        pass
except ValueError as e:
    print('ValueError:', e)


class Point(NamedTuple):
    x: int
    y: int = 0


print(Point(1), Point(1, 2)._asdict())
try:
    class H(3):
        pass
except TypeError as e:
    print('TypeError:', e)
