# The TypeErrors and ValueErrors of match statements, with CPython's messages; star
# patterns; a match error that is not caught ends the program with a traceback.
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

class P2:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class BadArgs:
    __match_args__ = ['x']

class NotStr:
    __match_args__ = ('x', 3)
    x = 1

def attempt(label, f):
    try:
        print(label, f())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)

def positional_on_plain():
    match Point(1, 2):
        case Point(a):
            return a

def too_many():
    match P2(1, 2):
        case P2(a, b, c):
            return a

def duplicate_attr():
    match P2(1, 2):
        case P2(a, x=b):
            return a

def not_a_type():
    t = 'str'
    match 'abc':
        case t():
            return 1

def list_args():
    match BadArgs():
        case BadArgs(a):
            return a

def non_str_args():
    match NotStr():
        case NotStr(a, b):
            return a

def int_two():
    match 5:
        case int(a, b):
            return a

def dup_key():
    k = 'a'
    class K:
        A = 'a'
    match {'a': 1, 'b': 2}:
        case {'a': 1, K.A: 2}:
            return 'dup'

def unhashable_key():
    class K:
        L = []
    match {'a': 1}:
        case {K.L: 1}:
            return 'x'

for label, f in [('plain', positional_on_plain), ('too many', too_many), ('dup attr', duplicate_attr),
                 ('not a type', not_a_type), ('list args', list_args), ('non-str', non_str_args),
                 ('int two', int_two), ('dup key', dup_key), ('unhashable', unhashable_key)]:
    attempt(label, f)

# Star patterns: at the start, middle and end; a star binding is a list.
for seq in [[], [1], [1, 2], [1, 2, 3, 4, 5], (9, 8, 7), range(4)]:
    match seq:
        case [*rest] if not rest:
            print(seq, 'empty', rest)
        case [x]:
            print(seq, 'one', x)
        case [first, *mid, last] if len(mid) > 1:
            print(seq, 'first', first, 'mid', mid, 'last', last)
        case [*init, last]:
            print(seq, 'init', init, 'last', last)
match [1, 2, 3]:
    case [1, *_, 3]:
        print('wildcard star')
match (1, [2, (3, 4)]):
    case (a, [b, (c, d) as inner]):
        print(a, b, c, d, inner)

# An uncaught error raised by a pattern: the traceback points at the case.
match Point(3, 4):
    case Point(x=3, y=4) if False:
        pass
    case Point(1, 2):
        print('unreachable')
