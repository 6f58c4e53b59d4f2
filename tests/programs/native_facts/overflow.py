# Small ints that overflow into big ints in the middle of loops the profile saw small
# (edgepyc's optimized copy leaves for the safe copy there). Training run: any argument.
import sys

TRAIN = len(sys.argv) > 1


def grow(n, m):
    x = 1
    for i in range(n):
        x = x * m + i
    return x


def climb(start, n):
    i = start
    total = 0
    while i < start + n:
        total += i
        i += 1
    return total


def wide(lo, n):
    s = 0
    for i in range(lo, lo + n):
        s = s + (i & 1023) + i // 7 - (i % 5)
    return s


def shifts(n):
    v = 1
    out = []
    for k in range(n):
        v = (v << 3) | k
        out.append(v & 255)
    return v, out


def mixed(n, scale):
    acc = 0
    for i in range(n):
        for j in range(n):
            acc += (i * j) * scale - (i ^ j)
    return acc


def down(n):
    # A difference of known ints leaving int48 (the subtrahend a constant).
    v = -(2**40)
    out = []
    for i in range(n):
        v = v - 2**44
        w = v * 3
        out.append(w - i)
    return v, out[-1]


if TRAIN:
    print(down(3))
    print(grow(10, 3), climb(5, 100), wide(0, 50), shifts(5), mixed(10, 2))
else:
    print(grow(60, 3))
    print(climb(2**47 - 10, 20))
    print(wide(2**47 - 6, 12))
    print(wide(-(2**47) - 3, 8))
    print(shifts(40))
    print(mixed(12, 2**45))
    print(grow(5, 3), climb(5, 10), mixed(3, 2))
    print(down(20), down(2))
