# bytearray's mutating methods, item and slice assignment and deletion.
ba = bytearray(b'hello')
ba.append(33); ba.extend(b' wor'); ba.extend([108, 100]); ba.extend(bytearray(b'?')); ba.extend(x for x in b'!!')
print(ba, len(ba))
ba.insert(0, 62); ba.insert(-1, 45); ba.insert(100, 60); ba.insert(-100, 91)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(111); ba.reverse()
print(ba)
c = ba.copy(); c[0] = 65; ba.clear()
print(ba, c, len(ba))
b = bytearray(b'0123456789')
b[0] = 97; b[-1] = 98
b[1:3] = b'XYZ'; print(b)
b[1:4] = b''; print(b)
b[::2] = b'____'; print(b)
b[2:2] = [1, 2]; print(b)
b[5:] = memoryview(b'mv'); print(b)
b[:] = b; print(b)
b[len(b):] = bytearray(b'end'); print(b)
b[0:1] = range(65, 68); print(b)
del b[0]; print(b)
del b[1:3]; print(b)
del b[::2]; print(b)
del b[::-3]; print(b)
del b[100:]; print(b)
b += b'++'; print(b)
b *= 2; print(b)
b2 = b; b2 += bytearray(b'!'); print(b is b2, b)
e = bytearray(b'abc'); e.extend(e); print(e)
e[:] = e[::-1]; print(e)
x = bytearray(b'abc')
x[-3:] = b'Z'
print(x, x.__alloc__() >= len(x), bytearray().__alloc__())
big = bytearray()
for i in range(10000):
    big.append(i & 255)
print(len(big), big[-1], sum(big) % 1000, big.count(7), big.find(b'\x05\x06'), big.rfind(b'\x05\x06'))
big[100:9900] = b''
print(len(big), big[99], big[100])
for f in (lambda: bytearray().pop(), lambda: bytearray(b'a').pop(5), lambda: bytearray(b'a').remove(98), lambda: bytearray(b'a').remove(256),
          lambda: bytearray(b'a').append(256), lambda: bytearray(b'a').append('a'), lambda: bytearray(b'a').insert(0, 300),
          lambda: bytearray(b'a').extend(1), lambda: bytearray(b'a').extend('ab'), lambda: bytearray(b'a').extend([300]),
          lambda: bytearray(b'a').index(98), lambda: bytearray(b'abc').__setitem__(0, 256), lambda: bytearray(b'abc').__setitem__(slice(0, 2), 5),
          lambda: bytearray(b'abc').__setitem__(slice(0, 3, 2), b'x'), lambda: bytearray(b'abc').__setitem__(slice(0, 2), 'ab'),
          lambda: bytearray(b'abc').__setitem__(5, 1), lambda: bytearray(b'abc').__setitem__('x', 1), lambda: bytearray(b'abc').__delitem__(5),
          lambda: bytearray(b'a').append(), lambda: bytearray(b'a').append(1, 2), lambda: bytearray(b'a').pop(1, 2), lambda: bytearray(b'a').insert(1),
          lambda: bytearray(b'a').extend(), lambda: bytearray(b'a').remove(), lambda: bytearray(b'a').copy(1), lambda: bytearray(b'abc').__setitem__(slice(0, 2), [1, 'x']),
          lambda: bytearray(b'a').__iadd__(1)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
