// Container runtime: lists (runtime/core/list.ts, listslice.ts, listmethods.ts) against
// CPython 3.11: growth, indexing, slice assignment and deletion, methods with their argument
// errors, comparisons, + and *, iteration, repr. Expected values come from
// scripts/gen-container-fixtures.py (tests/native/containers-fixtures.json).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, LIST, PAYLOAD_MASK, UNBOUND } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { fixtures, type J, Values } from './containers-values.js';

let rt: Rt;
let v: Values;
beforeAll(() => {
  rt = loadRuntime();
  v = new Values(rt);
});
afterAll(() => rt.dispose());

const ints = (xs: number[]) => v.list(xs.map((x) => v.int(x)));
const field = (l: bigint, off: number) => rt.img.readU64((l & PAYLOAD_MASK) + BigInt(off));
const err = (key: string) => fixtures.errors[key] as J;

describe('growth', () => {
  test('appends over-allocate as list_resize does (capacities from sys.getsizeof)', () => {
    const l = rt.call('rt_list_new', 0n);
    const caps: number[] = [];
    for (let i = 0; i < 120; i++) {
      caps.push(Number(field(l, LIST.capacity)));
      expect(rt.call('rt_list_append', l, rt.none)).toBe(0n);
    }
    expect(caps).toEqual(fixtures.list_capacity.append);
    const after: number[] = [];
    for (let i = 0; i < 120; i++) {
      v.call('list', 'pop', l);
      after.push(Number(field(l, LIST.capacity)));
    }
    expect(after).toEqual(fixtures.list_capacity.pop);
  });

  test('extend grows to the over-allocated size; [x] * n is exact', () => {
    for (const [k, cap] of fixtures.list_capacity.extend as [number, number][]) {
      const l = rt.call('rt_binop_list', v.list([rt.none]), v.int(5), 2n);
      expect(Number(field(l, LIST.capacity))).toBe(5);
      v.call('list', 'extend', l, [v.list(Array(k).fill(rt.none))]);
      expect(Number(field(l, LIST.capacity)), `extend by ${k}`).toBe(cap);
      expect(Number(field(l, LIST.length))).toBe(5 + k);
    }
  });

  test('item words past the length stay zero (nothing dead is kept alive)', () => {
    const l = ints([1, 2, 3, 4, 5, 6, 7]);
    v.call('list', 'pop', l);
    v.call('list', 'pop', l, [v.int(0)]);
    const items = field(l, LIST.items) & PAYLOAD_MASK;
    const cap = Number(field(l, LIST.capacity));
    for (let i = 5; i < cap; i++) expect(rt.img.readU64(items + 24n + BigInt(8 * i))).toBe(0n);
  });
});

describe('indexing', () => {
  test('get, set and delete with negative indexes', () => {
    const l = ints([10, 20, 30]);
    expect(v.read(rt.call('rt_getitem_list', l, v.int(-1)))).toBe(30);
    expect(v.read(rt.call('rt_getitem_list', l, rt.true))).toBe(20);
    expect(rt.call('rt_setitem_list', l, v.int(-3), v.int(7))).toBe(0n);
    expect(rt.call('rt_delitem_list', l, v.int(1))).toBe(0n);
    expect(v.read(l)).toEqual([7, 30]);
  });

  test.each([
    ['list[1.5]', (l: bigint) => rt.call('rt_getitem_list', l, rt.float(1.5))],
    ['list[2**70]', (l: bigint) => rt.call('rt_getitem_list', l, v.int(2n ** 70n))],
    ['list[10]', (l: bigint) => rt.call('rt_getitem_list', l, v.int(10))],
    ['list[10] = 1', (l: bigint) => rt.call('rt_setitem_list', l, v.int(10), v.int(1))],
    ['del list[10]', (l: bigint) => rt.call('rt_delitem_list', l, v.int(10))],
    ['list[::0]', (l: bigint) => rt.call('rt_getitem_list', l, v.make({ slice: [null, null, 0] }))],
    ['list["a":]', (l: bigint) => rt.call('rt_getitem_list', l, v.make({ slice: ['a', null, null] }))],
    ['list[0:1] = 1', (l: bigint) => rt.call('rt_setitem_list', l, v.make({ slice: [0, 1, null] }), v.int(1))],
    ['list[::2] = 1', (l: bigint) => rt.call('rt_setitem_list', l, v.make({ slice: [null, null, 2] }), v.int(1))],
    ['list[::2] = [1]', (l: bigint) => rt.call('rt_setitem_list', l, v.make({ slice: [null, null, 2] }), ints([1]))],
    ['hash(list)', (l: bigint) => (rt.call('rt_hash', l) === BigInt.asUintN(64, -1n) ? EXC : 0n)],
  ])('%s raises as CPython', (key, f) => {
    expect(f(ints([1, 2, 3]))).toBe(EXC);
    expect(v.read(EXC)).toEqual(err(key));
  });

  test(`slice assignment and deletion (${fixtures.slice_assign.length} cases)`, () => {
    for (const c of fixtures.slice_assign as { slice: J[]; n: number; value: number[] | 'del'; result: J }[]) {
      const l = ints(Array.from({ length: c.n }, (_, i) => i));
      const s = v.make({ slice: c.slice as [J, J, J] });
      const r = c.value === 'del' ? rt.call('rt_delitem_list', l, s) : rt.call('rt_setitem_list', l, s, ints(c.value));
      expect(r === EXC ? v.read(EXC) : v.read(l), JSON.stringify(c)).toEqual(c.result);
    }
  });

  test('a[::-1] = a and a[1:] = a copy the source first; assigning from a tuple or a dict', () => {
    const a = ints([1, 2, 3]);
    rt.call('rt_setitem_list', a, v.make({ slice: [null, null, -1] }), a);
    expect(v.read(a)).toEqual([3, 2, 1]);
    rt.call('rt_setitem_list', a, v.make({ slice: [1, null, null] }), a);
    expect(v.read(a)).toEqual([3, 3, 2, 1]);
    rt.call('rt_setitem_list', a, v.make({ slice: [0, 2, null] }), v.make({ t: [7, 8, 9] }));
    expect(v.read(a)).toEqual([7, 8, 9, 2, 1]);
    rt.call('rt_setitem_list', a, v.make({ slice: [null, null, null] }), v.make({ dict: [[5, 0], [6, 0]] }));
    expect(v.read(a)).toEqual([5, 6]);
  });
});

describe('methods', () => {
  test('append, extend, insert, pop, remove, index, count, reverse, copy, clear', () => {
    const l = ints([1, 2]);
    expect(v.call('list', 'append', l, [v.int(3)])).toBe(rt.none);
    v.call('list', 'extend', l, [v.make({ t: [4, 5] })]);
    v.call('list', 'extend', l, [l]);
    expect(v.read(l)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    v.call('list', 'insert', l, [v.int(-100), v.int(0)]);
    v.call('list', 'insert', l, [v.int(100), v.int(9)]);
    v.call('list', 'insert', l, [v.int(-1), v.int(8)]);
    expect(v.read(l)).toEqual([0, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 8, 9]);
    expect(v.read(v.call('list', 'pop', l))).toBe(9);
    expect(v.read(v.call('list', 'pop', l, [v.int(0)]))).toBe(0);
    expect(v.read(v.call('list', 'pop', l, [v.int(-2)]))).toBe(5);
    expect(v.call('list', 'remove', l, [v.int(3)])).toBe(rt.none);
    expect(v.read(l)).toEqual([1, 2, 4, 5, 1, 2, 3, 4, 8]);
    expect(v.read(v.call('list', 'index', l, [v.int(4)]))).toBe(2);
    expect(v.read(v.call('list', 'index', l, [v.int(4), v.int(3)]))).toBe(7);
    expect(v.read(v.call('list', 'index', l, [v.int(4), v.int(-3), v.int(2n ** 80n)]))).toBe(7);
    expect(v.read(v.call('list', 'count', l, [v.int(2)]))).toBe(2);
    expect(v.read(v.call('list', 'count', l, [rt.float(2)]))).toBe(2);
    v.call('list', 'reverse', l);
    expect(v.read(l)).toEqual([8, 4, 3, 2, 1, 5, 4, 2, 1]);
    const c = v.call('list', 'copy', l);
    v.call('list', 'clear', l);
    expect(v.read(l)).toEqual([]);
    expect(Number(field(l, LIST.capacity))).toBe(0);
    expect(v.read(c)).toEqual([8, 4, 3, 2, 1, 5, 4, 2, 1]);
  });

  test.each([
    ['list.append()', (l: bigint) => v.call('list', 'append', l)],
    ['list.append(1, 2)', (l: bigint) => v.call('list', 'append', l, [v.int(1), v.int(2)])],
    ['list.append(x=1)', (l: bigint) => v.call('list', 'append', l, [], { x: v.int(1) })],
    ['list.insert(1)', (l: bigint) => v.call('list', 'insert', l, [v.int(1)])],
    ['list.pop(1, 2)', (l: bigint) => v.call('list', 'pop', l, [v.int(1), v.int(2)])],
    ['list.index()', (l: bigint) => v.call('list', 'index', l)],
    ['list.index(1, 2, 3, 4)', (l: bigint) => v.call('list', 'index', l, [1, 2, 3, 4].map((x) => v.int(x)))],
    ['list.copy(1)', (l: bigint) => v.call('list', 'copy', l, [v.int(1)])],
    ['list.remove(9)', (l: bigint) => v.call('list', 'remove', l, [v.int(9)])],
    ['list.index("x")', (l: bigint) => v.call('list', 'index', l, [v.str('x')])],
    ['list.index(9)', (l: bigint) => v.call('list', 'index', l, [v.int(9)])],
    ['list.index(1, "a")', (l: bigint) => v.call('list', 'index', l, [v.int(1), v.str('a')])],
    ['list.insert("a", 1)', (l: bigint) => v.call('list', 'insert', l, [v.str('a'), v.int(1)])],
    ['list.insert(2**70, 1)', (l: bigint) => v.call('list', 'insert', l, [v.int(2n ** 70n), v.int(1)])],
    ['[].pop()', () => v.call('list', 'pop', ints([]))],
    ['[1].pop(5)', () => v.call('list', 'pop', ints([1]), [v.int(5)])],
    ['[1,2,3].pop(-4)', (l: bigint) => v.call('list', 'pop', l, [v.int(-4)])],
  ])('%s raises as CPython', (key, f) => {
    expect(f(ints([1, 2, 3]))).toBe(EXC);
    expect(v.read(EXC)).toEqual(err(key));
  });

  test('list(iterable) and list.__init__ (re-initializes); argument errors', () => {
    expect(v.read(v.construct('list'))).toEqual([]);
    expect(v.read(v.construct('list', [v.make({ t: [1, 2] })]))).toEqual([1, 2]);
    expect(v.read(v.construct('list', [v.make({ dict: [[3, 0], [1, 0]] })]))).toEqual([3, 1]);
    expect(v.read(v.construct('list', [v.str('ab')]))).toEqual(['a', 'b']);
    const l = ints([5, 6]);
    v.put([v.make({ t: [7] })]);
    expect(rt.call('rt_init_list', l, v.put([v.make({ t: [7] })]), 1n, 0n)).toBe(0n);
    expect(v.read(l)).toEqual([7]);
    expect(v.construct('list', [v.int(1), v.int(2)])).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('list(1, 2)'));
    expect(v.construct('list', [v.int(1)])).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('list(1)'));
  });
});

describe('operators', () => {
  const cmp = (a: bigint, b: bigint, op: number) => v.read(rt.call('rt_richcompare', a, b, BigInt(op)));
  const fl = (xs: number[]) => v.list(xs.map((x) => rt.float(x)));

  test('comparisons are lexicographic, == first, then the op on the first difference', () => {
    expect(cmp(ints([1, 2]), ints([1, 2]), 2)).toBe(true);
    expect(cmp(ints([1, 2]), ints([1, 2, 3]), 2)).toBe(false);
    expect(cmp(ints([1, 2]), ints([1, 2, 3]), 3)).toBe(true);
    expect(cmp(fl([1, 2]), fl([1, 2, 3]), 0)).toBe(true);
    expect(cmp(fl([1, 3]), fl([1, 2, 3]), 0)).toBe(false);
    expect(cmp(fl([1, 3]), fl([1, 2, 3]), 5)).toBe(true);
    expect(cmp(fl([]), fl([]), 1)).toBe(true);
    expect(cmp(v.list([rt.float(NaN)]), v.list([rt.float(NaN)]), 2)).toBe(true); // identity first
    expect(cmp(ints([1]), v.list([rt.float(1)]), 2)).toBe(true);
    expect(rt.call('rt_richcompare', ints([]), v.make({ t: [] }), 0n)).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('list < tuple'));
    expect(rt.call('rt_richcompare_list', ints([]), v.make({ t: [] }), 2n)).toBe(rt.call('rt_richcompare_list', ints([]), rt.none, 2n));
  });

  test('+ and * build new lists, += and *= work in place, reflected int * list', () => {
    const a = ints([1, 2]);
    expect(v.read(rt.call('rt_binop_list', a, ints([3]), 0n))).toEqual([1, 2, 3]);
    expect(v.read(rt.call('rt_binop_list', a, v.int(3), 2n))).toEqual([1, 2, 1, 2, 1, 2]);
    expect(v.read(rt.call('rt_binop_list', v.int(2), a, 2n))).toEqual([1, 2, 1, 2]);
    expect(v.read(rt.call('rt_binop_list', a, v.int(-1), 2n))).toEqual([]);
    expect(rt.call('rt_binop_list', a, v.make({ t: [9] }), 16n)).toBe(a);
    expect(rt.call('rt_binop_list', a, v.int(2), 18n)).toBe(a);
    expect(v.read(a)).toEqual([1, 2, 9, 1, 2, 9]);
    expect(rt.call('rt_binop_list', a, v.int(0), 18n)).toBe(a);
    expect(v.read(a)).toEqual([]);
    expect(rt.call('rt_binop_list', a, v.int(1), 1n)).toBe(rt.call('rt_richcompare_list', a, rt.none, 0n)); // NotImplemented
    for (const [key, b, op] of [['list + 1', v.int(1), 0n], ['list * "a"', v.str('a'), 2n], ['list * 2**70', v.int(2n ** 70n), 2n]] as const) {
      expect(rt.call('rt_binop_list', ints([1]), b, op)).toBe(EXC);
      expect(v.read(EXC)).toEqual(err(key));
    }
  });

  test('contains compares item == value, identity first', () => {
    const nan = rt.float(NaN);
    const l = v.list([v.int(1), v.str('x'), nan]);
    const has = (x: bigint) => Number(BigInt.asIntN(32, rt.call('rt_contains_list', l, x) & 0xffff_ffffn));
    expect([has(v.int(1)), has(rt.float(1)), has(v.str('x')), has(nan), has(v.int(2))]).toEqual([1, 1, 1, 1, 0]);
  });
});

describe('iteration and repr', () => {
  test('list_iterator sees appends and drops the list once exhausted', () => {
    const l = ints([1]);
    const it = rt.call('rt_iter_list', l);
    expect(rt.typeName(it)).toBe('list_iterator');
    expect(v.read(rt.call('rt_next_list_iterator', it))).toBe(1);
    rt.call('rt_list_append', l, v.int(2));
    expect(v.read(rt.call('rt_next_list_iterator', it))).toBe(2);
    expect(rt.call('rt_next_list_iterator', it)).toBe(UNBOUND);
    rt.call('rt_list_append', l, v.int(3));
    expect(rt.call('rt_next_list_iterator', it)).toBe(UNBOUND);
    const rev = rt.call('rt_list_reversed', ints([1, 2, 3]));
    expect(v.read(rt.call('rt_list_from_iterable', rev))).toEqual([3, 2, 1]);
  });

  test('repr of nested lists, "[...]" for a list inside itself, RecursionError when too deep', () => {
    const l = v.list([rt.none, v.str("it's"), v.list([]), v.make({ t: [{ float: '1.5' }] }), v.int(-7), v.int(2n ** 70n)]);
    expect(rt.decode(rt.call('rt_repr', l))).toBe(`[None, "it's", [], (1.5,), -7, 1180591620717411303424]`);
    rt.call('rt_list_append', l, l);
    expect(rt.decode(rt.call('rt_repr', l))).toBe(`[None, "it's", [], (1.5,), -7, 1180591620717411303424, [...]]`);
    let deep = v.list([]);
    for (let i = 0; i < 1100; i++) deep = v.list([deep]);
    expect(rt.call('rt_repr', deep)).toBe(EXC);
    expect(v.read(EXC)).toEqual({ exc: 'RecursionError', args: ['maximum recursion depth exceeded while getting the repr of an object'] });
    // Depth back to 0: the room left is the whole limit (protocol.ts rt_recursion_room).
    expect(rt.img.readU64(rt.addr('rt_recursion_room'))).toBe(rt.img.readU64(rt.addr('rt_recursion_limit')));
    expect(rt.img.readU64(rt.addr('rt_cont_repr_depth'))).toBe(0n);
  });
});
