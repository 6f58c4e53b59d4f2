# A local that changes type in the middle of a loop the profile saw with ints only:
# int -> float -> str, then an exception out of the optimized loop with its traceback.
import sys

TRAIN = len(sys.argv) > 1


def drift(n, k1, k2):
    acc = 0
    for i in range(n):
        acc = acc + i
        if i == k1:
            acc = acc / 2
        if i == k2:
            try:
                acc = acc - "x"
            except TypeError as e:
                print("caught:", e)
                acc = int(acc)
    return acc


def relabel(n, k):
    v = 0
    i = 0
    while i < n:
        v = v + 1
        if i == k:
            v = str(v)
            print("now", repr(v))
            v = len(v) * 1.5
        i = i + 1
    return v


def crash(n, k):
    total = 0
    for i in range(n):
        total += i * 2
        if i == k:
            total = "text"
    return total


if TRAIN:
    print(drift(20, 99, 99), relabel(20, 99), crash(10, 99))
else:
    print(drift(20, 5, 12))
    print(drift(10, 99, 99))
    print(relabel(12, 4))
    print(crash(10, 3))
