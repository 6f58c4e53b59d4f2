# `a + b` sites the profile saw with two strs (BINARY_OP_ADD_STR: exact strs go straight to
# the concatenation). Training run (any argument): strs only. The run without one adds str
# subclasses with and without their own __add__/__radd__, other sequences and numbers at
# the same sites, and ends with a TypeError from one of them.
import sys

TRAIN = len(sys.argv) > 1


def glue(a, b):
    return a + b


def build(parts):
    w = ""
    for p in parts:
        w += p
    return w


class Loud(str):
    def __add__(self, other):
        return Loud(str.__add__(self.upper(), other))

    def __radd__(self, other):
        return "r:" + other + str(self)


class Plain(str):
    pass


for _ in range(20 if TRAIN else 1):
    print(glue("ab", "cd"), build(["x", "y", "z"]), glue("", "q"), glue("q", ""), glue("é", "☃"), glue("a", "😀"))
if not TRAIN:
    print(glue(Loud("ab"), "cd"), type(glue(Loud("ab"), "cd")).__name__)
    print(glue("ab", Loud("cd")))
    print(glue(Plain("ab"), "cd"), type(glue(Plain("ab"), "cd")).__name__)
    print(glue([1], [2]), glue(1, 2), glue(1.5, 2), glue((1,), (2,)))
    print(build(["a", Loud("b"), "c"]), build([Plain("p"), "q"]))
    print(len(build(["xy"] * 1000)))
    try:
        glue(None, "x")
    except TypeError as e:
        print("TypeError:", e)
    print(glue("total: ", 3))
