# asyncio: a producer/worker pipeline with a bounded queue, a lock, an event and a semaphore.
import asyncio


async def producer(queue, items, log):
    for item in items:
        await queue.put(item)
        log.append(f'queued {item} (size {queue.qsize()})')
    log.append('producer finished')


async def worker(name, queue, results, lock, log):
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(0)
            async with lock:
                results[item] = f'{name}:{item * item}'
                log.append(f'{name} handled {item}')
        finally:
            queue.task_done()


async def pipeline():
    queue = asyncio.Queue(maxsize=3)
    lock = asyncio.Lock()
    results = {}
    log = []
    workers = [asyncio.create_task(worker(f'w{i}', queue, results, lock, log), name=f'w{i}')
               for i in range(3)]
    await producer(queue, range(8), log)
    await queue.join()
    log.append('all items processed')
    for w in workers:
        w.cancel()
    outcome = await asyncio.gather(*workers, return_exceptions=True)
    print('\n'.join(log))
    print(sorted(results.items()))
    print([type(o).__name__ for o in outcome], [w.cancelled() for w in workers])


asyncio.run(pipeline())


async def gate():
    ready = asyncio.Event()
    sem = asyncio.Semaphore(2)
    order = []

    async def runner(i):
        await ready.wait()
        async with sem:
            order.append(f'start {i}')
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            order.append(f'stop {i}')
        return i

    tasks = [asyncio.create_task(runner(i)) for i in range(4)]
    await asyncio.sleep(0)
    order.append('opening gate')
    ready.set()
    done = await asyncio.gather(*tasks)
    print(order)
    print(done, ready.is_set(), sem.locked())


asyncio.run(gate())


async def priorities():
    pq = asyncio.PriorityQueue()
    for prio, job in [(3, 'low'), (1, 'urgent'), (2, 'normal'), (1, 'also urgent')]:
        await pq.put((prio, job))
    print([await pq.get() for _ in range(pq.qsize())])
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print('empty now', pq.empty())
    small = asyncio.Queue(maxsize=1)
    small.put_nowait('x')
    try:
        small.put_nowait('y')
    except asyncio.QueueFull:
        print('full', small.full(), str(small))


asyncio.run(priorities())
