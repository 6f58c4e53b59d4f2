// Front-end robustness: thousands of mutated versions of the spec programs (tokens
// deleted, duplicated, swapped, characters inserted, truncation) go through the lexer,
// parser, symbol tables and compiler. Every outcome must be either a compiled program or a
// CompileError carrying a Python exception class and a location inside the source; a JS
// exception or an internal compiler error is a bug.

import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError, renderCompileError } from '../../src/diagnostics.js';
import { Lexer } from '../../src/frontend/lexer.js';
import { Source } from '../../src/frontend/source.js';
import { T } from '../../src/frontend/tokens.js';
import { setUnicodeNameLookup } from '../../src/frontend/strlit.js';
import { lookupName } from '../../src/unicode/index.js';
import { findPrograms, ROOT } from '../lib/programs.js';

setUnicodeNameLookup(lookupName);

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tokenRanges(text: string): [number, number][] {
  const lx = new Lexer(new Source('<fuzz>', text));
  const out: [number, number][] = [];
  try {
    for (let i = 0; lx.kind(i) !== T.ENDMARKER && i < 100000; i++) {
      const s = lx.start(i);
      const e = lx.endOf(i);
      if (e > s) out.push([s, e]);
    }
  } catch {
    /* a program the lexer rejects still yields the tokens before the error */
  }
  return out;
}

const STRAY = ['(', ')', ':', '"', "'", '\\', '\n', '\t', ' ', '{', ']', '=', 'f"', '@', '#', '\u00a0', '€', 'lambda', 'yield', 'await', '*', '**', ','];

function mutate(text: string, toks: [number, number][], r: () => number): string {
  const pick = (): [number, number] => toks[Math.floor(r() * toks.length)];
  switch (Math.floor(r() * 6)) {
    case 0: {
      const [s, e] = pick();
      return text.slice(0, s) + text.slice(e);
    }
    case 1: {
      const [s, e] = pick();
      return text.slice(0, e) + ' ' + text.slice(s, e) + text.slice(e);
    }
    case 2: {
      const i = Math.floor(r() * (toks.length - 1));
      const [a0, a1] = toks[i];
      const [b0, b1] = toks[i + 1] ?? toks[i];
      if (b0 < a1) return text;
      return text.slice(0, a0) + text.slice(b0, b1) + text.slice(a1, b0) + text.slice(a0, a1) + text.slice(b1);
    }
    case 3:
      return text.slice(0, Math.floor(r() * text.length));
    case 4: {
      const at = Math.floor(r() * (text.length + 1));
      return text.slice(0, at) + STRAY[Math.floor(r() * STRAY.length)] + text.slice(at);
    }
    default: {
      const [s] = pick();
      return text.slice(0, s) + '\n    ' + text.slice(s);
    }
  }
}

const programs = findPrograms(join(ROOT, 'tests', 'spec'));
const MUTANTS_PER_PROGRAM = 20;

describe('front end on mutated programs', () => {
  test(`${programs.length * MUTANTS_PER_PROGRAM} mutants compile or fail with a located Python error`, () => {
    const problems: string[] = [];
    let syntaxErrors = 0;
    let compiled = 0;
    programs.forEach((p, pi) => {
      const text = readFileSync(p.py, 'utf8');
      const toks = tokenRanges(text);
      if (toks.length < 2) return;
      const r = rng(1000 + pi);
      for (let m = 0; m < MUTANTS_PER_PROGRAM; m++) {
        const mutant = mutate(text, toks, r);
        const src = new Source(`${p.name}.py`, mutant);
        try {
          compileModule(src);
          compiled++;
        } catch (e) {
          if (e instanceof CompileError) {
            syntaxErrors++;
            const d = e.diag;
            const rendered = renderCompileError(e);
            const ok =
              ['SyntaxError', 'IndentationError', 'TabError'].includes(d.cls) &&
              d.offset >= 0 && d.offset <= mutant.length &&
              /line \d+/.test(rendered) && rendered.trimEnd().endsWith(d.message);
            if (!ok) problems.push(`${p.name} mutant ${m}: bad diagnostic ${JSON.stringify(d)}`);
          } else {
            problems.push(`${p.name} mutant ${m}: ${e instanceof Error ? e.message : String(e)}\n---\n${mutant.slice(0, 400)}`);
          }
        }
      }
    });
    expect(problems.slice(0, 5).join('\n\n'), `${problems.length} mutants crashed the front end`).toBe('');
    expect(syntaxErrors).toBeGreaterThan(programs.length * MUTANTS_PER_PROGRAM * 0.3);
    expect(compiled).toBeGreaterThan(0);
  }, 120_000);
});
