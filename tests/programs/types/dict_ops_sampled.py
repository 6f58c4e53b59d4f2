# Sampled dict operations: key equivalence (1 == 1.0 == True), order after deletes, views.
state = 7
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 20
def key():
    k = rnd() % 6
    if k == 0: return rnd() % 10
    if k == 1: return float(rnd() % 10)
    if k == 2: return rnd() % 2 == 0
    if k == 3: return (rnd() % 3, rnd() % 3)
    if k == 4: return 'k%d' % (rnd() % 8)
    return frozenset([rnd() % 3])
d = {}
for i in range(1500):
    op = rnd() % 12
    k = key()
    try:
        if op < 3: d[k] = i; r = None
        elif op == 3: r = d.pop(k, 'missing')
        elif op == 4: r = d.get(k)
        elif op == 5: r = d.setdefault(k, -i)
        elif op == 6: r = d.popitem() if d else 'empty'
        elif op == 7: del d[k]; r = 'deleted'
        elif op == 8: r = k in d, k in d.keys(), (k, d.get(k)) in d.items()
        elif op == 9: d.update({key(): i, key(): -i}); r = len(d)
        elif op == 10: r = list(reversed(d))[:3], list(d.values())[-2:]
        else: r = sorted(d.keys() & {key(), key()}, key=repr), d == dict(d), d | {k: 0} == {**d, k: 0}
    except Exception as e:
        r = type(e).__name__
    if i % 50 == 0 or op in (6, 7, 10):
        print(i, repr(r), d if len(d) < 12 else len(d))
print(d)
