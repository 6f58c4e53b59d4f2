# An exception escaping awaits chains: the traceback lists every coroutine frame.
class Suspend:
    def __await__(self):
        yield


async def innermost(n):
    await Suspend()
    return 10 // n


async def middle(n):
    v = await innermost(n)
    return v + 1


async def top():
    return await middle(0)


c = top()
c.send(None)
c.send(None)
