/**
 * Python int arithmetic on the canonical number|bigint representation (see errors.ts).
 *
 * Role: the interpreter's slow paths for int operators and the int parts of builtins
 * (divmod, pow, round, abs, hash, int.bit_length, int.to_bytes, ...). The fast path
 * (small ints that stay small) is inlined by the interpreter; these functions are correct
 * for every input and fall back to bigint arithmetic when a double could lose bits.
 *
 * Semantics follow CPython 3.11 Objects/longobject.c: floor division and modulo round
 * toward -infinity, bitwise operators act on infinite two's complement, int / int is
 * correctly rounded, int <-> float conversions are exact or correctly rounded.
 * Every function returns canonical ints (via normInt) and raises NumericError with
 * CPython's message text.
 */

import { NumericError, PyInt, intFromIntegralDouble, memoryError, normInt, toBig } from './errors.js';
import { bitLength, decompose, ratioToDouble, roundToDouble } from './bits.js';
import { powCR } from './libm.js';

/** V8 refuses bigints above 2**30 bits; CPython would raise MemoryError long before us. */
const MAX_BITS = 1 << 30;

/** Bigints below 2**4096 in magnitude: no product or moderate shift of two reaches MAX_BITS. */
const SMALL_BIG = 1n << 4096n;

function isSmallBig(x: bigint): boolean {
  return x < SMALL_BIG && x > -SMALL_BIG;
}

function num(x: number): PyInt {
  return x === 0 ? 0 : x; // canonical ints are never -0
}

/** a + b */
export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return num(r);
  }
  return normInt(toBig(a) + toBig(b));
}

/** a - b */
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return num(r);
  }
  return normInt(toBig(a) - toBig(b));
}

/** a * b */
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    // A rounded product is >= 2**53 whenever the exact one is, so "safe" means "exact".
    const r = a * b;
    if (Number.isSafeInteger(r)) return num(r);
  }
  const A = toBig(a);
  const B = toBig(b);
  // bitLength formats the number: only worth it when the product could be that large.
  if (!(isSmallBig(A) && isSmallBig(B)) && A !== 0n && B !== 0n && bitLength(A) + bitLength(B) > MAX_BITS) throw memoryError();
  return normInt(A * B);
}

function zeroDiv(msg: string): NumericError {
  return new NumericError('ZeroDivisionError', msg);
}

const DIVMOD_ZERO = 'integer division or modulo by zero';
const MOD_ZERO = 'integer modulo by zero';

/** [a // b, a % b] with Python's floor semantics; b must be nonzero. */
function divmodCore(a: PyInt, b: PyInt): [PyInt, PyInt] {
  if (typeof a === 'number' && typeof b === 'number') {
    // JS % is exact (fmod); a - r is an exact multiple of b, so the division is exact too.
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) {
      r += b;
      q -= 1;
    }
    return [num(q), num(r)];
  }
  const A = toBig(a);
  const B = toBig(b);
  let q = A / B;
  let r = A - q * B;
  if (r !== 0n && r < 0n !== B < 0n) {
    r += B;
    q -= 1n;
  }
  return [normInt(q), normInt(r)];
}

function isZero(x: PyInt): boolean {
  return x === 0 || x === 0n;
}

/** a // b; ZeroDivisionError "integer division or modulo by zero". */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (isZero(b)) throw zeroDiv(DIVMOD_ZERO);
  return divmodCore(a, b)[0];
}

/** a % b (sign of b); ZeroDivisionError "integer modulo by zero" (3.11 wording). */
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (isZero(b)) throw zeroDiv(MOD_ZERO);
  return divmodCore(a, b)[1];
}

/** divmod(a, b) -> [q, r]; ZeroDivisionError "integer division or modulo by zero". */
export function intDivmod(a: PyInt, b: PyInt): [PyInt, PyInt] {
  if (isZero(b)) throw zeroDiv(DIVMOD_ZERO);
  return divmodCore(a, b);
}

/** a / b correctly rounded to a float (CPython long_true_divide). */
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (isZero(b)) throw zeroDiv('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b; // both exact doubles
  const A = toBig(a);
  const B = toBig(b);
  const negate = A < 0n !== B < 0n;
  const r = ratioToDouble(A < 0n ? -A : A, B < 0n ? -B : B);
  if (r === Infinity) throw new NumericError('OverflowError', 'integer division result too large for a float');
  return negate ? -r : r;
}

/** -a */
export function intNeg(a: PyInt): PyInt {
  if (typeof a === 'number') return num(-a);
  return normInt(-a);
}

/** abs(a) */
export function intAbs(a: PyInt): PyInt {
  if (typeof a === 'number') return Math.abs(a);
  return normInt(a < 0n ? -a : a);
}

/** ~a == -a - 1 */
export function intInvert(a: PyInt): PyInt {
  if (typeof a === 'number') return intFromIntegralDouble(-a - 1);
  return normInt(~a);
}

function isInt32(x: PyInt): x is number {
  return typeof x === 'number' && (x | 0) === x;
}

const TWO32 = 4294967296;

/**
 * A bitwise operator on two safe-integer doubles, by 32-bit halves: the high half is the
 * floor quotient (an int32 for |x| < 2**53, sign included), the low half ToUint32 (x mod
 * 2**32); both are the two's complement digits Python's infinite-precision operators see.
 */
function bitwiseSafe(op: 0 | 1 | 2, a: number, b: number): PyInt {
  const ah = Math.floor(a / TWO32);
  const bh = Math.floor(b / TWO32);
  const al = a >>> 0;
  const bl = b >>> 0;
  let h: number;
  let l: number;
  if (op === 0) {
    h = ah & bh;
    l = (al & bl) >>> 0;
  } else if (op === 1) {
    h = ah | bh;
    l = (al | bl) >>> 0;
  } else {
    h = ah ^ bh;
    l = (al ^ bl) >>> 0;
  }
  return intFromIntegralDouble(h * TWO32 + l); // -2**53 (h = -2**21, l = 0) is a bigint
}

/** a & b (two's complement on negatives) */
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a & b;
  if (typeof a === 'number' && typeof b === 'number') return bitwiseSafe(0, a, b);
  // A mask that is a non-negative double keeps only the low 53 bits of the other operand.
  if (typeof b === 'number' && b >= 0) return bitwiseSafe(0, Number(BigInt.asUintN(53, a as bigint)), b);
  if (typeof a === 'number' && a >= 0) return bitwiseSafe(0, a, Number(BigInt.asUintN(53, b as bigint)));
  return normInt(toBig(a) & toBig(b));
}

/** a | b */
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a | b;
  if (typeof a === 'number' && typeof b === 'number') return bitwiseSafe(1, a, b);
  return normInt(toBig(a) | toBig(b));
}

/** a ^ b */
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  if (typeof a === 'number' && typeof b === 'number') return bitwiseSafe(2, a, b);
  return normInt(toBig(a) ^ toBig(b));
}

function negShift(): NumericError {
  return new NumericError('ValueError', 'negative shift count');
}

/**
 * a << n; ValueError "negative shift count"; MemoryError past V8's bigint limit (CPython
 * raises it a little later), OverflowError "too many digits in integer" for n >= 30 * 2**63.
 */
export function intLshift(a: PyInt, n: PyInt): PyInt {
  if (n < 0) throw negShift();
  if (isZero(a)) return 0;
  // CPython splits the count into 30-bit digits and a word count that must fit a ssize_t.
  if (typeof n === 'bigint' && n >= 30n << 63n) throw new NumericError('OverflowError', 'too many digits in integer');
  if (typeof n === 'bigint' || n > MAX_BITS) throw memoryError();
  if (typeof a === 'number' && n < 53) {
    const r = a * 2 ** n;
    if (Number.isSafeInteger(r)) return r;
  }
  const A = toBig(a);
  if (!(isSmallBig(A) && n <= MAX_BITS - 4096) && bitLength(A) + n > MAX_BITS) throw memoryError();
  return normInt(A << BigInt(n));
}

/** a >> n (floor); ValueError "negative shift count". */
export function intRshift(a: PyInt, n: PyInt): PyInt {
  if (n < 0) throw negShift();
  const neg = a < 0;
  if (typeof a === 'number') {
    if (typeof n === 'bigint' || n >= 54) return neg ? -1 : 0;
    return num(Math.floor(a / 2 ** n)); // division by a power of two is exact
  }
  if (typeof n === 'bigint' || n > MAX_BITS) return neg ? -1 : 0;
  return normInt(a >> BigInt(n));
}

/** int.bit_length(): bits in |a|, 0 for 0. */
export function intBitLength(a: PyInt): number {
  if (typeof a === 'bigint') return bitLength(a);
  let x = Math.abs(a);
  let n = 0;
  while (x >= 4294967296) {
    x = Math.floor(x / 4294967296);
    n += 32;
  }
  return n + 32 - Math.clz32(x);
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** int.bit_count(): number of one bits in |a|. */
export function intBitCount(a: PyInt): number {
  if (typeof a === 'number') {
    const x = Math.abs(a);
    return popcount32(x >>> 0) + popcount32(Math.floor(x / 4294967296) >>> 0);
  }
  const h = (a < 0n ? -a : a).toString(16);
  let n = 0;
  for (let i = 0; i < h.length; i++) n += popcount32(parseInt(h[i]!, 16));
  return n;
}

/** float(a): correctly rounded, OverflowError "int too large to convert to float". */
export function intToFloat(a: PyInt): number {
  if (typeof a === 'number') return a;
  const neg = a < 0n;
  const r = roundToDouble(neg ? -a : a, 0, false);
  if (r === Infinity) throw new NumericError('OverflowError', 'int too large to convert to float');
  return neg ? -r : r;
}

/** int(x) for a float: truncation toward zero, exact (CPython PyLong_FromDouble). */
export function floatToInt(x: number): PyInt {
  if (Number.isNaN(x)) throw new NumericError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new NumericError('OverflowError', 'cannot convert float infinity to integer');
  return intFromIntegralDouble(Math.trunc(x));
}

/** Three-way comparison of two ints: -1, 0 or 1. */
export function intCompare(a: PyInt, b: PyInt): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = toBig(a);
  const B = toBig(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/**
 * Exact comparison of an int with a float: -1, 0 or 1, or NaN when f is NaN (so every
 * ordered comparison of the result with 0 is false, as in Python).
 */
export function intFloatCompare(a: PyInt, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (typeof a === 'number') return a < f ? -1 : a > f ? 1 : 0; // a is exact as a double
  const fl = Math.floor(f);
  const F = BigInt(fl);
  if (a < F) return -1;
  if (a > F) return 1;
  return fl === f ? 0 : -1; // a == floor(f) < f
}

/** Python's hash modulus for numbers: 2**61 - 1 (sys.hash_info.modulus). */
export const HASH_MODULUS = (1n << 61n) - 1n;
/** hash(float('inf')) (sys.hash_info.inf). */
export const HASH_INF = 314159;

/** hash(a) for an int: sign(a) * (|a| mod 2**61-1), with -1 mapped to -2. */
export function intHash(a: PyInt): PyInt {
  if (typeof a === 'number') return a === -1 ? -2 : a; // |a| < 2**53 < modulus
  const neg = a < 0n;
  let h = (neg ? -a : a) % HASH_MODULUS;
  if (neg) h = -h;
  return h === -1n ? -2 : normInt(h);
}

/**
 * hash(x) for a float, CPython's _Py_HashDouble: the exact rational value reduced mod
 * 2**61-1 (so equal ints and floats hash equal); +-inf -> +-314159.
 * NaN hashes by object identity since 3.10; we return 0 and the interpreter may override.
 */
export function floatHash(x: number): PyInt {
  if (Number.isNaN(x)) return 0;
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (Number.isSafeInteger(x)) return intHash(x === 0 ? 0 : x);
  const [mant, exp] = decompose(x);
  // 2**61 == 1 (mod 2**61-1), so 2**exp == 2**(exp mod 61).
  const e = ((exp % 61) + 61) % 61;
  let h = ((BigInt(mant) % HASH_MODULUS) << BigInt(e)) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2 : normInt(h);
}

function isOdd(n: PyInt): boolean {
  return typeof n === 'number' ? n % 2 !== 0 : (n & 1n) === 1n;
}

/** Result of int ** int without modulus: an int, or a float for negative exponents. */
export type IntPowResult =
  | { readonly kind: 'int'; readonly value: PyInt }
  | { readonly kind: 'float'; readonly value: number };

/**
 * a ** b (two-argument pow on ints). A negative b gives float(a) ** float(b) as CPython
 * does: OverflowError "int too large to convert to float", ZeroDivisionError
 * "0.0 cannot be raised to a negative power", else the correctly rounded power.
 */
export function intPow(a: PyInt, b: PyInt): IntPowResult {
  if (b < 0) {
    const x = intToFloat(a);
    const y = intToFloat(b); // a negative integral double
    if (x === 0) throw new NumericError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    const odd = y > -9007199254740992 && y % 2 !== 0;
    const mag = Math.abs(x) === 1 ? 1 : powCR(Math.abs(x), y);
    return { kind: 'float', value: x < 0 && odd ? -mag : mag };
  }
  return { kind: 'int', value: intPowNonNeg(a, b) };
}

function intPowNonNeg(a: PyInt, b: PyInt): PyInt {
  if (isZero(b)) return 1;
  if (isZero(a)) return 0;
  if (a === 1) return 1;
  if (a === -1) return isOdd(b) ? -1 : 1;
  if (typeof b === 'bigint') throw memoryError();
  if (typeof a === 'number' && b <= 64) {
    // Exact while every partial product stays below 2**53.
    let r = 1;
    let i = 0;
    for (; i < b; i++) {
      const t = r * a;
      if (!Number.isSafeInteger(t)) break;
      r = t;
    }
    if (i === b) return r;
  }
  const A = toBig(a);
  if (bitLength(A) * b > MAX_BITS) throw memoryError();
  return normInt(A ** BigInt(b));
}

function bigMod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** Inverse of a modulo m (m > 1), or null when gcd(a, m) != 1. */
function invMod(a: bigint, m: bigint): bigint | null {
  let [oldR, r] = [bigMod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return null;
  return bigMod(oldS, m);
}

/**
 * pow(a, b, m) for ints (CPython long_pow with a modulus): ValueError "pow() 3rd argument
 * cannot be 0"; negative b uses the modular inverse (ValueError "base is not invertible
 * for the given modulus"); a negative modulus gives a result in (m, 0].
 */
export function intPowMod(a: PyInt, b: PyInt, m: PyInt): PyInt {
  if (isZero(m)) throw new NumericError('ValueError', 'pow() 3rd argument cannot be 0');
  let M = toBig(m);
  const negativeOutput = M < 0n;
  if (negativeOutput) M = -M;
  if (M === 1n) return 0;
  let base = toBig(a);
  let e = toBig(b);
  if (e < 0n) {
    const inv = invMod(base, M);
    if (inv === null) throw new NumericError('ValueError', 'base is not invertible for the given modulus');
    base = inv;
    e = -e;
  }
  base = bigMod(base, M);
  let result = 1n;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * base) % M;
    e >>= 1n;
    if (e > 0n) base = (base * base) % M;
  }
  if (negativeOutput && result !== 0n) result -= M;
  return normInt(result);
}

/** round(a, ndigits) for an int: a itself for ndigits >= 0, else round half to even. */
export function intRound(a: PyInt, ndigits: PyInt): PyInt {
  if (ndigits >= 0) return a;
  const A = toBig(a);
  const k = -toBig(ndigits);
  // |a| < 10**(digits) <= 10**(k-1) < 10**k / 2 rounds to 0: skip the huge power.
  const maxDigits = Math.floor(bitLength(A) * 0.30103) + 1;
  if (k > BigInt(maxDigits + 1)) return 0;
  const p = 10n ** k;
  let q = A / p;
  let r = A - q * p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return normInt(q * p);
}

/** Byte order argument of int.to_bytes / int.from_bytes. */
export type ByteOrder = 'little' | 'big';

function checkByteOrder(order: string): asserts order is ByteOrder {
  if (order !== 'little' && order !== 'big') {
    throw new NumericError('ValueError', "byteorder must be either 'little' or 'big'");
  }
}

/**
 * int.to_bytes(length, byteorder, signed=...) -> bytes. OverflowError "int too big to
 * convert" / "can't convert negative int to unsigned"; ValueError for a negative length.
 */
export function intToBytes(a: PyInt, length: number, byteorder: string, signed: boolean): Uint8Array {
  checkByteOrder(byteorder);
  if (length < 0) throw new NumericError('ValueError', 'length argument must be non-negative');
  let A = toBig(a);
  if (A < 0n && !signed) throw new NumericError('OverflowError', "can't convert negative int to unsigned");
  const bits = BigInt(length) * 8n;
  if (A !== 0n) {
    // Signed: [-2**(8n-1), 2**(8n-1)); CPython also lets -1 (all sign bits) fit in 0 bytes.
    const half = bits === 0n ? 0n : 1n << (bits - 1n);
    const fits = signed ? (A >= -half && A < half) || (bits === 0n && A === -1n) : A < 1n << bits;
    if (!fits) throw new NumericError('OverflowError', 'int too big to convert');
  }
  if (A < 0n) A += 1n << bits;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[byteorder === 'little' ? i : length - 1 - i] = Number(A & 0xffn);
    A >>= 8n;
  }
  return out;
}

/** int.from_bytes(bytes, byteorder, signed=...) */
export function intFromBytes(bytes: Uint8Array, byteorder: string, signed: boolean): PyInt {
  checkByteOrder(byteorder);
  let hex = '';
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[byteorder === 'big' ? i : n - 1 - i]!;
    hex += (b < 16 ? '0' : '') + b.toString(16);
  }
  if (n === 0) return 0;
  let v = BigInt('0x' + hex);
  if (signed && (bytes[byteorder === 'big' ? 0 : n - 1]! & 0x80) !== 0) v -= 1n << BigInt(8 * n);
  return normInt(v);
}
