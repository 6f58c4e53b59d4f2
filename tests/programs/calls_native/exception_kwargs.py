# Exception classes called with keywords: BaseException.__new__ leaves them to __init__,
# which refuses them unless a subclass overrides it.
class WithKw(Exception):
    def __init__(self, *, reason):
        super().__init__(reason)
        self.reason = reason

e = WithKw(reason='r')
print(e.args, e.reason, repr(e))

class Both(ValueError):
    def __init__(self, a, *, b=2):
        super().__init__(a, b)

print(Both(1).args, Both(1, b=5).args)

class NoInit(KeyError):
    pass

for thunk in (lambda: ValueError(x=1), lambda: NoInit(1, y=2), lambda: Exception('m', k=None), lambda: WithKw(), lambda: WithKw('pos')):
    try:
        print(thunk())
    except TypeError as err:
        print('TypeError:', err)
