"""edgepyc's minimal pure-Python `os` module (POSIX flavour).

Covered: the constants name, sep, altsep, extsep, pathsep, curdir, pardir, linesep,
defpath, devnull; environ (an empty mapping: edgepyc programs do not see the process
environment; assignments are kept but not exported) with getenv; fspath, fsencode,
fsdecode, PathLike; error (= OSError); and os.path, which is posixpath (see
posixpath.py; os/path.py re-exports it for import systems that look for the file).
Over system calls (_edgepyc_os, see _osbase.py): environ (the process environment;
assignments are kept but not exported), getcwd, getcwdb, chdir (compiled programs only: the
interpreter runs programs in a worker thread, which cannot change directory), listdir,
mkdir, makedirs, remove/unlink, rmdir, rename/replace.
Missing: scandir, walk, stat, urandom, getpid, system, process and file-descriptor
functions, putenv/unsetenv, cpu_count, times.
"""

import sys

import posixpath as path
from _osbase import check as _check, environ, fspath, posix as _posix

# As in CPython: os.path is the posixpath module, registered under its dotted name so
# that `import os.path` finds it.
sys.modules['os.path'] = path

__all__ = ['name', 'sep', 'altsep', 'extsep', 'pathsep', 'curdir', 'pardir', 'linesep',
           'defpath', 'devnull', 'environ', 'getenv', 'fspath', 'fsencode', 'fsdecode',
           'PathLike', 'error', 'path', 'getcwd', 'getcwdb', 'chdir', 'listdir', 'mkdir',
           'makedirs', 'remove', 'unlink', 'rmdir', 'rename', 'replace']

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
linesep = '\n'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

error = OSError


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem encoding."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem encoding."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError


# O_RDONLY | O_DIRECTORY | O_CLOEXEC (asm-generic/fcntl.h), for reading a directory.
_O_DIRECTORY_READ = 0o200000 | 0o2000000


def _encode(path, func, arg='path', accepts='string, bytes or os.PathLike'):
    """(path as given, its bytes); CPython's TypeError names the function and argument."""
    try:
        path = fspath(path)
    except TypeError:
        raise TypeError('%s: %s should be %s, not %s' % (func, arg, accepts, type(path).__name__)) from None
    b = path.encode('utf-8', 'surrogateescape') if isinstance(path, str) else path
    if b'\x00' in b:
        raise ValueError('embedded null byte')
    return path, b


def getcwdb():
    """Return a bytes string representing the current working directory."""
    return _check(_posix.getcwd())


def getcwd():
    """Return a unicode string representing the current working directory."""
    return fsdecode(getcwdb())


def chdir(path):
    """Change the current working directory to the specified path."""
    path, b = _encode(path, 'chdir')
    change = getattr(_posix, 'chdir', None)
    if change is None:
        raise NotImplementedError("os.chdir is not available under 'edgepyc run' "
                                  '(programs run in a worker thread); compiled programs have it')
    _check(change(b), path)


def _entries(path, b):
    """The names in directory b, '.' and '..' left out, in the order the system gives them."""
    direct = getattr(_posix, 'listdir', None)
    if direct is not None:
        return _check(direct(b), path)
    fd = _check(_posix.open(b, _O_DIRECTORY_READ, 0), path)
    names = []
    try:
        while True:
            buf = _check(_posix.getdents(fd), path)
            if not buf:
                return names
            # struct linux_dirent64: d_ino, d_off (8 bytes each), d_reclen (2), d_type (1), d_name.
            i = 0
            while i < len(buf):
                reclen = buf[i + 16] | (buf[i + 17] << 8)
                end = i + 19
                while buf[end]:
                    end += 1
                name = buf[i + 19:end]
                if name != b'.' and name != b'..':
                    names.append(name)
                i += reclen
    finally:
        _posix.close(fd)


def listdir(path=None):
    """Return a list containing the names of the files in the directory."""
    if path is None:
        path = '.'
    if isinstance(path, int):
        raise NotImplementedError('os.listdir() of a file descriptor is not supported by edgepyc')
    path, b = _encode(path, 'listdir', accepts='string, bytes, os.PathLike, integer or None')
    names = _entries(path, b)
    if isinstance(path, bytes):
        return names
    return [n.decode('utf-8', 'surrogateescape') for n in names]


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Create a directory."""
    path, b = _encode(path, 'mkdir')
    _check(_posix.mkdir(b, mode), path)


def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def remove(path, *, dir_fd=None):
    """Remove a file (same as unlink())."""
    path, b = _encode(path, 'remove')
    _check(_posix.unlink(b), path)


unlink = remove


def rmdir(path, *, dir_fd=None):
    """Remove a directory."""
    path, b = _encode(path, 'rmdir')
    _check(_posix.rmdir(b), path)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Rename a file or directory."""
    src, sb = _encode(src, 'rename', 'src')
    dst, db = _encode(dst, 'rename', 'dst')
    _check(_posix.rename(sb, db), src, dst)


replace = rename
