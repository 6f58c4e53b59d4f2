# Uncaught group tracebacks: depth beyond max_group_depth, notes at every level, a chained
# cause inside a group, a sub-exception with its own traceback.
def leaf(i):
    raise ValueError(f'leaf {i}')
def make(depth):
    if depth == 0:
        try:
            leaf(depth)
        except ValueError as e:
            e.add_note(f'note at {depth}')
            return e
    g = ExceptionGroup(f'level {depth}', [make(depth - 1), KeyError(depth)])
    g.add_note(f'group note {depth}')
    return g
try:
    raise TypeError('root cause')
except TypeError as t:
    top = ExceptionGroup('top', [make(12)])
    raise top from t
