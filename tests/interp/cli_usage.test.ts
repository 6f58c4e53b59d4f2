// Usage errors of the `edgepyc` command line (src/cli.ts): every one is a single line on
// stderr, `edgepyc: error: ...`, pointing at the right `--help` when the help would help,
// with exit status 2 and nothing on stdout; `--help`, `help CMD` and `--version` still print
// their text and exit 0.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { EDGEPYC } from '../lib/programs.js';

const tmp = mkdtempSync(join(tmpdir(), 'edgepyc-cli-usage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ok = join(tmp, 'ok.py');
writeFileSync(ok, 'print("hi")\n');
const dir = join(tmp, 'pkg');
mkdirSync(dir);

async function edgepyc(...argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await execa(EDGEPYC, argv, { cwd: tmp, reject: false, stdin: 'ignore', timeout: 60000, stripFinalNewline: false });
  return { stdout: r.stdout as string, stderr: r.stderr as string, exitCode: r.exitCode ?? -1 };
}

/** A file that exists but cannot be read: mode 000 for an ordinary user; root reads any mode, so /proc/self/mem (EIO). */
function unreadable(): { path: string; errno: string } {
  if (process.getuid?.() === 0) return { path: '/proc/self/mem', errno: '[Errno 5] Input/output error' };
  const p = join(tmp, 'secret.py');
  writeFileSync(p, 'print(1)\n');
  chmodSync(p, 0o000);
  return { path: p, errno: '[Errno 13] Permission denied' };
}

describe('usage errors: one line, exit status 2', () => {
  const bad = unreadable();
  const cases: [string[], string][] = [
    [['run', '--bogus', 'ok.py'], "edgepyc: error: unknown option '--bogus' (see 'edgepyc run --help')"],
    [['run'], "edgepyc: error: missing required argument 'file' (see 'edgepyc run --help')"],
    [['bogus', 'ok.py'], "edgepyc: error: unknown command 'bogus' (see 'edgepyc --help')"],
    [['--bogus'], "edgepyc: error: unknown option '--bogus' (see 'edgepyc --help')"],
    [[], "edgepyc: error: no command given (one of run, build, profile, disasm, repl) (see 'edgepyc --help')"],
    [['run', 'missing.py'], "edgepyc: error: can't open file 'missing.py': [Errno 2] No such file or directory"],
    [['run', 'pkg'], "edgepyc: error: can't open file 'pkg': [Errno 21] Is a directory"],
    [['run', bad.path], `edgepyc: error: can't open file '${bad.path}': ${bad.errno}`],
    [['build', 'missing.py', '-o', 'x'], "edgepyc: error: can't open file 'missing.py': [Errno 2] No such file or directory"],
    [['profile', 'ok.py', '-o', 'ok.profile', '--budget', 'abc'], "edgepyc: error: option '--budget' expects a positive integer, got 'abc' (see 'edgepyc profile --help')"],
    [['profile', 'ok.py', '-o', 'ok.profile', '--budget', '1e3'], "edgepyc: error: option '--budget' expects a positive integer, got '1e3' (see 'edgepyc profile --help')"],
    [['profile', 'ok.py', '-o', 'ok.profile', '--budget', '0'], "edgepyc: error: option '--budget' expects a positive integer, got '0' (see 'edgepyc profile --help')"],
    [['profile', 'ok.py'], "edgepyc: error: required option '-o, --output <profile>' not specified (see 'edgepyc profile --help')"],
    [['build', '--emit', 'elf', 'ok.py'], "edgepyc: error: option '--emit <kind>' argument 'elf' is invalid. Allowed choices are exe, asm. (see 'edgepyc build --help')"],
    [['build', '--profile', '--use-profile', 'p', 'ok.py'], "edgepyc: error: --profile and --use-profile cannot be combined (see 'edgepyc build --help')"],
    [['disasm', 'ok.py', 'other.py'], "edgepyc: error: too many arguments for 'disasm'. Expected 1 argument but got 2. (see 'edgepyc disasm --help')"],
    [['disasm', '--function', 'nope', 'ok.py'], "edgepyc: error: no function named 'nope' in ok.py"],
    [['disasm', '--bytecode', '--function', 'nope', 'ok.py'], "edgepyc: error: no function named 'nope' in ok.py"],
    [['disasm', '--profile', 'missing.profile', 'ok.py'], "edgepyc: error: can't open profile 'missing.profile'"],
    [['run', '--use-profile', 'p', 'ok.py'], "edgepyc: error: --use-profile needs --jit (the interpreter does not use a profile) (see 'edgepyc run --help')"],
    [['run', '--jit', '--use-profile', 'missing.profile', 'ok.py'], "edgepyc: error: can't open profile 'missing.profile'"],
    [['profile', 'ok.py', '-o', 'pkg'], "edgepyc: error: can't write profile 'pkg': [Errno 21] Is a directory"],
    [['profile', 'ok.py', '-o', 'nodir/ok.profile'], `edgepyc: error: can't write profile 'nodir/ok.profile': no such directory '${join(tmp, 'nodir')}'`],
    [['build', 'ok.py', '-o', 'pkg'], "edgepyc: error: can't write executable 'pkg': [Errno 21] Is a directory"],
    [['build', 'ok.py', '-o', 'nodir/ok'], `edgepyc: error: can't write executable 'nodir/ok': no such directory '${join(tmp, 'nodir')}'`],
    [['build', 'ok.py', 'extra'], "edgepyc: error: unexpected arguments 'extra' (program arguments go after --profile --) (see 'edgepyc build --help')"],
    [['repl', 'extra'], "edgepyc: error: too many arguments for 'repl'. Expected 0 arguments but got 1. (see 'edgepyc repl --help')"],
  ];
  for (const [argv, line] of cases) {
    test(argv.join(' ') || '(no arguments)', async () => {
      const r = await edgepyc(...argv);
      expect(r.stderr).toBe(`${line}\n`);
      expect(r.stdout).toBe('');
      expect(r.exitCode).toBe(2);
    });
  }
});

describe('help and version are not errors', () => {
  test('--help lists the commands on stdout, exit 0', async () => {
    const r = await edgepyc('--help');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Usage: edgepyc \[options\] \[command\]/);
    for (const c of ['run', 'build', 'profile', 'disasm', 'repl']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stderr).toBe('');
  });

  test('run --help and help run print the same usage of run', async () => {
    const a = await edgepyc('run', '--help');
    const b = await edgepyc('help', 'run');
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect(a.stdout).toMatch(/^Usage: edgepyc run \[options\] <file> \[args\.\.\.\]/);
    expect(b.stdout).toBe(a.stdout);
  });

  test('--version', async () => {
    const r = await edgepyc('--version');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test('options after the file belong to the program', async () => {
    const r = await edgepyc('run', 'ok.py', '--bogus');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, 'hi\n', '']);
  });
});
