/** printf-style `fmt % args` (fixtures/percent.json), with a miniature object model as hooks. */

import { describe, expect, it } from 'vitest';
import { PercentHooks, percentFloatTypeError, percentFormat, percentIntTypeError } from '../../src/interp/numeric/percent.js';
import { PyInt } from '../../src/interp/numeric/errors.js';
import { floatToInt, intToFloat } from '../../src/interp/numeric/int.js';
import { intToDecimalString } from '../../src/interp/numeric/intstr.js';
import { floatRepr } from '../../src/interp/numeric/dtoa.js';
import { pyStrRepr } from '../../src/interp/numeric/unicode.js';
import { Enc, Failures, check, decFloat, decInt, loadFixture } from './fixtures.js';

/** The Python values the fixtures use, boxed so ints and floats stay apart. */
type Py =
  | { k: 'int'; v: PyInt }
  | { k: 'float'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'tuple'; items: Py[] }
  | { k: 'list'; items: Py[] }
  | { k: 'dict'; entries: [string, Py][] };

/** A Python exception raised by the test double (not one the numeric core knows). */
class PyError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function decode(e: Enc): Py {
  if (e === null) return { k: 'none' };
  if (Array.isArray(e)) throw new Error('bare array');
  if (typeof e === 'object') {
    if ('t' in e) return { k: 'tuple', items: e.t.map(decode) };
    if ('l' in e) return { k: 'list', items: e.l.map(decode) };
    return { k: 'dict', entries: e.d.map(([key, v]) => [key, decode(v)] as [string, Py]) };
  }
  switch (e.slice(0, 2)) {
    case 'i:':
      return { k: 'int', v: decInt(e) };
    case 'f:':
      return { k: 'float', v: decFloat(e) };
    case 's:':
      return { k: 'str', v: e.slice(2) };
    case 'B:':
      return { k: 'bool', v: e === 'B:True' };
  }
  throw new Error(`bad value ${e}`);
}

const TYPE_NAME: Record<Py['k'], string> = {
  int: 'int',
  float: 'float',
  str: 'str',
  bool: 'bool',
  none: 'NoneType',
  tuple: 'tuple',
  list: 'list',
  dict: 'dict',
};

function repr(p: Py): string {
  switch (p.k) {
    case 'int':
      return intToDecimalString(p.v);
    case 'float':
      return floatRepr(p.v);
    case 'str':
      return pyStrRepr(p.v);
    case 'bool':
      return p.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'tuple':
      return '(' + p.items.map(repr).join(', ') + (p.items.length === 1 ? ',' : '') + ')';
    case 'list':
      return '[' + p.items.map(repr).join(', ') + ']';
    case 'dict':
      return '{' + p.entries.map(([k, v]) => `${pyStrRepr(k)}: ${repr(v)}`).join(', ') + '}';
  }
}

function ascii(p: Py): string {
  let out = '';
  for (const ch of repr(p)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

const hooks: PercentHooks = {
  tupleItems: (a) => ((a as Py).k === 'tuple' ? (a as { items: Py[] }).items : null),
  isMapping: (a) => (a as Py).k === 'dict' || (a as Py).k === 'list',
  getItem(m, key) {
    const p = m as Py;
    if (p.k === 'list') throw new PyError('TypeError', 'list indices must be integers or slices, not str');
    const hit = (p as { entries: [string, Py][] }).entries.find(([k]) => k === key);
    if (hit === undefined) throw new PyError('KeyError', pyStrRepr(key));
    return hit[1];
  },
  str: (v) => ((v as Py).k === 'str' ? (v as { v: string }).v : repr(v as Py)),
  repr: (v) => repr(v as Py),
  ascii: (v) => ascii(v as Py),
  toInt(v, conv) {
    const p = v as Py;
    if (p.k === 'int') return p.v;
    if (p.k === 'bool') return p.v ? 1 : 0;
    if (p.k === 'float' && conv !== 'o' && conv !== 'x' && conv !== 'X') return floatToInt(p.v);
    throw percentIntTypeError(conv, TYPE_NAME[p.k]);
  },
  toFloat(v) {
    const p = v as Py;
    if (p.k === 'float') return p.v;
    if (p.k === 'int') return intToFloat(p.v);
    if (p.k === 'bool') return p.v ? 1 : 0;
    throw percentFloatTypeError(TYPE_NAME[p.k]);
  },
  charArg(v) {
    const p = v as Py;
    if (p.k === 'int' || p.k === 'str') return p.v;
    if (p.k === 'bool') return p.v ? 1 : 0;
    return null;
  },
  starArg(v) {
    const p = v as Py;
    if (p.k === 'int') return p.v;
    if (p.k === 'bool') return p.v ? 1 : 0;
    return null;
  },
};

describe('percent formatting', () => {
  it('matches CPython on curated corners and random conversions', () => {
    const fx = loadFixture('percent.json');
    const fails = new Failures();
    for (const [fmt, args, r] of fx.cases) {
      fails.add(check(`${JSON.stringify(fmt)} % ${JSON.stringify(args)}`, () => percentFormat(fmt, decode(args), hooks), r));
    }
    expect(fails.done()).toEqual([]);
    expect(fx.cases.length).toBeGreaterThan(800);
  });
});
