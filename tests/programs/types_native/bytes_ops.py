# bytes/bytearray + and * (sequence errors for builtin operands, reflected dunders of classes), membership of ints and bytes-like objects.
b = b'ab'
ba = bytearray(b'xy')
print(b + b'c', b + ba, ba + b, ba + memoryview(b'!'), b * 3, 2 * b, b * 0, b * -1, ba * 2, True * b, b'' + b'')
print(97 in b, 99 in b, b'b' in b, b'ab' in b, b'' in b, b'abc' in b, b'y' in ba, 120 in memoryview(ba), bytearray(b'a') in b)
for f in [lambda: b + 'c', lambda: b + 1, lambda: b * 'x', lambda: b * 1.5, lambda: 'x' in b, lambda: 300 in b, lambda: ba + [1], lambda: 1 + b, lambda: memoryview(b) + b]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class R:
    def __radd__(self, other):
        return 'radd'
    def __rmul__(self, other):
        return 'rmul'
print(b + R(), b * R())
