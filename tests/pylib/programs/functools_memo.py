# functools: memoization, partial application, dispatch and ordering helpers.
from functools import lru_cache, cache, partial, reduce, singledispatch, total_ordering, cached_property, wraps, cmp_to_key
import operator


@lru_cache(maxsize=64)
def edit_distance(a, b):
    if not a or not b:
        return len(a) + len(b)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


print(edit_distance('kitten', 'sitting'), edit_distance('flaw', 'lawn'), edit_distance.cache_info())


@cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print(partitions(50, 50), partitions.cache_info().hits > 0)
to_hex = partial(format, format_spec='x')
print([to_hex(n) for n in (10, 255, 4096)], partial(int, base=16)('ff'))
print(reduce(operator.mul, range(1, 11)), reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0))


def timed(fn):
    @wraps(fn)
    def inner(*args):
        result = fn(*args)
        print('  called %s%r -> %r' % (fn.__name__, args, result))
        return result
    return inner


@timed
def area(w, h):
    """Area of a rectangle."""
    return w * h


area(2, 3)
print(area.__name__, area.__doc__)


@singledispatch
def describe(obj):
    return 'something'


@describe.register
def _(obj: int):
    return 'int %d' % obj


@describe.register
def _(obj: list):
    return '[' + ', '.join(describe(x) for x in obj) + ']'


@describe.register(str)
def _(obj):
    return 'str %r' % obj


print(describe(3), describe('x'), describe([1, 'y', 2.5]), describe(True))


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return 'Version(%s)' % '.'.join(map(str, self.parts))


vs = [Version('1.10'), Version('1.2'), Version('0.9.9')]
print(sorted(vs), max(vs), Version('1.2') >= Version('1.2.0'), Version('2') > Version('1.99'))


class Report:
    def __init__(self, rows):
        self.rows = rows

    @cached_property
    def total(self):
        print('  computing total')
        return sum(self.rows)


rep = Report([1, 2, 3])
print(rep.total, rep.total)
print(sorted(['b', 'A', 'c', 'B'], key=cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
