# Augmented assignment on instances: __iop__ when the class has it, else the plain __op__ /
# reflected __rop__ (CPython's binary_iop1), in functions, at module level and on attributes.


class Plain:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Plain(self.v + (other.v if isinstance(other, Plain) else other))

    def __rmul__(self, other):
        return Plain(self.v * other)

    def __repr__(self):
        return f'Plain({self.v})'


class Acc(Plain):
    def __iadd__(self, other):
        self.v += other
        return self


def local():
    p = Plain(1)
    q = p
    p += Plain(2)
    n = 3
    n *= Plain(4)
    a = Acc(10)
    b = a
    a += 5
    return p, q, p is q, n, a, a is b


print(local())
g = Plain(1)
h = g
g += 41
print(g, h, g is h)


class Box:
    pass


box = Box()
box.item = Plain(7)
box.item += Plain(1)
items = [Plain(1)]
items[0] += 2
print(box.item, items)
try:
    s = Plain(0)
    s -= 1
except TypeError as e:
    print('TypeError:', e)
