// Hex-vector tests of the assembler: every vector of vectors.ts is built through the
// API and compared with what GNU as produced for the same source (the checked-in
// fixture vectors.generated.ts), one instruction form at a time. No external tool
// is needed to run this file.
//
// Checked per vector: the bytes; each GNU as relocation against an `h_*` symbol is
// one of our holes (same offset, width, kind, and for rel32 the same PC base); every
// other relocation is one of ours (same offset, kind, target, addend); and the
// names-mode listing equals the vector's text.

import { describe, expect, it } from 'vitest';
import { Assembler, type AsmOutput, type HoleSite, type Reloc } from '../../src/asm/index.js';
import { VECTORS } from './vectors.js';
import { EXPECTED, type GasReloc } from './vectors.generated.js';

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const norm = (s: string): string =>
  s.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '').join('\n');

const WIDTH: Readonly<Record<string, number>> = {
  R_X86_64_64: 8, R_X86_64_PC32: 4, R_X86_64_PLT32: 4, R_X86_64_32: 4, R_X86_64_32S: 4,
  R_X86_64_16: 2, R_X86_64_8: 1,
};
const PC_RELATIVE = new Set(['R_X86_64_PC32', 'R_X86_64_PLT32']);

/** Our hole that stands for a GNU as relocation against h_*; checks it fully. */
function checkHole(r: GasReloc, holes: readonly HoleSite<string>[]): void {
  const h = holes.find((x) => x.desc === r.sym);
  expect(h, `hole ${r.sym}`).toBeDefined();
  expect(h!.offset, `offset of hole ${r.sym}`).toBe(r.offset);
  expect(h!.width, `width of hole ${r.sym}`).toBe(WIDTH[r.type]);
  if (PC_RELATIVE.has(r.type)) {
    expect(h!.kind).toBe('rel32');
    // ELF: value = S + A - P, the CPU adds the end of the instruction: pcBase = P - A.
    expect(h!.pcBase).toBe(r.offset - r.addend);
  } else {
    expect(h!.kind).not.toBe('rel32');
    expect(r.addend).toBe(0);
  }
}

function checkReloc(r: GasReloc, relocs: readonly Reloc[]): void {
  const mine = relocs.find((x) => x.offset === r.offset);
  expect(mine, `relocation at ${r.offset}`).toBeDefined();
  expect(mine!.kind).toBe(PC_RELATIVE.has(r.type) ? 'rel32' : 'abs64');
  if (r.type === 'R_X86_64_64') expect(WIDTH[r.type]).toBe(8);
  // A section-symbol relocation from GNU as means "this output + addend".
  expect(mine!.target).toEqual(r.sym === '.text' ? { kind: 'self' } : { kind: 'extern', name: r.sym });
  expect(mine!.addend).toBe(r.addend);
}

describe('asm hex vectors (expected bytes from GNU as, checked in)', () => {
  it('has a fixture entry for every vector and no stale entries', () => {
    const names = VECTORS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...names].sort());
  });

  for (const v of VECTORS) {
    it(v.name.split('\n').join(' / '), () => {
      const expected = EXPECTED[v.name];
      expect(expected, 'fixture missing: run scripts/gen-asm-vectors.sh').toBeDefined();
      const a = new Assembler<string>();
      v.build(a);
      const out: AsmOutput<string> = a.finish();
      expect(toHex(out.bytes)).toBe(expected!.hex);
      const holeRelocs = expected!.relocs.filter((r) => r.sym.startsWith('h_'));
      const symRelocs = expected!.relocs.filter((r) => !r.sym.startsWith('h_'));
      expect(out.holes.length).toBe(holeRelocs.length);
      expect(out.relocs.length).toBe(symRelocs.length);
      for (const r of holeRelocs) checkHole(r, out.holes);
      for (const r of symRelocs) checkReloc(r, out.relocs);
      expect(norm(out.listing.map((e) => e.text).join('\n'))).toBe(norm(v.listing ?? v.gas));
    });
  }
});
