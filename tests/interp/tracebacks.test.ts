// Uncaught-exception reports must be byte-for-byte CPython 3.11's: every tb_*.py program in
// tests/programs/errors, and every program in tests/programs/syntax (SyntaxError reports:
// source line, caret range, message), has a NAME.stderr fixture (gen-stderr.sh, python3)
// holding the complete stderr (traceback entries, PEP 657 carets, chained exceptions,
// exception-group boxes, notes, "Did you mean" hints, sys.exit messages), which the
// interpreter's stderr must equal.

import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const PROGRAMS = join(ROOT, 'tests', 'programs');

/** Programs of `area` (matching `keep`) that have a NAME.stderr fixture. */
function withStderr(area: string, keep: (f: string) => boolean): [string, string][] {
  const dir = join(PROGRAMS, area);
  return readdirSync(dir)
    .filter((f) => keep(f) && f.endsWith('.py') && existsSync(join(dir, f.replace(/\.py$/, '.stderr'))))
    .map((f) => [dir, f]);
}

const suites = [
  ['traceback reports equal CPython 3.11 (interp)', withStderr('errors', (f) => f.startsWith('tb_'))],
  ['SyntaxError reports (file, line, text, caret, message) equal CPython 3.11', withStderr('syntax', () => true)],
] as const;

for (const [title, programs] of suites) {
  describe.concurrent(title, () => {
    test.each(programs)('%s/%s', async (dir, f) => {
      const want = readFileSync(join(dir, f.replace(/\.py$/, '.stderr')), 'utf8');
      const r = await execa(EDGEPYC, ['run', join(dir, f)], { cwd: dir, reject: false, stdin: 'ignore', timeout: 20000 });
      expect(r.stderr.split(dir).join('{dir}') + '\n').toBe(want.endsWith('\n') ? want : want + '\n');
    });
  });
}
