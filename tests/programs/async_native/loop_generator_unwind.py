# Generators a loop owns are finalized when an exception unwinds past the loop (CPython's
# reference counting drops the loop's iterator then): before the handler runs, innermost
# loop first; generators held by a variable are not. (Not covered: a comprehension's
# iterator when an exception leaves it, which CPython finalizes only once the exception
# is released, after the handler.)
import asyncio


def g(tag, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print('cleanup', tag)


def nested():
    for a in g('outer'):
        for b in g('inner'):
            raise KeyError((a, b))


try:
    nested()
except KeyError as e:
    print('caught', e)

for a in g('kept-loop'):
    try:
        for b in g('dropped'):
            1 / 0
    except ZeroDivisionError:
        print('handled inside outer loop', a)
        break

held = g('held')
try:
    for x in held:
        raise ValueError
except ValueError:
    print('held not closed yet:', next(held))
held.close()

for x in (y for y in g('genexp-closed')):
    break
print('genexp closed')


def deep(n):
    for x in g(f'deep{n}', 2):
        if n == 0:
            raise RuntimeError('bottom')
        deep(n - 1)


try:
    deep(2)
except RuntimeError as e:
    print('caught', e)


async def agen(tag):
    try:
        for i in range(3):
            yield i
            await asyncio.sleep(0)
    finally:
        print('acleanup', tag)


async def main():
    try:
        async for v in agen('async-raise'):
            raise IndexError('in async for')
    except IndexError:
        print('caught IndexError')
    await asyncio.sleep(0)
    print('after one step')
    await asyncio.sleep(0)
    print('end of main')


asyncio.run(main())
