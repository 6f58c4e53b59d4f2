# Protocols of a metaclass apply to its classes: repr, iteration, len, indexing,
# membership, comparisons, attribute assignment and deletion, isinstance/issubclass hooks.
class Registry(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = [k for k in ns if not k.startswith("_")]
        return cls

    def __repr__(cls):
        return f"<registry {cls.__name__}>"

    def __str__(cls):
        return f"registry:{cls.__name__}"

    def __iter__(cls):
        return (getattr(cls, k) for k in cls._members)

    def __len__(cls):
        return len(cls._members)

    def __getitem__(cls, key):
        return getattr(cls, key)

    def __contains__(cls, value):
        return value in [getattr(cls, k) for k in cls._members]

    def __bool__(cls):
        return True

    def __lt__(cls, other):
        return len(cls) < len(other)

    def __or__(cls, other):
        return f"{cls.__name__}|{other.__name__}"

    def __setattr__(cls, name, value):
        if name.startswith("frozen"):
            raise AttributeError(f"cannot set {name!r} on {cls.__name__}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("deleting", name)
        super().__delattr__(name)

    @property
    def members(cls):
        return dict((k, getattr(cls, k)) for k in cls._members)


class Color(metaclass=Registry):
    RED = 1
    GREEN = 2
    BLUE = 3


class Size(metaclass=Registry):
    SMALL = "s"


print(repr(Color), str(Color), Color)
print(f"{Color!r} {Color!s}")
print(list(Color), len(Color), Color["GREEN"])
print(2 in Color, 5 in Color)
for v in Color:
    print("v", v)
print(sorted([Color, Size]))
print(Size < Color, Color < Size)
print(Color | Size)
print(bool(Color), Color.members)
print([Color, Size])
Color.extra = 9
print(Color.extra)
try:
    Color.frozen_x = 1
except AttributeError as e:
    print("AttributeError:", e)
del Color.extra
try:
    Color.extra
except AttributeError as e:
    print("AttributeError:", e)
a, b, c = Color
print(a, b, c)
print(max(Color), sum(Color), tuple(Color), set(Size))
print(dict(zip(Color._members, Color)))


class Checker(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return isinstance(obj, int) and obj > 0

    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is bool or type.__subclasscheck__(cls, sub)


class Positive(metaclass=Checker):
    pass


class Sub(Positive):
    pass


print(isinstance(5, Positive), isinstance(-1, Positive), isinstance("x", Positive))
print(isinstance(5, (str, Positive)))
print(isinstance(Sub(), Positive))
print(issubclass(bool, Positive), issubclass(str, Positive), issubclass(Sub, Positive))
print(issubclass(int, (str, Positive)))
# The exact type short-cut: no hook call.
p = Positive()
print(isinstance(p, Positive))
try:
    for x in Positive:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    len(Size.__class__)
except TypeError as e:
    print("TypeError:", e)
print(Color.__class__.__name__, type(Color) is Registry, Registry.__class__)
