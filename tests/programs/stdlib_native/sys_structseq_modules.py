# sys.version_info / float_info / hash_info (struct sequences) and sys.modules kept by imports.
import sys
print(sys.version_info)
print(sys.version_info[0], sys.version_info >= (3, 11), sys.version_info.major, sys.version_info.releaselevel)
print(sys.version_info[:2], len(sys.version_info), tuple(sys.version_info))
print(sys.version_info > (3, 11, 7), sys.version_info == (3, 11, 7, 'final', 0))
print(type(sys.float_info.max).__name__, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.float_info)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info)
print(isinstance(sys.version_info, tuple))
print('__main__' in sys.modules, sys.modules['sys'] is sys)
import math
print(sys.modules['math'] is math, sys.modules.get('nope'))
print(sys.modules['__main__'].__name__)
x = 5
print(sys.modules[__name__].x)
