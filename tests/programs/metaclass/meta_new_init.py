# Metaclass __new__/__init__/__prepare__/__call__, class keywords, __init_subclass__, __set_name__.


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, [b.__name__ for b in bases], sorted(kw))
        return {"prepared": name}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", mcls.__name__, name, type(ns).__name__, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.created_by = mcls.__name__
        cls.options = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", cls.__name__, name, kw)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        inst = super().__call__(*args, **kwargs)
        inst.via_meta = True
        return inst


class Base(metaclass=Meta, flavor="vanilla"):
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()

    def __init__(self, v=0):
        self.v = v


class Child(Base, flavor="chocolate", size=2):
    b = 1
    a = 2


print(Base.prepared, Child.prepared)
print(Base.created_by, Base.options, Child.options)
c = Child(5)
print(c.v, c.via_meta, type(c).__name__)
b = Base(v=7)
print(b.v, b.via_meta)


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class WithDescr(metaclass=Meta):
    field = Named()


print(WithDescr.field.name)


# A singleton through __call__.
class Single(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in Single._instances:
            Single._instances[cls] = super().__call__(*args)
        return Single._instances[cls]


class Config(metaclass=Single):
    def __init__(self, n):
        print("Config init", n)
        self.n = n


x = Config(1)
y = Config(2)
print(x is y, y.n)


# __new__ returning something that is not a class.
class Weird(type):
    def __new__(mcls, name, bases, ns):
        return 42


class NotAClass(metaclass=Weird):
    pass


print(NotAClass)


# A plain function as metaclass.
def as_meta(name, bases, ns, **kw):
    print("function meta", name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
    return name.lower()


class Fn(metaclass=as_meta, extra=1):
    q = 1


print(Fn)
