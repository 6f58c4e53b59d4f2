# atexit callbacks run after the traceback of an uncaught exception, last registered first.
import atexit
atexit.register(print, 'cleanup ran')
atexit.register(lambda: print('first'))
print('before')
raise KeyError('oops')
