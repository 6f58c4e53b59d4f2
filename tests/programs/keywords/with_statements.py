from contextlib import contextmanager, suppress, ExitStack, nullcontext, closing
class CM:
    def __init__(self, name, swallow=False):
        self.name = name; self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev, tb is not None)
        return self.swallow
with CM('a') as a, CM('b', True) as b:
    print('body', a.name, b.name)
    raise ValueError('v')
print('after')
def ret():
    with CM('r'):
        return 'returned'
print(ret())
def brk():
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                break
            continue
brk()
@contextmanager
def tag(n):
    print('<' + n + '>')
    try:
        yield n.upper()
    except KeyError as e:
        print('cm caught', e)
    finally:
        print('</' + n + '>')
with tag('p') as t:
    print('inside', t)
with tag('q'):
    raise KeyError('k')
try:
    with tag('r'):
        raise ValueError('not caught')
except ValueError as e:
    print('propagated', e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
with ExitStack() as st:
    for n in 'xy':
        st.enter_context(CM(n))
    st.callback(print, 'callback')
with nullcontext(5) as v:
    print(v)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
@contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
class Exc(CM):
    def __exit__(self, *a):
        print('exit raising')
        raise TypeError('from exit')
try:
    with Exc('e'):
        raise ValueError('inner')
except TypeError as e:
    print(type(e.__context__).__name__, e)
