# Names of runtime types that are not builtins in CPython are NameErrors as bare names.
try:
    function
except NameError as e:
    print('NameError:', e)
try:
    print(NoneType)
except NameError as e:
    print('NameError:', e)
def f():
    return generator
try:
    f()
except NameError as e:
    print('NameError:', e)
print(type(None).__name__, type(len).__name__, int, ValueError, type(print), bytearray, memoryview if False else 0)
