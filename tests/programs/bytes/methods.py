# The methods bytes and bytearray share (ASCII-only semantics), with bytearray results for bytearray.
for T in (bytes, bytearray):
    s = T(b'the quick brown fox')
    print(T.__name__)
    print(s.find(b'quick'), s.find(b'o'), s.rfind(b'o'), s.find(111, 13), s.index(b'fox'), s.rindex(111), s.count(b'o'), s.count(111), s.count(b''), s.find(b'', 50))
    print(s.find(b'o', -5), s.find(b'q', None, 3), s.count(b'o', 0, 13), s.startswith(b'the'), s.startswith((b'x', b'th')), s.endswith(bytearray(b'fox')), s.endswith(b'quick', 0, 9), s.startswith(b'', 19), s.startswith(b'', 20))
    print(s.split(), s.split(b'o'), s.split(b' ', 1), s.rsplit(b' ', 1), s.rsplit(maxsplit=2), T(b'  a  b  ').split(None, 1), T(b'  a  b  ').rsplit(None, 1), T(b'aaa').split(b'aa'), T(b'aaa').rsplit(b'aa'))
    print(T(b'a\nb\r\nc\rd\x0be').splitlines(), T(b'a\nb\r\n').splitlines(True), s.partition(b' '), s.rpartition(b' '), s.partition(b'zz'), s.rpartition(b'zz'))
    print(T(b'  x \t\n').strip(), T(b'xxhixx').strip(b'x'), T(b'abcba').lstrip(b'ab'), T(b'abcba').rstrip(bytearray(b'ab')), T(b'\x0b\x0c x\x1c').strip(), T(b'a').strip(None))
    print(s.replace(b'o', b'0'), s.replace(b'o', b'0', 1), T(b'ab').replace(b'', b'-'), T(b'ab').replace(b'', b'-', 2), T(b'aaaa').replace(b'aa', b'b'), s.replace(b'x', b'y'))
    print(T(b'Hello World').upper(), T(b'Hello World').lower(), T(b'hello world').title(), T(b"they're").title(), T(b'hELLO').capitalize(), T(b'Hello\xe9').swapcase(), T(b'\xe9a').upper())
    print(T(b'ab').center(6), T(b'ab').center(5, b'*'), T(b'ab').ljust(4, bytearray(b'.')), T(b'ab').rjust(4), T(b'-5').zfill(4), T(b'5').zfill(3), T(b'abc').center(2))
    print(T(b'a\tb\tc').expandtabs(), T(b'a\tb').expandtabs(4), T(b'ab\tc\n\td').expandtabs(tabsize=3), T(b'a\tb').expandtabs(0))
    print(T(b',').join([b'a', bytearray(b'b'), memoryview(b'c')]), T(b'').join([]), T(b'-').join(T(b'xy') for _ in range(2)), T(b'prefix_x').removeprefix(b'prefix_'), T(b'x.py').removesuffix(b'.py'), T(b'ab').removesuffix(b''))
    for p in [b'', b'abc', b'ABC', b'Abc', b'Abc Def', b'123', b'abc1', b' \t\n\x0b\x0c\r', b'\x1c', b'\xe9', b'a b', b'A_B']:
        q = T(p)
        print(p, q.isalnum(), q.isalpha(), q.isascii(), q.isdigit(), q.islower(), q.isspace(), q.istitle(), q.isupper())
    tbl = bytes.maketrans(b'abc', b'xyz')
    print(len(tbl), T(b'aabbccdd').translate(tbl), T(b'aabbccdd').translate(tbl, b'd'), T(b'abc').translate(None, b'b'), T(b'abc').translate(None, delete=b'ac'), T.maketrans(b'a', b'b')[97])
    print(T(b'caf\xc3\xa9').decode(), T(b'caf\xe9').decode('latin-1'), T(b'\xff').decode('utf-8', 'replace'), T(b'x').decode(encoding='ascii', errors='strict'))
    print(T(b'abc').__contains__(b'b'), T(b'abc').__len__(), T(b'a').__add__(b'b'), T(b'a').__mul__(3), T(b'a').__rmul__(2), T(b'%d').__mod__(5))
for f in (lambda: b'a'.decode(1), lambda: b'a'.decode('x'), lambda: b'a'.count(), lambda: b'a'.count('a'), lambda: b'a'.count(256),
          lambda: b'a'.find(1.5), lambda: b'a'.index(b'z'), lambda: b'a'.rindex(98), lambda: b'a'.join([1]), lambda: b'a'.join(['a']),
          lambda: b'a'.join(1), lambda: b'a'.split('a'), lambda: b'a'.split(b''), lambda: b'a'.rsplit(b''), lambda: b'a'.strip('a'),
          lambda: b'a'.strip(1), lambda: b'a'.replace('a', 'b'), lambda: b'a'.startswith('a'), lambda: b'a'.startswith(('a',)),
          lambda: b'a'.center(5, 'x'), lambda: b'a'.center(5, b'xy'), lambda: b'a'.partition('a'), lambda: b'a'.partition(b''),
          lambda: b'a'.translate(b'x'), lambda: bytes.maketrans(b'a', b'bc'), lambda: bytes.maketrans('a', 'b'), lambda: b'a'.translate(None, 'a'),
          lambda: b'a'.zfill('x'), lambda: b'a'.expandtabs(x=1), lambda: b'a'.removeprefix('a'), lambda: b'a'.lower(1), lambda: b'a'.isdigit(1),
          lambda: b'a'.center(), lambda: b'a'.join(), lambda: b'a'.decode(1, 2, 3), lambda: b'a'.hex(1, 2, 3), lambda: b'a'.split(1, 2, 3),
          lambda: b'a'.translate(), lambda: b'a'.translate(None, b'a', 1), lambda: bytes.maketrans(b'a'), lambda: bytes.lower('a'),
          lambda: bytearray.upper(b'a'), lambda: b'a'.split(sep=b'a', maxsplit=1), lambda: b'a'.splitlines(keepends=True)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
