// Runtime math kernels: mathhyp.ts's hyperbolic functions and inverses, and mathspecial.ts's
// erf/erfc and CPython's own gamma/lgamma, ported operation for operation (see mathkit.ts).
//
// Role: rt_mathk_cosh/sinh/tanh/asinh/acosh/atanh/erf/erfc (xmm0 -> xmm0) and
// rt_mathk_tgamma/lgamma (xmm0 -> xmm0 = value, xmm1 = the errno CPython's m_tgamma/m_lgamma
// leave: 0, EDOM 33, ERANGE 34), C-level and never raising, the same bits as
// src/interp/numeric/mathhyp.ts and mathspecial.ts. The coefficient lists are rebuilt here
// with mathdd.ts's functions exactly as those files build them.

import type { RuntimeModule } from '../../src/native/rt.js';
import { ddDiv, ddMulD, ddNeg } from '../../src/interp/numeric/mathdd.js';
import * as T from '../../src/interp/numeric/mathtables.js';
import { type DV, type FK, type Val, f64Table, kernel } from './mathkit.js';
import { signOf } from './mathtrig.js';

const LN2 = 0.6931471805599453;
const TINY = 7.450580596923828e-9;

// erf(x) = 2/sqrt(pi) * x * sum_n (-1)^n u^n / (n! (2n+1)), as mathspecial.ts builds it
const ERF_COEFFS: [number, number][] = [];
{
  let fact: readonly [number, number] = [1, 0];
  for (let n = 0; n <= 21; n++) {
    if (n > 0) fact = ddMulD(fact, n);
    const c = ddDiv([1, 0], ddMulD(fact, 2 * n + 1));
    ERF_COEFFS.push((n % 2 === 0 ? c : ddNeg(c)) as [number, number]);
  }
}
const ERF_HI = ERF_COEFFS.slice(0, 12);
const ERF_TAIL = ERF_COEFFS.slice(12).map((c) => c[0]);
const TWO_OVER_SQRTPI: [number, number] = [T.TWO_OVER_SQRTPI_HI, T.TWO_OVER_SQRTPI_LO];
const TWO_OVER_SQRTPI_NEG = ddNeg(TWO_OVER_SQRTPI) as [number, number];
const ERFCX_TERMS_DD = 12;

const EDOM = 33;
const ERANGE = 34;
const PI = 3.141592653589793;
const LOGPI = 1.1447298858494002;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0,
  87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
  2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];

const call1 = (k: FK, name: string, x: Val): Val => k.call(`rt_mathk_${name}`, [x], 1)[0]!;

function expm1KernelCall(k: FK, x: Val): DV {
  const [h, l] = k.call('rt_mathk_expm1_kernel', [x], 2);
  return [h!, l!];
}

/** log1pDD(u) of mathhyp.ts: ln(1 + u) for a dd u > -1. */
function log1pDD(k: FK, u: DV): Val {
  const [h, l] = k.twoSum(k.c(1), u[0]);
  return k.call('rt_mathk_log_kernel', [h, k.add(l, u[1])], 2)[0]!;
}

/** x < 0 ? -w : w */
function withSignOf(k: FK, x: Val, w: Val): Val {
  return k.select(k.lt(x, k.c(0)), () => k.neg(w), () => w);
}

/** erfSmall(x) of mathspecial.ts: erf x as a dd for |x| < 0.5. */
function erfSmall(k: FK, x: Val): DV {
  const p = k.ddPoly(k.twoSquare(x), ERF_HI, ERF_TAIL);
  return k.ddMul(k.ddMulD(p, x), k.cdd(TWO_OVER_SQRTPI));
}

function erfcLargeCall(k: FK, x: Val): [Val, Val, Val] {
  const [h, l, e] = k.call('rt_mathk_erfc_large', [x], 3);
  return [h!, l!, e!];
}

/** lanczosSum(x) of mathspecial.ts (CPython's lanczos_sum), the loops unrolled. */
function lanczosSum(k: FK, x: Val): Val {
  const r = k.var();
  k.if(
    k.lt(x, k.c(5)),
    () => {
      let num = k.c(0);
      let den = k.c(0);
      for (let i = LANCZOS_NUM.length - 1; i >= 0; i--) {
        num = k.add(k.mul(num, x), k.c(LANCZOS_NUM[i]!));
        den = k.add(k.mul(den, x), k.c(LANCZOS_DEN[i]!));
      }
      k.set(r, k.div(num, den));
    },
    () => {
      let num = k.c(0);
      let den = k.c(0);
      for (let i = 0; i < LANCZOS_NUM.length; i++) {
        num = k.add(k.div(num, x), k.c(LANCZOS_NUM[i]!));
        den = k.add(k.div(den, x), k.c(LANCZOS_DEN[i]!));
      }
      k.set(r, k.div(num, den));
    },
  );
  return r;
}

export const mathHypModule: RuntimeModule = {
  name: 'mathhyp',
  routines: [
    kernel('rt_mathk_cosh', 'xmm0=x -> xmm0=cosh x (mathhyp.cosh); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.eq(ax, k.c(Infinity)), () => k.ret(k.c(Infinity)));
      const ix = k.highWord(ax);
      k.if(k.lt(ix, k.c(0x3fd62e43)), () => {
        k.if(k.lt(ax, k.c(TINY)), () => k.ret(k.c(1)));
        const e = expm1KernelCall(k, ax);
        const w = k.ddAddD(e, k.c(1));
        k.ret(k.ddAddD(k.ddDiv(k.ddMul(e, e), k.ddMulD(w, k.c(2))), k.c(1))[0]);
      });
      k.if(k.lt(ix, k.c(0x40360000)), () => {
        const t = call1(k, 'exp', ax);
        k.ret(k.add(k.mul(k.c(0.5), t), k.div(k.c(0.5), t)));
      });
      k.if(k.lt(ix, k.c(0x40862e42)), () => k.ret(k.mul(k.c(0.5), call1(k, 'exp', ax))));
      k.if(k.le(ax, k.c(710.4758600739439)), () => {
        const w = call1(k, 'exp', k.mul(k.c(0.5), ax));
        const t = k.mul(k.c(0.5), w);
        k.ret(k.mul(t, w));
      });
      k.ret(k.c(Infinity));
    }),
    kernel('rt_mathk_sinh', 'xmm0=x -> xmm0=sinh x (mathhyp.sinh); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.eq(ax, k.c(Infinity)), () => k.ret(x!));
      const h = k.select(k.lt(x!, k.c(0)), () => k.c(-0.5), () => k.c(0.5));
      const ix = k.highWord(ax);
      k.if(k.lt(ix, k.c(0x40360000)), () => {
        k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
        const e = expm1KernelCall(k, ax);
        const r = k.ddAdd(e, k.ddDiv(e, k.ddAddD(e, k.c(1))));
        k.ret(k.add(k.mul(h, r[0]), k.mul(h, r[1])));
      });
      k.if(k.lt(ix, k.c(0x40862e42)), () => k.ret(k.mul(h, call1(k, 'exp', ax))));
      k.if(k.le(ax, k.c(710.4758600739439)), () => {
        const w = call1(k, 'exp', k.mul(k.c(0.5), ax));
        const t = k.mul(h, w);
        k.ret(k.mul(t, w));
      });
      k.ret(k.mul(x!, k.c(Infinity)));
    }),
    kernel('rt_mathk_tanh', 'xmm0=x -> xmm0=tanh x (mathhyp.tanh); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
      k.if(k.ge(ax, k.c(22)), () => k.ret(k.select(k.gt(x!, k.c(0)), () => k.c(1), () => k.c(-1))));
      const e = expm1KernelCall(k, k.mul(k.c(2), ax));
      k.ret(withSignOf(k, x!, k.ddDiv(e, k.ddAddD(e, k.c(2)))[0]));
    }),
    kernel('rt_mathk_asinh', 'xmm0=x -> xmm0=asinh x (mathhyp.asinh); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.or(k.isNaN(x!), k.not(k.isFinite(x!))), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
      const ix = k.highWord(ax);
      const w = k.var();
      k.if(
        k.gt(ix, k.c(0x41b00000)),
        () => k.set(w, k.add(call1(k, 'log', ax), k.c(LN2))),
        () =>
          k.if(
            k.gt(ix, k.c(0x40000000)),
            () => {
              const s = k.add(k.sqrt(k.add(k.mul(ax, ax), k.c(1))), ax);
              k.set(w, call1(k, 'log', k.add(k.mul(k.c(2), ax), k.div(k.c(1), s))));
            },
            () => {
              const t = k.twoSquare(ax);
              const frac = k.ddDiv(t, k.ddAddD(k.ddSqrt(k.ddAddD(t, k.c(1))), k.c(1)));
              k.set(w, log1pDD(k, k.ddAddD(frac, ax)));
            },
          ),
      );
      k.ret(withSignOf(k, x!, w));
    }),
    kernel('rt_mathk_acosh', 'xmm0=x -> xmm0=acosh x, NaN below 1 (mathhyp.acosh); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.lt(x!, k.c(1)), () => k.ret(k.c(NaN)));
      k.if(k.eq(x!, k.c(1)), () => k.ret(k.c(0)));
      k.if(k.eq(x!, k.c(Infinity)), () => k.ret(x!));
      const ix = k.highWord(x!);
      k.if(k.ge(ix, k.c(0x41b00000)), () => k.ret(k.add(call1(k, 'log', x!), k.c(LN2))));
      k.if(k.gt(ix, k.c(0x40000000)), () => {
        const s = k.add(x!, k.sqrt(k.sub(k.mul(x!, x!), k.c(1))));
        k.ret(call1(k, 'log', k.sub(k.mul(k.c(2), x!), k.div(k.c(1), s))));
      });
      const t = k.sub(x!, k.c(1));
      const s = k.ddSqrt(k.ddAddD(k.twoSquare(t), k.mul(k.c(2), t)));
      k.ret(log1pDD(k, k.ddAddD(s, t)));
    }),
    kernel('rt_mathk_atanh', 'xmm0=x -> xmm0=atanh x, +-inf at +-1, NaN outside (mathhyp.atanh); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.gt(ax, k.c(1)), () => k.ret(k.c(NaN)));
      k.if(k.eq(ax, k.c(1)), () => k.ret(k.mul(x!, k.c(Infinity))));
      k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
      const q = k.ddDiv([k.mul(k.c(2), ax), k.c(0)], k.twoSum(k.c(1), k.neg(ax)));
      k.ret(withSignOf(k, x!, k.mul(k.c(0.5), log1pDD(k, q))));
    }),
    kernel('rt_mathk_erfcx', 'xmm0=x (0.5 <= x <= 27.5) -> xmm0/xmm1=exp(x^2) erfc(x) as a dd (mathspecial erfcx: a tabulated point and its Taylor recurrence); clobbers caller-saved', 1, 200, (k, [x]) => {
      const i = k.floor(k.add(k.div(k.sub(x!, k.c(T.ERFCX_X0)), k.c(T.ERFCX_STEP)), k.c(0.5)));
      const x0 = k.add(k.c(T.ERFCX_X0), k.mul(i, k.c(T.ERFCX_STEP)));
      const h = k.sub(x!, x0);
      const y0 = k.table('math_erfcx_table', i);
      let aPrev: DV = y0;
      let a: DV = k.ddAdd(k.ddMulD(y0, k.mul(k.c(2), x0)), k.cdd(TWO_OVER_SQRTPI_NEG));
      let sum = k.ddAdd(y0, k.ddMulD(a, h));
      let hn = h;
      let n = 1;
      for (; n < ERFCX_TERMS_DD; n++) {
        const next = k.ddMulD(k.ddAdd(k.ddMulD(a, k.mul(k.c(2), x0)), k.ddMulD(aPrev, k.c(2))), k.c(1 / (n + 1)));
        aPrev = a;
        a = next;
        hn = k.mul(hn, h);
        sum = k.ddAdd(sum, k.ddMulD(a, hn));
      }
      // the remaining terms in double precision, until they fall below 1e-34 of the value
      const ap = k.var(aPrev[0]);
      const ac = k.var(a[0]);
      const hnv = k.var(hn);
      const tail = k.var(k.c(0));
      const nv = k.var(k.c(n));
      const limit = k.mul(k.abs(y0[0]), k.c(1e-34));
      k.loop(() => {
        k.breakIf(k.not(k.lt(nv, k.c(60))));
        const next = k.div(k.add(k.mul(k.mul(k.c(2), x0), ac), k.mul(k.c(2), ap)), k.add(nv, k.c(1)));
        k.set(ap, ac);
        k.set(ac, next);
        k.set(hnv, k.mul(hnv, h));
        const term = k.mul(ac, hnv);
        k.set(tail, k.add(tail, term));
        k.breakIf(k.lt(k.abs(term), limit));
        k.set(nv, k.add(nv, k.c(1)));
      });
      k.ret(...k.ddAddD(sum, tail));
    }),
    kernel('rt_mathk_erfc_large', 'xmm0=x (0.5 <= x < 27.3) -> xmm0=hi, xmm1=lo, xmm2=k: erfc x = (hi + lo) 2^k (mathspecial erfcLarge); clobbers caller-saved', 1, 80, (k, [x]) => {
      const x2 = k.twoSquare(x!);
      const [eh, el, e] = k.call('rt_mathk_exp_kernel', [k.neg(x2[0]), k.neg(x2[1])], 3);
      const [ch, cl] = k.call('rt_mathk_erfcx', [x!], 2);
      const r = k.ddMul([eh!, el!], [ch!, cl!]);
      k.ret(r[0], r[1], e!);
    }),
    kernel('rt_mathk_erf', 'xmm0=x -> xmm0=erf x (mathspecial.erf); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.ge(ax, k.c(6)), () => k.ret(k.select(k.gt(x!, k.c(0)), () => k.c(1), () => k.c(-1))));
      k.if(k.lt(ax, k.c(0.5)), () => {
        k.if(k.lt(ax, k.c(1e-150)), () => {
          const r = k.ddMulD(k.cdd(TWO_OVER_SQRTPI), k.scalbn(x!, k.c(600)));
          k.ret(k.roundScaled(r[0], r[1], k.c(-600)));
        });
        k.ret(erfSmall(k, x!)[0]);
      });
      const [h, l, e] = erfcLargeCall(k, ax);
      const s = k.scalbn(k.c(1), e);
      const r = k.ddAddD([k.mul(k.neg(h), s), k.mul(k.neg(l), s)], k.c(1))[0];
      k.ret(withSignOf(k, x!, r));
    }),
    kernel('rt_mathk_erfc', 'xmm0=x -> xmm0=erfc x (mathspecial.erfc); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.lt(x!, k.c(0.5)), () => {
        k.if(k.gt(x!, k.c(-0.5)), () => k.ret(k.ddAdd(k.cdd([1, 0]), k.ddNeg(erfSmall(k, x!)))[0]));
        k.if(k.le(x!, k.c(-6)), () => k.ret(k.c(2)));
        const [h, l, e] = erfcLargeCall(k, k.neg(x!));
        const s = k.scalbn(k.c(1), e);
        k.ret(k.ddAddD([k.mul(k.neg(h), s), k.mul(k.neg(l), s)], k.c(2))[0]);
      });
      k.if(k.ge(x!, k.c(27.3)), () => k.ret(k.c(0)));
      const [h, l, e] = erfcLargeCall(k, x!);
      k.ret(k.roundScaled(h, l, e));
    }),
    kernel('rt_mathk_sinpi', 'xmm0=x (finite) -> xmm0=sin(pi x), exact at integers (CPython m_sinpi, mathspecial sinpi); clobbers caller-saved', 1, 60, (k, [x]) => {
      const [y] = k.call('rt_float_fmod_d', [k.abs(x!), k.c(2)], 1, [0, 1]);
      // n = round half away from zero of 2y (roundHalfAway)
      const v = k.mul(k.c(2), y!);
      const t = k.trunc(v);
      const f = k.abs(k.sub(v, t));
      const n = k.select(k.ge(f, k.c(0.5)), () => k.add(t, k.c(1)), () => t); // v >= 0 here
      const r = k.var();
      const pi = k.c(PI);
      const sin = (z: Val): Val => call1(k, 'sin', z);
      const cos = (z: Val): Val => call1(k, 'cos', z);
      k.if(k.eq(n, k.c(0)), () => k.set(r, sin(k.mul(pi, y!))), () =>
        k.if(k.eq(n, k.c(1)), () => k.set(r, cos(k.mul(pi, k.sub(y!, k.c(0.5))))), () =>
          k.if(k.eq(n, k.c(2)), () => k.set(r, sin(k.mul(pi, k.sub(k.c(1), y!)))), () =>
            k.if(k.eq(n, k.c(3)), () => k.set(r, k.neg(cos(k.mul(pi, k.sub(y!, k.c(1.5)))))), () =>
              k.set(r, sin(k.mul(pi, k.sub(y!, k.c(2))))),
            ),
          ),
        ),
      );
      // (x < 0 || x is -0.0 ? -1 : 1) * r
      k.ret(k.mul(signOf(k, x!), r));
    }),
    kernel('rt_mathk_tgamma', 'xmm0=x -> xmm0=gamma(x), xmm1=errno (0, EDOM 33, ERANGE 34) as CPython m_tgamma (mathspecial.tgamma); clobbers caller-saved', 1, 80, (k, [x]) => {
      const ok = (v: Val): void => k.ret(v, k.select(k.isFinite(v), () => k.c(0), () => k.c(ERANGE)));
      k.if(k.not(k.isFinite(x!)), () => {
        k.if(k.or(k.isNaN(x!), k.gt(x!, k.c(0))), () => k.ret(x!, k.c(0)));
        k.ret(k.c(NaN), k.c(EDOM));
      });
      k.if(k.eq(x!, k.c(0)), () => k.ret(k.select(k.eq(signOf(k, x!), k.c(-1)), () => k.c(-Infinity), () => k.c(Infinity)), k.c(EDOM)));
      k.if(k.eq(x!, k.floor(x!)), () => {
        k.if(k.lt(x!, k.c(0)), () => k.ret(k.c(NaN), k.c(EDOM)));
        k.if(k.le(x!, k.c(GAMMA_INTEGRAL.length)), () => k.ret(k.table1('math_gamma_integral', k.sub(x!, k.c(1))), k.c(0)));
      });
      const absx = k.abs(x!);
      k.if(k.lt(absx, k.c(1e-20)), () => ok(k.div(k.c(1), x!)));
      k.if(k.gt(absx, k.c(200)), () => {
        k.if(k.lt(x!, k.c(0)), () => k.ret(k.div(k.c(0), call1(k, 'sinpi', x!)), k.c(0)));
        k.ret(k.c(Infinity), k.c(ERANGE));
      });
      const y = k.add(absx, k.c(LANCZOS_G_MINUS_HALF));
      const z0 = k.select(
        k.gt(absx, k.c(LANCZOS_G_MINUS_HALF)),
        () => k.sub(k.sub(y, absx), k.c(LANCZOS_G_MINUS_HALF)),
        () => k.sub(k.sub(y, k.c(LANCZOS_G_MINUS_HALF)), absx),
      );
      const z = k.div(k.mul(z0, k.c(LANCZOS_G)), y);
      const r = k.var();
      const pw = (e: Val): Val => k.call('rt_mathk_pow', [y, e], 1)[0]!;
      k.if(
        k.lt(x!, k.c(0)),
        () => {
          k.set(r, k.div(k.mul(k.div(k.div(k.c(-PI), call1(k, 'sinpi', absx)), absx), call1(k, 'exp', y)), lanczosSum(k, absx)));
          k.set(r, k.sub(r, k.mul(z, r)));
          k.if(
            k.lt(absx, k.c(140)),
            () => k.set(r, k.div(r, pw(k.sub(absx, k.c(0.5))))),
            () => {
              const sqrtpow = pw(k.sub(k.div(absx, k.c(2)), k.c(0.25)));
              k.set(r, k.div(r, sqrtpow));
              k.set(r, k.div(r, sqrtpow));
            },
          );
        },
        () => {
          k.set(r, k.div(lanczosSum(k, absx), call1(k, 'exp', y)));
          k.set(r, k.add(r, k.mul(z, r)));
          k.if(
            k.lt(absx, k.c(140)),
            () => k.set(r, k.mul(r, pw(k.sub(absx, k.c(0.5))))),
            () => {
              const sqrtpow = pw(k.sub(k.div(absx, k.c(2)), k.c(0.25)));
              k.set(r, k.mul(r, sqrtpow));
              k.set(r, k.mul(r, sqrtpow));
            },
          );
        },
      );
      ok(r);
    }),
    kernel('rt_mathk_lgamma', 'xmm0=x -> xmm0=log|gamma(x)|, xmm1=errno as CPython m_lgamma (mathspecial.lgamma); clobbers caller-saved', 1, 80, (k, [x]) => {
      k.if(k.not(k.isFinite(x!)), () => k.ret(k.select(k.isNaN(x!), () => x!, () => k.c(Infinity)), k.c(0)));
      k.if(k.and(k.eq(x!, k.floor(x!)), k.le(x!, k.c(2))), () => {
        k.if(k.le(x!, k.c(0)), () => k.ret(k.c(Infinity), k.c(EDOM)));
        k.ret(k.c(0), k.c(0));
      });
      const absx = k.abs(x!);
      k.if(k.lt(absx, k.c(1e-20)), () => k.ret(k.neg(call1(k, 'log', absx)), k.c(0)));
      const r = k.var(k.sub(call1(k, 'log', lanczosSum(k, absx)), k.c(LANCZOS_G)));
      k.set(r, k.add(r, k.mul(k.sub(absx, k.c(0.5)), k.sub(call1(k, 'log', k.sub(k.add(absx, k.c(LANCZOS_G)), k.c(0.5))), k.c(1)))));
      k.if(k.lt(x!, k.c(0)), () => {
        const ls = call1(k, 'log', k.abs(call1(k, 'sinpi', absx)));
        k.set(r, k.sub(k.sub(k.sub(k.c(LOGPI), ls), call1(k, 'log', absx)), r));
      });
      k.ret(r, k.select(k.isFinite(r), () => k.c(0), () => k.c(ERANGE)));
    }),
  ],
  data: [f64Table('math_erfcx_table', T.ERFCX_TABLE), f64Table('math_gamma_integral', GAMMA_INTEGRAL)],
};
