// Runtime: ints and doubles: int -> float (correctly rounded), float -> int (truncation),
// and int / int true division (docs/int.md).
//
// int -> float rounds half to even like PyLong_AsDouble: the top 64 bits of the magnitude
// plus a sticky bit for everything below are rounded to 53 bits by hand (cvtsi2sd alone
// is exact or correctly rounded only below 2^63). True division follows CPython's
// long_true_divide (Objects/longobject.c): both operands exact as doubles -> one divsd;
// otherwise shift a so the integer quotient a*2^-shift // b has 55 or 56 bits, fold the
// remainder into a sticky bit, round to 53 bits (fewer for subnormal results) by
// adjusting the low limb, and scale by 2^shift exactly.

import { type Assembler, cl, eax, ecx, edx, mem, qword, r12, r12d, r13, r14, r14d, r15, r15d, r8, r9, r9d, r10, rax, rbx, rcx, rdi, rdx, rsi, rsp, sib, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { BIGINT, TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { OPND, SMALL_ZERO, opnd, raiseCstr, unpack } from './int_common.js';
import { DIV_MSG } from './int_div.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;
const DBL_MANT_DIG = 53;
const DBL_MIN_EXP = -1021;
const DBL_MAX_EXP = 1024;

const toDouble: RuntimeRoutine = {
  name: 'rt_int_to_double',
  contract: 'rdi=int value -> rax=float value (correctly rounded, half to even), or EXC (OverflowError "int too large to convert to float"); also returns xmm0; may allocate (only to raise)',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    const zero = a.newLabel();
    const wide = a.newLabel();
    const overflow = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(slow);
    a.shl(rdi, 16);
    a.sar(rdi, 16);
    a.cvtsi2sd(xmm0, rdi); // exact: |int48| < 2^53
    a.movq(rax, xmm0);
    a.ret();
    a.bind(slow);
    prologue(a, SAVED, OPND.size + 8);
    unpack(a, rdi, 0, zero);
    a.mov(rcx, opnd(0, 'n'));
    a.test(rcx, rcx);
    a.je(zero);
    a.mov(rsi, opnd(0, 'p'));
    a.cmp(rcx, 1);
    a.ja(wide);
    a.mov(rax, qword(mem(rsi)));
    a.test(rax, rax);
    a.js(wide);
    // Below 2^63: cvtsi2sd rounds correctly (MXCSR round-to-nearest-even).
    const pos = a.newLabel();
    a.cmp(opnd(0, 'sign'), 0);
    a.jg(pos);
    a.neg(rax);
    a.bind(pos);
    a.cvtsi2sd(xmm0, rax);
    a.movq(rax, xmm0);
    a.jmp(out);
    a.bind(wide);
    // nbits (r8) = 64*(n-1) + bsr(top) + 1 >= 64; t = nbits - 64 = first bit kept.
    a.bsr(rax, qword(sib(rsi, rcx, 8, -8)));
    a.lea(r8, mem(rcx, -1));
    a.shl(r8, 6);
    a.lea(r8, sib(r8, rax, 1, 1));
    a.lea(r9, mem(r8, -64));
    // m (rax) = bits t .. t+63; rdx = sticky (nonzero if a lower bit is set)
    a.mov(rbx, r9);
    a.shr(rbx, 6); // limb index
    a.mov(ecx, r9d);
    a.and(ecx, 63);
    a.mov(rax, qword(sib(rsi, rbx, 8)));
    a.xor(edx, edx);
    const aligned = a.newLabel();
    a.test(ecx, ecx);
    a.je(aligned);
    a.mov(rdx, rax);
    a.mov(r10, qword(sib(rsi, rbx, 8, 8)));
    a.shrd(rax, r10, cl);
    a.neg(ecx);
    a.shl(rdx, cl); // bits of the limb below t
    a.bind(aligned);
    const scan = a.newLabel();
    const scanned = a.newLabel();
    a.bind(scan);
    a.test(rbx, rbx);
    a.je(scanned);
    a.dec(rbx);
    a.or(rdx, qword(sib(rsi, rbx, 8)));
    a.jmp(scan);
    a.bind(scanned);
    // Round m to 53 bits: 11 bits go; half-way rounds to even unless a sticky bit is set.
    const noRound = a.newLabel();
    const up = a.newLabel();
    a.mov(rcx, rax);
    a.and(ecx, 0x7ff);
    a.shr(rax, 11);
    a.cmp(ecx, 0x400);
    a.jb(noRound);
    a.ja(up);
    a.test(rdx, rdx);
    a.jne(up);
    a.test(eax, 1);
    a.je(noRound);
    a.bind(up);
    a.inc(rax);
    a.bt(rax, 53);
    a.jae(noRound);
    a.shr(rax, 1);
    a.inc(r8);
    a.bind(noRound);
    // exponent = nbits - 1 must be <= 1023
    a.cmp(r8, DBL_MAX_EXP);
    a.ja(overflow);
    a.lea(rcx, mem(r8, 1022)); // biased exponent = nbits - 1 + 1023
    a.shl(rcx, 52);
    a.btr(rax, 52); // implicit bit
    a.or(rax, rcx);
    a.cmp(opnd(0, 'sign'), 0);
    a.jg(out);
    a.bts(rax, 63);
    a.jmp(out);
    a.bind(zero);
    a.xor(eax, eax);
    a.bind(out);
    a.movq(xmm0, rax);
    epilogue(a, SAVED, OPND.size + 8);
    a.bind(overflow);
    raiseCstr(a, 'OverflowError', 'msg_int_too_large_float');
    a.jmp(out);
  },
};

const fromDouble: RuntimeRoutine = {
  name: 'rt_int_from_double',
  contract: 'rdi=float value -> rax=int value of trunc(x), or EXC (ValueError "cannot convert float NaN to integer", OverflowError "cannot convert float infinity to integer"); may allocate',
  emit(a) {
    const nan = a.newLabel();
    const inf = a.newLabel();
    const big = a.newLabel();
    const out = a.newLabel();
    a.movq(xmm0, rdi);
    a.ucomisd(xmm0, xmm0);
    a.jp(nan);
    a.mov(rax, rdi);
    a.shr(rax, 52);
    a.and(eax, 0x7ff);
    a.cmp(eax, 0x7ff);
    a.je(inf);
    a.cmp(eax, 1023 + 63);
    a.jae(big);
    a.cvttsd2si(rdi, xmm0); // |x| < 2^63
    a.jmp(sym('rt_int_from_i64'));
    a.bind(big);
    // x = m * 2^e with m the 53-bit significand and e = biased exponent - 1075 >= 11.
    prologue(a, [r12, r13, r14]);
    a.lea(r12, mem(rax, -1075)); // e
    a.mov(r13, 0xfffffffffffffn);
    a.and(r13, rdi);
    a.bts(r13, 52); // m
    a.mov(r14, rdi); // sign in bit 63
    a.mov(rdi, r12);
    a.shr(rdi, 6);
    a.add(rdi, 2);
    a.call(sym('rt_int_new'));
    a.mov(rdx, r12);
    a.shr(rdx, 6);
    a.mov(ecx, r12d);
    a.and(ecx, 63);
    a.xor(r8, r8);
    a.shld(r8, r13, cl);
    a.shl(r13, cl);
    a.lea(rdx, sib(rax, rdx, 8, BIGINT.digits));
    a.mov(qword(mem(rdx)), r13);
    a.mov(qword(mem(rdx, 8)), r8);
    a.mov(rdi, rax);
    a.mov(rsi, r14);
    a.sar(rsi, 63);
    a.or(rsi, 1);
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, [r12, r13, r14]);
    a.bind(nan);
    a.sub(rsp, 8);
    raiseCstr(a, 'ValueError', 'msg_int_from_nan');
    a.add(rsp, 8);
    a.ret();
    a.bind(inf);
    a.sub(rsp, 8);
    raiseCstr(a, 'OverflowError', 'msg_int_from_inf');
    a.add(rsp, 8);
    a.ret();
  },
};

// Frame of rt_int_truediv's general path.
const A = 0;
const B = OPND.size;
const X = 2 * OPND.size; // x = |a| * 2^-shift, then the quotient
const SHIFT = X + 8;
const INEXACT = X + 16;
const NEG = X + 24; // 1 when the result is negative
const ABSB = X + 32;
const LOCAL = X + 48;

/** xmm0 = 2^k for -1022 <= k <= 1023 (k in rcx). Clobbers rcx. */
function pow2(a: Assembler<any>, k: typeof rcx): void {
  a.add(k, 1023);
  a.shl(k, 52);
  a.movq(xmm1, k);
}

const truediv: RuntimeRoutine = {
  name: 'rt_int_truediv',
  contract: 'rdi=a, rsi=b (int values) -> rax=float value a / b (correctly rounded), or EXC (ZeroDivisionError "division by zero", OverflowError "integer division result too large for a float"), or NotImplemented; may allocate',
  emit(a) {
    const slow = a.newLabel();
    const zeroDiv = a.newLabel();
    const out = a.newLabel();
    const ni = a.newLabel();
    const signedZero = a.newLabel();
    const overflow = a.newLabel();
    const general = a.newLabel();
    const finish = a.newLabel();
    const exc = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(slow);
    a.mov(rax, rsi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(slow);
    // Both small: exact as doubles, so one division rounds correctly.
    a.mov(rcx, rsi);
    a.shl(rcx, 16);
    a.je(slow);
    a.sar(rcx, 16);
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.sar(rax, 16);
    a.cvtsi2sd(xmm0, rax);
    a.cvtsi2sd(xmm1, rcx);
    a.divsd(xmm0, xmm1);
    a.movq(rax, xmm0);
    a.ret();
    a.bind(slow);
    prologue(a, SAVED, LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(B, 'n'), 0);
    a.je(zeroDiv);
    // negate = (a < 0) != (b < 0): 0 / -5 is -0.0
    a.mov(rax, opnd(A, 'sign'));
    a.shr(rax, 63);
    a.mov(rcx, opnd(B, 'sign'));
    a.shr(rcx, 63);
    a.xor(rax, rcx);
    a.mov(qword(mem(rsp, NEG)), rax);
    a.cmp(opnd(A, 'n'), 0);
    a.je(signedZero);
    // Both magnitudes at most 2^53: exact doubles again.
    const exact = (side: number, notExact: ReturnType<Assembler<any>['newLabel']>, x: typeof xmm0): void => {
      a.cmp(opnd(side, 'n'), 1);
      a.ja(notExact);
      a.mov(rax, opnd(side, 'p'));
      a.mov(rax, qword(mem(rax)));
      a.mov(rcx, 1n << 53n);
      a.cmp(rax, rcx);
      a.ja(notExact);
      a.cvtsi2sd(x, rax);
    };
    exact(A, general, xmm0);
    exact(B, general, xmm1);
    a.divsd(xmm0, xmm1);
    a.movq(rax, xmm0);
    a.jmp(finish);

    a.bind(general);
    // diff = bits(a) - bits(b)
    a.mov(rdi, r12);
    a.call(sym('rt_int_bits'));
    a.mov(r14, rax);
    a.mov(rdi, r13);
    a.call(sym('rt_int_bits'));
    a.sub(r14, rax);
    a.cmp(r14, DBL_MAX_EXP);
    a.jg(overflow);
    a.cmp(r14, DBL_MIN_EXP - DBL_MANT_DIG - 1);
    a.jl(signedZero);
    // shift = max(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2
    a.mov(rax, DBL_MIN_EXP);
    a.cmp(r14, rax);
    a.cmovl(r14, rax);
    a.sub(r14, DBL_MANT_DIG + 2);
    a.mov(qword(mem(rsp, SHIFT)), r14);
    a.mov(qword(mem(rsp, INEXACT)), 0);
    a.mov(rdi, r13);
    a.call(sym('rt_int_abs'));
    a.mov(qword(mem(rsp, ABSB)), rax);
    a.mov(rdi, r12);
    a.call(sym('rt_int_abs'));
    a.mov(rbx, rax);
    const rightShift = a.newLabel();
    const shifted = a.newLabel();
    a.test(r14, r14);
    a.jg(rightShift);
    a.mov(rdi, r14);
    a.neg(rdi);
    a.call(sym('rt_int_from_i64'));
    a.mov(rdi, rbx);
    a.mov(rsi, rax);
    a.call(sym('rt_int_lshift'));
    a.jmp(shifted);
    a.bind(rightShift);
    // inexact when any of the low `shift` bits of |a| is set
    const scan = a.newLabel();
    const partial = a.newLabel();
    const lost = a.newLabel();
    const scanned = a.newLabel();
    a.mov(rsi, opnd(A, 'p'));
    a.mov(rdx, r14);
    a.shr(rdx, 6);
    a.xor(r8, r8);
    a.bind(scan);
    a.cmp(r8, rdx);
    a.jae(partial);
    a.cmp(qword(sib(rsi, r8, 8)), 0);
    a.jne(lost);
    a.inc(r8);
    a.jmp(scan);
    a.bind(partial);
    a.mov(ecx, r14d);
    a.and(ecx, 63);
    a.je(scanned);
    a.mov(rax, qword(sib(rsi, rdx, 8)));
    a.neg(ecx);
    a.shl(rax, cl);
    a.je(scanned);
    a.bind(lost);
    a.mov(qword(mem(rsp, INEXACT)), 1);
    a.bind(scanned);
    a.mov(rdi, r14);
    a.call(sym('rt_int_from_i64'));
    a.mov(rdi, rbx);
    a.mov(rsi, rax);
    a.call(sym('rt_int_rshift'));
    a.bind(shifted);
    a.cmp(rax, g('rt_const_exc'));
    a.je(exc);
    // q, r = divmod(x, |b|); a nonzero remainder is inexact too
    a.mov(rdi, rax);
    a.mov(rsi, qword(mem(rsp, ABSB)));
    a.mov(edx, DIV_MSG.divmod);
    a.call(sym('rt_int_divmod_core'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(exc);
    a.mov(rcx, SMALL_ZERO);
    a.cmp(rdx, rcx);
    const exactQ = a.newLabel();
    a.je(exactQ);
    a.mov(qword(mem(rsp, INEXACT)), 1);
    a.bind(exactQ);
    a.mov(rdi, rax);
    a.call(sym('rt_int_to_i64')); // q < 2^57
    a.mov(rbx, rax);
    // x_bits (r15), extra_bits = max(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG
    a.bsr(r15, rbx);
    a.inc(r15);
    a.mov(rcx, DBL_MIN_EXP);
    a.sub(rcx, qword(mem(rsp, SHIFT)));
    a.cmp(rcx, r15);
    a.cmovl(rcx, r15);
    a.sub(rcx, DBL_MANT_DIG);
    // mask = 1 << (extra - 1); low = q | inexact; round half to even on the dropped bits
    a.dec(ecx);
    a.mov(edx, 1);
    a.shl(rdx, cl); // mask
    a.mov(rax, rbx);
    a.or(rax, qword(mem(rsp, INEXACT)));
    const noRound = a.newLabel();
    a.test(rax, rdx);
    a.je(noRound);
    a.lea(rcx, sib(rdx, rdx, 2, -1)); // 3*mask - 1
    a.test(rax, rcx);
    a.je(noRound);
    a.add(rax, rdx);
    a.bind(noRound);
    a.lea(rcx, sib(rdx, rdx, 1, -1)); // 2*mask - 1
    a.not(rcx);
    a.and(rax, rcx);
    a.mov(rbx, rax);
    a.cvtsi2sd(xmm0, rax); // exact
    // Overflow: shift + x_bits >= DBL_MAX_EXP and (> or the rounding carried to 2^x_bits)
    a.mov(rax, qword(mem(rsp, SHIFT)));
    a.add(rax, r15);
    a.cmp(rax, DBL_MAX_EXP);
    const fits = a.newLabel();
    a.jl(fits);
    a.jg(overflow);
    a.mov(ecx, r15d);
    a.mov(eax, 1);
    a.shl(rax, cl);
    a.cmp(rbx, rax);
    a.je(overflow);
    a.bind(fits);
    // result = ldexp(dx, shift), exact: below 2^-1022 in two steps.
    const oneStep = a.newLabel();
    a.mov(rcx, qword(mem(rsp, SHIFT)));
    a.cmp(rcx, -1022);
    a.jge(oneStep);
    a.add(rcx, 64);
    pow2(a, rcx);
    a.mulsd(xmm0, xmm1);
    a.mov(rcx, -64);
    a.bind(oneStep);
    pow2(a, rcx);
    a.mulsd(xmm0, xmm1);
    a.movq(rax, xmm0);
    a.bind(finish);
    a.cmp(qword(mem(rsp, NEG)), 0);
    a.je(out);
    a.bts(rax, 63);
    a.bind(out);
    epilogue(a, SAVED, LOCAL);
    a.bind(signedZero);
    a.xor(eax, eax);
    a.jmp(finish);
    a.bind(exc);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
    a.bind(zeroDiv);
    raiseCstr(a, 'ZeroDivisionError', 'msg_int_div_zero');
    a.jmp(out);
    a.bind(overflow);
    raiseCstr(a, 'OverflowError', 'msg_int_div_overflow');
    a.jmp(out);
  },
};

export const intFloatModule: RuntimeModule = {
  name: 'int_float',
  routines: [toDouble, fromDouble, truediv],
  data: [
    cstr('msg_int_too_large_float', 'int too large to convert to float'),
    cstr('msg_int_from_nan', 'cannot convert float NaN to integer'),
    cstr('msg_int_from_inf', 'cannot convert float infinity to integer'),
    cstr('msg_int_div_zero', 'division by zero'),
    cstr('msg_int_div_overflow', 'integer division result too large for a float'),
  ],
};

