/** int arithmetic against CPython 3.11 (fixtures/int_ops.json). */

import { describe, expect, it } from 'vitest';
import * as N from '../../src/interp/numeric/int.js';
import { PyInt, normInt } from '../../src/interp/numeric/errors.js';
import { intBin, intHex, intOct, intToDecimalString } from '../../src/interp/numeric/intstr.js';
import { Enc, Failures, check, decFloat, decInt, loadFixture } from './fixtures.js';

const fx = loadFixture('int_ops.json');
const pool: PyInt[] = fx.pool.map(decInt);

const BINOPS: Record<string, (a: PyInt, b: PyInt) => unknown> = {
  add: N.intAdd,
  sub: N.intSub,
  mul: N.intMul,
  floordiv: N.intFloorDiv,
  mod: N.intMod,
  divmod: N.intDivmod,
  truediv: N.intTrueDiv,
  and: N.intAnd,
  or: N.intOr,
  xor: N.intXor,
  cmp: N.intCompare,
};

describe('normInt', () => {
  it('keeps safe integers as numbers and the rest as bigints', () => {
    expect(normInt(5n)).toBe(5);
    expect(normInt(-(2n ** 53n - 1n))).toBe(-(2 ** 53 - 1));
    expect(normInt(2n ** 53n)).toBe(2n ** 53n);
    expect(normInt(-(2n ** 53n))).toBe(-(2n ** 53n));
    expect(Object.is(normInt(-0n), 0)).toBe(true);
  });
});

describe('int binary operators', () => {
  for (const [name, f] of Object.entries(BINOPS)) {
    it(name, () => {
      const fails = new Failures();
      const results: Enc[] = fx.binops[name];
      pool.forEach((a, i) =>
        pool.forEach((b, j) => fails.add(check(`${name}(${a}, ${b})`, () => f(a, b), results[i * pool.length + j]!))),
      );
      expect(fails.done()).toEqual([]);
    });
  }

  it('truediv is correctly rounded for huge operands', () => {
    const fails = new Failures();
    for (const [a, b, r] of fx.truediv) fails.add(check(`${a} / ${b}`, () => N.intTrueDiv(decInt(a), decInt(b)), r));
    expect(fails.done()).toEqual([]);
  });
});

describe('int shifts', () => {
  it('<< and >> by counts around word boundaries', () => {
    const fails = new Failures();
    const counts: PyInt[] = fx.shift_counts.map(decInt);
    pool.forEach((a, i) =>
      counts.forEach((n, j) => {
        const [l, r] = fx.shifts[i * counts.length + j];
        fails.add(check(`${a} << ${n}`, () => N.intLshift(a, n), l));
        fails.add(check(`${a} >> ${n}`, () => N.intRshift(a, n), r));
      }),
    );
    for (const [a, n, l, r] of fx.huge_shifts) {
      fails.add(check(`${a} << ${n}`, () => N.intLshift(decInt(a), decInt(n)), l));
      fails.add(check(`${a} >> ${n}`, () => N.intRshift(decInt(a), decInt(n)), r));
    }
    expect(fails.done()).toEqual([]);
  });
});

describe('int unary operations', () => {
  it('neg abs invert bit_length bit_count float hash str bin oct hex round', () => {
    const fails = new Failures();
    for (const row of fx.unary) {
      const a = decInt(row[0]);
      const ops: [string, () => unknown][] = [
        ['neg', () => N.intNeg(a)],
        ['abs', () => N.intAbs(a)],
        ['invert', () => N.intInvert(a)],
        ['bit_length', () => N.intBitLength(a)],
        ['bit_count', () => N.intBitCount(a)],
        ['float', () => N.intToFloat(a)],
        ['hash', () => N.intHash(a)],
        ['str', () => intToDecimalString(a)],
        ['bin', () => intBin(a)],
        ['oct', () => intOct(a)],
        ['hex', () => intHex(a)],
        ['round-1', () => N.intRound(a, -1)],
        ['round-3', () => N.intRound(a, -3)],
        ['round-20', () => N.intRound(a, -20)],
        ['round2', () => N.intRound(a, 2)],
      ];
      ops.forEach(([name, f], k) => fails.add(check(`${name}(${a})`, f, row[k + 1])));
    }
    expect(fails.done()).toEqual([]);
  });
});

describe('int pow', () => {
  it('two-argument pow, including negative exponents (float results)', () => {
    const fails = new Failures();
    for (const [a, b, r] of fx.pow) {
      fails.add(
        check(
          `${a} ** ${b}`,
          () => {
            const res = N.intPow(decInt(a), decInt(b));
            return res.value;
          },
          r,
        ),
      );
    }
    expect(fails.done()).toEqual([]);
  });

  it('reports int vs float results by kind', () => {
    expect(N.intPow(2, 10)).toEqual({ kind: 'int', value: 1024 });
    expect(N.intPow(2, -1)).toEqual({ kind: 'float', value: 0.5 });
    expect(N.intPow(-2, -3)).toEqual({ kind: 'float', value: -0.125 });
  });

  it('three-argument pow', () => {
    const fails = new Failures();
    for (const [a, b, m, r] of fx.powmod) {
      fails.add(check(`pow(${a}, ${b}, ${m})`, () => N.intPowMod(decInt(a), decInt(b), decInt(m)), r));
    }
    expect(fails.done()).toEqual([]);
  });
});

describe('int.to_bytes / int.from_bytes', () => {
  it('matches CPython', () => {
    const fails = new Failures();
    for (const [a, len, order, signed, r] of fx.to_bytes) {
      fails.add(check(`${a}.to_bytes(${len}, ${order}, ${signed})`, () => N.intToBytes(decInt(a), len, order, signed), r));
    }
    for (const [hex, order, signed, r] of fx.from_bytes) {
      const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
      fails.add(check(`from_bytes(${hex}, ${order}, ${signed})`, () => N.intFromBytes(bytes, order, signed), r));
    }
    expect(fails.done()).toEqual([]);
  });
});

describe('int <-> float', () => {
  it('compares ints with floats exactly', () => {
    const fails = new Failures();
    const ints: PyInt[] = fx.cmp_ints.map(decInt);
    const floats: number[] = fx.cmp_floats.map(decFloat);
    ints.forEach((a, i) =>
      floats.forEach((f, j) => {
        const want: string = fx.cmp_float[i * floats.length + j];
        const got = N.intFloatCompare(a, f);
        const ok = want === 's:nan' ? Number.isNaN(got) : `i:${got}` === want;
        if (!ok) fails.add(`cmp(${a}, ${f}) = ${got}, expected ${want}`);
      }),
    );
    expect(fails.done()).toEqual([]);
  });

  it('float -> int truncates exactly', () => {
    const fails = new Failures();
    for (const [f, r] of fx.float_to_int) fails.add(check(`int(${decFloat(f)})`, () => N.floatToInt(decFloat(f)), r));
    expect(fails.done()).toEqual([]);
  });

  it('hashes equal numbers equally', () => {
    expect(N.floatHash(2 ** 60)).toBe(N.intHash(2n ** 60n));
    expect(N.floatHash(-(2 ** 80))).toEqual(N.intHash(-(2n ** 80n)));
    expect(N.floatHash(Infinity)).toBe(314159);
    expect(N.floatHash(NaN)).toBe(0);
  });
});
