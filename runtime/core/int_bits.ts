// Runtime: int shifts, bitwise operators and bit counts (docs/int.md).
//
// Python ints behave as infinite two's complement for & | ^ ~ and >> (Python reference,
// "Binary bitwise operations", "Shifting operations"): a >> n is floor(a / 2^n) and a << n
// is a * 2^n. Negative big operands are converted to two's complement limb by limb while
// the result is computed (~x + 1 streamed with a carry), so nothing is allocated besides
// the result. CPython 3.11's errors: ValueError "negative shift count"; a left shift whose
// result cannot be allocated raises MemoryError (its args are empty).

import { type Assembler, cl, dil, eax, ecx, edi, edx, mem, qword, r10, r10b, r11, r11b, r12, r13, r14, r14d, r15, r8, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BIGINT, INT_TAG_BITS, TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { MAX_LIMBS, OPND, SMALL_ZERO, opnd, raiseCstr, unpack } from './int_common.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;
const A = 0;
const B = OPND.size;

/** Jump to `not` unless `r` holds a small int. Clobbers rax. */
function ifNotSmall(a: Assembler<any>, r: typeof rax, not: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(rax, r);
  a.shr(rax, 48);
  a.cmp(eax, TAG_INT);
  a.jne(not);
}

function boxRax(a: Assembler<any>): void {
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.mov(rcx, INT_TAG_BITS);
  a.or(rax, rcx);
}

/** Raise MemoryError (no arguments, as CPython's) -> rax = EXC. */
function raiseMemoryError(a: Assembler<any>): void {
  a.lea(rdi, rip(sym('type_MemoryError')));
  a.mov(rax, 0xfffcn << 48n);
  a.or(rdi, rax);
  a.call(sym('rt_raise'));
}

const lshift: RuntimeRoutine = {
  name: 'rt_int_lshift',
  contract: 'rdi=a, rsi=b (int values) -> rax=a << b, or EXC (ValueError "negative shift count", MemoryError when the result is too large), or NotImplemented; may allocate',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    const ni = a.newLabel();
    const negCount = a.newLabel();
    const zero = a.newLabel();
    const tooBig = a.newLabel();
    ifNotSmall(a, rdi, slow);
    ifNotSmall(a, rsi, slow);
    a.mov(rcx, rsi);
    a.shl(rcx, 16);
    a.sar(rcx, 16);
    a.cmp(rcx, 16);
    a.ja(slow); // negative counts too (unsigned compare)
    // |a| < 2^47 shifted by at most 16 stays inside i64.
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.sar(rax, 16);
    a.shl(rax, cl);
    a.mov(rdi, rax);
    a.jmp(sym('rt_int_from_i64'));
    a.bind(slow);
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(B, 'sign'), 0);
    a.jl(negCount);
    a.cmp(opnd(A, 'n'), 0);
    a.je(zero);
    a.cmp(opnd(B, 'n'), 1);
    a.ja(tooBig);
    // limbs = n + count/64 + 1
    const haveCount = a.newLabel();
    a.xor(eax, eax);
    a.cmp(opnd(B, 'n'), 0);
    a.je(haveCount);
    a.mov(rcx, opnd(B, 'p'));
    a.mov(rax, qword(mem(rcx)));
    a.bind(haveCount);
    a.mov(r14, rax); // count
    a.shr(rax, 6);
    a.mov(rcx, BigInt(MAX_LIMBS));
    a.cmp(rax, rcx);
    a.jae(tooBig);
    a.mov(r15, rax); // whole limbs
    a.lea(rdi, mem(rax, 1));
    a.add(rdi, opnd(A, 'n'));
    a.cmp(rdi, rcx);
    a.jae(tooBig);
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.lea(rdi, sib(rbx, r15, 8, BIGINT.digits));
    a.mov(rsi, opnd(A, 'p'));
    a.mov(rdx, opnd(A, 'n'));
    a.mov(ecx, r14d);
    a.and(ecx, 63);
    a.call(sym('rt_int_mag_shl'));
    a.mov(rcx, opnd(A, 'n'));
    a.add(rcx, r15);
    a.mov(qword(sib(rbx, rcx, 8, BIGINT.digits)), rax);
    a.mov(rdi, rbx);
    a.mov(rsi, opnd(A, 'sign'));
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
    a.bind(zero);
    a.mov(rax, SMALL_ZERO);
    a.jmp(out);
    a.bind(negCount);
    raiseCstr(a, 'ValueError', 'msg_int_negative_shift');
    a.jmp(out);
    a.bind(tooBig);
    raiseMemoryError(a);
    a.jmp(out);
  },
};

const rshift: RuntimeRoutine = {
  name: 'rt_int_rshift',
  contract: 'rdi=a, rsi=b (int values) -> rax=a >> b (floor(a / 2^b)), or EXC (ValueError "negative shift count"), or NotImplemented; may allocate',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    const ni = a.newLabel();
    const negCount = a.newLabel();
    const allGone = a.newLabel();
    ifNotSmall(a, rdi, slow);
    ifNotSmall(a, rsi, slow);
    a.mov(rcx, rsi);
    a.shl(rcx, 16);
    a.sar(rcx, 16);
    a.test(rcx, rcx);
    a.js(slow);
    a.mov(eax, 63);
    a.cmp(rcx, rax);
    a.cmova(rcx, rax);
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.sar(rax, 16);
    a.sar(rax, cl);
    boxRax(a);
    a.ret();
    a.bind(slow);
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(B, 'sign'), 0);
    a.jl(negCount);
    a.cmp(opnd(B, 'n'), 1);
    a.ja(allGone);
    const haveCount = a.newLabel();
    a.xor(eax, eax);
    a.cmp(opnd(B, 'n'), 0);
    a.je(haveCount);
    a.mov(rcx, opnd(B, 'p'));
    a.mov(rax, qword(mem(rcx)));
    a.bind(haveCount);
    a.mov(r14, rax); // count
    a.shr(rax, 6);
    a.cmp(rax, opnd(A, 'n'));
    a.jae(allGone);
    a.mov(r15, rax); // whole limbs dropped
    a.mov(rdi, opnd(A, 'n'));
    a.sub(rdi, rax);
    a.inc(rdi); // room for the carry of the floor correction
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, opnd(A, 'p'));
    a.lea(rsi, sib(rsi, r15, 8));
    a.mov(rdx, opnd(A, 'n'));
    a.sub(rdx, r15);
    a.mov(ecx, r14d);
    a.and(ecx, 63);
    a.call(sym('rt_int_mag_shr'));
    // Negative: round toward minus infinity, adding 1 to the magnitude when bits were lost.
    const fin = a.newLabel();
    const scan = a.newLabel();
    const lost = a.newLabel();
    a.cmp(opnd(A, 'sign'), 0);
    a.jge(fin);
    a.test(rax, rax);
    a.jne(lost);
    a.mov(rcx, opnd(A, 'p'));
    a.xor(edx, edx);
    a.bind(scan);
    a.cmp(rdx, r15);
    a.jae(fin);
    a.cmp(qword(sib(rcx, rdx, 8)), 0);
    a.jne(lost);
    a.inc(rdx);
    a.jmp(scan);
    a.bind(lost);
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, rdi);
    a.mov(rdx, opnd(A, 'n'));
    a.sub(rdx, r15);
    a.inc(rdx);
    a.lea(rcx, rip(sym('int_limb_one')));
    a.mov(r8, 1);
    a.call(sym('rt_int_mag_add'));
    a.bind(fin);
    a.mov(rdi, rbx);
    a.mov(rsi, opnd(A, 'sign'));
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
    a.bind(allGone);
    a.mov(rax, SMALL_ZERO);
    a.cmp(opnd(A, 'sign'), 0);
    a.jge(out);
    a.mov(rax, INT_TAG_BITS | ((1n << 48n) - 1n)); // -1
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
    a.bind(negCount);
    raiseCstr(a, 'ValueError', 'msg_int_negative_shift');
    a.jmp(out);
  },
};

type BitOp = 'and' | 'or' | 'xor';

// Frame of the bitwise slow path: OPND A, OPND B, then the three sign masks.
const MASK_A = 2 * OPND.size;
const MASK_B = MASK_A + 8;
const MASK_R = MASK_A + 16;

function bitwise(op: BitOp): RuntimeRoutine {
  const sym_ = { and: '&', or: '|', xor: '^' }[op];
  const apply = (a: Assembler<any>, x: typeof rax, y: Parameters<Assembler<any>['and']>[1]): void => {
    if (op === 'and') a.and(x, y);
    else if (op === 'or') a.or(x, y);
    else a.xor(x, y);
  };
  return {
    name: `rt_int_${op}`,
    contract: `rdi=a, rsi=b (int values) -> rax=a ${sym_} b (two's complement semantics; ints, also for two bools), or NotImplemented; may allocate`,
    emit(a) {
      const slow = a.newLabel();
      const out = a.newLabel();
      const ni = a.newLabel();
      ifNotSmall(a, rdi, slow);
      ifNotSmall(a, rsi, slow);
      a.mov(rax, rdi);
      apply(a, rax, rsi);
      boxRax(a);
      a.ret();
      a.bind(slow);
      prologue(a, SAVED, 2 * OPND.size + 32);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      unpack(a, r12, A, ni);
      unpack(a, r13, B, ni);
      // masks: all ones for a negative operand / result.
      for (const [off, side] of [[MASK_A, A], [MASK_B, B]] as const) {
        a.mov(rax, opnd(side, 'sign'));
        a.sar(rax, 63);
        a.mov(qword(mem(rsp, off)), rax);
      }
      a.mov(rax, qword(mem(rsp, MASK_A)));
      apply(a, rax, qword(mem(rsp, MASK_B)));
      a.mov(qword(mem(rsp, MASK_R)), rax);
      // n = max(na, nb) + 1
      a.mov(rdi, opnd(A, 'n'));
      a.mov(rax, opnd(B, 'n'));
      a.cmp(rdi, rax);
      a.cmovb(rdi, rax);
      a.inc(rdi);
      a.mov(r15, rdi);
      a.call(sym('rt_int_new'));
      a.mov(rbx, rax);
      // Stream: x = ~a + 1 for a negative a (carry r10), likewise b (r11) and the result (rdi).
      a.mov(r12, opnd(A, 'p'));
      a.mov(r13, opnd(A, 'n'));
      a.mov(r14, opnd(B, 'p'));
      a.mov(r10, qword(mem(rsp, MASK_A)));
      a.and(r10, 1);
      a.mov(r11, qword(mem(rsp, MASK_B)));
      a.and(r11, 1);
      a.mov(rdi, qword(mem(rsp, MASK_R)));
      a.and(rdi, 1);
      a.xor(r8, r8);
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.cmp(r8, r15);
      a.jae(done);
      for (const [p, n, mask, carry, dst] of [[r12, r13, MASK_A, r10, rax], [r14, null, MASK_B, r11, rcx]] as const) {
        const past = a.newLabel();
        const have = a.newLabel();
        a.xor(dst, dst);
        if (n !== null) a.cmp(r8, n);
        else a.cmp(r8, opnd(B, 'n'));
        a.jae(past);
        a.mov(dst, qword(sib(p, r8, 8)));
        a.bind(past);
        a.xor(dst, qword(mem(rsp, mask)));
        a.add(dst, carry);
        a.mov(carry, 0);
        a.setb(carry === r10 ? r10b : r11b);
        a.bind(have);
      }
      apply(a, rax, rcx);
      a.xor(rax, qword(mem(rsp, MASK_R)));
      a.add(rax, rdi);
      a.mov(edi, 0);
      a.setb(dil);
      a.mov(qword(sib(rbx, r8, 8, BIGINT.digits)), rax);
      a.inc(r8);
      a.jmp(loop);
      a.bind(done);
      a.mov(rsi, qword(mem(rsp, MASK_R)));
      a.or(rsi, 1);
      a.mov(rdi, rbx);
      a.call(sym('rt_int_normalize'));
      a.bind(out);
      epilogue(a, SAVED, 2 * OPND.size + 32);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.jmp(out);
    },
  };
}

const bits: RuntimeRoutine = {
  name: 'rt_int_bits',
  contract: 'rdi=int value -> rax=bit length of |v| (0 for 0), or -1 if not an int; clobbers caller-saved; no alloc',
  emit(a) {
    const no = a.newLabel();
    const zero = a.newLabel();
    a.sub(rsp, OPND.size + 8);
    a.mov(rsi, rsp);
    a.call(sym('rt_int_unpack'));
    a.test(eax, eax);
    a.je(no);
    a.mov(rcx, opnd(0, 'n'));
    a.test(rcx, rcx);
    a.je(zero);
    a.mov(rdx, opnd(0, 'p'));
    a.bsr(rax, qword(sib(rdx, rcx, 8, -8)));
    a.shl(rcx, 6);
    a.lea(rax, sib(rax, rcx, 1, -63));
    a.add(rsp, OPND.size + 8);
    a.ret();
    a.bind(zero);
    a.xor(eax, eax);
    a.add(rsp, OPND.size + 8);
    a.ret();
    a.bind(no);
    a.mov(rax, -1);
    a.add(rsp, OPND.size + 8);
    a.ret();
  },
};

const bitLength: RuntimeRoutine = {
  name: 'rt_int_bit_length',
  contract: 'rdi=int value -> rax=int value of abs(v).bit_length(), or NotImplemented if not an int; may allocate',
  emit(a) {
    const ni = a.newLabel();
    a.sub(rsp, 8);
    a.call(sym('rt_int_bits'));
    a.add(rsp, 8);
    a.test(rax, rax);
    a.js(ni);
    a.mov(rdi, rax);
    a.jmp(sym('rt_int_from_u64'));
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

const bitCount: RuntimeRoutine = {
  name: 'rt_int_bit_count',
  contract: 'rdi=int value -> rax=int value of the number of ones in abs(v), or NotImplemented if not an int; may allocate',
  emit(a) {
    // SWAR population count per limb (POPCNT is not baseline x86-64).
    const no = a.newLabel();
    const loop = a.newLabel();
    const done = a.newLabel();
    a.sub(rsp, OPND.size + 8);
    a.mov(rsi, rsp);
    a.call(sym('rt_int_unpack'));
    a.test(eax, eax);
    a.je(no);
    a.mov(rsi, opnd(0, 'p'));
    a.mov(r8, opnd(0, 'n'));
    a.xor(edi, edi); // total
    a.mov(r9, 0x5555555555555555n);
    a.mov(r10, 0x3333333333333333n);
    a.mov(r11, 0x0f0f0f0f0f0f0f0fn);
    a.bind(loop);
    a.test(r8, r8);
    a.je(done);
    a.dec(r8);
    a.mov(rax, qword(sib(rsi, r8, 8)));
    a.mov(rcx, rax);
    a.shr(rcx, 1);
    a.and(rcx, r9);
    a.sub(rax, rcx);
    a.mov(rcx, rax);
    a.shr(rcx, 2);
    a.and(rax, r10);
    a.and(rcx, r10);
    a.add(rax, rcx);
    a.mov(rcx, rax);
    a.shr(rcx, 4);
    a.add(rax, rcx);
    a.and(rax, r11);
    a.mov(rcx, 0x0101010101010101n);
    a.imul(rax, rcx);
    a.shr(rax, 56);
    a.add(rdi, rax);
    a.jmp(loop);
    a.bind(done);
    a.add(rsp, OPND.size + 8);
    a.jmp(sym('rt_int_from_u64'));
    a.bind(no);
    a.add(rsp, OPND.size + 8);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

export const intBitsModule: RuntimeModule = {
  name: 'int_bits',
  routines: [lshift, rshift, bitwise('and'), bitwise('or'), bitwise('xor'), bits, bitLength, bitCount],
  data: [
    cstr('msg_int_negative_shift', 'negative shift count'),
    { name: 'int_limb_one', section: 'rodata', align: 8, emit: (a) => a.u64(1n) },
  ],
};

