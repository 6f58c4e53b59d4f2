#!/usr/bin/env python3
"""Generate tests/native/fixtures/bi-cases.json: calls of the builtin functions and
constructors of the native runtime (runtime/core/bi_*.ts) with CPython 3.11's results.

Usage: python3 scripts/gen-bi-fixtures.py   (from the repository root)

Each case is {"f": name, "args": [J...], "kw": {name: J}, "out": J}. The encoding J is the
container tests' (tests/native/containers-values.ts): numbers (ints up to 2**53), {"big":
"digits"}, {"float": "repr"}, str, null, bool, lists as arrays, {"t": [...]} tuples,
{"dict": [[k, v]...]}, {"range": [a, b, c]}, {"exc": "Name", "args": [...]}; plus, for arguments, {"fn": name}
(a builtin function or type), {"attr": [J, name]} (getattr of a fresh object) and
{"iter": J} (iter() of a fresh object); and for results {"drain": [...], "then": exc}
(an iterator, run to its end or to the error it raised), {"type": name} (any other object)
and {"const": "Ellipsis" | "NotImplemented"}.
"""

import builtins
import json
import math
import sys

assert sys.version_info[:2] == (3, 11), 'the oracle is CPython 3.11'

EXTRA_TYPES = {
    'NoneType': type(None),
    'NotImplementedType': type(NotImplemented),
    'ellipsis': type(...),
    'list_iterator': type(iter([])),
    'range_iterator': type(iter(range(0))),
    'builtin_function_or_method': type(len),
}


class Fn:
    def __init__(self, name):
        self.name = name


class Attr:
    def __init__(self, obj, name):
        self.obj = obj
        self.name = name


class It:
    def __init__(self, obj):
        self.obj = obj


def enc(v):
    if isinstance(v, Fn):
        return {'fn': v.name}
    if isinstance(v, Attr):
        return {'attr': [enc(v.obj), v.name]}
    if isinstance(v, It):
        return {'iter': enc(v.obj)}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if abs(v) <= 2**53 else {'big': str(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, dict):
        return {'dict': [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, range):
        return {'range': [enc(v.start), enc(v.stop), enc(v.step)]}
    if v is Ellipsis:
        return {'const': 'Ellipsis'}
    if v is NotImplemented:
        return {'const': 'NotImplemented'}
    raise TypeError(f'cannot encode {v!r}')


def resolve(v):
    """The Python value a case argument stands for (fresh objects each time)."""
    if isinstance(v, Fn):
        return EXTRA_TYPES.get(v.name) or getattr(builtins, v.name)
    if isinstance(v, Attr):
        return getattr(resolve(v.obj), v.name)
    if isinstance(v, It):
        return iter(resolve(v.obj))
    if isinstance(v, list):
        return [resolve(x) for x in v]
    if isinstance(v, tuple):
        return tuple(resolve(x) for x in v)
    return v


def exc(e):
    return {'exc': type(e).__name__, 'args': [enc(a) for a in e.args]}


def result(r):
    if hasattr(r, '__next__'):
        items = []
        for _ in range(50):
            try:
                items.append(result(next(r)))
            except StopIteration:
                return {'drain': items}
            except Exception as e:  # noqa: BLE001 - the error is the expected outcome
                return {'drain': items, 'then': exc(e)}
        raise ValueError('iterator too long for a fixture')
    try:
        return enc(r)
    except TypeError:
        return {'type': type(r).__name__}


CASES = {}
group = None


def C(f, *args, **kw):
    fn = resolve(Fn(f))
    try:
        out = result(fn(*resolve(list(args)), **{k: resolve(x) for k, x in kw.items()}))
    except BaseException as e:  # noqa: BLE001 - exit() raises SystemExit
        out = exc(e)
    CASES[group].append({'f': f, 'args': [enc(a) for a in args], 'kw': {k: enc(x) for k, x in kw.items()}, 'out': out})


INF = math.inf
NAN = math.nan

# ---- numbers
group = 'numeric'
CASES[group] = []
for x in (-5, 5, 0, -2**47, 2**47 - 1, -2**100, -0.0, -1.5, True, False, -INF, NAN, 'a', None, [1]):
    C('abs', x)
C('abs')
C('abs', 1, 2)
C('abs', x=1)
for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2), (-7, 2.0), (5.5, True), (True, 2), (2**70, 3),
             (3, 2**70), (-2**100, 7), (-2**47, -1), (1, 0), (1.0, 0), (1, 0.0), (2**80, 0), (INF, 1), (NAN, 1), (1, INF),
             (-0.0, 1), (1, 'a'), (1.5, 'a'), ('a', 'b'), (None, 1), (2**2000, 1.5)):
    C('divmod', a, b)
C('divmod')
C('divmod', 1)
C('divmod', 1, 2, 3)
C('divmod', 1, b=2)
for args in ((2, 10), (2, -1), (0, -1), (2, 0.5), (2.5, 2), (2**70, 2), (-2, 3), (True, 2), (0.0, -1), (2, 'a'), ('a', 2),
             (2, 3, 5), (2, -1, 5), (3, -1, 6), (2, 3, 0), (2, 3, 5.0), (2.0, 3, 5), (2, 0.5, 3), ('a', 2, 3), (2, 'a', 3),
             (2, 3, 'a'), (2.0, 'a', 3), (2, 3, None), (True, True, 2), (2, 100, 2**70), (-2, 3, 7), (2, 3, -7), (0, 0, 1),
             (5, -2, 7), (2**100, 2**100, 10**9 + 7)):
    C('pow', *args)
C('pow', base=2, exp=3)
C('pow', 2, exp=3, mod=5)
C('pow', 2, 3, mod=None)
C('pow')
C('pow', 1)
C('pow', 1, 2, 3, 4)
C('pow', 2, 3, base=4)
C('pow', 2, 3, z=1)
C('pow', exp=2)
C('pow', base=2)
C('pow', base=1, exp=2, mod=3, x=4)
C('pow', 2, 3, 5, mod=1)
for args in ((2.5,), (3.5,), (-2.5,), (0.5,), (-0.5,), (-0.4, 0), (2.675, 2), (1e300, -300), (25, -1), (35, -1), (-25, -1),
             (15, -1), (True,), (True, 1), (5, None), (1.5, None), (INF,), (NAN,), (INF, 2), (NAN, 0),
             (123456789012345678901234567890, -5), (2**70,), (2**70, 3), (-2**70, -20), (1, -2**10), (1.5, 2**70),
             (1.5, -2**70), (1.5, 'a'), (1, 1.5), ('a',), (None,), ([1],), (0.125, 2), (2.5, 0)):
    C('round', *args)
C('round')
C('round', 1, 2, 3)
C('round', number=1.5)
C('round', 1.5, ndigits=1)
C('round', 1.5, x=1)
C('round', ndigits=2)
C('round', 1.5, number=2)
for f in ('hex', 'oct', 'bin'):
    for x in (255, -255, 0, 1, -1, 2**47, -2**47, 2**80, -2**80, True, False, 1.5, 'a', None):
        C(f, x)
    C(f)
    C(f, 1, 2)
    C(f, x=1)
for args in ((1.5,), (1.5, ''), (255, 'x'), (255, '#010b'), ('a', '^5'), ([1],), ([1], ''), ([1], 'x'), (None,), (1, 2),
             (True, 'd'), (True, ''), (1234567, ','), (1e100, '.3e'), (2**100, 'x'), (1, 'z')):
    C('format', *args)
C('format')
C('format', 1, 2, 3)
C('format', value=1)
C('format', 1, format_spec='x')

# ---- iteration
group = 'iter'
CASES[group] = []
for x in ([1, 2, 3], 'ab', range(3), (), 1, None):
    C('iter', x)
C('iter')
C('iter', 1, 2, 3)
C('iter', x=1)
C('iter', 1, 2)
C('iter', Attr([1, 2, 3, 4], 'pop'), 2)
C('iter', Attr([1, 2], 'pop'), 9)
C('iter', Attr([1.0, 2, 3], 'pop'), 1)
C('iter', Fn('len'), 1)
C('next', It([1, 2]))
C('next', It([]))
C('next', It([]), 5)
C('next', It([1]), 5)
C('next', It('é'))
C('next', It(range(5, 9)))
C('next', 1)
C('next', [1])
C('next')
C('next', 1, 2, 3)
C('next', x=1)
C('next', It([1]), default=2)
for f in ('any', 'all'):
    for x in ([], [0, 0], [0, 1], [1, 2], '', 'a', [[], ()], It([1, 0, 1]), range(0, 3), 1, None):
        C(f, x)
    C(f)
    C(f, 1, 2)
    C(f, x=1)
C('any', [1, Fn('len')])
for args in (([],), ('abc',), ('abc', 5), ('ab', -1), ('ab', 2**47 - 1), ('ab', -2**47 - 1), ('ab', 2**70), ('ab', True),
             ([], 'a'), (1,), (1, 'a'), ([], 1.5), ([], 1, 2), (It([7, 8]), 0)):
    C('enumerate', *args)
C('enumerate')
C('enumerate', [], x=1)
C('enumerate', [], start='a')
C('enumerate', iterable=[1], start=5)
C('enumerate', start=5, iterable=[1])
C('enumerate', start=5, x=[1])
C('enumerate', x=5, iterable=[1])
C('enumerate', iterable=[1], x=5)
C('enumerate', [1], iterable=5)
C('enumerate', [1], 2, x=3)
C('enumerate', start=3)
C('enumerate', iterable='ab')
C('enumerate', 'ab', start=10)
C('enumerate', a=1, b=2, c=3)
C('enumerate', [Fn('abs')], [])
for args in ((), ([1, 2], [3, 4]), ('ab', range(5)), ([1, 2], 'a'), ([1, 2, 3],), (1,), ([], 1), ([], [], [])):
    C('zip', *args)
C('zip', [], strict=1, x=2)
C('zip', [], x=1)
C('zip', strict=True)
C('zip', strict=0)
C('zip', [1, 2], strict=True)
C('zip', [1, 2], [3, 4], strict=True)
C('zip', [1], [1, 2], strict=True)
C('zip', [1, 2], [1], strict=True)
C('zip', [1, 2], [1], [2], strict=True)
C('zip', [1, 2], [1, 2], [2], strict=True)
C('zip', [1, 2], [1, 2], [2, 3, 4], strict=True)
C('zip', [1], [], strict=True)
C('zip', [], [1], [2], strict=True)
C('zip', [], [], [2], strict=True)
C('zip', [1, 2], [3], strict=False)
C('zip', [1], [2], strict=None)
C('zip', [1], 5, strict=True)
for args in ((Fn('abs'), [-1, 2]), (Fn('pow'), [2, 3], [3, 2]), (Fn('pow'), [2, 3], [3, 2, 1]), (Fn('int'), ['1', 'x', '3']),
             (Fn('len'), [[1], 'ab', ()]), (Fn('abs'),), (), (Fn('abs'), 1), (Fn('abs'), [], 1), (1, [1]), (Fn('str'), range(3))):
    C('map', *args)
C('map', Fn('abs'), [], x=1)
for args in ((None, [0, 1, '', 2, [], [3]]), (Fn('bool'), [0, 1]), (Fn('abs'), [0, -1, 2]), (None, 1), (None,), (None, [], 3),
             (Fn('len'), [1]), (Fn('len'), ['', 'a', []]), (1, [1]), (Fn('int'), ['0', '1', 'x'])):
    C('filter', *args)
C('filter')
C('filter', None, [], x=1)

# ---- reflection
group = 'reflect'
CASES[group] = []
for x, cls in ((True, Fn('int')), (1, Fn('bool')), (1, ()), (1, (Fn('str'), (Fn('float'), (Fn('int'),)))), (1, (Fn('int'), 1)),
               (1, (Fn('str'), 1)), (1, 1), (1.5, Fn('float')), (1.5, Fn('int')), ('a', (Fn('list'), Fn('tuple'))), ([], Fn('list')),
               (None, Fn('NoneType')), (Fn('int'), Fn('type')), (Fn('ValueError'), Fn('type')), (2**70, Fn('int')),
               (1, Fn('object')), (Fn('len'), Fn('builtin_function_or_method')), (It([]), Fn('list_iterator')), (1, None),
               (1, [Fn('int')])):
    C('isinstance', x, cls)
C('isinstance')
C('isinstance', 1)
C('isinstance', 1, Fn('int'), 3)
C('isinstance', 1, Fn('int'), x=2)
for d, cls in ((Fn('bool'), Fn('int')), (Fn('int'), Fn('bool')), (Fn('bool'), ()), (Fn('bool'), (Fn('str'), (Fn('int'),))),
               (1, ()), (1, Fn('int')), (Fn('int'), 1), (Fn('int'), (Fn('int'), 1)), (Fn('bool'), (Fn('str'), 1)),
               (Fn('ValueError'), Fn('Exception')), (Fn('KeyError'), (Fn('TypeError'), Fn('LookupError'))),
               (Fn('int'), Fn('object')), (1, 2), (Fn('int'), Fn('int')), (Fn('type'), Fn('object')), (Fn('object'), Fn('type'))):
    C('issubclass', d, cls)
C('issubclass')
C('issubclass', Fn('int'), x=1)
for x in (Fn('len'), 1, Fn('int'), Attr([], 'append'), 'a', None, Fn('ValueError'), It([])):
    C('callable', x)
C('callable')
C('callable', 1, 2)
# hash(nan) is the object's identity hash since 3.10: not a fixture.
for x in (1, -1, 0, 2**47, -2**47, 2**61 - 1, 2**61, -2**61, 2**70, -2**70, 1.5, -1.5, -0.0, 0.5, 1e300, INF, -INF,
          (), (1, 2), ((1, 2), 3.5), True, False, None is None, [], {}, (1, []), 2**64 + 1):
    C('hash', x)
C('hash')
C('hash', 1, 2)
for args in ((1, 'real'), (1, 'x', None), (1, 'x'), (1, 2), (1, 'x', 2, 3), (1.5, 'imag'), (Fn('int'), '__name__'),
             (Fn('int'), 'nope'), ([], 'append'), ([], 'nope', 7), (1, 2, 3)):
    C('getattr', *args)
C('getattr')
C('getattr', 1)
C('getattr', 1, 'x', default=3)
for args in ((1, 'real'), ([], 'nope'), ([], 'append'), (1, 2), (Fn('int'), '__name__'), (Fn('int'), 'nope'), (None, 'x')):
    C('hasattr', *args)
C('hasattr')
C('hasattr', 1)
for args in ((1, 'x', 2), (1, 2, 3), (1, 'x'), ([], 'append', 1)):
    C('setattr', *args)
C('setattr')
for args in ((1, 'x'), (1, 2), (1,), ([], 'append')):
    C('delattr', *args)

# ---- constructors
group = 'types'
CASES[group] = []
for x in (0, 1, -1, 2**70, [], [0], '', 'a', 0.0, -0.0, NAN, None, range(0), range(2), (), (0,), 0.5, True, False):
    C('bool', x)
C('bool')
C('bool', 1, 2)
C('bool', x=1)
C('object', 1)
C('object', x=1)
C('object')
for t in ('NoneType', 'NotImplementedType', 'ellipsis'):
    C(t)
    C(t, 1)
    C(t, x=1)
for t in ('list_iterator', 'range_iterator', 'builtin_function_or_method'):
    C(t)

# ---- site: exit() and quit()
group = 'site'
CASES[group] = []
for f in ('exit', 'quit'):
    for args, kw in (((), {}), ((3,), {}), (('bye',), {}), ((None,), {}), ((), {'code': 4}), ((1, 2), {}), ((), {'x': 1}),
                     ((1,), {'code': 2}), ((1, 2), {'x': 1}), ((), {'code': 2, 'x': 1}), ((1, 2), {'code': 1})):
        C(f, *args, **kw)

out = 'tests/native/fixtures/bi-cases.json'
with open(out, 'w') as f:
    groups = [f'"{k}": [\n' + ',\n'.join(json.dumps(c, ensure_ascii=False, allow_nan=False) for c in v) + '\n]' for k, v in CASES.items()]
    f.write('{\n' + ',\n'.join(groups) + '\n}\n')
print(f'wrote {out}: ' + ', '.join(f'{k} {len(v)}' for k, v in CASES.items()))
