# Descriptors added or changed after the caches warmed up take precedence as Python says:
# data descriptors (property with a setter, __set__) over the instance dict; non-data
# descriptors under it; __getattr__ / __getattribute__ / __setattr__ added to a class later.


class T:
    def __init__(self):
        self.x = 1


def get_x(t):
    return t.x


def set_x(t, v):
    t.x = v


t = T()
for i in range(20):
    set_x(t, get_x(t) + 1)
print(get_x(t))

# A non-data descriptor on the class: the instance dict still wins.
T.x = property.__get__  # any plain function-like object: not a data descriptor
print(get_x(t) == 21)


class NonData:
    def __get__(self, obj, owner=None):
        return "NonData"


T.x = NonData()
print(get_x(t))

# A data descriptor on the class wins over the instance dict, for reads and writes.
log = []
T.x = property(lambda self: "property", lambda self, v: log.append(v))
print(get_x(t))
set_x(t, 99)
print(log, t.__dict__)

# Removing it exposes the instance dict again.
del T.x
print(get_x(t))


# A data descriptor class that becomes one later (its class gets __set__).
class D:
    def __get__(self, obj, owner=None):
        return "D.__get__"


class U:
    y = D()

    def __init__(self):
        self.__dict__["y"] = "instance y"


def get_y(u):
    return u.y


u = U()
for _ in range(20):
    r = get_y(u)
print(r)
D.__set__ = lambda self, obj, v: None
print(get_y(u))


# __getattr__ and __getattribute__ added later.
class G:
    def __init__(self):
        self.z = "z"


def get_z(g):
    return g.z


def get_missing(g):
    return g.missing


g = G()
for _ in range(20):
    get_z(g)
G.__getattr__ = lambda self, name: "getattr:" + name
print(get_z(g), get_missing(g))
G.__getattribute__ = lambda self, name: "getattribute:" + name
print(get_z(g), get_missing(g))
del G.__getattribute__
print(get_z(g))


# __setattr__ added later.
class S:
    pass


def store(s, v):
    s.w = v


s = S()
for i in range(20):
    store(s, i)
print(s.w)
S.__setattr__ = lambda self, name, v: object.__setattr__(self, name, ("wrapped", v))
store(s, 5)
print(s.w)
