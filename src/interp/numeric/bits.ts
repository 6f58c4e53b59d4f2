/**
 * Binary floating point plumbing: IEEE 754 binary64 decomposition and correct rounding of
 * exact binary/rational values to doubles.
 *
 * Role: the bottom layer of the numeric core. int -> float, int / int, float.fromhex,
 * round(x, n), the correctly rounded libm routines and float parsing all reduce to
 * "round this exact value to the nearest double, ties to even" (IEEE 754-2019 §4.3.1),
 * which `roundToDouble` does once, subnormals and overflow included.
 *
 * Layout of a binary64 (IEEE 754-2019 §3.4):
 *
 *    63 62        52 51                                                0
 *   +--+------------+---------------------------------------------------+
 *   |s | exponent e |                 fraction f (52 bits)              |
 *   +--+------------+---------------------------------------------------+
 *   e = 0:      value = (-1)^s * f * 2^-1074               (zero, subnormal)
 *   0 < e < 2047: value = (-1)^s * (2^52 + f) * 2^(e-1075)
 *   e = 2047:   f = 0 -> infinity, f != 0 -> NaN
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const U64 = new BigUint64Array(F64.buffer);
// Node only runs on little-endian hosts here (x86-64), so U32[1] is the high word.
const HI = 1;
const LO = 0;

/** The 64 raw bits of a double. */
export function doubleToBits(x: number): bigint {
  F64[0] = x;
  return U64[0]!;
}

/** The double with the given 64 raw bits. */
export function bitsToDouble(b: bigint): number {
  U64[0] = BigInt.asUintN(64, b);
  return F64[0]!;
}

/** True when the sign bit of x is set (distinguishes -0.0 and negative NaNs). */
export function signBit(x: number): boolean {
  F64[0] = x;
  return (U32[HI]! >>> 31) === 1;
}

/** copysign(mag, sgn) as C99 defines it. */
export function copySign(mag: number, sgn: number): number {
  const m = Math.abs(mag);
  return signBit(sgn) ? -m : m;
}

/**
 * |x| = mant * 2**exp with mant an integer < 2**53 (exact). x finite and nonzero;
 * mant has its top bit at 52 for normal numbers.
 */
export function decompose(x: number): [mant: number, exp: number] {
  F64[0] = x;
  const hi = U32[HI]!;
  const lo = U32[LO]!;
  const e = (hi >>> 20) & 0x7ff;
  const f = (hi & 0xfffff) * 4294967296 + lo;
  if (e === 0) return [f, -1074];
  return [f + 4503599627370496, e - 1075];
}

/** Number of significant bits of a non-negative bigint (0 for 0n). */
export function bitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  const h = b.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0]!, 16)));
}

/** 2**k as a double for integer k in [-1074, 1023] (exact). */
function pow2(k: number): number {
  return 2 ** k;
}

/**
 * x * 2**n, exact whenever the result is representable; x is an integer in [0, 2**54]
 * and n >= -1074 - 54 in all callers (the rounding was already done).
 */
export function ldexp(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  while (n > 1023) {
    x *= pow2(1023);
    n -= 1023;
    if (!Number.isFinite(x)) return x;
  }
  while (n < -1022) {
    // Scale into the normal range first so only the final multiplication can round.
    const step = Math.max(n, -1022);
    x *= pow2(step);
    n -= step;
  }
  return x * pow2(n);
}

/**
 * The double nearest to (m + eps) * 2**e, ties to even, where m >= 0 is exact and
 * `sticky` says that a nonzero eps in (0, 1) was dropped below m's last bit.
 * Callers that set `sticky` must give m at least 55 significant bits (or ensure the
 * result is far below the subnormal threshold) so the dropped part only acts as a tie
 * breaker. Returns Infinity on overflow; the caller raises its own OverflowError.
 */
export function roundToDouble(m: bigint, e: number, sticky: boolean): number {
  if (m === 0n) return 0;
  const bl = bitLength(m);
  const topExp = bl - 1 + e;
  if (topExp >= 1024) return Infinity;
  // Below 2**-1076 everything rounds to zero (half the smallest subnormal is 2**-1075).
  if (topExp < -1076) return 0;
  // Bits we may keep: 53 for normal results, fewer in the subnormal range.
  const keep = topExp >= -1022 ? 53 : topExp + 1075;
  const drop = bl - keep;
  if (drop <= 0) {
    return ldexp(Number(m), e);
  }
  const dropB = BigInt(drop);
  let q = m >> dropB;
  const rem = m - (q << dropB);
  const half = 1n << (dropB - 1n);
  if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
  const r = ldexp(Number(q), e + drop);
  return r;
}

/**
 * num / den * 2**exp2 correctly rounded to a double (num >= 0, den > 0, both exact).
 * Returns Infinity when the quotient overflows.
 */
export function ratioToDouble(num: bigint, den: bigint, exp2 = 0): number {
  if (num === 0n) return 0;
  const na = bitLength(num);
  const nb = bitLength(den);
  if (na - nb + exp2 > 1025) return Infinity;
  if (na - nb + exp2 < -1130) return 0;
  // Scale so the integer quotient has at least 56 bits: then the remainder only breaks ties.
  const shift = nb - na + 56;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const a = num << BigInt(shift);
    q = a / den;
    r = a - q * den;
  } else {
    const b = den << BigInt(-shift);
    q = num / b;
    r = num - q * b;
  }
  return roundToDouble(q, exp2 - shift, r !== 0n);
}

/** floor(sqrt(n)) for n >= 0 (Newton's iteration on bigints). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of negative');
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The exact value of a finite double as num / 2**den2 (num signed, den2 >= 0). */
export function exactBinary(x: number): [num: bigint, den2: number] {
  if (x === 0) return [0n, 0];
  const [mant, exp] = decompose(x);
  let m = BigInt(mant);
  if (x < 0) m = -m;
  if (exp >= 0) return [m << BigInt(exp), 0];
  return [m, -exp];
}
