// Golden outputs of the interpreter's tooling commands on tests/interp/fixtures/cli/app.py:
// `edgepyc run --stats` (per-family specialization statistics on stderr), `edgepyc profile`
// (the profile file, and merging a second run into it, and --budget), and
// `edgepyc disasm --bytecode` without and with a profile (specialized instructions shown).
// The listings change whenever the compiler, the op table or the specializer changes: after
// checking the new output by eye, regenerate with `npx vitest run tests/interp/cli_golden -u`.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { EDGEPYC } from '../lib/programs.js';

const FIX = join(import.meta.dirname, 'fixtures', 'cli');
const GOLDEN = join(import.meta.dirname, 'golden');
const tmp = mkdtempSync(join(tmpdir(), 'edgepyc-cli-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const APP_OUT = "(780.0, '0123456789101112131415161718192021222324252627282930313233343536373839')\n6 abab\n190\n3 ['a', 'b']\n";

async function edgepyc(...argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await execa(EDGEPYC, argv, { cwd: FIX, reject: false, stdin: 'ignore', timeout: 30000, stripFinalNewline: false });
  return { stdout: r.stdout as string, stderr: r.stderr as string, exitCode: r.exitCode ?? -1 };
}

interface ProfileFile {
  format: string;
  version: number;
  runs: number;
  codes: Record<string, { qualname: string; ops: string[]; counts: number[]; branches: Record<string, [number, number]>; calls: Record<string, Record<string, number>> }>;
}

const readProfileFile = (p: string): ProfileFile => JSON.parse(readFileSync(p, 'utf8')) as ProfileFile;

describe('edgepyc run --stats / profile / disasm --bytecode (golden)', () => {
  test('run --stats: the program runs unchanged and the statistics go to stderr', async () => {
    const r = await edgepyc('run', '--stats', 'app.py', 'a', 'b');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(APP_OUT);
    // Hits, misses and the deoptimization of poly's `v + v`, the reason BINARY_OP failed.
    expect(r.stderr).toMatch(/^ {2}BINARY_OP .* misses +16 +deopts +1$/m);
    expect(r.stderr).toContain('failed: big int operand');
    await expect(r.stderr).toMatchFileSnapshot(join(GOLDEN, 'app.stats.txt'));
  });

  test('disasm --bytecode: the generic listing', async () => {
    const r = await edgepyc('disasm', '--bytecode', 'app.py');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Disassembly of <code poly> (app.py, line 17):');
    expect(r.stdout).not.toMatch(/_INT\b|_EXACT_ARGS/);
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'app.disasm.txt'));
  });

  const prof = join(tmp, 'app.profile');

  test('profile writes the profile, the program sees its arguments after --', async () => {
    const r = await edgepyc('profile', 'app.py', '-o', prof, '--', 'a', 'b');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(APP_OUT);
    const p = readProfileFile(prof);
    expect([p.format, p.version, p.runs]).toEqual(['edgepyc-profile', 1, 1]);
    const keys = Object.keys(p.codes);
    // Keyed by file, qualified name and a hash of the code's own bytes.
    for (const q of ['<module>', 'Point.__init__', 'Point.norm1', 'poly', 'mix']) {
      expect(keys.some((k) => new RegExp(`^app\\.py:${q.replace(/[.<>]/g, '\\$&')}@[0-9a-f]{8}$`).test(k)), q).toBe(true);
    }
    const mix = Object.values(p.codes).find((c) => c.qualname === 'mix')!;
    expect(mix.ops).toContain('LOAD_ATTR_INSTANCE');
    expect(mix.ops.some((o) => o.startsWith('BINARY_OP_') && o.endsWith('_FLOAT'))).toBe(true);
    await expect(JSON.stringify(p, null, 1) + '\n').toMatchFileSnapshot(join(GOLDEN, 'app.profile.json'));
  });

  test('profiling again merges: runs and counts add up, forms and keys stay', async () => {
    const one = readProfileFile(prof);
    const r = await edgepyc('profile', 'app.py', '-o', prof, '--', 'a', 'b');
    expect(r.exitCode).toBe(0);
    const two = readProfileFile(prof);
    expect(two.runs).toBe(2);
    expect(Object.keys(two.codes).sort()).toEqual(Object.keys(one.codes).sort());
    for (const [k, c] of Object.entries(one.codes)) {
      expect(two.codes[k].ops, k).toEqual(c.ops);
      expect(two.codes[k].counts, k).toEqual(c.counts.map((n) => 2 * n));
    }
  });

  test('disasm --bytecode --profile shows the specialized instructions', async () => {
    const r = await edgepyc('disasm', '--bytecode', '--profile', prof, 'app.py');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/COMPARE_OP_INT/);
    expect(r.stdout).toMatch(/LOAD_ATTR_INSTANCE\b/);
    await expect(r.stdout).toMatchFileSnapshot(join(GOLDEN, 'app.disasm.profiled.txt'));
  });

  test('profile --budget stops the run early and still writes the profile', async () => {
    const out = join(tmp, 'budget.profile');
    const r = await edgepyc('profile', 'app.py', '-o', out, '--budget', '200', '--', 'a', 'b');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBeLessThan(APP_OUT.length);
    const p = readProfileFile(out);
    const executed = Object.values(p.codes).reduce((n, c) => n + c.counts.reduce((a, b) => a + b, 0), 0);
    expect(p.runs).toBe(1);
    expect(executed).toBeGreaterThan(0);
    expect(executed).toBeLessThanOrEqual(201);
  });

  test('bad options and files: one line, exit code 2', async () => {
    const garbage = join(tmp, 'garbage.profile');
    const foreign = join(tmp, 'foreign.profile');
    writeFileSync(garbage, 'not json\n');
    writeFileSync(foreign, '{"format": "something-else"}');
    for (const argv of [
      ['profile', 'app.py'],
      ['profile', 'missing.py', '-o', join(tmp, 'x.profile')],
      ['profile', 'app.py', '-o', join(tmp, 'y.profile'), '--budget', 'lots'],
      ['disasm', '--bytecode', '--profile', 'nope.profile', 'app.py'],
      ['disasm', '--bytecode', '--profile', garbage, 'app.py'],
      ['build', 'app.py', '--use-profile', foreign, '-o', join(tmp, 'app')],
      ['run', '--stats', 'missing.py'],
    ]) {
      const r = await edgepyc(...argv);
      expect(r.exitCode, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')[0], argv.join(' ')).toMatch(/^edgepyc: /);
      expect(r.stderr, argv.join(' ')).not.toMatch(/\n\s+at /);
    }
  });
});
