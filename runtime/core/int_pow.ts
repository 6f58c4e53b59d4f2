// Runtime: int ** int and three-argument pow (docs/int.md).
//
// Non-negative exponents: left-to-right binary exponentiation (small ints first try it in
// i64 with overflow checks). A negative exponent without a modulus makes a float, as
// CPython's long_pow hands the operands to float_pow: both convert with rt_int_to_double
// and the float area's rt_float_pow computes the power (errors such as "0.0 cannot be
// raised to a negative power" are its own). pow(a, b, m) follows long_pow too: m == 0 is a
// ValueError, a negative m flips the result's sign range, |m| == 1 gives 0, a negative b
// uses the modular inverse of a (extended Euclid; ValueError "base is not invertible for
// the given modulus").

import { type Label, eax, ecx, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { emitWord } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { MAX_LIMBS, OPND, SMALL_ONE, SMALL_ZERO, callChecked, opnd, raiseCstr, unpack } from './int_common.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;
const MINUS_ONE = 0xfff9_ffff_ffff_ffffn;

// Frame of rt_int_pow: OPND A (base), OPND B (exponent).
const A = 0;
const B = OPND.size;

const pow: RuntimeRoutine = {
  name: 'rt_int_pow',
  contract: 'rdi=a, rsi=b (int values) -> rax=a ** b (an int for b >= 0, a float through rt_float_pow for b < 0), or EXC (MemoryError for results too large, the float errors), or NotImplemented; may allocate',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    const ni = a.newLabel();
    const exc = a.newLabel();
    const negExp = a.newLabel();
    const one = a.newLabel();
    const zero = a.newLabel();
    const tooBig = a.newLabel();
    const loop = a.newLabel();
    const notSmall = (r: typeof rax, l: Label): void => {
      a.mov(rax, r);
      a.shr(rax, 48);
      a.cmp(eax, TAG_INT);
      a.jne(l);
    };
    // Both small and b >= 0: square-and-multiply in i64, falling back on overflow.
    notSmall(rdi, slow);
    notSmall(rsi, slow);
    a.mov(rcx, rsi);
    a.shl(rcx, 16);
    a.sar(rcx, 16);
    a.test(rcx, rcx);
    a.js(slow);
    a.mov(rdx, rdi);
    a.shl(rdx, 16);
    a.sar(rdx, 16); // base
    a.mov(eax, 1); // result
    const fastLoop = a.newLabel();
    const fastSkip = a.newLabel();
    const fastDone = a.newLabel();
    a.bind(fastLoop);
    a.test(rcx, rcx);
    a.je(fastDone);
    a.test(ecx, 1);
    a.je(fastSkip);
    a.imul(rax, rdx);
    a.jo(slow);
    a.bind(fastSkip);
    a.shr(rcx, 1);
    a.je(fastDone);
    a.imul(rdx, rdx);
    a.jo(slow);
    a.jmp(fastLoop);
    a.bind(fastDone);
    a.mov(rdi, rax);
    a.jmp(sym('rt_int_from_i64'));

    a.bind(slow);
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(B, 'sign'), 0);
    a.jl(negExp);
    a.je(one); // x ** 0 == 1
    // |a| <= 1 never grows: 0, 1, and -1 by the parity of b.
    a.cmp(opnd(A, 'n'), 0);
    a.je(zero);
    a.cmp(opnd(A, 'n'), 1);
    const general = a.newLabel();
    a.ja(general);
    a.mov(rax, opnd(A, 'p'));
    a.cmp(qword(mem(rax)), 1);
    a.jne(general);
    a.cmp(opnd(A, 'sign'), 0);
    a.jg(one);
    a.mov(rax, opnd(B, 'p'));
    a.test(qword(mem(rax)), 1);
    a.je(one);
    a.mov(rax, MINUS_ONE);
    a.jmp(out);
    a.bind(general);
    // b must be small enough that bits(a) * b fits the largest int we allocate.
    a.cmp(opnd(B, 'n'), 1);
    a.ja(tooBig);
    a.mov(rdi, r12);
    a.call(sym('rt_int_bits'));
    a.dec(rax); // bits(a) - 1 (>= 1 here: |a| >= 2)
    a.mov(rcx, opnd(B, 'p'));
    a.mul(qword(mem(rcx))); // rdx:rax = lower bound of the result's bits
    a.test(rdx, rdx);
    a.jne(tooBig);
    a.mov(rcx, BigInt(MAX_LIMBS) * 64n);
    a.cmp(rax, rcx);
    a.jae(tooBig);
    // Left to right: r14 = bit index below the top bit of b, rbx = result.
    a.mov(rax, opnd(B, 'p'));
    a.bsr(r14, qword(mem(rax)));
    a.mov(rdi, r12);
    a.call(sym('rt_int_pos'));
    a.mov(rbx, rax);
    const finished = a.newLabel();
    a.bind(loop);
    a.test(r14, r14);
    a.je(finished);
    a.dec(r14);
    a.mov(rdi, rbx);
    a.mov(rsi, rbx);
    a.call(sym('rt_int_mul'));
    a.mov(rbx, rax);
    a.mov(rax, opnd(B, 'p'));
    a.mov(rax, qword(mem(rax)));
    a.bt(rax, r14);
    a.jae(loop);
    a.mov(rdi, rbx);
    a.mov(rsi, r12);
    a.call(sym('rt_int_mul'));
    a.mov(rbx, rax);
    a.jmp(loop);
    a.bind(finished);
    a.mov(rax, rbx);
    a.jmp(out);

    // Negative exponent: float(a) ** float(b) in the float area.
    a.bind(negExp);
    a.mov(rdi, r12);
    callChecked(a, 'rt_int_to_double', exc);
    a.mov(rbx, rax);
    a.mov(rdi, r13);
    callChecked(a, 'rt_int_to_double', exc);
    a.mov(rsi, rax);
    a.mov(rdi, rbx);
    a.mov(rax, qword(rip(sym('int_fn_float_pow'))));
    const noFloat = a.newLabel();
    a.test(rax, rax);
    a.je(noFloat);
    a.call(rax);
    a.jmp(out);
    a.bind(noFloat);
    raiseCstr(a, 'SystemError', 'msg_int_no_float_pow');
    a.jmp(out);

    a.bind(one);
    a.mov(rax, SMALL_ONE);
    a.jmp(out);
    a.bind(zero);
    a.mov(rax, SMALL_ZERO);
    a.jmp(out);
    a.bind(tooBig);
    a.lea(rdi, rip(sym('type_MemoryError')));
    a.mov(rax, 0xfffcn << 48n);
    a.or(rdi, rax);
    a.call(sym('rt_raise'));
    a.jmp(out);
    a.bind(exc);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
  },
};

// Frame of rt_int_mod_inverse: the modulus and a temporary, both value words.
const INV_M = 0;

const modInverse: RuntimeRoutine = {
  name: 'rt_int_mod_inverse',
  contract: 'rdi=a, rsi=m (ints, m > 0) -> rax=the inverse of a modulo m in [0, m), or EXC (ValueError "base is not invertible for the given modulus"); may allocate',
  emit(a) {
    // Extended Euclid on (old_r, r) = (a mod m, m), (old_s, s) = (1, 0).
    const out = a.newLabel();
    const loop = a.newLabel();
    const done = a.newLabel();
    const exc = a.newLabel();
    const notInvertible = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(qword(mem(rsp, INV_M)), rsi);
    callChecked(a, 'rt_int_mod', exc);
    a.mov(r12, rax); // old_r
    a.mov(r13, qword(mem(rsp, INV_M))); // r
    a.mov(r14, SMALL_ONE); // old_s
    a.mov(r15, SMALL_ZERO); // s
    a.bind(loop);
    a.mov(rax, SMALL_ZERO);
    a.cmp(r13, rax);
    a.je(done);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    callChecked(a, 'rt_int_floordiv', exc);
    a.mov(rbx, rax); // q
    // (old_r, r) = (r, old_r - q*r)
    a.mov(rdi, rbx);
    a.mov(rsi, r13);
    a.call(sym('rt_int_mul'));
    a.mov(rdi, r12);
    a.mov(rsi, rax);
    a.call(sym('rt_int_sub'));
    a.mov(r12, r13);
    a.mov(r13, rax);
    // (old_s, s) = (s, old_s - q*s)
    a.mov(rdi, rbx);
    a.mov(rsi, r15);
    a.call(sym('rt_int_mul'));
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    a.call(sym('rt_int_sub'));
    a.mov(r14, r15);
    a.mov(r15, rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, SMALL_ONE);
    a.cmp(r12, rax);
    a.jne(notInvertible);
    a.mov(rdi, r14);
    a.mov(rsi, qword(mem(rsp, INV_M)));
    a.call(sym('rt_int_mod'));
    a.jmp(out);
    a.bind(notInvertible);
    raiseCstr(a, 'ValueError', 'msg_int_not_invertible');
    a.jmp(out);
    a.bind(exc);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

// Frame of rt_int_pow_mod: OPND of the exponent, then value words.
const PM_E = 0;
const PM_M = OPND.size; // |m|
const PM_NEG = PM_M + 8; // m < 0
const PM_LOCAL = PM_M + 32;

const powMod: RuntimeRoutine = {
  name: 'rt_int_pow_mod',
  contract: 'rdi=a, rsi=b, rdx=m (int values) -> rax=pow(a, b, m), or EXC (ValueError "pow() 3rd argument cannot be 0", "base is not invertible for the given modulus"), or NotImplemented if one is not an int; may allocate',
  emit(a) {
    const out = a.newLabel();
    const ni = a.newLabel();
    const exc = a.newLabel();
    const zeroMod = a.newLabel();
    const zero = a.newLabel();
    prologue(a, SAVED, PM_LOCAL);
    a.mov(r12, rdi); // base
    a.mov(r13, rsi); // exponent
    a.mov(r14, rdx); // modulus
    for (const r of [r12, r13, r14]) {
      a.mov(rdi, r);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(ni);
    }
    // m: zero is an error; a negative one flips the range of the result.
    a.mov(rdi, r14);
    a.mov(rsi, SMALL_ZERO);
    a.call(sym('rt_int_cmp'));
    a.test(eax, eax);
    a.je(zeroMod);
    a.shr(eax, 31);
    a.mov(qword(mem(rsp, PM_NEG)), rax);
    a.mov(rdi, r14);
    a.call(sym('rt_int_abs'));
    a.mov(r14, rax);
    a.mov(qword(mem(rsp, PM_M)), rax);
    a.mov(rcx, SMALL_ONE);
    a.cmp(rax, rcx);
    a.je(zero);
    // b < 0: invert the base and negate the exponent.
    const posExp = a.newLabel();
    a.mov(rdi, r13);
    a.mov(rsi, SMALL_ZERO);
    a.call(sym('rt_int_cmp'));
    a.test(eax, eax);
    a.jns(posExp);
    a.mov(rdi, r13);
    a.call(sym('rt_int_neg'));
    a.mov(r13, rax);
    a.mov(rdi, r12);
    a.mov(rsi, r14);
    callChecked(a, 'rt_int_mod_inverse', exc);
    a.mov(r12, rax);
    a.bind(posExp);
    a.mov(rdi, r12);
    a.mov(rsi, r14);
    callChecked(a, 'rt_int_mod', exc);
    a.mov(r12, rax);
    // Left-to-right over the bits of b: rbx = result, r15 = bit index.
    a.mov(rdi, r13);
    a.call(sym('rt_int_bits'));
    a.mov(r15, rax);
    unpack(a, r13, PM_E, ni);
    a.mov(rbx, SMALL_ONE);
    const loop = a.newLabel();
    const done = a.newLabel();
    const skip = a.newLabel();
    a.bind(loop);
    a.test(r15, r15);
    a.je(done);
    a.dec(r15);
    a.mov(rdi, rbx);
    a.mov(rsi, rbx);
    a.call(sym('rt_int_mul'));
    a.mov(rdi, rax);
    a.mov(rsi, r14);
    callChecked(a, 'rt_int_mod', exc);
    a.mov(rbx, rax);
    a.mov(rax, opnd(PM_E, 'p'));
    a.mov(rcx, r15);
    a.shr(rcx, 6);
    a.mov(rax, qword(sib(rax, rcx, 8)));
    a.bt(rax, r15);
    a.jae(skip);
    a.mov(rdi, rbx);
    a.mov(rsi, r12);
    a.call(sym('rt_int_mul'));
    a.mov(rdi, rax);
    a.mov(rsi, r14);
    callChecked(a, 'rt_int_mod', exc);
    a.mov(rbx, rax);
    a.bind(skip);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, rbx);
    a.cmp(qword(mem(rsp, PM_NEG)), 0);
    a.je(out);
    a.mov(rcx, SMALL_ZERO);
    a.cmp(rax, rcx);
    a.je(out);
    a.mov(rdi, rax);
    a.mov(rsi, r14);
    a.call(sym('rt_int_sub'));
    a.jmp(out);
    a.bind(zero);
    a.mov(rax, SMALL_ZERO);
    a.jmp(out);
    a.bind(zeroMod);
    raiseCstr(a, 'ValueError', 'msg_int_pow_mod_zero');
    a.jmp(out);
    a.bind(exc);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.bind(out);
    epilogue(a, SAVED, PM_LOCAL);
  },
};

export const intPowModule: RuntimeModule = {
  name: 'int_pow',
  routines: [pow, modInverse, powMod],
  data: [
    // The float area's power routine, bound weakly (0 until it exists).
    { name: 'int_fn_float_pow', section: 'rodata', align: 8, emit: (a, ctx) => emitWord(a, { addrIfDefined: 'rt_float_pow' }, ctx) },
    cstr('msg_int_no_float_pow', 'int ** negative int needs the float area (rt_float_pow is missing)'),
    cstr('msg_int_not_invertible', 'base is not invertible for the given modulus'),
    cstr('msg_int_pow_mod_zero', 'pow() 3rd argument cannot be 0'),
  ],
};
