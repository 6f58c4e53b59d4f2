print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], list[int]==list[int])
print(repr(list['Node']), int|None, int|str|int, type(int|str), (int|str).__args__)
print(list[int].__origin__, list[int].__args__, list[int].__parameters__)
print(type(list[int]), list[int]([1,2]), hash(list[int])==hash(list[int]))
try: isinstance([], list[int])
except TypeError as e: print(e)
print(isinstance(3, int|str), issubclass(bool, int|str))
print(list[int] | None)
print(type[int], type(type[int]))
try: int | 'x'
except TypeError as e: print(e)
print(iter([1,2,3].pop, 1).__class__)
print(list(iter([1,2,3].pop, 1)))
print((int | str) == (str | int), hash(int | str) == hash(str | int), int | None | None)
class C(list[int]):
    pass
print(C.__mro__, C.__orig_bases__)
print(list[int].append is list.append, list[int]().__orig_class__ if False else 'ok')
