// Listing text for the in-house x86-64 assembler: Intel syntax in objdump's spelling.
//
// Role: the assembler (assembler.ts) records, per emitted instruction, the table row
// it used and its operands; once offsets are final it asks this module for two texts:
//   - 'names' mode, for people: labels, external symbols and holes by name,
//     e.g. `jmp .Lloop`, `call rt_alloc`, `mov rax, <imm64:const#3>`,
//     `mov rax, qword ptr [rbp+<disp32:slot>]`;
//   - 'raw' mode, what a disassembler sees in the bytes: branch targets as offsets,
//     RIP displacements as numbers, holes and unresolved symbols as the zeros they
//     are, `+0x0` wherever a displacement field is present. This is what
//     `objdump -D -b binary -m i386:x86-64 -M intel` prints, up to case, spacing,
//     comments and a few string-instruction spellings.
//
// Invariants: immediates print as objdump does, in hex, as the unsigned value of the
// operation size after sign extension (`add rax, -128` lists as
// `add rax, 0xffffffffffffff80`); displacements print signed (`[rbp-0x8]`).

import { type Form, type OpPat, PAT_INFO, NOPS } from './table.js';
import type { Gpr, Xmm } from './registers.js';
import type { Hole, Label, Mem, Operand } from './operands.js';

export type ListingMode = 'names' | 'raw';

/** One line of the listing. */
export interface ListEntry {
  readonly kind: 'insn' | 'data' | 'label' | 'align';
  /** Byte offset from the start of the assembled output. */
  readonly offset: number;
  readonly length: number;
  /** Names-mode text (what `--emit asm` shows). */
  readonly text: string;
  /** Raw-mode text (what a disassembler shows for the same bytes). */
  readonly raw: string;
}

/** What rendering needs to know about the instruction's place in the output. */
export interface RenderCtx<K> {
  readonly mode: ListingMode;
  readonly insnEnd: number;
  labelOffset(l: Label): number;
  describeHole(h: Hole<K>): string;
}

const SIZE_PTR: Readonly<Record<number, string>> = {
  8: 'byte ptr ', 16: 'word ptr ', 32: 'dword ptr ', 64: 'qword ptr ', 128: 'xmmword ptr ',
};

export function hex(v: number | bigint): string {
  const b = BigInt(v);
  return b < 0n ? `-0x${(-b).toString(16)}` : `0x${b.toString(16)}`;
}

function signedHexTerm(v: number): string {
  return v < 0 ? `-0x${(-v).toString(16)}` : `+0x${v.toString(16)}`;
}

/** Default hole text: `<imm64:const#3>`. */
export function holeText<K>(h: Hole<K>, describe: (h: Hole<K>) => string): string {
  return `<${h.hole}:${describe(h)}>`;
}

/** The `ptr` size a row prints for its memory operand (none for lea's `m`). */
function patMemSize(p: OpPat): number | undefined {
  if (p === 'm') return undefined;
  return PAT_INFO[p].size;
}

function regName(r: Gpr | Xmm): string {
  return r.name;
}

/** Whether the encoder emits a displacement field for a base/index operand. */
function hasDispField<K>(m: Mem<K>): boolean {
  if (m.mode !== 'sib') return true;
  if (m.base === undefined) return true;
  if (typeof m.disp !== 'number') return true;
  return m.disp !== 0 || (m.base.num & 7) === 5;
}

export function renderMem<K>(m: Mem<K>, size: number | undefined, ctx: RenderCtx<K>): string {
  const prefix = size !== undefined ? (SIZE_PTR[size] ?? '') : '';
  if (m.mode === 'rip') {
    const t = m.target;
    if (ctx.mode === 'raw') {
      const disp = t.kind === 'label' ? BigInt(ctx.labelOffset(t) + m.addend - ctx.insnEnd) : 0n;
      // objdump prints RIP displacements as unsigned 64-bit values.
      return `${prefix}[rip+0x${BigInt.asUintN(64, disp).toString(16)}]`;
    }
    const name = t.kind === 'hole' ? holeText(t, ctx.describeHole) : t.name;
    const add = m.addend !== 0 ? signedHexTerm(m.addend) : '';
    return `${prefix}[rip+${name}${add}]`;
  }
  const disp = m.disp;
  if (m.base === undefined && m.index === undefined) {
    const d = typeof disp === 'number' ? disp : 0;
    if (ctx.mode === 'names' && typeof disp !== 'number') return `${prefix}ds:${holeText(disp, ctx.describeHole)}`;
    return `${prefix}ds:0x${BigInt.asUintN(64, BigInt(d)).toString(16)}`;
  }
  let s = m.base !== undefined ? m.base.name : '';
  if (m.index !== undefined) s += `${s === '' ? '' : '+'}${m.index.name}*${m.scale}`;
  if (typeof disp !== 'number') {
    s += ctx.mode === 'raw' ? '+0x0' : `+${holeText(disp, ctx.describeHole)}`;
  } else if (disp !== 0 || (ctx.mode === 'raw' && hasDispField(m))) {
    s += signedHexTerm(disp);
  }
  return `${prefix}[${s}]`;
}

function immBigInt(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Text of one operand as matched against pattern `p` of row `form`. */
export function renderOperand<K>(op: Operand<K>, p: OpPat, form: Form, ctx: RenderCtx<K>): string {
  if (typeof op === 'number' || typeof op === 'bigint') {
    if (p === 'one') return '1';
    const bits = p === 'simm8' || p === 'simm32' ? form.opSize : PAT_INFO[p].size;
    return `0x${BigInt.asUintN(bits, immBigInt(op)).toString(16)}`;
  }
  switch (op.kind) {
    case 'gpr':
    case 'xmm':
      return regName(op);
    case 'mem':
      return renderMem(op, patMemSize(p), ctx);
    case 'hole':
      if (ctx.mode === 'raw') return PAT_INFO[p].cls === 'rel' ? hex(ctx.insnEnd) : '0x0';
      return holeText(op, ctx.describeHole);
    case 'label':
      if (PAT_INFO[p].cls === 'rel') return ctx.mode === 'raw' ? hex(ctx.labelOffset(op)) : op.name;
      return ctx.mode === 'raw' ? '0x0' : `offset ${op.name}`; // imm64 absolute address
    case 'sym':
      if (PAT_INFO[p].cls === 'rel') return ctx.mode === 'raw' ? hex(ctx.insnEnd) : op.name;
      return ctx.mode === 'raw' ? '0x0' : `offset ${op.name}`;
  }
}

/** Full text of an instruction: mnemonic and operands, objdump spelling. */
export function renderInsn<K>(form: Form, ops: readonly Operand<K>[], ctx: RenderCtx<K>): string {
  if (ops.length === 0) return form.text;
  return `${form.text} ${ops.map((op, i) => renderOperand(op, form.ops[i]!, form, ctx)).join(', ')}`;
}

/** Operand text for error messages, before any row is chosen. */
export function describeOperand<K>(op: Operand<K>): string {
  if (typeof op === 'number' || typeof op === 'bigint') return String(op);
  switch (op.kind) {
    case 'gpr':
    case 'xmm':
      return op.name;
    case 'mem': {
      const ctx: RenderCtx<K> = {
        mode: 'names', insnEnd: 0, labelOffset: () => 0, describeHole: () => '?',
      };
      return renderMem(op, op.size, ctx);
    }
    case 'hole':
      return `<${op.hole} hole>`;
    case 'label':
      return op.name;
    case 'sym':
      return op.name;
  }
}

/** The text of an n-byte NOP from the padding table. */
export function nopText(n: number): string {
  return NOPS[n - 1]!.text;
}

export interface FormatOptions {
  /** Which text to print (default 'names'). */
  readonly mode?: ListingMode;
  /** Print offsets and bytes in front of the text (default true). */
  readonly bytes?: boolean;
}

const BYTES_PER_LINE = 10;

/**
 * Format a listing as text, one line per entry (long data wraps its bytes):
 *     0004  48 8b 45 18                     mov rax, qword ptr [rbp+0x18]
 */
export function formatListing(
  entries: readonly ListEntry[],
  code: Uint8Array,
  opts: FormatOptions = {},
): string {
  const mode = opts.mode ?? 'names';
  const withBytes = opts.bytes ?? true;
  const lines: string[] = [];
  const width = BYTES_PER_LINE * 3;
  for (const e of entries) {
    const text = mode === 'names' ? e.text : e.raw;
    if (!withBytes) {
      lines.push(e.kind === 'label' ? text : `  ${text}`);
      continue;
    }
    const off = e.offset.toString(16).padStart(4, '0');
    if (e.kind === 'label') {
      lines.push(`${off}  ${' '.repeat(width)}${text}`);
      continue;
    }
    const bytes = Array.from(code.subarray(e.offset, e.offset + e.length), (b) => b.toString(16).padStart(2, '0'));
    const first = bytes.slice(0, BYTES_PER_LINE).join(' ');
    lines.push(`${off}  ${first.padEnd(width)}  ${text}`);
    for (let i = BYTES_PER_LINE; i < bytes.length; i += BYTES_PER_LINE) {
      const o = (e.offset + i).toString(16).padStart(4, '0');
      lines.push(`${o}  ${bytes.slice(i, i + BYTES_PER_LINE).join(' ')}`);
    }
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}
