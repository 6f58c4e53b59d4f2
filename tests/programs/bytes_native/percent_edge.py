# bytes % corner cases (PEP 461): keys replace the arguments, '%%' only right after '%',
# widths and precisions from '*', flags on numbers, %c / %a / %r, errors.
class HB:
    def __bytes__(self):
        return b'hb'
class NotB:
    def __bytes__(self):
        return 'str'
class R:
    def __repr__(self):
        return 'R\xe9'
class I:
    def __index__(self):
        return 66
cases = [(b'%(a)s %s', {b'a': b'x'}), (b'%-*d|', (-5, 3)), (b'%.*f', (2, 3.14159)), (b'%+05d %#x %#o % d', (3, 255, 8, 4)),
         (b'%ld %hd', (1, 2)), (b'%5c|%-3c|', (65, 66)), (b'%c', I()), (b'%c', -1), (b'%.3a', 'abcdef'), (b'%010.3f', 3.5),
         (b'%s', [1]), (b'', [1]), (b'x', 5), (b'%5%', (1,)), (b'%d', 2 ** 100), (b'%x', -255), (b'%c', 2 ** 70), (b'%(a', {b'a': 1}),
         (b'%.', (1,)), (b'%s', (1.5,)), (b'%d', True), (b'%d', 3.7), (b'%s %(a)s', {b'a': 1}), (b'%05s', b'ab'), (b'%r', (R(),)),
         (b'%*s', ('x', b'a')), (b'%E %G %F', (1e10, 1e-10, 1.0)), (b'%#X', 255), (b'%s', NotB()), (b'%s', HB()), (b'%u', 's'),
         (b'%i', 's'), (b'%f', [1]), (b'%o', 1.5), (bytearray(b'%s-%s'), (b'a', bytearray(b'b'))), (b'%b', memoryview(b'mv')),
         (b'%(x)s%(x)s', {b'x': b'y'}), (b'%s', ()), (b'%%%s%%', b'm')]
for f, a in cases:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
