"""edgepyc's asyncio for natively compiled programs (edgepyc build / run --jit).

A single-threaded event loop driving coroutines with CPython 3.11's scheduling order: the
loop runs, per iteration, the callbacks that were ready when the iteration began
(BaseEventLoop._run_once); a Task's first step is scheduled when it is created, a step that
awaits a Future resumes through that Future's done callback, and a bare yield
(asyncio.sleep(0)) schedules the next step at the end of the ready queue; done callbacks are
scheduled in registration order; asyncio.run cancels the tasks left over, then runs the
loop for the shutdown steps, as asyncio.Runner.close does.

Covered: run, get_running_loop, get_event_loop (inside a running loop), sleep (a delay
advances a virtual clock: there is no I/O to wait for, so only the order of wake-ups is
observable), create_task, ensure_future, gather, wait_for, timeout, current_task,
all_tasks, Future, Task, Queue (with task_done/join), Lock, Event, Semaphore, iscoroutine,
CancelledError, InvalidStateError, TimeoutError, QueueEmpty, QueueFull. Anything else a program names from this module is refused when it is compiled
(src/native/program.ts); the interpreter uses the fuller runtime/lib/asyncio.
"""

import sys

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


# asyncio.TimeoutError is the builtin TimeoutError (3.11).
TimeoutError = TimeoutError


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


async def _probe():
    pass


_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()


def iscoroutine(obj):
    return type(obj) is _CoroutineType


async def _probe_agen():
    yield


_probe_ag = _probe_agen()
_AsyncGenType = type(_probe_ag)
_AthrowType = type(_probe_ag.aclose())
_AsendType = type(_probe_ag.asend(None))
_probe_ag = None


def _task_coro(obj):
    # What a Task can step: coroutines, and the awaitables of async generators (the
    # aclose() the async generator finalizer schedules), which collections.abc.Coroutine
    # admits in CPython.
    t = type(obj)
    return t is _CoroutineType or t is _AthrowType or t is _AsendType


_running_loop = None
_current_tasks = {}


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


def get_event_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


class _Handle:
    def __init__(self, when, seq, callback, args):
        self._when = when
        self._seq = seq
        self._callback = callback
        self._args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class _Loop:
    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._seq = 0
        self._clock = 0.0
        self._stopping = False
        self._closed = False
        self._tasks = []
        self._task_counter = 0
        self._asyncgens = []
        self._asyncgens_shutdown_called = False

    def time(self):
        return self._clock

    def call_soon(self, callback, *args):
        h = _Handle(None, 0, callback, args)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args):
        return self.call_at(self._clock + delay, callback, *args)

    def call_at(self, when, callback, *args):
        self._seq += 1
        h = _Handle(when, self._seq, callback, args)
        # Kept sorted by (when, seq): the order heapq gives CPython.
        i = len(self._scheduled)
        while i > 0:
            o = self._scheduled[i - 1]
            if o._when < when or (o._when == when and o._seq < h._seq):
                break
            i -= 1
        self._scheduled.insert(i, h)
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None):
        return Task(coro, loop=self, name=name)

    def stop(self):
        self._stopping = True

    def is_running(self):
        return _running_loop is self

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _asyncgen_firstiter_hook(self, agen):
        for g in self._asyncgens:
            if g is agen:
                return
        self._asyncgens.append(agen)

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens = [g for g in self._asyncgens if g is not agen]
        if not self._closed:
            self.call_soon(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not self._asyncgens:
            return
        closing_agens = self._asyncgens
        self._asyncgens = []
        results = await gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                sys.stderr.write(f'an error occurred during closing of asynchronous generator: {result!r}\n')

    def _run_once(self):
        while self._scheduled and self._scheduled[0]._cancelled:
            self._scheduled.pop(0)
        if not self._ready and self._scheduled:
            # Nothing ready: the clock moves to the earliest timer.
            if self._scheduled[0]._when > self._clock:
                self._clock = self._scheduled[0]._when
        while self._scheduled and self._scheduled[0]._when <= self._clock:
            h = self._scheduled.pop(0)
            if not h._cancelled:
                self._ready.append(h)
        ntodo = len(self._ready)
        for _ in range(ntodo):
            h = self._ready.pop(0)
            if h._cancelled:
                continue
            h._run()

    def run_forever(self):
        global _running_loop
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        _running_loop = self
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook, finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                if not self._ready and not self._scheduled:
                    break
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            _running_loop = None
            sys.set_asyncgen_hooks(firstiter=None, finalizer=None)

    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()


def _run_until_complete_cb(fut):
    fut._loop.stop()


class Future:
    """A value that will exist later; awaiting it suspends the task until then."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
        self._asyncio_future_blocking = False

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for cb in callbacks:
            self._loop.call_soon(cb, self)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __repr__(self):
        return f'<{type(self).__name__} {self._state.lower()}>'

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


class Task(Future):
    """A coroutine scheduled on the loop, stepped until it finishes."""

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not _task_coro(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        self._loop._task_counter += 1
        if name is None:
            name = f'Task-{self._loop._task_counter}'
        self._name = str(name)
        self._coro = coro
        self._must_cancel = False
        self._fut_waiter = None
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step, None)
        self._loop._tasks.append(self)

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def __repr__(self):
        return f"<Task {self._state.lower()} name='{self._name}'>"

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = _current_tasks.get(loop)
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            self._cancelled_exc = e
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            if isinstance(result, Future):
                if result._loop is not loop:
                    loop.call_soon(self._step, RuntimeError(f'Task {self!r} got Future {result!r} attached to a different loop'))
                elif result._asyncio_future_blocking:
                    if result is self:
                        loop.call_soon(self._step, RuntimeError(f'Task cannot await on itself: {self!r}'))
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(self._cancel_message):
                                self._must_cancel = False
                else:
                    loop.call_soon(self._step, RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}'))
            elif result is None:
                loop.call_soon(self._step, None)
            else:
                loop.call_soon(self._step, RuntimeError(f'Task got bad yield: {result!r}'))
        finally:
            if previous is None:
                del _current_tasks[loop]
            else:
                _current_tasks[loop] = previous

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as e:
            self._step(e)
            return
        self._step(None)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._tasks if not t.done()}


def _pending_tasks(loop):
    return [t for t in loop._tasks if not t.done()]


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if not _task_coro(coro_or_future):
        raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


def create_task(coro, *, name=None):
    loop = get_running_loop()
    return loop.create_task(coro, name=name)


class _Sleep0:
    """What asyncio.sleep(0) awaits: one bare yield, which the task takes as 'step again soon'."""

    def __await__(self):
        yield


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    children = []
    seen = []
    state = [0, 0, None]  # futures, finished, the outer future

    def _done_callback(fut):
        state[1] += 1
        outer = state[2]
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state[1] == state[0]:
            results = []
            for f in children:
                if f.cancelled():
                    res = CancelledError('' if f._cancel_message is None else f._cancel_message)
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    loop = None
    for arg in coros_or_futures:
        fut = None
        for prev, pf in seen:
            if prev is arg:
                fut = pf
                break
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            state[0] += 1
            seen.append((arg, fut))
            fut.add_done_callback(_done_callback)
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    state[2] = outer
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


class Timeout:
    """asyncio.timeout(): cancels the task when the deadline passes, then raises TimeoutError."""

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._cancelling = 0
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state == 'expiring' or self._state == 'expired'

    def __repr__(self):
        info = ['']
        if self._state == 'active':
            info.append(f'when={self._when}')
        return f"<Timeout [{self._state}]{' '.join(info)}>"

    async def __aenter__(self):
        self._state = 'active'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


class Lock:
    """A mutex for coroutines: acquire() waits, in arrival order, until release()."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object [{extra}]>'

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event:
    """A flag coroutines can wait for; set() wakes every waiter."""

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Event object [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Semaphore:
    """A counter coroutines acquire (waiting at zero) and release."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class Queue:
    """A first-in first-out queue for coroutines; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._join_waiters = []
        self._queue = []

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<Queue maxsize={self._maxsize!r}>'

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue.pop(0)
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            waiters = self._join_waiters
            self._join_waiters = []
            for w in waiters:
                if not w.done():
                    w.set_result(True)

    async def join(self):
        if self._unfinished_tasks > 0:
            w = get_running_loop().create_future()
            self._join_waiters.append(w)
            await w


async def _shutdown_step():
    pass


def _cancel_all_tasks(loop):
    to_cancel = _pending_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            sys.stderr.write('Unhandled exception during asyncio.run() shutdown\n')


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = _Loop()
    try:
        task = loop.create_task(main)
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            # shutdown_default_executor(): no executor, but a loop run all the same.
            loop.run_until_complete(loop.create_task(_shutdown_step()))
        finally:
            loop.close()
