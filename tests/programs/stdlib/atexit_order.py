# atexit: callbacks run after the main module, last registered first, with their
# arguments; one that raises is reported on stderr and the others still run.
import atexit


def bad():
    raise ValueError('boom')


def greet(name, punct='!'):
    print('bye', name + punct)


atexit.register(print, 'last')
atexit.register(greet, 'world', punct='?')
atexit.register(bad)
h = atexit.register(greet, 'never')
atexit.unregister(greet)
print('main done')
