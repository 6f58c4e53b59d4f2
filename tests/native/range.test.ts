// Container runtime: range objects (runtime/core/range.ts) against CPython 3.11: values,
// lengths, hashes, indexing and slicing, containment (by arithmetic for ints, by iteration
// otherwise), index/count, reversed(), equality, constructor errors.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, UNBOUND } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { fixtures, type J, Values } from './containers-values.js';

let rt: Rt;
let v: Values;
beforeAll(() => {
  rt = loadRuntime();
  v = new Values(rt);
});
afterAll(() => rt.dispose());

const err = (key: string) => fixtures.errors[key] as J;
const mk = (args: number[]) => v.construct('range', args.map((x) => v.int(x)));
const drain = (it: bigint): J[] => {
  const out: J[] = [];
  for (;;) {
    const x = rt.call('rt_cont_next', it);
    if (x === UNBOUND) return out;
    out.push(v.read(x));
  }
};

interface RangeCase {
  args: number[];
  list: number[];
  len: number;
  hash: string | null;
  repr: string;
  slice: J[];
  sliced: { t: J[] };
  items: J[];
  contains: [J, boolean][];
  index: [J, J, number][];
  reversed: number[];
}

describe('ranges', () => {
  const cases = fixtures.ranges as RangeCase[];

  test(`values, length, hash, reversed (${cases.length} ranges)`, () => {
    for (const c of cases) {
      const r = mk(c.args);
      const what = JSON.stringify(c.args);
      expect(v.read(rt.call('rt_list_from_iterable', r)), what).toEqual(c.list);
      expect(Number(rt.call('rt_len_range', r)), what).toBe(c.len);
      expect(Number(rt.call('rt_bool_range', r) & 0xffn), what).toBe(c.len > 0 ? 1 : 0);
      if (c.hash !== null) expect(BigInt.asIntN(64, rt.call('rt_hash', r)), what).toBe(BigInt(c.hash));
      expect(rt.decode(rt.call('rt_repr', r)), what).toBe(c.repr);
      expect(drain(rt.call('rt_range_reversed', r)), what).toEqual(c.reversed);
    }
  });

  test('indexing and slicing', () => {
    for (const c of cases) {
      const r = mk(c.args);
      const what = JSON.stringify(c.args);
      [0, -1, 3, -4, 30].forEach((i, k) => expect(v.read(rt.call('rt_getitem_range', r, v.int(i))), `${what}[${i}]`).toEqual(c.items[k]));
      const sub = rt.call('rt_getitem_range', r, v.make({ slice: c.slice as [J, J, J] }));
      expect(v.read(sub), `${what}[${JSON.stringify(c.slice)}]`).toEqual({ range: c.sliced.t });
    }
  });

  test('containment, index and count', () => {
    for (const c of cases) {
      const r = mk(c.args);
      for (const [p, inside] of c.contains) {
        expect(Number(BigInt.asIntN(32, rt.call('rt_contains_range', r, v.make(p)) & 0xffff_ffffn)), `${JSON.stringify(p)} in ${c.args}`).toBe(inside ? 1 : 0);
      }
      for (const [p, index, count] of c.index) {
        expect(v.read(v.call('range', 'index', r, [v.make(p)])), `${c.args}.index(${JSON.stringify(p)})`).toEqual(index);
        expect(v.read(v.call('range', 'count', r, [v.make(p)])), `${c.args}.count(${JSON.stringify(p)})`).toBe(count);
      }
    }
  });

  test('equality compares the sequences of values', () => {
    for (const [a, b, eq] of fixtures.range_eq as [number[], number[], boolean][]) {
      expect(v.read(rt.call('rt_richcompare', mk(a), mk(b), 2n)), `${a} == ${b}`).toBe(eq);
      expect(v.read(rt.call('rt_richcompare', mk(a), mk(b), 3n))).toBe(!eq);
    }
    expect(rt.call('rt_richcompare_range', mk([3]), mk([4]), 0n)).toBe(rt.img.readU64(rt.addr('rt_const_NotImplemented')));
    // Equal ranges hash equal, empty ones whatever their bounds.
    expect(rt.call('rt_hash', mk([0]))).toBe(rt.call('rt_hash', mk([5, 1])));
    expect(rt.call('rt_hash', mk([1, 2, 5]))).toBe(rt.call('rt_hash', mk([1, 3, 7])));
  });

  test('ranges beyond small ints: exact values, len() overflow, bool, hash, indexing, containment', () => {
    const first = (it: bigint, n: number): J[] => {
      const out: J[] = [];
      for (let i = 0; i < n; i++) {
        const x = rt.call('rt_cont_next', it);
        if (x === UNBOUND) break;
        out.push(v.read(x));
      }
      return out;
    };
    for (const c of fixtures.big_ranges as Record<string, any>[]) {
      const r = v.construct('range', (c.args as J[]).map((x) => v.make(x)));
      const what = c.repr as string;
      expect(rt.decode(rt.call('rt_repr', r))).toBe(c.repr);
      const len = rt.call('rt_len_range', r);
      if (typeof c.len === 'object' && c.len !== null && 'exc' in c.len) {
        expect(BigInt.asIntN(64, len), what).toBe(-1n);
        expect(v.read(EXC)).toEqual(c.len);
      } else expect(Number(len), what).toBe(c.len);
      expect(Number(rt.call('rt_bool_range', r) & 0xffn)).toBe(c.bool ? 1 : 0);
      expect(BigInt.asIntN(64, rt.call('rt_hash', r)), what).toBe(BigInt(c.hash));
      [0, -1, 2, 2n ** 63n].forEach((i, k) => expect(v.read(rt.call('rt_getitem_range', r, v.int(i))), `${what}[${i}]`).toEqual(c.items[k]));
      for (const [p, inside] of c.contains as [J, boolean][]) {
        expect(Number(rt.call('rt_contains_range', r, v.make(p)) & 0xffn), `${JSON.stringify(p)} in ${what}`).toBe(inside ? 1 : 0);
      }
      expect(first(rt.call('rt_iter_range', r), 4), what).toEqual(c.head);
      expect(first(rt.call('rt_range_reversed', r), 3), what).toEqual(c.reversed_head);
      for (const [p, index] of c.index as [J, J][]) expect(v.read(v.call('range', 'index', r, [v.make(p)])), `${what}.index(${JSON.stringify(p)})`).toEqual(index);
    }
  });

  test('attributes, bools as arguments, iterator types', () => {
    const r = mk([1, 10, 3]);
    expect(v.read(rt.call('rt_getattr_range', r, v.str('step')))).toBe(3);
    expect(v.read(rt.call('rt_getattr_range', r, v.str('stop')))).toBe(10);
    expect(rt.call('rt_getattr_range', r, v.str('length'))).toBe(UNBOUND);
    expect(v.read(v.construct('range', [rt.true]))).toEqual({ range: [0, 1, 1] });
    expect(rt.typeName(rt.call('rt_iter_range', r))).toBe('range_iterator');
  });

  test.each([
    ['range()', () => v.construct('range')],
    ['range(1.0)', () => v.construct('range', [rt.float(1)])],
    ['range(1, 2, 0)', () => mk([1, 2, 0])],
    ['range(1, 2, 3, 4)', () => mk([1, 2, 3, 4])],
    ['range(1, x=2)', () => v.construct('range', [v.int(1)], { x: v.int(2) })],
    ['range(3)[5]', () => rt.call('rt_getitem_range', mk([3]), v.int(5))],
    ['range(3)["a"]', () => rt.call('rt_getitem_range', mk([3]), v.str('a'))],
    ['range(3)[2**70]', () => rt.call('rt_getitem_range', mk([3]), v.int(2n ** 70n))],
    ['range(10)[::0]', () => rt.call('rt_getitem_range', mk([10]), v.make({ slice: [null, null, 0] }))],
    ['range < range', () => rt.call('rt_richcompare', mk([3]), mk([4]), 0n)],
    ['range.count()', () => v.call('range', 'count', mk([3]))],
  ])('%s raises as CPython', (key, f) => {
    expect(f()).toBe(EXC);
    expect(v.read(EXC)).toEqual(err(key));
  });
});
