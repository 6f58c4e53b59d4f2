// `edgepyc disasm`: source lines, bytecode and x86-64 side by side (src/disasm/native.ts).
//
// Golden listings (tests/disasm/golden/*.txt) hold no addresses, only offsets inside each
// function and symbol names. They change whenever a template changes: after checking the
// new listing by eye, regenerate with `npx vitest run tests/disasm -u`.
// tests/disasm/fixtures/fib.profile was written once by `edgepyc profile -o fib.profile fib.py`
// (run in tests/disasm/fixtures).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { listFunction, imageSymbolizer, linkForListing, LISTING_BASE, listProgram, selectFunctions } from '../../src/disasm/native.js';
import { decodeX86 } from '../../src/disasm/x86.js';
import { Source } from '../../src/frontend/source.js';
import { readProfile } from '../../src/interp/profile.js';
import { buildProgram, type NativeProgram } from '../../src/native/program.js';
import { EDGEPYC } from '../lib/programs.js';

const FIX = join(new URL('.', import.meta.url).pathname, 'fixtures');
const FIB = join(FIX, 'fib.py');
const source = (f: string): string | null => (f === FIB ? readFileSync(FIB, 'utf8') : null);

function build(profiled: boolean): NativeProgram {
  const co = compileModule(new Source(FIB, readFileSync(FIB, 'utf8')));
  return buildProgram(co, { profile: profiled ? readProfile(join(FIX, 'fib.profile')) : null });
}

describe('golden listings', () => {
  const plain = build(false);
  const profiled = build(true);

  test('fib, generic ops', async () => {
    const text = listProgram(plain, { function: 'fib', source });
    expect(text).toMatch(/^ +\[6 slow path\] +\| [0-9a-f]{4}  mov rdi, box\(pystr_\d+\) +; <- name$/m);
    await expect(text).toMatchFileSnapshot('./golden/fib.txt');
  });

  test('fib, specialized by a profile: the chosen op and its generic name', async () => {
    const text = listProgram(profiled, { function: 'fib', source });
    expect(text).toMatch(/BINARY_OP_\w+ 0 \(\+\) <BINARY_OP>/);
    await expect(text).toMatchFileSnapshot('./golden/fib.profiled.txt');
  });

  test('a loop with try/except: handlers, exception thunks and slow paths', async () => {
    const text = listProgram(plain, { function: 'total', source });
    for (const piece of ['[ENTER]', 'FOR_ITER', '[raise from', '[traceback entry, handler at 11 (depth 1)]', '[traceback entry, unwind]', 'PUSH_EXC_INFO']) expect(text).toContain(piece);
    await expect(text).toMatchFileSnapshot('./golden/total.txt');
  });
});

describe('listing invariants', () => {
  const program = build(false);
  const linked = linkForListing(program);
  const symbolize = imageSymbolizer(linked, LISTING_BASE);

  test('every function: each byte decoded once, every instruction and source line shown', () => {
    const fns = selectFunctions(program, { file: FIB });
    expect(fns.map((f) => f.code.qualname).sort()).toEqual(['<module>', 'fib', 'total']);
    for (const f of fns) {
      const text = listFunction(f, linked, symbolize, { source });
      const rows = text.split('\n').filter((l) => / \| [0-9a-f]{4} {2}/.test(l));
      const offsets = rows.map((l) => parseInt(/ \| ([0-9a-f]{4}) {2}/.exec(l)![1], 16));
      const ip = linked.addresses.get(f.entry)!;
      const decoded = decodeX86(f.stitched.chunk.bytes, ip, () => null);
      expect(offsets).toEqual(decoded.map((d) => d.offset));
      expect(decoded.reduce((n, d) => n + d.length, 0)).toBe(f.stitched.chunk.bytes.length);
      // Every reachable bytecode instruction that has code heads a row.
      f.stitched.instrOffsets.forEach((off, i) => {
        if (off >= 0 && f.stitched.pieces.some((p) => p.instr === i && p.offset === off && p.length > 0)) expect(text).toMatch(new RegExp(`^ +${i} ${f.stitched.chosen[i]}`, 'm'));
      });
      for (const line of new Set(f.code.lines.filter((l) => l > 0))) expect(text).toMatch(new RegExp(`^ +${line} \\| `, 'm'));
    }
  });

  test('no absolute address is left: calls name runtime routines, data names symbols', () => {
    const text = listProgram(program, { source });
    expect(text).not.toMatch(/0x4[0-9a-f]{5,}/);
    expect(text).toMatch(/call rt_binary_op\b/);
    expect(text).toMatch(/qword ptr \[rt_vs_top\]/);
    expect(text).toMatch(/; <- local/);
  });
});

describe('the command', () => {
  test('disasm FILE --function NAME prints that listing; an unknown name is status 2', async () => {
    const ok = await execa(EDGEPYC, ['disasm', 'fib.py', '--function', 'fib'], { cwd: FIX, reject: false });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('fib  (fib.py:1)');
    expect(ok.stdout).toMatch(/call rt_call$/m);
    const bad = await execa(EDGEPYC, ['disasm', 'fib.py', '--function', 'nope'], { cwd: FIX, reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe("edgepyc: error: no function named 'nope' in fib.py");
  });

  test('--bytecode keeps the bytecode-only listing', async () => {
    const r = await execa(EDGEPYC, ['disasm', '--bytecode', 'fib.py'], { cwd: FIX, reject: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Disassembly of <code fib> (fib.py, line 1):');
  });
});
