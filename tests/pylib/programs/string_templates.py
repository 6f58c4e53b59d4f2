# string: constants, capwords, Template and Formatter.
import string
from string import Template, Formatter

print(string.ascii_uppercase[:5], string.digits, len(string.printable), repr(string.whitespace))
print(string.capwords('the  quick brown   fox'), string.capwords('a_b_c', '_'))
letter = Template('Dear $name,\nyour order #${order} ships on $day. Cost: $$${cost}.')
print(letter.substitute(name='Ann', order=42, day='Monday', cost='9.99'))
print(letter.safe_substitute(name='Bob'))
try:
    letter.substitute(name='Cy')
except KeyError as e:
    print('missing key', e)
try:
    Template('bad $ sign').substitute()
except ValueError as e:
    print('ValueError:', e)
print(Template('$x and $y and $x').get_identifiers())


class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


print(Formatter().format('{0:>5}|{name!r}|{1:.2f}', 'ab', 3.14159, name='n'))
print(Upper().format('{} and {}', 'x', 'y'))
print([(lit, field) for lit, field, _, _ in Formatter().parse('a{0}b{name}c')])
rot13 = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print('hello'.translate(rot13))
