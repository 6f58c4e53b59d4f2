// Runtime: Python's int, core part: representation, conversions to and from machine
// integers, + - * and unary operators, comparison, hashing, truth, and the binop/unary
// slots that dispatch every operator (docs/int.md).
//
// Values (layout.ts): a small int is an int48 NaN-boxed word; anything outside
// [-2^47, 2^47-1] is a BIGINT heap object (u32 digits, sign word, no leading zero digit).
// Canonical form: every result that fits int48 is returned as a small int
// (rt_int_normalize does it for every object-built result), so small ints are equal as
// words and a big int is never zero or small.
//
// bool is a subclass of int: every routine accepts True/False (rt_int_unpack reads their
// small int field), and arithmetic on them returns ints (True + True == 2, -True == -1).
// The binop slot gives & | ^ of two bools a bool, as CPython's bool_and/bool_or/bool_xor.
//
// The fast helpers the specialized templates call on their slow path (rt_int_add, ...)
// take two int values and return an int value or EXC; their small+small case runs first
// without a frame. Big operands go through OPND records (int_common.ts) and the limb
// kernels (int_kernels.ts).

import {
  type Assembler, al, byte, cl, eax, ecx, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r8, r8d, r9, r10, ebx, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { BIGINT, INT_TAG_BITS, TAG_INT, TAG_OBJ } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { BINOPS } from '../../src/bytecode/ops.js';
import { OPND, SMALL_ONE, SMALL_ZERO, opnd, unpack } from './int_common.js';

/** BINOPS index -> the routine implementing it for two ints (in BINOPS order). */
export const INT_BINOP_ROUTINES = [
  'rt_int_add', 'rt_int_sub', 'rt_int_mul', 'rt_int_truediv', 'rt_int_floordiv', 'rt_int_mod', 'rt_int_pow',
  'rt_int_lshift', 'rt_int_rshift', 'rt_int_and', 'rt_int_or', 'rt_int_xor', 'rt_int_binop_unsupported',
] as const satisfies readonly string[] & { length: (typeof BINOPS)['length'] };

/** _PyHASH_MODULUS = 2^61 - 1 (Include/pyhash.h). */
export const HASH_MODULUS = (1n << 61n) - 1n;

const SAVED = [rbx, r12, r13, r14, r15] as const;

/** Jump to `notSmall` unless `r` holds a small int. Clobbers `tmp`. */
function ifNotSmall(a: Assembler<any>, r: typeof rax, tmp: typeof rax, notSmall: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(tmp, r);
  a.shr(tmp, 48);
  a.cmp(tmp, TAG_INT);
  a.jne(notSmall);
}

/** rax (int48 payload in the low 48 bits, upper bits anything) -> small int word. Clobbers rcx. */
function boxRax(a: Assembler<any>): void {
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.mov(rcx, INT_TAG_BITS);
  a.or(rax, rcx);
}

/** Sign-extend the small int in `r` to an i64 in place. */
function unboxSmall(a: Assembler<any>, r: typeof rax): void {
  a.shl(r, 16);
  a.sar(r, 16);
}

const unpackRoutine: RuntimeRoutine = {
  name: 'rt_int_unpack',
  contract: 'rdi=value, rsi=OPND record (int_common.ts) -> eax=1 with the record filled if the value is an int (small, big, bool or an int subclass instance), else eax=0; clobbers rax rcx rdx rdi r8; no alloc',
  emit(a) {
    const notSmall = a.newLabel();
    const small = a.newLabel();
    const big = a.newLabel();
    const no = a.newLabel();
    const sub = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(notSmall);
    a.bind(small);
    unboxSmall(a, rdi);
    // sign = (v > 0) - (v < 0); |v| fits a limb.
    a.xor(ecx, ecx);
    a.test(rdi, rdi);
    a.setg(cl);
    a.mov(rdx, rdi);
    a.sar(rdx, 63);
    a.or(rcx, rdx);
    a.mov(qword(mem(rsi, OPND.sign)), rcx);
    a.mov(rax, rdi);
    a.neg(rax);
    a.cmovs(rax, rdi);
    a.mov(qword(mem(rsi, OPND.buf)), rax);
    a.lea(rdx, mem(rsi, OPND.buf));
    a.mov(qword(mem(rsi, OPND.p)), rdx);
    a.xor(ecx, ecx);
    a.test(rax, rax);
    a.setne(cl);
    a.mov(qword(mem(rsi, OPND.n)), rcx);
    a.mov(eax, 1);
    a.ret();
    a.bind(notSmall);
    a.cmp(eax, TAG_OBJ);
    a.jne(no);
    a.mov(rdx, rdi);
    unboxPtr(a, rdx);
    a.mov(rcx, qword(mem(rdx)));
    a.lea(rax, rip(sym('type_int')));
    a.cmp(rcx, rax);
    a.je(big);
    a.lea(rax, rip(sym('type_bool')));
    a.cmp(rcx, rax);
    a.jne(sub);
    a.mov(rdi, qword(mem(rdx, 16)));
    a.jmp(small);
    a.bind(sub);
    // A Python subclass of int: its instances carry the BIGINT layout.
    a.push(rsi);
    a.push(rdx);
    a.mov(rdi, rcx);
    a.lea(rsi, rip(sym('type_int')));
    a.call(sym('rt_is_subtype'));
    a.pop(rdx);
    a.pop(rsi);
    a.test(eax, eax);
    a.je(no);
    a.bind(big);
    a.mov(rax, qword(mem(rdx, BIGINT.ndigits)));
    a.inc(rax);
    a.shr(rax, 1);
    a.mov(qword(mem(rsi, OPND.n)), rax);
    a.mov(rcx, qword(mem(rdx, BIGINT.sign)));
    a.test(rax, rax);
    a.cmove(rcx, rax);
    a.mov(qword(mem(rsi, OPND.sign)), rcx);
    a.lea(rdx, mem(rdx, BIGINT.digits));
    a.mov(qword(mem(rsi, OPND.p)), rdx);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

const kindRoutine: RuntimeRoutine = {
  name: 'rt_int_kind',
  contract: 'rdi=value -> eax=0 not an int, 1 small int, 2 big int (exact int), 3 bool, 4 instance of an int subclass; clobbers rax rcx rdx; no alloc',
  emit(a) {
    const notSmall = a.newLabel();
    const no = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(notSmall);
    a.mov(eax, 1);
    a.ret();
    a.bind(notSmall);
    a.cmp(eax, TAG_OBJ);
    a.jne(no);
    a.mov(rax, rdi);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax)));
    a.lea(rcx, rip(sym('type_int')));
    a.cmp(rax, rcx);
    const notInt = a.newLabel();
    a.jne(notInt);
    a.mov(eax, 2);
    a.ret();
    a.bind(notInt);
    a.lea(rcx, rip(sym('type_bool')));
    a.cmp(rax, rcx);
    const notBool = a.newLabel();
    a.jne(notBool);
    a.mov(eax, 3);
    a.ret();
    a.bind(notBool);
    a.push(rdi);
    a.push(rsi);
    a.mov(rdi, rax);
    a.lea(rsi, rip(sym('type_int')));
    a.call(sym('rt_is_subtype'));
    a.pop(rsi);
    a.pop(rdi);
    a.test(eax, eax);
    a.je(no);
    a.mov(eax, 4);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

const newRoutine: RuntimeRoutine = {
  name: 'rt_int_new',
  contract: 'rdi=limbs -> rax=raw address of a zeroed big int with room for them (ndigits = 2*limbs, sign 1), to be finished by rt_int_normalize; may allocate',
  emit(a) {
    a.push(rdi);
    a.lea(rdi, sib(undefined, rdi, 8, BIGINT.digits));
    a.lea(rsi, rip(sym('type_int')));
    a.call(sym('rt_alloc'));
    a.pop(rcx);
    a.add(rcx, rcx);
    a.mov(qword(mem(rax, BIGINT.ndigits)), rcx);
    a.mov(qword(mem(rax, BIGINT.sign)), 1);
    a.ret();
  },
};

const normalizeRoutine: RuntimeRoutine = {
  name: 'rt_int_normalize',
  contract: 'rdi=raw big int from rt_int_new (limbs = ceil(ndigits/2) filled in), rsi=sign (+1/-1; ignored for zero) -> rax=int value in canonical form (small int when it fits int48, else the object with ndigits and sign set); clobbers rax rcx rdx r8; no alloc',
  emit(a) {
    const strip = a.newLabel();
    const stripped = a.newLabel();
    const zero = a.newLabel();
    const big = a.newLabel();
    const neg = a.newLabel();
    a.mov(rcx, qword(mem(rdi, BIGINT.ndigits)));
    a.inc(rcx);
    a.shr(rcx, 1);
    a.lea(rdx, mem(rdi, BIGINT.digits));
    a.bind(strip);
    a.test(rcx, rcx);
    a.je(zero);
    a.cmp(qword(sib(rdx, rcx, 8, -8)), 0);
    a.jne(stripped);
    a.dec(rcx);
    a.jmp(strip);
    a.bind(zero);
    a.mov(rax, SMALL_ZERO);
    a.ret();
    a.bind(stripped);
    a.cmp(rcx, 1);
    a.jne(big);
    a.mov(rax, qword(mem(rdx)));
    a.mov(r8, 1n << 47n);
    a.test(rsi, rsi);
    a.js(neg);
    a.cmp(rax, r8);
    a.jae(big);
    boxRax(a);
    a.ret();
    a.bind(neg);
    a.cmp(rax, r8);
    a.ja(big);
    a.neg(rax);
    boxRax(a);
    a.ret();
    a.bind(big);
    // ndigits = 2*limbs, less one when the top limb's high digit is zero.
    a.mov(rax, qword(sib(rdx, rcx, 8, -8)));
    a.shr(rax, 32);
    a.cmp(rax, 1); // CF = (high digit == 0)
    a.lea(r8, sib(rcx, rcx, 1));
    a.sbb(r8, 0);
    a.mov(qword(mem(rdi, BIGINT.ndigits)), r8);
    a.mov(qword(mem(rdi, BIGINT.sign)), rsi);
    a.mov(rax, rdi);
    boxPtr(a, rax, rcx);
    a.ret();
  },
};

const fromI64: RuntimeRoutine = {
  name: 'rt_int_from_i64',
  contract: 'rdi=i64 -> rax=int value (small int or a new big int); may allocate',
  emit(a) {
    const big = a.newLabel();
    a.mov(rax, rdi);
    unboxSmall(a, rax);
    a.cmp(rax, rdi);
    a.jne(big);
    boxRax(a);
    a.ret();
    a.bind(big);
    a.push(rdi);
    a.mov(rdi, 1);
    a.call(sym('rt_int_new'));
    a.pop(rcx);
    a.mov(rdx, rcx);
    a.neg(rdx);
    a.cmovs(rdx, rcx); // |v| (INT64_MIN reads as 2^63 unsigned)
    a.mov(qword(mem(rax, BIGINT.digits)), rdx);
    a.mov(rsi, rcx);
    a.sar(rsi, 63);
    a.or(rsi, 1);
    a.mov(rdi, rax);
    a.jmp(sym('rt_int_normalize'));
  },
};

const fromU64: RuntimeRoutine = {
  name: 'rt_int_from_u64',
  contract: 'rdi=u64 -> rax=int value; may allocate',
  emit(a) {
    const big = a.newLabel();
    a.mov(rax, 1n << 47n);
    a.cmp(rdi, rax);
    a.jae(big);
    a.mov(rax, rdi);
    boxRax(a);
    a.ret();
    a.bind(big);
    a.push(rdi);
    a.mov(rdi, 1);
    a.call(sym('rt_int_new'));
    a.pop(rcx);
    a.mov(qword(mem(rax, BIGINT.digits)), rcx);
    a.mov(rdi, rax);
    a.mov(rsi, 1);
    a.jmp(sym('rt_int_normalize'));
  },
};

const fromI128: RuntimeRoutine = {
  name: 'rt_int_from_i128',
  contract: 'rdi=low, rsi=high (a signed 128-bit integer) -> rax=int value; may allocate',
  emit(a) {
    const wide = a.newLabel();
    const pos = a.newLabel();
    a.mov(rax, rdi);
    a.sar(rax, 63);
    a.cmp(rax, rsi);
    a.jne(wide);
    a.jmp(sym('rt_int_from_i64'));
    a.bind(wide);
    a.push(r12);
    a.push(r13);
    a.push(r14);
    a.mov(r14, 1);
    a.test(rsi, rsi);
    a.jns(pos);
    a.mov(r14, -1);
    a.neg(rdi);
    a.adc(rsi, 0);
    a.neg(rsi);
    a.bind(pos);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(rdi, 2);
    a.call(sym('rt_int_new'));
    a.mov(qword(mem(rax, BIGINT.digits)), r12);
    a.mov(qword(mem(rax, BIGINT.digits + 8)), r13);
    a.mov(rdi, rax);
    a.mov(rsi, r14);
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.jmp(sym('rt_int_normalize'));
  },
};

const fromMag: RuntimeRoutine = {
  name: 'rt_int_from_mag',
  contract: 'rdi=limbs address, rsi=limb count, rdx=sign (+1/-1) -> rax=int value of sign * magnitude (copied); may allocate',
  emit(a) {
    prologue(a, [r12, r13, r14]);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.mov(rdi, rsi);
    a.call(sym('rt_int_new'));
    a.mov(rdx, rax);
    a.lea(rdi, mem(rax, BIGINT.digits));
    a.mov(rsi, r12);
    a.mov(rcx, r13);
    a.rep_movsq();
    a.mov(rdi, rdx);
    a.mov(rsi, r14);
    a.call(sym('rt_int_normalize'));
    epilogue(a, [r12, r13, r14]);
  },
};

const toI64: RuntimeRoutine = {
  name: 'rt_int_to_i64',
  contract: 'rdi=value -> rax=its i64 value and edx=0; edx=1 if it is an int outside i64 (rax undefined); edx=2 if it is not an int; no raise, no alloc; clobbers rax rcx rdx rdi rsi r8',
  emit(a) {
    const notSmall = a.newLabel();
    const no = a.newLabel();
    const over = a.newLabel();
    const neg = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(notSmall);
    a.mov(rax, rdi);
    unboxSmall(a, rax);
    a.xor(edx, edx);
    a.ret();
    a.bind(notSmall);
    a.sub(rsp, OPND.size + 8);
    a.mov(rsi, rsp);
    a.call(sym('rt_int_unpack'));
    a.test(eax, eax);
    a.je(no);
    a.cmp(opnd(0, 'n'), 1);
    a.ja(over);
    a.mov(rax, opnd(0, 'p'));
    a.mov(rax, qword(mem(rax)));
    a.cmp(opnd(0, 'n'), 0);
    const nonzero = a.newLabel();
    a.jne(nonzero);
    a.xor(eax, eax);
    a.bind(nonzero);
    a.cmp(opnd(0, 'sign'), 0);
    a.jl(neg);
    a.test(rax, rax);
    a.js(over);
    a.xor(edx, edx);
    a.add(rsp, OPND.size + 8);
    a.ret();
    a.bind(neg);
    a.mov(rcx, 1n << 63n);
    a.cmp(rax, rcx);
    a.ja(over); // |v| > 2^63 (2^63 itself negates to INT64_MIN)
    a.neg(rax);
    a.xor(edx, edx);
    a.add(rsp, OPND.size + 8);
    a.ret();
    a.bind(over);
    a.mov(edx, 1);
    a.add(rsp, OPND.size + 8);
    a.ret();
    a.bind(no);
    a.mov(edx, 2);
    a.add(rsp, OPND.size + 8);
    a.ret();
  },
};

/** Fast path for + and -: both small, computed on the payloads shifted to the top. */
function addSubFast(kind: 'add' | 'sub'): RuntimeRoutine {
  return {
    name: `rt_int_${kind}`,
    contract: `rdi=a, rsi=b (int values) -> rax=a ${kind === 'add' ? '+' : '-'} b (int value), or NotImplemented if one is not an int; may allocate`,
    emit(a) {
      const slow = a.newLabel();
      const ovf = a.newLabel();
      ifNotSmall(a, rdi, rax, slow);
      ifNotSmall(a, rsi, rax, slow);
      a.mov(rax, rdi);
      a.shl(rax, 16);
      a.mov(rcx, rsi);
      a.shl(rcx, 16);
      if (kind === 'add') a.add(rax, rcx);
      else a.sub(rax, rcx);
      a.jo(ovf);
      a.shr(rax, 16);
      a.mov(rcx, INT_TAG_BITS);
      a.or(rax, rcx);
      a.ret();
      a.bind(ovf);
      unboxSmall(a, rdi);
      unboxSmall(a, rsi);
      if (kind === 'add') a.add(rdi, rsi);
      else a.sub(rdi, rsi);
      a.jmp(sym('rt_int_from_i64'));
      a.bind(slow);
      a.mov(edx, kind === 'add' ? 0 : 1);
      a.jmp(sym('rt_int_addsub_slow'));
    },
  };
}

// Frames of the slow paths: OPND A at [rsp], B at [rsp+32].
const A = 0;
const B = OPND.size;

const addSubSlow: RuntimeRoutine = {
  name: 'rt_int_addsub_slow',
  local: true,
  contract: 'rdi=a, rsi=b, edx=1 to subtract -> rax=a +/- b, or NotImplemented if one is not an int; may allocate',
  emit(a) {
    const out = a.newLabel();
    const ni = a.newLabel();
    const ordered = a.newLabel();
    const diff = a.newLabel();
    const fin = a.newLabel();
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14d, edx);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    const noNeg = a.newLabel();
    a.test(r14d, r14d);
    a.je(noNeg);
    a.neg(opnd(B, 'sign'));
    a.bind(noNeg);
    // r14 = the operand with the larger magnitude, r15 the other.
    a.lea(r14, mem(rsp, A));
    a.lea(r15, mem(rsp, B));
    a.mov(rdi, qword(mem(r14, OPND.p)));
    a.mov(rsi, qword(mem(r14, OPND.n)));
    a.mov(rdx, qword(mem(r15, OPND.p)));
    a.mov(rcx, qword(mem(r15, OPND.n)));
    a.call(sym('rt_int_mag_cmp'));
    a.test(eax, eax);
    a.jns(ordered);
    a.xchg(r14, r15);
    a.bind(ordered);
    a.mov(rdi, qword(mem(r14, OPND.n)));
    a.inc(rdi);
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.mov(rax, qword(mem(r14, OPND.sign)));
    a.imul(rax, qword(mem(r15, OPND.sign)));
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, qword(mem(r14, OPND.p)));
    a.mov(rdx, qword(mem(r14, OPND.n)));
    a.mov(rcx, qword(mem(r15, OPND.p)));
    a.mov(r8, qword(mem(r15, OPND.n)));
    a.test(rax, rax);
    a.js(diff);
    a.call(sym('rt_int_mag_add'));
    a.mov(rcx, qword(mem(r14, OPND.n)));
    a.mov(qword(sib(rbx, rcx, 8, BIGINT.digits)), rax);
    a.jmp(fin);
    a.bind(diff);
    a.call(sym('rt_int_mag_sub'));
    a.bind(fin);
    a.mov(rdi, rbx);
    a.mov(rsi, qword(mem(r14, OPND.sign)));
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
  },
};

const mulFast: RuntimeRoutine = {
  name: 'rt_int_mul',
  contract: 'rdi=a, rsi=b (int values) -> rax=a * b (int value), or NotImplemented if one is not an int; may allocate',
  emit(a) {
    const slow = a.newLabel();
    const ovf = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    ifNotSmall(a, rsi, rax, slow);
    // a * (b << 16) overflows i64 exactly when a * b does not fit int48.
    a.mov(rax, rdi);
    unboxSmall(a, rax);
    a.mov(rcx, rsi);
    a.shl(rcx, 16);
    a.imul(rax, rcx);
    a.jo(ovf);
    a.shr(rax, 16);
    a.mov(rcx, INT_TAG_BITS);
    a.or(rax, rcx);
    a.ret();
    a.bind(ovf);
    a.mov(rax, rdi);
    unboxSmall(a, rax);
    a.mov(rcx, rsi);
    unboxSmall(a, rcx);
    a.imul(rcx); // rdx:rax = full 128-bit product
    a.mov(rdi, rax);
    a.mov(rsi, rdx);
    a.jmp(sym('rt_int_from_i128'));
    a.bind(slow);
    a.jmp(sym('rt_int_mul_slow'));
  },
};

const mulSlow: RuntimeRoutine = {
  name: 'rt_int_mul_slow',
  local: true,
  contract: 'rdi=a, rsi=b -> rax=a * b, or NotImplemented if one is not an int; may allocate',
  emit(a) {
    const out = a.newLabel();
    const ni = a.newLabel();
    const zero = a.newLabel();
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(A, 'n'), 0);
    a.je(zero);
    a.cmp(opnd(B, 'n'), 0);
    a.je(zero);
    a.mov(rdi, opnd(A, 'n'));
    a.add(rdi, opnd(B, 'n'));
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, opnd(A, 'p'));
    a.mov(rdx, opnd(A, 'n'));
    a.mov(rcx, opnd(B, 'p'));
    a.mov(r8, opnd(B, 'n'));
    a.call(sym('rt_int_mag_mul'));
    a.mov(rdi, rbx);
    a.mov(rsi, opnd(A, 'sign'));
    a.imul(rsi, opnd(B, 'sign'));
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
    a.bind(zero);
    a.mov(rax, SMALL_ZERO);
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
  },
};

const copySigned: RuntimeRoutine = {
  name: 'rt_int_copy_signed',
  contract: 'rdi=int value, esi=0 keep the sign, 1 negate, 2 absolute value -> rax=the int value (a new object or small int; exact big ints already in that form are returned as they are), or NotImplemented if not an int; may allocate',
  emit(a) {
    const out = a.newLabel();
    const ni = a.newLabel();
    const build = a.newLabel();
    const keep = a.newLabel();
    const signSet = a.newLabel();
    prologue(a, SAVED, OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13d, esi);
    unpack(a, r12, A, ni);
    // An exact big int whose sign does not change is returned as it is.
    a.mov(rax, r12);
    a.shr(rax, 48);
    a.cmp(eax, TAG_OBJ);
    a.jne(build);
    a.mov(rax, r12);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax)));
    a.lea(rcx, rip(sym('type_int')));
    a.cmp(rax, rcx);
    a.jne(build);
    a.cmp(r13, 0);
    a.je(keep);
    a.cmp(r13, 2);
    a.jne(build);
    a.cmp(opnd(A, 'sign'), 0);
    a.jl(build);
    a.bind(keep);
    a.mov(rax, r12);
    a.jmp(out);
    a.bind(build);
    a.mov(rsi, opnd(A, 'sign'));
    a.cmp(r13, 1);
    a.jne(signSet);
    a.neg(rsi);
    a.bind(signSet);
    a.cmp(r13, 2);
    const notAbs = a.newLabel();
    a.jne(notAbs);
    a.mov(rsi, 1);
    a.bind(notAbs);
    a.mov(rdi, opnd(A, 'p'));
    a.mov(rdx, rsi);
    a.mov(rsi, opnd(A, 'n'));
    a.call(sym('rt_int_from_mag'));
    a.bind(out);
    epilogue(a, SAVED, OPND.size + 8);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
  },
};

const neg: RuntimeRoutine = {
  name: 'rt_int_neg',
  contract: 'rdi=int value -> rax=-v (int value); may allocate',
  emit(a) {
    const slow = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    unboxSmall(a, rdi);
    a.neg(rdi);
    a.jmp(sym('rt_int_from_i64')); // -(-2^47) leaves int48
    a.bind(slow);
    a.mov(esi, 1);
    a.jmp(sym('rt_int_copy_signed'));
  },
};

const pos: RuntimeRoutine = {
  name: 'rt_int_pos',
  contract: 'rdi=int value -> rax=+v (an int: a bool becomes 0 or 1); may allocate',
  emit(a) {
    const slow = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    a.mov(rax, rdi);
    a.ret();
    a.bind(slow);
    a.xor(esi, esi);
    a.jmp(sym('rt_int_copy_signed'));
  },
};

const abs: RuntimeRoutine = {
  name: 'rt_int_abs',
  contract: 'rdi=int value -> rax=abs(v) (int value); may allocate',
  emit(a) {
    const slow = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    unboxSmall(a, rdi);
    a.mov(rax, rdi);
    a.neg(rax);
    a.cmovs(rax, rdi);
    a.mov(rdi, rax);
    a.jmp(sym('rt_int_from_i64'));
    a.bind(slow);
    a.mov(esi, 2);
    a.jmp(sym('rt_int_copy_signed'));
  },
};

const invert: RuntimeRoutine = {
  name: 'rt_int_invert',
  contract: 'rdi=int value -> rax=~v = -(v + 1) (int value); may allocate',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    a.mov(rax, rdi);
    a.not(rax); // ~payload is the payload of ~v (int48 is closed under ~)
    boxRax(a);
    a.ret();
    a.bind(slow);
    a.sub(rsp, 8);
    a.mov(rsi, SMALL_ONE);
    a.call(sym('rt_int_add'));
    a.cmp(rax, g('rt_const_NotImplemented'));
    a.je(out);
    a.mov(rdi, rax);
    a.call(sym('rt_int_neg'));
    a.bind(out);
    a.add(rsp, 8);
    a.ret();
  },
};

const cmpRoutine: RuntimeRoutine = {
  name: 'rt_int_cmp',
  contract: 'rdi=a, rsi=b -> eax=-1, 0 or 1 as a <, ==, > b for ints (bools included); eax=2 if one is not an int; clobbers caller-saved; no alloc',
  emit(a) {
    const slow = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    ifNotSmall(a, rsi, rax, slow);
    a.shl(rdi, 16);
    a.shl(rsi, 16);
    a.xor(eax, eax);
    a.xor(ecx, ecx);
    a.cmp(rdi, rsi);
    a.setg(al);
    a.setl(cl);
    a.sub(eax, ecx);
    a.ret();
    a.bind(slow);
    const out = a.newLabel();
    const no = a.newLabel();
    const sameSign = a.newLabel();
    prologue(a, SAVED, 2 * OPND.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    unpack(a, r12, A, no);
    unpack(a, r13, B, no);
    a.mov(rax, opnd(A, 'sign'));
    a.cmp(rax, opnd(B, 'sign'));
    a.je(sameSign);
    a.mov(eax, 1);
    a.mov(ecx, -1);
    a.cmovl(eax, ecx);
    a.jmp(out);
    a.bind(sameSign);
    a.mov(rdi, opnd(A, 'p'));
    a.mov(rsi, opnd(A, 'n'));
    a.mov(rdx, opnd(B, 'p'));
    a.mov(rcx, opnd(B, 'n'));
    a.call(sym('rt_int_mag_cmp'));
    a.cmp(opnd(A, 'sign'), 0);
    a.jge(out);
    a.neg(eax);
    a.bind(out);
    epilogue(a, SAVED, 2 * OPND.size + 8);
    a.bind(no);
    a.mov(eax, 2);
    a.jmp(out);
  },
};

const richcompare: RuntimeRoutine = {
  name: 'rt_richcompare_int',
  contract: 'richcompare slot of int: rdi=a, rsi=b, edx=op index in CMPOPS -> rax=True/False, or NotImplemented unless both are ints (floats compare in the float slot); no alloc',
  emit(a) {
    const ni = a.newLabel();
    const yes = a.newLabel();
    a.push(rdx);
    a.call(sym('rt_int_cmp'));
    a.pop(rdx);
    a.cmp(eax, 2);
    a.je(ni);
    a.lea(ecx, mem(rax, 1));
    a.lea(r8, rip(sym('int_cmp_masks')));
    a.movzx(r8d, byte(sib(r8, rdx, 1)));
    a.bt(r8d, ecx);
    a.jb(yes);
    a.mov(rax, g('rt_const_False'));
    a.ret();
    a.bind(yes);
    a.mov(rax, g('rt_const_True'));
    a.ret();
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

const hash: RuntimeRoutine = {
  name: 'rt_hash_int',
  contract: 'hash slot of int: rdi=int value -> rax=hash (CPython: sign * (|v| mod 2^61-1), -1 becomes -2; equal to the hash of an equal float); no alloc',
  emit(a) {
    const slow = a.newLabel();
    const out = a.newLabel();
    const loop = a.newLabel();
    const done = a.newLabel();
    ifNotSmall(a, rdi, rax, slow);
    a.mov(rax, rdi);
    unboxSmall(a, rax);
    a.bind(done);
    a.mov(rcx, -2);
    a.cmp(rax, -1);
    a.cmove(rax, rcx);
    a.ret();
    a.bind(slow);
    // h = (h * 2^64 + limb) mod P from the top limb down; 2^64 = 8 (mod P) since 2^61 = 1.
    a.sub(rsp, OPND.size + 8);
    a.mov(rsi, rsp);
    a.call(sym('rt_int_unpack'));
    a.mov(r8, opnd(0, 'p'));
    a.mov(r9, opnd(0, 'n'));
    a.xor(eax, eax);
    a.mov(r10, HASH_MODULUS);
    /** x -> x mod P for any u64 x: (x & P) + (x >> 61), then one conditional subtract. */
    const fold = (x: typeof rax): void => {
      a.mov(rdx, x);
      a.shr(rdx, 61);
      a.and(x, r10);
      a.add(x, rdx);
      a.mov(rdx, x);
      a.sub(rdx, r10);
      a.cmovae(x, rdx);
    };
    a.bind(loop);
    a.test(r9, r9);
    a.je(out);
    a.dec(r9);
    a.shl(rax, 3);
    fold(rax);
    a.mov(rcx, qword(sib(r8, r9, 8)));
    fold(rcx);
    a.add(rax, rcx);
    fold(rax);
    a.jmp(loop);
    a.bind(out);
    a.mov(rcx, rax);
    a.neg(rcx);
    a.cmp(opnd(0, 'sign'), 0);
    a.cmovl(rax, rcx);
    a.add(rsp, OPND.size + 8);
    a.jmp(done);
  },
};

const boolRoutine: RuntimeRoutine = {
  name: 'rt_bool_int',
  contract: 'bool slot of int: rdi=int value -> eax=1 unless it is zero; no alloc',
  emit(a) {
    const obj = a.newLabel();
    ifNotSmall(a, rdi, rax, obj);
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.setne(al);
    a.movzx(eax, al);
    a.ret();
    a.bind(obj);
    // bool objects hold a small int; big ints (and subclass instances) are zero iff ndigits is 0.
    const notBool = a.newLabel();
    a.cmp(rdi, g('rt_const_True'));
    a.je(notBool);
    a.cmp(rdi, g('rt_const_False'));
    a.je(notBool);
    a.mov(rax, rdi);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, BIGINT.ndigits)), 0);
    a.setne(al);
    a.movzx(eax, al);
    a.ret();
    a.bind(notBool);
    a.mov(rax, rdi);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax, 16)));
    a.shl(rax, 16);
    a.setne(al);
    a.movzx(eax, al);
    a.ret();
  },
};

const binop: RuntimeRoutine = {
  name: 'rt_binop_int',
  contract: 'binop slot of int: rdi=a, rsi=b, edx=op index in BINOPS (+16 in-place) -> rax=result, NotImplemented unless both are ints/bools (mixed int/float is the float slot\'s), or EXC; & | ^ of two bools give a bool; may allocate, may raise',
  emit(a) {
    const slow = a.newLabel();
    const dispatch = a.newLabel();
    const ni = a.newLabel();
    const niPop = a.newLabel();
    a.and(edx, 15);
    a.cmp(edx, INT_BINOP_ROUTINES.length - 1);
    a.jae(ni);
    ifNotSmall(a, rdi, rax, slow);
    ifNotSmall(a, rsi, rax, slow);
    a.bind(dispatch);
    a.lea(rax, rip(sym('int_binop_table')));
    a.jmp(qword(sib(rax, rdx, 8)));
    // Classify both operands; bools become their small ints (bit 0/1 of ebx remember them).
    a.bind(slow);
    a.push(rbx);
    a.push(r12);
    a.push(r13);
    a.push(r14);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14d, edx);
    a.xor(ebx, ebx);
    for (const [reg, bit] of [[r12, 1], [r13, 2]] as const) {
      const notBool = a.newLabel();
      a.mov(rdi, reg);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(niPop);
      a.cmp(eax, 3);
      a.jne(notBool);
      a.or(ebx, bit);
      a.mov(rax, reg);
      unboxPtr(a, rax);
      a.mov(reg, qword(mem(rax, 16)));
      a.bind(notBool);
    }
    const notBoth = a.newLabel();
    a.cmp(ebx, 3);
    a.jne(notBoth);
    a.cmp(r14d, 9); // & | ^
    a.jb(notBoth);
    a.mov(rax, r12);
    a.mov(rcx, r13);
    a.and(eax, 1);
    a.and(ecx, 1);
    const notAnd = a.newLabel();
    const notOr = a.newLabel();
    const combined = a.newLabel();
    a.cmp(r14d, 9);
    a.jne(notAnd);
    a.and(eax, ecx);
    a.jmp(combined);
    a.bind(notAnd);
    a.cmp(r14d, 10);
    a.jne(notOr);
    a.or(eax, ecx);
    a.jmp(combined);
    a.bind(notOr);
    a.xor(eax, ecx);
    a.bind(combined);
    a.test(eax, eax);
    a.mov(rax, g('rt_const_False'));
    a.cmovne(rax, g('rt_const_True'));
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.pop(rbx);
    a.ret();
    a.bind(notBoth);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(edx, r14d);
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.pop(rbx);
    a.jmp(dispatch);
    a.bind(niPop);
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.pop(rbx);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

const unsupported: RuntimeRoutine = {
  name: 'rt_int_binop_unsupported',
  local: true,
  contract: 'rdi, rsi=ints -> rax=NotImplemented (ints have no @)',
  emit(a) {
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

const unary: RuntimeRoutine = {
  name: 'rt_unary_int',
  contract: 'unary slot of int: rdi=int value (bools included), edx=0 neg, 1 pos, 2 invert, 3 abs -> rax=int result or NotImplemented; may allocate',
  emit(a) {
    const ni = a.newLabel();
    a.cmp(edx, 4);
    a.jae(ni);
    a.lea(rax, rip(sym('int_unary_table')));
    a.jmp(qword(sib(rax, rdx, 8)));
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.ret();
  },
};

export const intModule: RuntimeModule = {
  name: 'int',
  routines: [
    unpackRoutine, kindRoutine, newRoutine, normalizeRoutine, fromI64, fromU64, fromI128, fromMag, toI64,
    addSubFast('add'), addSubFast('sub'), addSubSlow, mulFast, mulSlow, copySigned, neg, pos, abs, invert,
    cmpRoutine, richcompare, hash, boolRoutine, binop, unsupported, unary,
  ],
  data: [
    { name: 'int_binop_table', section: 'rodata', align: 8, emit: (a) => INT_BINOP_ROUTINES.forEach((r) => a.u64(sym(r))) },
    { name: 'int_unary_table', section: 'rodata', align: 8, emit: (a) => ['rt_int_neg', 'rt_int_pos', 'rt_int_invert', 'rt_int_abs'].forEach((r) => a.u64(sym(r))) },
    // bit (cmp + 1) set when the comparison holds, for < <= == != > >= (CMPOPS order).
    { name: 'int_cmp_masks', section: 'rodata', align: 8, emit: (a) => a.bytes(Uint8Array.from([0b001, 0b011, 0b010, 0b101, 0b100, 0b110])) },
  ],
};
