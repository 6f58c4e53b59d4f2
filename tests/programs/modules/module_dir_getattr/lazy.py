answer = 42


def __getattr__(name):
    if name.startswith('computed_'):
        return name[len('computed_'):].upper()
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')


def __dir__():
    return ['zeta', 'answer', 'computed_value']
