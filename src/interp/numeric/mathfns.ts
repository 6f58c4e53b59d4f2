/**
 * mathfns.ts: Python 3.11's `math` module (and float `**`) for edgepyc's interpreter, as
 * pure functions over JS values.
 *
 * Role: the interpreter's `math.<name>` builtins convert their Python arguments (floats
 * via __float__, ints via __index__, raising the TypeErrors) and call the function of the
 * same name here, which computes the result with CPython's semantics and raises
 * MathError (matherror.ts) with CPython's exception kind and message. The native runtime
 * ports these same algorithms.
 *
 * Value conventions: a Python float is a JS number; a Python int is a JS number when it
 * is a safe integer, else a bigint (PyInt, mathint.ts). Functions documented as taking a
 * float receive the converted double. Where CPython treats ints and floats differently the
 * signature says so: log/log2/log10 take number | bigint (a bigint is a Python int beyond
 * 2^53, possibly beyond the double range; a Python int that fits a double behaves the same
 * on both of CPython's paths, so it may be passed as a number), ldexp takes a tagged
 * PyArg, floor/ceil/trunc take a float or a Python int (which they return unchanged; CPython
 * calls int.__floor__ etc., which do the same).
 *
 * Error rules follow Modules/mathmodule.c: math_1 (NaN from a non-NaN argument is
 * ValueError "math domain error"; an infinity from a finite argument is OverflowError
 * "math range error" for functions that can overflow, else the same ValueError), math_1a
 * (errno-based, for gamma/lgamma), math_2, and the per-function special cases.
 */

import {
  exponentOf,
  fmod as cFmod,
  frexpFinite,
  fromWords,
  highWord,
  lowWord,
  scalbn,
} from './mathdd.js';
import * as ex from './mathexp.js';
import * as hy from './mathhyp.js';
import * as sp from './mathspecial.js';
import * as tr from './mathtrig.js';
import { MathError, MSG, domainError, rangeError } from './matherror.js';
import { type PyInt, bitLength, floatToInt } from './mathint.js';

export { MathError, type MathErrorKind } from './matherror.js';
export { type PyInt, comb, factorial, gcd, isqrt, lcm, perm } from './mathint.js';

/** A Python argument whose int-ness matters: an int (any size) or a float. */
export type PyArg = { readonly int: PyInt } | { readonly float: number };

// --- constants -------------------------------------------------------------------------

/** math.pi */
export const pi = 3.141592653589793;
/** math.e */
export const e = 2.718281828459045;
/** math.tau */
export const tau = 6.283185307179586;
/** math.inf */
export const inf = Infinity;
/** math.nan */
export const nan = NaN;

// --- wrappers with CPython's error rules ------------------------------------------------

/** CPython's math_1: apply f and map NaN / infinity results to exceptions. */
function math1(x: number, f: (v: number) => number, canOverflow: boolean): number {
  const r = f(x);
  if (r !== r && x === x) throw domainError();
  if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) {
    throw canOverflow ? rangeError() : domainError();
  }
  return r;
}

/** CPython's math_1a for functions that report errors through errno. */
function math1a(r: number, errno: sp.Errno): number {
  if (errno === sp.EDOM) throw domainError();
  if (errno === sp.ERANGE && Math.abs(r) >= 1.5) throw rangeError();
  return r;
}

/** CPython's math_2: a NaN from non-NaN arguments or an infinity from finite ones. */
function math2(x: number, y: number, r: number): number {
  if (r !== r) {
    if (x === x && y === y) throw domainError();
  } else if (r === Infinity || r === -Infinity) {
    if (Number.isFinite(x) && Number.isFinite(y)) throw rangeError();
  }
  return r;
}

// --- one-argument float functions ---------------------------------------------------------

/** math.acos(x) */
export const acos = (x: number): number => math1(x, tr.acos, false);
/** math.acosh(x) */
export const acosh = (x: number): number => math1(x, hy.acosh, false);
/** math.asin(x) */
export const asin = (x: number): number => math1(x, tr.asin, false);
/** math.asinh(x) */
export const asinh = (x: number): number => math1(x, hy.asinh, false);
/** math.atan(x) */
export const atan = (x: number): number => math1(x, tr.atan, false);
/** math.atanh(x) */
export const atanh = (x: number): number => math1(x, hy.atanh, false);
/** math.cbrt(x) */
export const cbrt = (x: number): number => math1(x, ex.cbrt, false);
/** math.cos(x) */
export const cos = (x: number): number => math1(x, tr.cos, false);
/** math.cosh(x) */
export const cosh = (x: number): number => math1(x, hy.cosh, true);
/** math.erf(x) */
export const erf = (x: number): number => sp.erf(x);
/** math.erfc(x) */
export const erfc = (x: number): number => sp.erfc(x);
/** math.exp(x) */
export const exp = (x: number): number => math1(x, ex.exp, true);
/** math.exp2(x) */
export const exp2 = (x: number): number => math1(x, ex.exp2, true);
/** math.expm1(x) */
export const expm1 = (x: number): number => math1(x, ex.expm1, true);
/** math.fabs(x) */
export const fabs = (x: number): number => Math.abs(x);
/** math.gamma(x): CPython's own Lanczos gamma. */
export const gamma = (x: number): number => math1a(...sp.tgamma(x));
/** math.lgamma(x): CPython's own Lanczos log-gamma. */
export const lgamma = (x: number): number => math1a(...sp.lgamma(x));
/** math.log1p(x) */
export const log1p = (x: number): number => math1(x, ex.log1p, false);
/** math.sin(x) */
export const sin = (x: number): number => math1(x, tr.sin, false);
/** math.sinh(x) */
export const sinh = (x: number): number => math1(x, hy.sinh, true);
/** math.sqrt(x): IEEE square root (exact rounding). */
export const sqrt = (x: number): number => math1(x, Math.sqrt, false);
/** math.tan(x) */
export const tan = (x: number): number => math1(x, tr.tan, false);
/** math.tanh(x) */
export const tanh = (x: number): number => math1(x, hy.tanh, false);

const RAD_TO_DEG = 180 / 3.141592653589793;
const DEG_TO_RAD = 3.141592653589793 / 180;

/** math.degrees(x) */
export const degrees = (x: number): number => x * RAD_TO_DEG;
/** math.radians(x) */
export const radians = (x: number): number => x * DEG_TO_RAD;
/** math.isfinite(x) */
export const isfinite = (x: number): boolean => Number.isFinite(x);
/** math.isinf(x) */
export const isinf = (x: number): boolean => x === Infinity || x === -Infinity;
/** math.isnan(x) */
export const isnan = (x: number): boolean => x !== x;

/** math.floor(x): the int nearest toward -inf (a float, or a Python int returned as is). */
export const floor = (x: number | bigint): PyInt => (typeof x === 'bigint' ? x : floatToInt(Math.floor(x)));
/** math.ceil(x): the int nearest toward +inf (a float, or a Python int returned as is). */
export const ceil = (x: number | bigint): PyInt => (typeof x === 'bigint' ? x : floatToInt(Math.ceil(x)));
/** math.trunc(x), also int(x): the int nearest toward zero (float, or a Python int as is). */
export const trunc = (x: number | bigint): PyInt => (typeof x === 'bigint' ? x : floatToInt(x));

// --- logarithms ---------------------------------------------------------------------------

/** _PyLong_Frexp: [m, e] with n ~ m * 2^e, 0.5 <= m < 1 rounded half-even to 53 bits. */
function bigFrexp(n: bigint): [number, number] {
  const bl = bitLength(n);
  const shift = BigInt(bl - 53);
  let q = n >> shift;
  const rem = n - (q << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  let e = bl;
  let m = scalbn(Number(q), -53);
  if (m === 1) {
    m = 0.5;
    e += 1;
  }
  return [m, e];
}

/** CPython's loghelper: ints (including huge ones) on their own path, floats via math_1. */
function logHelper(x: number | bigint, f: (v: number) => number): number {
  if (typeof x === 'bigint') {
    if (x <= 0n) throw domainError();
    const d = Number(x); // correctly rounded, like PyLong_AsDouble
    if (Number.isFinite(d)) return f(d);
    const [m, e] = bigFrexp(x);
    return f(m) + f(2.0) * e;
  }
  return math1(x, f, false);
}

/** math.log(x[, base]); x and base are floats or Python ints (bigint past 2^53). */
export function log(x: number | bigint, base?: number | bigint): number {
  const num = logHelper(x, ex.log);
  if (base === undefined) return num;
  const den = logHelper(base, ex.log);
  if (den === 0) throw new MathError('ZeroDivisionError', MSG.floatDivZero);
  return num / den;
}

/** math.log2(x) */
export const log2 = (x: number | bigint): number => logHelper(x, ex.log2);
/** math.log10(x) */
export const log10 = (x: number | bigint): number => logHelper(x, ex.log10);

// --- two-argument float functions -----------------------------------------------------

/** math.atan2(y, x) */
export const atan2 = (y: number, x: number): number => math2(y, x, tr.atan2(y, x));

/** math.copysign(x, y): |x| with the sign bit of y (NaN signs included). */
export function copysign(x: number, y: number): number {
  const s = highWord(y) >>> 31;
  const hx = highWord(x);
  return fromWords((hx & 0x7fffffff) | (s << 31), lowWord(x));
}

/** math.fmod(x, y): C fmod, exact; ValueError for fmod(inf, y) and fmod(x, 0). */
export function fmod(x: number, y: number): number {
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return x;
  const r = cFmod(x, y);
  if (r !== r && x === x && y === y) throw domainError();
  return r;
}

/** CPython's m_remainder: IEEE 754 remainder, exact. */
function cRemainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = cFmod(absx, absy);
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2 * cFmod(0.5 * (absx - m), absy);
    return copysign(1, x) * r;
  }
  if (x !== x) return x;
  if (y !== y) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

/** math.remainder(x, y) */
export const remainder = (x: number, y: number): number => math2(x, y, cRemainder(x, y));

/** math.pow(x, y): CPython's special cases, then the libm pow. */
export function pow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) return y === 0 ? 1 : x;
    if (y !== y) return x === 1 ? 1 : y;
    if (x === Infinity || x === -Infinity) {
      const oddY = Number.isFinite(y) && cFmod(Math.abs(y), 2) === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? copysign(0, x) : 0;
    }
    // y infinite
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) return -y;
    return 0;
  }
  const r = ex.pow(x, y);
  if (r !== r) throw domainError();
  if (r === Infinity || r === -Infinity) throw x === 0 ? domainError() : rangeError();
  return r;
}

/** Result of float `**`: a float, or "compute it as a complex power" (negative ** fraction). */
export type FloatPowResult = { readonly kind: 'float'; readonly value: number } | { readonly kind: 'complex' };

/**
 * float.__pow__(x, y) for floats x, y (Objects/floatobject.c float_pow). A negative finite
 * base with a finite non-integer exponent returns { kind: 'complex' }: the caller computes
 * complex(x) ** complex(y). Raises ZeroDivisionError for 0.0 ** negative and
 * OverflowError(34, 'Numerical result out of range') on overflow.
 */
export function floatPow(x: number, y: number): FloatPowResult {
  const f = (value: number): FloatPowResult => ({ kind: 'float', value });
  if (y === 0) return f(1);
  if (x !== x) return f(x);
  if (y !== y) return f(x === 1 ? 1 : y);
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return f(1);
    return f(y > 0 === ax > 1 ? Infinity : 0);
  }
  if (x === Infinity || x === -Infinity) {
    const odd = ex.isOddInteger(y);
    if (y > 0) return f(odd ? x : Math.abs(x));
    return f(odd ? copysign(0, x) : 0);
  }
  if (x === 0) {
    if (y < 0) throw new MathError('ZeroDivisionError', MSG.zeroNegPow);
    return f(ex.isOddInteger(y) ? x : 0);
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) return { kind: 'complex' };
    x = -x;
    negate = ex.isOddInteger(y);
  }
  if (x === 1) return f(negate ? -1 : 1);
  const r = ex.pow(x, y);
  if (r === Infinity) throw new MathError('OverflowError', 34, MSG.erangeErrno);
  return f(negate ? -r : r);
}

// --- decomposition and neighbours ----------------------------------------------------

/** math.frexp(x): [m, e] with x = m * 2^e, 0.5 <= |m| < 1, or [x, 0] for 0, inf, NaN. */
export function frexp(x: number): [number, PyInt] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  return frexpFinite(x);
}

/** math.ldexp(x, i): x * 2^i with one rounding; i must be a Python int. */
export function ldexp(x: number, i: PyArg): number {
  if (!('int' in i)) throw new MathError('TypeError', 'Expected an int as second argument to ldexp.');
  if (x === 0 || !Number.isFinite(x)) return x;
  const n = i.int;
  // Exponents beyond C int range saturate, as CPython's LONG -> INT clamping does.
  const big = typeof n === 'bigint';
  if ((big && n > 2147483647n) || (!big && n > 2147483647)) throw rangeError();
  if ((big && n < -2147483648n) || (!big && n < -2147483648)) return copysign(0, x);
  const r = scalbn(x, Number(n));
  if (r === Infinity || r === -Infinity) throw rangeError();
  return r;
}

/** math.modf(x): [fractional part, integer part], both with the sign of x. */
export function modf(x: number): [number, number] {
  if (x === Infinity || x === -Infinity) return [copysign(0, x), x];
  if (x !== x) return [x, x];
  const ip = Math.trunc(x);
  return [copysign(x - ip, x), ip];
}

/** C nextafter: the double next to x in the direction of y. */
function cNextafter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  let hi = highWord(x);
  let lo = lowWord(x);
  const up = y > x === x > 0; // moving away from zero
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi += 1;
  } else {
    if (lo === 0) hi -= 1;
    lo = (lo - 1) >>> 0;
  }
  return fromWords(hi, lo);
}

/** math.nextafter(x, y) */
export const nextafter = (x: number, y: number): number => cNextafter(x, y);

/** math.ulp(x): the value of the least significant bit of x. */
export function ulp(x: number): number {
  if (x !== x) return x;
  x = Math.abs(x);
  if (x === Infinity) return x;
  const x2 = cNextafter(x, Infinity);
  if (x2 === Infinity) return x - cNextafter(x, -Infinity);
  return x2 - x;
}

/** math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
export function isclose(a: number, b: number, relTol = 1e-9, absTol = 0): boolean {
  if (relTol < 0 || absTol < 0) throw new MathError('ValueError', 'tolerances must be non-negative');
  if (a === b) return true;
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
}

// --- sums and norms -----------------------------------------------------------------------

/**
 * math.fsum(iterable) over already-converted floats: CPython's exact msum (Shewchuk's
 * partials with the half-even fix-up), so the result is the correctly rounded sum.
 */
export function fsum(values: Iterable<number>): number {
  const p: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (let x of values) {
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // a non-finite partial: an intermediate overflow, or an inf/nan summand
        if (Number.isFinite(xsave)) throw new MathError('OverflowError', 'intermediate overflow in fsum');
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        specialSum += xsave;
        p.length = 0;
      } else {
        p.push(x);
      }
    }
  }
  if (specialSum !== 0) {
    if (infSum !== infSum) throw new MathError('ValueError', '-inf + inf in fsum');
    return specialSum;
  }
  let n = p.length;
  let hi = 0;
  if (n > 0) {
    hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up to ...002.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

const T27 = 134217729; // 2^27 + 1

/**
 * CPython's vector_norm: sqrt(sum(x*x)) of nonnegative finite-or-special values with the
 * maximum given, via power-of-two scaling, Dekker squaring, compensated summation and a
 * final differential correction of the square root.
 */
function vectorNorm(vec: readonly number[], max: number, foundNan: boolean): number {
  const n = vec.length;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || n <= 1) return max;
  const maxE = exponentOf(max) + 1; // frexp exponent
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  let frac3 = 0;
  if (maxE >= -1023) {
    const scale = scalbn(1, -maxE);
    for (let i = 0; i < n; i++) {
      let x = vec[i]! * scale;
      const t = x * T27;
      const hi = t - (t - x);
      const lo = x - hi;
      x = hi * hi;
      let oldcsum = csum;
      csum += x;
      frac1 += oldcsum - csum + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += oldcsum - csum + x;
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    let x = h;
    const t = x * T27;
    const hi = t - (t - x);
    const lo = x - hi;
    x = -hi * hi;
    let oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += oldcsum - csum + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += oldcsum - csum + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // ldexp(1.0, -max_e) would overflow: divide by max instead.
  for (let i = 0; i < n; i++) {
    let x = vec[i]! / max;
    x = x * x;
    const oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

/** math.hypot(*coordinates) over already-converted floats. */
export function hypot(...coords: number[]): number {
  let max = 0;
  let foundNan = false;
  const abs = coords.map((c) => {
    const x = Math.abs(c);
    if (x !== x) foundNan = true;
    if (x > max) max = x;
    return x;
  });
  return vectorNorm(abs, max, foundNan);
}

/** math.dist(p, q) over already-converted coordinate sequences. */
export function dist(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) {
    throw new MathError('ValueError', 'both points must have the same number of dimensions');
  }
  let max = 0;
  let foundNan = false;
  const diffs = p.map((px, i) => {
    const x = Math.abs(px - q[i]!);
    if (x !== x) foundNan = true;
    if (x > max) max = x;
    return x;
  });
  return vectorNorm(diffs, max, foundNan);
}
