// Test programs: discovery, execution in every mode, and comparison with CPython's output.
//
// A test program is NAME.py with NAME.out (expected stdout), optional NAME.in (stdin),
// NAME.args (one line of arguments), NAME.exit (expected non-zero status) and NAME.err
// (expected last non-empty stderr line); a directory with main.py is a multi-file program.
// This is the format of ../shared/spec (see tests/spec/README.md), used for our own tests
// in tests/programs too. Every program runs in every execution mode edgepyc has.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { execa } from 'execa';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
export const EDGEPYC = join(ROOT, 'bin', 'edgepyc');

export interface Program {
  /** Name relative to the suite root, e.g. "types/int_arith" or "modules/basic_imports/main". */
  name: string;
  py: string;
  dir: string;
  base: string;
}

/** interp: the interpreter; native: a built ELF; jit: the same machine code run in-process. */
export type Mode = 'interp' | 'native' | 'jit';

export const MODES: readonly Mode[] = ['interp', 'native', 'jit'];

export interface Outcome {
  ok: boolean;
  why: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const AREAS_ORDER = ['types', 'keywords', 'builtins', 'lexical', 'stdlib', 'errors', 'modules'];

/** All programs under `root`, in a stable order. */
export function findPrograms(root: string): Program[] {
  const out: Program[] = [];
  if (!existsSync(root)) return out;
  const areas = readdirSync(root).filter((a) => statSync(join(root, a)).isDirectory());
  areas.sort((a, b) => {
    const ia = AREAS_ORDER.indexOf(a);
    const ib = AREAS_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  for (const area of areas) {
    const adir = join(root, area);
    for (const f of readdirSync(adir).sort()) {
      const p = join(adir, f);
      if (f.endsWith('.py') && existsSync(p.replace(/\.py$/, '.out'))) {
        out.push({ name: relative(root, p).replace(/\.py$/, ''), py: p, dir: adir, base: f.replace(/\.py$/, '') });
      } else if (statSync(p).isDirectory() && existsSync(join(p, 'main.py')) && existsSync(join(p, 'main.out'))) {
        out.push({ name: relative(root, join(p, 'main')), py: join(p, 'main.py'), dir: p, base: 'main' });
      }
    }
  }
  return out;
}

function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1] : '';
}

function readOpt(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** The command line for a program in a mode (native: `exe`, the binary this run built, else the kept one). */
export function commandFor(mode: Mode, p: Program, args: string[], exe?: string): [string, string[]] {
  switch (mode) {
    case 'interp':
      return [EDGEPYC, ['run', p.py, ...args]];
    case 'jit':
      return [EDGEPYC, ['run', '--jit', p.py, ...args]];
    case 'native':
      return [exe ?? nativeBinary(p), args];
  }
}

/**
 * Where native-mode tests put the executables: one folder per checkout (a hash of its path),
 * so test runs of two checkouts at once never overwrite each other's binaries.
 */
const BIN_DIR = join(tmpdir(), `edgepyc-tests-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);

/**
 * Where the executable of a program stays after its native-mode run, for inspection: the
 * last run's. Path separators become `__`, so `a/b_c` and `a_b/c` keep distinct files.
 */
export function nativeBinary(p: Program): string {
  return join(BIN_DIR, p.name.replaceAll('/', '__').replace(/[^\w.-]/g, '_'));
}

let builds = 0;

/**
 * The file one native-mode run builds and executes: unique per process and build. Several
 * engineers run the suites in one checkout at once; with one file per program, a run could
 * execute the binary another run had just built from a different state of the working tree
 * (seen as stdlib/dataclasses_basic, dataclasses_order_frozen and enum_basic printing other
 * output, exit 0, under EDGEPYC_GC_STRESS=1 while another test run shared the box).
 */
export function nativeBuildPath(p: Program): string {
  return `${nativeBinary(p)}.${process.pid}.${builds++}`;
}

/**
 * Run one program and compare with its expected results. The wall-clock limit only catches
 * hangs: the programs take 1-4 s of CPU at most, but a shared 2-core machine at load 15+
 * stretched some past 20 s (false failures), hence 60 s.
 */
export async function runProgram(mode: Mode, p: Program, timeoutMs = 60000): Promise<Outcome> {
  const argsLine = readOpt(join(p.dir, `${p.base}.args`));
  const args = argsLine === null ? [] : argsLine.split('\n')[0].split(' ').filter((a) => a !== '');
  const input = readOpt(join(p.dir, `${p.base}.in`)) ?? '';
  const exe = mode === 'native' ? nativeBuildPath(p) : undefined;
  if (exe !== undefined) {
    mkdirSync(BIN_DIR, { recursive: true });
    const b = await execa(EDGEPYC, ['build', p.py, '-o', exe], { cwd: p.dir, reject: false, timeout: timeoutMs });
    if (b.exitCode !== 0) {
      // A SyntaxError is reported by the build: that is the program's expected outcome when
      // CPython reports it too. A construct the native backend refuses never passes.
      const err = (b.stderr as string).trim().split('\n').slice(-1)[0] ?? '';
      if (/native backend does not support|internal error/.test(b.stderr as string)) {
        return { ok: false, why: [`build failed: ${err}`], stdout: '', stderr: b.stderr as string, exitCode: b.exitCode ?? -1 };
      }
      return compareOutcome(p, { stdout: '', stderr: b.stderr as string, exitCode: b.exitCode ?? -1, timedOut: false }, timeoutMs);
    }
  }
  const [cmd, argv] = commandFor(mode, p, args, exe);
  const r = await execa(cmd, argv, {
    cwd: p.dir,
    input,
    reject: false,
    timeout: timeoutMs,
    stripFinalNewline: false,
    env: { PYTHONHASHSEED: '0' },
  });
  // The run's own binary becomes the program's inspectable one (rename replaces atomically).
  if (exe !== undefined) renameSync(exe, nativeBinary(p));
  return compareOutcome(p, { stdout: r.stdout as string, stderr: r.stderr as string, exitCode: r.exitCode ?? -1, timedOut: r.timedOut }, timeoutMs);
}

/** Compare what a run produced with the program's expected files. */
function compareOutcome(p: Program, r: { stdout: string; stderr: string; exitCode: number; timedOut: boolean }, timeoutMs: number): Outcome {
  const { stdout, stderr, exitCode } = r;
  const why: string[] = [];
  if (r.timedOut) why.push(`timeout (${timeoutMs / 1000} s)`);
  const wantOut = readFileSync(join(p.dir, `${p.base}.out`), 'utf8');
  if (stdout !== wantOut) why.push('stdout differs');
  const wantExit = Number((readOpt(join(p.dir, `${p.base}.exit`)) ?? '0').trim());
  if (exitCode !== wantExit) why.push(`exit code ${exitCode}, expected ${wantExit}`);
  const wantErr = readOpt(join(p.dir, `${p.base}.err`));
  if (wantErr !== null && lastLine(stderr) !== lastLine(wantErr)) {
    why.push(`stderr last line '${lastLine(stderr)}', expected '${lastLine(wantErr)}'`);
  }
  return { ok: why.length === 0, why, stdout, stderr, exitCode };
}

/** A readable explanation of a failure (first lines of the stdout diff and stderr). */
export function explain(p: Program, o: Outcome): string {
  const want = readFileSync(join(p.dir, `${p.base}.out`), 'utf8').split('\n');
  const got = o.stdout.split('\n');
  const diff: string[] = [];
  for (let i = 0; i < Math.max(want.length, got.length) && diff.length < 8; i++) {
    if (want[i] !== got[i]) diff.push(`  line ${i + 1}: expected ${JSON.stringify(want[i] ?? '<eof>')}, got ${JSON.stringify(got[i] ?? '<eof>')}`);
  }
  const err = o.stderr.trim().split('\n').slice(-6).map((l) => `  stderr: ${l}`);
  return [`${p.name}: ${o.why.join('; ')}`, ...diff, ...err].join('\n');
}

/** Ratchet list of programs known to pass in a mode. */
export function ratchetPath(suite: string, mode: Mode): string {
  return join(ROOT, 'tests', 'ratchet', `${suite}.${mode}.txt`);
}

export function readRatchet(suite: string, mode: Mode): Set<string> {
  const p = ratchetPath(suite, mode);
  if (!existsSync(p)) return new Set();
  return new Set(readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}
