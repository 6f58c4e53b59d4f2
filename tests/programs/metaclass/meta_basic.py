# Metaclasses: creation, methods and properties of the metaclass seen from the class.
class Meta(type):
    def describe(cls):
        return f"<{cls.__name__} made by {type(cls).__name__}>"

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    @classmethod
    def meta_cm(mcls):
        return mcls.__name__

    def shared(cls):
        return "meta"

    tag = "meta-tag"


class A(metaclass=Meta):
    x = 1

    def shared(self):
        return "class"


class B(A):
    y = 2


print(type(A).__name__, type(B).__name__)
print(A.describe(), B.describe())
print(A.upper_name, B.upper_name)
print(A.meta_cm())
print(A.tag, B.tag)
print(A.shared(A()), A().shared())
print(isinstance(A, Meta), isinstance(B, Meta), isinstance(A, type))
print(issubclass(Meta, type), issubclass(B, A))
print(Meta.__mro__)
print(B.__mro__)
print(A.__name__, A.__qualname__, A.__module__)
print(B.x, B.y)
print(type(B()).__name__)
try:
    A().describe()
except AttributeError as e:
    print("AttributeError:", e)
try:
    A.nothing
except AttributeError as e:
    print("AttributeError:", e)

# Calling the metaclass directly.
D = Meta("D", (A,), {"z": 3, "m": lambda self: self.z * 2})
print(type(D).__name__, D.__name__, D.z, D().m(), D.describe())
print(D.__bases__, D.__mro__)

# type() with a base whose metaclass is Meta picks Meta.
E = type("E", (A,), {})
print(type(E).__name__)
print(repr(A)[:17], repr(Meta))
