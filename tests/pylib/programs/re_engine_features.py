# re: lookarounds, atomic groups, possessive quantifiers, conditionals, backreferences,
# greedy vs lazy, empty-match rules, and long subjects (no recursion per character).
import re

def show(pattern, subject, flags=0):
    m = re.search(pattern, subject, flags)
    print('%-28r %-18r' % (pattern, subject), None if m is None else (m.span(), m.groups()))

show(r'\w+(?=:)', 'key: value')
show(r'(?<!\$)\b\d+\b', '$10 and 20')
show(r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $42.50')
show(r'(?=(\w))\w+(?<=(\w))', 'hello')
show(r'^(?!.*password).*$', 'my secret')
show(r'(?>a+)ab', 'aaab')
show(r'(?>a+|b)c', 'aac')
show(r'a++b', 'aaab')
show(r'a*+a', 'aaa')
show(r'(?:ab)*+ab', 'ababab')
show(r'"[^"]*+"', 'say "hi" now')
show(r'(<)?\w+(?(1)>|$)', '<tag>')
show(r'(<)?\w+(?(1)>|$)', 'plain')
show(r'(?P<q>[\'"])?\w+(?(q)(?P=q))', "'quoted'")
show(r'(\w)\1', 'abccd')
show(r'(?i)(\w)\1', 'aA')
show(r'\b(\w+)\s+\1\b', 'this is is a test')
show(r'(a|b)*c', 'ababc')
show(r'(a*)*b', 'aaab')
show(r'(a|)+b', 'aab')
show(r'(?:(a)|b)+', 'aba')
show(r'(a)|(b)|(c)', 'c')
show(r'x{2,3}?', 'xxxx')
show(r'<.+?>', '<a><b>')
show(r'<.+>', '<a><b>')
show(r'(?s)<!--.*?-->', 'x<!--a\nb-->y-->')
print(re.findall(r'a*?', 'aa'), re.findall(r'a|', 'aba'), re.findall(r'\b|x', 'x y'))
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'', '.', 'ab'), re.split(r'x*', 'axbc'))
print([m.span() for m in re.finditer(r'(?=(\w\w))', 'abcd')], re.findall(r'(?=(\w\w))', 'abcd'))
print(re.fullmatch(r'a|ab', 'ab').group(), re.match(r'a|ab', 'ab').group(), re.fullmatch(r'a*?', 'aaa').group())

# Long subjects: the engine keeps its backtracking state off the call stack.
n = 100000
s = 'ab' * (n // 2)
print(re.match(r'(a|b)*', s).end(), re.match(r'(?:a|b)*?$', s).end())
print(re.match(r'(ab)*', s).span(1), re.fullmatch(r'(?:a(?=b)b)+', s) is not None)
print(len(re.findall(r'ab', s)), len(re.sub(r'a', '', s)), len(re.split(r'b', s)))
print(re.search(r'(x+x+)+y', 'x' * 20) is None)
print(re.match(r'(?:(a)|b)*', s).span(1), re.match(r'.*b$', s).end())
text = ('word ' * 20000) + 'end'
print(len(re.findall(r'\w+', text)), re.search(r'\bend\b', text).span())
print(re.match(r'((?:a|b)+?)b$', s).end(1), re.search(r'(\w+)\s+end', text).span(1))
