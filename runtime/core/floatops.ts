// Runtime: exact double-level operations under float arithmetic and the math module.
//
// Role: the C library pieces CPython's float code relies on, written for SSE2 only (no
// roundsd, which is SSE4.1): fmod, floor/ceil/trunc/rint, and CPython's _float_div_mod
// (Objects/floatobject.c) behind //, % and divmod(). The routines work on raw doubles in
// xmm registers (the "_d" suffix) and neither allocate nor raise.
//
// Invariants: results are exact (fmod's result is always representable; floor and friends
// only drop fraction bits) and keep C's signed zeros: floor(-0.0) = -0.0, trunc(-0.5) = -0.0,
// fmod(-4.0, 2.0) = -0.0. NaN results are canonical (the SSE default NaN or a NaN operand).

import {
  type Assembler, cl, dl, eax, ecx, edx, mem, qword, r10, r11, r8, r8d, r9, rax, rcx, rdx, rsp, sym, xmm0, xmm1, xmm2, xmm3,
} from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { F64_ABS, F64_EXP, F64_MANT, F64_SIGN, LiteralPool } from './floatkit.js';

/** Bits of 2^52: doubles at or above it in magnitude are integers (or inf/nan). */
const TWO52_BITS = 0x4330_0000_0000_0000n;

type Mode = 'floor' | 'ceil' | 'trunc' | 'rint';

/**
 * xmm0 -> xmm0 rounded to an integral value by `mode`; the result has x's sign (so zeros
 * keep it). Clobbers rax rcx xmm1.
 */
function emitRound(a: Assembler<any>, mode: Mode, pool: LiteralPool): void {
  const done = a.newLabel();
  const fixed = a.newLabel();
  a.movq(rax, xmm0);
  a.mov(rcx, rax);
  a.btr(rcx, 63);
  a.test(rcx, rcx);
  a.je(done); // +-0
  a.mov(rax, TWO52_BITS);
  a.cmp(rcx, rax);
  a.jae(done); // already integral, inf or nan
  if (mode === 'rint') a.cvtsd2si(rax, xmm0); // MXCSR rounding: nearest, ties to even
  else a.cvttsd2si(rax, xmm0);
  a.cvtsi2sd(xmm1, rax);
  if (mode === 'floor') {
    a.ucomisd(xmm1, xmm0);
    a.jbe(fixed);
    a.subsd(xmm1, pool.f64(1));
  } else if (mode === 'ceil') {
    a.ucomisd(xmm0, xmm1);
    a.jbe(fixed);
    a.addsd(xmm1, pool.f64(1));
  }
  a.bind(fixed);
  // x's sign goes to the result: -0.0 for trunc(-0.5), ceil(-0.5), rint(-0.4).
  a.movq(rax, xmm0);
  a.mov(rcx, F64_SIGN);
  a.and(rax, rcx);
  a.movq(rcx, xmm1);
  a.or(rax, rcx);
  a.movq(xmm0, rax);
  a.bind(done);
  a.ret();
}

export const floatOpsModule: RuntimeModule = {
  name: 'floatops',
  routines: [
    ...(['floor', 'ceil', 'trunc', 'rint'] as const).map((mode) => ({
      name: `rt_float_${mode}_d`,
      contract: `xmm0=x -> xmm0=${mode === 'rint' ? 'x rounded to the nearest integer, ties to even' : `C ${mode}(x)`} (zeros keep x's sign; inf/nan unchanged); clobbers rax rcx xmm1; no alloc`,
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        emitRound(a, mode, pool);
        pool.emit();
      },
    })),
    {
      name: 'rt_float_fmod_d',
      contract: 'xmm0=x, xmm1=y -> xmm0=C fmod(x, y), exact (sign of x; NaN for x inf/nan or y 0/nan; x for finite x and infinite y); clobbers rax rcx rdx r8-r11 xmm0; no alloc',
      emit(a: Assembler<any>) {
        // The remainder of the integer mantissas, mx * 2^(ex - ey) mod my, 64 bits per div
        // (the remainder stays below my < 2^53, so each 128/64 quotient fits in 64 bits),
        // then rebuilt on y's exponent grid, where it is exactly representable.
        const nan = a.newLabel();
        const retx = a.newLabel();
        const zero = a.newLabel();
        const xNormal = a.newLabel();
        const xDone = a.newLabel();
        const yNormal = a.newLabel();
        const yDone = a.newLabel();
        const chunk = a.newLabel();
        const tail = a.newLabel();
        const reduced = a.newLabel();
        const subnormal = a.newLabel();
        const build = a.newLabel();
        a.movq(rax, xmm0);
        a.movq(rdx, xmm1);
        a.mov(rcx, F64_ABS);
        a.mov(r8, rax);
        a.and(r8, rcx); // |x| bits
        a.mov(r9, rdx);
        a.and(r9, rcx); // |y| bits
        a.test(r9, r9);
        a.je(nan);
        a.mov(rcx, F64_EXP);
        a.cmp(r8, rcx);
        a.jae(nan);
        a.cmp(r9, rcx);
        a.ja(nan);
        a.je(retx);
        a.cmp(r8, r9);
        a.jb(retx);
        a.je(zero);
        a.mov(r10, F64_SIGN);
        a.and(r10, rax); // sign of x
        a.mov(rcx, F64_MANT);
        a.mov(rax, r8);
        a.shr(r8, 52); // ex (biased; subnormals count as 1)
        a.and(rax, rcx); // mx
        a.test(r8, r8);
        a.jne(xNormal);
        a.mov(r8, 1);
        a.jmp(xDone);
        a.bind(xNormal);
        a.bts(rax, 52);
        a.bind(xDone);
        a.mov(r11, r9);
        a.shr(r9, 52); // ey
        a.and(r11, rcx); // my
        a.test(r9, r9);
        a.jne(yNormal);
        a.mov(r9, 1);
        a.jmp(yDone);
        a.bind(yNormal);
        a.bts(r11, 52);
        a.bind(yDone);
        a.sub(r8, r9); // d = ex - ey >= 0 because |x| > |y|
        a.xor(edx, edx);
        a.div(r11); // rdx = mx mod my
        a.bind(chunk);
        a.cmp(r8, 64);
        a.jb(tail);
        a.xor(eax, eax);
        a.div(r11); // (R * 2^64) mod my
        a.sub(r8, 64);
        a.jmp(chunk);
        a.bind(tail);
        a.test(r8, r8);
        a.je(reduced);
        a.mov(ecx, r8d);
        a.mov(rax, rdx);
        a.xor(edx, edx);
        a.shld(rdx, rax, cl);
        a.shl(rax, cl);
        a.div(r11); // (R * 2^d) mod my
        a.bind(reduced);
        // R = rdx < my; the result is R * 2^(ey - 1075) (ey biased).
        a.test(rdx, rdx);
        a.je(zero);
        a.bsr(rcx, rdx);
        a.neg(rcx);
        a.add(rcx, 52); // shift = 52 - top bit
        a.shl(rdx, cl);
        a.sub(r9, rcx); // biased exponent once R is normalized to [2^52, 2^53)
        a.cmp(r9, 1);
        a.jl(subnormal);
        a.shl(r9, 52);
        a.btr(rdx, 52);
        a.or(rdx, r9);
        a.jmp(build);
        a.bind(subnormal);
        a.mov(ecx, 1);
        a.sub(rcx, r9);
        a.shr(rdx, cl); // exact: the result lies on y's grid
        a.bind(build);
        a.or(rdx, r10);
        a.movq(xmm0, rdx);
        a.ret();
        a.bind(zero); // a zero with x's sign
        a.movq(rax, xmm0);
        a.mov(rcx, F64_SIGN);
        a.and(rax, rcx);
        a.movq(xmm0, rax);
        a.ret();
        a.bind(nan); // (x * y) / (x * y): x's NaN, or the default NaN
        a.mulsd(xmm0, xmm1);
        a.divsd(xmm0, xmm0);
        a.bind(retx);
        a.ret();
      },
    },
    {
      name: 'rt_float_mod_d',
      contract: 'xmm0=vx, xmm1=wx (wx != 0) -> xmm0=vx % wx with the sign of wx (CPython float_rem); clobbers rax rcx rdx r8-r11 xmm0-xmm3; no alloc',
      emit(a: Assembler<any>) {
        const nonzero = a.newLabel();
        const zeroMod = a.newLabel();
        const done = a.newLabel();
        a.movapd(xmm3, xmm1); // fmod keeps xmm1, but the caller's wx is needed after it
        a.call(sym('rt_float_fmod_d'));
        a.xorpd(xmm2, xmm2);
        a.ucomisd(xmm0, xmm2);
        a.jp(nonzero);
        a.je(zeroMod);
        a.bind(nonzero);
        a.xor(ecx, ecx);
        a.ucomisd(xmm2, xmm3);
        a.seta(cl); // wx < 0
        a.xor(edx, edx);
        a.ucomisd(xmm2, xmm0);
        a.seta(dl); // mod < 0
        a.cmp(cl, dl);
        a.je(done);
        a.addsd(xmm0, xmm3);
        a.ret();
        a.bind(zeroMod); // copysign(0.0, wx)
        a.movq(rax, xmm3);
        a.mov(rcx, F64_SIGN);
        a.and(rax, rcx);
        a.movq(xmm0, rax);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_float_divmod_d',
      contract: 'xmm0=vx, xmm1=wx (wx != 0) -> xmm0=floor quotient, xmm1=remainder with the sign of wx (CPython _float_div_mod); clobbers rax rcx rdx r8-r11 xmm0-xmm3; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const S = (o: number) => qword(mem(rsp, o));
        const nonzero = a.newLabel();
        const zeroMod = a.newLabel();
        const modDone = a.newLabel();
        const divNonzero = a.newLabel();
        const divZero = a.newLabel();
        const out = a.newLabel();
        a.sub(rsp, 24);
        a.movsd(S(0), xmm0); // vx
        a.movsd(S(8), xmm1); // wx
        a.call(sym('rt_float_fmod_d')); // mod
        a.movsd(xmm2, S(0));
        a.subsd(xmm2, xmm0);
        a.divsd(xmm2, S(8)); // div = (vx - mod) / wx: within rounding of an integer
        a.xorpd(xmm3, xmm3);
        a.ucomisd(xmm0, xmm3);
        a.jp(nonzero); // a NaN remainder counts as nonzero, as in C
        a.je(zeroMod);
        a.bind(nonzero);
        // (wx < 0) != (mod < 0): move the remainder to wx's side, the quotient down by one.
        a.xor(ecx, ecx);
        a.ucomisd(xmm3, S(8));
        a.seta(cl);
        a.xor(edx, edx);
        a.ucomisd(xmm3, xmm0);
        a.seta(dl);
        a.cmp(cl, dl);
        a.je(modDone);
        a.addsd(xmm0, S(8));
        a.subsd(xmm2, pool.f64(1));
        a.jmp(modDone);
        a.bind(zeroMod); // copysign(0.0, wx)
        a.mov(rax, S(8));
        a.mov(rcx, F64_SIGN);
        a.and(rax, rcx);
        a.movq(xmm0, rax);
        a.bind(modDone);
        a.movsd(S(16), xmm0);
        // Snap the quotient to the nearest integral value.
        a.ucomisd(xmm2, xmm3);
        a.jp(divNonzero);
        a.je(divZero);
        a.bind(divNonzero);
        a.movapd(xmm0, xmm2);
        a.call(sym('rt_float_floor_d'));
        a.movapd(xmm1, xmm2);
        a.subsd(xmm1, xmm0);
        a.ucomisd(xmm1, pool.f64(0.5));
        a.jbe(out);
        a.addsd(xmm0, pool.f64(1));
        a.jmp(out);
        a.bind(divZero); // copysign(0.0, vx / wx)
        a.movsd(xmm0, S(0));
        a.divsd(xmm0, S(8));
        a.movq(rax, xmm0);
        a.mov(rcx, F64_SIGN);
        a.and(rax, rcx);
        a.movq(xmm0, rax);
        a.bind(out);
        a.movsd(xmm1, S(16));
        a.add(rsp, 24);
        a.ret();
        pool.emit();
      },
    },
  ],
  data: [],
};
