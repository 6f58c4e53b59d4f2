# Attribute lookup on classes with a metaclass (type_getattro): data descriptors of the
# metaclass first, then the class's MRO, then other metaclass attributes; __getattr__ on
# the metaclass; class attribute assignment through the metaclass.
class M(type):
    @property
    def shadow(cls):
        return 'meta property wins'

    def method(cls):
        return 'meta method'

    plain = 'meta plain'

    def __getattr__(cls, name):
        if name.startswith('dyn_'):
            return name[4:].upper()
        raise AttributeError(f'{cls.__name__} has no {name}')


class C(metaclass=M):
    shadow = 'class attr'
    method = 'class attr'
    plain = 'class plain'


class D(C):
    pass


print(C.shadow, D.shadow)
print(C.method, D.method)
print(C.plain, M.plain)
print(C.dyn_hello, D.dyn_x)
try:
    C.missing
except AttributeError as e:
    print('AttributeError:', e)
print(getattr(C, 'dyn_abc'), getattr(C, 'missing', 'default'), hasattr(C, 'missing'), hasattr(C, 'dyn_q'))
print(C.__class__.__name__, D.__class__ is M, type(M).__name__)
print(C().__class__.__name__)
print(C.__name__, C.__qualname__, C.__bases__, D.__mro__)
print(sorted(k for k in C.__dict__ if not k.startswith('__')))
print(C.__doc__, M.__doc__)


class Counting(type):
    count = 0

    def __setattr__(cls, name, value):
        type(cls).count += 1
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)


class K(metaclass=Counting):
    a = 'lower'


K.b = 'shout'
setattr(K, 'c', 'quiet')
K.n = 3
print(K.a, K.b, K.c, K.n, Counting.count)
del K.b
print(hasattr(K, 'b'))


class Deleting(type):
    def __delattr__(cls, name):
        print('refusing to delete', name)


class N(metaclass=Deleting):
    x = 1


del N.x
print(N.x)


# Methods defined in the class still bind to instances; the metaclass's to the class.
class Meta2(type):
    def who(cls):
        return 'meta who ' + cls.__name__


class P(metaclass=Meta2):
    def who(self):
        return 'instance who'


print(P().who(), Meta2.who(P), type(P).who(P))
print(P.who(P()))
