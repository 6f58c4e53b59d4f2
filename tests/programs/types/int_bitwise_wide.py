# Bitwise operators and shifts on ints around the 2**31, 2**32 and 2**53 boundaries and
# beyond (two's complement on negatives), as an LCG and hash mixing use them.
vals = [0, 1, -1, 5, -6, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, -2**32,
        2**40 + 3, -2**40 + 3, 2**52, 2**53 - 1, -(2**53 - 1), 2**53, -2**53, 2**53 + 1,
        2**64 - 1, -2**64, 3**40, -(3**40), 0x7FFFFFFF, 0xFFFFFFFF, 0x1FFFFFFFFFFFFF]
acc = 0
for a in vals:
    for b in vals:
        r = (a & b, a | b, a ^ b)
        acc = (acc * 31 + hash(r)) % 1000000007
        if b >= 0 and b < 70:
            acc = (acc * 31 + hash((a << b, a >> b))) % 1000000007
print(acc)
print([(a & 0x7FFFFFFF, a & 0xFFFFFFFF, a & 0x1FFFFFFFFFFFFF) for a in vals[14:]])
print([(-2**52) & (-2**52), (-2**53 + 1) & (-2**53 + 1), (-2**52 - 1) & (-2**52 - 2)])
print([type(x).__name__ for x in [(-2**53 + 1) & -2**52, 1 << 52, 1 << 53, -1 >> 100, 2**53 >> 1]])
print([7 >> 0, -7 >> 1, -7 >> 2, -1 >> 53, -1 >> 54, 5 >> 60, -(2**53 - 1) >> 52, (2**53 - 1) << 0])
state = 12345
out = []
for _ in range(2000):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    out.append((state >> 16) % 16)
print(state, sum(out), out[-10:])
h = 0
for ch in 'the quick brown fox':
    h = ((h << 5) ^ (h >> 27) ^ ord(ch)) & 0xFFFFFFFFFFFF
print(h)
