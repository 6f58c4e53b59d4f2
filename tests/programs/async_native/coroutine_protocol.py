# Coroutine objects driven by hand: send/throw/close, custom awaitables (__await__), the
# errors CPython gives for misuse.

class Suspend:
    """An awaitable that suspends once, yielding its tag, and returns what it is sent."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return (self.tag, got)


async def leaf(x):
    return x * 2


async def middle():
    a = await leaf(3)
    b = await Suspend('first')
    c = await Suspend('second')
    return a, b, c


c = middle()
print(type(c).__name__, type(c).__qualname__)
print(c.send(None))
print(c.send('one'))
try:
    c.send('two')
except StopIteration as e:
    print('returned', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)

# throw() into a suspended await: the awaitable's frame sees it first.
async def catcher():
    try:
        await Suspend('wait')
    except KeyError as e:
        print('caught inside', repr(e))
        return 'handled'


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print('throw result', e.value)

# throw(type, value) with an instance, and an exception that escapes.
c = catcher()
c.send(None)
try:
    c.throw(ValueError, ValueError('v'))
except ValueError as e:
    print('escaped', repr(e))

# close(): GeneratorExit at the await, finally blocks run.
async def closer():
    try:
        await Suspend('x')
    finally:
        print('finally in closer')


c = closer()
c.send(None)
print(c.close())
print(c.close())

# Awaiting non-awaitables and misbehaving __await__.
async def bad_await(v):
    return await v


for v in [1, 'str', None]:
    try:
        bad_await(v).send(None)
    except TypeError as e:
        print('TypeError', e)


class ReturnsCoro:
    def __await__(self):
        return leaf(1)


class ReturnsInt:
    def __await__(self):
        return 5


for v in [ReturnsCoro(), ReturnsInt()]:
    try:
        bad_await(v).send(None)
    except TypeError as e:
        print('TypeError', e)

# Awaiting a coroutine twice.
async def twice():
    inner = leaf(5)
    print(await inner)
    try:
        await inner
    except RuntimeError as e:
        print('RuntimeError', e)


try:
    twice().send(None)
except StopIteration:
    print('twice done')

# __await__ of a coroutine: an iterator over the same coroutine.
c = middle()
w = c.__await__()
print(next(w))
print(w.send('a'))
try:
    w.send('b')
except StopIteration as e:
    print('via wrapper', e.value)

# StopIteration raised in a coroutine becomes RuntimeError (PEP 479).
async def raises_stop():
    raise StopIteration('inner')


try:
    raises_stop().send(None)
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)

# A coroutine that is not started can be closed; sending a value first is an error.
c = leaf(1)
try:
    c.send(1)
except TypeError as e:
    print('TypeError', e)
c.close()
