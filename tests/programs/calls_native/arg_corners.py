# Argument passing corners: every parameter kind at once, unpacking into builtins, classes
# and methods, mappings that are not dicts, big *args, starred targets in loops and nests.
from_ = 0


def every(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw


print(every(1, d=4))
print(every(1, 2, 3, 4, 5, d=6, f=7))
print(every(*[1, 2], **{'c': 9, 'd': 8, 'z': 0}))
print(every(1, c=3, d=4, b=5))


class Mapping:
    def __init__(self, pairs):
        self.pairs = pairs

    def keys(self):
        return [k for k, _ in self.pairs]

    def __getitem__(self, k):
        for kk, v in self.pairs:
            if kk == k:
                return v * 10
        raise KeyError(k)


def kw(**k):
    return k


print(kw(**Mapping([('x', 1), ('y', 2)])), {**Mapping([('q', 3)]), 'r': 4})
print(dict(**{'a': 1}), dict({'b': 2}, **{'c': 3}))
print(*[1, 2, 3], **{'sep': '-'})
print(sorted(*[[3, 1, 2]], **{'reverse': True}), max(*range(5), **{'key': lambda v: -v}))


class Point:
    def __init__(self, x, y=0, **extra):
        self.x, self.y, self.extra = x, y, extra

    def moved(self, *d, scale=1):
        return [v * scale for v in d]


p = Point(*(1,), **{'y': 2, 'tag': 't'})
print(p.x, p.y, p.extra, p.moved(*range(3), scale=2), Point.moved(p, 5))


def count(*a):
    return len(a), a[-1] if a else None


print(count(*range(20000)), count(*'abc', *'xy'), count(*{1: 'a', 2: 'b'}), count(*(i * i for i in range(4))))


def rec(n, *acc):
    return acc if n == 0 else rec(n - 1, *acc, n)


print(rec(10), len(rec(200)))
for a, *b in [(1, 2, 3), 'xy', [4]]:
    print(a, b)
x, (y, *z), *w = 1, 'abc', 2, 3
print(x, y, z, w)
*h, t = range(4)
print(h, t)
print([*'ab', *{3: 4}, *(5,)], (*range(2), *[9]), {*'aa', *[1, 1]} == {'a', 1}, {**{1: 'a'}, 1: 'b', **{2: 'c'}})


def check(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


check('kw twice', lambda: kw(**{'a': 1}, a=2))
check('kw twice map', lambda: kw(**{'a': 1}, **Mapping([('a', 1)])))
check('None *', lambda: count(*None))
check('None **', lambda: kw(**None))
check('every missing', lambda: every())
check('every missing d', lambda: every(1))
check('every b as kw', lambda: every(1, b=2, d=1))
check('too few', lambda: [(a, b, c) for a, *b, c in ['x']])
check('key raises', lambda: kw(**Mapping([('zz', 1)]) if False else Mapping([(1, 2)])))
check('int keys', lambda: kw(**Mapping([(1, 2)])))
check('init kw', lambda: Point(1, q=2, x=3))
check('method kw', lambda: p.moved(1, scal=2))
check('builtin kw', lambda: len([], **{'x': 1}))
check('print kw', lambda: print(**{'sepp': 1}))
check('gen raises', lambda: count(*(1 / 0 for _ in 'a')))
