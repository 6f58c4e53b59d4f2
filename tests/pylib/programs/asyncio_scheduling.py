# asyncio: the order in which callbacks, task steps and done callbacks run.
import asyncio

trace = []


async def step(name, n):
    for i in range(n):
        trace.append(f'{name}.{i}')
        await asyncio.sleep(0)
    trace.append(f'{name}.end')
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(trace.append, 'soon-A')
    t1 = asyncio.create_task(step('t1', 2))
    t2 = asyncio.create_task(step('t2', 1))
    loop.call_soon(trace.append, 'soon-B')
    t1.add_done_callback(lambda t: trace.append('done-cb ' + t.result()))
    trace.append('main before await')
    print(await asyncio.gather(t1, t2, step('g', 1)))
    trace.append('main after gather')
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'future value')
    fut.add_done_callback(lambda f: trace.append('fut-cb ' + f.result()))
    print(await fut)
    print(fut.done(), t1.done(), t2.result())
    later = []
    for d in (0.03, 0.01, 0.02):
        loop.call_later(d, later.append, d)
    await asyncio.sleep(0.05)
    print('timers fired in order', later)
    print(asyncio.current_task().get_name().startswith('Task-'))


asyncio.run(main())
for line in trace:
    print(line)


async def nested(depth):
    if depth == 0:
        await asyncio.sleep(0)
        return 'bottom'
    return f'{depth}/' + await nested(depth - 1)


async def chain():
    tasks = [asyncio.create_task(nested(d)) for d in range(4)]
    return [await t for t in tasks]


print(asyncio.run(chain()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(nested(2)), loop.is_closed())
loop.close()
print(loop.is_closed())
