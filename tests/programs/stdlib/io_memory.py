# io: StringIO and BytesIO (read, readline, iteration, writes at any position, seek/tell,
# truncate, close, newline translation, CPython's messages) and capturing print output.
import io, sys
buf = io.StringIO()
buf.write('hello\n'); print('x', file=buf)
print(repr(buf.getvalue()), buf.tell())
b = io.StringIO('a\nb\nc')
print(repr(b.readline()), repr(b.read()), list(io.StringIO('1\n2\n')))
b.seek(0); print(b.readlines(), b.tell())
b.seek(10); b.write('Z'); print(repr(b.getvalue()))
b.seek(1); b.write('XY'); print(repr(b.getvalue()))
print(b.truncate(3), repr(b.getvalue()), b.tell())
bb = io.BytesIO(b'abc'); print(bb.read(2), bb.getvalue(), bb.seek(0, 2), bb.write(b'de'), bb.getvalue())
with io.StringIO() as sio:
    sio.write('z'); print(sio.tell(), sio.closed)
print(sio.closed)
for bad in (lambda: sio.read(), lambda: io.StringIO(5), lambda: io.StringIO().write(b'x'), lambda: io.BytesIO().write('s'), lambda: io.StringIO().seek(1, 1)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), issubclass(io.UnsupportedOperation, OSError))
print(type(io.StringIO()).__name__, repr(io.StringIO())[:17])
s = io.StringIO('x\r\ny\rz', newline=None); print(repr(s.read()))
lines = io.StringIO('l1\nl2\nl3\n')
for i, line in enumerate(lines): print(i, line.rstrip())
out = io.StringIO(); old = sys.stdout; sys.stdout = out; print('captured'); sys.stdout = old; print(repr(out.getvalue()))
print(io.SEEK_END, io.StringIO('abc').read(None), io.StringIO('abcdef').readline(2))
