# Builtin functions stored as class attributes are not descriptors: instances see the
# function itself (CPython's builtin_function_or_method has no __get__), while builtin
# methods of types (method descriptors) still bind.
import math


class C:
    f = len
    g = abs
    h = math.sqrt
    up = str.upper

    def __init__(self):
        self.items = [1, 2, 3]


c = C()
print(c.f([1, 2]), C.f("abc"), c.g(-3), c.h(16.0))
print(c.f is len, C.f is len, c.h is math.sqrt)
try:
    c.up()
except TypeError as e:
    print("TypeError:", e)
m = getattr(c, "f")
print(m("xyz"), m is len)


class D(C):
    pass


print(D().f((1, 2, 3, 4)), D.g(-2.5))
