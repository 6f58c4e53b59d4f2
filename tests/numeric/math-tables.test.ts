// Independent checks of the generated tables (src/interp/numeric/mathtables.ts) with bigint
// arithmetic, and an opt-in check that they are what scripts/gen-math-fixtures.py generates
// (MATH_CHECK_GENERATED=1; needs python3 with mpmath).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as T from '../../src/interp/numeric/mathtables.js';
import { addDyadic, mulDyadic, roundDyadic, toDyadic } from './math-fixtures.js';

type Dy = [bigint, number];

function pair(t: readonly number[], j: number): Dy {
  return addDyadic(toDyadic(t[2 * j]!), toDyadic(t[2 * j + 1]!));
}

/** |a/b - 1| as a double, for dyadics of the same sign. */
function relDiff(a: Dy, b: Dy): number {
  const d = addDyadic(a, [-b[0], b[1]]);
  return Math.abs(roundDyadic(d[0], d[1]) / roundDyadic(b[0], b[1]));
}

function truncBits(x: Dy, bits: number): Dy {
  // keep the top `bits` bits of the mantissa so repeated products stay small
  const bl = (x[0] < 0n ? -x[0] : x[0]).toString(2).length;
  if (bl <= bits) return x;
  const sh = bl - bits;
  return [x[0] >> BigInt(sh), x[1] + sh];
}

describe('math tables', () => {
  it('EXP2_TABLE[j]^128 = 2^j', () => {
    for (let j = 0; j < 128; j++) {
      let p: Dy = [1n, 0];
      const v = pair(T.EXP2_TABLE, j);
      for (let k = 0; k < 7; k++) p = truncBits(mulDyadic(k === 0 ? v : p, k === 0 ? v : p), 400); // v^(2^7)
      expect(relDiff(p, [1n, j])).toBeLessThan(128 * 2 ** -104);
    }
  });
  it('SIN_TABLE^2 + COS_TABLE^2 = 1', () => {
    for (let j = 0; j <= 52; j++) {
      const s = pair(T.SIN_TABLE, j);
      const c = pair(T.COS_TABLE, j);
      expect(relDiff(addDyadic(mulDyadic(s, s), mulDyadic(c, c)), [1n, 0])).toBeLessThan(2 ** -104);
    }
  });
  it('LOG_INVC[j] is fl(128 / j) and the table spans [sqrt(1/2), sqrt(2)]', () => {
    expect(T.LOG_INVC.length).toBe(T.LOG_J1 - T.LOG_J0 + 1);
    T.LOG_INVC.forEach((v, i) => expect(v).toBe(128 / (T.LOG_J0 + i)));
    expect(T.LOG_J0 / 128).toBeLessThan(Math.SQRT1_2 - 1 / 256);
    expect(T.LOG_J1 / 128).toBeGreaterThan(Math.SQRT2 + 1 / 256);
  });
  it('split constants have the advertised trailing zeros', () => {
    const bits = (x: number): number => {
      const [m] = toDyadic(x);
      let a = m < 0n ? -m : m;
      while ((a & 1n) === 0n) a >>= 1n;
      return a.toString(2).length;
    };
    expect(bits(T.LN2_A)).toBeLessThanOrEqual(42);
    expect(bits(T.EXP_L1)).toBeLessThanOrEqual(35);
    for (const c of [T.PIO2_1, T.PIO2_2, T.PIO2_3]) expect(bits(c)).toBeLessThanOrEqual(33);
    expect(bits(T.LOG10_2HI)).toBeLessThanOrEqual(40);
  });
  it.runIf(process.env.MATH_CHECK_GENERATED === '1')('is what the generator writes', () => {
    const out = execFileSync('python3', ['scripts/gen-math-fixtures.py', '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
