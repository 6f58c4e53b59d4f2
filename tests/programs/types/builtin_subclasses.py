class P(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = P(1, 2); print(p, p.x, type(p).__name__, p + (3,), p[::-1], hash(p) == hash((1, 2)), p == (1, 2), isinstance(p, tuple))
class L(list):
    def __init__(self, *a): super().__init__(a)
    def append(self, v): super().append(v * 2)
l = L(1, 2); l.append(5); print(l, len(l), l[1:], type(l[1:]).__name__, sorted(l, reverse=True))
class D(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v + 1)
d = D(a=1); d['b'] = 2; d.update(c=3); print(d, dict(d), d.get('b'), type(d.copy()).__name__)
class Dflt(dict):
    def __missing__(self, k): self[k] = k * 2; return self[k]
dd = Dflt(); print(dd['ab'], dd, 'zz' in dd)
class S(set):
    pass
s = S([3, 1]); print(s, s | {2}, type(s | {2}).__name__, type(s.copy()).__name__, S() == set(), repr(S()))
class F(float):
    def __new__(cls, v, unit='C'):
        o = super().__new__(cls, v); o.unit = unit; return o
    def __repr__(self): return f'{float(self)}{self.unit}'
f = F(21.5); print(f, f + 1, type(f + 1).__name__, f.unit, round(f), f > 20, [f])
class I(int):
    def __str__(self): return 'I' + super().__str__()
i = I(7); print(i, repr(i), i + 1, f'{i}', '%d' % i, str(i), [i], i == 7, hash(i) == hash(7), {i: 1}[7])
class B:
    def __index__(self): return 2
print([1, 2, 3][B()], range(10)[B()], 'abc'[B()], bin(B()), (5).to_bytes(B(), 'big'))
