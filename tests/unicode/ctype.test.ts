// Per-code-point helpers that have no direct CPython counterpart in the fixture:
// the int()/float() input transformation and the numeric value accessors.

import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';

describe('transformDecimalAndSpaceToAscii (int()/float() argument preparation)', () => {
  it('maps Nd digits to ASCII and Unicode spaces to a space', () => {
    expect(U.transformDecimalAndSpaceToAscii('\u0663\u0664')).toBe('34');
    expect(U.transformDecimalAndSpaceToAscii('\u3000-\uff11\uff12\u00a0')).toBe(' -12 ');
    expect(U.transformDecimalAndSpaceToAscii('1_000.5e3')).toBe('1_000.5e3');
    expect(U.transformDecimalAndSpaceToAscii('\u{1D7CE}\u{1D7CF}')).toBe('01');
  });
  it('stops at the first other character with a "?" no parser accepts', () => {
    expect(U.transformDecimalAndSpaceToAscii('12\u00b2')).toBe('12?');
    expect(U.transformDecimalAndSpaceToAscii('\u00bd5')).toBe('?');
    expect(U.transformDecimalAndSpaceToAscii('1\x7f2')).toBe('1?');
  });
});

describe('numeric values', () => {
  it('gives decimal, digit and numeric values as unicodedata does', () => {
    expect(U.decimalValue(0x0669)).toBe(9);
    expect(U.digitValue(0x00b2)).toBe(2);
    expect(U.decimalValue(0x00b2)).toBeUndefined();
    expect(U.numericValue(0x2153)).toBe(1 / 3);
    expect(U.numericValue(0x0f33)).toBe(-0.5);
    expect(U.numericValue(0x16b61)).toBe(1e12);
    expect(U.numericValue(0x41)).toBeUndefined();
  });
  it('rejects values that are not code points', () => {
    expect(() => U.category(0x110000)).toThrow(RangeError);
    expect(() => U.category(-1)).toThrow(RangeError);
  });
});
