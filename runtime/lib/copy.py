"""edgepyc's pure-Python implementation of the copy module (CPython 3.11).

Covers copy, deepcopy (with a memo dict, shared and recursive references), the
__copy__/__deepcopy__ hooks, Error/error.

CPython copies most objects through the pickle protocol (__reduce_ex__(4) and copyreg).
edgepyc has neither, so this module reproduces the results of that protocol directly:
- atomic values (None, numbers, str, bytes, functions, classes, ...) are returned as
  they are; tuples and frozensets too for a shallow copy;
- list, dict, set, frozenset, bytearray (exact types) are copied element by element;
- a class that defines __reduce_ex__ or __reduce__ itself (in Python) is honoured:
  (callable, args, state, listitems, dictitems) are rebuilt as CPython's _reconstruct
  does;
- any other instance is rebuilt as object.__reduce_ex__ would describe it: a new object
  from cls.__new__(cls, *__getnewargs__()), its __dict__ and __slots__ values (or
  __getstate__()) copied in, or given to __setstate__, then the items of a list/dict/set
  subclass are added.
Instances of builtin types with no copy support (generators, modules...) raise
TypeError("cannot pickle 'X' object") as CPython does.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _function():
    pass


class _Probe:
    def method(self):
        pass


_NoneType = type(None)
_atomic = {
    _NoneType, int, float, bool, complex, str, bytes, type, range, slice, property,
    type(len), type(...), type(NotImplemented), type(_function), type(_Probe().method),
}
# Types whose shallow copy is the object itself.
_shallow_identity = _atomic | {tuple, frozenset}
del _Probe

# Exact builtin containers copied with their own copy() method.
_copy_methods = {list: list.copy, dict: dict.copy, set: set.copy}
try:
    _bytearray = bytearray
    _copy_methods[bytearray] = bytearray
except NameError:       # a runtime without bytearray
    _bytearray = None


def _user_defines(cls, name):
    """True if a class of cls's MRO written in Python (not builtins) defines name before
    any builtin type does."""
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return False
        if name in base.__dict__:
            return True
    return False


def _builtin_base(cls):
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if cls in _shallow_identity:
        return x
    method = _copy_methods.get(cls)
    if method is not None:
        return method(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _copy_via_protocol(x, cls, None)


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x; memo maps id(original) to copy for objects
    already copied."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    elif cls is _bytearray:
        y = _bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _copy_via_protocol(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A reference cycle through a mutable element may already have copied x.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _keep_alive(x, memo):
    """Keep a reference to x in the memo so that its id is not reused while the memo is
    in use (the same trick as CPython's copy module)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _copy_via_protocol(x, cls, memo):
    if _user_defines(cls, '__reduce_ex__'):
        rv = x.__reduce_ex__(4)
    elif _user_defines(cls, '__reduce__'):
        rv = x.__reduce__()
    else:
        return _copy_instance(x, cls, memo)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, memo, *rv)


def _copy_instance(x, cls, memo):
    deep = memo is not None
    if cls is object:
        return object()
    base = _builtin_base(cls)
    if base is cls:
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    if isinstance(x, BaseException):
        # BaseException.__reduce__ is (type(x), x.args, x.__dict__ or None).
        args = deepcopy(x.args, memo) if deep else x.args
        y = cls(*args)
        if deep:
            memo[id(x)] = y
        state = x.__dict__
        if state:
            y.__dict__.update(deepcopy(state, memo) if deep else state)
        return y
    getnewargs = getattr(x, '__getnewargs__', None) if _user_defines(cls, '__getnewargs__') else None
    if getnewargs is not None:
        args = getnewargs()
    elif base in (int, float, complex, str, bytes, tuple):
        args = (base(x),)
    else:
        args = ()
    if deep and args:
        args = deepcopy(args, memo)
    if base is set or base is frozenset:
        items = [deepcopy(a, memo) for a in x] if deep else list(x)
        y = cls(items)
    else:
        y = cls.__new__(cls, *args)
    if deep:
        memo[id(x)] = y
    if _user_defines(cls, '__getstate__'):
        state = x.__getstate__()
    else:
        state = getattr(x, '__dict__', None)
        slots = _slot_state(x, cls)
        if slots:
            state = (state or None, slots)
    if state:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if base is list:
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif base is dict:
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _slot_state(x, cls):
    """The slot part of object.__reduce_ex__'s state: {name: value} for every slot named in
    the __slots__ of the classes of the MRO (copyreg._slotnames: '__dict__' and '__weakref__'
    left out, private names mangled) that holds a value."""
    state = {}
    for c in cls.__mro__:
        names = c.__dict__.get('__slots__')
        if names is None:
            continue
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            try:
                state[name] = getattr(x, name)
            except AttributeError:
                pass
    return state


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
