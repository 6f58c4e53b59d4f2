# Subclasses of int natively: instances are ints of the subclass's type (arithmetic gives
# exact ints), usable as indexes, in formatting, hashing and comparisons.
class Flag(int):
    def __repr__(self):
        return f"Flag({int(self)})"


class Plain(int):
    pass


f = Flag(5)
p = Plain("12")
print(f, p, repr(p), type(f).__name__, type(p).__name__)
print(f + 1, f * p, f == 5, 5 == f, f < p, hash(f) == hash(5), -f, ~f, abs(Flag(-3)))
print(isinstance(f, int), int(f), type(int(f)).__name__, type(f + 1).__name__)
print(f"{p:04d}", format(p, 'x'), str(f), '%d' % p, bool(Flag(0)), bool(f))
print({5: 'five'}[f], [0, 1, 2, 3, 4, 5, 6][f], list(range(p))[-1])
big = Plain(2 ** 100)
print(big, big - 2 ** 100, big > 10, Plain(-7), Plain(0), Plain(True))
print(f.bit_length(), p.to_bytes(2, 'big'), Plain(2 ** 70).bit_length())
class Sub2(Plain):
    def double(self):
        return Sub2(self * 2)
print(Sub2(21).double(), type(Sub2(21).double()).__name__)


class Flags(int):
    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def __or__(self, other):
        return Flags(int(self) | int(other))

    def __repr__(self):
        return f"Flags({int(self):#x})"


A, B = Flags(1), Flags(4)
print(A | B, A | 2, 2 | A, type(2 | A).__name__, Flags(), Flags(True), Flags(2.9))
print(sorted([Flags(3), 1, Flags(2)]), max(Flags(7), 3), {Flags(1): 'a'}[1], Flags(5) in {5})
print(divmod(Flags(7), 2), Flags(7) // 2, Flags(7) % 3, Flags(2) ** 10, round(Flags(5)), int(Flags(-9)))
print(str(Flags(3)), f"{Flags(10)}", "%s %r %d %x" % (Flags(3), Flags(3), Flags(3), Flags(255)))
print(isinstance(Flags(1), int), issubclass(Flags, int), Flags.__mro__)
print('ab' * Flags(2), [1, 2] * Flags(2), (1, 2, 3)[Flags(1):], list(range(Flags(3))))
