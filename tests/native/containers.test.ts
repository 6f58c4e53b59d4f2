// Container runtime: slice objects and their normalization, static dicts (typedict_<type>,
// builtins_dict) and the method tables. Expected values come from CPython 3.11 through
// scripts/gen-container-fixtures.py (tests/native/containers-fixtures.json).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, OBJ_TAG_BITS, UNBOUND } from '../../src/native/layout.js';
import { staticDictIndices, staticDictLog2 } from '../../src/native/staticdict.js';
import { loadRuntime, type Rt } from './harness.js';
import { runtimeModules } from '../../runtime/index.js';
import { fixtures, type J, Values } from './containers-values.js';

let rt: Rt;
let v: Values;
beforeAll(() => {
  rt = loadRuntime();
  v = new Values(rt);
});
afterAll(() => rt.dispose());

describe('slices', () => {
  const cases = fixtures.slices as { slice: J[]; length: number; items: J; indices: J; tuple: J }[];

  test(`list and tuple slicing matches CPython (${cases.length} cases)`, () => {
    for (const c of cases) {
      const s = v.make({ slice: c.slice as [J, J, J] });
      const items = Array.from({ length: c.length }, (_, i) => v.int(i));
      expect(v.read(rt.call('rt_getitem_list', v.list(items), s)), JSON.stringify(c.slice)).toEqual(c.items);
      expect(v.read(rt.call('rt_getitem_tuple', v.tuple(items), s)), JSON.stringify(c.slice)).toEqual(c.tuple);
    }
  });

  test('slice.indices matches CPython, big bounds and steps included', () => {
    for (const c of cases) {
      const s = v.make({ slice: c.slice as [J, J, J] });
      expect(v.read(v.call('slice', 'indices', s, [v.int(c.length)])), JSON.stringify(c)).toEqual(c.indices);
    }
  });

  test('rt_slice_indices_ex fills start, stop, step and the length (PySlice_GetIndicesEx)', () => {
    const out = rt.call('rt_list_values_new', 4n) + 24n;
    const s = v.make({ slice: [-1, null, -2] });
    expect(rt.call('rt_slice_indices_ex', s, 10n, out)).toBe(5n);
    const words = [0, 8, 16, 24].map((o) => BigInt.asIntN(64, rt.img.readU64(out + BigInt(o))));
    expect(words).toEqual([9n, -1n, -2n, 5n]);
    expect(BigInt.asIntN(64, rt.call('rt_slice_indices_ex', v.make({ slice: [null, null, 0] }), 3n, out))).toBe(-1n);
    expect(v.read(EXC)).toEqual({ exc: 'ValueError', args: ['slice step cannot be zero'] });
  });

  test('repr, attributes, equality, unhashable', () => {
    const s = v.make({ slice: [{ float: '1.5' }, null, 'a'] });
    expect(rt.decode(rt.call('rt_repr', s))).toBe("slice(1.5, None, 'a')");
    expect(rt.decode(rt.call('rt_repr', v.make({ slice: [1, -2, null] })))).toBe('slice(1, -2, None)');
    expect(v.read(rt.call('rt_getattr_slice', s, v.str('start')))).toEqual({ float: '1.5' });
    expect(v.read(rt.call('rt_getattr_slice', s, v.str('step')))).toBe('a');
    expect(rt.call('rt_getattr_slice', s, v.str('nope'))).toBe(UNBOUND);
    const eq = (a: J[], b: J[], op: number) => v.read(rt.call('rt_richcompare', v.make({ slice: a as [J, J, J] }), v.make({ slice: b as [J, J, J] }), BigInt(op)));
    const f = (x: number): J => ({ float: String(x) });
    expect(eq([1, 2, null], [1, 2, null], 2)).toBe(true);
    expect(eq([1, 2, null], [1, 3, null], 0)).toBe(true);
    expect(eq([f(1), f(2), null], [f(1), f(3), null], 0)).toBe(true);
    expect(eq([1, 2, null], [1, 3, null], 2)).toBe(false);
    expect(BigInt.asIntN(64, rt.call('rt_hash', s))).toBe(-1n);
    expect(v.read(EXC)).toEqual(fixtures.errors['hash(slice(1))']);
  });

  test('slice() constructor argument errors', () => {
    expect(v.read(v.construct('slice'))).toEqual(fixtures.errors['slice()']);
    expect(v.read(v.construct('slice', [1, 2, 3, 4].map((x) => v.int(x))))).toEqual(fixtures.errors['slice(1, 2, 3, 4)']);
    expect(v.read(v.construct('slice', [v.int(5)]))).toEqual({ slice: [null, 5, null] });
    expect(v.read(v.call('slice', 'indices', v.make({ slice: [1, null, null] }), [v.int(-1)]))).toEqual(fixtures.errors['slice(1).indices(-1)']);
    expect(v.read(v.call('slice', 'indices', v.make({ slice: [null, { float: '1.5' }, null] }), [v.int(3)]))).toEqual(fixtures.errors['slice(1.5).indices(3)']);
  });
});

describe('static dicts', () => {
  test('the index table places every key on its probe sequence, as rt_dict_find_slot does', () => {
    const hashes = [5n, 13n, 21n, -1n, 2n ** 63n - 1n];
    const log2 = staticDictLog2(hashes.length);
    expect(log2).toBe(3);
    const idx = staticDictIndices(hashes, log2);
    // 5, 13 and 21 collide at slot 5; 13 then goes to (5*5 + (13>>5) + 1) & 7 = 2, ...
    expect(idx[5]).toBe(0);
    expect(Array.from(idx).filter((x) => x >= 0).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('typedict_list holds the list methods; lookups by str find them', () => {
    const td = rt.addr('typedict_list') | OBJ_TAG_BITS;
    for (const name of ['append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'reverse', 'copy', 'clear', 'sort']) {
      const f = rt.call('rt_dict_lookup_str', td, v.str(name));
      expect(rt.typeName(f), name).toBe('builtin_function_or_method');
      expect(rt.decode(rt.img.readU64((f & 0xffff_ffff_ffffn) + 24n))).toBe(name);
    }
    expect(rt.call('rt_dict_lookup_str', td, v.str('nope'))).toBe(UNBOUND);
    // A static dict is an ordinary dict for every other routine. (It also holds list's dunder
    // methods, runtime/core/wrappers.ts: count every method declared for list.)
    const declared = runtimeModules().flatMap((m) => m.methods ?? []).filter((m) => m.type === 'list').length;
    expect(v.read(rt.call('rt_len_dict', td) | 0xfff9_0000_0000_0000n)).toBe(declared);
    expect(rt.typeName(rt.call('rt_dict_getitem', td, v.str('copy')))).toBe('builtin_function_or_method');
  });

  test('dict.fromkeys is flagged as a classmethod in the header aux word', () => {
    const f = v.method('dict', 'fromkeys');
    expect(rt.img.readU64((f & 0xffff_ffff_ffffn) + 8n) >> 32n).toBe(1n);
    expect(rt.img.readU64((v.method('dict', 'get') & 0xffff_ffff_ffffn) + 8n) >> 32n).toBe(0n);
  });

  test('builtins_dict maps builtin names to types, aliases and constants', () => {
    const bd = rt.addr('builtins_dict') | OBJ_TAG_BITS;
    const get = (n: string) => rt.call('rt_dict_lookup_str', bd, v.str(n));
    expect(get('list')).toBe(rt.addr('type_list') | OBJ_TAG_BITS);
    expect(get('ValueError')).toBe(rt.addr('type_ValueError') | OBJ_TAG_BITS);
    expect(get('IOError')).toBe(rt.addr('type_OSError') | OBJ_TAG_BITS);
    expect(get('None')).toBe(rt.none);
    expect(get('True')).toBe(rt.true);
    expect(rt.decode(get('__name__'))).toBe('builtins');
    expect(get('list_iterator')).toBe(UNBOUND); // not a name of the builtins module
    expect(get('strbuilder')).toBe(UNBOUND);
  });
});

describe('builtins: sorted, min, max, sum, reversed', () => {
  /** Call a builtin routine with the vector ABI (positional words, then keyword values). */
  const call = (fn: string, args: bigint[], kw: Record<string, bigint> = {}) => {
    const names = Object.keys(kw);
    const kwnames = names.length === 0 ? 0n : v.tuple(names.map((n) => v.str(n)));
    const words = [...args, ...names.map((n) => kw[n]!)];
    return rt.call(`rt_builtin_${fn}`, v.put(words), BigInt(words.length), kwnames);
  };
  const b = fixtures.builtins as Record<string, J>;
  const ints = (xs: number[]) => v.make(xs);
  const drain = (it: bigint) => v.read(rt.call('rt_list_from_iterable', it));
  const rev = (x: bigint) => v.construct('reversed', [x]);

  test('min and max: first of equal items, default, several arguments', () => {
    expect(v.read(call('min', [ints([5, 3, 9, 3])]))).toEqual(b.min_ints);
    expect(v.read(call('max', [5, 3, 9, 9].map((x) => v.int(x))))).toEqual(b.max_ints);
    expect(v.read(call('min', [ints([])], { default: v.str('d') }))).toEqual(b.min_default);
    expect(v.read(call('max', [v.make([{ float: '1.5' }, { float: '-2.0' }, { float: '1.5' }])]))).toEqual(b.max_floats);
    expect(v.read(call('min', [v.make(['pear', 'apple', 'fig'])]))).toEqual(b.min_strs);
    expect(v.read(call('max', [v.make([1, { float: '1.0' }, true])]))).toEqual(b.max_mixed);
    expect(v.read(call('min', [v.make([{ float: '1.0' }, 1, true])]))).toEqual(b.min_mixed);
    expect(v.read(call('min', [ints([2, 1])], { key: rt.none }))).toBe(1);
  });

  test('sum: ints, floats and their mix, start', () => {
    expect(v.read(call('sum', [ints([1, 2, 3, -4])]))).toEqual(b.sum_ints);
    expect(v.read(call('sum', [ints([1, 2]), v.int(10)]))).toEqual(b.sum_start);
    expect(v.read(call('sum', [v.make(Array(10).fill({ float: '0.1' }))]))).toEqual(b.sum_floats);
    expect(v.read(call('sum', [v.make([1, { float: '2.5' }, 3])]))).toEqual(b.sum_mixed);
    expect(v.read(call('sum', [ints([1])], { start: v.int(3) }))).toEqual(b.sum_start_kw);
    expect(v.read(call('sum', [ints([1, 2]), rt.float(0.5)]))).toEqual(b.sum_float_start);
    expect(v.read(call('sum', [ints([])]))).toEqual(b.sum_empty);
    expect(v.read(call('sum', [v.make([true, true, 3])]))).toEqual(b.sum_bools);
  });

  test('sorted and reversed', () => {
    expect(v.read(call('sorted', [ints([3, 1, 2, 1])]))).toEqual(b.sorted_ints);
    expect(v.read(call('sorted', [v.str('bca')], { reverse: rt.true }))).toEqual(b.sorted_rev);
    expect(v.read(call('sorted', [v.make({ t: [{ float: '2.5' }, 1, -3] })]))).toEqual(b.sorted_tuple);
    const tupleRev = rev(v.make({ t: [1, 2, 3] }));
    expect(rt.typeName(tupleRev)).toBe('reversed');
    expect(drain(tupleRev)).toEqual(b.reversed_tuple);
    expect(drain(rev(v.str('héllo')))).toEqual(b.reversed_str);
    expect(rt.typeName(rev(ints([1, 2])))).toBe('list_reverseiterator');
    expect(drain(rev(ints([1, 2])))).toEqual(b.reversed_list);
    expect(drain(rev(v.make({ range: [1, 10, 4] })))).toEqual(b.reversed_range);
    expect(drain(rev(v.make({ dict: [[1, 2], [3, 4]] })))).toEqual(b.reversed_dict);
  });

  test.each([
    ['reversed()', () => v.construct('reversed')],
    ['reversed(1)', () => v.construct('reversed', [v.int(1)])],
    ['reversed([], 1)', () => v.construct('reversed', [v.make([]), v.int(1)])],
    ['reversed(x=[])', () => v.construct('reversed', [], { x: v.make([]) })],
    ['reversed({1})', () => v.construct('reversed', [v.make({ set: [1] })])],
    ['min()', () => call('min', [])],
    ['min([])', () => call('min', [v.make([])])],
    ['max([], key=None)', () => call('max', [v.make([])], { key: rt.none })],
    ['min(1, 2, default=5)', () => call('min', [v.int(1), v.int(2)], { default: v.int(5) })],
    ['min(1)', () => call('min', [v.int(1)])],
    ['max(1, 2, foo=3)', () => call('max', [v.int(1), v.int(2)], { foo: v.int(3) })],
    ['max([1, "a"])', () => call('max', [v.make([1, 'a'])])],
    ['sum()', () => call('sum', [])],
    ['sum(1, 2, 3)', () => call('sum', [1, 2, 3].map((x) => v.int(x)))],
    ['sum(["a"], "")', () => call('sum', [v.make(['a']), v.str('')])],
    ['sum([1], foo=3)', () => call('sum', [v.make([1])], { foo: v.int(3) })],
    ['sum(1)', () => call('sum', [v.int(1)])],
    ['sorted()', () => call('sorted', [])],
    ['sorted([], 1)', () => call('sorted', [v.make([]), v.int(1)])],
    ['sorted([], foo=1)', () => call('sorted', [v.make([])], { foo: v.int(1) })],
  ])('%s raises as CPython', (key, f) => {
    expect(f()).toBe(EXC);
    expect(v.read(EXC)).toEqual(fixtures.errors[key] as J);
  });
});
