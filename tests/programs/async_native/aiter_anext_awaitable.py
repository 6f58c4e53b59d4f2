# anext() with a default (anext_awaitable: send/throw), aiter() and their argument errors.
class Suspend:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got
def run(coro, answers=()):
    answers = list(answers)
    sent = None
    while True:
        try:
            tag = coro.send(sent)
        except StopIteration as e:
            return e.value
        print('  suspended at', tag)
        sent = answers.pop(0) if answers else None
async def agen():
    try:
        v = await Suspend('in-agen')
        yield v
        yield 'second'
    finally:
        print('  agen finally')
async def main():
    g = agen()
    print(await anext(g, 'dflt'))
    print(await anext(g, 'dflt'))
    print(await anext(g, 'dflt'))
    print(await anext(g, 'dflt'))
    class It:
        def __aiter__(self): return self
        async def __anext__(self):
            await Suspend('it')
            raise StopAsyncIteration
    print(await anext(It(), 'it-default'))
    aw = anext(agen(), 'x')
    print(type(aw).__name__)
    print(aw.send(None))
    try:
        aw.throw(KeyError('k'))
    except KeyError as e:
        print('thrown', repr(e))
    try:
        anext(g, 1, 2)
    except TypeError as e:
        print(e)
    try:
        aiter(g, 1)
    except TypeError as e:
        print(e)
    class BadAiter:
        def __aiter__(self): return 5
    try:
        aiter(BadAiter())
    except TypeError as e:
        print(e)
    return 'ok'
print(run(main(), ['answer']))
