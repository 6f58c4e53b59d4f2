# eval() of expressions: literals, operators, names (locals, globals, builtins), calls,
# attributes, subscripts, displays, comprehensions, lambdas; the caller's namespaces.
import math

G = 10
items = [3, 1, 2]


def show(text, *ns):
    try:
        print(repr(text), '->', repr(eval(text, *ns)))
    except Exception as e:
        print(repr(text), '->', type(e).__name__ + ':', e)


for text in ['1 + 2 * 3', '2 ** 10', '2 ** -1', '-2 ** 2', '7 // 2, 7 % 3, -7 // 2, 7 / 2',
             '0x1f + 0o17 + 0b101 + 1_000', '1e3, 1.5, .5, 5., 3j, 1e-2j, 00, 0_0',
             "'a' 'b' \"c\"", "b'ab' b'\\x00\\xff'", "'\\x41\\u00e9\\101\\n\\t\\\\'",
             "r'\\n' R'\\x'", "'''tri\nple'''", '..., None, True, False',
             '1 < 2 < 3', '1 < 3 < 2', '3 > 2 == 2', 'not 1', '0 and 1 or 2', "[] or 'x'",
             '1 if G else 2', 'G in items, 1 in items, 1 not in items', 'items is items',
             'None is not None', '~5, +5, -5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 70, 1024 >> 3',
             'items[0], items[-1], items[1:], items[::-1], items[:2], items[0:3:2]',
             "'hello'.upper()", "'a,b'.split(',')", 'len(items), max(items), sorted(items)',
             'math.sqrt(16.0)', 'abs(-G)', '[1, *items, 2]', '(*items, 5)', '{*items, 4}',
             "{1: 2, **{'x': 1}}", "{'a': 1, 'b': [1, 2]}", '()', '[]', '{}', '(1,)', '(1)',
             '[x * 2 for x in items]', '[x for x in items if x > 1]',
             "[(x, y) for x in items for y in 'ab' if x != 2]", '{x: x * x for x in items}',
             '{x % 2 for x in items}', 'list(x + 1 for x in items)', 'sum(x for x in items)',
             '[(a, b) for a, b in [(1, 2), (3, 4)]]', '[(a, c) for a, *c in [(1, 2, 3)]]',
             '(lambda x, y=2: x + y)(1)', '(lambda *r, **k: (r, k))(1, 2, z=3)',
             '(lambda: G)()', "dict(a=1, **{'b': 2})", 'print(1, 2, sep="-")',
             'type(3j).__name__, type(1e3).__name__, type(1).__name__', 'G.real',
             '\t  G + 1', 'G\n', '(G +\n 1)', 'G \\\n + 2', 'G # comment',
             'eval("1 + 1")', "items[1:2, 3] if False else 'skip'"]:
    show(text)

# Errors raised by the evaluated code carry CPython's messages.
for text in ['1 < "a"', '1 > "a"', '1 <= "a"', '1 >= "a"', 'None < 1', 'undefined_name',
             '(1, 2)[5]', '1 / 0', "int('x')", "'s'.nope", "{}['k']", '[*1]', '{**1}',
             'len(1)', 'items(1)', '(lambda x: x)()', '(lambda x: x)(1, 2)',
             '[a for a, b in [(1,), (3, 4)]]', '[a for a, b in [1]]']:
    show(text)

# Syntax errors: type and message.
for text in ['', '1 +', '(', ')', '1 2', "'abc", '*a, 1', 'x = 1', '01', '1_', '0x',
             'a if b', '[1, 2', "f(**a, *b)", 'f(a=1, b)', 'a.1', "'a' b'c'", 'not',
             '1;', 'yield 1', '[x for x in]', '0b102', '0o8', 'a[]', 'f(a=1, a=2)',
             '{1: 2, 3}', '(*a)', '$', '1 if 2', '\n 1']:
    try:
        eval(text)
    except SyntaxError as e:
        print(repr(text), type(e).__name__, e.msg, e.lineno)


def function_scope(a, b=2):
    c = a + b

    def inner():
        return c
    # Locals (with cells), then globals, then builtins.
    print(eval('a, b, c, G, len'))
    print(eval('[c for _ in range(2)]') if False else eval('[x + 1 for x in (a, b)]'))
    try:
        # Comprehension bodies read globals, not the function's locals (as CPython).
        eval('[c for _ in range(2)]')
    except NameError as e:
        print('NameError:', e)
    return inner


function_scope(1)


class K:
    attr = 5
    seen = eval('attr + G')


print(K.seen)

# Explicit namespaces.
show('x + y', {'x': 1}, {'y': 2})
show('x + y', {'x': 1, 'y': 5})
show('len', {'__builtins__': {'len': 'mine'}})
show('x', None, {'x': 7})
show('y', {}, {'x': 7})
show(b'1 + 1')
show(bytearray(b'2 * 3'))
for bad in [(1, None), ('1', 1), ('1', {}, 1), ('1', [])]:
    try:
        eval(bad[0], bad[1]) if len(bad) == 2 else eval(bad[0], bad[1], bad[2])
    except TypeError as e:
        print('TypeError:', e)
try:
    eval()
except TypeError as e:
    print('TypeError:', e)
try:
    eval('1', {}, {}, {})
except TypeError as e:
    print('TypeError:', e)
try:
    eval('1', globals={})
except TypeError as e:
    print('TypeError:', e)
