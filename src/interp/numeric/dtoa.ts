/**
 * Double -> decimal string conversion: CPython's PyOS_double_to_string.
 *
 * Role: the single formatter behind float repr/str, format(float, spec), '%e/%f/%g' and
 * complex repr. Digit generation has the three modes of David Gay's _Py_dg_dtoa that
 * CPython uses:
 *   mode 0  shortest digits that round-trip (repr): taken from V8's toExponential(),
 *           which yields the shortest round-trip digits closest to the value (ECMA-262
 *           Number::toString), the same digits as dtoa mode 0;
 *   mode 2  `n` significant digits, correctly rounded (half to even) from the exact
 *           binary value;
 *   mode 3  `n` digits after the decimal point, likewise.
 * Modes 2 and 3 expand the double exactly (mant * 5**k is exact) in a bigint, so any
 * precision works and ties are real ties: format(0.125, '.2f') == '0.12'.
 * The layout step mirrors format_float_short in Python/pystrtod.c.
 */

import { decompose, signBit } from './bits.js';
import { memoryError } from './errors.js';

/** Digits of |x| as dtoa returns them: no trailing zeros; value = 0.DIGITS * 10**decpt. */
export interface DecimalDigits {
  readonly digits: string;
  readonly decpt: number;
}

const POW5 = new Map<number, bigint>();

function pow5(k: number): bigint {
  let p = POW5.get(k);
  if (p === undefined) {
    p = 5n ** BigInt(k);
    if (k <= 1100) POW5.set(k, p);
  }
  return p;
}

/** The exact decimal expansion of finite x != 0 as an integer string s and k: |x| = s * 10**k. */
export function exactDecimal(x: number): [s: string, k: number] {
  const [mant, exp] = decompose(x);
  if (exp >= 0) return [(BigInt(mant) << BigInt(exp)).toString(), 0];
  // mant * 2**exp == mant * 5**-exp * 10**exp
  return [(BigInt(mant) * pow5(-exp)).toString(), exp];
}

function stripZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return s.slice(0, e);
}

/** Add one unit in the last place of a decimal digit string ('' counts as 0). */
function incrementDigits(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + '0'.repeat(s.length - 1 - i);
}

/** dtoa mode 0: shortest round-trip digits of finite x (0 gives "0", decpt 1). */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const t = Math.abs(x).toExponential(); // "d.ddde+x" with the shortest digits
  const e = t.indexOf('e');
  const digits = t[0]! + (e > 1 ? t.slice(2, e) : '');
  return { digits: stripZeros(digits), decpt: Number(t.slice(e + 1)) + 1 };
}

/**
 * dtoa modes 2 (nd significant digits, nd >= 1) and 3 (nd digits after the point),
 * correctly rounded half to even. A value that rounds to zero in mode 3 gives no digits
 * and decpt = -nd, as dtoa does. 0 gives "0", decpt 1.
 * (V8's toFixed/toPrecision are exact too but break ties upward, and measured no faster
 * than this bigint expansion once ties are screened out.)
 */
export function roundedDigits(x: number, mode: 2 | 3, nd: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const [s, k] = exactDecimal(x);
  const decptExact = s.length + k;
  const pos = mode === 2 ? decptExact - nd : -nd; // keep digits of weight >= 10**pos
  const keep = decptExact - pos;
  if (keep >= s.length) return { digits: stripZeros(s), decpt: decptExact };
  if (keep < 0) return { digits: '', decpt: pos };
  let q = s.slice(0, keep);
  const first = s.charCodeAt(keep);
  let up: boolean;
  if (first !== 53) up = first > 53;
  else {
    let tail = false;
    for (let i = keep + 1; i < s.length; i++) {
      if (s.charCodeAt(i) !== 48) {
        tail = true;
        break;
      }
    }
    // Exactly half: round to even ('' is 0, even).
    up = tail || (q.length > 0 && (q.charCodeAt(q.length - 1) & 1) === 1);
  }
  let decpt = decptExact;
  if (up) {
    const inc = incrementDigits(q);
    if (inc.length > q.length) decpt += 1;
    q = inc;
  }
  q = stripZeros(q);
  if (q.length === 0) return { digits: '', decpt: pos };
  return { digits: q, decpt };
}

/** Format codes of PyOS_double_to_string ('r' is repr). */
export type DtoaCode = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'r';

/** Py_DTSF_* flags. */
export interface DtoaFlags {
  /** Py_DTSF_SIGN: always write a sign. */
  readonly sign?: boolean;
  /** Py_DTSF_ADD_DOT_0: integral values in fixed notation get ".0". */
  readonly addDot0?: boolean;
  /** Py_DTSF_ALT: '#' alternate form (keep the point and trailing zeros). */
  readonly alt?: boolean;
  /** Py_DTSF_NO_NEG_0: 'z' option, negative zero after rounding prints as zero. */
  readonly noNeg0?: boolean;
}

/**
 * PyOS_double_to_string(x, code, precision, flags): the text CPython produces for a
 * double. `precision` is ignored for 'r'.
 */
export function doubleToString(x: number, code: DtoaCode, precision: number, flags: DtoaFlags = {}): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const lower = code.toLowerCase() as 'e' | 'f' | 'g' | 'r';
  let neg = signBit(x);
  if (Number.isNaN(x) || !Number.isFinite(x)) {
    if (Number.isNaN(x)) neg = false; // the sign of a nan is never shown
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return (neg ? '-' : flags.sign ? '+' : '') + (upper ? word.toUpperCase() : word);
  }
  // V8 strings stop near 2**29 characters; CPython would need gigabytes as well.
  if (precision > 1 << 29) throw memoryError();
  let d: DecimalDigits;
  switch (lower) {
    case 'e':
      precision += 1;
      d = roundedDigits(x, 2, precision);
      break;
    case 'f':
      d = roundedDigits(x, 3, precision);
      break;
    case 'g':
      if (precision === 0) precision = 1;
      d = roundedDigits(x, 2, precision);
      break;
    case 'r':
      d = shortestDigits(x);
      break;
  }
  const digits = d.digits;
  let decpt = d.decpt;
  if (flags.noNeg0 && neg && (digits.length === 0 || digits === '0')) neg = false;

  // Output the slice [vStart, vEnd) of the digit string padded with zeros on both sides,
  // with the decimal point after virtual position decpt.
  let useExp = false;
  let vEnd = digits.length;
  const addDot0 = flags.addDot0 === true;
  const alt = flags.alt === true;
  switch (lower) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case 'r':
      // Exponent notation from 1e16 on: padding a 16-digit repr with zeros would show
      // digits that are not there (repr(2e16+8) would read 20000000000000010.0).
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = neg ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vStart);
  if (decpt > 0 && decpt <= digits.length) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (digits.length < decpt) out += '0'.repeat(decpt - digits.length) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(vEnd - digits.length);
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
  }
  return out;
}

/** repr(x) == str(x) for a float: '1.0', '1e+16', '-0.0', 'inf', 'nan'. */
export function floatRepr(x: number): string {
  const ax = Math.abs(x);
  // In [1e-4, 1e16) both JS and Python write the shortest digits in fixed notation.
  if (ax >= 1e-4 && ax < 1e16) {
    const t = String(x);
    return Number.isInteger(x) ? t + '.0' : t;
  }
  return doubleToString(x, 'r', 0, { addDot0: true });
}
