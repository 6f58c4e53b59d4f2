"""open() and file objects for natively compiled programs (CPython 3.11's _io module).

The builtin open of a native binary calls `open` here (runtime/core/osfile.ts imports this
module through the chain the program builder emits when a program names `open`). The
layers are CPython's: FileIO (a file descriptor, unbuffered), BufferedReader /
BufferedWriter / BufferedRandom (one buffer class; the name follows the mode) and
TextIOWrapper (decoding, universal newlines, line iteration), with CPython's argument
checks and messages. They stand on `_edgepyc_os`, thin system-call wrappers that return
-errno on failure; _osbase turns that into OSError(errno, strerror, filename), which picks
the subclass (FileNotFoundError...) as CPython does.

Text decoding reads the file in chunks of 8192 bytes and decodes each one, holding back
an incomplete UTF-8 sequence at a chunk's end, so a decoding error names the position
inside the chunk as CPython's incremental decoder does. The decoded text is kept
untranslated; newlines are translated as characters are handed out, which keeps tell()
exact: the byte position is the buffer's less the encoded size of what is still unread.
Not provided: opener=, encodings other than those bytes.decode knows, and the
cookie form of tell() for a stateful decoder (UTF-8, ASCII and Latin-1 have no state).
"""

import _edgepyc_os as _os
from _osbase import check as _check, fspath as _fspath, oserror as _oserror

_O_RDONLY = 0
_O_WRONLY = 1
_O_RDWR = 2
_O_CREAT = 0o100
_O_EXCL = 0o200
_O_TRUNC = 0o1000
_O_APPEND = 0o2000
_O_CLOEXEC = 0o2000000
_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_EISDIR = 21
_CHUNK = 8192
DEFAULT_BUFFER_SIZE = 8192

class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def _encode_path(path):
    b = path.encode() if isinstance(path, str) else path
    if b'\x00' in b:
        raise ValueError('embedded null byte')
    return b


def _bytes_arg(b):
    if isinstance(b, bytes):
        return b
    if isinstance(b, (bytearray, memoryview)):
        return bytes(b)
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


def _readlines(f, hint):
    """IOBase.readlines: lines until the end, or until their total length reaches hint > 0."""
    lines = []
    total = 0
    while True:
        line = f.readline()
        if not line:
            return lines
        lines.append(line)
        total += len(line)
        if hint is not None and 0 < hint <= total:
            return lines


class FileIO:
    """A file descriptor: unbuffered reads and writes of bytes."""

    def __init__(self, file, mode='r', closefd=True, opener=None):
        self._fd = -1
        self._closefd = closefd
        counts = {c: mode.count(c) for c in 'rwxa+b'}
        if any(c not in 'rwxa+b' for c in mode):
            raise ValueError('invalid mode: %s' % mode)
        if counts['r'] + counts['w'] + counts['x'] + counts['a'] != 1 or counts['+'] > 1:
            raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
        creating = counts['x'] == 1
        appending = counts['a'] == 1
        plus = counts['+'] == 1
        readable = counts['r'] == 1 or plus
        writable = counts['r'] == 0 or plus
        self._readable = readable
        self._writable = writable
        self.mode = ('xb' if creating else 'ab' if appending else 'rb' if counts['r'] else 'wb') + ('+' if plus else '')
        if isinstance(file, bool) or not isinstance(file, int):
            self.name = file
            path = _encode_path(_fspath(file))
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
            flags = _O_CLOEXEC | (_O_RDWR if readable and writable else _O_WRONLY if writable else _O_RDONLY)
            if creating:
                flags |= _O_EXCL | _O_CREAT
            elif appending:
                flags |= _O_APPEND | _O_CREAT
            elif counts['w']:
                flags |= _O_TRUNC | _O_CREAT
            self._fd = _check(_os.open(path, flags, 0o666), file)
        else:
            if file < 0:
                raise ValueError('negative file descriptor')
            self.name = file
            self._fd = file
        st = _os.fstat(self._fd)
        if st >= 0 and (st & _S_IFMT) == _S_IFDIR:
            if self._closefd:
                _os.close(self._fd)
            self._fd = -1
            raise _oserror(_EISDIR, self.name)
        if appending:
            _os.lseek(self._fd, 0, 2)
        self._seekable = None

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    def _check_open(self):
        if self._fd < 0:
            raise ValueError('I/O operation on closed file')

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        if self._seekable is None:
            self._seekable = _os.lseek(self._fd, 0, 1) >= 0
        return self._seekable

    def isatty(self):
        self._check_open()
        return _os.isatty(self._fd) == 1

    def read(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        if size is None or size < 0:
            return self.readall()
        r = _os.read(self._fd, size)
        if isinstance(r, int):
            raise _oserror(-r)
        return r

    def readall(self):
        self._check_open()
        chunks = []
        while True:
            r = _os.read(self._fd, 65536)
            if isinstance(r, int):
                raise _oserror(-r)
            if not r:
                break
            chunks.append(r)
        return b''.join(chunks)

    def write(self, b):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        b = _bytes_arg(b)
        return _check(_os.write(self._fd, b, 0))

    def seek(self, pos, whence=0):
        self._check_open()
        return _check(_os.lseek(self._fd, pos, whence))

    def tell(self):
        self._check_open()
        return _check(_os.lseek(self._fd, 0, 1))

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            if self._closefd:
                _check(_os.close(fd))

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        if self._fd < 0:
            return '<_io.FileIO [closed]>'
        return '<_io.FileIO name=%r mode=%r closefd=%r>' % (self.name, self.mode, self._closefd)


class _Buffered:
    """A buffer over a FileIO: reads ahead, collects writes until flushed."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw
        self._size = buffer_size
        self._rbuf = b''
        self._rpos = 0
        self._wbuf = []
        self._wlen = 0

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def _check(self, what):
        if self.raw.closed:
            raise ValueError(what + ' of closed file')

    def _unread(self):
        """Drop the read-ahead, moving the file back to the logical position."""
        ahead = len(self._rbuf) - self._rpos
        self._rbuf = b''
        self._rpos = 0
        if ahead:
            self.raw.seek(-ahead, 1)

    def flush(self):
        self._check('flush')
        self._flush_writes()

    def _flush_writes(self):
        if not self._wbuf:
            return
        data = b''.join(self._wbuf)
        self._wbuf = []
        self._wlen = 0
        start = 0
        while start < len(data):
            start += _check(_os.write(self.raw._fd, data, start))

    def _readable_check(self):
        self._check('read')
        if not self.raw._readable:
            raise UnsupportedOperation('read')
        self._flush_writes()

    def read(self, size=-1):
        self._readable_check()
        if size is None or size < 0:
            data = self._rbuf[self._rpos:] + self.raw.readall()
            self._rbuf = b''
            self._rpos = 0
            return data
        while len(self._rbuf) - self._rpos < size:
            chunk = self.raw.read(max(self._size, size - (len(self._rbuf) - self._rpos)))
            if not chunk:
                break
            self._rbuf = self._rbuf[self._rpos:] + chunk
            self._rpos = 0
        data = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(data)
        return data

    def read1(self, size=-1):
        """At most one read of the file: what is buffered, else one chunk."""
        self._readable_check()
        if self._rpos < len(self._rbuf):
            if size is None or size < 0:
                size = len(self._rbuf) - self._rpos
            data = self._rbuf[self._rpos:self._rpos + size]
            self._rpos += len(data)
            return data
        if size is None or size < 0:
            size = self._size
        return self.raw.read(size)

    def readline(self, size=-1):
        self._readable_check()
        if size is None:
            size = -1
        while True:
            end = self._rbuf.find(b'\n', self._rpos)
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._rbuf) - self._rpos:
                end = len(self._rbuf)
                break
            chunk = self.raw.read(self._size)
            if not chunk:
                end = len(self._rbuf)
                break
            self._rbuf = self._rbuf[self._rpos:] + chunk
            self._rpos = 0
        if 0 <= size < end - self._rpos:
            end = self._rpos + size
        line = self._rbuf[self._rpos:end]
        self._rpos = end
        return line

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        if self.raw.closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, b):
        self._check('write')
        if not self.raw._writable:
            raise UnsupportedOperation('write')
        b = _bytes_arg(b)
        if self._rpos < len(self._rbuf):
            self._unread()
        else:
            self._rbuf = b''
            self._rpos = 0
        self._wbuf.append(b)
        self._wlen += len(b)
        if self._wlen >= self._size:
            self._flush_writes()
        return len(b)

    def writelines(self, lines):
        for b in lines:
            self.write(b)

    def seek(self, pos, whence=0):
        self._check('seek')
        if whence not in (0, 1, 2):
            raise ValueError('whence value %d unsupported' % whence)
        self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf = b''
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check('tell')
        return self.raw.tell() - (len(self._rbuf) - self._rpos) + self._wlen

    def truncate(self, pos=None):
        self._check('truncate')
        self._flush_writes()
        if pos is None:
            pos = self.tell()
        self._unread()
        _check(_os.ftruncate(self.raw._fd, pos))
        return pos

    def close(self):
        if self.raw.closed:
            return
        try:
            self._flush_writes()
        finally:
            self.raw.close()

    def __enter__(self):
        if self.raw.closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.raw.name)


class BufferedReader(_Buffered):
    pass


class BufferedWriter(_Buffered):
    pass


class BufferedRandom(_Buffered):
    pass


_ENCODING_NAMES = {'utf8': 'utf-8', 'utf': 'utf-8', 'u8': 'utf-8', 'latin1': 'latin-1',
                   'latin': 'latin-1', 'iso88591': 'latin-1', 'l1': 'latin-1', '8859': 'latin-1',
                   'cp819': 'latin-1', 'ascii': 'ascii', 'usascii': 'ascii', '646': 'ascii'}


def _codec(encoding):
    """The codec an encoding name stands for ('utf-8', 'latin-1', 'ascii'), else LookupError."""
    key = encoding.lower().replace('-', '').replace('_', '').replace(' ', '')
    if key == 'utf8' or key in _ENCODING_NAMES:
        return _ENCODING_NAMES.get(key, 'utf-8')
    raise LookupError('unknown encoding: ' + encoding)


def _utf8_complete(data):
    """The length of data's prefix that ends on a whole UTF-8 sequence (at most 3 bytes held back)."""
    n = len(data)
    i = n - 1
    while i >= 0 and i > n - 4 and (data[i] & 0xC0) == 0x80:
        i -= 1
    if i < 0:
        return n
    lead = data[i]
    need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 1
    return i if n - i < need else n


class TextIOWrapper:
    """Text over a buffer: decoding, newline translation, lines."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not "
                            + type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %s' % newline)
        if encoding is None:
            encoding = 'utf-8'
        self._codec = _codec(encoding)
        self.buffer = buffer
        self.encoding = encoding
        self.errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self._text = ''
        self._pos = 0
        self._pending = b''
        self._eof = False
        self._telling = True
        self._seen = 0

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def newlines(self):
        if self._newline is not None:
            return None
        kinds = tuple(s for bit, s in ((1, '\r'), (2, '\n'), (4, '\r\n')) if self._seen & bit)
        return None if not kinds else kinds[0] if len(kinds) == 1 else kinds

    def _check_open(self):
        if self.buffer.closed:
            raise ValueError('I/O operation on closed file.')

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        self._check_open()
        return self.buffer.readable()

    def writable(self):
        self._check_open()
        return self.buffer.writable()

    def seekable(self):
        self._check_open()
        return self.buffer.seekable()

    # ---- reading

    def _check_readable(self):
        self._check_open()
        if not self.buffer.raw._readable:
            raise UnsupportedOperation('not readable')
        self.buffer._flush_writes()

    def _fill(self):
        """Decode one more chunk onto the unread text; False at the end of the file."""
        if self._eof:
            return False
        chunk = self.buffer.read1(_CHUNK)
        data = self._pending + chunk
        if not chunk:
            self._eof = True
            self._pending = b''
        elif self._codec == 'utf-8':
            cut = _utf8_complete(data)
            self._pending = data[cut:]
            data = data[:cut]
        else:
            self._pending = b''
        text = data.decode(self._codec, self.errors)
        self._text = self._text[self._pos:] + text
        self._pos = 0
        return bool(chunk) or bool(text)

    def _ensure(self, n):
        """At least n unread characters, unless the file ends first."""
        while len(self._text) - self._pos < n and self._fill():
            pass

    def _note(self, raw):
        if self._newline is None:
            if '\r\n' in raw:
                self._seen |= 4
                raw = raw.replace('\r\n', '')
            if '\r' in raw:
                self._seen |= 1
            if '\n' in raw:
                self._seen |= 2

    def _take(self, end):
        """The unread text up to index end, translated; the position moves past it."""
        raw = self._text[self._pos:end]
        self._pos = end
        if self._newline is None and '\r' in raw:
            self._note(raw)
            return raw.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline is None:
            self._note(raw)
        return raw

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        if size < 0:
            while self._fill():
                pass
            return self._take(len(self._text))
        if self._newline is not None:
            self._ensure(size)
            return self._take(min(len(self._text), self._pos + size))
        out = []
        need = size
        while need > 0:
            # One more character than needed, to see whether a '\r' is followed by '\n'.
            self._ensure(need + 1)
            seg = self._text[self._pos:self._pos + need]
            if not seg:
                break
            cr = seg.find('\r')
            if cr < 0:
                out.append(self._take(self._pos + len(seg)))
                need -= len(seg)
                continue
            out.append(self._take(self._pos + cr))
            need -= cr
            step = 2 if self._text[self._pos + 1:self._pos + 2] == '\n' else 1
            out.append(self._take(self._pos + step))
            need -= 1
        return ''.join(out)

    def _line_end(self, start):
        """Index just past the first line ending at or after start, or -1 if not known yet."""
        text = self._text
        nl = self._newline
        if nl == '\n' or nl == '\r':
            i = text.find(nl, start)
            return -1 if i < 0 else i + 1
        if nl == '\r\n':
            i = text.find('\r\n', start)
            return -1 if i < 0 else i + 2
        # Universal: '\n', '\r' or '\r\n'; a '\r' at the end waits for the next character.
        i = text.find('\n', start)
        j = text.find('\r', start, i if i >= 0 else len(text))
        if j < 0:
            return -1 if i < 0 else i + 1
        if j + 1 < len(text):
            return j + 2 if text[j + 1] == '\n' else j + 1
        return j + 1 if self._eof else -1

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        scan = self._pos
        while True:
            end = self._line_end(scan)
            if end >= 0:
                break
            if 0 <= size <= len(self._text) - self._pos:
                end = self._pos + size
                break
            scan = max(self._pos, len(self._text) - 1)
            before = self._pos
            if not self._fill():
                end = len(self._text)
                break
            scan -= before
        if 0 <= size < end - self._pos:
            end = self._pos + size
            # Never split a '\r\n' that universal newlines turn into one character.
            if self._newline is None and end > self._pos and self._text[end - 1] == '\r' \
                    and self._text[end:end + 1] == '\n':
                end += 1
        return self._take(end)

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._telling = True
            raise StopIteration
        return line

    # ---- writing

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        if not self.buffer.raw._writable:
            raise UnsupportedOperation('not writable')
        # As CPython's: decoded read-ahead is dropped, not given back, so the write goes
        # where the buffer's position is (after what the text layer has read).
        self._reset()
        n = len(s)
        text = s
        if self._newline in ('\r', '\r\n') and '\n' in text:
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self._codec, self.errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.buffer.flush()
        return n

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        self._check_open()
        self.buffer.flush()

    # ---- positions

    def _unread_bytes(self):
        rest = self._text[self._pos:]
        return len(self._pending) + (len(rest.encode(self._codec, self.errors)) if rest else 0)

    def _reset(self):
        self._text = ''
        self._pos = 0
        self._pending = b''
        self._eof = False

    def tell(self):
        self._check_open()
        if not self.buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if not self._telling:
            raise OSError('telling position disabled by next() call')
        self.buffer.flush()
        return self.buffer.tell() - self._unread_bytes()

    def seek(self, cookie, whence=0):
        self._check_open()
        if not self.buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.buffer.flush()
            self._reset()
            return self.buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        if cookie < 0:
            raise ValueError('negative seek position %d' % cookie)
        self.buffer.flush()
        self._reset()
        self.buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self._check_open()
        self.flush()
        if pos is None:
            pos = self.tell()
        self._reset()
        return self.buffer.truncate(pos)

    def close(self):
        if self.buffer.closed:
            return
        try:
            self.buffer.flush()
        finally:
            self.buffer.close()

    def detach(self):
        self.flush()
        buffer = self.buffer
        self.buffer = None
        return buffer

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        mode = getattr(self, 'mode', None)
        text = '<_io.TextIOWrapper name=%r' % (self.buffer.name,)
        if mode is not None:
            text += ' mode=%r' % (mode,)
        return text + ' encoding=%r>' % (self.encoding,)


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    if not isinstance(file, int):
        file = _fspath(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    if opener is not None:
        raise NotImplementedError('open(): opener= is not supported by edgepyc natively')
    seen = ''
    for c in mode:
        if c not in 'xrwa+tb' or c in seen:
            raise ValueError('invalid mode: %r' % mode)
        seen += c
    creating = 'x' in mode
    reading = 'r' in mode
    writing = 'w' in mode
    appending = 'a' in mode
    updating = '+' in mode
    text = 't' in mode
    binary = 'b' in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    rawmode = ('x' if creating else '') + ('r' if reading else '') + ('w' if writing else '') \
        + ('a' if appending else '') + ('+' if updating else '')
    raw = FileIO(file, rawmode, closefd)
    try:
        line_buffering = False
        if buffering == 1 or (buffering < 0 and raw.isatty()):
            buffering = -1
            line_buffering = True
        if buffering == 0:
            if binary:
                return raw
            raise ValueError("can't have unbuffered text I/O")
        size = DEFAULT_BUFFER_SIZE if buffering < 0 else buffering
        if updating:
            buffer = BufferedRandom(raw, size)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, size)
        else:
            buffer = BufferedReader(raw, size)
        if binary:
            return buffer
        wrapper = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        wrapper.mode = mode
        return wrapper
    except BaseException:
        raw.close()
        raise
