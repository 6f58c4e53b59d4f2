// Multi-character behaviour against CPython 3.11: case conversion in context (final
// sigma, title-case word starts, capitalize, swapcase), the string predicates and
// normalization of sequences, on hand-picked and seeded random strings whose expected
// results fixtures/expected.json took from CPython.

import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { expected } from './fixture.js';

const PREDICATES: Record<string, (s: string) => boolean> = {
  isalpha: U.strIsAlpha,
  isdecimal: U.strIsDecimal,
  isdigit: U.strIsDigit,
  isnumeric: U.strIsNumeric,
  isalnum: U.strIsAlnum,
  isspace: U.strIsSpace,
  isprintable: U.strIsPrintable,
  isupper: U.strIsUpper,
  islower: U.strIsLower,
  istitle: U.strIsTitle,
  isidentifier: U.strIsIdentifier,
  isascii: U.strIsAscii,
};

const cases = expected.strings.map((c) => [JSON.stringify(c.s), c] as const);

describe('str case methods on whole strings', () => {
  it.each(cases)('%s', (_label, c) => {
    expect(U.lower(c.s)).toBe(c.lower);
    expect(U.upper(c.s)).toBe(c.upper);
    expect(U.title(c.s)).toBe(c.title);
    expect(U.capitalize(c.s)).toBe(c.capitalize);
    expect(U.swapcase(c.s)).toBe(c.swapcase);
    expect(U.casefold(c.s)).toBe(c.casefold);
  });

  it('applies the rules the brief calls out', () => {
    expect(U.upper('ß')).toBe('SS');
    expect(U.title('ǆungla')).toBe('ǅungla');
    expect(U.lower('ΟΔΟΣ')).toBe('οδος');
    expect(U.lower('ΟΔΟΣ ΟΔΟΣ.')).toBe('οδος οδος.');
    expect(U.casefold('ΟΔΟΣ')).toBe('οδοσ');
    expect(U.capitalize('ﬁre')).toBe('Fire');
    expect(U.upper('\u{10428}')).toBe('\u{10400}');
  });
});

describe('str predicates on whole strings', () => {
  it('the fixture lists the predicates this test knows', () => {
    expect(expected.string_predicates).toEqual(Object.keys(PREDICATES));
  });
  it.each(cases)('%s', (_label, c) => {
    const got = expected.string_predicates.map((p) => (PREDICATES[p]!(c.s) ? '1' : '0')).join('');
    expect(got).toBe(c.is);
  });
});

describe('normalization of sequences', () => {
  it.each(cases)('%s', (_label, c) => {
    for (const form of U.unicodedata.NORMAL_FORMS) {
      expect(U.unicodedata.normalize(form, c.s)).toBe(c[form]);
      expect(U.unicodedata.isNormalized(form, c.s)).toBe(c[form] === c.s);
    }
  });

  it('passes characters unassigned in Unicode 14.0.0 through untouched', () => {
    // U+1E030 (Unicode 15, MODIFIER LETTER CYRILLIC SMALL A) has a <super> decomposition
    // in newer Unicode; CPython 3.11 keeps it, and it blocks composition around it.
    expect(U.category(0x1e030)).toBe('Cn');
    expect(U.unicodedata.normalize('NFKC', '\u{1E030}')).toBe('\u{1E030}');
    expect(U.unicodedata.normalize('NFC', 'a\u{1E030}\u0301')).toBe('a\u{1E030}\u0301');
  });
});
