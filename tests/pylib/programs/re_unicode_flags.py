# re: Unicode categories, case-insensitive matching beyond ASCII, flags and their reprs,
# bytes patterns, escape(), Pattern/Match reprs and attributes.
import re

print(re.findall(r'\w+', 'héllo wörld ça va? Привет мир, γειά σου'))
print(re.findall(r'\w+', 'héllo wörld ça va?', re.ASCII))
print(re.findall(r'\d+', 'ascii 123, arabic-indic ١٢٣, devanagari ४५'), re.findall(r'\d+', '١٢٣ 45', re.A))
print(re.findall(r'\s+', 'a\u2003b\u00a0c d'), len(re.findall(r'\s', 'a\u2003b\u00a0c d', re.A)))
print(re.findall(r'(?i)straße', 'STRASSE Straße STRAẞE'), re.findall(r'(?i)σ', 'Σσς'))
print(re.findall(r'(?i)[а-я]+', 'ПРИВЕТ мир'), re.findall(r'(?i)ǆ', 'ǄǅǆDž'))
print(re.match(r'(?i)k', '\u212a') is not None, re.match(r'(?i)k', '\u212a', re.A) is not None)
print(re.match('(?i)\u00e9', '\u00c9') is not None, re.match('(?i)\u00e9', '\u00c9', re.A) is not None)
print(re.findall(r'(?i)[^a-z]', 'aBc-D\u212a'), re.findall(r'\bé\w*', 'été élan'))
print(re.sub(r'(?i)ω', 'o', 'Ω ω \u2126'), re.findall(r'[\u0370-\u03ff]+', 'abc αβγ def'))

for flags in [re.I, re.I | re.M, re.S | re.X, re.A, re.U, re.NOFLAG, re.I | re.M | re.S | re.X | re.A]:
    print(repr(flags), str(flags), int(flags), flags.name)
print(repr(~re.I), repr(re.RegexFlag(0)), re.I | re.M == 10, re.M in (re.I | re.M), list(re.I | re.S))
print(repr(re.RegexFlag), list(re.RegexFlag)[:3], re.RegexFlag['MULTILINE'], re.RegexFlag(16))
for p in [re.compile('a'), re.compile('a+', re.I), re.compile('(?ms)^x', re.X), re.compile(b'[a-z]', re.I),
          re.compile('b', re.A), re.compile("it's")]:
    print(repr(p), p.flags, p.groups, p.groupindex)
p = re.compile(r'(?P<y>\d{4})-(?P<m>\d\d)')
print(p.pattern, p.groups, p.groupindex, p.groupindex['m'], len(p.groupindex), 'y' in p.groupindex)
m = p.search('date: 2024-03!')
print(repr(m), m.span(), m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.re is p, m.string)
print(repr(re.match('.*', 'x' * 70)), repr(re.match(b'\\w+', b'bytes!')))
print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l m#n&o~p-q'), re.escape(b'1.5'), re.escape('ünï'))

# bytes patterns use ASCII rules
print(re.findall(rb'\w+', 'caf\u00e9 ok'.encode('latin-1')), re.findall(rb'(?i)caf\xc9', b'CAF\xe9 caf\xc9'))
print(re.sub(rb'(\w+)@(\w+)', rb'\2 at \1', b'joe@host'), re.split(rb',\s*', b'a, b,c'))
m = re.search(rb'(?P<k>\w+)=(?P<v>\w*)', b'x k=v')
print(m.groupdict(), m.group(0), m.expand(rb'\g<v>:\g<k>'), m.span('v'))

# compile cache and purge
a = re.compile(r'cache\d')
print(a is re.compile(r'cache\d'), re.compile(a) is a)
re.purge()
print(re.compile(r'cache\d') == a, re.compile(r'cache\d', re.I) == a)
