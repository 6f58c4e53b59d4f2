// The math module's Python-level entries (rt_math_<name>, vector ABI) against CPython 3.11:
// special values, ints of any size, bools, the error rules (math_1, math_1a, math_2) and the
// argument checking messages (tests/native/fixtures/float-math.json from
// scripts/gen-float-fixtures.py). Float results must also be exactly the interpreter's
// (src/interp/numeric/mathfns.ts): where glibc and the correctly rounded kernels differ, the
// interpreter's digits are the ones both executors print.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIGINT, EXC, OBJ_TAG_BITS, TUPLE } from '../../src/native/layout.js';
import * as mf from '../../src/interp/numeric/mathfns.js';
import { mathConstants, mathFunctions } from '../../runtime/core/mathmodule.js';
import { loadRuntime, type Decoded, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

const hasIntRoutines = (() => {
  const probe = loadRuntime();
  try {
    probe.addr('rt_int_from_double');
    probe.addr('rt_int_to_double');
    return true;
  } catch {
    return false;
  } finally {
    probe.dispose();
  }
})();

type Case = [string, unknown[], Record<string, unknown> | null, unknown];
const CASES = JSON.parse(readFileSync(new URL('./fixtures/float-math.json', import.meta.url), 'utf8')) as Case[];

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  return v === 'inf' ? Infinity : v === '-inf' ? -Infinity : NaN;
}
const isIntText = (v: unknown): v is string => typeof v === 'string' && v.startsWith('i') && v !== 'inf';

function bigInt(n: bigint): bigint {
  let m = n < 0n ? -n : n;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & 0xffffffffn));
    m >>= 32n;
  }
  const p = rt.call('rt_alloc', BigInt(BIGINT.digits + 4 * digits.length + 4), rt.addr('type_int'));
  rt.img.writeU64(p + BigInt(BIGINT.ndigits), BigInt(digits.length));
  rt.img.writeU64(p + BigInt(BIGINT.sign), n < 0n ? BigInt.asUintN(64, -1n) : 1n);
  const bytes = new Uint8Array(4 * digits.length);
  digits.forEach((d, i) => new DataView(bytes.buffer).setUint32(4 * i, d, true));
  rt.img.write(p + BigInt(BIGINT.digits), bytes);
  return p | OBJ_TAG_BITS;
}

/** A fixture argument as a value word. */
function value(v: unknown): bigint {
  if (typeof v === 'boolean') return v ? rt.true : rt.false;
  if (isIntText(v)) {
    const n = BigInt(v.slice(1));
    return n >= -(1n << 47n) && n < 1n << 47n ? rt.int(n) : bigInt(n);
  }
  if (typeof v === 'string' && v.startsWith('s')) return rt.str(v.slice(1));
  if (Array.isArray(v) && v[0] === 't') {
    const items = (v[1] as unknown[]).map(value);
    const p = rt.call('rt_tuple_alloc', BigInt(items.length));
    items.forEach((w, i) => rt.img.writeU64(p + BigInt(TUPLE.items + 8 * i), w));
    return p | OBJ_TAG_BITS;
  }
  if (Array.isArray(v) && v[0] === 'l') {
    let list = rt.call('rt_list_new', 4n);
    for (const item of v[1] as unknown[]) rt.call('rt_list_append', list, value(item));
    return list;
  }
  if (v === 'nan') return 0x7ff8_0000_0000_0000n; // CPython's float('nan'): sign bit clear
  return rt.float(num(v));
}

/** Call rt_math_<fn> with positional and keyword arguments. */
function callMath(fn: string, args: unknown[], kw: Record<string, unknown> | null): bigint {
  const words = [...args.map(value), ...Object.values(kw ?? {}).map(value)];
  const names = Object.keys(kw ?? {});
  let kwnames = 0n;
  if (names.length > 0) {
    const t = rt.call('rt_tuple_alloc', BigInt(names.length));
    names.forEach((n, i) => rt.img.writeU64(t + BigInt(TUPLE.items + 8 * i), rt.str(n)));
    kwnames = t | OBJ_TAG_BITS;
  }
  const at = rt.scratch + 400000n;
  const buf = new Uint8Array(8 * Math.max(words.length, 1));
  words.forEach((w, i) => new DataView(buf.buffer).setBigUint64(8 * i, w, true));
  rt.img.write(at, buf);
  return rt.call(mathFunctions[fn]!.entry, at, BigInt(words.length), kwnames);
}

/** The interpreter's value for a float-valued case (or undefined when not comparable). */
function interpreterValue(fn: string, args: unknown[]): number | undefined {
  const x = args.map((v) => (typeof v === 'boolean' ? Number(v) : isIntText(v) ? Number(BigInt(v.slice(1))) : num(v)));
  const big = args.map((v) => (isIntText(v) ? BigInt(v.slice(1)) : typeof v === 'boolean' ? BigInt(v) : num(v)));
  try {
    switch (fn) {
      case 'log':
        return args.length === 1 ? mf.log(big[0]! as number | bigint) : mf.log(big[0]! as number | bigint, big[1]! as number | bigint);
      case 'log2':
        return mf.log2(big[0]! as number | bigint);
      case 'log10':
        return mf.log10(big[0]! as number | bigint);
      case 'ldexp':
        return mf.ldexp(x[0]!, isIntText(args[1]) || typeof args[1] === 'boolean' ? { int: big[1] as bigint } : { float: x[1]! });
      default: {
        const f = (mf as unknown as Record<string, (...xs: number[]) => unknown>)[fn];
        const r = f?.(...x);
        return typeof r === 'number' ? r : undefined;
      }
    }
  } catch {
    return undefined;
  }
}

function needsInt(fn: string, args: unknown[], want: unknown): boolean {
  if (['floor', 'ceil', 'trunc'].includes(fn) && typeof args[0] === 'number' && typeof want !== 'object') return true;
  if (['floor', 'ceil', 'trunc'].includes(fn) && (args[0] === 'inf' || args[0] === '-inf' || args[0] === 'nan')) return true;
  // huge ints as float arguments go through rt_int_to_double
  const usesBig = args.some((v) => isIntText(v) && (BigInt(v.slice(1)) >= 1n << 47n || BigInt(v.slice(1)) < -(1n << 47n)));
  return usesBig && !['log', 'log2', 'log10', 'floor', 'ceil', 'trunc'].includes(fn);
}

function show(d: Decoded): string {
  return JSON.stringify(d, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

describe('math module entries against CPython', () => {
  test('every fixture case', () => {
    expect(CASES.length).toBeGreaterThan(2000);
    const bad: string[] = [];
    let skipped = 0;
    for (const [fn, args, kw, want] of CASES) {
      if (!hasIntRoutines && needsInt(fn, args, want)) {
        skipped++;
        continue;
      }
      const r = callMath(fn, args, kw);
      const got = rt.decode(r);
      const label = `${fn}(${JSON.stringify(args)}${kw ? `, ${JSON.stringify(kw)}` : ''})`;
      if (typeof want === 'object' && want !== null && !Array.isArray(want)) {
        const w = want as { E: string; m: string };
        const e = r === EXC ? (got as { raised: { exc: string; args: Decoded[] } }).raised : null;
        if (e === null || e.exc !== w.E || e.args[0] !== w.m) bad.push(`${label}: ${show(got)}, want ${w.E}: ${w.m}`);
        continue;
      }
      const check = (g: Decoded, w: unknown): boolean => {
        if (typeof w === 'boolean') return g === w;
        if (isIntText(w)) return g === BigInt(w.slice(1));
        if (Array.isArray(w)) {
          const items = (g as { tuple?: Decoded[] }).tuple;
          return items !== undefined && items.length === w.length && w.every((wi, i) => check(items[i]!, wi));
        }
        const x = num(w);
        return typeof g === 'number' && (Object.is(g, x) || (g !== g && x !== x));
      };
      if (check(got, want)) continue;
      // A float result where CPython's glibc and the interpreter's kernels differ: the
      // interpreter's value is the one to print.
      const iv = interpreterValue(fn, args);
      if (iv !== undefined && typeof got === 'number' && (Object.is(got, iv) || (got !== got && iv !== iv))) continue;
      bad.push(`${label}: ${show(got)}, want ${JSON.stringify(want)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
    if (skipped > 0) console.log(`math fixtures: ${skipped} cases wait for the int area (rt_int_from_double, rt_int_to_double)`);
  });

  test('constants and the function table', () => {
    expect(mathConstants.pi).toBe(Math.PI);
    expect(mathConstants.tau).toBe(2 * Math.PI);
    expect(Object.keys(mathFunctions).length).toBeGreaterThan(45);
    for (const f of Object.values(mathFunctions)) {
      expect(rt.addr(f.entry)).toBeGreaterThan(0n);
      if (f.direct !== undefined) expect(rt.addr(f.direct)).toBeGreaterThan(0n);
    }
  });

  test('direct entries take double bits', () => {
    expect(rt.decode(rt.call('rt_math_sqrt_f', rt.float(2)))).toBe(Math.SQRT2);
    expect(rt.decode(rt.call('rt_math_atan2_f', rt.float(1), rt.float(-1)))).toBe(mf.atan2(1, -1));
    expect(rt.call('rt_math_sqrt_f', rt.float(-1))).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'ValueError', args: ['math domain error'] });
    expect(rt.decode(rt.call('rt_math_isinf_f', rt.float(-Infinity)))).toBe(true);
  });

  test('hypot and fsum on long inputs agree with the interpreter', () => {
    let seed = 99;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 200; n += 7) {
      const xs = Array.from({ length: n }, () => (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10));
      expect([n, rt.decode(callMath('hypot', xs, null))]).toEqual([n, mf.hypot(...xs)]);
      expect([n, rt.decode(callMath('fsum', [['l', xs]], null))]).toEqual([n, mf.fsum(xs)]);
      const ys = xs.map((x) => x * 1.5 + 1);
      expect([n, rt.decode(callMath('dist', [['t', xs], ['l', ys]], null))]).toEqual([n, mf.dist(xs, ys)]);
    }
  });
});
