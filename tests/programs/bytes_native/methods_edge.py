# bytes/bytearray methods natively: empty inputs, negative indices, big inputs (> 64 KiB),
# non-ASCII bytes (ASCII-only case and whitespace rules), and the error paths.
for T in (bytes, bytearray):
    e = T(b'')
    print(T.__name__, e.find(b''), e.rfind(b'x'), e.count(b''), e.split(), e.split(b','), e.rsplit(None, 1), e.splitlines(), e.strip(), e.upper(), e.title())
    print(e.isalnum(), e.isascii(), e.islower(), e.istitle(), e.partition(b'x'), e.rpartition(b'x'), e.center(3), e.zfill(2), T(b'-').join([]), e.replace(b'', b'x'))
    s = T(b'\xa0a\x85b\x1cc\xe9\xc9 d\te\x0bf\x0cg')
    print(s.split(), s.rsplit(maxsplit=1), s.strip(b'\xa0g'), T(b'\x85x\xa0').strip(), s.splitlines(), T(b'a\x1cb\x0bc\rd\r\ne\n').splitlines(keepends=True))
    print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), T(b'\xe9t\xe9').istitle(), T(b'A\xe9').isupper(), T(b'a\xe9').isalpha())
    print(s.find(0xe9), s.find(b'\xc9', -8), s.rfind(b'c', -100, -2), s.count(b'\x0b', -5), s.index(32, 1, -1), s.rindex(b'd', -9), s.startswith(b'\xa0', -100), s.endswith((b'g', b'x'), 0, 100))
    big = T(b'ab\xff ' * 20000 + b'end')
    print(len(big), big.find(b'end'), big.rfind(b'ab'), big.count(b'\xff'), len(big.split()), len(big.split(b'\xff ')), big.split()[-1], len(big.upper()), big.upper()[:8], big.isascii())
    print(len(big.replace(b'ab', b'')), len(T(b'.').join(big.split())), big.strip(b'abdne \xff'), len(big.translate(None, b'a')), big.splitlines() == [big], big.endswith(b'\xff end'))
    print(len(big.decode('latin-1')), big.decode('ascii', 'ignore')[:6], len(big.decode('utf-8', 'replace')), big[:9].decode('utf-8', 'backslashreplace'))
    tbl = T.maketrans(b'abc', b'\xe9\xff\x00')
    print(T(b'aabbcc').translate(tbl), T(b'xyz').translate(tbl, delete=b'y'), T(b'x').translate(None))
for f in (lambda: b'a'.find(-1), lambda: b'a'.find(2**70), lambda: b'a'.index(b'b', -1), lambda: bytearray(b'a').rindex(b'b'),
          lambda: b'a'.startswith([b'a']), lambda: b'a'.endswith((1, b'a')), lambda: b'a'.ljust(3, b''), lambda: b'a'.rjust(3, bytearray(b'xy')),
          lambda: b'a'.split(maxsplit='x'), lambda: b'a'.split(sep='a'), lambda: b','.join([b'a', 3]), lambda: bytearray(b',').join((b'a', 'b')),
          lambda: b'a'.translate(b'x' * 255), lambda: b'a'.translate(None, delete=1), lambda: b'a'.translate(None, x=1), lambda: bytearray.maketrans(b'a', 'b'),
          lambda: b'a'.upper(x=1), lambda: bytearray(b'a').join(), lambda: bytes.split(bytearray(b'a')), lambda: bytes.upper(),
          lambda: b'\xe9'.decode('ascii'), lambda: bytearray(b'ab\xc3').decode(), lambda: b'a'.decode('utf-8', 1), lambda: b'a'.decode(errors='strict', x=1),
          lambda: b'a'.decode('utf-8', encoding='ascii'), lambda: str(b'\xff\xfe', 'utf8'), lambda: str(b'\xffx', 'us-ascii', 'backslashreplace')):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
