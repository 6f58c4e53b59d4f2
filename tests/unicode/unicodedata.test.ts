// The unicodedata module surface: version, error messages, normal-form names and the
// small functions whose whole-code-space behaviour planes.test.ts already hashes.

import { describe, expect, it } from 'vitest';
import { unicodedata as ud } from '../../src/unicode/index.js';
import { expected } from './fixture.js';

describe('unicodedata', () => {
  it('reports Unicode 14.0.0 and CPython\'s exception messages', () => {
    expect(ud.UNIDATA_VERSION).toBe(expected.unidata_version);
    expect({ ...ud.UNICODEDATA_ERRORS }).toEqual(expected.errors);
  });

  it('accepts exactly the four normal form names, case-sensitively', () => {
    expect(ud.NORMAL_FORMS.map((f) => ud.parseNormalForm(f))).toEqual(['NFC', 'NFD', 'NFKC', 'NFKD']);
    expect(ud.parseNormalForm('nfc')).toBeUndefined();
    expect(ud.parseNormalForm('NFC ')).toBeUndefined();
  });

  it('normalizes the empty string and ASCII to themselves', () => {
    for (const form of ud.NORMAL_FORMS) {
      expect(ud.normalize(form, '')).toBe('');
      expect(ud.isNormalized(form, '')).toBe(true);
      expect(ud.normalize(form, 'plain ASCII')).toBe('plain ASCII');
    }
  });

  it('formats decompositions like CPython', () => {
    expect(ud.decomposition(0x00e9)).toBe('0065 0301');
    expect(ud.decomposition(0x00bd)).toBe('<fraction> 0031 2044 0032');
    expect(ud.decomposition(0x1d400)).toBe('<font> 0041');
    expect(ud.decomposition(0xac00)).toBe('');
    expect(ud.decomposition(0x41)).toBe('');
  });

  it('returns mirrored as 0/1 and undefined for missing values', () => {
    expect(ud.mirrored(0x28)).toBe(1);
    expect(ud.mirrored(0x41)).toBe(0);
    expect(ud.name(0x0378)).toBeUndefined();
    expect(ud.decimal(0x41)).toBeUndefined();
    expect(ud.lookup('NOT A NAME')).toEqual({ ok: false, message: "undefined character name 'NOT A NAME'" });
  });
});
