/** The format-spec mini-language for int, float and str (fixtures/format.json). */

import { describe, expect, it } from 'vitest';
import { formatFloat, formatInt, formatStr, parseFormatSpec } from '../../src/interp/numeric/format.js';
import { formatComplex } from '../../src/interp/numeric/complex.js';
import { Enc, Failures, check, decComplex, decFloat, decInt, decStr, loadFixture } from './fixtures.js';

const fx = loadFixture('format.json');

/** format(value, spec) dispatched on the fixture value's type. */
function format(v: Enc, spec: string): () => unknown {
  const tag = (v as string).slice(0, 2);
  switch (tag) {
    case 'i:':
      return () => formatInt(decInt(v), spec);
    case 'f:':
      return () => formatFloat(decFloat(v), spec);
    case 's:':
      return () => formatStr(decStr(v), spec);
    case 'c:':
      return () => formatComplex(decComplex(v), spec);
    default:
      throw new Error(`unexpected value ${v}`);
  }
}

describe('format()', () => {
  it('matches CPython for random and curated (value, spec) pairs', () => {
    const fails = new Failures();
    for (const [v, spec, r] of fx.cases) fails.add(check(`format(${v}, ${JSON.stringify(spec)})`, format(v, spec), r));
    expect(fails.done()).toEqual([]);
    expect(fx.cases.length).toBeGreaterThan(1500);
  });

  it('parses every field of a spec', () => {
    expect(parseFormatSpec('*^+z#012,.3f', 'float', '', '>')).toEqual({
      fill: '*',
      align: '^',
      sign: '+',
      noNeg0: true,
      alternate: true,
      width: 12,
      grouping: 'comma',
      precision: 3,
      type: 'f',
    });
    expect(parseFormatSpec('08_x', 'int', 'd', '>')).toMatchObject({ fill: '0', align: '=', width: 8, grouping: 'underscore4' });
  });
});
