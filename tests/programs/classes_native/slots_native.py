# __slots__ natively: member descriptors, no __dict__, inheritance, errors (CPython 3.11).
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p.x, p.y, p.norm1(), getattr(p, 'x'), hasattr(p, 'z'), hasattr(p, 'x'))
p.x = 10
setattr(p, 'y', 20)
print(p.x, p.y)
for name in ('z', 'norm2'):
    try:
        setattr(p, name, 1)
    except AttributeError as e:
        print('set', name, '->', type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print('AttributeError:', e)
try:
    vars(p)
except TypeError as e:
    print('TypeError:', e)
print(Point.x, type(Point.x).__name__, Point.__slots__)
print(sorted(k for k in Point.__dict__ if not k.startswith('__') or k == '__slots__'))

# Empty slots: reading and deleting
q = Point.__new__(Point)
try:
    q.x
except AttributeError as e:
    print('AttributeError:', e)
q.x = 5
del q.x
try:
    del q.x
except AttributeError as e:
    print('del again:', repr(e))
print(hasattr(q, 'x'), getattr(q, 'x', 'default'))

# Descriptor protocol by hand
print(Point.x.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
Point.y.__set__(p, 99)
print(p.y)

# A single str, any iterable, and empty slots
class One:
    __slots__ = 'value'
class Listed:
    __slots__ = ['a', 'b']
class Empty:
    __slots__ = ()
o = One(); o.value = 'v'
l = Listed(); l.a = 1; l.b = 2
print(o.value, l.a + l.b, One.value, Listed.b)
e = Empty()
try:
    e.anything = 1
except AttributeError as err:
    print('AttributeError:', err)

# Inheritance: a subclass without __slots__ has a dict; with __slots__ it extends the layout
class Point3(Point):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Tagged(Point):
    pass
p3 = Point3(1, 2, 3)
print(p3.x, p3.y, p3.z, p3.norm1(), isinstance(p3, Point))
try:
    p3.w = 4
except AttributeError as err:
    print('AttributeError:', err)
t = Tagged(5, 6)
t.label = 'free'
print(t.x, t.y, t.label, vars(t), t.__dict__)
p3.x = -1
print(p3.norm1(), Point.x.__get__(p3, Point3))
class Deeper(Point3):
    __slots__ = ('w',)
d = Deeper(1, 1, 1)
d.w = 'deep'
print(d.x, d.y, d.z, d.w, [getattr(d, n) for n in ('x', 'y', 'z', 'w')])

# '__dict__' in __slots__, and __weakref__
class WithDict:
    __slots__ = ('a', '__dict__', '__weakref__')
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, vars(w))

# Private names are mangled like attribute names in the class body
class _Hidden:
    __slots__ = ('__secret', '_single', '__dunder__')
    def __init__(self):
        self.__secret = 's'
        self._single = 1
    def reveal(self):
        return self.__secret
h = _Hidden()
print(h.reveal(), h._Hidden__secret, h._single, sorted(k for k in _Hidden.__dict__ if 'secret' in k or 'single' in k or 'dunder' in k))

# Errors at class creation
try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as err:
    print('ValueError:', err)
try:
    class BadItem:
        __slots__ = ('ok', 3)
except TypeError as err:
    print('TypeError:', err)
class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('b',)
class AE:
    __slots__ = ()
class C2(A, AE):
    __slots__ = ('c',)
c2 = C2(); c2.a = 1; c2.c = 3
print(c2.a, c2.c)

# Many instances and the collector
pts = [Point(i, -i) for i in range(2000)]
print(sum(pt.norm1() for pt in pts), pts[1234].x)
words = [One() for _ in range(500)]
for i, wd in enumerate(words):
    wd.value = str(i) * 3
print(words[7].value, words[499].value[:3])
