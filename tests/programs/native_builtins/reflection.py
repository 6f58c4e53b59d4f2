# Reflection builtins and simple constructors end to end: isinstance, issubclass,
# callable, hash, id, getattr/hasattr/setattr/delattr, bool(), object(), type(None)().

def show(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


print(isinstance(True, int), isinstance(1, bool), isinstance(1, ()), isinstance(1.5, (str, (float,))))
print(isinstance('a', (list, (tuple, (dict, str)))), isinstance(1, (int, 1)), isinstance(None, type(None)))
show(lambda: isinstance(1, (str, 1)))
show(lambda: isinstance(1, 1))
show(lambda: isinstance(1))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, (TypeError, LookupError)), issubclass(1, ()))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
show(lambda: issubclass(bool, (str, 1)))

print(callable(len), callable(1), callable(int), callable([].append), callable(lambda: 0), callable('x'))
print(hash(1), hash(-1), hash(2**70), hash(1.5), hash(-0.0), hash(float('inf')), hash(()), hash((1, 2)), hash(True))
print(hash(2**61 - 1), hash(-2**61), hash(1.0) == hash(1), hash(10**20) == hash(float(10**20)))
show(lambda: hash([]))
show(lambda: hash((1, [])))

a = [1]
b = [1]
print(id(a) == id(a), id(a) == id(b), id(1.5) == id(1.5), id(a) != id(1), type(id(a)).__name__, id(7) == id(7))

print(getattr([], 'nope', 'dflt'), getattr(int, '__name__'), hasattr([], 'append'), hasattr([], 'nope'))
m = getattr([5, 6], 'pop')
print(m(), m())
show(lambda: getattr(1, 'x'))
show(lambda: getattr(1, 2))
show(lambda: getattr(1, 'x', default=3))
show(lambda: hasattr(1, 2))
show(lambda: setattr(1, 'x', 2))
show(lambda: setattr(1, 2, 3))
show(lambda: delattr(1, 'x'))
show(lambda: setattr())

print(bool(), bool(0), bool(7), bool([]), bool([0]), bool(''), bool(-0.0), bool(float('nan')), bool(None), bool(range(0)))
show(lambda: bool(1, 2))
show(lambda: bool(x=1))
o = object()
print(type(o).__name__, o == o, o != object(), hash(o) == hash(o))
show(lambda: object(1))
print(type(None)(), type(...)())
show(lambda: type(None)(1))
show(lambda: type(iter([]))())
