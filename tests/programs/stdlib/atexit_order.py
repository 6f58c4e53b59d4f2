# atexit: argument checks, == in unregister, keywords kept, a callback
# that unregisters an earlier-registered one before it runs.
import atexit
try:
    atexit.register()
except TypeError as e:
    print('TypeError:', e)
class K:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return isinstance(o, K) and o.n == self.n
    def __hash__(self): return 0
    def __call__(self): print('K called', self.n)
atexit.register(K(1))
atexit.unregister(K(1))
atexit.unregister(K(2))
atexit.register(print, 'run last', sep='|', end='!\n')
def first():
    print('first (never: unregistered by second)')
def second():
    print('second')
    atexit.unregister(first)
atexit.register(first)
atexit.register(second)
atexit.register(print, 'a', 'b', sep='-')
print('end')
