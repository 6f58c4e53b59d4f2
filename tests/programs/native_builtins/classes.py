# Builtins on instances of classes defined in Python: the dunders they reach (__abs__,
# __index__, __round__, __divmod__/__rdivmod__ with subclass priority, __pow__ with a
# modulus, __hash__, __call__, __bool__, __iter__/__next__) and the errors without them.

class V:
    def __init__(self, n):
        self.n = n
    def __abs__(self):
        return 'abs%d' % self.n
    def __index__(self):
        return self.n
    def __round__(self, nd=None):
        return ('round', nd)
    def __divmod__(self, o):
        return ('divmod', self.n, o)
    def __rdivmod__(self, o):
        return ('rdivmod', o, self.n)
    def __pow__(self, e, m=None):
        return ('pow', self.n, e, m)
    def __rpow__(self, b):
        return ('rpow', b, self.n)
    def __format__(self, spec):
        return 'fmt[' + spec + ']'
    def __hash__(self):
        return 42
    def __call__(self, x):
        return x * 2
    def __bool__(self):
        return self.n > 0
    def __iter__(self):
        return iter(range(self.n))

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i

v = V(5)
print(abs(v), hex(v), oct(v), bin(v), round(v), round(v, 2))
print(divmod(v, 3), divmod(3, v), pow(v, 2), pow(2, v), pow(v, 2, 7))
print(hash(v), callable(v), callable(V), bool(v), bool(V(0)))
print(list(enumerate(v)), list(zip(v, It())), list(map(v, [1, 2])), list(filter(v, [0, 1])), any(v), all(V(0)))
print(next(It()), list(It()), next(iter(It())), isinstance(v, V), issubclass(V, object), isinstance(v, (int, V)))
print(getattr(v, 'n'), getattr(v, 'm', 'dflt'), hasattr(v, 'n'), hasattr(v, 'm'))
setattr(v, 'm', 9)
print(v.m)
delattr(v, 'm')
print(hasattr(v, 'm'))
print(list(iter(It().__next__, 3)))
class W:
    pass
try:
    divmod(W(), 1)
except TypeError as e:
    print(e)
try:
    round(W())
except TypeError as e:
    print(e)
try:
    hex(W())
except TypeError as e:
    print(e)
print(type(object()).__name__, isinstance(W(), object))


class A:
    def __divmod__(self, o):
        return 'A.divmod'

    def __rdivmod__(self, o):
        return 'A.rdivmod'


class B(A):
    pass


class C(A):
    def __rdivmod__(self, o):
        return 'C.rdivmod'


class D:
    def __rdivmod__(self, o):
        return 'D.rdivmod'


print(divmod(A(), B()), divmod(A(), C()), divmod(B(), A()), divmod(1, D()), divmod(A(), D()), divmod(D(), A()))
try:
    divmod(D(), 1)
except TypeError as e:
    print(e)
try:
    pow(W(), 2, 3)
except TypeError as e:
    print(e)
print(pow(V(3), 2.5, 'm'), isinstance(C(), (B, A)), issubclass(C, (B, D)), issubclass(C, A))
