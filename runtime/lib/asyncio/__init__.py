"""edgepyc's pure-Python implementation of `asyncio`: a single-threaded event loop
that drives coroutines, with CPython 3.11's scheduling order.

Covered: run/Runner, get_event_loop/new_event_loop/set_event_loop/get_running_loop,
loop.run_until_complete/run_forever/stop/close/call_soon/call_later/call_at/time/
create_future/create_task, Future, Task (result, exception, done, cancel, cancelled,
add/remove_done_callback, get_name/set_name, get_coro, cancelling/uncancel),
create_task, ensure_future, gather, sleep, wait_for, wait, as_completed, shield,
current_task, all_tasks, timeout/timeout_at, TaskGroup, Lock, Event, Condition,
Semaphore, BoundedSemaphore, Queue/PriorityQueue/LifoQueue, the exceptions, and
iscoroutine/iscoroutinefunction/isfuture.
Not covered: I/O of any kind (streams, transports, sockets, subprocesses, signals),
executors and threads (run_in_executor, to_thread, run_coroutine_threadsafe),
contextvars contexts (accepted and ignored), async-generator finalization hooks
(shutdown_asyncgens does nothing), debug mode and "never retrieved" warnings.
"""

from .base_events import BaseEventLoop
from .coroutines import iscoroutine, iscoroutinefunction
from .events import (AbstractEventLoop, AbstractEventLoopPolicy, Handle, TimerHandle,
                     get_event_loop, get_event_loop_policy, get_running_loop,
                     _get_running_loop, new_event_loop, set_event_loop,
                     set_event_loop_policy)
from .exceptions import (BrokenBarrierError, CancelledError, IncompleteReadError,
                         InvalidStateError, LimitOverrunError,
                         SendfileNotAvailableError, TimeoutError)
from .futures import Future, isfuture, wrap_future
from .locks import BoundedSemaphore, Condition, Event, Lock, Semaphore
from .queues import LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull
from .runners import Runner, run
from .taskgroups import TaskGroup
from .tasks import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Task, all_tasks,
                    as_completed, create_task, current_task, ensure_future, gather,
                    run_coroutine_threadsafe, shield, sleep, wait, wait_for)
from .timeouts import Timeout, timeout, timeout_at

# The loop class CPython picks on Linux.
SelectorEventLoop = BaseEventLoop
EventLoop = BaseEventLoop

__all__ = (
    'BaseEventLoop', 'iscoroutine', 'iscoroutinefunction', 'AbstractEventLoop',
    'AbstractEventLoopPolicy', 'Handle', 'TimerHandle', 'get_event_loop',
    'get_event_loop_policy', 'get_running_loop', '_get_running_loop', 'new_event_loop',
    'set_event_loop', 'set_event_loop_policy', 'BrokenBarrierError', 'CancelledError',
    'IncompleteReadError', 'InvalidStateError', 'LimitOverrunError',
    'SendfileNotAvailableError', 'TimeoutError', 'Future', 'isfuture', 'wrap_future',
    'BoundedSemaphore', 'Condition', 'Event', 'Lock', 'Semaphore', 'LifoQueue',
    'PriorityQueue', 'Queue', 'QueueEmpty', 'QueueFull', 'Runner', 'run', 'TaskGroup',
    'ALL_COMPLETED', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Task', 'all_tasks',
    'as_completed', 'create_task', 'current_task', 'ensure_future', 'gather',
    'run_coroutine_threadsafe', 'shield', 'sleep', 'wait', 'wait_for', 'Timeout',
    'timeout', 'timeout_at', 'SelectorEventLoop', 'EventLoop',
)
