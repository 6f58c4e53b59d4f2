# list.sort() failing part-way: the list is left as CPython leaves it; comparison order.
state = 3
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 20
class K:
    calls = 0
    limit = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.calls += 1
        if K.calls == K.limit: raise RuntimeError('stop')
        return self.v < o.v
    def __repr__(self): return str(self.v)
for n in [5, 20, 70, 300]:
    for trial in range(4):
        xs = [K(rnd() % (n // 2 + 1)) for _ in range(n)]
        K.calls = 0; K.limit = 10**9
        ys = xs[:]; ys.sort()
        total = K.calls
        K.calls = 0; K.limit = 1 + rnd() % max(total, 1)
        zs = xs[:]
        try:
            zs.sort(reverse=trial % 2 == 1)
        except RuntimeError:
            pass
        print(n, total, K.limit, [k.v for k in zs][:40])
print(sorted([3, 1, 2], key=lambda v: [v]), sorted([(2, 'a'), (1, 'b')], reverse=True))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    [2, 1, None].sort()
except TypeError as e:
    print(e)
