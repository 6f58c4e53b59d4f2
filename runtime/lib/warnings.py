"""edgepyc's pure-Python warnings module (CPython 3.11's Lib/warnings.py semantics).

warn() finds the caller `stacklevel` frames up (sys._getframe), applies the filter list
(first match wins; CPython's default filters: DeprecationWarning shown only when raised in
__main__, Pending/Import/ResourceWarning ignored, everything else 'default': once per
location, remembered in the module's __warningregistry__), and prints
`file:line: Category: message` plus the stripped source line to sys.stderr. 'error'
raises the warning, 'always', 'once' and 'module' behave as documented. simplefilter,
filterwarnings, resetwarnings, catch_warnings (record=True collects WarningMessage
objects), showwarning/formatwarning (replaceable) and warn_explicit are provided.
The -W command-line options and PYTHONWARNINGS are not read.
"""

import sys

# CPython's warnings functions are C (_warnings): no traceback entries for this module.
__edgepyc_c_module__ = True

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings']

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')

filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _getline(filename, lineno):
    try:
        with open(filename, encoding='utf-8') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    return ''


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    s = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    if line is None:
        line = _getline(filename, lineno)
    if line:
        s += f'  {line.strip()}\n'
    return s


def _showwarning_orig(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


showwarning = _showwarning_orig


def _formatwarnmsg(msg):
    return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(_formatwarnmsg(msg))
    except OSError:
        pass


def _showwarnmsg(msg):
    # A showwarning replaced by the program takes over, as in CPython.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError(f'invalid action: {action!r}')
    if not isinstance(message, str):
        raise AssertionError('message must be a string')
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise AssertionError('module must be a string')
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError('lineno must be an int >= 0')
    if message or module:
        import re
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError(f'invalid action: {action!r}')
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError('lineno must be an int >= 0')
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        globals_ = sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals_.get('__name__', '<string>') if '__name__' in globals_ else '<string>'
    registry = globals_.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, globals_, source)


def _matches(pattern, text):
    # _warnings.c check_matched: None matches all, a str must be equal, else .match().
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat)
                and _matches(mod, module) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == 'always':
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError(f'Unrecognized action ({action!r}) in warnings.filters:\n {item}')
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


class WarningMessage(object):
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon exiting the
    context; with record=True, warnings are collected in the list __enter__ returns."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append(f'module={self._module!r}')
        return f"{type(self).__name__}({', '.join(args)})"

    def __enter__(self):
        if self._entered:
            raise RuntimeError(f'Cannot enter {self!r} twice')
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError(f'Cannot exit {self!r} without entering first')
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl
