# complex(): numbers, strings (CPython grammar and errors), keywords; format() of complex; float ** giving complex.
for s in ['1__2j','1_0j','_1','1+2j ',' (1+2j) ','( 1+2j )','(1+2j','1+j','-j','j','+1.5e3J','1e','infj','-inf+nanj','1 + 2j','\x00','１２j','1+2j\x00','1e5', '', '1+2J', 'nan', '-1.5e-3-2.5e+2j', '3.', '.5j', '1e500j']:
    try: print(repr(s), complex(s))
    except Exception as e: print(repr(s), type(e).__name__, e)
for a in [(1+2j, 3j), (1j,), ('1',2), (1,'2'), ([],), (1,[]), (True,), (2**1100,), (), (1.5, 2), (1, 2j), (1j, 1j), (2.5,)]:
    try: print(complex() if len(a) == 0 else complex(a[0]) if len(a) == 1 else complex(a[0], a[1]))
    except Exception as e: print(type(e).__name__, e)
print(complex(real=1, imag=2), complex(imag=3))
try: complex(x=1)
except Exception as e: print(e)
try: complex(1, 2, 3)
except Exception as e: print(e)
z = 1+2j
print(complex(z) is z)
print(format(1+2j,'>12'), format(1.5-2j, '^14'), format(3+4j,'.2f'), format(3+4j,'.3'), format(0j+2j, '8'), format(3+4j, '+'), format(-0.0+1j, ''))
print(format(3+4j, '*<15.3e'), format(-1-1j, ' '), format(2j, ' '), format(1e100+1e-5j, 'g'), format(1+1j, '#'), format(1+1j, 'E'))
for sp in ['08', '=10', '%', 'd', '0>9']:
    try: print(format(z, sp))
    except Exception as e: print(type(e).__name__, e)
print(f'{z}', f'{z:.2f}', f'{1.5 - 2j:>12}|', f'{z!r}')
print((-1) ** 0.5, (-8.0) ** (1/3), (-2) ** 1.5, 2 ** 0.5, (-1e300) ** 1.5 if False else 0)
try:
    print((-1e300) ** 1.5)
except Exception as e: print(type(e).__name__, e)
x = -4.0
x **= 0.5
print(x, pow(-1, 0.5), pow(-2.0, 0.5))
