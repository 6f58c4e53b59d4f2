# Comparison script for runtime/lib/fractions.py: run once under CPython's fractions and
# once under edgepyc's (tests/pylib/run.sh compare fractions); outputs must be identical.
import math
from fractions import Fraction as F


def show(label, thunk):
    try:
        r = thunk()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


# Construction.
for args in [(), (7,), (-6, 4), (6, -4), (0, -5), (True,), (F(3, 4),), (F(1, 2), F(3, 4)),
             (3, F(2, 5)), (2 ** 70, 6), (0.1,), (-2.5,), (1e300,), (5e-324,), (-0.0,),
             (float('nan'),), (float('inf'),), (1, 0), (F(1, 2), 0), (1.5, 2), ('1', 2),
             (None,), ([1],), (1, 2.0), (True, False)]:
    show('F%r' % (args,), lambda: F(*args))
for s in ['3/4', ' 3/4 ', '\t-12/8\n', '+5', '-0', '007', '1.', '.5', '-.5e-2', '1e3', '1E-3',
          '1.25e+2', '1_000', '1_000/3', '1/1_0', '+1_0.2_5E1_0', '٣/٤', '3 /4', '3/ 4', '1/-2',
          '1__0', '_1', '1_', '1._5', '1.5_', '1.5/2', '1e', '1.5e', 'e5', '', ' ', '-', '+.5',
          'x', '1/0', '0/0', '1.d', '1.D', '1.dE2', '1.d5', '1.dd ', 'inf', 'nan', '0x10',
          '00012/0004', '1e-20', '123456789012345678901234567890.5']:
    show('F(%r)' % s, lambda: F(s))

# Reprs, strs, attributes.
for f in [F(0), F(5), F(-3, 9), F(22, 7), F(2 ** 64 + 1, 3)]:
    print('repr', repr(f), str(f), f.numerator, f.denominator, f.as_integer_ratio(),
          format(f), bool(f))
show('format spec', lambda: format(F(1, 3), '.3f'))

# Arithmetic with Fractions, ints, bools, floats and complex numbers.
vals = [F(3, 4), F(-5, 6), F(7), F(0), 2, -3, True, 0.5, -1.25, 1 + 2j, 0]
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
       ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
       ('divmod', divmod), ('**', lambda a, b: a ** b)]
for a in vals:
    for b in vals:
        if not isinstance(a, F) and not isinstance(b, F):
            continue
        for name, op in ops:
            show('%r %s %r' % (a, name, b), lambda: op(a, b))
for a, b in [(F(1, 2), F(1, 2)), (F(-8, 27), F(1, 3)), (F(4, 9), 0.5), (F(-2, 3), -3),
             (F(2, 3), F(-2)), (2, F(3)), (2, F(-1, 2)), (2.0, F(1, 2)), (F(0), -1),
             (F(0), F(-2)), (-8, F(1, 3)), (1j, F(2)), (F(9, 4), 1j)]:
    show('%r ** %r' % (a, b), lambda: a ** b)
show('pow3', lambda: pow(F(2), 3, 5))
show('str + F', lambda: 'a' + F(1))
show('F + str', lambda: F(1) + 'a')
show('F + list', lambda: F(1) + [])

# Unary, conversions, rounding.
for f in [F(7, 2), F(-7, 2), F(5, 2), F(-5, 2), F(1, 3), F(-1, 3), F(0), F(10 ** 30, 7),
          F(1, 10 ** 400), F(-(10 ** 400), 3)]:
    print('unary', repr(-f), repr(+f), repr(abs(f)), int(f), math.trunc(f), math.floor(f),
          math.ceil(f), round(f), repr(round(f, 2)), repr(round(f, -1)), repr(round(f, 0)))
    show('float', lambda: float(f))
for x in [F(12345, 1000), F(-12355, 1000), F(15, 100), F(25, 10), F(35, 10)]:
    print('round', repr(round(x, 1)), repr(round(x, 2)), round(x), repr(round(x, -1)))

# Comparisons.
cmp_vals = [F(1, 2), F(2, 4), F(1, 3), 0.5, 0.3333333333333333, 1, 0, float('inf'),
            float('-inf'), float('nan'), 0.5 + 0j, 0.5 + 1j]
for a in [F(1, 2), F(-1, 3), F(0)]:
    for b in cmp_vals:
        res = []
        for op in (lambda: a == b, lambda: a != b, lambda: b == a, lambda: a < b,
                   lambda: a <= b, lambda: a > b, lambda: a >= b, lambda: b < a):
            try:
                res.append(op())
            except TypeError as e:
                res.append('TypeError')
        print('cmp', repr(a), repr(b), res)
print('sorted', sorted([F(1, 3), 0.25, 1, F(-1, 2), True, F(1, 4)]))
print('minmax', max(F(1, 3), 0.3), min(F(5, 3), 2, 1.5))

# Hashes agree with equal ints and floats.
for f in [F(0), F(1), F(-1), F(1, 2), F(-1, 2), F(3, 8), F(1, 3), F(-7, 9), F(2 ** 61 - 1),
          F(2 ** 61), F(1, 2 ** 61 - 1), F(3, 2 ** 61 - 1), F(10 ** 20, 3), F(5e-324),
          F(1.1), F(2 ** 100, 5 ** 30)]:
    print('hash', repr(f), hash(f))
print('hash equal', hash(F(1, 2)) == hash(0.5), hash(F(6, 3)) == hash(2),
      hash(F(-1)) == hash(-1), len({F(1, 2), 0.5, F(2, 4)}), {F(3): 'x'}[3])

# limit_denominator, from_float, from_decimal.
pi = F(math.pi)
for m in [1, 2, 3, 7, 10, 100, 113, 1000, 10 ** 6, 10 ** 20]:
    print('limit', m, repr(pi.limit_denominator(m)))
for f, m in [(F(1, 3), 2), (F(3, 10), 3), (F(-13, 7), 3), (F(1, 2), 1), (F(5, 2), 1),
             (F(7, 4), 2), (F(10 ** 30 + 1, 10 ** 30), 10 ** 10), (F(0.1), 100)]:
    print('limit', repr(f), m, repr(f.limit_denominator(m)))
show('limit 0', lambda: F(1, 3).limit_denominator(0))
show('from_float', lambda: F.from_float(0.1))
show('from_float int', lambda: F.from_float(7))
show('from_float str', lambda: F.from_float('1.5'))
show('from_float nan', lambda: F.from_float(float('nan')))
show('from_float inf', lambda: F.from_float(float('-inf')))
show('from_decimal int', lambda: F.from_decimal(3))
show('from_decimal float', lambda: F.from_decimal(1.5))


class Half(F):
    pass


h = Half(1, 2)
print('subclass', repr(h), type(h + 1).__name__, type(+h).__name__, type(-h).__name__,
      repr(h.limit_denominator(5)), type(Half.from_float(0.25)).__name__, h == F(1, 2))
print('sum', repr(sum([F(1, n) for n in range(1, 11)])), repr(sum([F(1, 3), 0.5])))
print('in numbers', 2 * F(1, 3) + 1, F(1, 3) * 3 == 1, F(7, 3) % 1, divmod(F(7, 3), F(1, 2)))
