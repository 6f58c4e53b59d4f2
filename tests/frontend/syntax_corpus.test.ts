// Malformed programs against CPython: a checked-in corpus of mutated pieces of the spec
// programs (deleted, duplicated and swapped tokens, unbalanced brackets, broken
// indentation, stray characters, truncation; scripts/gen-syntax-corpus.py made it with
// python3 and recorded what `compile()` and `python3 mutant.py` do with each one).
//
// Every mutant must come out of the front end as CPython's does: compiled when CPython
// compiles it, otherwise a CompileError of the same class on the same line, never a JS
// exception. (CPython's outcome is that of `python3 mutant.py`, which tokenizes a file and
// places a few errors differently from `compile()` of a string.) The message, the 1-based
// offset and the rendered report (file, line, source line, caret, `Type: message`) must
// equal CPython's too, except for the mutants listed with a reason in
// fixtures/syntax_corpus_known.txt; that list may only shrink (a listed mutant that now
// matches fails the test until it is removed).

import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError, renderCompileError, syntaxErrorInfo } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { setUnicodeNameLookup } from '../../src/frontend/strlit.js';
import { lookupName } from '../../src/unicode/index.js';

setUnicodeNameLookup(lookupName);

interface Entry {
  id: number;
  from: string;
  mutation: string;
  src: string;
  ok?: true;
  error?: { type: string; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number };
  stderr?: string;
}

const FIX = join(import.meta.dirname, 'fixtures');
const corpus: Entry[] = JSON.parse(readFileSync(join(FIX, 'syntax_corpus.json'), 'utf8'));

/**
 * Known differences, one per line: `ID report REASON` (the report differs) or
 * `ID outcome REASON` (a deliberate difference in what is accepted, e.g. 3.12 syntax);
 * `#` starts a comment.
 */
function knownDifferences(): Map<number, { kind: 'report' | 'outcome'; reason: string }> {
  const out = new Map<number, { kind: 'report' | 'outcome'; reason: string }>();
  for (const line of readFileSync(join(FIX, 'syntax_corpus_known.txt'), 'utf8').split('\n')) {
    const m = /^(\d+)\s+(report|outcome)\s+(\S.*)$/.exec(line.trim());
    if (m) out.set(Number(m[1]), { kind: m[2] as 'report' | 'outcome', reason: m[3] });
    else if (line.trim() !== '' && !line.trim().startsWith('#')) throw new Error(`syntax_corpus_known.txt: bad line: ${line}`);
  }
  return out;
}
const known = knownDifferences();

type Outcome = { kind: 'ok' } | { kind: 'error'; cls: string; line: number; msg: string; offset: number; report: string } | { kind: 'crash'; what: string };

function frontEnd(src: string): Outcome {
  const source = new Source('mutant.py', src);
  try {
    compileModule(source);
    return { kind: 'ok' };
  } catch (e) {
    if (!(e instanceof CompileError)) return { kind: 'crash', what: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    const info = syntaxErrorInfo(e);
    return { kind: 'error', cls: info.cls, line: info.lineno, msg: info.msg, offset: info.offset, report: renderCompileError(e) };
  }
}

describe('front end on the CPython-checked malformed corpus', () => {
  const results = corpus.map((c) => ({ c, got: frontEnd(c.src) }));

  test(`${corpus.length} mutants: no JS exception, same outcome, class and line as CPython`, () => {
    const bad: string[] = [];
    for (const { c, got } of results) {
      if (known.get(c.id)?.kind === 'outcome') continue;
      if (got.kind === 'crash') bad.push(`#${c.id} (${c.from}, ${c.mutation}): crashed: ${got.what.split('\n').slice(0, 3).join(' | ')}`);
      else if (c.ok && got.kind !== 'ok') bad.push(`#${c.id}: CPython compiles it, edgepyc says ${got.kind === 'error' ? got.report.trim().split('\n').pop() : ''}`);
      else if (c.error && got.kind === 'ok') bad.push(`#${c.id}: CPython says ${c.error.type}: ${c.error.msg} (line ${c.error.lineno}), edgepyc compiles it`);
      else if (c.error && got.kind === 'error' && (got.cls !== c.error.type || got.line !== c.error.lineno)) {
        bad.push(`#${c.id}: CPython ${c.error.type} line ${c.error.lineno}: ${c.error.msg}; edgepyc ${got.cls} line ${got.line}`);
      }
    }
    expect(bad.join('\n'), `${bad.length} of ${corpus.length} mutants differ`).toBe('');
  });

  test('message, offset and the stderr report equal CPython\'s, except for listed known differences', () => {
    const bad: string[] = [];
    let compared = 0;
    for (const { c, got } of results) {
      if (!c.error || got.kind !== 'error') continue;
      compared++;
      const same = got.report === c.stderr && got.msg === c.error.msg && got.offset === c.error.offset;
      if (!same && !known.has(c.id)) {
        bad.push(`#${c.id} (${c.from}, ${c.mutation}): CPython offset ${c.error.offset}, edgepyc ${got.offset}\n--- CPython\n${c.stderr}--- edgepyc\n${got.report}`);
      } else if (same && known.has(c.id)) {
        bad.push(`#${c.id} now matches CPython: remove it from syntax_corpus_known.txt`);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(bad.slice(0, 8).join('\n'), `${bad.length} reports differ`).toBe('');
  });
});
