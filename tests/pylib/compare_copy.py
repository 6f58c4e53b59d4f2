"""Behaviour of copy, printed for comparison (see run.sh compare)."""
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


atoms = [None, 1, 2.5, 1j, True, 'str', b'bytes', (1, 2), frozenset({1}), range(3), len, int, Ellipsis]
show('copy atoms identity', lambda: [copy.copy(a) is a for a in atoms])
show('deepcopy atoms identity', lambda: [copy.deepcopy(a) is a for a in atoms])
nested = {'l': [1, [2, 3]], 't': (1, [2]), 's': {1, 2}, 'f': frozenset({3})}
sc = copy.copy(nested)
dc = copy.deepcopy(nested)
show('shallow shares', lambda: (sc == nested, sc is nested, sc['l'] is nested['l']))
show('deep copies', lambda: (dc == nested, dc['l'] is nested['l'], dc['l'][1] is nested['l'][1],
                             dc['t'] is nested['t'], dc['s'] is nested['s'], dc['f'] is nested['f']))
t_imm = (1, 'a', (2, 3))
show('deepcopy immutable tuple', lambda: copy.deepcopy(t_imm) is t_imm)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
show('cycle', lambda: (cc[1] is cc, cc is not cyc))
d_cyc = {}
d_cyc['me'] = d_cyc
show('dict cycle', lambda: copy.deepcopy(d_cyc)['me']['me'] is not d_cyc)
tc = ([],)
tc[0].append(tc)
tcc = copy.deepcopy(tc)
show('tuple cycle', lambda: (tcc[0][0] is tcc, tcc is not tc))
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
show('memo', lambda: (y[0] is y[1], id(x) in memo))


class Plain:
    def __init__(self, v):
        self.v = v
        self.items = [v]

    def __repr__(self):
        return 'Plain(%r, %r)' % (self.v, self.items)


p = Plain(1)
pc = copy.copy(p)
pd = copy.deepcopy(p)
show('instance', lambda: (pc, pd, pc.items is p.items, pd.items is p.items, type(pd).__name__))


class WithState:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {'a': self.a, 'copied': True}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


ws = copy.copy(WithState())
show('getstate/setstate', lambda: sorted(vars(ws).items()))


class Hooks:
    def __copy__(self):
        return 'copied'

    def __deepcopy__(self, memo):
        return 'deep-copied %s' % type(memo).__name__


show('hooks', lambda: (copy.copy(Hooks()), copy.deepcopy(Hooks())))


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a,), {'b': self.b})


r = copy.deepcopy(Reduced([1], 5))
show('reduce', lambda: (r.a, r.b))


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = 'x'
mlc = copy.copy(ml)
mld = copy.deepcopy(ml)
show('list subclass', lambda: (type(mlc).__name__, mlc, mlc.tag, mlc[1] is ml[1], mld[1] is ml[1], mld.tag))


class MyDict(dict):
    pass


md = MyDict(a=[1])
show('dict subclass', lambda: (type(copy.copy(md)).__name__, copy.deepcopy(md), copy.deepcopy(md)['a'] is md['a']))
dq = deque([[1], 2], maxlen=5)
show('deque', lambda: (copy.copy(dq), copy.copy(dq)[0] is dq[0], copy.deepcopy(dq)[0] is dq[0], copy.deepcopy(dq).maxlen))
ddf = defaultdict(list, a=[1])
show('defaultdict', lambda: (copy.copy(ddf), copy.deepcopy(ddf)['a'] is ddf['a'], copy.deepcopy(ddf).default_factory))
show('OrderedDict', lambda: (copy.copy(OrderedDict(b=1, a=2)), copy.deepcopy(OrderedDict(x=[1]))))
show('Counter', lambda: (copy.copy(Counter('aab')), copy.deepcopy(Counter('abb'))))
NT = namedtuple('NT', 'a b')
nt = NT([1], 2)
show('namedtuple', lambda: (copy.copy(nt), copy.copy(nt) is nt, copy.deepcopy(nt), copy.deepcopy(nt).a is nt.a))


class Err(Exception):
    pass


e = Err('msg', [1])
ec = copy.deepcopy(e)
show('exception', lambda: (type(ec).__name__, ec.args, ec.args[1] is e.args[1]))
show('set/frozenset', lambda: (copy.copy({1, 2}), copy.deepcopy(frozenset({(1, 2)}))))
show('bytearray', lambda: (copy.copy(bytearray(b'ab')), copy.deepcopy(bytearray(b'x'))))


def gen():
    yield 1


show('generator', lambda: copy.copy(gen()))
show('deep generator', lambda: copy.deepcopy(gen()))
show('Error', lambda: (issubclass(copy.Error, Exception), copy.error is copy.Error))


def f():
    pass


show('function', lambda: (copy.copy(f) is f, copy.deepcopy(f) is f))
show('class', lambda: copy.deepcopy(Plain) is Plain)
show('object', lambda: type(copy.copy(object())).__name__)
