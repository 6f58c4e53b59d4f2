# repr() of functions, bound methods and builtin functions (addresses cut off).
import math


def f():
    pass


class A:
    def m(self):
        pass

    def __repr__(self):
        return "<an A>"


def shown(x):
    r = repr(x)
    return r.split(" at 0x")[0] if " at 0x" in r else r


print(shown(f), shown(lambda: 0), shown(A.m))
print(shown(A().m), str(A().m))
print(shown(len), shown(print), shown(math.sqrt), shown(math.floor))
print(shown([].append), shown({}.get), shown("x".join))


def outer():
    def inner():
        pass
    return inner


print(shown(outer()), [shown(g) for g in (abs, max)])
