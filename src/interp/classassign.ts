// `obj.__class__ = cls` (object_set_class, Objects/typeobject.c of CPython 3.11): which class
// changes are allowed, and the exact TypeError when one is not. Called by the `__class__`
// setter of `object` in classes.ts; the interpreter itself only swaps `cls` afterwards.
//
// CPython decides with the C memory layout of instances, which this interpreter does not have.
// So this file keeps a small model of it per class: the struct base the class extends
// (tp_base, chosen by best_base), how many member slots its own __slots__ add (ht_slots,
// sorted and mangled), whether it adds a __weakref__ pointer and an instance dict, whether the
// dict is "managed" (3.11 keeps it before the object header for non-variable-size bases),
// and whether the layout is variable-size (int, tuple, bytes, type). Sizes are counted in
// pointers above the base, which is all compatible_for_assignment and same_slots_added compare.
// Invariant: the model answers exactly like CPython 3.11 for classes made by `class`
// statements or type(); builtin types are approximated by their `layout` family plus the
// exception classes whose C structs add fields.

import { pyErr, TypeError } from './exceptions.js';
import { PyObject } from './objects.js';
import { moduleType, objectType, PyType } from './typeobj.js';

/** What a class's own `__slots__` said (recorded by installSlots when the class is made). */
export interface SlotsSpec {
  /** ht_slots: member names, mangled, sorted, without '__dict__' and '__weakref__'. */
  readonly members: readonly string[];
  readonly dict: boolean;
  readonly weakref: boolean;
}

const slotsSpecs = new WeakMap<PyType, SlotsSpec>();

export function recordSlots(t: PyType, members: Iterable<string>, dict: boolean, weakref: boolean): void {
  // type_new_copy_slots sorts the names (PyList_Sort on str: code point order).
  const sorted = [...members].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  slotsSpecs.set(t, { members: sorted, dict, weakref });
}

/**
 * Builtin exception classes whose C struct adds fields to PyBaseExceptionObject
 * (Objects/exceptions.c: ComplexExtendsException / MiddlingExtendsException with their own
 * object struct). Their subclasses do not share a layout with plain Exception subclasses.
 */
const exceptionStructs: ReadonlySet<string> = new Set([
  'OSError', 'StopIteration', 'SyntaxError', 'ImportError', 'UnicodeEncodeError',
  'UnicodeDecodeError', 'UnicodeTranslateError', 'SystemExit', 'AttributeError', 'NameError',
  'BaseExceptionGroup',
]);

/** Builtin layouts whose objects are not tracked by the cyclic GC (no Py_TPFLAGS_HAVE_GC). */
const noGcLayouts: ReadonlySet<string> = new Set([
  'object', 'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'none', 'range', 'slice',
]);
/** Builtin layouts with a tp_itemsize (variable-size objects). */
const varsizeLayouts: ReadonlySet<string> = new Set(['int', 'bool', 'tuple', 'bytes', 'type']);
/** Builtin layouts whose instances have a __dict__ slot (tp_dictoffset != 0). */
const dictLayouts: ReadonlySet<string> = new Set(['exception', 'module', 'function', 'type']);
/** Builtin layouts whose instances can be weakly referenced (tp_weaklistoffset != 0). */
const weakLayouts: ReadonlySet<string> = new Set(['type', 'module', 'function', 'set', 'frozenset', 'generator', 'method', 'code']);

function heap(t: PyType): boolean {
  return !t.builtin;
}

/** tp_base: a builtin's first base; for a class statement, best_base of its bases. */
function tpBase(t: PyType): PyType | null {
  if (t.bases.length === 0) return null;
  if (t.builtin) return t.bases[0];
  let winner: PyType | null = null;
  let base: PyType | null = null;
  for (const b of t.bases) {
    const candidate = solidBase(b);
    if (winner === null || (candidate.isSubtype(winner) && candidate !== winner)) {
      winner = candidate;
      base = b;
    }
  }
  return base;
}

/** solid_base: the nearest class in the tp_base chain whose struct adds fields (extra_ivars). */
function solidBase(t: PyType): PyType {
  const b = tpBase(t);
  const parent = b === null ? objectType : solidBase(b);
  if (t === objectType) return t;
  if (t.builtin) {
    if (b !== null && t.layout === b.layout && !exceptionStructs.has(t.name)) return parent;
    return t;
  }
  // extra_ivars ignores a trailing dict/weakref pointer, except in variable-size layouts.
  return (varsize(t) ? extraPointers(t) > 0 : ownMembers(t) > 0) ? t : parent;
}

function varsize(t: PyType): boolean {
  if (t.builtin) return varsizeLayouts.has(t.layout);
  const b = tpBase(t);
  return b !== null && varsize(b);
}

function hasDict(t: PyType): boolean {
  if (t.builtin) return dictLayouts.has(t.layout);
  return addsDict(t) || hasDict(tpBase(t)!);
}

function hasWeak(t: PyType): boolean {
  if (t.builtin) return weakLayouts.has(t.layout);
  return addsWeak(t) || hasWeak(tpBase(t)!);
}

function ownMembers(t: PyType): number {
  return slotsSpecs.get(t)?.members.length ?? 0;
}

/** type_new_slots: may_add_dict unless the base has one; only when __slots__ asks for it. */
function addsDict(t: PyType): boolean {
  if (t.builtin) return false;
  const spec = slotsSpecs.get(t);
  return !hasDict(tpBase(t)!) && (spec === undefined || spec.dict);
}

/** may_add_weak needs a base without a weaklist and without tp_itemsize. */
function addsWeak(t: PyType): boolean {
  if (t.builtin) return false;
  const b = tpBase(t)!;
  const spec = slotsSpecs.get(t);
  return !hasWeak(b) && !varsize(b) && (spec === undefined || spec.weakref);
}

/** Py_TPFLAGS_MANAGED_DICT: a dict added above a fixed-size base; inherited. */
function managedDict(t: PyType): boolean {
  if (t.builtin) return false;
  const b = tpBase(t)!;
  return managedDict(b) || (addsDict(t) && !varsize(b));
}

/** tp_basicsize minus the base's, in pointers: members, weaklist, and an unmanaged dict. */
function extraPointers(t: PyType): number {
  if (t.builtin) return 0;
  const b = tpBase(t)!;
  return ownMembers(t) + (addsWeak(t) ? 1 : 0) + (addsDict(t) && varsize(b) ? 1 : 0);
}

/** compatible_with_tp_base: same size, dict and weaklist offsets, GC flag and deallocator. */
function compatibleWithBase(t: PyType): boolean {
  const b = tpBase(t);
  if (b === null) return false;
  if (t.builtin) return t.layout === 'exception' && b.layout === 'exception' && !exceptionStructs.has(t.name);
  const gc = (x: PyType): boolean => !x.builtin || !noGcLayouts.has(x.layout);
  return extraPointers(t) === 0 && !addsDict(t) && !addsWeak(t) && gc(b);
}

/** same_slots_added: two classes on the same tp_base that add the same fields. */
function sameSlotsAdded(a: PyType, b: PyType): boolean {
  let size = 0;
  // A dict offset equal to the base size never happens in 3.11 (managed or negative offset).
  const weakAtBase = (x: PyType): boolean => addsWeak(x) && ownMembers(x) === 0;
  if (weakAtBase(a) && weakAtBase(b)) size++;
  if (!heap(a) || !heap(b)) return false;
  const sa = slotsSpecs.get(a);
  const sb = slotsSpecs.get(b);
  if (sa !== undefined && sb !== undefined) {
    if (sa.members.length !== sb.members.length || sa.members.some((m, i) => m !== sb.members[i])) return false;
    size += sa.members.length;
  }
  return size === extraPointers(a) && size === extraPointers(b);
}

function layoutDiffers(newto: PyType, oldto: PyType): never {
  throw pyErr(TypeError, `__class__ assignment: '${newto.name}' object layout differs from '${oldto.name}'`);
}

/**
 * object_set_class: checks `obj.__class__ = value` and raises CPython's TypeError when it is
 * refused; returns the new class when the assignment may proceed.
 */
export function checkClassAssignment(obj: any, oldto: PyType, value: any, valueTypeName: string): PyType {
  if (!(value instanceof PyType)) throw pyErr(TypeError, `__class__ must be set to a class, not '${valueTypeName}' object`);
  const newto = value;
  const modules = newto.isSubtype(moduleType) && oldto.isSubtype(moduleType);
  if ((!modules && (!heap(newto) || !heap(oldto))) || !(obj instanceof PyObject)) {
    throw pyErr(TypeError, '__class__ assignment only supported for mutable types or ModuleType subclasses');
  }
  // compatible_for_assignment
  let newbase = newto;
  let oldbase = oldto;
  while (compatibleWithBase(newbase)) newbase = tpBase(newbase)!;
  while (compatibleWithBase(oldbase)) oldbase = tpBase(oldbase)!;
  if (newbase !== oldbase && (tpBase(newbase) !== tpBase(oldbase) || !sameSlotsAdded(newbase, oldbase))) layoutDiffers(newto, oldto);
  if (managedDict(oldto) !== managedDict(newto)) layoutDiffers(newto, oldto);
  return newto;
}

export function deleteClassAttribute(): never {
  throw pyErr(TypeError, "can't delete __class__ attribute");
}
