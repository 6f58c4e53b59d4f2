"""edgepyc's pure-Python implementation of collections.abc (CPython 3.11).

Covers every ABC of 3.11's collections.abc with its abstract methods, its mixin methods
and its __subclasshook__: Hashable, Awaitable, Coroutine, AsyncIterable, AsyncIterator,
AsyncGenerator, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable,
Collection, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView,
ValuesView, Sequence, MutableSequence, ByteString.

The one-trick ABCs (Iterable, Sized, Hashable ...) recognise a class by looking for the
method in the __dict__ of the classes of its MRO, a None entry meaning "explicitly not
supported" (so list is not Hashable).  Builtin types are also registered where CPython
registers them (list is a MutableSequence, dict a MutableMapping, ...).
"""

from abc import ABCMeta, abstractmethod

GenericAlias = type(list[int])

__all__ = ["Awaitable", "Coroutine",
           "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet",
           "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence",
           "ByteString",
           ]


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class Hashable(metaclass=ABCMeta):

    @abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, "__hash__")
        return NotImplemented


class Awaitable(metaclass=ABCMeta):

    @abstractmethod
    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Awaitable:
            return _check_methods(C, "__await__")
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Coroutine(Awaitable):

    @abstractmethod
    def send(self, value):
        """Send a value into the coroutine.
        Return next yielded value or raise StopIteration.
        """
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception in the coroutine.
        Return next yielded value or raise StopIteration.
        """
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        """Raise GeneratorExit inside coroutine.
        """
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("coroutine ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, '__await__', 'send', 'throw', 'close')
        return NotImplemented


class AsyncIterable(metaclass=ABCMeta):

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterable:
            return _check_methods(C, "__aiter__")
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class AsyncIterator(AsyncIterable):

    @abstractmethod
    async def __anext__(self):
        """Return the next item or raise StopAsyncIteration when exhausted."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterator:
            return _check_methods(C, "__anext__", "__aiter__")
        return NotImplemented


class AsyncGenerator(AsyncIterator):

    async def __anext__(self):
        """Return the next item from the asynchronous generator.
        When exhausted, raise StopAsyncIteration.
        """
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        """Send a value into the asynchronous generator.
        Return next yielded value or raise StopAsyncIteration.
        """
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception in the asynchronous generator.
        Return next yielded value or raise StopAsyncIteration.
        """
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    async def aclose(self):
        """Raise GeneratorExit inside generator.
        """
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError("asynchronous generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, '__aiter__', '__anext__', 'asend', 'athrow', 'aclose')
        return NotImplemented


class Iterable(metaclass=ABCMeta):

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, "__iter__")
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Iterator(Iterable):

    @abstractmethod
    def __next__(self):
        'Return the next item from the iterator. When exhausted, raise StopIteration'
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, '__iter__', '__next__')
        return NotImplemented


class Reversible(Iterable):

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, "__reversed__", "__iter__")
        return NotImplemented


class Generator(Iterator):

    def __next__(self):
        """Return the next item from the generator.
        When exhausted, raise StopIteration.
        """
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Send a value into the generator.
        Return next yielded value or raise StopIteration.
        """
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception in the generator.
        Return next yielded value or raise StopIteration.
        """
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        """Raise GeneratorExit inside generator.
        """
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__', 'send', 'throw', 'close')
        return NotImplemented


class Sized(metaclass=ABCMeta):

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, "__len__")
        return NotImplemented


class Container(metaclass=ABCMeta):

    @abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, "__contains__")
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Collection(Sized, Iterable, Container):

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, "__len__", "__iter__", "__contains__")
        return NotImplemented


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _is_param_expr(obj):
    # ... or a typing.ParamSpec / typing.Concatenate[...] (checked by name: no import).
    if obj is Ellipsis:
        return True
    names = {'ParamSpec', '_ConcatenateGenericAlias'}
    return type(obj).__name__ in names or (
        type(obj).__name__ == '_GenericAlias' and
        getattr(getattr(obj, '__origin__', None), '_name', None) == 'Concatenate')


def _make_callable_alias():
    # Callable[[int, str], bool] keeps its arguments flattened, (int, str, bool), and
    # prints them grouped again, as CPython's collections.abc._CallableGenericAlias.
    try:
        class _CallableGenericAlias(GenericAlias):
            def __new__(cls, origin, args):
                if not (isinstance(args, tuple) and len(args) == 2):
                    raise TypeError('Callable must be used as Callable[[arg, ...], result].')
                t_args, t_result = args
                if isinstance(t_args, (tuple, list)):
                    args = (*t_args, t_result)
                elif not _is_param_expr(t_args):
                    raise TypeError('Expected a list of types, an ellipsis, ParamSpec, or '
                                    'Concatenate. Got %s' % (t_args,))
                return super().__new__(cls, origin, args)

            def __repr__(self):
                args = self.__args__
                if len(args) == 2 and _is_param_expr(args[0]):
                    return super().__repr__()
                return 'collections.abc.Callable[[%s], %s]' % (
                    ', '.join([_type_repr(a) for a in args[:-1]]), _type_repr(args[-1]))

            def __reduce__(self):
                args = self.__args__
                if not (len(args) == 2 and _is_param_expr(args[0])):
                    args = list(args[:-1]), args[-1]
                return _CallableGenericAlias, (Callable, args)
    except TypeError:
        return GenericAlias
    return _CallableGenericAlias


class Callable(metaclass=ABCMeta):

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            return _check_methods(C, "__call__")
        return NotImplemented

    __class_getitem__ = classmethod(_make_callable_alias())


class Set(Collection):
    """A finite, iterable container of unique items.

    Subclasses define __contains__, __iter__ and __len__; comparisons and the &, |, -, ^
    operators are provided from them (results are built with _from_iterable)."""

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        """Build an instance from an iterable; override it when the constructor
        does not take one."""
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        'Return True if two sets have a null intersection.'
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """Compute the hash value of a set (equal to the hash of the frozenset with
        the same elements)."""
        return hash(frozenset(self))


Set.register(frozenset)


class MutableSet(Set):
    """A Set that can change: subclasses also define add() and discard(); remove,
    pop, clear and the in-place operators are provided."""

    @abstractmethod
    def add(self, value):
        """Add an element."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove an element.  Do not raise an exception if absent."""
        raise NotImplementedError

    def remove(self, value):
        """Remove an element. If not a member, raise a KeyError."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Return the popped value.  Raise KeyError if empty."""
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        """Remove every element (one pop() at a time)."""
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


MutableSet.register(set)


class Mapping(Collection):
    """A read-only mapping: subclasses define __getitem__, __iter__ and __len__; get,
    __contains__, keys, items, values and == are provided."""

    __abc_tpflags__ = 1 << 6  # Py_TPFLAGS_MAPPING: instances match mapping patterns

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        'Return self[key], or default when the key is missing.'
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        "A KeysView of this mapping."
        return KeysView(self)

    def items(self):
        "An ItemsView of this mapping."
        return ItemsView(self)

    def values(self):
        "A ValuesView of this mapping."
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)

    __class_getitem__ = classmethod(GenericAlias)


class KeysView(MappingView, Set):

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        for key in self._mapping:
            yield key


class ItemsView(MappingView, Set):

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class MutableMapping(Mapping):
    """A Mapping that can change: subclasses also define __setitem__ and
    __delitem__; pop, popitem, clear, update and setdefault are provided."""

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    __marker = object()

    def pop(self, key, default=__marker):
        '''Remove key and return its value; return default instead when the key
          is missing and a default is given, else raise KeyError.'''
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        '''Remove and return some (key, value) pair; KeyError when empty.'''
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        'Remove every item (one popitem() at a time).'
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        """Update from a mapping (or any object with keys()) or an iterable of
            pairs, then from the keyword arguments."""
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        'Return self[key], first setting it to default when it is missing.'
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


MutableMapping.register(dict)


class Sequence(Reversible, Collection):
    """A read-only sequence: subclasses define __getitem__ and __len__; iteration,
    `in`, reversed, index and count are provided."""

    __abc_tpflags__ = 1 << 5  # Py_TPFLAGS_SEQUENCE: instances match sequence patterns

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        """Return the first index of value (searching from start to stop);
           ValueError if absent."""
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        'How many items are (or equal) value.'
        n = 0
        for v in self:
            if v is value or v == value:
                n += 1
        return n


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
try:
    Sequence.register(memoryview)
except NameError:       # a runtime without memoryview
    pass


class ByteString(Sequence):
    """The ABC of bytes and bytearray."""


ByteString.register(bytes)
try:
    ByteString.register(bytearray)
except NameError:       # a runtime without bytearray
    pass


class MutableSequence(Sequence):
    """A Sequence that can change: subclasses also define __setitem__,
    __delitem__ and insert; append, clear, reverse, extend, pop, remove and += are
    provided."""

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        'Insert value before position index.'
        raise IndexError

    def append(self, value):
        'Add value at the end.'
        self.insert(len(self), value)

    def clear(self):
        'S.clear() -> None -- remove all items from S'
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        'Reverse the sequence in place.'
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        'Append every item of values.'
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        '''Remove and return the item at index (default: the last); IndexError
           when empty or out of range.'''
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        '''Remove the first occurrence of value; ValueError when absent.'''
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


MutableSequence.register(list)
try:
    MutableSequence.register(bytearray)
except NameError:
    pass


def _register_builtins():
    # The concrete types CPython registers besides the ones above.  They are found by
    # type(...) of real objects so this needs no private module.
    async def _coro():
        pass

    async def _agen():
        yield

    def _gen():
        yield

    d = {}
    KeysView.register(type(d.keys()))
    ValuesView.register(type(d.values()))
    ItemsView.register(type(d.items()))
    coro = _coro()
    Coroutine.register(type(coro))
    coro.close()
    AsyncGenerator.register(type(_agen()))
    Generator.register(type(_gen()))
    try:
        proxy_type = type(type.__dict__)
    except AttributeError:
        proxy_type = None
    if proxy_type is not None and proxy_type.__name__ == 'mappingproxy':
        Mapping.register(proxy_type)
    for make in (lambda: iter(b''), lambda: iter(bytearray()), lambda: iter(d.keys()),
                 lambda: iter(d.values()), lambda: iter(d.items()), lambda: iter([]),
                 lambda: reversed([]), lambda: iter(range(0)), lambda: iter(set()),
                 lambda: iter(''), lambda: iter(()), lambda: iter(zip())):
        try:
            Iterator.register(type(make()))
        except (NameError, TypeError):      # a runtime lacking one of these types
            pass


_register_builtins()
del _register_builtins
