"""Run a Python program under CPython with edgepyc's pure-Python stdlib in CPython's place.

Usage: python3 -I -S -X utf8 tests/pylib/shadow_run.py PROGRAM.py [ARGS...]

This is a test harness, not part of edgepyc: it lets CPython (the oracle) execute the
modules of runtime/lib/ so their behaviour can be compared with CPython's own modules.
Invariants it enforces so that a passing run means something:
- a top-level `import X` resolves only to the program's folder or to runtime/lib/; the
  only native modules allowed are the ones edgepyc implements itself (sys, math, time),
  so a library module that leans on CPython's stdlib or a C accelerator fails loudly
  with ModuleNotFoundError instead of passing by accident;
- modules CPython preloads (abc under -I -S) are dropped from sys.modules when
  runtime/lib/ has its own version;
- the program runs as `__main__` with sys.argv = [PROGRAM, ARGS...], so
  `sys._getframe(1).f_globals['__name__']` and `__name__ == '__main__'` behave as usual.
"""
import sys

_HERE = __file__.rpartition('/')[0]
_LIB = _HERE.rpartition('/')[0].rpartition('/')[0] + '/runtime/lib'
# Natives edgepyc provides itself (see /work/notes/pylib-brief.md); everything else must
# come from runtime/lib or the program's own folder.  unicodedata is imported by
# CPython's own compiler for \N{...} escapes, and __future__ by every `from __future__
# import ...` statement; neither is imported by library code.
_NATIVE = frozenset(['sys', 'math', 'time', 'builtins', 'unicodedata', '__future__', '_edgepyc_os', '_abcflags'])
_PathFinder = sys.modules['_frozen_importlib_external'].PathFinder


def _exists(path):
    try:
        open(path, 'rb').close()
        return True
    except OSError:
        return False


class _Gate:
    """Meta-path finder placed first: top-level imports search only the allowed folders."""
    search = [_LIB]

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name in _NATIVE or '.' in name:
            # Submodules are found through their package's __path__, which already lies
            # inside an allowed folder.
            return None
        spec = _PathFinder.find_spec(name, cls.search)
        if spec is None:
            raise ModuleNotFoundError('No module named %r' % name, name=name)
        return spec

    @classmethod
    def invalidate_caches(cls):
        pass


def _bridges():
    """edgepyc's bridge modules (the interpreter implements them in TypeScript), over CPython."""
    posix = sys.modules['posix']

    def errno_of(f):
        def call(*args):
            try:
                return f(*args)
            except OSError as e:
                return -e.errno
        return call

    osb = type(sys)('_edgepyc_os')
    osb.getcwd = errno_of(posix.getcwdb)
    osb.chdir = errno_of(lambda p: posix.chdir(p) or 0)
    osb.stat = errno_of(lambda p: posix.stat(p).st_mode)
    osb.fstat = errno_of(lambda fd: posix.fstat(fd).st_mode)
    osb.unlink = errno_of(lambda p: posix.unlink(p) or 0)
    osb.rmdir = errno_of(lambda p: posix.rmdir(p) or 0)
    osb.mkdir = errno_of(lambda p, m: posix.mkdir(p, m) or 0)
    osb.rename = errno_of(lambda a, b: posix.rename(a, b) or 0)
    osb.listdir = errno_of(posix.listdir)
    osb.environ = lambda: [k + b'=' + v for k, v in posix.environ.items()]
    abcf = type(sys)('_abcflags')
    abcf.register = lambda subclass, cls: None
    sys.modules['_edgepyc_os'] = osb
    sys.modules['_abcflags'] = abcf


def main():
    _bridges()
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    prog = sys.argv[1]
    if not prog.startswith('/'):
        prog = sys.modules['posix'].getcwd() + '/' + prog
    prog_dir = prog.rpartition('/')[0]
    _Gate.search = [prog_dir, _LIB]
    for name in list(sys.modules):
        top = name.partition('.')[0]
        if top in _NATIVE or top == '__main__':
            continue
        if _exists(_LIB + '/' + top + '.py') or _exists(_LIB + '/' + top + '/__init__.py'):
            del sys.modules[name]
    sys.meta_path.insert(0, _Gate)
    sys.path[:0] = [prog_dir, _LIB]
    sys.argv = [sys.argv[1]] + sys.argv[2:]
    with open(prog, encoding='utf-8') as f:
        source = f.read()
    module = type(sys)('__main__')
    module.__file__ = prog
    module.__builtins__ = __builtins__
    sys.modules['__main__'] = module
    exec(compile(source, prog, 'exec'), module.__dict__)


main()
