// Ints as text against CPython 3.11 fixtures (scripts/gen-int-fixtures.py): repr/str with
// the 4300-digit limit, and int(s, base) parsing: whitespace, signs, prefixes, underscores,
// Unicode digits and spaces, bases 2..36, the digit limit, error messages.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { EDGES, randomInt, rng } from './int_values.js';

type Outcome = { ok?: string; exc?: string; msg?: string; okHash?: string; okBits?: number };
const fixture = <T>(name: string): (T & Outcome)[] => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

/** BigInt of a decimal or signed hex ('-0x...') string. */
const big = (s: string): bigint => (s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s));

function raisedOutcome(): Outcome {
  const e = rt.raised() as { exc: string; args: string[] };
  return { exc: e.exc, msg: e.args.length === 0 ? '' : String(e.args[0]) };
}

/** CPython's hash of an int (the fixtures use it to stand for huge results). */
function pyHash(v: bigint): bigint {
  const P = (1n << 61n) - 1n;
  let h = (v < 0n ? -v : v) % P;
  if (v < 0n) h = -h;
  return h === -1n ? -2n : h;
}

describe('repr and str', () => {
  test('decimal digits, and ValueError past 4300 digits', () => {
    for (const c of fixture<{ v: string }>('int-repr.json')) {
      const w = rt.bigint(big(c.v));
      for (const routine of ['rt_repr_int', 'rt_str_int', 'rt_repr', 'rt_str']) {
        const r = rt.call(routine, w);
        const got: Outcome = r === EXC ? raisedOutcome() : { ok: rt.decode(r) as string };
        expect({ v: c.v, routine, ...got }).toEqual({ v: c.v, routine, ...(c.exc !== undefined ? { exc: c.exc, msg: c.msg } : { ok: c.ok }) });
      }
    }
  });

  test('random values against BigInt.toString', () => {
    const next = rng(1234n);
    for (const v of [...EDGES, ...Array.from({ length: 400 }, () => randomInt(next, 3000))]) {
      expect(rt.decode(rt.call('rt_repr_int', rt.bigint(v)))).toBe(v.toString());
    }
  });

  test('str of bools is their repr; repr of small ints is ASCII', () => {
    expect(rt.decode(rt.call('rt_str_int', rt.true))).toBe('True');
    expect(rt.decode(rt.call('rt_str', rt.false))).toBe('False');
    const s = rt.call('rt_repr_int', rt.int(-(2 ** 47)));
    expect(rt.decode(s)).toBe('-140737488355328');
    expect(rt.img.read((s & 0xffff_ffff_ffffn) + 32n, 2)).toEqual(Uint8Array.from([1, 1])); // kind 1, ascii
  });
});

describe('int(s, base)', () => {
  test('fixtures', () => {
    for (const c of fixture<{ s: string | [string, string, number, string]; base: number }>('int-parse.json')) {
      const text = typeof c.s === 'string' ? c.s : c.s[0] + c.s[1].repeat(c.s[2]) + c.s[3];
      const r = rt.call('rt_int_from_str', rt.str(text), BigInt.asUintN(64, BigInt(c.base)));
      const label = { s: typeof c.s === 'string' ? c.s : c.s.join('|'), base: c.base };
      if (r === EXC) {
        expect({ ...label, ...raisedOutcome() }).toEqual({ ...label, exc: c.exc, msg: c.msg });
      } else if (c.okHash !== undefined) {
        const v = rt.decode(r) as bigint;
        expect({ ...label, hash: pyHash(v).toString(), bits: v.toString(2).replace('-', '').length }).toEqual({ ...label, hash: c.okHash, bits: c.okBits });
      } else {
        expect({ ...label, ok: String(rt.decode(r)) }).toEqual({ ...label, ok: c.ok, ...(c.exc !== undefined ? { exc: c.exc } : {}) });
      }
    }
  });

  test('round trip of random values in every base', () => {
    const next = rng(808n);
    for (let i = 0; i < 300; i++) {
      const v = randomInt(next, 600);
      const base = 2 + (i % 35);
      const text = (v < 0n ? '-' : '') + (v < 0n ? -v : v).toString(base);
      expect(rt.decode(rt.call('rt_int_from_str', rt.str(text.toUpperCase()), BigInt(base)))).toBe(v);
      expect(rt.decode(rt.call('rt_int_from_str', rt.str(` ${text}\n`), BigInt(base)))).toBe(v);
    }
  });

  test('small results are small ints', () => {
    const w = rt.call('rt_int_from_str', rt.str('140737488355327'), 10n);
    expect(w >> 48n).toBe(0xfff9n);
    const b = rt.call('rt_int_from_str', rt.str('140737488355328'), 10n);
    expect(b >> 48n).toBe(0xfffcn);
  });
});

describe('format(int, spec)', () => {
  test('fixtures: every presentation type, fill/align/sign/#/0/width/grouping, float types, errors', () => {
    for (const c of fixture<{ v: string; spec: string; bool?: boolean }>('int-format.json')) {
      const v = c.bool === true ? (c.v === 'True' ? rt.true : rt.false) : rt.bigint(big(c.v));
      const r = rt.call('rt_format_int', v, rt.str(c.spec));
      const got: Outcome = r === EXC ? raisedOutcome() : { ok: rt.decode(r) as string };
      const label = { v: c.v.length > 40 ? `${c.v.slice(0, 40)}...` : c.v, spec: c.spec };
      expect({ ...label, ...got }).toEqual({ ...label, ...(c.exc !== undefined ? { exc: c.exc, msg: c.msg } : { ok: c.ok }) });
    }
  });

  test('power-of-two digits with prefix and sign (hex/oct/bin spelling)', () => {
    const next = rng(2718n);
    for (const v of [...EDGES, ...Array.from({ length: 200 }, () => randomInt(next, 900))]) {
      for (const [bits, base, pre] of [[1n, 2, '0b'], [3n, 8, '0o'], [4n, 16, '0x']] as const) {
        const want = (v < 0n ? '-' : '') + pre + (v < 0n ? -v : v).toString(base);
        expect(rt.decode(rt.call('rt_int_format_pow2', rt.bigint(v), bits, 3n))).toBe(want);
      }
      expect(rt.decode(rt.call('rt_int_format_pow2', rt.bigint(v), 4n, 4n))).toBe((v < 0n ? -v : v).toString(16).toUpperCase());
    }
  });
});
