# Files bigger than one read chunk (8192 bytes): multi-byte characters and '\r\n' split
# across chunk ends, tell/seek round trips in text mode, r+ and a+ updates, iteration.
P = '/tmp/edgepyc-test-files-chunks.txt'
B = '/tmp/edgepyc-test-files-chunks.bin'

# 8191 ASCII bytes, then a 4-byte character across the first chunk boundary.
text = 'a' * 8191 + '\U0001f600' + 'b' * 100 + '\n'
# '\r' as the last byte of the second chunk and '\n' as the first of the third.
pad = 8192 * 2 - len(text.encode()) - 1
text += 'c' * pad + '\r\n' + 'tail\rlast'
with open(P, 'w', newline='') as f:
    print(f.write(text))
with open(P) as f:
    s = f.read()
print(len(s), s.count('\n'), repr(s[8189:8194]), repr(s[-12:]))
with open(P) as f:
    lines = f.readlines()
print(len(lines), [len(x) for x in lines], repr(lines[-1]))
with open(P, newline='') as f:
    print([len(x) for x in f])
with open(P) as f:
    got = []
    while True:
        c = f.read(997)
        if not c:
            break
        got.append(c)
print(''.join(got) == s, len(got))
with open(P, encoding='utf-8') as f:
    f.read(8191)
    pos = f.tell()
    ch = f.read(1)
    print(pos, repr(ch), f.tell())
    f.seek(pos)
    print(repr(f.read(2)))
    f.seek(0, 2)
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.readline(5)), f.tell())

# r+ and a+: writes land where the position says.
with open(P, 'w') as f:
    f.write('0123456789\nabcdef\n')
with open(P, 'r+') as f:
    print(repr(f.readline()))
    f.write('XY')
    f.seek(0)
    print(repr(f.read()))
with open(P, 'a+') as f:
    print(f.tell())
    f.write('more\n')
    f.seek(0)
    print(repr(f.read()))
with open(P, 'rb+') as f:
    f.seek(2)
    f.write(b'__')
    print(f.tell(), f.read(3), f.tell())

# Binary: many lines, iteration, read1-sized reads, truncate.
with open(B, 'wb') as f:
    for i in range(3000):
        f.write(b'line %d\n' % i)
    print(f.tell())
with open(B, 'rb') as f:
    n = 0
    total = 0
    for line in f:
        n += 1
        total += len(line)
    print(n, total)
with open(B, 'r+b') as f:
    print(f.truncate(10), f.read())
with open(B, 'rb') as f:
    print(f.read(), f.read(), f.read(5))

# Text iteration disables tell() until the end.
with open(P) as f:
    next(f)
    try:
        f.tell()
    except OSError as e:
        print(type(e).__name__, e)
    for _ in f:
        pass
    print(f.tell())

# Interleaved files and the repr of binary objects.
with open(P, 'w') as a, open(B, 'wb') as b:
    for i in range(5):
        a.write('%d\n' % i)
        b.write(bytes([i]))
    print(a.name == P, b)
print(open(P).read().split(), open(B, 'rb').read())
f = open(B, 'rb', buffering=0)
print(f, f.read(2), f.readall())
f.close()
print(f)
