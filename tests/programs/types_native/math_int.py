# math integer functions natively: gcd, lcm, factorial, comb, perm, isqrt, prod on ints of any size, with CPython 3.11 errors.
import math
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 10), math.gcd(2**100, 2**80 * 3), math.gcd(True, 4))
print(math.lcm(), math.lcm(-5), math.lcm(4, 6), math.lcm(0, 5), math.lcm(4, 6, 10), math.lcm(2**70, 3**40), math.lcm(0, 1.5) if False else 0)
print([math.factorial(i) for i in range(12)], math.factorial(25), math.factorial(30))
print(len(str(math.factorial(1000))), math.factorial(100) % (10**9 + 7), math.factorial(True))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(3, 5), math.comb(52, 5), math.comb(100, 50), math.comb(10**20, 2))
print(math.perm(5), math.perm(5, 2), math.perm(5, None), math.perm(3, 5), math.perm(10, 0), math.perm(30, 10), math.perm(2**70, 2))
print([math.isqrt(i) for i in range(20)], math.isqrt(10**40), math.isqrt(10**40 - 1), math.isqrt(2**127), math.isqrt(True))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([1.5, 2]), math.prod([2, 3], start=10), math.prod(['a', 2]), math.prod([], start='x'), math.prod(x for x in [2**40, 2**40]))
for f in [lambda: math.gcd(x=1), lambda: math.comb(1), lambda: math.comb(n=1,k=2), lambda: math.perm(), lambda: math.perm(1,2,3), lambda: math.factorial(1,2), lambda: math.factorial(1.0), lambda: math.factorial(-1), lambda: math.isqrt(-1), lambda: math.isqrt(2.0), lambda: math.prod(), lambda: math.prod([1], 2), lambda: math.prod([1], start=2, x=3), lambda: math.prod([1], x=3), lambda: math.comb(-1, 2), lambda: math.comb(1, -2), lambda: math.perm(-1, 2), lambda: math.gcd(1.5), lambda: math.lcm('a'), lambda: math.factorial(10**20), lambda: math.factorial(-10**20), lambda: math.comb(10**20, 10**19), lambda: math.perm(10**20,10**19), lambda: math.prod(['a', 'b']), lambda: math.prod(5), lambda: math.isqrt()]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
