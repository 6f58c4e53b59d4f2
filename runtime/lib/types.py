"""edgepyc's pure-Python implementation of the types module (CPython 3.11).

Covers SimpleNamespace (repr, ==, attribute access), MappingProxyType, the type objects
programs test against (FunctionType, LambdaType, MethodType, BuiltinFunctionType,
BuiltinMethodType, GeneratorType, CoroutineType, AsyncGeneratorType, ModuleType,
CodeType, CellType, TracebackType, FrameType, NoneType, EllipsisType,
NotImplementedType, GenericAlias, UnionType, descriptor types where the runtime has
them), new_class, prepare_class, resolve_bases, DynamicClassAttribute and coroutine.

Every type here is type(...) of a real object, as in CPython, so isinstance checks agree
with the runtime.  Where edgepyc's runtime has no such object (code objects, frames,
slot wrappers...), the name is bound to a private placeholder class that nothing is an
instance of.  MappingProxyType is the runtime's own mappingproxy when it has one (the
type of type.__dict__), else a read-only wrapper class written here.
types.coroutine() cannot mark a generator function as awaitable (that needs code flags);
it returns generator functions unchanged and wraps other callables as CPython does.
SimpleNamespace defines a __hash__ that raises CPython's message instead of __hash__ = None.
"""

import sys

__all__ = ['AsyncGeneratorType', 'BuiltinFunctionType', 'BuiltinMethodType', 'CellType',
           'ClassMethodDescriptorType', 'CodeType', 'CoroutineType',
           'DynamicClassAttribute', 'EllipsisType', 'FrameType', 'FunctionType',
           'GeneratorType', 'GenericAlias', 'GetSetDescriptorType', 'LambdaType',
           'MappingProxyType', 'MemberDescriptorType', 'MethodDescriptorType',
           'MethodType', 'MethodWrapperType', 'ModuleType', 'NoneType',
           'NotImplementedType', 'SimpleNamespace', 'TracebackType', 'UnionType',
           'WrapperDescriptorType', 'coroutine', 'new_class', 'prepare_class',
           'resolve_bases']


def _f():
    pass


def _placeholder(name):
    # A stand-in for a type the runtime does not have: no object is an instance of it.
    return type(name, (), {'__module__': 'types'})


def _type_of(make, name):
    try:
        return type(make())
    except Exception:
        return _placeholder(name)


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = _type_of(lambda: _f.__code__, 'code')
MappingProxyType = None     # bound below
SimpleNamespace = None      # bound below


def _cell_maker():
    a = 1

    def f():
        return a
    return f.__closure__[0]


CellType = _type_of(_cell_maker, 'cell')


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_coro = _c()
CoroutineType = type(_coro)
_coro.close()


async def _ag():
    yield


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = _type_of(lambda: object.__dict__['__init__'], 'wrapper_descriptor')
MethodWrapperType = _type_of(lambda: object().__str__, 'method-wrapper')
MethodDescriptorType = _type_of(lambda: str.__dict__['join'], 'method_descriptor')
ClassMethodDescriptorType = _type_of(lambda: dict.__dict__['fromkeys'],
                                     'classmethod_descriptor')
ModuleType = type(sys)


def _traceback():
    try:
        raise TypeError
    except TypeError as exc:
        return exc.__traceback__


TracebackType = _type_of(_traceback, 'traceback')
FrameType = _type_of(lambda: _traceback().tb_frame, 'frame')
GetSetDescriptorType = _type_of(lambda: FunctionType.__dict__['__code__'], 'getset_descriptor')
MemberDescriptorType = _type_of(lambda: FunctionType.__dict__['__globals__'],
                                'member_descriptor')
GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del _f, _g, _c, _coro, _ag, _C, _cell_maker, _traceback


class SimpleNamespace:
    """A simple attribute-based namespace.

SimpleNamespace(**kwargs)"""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return '%s(...)' % (name,)
        _repr_running.add(key)
        try:
            parts = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]
        finally:
            _repr_running.discard(key)
        return '%s(%s)' % (name, ', '.join(parts))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        # Unhashable, with the C type name CPython's message uses.
        raise TypeError("unhashable type: 'types.SimpleNamespace'")

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


_repr_running = set()


class mappingproxy:
    """Read-only proxy of a mapping."""

    def __init__(self, mapping):
        if not hasattr(mapping, '__getitem__') or not hasattr(mapping, 'keys') \
                or isinstance(mapping, (list, tuple)):
            raise TypeError('mappingproxy() argument must be a mapping, not %s'
                            % type(mapping).__name__)
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __reversed__(self):
        return reversed(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _native_mappingproxy():
    try:
        t = type(type.__dict__)
        if t.__name__ == 'mappingproxy' and t({'k': 1})['k'] == 1:
            return t
    except Exception:
        pass
    mappingproxy.__module__ = 'builtins'
    return mappingproxy


MappingProxyType = _native_mappingproxy()
del _native_mappingproxy


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, '__mro_entries__'):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    """The most derived metaclass among meta and the bases' metaclasses."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                        '(non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Return (metaclass, namespace, kwds) for creating a class: the
    metaclass from kwds['metaclass'] or the bases, the namespace from its __prepare__,
    and kwds without 'metaclass'."""
    kwds = dict(kwds) if kwds else {}
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


class DynamicClassAttribute:
    """A property for instances that raises AttributeError when looked
    up on the class, so the class falls back to its metaclass __getattr__."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError('unreadable attribute')
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = getattr(fget, '__doc__', None) if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    try:
        if isinstance(func, FunctionType) and func.__code__.co_flags & 0x20:
            # A generator function (CO_GENERATOR) is returned as it is, as CPython
            # does after flagging it; edgepyc cannot set the flag.
            return func
    except AttributeError:
        pass
    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapped
