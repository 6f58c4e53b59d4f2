// Direct calls between compiled functions (templates/calls.ts CALL_PY_EXACT_ARGS, the int
// entry of stitch.ts, the countdown depth of templates/frame.ts) and what a small program
// links (runtime pruning: runtime/core/methods.ts builtins_names).
//
// tests/programs/native_calls/direct_calls.py is trained with `train` (one callee per site,
// small-int arguments) and then run without it: the called globals are rebound to other
// functions and closures, floats and big ints reach int-specialized functions, and the
// recursion limit is lowered and raised. It is compared with CPython (NAME.out) natively,
// under EDGEPYC_GC_STRESS=1 (the rooted call-site caches) and with `run --jit`. The
// structural checks read the built program's chunks.

import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { linkElf } from '../../src/native/build.js';
import { compileNative } from '../../src/native/command.js';
import { readProfile } from '../../src/interp/profile.js';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const DIR = join(ROOT, 'tests', 'programs', 'native_calls');
const OUT = join(tmpdir(), `edgepyc-direct-calls-${process.pid}`);

describe('direct calls with a profile', () => {
  test('direct_calls.py matches CPython natively, under GC stress and with --jit', async () => {
    mkdirSync(OUT, { recursive: true });
    const exe = join(OUT, 'direct_calls');
    const b = await execa(EDGEPYC, ['build', 'direct_calls.py', '-o', exe, '--profile', '--', 'train'], { cwd: DIR, reject: false, timeout: 180000 });
    expect(b.exitCode, b.stderr as string).toBe(0);
    const want = readFileSync(join(DIR, 'direct_calls.out'), 'utf8');
    for (const env of [{}, { EDGEPYC_GC_STRESS: '1' }]) {
      const r = await execa(exe, [], { cwd: DIR, reject: false, timeout: 180000, stripFinalNewline: false, env });
      expect(r.stdout, JSON.stringify(env)).toBe(want);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
    }
    const j = await execa(EDGEPYC, ['run', '--jit', '--use-profile', `${exe}.profile`, 'direct_calls.py'], { cwd: DIR, reject: false, timeout: 180000, stripFinalNewline: false });
    expect(j.stdout).toBe(want);
    expect(j.exitCode).toBe(0);

    // The recursive sites of fib call its int entry, past the guard of n, and cache the
    // function object in a rooted word.
    const program = compileNative(join(DIR, 'direct_calls.py'), readProfile(`${exe}.profile`));
    expect(program).not.toBeNull();
    const fib = program!.functions.find((f) => f.code.qualname === 'fib')!;
    const chunk = fib.stitched.chunk;
    const ints = chunk.symbols.find((s) => s.name === `${fib.entry}.ints`);
    expect(ints).toBeDefined();
    expect(ints!.offset).toBeGreaterThan(0);
    expect(chunk.relocs.filter((r) => r.symbol === `${fib.entry}.ints`).length).toBeGreaterThanOrEqual(2);
    expect(chunk.relocs.some((r) => r.symbol === 'rt_root_caches')).toBe(true);
    rmSync(OUT, { recursive: true, force: true });
  }, 600000);
});

describe('what print("hello") links', () => {
  test('no builtins dict and no builtin it does not name; the executable stays under its bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgepyc-hello-'));
    try {
      const py = join(dir, 'hello.py');
      writeFileSync(py, 'print("hello")\n');
      const program = compileNative(py, null);
      expect(program).not.toBeNull();
      const names = new Set(program!.chunks.map((c) => c.name));
      expect(names.has('rt:bfn_print')).toBe(true);
      // NameError suggestions read builtins_names (the names only), not the dict.
      expect(names.has('rt:builtins_names')).toBe(true);
      for (const absent of ['rt:builtins_dict', 'rt:bfn_sorted', 'rt:bfn_eval']) expect(names.has(absent), absent).toBe(false);
      const elf = linkElf(program!, py);
      // 608 KB before the builtins dict left the NameError path, 484 KB after (docs/native.md).
      expect(elf.bytes.length).toBeLessThan(520_000);
      const exe = join(dir, 'hello');
      writeFileSync(exe, elf.bytes, { mode: 0o755 });
      const r = await execa(exe, [], { cwd: dir, reject: false, timeout: 60000 });
      expect(r.stdout).toBe('hello');
      expect(r.exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300000);
});
