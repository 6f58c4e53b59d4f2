# itertools in a log-processing pipeline.
from itertools import (groupby, chain, islice, accumulate, count, cycle, repeat, product, permutations,
                       combinations, zip_longest, pairwise, takewhile, dropwhile, starmap, tee, compress,
                       filterfalse, combinations_with_replacement)
import operator

logs = [('09:00', 'web', 200), ('09:01', 'web', 500), ('09:01', 'api', 200), ('09:02', 'api', 404),
        ('09:03', 'web', 200), ('09:03', 'db', 200), ('09:05', 'api', 500)]
for minute, entries in groupby(logs, key=lambda e: e[0]):
    print(minute, [svc for _, svc, _ in entries])
by_service = {k: [code for _, _, code in g] for k, g in groupby(sorted(logs, key=lambda e: e[1]), key=lambda e: e[1])}
print(by_service)
errors = list(filterfalse(lambda e: e[2] < 400, logs))
print(errors, list(compress(logs, [e[2] == 200 for e in logs]))[:2])
print(list(accumulate(e[2] for e in logs)), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul, initial=10)))
ids = count(1000, 7)
print([next(ids) for _ in range(3)], list(islice(cycle('RGB'), 7)), list(repeat('-', 3)))
print(list(chain.from_iterable([[1, 2], (3,), 'ab'])), list(islice(chain(range(3), count(10)), 6)))
print(list(takewhile(lambda e: e[2] == 200, logs)), len(list(dropwhile(lambda e: e[0] < '09:03', logs))))
print(list(pairwise([1, 4, 9, 16])), [b - a for a, b in pairwise(accumulate(range(6)))])
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])))
left, right = tee(x * x for x in range(5))
print(sum(left), max(right))
print(list(zip_longest('abc', [1, 2], fillvalue='?')))
print(len(list(product('ab', repeat=3))), list(product([0, 1], 'xy')))
print([''.join(p) for p in permutations('abc', 2)], list(combinations(range(4), 3)))
print(list(combinations_with_replacement('xy', 3)))
coins = [1, 2, 5]
print(sorted({sum(c) for r in range(1, 4) for c in combinations_with_replacement(coins, r)}))
