# fractions: exact arithmetic, continued fractions, harmonic numbers and approximations.
import math
from fractions import Fraction


def harmonic(n):
    return sum(Fraction(1, k) for k in range(1, n + 1))


for n in (1, 2, 5, 10, 20):
    h = harmonic(n)
    print(n, h, float(h))

# Egyptian fractions by the greedy algorithm.
def egyptian(f):
    parts = []
    while f:
        d = math.ceil(f.denominator / f.numerator)
        parts.append(Fraction(1, d))
        f -= Fraction(1, d)
    return parts


for f in (Fraction(4, 13), Fraction(5, 6), Fraction(7, 15)):
    print(f, '=', ' + '.join(str(p) for p in egyptian(f)))

# Continued fraction expansion and its convergents.
def continued(f, limit=12):
    terms = []
    while limit:
        a = math.floor(f)
        terms.append(a)
        f -= a
        if not f:
            break
        f = 1 / f
        limit -= 1
    return terms


x = Fraction(math.pi)
print(repr(x))
print(continued(x, 8))
for m in (10, 100, 1000, 40000):
    approx = x.limit_denominator(m)
    print(m, approx, float(abs(approx - x)) < 1 / m ** 2)
print(Fraction('0.1') == Fraction(1, 10), Fraction(0.1) == Fraction(1, 10), Fraction(0.1).limit_denominator())

# Mixed arithmetic and comparisons.
a, b = Fraction(3, 4), Fraction(-5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, b ** -3)
print(a + 1, 1 - a, a * 0.5, 2 / a, a ** 0.5, 2 ** Fraction(1, 2), 4 ** Fraction(1, 2))
print(a < b, a > 0.7, b <= -Fraction(5, 6), a == 0.75, a != 0.75, sorted([a, b, 0, 1.5, -1]))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(2, 3), 3))
print(int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(7, 2)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(4, 2)) == hash(2), {Fraction(1, 4): 'q'}[0.25])
print(Fraction(' -3/9 '), Fraction('1.25e-1'), Fraction('7'), Fraction(2.5), Fraction(Fraction(1, 3), Fraction(2, 3)))
for bad in ('1/0', 'abc', '1.2.3'):
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 2) / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
