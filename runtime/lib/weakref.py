"""edgepyc's pure-Python weakref module (the API of CPython 3.11's weakref).

ref, proxy, WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize,
getweakrefcount and getweakrefs, with CPython's checks (which types cannot be weakly
referenced, the messages) and reprs.

Known difference: the interpreter has no reference counts, so a referent is never seen
to die while the program runs: ref() keeps returning the object after `del`, weak
containers keep their entries, and callbacks and finalizers run only at exit (finalize's
atexit behaviour). Programs that use weak references for caches, back-pointers and
registries of live objects behave as in CPython as long as the objects stay alive.
"""

import atexit
import sys

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary',
           'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes',
           'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize']

# The builtin types whose instances CPython cannot reference weakly (no tp_weaklistoffset).
_NOT_WEAKREFABLE = (int, str, bytes, tuple, list, dict, float, complex, bool, type(None),
                    bytearray, type(...), type(NotImplemented), range, slice)

_refs = {}  # id(referent) -> [refs], for getweakrefcount / getweakrefs


def _check(obj):
    cls = type(obj)
    if cls in _NOT_WEAKREFABLE or _no_weakref_slot(cls):
        raise TypeError(f"cannot create weak reference to '{cls.__name__}' object")


def _no_weakref_slot(cls):
    """A class without a __weakref__ slot: every class of its MRO declares __slots__
    without '__weakref__', or it derives from a variable-size builtin (int, bytes, tuple)."""
    if any(b in (int, bytes, tuple) for b in cls.__mro__[1:]):
        return True
    names = []
    for k in cls.__mro__:
        if k is object:
            continue
        if '__slots__' not in k.__dict__:
            return False
        s = k.__dict__['__slots__']
        names.extend([s] if isinstance(s, str) else s)
    return '__weakref__' not in names and '__dict__' not in names


class ReferenceType:
    """ref(object[, callback]): a reference to object that does not keep it alive."""
    __module__ = 'weakref'
    __slots__ = ('_obj', '__callback__', '_hash')

    def __new__(cls, obj, callback=None):
        _check(obj)
        refs = _refs.setdefault(id(obj), [])
        # CPython shares one callback-less ref per referent (weakrefobject.c get_basic_refs).
        if callback is None and cls is ReferenceType:
            for r in refs:
                if type(r) is ReferenceType and r.__callback__ is None:
                    return r
        self = object.__new__(cls)
        self._obj = obj
        self.__callback__ = callback
        self._hash = None
        refs.append(self)
        return self

    def __init__(self, obj, callback=None):
        pass

    def __call__(self):
        return self._obj

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._obj)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj != other._obj

    def __repr__(self):
        o = self._obj
        name = getattr(type(o), '__name__', '?')
        return f'<weakref at {hex(id(self))}; to {name!r} at {hex(id(o))}>'

    __class_getitem__ = classmethod(lambda cls, item: cls)


ref = ReferenceType


class WeakMethod(ref):
    """A weak reference to a bound method: keeps neither the object nor the function alive."""
    __slots__ = ('_func',)

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError(f"argument should be a bound method, not {type(meth)}") from None
        self = ref.__new__(cls, obj, callback)
        self._func = func
        return self

    def __call__(self):
        return self._func.__get__(self._obj, type(self._obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            return self._obj is other._obj and self._func == other._func
        return NotImplemented

    def __hash__(self):
        return hash((id(self._obj), self._func))


class ProxyType:
    """proxy(object[, callback]): forwards attribute access and operators to object."""
    __module__ = 'weakref'

    def __init__(self, obj, callback=None):
        _check(obj)
        object.__setattr__(self, '_ProxyType__obj', obj)
        _refs.setdefault(id(obj), []).append(self)

    def __getattr__(self, name):
        return getattr(self.__obj, name)

    def __setattr__(self, name, value):
        setattr(self.__obj, name, value)

    def __delattr__(self, name):
        delattr(self.__obj, name)

    def __repr__(self):
        o = self.__obj
        return f'<weakproxy at {hex(id(self))}; to {type(o).__name__!r} at {hex(id(o))}>'

    def __str__(self):
        return str(self.__obj)

    def __bool__(self):
        return bool(self.__obj)

    def __len__(self):
        return len(self.__obj)

    def __iter__(self):
        return iter(self.__obj)

    def __contains__(self, item):
        return item in self.__obj

    def __getitem__(self, key):
        return self.__obj[key]

    def __setitem__(self, key, value):
        self.__obj[key] = value

    def __eq__(self, other):
        return self.__obj == other

    def __lt__(self, other):
        return self.__obj < other

    def __hash__(self):
        raise TypeError(f"unhashable type: 'weakproxy'")


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return self._ProxyType__obj(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    return CallableProxyType(obj, callback) if callable(obj) else ProxyType(obj, callback)


def getweakrefcount(obj):
    return len(_refs.get(id(obj), ()))


def getweakrefs(obj):
    return list(_refs.get(id(obj), ()))


class WeakValueDictionary:
    """Mapping class that references values weakly."""
    __module__ = 'weakref'

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        return self.data[key]()

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(list(self.data))

    def __repr__(self):
        return f'<{type(self).__name__} at {hex(id(self))}>'

    def get(self, key, default=None):
        r = self.data.get(key)
        return default if r is None else r()

    def keys(self):
        return list(self.data)

    def values(self):
        return [r() for r in self.data.values()]

    def items(self):
        return [(k, r()) for k, r in self.data.items()]

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *default):
        if key in self.data:
            return self.data.pop(key)()
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        k, r = self.data.popitem()
        return k, r()

    def setdefault(self, key, default=None):
        if key not in self.data:
            self[key] = default
            return default
        return self.data[key]()

    def update(self, other=(), /, **kw):
        if hasattr(other, 'items'):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self.items())

    __copy__ = copy


class WeakKeyDictionary:
    """Mapping class that references keys weakly."""
    __module__ = 'weakref'

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            return ref(key) in self.data
        except TypeError:
            return False

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter([r() for r in self.data])

    def __repr__(self):
        return f'<{type(self).__name__} at {hex(id(self))}>'

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return [r() for r in self.data]

    def values(self):
        return list(self.data.values())

    def items(self):
        return [(r(), v) for r, v in self.data.items()]

    def keyrefs(self):
        return list(self.data)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        r, v = self.data.popitem()
        return r(), v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key), default)

    def update(self, dict=None, /, **kw):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self.items())


class WeakSet:
    """A set of weak references to its elements."""
    __module__ = 'weakref'

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        return self.data.pop()()

    def clear(self):
        self.data.clear()

    def __contains__(self, item):
        try:
            return ref(item) in self.data
        except TypeError:
            return False

    def __iter__(self):
        return iter([r() for r in self.data])

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return repr(self.data)

    def copy(self):
        return type(self)(self)

    def update(self, other):
        for x in other:
            self.add(x)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        s = self.copy()
        s.update(other)
        return s

    __or__ = union


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call func(*args, **kwargs) once, when
    called or (here, always) at exit if the object is still alive then."""
    __module__ = 'weakref'
    _registry = []

    def __init__(self, obj, func, /, *args, **kwargs):
        _check(obj)
        self._obj_ref = ref(obj)
        self._info = (func, args, kwargs)
        self.atexit = True
        finalize._registry.append(self)

    def __call__(self, _=None):
        info = self._info
        if info is None:
            return None
        self._info = None
        func, args, kwargs = info
        return func(*args, **(kwargs or {}))

    def detach(self):
        info = self._info
        if info is None:
            return None
        self._info = None
        return (self._obj_ref(),) + info

    def peek(self):
        info = self._info
        return None if info is None else (self._obj_ref(),) + info

    @property
    def alive(self):
        return self._info is not None

    def __repr__(self):
        o = self._obj_ref()
        return f'<finalize object at {hex(id(self))}; for {type(o).__name__!r} at {hex(id(o))}>'

    @classmethod
    def _exitfunc(cls):
        # Newest first, as CPython's weakref._exitfunc.
        for f in sorted(cls._registry, key=lambda f: -cls._registry.index(f)):
            if f.alive and f.atexit:
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())


atexit.register(finalize._exitfunc)
