# Comparison script for runtime/lib/json: run once under CPython's json and once under
# edgepyc's (tests/pylib/run.sh compare json); the outputs must be identical.
# Ends with a seeded mutation fuzz of the decoder (it relies on random being bit-exact).
import json
import json.decoder
import json.encoder
import random


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except json.JSONDecodeError as e:
        print(label, 'JSONDecodeError', str(e), e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


# ---- encoding ----------------------------------------------------------------------
class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


values = [
    None, True, False, 0, -5, 2 ** 64, 1.5, -0.0, 1e16, 1e-7, 123456789.125, 1 / 3,
    float('inf'), float('-inf'), float('nan'), '', 'plain', 'quote " back \\ slash /',
    'ctl \x00\x01\x1f\x7f \b\f\n\r\t', 'é ü ß', '\u2028\u2029', '😀 𝄞', '\ud800 lone',
    [], [[]], {}, {'a': {}}, (1, (2, 3)), MyInt(7), MyFloat(2.5), MyStr('sub'),
    MyList([1, MyList([2])]), MyDict(x=MyDict()), [None, True, {'k': [1.0, 'v']}],
    {1: 1, 2.5: 2, None: 3, False: 4, 'str': 5}, {True: 'T'}, {-0.0: 'z'},
    {float('inf'): 1, float('nan'): 2},
]
for v in values:
    show('dumps', lambda: json.dumps(v))
    show('ascii=F', lambda: json.dumps(v, ensure_ascii=False))
    show('indent', lambda: json.dumps(v, indent=3))
    show('indent str', lambda: json.dumps(v, indent='--', separators=(' ,', ' : ')))

nested = {'b': [1, 2, {'d': None, 'c': [True, False]}], 'a': {'z': 1.25, 'y': []},
          'e': ({}, [[]])}
for kw in [{}, {'sort_keys': True}, {'indent': 0}, {'indent': -1}, {'indent': 2, 'sort_keys': True},
           {'separators': (',', ':')}, {'indent': '\t', 'separators': (',', '=')},
           {'indent': 4, 'separators': (', ', ': ')}]:
    show('nested %r' % sorted(kw.items()), lambda: json.dumps(nested, **kw))

show('skipkeys', lambda: json.dumps({(1,): 1, 'a': 2, (2,): 3, 'b': 4}, skipkeys=True))
show('skipkeys first', lambda: json.dumps({(1,): 1, 'a': 2}, skipkeys=True, indent=1))
show('skipkeys all', lambda: json.dumps({(1,): 1}, skipkeys=True))
show('bad key', lambda: json.dumps({(1,): 1}))
show('bad key obj', lambda: json.dumps({object: 1}))
show('sort mixed', lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
show('nan strict', lambda: json.dumps([1, float('nan')], allow_nan=False))
show('inf key strict', lambda: json.dumps({float('inf'): 1}, allow_nan=False))
show('set', lambda: json.dumps({1}))
show('bytes', lambda: json.dumps(b'x'))
show('complex in list', lambda: json.dumps([1, 1j]))
show('default', lambda: json.dumps({'s': {3, 1, 2}}, default=sorted))
show('default chain', lambda: json.dumps(1j, default=lambda o: {'re': o.real, 'im': o.imag}))

circular = []
circular.append(circular)
show('circular list', lambda: json.dumps(circular))
cdict = {}
cdict['self'] = cdict
show('circular dict', lambda: json.dumps(cdict))
show('circular default', lambda: json.dumps(object(), default=lambda o: [o]))
shared = [1]
show('shared not circular', lambda: json.dumps([shared, shared, {'x': shared}]))
show('no check_circular', lambda: json.dumps([shared, shared], check_circular=False))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


show('cls', lambda: json.dumps({'s': {2, 1}, 'c': 1 + 2j}, cls=SetEncoder))
show('cls fallback', lambda: json.dumps([object], cls=SetEncoder))
show('cls indent', lambda: json.dumps([{3, 4}], cls=SetEncoder, indent=1))
class RoundingEncoder(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        if isinstance(o, float):
            o = round(o, 2)
        return super().iterencode(o, _one_shot)


show('iterencode override', lambda: json.dumps(3.14159, cls=RoundingEncoder))
show('iterencode type', lambda: type(json.JSONEncoder().iterencode([1])).__name__)
show('iterencode list', lambda: list(json.JSONEncoder(indent=1).iterencode({'a': [1]})) and 'ok')
enc = json.JSONEncoder(sort_keys=True, separators=(',', ':'))
print('encoder attrs', enc.item_separator, enc.key_separator, enc.indent, enc.skipkeys,
      enc.ensure_ascii, enc.check_circular, enc.allow_nan, enc.sort_keys)
print('encoder attrs indent', repr(json.JSONEncoder(indent=2).item_separator),
      repr(json.JSONEncoder().item_separator), repr(json.JSONEncoder.key_separator))
print('iterencode', ''.join(enc.iterencode({'b': [1, 2], 'a': 'x'})), enc.encode('é'))
print('basestring', json.encoder.encode_basestring('a"\n\x7fé'),
      json.encoder.encode_basestring_ascii('a"\n\x7fé😀'))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


sink = Sink()
json.dump({'k': [1, 2, 'three']}, sink, indent=2)
print('dump', repr(''.join(sink.parts)))
sink = Sink()
json.dump([1, {'a': None}], sink)
print('dump default', repr(''.join(sink.parts)))

# ---- decoding ----------------------------------------------------------------------
docs = [
    '0', '-0', '-0.0', '1e5', '1E-5', '1e+05', '-12.5e2', '0.1', '123456789012345678901234567890',
    '1.7976931348623157e309', '-1e-400', '3.141592653589793238462643383279', '"\\u00e9\\u0041"',
    '"\\ud83d\\ude00"', '"\\ud83d"', '"\\ude00"', '"\\ud83d\\u0041"', '"\\ud83dx"', '"\\/\\b\\f\\n\\r\\t"',
    '"\\u0000"', '"\\uABCD\\uabcd"', ' \t\n\r[ 1 , 2 ]\r\n', '{"a" : 1 , "b":[ ] }', '[[[[]]]]',
    '{"":""}', '{"a":{"a":{"a":null}}}', 'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity',
    '[NaN,Infinity,-Infinity]', '"é😀"', '{"dup":1,"dup":2,"other":3,"dup":4}',
    # malformed
    '', ' ', '[', ']', '{', '}', '[1,]', '[,1]', '[1 2]', '[1,,2]', '{"a"}', '{"a":}', '{"a":1,}',
    '{"a":1 "b":2}', '{1:2}', "{'a':1}", '{"a":1}}', '[1]]', 'nul', 'nulll', 'tru', 'True', 'None',
    'nan', 'inf', '-', '--1', '-a', '+1', '.5', '1.', '1.e3', '01', '00', '-01', '1e', '1e+',
    '1e+a', '1E5x', '0x10', '"abc', '"\\', '"\\x"', '"\\u12"', '"\\u123"', '"\\u1234', '"\\uzzzz"',
    '"\\u12g4"', '"\\ud83d\\ude0"', '"\\ud83d\\u"', '"\\ud83d\\uzzzz"', '"\\ud83d\\x"',
    '"a\x01b"', '"tab\there"', '"nl\nhere"', '[1, "x\x1f"]', '{"a\x00": 1}', '\ufeff[1]',
    '[1]\n\n  x', '{\n"a": 1,\n"b" 2}', '\n\n\n  [1,\n  2,,]', '"\x7f"', 'Infinityx', '-Infinit',
    '[-]', '[- 1]', '[1e5e5]', '1 2', '"a" "b"',
]
for d in docs:
    show('loads %r' % d, lambda: json.loads(d))

show('strict=False', lambda: json.loads('"a\x01b\tc\nd"', strict=False))
show('strict=False key', lambda: json.loads('{"k\x00": "\x1f"}', strict=False))
show('object_hook', lambda: json.loads('{"a": {"b": 1}, "c": [{}]}', object_hook=lambda d: ('H', sorted(d))))
show('pairs_hook', lambda: json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
show('both hooks', lambda: json.loads('{"x": {"y": 1}}', object_hook=dict.keys, object_pairs_hook=tuple))
show('parse_float', lambda: json.loads('[1.0, 2, 3e2, -0.5]', parse_float=str))
show('parse_int', lambda: json.loads('[1.0, 2, -3, 0]', parse_int=lambda s: s + '!'))
show('parse_constant', lambda: json.loads('[NaN, Infinity, -Infinity, null]', parse_constant=str.lower))
show('parse_int float', lambda: json.loads('10', parse_int=float))
show('bytes', lambda: json.loads(b'{"a": [1, "\xc3\xa9"]}'))
show('bytearray', lambda: json.loads(bytearray(b'[true]')))
show('utf-8-sig', lambda: json.loads(b'\xef\xbb\xbf[2]'))
show('utf-16-le', lambda: json.loads('{"k": "é"}'.encode('utf-16-le')))
show('utf-16-be', lambda: json.loads('[1]'.encode('utf-16-be')))
show('utf-16', lambda: json.loads('"x"'.encode('utf-16')))
show('utf-32', lambda: json.loads('[3]'.encode('utf-32')))
show('utf-32-le', lambda: json.loads('[3]'.encode('utf-32-le')))
show('utf-16 short', lambda: json.loads('7'.encode('utf-16-le')))
show('not str', lambda: json.loads(5))
show('not str list', lambda: json.loads(['[]']))
show('kw passthrough', lambda: json.loads('"\x01"', strict=False))
print('detect', [json.detect_encoding(b) for b in [b'{}', b'\x00[', b'[\x00', b'\x00\x00\x00[',
                                                  b'[\x00\x00\x00', b'[\x00\x00\x00]', b'"a"']])

dec = json.JSONDecoder()
show('raw_decode', lambda: dec.raw_decode('[1, 2] trailing'))
show('raw_decode idx', lambda: dec.raw_decode('xx{"a": 1}yy', 2))
show('raw_decode ws', lambda: dec.raw_decode(' 1'))
show('raw_decode empty', lambda: dec.raw_decode(''))
show('scanstring', lambda: json.decoder.scanstring('"abc\\n" rest', 1))
show('scanstring err', lambda: json.decoder.scanstring('"abc', 1))
show('decode', lambda: dec.decode(' {"a": [1, 2.5, "x"]} '))


class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}


show('cls decoder', lambda: json.loads('{"a": {"b": 1}}', cls=MyDecoder))
show('cls decoder kw', lambda: json.loads('[1.5]', cls=MyDecoder, parse_float=lambda s: s))

err = None
try:
    json.loads('{\n  "a": 1,\n  "b": tru\n}')
except ValueError as e:
    err = e
print('error attrs', type(err).__name__, err.msg, err.pos, err.lineno, err.colno, repr(err.doc[:5]),
      err.args, isinstance(err, ValueError), json.decoder.JSONDecodeError is json.JSONDecodeError)
e2 = json.JSONDecodeError('custom', 'ab\ncd', 4)
print('error ctor', str(e2), e2.lineno, e2.colno, e2.__reduce__()[1])

# Nesting depth: one Python frame per level, as deep as CPython's C scanner/encoder.
for depth in (900, 1100):
    show('deep array %d' % depth, lambda: len(json.loads('[' * depth + ']' * depth)))
    show('deep object %d' % depth, lambda: len(json.loads('{"k":' * depth + '0' + '}' * depth)))
    nest = []
    for i in range(depth):
        nest = [nest] if i % 2 else {'d': nest}
    show('deep dumps %d' % depth, lambda: len(json.dumps(nest)))

# Round trips.
for obj in [nested, values[:20], {'deep': [[[[{'x': [1.5e-10, -2 ** 70]}]]]]}]:
    text = json.dumps(obj)
    print('round trip', json.loads(text) == json.loads(json.dumps(json.loads(text))), len(text))

# ---- seeded mutation fuzz of the decoder --------------------------------------------------
random.seed(20240607)
seeds = ['{"a": [1, 2.5e3, "x\\u00e9y", null, true], "b": {"c": false}}',
         '[-0.25, "\\ud83d\\ude00", {"k": [[]]}, 1E+2, NaN]', '"esc \\" \\\\ \\/ \\n"']
alphabet = '{}[]:,"\\ -+.eE0123456789aulnrtfsNIxy\n\x01'
for trial in range(600):
    doc = list(random.choice(seeds))
    for _ in range(random.randint(1, 3)):
        op = random.randrange(3)
        pos = random.randrange(len(doc) + 1)
        if op == 0 and doc:
            del doc[min(pos, len(doc) - 1)]
        elif op == 1:
            doc.insert(pos, random.choice(alphabet))
        elif doc:
            doc[min(pos, len(doc) - 1)] = random.choice(alphabet)
    text = ''.join(doc)
    try:
        result = repr(json.loads(text))
    except json.JSONDecodeError as e:
        result = 'error %s' % e
    except ValueError as e:
        result = 'ValueError %s' % e
    print('fuzz', trial, result)
