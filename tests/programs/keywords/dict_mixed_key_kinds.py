from fractions import Fraction as F
d = {F(3): 'x'}
print(d[3], d[3.0], 3 in d, d.get(3), d.get(F(6, 2)))
d[3] = 'y'; print(d, len(d))
d2 = {3: 'int'}
d2[F(3)] = 'frac'; print(d2)
d2[0.5] = 'half'; print(d2[F(1, 2)], F(1, 2) in d2)
del d2[F(1, 2)]; print(d2)
class S:
    def __init__(self, s): self.s = s
    def __eq__(self, o): return o == self.s if isinstance(o, str) else isinstance(o, S) and o.s == self.s
    def __hash__(self): return hash(self.s)
    def __repr__(self): return f'S({self.s!r})'
d3 = {'a': 1, (1, 2): 't'}
print(d3[S('a')], S('a') in d3)
d3[S('a')] = 2; print(d3)
d4 = {S('b'): 1}
print(d4['b'], 'b' in d4, d4.get('b'))
d4['b'] = 5; print(d4)
del d4['b']; print(d4)
g = {}
for i in range(100): g[i] = i
g[(1,)] = 'tuple'
for i in range(100, 200): g[i] = i
print(g[F(150)], g[F(5)], len(g))
print({1: 'a', True: 'b', 1.0: 'c'}, {F(1): 1, 1: 2})
s = {F(1), 1, 1.0, True}; print(s)
