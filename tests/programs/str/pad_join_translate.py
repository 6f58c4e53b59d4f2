# center/ljust/rjust/zfill, join, translate and maketrans.
for w in ['a', 'ab', 'abc', '', '\U0001F600']:
    print('[' + w.center(6) + ']', '[' + w.center(5, '*') + ']', '[' + w.ljust(4, '.') + ']', '[' + w.rjust(4, '\u00b7') + ']', '[' + w.center(1) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+'.zfill(3), ''.zfill(2), 'abc'.zfill(-1), '--'.zfill(4), 'x'.zfill(True))
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ', '.join(str(i) for i in range(5)), '.'.join(('one',)))
print('\U0001F600'.join(['a', 'b']), 'x'.join({'k': 1}), ''.join(map(str, range(3))))
class S(str):
    pass
print('+'.join([S('a'), 'b']), type('+'.join([S('a')])).__name__)
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'abcdd'.translate(t))
print(sorted(str.maketrans({'a': 'A', 98: None, 'c': 99}).items()))
print('Hello'.translate({ord('l'): None, ord('H'): 'J', 111: 48}), 'abc'.translate({}), 'abc'.translate({97: '\U0001F600'}))
class Table:
    def __getitem__(self, k):
        if k == 97:
            return 'A'
        if k == 98:
            raise LookupError
        raise IndexError
print('abcabc'.translate(Table()), 'xyz'.translate([None, 'x'] * 100))
for f in (lambda: 'a'.center(), lambda: 'a'.center('x'), lambda: 'a'.center(5, 1), lambda: 'a'.center(5, 'ab'),
          lambda: 'a'.center(5, fillchar='x'), lambda: 'a'.ljust(1.5), lambda: 'a'.zfill(), lambda: 'a'.join(1),
          lambda: 'a'.join([1]), lambda: 'a'.join(['a', b'x']), lambda: 'a'.join(), lambda: 'a'.translate({97: 1.5}),
          lambda: 'a'.translate({97: 0x110000}), lambda: 'a'.translate(1), lambda: str.maketrans(),
          lambda: str.maketrans(1), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({1.5: 1}),
          lambda: str.maketrans('ab', 'c'), lambda: str.maketrans('a', 'b', 1), lambda: str.maketrans(1, 'b'),
          lambda: 'a'.center(2**70), lambda: 'a' * 2**70, lambda: 'a'.rjust(-1)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
