import asyncio, contextlib, functools, sys
class Resource:
    opened = []
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        Resource.opened.append(self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *exc):
        Resource.opened.remove(self.name)
        return False
def retry(times):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*a, **k):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*a, **k)
                except ConnectionError as e:
                    print(f'attempt {attempt} failed: {e}')
            raise RuntimeError(f'{fn.__name__} gave up')
        return wrapper
    return deco
calls = {'n': 0}
@retry(3)
async def flaky(x):
    calls['n'] += 1
    if calls['n'] < 3:
        raise ConnectionError(f'try {calls["n"]}')
    return x * 2
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)
async def consumer(q):
    total = 0
    while (item := await q.get()) is not None:
        total += item
    return total
async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def main():
    async with Resource('db') as r, Resource('cache'):
        print('open', Resource.opened, r.name)
    print('closed', Resource.opened)
    print(await flaky(21), flaky.__name__)
    q = asyncio.Queue()
    _, total = await asyncio.gather(producer(q, 5), consumer(q))
    print('total', total)
    print([i async for i in ticker(4) if i % 2 == 0])
    results = await asyncio.gather(*(asyncio.sleep(0.001 * i, result=i) for i in range(3)), return_exceptions=True)
    print(results)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timed out')
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(flaky(1))
            async def boom():
                raise ValueError('tg boom')
            tg.create_task(boom())
    except* ValueError as eg:
        print('group', [str(e) for e in eg.exceptions])
    with contextlib.suppress(KeyError):
        {}['x']
    print('done')
asyncio.run(main())
