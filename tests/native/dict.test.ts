// Container runtime: dicts (runtime/core/dict.ts, dictviews.ts, dictmethods.ts): random
// operation sequences checked against a JavaScript model of Python's dict (insertion order,
// 1 == 1.0 keys, deletions, popitem), resizing, iteration errors, views, methods and their
// errors (from CPython 3.11 through scripts/gen-container-fixtures.py).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DICT, DICTKEYS, EXC, PAYLOAD_MASK, UNBOUND } from '../../src/native/layout.js';
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
const field = (d: bigint, off: number) => rt.img.readU64((d & PAYLOAD_MASK) + BigInt(off));

/** A deterministic PRNG (xorshift32). */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

/** Python-equal keys share a canonical name: 3 and 3.0 are one key. */
function canon(k: J): string {
  if (typeof k === 'number') return `n${k}`;
  if (typeof k === 'string') return `s${k}`;
  if (k !== null && typeof k === 'object' && 'float' in k) return `n${Number(k.float)}`;
  return JSON.stringify(k);
}

describe('dict against a model', () => {
  test.each([1, 2, 3, 4])('random operations keep CPython\'s semantics and order (seed %i)', (seed) => {
    const r = prng(seed * 7919);
    const d = rt.call('rt_dict_new');
    const model = new Map<string, { key: J; value: J }>();
    const keys: J[] = [];
    for (let i = 0; i < 40; i++) keys.push(i * 3 - 20, `k${i}`, `ü${i}☃`);
    for (let i = 0; i < 10; i++) keys.push({ float: `${i * 3 - 20}.0` }, { float: `${i}.5` });
    const pick = () => keys[r(keys.length)]!;
    for (let step = 0; step < 1500; step++) {
      const op = r(10);
      const k = pick();
      const c = canon(k);
      if (op < 5) {
        const val = r(1000);
        expect(rt.call('rt_dict_setitem', d, v.make(k), v.int(val))).toBe(0n);
        const old = model.get(c);
        model.set(c, { key: old === undefined ? k : old.key, value: val });
      } else if (op < 7) {
        const got = rt.call('rt_delitem_dict', d, v.make(k));
        if (model.has(c)) {
          expect(got).toBe(0n);
          model.delete(c);
        } else {
          expect(got).toBe(EXC);
          expect(v.read(EXC)).toEqual({ exc: 'KeyError', args: [k] });
        }
      } else if (op < 9) {
        const got = rt.call('rt_dict_getitem', d, v.make(k));
        const m = model.get(c);
        expect(got === UNBOUND ? undefined : v.read(got)).toEqual(m?.value);
      } else if (r(4) === 0 && model.size > 0) {
        const got = v.read(v.call('dict', 'popitem', d)) as { t: J[] };
        const lastKey = [...model.keys()].pop()!;
        const last = model.get(lastKey)!;
        model.delete(lastKey);
        expect(got).toEqual({ t: [last.key, last.value] });
      }
      if (step % 50 === 0 || step === 1499) {
        expect(v.read(d)).toEqual({ dict: [...model.values()].map((e) => [e.key, e.value]) });
        expect(Number(field(d, DICT.used))).toBe(model.size);
      }
    }
    const copy = rt.call('rt_dict_copy', d);
    expect(v.read(copy)).toEqual(v.read(d));
    expect(v.read(rt.call('rt_richcompare', copy, d, 2n))).toBe(true);
  });

  test('the table grows by used*3 and compacts deleted entries; version changes on mutation', () => {
    const d = rt.call('rt_dict_new');
    expect(field(d, DICT.keys)).toBe(0n);
    const log2 = () => Number(rt.img.readU64((field(d, DICT.keys) & PAYLOAD_MASK) + BigInt(DICTKEYS.log2)));
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) {
      rt.call('rt_dict_setitem', d, v.int(i), rt.none);
      sizes.push(log2());
    }
    // The first table has 4 indices for 3 pairs; the 4th insertion moves to 8 indices (5
    // pairs), the 6th resizes for 5*3 = 15 -> 16 indices (10 pairs), the 11th for 10*3 = 30 -> 32.
    expect(sizes).toEqual([2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 5, 5]);
    const v0 = field(d, DICT.version);
    for (let i = 0; i < 11; i++) rt.call('rt_delitem_dict', d, v.int(i));
    expect(field(d, DICT.version)).toBeGreaterThan(v0);
    expect(Number(field(d, DICT.nentries))).toBe(12);
    for (let i = 100; i < 120; i++) rt.call('rt_dict_setitem', d, v.int(i), rt.none);
    expect(v.read(d)).toEqual({ dict: [[11, null], ...Array.from({ length: 20 }, (_, i) => [100 + i, null] as [J, J])] });
    expect(Number(field(d, DICT.nentries))).toBe(21);
  });

  test('equal int and float keys are one key: the first key object stays', () => {
    const d = rt.call('rt_dict_new');
    rt.call('rt_dict_setitem', d, v.int(1), v.str('a'));
    rt.call('rt_dict_setitem', d, rt.float(1), v.str('b'));
    rt.call('rt_dict_setitem', d, rt.true, v.str('c'));
    expect(v.read(d)).toEqual({ dict: [[1, 'c']] });
    expect(v.read(rt.call('rt_dict_getitem', d, rt.float(1)))).toBe('c');
    expect(v.read(rt.call('rt_getitem_dict', d, v.int(2)))).toBeUndefined;
    expect(rt.call('rt_getitem_dict', d, v.make({ t: [1, 2] }))).toBe(EXC);
    expect(v.read(EXC)).toEqual({ exc: 'KeyError', args: [{ t: [1, 2] }] });
    expect(rt.call('rt_getitem_dict', d, v.list([]))).toBe(EXC);
    expect(v.read(EXC)).toEqual(err('dict[[1]]'));
  });
});

describe('iteration and views', () => {
  const drain = (it: bigint, next: string) => {
    const out: J[] = [];
    for (;;) {
      const x = rt.call(next, it);
      if (x === UNBOUND) return out;
      if (x === EXC) return [...out, v.read(EXC)];
      out.push(v.read(x));
    }
  };

  test('keys, values, items, forwards and reversed', () => {
    const d = v.make({ dict: [[1, 'a'], ['b', 2], [3, null]] });
    rt.call('rt_delitem_dict', d, v.str('b'));
    rt.call('rt_dict_setitem', d, v.str('b'), v.str('e'));
    const view = (k: string) => v.call('dict', k, d);
    expect(v.read(rt.call('rt_list_from_iterable', view('keys')))).toEqual([1, 3, 'b']);
    expect(v.read(rt.call('rt_list_from_iterable', view('values')))).toEqual(['a', null, 'e']);
    expect(v.read(rt.call('rt_list_from_iterable', view('items')))).toEqual([{ t: [1, 'a'] }, { t: [3, null] }, { t: ['b', 'e'] }]);
    expect(v.read(rt.call('rt_list_from_iterable', rt.call('rt_dict_reversed', d)))).toEqual(['b', 3, 1]);
    expect(v.read(rt.call('rt_list_from_iterable', rt.call('rt_dict_items_reversed', view('items'))))).toEqual([{ t: ['b', 'e'] }, { t: [3, null] }, { t: [1, 'a'] }]);
    expect(v.read(rt.call('rt_list_from_iterable', rt.call('rt_dict_values_reversed', view('values'))))).toEqual(['e', null, 'a']);
    expect(rt.decode(rt.call('rt_repr', view('values')))).toBe("dict_values(['a', None, 'e'])");
    expect(rt.decode(rt.call('rt_repr', view('items')))).toMatch(/^dict_items\(\[\(.*, 'a'\), \(.*, None\), \('b', 'e'\)\]\)$/);
    expect(Number(rt.call('rt_len_dict_items', view('items')))).toBe(3);
    const has = (vw: string, x: J) => Number(BigInt.asIntN(32, rt.call(`rt_contains_dict_${vw}`, view(vw), v.make(x)) & 0xffff_ffffn));
    expect([has('keys', 3), has('keys', 4), has('items', { t: [3, null] }), has('items', { t: [3, 0] }), has('items', [3, null]), has('values', 'e'), has('values', 'z')]).toEqual([1, 0, 1, 0, 0, 1, 0]);
  });

  test('"dictionary changed size during iteration" (repeating), "dictionary keys changed during iteration"', () => {
    const d = v.make({ dict: [[1, 1], [2, 2]] });
    const it = rt.call('rt_iter_dict', d);
    expect(v.read(rt.call('rt_next_dict_keyiterator', it))).toBe(1);
    rt.call('rt_dict_setitem', d, v.int(11), rt.none);
    expect(drain(it, 'rt_next_dict_keyiterator')).toEqual([{ exc: 'RuntimeError', args: ['dictionary changed size during iteration'] }]);
    rt.call('rt_delitem_dict', d, v.int(11));
    expect(drain(it, 'rt_next_dict_keyiterator')).toEqual([{ exc: 'RuntimeError', args: ['dictionary changed size during iteration'] }]);
    const e = v.make({ dict: [[1, 1], [2, 2]] });
    const it2 = rt.call('rt_iter_dict', e);
    expect(v.read(rt.call('rt_next_dict_keyiterator', it2))).toBe(1);
    rt.call('rt_delitem_dict', e, v.int(1));
    rt.call('rt_dict_setitem', e, v.int(12), rt.none);
    expect(drain(it2, 'rt_next_dict_keyiterator')).toEqual([2, { exc: 'RuntimeError', args: ['dictionary keys changed during iteration'] }]);
    expect(drain(it2, 'rt_next_dict_keyiterator')).toEqual([]);
  });
});

describe('methods and operators', () => {
  test('get, setdefault, pop, popitem, copy, clear, update, fromkeys', () => {
    const d = v.make({ dict: [[1, 'a']] });
    expect(v.read(v.call('dict', 'get', d, [v.int(1)]))).toBe('a');
    expect(v.read(v.call('dict', 'get', d, [v.int(2)]))).toBe(null);
    expect(v.read(v.call('dict', 'get', d, [v.int(2), v.int(0)]))).toBe(0);
    expect(v.read(v.call('dict', 'setdefault', d, [v.int(2)]))).toBe(null);
    expect(v.read(v.call('dict', 'setdefault', d, [v.int(2), v.int(9)]))).toBe(null);
    expect(v.read(v.call('dict', 'setdefault', d, [v.int(3), v.int(9)]))).toBe(9);
    expect(v.read(v.call('dict', 'pop', d, [v.int(2)]))).toBe(null);
    expect(v.read(v.call('dict', 'pop', d, [v.int(2), v.str('d')]))).toBe('d');
    expect(v.call('dict', 'pop', d, [v.int(2)])).toBe(EXC);
    expect(v.read(EXC)).toEqual({ exc: 'KeyError', args: [2] });
    expect(v.read(v.call('dict', 'update', d, [v.make([{ t: [4, 4] }, [5, 5]])], { x: v.int(6) }))).toBe(null);
    expect(v.read(d)).toEqual({ dict: [[1, 'a'], [3, 9], [4, 4], [5, 5], ['x', 6]] });
    v.call('dict', 'update', d, [v.make({ dict: [[1, 'z']] })]);
    expect(v.read(v.call('dict', 'popitem', d))).toEqual({ t: ['x', 6] });
    const c = v.call('dict', 'copy', d);
    expect(v.read(v.call('dict', 'clear', d))).toBe(null);
    expect(v.read(d)).toEqual({ dict: [] });
    expect(v.read(c)).toEqual({ dict: [[1, 'z'], [3, 9], [4, 4], [5, 5]] });
    const dictType = rt.addr('type_dict') | 0xfffc_0000_0000_0000n;
    expect(v.read(v.call('dict', 'fromkeys', dictType, [v.str('ab')]))).toEqual({ dict: [['a', null], ['b', null]] });
    expect(v.read(v.call('dict', 'fromkeys', dictType, [v.make([1, 2, 1]), v.int(0)]))).toEqual({ dict: [[1, 0], [2, 0]] });
  });

  test('dict(...) and update with pairs and keywords', () => {
    expect(v.read(v.construct('dict', [], { a: v.int(1), b: v.int(2) }))).toEqual({ dict: [['a', 1], ['b', 2]] });
    expect(v.read(v.construct('dict', [v.make([{ t: [1, 2] }])], { b: v.int(2) }))).toEqual({ dict: [[1, 2], ['b', 2]] });
    expect(v.read(v.construct('dict', [v.make({ dict: [[1, 2]] })], { '1': v.int(3) }))).toEqual({ dict: [[1, 2], ['1', 3]] });
    expect(v.read(v.construct('dict', [v.make(['ab'])]))).toEqual({ dict: [['a', 'b']] });
  });

  test.each([
    ['dict.pop()', () => v.call('dict', 'pop', v.make({ dict: [] }))],
    ['dict.popitem()', () => v.call('dict', 'popitem', v.make({ dict: [] }))],
    ['dict.popitem(1)', () => v.call('dict', 'popitem', v.make({ dict: [] }), [v.int(1)])],
    ['dict.get()', () => v.call('dict', 'get', v.make({ dict: [] }))],
    ['dict.get(1, 2, 3)', () => v.call('dict', 'get', v.make({ dict: [] }), [1, 2, 3].map((x) => v.int(x)))],
    ['dict.get(x=1)', () => v.call('dict', 'get', v.make({ dict: [] }), [], { x: v.int(1) })],
    ['dict.update(1, 2)', () => v.call('dict', 'update', v.make({ dict: [] }), [v.int(1), v.int(2)])],
    ['dict.update(1)', () => v.call('dict', 'update', v.make({ dict: [] }), [v.int(1)])],
    ['dict.update([1])', () => v.call('dict', 'update', v.make({ dict: [] }), [v.make([1])])],
    ['dict.update([(1, 2, 3)])', () => v.call('dict', 'update', v.make({ dict: [] }), [v.make([{ t: [1, 2, 3] }])])],
    ['dict.keys(1)', () => v.call('dict', 'keys', v.make({ dict: [] }), [v.int(1)])],
    ['dict.setdefault()', () => v.call('dict', 'setdefault', v.make({ dict: [] }))],
    ['dict.fromkeys()', () => v.call('dict', 'fromkeys', rt.addr('type_dict') | 0xfffc_0000_0000_0000n)],
    ['dict.fromkeys(1)', () => v.call('dict', 'fromkeys', rt.addr('type_dict') | 0xfffc_0000_0000_0000n, [v.int(1)])],
    ['dict(1, 2)', () => v.construct('dict', [v.int(1), v.int(2)])],
    ['dict([1])', () => v.construct('dict', [v.make([1])])],
    ['hash(dict)', () => (rt.call('rt_hash', v.make({ dict: [] })) === BigInt.asUintN(64, -1n) ? EXC : 0n)],
    ['dict < dict', () => rt.call('rt_richcompare', v.make({ dict: [] }), v.make({ dict: [] }), 0n)],
  ])('%s raises as CPython', (key, f) => {
    expect(f()).toBe(EXC);
    expect(v.read(EXC)).toEqual(err(key));
  });

  test('== compares pairs (values with ==), | builds, |= updates in place', () => {
    const a = v.make({ dict: [[1, 2], ['x', { float: '1.0' }]] });
    const b = v.make({ dict: [['x', 1], [1, 2]] });
    expect(v.read(rt.call('rt_richcompare', a, b, 2n))).toBe(true);
    expect(v.read(rt.call('rt_richcompare', a, v.make({ dict: [[1, 2]] }), 3n))).toBe(true);
    expect(v.read(rt.call('rt_richcompare', a, v.make({ dict: [[1, 2], ['y', 1]] }), 2n))).toBe(false);
    expect(v.read(rt.call('rt_binop_dict', a, v.make({ dict: [[1, 0], [3, 4]] }), 10n))).toEqual({ dict: [[1, 0], ['x', { float: '1.0' }], [3, 4]] });
    expect(rt.call('rt_binop_dict', a, v.make([{ t: [5, 6] }]), 26n)).toBe(a);
    expect(v.read(a)).toEqual({ dict: [[1, 2], ['x', { float: '1.0' }], [5, 6]] });
    expect(rt.call('rt_binop_dict', a, v.make([]), 10n)).toBe(rt.img.readU64(rt.addr('rt_const_NotImplemented')));
  });

  test('repr, "{...}" for a dict inside itself', () => {
    const d = v.make({ dict: [['a', [{ float: '1.5' }]], [{ t: [] }, 'é']] });
    expect(rt.decode(rt.call('rt_repr', d))).toBe("{'a': [1.5], (): 'é'}");
    expect(rt.decode(rt.call('rt_repr', v.make({ dict: [] })))).toBe('{}');
    const e = v.make({ dict: [['k', null]] });
    rt.call('rt_dict_setitem', e, v.str('me'), e);
    expect(rt.decode(rt.call('rt_repr', e))).toBe("{'k': None, 'me': {...}}");
  });
});

describe('views as sets', () => {
  test('& | - ^ (results in CPython\'s set order), comparisons, isdisjoint', () => {
    for (const c of fixtures.view_ops as Record<string, any>[]) {
      const d1 = v.make({ dict: c.d1 });
      const d2 = v.make({ dict: c.d2 });
      const k1 = v.call('dict', 'keys', d1);
      const k2 = v.call('dict', 'keys', d2);
      const i1 = v.call('dict', 'items', d1);
      const i2 = v.call('dict', 'items', d2);
      const s = v.make({ set: c.s });
      const l = v.make(c.list);
      const items = (w: bigint) => (v.read(w) as { set: J[] }).set;
      // The views' binop slot, with the operands in the order written (as for either side's slot).
      const op = (x: bigint, y: bigint, o: number) => items(rt.call('rt_binop_dict_keys', x, y, BigInt(o)));
      const what = JSON.stringify(c.d1);
      expect(op(k1, s, 9), what).toEqual(c.k_and_s);
      expect(op(s, k1, 9), what).toEqual(c.s_and_k);
      expect(op(k1, k2, 9), what).toEqual(c.k_and_k);
      expect(op(k1, l, 10), what).toEqual(c.k_or_l);
      expect(op(k1, s, 1), what).toEqual(c.k_sub_s);
      expect(op(s, k1, 1), what).toEqual(c.s_sub_k);
      expect(op(k1, s, 11), what).toEqual(c.k_xor_s);
      expect(op(i1, i2, 11), what).toEqual(c.i_xor_i);
      expect(op(i1, i2, 9), what).toEqual(c.i_and_i);
      expect(op(i1, i2, 10), what).toEqual(c.i_or_i);
      expect([0, 1, 2, 3, 4, 5].map((o) => v.read(rt.call('rt_richcompare_dict_keys', k1, s, BigInt(o)))), what).toEqual(c.cmp_ks);
      expect([0, 1, 2, 3, 4, 5].map((o) => v.read(rt.call('rt_richcompare_dict_items', i1, i2, BigInt(o)))), what).toEqual(c.cmp_ii);
      expect(v.read(v.call('dict_keys', 'isdisjoint', k1, [s]))).toBe(c.disjoint_ks);
      expect(v.read(v.call('dict_keys', 'isdisjoint', k1, [l]))).toBe(c.disjoint_kl);
      expect(v.read(v.call('dict_items', 'isdisjoint', i1, [i2]))).toBe(c.disjoint_ii);
    }
  });
});
