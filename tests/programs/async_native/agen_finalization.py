# Async generators a loop owns and leaves early: without an event loop they are closed on
# the spot; under asyncio the finalizer hook schedules aclose() as a task, and the ones
# still suspended when asyncio.run ends are closed by shutdown_asyncgens.
import asyncio
import sys


async def numbers(tag, n):
    try:
        for i in range(n):
            yield i
    finally:
        print('cleanup', tag)


class Suspend:
    def __await__(self):
        yield


async def no_loop():
    async for v in numbers('no-loop', 5):
        if v == 1:
            break
    print('after no-loop break')


try:
    no_loop().send(None)
except StopIteration:
    pass


async def main():
    async for v in numbers('break', 5):
        if v == 2:
            break
    print('after break')
    await asyncio.sleep(0)
    print('after one step')
    await asyncio.sleep(0)
    print('after two steps')
    kept = numbers('kept', 5)
    print(await kept.__anext__())
    print('main returns')


asyncio.run(main())
print('run returned')

for bad in [1, 'x']:
    try:
        sys.set_asyncgen_hooks(firstiter=bad)
    except TypeError as e:
        print('TypeError', e)
try:
    sys.set_asyncgen_hooks(finalizer=3)
except TypeError as e:
    print('TypeError', e)
