# asyncio: cancellation, timeouts, shielding and task groups.
import asyncio


async def patient(name, log, delay=1.0):
    try:
        log.append(f'{name} waiting')
        await asyncio.sleep(delay)
        log.append(f'{name} finished')
        return name
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    finally:
        log.append(f'{name} cleanup')


async def cancelling():
    log = []
    task = asyncio.create_task(patient('p1', log))
    await asyncio.sleep(0)
    print('cancel() ->', task.cancel('shutting down'))
    try:
        await task
    except asyncio.CancelledError as e:
        print('awaiting raised CancelledError', e.args)
    print(task.cancelled(), task.done(), task.cancel())

    try:
        await asyncio.wait_for(patient('p2', log), timeout=0.01)
    except TimeoutError:
        print('wait_for timed out')
    print(await asyncio.wait_for(patient('p3', log, 0), timeout=1))

    try:
        async with asyncio.timeout(0.01):
            await patient('p4', log)
    except TimeoutError:
        print('timeout() block expired')

    inner = asyncio.create_task(patient('p5', log, 0.02))
    guarded = asyncio.shield(inner)
    await asyncio.sleep(0)
    guarded.cancel()
    try:
        await guarded
    except asyncio.CancelledError:
        print('shield cancelled the outer future only')
    print('inner result:', await inner)
    print('\n'.join(log))


asyncio.run(cancelling())


async def job(name, fail_after=None):
    for i in range(3):
        await asyncio.sleep(0)
        if fail_after == i:
            raise ValueError(f'{name} failed at step {i}')
    return name


async def groups():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(n)) for n in 'abc']
    print('group results', [t.result() for t in tasks])
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(job('fine'))
            bad = tg.create_task(job('broken', fail_after=0))
            slow = tg.create_task(patient('slow', [], 1.0))
    except* ValueError as group:
        print('caught', [str(e) for e in group.exceptions])
    print(ok.done(), ok.cancelled(), bad.done(), slow.cancelled())


asyncio.run(groups())


async def error_handling():
    async def boom():
        await asyncio.sleep(0)
        raise KeyError('missing')

    results = await asyncio.gather(job('x'), boom(), job('y'), return_exceptions=True)
    print([repr(r) for r in results])
    try:
        await asyncio.gather(boom(), job('z'))
    except KeyError as e:
        print('gather propagated', repr(e))
    task = asyncio.create_task(boom())
    done, pending = await asyncio.wait([task])
    print(len(done), len(pending), repr(task.exception()))
    order = []
    for coro in asyncio.as_completed([job('first'), job('second', fail_after=1)]):
        try:
            order.append(await coro)
        except ValueError as e:
            order.append(str(e))
    print(sorted(order))


asyncio.run(error_handling())
