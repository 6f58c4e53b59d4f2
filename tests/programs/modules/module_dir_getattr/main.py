# Module-level __dir__ and __getattr__ (PEP 562), module reprs, and dir() of a module
# without them.
import plain
import lazy

print(dir(lazy))
print(lazy.answer, lazy.computed_value)
try:
    lazy.missing
except AttributeError as e:
    print('AttributeError:', e)
from lazy import computed_other
print(computed_other)
print([n for n in dir(plain) if not n.startswith('__')])
print(repr(plain).startswith("<module 'plain' from "), repr(plain).endswith("plain.py'>"))
import sys
print(repr(sys), type(lazy).__name__)
