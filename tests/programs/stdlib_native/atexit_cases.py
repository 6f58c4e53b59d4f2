# atexit natively: arguments and keywords, decorator use, unregister, a raising callback
# reported on stderr, registration from a callback (never run), sys.exit status kept.
import atexit, sys
def show(*a, **k):
    print('show', a, sorted(k.items()))
class Boom(Exception):
    pass
def boom():
    raise Boom('at exit')
atexit.register(show, 1, 2, x=3)
@atexit.register
def deco():
    print("decorated")
atexit.register(boom)
atexit.register(show, 'twice')
atexit.register(print, 'plain print')
atexit.unregister(print)
try:
    atexit.register(5)
except TypeError as e:
    print('TypeError:', e)
def late():
    print('late registration from a callback runs? no')
atexit.register(lambda: atexit.register(late))
print('main done')
sys.exit(3)
