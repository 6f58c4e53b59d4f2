import sys
print(type(sys.argv), sys.argv[1:], type(sys.path), sys.path[0] == __file__.rsplit('/', 1)[0])
print('sys' in sys.modules, sys.modules['__main__'].__name__, type(sys.modules).__name__)
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2], sys.version.startswith('3.11'))
print(sys.hexversion >= 0x030b0000, sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getrecursionlimit(), sys.implementation.name == sys.implementation.name)
def f():
    fr = sys._getframe()
    return fr.f_code.co_name, fr.f_back.f_code.co_name, sys._getframe(1).f_code.co_name, fr.f_lineno
print(f())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, tb.tb_frame.f_code.co_name, sys.exception() is v)
print(sys.exc_info(), sys.exception())
print(sys.stdout.write('abc\n'), sys.stderr.write(''), sys.stdout.encoding, sys.stdout.isatty() in (True, False))
print(sys.float_info.dig, sys.float_info.mant_dig, sys.int_info.bits_per_digit, sys.hash_info.width)
print(sys.flags.optimize, sys.dont_write_bytecode in (True, False), sys.getdefaultencoding())
print(sys.intern('abc'), sys.getsizeof(1) > 0, callable(sys.exit), sys.is_finalizing())
print(sys.stdin.readable() if hasattr(sys.stdin, 'readable') else True)
sys.stdout.flush()
print(sys.get_int_max_str_digits(), sys.builtin_module_names.__class__.__name__)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
def tracer(): pass
old = sys.stdout
class Cap:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
cap = Cap()
sys.stdout = cap
print('captured', 1)
sys.stdout = old
print(cap.parts)
