"""edgepyc's pure-Python implementation of the collections module (CPython 3.11).

Covers deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap, UserDict,
UserList and UserString with CPython's reprs, error messages and iteration orders, and
the collections.abc submodule (collections/abc.py).

Representation choices (invisible to programs):
- deque keeps two lists: `_left` holds the left part reversed (its last item is the
  leftmost element), `_right` the rest in order, so both ends are list appends/pops; when
  one side runs dry, half of the other side moves over (amortized O(1)).  `_state`
  counts structural changes, so iterators can raise "deque mutated during iteration".
- OrderedDict is a dict subclass: a dict already keeps insertion order, move_to_end and
  popitem(last=False) rearrange the dict itself.
- namedtuple builds its class with type() instead of exec: __new__ is a closure that
  binds arguments through _argbind.bind, which reproduces CPython's TypeError messages.
Known differences: deque's comparison errors name the type 'deque' where CPython says
'collections.deque'; deque defines a __hash__ that raises CPython's "unhashable type:
'collections.deque'" (CPython has __hash__ = None), so isinstance(deque(), Hashable) is True.
"""

import sys as _sys
from . import abc
from .abc import Mapping as _Mapping, MutableMapping as _MutableMapping
from .abc import MutableSequence as _MutableSequence, Sequence as _Sequence
from .abc import KeysView as _KeysView, ValuesView as _ValuesView, ItemsView as _ItemsView
from keyword import iskeyword as _iskeyword
from _argbind import bind as _bind

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]

_GenericAlias = type(list[int])

# ids of the containers whose repr is being computed, to print "..." on recursion as
# CPython's Py_ReprEnter does.
_repr_running = set()


def _index(x):
    if isinstance(x, int):
        return x
    try:
        method = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return method(x)


################################################################################
### deque
################################################################################

class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._left = []
        self._right = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        if self._left or self._right:
            self.clear()
        if iterable is not None:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # Internal end operations; they do not bump _state.

    def _take_left(self):
        left = self._left
        if left:
            return left.pop()
        right = self._right
        if not right:
            raise IndexError('pop from an empty deque')
        k = (len(right) + 1) // 2
        left = right[k - 1::-1]
        del right[:k]
        self._left = left
        return left.pop()

    def _take_right(self):
        right = self._right
        if right:
            return right.pop()
        left = self._left
        if not left:
            raise IndexError('pop from an empty deque')
        k = (len(left) + 1) // 2
        right = left[k - 1::-1]
        del left[:k]
        self._right = right
        return right.pop()

    def _trim_left(self, excess):
        left = self._left
        k = excess if excess < len(left) else len(left)
        if k:
            del left[len(left) - k:]
        if excess > k:
            del self._right[:excess - k]

    def _trim_right(self, excess):
        right = self._right
        k = excess if excess < len(right) else len(right)
        if k:
            del right[len(right) - k:]
        if excess > k:
            del self._left[:excess - k]

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        self._right.append(x)
        m = self._maxlen
        if m is not None and len(self._left) + len(self._right) > m:
            self._take_left()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        self._left.append(x)
        m = self._maxlen
        if m is not None and len(self._left) + len(self._right) > m:
            self._take_right()

    def pop(self):
        """Remove and return the rightmost element."""
        self._state += 1
        return self._take_right()

    def popleft(self):
        """Remove and return the leftmost element."""
        self._state += 1
        return self._take_left()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        self._state += 1
        self._right.extend(iterable)
        m = self._maxlen
        if m is not None:
            excess = len(self._left) + len(self._right) - m
            if excess > 0:
                self._trim_left(excess)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        self._state += 1
        self._left.extend(iterable)
        m = self._maxlen
        if m is not None:
            excess = len(self._left) + len(self._right) - m
            if excess > 0:
                self._trim_right(excess)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._left = []
        self._right = []

    def copy(self):
        """Return a shallow copy of a deque."""
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        """Return number of occurrences of value."""
        return self._left.count(value) + self._right.count(value)

    def index(self, value, start=0, stop=_sys.maxsize):
        """Return the first index of value in the deque (within start/stop);
        ValueError if it is absent."""
        items = self._left[::-1] + self._right
        try:
            return items.index(value, start, stop)
        except ValueError:
            raise ValueError('%r is not in deque' % (value,)) from None

    def insert(self, index, value):
        """Insert value before index."""
        n = len(self._left) + len(self._right)
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = self._left[::-1] + self._right
        items.insert(index, value)
        self._state += 1
        self._left = []
        self._right = items

    def remove(self, value):
        """Remove first occurrence of value."""
        items = self._left[::-1] + self._right
        try:
            items.remove(value)
        except ValueError:
            raise ValueError('%r is not in deque' % (value,)) from None
        self._state += 1
        self._left = []
        self._right = items

    def reverse(self):
        """Reverse *IN PLACE*."""
        self._state += 1
        self._left, self._right = self._right, self._left

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative,
        rotates left."""
        n = _index(n)
        length = len(self._left) + len(self._right)
        if length <= 1:
            return
        n %= length
        if not n:
            return
        self._state += 1
        if n <= 32:
            for _ in range(n):
                self._left.append(self._take_right())
        elif length - n <= 32:
            for _ in range(length - n):
                self._right.append(self._take_left())
        else:
            items = self._left[::-1] + self._right
            self._left = []
            self._right = items[-n:] + items[:-n]

    def _normalize(self, index):
        if not isinstance(index, int):
            try:
                index = _index(index)
            except TypeError:
                raise TypeError('sequence index must be integer, not %r'
                                % type(index).__name__) from None
        n = len(self._left) + len(self._right)
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        return index

    def __getitem__(self, index):
        if isinstance(index, int):
            left = self._left
            nl = len(left)
            if 0 <= index < nl:
                return left[nl - 1 - index]
            if index >= nl:
                right = self._right
                if index - nl < len(right):
                    return right[index - nl]
                raise IndexError('deque index out of range')
        index = self._normalize(index)
        nl = len(self._left)
        if index < nl:
            return self._left[nl - 1 - index]
        return self._right[index - nl]

    def __setitem__(self, index, value):
        index = self._normalize(index)
        nl = len(self._left)
        if index < nl:
            self._left[nl - 1 - index] = value
        else:
            self._right[index - nl] = value

    def __delitem__(self, index):
        index = self._normalize(index)
        self._state += 1
        nl = len(self._left)
        if index < nl:
            del self._left[nl - 1 - index]
        else:
            del self._right[index - nl]

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left) or bool(self._right)

    def __contains__(self, value):
        return value in self._left or value in self._right

    def __iter__(self):
        return _deque_iter(self, self._state)

    def __reversed__(self):
        return _deque_reversed(self, self._state)

    def __repr__(self):
        name = type(self).__name__
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            body = repr(self._left[::-1] + self._right)
        finally:
            _repr_running.discard(key)
        if self._maxlen is None:
            return '%s(%s)' % (name, body)
        return '%s(%s, maxlen=%d)' % (name, body, self._maxlen)

    def _items(self):
        return self._left[::-1] + self._right

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    def __hash__(self):
        # Unhashable, with the C type name CPython's message uses.
        raise TypeError("unhashable type: 'collections.deque'")

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
            return self
        if n == 1:
            return self
        items = (self._left[::-1] + self._right) * n
        m = self._maxlen
        if m is not None and len(items) > m:
            items = items[len(items) - m:]
        self._state += 1
        self._left = []
        self._right = items
        return self

    def __reduce__(self):
        return type(self), (list(self), self._maxlen)

    __class_getitem__ = classmethod(_GenericAlias)


def _deque_iter(d, state):
    # Checks the mutation counter before every step, including the final one, like
    # CPython's dequeiter_next.
    left = d._left
    i = len(left) - 1
    while i >= 0:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        yield left[i]
        i -= 1
    right = d._right
    i = 0
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i >= len(right):
            return
        yield right[i]
        i += 1


def _deque_reversed(d, state):
    right = d._right
    i = len(right) - 1
    while i >= 0:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        yield right[i]
        i -= 1
    left = d._left
    i = 0
    while True:
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
        if i >= len(left):
            return
        yield left[i]
        i += 1


_MutableSequence.register(deque)


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """A dict that calls default_factory() to create the value of a missing key
    on d[key] (and stores it).  defaultdict(default_factory=None, /, *args, **kwargs):
    the other arguments are those of dict()."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        key = id(self)
        if key in _repr_running:
            factory_repr = '...'
        else:
            _repr_running.add(key)
            try:
                factory_repr = repr(factory)
            finally:
                _repr_running.discard(key)
        return '%s(%s, %s)' % (type(self).__name__, factory_repr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


################################################################################
### OrderedDict
################################################################################

class _OrderedDictKeysView(_KeysView):

    def __reversed__(self):
        return reversed(self._mapping)

    def __repr__(self):
        return 'odict_keys(%r)' % (list(self._mapping),)


class _OrderedDictItemsView(_ItemsView):

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield (key, mapping[key])

    def __repr__(self):
        mapping = self._mapping
        return 'odict_items(%r)' % ([(key, mapping[key]) for key in mapping],)


class _OrderedDictValuesView(_ValuesView):

    def __reversed__(self):
        mapping = self._mapping
        for key in reversed(mapping):
            yield mapping[key]

    def __repr__(self):
        mapping = self._mapping
        return 'odict_values(%r)' % ([mapping[key] for key in mapping],)


class OrderedDict(dict):
    'A dict that keeps (and can rearrange) insertion order.'

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        """Insert the items of a mapping or an iterable of pairs, then the keywords."""
        if type(self) is OrderedDict:
            dict.update(self, other, **kwds)
            return
        # Subclasses see every insertion through their own __setitem__, as in CPython.
        if isinstance(other, dict):
            for key, value in dict.items(other):
                self[key] = value
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (last=True) or the beginning (last=False);
        KeyError if it is absent."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return the last (last=True) or first (last=False) (key, value)
        pair; KeyError if empty."""
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def setdefault(self, key, default=None):
        """Return d[key], inserting key with the value default first if it is
        absent."""
        if key in self:
            return self[key]
        self[key] = default
        return default

    def keys(self):
        "A set-like view of the keys, in order."
        return _OrderedDictKeysView(self)

    def items(self):
        "A set-like view of the (key, value) pairs, in order."
        return _OrderedDictItemsView(self)

    def values(self):
        "A view of the values, in order."
        return _OrderedDictValuesView(self)

    def __repr__(self):
        'OrderedDict([(key, value), ...]) or OrderedDict().'
        name = type(self).__name__
        if not self:
            return '%s()' % (name,)
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%r)' % (name, list(dict.items(self)))
        finally:
            _repr_running.discard(key)

    def __reduce__(self):
        return type(self), (), None, None, iter(dict.items(self))

    def copy(self):
        'A shallow copy of the same class.'
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        """Equal to another OrderedDict only with the same order; to other mappings
        as a dict."""
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(self, other):
                if not (a is b or a == b):
                    return False
            return True
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new


################################################################################
### namedtuple
################################################################################

class _tuplegetter:
    """The field accessor of a namedtuple class: a read-only data descriptor that
    returns one item of the tuple."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return '_tuplegetter(%d, %r)' % (self._index, self.__doc__)


_tuple_new = tuple.__new__


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Return a new tuple subclass named typename whose items are also reachable
    as attributes.  field_names is a sequence of names or one string of names separated
    by spaces or commas; defaults apply to the rightmost fields; rename replaces invalid
    names by _0, _1...; module sets __module__ (default: the caller's module).

    >>> Point = namedtuple('Point', 'x y')
    >>> Point(1, y=2)
    Point(x=1, y=2)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % (name,))
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        if defaults:
            for name, value in zip(field_names[len(field_names) - len(defaults):], defaults):
                field_defaults[name] = value

    fields = tuple(_sys.intern(name) for name in field_names)
    num_fields = len(fields)
    arg_list = ', '.join(fields)
    if num_fields == 1:
        arg_list += ','
    new_qualname = typename + '.__new__'
    holder = []

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == num_fields:
            return _tuple_new(_cls, args)
        return _tuple_new(_cls, _bind(new_qualname, fields, (), field_defaults, args, kwargs))

    __new__.__name__ = '__new__'
    __new__.__qualname__ = new_qualname
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)

    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    _make.__qualname__ = typename + '._make'
    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % (typename,)

    def _replace(self, /, **kwds):
        values = []
        for name, value in zip(fields, self):
            values.append(kwds.pop(name, value))
        result = self._make(values)
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    _replace.__qualname__ = typename + '._replace'
    _replace.__doc__ = 'Return a new %s object replacing specified fields with new values' % (typename,)

    def __repr__(self):
        'TypeName(field=value, ...)'
        parts = []
        for name, value in zip(fields, self):
            parts.append('%s=%r' % (name, value))
        return '%s(%s)' % (self.__class__.__name__, ', '.join(parts))

    __repr__.__qualname__ = typename + '.__repr__'

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    _asdict.__qualname__ = typename + '._asdict'

    def __getnewargs__(self):
        'The items as a plain tuple (the arguments __new__ needs to rebuild it).'
        return tuple(self)

    __getnewargs__.__qualname__ = typename + '.__getnewargs__'

    # Instances of the class itself have no attribute dict in CPython (__slots__ = ());
    # refuse new attributes the same way.  Subclasses decide for themselves.
    def __setattr__(self, name, value):
        if type(self) is holder[0] and name not in fields:
            raise AttributeError("'%s' object has no attribute '%s'" % (typename, name))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is holder[0] and name not in fields:
            raise AttributeError("'%s' object has no attribute '%s'" % (typename, name))
        object.__delattr__(self, name)

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': staticmethod(__new__),
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__setattr__': __setattr__,
        '__delattr__': __delattr__,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _tuplegetter(index, 'Alias for field number %d' % index)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        class_namespace['__module__'] = module

    result = type(typename, (tuple,), class_namespace)
    holder.append(result)
    return result


################################################################################
### Counter
################################################################################

def _count_elements(mapping, iterable):
    'Add one to mapping[elem] for each element.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


def _count_of(item):
    return item[1]


class Counter(dict):
    """A dict subclass that counts hashable items: keys are the items, values their
    counts (missing items count zero).  Counter(iterable) or Counter(mapping) or
    Counter(**counts)."""

    def __init__(self, iterable=None, /, **kwds):
        """Count the items of iterable (or add the counts of a mapping), then the
        keyword counts."""
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common (item, count) pairs, most common first (all of them
        when n is None); equal counts keep the order items were first counted."""
        # Equal counts keep insertion order: this is what CPython's sorted() and
        # heapq.nlargest() both produce.
        items = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        if n <= 0:
            return []
        return items[:n]

    def elements(self):
        """Iterate over the items, each repeated as many times as its count (items
        with counts below one are skipped)."""
        return _elements(list(self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of items or from a mapping of counts, then
        from the keyword counts."""
        if iterable is not None:
            if isinstance(iterable, dict) or isinstance(iterable, _Mapping):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts given by an iterable of items or a mapping of counts, then
        by the keyword counts; counts may go to zero or below."""
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict) or isinstance(iterable, _Mapping):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (self.__class__.__name__, d)

    # Rich comparisons treat missing elements as having zero counts (3.10+).

    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] == other[e]:
                    return False
        return True

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] <= other[e]:
                    return False
        return True

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] >= other[e]:
                    return False
        return True

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        '''Add counts from two counters.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        ''' Subtract count, but keep only results with positive counts.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        '''Union is the maximum of value in either of the input counters.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        ''' Intersection is the minimum of corresponding counts.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        '''Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts.
        '''
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        '''Internal method to strip elements with a negative or zero count'''
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        '''Inplace add from another counter, keeping only positive counts.'''
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        '''Inplace subtract counter, but keep only results with positive counts.'''
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        '''Inplace union is the maximum of value from either counter.'''
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        '''Inplace intersection is the minimum of corresponding counts.'''
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _elements(items):
    for elem, count in items:
        for _ in range(count):
            yield elem


################################################################################
### ChainMap
################################################################################

class ChainMap(_MutableMapping):
    """A mapping that looks keys up in a list of mappings (its `maps`), first one
    first; writes and deletions only touch maps[0]."""

    def __init__(self, *maps):
        '''Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.
        '''
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))
        finally:
            _repr_running.discard(key)

    @classmethod
    def fromkeys(cls, iterable, *args):
        'Create a ChainMap with a single dict created from the iterable.'
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (or a new dict holding kwargs) in front of the
        current maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# The User* wrappers live in collections/_user.py to keep this file readable.
from ._user import UserDict, UserList, UserString
