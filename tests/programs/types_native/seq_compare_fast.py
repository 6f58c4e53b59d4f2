# Tuple and list comparisons whose items are small ints or exact strs take a fast path in
# the native runtime (rt_cont_seqcompare): check every operator against CPython, with
# negative and wide ints, bools, floats, non-ASCII strs, str subclasses overriding the
# operators, and sorting with tuple keys.

OPS = [
    ("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b),
]


def table(pairs):
    for x, y in pairs:
        print(repr(x), repr(y), " ".join(name + str(int(f(x, y))) for name, f in OPS))


ints = [
    ((1, 2), (1, 3)), ((-5, 0), (3, 0)), ((3,), (-3,)), ((0,), (0,)),
    ((-(2 ** 47), 1), (2 ** 47 - 1, 1)), ((2 ** 47, 1), (2 ** 47 - 1, 1)),
    ((2 ** 70,), (5,)), ((-(2 ** 70),), (-5,)), ((True, 1), (1, 0)), ((1, 0), (True, 1)),
    ((1.5, 0), (1, 0)), ((2, "a"), (2.0, "b")), ([1, 2, 3], [1, 2]), ([-1], [1]),
    ((-1, "b"), (-1, "a")), ((7, 8, 9), (7, 8, 9)),
]
table(ints)

strs = [
    (("a",), ("b",)), (("ab",), ("a",)), (("",), ("a",)), (("same",), ("same",)),
    (("é",), ("e",)), (("\U0001f600",), ("\uffff",)), (("zz", 1), ("zz", 2)),
    (["ka", "lo"], ["ka", "lo", ""]), (("x" * 40 + "a",), ("x" * 40 + "b",)),
    (("Abc",), ("abc",)),
]
table(strs)
# Equal strs that are distinct objects.
s1 = "".join(["ru", "ta"])
s2 = "ru" + "ta"[0:2]
print((s1, 1) == (s2, 1), (s1, 1) < (s2, 2), [s1] <= [s2], (s1,) != (s2,))


class Rev(str):
    def __lt__(self, other):
        print("Rev.__lt__", str(self), str(other))
        return str.__gt__(self, other)

    def __eq__(self, other):
        print("Rev.__eq__", str(self), str(other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class Big(int):
    def __eq__(self, other):
        print("Big.__eq__", int(self), other)
        return int.__eq__(self, other)

    def __lt__(self, other):
        print("Big.__lt__", int(self), other)
        return int.__lt__(self, other)

    __hash__ = int.__hash__


print((Rev("a"),) < (Rev("b"),))
print((Rev("a"), 1) < ("a", 2))
print((Big(1),) < (2,))
print((Big(3), 0) == (3, 1))

words = ["ka", "lo", "mi", "ka", "shi", "lo", "ka", "é", "an", "an"]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(3, "b"), (-1, "z"), (3, "a"), (2 ** 60, ""), (-(2 ** 60), "q"), (0, "é")]))
print(sorted([["b", 2], ["a", 3], ["b", 1], ["a", -3]], reverse=True))
print(max([(1, "x"), (1, "y"), (0, "z")]), min([("b", 0), ("a", 9), ("a", -9)]))
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print(("a", 1) < (2, 1))
except TypeError as e:
    print("TypeError:", e)
