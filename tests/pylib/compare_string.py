"""Behaviour of string, printed for comparison (see run.sh compare)."""
import string
from string import Template, Formatter


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits',
             'punctuation', 'printable', 'whitespace']:
    show(name, lambda: getattr(string, name))
show('capwords', lambda: (string.capwords(' hello  world '), string.capwords('a-b-c', '-'),
                          string.capwords('ÉCOLE élève'), string.capwords('')))
t = Template('$a and ${b}, $$ $a$b ${c}x $ ${1} $1 $_u9')
show('substitute', lambda: t.substitute(a=1, b='B', c=3, _u9=9))
show('substitute missing', lambda: t.substitute(a=1))
show('safe_substitute', lambda: t.safe_substitute({'a': 'A'}, b=2))
show('invalid', lambda: Template('ok\nnext $ bad').substitute())
show('invalid start', lambda: Template('$').substitute())
show('invalid brace', lambda: Template('x ${a').substitute(a=1))
show('identifiers', lambda: (t.get_identifiers(), t.is_valid(), Template('$a').is_valid()))
show('template attr', lambda: (t.template[:3], Template.delimiter, Template.idpattern))
show('non-ascii id', lambda: Template('$café').safe_substitute(caf='X'))


class Percent(Template):
    delimiter = '%'


show('custom delimiter', lambda: Percent('%who is %% %{what}').substitute(who='x', what='y'))
show('mapping and kwargs', lambda: Template('$a$b').substitute({'a': 1, 'b': 2}, b=3))
f = Formatter()
for fmt, args, kwargs in [('{0}-{name}', (1,), {'name': 'n'}), ('{} {}', ('a', 'b'), {}), ('{0!r:>6}|', ('x',), {}),
                          ('{a[0]}/{a[k]}', (), {'a': {0: 'zero', 'k': 'kay'}}),
                          ('{0.real} {0.imag}', (3 + 4j,), {}), ('{:{w}.{p}f}', (3.14159,), {'w': 8, 'p': 2}),
                          ('{{literal}} {}', (1,), {}), ('{0} {}', (1, 2), {}), ('{} {0}', (1, 2), {}),
                          ('{!s:^5}', (None,), {}), ('{!a}', ('é',), {}), ('{0!x}', (1,), {}), ('{', (), {}),
                          ('}', (), {}), ('{0[}', (), {}), ('{:{:{}}}', (1, 2, 3), {}),
                          ('{0:{1:{2}}}', (1, 2, 3), {})]:
    show('format %r' % fmt, lambda: f.format(fmt, *args, **kwargs))
for fmt in ['a{0}b{{c}}', '{}', '{0!r:>{1}}', '{a.b[c]}', 'x}}y', '{0[}]}', '{:{}}', '{!r}', '{0]x}', '{0[0]x}',
            '{0!}', '{0!rr}', '{a{b}', '{0[x}', '{0:', '{0', '{0!r', 'plain', '']:
    show('parse %r' % fmt, lambda: list(f.parse(fmt)))
for name in ['0.a[b]', 'a', '', '0[x]y', '0.', '0[x', '0..a', '[x]', '0[]', '00', '-1', 'a[1][02].b']:
    show('get_field %r' % name, lambda: f.get_field(name, (type('O', (), {'a': {'b': 'B'}}),), {'a': [0, [5, 6, 7]], '': 'E', '-1': 'm'}))
show('vformat', lambda: f.vformat('{x}{0}', ['p'], {'x': 'q'}))
show('convert_field', lambda: (f.convert_field(1, 'r'), f.convert_field('é', 'a'), f.convert_field(1, None)))
show('convert bad', lambda: f.convert_field(1, 'q'))
show('__all__', lambda: sorted(string.__all__))
