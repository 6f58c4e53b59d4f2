// Runtime math kernels: mathdd.ts's bit-level helpers and mathexp.ts's exponentials,
// logarithms and pow, ported operation for operation (see mathkit.ts).
//
// Role: C-level functions of the native libm, `rt_mathk_<name>`: doubles in xmm0 (xmm1),
// result in xmm0, C99 Annex F special values, never raising (the Python-level error mapping
// is mathmodule.ts's). They compute exactly what src/interp/numeric/mathexp.ts computes, so
// the interpreter and compiled programs print the same digits; the algorithms (dd argument
// reduction, tables of 2^(j/128) and log(c), one final rounding) are documented there.
//
// The coefficient lists are rebuilt here with mathdd.ts's own functions (ddInvInt), as
// mathexp.ts builds them, so they are the same doubles; tests/native/math.test.ts compares
// every kernel with the TypeScript one on random inputs, bit for bit.

import { type Assembler, eax, ecx, rax, rcx, rdx, xmm0, xmm1 } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { ddInvInt } from '../../src/interp/numeric/mathdd.js';
import * as T from '../../src/interp/numeric/mathtables.js';
import { LiteralPool } from './floatkit.js';
import { type DV, type FK, type Val, f64Table, kernel } from './mathkit.js';

const ddInv = ddInvInt;

function ddInvFact(n: number): [number, number] {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return ddInvInt(f) as [number, number];
}
const invFact = (n: number): number => ddInvFact(n)[0];

const EXP_HI: [number, number][] = [[1, 0], [1, 0], [0.5, 0], ddInvFact(3), ddInvFact(4), ddInvFact(5)];
const EXP_TAIL = [6, 7, 8, 9, 10].map(invFact);
const INV_LN2_128 = 128 * T.INV_LN2_HI;
const EXPM1_HI: [number, number][] = [[0, 0], [1, 0], [0.5, 0], ddInvFact(3), ddInvFact(4), ddInvFact(5)];
const EXPM1_TAIL = [6, 7, 8, 9, 10, 11].map(invFact);
const EXPM1_SMALL = 0.0027;
const LOG_HI: [number, number][] = [
  [0, 0], [1, 0], [-0.5, 0], ddInv(3) as [number, number], [-0.25, 0], ddInv(5) as [number, number],
  [-ddInv(6)[0], -ddInv(6)[1]], ddInv(7) as [number, number],
];
const LOG_TAIL = [8, 9, 10, 11, 12, 13, 14].map((n) => (n % 2 === 0 ? -1 : 1) / n);
const SQRT2 = 1.4142135623730951;
const TWO54 = 18014398509481984;
const DBL_MIN = 2.2250738585072014e-308;

const P2_1023 = 2 ** 1023;
const P2_M969 = 2 ** -969;
const P2_54 = 2 ** 54;

/** The table entry (hi, lo) of a flat mathtables.ts array. */
function pairs(name: string, values: readonly number[]) {
  return f64Table(name, values);
}

// ---- helpers shared by the kernels ----------------------------------------------------------

/** ToInt32-free `(hw >>> 20) - 1023`-style exponent of a positive double, as a double. */
function biasedExponent(k: FK, x: Val): Val {
  return k.intResult([x], () => {
    k.toScratch(x, xmm0);
    k.a.movq(rax, xmm0);
    k.a.shr(rax, 52);
    k.a.and(eax, 0x7ff);
  });
}

/** The double with x's mantissa and the biased exponent `be` (x > 0 normal). */
function withExponent(k: FK, x: Val, be: number): Val {
  k.toScratch(x, xmm0);
  k.a.movq(rax, xmm0);
  k.a.mov(rcx, 0x000f_ffff_ffff_ffffn);
  k.a.and(rax, rcx);
  k.a.mov(rcx, BigInt(be) << 52n);
  k.a.or(rax, rcx);
  k.a.movq(xmm0, rax);
  return k.fromScratch(xmm0);
}

/** isOddInteger(y) of mathexp.ts as a condition. */
export function isOddInteger(k: FK, y: Val): ReturnType<FK['eq']> {
  const flag = k.intResult([y], () => {
    const no = k.a.newLabel();
    const done = k.a.newLabel();
    k.toScratch(y, xmm0);
    k.a.movq(rax, xmm0);
    k.a.btr(rax, 63);
    k.a.mov(rcx, 0x4340_0000_0000_0000n); // 2^53
    k.a.cmp(rax, rcx);
    k.a.jae(no);
    k.a.cvttsd2si(rax, xmm0);
    k.a.cvtsi2sd(xmm1, rax);
    k.a.ucomisd(xmm1, xmm0);
    k.a.jne(no);
    k.a.and(eax, 1);
    k.a.jmp(done);
    k.a.bind(no);
    k.a.xor(eax, eax);
    k.a.bind(done);
  });
  return k.eq(flag, k.c(1));
}

/** copysign(x, y) of mathfns.ts: |x| with y's sign bit. */
export function copySign(k: FK, x: Val, y: Val): Val {
  k.toScratch(y, xmm1);
  k.toScratch(x, xmm0);
  k.a.movq(rax, xmm1);
  k.a.movq(rcx, xmm0);
  k.a.shr(rax, 63);
  k.a.shl(rax, 63);
  k.a.btr(rcx, 63);
  k.a.or(rax, rcx);
  k.a.movq(xmm0, rax);
  return k.fromScratch(xmm0);
}

/** JavaScript's `a % b` for integer-valued doubles (the sign of a). */
function intRem(k: FK, x: Val, m: number): Val {
  return k.intResult([x], () => {
    k.toInt(x);
    k.a.cqo();
    k.a.mov(ecx, m);
    k.a.idiv(rcx);
    k.a.mov(rax, rdx);
  });
}

/** expKernel(xh, xl) -> [hi, lo, k] */
function expKernelBody(k: FK, xh: Val, xl: Val): [Val, Val, Val] {
  const n = k.floor(k.add(k.mul(xh, k.c(INV_LN2_128)), k.c(0.5)));
  const mn = k.neg(n);
  let r = k.twoSum(xh, k.mul(mn, k.c(T.EXP_L1)));
  r = k.ddAdd(r, k.twoProd(mn, k.c(T.EXP_L2)));
  r = k.ddAddD(r, k.sub(xl, k.mul(n, k.c(T.EXP_L3))));
  const j = k.andInt(n, 127);
  const p = k.ddPoly(r, EXP_HI, EXP_TAIL);
  const res = k.ddMul(k.table('math_exp2_table', j), p);
  return [res[0], res[1], k.div(k.sub(n, j), k.c(128))];
}

function expKernelCall(k: FK, xh: Val, xl: Val): [Val, Val, Val] {
  const [h, l, e] = k.call('rt_mathk_exp_kernel', [xh, xl], 3);
  return [h!, l!, e!];
}

function logKernelCall(k: FK, xh: Val, xl: Val): DV {
  const [h, l] = k.call('rt_mathk_log_kernel', [xh, xl], 2);
  return [h!, l!];
}

function logCall(k: FK, x: Val): Val {
  return k.call('rt_mathk_log', [x], 1)[0]!;
}

export const mathExpModule: RuntimeModule = {
  name: 'mathexp',
  routines: [
    {
      name: 'rt_mathk_scalbn',
      contract: 'xmm0=x, xmm1=n (an integer-valued double) -> xmm0=x * 2^n with mathdd.scalbn\'s staging; clobbers rax rcx xmm1; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const notBig = a.newLabel();
        const final = a.newLabel();
        a.cvttsd2si(rax, xmm1);
        a.cmp(rax, 1023);
        a.jle(notBig);
        for (let i = 0; i < 2; i++) {
          a.mulsd(xmm0, pool.f64(P2_1023));
          a.sub(rax, 1023);
          a.cmp(rax, 1023);
          a.jle(final);
        }
        a.mov(eax, 1023);
        a.jmp(final);
        a.bind(notBig);
        a.cmp(rax, -1022);
        a.jge(final);
        for (let i = 0; i < 2; i++) {
          a.mulsd(xmm0, pool.f64(P2_M969));
          a.add(rax, 969);
          a.cmp(rax, -1022);
          a.jge(final);
        }
        a.mov(rax, -1022);
        a.bind(final);
        a.add(rax, 1023);
        a.shl(rax, 52);
        a.movq(xmm1, rax);
        a.mulsd(xmm0, xmm1);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_mathk_exponent',
      contract: 'xmm0=x -> xmm0=exponentOf(x) of mathdd.ts as a double (subnormals included); clobbers rax xmm1; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const sub = a.newLabel();
        a.movq(rax, xmm0);
        a.shr(rax, 52);
        a.and(eax, 0x7ff);
        a.je(sub);
        a.sub(rax, 1023);
        a.cvtsi2sd(xmm0, rax);
        a.ret();
        a.bind(sub);
        a.mulsd(xmm0, pool.f64(P2_54));
        a.movq(rax, xmm0);
        a.shr(rax, 52);
        a.and(eax, 0x7ff);
        a.sub(rax, 1023 + 54);
        a.cvtsi2sd(xmm0, rax);
        a.ret();
        pool.emit();
      },
    },
    kernel('rt_mathk_round_scaled', 'xmm0=hi, xmm1=lo, xmm2=k -> xmm0=roundScaled(hi, lo, k) of mathdd.ts (one rounding, subnormals included); clobbers caller-saved', 3, 24, (k, [hi, lo, e]) => {
      k.if(k.or(k.eq(hi!, k.c(0)), k.not(k.isFinite(hi!))), () => k.ret(k.scalbn(hi!, e!)));
      const ex = k.add(k.exponentOf(hi!), e!);
      k.if(k.ge(ex, k.c(-1022)), () => k.ret(k.scalbn(hi!, e!)));
      const av = k.scalbn(hi!, e!);
      const d = k.sub(hi!, k.scalbn(av, k.neg(e!)));
      const halfGrid = k.scalbn(k.c(1), k.sub(k.c(-1075), e!));
      const loPos = k.gt(lo!, k.c(0));
      const dPos = k.gt(d, k.c(0));
      const sameSide = k.or(k.and(loPos, dPos), k.and(k.not(loPos), k.not(dPos)));
      k.if(k.and(k.ne(lo!, k.c(0)), k.and(k.eq(k.abs(d), halfGrid), sameSide)), () => {
        k.ret(k.add(av, k.select(dPos, () => k.c(5e-324), () => k.c(-5e-324))));
      });
      k.ret(av);
    }),
    kernel('rt_mathk_exp_kernel', 'xmm0=xh, xmm1=xl (|xh| <= 1100) -> xmm0=hi, xmm1=lo, xmm2=k: e^(xh+xl) = (hi+lo) * 2^k (mathexp.expKernel); clobbers caller-saved', 2, 120, (k, [xh, xl]) => {
      k.ret(...expKernelBody(k, xh!, xl!));
    }),
    kernel('rt_mathk_exp', 'xmm0=x -> xmm0=e^x (mathexp.exp); clobbers caller-saved', 1, 24, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.gt(x!, k.c(709.8)), () => k.ret(k.c(Infinity)));
      k.if(k.lt(x!, k.c(-745.2)), () => k.ret(k.c(0)));
      const [h, l, e] = expKernelCall(k, x!, k.c(0));
      k.ret(k.roundScaled(h, l, e));
    }),
    kernel('rt_mathk_exp2', 'xmm0=x -> xmm0=2^x (mathexp.exp2); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.ge(x!, k.c(1024)), () => k.ret(k.c(Infinity)));
      k.if(k.lt(x!, k.c(-1080)), () => k.ret(k.c(0)));
      const n = k.floor(k.add(k.mul(x!, k.c(128)), k.c(0.5)));
      const d = k.sub(x!, k.div(n, k.c(128)));
      const r = k.ddAdd(k.twoProd(d, k.c(T.LN2_HI)), [k.mul(d, k.c(T.LN2_LO)), k.c(0)]);
      const j = k.andInt(n, 127);
      const p = k.ddPoly(r, EXP_HI, EXP_TAIL);
      const res = k.ddMul(k.table('math_exp2_table', j), p);
      k.ret(k.roundScaled(res[0], res[1], k.div(k.sub(n, j), k.c(128))));
    }),
    kernel('rt_mathk_expm1_kernel', 'xmm0=x (finite, in [-40, 700]) -> xmm0=hi, xmm1=lo: e^x - 1 as a dd (mathexp.expm1Kernel); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.lt(k.abs(x!), k.c(EXPM1_SMALL)), () => k.ret(...k.ddPoly([x!, k.c(0)], EXPM1_HI, EXPM1_TAIL)));
      const [h, l, e] = expKernelCall(k, x!, k.c(0));
      const s = k.scalbn(k.c(1), e);
      k.ret(...k.ddAddD([k.mul(h, s), k.mul(l, s)], k.c(-1)));
    }),
    kernel('rt_mathk_expm1', 'xmm0=x -> xmm0=e^x - 1 (mathexp.expm1); clobbers caller-saved', 1, 24, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.gt(x!, k.c(709.8)), () => k.ret(k.c(Infinity)));
      k.if(k.lt(x!, k.c(-40)), () => k.ret(k.c(-1)));
      k.if(k.eq(x!, k.c(0)), () => k.ret(x!));
      k.if(k.gt(x!, k.c(700)), () => {
        const [h, l, e] = expKernelCall(k, x!, k.c(0));
        k.ret(k.roundScaled(h, l, e));
      });
      k.ret(k.call('rt_mathk_expm1_kernel', [x!], 2)[0]!);
    }),
    kernel('rt_mathk_log_kernel', 'xmm0=xh, xmm1=xl (xh + xl > 0 finite) -> xmm0=hi, xmm1=lo: ln(xh + xl) as a dd (mathexp.logKernel); clobbers caller-saved', 2, 160, (k, [xh0, xl0]) => {
      const xh = k.var(xh0!);
      const xl = k.var(xl0!);
      const e = k.var(k.c(0));
      k.if(k.lt(xh, k.c(DBL_MIN)), () => {
        k.set(xh, k.mul(xh, k.c(TWO54)));
        k.set(xl, k.mul(xl, k.c(TWO54)));
        k.set(e, k.c(-54));
      });
      const ex = k.var(k.sub(biasedExponent(k, xh), k.c(1023)));
      const mh = k.var(withExponent(k, xh, 0x3ff));
      const ml = k.var(k.scalbn(xl, k.neg(ex)));
      k.if(k.gt(mh, k.c(SQRT2)), () => {
        k.set(mh, k.mul(mh, k.c(0.5)));
        k.set(ml, k.mul(ml, k.c(0.5)));
        k.set(ex, k.add(ex, k.c(1)));
      });
      k.set(e, k.add(e, ex));
      const j = k.floor(k.add(k.mul(mh, k.c(128)), k.c(0.5)));
      const idx = k.sub(j, k.c(T.LOG_J0));
      const invc = k.table1('math_log_invc', idx);
      const [p, pe] = k.twoProd(mh, invc);
      const r0 = k.twoSum(k.sub(p, k.c(1)), pe);
      const rh = k.var(r0[0]);
      const rl = k.var(r0[1]);
      k.if(k.ne(ml, k.c(0)), () => {
        const r = k.ddAddD([rh, rl], k.mul(ml, invc));
        k.set(rh, r[0]);
        k.set(rl, r[1]);
      });
      const l1p = k.ddPoly([rh, rl], LOG_HI, LOG_TAIL);
      const s0 = k.table('math_log_negloginvc', idx);
      const sh = k.var(s0[0]);
      const sl = k.var(s0[1]);
      k.if(k.ne(e, k.c(0)), () => {
        const el = k.ddAdd(k.twoProd(e, k.c(T.LN2_B)), [k.mul(e, k.c(T.LN2_C)), k.c(0)]);
        const s = k.ddAdd(k.ddAdd([k.mul(e, k.c(T.LN2_A)), k.c(0)], el), [sh, sl]);
        k.set(sh, s[0]);
        k.set(sl, s[1]);
      });
      k.ret(...k.ddAdd([sh, sl], l1p));
    }),
    kernel('rt_mathk_log', 'xmm0=x -> xmm0=ln x (mathexp.log); clobbers caller-saved', 1, 16, (k, [x]) => {
      k.if(k.not(k.gt(x!, k.c(0))), () => {
        k.if(k.eq(x!, k.c(0)), () => k.ret(k.c(-Infinity)));
        k.if(k.isNaN(x!), () => k.ret(x!));
        k.ret(k.c(NaN));
      });
      k.if(k.eq(x!, k.c(Infinity)), () => k.ret(x!));
      k.ret(logKernelCall(k, x!, k.c(0))[0]);
    }),
    kernel('rt_mathk_log2', 'xmm0=x -> xmm0=log2 x (mathexp.log2); clobbers caller-saved', 1, 60, (k, [x]) => {
      k.if(k.not(k.gt(x!, k.c(0))), () => {
        k.if(k.eq(x!, k.c(0)), () => k.ret(k.c(-Infinity)));
        k.if(k.isNaN(x!), () => k.ret(x!));
        k.ret(k.c(NaN));
      });
      k.if(k.eq(x!, k.c(Infinity)), () => k.ret(x!));
      k.ret(k.ddMul(logKernelCall(k, x!, k.c(0)), k.cdd([T.INV_LN2_HI, T.INV_LN2_LO]))[0]);
    }),
    kernel('rt_mathk_log10', 'xmm0=x -> xmm0=log10 x, glibc\'s method (mathexp.log10); clobbers caller-saved', 1, 40, (k, [x0]) => {
      k.if(k.not(k.gt(x0!, k.c(0))), () => {
        k.if(k.eq(x0!, k.c(0)), () => k.ret(k.c(-Infinity)));
        k.if(k.isNaN(x0!), () => k.ret(x0!));
        k.ret(k.c(NaN));
      });
      k.if(k.eq(x0!, k.c(Infinity)), () => k.ret(x0!));
      const x = k.var(x0!);
      const e = k.var(k.c(0));
      k.if(k.lt(x, k.c(DBL_MIN)), () => {
        k.set(e, k.c(-54));
        k.set(x, k.mul(x, k.c(TWO54)));
      });
      k.set(e, k.add(e, k.sub(biasedExponent(k, x), k.c(1023))));
      const i = k.select(k.lt(e, k.c(0)), () => k.c(1), () => k.c(0));
      const xm = k.select(
        k.lt(e, k.c(0)),
        () => withExponent(k, x, 0x3fe),
        () => withExponent(k, x, 0x3ff),
      );
      const y = k.add(e, i);
      const z = k.add(k.mul(y, k.c(T.LOG10_2LO)), k.mul(k.c(T.INV_LN10_HI), logCall(k, xm)));
      k.ret(k.add(z, k.mul(y, k.c(T.LOG10_2HI))));
    }),
    kernel('rt_mathk_log1p', 'xmm0=x -> xmm0=ln(1 + x) (mathexp.log1p); clobbers caller-saved', 1, 16, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.le(x!, k.c(-1)), () => {
        k.if(k.eq(x!, k.c(-1)), () => k.ret(k.c(-Infinity)));
        k.ret(k.c(NaN));
      });
      k.if(k.or(k.eq(x!, k.c(Infinity)), k.eq(x!, k.c(0))), () => k.ret(x!));
      const [h, l] = k.twoSum(k.c(1), x!);
      k.ret(logKernelCall(k, h, l)[0]);
    }),
    kernel('rt_mathk_pow_positive', 'xmm0=ax, xmm1=y (ax > 0 finite, != 1; y finite, != 0) -> xmm0=ax^y (mathexp powPositive); clobbers caller-saved', 2, 60, (k, [ax, y]) => {
      const L = logKernelCall(k, ax!, k.c(0));
      const approx = k.mul(y!, L[0]);
      k.if(k.gt(approx, k.c(710)), () => k.ret(k.c(Infinity)));
      k.if(k.lt(approx, k.c(-746)), () => k.ret(k.c(0)));
      const t = k.ddMulD(L, y!);
      const [h, l, e] = expKernelCall(k, t[0], t[1]);
      k.ret(k.roundScaled(h, l, e));
    }),
    kernel('rt_mathk_pow', 'xmm0=x, xmm1=y -> xmm0=x^y with C99 special cases (mathexp.pow); clobbers caller-saved', 2, 24, (k, [x, y]) => {
      k.if(k.or(k.eq(y!, k.c(0)), k.eq(x!, k.c(1))), () => k.ret(k.c(1)));
      k.if(k.or(k.isNaN(x!), k.isNaN(y!)), () => k.ret(k.c(NaN)));
      const ay = k.abs(y!);
      k.if(k.eq(ay, k.c(Infinity)), () => {
        const ax = k.abs(x!);
        k.if(k.eq(ax, k.c(1)), () => k.ret(k.c(1)));
        const big = k.gt(ax, k.c(1));
        const up = k.gt(y!, k.c(0));
        k.if(k.or(k.and(big, up), k.and(k.not(big), k.not(up))), () => k.ret(k.c(Infinity)));
        k.ret(k.c(0));
      });
      k.if(k.eq(x!, k.c(0)), () => {
        const odd = isOddInteger(k, y!);
        k.if(k.lt(y!, k.c(0)), () => {
          k.if(odd, () => k.ret(k.div(k.c(1), x!)));
          k.ret(k.c(Infinity));
        });
        k.if(odd, () => k.ret(x!));
        k.ret(k.c(0));
      });
      k.if(k.eq(x!, k.c(Infinity)), () => k.ret(k.select(k.gt(y!, k.c(0)), () => k.c(Infinity), () => k.c(0))));
      k.if(k.eq(x!, k.c(-Infinity)), () => {
        const odd = isOddInteger(k, y!);
        k.if(k.gt(y!, k.c(0)), () => k.ret(k.select(odd, () => k.c(-Infinity), () => k.c(Infinity))));
        k.ret(k.select(odd, () => k.c(-0), () => k.c(0)));
      });
      k.if(k.lt(x!, k.c(0)), () => {
        k.if(k.ne(k.trunc(y!), y!), () => k.ret(k.c(NaN)));
        const r = k.select(
          k.eq(x!, k.c(-1)),
          () => k.c(1),
          () => k.call('rt_mathk_pow_positive', [k.neg(x!), y!], 1)[0]!,
        );
        k.ret(k.select(isOddInteger(k, y!), () => k.neg(r), () => r));
      });
      k.ret(k.call('rt_mathk_pow_positive', [x!, y!], 1)[0]!);
    }),
    kernel('rt_mathk_cbrt', 'xmm0=x -> xmm0=cube root, correctly rounded (mathexp.cbrt); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.or(k.eq(x!, k.c(0)), k.not(k.isFinite(x!))), () => k.ret(x!));
      const ax = k.var(k.abs(x!));
      const scale = k.var(k.c(0));
      k.if(
        k.lt(ax, k.c(1e-300)),
        () => {
          k.set(ax, k.mul(ax, k.c(5.846006549323612e48)));
          k.set(scale, k.c(-54));
        },
        () => {
          k.if(k.gt(ax, k.c(1e300)), () => {
            k.set(ax, k.div(ax, k.c(5.846006549323612e48)));
            k.set(scale, k.c(54));
          });
        },
      );
      const e = k.var(k.add(k.exponentOf(ax), k.c(1)));
      const r = k.var(intRem(k, e, 3));
      k.if(k.lt(r, k.c(0)), () => k.set(r, k.add(r, k.c(3))));
      k.if(k.ne(r, k.c(0)), () => k.set(e, k.add(e, k.sub(k.c(3), r))));
      const m = k.scalbn(ax, k.neg(e));
      let y = k.add(k.c(0.4), k.mul(m, k.sub(k.c(1.1), k.mul(k.c(0.5), m))));
      for (let i = 0; i < 5; i++) {
        y = k.sub(y, k.div(k.sub(k.mul(k.mul(y, y), y), m), k.mul(k.mul(k.c(3), y), y)));
      }
      y = k.scalbn(y, k.div(e, k.c(3)));
      const [a, b] = k.twoProd(y, y);
      const [c, d0] = k.twoProd(a, y);
      const d = k.add(d0, k.mul(b, y));
      const corr = k.div(k.sub(k.sub(ax, c), d), k.mul(k.c(3), a));
      const res = k.scalbn(k.add(y, corr), scale);
      k.ret(k.select(k.lt(x!, k.c(0)), () => k.neg(res), () => res));
    }),
    kernel('rt_mathk_float_pow', 'xmm0=x, xmm1=y -> xmm0=x ** y (mathfns.floatPow), xmm1=status: 0 ok, 1 ZeroDivisionError (0.0 to a negative power), 2 complex result (negative base, fractional power), 3 OverflowError; clobbers caller-saved', 2, 40, (k, [x, y]) => {
      const ok = (v: Val): void => k.ret(v, k.c(0));
      k.if(k.eq(y!, k.c(0)), () => ok(k.c(1)));
      k.if(k.isNaN(x!), () => ok(x!));
      k.if(k.isNaN(y!), () => ok(k.select(k.eq(x!, k.c(1)), () => k.c(1), () => y!)));
      k.if(k.eq(k.abs(y!), k.c(Infinity)), () => {
        const ax = k.abs(x!);
        k.if(k.eq(ax, k.c(1)), () => ok(k.c(1)));
        const up = k.gt(y!, k.c(0));
        const big = k.gt(ax, k.c(1));
        ok(k.select(k.or(k.and(up, big), k.and(k.not(up), k.not(big))), () => k.c(Infinity), () => k.c(0)));
      });
      k.if(k.eq(k.abs(x!), k.c(Infinity)), () => {
        const odd = isOddInteger(k, y!);
        k.if(k.gt(y!, k.c(0)), () => ok(k.select(odd, () => x!, () => k.abs(x!))));
        ok(k.select(odd, () => copySign(k, k.c(0), x!), () => k.c(0)));
      });
      k.if(k.eq(x!, k.c(0)), () => {
        k.if(k.lt(y!, k.c(0)), () => k.ret(k.c(0), k.c(1)));
        ok(k.select(isOddInteger(k, y!), () => x!, () => k.c(0)));
      });
      const ax = k.var(x!);
      const negate = k.var(k.c(0));
      k.if(k.lt(x!, k.c(0)), () => {
        k.if(k.ne(y!, k.floor(y!)), () => k.ret(k.c(0), k.c(2)));
        k.set(ax, k.neg(x!));
        k.set(negate, k.select(isOddInteger(k, y!), () => k.c(1), () => k.c(0)));
      });
      const neg = k.eq(negate, k.c(1));
      k.if(k.eq(ax, k.c(1)), () => ok(k.select(neg, () => k.c(-1), () => k.c(1))));
      const r = k.call('rt_mathk_pow', [ax, y!], 1)[0]!;
      k.if(k.eq(r, k.c(Infinity)), () => k.ret(r, k.c(3)));
      ok(k.select(neg, () => k.neg(r), () => r));
    }),
  ],
  data: [
    pairs('math_exp2_table', T.EXP2_TABLE),
    f64Table('math_log_invc', T.LOG_INVC),
    pairs('math_log_negloginvc', T.LOG_NEGLOGINVC),
  ],
};
