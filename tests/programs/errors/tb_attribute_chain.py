def f(x):
    return x.y.z
class O: y = None
f(O())
