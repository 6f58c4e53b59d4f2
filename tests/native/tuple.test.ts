// Container runtime: tuple operations (runtime/core/tupleops.ts) against CPython 3.11:
// xxHash-based hashes, indexing and slicing, comparisons, + and * with CPython's identity
// shortcuts, tuple(iterable), index/count and their errors.

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

const tup = (xs: number[]) => v.tuple(xs.map((x) => v.int(x)));
const err = (key: string) => fixtures.errors[key] as J;

describe('tuples', () => {
  test('hash equals CPython\'s (xxHash lanes, nested tuples, int48 bounds)', () => {
    for (const c of fixtures.tuple_hash as { tuple: J; hash: string }[]) {
      expect(BigInt.asIntN(64, rt.call('rt_hash', v.make(c.tuple))), JSON.stringify(c.tuple)).toBe(BigInt(c.hash));
    }
    expect(BigInt.asIntN(64, rt.call('rt_hash', v.tuple([v.list([])])))).toBe(-1n);
    expect(v.read(EXC)).toEqual(err('hash(list)'));
  });

  test('indexing and its errors', () => {
    const t = tup([1, 2, 3]);
    expect(v.read(rt.call('rt_getitem_tuple', t, v.int(-3)))).toBe(1);
    expect(v.read(rt.call('rt_getitem_tuple', t, rt.false))).toBe(1);
    expect(rt.call('rt_getitem_tuple', t, v.int(5))).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple[5]'));
    expect(rt.call('rt_getitem_tuple', t, v.str('a'))).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple["a"]'));
  });

  test('a whole slice of an exact tuple is the tuple itself; empty results are the empty tuple', () => {
    const t = tup([1, 2, 3]);
    expect(rt.call('rt_getitem_tuple', t, v.make({ slice: [null, null, null] }))).toBe(t);
    expect(rt.call('rt_getitem_tuple', t, v.make({ slice: [-100, 100, null] }))).toBe(t);
    expect(rt.call('rt_getitem_tuple', t, v.make({ slice: [2, 1, null] }))).toBe(rt.img.readU64(rt.addr('rt_const_empty_tuple')));
    expect(v.read(rt.call('rt_getitem_tuple', t, v.make({ slice: [null, null, -1] })))).toEqual({ t: [3, 2, 1] });
  });

  test('+ and *: identity shortcuts, new tuples otherwise, errors', () => {
    const t = tup([1, 2]);
    const empty = rt.img.readU64(rt.addr('rt_const_empty_tuple'));
    expect(rt.call('rt_binop_tuple', t, empty, 0n)).toBe(t);
    expect(v.read(rt.call('rt_binop_tuple', empty, t, 0n))).toEqual({ t: [1, 2] });
    expect(v.read(rt.call('rt_binop_tuple', t, tup([3]), 0n))).toEqual({ t: [1, 2, 3] });
    expect(v.read(rt.call('rt_binop_tuple', t, tup([3]), 16n))).toEqual({ t: [1, 2, 3] });
    expect(rt.call('rt_binop_tuple', t, v.int(1), 2n)).toBe(t);
    expect(v.read(rt.call('rt_binop_tuple', v.int(2), t, 2n))).toEqual({ t: [1, 2, 1, 2] });
    expect(rt.call('rt_binop_tuple', t, v.int(0), 2n)).toBe(empty);
    expect(rt.call('rt_binop_tuple', t, v.int(1), 0n)).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple + 1'));
  });

  test('comparisons', () => {
    const cmp = (a: bigint, b: bigint, op: number) => v.read(rt.call('rt_richcompare', a, b, BigInt(op)));
    expect(cmp(tup([1, 2]), tup([1, 2]), 2)).toBe(true);
    expect(cmp(tup([1, 2]), tup([1]), 3)).toBe(true);
    expect(cmp(v.tuple([rt.float(1), rt.float(2)]), v.tuple([rt.float(1), rt.float(3)]), 0)).toBe(true);
    expect(cmp(v.tuple([rt.float(1)]), v.tuple([rt.float(1), rt.float(0)]), 0)).toBe(true);
    expect(cmp(v.tuple([v.str('b')]), v.tuple([v.str('a'), v.str('z')]), 4)).toBe(true);
  });

  test('tuple(iterable), iteration, contains, index, count', () => {
    const t = tup([5, 6, 5]);
    expect(v.construct('tuple', [t])).toBe(t);
    expect(v.read(v.construct('tuple', [v.list([v.int(1)])]))).toEqual({ t: [1] });
    expect(v.read(v.construct('tuple', [v.str('hé')]))).toEqual({ t: ['h', 'é'] });
    expect(v.construct('tuple')).toBe(rt.img.readU64(rt.addr('rt_const_empty_tuple')));
    expect(v.construct('tuple', [v.int(1), v.int(2)])).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple(1, 2)'));
    const it = rt.call('rt_iter_tuple', t);
    const seen: J[] = [];
    for (let x = rt.call('rt_next_tuple_iterator', it); x !== UNBOUND; x = rt.call('rt_next_tuple_iterator', it)) seen.push(v.read(x));
    expect(seen).toEqual([5, 6, 5]);
    expect(Number(rt.call('rt_contains_tuple', t, rt.float(6)) & 0xffn)).toBe(1);
    expect(v.read(v.call('tuple', 'index', t, [v.int(5), v.int(1)]))).toBe(2);
    expect(v.read(v.call('tuple', 'count', t, [v.int(5)]))).toBe(2);
    expect(v.call('tuple', 'index', t, [v.int(9)])).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple.index(9)'));
    expect(v.call('tuple', 'count', t)).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('tuple.count()'));
  });
});
