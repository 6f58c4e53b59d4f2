# __slots__ classes (reads), methods shadowed by instance attributes, bound methods kept in
# variables, classmethods/staticmethods through the method cache, and builtin methods
# next to Python methods of the same names.


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


def read(o):
    return o.a, o.total()


s = Slotted(1, 2)
for i in range(20):
    s.a = i
    r = read(s)
print(r)


class M:
    def m(self):
        return "method"

    @classmethod
    def cm(cls):
        return "classmethod of " + cls.__name__

    @staticmethod
    def sm():
        return "staticmethod"


class N(M):
    pass


def calls(o):
    return o.m(), o.cm(), o.sm()


objs = [M(), N()]
for _ in range(10):
    out = [calls(o) for o in objs]
print(out)

# Instance attribute shadowing a method after warm-up, then removed.
o = N()
for _ in range(10):
    calls(o)
o.m = lambda: "instance lambda"
print(calls(o))
del o.m
print(calls(o))

# Monkeypatching a method on the class and a bound method kept aside.
bound = o.m
M.m = lambda self: "patched"
print(calls(o), bound())

# Builtin methods through the same kind of site.
def push(xs, v):
    xs.append(v)
    return xs.count(v)


xs = []
for i in range(10):
    push(xs, i % 3)
print(xs, push(xs, 1))


class L:
    def __init__(self):
        self.items = []

    def append(self, v):
        self.items.append(v * 2)

    def count(self, v):
        return self.items.count(v) + 100


print(push(L(), 4), push(xs, 2))
