# list[int], tuple[int] and list[int] = v, specialized by a training run over exact lists
# and tuples with small in-range ints, then run with everything the fast path leaves to the
# generic one: negative and out-of-range indices, big ints, bools, __index__ objects,
# slices, subclasses with their own __getitem__/__setitem__, dicts, strs, ranges, and an
# IndexError that ends the program with a traceback.
import sys

TRAIN = len(sys.argv) > 1


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


class Loud(list):
    def __getitem__(self, i):
        return ('Loud', i)

    def __setitem__(self, i, v):
        print('Loud set', i, v)


def get(xs, i):
    return xs[i]


def tget(t, i):
    return t[i]


def put(xs, i, v):
    xs[i] = v


def swap_sum(xs):
    # the in-place form: COPY, BINARY_SUBSCR, ..., STORE_SUBSCR
    n = len(xs)
    for i in range(n):
        xs[i] += xs[n - 1 - i]
    return xs


def train():
    a = list(range(10))
    t = tuple(range(10))
    for k in range(300):
        get(a, k % 10)
        tget(t, k % 10)
        put(a, k % 10, k)
        swap_sum([1, 2, 3])


def attempt(f, *args):
    try:
        print(f.__name__, repr(f(*args)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


def main():
    a = [10, 20, 30]
    t = (1, 2, 3)
    for i in [0, 2, -1, -3, 3, -4, 2**40, 2**62, -2**70, True, False, Idx(1), Idx(-1), Idx(7), 1.0, 'x', None, slice(1, None), slice(None, None, -1)]:
        attempt(get, a, i)
        attempt(tget, t, i)
        attempt(put, list(a), i, 'v')
    attempt(get, Loud([1, 2]), 0)
    attempt(put, Loud([1, 2]), 0, 'w')
    attempt(get, {0: 'zero', 'k': 'K'}, 0)
    attempt(get, {0: 'zero'}, 1)
    attempt(get, 'abc', -1)
    attempt(get, range(3, 9), 2)
    attempt(tget, [7, 8], 1)
    attempt(tget, 'xy', 0)
    attempt(put, {}, 'k', 1)
    attempt(put, (1, 2), 0, 1)
    attempt(get, [], 0)
    attempt(tget, (), -1)
    print(swap_sum([1, 2, 3, 4]), swap_sum([1.5, 'a'] if False else [0.5, 0.25]))
    b = [[0] * 3 for _ in range(3)]
    for i in range(3):
        for j in range(3):
            put(b[i], j, get(b[j], i) + i * 3 + j)
    print(b)
    big = list(range(100000))
    s = 0
    for i in range(0, 100000, 7):
        s += get(big, i) + get(big, -i - 1)
    print(s)
    print(get(a, 5))


if TRAIN:
    train()
else:
    main()
