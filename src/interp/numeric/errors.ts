/**
 * Numeric core: shared value conventions and the error type.
 *
 * Role: every file under src/interp/numeric/ is a pure function library used by the
 * interpreter's slow paths (and later by the compile-time constant folder). Nothing here
 * knows about the object model: Python values cross this boundary as plain JS values.
 *
 * Invariants (the interpreter relies on them):
 * - A Python int is a JS `number` when it is an integer with |x| <= 2**53 - 1, otherwise a
 *   JS `bigint`. This "canonical" form is what every int-returning function produces;
 *   `normInt` is the one place that decides it. Ints are never -0.
 * - A Python float is a JS `number`; the interpreter boxes floats itself.
 * - Python bool arrives as 0/1.
 * - Errors are `NumericError(kind, message)` with CPython 3.11's exact message text.
 */

/** Python exception classes the numeric core can raise. */
export type NumericErrorKind =
  | 'ValueError'
  | 'OverflowError'
  | 'ZeroDivisionError'
  | 'TypeError'
  | 'MemoryError';

/** A Python exception raised by the numeric core: the interpreter maps `kind` to the class. */
export class NumericError extends Error {
  readonly kind: NumericErrorKind;
  constructor(kind: NumericErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = kind;
  }
}

/** A Python int: canonical `number` when |x| <= MAX_SAFE_INTEGER, else `bigint`. */
export type PyInt = number | bigint;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** Canonical form of an int held as a bigint: a number when it fits exactly. */
export function normInt(x: bigint): PyInt {
  return x <= MAX_SAFE_BIG && x >= MIN_SAFE_BIG ? Number(x) : x;
}

/** Canonical form of an int held as an integral double (any magnitude, may be -0). */
export function intFromIntegralDouble(x: number): PyInt {
  if (Number.isSafeInteger(x)) return x === 0 ? 0 : x;
  return BigInt(x);
}

/** The int as a bigint (for slow paths that compute in bigint). */
export function toBig(x: PyInt): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** Sign of an int: -1, 0 or 1. */
export function intSign(x: PyInt): -1 | 0 | 1 {
  if (typeof x === 'number') return x > 0 ? 1 : x < 0 ? -1 : 0;
  return x > 0n ? 1 : x < 0n ? -1 : 0;
}

/** CPython's MemoryError for results too large to represent (V8 caps bigints at 2**30 bits). */
export function memoryError(): NumericError {
  return new NumericError('MemoryError', '');
}
