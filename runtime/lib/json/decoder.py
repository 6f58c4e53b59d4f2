"""edgepyc's pure-Python implementation of `json.decoder`.

A recursive-descent scanner that reproduces CPython 3.11's C scanner (Modules/_json.c,
the one `json.loads` uses by default) as a user sees it: the same values, the same hook
calls (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant), the same
JSONDecodeError messages and positions ("Expecting value", "Expecting ',' delimiter",
"Expecting property name enclosed in double quotes", "Unterminated string starting at",
"Invalid control character at", "Invalid \\escape", "Invalid \\uXXXX escape", "Extra
data"), and strict=False letting control characters through strings.
Public names: JSONDecoder, JSONDecodeError, scanstring.
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

# RFC 8259 section 2: insignificant whitespace.
_WHITESPACE = ' \t\n\r'

_SHORT_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_HEX_DIGITS = '0123456789abcdefABCDEF'


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    """Raised where the C scanner raises StopIteration(idx): no JSON value starts at idx."""

    def __init__(self, idx):
        Exception.__init__(self, idx)
        self.idx = idx


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WHITESPACE:
        idx += 1
    return idx


def _hex4(s, start, u_pos):
    """The value of the 4 hex digits at s[start:start+4]; errors point at the 'u'."""
    value = 0
    for i in range(start, start + 4):
        c = s[i]
        if c not in _HEX_DIGITS:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, u_pos)
        value = value * 16 + int(c, 16)
    return value


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string.  end is the index of the character in s
    after the quote that started the JSON string.  Unescapes all valid JSON string
    escape sequences and raises JSONDecodeError on attempt to decode an invalid string.
    If strict is False then literal control characters are allowed in the string.

    Returns a tuple of the decoded string and the index of the character in s after
    the end quote."""
    n = len(s)
    begin = end - 1
    chunks = []
    pos = end
    while True:
        quote = s.find('"', pos)
        if quote < 0:
            quote = n
        backslash = s.find('\\', pos, quote)
        stop = quote if backslash < 0 else backslash
        if stop > pos:
            chunk = s[pos:stop]
            if strict and min(chunk) < ' ':
                for i in range(pos, stop):
                    if s[i] < ' ':
                        raise JSONDecodeError('Invalid control character at', s, i)
            chunks.append(chunk)
        if stop >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if s[stop] == '"':
            return ''.join(chunks), stop + 1
        # A backslash escape at `stop`.
        nxt = stop + 1
        if nxt >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        c = s[nxt]
        if c != 'u':
            ch = _SHORT_ESCAPES.get(c)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, stop)
            chunks.append(ch)
            pos = nxt + 1
            continue
        # \uXXXX: like the C scanner, demand a character after the four digits.
        u_pos = nxt
        end = nxt + 5
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, u_pos)
        code = _hex4(s, nxt + 1, u_pos)
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            low = _hex4(s, end + 2, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        chunks.append(chr(code))
        pos = end


def _recursion_error(error, kind):
    """CPython's C scanner message for running out of stack in a container; an error
    already converted by an inner container passes through unchanged."""
    if 'JSON' in str(error):
        return error
    return RecursionError('maximum recursion depth exceeded while decoding a JSON %s '
                          'from a unicode string' % kind)


class _Scanner:
    """One decoder's settings, bound for a parse; scan_once(s, idx) -> (value, end)."""

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def scan_once(self, s, idx):
        n = len(s)
        if idx < 0:
            raise ValueError('idx cannot be negative')
        if idx >= n:
            raise _NoValue(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._parse_object(s, idx + 1, n)
        if c == '[':
            return self._parse_array(s, idx + 1, n)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self._parse_number(s, idx, n)

    def _parse_number(self, s, start, n):
        # The grammar of RFC 8259 section 6; a '.', 'e' or 'E' not followed by digits
        # ends the number before it (so "1." scans as 1 followed by extra data).
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise _NoValue(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise _NoValue(start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and '0' <= s[idx + 1] <= '9':
            is_float = True
            idx += 2
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        if idx + 1 < n and (s[idx] == 'e' or s[idx] == 'E'):
            e_start = idx
            idx += 1
            if idx + 1 < n and (s[idx] == '-' or s[idx] == '+'):
                idx += 1
            digits_start = idx
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
            if idx > digits_start:
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        if is_float:
            return self.parse_float(text), idx
        return self.parse_int(text), idx

    # _parse_object and _parse_array call themselves directly for nested containers
    # (not through scan_once), so one nesting level costs one Python frame and
    # documents nest as deep as under CPython's C scanner; running out of stack raises
    # RecursionError with the C scanner's message (see _recursion_error).

    def _parse_object(self, s, idx, n):
        pairs = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes', s, idx)
                key, idx = scanstring(s, idx + 1, self.strict)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                c = s[idx] if idx < n else ''
                try:
                    if c == '[':
                        value, idx = self._parse_array(s, idx + 1, n)
                    elif c == '{':
                        value, idx = self._parse_object(s, idx + 1, n)
                    else:
                        value, idx = self.scan_once(s, idx)
                except RecursionError as e:
                    raise _recursion_error(e, 'array' if c == '[' else 'object') from None
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        end = idx + 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        obj = {}
        for key, value in pairs:
            obj[key] = value
        if self.object_hook is not None:
            return self.object_hook(obj), end
        return obj, end

    def _parse_array(self, s, idx, n):
        values = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != ']':
            while True:
                c = s[idx] if idx < n else ''
                try:
                    if c == '[':
                        value, idx = self._parse_array(s, idx + 1, n)
                    elif c == '{':
                        value, idx = self._parse_object(s, idx + 1, n)
                    else:
                        value, idx = self.scan_once(s, idx)
                except RecursionError as e:
                    raise _recursion_error(e, 'object' if c == '{' else 'array') from None
                values.append(value)
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        return values, idx + 1


class JSONDecoder:
    """Simple JSON <https://json.org> decoder

    Performs the following translations in decoding by default:

    | JSON          | Python    |
    | object        | dict      |
    | array         | list      |
    | string        | str       |
    | number (int)  | int       |
    | number (real) | float     |
    | true          | True      |
    | false         | False     |
    | null          | None      |

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as their
    corresponding ``float`` values, which is outside the JSON spec.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}

    def scan_once(self, s, idx):
        try:
            return _Scanner(self).scan_once(s, idx)
        except _NoValue as err:
            raise StopIteration(err.idx) from None

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).
        """
        n = len(s)
        obj, end = self.raw_decode(s, _skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.
        """
        if not isinstance(s, str):
            raise TypeError('first argument must be a string, not %.80s'
                            % type(s).__name__)
        try:
            return _Scanner(self).scan_once(s, idx)
        except _NoValue as err:
            raise JSONDecodeError('Expecting value', s, err.idx) from None
