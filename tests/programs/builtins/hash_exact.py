# hash() values CPython defines exactly: ints, floats, tuples (xxHash), frozensets, __hash__ results.
print(hash(()), hash((1,)), hash((1, 2)), hash(((1, 2), (3, 4))), hash((-1, -2, 2**61)), hash((1.5, True, None is None)))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 3.5})), hash(frozenset(range(100))))
print(hash(0.5), hash(-1.5), hash(1e300), hash(2.0**-20), hash(float('inf')), hash(-float('inf')))
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for v in [0, -1, 2**62, -2**63, 2**63, 2**64 + 5, -2**70, True]:
    print(hash(H(v)), end=' ')
print()
print(hash((H(2**62), H(-1))), hash(range(1, 10, 2)), hash(range(2**70)))
s = set()
for i in [(1, 2), (2, 1), (0, 0), (5, -5), (2**62, 1)]:
    s.add(i)
print(s, {frozenset({1}), frozenset({2}), frozenset({1, 2})})
class Bad:
    def __hash__(self): return 'x'
try:
    hash(Bad())
except TypeError as e:
    print(e)
