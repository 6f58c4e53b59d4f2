# GenericAlias attributes natively: __parameters__, __mro_entries__, attribute lookups
# forwarded to the origin, hash, isinstance/issubclass refusals, the types module's names.
import types
from typing import TypeVar
T = TypeVar('T')
U = TypeVar('U')
print(list[T].__parameters__, dict[T, list[U]].__parameters__, dict[T, T].__parameters__)
print(list[int].__parameters__, tuple[int, ...].__parameters__, list[list[T]].__parameters__)
print(list[int].__mro_entries__((1,)), list[int].__class__, list[int].__module__)
print(list[int].append is list.append, dict[str, int].fromkeys('ab'), list[int].__name__)
print(hash(list[int]) == hash(list[int]), hash(list[int]) == hash(list[str]), {list[int]: 1}[list[int]])
for f in (isinstance, issubclass):
    try:
        f(list, list[int])
    except TypeError as e:
        print('TypeError:', e)
try:
    list[int].nope
except AttributeError as e:
    print('AttributeError:', e)
print(types.GenericAlias, types.UnionType, type(list[int]) is types.GenericAlias, type(int | str) is types.UnionType)
print(type(list[int]).__module__, type(int | str).__name__, repr(type(dict[str, int])))


class C(list[int]):
    pass


class D(dict[str, T]):
    pass


print(C.__mro__, C.__orig_bases__, C([1, 2]), D.__orig_bases__, D(a=1))
print(isinstance(C(), list), issubclass(D, dict), '__orig_bases__' in vars(C))
