"""os.environ, os.fspath and OSError construction for edgepyc's os, posixpath (= os.path)
and the native open() (runtime/nativelib/_edgepyc_files.py), in a module of their own so
that none of those has to import another.

The system calls come from `_edgepyc_os` (runtime/core/osfile.ts natively,
src/interp/modules/edgepyc_os.ts in the interpreter): paths in as bytes, -errno out on
failure, turned into the OSError subclass with glibc's strerror text here.
"""

import _edgepyc_os as posix

# glibc's strerror() for the errors file and directory operations meet.
_STRERROR = {
    1: 'Operation not permitted', 2: 'No such file or directory', 4: 'Interrupted system call',
    5: 'Input/output error', 9: 'Bad file descriptor', 11: 'Resource temporarily unavailable',
    12: 'Cannot allocate memory', 13: 'Permission denied', 16: 'Device or resource busy',
    17: 'File exists', 18: 'Invalid cross-device link', 20: 'Not a directory', 21: 'Is a directory',
    22: 'Invalid argument', 23: 'Too many open files in system', 24: 'Too many open files',
    26: 'Text file busy', 27: 'File too large', 28: 'No space left on device', 29: 'Illegal seek',
    30: 'Read-only file system', 31: 'Too many links', 32: 'Broken pipe',
    36: 'File name too long', 38: 'Function not implemented', 39: 'Directory not empty',
    40: 'Too many levels of symbolic links', 122: 'Disk quota exceeded',
}


def oserror(err, filename=None, filename2=None):
    """OSError(errno, strerror[, filename[, None, filename2]]): CPython picks the subclass."""
    msg = _STRERROR.get(err, 'Unknown error %d' % err)
    if filename is None:
        return OSError(err, msg)
    if filename2 is None:
        return OSError(err, msg, filename)
    return OSError(err, msg, filename, None, filename2)


def check(r, filename=None, filename2=None):
    """r itself unless it is -errno, which raises."""
    if isinstance(r, int) and r < 0:
        raise oserror(-r, filename, filename2)
    return r


def fspath(path):
    """Return the file system path representation of the object (str or bytes)."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError('expected {}.__fspath__() to return str or bytes, not {}'
                    .format(path_type.__name__, type(path_repr).__name__))


class _Environ(dict):
    """The process environment: a dict of str -> str (assignments are not exported)."""

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % item for item in self.items())

    def copy(self):
        return dict(self)


environ = _Environ()
for _entry in posix.environ():
    _name, _sep, _value = _entry.partition(b'=')
    environ[_name.decode('utf-8', 'surrogateescape')] = _value.decode('utf-8', 'surrogateescape')
