# re: a small tokenizer and calculator built on finditer, named groups and lastgroup.
import re

TOKEN_SPEC = [
    ('NUMBER', r'\d+(?:\.\d*)?'),
    ('ASSIGN', r':='),
    ('END', r';'),
    ('ID', r'[A-Za-z_]\w*'),
    ('OP', r'[+\-*/()]'),
    ('NEWLINE', r'\n'),
    ('SKIP', r'[ \t]+'),
    ('MISMATCH', r'.'),
]
MASTER = re.compile('|'.join('(?P<%s>%s)' % pair for pair in TOKEN_SPEC))
KEYWORDS = {'if', 'then', 'endif', 'for', 'next'}


def tokenize(code):
    line = 1
    line_start = 0
    for mo in MASTER.finditer(code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in KEYWORDS:
            kind = value.upper()
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            yield ('ERROR', repr(value), line, column)
            continue
        yield (kind, value, line, column)


program = '''total := 0;
if quantity then
    total := total + price * quantity;
    tax := price * 0.05 $;
endif;
'''
for tok in tokenize(program):
    print(tok)

# A recursive-descent evaluator over the same tokens.
def evaluate(text):
    toks = [t for t in tokenize(text)]
    pos = [0]

    def peek():
        return toks[pos[0]][1] if pos[0] < len(toks) else None

    def take():
        tok = toks[pos[0]]
        pos[0] += 1
        return tok[1]

    def atom():
        if peek() == '(':
            take()
            v = expr()
            take()
            return v
        return take()

    def term():
        v = atom()
        while peek() in ('*', '/'):
            v = v * atom() if take() == '*' else v / atom()
        return v

    def expr():
        v = term()
        while peek() in ('+', '-'):
            v = v + term() if take() == '+' else v - term()
        return v
    return expr()

for text in ['1 + 2 * 3', '(1 + 2) * 3', '10 / 4 - 1.5', '2 * (3 + 4) * 5']:
    print(text, '=', evaluate(text))

verbose = re.compile(r'''
    (?P<key>[a-z_]+)    # the key
    \s* = \s*           # an equals sign
    (?P<value>"[^"]*"|\S+)  # a quoted or bare value
''', re.VERBOSE)
for mo in verbose.finditer('name = "Ada Lovelace"  year=1843 lang = en'):
    print(mo.group('key'), '->', mo.group('value'), mo.span())
print(verbose.pattern.count('\n'), verbose.groups, sorted(verbose.groupindex.items()))
