"""edgepyc's asyncio.futures: Future, the awaitable that tasks wait on.

A Future's done callbacks are never called inline: finishing it (set_result,
set_exception, cancel) hands each callback to loop.call_soon, and add_done_callback on a
finished future schedules the callback the same way, as in CPython.  `__await__` yields
the future itself to the task driving the coroutine (marked by
`_asyncio_future_blocking`), which then waits for it.  Error messages are those of
CPython's C Future (_asyncio), which asyncio uses by default ('Result is not set.',
'invalid state').
"""

from . import events
from . import exceptions

__all__ = ('Future', 'wrap_future', 'isfuture')

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Check for a Future: an instance of Future or of a class with the same API."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


# ---- reprs, after CPython's base_futures and reprlib ---------------------------------

def _shorten(s, limit):
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _short_repr(x, level=6):
    """reprlib.repr(x): containers cut after 6 items (dicts 4), strings at 30 chars."""
    if level <= 0 and isinstance(x, (list, tuple, dict, set, frozenset)):
        return '...' if not isinstance(x, (list, tuple)) or x else repr(x)
    if isinstance(x, str):
        return _shorten(repr(x), 30)
    if isinstance(x, int) and not isinstance(x, bool):
        return _shorten(repr(x), 40)
    if type(x) in (list, tuple):
        if not x:
            return repr(x)
        parts = [_short_repr(v, level - 1) for v in x[:6]]
        if len(x) > 6:
            parts.append('...')
        if type(x) is tuple:
            return '(' + ', '.join(parts) + (',)' if len(x) == 1 else ')')
        return '[' + ', '.join(parts) + ']'
    if type(x) is dict:
        if not x:
            return '{}'
        keys = list(x)
        try:
            keys = sorted(keys)
        except Exception:
            pass
        parts = ['%s: %s' % (_short_repr(k, level - 1), _short_repr(x[k], level - 1))
                 for k in keys[:4]]
        if len(x) > 4:
            parts.append('...')
        return '{' + ', '.join(parts) + '}'
    if type(x) in (float, bool, type(None)):
        return repr(x)
    return _shorten(repr(x), 30)


def _format_callbacks(cbs):
    def name(cb):
        return events._format_callback(cb, ())
    size = len(cbs)
    if size == 1:
        text = name(cbs[0][0])
    elif size == 2:
        text = '{}, {}'.format(name(cbs[0][0]), name(cbs[1][0]))
    else:
        text = '{}, <{} more>, {}'.format(name(cbs[0][0]), size - 2, name(cbs[-1][0]))
    return f'cb=[{text}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={_short_repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


class Future:
    """This class is *almost* compatible with concurrent.futures.Future."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None

    # None for objects that are not futures; False/True for futures (True while a task
    # is being asked to wait for this one).
    _asyncio_future_blocking = False

    _log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, ' '.join(self._repr_info()))

    def _repr_info(self):
        return _future_repr_info(self)

    def get_loop(self):
        """Return the event loop the Future is bound to."""
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise: the one saved by a task, else a new one."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule callbacks.

        If the future is already done or cancelled, return False.  Otherwise, change
        the future's state to cancelled, schedule the callbacks and return True.
        """
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True

    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback, ctx in callbacks:
            self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        """Return True if the future was cancelled."""
        return self._state == _CANCELLED

    def done(self):
        """Return True if the future is done (has a result, an exception, or was
        cancelled)."""
        return self._state != _PENDING

    def result(self):
        """Return the result this future represents.

        If the future has been cancelled, raises CancelledError.  If the future's
        result isn't yet available, raises InvalidStateError.  If the future is done
        and has an exception set, this exception is raised.
        """
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Result is not set.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        """Return the exception that was set on this future (None if none)."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Add a callback to be run when the future becomes done.

        The callback is called with a single argument - the future object.  If the
        future is already done when this is called, the callback is scheduled with
        call_soon.
        """
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Remove all instances of a callback from the "call when done" list.

        Returns the number of callbacks removed.
        """
        filtered = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed_count = len(self._callbacks) - len(filtered)
        if removed_count:
            self._callbacks[:] = filtered
        return removed_count

    def set_result(self, result):
        """Mark the future done and set its result."""
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()

    def set_exception(self, exception):
        """Mark the future done and set an exception."""
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self.__schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # This tells Task to wait for completion.
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()  # May raise too.

    __iter__ = __await__  # make compatible with 'yield from'.


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return fut._loop
    return get_loop()


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut.cancelled():
        return
    fut.set_result(result)


def wrap_future(future, *, loop=None):
    """Wrap an asyncio Future (concurrent.futures does not exist in edgepyc)."""
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
