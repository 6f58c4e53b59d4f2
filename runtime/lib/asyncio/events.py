"""edgepyc's asyncio.events: callback handles, the running-loop registry and the
event-loop policy functions.

The concrete loop lives in asyncio.base_events and registers itself here as the loop
factory, so this module has no import of futures or tasks (no import cycle).  There is
one thread, so "the running loop" and "the current loop" are plain module globals where
CPython keeps them per thread.
"""

__all__ = (
    'AbstractEventLoopPolicy', 'AbstractEventLoop', 'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop',
    'set_event_loop', 'new_event_loop', 'get_running_loop', '_get_running_loop',
)


def _format_callback(func, args):
    """`name(args)` for a callback, as CPython's format_helpers (without source info)."""
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None)
    if name is None:
        name = repr(func)
    return name + '(' + ', '.join(repr(a) for a in args) + ')'


class Handle:
    """Object returned by callback registration methods."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop
        self._context = context
        self._repr = None

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<{}>'.format(' '.join(self._repr_info()))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._repr = repr(self)
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': f'Exception in callback {cb}',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """Object returned by timed callback registration methods.

    Ordered by deadline, then by creation (`_seq`), so timers due at the same instant
    run first-scheduled first.
    """

    _counter = 0

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False
        TimerHandle._counter += 1
        self._seq = TimerHandle._counter

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) <= (other._when, other._seq)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) > (other._when, other._seq)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) >= (other._when, other._seq)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return self is other
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        """Return a scheduled callback time (the loop's time() clock)."""
        return self._when


class AbstractEventLoop:
    """Abstract event loop."""


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""


class _DefaultPolicy(AbstractEventLoopPolicy):
    """The one policy: a current loop, created on demand by get_event_loop()."""

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % 'MainThread')
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                            f"not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        if _loop_factory is None:
            raise RuntimeError('asyncio.base_events has not been imported')
        return _loop_factory()


# Set by asyncio.base_events to its loop class.
_loop_factory = None
_event_loop_policy = None
_running_loop = None


def get_event_loop_policy():
    """Get the current event loop policy."""
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = _DefaultPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy (None restores the default)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, "
                        f"not '{type(policy).__name__}'")
    _event_loop_policy = policy


def get_running_loop():
    """Return the running event loop.  Raise a RuntimeError if there is none."""
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    """Return the running event loop or None."""
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_event_loop():
    """Return the running loop, else the current one (created on first use)."""
    loop = _running_loop
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


_get_event_loop = get_event_loop


def set_event_loop(loop):
    """Equivalent to calling get_event_loop_policy().set_event_loop(loop)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Equivalent to calling get_event_loop_policy().new_event_loop()."""
    return get_event_loop_policy().new_event_loop()
