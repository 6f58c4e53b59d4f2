# bytes and bytearray: construction, repr, indexing, slicing, operators, hashing, iteration.
class HasBytes:
    def __bytes__(self):
        return b'from __bytes__'
class Idx:
    def __index__(self):
        return 3
print(bytes(), bytes(3), bytes(Idx()), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(5)), bytes(b'ab'), bytes(bytearray(b'cd')))
print(bytes('h\xe9', 'utf-8'), bytes('h\xe9', 'latin-1'), bytes('x', encoding='ascii'), bytes(source=b'k'), bytes(HasBytes()), bytes(memoryview(b'mv')))
print(bytes(iter([1, 2])), bytes(x for x in b'gen'), bytearray(), bytearray(2), bytearray(b'ab'), bytearray('\u20ac', 'utf-8'), bytearray([1, 255]))
print(b'\x00\x7f\x80\xff', b"'", b'"', b'\'"', b'\\', b'\t\n\r', bytearray(b"a'b"), repr(b'abc'), str(b'x'), str(bytearray(b'y')))
b = b'hello world'
print(b[0], b[-1], b[1:4], b[::-1], b[::3], b[100:], b[-3:], type(b[0]).__name__, len(b), list(b[:3]), b[Idx()])
ba = bytearray(b'hello')
print(ba[0], ba[-1], ba[1:3], ba[::-1], type(ba[1:]).__name__, len(ba), list(ba))
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', bytearray(b'a') + memoryview(b'b'), b'ab' * 3, 2 * b'ab', b'x' * 0, b'x' * -5)
print(bytearray(b'ab') * 2, 2 * bytearray(b'ab'), b'' * 100)
print(b'a' == b'a', b'a' == bytearray(b'a'), bytearray(b'a') == b'a', b'a' == 'a', b'a' != 'a', b'a' < b'b', b'ab' < b'a', b'a' <= bytearray(b'a'), bytearray(b'b') > b'a', b'' < b'\x00')
print(b'a' == memoryview(b'a'), memoryview(b'a') == b'a', bytearray(b'x') == memoryview(b'x'))
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(bytes()), {b'k': 1}[b'k'], b'k' in {b'k'}, len({b'a', b'a', bytes(b'a')}))
print(98 in b'abc', b'bc' in b'abc', b'' in b'abc', bytearray(b'c') in b'abc', 0 in b'abc', Idx() in b'\x03', b'x' in bytearray(b'yxz'))
print([x for x in b'abc'], list(bytearray(b'xy')), list(reversed(b'abc')), sorted(b'cab'), sum(b'\x01\x02'), max(b'az'), b'abc'.__iter__().__class__.__name__)
it = iter(ba)
next(it)
ba.append(33)
print(list(it), bytes(ba))
class B(bytes):
    pass
class BA(bytearray):
    pass
x = B(b'sub')
print(x, type(x).__name__, type(x + b'!').__name__, type(x.upper()).__name__, type(x[1:]).__name__, isinstance(x, bytes), B(3), B([65]))
y = BA(b'arr')
print(y, type(y).__name__, type(y + b'!').__name__, type(y.upper()).__name__, repr(BA()), y == b'arr')
print(bytes.fromhex('61 62 6364'), bytearray.fromhex(' 00ff '), B.fromhex('41'), type(B.fromhex('41')).__name__, BA.fromhex('42'), type(BA.fromhex('42')).__name__)
print(b'\x00\xff'.hex(), b'abc'.hex('-'), b'abc'.hex('-', 2), b'abcde'.hex(b':', -2), b'abcdef'.hex(' ', 3), bytearray(b'\x01\x02').hex(':'), b''.hex(':'), b'abc'.hex(':', 0), b'abc'.hex(':', 5))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(bytearray(b'\x01\x00'), 'little'), int.from_bytes([1, 2], 'big'), (258).to_bytes(2, 'big'), ord(b'a'), ord(bytearray(b'z')))
print(b'abc'.__getnewargs__(), bytes(b'q').__bytes__(), B(b'r').__bytes__(), type(B(b'r').__bytes__()).__name__, b'ab'.__len__(), b'ab'.__contains__(97))
for f in (lambda: bytes(-1), lambda: bytes(1.5), lambda: bytes(None), lambda: bytes('a'), lambda: bytes('a', 'x'),
          lambda: bytes(1, 'utf-8'), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(['a']), lambda: bytes([1.5]),
          lambda: bytes(b'a', 'utf-8'), lambda: bytes(x=1), lambda: bytes(1, 2, 3, 4), lambda: bytes(errors='strict'),
          lambda: bytes(encoding='utf-8'), lambda: bytes('a', errors='strict'), lambda: bytearray(-1), lambda: bytearray('a'),
          lambda: bytearray([256]), lambda: bytearray(1.5), lambda: bytearray(b'a', 'utf-8'), lambda: bytearray(encoding='x'),
          lambda: b'a' + 'a', lambda: b'a' + 1, lambda: 'a' + b'a', lambda: b'a' * 'x', lambda: b'a' < 'a', lambda: b'a' < 1,
          lambda: b'a'[5], lambda: b'a'['x'], lambda: bytearray(b'a')[5], lambda: bytearray(b'a')['x'], lambda: 'a' in b'a',
          lambda: 256 in b'a', lambda: 1.5 in b'a', lambda: hash(bytearray()), lambda: bytes.fromhex('zz'), lambda: bytes.fromhex('a'),
          lambda: bytes.fromhex(1), lambda: bytes.fromhex('0 1'), lambda: bytes.fromhex('01 0'), lambda: bytes.fromhex('\xe9'),
          lambda: b'ab'.hex(1), lambda: b'ab'.hex(''), lambda: b'ab'.hex('::'), lambda: b'ab'.hex('\xe9'), lambda: bytes(HasBytes) ,
          lambda: bytearray(b'a') + 'b', lambda: b'x' * 2**70, lambda: bytes.fromhex()):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
