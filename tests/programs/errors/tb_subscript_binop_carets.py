def f(d):
    return d['a']['b'] + 1
f({'a': {'b': 'x'}})
