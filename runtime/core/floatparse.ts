// Runtime: text -> float, as CPython 3.11's float(str) (Objects/floatobject.c
// PyFloat_FromString, Python/pystrtod.c, Python/dtoa.c _Py_dg_strtod).
//
// Pipeline of rt_float_from_str:
//   1. _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII kept (below 127), other Unicode
//      whitespace -> ' ', other decimal digits (category Nd) -> '0'..'9'; the first other
//      character becomes '?' and ends the text (so the parse fails on it);
//   2. _Py_string_to_number_with_underscores: an '_' must sit between two digits;
//   3. float_from_string_inner: strip ASCII whitespace; the number must use the whole rest:
//        [+|-] (digits [. digits] | . digits) [(e|E) [+|-] digits]  |  [+|-] inf[inity] | nan
//      (case-insensitive words; no hex floats). Errors: ValueError("could not convert string
//      to float: %R") with the repr of the original str.
//
// Correct rounding (rt_float_strtod): the first 19 significant digits w and the decimal
// exponent q go through Eisel and Lemire's algorithm (D. Lemire, "Number Parsing at a
// Gigabyte per Second", 2021; Mushtak and Lemire, "Fast number parsing without fallback",
// 2023): one or two 64x128-bit products with a table of 651 truncated 128-bit powers of five
// (computed with BigInt when the module loads), exact for every w < 10^19. With more than
// 19 significant digits the value lies between w*10^q and (w+1)*10^q; when those round to
// different doubles b < b', the input's digits are compared with the exact decimal
// expansion of the midpoint (b + b')/2 (rt_dtoa_rounded_me), ties to even. No other slow path.

import {
  type Assembler, al, byte, cl, eax, ebp, ecx, edi, edx, esi, mem, qword, r10, r10d, r11, r12, r13, r14, r15, r8, r8d, r9, r9d, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { PAYLOAD_MASK, STR } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { epilogue, loadCodePoint, prologue } from '../../src/native/macros.js';
import { DTOA_DIGITS_MAX } from './dtoa.js';
import { cstr } from './exc.js';
import { F64_MANT } from './floatkit.js';
import { UC } from './unicode.js';

const Q_MIN = -342;
const Q_MAX = 308;
/** _Py_dg_strtod's MAX_ABS_EXP: larger exponents saturate (to inf or 0). */
const MAX_ABS_EXP = 1100000000;
/** Texts up to this many bytes are transformed on the machine stack. */
const STACK_TEXT = 512;

/**
 * The 128-bit truncated powers of five of Eisel-Lemire, for q in [-342, 308]: 5^q with its
 * top bit at bit 127 (q >= 0), or a rounded-up reciprocal scaled to 128 bits (q < 0).
 * Pairs (high, low), as fast_float's generator builds them.
 */
export function powersOfFive128(): bigint[] {
  const out: bigint[] = [];
  const M64 = (1n << 64n) - 1n;
  for (let q = Q_MIN; q <= Q_MAX; q++) {
    let c: bigint;
    if (q < 0) {
      const p5 = 5n ** BigInt(-q);
      let z = 0n;
      while (1n << z < p5) z++;
      if (q >= -27) {
        c = (1n << (z + 127n)) / p5 + 1n;
      } else {
        c = (1n << (2n * z + 128n)) / p5 + 1n;
        while (c >= 1n << 128n) c >>= 1n;
      }
    } else {
      c = 5n ** BigInt(q);
      while (c < 1n << 127n) c <<= 1n;
      while (c >= 1n << 128n) c >>= 1n;
    }
    out.push(c >> 64n, c & M64);
  }
  return out;
}

// rt_float_strtod frame
const S_SIGN = 0;
const S_FIRST = 8; // address of the first significant digit
const S_ND = 16; // significant digits (leading zeros skipped, trailing zeros kept)
const S_NDEFF = 24; // significant digits up to the last nonzero one
const S_DP = 32; // value = 0.DIGITS * 10^DP
const S_W = 40; // first min(nd, 19) digits
const S_Q = 48; // DP - min(nd, 19)
const S_END = 56; // end of the number
const S_B1 = 64;
const S_LZ = 72; // there were leading zeros
const S_FZ = 80; // zeros between the point and the first digit (no integer digits)
const S_MDIG = 88; // midpoint digits (DTOA_DIGITS_MAX bytes)
const S_FRAME = S_MDIG + DTOA_DIGITS_MAX;

/**
 * eax holds a byte: when it is ASCII whitespace (Py_ISSPACE) run `step` and jump to `again`,
 * else jump to `done`. Clobbers ecx.
 */
function isSpace(a: Assembler<any>, again: ReturnType<Assembler<any>['newLabel']>, done: ReturnType<Assembler<any>['newLabel']>, step: () => void): void {
  const yes = a.newLabel();
  a.cmp(eax, 0x20);
  a.je(yes);
  a.lea(ecx, mem(rax, -9));
  a.cmp(ecx, 4);
  a.ja(done);
  a.bind(yes);
  step();
  a.jmp(again);
}

export const floatParseModule: RuntimeModule = {
  name: 'floatparse',
  routines: [
    {
      name: 'rt_float_eisel_lemire',
      contract: 'rdi=w (0 < w <= 10^19), rsi=q (signed) -> rax=bits of the double nearest to w * 10^q (ties to even; 0 below the range, inf above); clobbers rax rcx rdx rsi rdi r8-r11; no alloc',
      emit(a: Assembler<any>) {
        const zero = a.newLabel();
        const inf = a.newLabel();
        const noSecond = a.newLabel();
        const normal = a.newLabel();
        const noEven = a.newLabel();
        const noCarry = a.newLabel();
        a.cmp(rsi, Q_MIN);
        a.jl(zero);
        a.cmp(rsi, Q_MAX);
        a.jg(inf);
        a.bsr(rcx, rdi);
        a.xor(ecx, 63); // lz
        a.mov(r8, rcx);
        a.shl(rdi, cl); // w normalized: top bit set
        a.lea(r11, rip(sym('float_pow5_128')));
        a.lea(rax, mem(rsi, -Q_MIN));
        a.shl(rax, 4);
        a.add(r11, rax); // the (high, low) pair of 5^q
        a.mov(rax, qword(mem(r11)));
        a.mul(rdi);
        a.mov(r9, rdx); // hi
        a.mov(r10, rax); // lo
        // Not enough precision in the top 55 bits: add the second product's high word.
        a.mov(rax, r9);
        a.and(eax, 0x1ff);
        a.cmp(eax, 0x1ff);
        a.jne(noSecond);
        a.mov(rax, qword(mem(r11, 8)));
        a.mul(rdi);
        a.add(r10, rdx);
        a.adc(r9, 0);
        a.bind(noSecond);
        a.mov(r11, r9);
        a.shr(r11, 63); // upperbit
        a.lea(ecx, mem(r11, 9)); // shift = upperbit + 64 - 52 - 3
        a.mov(rdi, r9);
        a.shr(rdi, cl); // mantissa (54 bits: one for rounding)
        // power2 = ((217706 * q) >> 16) + 63 + upperbit - lz + 1023
        a.imul(rax, rsi, 217706);
        a.sar(rax, 16);
        a.add(rax, 63 + 1023);
        a.add(rax, r11);
        a.sub(rax, r8);
        a.test(rax, rax);
        a.jg(normal);
        // Subnormal (or zero): shift right by 1 - power2, round half up, and the carry may
        // make it the smallest normal.
        a.mov(ecx, 1);
        a.sub(rcx, rax);
        a.cmp(rcx, 64);
        a.jae(zero);
        a.shr(rdi, cl);
        a.mov(rax, rdi);
        a.and(eax, 1);
        a.add(rdi, rax);
        a.shr(rdi, 1);
        a.mov(rax, rdi); // mantissa < 2^52: exponent 0; == 2^52: the smallest normal
        a.ret();
        a.bind(normal);
        // A product exact to the last bit may be a tie: round it to even (q in [-4, 23]).
        a.cmp(r10, 1);
        a.ja(noEven);
        a.cmp(rsi, -4);
        a.jl(noEven);
        a.cmp(rsi, 23);
        a.jg(noEven);
        a.mov(rdx, rdi);
        a.and(edx, 3);
        a.cmp(edx, 1);
        a.jne(noEven);
        a.mov(rdx, rdi);
        a.shl(rdx, cl);
        a.cmp(rdx, r9);
        a.jne(noEven);
        a.and(rdi, -2);
        a.bind(noEven);
        a.mov(rdx, rdi);
        a.and(edx, 1);
        a.add(rdi, rdx);
        a.shr(rdi, 1);
        a.mov(rdx, 1n << 53n);
        a.cmp(rdi, rdx);
        a.jb(noCarry);
        a.shr(rdi, 1);
        a.inc(rax);
        a.bind(noCarry);
        a.btr(rdi, 52);
        a.cmp(rax, 0x7ff);
        a.jge(inf);
        a.shl(rax, 52);
        a.or(rax, rdi);
        a.ret();
        a.bind(zero);
        a.xor(eax, eax);
        a.ret();
        a.bind(inf);
        a.mov(rax, 0x7ff0_0000_0000_0000n);
        a.ret();
      },
    },
    {
      name: 'rt_float_parse_infnan',
      contract: 'rdi=ptr, rsi=len -> rax=bits, rdx=bytes used (0: not inf/nan): [+|-] inf | infinity | nan, any case (_Py_parse_inf_or_nan; -nan keeps its sign; each nan a fresh payload); clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        const notMinus = a.newLabel();
        const signDone = a.newLabel();
        const nan = a.newLabel();
        const plainInf = a.newLabel();
        a.xor(r8, r8); // sign bit
        a.xor(edx, edx); // index
        a.test(rsi, rsi);
        a.je(none);
        a.movzx(eax, byte(mem(rdi)));
        a.cmp(al, 0x2d);
        a.jne(notMinus);
        a.mov(r8, 1n << 63n);
        a.inc(edx);
        a.jmp(signDone);
        a.bind(notMinus);
        a.cmp(al, 0x2b);
        a.jne(signDone);
        a.inc(edx);
        a.bind(signDone);
        /** Match `word` at rdx case-insensitively and advance rdx, else jump to `fail`. */
        const match = (word: string, fail: ReturnType<Assembler<any>['newLabel']>): void => {
          a.lea(rcx, mem(rdx, word.length));
          a.cmp(rcx, rsi);
          a.ja(fail);
          for (let i = 0; i < word.length; i++) {
            a.movzx(eax, byte(sib(rdi, rdx, 1, i)));
            a.or(eax, 0x20); // only 'X' and 'x' map to 'x' for the letters used here
            a.cmp(eax, word.charCodeAt(i));
            a.jne(fail);
          }
          a.mov(rdx, rcx);
        };
        match('inf', nan);
        match('inity', plainInf);
        a.bind(plainInf);
        a.mov(rax, 0x7ff0_0000_0000_0000n);
        a.or(rax, r8);
        a.ret();
        a.bind(nan);
        match('nan', none);
        // A fresh NaN: CPython's float('nan') is a new object each time (`x is y`, and the
        // identity shortcut of `in` and container ==, tell two apart), so each gets its own
        // quiet-NaN payload, the next serial in the low 48 bits (never 0: payload 0 is the NaN
        // arithmetic makes). Bits 48-50 stay clear so the negated word (top 16 bits 0xFFF8)
        // is still a double below the tags (layout.ts, docs/float.md).
        {
          const serialOk = a.newLabel();
          a.mov(rax, qword(rip(sym('rt_nan_serial'))));
          a.inc(rax);
          a.mov(rcx, PAYLOAD_MASK);
          a.and(rax, rcx);
          a.jne(serialOk);
          a.inc(eax); // wrapped after 2^48 - 1 NaNs: start again at 1
          a.bind(serialOk);
          a.mov(qword(rip(sym('rt_nan_serial'))), rax);
        }
        a.mov(rcx, 0x7ff8_0000_0000_0000n);
        a.or(rax, rcx);
        a.or(rax, r8); // the sign given
        a.ret();
        a.bind(none);
        a.xor(edx, edx);
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_float_strtod',
      contract: 'rdi=ptr, rsi=len (ASCII) -> rax=bits of the correctly rounded double of the longest number at ptr (_Py_dg_strtod grammar, then inf/nan; overflow gives inf, underflow 0), rdx=bytes used (0 when there is no number); clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const noNumber = a.newLabel();
        const haveDigits = a.newLabel();
        const result = a.newLabel();
        const signedZero = a.newLabel();
        prologue(a, saved, S_FRAME);
        a.mov(r12, rdi);
        a.lea(r13, sib(rdi, rsi, 1));
        a.mov(rbx, rdi);
        a.xor(r14, r14); // w
        a.xor(r15, r15); // nd
        a.mov(S(S_NDEFF), 0);
        a.mov(S(S_SIGN), 0);
        a.mov(S(S_LZ), 0);
        a.mov(S(S_FZ), 0);
        {
          const notMinus = a.newLabel();
          const afterSign = a.newLabel();
          a.cmp(rbx, r13);
          a.jae(afterSign);
          a.movzx(eax, byte(mem(rbx)));
          a.cmp(al, 0x2d);
          a.jne(notMinus);
          a.mov(S(S_SIGN), 1);
          a.inc(rbx);
          a.jmp(afterSign);
          a.bind(notMinus);
          a.cmp(al, 0x2b);
          a.jne(afterSign);
          a.inc(rbx);
          a.bind(afterSign);
        }
        /** Skip '0's at rbx; set S_LZ when there were some. */
        const skipZeros = (): void => {
          const loop = a.newLabel();
          const done = a.newLabel();
          const none = a.newLabel();
          a.mov(rcx, rbx);
          a.bind(loop);
          a.cmp(rbx, r13);
          a.jae(done);
          a.cmp(byte(mem(rbx)), 0x30);
          a.jne(done);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(done);
          a.cmp(rbx, rcx);
          a.je(none);
          a.mov(S(S_LZ), 1);
          a.bind(none);
        };
        /** Digits at rbx: the first 19 significant ones into w, nd and the last nonzero counted. */
        const digits = (): void => {
          const loop = a.newLabel();
          const done = a.newLabel();
          const noAcc = a.newLabel();
          const zero = a.newLabel();
          a.bind(loop);
          a.cmp(rbx, r13);
          a.jae(done);
          a.movzx(eax, byte(mem(rbx)));
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(done);
          a.cmp(r15, 19);
          a.jae(noAcc);
          a.lea(r14, sib(r14, r14, 4));
          a.lea(r14, sib(rax, r14, 2)); // w = 10 w + d
          a.bind(noAcc);
          a.inc(r15);
          a.test(eax, eax);
          a.je(zero);
          a.mov(S(S_NDEFF), r15);
          a.bind(zero);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(done);
        };
        skipZeros();
        a.mov(S(S_FIRST), rbx);
        a.mov(rbp, rbx);
        digits();
        a.sub(rbp, rbx);
        a.neg(rbp); // integer digits (after leading zeros)
        {
          const pointDone = a.newLabel();
          const fracDigits = a.newLabel();
          a.cmp(rbx, r13);
          a.jae(pointDone);
          a.cmp(byte(mem(rbx)), 0x2e);
          a.jne(pointDone);
          a.inc(rbx);
          a.test(rbp, rbp);
          a.jne(fracDigits);
          // No integer digits: zeros after the point are leading zeros too.
          a.mov(rdx, rbx);
          skipZeros();
          a.mov(rax, rbx);
          a.sub(rax, rdx);
          a.mov(S(S_FZ), rax);
          a.mov(S(S_FIRST), rbx);
          a.bind(fracDigits);
          digits();
          a.bind(pointDone);
        }
        // A number needs a digit (leading zeros count: "0." and ".0" are numbers).
        a.test(r15, r15);
        a.jne(haveDigits);
        a.cmp(S(S_LZ), 0);
        a.jne(haveDigits);
        a.bind(noNumber);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.sub(rsi, r12);
        a.call(sym('rt_float_parse_infnan'));
        epilogue(a, saved, S_FRAME);

        a.bind(haveDigits);
        a.mov(S(S_END), rbx);
        a.xor(r9, r9); // decimal exponent
        {
          // [eE][+-]digits: exponents past MAX_ABS_EXP (or of more than 9 digits) saturate;
          // an 'e' without digits is not part of the number.
          const expDone = a.newLabel();
          const notMinus = a.newLabel();
          const signDone = a.newLabel();
          const ez = a.newLabel();
          const ezDone = a.newLabel();
          const ed = a.newLabel();
          const edSkip = a.newLabel();
          const edDone = a.newLabel();
          const valid = a.newLabel();
          const saturate = a.newLabel();
          const eOk = a.newLabel();
          const ePos = a.newLabel();
          a.cmp(rbx, r13);
          a.jae(expDone);
          a.movzx(eax, byte(mem(rbx)));
          a.or(eax, 0x20);
          a.cmp(eax, 0x65);
          a.jne(expDone);
          a.lea(rcx, mem(rbx, 1));
          a.xor(r10d, r10d);
          a.cmp(rcx, r13);
          a.jae(expDone);
          a.movzx(eax, byte(mem(rcx)));
          a.cmp(al, 0x2d);
          a.jne(notMinus);
          a.mov(r10d, 1);
          a.inc(rcx);
          a.jmp(signDone);
          a.bind(notMinus);
          a.cmp(al, 0x2b);
          a.jne(signDone);
          a.inc(rcx);
          a.bind(signDone);
          a.mov(rdx, rcx);
          a.bind(ez);
          a.cmp(rcx, r13);
          a.jae(ezDone);
          a.cmp(byte(mem(rcx)), 0x30);
          a.jne(ezDone);
          a.inc(rcx);
          a.jmp(ez);
          a.bind(ezDone);
          a.mov(r11, rcx);
          a.sub(r11, rdx); // leading zeros of the exponent
          a.mov(rdx, rcx);
          a.bind(ed);
          a.cmp(rcx, r13);
          a.jae(edDone);
          a.movzx(eax, byte(mem(rcx)));
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(edDone);
          a.cmp(r9, MAX_ABS_EXP);
          a.ja(edSkip);
          a.lea(r9, sib(r9, r9, 4));
          a.lea(r9, sib(rax, r9, 2));
          a.bind(edSkip);
          a.inc(rcx);
          a.jmp(ed);
          a.bind(edDone);
          a.cmp(rcx, rdx);
          a.jne(valid);
          a.test(r11, r11);
          a.je(expDone); // no digits: e stays 0, the number ends before the 'e'
          a.bind(valid);
          a.mov(rax, rcx);
          a.sub(rax, rdx);
          a.cmp(rax, 9);
          a.ja(saturate);
          a.cmp(r9, MAX_ABS_EXP);
          a.jbe(eOk);
          a.bind(saturate);
          a.mov(r9, MAX_ABS_EXP);
          a.bind(eOk);
          a.test(r10d, r10d);
          a.je(ePos);
          a.neg(r9);
          a.bind(ePos);
          a.mov(S(S_END), rcx);
          a.bind(expDone);
        }
        // value = 0.DIGITS * 10^DP, DP = integer digits - zeros after the point + e
        a.mov(rax, rbp);
        a.sub(rax, S(S_FZ));
        a.add(rax, r9);
        a.mov(S(S_DP), rax);
        a.cmp(S(S_NDEFF), 0);
        a.je(signedZero);
        a.mov(rdx, r15);
        {
          const kOk = a.newLabel();
          a.cmp(rdx, 19);
          a.jbe(kOk);
          a.mov(edx, 19);
          a.bind(kOk);
        }
        a.sub(rax, rdx); // q = DP - min(nd, 19)
        a.mov(S(S_Q), rax);
        a.mov(S(S_W), r14);
        a.mov(rdi, r14);
        a.mov(rsi, rax);
        a.call(sym('rt_float_eisel_lemire'));
        a.cmp(S(S_NDEFF), 19);
        a.jbe(result); // w * 10^q is the exact value
        // More digits than w holds: the value lies in [w, w + 1] * 10^q.
        a.mov(S(S_B1), rax);
        a.mov(rdi, S(S_W));
        a.inc(rdi);
        a.mov(rsi, S(S_Q));
        a.call(sym('rt_float_eisel_lemire'));
        a.cmp(rax, S(S_B1));
        a.je(result);
        {
          // Compare the digits with those of the midpoint (b1 + next(b1)) / 2 =
          // (2 m + 1) * 2^(e - 1), exactly.
          const sub = a.newLabel();
          const decomposed = a.newLabel();
          const above = a.newLabel();
          const below = a.newLabel();
          const cmpLoop = a.newLabel();
          const notDot = a.newLabel();
          const inputDone = a.newLabel();
          a.mov(rax, S(S_B1));
          a.mov(rdi, rax);
          a.mov(rcx, F64_MANT);
          a.and(rdi, rcx);
          a.shr(rax, 52);
          a.je(sub);
          a.bts(rdi, 52);
          a.lea(r8, mem(rax, -1075 - 1));
          a.jmp(decomposed);
          a.bind(sub);
          a.mov(r8, -1074 - 1);
          a.bind(decomposed);
          a.lea(rdi, sib(rdi, rdi, 1, 1)); // 2m + 1
          a.mov(esi, 2);
          a.mov(edx, 800); // every digit
          a.lea(rcx, mem(rsp, S_MDIG));
          a.call(sym('rt_dtoa_rounded_me'));
          // rax = midpoint digit count, rdx = its decpt
          a.cmp(S(S_DP), rdx);
          a.jg(above);
          a.jl(below);
          a.mov(rsi, S(S_FIRST));
          a.xor(edi, edi);
          a.mov(rcx, S(S_NDEFF));
          a.bind(cmpLoop);
          a.test(rcx, rcx);
          a.je(inputDone);
          a.cmp(rdi, rax);
          a.jae(above); // the midpoint's digits end first; ours still hold a nonzero one
          a.movzx(r8d, byte(mem(rsi)));
          a.cmp(r8d, 0x2e);
          a.jne(notDot);
          a.inc(rsi);
          a.jmp(cmpLoop);
          a.bind(notDot);
          a.movzx(r9d, byte(sib(rsp, rdi, 1, S_MDIG)));
          a.cmp(r8d, r9d);
          a.ja(above);
          a.jb(below);
          a.inc(rsi);
          a.inc(rdi);
          a.dec(rcx);
          a.jmp(cmpLoop);
          a.bind(inputDone);
          a.cmp(rdi, rax);
          a.jb(below);
          // Exactly the midpoint: ties to even.
          a.mov(rax, S(S_B1));
          a.test(al, 1);
          a.je(result);
          a.inc(rax);
          a.jmp(result);
          a.bind(above);
          a.mov(rax, S(S_B1));
          a.inc(rax);
          a.jmp(result);
          a.bind(below);
          a.mov(rax, S(S_B1));
          a.jmp(result);
        }
        a.bind(signedZero);
        a.xor(eax, eax);
        a.bind(result);
        a.mov(rdx, S(S_SIGN));
        a.shl(rdx, 63);
        a.or(rax, rdx);
        a.mov(rdx, S(S_END));
        a.sub(rdx, r12);
        epilogue(a, saved, S_FRAME);
      },
    },
    {
      name: 'rt_float_parse_ascii',
      contract: 'rdi=ptr, rsi=len (bytes), rdx=object for the message -> rax=float value or EXC: float() of ASCII text (underscores between digits, surrounding whitespace; ValueError "could not convert string to float: %R" with the object\'s repr); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const FRAME = STACK_TEXT + 16;
        const noUnderscore = a.newLabel();
        const underscore = a.newLabel();
        const inner = a.newLabel();
        const error = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved, FRAME);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(qword(mem(rsp, STACK_TEXT)), 0);
        {
          // strchr(s, '_'): stops at the first NUL
          const scan = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(scan);
          a.cmp(rcx, r13);
          a.jae(noUnderscore);
          a.movzx(eax, byte(sib(r12, rcx, 1)));
          a.test(eax, eax);
          a.je(noUnderscore);
          a.cmp(eax, 0x5f);
          a.je(underscore);
          a.inc(rcx);
          a.jmp(scan);
        }
        a.bind(underscore);
        {
          // Copy without underscores: each '_' between two digits, no embedded NUL.
          const haveDst = a.newLabel();
          const loop = a.newLabel();
          const done = a.newLabel();
          const notUnderscore = a.newLabel();
          const next = a.newLabel();
          a.mov(r15, rsp);
          a.cmp(r13, STACK_TEXT);
          a.jbe(haveDst);
          a.mov(rdi, r13);
          a.mov(esi, 1);
          a.call(sym('rt_str_alloc'));
          a.mov(qword(mem(rsp, STACK_TEXT)), rax); // keeps the buffer alive (conservative scan)
          a.lea(r15, mem(rax, STR.data));
          a.bind(haveDst);
          a.mov(rdi, r15); // out
          a.xor(ecx, ecx); // index
          a.xor(edx, edx); // prev
          a.bind(loop);
          a.cmp(rcx, r13);
          a.jae(done);
          a.movzx(eax, byte(sib(r12, rcx, 1)));
          a.test(eax, eax);
          a.je(done);
          a.cmp(eax, 0x5f);
          a.jne(notUnderscore);
          a.lea(r8d, mem(rdx, -0x30)); // prev must be a digit
          a.cmp(r8d, 9);
          a.ja(error);
          a.jmp(next);
          a.bind(notUnderscore);
          a.mov(byte(mem(rdi)), al);
          a.inc(rdi);
          a.cmp(edx, 0x5f);
          a.jne(next);
          a.lea(r8d, mem(rax, -0x30)); // after '_' only a digit
          a.cmp(r8d, 9);
          a.ja(error);
          a.bind(next);
          a.mov(edx, eax);
          a.inc(rcx);
          a.jmp(loop);
          a.bind(done);
          a.cmp(edx, 0x5f);
          a.je(error);
          a.cmp(rcx, r13);
          a.jne(error); // an embedded NUL
          a.mov(r12, r15);
          a.sub(rdi, r15);
          a.mov(r13, rdi);
          a.jmp(inner);
        }
        a.bind(noUnderscore);
        a.bind(inner);
        {
          // Strip ASCII whitespace (Py_ISSPACE: space, \t \n \v \f \r); the number must
          // then be the whole rest.
          const lead = a.newLabel();
          const leadDone = a.newLabel();
          const trail = a.newLabel();
          const trailDone = a.newLabel();
          a.lea(r15, sib(r12, r13, 1)); // last
          a.bind(lead);
          a.cmp(r12, r15);
          a.jae(error);
          a.movzx(eax, byte(mem(r12)));
          isSpace(a, lead, leadDone, () => a.inc(r12));
          a.bind(leadDone);
          a.bind(trail);
          a.lea(rax, mem(r12, 1));
          a.cmp(rax, r15);
          a.jae(trailDone);
          a.movzx(eax, byte(mem(r15, -1)));
          isSpace(a, trail, trailDone, () => a.dec(r15));
          a.bind(trailDone);
          a.mov(rdi, r12);
          a.mov(rsi, r15);
          a.sub(rsi, r12);
          a.mov(r13, rsi);
          a.call(sym('rt_float_strtod'));
          a.cmp(rdx, r13);
          a.jne(error);
          a.jmp(out);
        }
        a.bind(error);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_float_convert')));
        a.mov(rdx, r14);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, FRAME);
      },
    },
    {
      name: 'rt_float_from_str',
      contract: 'rdi=str value -> rax=float value or EXC: float(str) as CPython 3.11 (Unicode digits and spaces, underscores, inf/nan; ValueError "could not convert string to float: %R"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const FRAME = STACK_TEXT + 8;
        const transform = a.newLabel();
        const haveDst = a.newLabel();
        const loop = a.newLabel();
        const store = a.newLabel();
        const done = a.newLabel();
        const notSpace = a.newLabel();
        const stop = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved, FRAME);
        a.mov(r12, rdi);
        a.mov(rbx, rdi);
        a.shl(rbx, 16);
        a.shr(rbx, 16); // raw address
        a.mov(qword(mem(rsp, STACK_TEXT)), 0);
        a.cmp(byte(mem(rbx, STR.ascii)), 0);
        a.je(transform);
        a.lea(rdi, mem(rbx, STR.data));
        a.mov(rsi, qword(mem(rbx, STR.length)));
        a.mov(rdx, r12);
        a.call(sym('rt_float_parse_ascii'));
        a.jmp(out);
        // _PyUnicode_TransformDecimalAndSpaceToASCII
        a.bind(transform);
        a.mov(r13, qword(mem(rbx, STR.length)));
        a.mov(r15, rsp);
        a.cmp(r13, STACK_TEXT);
        a.jbe(haveDst);
        a.mov(rdi, r13);
        a.mov(esi, 1);
        a.call(sym('rt_str_alloc'));
        a.mov(qword(mem(rsp, STACK_TEXT)), rax);
        a.lea(r15, mem(rax, STR.data));
        a.bind(haveDst);
        a.xor(r14, r14); // index
        a.bind(loop);
        a.cmp(r14, r13);
        a.jae(done);
        a.movzx(ecx, byte(mem(rbx, STR.kind)));
        loadCodePoint(a, ebp, rbx, r14, rcx);
        a.mov(eax, ebp);
        a.cmp(ebp, 127);
        a.jb(store);
        a.mov(edi, ebp);
        a.call(sym('rt_unicode_info'));
        a.test(eax, UC.space);
        a.je(notSpace);
        a.mov(eax, 0x20);
        a.jmp(store);
        a.bind(notSpace);
        a.mov(edi, ebp);
        a.call(sym('rt_unicode_decimal'));
        a.test(eax, eax);
        a.js(stop);
        a.add(eax, 0x30);
        a.bind(store);
        a.mov(byte(sib(r15, r14, 1)), al);
        a.inc(r14);
        a.jmp(loop);
        a.bind(stop); // '?' ends the text: the parse fails on it
        a.mov(byte(sib(r15, r14, 1)), 0x3f);
        a.inc(r14);
        a.bind(done);
        a.mov(rdi, r15);
        a.mov(rsi, r14);
        a.mov(rdx, r12);
        a.call(sym('rt_float_parse_ascii'));
        a.bind(out);
        epilogue(a, saved, FRAME);
      },
    },
  ],
  data: [
    cstr('msg_float_convert', 'could not convert string to float: %R'),
    /** The payload of the last NaN float(str) made (rt_float_parse_infnan). */
    { name: 'rt_nan_serial', section: 'data', align: 8, emit: (a) => a.u64(0n) },
    {
      name: 'float_pow5_128',
      section: 'rodata',
      align: 16,
      emit: (a) => {
        for (const w of powersOfFive128()) a.u64(w);
      },
    },
  ] satisfies RuntimeDatum[],
};

