"""edgepyc's pure-Python implementation of the dataclasses module (CPython 3.11).

Covers dataclass (init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only;
slots and weakref_slot, which rebuild the class with __slots__ as CPython does), field,
Field, fields, asdict, astuple, replace, is_dataclass, make_dataclass,
FrozenInstanceError, InitVar, KW_ONLY, MISSING, __post_init__, ClassVar and InitVar
pseudo-fields (also as string annotations), the __hash__ decision table, the generated
__doc__ signature and CPython's error messages.

CPython writes the generated methods as source text and execs it.  edgepyc has no exec,
so each method here is a closure over the field list: __init__ binds its arguments
itself (through _argbind.bind, which reproduces the interpreter's TypeError messages
such as "Point.__init__() missing 1 required positional argument: 'y'"), __eq__ and the
order methods compare tuples of the fields, as 3.11 does.
"""

import sys
import copy
import abc
import types
from keyword import iskeyword
from types import MappingProxyType, GenericAlias
from _argbind import bind as _bind

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % (type_name,)

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """A field of a dataclass, as created by field() or from a plain default."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                'name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        # A descriptor used as a default learns its name too.
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a dataclass field: its default or default_factory (not both),
    whether it is an __init__ parameter (init), shown by __repr__ (repr), hashed (hash;
    None means follow compare), compared (compare), keyword-only (kw_only), and metadata
    (a mapping kept read-only for the user)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


_repr_running = set()


def _make_init(cls, fields, std_fields, kw_fields, frozen, has_post_init):
    # Every __init__ parameter is a field with init=True; the order is positional fields,
    # then keyword-only ones.  Defaults are the field's default or the factory marker.
    seen_default = False
    for f in std_fields:
        if not (f.default is MISSING and f.default_factory is MISSING):
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % (f.name,))

    qualname = cls.__qualname__ + '.__init__'
    pos_names = tuple(f.name for f in std_fields)
    kw_names = tuple(f.name for f in kw_fields)
    defaults = {}
    for f in std_fields + kw_fields:
        if f.default_factory is not MISSING:
            defaults[f.name] = _HAS_DEFAULT_FACTORY
        elif f.default is not MISSING:
            defaults[f.name] = f.default
    npos = len(pos_names)
    nrequired = 0
    for name in pos_names:
        if name not in defaults:
            nrequired += 1
    tail_defaults = [defaults.get(name) for name in pos_names]
    simple = not kw_names

    # What __init__ does after binding, in field order: (name, index of the argument
    # or -1, factory or None).  Fields with init=False and no factory are not set;
    # InitVars are passed to __post_init__ instead.
    index_of = {}
    for i, name in enumerate(pos_names + kw_names):
        index_of[name] = i
    steps = []
    initvar_indexes = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            if f.init:
                initvar_indexes.append(index_of[f.name])
            continue
        if f._field_type is not _FIELD:
            continue
        if f.init:
            steps.append((f.name, index_of[f.name],
                          f.default_factory if f.default_factory is not MISSING else None))
        elif f.default_factory is not MISSING:
            steps.append((f.name, -1, f.default_factory))
    steps = tuple(steps)
    initvar_indexes = tuple(initvar_indexes)
    object_setattr = object.__setattr__

    def __init__(self, *args, **kwargs):
        n = len(args)
        if simple and not kwargs and nrequired <= n <= npos:
            values = list(args)
            if n < npos:
                values.extend(tail_defaults[n:])
        else:
            values = _bind(qualname, pos_names, kw_names, defaults, args, kwargs)
        for name, index, factory in steps:
            if index < 0:
                value = factory()
            else:
                value = values[index]
                if factory is not None and value is _HAS_DEFAULT_FACTORY:
                    value = factory()
            if frozen:
                object_setattr(self, name, value)
            else:
                setattr(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[i] for i in initvar_indexes])

    __init__.__qualname__ = qualname
    annotations = {}
    for f in std_fields + kw_fields:
        annotations[f.name] = f.type
    annotations['return'] = None
    __init__.__annotations__ = annotations
    return __init__


def _make_repr(cls, flds):
    names = tuple(f.name for f in flds)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = ['%s=%r' % (name, getattr(self, name)) for name in names]
        finally:
            _repr_running.discard(key)
        return '%s(%s)' % (self.__class__.__qualname__, ', '.join(parts))

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _field_tuple(self, names):
    return tuple([getattr(self, name) for name in names])


def _make_compare(cls, name, names):
    if name == '__eq__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return _field_tuple(self, names) == _field_tuple(other, names)
            return NotImplemented
    elif name == '__lt__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return _field_tuple(self, names) < _field_tuple(other, names)
            return NotImplemented
    elif name == '__le__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return _field_tuple(self, names) <= _field_tuple(other, names)
            return NotImplemented
    elif name == '__gt__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return _field_tuple(self, names) > _field_tuple(other, names)
            return NotImplemented
    else:
        def method(self, other):
            if other.__class__ is self.__class__:
                return _field_tuple(self, names) >= _field_tuple(other, names)
            return NotImplemented
    method.__name__ = name
    method.__qualname__ = cls.__qualname__ + '.' + name
    return method


def _make_frozen_methods(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field %r' % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field %r' % (name,))
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = cls.__qualname__ + '.__setattr__'
    __delattr__.__qualname__ = cls.__qualname__ + '.__delattr__'
    return __setattr__, __delattr__


def _make_hash(cls, names):
    def __hash__(self):
        return hash(_field_tuple(self, names))

    __hash__.__qualname__ = cls.__qualname__ + '.__hash__'
    return __hash__


def _set_new_attribute(cls, name, value):
    # Never overwrite what the class itself defines; report whether it did.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or getattr(a_type, '__origin__', None) is typing.ClassVar)


def _is_initvar(a_type):
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    return a_type is KW_ONLY


def _string_annotation_is(annotation, cls, module, obj):
    """Does a string annotation such as "ClassVar[int]" or "typing.ClassVar" name obj
    (an attribute of module) in the namespace of cls's module?"""
    text = annotation.lstrip()
    i = 0
    n = len(text)
    while i < n and (text[i].isalnum() or text[i] == '_'):
        i += 1
    first = text[:i]
    rest = text[i:].lstrip()
    module_name = None
    name = first
    if rest.startswith('.'):
        rest = rest[1:].lstrip()
        j = 0
        while j < len(rest) and (rest[j].isalnum() or rest[j] == '_'):
            j += 1
        module_name = first
        name = rest[:j]
    if not name:
        return False
    owner_module = sys.modules.get(cls.__module__)
    ns = getattr(owner_module, '__dict__', None)
    if ns is None:
        return False
    if module_name is None:
        return ns.get(name) is obj
    mod = ns.get(module_name)
    return mod is module and getattr(mod, name, None) is obj


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    typing = sys.modules.get('typing')
    if typing is not None and getattr(typing, 'ClassVar', None) is not None:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _string_annotation_is(f.type, cls, typing, typing.ClassVar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        this_module = sys.modules.get(__name__)
        if (_is_initvar(a_type)
                or (isinstance(f.type, str)
                    and _string_annotation_is(f.type, cls, this_module, InitVar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % (f.name,))

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % (f.name,))

    # Values of unhashable types (list, dict, set...) are shared mutable defaults.
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                         % (type(f.default), f.name))
    return f


def _format_annotation(annotation):
    # inspect.formatannotation, which dataclasses uses for __doc__.
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_doc(cls, std_fields, kw_fields):
    parts = []
    for f in std_fields + kw_fields:
        if f is (kw_fields[0] if kw_fields else None):
            parts.append('*')
        text = '%s: %s' % (f.name, _format_annotation(f.type))
        if f.default_factory is not MISSING:
            text += ' = <factory>'
        elif f.default is not MISSING:
            text += ' = %r' % (f.default,)
        parts.append(text)
    return '%s(%s)' % (cls.__name__, ', '.join(parts))


# (unsafe_hash, eq, frozen, has explicit __hash__) -> what to do about __hash__.
_hash_action = {
    (False, False, False, False): None,
    (False, False, False, True): None,
    (False, False, True, False): None,
    (False, False, True, True): None,
    (False, True, False, False): 'none',
    (False, True, False, True): None,
    (False, True, True, False): 'add',
    (False, True, True, True): None,
    (True, False, False, False): 'add',
    (True, False, False, True): 'exception',
    (True, False, True, False): 'add',
    (True, False, True, True): 'exception',
    (True, True, False, False): 'add',
    (True, True, False, True): 'exception',
    (True, True, True, False): 'add',
    (True, True, True, True): 'exception',
}


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # Fields of dataclass bases, from the most basic one down.
    any_frozen_base = False
    has_dataclass_bases = False
    all_frozen_bases = None
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
            else:
                all_frozen_bases = False

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if (_is_kw_only(a_type)
                or (isinstance(a_type, str)
                    and _string_annotation_is(a_type, cls, sys.modules.get(__name__), KW_ONLY))):
            if kw_only_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % (name,))
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # A Field object as class attribute becomes the plain default (or nothing).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, list(fields.values()), std_init_fields,
                                      kw_only_init_fields, frozen, has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))

    compare_names = tuple(f.name for f in field_list if f.compare)
    if eq:
        _set_new_attribute(cls, '__eq__', _make_compare(cls, '__eq__', compare_names))

    if order:
        for name in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _set_new_attribute(cls, name, _make_compare(cls, name, compare_names)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))

    if frozen:
        names = tuple(f.name for f in field_list)
        for fn in _make_frozen_methods(cls, names):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (fn.__name__, cls.__name__))

    action = _hash_action[(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)]
    if action == 'none':
        cls.__hash__ = None
    elif action == 'add':
        hash_names = tuple(f.name for f in field_list
                           if (f.compare if f.hash is None else f.hash))
        cls.__hash__ = _make_hash(cls, hash_names)
    elif action == 'exception':
        raise TypeError('Cannot overwrite attribute __hash__ in class %s' % (cls.__name__,))

    if not getattr(cls, '__doc__'):
        cls.__doc__ = _signature_doc(cls, std_init_fields, kw_only_init_fields)

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

    abc.update_abstractmethods(cls)

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        # A class without __slots__ of its own has a __dict__ (and __weakref__).
        if getattr(cls, '__weakrefoffset__', -1) != 0:
            yield '__weakref__'
        return
    if isinstance(slots, str):
        yield slots
    else:
        yield from slots


def _add_slots(cls, is_frozen, weakref_slot):
    # A class cannot gain __slots__ after creation: make a new one from its namespace.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for base in cls.__mro__[1:-1]:
        inherited_slots.update(_get_slots(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited_slots)
    for field_name in field_names:
        # Field defaults move out of the class (they live on in the fields).
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        # What pickle needs for frozen classes with slots.
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for field, value in zip(fields(self), state):
        object.__setattr__(self, field.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add generated methods (__init__, __repr__, __eq__, and on request order
    methods, __hash__, frozen __setattr__/__delattr__, __match_args__) to a class
    from its annotated fields.  Usable as @dataclass or @dataclass(...)."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return the Field objects of a dataclass or instance (not ClassVars or
    InitVars), in definition order."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a
    dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values (recursing into dataclasses, dicts, lists and
    tuples; other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field values
    (recursing like asdict)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append(_astuple_inner(getattr(obj, f.name), tuple_factory))
        return tuple_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a dataclass named cls_name from fields: names, (name, type) or
    (name, type, Field) items (a missing type is 'typing.Any').  Made with
    types.new_class, so, as in CPython 3.11, its __module__ is 'types'."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if iskeyword(name):
            raise TypeError('Field names must not be keywords: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new instance of obj's class with the fields in changes replaced
    (fields with init=False cannot be given; InitVars without a default must be)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % (f.name,))
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
