/**
 * mathdd.ts: exact building blocks under edgepyc's math kernels.
 *
 * Role: bit-level access to IEEE-754 binary64 values (words, exponent, scaling by powers of
 * two with a single rounding) and double-double ("dd") arithmetic, the representation of a
 * real number as an unevaluated sum hi + lo of two doubles with |lo| <= ulp(hi)/2. The
 * elementary-function kernels (mathexp.ts, mathtrig.ts, mathhyp.ts, mathspecial.ts) evaluate
 * in dd, carrying about 104 significant bits, and round once at the end; that is how they
 * return correctly rounded results in practice.
 *
 * Pipeline position: below the interpreter's `math` module (mathfns.ts) and below the
 * float/complex helpers that need a libm. The native runtime has no libm, so this file uses
 * only operations that IEEE 754 defines exactly (+ - * / and sqrt, all rounded to nearest
 * even) plus Math.abs/floor/ceil/trunc; never Math.exp/log/pow/sin/... whose results V8
 * computes with its own (fdlibm) algorithms.
 *
 * Invariants: every DD returned here is normalized (hi === hi + lo in double arithmetic).
 * The error-free transformations (twoSum, twoProd) are exact for finite inputs as long as no
 * intermediate overflows; twoProd's Veltkamp split needs |a|, |b| < 2^996.
 * Sources: T. J. Dekker, "A floating-point technique for extending the available precision"
 * (1971); Hida, Li, Bailey, "Library for double-double and quad-double arithmetic" (2007).
 */

/** A double-double value hi + lo, normalized so that fl(hi + lo) === hi. */
export type DD = readonly [hi: number, lo: number];

// Word access. x86-64 (and every platform Node runs edgepyc on) is little-endian: u32[1] is
// the high word holding sign, exponent and the top 20 mantissa bits.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('mathdd: a little-endian host is required');
}

/** High 32 bits of the binary64 encoding of x (sign, 11 exponent bits, 20 mantissa bits). */
export function highWord(x: number): number {
  F64[0] = x;
  return U32[1]!;
}

/** Low 32 bits of the binary64 encoding of x. */
export function lowWord(x: number): number {
  F64[0] = x;
  return U32[0]!;
}

/** The double whose binary64 encoding has the given high and low 32-bit words. */
export function fromWords(hi: number, lo: number): number {
  U32[1] = hi >>> 0;
  U32[0] = lo >>> 0;
  return F64[0]!;
}

/** The 64-bit encoding of x as an unsigned bigint (for tests and fixtures). */
export function bitsOf(x: number): bigint {
  F64[0] = x;
  return (BigInt(U32[1]!) << 32n) | BigInt(U32[0]!);
}

/** The double encoded by the 64-bit pattern b. */
export function fromBits(b: bigint): number {
  U32[1] = Number((b >> 32n) & 0xffffffffn);
  U32[0] = Number(b & 0xffffffffn);
  return F64[0]!;
}

/** 2^n exactly, for integer n in [-1022, 1023] (normal range). */
export function pow2(n: number): number {
  return fromWords((n + 1023) << 20, 0);
}

const P2_1023 = pow2(1023);
const P2_M969 = pow2(-969); // 2^-1022 * 2^53: keeps a later subnormal rounding single
const P2_54 = pow2(54);

/** x * 2^n with a single rounding (C99 scalbn); n any integer. Overflow gives +-inf. */
export function scalbn(x: number, n: number): number {
  if (n > 1023) {
    x *= P2_1023;
    n -= 1023;
    if (n > 1023) {
      x *= P2_1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // If x*2^-969 is already subnormal the final result is below 2^-1075 and rounds to zero
    // either way, so the two steps never round twice in a way that matters.
    x *= P2_M969;
    n += 969;
    if (n < -1022) {
      x *= P2_M969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * pow2(n);
}

/**
 * The binary exponent of finite nonzero x: the e with 2^e <= |x| < 2^(e+1). Subnormals
 * included (ilogb).
 */
export function exponentOf(x: number): number {
  const e = (highWord(x) >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  return ((highWord(x * P2_54) >>> 20) & 0x7ff) - 1023 - 54;
}

/** C frexp for finite nonzero x: [m, e] with x = m * 2^e and 0.5 <= |m| < 1. */
export function frexpFinite(x: number): [number, number] {
  const e = exponentOf(x) + 1;
  return [scalbn(x, -e), e];
}

/** Error-free sum: s + e === a + b exactly, s = fl(a + b). (Knuth TwoSum.) */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  const e = a - (s - bb) + (b - bb);
  return [s, e];
}

/** Error-free sum when |a| >= |b| (or a === 0): s + e === a + b exactly. (Dekker.) */
export function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

/** Error-free product: p + e === a * b exactly, p = fl(a * b). Needs |a|, |b| < 2^996. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return [p, e];
}

/** Error-free square: p + e === a * a exactly. Needs |a| < 2^996. */
export function twoSquare(a: number): DD {
  const p = a * a;
  const t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  return [p, ah * ah - p + 2 * ah * al + al * al];
}

/** dd + dd, relative error about 2^-105 (the "accurate" QD addition). */
export function ddAdd(a: DD, b: DD): DD {
  let s = a[0] + b[0];
  let bb = s - a[0];
  let e = a[0] - (s - bb) + (b[0] - bb);
  const t = a[1] + b[1];
  bb = t - a[1];
  const f = a[1] - (t - bb) + (b[1] - bb);
  e += t;
  let h = s + e;
  e = e - (h - s);
  s = h;
  e += f;
  h = s + e;
  return [h, e - (h - s)];
}

/** dd + double. */
export function ddAddD(a: DD, b: number): DD {
  const s = a[0] + b;
  const bb = s - a[0];
  let e = a[0] - (s - bb) + (b - bb);
  e += a[1];
  const h = s + e;
  return [h, e - (h - s)];
}

/** dd - dd. */
export function ddSub(a: DD, b: DD): DD {
  return ddAdd(a, [-b[0], -b[1]]);
}

/** -a. */
export function ddNeg(a: DD): DD {
  return [-a[0], -a[1]];
}

/** dd * dd, relative error about 2^-104. Needs |hi| parts < 2^996. */
export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  const f = e + (a[0] * b[1] + a[1] * b[0]);
  const h = p + f;
  return [h, f - (h - p)];
}

/** dd * double. */
export function ddMulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  const f = e + a[1] * b;
  const h = p + f;
  return [h, f - (h - p)];
}

/** dd / dd, relative error about 2^-104 (three-quotient long division). */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddSub(a, ddMulD(b, q1));
  const q2 = r[0] / b[0];
  r = ddSub(r, ddMulD(b, q2));
  const q3 = r[0] / b[0];
  const [s, e] = fastTwoSum(q1, q2);
  return ddAddD([s, e], q3);
}

/**
 * 1/n as a dd for an integer 0 < n < 2^53 (exact as a double): hi = fl(1/n) and
 * 1 - hi*n evaluated exactly through twoProd.
 */
export function ddInvInt(n: number): DD {
  const hi = 1 / n;
  const [p, e] = twoProd(hi, n);
  return [hi, (1 - p - e) / n];
}

/** sqrt(a) for a dd a >= 0: one Newton correction of the hardware square root. */
export function ddSqrt(a: DD): DD {
  if (a[0] <= 0) return [Math.sqrt(a[0]), 0];
  const s = Math.sqrt(a[0]);
  const [p, e] = twoSquare(s);
  const d = a[0] - p - e + a[1];
  const c = d / (2 * s);
  const h = s + c;
  return [h, c - (h - s)];
}

/**
 * Horner evaluation of sum c[i] x^i in dd. `hiCoeffs` are dd coefficients for the low
 * powers (c[0] .. c[m-1]); `tailCoeffs` are plain doubles for the high powers c[m] ..,
 * evaluated in double precision at x.hi: their terms are small enough that double
 * rounding errors stay below the dd error budget (the caller checks that per kernel).
 */
export function ddPoly(x: DD, hiCoeffs: readonly DD[], tailCoeffs: readonly number[]): DD {
  let i = hiCoeffs.length - 1;
  let acc: DD;
  if (tailCoeffs.length > 0) {
    let t = 0;
    for (let j = tailCoeffs.length - 1; j >= 0; j--) t = t * x[0] + tailCoeffs[j]!;
    acc = [t, 0];
  } else {
    acc = hiCoeffs[i--]!;
  }
  for (; i >= 0; i--) acc = ddAdd(ddMul(acc, x), hiCoeffs[i]!);
  return acc;
}

/**
 * The double nearest to (hi + lo) * 2^k (ties to even), including results in the subnormal
 * range, where a plain fl(hi + lo) * 2^k would round twice. hi + lo must be normalized.
 */
export function roundScaled(hi: number, lo: number, k: number): number {
  if (hi === 0 || hi !== hi || !Number.isFinite(hi)) return scalbn(hi, k);
  const e = exponentOf(hi) + k;
  if (e >= -1022) return scalbn(hi, k); // scaling a normalized dd's hi is exact here
  // Subnormal result: round hi onto the 2^-1074 grid, then let lo break exact ties.
  const a = scalbn(hi, k);
  const d = hi - scalbn(a, -k); // exact: hi and the rounded value are within a grid step
  const halfGrid = scalbn(1, -1075 - k);
  if (lo !== 0 && Math.abs(d) === halfGrid && lo > 0 === d > 0) {
    return a + (d > 0 ? 5e-324 : -5e-324);
  }
  return a;
}

/**
 * C fmod: x - n*y with n = trunc(x / y), computed exactly (the result is always
 * representable) by subtracting y * 2^k for decreasing k; each subtraction is exact by
 * Sterbenz's lemma. NaN when x is infinite or y is zero; x when y is infinite.
 */
export function fmod(x: number, y: number): number {
  if (x !== x || y !== y || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const ay = Math.abs(y);
  let r = Math.abs(x);
  if (r < ay) return x;
  const ey = exponentOf(ay);
  while (r >= ay) {
    let t = scalbn(ay, exponentOf(r) - ey); // same binade as r: no overflow
    if (t > r) t *= 0.5; // exact: t >= 2 * ay here
    r -= t;
  }
  return x < 0 ? -r : r;
}
