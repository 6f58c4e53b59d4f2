# copy.copy / copy.deepcopy of instances with __slots__ (object.__reduce_ex__ slot state).
import copy
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
class Named(Point):
    __slots__ = ('__tag', '__dict__')
    def __init__(self, x, y, tag):
        super().__init__(x, y)
        self.__tag = tag
    def tag(self):
        return self.__tag
p = Point(1, [2])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q is p, q.y is p.y, r.y is p.y)
half = Point.__new__(Point)
half.x = 5
h2 = copy.copy(half)
print(h2.x, hasattr(h2, 'y'))
n = Named(3, 4, 'n')
n.extra = {'k': 1}
m = copy.deepcopy(n)
print(m, m.tag(), m.extra, m.extra is n.extra, vars(m))
