# str.encode / bytes.decode / str(bytes, ...): codecs, aliases, error handlers, UnicodeError.
s = 'h\xe9llo \u20ac \U0001F600'
for enc in ['utf-8', 'UTF8', 'u8', 'utf_8', 'utf-16', 'utf-16-le', 'UTF-16BE', 'utf-32', 'utf_32_le', 'utf-32-be', 'utf-8-sig']:
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s, str(b, enc) == s)
for enc in ['latin-1', 'latin1', 'iso-8859-1', 'ISO_8859-1', 'l1', 'ascii', 'us-ascii', '646']:
    print(enc, 'caf\xe9'.encode(enc, 'replace'), b'caf\xe9'.decode(enc, 'replace'))
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(errors, s.encode('ascii', errors), s.encode('latin-1', errors), '\ud800x'.encode('utf-8', errors))
bad = b'a\xffb\xc3(c\xe2\x82\xf0\x9f\x98'
for errors in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(errors, repr(bad.decode('utf-8', errors)), repr(bad.decode('ascii', errors)))
print(repr(bad.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape')))
print('\udcff\ud800'.encode('utf-8', 'surrogatepass'), repr(b'\xed\xb3\xbf\xed\xa0\x80'.decode('utf-8', 'surrogatepass')))
print(repr('\ud800'.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'surrogatepass')))
print(b'\xef\xbb\xbfa'.decode('utf-8-sig'), repr(b'\xef\xbb\xbfa'.decode('utf-8')), b'\xff\xfea\x00'.decode('utf-16'), b'\xfe\xff\x00a'.decode('utf-16'))
print(repr(b'\x00\xd8a\x00'.decode('utf-16-le', 'replace')), repr(b'abc'.decode('utf-16', 'ignore')), repr(b'\x00\x00\x11\x00a\x00\x00\x00'.decode('utf-32-le', 'replace')))
print(str(b'abc', 'ascii'), str(b'abc', encoding='ascii'), str(b'\xff', 'ascii', 'ignore'), str(b'a', errors='strict'), str(bytearray(b'xy'), 'utf-8'), str(memoryview(b'mv'), 'utf-8'))
print(repr(str()), repr(str(encoding='utf-8')), str(object=12), str(b'x'), str(bytearray(b'y')))

def show(f):
    try:
        r = f()
        print(repr(r))
    except UnicodeError as e:
        print(type(e).__name__, e, '|', e.encoding, repr(e.object), e.start, e.end, e.reason, e.args[1:3])
    except Exception as e:
        print(type(e).__name__, e)

for f in (lambda: '\xe9'.encode('ascii'), lambda: 'a\xe9\xea'.encode('ascii'), lambda: 'ab\u20ac'.encode('latin-1'),
          lambda: '\ud800'.encode(), lambda: 'x\ud800'.encode('utf-16'), lambda: '\udc41'.encode('ascii', 'surrogateescape'),
          lambda: '\U0001F600'.encode('ascii'), lambda: b'\xc3'.decode(), lambda: b'\xc3x'.decode(), lambda: b'\x80'.decode(),
          lambda: b'\xed\xa0\x80'.decode(), lambda: b'a\xe2\x82'.decode(), lambda: b'\xf4\x90\x80\x80'.decode(),
          lambda: b'\xff'.decode('ascii'), lambda: b'a'.decode('utf-16'), lambda: b'\x00\xd8'.decode('utf-16-le'),
          lambda: b'\x00\xdc\x00\x00'.decode('utf-16-le'), lambda: b'\x00\xd8a\x00'.decode('utf-16-le'),
          lambda: b'abcde'.decode('utf-32'), lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le'), lambda: b'\xfe\xffa\x00a'.decode('utf-16'),
          lambda: b'a'.decode('rot13x'), lambda: 'a'.encode('nope'), lambda: '\xff'.encode('ascii', 'bogus'),
          lambda: b'\xff'.decode('latin1', 'bogus'), lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: 'a'.encode(1),
          lambda: 'a'.encode('utf-8', 1), lambda: 'a'.encode(errors=1), lambda: 'a'.encode('utf-8', 'strict', 3),
          lambda: str(b'a', 'x'), lambda: str('a', 'utf-8'), lambda: str(1, 'utf-8'), lambda: str(b'\xff', 'utf-8'),
          lambda: str(1, 2, 3, 4), lambda: str(x=1), lambda: str(b'a', 1), lambda: b'\xff'.decode('ascii', 'surrogatepass'),
          lambda: b'\x41\xff'.decode('utf-16-le', 'surrogateescape'), lambda: '\udc80'.encode('utf-16', 'surrogateescape'),
          lambda: 'a\udcff'.encode('utf-32-be', 'surrogateescape')):
    show(f)

e = UnicodeDecodeError('x', b'ab', 0, 2, 'why')
print(str(e), repr(e), e.args, e.object)
print(str(UnicodeEncodeError('x', 'ab', 0, 1, 'r')), str(UnicodeEncodeError('x', '\U0001F600', 0, 1, 'r')), str(UnicodeTranslateError('ab', 0, 1, 'r')))
print(str(UnicodeEncodeError('x', 'ab', 5, 1, 'r')), str(UnicodeDecodeError('x', bytearray(b'ab'), 1, 1, 'r')), UnicodeDecodeError('x', bytearray(b'ab'), 1, 1, 'r').object)
for f in (lambda: UnicodeEncodeError('x'), lambda: UnicodeEncodeError(1, 'ab', 0, 1, 'r'), lambda: UnicodeDecodeError('x', 'ab', 0, 1, 'r')):
    show(f)
print(isinstance(UnicodeEncodeError('a', 'b', 0, 1, 'c'), ValueError), issubclass(UnicodeDecodeError, UnicodeError))
