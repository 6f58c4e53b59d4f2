#!/usr/bin/env python3
"""Generate the malformed-program corpus the front end is checked against.

Writes tests/frontend/fixtures/syntax_corpus.json: mutants of small pieces of the spec
programs (tests/spec), each with what CPython 3.11 does with it. The test
tests/frontend/syntax_corpus.test.ts compiles every mutant with edgepyc's front end and
compares the outcome: the same exception class and line always, and the same stderr report
(file, line, source line, caret, `Type: message`) unless the mutant is listed in
tests/frontend/fixtures/syntax_corpus_known.txt.

Run from the repository root with CPython 3.11:  python3 scripts/gen-syntax-corpus.py

A piece is a run of whole top-level statements (about 4 to 16 lines) that compiles. The
mutations are the ones malformed input is made of: a deleted, duplicated or swapped token,
an unbalanced bracket, broken indentation (an indented line, a dedented line, a tab), a
stray character and truncation. Everything is seeded, so a rerun writes the same file.

Entry format: {"id": n, "from": "area/name", "mutation": kind, "src": text,
  "ok": true}  when compile() accepts it, otherwise
  "error": {"type", "msg", "lineno", "offset", "end_lineno", "end_offset"} (the exception
  `python3 mutant.py` raises: running a file tokenizes it from a FILE*, which places some
  errors differently from compile() of a string) and "stderr": the report it prints
  (file shown as "mutant.py"; SyntaxWarnings printed before it are dropped).
"""

import io
import json
import os
import random
import subprocess
import sys
import tempfile
import tokenize
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit('gen-syntax-corpus.py: needs CPython 3.11 (the oracle)')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, 'tests', 'spec')
OUT = os.path.join(ROOT, 'tests', 'frontend', 'fixtures', 'syntax_corpus.json')
SEED = 20250311
PIECES_PER_PROGRAM = 2
MUTANTS_PER_PIECE = 2
MUTATIONS = ('delete', 'duplicate', 'swap', 'bracket', 'indent', 'stray', 'truncate')
STRAY = ['(', ')', '[', ']', '{', '}', ':', ',', '"', "'", '\\', '=', '@', '$', '?', '!',
         '`', '\t', '\u00a0', '\u20ac', 'lambda', 'yield', 'await', 'else', 'def', 'return',
         '*', '**', '.', ';', 'f"{', '0x', '1_', '09']


def spec_programs():
    out = []
    for area in sorted(os.listdir(SPEC)):
        adir = os.path.join(SPEC, area)
        if not os.path.isdir(adir):
            continue
        for f in sorted(os.listdir(adir)):
            p = os.path.join(adir, f)
            if f.endswith('.py'):
                out.append((f'{area}/{f[:-3]}', p))
            elif os.path.isdir(p) and os.path.exists(os.path.join(p, 'main.py')):
                out.append((f'{area}/{f}/main', os.path.join(p, 'main.py')))
    return out


def compiles(text):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(text, 'mutant.py', 'exec')
        return True
    except (SyntaxError, ValueError):
        return False


def pieces(text, rng):
    """Runs of whole top-level statements, 4-16 lines, that compile on their own."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, l in enumerate(lines) if l[:1] not in ('', ' ', '\t', '\n', '#', ')', ']', '}')]
    starts.append(len(lines))
    cands = []
    for a in range(len(starts) - 1):
        for b in range(a + 1, len(starts)):
            n = starts[b] - starts[a]
            if n > 16:
                break
            if n >= 4:
                cands.append((starts[a], starts[b]))
    rng.shuffle(cands)
    got = []
    for a, b in cands:
        piece = ''.join(lines[a:b])
        if piece.strip() and compiles(piece) and piece not in got:
            got.append(piece)
        if len(got) == PIECES_PER_PROGRAM:
            break
    return got


def tokens(text):
    """(start, end) character offsets of the significant tokens of a text that compiles."""
    starts = [0]
    for l in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(l))
    out = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(text).readline):
            if t.type in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
                          tokenize.ENDMARKER, tokenize.COMMENT):
                continue
            s = starts[t.start[0] - 1] + t.start[1]
            e = starts[t.end[0] - 1] + t.end[1]
            if e > s:
                out.append((s, e, t.string))
    except (tokenize.TokenError, SyntaxError):
        pass
    return out


def mutate(text, kind, rng):
    toks = tokens(text)
    if len(toks) < 3:
        return None
    if kind == 'delete':
        s, e, _ = rng.choice(toks)
        return text[:s] + text[e:]
    if kind == 'duplicate':
        s, e, _ = rng.choice(toks)
        return text[:e] + ' ' + text[s:e] + text[e:]
    if kind == 'swap':
        i = rng.randrange(len(toks) - 1)
        (a0, a1, _), (b0, b1, _) = toks[i], toks[i + 1]
        return text[:a0] + text[b0:b1] + text[a1:b0] + text[a0:a1] + text[b1:]
    if kind == 'bracket':
        br = [t for t in toks if t[2] in '()[]{}']
        if br and rng.random() < 0.5:
            s, e, _ = rng.choice(br)
            return text[:s] + text[e:]
        s, e, _ = rng.choice(toks)
        at = s if rng.random() < 0.5 else e
        return text[:at] + rng.choice('()[]{}') + text[at:]
    if kind == 'indent':
        lines = text.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        l = lines[i]
        body = l.lstrip(' \t')
        ind = l[:len(l) - len(body)]
        if not body.strip():
            return None
        r = rng.random()
        if r < 0.35:
            lines[i] = ind + ' ' * rng.choice((1, 2, 4)) + body
        elif r < 0.7 and ind:
            lines[i] = ind[:-rng.choice((1, 2, min(4, len(ind))))] + body
        elif ind:
            lines[i] = '\t' + ind[4:] + body if len(ind) >= 4 else ind + '\t' + body
        else:
            lines[i] = ' ' * rng.choice((1, 4)) + body
        return ''.join(lines)
    if kind == 'stray':
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(STRAY) + text[at:]
    if kind == 'truncate':
        s, e, _ = rng.choice(toks)
        return text[:rng.choice((s, e, (s + e) // 2))]
    raise ValueError(kind)


HOOK = """import json, sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        print('@@' + json.dumps([t.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]), file=sys.stderr)
    sys.__excepthook__(t, e, tb)
sys.excepthook = hook
"""


def run_python(text, tmp):
    """`python3 mutant.py`: the SyntaxError's attributes and the report CPython prints."""
    path = os.path.join(tmp, 'mutant.py')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    hookdir = os.path.join(tmp, 'hook')
    os.makedirs(hookdir, exist_ok=True)
    with open(os.path.join(hookdir, 'sitecustomize.py'), 'w', encoding='utf-8') as f:
        f.write(HOOK)
    env = {**os.environ, 'PYTHONDONTWRITEBYTECODE': '1', 'PYTHONPATH': hookdir}
    r = subprocess.run([sys.executable, 'mutant.py'], cwd=tmp, capture_output=True, text=True, timeout=20, env=env)
    err = r.stderr.replace(f'File "{path}"', 'File "mutant.py"')
    at = err.rfind('@@')
    attrs = json.loads(err[at + 2:err.index('\n', at)])
    report = err[err.index('\n', at) + 1:]
    return dict(zip(('type', 'msg', 'lineno', 'offset', 'end_lineno', 'end_offset'), attrs)), report


def main():
    rng = random.Random(SEED)
    entries = []
    seen = set()
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in spec_programs():
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for piece in pieces(text, rng):
                for _ in range(MUTANTS_PER_PIECE):
                    kind = rng.choice(MUTATIONS)
                    src = mutate(piece, kind, rng)
                    if src is None or src == piece or src in seen or '\0' in src:
                        continue
                    seen.add(src)
                    entry = {'id': len(entries), 'from': name, 'mutation': kind, 'src': src}
                    if compiles(src):
                        entry['ok'] = True
                    else:
                        entry['error'], entry['stderr'] = run_python(src, tmp)
                    entries.append(entry)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('[\n' + ',\n'.join(json.dumps(e, ensure_ascii=False) for e in entries) + '\n]\n')
    errors = sum(1 for e in entries if 'error' in e)
    print(f'{len(entries)} mutants ({errors} rejected by CPython) -> {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
