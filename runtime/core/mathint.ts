// Runtime: the integer functions of the math module (Modules/mathmodule.c of CPython 3.11):
// gcd, lcm, factorial, comb, perm, isqrt and prod, on ints of any size.
//
// Arguments go through PyNumber_Index (rt_bi_index: ints and bools, else TypeError "'float'
// object cannot be interpreted as an integer"), with CPython's argument-count messages
// (METH_O "math.factorial() takes exactly one argument (2 given)", _PyArg_CheckPositional
// "comb expected 2 arguments, got 1", "math.gcd() takes no keyword arguments") and value
// errors in CPython's order. The arithmetic is plain int arithmetic through rt_binop_int:
//   gcd     Euclid, in machine words once both operands fit an i64;
//   lcm     |a // gcd(a, b) * b|;
//   factorial  the product 1..n, multiplying word-sized partial products into the result;
//   comb    result = n; factor = n; for i in 1..k-1: result = result * (factor - 1) // (i + 1)
//           with k = min(k, n - k) (CPython's general path: every intermediate is a binomial);
//   perm    n * (n - 1) * ... * (n - k + 1);
//   isqrt   Newton's iteration from 2 ** ceil(bits / 2) >= sqrt(n), stopping when it no
//           longer decreases (the floor of the square root);
//   prod    start * x0 * x1 ... with the generic `*` (rt_binary_op), so any type multiplies.
// Intermediate values live in callee-saved registers or the machine stack (conservative GC
// roots, docs/native.md).

import { type Assembler, type Label, eax, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BINOPS } from '../../src/bytecode/ops.js';
import { boxInt, TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { DIV_MSG } from './int_div.js';
import { mathArgChecks } from './mathmodule.js';

const OP = { add: BINOPS.indexOf('+'), sub: BINOPS.indexOf('-'), mul: BINOPS.indexOf('*'), floordiv: BINOPS.indexOf('//'), rshift: BINOPS.indexOf('>>'), lshift: BINOPS.indexOf('<<') } as const;

const ZERO = boxInt(0n);
const ONE = boxInt(1n);

/** rax = rdi <op> rsi for ints (rt_binop_int); jumps to `fail` on EXC. */
function intOp(a: Assembler<any>, op: keyof typeof OP, fail: Label): void {
  a.mov(edx, OP[op]);
  a.call(sym('rt_binop_int'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

/** rax = PyNumber_Index(rdi); jumps to `fail` on EXC. */
function index(a: Assembler<any>, fail: Label): void {
  a.call(sym('rt_bi_index'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

/** Jump to `neg` when the int in `v` is negative. Clobbers caller-saved registers. */
function jumpIfNegative(a: Assembler<any>, v: typeof r12, neg: Label): void {
  a.mov(rdi, v);
  a.mov(rsi, ZERO);
  a.call(sym('rt_int_cmp'));
  a.cmp(eax, -1);
  a.je(neg);
}

/** Raise `type` with the C string `msg` (and rdx as its first argument) and jump to `fail`. */
function raise(a: Assembler<any>, type: string, msg: string, fail: Label): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
}

/** Refuse keyword arguments ("math.NAME() takes no keyword arguments"): rdx = kwnames | 0. */
function noKeywords(a: Assembler<any>, name: string, fail: Label): void {
  const ok = a.newLabel();
  a.test(rdx, rdx);
  a.je(ok);
  a.mov(rax, rdx);
  unboxPtr(a, rax);
  a.cmp(qword(mem(rax, TUPLE.length)), 0);
  a.je(ok);
  a.lea(rdx, rip(sym(`str_math_${name}`)));
  raise(a, 'TypeError', 'msg_math_nokw', fail);
  a.bind(ok);
}

/** A vector-ABI routine with the saved registers and frame it needs; `fail` returns EXC. */
function entry(name: string, contract: string, body: (a: Assembler<any>, fail: Label, out: Label, argError: Label) => void): RuntimeRoutine {
  return {
    name: `rt_math_${name}`,
    contract: `math.${contract}; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const argError = a.newLabel();
      prologue(a, saved, 8);
      body(a, fail, out, argError);
      a.jmp(out);
      // mathArgChecks: rdi = type, rsi = format, rdx... = its arguments
      a.bind(argError);
      a.call(sym('rt_raise_fmt'));
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  };
}

/** gcd / lcm over all arguments (r12 = args, r13 = nargs). */
function gcdLcm(a: Assembler<any>, name: 'gcd' | 'lcm', fail: Label, out: Label): void {
  const some = a.newLabel();
  const loop = a.newLabel();
  const next = a.newLabel();
  const done = a.newLabel();
  noKeywords(a, name, fail);
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.test(r13, r13);
  a.jne(some);
  a.mov(rax, name === 'gcd' ? ZERO : ONE);
  a.jmp(out);
  a.bind(some);
  a.mov(rdi, qword(mem(r12)));
  index(a, fail);
  a.mov(r14, rax);
  a.mov(r15, 1);
  a.cmp(r13, 1);
  a.jne(loop);
  a.mov(rdi, r14);
  a.call(sym('rt_int_abs'));
  a.jmp(out);
  a.bind(loop);
  a.cmp(r15, r13);
  a.jae(done);
  a.mov(rdi, qword(sib(r12, r15, 8)));
  index(a, fail);
  a.mov(rbx, rax);
  if (name === 'gcd') {
    // Once the result is 1 the remaining arguments are only checked.
    a.mov(rax, ONE);
    a.cmp(r14, rax);
    a.je(next);
    a.mov(rdi, r14);
    a.mov(rsi, rbx);
    a.call(sym('rt_int_gcd'));
    a.mov(r14, rax);
  } else {
    const nonzero = a.newLabel();
    a.mov(rax, ZERO);
    a.cmp(r14, rax);
    a.je(next);
    a.cmp(rbx, rax);
    a.jne(nonzero);
    a.mov(r14, rax);
    a.jmp(next);
    a.bind(nonzero);
    // long_lcm: |a // gcd(a, b) * b|
    a.mov(rdi, r14);
    a.mov(rsi, rbx);
    a.call(sym('rt_int_gcd'));
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    intOp(a, 'floordiv', fail);
    a.mov(rdi, rax);
    a.mov(rsi, rbx);
    intOp(a, 'mul', fail);
    a.mov(rdi, rax);
    a.call(sym('rt_int_abs'));
    a.mov(r14, rax);
  }
  a.bind(next);
  a.inc(r15);
  a.jmp(loop);
  a.bind(done);
  a.mov(rax, r14);
}

const gcd2: RuntimeRoutine = {
  name: 'rt_int_gcd',
  contract: 'rdi=a, rsi=b (int values) -> rax=gcd(|a|, |b|) (an int >= 0; gcd(0, 0) = 0), Euclid in machine words once both fit an i64; may allocate',
  emit(a: Assembler<any>) {
    const saved = [r12, r13] as const;
    const loop = a.newLabel();
    const slow = a.newLabel();
    const done = a.newLabel();
    const words = a.newLabel();
    const wordsDone = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rsi);
    a.call(sym('rt_int_abs'));
    a.mov(rdi, r12);
    a.mov(r12, rax);
    a.call(sym('rt_int_abs'));
    a.mov(r13, rax);
    a.bind(loop);
    a.mov(rax, ZERO);
    a.cmp(r13, rax);
    a.je(done);
    a.mov(rdi, r12);
    a.call(sym('rt_int_to_i64'));
    a.test(edx, edx);
    a.jne(slow);
    a.mov(qword(mem(rsp)), rax);
    a.mov(rdi, r13);
    a.call(sym('rt_int_to_i64'));
    a.test(edx, edx);
    a.jne(slow);
    a.mov(rcx, rax);
    a.mov(rax, qword(mem(rsp)));
    a.bind(words);
    a.test(rcx, rcx);
    a.je(wordsDone);
    a.xor(edx, edx);
    a.div(rcx);
    a.mov(rax, rcx);
    a.mov(rcx, rdx);
    a.jmp(words);
    a.bind(wordsDone);
    a.mov(rdi, rax);
    a.call(sym('rt_int_from_i64'));
    epilogue(a, saved, 8);
    a.bind(slow);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(edx, DIV_MSG.mod);
    a.call(sym('rt_int_divmod_core'));
    a.mov(r12, r13);
    a.mov(r13, rdx);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r12);
    epilogue(a, saved, 8);
  },
};

const factorialOf: RuntimeRoutine = {
  name: 'rt_int_factorial',
  contract: 'rdi=n (u64, any size) -> rax=n! (int value): word-sized partial products multiplied into the result; may allocate',
  emit(a: Assembler<any>) {
    const saved = [rbx, r12, r13, r14] as const;
    const loop = a.newLabel();
    const flush = a.newLabel();
    const done = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi); // n
    a.mov(r13, 2); // i
    a.mov(rbx, 1); // the partial product (u64)
    a.mov(r14, ONE); // the result
    a.bind(loop);
    a.cmp(r13, r12);
    a.ja(done);
    a.mov(rax, rbx);
    a.mul(r13);
    a.jc(flush);
    a.mov(rbx, rax);
    a.inc(r13);
    a.jmp(loop);
    a.bind(flush);
    a.mov(rdi, rbx);
    a.call(sym('rt_int_from_u64'));
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    a.call(sym('rt_int_mul'));
    a.mov(r14, rax);
    a.mov(rbx, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(rdi, rbx);
    a.call(sym('rt_int_from_u64'));
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    a.call(sym('rt_int_mul'));
    epilogue(a, saved, 8);
  },
};

/** The int in `v` as an i64 in rax; jumps to `big` when it does not fit. */
function toI64(a: Assembler<any>, v: typeof r12, big: Label): void {
  a.mov(rdi, v);
  a.call(sym('rt_int_to_i64'));
  a.test(edx, edx);
  a.jne(big);
}

/**
 * The falling product of comb/perm (r14 = n, r15 = the factor count as an i64 >= 1):
 * result = n; factor = n; for i in 1..count-1: factor -= 1; result *= factor (// (i + 1)).
 */
function fallingProduct(a: Assembler<any>, divide: boolean, fail: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rbx, r14); // result
  a.mov(rbp, r14); // factor
  a.mov(qword(mem(rsp)), 1); // i
  a.bind(loop);
  a.cmp(qword(mem(rsp)), r15);
  a.jae(done);
  a.mov(rdi, rbp);
  a.mov(rsi, ONE);
  intOp(a, 'sub', fail);
  a.mov(rbp, rax);
  a.mov(rdi, rbx);
  a.mov(rsi, rbp);
  intOp(a, 'mul', fail);
  a.mov(rbx, rax);
  a.inc(qword(mem(rsp)));
  if (divide) {
    a.mov(rdi, qword(mem(rsp)));
    a.call(sym('rt_int_from_i64'));
    a.mov(rdi, rbx);
    a.mov(rsi, rax);
    intOp(a, 'floordiv', fail);
    a.mov(rbx, rax);
  }
  a.jmp(loop);
  a.bind(done);
  a.mov(rax, rbx);
}

/** ValueError "n must be a non-negative integer" / "k must ..." for r14 / r15. */
function checkNonNegative(a: Assembler<any>, fail: Label): void {
  const nNeg = a.newLabel();
  const kNeg = a.newLabel();
  const ok = a.newLabel();
  jumpIfNegative(a, r14, nNeg);
  jumpIfNegative(a, r15, kNeg);
  a.jmp(ok);
  a.bind(nNeg);
  raise(a, 'ValueError', 'msg_math_n_negative', fail);
  a.bind(kNeg);
  raise(a, 'ValueError', 'msg_math_k_negative', fail);
  a.bind(ok);
}

const routines: RuntimeRoutine[] = [
  gcd2,
  factorialOf,
  entry('gcd', 'gcd(*integers) (vector ABI) -> rax=the greatest common divisor (0 without arguments), or EXC', (a, fail, out) => gcdLcm(a, 'gcd', fail, out)),
  entry('lcm', 'lcm(*integers) (vector ABI) -> rax=the least common multiple (1 without arguments), or EXC', (a, fail, out) => gcdLcm(a, 'lcm', fail, out)),
  entry('factorial', 'factorial(n) (vector ABI) -> rax=n!, or EXC (ValueError "factorial() not defined for negative values", OverflowError "factorial() argument should not exceed 9223372036854775807")', (a, fail, out, argError) => {
    const big = a.newLabel();
    const neg = a.newLabel();
    mathArgChecks(a, 'factorial', 'o', argError);
    a.mov(rdi, qword(mem(r12)));
    index(a, fail);
    a.mov(r14, rax);
    toI64(a, r14, big);
    a.test(rax, rax);
    a.js(neg);
    a.mov(rdi, rax);
    a.call(sym('rt_int_factorial'));
    a.jmp(out);
    a.bind(big);
    jumpIfNegative(a, r14, neg);
    a.mov(rdx, (1n << 63n) - 1n);
    raise(a, 'OverflowError', 'msg_math_factorial_big', fail);
    a.bind(neg);
    raise(a, 'ValueError', 'msg_math_factorial_neg', fail);
  }),
  entry('comb', 'comb(n, k) (vector ABI) -> rax=n! / (k! * (n - k)!) (0 for k > n), or EXC (ValueError "n must be a non-negative integer", OverflowError "min(n - k, k) must not exceed 9223372036854775807")', (a, fail, out, argError) => {
    const zero = a.newLabel();
    const big = a.newLabel();
    const some = a.newLabel();
    mathArgChecks(a, 'comb', 'n2', argError);
    a.mov(rdi, qword(mem(r12)));
    index(a, fail);
    a.mov(r14, rax);
    a.mov(rdi, qword(mem(r12, 8)));
    index(a, fail);
    a.mov(r15, rax);
    checkNonNegative(a, fail);
    // k = min(k, n - k); n - k < 0 gives 0
    a.mov(rdi, r14);
    a.mov(rsi, r15);
    intOp(a, 'sub', fail);
    a.mov(rbx, rax);
    jumpIfNegative(a, rbx, zero);
    {
      const keep = a.newLabel();
      a.mov(rdi, rbx);
      a.mov(rsi, r15);
      a.call(sym('rt_int_cmp'));
      a.cmp(eax, -1);
      a.jne(keep);
      a.mov(r15, rbx);
      a.bind(keep);
    }
    toI64(a, r15, big);
    a.mov(r15, rax);
    a.test(r15, r15);
    a.jne(some);
    a.mov(rax, ONE);
    a.jmp(out);
    a.bind(some);
    fallingProduct(a, true, fail);
    a.jmp(out);
    a.bind(zero);
    a.mov(rax, ZERO);
    a.jmp(out);
    a.bind(big);
    a.mov(rdx, (1n << 63n) - 1n);
    raise(a, 'OverflowError', 'msg_math_comb_big', fail);
  }),
  entry('perm', 'perm(n, k=None) (vector ABI) -> rax=n! / (n - k)! (0 for k > n; n! for k None), or EXC (ValueError "n must be a non-negative integer", OverflowError "k must not exceed 9223372036854775807")', (a, fail, out) => {
    const zero = a.newLabel();
    const big = a.newLabel();
    const some = a.newLabel();
    const counted = a.newLabel();
    const withK = a.newLabel();
    noKeywords(a, 'perm', fail);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.lea(rax, mem(r13, -1));
    a.cmp(rax, 1);
    a.jbe(counted);
    // _PyArg_CheckPositional("perm", nargs, 1, 2)
    a.mov(rcx, r13);
    a.lea(rdx, rip(sym('str_math_perm')));
    a.lea(rsi, rip(sym('msg_math_perm_few')));
    a.lea(rax, rip(sym('msg_math_perm_many')));
    a.test(r13, r13);
    a.cmovne(rsi, rax);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(counted);
    a.cmp(r13, 2);
    a.jne(withK);
    a.mov(rax, qword(mem(r12, 8)));
    a.cmp(rax, g('rt_const_None'));
    a.jne(withK);
    a.mov(r13, 1);
    a.bind(withK);
    {
      // perm(n) and perm(n, None) are factorial(n)
      const two = a.newLabel();
      a.cmp(r13, 2);
      a.je(two);
      a.mov(rdi, r12);
      a.mov(esi, 1);
      a.xor(edx, edx);
      a.call(sym('rt_math_factorial'));
      a.jmp(out);
      a.bind(two);
    }
    a.mov(rdi, qword(mem(r12)));
    index(a, fail);
    a.mov(r14, rax);
    a.mov(rdi, qword(mem(r12, 8)));
    index(a, fail);
    a.mov(r15, rax);
    checkNonNegative(a, fail);
    a.mov(rdi, r14);
    a.mov(rsi, r15);
    a.call(sym('rt_int_cmp'));
    a.cmp(eax, -1);
    a.je(zero);
    toI64(a, r15, big);
    a.mov(r15, rax);
    a.test(r15, r15);
    a.jne(some);
    a.mov(rax, ONE);
    a.jmp(out);
    a.bind(some);
    fallingProduct(a, false, fail);
    a.jmp(out);
    a.bind(zero);
    a.mov(rax, ZERO);
    a.jmp(out);
    a.bind(big);
    a.mov(rdx, (1n << 63n) - 1n);
    raise(a, 'OverflowError', 'msg_math_perm_big', fail);
  }),
  entry('isqrt', 'isqrt(n) (vector ABI) -> rax=the floor of the square root of n, or EXC (ValueError "isqrt() argument must be nonnegative")', (a, fail, out, argError) => {
    const neg = a.newLabel();
    const loop = a.newLabel();
    const done = a.newLabel();
    const nonzero = a.newLabel();
    mathArgChecks(a, 'isqrt', 'o', argError);
    a.mov(rdi, qword(mem(r12)));
    index(a, fail);
    a.mov(r14, rax);
    jumpIfNegative(a, r14, neg);
    a.mov(rax, ZERO);
    a.cmp(r14, rax);
    a.jne(nonzero);
    a.jmp(out);
    a.bind(nonzero);
    // x = 2 ** ceil(bits / 2) >= sqrt(n)
    a.mov(rdi, r14);
    a.call(sym('rt_int_bits'));
    a.inc(rax);
    a.shr(rax, 1);
    a.mov(rdi, rax);
    a.call(sym('rt_int_from_i64'));
    a.mov(rdi, ONE);
    a.mov(rsi, rax);
    intOp(a, 'lshift', fail);
    a.mov(r15, rax);
    a.bind(loop);
    // y = (x + n // x) >> 1; stop when y >= x
    a.mov(rdi, r14);
    a.mov(rsi, r15);
    intOp(a, 'floordiv', fail);
    a.mov(rdi, r15);
    a.mov(rsi, rax);
    intOp(a, 'add', fail);
    a.mov(rdi, rax);
    a.mov(rsi, ONE);
    intOp(a, 'rshift', fail);
    a.mov(rbx, rax);
    a.mov(rdi, rbx);
    a.mov(rsi, r15);
    a.call(sym('rt_int_cmp'));
    a.cmp(eax, -1);
    a.jne(done);
    a.mov(r15, rbx);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r15);
    a.jmp(out);
    a.bind(neg);
    raise(a, 'ValueError', 'msg_math_isqrt_neg', fail);
  }),
  entry('prod', "prod(iterable, /, *, start=1) (vector ABI) -> rax=start * x0 * x1 * ... with the generic *, or EXC (TypeError \"prod() takes exactly 1 positional argument (0 given)\", \"prod() takes at most 2 arguments (3 given)\", \"'x' is an invalid keyword argument for prod()\", the iteration's and the products' errors)", (a, fail, out) => {
    const posOk = a.newLabel();
    const loop = a.newLabel();
    const done = a.newLabel();
    a.mov(r12, rdi);
    a.mov(r13, rsi); // all argument words
    a.mov(r15, rsi); // positional ones
    a.mov(r14, ONE); // start
    {
      const noKw = a.newLabel();
      const countOk = a.newLabel();
      const isStart = a.newLabel();
      a.test(rdx, rdx);
      a.je(noKw);
      a.mov(rbx, rdx);
      unboxPtr(a, rbx);
      a.mov(rax, qword(mem(rbx, TUPLE.length)));
      a.sub(r15, rax);
      a.test(rax, rax);
      a.je(noKw);
      a.cmp(r13, 2);
      a.jbe(countOk);
      a.lea(rdx, rip(sym('str_math_prod')));
      a.mov(rcx, r13);
      raise(a, 'TypeError', 'msg_math_prod_many', fail);
      a.bind(countOk);
      // one keyword: it must be start (a str equal to 'start')
      a.mov(rdi, qword(mem(rbx, TUPLE.items)));
      a.mov(rsi, g('math_const_start'));
      a.call(sym('rt_str_eq'));
      a.test(eax, eax);
      a.jne(isStart);
      a.mov(rdx, qword(mem(rbx, TUPLE.items)));
      a.lea(rcx, rip(sym('str_math_prod')));
      raise(a, 'TypeError', 'msg_math_bad_kw', fail);
      a.bind(isStart);
      a.mov(r14, qword(sib(r12, r13, 8, -8)));
      a.bind(noKw);
    }
    a.cmp(r15, 1);
    a.je(posOk);
    a.lea(rdx, rip(sym('str_math_prod')));
    a.mov(rcx, r15);
    raise(a, 'TypeError', 'msg_math_prod_pos', fail);
    a.bind(posOk);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_cont_iter'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(rbx, rax);
    a.bind(loop);
    a.mov(rdi, rbx);
    a.call(sym('rt_cont_next'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(rcx, UNBOUND);
    a.cmp(rax, rcx);
    a.je(done);
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    a.mov(edx, OP.mul);
    a.call(sym('rt_binary_op'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(r14, rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r14);
  }),
];

export const mathIntModule: RuntimeModule = {
  name: 'mathint',
  routines,
  data: [
    ...['gcd', 'lcm', 'factorial', 'comb', 'perm', 'isqrt', 'prod'].map((n) => cstr(`str_math_${n}`, n)),
    cstr('msg_math_factorial_neg', 'factorial() not defined for negative values'),
    cstr('msg_math_factorial_big', 'factorial() argument should not exceed %d'),
    cstr('msg_math_n_negative', 'n must be a non-negative integer'),
    cstr('msg_math_k_negative', 'k must be a non-negative integer'),
    cstr('msg_math_comb_big', 'min(n - k, k) must not exceed %d'),
    cstr('msg_math_perm_big', 'k must not exceed %d'),
    cstr('msg_math_perm_few', '%s expected at least 1 argument, got %d'),
    cstr('msg_math_perm_many', '%s expected at most 2 arguments, got %d'),
    cstr('msg_math_isqrt_neg', 'isqrt() argument must be nonnegative'),
    cstr('msg_math_prod_pos', '%s() takes exactly 1 positional argument (%d given)'),
    cstr('msg_math_prod_many', '%s() takes at most 2 arguments (%d given)'),
    cstr('msg_math_bad_kw', "'%U' is an invalid keyword argument for %s()"),
    { name: 'math_str_start', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'start') },
    { name: 'math_const_start', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:math_str_start')) },
  ] satisfies RuntimeDatum[],
};
