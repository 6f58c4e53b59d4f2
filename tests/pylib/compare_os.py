# Comparison script for runtime/lib/os: run once under CPython's os and once under
# edgepyc's (tests/pylib/run.sh compare os); outputs must be identical.  Only what the
# minimal os covers is exercised (see runtime/lib/os/__init__.py); environment-dependent
# functions are given variables the script sets itself.
import os
import os.path
from os.path import join


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


print('constants', os.name, os.sep, os.altsep, os.extsep, os.pathsep, os.curdir, os.pardir,
      repr(os.linesep), os.devnull, os.path.sep, os.path.curdir, os.path is os.path)

paths = ['', '/', '//', '///', 'a', 'a/', '/a', '/a/', 'a/b', 'a//b', '/a/b/c.txt',
         'dir.d/file', 'file.tar.gz', '.bashrc', '..', '../x', 'a/./b/../c', '/../a',
         '//a/b', '///a//b/', 'a/b/..', '../../a/..', './', 'x/.hidden', 'x/..dots',
         'x/y.', 'name.', '...', 'a.b/c', '/trailing///', 'é/ü.py']
for p in paths + [s.encode() for s in paths[:12]]:
    show('split %r' % p, lambda: os.path.split(p))
    show('splitext %r' % p, lambda: os.path.splitext(p))
    show('basename %r' % p, lambda: os.path.basename(p))
    show('dirname %r' % p, lambda: os.path.dirname(p))
    show('normpath %r' % p, lambda: os.path.normpath(p))
    show('isabs %r' % p, lambda: os.path.isabs(p))
    show('splitdrive %r' % p, lambda: os.path.splitdrive(p))
    show('normcase %r' % p, lambda: os.path.normcase(p))

for args in [('a',), ('a', 'b'), ('a/', 'b'), ('a', '/b', 'c'), ('', 'x'), ('a', ''),
             ('/', 'etc', 'passwd'), ('a', 'b/', 'c'), (b'a', b'b'), ('a', b'b'), (1, 'a'),
             ('a', None), ('x', 'y', '', 'z')]:
    show('join %r' % (args,), lambda: join(*args))
show('commonprefix', lambda: os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/li']))
show('commonprefix empty', lambda: os.path.commonprefix([]))
show('commonprefix lists', lambda: os.path.commonprefix([['a', 'b'], ['a', 'c']]))
for args in [['/usr/lib', '/usr/local/lib'], ['a/b', 'a/c/d', 'a/./b'], ['/a'], ['a', 'b'],
             ['/a', 'b'], [], [b'/x/y', b'/x/z'], ['/a', b'/a']]:
    show('commonpath %r' % (args,), lambda: os.path.commonpath(args))
for p in ['/a/b/../c', '/', '//x', '/x/./y/']:
    show('abspath %r' % p, lambda: os.path.abspath(p))
for p, s in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/x/y', '/a/b'), ('/a', '/a'),
             ('a/b', 'a'), ('a', 'a/b/c'), ('x', None), ('a/./b', 'a/c'), ('', '/'),
             (b'/a/b', b'/a')]:
    show('relpath %r %r' % (p, s), lambda: os.path.relpath(p, s))

os.environ['HOME'] = '/home/tester/'
os.environ['EDGE_VAR'] = 'value'
os.environ['EDGE_EMPTY'] = ''
for p in ['~', '~/docs', '~other/x', 'no/tilde', '~/', b'~/bytes']:
    show('expanduser %r' % p, lambda: os.path.expanduser(p))
for p in ['$EDGE_VAR/x', '${EDGE_VAR}y', '$EDGE_NOT_SET_123', '${EDGE_NOT_SET_123}', '$', '$$',
          'a$EDGE_EMPTY.b', '${', '${}', '$EDGE_VAR$EDGE_VAR', 'pre${EDGE_VAR', b'$EDGE_VAR',
          'no vars', '$1x']:
    show('expandvars %r' % p, lambda: os.path.expandvars(p))
print('getenv', os.getenv('EDGE_VAR'), os.getenv('EDGE_NOT_SET_123'), os.getenv('EDGE_NOT_SET_123', 'dflt'))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


show('fspath str', lambda: os.fspath('x'))
show('fspath bytes', lambda: os.fspath(b'x'))
show('fspath obj', lambda: os.fspath(P('/o')))
show('fspath bad', lambda: os.fspath(3))
show('fspath bad return', lambda: os.fspath(P(3)))
show('join pathlike', lambda: join(P('/base'), 'f'))
show('fsencode', lambda: os.fsencode('é'))
show('fsdecode', lambda: os.fsdecode(b'\xc3\xa9'))
print('error', os.error is OSError)

here = __file__
folder = os.path.dirname(here)
for p in [here, folder, folder + '/no_such_file_here', '', 'compare_os.py', '.', 'missing/x']:
    print('fs', os.path.basename(p), os.path.exists(p), os.path.isfile(p), os.path.isdir(p),
          os.path.islink(p), os.path.lexists(p))
