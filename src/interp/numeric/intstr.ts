/**
 * int <-> str conversions: int(str, base), str(int), bin/oct/hex, and CPython 3.11's
 * integer string conversion length limit (sys.set_int_max_str_digits, CVE-2020-10735).
 *
 * Role: used by the int() constructor, str()/repr() of ints, the format mini-language and
 * printf-style formatting. Parsing follows CPython 3.11 PyLong_FromUnicodeObject: the
 * text first goes through _PyUnicode_TransformDecimalAndSpaceToASCII (so any Unicode
 * decimal digit and whitespace is accepted), then PyLong_FromString's grammar applies:
 *
 *   [ws] [+|-] [0x|0o|0b [_]] digit ([_] digit)* [ws]
 *
 * with base 0 inferring the base from the prefix and rejecting nonzero leading zeros.
 * The digit limit applies to bases that are not powers of two, in both directions.
 */

import { NumericError, PyInt, normInt } from './errors.js';
import { bitLength } from './bits.js';
import { isAsciiSpace, pyStrReprTrunc, transformDecimalAndSpace } from './unicode.js';

/** sys.int_info.str_digits_check_threshold: the smallest nonzero limit. */
export const INT_MAX_STR_DIGITS_THRESHOLD = 640;
/** sys.int_info.default_max_str_digits */
export const INT_DEFAULT_MAX_STR_DIGITS = 4300;

let maxStrDigits = INT_DEFAULT_MAX_STR_DIGITS;

/** sys.get_int_max_str_digits() */
export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/**
 * sys.set_int_max_str_digits(n): 0 disables the limit. ValueError "maxdigits must be 0 or
 * larger than 640"; OverflowError when n does not fit a C int.
 */
export function setIntMaxStrDigits(n: PyInt): void {
  if (typeof n === 'bigint' || n > 2147483647 || n < -2147483648) {
    throw new NumericError('OverflowError', 'Python int too large to convert to C int');
  }
  if (n !== 0 && n < INT_MAX_STR_DIGITS_THRESHOLD) {
    throw new NumericError('ValueError', 'maxdigits must be 0 or larger than 640');
  }
  maxStrDigits = n;
}

function toStrLimitError(): NumericError {
  return new NumericError(
    'ValueError',
    `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** str(a) for an int, decimal; ValueError when it has more digits than the limit. */
export function intToDecimalString(a: PyInt): string {
  if (typeof a === 'number') return String(a);
  if (maxStrDigits > 0) {
    // A number of b bits has at least floor((b - 1) * log10(2)) + 1 digits: skip the
    // conversion when that alone exceeds the limit (CPython pre-checks the same way).
    const minDigits = Math.floor((bitLength(a) - 1) * 0.30102999566398) + 1;
    if (minDigits > maxStrDigits) throw toStrLimitError();
  }
  const s = a.toString();
  if (maxStrDigits > 0 && s.length - (a < 0n ? 1 : 0) > maxStrDigits) throw toStrLimitError();
  return s;
}

/** Bases with a Python prefix: bin(), oct(), hex(). */
export type PrefixBase = 2 | 8 | 16;

const PREFIX: Record<PrefixBase, string> = { 2: '0b', 8: '0o', 16: '0x' };

/** Digits of a in base 2, 8 or 16 (lowercase), with '-' and optionally the 0b/0o/0x prefix. */
export function intToBaseString(a: PyInt, base: PrefixBase, withPrefix: boolean): string {
  const neg = a < 0;
  const mag = typeof a === 'number' ? Math.abs(a).toString(base) : (neg ? -a : a).toString(base);
  return (neg ? '-' : '') + (withPrefix ? PREFIX[base] : '') + mag;
}

/** bin(a) */
export function intBin(a: PyInt): string {
  return intToBaseString(a, 2, true);
}

/** oct(a) */
export function intOct(a: PyInt): string {
  return intToBaseString(a, 8, true);
}

/** hex(a) */
export function intHex(a: PyInt): string {
  return intToBaseString(a, 16, true);
}

/** Value of an ASCII digit in bases up to 36, or 99. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

const LOG2_OF_POW2_BASE: Partial<Record<number, number>> = { 2: 1, 4: 2, 8: 3, 16: 4, 32: 5 };

/** Value of a digit string (no sign, no underscores, all digits valid for base). */
function digitsToInt(d: string, base: number): PyInt {
  if (d.length <= 10 || (base <= 10 && d.length <= 15)) return parseInt(d, base);
  if (base === 10) return normInt(BigInt(d));
  if (base === 16) return normInt(BigInt('0x' + d));
  if (base === 8) return normInt(BigInt('0o' + d));
  if (base === 2) return normInt(BigInt('0b' + d));
  const k = LOG2_OF_POW2_BASE[base];
  if (k !== undefined) {
    let bin = '';
    for (let i = 0; i < d.length; i++) bin += digitValue(d.charCodeAt(i)).toString(2).padStart(k, '0');
    return normInt(BigInt('0b' + bin));
  }
  // Other bases: chunks of c digits with base**c < 2**53, accumulated in a bigint.
  const c = Math.floor(53 / Math.log2(base));
  const B = BigInt(base) ** BigInt(c);
  let v = 0n;
  const head = d.length % c;
  if (head > 0) v = BigInt(parseInt(d.slice(0, head), base));
  for (let i = head; i < d.length; i += c) v = v * B + BigInt(parseInt(d.slice(i, i + c), base));
  return normInt(v);
}

/**
 * PyLong_FromString on an ASCII string: the int, or null for a malformed literal.
 * Throws the digit-limit ValueError exactly where CPython does (after the digit scan,
 * before the trailing-garbage check).
 */
function parseAsciiInt(s: string, base: number): PyInt | null {
  const n = s.length;
  let i = 0;
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const c1 = s[i + 1];
  let errorIfNonzero = false;
  if (base === 0) {
    if (s[i] !== '0') base = 10;
    else if (c1 === 'x' || c1 === 'X') base = 16;
    else if (c1 === 'o' || c1 === 'O') base = 8;
    else if (c1 === 'b' || c1 === 'B') base = 2;
    else {
      // "Old" C-style octal like 010 is invalid; zero itself is fine.
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (
    s[i] === '0' &&
    ((base === 16 && (c1 === 'x' || c1 === 'X')) ||
      (base === 8 && (c1 === 'o' || c1 === 'O')) ||
      (base === 2 && (c1 === 'b' || c1 === 'B')))
  ) {
    i += 2;
    if (s[i] === '_') i++; // one underscore may follow the prefix
  }
  if (s[i] === '_') return null;
  let digits = '';
  let prevUnderscore = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (digitValue(c) < base) {
      digits += s[i];
      prevUnderscore = false;
    } else if (c === 95) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
    } else break;
  }
  if (prevUnderscore) return null;
  if (digits.length === 0) return null;
  if ((base & (base - 1)) !== 0 && maxStrDigits > 0 && digits.length > maxStrDigits) {
    throw new NumericError(
      'ValueError',
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (errorIfNonzero && /[^0]/.test(digits)) return null;
  while (i < n && isAsciiSpace(s.charCodeAt(i))) i++;
  if (i !== n) return null;
  const v = digitsToInt(digits, base);
  if (!neg) return v;
  return typeof v === 'number' ? (v === 0 ? 0 : -v) : normInt(-v);
}

/**
 * int(s, base) for a str. ValueError "int() base must be >= 2 and <= 36, or 0" and
 * "invalid literal for int() with base 10: 'abc'" (repr cut at 200 characters).
 */
export function intFromString(s: string, base: number = 10): PyInt {
  if (base !== 0 && (base < 2 || base > 36)) {
    throw new NumericError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const v = parseAsciiInt(transformDecimalAndSpace(s), base);
  if (v === null) {
    throw new NumericError('ValueError', `invalid literal for int() with base ${base}: ${pyStrReprTrunc(s, 200)}`);
  }
  return v;
}
