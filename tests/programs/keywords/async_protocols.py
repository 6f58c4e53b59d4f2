import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    print('agen done')
class ACM:
    async def __aenter__(self):
        print('aenter')
        return self
    async def __aexit__(self, et, ev, tb):
        print('aexit', et.__name__ if et else None)
        return True
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def main():
    print([x async for x in agen(3)])
    async for v in AIter():
        print('aiter', v)
    async with ACM() as c:
        raise ValueError('swallowed')
    g = agen(5)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('closed agen stops')
    async def boom():
        await asyncio.sleep(0)
        raise KeyError('b')
    r = await asyncio.gather(asyncio.sleep(0, 'x'), boom(), return_exceptions=True)
    print(r)
    t = asyncio.create_task(asyncio.sleep(0.01, 'task result'))
    print(await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('timeout')
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def cons():
        out = []
        while (v := await q.get()) is not None:
            out.append(v)
        return out
    _, got = await asyncio.gather(prod(), cons())
    print(got)
    async def coro(): return 5
    c = coro()
    print(type(c).__name__, await c)
    try:
        await c
    except RuntimeError as e:
        print(e)
    lock = asyncio.Lock()
    async with lock:
        print('locked', lock.locked())
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0)
        ev.set()
    asyncio.create_task(setter())
    await ev.wait()
    print('event set')
    async def gen_with_finally():
        try:
            yield 1
            yield 2
        finally:
            print('agen finally')
    async for v in gen_with_finally():
        break
    print([i async for i in agen(2) if i])
    print(await asyncio.gather(*(asyncio.sleep(0, i) for i in range(3))))
asyncio.run(main())
async def unawaited(): pass
print(asyncio.run(asyncio.sleep(0, 'direct')))
