// Operands of the in-house x86-64 assembler: memory operands, immediates, labels,
// external symbols and copy-and-patch holes, all as typed values.
//
// Role: what instruction methods take. The encoder (encoder.ts) matches these
// against the operand patterns of the encoding table (table.ts); the listing
// (listing.ts) prints them in objdump's Intel spelling.
//
// Invariants:
// - A memory operand is either base/index/scale/disp ("sib" mode, also covering the
//   no-base forms) or RIP-relative to a label, an external symbol or a rel32 hole.
//   Its size is optional: `qword(m)` etc. set it; it must be given whenever no
//   register operand implies it (SDM Vol. 1, 3.7.5 "Specifying an Offset").
// - Displacements and addends are int32 (64-bit mode has no disp64 except moffs,
//   which we do not use; SDM Vol. 2A, 2.2.1.3).
// - rsp cannot be an index register: SIB.index = 100b means "no index" (SDM Vol. 2A,
//   Table 2-3); r12 (100b with REX.X) can.
// - A hole is typed twice: by `HoleKind` (which field it fills: imm8/16/32/64,
//   disp32 or rel32, fixing its width) and by the caller's descriptor type K
//   (what the stitcher will put there). The assembler never interprets K.

import type { Gpr, Xmm } from './registers.js';

/** Raised for anything the assembler cannot encode; the message names the instruction. */
export class AsmError extends Error {
  override readonly name = 'AsmError';
}

export type MemSize = 8 | 16 | 32 | 64 | 128;
export type Scale = 1 | 2 | 4 | 8;

/** Which instruction field a hole fills; this fixes its width and meaning. */
export const HOLE_KINDS = ['imm8', 'imm16', 'imm32', 'imm64', 'disp32', 'rel32'] as const;
export type HoleKind = (typeof HOLE_KINDS)[number];

/** Width in bytes of the field each hole kind fills. */
export const HOLE_WIDTH: Readonly<Record<HoleKind, 1 | 2 | 4 | 8>> = {
  imm8: 1, imm16: 2, imm32: 4, imm64: 8, disp32: 4, rel32: 4,
};

/**
 * A copy-and-patch hole: stands in for an immediate (imm*), a memory displacement
 * (disp32) or a PC-relative target (rel32, for jmp/jcc/call and RIP-relative memory).
 * `desc` is the stitcher's typed descriptor of what goes there.
 */
export interface Hole<K, H extends HoleKind = HoleKind> {
  readonly kind: 'hole';
  readonly hole: H;
  readonly desc: K;
}

/** A position in the code being assembled; created and bound by an Assembler. */
export interface Label {
  readonly kind: 'label';
  readonly id: number;
  readonly name: string;
  /** Identity of the Assembler that created it: labels do not cross assemblers. */
  readonly owner: number;
}

/** An external symbol (runtime routine, data object) resolved by a linker. */
export interface Sym {
  readonly kind: 'sym';
  readonly name: string;
}

/** [base + index*scale + disp]; base and index are both optional. */
export interface SibMem<K = never> {
  readonly kind: 'mem';
  readonly mode: 'sib';
  readonly size: MemSize | undefined;
  readonly base: Gpr<64> | undefined;
  readonly index: Gpr<64> | undefined;
  readonly scale: Scale;
  readonly disp: number | Hole<K, 'disp32'>;
}

/** [rip + target + addend]: target is a label here, an external symbol, or a rel32 hole. */
export interface RipMem<K = never> {
  readonly kind: 'mem';
  readonly mode: 'rip';
  readonly size: MemSize | undefined;
  readonly target: Label | Sym | Hole<K, 'rel32'>;
  readonly addend: number;
}

export type Mem<K = never> = SibMem<K> | RipMem<K>;

/** An immediate: a number must be a safe integer; use bigint for 64-bit values beyond 2^53. */
export type Imm = number | bigint;

export type Operand<K = never> = Gpr | Xmm | Mem<K> | Imm | Hole<K> | Label | Sym;

const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;

function checkDisp(d: number, what: string): void {
  if (!Number.isSafeInteger(d) || d < INT32_MIN || d > INT32_MAX) {
    throw new AsmError(`${what} ${d} is not an int32`);
  }
}

function isHole(x: unknown): x is Hole<unknown> {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'hole';
}

/**
 * General memory operand constructor. Prefer the short forms `mem`, `sib`, `rip`
 * and the sized wrappers `byte`/`word`/`dword`/`qword`/`xmmword`.
 */
export function memory<K = never>(m: {
  base?: Gpr<64>;
  index?: Gpr<64>;
  scale?: Scale;
  disp?: number | Hole<K, 'disp32'>;
  size?: MemSize;
}): SibMem<K> {
  const disp = m.disp ?? 0;
  if (isHole(disp)) {
    if (disp.hole !== 'disp32') throw new AsmError(`a ${disp.hole} hole cannot be a displacement`);
  } else {
    checkDisp(disp, 'displacement');
  }
  if (m.base !== undefined && (m.base.kind !== 'gpr' || m.base.size !== 64)) {
    throw new AsmError('memory base must be a 64-bit general register');
  }
  if (m.index !== undefined) {
    if (m.index.kind !== 'gpr' || m.index.size !== 64) {
      throw new AsmError('memory index must be a 64-bit general register');
    }
    // SIB.index = 100b without REX.X encodes "no index" (SDM Vol. 2A, Table 2-3).
    if (m.index.num === 4) throw new AsmError('rsp cannot be an index register');
  }
  const scale = m.scale ?? 1;
  if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8) {
    throw new AsmError(`scale ${String(scale)} is not 1, 2, 4 or 8`);
  }
  if (m.index === undefined && scale !== 1) throw new AsmError('scale given without an index');
  return Object.freeze({
    kind: 'mem', mode: 'sib', size: m.size, base: m.base, index: m.index, scale, disp,
  });
}

/** [base + disp] */
export function mem<K = never>(base: Gpr<64>, disp: number | Hole<K, 'disp32'> = 0): SibMem<K> {
  return memory<K>({ base, disp });
}

/** [base + index*scale + disp]; pass `undefined` as base for [index*scale + disp32]. */
export function sib<K = never>(
  base: Gpr<64> | undefined,
  index: Gpr<64>,
  scale: Scale = 1,
  disp: number | Hole<K, 'disp32'> = 0,
): SibMem<K> {
  return memory<K>(base === undefined ? { index, scale, disp } : { base, index, scale, disp });
}

/** [rip + target + addend]: a label, an external symbol, or a rel32 hole. */
export function rip<K = never>(target: Label | Sym | Hole<K, 'rel32'>, addend = 0): RipMem<K> {
  if (isHole(target) && target.hole !== 'rel32') {
    throw new AsmError(`a ${target.hole} hole cannot be a RIP-relative target`);
  }
  if (isHole(target) && addend !== 0) throw new AsmError('a rel32 hole takes no addend');
  checkDisp(addend, 'addend');
  return Object.freeze({ kind: 'mem', mode: 'rip', size: undefined, target, addend });
}

function sized(size: MemSize) {
  function f<K>(m: Mem<K>): Mem<K>;
  function f<K = never>(base: Gpr<64>, disp?: number | Hole<K, 'disp32'>): SibMem<K>;
  function f<K>(x: Mem<K> | Gpr<64>, disp: number | Hole<K, 'disp32'> = 0): Mem<K> {
    const m: Mem<K> = x.kind === 'mem' ? x : mem<K>(x, disp);
    return Object.freeze({ ...m, size });
  }
  return f;
}

/** Size-annotated memory operands: `qword(rbp, 0x18)` or `qword(sib(rax, rcx, 8))`. */
export const byte = sized(8);
export const word = sized(16);
export const dword = sized(32);
export const qword = sized(64);
export const xmmword = sized(128);

/** An external symbol reference for call/jmp rel32, RIP-relative memory and data. */
export function sym(name: string): Sym {
  if (name.length === 0) throw new AsmError('empty symbol name');
  return Object.freeze({ kind: 'sym', name });
}

function makeHole<H extends HoleKind>(h: H) {
  return <K>(desc: K): Hole<K, H> => Object.freeze({ kind: 'hole', hole: h, desc });
}

/**
 * Hole constructors, one per field kind:
 *   hole.imm32(d)  an imm32 field (never the imm8 short form)
 *   hole.imm64(d)  the imm64 of `mov r64, imm64` (movabs) or a u64 data word
 *   hole.disp32(d) a memory displacement (never disp8): `qword(rbp, hole.disp32(d))`
 *   hole.rel32(d)  a jmp/jcc/call target or `rip(hole.rel32(d))` (never rel8)
 */
export const hole = {
  imm8: makeHole('imm8'),
  imm16: makeHole('imm16'),
  imm32: makeHole('imm32'),
  imm64: makeHole('imm64'),
  disp32: makeHole('disp32'),
  rel32: makeHole('rel32'),
} as const;

export function isMem<K>(op: Operand<K>): op is Mem<K> {
  return typeof op === 'object' && op.kind === 'mem';
}
export function isHoleOp<K>(op: Operand<K>): op is Hole<K> {
  return typeof op === 'object' && op.kind === 'hole';
}
