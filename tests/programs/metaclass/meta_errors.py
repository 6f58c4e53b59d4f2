# Metaclass selection and the errors of class creation, as CPython 3.11 reports them.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', r)


class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


def conflict():
    class C(A, B):
        pass


t('conflict', conflict)
t('type() conflict', lambda: type('C', (A, B), {}))
t('M1 with M2 base', lambda: M1('C', (B,), {}))


class M3(M1):
    pass


class D(A, metaclass=M3):
    pass


class E(D):
    pass


print(type(D).__name__, type(E).__name__)


class F(A, metaclass=type):
    pass


print(type(F).__name__)

t('M1 one argument', lambda: M1(5))
t('M1 two arguments', lambda: M1('X', ()))
t('type two arguments', lambda: type('X', ()))
t('type name not str', lambda: type(1, (), {}))
t('M1 bases not tuple', lambda: M1('X', [], {}))
t('type.__init__ kw', lambda: type.__init__(A, 'x', flavor=1))
t('type.__init__ two', lambda: type.__init__(A, 'x', ()))


def bad_prepare():
    class P(type):
        @classmethod
        def __prepare__(mcls, name, bases):
            return 42

    class Q(metaclass=P):
        pass


t('prepare not a mapping', bad_prepare)


def kw_to_object():
    class K(flavor=1):
        pass


t('keyword to object', kw_to_object)


def kw_to_type():
    class K(metaclass=M1, flavor=1):
        pass


t('keyword to type', kw_to_type)


class WithHook:
    def __init_subclass__(cls, /, flavor='plain', **rest):
        print('hook', cls.__name__, flavor, rest)
        super().__init_subclass__(**rest)


class H1(WithHook, flavor='mint'):
    pass


class H2(H1):
    pass


t('extra keyword', lambda: type('H3', (WithHook,), {}, flavor='x', other=2))
H4 = type('H4', (WithHook,), {}, flavor='lemon')
print(H4.__name__, type(H4).__name__)


class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        print('explicit classmethod', cls.__name__, kw)


class Ex1(Explicit, n=1):
    pass


def meta_init_raises():
    class Bad(type):
        def __init__(cls, *args):
            raise ValueError('no ' + cls.__name__)

    class X(metaclass=Bad):
        pass


t('metaclass __init__ raises', meta_init_raises)


def not_callable_meta():
    class X(metaclass=5):
        pass


t('metaclass not callable', not_callable_meta)
t('isinstance arg 2', lambda: isinstance(1, 5))
t('issubclass arg 1', lambda: issubclass(1, A))


class Raising(type):
    def __instancecheck__(cls, obj):
        raise KeyError('check')

    def __subclasscheck__(cls, sub):
        return 0


class R(metaclass=Raising):
    pass


t('instancecheck raises', lambda: isinstance(1, R))
t('instancecheck exact', lambda: isinstance(R(), R))
t('subclasscheck falsy', lambda: issubclass(R, R))
t('subclasscheck non-class', lambda: issubclass(1, R))
t('type.__instancecheck__', lambda: type.__instancecheck__(int, 3))
t('type.__subclasscheck__', lambda: (type.__subclasscheck__(int, bool), type.__subclasscheck__(A, int)))
t('type.__subclasscheck__ non-class', lambda: type.__subclasscheck__(int, 3))
