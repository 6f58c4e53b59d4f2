# re: error messages, positions and exception types for invalid patterns and templates.
import re

BAD_PATTERNS = [
    '*a', 'a**', 'a{3,2}', '(abc', 'abc)', '[a-', '[z-a]', r'\q', r'a\\', '\\', '(?P<1>x)',
    '(?P<n>a)(?P<n>b)', '(?P=missing)', '(?<=a+)b', '(?<=a|bc)', '(?z)', 'a(?i)b', '(?i',
    r'\x4', r'\u12', r'(a)\2', '(?(2)a|b)', '(a)(?(1)b|c|d)', '(?#unterminated', '[[:alpha:]',
    'line one\n(unclosed\nline three', '(?-i)', '(?i-i:a)', '(?P<a', r'[\w-z]', '\\N{NOT A NAME}',
]
for pattern in BAD_PATTERNS:
    try:
        re.compile(pattern)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)

for pattern, flags in [('a', re.LOCALE), ('a', re.ASCII | re.UNICODE), (b'a', re.UNICODE)]:
    try:
        re.compile(pattern, flags)
    except ValueError as e:
        print('ValueError:', e)

try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError:', e)
for bad in [None, 42, ['a']]:
    try:
        re.compile(bad)
    except TypeError as e:
        print('TypeError:', e)
for subject in [42, None, b'bytes']:
    try:
        re.search('a', subject)
    except TypeError as e:
        print('TypeError:', e)
try:
    re.search(b'a', 'text')
except TypeError as e:
    print('TypeError:', e)

for template in [r'\3', r'\g<name>', r'\g<1', r'\g<x y>', r'\g', r'\k', r'\g<-1>', '\\']:
    try:
        print(repr(template), re.sub(r'(?P<first>\w)(\w)', template, 'ab'))
    except re.error as e:
        print(repr(template), 'error:', e)
    except IndexError as e:
        print(repr(template), 'IndexError:', e)

m = re.match(r'(?P<a>x)(y)?', 'x')
for g in [0, 1, 2, 'a', 3, 'b', -1]:
    try:
        print('group', repr(g), repr(m.group(g)), m.span(g))
    except IndexError as e:
        print('group', repr(g), 'IndexError:', e)

try:
    re.sub('a', lambda m: 42, 'banana')
except TypeError as e:
    print('TypeError:', e)
print(re.sub('a', lambda m: None, 'banana'))

e = re.error('custom message', 'some\npattern', 7)
print(e, '|', e.msg, e.pattern, e.pos, e.lineno, e.colno)
print(re.error('plain'), re.error('plain').pos, isinstance(re.error('x'), Exception))
try:
    raise re.error('raised here')
except Exception as exc:
    print(type(exc).__name__, exc)
