#!/usr/bin/env python3
"""Generate the native float runtime's test fixtures with CPython 3.11 (the oracle).

    python3 scripts/gen-float-fixtures.py            # every fixture
    python3 scripts/gen-float-fixtures.py repr ops   # some of them

Outputs (tests/native/fixtures/, read by tests/native/float*.test.ts):
  float-repr.txt     `HEXBITS REPR` per line: edge cases and random doubles
  float-ops.json     binary operators, comparisons (with ints of any size), hash, divmod,
                     each case [inputs..., result] where a double is a JSON number (or
                     "inf"/"-inf"/"nan"), an int a decimal string prefixed by 'i', a bool a
                     JSON boolean and an exception {"E": type, "m": message}
  float-format.json  [hexbits, spec, result] for format(x, spec)
  float-parse.json   [text, result] for float(text), result encoded as in float-ops.json
  float-methods.json fromhex, hex, is_integer, as_integer_ratio, round, trunc/floor/ceil, float(),
                     divmod, encoded likewise
  float-math.json    [function, [args], {keywords} | null, result] for the math module: special
                     values, ints of any size, errors and argument checking (a tuple argument is
                     ['t', [items]], a list ['l', [items]], a str 's<text>')

Fixed seeds: the output only changes when this script does.
"""
import json
import math
import os
import random
import struct
import sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'native', 'fixtures')


def hx(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def unhx(h):
    return struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0]


def enc(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        # JSON numbers read back exactly (shortest repr); inf/nan as strings
        return v if math.isfinite(v) else repr(v)
    if isinstance(v, int):
        return 'i' + str(v)
    if isinstance(v, str):
        return 's' + v
    if isinstance(v, tuple):
        return [enc(x) for x in v]
    raise TypeError(type(v))


def run(f, *args):
    try:
        r = f(*args)
    except Exception as e:  # noqa: BLE001 - the exception is the expected result
        return {'E': type(e).__name__, 'm': str(e)}
    if isinstance(r, complex):
        return {'E': 'complex', 'm': ''}  # no complex type natively yet
    return enc(r)


def rand_double(rng):
    while True:
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


EDGE = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e16, 1e15, 9999999999999998.0,
        1e17, 1e-4, 1e-5, 0.0001, 0.00001, 123456789.125, 5e-324, 1e-323, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, 8.98846567431158e307, 2.0 ** 52, 2.0 ** 53,
        2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 2.0 ** 100, 1e22, 1e23, 9.007199254740993e15, 4.35, 0.1 + 0.2,
        math.pi, math.e, 1e300, 1e-300, 123.456, 7.0, 1234567.0, 12345678901234567890.0, 0.5e-323,
        float('inf'), float('-inf')]


def gen_repr():
    rng = random.Random(20240601)
    xs = list(EDGE)
    xs += [rand_double(rng) for _ in range(8000)]
    xs += [rng.uniform(-1e6, 1e6) for _ in range(3000)]
    xs += [round(rng.uniform(-1000, 1000), rng.randint(0, 6)) for _ in range(3000)]
    xs += [float(rng.randint(-10 ** 17, 10 ** 17)) for _ in range(1000)]
    xs += [struct.unpack('<d', struct.pack('<Q', rng.getrandbits(52)))[0] for _ in range(1000)]  # subnormals
    with open(os.path.join(OUT, 'float-repr.txt'), 'w') as f:
        for x in xs:
            f.write('%s %s\n' % (hx(x), repr(x)))


BIGS = [2 ** 47, -2 ** 47 - 1, 2 ** 53, 2 ** 53 + 1, -(2 ** 53 + 1), 2 ** 63, 2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1,
        10 ** 20, -10 ** 20, 10 ** 22, 10 ** 23, 2 ** 100, 2 ** 100 + 1, 3 ** 70, 10 ** 300, -10 ** 300,
        2 ** 1023, 2 ** 1024, 10 ** 400, -10 ** 400, 2 ** 52 + 1, 2 ** 54 + 1, 2 ** 60 + 3]


def gen_ops():
    rng = random.Random(777)
    vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, 1.5, -2.5, 3.0, 5.5, -5.5, 7.0, 0.1, 1e-300, 1e300,
            1.7976931348623157e308, 5e-324, 2.0 ** 53, 2.0 ** 64, 1e16, 10.0, 0.3, float('inf'), float('-inf'),
            float('nan')]
    vals += [rng.uniform(-100, 100) for _ in range(3)]
    ints = [0, 1, -1, 2, 3, 7, -7, 100, 2 ** 47 - 1, -2 ** 47, True, False]
    ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
           ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
           ('**', lambda a, b: a ** b)]
    out = {'binop': [], 'compare': [], 'compareFloat': [], 'hash': [], 'divmod': []}
    for i, (name, f) in enumerate(ops):
        for a in vals:
            for b in vals:
                r = run(f, a, b)
                out['binop'].append([i, enc(a), enc(b), r])
            for n in ints + BIGS[:3]:
                for (x, y) in ((a, n), (n, a)):
                    r = run(f, x, y)
                    out['binop'].append([i, enc(x), enc(y), r])
    # float op huge int: CPython converts the int first (OverflowError)
    for i, (name, f) in enumerate(ops[:3]):
        out['binop'].append([i, enc(1.5), enc(10 ** 400), run(f, 1.5, 10 ** 400)])
    cmps = [lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a == b, lambda a, b: a != b,
            lambda a, b: a > b, lambda a, b: a >= b]
    fl = vals + [float(n) for n in BIGS if abs(n) < 2 ** 1024] + [float(n) + 1.5 for n in (2 ** 47, 2 ** 50)]
    fl += [math.nextafter(float(n), math.inf) for n in BIGS if abs(n) < 2 ** 1023]
    fl += [math.nextafter(float(n), -math.inf) for n in BIGS if abs(n) < 2 ** 1023]
    # compare: [a, i, "TFTFTF"] (the six operators < <= == != > >= in CMPOPS order) against
    # the int compareInts[i]; compareFloat: [a, b, "TFTFTF"] for two floats
    cints = ints[::2] + BIGS
    out['compareInts'] = [enc(n) for n in cints]
    word = lambda a, b: ''.join('T' if f(a, b) else 'F' for f in cmps)
    for a in fl[::2] + [x for x in fl[1::2] if abs(x) > 2 ** 46]:
        for i, n in enumerate(cints):
            out['compare'].append([enc(a), i, word(a, n)])
    for a in vals[:12]:
        for b in vals:
            out['compareFloat'].append([enc(a), enc(b), word(a, b)])
    hs = [x for x in vals if x == x] + [rand_double(rng) for _ in range(500)] + [float(n) for n in BIGS if abs(n) < 2 ** 1024]
    hs += [rng.uniform(-1e6, 1e6) for _ in range(200)] + [math.ldexp(1.0, e) for e in range(-1074, 1024, 7)]
    out['hash'] = [[enc(x), str(hash(x))] for x in hs]
    for a in vals:
        for b in vals:
            out['divmod'].append([enc(a), enc(b), run(divmod, a, b)])
    with open(os.path.join(OUT, 'float-ops.json'), 'w') as f:
        json.dump(out, f, separators=(',', ':'))


PARSE = ['', ' ', '   ', 'abc', '1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1_0e1_0', '0x10', '0X1p3',
         'inf', '-Infinity', '+inf', 'nan', '-nan', 'NaN', '+NAN', 'iNfInItY', 'infinit', 'infinityy', 'in', 'na',
         '+', '-', '.', '1.', '.5', '-.5', '+1.', '1e', '1e+', '1e-', '1e-5', '1E5', '1e+05', '  1.5  ', '\t\n1\r\x0b\x0c',
         '1 2', '1.5\x00', '\x001', '1\x00_0', '1_0\x00', '١٢٣', '١٢٣.٤', '\u2003 3.5 \u2003', '\xa01\xa0', '1.0é',
         '１２.５', 'Ⅷ', '٫', '\u0660.5', '\x7f1', '1\x7f', '1e400', '-1e400', '1e-400', '-1e-400', '4.9e-324',
         '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623157e308', '1.7976931348623158e308',
         '1.7976931348623159e308', '9007199254740993', '9007199254740993.0000000000000000001', '1e-9999999999',
         '1e9999999999', '0e1000', '00000', '-0', '+0.0e-5', '.e1', 'e1', '1.2.3', '1e1.5', '0.1', '-0.0',
         '000123.4560000', '1' * 400, '0.' + '0' * 400 + '1', '1' * 30 + 'e-30', '2.2250738585072011e-308',
         '2.2250738585072012e-308', '0.000001', '123456789012345678901234567890', '1e23', '8.988465674311579e307',
         '1_2.3_4e5_6', '1_2.3_4e-5_6', '  -1_0  ', '1e0001', '1e-0', '-.0e-0']


def gen_parse():
    out = [[t, run(float, t)] for t in PARSE]
    with open(os.path.join(OUT, 'float-parse.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, separators=(',', ':'))


FORMAT_SPECS = ['', 'f', '.2f', '.0f', '.1f', '#.0f', 'e', '.3e', 'E', '#e', '.0e', '#.0e', 'g', '.3g', 'G', '#g', '.0g',
                '#.3g', 'n', '.3n', '%', '.1%', '#%', '.3', '.1', '#', '10', '<10', '>10', '^10', '=10', '*^12', '0<8',
                '010', '010.3f', '+', '-', ' ', '+.2f', ' .2f', '+010.2f', ',', ',.2f', '_', '_.3f', '015,.2f', '015_.2f',
                'z', 'z.1f', 'z.2e', '+z.0f', ' z', 'z.3g', 'z%', '.400f', '.60e', '.30g', 'x<20,.1f', '→^15.3e',
                '😀>9', '020,', '08,', '09_', '0=12,.2f', '=+12.2f', '.17g', '.16g', '.0%', '3', '25', '#.5', '#10.4',
                '.30', '.2g', '#.2g', ',g', '_e', ',%', '011,.1%', '^', '=', '0', '00', '0,', '#0', 'F', '.2F', 'E', '.4G']
FORMAT_ERRORS = ['d', 'x', 'b', 'o', 'c', 's', 'X', 'é', '\x01', ' d', '10.3.4', ',_', '_,', '.', '.f', '=10d', 'ab',
                 '99999999999999999999', '.99999999999999999999', '.2147483648f', '1,1', 'zd', '#d', ',n', '_n', ',c',
                 ',\x7f', ',\x1f', '_b', '<<', '10.2.f', '-z#', 'z#0,.2f%', '\U0001f600']


def gen_format():
    rng = random.Random(4242)
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1234.5678, -1234.5678, 1e16, 1e-5, 123456789.0,
            1e300, -1e300, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3, 2.675, 1e22, 1e23, 9.999999e-5,
            0.00001234, 99999.5, 999999.5, -0.0004, 1e100, float('inf'), float('-inf'), float('nan'), 12.0, 0.05]
    out = []
    for x in vals:
        for spec in FORMAT_SPECS:
            out.append([enc(x), spec, run(format, x, spec)])
    alphabet_fill = ['', '*', 'x', '0', '→']
    for _ in range(3000):
        x = rng.choice(vals) if rng.random() < 0.3 else rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-20, 20)
        spec = ''
        if rng.random() < 0.4:
            spec += rng.choice(alphabet_fill) + rng.choice('<>=^')
        if rng.random() < 0.4:
            spec += rng.choice('+- ')
        if rng.random() < 0.2:
            spec += 'z'
        if rng.random() < 0.2:
            spec += '#'
        if rng.random() < 0.3:
            spec += '0'
        if rng.random() < 0.5:
            spec += str(rng.randint(0, 30))
        if rng.random() < 0.3:
            spec += rng.choice(',_')
        if rng.random() < 0.6:
            spec += '.' + str(rng.randint(0, 25))
        spec += rng.choice(['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'])
        out.append([enc(x), spec, run(format, x, spec)])
    for spec in FORMAT_ERRORS:
        out.append([enc(1.5), spec, run(format, 1.5, spec)])
    with open(os.path.join(OUT, 'float-format.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, separators=(',', ':'))


FROMHEX = ['0x1.8p1', '-0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076', '0x1.fffffffffffff8p1023',
           '0x1.fffffffffffff7ffp1023', '0x1p1024', '0X1P+3', '1', '0x', '0x.8', '.8', '8.', '0x1.8', '  0x1p0  ',
           '\t0x1p0\n', 'inf', '-Infinity', 'nan', '+NaN', '0x1p', '0x1p+', '1e1', '0x1.8p-1022',
           '0x1.ffffffffffffffp-1023', '0x0.0000000000001p-1022', '0x1.00000000000008p0', '0x1.00000000000018p0',
           '0x1.000000000000080000000001p0', '-0x0p0', '0x1_0p0', '0x1p99999999999999999999',
           '0x1p-99999999999999999999', '0x0p9999999', 'é', '0x1p1\x00', '12345678901234567890abcdefp-100', '',
           ' ', '-', '0x-1', '0xp1', '.p1', '0x1.p1', '0x.1p1', 'ABCDEFp0', '0xffffffffffffffffffffffffffffffffp-4',
           '0x0000000000000000000001p0', '0x1.' + '0' * 100 + '1p0', '0x1' + '0' * 300 + 'p-1200', '0x.0001p-1060',
           '0x1.fffffffffffffp-1023', '0x1.ffffffffffffe8p-1023', '0x8p-1077', '0x7p-1077', '0x5p-1076']


def gen_methods():
    rng = random.Random(31337)
    out = {'fromhex': [[t, run(float.fromhex, t)] for t in FROMHEX]}
    xs = list(EDGE) + [float('nan')] + [rand_double(rng) for _ in range(400)]
    xs += [struct.unpack('<d', struct.pack('<Q', rng.getrandbits(52)))[0] for _ in range(50)]
    out['hex'] = [[enc(x), x.hex()] for x in xs]
    # hex round trip of random doubles, written in other shapes
    out['fromhexRandom'] = []
    for _ in range(400):
        x = rand_double(rng)
        m, e = math.frexp(x)
        k = rng.randint(0, 8)
        text = '%s0x%xp%d' % ('-' if x < 0 else '', int(abs(m) * 2 ** 53) << k, e - 53 - k)
        out['fromhexRandom'].append([text, enc(float.fromhex(text))])
    out['isInteger'] = [[enc(x), x.is_integer()] for x in xs[:80]]
    out['ratio'] = [[enc(x), run(lambda v: v.as_integer_ratio(), x)] for x in xs[:120]]
    rvals = [2.675, 0.5, 1.5, -0.5, 2.5, -2.5, 1e300, 1.7976931348623157e308, 123.456, 5e-324, 0.125, 0.375, -0.0,
             1e22, 1e23, 0.1, 1 / 3, 12345.6789, -12345.6789, 9.5, 10.5, 0.05, 0.15, 0.25, 0.35, 1e-300]
    rnd = [(x, n) for x in rvals for n in (None, 0, 1, 2, 3, -1, -2, 5, 10, 17, 300, 308, 323, 324, -300, -308, -309)]
    rnd += [(rand_double(rng), rng.randint(-330, 330)) for _ in range(500)]
    rnd += [(rng.uniform(-1e6, 1e6), rng.randint(-8, 12)) for _ in range(500)]
    rnd += [(12345.6789, 10 ** 30), (12345.6789, -10 ** 30), (-12345.6789, -10 ** 30), (float('inf'), 2),
            (float('nan'), -3), (float('inf'), None), (float('nan'), None), (-float('inf'), None), (1.5, True)]
    out['round'] = [[enc(x), None if n is None else enc(n), run(round, x, n) if n is not None else run(round, x)] for x, n in rnd]
    out['roundErrors'] = [[enc(1.5), t, run(round, 1.5, v)] for t, v in (('1.0', 1.0), ('"a"', 'a'))]
    out['trunc'] = [[enc(x), run(math.trunc, x), run(math.floor, x), run(math.ceil, x)] for x in xs[:200] + [float('inf'), float('-inf'), float('nan')]]
    news = [(), (1.5,), (7,), (-3,), (True,), ('  1.25 ',), ('abc',), (b'2.5',), (b' -inf ',), (b'x',), ([],), (None,), (1, 2)]
    out['new'] = [[[enc(a) if not isinstance(a, (bytes, list, type(None))) else (['b', a.decode()] if isinstance(a, bytes) else ['o', repr(a)]) for a in args], run(float, *args)] for args in news]
    out['divmod'] = [[enc(a), enc(b), run(divmod, a, b)] for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2.0), (1.0, 0.0), (3, 0.5), (0.0, -1.0), (float('inf'), 1.0)]]
    with open(os.path.join(OUT, 'float-methods.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, separators=(',', ':'))


MATH_SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, 710.0,
                -745.5, 22.0, 0.7, float('inf'), float('-inf'), float('nan'), 3, -3, 0, True, False, 2 ** 100,
                -(2 ** 100), 10 ** 400, 2 ** 1023 + 2 ** 971]
MATH_UNARY = ['sqrt', 'exp', 'exp2', 'expm1', 'log1p', 'cbrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh',
              'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'fabs', 'degrees', 'radians', 'ulp', 'gamma', 'lgamma',
              'isnan', 'isinf', 'isfinite', 'floor', 'ceil', 'trunc', 'frexp', 'modf', 'log', 'log2', 'log10']
MATH_BINARY = ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'nextafter', 'ldexp', 'log', 'dist', 'isclose']


def gen_math():
    import math
    out = []
    def arg(a):
        if isinstance(a, tuple):
            return ['t', [enc(x) for x in a]]
        if isinstance(a, list):
            return ['l', [enc(x) for x in a]]
        return enc(a)

    def case(fn, args, kw=None):
        f = getattr(math, fn)
        r = run(lambda: f(*args, **(kw or {})))
        out.append([fn, [arg(a) for a in args], None if kw is None else {k: arg(v) for k, v in kw.items()}, r])
    for fn in MATH_UNARY:
        for x in MATH_SPECIAL:
            case(fn, [x])
        case(fn, ['a'])
        case(fn, [])
        case(fn, [1.0, 2.0])
    pairs = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, float('inf'), float('-inf'), float('nan'), 3, True, 1e300, 5e-324]
    for fn in ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'nextafter']:
        for x in pairs:
            for y in pairs:
                case(fn, [x, y])
        case(fn, [1.0])
        case(fn, [1.0, 'a'])
    for x in [1.0, -0.0, 3.5, float('inf'), float('nan'), 1e-300, 1e308]:
        for i in [0, 1, -1, 2000, -2000, -1074, 1024, True, 2 ** 70, -(2 ** 70), 1.5, 'a']:
            case('ldexp', [x, i])
    for x in [8, 2.0, 100, 10 ** 400, 0.5, 1, 0, -1, 2 ** 1023, 10 ** 22]:
        for b in [2, 10, 0.5, 1, 1.0, 10 ** 400, -2, 'a']:
            case('log', [x, b])
    case('log', [])
    case('log', [1, 2, 3])
    for args in [[(1, 2), (3, 4)], [[1, 2.5], (3, -4)], [(), ()], [(1,), (2, 3)], [1, 2], [(1e308, 1e308), (-1e308, -1e308)], [('a',), (1,)],
                 [(float('nan'), 1), (1, 1)], [(float('inf'), float('nan')), (0, 0)]]:
        case('dist', args)
    for args in [[], [3, 4], [3, 4, 12], [1e308, 1e308], [5e-324, 5e-324], [float('inf'), float('nan')], [float('nan'), 1], [-3],
                 [0.0, -0.0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] * 5, ['a']]:
        case('hypot', args)
    for args in [[[1e100, 1.0, -1e100]], [(0.1,) * 10], [[1e308, 1e308]], [[float('inf'), -float('inf')]], [[float('inf'), float('inf')]],
                 [[float('nan'), 1.0]], [[]], [[1, 2, True]], [1], [['a']], [[1e16, 1.0, 1e-16]], [[2.0 ** 53, 1.0, 2.0 ** -52]],
                 [[-0.0, -0.0]], [[1.7976931348623157e308, -1.7976931348623157e308, 1.0]], [[5e-324] * 7]]:
        case('fsum', args)
    for args, kw in [([1.0, 1.0], None), ([1.0, 1.0000000001], None), ([1.0, 1.001], None), ([1.0, 1.001], {'rel_tol': 0.01}),
                     ([0.0, 1e-10], {'abs_tol': 1e-9}), ([1, 2], {'rel_tol': -1}), ([1, 2], {'abs_tol': -1.0}),
                     ([float('inf'), float('inf')], None), ([float('inf'), 1e308], None), ([float('nan'), float('nan')], None),
                     ([1, 2, 3], None), ([1], None), ([], None), ([], {'a': 1, 'b': 1}), ([1], {'b': 1}), ([1, 2], {'a': 1}),
                     ([1, 2], {'x': 3}), (['a', 1], None), ([1, 2], {'rel_tol': 'x'}), ([True, 1], None)]:
        case('isclose', args, kw)
    for fn in ['sqrt', 'atan2', 'hypot', 'floor', 'frexp', 'fsum']:
        case(fn, [1.0, 2.0][:1 if fn != 'atan2' else 2], {'x': 1})
    with open(os.path.join(OUT, 'float-math.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, separators=(',', ':'))


def main():
    os.makedirs(OUT, exist_ok=True)
    which = sys.argv[1:] or ['repr', 'ops', 'parse', 'format', 'methods', 'math']
    for w in which:
        {'repr': gen_repr, 'ops': gen_ops, 'parse': gen_parse, 'format': gen_format, 'methods': gen_methods, 'math': gen_math}[w]()


if __name__ == '__main__':
    main()
