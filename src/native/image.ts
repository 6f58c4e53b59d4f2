// Images: machine code and data in pieces, and the linker that places and patches them.
//
// The native backend produces Chunks: the assembled runtime, each stitched function, the
// static objects. A chunk belongs to one section (text, rodata, data, bss), carries its
// bytes, the symbols it defines and the relocations it needs (references to symbols
// anywhere in the image). `link()` lays the chunks out for given section addresses, resolves
// every symbol and patches every relocation. The ELF output (elfout.ts) asks the ELF writer
// for the addresses; the in-process JIT (jit.ts) uses the addresses of the memory it mapped.
// Both get identical bytes apart from the absolute addresses.

import type { AsmOutput } from '../asm/index.js';
import { OBJ_TAG_BITS } from './layout.js';

/**
 * Symbol prefix meaning "the boxed object value of": `movabs rax, box:rtstr_foo` or a data
 * word `u64(sym('box:type_int'))` is patched with the address of `rtstr_foo` tagged as an
 * object (see layout.ts).
 */
export const BOX_PREFIX = 'box:';

export type SectionName = 'text' | 'rodata' | 'data' | 'bss';
export const SECTIONS: readonly SectionName[] = ['text', 'rodata', 'data', 'bss'];

export type RelocKind = 'rel32' | 'abs64' | 'abs32';

export interface ChunkReloc {
  /** Offset of the field inside the chunk. */
  offset: number;
  kind: RelocKind;
  symbol: string;
  /** Added to the symbol's address (for rel32 the field's own position is subtracted too). */
  addend: bigint;
}

export interface ChunkSymbol {
  name: string;
  offset: number;
  size: number;
  kind: 'function' | 'object';
  /** Local symbols are not exported to the ELF symbol table's global part. */
  local?: boolean;
}

export interface Chunk {
  name: string;
  section: SectionName;
  bytes: Uint8Array;
  /** For bss chunks: size in bytes (bytes is empty). */
  size?: number;
  align: number;
  symbols: ChunkSymbol[];
  relocs: ChunkReloc[];
}

/** Build a chunk from assembler output, exporting the given labels as symbols. */
export function chunkFromAsm(
  name: string,
  section: SectionName,
  out: AsmOutput<any>,
  exports: { name: string; label: any; end?: any; kind: 'function' | 'object'; local?: boolean }[],
): Chunk {
  const symbols: ChunkSymbol[] = exports.map((e) => {
    const start = out.offsetOf(e.label);
    const end = e.end !== undefined ? out.offsetOf(e.end) : start;
    return { name: e.name, offset: start, size: Math.max(0, end - start), kind: e.kind, local: e.local };
  });
  const relocs: ChunkReloc[] = out.relocs.map((r) => {
    if (r.target.kind === 'self') return { offset: r.offset, kind: r.kind, symbol: `${name}#self`, addend: BigInt(r.addend) };
    if (r.target.name.startsWith(BOX_PREFIX)) {
      // `box:name`: the NaN-boxed object pointer to `name` (address | object tag).
      if (r.kind !== 'abs64') throw new Error(`box reference to ${r.target.name} must be a 64-bit word`);
      return { offset: r.offset, kind: r.kind, symbol: r.target.name.slice(BOX_PREFIX.length), addend: BigInt(r.addend) + OBJ_TAG_BITS };
    }
    return { offset: r.offset, kind: r.kind, symbol: r.target.name, addend: BigInt(r.addend) };
  });
  if (out.holes.length > 0) throw new Error(`chunk ${name}: unpatched holes`);
  return { name, section, bytes: out.bytes, align: Math.max(16, out.alignment), symbols, relocs };
}

/**
 * The chunks reachable from `roots` (symbol names) through relocations: what a program needs
 * of the runtime. Chunks that define no symbol a kept chunk references are left out.
 */
export function pruneChunks(chunks: readonly Chunk[], roots: readonly string[]): Chunk[] {
  const bySymbol = new Map<string, Chunk>();
  for (const c of chunks) for (const s of c.symbols) bySymbol.set(s.name, c);
  const keep = new Set<Chunk>();
  const work: Chunk[] = [];
  const want = (name: string): void => {
    const c = bySymbol.get(name.endsWith('#self') ? '' : name);
    if (c !== undefined && !keep.has(c)) {
      keep.add(c);
      work.push(c);
    }
  };
  roots.forEach(want);
  while (work.length > 0) {
    const c = work.pop()!;
    for (const r of c.relocs) want(r.symbol);
  }
  return chunks.filter((c) => keep.has(c));
}

export interface LinkedSection {
  bytes: Uint8Array;
  size: number;
  align: number;
}

export interface LinkResult {
  sections: Record<SectionName, LinkedSection>;
  /** Resolved absolute address of every symbol. */
  addresses: Map<string, bigint>;
  /** Symbol placements (section + offset) for symbol tables. */
  placed: { name: string; section: SectionName; offset: number; size: number; kind: 'function' | 'object'; local: boolean }[];
  /** Section offset of each chunk. */
  chunkOffsets: Map<Chunk, number>;
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Lay out chunks per section (sizes only), without addresses. */
export function sectionSizes(chunks: Chunk[]): Record<SectionName, { size: number; align: number }> {
  const r = {} as Record<SectionName, { size: number; align: number }>;
  for (const s of SECTIONS) {
    let size = 0;
    let align = 16;
    for (const c of chunks) {
      if (c.section !== s) continue;
      size = alignUp(size, c.align) + (c.section === 'bss' ? c.size ?? 0 : c.bytes.length);
      align = Math.max(align, c.align);
    }
    r[s] = { size, align };
  }
  return r;
}

/**
 * Place chunks at the given section base addresses and patch all relocations. Throws on an
 * undefined or duplicate symbol, or a rel32 that does not fit.
 */
export function link(chunks: Chunk[], bases: Record<SectionName, bigint>): LinkResult {
  const chunkOffsets = new Map<Chunk, number>();
  const sizes = sectionSizes(chunks);
  const sections = {} as Record<SectionName, LinkedSection>;
  for (const s of SECTIONS) {
    sections[s] = { bytes: new Uint8Array(s === 'bss' ? 0 : sizes[s].size), size: sizes[s].size, align: sizes[s].align };
    let off = 0;
    for (const c of chunks) {
      if (c.section !== s) continue;
      off = alignUp(off, c.align);
      chunkOffsets.set(c, off);
      if (s !== 'bss') {
        sections[s].bytes.set(c.bytes, off);
        // Pad text between chunks with int3 so stray jumps trap.
        off += c.bytes.length;
      } else off += c.size ?? 0;
    }
    if (s === 'text') {
      const t = sections.text.bytes;
      // Fill inter-chunk padding with int3 (0xCC): find gaps.
      let cursor = 0;
      for (const c of chunks) {
        if (c.section !== 'text') continue;
        const o = chunkOffsets.get(c)!;
        t.fill(0xcc, cursor, o);
        cursor = o + c.bytes.length;
      }
    }
  }
  const addresses = new Map<string, bigint>();
  const placed: LinkResult['placed'] = [];
  for (const c of chunks) {
    const base = bases[c.section] + BigInt(chunkOffsets.get(c)!);
    addresses.set(`${c.name}#self`, base);
    for (const sym of c.symbols) {
      if (addresses.has(sym.name)) throw new Error(`duplicate symbol ${sym.name}`);
      addresses.set(sym.name, base + BigInt(sym.offset));
      placed.push({ name: sym.name, section: c.section, offset: chunkOffsets.get(c)! + sym.offset, size: sym.size, kind: sym.kind, local: sym.local === true });
    }
  }
  for (const c of chunks) {
    if (c.section === 'bss') continue;
    const buf = sections[c.section].bytes;
    const coff = chunkOffsets.get(c)!;
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (const r of c.relocs) {
      const target = addresses.get(r.symbol);
      if (target === undefined) throw new Error(`undefined symbol ${r.symbol} (referenced from ${c.name})`);
      const at = coff + r.offset;
      const place = bases[c.section] + BigInt(at);
      switch (r.kind) {
        case 'rel32': {
          const v = target + r.addend - place;
          if (v < -(1n << 31n) || v >= 1n << 31n) throw new Error(`rel32 out of range for ${r.symbol} in ${c.name}`);
          dv.setInt32(at, Number(v), true);
          break;
        }
        case 'abs64':
          dv.setBigUint64(at, BigInt.asUintN(64, target + r.addend), true);
          break;
        case 'abs32': {
          const v = target + r.addend;
          if (v < 0n || v >= 1n << 32n) throw new Error(`abs32 out of range for ${r.symbol}`);
          dv.setUint32(at, Number(v), true);
          break;
        }
      }
    }
  }
  return { sections, addresses, placed, chunkOffsets };
}

/** Compute section base addresses for a contiguous mapping starting at `base` (JIT). */
export function contiguousBases(chunks: Chunk[], base: bigint, page = 4096): { bases: Record<SectionName, bigint>; total: number; offsets: Record<SectionName, number> } {
  const sizes = sectionSizes(chunks);
  const offsets = {} as Record<SectionName, number>;
  let off = 0;
  for (const s of SECTIONS) {
    offsets[s] = off;
    off = alignUp(off + sizes[s].size, page);
  }
  const bases = {} as Record<SectionName, bigint>;
  for (const s of SECTIONS) bases[s] = base + BigInt(offsets[s]);
  return { bases, total: Math.max(off, page), offsets };
}
