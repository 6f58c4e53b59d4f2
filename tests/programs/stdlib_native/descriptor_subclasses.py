# Subclasses of classmethod, staticmethod and property (as abc.py's abstractclassmethod...).
class acm(classmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)
class asm(staticmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)
class aprop(property):
    __isabstractmethod__ = True
class C:
    @acm
    def make(cls, x):
        return (cls.__name__, x)
    @asm
    def twice(x):
        return 2 * x
    @aprop
    def size(self):
        """the size"""
        return 3
class D(C): pass
print(C.make(1), D.make(2), D().make(3))
print(C.twice(4), C().twice(5))
print(C().size, D().size, C.size.__doc__)
m = C.__dict__['make']
print(type(m).__name__, isinstance(m, classmethod), m.__isabstractmethod__, m.__func__.__isabstractmethod__)
print(type(C.__dict__['twice']).__name__, isinstance(C.__dict__['size'], property), C.__dict__['size'].__isabstractmethod__)
m.extra = 'x'
print(m.extra, m.__dict__.get('extra'), m.__name__)
class acm2(acm): pass
print(type(acm2(lambda: 0)).__mro__[1:])
try:
    class Bad(classmethod, Exception): pass
except TypeError as e:
    print('TypeError', e)
