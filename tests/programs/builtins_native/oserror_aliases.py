# IOError and EnvironmentError are OSError itself in Python 3.
print(IOError is OSError, EnvironmentError is OSError)
print(IOError.__name__, EnvironmentError.__qualname__)
try:
    raise IOError(2, 'No such file', 'x.txt')
except EnvironmentError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(isinstance(e, FileNotFoundError), repr(e))
try:
    open('/nonexistent/dir/file')
except IOError as e:
    print(type(e).__name__, e.errno)
print(issubclass(FileNotFoundError, EnvironmentError))
raise EnvironmentError('done')
