// Uncaught-exception reports of compiled programs, line for line (issue #5): a native binary
// and a --jit run must write to stderr what CPython 3.11 writes, every traceback entry
// (file, line, function, source line, PEP 657 carets), chained exceptions ("During handling
// of the above exception..." / "The above exception was the direct cause...") and the final
// line. Two corpora: the spec's failing programs (tests/spec/errors/NAME.py with .exit;
// fixtures tests/native/fixtures/tracebacks/NAME.stderr from scripts/gen-native-tracebacks.sh)
// and our traceback shapes (tests/programs/errors/tb_*.py with NAME.stderr from
// tests/interp/gen-stderr.sh). Paths are compared with the program's directory as {dir}.
// CPython's compile-time warnings (SyntaxWarning) come from `edgepyc build` for a binary, so
// the build's stderr is prepended to the binary's.
//
// CPython 3.11's ". Did you mean: 'x'?" after NameError / AttributeError messages is
// compared too (runtime/core/suggest.ts).
//
// The boxed tracebacks of exception groups are compared too (tb_group*, tb_except_star*).
//
// Known differences, kept on purpose for now (docs/native-unsupported.md, last section):
// - Programs using a construct the native backend refuses (REFUSED) must be refused at
//   compile time with the construct named; once supported they are compared like the rest.

import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const SPEC_ERRORS = join(ROOT, 'tests', 'spec', 'errors');
const SPEC_FIXTURES = join(ROOT, 'tests', 'native', 'fixtures', 'tracebacks');
const TB_PROGRAMS = join(ROOT, 'tests', 'programs', 'errors');

/**
 * Programs refused at compile time today, with the construct the refusal names (none since
 * exception groups and except* compile: runtime/core/excgroup.ts).
 */
const REFUSED: Readonly<Record<string, string>> = {};

interface Case { name: string; dir: string; py: string; want: string }

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(SPEC_ERRORS).sort()) {
    const name = f.replace(/\.py$/, '');
    if (!f.endsWith('.py') || !existsSync(join(SPEC_ERRORS, `${name}.exit`))) continue;
    out.push({ name, dir: SPEC_ERRORS, py: join(SPEC_ERRORS, f), want: readFileSync(join(SPEC_FIXTURES, `${name}.stderr`), 'utf8') });
  }
  for (const f of readdirSync(TB_PROGRAMS).sort()) {
    const name = f.replace(/\.py$/, '');
    if (!f.startsWith('tb_') || !f.endsWith('.py') || !existsSync(join(TB_PROGRAMS, `${name}.stderr`))) continue;
    out.push({ name, dir: TB_PROGRAMS, py: join(TB_PROGRAMS, f), want: readFileSync(join(TB_PROGRAMS, `${name}.stderr`), 'utf8') });
  }
  return out;
}

function check(c: Case, got: string): void {
  const norm = got.split(c.dir).join('{dir}');
  const want = c.want.endsWith('\n') || c.want === '' ? c.want : `${c.want}\n`;
  const gotN = norm === '' || norm.endsWith('\n') ? norm : `${norm}\n`;
  expect(gotN).toBe(want);
}

const all = cases();
const binDir = join(tmpdir(), 'edgepyc-tests', 'tracebacks');

test('the corpus is complete: every spec error program has a fixture and tb_ programs exist', () => {
  expect(all.filter((c) => c.dir === SPEC_ERRORS).length).toBeGreaterThanOrEqual(17);
  expect(all.filter((c) => c.dir === TB_PROGRAMS).length).toBeGreaterThanOrEqual(40);
  for (const n of Object.keys(REFUSED)) expect(all.some((c) => c.name === n)).toBe(true);
});

describe.concurrent('tracebacks of native binaries equal CPython 3.11 line for line', () => {
  test.each(all.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    mkdirSync(binDir, { recursive: true });
    const exe = join(binDir, c.name);
    const b = await execa(EDGEPYC, ['build', c.py, '-o', exe], { cwd: c.dir, reject: false, timeout: 120000 });
    const refused = REFUSED[c.name];
    if (b.exitCode !== 0 && refused !== undefined) {
      expect(b.stderr).toContain(`native backend does not support ${refused}`);
      return;
    }
    expect(b.exitCode, b.stderr as string).toBe(0);
    const r = await execa(exe, [], { cwd: c.dir, reject: false, stdin: 'ignore', timeout: 60000, env: { PYTHONHASHSEED: '0' } });
    check(c, (b.stderr as string ? `${b.stderr as string}\n` : '') + (r.stderr as string));
  }, 180000);
});

describe.concurrent('tracebacks of --jit runs equal CPython 3.11 line for line', () => {
  test.each(all.filter((c) => REFUSED[c.name] === undefined).map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await execa(EDGEPYC, ['run', '--jit', c.py], { cwd: c.dir, reject: false, stdin: 'ignore', timeout: 120000, env: { PYTHONHASHSEED: '0' } });
    check(c, r.stderr as string);
  }, 180000);
});
