// Runtime: the math module's functions beyond float -> float (Modules/mathmodule.c of
// CPython 3.11, computed as src/interp/numeric/mathfns.ts computes them).
//
// Role: floor/ceil/trunc (int results), frexp/modf/ldexp, log/log2/log10 (ints of any size
// included: _PyLong_Frexp beyond the double range), fmod/remainder/pow/nextafter/ulp (the
// double-level parts of mathmodule.ts's two-argument entries), hypot/dist (vector_norm:
// scaling, Dekker squaring, compensated sums, a correction of the square root), fsum
// (Shewchuk's exact partials with CPython's half-even fix-up) and isclose. Entries follow
// mathmodule.ts's conventions (vector ABI, CPython's messages).
//
// Known gaps (docs/float.md): fsum and dist take lists and tuples only (other iterables need
// the generic iteration protocol), objects with __float__/__index__ are not converted, and
// factorial/gcd/lcm/comb/perm/isqrt/prod belong with the int area.

import {
  type Assembler, type Label, al, byte, cl, dl, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r10, r10d, r11, r11d, r12, r13, r13d, r14, r15, r8, r8d, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1, xmm2, xmm3, xmm4, xmm5,
} from '../../src/asm/index.js';
import { BIGINT, LIST, STR, TAG_INT, TAG_MIN, TAG_OBJ, TUPLE, UNBOUND, VALUES, boxInt } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { F64_ABS, F64_MANT, F64_SIGN, LiteralPool } from './floatkit.js';
import { copySign } from './mathexp.js';
import { type FK, type Val, kernel } from './mathkit.js';
import { mathArg, mathArgChecks } from './mathmodule.js';

const T27 = 134217729; // 2^27 + 1
/** Partials of fsum kept on the stack (the exact sum of doubles needs about 40 at most). */
const FSUM_PARTIALS = 128;

/** Weak pointer of floatmethods.ts to the int area's rt_int_from_double. */
function callIntFromDouble(a: Assembler<any>): void {
  a.call(qword(rip(sym('float_weak_rt_int_from_double'))));
}

/** The cFmod of mathdd.ts: rt_float_fmod_d on two values, inside a kernel. */
function fmodK(k: FK, x: Val, y: Val): Val {
  return k.call('rt_float_fmod_d', [x, y], 1, [0, 1])[0]!;
}

/** Items of a tuple or list in rdi: rax = address of the first item word, rdx = count; jumps to `notSeq` otherwise. */
function seqItems(a: Assembler<any>, v: typeof rdi, notSeq: Label): void {
  const tuple = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, v);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(notSeq);
  a.mov(rax, v);
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.mov(rcx, qword(mem(rax)));
  a.lea(rdx, rip(sym('type_tuple')));
  a.cmp(rcx, rdx);
  a.je(tuple);
  a.lea(rdx, rip(sym('type_list')));
  a.cmp(rcx, rdx);
  a.jne(notSeq);
  a.mov(rdx, qword(mem(rax, LIST.length)));
  a.mov(rax, qword(mem(rax, LIST.items)));
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.add(rax, VALUES.items);
  a.jmp(done);
  a.bind(tuple);
  a.mov(rdx, qword(mem(rax, TUPLE.length)));
  a.add(rax, TUPLE.items);
  a.bind(done);
}

export const mathModule2: RuntimeModule = {
  name: 'mathmodule2',
  routines: [
    // ---- double-level parts of the two-argument functions ----
    kernel('rt_mathk_remainder', 'xmm0=x, xmm1=y -> xmm0=IEEE 754 remainder (mathfns cRemainder: NaN for y = 0 or infinite x); clobbers caller-saved', 2, 40, (k, [x, y]) => {
      k.if(k.and(k.isFinite(x!), k.isFinite(y!)), () => {
        k.if(k.eq(y!, k.c(0)), () => k.ret(k.c(NaN)));
        const absx = k.abs(x!);
        const absy = k.abs(y!);
        const m = fmodK(k, absx, absy);
        const c = k.sub(absy, m);
        const r = k.var();
        k.if(k.lt(m, c), () => k.set(r, m), () =>
          k.if(k.gt(m, c), () => k.set(r, k.neg(c)), () =>
            k.set(r, k.sub(m, k.mul(k.c(2), fmodK(k, k.mul(k.c(0.5), k.sub(absx, m)), absy)))),
          ),
        );
        k.ret(k.mul(copySign(k, k.c(1), x!), r));
      });
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.isNaN(y!), () => k.ret(y!));
      k.if(k.not(k.isFinite(x!)), () => k.ret(k.c(NaN)));
      k.ret(x!);
    }),
    kernel('rt_mathk_mpow', 'xmm0=x, xmm1=y -> xmm0=math.pow(x, y) (mathfns.pow), xmm1=status: 0, 1 domain error, 2 range error; clobbers caller-saved', 2, 40, (k, [x, y]) => {
      const ok = (v: Val): void => k.ret(v, k.c(0));
      k.if(k.or(k.not(k.isFinite(x!)), k.not(k.isFinite(y!))), () => {
        k.if(k.isNaN(x!), () => ok(k.select(k.eq(y!, k.c(0)), () => k.c(1), () => x!)));
        k.if(k.isNaN(y!), () => ok(k.select(k.eq(x!, k.c(1)), () => k.c(1), () => y!)));
        k.if(k.eq(k.abs(x!), k.c(Infinity)), () => {
          const odd = k.var(k.c(0));
          k.if(k.isFinite(y!), () => k.if(k.eq(fmodK(k, k.abs(y!), k.c(2)), k.c(1)), () => k.set(odd, k.c(1))));
          const isOdd = k.eq(odd, k.c(1));
          k.if(k.gt(y!, k.c(0)), () => ok(k.select(isOdd, () => x!, () => k.abs(x!))));
          k.if(k.eq(y!, k.c(0)), () => ok(k.c(1)));
          ok(k.select(isOdd, () => copySign(k, k.c(0), x!), () => k.c(0)));
        });
        const ax = k.abs(x!);
        k.if(k.eq(ax, k.c(1)), () => ok(k.c(1)));
        k.if(k.and(k.gt(y!, k.c(0)), k.gt(ax, k.c(1))), () => ok(y!));
        k.if(k.and(k.lt(y!, k.c(0)), k.lt(ax, k.c(1))), () => ok(k.neg(y!)));
        ok(k.c(0));
      });
      const r = k.call('rt_mathk_pow', [x!, y!], 1)[0]!;
      k.if(k.isNaN(r), () => k.ret(r, k.c(1)));
      k.if(k.eq(k.abs(r), k.c(Infinity)), () => k.ret(r, k.select(k.eq(x!, k.c(0)), () => k.c(1), () => k.c(2))));
      ok(r);
    }),
    {
      name: 'rt_math_nextafter_d',
      contract: 'xmm0=x, xmm1=y -> xmm0=the double next to x toward y (C nextafter, mathfns cNextafter); clobbers rax rcx rdx xmm0; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const notNan = a.newLabel();
        const notEq = a.newLabel();
        const notZero = a.newLabel();
        const up = a.newLabel();
        const neg = a.newLabel();
        a.ucomisd(xmm0, xmm1);
        a.jnp(notNan);
        a.addsd(xmm0, xmm1); // x + y: the NaN
        a.ret();
        a.bind(notNan);
        a.jne(notEq);
        a.movapd(xmm0, xmm1); // x == y: y
        a.ret();
        a.bind(notEq);
        a.movq(rax, xmm0);
        a.mov(rcx, rax);
        a.add(rcx, rcx);
        a.jne(notZero);
        // x == 0: the smallest subnormal toward y
        a.xorpd(xmm0, xmm0);
        a.ucomisd(xmm1, xmm0);
        a.movsd(xmm0, pool.f64(5e-324));
        a.ja(up);
        a.movsd(xmm0, pool.f64(-5e-324));
        a.bind(up);
        a.ret();
        a.bind(notZero);
        // away from zero: bits + 1; toward zero: bits - 1 ((y > x) == (x > 0))
        a.ucomisd(xmm1, xmm0);
        a.seta(cl); // y > x
        a.test(rax, rax);
        a.setns(dl); // x > 0 (x is not 0 here)
        a.cmp(dl, cl);
        a.jne(neg);
        a.inc(rax);
        a.movq(xmm0, rax);
        a.ret();
        a.bind(neg);
        a.dec(rax);
        a.movq(xmm0, rax);
        a.ret();
        pool.emit();
      },
    },
    kernel('rt_math_ulp_d', 'xmm0=x -> xmm0=the value of the last bit of x (mathfns.ulp); clobbers caller-saved', 1, 24, (k, [x0]) => {
      k.if(k.isNaN(x0!), () => k.ret(x0!));
      const x = k.abs(x0!);
      k.if(k.eq(x, k.c(Infinity)), () => k.ret(x));
      const x2 = k.call('rt_math_nextafter_d', [x, k.c(Infinity)], 1, [0, 1])[0]!;
      k.if(k.eq(x2, k.c(Infinity)), () => k.ret(k.sub(x, k.call('rt_math_nextafter_d', [x, k.c(-Infinity)], 1, [0, 1])[0]!)));
      k.ret(k.sub(x2, x));
    }),
    {
      name: 'rt_math_fmod_d',
      contract: 'xmm0=x, xmm1=y -> rax=float value math.fmod(x, y) (x for finite x and infinite y; ValueError "math domain error" for a NaN from non-NaN arguments); may allocate, may raise',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const general = a.newLabel();
        const ok = a.newLabel();
        a.movapd(xmm2, xmm1);
        a.andpd(xmm2, pool.m128(F64_ABS, 0n));
        a.ucomisd(xmm2, pool.f64(Infinity));
        a.jp(general); // y is nan
        a.jne(general);
        a.movapd(xmm3, xmm0);
        a.andpd(xmm3, pool.m128(F64_ABS, 0n));
        a.ucomisd(xmm3, pool.f64(Infinity));
        a.jae(general); // x inf or nan (unordered sets CF)
        a.movq(rax, xmm0);
        a.ret();
        a.bind(general);
        a.movapd(xmm4, xmm0);
        a.movapd(xmm5, xmm1);
        a.sub(rsp, 8);
        a.call(sym('rt_float_fmod_d'));
        a.add(rsp, 8);
        a.ucomisd(xmm0, xmm0);
        a.jnp(ok);
        a.ucomisd(xmm4, xmm4);
        a.jp(ok);
        a.ucomisd(xmm5, xmm5);
        a.jp(ok);
        a.jmp(sym('rt_math_raise_domain'));
        a.bind(ok);
        a.movq(rax, xmm0);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_math_remainder_d',
      contract: 'xmm0=x, xmm1=y -> rax=float value math.remainder(x, y), or EXC (math_2); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.sub(rsp, 24);
        a.movsd(qword(mem(rsp)), xmm0);
        a.movsd(qword(mem(rsp, 8)), xmm1);
        a.call(sym('rt_mathk_remainder'));
        a.movsd(xmm1, qword(mem(rsp)));
        a.movsd(xmm2, qword(mem(rsp, 8)));
        a.add(rsp, 24);
        a.jmp(sym('rt_math_result2'));
      },
    },
    {
      name: 'rt_math_pow_d',
      contract: 'xmm0=x, xmm1=y -> rax=float value math.pow(x, y), or EXC ("math domain error", "math range error"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const domain = a.newLabel();
        a.sub(rsp, 8);
        a.call(sym('rt_mathk_mpow'));
        a.add(rsp, 8);
        a.cvttsd2si(eax, xmm1);
        a.cmp(eax, 1);
        a.je(domain);
        a.ja(sym('rt_math_raise_range'));
        a.movq(rax, xmm0);
        a.ret();
        a.bind(domain);
        a.jmp(sym('rt_math_raise_domain'));
      },
    },
    // ---- int results ----
    ...(['floor', 'ceil', 'trunc'] as const).map(
      (name): RuntimeRoutine => ({
        name: `rt_math_${name}`,
        contract: `vector ABI: math.${name}(x) -> int (ints returned as they are, bools as 0/1; ValueError / OverflowError for nan and inf); may allocate, may raise`,
        emit(a: Assembler<any>) {
          const saved = [r12, r13] as const;
          const fail = a.newLabel();
          const out = a.newLabel();
          const notFloat = a.newLabel();
          const notSmall = a.newLabel();
          const bad = a.newLabel();
          prologue(a, saved, 8);
          mathArgChecks(a, name, 'o', fail);
          a.mov(rdi, qword(mem(r12)));
          a.mov(rax, rdi);
          a.shr(rax, 48);
          a.cmp(eax, TAG_MIN);
          a.jae(notFloat);
          if (name !== 'trunc') {
            a.movq(xmm0, rdi);
            a.call(sym(`rt_float_${name}_d`));
            a.movq(rdi, xmm0);
          }
          callIntFromDouble(a);
          a.jmp(out);
          a.bind(notFloat);
          a.mov(rax, rdi);
          a.shr(rax, 48);
          a.cmp(eax, TAG_INT);
          a.jne(notSmall);
          a.mov(rax, rdi); // an int: itself
          a.jmp(out);
          a.bind(notSmall);
          a.cmp(eax, TAG_OBJ);
          a.jne(bad);
          a.mov(rax, boxInt(1n));
          a.cmp(rdi, g('rt_const_True'));
          a.je(out);
          a.mov(rax, boxInt(0n));
          a.cmp(rdi, g('rt_const_False'));
          a.je(out);
          a.mov(rax, rdi);
          a.shl(rax, 16);
          a.shr(rax, 16);
          a.mov(rcx, qword(mem(rax)));
          a.lea(rdx, rip(sym('type_int')));
          a.cmp(rcx, rdx);
          a.mov(rax, rdi);
          a.je(out); // a big int: itself
          a.bind(bad);
          a.lea(rdi, rip(sym('type_TypeError')));
          if (name === 'trunc') {
            a.push(qword(mem(r12)));
            a.pop(rdi);
            a.call(sym('rt_type_of'));
            a.mov(rdx, rax);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym('msg_math_no_trunc')));
          } else {
            a.lea(rsi, rip(sym('msg_math_real')));
            a.mov(rdx, qword(mem(r12)));
          }
          a.bind(fail);
          a.call(sym('rt_raise_fmt'));
          a.bind(out);
          epilogue(a, saved, 8);
        },
      }),
    ),
    // ---- frexp, modf, ldexp ----
    kernel('rt_mathk_frexp', 'xmm0=x -> xmm0=m, xmm1=e: x = m 2^e, 0.5 <= |m| < 1 ((x, 0) for 0, inf, nan; mathfns.frexp); clobbers caller-saved', 1, 16, (k, [x]) => {
      k.if(k.or(k.eq(x!, k.c(0)), k.not(k.isFinite(x!))), () => k.ret(x!, k.c(0)));
      const e = k.add(k.exponentOf(x!), k.c(1));
      k.ret(k.scalbn(x!, k.neg(e)), e);
    }),
    kernel('rt_mathk_modf', 'xmm0=x -> xmm0=fractional part, xmm1=integer part, both with the sign of x (mathfns.modf); clobbers caller-saved', 1, 16, (k, [x]) => {
      k.if(k.eq(k.abs(x!), k.c(Infinity)), () => k.ret(copySign(k, k.c(0), x!), x!));
      k.if(k.isNaN(x!), () => k.ret(x!, x!));
      const ip = k.trunc(x!);
      k.ret(copySign(k, k.sub(x!, ip), x!), ip);
    }),
    ...(['frexp', 'modf'] as const).map(
      (name): RuntimeRoutine => ({
        name: `rt_math_${name}`,
        contract: `vector ABI: math.${name}(x) -> ${name === 'frexp' ? '(m, e) with e an int' : '(fraction, integer part) as floats'}; may allocate, may raise`,
        emit(a: Assembler<any>) {
          const saved = [r12, r13, r14] as const;
          const fail = a.newLabel();
          const raised = a.newLabel();
          const out = a.newLabel();
          prologue(a, saved, 8);
          mathArgChecks(a, name, 'o', fail);
          a.mov(rdi, qword(mem(r12)));
          mathArg(a, raised);
          a.call(sym(`rt_mathk_${name}`));
          a.movq(rdi, xmm0);
          if (name === 'frexp') {
            a.cvttsd2si(rsi, xmm1);
            a.shl(rsi, 16);
            a.shr(rsi, 16);
            a.mov(rax, boxInt(0n));
            a.or(rsi, rax);
          } else {
            a.movq(rsi, xmm1);
          }
          a.call(sym('rt_tuple_pack2'));
          a.bind(out);
          epilogue(a, saved, 8);
          a.bind(fail);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(raised);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
        },
      }),
    ),
    {
      name: 'rt_math_ldexp',
      contract: 'vector ABI: math.ldexp(x, i) -> x * 2**i with one rounding (i an int of any size; TypeError "Expected an int as second argument to ldexp.", OverflowError "math range error"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const fail = a.newLabel();
        const raised = a.newLabel();
        const out = a.newLabel();
        const haveN = a.newLabel();
        const notSmall = a.newLabel();
        const notInt = a.newLabel();
        const range = a.newLabel();
        prologue(a, saved, 8);
        mathArgChecks(a, 'ldexp', 'n2', fail);
        a.mov(rdi, qword(mem(r12)));
        mathArg(a, raised);
        a.movsd(qword(mem(rsp)), xmm0);
        // i: an int (PyLong_AsLongAndOverflow; past a long it saturates)
        a.mov(rdi, qword(mem(r12, 8)));
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_INT);
        a.jne(notSmall);
        a.mov(r14, rdi);
        a.shl(r14, 16);
        a.sar(r14, 16);
        a.jmp(haveN);
        a.bind(notSmall);
        a.cmp(eax, TAG_OBJ);
        a.jne(notInt);
        a.mov(r14, 1);
        a.cmp(rdi, g('rt_const_True'));
        a.je(haveN);
        a.xor(r14, r14);
        a.cmp(rdi, g('rt_const_False'));
        a.je(haveN);
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.lea(rcx, rip(sym('type_int')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(notInt);
        a.mov(r14, (1n << 62n));
        a.mov(rcx, -(1n << 62n));
        a.cmp(qword(mem(rax, BIGINT.sign)), 0);
        a.cmovl(r14, rcx);
        a.bind(haveN);
        {
          // zeros, infinities and NaNs unchanged; past the int range: overflow or a signed zero
          const finite = a.newLabel();
          const notBig = a.newLabel();
          const notTiny = a.newLabel();
          a.mov(rax, qword(mem(rsp)));
          a.mov(rcx, rax);
          a.add(rcx, rcx);
          a.je(out);
          a.shr(rcx, 53);
          a.cmp(ecx, 0x7ff);
          a.jne(finite);
          a.jmp(out);
          a.bind(finite);
          a.cmp(r14, 2147483647);
          a.jle(notBig);
          a.jmp(range);
          a.bind(notBig);
          a.cmp(r14, -2147483648);
          a.jge(notTiny);
          a.mov(rcx, F64_SIGN);
          a.and(rax, rcx);
          a.jmp(out);
          a.bind(notTiny);
          a.movsd(xmm0, qword(mem(rsp)));
          a.cvtsi2sd(xmm1, r14);
          a.call(sym('rt_mathk_scalbn'));
          a.movq(rax, xmm0);
          a.mov(rcx, rax);
          a.btr(rcx, 63);
          a.mov(rdx, 0x7ff0_0000_0000_0000n);
          a.cmp(rcx, rdx);
          a.je(range);
        }
        a.bind(out);
        epilogue(a, saved, 8);
        a.bind(range);
        a.call(sym('rt_math_raise_range'));
        a.jmp(out);
        a.bind(notInt);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_math_ldexp_int')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(fail);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    // ---- logarithms, ints of any size included ----
    {
      name: 'rt_math_bigint_frexp',
      contract: 'rdi=raw address of a positive big int -> xmm0=m in [0.5, 1), rax=e: the int = m 2^e with m its top 53 bits rounded half to even (_PyLong_Frexp, like Number(bigint)); clobbers rax rcx rdx rsi r8-r11 xmm0; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const digit = (i: typeof rcx) => dword(sib(rdi, i, 4, BIGINT.digits));
        const fill = a.newLabel();
        const filled = a.newLabel();
        const partial = a.newLabel();
        const stickyAll = a.newLabel();
        const stickyLoop = a.newLabel();
        const stickyDone = a.newLabel();
        const up = a.newLabel();
        const noUp = a.newLabel();
        const noCarry = a.newLabel();
        a.mov(rsi, qword(mem(rdi, BIGINT.ndigits)));
        a.lea(rcx, mem(rsi, -1));
        a.mov(r8d, digit(rcx)); // the top digit (nonzero)
        a.bsr(edx, r8d);
        a.inc(edx); // its bits
        a.mov(r9, rcx);
        a.shl(r9, 5);
        a.add(r9, rdx); // e = bit length
        a.mov(r10, rdx); // bits collected in r8
        a.xor(r11d, r11d); // sticky
        a.bind(fill);
        a.dec(rcx);
        a.js(filled);
        a.mov(eax, digit(rcx));
        a.cmp(r10, 32);
        a.ja(partial);
        a.shl(r8, 32);
        a.or(r8, rax);
        a.add(r10, 32);
        a.jmp(fill);
        a.bind(partial);
        a.cmp(r10, 64);
        a.je(stickyAll);
        // 64 - collected more bits (1..31) from the top of this digit; the rest is sticky
        a.mov(rsi, rcx);
        a.mov(ecx, 64);
        a.sub(ecx, r10d);
        a.shl(r8, cl);
        a.mov(edx, eax);
        a.mov(r10d, ecx); // taken
        a.mov(ecx, 32);
        a.sub(ecx, r10d);
        a.shr(eax, cl);
        a.or(r8, rax);
        a.mov(ecx, r10d);
        a.shl(edx, cl);
        a.or(r11d, edx);
        a.mov(rcx, rsi);
        a.jmp(stickyLoop);
        a.bind(stickyAll);
        a.or(r11d, eax);
        a.bind(stickyLoop);
        a.dec(rcx);
        a.js(stickyDone);
        a.or(r11d, digit(rcx));
        a.jmp(stickyLoop);
        a.bind(filled);
        a.mov(ecx, 64); // fewer than 64 bits: left-align
        a.sub(ecx, r10d);
        a.shl(r8, cl);
        a.bind(stickyDone);
        // the top 53 bits of r8, rounded half to even
        a.mov(rax, r8);
        a.shr(rax, 11);
        a.mov(rdx, r8);
        a.shl(rdx, 54); // the 10 bits below the round bit
        a.or(rdx, r11);
        a.bt(r8, 10);
        a.jnc(noUp);
        a.test(rdx, rdx);
        a.jne(up);
        a.test(al, 1);
        a.je(noUp);
        a.bind(up);
        a.inc(rax);
        a.bind(noUp);
        a.mov(rcx, 1n << 53n);
        a.cmp(rax, rcx);
        a.jne(noCarry);
        a.shr(rax, 1);
        a.inc(r9);
        a.bind(noCarry);
        a.cvtsi2sd(xmm0, rax);
        a.mulsd(xmm0, pool.f64(2 ** -53));
        a.mov(rax, r9);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_math_log_arg',
      contract: 'rdi=value, esi=0 ln, 1 log2, 2 log10 -> eax=1 and xmm0=its logarithm, or eax=0 with an exception raised (CPython loghelper: ints of any size on their own path, "math domain error" for ints <= 0 and for floats as math_1, "must be real number"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const kernels = ['rt_mathk_log', 'rt_mathk_log2', 'rt_mathk_log10'];
        const S = (o: number) => qword(mem(rsp, o));
        const out = a.newLabel();
        const notFloat = a.newLabel();
        const notSmall = a.newLabel();
        const domain = a.newLabel();
        const apply = a.newLabel(); // xmm0 = the argument: func(x) without further checks
        const huge = a.newLabel();
        const raised = a.newLabel();
        const callKernel = (): void => {
          const l0 = a.newLabel();
          const l1 = a.newLabel();
          const done = a.newLabel();
          a.cmp(r13d, 1);
          a.jb(l0);
          a.je(l1);
          a.call(sym(kernels[2]!));
          a.jmp(done);
          a.bind(l0);
          a.call(sym(kernels[0]!));
          a.jmp(done);
          a.bind(l1);
          a.call(sym(kernels[1]!));
          a.bind(done);
        };
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notFloat);
        // a float: math_1(x, func, 0)
        a.movq(xmm0, r12);
        callKernel();
        a.movq(xmm1, r12);
        a.xor(edi, edi);
        a.call(sym('rt_math_result1'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.movq(xmm0, rax);
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(notFloat);
        a.cmp(eax, TAG_INT);
        a.jne(notSmall);
        a.mov(rax, r12);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.test(rax, rax);
        a.jle(domain);
        a.cvtsi2sd(xmm0, rax); // exact
        a.jmp(apply);
        a.bind(notSmall);
        {
          const notBool = a.newLabel();
          const bad = a.newLabel();
          a.cmp(eax, TAG_OBJ);
          a.jne(bad);
          a.cmp(r12, g('rt_const_False'));
          a.je(domain);
          a.cmp(r12, g('rt_const_True'));
          a.jne(notBool);
          a.mov(rax, 0x3ff0_0000_0000_0000n);
          a.movq(xmm0, rax);
          a.jmp(apply);
          a.bind(notBool);
          a.mov(rdi, r12);
          a.shl(rdi, 16);
          a.shr(rdi, 16);
          a.lea(rcx, rip(sym('type_int')));
          a.cmp(qword(mem(rdi)), rcx);
          a.jne(bad);
          a.cmp(qword(mem(rdi, BIGINT.sign)), 0);
          a.jl(domain);
          // m 2^e: the double itself when it fits (e <= 1024), else log(m) + log(2) e
          a.call(sym('rt_math_bigint_frexp'));
          a.cmp(rax, 1024);
          a.jg(huge);
          a.cvtsi2sd(xmm1, rax);
          a.call(sym('rt_mathk_scalbn'));
          a.jmp(apply);
          a.bind(huge);
          a.cvtsi2sd(xmm1, rax);
          a.movsd(S(0), xmm1); // e
          callKernel();
          a.movsd(S(8), xmm0); // func(m)
          a.mov(rax, 0x4000_0000_0000_0000n); // 2.0
          a.movq(xmm0, rax);
          callKernel();
          a.mulsd(xmm0, S(0));
          a.addsd(xmm0, S(8));
          a.mov(eax, 1);
          a.jmp(out);
          a.bind(bad);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_math_real')));
          a.mov(rdx, r12);
          a.call(sym('rt_raise_fmt'));
          a.jmp(raised);
        }
        a.bind(apply);
        callKernel();
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(domain);
        a.call(sym('rt_math_raise_domain'));
        a.bind(raised);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_math_log',
      contract: 'vector ABI: math.log(x[, base]) ("math.log requires 1 to 2 arguments", "log() takes no keyword arguments"; ZeroDivisionError "float division by zero" for log base 1); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        const raised = a.newLabel();
        const noKw = a.newLabel();
        const countOk = a.newLabel();
        const one = a.newLabel();
        const notZero = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.test(rdx, rdx);
        a.je(noKw);
        a.mov(rax, rdx);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.je(noKw);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_math_log_kw')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(noKw);
        a.lea(rax, mem(r13, -1));
        a.cmp(rax, 1);
        a.jbe(countOk);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_math_log_args')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(countOk);
        a.mov(rdi, qword(mem(r12)));
        a.xor(esi, esi);
        a.call(sym('rt_math_log_arg'));
        a.test(eax, eax);
        a.je(raised);
        a.cmp(r13, 1);
        a.je(one);
        a.movsd(qword(mem(rsp)), xmm0);
        a.mov(rdi, qword(mem(r12, 8)));
        a.xor(esi, esi);
        a.call(sym('rt_math_log_arg'));
        a.test(eax, eax);
        a.je(raised);
        a.xorpd(xmm1, xmm1);
        a.ucomisd(xmm0, xmm1);
        a.jp(notZero);
        a.jne(notZero);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.lea(rsi, rip(sym('msg_float_div_zero')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(notZero);
        a.movapd(xmm1, xmm0);
        a.movsd(xmm0, qword(mem(rsp)));
        a.divsd(xmm0, xmm1);
        a.bind(one);
        a.movq(rax, xmm0);
        a.bind(out);
        epilogue(a, saved, 8);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    ...(['log2', 'log10'] as const).map(
      (name): RuntimeRoutine => ({
        name: `rt_math_${name}`,
        contract: `vector ABI: math.${name}(x) (ints of any size; "math domain error"); may allocate, may raise`,
        emit(a: Assembler<any>) {
          const saved = [r12, r13] as const;
          const fail = a.newLabel();
          const out = a.newLabel();
          const raised = a.newLabel();
          prologue(a, saved, 8);
          mathArgChecks(a, name, 'o', fail);
          a.mov(rdi, qword(mem(r12)));
          a.mov(esi, name === 'log2' ? 1 : 2);
          a.call(sym('rt_math_log_arg'));
          a.test(eax, eax);
          a.je(raised);
          a.movq(rax, xmm0);
          a.bind(out);
          epilogue(a, saved, 8);
          a.bind(fail);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(raised);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
        },
      }),
    ),
    // ---- hypot, dist: vector_norm ----
    kernel(
      'rt_mathk_vector_norm',
      'xmm0=max, xmm1=1.0 if a NaN was seen, xmm2=n, rdi=address of n doubles >= 0 -> xmm0=sqrt(sum x^2) (CPython vector_norm as mathfns.ts computes it); clobbers caller-saved',
      3,
      60,
      (k, [max, foundNan, n], [ptr]) => {
        k.if(k.eq(max!, k.c(Infinity)), () => k.ret(max!));
        k.if(k.eq(foundNan!, k.c(1)), () => k.ret(k.c(NaN)));
        k.if(k.or(k.eq(max!, k.c(0)), k.le(n!, k.c(1))), () => k.ret(max!));
        const maxE = k.add(k.exponentOf(max!), k.c(1));
        const csum = k.var(k.c(1));
        const frac1 = k.var(k.c(0));
        const frac2 = k.var(k.c(0));
        const frac3 = k.var(k.c(0));
        const i = k.var(k.c(0));
        /** csum += x, its rounding error added to `frac` (oldcsum - csum + x). */
        const step = (x: Val, frac: Val): void => {
          const old = k.var(csum);
          k.set(csum, k.add(csum, x));
          k.set(frac, k.add(frac, k.add(k.sub(old, csum), x)));
        };
        k.if(k.ge(maxE, k.c(-1023)), () => {
          const scale = k.scalbn(k.c(1), k.neg(maxE));
          k.loop(() => {
            k.breakIf(k.ge(i, n!));
            const x0 = k.mul(k.load(ptr!, i), scale);
            const t = k.mul(x0, k.c(T27));
            const hi = k.sub(t, k.sub(t, x0));
            const lo = k.sub(x0, hi);
            step(k.mul(hi, hi), frac1);
            step(k.mul(k.mul(k.c(2), hi), lo), frac2);
            k.set(frac3, k.add(frac3, k.mul(lo, lo)));
            k.set(i, k.add(i, k.c(1)));
          });
          const h = k.sqrt(k.add(k.sub(csum, k.c(1)), k.add(k.add(frac1, frac2), frac3)));
          const t = k.mul(h, k.c(T27));
          const hi = k.sub(t, k.sub(t, h));
          const lo = k.sub(h, hi);
          step(k.mul(k.neg(hi), hi), frac1);
          step(k.mul(k.mul(k.c(-2), hi), lo), frac2);
          step(k.mul(k.neg(lo), lo), frac3);
          const x = k.add(k.sub(csum, k.c(1)), k.add(k.add(frac1, frac2), frac3));
          k.ret(k.div(k.add(h, k.div(x, k.mul(k.c(2), h))), scale));
        });
        // ldexp(1.0, -max_e) would overflow: divide by max instead
        k.loop(() => {
          k.breakIf(k.ge(i, n!));
          const x0 = k.div(k.load(ptr!, i), max!);
          step(k.mul(x0, x0), frac1);
          k.set(i, k.add(i, k.c(1)));
        });
        k.ret(k.mul(max!, k.sqrt(k.add(k.sub(csum, k.c(1)), frac1))));
      },
      [rdi],
    ),
    ...(['hypot', 'dist'] as const).map(
      (name): RuntimeRoutine => ({
        name: `rt_math_${name}`,
        contract:
          name === 'hypot'
            ? 'vector ABI: math.hypot(*coordinates) (numbers; "math.hypot() takes no keyword arguments"); may allocate, may raise'
            : 'vector ABI: math.dist(p, q) for tuples and lists of numbers (ValueError "both points must have the same number of dimensions"); may allocate, may raise',
        emit(a: Assembler<any>) {
          // r12 = first items, r13 = count, r14 = second items (dist), rbx = index,
          // [rsp] = max, [rsp+8] = NaN seen, [rsp+16] = heap buffer (kept for the collector),
          // r15 = the buffer of |x| (the stack area when small)
          const STACK_N = 64;
          const FRAME = 32 + 8 * STACK_N;
          const saved = [rbx, r12, r13, r14, r15] as const;
          const S = (o: number) => qword(mem(rsp, o));
          const out = a.newLabel();
          const fail = a.newLabel();
          const raised = a.newLabel();
          const haveBuf = a.newLabel();
          const loop = a.newLabel();
          const done = a.newLabel();
          const pool = new LiteralPool(a);
          prologue(a, saved, FRAME);
          if (name === 'hypot') {
            const noKw = a.newLabel();
            a.mov(r12, rdi);
            a.mov(r13, rsi);
            a.test(rdx, rdx);
            a.je(noKw);
            a.mov(rax, rdx);
            a.shl(rax, 16);
            a.shr(rax, 16);
            a.cmp(qword(mem(rax, TUPLE.length)), 0);
            a.je(noKw);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym('msg_math_nokw')));
            a.lea(rdx, rip(sym('str_math_hypot')));
            a.jmp(fail);
            a.bind(noKw);
          } else {
            const notSeqP = a.newLabel();
            const notSeqQ = a.newLabel();
            const sameLen = a.newLabel();
            mathArgChecks(a, 'dist', 'n2', fail);
            a.mov(rdi, qword(mem(r12, 8)));
            seqItems(a, rdi, notSeqQ);
            a.mov(r14, rax);
            a.mov(rbx, rdx);
            a.mov(rdi, qword(mem(r12)));
            seqItems(a, rdi, notSeqP);
            a.mov(r12, rax);
            a.mov(r13, rdx);
            a.cmp(r13, rbx);
            a.je(sameLen);
            a.lea(rdi, rip(sym('type_ValueError')));
            a.lea(rsi, rip(sym('msg_math_dist_dims')));
            a.call(sym('rt_raise_cstr'));
            a.jmp(out);
            a.bind(notSeqQ);
            a.mov(rdx, qword(mem(r12, 8)));
            const raiseIter = a.newLabel();
            a.jmp(raiseIter);
            a.bind(notSeqP);
            a.mov(rdx, qword(mem(r12)));
            a.bind(raiseIter);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym('msg_math_not_iterable')));
            a.jmp(fail);
            a.bind(sameLen);
          }
          a.mov(S(16), 0);
          a.lea(r15, mem(rsp, 32));
          a.cmp(r13, STACK_N);
          a.jbe(haveBuf);
          a.lea(rdi, sib(undefined, r13, 8));
          a.mov(esi, 1);
          a.call(sym('rt_str_alloc'));
          a.mov(S(16), rax);
          a.lea(r15, mem(rax, STR.data));
          a.bind(haveBuf);
          a.mov(S(0), 0);
          a.mov(S(8), 0);
          a.xor(ebx, ebx);
          a.bind(loop);
          a.cmp(rbx, r13);
          a.jae(done);
          a.mov(rdi, qword(sib(r12, rbx, 8)));
          mathArg(a, raised);
          if (name === 'dist') {
            a.movsd(qword(sib(r15, rbx, 8)), xmm0);
            a.mov(rdi, qword(sib(r14, rbx, 8)));
            mathArg(a, raised);
            a.movapd(xmm1, xmm0);
            a.movsd(xmm0, qword(sib(r15, rbx, 8)));
            a.subsd(xmm0, xmm1);
          }
          a.andpd(xmm0, pool.m128(F64_ABS, 0n));
          {
            const notNan = a.newLabel();
            const notMax = a.newLabel();
            a.ucomisd(xmm0, xmm0);
            a.jnp(notNan);
            a.mov(S(8), 1);
            a.bind(notNan);
            a.ucomisd(xmm0, S(0));
            a.jbe(notMax);
            a.movsd(S(0), xmm0);
            a.bind(notMax);
          }
          a.movsd(qword(sib(r15, rbx, 8)), xmm0);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(done);
          a.movsd(xmm0, S(0));
          a.cvtsi2sd(xmm1, S(8));
          a.cvtsi2sd(xmm2, r13);
          a.mov(rdi, r15);
          a.call(sym('rt_mathk_vector_norm'));
          a.movq(rax, xmm0);
          a.bind(out);
          epilogue(a, saved, FRAME);
          a.bind(fail);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(raised);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
          pool.emit();
        },
      }),
    ),
    {
      name: 'rt_math_fsum',
      contract: 'vector ABI: math.fsum(iterable) for tuples and lists of numbers: the correctly rounded sum (Shewchuk partials as CPython msum; ValueError "-inf + inf in fsum", OverflowError "intermediate overflow in fsum"); may allocate, may raise',
      emit(a: Assembler<any>) {
        // rbx = partials in use, r12 = items, r13 = count, r14 = index, r15 = the iterable;
        // [rsp] = special sum, [rsp+8] = inf sum, [rsp+16] = xsave, partials from rsp+32
        const P = 32;
        const FRAME = P + 8 * FSUM_PARTIALS + 8;
        const saved = [rbx, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const part = (i: typeof rcx) => qword(sib(rsp, i, 8, P));
        const pool = new LiteralPool(a);
        const abs = () => pool.m128(F64_ABS, 0n);
        const inf = () => pool.f64(Infinity);
        const out = a.newLabel();
        const fail = a.newLabel();
        const raised = a.newLabel();
        const notSeq = a.newLabel();
        const items = a.newLabel();
        const next = a.newLabel();
        const itemsDone = a.newLabel();
        const overflow = a.newLabel();
        const tooMany = a.newLabel();
        const infMinusInf = a.newLabel();
        prologue(a, saved, FRAME);
        mathArgChecks(a, 'fsum', 'o', fail);
        a.mov(r15, qword(mem(r12)));
        seqItems(a, r15, notSeq);
        a.mov(r12, rax);
        a.mov(r13, rdx);
        a.xor(ebx, ebx);
        a.xor(r14, r14);
        a.mov(S(0), 0);
        a.mov(S(8), 0);
        a.bind(items);
        a.cmp(r14, r13);
        a.jae(itemsDone);
        a.mov(rdi, qword(sib(r12, r14, 8)));
        mathArg(a, raised);
        a.movsd(S(16), xmm0); // xsave
        {
          // x absorbs each partial: hi = x + y, lo = y - (hi - x) exactly (|x| >= |y|); the
          // nonzero lo's stay, in order
          const pl = a.newLabel();
          const plDone = a.newLabel();
          const noSwap = a.newLabel();
          const store = a.newLabel();
          const skip = a.newLabel();
          a.xor(ecx, ecx); // j
          a.xor(edx, edx); // i
          a.bind(pl);
          a.cmp(rcx, rbx);
          a.jae(plDone);
          a.movsd(xmm1, part(rcx)); // y
          a.movapd(xmm2, xmm0);
          a.andpd(xmm2, abs());
          a.movapd(xmm3, xmm1);
          a.andpd(xmm3, abs());
          a.ucomisd(xmm3, xmm2);
          a.jbe(noSwap); // only when |x| < |y|
          a.movapd(xmm2, xmm0);
          a.movapd(xmm0, xmm1);
          a.movapd(xmm1, xmm2);
          a.bind(noSwap);
          a.movapd(xmm2, xmm0);
          a.addsd(xmm2, xmm1); // hi
          a.movapd(xmm3, xmm2);
          a.subsd(xmm3, xmm0);
          a.subsd(xmm1, xmm3); // lo
          a.xorpd(xmm3, xmm3);
          a.ucomisd(xmm1, xmm3);
          a.jp(store); // lo !== 0 holds for NaN too
          a.je(skip);
          a.bind(store);
          a.movsd(part(rdx), xmm1);
          a.inc(rdx);
          a.bind(skip);
          a.movapd(xmm0, xmm2);
          a.inc(rcx);
          a.jmp(pl);
          a.bind(plDone);
          a.mov(rbx, rdx);
        }
        {
          // x != 0: a finite x becomes a partial; an inf or nan goes to the special sums
          const nonzero = a.newLabel();
          const notFinite = a.newLabel();
          const saveNotFinite = a.newLabel();
          const notInf = a.newLabel();
          a.xorpd(xmm3, xmm3);
          a.ucomisd(xmm0, xmm3);
          a.jp(nonzero);
          a.je(next);
          a.bind(nonzero);
          a.ucomisd(xmm0, xmm0);
          a.jp(notFinite);
          a.movapd(xmm2, xmm0);
          a.andpd(xmm2, abs());
          a.ucomisd(xmm2, inf());
          a.je(notFinite);
          a.cmp(rbx, FSUM_PARTIALS);
          a.jae(tooMany);
          a.movsd(part(rbx), xmm0);
          a.inc(rbx);
          a.jmp(next);
          a.bind(notFinite);
          // a finite summand gave this: an intermediate overflow
          a.movsd(xmm2, S(16));
          a.ucomisd(xmm2, xmm2);
          a.jp(saveNotFinite);
          a.andpd(xmm2, abs());
          a.ucomisd(xmm2, inf());
          a.jne(overflow);
          a.bind(saveNotFinite);
          a.movsd(xmm2, S(16));
          a.andpd(xmm2, abs());
          a.ucomisd(xmm2, inf());
          a.jp(notInf);
          a.jne(notInf);
          a.movsd(xmm2, S(8));
          a.addsd(xmm2, S(16));
          a.movsd(S(8), xmm2);
          a.bind(notInf);
          a.movsd(xmm2, S(0));
          a.addsd(xmm2, S(16));
          a.movsd(S(0), xmm2);
          a.xor(ebx, ebx);
        }
        a.bind(next);
        a.inc(r14);
        a.jmp(items);
        a.bind(itemsDone);
        {
          const normal = a.newLabel();
          const special = a.newLabel();
          const loop = a.newLabel();
          const loopDone = a.newLabel();
          const done = a.newLabel();
          const loNeg = a.newLabel();
          const fix = a.newLabel();
          a.movsd(xmm0, S(0));
          a.xorpd(xmm1, xmm1);
          a.ucomisd(xmm0, xmm1);
          a.jp(special);
          a.je(normal);
          a.bind(special);
          a.movsd(xmm1, S(8));
          a.ucomisd(xmm1, xmm1);
          a.jp(infMinusInf);
          a.movq(rax, xmm0);
          a.jmp(out);
          a.bind(normal);
          a.xorpd(xmm0, xmm0); // hi = 0
          a.test(rbx, rbx);
          a.je(done);
          a.lea(rcx, mem(rbx, -1));
          a.movsd(xmm0, part(rcx));
          a.xorpd(xmm1, xmm1); // lo
          a.bind(loop);
          a.test(rcx, rcx);
          a.je(loopDone);
          a.movapd(xmm2, xmm0); // x = hi
          a.dec(rcx);
          a.movsd(xmm3, part(rcx)); // y
          a.movapd(xmm0, xmm2);
          a.addsd(xmm0, xmm3); // hi = x + y
          a.movapd(xmm4, xmm0);
          a.subsd(xmm4, xmm2); // yr = hi - x
          a.movapd(xmm1, xmm3);
          a.subsd(xmm1, xmm4); // lo = y - yr
          a.xorpd(xmm5, xmm5);
          a.ucomisd(xmm1, xmm5);
          a.jp(loopDone);
          a.je(loop);
          a.bind(loopDone);
          // half-even across partials: lo and the next partial of the same sign
          a.test(rcx, rcx);
          a.je(done);
          a.movsd(xmm3, qword(sib(rsp, rcx, 8, P - 8))); // p[n - 1]
          a.xorpd(xmm5, xmm5);
          a.ucomisd(xmm5, xmm1);
          a.ja(loNeg);
          a.ucomisd(xmm1, xmm5);
          a.jbe(done); // lo is not > 0
          a.ucomisd(xmm3, xmm5);
          a.ja(fix);
          a.jmp(done);
          a.bind(loNeg);
          a.ucomisd(xmm5, xmm3);
          a.jbe(done);
          a.bind(fix);
          a.movapd(xmm2, xmm1);
          a.mulsd(xmm2, pool.f64(2)); // y = lo * 2
          a.movapd(xmm3, xmm0);
          a.addsd(xmm3, xmm2); // x = hi + y
          a.movapd(xmm4, xmm3);
          a.subsd(xmm4, xmm0); // yr = x - hi
          a.ucomisd(xmm2, xmm4);
          a.jp(done);
          a.jne(done);
          a.movapd(xmm0, xmm3);
          a.bind(done);
          a.movq(rax, xmm0);
        }
        a.bind(out);
        epilogue(a, saved, FRAME);
        a.bind(fail);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(notSeq);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_math_not_iterable')));
        a.mov(rdx, r15);
        a.jmp(fail);
        a.bind(overflow);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_math_fsum_overflow')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(infMinusInf);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_math_fsum_inf')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(tooMany); // cannot happen for doubles (about 40 partials at most)
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('msg_math_fsum_partials')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        pool.emit();
      },
    },
    kernel('rt_mathk_isclose', 'xmm0=a, xmm1=b, xmm2=rel_tol, xmm3=abs_tol -> xmm0=1.0 if close, 0.0 if not, 2.0 for a negative tolerance (mathfns.isclose); clobbers caller-saved', 4, 24, (k, [x, y, rel, abst]) => {
      k.if(k.or(k.lt(rel!, k.c(0)), k.lt(abst!, k.c(0))), () => k.ret(k.c(2)));
      k.if(k.eq(x!, y!), () => k.ret(k.c(1)));
      k.if(k.or(k.eq(k.abs(x!), k.c(Infinity)), k.eq(k.abs(y!), k.c(Infinity))), () => k.ret(k.c(0)));
      const diff = k.abs(k.sub(y!, x!));
      const close = k.or(k.or(k.le(diff, k.abs(k.mul(rel!, y!))), k.le(diff, k.abs(k.mul(rel!, x!)))), k.le(diff, abst!));
      k.ret(k.select(close, () => k.c(1), () => k.c(0)));
    }),
    {
      name: 'rt_math_kw_is',
      contract: 'rdi=str value, rsi=NUL-terminated ASCII -> eax=1 if they hold the same text, else 0; clobbers rax rcx rdx; no alloc',
      emit(a: Assembler<any>) {
        const no = a.newLabel();
        const loop = a.newLabel();
        const end = a.newLabel();
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.cmp(byte(mem(rax, STR.kind)), 1);
        a.jne(no);
        a.xor(ecx, ecx);
        a.bind(loop);
        a.movzx(edx, byte(sib(rsi, rcx, 1)));
        a.test(edx, edx);
        a.je(end);
        a.cmp(rcx, qword(mem(rax, STR.length)));
        a.jae(no);
        a.cmp(dl, byte(sib(rax, rcx, 1, STR.data)));
        a.jne(no);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(end);
        a.cmp(rcx, qword(mem(rax, STR.length)));
        a.jne(no);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_math_isclose',
      contract: 'vector ABI: math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) with Argument Clinic\'s messages (missing, duplicate and unknown arguments; ValueError "tolerances must be non-negative"); may allocate, may raise',
      emit(a: Assembler<any>) {
        // [rsp+0..24] = a, b, rel_tol, abs_tol words (UNBOUND when absent), then their doubles
        const saved = [rbx, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const FRAME = 72;
        const out = a.newLabel();
        const raised = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved, FRAME);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.xor(ebx, ebx); // keyword count
        {
          const noKw = a.newLabel();
          a.test(r14, r14);
          a.je(noKw);
          a.mov(rax, r14);
          a.shl(rax, 16);
          a.shr(rax, 16);
          a.mov(rbx, qword(mem(rax, TUPLE.length)));
          a.bind(noKw);
        }
        a.mov(r15, r13);
        a.sub(r15, rbx); // positional count
        {
          const ok = a.newLabel();
          a.cmp(r15, 2);
          a.jle(ok);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_math_isclose_pos')));
          a.mov(rdx, r15);
          a.jmp(fail);
          a.bind(ok);
        }
        a.mov(rax, UNBOUND);
        for (let i = 0; i < 4; i++) a.mov(S(8 * i), rax);
        for (let i = 0; i < 2; i++) {
          const skip = a.newLabel();
          a.cmp(r15, i + 1);
          a.jl(skip);
          a.mov(rax, qword(mem(r12, 8 * i)));
          a.mov(S(8 * i), rax);
          a.bind(skip);
        }
        {
          // keyword arguments, matched by name
          const loop = a.newLabel();
          const done = a.newLabel();
          const next = a.newLabel();
          const unknown = a.newLabel();
          a.xor(ecx, ecx);
          a.mov(S(56), 0); // keyword index
          a.bind(loop);
          a.mov(rcx, S(56));
          a.cmp(rcx, rbx);
          a.jae(done);
          const names = [['a', 0, 1], ['b', 1, 2], ['rel_tol', 2, 0], ['abs_tol', 3, 0]] as const;
          for (const [name, slot, pos] of names) {
            const notThis = a.newLabel();
            a.mov(rax, r14);
            a.shl(rax, 16);
            a.shr(rax, 16);
            a.mov(rcx, S(56));
            a.mov(rdi, qword(sib(rax, rcx, 8, TUPLE.items)));
            a.lea(rsi, rip(sym(`str_math_kw_${name}`)));
            a.call(sym('rt_math_kw_is'));
            a.test(eax, eax);
            a.je(notThis);
            if (pos > 0) {
              const free = a.newLabel();
              a.cmp(r15, pos);
              a.jl(free);
              a.lea(rdi, rip(sym('type_TypeError')));
              a.lea(rsi, rip(sym('msg_math_isclose_dup')));
              a.lea(rdx, rip(sym(`str_math_kw_${name}`)));
              a.mov(ecx, pos);
              a.jmp(fail);
              a.bind(free);
            }
            a.mov(rcx, S(56));
            a.add(rcx, r15);
            a.mov(rax, qword(sib(r12, rcx, 8)));
            a.mov(S(8 * slot), rax);
            a.jmp(next);
            a.bind(notThis);
          }
          a.jmp(unknown);
          a.bind(next);
          a.inc(S(56));
          a.jmp(loop);
          a.bind(unknown);
          a.mov(rax, r14);
          a.shl(rax, 16);
          a.shr(rax, 16);
          a.mov(rcx, S(56));
          a.mov(rdx, qword(sib(rax, rcx, 8, TUPLE.items)));
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_math_isclose_kw')));
          a.jmp(fail);
          a.bind(done);
        }
        for (const [slot, name] of [[0, 'a'], [1, 'b']] as const) {
          const present = a.newLabel();
          a.mov(rax, UNBOUND);
          a.cmp(S(8 * slot), rax);
          a.jne(present);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym(`msg_math_isclose_missing_${name}`)));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(present);
        }
        // convert in order: a, b, rel_tol (1e-09), abs_tol (0.0)
        const pool = new LiteralPool(a);
        for (let i = 0; i < 4; i++) {
          const dflt = a.newLabel();
          const have = a.newLabel();
          if (i >= 2) {
            a.mov(rax, UNBOUND);
            a.cmp(S(8 * i), rax);
            a.je(dflt);
          }
          a.mov(rdi, S(8 * i));
          mathArg(a, raised);
          a.jmp(have);
          a.bind(dflt);
          a.movsd(xmm0, pool.f64(i === 2 ? 1e-9 : 0));
          a.bind(have);
          a.movsd(S(32 + 8 * i), xmm0);
        }
        a.movsd(xmm0, S(32));
        a.movsd(xmm1, S(40));
        a.movsd(xmm2, S(48));
        a.movsd(xmm3, S(56));
        a.call(sym('rt_mathk_isclose'));
        a.cvttsd2si(eax, xmm0);
        {
          const notErr = a.newLabel();
          const no = a.newLabel();
          a.cmp(eax, 2);
          a.jne(notErr);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_math_isclose_tol')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(notErr);
          a.test(eax, eax);
          a.je(no);
          a.mov(rax, g('rt_const_True'));
          a.jmp(out);
          a.bind(no);
          a.mov(rax, g('rt_const_False'));
        }
        a.bind(out);
        epilogue(a, saved, FRAME);
        a.bind(fail);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        pool.emit();
      },
    },
  ],
  data: [
    ...['floor', 'ceil', 'trunc', 'frexp', 'modf', 'ldexp', 'log2', 'log10', 'hypot', 'dist', 'fsum'].map((n) => cstr(`str_math_${n}`, n)),
    ...['a', 'b', 'rel_tol', 'abs_tol'].map((n) => cstr(`str_math_kw_${n}`, n)),
    cstr('msg_math_log_kw', 'log() takes no keyword arguments'),
    cstr('msg_math_log_args', 'math.log requires 1 to 2 arguments'),
    cstr('msg_math_dist_dims', 'both points must have the same number of dimensions'),
    cstr('msg_math_not_iterable', "'%T' object is not iterable"),
    cstr('msg_math_fsum_overflow', 'intermediate overflow in fsum'),
    cstr('msg_math_fsum_inf', '-inf + inf in fsum'),
    cstr('msg_math_fsum_partials', 'fsum: too many partials'),
    cstr('msg_math_isclose_pos', 'isclose() takes exactly 2 positional arguments (%d given)'),
    cstr('msg_math_isclose_dup', "argument for isclose() given by name ('%s') and position (%d)"),
    cstr('msg_math_isclose_kw', "'%U' is an invalid keyword argument for isclose()"),
    cstr('msg_math_isclose_missing_a', "isclose() missing required argument 'a' (pos 1)"),
    cstr('msg_math_isclose_missing_b', "isclose() missing required argument 'b' (pos 2)"),
    cstr('msg_math_isclose_tol', 'tolerances must be non-negative'),
    cstr('msg_math_no_trunc', "type %N doesn't define __trunc__ method"),
    cstr('msg_math_ldexp_int', 'Expected an int as second argument to ldexp.'),
  ] satisfies RuntimeDatum[],
};
