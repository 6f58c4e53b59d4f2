class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
def m(v):
    match v:
        case 0 | 1 as small: return f'small {small}'
        case int(n) if n < 0: return f'neg {n}'
        case str() as s: return f'str {s}'
        case [1, *rest]: return f'list1 {rest}'
        case (a, b): return f'pair {a} {b}'
        case {'k': val, **others}: return f'map {val} {others}'
        case Point(0, y=yy): return f'pt0 {yy}'
        case Point(x, y) if x == y: return f'diag {x}'
        case Point(): return 'point'
        case None: return 'none'
        case True: return 'true?'
        case float(): return 'float'
        case _: return 'other'
for v in [0, 1, -5, 'hi', [1, 2, 3], (4, 5), {'k': 1, 'j': 2}, Point(0, 3), Point(2, 2), Point(1, 2), None, 3.5, True, 7, [1], (1,)]:
    print(repr(v) if not isinstance(v, Point) else 'P', '->', m(v))
from collections import UserDict
class D(dict): pass
match D(a=1):
    case {'a': 1}: print('dict subclass matched')
import collections.abc
class MyMap:
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
    def keys(self): return self.d.keys()
    def get(self, k, default=None): return self.d.get(k, default)
collections.abc.Mapping.register(MyMap)
match MyMap({'z': 26}):
    case {'z': z}: print('registered mapping', z)
    case _: print('not a mapping')
class Seq(collections.abc.Sequence):
    def __getitem__(self, i): return [10, 20][i]
    def __len__(self): return 2
match Seq():
    case [a, b]: print('seq', a, b)
match 'abc':
    case [*_]: print('str is sequence?')
    case _: print('str not sequence')
try:
    match Point(1, 2):
        case Point(1, 2, 3): pass
except TypeError as e:
    print(e)
match 5:
    case int(x): print('int self-match', x)
def val():
    class C: A = 1
    match 1:
        case C.A: return 'dotted'
print(val())
