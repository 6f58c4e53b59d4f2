# Direct calls of profiled callees (templates/calls.ts): the call site compares the callable
# with the function it saw last, and callers passing small ints enter past the callee's int
# guards. Trained with `train` (every site sees one callee, every argument a small int),
# then run without it: the globals are rebound, closures share code, floats and big ints
# reach the int-specialized functions, and the recursion limit is exact.
import sys

train = len(sys.argv) > 1


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def other(n):
    return -n


def make(k):
    def add(n):
        return n + k
    return add


def down(n):
    # Big ints on entry (the guard leaves for the safe copy), then small ones.
    if n < 2 ** 46:
        return 0
    return down(n - 2 ** 44) + 1


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def pair(a, b):
    if a <= 0:
        return b
    return pair(a - 1, b + 2)


print(fib(15), pair(10, 1), down(2 ** 46 + 5))
saved = fib
if not train:
    fib = other
    print(saved(10))
    fib = make(100)
    print(saved(5))
    fib = saved
    print(fib(10.0), fib(True), pair(3, 0.5), down(2 ** 47 + 1), down(2 ** 50))
    for f in [make(i) for i in range(3)]:
        print(f(10), end=' ')
    print()
    sys.setrecursionlimit(80)
    d = depth(0)
    sys.setrecursionlimit(1000)
    print(d, depth(0) - d)
    print(fib(20))
