# Number builtins end to end: abs, divmod, pow, round, hex, oct, bin, format, with
# CPython's results and messages (tests/programs/native_builtins; runs in every mode).

def show(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


for x in [-7, 0, 7, -2**47, -2**100, -1.5, -0.0, True, float('-inf')]:
    print('abs', x, abs(x))
show(lambda: abs('a'))
show(lambda: abs())

for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7, 2.0), (2**70, 3), (3, -2**70), (True, 2)]:
    print('divmod', a, b, divmod(a, b))
show(lambda: divmod(1, 0))
show(lambda: divmod(1.0, 0))
show(lambda: divmod('a', 1))
show(lambda: divmod(1))

print(pow(2, 10), pow(2, -1), pow(2.5, 2), pow(2, 100), pow(-2, 3, 7), pow(5, -2, 7), pow(2, 3, None))
print(pow(base=2, exp=5), pow(3, exp=4, mod=5), pow(2**100, 2**100, 10**9 + 7))
show(lambda: pow(3, -1, 6))
show(lambda: pow(2, 3, 0))
show(lambda: pow(2.0, 3, 5))
show(lambda: pow('a', 2, 3))
show(lambda: pow(2, 'a'))
show(lambda: pow(2))
show(lambda: pow(2, 3, base=4))
show(lambda: pow(2, 3, z=1))

for x in [2.5, 3.5, -2.5, 0.5, -0.5, True, 7, 2**70]:
    print('round', x, round(x))
for x, n in [(2.675, 2), (25, -1), (35, -1), (15, -1), (1e300, -300), (7, None), (123456789012345678901234567890, -5),
             (0.125, 2), (-0.4, 0), (1.5, None), (True, 1)]:
    print('round', x, n, round(x, n))
show(lambda: round(float('inf')))
show(lambda: round(float('nan')))
show(lambda: round('a'))
show(lambda: round(1.5, 'a'))
show(lambda: round(number=1.5, ndigits=None))
show(lambda: round(1.5, x=1))

for x in [0, 1, -1, 255, -255, 2**47, 2**80, True]:
    print(hex(x), oct(x), bin(x))
show(lambda: hex(1.5))
show(lambda: bin('a'))
show(lambda: oct(x=1))

print(format(1.5), format(255, 'x'), format(255, '#010b'), format('a', '^5'), format([1]), format(None))
print(format(1234567, ','), format(1e100, '.3e'), format(True, 'd'), format(2**100, 'x'))
show(lambda: format([1], 'x'))
show(lambda: format(1, 2))
show(lambda: format())
