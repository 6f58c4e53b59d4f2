# complex numbers natively: literals, arithmetic with int/float/bool, repr, abs, hash, ==.
z = 1 + 2j
w = 3 - 4j
print(z, w, repr(z), str(w))
print(z + w, z - w, z * w, z / w, z ** 2, z ** -1, z ** 0.5, 2 ** z)
print(z + 1, 1 + z, z * 2.5, 2.5 * z, z - True, True / z, -z, +z)
print(abs(w), abs(-3j), abs(1e300 + 1e300j), w.conjugate(), z.real, z.imag)
print(0j, -0j, 1j, -1j, 1e20j, 1.5e-7j, (1 + 0j), (-1 - 1j), 0.1 + 0.2j)
print(float('inf') * 1j, (float('nan') + 1j), complex.conjugate(z))
print(z == 1 + 2j, z != w, (2 + 0j) == 2, (2 + 0j) == 2.0, 2j == 2, (1 + 2j) == (1 + 3j))
print(hash(3 + 0j) == hash(3), hash(1.5 + 0j) == hash(1.5), hash(1 + 2j), hash(-1 + 0j))
print(bool(0j), bool(-0.0 + 0j), bool(1j), {1 + 1j: 'a'}[1 + 1j])
print(type(z), type(z).__name__, isinstance(z, complex), z.__class__ is complex)
acc = 0j
for k in range(1, 6):
    acc = acc * (1 + 1j) + k
print(acc, [x * 1j for x in range(3)])
for bad in [lambda: z / 0, lambda: z / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: (1e200 + 1e200j) ** 50,
            lambda: z < w, lambda: z // 2, lambda: z % 2, lambda: 10 ** 400 + 1j, lambda: ~z]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
