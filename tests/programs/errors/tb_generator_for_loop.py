def gen():
    yield 1
    raise KeyError('in gen')
for x in gen():
    pass
