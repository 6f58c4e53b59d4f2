def gen():
    try:
        yield 1
    except KeyError:
        raise RuntimeError('converted')
g = gen()
next(g)
g.throw(KeyError('k'))
