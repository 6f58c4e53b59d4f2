# Attributes of type objects natively: __base__ (CPython's best base), mro(), the metatype's attributes, the MRO conflict message.
class A: pass
class F: pass
class B(A): pass
class C(A, F): pass
class E(ValueError): pass

class D(B, F): pass
print(B.__base__.__name__, C.__base__.__name__, E.__base__.__name__, A.__base__, object.__base__, bool.__base__, KeyError.__base__, int.__base__)
print([k.__name__ for k in D.mro()], D.mro() == list(D.__mro__), type(D.mro()).__name__, int.mro(), type.mro(B))
print(hasattr(A, 'mro'), hasattr(A, 'nope'), type.__dict__['__base__'] if False else 0)
try:
    A.nope
except AttributeError as e:
    print(e)
try:
    A().mro
except AttributeError as e:
    print(e)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)
print(type.__dict__['__base__'] is not None, repr(type.__dict__['__base__']))
