# NaN floats have identity natively: float('nan') makes a fresh one each time (docs/float.md).
import math
a = float('nan')
b = float('nan')
c = a
print(a is b, a is c, a == a, a != a, a == b, a != b)
print(a in [a], a in [b], b in [a, b], [a] == [a], [a] == [b], [a, 1] == [c, 1])
print((a,) == (a,), (a,) == (b,), {1: a} == {1: a}, {1: a} == {1: b})
print(hash(a) == hash(a), hash(c) == hash(a), hash(a) != -1)
d = {a: 'a', b: 'b'}
print(len(d), d[a], d[b], d.get(c), d.get(float('nan')), float('nan') in d)
s = {a, b, c, float('nan')}
print(len(s), a in s, b in s, float('nan') in s)
s2 = {a, a, c}
print(len(s2))
n = -a
print(repr(a), str(n), repr(-a), f'{a}', f'{n:.2f}', format(b, 'e'), '%r %s %f' % (a, b, n))
print(math.isnan(a), math.isnan(n), math.copysign(1.0, a), math.copysign(1.0, n))
print(a < 1, a > 1, a <= a, a >= a, max(1.0, 2.0), min(a, 1.0) is a)
for spelling in ['nan', 'NaN', '-nan', '+nan', ' nan ', 'NAN']:
    x = float(spelling)
    # (the sign of float('-nan') is not checked here: the interpreter loses it)
    print(spelling.strip(), repr(x), x != x, x is x, x in [x])
xs = [float('nan') for _ in range(5)]
print(len({id(x) for x in xs}) == 5 or 'ids', sum(1 for x in xs if x in xs), sum(1 for i in range(5) if xs[i] in xs[:i]))
print(xs.count(xs[2]), xs.index(xs[3]), [x for x in xs if x is xs[1]] == [xs[1]])
m = math.nan
print(m is math.nan, m in [math.nan], m != m, repr(m))
print(sorted([3.0, 1.0, 2.0]), sorted([1.0, a, 0.5]) [1] is a)
print(str([a, b]), repr((n,)), [a] * 2 == [a, a], [a, a].count(a))
