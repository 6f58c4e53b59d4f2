/**
 * matherror.ts: the exceptions edgepyc's math functions raise, as data.
 *
 * Role: mathfns.ts and mathint.ts throw MathError; the interpreter catches it at the call
 * boundary and raises the Python exception of the same kind with the same arguments
 * (CPython 3.11's messages, verified against python3 by tests/numeric/math-cases.test.ts).
 * Kept free of interpreter types so the numeric code stays pure and portable.
 */

/** Python exception classes the math functions can raise. */
export type MathErrorKind = 'ValueError' | 'OverflowError' | 'TypeError' | 'ZeroDivisionError';

/**
 * A Python exception to raise: `kind(*args)`. Almost always args = [message]; float `**`
 * overflow is CPython's errno-style OverflowError(34, 'Numerical result out of range').
 */
export class MathError extends Error {
  readonly kind: MathErrorKind;
  readonly args: readonly (string | number)[];

  constructor(kind: MathErrorKind, ...args: (string | number)[]) {
    super(args.length === 1 ? String(args[0]) : `(${args.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ')})`);
    this.name = 'MathError';
    this.kind = kind;
    this.args = args;
  }
}

/** CPython's messages, shared by the math functions. */
export const MSG = {
  domain: 'math domain error',
  range: 'math range error',
  erangeErrno: 'Numerical result out of range',
  floatNaNToInt: 'cannot convert float NaN to integer',
  floatInfToInt: 'cannot convert float infinity to integer',
  floatDivZero: 'float division by zero',
  zeroNegPow: '0.0 cannot be raised to a negative power',
} as const;

/** ValueError('math domain error'). */
export function domainError(): MathError {
  return new MathError('ValueError', MSG.domain);
}

/** OverflowError('math range error'). */
export function rangeError(): MathError {
  return new MathError('OverflowError', MSG.range);
}
