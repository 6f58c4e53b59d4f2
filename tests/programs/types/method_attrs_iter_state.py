class A:
    def m(self):
        "m doc"
        return 1
a = A()
bm = a.m
print(bm.__name__, bm.__qualname__, bm.__module__, bm.__doc__, bm.__func__ is A.m, bm.__self__ is a)
try:
    bm.nope
except AttributeError as e:
    print(e)
A.m.tag = 'T'; print(bm.tag)
try:
    bm.tag = 1
except AttributeError as e:
    print(e)
print(hasattr(len, '__get__'), hasattr(list.append, '__get__'), staticmethod(len).__wrapped__ is len)
it = iter([1, 2, 3]); next(it); print(it.__reduce__()[1:], it.__length_hint__()); it.__setstate__(2); print(list(it), it.__reduce__()[1:])
ti = iter((4, 5)); print(ti.__reduce__()[1:], ti.__length_hint__())
