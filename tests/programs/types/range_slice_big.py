def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
big = range(-10**20, 10**20, 3)
t(lambda: len(big)); t(lambda: big[10**19]); t(lambda: big[-1]); t(lambda: big[::10**18]); t(lambda: big[10**19:]); t(lambda: 10**19 + 1 in big); t(lambda: big.index(-10**20 + 30)); t(lambda: range(10**30)[5:10**29:-2])
t(lambda: len(range(2**64))); t(lambda: bool(range(2**64))); t(lambda: range(2**64)[-1]); t(lambda: list(range(2**53, 2**53 + 3))); t(lambda: list(reversed(range(2**53, 2**53 + 3))))
t(lambda: range(1.5)); t(lambda: range()); t(lambda: range(1, 2, 3, 4)); t(lambda: range(x=1)); t(lambda: range(5)['a']); t(lambda: range(5)[1.0])
t(lambda: range(0, 10, 2).index(4)); t(lambda: range(10).index(3.0)); t(lambda: range(10).count(3.0)); t(lambda: range(5).index('a')); t(lambda: 2.0 in range(5)); t(lambda: range(3) < range(4))
t(lambda: hash(range(0)) == hash(range(5, 5))); t(lambda: hash(range(1, 2)) == hash(range(1, 5, 10))); t(lambda: range(1, 2) == range(1, 5, 10)); t(lambda: range(5).__reduce__())
t(lambda: range(10)[2:8:3]); t(lambda: range(10)[::-1]); t(lambda: range(10)[-100:100]); t(lambda: range(0, 10, 3)[::-2]); t(lambda: range(5)[5:0:-1])
t(lambda: slice(1, 10, 2).indices(5)); t(lambda: slice(None, None, -1).indices(10)); t(lambda: slice(-100, 100).indices(7)); t(lambda: slice(1, 2, 0).indices(5)); t(lambda: slice(5)); t(lambda: slice(1, 2) == slice(1, 2)); t(lambda: slice(1, 2) < slice(1, 3)); t(lambda: hash(slice(1)))
t(lambda: slice(1, 'a').indices(3)); t(lambda: slice(2**70).indices(2**80)); t(lambda: slice(1).start); t(lambda: slice()); t(lambda: [1,2,3][slice(None, None, 2)])
it = iter(range(5)); next(it)
t(lambda: it.__length_hint__()); t(lambda: type(it).__name__); t(lambda: list(range(5, 0, -2)))
t(lambda: range(True, 5)); t(lambda: range(3).start); t(lambda: str(range(-5, -1, -1)))
try:
    class R(range): pass
except TypeError as e:
    print(e)
