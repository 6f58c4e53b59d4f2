"""edgepyc's minimal pure-Python `os` module (POSIX flavour).

Covered: the constants name, sep, altsep, extsep, pathsep, curdir, pardir, linesep,
defpath, devnull; environ (an empty mapping: edgepyc programs do not see the process
environment; assignments are kept but not exported) with getenv; fspath, fsencode,
fsdecode, PathLike; error (= OSError); and os.path, which is posixpath (see
posixpath.py; os/path.py re-exports it for import systems that look for the file).
Missing: everything that needs a system call - getcwd, chdir, listdir, scandir, walk,
stat, mkdir/makedirs, remove/rename, urandom, getpid, system, process and file-descriptor
functions, putenv/unsetenv, cpu_count, times.
"""

import sys

import posixpath as path
from _osbase import environ, fspath

# As in CPython: os.path is the posixpath module, registered under its dotted name so
# that `import os.path` finds it.
sys.modules['os.path'] = path

__all__ = ['name', 'sep', 'altsep', 'extsep', 'pathsep', 'curdir', 'pardir', 'linesep',
           'defpath', 'devnull', 'environ', 'getenv', 'fspath', 'fsencode', 'fsdecode',
           'PathLike', 'error', 'path']

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
