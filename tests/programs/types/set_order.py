s = set()
for x in [-1, -2, 7, 3, 100, 2**40]:
    s.add(x)
print(s)
print(set([-1, -2, 7, 3, 100, 2**40]))
print(frozenset([-1, -2, 7, 3, 100, 2**40]))
x = 2**40
print({-1, -2, 7, 3, 100, x})
