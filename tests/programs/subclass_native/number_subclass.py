# Subclasses of float and complex: values behave as the base in arithmetic, comparisons,
# hashing, formatting and methods; results are exact floats / complexes; instances carry a
# __dict__; __repr__ overrides reach str(), print and f-strings (float has no __str__).


class Celsius(float):
    def __new__(cls, v, unit='C'):
        o = super().__new__(cls, v)
        o.unit = unit
        return o

    def __repr__(self):
        return '%s%s' % (float(self), self.unit)


c = Celsius(21.5)
print(c, repr(c), str(c), f'{c}', f'{c:.2f}', format(c, '>8'), [c], c.unit, c.__dict__)
print(c + 1, type(c + 1).__name__, 1 + c, c * 2, -c, abs(Celsius(-3.0)), c / 2, c // 2, c % 5, c ** 2)
print(c > 20, c == 21.5, 21.5 == c, c < 30, hash(c) == hash(21.5), {c: 'x'}[21.5], bool(Celsius(0.0)))
print(round(c), round(c, 0), int(c), float(c), type(float(c)).__name__, c.is_integer(), c.hex(), c.as_integer_ratio())
print(isinstance(c, float), issubclass(Celsius, float), type(c).__name__, Celsius.__mro__)
print(sorted([Celsius(3.0), 1.5, Celsius(2.0)]), max(Celsius(1.0), 0.5), sum([Celsius(1.5), Celsius(2.5)]))


class F(float):
    pass


f = F('2.25')
print(f, repr(f), type(f).__name__, F(), F(3), f.real, f.conjugate(), float.__repr__(f), float.__add__(f, 1))
print('%s %r %.1f %d' % (f, f, f, f), divmod(F(7.0), 2), pow(F(2.0), 3), F(1e300) * F(1e300))
try:
    F('abc')
except ValueError as e:
    print('ValueError', e)


class Deep(Celsius):
    pass


d = Deep(5.0, 'K')
print(d, d + d, type(d).__name__, d.unit)


class C(complex):
    def norm(self):
        return abs(self)


z = C(3, 4)
z.tag = 'z'
print(z, repr(z), type(z).__name__, z.norm(), z.tag, z.real, z.imag, z.conjugate(), type(z.conjugate()).__name__)
print(z + 1, type(z + 1).__name__, z * 1j, z == 3 + 4j, hash(z) == hash(3 + 4j), complex(z), type(complex(z)).__name__)
print(C(), C('1+2j'), C(1.5), isinstance(z, complex), f'{z}', format(z, '.1f'))
try:
    class Bad(float, list):
        pass
except TypeError as e:
    print('TypeError', e)
