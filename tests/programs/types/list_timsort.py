import random
random.seed(5)
for n in [0, 1, 2, 5, 63, 64, 65, 200, 1000, 5000]:
    for trial in range(3):
        xs = [random.randint(0, n // 3 + 1) for _ in range(n)]
        pairs = [(x, i) for i, x in enumerate(xs)]
        s1 = sorted(pairs, key=lambda p: p[0])
        s2 = sorted(pairs, key=lambda p: p[0], reverse=True)
        assert s1 == sorted(pairs), n
        print(n, hash(tuple(s2)) % 1000003, s1[:3], s2[:3])
# count comparisons
class C:
    cnt = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        C.cnt += 1
        return self.v < o.v
for n in [10, 100, 1000, 3000]:
    C.cnt = 0
    ys = [C(random.random()) for _ in range(n)]
    ys.sort()
    a = C.cnt
    C.cnt = 0
    ys.sort()
    b = C.cnt
    C.cnt = 0
    ys.reverse(); ys.sort()
    c = C.cnt
    C.cnt = 0
    zs = [C(random.randint(0, 10)) for _ in range(n)]
    zs.sort(reverse=True)
    print(n, a, b, c, C.cnt)
try:
    sorted([3, 'a', 1])
except TypeError as e: print(e)
try:
    sorted([1, 2, 'a', 3, 0])
except TypeError as e: print(e)
l = [5, 1, 4]
def k(x):
    l.append(1)
    return x
try:
    l.sort(key=k)
except ValueError as e: print(e, l)
l = [3, 1, 2]
def k2(x):
    print(len(l))
    return x
l.sort(key=k2); print(l)
try: l.sort(reverse=None)
except TypeError as e: print(e)
try: l.sort(foo=1)
except TypeError as e: print(e)
try: sorted(l, foo=1)
except TypeError as e: print(e)
try: l.sort(1)
except TypeError as e: print(e)
print(sorted(['b', 'A', 'a', 'B'], key=str.lower), sorted('hello', reverse=True))
