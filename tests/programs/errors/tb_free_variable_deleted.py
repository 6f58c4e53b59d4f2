def f():
    x = 1
    def g():
        return y
    y = 2
    del y
    return g()
f()
