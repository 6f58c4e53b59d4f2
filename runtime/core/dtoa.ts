// Runtime: double -> decimal text (CPython's _Py_dg_dtoa modes 0/2/3 and
// PyOS_double_to_string's layout, Python/pystrtod.c format_float_short).
//
// Role: every float-to-text conversion of compiled programs goes through here: repr/str,
// format(), %-formatting, round(x, n) (via its digits). Three routines:
//
//   rt_dtoa_shortest  mode 0: the shortest digits that read back as the same double, the
//                     closest such to the value, ties to even. Algorithm: Raffaello
//                     Giulietti's Schubfach ("The Schubfach way to render doubles", 2020),
//                     without the Java-specific two-digit minimum (its C_TINY case): one
//                     128-bit product per interval end with a table of 617 126-bit powers of
//                     ten (computed exactly with BigInt when the module loads), no loops over
//                     digits, no big numbers.
//   rt_dtoa_rounded   modes 2 (nd significant digits) and 3 (nd digits after the point): the
//                     exact binary value expanded in decimal with 64-bit limbs (the integer
//                     part by repeated division by 10^19, the fraction by repeated
//                     multiplication by 10^19, only as far as needed), then rounded half to
//                     even on the exact value: format(0.125, '.2f') == '0.12', and
//                     format(1e300, '.400f') is exact.
//   rt_dtoa_format    PyOS_double_to_string(x, code, precision, flags): sign, inf/nan, and the
//                     "virtual digit string" layout of format_float_short, as a str.
//
// Digits are ASCII in a caller's buffer: value = 0.DIGITS * 10**decpt, no trailing zeros.
// Mode 3 returns no digits when the value rounds to zero (then decpt = -nd), like dtoa.c.

import {
  type Assembler, al, byte, cl, dil, dl, eax, ebx, ecx, edi, edx, esi, mem, qword, r10, r11, r11b, r12, r13, r14, r14d, ebp, r15, r15d, r8, r8d, r9, r9d, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { STR } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { epilogue, prologue } from '../../src/native/macros.js';
import { DTSF, F64_MANT } from './floatkit.js';

/** Bytes a digit buffer of rt_dtoa_rounded needs (767 significant digits at most, plus a chunk). */
export const DTOA_DIGITS_MAX = 832;

// ---- Schubfach tables ------------------------------------------------------------------------

const K_MIN = -324;
const K_MAX = 292;

/** floor(e * log10(2)), as Schubfach computes it (exact far beyond the double range). */
export function flog10pow2(e: number): number {
  return Number((BigInt(e) * 661971961083n) >> 41n);
}
/** floor(e * log10(2) + log10(3/4)). */
export function flog10ThreeQuartersPow2(e: number): number {
  return Number((BigInt(e) * 661971961083n - 274743187321n) >> 41n);
}
/** floor(e * log2(10)). */
export function flog2pow10(e: number): number {
  return Number((BigInt(e) * 913124641741n) >> 38n);
}

/**
 * g(k) for k in [K_MIN, K_MAX]: with 10^-k = beta * 2^r, 2^125 <= beta < 2^126, g = floor(beta) + 1,
 * stored as (g1, g0) = (g >> 63, g mod 2^63) (the paper's section 9).
 */
export function schubfachTable(): bigint[] {
  const out: bigint[] = [];
  for (let k = K_MIN; k <= K_MAX; k++) {
    const r = flog2pow10(-k) - 125;
    let g: bigint;
    if (k <= 0) {
      const num = 10n ** BigInt(-k);
      g = r >= 0 ? num >> BigInt(r) : num << BigInt(-r);
    } else {
      g = (1n << BigInt(-r)) / 10n ** BigInt(k);
    }
    if (g < 1n << 125n || g >= 1n << 126n) throw new Error(`schubfach table: bad r at k=${k}`);
    g += 1n;
    out.push(g >> 63n, g & ((1n << 63n) - 1n));
  }
  return out;
}

const TEN19 = 10n ** 19n;
/** ceil(2^64 / 10) + 6: multiplyHigh(s, this) = floor(s / 10) for every s Schubfach produces. */
const DIV10_MAGIC = 115292150460684698n << 4n;
/** ceil(2^67 / 10): (n * this) >> 67 = floor(n / 10) for every u64 n. */
const DIV10_ANY = 0xcccc_cccc_cccc_cccdn;

type R64 = typeof rax;

/**
 * rop(g1, g0, cp) of the paper (figure 8): cp * g / 2^127 rounded to odd, g = g1 * 2^63 + g0
 * in rbx, rbp; cp in `x`, replaced by the result. Clobbers rax rdx r11.
 */
function emitRop(a: Assembler<any>, x: R64): void {
  a.mov(rax, rbp);
  a.mul(x);
  a.mov(r11, rdx); // x1 = high(g0 * cp)
  a.mov(rax, rbx);
  a.mul(x); // rdx:rax = y1:y0 = g1 * cp
  a.shr(rax, 1);
  a.add(rax, r11); // z = (y0 >> 1) + x1: both below 2^63, no carry
  a.mov(r11, rax);
  a.shr(r11, 63);
  a.add(rdx, r11); // y1 + (z >> 63)
  a.xor(r11, r11);
  a.shl(rax, 1); // ZF iff z mod 2^63 == 0
  a.setne(r11b);
  a.or(rdx, r11); // the sticky bit: round to odd
  a.mov(x, rdx);
}

/** `pop` the saved registers without returning. */
function restore(a: Assembler<any>, saved: readonly R64[]): void {
  for (let i = saved.length - 1; i >= 0; i--) a.pop(saved[i]!);
}

/** rep stosb of rcx '0' bytes at rdi, when rcx > 0. Clobbers al, rcx. */
function emitZeros(a: Assembler<any>): void {
  const skip = a.newLabel();
  a.test(rcx, rcx);
  a.jle(skip);
  a.mov(al, 0x30);
  a.rep_stosb();
  a.bind(skip);
}

/** rep movsb of rcx bytes from rsi to rdi, when rcx > 0. */
function emitCopy(a: Assembler<any>): void {
  const skip = a.newLabel();
  a.test(rcx, rcx);
  a.jle(skip);
  a.rep_movsb();
  a.bind(skip);
}

/** Store the byte `c` at rdi and advance rdi. */
function emitPut(a: Assembler<any>, c: number): void {
  a.mov(byte(mem(rdi)), c);
  a.inc(rdi);
}

// rt_dtoa_rounded frame
const R_LIMBS = 0; // 18 u64 limbs
const R_CHUNKS = 144; // 18 u64 chunks of 19 digits (integer part, least significant first)
const R_MODE = 288;
const R_ND = 296;
const R_ZEROS = 304;
const R_STICKY = 312;
const R_FRAME = 320;

// rt_dtoa_format frame
const F_DIG = 0;
const F_OUT = DTOA_DIGITS_MAX;
const F_OUTCAP = 1024;
const F_LOC = F_OUT + F_OUTCAP;
const F_SIGN = F_LOC;
const F_USEEXP = F_LOC + 8;
const F_EXP = F_LOC + 16;
const F_UPPER = F_LOC + 24;
const F_START = F_LOC + 32;
const F_BIG = F_LOC + 40;
const F_PREC = F_LOC + 48;
const F_BITS = F_LOC + 56;
const F_FRAME = F_LOC + 64;

export const dtoaModule: RuntimeModule = {
  name: 'dtoa',
  routines: [
    {
      name: 'rt_dtoa_digit_count',
      local: true,
      contract: 'rdi=u64 -> eax=number of decimal digits (1 for 0); clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.lea(rcx, rip(sym('dtoa_pow10')));
        a.mov(eax, 1);
        a.bind(loop);
        a.cmp(eax, 20);
        a.jae(done);
        a.cmp(rdi, qword(sib(rcx, rax, 8)));
        a.jb(done);
        a.inc(eax);
        a.jmp(loop);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_dtoa_put_digits',
      local: true,
      contract: 'rdi=u64, rsi=destination, edx=count: write exactly count decimal digits (zero-padded on the left; the value mod 10**count); clobbers rax rcx rdx rdi r8; no alloc',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.mov(r8d, edx);
        a.bind(loop);
        a.test(r8d, r8d);
        a.je(done);
        a.mov(rax, DIV10_ANY);
        a.mul(rdi);
        a.shr(rdx, 3); // q = n / 10
        a.lea(rcx, sib(rdx, rdx, 4));
        a.add(rcx, rcx);
        a.sub(rdi, rcx); // n - 10q
        a.add(edi, 0x30);
        a.dec(r8d);
        a.mov(byte(sib(rsi, r8, 1)), dil);
        a.mov(rdi, rdx);
        a.jmp(loop);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_dtoa_shortest',
      contract: 'rdi=bits of a finite double > 0, rsi=buffer (>= 20 bytes) -> rax=digit count, rdx=decpt (value ~ 0.DIGITS * 10**decpt, no trailing zeros): the shortest digits that read back as the double, closest to it, ties to even (Schubfach); clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        const normal = a.newLabel();
        const general = a.newLabel();
        const toChars = a.newLabel();
        const regular = a.newLabel();
        const haveK = a.newLabel();
        const noShort = a.newLabel();
        const both = a.newLabel();
        const takeT = a.newLabel();
        const haveF = a.newLabel();
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        a.mov(rax, rdi);
        a.shr(rax, 52); // biased exponent (the sign bit is 0)
        a.mov(r8, rdi);
        a.mov(rcx, F64_MANT);
        a.and(r8, rcx); // t
        a.test(eax, eax);
        a.jne(normal);
        a.mov(r9, -1074); // subnormal: c = t, q = Q_MIN
        a.jmp(general);
        a.bind(normal);
        a.bts(r8, 52); // c = 2^52 | t
        a.lea(r9, mem(rax, -1075)); // q
        // Integers below 2^53: c >> -q when exact; every digit is needed (spacing <= 1/2).
        a.cmp(r9, -52);
        a.jl(general);
        a.test(r9, r9);
        a.jns(general);
        a.mov(ecx, r9d);
        a.neg(ecx);
        a.mov(rax, r8);
        a.shr(rax, cl);
        a.mov(rdx, rax);
        a.shl(rdx, cl);
        a.cmp(rdx, r8);
        a.jne(general);
        a.xor(r11, r11); // decimal exponent 0
        a.jmp(toChars);

        a.bind(general);
        prologue(a, saved);
        // r8 = c, r9 = q. out = c & 1: the rounding interval is open for odd c.
        a.mov(r10, r8);
        a.and(r10, 1);
        a.lea(r12, sib(undefined, r8, 4)); // cb = 4c
        a.lea(r13, mem(r12, 2)); // cbr
        a.mov(rax, 1n << 52n);
        a.cmp(r8, rax);
        a.jne(regular);
        a.cmp(r9, -1074);
        a.je(regular);
        // Irregular spacing (c = 2^52 above the subnormals): the interval below is half as wide.
        a.lea(r14, mem(r12, -1)); // cbl
        a.mov(rax, r9);
        a.mov(rcx, 661971961083n);
        a.imul(rax, rcx);
        a.mov(rcx, 274743187321n);
        a.sub(rax, rcx);
        a.sar(rax, 41);
        a.mov(r15, rax); // k = floor(log10(3/4 * 2^q))
        a.jmp(haveK);
        a.bind(regular);
        a.lea(r14, mem(r12, -2)); // cbl
        a.mov(rax, r9);
        a.mov(rcx, 661971961083n);
        a.imul(rax, rcx);
        a.sar(rax, 41);
        a.mov(r15, rax); // k = floor(log10(2^q))
        a.bind(haveK);
        // h = q + floor(log2(10^-k)) + 2, in 1..4
        a.mov(rax, r15);
        a.neg(rax);
        a.mov(rcx, 913124641741n);
        a.imul(rax, rcx);
        a.sar(rax, 38);
        a.add(rax, r9);
        a.lea(rcx, mem(rax, 2));
        a.shl(r12, cl);
        a.shl(r13, cl);
        a.shl(r14, cl);
        a.lea(rdx, rip(sym('dtoa_g')));
        a.mov(rax, r15);
        a.add(rax, -K_MIN);
        a.shl(rax, 4);
        a.mov(rbx, qword(sib(rdx, rax, 1))); // g1
        a.mov(rbp, qword(sib(rdx, rax, 1, 8))); // g0
        emitRop(a, r12); // vb
        emitRop(a, r13); // vbr
        emitRop(a, r14); // vbl
        // s = vb >> 2. One digit less first: sp10 = 10 floor(s / 10), tp10 = sp10 + 10; at most
        // one of them lies in the interval (its width 2^q is below 10^(k+1)).
        a.mov(rdi, r12);
        a.shr(rdi, 2);
        a.mov(rax, DIV10_MAGIC);
        a.mul(rdi);
        a.lea(r8, sib(rdx, rdx, 4));
        a.add(r8, r8); // sp10
        a.lea(rax, sib(r14, r10, 1));
        a.lea(rcx, sib(undefined, r8, 4));
        a.cmp(rax, rcx);
        a.setbe(dl); // upin: vbl + out <= 4 sp10
        a.lea(rcx, sib(rcx, r10, 1, 40));
        a.cmp(rcx, r13);
        a.setbe(al); // wpin: 4 tp10 + out <= vbr
        a.cmp(al, dl);
        a.je(noShort);
        a.mov(rax, r8);
        a.test(dl, dl);
        a.jne(haveF);
        a.add(rax, 10);
        a.jmp(haveF);
        a.bind(noShort);
        // u = s, w = t = s + 1: the one inside the interval, or the closer (even on a tie).
        a.lea(rax, sib(r14, r10, 1));
        a.lea(rcx, sib(undefined, rdi, 4));
        a.cmp(rax, rcx);
        a.setbe(dl); // uin
        a.lea(rcx, sib(rcx, r10, 1, 4));
        a.cmp(rcx, r13);
        a.setbe(al); // win
        a.cmp(al, dl);
        a.je(both);
        a.mov(rax, rdi);
        a.test(dl, dl);
        a.jne(haveF);
        a.inc(rax);
        a.jmp(haveF);
        a.bind(both);
        a.lea(rcx, sib(undefined, rdi, 4, 2)); // 2 (s + t)
        a.mov(rax, rdi);
        a.cmp(r12, rcx);
        a.jb(haveF);
        a.ja(takeT);
        a.test(dil, 1);
        a.je(haveF);
        a.bind(takeT);
        a.inc(rax);
        a.bind(haveF);
        a.mov(r11, r15);
        restore(a, saved);

        // rax = f > 0, r11 = its decimal exponent: write f, then drop trailing zeros.
        a.bind(toChars);
        a.push(r11);
        a.push(rax);
        a.push(rsi);
        a.mov(rdi, rax);
        a.call(sym('rt_dtoa_digit_count'));
        a.mov(edx, eax);
        a.push(rdx);
        a.mov(rdi, qword(mem(rsp, 16)));
        a.mov(rsi, qword(mem(rsp, 8)));
        a.call(sym('rt_dtoa_put_digits'));
        a.pop(rdx); // n
        a.pop(rsi);
        a.pop(rax);
        a.pop(r11);
        a.add(r11, rdx); // decpt = n + e
        a.mov(rax, rdx);
        const trim = a.newLabel();
        const trimmed = a.newLabel();
        a.bind(trim);
        a.cmp(byte(sib(rsi, rax, 1, -1)), 0x30);
        a.jne(trimmed);
        a.dec(rax);
        a.jmp(trim);
        a.bind(trimmed);
        a.mov(rdx, r11);
        a.ret();
      },
    },
    {
      name: 'rt_dtoa_rounded',
      contract: 'rdi=bits of a finite double > 0, esi=mode (2: rdx significant digits, rdx >= 1; 3: rdx digits after the point, any sign), rcx=buffer (DTOA_DIGITS_MAX bytes) -> rax=digit count, rdx=decpt: the exact value rounded half to even, no trailing zeros (no digits and decpt=-rdx when it rounds to zero); clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        // x = m * 2^e: rdi = m, r8 = e, then the general entry.
        const sub = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 52);
        a.mov(r8, F64_MANT);
        a.and(rdi, r8);
        a.test(eax, eax);
        a.je(sub);
        a.bts(rdi, 52);
        a.lea(r8, mem(rax, -1075));
        a.jmp(sym('rt_dtoa_rounded_me'));
        a.bind(sub);
        a.mov(r8, -1074);
        a.jmp(sym('rt_dtoa_rounded_me'));
      },
    },
    {
      name: 'rt_dtoa_rounded_me',
      contract: 'like rt_dtoa_rounded for the value rdi * 2^r8 (0 < rdi < 2^54, r8 >= -1075): mode 2 with rdx >= 768 gives every digit of the exact expansion (the float parser compares with rounding midpoints this way); clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const L = (o: number, i?: R64) => qword(i === undefined ? mem(rsp, o) : sib(rsp, i, 8, o));
        const fracCase = a.newLabel();
        const bigInt = a.newLabel();
        const round = a.newLabel();
        const frac = a.newLabel();
        const noInt = a.newLabel();
        const noIntDigits = a.newLabel();
        prologue(a, saved, R_FRAME);
        a.mov(L(R_MODE), rsi);
        a.mov(L(R_ND), rdx);
        a.mov(r12, rcx);
        a.xor(r13, r13); // n
        a.xor(r14, r14); // decpt
        a.mov(L(R_ZEROS), 0);
        a.mov(L(R_STICKY), 0);
        a.mov(r15, rdi); // m
        a.mov(r9, r8); // e
        a.test(r9, r9);
        a.js(fracCase);
        a.cmp(r9, 10);
        a.ja(bigInt);
        // Integer below 2^64 (m < 2^54, e <= 10).
        a.mov(ecx, r9d);
        a.shl(r15, cl);
        writeU64(a, r15);
        a.mov(r14, r13);
        a.jmp(round);

        // Integer part m << e up to 2^1024: 64-bit limbs divided by 10^19 repeatedly.
        a.bind(bigInt);
        {
          const trim = a.newLabel();
          const divGo = a.newLabel();
          const divLoop = a.newLabel();
          const divDone = a.newLabel();
          const rest = a.newLabel();
          const intDone = a.newLabel();
          a.lea(rdi, mem(rsp, R_LIMBS));
          a.mov(ecx, 18);
          a.xor(eax, eax);
          a.rep_stosq();
          a.mov(rcx, r9);
          a.mov(rax, rcx);
          a.shr(rax, 6);
          a.and(ecx, 63);
          a.mov(r10, r15);
          a.xor(edx, edx);
          a.shld(rdx, r10, cl);
          a.shl(r10, cl);
          a.mov(L(R_LIMBS, rax), r10);
          a.mov(L(R_LIMBS + 8, rax), rdx);
          a.lea(rbx, mem(rax, 2)); // limbs in use
          a.xor(ebp, ebp); // chunks
          a.mov(r10, TEN19);
          a.bind(trim);
          a.test(rbx, rbx);
          a.je(divDone);
          a.cmp(L(R_LIMBS - 8, rbx), 0);
          a.jne(divGo);
          a.dec(rbx);
          a.jmp(trim);
          a.bind(divGo);
          a.xor(edx, edx);
          a.mov(r9, rbx);
          a.bind(divLoop);
          a.dec(r9);
          a.mov(rax, L(R_LIMBS, r9));
          a.div(r10);
          a.mov(L(R_LIMBS, r9), rax);
          a.test(r9, r9);
          a.jne(divLoop);
          a.mov(L(R_CHUNKS, rbp), rdx);
          a.inc(rbp);
          a.jmp(trim);
          a.bind(divDone);
          // The most significant chunk without leading zeros, then 19 digits per chunk.
          a.dec(rbp);
          a.mov(rdi, L(R_CHUNKS, rbp));
          a.call(sym('rt_dtoa_digit_count'));
          a.mov(r13, rax);
          a.mov(edx, eax);
          a.mov(rdi, L(R_CHUNKS, rbp));
          a.mov(rsi, r12);
          a.call(sym('rt_dtoa_put_digits'));
          a.bind(rest);
          a.test(rbp, rbp);
          a.je(intDone);
          a.dec(rbp);
          a.mov(rdi, L(R_CHUNKS, rbp));
          a.lea(rsi, sib(r12, r13, 1));
          a.mov(edx, 19);
          a.call(sym('rt_dtoa_put_digits'));
          a.add(r13, 19);
          a.jmp(rest);
          a.bind(intDone);
          a.mov(r14, r13);
          a.jmp(round);
        }

        // e < 0: integer part m >> -e (if any), fraction m mod 2^-e over 2^-e.
        a.bind(fracCase);
        a.mov(rcx, r9);
        a.neg(rcx); // fb = fraction bits
        a.cmp(rcx, 64);
        a.jae(noInt);
        a.mov(rdi, r15);
        a.shr(rdi, cl);
        a.mov(eax, 1);
        a.shl(rax, cl);
        a.dec(rax);
        a.and(r15, rax); // F
        a.test(rdi, rdi);
        a.je(noIntDigits);
        a.push(r9);
        a.push(r9);
        writeU64(a, rdi);
        a.pop(r9);
        a.pop(r9);
        a.mov(r14, r13);
        a.bind(noIntDigits);
        a.test(r15, r15);
        a.je(round);
        a.jmp(frac);
        a.bind(noInt);
        a.bind(frac);
        {
          // Fs = F << (64 L - fb) in L limbs: value = Fs / 2^(64 L). Each step multiplies by
          // 10^19; the carry out of the top limb is the next 19 digits.
          const fracLoop = a.newLabel();
          const noDigitsYet = a.newLabel();
          const doChunk = a.newLabel();
          const mulLoop = a.newLabel();
          const mulDone = a.newLabel();
          const skip = a.newLabel();
          const skipped = a.newLabel();
          const firstChunk = a.newLabel();
          const fullChunk = a.newLabel();
          const underflow = a.newLabel();
          const fracDone = a.newLabel();
          const k2 = a.newLabel();
          a.mov(rcx, r9);
          a.neg(rcx);
          a.lea(rbx, mem(rcx, 63));
          a.shr(rbx, 6); // L
          a.mov(r8, rbx);
          a.shl(r8, 6);
          a.sub(r8, rcx); // S = 64 L - fb
          a.lea(rdi, mem(rsp, R_LIMBS));
          a.mov(ecx, 18);
          a.xor(eax, eax);
          a.rep_stosq();
          a.mov(rcx, r8);
          a.mov(rax, r15);
          a.xor(edx, edx);
          a.shld(rdx, rax, cl);
          a.shl(rax, cl);
          a.mov(L(R_LIMBS), rax);
          a.mov(L(R_LIMBS + 8), rdx);
          a.xor(ebp, ebp); // lo: limbs below it are zero
          a.test(rax, rax);
          a.jne(fracLoop);
          a.inc(rbp);
          a.bind(fracLoop);
          a.cmp(rbp, rbx);
          a.jae(fracDone);
          a.test(r13, r13);
          a.je(noDigitsYet);
          // Enough digits once the rounding digit (index keep) is there.
          a.mov(rax, L(R_ND));
          a.cmp(L(R_MODE), 2);
          a.je(k2);
          a.add(rax, r14);
          a.bind(k2);
          a.cmp(r13, rax);
          a.jg(fracDone);
          a.jmp(doChunk);
          a.bind(noDigitsYet);
          // Mode 3: more than nd leading zeros after the point means the result is zero.
          a.cmp(L(R_MODE), 3);
          a.jne(doChunk);
          a.mov(rax, L(R_ZEROS));
          a.cmp(rax, L(R_ND));
          a.jg(underflow);
          a.bind(doChunk);
          a.xor(r8, r8);
          a.mov(r9, rbp);
          a.mov(r10, TEN19);
          a.bind(mulLoop);
          a.cmp(r9, rbx);
          a.jae(mulDone);
          a.mov(rax, L(R_LIMBS, r9));
          a.mul(r10);
          a.add(rax, r8);
          a.adc(rdx, 0);
          a.mov(L(R_LIMBS, r9), rax);
          a.mov(r8, rdx);
          a.inc(r9);
          a.jmp(mulLoop);
          a.bind(mulDone);
          a.bind(skip);
          a.cmp(rbp, rbx);
          a.jae(skipped);
          a.cmp(L(R_LIMBS, rbp), 0);
          a.jne(skipped);
          a.inc(rbp);
          a.jmp(skip);
          a.bind(skipped);
          a.test(r13, r13);
          a.jne(fullChunk);
          a.test(r8, r8);
          a.jne(firstChunk);
          a.add(L(R_ZEROS), 19);
          a.jmp(fracLoop);
          a.bind(firstChunk);
          a.mov(rdi, r8);
          a.call(sym('rt_dtoa_digit_count'));
          // decpt = -(zeros + 19 - count)
          a.mov(r14, L(R_ZEROS));
          a.add(r14, 19);
          a.sub(r14, rax);
          a.neg(r14);
          a.mov(r13, rax);
          a.mov(edx, eax);
          a.mov(rdi, r8);
          a.mov(rsi, r12);
          a.call(sym('rt_dtoa_put_digits'));
          a.jmp(fracLoop);
          a.bind(fullChunk);
          a.mov(rdi, r8);
          a.lea(rsi, sib(r12, r13, 1));
          a.mov(edx, 19);
          a.call(sym('rt_dtoa_put_digits'));
          a.add(r13, 19);
          a.jmp(fracLoop);
          a.bind(underflow);
          a.mov(r14, L(R_ZEROS));
          a.neg(r14);
          a.jmp(round);
          a.bind(fracDone);
          a.xor(eax, eax);
          a.cmp(rbp, rbx);
          a.setb(al);
          a.mov(L(R_STICKY), rax);
        }

        // Round buf[0..n) at index keep (mode 2: nd; mode 3: decpt + nd), half to even on the
        // exact value; pos = decpt - keep is the decimal exponent of the last kept digit.
        a.bind(round);
        {
          const kk = a.newLabel();
          const exact = a.newLabel();
          const zero = a.newLabel();
          const up = a.newLabel();
          const down = a.newLabel();
          const tailLoop = a.newLabel();
          const tie = a.newLabel();
          const upLoop = a.newLabel();
          const incHere = a.newLabel();
          const allNines = a.newLabel();
          const done = a.newLabel();
          const strip = a.newLabel();
          a.mov(rax, L(R_ND));
          a.cmp(L(R_MODE), 2);
          a.je(kk);
          a.add(rax, r14);
          a.bind(kk);
          a.mov(r8, r14);
          a.sub(r8, rax); // pos
          a.cmp(rax, r13);
          a.jge(exact); // every digit kept (the expansion ended before keep)
          a.test(rax, rax);
          a.js(zero);
          a.movzx(ecx, byte(sib(r12, rax, 1)));
          a.cmp(ecx, 0x35);
          a.ja(up);
          a.jb(down);
          a.cmp(L(R_STICKY), 0);
          a.jne(up);
          a.lea(rdx, mem(rax, 1));
          a.bind(tailLoop);
          a.cmp(rdx, r13);
          a.jge(tie);
          a.cmp(byte(sib(r12, rdx, 1)), 0x30);
          a.jne(up);
          a.inc(rdx);
          a.jmp(tailLoop);
          a.bind(tie);
          a.test(rax, rax);
          a.je(down);
          a.movzx(ecx, byte(sib(r12, rax, 1, -1)));
          a.test(ecx, 1); // '0' is even, so the character's parity is the digit's
          a.je(down);
          a.bind(up);
          a.mov(r13, rax);
          a.lea(rdx, mem(rax, -1));
          a.bind(upLoop);
          a.test(rdx, rdx);
          a.js(allNines);
          a.cmp(byte(sib(r12, rdx, 1)), 0x39);
          a.jne(incHere);
          a.dec(rdx);
          a.jmp(upLoop);
          a.bind(incHere);
          a.inc(byte(sib(r12, rdx, 1)));
          a.lea(r13, mem(rdx, 1));
          a.jmp(done);
          a.bind(allNines);
          a.mov(byte(mem(r12)), 0x31);
          a.mov(r13, 1);
          a.inc(r14);
          a.jmp(done);
          a.bind(down);
          a.mov(r13, rax);
          a.bind(exact);
          a.bind(strip);
          a.test(r13, r13);
          a.je(zero);
          a.cmp(byte(sib(r12, r13, 1, -1)), 0x30);
          a.jne(done);
          a.dec(r13);
          a.jmp(strip);
          a.bind(zero);
          a.xor(r13, r13);
          a.mov(r14, r8);
          a.bind(done);
          a.mov(rax, r13);
          a.mov(rdx, r14);
        }
        epilogue(a, saved, R_FRAME);

        /** Write the u64 in `v` (nonzero) at buf + n, n += its digit count. Clobbers caller-saved. */
        function writeU64(asm: Assembler<any>, v: R64): void {
          asm.push(v);
          asm.push(v);
          asm.mov(rdi, v);
          asm.call(sym('rt_dtoa_digit_count'));
          asm.mov(edx, eax);
          asm.mov(r13, rax);
          asm.pop(rdi);
          asm.pop(rdi);
          asm.mov(rsi, r12);
          asm.call(sym('rt_dtoa_put_digits'));
        }
      },
    },
    {
      name: 'rt_dtoa_format',
      contract: "rdi=double bits, esi=code ('r' or e/E/f/F/g/G), rdx=precision (>= 0; 0 for 'r'), ecx=flags (DTSF: 1 sign, 2 add '.0', 4 alternate '#', 8 no negative zero, 0x100 append '%') -> rax=str value (PyOS_double_to_string); may allocate",
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const finish = a.newLabel();
        const finite = a.newLabel();
        const nonzero = a.newLabel();
        const haveDigits = a.newLabel();
        const callRounded = a.newLabel();
        const precDone = a.newLabel();
        prologue(a, saved, F_FRAME);
        a.mov(r15d, ecx);
        a.mov(S(F_PREC), rdx);
        a.mov(S(F_BITS), rdi);
        a.mov(eax, esi);
        a.or(eax, 0x20);
        a.mov(r14, rax); // lower-case code
        a.xor(ecx, ecx);
        a.cmp(esi, 0x61);
        a.setb(cl);
        a.mov(S(F_UPPER), rcx);
        a.mov(rax, rdi);
        a.shr(rax, 63);
        a.mov(S(F_SIGN), rax);
        a.lea(rax, mem(rsp, F_OUT));
        a.mov(S(F_START), rax);
        a.mov(S(F_BIG), 0);
        a.mov(rax, rdi);
        a.shl(rax, 1);
        a.shr(rax, 53);
        a.cmp(eax, 0x7ff);
        a.jne(finite);
        {
          // inf / nan: the sign of a nan is never shown ('+nan' with the sign flag).
          const isInf = a.newLabel();
          const signDone = a.newLabel();
          const plus = a.newLabel();
          a.lea(rdi, mem(rsp, F_OUT));
          a.mov(rax, S(F_BITS));
          a.shl(rax, 12);
          a.lea(rsi, rip(sym('dtoa_str_inf')));
          a.je(isInf);
          a.mov(S(F_SIGN), 0);
          a.lea(rsi, rip(sym('dtoa_str_nan')));
          a.bind(isInf);
          a.cmp(S(F_SIGN), 0);
          a.je(plus);
          emitPut(a, 0x2d);
          a.jmp(signDone);
          a.bind(plus);
          a.test(r15d, DTSF.SIGN);
          a.je(signDone);
          emitPut(a, 0x2b);
          a.bind(signDone);
          for (let i = 0; i < 3; i++) {
            a.movzx(eax, byte(mem(rsi, i)));
            a.mov(rcx, S(F_UPPER));
            a.shl(ecx, 5);
            a.xor(eax, ecx); // 'i' ^ 0x20 = 'I'
            a.mov(byte(mem(rdi, i)), al);
          }
          a.add(rdi, 3);
          a.jmp(finish);
        }
        a.bind(finite);
        // Precision as PyOS_double_to_string adjusts it: 'e' asks for one more significant
        // digit, 'g' with precision 0 means 1.
        {
          const notE = a.newLabel();
          const notG = a.newLabel();
          a.cmp(r14d, 0x65);
          a.jne(notE);
          a.inc(S(F_PREC));
          a.jmp(precDone);
          a.bind(notE);
          a.cmp(r14d, 0x67);
          a.jne(notG);
          a.cmp(S(F_PREC), 0);
          a.jne(precDone);
          a.mov(S(F_PREC), 1);
          a.bind(notG);
          a.bind(precDone);
        }
        a.mov(rdi, S(F_BITS));
        a.btr(rdi, 63);
        a.test(rdi, rdi);
        a.jne(nonzero);
        a.mov(byte(mem(rsp, F_DIG)), 0x30);
        a.mov(ebx, 1);
        a.mov(ebp, 1);
        a.jmp(haveDigits);
        a.bind(nonzero);
        a.cmp(r14d, 0x72);
        a.jne(callRounded);
        a.lea(rsi, mem(rsp, F_DIG));
        a.call(sym('rt_dtoa_shortest'));
        a.mov(rbx, rax);
        a.mov(rbp, rdx);
        a.jmp(haveDigits);
        a.bind(callRounded);
        {
          const mode3 = a.newLabel();
          const call = a.newLabel();
          a.mov(esi, 2);
          a.cmp(r14d, 0x66);
          a.jne(call);
          a.bind(mode3);
          a.mov(esi, 3);
          a.bind(call);
          a.mov(rdx, S(F_PREC));
          a.lea(rcx, mem(rsp, F_DIG));
          a.call(sym('rt_dtoa_rounded'));
          a.mov(rbx, rax);
          a.mov(rbp, rdx);
        }
        a.bind(haveDigits);
        // rbx = n digits at F_DIG, rbp = decpt. 'z': a negative zero after rounding loses its sign.
        {
          const skip = a.newLabel();
          const clear = a.newLabel();
          a.test(r15d, DTSF.NO_NEG_0);
          a.je(skip);
          a.test(rbx, rbx);
          a.je(clear);
          a.cmp(rbx, 1);
          a.jne(skip);
          a.cmp(byte(mem(rsp, F_DIG)), 0x30);
          a.jne(skip);
          a.bind(clear);
          a.mov(S(F_SIGN), 0);
          a.bind(skip);
        }
        // The virtual digit string: output vdigits[vs:ve] with the point after decpt.
        a.mov(r12, rbx); // ve
        a.mov(S(F_USEEXP), 0);
        {
          const notE = a.newLabel();
          const notF = a.newLabel();
          const notG = a.newLabel();
          const chosen = a.newLabel();
          const setExp = a.newLabel();
          const noAlt = a.newLabel();
          const gLimit = a.newLabel();
          a.cmp(r14d, 0x65);
          a.jne(notE);
          a.mov(S(F_USEEXP), 1);
          a.mov(r12, S(F_PREC));
          a.jmp(chosen);
          a.bind(notE);
          a.cmp(r14d, 0x66);
          a.jne(notF);
          a.mov(r12, S(F_PREC));
          a.add(r12, rbp);
          a.jmp(chosen);
          a.bind(notF);
          a.cmp(r14d, 0x67);
          a.jne(notG);
          // 'g': exponent when decpt <= -4 or decpt > precision (precision - 1 with '.0').
          a.mov(rax, S(F_PREC));
          a.test(r15d, DTSF.ADD_DOT_0);
          a.je(gLimit);
          a.dec(rax);
          a.bind(gLimit);
          a.test(r15d, DTSF.ALT);
          a.je(noAlt);
          a.mov(r12, S(F_PREC));
          a.bind(noAlt);
          a.cmp(rbp, -4);
          a.jle(setExp);
          a.cmp(rbp, rax);
          a.jg(setExp);
          a.jmp(chosen);
          a.bind(notG);
          // 'r': exponent from 1e16 on, and below 1e-4.
          a.cmp(rbp, -4);
          a.jle(setExp);
          a.cmp(rbp, 16);
          a.jle(chosen);
          a.bind(setExp);
          a.mov(S(F_USEEXP), 1);
          a.bind(chosen);
        }
        {
          const noExp = a.newLabel();
          const vsDone = a.newLabel();
          const maxDone = a.newLabel();
          const plain = a.newLabel();
          a.cmp(S(F_USEEXP), 0);
          a.je(noExp);
          a.lea(rax, mem(rbp, -1));
          a.mov(S(F_EXP), rax);
          a.mov(ebp, 1);
          a.bind(noExp);
          a.xor(r13, r13); // vs
          a.test(rbp, rbp);
          a.jg(vsDone);
          a.lea(r13, mem(rbp, -1));
          a.bind(vsDone);
          // ve = max(ve, decpt + 1) without exponent and with '.0', else max(ve, decpt)
          a.mov(rax, rbp);
          a.cmp(S(F_USEEXP), 0);
          a.jne(plain);
          a.test(r15d, DTSF.ADD_DOT_0);
          a.je(plain);
          a.inc(rax);
          a.bind(plain);
          a.cmp(r12, rax);
          a.jge(maxDone);
          a.mov(r12, rax);
          a.bind(maxDone);
        }
        // Room: sign, point, digits with their zero padding, exponent.
        {
          const small = a.newLabel();
          a.mov(rdi, r12);
          a.sub(rdi, r13);
          a.add(rdi, 17);
          a.cmp(rdi, F_OUTCAP);
          a.jbe(small);
          a.mov(esi, 1);
          a.call(sym('rt_str_alloc'));
          a.mov(S(F_BIG), rax); // kept on the stack: the collector scans it
          a.add(rax, STR.data);
          a.mov(S(F_START), rax);
          a.bind(small);
        }
        a.mov(rdi, S(F_START));
        {
          const plus = a.newLabel();
          const signDone = a.newLabel();
          a.cmp(S(F_SIGN), 0);
          a.je(plus);
          emitPut(a, 0x2d);
          a.jmp(signDone);
          a.bind(plus);
          a.test(r15d, DTSF.SIGN);
          a.je(signDone);
          emitPut(a, 0x2b);
          a.bind(signDone);
        }
        {
          // [zeros][.][zeros] on the left when decpt <= 0
          const leftDone = a.newLabel();
          a.test(rbp, rbp);
          a.jg(leftDone);
          a.mov(rcx, rbp);
          a.sub(rcx, r13);
          emitZeros(a);
          emitPut(a, 0x2e);
          a.mov(rcx, rbp);
          a.neg(rcx);
          emitZeros(a);
          a.bind(leftDone);
        }
        {
          // the digits, with the point inside when 0 < decpt <= n
          const plainDigits = a.newLabel();
          const digitsDone = a.newLabel();
          a.test(rbp, rbp);
          a.jle(plainDigits);
          a.cmp(rbp, rbx);
          a.jg(plainDigits);
          a.lea(rsi, mem(rsp, F_DIG));
          a.mov(rcx, rbp);
          emitCopy(a);
          emitPut(a, 0x2e);
          a.lea(rsi, sib(rsp, rbp, 1, F_DIG));
          a.mov(rcx, rbx);
          a.sub(rcx, rbp);
          emitCopy(a);
          a.jmp(digitsDone);
          a.bind(plainDigits);
          a.lea(rsi, mem(rsp, F_DIG));
          a.mov(rcx, rbx);
          emitCopy(a);
          a.bind(digitsDone);
        }
        {
          // zeros on the right, with the point when it lies past the digits
          const noPoint = a.newLabel();
          const rightDone = a.newLabel();
          a.cmp(rbx, rbp);
          a.jge(noPoint);
          a.mov(rcx, rbp);
          a.sub(rcx, rbx);
          emitZeros(a);
          emitPut(a, 0x2e);
          a.mov(rcx, r12);
          a.sub(rcx, rbp);
          emitZeros(a);
          a.jmp(rightDone);
          a.bind(noPoint);
          a.mov(rcx, r12);
          a.sub(rcx, rbx);
          emitZeros(a);
          a.bind(rightDone);
        }
        {
          const keep = a.newLabel();
          a.cmp(byte(mem(rdi, -1)), 0x2e);
          a.jne(keep);
          a.test(r15d, DTSF.ALT);
          a.jne(keep);
          a.dec(rdi);
          a.bind(keep);
        }
        {
          // exponent: e+XX, at least two digits ("%+.02d")
          const lower = a.newLabel();
          const pos = a.newLabel();
          const two = a.newLabel();
          const three = a.newLabel();
          const expDone = a.newLabel();
          a.cmp(S(F_USEEXP), 0);
          a.je(finish);
          a.mov(eax, 0x65);
          a.cmp(S(F_UPPER), 0);
          a.je(lower);
          a.mov(eax, 0x45);
          a.bind(lower);
          a.mov(byte(mem(rdi)), al);
          a.mov(rax, S(F_EXP));
          a.mov(byte(mem(rdi, 1)), 0x2b);
          a.test(rax, rax);
          a.jns(pos);
          a.mov(byte(mem(rdi, 1)), 0x2d);
          a.neg(rax);
          a.bind(pos);
          a.add(rdi, 2);
          a.mov(ecx, 10);
          a.cmp(eax, 100);
          a.jae(three);
          a.bind(two);
          a.xor(edx, edx);
          a.div(ecx);
          a.add(eax, 0x30);
          a.add(edx, 0x30);
          a.mov(byte(mem(rdi)), al);
          a.mov(byte(mem(rdi, 1)), dl);
          a.add(rdi, 2);
          a.jmp(expDone);
          a.bind(three);
          a.xor(edx, edx);
          a.div(ecx);
          a.add(edx, 0x30);
          a.mov(byte(mem(rdi, 2)), dl);
          a.xor(edx, edx);
          a.div(ecx);
          a.add(eax, 0x30);
          a.add(edx, 0x30);
          a.mov(byte(mem(rdi)), al);
          a.mov(byte(mem(rdi, 1)), dl);
          a.add(rdi, 3);
          a.bind(expDone);
        }
        a.bind(finish);
        {
          const noPct = a.newLabel();
          a.test(r15d, DTSF.PERCENT);
          a.je(noPct);
          emitPut(a, 0x25);
          a.bind(noPct);
        }
        a.mov(rsi, rdi);
        a.mov(rdi, S(F_START));
        a.sub(rsi, rdi);
        a.call(sym('rt_str_from_ascii'));
        epilogue(a, saved, F_FRAME);
      },
    },
  ],
  data: [
    {
      name: 'dtoa_g',
      section: 'rodata',
      align: 16,
      emit: (a) => {
        for (const w of schubfachTable()) a.u64(w);
      },
    },
    {
      name: 'dtoa_pow10',
      section: 'rodata',
      align: 8,
      emit: (a) => {
        for (let i = 0n; i < 20n; i++) a.u64(10n ** i);
      },
    },
    { name: 'dtoa_str_inf', section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode('inf\0')) },
    { name: 'dtoa_str_nan', section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode('nan\0')) },
  ] satisfies RuntimeDatum[],
};

