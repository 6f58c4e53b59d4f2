# asyncio.wait_for, timeout, Lock, Event and Semaphore: wake-up order and timeouts (on the
# virtual clock of compiled programs; the order is what CPython gives).
import asyncio
async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError as e:
        print('timeout', type(e).__name__, TimeoutError is asyncio.TimeoutError)
    print(await asyncio.wait_for(asyncio.sleep(0, 'quick'), 1))
    lock = asyncio.Lock()
    order = []
    async def user(n):
        async with lock:
            order.append(f'in{n}')
            await asyncio.sleep(0)
            order.append(f'out{n}')
    await asyncio.gather(user(1), user(2), user(3))
    print(order, lock.locked())
    ev = asyncio.Event()
    async def waiter(n):
        await ev.wait()
        print('waiter', n, 'woke')
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print('setting', ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timed out')
    async with asyncio.timeout(1):
        await asyncio.sleep(0.1)
    print('in time')
    sem = asyncio.Semaphore(2)
    active = []
    async def limited(n):
        async with sem:
            active.append(n)
            print('active', len(active))
            await asyncio.sleep(0)
            active.remove(n)
    await asyncio.gather(*(limited(i) for i in range(4)))
asyncio.run(main())
