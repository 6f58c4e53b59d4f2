// Runtime: the limb kernels of big-int arithmetic (magnitudes only, no signs, no objects).
//
// Role: the bottom layer of the int area (docs/int.md). The value-level routines in
// int.ts, int_div.ts, int_bits.ts and int_str.ts unpack their operands to magnitudes and
// call these. A magnitude is an array of u64 limbs, least significant first: the BIGINT
// layout's u32 digits (layout.ts) read two at a time. That reading is exact because a big
// int's digit array always has an even number of u32 slots with the unused top one zero
// (statics.ts pads static big ints; int.ts allocates whole limbs and zero-fills), so
// limbs = ceil(ndigits / 2).
//
// Conventions: System V registers, `n` arguments are limb counts (0 allowed unless a
// contract says otherwise), no allocation and no exceptions except rt_int_mag_mul, which
// allocates Karatsuba scratch space. Results may alias inputs only where the contract says so.
//
// Algorithms: schoolbook and Karatsuba multiplication (Knuth TAOCP 4.3.3, with
// CPython's longobject.c k_mul/k_lopsided_mul split), Knuth's algorithm D for division
// (TAOCP 4.3.1; the qhat refinement as in Hacker's Delight divmnu64), shifts with shld/shrd.

import { type Assembler, eax, edx, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, cl, al } from '../../src/asm/index.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, prologue } from '../../src/native/macros.js';
import { BIGINT } from '../../src/native/layout.js';

/**
 * Below this many limbs in the shorter operand, multiplication is schoolbook. Measured on
 * this machine's kind (tests/native/int_perf.test.ts prints the timings): Karatsuba starts
 * to win around 40 limbs (~770 decimal digits).
 */
export const KARATSUBA_LIMBS = 40;

/** Karatsuba scratch limbs for operands of at most n limbs (see rt_int_mag_kmul). */
export function karatsubaScratch(n: number): number {
  return 6 * n + 256;
}

const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

const cmp: RuntimeRoutine = {
  name: 'rt_int_mag_cmp',
  contract: 'rdi=a, rsi=na, rdx=b, rcx=nb (normalized: no zero top limb) -> eax=-1, 0 or 1 as a <, =, > b; clobbers rax rsi; no alloc',
  emit(a) {
    const gt = a.newLabel();
    const lt = a.newLabel();
    const loop = a.newLabel();
    const eq = a.newLabel();
    a.cmp(rsi, rcx);
    a.ja(gt);
    a.jb(lt);
    a.bind(loop);
    a.test(rsi, rsi);
    a.je(eq);
    a.dec(rsi);
    a.mov(rax, qword(sib(rdi, rsi, 8)));
    a.cmp(rax, qword(sib(rdx, rsi, 8)));
    a.ja(gt);
    a.jb(lt);
    a.jmp(loop);
    a.bind(eq);
    a.xor(eax, eax);
    a.ret();
    a.bind(gt);
    a.mov(eax, 1);
    a.ret();
    a.bind(lt);
    a.mov(eax, -1);
    a.ret();
  },
};

/** add or sub: r[0..na) = a[0..na) +/- b[0..nb), na >= nb; rax = carry/borrow out. */
function addSub(kind: 'add' | 'sub'): RuntimeRoutine {
  return {
    name: `rt_int_mag_${kind}`,
    contract: `rdi=r, rsi=a, rdx=na, rcx=b, r8=nb (na >= nb) -> r[0..na) = a ${kind === 'add' ? '+' : '-'} b mod B^na, rax=${kind === 'add' ? 'carry' : 'borrow'} (0/1); r may be a; clobbers rax r9 r10; no alloc`,
    emit(a) {
      const body = a.newLabel();
      const tail = a.newLabel();
      const tailLoop = a.newLabel();
      const done = a.newLabel();
      a.xor(r9, r9); // index; CF = 0
      a.mov(r10, r8);
      a.test(r10, r10); // CF = 0
      a.je(tail);
      // inc/dec leave CF alone, so the carry chains through adc/sbb.
      a.bind(body);
      a.mov(rax, qword(sib(rsi, r9, 8)));
      if (kind === 'add') a.adc(rax, qword(sib(rcx, r9, 8)));
      else a.sbb(rax, qword(sib(rcx, r9, 8)));
      a.mov(qword(sib(rdi, r9, 8)), rax);
      a.inc(r9);
      a.dec(r10);
      a.jne(body);
      a.bind(tail);
      a.setb(al);
      a.movzx(eax, al);
      a.bind(tailLoop);
      a.cmp(r9, rdx);
      a.jae(done);
      a.mov(r10, qword(sib(rsi, r9, 8)));
      if (kind === 'add') a.add(r10, rax);
      else a.sub(r10, rax);
      a.mov(qword(sib(rdi, r9, 8)), r10);
      a.mov(eax, 0);
      a.setb(al);
      a.inc(r9);
      a.jmp(tailLoop);
      a.bind(done);
      a.ret();
    },
  };
}

const addmul1: RuntimeRoutine = {
  name: 'rt_int_mag_addmul1',
  contract: 'rdi=r, rsi=a, rdx=n, rcx=m -> r[0..n) += a[0..n) * m, rax=carry limb; clobbers rax rdx r8-r11; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const done = a.newLabel();
    a.mov(r8, rdx);
    a.xor(r10, r10); // carry limb
    a.xor(r11, r11); // index
    a.bind(loop);
    a.cmp(r11, r8);
    a.jae(done);
    a.mov(rax, qword(sib(rsi, r11, 8)));
    a.mul(rcx);
    a.add(rax, r10);
    a.adc(rdx, 0);
    a.add(rax, qword(sib(rdi, r11, 8)));
    a.adc(rdx, 0);
    a.mov(qword(sib(rdi, r11, 8)), rax);
    a.mov(r10, rdx);
    a.inc(r11);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r10);
    a.ret();
  },
};

const submul1: RuntimeRoutine = {
  name: 'rt_int_mag_submul1',
  contract: 'rdi=r, rsi=a, rdx=n, rcx=m -> r[0..n) -= a[0..n) * m, rax=borrow limb; clobbers rax rdx r8-r11; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const done = a.newLabel();
    a.mov(r8, rdx);
    a.xor(r10, r10); // borrow limb
    a.xor(r11, r11);
    a.bind(loop);
    a.cmp(r11, r8);
    a.jae(done);
    a.mov(rax, qword(sib(rsi, r11, 8)));
    a.mul(rcx);
    a.add(rax, r10);
    a.adc(rdx, 0);
    a.mov(r10, rdx);
    a.mov(r9, qword(sib(rdi, r11, 8)));
    a.sub(r9, rax);
    a.mov(qword(sib(rdi, r11, 8)), r9);
    a.adc(r10, 0);
    a.inc(r11);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r10);
    a.ret();
  },
};

const muladd1: RuntimeRoutine = {
  name: 'rt_int_mag_muladd1',
  contract: 'rdi=r, rsi=a, rdx=n, rcx=m, r8=c -> r[0..n) = a[0..n) * m + c mod B^n, rax=carry limb; r may be a; clobbers rax rdx r9-r11; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const done = a.newLabel();
    a.mov(r9, rdx);
    a.mov(r10, r8);
    a.xor(r11, r11);
    a.bind(loop);
    a.cmp(r11, r9);
    a.jae(done);
    a.mov(rax, qword(sib(rsi, r11, 8)));
    a.mul(rcx);
    a.add(rax, r10);
    a.adc(rdx, 0);
    a.mov(qword(sib(rdi, r11, 8)), rax);
    a.mov(r10, rdx);
    a.inc(r11);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r10);
    a.ret();
  },
};

const divrem1: RuntimeRoutine = {
  name: 'rt_int_mag_divrem1',
  contract: 'rdi=q, rsi=a, rdx=n, rcx=d (d > 0) -> q[0..n) = a / d, rax=a mod d; q may be a; clobbers rax rdx r8 r9; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const done = a.newLabel();
    a.mov(r8, rdx);
    a.xor(edx, edx);
    a.bind(loop);
    a.test(r8, r8);
    a.je(done);
    a.dec(r8);
    a.mov(rax, qword(sib(rsi, r8, 8)));
    a.div(rcx); // rdx < d, so the quotient fits
    a.mov(qword(sib(rdi, r8, 8)), rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, rdx);
    a.ret();
  },
};

const shl: RuntimeRoutine = {
  name: 'rt_int_mag_shl',
  contract: 'rdi=r, rsi=a, rdx=n, ecx=s (0..63) -> r[0..n) = a << s mod B^n, rax=the bits shifted out at the top; r may be a or above a (works downwards); clobbers rax r8-r10; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const last = a.newLabel();
    const done = a.newLabel();
    a.xor(eax, eax);
    a.test(rdx, rdx);
    a.je(done);
    a.mov(r9, qword(sib(rsi, rdx, 8, -8)));
    a.shld(rax, r9, cl); // a count of 0 leaves rax = 0
    a.mov(r8, rdx);
    a.bind(loop);
    a.dec(r8);
    a.je(last);
    a.mov(r9, qword(sib(rsi, r8, 8)));
    a.mov(r10, qword(sib(rsi, r8, 8, -8)));
    a.shld(r9, r10, cl);
    a.mov(qword(sib(rdi, r8, 8)), r9);
    a.jmp(loop);
    a.bind(last);
    a.mov(r9, qword(mem(rsi)));
    a.shl(r9, cl);
    a.mov(qword(mem(rdi)), r9);
    a.bind(done);
    a.ret();
  },
};

const shr: RuntimeRoutine = {
  name: 'rt_int_mag_shr',
  contract: 'rdi=r, rsi=a, rdx=n, ecx=s (0..63) -> r[0..n) = a >> s, rax=the bits shifted out at the bottom (as the high bits of rax); r may be a or below a (works upwards); clobbers rax r8-r11; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const last = a.newLabel();
    const done = a.newLabel();
    a.xor(eax, eax);
    a.test(rdx, rdx);
    a.je(done);
    a.mov(r9, qword(mem(rsi)));
    a.shrd(rax, r9, cl);
    a.xor(r8, r8);
    a.bind(loop);
    a.lea(r10, mem(r8, 1));
    a.cmp(r10, rdx);
    a.jae(last);
    a.mov(r9, qword(sib(rsi, r8, 8)));
    a.mov(r11, qword(sib(rsi, r8, 8, 8)));
    a.shrd(r9, r11, cl);
    a.mov(qword(sib(rdi, r8, 8)), r9);
    a.inc(r8);
    a.jmp(loop);
    a.bind(last);
    a.mov(r9, qword(sib(rsi, r8, 8)));
    a.shr(r9, cl);
    a.mov(qword(sib(rdi, r8, 8)), r9);
    a.bind(done);
    a.ret();
  },
};

/** Call a kernel taking (rdi, rsi, rdx, rcx, r8) from already-set registers. */
function call(a: Assembler<any>, name: string): void {
  a.call(sym(name));
}

const mulBasic: RuntimeRoutine = {
  name: 'rt_int_mag_mul_basic',
  contract: 'rdi=r, rsi=a, rdx=na, rcx=b, r8=nb -> r[0..na+nb) = a * b (schoolbook); r must not overlap a or b; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const next = a.newLabel();
    const done = a.newLabel();
    const rows = a.newLabel();
    // The longer operand is the inner loop; a one-limb multiplier needs no zeroing.
    a.cmp(rdx, r8);
    a.jae(rows);
    a.xchg(rsi, rcx);
    a.xchg(rdx, r8);
    a.bind(rows);
    a.cmp(r8, 1);
    const general = a.newLabel();
    a.jne(general);
    a.push(rdi);
    a.push(rdx);
    a.mov(rcx, qword(mem(rcx)));
    a.xor(r8, r8);
    call(a, 'rt_int_mag_muladd1');
    a.pop(rdx);
    a.pop(rdi);
    a.mov(qword(sib(rdi, rdx, 8)), rax);
    a.ret();
    a.bind(general);
    prologue(a, SAVED, 8);
    a.mov(rbx, rdi);
    a.mov(rbp, rsi);
    a.mov(r12, rdx);
    a.mov(r13, rcx);
    a.mov(r14, r8);
    // Zero the result (rep stosq: rdi, rcx count, rax value).
    a.lea(rcx, sib(rdx, r8, 1));
    a.xor(eax, eax);
    a.rep_stosq();
    a.xor(r15, r15);
    a.bind(loop);
    a.cmp(r15, r14);
    a.jae(done);
    a.mov(rcx, qword(sib(r13, r15, 8)));
    a.test(rcx, rcx);
    a.je(next);
    a.lea(rdi, sib(rbx, r15, 8));
    a.mov(rsi, rbp);
    a.mov(rdx, r12);
    call(a, 'rt_int_mag_addmul1');
    a.lea(rcx, sib(r15, r12, 1));
    a.mov(qword(sib(rbx, rcx, 8)), rax);
    a.bind(next);
    a.inc(r15);
    a.jmp(loop);
    a.bind(done);
    epilogue(a, SAVED, 8);
  },
};

/** Zero `count` limbs at `dst` (registers; clobbers rdi rcx rax). */
function zeroLimbs(a: Assembler<any>, dst: typeof rax, count: typeof rax): void {
  if (count !== rcx) a.mov(rcx, count);
  if (dst !== rdi) a.mov(rdi, dst);
  a.xor(eax, eax);
  a.rep_stosq();
}

// Karatsuba frame: [rsp+0] h or off, [rsp+8] len, [rsp+16] spare.
const kmul: RuntimeRoutine = {
  name: 'rt_int_mag_kmul',
  contract: 'rdi=r, rsi=a, rdx=na, rcx=b, r8=nb, r9=scratch (karatsubaScratch(max(na, nb)) limbs) -> r[0..na+nb) = a * b; r must not overlap a, b or the scratch; inputs may have zero top limbs; no alloc',
  emit(a) {
    const out = a.newLabel();
    const ordered = a.newLabel();
    const balanced = a.newLabel();
    const basic = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(rbx, rdi);
    a.mov(rbp, rsi);
    a.mov(r12, rdx);
    a.mov(r13, rcx);
    a.mov(r14, r8);
    a.mov(r15, r9);
    // a is the longer operand.
    a.cmp(r12, r14);
    a.jae(ordered);
    a.xchg(rbp, r13);
    a.xchg(r12, r14);
    a.bind(ordered);
    a.cmp(r14, KARATSUBA_LIMBS);
    a.jb(basic);
    a.lea(rax, sib(r14, r14, 1));
    a.cmp(rax, r12);
    a.ja(balanced);

    // Lopsided (2*nb <= na): multiply b by nb-limb slices of a and add them in
    // (CPython's k_lopsided_mul). tmp = scratch[0 .. 2nb), deeper scratch after it.
    const slice = a.newLabel();
    const sliceLen = a.newLabel();
    a.lea(rcx, sib(r12, r14, 1));
    zeroLimbs(a, rbx, rcx);
    a.mov(qword(mem(rsp)), 0);
    a.bind(slice);
    a.mov(rax, qword(mem(rsp)));
    a.cmp(rax, r12);
    a.jae(out);
    a.mov(rdx, r12);
    a.sub(rdx, rax);
    a.cmp(rdx, r14);
    a.jbe(sliceLen);
    a.mov(rdx, r14);
    a.bind(sliceLen);
    a.mov(qword(mem(rsp, 8)), rdx);
    a.mov(rdi, r15);
    a.lea(rsi, sib(rbp, rax, 8));
    a.mov(rcx, r13);
    a.mov(r8, r14);
    a.lea(r9, sib(r15, r14, 8));
    a.lea(r9, sib(r9, r14, 8));
    call(a, 'rt_int_mag_kmul');
    // r[off .. off+len+nb) += tmp[0 .. len+nb): no carry leaves the top (the partial
    // product a[0 .. off+len) * b fits off+len+nb limbs).
    a.mov(rax, qword(mem(rsp)));
    a.lea(rdi, sib(rbx, rax, 8));
    a.mov(rsi, rdi);
    a.mov(rdx, qword(mem(rsp, 8)));
    a.add(rdx, r14);
    a.mov(rcx, r15);
    a.mov(r8, rdx);
    call(a, 'rt_int_mag_add');
    a.mov(rax, qword(mem(rsp, 8)));
    a.add(qword(mem(rsp)), rax);
    a.jmp(slice);

    a.bind(basic);
    a.mov(rdi, rbx);
    a.mov(rsi, rbp);
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.mov(r8, r14);
    call(a, 'rt_int_mag_mul_basic');
    a.jmp(out);

    // Balanced: a = a1*B^h + a0, b = b1*B^h + b0 with h = ceil(na/2) <= nb.
    //   z0 = a0*b0 -> r[0..2h), z2 = a1*b1 -> r[2h..na+nb),
    //   z1 = (a0+a1)(b0+b1) - z0 - z2 (in scratch), r[h..) += z1.
    // Scratch: sa = s[0..h+1), sb = s[h+1..2h+2), z1 = s[2h+2..4h+4), deeper calls after.
    a.bind(balanced);
    a.lea(rax, mem(r12, 1));
    a.shr(rax, 1);
    a.mov(qword(mem(rsp)), rax); // h
    // z0
    a.mov(rdi, rbx);
    a.mov(rsi, rbp);
    a.mov(rdx, rax);
    a.mov(rcx, r13);
    a.mov(r8, rax);
    a.mov(r9, r15);
    call(a, 'rt_int_mag_kmul');
    // z2 (b1 may be empty: nb == h)
    const z2Zero = a.newLabel();
    const z2Done = a.newLabel();
    a.mov(rax, qword(mem(rsp)));
    a.cmp(r14, rax);
    a.je(z2Zero);
    a.lea(rdi, sib(rbx, rax, 8));
    a.lea(rdi, sib(rdi, rax, 8));
    a.lea(rsi, sib(rbp, rax, 8));
    a.mov(rdx, r12);
    a.sub(rdx, rax);
    a.lea(rcx, sib(r13, rax, 8));
    a.mov(r8, r14);
    a.sub(r8, rax);
    a.mov(r9, r15);
    call(a, 'rt_int_mag_kmul');
    a.jmp(z2Done);
    a.bind(z2Zero);
    a.lea(rdi, sib(rbx, rax, 8));
    a.lea(rdi, sib(rdi, rax, 8));
    a.lea(rcx, sib(r12, r14, 1));
    a.sub(rcx, rax);
    a.sub(rcx, rax);
    zeroLimbs(a, rdi, rcx);
    a.bind(z2Done);
    // sa = a0 + a1
    a.mov(rax, qword(mem(rsp)));
    a.mov(rdi, r15);
    a.mov(rsi, rbp);
    a.mov(rdx, rax);
    a.lea(rcx, sib(rbp, rax, 8));
    a.mov(r8, r12);
    a.sub(r8, rax);
    call(a, 'rt_int_mag_add');
    a.mov(rdx, qword(mem(rsp)));
    a.mov(qword(sib(r15, rdx, 8)), rax);
    // sb = b0 + b1
    a.lea(rdi, sib(r15, rdx, 8, 8));
    a.mov(rsi, r13);
    a.lea(rcx, sib(r13, rdx, 8));
    a.mov(r8, r14);
    a.sub(r8, rdx);
    call(a, 'rt_int_mag_add');
    a.mov(rdx, qword(mem(rsp)));
    a.lea(rcx, sib(r15, rdx, 8, 8));
    a.mov(qword(sib(rcx, rdx, 8)), rax);
    // z1 = sa * sb
    a.lea(rdi, sib(rcx, rdx, 8, 8)); // s + 2h + 2
    a.mov(rsi, r15);
    a.lea(r8, mem(rdx, 1));
    a.lea(r9, sib(rdi, rdx, 8, 16)); // s + 4h + 4
    a.lea(r9, sib(r9, rdx, 8));
    a.mov(rdx, r8);
    call(a, 'rt_int_mag_kmul');
    // z1 -= z0
    a.mov(rax, qword(mem(rsp)));
    a.lea(rdi, sib(r15, rax, 8, 16));
    a.lea(rdi, sib(rdi, rax, 8)); // z1
    a.mov(qword(mem(rsp, 16)), rdi);
    a.mov(rsi, rdi);
    a.lea(rdx, sib(rax, rax, 1, 2)); // 2h + 2
    a.mov(rcx, rbx);
    a.lea(r8, sib(rax, rax, 1));
    call(a, 'rt_int_mag_sub');
    // z1 -= z2
    a.mov(rax, qword(mem(rsp)));
    a.mov(rdi, qword(mem(rsp, 16)));
    a.mov(rsi, rdi);
    a.lea(rdx, sib(rax, rax, 1, 2));
    a.lea(rcx, sib(rbx, rax, 8));
    a.lea(rcx, sib(rcx, rax, 8));
    a.lea(r8, sib(r12, r14, 1));
    a.sub(r8, rax);
    a.sub(r8, rax);
    call(a, 'rt_int_mag_sub');
    // r[h .. na+nb) += z1[0 .. min(2h+2, na+nb-h))
    a.mov(rax, qword(mem(rsp)));
    a.lea(rdi, sib(rbx, rax, 8));
    a.mov(rsi, rdi);
    a.lea(rdx, sib(r12, r14, 1));
    a.sub(rdx, rax);
    a.mov(rcx, qword(mem(rsp, 16)));
    a.lea(r8, sib(rax, rax, 1, 2));
    a.cmp(r8, rdx);
    a.cmova(r8, rdx);
    call(a, 'rt_int_mag_add');
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

/** Karatsuba scratch up to this many bytes lives on the machine stack (probed page by page). */
export const STACK_SCRATCH_BYTES = 64 * 1024;

const mul: RuntimeRoutine = {
  name: 'rt_int_mag_mul',
  contract: 'rdi=r, rsi=a, rdx=na, rcx=b, r8=nb -> r[0..na+nb) = a * b (schoolbook, Karatsuba from KARATSUBA_LIMBS); r must not overlap a or b; may allocate (scratch beyond STACK_SCRATCH_BYTES)',
  emit(a) {
    const basic = a.newLabel();
    const heap = a.newLabel();
    const run = a.newLabel();
    const probe = a.newLabel();
    a.cmp(rdx, KARATSUBA_LIMBS);
    a.jb(basic);
    a.cmp(r8, KARATSUBA_LIMBS);
    a.jb(basic);
    // Both operands are long: one scratch area for the whole recursion.
    prologue(a, SAVED, 8);
    a.mov(rbx, rsp); // the frame, restored after a stack scratch area
    a.mov(rbp, rsi);
    a.mov(r12, rdx);
    a.mov(r13, rcx);
    a.mov(r14, r8);
    a.mov(r15, rdi);
    a.mov(rax, rdx);
    a.cmp(rax, r8);
    a.cmovb(rax, r8);
    a.imul(rax, rax, 6 * 8);
    a.add(rax, 256 * 8); // scratch bytes
    a.cmp(rax, STACK_SCRATCH_BYTES);
    a.ja(heap);
    // Stack scratch: touch each page on the way down (the kernel grows the stack one guard
    // gap at a time).
    a.add(rax, 4095);
    a.shr(rax, 12);
    a.bind(probe);
    a.sub(rsp, 4096);
    a.or(qword(mem(rsp)), 0);
    a.dec(rax);
    a.jne(probe);
    a.mov(r9, rsp);
    a.jmp(run);
    a.bind(heap);
    a.lea(rdi, mem(rax, BIGINT.digits));
    a.lea(rsi, rip(sym('type_int')));
    a.call(sym('rt_alloc'));
    a.lea(r9, mem(rax, BIGINT.digits));
    a.push(rax); // keeps the scratch object reachable while kmul runs
    a.push(rax);
    a.bind(run);
    a.mov(rdi, r15);
    a.mov(rsi, rbp);
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.mov(r8, r14);
    call(a, 'rt_int_mag_kmul');
    a.mov(rsp, rbx);
    epilogue(a, SAVED, 8);
    a.bind(basic);
    a.jmp(sym('rt_int_mag_mul_basic'));
  },
};

// Knuth D frame: [rsp] vtop, [rsp+8] v[nv-2], [rsp+16] rhat.
const divremKnuth: RuntimeRoutine = {
  name: 'rt_int_mag_divrem_knuth',
  contract: 'rdi=q, rsi=u (nu+1 limbs), rdx=nu, rcx=v (normalized: top bit set), r8=nv (2 <= nv <= nu) -> q[0..nu-nv] = u / v, remainder left in u[0..nv); no alloc',
  emit(a) {
    const loop = a.newLabel();
    const normal = a.newLabel();
    const refine = a.newLabel();
    const decQ = a.newLabel();
    const mulsub = a.newLabel();
    const store = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(rbx, rdi); // q
    a.mov(rbp, rsi); // u
    a.mov(r13, rcx); // v
    a.mov(r12, r8); // nv
    a.mov(rax, qword(sib(rcx, r8, 8, -8)));
    a.mov(qword(mem(rsp)), rax);
    a.mov(rax, qword(sib(rcx, r8, 8, -16)));
    a.mov(qword(mem(rsp, 8)), rax);
    a.mov(r14, rdx);
    a.sub(r14, r8); // j = nu - nv
    a.bind(loop);
    // uj = u + 8j; estimate qhat from uj[nv]:uj[nv-1] / vtop.
    a.lea(rsi, sib(rbp, r14, 8));
    a.mov(rdx, qword(sib(rsi, r12, 8)));
    a.mov(rax, qword(sib(rsi, r12, 8, -8)));
    a.cmp(rdx, qword(mem(rsp)));
    a.jb(normal);
    // uj[nv] == vtop: qhat = B - 1, rhat = uj[nv-1] + vtop (no refinement once rhat >= B).
    a.mov(r15, -1);
    a.add(rax, qword(mem(rsp)));
    a.jb(mulsub);
    a.mov(qword(mem(rsp, 16)), rax);
    a.jmp(refine);
    a.bind(normal);
    a.div(qword(mem(rsp)));
    a.mov(r15, rax);
    a.mov(qword(mem(rsp, 16)), rdx);
    // while qhat * v[nv-2] > rhat:uj[nv-2]: qhat--, rhat += vtop (stop when rhat >= B).
    a.bind(refine);
    a.mov(rax, r15);
    a.mul(qword(mem(rsp, 8)));
    a.cmp(rdx, qword(mem(rsp, 16)));
    a.ja(decQ);
    a.jb(mulsub);
    a.lea(rsi, sib(rbp, r14, 8));
    a.cmp(rax, qword(sib(rsi, r12, 8, -16)));
    a.jbe(mulsub);
    a.bind(decQ);
    a.dec(r15);
    a.mov(rax, qword(mem(rsp)));
    a.add(qword(mem(rsp, 16)), rax);
    a.jae(refine);
    // uj[0..nv] -= qhat * v; add back once if that went negative (qhat one too big).
    a.bind(mulsub);
    a.lea(rdi, sib(rbp, r14, 8));
    a.mov(rsi, r13);
    a.mov(rdx, r12);
    a.mov(rcx, r15);
    call(a, 'rt_int_mag_submul1');
    a.lea(rdi, sib(rbp, r14, 8));
    a.mov(rcx, qword(sib(rdi, r12, 8)));
    a.sub(rcx, rax);
    a.mov(qword(sib(rdi, r12, 8)), rcx);
    a.jae(store);
    a.dec(r15);
    a.mov(rsi, rdi);
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.mov(r8, r12);
    call(a, 'rt_int_mag_add');
    a.lea(rdi, sib(rbp, r14, 8));
    a.add(qword(sib(rdi, r12, 8)), rax);
    a.bind(store);
    a.mov(qword(sib(rbx, r14, 8)), r15);
    a.dec(r14);
    a.jns(loop);
    epilogue(a, SAVED, 24);
  },
};

export const intKernelsModule: RuntimeModule = {
  name: 'int_kernels',
  routines: [cmp, addSub('add'), addSub('sub'), addmul1, submul1, muladd1, divrem1, shl, shr, mulBasic, kmul, mul, divremKnuth],
  data: [],
};
