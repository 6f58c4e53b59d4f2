// Dunder methods of builtin types (runtime/core/wrappers.ts): which ones exist (CPython's own
// __dict__ of each type, wrapnames.ts, and a slot routine of the type itself), what kind of
// method they are, and the handlers' contracts. Calls from Python code are compared with
// CPython in descr_programs.test.ts (builtin_dunders.py).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { runtimeModules } from '../../runtime/index.js';
import { ROOT } from '../lib/programs.js';
import { loadRuntime, type Rt } from './harness.js';
import { helpers } from './descr_support.js';

const methods = runtimeModules().find((m) => m.name === 'wrappers')!.methods!;
const has = (type: string, name: string) => methods.some((m) => m.type === type && m.name === name);

describe('which wrappers exist', () => {
  test('a type gets the dunders of the slots it defines itself, as CPython lists them', () => {
    for (const n of ['__add__', '__radd__', '__pow__', '__rpow__', '__neg__', '__lt__', '__hash__', '__repr__', '__bool__', '__new__']) expect(has('int', n), n).toBe(true);
    // CPython's int has no in-place methods and no __iadd__; list has __iadd__ and no __hash__.
    expect(has('int', '__iadd__')).toBe(false);
    expect(has('list', '__iadd__')).toBe(true);
    expect(has('list', '__hash__')).toBe(false);
    // Inherited slots give no wrapper: bool takes int's, Exception takes BaseException's.
    expect(has('bool', '__add__')).toBe(false);
    expect(has('Exception', '__str__')).toBe(false);
    expect(has('KeyError', '__str__')).toBe(true);
  });

  test('object has its generic behaviours and __init_subclass__', () => {
    for (const n of ['__repr__', '__str__', '__hash__', '__eq__', '__ne__', '__getattribute__', '__setattr__', '__delattr__', '__format__', '__init__', '__new__']) expect(has('object', n), n).toBe(true);
    expect(methods.find((m) => m.type === 'object' && m.name === '__init_subclass__')?.kind).toBe('classmethod');
  });

  test('__new__ is a staticmethod, the others methods', () => {
    for (const m of methods) {
      if (m.name === '__init_subclass__') continue;
      expect(m.kind, `${m.type}.${m.name}`).toBe(m.name === '__new__' ? 'staticmethod' : 'method');
    }
  });

  test('no wrapper duplicates a declared method (str.__format__ stays strformat.ts)', () => {
    const str = methods.filter((m) => m.type === 'str' && m.name === '__format__');
    expect(str).toEqual([]);
  });

  test('wrapnames.ts is what scripts/gen-wrapnames.py makes (needs CPython 3.11)', (ctx) => {
    const py = spawnSync('python3', [join(ROOT, 'scripts', 'gen-wrapnames.py')], { encoding: 'utf8' });
    if (py.status !== 0) return ctx.skip();
    expect(py.stdout).toBe(readFileSync(join(ROOT, 'runtime', 'core', 'wrapnames.ts'), 'utf8'));
  });
});

let rt: Rt;
let h: ReturnType<typeof helpers>;
beforeAll(() => {
  rt = loadRuntime();
  h = helpers(rt);
});
afterAll(() => rt.dispose());

describe('handlers', () => {
  /** Call T.name(*xs) through the type's dict; "Type: message" when it raised. */
  const callDunder = (type: string, name: string, xs: bigint[], kw = 0n) => {
    const r = h.call(h.attr(h.box(`type_${type}`), name), xs, kw);
    return r === EXC ? h.error() : rt.decode(r);
  };

  test('the target is the owner\'s slot routine, not the generic dispatcher', () => {
    // int.__repr__ on a bool is int's repr ('1'), where repr(True) is 'True'.
    expect(callDunder('int', '__repr__', [rt.true])).toBe('1');
    expect(callDunder('object', '__repr__', [rt.int(1)])).toMatch(/^<int object at 0x[0-9a-f]+>$/);
  });

  test('reflected and in-place operators pass the operator and operand order', () => {
    expect(callDunder('int', '__rsub__', [rt.int(10), rt.int(3)])).toBe(-7n);
    expect(callDunder('int', '__sub__', [rt.int(10), rt.str('x')])).toEqual({ type: 'NotImplementedType', addr: rt.addr('obj_NotImplemented') });
    const l = h.call(h.box('type_list'), []);
    expect(h.call(h.attr(h.box('type_list'), '__iadd__'), [l, h.call(h.box('type_list'), [rt.str('ab')])])).toBe(l);
    expect(rt.decode(l)).toEqual({ list: ['a', 'b'] });
  });

  test('argument errors in CPython\'s words', () => {
    expect(callDunder('int', '__neg__', [])).toBe("TypeError: descriptor '__neg__' of 'int' object needs an argument");
    expect(callDunder('int', '__neg__', [rt.str('x')])).toBe("TypeError: descriptor '__neg__' requires a 'int' object but received a 'str'");
    expect(callDunder('int', '__neg__', [rt.int(1), rt.int(2)])).toBe('TypeError: expected 0 arguments, got 1');
    expect(callDunder('list', '__setitem__', [h.call(h.box('type_list'), []), rt.int(0)])).toBe('TypeError: expected 2 arguments, got 1');
    expect(callDunder('int', '__add__', [rt.int(1), rt.int(2)], h.names('x'))).toBe('TypeError: wrapper __add__() takes no keyword arguments');
    expect(callDunder('int', '__pow__', [rt.int(1)])).toBe('TypeError:  expected at least 1 argument, got 0');
    expect(callDunder('int', '__pow__', [rt.int(1), rt.int(2), rt.int(3), rt.int(4)])).toBe('TypeError:  expected at most 2 arguments, got 3');
    expect(callDunder('float', '__pow__', [rt.float(2), rt.int(2), rt.int(3)])).toBe('TypeError: pow() 3rd argument not allowed unless all arguments are integers');
    expect(callDunder('int', '__format__', [])).toBe('TypeError: unbound method int.__format__() needs an argument');
    expect(callDunder('int', '__format__', [rt.int(1), rt.int(2)])).toBe('TypeError: __format__() argument must be str, not int');
    expect(callDunder('object', '__getattribute__', [rt.int(1), rt.int(2)])).toBe("TypeError: attribute name must be string, not 'int'");
    expect(callDunder('property', '__get__', [h.call(h.box('type_property'), []), rt.none])).toBe('TypeError: __get__(None, None) is invalid');
  });

  test('__new__: tp_new_wrapper\'s checks', () => {
    expect(callDunder('int', '__new__', [])).toBe('TypeError: int.__new__(): not enough arguments');
    expect(callDunder('int', '__new__', [rt.int(1)])).toBe('TypeError: int.__new__(X): X is not a type object (int)');
    expect(callDunder('int', '__new__', [h.box('type_str')])).toBe('TypeError: int.__new__(str): str is not a subtype of int');
    expect(callDunder('object', '__new__', [h.box('type_int')])).toBe('TypeError: object.__new__(int) is not safe, use int.__new__()');
    expect(callDunder('int', '__new__', [h.box('type_int'), rt.str('12')])).toBe(12n);
  });

  test('results: hashes and lengths as ints, truth as bools, exhaustion as StopIteration, stores as None', () => {
    expect(callDunder('int', '__hash__', [rt.int(-1)])).toBe(-2n);
    expect(callDunder('str', '__len__', [rt.str('héllo')])).toBe(5n);
    expect(callDunder('int', '__bool__', [rt.int(0)])).toBe(false);
    expect(callDunder('str', '__contains__', [rt.str('abc'), rt.str('b')])).toBe(true);
    const it = h.call(h.attr(h.box('type_list'), '__iter__'), [h.call(h.box('type_list'), [])]);
    expect(h.call(h.attr(it, '__next__'), [])).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'StopIteration', args: [] });
    const d = h.call(h.box('type_dict'), []);
    expect(callDunder('dict', '__setitem__', [d, rt.int(1), rt.int(2)])).toBe(null);
    expect(callDunder('dict', '__delitem__', [d, rt.int(1)])).toBe(null);
    expect(callDunder('dict', '__delitem__', [d, rt.int(1)])).toBe('KeyError: 1');
  });

  test('object.__setattr__ and __getattribute__ reach the instance dict (exceptions have one)', () => {
    const e = h.call(h.box('type_ValueError'), []);
    expect(callDunder('object', '__setattr__', [e, rt.str('x'), rt.int(3)])).toBe(null);
    expect(callDunder('object', '__getattribute__', [e, rt.str('x')])).toBe(3n);
    expect(callDunder('object', '__delattr__', [e, rt.str('x')])).toBe(null);
    expect(callDunder('object', '__getattribute__', [e, rt.str('x')])).toBe("AttributeError: 'ValueError' object has no attribute 'x'");
    expect(callDunder('object', '__setattr__', [rt.int(1), rt.str('x'), rt.int(3)])).toBe("AttributeError: 'int' object has no attribute 'x'");
  });

  test('object.__init_subclass__ is bound to the class and takes nothing', () => {
    expect(callDunder('int', '__init_subclass__', [])).toBe(null);
    expect(callDunder('int', '__init_subclass__', [rt.int(1)])).toBe('TypeError: int.__init_subclass__() takes no arguments (1 given)');
    expect(callDunder('int', '__init_subclass__', [rt.int(1)], h.names('x'))).toBe('TypeError: int.__init_subclass__() takes no keyword arguments');
  });

  test('descriptor wrappers pass UNBOUND for a missing instance or owner', () => {
    const p = h.call(h.box('type_property'), [h.box('bfn_len')]);
    expect(callDunder('property', '__get__', [p, rt.none, h.box('type_list')])).toEqual({ type: 'property', addr: p & 0xffff_ffff_ffffn });
    expect(callDunder('property', '__get__', [p, rt.str('abc')])).toBe(3n);
    expect(callDunder('property', '__delete__', [p, rt.str('abc')])).toBe("AttributeError: property of 'str' object has no deleter");
  });
});
