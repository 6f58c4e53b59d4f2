# super() in methods, __init__ chains, classmethods and __new__, cooperative multiple
# inheritance, and builtin bases reached through super().


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


class A:
    def __init__(self, name):
        self.name = name
        self.trail = ['A']

    def hello(self):
        return 'A.hello ' + self.name

    @classmethod
    def make(cls, name):
        return cls(name)


class B(A):
    def __init__(self, name):
        super().__init__(name.upper())
        self.trail.append('B')

    def hello(self):
        return 'B+' + super().hello()

    @classmethod
    def make(cls, name):
        obj = super().make(name + '!')
        obj.trail.append('made')
        return obj


b = B('bee')
t('init chain', lambda: (b.name, b.trail))
t('method', lambda: b.hello())
t('classmethod', lambda: B.make('x').trail)
t('two-argument form', lambda: super(B, b).hello())
t('super repr', lambda: repr(super(B, b)))


class Root:
    def who(self):
        return ['Root']


class Left(Root):
    def who(self):
        return ['Left'] + super().who()


class Right(Root):
    def who(self):
        return ['Right'] + super().who()


class Bottom(Left, Right):
    def who(self):
        return ['Bottom'] + super().who()


t('mro chain', lambda: Bottom().who())
t('mro', lambda: [k.__name__ for k in Bottom.__mro__])


class Point:
    def __new__(cls, *args):
        obj = object.__new__(cls)
        obj.made_by_new = True
        return obj

    def __init__(self, x):
        self.x = x


pt = Point(3)
t('object.__new__', lambda: (pt.made_by_new, pt.x))
t('object.__new__ unsafe', lambda: object.__new__(int))


class Quiet:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __getattribute__(self, name):
        if name == 'secret':
            return 'hidden'
        return object.__getattribute__(self, name)


q = Quiet()
q.v = 4
t('object.__setattr__', lambda: q.v)
t('object.__getattribute__', lambda: (q.secret, q.v))
t('object.__getattribute__ missing', lambda: q.nope)


class WithInitSubclass:
    registry = []

    def __init_subclass__(cls):
        super().__init_subclass__()
        WithInitSubclass.registry.append(cls.__name__)


class Sub1(WithInitSubclass):
    pass


class Sub2(WithInitSubclass):
    pass


t('__init_subclass__', lambda: WithInitSubclass.registry)


class NoArgs:
    def m():
        return super()


t('super() without arguments', lambda: NoArgs.m())
