// String-level character predicates with CPython 3.11's exact semantics.
//
// Role: str.isalpha(), isdecimal(), isdigit(), isnumeric(), isalnum(), isspace(),
// isprintable(), isupper(), islower(), istitle(), isidentifier(), isascii(), and the
// digit/space transformation int() and float() apply to their argument. They combine
// the per-code-point flags of src/unicode/props.ts the way Objects/unicodeobject.c
// does; strings are read as code points (a surrogate pair is one character).
//
// Invariants: the empty string is False for every predicate except isprintable() and
// isascii() (CPython's rule); isidentifier() checks only the lexical rule, not keywords.

import { codePoints, isAsciiString } from './codepoints.js';
import {
  FLAG,
  decimalValue,
  flagsOf,
  isLower,
  isSpace,
  isTitle,
  isUpper,
  isXidContinue,
  isXidStart,
} from './props.js';

/** True when s is non-empty and every code point has one of the flags in `mask`. */
function allHave(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (const c of codePoints(s)) if ((flagsOf(c) & mask) === 0) return false;
  return true;
}

export function strIsAlpha(s: string): boolean {
  return allHave(s, FLAG.alpha);
}
export function strIsDecimal(s: string): boolean {
  return allHave(s, FLAG.decimal);
}
export function strIsDigit(s: string): boolean {
  return allHave(s, FLAG.digit);
}
export function strIsNumeric(s: string): boolean {
  return allHave(s, FLAG.numeric);
}
export function strIsAlnum(s: string): boolean {
  return allHave(s, FLAG.alpha | FLAG.decimal | FLAG.digit | FLAG.numeric);
}
export function strIsSpace(s: string): boolean {
  return allHave(s, FLAG.space);
}

/** str.isprintable(): True for the empty string. */
export function strIsPrintable(s: string): boolean {
  for (const c of codePoints(s)) if ((flagsOf(c) & FLAG.printable) === 0) return false;
  return true;
}

export function strIsAscii(s: string): boolean {
  return isAsciiString(s);
}

/** str.isupper(): some Uppercase character and no Lowercase or titlecase one. */
export function strIsUpper(s: string): boolean {
  let cased = false;
  for (const c of codePoints(s)) {
    if (isLower(c) || isTitle(c)) return false;
    if (isUpper(c)) cased = true;
  }
  return cased;
}

/** str.islower(): some Lowercase character and no Uppercase or titlecase one. */
export function strIsLower(s: string): boolean {
  let cased = false;
  for (const c of codePoints(s)) {
    if (isUpper(c) || isTitle(c)) return false;
    if (isLower(c)) cased = true;
  }
  return cased;
}

/** str.istitle(): upper/titlecase characters only start words, lowercase ones only
 * continue them, and there is at least one cased character. */
export function strIsTitle(s: string): boolean {
  let cased = false;
  let previousIsCased = false;
  for (const c of codePoints(s)) {
    if (isUpper(c) || isTitle(c)) {
      if (previousIsCased) return false;
      previousIsCased = true;
      cased = true;
    } else if (isLower(c)) {
      if (!previousIsCased) return false;
      previousIsCased = true;
      cased = true;
    } else {
      previousIsCased = false;
    }
  }
  return cased;
}

/** str.isidentifier(): XID_Start or '_', then XID_Continue (Python reference 2.3). */
export function strIsIdentifier(s: string): boolean {
  const cps = codePoints(s);
  if (cps.length === 0) return false;
  const first = cps[0]!;
  if (first !== 0x5f && !isXidStart(first)) return false;
  for (let i = 1; i < cps.length; i++) if (!isXidContinue(cps[i]!)) return false;
  return true;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII, the first step of int(str), float(str)
 * and complex(str): characters below U+007F are kept, Py_UNICODE_ISSPACE characters
 * become ' ', Nd digits become '0'-'9'; at the first other character the result is
 * cut there and ends with '?', which no number parser accepts.
 */
export function transformDecimalAndSpaceToAscii(s: string): string {
  let out = '';
  for (const c of codePoints(s)) {
    if (c < 0x7f) {
      out += String.fromCharCode(c);
    } else if (isSpace(c)) {
      out += ' ';
    } else {
      const d = decimalValue(c);
      if (d === undefined) return out + '?';
      out += String.fromCharCode(0x30 + d);
    }
  }
  return out;
}
