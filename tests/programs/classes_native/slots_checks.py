# __slots__ checks CPython makes that the interpreter does not yet (it differs on each line
# here today): member descriptors check their instance (descr_check), a slotted instance has
# no __dict__ to assign, two slotted bases conflict, '__dict__' twice.
class Point:
    __slots__ = ('x', 'y')
class Point3(Point):
    __slots__ = ('z',)
p = Point()
p.x = 1
for attempt in (lambda: Point.x.__get__(42, int), lambda: Point3.z.__get__(p, Point),
                lambda: Point3.z.__set__(p, 1), lambda: Point.y.__set__('s', 2),
                lambda: Point.x.__delete__([])):
    try:
        print(attempt())
    except TypeError as e:
        print('TypeError:', e)
for value in (1, {}):
    try:
        p.__dict__ = value
    except AttributeError as e:
        print('AttributeError:', e)
print(Point.x.__get__(p, Point), Point.x.__get__(None, Point))
Point.x.__delete__(p)
print(hasattr(p, 'x'))
class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('b',)
try:
    class C(A, B):
        pass
except TypeError as err:
    print('TypeError:', err)
class Tagged(Point):
    pass
try:
    class TwoDicts(Tagged):
        __slots__ = ('__dict__',)
except TypeError as err:
    print('TypeError:', err)
