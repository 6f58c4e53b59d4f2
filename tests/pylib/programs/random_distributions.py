# random: seeded draws from every distribution, state save/restore, errors.
import random

random.seed(31337)
print([round(random.random(), 10) for _ in range(4)])
print(round(random.uniform(10, 20), 10), round(random.triangular(0, 1, 0.2), 10))
print(round(random.gauss(100, 15), 10), round(random.normalvariate(0, 1), 10))
print(round(random.lognormvariate(0, 0.5), 10), round(random.expovariate(2), 10))
print(round(random.vonmisesvariate(0, 4), 10), round(random.gammavariate(2.5, 1), 10))
print(round(random.gammavariate(0.5, 1), 10), round(random.betavariate(2, 5), 10))
print(round(random.paretovariate(2), 10), round(random.weibullvariate(1, 2), 10))

# A histogram of a normal sample, printed as bars.
random.seed(8)
bins = [0] * 7
for _ in range(700):
    x = random.gauss(0, 1)
    i = int((x + 3.5) // 1)
    if 0 <= i < 7:
        bins[i] += 1
for i, n in enumerate(bins):
    print(f'{i - 3:+d} {"#" * (n // 10)} {n}')

state = random.getstate()
first = [random.randrange(1000) for _ in range(5)]
random.setstate(state)
print(first == [random.randrange(1000) for _ in range(5)], first)

random.seed('a string seed')
print(random.getrandbits(40), random.randbytes(4).hex())
random.seed(b'bytes seed')
print(random.sample(range(50), 6), random.sample(range(10 ** 9), 3))
print(random.sample(['x', 'y', 'z'], 4, counts=[1, 2, 3]))
print(random.choices('abcd', cum_weights=[1, 2, 10, 11], k=8))

for bad in [lambda: random.randrange(3, 3), lambda: random.choice(''),
            lambda: random.sample(range(3), 4), lambda: random.randrange(0, 9, 0),
            lambda: random.choices('ab', [1, 2], cum_weights=[1, 3]), lambda: random.seed([1])]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)
