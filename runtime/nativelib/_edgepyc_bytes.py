"""edgepyc's bytes and bytearray features written in Python, for natively compiled programs.

The runtime (runtime/core/bytesx.ts) forwards to these functions, with the arguments of the
method unchanged: bytes % args (PEP 461, CPython 3.11's _PyBytes_FormatEx), bytes.hex() and
fromhex() (Python/pystrhex.c, bytesobject.c _PyBytes_FromHex), the bytearray mutators
(Objects/bytearrayobject.c: extend, insert, pop, remove, clear, reverse, item and slice
assignment and deletion, += and *=), copy() and __alloc__(), and bytes(n) for an object
with __index__. Each raises CPython's exception with CPython's message; this module's
frames are hidden from tracebacks, like the C functions' frames.

A bytearray mutator returns (contents, result): contents (bytes, or None when the
bytearray does not change) replaces the bytearray's contents in place (the runtime does
it), result is what the method returns.

Not a CPython module: programs do not import it.
"""

_BYTES_LIKE = (bytes, bytearray, memoryview)
_HEX = '0123456789abcdef'
# Py_ISSPACE (pyctype.h): the ASCII whitespace bytes.
_SPACE = ' \t\n\x0b\x0c\r'


def _tname(v):
    return type(v).__name__


def _index(v):
    """operator.index(v) with CPython's message (PyNumber_Index)."""
    if isinstance(v, int):
        return int(v)
    m = getattr(type(v), '__index__', None)
    if m is None:
        raise TypeError("'" + _tname(v) + "' object cannot be interpreted as an integer")
    r = m(v)
    if not isinstance(r, int):
        raise TypeError('__index__ returned non-int (type ' + _tname(r) + ')')
    return int(r)


def _byte(v):
    """_getbytevalue of bytearrayobject.c."""
    i = _index(v)
    if i < 0 or i > 255:
        raise ValueError('byte must be in range(0, 256)')
    return i


def _ssize(v):
    i = _index(v)
    if i > 9223372036854775807 or i < -9223372036854775808:
        raise OverflowError('Python int too large to convert to C ssize_t')
    return i


def _one(name, args, kw):
    """METH_O: exactly one positional argument, no keywords."""
    if kw:
        raise TypeError(name + '() takes no keyword arguments')
    if len(args) != 1:
        raise TypeError(name + '() takes exactly one argument (' + str(len(args)) + ' given)')
    return args[0]


def _none(name, args, kw):
    """METH_NOARGS."""
    if kw:
        raise TypeError(name + '() takes no keyword arguments')
    if len(args) != 0:
        raise TypeError(name + '() takes no arguments (' + str(len(args)) + ' given)')


def _is_number(v):
    """PyNumber_Check."""
    if isinstance(v, (int, float, complex)):
        return True
    t = type(v)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


def _ints(it):
    """The bytes of an iterable of ints in range(0, 256)."""
    out = []
    for v in it:
        out.append(_byte(v))
    return bytes(out)


def _builtin_type(v):
    return type(v).__module__ == 'builtins'


# ---- bytearray mutators -------------------------------------------------------------------

def ba_extend(self, *args, **kw):
    src = _one('bytearray.extend', args, kw)
    if isinstance(src, _BYTES_LIKE):
        return bytes(self) + bytes(src), None
    try:
        it = iter(src)
    except TypeError:
        raise TypeError("can't extend bytearray with " + _tname(src)) from None
    return bytes(self) + _ints(it), None


def ba_insert(self, *args, **kw):
    if kw:
        raise TypeError('bytearray.insert() takes no keyword arguments')
    if len(args) != 2:
        raise TypeError('insert expected 2 arguments, got ' + str(len(args)))
    i = _ssize(args[0])
    v = _byte(args[1])
    data = bytes(self)
    n = len(data)
    if i < 0:
        i += n
        if i < 0:
            i = 0
    if i > n:
        i = n
    return data[:i] + bytes((v,)) + data[i:], None


def ba_pop(self, *args, **kw):
    if kw:
        raise TypeError('bytearray.pop() takes no keyword arguments')
    if len(args) > 1:
        raise TypeError('pop expected at most 1 argument, got ' + str(len(args)))
    i = _ssize(args[0]) if args else -1
    data = bytes(self)
    n = len(data)
    if n == 0:
        raise IndexError('pop from empty bytearray')
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError('pop index out of range')
    return data[:i] + data[i + 1:], data[i]


def ba_remove(self, *args, **kw):
    v = _byte(_one('bytearray.remove', args, kw))
    data = bytes(self)
    i = data.find(bytes((v,)))
    if i < 0:
        raise ValueError('value not found in bytearray')
    return data[:i] + data[i + 1:], None


def ba_clear(self, *args, **kw):
    _none('bytearray.clear', args, kw)
    return b'', None


def ba_reverse(self, *args, **kw):
    _none('bytearray.reverse', args, kw)
    return bytes(self)[::-1], None


def ba_copy(self, *args, **kw):
    _none('bytearray.copy', args, kw)
    return bytearray(bytes(self))


def ba_alloc(self, *args, **kw):
    _none('bytearray.__alloc__', args, kw)
    n = len(self)
    return n + 1 if n else 0


def _slice_bounds(key, n):
    """start, stop, step, slicelen of PySlice_Unpack + PySlice_AdjustIndices."""
    start, stop, step = key.indices(n)
    return start, stop, step, len(range(start, stop, step))


def _assign_slice(data, key, values):
    start, stop, step, slicelen = _slice_bounds(key, len(data))
    if (step < 0 and start < stop) or (step > 0 and start > stop):
        stop = start
    if step == 1:
        return data[:start] + values + data[stop:]
    if len(values) == 0:
        return _delete_slice(data, key)
    if len(values) != slicelen:
        raise ValueError('attempt to assign bytes of size ' + str(len(values)) + ' to extended slice of size ' + str(slicelen))
    out = list(data)
    j = 0
    for i in range(start, stop, step):
        out[i] = values[j]
        j += 1
    return bytes(out)


def _delete_slice(data, key):
    start, stop, step, slicelen = _slice_bounds(key, len(data))
    if slicelen == 0:
        return data
    if step == 1:
        return data[:start] + data[stop:]
    gone = set(range(start, stop, step))
    out = []
    for i in range(len(data)):
        if i not in gone:
            out.append(data[i])
    return bytes(out)


def ba_setitem(self, key, value):
    data = bytes(self)
    if not isinstance(key, slice) and hasattr(type(key), '__index__'):
        i = _ssize(key)
        v = _byte(value)
        if i < 0:
            i += len(data)
        if i < 0 or i >= len(data):
            raise IndexError('bytearray index out of range')
        return data[:i] + bytes((v,)) + data[i + 1:], None
    if not isinstance(key, slice):
        raise TypeError('bytearray indices must be integers or slices, not ' + _tname(key))
    if isinstance(value, _BYTES_LIKE):
        values = bytes(value)
    elif _is_number(value) or isinstance(value, str):
        raise TypeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)')
    else:
        values = bytes(bytearray(value))
    return _assign_slice(data, key, values), None


def ba_delitem(self, key):
    data = bytes(self)
    if not isinstance(key, slice) and hasattr(type(key), '__index__'):
        i = _ssize(key)
        if i < 0:
            i += len(data)
        if i < 0 or i >= len(data):
            raise IndexError('bytearray index out of range')
        return data[:i] + data[i + 1:], None
    if not isinstance(key, slice):
        raise TypeError('bytearray indices must be integers or slices, not ' + _tname(key))
    return _delete_slice(data, key), None


def ba_iadd(self, other):
    if isinstance(other, _BYTES_LIKE):
        return bytes(self) + bytes(other), self
    if _builtin_type(other):
        raise TypeError("can't concat " + _tname(other) + ' to ' + _tname(self))
    return None, NotImplemented


def ba_imul(self, count):
    if not hasattr(type(count), '__index__'):
        if _builtin_type(count):
            raise TypeError("can't multiply sequence by non-int of type '" + _tname(count) + "'")
        return None, NotImplemented
    n = _index(count)
    if n > 9223372036854775807:
        raise OverflowError("cannot fit 'int' into an index-sized integer")
    if n <= 0:
        return b'', self
    data = bytes(self)
    if len(data) * n > (1 << 40):
        raise MemoryError()
    return data * n, self


# ---- hex / fromhex ------------------------------------------------------------------------

def hex(self, *args, **kw):
    """bytes.hex(sep=<unrepresentable>, bytes_per_sep=1) (Python/pystrhex.c _Py_strhex_impl)."""
    if len(args) + len(kw) > 2:
        raise TypeError('hex() takes at most 2 arguments (' + str(len(args) + len(kw)) + ' given)')
    sep = None
    per = 1
    if len(args) > 0:
        sep = args[0]
    if len(args) > 1:
        per = args[1]
    for k in kw:
        if k == 'sep' and len(args) < 1:
            sep = kw[k]
        elif k == 'bytes_per_sep' and len(args) < 2:
            per = kw[k]
        elif k in ('sep', 'bytes_per_sep'):
            raise TypeError("argument for hex() given by name ('" + k + "') and position (" + ('1' if k == 'sep' else '2') + ')')
        else:
            raise TypeError("'" + k + "' is an invalid keyword argument for hex()")
    if not isinstance(per, int):
        per = _index(per)
    if per > 2147483647 or per < -2147483648:
        raise OverflowError('Python int too large to convert to C int')
    data = bytes(self)
    sepc = ''
    if sep is not None:
        n = len(sep)
        if n != 1:
            raise ValueError('sep must be length 1.')
        if isinstance(sep, str):
            if ord(sep) > 127:
                raise ValueError('sep must be ASCII.')
            sepc = sep
        elif isinstance(sep, bytes):
            if sep[0] > 127:
                raise ValueError('sep must be ASCII.')
            sepc = chr(sep[0])
        else:
            raise TypeError('sep must be str or bytes.')
    digits = []
    for b in data:
        digits.append(_HEX[b >> 4] + _HEX[b & 15])
    if sepc == '' or per == 0 or len(data) == 0:
        return ''.join(digits)
    group = per if per > 0 else -per
    if group >= len(data):
        return ''.join(digits)
    parts = []
    if per > 0:
        # groups counted from the right
        first = len(data) % group
        if first:
            parts.append(''.join(digits[:first]))
        i = first
    else:
        i = 0
    while i < len(data):
        parts.append(''.join(digits[i:i + group]))
        i += group
    return sepc.join(parts)


def fromhex(cls, *args, **kw):
    s = _one(cls.__name__ + '.fromhex' if cls is bytes or cls is bytearray else 'fromhex', args, kw)
    if not isinstance(s, str):
        raise TypeError('fromhex() argument must be str, not ' + _tname(s))
    out = []
    n = len(s)
    for i in range(n):
        if ord(s[i]) > 127:
            raise ValueError('non-hexadecimal number found in fromhex() arg at position ' + str(i))
    i = 0
    while i < n:
        if s[i] in _SPACE:
            i += 1
            continue
        top = _HEX.find(s[i].lower())
        if top < 0:
            raise ValueError('non-hexadecimal number found in fromhex() arg at position ' + str(i))
        i += 1
        bot = _HEX.find(s[i].lower()) if i < n else -1
        if bot < 0:
            raise ValueError('non-hexadecimal number found in fromhex() arg at position ' + str(i))
        i += 1
        out.append(top * 16 + bot)
    r = bytes(out)
    if cls is bytes:
        return r
    if cls is bytearray:
        return bytearray(r)
    return cls(r)


# ---- startswith / endswith with a tuple ---------------------------------------------------

def _tailmatch(name, self, args, kw):
    """_Py_bytes_tailmatch: the items of the tuple in order, the first match wins."""
    if kw:
        raise TypeError(('bytearray.' if isinstance(self, bytearray) else 'bytes.') + name + '() takes no keyword arguments')
    m = getattr(bytes(self), name)
    rest = args[1:]
    m(b'', *rest)  # the start/end arguments are checked before any item (never with a tuple here)
    for item in args[0]:
        if not isinstance(item, _BYTES_LIKE):
            raise TypeError("a bytes-like object is required, not '" + _tname(item) + "'")
        if m(bytes(item), *rest):
            return True
    return False


def startswith(self, *args, **kw):
    return _tailmatch('startswith', self, args, kw)


def endswith(self, *args, **kw):
    return _tailmatch('endswith', self, args, kw)


# ---- bytes(n) for an __index__ object ----------------------------------------------------

def build(cls, src):
    """bytes(src) / bytearray(src) for what the runtime does not convert itself."""
    m = getattr(type(src), '__bytes__', None) if cls is bytes else None
    if m is not None:
        r = m(src)
        if not isinstance(r, bytes):
            raise TypeError('__bytes__ returned non-bytes (type ' + _tname(r) + ')')
        return r
    if hasattr(type(src), '__index__'):
        n = _index(src)
        if n < 0:
            raise ValueError('negative count')
        return bytes(n)
    raise TypeError("cannot convert '" + _tname(src) + "' object to " + cls.__name__)


# ---- bytes % args (PEP 461) ---------------------------------------------------------------

def _bytes_of(v, c):
    """%s / %b: a bytes-like object's bytes, or __bytes__()."""
    if isinstance(v, _BYTES_LIKE):
        return bytes(v)
    m = getattr(type(v), '__bytes__', None)
    if m is not None:
        r = m(v)
        if not isinstance(r, bytes):
            raise TypeError('__bytes__ returned non-bytes (type ' + _tname(r) + ')')
        return r
    raise TypeError('%b requires a bytes-like object, or an object that implements __bytes__, not \'' + _tname(v) + "'")


def _char(v):
    if isinstance(v, (bytes, bytearray)) and len(v) == 1:
        return bytes(v)
    try:
        i = _index(v)
    except TypeError:
        raise TypeError('%c requires an integer in range(256) or a single byte') from None
    if i < 0 or i > 255:
        raise OverflowError('%c arg not in range(256)')
    return bytes((i,))


def mod(fmt, args):
    """bytes % args: the result has the type of fmt (bytes or bytearray)."""
    data = bytes(fmt)
    if isinstance(args, tuple):
        items = args
        argn = len(args)
    else:
        items = (args,)
        argn = -1
    mapping = None
    if not isinstance(args, (tuple, bytes, str)) and hasattr(type(args), '__getitem__'):
        mapping = args
    out = []
    argi = 0
    n = len(data)
    i = 0
    while i < n:
        j = data.find(b'%', i)
        if j < 0:
            out.append(data[i:])
            break
        out.append(data[i:j])
        i = j + 1
        if i >= n:
            raise ValueError('incomplete format')
        c = data[i]
        if c == 37:  # '%%' (only right after the '%')
            out.append(b'%')
            i += 1
            continue
        if c == 40:  # '(' : %(key)
            if mapping is None:
                raise TypeError('format requires a mapping')
            depth = 1
            i += 1
            k0 = i
            while depth > 0 and i < n:
                if data[i] == 41:
                    depth -= 1
                elif data[i] == 40:
                    depth += 1
                i += 1
            if depth > 0:
                raise ValueError('incomplete format key')
            # CPython replaces the arguments with the looked-up value (bytesobject.c).
            args = mapping[data[k0:i - 1]]
            items = (args,)
            argn = -1
            argi = 0
            if i >= n:
                raise ValueError('incomplete format')
            c = data[i]
        flags = ''
        while chr(c) in '-+ #0':
            if chr(c) not in flags:
                flags += chr(c)
            i += 1
            if i >= n:
                raise ValueError('incomplete format')
            c = data[i]
        width = ''
        if c == 42:  # '*'
            if argi >= argn and argn >= 0 or (argn < 0 and argi > 0):
                raise TypeError('not enough arguments for format string')
            w = items[argi] if argn >= 0 else args
            argi += 1
            if not isinstance(w, int):
                raise TypeError('* wants int')
            if w < 0:
                flags += '-'
                w = -w
            width = str(w)
            i += 1
            if i >= n:
                raise ValueError('incomplete format')
            c = data[i]
        else:
            while 48 <= c <= 57:
                width += chr(c)
                i += 1
                if i >= n:
                    raise ValueError('incomplete format')
                c = data[i]
        prec = None
        if c == 46:  # '.'
            prec = ''
            i += 1
            if i >= n:
                raise ValueError('incomplete format')
            c = data[i]
            if c == 42:
                if argi >= argn and argn >= 0 or (argn < 0 and argi > 0):
                    raise TypeError('not enough arguments for format string')
                p = items[argi] if argn >= 0 else args
                argi += 1
                if not isinstance(p, int):
                    raise TypeError('* wants int')
                prec = str(p if p > 0 else 0)
                i += 1
                if i >= n:
                    raise ValueError('incomplete format')
                c = data[i]
            else:
                while 48 <= c <= 57:
                    prec += chr(c)
                    i += 1
                    if i >= n:
                        raise ValueError('incomplete format')
                    c = data[i]
                if prec == '':
                    prec = '0'
        if c in (104, 108, 76):  # length modifiers h l L are ignored
            i += 1
            if i >= n:
                raise ValueError('incomplete format')
            c = data[i]
        i += 1
        if argn >= 0:
            if argi >= argn:
                raise TypeError('not enough arguments for format string')
            arg = items[argi]
        else:
            if argi > 0:
                raise TypeError('not enough arguments for format string')
            arg = args
        argi += 1
        ch = chr(c)
        if ch in 'sbrac':
            if ch == 's' or ch == 'b':
                piece = _bytes_of(arg, ch)
            elif ch == 'c':
                piece = _char(arg)
            else:
                piece = ascii(arg).encode('ascii')
            if prec is not None and ch != 'c' and len(piece) > int(prec):
                piece = piece[:int(prec)]
            w = int(width) if width else 0
            if len(piece) < w:
                pad = b' ' * (w - len(piece))
                piece = piece + pad if '-' in flags else pad + piece
            out.append(piece)
        elif ch in 'diuoxXeEfFgG':
            spec = '%' + flags + width + ('' if prec is None else '.' + prec) + ('d' if ch == 'i' else ch)
            if ch in 'diu' and isinstance(arg, (bytes, bytearray, str)):
                raise TypeError('%' + ('d' if ch == 'i' else ch) + ' format: a real number is required, not ' + _tname(arg))
            if ch in 'eEfFgG' and (isinstance(arg, (str, bytes, bytearray)) or not (isinstance(arg, (int, float)) or hasattr(type(arg), '__float__') or hasattr(type(arg), '__index__'))):
                raise TypeError('float argument required, not ' + _tname(arg))
            out.append((spec % (arg,)).encode('ascii'))
        elif c >= 128:
            # CPython formats the (signed) char with %c: a negative code point
            raise OverflowError('character argument not in range(0x110000)')
        else:
            raise ValueError("unsupported format character '" + ch + "' (" + _hexof(c) + ') at index ' + str(i - 1))
    if argn >= 0 and argi < argn and mapping is None:
        raise TypeError('not all arguments converted during bytes formatting')
    if argn < 0 and argi == 0 and mapping is None:
        raise TypeError('not all arguments converted during bytes formatting')
    r = b''.join(out)
    if isinstance(fmt, bytearray):
        return bytearray(r)
    return r


def _hexof(c):
    return '0x' + (_HEX[c >> 4] if c >= 16 else '') + _HEX[c & 15]


# ---- the UTF-16 and UTF-32 codecs, utf-8-sig (Objects/unicodeobject.c, Lib/encodings) ----

_CODECS = {
    'utf_16': ('utf-16', 2, None), 'utf16': ('utf-16', 2, None), 'u16': ('utf-16', 2, None),
    'utf_16_le': ('utf-16-le', 2, 'little'), 'utf_16le': ('utf-16-le', 2, 'little'), 'unicodelittleunmarked': ('utf-16-le', 2, 'little'),
    'utf_16_be': ('utf-16-be', 2, 'big'), 'utf_16be': ('utf-16-be', 2, 'big'), 'unicodebigunmarked': ('utf-16-be', 2, 'big'),
    'utf_32': ('utf-32', 4, None), 'utf32': ('utf-32', 4, None), 'u32': ('utf-32', 4, None),
    'utf_32_le': ('utf-32-le', 4, 'little'), 'utf_32le': ('utf-32-le', 4, 'little'),
    'utf_32_be': ('utf-32-be', 4, 'big'), 'utf_32be': ('utf-32-be', 4, 'big'),
    'utf_8_sig': ('utf-8-sig', 1, None),
}
_HANDLERS = ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass')


def _codec(encoding):
    """encodings.normalize_encoding and the aliases of Lib/encodings/aliases.py."""
    out = []
    punct = False
    for ch in encoding:
        if ch.isalnum() or ch == '.':
            if punct and out:
                out.append('_')
            out.append(ch.lower())
            punct = False
        else:
            punct = True
    norm = ''.join(out)
    c = _CODECS.get(norm)
    if c is None:
        raise LookupError('unknown encoding: ' + encoding)
    # PyUnicode_Decode/AsEncodedString call utf-16 and utf-32 directly; the others go through
    # the codec registry, which wraps a handler's plain TypeError/LookupError (_PyErr_TrySetFromCause).
    return c + (norm in ('utf_16', 'utf_32'),)


def _handler_error(cls, msg, what, encoding, direct):
    if direct:
        raise cls(msg)
    raise cls(what + " with '" + encoding + "' codec failed (" + cls.__name__ + ': ' + msg + ')')


def _raise(cls, enc, obj, start, end, reason):
    e = cls(enc, obj, start, end, reason)
    what = 'decode' if cls is UnicodeDecodeError else 'encode'
    if end - start == 1:
        if what == 'decode':
            b = obj[start]
            desc = 'byte 0x' + _HEX[b >> 4] + _HEX[b & 15]
        else:
            desc = 'character ' + ascii(obj[start])[:-1][1:].join("''")
        msg = "'" + enc + "' codec can't " + what + ' ' + desc + ' in position ' + str(start) + ': ' + reason
    else:
        msg = "'" + enc + "' codec can't " + what + (' bytes' if what == 'decode' else ' characters') + ' in position ' + str(start) + '-' + str(end - 1) + ': ' + reason
    if str(e) != msg:
        # a runtime whose UnicodeError has no attributes yet: the message alone
        e = cls(msg)
    raise e


def _check_errors(errors, what, encoding, direct):
    if errors not in _HANDLERS:
        _handler_error(LookupError, "unknown error handler name '" + errors + "'", what, encoding, direct)


def _unit(data, i, size, order):
    return int.from_bytes(data[i:i + size], order)


def decode(obj, encoding, errors):
    """bytes.decode / str(bytes, ...) for the codecs the runtime does not have."""
    name, size, order, direct = _codec(encoding)
    data = bytes(obj)
    if size == 1:  # utf-8-sig
        if data[:3] == b'\xef\xbb\xbf':
            data = data[3:]
        try:
            if errors == 'xmlcharrefreplace' or errors == 'namereplace':
                try:
                    return data.decode('utf-8')
                except UnicodeDecodeError:
                    pass
                raise TypeError("don't know how to handle UnicodeDecodeError in error callback")
            return data.decode('utf-8', errors)
        except (TypeError, LookupError) as e:
            if type(e) is TypeError or type(e) is LookupError:
                raise type(e)("decoding with '" + encoding + "' codec failed (" + type(e).__name__ + ': ' + str(e) + ')') from e
            raise
    i = 0
    if order is None:
        bom_le = b'\xff\xfe' if size == 2 else b'\xff\xfe\x00\x00'
        bom_be = b'\xfe\xff' if size == 2 else b'\x00\x00\xfe\xff'
        order = 'little'
        if data[:size] == bom_le:
            i = size
        elif data[:size] == bom_be:
            order = 'big'
            i = size
    name = ('utf-16-' if size == 2 else 'utf-32-') + ('le' if order == 'little' else 'be')
    out = []
    n = len(data)
    while i < n:
        reason = None
        end = i + size
        if n - i < size:
            reason = 'truncated data'
            end = n
        else:
            u = _unit(data, i, size, order)
            if size == 2:
                if 0xd800 <= u < 0xdc00:
                    if n - i < 4:
                        reason = 'unexpected end of data' if n - i >= 2 else 'truncated data'
                        end = n
                    else:
                        v = _unit(data, i + 2, 2, order)
                        if 0xdc00 <= v < 0xe000:
                            out.append(chr(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00)))
                            i += 4
                            continue
                        reason = 'illegal UTF-16 surrogate'
                elif 0xdc00 <= u < 0xe000:
                    reason = 'illegal encoding'
            else:
                if u > 0x10ffff:
                    reason = 'code point not in range(0x110000)'
                elif 0xd800 <= u < 0xe000:
                    reason = 'code point in surrogate code point range(0xd800, 0xe000)'
            if reason is None:
                out.append(chr(u))
                i += size
                continue
        if errors == 'surrogatepass' and n - i >= size and 0xd800 <= _unit(data, i, size, order) < 0xe000:
            out.append(chr(_unit(data, i, size, order)))
            i += size
            continue
        if errors == 'strict' or errors == 'surrogatepass' or errors not in _HANDLERS:
            _check_errors(errors, 'decoding', encoding, direct)
            _raise(UnicodeDecodeError, name, obj if isinstance(obj, bytes) else data, i, end, reason)
        if errors == 'xmlcharrefreplace' or errors == 'namereplace':
            _handler_error(TypeError, "don't know how to handle UnicodeDecodeError in error callback", 'decoding', encoding, direct)
        if errors == 'replace':
            out.append('\ufffd')
        elif errors == 'backslashreplace':
            for b in data[i:end]:
                out.append('\\x' + _HEX[b >> 4] + _HEX[b & 15])
        elif errors == 'surrogateescape':
            # PyCodec_SurrogateEscapeErrors: the bytes >= 128 up to the first ASCII one
            k = i
            while k < end and data[k] >= 128:
                out.append(chr(0xdc00 + data[k]))
                k += 1
            if k == i:
                _raise(UnicodeDecodeError, name, obj if isinstance(obj, bytes) else data, i, end, reason)
            i = k
            continue
        elif errors != 'ignore':
            _raise(UnicodeDecodeError, name, data, i, end, reason)
        i = end
    return ''.join(out)


def encode(s, encoding, errors):
    """str.encode for the codecs the runtime does not have."""
    name, size, order, direct = _codec(encoding)
    if size == 1:  # utf-8-sig
        try:
            return b'\xef\xbb\xbf' + s.encode('utf-8', errors)
        except (TypeError, LookupError) as e:
            if type(e) is TypeError or type(e) is LookupError:
                raise type(e)("encoding with '" + encoding + "' codec failed (" + type(e).__name__ + ': ' + str(e) + ')') from e
            raise
    out = []
    if order is None:
        order = 'little'
        out.append(b'\xff\xfe' if size == 2 else b'\xff\xfe\x00\x00')

    def put(cp):
        if size == 4 or cp < 0x10000:
            out.append(cp.to_bytes(size, order))
        else:
            cp -= 0x10000
            out.append((0xd800 + (cp >> 10)).to_bytes(2, order) + (0xdc00 + (cp & 0x3ff)).to_bytes(2, order))
    i = 0
    for ch in s:
        cp = ord(ch)
        if 0xd800 <= cp < 0xe000:
            if errors == 'surrogatepass':
                out.append(cp.to_bytes(size, order))
            elif errors == 'ignore':
                pass
            elif errors == 'replace':
                put(63)
            elif errors == 'backslashreplace' or errors == 'namereplace':
                for c in '\\u' + _HEX[cp >> 12] + _HEX[(cp >> 8) & 15] + _HEX[(cp >> 4) & 15] + _HEX[cp & 15]:
                    put(ord(c))
            elif errors == 'xmlcharrefreplace':
                for c in '&#' + str(cp) + ';':
                    put(ord(c))
            else:
                _check_errors(errors, 'encoding', encoding, direct)
                _raise(UnicodeEncodeError, name, s, i, i + 1, 'surrogates not allowed')
        else:
            put(cp)
        i += 1
    return b''.join(out)
