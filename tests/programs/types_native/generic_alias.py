# Parameterized generics natively: list[int], dict[str, list[A]], tuple[()], type subscription errors, __class_getitem__ (implicit classmethod), GenericAlias attributes, == and calls.
class A: pass
print(list[int], dict[str, list[A]], tuple[int, ...], tuple[()], type[int], list[int] == list[int], list[int]((1,2)), list[int].__origin__, list[int].__args__, type(list[int]).__name__)
print(list[int] != dict[int], list[int] == list[str], repr(list[len]), list[None], list[1], set[frozenset[int]])
try: int[1]
except TypeError as e: print(e)
try: A[1]
except TypeError as e: print(e)
class G:
    def __class_getitem__(cls, k): return (cls.__name__, k)
class H(G): pass
print(G[int], G['x'], H[1])
class C:
    @classmethod
    def __class_getitem__(cls, k): return cls.__name__ + '!'
print(C[0])
def f(x: list[int]) -> dict[str, int]:
    return {'n': len(x)}
print(f([1, 2]))
def g(): pass
print(list[g], list[print], list[[].append] == list[[].append])
