def f(a, b):
    return a ** b
f(10.0, 1000)
