// The str runtime under a collection at every allocation (EDGEPYC_GC_STRESS's mode): every
// routine must keep the values it still needs where the collector sees them (callee-saved
// registers, the machine stack, the value stack). Inputs are rooted on the value stack, the
// calls go through rt_gc_enter (so the machine stack is scanned, as in a compiled program);
// a sample of the fixture cases runs with stress on and must still match CPython.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { GC_STAT } from '../../runtime/core/gclayout.js';
import { type Decoded, loadRuntime, type Rt } from './harness.js';
import { Builder, decodeValue, expected, type FixValue, loadCases, type StrCase } from './strfixture.js';

let rt: Rt;
let b: Builder;
beforeAll(() => {
  rt = loadRuntime([], { gc: true });
  b = new Builder(rt);
});
afterAll(() => rt.dispose());

/** Push value words onto the value stack (collector roots); returns their address. */
function rooted(words: bigint[]): bigint {
  const top = rt.img.readU64(rt.addr('rt_vs_top'));
  words.forEach((w, i) => rt.img.writeU64(top + BigInt(8 * i), w));
  rt.img.writeU64(rt.addr('rt_vs_top'), top + BigInt(8 * words.length));
  return top;
}

function setStress(on: boolean): void {
  rt.img.writeU64(rt.addr('rt_gc_inhibit'), on ? 0n : 1n);
  rt.img.writeU64(rt.addr('rt_gc_stress'), on ? 1n : 0n);
}

/** Slot-level operations: the routine and how the case's values become its arguments. */
const SLOTS: Record<string, [string, (self: bigint, args: bigint[]) => bigint[]]> = {
  percent: ['rt_binop_str', (s, a) => [s, a[0]!, 5n]],
  concat: ['rt_binop_str', (s, a) => [s, a[0]!, 0n]],
  repeat: ['rt_binop_str', (s, a) => [s, a[0]!, 2n]],
  repr: ['rt_repr_str', (s) => [s]],
  format_str: ['rt_format_str', (s, a) => [s, a[0]!]],
  getitem: ['rt_getitem_str', (s, a) => [s, a[0]!]],
};

const OPS = new Set([...Object.keys(SLOTS), 'split', 'rsplit', 'join', 'replace', 'upper', 'lower', 'title', 'swapcase', 'casefold', 'center', 'zfill', 'expandtabs',
  'strip', 'splitlines', 'partition', 'rpartition', 'format', 'encode', 'translate', 'count', 'find', 'startswith', 'removeprefix']);

describe('collection at every allocation', () => {
  test('method cases still match CPython', () => {
    const cases = loadCases().filter((c) => OPS.has(c.op) && !containsDict(c));
    const sample = cases.filter((_, i) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const base = rt.img.readU64(rt.addr('rt_vs_top'));
    const collections = () => rt.img.readU64(rt.addr('rt_gc_stat') + 8n * BigInt(GC_STAT.collections));
    const before = collections();
    for (const c of sample) {
      setStress(false);
      rt.img.writeU64(rt.addr('rt_vs_top'), base);
      const self = b.value(c.self);
      const args = c.args.map((x) => b.value(x));
      const kw = Object.entries(c.kw ?? {}).map(([k, v]) => [k, b.value(v)] as [string, bigint]);
      const kwnames = kw.length === 0 ? 0n : b.tuple(kw.map(([k]) => b.str(k)));
      const all = [self, ...args, ...kw.map(([, v]) => v)];
      const argv = rooted([...all, kwnames === 0n ? rt.none : kwnames]);
      const slot = SLOTS[c.op];
      setStress(true);
      // rt_gc_enter: the machine stack below it is scanned (as in a compiled program)
      const r = slot
        ? rt.call('rt_gc_enter', rt.addr(slot[0]), ...slot[1](self, args))
        : rt.call('rt_gc_enter', rt.addr(`rt_str_meth_${c.op}`), argv, BigInt(all.length), kwnames);
      setStress(false);
      const got: Decoded = r === EXC ? { raised: rt.raised() } : decodeValue(rt, r);
      const want: Decoded = c.e ? { raised: { exc: c.e[0], args: c.e[1] === '' ? [] : [c.e[1]] } } : expected(c.r!);
      try {
        expect(got).toEqual(want);
      } catch {
        failures.push(`${JSON.stringify(c)}\n   got ${JSON.stringify(got, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
      }
      if (failures.length >= 8) break;
    }
    rt.img.writeU64(rt.addr('rt_vs_top'), base);
    expect(failures).toEqual([]);
    // the collector did run, many times
    expect(collections() - before).toBeGreaterThan(500n);
  });
});

function containsDict(c: StrCase): boolean {
  const walk = (v: FixValue): boolean => v !== null && typeof v === 'object' && ('d' in v || ('t' in v && v.t.some(walk)) || ('l' in v && v.l.some(walk)));
  return [c.self, ...c.args].some(walk);
}
