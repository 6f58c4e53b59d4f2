def show(label, f):
    try:
        f()
    except BaseException as e:
        print(label, type(e).__name__, repr(e))
def t1():
    try:
        raise ValueError('plain')
    except* ValueError as eg:
        print('t1 caught', repr(eg), eg.exceptions)
show('t1', t1)
def t2():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print('t2 V')
    except* TypeError as e:
        print('t2 T', e.exceptions)
show('t2', t2)
def t3():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('from handler')
show('t3', t3)
def t4():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show('t4', t4)
def t5():
    try:
        raise ExceptionGroup('g', [ExceptionGroup('inner', [ValueError(1)]), TypeError(2)])
    except* ValueError as e:
        print('t5', repr(e))
show('t5', t5)
def t6():
    try:
        raise TypeError('lone')
    except* ValueError:
        print('no')
show('t6', t6)
def t7():
    try:
        try:
            raise ExceptionGroup('g', [ValueError(1)])
        except* ValueError:
            pass
        print('t7 handled fully')
    finally:
        print('t7 finally')
show('t7', t7)
try:
    try:
        pass
    except* TypeError:
        pass
    else:
        print('else runs')
except Exception as e:
    print(e)
eg = BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError()])
print(type(eg).__name__, type(BaseExceptionGroup('b', [ValueError()])).__name__)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
try:
    raise MyEG('mine', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print(type(e).__name__, e.message)
except* TypeError as e:
    print(type(e).__name__, e.message)
e1 = ValueError('a'); e1.__notes__ = ['n']
g = ExceptionGroup('g', [e1, TypeError('t')])
m, r = g.split(ValueError)
print(m, r, m.exceptions[0] is e1, g.subgroup(lambda x: isinstance(x, TypeError)))
print(str(g), repr(g))
