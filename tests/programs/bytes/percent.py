# bytes % args and bytearray % args.
class HB:
    def __bytes__(self):
        return b'HB'
print(b'%s %b %r %a' % (b'x', bytearray(b'y'), 'r\xe9', 'a\xe9'), b'%s' % HB(), b'%s' % memoryview(b'mv'))
print(b'%d %i %x %X %o %e %f %g' % (1, 2, 255, 255, 8, 1.5, 2.25, 1e-7), b'%5s|%-5s|%.1s' % (b'ab', b'cd', b'ef'))
print(b'%c%c%c' % (65, b'B', bytearray(b'C')), b'%(a)s %(b)d' % {b'a': b'x', b'b': 2}, b'%%|%5d|%-5d|' % (1, 2), b'%*d' % (4, 7))
print(bytearray(b'%s!') % b'ba', type(bytearray(b'%s') % b'z').__name__, b'%s' % (b'\xff\x00',), b'plain' % (), b'%r' % b'q', b'%4b|' % b'z')
print(b'%(k)b' % {b'k': b'v'}, b'%%b %s' % b'x', b'%(b)s' % {b'b': b'bb'})
for f in (lambda: b'%d' % b'a', lambda: b'%s' % 'a', lambda: b'%c' % 256, lambda: b'%c' % 'a', lambda: b'%c' % b'ab',
          lambda: b'%s %s' % (1,), lambda: b'%s' % (b'a', b'b'), lambda: b'%b' % 1, lambda: b'%z' % 1, lambda: b'%x' % 1.5,
          lambda: b'%f' % 'a', lambda: b'%i' % 's', lambda: b'%u' % 's', lambda: b'%(a)s' % {'a': b'x'}, lambda: b'%(a)s' % 5, lambda: b'%s %s' % (b'x',), lambda: b'%' % ()):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
