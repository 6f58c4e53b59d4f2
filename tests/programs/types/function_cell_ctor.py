import types
def f(a, b=2): return a + b
g = types.FunctionType(f.__code__, {'__name__': 'mod'}, 'g', (10,))
print(g(1), g.__name__, g.__module__, g.__defaults__, g.__qualname__)
def outer():
    x = 5
    def inner(): return x
    return inner
inn = outer()
h = types.FunctionType(inn.__code__, globals(), None, None, (types.CellType(7),))
print(h(), types.CellType(3).cell_contents, types.CellType(1) == types.CellType(1), types.CellType() < types.CellType(0))
try: types.FunctionType(inn.__code__, {})
except Exception as e: print(type(e).__name__, e)
try: types.CellType().cell_contents
except ValueError as e: print(e)
