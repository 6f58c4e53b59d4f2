# str % args: tuple vs mapping, conversions through __int__/__index__/__float__, %c.
class I:
    def __index__(self):
        return 65
class N:
    def __int__(self):
        return 42
class F:
    def __float__(self):
        return 2.5
class R:
    def __repr__(self):
        return 'R\xe9'
    def __str__(self):
        return 'R-str'
print('%s %r %a' % (R(), R(), R()))
print('%d %i %u' % (3.99, -2.5, True), '%x %X %o' % (255, 255, 8), '%#x %#X %#o' % (255, 255, 8))
print('%d' % N(), '%x' % I(), '%c' % I(), '%f' % F(), '%d' % I(), '%.2f' % N.__int__(N()))
print('%5s|%-5s|%.2s|%5.1s|' % ('abc', 'ab', 'xyz', 'q'), '%c%c%c' % (72, 'i', 0x1F600))
print('%(a)s-%(b)d' % {'a': 1, 'b': 2}, '%(a)s %(a)r' % {'a': 'v'}, '%s' % {'k': 1}, '%s' % [1, 2], '%s' % ((1, 2),))
print('%*d|%-*d|%.*f' % (5, 42, 4, 7, 2, 3.14159), '%+d % d %05d %+.3e %g %G' % (5, 5, -42, 12345.678, 1e-5, 1e20))
print('%s %s' % ('a', 'b'), '%s' % 'solo', '%s' % ('solo',), '%r' % (None,), '%d%%' % 50)
print('%(x)s' % {'x': '\U0001F600'}, '%-4c|' % 'z', '%3c|' % 65, '%e' % 0, '%.0f %.0f' % (0.5, 1.5))
class M:
    def __getitem__(self, k):
        return k * 2
print('%(ab)s %(c)s' % M(), '%s' % M.__name__)
for f in (lambda: '%d' % 'a', lambda: '%s %s' % (1,), lambda: '%s' % (1, 2), lambda: '%(a)s' % 1,
          lambda: '%c' % 'ab', lambda: '%c' % 1.5, lambda: '%c' % -1, lambda: '%c' % 0x110000, lambda: '%z' % 1,
          lambda: '%d' % 1j, lambda: '%x' % 1.5, lambda: '%f' % 'a', lambda: '%*d' % ('a', 1), lambda: '%' % (),
          lambda: '%(a' % {'a': 1}, lambda: '%(a)s %s' % {'a': 1}, lambda: '%d' % float('nan'), lambda: '%d' % float('inf'),
          lambda: '%x' % N(), lambda: '%d' % F(), lambda: '%(a)s' % {}, lambda: 'abc' % 1, lambda: '\U0001F600%y' % 1, lambda: '%%|%5%|' % (), lambda: '%5%|' % (1,), lambda: '%i' % 's', lambda: '%u' % [1]):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print('abc' % (), 'abc' % {}, 'abc' % [])
