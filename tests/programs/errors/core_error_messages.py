def t(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
def f0(): pass
def f2(a, b): pass
def fkw(*, k): pass
def fdef(a, b=1, *, c, d=2): pass
class C:
    def m(self, x): pass
t(lambda: f0(1))
t(lambda: f2(1))
t(lambda: f2())
t(lambda: f2(1, 2, 3))
t(lambda: f2(1, b=2, c=3))
t(lambda: f2(1, a=2))
t(lambda: fkw(1))
t(lambda: fkw())
t(lambda: fdef())
t(lambda: fdef(1, 2, 3))
t(lambda: C().m())
t(lambda: C().m(1, 2))
t(lambda: C.m(1))
t(lambda: f2(*5))
t(lambda: f2(**5))
t(lambda: f2(**{1: 2}))
t(lambda: f2(1, **{'a': 2}))
t(lambda: (lambda: 0)(1))
t(lambda: None())
t(lambda: 5())
t(lambda: None.x)
t(lambda: None[0])
t(lambda: (1)[0])
t(lambda: [][0])
t(lambda: ()[1])
t(lambda: {}[[]])
t(lambda: {[]: 1})
t(lambda: len(5))
t(lambda: iter(5))
t(lambda: next(5))
t(lambda: next(iter([])))
t(lambda: 1 + 'a')
t(lambda: 'a' - 1)
t(lambda: -'a')
t(lambda: ~1.5)
t(lambda: 1 < 'a')
t(lambda: [] < ())
t(lambda: 1 / 0)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: 1.0 / 0)
t(lambda: divmod(1, 0))
t(lambda: int('x'))
t(lambda: float('x'))
t(lambda: [1, 2].index(3))
t(lambda: (1, 2).index(3))
t(lambda: 'abc'.index('z'))
t(lambda: [].pop())
t(lambda: {}.popitem())
t(lambda: set().pop())
t(lambda: [1].remove(2))
t(lambda: {1}.remove(2))
t(lambda: getattr(1, 'x'))
t(lambda: setattr(1, 'x', 2))
t(lambda: delattr(C(), 'x'))
t(lambda: C().x)
t(lambda: C.x)
t(lambda: type('X', (), {})().y)
t(lambda: object().__dict__)
t(lambda: hash([]))
t(lambda: hash({}))
t(lambda: {}.x)
t(lambda: isinstance(1, 1))
t(lambda: issubclass(1, int))
t(lambda: int.x)
import math
t(lambda: math.x)
t(lambda: [1][1.0])
t(lambda: 'a'[None])
t(lambda: 'a' * 'b')
t(lambda: [1] * 1.5)
t(lambda: print(end=5))
t(lambda: sorted([1, 'a']))
t(lambda: max([]))
t(lambda: min(1))
t(lambda: sum(['a', 'b']))
t(lambda: abs('a'))
t(lambda: round('a'))
t(lambda: ord('ab'))
t(lambda: chr(-1))
t(lambda: range(1.5))
t(lambda: list(1))
t(lambda: dict([1]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: a_b_c)
def unb():
    x += 1
t(unb)
def fr():
    def inner(): return y
    inner()
    y = 1
t(fr)
t(lambda: exec('x'))
t(lambda: [x for x in 5])
t(lambda: {**5})
t(lambda: [*5])
t(lambda: print(*5))
def g():
    yield 1
gen = g(); next(gen)
t(lambda: next(gen))
t(lambda: gen.send(1))
class It:
    def __iter__(self): return 5
t(lambda: iter(It()))
class Bad:
    def __len__(self): return -1
t(lambda: len(Bad()))
class Bad2:
    def __bool__(self): return 1
t(lambda: bool(Bad2()))
class Bad3:
    def __index__(self): return 'x'
t(lambda: [1][Bad3()])
class Bad4:
    def __str__(self): return 5
t(lambda: str(Bad4()))
class Bad5:
    def __repr__(self): return 5
t(lambda: repr(Bad5()))
class Bad6:
    def __hash__(self): return 'x'
t(lambda: hash(Bad6()))
t(lambda: object.__new__(int))
t(lambda: super(int, 'x'))
t(lambda: type.__new__(type, 'X', (1,), {}))
class NI:
    def __init__(self): return 5
t(lambda: NI())
class NoInitArgs: pass
t(lambda: NoInitArgs(1))
t(lambda: object(1))
t(lambda: slice(1, 2, 3)[0])
