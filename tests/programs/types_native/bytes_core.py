# bytes and bytearray natively: repr (quote choice, escapes), comparisons, hash, len, indexing, slicing, iteration, bytes()/bytearray() constructors, bytearray.append, CPython's errors.
b = b"ab\x00'"
print(b, repr(b'"'), repr(b'\'"'), b'\\\t\n\r\x7f\xff', len(b), b[0], b[-1], b[1:], b[::-1], b == b"ab\x00'", b != b'a', b < b'b', b'' < b'a')
print(list(b), bytes([65, 66]), bytes(3), bytes(), bytes(b'xy'), bytes('é', 'utf-8'), bytes('ab', encoding='ascii'), bool(b''), bool(b'a'))
print(hash(b'ab') == hash('ab'), {b'k': 1}[b'k'], isinstance(b, bytes), bytes(range(3)))
ba = bytearray(b'hi')
ba.append(33)
print(ba, len(ba), ba[0], ba[-1], ba[1:], list(ba), ba == b'hi!', b'hi!' == ba, bytearray(), bytearray(2), bytearray([1, 2]), bytearray('x', 'ascii'))
print(isinstance(ba, bytearray), isinstance(ba, bytes), bytes(ba), type(ba[1:]).__name__, type(bytes(ba)).__name__)
for f in [lambda: b[5], lambda: b['x'], lambda: bytes('x'), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes(1.5), lambda: hash(ba), lambda: ba.append(300), lambda: bytes(1, 'x'), lambda: bytes(b'', errors='strict'), lambda: bytearray(b'x')[3]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
