# dir(): modules, classes (MRO), instances (dict + class), a class's own __dir__, errors.
import math
class Base:
    b = 1
    def bm(self): pass
class Child(Base):
    c = 2
    def __init__(self):
        self.inst = 3
obj = Child()
print([n for n in dir(obj) if not n.startswith('__')])
print([n for n in dir(Child) if not n.startswith('__')])
print('__init__' in dir(Child), '__doc__' in dir(obj))
print([n for n in dir(math) if n.startswith('f')])
print([n for n in dir('') if n.startswith('is')])
print([n for n in dir({}) if not n.startswith('_')])
class Custom:
    def __dir__(self):
        return ('zeta', 'alpha', 'mid')
print(dir(Custom()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print('TypeError', e)
try:
    dir(1, 2)
except TypeError as e:
    print('TypeError', e)
r = dir(obj)
print(r == sorted(r), type(r).__name__)
