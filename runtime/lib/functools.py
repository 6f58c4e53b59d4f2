"""edgepyc's pure-Python implementation of the functools module (CPython 3.11).

Covers reduce, partial (with CPython's repr and flattening of nested partials),
partialmethod, update_wrapper, wraps, WRAPPER_ASSIGNMENTS/WRAPPER_UPDATES, lru_cache
(maxsize/typed, cache_info, cache_clear, cache_parameters; usable as @lru_cache and
@lru_cache(...)), cache, cached_property, total_ordering, cmp_to_key, singledispatch
(register by argument, by annotation or for a union type; dispatch along the MRO, then
virtual ABC subclasses) and singledispatchmethod.

Semantics follow CPython's C implementation where it is the one in use: lru_cache keys
(a single int/str argument is its own key, keyword arguments are order-sensitive,
typed=True adds the argument types), hit/miss accounting, and LRU eviction order.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from collections import namedtuple

_GenericAlias = type(list[int])
_UnionType = type(int | str)


################################################################################
### update_wrapper() and wraps()
################################################################################

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in assigned,
    update the dicts named in updated, and set wrapper.__wrapped__.  Returns wrapper."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last so that an inherited __wrapped__ in wrapped.__dict__ does not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory: @wraps(wrapped) applies update_wrapper(wrapper,
    wrapped, assigned, updated) to the function it decorates."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


################################################################################
### total_ordering
################################################################################

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def _defines(cls, name):
    # "Defined by the class or a base other than object", as CPython's
    # getattr(cls, op) is not getattr(object, op) test means.
    for base in cls.__mro__:
        if base is not object and name in base.__dict__:
            return base.__dict__[name] is not None
    return False


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _convert if _defines(cls, op)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            # CPython renames the shared helper to the operator it stands for.
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


################################################################################
### cmp_to_key
################################################################################

class KeyWrapper:
    """The key object cmp_to_key returns: it compares by calling cmp."""

    def __init__(self, cmp, obj):
        self._cmp = cmp
        self.obj = obj

    def _other(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return other.obj

    def __lt__(self, other):
        return self._cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self._cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self._cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self._cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self._cmp(self.obj, self._other(other)) >= 0

    def __hash__(self):
        # CPython's KeyWrapper is unhashable; its C type name shows in the message.
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    def key(obj):
        return KeyWrapper(mycmp, obj)
    return key


################################################################################
### reduce()
################################################################################

_initial_missing = object()


def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Combine the items of iterable from left to right with the two-argument function,
    starting from initial when given: reduce(f, [a, b, c]) is f(f(a, b), c)."""
    # A builtin in CPython: positional arguments only, with its own messages.
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    if len(args) < 2:
        raise TypeError('reduce expected at least 2 arguments, got %d' % len(args))
    if len(args) > 3:
        raise TypeError('reduce expected at most 3 arguments, got %d' % len(args))
    function = args[0]
    sequence = args[1]
    initial = args[2] if len(args) == 3 else _initial_missing
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


################################################################################
### partial() and partialmethod()
################################################################################

# ids of partial objects whose repr is being computed (recursion prints "...").
_repr_running = set()


class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial) and type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        name = 'functools.partial' if type(self) is partial else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = [repr(self.func)]
            parts.extend(repr(x) for x in self.args)
            parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        finally:
            _repr_running.discard(key)
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args, self.keywords or None,
                                          self.__dict__ or None)

    __class_getitem__ = classmethod(_GenericAlias)


class partialmethod:
    """A descriptor like partial for methods: the bound instance (or class)
    comes first, then the stored arguments, then the call's."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s)' % (type(self).__module__, type(self).__qualname__, ', '.join(parts))

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(_GenericAlias)


################################################################################
### LRU Cache function decorator
################################################################################

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'],
                        module='functools')

# Separates positional from keyword arguments inside a cache key.
_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Decorator caching a function's results by its arguments, keeping the
    maxsize most recently used (maxsize=None: unbounded; typed=True: 3 and 3.0 are
    cached apart).  The wrapper has cache_info(), cache_clear(), cache_parameters() and
    __wrapped__.  Arguments must be hashable."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without parentheses: maxsize is the function.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict whose insertion order is the recency order: a hit moves its
    # key to the end, eviction removes the first key.
    cache = {}
    stats = [0, 0]          # hits, misses
    sentinel = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            if kwds or typed or len(args) != 1:
                key = _make_key(args, kwds, typed)
            else:
                key = args[0]
                if type(key) is not int and type(key) is not str:
                    key = args
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                # Move to the most recently used end.
                del cache[key]
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call cached this key meanwhile; keep that entry.
                return result
            cache[key] = result
            if len(cache) > maxsize:
                del cache[next(iter(cache))]
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


################################################################################
### singledispatch() - single-dispatch generic function decorator
################################################################################

def _is_union_type(cls):
    return isinstance(cls, _UnionType)


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union_type(cls) and all(isinstance(arg, type) for arg in cls.__args__)


def _find_impl(cls, registry):
    """The implementation registered for the nearest class of cls: first along
    cls.__mro__ (object excluded), then the most specific registered class cls is a
    virtual subclass of (ABCs), then object's."""
    mro = getattr(cls, '__mro__', (cls, object))
    for base in mro:
        if base is not object and base in registry:
            return registry[base]
    best = None
    for typ in registry:
        if typ is object or typ in mro:
            continue
        try:
            matches = issubclass(cls, typ)
        except TypeError:
            continue
        if not matches:
            continue
        if best is None or issubclass(typ, best):
            best = typ
        elif not issubclass(best, typ):
            raise RuntimeError('Ambiguous dispatch: {} or {}'.format(best, typ))
    if best is not None:
        return registry[best]
    return registry.get(object)


def _annotation_class(func):
    # The class named by the first parameter's annotation; string annotations are
    # looked up by (dotted) name, since edgepyc has no eval for typing.get_type_hints.
    ann = getattr(func, '__annotations__', {})
    for argname, cls in ann.items():
        if argname == 'return':
            continue
        if isinstance(cls, str):
            cls = _resolve_name(cls, getattr(func, '__globals__', {}))
        return argname, cls
    return None, None


def _resolve_name(name, namespace):
    from _typing_eval import _BUILTINS
    parts = name.split('.')
    if parts[0] in namespace:
        obj = namespace[parts[0]]
    elif parts[0] in _BUILTINS:
        obj = _BUILTINS[parts[0]]
    else:
        return name
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


def singledispatch(func):
    """Decorator turning a function into a generic function that picks its
    implementation by the class of the first argument; add implementations with
    .register(cls) or .register on a function whose first parameter is annotated."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        """Return the implementation that would be used for arguments of class
        cls."""
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        except TypeError:
            return _find_impl(cls, registry)
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_func*.
        """
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. '
                                '%r is not a class or union type.' % (cls,))
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    'Invalid first argument to `register()`: %r. '
                    'Use either `@register(some_class)` or plain `@register` '
                    'on an annotated function.' % (cls,))
            func = cls
            argname, cls = _annotation_class(func)
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError('Invalid annotation for %r. %r not all arguments are classes.'
                                    % (argname, cls))
                raise TypeError('Invalid annotation for %r. %r is not a class.' % (argname, cls))
        if _is_union_type(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % (funcname,))
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument
    after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
### cached_property() - property result cached as instance attribute
################################################################################

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                '(%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on %r instance to cache %r property."
                % (type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val

    __class_getitem__ = classmethod(_GenericAlias)
