// The descriptor types (runtime/core/descr.ts, descrsuper.ts, descrkit.ts) through their slot
// routines: the contracts the generic attribute protocol relies on (UNBOUND instance for a
// lookup on the class, UNBOUND value for deletion, UNBOUND for an absent attribute), keyword
// parsing, zero-argument super's entry point. CPython 3.11's messages; the Python-level
// behaviour is compared with CPython in descr_programs.test.ts.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, UNBOUND } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { helpers, runModule } from './descr_support.js';

// Python functions to wrap (found by name among the module's globals).
const SOURCE = `
def getter(obj):
    return ('got', obj)

def setter(obj, value):
    return None

def two(a, b):
    return (a, b)
`;

let rt: Rt;
let h: ReturnType<typeof helpers>;
let getter: bigint;
let setter: bigint;
let two: bigint;
beforeAll(() => {
  rt = loadRuntime([], { source: SOURCE });
  h = helpers(rt);
  const fns = runModule(rt);
  [getter, setter, two] = (['getter', 'setter', 'two'] as const).map((n) => fns.get(n)!);
});
afterAll(() => rt.dispose());

const property = (...xs: bigint[]) => h.call(h.box('type_property'), xs);

describe('property', () => {
  test('descrget: the property itself for UNBOUND or None, else fget(instance)', () => {
    const p = property(getter);
    expect(rt.call('rt_descrget_property', p, UNBOUND, h.box('type_int'))).toBe(p);
    expect(rt.call('rt_descrget_property', p, rt.none, h.box('type_NoneType'))).toBe(p);
    expect(rt.decode(rt.call('rt_descrget_property', p, rt.int(7), h.box('type_int')))).toEqual({ tuple: ['got', 7n] });
  });

  test('descrset: fset for a value, fdel for UNBOUND; rax = 0', () => {
    const p = property(getter, setter, getter);
    expect(rt.call('rt_descrset_property', p, rt.int(1), rt.int(2))).toBe(0n);
    expect(rt.call('rt_descrset_property', p, rt.int(1), UNBOUND)).toBe(0n);
    // An accessor that raises: EXC.
    const q = property(getter, getter);
    expect(rt.call('rt_descrset_property', q, rt.int(1), rt.int(2))).toBe(EXC);
    expect(h.error()).toBe('TypeError: getter() takes 1 positional argument but 2 were given');
    expect(rt.call('rt_descrset_property', q, rt.int(1), UNBOUND)).toBe(EXC);
    expect(h.error()).toBe("AttributeError: property of 'int' object has no deleter");
  });

  test('messages name the property once __set_name__ ran, with the instance type qualname', () => {
    const p = property();
    expect(rt.call('rt_descrget_property', p, rt.str('s'), h.box('type_str'))).toBe(EXC);
    expect(h.error()).toBe("AttributeError: property of 'str' object has no getter");
    expect(rt.decode(h.call(h.attr(p, '__set_name__'), [h.box('type_str'), rt.str('size')]))).toBe(null);
    expect(rt.call('rt_descrget_property', p, rt.str('s'), h.box('type_str'))).toBe(EXC);
    expect(h.error()).toBe("AttributeError: property 'size' of 'str' object has no getter");
    expect(rt.call('rt_descrset_property', p, rt.str('s'), rt.int(1))).toBe(EXC);
    expect(h.error()).toBe("AttributeError: property 'size' of 'str' object has no setter");
    // Copies keep the name (property_copy).
    const copy = h.call(h.attr(p, 'getter'), [getter]);
    expect(rt.call('rt_descrset_property', copy, rt.str('s'), UNBOUND)).toBe(EXC);
    expect(h.error()).toBe("AttributeError: property 'size' of 'str' object has no deleter");
  });

  test('getattr slot: members (None when unset), methods, UNBOUND when absent', () => {
    const p = property(getter);
    expect(rt.call('rt_getattr_property', p, rt.str('fget'))).toBe(getter);
    expect(rt.decode(rt.call('rt_getattr_property', p, rt.str('fset')))).toBe(null);
    expect(rt.decode(rt.call('rt_getattr_property', p, rt.str('__doc__')))).toBe(null);
    expect(rt.typeName(rt.call('rt_getattr_property', p, rt.str('setter')))).toBe('builtin_function_or_method');
    expect(rt.call('rt_getattr_property', p, rt.str('nope'))).toBe(UNBOUND);
    expect(rt.decode(rt.call('rt_getattr_property', p, rt.str('__class__')))).toEqual({ type: 'type', addr: rt.addr('type_property') });
  });

  test('setattr slot: __doc__ writable, accessors read-only, nothing else', () => {
    const p = property(getter);
    expect(rt.call('rt_setattr_property', p, rt.str('__doc__'), rt.str('d'))).toBe(0n);
    expect(rt.decode(h.attr(p, '__doc__'))).toBe('d');
    expect(rt.call('rt_setattr_property', p, rt.str('fset'), getter)).toBe(EXC);
    expect(h.error()).toBe('AttributeError: readonly attribute');
    expect(rt.call('rt_setattr_property', p, rt.str('other'), getter)).toBe(EXC);
    expect(h.error()).toBe("AttributeError: 'property' object has no attribute 'other'");
    expect(rt.call('rt_setattr_property', p, rt.str('getter'), getter)).toBe(EXC);
    expect(h.error()).toBe("AttributeError: 'property' object attribute 'getter' is read-only");
  });

  test('getter/setter/deleter return copies with one accessor replaced', () => {
    const p = property(getter);
    const s = h.call(h.attr(p, 'setter'), [setter]);
    expect(s).not.toBe(p);
    expect(rt.call('rt_getattr_property', s, rt.str('fget'))).toBe(getter);
    expect(rt.call('rt_getattr_property', s, rt.str('fset'))).toBe(setter);
    expect(h.call(h.attr(p, 'getter'), [])).toBe(EXC);
    expect(h.error()).toBe('TypeError: property.getter() takes exactly one argument (0 given)');
    expect(h.call(h.box('mfn_property_getter'), [rt.int(1), getter])).toBe(EXC);
    expect(h.error()).toBe("TypeError: descriptor 'getter' for 'property' objects doesn't apply to a 'int' object");
    expect(h.call(h.box('mfn_property_getter'), [])).toBe(EXC);
    expect(h.error()).toBe('TypeError: unbound method property.getter() needs an argument');
    expect(h.call(h.attr(p, 'getter'), [getter], h.names('f'))).toBe(EXC);
    expect(h.error()).toBe('TypeError: property.getter() takes no keyword arguments');
  });
});

describe('keyword arguments (rt_descr_parse_kw, PyArg_ParseTupleAndKeywords order)', () => {
  const parse = (pos: bigint[], kw: [string, bigint][]) => {
    const out = rt.scratch + 0x90000n;
    const args = h.words([...pos, ...kw.map(([, v]) => v)]);
    const names = kw.length > 0 ? h.names(...kw.map(([n]) => n)) : 0n;
    const r = rt.call('rt_descr_parse_kw', args, BigInt(pos.length + kw.length), names, rt.addr('dsc_spec_property'), out);
    if (r === EXC) return h.error();
    return Array.from({ length: 4 }, (_, i) => rt.decode(rt.img.readU64(out + BigInt(8 * i))));
  };

  test.each([
    [[], [], ['UNBOUND', 'UNBOUND', 'UNBOUND', 'UNBOUND']],
    [[1n], [['doc', 4n]], [1n, 'UNBOUND', 'UNBOUND', 4n]],
    [[], [['fdel', 3n], ['fget', 1n]], [1n, 'UNBOUND', 3n, 'UNBOUND']],
    [[1n, 2n, 3n, 4n, 5n], [], 'TypeError: property() takes at most 4 arguments (5 given)'],
    [[], [['fget', 1n], ['fset', 2n], ['fdel', 3n], ['doc', 4n], ['x', 5n]], 'TypeError: property() takes at most 4 keyword arguments (5 given)'],
    [[1n, 2n], [['x', 3n], ['fget', 4n]], "TypeError: argument for property() given by name ('fget') and position (1)"],
    [[1n], [['x', 3n]], "TypeError: 'x' is an invalid keyword argument for property()"],
  ] as const)('case %#', (pos, kw, expected) => {
    expect(parse(pos.map((n) => rt.int(n)), kw.map(([n, v]) => [n, rt.int(v)] as [string, bigint]))).toEqual(expected);
  });
});

describe('classmethod and staticmethod', () => {
  test('classmethod descrget binds to the owner, or to type(instance) when the owner is UNBOUND', () => {
    const cm = h.call(h.box('type_classmethod'), [two]);
    const m = rt.call('rt_descrget_classmethod', cm, UNBOUND, h.box('type_int'));
    expect(rt.typeName(m)).toBe('method');
    expect(rt.decode(h.call(m, [rt.int(5)]))).toEqual({ tuple: [{ type: 'type', addr: rt.addr('type_int') }, 5n] });
    const m2 = rt.call('rt_descrget_classmethod', cm, rt.str('x'), UNBOUND);
    expect(rt.decode(h.call(m2, [rt.int(1)]))).toEqual({ tuple: [{ type: 'type', addr: rt.addr('type_str') }, 1n] });
  });

  test('functools.wraps copies into the dict; __func__ and __wrapped__', () => {
    const cm = h.call(h.box('type_classmethod'), [two]);
    expect(rt.call('rt_getattr_classmethod', cm, rt.str('__func__'))).toBe(two);
    expect(rt.call('rt_getattr_classmethod', cm, rt.str('__wrapped__'))).toBe(two);
    expect(rt.decode(h.attr(cm, '__name__'))).toBe('two');
    expect(rt.decode(h.attr(cm, '__qualname__'))).toBe('two');
    expect(rt.decode(h.attr(cm, '__module__'))).toBe('__main__');
    expect(rt.call('rt_len', h.attr(cm, '__dict__'))).toBe(5n);
  });

  test('staticmethod: descrget gives the callable, calling it calls the callable', () => {
    const sm = h.call(h.box('type_staticmethod'), [two]);
    expect(rt.call('rt_descrget_staticmethod', sm, UNBOUND, h.box('type_int'))).toBe(two);
    expect(rt.decode(h.call(sm, [rt.int(1), rt.int(2)]))).toEqual({ tuple: [1n, 2n] });
    expect(rt.decode(h.call(sm, [rt.int(1), rt.int(2)], h.names('b')))).toEqual({ tuple: [1n, 2n] });
  });

  test('uninitialized objects and argument errors', () => {
    const bare = h.call(h.attr(h.box('type_classmethod'), '__new__'), [h.box('type_classmethod')]);
    expect(rt.call('rt_descrget_classmethod', bare, rt.int(1), UNBOUND)).toBe(EXC);
    expect(h.error()).toBe('RuntimeError: uninitialized classmethod object');
    expect(rt.decode(rt.call('rt_repr', bare))).toBe('<classmethod(<NULL>)>');
    expect(h.call(h.box('type_staticmethod'), [])).toBe(EXC);
    expect(h.error()).toBe('TypeError: staticmethod expected 1 argument, got 0');
    expect(h.call(h.box('type_classmethod'), [two], h.names('f'))).toBe(EXC);
    expect(h.error()).toBe('TypeError: classmethod() takes no keyword arguments');
  });
});

describe('super', () => {
  test('rt_super_new2: the zero-argument form and its RuntimeErrors', () => {
    const s = rt.call('rt_super_new2', h.box('type_bool'), rt.true);
    expect(rt.decode(rt.call('rt_repr', s))).toBe("<super: <class 'bool'>, <bool object>>");
    expect(rt.decode(h.call(h.attr(s, '__add__'), [rt.int(2)]))).toBe(3n);
    expect(rt.call('rt_super_new2', UNBOUND, rt.true)).toBe(EXC);
    expect(h.error()).toBe('RuntimeError: super(): empty __class__ cell');
    expect(rt.call('rt_super_new2', rt.int(3), rt.true)).toBe(EXC);
    expect(h.error()).toBe('RuntimeError: super(): __class__ is not a type (int)');
    expect(rt.call('rt_super_new2', h.box('type_bool'), UNBOUND)).toBe(EXC);
    expect(h.error()).toBe('RuntimeError: super(): no arguments');
    expect(rt.call('rt_super_new2', h.box('type_bool'), rt.int(1))).toBe(EXC);
    expect(h.error()).toBe('TypeError: super(type, obj): obj must be an instance or subtype of type');
  });

  test('getattr slot: the MRO after the class; class-bound super binds only classmethods', () => {
    const s = rt.call('rt_super_new2', h.box('type_int'), rt.int(5));
    expect(rt.call('rt_getattr_super', s, rt.str('__add__'))).toBe(UNBOUND);
    const cls = h.call(h.box('type_super'), [h.box('type_bool'), h.box('type_bool')]);
    expect(rt.call('rt_getattr_super', cls, rt.str('__repr__'))).toBe(rt.call('rt_type_lookup', rt.addr('type_int'), rt.str('__repr__')));
    const fb = rt.call('rt_getattr_super', cls, rt.str('from_bytes'));
    expect(rt.decode(rt.img.readU64((fb & 0xffff_ffff_ffffn) + 32n))).toEqual({ type: 'type', addr: rt.addr('type_bool') });
  });

  test('descrget binds an unbound super; a bound one stays', () => {
    const unbound = h.call(h.box('type_super'), [h.box('type_bool')]);
    const bound = rt.call('rt_descrget_super', unbound, rt.true, h.box('type_bool'));
    expect(bound).not.toBe(unbound);
    expect(rt.call('rt_getattr_super', bound, rt.str('__self__'))).toBe(rt.true);
    expect(rt.call('rt_descrget_super', bound, rt.false, h.box('type_bool'))).toBe(bound);
    expect(rt.call('rt_descrget_super', unbound, UNBOUND, h.box('type_bool'))).toBe(unbound);
  });
});
