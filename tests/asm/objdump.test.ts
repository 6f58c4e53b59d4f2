// Optional cross-check of the assembler's listing against GNU objdump, and of the
// checked-in vector fixture against GNU as. Neither decides CI: where binutils is
// absent the suites are skipped with a note saying so.
//
// For every vector (and an alignment/NOP program), the bytes are disassembled with
// `objdump -D -b binary -m i386:x86-64 -M intel` and each instruction of our listing
// (raw mode: numbers where names would be) must equal objdump's line at the same
// offset after light normalisation: case, spacing, `# comments`, `+0x0]`, operand
// order of the commutative xchg/test, and objdump's long spelling of rep movs/stos.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assembler, type AsmOutput, rax, rcx } from '../../src/asm/index.js';
import { VECTORS } from './vectors.js';

function findTool(name: string): string | undefined {
  for (const p of [`/usr/bin/${name}`, `/usr/local/bin/${name}`]) {
    try {
      execFileSync(p, ['--version'], { stdio: 'ignore' });
      return p;
    } catch {
      // not there; try the next place
    }
  }
  return undefined;
}

const OBJDUMP = findTool('objdump');
const AS = findTool('as');
if (OBJDUMP === undefined) console.warn('asm objdump cross-check skipped: objdump not found (optional, binutils)');
if (AS === undefined) console.warn('asm fixture freshness check skipped: GNU as not found (optional, binutils)');

const REP_SPELLING: readonly [RegExp, string][] = [
  [/^rep movs byte ptr es:\[rdi\],byte ptr ds:\[rsi\]$/, 'rep movsb'],
  [/^rep movs qword ptr es:\[rdi\],qword ptr ds:\[rsi\]$/, 'rep movsq'],
  [/^rep stos byte ptr es:\[rdi\],al$/, 'rep stosb'],
  [/^rep stos qword ptr es:\[rdi\],rax$/, 'rep stosq'],
];

export function normalise(text: string): string {
  let s = text.toLowerCase().replace(/#.*$/, '').trim().replace(/\s+/g, ' ');
  s = s.replace(/, /g, ',').replace(/\+0x0\]/g, ']');
  for (const [re, to] of REP_SPELLING) s = s.replace(re, to);
  const m = /^(xchg|test) (.*)$/.exec(s);
  if (m) {
    // Commutative: objdump always prints the r/m operand first.
    const ops = m[2]!.split(',').sort();
    s = `${m[1]} ${ops.join(',')}`;
  }
  return s;
}

/** objdump's instruction text per offset, for each of several raw binaries. */
function disassemble(blobs: readonly Uint8Array[]): Map<number, string>[] {
  const dir = mkdtempSync(join(tmpdir(), 'asm-objdump-'));
  try {
    const files = blobs.map((b, k) => {
      const f = join(dir, `v${k}.bin`);
      writeFileSync(f, b);
      return f;
    });
    const out = execFileSync(OBJDUMP!, ['-D', '-b', 'binary', '-m', 'i386:x86-64', '-M', 'intel', ...files], {
      encoding: 'utf8', maxBuffer: 64 << 20,
    });
    const maps: Map<number, string>[] = blobs.map(() => new Map());
    let cur: Map<number, string> | undefined;
    for (const line of out.split('\n')) {
      const file = /\/v(\d+)\.bin:\s+file format/.exec(line);
      if (file) { cur = maps[Number(file[1])]; continue; }
      // "   1d:\t48 93                \txchg   rbx,rax"
      const m = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$/.exec(line);
      if (m && cur) cur.set(parseInt(m[1]!, 16), m[2]!);
    }
    return maps;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function alignmentProgram(): AsmOutput<never> {
  const a = new Assembler();
  // Every padding length 1..15 and a long run, then explicit NOP sequences.
  for (let k = 1; k <= 15; k++) {
    a.mov(rax, rcx);
    for (let j = 0; j < k; j++) a.int3();
    a.align(32);
  }
  for (let n = 1; n <= 20; n++) {
    a.nops(n);
    a.ret();
  }
  return a.finish();
}

describe.skipIf(OBJDUMP === undefined)('asm listing vs objdump (optional; skipped when objdump is absent)', () => {
  const outputs: [string, AsmOutput<string> | AsmOutput<never>][] = VECTORS.map((v) => {
    const a = new Assembler<string>();
    v.build(a);
    return [v.name, a.finish()];
  });
  outputs.push(['alignment and NOP padding', alignmentProgram()]);
  const maps = OBJDUMP === undefined ? [] : disassemble(outputs.map(([, o]) => o.bytes));

  it('decodes every listed instruction of every vector to the same text', () => {
    const mismatches: string[] = [];
    let compared = 0;
    outputs.forEach(([name, out], k) => {
      for (const e of out.listing) {
        if (e.kind !== 'insn') continue;
        const theirs = maps[k]!.get(e.offset);
        const ours = normalise(e.raw);
        compared++;
        if (theirs === undefined || normalise(theirs) !== ours) {
          mismatches.push(`${name} @${e.offset}: ours "${ours}" objdump "${theirs ?? '(no instruction here)'}"`);
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});

describe.skipIf(AS === undefined)('asm vector fixture is up to date with GNU as (optional; skipped without as)', () => {
  it('regenerating vectors.generated.ts gives the checked-in file', async () => {
    const gen = await import('./gen-vectors.js');
    const text = gen.renderFixture(gen.assembleAll(AS));
    expect(text).toBe(readFileSync(gen.FIXTURE, 'utf8'));
  });
});
