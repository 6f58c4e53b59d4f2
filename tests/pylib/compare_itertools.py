"""Behaviour of itertools, printed for comparison (see run.sh compare)."""
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


show('count', lambda: (list(islice(count(), 3)), list(islice(count(2.5, -0.5), 4)), repr(count(3, 2)),
                       repr(count()), repr(count(1.0)), repr(count(0, 1.0)), repr(count(5, True))))
cnt = count(10)
next(cnt)
show('count repr after next', lambda: repr(cnt))
show('count bad', lambda: count('a'))
show('count complex', lambda: list(islice(count(1j, 1), 2)))
show('cycle', lambda: (list(islice(cycle('ab'), 5)), list(cycle([]))))
show('repeat', lambda: (list(repeat(1, 3)), list(repeat(1, -2)), repr(repeat('a')), repr(repeat('a', 2)),
                        list(islice(repeat(None), 2))))
rp = repeat(0, 2)
next(rp)
show('repeat repr after next', lambda: (repr(rp), rp.__length_hint__()))
show('repeat bad', lambda: repeat(1, 'x'))
show('accumulate', lambda: (list(accumulate([1, 2, 3])), list(accumulate([1, 2, 3], initial=10)),
                            list(accumulate([], initial=0)), list(accumulate([3, 1, 2], min)),
                            list(accumulate(['a', 'b'])), list(accumulate([]))))
show('accumulate bad', lambda: accumulate(5))
show('chain', lambda: (list(chain('ab', [1], ())), list(chain.from_iterable(['ab', 'c'])), list(chain())))
show('chain lazy error', lambda: list(chain([1], 5)))
show('compress', lambda: list(compress('abcdef', [1, 0, 1])))
show('dropwhile', lambda: list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
show('takewhile', lambda: list(takewhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
show('filterfalse', lambda: (list(filterfalse(None, [0, 1, '', 'a'])), list(filterfalse(lambda x: x % 2, range(6)))))
show('starmap', lambda: list(starmap(max, [(1, 5), (7, 2)])))
show('groupby', lambda: [(k, list(g)) for k, g in groupby('aabbbcaa')])
show('groupby key', lambda: [(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
gb = groupby('aaabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
show('groupby invalidated', lambda: (k1, list(g1), k2, list(g2), [(k, list(g)) for k, g in gb]))
gb = groupby('aabb')
k1, g1 = next(gb)
show('groupby partial', lambda: (next(g1), next(gb)[0], list(g1)))
show('groupby empty', lambda: list(groupby([])))
for args in [(5,), (2, 5), (2, 8, 3), (None,), (3, None), (0, None, 4), (None, None, None), (1, 1)]:
    show('islice %r' % (args,), lambda: list(islice(range(10), *args)))
for bad in [(-1,), (1, -1), ('a',), (0, 5, 0), (0, 5, -1), (1.5,), (), (1, 2, 3, 4)]:
    show('islice bad %r' % (bad,), lambda: islice([], *bad))
src = iter(range(10))
show('islice consumption', lambda: (list(islice(src, 1, 5, 2)), next(src)))
src2 = iter(range(10))
show('islice stop consumption', lambda: (list(islice(src2, 3)), next(src2)))
show('pairwise', lambda: (list(pairwise('abcd')), list(pairwise('a')), list(pairwise(''))))
a, b = tee(iter(range(4)))
show('tee', lambda: (next(a), next(a), list(b), list(a)))
show('tee n', lambda: [list(t) for t in tee('abc', 3)])
show('tee 0', lambda: tee('abc', 0))
show('tee neg', lambda: tee('abc', -1))
t1, t2 = tee('xyz')
t3, t4 = tee(t1)
show('tee of tee', lambda: (list(t3), list(t4), list(t2)))
show('zip_longest', lambda: (list(zip_longest('ab', 'xyz', [1])), list(zip_longest('ab', 'c', fillvalue='-')),
                             list(zip_longest())))
show('product', lambda: (list(product('ab', range(2))), list(product('ab', repeat=2)), list(product()),
                         list(product('ab', repeat=0)), list(product([], 'ab'))))
show('product bad repeat', lambda: product('a', repeat=-1))
for n in range(4):
    for r in range(5):
        print('comb', n, r, list(permutations(range(n), r)), list(combinations(range(n), r)),
              list(combinations_with_replacement(range(n), r)))
show('permutations default', lambda: list(permutations('abc')))
show('permutations bad', lambda: permutations('abc', -1))
show('permutations bad type', lambda: permutations('abc', 'x'))
show('combinations missing r', lambda: combinations('abc'))
show('combinations bad', lambda: combinations('abc', -2))
show('lazy argument errors', lambda: [f(5) for f in (cycle, pairwise, zip_longest)])
