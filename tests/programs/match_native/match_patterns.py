# match statements compiled natively: literal, capture, wildcard, value, sequence, mapping,
# class (positional through __match_args__ and keyword), or-, as-patterns and guards.
import math

class Color:
    RED = 'red'
    GREEN = 'green'

class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def describe(v):
    match v:
        case None:
            return 'none'
        case True:
            return 'true'
        case 0 | 0.0:
            return 'zero'
        case -1:
            return 'minus one'
        case 'hello' | 'hi':
            return 'greeting'
        case Color.RED:
            return 'the red constant'
        case math.pi:
            return 'pi'
        case int(n) if n > 100:
            return f'big int {n}'
        case int() | float() as num:
            return f'number {num!r}'
        case str(s):
            return f'str of length {len(s)}'
        case []:
            return 'empty sequence'
        case [x]:
            return f'one item {x}'
        case [x, y] if x == y:
            return f'pair of equal {x}'
        case (a, b):
            return f'pair {a} {b}'
        case [_, _, _]:
            return 'three things'
        case {'kind': 'circle', 'r': r}:
            return f'circle r={r}'
        case {'kind': k, **rest} if rest:
            return f'kind {k} with {sorted(rest.items())}'
        case {}:
            return 'some mapping'
        case Point3(x, y, z=0):
            return f'flat point3 {x},{y}'
        case Point3(x, y, z):
            return f'point3 {x},{y},{z}'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=yy):
            return f'on the y axis at {yy}'
        case Point(x, y) as p if x == y:
            return f'diagonal {p.x}'
        case Point():
            return 'some point'
        case _:
            return f'other {type(v).__name__}'

for v in [None, True, False, 0, 0.0, -1, 'hello', 'hi', 'red', math.pi, 7, 1000, 2.5, 'abc',
          [], (), [1], (2,), [3, 3], [3, 4], (5, 6), [1, 2, 3], 'xy', range(2), range(3),
          {'kind': 'circle', 'r': 2}, {'kind': 'square', 'side': 3, 'color': 'red'}, {'kind': 'x'}, {},
          Point3(1, 2, 0), Point3(1, 2, 3), Point(0, 0), Point(0, 5), Point(4, 4), Point(1, 2), object(), {1, 2}]:
    label = repr(v) if isinstance(v, (int, float, str, list, tuple, dict, range, type(None))) else type(v).__name__
    print(label, '->', describe(v))

# Builtin types match themselves with one positional sub-pattern, subclasses too.
for v in [5, 'text', 1.5, [1, 2], (3,), {'a': 1}, {9}, frozenset([8]), True]:
    match v:
        case bool(b):
            print('bool', b)
        case int(i):
            print('int', i, type(i).__name__)
        case str(s) | bytes(s):
            print('str/bytes', s)
        case float(f):
            print('float', f)
        case list(l) | tuple(l):
            print('list/tuple', l, type(l).__name__)
        case dict(d):
            print('dict', d)
        case set(s) | frozenset(s):
            print('set', sorted(s))

# Mapping patterns: the rest dict is a new dict.
src = {'x': 1, 'y': 2}
match src:
    case {'x': 1, **rest}:
        rest['new'] = 3
        print(rest, src)
match {1: 'int key', 2: 'two'}:
    case {1.0: v}:
        print('float key found int key:', v)

# Strings, bytes and iterators do not match sequence patterns.
for v in ['ab', iter([1, 2]), {1: 2}]:
    match v:
        case [a, b]:
            print('sequence', a, b)
        case _:
            print('not a sequence:', type(v).__name__)

# Nested patterns and bindings.
def nested(cmd):
    match cmd:
        case ['go', ('north' | 'south') as direction]:
            return f'go {direction}'
        case ['pick', [Point(x=px), Point(y=py)]]:
            return f'pick {px} {py}'
        case {'action': 'move', 'to': {'x': int(x), 'y': int(y)}}:
            return f'move {x} {y}'
        case _:
            return 'unknown'
print(nested(['go', 'north']), nested(['go', 'east']))
print(nested(['pick', [Point(1, 2), Point(3, 4)]]))
print(nested({'action': 'move', 'to': {'x': 1, 'y': 2}}), nested({'action': 'move', 'to': {'x': 1, 'y': 'a'}}))

# Guards see the bindings; a failing guard moves on to the next case.
for n in range(6):
    match n:
        case x if x % 2 == 0 and x > 2:
            print(n, 'even above two')
        case x if x % 2 == 0:
            print(n, 'even')
        case _:
            print(n, 'odd')

# Attributes that raise AttributeError mean no match; other errors propagate.
class Lazy:
    __match_args__ = ('missing',)
match Lazy():
    case Lazy(1):
        print('no')
    case Lazy():
        print('missing attribute: no match')
class Boom:
    __match_args__ = ('v',)
    @property
    def v(self):
        raise KeyError('inside property')
try:
    match Boom():
        case Boom(1):
            pass
except KeyError as e:
    print('KeyError', e)

# The subject is evaluated once.
def subject():
    print('subject evaluated')
    return [1, 2]
match subject():
    case [1]:
        pass
    case [1, 2]:
        print('two items')
