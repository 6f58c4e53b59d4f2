# sys.intern (collections imports sys as _sys and interns namedtuple's names).
import sys
s = 'hello world'
print(sys.intern(s) is s, sys.intern('ab' + 'cd'), sys.intern(s) == s)
for bad in [b'x', 3, None, [1]]:
    try:
        sys.intern(bad)
    except TypeError as e:
        print(e)
try:
    sys.intern()
except TypeError as e:
    print(e)
try:
    sys.intern('a', 'b')
except TypeError as e:
    print(e)
try:
    sys.intern(string='a')
except TypeError as e:
    print(e)
import collections as c
print(hasattr(c, 'namedtuple'), sys.modules['collections'] is c, 'collections.abc' in sys.modules)
