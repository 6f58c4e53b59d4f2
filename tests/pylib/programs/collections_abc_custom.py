# collections.abc: writing containers from the ABC mixins and checking builtin types.
from collections.abc import (Sequence, MutableMapping, Set, Iterable, Iterator, Hashable, Sized, Callable,
                             Mapping, MutableSequence, Generator)


class Range2(Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('Range2 index out of range')
        return i * 2


r = Range2(5)
print(list(r), r[1:4], 6 in r, 7 in r, r.index(8), r.count(2), list(reversed(r)), len(r))


class LowerDict(MutableMapping):
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._d[key.lower()]

    def __setitem__(self, key, value):
        self._d[key.lower()] = value

    def __delitem__(self, key):
        del self._d[key.lower()]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


ld = LowerDict({'A': 1}, B=2)
ld['c'] = 3
print(dict(ld), ld['a'], 'B' in ld, ld.get('Z', 0), ld.pop('b'), ld.setdefault('D', 4), sorted(ld.items()))
print(ld == {'a': 1, 'c': 3, 'd': 4}, ld.popitem(), len(ld))


class Letters(Set):
    def __init__(self, text):
        self._s = sorted(set(text))

    def __contains__(self, c):
        return c in self._s

    def __iter__(self):
        return iter(self._s)

    def __len__(self):
        return len(self._s)

    def __repr__(self):
        return 'Letters(%r)' % ''.join(self._s)


a, b = Letters('hello'), Letters('world')
print(a & b, a | b, a - b, a ^ b, a <= Letters('helo'), a.isdisjoint(Letters('xyz')))
for obj in [[1], (1,), 'ab', {1: 2}, {1}, 3, 2.5, len, iter([]), (x for x in [])]:
    print(type(obj).__name__, [isinstance(obj, t) for t in (Iterable, Iterator, Hashable, Sized, Callable,
                                                           Sequence, Mapping, MutableSequence, Generator)])
try:
    Sequence()
except TypeError as e:
    print('TypeError:', e)
