"""edgepyc's atexit for natively compiled programs (edgepyc build / run --jit).

CPython 3.11's Modules/atexitmodule.c in Python: register(func, *args, **kwargs) keeps the
call, unregister(func) drops every registration of a callable equal to func, and at exit
(after the main module returned or raised, including SystemExit, and after the traceback
of an uncaught exception was printed) the runtime's rt_run_atexit (runtime/core/atexitrt.ts)
calls _run_exitfuncs: last registered first; a callback that raises is reported on
stderr and the others still run.

Known difference: the report of a failing callback has CPython's first and last lines
("Exception ignored in atexit callback: <repr>", "ValueError: boom") but not the frames of
its traceback, which Python code cannot read in the native runtime yet.
"""

import sys

_callbacks = []


def register(*args, **kwargs):
    """Register a function to be executed upon normal program termination

    func - function to be called at exit
    args - optional arguments to pass to func
    kwargs - optional keyword arguments to pass to func

    func is returned to facilitate usage as a decorator."""
    # METH_VARARGS | METH_KEYWORDS in atexitmodule.c: func is positional-only, checked by hand.
    if not args:
        raise TypeError('register() takes at least 1 argument (0 given)')
    func = args[0]
    args = args[1:]
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered using
atexit.register

    func - function to be unregistered"""
    # CPython empties the slots and keeps the count (_ncallbacks() does not shrink).
    for i in range(len(_callbacks)):
        entry = _callbacks[i]
        if entry is not None and entry[0] == func:
            _callbacks[i] = None


def _clear():
    """Clear the list of previously registered exit functions."""
    _callbacks.clear()


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_callbacks)


def _report(func, exc):
    # _PyErr_WriteUnraisableMsg("in atexit callback", func).
    t = type(exc)
    name = t.__qualname__
    module = t.__module__
    if not isinstance(module, str):
        name = '<unknown>.' + name
    elif module not in ('builtins', '__main__'):
        name = module + '.' + name
    try:
        text = str(exc)
    except BaseException:
        text = '<exception str() failed>'
    sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
    sys.stderr.write(name + (': ' + text if text else '') + '\n')


def _run_exitfuncs():
    """Run all registered exit functions.

If a callback raises an exception, it is logged with sys.unraisablehook."""
    # atexit_callfuncs: the callbacks registered when exiting starts, last first; those
    # registered by a callback are dropped with the others afterwards, never run.
    for i in range(len(_callbacks) - 1, -1, -1):
        entry = _callbacks[i]
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)
    _callbacks.clear()
