/**
 * mathint.ts: the integer functions of Python's math module (isqrt, factorial, comb, perm,
 * gcd, lcm) and float -> int conversion (floor, ceil, trunc, int(float)).
 *
 * Role: pure functions under mathfns.ts. Arguments are Python ints after the caller's
 * __index__ conversion (the caller raises the TypeError for floats and other types).
 *
 * Representation (edgepyc's convention for Python ints outside the object heap): a JS
 * number when |v| <= Number.MAX_SAFE_INTEGER, else a bigint. Results are canonical: a
 * number whenever it fits. Errors are CPython 3.11's exceptions and messages, including
 * the C-range limits (LONG_MAX, LLONG_MAX) CPython enforces.
 */

import { MathError, MSG } from './matherror.js';

/** A Python int: a safe-integer JS number, or a bigint outside the safe range. */
export type PyInt = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const LLONG_MAX = (1n << 63n) - 1n; // also LONG_MAX on x86-64 Linux

/** The canonical PyInt for a bigint value. */
export function canon(v: bigint): PyInt {
  return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

/** A PyInt as a bigint. */
export function big(v: PyInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function isNeg(v: PyInt): boolean {
  return typeof v === 'bigint' ? v < 0n : v < 0;
}

/** Number of bits of |v| (int.bit_length). */
export function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  if (v === 0n) return 0;
  // toString(16) is linear; refine the last digit.
  const s = v.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

/** int(v) for a float v: truncation toward zero, with CPython's errors for NaN and inf. */
export function floatToInt(v: number): PyInt {
  if (v !== v) throw new MathError('ValueError', MSG.floatNaNToInt);
  if (!Number.isFinite(v)) throw new MathError('OverflowError', MSG.floatInfToInt);
  const t = Math.trunc(v);
  if (Math.abs(t) <= Number.MAX_SAFE_INTEGER) return t === 0 ? 0 : t; // no -0 for ints
  return BigInt(t);
}

/** math.isqrt(n): floor(sqrt(n)) for n >= 0. */
export function isqrt(n: PyInt): PyInt {
  if (isNeg(n)) throw new MathError('ValueError', 'isqrt() argument must be nonnegative');
  if (typeof n === 'number') {
    // n <= 2^53: the double square root is within one of the answer; fix it exactly.
    let a = Math.floor(Math.sqrt(n));
    while (a * a > n) a--;
    while ((a + 1) * (a + 1) <= n) a++;
    return a;
  }
  // Newton's iteration from above: x_{k+1} = (x_k + n // x_k) // 2 decreases to isqrt(n).
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return canon(x);
    x = y;
  }
}

/** Product of the integers in [lo, hi] (binary splitting keeps the operands balanced). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (lo > hi) return 1n;
  if (hi - lo < 8n) {
    let p = lo;
    for (let i = lo + 1n; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

/** math.factorial(n). */
export function factorial(n: PyInt): PyInt {
  if (typeof n === 'bigint' && n > LLONG_MAX) {
    throw new MathError('OverflowError', `factorial() argument should not exceed ${LLONG_MAX}`);
  }
  if (isNeg(n)) throw new MathError('ValueError', 'factorial() not defined for negative values');
  return canon(rangeProduct(2n, big(n)));
}

/** math.perm(n, k): n! / (n - k)!, 0 when k > n; k null (None) means n!. */
export function perm(n: PyInt, k: PyInt | null = null): PyInt {
  if (k === null) return factorial(n);
  if (isNeg(n)) throw new MathError('ValueError', 'n must be a non-negative integer');
  if (isNeg(k)) throw new MathError('ValueError', 'k must be a non-negative integer');
  const bn = big(n);
  const bk = big(k);
  if (bn < bk) return 0;
  if (bk > LLONG_MAX) throw new MathError('OverflowError', `k must not exceed ${LLONG_MAX}`);
  return canon(rangeProduct(bn - bk + 1n, bn));
}

/** math.comb(n, k): n! / (k! (n - k)!), 0 when k > n. */
export function comb(n: PyInt, k: PyInt): PyInt {
  if (isNeg(n)) throw new MathError('ValueError', 'n must be a non-negative integer');
  if (isNeg(k)) throw new MathError('ValueError', 'k must be a non-negative integer');
  const bn = big(n);
  let bk = big(k);
  if (bk > bn) return 0;
  if (bn - bk < bk) bk = bn - bk;
  if (bk > LLONG_MAX) {
    throw new MathError('OverflowError', `min(n - k, k) must not exceed ${LLONG_MAX}`);
  }
  return canon(rangeProduct(bn - bk + 1n, bn) / rangeProduct(2n, bk));
}

function gcd2(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** math.gcd(*ints): 0 for no arguments, always nonnegative. */
export function gcd(...args: PyInt[]): PyInt {
  if (args.length === 0) return 0;
  let acc: PyInt = args[0]!;
  if (args.length === 1) return typeof acc === 'bigint' ? canon(acc < 0n ? -acc : acc) : Math.abs(acc);
  for (let i = 1; i < args.length; i++) {
    const b = args[i]!;
    acc = typeof acc === 'number' && typeof b === 'number' ? gcdNum(acc, b) : canon(gcd2(big(acc), big(b)));
  }
  return acc;
}

/** math.lcm(*ints): 1 for no arguments, always nonnegative. */
export function lcm(...args: PyInt[]): PyInt {
  if (args.length === 0) return 1;
  let acc = big(args[0]!);
  if (acc < 0n) acc = -acc;
  for (let i = 1; i < args.length; i++) {
    const b = big(args[i]!);
    if (acc === 0n || b === 0n) {
      acc = 0n;
      continue;
    }
    const m = (acc / gcd2(acc, b)) * b;
    acc = m < 0n ? -m : m;
  }
  return canon(acc);
}
