import asyncio
async def agen():
    for i in range(3):
        yield i
class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n * 10
async def main():
    g = agen()
    print(await anext(g), await anext(g, 'x'), await anext(g), await anext(g, 'done'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')
    it = aiter(AIt())
    print(await anext(it), await anext(it), await anext(it, 'end'))
    try:
        aiter(1)
    except TypeError as e:
        print(e)
    try:
        anext(1)
    except TypeError as e:
        print(e)
    print([x async for x in aiter(agen())])
asyncio.run(main())
