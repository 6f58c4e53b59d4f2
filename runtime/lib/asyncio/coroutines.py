"""edgepyc's asyncio.coroutines: recognising coroutines and coroutine functions."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

# CO_COROUTINE and CO_ITERABLE_COROUTINE (Include/cpython/code.h): set on the code of
# `async def` functions and of generators decorated with types.coroutine.
_CO_COROUTINE = 0x0080
_CO_ITERABLE_COROUTINE = 0x0100


async def _probe():
    pass


_probe_coro = _probe()
CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro

# Marker set by the (removed) @asyncio.coroutine decorator; still honoured.
_is_coroutine = object()


def _code_flags(func):
    while True:
        inner = getattr(func, '__func__', None)       # bound methods
        if inner is None:
            inner = getattr(func, 'func', None) if hasattr(func, 'args') else None  # partial
        if inner is None:
            break
        func = inner
    code = getattr(func, '__code__', None)
    if code is None:
        return 0
    return getattr(code, 'co_flags', 0)


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    return bool(_code_flags(func) & _CO_COROUTINE)


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    if isinstance(obj, CoroutineType):
        return True
    if isinstance(obj, (int, str, list, tuple, dict, set, float, bytes, type(None))):
        return False
    # collections.abc.Coroutine: the four methods of the coroutine protocol.
    cls = type(obj)
    return (hasattr(cls, 'send') and hasattr(cls, 'throw') and hasattr(cls, 'close')
            and hasattr(cls, '__await__'))
