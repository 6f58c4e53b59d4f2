"""edgepyc's asyncio.base_events: the event loop.

One loop iteration (`_run_once`) is CPython's: compute how long to wait (0 if callbacks
are ready, else until the earliest timer), wait that long (time.sleep: there is no I/O to
select on), move every timer due by then to the ready queue in deadline order, then run
exactly the callbacks that were ready at that point, FIFO; callbacks they schedule run on
the next iteration.  `run_until_complete` stops the loop from a done callback of its
future, so the loop finishes the iteration in which that callback runs.
Difference kept: with nothing ready and no timer, CPython would block forever in select();
this loop raises RuntimeError instead (nothing could ever wake it up).
"""

import heapq
import sys
import time

from . import coroutines
from . import events
from . import futures
from . import tasks

__all__ = ('BaseEventLoop',)

# Linux CLOCK_MONOTONIC resolution, time.get_clock_info('monotonic').resolution.
_CLOCK_RESOLUTION = 1e-09
# CPython skips sleeping for more than a day at once (MAXIMUM_SELECT_TIMEOUT).
_MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # run_forever() already finished; no need to stop it.
            return
    futures._get_loop(fut).stop()


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = []
        self._ready_head = 0
        self._scheduled = []
        self._default_executor = None
        self._exception_handler = None
        self._debug = False
        self._running = False
        self._task_factory = None

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---- futures and tasks -------------------------------------------------------------

    def create_future(self):
        """Create a Future object attached to the loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Schedule a coroutine object; return a task object."""
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            task = self._task_factory(self, coro)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- running -------------------------------------------------------------------------

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self._running:
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        self._running = True
        events._set_running_loop(self)
        old_agen_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        """Run until the Future is done; return its result or raise its exception."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop running the event loop after the current iteration."""
        self._stopping = True

    def close(self):
        """Close the event loop (it must not be running)."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._ready_head = 0
        self._scheduled = []

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def time(self):
        """The loop's clock: time.monotonic()."""
        return time.monotonic()

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    async def shutdown_asyncgens(self):
        """Close the async generators still open (first iterated while the loop ran)."""
        self._asyncgens_shutdown_called = True
        agens = getattr(self, '_asyncgens', None)
        if not agens:
            return
        closing = list(agens)
        agens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    def _asyncgen_firstiter_hook(self, agen):
        if not hasattr(self, '_asyncgens'):
            self._asyncgens = set()
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # An async generator dropped unfinished: close it on the loop (as CPython does).
        agens = getattr(self, '_asyncgens', None)
        if agens is not None:
            agens.discard(agen)
        if not self.is_closed():
            self.call_soon(self.create_task, agen.aclose())

    async def shutdown_default_executor(self):
        """There is no thread-pool executor in edgepyc."""
        return None

    # ---- scheduling ----------------------------------------------------------------------

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f'coroutines cannot be used with {method}()')
        if not callable(callback):
            raise TypeError(
                f'a callable object was expected by {method}(), got {callback!r}')

    def call_soon(self, callback, *args, context=None):
        """Arrange for a callback to be called as soon as possible (FIFO)."""
        self._check_closed()
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        """Arrange for a callback to be called after `delay` seconds."""
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        """Like call_later(), but uses an absolute time (the loop's time())."""
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args, context=context)

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        scheduled = self._scheduled
        # Drop cancelled timers from the head of the heap.
        while scheduled and scheduled[0]._cancelled:
            self._timer_cancelled_count -= 1
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
        if len(self._ready) > self._ready_head or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = min(max(0, scheduled[0]._when - self.time()), _MAXIMUM_SELECT_TIMEOUT)
        else:
            raise RuntimeError('edgepyc asyncio: the event loop has nothing to run and '
                               'nothing scheduled; it would block forever')
        if timeout > 0:
            # epoll rounds its timeout up to whole milliseconds.
            time.sleep(-(-timeout * 1000 // 1) / 1000)
        end_time = self.time() + _CLOCK_RESOLUTION
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        # Run exactly the callbacks ready now; new ones wait for the next iteration.
        ready = self._ready
        stop = len(ready)
        i = self._ready_head
        while i < stop:
            handle = ready[i]
            ready[i] = None
            i += 1
            self._ready_head = i
            if handle._cancelled:
                continue
            handle._run()
        if self._ready is ready:
            del ready[:self._ready_head]
            self._ready_head = 0

    # ---- errors ----------------------------------------------------------------------------

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Report an error to stderr, as CPython's logger does by default."""
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        exception = context.get('exception')
        if exception is not None:
            lines.append('%s: %s' % (type(exception).__name__, exception)
                         if str(exception) else type(exception).__name__)
        import sys
        sys.stderr.write('\n'.join(lines) + '\n')

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass


events._loop_factory = BaseEventLoop
