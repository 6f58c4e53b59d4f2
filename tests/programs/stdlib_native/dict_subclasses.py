# Subclasses of dict: instance attributes, __missing__, overridden methods, dict behaviour.
class DD(dict):
    def __init__(self, factory=None, /, *args, **kwargs):
        self.factory = factory
        dict.__init__(self, *args, **kwargs)
    def __missing__(self, key):
        if self.factory is None:
            raise KeyError(key)
        v = self[key] = self.factory()
        return v
    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.factory, dict.__repr__(self))
d = DD(list, a=1)
d['x'].append(3)
d['x'].append(4)
print(d, len(d), d['a'], isinstance(d, dict), type(d).__name__)
print(sorted(d.items()), d.get('nope'), 'x' in d, d == {'a': 1, 'x': [3, 4]})
e = DD()
try:
    e['k']
except KeyError as ex:
    print('KeyError', ex)
class Counted(dict):
    def __missing__(self, key):
        return 0
c = Counted()
for ch in 'hello':
    c[ch] = c[ch] + 1
print(c, c.factory if hasattr(c, 'factory') else 'no factory')
c.note = 'n'
print(c.note, vars(c), c.__dict__)
class Ordered(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 10)
o = Ordered()
o['z'] = 1
o.update(y=2)
print(o, dict(o), list(o))
class Sub(DD): pass
s = Sub(int)
s['q'] += 5
print(s, type(s).__mro__)
try:
    class Bad(dict, Exception): pass
except TypeError as ex:
    print('TypeError', ex)
print(d.pop('a'), d.setdefault('n', 9), d)
import json
print(json.dumps(Counted(a=1)))
