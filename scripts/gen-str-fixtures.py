#!/usr/bin/env python3
"""Generate the CPython 3.11 expectations of the native str runtime tests.

Writes tests/native/fixtures/str_cases.json: a list of cases, each an operation on str
values with CPython's result or exception (type and message). The native tests
(tests/native/str_methods.test.ts and friends) replay every case against the runtime.

Run from the repository root with CPython 3.11:  python3 scripts/gen-str-fixtures.py

Case format:  {"op": name, "self": V, "args": [V...], "kw": {name: V}, "r": V}
          or  {... "e": [exception type name, message]}  (KeyError: its key)
Value encoding V (JSON, UTF-8): str as a JSON string ({"cp": [code points]} when it
contains surrogates),
true/false/null, {"i": "decimal"} int, {"f": "repr"} float, {"t": [V...]} tuple,
{"l": [V...]} list, {"b": "hex"} bytes, {"d": [[K, V]...]} dict.

Operations: every str method by name (called as str.<name>(self, *args, **kw)), plus
"repr", "ascii", "ord", "chr" (self unused), "format_str" (format(self, spec)),
"percent" (self % args[0]), "new" (str(*args, **kw)), "getitem", "slice" (args: start, stop,
step as slice.indices() normalizes them), "contains", "concat", "repeat", "len",
"iter", "getslice" (self[slice(*args)]), "lt"/"le"/"eq"/"ne"/"gt"/"ge".
"""

import json
import random
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit('gen-str-fixtures.py: needs CPython 3.11 (the oracle)')

OUT = 'tests/native/fixtures/str_cases.json'
rng = random.Random(20241121)

ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' + ' .,;:-_!?\'"\\/()[]{}#*+=%&|<>@$^~`'
WHITE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f'
LATIN1 = 'éßÿÀÉµªº\xa0\x85¡¿ÆæØø½²³¹ÎÏ\x7f\x80\x9f'
BMP = 'ΣσςαβγΑΒΓΟΔοδǅǆǄǈİıﬁﬀŉ☃€日本語テキスト\u2000\u3000\u2028\u2029\u0301\u0345٣٤ⅫⅯ①ⓐⒶ\u200b\ufeffΐΰẞ\uffff\ud7ff'
ASTRAL = '😀𝐀𐐀𐐨𝟘𞤀𞤢\U0010ffff\U000e0001'
POOLS = {
    'ascii': ASCII + WHITE,
    'latin1': ASCII + WHITE + LATIN1,
    'bmp': ASCII + WHITE + LATIN1 + BMP,
    'astral': ASCII + WHITE + LATIN1 + BMP + ASTRAL,
}


def rand_str(profile=None, lo=0, hi=16):
    profile = profile or rng.choice(list(POOLS))
    pool = POOLS[profile]
    n = rng.randint(lo, hi)
    s = ''.join(rng.choice(pool) for _ in range(n))
    # make sure the widest requested kind is present now and then
    if profile != 'ascii' and n and rng.random() < 0.7:
        extra = {'latin1': LATIN1, 'bmp': BMP, 'astral': ASTRAL}[profile]
        i = rng.randrange(n)
        s = s[:i] + rng.choice(extra) + s[i + 1:]
    return s


def enc(v):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, str):
        # A JSON string cannot keep two adjacent surrogates apart from the astral character
        # they would pair into: strs with surrogates go as code point lists.
        if any(0xd800 <= ord(c) <= 0xdfff for c in v):
            return {'cp': [ord(c) for c in v]}
        return v
    if isinstance(v, int):
        return {'i': str(v)}
    if isinstance(v, float):
        return {'f': repr(v)}  # inf, -inf and nan read back with Number()
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, list):
        return {'l': [enc(x) for x in v]}
    if isinstance(v, bytes):
        return {'b': v.hex()}
    if isinstance(v, dict):
        return {'d': [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(f'cannot encode {type(v).__name__}')


cases = []


def record(op, self, args=(), kw=None, fn=None):
    kw = kw or {}
    try:
        if fn is not None:
            r = fn()
        else:
            r = getattr(str, op)(self, *args, **kw)
        out = {'r': enc(r)}
    except Exception as e:  # noqa: BLE001 - every exception is an expectation
        # KeyError's str() is the repr of its key: record the key itself (exception args).
        msg = e.args[0] if isinstance(e, KeyError) and len(e.args) == 1 else str(e)
        out = {'e': [type(e).__name__, msg]}
    case = {'op': op, 'self': enc(self), 'args': [enc(a) for a in args]}
    if kw:
        case['kw'] = {k: enc(v) for k, v in kw.items()}
    case.update(out)
    cases.append(case)


def sub_of(s):
    if not s or rng.random() < 0.15:
        return rand_str(hi=3)
    i = rng.randrange(len(s))
    j = rng.randint(i, min(len(s), i + 4))
    return s[i:j]


def index_arg(n):
    return rng.choice([None, rng.randint(-n - 3, n + 3), rng.randint(-n - 3, n + 3), 0, n])


strings = [rand_str() for _ in range(110)] + ['', ' ', 'a', 'abc', 'Hello World', '  lead trail  ', 'a,b,,c', 'ΟΔΟΣ', 'ΣΑΣ Σ', 'ß', 'ǅemal', 'İstanbul', 'ﬁne', 'x\u0345', 'a\r\nb\rc\n', '\t\tx\ty\n\tz']
long_ascii = ' '.join(rand_str('ascii', 1, 8).replace(' ', '') or 'w' for _ in range(30))
strings += [long_ascii, long_ascii.upper() + 'é', long_ascii + '☃', long_ascii + '😀']

for s in strings:
    n = len(s)
    # searching
    for op in ('find', 'rfind', 'index', 'rindex', 'count'):
        sub = sub_of(s)
        args = [sub]
        if rng.random() < 0.5:
            args.append(index_arg(n))
            if rng.random() < 0.5:
                args.append(index_arg(n))
        record(op, s, args)
    for op in ('startswith', 'endswith'):
        sub = s[:rng.randint(0, n)] if op == 'startswith' else s[rng.randint(0, n):]
        if rng.random() < 0.3:
            sub = sub_of(s)
        arg = sub if rng.random() < 0.7 else (sub, sub_of(s))
        args = [arg]
        if rng.random() < 0.4:
            args += [index_arg(n), index_arg(n)]
        record(op, s, args)
    record('replace', s, [sub_of(s), rand_str(hi=4)] + ([rng.choice([-1, 0, 1, 2])] if rng.random() < 0.5 else []))
    record('replace', s, ['', rand_str(hi=2), rng.choice([-1, 0, 1, 3])])
    for op in ('partition', 'rpartition', 'removeprefix', 'removesuffix'):
        record(op, s, [sub_of(s) or 'x'])
    t = sub_of(s)
    record('contains', s, [t], fn=lambda s=s, t=t: t in s)
    # splitting
    for op in ('split', 'rsplit'):
        record(op, s)
        record(op, s, [None, rng.choice([0, 1, 2, 5])])
        sep = sub_of(s) or ','
        record(op, s, [sep])
        record(op, s, [], {'sep': sep, 'maxsplit': rng.choice([-1, 0, 1, 2])})
    record('splitlines', s)
    record('splitlines', s, [True])
    record('join', s, [[rand_str(hi=4) for _ in range(rng.randint(0, 4))]])
    record('join', s, [tuple(rand_str(hi=3) for _ in range(rng.randint(0, 3)))])
    # stripping, padding
    for op in ('strip', 'lstrip', 'rstrip'):
        record(op, s)
        record(op, s, [sub_of(s) or 'ab'])
    width = rng.randint(-2, n + 6)
    record('center', s, [width])
    record('center', s, [width, rng.choice('*-é☃😀')])
    record('ljust', s, [width, rng.choice('.☃')])
    record('rjust', s, [width])
    record('zfill', s, [width])
    record('expandtabs', s, [rng.choice([0, 1, 2, 4, 8, -1])])
    record('expandtabs', s)
    # case, predicates
    for op in ('lower', 'upper', 'casefold', 'capitalize', 'title', 'swapcase',
               'isalpha', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'isalnum',
               'isidentifier', 'isprintable', 'islower', 'isupper', 'istitle', 'isascii'):
        record(op, s)
    record('encode', s)
    # operations
    record('repr', s, fn=lambda s=s: repr(s))
    record('ascii', s, fn=lambda s=s: ascii(s))
    record('len', s, fn=lambda s=s: len(s))
    record('iter', s, fn=lambda s=s: list(s))
    for i in (0, -1, n // 2, n, -n - 1, rng.randint(-n, n)):
        record('getitem', s, [i], fn=lambda s=s, i=i: s[i])
    for _ in range(3):
        sl = slice(rng.choice([None, rng.randint(-n - 2, n + 2)]), rng.choice([None, rng.randint(-n - 2, n + 2)]), rng.choice([None, 1, 2, 3, -1, -2, -3]))
        start, stop, step = sl.indices(n)
        record('slice', s, [start, stop, step], fn=lambda s=s, sl=sl: s[sl])
    for _ in range(3):
        parts = [rng.choice([None, rng.randint(-n - 2, n + 2), 2**70, -2**70]), rng.choice([None, rng.randint(-n - 2, n + 2)]), rng.choice([None, 1, 2, -1, -3, 0])]
        record('getslice', s, parts, fn=lambda s=s, p=parts: s[slice(*p)])
    t = rand_str(hi=5)
    record('concat', s, [t], fn=lambda s=s, t=t: s + t)
    k = rng.choice([-1, 0, 1, 2, 3])
    record('repeat', s, [k], fn=lambda s=s, k=k: s * k)
    u = rng.choice([s, sub_of(s), rand_str()])
    for op in ('lt', 'le', 'eq', 'ne', 'gt', 'ge'):
        record(op, s, [u], fn=lambda s=s, u=u, op=op: getattr(s, f'__{op}__')(u))

for cp in [0, 0x41, 0x7f, 0xe9, 0xff, 0x100, 0x263a, 0xffff, 0x10000, 0x1f600, 0x10ffff, -1, 0x110000, 2**31, -2**31 - 1]:
    record('chr', '', [cp], fn=lambda cp=cp: chr(cp))
for c in ['a', 'é', '☃', '😀', '', 'ab', '\x00']:
    record('ord', '', [c], fn=lambda c=c: ord(c))

# format(str, spec): the mini-language for str (fill, align, width, precision, errors).
SPECS = ['', 's', '5', '<5', '>5', '^5', '^6', '*^9', 'é>4', '☃<3', '😀^5', '.2', '.0', '>10.3', '010', '<010', '05', '0', 'x<5',
         '<<5', '=5', '+5', '-', ' ', '#5', 'z', ',', '_', ',_', '_,', '.', '10.', 'd', 'x', '\x01', 'é', 'ss', 'xx', '.2,', ',s',
         '99999999999999999999', '.99999999999999999999', '٣', '.٢', '^', '<', '2s']
for s in ['', 'ab', 'héllo', '日本語', 'a😀b'] + [rand_str(hi=6) for _ in range(6)]:
    for spec in SPECS:
        record('format_str', s, [spec], fn=lambda s=s, spec=spec: format(s, spec))

# str.format with str, None, bool and tuple arguments (other types format through their
# own modules).
FORMATS = [
    ('{} {} {}', ['a', 'b', 'c'], {}), ('{0} {1} {0}', ['x', 'y'], {}), ('{1}{0}', ['a', 'b'], {}),
    ('{name} is {age}', [], {'name': 'Bo', 'age': 'seven'}), ('{0[1]} {0[0]}', [('x', 'y')], {}),
    ('{:>8}|{:<8}|{:^8}|', ['r', 'l', 'c'], {}), ('{:*^9}', ['mid'], {}), ('{!r} {!s} {!a}', ['q', 'q', 'é'], {}),
    ('{0!r:>6}', ['x'], {}), ('{{literal}} {}', ['1'], {}), ('{:{w}.{p}}|', ['abcdef'], {'w': '10', 'p': '2'}),
    ('{:{}}|', ['ab', '5'], {}), ('{0:{1}}|', ['7', '4'], {}), ('{0}{0}{0}', ['ab'], {}), ('{}', [None], {}), ('{}', [True], {}),
    ('{0[0]}{0[2]}', ['xyz'], {}), ('{a}-{b}', [], {'a': '1', 'b': '2'}), ('{:=^20}', [' title '], {}), ('{:_<6}{:_>6}', ['L', 'R'], {}),
    ('{}', [('a', None)], {}), ('{!r}', [('é', '\n')], {}), ('{!a}', ['😀'], {}), ('x{{y}}z', [], {}), ('{{}}', [], {}), ('é{}☃{}😀', ['1', '2'], {}),
    ('{0[1][0]}', [('ab', 'cd')], {}), ('{0[0]!r:^9}', [('x',)], {}), ('', [], {}), ('plain', ['unused'], {}),
    # errors
    ('{', [], {}), ('}', [], {}), ('a{', [], {}), ('a}b', [], {}), ('{0', ['a'], {}), ('{0!', ['a'], {}), ('{0!r', ['a'], {}),
    ('{0!x}', ['a'], {}), ('{0!rx}', ['a'], {}), ('{:', ['a'], {}), ('{0:{', ['a'], {}), ('{0[}', ['a'], {}), ('{0[1]x}', ['ab'], {}),
    ('{0.}', ['a'], {}), ('{a{b}', [], {}), ('{0!}', ['a'], {}), ('{} {0}', ['a'], {}), ('{0} {}', ['a'], {}), ('{2}', ['a'], {}),
    ('{x}', [], {}), ('{0:{1:{2}}}', ['a', 'b', 'c'], {}), ('{0.nope}', ['a'], {}), ('{0[9]}', ['abc'], {}), ('{0[x]}', ['abc'], {}),
    ('{:d}', ['a'], {}), ('{ }', [], {' ': 'sp'}), ('{} {}', ['1'], {}), ('{0!\x01}', ['a'], {}), ('{0:\x01}', ['a'], {}),
    ('{:x}', [None], {}), ('{0[00]}', [('p', 'q')], {}), ('{0[99999999999999999999]}', [('p',)], {}), ('{99999999999999999999}', ['a'], {}),
]
for fmt, args, kw in FORMATS:
    record('format', fmt, args, kw)

# printf-style formatting: fmt % args.
PERCENT = [
    ('%s is %d years old', ('Ann', 31)), ('%s', 'single'), ('%s', (42,)), ('%r', 'quoted'), ('%s %s', ([1, 2], ('a',))),
    ('%d %i %5d %-5d| %05d %+d % d', (42, 42, 42, 42, 42, 42, 42)), ('%x %X %#x %o %#o', (255, 255, 255, 8, 8)),
    ('%e %E %f %g %G', (1234.5, 1234.5, 1234.5, 1234.5, 0.00001234)),
    ('%.2f %8.3f %-8.2f| %08.2f %+.1f %.0f %.10f', (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 2.5, 0.1)),
    ('%c%c%c', (72, 'i', 33)), ('%%', ()), ('100%%', ()), ('%5s|%-5s|', ('ab', 'cd')), ('%.2s', 'abcdef'),
    ('%*d|%-*d|%.*f', (5, 42, 5, 42, 2, 3.14159)), ('%s %d %s %d %s %r %d', (True, True, None, 3.99, 3.0, 3.0, -0.5)),
    ('%x %o %5.1f%% %e %g %g', (-255, -8, 12.345, 0, 100000, 1000000)), ('%s %s %s', (1, 'two', 3.0)), ('%10.4s|', 'abcdefg'), ('%-10r|', 'x'),
    ('[%4d] [%-4d] [%04d] [%x]', (0, 0, 0, 0)), ('[%4d] [%-4d] [%04d] [%x]', (-45, -45, -45, -45)), ('%d', 'x'), ('%s %s', ('only one',)),
    ('%s', (1, 2)), ('%s', ((1, 2),)), ('%s-%s', tuple('ab')), ('x=%s', [1]),
    ('%05s', 'ab'), ('%-05d', 5), ('%05d', -5), ('%+05d', 5), ('% 05d', 5), ('%#08x', 255), ('%#-8x|', 255), ('%#8X', 255), ('%.3d', 5),
    ('%+.3d', -5), ('%#.3o', 8), ('%5c', 'x'), ('%05c', 65), ('%.1c', 'x'), ('%5%', ()), ('%5%', (1,)), ('abc', []), ('abc', 5), ('%s %s', 'ab'),
    ('%*s', (-5, 'x')), ('%.*s', (-2, 'abc')), ('%ld %hi %Lf', (1, 2, 3.5)), ('%x', 3.5), ('%d', '5'), ('%c', 0x110000), ('%c', 'ab'),
    ('%c', 1.5), ('%y', 5), ('%', ()), ('%(a', {}), ('%(a)s', 5), ('%*d', ('x', 5)), ('%d', float('nan')), ('%d', float('inf')),
    ('%i', True), ('%x', True), ('%o', -8), ('%#o', -8), ('%#X', -255), ('%e', 'x'), ('%f', None), ('%r', 'é'), ('%a', 'é😀'), ('%5.2s|', 'abc'),
    ('%é', 1), ('%\x01', 1), ('%s', ()), ('%10s|', ('é☃',)), ('%c', '☃'), ('%-3c|', '😀'), ('%*.*f', (8, 2, 3.14159)), ('%.0e', 0),
    ('%08.3f', -3.14159), ('%+#o', 0), ('%-#5x|', 0), ('% x', 255), ('%.50d', 7), ('%#.20X', 48879), ('%d', 2**64), ('%x', -2**70),
    ('%#o', 2**65), ('%+d', 10**30), ('%d', 1e20), ('%d', -1e300), ('%.3s|%.0s|', ('héllo', 'x')), ('%-*s|', (4, 'é')), ('%s', '日本'),
    ('%2$s', 'a'), ('%.', 1), ('%-', 1), ('%*', (5,)), ('%.*', (2,)), ('%*', ()), ('%999999999999999999999d', 1), ('%.99999999999d', 1),
    ('%.*d', (2**40, 1)), ('%*d', (2**70, 1)), ('%c', -1), ('%c', 2**70), ('%c', True), ('é%s☃', 'x'), ('%s%%%s', ('a', 'b')),
    ('%(a)s %(b)d', {'a': 'x', 'b': 2}), ('%(a)s %(a)r', {'a': 'é'}), ('%s %(a)s', {'a': 1}), ('%(a)(b)s', {'a(b': 1}), ('%(a)s %s', {'a': 1}),
    ('%(a)s', {}), ('%((a))s', {'(a)': 'p'}), ('%s', {'k': 'v'}), ('no fields', {'k': 'v'}),
]
for fmt, args in PERCENT:
    record('percent', fmt, [args], fn=lambda fmt=fmt, args=args: fmt % args)

# encode, translate, maketrans.
for s in ['', 'abc', 'héllo', '日本', 'a😀', 'a\ud800b', 'x\udc80\udcffy', 'é\ud800\udc00\ud801x', 'ÿ€']:
    record('encode', s)
    for codec in ['utf-8', 'UTF_8', ' utf 8 ', 'utf8', 'u8', 'ascii', 'US-ASCII', 'latin-1', 'latin1', 'ISO-8859-1', 'l1', 'cp819', 'bogus', 'é']:
        record('encode', s, [codec])
    for codec in ['utf-8', 'ascii', 'latin-1']:
        for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass', 'bogus']:
            record('encode', s, [codec, errors])
    record('encode', s, [], {'errors': 'replace', 'encoding': 'ascii'})
for args in [('ab', 'cd'), ('ab', 'cd', 'e'), ('aé☃', 'x😀y', ''), ('', ''), ('ab', 'c'), ('a', 1), (1, 'a'), ('a', 'b', 1), ('a', None),
             ({'a': 'x', 98: None, True: 'y'},), ({'ab': 1},), ({1.5: 1},), (1,), (), ('a', 'b', 'c', 'd')]:
    record('maketrans', None, list(args), fn=lambda args=args: str.maketrans(*args))
TABLES = [{97: 'xy', 98: None, 99: 65}, {97: 1114112}, {97: 1.5}, {97: 2**70}, {97: -1}, {}, {0x263a: 'é', 0x1f600: '😀😀'}, {97: True},
          ['p', None, 'q'], 'xyz', 5, (None,) * 120, None]
for s in ['abc', 'a☺b😀c', '', 'caba']:
    for t in TABLES:
        record('translate', s, [t])

# str(): the constructor (decoding bytes is the bytes runtime's, not exercised here).
for args, kw in [((), {}), (('abc',), {}), ((None,), {}), ((3.5,), {}), ((True,), {}), (((1, 'a'),), {}), ((['é'],), {}), ((), {'object': 'x'}),
                 ((1, 2, 3, 4), {}), ((), {'x': 1}), ((5,), {'object': 1}), (('a', 'utf-8'), {}), ((5, 'utf-8'), {}), ((), {'encoding': 'x'}),
                 ((7,), {}), ((-2**70,), {})]:
    record('new', None, list(args), kw, fn=lambda args=args, kw=kw: str(*args, **kw))

# Errors with CPython's exact messages.
ERRORS = [
    ('split', 'a b', [1]), ('split', 'a b', ['']), ('rsplit', 'a', ['']), ('split', 'a', [',', 'x']),
    ('split', 'a', [',', 1, 2]), ('split', 'a', [], {'x': 1}), ('split', 'a', [','], {'sep': ','}),
    ('split', 'a', [], {'maxsplit': 1.5}), ('splitlines', 'a', [1, 2]), ('splitlines', 'a', [], {'keepends': True, 'x': 1}),
    ('find', 'a', []), ('find', 'a', [1]), ('find', 'a', ['a', 1.5]), ('find', 'a', ['a', 0, 1, 2]), ('find', 'a', [], {'sub': 'a'}),
    ('index', 'abc', ['d']), ('rindex', 'abc', ['d']), ('index', 'abc', ['', 4]), ('count', 'a', []),
    ('startswith', 'a', [1]), ('startswith', 'a', [(1,)]), ('endswith', 'a', [('a', 2)]), ('startswith', 'a', []),
    ('replace', 'a', ['a']), ('replace', 'a', [1, 'a']), ('replace', 'a', ['a', 1]), ('replace', 'a', ['a', 'b', 1.5]),
    ('replace', 'a', ['a', 'b', 1, 2]),
    ('partition', 'abc', ['']), ('partition', 'abc', [1]), ('rpartition', 'abc', []),
    ('removeprefix', 'a', [1]), ('removesuffix', 'a', [None]),
    ('join', 'x', [[1, 2]]), ('join', 'x', [['a', 2]]), ('join', 'x', [5]), ('join', 'x', []), ('join', 'x', [['a'], 1]),
    ('strip', 'a', [1]), ('lstrip', 'a', ['a', 'b']), ('rstrip', 'a', [], {'chars': 'a'}),
    ('center', 'a', []), ('center', 'a', [1.5]), ('center', 'a', [5, 'ab']), ('center', 'a', [5, 1]), ('center', 'a', [1, 2, 3]),
    ('ljust', 'a', [5, '']), ('rjust', 'a', ['5']), ('zfill', 'a', []), ('zfill', 'a', ['x']), ('zfill', 'a', [], {'width': 3}),
    ('expandtabs', 'a', [1, 2]), ('expandtabs', 'a', [], {'x': 1}), ('expandtabs', 'a', [1.5]),
    ('upper', 'a', [1]), ('upper', 'a', [], {'x': 1}), ('lower', 5, []), ('isdigit', None, []),
    ('encode', 'a', [1]), ('encode', 'a', ['utf-8', 1]), ('encode', 'a', [], {'x': 1}),
    ('__contains__', 'a', [1]), ('find', 'a', [None]), ('replace', 'a', [None, 'a']), ('replace', 'a', ['a', None]),
    ('removeprefix', 'a', [None]), ('partition', 'a', [None]), ('startswith', 'a', [None]), ('startswith', 'a', [(None,)]),
    ('join', '', [[None]]), ('encode', 'a', [None]), ('center', 'a', [3, None]), ('zfill', 'a', [None]), ('split', 'a', [None, None]),
]
for op, self, args, *rest in ERRORS:
    record(op, self, args, rest[0] if rest else None)
for key in ['x', 1.5, 2**70, True, 2**50, -2**63, 2**63]:
    record('getitem', 'abc', [key], fn=lambda key=key: 'abc'.__getitem__(key))
record('contains', 'abc', [1], fn=lambda: 1 in 'abc')
record('concat', 'abc', [1], fn=lambda: 'abc' + 1)
record('repeat', 'abc', [1.5], fn=lambda: 'abc' * 1.5)
record('repeat', 'abc', [2**70], fn=lambda: 'abc' * 2**70)
record('repeat', 'abc', [2**62], fn=lambda: 'abc' * 2**62)
record('repeat', 'abc', [True], fn=lambda: 'abc' * True)
record('chr', '', ['a'], fn=lambda: chr('a'))
record('chr', '', [1.5], fn=lambda: chr(1.5))
record('chr', '', [2**70], fn=lambda: chr(2**70))
record('ord', '', [1], fn=lambda: ord(1))
record('ord', '', [b'a'], fn=lambda: ord(b'a'))
record('ord', '', [b'ab'], fn=lambda: ord(b'ab'))

def line(case):
    return json.dumps(case, ensure_ascii=False)


with open(OUT, 'w', encoding='utf-8') as f:
    f.write('[\n')
    f.write(',\n'.join(line(c) for c in cases))
    f.write('\n]\n')
print(f'{OUT}: {len(cases)} cases')
