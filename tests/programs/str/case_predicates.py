# Case mapping and predicates follow Unicode 14 as CPython 3.11 does.
words = ['hello world', "they're bill's", 'ǅungla', 'ΣΑΣ ΟΔΟΣ', 'ﬃ ß straße', 'İstanbul', 'ǈ', 'ÀÉÎ õü', 'mIxEd CaSe', '1st 2nd', 'ǰ']
for w in words:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), sep=' | ')
for s in ['', 'abc', 'ABC', 'Abc', 'Abc Def', 'ABC def', '123', '١٢٣', '²', '½', 'Ⅻ', 'abc1', ' \t\n', '\x1c\x1f', 'ǅ', 'A_b', '_x', '1x', 'λ', 'a\u0301', '\u00a0', 'a b', 'x\x7f', 'é', 'e\u0301', '\U0001D7D8']:
    print(repr(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(),
          s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper())
try:
    'a'.upper(1)
except TypeError as e:
    print(e)
try:
    'a'.isdigit(x=1)
except TypeError as e:
    print(e)
try:
    str.lower(5)
except TypeError as e:
    print(e)
