// The native-mode test harness (tests/lib/programs.ts) builds every run's executable into a
// file of its own: several test runs share one checkout and one machine, and a run that
// executed a binary another run had just rebuilt (from another state of the working tree)
// printed other output (the "GC stress flake" of stdlib/dataclasses_basic,
// dataclasses_order_frozen and enum_basic: the binaries themselves are deterministic, see
// docs/gc.md). After the run, the binary is kept under the program's own name.

import { expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPrograms, nativeBinary, nativeBuildPath, runProgram } from '../lib/programs.js';

test('every build gets its own file; names that differ only by their separators stay apart', () => {
  const root = mkdtempSync(join(tmpdir(), 'edgepyc-harness-'));
  try {
    for (const [dir, file] of [['a', 'b_c'], ['a_b', 'c']]) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, `${file}.py`), `print(${JSON.stringify(`${dir}/${file}`)})\n`);
      writeFileSync(join(root, dir, `${file}.out`), `${dir}/${file}\n`);
    }
    const [p, q] = findPrograms(root);
    expect([p.name, q.name].sort()).toEqual(['a/b_c', 'a_b/c']);
    expect(nativeBinary(p)).not.toBe(nativeBinary(q));
    const [p1, p2, q1] = [nativeBuildPath(p), nativeBuildPath(p), nativeBuildPath(q)];
    expect(p1).not.toBe(p2);
    expect(p1.startsWith(`${nativeBinary(p)}.${process.pid}.`)).toBe(true);
    expect(p2.startsWith(`${nativeBinary(p)}.${process.pid}.`)).toBe(true);
    expect(q1.startsWith(`${nativeBinary(q)}.${process.pid}.`)).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('two programs with colliding old names run natively at once, each its own binary', async () => {
  const root = mkdtempSync(join(tmpdir(), 'edgepyc-harness-'));
  try {
    for (const [dir, file] of [['a', 'b_c'], ['a_b', 'c']]) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, `${file}.py`), `print(${JSON.stringify(`${dir}/${file}`)})\n`);
      writeFileSync(join(root, dir, `${file}.out`), `${dir}/${file}\n`);
    }
    const programs = findPrograms(root);
    const outcomes = await Promise.all(programs.map((p) => runProgram('native', p)));
    for (const o of outcomes) expect(o.why).toEqual([]);
    for (const p of programs) expect(existsSync(nativeBinary(p))).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 240000);
