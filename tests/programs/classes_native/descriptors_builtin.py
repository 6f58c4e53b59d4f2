# property, classmethod, staticmethod and super used without class statements: the
# descriptor protocol called by hand, their attributes, copies and errors.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


def getx(obj):
    return len(obj) * 10


def setx(obj, value):
    obj.append(value)


def delx(obj):
    obj.clear()


p = property(getx, setx, delx)
data = [1, 2]
t('get', lambda: p.__get__(data))
t('get on class', lambda: p.__get__(None, list) is p)
t('set', lambda: p.__set__(data, 3))
t('after set', lambda: data)
t('delete', lambda: p.__delete__(data))
t('after delete', lambda: data)
t('fget', lambda: p.fget is getx)
t('fset', lambda: p.fset is setx)
t('doc from getter without docstring', lambda: p.__doc__)
t('explicit doc', lambda: property(getx, doc='mine').__doc__)
t('None accessors', lambda: (property(None).fget, property().fset, property().fdel, property().__doc__))
q = property()
t('no getter', lambda: q.__get__(data))
t('no setter', lambda: q.__set__(data, 1))
t('no deleter', lambda: q.__delete__(data))
q.__set_name__(list, 'size')
t('named no getter', lambda: q.__get__(data))
t('named no setter', lambda: q.__set__(data, 1))
t('named no deleter', lambda: q.__delete__(data))
t('set_name one', lambda: q.__set_name__(1))
t('set_name three', lambda: q.__set_name__(1, 2, 3))
t('set_name kw', lambda: q.__set_name__(1, name=2))
g = q.getter(getx)
t('getter copy', lambda: (g is q, g.fget is getx, g.__doc__))
t('getter keeps name', lambda: g.__set__(data, 1))
s = g.setter(setx)
t('setter copy', lambda: (s.fget is getx, s.fset is setx, s.fdel))
d = s.deleter(delx)
t('deleter copy', lambda: (d.fget is getx, d.fdel is delx))
t('getter none', lambda: q.getter())
t('getter two', lambda: q.getter(1, 2))
t('too many', lambda: property(1, 2, 3, 4, 5))
t('too many kw', lambda: property(fget=1, fset=2, fdel=3, doc=4, x=5))
t('bad kw', lambda: property(fget=1, x=2))
t('name and position', lambda: property(1, fget=2))


def assign_1():
    p.fget = 1


t('readonly fget', assign_1)


def assign_2():
    p.foo = 1


t('no attribute', assign_2)
t('missing attribute', lambda: p.foo)
p2 = property(getx)
p2.__doc__ = 'changed'
t('doc assigned', lambda: p2.__doc__)
t('descriptor wrapper', lambda: property.__get__(p2, data))
t('descriptor wrapper bad self', lambda: property.__get__(1, 2))
t('__get__(None, None)', lambda: p.__get__(None, None))
t('__get__ none', lambda: p.__get__())
t('property not callable', lambda: p(1))


def cm_func(cls, n):
    return (cls.__name__, n)


c = classmethod(cm_func)
t('classmethod get', lambda: c.__get__(None, int)(5))
t('classmethod get instance', lambda: c.__get__(3)(6))
t('classmethod __func__', lambda: c.__func__ is cm_func)
t('classmethod __wrapped__', lambda: c.__wrapped__ is cm_func)
t('classmethod __name__', lambda: c.__name__)
t('classmethod __doc__', lambda: c.__doc__)
t('classmethod __qualname__', lambda: c.__qualname__)
c.extra = 5
t('classmethod attr', lambda: c.extra)
t('classmethod dict keys', lambda: sorted(c.__dict__))


def assign_3():
    c.__func__ = 1


t('classmethod readonly', assign_3)


def assign_4():
    c.__dict__ = 1


t('classmethod dict set', assign_4)


def assign_5():
    del c.__dict__


t('classmethod dict del', assign_5)


def assign_6():
    del c.nope


t('classmethod del missing', assign_6)
t('classmethod no arg', lambda: classmethod())
t('classmethod two', lambda: classmethod(1, 2))
t('classmethod kw', lambda: classmethod(cm_func, x=1))
t('classmethod not callable', lambda: c(1))
t('classmethod uninitialized', lambda: classmethod.__new__(classmethod).__get__(1))
t('classmethod repr uninit', lambda: repr(classmethod.__new__(classmethod)))
t('classmethod of builtin', lambda: classmethod(len).__get__(None, int) is not None)


def sm_func(a, b=2):
    return a + b


s = staticmethod(sm_func)
t('staticmethod get', lambda: s.__get__(None, int) is sm_func)
t('staticmethod call', lambda: s(1))
t('staticmethod call kw', lambda: s(1, b=5))
t('staticmethod __func__', lambda: s.__func__ is sm_func)
t('staticmethod __name__', lambda: s.__name__)
t('staticmethod no arg', lambda: staticmethod())
t('staticmethod uninitialized', lambda: staticmethod.__new__(staticmethod).__get__(1))
t('staticmethod repr', lambda: repr(staticmethod(len)) == '<staticmethod(' + repr(len) + ')>')

t('super bound', lambda: super(bool, True).__add__(5))
t('super repr method', lambda: super(bool, True).__repr__())
t('super skips int', lambda: super(int, 5).__add__)
t('super class-bound', lambda: super(bool, bool).__repr__(7))
t('super classmethod', lambda: super(bool, bool).from_bytes((1).to_bytes(1, 'big'), 'big'))
t('super __new__', lambda: super(bool, bool).__new__(int, '12'))
t('super thisclass', lambda: super(bool, True).__thisclass__)
t('super self', lambda: super(bool, True).__self__)
t('super self_class', lambda: super(bool, True).__self_class__)
t('super self_class class', lambda: super(int, bool).__self_class__)
t('super class', lambda: super(bool, True).__class__)
t('super unbound self', lambda: super(bool).__self__)
t('super repr', lambda: repr(super(bool, True)))
t('super repr unbound', lambda: repr(super(bool)))
t('super repr class', lambda: repr(super(int, bool)))
t('super repr None', lambda: repr(super(bool, None)))
t('super get', lambda: super(bool).__get__(True).__add__(1))
t('super missing', lambda: super(bool, True).nope)
t('super unbound missing', lambda: super(bool).__add__)
t('super not instance', lambda: super(bool, 1))
t('super not subclass', lambda: super(bool, int))
t('super arg 1', lambda: super(1, True))
t('super three', lambda: super(bool, True, 1))
t('super kw', lambda: super(bool, x=True))
t('super no args', lambda: super())


def assign_7():
    super(bool, True).x = 1


t('super setattr', assign_7)
