# __init__ building instances through cached stores (attributes appended in order, in
# another order, conditionally, after a property appears), and method calls entered
# directly: wrong argument counts, defaults, *args, generators, closures, recursion.


class Node:
    def __init__(self, value, with_extra=False, swap=False):
        if swap:
            self.right = None
            self.value = value
        else:
            self.value = value
            self.right = None
        if with_extra:
            self.extra = value * 2
        self.left = None


nodes = [Node(i, with_extra=i % 3 == 0, swap=i % 4 == 0) for i in range(20)]
print([sorted(vars(n)) == sorted(vars(nodes[1])) or sorted(vars(n)) for n in nodes[:6]])
print([list(vars(n)) for n in nodes[:5]])
print(sum(n.value for n in nodes), [n.extra for n in nodes if hasattr(n, "extra")])

# A property for 'left' appears on the class after warm-up: the store in __init__ must
# go through its setter.
seen = []
Node.left = property(lambda self: "prop", lambda self, v: seen.append(v))
n = Node(7)
print(n.left, seen, "left" in vars(n))
del Node.left
n2 = Node(8)
print(n2.left, vars(n2))


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

    def bump_default(self, k=1):
        self.n += k
        return self.n

    def bump_many(self, *ks):
        for k in ks:
            self.n += k
        return self.n

    def gen(self, k):
        for i in range(k):
            yield self.n + i

    def deep(self, k):
        return 0 if k == 0 else 1 + self.deep(k - 1)


c = Counter()
for i in range(20):
    c.bump(i)
    c.bump_default()
    c.bump_default(2)
    c.bump_many(1, 2, 3)
print(c.n, list(c.gen(3)), c.deep(50))

for bad in [lambda: c.bump(), lambda: c.bump(1, 2), lambda: c.bump(k=1, j=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

try:
    c.deep(100000)
except RecursionError as e:
    print("RecursionError:", e)


def make_method(offset):
    def method(self, k):
        return self.n + k + offset
    return method


Counter.closure_method = make_method(1000)
print([c.closure_method(i) for i in range(3)])

# A method replaced by a callable object.


class Call:
    def __call__(self, *a):
        return ("called", len(a))


Counter.bump = Call()
print(c.bump(1))


# Methods called from a generator's frame (the callee must not cover the generator).
class Walker:
    def __init__(self, n):
        self.n = n

    def step(self, i):
        return i * self.n

    def walk(self, k):
        for i in range(k):
            v = self.step(i)
            yield v
            yield self.step(v) + len(self.trail(i))

    def trail(self, i):
        return [self.step(j) for j in range(i)]


print(list(Walker(3).walk(4)))
