# str.encode with encodings and error handlers the runtime does not know: CPython's
# LookupError (the same cases tests/native/fixtures/str_cases.json holds; natively they go
# through runtime/nativelib/_edgepyc_bytes.py, linked into programs that name encode).
def S(*cp):
    return ''.join(map(chr, cp))


cases = [
    ('', ('bogus',), {}),
    ('', ('é',), {}),
    ('abc', ('bogus',), {}),
    ('abc', ('é',), {}),
    ('héllo', ('bogus',), {}),
    ('héllo', ('é',), {}),
    ('héllo', ('ascii', 'bogus'), {}),
    ('日本', ('bogus',), {}),
    ('日本', ('é',), {}),
    ('日本', ('ascii', 'bogus'), {}),
    ('日本', ('latin-1', 'bogus'), {}),
    ('a😀', ('bogus',), {}),
    ('a😀', ('é',), {}),
    ('a😀', ('ascii', 'bogus'), {}),
    ('a😀', ('latin-1', 'bogus'), {}),
    (S(97, 55296, 98), ('bogus',), {}),
    (S(97, 55296, 98), ('é',), {}),
    (S(97, 55296, 98), ('utf-8', 'bogus'), {}),
    (S(97, 55296, 98), ('ascii', 'bogus'), {}),
    (S(97, 55296, 98), ('latin-1', 'bogus'), {}),
    (S(120, 56448, 56575, 121), ('bogus',), {}),
    (S(120, 56448, 56575, 121), ('é',), {}),
    (S(120, 56448, 56575, 121), ('utf-8', 'bogus'), {}),
    (S(120, 56448, 56575, 121), ('ascii', 'bogus'), {}),
    (S(120, 56448, 56575, 121), ('latin-1', 'bogus'), {}),
    (S(233, 55296, 56320, 55297, 120), ('bogus',), {}),
    (S(233, 55296, 56320, 55297, 120), ('é',), {}),
    (S(233, 55296, 56320, 55297, 120), ('utf-8', 'bogus'), {}),
    (S(233, 55296, 56320, 55297, 120), ('ascii', 'bogus'), {}),
    (S(233, 55296, 56320, 55297, 120), ('latin-1', 'bogus'), {}),
    ('ÿ€', ('bogus',), {}),
    ('ÿ€', ('é',), {}),
    ('ÿ€', ('ascii', 'bogus'), {}),
    ('ÿ€', ('latin-1', 'bogus'), {}),
]
for s, args, kw in cases:
    try:
        print(repr(s.encode(*args, **kw)))
    except LookupError as e:
        print(type(e).__name__, e)
