def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
def f2():
    try:
        raise ValueError
    finally:
        return 'finally wins'
def f3():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('loop finally', i)
    return i
def f4():
    try:
        1/0
    except ZeroDivisionError as e:
        print('zde', e)
        try:
            raise KeyError('k')
        except KeyError as k:
            print('ctx', repr(k.__context__))
    else:
        print('no')
    finally:
        print('fin')
print(f1(), f2(), f3()); f4()
try:
    try:
        raise ValueError('a')
    except ValueError as e:
        raise TypeError('b') from e
except TypeError as t:
    print(repr(t.__cause__), repr(t.__context__), t.__suppress_context__)
try:
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b') from None
except TypeError as t:
    print(repr(t.__cause__), repr(t.__context__), t.__suppress_context__)
def nameunbound():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        e
    except NameError as n:
        print(type(n).__name__, n)
nameunbound()
import sys
try:
    raise KeyError('x')
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exception())
print(sys.exc_info())
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
try:
    raise MyErr(4, 'bad')
except MyErr as e:
    print(e, repr(e), e.args)
e = ValueError('x', 2)
print(str(e), repr(e), e.args, str(ValueError()), repr(KeyError('k')), str(KeyError('k')))
try:
    raise ExceptionGroup('grp', [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print('vals', repr(eg), eg.exceptions)
except* TypeError as eg:
    print('types', eg.exceptions)
eg = ExceptionGroup('m', [ValueError('a'), KeyError('b')])
print(eg.split(ValueError), eg.subgroup(KeyError), eg.message)
e = ValueError('n')
e.add_note('note one')
print(e.__notes__)
def reraise():
    try:
        raise ValueError('orig')
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print('reraised', e, e.__traceback__ is not None)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 3
except TypeError as e:
    print(e)
class NoInit(Exception): pass
print(repr(NoInit(1, 2)), str(NoInit()), NoInit('a').args)
print(BaseException.__subclasses__()[:3] if False else issubclass(KeyError, LookupError))
try:
    {}['missing']
except LookupError as e:
    print(type(e).__name__, e)
e = OSError(2, 'No such file or directory', '/x')
print(type(e).__name__, e.errno, e.strerror, e.filename, e)
e = FileNotFoundError(2, 'nf')
print(type(e).__name__, e, e.args, OSError('a').errno)
print(type(OSError(2, 'x')).__name__)
def loop_ret():
    for x in range(5):
        try:
            return x
        finally:
            if x == 0:
                continue
print(loop_ret())
