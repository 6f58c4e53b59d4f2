# Attributes and methods of exception objects: args, chaining, notes, tracebacks, instance
# attributes, and the fields of OSError, ImportError, StopIteration, SystemExit, KeyError.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


e = ValueError('bad', 2)
t('args', lambda: e.args)
t('str', lambda: str(e))
t('cause', lambda: e.__cause__)
t('context', lambda: e.__context__)
t('suppress', lambda: e.__suppress_context__)
t('traceback', lambda: e.__traceback__)
t('dict', lambda: e.__dict__)
e.extra = 5
t('extra', lambda: e.extra)
t('dict after', lambda: e.__dict__)
t('missing', lambda: e.nope)


def assign_8():
    del e.nope


t('del missing', assign_8)
del e.extra
t('extra deleted', lambda: e.extra)


def assign_9():
    e.args = [1, 2]
    return e.args


t('set args', assign_9)


def assign_10():
    e.args = 5


t('set args not iterable', assign_10)


def assign_11():
    del e.args


t('del args', assign_11)


def assign_12():
    e.__cause__ = 5


t('bad cause', assign_12)


def assign_13():
    e.__context__ = 5


t('bad context', assign_13)


def assign_14():
    e.__traceback__ = 5


t('bad traceback', assign_14)


def assign_15():
    e.__suppress_context__ = 1


t('bad suppress', assign_15)


def assign_16():
    del e.__cause__


t('del cause', assign_16)


def assign_17():
    del e.__context__


t('del context', assign_17)


def assign_18():
    del e.__traceback__


t('del traceback', assign_18)


def assign_19():
    del e.__suppress_context__


t('del suppress', assign_19)


def assign_20():
    e.__dict__ = 5


t('bad dict', assign_20)


def assign_21():
    del e.__dict__


t('del dict', assign_21)
e.__cause__ = KeyError('k')
t('cause set', lambda: (e.__cause__, e.__suppress_context__))
e.__cause__ = None
t('cause None', lambda: (e.__cause__, e.__suppress_context__))
e.__suppress_context__ = False
t('suppress False', lambda: e.__suppress_context__)
e.__context__ = TypeError('t')
t('context set', lambda: e.__context__)
t('add_note', lambda: e.add_note('first'))
t('add_note again', lambda: e.add_note('second'))
t('notes', lambda: e.__notes__)
t('add_note int', lambda: e.add_note(5))
t('add_note none', lambda: e.add_note())
t('add_note two', lambda: e.add_note('a', 'b'))
e.__notes__ = 'not a list'
t('add_note bad notes', lambda: e.add_note('x'))
del e.__notes__
t('notes deleted', lambda: e.__notes__)
t('with_traceback None', lambda: e.with_traceback(None) is e)
t('with_traceback bad', lambda: e.with_traceback(5))
t('with_traceback none', lambda: e.with_traceback())

try:
    raise ValueError('q')
except ValueError as caught:
    t('raised traceback type', lambda: type(caught.__traceback__).__name__)
    t('with_traceback same', lambda: caught.with_traceback(caught.__traceback__).__traceback__ is caught.__traceback__)

try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise ValueError('outer')
except ValueError as chained:
    t('implicit context', lambda: chained.__context__)
    t('implicit suppress', lambda: chained.__suppress_context__)

try:
    raise ValueError('outer') from OSError('why')
except ValueError as caused:
    t('explicit cause', lambda: caused.__cause__)
    t('explicit suppress', lambda: caused.__suppress_context__)

t('KeyError str', lambda: str(KeyError('x')))
t('KeyError str empty', lambda: str(KeyError()))
t('KeyError str two', lambda: str(KeyError('x', 'y')))
t('KeyError repr', lambda: repr(KeyError('x')))
t('StopIteration value', lambda: StopIteration(1, 2).value)
t('StopIteration value none', lambda: StopIteration().value)
si = StopIteration(1)
si.value = 9
t('StopIteration value set', lambda: (si.value, si.args))
t('SystemExit code', lambda: SystemExit().code)
t('SystemExit code one', lambda: SystemExit(3).code)
t('SystemExit code two', lambda: SystemExit(3, 4).code)
t('OSError str', lambda: str(OSError(2, 'No such file or directory', 'x')))
t('OSError args', lambda: OSError(2, 'No such file or directory', 'x').args)
t('OSError subclass', lambda: type(OSError(2, 'No such file or directory', 'x')).__name__)
t('OSError fields', lambda: (lambda o: (o.errno, o.strerror, o.filename, o.filename2))(OSError(13, 'denied', 'f')))
t('OSError no filename', lambda: str(OSError(2, 'msg')))
t('OSError filename None', lambda: OSError(2, 'msg', None).args)
t('OSError two files', lambda: str(OSError(2, 'msg', 'a', None, 'b')))
t('OSError one arg', lambda: str(OSError('just text')))
t('OSError errno None', lambda: str(OSError(None, 'x')))
t('OSError many', lambda: OSError(1, 2, 3, 4, 5, 6).args)
t('OSError unknown errno', lambda: type(OSError(999, 'x')).__name__)
t('OSError bool errno', lambda: type(OSError(True, 'x')).__name__)
t('OSError kw', lambda: OSError(x=1))
t('FileNotFoundError kw', lambda: FileNotFoundError(x=1))
t('OSError missing fields', lambda: (OSError('a').errno, OSError('a').filename))
t('BlockingIOError written', lambda: BlockingIOError(11, 'x', 5).characters_written)
t('BlockingIOError no written', lambda: BlockingIOError(11, 'x').characters_written)


def _errno_set():
    o = OSError(2, 'x')
    o.errno = 7
    return o.errno


t('OSError errno set', _errno_set)
t('ImportError name', lambda: ImportError('m', name='n', path='p').name)
t('ImportError path', lambda: ImportError('m', path='p').path)
t('ImportError msg', lambda: ImportError('m').msg)
t('ImportError msg two', lambda: ImportError('m', 'x').msg)
t('ImportError str', lambda: str(ImportError('m', name='n')))
t('ImportError str int', lambda: str(ImportError(1)))
t('ImportError bad kw', lambda: ImportError('m', nam='n'))
t('ImportError many kw', lambda: ImportError('m', name=1, path=2, x=3))
t('ModuleNotFoundError name', lambda: ModuleNotFoundError('x', name='y').name)
t('AttributeError obj', lambda: AttributeError('m', name='n', obj=3).obj)
t('AttributeError bad kw', lambda: AttributeError('m', x=1))
t('AttributeError name default', lambda: AttributeError('m').name)
t('NameError name', lambda: NameError('m', name='n').name)
t('NameError bad kw', lambda: NameError('m', obj=1))
t('ValueError kw', lambda: ValueError(x=1))
