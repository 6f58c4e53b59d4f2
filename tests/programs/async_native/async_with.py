# async with: __aenter__/__aexit__ awaited, exceptions passed to __aexit__, suppression,
# and CPython's errors for objects that are not asynchronous context managers.


class Suspend:
    def __await__(self):
        yield 'pause'


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Suspend()
        print('enter', self.name)
        return self.name.upper()

    async def __aexit__(self, typ, value, tb):
        await Suspend()
        print('exit', self.name, typ.__name__ if typ else None, value)
        return self.suppress


async def main():
    async with Manager('a') as x:
        print('body', x)
    async with Manager('b', suppress=True):
        raise KeyError('hidden')
    try:
        async with Manager('c'):
            raise ValueError('shown')
    except ValueError as e:
        print('caught', e)
    async with Manager('outer') as o, Manager('inner') as i:
        print('both', o, i)
    for i in range(3):
        async with Manager(f'loop{i}'):
            if i == 1:
                continue
            print('loop body', i)
    return 'done'


print(run(main()))


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class EnterOnly:
    async def __aenter__(self):
        return 1


class BadEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


class BadExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 5


async def misuse(m):
    async with m:
        pass


for m in [SyncOnly(), EnterOnly(), BadEnter(), BadExit(), 3]:
    try:
        run(misuse(m))
    except TypeError as e:
        print('TypeError', e)
