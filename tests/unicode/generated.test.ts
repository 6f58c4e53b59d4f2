// The generated tables and fixtures are what scripts/gen-unicode.py produces today.
//
// Needs CPython 3.11 and about 20 s of CPU, so it runs only when asked:
// EDGEPYC_CHECK_GENERATED=1 npx vitest run tests/unicode/generated.test.ts
// (CI sets it on a runner with python3.11). The other tests need no Python.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PYTHON = process.env['EDGEPYC_PYTHON'] ?? 'python3';
const requested = process.env['EDGEPYC_CHECK_GENERATED'] === '1';

describe.skipIf(!requested)('generated Unicode files (EDGEPYC_CHECK_GENERATED=1)', () => {
  it('are up to date with scripts/gen-unicode.py', () => {
    const run = spawnSync(PYTHON, ['scripts/gen-unicode.py', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
