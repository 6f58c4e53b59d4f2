# UTF-16, UTF-32 (with and without BOM, -le/-be) and utf-8-sig: encode and decode with the
# error handlers, names and aliases, CPython's messages for bad data and bad handlers.
s = 'h\xe9llo \u20ac \U0001F600'
for enc in ['utf-16', 'utf-16-le', 'UTF-16BE', 'utf-32', 'utf_32_le', 'utf-32-be', 'utf-8-sig', 'U16', 'utf 32', 'UnicodeLittleUnmarked']:
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s, str(b, enc) == s, bytes(s, enc) == b, bytearray(b).decode(enc) == s)
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogatepass']:
    print(errors, 'x\ud800y\udfff'.encode('utf-16-le', errors), 'a\udcffb'.encode('utf-32-be', errors))
datas = [b'a', b'\x00\xd8', b'\x00\xdc\x00\x00', b'\x00\xd8a\x00', b'abcde', b'\x00\xd8\x00\x00', b'\xfe\xffa\x00a', b'abc',
         b'\x00\x00\x11\x00a\x00\x00\x00', b'\xef\xbb\xbfa', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'\x41\xff', b'\x00\xd8\x00', b'\x80\xdc']
for d in datas:
    row = []
    for enc in ('utf-16', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-8-sig'):
        for errors in ('strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace', 'bogus'):
            try:
                row.append(repr(d.decode(enc, errors)))
            except Exception as e:
                row.append(type(e).__name__ + ': ' + str(e))
    print(d, ' | '.join(row))
for f in (lambda: 'x\ud800'.encode('utf-16'), lambda: '\udc80'.encode('utf-16', 'surrogateescape'), lambda: 'a'.encode('utf-32', 'bogus'),
          lambda: '\ud800'.encode('utf-32', 'bogus'), lambda: '\ud800'.encode('utf-16-le', 'bogus'), lambda: '\ud800'.encode('utf-8-sig', 'bogus'),
          lambda: 'a'.encode('utf-16', 1), lambda: b'a'.decode('utf-16', 1), lambda: 'a'.encode('nope'), lambda: b'a'.decode('rot13x'),
          lambda: str(b'\xff\xfe\x00', 'utf-16'), lambda: '\ud800'.encode('utf-16-be', 'namereplace')):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
