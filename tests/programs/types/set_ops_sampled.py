# Sampled set/frozenset/dict-view operations: results and CPython iteration order.
state = 99
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 20
def elem():
    k = rnd() % 4
    if k == 0: return rnd() % 50 - 25
    if k == 1: return (rnd() % 5, rnd() % 5)
    if k == 2: return (rnd() % 1000) * 2**40
    return rnd() % 10 / 4
def mk():
    n = rnd() % 30
    kind = rnd() % 3
    items = [elem() for _ in range(n)]
    if kind == 0: return set(items)
    if kind == 1: return frozenset(items)
    return items
for i in range(600):
    a = set(elem() for _ in range(rnd() % 40))
    b = mk()
    op = rnd() % 14
    try:
        if op == 0: r = a | b if not isinstance(b, list) else a.union(b)
        elif op == 1: r = a & b if not isinstance(b, list) else a.intersection(b)
        elif op == 2: r = a - b if not isinstance(b, list) else a.difference(b)
        elif op == 3: r = a ^ b if not isinstance(b, list) else a.symmetric_difference(b)
        elif op == 4: a.update(b); r = a
        elif op == 5: a.intersection_update(b); r = a
        elif op == 6: a.difference_update(b); r = a
        elif op == 7: a.symmetric_difference_update(b); r = a
        elif op == 8:
            for x in list(a)[::2]: a.discard(x)
            a.add(elem()); r = a
        elif op == 9: r = (a <= set(b), a.isdisjoint(b), a.issuperset(b))
        elif op == 10:
            r = []
            while a and len(r) < 5: r.append(a.pop())
            r = (r, a)
        elif op == 11: r = frozenset(a) | frozenset(b), hash(frozenset(a))
        elif op == 12: d = dict.fromkeys(b, 1); r = a - d.keys(), d.keys() & a, d.keys() ^ a, a | d.keys()
        else: r = set(b) - a, {x for x in a}
    except Exception as e:
        r = type(e).__name__
    print(i, r)
