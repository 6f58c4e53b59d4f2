"""Behaviour of functools, printed for comparison (see run.sh compare)."""
import functools
from functools import (reduce, partial, partialmethod, wraps, update_wrapper, lru_cache, cache,
                       cached_property, total_ordering, cmp_to_key, singledispatch,
                       singledispatchmethod)
import operator


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


show('reduce', lambda: (reduce(operator.add, [1, 2, 3]), reduce(operator.add, [], 7), reduce(max, 'abc')))
show('reduce empty', lambda: reduce(operator.add, []))
show('reduce not iterable', lambda: reduce(operator.add, 5))
show('reduce kw initial', lambda: reduce(operator.add, [1], initial=2))
p = partial(pow, 2)
show('partial', lambda: (p(10), p.func is pow, p.args, p.keywords, repr(p)))
show('partial kw repr', lambda: repr(partial(sorted, reverse=True)))
show('partial nested', lambda: repr(partial(partial(max, 1, key=abs), 2, default=0)))
show('partial call kw override', lambda: partial(int, base=2)('11', base=10))
show('partial not callable', lambda: partial(3))
show('partial none', lambda: partial())


class MyPartial(partial):
    pass


show('partial subclass repr', lambda: repr(MyPartial(max, 1)))


class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state):
        self._alive = bool(state)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


c = Cell()
c.set_alive()
show('partialmethod', lambda: c._alive)
c.set_dead()
show('partialmethod 2', lambda: c._alive)


def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner


@deco
def documented(a, b=2):
    """Docs here."""
    return a + b


documented.extra = 1
show('wraps', lambda: (documented.__name__, documented.__doc__, documented.__qualname__,
                       documented.__wrapped__.__name__, documented(1), documented.__module__))


def wrapper2():
    pass


def target():
    """T."""


target.attr = 'x'
update_wrapper(wrapper2, target, assigned=('__doc__',), updated=('__dict__',))
show('update_wrapper', lambda: (wrapper2.__name__, wrapper2.__doc__, wrapper2.attr))
show('WRAPPER consts', lambda: (functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES))

calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    sq(v)
show('lru order', lambda: (calls, sq.cache_info(), sq.cache_parameters()))
sq.cache_clear()
show('lru clear', lambda: sq.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


show('typed', lambda: (typed(1), typed(1.0), typed(True), typed.cache_info()))


@lru_cache
def kw(a, b=1):
    return a + b


show('kw keys', lambda: (kw(1), kw(1, 1), kw(1, b=1), kw(a=1, b=1), kw(b=1, a=1), kw.cache_info()))
show('lru unhashable', lambda: kw([1]))
show('lru bad arg', lambda: lru_cache('x'))
show('lru zero', lambda: (lru_cache(0)(abs)(-1), lru_cache(0)(abs).cache_info()))
show('lru negative', lambda: lru_cache(-5)(abs).cache_info())


@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


show('cache', lambda: (fact(20), fact.cache_info()))


class Lazy:
    def __init__(self):
        self.n = 0

    @cached_property
    def value(self):
        """The value."""
        self.n += 1
        return self.n * 10


lz = Lazy()
show('cached_property', lambda: (lz.value, lz.value, lz.n, Lazy.value.__doc__, Lazy.value.attrname))
del lz.value
show('cached_property reset', lambda: (lz.value, lz.n))


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __gt__(self, o):
        return self.v > o.v


show('total_ordering gt', lambda: (V(1) < V(2), V(2) <= V(2), V(3) >= V(4), sorted([V(3), V(1)])[0].v,
                                   V.__lt__.__name__))


@total_ordering
class W:
    def __init__(self, v):
        self.v = v

    def __le__(self, o):
        if not isinstance(o, W):
            return NotImplemented
        return self.v <= o.v


show('total_ordering le', lambda: (W(1) < W(2), W(2) > W(1), W(1) >= W(1)))
show('total_ordering NotImplemented', lambda: W(1) < 3)
show('total_ordering none', lambda: total_ordering(type('Z', (), {})))
show('cmp_to_key', lambda: sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: a - b)
show('cmp_to_key ops', lambda: (K(1) < K(2), K(1) == K(1), K(2) >= K(3), K(1).obj))
show('cmp_to_key bad', lambda: K(1) < 2)
show('cmp_to_key hash', lambda: hash(K(1)))


@singledispatch
def fmt(x):
    return 'obj'


@fmt.register
def _(x: int):
    return 'int'


@fmt.register(float)
@fmt.register(complex)
def _(x):
    return 'number'


@fmt.register(list)
def _(x):
    return 'list:' + ','.join(fmt(i) for i in x)


fmt.register(str, lambda x: 'str')
show('singledispatch', lambda: (fmt(1), fmt(True), fmt(1.5), fmt(2j), fmt([1, 'a', None]), fmt('s'), fmt(None)))
show('dispatch', lambda: (fmt.dispatch(bool) is fmt.dispatch(int), fmt.dispatch(object).__name__))
show('registry keys', lambda: sorted(k.__name__ for k in fmt.registry))
show('singledispatch no args', lambda: fmt())
show('register bad', lambda: fmt.register(3, lambda x: x))
try:
    fmt.register(lambda x: x)
except TypeError as exc:
    print('register no annotation !!', str(exc).split(':')[0], str(exc).split('.')[-2][-20:])

import collections.abc as cabc


@singledispatch
def kind(x):
    return 'other'


@kind.register(cabc.Sequence)
def _(x):
    return 'sequence'


@kind.register(cabc.Mapping)
def _(x):
    return 'mapping'


show('dispatch abc', lambda: (kind([]), kind(()), kind({}), kind(3), kind('s')))


@kind.register(int | float)
def _(x):
    return 'real'


show('dispatch union', lambda: (kind(1), kind(1.0)))


class Shape:
    @singledispatchmethod
    def area(self, arg):
        return 'base'

    @area.register
    def _(self, arg: int):
        return 'int %d' % arg


show('singledispatchmethod', lambda: (Shape().area(3), Shape().area('x')))
show('__all__', lambda: sorted(functools.__all__))
