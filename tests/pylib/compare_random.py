# Comparison script for runtime/lib/random.py: run once under CPython's random and once
# under edgepyc's (tests/pylib/run.sh compare random); the outputs must be identical.
# Floats are printed with repr so every bit of every draw is compared.
import random


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


# Seeds of every kind: ints of several word counts, negatives, zero, str/bytes, floats.
for s in [0, 1, -1, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, 2 ** 64 + 3, -(2 ** 100),
          10 ** 40, 'hello', '', 'é😀', b'bytes', bytearray(b'ba'), 3.5, -2.25, 0.0,
          True]:
    random.seed(s)
    print('seed', repr(s), [random.random() for _ in range(3)], random.getrandbits(70))
for s in ['abc', b'abc', '']:
    random.seed(s, version=1)
    print('seed v1', repr(s), random.random())

random.seed(12345)
print('bits', [random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 96, 200]])
print('randbytes', random.randbytes(0), random.randbytes(5), random.randbytes(9))
print('randrange', [random.randrange(k) for k in [1, 2, 3, 7, 100, 2 ** 31, 2 ** 33, 10 ** 30]])
print('randrange2', [random.randrange(-5, 5) for _ in range(10)], random.randrange(10, 0, -3),
      random.randrange(0, 100, 7))
print('randint', [random.randint(-3, 3) for _ in range(12)], random.randint(5, 5))
print('choice', random.choice('abc'), random.choice(range(10, 20)), random.choice((1, 2)))
print('choices', random.choices(range(10), k=5), random.choices('ab', [1, 3], k=6),
      random.choices('abc', cum_weights=[1, 1, 5], k=4), random.choices([1, 2], k=0))
print('choices float', random.choices('xyz', weights=[0.5, 0.25, 0.25], k=5))
lst = list(range(30))
random.shuffle(lst)
print('shuffle', lst)
print('sample small', random.sample(range(10), 10), random.sample('hello world', 4))
print('sample big', random.sample(range(10 ** 6), 8), random.sample(range(100), 30))
print('sample counts', random.sample(['r', 'g', 'b'], 5, counts=[4, 2, 1]))
print('sample tuple', random.sample((3, 1, 4, 1, 5, 9, 2, 6), 3), random.sample([], 0))

random.seed(2024)
print('uniform', random.uniform(1, 5), random.uniform(5, 1), random.uniform(-1e10, 1e10))
print('triangular', random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3, 3),
      random.triangular(1, 2, 2))
print('normal', random.normalvariate(), random.normalvariate(10, 2))
print('gauss', random.gauss(), random.gauss(), random.gauss(5, 3), random.gauss(mu=1, sigma=0.5))
print('lognorm', random.lognormvariate(0, 1))
print('expo', random.expovariate(0.5), random.expovariate(10))
print('vonmises', random.vonmisesvariate(1.0, 0.5), random.vonmisesvariate(0, 1e-7),
      random.vonmisesvariate(3, 50))
print('gamma', random.gammavariate(0.5, 2), random.gammavariate(1.0, 3), random.gammavariate(5, 1),
      [random.gammavariate(0.3, 1) for _ in range(4)])
print('beta', random.betavariate(2, 3), random.betavariate(0.5, 0.5))
print('pareto', random.paretovariate(3), random.paretovariate(0.5))
print('weibull', random.weibullvariate(1, 1.5), random.weibullvariate(2, 0.5))

# State round trips and the Random class.
random.seed(7)
random.gauss()
st = random.getstate()
print('state', st[0], len(st[1]), st[1][:3], st[1][-1], st[2])
a = [random.random(), random.gauss()]
random.setstate(st)
print('restore', a == [random.random(), random.gauss()])
r = random.Random(99)
print('instance', r.random(), r.randint(1, 10 ** 12), r.choice('xyz'), r.getstate()[1][-1])
r.seed(99)
print('reseed', r.random())
r2 = random.Random()
r2.setstate(r.getstate())
print('copy state', r.random() == r2.random())
r3 = random.Random('text seed')
print('str instance', r3.random())


class Fixed(random.Random):
    """Overrides random() only: _randbelow must switch to the random()-based method."""

    def __init__(self):
        super().__init__(0)
        self.i = 0

    def random(self):
        self.i += 1
        return (self.i * 0.37) % 1.0


f = Fixed()
print('subclass random-only', [f.randrange(10) for _ in range(6)], f.choice('abcdef'))
lst = list('abcdef')
f.shuffle(lst)
print('subclass shuffle', lst)


class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k < 3 else 3


b = Bits(5)
print('subclass getrandbits', b.randrange(7), b.randrange(2))

# Errors, with CPython's messages.  (Float arguments to randrange() are left out: CPython
# also emits a DeprecationWarning for them, which edgepyc does not.)
show('randrange empty', lambda: random.randrange(5, 5))
show('randrange neg', lambda: random.randrange(0))
show('randrange step0', lambda: random.randrange(0, 10, 0))
show('randrange empty step', lambda: random.randrange(10, 0, 2))
show('randrange str', lambda: random.randrange('a'))
show('randrange step no stop', lambda: random.randrange(5, step=2))
show('randint empty', lambda: random.randint(3, 1))
show('choice empty', lambda: random.choice([]))
show('choice dict', lambda: random.choice({}))
show('sample too big', lambda: random.sample([1, 2], 3))
show('sample negative', lambda: random.sample([1, 2], -1))
show('sample set', lambda: random.sample({1, 2}, 1))
show('sample counts len', lambda: random.sample('ab', 1, counts=[1]))
show('sample counts float', lambda: random.sample('ab', 1, counts=[1, 1.5]))
show('sample counts zero', lambda: random.sample('ab', 1, counts=[0, 0]))
show('choices both', lambda: random.choices('ab', [1, 1], cum_weights=[1, 2]))
show('choices len', lambda: random.choices('ab', [1]))
show('choices zero', lambda: random.choices('ab', [0, 0]))
show('choices inf', lambda: random.choices('ab', [1, float('inf')]))
show('choices k positional', lambda: random.choices('ab', 3))
show('choices empty', lambda: random.choices([], k=1))
show('getrandbits neg', lambda: random.getrandbits(-1))
show('gamma bad', lambda: random.gammavariate(0, 1))
show('setstate version', lambda: random.setstate((9, (), None)))
show('setstate size', lambda: random.setstate((3, (1, 2), None)))
show('setstate index', lambda: random.setstate((3, (0,) * 624 + (700,), None)))
show('setstate list', lambda: random.setstate((3, [0] * 625, None)))
show('seed tuple', lambda: random.seed((1, 2)))
show('seed v1 bytearray', lambda: random.seed(bytearray(b'x'), version=1) or random.random())
