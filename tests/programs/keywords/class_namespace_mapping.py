# A metaclass's __prepare__ may return a dict subclass: the class body's name stores and
# loads go through its __setitem__/__getitem__/__missing__ (enum's auto() relies on it).
class Recording(dict):
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            print('set', k, v)
            if v == 'auto':
                v = len([x for x in self if not x.startswith('__')]) + 1
        super().__setitem__(k, v)
    def __missing__(self, k):
        if k.startswith('__') or k in ('print', 'len', 'super'):
            raise KeyError(k)
        print('missing', k)
        return 'auto'
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        print('namespace type', type(ns).__name__, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=Meta):
    A = 'auto'
    B = 'auto'
    AB = A + B
    D = undefined_name
    x: int = 3
print(C.A, C.B, C.AB, C.D, C.x, C.__annotations__)
