"""edgepyc's pure-Python implementation of `json.encoder`.

JSONEncoder with CPython 3.11's observable behaviour: the type dispatch order (str,
None, True, False, int, float, list/tuple, dict, then default()), floats and ints
written with float.__repr__/int.__repr__ (so subclasses print as plain numbers), dict
keys coerced (float/True/False/None/int to strings, others skipped with skipkeys or a
TypeError), sort_keys sorting the item pairs, indent (int or str) and separators,
ensure_ascii escaping with \\uXXXX (surrogate pairs above U+FFFF), allow_nan, and
check_circular raising "Circular reference detected".
Difference kept: iterencode() computes all chunks before yielding the first, so json.dump
writes nothing when encoding fails midway (CPython may have written a prefix).
"""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

# RFC 8259 section 7: the two-character escapes; other control characters use \\u00XX.
ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def encode_basestring(s):
    """Return a JSON representation of a Python string"""
    out = ['"']
    start = 0
    i = 0
    for c in s:
        if c < ' ' or c == '"' or c == '\\':
            if start < i:
                out.append(s[start:i])
            out.append(ESCAPE_DCT[c])
            start = i + 1
        i += 1
    if start == 0:
        return '"' + s + '"'
    if start < i:
        out.append(s[start:i])
    out.append('"')
    return ''.join(out)


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    out = ['"']
    start = 0
    i = 0
    for c in s:
        if c < ' ' or c > '~' or c == '"' or c == '\\':
            if start < i:
                out.append(s[start:i])
            esc = ESCAPE_DCT.get(c)
            if esc is None:
                n = ord(c)
                if n < 0x10000:
                    esc = '\\u{0:04x}'.format(n)
                else:
                    # UTF-16 surrogate pair (RFC 8259 section 7).
                    n -= 0x10000
                    esc = '\\u{0:04x}\\u{1:04x}'.format(0xD800 | (n >> 10),
                                                        0xDC00 | (n & 0x3FF))
            out.append(esc)
            start = i + 1
        i += 1
    if start == 0:
        return '"' + s + '"'
    if start < i:
        out.append(s[start:i])
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports the following objects and types by default:

    | Python                | JSON          |
    | dict                  | object        |
    | list, tuple           | array         |
    | str                   | string        |
    | int, float            | number        |
    | True                  | true          |
    | False                 | false         |
    | None                  | null          |

    To extend this to recognize other objects, subclass and implement a
    ``.default()`` method that returns a serializable object for ``o`` if
    possible, otherwise it should call the superclass implementation (to
    raise ``TypeError``).
    """

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns a serializable
        object for ``o``, or calls the base implementation (to raise a ``TypeError``).
        """
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        # Through iterencode(), so that subclasses overriding it shape encode() too.
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available.

        With _one_shot (from encode()) the chunks come back as a list, as CPython's
        C encoder returns them; otherwise as a generator.
        """
        if _one_shot:
            return self._chunks(o)
        return self._iter_chunks(o)

    def _iter_chunks(self, o):
        yield from self._chunks(o)

    def _chunks(self, o):
        writer = _Writer(self)
        try:
            writer.value(o, 0)
        except RecursionError as e:
            # Without indent CPython encodes in C and words the error its own way.
            if self.indent is not None or 'JSON' in str(e):
                raise
            raise RecursionError('maximum recursion depth exceeded while encoding '
                                 'a JSON object') from None
        return writer.out


class _Writer:
    """One encoding pass: appends JSON text pieces to `out`."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.out = []
        self.markers = {} if encoder.check_circular else None
        self.encode_str = (encode_basestring_ascii if encoder.ensure_ascii
                           else encode_basestring)
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        self.allow_nan = encoder.allow_nan
        self.sort_keys = encoder.sort_keys
        self.skipkeys = encoder.skipkeys

    def float_text(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def scalar(self, o):
        """The JSON text of a str/None/bool/int/float, or None for anything else."""
        if isinstance(o, str):
            return self.encode_str(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.float_text(o)
        return None

    def enter(self, o):
        markers = self.markers
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError('Circular reference detected')
        markers[marker] = o
        return marker

    def leave(self, marker):
        if marker is not None:
            del self.markers[marker]

    def value(self, o, level):
        # array() and object() call themselves directly for nested containers, so one
        # nesting level costs one Python frame, close to CPython's C encoder depth.
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            marker = self.enter(o)
            self.value(self.encoder.default(o), level)
            self.leave(marker)

    def array(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        marker = self.enter(lst)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append('[' + newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
            out.append('[')
        first = True
        for item in lst:
            if first:
                first = False
            else:
                out.append(separator)
            if isinstance(item, (list, tuple)):
                self.array(item, level)
            elif isinstance(item, dict):
                self.object(item, level)
            else:
                self.value(item, level)
        if newline_indent is not None:
            out.append('\n' + self.indent * (level - 1))
        out.append(']')
        self.leave(marker)

    def key_text(self, key):
        """The JSON object key for a dict key, or None to skip it (skipkeys)."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        marker = self.enter(dct)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            out.append('{' + newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
            out.append('{')
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key_text(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encode_str(key))
            out.append(self.key_separator)
            if isinstance(value, (list, tuple)):
                self.array(value, level)
            elif isinstance(value, dict):
                self.object(value, level)
            else:
                self.value(value, level)
        if newline_indent is not None:
            out.append('\n' + self.indent * (level - 1))
        out.append('}')
        self.leave(marker)
