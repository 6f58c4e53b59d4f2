# str(): conversions, subclasses, __str__/__repr__ contracts, operators.
class A:
    def __str__(self):
        return 'A!'
class B:
    def __repr__(self):
        return 'B?'
class Bad:
    def __str__(self):
        return 1
class S(str):
    def shout(self):
        return self.upper() + '!'
print(str(1), str(-2**70), str(1.5), str(True), str(None), str([1, 'a']), str(A()), str(B()), str((1,)), str({'a': 1}))
s = S('hey')
print(s, type(s).__name__, s.shout(), s + 'x', type(s + 'x').__name__, s * 2, s[1:], type(s[1:]).__name__, len(s), s == 'hey', hash(s) == hash('hey'))
print(str(s), type(str(s)).__name__, repr(s), S(), repr(S(b'ab', 'ascii')), S(5), isinstance(s, str), s.upper(), s.split('e'))
print('ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -1, 'a' + 'b', 'abc' < 'abd', 'a' < '\U0001F600', 'b' > 'abc')
print('abc'[::-1], 'abc'[1], 'abc'[-1], '\U0001F600x'[0] == '\U0001F600', 'hello'[1:4], 'hello'[::2], 'x'.__len__(), 'ab'.__contains__('a'))
print('abc'.__getnewargs__(), 'abc'.__mod__(()), 'a'.__rmod__(1), 'ab'.__add__('c'), 'e'.__format__('>3'))
print(sorted(['b', 'A', 'a', '\xe9', 'B']), max('hello'), min('hello'), list('ab\U0001F600'), 'x'.__sizeof__() - ''.__sizeof__())
for f in (lambda: str(Bad()), lambda: 'a' * 'b', lambda: 'a' + 1, lambda: 'a' < 1, lambda: 'a'[1], lambda: 'a'['x'],
          lambda: ''.join([1]), lambda: str.__new__(int), lambda: str.__new__(5), lambda: 'a'.__add__(1),
          lambda: 'a'.__format__(1), lambda: format('a', 'd'), lambda: format('a', '+'), lambda: format('a', '=5')):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
