class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f'V{self.c}'
    def __add__(self, o): return V(*(a + b for a, b in zip(self.c, o.c))) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return V(*(a + o for a in self.c))
    def __iadd__(self, o): self.c = tuple(a + o for a in self.c); return self
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self): return V(*(-a for a in self.c))
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __lt__(self, o): return self.c < o.c
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __contains__(self, x): return x in self.c
    def __bool__(self): return any(self.c)
    def __call__(self, x): return x * 2
    def __index__(self): return len(self.c)
    def __format__(self, spec): return f'<{spec}>'
    def __round__(self, n=None): return 'rounded'
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __pow__(self, e, mod=None): return ('pow', e, mod)
    def __rpow__(self, b): return ('rpow', b)
    def __floordiv__(self, o): return 'fd'
    def __rtruediv__(self, o): return 'rtd'
    def __lshift__(self, o): return 'lsh'
    def __invert__(self): return 'inv'
    def __pos__(self): return 'pos'
a = V(1, 2); b = V(3, 4)
print(a + b, 1 + a, a * 3, 3 * a, -a, abs(b), a == V(1, 2), a != b, a < b, sorted([b, a]))
c = a; c += 10; print(c, a is c)
print(len(a), a[1], 2 in a, 9 in a, bool(V(0, 0)), a(21), [1, 2, 3][V(1)], f'{a:xyz}', round(a), a @ b, a ** 2, pow(a, 2, 5), 2 ** a, a // 1, 1 / a, a << 1, ~a, +a)
print(list(a), list(reversed(a)), {a: 1}[V(1, 2)], hex(V(1, 2, 3)), bin(V(1)), range(10)[V(1, 2):V(1, 2, 3, 4)])
try:
    a + 'x'
except TypeError as e:
    print(e)
try:
    a < 3
except TypeError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq called'); return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 3)
class R:
    def __reversed__(self): return iter('zyx')
    def __iter__(self): return iter('xyz')
print(list(reversed(R())), list(R()))
class Ctx:
    def __enter__(self): return 'entered'
    def __exit__(self, *a): return False
with Ctx() as v: print(v)
class Num:
    def __int__(self): return 7
    def __float__(self): return 7.5
    def __complex__(self): return 1j
print(int(Num()), float(Num()), complex(Num()))
class Str:
    def __str__(self): return 'S'
    def __repr__(self): return 'R'
print(Str(), repr(Str()), [Str()], f'{Str()!r} {Str()!s}', str([Str()]), '%s %r' % (Str(), Str()))
class Sub(int):
    def __add__(self, o): return 'subadd'
    def __radd__(self, o): return 'subradd'
print(1 + Sub(2), Sub(2) + 1, Sub(3) * 2)
class B1:
    def __eq__(self, o): return 'B1.eq'
class B2(B1):
    def __eq__(self, o): return 'B2.eq'
print(B1() == B2(), B2() == B1())
class Cnt:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Cnt()), sum(Cnt()), max(Cnt()))
class Desc:
    def __get__(self, obj, typ=None): return ('get', obj is None, typ.__name__)
class UsesDesc:
    d = Desc()
print(UsesDesc.d, UsesDesc().d)
class Prop:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print('deleting'); self._x = None
p = Prop(); p.x = 5; print(p.x); del p.x; print(p.x)
try:
    Prop.x.fset(p, 1); print(p.x)
    class RO:
        @property
        def y(self): return 1
    RO().y = 2
except AttributeError as e:
    print(e)
class SM:
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls, x): return cls.__name__, x
print(SM.s(1), SM().s(2), SM.c(3), SM().c(4), type(SM.__dict__['s']).__name__)
