# Comparison script for runtime/lib/asyncio: run once under CPython's asyncio and once
# under edgepyc's (tests/pylib/run.sh compare asyncio); the outputs must be identical.
# Every scenario prints the interleaving it produces; timed sleeps use gaps of >= 10 ms
# so the order does not depend on the machine's speed.
import asyncio

log = []


def say(*args):
    print(*args)


def run(label, coro):
    try:
        say(label, '->', repr(asyncio.run(coro)))
    except BaseException as e:
        say(label, 'raised', type(e).__name__, repr(str(e)))


# ---- scheduling order ------------------------------------------------------------------
async def order_basics():
    loop = asyncio.get_running_loop()
    out = []

    async def child(name, n):
        for i in range(n):
            out.append(f'{name}{i}')
            await asyncio.sleep(0)
        return name

    loop.call_soon(out.append, 'soon1')
    t1 = asyncio.create_task(child('a', 2))
    loop.call_soon(out.append, 'soon2')
    t2 = asyncio.create_task(child('b', 3))
    t1.add_done_callback(lambda f: out.append('cb-' + f.result()))
    out.append('created')
    await asyncio.sleep(0)
    out.append('main-after-1')
    r = await t1
    out.append('main-got-' + r)
    await t2
    out.append('main-done')
    t2.add_done_callback(lambda f: out.append('late-cb'))
    out.append('after-add')
    await asyncio.sleep(0)
    return out


run('order basics', order_basics())


async def order_callbacks():
    loop = asyncio.get_running_loop()
    out = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: out.append(('cb1', f.result())))
    fut.add_done_callback(lambda f: out.append(('cb2', f.result())))
    loop.call_soon(fut.set_result, 42)
    loop.call_soon(out.append, 'after-set')
    out.append(('awaited', await fut))
    h = loop.call_soon(out.append, 'cancelled handle')
    h.cancel()
    loop.call_later(0.02, out.append, 'later-20')
    loop.call_later(0.01, out.append, 'later-10')
    loop.call_at(loop.time() + 0.015, out.append, 'at-15')
    loop.call_later(0, out.append, 'later-0')
    loop.call_soon(out.append, 'soon')
    await asyncio.sleep(0.04)
    return out, h.cancelled()


run('callbacks', order_callbacks())


async def order_sleeps():
    out = []

    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        out.append(name)
        return name

    res = await asyncio.gather(sleeper('c', 0.03), sleeper('a', 0.01), sleeper('b', 0.02),
                               sleeper('z', 0))
    return res, out, await asyncio.sleep(0.001, result='sleep-result')


run('sleeps', order_sleeps())

# ---- gather ------------------------------------------------------------------------------


async def gather_cases():
    out = []

    async def ok(n):
        await asyncio.sleep(0)
        out.append(f'ok{n}')
        return n

    async def boom(n):
        await asyncio.sleep(0)
        out.append(f'boom{n}')
        raise KeyError(n)

    async def slow(n):
        for _ in range(3):
            await asyncio.sleep(0)
        out.append(f'slow{n}')
        return n

    say('empty gather', await asyncio.gather())
    try:
        await asyncio.gather(ok(1), boom(2), slow(3))
    except KeyError as e:
        say('gather raised', repr(e), out[:])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say('slow still ran', out[:])
    res = await asyncio.gather(ok(4), boom(5), return_exceptions=True)
    say('return_exceptions', [repr(r) for r in res])
    t = asyncio.create_task(ok(6))
    c = ok(7)
    res = await asyncio.gather(t, c, t, c)
    say('duplicates', res)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result('pre')
    say('futures', await asyncio.gather(fut, ok(8)))

    victim = asyncio.create_task(slow(9))
    g = asyncio.gather(victim, ok(10), return_exceptions=True)
    await asyncio.sleep(0)
    victim.cancel('stop it')
    res = await g
    say('child cancelled', [type(r).__name__ + ':' + str(r) for r in res])

    g2 = asyncio.gather(slow(11), slow(12))
    await asyncio.sleep(0)
    say('cancel gather', g2.cancel())
    try:
        await g2
    except asyncio.CancelledError as e:
        say('gather cancelled', type(e).__name__, g2.cancelled())
    return out


run('gather', gather_cases())

# ---- cancellation ------------------------------------------------------------------------


async def cancellation():
    out = []

    async def worker(name):
        try:
            out.append(f'{name} start')
            await asyncio.sleep(1)
            out.append(f'{name} never')
        except asyncio.CancelledError as e:
            out.append(f'{name} cancelled {e.args}')
            raise
        finally:
            out.append(f'{name} finally')

    t = asyncio.create_task(worker('w1'))
    await asyncio.sleep(0)
    say('cancel', t.cancel(), t.cancelling(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        say('awaiting cancelled task raised CancelledError', t.cancelled(), t.done())
    say('cancel again', t.cancel())

    t2 = asyncio.create_task(worker('w2'))
    say('cancel before start', t2.cancel('early'))
    try:
        await t2
    except asyncio.CancelledError as e:
        say('early', e.args)

    t3 = asyncio.create_task(worker('w3'))
    await asyncio.sleep(0)
    t3.cancel('with message')
    await asyncio.sleep(0)
    say('t3 state', t3.cancelled())
    try:
        t3.result()
    except asyncio.CancelledError as e:
        say('t3 result', e.args)
    try:
        t3.exception()
    except asyncio.CancelledError as e:
        say('t3 exception()', type(e).__name__)

    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            out.append('stubborn ignores')
        await asyncio.sleep(0)
        return 'survived'

    t4 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t4.cancel()
    say('stubborn', await t4, t4.cancelled(), t4.cancelling(), t4.uncancel())

    async def inner():
        await asyncio.sleep(1)

    async def outer_task():
        try:
            await inner()
        except asyncio.CancelledError:
            out.append('outer saw cancel')
            return 'converted'

    t5 = asyncio.create_task(outer_task())
    await asyncio.sleep(0)
    t5.cancel()
    say('converted', await t5)

    async def waits_on(other):
        return await other

    t6 = asyncio.create_task(asyncio.sleep(1))
    t7 = asyncio.create_task(waits_on(t6))
    await asyncio.sleep(0)
    t7.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    say('cancel propagates to awaited task', t6.cancelled(), t7.cancelled())
    return out


run('cancellation', cancellation())

# ---- wait_for / wait / as_completed / shield / timeout ----------------------------------


async def timeouts():
    out = []

    async def slow(v, d):
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError:
            out.append(f'slow {v} cancelled')
            raise
        return v

    say('wait_for ok', await asyncio.wait_for(slow(1, 0.01), 1))
    say('wait_for none', await asyncio.wait_for(slow(2, 0), None))
    try:
        await asyncio.wait_for(slow(3, 1), 0.01)
    except asyncio.TimeoutError as e:
        say('wait_for timeout', type(e).__name__, type(e.__cause__).__name__,
            asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(slow(4, 1), 0)
    except TimeoutError:
        say('wait_for zero timeout')
    fut = asyncio.get_running_loop().create_future()
    fut.set_result('done already')
    say('wait_for done future', await asyncio.wait_for(fut, 0))

    async def raiser():
        await asyncio.sleep(0.01)
        raise ValueError('inner failure')

    try:
        await asyncio.wait_for(raiser(), 1)
    except ValueError as e:
        say('wait_for exception', e)

    try:
        async with asyncio.timeout(0.01) as cm:
            await slow(5, 1)
    except TimeoutError:
        say('timeout cm expired', cm.expired())
    async with asyncio.timeout(1) as cm:
        await slow(6, 0.001)
    say('timeout cm fine', cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0)
    say('timeout none', cm.when())
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() - 1):
            await asyncio.sleep(0.5)
    except TimeoutError:
        say('timeout_at past')
    return out


run('timeouts', timeouts())


async def waiting():
    async def job(name, d, fail=False):
        await asyncio.sleep(d)
        if fail:
            raise RuntimeError(name)
        return name

    def names(tasks):
        return sorted(t.get_name() for t in tasks)

    ts = [asyncio.create_task(job('a', 0.01), name='A'),
          asyncio.create_task(job('b', 0.05), name='B'),
          asyncio.create_task(job('c', 0.03, True), name='C')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    say('first completed', names(done), names(pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    say('first exception', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    say('all completed', names(done), names(pending))
    t = asyncio.create_task(job('d', 1), name='D')
    done, pending = await asyncio.wait([t], timeout=0.01)
    say('wait timeout', names(done), names(pending))
    t.cancel()
    for bad in [[], asyncio.sleep(0), 'x']:
        try:
            await asyncio.wait(bad)
        except (TypeError, ValueError) as e:
            say('wait error', type(e).__name__, e)
        if hasattr(bad, 'close'):
            bad.close()
    coro = job('e', 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        say('wait coroutine', e)
    coro.close()
    try:
        await asyncio.wait(ts, return_when='SOMETIMES')
    except ValueError as e:
        say('wait return_when', e)

    order = []
    for f in asyncio.as_completed([job('x', 0.03), job('y', 0.01), job('z', 0.02)]):
        order.append(await f)
    say('as_completed', order)
    try:
        for f in asyncio.as_completed([job('slow', 1)], timeout=0.01):
            await f
    except TimeoutError:
        say('as_completed timeout')

    inner = asyncio.create_task(job('shielded', 0.02))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        say('shield outer cancelled', inner.cancelled())
    say('shield inner result', await inner)
    return 'ok'


run('waiting', waiting())

# ---- synchronisation primitives ------------------------------------------------------------


async def primitives():
    out = []
    lock = asyncio.Lock()

    async def locked_worker(name):
        async with lock:
            out.append(f'{name} in')
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            out.append(f'{name} out')

    await asyncio.gather(locked_worker('l1'), locked_worker('l2'), locked_worker('l3'))
    say('lock', out, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        say('release unlocked', e)
    say('acquire', await lock.acquire(), lock.locked())
    lock.release()

    out = []
    ev = asyncio.Event()

    async def waiter(name):
        out.append(f'{name} waits')
        await ev.wait()
        out.append(f'{name} woke')

    ws = [asyncio.create_task(waiter(n)) for n in ('e1', 'e2')]
    await asyncio.sleep(0)
    out.append('setting')
    ev.set()
    out.append('set done')
    await asyncio.gather(*ws)
    say('event', out, ev.is_set(), await ev.wait())
    ev.clear()
    say('event cleared', ev.is_set())

    out = []
    sem = asyncio.Semaphore(2)

    async def limited(name):
        async with sem:
            out.append(f'{name}+')
            await asyncio.sleep(0.01)
            out.append(f'{name}-')

    await asyncio.gather(*(limited(f's{i}') for i in range(5)))
    say('semaphore', out, sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        say('bounded', e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        say('semaphore negative', e)

    out = []
    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            out.append(f'{name} got {items.pop(0)}')

    async def producer():
        for i in range(3):
            await asyncio.sleep(0)
            async with cond:
                items.append(i)
                out.append(f'put {i}')
                cond.notify()

    await asyncio.gather(consumer('c1'), consumer('c2'), consumer('c3'), producer())
    say('condition', out)
    try:
        cond.notify()
    except RuntimeError as e:
        say('notify unlocked', e)
    return 'ok'


run('primitives', primitives())


async def queues():
    out = []
    q = asyncio.Queue(maxsize=2)
    say('queue fresh', q.qsize(), q.empty(), q.full(), q.maxsize, str(q))

    async def producer(n):
        for i in range(n):
            await q.put(i)
            out.append(f'put {i} size={q.qsize()}')

    async def worker(name):
        while True:
            item = await q.get()
            out.append(f'{name} got {item}')
            await asyncio.sleep(0)
            q.task_done()

    workers = [asyncio.create_task(worker(f'w{i}')) for i in range(2)]
    await producer(6)
    out.append('produced')
    await q.join()
    out.append('joined')
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    say('queue', out)
    q2 = asyncio.Queue(1)
    q2.put_nowait('a')
    try:
        q2.put_nowait('b')
    except asyncio.QueueFull as e:
        say('full', type(e).__name__, repr(str(e)), str(q2))
    say('get_nowait', q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty as e:
        say('empty', type(e).__name__)
    q2.task_done()
    try:
        q2.task_done()
    except ValueError as e:
        say('task_done', e)
    pq = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'a'), (2, 'b')]:
        pq.put_nowait(item)
    lq = asyncio.LifoQueue()
    for item in 'xyz':
        await lq.put(item)
    say('priority', [pq.get_nowait() for _ in range(3)], 'lifo', [await lq.get() for _ in range(3)])
    return 'ok'


run('queues', queues())

# ---- tasks, futures, loops ---------------------------------------------------------------


async def task_api():
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    say('main task', type(main).__name__, main is asyncio.current_task(loop),
        main in asyncio.all_tasks(), isinstance(main, asyncio.Future))

    async def named():
        return asyncio.current_task().get_name()

    t = asyncio.create_task(named(), name='custom')
    say('named', await t, t.get_name())
    t.set_name(12)
    say('set_name', repr(t.get_name()), t.done(), t.result(), t.exception())
    say('get_coro', type(t.get_coro()).__name__)

    async def failing():
        raise OSError(5, 'io')

    t = asyncio.create_task(failing())
    await asyncio.sleep(0)
    say('failing', t.done(), repr(t.exception()))
    try:
        t.result()
    except OSError as e:
        say('result raises', e.errno)
    try:
        t.set_result(1)
    except RuntimeError as e:
        say('task set_result', e)

    fut = loop.create_future()
    say('future repr', repr(fut), fut.done(), fut.cancelled(), fut.get_loop() is loop)
    for op in (fut.result, fut.exception):
        try:
            op()
        except asyncio.InvalidStateError as e:
            say('not ready', e)
    fut.set_result([1, 2, 3, 4, 5, 6, 7, 8])
    say('future repr done', repr(fut))
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        say('set twice', e)
    f2 = loop.create_future()
    f2.set_exception(ValueError)
    say('exc class', repr(f2.exception()), repr(f2))
    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        say('stopiteration', e)
    f3 = loop.create_future()
    f3.cancel()
    say('cancelled repr', repr(f3), f3.cancel())
    f4 = loop.create_future()

    def cb(f):
        pass

    f4.add_done_callback(cb)
    f4.add_done_callback(cb)
    say('remove cb', f4.remove_done_callback(cb), f4.remove_done_callback(cb))
    f5 = loop.create_future()
    f5.set_result('x' * 50)
    say('long result repr', repr(f5))
    say('isfuture', asyncio.isfuture(f5), asyncio.isfuture(t), asyncio.isfuture(1))

    async def coro_fn():
        pass

    c = coro_fn()
    say('iscoroutine', asyncio.iscoroutine(c), asyncio.iscoroutine(coro_fn),
        asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(cb))
    c.close()
    try:
        asyncio.create_task(123)
    except TypeError as e:
        say('create_task non-coro', e)
    try:
        asyncio.ensure_future(5)
    except TypeError as e:
        say('ensure_future', e)

    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return 'custom awaitable'

    say('ensure_future awaitable', await asyncio.ensure_future(Awaitable()))
    say('ensure_future future', asyncio.ensure_future(f5) is f5)
    nested = asyncio.run
    co = coro_fn()
    try:
        nested(co)
    except RuntimeError as e:
        say('nested run', e)
    co.close()
    try:
        loop.run_until_complete(f5)
    except RuntimeError as e:
        say('loop running', e)
    return 'ok'


run('task api', task_api())
try:
    asyncio.run(42)
except ValueError as e:
    say('run non-coroutine', e)

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    say('no running loop', e)

loop = asyncio.new_event_loop()


async def on_loop(x):
    await asyncio.sleep(0.001)
    return x * 2


say('manual loop', loop.run_until_complete(on_loop(21)), loop.is_running(), loop.is_closed())
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, 'timer')
say('run_until_complete future', loop.run_until_complete(fut))
events = []
loop.call_soon(events.append, 1)
loop.call_soon(loop.stop)
loop.call_soon(events.append, 2)
loop.run_forever()
say('run_forever stop', events)
loop.run_until_complete(asyncio.sleep(0))
say('after next run', events)
loop.close()
say('closed', loop.is_closed())
co = on_loop(1)
try:
    loop.run_until_complete(co)
except RuntimeError as e:
    say('closed loop', e)
co.close()


# ---- shutdown of pending tasks by asyncio.run --------------------------------------------------
async def leaves_tasks(which):
    async def forever(name):
        try:
            while True:
                await asyncio.sleep(0.005)
        finally:
            print('cleanup', name)

    async def catches(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('caught at shutdown', name)
            return 'late'

    # One task per run: CPython cancels leftovers in WeakSet order, which is unspecified.
    asyncio.create_task(forever('f1') if which else catches('c1'))
    await asyncio.sleep(0.012)
    print('main returns')
    return 'main result'


run('shutdown', leaves_tasks(True))
run('shutdown', leaves_tasks(False))


# ---- TaskGroup -------------------------------------------------------------------------------
async def groups():
    out = []

    async def job(name, d, fail=None):
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError:
            out.append(f'{name} cancelled')
            raise
        if fail:
            raise fail
        out.append(f'{name} done')
        return name

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job('a', 0.01))
        t2 = tg.create_task(job('b', 0.02), name='bee')
        out.append('body done')
    say('group ok', out, t1.result(), t2.result(), t2.get_name())

    out = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job('x', 0.01, ValueError('bad x')))
            tg.create_task(job('y', 0.05))
            tg.create_task(job('z', 0.01, KeyError('bad z')))
            await asyncio.sleep(1)
            out.append('body never finishes')
    except* ValueError as eg:
        say('except* ValueError', [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        say('except* KeyError', [repr(e) for e in eg.exceptions])
    say('group failure', out)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job('p', 0.01))
            raise LookupError('body failed')
    except ExceptionGroup as eg:
        say('body error', eg.message, [repr(e) for e in eg.exceptions])
    co = job('late', 0)
    try:
        tg.create_task(co)
    except RuntimeError as e:
        say('finished group', 'is finished' in str(e))
    co.close()
    return out


run('taskgroup', groups())


# ---- async generators and iteration through the loop -------------------------------------------
async def agens():
    async def ticker(n, d):
        for i in range(n):
            await asyncio.sleep(d)
            yield i

    async def collect(name, n, d, out):
        async for v in ticker(n, d):
            out.append(f'{name}{v}')

    out = []
    await asyncio.gather(collect('p', 3, 0.02, out), collect('q', 2, 0.05, out))
    say('agen interleave', out)
    squares = [v * v async for v in ticker(4, 0)]
    agen = ticker(3, 0)
    first = await agen.__anext__()
    await agen.aclose()
    return squares, first


run('agens', agens())


# ---- errors out of run(), self-await, old-style loop use, loop-bound primitives ----------------
async def raises_out():
    await asyncio.sleep(0)
    raise ArithmeticError('from main')


run('exception from main', raises_out())


async def self_await():
    task = asyncio.current_task()
    try:
        await task
    except RuntimeError as e:
        return 'self-await: ' + str(e).split(':')[0]


run('self await', self_await())


async def cancelled_main():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    return 'not reached'


run('main cancelled', cancelled_main())

try:
    asyncio.get_event_loop()
except RuntimeError as e:
    say('no current loop after run()', e)
asyncio.set_event_loop(asyncio.new_event_loop())
old_loop = asyncio.get_event_loop()
say('get_event_loop same', old_loop is asyncio.get_event_loop(), old_loop.is_running())
say('old style', old_loop.run_until_complete(on_loop(5)))
task = old_loop.create_task(on_loop(7))
say('task before run', task.done())
say('task after run', old_loop.run_until_complete(task), task.done())
old_loop.close()
asyncio.set_event_loop(None)

shared_queue = asyncio.Queue()


async def use_queue(v):
    await shared_queue.put(v)
    return await shared_queue.get()


say('bound queue', asyncio.run(use_queue(1)))
say('no wait, no binding', asyncio.run(use_queue(2)))


async def wait_queue():
    async def later():
        await asyncio.sleep(0)
        await shared_queue.put('late item')
    asyncio.create_task(later())
    return await shared_queue.get()


say('first wait binds', asyncio.run(wait_queue()))
try:
    asyncio.run(wait_queue())
except RuntimeError as e:
    say('queue on another loop', 'bound to a different event loop' in str(e))
