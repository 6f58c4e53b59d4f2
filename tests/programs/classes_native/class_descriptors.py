# Descriptors in class bodies: property (decorator forms, setters, deleters, docstrings,
# __set_name__ names in errors), classmethod, staticmethod, data descriptors winning over the
# instance dict, non-data ones losing to it, descriptor classes written in Python.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        "degrees Celsius"
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError('below absolute zero')
        self._c = value

    @celsius.deleter
    def celsius(self):
        print('deleting')
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


temp = Temperature(20)
t('get', lambda: temp.celsius)
t('derived', lambda: temp.fahrenheit)


def set_celsius(v):
    temp.celsius = v


t('set', lambda: set_celsius(30) or temp.celsius)
t('set invalid', lambda: set_celsius(-300))


def set_fahrenheit():
    temp.fahrenheit = 1


t('no setter', set_fahrenheit)


def del_fahrenheit():
    del temp.fahrenheit


t('no deleter', del_fahrenheit)


def del_celsius():
    del temp.celsius
    return temp.celsius


t('deleter', del_celsius)
t('property on class', lambda: type(Temperature.celsius).__name__)
t('docstring', lambda: Temperature.celsius.__doc__)
t('fget name', lambda: Temperature.celsius.fget.__name__)
temp.celsius = 10
temp.__dict__['fahrenheit'] = 'shadow?'
t('data descriptor wins', lambda: temp.fahrenheit)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Circle:
    def __init__(self, r):
        self.r = r

    @Lazy
    def area(self):
        print('computing')
        return 3 * self.r * self.r


c = Circle(2)
t('non-data first', lambda: c.area)
t('non-data cached', lambda: c.area)
t('descriptor on class', lambda: type(Circle.area).__name__)


class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + '.' + name

    def __get__(self, obj, owner):
        return self.name

    def __set__(self, obj, value):
        raise AttributeError('read-only ' + self.name)


class Holder:
    first = Named()
    second = Named()


h = Holder()
t('set_name', lambda: (h.first, Holder.second))


def set_first():
    h.first = 1


t('data descriptor set', set_first)


class Account:
    rate = 2

    def __init__(self, amount):
        self.amount = amount

    @classmethod
    def from_pair(cls, a, b):
        return cls(a + b)

    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def describe(cls):
        return cls.__name__ + ' at ' + str(cls.rate)


class Savings(Account):
    rate = 5


t('classmethod', lambda: Account.from_pair(1, 2).amount)
t('classmethod subclass', lambda: type(Savings.from_pair(1, 2)).__name__)
t('classmethod instance', lambda: Savings(1).describe())
t('staticmethod', lambda: Account.double(4))
t('staticmethod instance', lambda: Savings(3).double(5))
t('staticmethod object', lambda: type(Account.__dict__['double']).__name__)
t('classmethod object', lambda: Account.__dict__['describe'].__func__.__name__)
t('bound classmethod self', lambda: Savings.describe.__self__.__name__)


class P:
    x = property(lambda self: 'x of ' + type(self).__name__)


def set_x(obj):
    obj.x = 1


t('lambda property', lambda: P().x)
t('property named no setter', lambda: set_x(P()))


class Base:
    @property
    def value(self):
        return 'base'


class Derived(Base):
    @Base.value.getter
    def value(self):
        return 'derived'


t('getter override', lambda: (Base().value, Derived().value))


class MyProperty(property):
    pass


class UsesMine:
    @MyProperty
    def v(self):
        "mine doc"
        return 42


t('property subclass', lambda: UsesMine().v)
t('property subclass type', lambda: type(UsesMine.__dict__['v']).__name__)
t('property subclass doc', lambda: UsesMine.__dict__['v'].__doc__)
