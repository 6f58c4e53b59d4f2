"""edgepyc's `posixpath`, which is `os.path`: path string functions for str and bytes.

Pure string functions, exact: join, split, splitext, splitdrive, basename, dirname,
isabs, normcase, normpath, commonprefix, commonpath, expanduser, expandvars (both
against os.environ, the process environment), abspath and relpath (relative paths
against the working directory from getcwd).
File-system queries from stat() (_osbase's system calls): exists and lexists, isfile,
isdir; islink is always False (no lstat()). realpath does not resolve symbolic links.
Missing: getsize, getmtime/getatime/getctime, samefile, ismount.
"""

from _osbase import environ, fspath, posix

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext', 'basename',
           'dirname', 'commonprefix', 'exists', 'lexists', 'isdir', 'isfile', 'islink',
           'expanduser', 'expandvars', 'normpath', 'abspath', 'realpath', 'relpath',
           'commonpath', 'curdir', 'pardir', 'sep', 'pathsep', 'defpath', 'altsep',
           'extsep', 'devnull', 'supports_unicode_filenames']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _get_sep(path):
    return b'/' if isinstance(path, bytes) else '/'


def _check_arg_types(funcname, *args):
    """Re-raise a TypeError from a path function with CPython's message."""
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = fspath(a)
    sep = _get_sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep  # type check even with a single argument
        for b in map(fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    p = fspath(p)
    if isinstance(p, bytes):
        sep, dot = b'/', b'.'
    else:
        sep, dot = '/', '.'
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # A name made only of leading dots (".bashrc") has no extension.
        name_index = sep_index + 1
        while name_index < dot_index:
            if p[name_index:name_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            name_index += 1
    return p, p[:0]


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always empty."""
    p = fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname"""
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component"""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX keeps exactly two leading slashes; three or more mean one.
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    new_comps = []
    for comp in path.split(sep):
        if comp == empty or comp == dot:
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def _getcwd(like):
    cwd = posix.getcwd()
    if isinstance(cwd, int):
        from _osbase import oserror
        raise oserror(-cwd)
    return cwd if isinstance(like, bytes) else cwd.decode('utf-8', 'surrogateescape')


def abspath(path):
    """Return an absolute path."""
    path = fspath(path)
    if not isabs(path):
        path = join(_getcwd(path), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Like abspath (symbolic links are not resolved)."""
    return abspath(filename)


def relpath(path, start=None):
    """Return a relative version of a path"""
    if not path:
        raise ValueError('no path specified')
    path = fspath(path)
    if isinstance(path, bytes):
        curdir_, sep_, pardir_ = b'.', b'/', b'..'
    else:
        curdir_, sep_, pardir_ = '.', '/', '..'
    if start is None:
        start = curdir_
    else:
        start = fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep_) if x]
        path_list = [x for x in abspath(path).split(sep_) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir_
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(fspath, paths))
    if isinstance(paths[0], bytes):
        sep_, curdir_ = b'/', b'.'
    else:
        sep_, curdir_ = '/', '.'
    try:
        split_paths = [path.split(sep_) for path in paths]
        kinds = set(p[:1] == sep_ for p in paths)
        if len(kinds) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        absolute = kinds.pop()
        split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep_ if absolute else sep_[:0]
        return prefix + sep_.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


def expanduser(path):
    """Expand ~ to $HOME (left unchanged when HOME is unset: there is no pwd)."""
    path = fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep_ = _get_sep(path)
    i = path.find(sep_, 1)
    if i < 0:
        i = len(path)
    if i != 1 or 'HOME' not in environ:
        return path
    userhome = environ['HOME']
    if isinstance(path, bytes):
        userhome = userhome.encode('utf-8', 'surrogateescape')
    userhome = userhome.rstrip(sep_)
    return (userhome + path[i:]) or sep_


def _is_word(c):
    return ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9') or c == '_'


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    path = fspath(path)
    is_bytes = isinstance(path, bytes)
    text = path.decode('latin-1') if is_bytes else path
    if '$' not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        j = i + 1
        if j < n and text[j] == '{':
            close = text.find('}', j + 1)
            if close < 0:
                out.append(c)
                i += 1
                continue
            name = text[j + 1:close]
            end = close + 1
        else:
            k = j
            while k < n and _is_word(text[k]):
                k += 1
            if k == j:
                out.append(c)
                i += 1
                continue
            name = text[j:k]
            end = k
        if is_bytes:
            key = name.encode('latin-1').decode('utf-8', 'surrogateescape')
        else:
            key = name
        if key in environ:
            value = environ[key]
            if is_bytes:
                value = value.encode('utf-8', 'surrogateescape').decode('latin-1')
            out.append(value)
        else:
            out.append(text[i:end])
        i = end
    result = ''.join(out)
    return result.encode('latin-1') if is_bytes else result


def _probe(path):
    """'file', 'dir', 'other' (exists, another kind) or None (missing/invalid), from stat()."""
    if isinstance(path, int):
        mode = posix.fstat(path)
    else:
        try:
            path = fspath(path)
        except TypeError:
            raise TypeError('stat: path should be string, bytes, os.PathLike or integer, not '
                            + type(path).__name__) from None
        b = path.encode('utf-8', 'surrogateescape') if isinstance(path, str) else path
        if b'\x00' in b:
            return None
        mode = posix.stat(b)
    if mode < 0:
        return None
    kind = mode & 0o170000
    return 'dir' if kind == 0o040000 else 'file' if kind == 0o100000 else 'other'


def exists(path):
    """Test whether a path exists.  Returns False for broken symbolic links"""
    return _probe(path) is not None


lexists = exists


def isfile(path):
    """Test whether a path is a regular file"""
    return _probe(path) == 'file'


def isdir(s):
    """Return true if the pathname refers to an existing directory."""
    return _probe(s) == 'dir'


def islink(path):
    """Test whether a path is a symbolic link (always False: no lstat())."""
    fspath(path)
    return False
