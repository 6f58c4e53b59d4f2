# bytes.decode and str(bytes, encoding, errors) natively: utf-8/ascii/latin-1, every error handler, CPython's messages, big inputs.
print(str(b'abc', 'ascii'), str(b'abc', encoding='ascii'), str(b'\xff', 'ascii', 'ignore'), str(b'a', errors='strict'), str(bytearray(b'xy'), 'utf-8'), str(memoryview(b'mv'), 'utf-8'))
for f in (lambda: str(b'a', 'x'), lambda: str('a', 'utf-8'), lambda: str(1, 'utf-8'), lambda: str(b'\xff', 'utf-8'), lambda: str(b'a', 1),
          lambda: b'\xc3'.decode(), lambda: b'\xc3x'.decode(), lambda: b'\x80'.decode(), lambda: b'\xed\xa0\x80'.decode(), lambda: b'a\xe2\x82'.decode(),
          lambda: b'\xf4\x90\x80\x80'.decode(), lambda: b'\xff'.decode('ascii'), lambda: b'\xff'.decode('latin1', 'bogus'), lambda: b'\xff'.decode('utf-8', 'bogus'),
          lambda: b'a\xffb\xc3(c\xe2\x82\xf0\x9f\x98'.decode('utf-8', 'backslashreplace'), lambda: b'a\xffb\xc3(c\xe2\x82\xf0\x9f\x98'.decode('utf-8', 'surrogateescape'),
          lambda: b'a\xffb\xc3(c\xe2\x82\xf0\x9f\x98'.decode('ascii', 'replace'), lambda: b'a\xffb\xc3(c\xe2\x82\xf0\x9f\x98'.decode('utf-8', 'ignore'),
          lambda: ('h\xe9llo \u20ac \U0001F600'.encode() * 5000).decode()[-3:], lambda: len(('\u20ac' * 30000).encode().decode())):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
