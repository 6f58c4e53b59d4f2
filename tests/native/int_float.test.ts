// Ints and floats against CPython 3.11 fixtures (scripts/gen-int-fixtures.py): int -> float
// rounding, float -> int truncation, int / int true division, int ** negative int; and **
// and pow(a, b, m) against BigInt and the fixtures.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { EDGES, randomInt, rng } from './int_values.js';

type Outcome = { ok?: string; exc?: string; msg?: string };
const fixture = <T>(name: string): (T & Outcome)[] => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

const hex = (w: bigint) => w.toString(16).padStart(16, '0');

/** The outcome of a routine call in the fixtures' terms. */
function outcome(w: bigint, asFloat: boolean): Outcome {
  if (w === EXC) {
    const e = rt.raised() as { exc: string; args: string[] };
    return { exc: e.exc, msg: e.args.length === 0 ? '' : String(e.args[0]) };
  }
  if (asFloat) {
    expect(rt.typeName(w)).toBe('float');
    return { ok: hex(w) };
  }
  return { ok: String(rt.decode(w)) };
}

const expected = (c: Outcome): Outcome => (c.exc !== undefined ? { exc: c.exc, msg: c.msg } : { ok: c.ok });

describe('int <-> float', () => {
  test('int -> float rounds half to even; too large raises OverflowError', () => {
    for (const c of fixture<{ a: string }>('int-to-double.json')) {
      expect({ a: c.a, ...outcome(rt.call('rt_int_to_double', rt.bigint(BigInt(c.a))), true) }).toEqual({ a: c.a, ...expected(c) });
    }
  });

  test('float -> int truncates; NaN and infinities raise', () => {
    for (const c of fixture<{ x: string }>('int-from-double.json')) {
      expect({ x: c.x, ...outcome(rt.call('rt_int_from_double', BigInt(`0x${c.x}`)), false) }).toEqual({ x: c.x, ...expected(c) });
    }
  });

  test('float -> int -> float round trips for integral doubles', () => {
    const next = rng(31n);
    for (let i = 0; i < 500; i++) {
      const v = randomInt(next, 1000);
      const f = rt.call('rt_int_to_double', rt.bigint(v));
      if (f === EXC) continue;
      const back = rt.decode(rt.call('rt_int_from_double', f)) as bigint;
      expect(rt.call('rt_int_to_double', rt.bigint(back))).toBe(f);
    }
  });
});

describe('true division', () => {
  test('correctly rounded, subnormal results, overflow and zero division as CPython', () => {
    for (const c of fixture<{ a: string; b: string }>('int-truediv.json')) {
      const got = outcome(rt.call('rt_int_truediv', rt.bigint(BigInt(c.a)), rt.bigint(BigInt(c.b))), true);
      expect({ a: c.a, b: c.b, ...got }).toEqual({ a: c.a, b: c.b, ...expected(c) });
    }
  });
});

describe('powers', () => {
  test('** with non-negative exponents against BigInt', () => {
    const next = rng(3n);
    const bases = [...EDGES.filter((x) => x >= -(1n << 70n) && x <= 1n << 70n), ...Array.from({ length: 40 }, () => randomInt(next, 130))];
    for (const a of bases) {
      for (const b of [0n, 1n, 2n, 3n, 5n, 7n, 10n, 31n, 64n]) {
        expect(rt.decode(rt.call('rt_int_pow', rt.bigint(a), rt.bigint(b)))).toBe(a ** b);
      }
    }
    expect(rt.decode(rt.call('rt_int_pow', rt.int(3), rt.int(2000)))).toBe(3n ** 2000n);
    expect(rt.decode(rt.call('rt_int_pow', rt.int(-1), rt.bigint(10n ** 30n + 1n)))).toBe(-1n);
    expect(rt.decode(rt.call('rt_int_pow', rt.int(1), rt.bigint(1n << 100n)))).toBe(1n);
    expect(rt.decode(rt.call('rt_int_pow', rt.int(0), rt.bigint(1n << 100n)))).toBe(0n);
    expect(rt.decode(rt.call('rt_int_pow', rt.bigint(1n << 80n), rt.int(0)))).toBe(1n);
    expect(rt.decode(rt.call('rt_binop_int', rt.true, rt.int(5), 6n))).toBe(1n);
  });

  test('** with huge results raises MemoryError', () => {
    for (const [a, b] of [[2n, 1n << 40n], [3n, 1n << 80n], [-2n, 1n << 62n]] as const) {
      expect(rt.call('rt_int_pow', rt.bigint(a), rt.bigint(b))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'MemoryError', args: [] });
    }
  });

  test('int ** negative int is a float (float_pow)', () => {
    for (const c of fixture<{ a: string; b: string }>('int-neg-pow.json')) {
      const got = outcome(rt.call('rt_int_pow', rt.bigint(BigInt(c.a)), rt.bigint(BigInt(c.b))), true);
      expect({ a: c.a, b: c.b, ...got }).toEqual({ a: c.a, b: c.b, ...expected(c) });
    }
  });

  test('pow(a, b, m) including negative moduli and modular inverses', () => {
    for (const c of fixture<{ a: string; b: string; m: string }>('int-pow-mod.json')) {
      const got = outcome(rt.call('rt_int_pow_mod', rt.bigint(BigInt(c.a)), rt.bigint(BigInt(c.b)), rt.bigint(BigInt(c.m))), false);
      expect({ a: c.a, b: c.b, m: c.m, ...got }).toEqual({ a: c.a, b: c.b, m: c.m, ...expected(c) });
    }
    const NI = rt.addr('obj_NotImplemented') | 0xfffc_0000_0000_0000n;
    expect(rt.call('rt_int_pow_mod', rt.int(2), rt.int(3), rt.float(4))).toBe(NI);
  });
});
