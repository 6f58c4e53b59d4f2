# cell_contents reads the value a closure cell holds; an empty cell raises ValueError.
def outer():
    x = 10
    def inner():
        return x
    return inner


f = outer()
print(f.__closure__[0].cell_contents, type(f.__closure__[0]).__name__)


def late():
    def g():
        return y
    c = g.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    y = [1, 2]
    print(c.cell_contents)


late()


def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc


c = counter()
c()
print(c(), c.__closure__[0].cell_contents, len(c.__closure__))
