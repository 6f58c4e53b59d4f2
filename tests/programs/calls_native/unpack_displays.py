# Displays with unpacking: [*a], (*a,), {*a}, {**m} (LIST_EXTEND, SET_UPDATE, DICT_UPDATE).


class Keys:
    def keys(self):
        return iter(["b", "a"])

    def __getitem__(self, key):
        return ord(key)


class Seq:
    def __iter__(self):
        return iter([7, 8])


a = [1, 2]
t = (3, 4)
print([*a, *t, *"xy", *range(2), *{5: 0}])
print((*a,), (*a, *t), (0, *Seq(), 9))
print(sorted({*a, *t, *a}), {*()} == set())
print([*a, 0, *a], [*[], *()])
d = {"x": 1, "y": 2}
print({**d, "z": 3}, {"x": 0, **d}, {**d, "x": 9}, {**{}, **Keys()})
print({**d, **{"y": 20}, "w": 0})
print([*(x * 2 for x in range(3))], [*map(str, a)])
nested = [[*row, 0] for row in [[1], [2, 3]]]
print(nested)
print(dict(**d), dict(d, **{"q": 1}))
print({**dict.fromkeys("ab")}, [*reversed(a)], [*enumerate("hi")])


def check(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


check("[*int]", lambda: [*1])
check("(*int,)", lambda: (*1,))
check("{*int}", lambda: {*1})
check("{**int}", lambda: {**1})
check("{**list}", lambda: {**[1, 2]})
check("{**seq}", lambda: {**Seq()})
check("[*none]", lambda: [0, *None])
check("{*[[]]}", lambda: {*[[1]]})
check("dict(**{1: 2})", lambda: dict(**{1: 2}))
