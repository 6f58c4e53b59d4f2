# Generators delegating with `yield from`: send/throw/close reach the innermost generator,
# its return value comes back, and iterators without throw/close are handled as CPython does.


def inner():
    try:
        x = yield 'inner-1'
        print('inner got', x)
        y = yield 'inner-2'
        print('inner got', y)
    except KeyError as e:
        print('inner caught', repr(e))
        return 'inner-returned-after-catch'
    finally:
        print('inner finally')
    return 'inner-result'


def outer():
    r = yield from inner()
    print('outer got result', r)
    z = yield 'outer-after'
    return z


g = outer()
print(next(g))
print(g.send('a'))
print(g.send('b'))
try:
    g.send('c')
except StopIteration as e:
    print('stop', e.value)

# throw() into the delegate, which handles it and returns: outer goes on after yield from.
g = outer()
next(g)
print(g.throw(KeyError('k')))
g.close()

# close() closes the delegate first.
g = outer()
next(g)
g.close()
print('closed')

# An exception the delegate does not handle comes out of outer.
g = outer()
next(g)
try:
    g.throw(ValueError('v'))
except ValueError as e:
    print('escaped', e)


class Plain:
    """An iterator without throw/close."""

    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration('plain-done')
        return self.i


def over_plain():
    r = yield from Plain()
    return r


g = over_plain()
print(next(g), next(g))
try:
    g.send(None)
except StopIteration as e:
    print('plain result', e.value)
g = over_plain()
next(g)
try:
    g.throw(IndexError('i'))
except IndexError as e:
    print('thrown through plain', e)
g = over_plain()
next(g)
g.close()
print('closed plain')


def nested(depth):
    if depth == 0:
        got = yield 'bottom'
        return f'bottom got {got}'
    r = yield from nested(depth - 1)
    return f'{depth}:{r}'


g = nested(3)
print(next(g))
try:
    g.send('x')
except StopIteration as e:
    print(e.value)


def running():
    yield g2.send(None)


g2 = running()
try:
    next(g2)
except ValueError as e:
    print('ValueError', e)
