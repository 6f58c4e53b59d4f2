# f-strings inside eval(): fields, conversions, nested format specs, '=' debugging,
# concatenation with plain literals, and their syntax errors.
b = 2
s = 'hi'
x = 3.14159
d = {'k': [1, 2]}
for text in ["f'{b}'", "f'{b=}'", "f'{b = :5}'", "f'{s!r:>{b + 6}}'", "f'{s!s}|{s!a}'",
             "f'{{}}{b}{{'", "f'{x:{b + 6}.{b}f}'", "f'a{b}c' 'd' f'{s}'", "'x' f'{b}'",
             "f'{d[\"k\"]}'", "f'{[v * 2 for v in d[\"k\"]]}'", "f'\\t{b}\\n'", "rf'\\t{b}'",
             "f'{x:.2f}'", "f'{b:08b}'", "f'{s:*^9}'", "f'''{b}\n{s}'''", "F'{b}'"]:
    print(repr(eval(text)))
for text in ["f'{1 +}'", "f'{}'", "f'{b!z}'", "f'{b'", "f'}'", "f'{#}'", "f'{)}'", "b'x' f'y'",
             "f'{b!}'"]:
    try:
        eval(text)
    except SyntaxError as e:
        print(repr(text), e.msg)
