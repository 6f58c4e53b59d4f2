# obj.__class__ = cls between classes whose instance layouts differ (__slots__, exceptions):
# CPython's TypeError "__class__ assignment: 'S' object layout differs from 'A'"; deleting
# __class__.
class A:
    def __init__(self):
        self.x = 1


class S:
    __slots__ = ('q',)


class E(Exception):
    pass


a = A()
try:
    a.__class__ = S
except TypeError as e:
    print('TypeError', e)
print(type(a).__name__, a.x)
try:
    E().__class__ = A
except TypeError as e:
    print('TypeError', e)
s = S()
s.__class__ = type('S2', (S,), {'__slots__': ()})
print(type(s).__name__)
try:
    del a.__class__
except TypeError as e:
    print('TypeError', e)
