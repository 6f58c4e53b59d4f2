# textwrap: formatting a report.
import textwrap

intro = ("Python's textwrap module wraps and fills paragraphs of text, breaking lines at "
         "whitespace and after hyphens in well-known compound words such as state-of-the-art.")
print(textwrap.fill(intro, width=40))
print()
for line in textwrap.wrap(intro, width=30, initial_indent='- ', subsequent_indent='  '):
    print('|' + line + '|')
print(textwrap.shorten(intro, width=50), textwrap.shorten('a  b   c', 10))
code = '''
    def greet(name):
        return 'hi ' + name
'''
print(textwrap.dedent(code).strip())
print(textwrap.indent('one\ntwo\n\nthree', '> '))
print(textwrap.wrap('Supercalifragilistic', 6), textwrap.wrap('x' * 5, 3, break_long_words=False))
print(textwrap.wrap(intro, 25, max_lines=3, placeholder=' ...'))
