# Async generators: asend/athrow/aclose, __aiter__/__anext__, async for and async
# comprehensions, driven without an event loop.


class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


def run(coro):
    """Drive a coroutine to the end, answering each suspension with its tag upper-cased."""
    sent = None
    while True:
        try:
            tag = coro.send(sent)
        except StopIteration as e:
            return e.value
        print('  loop saw', tag)
        sent = tag.upper() if isinstance(tag, str) else tag


async def counter(n):
    try:
        for i in range(n):
            got = await Suspend(f'tick{i}')
            received = yield (i, got)
            if received is not None:
                print('  generator received', received)
    finally:
        print('  counter cleanup')


async def main():
    async for item in counter(2):
        print('item', item)
    print([x async for x in counter(2)])
    print([x[0] async for x in counter(3) if x[0] != 1])
    g = counter(5)
    print(await g.asend(None))
    print(await g.asend('hello'))
    try:
        await g.athrow(ValueError('stop it'))
    except ValueError as e:
        print('athrow raised', e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('exhausted after athrow')
    g = counter(5)
    await g.__anext__()
    print('aclose ->', await g.aclose())
    print('aclose again ->', await g.aclose())
    g = counter(5)
    async for item in g:
        if item[0] == 1:
            break
    print('after break')
    await g.aclose()
    return 'main done'


print(run(main()))


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def check_ignore():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)


run(check_ignore())


async def catches():
    try:
        yield 'a'
    except KeyError as e:
        print('  caught', repr(e))
        yield 'recovered'


async def check_athrow():
    g = catches()
    print(await g.__anext__())
    print(await g.athrow(KeyError('x')))
    print(type(g).__name__, g.__aiter__() is g)


run(check_athrow())


class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(f'range{self.i}')
        return self.i


async def use_class():
    total = 0
    async for v in AsyncRange(3):
        total += v
    print('total', total)
    for bad in [1, object()]:
        try:
            async for v in bad:
                pass
        except TypeError as e:
            print('TypeError', str(e).replace(type(bad).__name__, 'T'))


run(use_class())


class NoAnext:
    def __aiter__(self):
        return self


async def no_anext():
    try:
        async for v in NoAnext():
            pass
    except TypeError as e:
        print('TypeError', e)


run(no_anext())
