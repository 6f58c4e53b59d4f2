// stackDepths: recomputed depths agree with the compiler's stacksize and never go negative,
// on every program of the spec suite.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stackDepths } from '../src/bytecode/depths.js';
import type { CodeObject } from '../src/bytecode/code.js';
import { compileModule } from '../src/compiler/codegen.js';
import { Source } from '../src/frontend/source.js';
import { findPrograms } from './lib/programs.js';

function* allCodes(co: CodeObject): Generator<CodeObject> {
  yield co;
  for (const c of co.consts) if (typeof c === 'object' && c !== null && 'k' in c && c.k === 'code') yield* allCodes(c.code);
}

describe('stack depths', () => {
  const programs = findPrograms('tests/spec');
  test('the suite is there', () => expect(programs.length).toBeGreaterThan(100));
  test.each(programs.map((p) => p.py))('%s', (path) => {
    let co: CodeObject;
    try {
      co = compileModule(new Source(path, readFileSync(path, 'utf8')));
    } catch (e) {
      // Only programs that are meant to fail to compile may throw, and only with a diagnostic.
      expect((e as Error).constructor.name).toBe('CompileError');
      return;
    }
    for (const c of allCodes(co)) {
      const d = stackDepths(c);
      let max = 0;
      for (let i = 0; i < d.length; i++) max = Math.max(max, d[i]);
      expect(max).toBeLessThanOrEqual(c.stacksize);
      expect(d[0]).toBe(0);
    }
  });
});
