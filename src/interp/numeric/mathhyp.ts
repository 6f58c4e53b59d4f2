/**
 * mathhyp.ts: hyperbolic functions and their inverses for binary64.
 *
 * Role: sinh/cosh/tanh/asinh/acosh/atanh of edgepyc's libm (conventions as in mathexp.ts:
 * C99 Annex F special values, never throws, only exact IEEE operations).
 *
 * What "right" means here. CPython calls glibc, whose versions of these functions are
 * fdlibm's methods (Sun, 1993), documented in fdlibm's sources: on some ranges they combine
 * glibc's exp, log and sqrt with a few double operations, on the others they call fdlibm's
 * own expm1/log1p polynomials. On the first kind of range we evaluate the same documented
 * formula over our exp/log (correctly rounded, like glibc's in practice), which reproduces
 * glibc's results, rounding errors included:
 *   cosh:  0.5*t + 0.5/t, t = exp|x|        for 0.5 ln2 <= |x| < 22
 *          0.5*exp|x|                      for 22 <= |x| < 709.78
 *          (0.5*w)*w, w = exp(|x|/2)       up to the overflow threshold
 *   sinh:  same as cosh for |x| >= 22
 *   asinh: log(2|x| + 1/(sqrt(x^2+1)+|x|)) for 2 < |x| <= 2^28, log|x| + ln2 above
 *   acosh: log(2x - 1/(x + sqrt(x^2-1)))   for 2 < x < 2^28,    log x + ln2 above
 * On the expm1/log1p ranges (|x| small, all of tanh and atanh) we return the correctly
 * rounded value instead, evaluated in double-double; glibc's result differs from it in a
 * few percent of cases there (see tests/numeric/math-agreement.test.ts for the rates).
 * The range boundaries compare the high 32 bits of |x| exactly as fdlibm does.
 */

import {
  type DD,
  ddAdd,
  ddAddD,
  ddDiv,
  ddMul,
  ddMulD,
  ddSqrt,
  highWord,
  twoSquare,
  twoSum,
} from './mathdd.js';
import { exp, expm1Kernel, log, logKernel } from './mathexp.js';

const LN2 = 0.6931471805599453; // fl(ln 2), fdlibm's ln2 constant
const TINY = 7.450580596923828e-9; // 2^-27: below it sinh, tanh, asinh, atanh round to x

/** ln(1 + u) for a dd u > -1, correctly rounded. */
function log1pDD(u: DD): number {
  const [h, l] = twoSum(1, u[0]);
  return logKernel(h, l + u[1])[0];
}

/** cosh x (C99 cosh); overflow gives +inf. */
export function cosh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax === Infinity) return Infinity;
  const ix = highWord(ax);
  if (ix < 0x3fd62e43) {
    // |x| < 0.5 ln2: 1 + E^2 / (2 (1 + E)), E = expm1|x|, correctly rounded.
    if (ax < TINY) return 1;
    const e = expm1Kernel(ax);
    const w = ddAddD(e, 1);
    return ddAddD(ddDiv(ddMul(e, e), ddMulD(w, 2)), 1)[0];
  }
  if (ix < 0x40360000) {
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  if (ax <= 710.4758600739439) {
    const w = exp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

/** sinh x (C99 sinh); overflow gives +-inf. */
export function sinh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax === Infinity) return x;
  const h = x < 0 ? -0.5 : 0.5;
  const ix = highWord(ax);
  if (ix < 0x40360000) {
    // |x| < 22: (E + E/(E + 1)) / 2, E = expm1|x|, correctly rounded.
    if (ax < TINY) return x;
    const e = expm1Kernel(ax);
    const r = ddAdd(e, ddDiv(e, ddAddD(e, 1)));
    return h * r[0] + h * r[1];
  }
  if (ix < 0x40862e42) return h * exp(ax);
  if (ax <= 710.4758600739439) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * Infinity;
}

/** tanh x (C99 tanh), correctly rounded. */
export function tanh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < TINY) return x;
  if (ax >= 22) return x > 0 ? 1 : -1;
  // tanh|x| = E / (E + 2), E = expm1(2|x|): no cancellation.
  const e = expm1Kernel(2 * ax);
  const r = ddDiv(e, ddAddD(e, 2))[0];
  return x < 0 ? -r : r;
}

/** asinh x (C99 asinh). */
export function asinh(x: number): number {
  if (x !== x || !Number.isFinite(x)) return x;
  const ax = Math.abs(x);
  if (ax < TINY) return x;
  const ix = highWord(ax);
  let w: number;
  if (ix > 0x41b00000) {
    w = log(ax) + LN2;
  } else if (ix > 0x40000000) {
    w = log(2 * ax + 1 / (Math.sqrt(ax * ax + 1) + ax));
  } else {
    // log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), correctly rounded.
    const t = twoSquare(ax);
    const frac = ddDiv(t, ddAddD(ddSqrt(ddAddD(t, 1)), 1));
    w = log1pDD(ddAddD(frac, ax));
  }
  return x < 0 ? -w : w;
}

/** acosh x (C99 acosh): NaN below 1. */
export function acosh(x: number): number {
  if (x !== x) return x;
  if (x < 1) return NaN;
  if (x === 1) return 0;
  if (x === Infinity) return x;
  const ix = highWord(x);
  if (ix >= 0x41b00000) return log(x) + LN2;
  if (ix > 0x40000000) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  // 1 < x <= 2: log1p(t + sqrt(2t + t^2)), t = x - 1 exact; correctly rounded.
  const t = x - 1;
  const s = ddSqrt(ddAddD(twoSquare(t), 2 * t));
  return log1pDD(ddAddD(s, t));
}

/** atanh x (C99 atanh), correctly rounded: +-inf at +-1, NaN outside [-1, 1]. */
export function atanh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (ax === 1) return x * Infinity;
  if (ax < TINY) return x;
  // atanh|x| = log1p(2|x| / (1 - |x|)) / 2.
  const q = ddDiv([2 * ax, 0], twoSum(1, -ax));
  const w = 0.5 * log1pDD(q);
  return x < 0 ? -w : w;
}
