"""Behaviour of contextlib, printed for comparison (see run.sh compare)."""
import contextlib
import sys
from contextlib import (contextmanager, asynccontextmanager, suppress, closing, nullcontext,
                        redirect_stdout, ExitStack, AsyncExitStack, ContextDecorator,
                        AbstractContextManager, aclosing)


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


log = []


@contextmanager
def tag(name):
    """Tag docs."""
    log.append('<%s>' % name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append('caught %r' % (e,))
    finally:
        log.append('</%s>' % name)


with tag('a') as v:
    log.append(v)
with tag('b'):
    raise KeyError('k')
try:
    with tag('c'):
        raise ValueError('v')
except ValueError as e:
    log.append('outer %s' % e)
print(log, tag.__doc__, tag.__name__)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def swallow_all():
    try:
        yield
    except Exception:
        yield 'again'


show('no yield', lambda: no_yield().__enter__())


def run(cm, exc=None):
    with cm:
        if exc:
            raise exc
    return 'done'


show('two yields', lambda: run(two_yields()))
show('yield after throw', lambda: run(swallow_all(), ValueError('x')))


@contextmanager
def reraise_other():
    try:
        yield
    except ValueError:
        raise TypeError('converted')


show('converted', lambda: run(reraise_other(), ValueError()))


@contextmanager
def stop_iter():
    yield


show('StopIteration through', lambda: run(stop_iter(), StopIteration('s')))


@tag('deco')
def decorated(x):
    log.append('body %s' % x)
    return x * 2


log.clear()
print(decorated(2), decorated(3), log)


class Mine(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return False


@Mine()
def f():
    print('in f')


f()
with suppress(KeyError, IndexError):
    {}['x']
print('after suppress')
show('suppress other', lambda: run(suppress(KeyError), ValueError('no')))
show('suppress subclass', lambda: run(suppress(LookupError), IndexError('i')))


class Res:
    def close(self):
        print('closed')


with closing(Res()) as r:
    print('using', type(r).__name__)
with nullcontext(5) as n:
    print('null', n)
with nullcontext() as n:
    print('null none', n)


class Buf:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


buf = Buf()
with redirect_stdout(buf):
    print('captured', 1)
print('redirected', buf.parts)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(tag('stacked'))
    stack.push(lambda *exc: print('push exit', exc[0]))
print(log[-2:])
with ExitStack() as outer:
    outer.callback(print, 'kept')
    moved = outer.pop_all()
print('popped; now closing')
moved.close()
show('enter_context bad', lambda: ExitStack().enter_context(5))


def suppressing_exit(*exc):
    print('suppress', exc[0].__name__)
    return True


with ExitStack() as stack:
    stack.push(suppressing_exit)
    raise RuntimeError('hidden')
print('suppressed by stack')


def raising(msg):
    raise ValueError(msg)


try:
    with ExitStack() as stack:
        stack.callback(raising, 'first')
        stack.callback(raising, 'second')
except ValueError as e:
    print('chained', e, repr(e.__context__), repr(getattr(e.__context__, '__context__', 'none')))
try:
    with ExitStack() as stack:
        stack.callback(raising, 'cb')
        raise KeyError('body')
except ValueError as e:
    print('body chain', e, repr(e.__context__))
show('abstract', lambda: (isinstance(nullcontext(), AbstractContextManager), issubclass(Res, AbstractContextManager),
                          issubclass(Mine, AbstractContextManager)))


async def main():
    events = []

    @asynccontextmanager
    async def acm(x):
        events.append('enter %s' % x)
        try:
            yield x + 1
        finally:
            events.append('exit %s' % x)

    async with acm(1) as v:
        events.append('got %s' % v)
    try:
        async with acm(2):
            raise KeyError('k')
    except KeyError:
        events.append('keyerror out')
    async with AsyncExitStack() as stack:
        r = await stack.enter_async_context(acm(10))
        events.append('stack %s' % r)

        async def acb(tag):
            events.append('async cb %s' % tag)

        stack.push_async_callback(acb, 'z')
        stack.callback(events.append, 'sync cb')
    async with nullcontext('nc') as n:
        events.append(n)

    class AClose:
        async def aclose(self):
            events.append('aclosed')

    async with aclosing(AClose()):
        pass
    return events


coro = main()
try:
    coro.send(None)
except StopIteration as stop:
    print(stop.value)
show('__all__', lambda: sorted(contextlib.__all__))
