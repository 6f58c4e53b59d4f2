# Sequence/Mapping patterns of match on collections.abc classes: __abc_tpflags__ in the
# ABCs' bodies, inheritance along first bases, and register() (abc.py -> _abcflags).
from collections.abc import Sequence, Mapping, MutableSequence
class S(Sequence):
    def __init__(self, *a): self.a = a
    def __len__(self): return len(self.a)
    def __getitem__(self, i): return self.a[i]
class M(Mapping):
    def __init__(self, **kw): self.d = kw
    def __len__(self): return len(self.d)
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
class P:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError(i)
        return 'p%d' % i
class Q(P): pass
class R: pass
def kind(v):
    match v:
        case {'k': x}: return 'map %r' % (x,)
        case {}: return 'map'
        case [a, b]: return 'seq2 %r %r' % (a, b)
        case [*_]: return 'seq'
        case _: return 'other ' + type(v).__name__
for v in [S(1, 2), S(1, 2, 3), M(k=5), M(), {'k': 1}, [1, 2], 'ab', b'ab', P(), Q(), R()]:
    print(kind(v))
Sequence.register(P)
MutableSequence.register(R)
print(kind(P()), kind(Q()), kind(R()) if hasattr(R, '__len__') else 'R has no len')
try:
    kind(R())
except TypeError as e:
    print('TypeError', e)
Mapping.register(R)
print(issubclass(R, Mapping), issubclass(Q, Sequence), isinstance(S(), Sequence))
class T(S, dict): pass
print(kind(T(1, 2)))
