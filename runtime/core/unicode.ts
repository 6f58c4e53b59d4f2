// Runtime Unicode tables: CPython 3.11's character properties and case mappings (Unicode
// 14.0.0) as rodata, with the lookup routines the str methods use.
//
// Role: the native counterpart of src/unicode. The tables are not a second copy of the
// database: they are generated at link time from src/unicode (the property trie is
// src/unicode/data/props.ts re-emitted as binary; the case table is built from
// casing.ts's full mappings), so the interpreter and compiled programs answer every
// isalpha()/upper()/isspace() question identically.
//
// Property lookup (rt_unicode_info): the 3-level trie of props.ts,
//
//     info = uc_info[uc_leaf[uc_mid[uc_top[cp >> 8] << 5 | (cp >> 3) & 31] << 3 | cp & 7]]
//
// info bits 0..12 are the FLAG_NAMES flags (props.ts: alpha, decimal, digit, numeric,
// space, printable, upper, lower, cased, caseIgnorable, xidStart, xidContinue,
// linebreak), bits 16..20 the general category. uc_latin1 holds the info word of U+0000..
// U+00FF directly, for kind-1 strings.
//
// Case lookup (rt_unicode_case): a 2-level table over cp < CASE_LIMIT (every code point
// with a case mapping is below it and is `cased`, which the generator asserts):
//
//     rec = uc_case_idx[uc_case_top[cp >> 7] << 7 | cp & 127]        (0: no mapping)
//     uc_case_rec[rec] = 4 x u32 (lower, upper, title, fold)
//
// Each u32 is either a single code point as a signed 24-bit delta from cp (top byte 0),
// or n = top byte (2 or 3) code points at uc_case_extra[low 24 bits].
//
// Invariants: routines here never allocate or raise; inputs are code points 0..0x10FFFF.

import { type Assembler, type Gpr, byte, dword, eax, ecx, edi, edx, mem, r8, r9d, rax, rcx, rdx, resize, rip, rsi, sib, sym, word } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { base64Array } from '../../src/unicode/decode.js';
import * as P from '../../src/unicode/data/props.js';
import { FLAG, FLAG_NAMES, flagsOf, foldFull, lowerFull, titleFull, upperFull } from '../../src/unicode/index.js';

/** Flag bits of an info word (props.ts FLAG). */
export const UC = FLAG;
/** General category field of an info word: (info >> UC_CATEGORY_SHIFT) & 31. */
export const UC_CATEGORY_SHIFT = 16;
/** Category numbers used by the runtime (props.ts GENERAL_CATEGORIES order). */
export const UC_CAT = { Lt: 3 } as const;

/** Code points at or above this have no case mapping. */
export const CASE_LIMIT = 0x20000;
/** Which mapping rt_unicode_case returns. */
export const CASE = { lower: 0, upper: 1, title: 2, fold: 3 } as const;

interface Tables {
  top: Uint8Array;
  mid: Uint16Array;
  leaf: Uint16Array;
  info: Uint32Array;
  /** Decimal / digit value per record (0..9), 0xff when the flag is unset. */
  decimal: Uint8Array;
  digit: Uint8Array;
  latin1: Uint32Array;
  caseTop: Uint16Array;
  caseIdx: Uint16Array;
  caseRec: Uint32Array;
  caseExtra: Uint32Array;
}

let cached: Tables | undefined;

function widen16(a: ArrayLike<number>): Uint16Array {
  return Uint16Array.from(a);
}

/** Build the binary tables once per process (about 20 ms). */
export function unicodeTables(): Tables {
  if (cached !== undefined) return cached;
  if (P.LEAF_SHIFT !== 3 || P.MID_SHIFT !== 5) throw new Error('runtime/core/unicode.ts: trie shifts changed; update rt_unicode_info');
  if (FLAG_NAMES.join() !== P.FLAG_ORDER.join()) throw new Error('runtime/core/unicode.ts: flag order differs from src/unicode');
  const top = Uint8Array.from(base64Array(P.TOP, P.TOP_WIDTH));
  const mid = widen16(base64Array(P.MID, P.MID_WIDTH));
  const leaf = widen16(base64Array(P.LEAF, P.LEAF_WIDTH));
  const info = Uint32Array.from(base64Array(P.RECORD_INFO, 4));
  const numeric = base64Array(P.RECORD_NUMERIC, 1);
  const decimal = new Uint8Array(info.length).fill(0xff);
  const digit = new Uint8Array(info.length).fill(0xff);
  for (let r = 0; r < info.length; r++) {
    const v = numeric[r]! === 0 ? undefined : P.NUMERIC_VALUES[numeric[r]! - 1];
    if (info[r]! & FLAG.decimal) decimal[r] = v!;
    if (info[r]! & FLAG.digit) digit[r] = v!;
  }
  const recordOf = (cp: number): number => leaf[(mid[(top[cp >> 8]! << 5) | ((cp >> 3) & 31)]! << 3) | (cp & 7)]!;
  const latin1 = new Uint32Array(256);
  for (let cp = 0; cp < 256; cp++) latin1[cp] = info[recordOf(cp)]!;

  // Case records, deduplicated; record 0 means "maps to itself".
  const recKey = new Map<string, number>();
  const recs: number[] = [0, 0, 0, 0];
  const extra: number[] = [];
  const cpRec = new Uint16Array(CASE_LIMIT);
  const field = (cp: number, s: string): number => {
    const cps = Array.from(s, (c) => c.codePointAt(0)!);
    if (cps.length === 1) return (cps[0]! - cp) & 0xffffff;
    const at = extra.length;
    extra.push(...cps);
    return (cps.length << 24) | at;
  };
  // Only cased code points have mappings (tests/native/str_unicode.test.ts checks every
  // code point), so the others are skipped without building their strings.
  for (let cp = 0; cp < CASE_LIMIT; cp++) {
    if (!(flagsOf(cp) & FLAG.cased)) continue;
    const c = String.fromCodePoint(cp);
    const maps = [lowerFull(cp), upperFull(cp), titleFull(cp), foldFull(cp)];
    if (maps.every((m) => m === c)) continue;
    const key = maps.map((m) => (Array.from(m).length === 1 ? `d${m.codePointAt(0)! - cp}` : `m${m}`)).join('|');
    let r = recKey.get(key);
    if (r === undefined) {
      r = recs.length / 4;
      recKey.set(key, r);
      for (const m of maps) recs.push(field(cp, m));
    }
    cpRec[cp] = r;
  }
  // Second level: deduplicated blocks of 128.
  const blockKey = new Map<string, number>();
  const caseTop = new Uint16Array(CASE_LIMIT >> 7);
  const idx: number[] = [];
  for (let b = 0; b < caseTop.length; b++) {
    const block = cpRec.subarray(b << 7, (b + 1) << 7);
    const key = block.join(',');
    let at = blockKey.get(key);
    if (at === undefined) {
      at = idx.length >> 7;
      blockKey.set(key, at);
      idx.push(...block);
    }
    caseTop[b] = at;
  }
  cached = {
    top, mid, leaf, info, decimal, digit, latin1,
    caseTop, caseIdx: Uint16Array.from(idx), caseRec: Uint32Array.from(recs), caseExtra: Uint32Array.from(extra),
  };
  return cached;
}

function bytesOf(a: Uint8Array | Uint16Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function table(name: string, get: (t: Tables) => Uint8Array | Uint16Array | Uint32Array) {
  return { name, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => a.bytes(bytesOf(get(unicodeTables()))) };
}

/**
 * Inline info lookup: dst32 = info word of the code point in `cp` (a 64-bit register whose
 * upper half is zero). Clobbers `tmp`. Latin-1 code points take one load.
 */
export function emitUnicodeInfo(a: Assembler<any>, dst: Gpr<64>, cp: Gpr<64>, tmp: Gpr<64>): void {
  a.mov(tmp, cp);
  a.shr(tmp, 8);
  a.lea(dst, rip(sym('uc_top')));
  a.movzx(resize32(dst), byte(sib(dst, tmp, 1)));
  a.shl(resize32(dst), 5);
  a.mov(tmp, cp);
  a.shr(resize32(tmp), 3);
  a.and(resize32(tmp), 31);
  a.or(resize32(dst), resize32(tmp));
  a.lea(tmp, rip(sym('uc_mid')));
  a.movzx(resize32(dst), word(sib(tmp, dst, 2)));
  a.shl(resize32(dst), 3);
  a.mov(tmp, cp);
  a.and(resize32(tmp), 7);
  a.or(resize32(dst), resize32(tmp));
  a.lea(tmp, rip(sym('uc_leaf')));
  a.movzx(resize32(dst), word(sib(tmp, dst, 2)));
  a.lea(tmp, rip(sym('uc_info')));
  a.mov(resize32(dst), dword(sib(tmp, dst, 4)));
}

function resize32(r: Gpr<64>): Gpr<32> {
  return resize(r, 32);
}

export const unicodeModule: RuntimeModule = {
  name: 'unicode',
  routines: [
    {
      name: 'rt_unicode_info',
      contract: 'edi=code point -> eax=info word (flags bits 0..12, category bits 16..20); clobbers rax rcx only; no alloc',
      emit(a: Assembler<any>) {
        const big = a.newLabel();
        a.cmp(edi, 0xff);
        a.ja(big);
        a.lea(rax, rip(sym('uc_latin1')));
        a.mov(ecx, edi);
        a.mov(eax, dword(sib(rax, rcx, 4)));
        a.ret();
        a.bind(big);
        a.push(rdx);
        a.mov(edx, edi);
        emitUnicodeInfo(a, rax, rdx, rcx);
        a.pop(rdx);
        a.ret();
      },
    },
    ...(['decimal', 'digit'] as const).map((which) => ({
      name: `rt_unicode_${which}`,
      contract: `edi=code point -> eax=its ${which} value 0..9, or -1 when it has none; clobbers rax rcx rdx; no alloc`,
      emit(a: Assembler<any>) {
        a.mov(edx, edi);
        a.mov(eax, edx);
        a.shr(eax, 8);
        a.lea(rcx, rip(sym('uc_top')));
        a.movzx(eax, byte(sib(rcx, rax, 1)));
        a.shl(eax, 5);
        a.shr(edx, 3);
        a.and(edx, 31);
        a.or(eax, edx);
        a.lea(rcx, rip(sym('uc_mid')));
        a.movzx(eax, word(sib(rcx, rax, 2)));
        a.shl(eax, 3);
        a.mov(edx, edi);
        a.and(edx, 7);
        a.or(eax, edx);
        a.lea(rcx, rip(sym('uc_leaf')));
        a.movzx(eax, word(sib(rcx, rax, 2)));
        a.lea(rcx, rip(sym(`uc_${which}`)));
        a.movzx(eax, byte(sib(rcx, rax, 1)));
        a.cmp(eax, 0xff);
        a.mov(edx, -1);
        a.cmove(eax, edx);
        a.ret();
      },
    })),
    {
      name: 'rt_unicode_case',
      contract: 'edi=code point, esi=mapping (0 lower, 1 upper, 2 title, 3 casefold), rdx=destination (3 u32) -> eax=code points written (1..3); full mappings, no context (final sigma is the caller\'s); clobbers rax rcx r8 r9; no alloc',
      emit(a: Assembler<any>) {
        const identity = a.newLabel();
        const multi = a.newLabel();
        const copy = a.newLabel();
        a.cmp(edi, CASE_LIMIT);
        a.jae(identity);
        a.mov(eax, edi);
        a.shr(eax, 7);
        a.lea(rcx, rip(sym('uc_case_top')));
        a.movzx(eax, word(sib(rcx, rax, 2)));
        a.shl(eax, 7);
        a.mov(ecx, edi);
        a.and(ecx, 127);
        a.or(eax, ecx);
        a.lea(rcx, rip(sym('uc_case_idx')));
        a.movzx(eax, word(sib(rcx, rax, 2)));
        a.test(eax, eax);
        a.je(identity);
        a.shl(eax, 4);
        a.lea(rcx, rip(sym('uc_case_rec')));
        a.add(rcx, rax);
        a.mov(eax, dword(sib(rcx, rsi, 4)));
        a.mov(ecx, eax);
        a.shr(ecx, 24);
        a.jne(multi);
        a.shl(eax, 8);
        a.sar(eax, 8);
        a.add(eax, edi);
        a.mov(dword(mem(rdx)), eax);
        a.mov(eax, 1);
        a.ret();
        a.bind(multi);
        a.and(eax, 0xffffff);
        a.lea(r8, rip(sym('uc_case_extra')));
        a.lea(r8, sib(r8, rax, 4));
        a.xor(eax, eax);
        a.bind(copy);
        a.mov(r9d, dword(sib(r8, rax, 4)));
        a.mov(dword(sib(rdx, rax, 4)), r9d);
        a.inc(eax);
        a.cmp(eax, ecx);
        a.jb(copy);
        a.ret();
        a.bind(identity);
        a.mov(dword(mem(rdx)), edi);
        a.mov(eax, 1);
        a.ret();
      },
    },
  ],
  data: [
    table('uc_top', (t) => t.top),
    table('uc_mid', (t) => t.mid),
    table('uc_leaf', (t) => t.leaf),
    table('uc_info', (t) => t.info),
    table('uc_decimal', (t) => t.decimal),
    table('uc_digit', (t) => t.digit),
    table('uc_latin1', (t) => t.latin1),
    table('uc_case_top', (t) => t.caseTop),
    table('uc_case_idx', (t) => t.caseIdx),
    table('uc_case_rec', (t) => t.caseRec),
    table('uc_case_extra', (t) => t.caseExtra),
  ],
};
