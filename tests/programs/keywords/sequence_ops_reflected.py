from collections import UserList, UserString
print([0] + UserList([1]), type([0] + UserList([1])).__name__, 'x' + UserString('y'), type('x' + UserString('y')).__name__)
l = [1]; l += UserList([2]); print(l, type(l).__name__)
print([1] * 3, 3 * [1], 'ab' * 2, 2 * 'ab', (1,) * 2, [1] + [2], (1,) + (2,))
for f in [lambda: [1] + (2,), lambda: 'a' + 1, lambda: [1] * 'x', lambda: 'a' * 2.0, lambda: (1,) + [2], lambda: b'a' + 'b']:
    try: f()
    except TypeError as e: print(e)
class R:
    def __radd__(self, o): return ('radd', o)
    def __rmul__(self, o): return ('rmul', o)
print([1] + R(), 'a' + R(), (1,) * R(), b'x' + R())
a = [1]; a *= 2; print(a)
s = 'q'; s += R(); print(s)
