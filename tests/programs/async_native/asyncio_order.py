# asyncio scheduling order: tasks, gather, sleep with delays, queues, cancellation,
# exceptions through tasks; the interleavings must be CPython's.
import asyncio

log = []


async def worker(name, n, delay=0):
    for i in range(n):
        log.append(f'{name}{i}')
        await asyncio.sleep(delay)
    return name


async def spawn():
    t1 = asyncio.create_task(worker('x', 3))
    t2 = asyncio.create_task(worker('y', 2))
    log.append('spawned')
    await asyncio.sleep(0)
    log.append('main resumed')
    r = await t2
    log.append(f'got {r}')
    print(t1.done(), t2.done(), await t1)
    print(log)
    log.clear()


asyncio.run(spawn())


async def timed():
    r = await asyncio.gather(worker('slow', 2, 0.3), worker('fast', 3, 0.1), worker('zero', 2))
    print(r)
    print(log)
    log.clear()
    print(await asyncio.sleep(0.5, result='slept'))


asyncio.run(timed())


async def cancelling():
    async def forever():
        try:
            while True:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            print('forever cancelled')
            raise
        finally:
            print('forever finally')

    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('cancel ->', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('awaiting cancelled task raised CancelledError')
    print(t.cancelled(), t.done())
    try:
        t.result()
    except asyncio.CancelledError:
        print('result() raised CancelledError')


asyncio.run(cancelling())


async def failing(n):
    await asyncio.sleep(0)
    raise ValueError(f'failure {n}')


async def errors():
    t = asyncio.create_task(failing(1))
    try:
        await t
    except ValueError as e:
        print('task raised', e, type(t.exception()).__name__)
    res = await asyncio.gather(failing(2), worker('ok', 1), return_exceptions=True)
    print([repr(r) for r in res])
    log.clear()
    try:
        await asyncio.gather(worker('p', 2), failing(3), worker('q', 2))
    except ValueError as e:
        print('gather raised', e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)
    log.clear()
    print(await asyncio.gather())


asyncio.run(errors())


async def queues():
    q = asyncio.Queue(maxsize=1)
    done = []

    async def produce(tag, n):
        for i in range(n):
            await q.put(f'{tag}{i}')
            print('put', tag, i, q.qsize())

    async def consume():
        for _ in range(4):
            item = await q.get()
            print('got', item)
            done.append(item)
            q.task_done()

    await asyncio.gather(produce('a', 2), produce('b', 2), consume())
    await q.join()
    print(done, q.empty(), q.full())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')


asyncio.run(queues())


async def leftover():
    async def background():
        try:
            await asyncio.sleep(10)
        finally:
            print('background cleaned up')

    asyncio.create_task(background())
    await asyncio.sleep(0)
    print('main returns', asyncio.current_task() is not None)
    return 7


print(asyncio.run(leftover()))
try:
    asyncio.run(worker('x', 1)())
except TypeError as e:
    print('TypeError', e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)
