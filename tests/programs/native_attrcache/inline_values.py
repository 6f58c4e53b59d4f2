# Instance attributes kept inline with per-class shared keys (runtime/core/instvalues.ts):
# insertion order, deletion, out-of-order stores, overflow of the room, the first instance,
# __dict__ / vars() / __dict__ assignment, object.__setattr__, __slots__ with __dict__,
# subclasses, shadowing of methods, names computed at run time, many names.
import copy


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


ps = [P(i, 10 * i) for i in range(6)]
print([p.total() for p in ps])

# order: a later key first, then an earlier one
q = P(1, 2)
del q.a
q.a = 3
print(vars(q), q.total())
r = P(1, 2)
r.c = 3
r.d = 4
del r.c
print(vars(r))
r.c = 5
print(vars(r), list(r.__dict__))
s = P(7, 8)
s.d = 1  # skips c: allowed (later keys unset)
print(vars(s))
try:
    del s.c
except AttributeError as e:
    print('AttributeError', e)
try:
    print(s.c)
except AttributeError as e:
    print('AttributeError', e)


# a class whose first instance learns: later instances get the room the keys need
class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, 'f%d' % i, i)


m1 = Many(40)
m2 = Many(40)
print(len(vars(m1)), m2.f39, m2.f0, list(vars(m2))[28:32])
m3 = Many(3)
m3.f35 = 'late'
print(vars(m3))


# the instance's dict: changes through it are seen, and after it
class D:
    pass


d = D()
d.x = 1
dd = d.__dict__
dd['y'] = 2
d.z = 3
print(d.y, vars(d), dd is d.__dict__)
d.__dict__ = {'w': 9}
print(vars(d), hasattr(d, 'x'))
del d.w
print(vars(d))
d.x = 5
print(vars(d), d.x)


# shadowing a method with an instance attribute, before and after calls are cached
class S:
    def f(self):
        return 'method'


objs = [S() for _ in range(3)]
for k in range(3):
    if k == 2:
        objs[1].f = lambda: 'instance'
    print([o.f() for o in objs])
del objs[1].f
print([o.f() for o in objs])


# object.__setattr__ / __getattribute__, a __setattr__ override, __getattr__
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)

    def __setattr__(self, name, value):
        raise AttributeError('frozen: ' + name)


fz = Frozen(4)
print(fz.v, object.__getattribute__(fz, 'v'))
try:
    fz.v = 5
except AttributeError as e:
    print(e)


class Lazy:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return 'missing ' + name


lz = Lazy()
print(lz.a, lz.b)
lz.b = 2
print(lz.b, vars(lz))


# __slots__ with __dict__, subclasses with their own keys
class Slotted:
    __slots__ = ('s', '__dict__')

    def __init__(self):
        self.s = 'slot'
        self.t = 'inline'


class Sub(Slotted):
    def __init__(self):
        super().__init__()
        self.u = 'sub'


sl = Slotted()
sb = Sub()
print(sl.s, sl.t, vars(sl), sb.s, sb.t, sb.u, vars(sb))


class Base:
    def __init__(self):
        self.x = 1


class Derived(Base):
    def __init__(self):
        self.y = 2
        super().__init__()


print(vars(Base()), vars(Derived()), vars(Derived()))


# names computed at run time, str subclasses as names
class N:
    pass


n = N()
setattr(n, 'ab', 1)
print(getattr(n, 'a' + 'b'), n.ab)
setattr(n, ''.join(['a', 'b']), 2)
print(n.ab, vars(n))


class MyStr(str):
    pass


setattr(n, MyStr('cd'), 3)
print(n.cd, vars(n))

# copies go through __dict__
c1 = P(1, [2])
c2 = copy.copy(c1)
c3 = copy.deepcopy(c1)
c2.a = 100
c3.b.append(3)
print(vars(c1), vars(c2), vars(c3))
