"""Behaviour of textwrap, printed for comparison (see run.sh compare)."""
import textwrap
import random


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


text = ("The quick brown fox jumps over the lazy dog.  A well-known pangram -- used by "
        "type-setters since the late nineteenth century -- contains every letter. "
        "Supercalifragilisticexpialidocious words get broken! Don't they? e-mail, x-ray.")
for width in (1, 5, 10, 17, 30, 60, 200):
    show('wrap %d' % width, lambda: textwrap.wrap(text, width))
show('fill', lambda: textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
show('no hyphen break', lambda: textwrap.wrap(text, 12, break_on_hyphens=False))
show('no long break', lambda: textwrap.wrap(text, 8, break_long_words=False))
show('keep whitespace', lambda: textwrap.wrap('  a  b\tc\n d  ', 3, drop_whitespace=False))
show('tabs', lambda: (textwrap.wrap('a\tb\tc', 6), textwrap.wrap('a\tb', 20, tabsize=4),
                      textwrap.wrap('a\tb', 20, expand_tabs=False), textwrap.wrap('a\nb', 20, replace_whitespace=False)))
show('sentence endings', lambda: textwrap.wrap('Hi there. How are you? Fine! "Quoted." ok', 80, fix_sentence_endings=True))
show('max_lines', lambda: (textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=1, placeholder='~'),
                           textwrap.fill('short', 30, max_lines=1)))
show('placeholder too large', lambda: textwrap.wrap(text, 5, max_lines=1, placeholder=' [......]'))
show('bad width', lambda: textwrap.wrap('abc', 0))
show('shorten', lambda: (textwrap.shorten('Hello  world!', 12), textwrap.shorten('Hello  world!', 11),
                         textwrap.shorten(text, 50, placeholder='...'), textwrap.shorten('   ', 5)))
show('dedent', lambda: textwrap.dedent('''
    def f():
        return 1
  \t
    # end
'''))
show('dedent mixed', lambda: (textwrap.dedent('  a\n\tb\n'), textwrap.dedent('\t a\n\t  b'), textwrap.dedent('   \n  x\n')))
show('indent', lambda: (textwrap.indent('a\n\nb\n  \nc', '> '), textwrap.indent('a\nb', '+', lambda l: True),
                        textwrap.indent('x\r\ny', '#')))
w = textwrap.TextWrapper(width=15, initial_indent='>>', max_lines=3)
show('TextWrapper', lambda: (w.wrap(text), w.width, w.placeholder))
rnd = random.Random(3)
alpha = 'ab cd-ef--gh 1 2.!?"\'\t\n é_ xy-- -a-b- ,&'
for i in range(300):
    s = ''.join(rnd.choice(alpha) for _ in range(rnd.randrange(40)))
    print(i, textwrap.wrap(s, rnd.randrange(1, 12)), textwrap.TextWrapper()._split(s))
show('__all__', lambda: sorted(textwrap.__all__))
