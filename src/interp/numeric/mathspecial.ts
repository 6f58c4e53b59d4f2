/**
 * mathspecial.ts: error functions and the gamma function family.
 *
 * Role: erf/erfc of edgepyc's libm, and CPython's own gamma/lgamma (Modules/mathmodule.c
 * m_tgamma / m_lgamma, which CPython 3.11 uses instead of the C library's).
 *
 * erf, erfc: correctly rounded in practice. |x| < 0.5: the Taylor series of erf in dd.
 * Above: erfc(x) = exp(-x^2) * erfcx(x), where the scaled function erfcx is tabulated at
 * x0 = 0.5 + i/8 (mathtables.ts) and expanded around x0 with the recurrence its Taylor
 * coefficients satisfy (erfcx' = 2x erfcx - 2/sqrt(pi), hence
 * a[n+1] = (2 x0 a[n] + 2 a[n-1]) / (n + 1)), all in dd. glibc's erf/erfc are fdlibm's
 * rational approximations and differ from the correctly rounded value in a few percent of
 * cases (erfc more), so these agree with CPython less often than exp or sin do.
 *
 * gamma, lgamma: CPython's algorithm, operation for operation (Lanczos approximation,
 * N = 13, g = 6.024680040776729583740234375, with the coefficients CPython ships and its
 * reflection and error-correction steps), over this libm's exp/pow/log/sin/cos. They match
 * CPython whenever those primitives match glibc's. They also report the errno CPython's
 * code sets (EDOM, ERANGE), which mathfns.ts maps to ValueError / OverflowError.
 */

import {
  type DD,
  ddAdd,
  ddAddD,
  ddDiv,
  ddMul,
  ddMulD,
  ddNeg,
  ddPoly,
  fmod,
  roundScaled,
  scalbn,
  twoSquare,
} from './mathdd.js';
import { exp, expKernel, log, pow } from './mathexp.js';
import { cos, sin } from './mathtrig.js';
import * as T from './mathtables.js';

// --- erf, erfc ---------------------------------------------------------------------------

const TWO_OVER_SQRTPI: DD = [T.TWO_OVER_SQRTPI_HI, T.TWO_OVER_SQRTPI_LO];

// erf(x) = 2/sqrt(pi) * x * sum_n (-1)^n u^n / (n! (2n+1)), u = x^2 < 1/4: coefficients
// in dd while their terms exceed 2^-52, truncated after u^21 (below 2^-110).
const ERF_COEFFS: DD[] = [];
{
  let fact: DD = [1, 0];
  for (let n = 0; n <= 21; n++) {
    if (n > 0) fact = ddMulD(fact, n);
    const c = ddDiv([1, 0], ddMulD(fact, 2 * n + 1));
    ERF_COEFFS.push(n % 2 === 0 ? c : ddNeg(c));
  }
}
const ERF_HI = ERF_COEFFS.slice(0, 12);
const ERF_TAIL = ERF_COEFFS.slice(12).map((c) => c[0]);

/** erf x as a dd for |x| < 0.5 (relative error below 2^-100). */
function erfSmall(x: number): DD {
  const p = ddPoly(twoSquare(x), ERF_HI, ERF_TAIL);
  return ddMul(ddMulD(p, x), TWO_OVER_SQRTPI);
}

const TWO_OVER_SQRTPI_NEG: DD = ddNeg(TWO_OVER_SQRTPI);
const ERFCX_TERMS_DD = 12;

/** erfcx(x) = exp(x^2) erfc(x) as a dd, for 0.5 <= x <= 27.5 (relative error ~2^-100). */
function erfcx(x: number): DD {
  const i = Math.floor((x - T.ERFCX_X0) / T.ERFCX_STEP + 0.5);
  const x0 = T.ERFCX_X0 + i * T.ERFCX_STEP;
  const h = x - x0; // exact: |h| <= 1/16 and x0 >= x/2
  const y0: DD = [T.ERFCX_TABLE[2 * i]!, T.ERFCX_TABLE[2 * i + 1]!];
  // Taylor coefficients a[n] = erfcx^(n)(x0) / n! by the recurrence; sum a[n] h^n.
  let aPrev: DD = y0;
  let a: DD = ddAdd(ddMulD(y0, 2 * x0), TWO_OVER_SQRTPI_NEG);
  let sum: DD = ddAdd(y0, ddMulD(a, h));
  let hn = h;
  let n = 1;
  for (; n < ERFCX_TERMS_DD; n++) {
    const next = ddMulD(ddAdd(ddMulD(a, 2 * x0), ddMulD(aPrev, 2)), 1 / (n + 1));
    aPrev = a;
    a = next;
    hn *= h;
    sum = ddAdd(sum, ddMulD(a, hn));
  }
  // Remaining terms are below 2^-48 relative: double precision is enough for them.
  let ap = aPrev[0];
  let ac = a[0];
  let tail = 0;
  const limit = Math.abs(y0[0]) * 1e-34;
  for (; n < 60; n++) {
    const next = (2 * x0 * ac + 2 * ap) / (n + 1);
    ap = ac;
    ac = next;
    hn *= h;
    const term = ac * hn;
    tail += term;
    if (Math.abs(term) < limit) break;
  }
  return ddAddD(sum, tail);
}

/** erfc x as [hi, lo, k] = (hi + lo) * 2^k, for 0.5 <= x < 27.3. */
function erfcLarge(x: number): [number, number, number] {
  const x2 = twoSquare(x);
  const [eh, el, k] = expKernel(-x2[0], -x2[1]);
  const r = ddMul([eh, el], erfcx(x));
  return [r[0], r[1], k];
}

/** The error function erf x, correctly rounded in practice (C99 erf). */
export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax >= 6) return x > 0 ? 1 : -1; // 1 - erfc(6) rounds to 1
  if (ax < 0.5) {
    if (ax < 1e-150) {
      // erf x = 2x/sqrt(pi) (1 - x^2/3): scale away from the subnormal range, round once.
      const r = ddMulD(TWO_OVER_SQRTPI, scalbn(x, 600));
      return roundScaled(r[0], r[1], -600);
    }
    return erfSmall(x)[0];
  }
  const [h, l, k] = erfcLarge(ax);
  const s = scalbn(1, k);
  const r = ddAddD([-h * s, -l * s], 1)[0];
  return x < 0 ? -r : r;
}

/** The complementary error function erfc x = 1 - erf x, correctly rounded in practice. */
export function erfc(x: number): number {
  if (x !== x) return x;
  if (x < 0.5) {
    if (x > -0.5) return ddAdd([1, 0], ddNeg(erfSmall(x)))[0];
    if (x <= -6) return 2;
    const [h, l, k] = erfcLarge(-x);
    const s = scalbn(1, k);
    return ddAddD([-h * s, -l * s], 2)[0];
  }
  if (x >= 27.3) return 0; // erfc(27.3) < 2^-1080
  const [h, l, k] = erfcLarge(x);
  return roundScaled(h, l, k);
}

// --- gamma, lgamma: CPython's m_tgamma / m_lgamma ----------------------------------------

/** errno values CPython's gamma code can leave behind. */
export const EDOM = 33;
export const ERANGE = 34;
export type Errno = 0 | typeof EDOM | typeof ERANGE;

const PI = 3.141592653589793;
const LOGPI = 1.1447298858494002;
const LANCZOS_N = 13;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
// CPython's lanczos_num_coeffs / lanczos_den_coeffs (Modules/mathmodule.c), as doubles.
const LANCZOS_NUM: readonly number[] = [
  23531376880.410759688572007674451636754734846804940,
  42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843,
  17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708,
  1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801,
  31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024,
  210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: readonly number[] = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0,
];
/** gamma(n) for n = 1..23, exact. */
const GAMMA_INTEGRAL: readonly number[] = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
  479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0,
  355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
  51090942171709440000.0, 1124000727777607680000.0,
];

/** CPython's lanczos_sum: the rational Lanczos sum L_g(x) for x > 0. */
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = LANCZOS_N - 1; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < LANCZOS_N; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}

/** C round(): halves away from zero, without the floor(v + 0.5) rounding trap. */
function roundHalfAway(v: number): number {
  const t = Math.trunc(v);
  const f = Math.abs(v - t);
  return f >= 0.5 ? t + Math.sign(v) : t;
}

/** CPython's m_sinpi: sin(pi x) for finite x, exact at integers. */
function sinpi(x: number): number {
  const y = fmod(Math.abs(x), 2);
  const n = roundHalfAway(2 * y);
  let r: number;
  switch (n) {
    case 0:
      r = sin(PI * y);
      break;
    case 1:
      r = cos(PI * (y - 0.5));
      break;
    case 2:
      r = sin(PI * (1 - y));
      break;
    case 3:
      r = -cos(PI * (y - 1.5));
      break;
    default:
      r = sin(PI * (y - 2));
      break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** CPython's m_tgamma: [gamma(x), errno]. */
export function tgamma(x: number): [number, Errno] {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return [x, 0];
    return [NaN, EDOM];
  }
  if (x === 0) return [Object.is(x, -0) ? -Infinity : Infinity, EDOM];
  if (x === Math.floor(x)) {
    if (x < 0) return [NaN, EDOM];
    if (x <= GAMMA_INTEGRAL.length) return [GAMMA_INTEGRAL[x - 1]!, 0];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1 / x;
    return [r, Number.isFinite(r) ? 0 : ERANGE];
  }
  if (absx > 200) {
    if (x < 0) return [0 / sinpi(x), 0];
    return [Infinity, ERANGE];
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (((-PI / sinpi(absx)) / absx) * exp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) {
      r /= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / exp(y);
    r += z * r;
    if (absx < 140) {
      r *= pow(y, absx - 0.5);
    } else {
      const sqrtpow = pow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return [r, Number.isFinite(r) ? 0 : ERANGE];
}

/** CPython's m_lgamma: [log|gamma(x)|, errno]. */
export function lgamma(x: number): [number, Errno] {
  if (!Number.isFinite(x)) return [x !== x ? x : Infinity, 0];
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) return [Infinity, EDOM];
    return [0, 0];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return [-log(absx), 0];
  let r = log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOGPI - log(Math.abs(sinpi(absx))) - log(absx) - r;
  return [r, Number.isFinite(r) ? 0 : ERANGE];
}
