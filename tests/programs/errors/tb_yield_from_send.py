def inner():
    x = yield 1
    raise ValueError(f'bad {x}')
def outer():
    yield from inner()
g = outer()
next(g)
g.send('sent')
