// Instruction encoder of the in-house x86-64 assembler: picks a row of the encoding
// table for a mnemonic and typed operands, and produces its bytes plus fixups.
//
// Role: called by the Assembler (assembler.ts) once per instruction. Everything that
// depends on where the instruction lands (labels, external symbols, holes) is left as
// zero bytes plus a Fixup relative to the instruction's first byte; the assembler
// resolves or reports them after layout.
//
// Invariants:
// - The first matching row wins (table order is preference order), so the output is
//   deterministic and matches GNU as for the forms we test.
// - Holes never shrink: a disp32 hole forces mod=10 (disp32), imm holes only match
//   fields of their own width, rel32 holes only rel32 rows.
// - Encoding rules follow SDM Vol. 2A, chapter 2: legacy prefixes, REX, opcode,
//   ModRM, SIB, displacement, immediate, in that order (2.1, Figure 2-1); REX bits
//   per 2.2.1; ModRM/SIB tables 2-2 and 2-3 with the 64-bit changes of 2.2.1.3 (RIP).

import { AsmError, type Hole, type Label, type Mem, type Operand, type Sym } from './operands.js';
import type { Gpr, Xmm } from './registers.js';
import { type Form, type Mnemonic, type OpPat, FORMS_BY_MNEMONIC, PAT_INFO } from './table.js';
import { describeOperand } from './listing.js';

/**
 * A place inside an instruction or data item to be completed after layout.
 * `at` is relative to the item's first byte.
 *   hole   a copy-and-patch hole (reported to the stitcher, bytes stay zero);
 *          `signed` when the CPU reads the field as a signed value
 *   label  a PC-relative reference to a label of this assembly (relative to the
 *          item's end), resolved by the assembler
 *   sym    a PC-relative reference to an external symbol (rel32 relocation)
 *   abs    an absolute 64-bit address of a label or external symbol (abs64 relocation)
 *   delta  int32 distance between two labels of this assembly (jump tables)
 */
export type Fixup<K> =
  | { readonly kind: 'hole'; readonly at: number; readonly hole: Hole<K>; readonly signed: boolean }
  | { readonly kind: 'label'; readonly at: number; readonly width: 1 | 4; readonly label: Label; readonly addend: number }
  | { readonly kind: 'sym'; readonly at: number; readonly sym: Sym; readonly addend: number }
  | { readonly kind: 'abs'; readonly at: number; readonly target: Label | Sym; readonly addend: number }
  | { readonly kind: 'delta'; readonly at: number; readonly target: Label; readonly base: Label };

export interface Encoded<K> {
  readonly form: Form;
  readonly bytes: Uint8Array;
  readonly fixups: readonly Fixup<K>[];
}

function isGpr<K>(op: Operand<K>): op is Gpr {
  return typeof op === 'object' && op.kind === 'gpr';
}
function isXmm<K>(op: Operand<K>): op is Xmm {
  return typeof op === 'object' && op.kind === 'xmm';
}
function isMemOp<K>(op: Operand<K>): op is Mem<K> {
  return typeof op === 'object' && op.kind === 'mem';
}

/** Integer value of an immediate; numbers must be safe integers. */
export function immValue(v: number | bigint): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new AsmError(`immediate ${v} is not a safe integer (use a bigint)`);
  return BigInt(v);
}

/**
 * Does an immediate fit pattern `p` of a row with operation size `opSize`?
 * imm8/16/32/64 accept any value whose bits fit the field, signed or unsigned;
 * simm8/simm32 accept values that the CPU's sign extension to `opSize` reproduces.
 * Numbers (safe integers) take a fast path; bigints the general one.
 */
function immFits(p: OpPat, v: number | bigint, opSize: number): boolean {
  const size = PAT_INFO[p].size;
  const signExt = p === 'simm8' || p === 'simm32';
  if (typeof v === 'number') {
    immValue(v); // safe-integer check
    if (!signExt) return size === 64 || (v >= -(2 ** (size - 1)) && v < 2 ** size);
    let s = v;
    if (opSize < 64) {
      if (v < -(2 ** (opSize - 1)) || v >= 2 ** opSize) return false;
      if (v >= 2 ** (opSize - 1)) s = v - 2 ** opSize;
    }
    return s >= -(2 ** (size - 1)) && s < 2 ** (size - 1);
  }
  if (signExt) {
    const lo = -(1n << BigInt(opSize - 1));
    const hi = (1n << BigInt(opSize)) - 1n;
    if (v < lo || v > hi) return false;
    const s = BigInt.asIntN(opSize, v);
    return s >= -(1n << BigInt(size - 1)) && s < (1n << BigInt(size - 1));
  }
  return v >= -(1n << BigInt(size - 1)) && v < (1n << BigInt(size));
}

const HOLE_FOR_PAT: Partial<Record<OpPat, Hole<unknown>['hole']>> = {
  imm8: 'imm8', simm8: 'imm8', imm16: 'imm16', imm32: 'imm32', simm32: 'imm32', imm64: 'imm64',
  rel32: 'rel32',
};

function memSizeOk<K>(m: Mem<K>, size: number, form: Form, implied: boolean): boolean {
  if (m.size === undefined) return implied || form.memImplied;
  return m.size === size;
}

/** Does operand `op` match pattern `p` of `form`? `implied` waives memory sizes. */
function opMatches<K>(p: OpPat, op: Operand<K>, form: Form, implied: boolean): boolean {
  const info = PAT_INFO[p];
  switch (info.cls) {
    case 'gpr':
      return isGpr(op) && op.size === info.size;
    case 'fixed':
      return isGpr(op) && op.size === info.size && op.num === info.num;
    case 'rm':
      if (isGpr(op)) return op.size === info.size;
      return isMemOp(op) && memSizeOk(op, info.size, form, implied);
    case 'mem':
      return isMemOp(op) && (p === 'm' || memSizeOk(op, info.size, form, implied));
    case 'xmm':
      return isXmm(op);
    case 'xm':
      if (isXmm(op)) return true;
      return isMemOp(op) && memSizeOk(op, info.size, form, implied);
    case 'one':
      return op === 1 || op === 1n;
    case 'imm':
      if (typeof op === 'number' || typeof op === 'bigint') return immFits(p, op, form.opSize);
      if (op.kind === 'hole') return op.hole === HOLE_FOR_PAT[p];
      // Absolute addresses (abs64 relocations) only fit movabs's imm64.
      return p === 'imm64' && (op.kind === 'label' || op.kind === 'sym');
    case 'rel':
      if (typeof op !== 'object') return false;
      if (op.kind === 'label') return true;
      if (p === 'rel8') return false;
      return op.kind === 'sym' || (op.kind === 'hole' && op.hole === 'rel32');
  }
}

export function formMatches<K>(form: Form, ops: readonly Operand<K>[], implied = false): boolean {
  if (form.ops.length !== ops.length) return false;
  for (let i = 0; i < ops.length; i++) {
    if (!opMatches(form.ops[i]!, ops[i]!, form, implied)) return false;
  }
  return true;
}

export function formsOf(mn: Mnemonic): readonly Form[] {
  const forms = FORMS_BY_MNEMONIC.get(mn);
  if (forms === undefined) throw new AsmError(`unknown mnemonic ${String(mn)}`);
  return forms;
}

/** The first row of `mn` matching `ops`, or an AsmError explaining why none does. */
export function selectForm<K>(mn: Mnemonic, ops: readonly Operand<K>[]): Form {
  const forms = formsOf(mn);
  for (const f of forms) if (formMatches(f, ops)) return f;
  const shown = `${mn} ${ops.map(describeOperand).join(', ')}`.trim();
  if (ops.some((o) => isMemOp(o) && o.size === undefined) && forms.some((f) => formMatches(f, ops, true))) {
    throw new AsmError(`${shown}: memory operand size is ambiguous; wrap it in byte/word/dword/qword/xmmword`);
  }
  const candidates = forms.map((f) => f.ops.join(',') || '(none)').join(' | ');
  throw new AsmError(`${shown}: no encoding; forms are ${candidates}`);
}

/** Little-endian two's complement of `v` in `bytes` bytes (v already range-checked). */
function pushLE(out: number[], v: number | bigint, bytes: number): void {
  if (typeof v === 'number' && bytes <= 4) {
    let u = v >>> 0; // ToUint32: v modulo 2^32
    for (let i = 0; i < bytes; i++) {
      out.push(u & 0xff);
      u >>>= 8;
    }
    return;
  }
  let u = BigInt.asUintN(bytes * 8, BigInt(v));
  for (let i = 0; i < bytes; i++) {
    out.push(Number(u & 0xffn));
    u >>= 8n;
  }
}

const SCALE_BITS = { 1: 0, 2: 1, 4: 2, 8: 3 } as const;

/**
 * ModRM (+SIB, +displacement) for a memory operand with the given ModRM.reg field.
 * Returns the REX.X/REX.B bits it needs and fixups relative to the ModRM byte.
 */
function encodeMem<K>(m: Mem<K>, reg: number, out: number[], fix: Fixup<K>[], base0: number): number {
  const at = (): number => base0 + out.length;
  if (m.mode === 'rip') {
    // mod=00 rm=101: [rip + disp32] in 64-bit mode (SDM Vol. 2A, 2.2.1.6).
    out.push((reg << 3) | 5);
    const t = m.target;
    if (t.kind === 'label') fix.push({ kind: 'label', at: at(), width: 4, label: t, addend: m.addend });
    else if (t.kind === 'sym') fix.push({ kind: 'sym', at: at(), sym: t, addend: m.addend });
    else fix.push({ kind: 'hole', at: at(), hole: t, signed: true });
    out.push(0, 0, 0, 0);
    return 0;
  }
  const { base, index, scale, disp } = m;
  let rex = 0;
  if (index !== undefined && index.num & 8) rex |= 2; // REX.X
  const ss = SCALE_BITS[scale];
  const idx = index !== undefined ? index.num & 7 : 4; // 100b: no index
  if (base === undefined) {
    // mod=00 rm=100 SIB.base=101: [index*scale + disp32] or [disp32] (Table 2-3 note).
    out.push((reg << 3) | 4, (ss << 6) | (idx << 3) | 5);
    if (typeof disp === 'number') pushLE(out, disp, 4);
    else { fix.push({ kind: 'hole', at: at(), hole: disp, signed: true }); out.push(0, 0, 0, 0); }
    return rex;
  }
  if (base.num & 8) rex |= 1; // REX.B
  const b = base.num & 7;
  let mod: number;
  if (typeof disp !== 'number') mod = 2; // a disp32 hole never becomes disp8
  else if (disp === 0 && b !== 5) mod = 0; // rbp/r13 have no mod=00 form: it means RIP/disp32
  else if (disp >= -128 && disp <= 127) mod = 1;
  else mod = 2;
  // rsp/r12 as base need a SIB byte: rm=100 means "SIB follows" (Table 2-2).
  if (index !== undefined || b === 4) {
    out.push((mod << 6) | (reg << 3) | 4, (ss << 6) | (idx << 3) | b);
  } else {
    out.push((mod << 6) | (reg << 3) | b);
  }
  if (typeof disp !== 'number') {
    fix.push({ kind: 'hole', at: at(), hole: disp, signed: true });
    out.push(0, 0, 0, 0);
  } else if (mod === 1) {
    pushLE(out, disp, 1);
  } else if (mod === 2) {
    pushLE(out, disp, 4);
  }
  return rex;
}

/** Encode `ops` with row `form` (which must match them). */
export function encodeForm<K>(form: Form, ops: readonly Operand<K>[]): Encoded<K> {
  let rex = form.rexW ? 8 : 0;
  // spl/bpl/sil/dil exist only with a REX prefix (SDM Vol. 2A, 2.2.1.2); without one
  // the same numbers would mean ah/ch/dh/bh.
  let forceRex = false;
  for (const op of ops) {
    if (isGpr(op) && op.size === 8 && op.num >= 4 && op.num < 8) forceRex = true;
  }
  const opcode = [...form.opcode];
  if (form.plusOp >= 0) {
    const r = ops[form.plusOp] as Gpr | Xmm;
    opcode[opcode.length - 1]! += r.num & 7;
    if (r.num & 8) rex |= 1;
  }
  const tail: number[] = [];
  const tailFix: Fixup<K>[] = [];
  if (form.modrm !== undefined) {
    let reg: number;
    if (form.modrm === 'r') {
      const r = ops[form.regOp] as Gpr | Xmm;
      reg = r.num & 7;
      if (r.num & 8) rex |= 4; // REX.R
    } else {
      reg = form.modrm;
    }
    const rm = ops[form.rmOp]!;
    if (isMemOp(rm)) {
      rex |= encodeMem(rm, reg, tail, tailFix, 0);
    } else {
      const r = rm as Gpr | Xmm;
      tail.push(0xc0 | (reg << 3) | (r.num & 7));
      if (r.num & 8) rex |= 1;
    }
  }
  const out: number[] = [...form.prefixes];
  if (rex !== 0 || forceRex) out.push(0x40 | rex);
  out.push(...opcode);
  const tailAt = out.length;
  out.push(...tail);
  const fixups: Fixup<K>[] = tailFix.map((f) => ({ ...f, at: f.at + tailAt }));
  if (form.immOp >= 0) {
    const op = ops[form.immOp]!;
    const at = out.length;
    if (typeof op === 'number' || typeof op === 'bigint') {
      pushLE(out, op, form.immBytes);
    } else {
      if (op.kind === 'hole') {
        // simm8/simm32 fields are sign-extended to the operation size by the CPU.
        const p = form.ops[form.immOp]!;
        fixups.push({ kind: 'hole', at, hole: op, signed: p === 'simm8' || p === 'simm32' });
      }
      else if (op.kind === 'label' || op.kind === 'sym') fixups.push({ kind: 'abs', at, target: op, addend: 0 });
      for (let i = 0; i < form.immBytes; i++) out.push(0);
    }
  }
  if (form.relOp >= 0) {
    const op = ops[form.relOp] as Label | Sym | Hole<K>;
    const at = out.length;
    if (op.kind === 'label') fixups.push({ kind: 'label', at, width: form.relBytes as 1 | 4, label: op, addend: 0 });
    else if (op.kind === 'sym') fixups.push({ kind: 'sym', at, sym: op, addend: 0 });
    else fixups.push({ kind: 'hole', at, hole: op, signed: true });
    for (let i = 0; i < form.relBytes; i++) out.push(0);
  }
  if (out.length > 15) throw new AsmError(`${form.mn}: instruction longer than 15 bytes`);
  return { form, bytes: Uint8Array.from(out), fixups };
}

/** Select a row and encode: the whole encoder in one call. */
export function encode<K>(mn: Mnemonic, ops: readonly Operand<K>[]): Encoded<K> {
  return encodeForm(selectForm(mn, ops), ops);
}
