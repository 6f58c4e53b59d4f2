def a():
    b()
def b():
    c()
def c():
    raise ValueError('deep')
try:
    a()
except ValueError:
    raise KeyError('during')
