# Module reprs (importlib._bootstrap._module_repr): a file, no file, no name, a loader's
# module_repr, and the interpreter's built-in modules.
import types, sys, pk, os
print(repr(types.ModuleType('m')))
m = types.ModuleType('m2', 'doc'); m.__file__ = 'x.py'; print(repr(m))
print(repr(pk).replace(os.path.dirname(os.path.abspath(__file__)), 'CWD'))
print(repr(sys.modules['__main__']).replace(os.path.dirname(os.path.abspath(__file__)), 'CWD'))
m3 = types.ModuleType('m3'); del m3.__name__
try: print(repr(m3))
except Exception as e: print(type(e).__name__, e)
class L:
    def module_repr(self, m): return 'custom'
m4 = types.ModuleType('m4'); m4.__loader__ = L(); print(repr(m4))
print(repr(sys))
