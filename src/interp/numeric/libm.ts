/**
 * Correctly rounded elementary functions: pow, exp, log, sin, cos, atan2, hypot.
 *
 * Role: CPython calls the C library (glibc on Linux) for float ** float, abs(complex) and
 * complex ** complex. Measured against glibc 2.36, correctly rounded results equal
 * CPython's in all sampled hypot cases and in all but about 0.1% of pow/exp/log/sin/cos/
 * atan2 cases (glibc is within ~0.52 ulp there and misrounds hard cases, including exact
 * ties such as 10.0 ** 23). V8's Math.pow/Math.hypot/... (fdlibm ports) differ from glibc
 * for several percent of inputs, so they are never used for results.
 *
 * Method: exact binary inputs, bigint fixed-point evaluation with P fraction bits and a
 * conservative error bound ERR (in units of 2**-P), then Ziv's rounding test: if the
 * interval [v - ERR, v + ERR] rounds to a single double that double is the answer,
 * otherwise P doubles. Exact cases that would make the test loop (pow results that are
 * exactly representable or exactly halfway) are computed exactly beforehand.
 * These are slow paths (a few microseconds per call).
 */

import { bitLength, decompose, isqrt, ratioToDouble, roundToDouble } from './bits.js';

type Fixed = bigint; // a real number v stored as round(v * 2**P) for the P in scope

const MAX_P = 8192;

function one(P: number): Fixed {
  return 1n << BigInt(P);
}

/** Exact x as fixed point with P fraction bits, truncated toward zero. */
function fromDouble(x: number, P: number): Fixed {
  if (x === 0) return 0n;
  const [mant, exp] = decompose(x);
  const sh = exp + P;
  const m = BigInt(mant);
  const v = sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh);
  return x < 0 ? -v : v;
}

/**
 * Ziv's loop: `evaluate(P)` returns [v, e, err] meaning the positive true value lies in
 * [(v - err) * 2**e, (v + err) * 2**e]. Returns the correctly rounded double.
 */
function ziv(P0: number, evaluate: (P: number) => [Fixed, number, bigint]): number {
  let P = P0;
  for (;;) {
    const [v, e, err] = evaluate(P);
    const lo = roundToDouble(v - err > 0n ? v - err : 0n, e, false);
    const hi = roundToDouble(v + err, e, false);
    if (lo === hi || P >= MAX_P) return lo === hi ? lo : roundToDouble(v, e, false);
    P *= 2;
  }
}

/** sum_{k>=0} t**(2k+1)/(2k+1) for 0 <= t < 1/2 (atanh), fixed point P. */
function atanhSeries(T: Fixed, P: number): Fixed {
  const neg = T < 0n;
  if (neg) T = -T;
  const Pb = BigInt(P);
  const t2 = (T * T) >> Pb;
  let term = T;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * t2) >> Pb;
  }
  return neg ? -sum : sum;
}

/** sum_{k>=0} (-1)**k t**(2k+1)/(2k+1) for 0 <= t <= 1/2 (atan), fixed point P. */
function atanSeries(T: Fixed, P: number): Fixed {
  const Pb = BigInt(P);
  const t2 = (T * T) >> Pb;
  let term = T;
  let sum = 0n;
  let plus = true;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += plus ? term / k : -(term / k);
    plus = !plus;
    term = (term * t2) >> Pb;
  }
  return sum;
}

/** A constant computed once at the highest precision asked so far (32 guard bits). */
class ConstantCache {
  private p = 0;
  private v = 0n;
  constructor(private readonly compute: (P: number) => Fixed) {}
  /** The constant with P fraction bits, error <= 2 units. */
  get(P: number): Fixed {
    if (this.p < P + 32) {
      this.p = Math.max(P + 32, 2 * this.p);
      this.v = this.compute(this.p);
    }
    return this.v >> BigInt(this.p - P);
  }
}

const LN2 = new ConstantCache((P) => 2n * atanhSeries(one(P) / 3n, P));
// Machin: pi = 16 atan(1/5) - 4 atan(1/239).
const PI = new ConstantCache((P) => 16n * atanSeries(one(P) / 5n, P) - 4n * atanSeries(one(P) / 239n, P));

/**
 * ln(m * 2**e) for an integer m > 0, fixed point P; error <= 4*|k| + 2*P units where
 * k ~ e + bits(m), i.e. < 2**13 units for doubles and P <= 4096.
 */
function lnFixed(m: bigint, e: number, P: number): Fixed {
  const L = bitLength(m);
  let k = e + L - 1;
  let D = 1n << BigInt(L - 1); // m / D in [1, 2)
  if (2n * m * m > 4n * D * D) {
    // m / D > sqrt(2): use m / 2D in (0.707, 1] so |t| <= 0.172.
    D <<= 1n;
    k += 1;
  }
  const T = ((m - D) << BigInt(P)) / (m + D);
  return BigInt(k) * LN2.get(P) + 2n * atanhSeries(T, P);
}

/**
 * exp(Z * 2**-P) as [v, e] with value v * 2**e, v ~ 2**P; the error of v is at most
 * errZ + 2**9 * (P/4 + 8) units when Z carries errZ units.
 */
function expFixed(Z: Fixed, P: number): [Fixed, number] {
  const Pb = BigInt(P);
  const ln2 = LN2.get(P);
  // n = round(Z / ln2); floor division on bigints that may be negative.
  let n = (Z + (ln2 >> 1n)) / ln2;
  if (Z + (ln2 >> 1n) < 0n && n * ln2 !== Z + (ln2 >> 1n)) n -= 1n;
  const R = Z - n * ln2; // |R| <= ln2 / 2 (+ rounding)
  const S = 8; // exp(R) = exp(R / 2**S) ** (2**S)
  const neg = R < 0n;
  const A = (neg ? -R : R) >> BigInt(S);
  let sum = one(P);
  let term = one(P);
  for (let i = 1n; term !== 0n; i++) {
    term = (term * A) >> Pb;
    term /= i;
    sum += neg && (i & 1n) === 1n ? -term : term;
  }
  for (let i = 0; i < S; i++) sum = (sum * sum) >> Pb;
  return [sum, Number(n) - P];
}

function expErr(P: number, errZ: number): bigint {
  return BigInt(Math.ceil(errZ + 512 * (P / 4 + 8)) + 1);
}

/** Correctly rounded exp(x). */
export function crExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (x > 710) return Infinity;
  if (x < -746) return 0;
  if (Math.abs(x) < 2 ** -54) return 1; // 1 + x rounds to 1
  return ziv(53 + 64, (P) => {
    const [v, e] = expFixed(fromDouble(x, P), P);
    return [v, e, expErr(P, 1)];
  });
}

/** Correctly rounded natural log of a finite x > 0 (the caller handles domain errors). */
export function crLog(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 1) return 0;
  const [mant, exp] = decompose(x);
  // Near 1 the result is tiny: give the fixed point enough bits to carry 53 significant.
  const extra = Math.max(0, -Math.floor(Math.log2(Math.abs(x - 1) || 2 ** -60)));
  const r = ziv(53 + 64 + extra, (P) => {
    const v = lnFixed(BigInt(mant), exp, P);
    const a = v < 0n ? -v : v;
    return [a, -P, BigInt(4 * 1100 + 2 * P + 2)];
  });
  return x < 1 ? -r : r;
}

/**
 * Correctly rounded x ** y for finite x > 0, x != 1, finite y != 0 (float_pow has already
 * handled every special value). Infinity on overflow, 0 or a subnormal on underflow.
 */
export function powCR(x: number, y: number): number {
  if (y === 1) return x;
  if (y === 0.5) return Math.sqrt(x); // IEEE sqrt is correctly rounded
  const [mx, ex] = decompose(x);
  const estimate = y * Math.log2(x);
  if (estimate > 1100) return Infinity;
  if (estimate < -1100) return 0;
  if (Number.isInteger(y)) {
    // Exact: this covers every case where the result is representable or a tie.
    const MX = BigInt(mx);
    if ((MX & (MX - 1n)) === 0n) {
      const k = bitLength(MX) - 1 + ex; // x == 2**k
      return roundToDouble(1n, k * y, false);
    }
    if (Math.abs(y) * 53 <= 4096) {
      const p = MX ** BigInt(Math.abs(y));
      // x**y == mx**y * 2**(ex*y), for y < 0 as 2**(ex*y) / mx**|y|.
      if (y > 0) return roundToDouble(p, ex * y, false);
      return ratioToDouble(1n, p, ex * y);
    }
  }
  const [my, ey] = decompose(y);
  const yb = Math.max(0, Math.floor(Math.log2(Math.abs(y))) + 1);
  const MY = BigInt(y < 0 ? -my : my);
  return ziv(53 + 64, (P) => {
    // z = y * ln x with 2 units of error at P: ln x at Q = P + yb + 16 bits absorbs |y|.
    const Q = P + yb + 16;
    const lnx = lnFixed(BigInt(mx), ex, Q);
    const sh = Q - P - ey;
    const prod = lnx * MY;
    const Z = sh >= 0 ? prod >> BigInt(sh) : prod << BigInt(-sh);
    const [v, e] = expFixed(Z, P);
    return [v, e, expErr(P, 2)];
  });
}

/** Correctly rounded sqrt(x*x + y*y) with C99's special values (inf beats nan). */
export function crHypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  x = Math.abs(x);
  y = Math.abs(y);
  if (x === 0) return y;
  if (y === 0) return x;
  const [mx, ex] = decompose(x);
  const [my, ey] = decompose(y);
  const e = Math.min(ex, ey);
  const X = BigInt(mx) << BigInt(ex - e);
  const Y = BigInt(my) << BigInt(ey - e);
  let S = X * X + Y * Y; // value = S * 2**(2e)
  // Give the root at least 56 bits so the remainder only breaks ties.
  const t = Math.max(0, Math.ceil((112 - bitLength(S)) / 2));
  S <<= BigInt(2 * t);
  const r = isqrt(S);
  return roundToDouble(r, e - t, r * r !== S);
}

/** Fixed-point sin (wantSin) or cos of R, |R| <= pi/4 + tiny; error <= P/2 + 4 units. */
function sinCosSeries(R: Fixed, P: number, wantSin: boolean): Fixed {
  const Pb = BigInt(P);
  const neg = R < 0n;
  const A = neg ? -R : R;
  const a2 = (A * A) >> Pb;
  let term = wantSin ? A : one(P);
  let sum = 0n;
  let plus = true;
  // sin: a - a^3/(2*3) ... ; cos: 1 - a^2/(1*2) ...: the next divisor pair starts at j.
  for (let j = wantSin ? 2n : 1n; term !== 0n; j += 2n) {
    sum += plus ? term : -term;
    plus = !plus;
    term = ((term * a2) >> Pb) / (j * (j + 1n));
  }
  return wantSin && neg ? -sum : sum;
}

/**
 * sin or cos of a finite x, correctly rounded. Range reduction subtracts the nearest
 * multiple of pi/2 computed with pi wide enough for |x| up to 2**1024.
 */
function trig(x: number, wantSin: boolean): number {
  if (!Number.isFinite(x)) return NaN;
  const ax = Math.abs(x);
  // Below 2**-27, sin x = x - x^3/6 rounds to x and cos x = 1 - x^2/2 rounds to 1.
  if (ax < 2 ** -27) return wantSin ? x : 1;
  const [mant, exp] = decompose(ax);
  let negate = false;
  const r = ziv(53 + 64, (P) => {
    const Q = P + Math.max(0, exp + 53) + 16;
    const halfPi = PI.get(Q) >> 1n;
    const X = BigInt(mant) << BigInt(Q + exp);
    const q = (X + (halfPi >> 1n)) / halfPi;
    const R = (X - q * halfPi) >> BigInt(Q - P);
    // sin by quadrant q mod 4: sin R, cos R, -sin R, -cos R;
    // cos by quadrant q mod 4: cos R, -sin R, -cos R, sin R.
    const quad = Number(q & 3n);
    const useSin = wantSin ? quad % 2 === 0 : quad % 2 === 1;
    let v = sinCosSeries(R, P, useSin);
    if (wantSin ? quad >= 2 : quad === 1 || quad === 2) v = -v;
    negate = v < 0n;
    return [negate ? -v : v, -P, BigInt(P + 64)];
  });
  // sin is odd: the reduction ran on |x|.
  const signed = negate ? -r : r;
  return wantSin && x < 0 ? -signed : signed;
}

/** Correctly rounded sin(x). */
export function crSin(x: number): number {
  return trig(x, true);
}

/** Correctly rounded cos(x). */
export function crCos(x: number): number {
  return trig(x, false);
}

/**
 * atan(num/den) for num, den > 0 as fixed point P. Error: the series (2 units per term,
 * t < 1/16 so about P/8 terms) and the up-to-4 angle halvings (2 units each), all
 * multiplied by 2**k <= 16 at the end: under 4P + 256 units.
 */
function atanRatio(num: bigint, den: bigint, P: number): Fixed {
  if (num > den) {
    return (PI.get(P) >> 1n) - atanRatio(den, num, P);
  }
  const Pb = BigInt(P);
  const ONE = one(P);
  let T = (num << Pb) / den; // in [0, 1]
  let k = 0n;
  // atan t = 2 atan(t / (1 + sqrt(1 + t^2))): halve the angle until t < 1/16.
  while (T > ONE >> 4n) {
    T = (T << Pb) / (ONE + isqrt(ONE * ONE + T * T));
    k += 1n;
  }
  return atanSeries(T, P) << k;
}

/** Correctly rounded atan2(y, x) with C99 Annex F special values. */
export function crAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const ysign = y < 0 || Object.is(y, -0) ? -1 : 1;
  const xneg = x < 0 || Object.is(x, -0);
  const pi = 3.141592653589793;
  if (y === 0) return ysign * (xneg ? pi : 0);
  if (x === 0) return ysign * (pi / 2);
  if (!Number.isFinite(y)) {
    if (x === Infinity) return ysign * (pi / 4);
    if (x === -Infinity) return ysign * 2.356194490192345; // 3*pi/4 correctly rounded
    return ysign * (pi / 2);
  }
  if (x === Infinity) return ysign * 0;
  if (x === -Infinity) return ysign * pi;
  const [my, ey] = decompose(Math.abs(y));
  const [mx, ex] = decompose(Math.abs(x));
  const e = Math.min(ex, ey);
  const N = BigInt(my) << BigInt(ey - e);
  const D = BigInt(mx) << BigInt(ex - e);
  // When |y/x| is tiny the result is ~|y/x|: carry enough bits for 53 significant ones.
  const extra = Math.max(0, bitLength(D) - bitLength(N));
  const r = ziv(53 + 64 + extra, (P) => {
    let a = atanRatio(N, D, P);
    if (xneg) a = PI.get(P) - a;
    return [a, -P, BigInt(4 * P + 256)];
  });
  return ysign * r;
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;
}

/**
 * C99 pow(x, y) with the special values of C99 Annex F.9.4.4, correctly rounded.
 * Domain errors (negative x, non-integral y) give NaN; poles give +-Infinity.
 */
export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const yOdd = isOddInteger(y);
  if (x === 0) {
    const negZero = Object.is(x, -0);
    if (y < 0) return yOdd && negZero ? -Infinity : Infinity;
    return yOdd && negZero ? -0 : 0;
  }
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return ax < 1 === y < 0 ? Infinity : 0;
  }
  if (x === -Infinity) {
    if (y < 0) return yOdd ? -0 : 0;
    return yOdd ? -Infinity : Infinity;
  }
  if (x === Infinity) return y < 0 ? 0 : Infinity;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const m = x === -1 ? 1 : powCR(-x, y);
    return yOdd ? -m : m;
  }
  return powCR(x, y);
}
