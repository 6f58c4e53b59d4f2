"""Behaviour of collections (deque, defaultdict, OrderedDict, Counter, namedtuple,
ChainMap, UserDict/UserList/UserString) and collections.abc, printed for comparison:
run once under CPython's modules and once with runtime/lib shadowing them (run.sh)."""
import collections
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
from collections import UserDict, UserList, UserString
import collections.abc as cabc


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


# deque
d = deque(range(5))
show('deque', lambda: d)
show('deque maxlen', lambda: deque('abcdef', maxlen=3))
show('deque maxlen 0', lambda: deque([1, 2], maxlen=0))
show('deque neg maxlen', lambda: deque(maxlen=-1))
show('deque bad maxlen', lambda: deque(maxlen='x'))
for n in (-7, -2, -1, 0, 1, 2, 3, 40, 41):
    e = deque(range(10))
    e.rotate(n)
    print('rotate', n, list(e))
e = deque(range(100))
e.rotate(37)
print(list(e)[:5], e[0], e[-1], e[50])
e.rotate(-70)
print(list(e)[:5])
e = deque()
for i in range(20):
    if i % 3:
        e.appendleft(i)
    else:
        e.append(i)
print(list(e), e.pop(), e.popleft(), len(e), e[3], e[-3])
while e:
    e.pop()
show('pop empty', lambda: deque().pop())
show('popleft empty', lambda: deque().popleft())
show('index', lambda: deque('abcb').index('b'))
show('index start', lambda: deque('abcb').index('b', 2))
show('index missing', lambda: deque('abc').index('z'))
show('index range', lambda: deque('abcb').index('b', 0, 1))
f = deque([1, 2, 3, 2])
f.remove(2)
show('remove', lambda: f)
show('remove missing', lambda: f.remove(9))
f.insert(1, 'x')
f.insert(-1, 'y')
f.insert(100, 'z')
show('insert', lambda: f)
show('insert full', lambda: deque([1], maxlen=1).insert(0, 2))
show('getitem slice', lambda: deque([1])[0:1])
show('getitem str', lambda: deque([1])['a'])
show('getitem out', lambda: deque([1])[1])
show('getitem neg out', lambda: deque([1])[-2])
g = deque('abcdef')
del g[2]
g[0] = 'A'
g[-1] = 'F'
show('del/set', lambda: g)
show('count', lambda: deque('banana').count('a'))
show('contains', lambda: ('n' in deque('banana'), 'z' in deque('banana')))
show('reversed', lambda: list(reversed(deque(range(4)))))
h = deque(range(3))
h.reverse()
show('reverse', lambda: h)
h.extendleft('xy')
show('extendleft', lambda: h)
h.extend(h)
show('extend self', lambda: h)
m = deque([1, 2], maxlen=3)
m.extendleft([7, 8, 9])
show('extendleft maxlen', lambda: m)
m.extend(range(10))
show('extend maxlen', lambda: m)
m.appendleft('L')
show('appendleft maxlen', lambda: m)
show('add', lambda: deque([1]) + deque([2]))
show('add list', lambda: deque([1]) + [2])
show('mul', lambda: deque([1, 2]) * 3)
show('rmul', lambda: 2 * deque([1, 2], maxlen=3))
show('mul 0', lambda: deque([1, 2]) * 0)
i = deque([1, 2])
i += [3]
i *= 2
show('iadd imul', lambda: i)
show('eq', lambda: (deque([1]) == deque([1]), deque([1]) == [1], deque([1]) != deque([2])))
show('lt', lambda: (deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 9])))
show('bool', lambda: (bool(deque()), bool(deque([0]))))
show('copy', lambda: deque([1, 2], maxlen=5).copy())
show('maxlen attr', lambda: (deque().maxlen, deque(maxlen=4).maxlen))
r = deque()
r.append(r)
show('recursive repr', lambda: r)
k = deque([1, 2, 3])
try:
    for x in k:
        k.append(x)
except RuntimeError as exc:
    print('RuntimeError', exc)
k = deque([1, 2, 3])
try:
    for x in k:
        if x == 3:
            k.pop()
except RuntimeError as exc:
    print('RuntimeError at end', exc)
show('clear', lambda: (k.clear(), k)[1])
show('deque[int]', lambda: deque[int])
show('isinstance seq', lambda: (isinstance(deque(), cabc.MutableSequence), isinstance(deque(), cabc.Sequence)))

# defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['b']
show('defaultdict', lambda: dd)
show('dd repr lambda', lambda: repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda> at'))
show('dd none', lambda: defaultdict(None, a=1))
show('dd missing no factory', lambda: defaultdict()['x'])
show('dd bad factory', lambda: defaultdict(5))
show('dd copy', lambda: dd.copy())
show('dd or', lambda: defaultdict(int, a=1) | {'b': 2})
show('dd ror', lambda: {'b': 2} | defaultdict(int, a=1))
show('dd get', lambda: (dd.get('zz'), 'zz' in dd))
show('dd factory attr', lambda: dd.default_factory)
dd2 = defaultdict(int)
dd2['x'] += 5
show('dd eq dict', lambda: dd2 == {'x': 5})
dd3 = defaultdict(list)
dd3['self'] = dd3
show('dd recursive', lambda: dd3)

# OrderedDict
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('d', last=False)
show('od', lambda: od)
show('od keys', lambda: od.keys())
show('od values', lambda: OrderedDict(a=1, b=2).values())
show('od items', lambda: OrderedDict(a=1, b=2).items())
show('od reversed keys', lambda: list(reversed(od.keys())))
show('od reversed items', lambda: list(reversed(OrderedDict(a=1, b=2).items())))
show('od empty', lambda: OrderedDict())
show('od popitem', lambda: (od.popitem(), od.popitem(False), od))
show('od popitem empty', lambda: OrderedDict().popitem())
show('od move missing', lambda: OrderedDict().move_to_end('x'))
show('od eq', lambda: (OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1),
                       OrderedDict(a=1, b=2) == {'b': 2, 'a': 1},
                       OrderedDict(a=1) != OrderedDict(a=1)))
show('od or', lambda: OrderedDict(a=1) | OrderedDict(b=2))
show('od ror', lambda: {'z': 0} | OrderedDict(a=1))
o2 = OrderedDict(a=1)
o2 |= {'c': 3}
o2.update([('d', 4)], e=5)
show('od ior update', lambda: o2)
show('od setdefault', lambda: (o2.setdefault('a', 9), o2.setdefault('f', 6), list(o2)))
show('od copy', lambda: o2.copy())
show('od keys set ops', lambda: sorted(OrderedDict(a=1, b=2).keys() & {'b', 'c'}))
o3 = OrderedDict()
o3['me'] = o3
show('od recursive', lambda: o3)


class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated(a=1, b=2)
lu['a'] = 3
lu.update({'b': 4})
show('od subclass setitem', lambda: lu)
show('od bad pairs', lambda: LastUpdated([(1, 2, 3)]))

# Counter
c = Counter('abracadabra')
show('counter', lambda: c)
show('most_common', lambda: (c.most_common(), c.most_common(0), c.most_common(-1), c.most_common(3)))
show('elements', lambda: sorted(c.elements()))
show('total', lambda: c.total())
show('missing', lambda: c['zzz'])
c2 = Counter(a=3, b=-2, c=0)
show('counter ops', lambda: (c2 + Counter(b=5), c2 - Counter(a=1, d=-4), c2 | Counter(c=2), c2 & Counter(a=2, b=1)))
show('unary', lambda: (+c2, -c2))
c3 = Counter(a=1)
c3 += Counter(a=2, b=-1)
show('iadd', lambda: c3)
c3 -= Counter(a=5)
show('isub', lambda: c3)
c4 = Counter(a=1, b=3)
c4 |= Counter(a=4, c=-1)
show('ior', lambda: c4)
c4 &= Counter(a=2, b=9)
show('iand', lambda: c4)
c5 = Counter()
c5.update('aab', b=3)
c5.update({'a': 10})
c5.subtract('a', c=2)
c5.subtract({'b': 1})
show('update/subtract', lambda: c5)
show('counter cmp', lambda: (Counter(a=1) <= Counter(a=1, b=1), Counter(a=1) < Counter(a=1),
                             Counter(a=2) >= Counter(a=1), Counter(a=0) == Counter(),
                             Counter(a=1) != Counter(a=1)))
show('counter vs dict', lambda: Counter(a=1) == {'a': 1})
show('fromkeys', lambda: Counter.fromkeys('ab'))
show('counter unorderable', lambda: Counter({'a': 1, 'b': 'x'}))
show('counter empty', lambda: Counter())
del c5['zz']
show('counter del missing', lambda: c5)
show('counter copy', lambda: type(c5.copy()).__name__)
show('counter ties', lambda: Counter('zyzxyx').most_common())
show('counter iter', lambda: list(Counter('cba')))
show('counter add non counter', lambda: Counter() + {})

# namedtuple
P = namedtuple('P', 'x, y')
p = P(1, y=2)
show('nt', lambda: p)
show('nt fields', lambda: (P._fields, P._field_defaults, P.__doc__, P.x.__doc__, P.__name__, P.__module__))
show('nt too many', lambda: P(1, 2, 3))
show('nt missing', lambda: P())
show('nt missing one', lambda: P(1))
show('nt dup', lambda: P(1, x=2))
show('nt unexpected', lambda: P(1, 2, z=3))
show('nt setattr', lambda: setattr(p, 'x', 5))
show('nt setattr new', lambda: setattr(p, 'z', 5))
show('nt delattr', lambda: delattr(p, 'x'))
show('nt make', lambda: P._make(iter([5, 6])))
show('nt make bad', lambda: P._make([1]))
show('nt replace', lambda: p._replace(x=9))
show('nt replace bad', lambda: p._replace(q=1))
show('nt asdict', lambda: p._asdict())
show('nt getnewargs', lambda: p.__getnewargs__())
show('nt match args', lambda: P.__match_args__)
show('nt defaults', lambda: namedtuple('D', 'a b c', defaults=(2, 3))(1))
show('nt too many defaults', lambda: namedtuple('D', 'a', defaults=(2, 3)))
show('nt rename', lambda: namedtuple('R', ['a', 'def', 'a', '_x', '1y'], rename=True)._fields)
show('nt bad name', lambda: namedtuple('R', ['a b']))
show('nt keyword', lambda: namedtuple('R', ['class']))
show('nt underscore', lambda: namedtuple('R', ['_a']))
show('nt dup field', lambda: namedtuple('R', ['a', 'a']))
show('nt bad typename', lambda: namedtuple('1R', ['a']))
show('nt module', lambda: namedtuple('M', 'a', module='mod').__module__)
show('nt one field doc', lambda: namedtuple('One', 'a').__doc__)
show('nt tuple ops', lambda: (p + (3,), p * 2, p[::-1], p == (1, 2), hash(p) == hash((1, 2)), len(p)))
show('nt new doc', lambda: P.__new__.__doc__)
show('nt isinstance', lambda: (isinstance(p, tuple), isinstance(p, cabc.Sequence)))


class Q(namedtuple('Q', 'a b')):
    def total(self):
        return self.a + self.b


show('nt subclass', lambda: (Q(1, 2), Q(1, 2).total(), Q._make([3, 4])))

# ChainMap
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
show('chainmap', lambda: (cm, cm['a'], cm['b'], len(cm), list(cm), dict(cm)))
show('chainmap missing', lambda: cm['zz'])
show('chainmap get', lambda: (cm.get('b'), cm.get('zz', 0), 'b' in cm, bool(ChainMap())))
child = cm.new_child({'c': 4})
child['a'] = 10
show('chainmap child', lambda: (child, child.parents, child.maps[0]))
show('chainmap del missing', lambda: cm.__delitem__('b'))
show('chainmap pop', lambda: (cm.pop('a'), cm))
show('chainmap pop missing', lambda: cm.pop('b'))
show('chainmap popitem empty', lambda: ChainMap().popitem())
show('chainmap or', lambda: ChainMap({'a': 1}) | {'b': 2})
show('chainmap ror', lambda: {'b': 2} | ChainMap({'a': 1}))
show('chainmap fromkeys', lambda: ChainMap.fromkeys('ab', 0))
show('chainmap copy', lambda: ChainMap({'a': 1}, {'b': 2}).copy())
show('chainmap kwargs child', lambda: ChainMap().new_child(x=1))

# UserDict / UserList / UserString
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
show('userdict', lambda: (ud, len(ud), 'a' in ud, ud.get('zz'), ud | {'d': 4}, {'z': 0} | ud))
show('userdict missing', lambda: ud['zz'])
show('userdict copy', lambda: (ud.copy(), type(ud.copy()).__name__))
show('userdict fromkeys', lambda: UserDict.fromkeys('ab', 1))
show('userdict pop', lambda: (ud.pop('a'), ud.popitem(), ud.setdefault('q', 5), ud))


class Missing(UserDict):
    def __missing__(self, key):
        return key * 2


show('userdict __missing__', lambda: Missing()['ab'])
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
show('userlist', lambda: (ul, ul[1:], type(ul[1:]).__name__, ul + [9], [8] + ul, ul * 2, ul == [0, 1, 2, 3],
                          ul < [5], ul.index(2), ul.count(1), 3 in ul))
ul.extend(UserList([7]))
ul.insert(0, -1)
ul.remove(3)
ul.reverse()
show('userlist mut', lambda: (ul, ul.pop(), ul.pop(0), ul.copy()))
us = UserString('Hello')
show('userstring', lambda: (us, str(us), us + '!', 'x' + us, us * 2, us[1:3], us.upper(), us.lower(),
                            us.find('l'), us.count('l'), us.replace('l', 'L'), us.split('e'),
                            us.center(9, '*'), us == 'Hello', us < 'World', 'ell' in us, len(us),
                            us.startswith('He'), us.zfill(8), us.join('ab'), us.partition('l'),
                            us.strip('Ho'), hash(us) == hash('Hello'), us.encode()))
show('userstring mod', lambda: UserString('%s-%d') % ('a', 1))

# collections.abc
checks = [
    ('Iterable', cabc.Iterable, [[], '', {}, 1, iter([]), (x for x in ())]),
    ('Iterator', cabc.Iterator, [[], iter([]), iter({}), (x for x in ()), iter(range(3))]),
    ('Sized', cabc.Sized, [[], 1, '', {}.keys()]),
    ('Container', cabc.Container, [[], 1, '']),
    ('Hashable', cabc.Hashable, [1, [], {}, (), 'a', set(), frozenset()]),
    ('Callable', cabc.Callable, [len, 1, lambda: 0, type, print]),
    ('Sequence', cabc.Sequence, [[], (), '', range(1), {}, b'', bytearray()]),
    ('MutableSequence', cabc.MutableSequence, [[], (), bytearray()]),
    ('Mapping', cabc.Mapping, [{}, [], OrderedDict(), Counter()]),
    ('MutableMapping', cabc.MutableMapping, [{}, ChainMap(), UserDict()]),
    ('Set', cabc.Set, [set(), frozenset(), {}.keys(), {}.items(), {}.values(), []]),
    ('MutableSet', cabc.MutableSet, [set(), frozenset()]),
    ('Reversible', cabc.Reversible, [[], {}, set(), ()]),
    ('Collection', cabc.Collection, [[], set(), 1]),
    ('Generator', cabc.Generator, [(x for x in ()), iter([])]),
    ('KeysView', cabc.KeysView, [{}.keys(), {}.values()]),
    ('ValuesView', cabc.ValuesView, [{}.values()]),
    ('ItemsView', cabc.ItemsView, [{}.items()]),
]
for name, abc_cls, objs in checks:
    print(name, [isinstance(o, abc_cls) for o in objs])
print('issubclass', issubclass(list, cabc.Sequence), issubclass(dict, cabc.Mapping),
      issubclass(int, cabc.Hashable), issubclass(list, cabc.Hashable))


async def coro():
    pass


co = coro()
print('Coroutine', isinstance(co, cabc.Coroutine), isinstance(co, cabc.Awaitable))
co.close()


async def agen():
    yield 1


print('AsyncGenerator', isinstance(agen(), cabc.AsyncGenerator), isinstance(agen(), cabc.AsyncIterator),
      isinstance(agen(), cabc.AsyncIterable))


class MySeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


s = MySeq(5)
print('MySeq', list(s), 9 in s, s.index(4), s.count(1), list(reversed(s)), isinstance(s, cabc.Reversible))
show('MySeq index missing', lambda: s.index(7))


class MyMap(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = MyMap()
mm.update({'a': 1}, b=2)
mm.setdefault('c', 3)
print('MyMap', dict(mm), mm.pop('a'), mm.get('zz', 0), list(mm.keys()), list(mm.items()), list(mm.values()),
      mm == {'b': 2, 'c': 3}, mm.popitem(), len(mm))
show('MyMap keys repr', lambda: repr(mm.keys()).startswith('KeysView('))
show('MyMap pop missing', lambda: mm.pop('zz'))
mm.clear()
show('MyMap clear', lambda: len(mm))


class MySet(cabc.Set):
    def __init__(self, items):
        self.items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


a, b = MySet('abc'), MySet('bcd')
print('MySet', sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet('abcd'), a < a,
      a == MySet('cba'), a.isdisjoint(MySet('xy')), sorted(MySet('ab') | {'z'}))


class Incomplete(cabc.Sized):
    pass


show('abstract instantiation', lambda: Incomplete())


class Incomplete2(cabc.MutableMapping):
    pass


show('abstract instantiation many', lambda: Incomplete2())
print('__all__', sorted(collections.__all__))
print('generic aliases', cabc.Callable[[int], str], cabc.Callable[..., int], cabc.Callable[[], None].__args__,
      cabc.Iterable[int], cabc.Mapping[str, int], deque[int], defaultdict[str, int], OrderedDict[str, int])
show('Callable alias bad', lambda: cabc.Callable[int])
