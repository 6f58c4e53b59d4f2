# split/rsplit/splitlines/partition/strip/replace/expandtabs with CPython's corner cases.
print('a,b,,c'.split(','), 'a,b,c,d'.split(',', 2), 'a,b,c,d'.rsplit(',', 2), 'a-b-c'.rsplit('-'))
print('  a  b  c  '.split(), '  a  b  c  '.split(None, 1), '  a  b  c  '.rsplit(None, 1), ''.split(), ''.split(','))
print('a b'.split(maxsplit=0), '  a b  '.split(maxsplit=0), '  a b  '.rsplit(maxsplit=0), 'a  b'.split(' '))
print('aaa'.split('aa'), 'aaa'.rsplit('aa'), 'abcabc'.split('bc', -5), 'x'.split(sep='x', maxsplit=1))
print('a\u2003b\x1cc\x85d\xa0e'.split(), 'a\u200bb'.split())
print('l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029'.splitlines())
print('a\r\nb\n'.splitlines(True), 'a\n\nb'.splitlines(keepends=True), ''.splitlines(), '\n'.splitlines(), 'x'.splitlines(2))
print('key=value=x'.partition('='), 'key'.partition('='), 'a.b.c'.rpartition('.'), 'abc'.rpartition('x'))
print(repr('  hi \t\n'.strip()), repr('xxhixx'.strip('x')), repr('abcba'.lstrip('ab')), repr('abcba'.rstrip('ab')))
print(repr('\u3000\u2003 x \x85'.strip()), repr('..a..'.strip(None)), repr('aXa'.strip('')), repr(''.strip('abc')))
print(repr('\U0001F600a\U0001F600'.strip('\U0001F600')), repr('\U0001F601a'.strip('\U0001F600')))
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'hello'.replace('', '-'), 'hello'.replace('', '-', 3))
print('aaaa'.replace('aa', 'b'), 'abc'.replace('x', 'y'), 'abc'.replace('abc', ''), 'a$b'.replace('$', '$$'), 'ab'.replace('', '', 0))
print('abc'.replace('b', 'X', -1), 'abc'.replace('b', 'X', 0), '\U0001F600\U0001F600'.replace('', '|'))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('ab\tc\n\td'.expandtabs(tabsize=3)), repr('\t'.expandtabs(0)), repr('a\tb'.expandtabs(-1)))
print(repr('\U0001F600\tx'.expandtabs(4)), repr('a\r\tb'.expandtabs(4)))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''), 'abc'.removeprefix('abc'))
for f in (lambda: 'a'.split(''), lambda: 'a'.rsplit(''), lambda: 'a'.split(1), lambda: 'a'.partition(''),
          lambda: 'a'.rpartition(1), lambda: 'a'.strip(1), lambda: 'a'.replace('a'), lambda: 'a'.replace(1, 'b'),
          lambda: 'a'.replace('a', 'b', 'c'), lambda: 'a'.split(x=1), lambda: 'a'.split(',', 1, 2),
          lambda: 'a'.split(',', sep=','), lambda: 'a'.splitlines(True, keepends=True), lambda: 'a'.expandtabs('x'),
          lambda: 'a'.removeprefix(1), lambda: 'a'.lstrip('a', 'b'), lambda: 'a'.replace('a', 'b', count=1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
