// The encoding table of the in-house x86-64 assembler: one row per instruction form,
// written the way the Intel SDM (Vol. 2, "Instruction Set Reference") prints it.
//
// Role: the single source of truth for what the encoder (encoder.ts) can emit. A row
// is (mnemonic, operand patterns, opcode column), e.g.
//     F('add', ['rm64', 'simm8'], 'REX.W 83 /0 ib')
// The opcode column uses the SDM's notation: legacy/mandatory prefixes (66, F2, F3),
// REX.W, opcode bytes, `/r` or `/digit` for ModRM, `+r` for a register in the low
// opcode bits, `ib/iw/id/io` for immediates and `cb/cd` for branch displacements.
// Which operand goes where (ModRM.reg, ModRM.rm, opcode+r, immediate) follows from
// the operand patterns, as the SDM's "Op/En" column would say.
//
// Invariants:
// - Row order is preference order: the encoder takes the first row that matches, so
//   short forms (imm8 sign-extended, accumulator forms, rel8) come before long ones,
//   and reg,reg forms pick the same opcode GNU as does (MR before RM).
// - Every row is parsed and checked when this module loads; a malformed row throws.
// - Baseline x86-64 (SSE2) except where a row says otherwise (lzcnt, tzcnt, popcnt).

import { AsmError } from './operands.js';

/** Condition codes in encoding order (SDM Vol. 1, Appendix B, Table B-1). */
export const CONDS = [
  'o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g',
] as const;
export type Cond = (typeof CONDS)[number];

/** Alternative spellings of condition codes, mapped to objdump's canonical ones. */
export const COND_ALIASES = {
  z: 'e', nz: 'ne', c: 'b', nc: 'ae', nae: 'b', nb: 'ae', na: 'be', nbe: 'a',
  pe: 'p', po: 'np', nge: 'l', nl: 'ge', ng: 'le', nle: 'g',
} as const satisfies Record<string, Cond>;
export type CondAlias = keyof typeof COND_ALIASES;

/** The condition that is true exactly when `c` is false (flip of bit 0). */
export function invertCond(c: Cond): Cond {
  return CONDS[CONDS.indexOf(c) ^ 1]!;
}

const PLAIN_MNEMONICS = [
  'mov', 'movabs', 'movzx', 'movsx', 'movsxd', 'lea',
  'add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp', 'test',
  'inc', 'dec', 'neg', 'not', 'mul', 'imul', 'div', 'idiv', 'cqo', 'cdq', 'cdqe',
  'rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'sar', 'shld', 'shrd',
  'bt', 'bts', 'btr', 'btc', 'bsf', 'bsr', 'lzcnt', 'tzcnt', 'popcnt',
  'jmp', 'call', 'ret', 'push', 'pop', 'xchg', 'cmpxchg', 'leave',
  'syscall', 'nop', 'int3', 'ud2', 'hlt', 'pause', 'rdtsc', 'cpuid', 'cld', 'mfence',
  'rep_movsb', 'rep_stosb', 'rep_movsq', 'rep_stosq',
  'movsd', 'movq', 'movd', 'movapd', 'movaps', 'movdqa', 'movdqu',
  'addsd', 'subsd', 'mulsd', 'divsd', 'sqrtsd', 'minsd', 'maxsd', 'ucomisd', 'comisd',
  'cvtsi2sd', 'cvttsd2si', 'cvtsd2si',
  'xorpd', 'andpd', 'andnpd', 'orpd', 'xorps', 'unpcklpd', 'unpckhpd', 'movmskpd',
  'pxor', 'pand', 'por', 'pcmpeqb', 'pmovmskb',
] as const;

export type Mnemonic =
  | (typeof PLAIN_MNEMONICS)[number]
  | `j${Cond}`
  | `set${Cond}`
  | `cmov${Cond}`;

export const MNEMONICS: readonly Mnemonic[] = [
  ...PLAIN_MNEMONICS,
  ...CONDS.map((c) => `j${c}` as const),
  ...CONDS.map((c) => `set${c}` as const),
  ...CONDS.map((c) => `cmov${c}` as const),
];

/**
 * Operand patterns. `rN` register only, `rmN` register or memory, `mN` memory only,
 * `m` memory of any size (lea), `xmm` / `xmN` the SSE equivalents. Immediates:
 * `imm8` a raw byte (8-bit operations, shift counts, bit indexes), `simm8` a byte
 * sign-extended to the operation size, `imm16/imm32` full fields, `simm32` an imm32
 * sign-extended to 64 bits, `imm64` (movabs). `one` is the implicit count of the
 * shift-by-1 forms; `al/ax/eax/rax/cl` are fixed registers; `rel8/rel32` are branch
 * displacements.
 */
export type OpPat =
  | 'r8' | 'r16' | 'r32' | 'r64'
  | 'rm8' | 'rm16' | 'rm32' | 'rm64'
  | 'm8' | 'm16' | 'm32' | 'm64' | 'm128' | 'm'
  | 'xmm' | 'xm64' | 'xm128'
  | 'al' | 'ax' | 'eax' | 'rax' | 'cl'
  | 'imm8' | 'simm8' | 'imm16' | 'imm32' | 'simm32' | 'imm64' | 'one'
  | 'rel8' | 'rel32';

export type PatClass = 'gpr' | 'rm' | 'mem' | 'xmm' | 'xm' | 'fixed' | 'imm' | 'one' | 'rel';

export interface PatInfo {
  readonly cls: PatClass;
  /** Register/memory width in bits, or immediate/displacement field width in bytes*8. */
  readonly size: number;
  /** Register number for fixed registers. */
  readonly num?: number;
}

export const PAT_INFO: Readonly<Record<OpPat, PatInfo>> = {
  r8: { cls: 'gpr', size: 8 }, r16: { cls: 'gpr', size: 16 },
  r32: { cls: 'gpr', size: 32 }, r64: { cls: 'gpr', size: 64 },
  rm8: { cls: 'rm', size: 8 }, rm16: { cls: 'rm', size: 16 },
  rm32: { cls: 'rm', size: 32 }, rm64: { cls: 'rm', size: 64 },
  m8: { cls: 'mem', size: 8 }, m16: { cls: 'mem', size: 16 }, m32: { cls: 'mem', size: 32 },
  m64: { cls: 'mem', size: 64 }, m128: { cls: 'mem', size: 128 }, m: { cls: 'mem', size: 0 },
  xmm: { cls: 'xmm', size: 128 }, xm64: { cls: 'xm', size: 64 }, xm128: { cls: 'xm', size: 128 },
  al: { cls: 'fixed', size: 8, num: 0 }, ax: { cls: 'fixed', size: 16, num: 0 },
  eax: { cls: 'fixed', size: 32, num: 0 }, rax: { cls: 'fixed', size: 64, num: 0 },
  cl: { cls: 'fixed', size: 8, num: 1 },
  imm8: { cls: 'imm', size: 8 }, simm8: { cls: 'imm', size: 8 }, imm16: { cls: 'imm', size: 16 },
  imm32: { cls: 'imm', size: 32 }, simm32: { cls: 'imm', size: 32 }, imm64: { cls: 'imm', size: 64 },
  one: { cls: 'one', size: 0 },
  rel8: { cls: 'rel', size: 8 }, rel32: { cls: 'rel', size: 32 },
};

/** One parsed row of the table. Operand roles are indexes into `ops` (-1: none). */
export interface Form {
  readonly mn: Mnemonic;
  readonly ops: readonly OpPat[];
  /** The opcode column as written, for error messages and docs. */
  readonly spec: string;
  /** Legacy / mandatory prefixes (66, F2, F3), emitted before REX in this order. */
  readonly prefixes: readonly number[];
  readonly rexW: boolean;
  readonly opcode: readonly number[];
  /** 'r' for /r, 0-7 for /digit, undefined without ModRM. */
  readonly modrm: 'r' | number | undefined;
  readonly regOp: number;
  readonly rmOp: number;
  /** Operand encoded in the low three bits of the last opcode byte (`+r`). */
  readonly plusOp: number;
  readonly immOp: number;
  readonly immBytes: 0 | 1 | 2 | 4 | 8;
  readonly relOp: number;
  readonly relBytes: 0 | 1 | 4;
  /** Operation size in bits: how immediates are sign-extended and printed. */
  readonly opSize: 8 | 16 | 32 | 64;
  /** An unsized memory operand is unambiguous for this row (see encoder matching). */
  readonly memImplied: boolean;
  /** Mnemonic as the listing prints it (objdump's spelling). */
  readonly text: string;
}

interface RowOptions {
  /** Listing mnemonic when it differs from the method name (e.g. movabs). */
  readonly text?: string;
  /** The memory operand needs no size annotation (only one size exists). */
  readonly implied?: boolean;
}

const PREFIX_BYTES: ReadonlySet<number> = new Set([0x66, 0xf2, 0xf3]);
const IMM_TOKENS = { ib: 1, iw: 2, id: 4, io: 8 } as const;
const REL_TOKENS = { cb: 1, cd: 4 } as const;

function parseHexByte(tok: string, row: string): number {
  if (!/^[0-9A-Fa-f]{2}$/.test(tok)) throw new AsmError(`table row ${row}: bad token '${tok}'`);
  return parseInt(tok, 16);
}

/** Parse one row; exported so tests can check the parser on its own. */
export function parseForm(mn: Mnemonic, ops: readonly OpPat[], spec: string, opts: RowOptions = {}): Form {
  const row = `${mn} ${ops.join(',')}: ${spec}`;
  const prefixes: number[] = [];
  const opcode: number[] = [];
  let rexW = false;
  let modrm: 'r' | number | undefined;
  let plusR = false;
  let immBytes: Form['immBytes'] = 0;
  let relBytes: Form['relBytes'] = 0;
  for (const tok of spec.split(/\s+/)) {
    if (tok === '' || tok === '+') continue;
    if (tok === 'REX.W') { rexW = true; continue; }
    if (tok === '/r') { modrm = 'r'; continue; }
    if (/^\/[0-7]$/.test(tok)) { modrm = Number(tok[1]); continue; }
    if (tok in IMM_TOKENS) { immBytes = IMM_TOKENS[tok as keyof typeof IMM_TOKENS]; continue; }
    if (tok in REL_TOKENS) { relBytes = REL_TOKENS[tok as keyof typeof REL_TOKENS]; continue; }
    if (/^[0-9A-Fa-f]{2}\+r$/.test(tok)) {
      opcode.push(parseHexByte(tok.slice(0, 2), row));
      plusR = true;
      continue;
    }
    const b = parseHexByte(tok, row);
    if (opcode.length === 0 && PREFIX_BYTES.has(b)) prefixes.push(b);
    else opcode.push(b);
  }
  if (opcode.length === 0) throw new AsmError(`table row ${row}: no opcode`);

  // Assign operand roles from the pattern classes (the SDM's Op/En column).
  let regOp = -1, rmOp = -1, plusOp = -1, immOp = -1, relOp = -1;
  const rmLike = (p: OpPat): boolean => {
    const c = PAT_INFO[p].cls;
    return c === 'rm' || c === 'mem' || c === 'xm';
  };
  const regLike = (p: OpPat): boolean => {
    const c = PAT_INFO[p].cls;
    return c === 'gpr' || c === 'xmm';
  };
  const encodedRegs: number[] = [];
  ops.forEach((p, i) => {
    const c = PAT_INFO[p].cls;
    if (c === 'imm') {
      if (immOp >= 0) throw new AsmError(`table row ${row}: two immediates`);
      immOp = i;
    } else if (c === 'rel') {
      relOp = i;
    } else if (rmLike(p) || regLike(p)) {
      encodedRegs.push(i);
    }
  });
  if (plusR) {
    if (encodedRegs.length !== 1 || !regLike(ops[encodedRegs[0]!]!)) {
      throw new AsmError(`table row ${row}: +r needs exactly one register operand`);
    }
    plusOp = encodedRegs[0]!;
  } else if (modrm === 'r') {
    if (encodedRegs.length !== 2) throw new AsmError(`table row ${row}: /r needs two operands`);
    const [a, b] = encodedRegs as [number, number];
    // With one r/m-like pattern, it is ModRM.rm; with two plain registers the first
    // is ModRM.reg (the SDM's RM encoding, e.g. pmovmskb r32, xmm).
    if (rmLike(ops[a]!) && rmLike(ops[b]!)) throw new AsmError(`table row ${row}: two r/m operands`);
    if (rmLike(ops[a]!)) { rmOp = a; regOp = b; } else { regOp = a; rmOp = b; }
  } else if (modrm !== undefined) {
    if (encodedRegs.length !== 1) throw new AsmError(`table row ${row}: /digit needs one r/m operand`);
    rmOp = encodedRegs[0]!;
  } else if (encodedRegs.length !== 0) {
    throw new AsmError(`table row ${row}: operand without an encoding`);
  }
  if ((immOp >= 0) !== (immBytes > 0)) throw new AsmError(`table row ${row}: immediate mismatch`);
  if (immOp >= 0 && PAT_INFO[ops[immOp]!].size !== immBytes * 8) {
    throw new AsmError(`table row ${row}: immediate width mismatch`);
  }
  if ((relOp >= 0) !== (relBytes > 0)) throw new AsmError(`table row ${row}: displacement mismatch`);

  // Operation size: the first sized register or r/m operand; pushes default to 64.
  let opSize: Form['opSize'] = 64;
  for (const p of ops) {
    const { cls, size } = PAT_INFO[p];
    if ((cls === 'gpr' || cls === 'rm' || cls === 'fixed' || cls === 'mem') && size >= 8 && size <= 64) {
      opSize = size as Form['opSize'];
      break;
    }
  }

  // An unsized memory operand is accepted when the row leaves no doubt about its size:
  // lea's `m`, SSE operands, or another register operand of the same width.
  let memImplied = opts.implied ?? false;
  if (rmOp >= 0 && rmLike(ops[rmOp]!)) {
    const mp = ops[rmOp]!;
    const info = PAT_INFO[mp];
    if (mp === 'm' || info.cls === 'xm') memImplied = true;
    if (info.cls === 'mem' && ops.includes('xmm')) memImplied = true;
    if (ops.some((p, i) => i !== rmOp && (PAT_INFO[p].cls === 'gpr' || PAT_INFO[p].cls === 'fixed')
      && p !== 'cl' && PAT_INFO[p].size === info.size)) {
      memImplied = true;
    }
  }

  return Object.freeze({
    mn, ops: Object.freeze([...ops]), spec, prefixes, rexW, opcode, modrm,
    regOp, rmOp, plusOp, immOp, immBytes, relOp, relBytes, opSize, memImplied,
    text: opts.text ?? mn.replace('_', ' '),
  });
}

const ROWS: Form[] = [];
function F(mn: Mnemonic, ops: readonly OpPat[], spec: string, opts?: RowOptions): void {
  ROWS.push(parseForm(mn, ops, spec, opts));
}

type Width = 8 | 16 | 32 | 64;
const WIDTHS: readonly Width[] = [8, 16, 32, 64];
/** Operand-size prefix / REX.W for a width (SDM Vol. 2A, 2.2.1.2 and 3.6). */
function osz(w: Width): string {
  return w === 16 ? '66 ' : w === 64 ? 'REX.W ' : '';
}
const R = { 8: 'r8', 16: 'r16', 32: 'r32', 64: 'r64' } as const;
const RM = { 8: 'rm8', 16: 'rm16', 32: 'rm32', 64: 'rm64' } as const;
const M = { 8: 'm8', 16: 'm16', 32: 'm32', 64: 'm64' } as const;
const ACC = { 8: 'al', 16: 'ax', 32: 'eax', 64: 'rax' } as const;
/** Full-width immediate of an operation: imm32 is sign-extended for 64-bit operations. */
const IMM = { 8: 'imm8', 16: 'imm16', 32: 'imm32', 64: 'simm32' } as const;
const IMM_TOK = { 8: 'ib', 16: 'iw', 32: 'id', 64: 'id' } as const;
const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

// MOV (SDM Vol. 2B "MOV—Move"). reg,reg takes 89 /r like GNU as. mov r64, imm picks
// C7 /0 (simm32) when the value fits, else B8+r io, which objdump calls movabs.
F('mov', ['rm8', 'r8'], '88 /r');
F('mov', ['rm16', 'r16'], '66 89 /r');
F('mov', ['rm32', 'r32'], '89 /r');
F('mov', ['rm64', 'r64'], 'REX.W 89 /r');
F('mov', ['r8', 'rm8'], '8A /r');
F('mov', ['r16', 'rm16'], '66 8B /r');
F('mov', ['r32', 'rm32'], '8B /r');
F('mov', ['r64', 'rm64'], 'REX.W 8B /r');
F('mov', ['r8', 'imm8'], 'B0+r ib');
F('mov', ['r16', 'imm16'], '66 B8+r iw');
F('mov', ['r32', 'imm32'], 'B8+r id');
F('mov', ['rm64', 'simm32'], 'REX.W C7 /0 id');
F('mov', ['r64', 'imm64'], 'REX.W B8+r io', { text: 'movabs' });
F('mov', ['rm8', 'imm8'], 'C6 /0 ib');
F('mov', ['rm16', 'imm16'], '66 C7 /0 iw');
F('mov', ['rm32', 'imm32'], 'C7 /0 id');
F('movabs', ['r64', 'imm64'], 'REX.W B8+r io');

// MOVZX / MOVSX / MOVSXD (SDM Vol. 2B).
for (const [mn, base] of [['movzx', 0xb6], ['movsx', 0xbe]] as const) {
  F(mn, ['r16', 'rm8'], `66 0F ${hex(base)} /r`);
  F(mn, ['r32', 'rm8'], `0F ${hex(base)} /r`);
  F(mn, ['r64', 'rm8'], `REX.W 0F ${hex(base)} /r`);
  F(mn, ['r32', 'rm16'], `0F ${hex(base + 1)} /r`);
  F(mn, ['r64', 'rm16'], `REX.W 0F ${hex(base + 1)} /r`);
}
F('movsxd', ['r64', 'rm32'], 'REX.W 63 /r', { implied: true });

// LEA (SDM Vol. 2A): the memory operand's size is irrelevant.
F('lea', ['r64', 'm'], 'REX.W 8D /r');
F('lea', ['r32', 'm'], '8D /r');

// The eight classic ALU operations share one layout (SDM Vol. 2A, "ADD"; opcode map
// Table A-2): op*8 + {0: rm8,r8  1: rm,r  2: r8,rm8  3: r,rm  4: al,imm8  5: acc,imm},
// and 80/81/83 with /op for immediates. 83 (imm8 sign-extended) is preferred, then
// the accumulator short form, as GNU as does.
const ALU = [['add', 0], ['or', 1], ['adc', 2], ['sbb', 3], ['and', 4], ['sub', 5], ['xor', 6], ['cmp', 7]] as const;
for (const [mn, d] of ALU) {
  const b = d * 8;
  for (const w of WIDTHS) F(mn, [RM[w], R[w]], `${osz(w)}${hex(w === 8 ? b : b + 1)} /r`);
  for (const w of WIDTHS) F(mn, [R[w], RM[w]], `${osz(w)}${hex(w === 8 ? b + 2 : b + 3)} /r`);
  for (const w of [16, 32, 64] as const) F(mn, [RM[w], 'simm8'], `${osz(w)}83 /${d} ib`);
  for (const w of WIDTHS) F(mn, [ACC[w], IMM[w]], `${osz(w)}${hex(w === 8 ? b + 4 : b + 5)} ${IMM_TOK[w]}`);
  for (const w of WIDTHS) F(mn, [RM[w], IMM[w]], `${osz(w)}${w === 8 ? '80' : '81'} /${d} ${IMM_TOK[w]}`);
}

// TEST (SDM Vol. 2B). Both operand orders of the register/memory form are accepted.
for (const w of WIDTHS) F('test', [ACC[w], IMM[w]], `${osz(w)}${w === 8 ? 'A8' : 'A9'} ${IMM_TOK[w]}`);
for (const w of WIDTHS) F('test', [RM[w], IMM[w]], `${osz(w)}${w === 8 ? 'F6' : 'F7'} /0 ${IMM_TOK[w]}`);
for (const w of WIDTHS) F('test', [RM[w], R[w]], `${osz(w)}${w === 8 ? '84' : '85'} /r`);
for (const w of WIDTHS) F('test', [R[w], M[w]], `${osz(w)}${w === 8 ? '84' : '85'} /r`);

// Unary group 3 and 4/5 (SDM Vol. 2A opcode map, Table A-6): F6/F7 /2-/7, FE/FF /0-/1.
for (const [mn, d] of [['not', 2], ['neg', 3], ['mul', 4], ['imul', 5], ['div', 6], ['idiv', 7]] as const) {
  for (const w of WIDTHS) F(mn, [RM[w]], `${osz(w)}${w === 8 ? 'F6' : 'F7'} /${d}`);
}
for (const [mn, d] of [['inc', 0], ['dec', 1]] as const) {
  for (const w of WIDTHS) F(mn, [RM[w]], `${osz(w)}${w === 8 ? 'FE' : 'FF'} /${d}`);
}
// IMUL two- and three-operand forms (SDM Vol. 2A "IMUL").
for (const w of [16, 32, 64] as const) {
  F('imul', [R[w], RM[w]], `${osz(w)}0F AF /r`);
  F('imul', [R[w], RM[w], 'simm8'], `${osz(w)}6B /r ib`);
  F('imul', [R[w], RM[w], IMM[w]], `${osz(w)}69 /r ${IMM_TOK[w]}`);
}
F('cqo', [], 'REX.W 99');
F('cdq', [], '99');
F('cdqe', [], 'REX.W 98');

// Shifts and rotates, group 2 (SDM Vol. 2A Table A-6): D0/D1 by 1, D2/D3 by cl,
// C0/C1 by imm8. The by-1 form is listed first, as GNU as prefers it.
const SHIFTS = [['rol', 0], ['ror', 1], ['rcl', 2], ['rcr', 3], ['shl', 4], ['shr', 5], ['sar', 7]] as const;
for (const [mn, d] of SHIFTS) {
  for (const w of WIDTHS) {
    F(mn, [RM[w], 'one'], `${osz(w)}${w === 8 ? 'D0' : 'D1'} /${d}`);
    F(mn, [RM[w], 'cl'], `${osz(w)}${w === 8 ? 'D2' : 'D3'} /${d}`);
    F(mn, [RM[w], 'imm8'], `${osz(w)}${w === 8 ? 'C0' : 'C1'} /${d} ib`);
  }
}
for (const [mn, b] of [['shld', 0xa4], ['shrd', 0xac]] as const) {
  for (const w of [16, 32, 64] as const) {
    F(mn, [RM[w], R[w], 'imm8'], `${osz(w)}0F ${hex(b)} /r ib`);
    F(mn, [RM[w], R[w], 'cl'], `${osz(w)}0F ${hex(b + 1)} /r`);
  }
}

// Bit test family (SDM Vol. 2A "BT"): 0F A3/AB/B3/BB /r and 0F BA /4-/7 ib.
for (const [mn, op, d] of [['bt', 0xa3, 4], ['bts', 0xab, 5], ['btr', 0xb3, 6], ['btc', 0xbb, 7]] as const) {
  for (const w of [16, 32, 64] as const) {
    F(mn, [RM[w], R[w]], `${osz(w)}0F ${hex(op)} /r`);
    F(mn, [RM[w], 'imm8'], `${osz(w)}0F BA /${d} ib`);
  }
}
// Bit scans and counts. lzcnt needs CPUID ABM/LZCNT, tzcnt needs BMI1, popcnt needs
// POPCNT: not baseline x86-64, so the runtime must check CPUID before using them.
// (On older CPUs F3 0F BC/BD silently execute as bsf/bsr.)
for (const w of [16, 32, 64] as const) {
  F('bsf', [R[w], RM[w]], `${osz(w)}0F BC /r`);
  F('bsr', [R[w], RM[w]], `${osz(w)}0F BD /r`);
  const p = w === 16 ? '66 F3 ' : w === 64 ? 'F3 REX.W ' : 'F3 ';
  F('lzcnt', [R[w], RM[w]], `${p}0F BD /r`);
  F('tzcnt', [R[w], RM[w]], `${p}0F BC /r`);
  F('popcnt', [R[w], RM[w]], `${p}0F B8 /r`);
}

// Condition-code families (SDM Vol. 2A "Jcc", "SETcc", "CMOVcc"): opcode + cc.
CONDS.forEach((c, cc) => {
  F(`j${c}`, ['rel8'], `${hex(0x70 + cc)} cb`);
  F(`j${c}`, ['rel32'], `0F ${hex(0x80 + cc)} cd`);
  F(`set${c}`, ['rm8'], `0F ${hex(0x90 + cc)} /0`);
  for (const w of [16, 32, 64] as const) F(`cmov${c}`, [R[w], RM[w]], `${osz(w)}0F ${hex(0x40 + cc)} /r`);
});

// Control transfer (SDM Vol. 2A "JMP", "CALL", "RET"). Near indirect jumps and calls
// default to 64-bit operands in 64-bit mode: no REX.W.
F('jmp', ['rel8'], 'EB cb');
F('jmp', ['rel32'], 'E9 cd');
F('jmp', ['rm64'], 'FF /4', { implied: true });
F('call', ['rel32'], 'E8 cd');
F('call', ['rm64'], 'FF /2', { implied: true });
F('ret', [], 'C3');
F('ret', ['imm16'], 'C2 iw');

// Stack (SDM Vol. 2B "PUSH", "POP"): 64-bit operand size by default.
F('push', ['r64'], '50+r');
F('push', ['m64'], 'FF /6', { implied: true });
F('push', ['simm8'], '6A ib');
F('push', ['simm32'], '68 id');
F('pop', ['r64'], '58+r');
F('pop', ['m64'], '8F /0', { implied: true });
F('leave', [], 'C9');

// XCHG (SDM Vol. 2B). The 90+r accumulator forms exist for 16 and 64 bits only
// here: `90` with 32-bit operands is NOP and would not zero-extend eax.
F('xchg', ['rax', 'r64'], 'REX.W 90+r');
F('xchg', ['r64', 'rax'], 'REX.W 90+r');
F('xchg', ['ax', 'r16'], '66 90+r');
F('xchg', ['r16', 'ax'], '66 90+r');
for (const w of WIDTHS) {
  F('xchg', [RM[w], R[w]], `${osz(w)}${w === 8 ? '86' : '87'} /r`);
  F('xchg', [R[w], M[w]], `${osz(w)}${w === 8 ? '86' : '87'} /r`);
}
F('cmpxchg', ['rm8', 'r8'], '0F B0 /r');
F('cmpxchg', ['rm16', 'r16'], '66 0F B1 /r');
F('cmpxchg', ['rm32', 'r32'], '0F B1 /r');
F('cmpxchg', ['rm64', 'r64'], 'REX.W 0F B1 /r');

// Miscellaneous single-form instructions.
F('syscall', [], '0F 05');
F('nop', [], '90');
F('int3', [], 'CC');
F('ud2', [], '0F 0B');
F('hlt', [], 'F4');
F('pause', [], 'F3 90');
F('rdtsc', [], '0F 31');
F('cpuid', [], '0F A2');
F('cld', [], 'FC');
F('mfence', [], '0F AE F0');
// String instructions with REP (SDM Vol. 2B "REP/REPE/REPZ"): rdi/rsi/rcx implicit.
F('rep_movsb', [], 'F3 A4');
F('rep_stosb', [], 'F3 AA');
F('rep_movsq', [], 'F3 REX.W A5');
F('rep_stosq', [], 'F3 REX.W AB');

// SSE2 scalar double and 128-bit moves (SDM Vol. 2A/2B). Mandatory prefixes 66/F2/F3
// precede REX.
F('movsd', ['xmm', 'xm64'], 'F2 0F 10 /r');
F('movsd', ['m64', 'xmm'], 'F2 0F 11 /r');
F('movq', ['xmm', 'xm64'], 'F3 0F 7E /r');
F('movq', ['xmm', 'rm64'], '66 REX.W 0F 6E /r');
F('movq', ['m64', 'xmm'], '66 0F D6 /r');
F('movq', ['rm64', 'xmm'], '66 REX.W 0F 7E /r');
F('movd', ['xmm', 'rm32'], '66 0F 6E /r', { implied: true });
F('movd', ['rm32', 'xmm'], '66 0F 7E /r', { implied: true });
for (const [mn, load, store] of [
  ['movapd', '66 0F 28', '66 0F 29'], ['movaps', '0F 28', '0F 29'],
  ['movdqa', '66 0F 6F', '66 0F 7F'], ['movdqu', 'F3 0F 6F', 'F3 0F 7F'],
] as const) {
  F(mn, ['xmm', 'xm128'], `${load} /r`);
  F(mn, ['m128', 'xmm'], `${store} /r`);
}
for (const [mn, op] of [
  ['addsd', 0x58], ['mulsd', 0x59], ['subsd', 0x5c], ['minsd', 0x5d], ['divsd', 0x5e],
  ['maxsd', 0x5f], ['sqrtsd', 0x51],
] as const) {
  F(mn, ['xmm', 'xm64'], `F2 0F ${hex(op)} /r`);
}
F('ucomisd', ['xmm', 'xm64'], '66 0F 2E /r');
F('comisd', ['xmm', 'xm64'], '66 0F 2F /r');
F('cvtsi2sd', ['xmm', 'rm64'], 'F2 REX.W 0F 2A /r');
F('cvtsi2sd', ['xmm', 'rm32'], 'F2 0F 2A /r');
F('cvttsd2si', ['r64', 'xm64'], 'F2 REX.W 0F 2C /r');
F('cvttsd2si', ['r32', 'xm64'], 'F2 0F 2C /r');
F('cvtsd2si', ['r64', 'xm64'], 'F2 REX.W 0F 2D /r');
F('cvtsd2si', ['r32', 'xm64'], 'F2 0F 2D /r');
for (const [mn, spec] of [
  ['andpd', '66 0F 54'], ['andnpd', '66 0F 55'], ['orpd', '66 0F 56'], ['xorpd', '66 0F 57'],
  ['xorps', '0F 57'], ['unpcklpd', '66 0F 14'], ['unpckhpd', '66 0F 15'],
  ['pand', '66 0F DB'], ['por', '66 0F EB'], ['pxor', '66 0F EF'], ['pcmpeqb', '66 0F 74'],
] as const) {
  F(mn, ['xmm', 'xm128'], `${spec} /r`);
}
F('movmskpd', ['r32', 'xmm'], '66 0F 50 /r');
F('pmovmskb', ['r32', 'xmm'], '66 0F D7 /r');

/** All rows, in preference order. */
export const FORMS: readonly Form[] = Object.freeze(ROWS);

/** Rows grouped by mnemonic, preserving order. */
export const FORMS_BY_MNEMONIC: ReadonlyMap<Mnemonic, readonly Form[]> = (() => {
  const m = new Map<Mnemonic, Form[]>();
  for (const f of ROWS) {
    const list = m.get(f.mn);
    if (list) list.push(f);
    else m.set(f.mn, [f]);
  }
  for (const mn of MNEMONICS) {
    if (!m.has(mn)) throw new AsmError(`mnemonic ${mn} has no table row`);
  }
  return m;
})();

/**
 * Multi-byte NOPs for alignment padding: the SDM's recommended sequences (Vol. 2B,
 * "NOP—No Operation", Table 4-12), with the text objdump prints for each.
 */
export const NOPS: readonly { readonly bytes: readonly number[]; readonly text: string }[] = [
  { bytes: [0x90], text: 'nop' },
  { bytes: [0x66, 0x90], text: 'xchg ax, ax' },
  { bytes: [0x0f, 0x1f, 0x00], text: 'nop dword ptr [rax]' },
  { bytes: [0x0f, 0x1f, 0x40, 0x00], text: 'nop dword ptr [rax+0x0]' },
  { bytes: [0x0f, 0x1f, 0x44, 0x00, 0x00], text: 'nop dword ptr [rax+rax*1+0x0]' },
  { bytes: [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00], text: 'nop word ptr [rax+rax*1+0x0]' },
  { bytes: [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00], text: 'nop dword ptr [rax+0x0]' },
  { bytes: [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00], text: 'nop dword ptr [rax+rax*1+0x0]' },
  { bytes: [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00], text: 'nop word ptr [rax+rax*1+0x0]' },
];
