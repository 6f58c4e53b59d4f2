"""edgepyc's asyncio.tasks: Task (a Future driving a coroutine) and the task helpers.

A Task advances its coroutine one step per loop callback: `coro.send(None)` (or
`coro.throw(exc)` to deliver a cancellation or a failed awaited future), and looks at
what the coroutine yielded up through its await chain: a Future (the task registers its
wakeup as that future's done callback), or None (a bare yield, used by sleep(0): the task
reschedules itself with call_soon).  The first step is scheduled by the constructor, so a
new task starts on a later loop iteration, after everything already queued.  This is
CPython 3.11's Task.__step protocol; the helpers (gather, sleep, wait_for, wait,
as_completed, shield) schedule callbacks in CPython's order so interleavings agree.
"""

from . import coroutines
from . import events
from . import exceptions
from . import futures

__all__ = (
    'Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future',
    'run_coroutine_threadsafe', 'current_task', 'all_tasks',
)

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_task_name_counter = 0

# Per loop: the task currently stepping, and every task not yet done (insertion order).
_current_tasks = {}
_all_tasks = {}


def _next_task_name():
    global _task_name_counter
    _task_name_counter += 1
    return f'Task-{_task_name_counter}'


def _format_coroutine(coro):
    """`name() running at file:line` / `name() done, defined at file:line` when the
    coroutine exposes its code and frame, else just `name()`."""
    name = (getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
            or f'<{type(coro).__name__} without __name__>')
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if code is None:
        return name
    filename = getattr(code, 'co_filename', None) or '<empty co_filename>'
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{getattr(code, "co_firstlineno", 0)}'


class _Sleep0:
    """Awaitable that yields None once: the driving task runs again next iteration."""

    def __await__(self):
        yield


class Task(futures.Future):
    """A coroutine wrapped in a Future."""

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        if name is None:
            self._name = _next_task_name()
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        self._loop.call_soon(self.__step, context=context)
        _register_task(self)

    def __repr__(self):
        info = self._repr_info()
        return '<{} {}>'.format(self.__class__.__name__, ' '.join(info))

    def _repr_info(self):
        info = futures._future_repr_info(self)
        if self._num_cancels_requested and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self.get_name())
        info.insert(2, f'coro=<{_format_coroutine(self._coro)}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        """Request that this task cancel itself.

        The coroutine gets a CancelledError thrown in at its next step (or the future
        it waits for is cancelled, which wakes it with that error).
        """
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # Keep _fut_waiter: it may be a task that ignores the cancellation.
                return True
        # Otherwise __step is already scheduled: it throws the CancelledError in.
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """Return the number of pending cancellation requests."""
        return self._num_cancels_requested

    def uncancel(self):
        """Decrement the count of pending cancellation requests; return it."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(
                f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            try:
                if exc is None:
                    result = coro.send(None)
                else:
                    result = coro.throw(exc)
            except StopIteration as stop:
                if self._must_cancel:
                    # Cancelled right before the coroutine returned.
                    self._must_cancel = False
                    super().cancel(msg=self._cancel_message)
                else:
                    super().set_result(stop.value)
                _unregister_task(self)
            except exceptions.CancelledError as cancelled:
                self._cancelled_exc = cancelled
                super().cancel()
                _unregister_task(self)
            except (KeyboardInterrupt, SystemExit) as fatal:
                super().set_exception(fatal)
                _unregister_task(self)
                raise
            except BaseException as error:
                super().set_exception(error)
                _unregister_task(self)
            else:
                self.__handle_yield(result)
        finally:
            _leave_task(self._loop, self)

    def __handle_yield(self, result):
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            # The coroutine awaits a Future-like object.
            if futures._get_loop(result) is not self._loop:
                new_exc = RuntimeError(
                    f'Task {self!r} got Future {result!r} attached to a different loop')
                self._loop.call_soon(self.__step, new_exc, context=self._context)
            elif blocking:
                if result is self:
                    new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                    self._loop.call_soon(self.__step, new_exc, context=self._context)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup, context=self._context)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                new_exc = RuntimeError(
                    f'yield was used instead of yield from in task {self!r} with {result!r}')
                self._loop.call_soon(self.__step, new_exc, context=self._context)
        elif result is None:
            # Bare yield (sleep(0)): run again on the next iteration.
            self._loop.call_soon(self.__step, context=self._context)
        elif hasattr(result, 'send') and hasattr(result, 'gi_code'):
            new_exc = RuntimeError(
                f'yield was used instead of yield from for generator in task {self!r} '
                f'with {result!r}')
            self._loop.call_soon(self.__step, new_exc, context=self._context)
        else:
            new_exc = RuntimeError(f'Task got bad yield: {result!r}')
            self._loop.call_soon(self.__step, new_exc, context=self._context)

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()


def _register_task(task):
    _all_tasks.setdefault(task._loop, {})[task] = None


def _unregister_task(task):
    tasks = _all_tasks.get(task._loop)
    if tasks is not None:
        tasks.pop(task, None)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another '
                           f'task {current!r} is being executed.')
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match '
                           f'the current task {current!r}.')
    del _current_tasks[loop]


def current_task(loop=None):
    """Return a currently executed task."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """Return a set of all tasks for the loop."""
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in _all_tasks.get(loop, {}) if not t.done()}


def _all_tasks_ordered(loop):
    return [t for t in _all_tasks.get(loop, {}) if not t.done()]


def _set_task_name(task, name):
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            return
        set_name(name)


def create_task(coro, *, name=None, context=None):
    """Schedule the execution of a coroutine object in a spawn task."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


class _AwaitableWrapper:
    """Turn an object with __await__ into a coroutine a Task can drive."""

    def __init__(self, awaitable):
        self._awaitable = awaitable

    async def run(self):
        return await self._awaitable


def _is_awaitable(obj):
    return hasattr(type(obj), '__await__')


def ensure_future(coro_or_future, *, loop=None):
    """Wrap a coroutine or an awaitable in a future.

    If the argument is a Future, it is returned directly.
    """
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro_or_future):
        if _is_awaitable(coro_or_future):
            coro_or_future = _AwaitableWrapper(coro_or_future).run()
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events._get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _Sleep0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(futures.Future):
    """The future gather() returns; cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # Cancelling a child raises CancelledError in it; the children's done
            # callbacks then propagate the cancellation to this future.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating results from the given coroutines/futures.

    Coroutines are wrapped in tasks in argument order; results come back in argument
    order.  Without return_exceptions the first exception is propagated to the
    awaiting task and the other children keep running, as in CPython.
    """
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    state = {'finished': 0, 'outer': None}
    children = []
    arg_to_fut = {}
    loop = None

    def _done_callback(fut):
        state['finished'] += 1
        outer = state['outer']
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()   # mark the exception retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['finished'] == len(arg_to_fut):
            results = []
            for child in children:
                if child.cancelled():
                    res = exceptions.CancelledError(
                        '' if child._cancel_message is None else child._cancel_message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    state['outer'] = outer
    return outer


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


class _ReleaseWaiter:
    """functools.partial(_release_waiter, waiter), comparable for remove_done_callback."""

    def __init__(self, waiter):
        self.waiter = waiter

    def __call__(self, *args):
        _release_waiter(self.waiter)


async def _cancel_and_wait(fut, loop):
    """Cancel fut and wait until it is really done (it may swallow the cancel)."""
    waiter = loop.create_future()
    cb = _ReleaseWaiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for the single Future or coroutine to complete, with timeout.

    On timeout the task is cancelled (and awaited) and TimeoutError is raised.
    """
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _ReleaseWaiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks in fs; return two sets: (done, pending)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = events.get_running_loop()
    fs = _unique(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    return await _wait(fs, timeout, return_when, loop)


def _unique(items):
    """set(items) keeping first-seen order (CPython iterates a set)."""
    seen = {}
    for item in items:
        seen[item] = None
    return list(seen)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    state = {'counter': len(fs)}

    def _on_completion(f):
        state['counter'] -= 1
        if (state['counter'] <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Return an iterator whose values are coroutines, yielding results in the order
    the futures complete.  Raises TimeoutError if the timeout passes first.

    A generator, as in CPython: the tasks are created when iteration starts.
    """
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from .queues import Queue
    done = Queue()
    loop = events._get_event_loop()
    todo = {}
    for f in _unique(fs):
        todo[ensure_future(f, loop=loop)] = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # a dummy value for _wait_for_one()
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def run_coroutine_threadsafe(coro, loop):
    raise NotImplementedError('run_coroutine_threadsafe: edgepyc has no threads')
