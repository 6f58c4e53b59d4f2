"""Module doc."""
x = 1

def documented(a, b):
    """Add a and b."""
    return a + b

def undocumented():
    s = 'not a docstring'
    return s

lam = lambda: 'first const'
print(documented.__doc__, repr(undocumented.__doc__), repr(lam.__doc__), __doc__)

class K:
    """Class doc."""
    def m(self):
        'method doc'
    n: int = 3
    label: 'str'

print(K.__doc__, K.m.__doc__, K.__annotations__, K.n)

count: int = 5
y: list
print(__annotations__)
print(count)

def f():
    return 'x' in globals(), 'nope' in globals(), globals()['x'], globals().get('zz', 'dflt')

print(f())
print('x' in globals(), 'f' in globals())
z = 3
print(globals()['z'])

def annotated(a: int, b: 'str' = 'd', *, c: float = 1.0) -> None:
    pass
print(annotated.__annotations__)
