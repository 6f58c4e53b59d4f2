def g():
    try:
        x = yield 1
        print('got', x)
        y = yield x * 2
        print('got', y)
    except ValueError as e:
        print('caught', e)
        yield 'after'
    finally:
        print('finally g')
    return 'done'
it = g()
print(next(it), it.send(5), it.throw(ValueError('boom')))
try:
    next(it)
except StopIteration as e:
    print('stop', e.value)
def sub():
    r = yield 1
    print('sub got', r)
    yield 2
    return 'subret'
def outer():
    v = yield from sub()
    print('outer got', v)
    return v
o = outer()
print(next(o), o.send('hi'))
try:
    next(o)
except StopIteration as e:
    print('outer stop', e.value)
def closer():
    try:
        yield 1
    finally:
        print('closing')
c = closer(); next(c); c.close(); print(c.gi_frame)
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ign(); next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def pep479():
    yield 1
    raise StopIteration('x')
try:
    list(pep479())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def genexpr_scope():
    return list(x * y for x in range(3) for y in range(2))
print(genexpr_scope())
def gen_return_in_finally():
    try:
        yield 1
    finally:
        return 5
gg = gen_return_in_finally(); next(gg)
try:
    gg.throw(KeyError('k'))
except StopIteration as e:
    print('swallowed', e.value)
def delegating():
    yield from [1, 2]
    yield from (x for x in 'ab')
print(list(delegating()))
def thrower():
    try:
        yield from sub()
    except KeyError as e:
        print('outer caught', e)
        yield 99
t = thrower(); next(t); print(t.throw(KeyError('kk')))
print(g.__name__, type(it).__name__, it.__qualname__ if hasattr(it, '__qualname__') else '')
def running():
    yield rr.send(None)
rr = running()
try:
    next(rr)
except ValueError as e:
    print(e)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
def send_none_first():
    yield 1
s = send_none_first()
try:
    s.send(3)
except TypeError as e:
    print(e)
