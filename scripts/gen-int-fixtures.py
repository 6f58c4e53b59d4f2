#!/usr/bin/env python3
"""Regenerate tests/native/fixtures/int-*.json: CPython 3.11's answers for the native int tests.

Run from the repository root with the CPython 3.11 the project treats as its oracle:

    python3 scripts/gen-int-fixtures.py

Each fixture is a JSON list of cases. Ints travel as decimal strings (hex, '0x...', where
they may exceed the 4300-digit limit), floats as the hex
of their IEEE-754 bits (exact) and an error as {"exc": type name, "msg": str(e)}.
The inputs are fixed lists plus values from a seeded random generator, so the output
is reproducible.
"""

import json
import os
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit('gen-int-fixtures.py: run with CPython 3.11 (the oracle); this is %s' % sys.version.split()[0])

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'native', 'fixtures')
rnd = random.Random(20240611)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def outcome(f, conv):
    try:
        return {'ok': conv(f())}
    except Exception as e:  # noqa: BLE001 - every exception is an expected outcome
        return {'exc': type(e).__name__, 'msg': str(e)}


def rand_int(max_bits):
    n = rnd.randrange(max_bits + 1)
    v = rnd.getrandbits(n) if n else 0
    return -v if rnd.random() < 0.5 else v


def write(name, cases):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        f.write('[\n')
        f.write(',\n'.join(json.dumps(c, ensure_ascii=True) for c in cases))
        f.write('\n]\n')
    print('wrote %s (%d cases)' % (os.path.relpath(path), len(cases)))


def float_cases():
    """int -> float, float -> int, int / int, int ** negative int."""
    ints = [0, 1, -1, 2**47, 2**53 - 1, 2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 + 2, 2**54 + 6,
            2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 2**11, 2**64 + 2**11 + 1, 2**64 + 3 * 2**11,
            2**1023, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, -(2**1024), 10**308, 10**309,
            3**500, 7**300 + 1]
    for k in range(60, 200, 7):
        ints += [2**k + 2**(k - 53), 2**k + 2**(k - 53) + 1, 2**k + 3 * 2**(k - 53), (2**k - 1)]
    ints += [rand_int(1100) for _ in range(300)]
    ints += [-x for x in ints[:40]]
    to_double = [{'a': str(a), **outcome(lambda a=a: float(a), bits)} for a in ints]

    floats = [0.0, -0.0, 0.5, -0.5, 1.5, -1.9999, 2.0**47, -2.0**47, 2.0**47 + 0.5, 2.0**53, 2.0**63, -2.0**63, 2.0**64,
              1e20, -1e20, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 123456789.987654321,
              float('inf'), float('-inf'), float('nan')]
    floats += [rnd.uniform(-1, 1) * 10.0 ** rnd.randrange(0, 300) for _ in range(100)]
    from_double = [{'x': bits(x), **outcome(lambda x=x: int(x), str)} for x in floats]

    pairs = [(1, 3), (-1, 3), (0, -5), (0, 5), (2**53 + 1, 1), (2**60, 3), (10**30, 7), (-(10**30), 7),
             (1, 10**400), (-1, 10**400), (10**400, 1), (10**400, 10**92), (2**1024 - 2**970, 1),
             (2**1024 - 2**970 - 1, 1), (2**1024 - 2**971, 1), (2**1100, 2**76), (2**1100, 2**77), (2**1100 + 1, 2**77),
             (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1075 - 1), (2**1074 + 1, 2**2148), (5, 2**1076),
             (12345678901234567890123, 2**1060), (2**53 + 1, 2**1100), (2**80 + 1, 2**1150), (10**330, 3 * 10**20),
             (7, 0), (10**40, 0)]
    for _ in range(500):
        a = rand_int(rnd.choice([64, 200, 1200]))
        b = rand_int(rnd.choice([64, 200, 1200])) or 1
        pairs.append((a, b))
    for _ in range(100):
        e = rnd.randrange(1000, 1100)
        pairs.append((rnd.getrandbits(60) | 1, 2**e + rnd.getrandbits(40)))
    truediv = [{'a': str(a), 'b': str(b), **outcome(lambda a=a, b=b: a / b, bits)} for a, b in pairs]

    pow_pairs = [(2, -1), (-2, -1), (3, -2), (0, -1), (1, -10**30), (-1, -3), (10, -300), (10, -400), (2, -1075),
                 (2**600, -2), (10**400, -1), (7, -10**400), (-7, -5)]
    pow_pairs += [(rand_int(70), -rnd.randrange(1, 40)) for _ in range(60)]
    neg_pow = [{'a': str(a), 'b': str(b), **outcome(lambda a=a, b=b: a ** b, bits)} for a, b in pow_pairs]
    return to_double, from_double, truediv, neg_pow


def parse_cases():
    # Long inputs are written as [prefix, unit, count, suffix] (prefix + unit * count + suffix).
    strs = ['0', '-0', '+0', '00', '000', '1', '-1', '+1', ' 42 ', '\t\n\x0b\x0c\r7\r\n', '1_000', '1__000', '_1', '1_',
            '0x1f', '0X1F', '0o17', '0O17', '0b101', '0B101', '0x_1f', '0x__1f', '0_x1f', '0b', '0x', '0o', '0b_', '010',
            '0_0', '0_1', '00_0', '-0x10', '+0b1', ' -0o7 ', '12abc', 'abc', '', ' ', '+', '-', '+-1', '--1', '1 2',
            '\u0967\u0968\u0969', '\u0663\u0034', '\u00a012\u2003', '\x855', '\x1c5', '5\x1f', '12\x00', '1\x7f',
            'z', 'Z', 'zz', '10', '11', '1_2_3', '0_', '\U0001d7d7\U0001d7d7', '1\u2028', '12\u00e9', '\u00e912',
            '0x1g', '0b12', '0o8', 'ffff', 'FFFF',
            '9223372036854775807', '9223372036854775808', '-9223372036854775808', '18446744073709551616',
            '140737488355327', '140737488355328', '-140737488355328', '-140737488355329',
            '123456789012345678901234567890123456789', '-000000000000000000000000000000001']
    strs += [str(rand_int(rnd.choice([40, 64, 300, 3000]))) for _ in range(80)]
    strs += ['%x' % abs(rand_int(500)) for _ in range(20)]
    strs += [bin(rand_int(1000)) for _ in range(10)]
    longs = [('', 'x', 300, ''), ('', '9', 250, 'x'), ('', '1', 4300, ''), ('', '1', 4301, ''), ('', '1_', 4300, '1'),
             ('', '1', 4301, 'x'), ('-', '9', 4300, ''), ('', '\u0663', 4301, ''), ('', '1', 20000, ''), ('0b', '1', 20000, ''),
             ('0x', 'f', 5000, ''), ('', '7', 4300, ' '), ('', 'a', 4301, '')]
    bases = [0, 2, 8, 10, 16, 36, 3, 7]
    cases = []

    def add(s, base, text):
        # Results too long to print (the 4300-digit limit) are described by hash and size.
        r = outcome(lambda: int(text, base), lambda v: str(v) if v.bit_length() < 1300 else (str(hash(v)), v.bit_length()))
        if isinstance(r.get('ok'), tuple):
            r = {'okHash': r['ok'][0], 'okBits': r['ok'][1]}
        cases.append({'s': s, 'base': base, **r})

    for s in strs:
        for base in bases:
            add(s, base, s)
    for rep in longs:
        text = rep[0] + rep[1] * rep[2] + rep[3]
        for base in [0, 2, 10, 16, 36]:
            add(list(rep), base, text)
    for base in [1, -1, 37, 100]:
        add('5', base, '5')
    return cases


def repr_cases():
    vals = [0, 1, -1, 9, 10, 99, 100, 10**18, 10**19 - 1, 10**19, 10**19 + 1, 10**38, 2**47 - 1, 2**47, -(2**47), -(2**47) - 1,
            2**63, 2**64, -(2**64), 10**4299, 10**4300 - 1, -(10**4300 - 1), 10**4300, -(10**4300), 2**14336, 2**14335 * 3]
    vals += [rand_int(rnd.choice([64, 600, 6000])) for _ in range(200)]
    out = []
    for v in vals:
        r = outcome(lambda v=v: repr(v), str)
        out.append({'v': hex(v), **r})
    return out


FORMAT_SPECS = ['', 'd', 'x', 'X', 'o', 'b', 'c', 'n', '#x', '#X', '#o', '#b', '#d', '+d', ' d', '-d', '+', ' ', ',', '_', ',d',
                '_d', '_x', '_X', '_b', '_o', '#_x', '#_b', '10', '<10', '>10', '^10', '=10', '010', '+010', '-010', ' 010',
                '*^12', '0>10', '0<10', '0^9', '=+12,', '012,', '015_', '#012x', '#012_x', '#012_b', '=#12x', '+#x', ' #o',
                '→^9', 'é=+10', '\x00<4', 'x>5d', '3', '1', '0', '00', '0000000000000000000000020', '>30,', '^+31_',
                ',>12', '_<13', '+,', '-_', 'e', 'E', 'f', 'F', 'g', 'G', '%', '.3f', '10.2e', '+.1%', ',.2f', '_g',
                'q', '.2d', '.0', 'z', 'zd', ',x', ',_', '_,', ',,', '__', '+c', ' c', ',c', '5.5.5', '#c', '=c', '05c', '^5c',
                '99999999999999999999', '9223372036854775807', ',n', '_n', '_c', '\x00', 'é', '.', '5.', '1.2.3', 'dd',
                '<', '=', '^', '>', '=<', '<<', '#', '0#', '#0x', '+-d', '++', ' +', '%%', 's', 'r', 'i', 'u', 'L']


def format_cases():
    vals = [0, 1, -1, 7, 42, -42, 65, 255, -255, 1000, 1234567, -1234567, 0x10ffff, 0x110000, 2**47, -(2**47), 2**64 + 1,
            -(10**30), 10**25, 2**100, 3**40, -(2**70), 123456789012345678901234567890]
    cases = []
    for v in vals:
        for spec in FORMAT_SPECS:
            r = outcome(lambda v=v, spec=spec: format(v, spec), str)
            cases.append({'v': str(v), 'spec': spec, **r})
    for spec in ['', 'd', '>5', 'x', '+', 'c', '#b', ',']:
        for b in [True, False]:
            cases.append({'v': str(b), 'bool': True, 'spec': spec, **outcome(lambda b=b, spec=spec: format(b, spec), str)})
    huge = 10**5000
    cases.append({'v': hex(huge), 'spec': 'd', **outcome(lambda: format(huge, 'd'), str)})
    cases.append({'v': hex(huge), 'spec': ',', **outcome(lambda: format(huge, ','), str)})
    cases.append({'v': hex(huge), 'spec': 'x', **outcome(lambda: format(huge, 'x'), str)})
    return cases


def pow_mod_cases():
    triples = [(3, 5, 7), (3, 5, -7), (-3, 5, 7), (2, -1, 4), (2, -1, 5), (-3, -1, 7), (3, -2, -7), (0, -1, 1), (5, 0, 1),
               (5, 0, -1), (0, 0, 7), (2, 3, 0), (10**30, 10**30, 10**20 + 7), (2, 10**100, 10**50 + 151),
               (2**200 + 1, -1, 2**127 - 1), (6, -1, 9), (7, -3, 2**64 + 13), (-(2**70), 2**70 + 3, -(3**50))]
    for _ in range(150):
        m = rand_int(rnd.choice([20, 64, 300])) or 3
        triples.append((rand_int(rnd.choice([20, 64, 400])), abs(rand_int(rnd.choice([10, 64, 200]))), m))
    for _ in range(40):
        m = rand_int(100) or 5
        triples.append((rand_int(100), -abs(rand_int(30) or 1), m))
    return [{'a': str(a), 'b': str(b), 'm': str(m), **outcome(lambda a=a, b=b, m=m: pow(a, b, m), str)} for a, b, m in triples]


def bytes_cases():
    to_b = []
    for v, length, order, signed in [(0, 0, 'big', False), (0, 1, 'big', False), (1, 1, 'little', False), (255, 1, 'big', False),
                                     (256, 1, 'big', False), (256, 2, 'big', False), (256, 2, 'little', False), (-1, 1, 'big', False),
                                     (-1, 1, 'big', True), (-128, 1, 'big', True), (-129, 1, 'big', True), (127, 1, 'big', True),
                                     (128, 1, 'big', True), (2**64, 9, 'little', False), (-(2**63), 8, 'big', True),
                                     (2**63, 8, 'big', True), (10**30, 13, 'big', False), (10**30, 12, 'big', False),
                                     (-(10**30), 13, 'little', True), (2**47, 6, 'big', True), (2**47 - 1, 6, 'big', True),
                                     (-(2**47), 6, 'big', True), (-(2**47) - 1, 6, 'big', True), (0, 20, 'little', True),
                                     (-1, 20, 'little', True), (1, 1, 'middle', False), (1, -1, 'big', False)]:
        to_b.append({'v': str(v), 'length': length, 'order': order, 'signed': signed,
                     **outcome(lambda v=v, length=length, order=order, signed=signed: v.to_bytes(length, order, signed=signed), lambda b: b.hex())})
    for _ in range(100):
        v = rand_int(rnd.choice([30, 64, 300]))
        length = (abs(v).bit_length() + 8) // 8 + rnd.randrange(0, 3) - 1
        order = rnd.choice(['big', 'little'])
        signed = rnd.random() < 0.5
        to_b.append({'v': str(v), 'length': max(length, 0), 'order': order, 'signed': signed,
                     **outcome(lambda v=v, length=max(length, 0), order=order, signed=signed: v.to_bytes(length, order, signed=signed), lambda b: b.hex())})
    from_b = []
    for data in [b'', b'\x00', b'\x01', b'\x7f', b'\x80', b'\xff', b'\xff\xff', b'\x00\x80', b'\x80\x00', b'\x01\x00\x00\x00\x00\x00\x00\x00\x00',
                 b'\xff' * 17, bytes(range(40))] + [rnd.randbytes(rnd.randrange(0, 50)) for _ in range(60)]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                from_b.append({'data': data.hex(), 'order': order, 'signed': signed,
                               **outcome(lambda data=data, order=order, signed=signed: int.from_bytes(data, order, signed=signed), str)})
    return to_b, from_b


# Calls of int methods and int()/bool() with CPython's argument handling: (name, target,
# method, positional args, keyword args). The target is a value (a bound call: self first),
# or the class int/bool (an unbound call, a classmethod, or the class itself when the method
# is None). tests/native/int_methods.test.ts makes the same calls natively.
NAN = float('nan')
METHOD_CALLS = [
    ('bit_length', 255, 'bit_length', (), {}),
    ('bit_length_neg', -(2**100), 'bit_length', (), {}),
    ('bit_length_args', 5, 'bit_length', (1,), {}),
    ('bit_length_kw', 5, 'bit_length', (), {'x': 1}),
    ('bit_length_self', int, 'bit_length', ('x',), {}),
    ('bit_length_unbound', int, 'bit_length', (), {}),
    ('bit_count', -(2**100 - 1), 'bit_count', (), {}),
    ('conjugate', True, 'conjugate', (), {}),
    ('conjugate_args', 1, 'conjugate', (1,), {}),
    ('as_integer_ratio', -7, 'as_integer_ratio', (), {}),
    ('as_integer_ratio_bool', True, 'as_integer_ratio', (), {}),
    ('trunc', 2**70, '__trunc__', (), {}),
    ('trunc_args', int, '__trunc__', (5, 1), {}),
    ('trunc_self', int, '__trunc__', ('s',), {}),
    ('floor', -3, '__floor__', (), {}),
    ('ceil', False, '__ceil__', (), {}),
    ('index', True, '__index__', (), {}),
    ('index_args', 5, '__index__', (1,), {}),
    ('index_kw', 5, '__index__', (), {'x': 1}),
    ('index_self', int, '__index__', ('x',), {}),
    ('index_unbound', int, '__index__', (), {}),
    ('int', -5, '__int__', (), {}),
    ('float', 2**60 + 1, '__float__', (), {}),
    ('float_big', 2**1024, '__float__', (), {}),
    ('float_self', int, '__float__', (2.0,), {}),
    ('getnewargs', 7, '__getnewargs__', (), {}),
    ('round_none', 15, '__round__', (), {}),
    ('round_pos', 15, '__round__', (2,), {}),
    ('round_m1', 25, '__round__', (-1,), {}),
    ('round_m1_odd', 35, '__round__', (-1,), {}),
    ('round_m1_neg', -25, '__round__', (-1,), {}),
    ('round_m1_neg2', -26, '__round__', (-1,), {}),
    ('round_m2', -150, '__round__', (-2,), {}),
    ('round_m3', 123456789, '__round__', (-3,), {}),
    ('round_big', 10**30 + 5 * 10**9, '__round__', (-10,), {}),
    ('round_big_odd', 10**30 + 15 * 10**9, '__round__', (-10,), {}),
    ('round_huge_nd', 5, '__round__', (-100,), {}),
    ('round_bool', 5, '__round__', (True,), {}),
    ('round_none_arg', 5, '__round__', (None,), {}),
    ('round_float', 5, '__round__', (1.5,), {}),
    ('round_args', 5, '__round__', (1, 2), {}),
    ('round_kw', 5, '__round__', (), {'x': 1}),
    ('format', 255, '__format__', ('#x',), {}),
    ('format_empty', True, '__format__', ('',), {}),
    ('format_nostr', 5, '__format__', (5,), {}),
    ('format_none', 5, '__format__', (), {}),
    ('format_two', 5, '__format__', ('a', 'b'), {}),
    ('format_kw', 5, '__format__', (), {'spec': 'x'}),
    ('to_bytes_default', 5, 'to_bytes', (), {}),
    ('to_bytes_kw', 1, 'to_bytes', (), {'length': 2, 'byteorder': 'little'}),
    ('to_bytes_signed_kw', -1, 'to_bytes', (2, 'big'), {'signed': True}),
    ('to_bytes_signed_pos', 1, 'to_bytes', (2, 'little', True), {}),
    ('to_bytes_total', 1, 'to_bytes', (2, 'big'), {'signed': True, 'x': 1}),
    ('to_bytes_invalid_kw', 1, 'to_bytes', (1, 'big'), {'x': 1}),
    ('to_bytes_invalid_kw2', 1, 'to_bytes', (), {'y': 1}),
    ('to_bytes_twice', 1, 'to_bytes', (1,), {'length': 3}),
    ('to_bytes_len_str', 1, 'to_bytes', ('a',), {}),
    ('to_bytes_len_float', 1, 'to_bytes', (1.0,), {}),
    ('to_bytes_len_big', 1, 'to_bytes', (1 << 70,), {}),
    ('to_bytes_order_type', 1, 'to_bytes', (1, 3), {}),
    ('to_bytes_order_value', 1, 'to_bytes', (1, 'middle'), {}),
    ('to_bytes_neg_len', 1, 'to_bytes', (-1, 'big'), {}),
    ('to_bytes_neg_unsigned', -1, 'to_bytes', (), {}),
    ('to_bytes_too_big', 256, 'to_bytes', (1, 'big'), {}),
    ('to_bytes_self', int, 'to_bytes', ('s',), {}),
    ('to_bytes_signed_list', 1, 'to_bytes', (1, 'big'), {'signed': []}),
    ('to_bytes_signed_str', -3, 'to_bytes', (1, 'big'), {'signed': 'y'}),
    ('from_bytes_kw', int, 'from_bytes', (b'\x01\x02',), {'byteorder': 'little', 'signed': True}),
    ('from_bytes_bytes_kw', int, 'from_bytes', (), {'bytes': b'\xff'}),
    ('from_bytes_missing', int, 'from_bytes', (), {}),
    ('from_bytes_missing_kw', int, 'from_bytes', (), {'x': 1}),
    ('from_bytes_too_many', int, 'from_bytes', (b'', 'big', 1), {}),
    ('from_bytes_total', int, 'from_bytes', (b'\x01', 'little', True), {'x': 1}),
    ('from_bytes_twice', int, 'from_bytes', (b'\x01', 'little'), {'byteorder': 'little'}),
    ('from_bytes_str', int, 'from_bytes', ('ab',), {}),
    ('from_bytes_int', int, 'from_bytes', (5,), {}),
    ('from_bytes_order_type', int, 'from_bytes', (b'\x01',), {'byteorder': 1}),
    ('from_bytes_order_value', int, 'from_bytes', (b'\x01', 'x'), {}),
    ('from_bytes_bool', bool, 'from_bytes', (b'\x00\x02', 'big'), {}),
    ('new_empty', int, None, (), {}),
    ('new_int', int, None, (-(2**80),), {}),
    ('new_bool', int, None, (True,), {}),
    ('new_float', int, None, (-1e30,), {}),
    ('new_float_nan', int, None, (NAN,), {}),
    ('new_str', int, None, (' -1_000 ',), {}),
    ('new_bytes', int, None, (b'  12  ',), {}),
    ('new_bytes_bad', int, None, (b'x',), {}),
    ('new_base', int, None, ('ff', 16), {}),
    ('new_base_kw', int, None, ('ff',), {'base': 16}),
    ('new_base0', int, None, ('0o17', 0), {}),
    ('new_bytes_base', int, None, (b'ff', 16), {}),
    ('new_x_kw', int, None, (), {'x': 5}),
    ('new_bad_kw', int, None, ('12',), {'bas': 3}),
    ('new_too_many', int, None, (1, 2, 3), {}),
    ('new_twice', int, None, ('5', 2), {'base': 3}),
    ('new_missing_string', int, None, (), {'base': 3}),
    ('new_base_none', int, None, ('5', None), {}),
    ('new_base_float', int, None, ('5', 2.0), {}),
    ('new_base_big', int, None, ('5', 10**30), {}),
    ('new_base_1', int, None, (5, 1), {}),
    ('new_nonstr_base', int, None, (5, 10), {}),
    ('new_none', int, None, (None,), {}),
    ('new_list', int, None, ([],), {}),
    ('bool_empty', bool, None, (), {}),
    ('bool_one', bool, None, (7,), {}),
    ('bool_zero', bool, None, (0,), {}),
    ('bool_two', bool, None, (1, 2), {}),
    ('bool_kw', bool, None, (), {'x': 1}),
]


def method_cases():
    def conv(v):
        if v is None:
            return {'none': True}
        if v is int or v is bool:
            return {'class': v.__name__}
        if isinstance(v, bool):
            return {'bool': v}
        if isinstance(v, int):
            return {'int': str(v)}
        if isinstance(v, float):
            return {'float': bits(v)}
        if isinstance(v, bytes):
            return {'bytes': v.hex()}
        if isinstance(v, str):
            return {'str': v}
        if isinstance(v, tuple):
            return {'tuple': [conv(x) for x in v]}
        if isinstance(v, list):
            return {'list': [conv(x) for x in v]}
        raise TypeError(type(v))

    def call(target, method, args, kwargs):
        f = target if method is None else getattr(target, method)
        return f(*args, **kwargs)

    return [{'name': name, 'target': conv(target), 'method': method, 'args': [conv(x) for x in args],
             'kwargs': {k: conv(v) for k, v in kwargs.items()},
             **outcome(lambda t=target, m=method, a=args, k=kwargs: call(t, m, a, k), conv)}
            for name, target, method, args, kwargs in METHOD_CALLS]


def main():
    os.makedirs(OUT, exist_ok=True)
    to_double, from_double, truediv, neg_pow = float_cases()
    write('int-to-double.json', to_double)
    write('int-from-double.json', from_double)
    write('int-truediv.json', truediv)
    write('int-neg-pow.json', neg_pow)
    write('int-parse.json', parse_cases())
    write('int-repr.json', repr_cases())
    write('int-format.json', format_cases())
    write('int-pow-mod.json', pow_mod_cases())
    to_b, from_b = bytes_cases()
    write('int-to-bytes.json', to_b)
    write('int-from-bytes.json', from_b)
    write('int-methods.json', method_cases())


if __name__ == '__main__':
    main()
