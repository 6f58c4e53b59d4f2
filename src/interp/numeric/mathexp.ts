/**
 * mathexp.ts: exponentials, logarithms and pow for binary64, correctly rounded in practice.
 *
 * Role: the libm that edgepyc's `math` module (mathfns.ts), float `**` and the complex
 * helpers call. Functions here follow C99 Annex F (special values, NaN for domain errors,
 * +-inf on overflow) and never throw; the Python-level error mapping is mathfns.ts's job.
 *
 * Method: argument reduction with tabulated constants (mathtables.ts), then evaluation in
 * double-double (mathdd.ts) with a relative error below about 2^-95 and one final rounding
 * (roundScaled, which is exact in the subnormal range too). CPython 3.11 calls glibc's libm;
 * glibc's exp/log/pow (ARM's optimized routines) are not correctly rounded but within about
 * 0.52 ulp, so a correctly rounded result agrees with CPython's on all but a small fraction
 * of inputs (measured in tests/numeric/math-agreement.test.ts). Only IEEE +-* / sqrt and
 * Math.abs/floor/trunc are used, so the same algorithms port to the native runtime.
 *
 * Invariants: kernels take finite arguments in their documented range; public functions
 * handle every input, NaN and infinities included.
 */

import {
  type DD,
  ddAdd,
  ddAddD,
  ddInvInt,
  ddMul,
  ddMulD,
  ddPoly,
  exponentOf,
  fromWords,
  highWord,
  lowWord,
  roundScaled,
  scalbn,
  twoProd,
  twoSum,
} from './mathdd.js';
import * as T from './mathtables.js';

/** 1/n as a dd. */
const ddInv = ddInvInt;

/** 1/n! as a dd, n <= 18 (n! below 2^53, so exact as a double). */
function ddInvFact(n: number): DD {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return ddInvInt(f);
}

function invFact(n: number): number {
  return ddInvFact(n)[0];
}

// e^r = sum r^n / n!, |r| <= ln2/256 ~ 2^-8.5: dd coefficients up to r^5 (terms beyond are
// below 2^-60 and their double rounding errors below 2^-113); truncation after r^10.
const EXP_HI: readonly DD[] = [[1, 0], [1, 0], [0.5, 0], ddInvFact(3), ddInvFact(4), ddInvFact(5)];
const EXP_TAIL: readonly number[] = [6, 7, 8, 9, 10].map(invFact);

const INV_LN2_128 = 128 * T.INV_LN2_HI;

/**
 * e^(xh + xl) = (hi + lo) * 2^k with relative error below 2^-100, for |xh| <= 1100 and
 * |xl| <= ulp(xh). Returns [hi, lo, k] with hi + lo normalized, about 1.
 */
export function expKernel(xh: number, xl: number): [number, number, number] {
  const n = Math.floor(xh * INV_LN2_128 + 0.5);
  // r = x - n ln2/128, carried in dd: n * EXP_L1 is exact (35-bit constant, |n| < 2^18).
  let r = twoSum(xh, -n * T.EXP_L1);
  r = ddAdd(r, twoProd(-n, T.EXP_L2));
  r = ddAddD(r, xl - n * T.EXP_L3);
  const j = n & 127;
  const p = ddPoly(r, EXP_HI, EXP_TAIL);
  const res = ddMul([T.EXP2_TABLE[2 * j]!, T.EXP2_TABLE[2 * j + 1]!], p);
  return [res[0], res[1], (n - j) / 128];
}

/** e^x, correctly rounded (C99 exp). */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const [h, l, k] = expKernel(x, 0);
  return roundScaled(h, l, k);
}

/** 2^x, correctly rounded (C99 exp2). */
export function exp2(x: number): number {
  if (x !== x) return x;
  if (x >= 1024) return Infinity;
  if (x < -1080) return 0;
  const n = Math.floor(x * 128 + 0.5);
  // d = x - n/128 is exact (Sterbenz, or n = 0); r = d * ln2 in dd.
  const d = x - n / 128;
  const r = ddAdd(twoProd(d, T.LN2_HI), [d * T.LN2_LO, 0]);
  const j = n & 127;
  const p = ddPoly(r, EXP_HI, EXP_TAIL);
  const res = ddMul([T.EXP2_TABLE[2 * j]!, T.EXP2_TABLE[2 * j + 1]!], p);
  return roundScaled(res[0], res[1], (n - j) / 128);
}

// expm1(x) = sum_{n>=1} x^n/n! for |x| < 2^-8.5: dd up to x^5, double tail to x^11.
const EXPM1_HI: readonly DD[] = [[0, 0], [1, 0], [0.5, 0], ddInvFact(3), ddInvFact(4), ddInvFact(5)];
const EXPM1_TAIL: readonly number[] = [6, 7, 8, 9, 10, 11].map(invFact);
const EXPM1_SMALL = 0.0027; // a little below ln2/256

/** e^x - 1 as a dd with relative error below 2^-95, for finite x in [-40, 700]. */
export function expm1Kernel(x: number): DD {
  if (Math.abs(x) < EXPM1_SMALL) return ddPoly([x, 0], EXPM1_HI, EXPM1_TAIL);
  const [h, l, k] = expKernel(x, 0);
  // |x| >= 0.0027 so e^x - 1 loses at most 9 of the kernel's ~104 bits to cancellation.
  const s = scalbn(1, k);
  return ddAddD([h * s, l * s], -1);
}

/** e^x - 1, correctly rounded (C99 expm1). */
export function expm1(x: number): number {
  if (x !== x) return x;
  if (x > 709.8) return Infinity;
  if (x < -40) return -1; // e^x < 2^-57: -1 + e^x rounds to -1
  if (x === 0) return x;
  if (x > 700) {
    const [h, l, k] = expKernel(x, 0);
    return roundScaled(h, l, k); // the -1 is 2^-1000 relative: below any rounding boundary
  }
  const r = expm1Kernel(x);
  return r[0];
}

// log1p(r) = sum (-1)^(n+1) r^n / n for |r| <= 2^-7.4: dd coefficients up to r^7, double
// tail r^8..r^14 (terms below 2^-59, rounding errors below 2^-112; truncation 2^-111).
const LOG_HI: readonly DD[] = [[0, 0], [1, 0], [-0.5, 0], ddInv(3), [-0.25, 0], ddInv(5), [-ddInv(6)[0], -ddInv(6)[1]], ddInv(7)];
const LOG_TAIL: readonly number[] = [8, 9, 10, 11, 12, 13, 14].map((n) => (n % 2 === 0 ? -1 : 1) / n);
const SQRT2 = 1.4142135623730951;
const TWO54 = 18014398509481984;

/**
 * ln(xh + xl) as a dd with relative error below about 2^-100, for a positive finite dd
 * xh + xl (|xl| <= ulp(xh)). Relative accuracy holds near 1 too: log1p uses it.
 */
export function logKernel(xh: number, xl: number): DD {
  let e = 0;
  if (xh < 2.2250738585072014e-308) {
    xh *= TWO54;
    xl *= TWO54;
    e = -54;
  }
  const hw = highWord(xh);
  let ex = (hw >>> 20) - 1023;
  let mh = fromWords((hw & 0xfffff) | 0x3ff00000, lowWord(xh));
  let ml = scalbn(xl, -ex);
  if (mh > SQRT2) {
    mh *= 0.5;
    ml *= 0.5;
    ex += 1;
  }
  e += ex;
  // m ~ c = j/128; invc = fl(1/c); r = m * invc - 1 exactly (twoProd), |r| < 2^-7.4.
  const j = Math.floor(mh * 128 + 0.5);
  const invc = T.LOG_INVC[j - T.LOG_J0]!;
  const [p, pe] = twoProd(mh, invc);
  let r = twoSum(p - 1, pe); // p - 1 is exact: p is within 2^-7 of 1
  if (ml !== 0) r = ddAddD(r, ml * invc);
  const l1p = ddPoly(r, LOG_HI, LOG_TAIL);
  const t = T.LOG_NEGLOGINVC;
  let s: DD = [t[2 * (j - T.LOG_J0)]!, t[2 * (j - T.LOG_J0) + 1]!];
  if (e !== 0) {
    // e * ln2 with e * LN2_A exact (42-bit constant, |e| < 1100).
    const el = ddAdd(twoProd(e, T.LN2_B), [e * T.LN2_C, 0]);
    s = ddAdd(ddAdd([e * T.LN2_A, 0], el), s);
  }
  return ddAdd(s, l1p);
}

/** Natural logarithm, correctly rounded (C99 log). */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN; // NaN, negatives, +-0
  if (x === Infinity) return x;
  return logKernel(x, 0)[0];
}

const INV_LN2: DD = [T.INV_LN2_HI, T.INV_LN2_LO];

/** Base-2 logarithm, correctly rounded (exact for powers of two). */
export function log2(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  return ddMul(logKernel(x, 0), INV_LN2)[0];
}

/**
 * Base-10 logarithm, the way glibc 2.36 computes it (fdlibm's e_log10.c method, on top of a
 * natural log that is itself correctly rounded in practice): with n = ilogb(x), plus one
 * when negative, and x' = x / 2^n,
 *     log10(x) = n*log10_2hi + (n*log10_2lo + ivln10*log(x')).
 * This is not correctly rounded (about 10% of inputs near 1 differ from the correctly
 * rounded value) but it is what CPython prints; log10(10^n) == n for 0 <= n <= 22.
 */
export function log10(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k = -54;
    x *= TWO54;
  }
  const hw = highWord(x);
  k += (hw >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  const xm = fromWords((hw & 0xfffff) | ((0x3ff - i) << 20), lowWord(x));
  const y = k + i;
  const z = y * T.LOG10_2LO + T.INV_LN10_HI * log(xm);
  return z + y * T.LOG10_2HI;
}

/** ln(1 + x), correctly rounded (C99 log1p). */
export function log1p(x: number): number {
  if (x !== x) return x;
  if (x <= -1) return x === -1 ? -Infinity : NaN;
  if (x === Infinity || x === 0) return x;
  const [h, l] = twoSum(1, x);
  return logKernel(h, l)[0];
}

/** True when y is an odd integer (|y| < 2^53 and y mod 2 == 1). */
export function isOddInteger(y: number): boolean {
  return Math.abs(y) < 9007199254740992 && Math.trunc(y) === y && Math.abs(y % 2) === 1;
}

/** True when y is a finite integer value. */
export function isInteger(y: number): boolean {
  return Number.isFinite(y) && Math.trunc(y) === y;
}

/**
 * |x|^y for finite x != 0, |x| != 1, finite y != 0, correctly rounded: exp(y * ln|x|)
 * with ln|x| in dd (relative error 2^-100) so the product's absolute error stays below
 * 2^-90 across the non-overflowing range.
 */
function powPositive(ax: number, y: number): number {
  const L = logKernel(ax, 0);
  const approx = y * L[0];
  if (approx > 710) return Infinity;
  if (approx < -746) return 0;
  const t = ddMulD(L, y);
  const [h, l, k] = expKernel(t[0], t[1]);
  return roundScaled(h, l, k);
}

/** x^y with C99 Annex F special cases, correctly rounded (C99 pow). */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  const ay = Math.abs(y);
  if (ay === Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  if (x === 0) {
    const odd = isOddInteger(y);
    if (y < 0) return odd ? 1 / x : Infinity;
    return odd ? x : 0;
  }
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (x === -Infinity) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? -Infinity : Infinity;
    return odd ? -0 : 0;
  }
  if (x < 0) {
    if (Math.trunc(y) !== y) return NaN;
    const r = x === -1 ? 1 : powPositive(-x, y);
    return isOddInteger(y) ? -r : r;
  }
  return powPositive(x, y);
}


/**
 * Cube root, correctly rounded: a Newton iteration in double to about 2^-50, then one
 * correction y + (x - y^3)/(3y^2) with y^3 evaluated exactly in dd. (glibc's cbrt is not
 * correctly rounded: CPython prints cbrt(27.0) as 3.0000000000000004, we print 3.0.)
 */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  let ax = Math.abs(x);
  let scale = 0;
  // Keep y^3 and its dd pieces away from underflow and overflow: scale by 2^-+162, whose
  // cube root 2^-+54 is undone exactly at the end.
  if (ax < 1e-300) {
    ax *= 5.846006549323612e48;
    scale = -54;
  } else if (ax > 1e300) {
    ax /= 5.846006549323612e48;
    scale = 54;
  }
  // ax = m * 2^(3q), m in [0.125, 1): first guess for cbrt(m) by a quadratic, then Newton.
  let e = exponentOf(ax) + 1;
  let r = e % 3;
  if (r < 0) r += 3;
  if (r !== 0) e += 3 - r;
  const m = scalbn(ax, -e);
  let y = 0.4 + m * (1.1 - 0.5 * m);
  for (let i = 0; i < 5; i++) y -= (y * y * y - m) / (3 * y * y);
  y = scalbn(y, e / 3);
  const [a, b] = twoProd(y, y);
  const [c, d0] = twoProd(a, y);
  const d = d0 + b * y;
  const corr = (ax - c - d) / (3 * a);
  const res = scalbn(y + corr, scale);
  return x < 0 ? -res : res;
}
