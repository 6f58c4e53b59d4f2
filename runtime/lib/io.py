"""edgepyc's pure-Python io module: in-memory text and binary streams (CPython 3.11).

StringIO and BytesIO behave as CPython's _io classes do for what programs use: read,
readline(s), iteration, write at any position (padding a gap with NULs), seek/tell,
truncate, getvalue, close and the context-manager protocol, with CPython's messages for
bad arguments and closed streams. StringIO translates newlines on write as its `newline`
argument asks (None: universal newlines, '' or '\\n': none, '\\r' or '\\r\\n': from '\\n').
open is the builtin open; TextIOWrapper is the type of sys.stdout. The buffer is kept
as a list of chunks while writes append at the end, so building a large string is linear.
"""

import sys

__all__ = ['BlockingIOError', 'open', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO', 'StringIO',
           'BufferedIOBase', 'BufferedReader', 'BufferedWriter', 'BufferedRWPair', 'BufferedRandom',
           'TextIOBase', 'TextIOWrapper', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

try:
    open = open  # noqa: A001 - the builtin, as io.open is in CPython
except NameError:  # natively compiled programs have no open() yet (decision 0013)
    pass
TextIOWrapper = type(sys.stdout)


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase:
    """The base of the in-memory streams (isinstance checks and shared plumbing)."""
    __module__ = '_io'

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # stringio.c says it without a period, bytesio.c with one.
    _closed_message = 'I/O operation on closed file.'

    def _check_closed(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _size_arg(size, name='size'):
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


class _Memory(IOBase):
    """The buffer shared by StringIO and BytesIO: `_empty` is '' or b''."""

    def _init(self, value):
        self._closed = False
        self._value = value
        self._tail = []
        self._pos = 0

    def _whole(self):
        if self._tail:
            self._value = self._value + self._empty.join(self._tail)
            self._tail = []
        return self._value

    def _length(self):
        return len(self._value) + sum(len(t) for t in self._tail) if self._tail else len(self._value)

    def _put(self, data):
        n = len(data)
        if n == 0:
            return 0
        end = self._length()
        pos = self._pos
        if pos == end:
            self._tail.append(data)
        else:
            value = self._whole()
            if pos > end:
                value = value + self._nul * (pos - end)
            self._value = value[:pos] + data + value[pos + n:]
        self._pos = pos + n
        return n

    def getvalue(self):
        self._check_closed()
        return self._whole()

    def read(self, size=-1):
        self._check_closed()
        size = _size_arg(size)
        value = self._whole()
        start = min(self._pos, len(value))
        end = len(value) if size < 0 else min(len(value), start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def readline(self, size=-1):
        self._check_closed()
        size = _size_arg(size)
        value = self._whole()
        start = min(self._pos, len(value))
        nl = value.find(self._newline_char, start)
        end = len(value) if nl < 0 else nl + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            size = _size_arg(size)
            if size < 0:
                raise ValueError(f'Negative size value {size}')
        value = self._whole()
        if size < len(value):
            self._value = value[:size]
        return size


class StringIO(_Memory, TextIOBase):
    """Text I/O over a str buffer."""
    __module__ = '_io'
    _closed_message = 'I/O operation on closed file'
    _empty = ''
    _nul = '\0'
    _newline_char = '\n'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f'newline must be str or None, not {type(newline).__name__}')
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        self._newline = newline
        self._init('')
        if initial_value:
            self._put(self._translate(initial_value))
            self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        self._check_closed()
        return None

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        self._put(self._translate(s))
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        pos = _size_arg(pos, 'pos')
        if whence not in (0, 1, 2):
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        if whence == 0 and pos < 0:
            raise ValueError(f'Negative seek position {pos}')
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._length()
        self._pos = pos
        return pos

    def detach(self):
        raise UnsupportedOperation('detach')


class BytesIO(_Memory, BufferedIOBase):
    """Binary I/O over a bytes buffer."""
    __module__ = '_io'
    _empty = b''
    _nul = b'\0'
    _newline_char = b'\n'

    def __init__(self, initial_bytes=b''):
        self._init(b'')
        if initial_bytes is not None:
            self._put(bytes(_bytes_like(initial_bytes)))
            self._pos = 0

    def write(self, b):
        self._check_closed()
        return self._put(bytes(_bytes_like(b)))

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._whole())

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def seek(self, pos, whence=0):
        self._check_closed()
        pos = _size_arg(pos, 'pos')
        if whence == 0:
            if pos < 0:
                raise ValueError(f'negative seek value {pos}')
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._length() + pos)
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        self._pos = pos
        return pos


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray, memoryview)):
        return b
    raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")


class FileIO(RawIOBase):
    def __init__(self, *args, **kwargs):
        raise UnsupportedOperation('io.FileIO is not supported by edgepyc; use open()')


BufferedReader = BufferedWriter = BufferedRWPair = BufferedRandom = BufferedIOBase
