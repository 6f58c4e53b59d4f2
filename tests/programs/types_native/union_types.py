# PEP 604 unions: int | str makes a types.UnionType (flattened, deduplicated), usable in
# isinstance/issubclass, with CPython's repr, ==, hash and __args__.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


class A:
    pass


class B(A):
    pass


U = int | str
print(U, type(U).__name__, U.__args__)
print(int | None, None | int, type(None) | int)
print(int | str | None | int, (int | str) | (str | float))
print(int | int, (int | int) is int)
print(A | B, list[int] | None, list[int] | list[int] | dict[str, A])
print(U == (str | int), U == (int | float), U != (str | int), (int | str) == int)
print(hash(int | str) == hash(str | int))
print({int | str: 1}[str | int])
print(isinstance(3, U), isinstance('x', U), isinstance(3.0, U), isinstance(None, int | None))
print(isinstance(B(), A | int), isinstance(A(), B | int))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(B, A | None))
print(isinstance(3, (float, int | str)), isinstance([], (float, int | str)))
print(type.__or__(int, None), type.__ror__(int, str))
t('int | "str"', lambda: int | 'str')
t('3 | int', lambda: 3 | int)
t('int | 3', lambda: int | 3)
t('issubclass 1', lambda: issubclass(1, int | str))
t('parameters', lambda: U.__parameters__)
t('set of unions', lambda: len({int | str, str | int, int | float}))
x = int
x |= str
print(x)


def annotated(a: int | None = None) -> list[int] | None:
    return a


print(annotated.__annotations__)
