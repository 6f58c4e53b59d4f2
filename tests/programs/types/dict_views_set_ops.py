d={'a':1,'b':2}
for f in [lambda: hash(d.keys()), lambda: hash(d.items()), lambda: d.keys() < d.keys(), lambda: d.values()==d.values(), lambda: {}<{}, lambda: dict(1,2), lambda: dict([(1,2,3)]), lambda: dict([1]), lambda: d.keys(1), lambda: d.get(), lambda: dict.fromkeys(), lambda: d.update(1,2), lambda: d | [1], lambda: repr(d.items()), lambda: {1:2}.keys() ^ {2:3}.keys(), lambda: {1:2}.items() ^ {1:3, 4:5}.items(), lambda: {2,3} - d.keys(), lambda: [1] - d.keys(), lambda: d.keys() - [1,'a'], lambda: {}.pop(1), lambda: {}.popitem(), lambda: d.items() & [('a', 1), 'x'], lambda: type(iter(d.items())), lambda: type(reversed(d.items())), lambda: set(1,2), lambda: set().add(), lambda: {1} < [1], lambda: {1} & [1], lambda: {1}.union(1), lambda: frozenset([1]).copy(), lambda: {[1]}, lambda: {1}.remove([1]), lambda: set().pop(), lambda: {1}.remove(2),
  lambda: list(reversed(d.values())), lambda: list(reversed(d.items())), lambda: {1: 2}.keys() | [3, 1], lambda: [3, 4] | {1:2}.keys(), lambda: {1:2, 3:4}.keys() & {3, 5}, lambda: {1:2}.keys() == {1}, lambda: {1:2}.keys() <= {1, 2}, lambda: {1:2}.items() > {(1,2)}, lambda: {1:2}.keys().isdisjoint([2]),
  lambda: dict(a=1, b=2), lambda: dict({1: 2}, x=3), lambda: dict([[1, 2], (3, 4)]), lambda: dict(zip('ab', range(2))), lambda: {1: 'a'} | {2: 'b'}, lambda: {**{1: 2}, 1: 3},
  lambda: {1, 2, 3} ^ {2, 3, 4}, lambda: frozenset({1, 2}) | {3}, lambda: {1} | frozenset({2}), lambda: set('abc') == frozenset('cba'), lambda: {1, 2}.issubset([1, 2, 3]), lambda: {1, 2}.issuperset(range(2)),
  lambda: set([frozenset([1])]) , lambda: {1, 2, 3}.intersection([2, 3], (3,)), lambda: {1, 2, 3}.difference([1], [2]), lambda: set(range(100)) - set(range(5, 95)),
  lambda: repr(frozenset()), lambda: repr(set()), lambda: sorted({(1, 2), (0, 5)}), lambda: {0.5, 1.5, float('inf'), -0.0},
 ]:
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e)
class S(set): pass
print(S([1,2]), S(), S([1]) | {2}, type(S([1]) | {2}))
s = {1, 2, 3}
s &= {2, 3, 4}; print(s)
s |= {9}; s -= {2}; s ^= {3, 10}; print(s)
s = set(range(20)); s.difference_update(range(0, 20, 3)); print(s); s.intersection_update({1, 2, 4, 5, 7, 100}); print(s)
d = {i: i*i for i in range(10)}
for k in list(d):
    if k % 3 == 0: del d[k]
print(d, d.keys() - {1, 2}, d.items() - {(1, 1)})
try:
    for k in d: d[k+100] = 1
except RuntimeError as e: print(e)
class M(dict):
    def __missing__(self, k): return k * 2
m = M(a=1); print(m['zz'], m.get('zz'), m, type(m.copy()))
from collections import OrderedDict
