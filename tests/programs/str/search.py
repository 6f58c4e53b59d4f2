# find/rfind/index/rindex/count/startswith/endswith: start/end in code points,
# None and __index__ bounds, tuples of prefixes, astral characters.

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.rfind('the'), s.find('cat'), s.find('o'), s.rfind('o'))
print(s.find(''), s.rfind(''), s.find('', 100), s.rfind('', 5, 3), s.find('', 43), s.find('', 44))
print(s.find('o', 13), s.find('o', 13, 17), s.find('o', -10), s.find('o', None, -30), s.find('o', Idx(20)))
print(s.index('quick'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''), s.count('', 40), s.count('', 50))
print(s.count('o', 0, 15), s.count('o', -5), s.count('', 3, 3), s.count('', 5, 2))
print('aaaa'.count('aa'), 'aaaa'.find('aa', 1), 'aaaa'.rfind('aa'), 'aaaa'.rfind('aa', 0, 3))
print(s.startswith('the'), s.startswith('quick', 4), s.startswith('quick', 4, 8), s.endswith('dog'), s.endswith('lazy', 0, -4))
print(s.startswith(('a', 'b', 'th')), s.endswith(('x', 'og')), s.startswith(()), 'abc'.startswith('', 3), 'abc'.startswith('', 4))
print('abc'.endswith('', 2, 1), 'abc'.endswith('c', -1), 'abc'.endswith('bc', Idx(1), Idx(3)), 'x'.startswith('x', -100, 100))
for big in (2**70, -2**70):
    print(s.find('t', big), s.find('t', 0, big), s.count('o', -big), s.startswith('t', big))

# Astral characters count as one code point each.
a = 'x\U0001F600y\U0001F600z'
print(len(a), a.find('y'), a.find('\U0001F600'), a.rfind('\U0001F600'), a.find('z', 4), a.count('\U0001F600'))
print(a.index('z'), a.rindex('y', 0, 3), a.startswith('y', 2), a.endswith('\U0001F600', 0, 4), a.find('\U0001F600', 2))
print(a.find('\ud83d'), a.count('\ude00'), a.replace('\ude00', '!') == a, a.partition('\ud83d')[1:])

for f in (lambda: s.index('cat'), lambda: s.rindex('cat'), lambda: s.find(1), lambda: s.count(None),
          lambda: s.find('a', 'b'), lambda: s.find('a', 1.5), lambda: s.startswith(1),
          lambda: s.endswith(('a', 1)), lambda: s.startswith(['a']), lambda: s.find(),
          lambda: s.find('a', 1, 2, 3), lambda: s.count(sub='a'), lambda: str.find(1, 'a'),
          lambda: str.count()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(s.startswith(('the', 1)))
print('in' in 'string', '' in 'abc', 'x' in '')
try:
    1 in 'abc'
except TypeError as e:
    print(e)
