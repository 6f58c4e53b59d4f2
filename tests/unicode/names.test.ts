// Character names against CPython 3.11: every name round-trips, aliases and named
// sequences are exactly CPython's sets, and tricky lookups (case, algorithmic names,
// hex spellings, Hangul jamo parsing, lengths) give CPython's answer for both
// "\N{...}" (lookupName) and unicodedata.lookup.

import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { cpsToken, expected, shortSha } from './fixture.js';

describe('nameOf / lookupName', () => {
  it('matches sampled names', () => {
    for (const [cp, name] of expected.name_samples) expect(U.nameOf(cp)).toBe(name);
  });

  it('round-trips every named code point, in upper and lower case', () => {
    let named = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const name = U.nameOf(cp);
      if (name === undefined) continue;
      named++;
      if (U.lookupName(name) !== cp) expect.fail(`${name} -> ${U.lookupName(name)}, want ${cp}`);
      const unified = name.startsWith('CJK UNIFIED IDEOGRAPH-') || name.startsWith('HANGUL SYLLABLE ');
      const lowered = U.lookupName(name.toLowerCase());
      // CPython matches the computed names' prefixes case-sensitively.
      if (lowered !== (unified ? undefined : cp)) expect.fail(`${name.toLowerCase()} -> ${lowered}`);
    }
    // sum(1 for cp in range(0x110000) if unicodedata.name(chr(cp), None)) in CPython 3.11
    expect(named).toBe(138_552);
  });

  it('returns undefined for unknown names', () => {
    expect(U.lookupName('')).toBeUndefined();
    expect(U.lookupName('NO SUCH CHARACTER NAME')).toBeUndefined();
    expect(U.lookupName('LATIN SMALL LETTER A\u0000')).toBeUndefined();
    expect(U.lookupName('LATIN SMALL LETTER \u212a')).toBeUndefined();
    expect(U.nameOf(0x0378)).toBeUndefined();
    expect(U.nameOf(0x17000)).toBeUndefined(); // Tangut: unnamed in CPython 3.11
    expect(U.nameOf(0xf0000)).toBeUndefined(); // where CPython keeps aliases internally
  });
});

describe('aliases and named sequences', () => {
  it('has exactly CPython\'s aliases', () => {
    const lines = U.aliasEntries().map(([name, cp]) => `${name};${cp.toString(16).toUpperCase()}`);
    expect(shortSha(lines.join('\n'))).toBe(expected.aliases_sha);
    for (const [name, cp] of expected.alias_samples) {
      expect(U.lookupName(name)).toBe(cp);
      expect(U.lookupName(name.toLowerCase())).toBe(cp);
    }
    for (const [name, cp] of U.aliasEntries()) expect(U.lookupName(name)).toBe(cp);
  });

  it('has exactly CPython\'s named sequences, for unicodedata.lookup only', () => {
    const lines = U.namedSequenceEntries().map(([name, value]) => `${name};${cpsToken(value)}`);
    expect(shortSha(lines.join('\n'))).toBe(expected.sequences_sha);
    for (const [name, value] of expected.sequence_samples) {
      expect(U.lookupName(name)).toBeUndefined();
      expect(U.lookupNamedSequence(name)).toBe(value);
      expect(U.unicodedata.lookup(name)).toEqual({ ok: true, value });
    }
  });
});

describe('lookup edge cases against CPython', () => {
  it.each(expected.lookups.map((c) => [JSON.stringify(c.q).slice(0, 60), c] as const))('%s', (_label, c) => {
    const cp = U.lookupName(c.q);
    expect(cp === undefined ? null : String.fromCodePoint(cp)).toBe(c.escape);
    const result = U.unicodedata.lookup(c.q);
    if (c.lookup !== null) expect(result).toEqual({ ok: true, value: c.lookup });
    else expect(result).toEqual({ ok: false, message: c.error });
  });
});
