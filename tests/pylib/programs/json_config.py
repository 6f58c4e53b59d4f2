# json: a config file round trip with pretty printing, custom encoding and decoding hooks.
import json


class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __repr__(self):
        return f'Version({self.major}, {self.minor})'


class ConfigEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Version):
            return {'__version__': [o.major, o.minor]}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


def decode_hook(d):
    if '__version__' in d:
        return Version(*d['__version__'])
    return d


config = {
    'name': 'edge "service"',
    'version': Version(2, 11),
    'ports': (8080, 8443),
    'features': {'tls', 'http2', 'gzip'},
    'limits': {'rps': 1500, 'burst': 2.5, 'timeout': None},
    'hosts': [{'host': 'a.example', 'weight': 0.75}, {'host': 'b.example', 'weight': 0.25}],
    'motd': 'Grüße\n\tfrom the edge ✓',
}
text = json.dumps(config, cls=ConfigEncoder, indent=2, sort_keys=True)
print(text)
back = json.loads(text, object_hook=decode_hook)
print(back['version'], back['ports'], back['features'], back['motd'] == config['motd'])
print(json.dumps(config, cls=ConfigEncoder, ensure_ascii=False, separators=(',', ':')))

# Decoding with pairs hook keeps duplicate keys; parse_float can keep exact text.
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"price": 19.90, "qty": 3}', parse_float=lambda s: ('text', s)))

# Error reports carry line and column.
broken = '{\n  "name": "x",\n  "tags": ["a" "b"]\n}'
try:
    json.loads(broken)
except json.JSONDecodeError as e:
    print(e)
    print(e.msg, e.lineno, e.colno, repr(broken.splitlines()[e.lineno - 1]))
for bad in ['[1, 2', '{"a": 1,}', '"\\q"', '"\x07"', 'truth', '[1] [2]', '"\\ud800\\uXYZW"']:
    try:
        json.loads(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    json.dumps({'k': Version(1, 0)})
except TypeError as e:
    print('TypeError', e)
loop = {'a': []}
loop['a'].append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)
