# Sampled arithmetic, comparisons and conversions over ints, bigints, floats, bools and complex.
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state
def val():
    k = rnd() % 9
    r = rnd()
    if k == 0: return r % 100 - 50
    if k == 1: return (r % 2**80) - 2**79
    if k == 2: return ((r % 20000) - 10000) / 64
    if k == 3: return (r % 1000 - 500) * 1e300 / 7
    if k == 4: return r % 2 == 0
    if k == 5: return (r % 7 - 3) * 0.5
    if k == 6: return complex(r % 5 - 2, (r >> 8) % 5 - 2)
    if k == 7: return float((r % 3) - 1) * 1e-310
    return 2**61 - 1 + r % 3
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b, lambda a, b: a // b,
       lambda a, b: a % b, lambda a, b: divmod(a, b), lambda a, b: a ** (b % 5 if isinstance(b, int) else b) if not isinstance(a, complex) else a ** 2,
       lambda a, b: a < b, lambda a, b: a == b, lambda a, b: a & b, lambda a, b: a << (b % 70 if isinstance(b, int) else b),
       lambda a, b: round(a, b % 5 if isinstance(b, int) and not isinstance(b, bool) else None), lambda a, b: hash(a), lambda a, b: abs(a),
       lambda a, b: int(a), lambda a, b: float(a), lambda a, b: -a, lambda a, b: max(a, b), lambda a, b: pow(a, 3, b) ]
for i in range(3000):
    a = val(); b = val(); op = ops[rnd() % len(ops)]
    try:
        r = op(a, b)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(i, repr(r))
