def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
l = [3, 1, 2]
t(lambda: l.append()); t(lambda: l.append(1, 2)); t(lambda: l.append(x=1)); t(lambda: l.insert(1)); t(lambda: l.insert('a', 1)); t(lambda: l.pop(10)); t(lambda: [].pop()); t(lambda: l.pop(1, 2)); t(lambda: l.pop('a'))
t(lambda: l.remove(99)); t(lambda: l.index(99)); t(lambda: l.index(1, 'a')); t(lambda: l.index()); t(lambda: l.count()); t(lambda: l.reverse(1)); t(lambda: l.sort(key=1)); t(lambda: l.extend(1)); t(lambda: l.copy(1)); t(lambda: l.clear(1))
t(lambda: l[5]); t(lambda: l['a']); t(lambda: l[2**70]); t(lambda: l[1.0]); t(lambda: l.__setitem__(9, 0)); t(lambda: l + (1,)); t(lambda: l * 'a'); t(lambda: l * 2**70); t(lambda: l < [3, 'x']); t(lambda: l < 5)
x = [1, 2, 3, 4, 5]
x[1:3] = 'ab'; print(x); x[::2] = [0, 0, 0]; print(x)
t(lambda: x.__setitem__(slice(None, None, 2), [1])); t(lambda: x.__setitem__(slice(1, 2), 5))
del x[::2]; print(x); del x[:]; print(x)
y = [1, 2, 3]; y += (4, 5); y *= 2; print(y); y[len(y):] = [9]; print(y, y.index(9), y.index(1, 1), y.index(1, -100, 100), y.count(1))
y.insert(-100, 'first'); y.insert(100, 'last'); print(y)
print(list('abc'), list({1: 2}), list(range(3)), list((1, 2)), list(), [1] == [1.0], [[1]] * 2, [1, [2, [3]]])
z = [1]; z.append(z); print(z, repr(z), str(z))
print(tuple([1, 2]), tuple('ab'), (1,) * 3, (1, 2) + (3,), (1, 2)[::-1], (1, 2, 3)[1:], (1, 2).index(2), (1, 1).count(1), ((),), (1, 2) < (1, 3), (1,) == (1.0,))
t(lambda: (1, 2)[5]); t(lambda: (1, 2)['a']); t(lambda: (1, 2).index(3)); t(lambda: (1,) + [2]); t(lambda: tuple(1)); t(lambda: tuple(1, 2)); t(lambda: hash((1, [2])))
a = [5, 3]; b = a; a += [1]; print(a is b, b)
s = [3, 1, 2]; print(s.sort(), s, sorted(s, reverse=True), s.reverse(), s)
n = [1, 2, 3]
for i in n:
    if i == 1: n.append(4)
print(n)
print(list(reversed([1, 2, 3])), [1, 2, 3][-1:-4:-1], [][::], [0] * 0, [1, 2] * -1)
class L(list):
    pass
ll = L([1, 2]); print(ll, type(ll + [3]), type(ll[:1]), type(ll.copy()), ll == [1, 2], repr(L()))
print([1, 2, 3].__len__(), [1].__contains__(1), [1, 2].__getitem__(slice(0, 1)), [].__sizeof__() > 0, [].__class__)
t(lambda: [].__hash__()); t(lambda: hash([]))
w = [1, 2, 3, 4]; w[1:3] = []; print(w); w[0:0] = [7, 8]; print(w); w[-1:] = range(3); print(w)
print(max([1, 5, 3]), min('bca'), max([(1, 'b'), (1, 'a')]), max([], default='e'), max(1, 2, key=lambda v: -v), min([[2], [1, 5]]))
print(sorted([3, 1, 2], key=None), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]), sorted([1.5, 1, True, 0.5]))
