// Container runtime: slice objects and their normalization, static dicts (typedict_<type>,
// builtins_dict) and the method tables. Expected values come from CPython 3.11 through
// scripts/gen-container-fixtures.py (tests/native/containers-fixtures.json).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, OBJ_TAG_BITS, UNBOUND } from '../../src/native/layout.js';
import { staticDictIndices, staticDictLog2 } from '../../src/native/staticdict.js';
import { loadRuntime, type Rt } from './harness.js';
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
    expect(v.read(rt.call('rt_getattr_slice', s, v.str('start')))).toEqual({ float: '1.5' });
    expect(v.read(rt.call('rt_getattr_slice', s, v.str('step')))).toBe('a');
    expect(rt.call('rt_getattr_slice', s, v.str('nope'))).toBe(UNBOUND);
    const eq = (a: J[], b: J[], op: number) => v.read(rt.call('rt_richcompare', v.make({ slice: a as [J, J, J] }), v.make({ slice: b as [J, J, J] }), BigInt(op)));
    const f = (x: number): J => ({ float: String(x) });
    expect(eq([1, 2, null], [1, 2, null], 2)).toBe(true);
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
    // A static dict is an ordinary dict for every other routine.
    expect(v.read(rt.call('rt_len_dict', td) | 0xfff9_0000_0000_0000n)).toBe(11);
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
