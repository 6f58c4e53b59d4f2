# Int expression chains compiled with 64-bit intermediates (templates/arith.ts int chains):
# a BINARY_OP followed by (constant, BINARY_OP) pairs. Training run (any argument): small
# ints everywhere. The run without one feeds values whose intermediates leave 64 bits, big
# ints, negatives (floors of % and //, arithmetic >>), floats, strs and objects whose
# dunders return other types, so the chain's slow path runs its instructions one by one
# and errors point at the right operator.
import sys

TRAIN = len(sys.argv) > 1


def lcg(state, n):
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((state >> 16) % 26)
    return state, out


def mixed(x):
    return (x * 7 - 3) // 5, (x - 100) % 7, (x << 5) >> 3, (x ^ 0x55) | 2, x * 3 * 5 * 7 % 1000003, (x + 1) // 4 % 3, pow2(x)


def pow2(x):
    return x * 5 % 16, (x - 3) // 8 % 4, x * 9 % 1, x * 3 // 1, x * 3 % 1099511627776, (x + 5) // 1099511627776


def wide(a, b):
    return (a * b + 1) & 0xFFFF, (a + b) * 1000 % 997


class Odd:
    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        return f"odd{self.v * other}"

    def __rshift__(self, other):
        return Odd(self.v >> other)

    def __mod__(self, other):
        return self.v % other


if TRAIN:
    print(lcg(42, 5))
    print(mixed(10), mixed(0), mixed(12345))
    print(wide(3, 4), wide(1000, 1000))
else:
    print(lcg(42, 5))
    print(lcg(2**62, 3))
    print(lcg(-(2**70), 3))
    for x in [0, 1, -1, 7, -7, 2**40, -(2**40), 2**47 - 1, -(2**47), 2**58, -(2**58), 2**63, 2**100, -(2**100)]:
        print(x, mixed(x))
    print(mixed(True), mixed(False))
    print(wide(2**31, 2**31), wide(2**40, 2**30), wide(-(2**40), 2**40), wide(2**62, 4), wide(-3, 5))
    print(wide(True, 7))
    for f, args in [(wide, (2.5, 4.0)), (wide, ("ab", 3)), (wide, (None, 1)), (mixed, (7.5,)), (mixed, ("s",))]:
        try:
            print(f(*args))
        except TypeError as e:
            print("TypeError", e)
    print((Odd(40) >> 1 >> 2).v)
    o = Odd(12)
    print((o >> 2) % 5)
    print(wide(Odd(3), 2))
