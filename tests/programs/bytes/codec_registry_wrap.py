# Which encoding names take CPython's fast paths (handler errors unwrapped) and which go
# through the codec registry ("encoding with 'X' codec failed (...)", the cause chained).
for enc in ['UTF8', 'utf_8', 'u8', 'utf', 'Utf-8', 'latin-1', 'L1', 'latin1', 'iso-8859-1', 'ISO8859-1', 'US-ASCII', 'ascii', '646',
            'utf-16', 'UTF16', 'u16', 'utf_32', 'utf-32-be', 'utf-8-sig', 'utf..8']:
    for errors in ['bogus', 'xmlcharrefreplace']:
        for f in (lambda: '\udcff\xff\u20ac'.encode(enc, errors), lambda: b'\xff\xfe\xfd'.decode(enc, errors)):
            try:
                r = repr(f())
            except Exception as e:
                r = f'{type(e).__name__}: {e} / cause {type(e.__cause__).__name__}'
            print(enc, errors, r)
try:
    b'\xff'.decode('u8', 'bogus')
except LookupError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__cause__.args))
