"""edgepyc's pure-Python implementation of the `re` module (CPython 3.11 semantics).

Covers str patterns fully and bytes patterns (ASCII rules; LOCALE is treated as
ASCII): the whole pattern syntax of 3.11 including atomic groups, possessive
quantifiers, conditionals, lookbehind and inline/scoped flags; the functions match,
fullmatch, search, sub, subn, split, findall, finditer, compile, purge, template,
escape; the Pattern and Match types; RegexFlag (a small int subclass printing like
CPython's IntFlag); re.error with CPython's messages and positions; re.Scanner; and a
cache of compiled patterns.  Not covered: re.DEBUG's dump of the parsed pattern, the
deprecation/future warnings CPython emits, and \\N{...} escapes when no unicodedata
module is available.

The work is split as in CPython: `_parser` (pattern -> tree), `_compiler` (tree ->
program), `_engine` (the backtracking VM that CPython has in C as _sre).  This file
holds the public API; it converts subjects (bytes are decoded as latin-1 so the engine
only sees str), applies pos/endpos, and implements the iteration rules of findall,
finditer, sub and split (an empty match is never followed by another empty match at the
same position, as since Python 3.7).
"""

import sys

from ._constants import (
    error, TEMPLATE as _T, IGNORECASE as _I, LOCALE as _L, MULTILINE as _M,
    DOTALL as _S, UNICODE as _U, VERBOSE as _X, DEBUG as _D, ASCII as _A,
)
from . import _parser
from . import _compiler
from . import _engine

__all__ = [
    'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
    'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L',
    'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL',
    'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag',
]

__version__ = '2.2.1'


# --------------------------------------------------------------------------------------
# RegexFlag: an int subclass whose repr/str read like CPython's IntFlag members.

# Canonical members in CPython's definition order (the order of names in reprs).
_FLAG_MEMBERS = (
    ('ASCII', _A), ('IGNORECASE', _I), ('LOCALE', _L), ('UNICODE', _U),
    ('MULTILINE', _M), ('DOTALL', _S), ('VERBOSE', _X), ('TEMPLATE', _T), ('DEBUG', _D),
)
_FLAG_ALIASES = (
    ('NOFLAG', 0), ('ASCII', _A), ('A', _A), ('IGNORECASE', _I), ('I', _I),
    ('LOCALE', _L), ('L', _L), ('UNICODE', _U), ('U', _U), ('MULTILINE', _M), ('M', _M),
    ('DOTALL', _S), ('S', _S), ('VERBOSE', _X), ('X', _X), ('TEMPLATE', _T), ('T', _T),
    ('DEBUG', _D),
)
_FLAG_BITS = 511
_flag_instances = {}


class _RegexFlagType(type):
    """Metaclass giving RegexFlag the class-level behaviour of an enum."""

    def __repr__(cls):
        return "<flag 'RegexFlag'>"

    def __iter__(cls):
        return iter([cls(value) for name, value in _FLAG_MEMBERS])

    def __len__(cls):
        return len(_FLAG_MEMBERS)

    def __contains__(cls, value):
        return isinstance(value, cls)

    def __getitem__(cls, name):
        for alias, value in _FLAG_ALIASES:
            if alias == name:
                return cls(value)
        raise KeyError(name)

    @property
    def __members__(cls):
        return dict([(alias, cls(value)) for alias, value in _FLAG_ALIASES])


class RegexFlag(int, metaclass=_RegexFlagType):
    """An enumeration."""

    def __new__(cls, value=0):
        value = int(value)
        if value < 0:
            value &= _FLAG_BITS
        flag = _flag_instances.get(value)
        if flag is None:
            flag = int.__new__(cls, value)
            _flag_instances[value] = flag
        return flag

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        if v == 0:
            return 'NOFLAG'
        if v & ~_FLAG_BITS:
            return None
        return '|'.join([name for name, bit in _FLAG_MEMBERS if v & bit])

    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        names = ['re.' + name for name, bit in _FLAG_MEMBERS if v & bit]
        if not names:
            return 're.RegexFlag(%d)' % v
        rest = v & ~_FLAG_BITS
        if rest:
            names.append(hex(rest))
        return '|'.join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        v = int(self)
        width = v.bit_length()
        if width < 9:
            width = 9
        return RegexFlag(~v & ((1 << width) - 1))

    def __contains__(self, other):
        return int(other) & int(self) == int(other)

    def __iter__(self):
        v = int(self)
        return iter([RegexFlag(bit) for name, bit in _FLAG_MEMBERS if v & bit])

    def __len__(self):
        v = int(self)
        return len([bit for name, bit in _FLAG_MEMBERS if v & bit])

    def __reduce_ex__(self, protocol):
        return (RegexFlag, (int(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(_A)
IGNORECASE = I = RegexFlag(_I)
LOCALE = L = RegexFlag(_L)
UNICODE = U = RegexFlag(_U)
MULTILINE = M = RegexFlag(_M)
DOTALL = S = RegexFlag(_S)
VERBOSE = X = RegexFlag(_X)
TEMPLATE = T = RegexFlag(_T)
DEBUG = RegexFlag(_D)

# Flag names in the order of Pattern reprs (CPython's pattern_repr table).
_REPR_FLAGS = (
    ('re.TEMPLATE', _T), ('re.IGNORECASE', _I), ('re.LOCALE', _L), ('re.MULTILINE', _M),
    ('re.DOTALL', _S), ('re.UNICODE', _U), ('re.VERBOSE', _X), ('re.DEBUG', _D),
    ('re.ASCII', _A),
)


# --------------------------------------------------------------------------------------
# Subjects and positions

def _type_name(obj):
    return type(obj).__name__


def _text_of(pattern_is_bytes, string):
    """The str the engine matches for `string` (bytes-like subjects decoded as latin1)."""
    if isinstance(string, str):
        if pattern_is_bytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
        if type(string) is not str:
            # Match the characters, not a subclass's overridden methods.
            return str.__str__(string)
        return string
    if isinstance(string, (bytes, bytearray, memoryview)):
        if not pattern_is_bytes:
            raise TypeError('cannot use a string pattern on a bytes-like object')
        return bytes(string).decode('latin1')
    raise TypeError("expected string or bytes-like object, got '%s'" % _type_name(string))


def _source_of(string):
    """What group values are sliced from: the subject itself for str and bytes, a bytes
    copy for other bytes-like objects (CPython returns bytes for those too)."""
    if type(string) is str or type(string) is bytes:
        return string
    if isinstance(string, str):
        return str.__str__(string)
    return bytes(string)


class mappingproxy:
    """Read-only view of Pattern.groupindex (CPython returns a types.MappingProxyType)."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return self._mapping == other

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _as_index(value):
    """value as an int, accepting objects with __index__ (the Argument Clinic check)."""
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(value))
    return index(value)


def _clamp(value, n):
    value = _as_index(value)
    if value < 0:
        return 0
    if value > n:
        return n
    return value


def _slice_to(text, endpos):
    if endpos < len(text):
        return text[:endpos]
    return text


# --------------------------------------------------------------------------------------
# Pattern

class Pattern:
    """Compiled regular expression object."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __class_getitem__(cls, item):
        return cls

    @property
    def pattern(self):
        """The pattern string from which the RE object was compiled."""
        return self._pattern

    @property
    def flags(self):
        """The regex matching flags."""
        return self._flags

    @property
    def groups(self):
        """The number of capturing groups in the pattern."""
        return self._groups

    @property
    def groupindex(self):
        """A dictionary mapping group names to group numbers."""
        if not self._groupindex:
            return {}
        return mappingproxy(dict(self._groupindex))

    def __repr__(self):
        flags = self._flags
        if not self._isbytes and flags & (_L | _U | _A) == _U:
            flags &= ~_U
        text = repr(self._pattern)[:200]
        if not flags:
            return 're.compile(%s)' % text
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        return 're.compile(%s, %s)' % (text, '|'.join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._flags == other._flags and self._isbytes == other._isbytes
                and self._pattern == other._pattern)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self._pattern, self._flags))

    def _prepare(self, string, pos, endpos):
        text = _text_of(self._isbytes, string)
        n = len(text)
        pos = _clamp(pos, n)
        endpos = _clamp(endpos, n)
        return text, pos, endpos

    def _new_match(self, string, pos, endpos, found):
        return _make_match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=sys.maxsize):
        """Matches zero or more characters at the beginning of the string."""
        text, pos, endpos = self._prepare(string, pos, endpos)
        if endpos < pos:
            return None
        found = _engine.match_at(self._prog, _slice_to(text, endpos), pos, False, -1)
        if found is None:
            return None
        return _make_match(self, string, pos, endpos, found)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        """Matches against all of the string."""
        text, pos, endpos = self._prepare(string, pos, endpos)
        if endpos < pos:
            return None
        found = _engine.match_at(self._prog, _slice_to(text, endpos), pos, True, -1)
        if found is None:
            return None
        return _make_match(self, string, pos, endpos, found)

    def search(self, string, pos=0, endpos=sys.maxsize):
        """Scan through string looking for a match, and return a corresponding match
        object instance.

        Return None if no position in the string matches."""
        text, pos, endpos = self._prepare(string, pos, endpos)
        if endpos < pos:
            return None
        found = _engine.search(self._prog, _slice_to(text, endpos), pos, -1)
        if found is None:
            return None
        return _make_match(self, string, pos, endpos, found)

    def _iterate(self, text, pos):
        """(start, end, marks) of successive matches from pos (text already cut)."""
        return _engine.iterate(self._prog, text, pos, -1)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        """Return a list of all non-overlapping matches of pattern in string."""
        text, pos, endpos = self._prepare(string, pos, endpos)
        if endpos < pos:
            return []
        ngroups = self._groups
        string = _source_of(string)
        empty = string[:0]
        result = []
        for start, end, marks in self._iterate(_slice_to(text, endpos), pos):
            if ngroups == 0:
                result.append(string[start:end])
            elif ngroups == 1:
                a = marks[2]
                b = marks[3]
                result.append(string[a:b] if a >= 0 and b >= 0 else empty)
            else:
                items = []
                for g in range(1, ngroups + 1):
                    a = marks[2 * g]
                    b = marks[2 * g + 1]
                    items.append(string[a:b] if a >= 0 and b >= 0 else empty)
                result.append(tuple(items))
        return result

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        """Return an iterator over all non-overlapping matches for the RE pattern in
        string.

        For each match, the iterator returns a match object."""
        text, pos, endpos = self._prepare(string, pos, endpos)
        return self._finditer(string, text, pos, endpos)

    def _finditer(self, string, text, pos, endpos):
        if endpos < pos:
            return
        for found in self._iterate(_slice_to(text, endpos), pos):
            yield _make_match(self, string, pos, endpos, found)

    def scanner(self, string, pos=0, endpos=sys.maxsize):
        text, pos, endpos = self._prepare(string, pos, endpos)
        return _Scanner(self, string, text, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        text = _text_of(self._isbytes, string)
        string = _source_of(string)
        maxsplit = _as_index(maxsplit)
        ngroups = self._groups
        result = []
        last = 0
        n = 0
        if maxsplit >= 0:
            for start, end, marks in self._iterate(text, 0):
                if maxsplit and n >= maxsplit:
                    break
                result.append(string[last:start])
                for g in range(1, ngroups + 1):
                    a = marks[2 * g]
                    b = marks[2 * g + 1]
                    result.append(string[a:b] if a >= 0 and b >= 0 else None)
                n += 1
                last = end
        result.append(string[last:len(text)])
        return result

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping
        occurrences of pattern in string by the replacement repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the
        leftmost non-overlapping occurrences of pattern with the replacement repl."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        text = _text_of(self._isbytes, string)
        string = _source_of(string)
        count = _as_index(count)
        call = None
        pieces = None
        literal = None
        if callable(repl):
            call = repl
        elif _is_literal_repl(repl):
            # As _sre: a replacement without backslashes is used as it is.
            literal = repl
        else:
            pieces = self._template(repl)
            if len(pieces) == 1 and not isinstance(pieces[0], int):
                literal = pieces[0]
        out = []
        last = 0
        n = 0
        for found in self._iterate(text, 0):
            if count and n >= count:
                break
            if count < 0:
                break
            start = found[0]
            if last < start:
                out.append(string[last:start])
            if literal is not None:
                out.append(literal)
            elif call is not None:
                item = call(_make_match(self, string, 0, len(text), found))
                if item is not None:
                    out.append(item)
            else:
                out.append(_expand_pieces(pieces, string, found[2], found[0], found[1]))
            last = found[1]
            n += 1
        if last < len(text):
            out.append(string[last:len(text)])
        if isinstance(string, str):
            joined = ''.join(out)
        else:
            joined = b''.join(out)
        return joined, n

    def _template(self, repl):
        cache = self._templates
        key = (type(repl), repl)
        pieces = cache.get(key)
        if pieces is None:
            if isinstance(repl, str):
                source = repl
            elif isinstance(repl, (bytes, bytearray, memoryview)):
                source = bytes(repl)
            else:
                raise TypeError('decoding to str: need a bytes-like object, %s found'
                                % _type_name(repl))
            pieces = _parser.parse_template(source, self._groups, self._groupindex)
            if len(cache) >= 64:
                cache.clear()
            cache[key] = pieces
        return pieces


def _is_literal_repl(repl):
    if isinstance(repl, str):
        return '\\' not in repl
    if isinstance(repl, (bytes, bytearray)):
        return b'\\' not in repl
    if isinstance(repl, memoryview):
        return b'\\' not in bytes(repl)
    return False


def _new_pattern(pattern, flags, parsed, prog):
    p = object.__new__(Pattern)
    p._pattern = pattern
    p._flags = parsed.flags
    p._isbytes = not isinstance(pattern, str)
    p._groups = parsed.groups - 1
    p._groupindex = parsed.groupindex
    names = {}
    for name, index in parsed.groupindex.items():
        names[index] = name
    p._groupnames = names
    p._prog = prog
    p._templates = {}
    return p


def _expand_pieces(pieces, string, marks, start, end):
    out = []
    for piece in pieces:
        if isinstance(piece, int):
            if piece == 0:
                out.append(string[start:end])
            else:
                a = marks[2 * piece]
                b = marks[2 * piece + 1]
                if a >= 0 and b >= 0:
                    out.append(string[a:b])
        else:
            out.append(piece)
    if isinstance(string, str):
        return ''.join(out)
    return b''.join(out)


class _Scanner:
    """What Pattern.scanner() returns: match()/search() advancing through the string."""

    def __init__(self, pattern, string, text, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._text = _slice_to(text, endpos)
        self._pos = pos
        self._startpos = pos
        self._endpos = endpos
        self._avoid = -1
        self._done = endpos < pos

    def _step(self, found):
        if found is None:
            self._done = True
            return None
        start, end, marks = found
        self._avoid = end if end == start else -1
        self._pos = end
        return _make_match(self.pattern, self._string, self._startpos, self._endpos, found)

    def match(self):
        if self._done:
            return None
        return self._step(_engine.match_at(self.pattern._prog, self._text, self._pos,
                                           False, self._avoid))

    def search(self):
        if self._done:
            return None
        return self._step(_engine.search(self.pattern._prog, self._text, self._pos,
                                         self._avoid))


# --------------------------------------------------------------------------------------
# Match

class Match:
    """The result of re.match() and re.search().
    Match objects always have a boolean value of True."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def __class_getitem__(cls, item):
        return cls

    @property
    def string(self):
        """The string passed to match() or search()."""
        return self._string

    @property
    def re(self):
        """The regular expression object."""
        return self._re

    @property
    def pos(self):
        """The index into the string at which the RE engine started looking for a
        match."""
        return self._pos

    @property
    def endpos(self):
        """The index into the string beyond which the RE engine will not go."""
        return self._endpos

    @property
    def lastindex(self):
        """The integer index of the last matched capturing group."""
        return self._lastindex

    @property
    def lastgroup(self):
        """The name of the last matched capturing group."""
        if self._lastindex is None:
            return None
        return self._re._groupnames.get(self._lastindex)

    @property
    def regs(self):
        return tuple(self._spans)

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group < len(self._spans):
                return group
        elif isinstance(group, str):
            index = self._re._groupindex.get(group)
            if index is not None:
                return index
        elif hasattr(type(group), '__index__') and not isinstance(group, (bytes, float)):
            value = group.__index__()
            if 0 <= value < len(self._spans):
                return value
        raise IndexError('no such group')

    def _get(self, index, default):
        a, b = self._spans[index]
        if a < 0 or b < 0:
            return default
        return self._src[a:b]

    def group(self, *args):
        """group([group1, ...]) -> str or tuple.
        Return subgroup(s) of the match by indices or names.
        For 0 returns the entire match."""
        if not args:
            return self._get(0, None)
        if len(args) == 1:
            return self._get(self._index(args[0]), None)
        return tuple([self._get(self._index(g), None) for g in args])

    def __getitem__(self, group):
        return self._get(self._index(group), None)

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match, from 1.

        default
          Is used for groups that did not participate in the match."""
        return tuple([self._get(i, default) for i in range(1, len(self._spans))])

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match, keyed
        by the subgroup name.

        default
          Is used for groups that did not participate in the match."""
        result = {}
        for name, index in self._re._groupindex.items():
            result[name] = self._get(index, default)
        return result

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        return self._spans[self._index(group)][0]

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        return self._spans[self._index(group)][1]

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        return self._spans[self._index(group)]

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string
        template, as done by the sub() method."""
        p = self._re
        if isinstance(template, str):
            source = template
        elif isinstance(template, (bytes, bytearray, memoryview)):
            source = bytes(template)
        else:
            raise TypeError('decoding to str: need a bytes-like object, %s found'
                            % _type_name(template))
        pieces = _parser.parse_template(source, p._groups, p._groupindex)
        empty = self._src[:0]
        out = []
        for piece in pieces:
            if isinstance(piece, int):
                value = self._get(piece, None)
                out.append(value if value else empty)
            else:
                out.append(piece)
        return empty.join(out) if isinstance(empty, str) else b''.join(out)

    def __repr__(self):
        a, b = self._spans[0]
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            a, b, repr(self._src[a:b])[:50])

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _make_match(pattern, string, pos, endpos, found):
    start, end, marks = found
    m = object.__new__(Match)
    m._re = pattern
    m._string = string
    m._src = _source_of(string)
    m._pos = pos
    m._endpos = endpos
    spans = [(start, end)]
    for g in range(1, pattern._groups + 1):
        a = marks[2 * g]
        b = marks[2 * g + 1]
        if a >= 0 and b >= 0:
            spans.append((a, b))
        else:
            spans.append((-1, -1))
    m._spans = spans
    m._lastindex = marks[0] if marks and marks[0] >= 0 else None
    return m


# --------------------------------------------------------------------------------------
# Module functions

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches"""
    _cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object, deprecated"""
    return _compile(pattern, flags | _T)


# Characters escape() protects: specials, '-' (ranges), '&' '~' (possible future set
# operations), '#' and whitespace (VERBOSE).
_ESCAPED = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _ESCAPED else c for c in pattern])
    text = str(pattern, 'latin1')
    return ''.join(['\\' + c if c in _ESCAPED else c for c in text]).encode('latin1')


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    parsed = _parser.parse(pattern, flags)
    prog = _compiler.compile_tree(parsed)
    p = _new_pattern(pattern, flags, parsed, prog)
    if not flags & _D:
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest item (dicts keep insertion order).
            for oldest in _cache:
                del _cache[oldest]
                break
        _cache[key] = p
    return p


# --------------------------------------------------------------------------------------
# re.Scanner (undocumented, kept for programs that use it)

def _strip_groups(seq):
    """A copy of a parse tree with capturing groups made non-capturing."""
    out = []
    for node in seq:
        kind = node[0]
        if kind == _parser.N_GROUP:
            node = (kind, None, node[2], node[3], _strip_groups(node[4]))
        elif kind == _parser.N_BRANCH:
            node = (kind, [_strip_groups(alt) for alt in node[1]])
        elif kind == _parser.N_REPEAT:
            node = node[:4] + (_strip_groups(node[4]),)
        elif kind == _parser.N_ASSERT:
            node = node[:3] + (_strip_groups(node[3]),)
        elif kind == _parser.N_ATOMIC:
            node = (kind, _strip_groups(node[1]))
        elif kind == _parser.N_GROUPREF_EXISTS:
            node = (kind, node[1], _strip_groups(node[2]),
                    None if node[3] is None else _strip_groups(node[3]))
        out.append(node)
    return out


class Scanner:
    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = int(flags)
        self.lexicon = lexicon
        # Each phrase is parsed on its own, as in CPython; its own groups become
        # non-capturing so that group i + 1 is phrase i (what scan() reads back).
        state = _parser.new_state(flags)
        alts = []
        for phrase, action in lexicon:
            gid = state.opengroup()
            body = _strip_groups(_parser.parse(phrase, flags).seq)
            node = (_parser.N_GROUP, gid, 0, 0, body)
            state.closegroup(gid, [node])
            alts.append([node])
        if len(alts) == 1:
            seq = alts[0]
        else:
            seq = [(_parser.N_BRANCH, alts)]
        state.flags = _parser.fix_flags('', flags)
        parsed = _parser.Parsed(seq, state, '')
        self.scanner = _new_pattern('', flags, parsed, _compiler.compile_tree(parsed))

    def scan(self, string):
        result = []
        scanner = self.scanner.scanner(string)
        i = 0
        while True:
            m = scanner.match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
