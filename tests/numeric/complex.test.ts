/** complex repr, arithmetic, power, abs, hash, parsing and format (fixtures/complex.json). */

import { describe, expect, it } from 'vitest';
import * as C from '../../src/interp/numeric/complex.js';
import { Failures, check, decComplex, loadFixture } from './fixtures.js';

const fx = loadFixture('complex.json');

describe('complex', () => {
  it('repr', () => {
    const fails = new Failures();
    for (const [z, r] of fx.repr) fails.add(check(`repr(${z})`, () => C.complexRepr(decComplex(z)), 's:' + r));
    expect(fails.done()).toEqual([]);
  });

  for (const [name, f] of [
    ['mul', C.complexMul],
    ['div', C.complexDiv],
    ['pow', C.complexPow],
  ] as const) {
    it(name, () => {
      const fails = new Failures();
      const pool = fx.pool.map(decComplex);
      pool.forEach((a: C.Complex, i: number) =>
        pool.forEach((b: C.Complex, j: number) =>
          fails.add(check(`${name}(${C.complexRepr(a)}, ${C.complexRepr(b)})`, () => f(a, b), fx.binops[name][i * pool.length + j])),
        ),
      );
      expect(fails.done()).toEqual([]);
    });
  }

  it('pow with integral, fractional and complex exponents', () => {
    const fails = new Failures();
    for (const [a, b, r] of fx.pow) {
      const [za, zb] = [decComplex(a), decComplex(b)];
      fails.add(check(`${C.complexRepr(za)} ** ${C.complexRepr(zb)}`, () => C.complexPow(za, zb), r));
    }
    expect(fails.done()).toEqual([]);
  });

  it('abs and hash', () => {
    const fails = new Failures();
    for (const [z, r] of fx.abs) fails.add(check(`abs(${z})`, () => C.complexAbs(decComplex(z)), r));
    for (const [z, r] of fx.hash) fails.add(check(`hash(${z})`, () => C.complexHash(decComplex(z)), r));
    expect(fails.done()).toEqual([]);
  });

  it('complex(str)', () => {
    const fails = new Failures();
    for (const [s, r] of fx.parse) fails.add(check(`complex(${JSON.stringify(s)})`, () => C.complexFromString(s), r));
    expect(fails.done()).toEqual([]);
  });

  it('format', () => {
    const fails = new Failures();
    for (const [z, spec, r] of fx.format) {
      fails.add(check(`format(${z}, ${JSON.stringify(spec)})`, () => C.formatComplex(decComplex(z), spec), r));
    }
    expect(fails.done()).toEqual([]);
  });
});
