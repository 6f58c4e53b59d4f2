# // and % by small constant divisors (compiled as a multiply by edgepyc) over negative,
# zero, positive and int48-boundary dividends, checked against each other and printed.
import sys

TRAIN = len(sys.argv) > 1


def table(lo, hi, step):
    out = []
    for x in range(lo, hi, step):
        out.append((x % 2, x // 2, x % 3, x // 3, x % 7, x // 7, x % 10, x // 10))
        out.append((x % 1000, x // 1000, x % 32767, x // 32767, x % 32768, x // 32768, x % 1, x // 1))
    return out


def checks(xs):
    bad = 0
    for x in xs:
        for q, r, c in ((x // 3, x % 3, 3), (x // 7, x % 7, 7), (x // 9, x % 9, 9), (x // 641, x % 641, 641), (x // 32768, x % 32768, 32768), (x // 32769, x % 32769, 32769)):
            if q * c + r != x or not 0 <= r < c:
                bad += 1
    return bad


def digits(n):
    s = 0
    while n > 0:
        s += n % 10
        n = n // 10
    return s


B = 2**47
if TRAIN:
    print(len(table(-20, 20, 1)), checks(list(range(50))), digits(12345))
else:
    for row in table(-25, 25, 1):
        print(*row)
    for row in table(-B, -B + 40, 3) + table(B - 40, B, 3) + table(-B // 2 - 5, -B // 2 + 5, 1):
        print(*row)
    xs = [B - 1, -B, B, -B - 1, 2**64 + 5, -(2**64) - 5, 0, 1, -1]
    xs += list(range(-100000, 100000, 997)) + [k * 32768 + d for k in (-5, 5, 4096) for d in (-1, 0, 1)]
    print(checks(xs))
    print(digits(2**46 + 12345), digits(10**30 + 7), digits(0))
    print((B - 1) % 7, (B - 1) // 7, (-B) % 7, (-B) // 7, (-B) % 32768, (-B) // 32768)
