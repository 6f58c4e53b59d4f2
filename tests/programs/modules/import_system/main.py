import pkg
from pkg import *
print(A_VAL, helper())
import pkg.sub
from pkg.sub import mod
print(mod.who(), pkg.sub.mod is mod)
import pkg.sub.mod as m2
print(m2 is mod)
import circ_a
print(circ_a.get())
try:
    import does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg import nothing_here
except ImportError as e:
    print(type(e).__name__, e.msg if hasattr(e,'msg') else '', e.name)
try:
    import pkg.nosuch
except ModuleNotFoundError as e:
    print(e)
try:
    import pkg.a.b
except ModuleNotFoundError as e:
    print(e)
try:
    import bad_mod
except ValueError as e:
    print('bad', e)
import sys
print('bad_mod' in sys.modules, 'pkg.sub.mod' in sys.modules, __name__)
try:
    from . import x
except ImportError as e:
    print(e)
print(sys.modules['pkg'].__path__ is not None, pkg.__file__.endswith('pkg/__init__.py'))
import importlib
print(importlib.import_module('pkg.a').A_VAL)
if __name__ == '__main__':
    print('main guard')
print(__import__('pkg.sub', fromlist=['mod']).mod.X)
