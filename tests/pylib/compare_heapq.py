"""Behaviour of heapq (exact list layouts), printed for comparison (see run.sh compare)."""
import heapq
import random


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


rnd = random.Random(12345)
for trial in range(30):
    data = [rnd.randrange(50) for _ in range(rnd.randrange(25))]
    h = list(data)
    heapq.heapify(h)
    ops = []
    for _ in range(15):
        op = rnd.randrange(4)
        v = rnd.randrange(50)
        if op == 0:
            heapq.heappush(h, v)
            ops.append(('push', v))
        elif op == 1 and h:
            ops.append(('pop', heapq.heappop(h)))
        elif op == 2 and h:
            ops.append(('replace', heapq.heapreplace(h, v)))
        elif op == 3:
            ops.append(('pushpop', heapq.heappushpop(h, v)))
    print(trial, h, ops)
    pairs = [(rnd.randrange(4), i) for i in range(rnd.randrange(20))]
    for n in (-1, 0, 1, 2, 5, 30):
        print(' n', n, heapq.nlargest(n, pairs, key=lambda p: p[0]), heapq.nsmallest(n, iter(pairs), key=lambda p: p[0]),
              heapq.nlargest(n, [p[0] for p in pairs]), heapq.nsmallest(n, (p[0] for p in pairs)))
    runs = [sorted(rnd.randrange(10) for _ in range(rnd.randrange(6))) for _ in range(rnd.randrange(4))]
    print(' merge', list(heapq.merge(*runs)), list(heapq.merge(*[r[::-1] for r in runs], reverse=True)),
          list(heapq.merge(*[[(x, i) for x in r] for i, r in enumerate(runs)], key=lambda t: t[0])))
show('pop empty', lambda: heapq.heappop([]))
show('replace empty', lambda: heapq.heapreplace([], 1))
show('push bad', lambda: heapq.heappush((), 1))
show('heapify bad', lambda: heapq.heapify('abc'))
show('pushpop empty', lambda: heapq.heappushpop([], 5))
show('merge strings', lambda: list(heapq.merge('adg', 'beh', 'cf')))
show('nlargest strings key', lambda: heapq.nlargest(2, ['bb', 'a', 'ccc', 'dd'], key=len))
show('nsmallest gen', lambda: heapq.nsmallest(3, (x * x % 7 for x in range(20))))
show('__all__', lambda: sorted(heapq.__all__))
