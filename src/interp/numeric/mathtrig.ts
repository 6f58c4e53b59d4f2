/**
 * mathtrig.ts: circular functions and their inverses for binary64, correctly rounded in
 * practice.
 *
 * Role: the sin/cos/tan/asin/acos/atan/atan2 of edgepyc's libm (see mathexp.ts for the
 * conventions: C99 Annex F special values, never throws, only exact IEEE operations).
 *
 * Method. sin/cos/tan: reduce x = k*pi/2 + r with |r| <= pi/4, r as a dd; Cody-Waite with
 * a five-piece pi/2 for |x| < 2^20 * pi/2 when |r| is not tiny, else an exact Payne-Hanek
 * reduction with bigints (x * (2/pi) with 2/pi to 1280 bits: enough for the worst case
 * double, whose r is about 2^-61). Then r = j/64 + t with tabulated sin, cos of j/64 and
 * short Taylor series of t (|t| <= 1/128) in dd. atan: atan(x) = atan(c) + atan(t),
 * c = j/64, t = (x - c)/(1 + x c), and pi/2 - atan(1/x) above 1; asin, acos and atan2 are
 * built on it in dd. Final relative error is below about 2^-98 before the one rounding.
 *
 * glibc 2.36's sin/cos/tan/atan/asin/acos/atan2 (IBM's Accurate Mathematical Library with
 * the slow paths removed) are within about 0.55 ulp, so they agree with these correctly
 * rounded results on all but a small fraction of inputs.
 */

import {
  type DD,
  ddAdd,
  ddAddD,
  ddDiv,
  ddInvInt,
  ddMul,
  ddMulD,
  ddNeg,
  ddPoly,
  ddSqrt,
  exponentOf,
  fastTwoSum,
  roundScaled,
  scalbn,
  twoSquare,
  twoSum,
} from './mathdd.js';
import * as T from './mathtables.js';

const ddInv = ddInvInt;

const PI_2: DD = [T.PI_2_HI, T.PI_2_LO];
const PI: DD = [T.PI_HI, T.PI_LO];
const TWO_OVER_PI = 0.6366197723675814;
// 2^-27: below it sin, tan, asin, atan round to x and cos to 1 (the cubic or quadratic term
// is under half an ulp, also on the narrower side of a power of two).
const TINY = 7.450580596923828e-9;

// --- argument reduction ---------------------------------------------------------------

const W_2_OVER_PI = BigInt('0x' + T.TWO_OVER_PI_1280);
const W_PIO2 = BigInt('0x' + T.PIO2_254);

/**
 * Exact reduction of a finite |x| >= pi/4: returns [n mod 4, r_hi, r_lo] with
 * x = (4m + n) * pi/2 + r, |r| <= pi/4 (plus rounding), relative error of r below 2^-110.
 */
function reduceBig(ax: number): [number, number, number] {
  const e = exponentOf(ax) - 52;
  const m = BigInt(scalbn(ax, -e)); // 53-bit integer mantissa
  const prod = m * W_2_OVER_PI; // ax * 2/pi = prod * 2^(e - 1280)
  const s = BigInt(1280 - e); // fraction bits
  let q = prod >> s;
  let f = prod - (q << s);
  if (f >= 1n << (s - 1n)) {
    f -= 1n << s;
    q += 1n;
  }
  const n = Number(q & 3n);
  if (f === 0n) return [n, 0, 0];
  const neg = f < 0n;
  if (neg) f = -f;
  // Keep the top 128 bits of the fraction, multiply by pi/2 (254 bits), convert to dd.
  const L = BigInt(f.toString(2).length);
  const cut = L > 128n ? L - 128n : 0n;
  const g = (f >> cut) * W_PIO2;
  const hi = Number(g);
  const lo = Number(g - BigInt(hi));
  const k = Number(cut - s) - 254;
  const rh = scalbn(hi, k);
  const rl = scalbn(lo, k);
  return neg ? [n, -rh, -rl] : [n, rh, rl];
}

/** x = k*pi/2 + r: returns [k mod 4, r_hi, r_lo] for finite x, |r| <= pi/4 + tiny. */
function reduce(x: number): [number, number, number] {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) return [0, x, 0];
  if (ax < 1647099) {
    // k < 2^20: k * PIO2_1..3 are exact (33-bit constants).
    const k = Math.floor(x * TWO_OVER_PI + 0.5);
    let r = twoSum(x, -k * T.PIO2_1);
    r = ddAddD(r, -k * T.PIO2_2);
    r = ddAddD(r, -k * T.PIO2_3);
    r = ddAddD(r, -k * T.PIO2_4);
    r = ddAddD(r, -k * T.PIO2_5);
    // Cancellation: below 2^-15 the dd sum may have lost too many bits; redo exactly.
    if (Math.abs(r[0]) > 3.0517578125e-5) return [k & 3, r[0], r[1]];
  }
  const [n, rh, rl] = reduceBig(ax);
  return x < 0 ? [(4 - n) & 3, -rh, -rl] : [n, rh, rl];
}

// --- kernels ----------------------------------------------------------------------------

// sin t = t * S(t^2), cos t = C(t^2), |t| <= 1/128 so u = t^2 <= 2^-14. Low-order
// coefficients in dd, the rest in double (their terms are below 2^-51).
const SIN_HI: readonly DD[] = [[1, 0], [-ddInv(6)[0], -ddInv(6)[1]], ddInv(120)];
const SIN_TAIL: readonly number[] = [-1 / 5040, 1 / 362880, -1 / 39916800];
const COS_HI: readonly DD[] = [[1, 0], [-0.5, 0], ddInv(24)];
const COS_TAIL: readonly number[] = [-1 / 720, 1 / 40320, -1 / 3628800, 1 / 479001600];

/** [sin r, cos r] as dds for a dd |r| <= pi/4 + tiny, relative errors below 2^-100. */
export function sinCosKernel(rh: number, rl: number): [DD, DD] {
  const neg = rh < 0;
  if (neg) {
    rh = -rh;
    rl = -rl;
  }
  const j = Math.floor(rh * 64 + 0.5);
  const t = fastTwoSum(rh - j / 64, rl); // rh - j/64 is exact (Sterbenz)
  const u = ddMul(t, t);
  const st = ddMul(t, ddPoly(u, SIN_HI, SIN_TAIL));
  const ct = ddPoly(u, COS_HI, COS_TAIL);
  let s: DD;
  let c: DD;
  if (j === 0) {
    s = st;
    c = ct;
  } else {
    const sa: DD = [T.SIN_TABLE[2 * j]!, T.SIN_TABLE[2 * j + 1]!];
    const ca: DD = [T.COS_TABLE[2 * j]!, T.COS_TABLE[2 * j + 1]!];
    s = ddAdd(ddMul(sa, ct), ddMul(ca, st));
    c = ddAdd(ddMul(ca, ct), ddNeg(ddMul(sa, st)));
  }
  return [neg ? ddNeg(s) : s, c];
}

/** sin x, correctly rounded (C99 sin). */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < TINY) return x;
  const [n, rh, rl] = reduce(x);
  const [s, c] = sinCosKernel(rh, rl);
  switch (n) {
    case 0:
      return s[0];
    case 1:
      return c[0];
    case 2:
      return -s[0];
    default:
      return -c[0];
  }
}

/** cos x, correctly rounded (C99 cos). */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < TINY) return 1;
  const [n, rh, rl] = reduce(x);
  const [s, c] = sinCosKernel(rh, rl);
  switch (n) {
    case 0:
      return c[0];
    case 1:
      return -s[0];
    case 2:
      return -c[0];
    default:
      return s[0];
  }
}

/** tan x, correctly rounded (C99 tan). */
export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < TINY) return x;
  const [n, rh, rl] = reduce(x);
  const [s, c] = sinCosKernel(rh, rl);
  return n & 1 ? -ddDiv(c, s)[0] : ddDiv(s, c)[0];
}

// atan t = t * A(t^2), |t| <= 2^-7 so u <= 2^-14; dd up to u^3 (terms from u^4 are below
// 2^-59), truncated after u^8 (2^-116).
const ATAN_HI: readonly DD[] = [[1, 0], [-ddInv(3)[0], -ddInv(3)[1]], ddInv(5), [-ddInv(7)[0], -ddInv(7)[1]]];
const ATAN_TAIL: readonly number[] = [1 / 9, -1 / 11, 1 / 13, -1 / 15, 1 / 17];

/** atan of a dd 0 <= x <= 1 (dd result, relative error below 2^-100). */
function atanUnit(x: DD): DD {
  const j = Math.floor(x[0] * 64 + 0.5);
  if (j === 0) return ddMul(x, ddPoly(ddMul(x, x), ATAN_HI, ATAN_TAIL));
  const c = j / 64;
  const t = ddDiv(ddAddD(x, -c), ddAddD(ddMulD(x, c), 1));
  const at = ddMul(t, ddPoly(ddMul(t, t), ATAN_HI, ATAN_TAIL));
  return ddAdd([T.ATAN_TABLE[2 * j]!, T.ATAN_TABLE[2 * j + 1]!], at);
}

/** atan of a finite dd x >= 0, as a dd with relative error below 2^-99. */
export function atanKernel(xh: number, xl: number): DD {
  if (xh <= 1) return atanUnit([xh, xl]);
  if (xh > 1.152921504606847e18) return ddAddD(PI_2, -1 / xh); // x > 2^60: pi/2 - 1/x
  return ddAdd(PI_2, ddNeg(atanUnit(ddDiv([1, 0], [xh, xl]))));
}

/** atan x, correctly rounded (C99 atan). */
export function atan(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < TINY) return x;
  if (ax === Infinity) return x > 0 ? T.PI_2_HI : -T.PI_2_HI;
  const a = atanKernel(ax, 0)[0];
  return x < 0 ? -a : a;
}

const THREE_PI_4: DD = ddMulD([T.PI_4_HI, T.PI_4_LO], 3);

/** atan2(y, x), correctly rounded, with the C99 Annex F special cases. */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  const sy = y < 0 || Object.is(y, -0) ? -1 : 1;
  const xNeg = x < 0 || Object.is(x, -0);
  if (y === 0) return xNeg ? sy * T.PI_HI : y;
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  if (ay === Infinity) {
    if (ax === Infinity) return sy * (xNeg ? THREE_PI_4[0] : T.PI_4_HI);
    return sy * T.PI_2_HI;
  }
  if (x === 0) return sy * T.PI_2_HI;
  if (ax === Infinity) return xNeg ? sy * T.PI_HI : sy * 0;
  const ex = exponentOf(ax);
  const ey = exponentOf(ay);
  let a: DD;
  if (ey - ex > 60) {
    // |y/x| > 2^59: atan = pi/2 - x/y to well below the rounding error.
    a = ddAddD(PI_2, -(ax / ay));
    if (xNeg) a = ddAdd(PI, ddNeg(a));
  } else if (ex - ey > 60) {
    if (xNeg) {
      a = ddAddD(PI, -(ay / ax));
    } else {
      // atan(q) = q (1 - q^2/3 ...) with q < 2^-59, possibly subnormal: round q once, and
      // when q is exact let a tiny negative tail record that atan(q) is below q.
      const q = ddDiv([scalbn(ay, -ey), 0], [scalbn(ax, -ex), 0]);
      const lo = q[1] !== 0 ? q[1] : -q[0] * 8.673617379884035e-19; // 2^-60
      return sy * roundScaled(q[0], lo, ey - ex);
    }
  } else {
    const q = ddDiv([scalbn(ay, -ex), 0], [scalbn(ax, -ex), 0]);
    a = atanKernel(q[0], q[1]);
    if (xNeg) a = ddAdd(PI, ddNeg(a));
  }
  return sy * a[0];
}

/** asin x, correctly rounded (C99 asin): NaN outside [-1, 1]. */
export function asin(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (ax < TINY) return x;
  if (ax === 1) return x * T.PI_2_HI;
  // asin x = atan(x / sqrt(1 - x^2)), 1 - x^2 in dd without cancellation.
  const d: DD = ax >= 0.5 ? ddMulD(twoSum(1, ax), 1 - ax) : ddAddD(ddNeg(twoSquare(ax)), 1);
  const q = ddDiv([ax, 0], ddSqrt(d));
  const a = atanKernel(q[0], q[1])[0];
  return x < 0 ? -a : a;
}

/** acos x, correctly rounded (C99 acos): NaN outside [-1, 1]. */
export function acos(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (x === 1) return 0;
  if (x === -1) return T.PI_HI;
  // acos x = 2 atan(sqrt((1 - x) / (1 + x))), all in dd.
  const q = ddDiv(twoSum(1, -x), twoSum(1, x));
  const s = ddSqrt(q);
  const a = atanKernel(s[0], s[1]);
  return 2 * a[0] + 2 * a[1];
}
