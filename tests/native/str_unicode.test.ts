// Runtime Unicode tables (runtime/core/unicode.ts) against src/unicode, which holds
// CPython 3.11's answers: property info words, decimal/digit values, full case mappings.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CASE, CASE_LIMIT } from '../../runtime/core/unicode.js';
import { decimalValue, digitValue, FLAG, flagsOf, foldFull, lowerFull, titleFull, upperFull, category, GENERAL_CATEGORIES } from '../../src/unicode/index.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

/** Every code point below 0x3000, then every 97th one (covers every trie block kind). */
function sampleCodePoints(): number[] {
  const out: number[] = [];
  for (let cp = 0; cp < 0x3000; cp++) out.push(cp);
  for (let cp = 0x3000; cp <= 0x10ffff; cp += 97) out.push(cp);
  out.push(0x10ffff, 0xffff, 0x10000, 0x1e900, 0x1e943, 0xff21, 0xff41);
  return out;
}

describe('property info', () => {
  test('rt_unicode_info: flags and category of sampled code points', () => {
    for (const cp of sampleCodePoints()) {
      const info = Number(rt.call('rt_unicode_info', BigInt(cp)) & 0xffffffffn);
      expect(info & 0xffff, `U+${cp.toString(16)}`).toBe(flagsOf(cp));
      expect(GENERAL_CATEGORIES[(info >>> 16) & 31], `U+${cp.toString(16)}`).toBe(category(cp));
    }
  });

  test('rt_unicode_decimal / rt_unicode_digit', () => {
    for (const cp of [0x30, 0x39, 0x41, 0x663, 0xb2, 0xbd, 0x2167, 0xff11, 0x1d7ce, 0x2460]) {
      const dec = BigInt.asIntN(32, rt.call('rt_unicode_decimal', BigInt(cp)) & 0xffffffffn);
      const dig = BigInt.asIntN(32, rt.call('rt_unicode_digit', BigInt(cp)) & 0xffffffffn);
      expect(dec, `U+${cp.toString(16)}`).toBe(BigInt(decimalValue(cp) ?? -1));
      expect(dig, `U+${cp.toString(16)}`).toBe(BigInt(digitValue(cp) ?? -1));
    }
  });
});

describe('case mappings', () => {
  test('every code point with a mapping is cased and below CASE_LIMIT (the table generator relies on it)', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (flagsOf(cp) & FLAG.cased && cp < CASE_LIMIT) continue;
      const c = String.fromCodePoint(cp);
      if (lowerFull(cp) !== c || upperFull(cp) !== c || titleFull(cp) !== c || foldFull(cp) !== c) throw new Error(`U+${cp.toString(16)}`);
    }
  });

  test('rt_unicode_case agrees with lowerFull/upperFull/titleFull/foldFull on every cased code point', () => {
    const dst = rt.scratch + 4096n;
    const maps = [
      [CASE.lower, lowerFull],
      [CASE.upper, upperFull],
      [CASE.title, titleFull],
      [CASE.fold, foldFull],
    ] as const;
    let checked = 0;
    for (let cp = 0; cp < CASE_LIMIT; cp++) {
      if (!(flagsOf(cp) & FLAG.cased) && cp !== 0x41 && cp !== 0x20) continue;
      for (const [which, f] of maps) {
        const n = Number(rt.call('rt_unicode_case', BigInt(cp), BigInt(which), dst));
        const b = rt.img.read(dst, 4 * n);
        const dv = new DataView(b.buffer, b.byteOffset);
        const got = String.fromCodePoint(...Array.from({ length: n }, (_, i) => dv.getUint32(4 * i, true)));
        if (got !== f(cp)) expect(got, `U+${cp.toString(16)} mapping ${which}`).toBe(f(cp));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000 * 4);
    // Beyond the table: identity.
    expect(Number(rt.call('rt_unicode_case', 0x10fffdn, BigInt(CASE.upper), dst))).toBe(1);
    expect(rt.img.readU64(dst) & 0xffffffffn).toBe(0x10fffdn);
  });
});
