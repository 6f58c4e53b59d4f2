// Container runtime: set and frozenset (runtime/core/set.ts, setops.ts) against CPython
// 3.11: iteration orders after construction and after random operation sequences, the set
// algebra (orders of results included), comparisons, frozenset hashes, errors. Elements are
// ints, floats and tuples, whose hashes CPython computes deterministically.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, UNBOUND } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { fixtures, type J, Values } from './containers-values.js';

let rt: Rt;
let v: Values;
let bigHash = false;
beforeAll(() => {
  rt = loadRuntime();
  v = new Values(rt);
  bigHash = rt.img.link.addresses.has('rt_hash_int');
});
afterAll(() => rt.dispose());

const err = (key: string) => fixtures.errors[key] as J;
/** Whether the values only hash correctly with the int module (big ints hash mod 2**61 - 1). */
const needsInt = (x: J): boolean => JSON.stringify(x).includes('"big"') || /-?\d{16,}/.test(JSON.stringify(x));
const usable = (...xs: J[]) => bigHash || !xs.some(needsInt);
const set = (xs: J[]) => v.make({ set: xs });
const items = (s: bigint) => {
  const r = v.read(s) as { set?: J[]; frozenset?: J[] };
  return r.set ?? r.frozenset;
};

describe('iteration order', () => {
  test('set(iterable) orders keys as CPython does (ints, floats, tuples)', () => {
    let checked = 0;
    for (const c of fixtures.set_orders as { items: J[]; order: J[] }[]) {
      if (!usable(c.items)) continue;
      expect(items(rt.call('rt_set_from_iterable', v.make(c.items))), JSON.stringify(c.items)).toEqual(c.order);
      checked++;
    }
    expect(checked).toBeGreaterThan(bigHash ? 100 : 30);
  });

  test('random operation sequences leave the same keys in the same order', () => {
    let checked = 0;
    for (const seq of fixtures.set_sequences as { start: J[]; steps: { op: string; arg: J; result: J; state: J[] }[] }[]) {
      if (!usable(seq.start, ...seq.steps.map((s) => s.arg))) continue;
      const s = rt.call('rt_set_from_iterable', v.make(seq.start));
      for (const step of seq.steps) {
        const arg = step.arg;
        let r: bigint;
        switch (step.op) {
          case 'update':
            r = v.call('set', 'update', s, [set(arg as J[])]);
            break;
          case 'update_list':
            r = v.call('set', 'update', s, [v.make(arg)]);
            break;
          case 'update_dict':
            r = v.call('set', 'update', s, [v.make({ dict: (arg as J[]).map((k) => [k, null] as [J, J]) })]);
            break;
          case 'ior':
          case 'iand':
          case 'isub':
          case 'ixor': {
            const op = { ior: 10, iand: 9, isub: 1, ixor: 11 }[step.op]!;
            r = rt.call('rt_binop_set', s, set(arg as J[]), BigInt(16 + op));
            expect(r).toBe(s);
            r = rt.none;
            break;
          }
          case 'pop':
          case 'clear':
            r = v.call('set', step.op, s);
            break;
          default:
            r = v.call('set', step.op, s, [v.make(arg)]);
        }
        expect(v.read(r), `${step.op} ${JSON.stringify(arg)}`).toEqual(step.result);
        expect(items(s), `${step.op} ${JSON.stringify(arg)}`).toEqual(step.state);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(bigHash ? 600 : 100);
  });
});

describe('algebra and comparisons', () => {
  test('| & - ^, multi-argument methods, comparisons, disjointness (results in CPython\'s order)', () => {
    let checked = 0;
    for (const c of fixtures.set_algebra as Record<string, any>[]) {
      if (!usable(c.a, c.b)) continue;
      const a = set(c.a);
      const b = set(c.b);
      const op = (n: number) => items(rt.call('rt_binop_set', a, b, BigInt(n)));
      expect(op(10), 'or').toEqual(c.or);
      expect(op(9), 'and').toEqual(c.and);
      expect(op(1), 'sub').toEqual(c.sub);
      expect(op(11), 'xor').toEqual(c.xor);
      expect(items(v.call('set', 'union', a, [b, v.make([1, 2, 3])]))).toEqual(c.union3);
      expect(items(v.call('set', 'intersection', a, [v.make(c.b_list)]))).toEqual(c.inter_list);
      expect(items(v.call('set', 'difference', a, [v.make({ dict: (c.b_list as J[]).map((k) => [k, null] as [J, J]) })]))).toEqual(c.diff_dict);
      expect(items(v.call('set', 'symmetric_difference', a, [v.make(c.b_list)]))).toEqual(c.symdiff_list);
      expect([0, 1, 2, 3, 4, 5].map((o) => v.read(rt.call('rt_richcompare', a, b, BigInt(o))))).toEqual(c.cmp);
      expect(v.read(v.call('set', 'isdisjoint', a, [b]))).toBe(c.disjoint);
      expect(v.read(v.call('set', 'issubset', a, [v.make(c.b_list)]))).toBe(c.subset_list);
      expect(v.read(v.call('set', 'issuperset', a, [v.make(c.b_list)]))).toBe(c.superset_list);
      const fa = rt.call('rt_frozenset_from_iterable', a);
      expect(BigInt.asIntN(64, rt.call('rt_hash', fa))).toBe(BigInt(c.hash_a));
      expect(BigInt.asIntN(64, rt.call('rt_hash', fa))).toBe(BigInt(c.hash_a)); // cached
      checked++;
    }
    expect(checked).toBeGreaterThan(bigHash ? 70 : 20);
  });

  test('frozenset hashes equal CPython\'s; results of frozenset operations are frozensets', () => {
    for (const c of fixtures.frozenset_hash as { items: J[]; hash: string }[]) {
      if (!usable(c.items)) continue;
      expect(BigInt.asIntN(64, rt.call('rt_hash', v.make({ frozenset: c.items }))), JSON.stringify(c.items)).toBe(BigInt(c.hash));
    }
    const f = v.make({ frozenset: [1, 2] });
    expect(rt.typeName(rt.call('rt_binop_frozenset', f, set([2, 3]), 10n))).toBe('frozenset');
    expect(rt.typeName(rt.call('rt_binop_set', set([2, 3]), f, 9n))).toBe('set');
    expect(rt.typeName(rt.call('rt_binop_frozenset', f, set([2]), 26n))).toBe('frozenset');
    expect(v.call('frozenset', 'copy', f)).toBe(f);
    expect(v.construct('frozenset', [f])).toBe(f);
  });

  test('a set is looked up as a frozenset when used as an element', () => {
    const s = v.make({ set: [{ frozenset: [1, 2] }, 3] });
    expect(Number(rt.call('rt_contains_set', s, set([2, 1])) & 0xffn)).toBe(1);
    expect(v.call('set', 'remove', s, [set([1, 2])])).toBe(rt.none);
    expect(items(s)).toEqual([3]);
    expect(v.call('set', 'add', s, [set([])])).toBe(EXC);
    expect(v.read(EXC)).toEqual({ exc: 'TypeError', args: ["unhashable type: 'set'"] });
  });
});

describe('protocol and errors', () => {
  test('iteration raises "Set changed size during iteration" and keeps raising', () => {
    const s = set([1, 2, 3]);
    const it = rt.call('rt_iter_set', s);
    expect(v.read(rt.call('rt_next_set_iterator', it))).toBe(1);
    v.call('set', 'add', s, [v.int(9)]);
    expect(rt.call('rt_next_set_iterator', it)).toBe(EXC);
    expect(v.read(EXC)).toEqual({ exc: 'RuntimeError', args: ['Set changed size during iteration'] });
    v.call('set', 'discard', s, [v.int(9)]);
    expect(rt.call('rt_next_set_iterator', it)).toBe(EXC);
    const it2 = rt.call('rt_iter_frozenset', v.make({ frozenset: [] }));
    expect(rt.call('rt_next_set_iterator', it2)).toBe(UNBOUND);
  });

  test('repr', () => {
    expect(rt.decode(rt.call('rt_repr', set([])))).toBe('set()');
    expect(rt.decode(rt.call('rt_repr', v.make({ frozenset: [] })))).toBe('frozenset()');
    expect(rt.decode(rt.call('rt_repr', set(['a'])))).toBe("{'a'}");
    expect(rt.decode(rt.call('rt_repr', v.make({ frozenset: [{ float: '0.5' }] })))).toBe('frozenset({0.5})');
    expect(rt.decode(rt.call('rt_repr', set([{ t: [] }, null])))).toMatch(/^\{(\(\), None|None, \(\))\}$/);
  });

  test('set() and frozenset() constructors', () => {
    expect(items(v.construct('set', [v.make([3, 1, 3])]))).toEqual([1, 3]);
    expect(items(v.construct('set', [v.str('aa')]))).toEqual(['a']);
    expect(items(v.construct('frozenset'))).toEqual([]);
    const s = set([1]);
    expect(rt.call('rt_init_set', s, v.put([v.make([5])]), 1n, 0n)).toBe(0n);
    expect(items(s)).toEqual([5]);
  });

  test.each([
    ['set.pop()', () => v.call('set', 'pop', set([]))],
    ['set.remove(3)', () => v.call('set', 'remove', set([]), [v.int(3)])],
    ['set.add()', () => v.call('set', 'add', set([]))],
    ['set.union(x=1)', () => v.call('set', 'union', set([]), [], { x: v.int(1) })],
    ['set.issubset()', () => v.call('set', 'issubset', set([]))],
    ['set < list', () => rt.call('rt_richcompare', set([]), v.make([]), 0n)],
    ['set(1, 2)', () => v.construct('set', [v.int(1), v.int(2)])],
    ['set(x=1)', () => v.construct('set', [], { x: v.int(1) })],
    ['frozenset(x=1)', () => v.construct('frozenset', [], { x: v.int(1) })],
    ['frozenset(1, 2)', () => v.construct('frozenset', [v.int(1), v.int(2)])],
    ['set(1)', () => v.construct('set', [v.int(1)])],
    ['hash(set)', () => (rt.call('rt_hash', set([])) === BigInt.asUintN(64, -1n) ? EXC : 0n)],
    ['set.add([])', () => v.call('set', 'add', set([]), [v.make([])])],
    ['frozenset.copy(1)', () => v.call('frozenset', 'copy', v.make({ frozenset: [] }), [v.int(1)])],
  ])('%s raises as CPython', (key, f) => {
    expect(f()).toBe(EXC);
    expect(v.read(EXC)).toEqual(err(key));
  });
});
