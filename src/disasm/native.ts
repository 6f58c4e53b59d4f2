// `edgepyc disasm`: source lines, bytecode and stitched x86-64 of each function, side by side.
//
// Input is a compiled NativeProgram (src/native/program.ts) and the result of linking it
// (a fixed layout for the command and its golden tests, or a live JIT image for the REPL's
// :disasm). For each function the stitcher's pieces (src/native/stitch.ts: one stencil per
// op, pseudo pieces such as ENTER and EXC_THUNK, out-of-line cold parts) are walked in
// address order; each piece's final, patched bytes are decoded with iced-x86 (x86.ts) and
// printed to the right of the bytecode instruction it implements, under the source line that
// instruction came from. Holes the stitcher patched are marked after the instruction that
// holds them (`; <- local`, described by stencil.ts describeHole).
//
// The listing holds no addresses: code is shown as offsets inside the function and every
// address the linker resolved is replaced by its symbol (`rt_binary_op`, `box(obj_None)`,
// `globals:app+0x18`), boxed small ints by `int(N)`; so golden tests stay valid whatever the
// layout. Invariant: the pieces' lengths add up to the function's size and every byte is
// decoded exactly once (tests/disasm checks both).

import { argText } from '../bytecode/disasm.js';
import type { CodeObject } from '../bytecode/code.js';
import { GENERIC, OPS } from '../bytecode/ops.js';
import { contiguousBases, link, type LinkResult } from '../native/image.js';
import { OBJ_TAG_BITS, PAYLOAD_MASK, TAG_INT, unboxInt } from '../native/layout.js';
import type { CompiledFunction, NativeProgram } from '../native/program.js';
import { describeHole } from '../native/stencil.js';
import { decodeX86, type Symbolizer } from './x86.js';

/** Where the command links a program for listing (any fixed base gives the same text). */
export const LISTING_BASE = 0x400000n;

/** Link `program` at a fixed base (addresses never reach the listing, only symbols). */
export function linkForListing(program: NativeProgram): LinkResult {
  return link(program.chunks, contiguousBases(program.chunks, LISTING_BASE).bases);
}

/**
 * Names for the addresses of a linked image: a symbol's public name (not the chunk-local
 * aliases `rt:NAME#self`), `name+0xN` inside a sized symbol, `box(name)` for an object
 * word, `int(N)` for a boxed int; null for anything else (left as a number).
 */
export function imageSymbolizer(linked: LinkResult, base: bigint): Symbolizer {
  const exact = new Map<bigint, string>();
  for (const [name, a] of linked.addresses) {
    const had = exact.get(a);
    if (had === undefined || (/[:#]/.test(had) && !/[:#]/.test(name)) || (name.startsWith('globals:') && had.startsWith('rt:'))) exact.set(a, name);
  }
  const sections = { text: 0n, rodata: 0n, data: 0n, bss: 0n };
  for (const s of Object.keys(sections) as (keyof typeof sections)[]) {
    const first = linked.placed.find((p) => p.section === s);
    if (first !== undefined) sections[s] = linked.addresses.get(first.name)! - BigInt(first.offset);
  }
  const ranges = linked.placed
    .filter((p) => p.size > 0 && !/[#]/.test(p.name))
    .map((p) => ({ name: p.name, lo: sections[p.section] + BigInt(p.offset), hi: sections[p.section] + BigInt(p.offset + p.size) }))
    .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  let end = base;
  for (const s of Object.values(linked.sections)) end += BigInt(s.size) + 4096n * 2n;
  const inside = (v: bigint): string | null => {
    const e = exact.get(v);
    if (e !== undefined) return e;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (v < r.lo) hi = mid - 1;
      else if (v >= r.hi) lo = mid + 1;
      else return `${r.name}+0x${(v - r.lo).toString(16)}`;
    }
    return null;
  };
  return (v: bigint): string | null => {
    if (v >= base && v < end) return inside(v);
    const tag = Number(v >> 48n);
    if ((v & ~PAYLOAD_MASK) === OBJ_TAG_BITS) {
      const s = inside(v & PAYLOAD_MASK);
      return s === null ? null : `box(${s})`;
    }
    if (tag === TAG_INT) return `int(${unboxInt(v)})`;
    return null;
  };
}

export interface ListingOptions {
  /** Source text of a file, by the code object's filename (null: no source lines). */
  readonly source?: (filename: string) => string | null;
}

/** One function's listing. */
export function listFunction(f: CompiledFunction, linked: LinkResult, symbolize: Symbolizer, options: ListingOptions = {}): string {
  const co = f.code;
  const chunk = f.stitched.chunk;
  const off = linked.chunkOffsets.get(chunk);
  if (off === undefined) throw new Error(`function ${co.qualname} is not in the linked image`);
  const ip = linked.addresses.get(f.entry)!;
  const bytes = linked.sections.text.bytes.slice(off, off + chunk.bytes.length);
  // Targets inside the function read as its own offsets (`jne @01a5`), like the left margin.
  const end = ip + BigInt(bytes.length);
  const local: Symbolizer = (v) => (v >= ip && v < end ? `@${(v - ip).toString(16).padStart(4, '0')}` : symbolize(v));
  const insns = decodeX86(bytes, ip, local);
  const srcLines = options.source?.(co.filename)?.split('\n') ?? null;

  const pieces = [...f.stitched.pieces].filter((p) => p.length > 0).sort((a, b) => a.offset - b.offset);
  // Holes by the offset (in the function) of the instruction holding them.
  const holes = new Map<number, string[]>();
  for (const p of pieces) {
    for (const h of p.stencil.holes) {
      if (h.insnOffset >= p.length) continue;
      const at = p.offset + h.insnOffset;
      const list = holes.get(at) ?? [];
      const d = describeHole(h.desc);
      if (!list.includes(d)) list.push(d);
      holes.set(at, list);
    }
  }
  const left = pieces.map((p) => leftText(co, f, p.instr, p.label));
  const width = Math.min(48, Math.max(24, ...left.flat().map((s) => s.length)) + 2);
  const out: string[] = [];
  out.push(`${co.qualname}  (${basename(co.filename)}:${co.firstLine})  ${chunk.bytes.length} bytes of x86-64, ${co.ops.length} bytecode instructions`);
  let line = -1;
  let k = 0;
  for (let pi = 0; pi < pieces.length; pi++) {
    const p = pieces[pi];
    const isOp = p.instr >= 0 && (p.label === f.stitched.chosen[p.instr] || p.label === OPS[GENERIC[co.ops[p.instr]]].name);
    if (isOp && co.lines[p.instr] > 0 && co.lines[p.instr] !== line) {
      line = co.lines[p.instr];
      const text = srcLines?.[line - 1]?.trim() ?? '';
      out.push(`${String(line).padStart(5)} | ${text}`.trimEnd());
    }
    const rows = left[pi];
    let r = 0;
    while ((k < insns.length && insns[k].offset < p.offset + p.length) || r < rows.length) {
      const l = rows[r++] ?? '';
      if (!(k < insns.length && insns[k].offset < p.offset + p.length)) {
        out.push(`      ${l}`);
        continue;
      }
      const insn = insns[k++];
      const marks = holes.get(insn.offset);
      const code = `${insn.offset.toString(16).padStart(4, '0')}  ${insn.text}`;
      out.push(`      ${l.padEnd(width)}| ${marks === undefined ? code : `${code.padEnd(52)} ; <- ${marks.join(', ')}`}`.trimEnd());
    }
  }
  // Bytes after the last piece (alignment padding) are decoded too, so nothing is hidden.
  while (k < insns.length) {
    const insn = insns[k++];
    out.push(`      ${''.padEnd(width)}| ${insn.offset.toString(16).padStart(4, '0')}  ${insn.text}`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * The bytecode column of a piece: the op as compiled (`<GENERIC>` after a specialization),
 * then, for a superinstruction, the instructions it fuses (`+`, they have no code of their own).
 */
function leftText(co: CodeObject, f: CompiledFunction, instr: number, label: string): string[] {
  if (instr < 0) return [`[${pseudoName(label)}]`];
  if (label === 'EXC_THUNK') return [`[raise from ${instr}]`];
  if (label.endsWith('(cold)')) return [`[${instr} slow path]`];
  const generic = OPS[GENERIC[co.ops[instr]]].name;
  const chosen = f.stitched.chosen[instr] ?? label;
  // Other pieces the stitcher attaches to an instruction (RESUME_AFTER_YIELD...).
  if (label !== chosen && label !== generic) return [`[${instr} ${label}]`];
  const row = (i: number, name: string, lead: string): string => {
    const arg = argText(co, i);
    return `${lead}${String(i).padStart(3)} ${name}${arg === '' ? '' : ` ${arg}`}`;
  };
  const rows = [`${row(instr, chosen, ' ')}${chosen !== generic ? ` <${generic}>` : ''}`];
  const fuses = OPS.find((d) => d.name === chosen)?.fuses ?? 0;
  for (let k = 1; k <= fuses && instr + k < co.ops.length; k++) rows.push(row(instr + k, OPS[GENERIC[co.ops[instr + k]]].name, '+'));
  return rows;
}

/** Readable names for the stitcher's exception-path pieces (stitch.ts: H: with a traceback entry, N: without). */
function pseudoName(label: string): string {
  const m = /^([HN]):(?:unwind|(\d+)@(\d+))$/.exec(label);
  if (m === null) return label;
  const what = m[1] === 'H' ? 'traceback entry' : 're-raise';
  return m[2] === undefined ? `${what}, unwind` : `${what}, handler at ${m[2]} (depth ${m[3]})`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export interface ProgramListingOptions extends ListingOptions {
  /** Only functions whose qualified or plain name is this. */
  readonly function?: string;
  /** Only functions of this file (default: every function of the program). */
  readonly file?: string;
}

/** The functions a listing shows, in the order the program compiled them. */
export function selectFunctions(program: NativeProgram, options: ProgramListingOptions = {}): CompiledFunction[] {
  return program.functions.filter(
    (f) => (options.file === undefined || f.code.filename === options.file) && (options.function === undefined || f.code.qualname === options.function || f.code.name === options.function),
  );
}

/** The listing of every selected function (linked at LISTING_BASE). */
export function listProgram(program: NativeProgram, options: ProgramListingOptions = {}): string {
  const linked = linkForListing(program);
  const symbolize = imageSymbolizer(linked, LISTING_BASE);
  return selectFunctions(program, options)
    .map((f) => listFunction(f, linked, symbolize, options))
    .join('\n');
}
