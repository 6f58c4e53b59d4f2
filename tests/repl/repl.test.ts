// `edgepyc repl` through a real pseudo-terminal (node-pty): what a person typing sees.
// Needs the built CLI (bin/edgepyc runs dist/), like tests/programs.test.ts.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';
import { afterEach, describe, expect, test } from 'vitest';
import { EDGEPYC } from '../lib/programs.js';

const ENTER = '\r';
const CTRL_C = '\x03';
const CTRL_D = '\x04';
const CTRL_A = '\x01';
const UP = '\x1b[A';

/** ANSI sequences and carriage returns removed: the text a person reads. */
function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

class Term {
  readonly p: pty.IPty;
  out = '';
  exit: Promise<number>;
  private mark = 0;

  constructor(env: Record<string, string> = {}) {
    const home = mkdtempSync(join(tmpdir(), 'edgepyc-repl-'));
    this.p = pty.spawn(EDGEPYC, ['repl'], {
      name: 'xterm-256color',
      cols: 200,
      rows: 50,
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'xterm-256color', NO_COLOR: '1', EDGEPYC_HISTORY: join(home, 'history'), ...env },
    });
    this.p.onData((d) => {
      this.out += d;
    });
    this.exit = new Promise((res) => this.p.onExit((e) => res(e.exitCode)));
  }

  /** Wait until the output written since the last wait matches `re`; returns that output (plain). */
  async waitFor(re: RegExp, ms = 30_000): Promise<string> {
    const t0 = Date.now();
    for (;;) {
      const seen = plain(this.out.slice(this.mark));
      if (re.test(seen)) {
        this.mark = this.out.length;
        return seen;
      }
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re}; output so far:\n${seen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  type(s: string): void {
    this.p.write(s);
  }

  /** Type a line and wait for the next prompt; returns what was printed in between. */
  async line(s: string, prompt: RegExp = /(>>>|\.\.\.) $/): Promise<string> {
    this.type(s + ENTER);
    return this.waitFor(prompt);
  }
}

let term: Term | null = null;
afterEach(() => {
  term?.p.kill();
  term = null;
});

describe('the console', () => {
  test('expressions echo their repr, definitions persist, blocks end with an empty line', async () => {
    const t = (term = new Term());
    await t.waitFor(/Type :help for commands[\s\S]*>>> $/);
    expect(await t.line('1 + 2')).toMatch(/^1 \+ 2\n3\n>>> $/);
    expect(await t.line("'a' + \"b\"")).toContain("\n'ab'\n");
    expect(await t.line('x = 5')).toMatch(/^x = 5\n>>> $/); // statements print nothing
    expect(await t.line('None')).toMatch(/^None\n>>> $/);
    expect(await t.line('def f(x):')).toMatch(/\.\.\. $/);
    expect(await t.line('    y = x * 2')).toMatch(/\.\.\. $/);
    expect(await t.line('    return y + 0')).toMatch(/\.\.\. $/);
    expect(await t.line('')).toMatch(/>>> $/);
    expect(await t.line('f(x) + 32')).toContain('\n42\n');
    // An unclosed bracket keeps asking, even across an empty line.
    expect(await t.line('[1,')).toMatch(/\.\.\. $/);
    expect(await t.line('')).toMatch(/\.\.\. $/);
    expect(await t.line(' 2]')).toContain('\n[1, 2]\n');
    expect(await t.line('_')).toContain('\n[1, 2]\n');
    expect(t.out).not.toContain('\x1b[35m'); // NO_COLOR=1: no syntax colours
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
  });

  test('an exception prints its traceback and the session goes on', async () => {
    const t = (term = new Term());
    await t.waitFor(/>>> $/);
    await t.line('def g(a):');
    await t.line('    return 1 / a');
    await t.line('');
    const out = await t.line('g(0)');
    expect(out).toContain('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n');
    expect(out).toContain('  File "<stdin>", line 2, in g\n');
    expect(out).toMatch(/ZeroDivisionError: division by zero\n>>> $/);
    const syn = await t.line('def (:');
    expect(syn).toContain('SyntaxError: invalid syntax');
    expect(await t.line('g(4)')).toContain('\n0.25\n');
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
  });

  test('Ctrl-C drops the current input; SystemExit ends the session with its code', async () => {
    const t = (term = new Term());
    await t.waitFor(/>>> $/);
    expect(await t.line('v = (1,')).toMatch(/\.\.\. $/);
    t.type(CTRL_C);
    expect(await t.waitFor(/KeyboardInterrupt\n>>> $/)).toContain('KeyboardInterrupt');
    expect(await t.line('v = 7')).toMatch(/>>> $/);
    expect(await t.line('v')).toContain('\n7\n');
    t.type(`import sys; sys.exit(3)${ENTER}`);
    expect(await t.exit).toBe(3);
  });

  test('line editing and history: Ctrl-A edits the line start, Up recalls, history is saved', async () => {
    const home = mkdtempSync(join(tmpdir(), 'edgepyc-hist-'));
    const hist = join(home, 'hist');
    const t = (term = new Term({ EDGEPYC_HISTORY: hist }));
    await t.waitFor(/>>> $/);
    t.type('2 * 3');
    await t.waitFor(/2 \* 3$/);
    t.type(CTRL_A);
    await new Promise((r) => setTimeout(r, 100));
    // Separate writes: Node's readline takes a chunk holding a newline as pasted text and
    // appends it at the end of the line, whatever the cursor (a person types keys one by one).
    t.type('1');
    await new Promise((r) => setTimeout(r, 100));
    t.type(ENTER);
    expect(await t.waitFor(/>>> $/)).toContain('\n36\n');
    t.type(UP);
    await new Promise((r) => setTimeout(r, 100));
    t.type(ENTER);
    expect(await t.waitFor(/>>> $/)).toContain('\n36\n');
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
    const saved = readFileSync(hist, 'utf8').split('\n');
    expect(saved[0]).toBe('12 * 3');
    expect(saved.every((l) => l === '12 * 3' || l === '')).toBe(true);
    // A new session starts with that history.
    const t2 = (term = new Term({ EDGEPYC_HISTORY: hist }));
    await t2.waitFor(/>>> $/);
    t2.type(UP);
    await new Promise((r) => setTimeout(r, 100));
    t2.type(ENTER);
    expect(await t2.waitFor(/>>> $/)).toContain('\n36\n');
    t2.type(CTRL_D);
    expect(await t2.exit).toBe(0);
  });

  test('syntax colours on a terminal (not with NO_COLOR)', async () => {
    const t = (term = new Term({ NO_COLOR: '' }));
    await t.waitFor(/>>> $/);
    t.type("def h(): return 'x'  # c");
    await new Promise((r) => setTimeout(r, 500));
    expect(t.out).toContain('\x1b[35mdef\x1b[0m');
    expect(t.out).toContain("\x1b[32m'x'\x1b[0m");
    expect(t.out).toContain('\x1b[90m# c\x1b[0m');
    t.type(`${ENTER}${ENTER}h()${ENTER}`);
    expect(await t.waitFor(/'x'\n>>> $/)).toBeTruthy();
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
  });
});

describe('commands', () => {
  test(':help, :jit, :disasm, unknown commands, :quit', async () => {
    const t = (term = new Term());
    await t.waitFor(/>>> $/);
    const help = await t.line(':help');
    for (const c of [':help', ':disasm NAME', ':jit NAME', ':time EXPR', ':quit']) expect(help).toContain(c);
    await t.line('def sq(n):');
    await t.line('    return n * n');
    await t.line('');
    expect(await t.line('sq(12)')).toContain('\n144\n');
    expect(await t.line(':jit sq')).toMatch(/sq: \d+ bytes of x86-64 at 0x[0-9a-f]+ \(4 bytecode instructions; symbol <stdin>\.sq\); module image \d+ KiB at 0x[0-9a-f]+, text read\+execute/);
    const dis = await t.line(':disasm sq');
    expect(dis).toMatch(/^sq {2}\(<stdin>:1\) {2}\d+ bytes of x86-64, 4 bytecode instructions$/m);
    expect(dis).toMatch(/^ +2 \| return n \* n$/m);
    // Specialized by what the session ran (sq(12)): a superinstruction and the one it fuses.
    expect(dis).toMatch(/^ +0 LOAD_FAST__LOAD_FAST 0 \(n\) <LOAD_FAST> +\| [0-9a-f]{4} {2}mov rax, qword ptr \[rbx\] +; <- local$/m);
    expect(dis).toMatch(/^ +\+ {2}1 LOAD_FAST 0 \(n\) +\| /m);
    expect(dis).toMatch(/call rt_binary_op$/m);
    expect(await t.line(':jit nope')).toContain("no function 'nope' among the session's definitions");
    expect(await t.line(':frobnicate')).toContain("unknown command ':frobnicate'");
    t.type(`:quit${ENTER}`);
    expect(await t.exit).toBe(0);
  });

  test('a definition the native backend refuses is reported, the session goes on', async () => {
    const t = (term = new Term());
    await t.waitFor(/>>> $/);
    await t.line('def r(p):');
    await t.line('    return exec(p)');
    await t.line('');
    expect(await t.line(':jit r')).toContain("cannot compile natively: <stdin>:2:12: native backend does not support builtin 'exec' yet");
    expect(await t.line('1 + 1')).toContain('\n2\n');
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
  });

  test(':time fib(30) runs both ways, agrees, and reports the times and their ratio', async () => {
    const t = (term = new Term());
    await t.waitFor(/>>> $/);
    await t.line('def fib(n):');
    await t.line('    return n if n < 2 else fib(n - 1) + fib(n - 2)');
    await t.line('');
    const out = await t.line(':time fib(30)', />>> $/);
    expect(out).toContain('fib(30) = 832040\n');
    const interp = /interpreter +([\d.]+) (s|ms)/.exec(out)!;
    const jit = /jit +([\d.]+) (s|ms)/.exec(out)!;
    const ms = (m: RegExpExecArray): number => Number(m[1]) * (m[2] === 's' ? 1000 : 1);
    const ratio = Number(/jit is ([\d.]+)x faster/.exec(out)![1]);
    console.log(`:time fib(30): interpreter ${ms(interp).toFixed(0)} ms, jit ${ms(jit).toFixed(0)} ms, ${ratio}x`);
    expect(Math.abs(ratio - ms(interp) / ms(jit))).toBeLessThan(0.2 * ratio);
    // Not a speed claim (those come from ../shared/bench): a ratio near 1 would mean the
    // :jit path silently ran the interpreter again.
    expect(ratio).toBeGreaterThan(2);
    expect(out).not.toContain('differs');
    t.type(CTRL_D);
    expect(await t.exit).toBe(0);
  }, 180_000);
});
