# except*: matching, tuples, naked exceptions, handlers that raise, bare re-raise, errors.
def run(label, f):
    try:
        f()
        print(label, 'finished')
    except BaseException as e:
        print(label, type(e).__name__, repr(e))
def tuples():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2), KeyError(3), OSError(4)])
    except* (ValueError, TypeError) as e:
        print('VT', repr(e))
    except* LookupError as e:
        print('L', repr(e))
run('tuples', tuples)
def naked():
    try:
        raise KeyError('naked')
    except* KeyError as e:
        print('naked', repr(e), type(e).__name__, e.exceptions[0].__traceback__ is not None)
run('naked', naked)
def naked_base():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print('naked base', type(e).__name__)
run('naked base', naked_base)
def bare():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
run('bare', bare)
def two_raise():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('a')
    except* TypeError:
        raise IndexError('b')
run('two raise', two_raise)
def group_type():
    try:
        raise ValueError()
    except* ExceptionGroup:
        pass
run('group type', group_type)
def not_exc():
    try:
        raise ValueError()
    except* int:
        pass
run('not exc', not_exc)
def nothing():
    try:
        x = 1
    except* ValueError:
        print('never')
    else:
        print('else')
    finally:
        print('finally')
run('nothing', nothing)
def in_loop():
    for i in range(3):
        try:
            raise ExceptionGroup('loop', [ValueError(i)])
        except* ValueError as e:
            print('loop', i, e.exceptions)
run('loop', in_loop)
def context():
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ValueError as e:
        try:
            raise RuntimeError('inner')
        except RuntimeError as r:
            print('ctx', repr(r.__context__), r.__context__ is e)
run('context', context)
