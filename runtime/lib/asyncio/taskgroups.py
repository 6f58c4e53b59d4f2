"""edgepyc's asyncio.taskgroups: TaskGroup (new in 3.11).

`async with TaskGroup() as tg:` waits for every task created with tg.create_task().  The
first task that fails makes the group cancel the other tasks and the body of the
`async with` (the parent task); all failures are then raised together as an
ExceptionGroup('unhandled errors in a TaskGroup', [...]).  SystemExit and
KeyboardInterrupt are re-raised as themselves.  Tasks are kept in creation order (CPython
keeps a set, whose order is unspecified).
"""

from . import events
from . import exceptions
from . import tasks

__all__ = ('TaskGroup',)


def _is_base_error(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    """Asynchronous context manager for managing groups of tasks."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has been already entered')
        self._entered = True
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = None
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if et is not None:
            if et is exceptions.CancelledError:
                if self._parent_cancel_requested and not self._parent_task.uncancel():
                    # The cancellation was the group's own doing: swallow it.
                    pass
                else:
                    propagate_cancellation_error = exc
            if not self._aborting:
                # The body raised (or the parent is being cancelled): stop the tasks.
                self._abort()

        # Loop: the wait can itself be cancelled repeatedly.
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    # The parent task is cancelled while tasks are still running.
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error
        # Errors from the tasks take priority over a CancelledError.
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                raise BaseExceptionGroup('unhandled errors in a TaskGroup',
                                         self._errors) from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Create a new task in this group and return it."""
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        tasks._set_task_name(task, name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks[task] = None
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # Cancel the parent so the body of `async with` stops at its current
            # await; __aexit__ uncancels it again.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
