# Subclasses of tuple natively (namedtuple): instances are tuples of the class.
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p[1], p + (3,), len(p), isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._asdict(), p._replace(x=5), Point._fields, list(p), tuple(p), type(tuple(p)).__name__)
class Pair(tuple):
    def first(self):
        return self[0]
q = Pair([7, 8])
print(q, q.first(), type(q).__name__, q[::-1], sorted(q, reverse=True), q.count(7), q.index(8))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
