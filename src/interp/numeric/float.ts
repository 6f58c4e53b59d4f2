/**
 * Python float semantics on JS numbers: the operators JS gets wrong for Python (//, %,
 * divmod, **), rounding, and the float methods (is_integer, as_integer_ratio, hex,
 * fromhex) plus conversions to int.
 *
 * Role: interpreter slow paths for float operators and builtins. Ported behaviour, not
 * code, from CPython 3.11 Objects/floatobject.c: _float_div_mod (floor division snaps the
 * quotient to an integral value, the remainder takes the divisor's sign), float_pow's
 * special-value table, double_round (round(x, n) rounds the exact binary value to n
 * decimals, half to even), float_hex / float_fromhex. Error messages are 3.11's.
 */

import { NumericError, PyInt, intFromIntegralDouble, normInt } from './errors.js';
import { copySign, decompose, ratioToDouble, roundToDouble } from './bits.js';
import { roundedDigits } from './dtoa.js';
import { crPow, powCR } from './libm.js';
import { floatToInt } from './int.js';
import { complexPow } from './complex.js';
import { isAsciiSpace } from './unicode.js';

export { floatRepr } from './dtoa.js';
export { floatFromString } from './floatstr.js';
export { floatHash, floatToInt, intFloatCompare } from './int.js';

function zeroDiv(msg: string): NumericError {
  return new NumericError('ZeroDivisionError', msg);
}

/** a / b; ZeroDivisionError "float division by zero". */
export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw zeroDiv('float division by zero');
  return a / b;
}

/** CPython's _float_div_mod: [floor quotient, remainder with the sign of b]; b != 0. */
function divMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx; // fmod: exact
  // vx - mod is mathematically a multiple of wx, so div is within rounding of an integer.
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = copySign(0, wx);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = copySign(0, vx / wx);
  }
  return [floordiv, mod];
}

/** a // b; ZeroDivisionError "float floor division by zero". */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw zeroDiv('float floor division by zero');
  return divMod(a, b)[0];
}

/** a % b (sign of b); ZeroDivisionError "float modulo" (3.11 wording). */
export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDiv('float modulo');
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = copySign(0, b);
  }
  return mod;
}

/** divmod(a, b) -> [q, r]; ZeroDivisionError "float divmod()". */
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw zeroDiv('float divmod()');
  return divMod(a, b);
}

/** Result of float ** float: a float, or a complex for a negative base and fractional power. */
export type FloatPowResult =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'complex'; readonly re: number; readonly im: number };

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

function rangeError(): NumericError {
  return new NumericError('OverflowError', "(34, 'Numerical result out of range')");
}

/**
 * x ** y for floats (float_pow): ZeroDivisionError "0.0 cannot be raised to a negative
 * power", OverflowError "(34, 'Numerical result out of range')" when the result overflows;
 * a negative finite base with a non-integral exponent returns the complex power.
 */
export function floatPow(x: number, y: number): FloatPowResult {
  const f = (value: number): FloatPowResult => ({ kind: 'float', value });
  if (y === 0) return f(1);
  if (Number.isNaN(x)) return f(x);
  if (Number.isNaN(y)) return f(x === 1 ? 1 : y);
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return f(1);
    return f(y > 0 === ax > 1 ? Infinity : 0);
  }
  if (!Number.isFinite(x)) {
    const odd = isOddInteger(y);
    if (y > 0) return f(odd ? x : Math.abs(x));
    return f(odd ? copySign(0, x) : 0);
  }
  if (x === 0) {
    if (y < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
    return f(isOddInteger(y) ? x : 0);
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) {
      const c = complexPow({ re: x, im: 0 }, { re: y, im: 0 });
      return { kind: 'complex', re: c.re, im: c.im };
    }
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return f(negate ? -1 : 1);
  const r = powCR(x, y);
  if (r === Infinity) throw rangeError();
  return f(negate ? -r : r);
}

/** C pow() for callers that want C semantics (the math module): no exceptions. */
export { crPow };

/** round(x) -> int, half to even; errors for inf ("cannot convert float infinity to integer") and nan. */
export function floatRound(x: number): PyInt {
  let r = Math.round(x); // rounds half up; fix the halves below
  if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
  return floatToInt(r);
}

const NDIGITS_MAX = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
const NDIGITS_MIN = -308; // -(DBL_MAX_EXP + 1) * log10(2)

/**
 * round(x, ndigits) -> float: the exact value of x rounded half-even to ndigits decimals,
 * then correctly rounded back to a double. OverflowError "rounded value too large to
 * represent" when the rounding carries past the largest double.
 */
export function floatRoundNdigits(x: number, ndigits: PyInt): number {
  if (!Number.isFinite(x)) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0 * x;
  const nd = Number(ndigits);
  const d = roundedDigits(x, 3, nd);
  if (d.digits.length === 0 || d.digits === '0') return copySign(0, x);
  const D = BigInt(d.digits);
  const e10 = d.decpt - d.digits.length;
  const mag = e10 >= 0 ? roundToDouble(D * 10n ** BigInt(e10), 0, false) : ratioToDouble(D, 10n ** BigInt(-e10));
  if (mag === Infinity) throw new NumericError('OverflowError', 'rounded value too large to represent');
  return x < 0 ? -mag : mag;
}

/** math.trunc / int(x) */
export function floatTrunc(x: number): PyInt {
  return floatToInt(x);
}

/** math.floor(x) -> int */
export function floatFloor(x: number): PyInt {
  return floatToInt(Math.floor(x));
}

/** math.ceil(x) -> int */
export function floatCeil(x: number): PyInt {
  return floatToInt(Math.ceil(x));
}

/** float.is_integer() */
export function floatIsInteger(x: number): boolean {
  return Number.isFinite(x) && Math.trunc(x) === x;
}

/** float.as_integer_ratio() -> [numerator, denominator] in lowest terms, denominator > 0. */
export function floatAsIntegerRatio(x: number): [PyInt, PyInt] {
  if (Number.isNaN(x)) throw new NumericError('ValueError', 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw new NumericError('OverflowError', 'cannot convert Infinity to integer ratio');
  if (x === 0) return [0, 1];
  if (Number.isInteger(x)) return [intFromIntegralDouble(x), 1];
  let [mant, exp] = decompose(x);
  // exp < 0 here; cancel common factors of two.
  while (mant % 2 === 0 && exp < 0) {
    mant /= 2;
    exp += 1;
  }
  return [x < 0 ? -mant : mant, normInt(1n << BigInt(-exp))];
}

/** float.hex(): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan' (13 hex digits always). */
export function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  const [mant, exp] = decompose(x);
  // Normal: mant = 1.fffff * 2**52; subnormal: written as 0.fffff * 2**-1022.
  const lead = mant >= 2 ** 52 ? 1 : 0;
  const frac = mant - lead * 2 ** 52;
  const e = lead ? exp + 52 : -1022;
  return `${sign}0x${lead}.${frac.toString(16).padStart(13, '0')}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * float.fromhex(s): [ws] [sign] ([0x] hex [. hex] [p [sign] dec] | inf | infinity | nan) [ws],
 * correctly rounded. ValueError "invalid hexadecimal floating-point string",
 * OverflowError "hexadecimal value too large to represent as a float".
 * Works on the raw text: non-ASCII spaces or digits are errors here, as in CPython.
 */
export function floatFromHex(s: string): number {
  const invalid = (): NumericError => new NumericError('ValueError', 'invalid hexadecimal floating-point string');
  const n = s.length;
  let i = 0;
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  let value: number;
  let j = i;
  let neg = false;
  if (s[j] === '-' || s[j] === '+') {
    neg = s[j] === '-';
    j++;
  }
  const word = s.slice(j, j + 8).toLowerCase();
  if (word.startsWith('inf') || word.startsWith('nan')) {
    const isInf = word.startsWith('inf');
    j += word === 'infinity' ? 8 : 3;
    value = isInf ? (neg ? -Infinity : Infinity) : NaN;
    i = j;
  } else {
    i = j;
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) i += 2;
    let hex = '';
    let fdigits = 0;
    while (i < n && hexDigit(s.charCodeAt(i)) >= 0) hex += s[i++];
    if (s[i] === '.') {
      i++;
      while (i < n && hexDigit(s.charCodeAt(i)) >= 0) {
        hex += s[i++];
        fdigits++;
      }
    }
    if (hex.length === 0) throw invalid();
    let exp = 0n;
    if (s[i] === 'p' || s[i] === 'P') {
      i++;
      const es = i;
      if (s[i] === '-' || s[i] === '+') i++;
      if (!(i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) throw invalid();
      while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      exp = BigInt(s.slice(es, i));
    }
    const m = BigInt('0x' + hex);
    let mag = 0;
    if (m !== 0n) {
      // value = m * 2**(exp - 4*fdigits); a wild exponent over- or underflows for sure.
      const e2 = exp - BigInt(4 * fdigits);
      if (e2 > 100000n) throw new NumericError('OverflowError', 'hexadecimal value too large to represent as a float');
      mag = e2 < -100000n - BigInt(4 * hex.length) ? 0 : roundToDouble(m, Number(e2), false);
      if (mag === Infinity) throw new NumericError('OverflowError', 'hexadecimal value too large to represent as a float');
    }
    value = neg ? -mag : mag;
  }
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  if (i !== n) throw invalid();
  return value;
}
