# Calls with *args and **kwargs (CALL_FUNCTION_EX, DICT_MERGE) and their errors.


def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"


def three(a, b, c=30, *, d=40):
    return (a, b, c, d)


class Point:
    def __init__(self, x, y=0, **extra):
        self.x, self.y, self.extra = x, y, extra

    def move(self, *deltas, scale=1):
        for dx, dy in deltas:
            self.x += dx * scale
            self.y += dy * scale
        return self


class Keys:
    """A mapping that is not a dict: keys() and __getitem__."""

    def keys(self):
        return ["u", "v"]

    def __getitem__(self, key):
        return key.upper()


def gen(n):
    yield from range(n)


print(show(*[1, 2], **{"x": 1}))
print(show(*(1, 2)))
print(show(*"ab", *gen(3)))
print(show(0, *range(3), 9, **{"y": 2}, z=3))
print(show(**Keys()))
print(show(*{"k": 1}, **dict(a=1), b=2))
print(three(*[1, 2]))
print(three(1, **{"b": 5, "d": 7}))
print(three(*(1, 2, 3), d=4))
args = (10, 20)
opts = {"c": 3}
print(three(*args, **opts))
p = Point(*[1], **{"y": 2, "color": "red"})
print(p.x, p.y, p.extra)
p.move(*[(1, 1), (2, 2)], **{"scale": 10})
print(p.x, p.y)
print(*[1, 2, 3], sep="-", **{"end": "!\n"})
print(max(*[3, 9, 2]), min(*"zya"), sorted(*[[3, 1, 2]], **{"reverse": True}))
print(dict(**{"a": 1}, b=2), list(*[range(3)]))
bound = [].append
print(type(bound).__name__)
print((lambda *a, **k: (a, k))(*range(2), **{"q": None}))
print(show(*[], **{}))


def check(label, thunk):
    try:
        thunk()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


check("*int", lambda: show(*1))
check("mixed *int", lambda: show(1, *2))
check("**int", lambda: show(**1))
check("**list", lambda: show(**[("a", 1)]))
check("repeat kw", lambda: show(a=1, **{"a": 2}))
check("repeat **", lambda: show(**{"a": 1}, **{"a": 2}))
check("repeat after", lambda: show(**{"a": 1}, a=3))
check("int key", lambda: show(**{1: 2}))
check("print *int", lambda: print(*1))
check("len *int", lambda: len(*1))
check("method *int", lambda: [].append(*1))
check("classmethod *int", lambda: dict.fromkeys(*1))
check("str method *int", lambda: "".join(*1))
check("class *int", lambda: Point(*5))
check("bound *int", lambda: p.move(*5))
check("unexpected", lambda: three(1, 2, **{"c": 1, "x": 2}))
check("too many", lambda: three(1, *[2, 3, 4]))
check("missing kw", lambda: three(**{"a": 1}))
check("multiple", lambda: three(1, *[2], **{"a": 3}))
check("not callable", lambda: (5)(*[1]))
