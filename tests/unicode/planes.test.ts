// Every property over every code point (U+0000..U+10FFFF) against CPython 3.11.
//
// For each property the generator hashed CPython's answer for all 1,114,112 code
// points per plane; here the same tokens are computed from src/unicode and hashed the
// same way. A mismatch names the property and the plane. Single-character strings
// go through the string-level functions, so this covers both layers.

import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { bit, cpsToken, expected, planeHashes, pyFloatRepr } from './fixture.js';

const ud = U.unicodedata;
const ch = (cp: number): string => String.fromCodePoint(cp);
const opt = (v: number | undefined): string => (v === undefined ? '' : String(v));

/** TS token per fixture property; the keys must cover expected.planes exactly. */
const TOKENS: Record<string, (cp: number) => string> = {
  category: (cp) => ud.category(cp),
  bidirectional: (cp) => ud.bidirectional(cp),
  east_asian_width: (cp) => ud.eastAsianWidth(cp),
  combining: (cp) => String(ud.combining(cp)),
  mirrored: (cp) => String(ud.mirrored(cp)),
  decimal: (cp) => opt(ud.decimal(cp)),
  digit: (cp) => opt(ud.digit(cp)),
  numeric: (cp) => {
    const v = ud.numeric(cp);
    return v === undefined ? '' : pyFloatRepr(v);
  },
  decomposition: (cp) => ud.decomposition(cp),
  name: (cp) => ud.name(cp) ?? '',
  isalpha: (cp) => bit(U.strIsAlpha(ch(cp))),
  isdecimal: (cp) => bit(U.strIsDecimal(ch(cp))),
  isdigit: (cp) => bit(U.strIsDigit(ch(cp))),
  isnumeric: (cp) => bit(U.strIsNumeric(ch(cp))),
  isalnum: (cp) => bit(U.strIsAlnum(ch(cp))),
  isspace: (cp) => bit(U.strIsSpace(ch(cp))),
  isprintable: (cp) => bit(U.strIsPrintable(ch(cp))),
  isupper: (cp) => bit(U.strIsUpper(ch(cp))),
  islower: (cp) => bit(U.strIsLower(ch(cp))),
  istitle: (cp) => bit(U.strIsTitle(ch(cp))),
  isidentifier: (cp) => bit(U.strIsIdentifier(ch(cp))),
  xid_continue: (cp) => bit(U.strIsIdentifier('a' + ch(cp))),
  linebreak: (cp) => bit(U.isLinebreak(cp)),
  cased: (cp) => bit(U.isCased(cp)),
  case_ignorable: (cp) => bit(U.isCaseIgnorable(cp)),
  lower: (cp) => cpsToken(U.lower(ch(cp))),
  upper: (cp) => cpsToken(U.upper(ch(cp))),
  title: (cp) => cpsToken(U.title(ch(cp))),
  capitalize: (cp) => cpsToken(U.capitalize(ch(cp))),
  swapcase: (cp) => cpsToken(U.swapcase(ch(cp))),
  casefold: (cp) => cpsToken(U.casefold(ch(cp))),
  NFC: (cp) => cpsToken(ud.normalize('NFC', ch(cp))),
  NFD: (cp) => cpsToken(ud.normalize('NFD', ch(cp))),
  NFKC: (cp) => cpsToken(ud.normalize('NFKC', ch(cp))),
  NFKD: (cp) => cpsToken(ud.normalize('NFKD', ch(cp))),
};

describe('per-code-point properties match CPython 3.11 over all code points', () => {
  it('the fixture comes from Unicode 14.0.0 and every property has a TS counterpart', () => {
    expect(expected.unidata_version).toBe(ud.UNIDATA_VERSION);
    expect(Object.keys(TOKENS).sort()).toEqual(Object.keys(expected.planes).sort());
  });

  it.each(Object.keys(TOKENS))('%s', (property) => {
    expect(planeHashes(TOKENS[property]!)).toEqual(expected.planes[property]);
  });
});
