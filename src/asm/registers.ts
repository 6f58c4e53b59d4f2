// Registers of the in-house x86-64 assembler: general registers of every width
// and the SSE registers, as typed values rather than strings.
//
// Role: the leaves of every operand. A register value carries its hardware number
// (0-15, the value that goes into ModRM.reg / ModRM.rm / SIB / opcode+r, with bit 3
// going into REX.R / REX.X / REX.B) and its width; the encoder never looks at names.
// Names exist only for the listing and follow objdump's Intel spelling (r8b, r8w, r8d).
//
// Invariants:
// - There is exactly one object per register, so registers compare with `===`.
// - The 8-bit registers 4-7 are spl/bpl/sil/dil. They are only reachable with a REX
//   prefix (Intel SDM Vol. 2A, 2.2.1.2 "More on REX Prefix Fields", Table 2-6); the
//   legacy ah/ch/dh/bh that share those numbers without REX are deliberately not
//   modelled, so no instruction can mix an AH-class register with a REX prefix.

/** Width in bits of a general register operand. */
export type GprSize = 8 | 16 | 32 | 64;

/** Names in hardware encoding order (Intel SDM Vol. 2A, Table 3-1 and 2.2.1). */
export const GPR64_NAMES = [
  'rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi',
  'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15',
] as const;
export const GPR32_NAMES = [
  'eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi',
  'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d',
] as const;
export const GPR16_NAMES = [
  'ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di',
  'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w',
] as const;
export const GPR8_NAMES = [
  'al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil',
  'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b',
] as const;
export const XMM_NAMES = [
  'xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7',
  'xmm8', 'xmm9', 'xmm10', 'xmm11', 'xmm12', 'xmm13', 'xmm14', 'xmm15',
] as const;

export type GprName =
  | (typeof GPR64_NAMES)[number]
  | (typeof GPR32_NAMES)[number]
  | (typeof GPR16_NAMES)[number]
  | (typeof GPR8_NAMES)[number];
export type XmmName = (typeof XMM_NAMES)[number];

/** A general-purpose register of a given width. */
export interface Gpr<S extends GprSize = GprSize> {
  readonly kind: 'gpr';
  readonly size: S;
  /** Hardware number 0-15. */
  readonly num: number;
  readonly name: GprName;
}

/** An SSE register (xmm0-xmm15). */
export interface Xmm {
  readonly kind: 'xmm';
  readonly num: number;
  readonly name: XmmName;
}

export type Reg = Gpr | Xmm;

function makeGprs<S extends GprSize>(size: S, names: readonly GprName[]): readonly Gpr<S>[] {
  return Object.freeze(names.map((name, num) => Object.freeze({ kind: 'gpr' as const, size, num, name })));
}

/** Registers indexed by hardware number, for code that computes register numbers. */
export const R64: readonly Gpr<64>[] = makeGprs(64, GPR64_NAMES);
export const R32: readonly Gpr<32>[] = makeGprs(32, GPR32_NAMES);
export const R16: readonly Gpr<16>[] = makeGprs(16, GPR16_NAMES);
export const R8: readonly Gpr<8>[] = makeGprs(8, GPR8_NAMES);
export const XMM: readonly Xmm[] = Object.freeze(
  XMM_NAMES.map((name, num) => Object.freeze({ kind: 'xmm' as const, num, name })),
);

// The `!` below are safe: the tables above have exactly 16 entries.
export const rax = R64[0]!, rcx = R64[1]!, rdx = R64[2]!, rbx = R64[3]!;
export const rsp = R64[4]!, rbp = R64[5]!, rsi = R64[6]!, rdi = R64[7]!;
export const r8 = R64[8]!, r9 = R64[9]!, r10 = R64[10]!, r11 = R64[11]!;
export const r12 = R64[12]!, r13 = R64[13]!, r14 = R64[14]!, r15 = R64[15]!;

export const eax = R32[0]!, ecx = R32[1]!, edx = R32[2]!, ebx = R32[3]!;
export const esp = R32[4]!, ebp = R32[5]!, esi = R32[6]!, edi = R32[7]!;
export const r8d = R32[8]!, r9d = R32[9]!, r10d = R32[10]!, r11d = R32[11]!;
export const r12d = R32[12]!, r13d = R32[13]!, r14d = R32[14]!, r15d = R32[15]!;

export const ax = R16[0]!, cx = R16[1]!, dx = R16[2]!, bx = R16[3]!;
export const sp = R16[4]!, bp = R16[5]!, si = R16[6]!, di = R16[7]!;
export const r8w = R16[8]!, r9w = R16[9]!, r10w = R16[10]!, r11w = R16[11]!;
export const r12w = R16[12]!, r13w = R16[13]!, r14w = R16[14]!, r15w = R16[15]!;

export const al = R8[0]!, cl = R8[1]!, dl = R8[2]!, bl = R8[3]!;
export const spl = R8[4]!, bpl = R8[5]!, sil = R8[6]!, dil = R8[7]!;
export const r8b = R8[8]!, r9b = R8[9]!, r10b = R8[10]!, r11b = R8[11]!;
export const r12b = R8[12]!, r13b = R8[13]!, r14b = R8[14]!, r15b = R8[15]!;

export const xmm0 = XMM[0]!, xmm1 = XMM[1]!, xmm2 = XMM[2]!, xmm3 = XMM[3]!;
export const xmm4 = XMM[4]!, xmm5 = XMM[5]!, xmm6 = XMM[6]!, xmm7 = XMM[7]!;
export const xmm8 = XMM[8]!, xmm9 = XMM[9]!, xmm10 = XMM[10]!, xmm11 = XMM[11]!;
export const xmm12 = XMM[12]!, xmm13 = XMM[13]!, xmm14 = XMM[14]!, xmm15 = XMM[15]!;

/** The same hardware register at another width (e.g. `resize(r9, 32)` is r9d). */
export function resize<S extends GprSize>(r: Gpr, size: S): Gpr<S> {
  const table = (size === 64 ? R64 : size === 32 ? R32 : size === 16 ? R16 : R8) as readonly Gpr<S>[];
  return table[r.num]!;
}
