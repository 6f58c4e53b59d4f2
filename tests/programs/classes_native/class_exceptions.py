# Exceptions defined as classes: __init__ with super().__init__, extra attributes, __str__
# overrides, OSError and KeyError subclasses, attributes seen by except clauses.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


class AppError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code

    def describe(self):
        return 'E%d %s' % (self.code, self.args[0])


try:
    raise AppError('disk full', 28)
except AppError as e:
    t('args', lambda: e.args)
    t('code', lambda: e.code)
    t('method', lambda: e.describe())
    t('str', lambda: str(e))
    t('repr', lambda: repr(e))
    t('dict', lambda: e.__dict__)


class NoSuperInit(Exception):
    def __init__(self, a, b):
        self.total = a + b


e2 = NoSuperInit(1, 2)
t('args without super().__init__', lambda: (e2.args, e2.total))


class Pretty(ValueError):
    def __str__(self):
        return 'pretty: ' + super().__str__()


t('str override', lambda: str(Pretty('x')))


class MissingKey(KeyError):
    pass


t('KeyError subclass str', lambda: str(MissingKey('k')))


class MyOSError(OSError):
    pass


m = MyOSError(2, 'No such file or directory', 'f.txt')
t('OSError subclass', lambda: (type(m).__name__, m.errno, m.filename, str(m)))


class CustomInitOSError(OSError):
    def __init__(self, path):
        super().__init__(13, 'Permission denied', path)


c = CustomInitOSError('/root')
t('OSError init override', lambda: (c.errno, c.strerror, c.filename, c.args, str(c)))


class WithKw(Exception):
    def __init__(self, *, reason):
        super().__init__(reason)
        self.reason = reason


t('keyword-only init', lambda: (WithKw(reason='r').args, WithKw(reason='r').reason))


class Chained(Exception):
    pass


try:
    try:
        raise AppError('inner', 1)
    except AppError as inner:
        raise Chained('outer') from inner
except Chained as outer:
    t('cause', lambda: (type(outer.__cause__).__name__, outer.__cause__.code))

err = AppError('noted', 3)
err.add_note('a note')
t('notes', lambda: err.__notes__)


class Propertied(Exception):
    @property
    def doubled(self):
        return self.args * 2


t('property on exception', lambda: Propertied(1).doubled)
