# obj.__class__ = cls natively (runtime/core/instvalues.ts rt_inst_set_class): CPython's
# TypeErrors, method caches seeing the new class, inline values kept as the attributes.
class A:
    def __init__(self):
        self.x = 1
class B(A):
    def f(self):
        return 'B.f'
class S:
    __slots__ = ('q',)
class E(Exception):
    pass
a = A()
for v in (1, int, B):
    try:
        a.__class__ = v
        print('ok', type(a).__name__, a.f(), vars(a))
    except TypeError as e:
        print('TypeError', e)
try:
    x = 5
    x.__class__ = A
except TypeError as e:
    print('TypeError', e)
a.__class__ = A
print(type(a).__name__, hasattr(a, 'f'), a.x)
s = S()
s.__class__ = type('S2', (S,), {'__slots__': ()})
print(type(s).__name__)


# the inline values of the old class's keys stay the object's attributes
class P:
    def __init__(self):
        self.x = 1
        self.y = 2

    def who(self):
        return 'P'


class Q:
    def __init__(self):
        self.y = 3
        self.x = 4

    def who(self):
        return 'Q'


objs = [P(), P(), Q()]
for k in range(3):
    if k == 1:
        objs[0].__class__ = Q
    if k == 2:
        objs[2].__class__ = P
    print([(o.who(), o.x, o.y) for o in objs], [vars(o) for o in objs])
objs[0].z = 5
print(vars(objs[0]), vars(Q()))
