"""Differential fuzzer: edgepyc's runtime/lib/re against CPython's re, in one process.

Usage: python3 tests/pylib/re_fuzz.py [COUNT] [SEED]

A development tool (not run by CI): it loads runtime/lib/re under the name `edgere`,
generates random patterns from a grammar covering the whole syntax (including invalid
ones) and random subjects over a small alphabet, and prints every case where the two
modules disagree on compile errors, search/match/fullmatch results, findall, split or
sub.  Exit status 1 if any case differs.
"""
import importlib.util
import random
import re
import sys
import warnings

warnings.simplefilter('ignore')
_LIB = __file__.rpartition('/')[0] + '/../../runtime/lib/re'
_spec = importlib.util.spec_from_file_location('edgere', _LIB + '/__init__.py',
                                               submodule_search_locations=[_LIB])
edgere = importlib.util.module_from_spec(_spec)
sys.modules['edgere'] = edgere
_spec.loader.exec_module(edgere)

ALPHABET = 'abcAB \n1_-\u00e9\u212a'
ATOMS = ['a', 'b', 'c', 'A', '.', '\\w', '\\W', '\\d', '\\s', '\\b', '\\B', '^', '$', '\\A', '\\Z',
         '[ab]', '[^a]', '[a-c]', '[\\w-]', '[^\\s]', 'x', '\\n', ' ', '1', '\u00e9', 'k', '(?i:a)',
         '\\1', '\\2', '(?P=n)', '[]a]', '(?#c)', '[', ')', '(', '*', '\\', '(a|)', '(|b)',
         '(a*)', '(?:ab|a)', 'aa', '(b?)']
QUANTS = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{,2}', '{2,}', '*+', '++',
          '?+', '{1,3}?', '{0}', '{1}']


def gen(rng, depth=0):
    parts = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if depth < 3 and r < 0.25:
            kind = rng.choice(['(', '(?:', '(?P<n>', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?(1)',
                               '(?i)', '(?s:', '(?m:', '(?x:'])
            if kind == '(?i)':
                item = kind
            else:
                inner = gen(rng, depth + 1)
                if rng.random() < 0.3:
                    inner += '|' + gen(rng, depth + 1)
                item = kind + inner + ')'
        else:
            item = rng.choice(ATOMS)
        parts.append(item + rng.choice(QUANTS))
    return ''.join(parts)


def outcome(mod, pattern, subject, flags):
    try:
        p = mod.compile(pattern, flags)
    except Exception as e:
        return ('compile', type(e).__name__, str(e))
    out = []
    for name in ('search', 'match', 'fullmatch'):
        try:
            m = getattr(p, name)(subject)
            out.append(None if m is None else (m.span(), m.groups(), m.lastindex, m.lastgroup,
                                               [m.span(i) for i in range(p.groups + 1)]))
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    for thunk in (lambda: p.findall(subject), lambda: p.split(subject),
                  lambda: p.subn('<\\g<0>>' if isinstance(subject, str) else b'<\\g<0>>', subject)):
        try:
            out.append(thunk())
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    bad = 0
    for i in range(count):
        pattern = gen(rng)
        if rng.random() < 0.25:
            pattern = rng.choice(['\\w+', '[ab]+?', 'a++', '\\S+', '(\\w+)', '.+', '[^a]+',
                                  '(?i)a+', 'b*', '[a-c]{2,}']) + pattern
        flags = rng.choice([0, 0, 0, re.I, re.M, re.S, re.A, re.I | re.M, re.X, re.I | re.A])
        alphabet = ALPHABET if i % 2 else 'aab'
        subject = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        if i % 5 == 4:
            # bytes pattern and subject (characters outside latin-1 dropped)
            pattern = pattern.encode('latin1', 'ignore')
            subject = subject.encode('latin1', 'ignore')
        want = outcome(re, pattern, subject, flags)
        got = outcome(edgere, pattern, subject, flags)
        if want != got:
            bad += 1
            print('DIFF %r %r flags=%d' % (pattern, subject, flags))
            print('   want', want)
            print('   got ', got)
            if bad > 30:
                break
    print('%d cases, %d differ' % (count, bad))
    sys.exit(1 if bad else 0)


main()
