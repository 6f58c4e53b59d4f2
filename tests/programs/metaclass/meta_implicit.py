# type_new wraps a plain __new__ in a staticmethod and __init_subclass__ / __class_getitem__
# in classmethods (enum reads Enum.__dict__["__new__"].__func__).
class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)

    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"


class B(A, x=1):
    pass


print(type(A.__dict__['__new__']).__name__, type(A.__dict__['__init_subclass__']).__name__, type(A.__dict__['__class_getitem__']).__name__)
print(A.__dict__['__new__'].__func__.__name__)
B(1, 2)
print(B[int], A.__new__ is A.__dict__['__new__'].__func__)
print(type(A.__init_subclass__).__name__)
