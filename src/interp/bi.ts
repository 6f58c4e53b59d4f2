// Helpers for defining builtin functions, methods and attributes in TypeScript.
//
// Builtins receive positional arguments as an array (`self` first for methods) and
// keyword arguments as a Map or null. These helpers register them in type namespaces and
// check arity with CPython's wording, so the builtin modules stay declarative.

import { pyErr, TypeError } from './exceptions.js';
import { type BuiltinImpl, PyBuiltin, type PyKwargs, PyWrapper } from './objects.js';
import { getsetTypeRef, memberTypeRef, None, PyGetSet, typeName, typeOf } from './protocol.js';
import { builtinFunctionType, classmethodType, PyType, staticmethodType } from './typeobj.js';

/**
 * The slot wrappers of CPython's typeobject.c (wrapper_descriptor): how many arguments
 * after self each takes. [n, n] is check_num_args ("expected 1 argument, got 2"); [1, 2]
 * is PyArg_UnpackTuple with an empty name (" expected at most 2 arguments, got 3").
 */
const SLOT_WRAPPER_ARITY: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ...['__neg__', '__pos__', '__abs__', '__invert__', '__bool__', '__int__', '__float__', '__index__', '__repr__', '__str__', '__hash__', '__len__', '__iter__', '__next__', '__await__', '__aiter__', '__anext__'].map(
    (n) => [n, [0, 0]] as const,
  ),
  ...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'lshift', 'rshift', 'and', 'or', 'xor', 'matmul'].flatMap((op) =>
    [`__${op}__`, `__r${op}__`, `__i${op}__`].map((n) => [n, [1, 1]] as const),
  ),
  ...['__ipow__', '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__', '__contains__', '__getitem__', '__delitem__', '__getattribute__', '__delattr__', '__delete__'].map(
    (n) => [n, [1, 1]] as const,
  ),
  ...['__setitem__', '__setattr__', '__set__'].map((n) => [n, [2, 2]] as const),
  ...['__pow__', '__rpow__', '__get__'].map((n) => [n, [1, 2]] as const),
]);

/**
 * Define a method on a builtin type (an unbound builtin; instances bind it). A slot
 * wrapper (`int.__add__`) checks its receiver, keywords and argument count with
 * CPython's wording before the implementation runs.
 */
export function method(t: PyType, name: string, fn: BuiltinImpl, doc: string | null = null): PyBuiltin {
  const slot = SLOT_WRAPPER_ARITY.get(name);
  const impl: BuiltinImpl = slot === undefined ? fn : (a, kw) => {
    if (a.length === 0) throw pyErr(TypeError, `descriptor '${name}' of '${t.name}' object needs an argument`);
    if (!typeOf(a[0]).isSubtype(t)) throw pyErr(TypeError, `descriptor '${name}' requires a '${t.name}' object but received a '${typeName(a[0])}'`);
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, `wrapper ${name}() takes no keyword arguments`);
    const n = a.length - 1;
    if (slot[0] === slot[1]) {
      if (n !== slot[0]) throw pyErr(TypeError, `expected ${slot[0]} argument${slot[0] === 1 ? '' : 's'}, got ${n}`);
    } else {
      unpackArity('', a, slot[0], slot[1], 1);
    }
    // typeobject.c wrap_descr_get: None for both the instance and the owner is refused.
    if (name === '__get__' && a[1] === None && (a.length < 3 || a[2] === None)) throw pyErr(TypeError, '__get__(None, None) is invalid');
    return fn(a, kw);
  };
  const b = new PyBuiltin(builtinFunctionType, name, impl, undefined, t.name, doc);
  t.ns.setStr(name, b);
  return b;
}

/** Define a classmethod on a builtin type: fn receives the class as args[0]. */
export function classMethod(t: PyType, name: string, fn: BuiltinImpl): void {
  const b = new PyBuiltin(builtinFunctionType, name, fn, undefined, null);
  t.ns.setStr(name, new PyWrapper(classmethodType, b));
}

/** Define a staticmethod on a builtin type. */
export function staticMethod(t: PyType, name: string, fn: BuiltinImpl): void {
  const b = new PyBuiltin(builtinFunctionType, name, fn, undefined, null);
  t.ns.setStr(name, new PyWrapper(staticmethodType, b));
}

/** Define a computed attribute (getset descriptor). */
export function getset(t: PyType, name: string, get: (o: any) => any, set: ((o: any, v: any) => void) | null = null): void {
  t.ns.setStr(name, new PyGetSet(getsetTypeRef.t, name, t.name, get, set));
}

/**
 * A READONLY member (PyMemberDef) of a builtin type: a member_descriptor (its repr is
 * `<member 'real' of 'complex' objects>`) that says "readonly attribute" when assigned.
 */
export function readonlyMember(t: PyType, name: string, get: (o: any) => any): void {
  const d = new PyGetSet(memberTypeRef.t, name, t.name, get, null);
  d.readonlyMember = true;
  t.ns.setStr(name, d);
}

/** A free builtin function (not bound to a type). */
export function fn(name: string, impl: BuiltinImpl, doc: string | null = null): PyBuiltin {
  return new PyBuiltin(builtinFunctionType, name, impl, undefined, null, doc);
}

/** CPython: "name() takes exactly one argument (N given)". */
export function exactlyOne(name: string, args: any[], offset = 0): any {
  if (args.length - offset !== 1) throw pyErr(TypeError, `${name}() takes exactly one argument (${args.length - offset} given)`);
  return args[offset];
}

/** CPython: "name() takes no arguments (N given)". */
export function noArgs(name: string, args: any[], offset = 0): void {
  if (args.length - offset !== 0) throw pyErr(TypeError, `${name}() takes no arguments (${args.length - offset} given)`);
}

/** Arity check with CPython's argument-clinic wording. */
export function arity(name: string, args: any[], min: number, max: number, offset = 0): void {
  const n = args.length - offset;
  if (n >= min && n <= max) return;
  if (min === max) {
    throw pyErr(TypeError, `${name}() takes exactly ${min} argument${min === 1 ? '' : 's'} (${n} given)`);
  }
  if (n < min) throw pyErr(TypeError, `${name}() takes at least ${min} argument${min === 1 ? '' : 's'} (${n} given)`);
  throw pyErr(TypeError, `${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${n} given)`);
}

/** "name expected N arguments, got M" (the PyArg_UnpackTuple wording). */
export function unpackArity(name: string, args: any[], min: number, max: number, offset = 0): void {
  const n = args.length - offset;
  if (n >= min && n <= max) return;
  if (n < min) throw pyErr(TypeError, `${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  throw pyErr(TypeError, `${name} expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

/** Reject keyword arguments: "name() takes no keyword arguments". */
export function noKw(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

/**
 * Parse positional-or-keyword parameters: returns values in `params` order (undefined for
 * missing optional ones). `required` is how many leading params are required.
 */
export function parseArgs(fname: string, args: any[], kw: PyKwargs | null, params: string[], required: number, offset = 0, kwOnly: string[] = []): any[] {
  const n = args.length - offset;
  if (n > params.length) {
    throw pyErr(TypeError, `${fname}() takes at most ${params.length} argument${params.length === 1 ? '' : 's'} (${n} given)`);
  }
  // getargs.c checks the total before the names: "takes at most 4 keyword arguments (5 given)"
  // ("keyword " when every argument came by name, bpo-31229).
  const max = params.length + kwOnly.length;
  const total = n + (kw === null ? 0 : kw.size);
  if (total > max) {
    throw pyErr(TypeError, `${fname}() takes at most ${max} ${n === 0 ? 'keyword ' : ''}argument${max === 1 ? '' : 's'} (${total} given)`);
  }
  const out: any[] = new Array(params.length + kwOnly.length).fill(undefined);
  for (let i = 0; i < n; i++) out[i] = args[offset + i];
  if (kw !== null) {
    for (const [k, v] of kw) {
      let idx = params.indexOf(k);
      if (idx < 0) {
        const j = kwOnly.indexOf(k);
        // getargs.c (_PyArg_UnpackKeywords, vgetargskeywords): the builtins' wording.
        if (j < 0) throw pyErr(TypeError, `'${k}' is an invalid keyword argument for ${fname}()`);
        idx = params.length + j;
      }
      if (out[idx] !== undefined) {
        throw pyErr(TypeError, `argument for ${fname}() given by name ('${k}') and position (${idx + 1})`);
      }
      out[idx] = v;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      throw pyErr(TypeError, `${fname}() missing required argument '${params[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

/** Treat Python None and a missing argument alike. */
export function isNoneOrMissing(v: any): boolean {
  return v === undefined || v === None;
}

export function expectType(fname: string, v: any, check: (v: any) => boolean, what: string, argIndex?: number): void {
  if (!check(v)) {
    const where = argIndex === undefined ? 'argument' : `argument ${argIndex}`;
    throw pyErr(TypeError, `${fname}() ${where} must be ${what}, not ${typeName(v)}`);
  }
}
