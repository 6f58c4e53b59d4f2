/** int(str, base), str(int) and the integer string conversion limit (fixtures/int_str.json). */

import { afterEach, describe, expect, it } from 'vitest';
import {
  INT_DEFAULT_MAX_STR_DIGITS,
  getIntMaxStrDigits,
  intFromString,
  intToDecimalString,
  setIntMaxStrDigits,
} from '../../src/interp/numeric/intstr.js';
import { normInt } from '../../src/interp/numeric/errors.js';
import { Failures, check, decInt, loadFixture } from './fixtures.js';

const fx = loadFixture('int_str.json');

afterEach(() => setIntMaxStrDigits(INT_DEFAULT_MAX_STR_DIGITS));

/** Inputs written compactly by the generator: ["pow10", k, add, sign] or ["rep", pre, ch, n, post]. */
function rebuild(spec: [string, ...unknown[]]): string | bigint {
  if (spec[0] === 'pow10') {
    return BigInt(spec[3] as number) * (10n ** BigInt(spec[1] as number) + BigInt(spec[2] as number));
  }
  const [, pre, ch, n, post] = spec as [string, string, string, number, string];
  return pre + ch.repeat(n) + post;
}

describe('int(str, base)', () => {
  it('parses like CPython (signs, prefixes, underscores, Unicode digits, errors)', () => {
    const fails = new Failures();
    for (const [s, base, r] of fx.parse) fails.add(check(`int(${JSON.stringify(s)}, ${base})`, () => intFromString(s, base), r));
    expect(fails.done()).toEqual([]);
  });
});

describe('sys.set_int_max_str_digits', () => {
  it('applies the limit to str(int) and int(str) in non-binary bases', () => {
    const fails = new Failures();
    for (const row of fx.limits) {
      const [limit, op] = row;
      setIntMaxStrDigits(limit);
      if (op === 'str') {
        const v = normInt(rebuild(row[2]) as bigint);
        const r = row[3];
        fails.add(check(`limit ${limit}: str(${row[2]})`, () => intToDecimalString(v), r));
      } else {
        const s = rebuild(row[2]) as string;
        fails.add(check(`limit ${limit}: int(${JSON.stringify(row[2])}, ${row[3]})`, () => intFromString(s, row[3]), row[4]));
      }
    }
    expect(fails.done()).toEqual([]);
  });

  it('validates the new limit', () => {
    const fails = new Failures();
    for (const [v, r] of fx.set_limit) {
      fails.add(check(`set(${v})`, () => (setIntMaxStrDigits(decInt(v)), null), r));
    }
    expect(fails.done()).toEqual([]);
    setIntMaxStrDigits(0);
    expect(getIntMaxStrDigits()).toBe(0);
    expect(intToDecimalString(10n ** 5000n).length).toBe(5001);
  });
});
