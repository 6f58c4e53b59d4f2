# A function without annotations gets an empty __annotations__ dict on first read, kept after.
def f(a: int, b: 'str' = 'x') -> bool:
    return True
def g(a):
    pass
print(f.__annotations__)
print(g.__annotations__)
g.__annotations__['a'] = 1
print(g.__annotations__)
class C:
    x: int = 3
print(C.__annotations__)
