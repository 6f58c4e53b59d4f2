a = [1]; a.append(a); print(a)
d = {}; d['self'] = d; print(d)
t = ([],); t[0].append(t); print(t)
print([1.0, -0.0, float('inf'), float('nan'), 1e100, 1.5e-10], (1,), (), [()], {1: (2,)}, {(1, 2): [3]})
print(["a'b", 'a"b', 'a\'b"c', '\n\t\\', '\x00\x7f\x80\xff', 'é', '\u200b', '\U0001f600'])
print(repr('a') + str('b'), str([1, 'x']), str(('x',)), ascii(['é', 'ü']), ascii({'k': 'ñ'}))
print({1, 2, 3}, frozenset({'a'}) == frozenset(['a']), set(), frozenset(), [set(), frozenset()], {frozenset({1})})
class R:
    def __repr__(self): return 'R!'
class S:
    def __str__(self): return 'S!'
print([R()], R(), str(R()), str(S()), [S()] != [], f'{R()!r} {S()!s}')
class Bad:
    def __repr__(self): return 5
try: repr(Bad())
except TypeError as e: print(e)
try: print([Bad()])
except TypeError as e: print(e)
print(repr(None), repr(True), repr(1+2j), repr(-1j), repr(complex(0, -0.0)), repr(0j), repr(1e16+1j), repr(2**100))
print(repr(range(3)), repr(slice(1)), repr(slice(None, 2, 'a')), repr(...), repr(NotImplemented), repr(type), repr(int), repr(object()) [:17])
print(str(1.0), str(100.0), str(1e21), str(-1e-5), str(0.1+0.2), str(3.14159265358979), f'{1.0}', f'{0.1!r}')
x = [[1, 2], [3, 4]]; print(x, str(x), repr(x), format(x), '{}'.format(x), '%s' % (x,))
print(dict(a=1).keys(), {}.values(), {'x': [1]}.items())
print(format(12.5, ''), format(12, ''), format('ab', ''), format(None), format(True), format(1+1j))
