def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class I(int):
    pass
class F(float):
    def __repr__(self): return 'F(' + float.__repr__(self) + ')'
class C(complex): pass
t(lambda: I(5)); t(lambda: I(5) + 1); t(lambda: type(I(5) + 1)); t(lambda: -I(5)); t(lambda: type(-I(5))); t(lambda: I('12', 8)); t(lambda: type(abs(I(-3))))
t(lambda: F(1.5)); t(lambda: F('2.5') * 2); t(lambda: type(F(1.5) * 2)); t(lambda: C(1, 2)); t(lambda: type(C(1, 2) + 1)); t(lambda: float(F(3.5))); t(lambda: type(float(F(3.5))))
t(lambda: int(I(7))); t(lambda: type(int(I(7)))); t(lambda: I(7) == 7); t(lambda: {I(7): 'x'}[7]); t(lambda: hash(I(7))); t(lambda: str(I(7))); t(lambda: format(I(7), '03'))
class Idx:
    def __index__(self): return 3
class Intish:
    def __int__(self): return 4
class Fl:
    def __float__(self): return 2.5
class Tr:
    def __trunc__(self): return 6
t(lambda: int(Idx())); t(lambda: int(Intish())); t(lambda: int(Tr())); t(lambda: float(Idx())); t(lambda: float(Fl())); t(lambda: complex(Fl())); t(lambda: [1,2,3,4][Idx()]); t(lambda: hex(Idx())); t(lambda: range(Idx()))
class BadInt:
    def __int__(self): return 'x'
class BadFloat:
    def __float__(self): return 1
t(lambda: int(BadInt())); t(lambda: float(BadFloat())); t(lambda: int(Fl())); t(lambda: float(Intish()))
t(lambda: 0.1 + 0.2); t(lambda: 1/3); t(lambda: 2/3*3); t(lambda: 1e22); t(lambda: 1e-7); t(lambda: 5e-324); t(lambda: -0.0); t(lambda: float('nan') == float('nan')); t(lambda: 3.0 * 1.1)
t(lambda: str(1.0)); t(lambda: str(1e16)); t(lambda: 1e15 + 0.3); t(lambda: 100.0 / 3); t(lambda: 2 ** 0.5); t(lambda: 10 / 4); t(lambda: 7 // 2.0); t(lambda: -7 // 2); t(lambda: -7 % 3); t(lambda: 7.5 % -2)
t(lambda: 2 ** 100 // 3); t(lambda: -(2 ** 100) % 7); t(lambda: (2**64) >> 3); t(lambda: 1 << 70); t(lambda: -1 >> 100); t(lambda: 1 << -1); t(lambda: ~(2**70)); t(lambda: (2**70) & (2**70 - 1)); t(lambda: (-2**70) | 5); t(lambda: (2**70) ^ -1)
t(lambda: 10**20 / 3); t(lambda: (10**400) / (10**399)); t(lambda: 10**400 / 3); t(lambda: float(10**400)); t(lambda: 2**53 + 1.0); t(lambda: (2**53+1) == 2.0**53); t(lambda: 2**1000 < float('inf')); t(lambda: 10**20 == 1e20)
t(lambda: int.bit_length(-2**70)); t(lambda: (-5).to_bytes(2, 'little', signed=True)); t(lambda: True.bit_length()); t(lambda: I(5).bit_length())
t(lambda: (1.5).__round__()); t(lambda: (2.5).__round__(None)); t(lambda: type((2.5).__round__(0))); t(lambda: round(I(5), -1)); t(lambda: type(round(I(5))))
t(lambda: float.__getformat__('double')); t(lambda: (0.0).hex()); t(lambda: float.fromhex('inf')); t(lambda: float.fromhex('0x1.fffffffffffff8p1023')); t(lambda: float.fromhex('x'))
t(lambda: 1.0.__divmod__(0.3)); t(lambda: (5).__divmod__(2.0)); t(lambda: (5).__rdivmod__(17)); t(lambda: (2.0).__rpow__(3)); t(lambda: (2).__pow__(3, 5)); t(lambda: (2).__pow__(3.0, 5))
t(lambda: complex.__add__(1j, 2)); t(lambda: (1j).__rsub__(3)); t(lambda: (1+1j).__pow__(2, 3)); t(lambda: 1j.__floordiv__); t(lambda: (1j) // 2); t(lambda: divmod(1j, 1))
t(lambda: bool(0.0)); t(lambda: bool(0j)); t(lambda: bool(-0.0)); t(lambda: not 1e-300); t(lambda: True + 1.5); t(lambda: 3 * True); t(lambda: True ** 2); t(lambda: False ** 0); t(lambda: True == 1.0)
t(lambda: int('  0x_1F  ', 16)); t(lambda: int('0_7')); t(lambda: int('07')); t(lambda: int('-0')); t(lambda: int('\u0661\u0662', 10)); t(lambda: int(' \t\n12\x0c ')); t(lambda: float('\u0661.5'))
t(lambda: (123).__sizeof__() > 0); t(lambda: (3).conjugate()); t(lambda: (3).real); t(lambda: True.real); t(lambda: type(True.real)); t(lambda: type(True.numerator))
t(lambda: int.__eq__(1, 1.0)); t(lambda: float.__eq__(1.0, 1)); t(lambda: float.__lt__(1.0, 'a')); t(lambda: 1 == 1+0j); t(lambda: 1.5 == 1.5+0j); t(lambda: (1+0j) != 1)
t(lambda: max(2**64, 2.0**64)); t(lambda: sorted([3, 2**70, -1.5, 2**70 - 1, 1e21]))
t(lambda: 5 .__class__); t(lambda: (5).__class__.__name__); t(lambda: int.__name__)
