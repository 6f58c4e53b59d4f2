"""os.environ and os.fspath for edgepyc's os and posixpath (= os.path), in a module of
their own so that neither of those has to import the other."""


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
    """The (empty) process environment: a dict of str -> str."""

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % item for item in self.items())

    def copy(self):
        return dict(self)


environ = _Environ()
