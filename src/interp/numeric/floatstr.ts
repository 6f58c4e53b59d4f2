/**
 * Text -> float parsing as CPython 3.11 does it for float(str) and complex(str).
 *
 * Role: float() on a str, and the building block of complex() parsing. Pipeline (CPython
 * Objects/floatobject.c PyFloat_FromString, Python/pystrtod.c):
 *   1. _PyUnicode_TransformDecimalAndSpaceToASCII (Unicode digits and spaces -> ASCII);
 *   2. _Py_string_to_number_with_underscores: an '_' must sit between two ASCII digits;
 *   3. strip ASCII whitespace, then _PyOS_ascii_strtod must consume everything:
 *        [+|-] (digits [. digits] | . digits) [(e|E) [+|-] digits]
 *        [+|-] (inf | infinity | nan)          (any case; hex floats are rejected)
 * Decimal-to-binary rounding is V8's Number(), which is correctly rounded like dtoa.c.
 * Known gap: float('-nan') is a NaN whose sign bit we do not keep.
 */

import { NumericError } from './errors.js';
import { isAsciiSpace, pyStrRepr, transformDecimalAndSpace } from './unicode.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * _Py_string_to_number_with_underscores' check: the string without underscores, or null
 * when an underscore is not between two digits (or, with underscores, a NUL is embedded).
 */
export function removeUnderscores(s: string): string | null {
  // Without underscores the text goes to the parser untouched (which rejects a NUL itself).
  if (!s.includes('_')) return s;
  let out = '';
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return null;
    if (c === 95) {
      if (!isDigit(prev)) return null;
    } else {
      if (prev === 95 && !isDigit(c)) return null;
      out += s[i];
    }
    prev = c;
  }
  if (prev === 95) return null;
  return out;
}

function matchWord(s: string, i: number, w: string): boolean {
  return s.slice(i, i + w.length).toLowerCase() === w;
}

/**
 * PyOS_string_to_double(s + start, &end) without an overflow exception: the longest
 * prefix at `start` that is a float literal. end === start when there is none.
 */
export function parseFloatPrefix(s: string, start: number): { value: number; end: number } {
  let i = start;
  const n = s.length;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const mantStart = i;
  let nd = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    nd++;
  }
  if (s[i] === '.') {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      nd++;
    }
  }
  if (nd > 0) {
    if (s[i] === 'e' || s[i] === 'E') {
      let j = i + 1;
      if (s[j] === '+' || s[j] === '-') j++;
      if (j < n && isDigit(s.charCodeAt(j))) {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
    }
    const v = Number(s.slice(mantStart, i));
    return { value: neg ? -v : v, end: i };
  }
  // _Py_parse_inf_or_nan
  i = mantStart;
  if (matchWord(s, i, 'inf')) {
    i += 3;
    if (matchWord(s, i, 'inity')) i += 5;
    return { value: neg ? -Infinity : Infinity, end: i };
  }
  if (matchWord(s, i, 'nan')) return { value: NaN, end: i + 3 };
  return { value: -1, end: start };
}

/** float(s) for a str; ValueError "could not convert string to float: 'x'" (full repr). */
export function floatFromString(s: string): number {
  const fail = (): NumericError => new NumericError('ValueError', `could not convert string to float: ${pyStrRepr(s)}`);
  const t = removeUnderscores(transformDecimalAndSpace(s));
  if (t === null) throw fail();
  let a = 0;
  let b = t.length;
  while (a < b && isAsciiSpace(t.charCodeAt(a))) a++;
  if (a === b) throw fail();
  while (b - 1 > a && isAsciiSpace(t.charCodeAt(b - 1))) b--;
  const body = t.slice(a, b);
  const r = parseFloatPrefix(body, 0);
  if (r.end !== body.length) throw fail();
  return r.value;
}
