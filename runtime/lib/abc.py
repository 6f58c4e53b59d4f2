"""edgepyc's pure-Python implementation of the abc module (CPython 3.11).

Covers ABCMeta (abstract method bookkeeping, register, __instancecheck__ /
__subclasscheck__ with __subclasshook__, positive/negative caches invalidated by
register), ABC, abstractmethod, abstractclassmethod, abstractstaticmethod,
abstractproperty, get_cache_token and update_abstractmethods.

Differences in mechanism, not in behaviour:
- instantiating a class that still has abstract methods is refused in ABCMeta.__call__
  with CPython 3.11's message ("Can't instantiate abstract class X with abstract
  method(s) a, b"); CPython refuses it in object.__new__.
- registries and caches hold classes strongly (there is no weakref in edgepyc); the
  subclasses an ABC knows about are recorded when ABCMeta creates them, instead of
  asking type.__subclasses__().
"""

__all__ = ['ABC', 'ABCMeta', 'abstractclassmethod', 'abstractmethod', 'abstractproperty',
           'abstractstaticmethod', 'get_cache_token', 'update_abstractmethods']

import _abcflags  # the interpreter's Py_TPFLAGS_SEQUENCE/MAPPING bits, set by register()


def abstractmethod(funcobj):
    """Mark a method abstract: a class whose metaclass is ABCMeta cannot be
    instantiated while any abstract method is not overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated, use classmethod
    with abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated, use staticmethod
    with abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated, use property with
    abstractmethod)."""

    __isabstractmethod__ = True


def _is_abstract(value):
    # property/classmethod/staticmethod report the abstractness of what they wrap; ask
    # the wrapped functions directly so this does not depend on those builtins doing so.
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if getattr(f, '__isabstractmethod__', False):
                return True
    elif isinstance(value, (classmethod, staticmethod)):
        if getattr(value.__func__, '__isabstractmethod__', False):
            return True
    try:
        return bool(getattr(value, '__isabstractmethod__', False))
    except Exception:
        return False


# Bumped by every register() so that negative cache entries made before it are dropped.
_invalidation_counter = 0


class _AbcData:
    """Per-ABC bookkeeping (CPython keeps the same in its _abc_data object)."""

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _invalidation_counter
        self.subclasses = []


def _compute_abstracts(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of abstract base classes: tracks abstract methods, lets unrelated
    classes be registered as virtual subclasses, and answers isinstance/issubclass through
    __subclasshook__, the registry and the subclasses it knows."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_impl = _AbcData()
        for base in bases:
            impl = base.__dict__.get('_abc_impl') if isinstance(base, ABCMeta) else None
            if impl is not None:
                impl.subclasses.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            if (args or kwargs) and cls.__init__ is object.__init__ \
                    and cls.__new__ is object.__new__:
                # object.__new__ reports surplus arguments before abstractness.
                return super().__call__(*args, **kwargs)
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register subclass as a virtual subclass of this ABC; returns subclass, so
        it can be used as a class decorator."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_impl.registry.add(subclass)
        _abcflags.register(subclass, cls)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if impl.negative_version == _invalidation_counter and subclass in impl.negative_cache:
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version < _invalidation_counter:
            impl.negative_cache = set()
            impl.negative_version = _invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in impl.subclasses:
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        write = file.write if file is not None else print
        write('Class: %s.%s\n' % (cls.__module__, cls.__qualname__))
        write('Inv. counter: %s\n' % get_cache_token())

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def get_cache_token():
    """Return a token that changes whenever any ABC registers a class."""
    return _invalidation_counter


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or replaced
    (does nothing for classes that are not ABCs); returns cls."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, cls.__dict__, cls.__bases__)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
