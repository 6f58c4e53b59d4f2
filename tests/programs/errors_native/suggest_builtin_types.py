# "Did you mean" suggestions of uncaught AttributeError / NameError, and the name/obj
# attributes of failed lookups (CPython 3.11 Python/suggestions.c).
class Point:
    def __init__(self):
        self.x_coord = 1
        self.Y = 2
    def distance(self):
        return 0
p = Point()
def probe(f):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e, '|', e.name, type(e.obj).__name__)
    except NameError as e:
        print(type(e).__name__, e, '|', e.name)
probe(lambda: p.x_cord)
probe(lambda: p.y)
probe(lambda: 'abc'.uper())
probe(lambda: [].apend(1))
probe(lambda: undefined_thing)
e = AttributeError('plain')
print(e.name, e.obj)
n = NameError('plain')
print(n.name)
def inner():
    lenght = 3
    return 'abc'.uper()
inner()
