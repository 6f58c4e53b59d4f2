# str.format and format_map: the replacement-field grammar and its errors.
class P:
    x = 3
    def __init__(self):
        self.name = 'pt'
    def __format__(self, spec):
        return 'P<' + spec + '>'
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'P-str'

print('{} {} {}'.format(1, 'a', None), '{0} {1} {0}'.format('x', 'y'), '{{}} {{{0}}}'.format(5))
print('{name} is {age}'.format(name='Bob', age=30), '{0[1]} {1[key]} {0[0]}'.format([7, 8], {'key': 'v'}))
print('{0.x} {0.name} {p.name!r} {p!s:>8}|'.format(P(), p=P()))
print('{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}'.format('r', 'l', 'c', 'm', 3.14159))
print('{!r} {!s} {!a} {!r:>6}'.format('é', 'é', 'é', 'é'))
print('{:{}}|{:{}.{}}|{:{w}.{p}f}'.format('ab', 5, 3.14159, 8, 3, 2.5, w=7, p=2))
print('{0:{1}}'.format(P(), 'xyz'), '{:}'.format(P()), '{}'.format(P()), format(P(), 'q'))
print('{0[a]}'.format({'a': 1}), '{0[10]}'.format(list(range(11))), '{0[-1]}'.format({'-1': 'neg'}))
print('{0.real.numerator}'.format(7), '{[0]}'.format('xy'), '{:,}'.format(1234567), '{:%}'.format(0.25))
print('{0!r:^9}'.format('x'), '{:d}'.format(True), '{:5}'.format(True), '{}'.format(True))
print('{٠}'.format('arabic zero'), 'no fields', '{{'.format(), '}}'.format(), 'a{{b}}c'.format())
print('{x}{y}'.format_map({'x': 1, 'y': 2}))
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a} {b}'.format_map(D(a=1)), '{a[x]}'.format_map({'a': {'x': 'deep'}}))

cases = ['{}'.format, '{1}'.format, '{a}'.format, '}'.format, '{'.format, 'x}y'.format, '{0}{}'.format, '{}{0}'.format,
         '{0!x}'.format, '{0!}'.format, '{0!rr}'.format, '{0[}'.format, '{0]}'.format, '{0.}'.format,
         '{0[0]x}'.format, '{:{:{}}}'.format, '{a{}'.format, '{0:{'.format, '{!r'.format, '{0!'.format,
         '{0.real.x}'.format, '{0[1]}'.format, '{0[a]}'.format, '{0[-1]}'.format, '{0:d}'.format, '{0:s}'.format,
         '{99999999999999999999}'.format, '{0[}]}'.format, '{!\U0001F600}'.format, '{!\x01}'.format]
for c in cases:
    try:
        print(repr(c(*[1, [2], {'k': 3}][:1] if '[' not in c.__self__ else ([1],))))
    except Exception as e:
        print(repr(c.__self__), type(e).__name__, e)
for f in (lambda: '{0}'.format_map({}), lambda: '{x}'.format_map(1), lambda: 'a'.format_map(),
          lambda: '{a}'.format(b=1), lambda: str.format(), lambda: str.format(1), lambda: '{:{:{}}}'.format(1, 2, 3),
          lambda: '{0:{1}}'.format(1, '>{}'), lambda: '{:{}}{}'.format(1, 2, 3)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print('a'.format_map(1), '{0}'.format(*range(3)), '{2}{1}{0}'.format(*'abc'))
