# contextlib for compiled programs: contextmanager/asynccontextmanager rules, suppress,
# nullcontext, closing and ExitStack (order, suppression, exception chaining, pop_all).
from contextlib import ExitStack, asynccontextmanager, closing, contextmanager, nullcontext, suppress


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self.name

    def __exit__(self, typ, exc, tb):
        print('exit', self.name, typ.__name__ if typ else None)
        return self.suppress


with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in 'abc']
    stack.callback(print, 'callback', 1, sep='=')
    print('body', names)

with ExitStack() as stack:
    stack.enter_context(CM('outer', suppress=True))
    stack.enter_context(CM('inner'))
    raise KeyError('swallowed')
print('after suppressed')


def raiser(tag):
    def cb(*exc):
        raise ValueError(tag)
    return cb


try:
    with ExitStack() as stack:
        stack.push(raiser('first pushed'))
        stack.push(raiser('second pushed'))
        raise KeyError('original')
except ValueError as e:
    print('raised', e, '| context:', repr(e.__context__), '| its context:', repr(e.__context__.__context__))

with ExitStack() as stack:
    stack.enter_context(CM('moved'))
    later = stack.pop_all()
print('popped')
later.close()

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print('TypeError', e)


class Resource:
    def close(self):
        print('resource closed')


with closing(Resource()) as r:
    print('using', type(r).__name__)

with nullcontext('value') as v, suppress(IndexError, KeyError):
    print(v)
    [][1]
print('suppressed IndexError')


@contextmanager
def tag(name):
    print(f'<{name}>')
    yield name
    print(f'</{name}>')


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def double():
    yield 1
    yield 2


with tag('b') as t:
    print('inside', t)
for cm in (no_yield(), double()):
    try:
        with cm:
            pass
    except RuntimeError as e:
        print('RuntimeError', e)


@contextmanager
def converts():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError('converted') from e


try:
    with converts():
        1 / 0
except ArithmeticError as e:
    print('caught', e, type(e.__cause__).__name__)


@asynccontextmanager
async def atag(name):
    print(f'a<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'a</{name}>')


async def use():
    async with atag('x') as x:
        print('async inside', x)
    try:
        async with atag('y'):
            raise LookupError('through')
    except LookupError as e:
        print('propagated', e)


try:
    use().send(None)
except StopIteration:
    print('done', tag.__name__, atag.__wrapped__.__name__)
