"""Exception groups of natively compiled programs (PEP 654), in Python.

The native runtime (runtime/core/excgroup.ts) owns the objects: BaseExceptionGroup and
ExceptionGroup are its static types, their instances carry `message` and `exceptions` in
the exception's family words. What CPython 3.11 writes in C around them lives here, and the
runtime calls it (src/native/program.ts compiles this module into every program that names
an exception group or uses except*):

- check_new: BaseExceptionGroup.__new__'s argument checks and the class it makes
  (Objects/exceptions.c BaseExceptionGroup_new);
- derive, split, subgroup: the methods (exceptiongroup_split_recursive, exceptiongroup_subset);
- check_eg_match, prep_reraise_star: the CHECK_EG_MATCH and PREP_RERAISE_STAR instructions of
  except* (Python/ceval.c exception_group_match, Objects/exceptions.c _PyExc_PrepReraiseStar);
- print_exception: the uncaught-exception report with the nested group boxes
  (Python/pythonrun.c print_exception_recursive and print_exception_group), given the
  runtime's traceback text and "Type: message" line of an exception.

The interpreter's versions are src/interp/exceptions.ts and src/interp/eval_support.ts.
"""

_MAX_GROUP_WIDTH = 15
_MAX_GROUP_DEPTH = 10


def _is_sequence(obj):
    # PySequence_Check: a __getitem__ that is not a mapping's.
    if isinstance(obj, (list, tuple, str, range)):
        return True
    if isinstance(obj, (dict, set, frozenset)):
        return False
    return hasattr(type(obj), '__getitem__')


def check_new(cls, args, has_keywords):
    """(realcls, exceptions tuple) for BaseExceptionGroup.__new__(cls, *args), or raises."""
    if has_keywords:
        raise TypeError(cls.__name__ + '() takes no keyword arguments')
    if len(args) != 2:
        raise TypeError('BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)' % len(args))
    message, exceptions = args
    if not isinstance(message, str):
        raise TypeError('BaseExceptionGroup.__new__() argument 1 must be str, not ' + type(message).__name__)
    if not _is_sequence(exceptions):
        raise TypeError('second argument (exceptions) must be a sequence')
    exceptions = tuple(exceptions)
    if not exceptions:
        raise ValueError('second argument (exceptions) must be a non-empty sequence')
    nested_base = False
    for i, exc in enumerate(exceptions):
        if not isinstance(exc, BaseException):
            raise ValueError('Item %d of second argument (exceptions) is not an exception' % i)
        if not isinstance(exc, Exception):
            nested_base = True
    if cls is ExceptionGroup:
        if nested_base:
            raise TypeError('Cannot nest BaseExceptions in an ExceptionGroup')
    elif cls is BaseExceptionGroup:
        if not nested_base:
            cls = ExceptionGroup
    elif nested_base and issubclass(cls, Exception):
        raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
    return cls, exceptions


def derive(self, excs):
    return BaseExceptionGroup(self.message, excs)


_BY_TYPE = 0
_BY_PREDICATE = 1
_BY_IDS = 2


def _matcher_kind(value):
    if callable(value) and not isinstance(value, type):
        return _BY_PREDICATE
    if isinstance(value, type) and issubclass(value, BaseException):
        return _BY_TYPE
    if type(value) is tuple:
        for t in value:
            if not (isinstance(t, type) and issubclass(t, BaseException)):
                raise TypeError('expected a function, exception type or tuple of exception types')
        return _BY_TYPE
    raise TypeError('expected a function, exception type or tuple of exception types')


def _matches(exc, kind, value):
    if kind == _BY_TYPE:
        return isinstance(exc, value)
    if kind == _BY_PREDICATE:
        return bool(value(exc))
    return not isinstance(exc, BaseExceptionGroup) and id(exc) in value


def _subset(orig, excs):
    # exceptiongroup_subset: orig.derive(excs) with orig's traceback, context, cause and notes.
    if not excs:
        return None
    eg = orig.derive(excs)
    if not isinstance(eg, BaseExceptionGroup):
        raise TypeError('derive must return an instance of BaseExceptionGroup')
    tb = orig.__traceback__
    if tb is not None:
        eg.__traceback__ = tb
    eg.__context__ = orig.__context__
    eg.__cause__ = orig.__cause__
    notes = getattr(orig, '__notes__', None)
    if notes is not None and _is_sequence(notes):
        eg.__notes__ = list(notes)
    return eg


def _split(exc, kind, value, construct_rest):
    if _matches(exc, kind, value):
        return exc, None
    if not isinstance(exc, BaseExceptionGroup):
        return None, (exc if construct_rest else None)
    match_list = []
    rest_list = []
    for e in exc.exceptions:
        m, r = _split(e, kind, value, construct_rest)
        if m is not None:
            match_list.append(m)
        if r is not None:
            rest_list.append(r)
    match = _subset(exc, match_list)
    rest = _subset(exc, rest_list) if construct_rest else None
    return match, rest


def split(self, condition):
    return _split(self, _matcher_kind(condition), condition, True)


def subgroup(self, condition):
    return _split(self, _matcher_kind(condition), condition, False)[0]


def check_eg_match(exc, match_type):
    """CHECK_EG_MATCH: (rest, match) of the exception being handled against an except* type."""
    types = match_type if isinstance(match_type, tuple) else (match_type,)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError('catching classes that do not inherit from BaseException is not allowed')
    for t in types:
        if issubclass(t, BaseExceptionGroup):
            raise TypeError('catching ExceptionGroup with except* is not allowed. Use except instead.')
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return None, exc
        # A naked exception is wrapped in a group (of a tuple of one, as CPython).
        return None, BaseExceptionGroup('', (exc,))
    if isinstance(exc, BaseExceptionGroup):
        pair = exc.split(match_type)
        if type(pair) is not tuple:
            raise TypeError('%s.split must return a tuple, not %s' % (type(exc).__name__, type(pair).__name__))
        if len(pair) != 2:
            raise TypeError('%s.split must return a 2-tuple, got tuple of size %d' % (type(exc).__name__, len(pair)))
        return pair[1], pair[0]
    return exc, None


def _same_metadata(e, orig):
    return (isinstance(e, BaseException) and e.__traceback__ is orig.__traceback__ and e.__cause__ is orig.__cause__
            and e.__context__ is orig.__context__ and getattr(e, '__notes__', None) is getattr(orig, '__notes__', None))


def _leaf_ids(e, out):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, out)
    else:
        out.add(id(e))


def prep_reraise_star(orig, pair):
    """PREP_RERAISE_STAR: what an except* statement re-raises (None: nothing)."""
    excs = [e for e in pair[0] if e is not None]
    if pair[1] is not None:
        excs.append(pair[1])
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        return excs[0]
    raised = []
    reraised = []
    for e in excs:
        (reraised if _same_metadata(e, orig) else raised).append(e)
    ids = set()
    for e in reraised:
        _leaf_ids(e, ids)
    projection = _split(orig, _BY_IDS, ids, False)[0] if ids else None
    if not raised:
        return projection
    if projection is not None:
        raised.append(projection)
    if len(raised) > 1:
        return ExceptionGroup('', raised)
    return raised[0]


class _Printer:
    """pythonrun.c's exception_print_context and the functions that share it."""

    def __init__(self, write, tb_text, exc_only):
        self.write = write
        self.tb_text = tb_text
        self.exc_only = exc_only
        self.depth = 0
        self.need_close = False
        self.seen = set()

    def margin(self):
        return '| ' if self.depth else ''

    def indent(self):
        return ' ' * (2 * self.depth)

    def indented_margin(self):
        self.write(self.indent() + self.margin())

    def recursive(self, value):
        self.cause_and_context(value)
        if isinstance(value, BaseExceptionGroup):
            self.group(value)
        else:
            self.one(value)

    def cause_and_context(self, value):
        self.seen.add(id(value))
        cause = value.__cause__
        if cause is not None:
            if id(cause) not in self.seen:
                self.chained(cause, 'The above exception was the direct cause of the following exception:\n')
            return
        if value.__suppress_context__:
            return
        context = value.__context__
        if context is not None and id(context) not in self.seen:
            self.chained(context, 'During handling of the above exception, another exception occurred:\n')

    def chained(self, value, message):
        need_close = self.need_close
        self.recursive(value)
        self.need_close = need_close
        self.indented_margin()
        self.write('\n')
        self.indented_margin()
        self.write(message)
        self.indented_margin()
        self.write('\n')

    def one(self, value):
        if value.__traceback__ is not None:
            header = 'Traceback (most recent call last):\n'
            header_margin = self.margin()
            if isinstance(value, BaseExceptionGroup):
                header = 'Exception Group Traceback (most recent call last):\n'
                if self.depth == 1:
                    header_margin = '+ '
            prefix = self.indent() + self.margin()
            self.write(self.indent() + header_margin + header)
            for line in self.tb_text(value).splitlines(True):
                self.write(prefix + line)
        self.indented_margin()
        self.write(self.exc_only(value))
        self.notes(value)

    def notes(self, value):
        try:
            notes = value.__notes__
        except AttributeError:
            return
        if not _is_sequence(notes):
            self.indented_margin()
            try:
                self.write(repr(notes))
            except Exception:
                self.write('<__notes__ repr() failed>')
            self.write('\n')
            return
        for note in notes:
            try:
                text = str(note)
            except Exception:
                self.write('<note str() failed>')
            else:
                for line in text.splitlines(True):
                    self.indented_margin()
                    self.write(line)
            self.write('\n')

    def group(self, value):
        if self.depth > _MAX_GROUP_DEPTH:
            self.indented_margin()
            self.write('... (max_group_depth is %d)\n' % _MAX_GROUP_DEPTH)
            return
        if self.depth == 0:
            self.depth += 1
        self.one(value)
        excs = value.exceptions
        n = len(excs) if len(excs) <= _MAX_GROUP_WIDTH else _MAX_GROUP_WIDTH + 1
        self.need_close = False
        for i in range(n):
            last = i == n - 1
            if last:
                self.need_close = True
            truncated = i >= _MAX_GROUP_WIDTH
            self.write(self.indent())
            if not truncated:
                self.write('%s+---------------- %d ----------------\n' % ('+-' if i == 0 else '  ', i + 1))
            else:
                self.write('%s+---------------- ... ----------------\n' % ('+-' if i == 0 else '  '))
            self.depth += 1
            if not truncated:
                self.recursive(excs[i])
            else:
                remaining = len(excs) - _MAX_GROUP_WIDTH
                self.indented_margin()
                self.write('and %d more exception%s\n' % (remaining, 's' if remaining > 1 else ''))
            if last and self.need_close:
                self.write(self.indent())
                self.write('+------------------------------------\n')
                self.need_close = False
            self.depth -= 1
        if self.depth == 1:
            self.depth -= 1


def print_exception(exc, tb_text, exc_only, write):
    """The uncaught-exception report of `exc` (its causes and contexts first), as CPython's."""
    _Printer(write, tb_text, exc_only).recursive(exc)
