# A program that compiles the exception-group module in (it names BaseExceptionGroup) prints
# plain tracebacks exactly as before: chains, notes, repeated frames.
import contextlib
def rec(n):
    if n == 0:
        raise ValueError('bottom')
    return rec(n - 1)
def outer():
    try:
        rec(6)
    except ValueError as e:
        e.add_note('first note\nsecond line')
        raise RuntimeError('wrapped') from e
print(issubclass(ExceptionGroup, BaseExceptionGroup))
with contextlib.suppress(KeyError):
    {}['x']
try:
    outer()
except RuntimeError:
    pass
try:
    1 / 0
except ZeroDivisionError:
    outer()
