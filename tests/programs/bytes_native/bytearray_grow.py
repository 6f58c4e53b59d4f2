# bytearray growth in place: appends into spare room, aliases see every mutation,
# the contents never leak into bytes objects made from it, mutators mixed with appends.
ba = bytearray()
alias = ba
snap = []
for i in range(300):
    ba.append(i % 256)
    if i in (0, 8, 9, 100, 299):
        snap.append(bytes(ba))
print(len(ba), alias is ba, len(alias), [len(s) for s in snap], snap[1], snap[2][-3:])
b = bytes(ba)
ba.append(7)
print(len(b), len(ba), b[-1], ba[-1], b == ba[:-1])
src = b'fixed'
t = bytearray()
t[:] = src
t.append(33)
t.append(34)
print(src, t, len(src))
u = bytearray(b'xy')
u += b'z'
u.append(1)
u.extend(b'..')
u.append(2)
del u[0]
u.append(3)
u.insert(0, 65)
u.append(4)
print(u, u.pop(), u, len(u))
v = bytearray(b'ab')
v *= 3
v.append(0)
print(v, v.count(0), v.find(b'\x00'))
w = bytearray()
for i in range(50):
    w.append(48 + i % 10)
    w += b'-'
print(w[:24], len(w), w.decode()[-6:], hash(bytes(w)) == hash(bytes(w[:])))
it = iter(w)
next(it)
w.clear()
print(list(it), w, len(w))
w.append(1)
print(w, w.__alloc__() >= 1)
