# Comparison script for runtime/lib/re: run once under CPython's re and once under
# edgepyc's (tests/pylib/run.sh compare re); the outputs must be identical.
# Every case prints what a program could observe: spans, groups, lastindex/lastgroup,
# findall/split/sub results, reprs, and for errors the exception type, message, pos,
# lineno and colno.
import re


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except re.error as e:
        print(label, 'error', repr(str(e)), e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


def describe(m):
    if m is None:
        return None
    return (m.span(), m.group(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup,
            [m.span(i) for i in range(len(m.groups()) + 1)])


# (pattern, subject, flags): search, match, fullmatch, findall, split, sub, finditer.
CASES = [
    # literals, escapes
    ('abc', 'xxabcxx', 0), ('abc', 'ab', 0), ('', 'abc', 0), ('a', '', 0),
    (r'\n\t\\', 'x\n\t\\y', 0), (r'\x41\u0042\U00000043', 'zABC', 0), (r'\101\0\07', 'A\x00\x07', 0),
    (r'\.\*\+\?', 'a.*+?b', 0), (r'\a\f\v\r', '\a\f\v\r', 0), (r'[\b]', 'a\bb', 0),
    (r'\-\#\ \&\~', '-# &~', 0), (r'a\%b', 'a%b', 0), ('\u00e9t\u00e9', 'un \u00e9t\u00e9', 0),
    # classes
    ('[abc]', 'xxbxx', 0), ('[^abc]', 'abcd', 0), ('[a-z]+', 'ABCdefGHI', 0),
    ('[a-cx-z]+', 'abwxyz', 0), ('[]a]', ']', 0), ('[^]a]', 'x]', 0), ('[a-]', '-', 0),
    ('[-a]', '-', 0), (r'[\d]+', 'ab123', 0), (r'[\w.-]+', 'a.b-c!', 0), (r'[^\W\d]+', 'ab1c_d', 0),
    (r'[\s\S]', '\n', 0), (r'[\x00-\x1f]', 'a\x05', 0), (r'[\u0400-\u04ff]+', 'hi \u043f\u0440\u0438', 0),
    ('[.]', 'a.b', 0), ('[$^]', 'a^', 0), (r'[\]]', ']', 0), (r'[\\]', '\\', 0), ('[a-a]', 'a', 0),
    (r'[\t-\r]+', ' \t\n\x0b\x0c\r ', 0),
    # dot, anchors, multiline
    ('a.c', 'abc a\nc', 0), ('a.c', 'a\nc', re.S), ('.', '\n', 0), ('.*', 'ab\ncd', 0), ('.*', 'ab\ncd', re.S),
    ('^a', 'ba', 0), ('^b', 'a\nb', 0), ('^b', 'a\nb', re.M), ('a$', 'a\n', 0), ('a$', 'a\nb', 0),
    ('a$', 'a\nb', re.M), (r'a\Z', 'a\n', 0), (r'\Aa', 'ba', 0), ('$', 'ab\n', 0), ('^', 'ab\ncd\n', re.M),
    ('$', 'ab\ncd\n', re.M), (r'^$', '', 0), (r'^$', '\n', re.M), (r'\bfoo\b', 'a foo b foobar', 0),
    (r'\Bo\B', 'foo boo', 0), (r'\b', '', 0), (r'\B', '', 0), (r'\B', 'a', 0), (r'\b', 'ab cd', 0),
    (r'\w+\b', '\u00e9t\u00e9 ok', 0), (r'\w+', '\u00e9t\u00e9 ok', re.A), (r'\b\w', '\u00e9a', re.A),
    # quantifiers
    ('a*', 'aaa', 0), ('a+', 'baaa', 0), ('a?', 'aa', 0), ('a{2}', 'aaaa', 0), ('a{2,}', 'aaaaa', 0),
    ('a{,2}', 'aaaa', 0), ('a{1,3}', 'aaaaa', 0), ('a{,}', 'aaa', 0), ('a{', 'a{', 0), ('a{1', 'a{1', 0),
    ('a{1,2', 'a{1,2', 0), ('a{}', 'a{}', 0), ('{', '{', 0), ('{1}', 'x{1}', 0), ('a{x}', 'a{x}', 0),
    ('a*?', 'aaa', 0), ('a+?', 'aaa', 0), ('a??', 'aa', 0), ('a{2,3}?', 'aaaa', 0), ('a{2,}?', 'aaaa', 0),
    ('<.*>', '<a><b>', 0), ('<.*?>', '<a><b>', 0), ('a*+a', 'aaa', 0), ('a++b', 'aaab', 0),
    ('a?+a', 'a', 0), ('a{1,3}+a', 'aaaa', 0), ('(?:ab)*+ab', 'ababab', 0), ('(?:ab)++c', 'ababc', 0),
    (r'\d+?\d', '12345', 0), ('x*', 'axbxxc', 0), ('x*?', 'axx', 0), ('(?:)*', 'ab', 0),
    ('(?:a|)*', 'aab', 0), ('(a|)*', 'aa', 0), ('(a*)*', 'aab', 0), ('(a*)+', 'aab', 0), ('(a*?)*', 'aa', 0),
    ('(a|b)*', 'abba', 0), ('(a|b)*?c', 'abbac', 0), ('(ab|a)(bc|c)', 'abc', 0), ('(a+)+b', 'aaab', 0),
    ('(?:a{2})*', 'aaaaa', 0), ('(?:a{2}){2,3}', 'aaaaaaa', 0), ('(a){0}', 'a', 0), ('(a){3}', 'aaaa', 0),
    ('(?:a?){2,4}', 'aaa', 0), ('(?:(a)|b){2,5}', 'abab', 0), ('(?:(a)|(b))+', 'ab', 0),
    ('(?:x(a)?y)+', 'xayxy', 0), ('((a)|b)+', 'ab', 0), ('(a)*b', 'aab', 0), ('(a*)b\\1', 'aabaa', 0),
    ('(?:a|ab)(?:c|bcd)(d*)', 'abcd', 0), ('(a?)+?b', 'aab', 0), ('(?:(?:a)*)*b', 'aab', 0),
    ('(.)(.)?(.)?', 'ab', 0), ('(a)|(b)|(c)', 'c', 0), ('(?:(a)|b)*', 'ab', 0),
    # groups
    ('(a)(b)(c)', 'abc', 0), ('(a(b(c)))', 'abc', 0), ('(?P<x>a)(?P<y>b)?', 'ac', 0),
    ('(?P<first>\\w+) (?P<last>\\w+)', 'Ada Lovelace', 0), ('(?:a)(b)', 'ab', 0), ('((a)|(b))c', 'bc', 0),
    ('(a)|b', 'b', 0), ('(a)?b', 'b', 0), ('(?P<n>x)|(?P<m>y)', 'y', 0), ('()', 'a', 0), ('(()|a)+', 'aa', 0),
    # backreferences
    (r'(a)\1', 'aa', 0), (r'(\w+) \1', 'hello hello world', 0), (r'(?P<w>\w)(?P=w)', 'abccd', 0),
    (r'(a)|\1', 'x', 0), (r'(?:(a)|b)\1', 'ba', 0), (r'(a)?(?(1)b|c)', 'ab c', 0), (r'(a)?(?(1)b)', 'b', 0),
    (r'(?P<q>")?\w+(?(q)")', '"abc" def', 0), (r'(.)\1', 'Aa', re.I), (r'(\w)\1', '\u00c9\u00e9', re.I),
    (r'(a)\1{2}', 'aaaa', 0), (r'(\d)(?:\1)*', '1112', 0), (r'(?:(a)|b)*\1', 'abba', 0),
    (r'(a)(?(1)b|c)+', 'abbb', 0), (r'\10', '\x08', 0), (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj', 0),
    (r'(?(1)a|b)', 'b', 0) if False else ('(x)?(?(1)a|b)', 'b', 0),
    # alternation
    ('a|b|c', 'xcx', 0), ('ab|cd', 'xcdab', 0), ('a|ab', 'ab', 0), ('ab|a', 'ab', 0), ('|a', 'a', 0),
    ('a|', 'b', 0), ('abc|abd|aef', 'aef abd', 0), ('(?:a|b)c|d', 'bc d', 0), ('x(?:ab|ac)y', 'xacy', 0),
    ('a?ab|a?', 'ab', 0), ('cat|dog|bird', 'a bird and a dog', 0), ('[ab]x|[ab]y', 'by', 0),
    # lookaround
    ('a(?=b)', 'ab ac', 0), ('a(?!b)', 'ab ac', 0), ('(?<=a)b', 'ab cb', 0), ('(?<!a)b', 'ab cb', 0),
    ('(?<=ab|cd)e', 'cde', 0), ('(?=(a))a', 'a', 0), ('(?!(a))b', 'b', 0), ('(?<=(a))b', 'ab', 0),
    (r'(?<=\d{3})x', '12x 123x', 0), (r'\w+(?=,)', 'a, bc, d', 0), ('(?=a)*a', 'a', 0),
    (r'(?<=^)a', 'a', 0), (r'(?<=\b)a', ' a', 0), (r'(?<!^)(?=[A-Z])', 'parseHTTPResponse', 0),
    (r'(a)(?<=(\1))', 'aa', 0), (r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abc123', 0), ('(?!)', 'a', 0), ('(?=)', 'a', 0),
    # atomic
    ('(?>a+)b', 'aaab', 0), ('(?>a+)a', 'aaa', 0), ('(?>(a)|ab)c', 'abc', 0), ('(?>x|xy)z', 'xyz', 0),
    ('(?>(\\w+))\\s', 'ab c', 0),
    # flags
    ('abc', 'ABC', re.I), ('[a-z]+', 'HeLLo', re.I), ('(?i)k', '\u212a', 0), ('s', '\u017f', re.I),
    ('[S]', '\u017f', re.I), ('\u017f', 'S', re.I), ('ss', '\u00df', re.I), ('\u00df', '\u1e9e', re.I),
    ('i', '\u0130', re.I), ('i', '\u0131', re.I), ('\u03c3', '\u03a3\u03c2', re.I), ('[\u03c3]+', '\u03a3\u03c2\u03c3', re.I),
    ('\u00b5', '\u039c', re.I), ('\u0432', '\u1c80', re.I), ('[\u0410-\u042f]+', '\u043f\u0440\u0438\u0432\u0435\u0442', re.I),
    ('[^a-z]', 'Q', re.I), ('[^k]', '\u212a', re.I), ('\u00e9', '\u00c9', re.I), ('\u00e9', '\u00c9', re.I | re.A),
    ('k', '\u212a', re.I | re.A), ('(?i:a)b', 'Ab AB', 0), ('(?-i:a)b', 'aB AB', re.I), ('a(?i)b', 'aB', 0),
    ('(?s:.)a', '\na', 0), ('(?m:^a)', 'b\na', 0), ('(?x) a b # c', 'ab', 0), ('a b', 'ab', re.X),
    ('[ ]a', ' a', re.X), (r'a\ b', 'a b', re.X), ('a#b\nc', 'ac', re.X), ('(?x: a b ) c', 'ab c', 0),
    ('(?a)\\w+', '\u00e9a', 0), ('(?u)\\w+', '\u00e9a', 0), ('(?a:\\w)(?u:\\w)', 'a\u00e9', 0), ('\\d+', '\u0661\u0662', 0),
    ('\\d+', '\u0661\u0662', re.A), ('\\s+', '\u2003\x1c', 0), ('\\s+', '\u2003\x1c', re.A), ('(?i)[\\w]+', '\u212aA', 0),
    ('(?im)^a$', 'x\nA\n', 0), ('(?s)a.b', 'a\nb', 0), ('(?x)a  # comment\n b', 'ab', 0),
    ('[a-z]', '\u212a', re.I), ('[K-L]', 'k', re.I), ('[\u0100-\uffff]', 'A\u2126', re.I),
    ('[\\u0100-\\U0010ffff]+', '\u03a9\u2126\U0001f600', re.I), ('\u03c9', '\u2126', re.I),
    # misc
    ('\\w+@\\w+\\.com', 'mail bob@host.com now', 0), ('(\\d+)-(\\d+)', '10-20 30-40', 0),
    ('(?#comment)a', 'a', 0), ('a(?#x)b', 'ab', 0), ('\\s*,\\s*', 'a , b,c', 0), ('[^,]+', 'a,b,,c', 0),
    ('(["\'])(.*?)\\1', 'say "hi" and \'yo\'', 0), ('^(\\w+)\\s*=\\s*(.*)$', 'key = value', 0),
    ('(?P<a>\\d)(?P<b>\\d)?', '1', 0), ('\\$\\d+(\\.\\d\\d)?', 'cost $12.50 or $3', 0),
]


def run_case(i, pattern, subject, flags):
    p = re.compile(pattern, flags)
    show('%d search' % i, lambda: describe(p.search(subject)))
    show('%d match' % i, lambda: describe(p.match(subject)))
    show('%d fullmatch' % i, lambda: describe(p.fullmatch(subject)))
    show('%d findall' % i, lambda: p.findall(subject))
    show('%d finditer' % i, lambda: [m.span() for m in p.finditer(subject)])
    show('%d split' % i, lambda: p.split(subject))
    show('%d sub' % i, lambda: p.subn('<\\g<0>>', subject))
    show('%d subfn' % i, lambda: p.sub(lambda m: '[%s]' % m.group(), subject, 2))


for i, (pattern, subject, flags) in enumerate(CASES):
    print('case', i, repr(pattern), repr(subject), flags)
    show('%d compile' % i, lambda: run_case(i, pattern, subject, flags))

# pos / endpos
p = re.compile(r'\w+')
for pos, endpos in [(0, 100), (2, 5), (-3, 4), (4, 2), (7, 7), (20, 30), (1, -1)]:
    show('pos %d %d search' % (pos, endpos), lambda: describe(p.search('ab cde fg', pos, endpos)))
    show('pos %d %d match' % (pos, endpos), lambda: describe(p.match('ab cde fg', pos, endpos)))
    show('pos %d %d full' % (pos, endpos), lambda: describe(p.fullmatch('ab cde fg', pos, endpos)))
    show('pos %d %d findall' % (pos, endpos), lambda: p.findall('ab cde fg', pos, endpos))
    show('pos %d %d iter' % (pos, endpos), lambda: [m.span() for m in p.finditer('ab cde fg', pos, endpos)])
m = re.compile('b').search('abc', 1, 2)
show('match pos', lambda: (m.pos, m.endpos, m.string, m.re.pattern))
show('anchor pos', lambda: (re.compile('^b').search('ab', 1), re.compile(r'\Ab').search('ab', 1),
                            re.compile('b$').search('abc', 0, 2), re.compile(r'(?<=a)b').search('ab', 1),
                            re.compile(r'\bb').search('ab', 1), re.compile('^b', re.M).search('a\nb', 2)))

# sub / subn / split details
show('sub1', lambda: re.sub('x*', '-', 'abxd'))
show('sub2', lambda: re.sub('(?:)', '-', 'abc'))
show('sub3', lambda: re.sub('a', 'b', 'aaa', count=2))
show('sub4', lambda: re.sub('a', 'b', 'aaa', -1))
show('sub5', lambda: re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
show('sub6', lambda: re.sub(r'(?P<x>a)', r'\g<x>\g<1>\g<0>', 'a'))
show('sub7', lambda: re.sub('(a)|b', r'[\1]', 'ab'))
show('sub8', lambda: re.sub('a', r'\n\t\\\&\x', 'a'))
show('sub9', lambda: re.sub('a', r'\q', 'a'))
show('sub10', lambda: re.sub('a', r'\0\012\101\18', 'a'))
show('sub11', lambda: re.sub('(a)', r'\2', 'a'))
show('sub12', lambda: re.sub('(a)', r'\g<2>', 'a'))
show('sub13', lambda: re.sub('(a)', r'\g<x>', 'a'))
show('sub14', lambda: re.sub('(a)', r'\g<1', 'a'))
show('sub15', lambda: re.sub('(a)', r'\g', 'a'))
show('sub16', lambda: re.sub('(a)', r'\g<>', 'a'))
show('sub17', lambda: re.sub('(a)', r'\g<-1>', 'a'))
show('sub18', lambda: re.sub('(a)', r'\g<a b>', 'a'))
show('sub19', lambda: re.sub('(a)', '\\', 'a'))
show('sub20', lambda: re.sub('(a)', r'\400', 'a'))
show('sub21', lambda: re.sub('a', lambda m: None, 'abca'))
show('sub22', lambda: re.sub('a', lambda m: 1, 'xa'))
show('sub23', lambda: re.sub('a', b'x', 'a'))
show('sub24', lambda: re.sub('a', 5, 'a'))
show('sub25', lambda: re.sub('a', 'b', 5))
show('sub26', lambda: re.subn('', '-', ''))
show('sub27', lambda: re.subn('$', '!', 'a\nb\n'))
show('sub28', lambda: re.sub('(?m)^', '> ', 'one\ntwo\n'))
show('sub29', lambda: re.sub(r'\b', '|', 'ab cd'))
show('sub30', lambda: re.sub('a|(b)', r'<\1>', 'ab'))
show('sub31', lambda: re.sub('x', '', 'axbx'))
show('sub32', lambda: re.sub(r'(\d)', r'\g<1>0', 'a1b2'))
show('sub33', lambda: re.sub('a', r'\g<0', 'a'))
show('sub34', lambda: re.sub('(?P<n>a)', r'\g<n>\g<n>', 'aba'))
show('sub35', lambda: re.sub('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10\1', 'abcdefghijk'))
show('sub36', lambda: re.sub('a', '\\\\', 'a'))
show('split1', lambda: re.split(r'\W+', 'Words, words, words.'))
show('split2', lambda: re.split(r'(\W+)', 'Words, words, words.'))
show('split3', lambda: re.split(r'\W+', 'Words, words, words.', 1))
show('split4', lambda: re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
show('split5', lambda: re.split(r'(\W*)', '...words...'))
show('split6', lambda: re.split('x*', 'axbc'))
show('split7', lambda: re.split('', 'abc'))
show('split8', lambda: re.split('(a)|b', 'xaybz'))
show('split9', lambda: re.split('a', 'bab', -1))
show('split10', lambda: re.split(r'\b', 'a b'))
show('split11', lambda: re.split('(?m)^$', 'a\n\nb'))
show('findall1', lambda: re.findall(r'(\w)(\d)?', 'a1 b c3'))
show('findall2', lambda: re.findall('a*?', 'aa'))
show('findall3', lambda: re.findall('', 'ab'))
show('findall4', lambda: re.findall(r'\b', 'ab c'))
show('findall5', lambda: re.findall(r'(a)|b', 'ab'))

# errors: message, position, line and column
ERRORS = [
    '*', 'a**', 'a*{2}', '+a', '?', '{1}a' if False else 'a{2}{3}', '(', '(a', 'a)', '())', '[a', '[]', '[^]',
    '[a-', '[z-a]', '[\\d-z]', '[a-\\d]', '\\', 'a\\', '\\q', '\\8', '[\\8]', '\\x1', '\\x', '\\u12',
    '\\U0011ffff', '\\U1234', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=b)', '(?P<a>(?P=a))', '(?P', '(?Px)',
    '(?', '(?<x)', '(?<', '(?z)', '(?i', '(?-)', '(?i-)', '(?-z:a)', '(?i-i:a)', '(?a-a:x)', '(?au)',
    '(?L)', '(?t:a)', '(?-t:a)', '(?x', 'a(?i)', '(a(?i))', '(?i)(?m)a', 'x|(?i)y', '(?#abc', '(?(1)a)',
    '(?(a)b)', '(?(0)a)', '(?(-1)a)', '(?(1a)x)', '(a)(?(1)x|y|z)', '(?(1', '(?(1)a', '\\1', '(a)\\2',
    '(a\\1)', '(?<=a*)b', '(?<=a|bc)d', '(?<!a+)b', '(a)(?<=\\1)', '(?<=(a)\\1)', '(?<=a{2,3})', 'a{3,2}',
    'a{4294967295}', 'a{1,4294967296}', '\\400', '[\\400]', '\\N', '\\N{', '\\N{}', 'abc\n(def\nghi',
    'x{,', ')', 'ab|)', '(?P<a>a)(?P=a', '(?P=)', '(?P<>a)', '(?P<a', '[a-\\w]', '(?<=\\b)*', '^*', '$+',
    '\\b?', '\\A*', 'a|*', '(*)', '(?:*)', '(?=*)', '(?x)(?#', '(?i)\\', '[\\A]', '[\\Z]', '[\\B]', 'a\\Z*',
    '(?<=a)(?<=\\1)', '(?(1)a|b)(c)', '(?<a>x)', '(?P>a)',
]
for i, pattern in enumerate(ERRORS):
    show('error %d %r' % (i, pattern), lambda: re.compile(pattern))
for i, (pattern, flags) in enumerate([('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L),
                                      (5, 0), (re.compile('a'), re.I), (re.compile('a'), 0)]):
    show('flagerror %d' % i, lambda: re.compile(pattern, flags))

# Pattern and Match objects
p = re.compile(r'(?P<word>\w+) (?P<num>\d+)?', re.I | re.M)
show('pattern attrs', lambda: (p.pattern, p.flags, p.groups, p.groupindex, repr(p)))
show('pattern reprs', lambda: [repr(re.compile(x, f)) for x, f in [
    ('a', 0), ('a', re.I), ('a', re.A), ('a', re.U), ('(?i)a', 0), ('a', re.X | re.S | re.M), (b'a', 0),
    (b'a', re.I | re.L), ('x' * 300, 0), ("it's", 0), ('a\nb', re.T)]])
show('pattern eq', lambda: (re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I),
                            hash(re.compile('ab')) == hash(re.compile('ab')), re.compile('a') != re.compile('b')))
m = p.search('xx Hello 42 yy')
show('match attrs', lambda: (m.group(), m.group(0, 1, 'num'), m['word'], m[2], m.groups(), m.groupdict(),
                             m.span('num'), m.start(1), m.end('word'), m.lastindex, m.lastgroup, m.regs,
                             m.string, m.pos, m.endpos, bool(m)))
show('match expand', lambda: m.expand(r'\2:\g<word>:\g<0>\n'))
show('match repr', lambda: (repr(m), repr(re.match('a*', 'a' * 80)), repr(re.match(b'ab', b'abc')),
                            repr(re.match('(?s).*', '\n\'"\\'))))
m2 = re.match(r'(a)(b)?(?P<c>c)?', 'a')
show('match defaults', lambda: (m2.groups(), m2.groups('-'), m2.groupdict(), m2.groupdict(0), m2.span(2),
                                m2.start(3), m2.group(2), m2.expand(r'[\2]'), m2.lastindex, m2.lastgroup))
for bad in [3, -1, 'zz', 1.0, None, b'c', True]:
    show('badgroup %r' % (bad,), lambda: m2.group(bad))
show('lastindex nested', lambda: [(x.lastindex, x.lastgroup) for x in [
    re.match('((a)b)', 'ab'), re.match('(a)(b)', 'ab'), re.match('(?P<o>(?P<i>a))', 'a'),
    re.match('(a)|(b)', 'b'), re.match('(a)?b', 'b'), re.match('(?:(a)|b)+', 'ab')]])

# flags
show('flag reprs', lambda: [repr(x) for x in [re.I, re.M | re.I, re.A, re.U, re.L, re.S, re.X, re.T, re.DEBUG,
                                              re.NOFLAG, re.I | 1024, re.RegexFlag(1024), ~re.I, ~re.NOFLAG,
                                              re.I & re.M, re.I ^ re.I, re.I | 0, 2 | re.M]])
show('flag strs', lambda: [str(re.I), '%s %d' % (re.M, re.M), format(re.S), format(re.S, 'd'), f'{re.X}'])
show('flag values', lambda: (re.I.value, re.I.name, (re.I | re.M).name, re.NOFLAG.name, int(re.X),
                             re.I == 2, re.I + 1, isinstance(re.I, int), re.I in (re.I | re.M),
                             re.S in re.I, list(re.A | re.I), len(re.I | re.M | re.S)))
show('flag class', lambda: (repr(re.RegexFlag), list(re.RegexFlag), len(re.RegexFlag), re.RegexFlag['DOTALL'],
                            re.RegexFlag(8), re.RegexFlag(8) is re.M, type(re.I | re.M).__name__,
                            re.IGNORECASE is re.I))

# escape, cache, module attributes
show('escape', lambda: (re.escape('a.b*c'), re.escape('1+1=2'), re.escape(' \t\n#&~-'),
                        re.escape('\u00e9_x!@%'), re.escape(b'a.b\xff')))
show('escape roundtrip', lambda: all(re.fullmatch(re.escape(s), s) for s in
                                     ['a.b', '[x]', '(?i)', '\\d', 'a b#c', '{1,2}', '^$|']))
re.purge()
show('cache', lambda: re.compile('cached') is re.compile('cached'))
show('module', lambda: (re.__all__, re.__version__, re.error.__name__, re.error.__module__,
                        re.Pattern.__name__, re.Match.__name__, repr(re.error('x', 'abc', 1))))
show('error attrs', lambda: (re.error('m').msg, re.error('m').pos, str(re.error('m', 'ab\ncd', 4)),
                             re.error('m', b'a\nb', 2).lineno))
show('new pattern', lambda: re.Pattern())
show('type errors', lambda: [type(x).__name__ for x in [re.compile('a'), re.match('a', 'a')]])

# bytes patterns
show('bytes1', lambda: describe(re.search(rb'(\w+)@(\w+)', b'mail joe@host now')))
show('bytes2', lambda: re.findall(rb'[a-c]+', b'xxabcxcba'))
show('bytes3', lambda: re.sub(rb'(\d+)', rb'<\1>', b'a12b3'))
show('bytes4', lambda: re.split(rb'\s+', b'a b\tc'))
show('bytes5', lambda: re.match(rb'\w+', 'x\u00e9'.encode('latin1')))
show('bytes6', lambda: re.search(b'A', b'xa', re.I).span())
show('bytes7', lambda: re.search('a', b'a'))
show('bytes8', lambda: re.search(b'a', 'a'))
show('bytes9', lambda: re.compile(b'\\u1234'))
show('bytes10', lambda: re.search(b'a', bytearray(b'ba')).group())

# Scanner
scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, tok: ('ID', tok)),
    (r'\d+', lambda s, tok: ('NUM', int(tok))),
    (r'=|\+|-|\*|/', lambda s, tok: ('OP', tok)),
    (r'\s+', None),
])
show('scanner', lambda: scanner.scan('x = 3 + y1 * 42 ?'))
sc = re.compile(r'\d').scanner('a1b22')
show('pattern scanner', lambda: [sc.search().group(), sc.search().group(), sc.match(), sc.search()])

# long subjects: no recursion per character
long_ab = 'ab' * 50000
show('long1', lambda: re.match('(a|b)*', long_ab).span())
show('long2', lambda: re.match('(?:a|b)*c', long_ab + 'c').end())
show('long3', lambda: re.match('(ab)*', long_ab).group(1))
show('long4', lambda: re.match('(?:a|b)*?$', long_ab).end())
show('long5', lambda: len(re.findall('a', long_ab)))
show('long6', lambda: re.search('(x+x+)+y', 'x' * 18) is None)
show('long7', lambda: re.match('.*b$', long_ab).end())
show('long8', lambda: re.match('(?:(a)|b)*', long_ab).span(1))
show('long9', lambda: re.match(r'(?:a(?=b)b)+', long_ab).end())
show('long10', lambda: re.fullmatch(r'(?>ab)*', long_ab) is not None)
show('long11', lambda: len(re.sub('b', '', long_ab)))
show('long12', lambda: re.match('(a*)*b', 'a' * 1000 + 'b').span())

# template patterns (deprecated): repeats are refused
for pattern in ['a', 'a*', 'a+?', 'a?+', '(?:ab){2}', '(?t)a|b', '(?t)x+']:
    show('template %r' % pattern, lambda: re.compile(pattern, re.T).pattern)


class Text(str):
    def __getitem__(self, i):
        return 'z'


show('str subclass', lambda: (re.search('b+', Text('abbc')).group(), type(re.search('b', Text('ab')).group()).__name__,
                              re.sub('b', 'x', Text('abc')), re.findall('.', Text('ab'))))
show('bytearray repl', lambda: (re.sub(b'a', bytearray(b'\\0x'), b'aba'), re.sub(b'(a)', memoryview(b'<\\1>'), bytearray(b'ab'))))
show('bytes expand', lambda: re.match(b'(a)', b'a').expand(bytearray(b'[\\1]')))
show('literal repls', lambda: (re.sub(b'a', bytearray(b'x'), b'aba'), re.sub('a', '', 'aba'), re.sub(b'a', b'', b'aba'),
                               re.sub('(a)', r'\g<1>\g<1>', 'aba')))
for i, thunk in enumerate([lambda: re.sub('a', 'b', 'aaa', 1.5), lambda: re.split('a', 'bab', 1.0),
                           lambda: re.compile('a').search('a', 0.0), lambda: re.compile('a').search('a', 0, None),
                           lambda: re.compile('a').findall('a', '1'), lambda: re.sub('a', 'b', 'aaa', True),
                           lambda: re.compile('a').search('xa', endpos=True)]):
    show('index %d' % i, thunk)
sc = re.compile(r'\d').scanner('a1b2')
show('scanner fail', lambda: (sc.match(), sc.search(), sc.search()))
sc = re.compile(r'').scanner('ab')
show('scanner empty', lambda: [x and x.span() for x in [sc.search() for _ in range(5)]])
sc = re.compile(r'\d').scanner('a1b2', 2)
show('scanner pos', lambda: (sc.search().span(), sc.pattern.pattern, sc.search()))
