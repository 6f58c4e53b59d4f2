# open(): text and binary modes, newline handling, seek/tell, errors, closed files.
PA = '/tmp/edgepyc-test-open-a.txt'
PB = '/tmp/edgepyc-test-open-b.bin'
PC = '/tmp/edgepyc-test-open-c.txt'
PU = '/tmp/edgepyc-test-open-u.txt'
PL = '/tmp/edgepyc-test-open-l.txt'
PN = '/tmp/edgepyc-test-open-n.txt'
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
with open(PA, 'w') as f:
    print(f, f.name, f.mode, f.closed, f.encoding, f.writable(), f.readable())
    print(f.write('hello\nwörld\r\nthird\rfourth'), f.tell())
    f.writelines(['x', 'y\n'])
print(f.closed, f)
with open(PA) as f:
    print(repr(f.read()))
with open(PA, newline='') as f:
    print(repr(f.read()))
    f.seek(0)
    print(f.readlines())
with open(PA) as f:
    print(f.readline(), f.readline(3), f.readline(), f.tell())
    print(list(f))
with open(PA) as f:
    print(repr(f.read(3)), repr(f.read(4)), f.tell(), repr(f.read(100)), repr(f.read()))
with open(PA, 'rb') as f:
    print(f.mode, f.read(5), f.readline(), f.tell(), f.read())
    f.seek(-3, 2); print(f.read(), f.seek(0, 1))
with open(PA, 'a') as f:
    print(f.tell()); f.write('END\n')
print(repr(open(PA).read()[-4:]))
with open(PB, 'wb') as f:
    print(f.write(b'\x00\x01\xff'), f.write(bytearray(b'ab')))
print(open(PB, 'rb').read())
with open(PB, 'r+b') as f:
    f.seek(1); f.write(b'Z'); f.seek(0); print(f.read())
with open(PC, 'w+') as f:
    f.write('abc\ndef\n'); f.seek(0); print(f.read(), f.mode)
t(lambda: open('/tmp/edgepyc-test-open-missing.txt'))
t(lambda: open('/tmp/edgepyc-test-open-nodir/x.txt', 'w'))
t(lambda: open('/tmp'))
t(lambda: open(PA, 'rw'))
t(lambda: open(PA, 'rbt'))
t(lambda: open(PA, 'rr'))
t(lambda: open(PA, 'b'))
t(lambda: open(PA, 'rb', encoding='utf-8'))
t(lambda: open(PA, newline='x'))
t(lambda: open(PA, 'x'))
t(lambda: open(1.5))
t(lambda: open(PA, 'r', encoding='bogus'))
f = open(PA); f.close()
t(lambda: f.read()); t(lambda: f.readline()); t(lambda: next(f)); t(lambda: f.write('x'))
f = open(PA, 'w'); t(lambda: f.read()); t(lambda: f.write(b'x')); f.close()
f = open(PA, 'rb'); t(lambda: f.write(b'x')); f.close(); t(lambda: f.read())
f = open(PB, 'wb'); t(lambda: f.write('str')); f.close()
try:
    open('/tmp/edgepyc-test-open-missing.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.args)
with open(PU, 'w', encoding='utf-8') as f:
    f.write('\U0001f600 é\n'); print(f.encoding)
with open(PU, encoding='utf-8') as f:
    print(f.read(1), f.read(2), f.tell())
with open(PU, 'rb') as f:
    print(f.read())
with open(PL, 'w', encoding='latin-1') as f:
    f.write('é')
print(open(PL, 'rb').read())
t(lambda: open(PL).read())
print(open(PL, encoding='latin-1').read())
f = open(PN, 'w'); f.write('buffered until flushed')
print(repr(open(PN).read()))
f.flush()
print(repr(open(PN).read()))
f.close()
