// The optimized copy of a function and its deopts (src/native/facts.ts, src/native/stitch.ts).
//
// The programs of tests/programs/native_facts train the profile with an argument (every
// value a small int, every loop over a range) and then run without one, where ints
// overflow into big ints mid-loop, locals change type, loops get other iterables and
// exceptions leave optimized loops: every such point leaves the optimized copy for the safe
// copy. Each is built with that profile (`build --profile -- train`) and compared with
// CPython: stdout (NAME.out), the whole stderr (NAME.stderr, tests/native/gen-facts-stderr.sh)
// and the exit code, natively, under EDGEPYC_GC_STRESS=1 and with `run --jit`. The ordinary
// unprofiled runs are tests/programs.test.ts's. A structural check reads the stitched code
// (`--emit asm`) to see that the optimized copy exists and drops the checks facts cover.

import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const DIR = join(ROOT, 'tests', 'programs', 'native_facts');
// One folder per test process: test runs of other checkouts (and of this one) at once must
// not execute each other's binaries (tests/lib/programs.ts nativeBuildPath).
const OUT = join(tmpdir(), `edgepyc-facts-tests-${process.pid}`);
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

function expected(name: string): { stdout: string; stderr: string; exit: number } {
  const exitFile = join(DIR, `${name}.exit`);
  return {
    stdout: readFileSync(join(DIR, `${name}.out`), 'utf8'),
    stderr: readFileSync(join(DIR, `${name}.stderr`), 'utf8').replaceAll('{dir}', DIR),
    exit: existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0,
  };
}

/** Build NAME with a profile from its training run; returns the executable's path. */
async function buildProfiled(name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const exe = join(OUT, name);
  const b = await execa(EDGEPYC, ['build', `${name}.py`, '-o', exe, '--profile', '--', 'train'], { cwd: DIR, reject: false, timeout: 120000 });
  expect(b.exitCode, b.stderr as string).toBe(0);
  return exe;
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe.concurrent('native_facts programs with a profile', () => {
  test.each(NAMES)('%s', async (name) => {
    const want = expected(name);
    const exe = await buildProfiled(name);
    for (const env of [{}, { EDGEPYC_GC_STRESS: '1' }]) {
      const r = await execa(exe, [], { cwd: DIR, reject: false, timeout: 120000, stripFinalNewline: false, env: { PYTHONHASHSEED: '0', ...env } });
      expect(r.stdout, `${name} ${JSON.stringify(env)} stdout`).toBe(want.stdout);
      expect(r.stderr, `${name} ${JSON.stringify(env)} stderr`).toBe(want.stderr);
      expect(r.exitCode).toBe(want.exit);
    }
    const j = await execa(EDGEPYC, ['run', '--jit', '--use-profile', `${exe}.profile`, `${name}.py`], { cwd: DIR, reject: false, timeout: 120000, stripFinalNewline: false });
    expect(j.stdout, `${name} jit stdout`).toBe(want.stdout);
    expect(j.stderr, `${name} jit stderr`).toBe(want.stderr);
    expect(j.exitCode).toBe(want.exit);
  }, 300000);
});

/** The pieces of one function in an `--emit asm` listing: instruction index, label, code lines. */
type Piece = { instr: number; label: string; cold: boolean; code: string[] };

function piecesOf(asm: string, qualname: string): Piece[] {
  const start = asm.indexOf(`; ${qualname}  (`);
  expect(start, `${qualname} in the listing`).toBeGreaterThanOrEqual(0);
  const end = asm.indexOf('\n\n', start);
  const pieces: Piece[] = [];
  for (const line of asm.slice(start, end < 0 ? undefined : end).split('\n').slice(1)) {
    if (line.startsWith('  ; ')) {
      const m = /^\s*(\d+) (\S+)/.exec(line.slice(3));
      const cold = line.includes('(cold)');
      pieces.push(m === null ? { instr: -1, label: line.slice(4), cold, code: [] } : { instr: Number(m[1]), label: m[2], cold, code: [] });
    } else if (pieces.length > 0) pieces[pieces.length - 1].code.push(line);
  }
  return pieces;
}

/** Split a function's pieces into its two copies (instructions ascend within a copy). */
function copies(pieces: Piece[]) {
  const body = pieces.filter((p) => p.instr >= 0 && !p.cold && p.label !== 'EXC_THUNK');
  const cut = body.findIndex((p, k) => k > 0 && p.instr < body[k - 1].instr);
  return cut < 0 ? { opt: [], safe: body } : { opt: body.slice(0, cut), safe: body.slice(cut) };
}

const intTagChecks = (ps: { code: string[] }[]) => ps.flatMap((p) => p.code).filter((l) => /cmp \w+, 0xfff9$/.test(l)).length;
const rangeChecks = (ps: { code: string[] }[]) => ps.flatMap((p) => p.code).filter((l) => l.includes('type_range_iterator')).length;

test('the optimized copy drops the checks facts cover', async () => {
  const exe = await buildProfiled('overflow');
  const r = await execa(EDGEPYC, ['build', 'overflow.py', '--use-profile', `${exe}.profile`, '--emit', 'asm', '-o', '-'], { cwd: DIR, reject: false, timeout: 120000 });
  expect(r.exitCode, r.stderr as string).toBe(0);
  const asm = r.stdout as string;
  // mixed(n, scale): two range loops, int ops on the loop variables, a parameter and results.
  const { opt, safe } = copies(piecesOf(asm, 'overflow.mixed'));
  expect(opt.length).toBeGreaterThan(0);
  expect(opt.filter((p) => p.label === 'RANGE_ITER_GUARD')).toHaveLength(2);
  expect(opt.filter((p) => p.label === 'ENTRY_INT_GUARD')).toHaveLength(1);
  // Range iterators: checked by the guards only (once per loop), not at every FOR_ITER_RANGE.
  expect(rangeChecks(opt.filter((p) => p.label === 'FOR_ITER_RANGE'))).toBe(0);
  expect(rangeChecks(safe.filter((p) => p.label === 'FOR_ITER_RANGE'))).toBe(2);
  // Int tags: only the entry guard on `scale`; the safe copy checks every operand pair.
  expect(intTagChecks(opt.filter((p) => p.label !== 'ENTRY_INT_GUARD'))).toBe(0);
  expect(intTagChecks(safe)).toBeGreaterThanOrEqual(4);
  // The safe copy never deoptimizes; the optimized one does.
  expect(safe.flatMap((p) => p.code).some((l) => l.includes('deopt'))).toBe(false);
  expect(opt.flatMap((p) => p.code).some((l) => l.includes('deopt'))).toBe(true);
}, 300000);

test('a generator keeps one copy', async () => {
  const exe = await buildProfiled('iters');
  const r = await execa(EDGEPYC, ['build', 'iters.py', '--use-profile', `${exe}.profile`, '--emit', 'asm', '-o', '-'], { cwd: DIR, reject: false, timeout: 120000 });
  expect(r.exitCode, r.stderr as string).toBe(0);
  const asm = r.stdout as string;
  expect(copies(piecesOf(asm, 'iters.gen')).opt).toHaveLength(0);
  expect(copies(piecesOf(asm, 'iters.evens')).opt.length).toBeGreaterThan(0);
}, 300000);

test('list and tuple subscripts with an int compile inline, the runtime call out of line', async () => {
  const exe = await buildProfiled('subscripts');
  const r = await execa(EDGEPYC, ['build', 'subscripts.py', '--use-profile', `${exe}.profile`, '--emit', 'asm', '-o', '-'], { cwd: DIR, reject: false, timeout: 120000 });
  expect(r.exitCode, r.stderr as string).toBe(0);
  const asm = r.stdout as string;
  for (const [fn, op, call] of [
    ['subscripts.get', 'BINARY_SUBSCR_LIST_INT', 'rt_getitem'],
    ['subscripts.tget', 'BINARY_SUBSCR_TUPLE_INT', 'rt_getitem'],
    ['subscripts.put', 'STORE_SUBSCR_LIST_INT', 'rt_setitem'],
  ] as const) {
    const ps = piecesOf(asm, fn).filter((p) => p.label === op);
    expect(ps.filter((p) => !p.cold).length, `${fn} ${op}`).toBeGreaterThan(0);
    expect(ps.filter((p) => !p.cold).flatMap((p) => p.code).some((l) => l.includes(`call ${call}`)), `${fn}: ${call} in the hot part`).toBe(false);
    expect(ps.filter((p) => p.cold).flatMap((p) => p.code).some((l) => l.includes(`call ${call}`)), `${fn}: ${call} out of line`).toBe(true);
  }
}, 300000);
