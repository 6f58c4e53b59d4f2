# bytes/bytearray startswith/endswith with a tuple: the first match wins before a later
# item is checked (CPython's _Py_bytes_tailmatch); start/end are checked first.
for s in (b'abc', bytearray(b'abc')):
    for f in (lambda: s.endswith((b'c', 1)), lambda: s.endswith((b'x', 1)), lambda: s.startswith((b'a', 'x')),
              lambda: s.startswith((1, b'a')), lambda: s.endswith(()), lambda: s.endswith((b'b',), 0, 2),
              lambda: s.startswith((b'b',), 1), lambda: s.endswith((b'c',), 'x'), lambda: s.endswith((bytearray(b'bc'), memoryview(b'q'))),
              lambda: s.startswith((b'',)), lambda: s.endswith(1), lambda: s.endswith((b'c',), 0, 3, 4), lambda: s.startswith(b'ab'),
              lambda: s.endswith((b'zz', b'bc'), -2)):
        try:
            print(repr(f()))
        except Exception as e:
            print(type(e).__name__, e)
