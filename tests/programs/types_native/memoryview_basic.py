# memoryview natively: a view of bytes/bytearray: len, indexing, slicing, tobytes, tolist, ==, hash, iteration, CPython's errors.
m = memoryview(b'abc')
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), bytes(m), m == b'abc', b'abc' == m, m != b'x', list(m), bytes(m[1:]), hash(m) == hash(b'abc'))
print(isinstance(m, memoryview), type(m).__name__, repr(m).startswith('<memory at 0x'), m[1:].tobytes())
ba = bytearray(b'xy')
mb = memoryview(ba)
print(mb.tobytes(), len(mb), bytes(memoryview(mb)), bytearray(m))
for f in [lambda: memoryview('s'), lambda: hash(mb), lambda: m[9], lambda: memoryview()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(b'', (bytes, bytearray, memoryview)), isinstance('', (bytes, bytearray, memoryview)))
