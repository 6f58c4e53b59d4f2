# sys.exc_info() and sys.exception(): the exception being handled (nested handlers, generators), none outside.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError('x')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is v.__traceback__, tb is not None, sys.exception() is v)
    try:
        raise ValueError(1)
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
try:
    sys.exc_info(1)
except TypeError as e:
    print(e)
try:
    sys.exception(a=1)
except TypeError as e:
    print(e)
def g():
    try:
        raise IndexError
    except IndexError:
        yield sys.exception()
        yield sys.exception()
it = g()
print(repr(next(it)), sys.exception())
print(repr(next(it)))
