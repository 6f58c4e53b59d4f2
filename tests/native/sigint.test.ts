// SIGINT in compiled programs (runtime/core/signals.ts, the EVAL_BREAKER pieces of
// src/native/stitch.ts): each SIGINT raises KeyboardInterrupt at the next backward jump, so
// `except` and `finally` see it; uncaught, it prints CPython's traceback and exits with 130
// (CPython itself ends by the signal: 128 + SIGINT to a shell). Expected stdout and stderr
// are CPython's (tests/native/sigint/regen.ts). Built ELF and in-process JIT both.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { runInterrupted } from './sigint/drive.js';

const dir = join(new URL('.', import.meta.url).pathname, 'sigint');
const edgepyc = join(dir, '..', '..', '..', 'bin', 'edgepyc');
const py = join(dir, 'loops.py');
const expectedOut = readFileSync(join(dir, 'loops.out'), 'utf8');
const expectedErr = readFileSync(join(dir, 'loops.err'), 'utf8');

function check(r: { stdout: string; stderr: string; code: number | null }): void {
  expect(r.stdout).toBe(expectedOut);
  expect(r.stderr.replaceAll(py, 'loops.py')).toBe(expectedErr);
  expect(r.code).toBe(130);
}

test('built executable: KeyboardInterrupt caught, through finally, then uncaught with status 130', async () => {
  const exe = join(tmpdir(), `edgepyc-sigint-${process.pid}`);
  await execa(edgepyc, ['build', py, '-o', exe]);
  check(await runInterrupted(exe, []));
}, 60000);

test('run --jit: the same, in-process', async () => {
  check(await runInterrupted(edgepyc, ['run', '--jit', py]));
}, 60000);
