// Unit tests of the exact building blocks (mathdd.ts) against bigint dyadic arithmetic.
import { describe, expect, it } from 'vitest';
import {
  ddDiv,
  ddMul,
  ddSqrt,
  exponentOf,
  fmod,
  frexpFinite,
  fromWords,
  highWord,
  lowWord,
  roundScaled,
  scalbn,
  twoProd,
  twoSquare,
  twoSum,
} from '../../src/interp/numeric/mathdd.js';
import { Rng, addDyadic, mulDyadic, roundDyadic, sameDouble, toDyadic } from './math-fixtures.js';

const rng = new Rng(0x9e3779b97f4a7c15n);

function eqDyadic(a: [bigint, number], b: [bigint, number]): boolean {
  const d = addDyadic(a, [-b[0], b[1]]);
  return d[0] === 0n;
}

describe('word access', () => {
  it('splits and rebuilds encodings', () => {
    expect(highWord(1)).toBe(0x3ff00000);
    expect(lowWord(1)).toBe(0);
    expect(highWord(-2)).toBe(0xc0000000);
    expect(fromWords(0x7ff00000, 0)).toBe(Infinity);
    expect(fromWords(0, 1)).toBe(5e-324);
    expect(fromWords(0x3fb99999, 0x9999999a)).toBe(0.1);
  });
});

describe('error-free transformations', () => {
  it('twoSum is exact', () => {
    for (let i = 0; i < 2000; i++) {
      const a = rng.withExponent(-60, 60);
      const b = rng.withExponent(-60, 60);
      const [s, e] = twoSum(a, b);
      expect(s).toBe(a + b);
      expect(eqDyadic(addDyadic(toDyadic(s), toDyadic(e)), addDyadic(toDyadic(a), toDyadic(b)))).toBe(true);
    }
  });
  it('twoProd and twoSquare are exact', () => {
    for (let i = 0; i < 2000; i++) {
      const a = rng.withExponent(-400, 400);
      const b = rng.withExponent(-400, 400);
      const [p, e] = twoProd(a, b);
      expect(p).toBe(a * b);
      expect(eqDyadic(addDyadic(toDyadic(p), toDyadic(e)), mulDyadic(toDyadic(a), toDyadic(b)))).toBe(true);
      const [q, f] = twoSquare(a);
      expect(eqDyadic(addDyadic(toDyadic(q), toDyadic(f)), mulDyadic(toDyadic(a), toDyadic(a)))).toBe(true);
    }
  });
});

describe('dd arithmetic', () => {
  // Relative error of a dd result against an exact dyadic, in units of 2^-100.
  function relErr(got: readonly [number, number], exact: [bigint, number]): number {
    const diff = addDyadic(addDyadic(toDyadic(got[0]), toDyadic(got[1])), [-exact[0], exact[1]]);
    const d = Math.abs(roundDyadic(diff[0], diff[1]));
    const x = Math.abs(roundDyadic(exact[0], exact[1]));
    return (d / x) * 2 ** 100;
  }
  it('ddMul, ddDiv and ddSqrt carry about 104 bits', () => {
    for (let i = 0; i < 500; i++) {
      const a: [number, number] = [rng.withExponent(-20, 20), 0];
      a[1] = a[0] * 2 ** -60 * (rng.withExponent(-1, -1) > 0 ? 1 : -1);
      const b: [number, number] = [rng.withExponent(-20, 20), 0];
      const exactA = addDyadic(toDyadic(a[0]), toDyadic(a[1]));
      const exactB = toDyadic(b[0]);
      expect(relErr(ddMul(a, b), mulDyadic(exactA, exactB))).toBeLessThan(1 / 8);
      // a / b: check (a/b)*b against a instead of dividing exactly.
      const q = ddDiv(a, b);
      const back = addDyadic(mulDyadic(toDyadic(q[0]), exactB), mulDyadic(toDyadic(q[1]), exactB));
      expect(relErr([roundDyadic(back[0], back[1]), 0], exactA)).toBeLessThan(1e13); // within 2^-53
      const aa = Math.abs(a[0]);
      const s = ddSqrt([aa, 0]);
      const sq = addDyadic(mulDyadic(addDyadic(toDyadic(s[0]), toDyadic(s[1])), addDyadic(toDyadic(s[0]), toDyadic(s[1]))), [0n, 0]);
      expect(relErr([roundDyadic(sq[0], sq[1]), 0], toDyadic(aa))).toBeLessThan(2 ** 48);
    }
  });
});

describe('scaling and rounding', () => {
  it('scalbn rounds once, also into the subnormal range', () => {
    for (let i = 0; i < 3000; i++) {
      const x = rng.withExponent(-1074, 1023);
      const n = Number(rng.next64() % 4400n) - 2200;
      const [m, e] = toDyadic(x);
      expect(sameDouble(scalbn(x, n), roundDyadic(m, e + n))).toBe(true);
    }
    expect(scalbn(1.5, -1075)).toBe(5e-324); // 1.5 * 2^-1075 rounds up
    expect(scalbn(1, -1075)).toBe(0); // exact tie to even
    expect(scalbn(3, -1076)).toBe(5e-324);
    expect(scalbn(1, 1024)).toBe(Infinity);
  });
  it('roundScaled breaks subnormal ties with the low part', () => {
    // hi * 2^-1075 is exactly half the smallest subnormal: lo decides.
    expect(roundScaled(1, 0, -1075)).toBe(0);
    expect(roundScaled(1, 1e-30, -1075)).toBe(5e-324);
    expect(roundScaled(1, -1e-30, -1075)).toBe(0);
    expect(roundScaled(3, -1e-30, -1075)).toBe(5e-324); // 1.5 ulp - tiny: nearest is 1 ulp
    expect(roundScaled(3, 1e-30, -1075)).toBe(1e-323);
    for (let i = 0; i < 2000; i++) {
      const hi = rng.withExponent(-1, 0);
      const lo = hi * 2 ** -54 * (Number(rng.next64() % 2001n) / 1000 - 1);
      const [h2, l2] = twoSum(hi, lo);
      const k = -1022 - Number(rng.next64() % 60n);
      const exact = addDyadic(toDyadic(h2), toDyadic(l2));
      expect(sameDouble(roundScaled(h2, l2, k), roundDyadic(exact[0], exact[1] + k))).toBe(true);
    }
  });
  it('exponentOf and frexpFinite handle subnormals', () => {
    expect(exponentOf(5e-324)).toBe(-1074);
    expect(exponentOf(2.2250738585072014e-308)).toBe(-1022);
    expect(exponentOf(1.7976931348623157e308)).toBe(1023);
    expect(frexpFinite(5e-324)).toEqual([0.5, -1073]);
    expect(frexpFinite(-3)).toEqual([-0.75, 2]);
  });
});

describe('fmod', () => {
  it('agrees with the exact JS remainder operator', () => {
    for (let i = 0; i < 5000; i++) {
      const x = rng.anyFinite();
      const y = i % 3 === 0 ? rng.anyFinite() : rng.withExponent(-1074, 10);
      expect(sameDouble(fmod(x, y), x % y)).toBe(true);
    }
    expect(sameDouble(fmod(-6, 3), -0)).toBe(true);
    expect(fmod(5, Infinity)).toBe(5);
    expect(fmod(Infinity, 5)).toBeNaN();
    expect(fmod(5, 0)).toBeNaN();
    expect(fmod(1.7976931348623157e308, 5e-324)).toBe(0);
  });
});
