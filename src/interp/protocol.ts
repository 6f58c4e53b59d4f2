// The object protocol: what Python does to any value.
//
// Truth, identity, attribute access (the descriptor protocol of reference 3.3.2), calls,
// rich comparison with reflected operands, hashing, repr/str, iteration and container
// access, each with fast paths for the builtin representations (objects.ts) and a
// generic path through the type's dunder methods. The eval loop and every builtin go
// through these functions, so a user class overriding a dunder is honoured everywhere.

import { PyBoxed, PyBuiltin, PyFloat, PyFunction, PyInstance, PyIterator, PyList, PyMethod, PyModule, PyObject, PyProperty, PySingleton, PyTuple, PyWrapper, type PyKwargs } from './objects.js';
import { dictHooks, PyDict } from './pydict.js';
import {
  boolType, classmethodType, dictType, ellipsisType, floatType, intType, listType, noneType, notImplementedType, objectGetattribute, objectType, PyType, staticmethodType, strType, tupleType, typeType,
} from './typeobj.js';
import { AttributeError, noneRef, pyErr, RecursionError, StopIteration, TypeError } from './exceptions.js';

export const None = new PySingleton('None');
None.cls = noneType;
export const NotImplemented = new PySingleton('NotImplemented');
NotImplemented.cls = notImplementedType;
export const Ellipsis = new PySingleton('Ellipsis');
Ellipsis.cls = ellipsisType;
noneRef.v = None;

/** The Python type of any value. */
export function typeOf(v: any): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'boolean':
      return boolType;
    case 'string':
      return strType;
    default:
      return (v as PyObject).cls;
  }
}

export function typeName(v: any): string {
  return typeOf(v).name;
}

export const EMPTY_TUPLE = new PyTuple(tupleType, []);

export function newTuple(items: any[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(tupleType, items);
}

export function newList(items: any[]): PyList {
  return new PyList(listType, items);
}

export function newDict(): PyDict {
  return new PyDict(dictType);
}

export function pyBool(b: boolean): boolean {
  return b;
}

/** Hooks filled in by eval.ts and the builtins (keeps this module free of cycles at load). */
export const hooks = {
  /** Call a Python function object. */
  callFunction: null as unknown as (f: PyFunction, args: any[], kw: PyKwargs | null) => any,
  /** Construct an instance of a type (type.__call__). */
  typeCall: null as unknown as (t: PyType, args: any[], kw: PyKwargs | null) => any,
  /** repr of values without a fast path (installed by the builtin types). */
  reprSlow: null as unknown as (v: any) => string,
  /** Python-level iteration of a generator-like or other TS iterator. */
  makeIter: null as unknown as (v: any) => PyObject,
};

// ---- truth ----------------------------------------------------------------------------------

export function isTrue(v: any): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length > 0;
    case 'bigint':
      return true; // canonical bigints are never zero
    default:
      break;
  }
  if (v === None) return false;
  if (v instanceof PyList) {
    if (v.cls === listType) return v.items.length > 0;
  } else if (v instanceof PyFloat) {
    if (v.cls === floatType) return v.v !== 0;
  } else if (v instanceof PyTuple) {
    if (v.cls === tupleType) return v.items.length > 0;
  } else if (v instanceof PyDict) {
    if (v.cls === dictType) return v.map.size > 0;
  }
  const t = (v as PyObject).cls;
  const b = t.lookup('__bool__');
  if (b !== undefined) {
    if (b === None) throw pyErr(TypeError, `'${t.name}' object cannot be interpreted as a boolean`);
    const r = callDescr(b, v, []);
    if (typeof r !== 'boolean') throw pyErr(TypeError, `__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const l = t.lookup('__len__');
  if (l !== undefined) {
    const n = callDescr(l, v, []);
    return lenResult(n, t) !== 0;
  }
  return true;
}

function lenResult(n: any, t: PyType): number {
  if (typeof n === 'number') {
    if (n < 0) throw pyErr(ValueErrorRef.t, '__len__() should return >= 0');
    return n;
  }
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n === 'bigint') {
    if (n < 0n) throw pyErr(ValueErrorRef.t, '__len__() should return >= 0');
    throw pyErr(OverflowErrorRef.t, "cannot fit 'int' into an index-sized integer");
  }
  if (n instanceof PyBoxed && typeof n.value === 'number') return n.value;
  void t;
  throw pyErr(TypeError, `'${typeName(n)}' object cannot be interpreted as an integer`);
}

export const ValueErrorRef: { t: PyType } = { t: null as unknown as PyType };
export const OverflowErrorRef: { t: PyType } = { t: null as unknown as PyType };

// ---- identity --------------------------------------------------------------------------

/** `a is b`. Equal ints/strs compare as identical (they are values in this interpreter). */
export function is(a: any, b: any): boolean {
  return a === b;
}

// ---- calls -------------------------------------------------------------------------------

/** Call any callable with positional args and optional keyword args. */
export function call(f: any, args: any[], kw: PyKwargs | null = null): any {
  if (f instanceof PyFunction) return hooks.callFunction(f, args, kw);
  if (f instanceof PyBuiltin) {
    if (f.self !== undefined) return f.fn([f.self, ...args], kw);
    return f.fn(args, kw);
  }
  if (f instanceof PyMethod) return call(f.func, [f.self, ...args], kw);
  if (f instanceof PyType) return hooks.typeCall(f, args, kw);
  const t = typeOf(f);
  const c = t.lookup('__call__');
  if (c === undefined) throw pyErr(TypeError, `'${t.name}' object is not callable`);
  return callDescr(c, f, args, kw);
}

/** Call a method found on a type with `self` as the first argument (no bound object). */
export function callDescr(descr: any, self: any, args: any[], kw: PyKwargs | null = null): any {
  if (descr instanceof PyFunction) return hooks.callFunction(descr, [self, ...args], kw);
  if (descr instanceof PyBuiltin && descr.self === undefined) return descr.fn([self, ...args], kw);
  const bound = descrGet(descr, self, typeOf(self));
  return call(bound, args, kw);
}

/** Look up a dunder on the type (not the instance) and call it; undefined if absent. */
export function callSpecial(obj: any, name: string, args: any[]): any {
  const d = typeOf(obj).lookup(name);
  if (d === undefined) return undefined;
  return callDescr(d, obj, args);
}

export function isCallable(v: any): boolean {
  if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMethod || v instanceof PyType) return true;
  return typeOf(v).lookup('__call__') !== undefined;
}

// ---- descriptors and attributes ------------------------------------------------------------

/** Builtin data descriptor (CPython getset): computed attributes of builtin types. */
export class PyGetSet extends PyObject {
  readonly name: string;
  readonly get: (obj: any) => any;
  readonly set: ((obj: any, v: any) => void) | null;
  readonly ownerName: string;
  /** Deleter (member descriptors of __slots__); null: deleting is an error. */
  del: ((obj: any) => void) | null = null;
  /** A READONLY member of CPython (PyMemberDef): assigning or deleting says "readonly attribute". */
  readonlyMember = false;
  /** __slots__ members: the class they belong to (descr_check refuses other instances). */
  ownerType: PyType | null = null;
  constructor(cls: PyType, name: string, ownerName: string, get: (obj: any) => any, set: ((obj: any, v: any) => void) | null = null) {
    super();
    this.cls = cls;
    this.name = name;
    this.ownerName = ownerName;
    this.get = get;
    this.set = set;
  }
}

export const getsetTypeRef: { t: PyType } = { t: null as unknown as PyType };
/** member_descriptor (classes.ts): the type of READONLY members and __slots__ descriptors. */
export const memberTypeRef: { t: PyType } = { t: null as unknown as PyType };

export function isDataDescriptor(d: any): boolean {
  if (d instanceof PyProperty || d instanceof PyGetSet) return true;
  if (typeof d !== 'object' || d instanceof PyFunction || d instanceof PyBuiltin || d instanceof PyWrapper || d instanceof PyType) return false;
  const t = (d as PyObject).cls;
  if (t === undefined || t.builtin) return false;
  return t.lookup('__set__') !== undefined || t.lookup('__delete__') !== undefined;
}

/**
 * The descriptor `__get__` step: bind functions, unwrap static/class methods, run
 * properties. `obj` is undefined for access through the class.
 */
export function descrGet(d: any, obj: any, owner: PyType): any {
  if (d instanceof PyFunction) return obj === undefined ? d : new PyMethod(methodTypeRef.t, d, obj);
  if (d instanceof PyBuiltin) {
    if (obj === undefined || d.owner === null || d.self !== undefined) return d;
    return new PyBuiltin(d.cls, d.name, d.fn, obj, d.owner, d.doc);
  }
  if (d instanceof PyWrapper) {
    if (d.cls === staticmethodType) return d.func;
    if (d.cls === classmethodType) return new PyMethod(methodTypeRef.t, d.func, obj === undefined ? owner : typeOf(obj).isSubtype(owner) ? typeOf(obj) : owner);
  }
  if (d instanceof PyProperty) {
    if (obj === undefined) return d;
    if (d.fget === None || d.fget === undefined) throw pyErr(AttributeError, `property ${propName(d)}of '${typeName(obj)}' object has no getter`);
    return call(d.fget, [obj]);
  }
  if (d instanceof PyGetSet) return obj === undefined ? d : d.get(obj);
  if (typeof d === 'object' && d !== null && !(d instanceof PyType)) {
    const t = (d as PyObject).cls;
    if (t !== undefined && !t.builtin) {
      const g = t.lookup('__get__');
      if (g !== undefined) return callDescr(g, d, [obj === undefined ? None : obj, owner]);
    }
  }
  return d;
}

/** descrobject.c property_descr_set: the name __set_name__ gave the property, if any. */
function propName(p: PyProperty): string {
  const n = (p as PyProperty & { name?: any }).name;
  return typeof n === 'string' ? `'${n}' ` : '';
}

export const methodTypeRef: { t: PyType } = { t: null as unknown as PyType };

export function attributeError(obj: any, name: string): PyObject {
  const e = pyErr(AttributeError, obj instanceof PyType ? `type object '${obj.name}' has no attribute '${name}'` : obj instanceof PyModule ? moduleAttributeMessage(obj, name) : `'${typeName(obj)}' object has no attribute '${name}'`);
  if (e.dict === null) e.dict = new PyDict();
  e.dict.setStr('name', name);
  e.dict.setStr('obj', obj);
  return e;
}

/** module_getattro's message: the module's __name__, and a hint while it is still executing. */
function moduleAttributeMessage(m: PyModule, name: string): string {
  const n = m.dict!.getStr('__name__');
  const modName = typeof n === 'string' ? n : m.name;
  if (moduleInitializing.has(m)) return `partially initialized module '${modName}' has no attribute '${name}' (most likely due to a circular import)`;
  return `module '${modName}' has no attribute '${name}'`;
}

/** Modules whose body is running (the import system adds and removes them). */
export const moduleInitializing = new Set<PyModule>();

/** getattr(obj, name): raises AttributeError when missing. */
export function getAttr(obj: any, name: string): any {
  const t = typeOf(obj);
  let v: any;
  try {
    v = t.hasGetattribute || t.hasGetattr ? getattrHooked(obj, t, name) : lookupAttr(obj, t, name);
  } catch (e) {
    throw augmentAttributeError(e, obj, name);
  }
  if (v === undefined) throw attributeError(obj, name);
  return v;
}

/** PyObject_GetAttr's set_attribute_error_context: name/obj for "Did you mean" hints. */
function augmentAttributeError(e: any, obj: any, name: string): any {
  if (e instanceof PyObject && e.cls.isSubtype(AttributeError)) {
    const d = e.dict;
    if (d === null || (d.getStr('name') === undefined && d.getStr('obj') === undefined)) {
      if (e.dict === null) e.dict = new PyDict();
      e.dict.setStr('name', name);
      e.dict.setStr('obj', obj);
    }
  }
  return e;
}

/**
 * getattr without raising for a missing attribute (returns undefined): an AttributeError
 * raised anywhere in the lookup (a property, __getattr__) counts as missing, as for
 * CPython's hasattr() and getattr() with a default.
 */
export function getAttrOpt(obj: any, name: string): any {
  const t = typeOf(obj);
  try {
    return t.hasGetattribute || t.hasGetattr ? getattrHooked(obj, t, name) : lookupAttr(obj, t, name);
  } catch (e) {
    if (e instanceof PyObject && (e as PyObject).cls.isSubtype(AttributeError)) return undefined;
    throw e;
  }
}

/**
 * object.__getattribute__ (PyObject_GenericGetAttr) without raising when the name is
 * missing: data descriptors of the type, then the instance dict, then other class
 * attributes. Errors raised by descriptors propagate. Types and modules get their own
 * rules (type.__getattribute__, module __getattr__).
 */
function lookupAttr(obj: any, t: PyType, name: string): any {
  if (obj instanceof PyType) return typeGetAttr(obj, name);
  const descr = t.lookup(name);
  if (descr !== undefined && isDataDescriptor(descr)) return descrGet(descr, obj, t);
  const d = (obj as PyObject).dict;
  if (d !== null && d !== undefined && typeof obj === 'object') {
    const v = d.getStr(name);
    if (v !== undefined) return v;
  }
  if (descr !== undefined) return descrGet(descr, obj, t);
  if (obj instanceof PyModule) {
    const ga = obj.dict!.getStr('__getattr__');
    if (ga !== undefined) return call(ga, [name]);
  }
  return undefined;
}

/** slot_tp_getattr_hook: a Python __getattribute__, then __getattr__ on AttributeError. */
function getattrHooked(obj: any, t: PyType, name: string): any {
  let v: any;
  try {
    v = t.hasGetattribute ? callDescr(t.lookup('__getattribute__'), obj, [name]) : lookupAttr(obj, t, name);
    if (v === undefined && !t.hasGetattr) throw attributeError(obj, name);
  } catch (e) {
    if (!t.hasGetattr || !(e instanceof PyObject && (e as PyObject).cls.isSubtype(AttributeError))) throw e;
    v = undefined;
  }
  if (v === undefined) return callDescr(t.lookup('__getattr__'), obj, [name]);
  return v;
}

/** object.__getattribute__ semantics without __getattr__ (for explicit calls). */
export function genericGetAttr(obj: any, name: string): any {
  const v = lookupAttr(obj, typeOf(obj), name);
  if (v === undefined) throw attributeError(obj, name);
  return v;
}

/** type.__getattribute__: metatype data descriptors, then the class MRO, then the metatype. */
export function typeGetAttr(t: PyType, name: string): any {
  const meta = t.cls;
  const metaAttr = meta.lookup(name);
  if (metaAttr !== undefined && isDataDescriptor(metaAttr)) return descrGet(metaAttr, t, meta);
  const attr = t.lookup(name);
  if (attr !== undefined) return descrGet(attr, undefined, t);
  if (metaAttr !== undefined) return descrGet(metaAttr, t, meta);
  return undefined;
}

/** setattr(obj, name, value) */
export function setAttr(obj: any, name: string, value: any): void {
  const t = typeOf(obj);
  const sa = t.lookup('__setattr__');
  if (sa !== undefined && sa !== objectSetattr.f && !(obj instanceof PyType && sa === typeSetattr.f)) {
    callDescr(sa, obj, [name, value]);
    return;
  }
  genericSetAttr(obj, name, value);
}

export const objectSetattr: { f: any } = { f: undefined };
export const typeSetattr: { f: any } = { f: undefined };
export const objectDelattr: { f: any } = { f: undefined };

export function genericSetAttr(obj: any, name: string, value: any): void {
  const t = typeOf(obj);
  if (obj instanceof PyType) {
    if (obj.builtin) throw pyErr(TypeError, `cannot set '${name}' attribute of immutable type '${obj.name}'`);
    const metaAttr = t.lookup(name);
    if (metaAttr !== undefined && isDataDescriptor(metaAttr)) {
      descrSet(metaAttr, obj, value, name);
      return;
    }
    obj.ns.setStr(name, value);
    obj.modified();
    return;
  }
  const descr = t.lookup(name);
  if (descr !== undefined && isDataDescriptor(descr)) {
    descrSet(descr, obj, value, name);
    return;
  }
  if (typeof obj !== 'object') throw noAttrOnBuiltin(obj, name);
  const o = obj as PyObject;
  if (o.dict === null) {
    if (!t.instanceDict) throw noAttrOnBuiltin(obj, name);
    o.dict = new PyDict();
  }
  o.dict.setStr(name, value);
}

function noAttrOnBuiltin(obj: any, name: string): PyObject {
  const t = typeOf(obj);
  const descr = t.lookup(name);
  if (descr !== undefined) return pyErr(AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  return attributeError(obj, name);
}

function descrSet(d: any, obj: any, value: any, name: string): void {
  if (d instanceof PyProperty) {
    if (d.fset === None || d.fset === undefined) throw pyErr(AttributeError, `property ${propName(d)}of '${typeName(obj)}' object has no setter`);
    call(d.fset, [obj, value]);
    return;
  }
  if (d instanceof PyGetSet) {
    if (d.readonlyMember) throw pyErr(AttributeError, 'readonly attribute');
    if (d.set === null) throw pyErr(AttributeError, `attribute '${name}' of '${d.ownerName}' objects is not writable`);
    d.set(obj, value);
    return;
  }
  const s = (d as PyObject).cls.lookup('__set__');
  if (s === undefined) throw pyErr(AttributeError, `__set__`);
  callDescr(s, d, [obj, value]);
}

export function delAttr(obj: any, name: string): void {
  const t = typeOf(obj);
  const da = t.lookup('__delattr__');
  if (da !== undefined && da !== objectDelattr.f) {
    callDescr(da, obj, [name]);
    return;
  }
  genericDelAttr(obj, name);
}

export function genericDelAttr(obj: any, name: string): void {
  const t = typeOf(obj);
  if (obj instanceof PyType) {
    // type_setattro words deletion like assignment.
    if (obj.builtin) throw pyErr(TypeError, `cannot set '${name}' attribute of immutable type '${obj.name}'`);
    if (obj.ns.delete(name) === undefined) throw attributeError(obj, name);
    obj.modified();
    return;
  }
  const descr = t.lookup(name);
  if (descr !== undefined && isDataDescriptor(descr)) {
    if (descr instanceof PyProperty) {
      if (descr.fdel === None || descr.fdel === undefined) throw pyErr(AttributeError, `property ${propName(descr)}of '${t.name}' object has no deleter`);
      call(descr.fdel, [obj]);
      return;
    }
    if (descr instanceof PyGetSet && descr.del !== null) {
      descr.del(obj);
      return;
    }
    if (descr instanceof PyGetSet && descr.readonlyMember) throw pyErr(AttributeError, 'readonly attribute');
    const dd = (descr as PyObject).cls.lookup('__delete__');
    if (dd !== undefined) {
      callDescr(dd, descr, [obj]);
      return;
    }
    throw pyErr(AttributeError, `attribute '${name}' of '${t.name}' objects is not writable`);
  }
  const d = typeof obj === 'object' ? (obj as PyObject).dict : null;
  if (d === null || d.delete(name) === undefined) throw attributeError(obj, name);
}

/** Bound-method lookup for `obj.name(...)` without allocating a bound method when possible. */
export function lookupMethod(obj: any, name: string): [any, any] {
  const t = typeOf(obj);
  if (!t.hasGetattribute && !(obj instanceof PyType) && !(obj instanceof PyModule)) {
    const descr = t.lookup(name);
    if (descr instanceof PyFunction || (descr instanceof PyBuiltin && descr.owner !== null && descr.self === undefined)) {
      const d = (obj as PyObject).dict;
      if (d === null || d === undefined || typeof obj !== 'object' || !d.has(name)) return [descr, obj];
    }
  }
  return [getAttr(obj, name), undefined];
}

/** obj.name(*args) */
export function callMethod(obj: any, name: string, args: any[], kw: PyKwargs | null = null): any {
  const [f, self] = lookupMethod(obj, name);
  return self === undefined ? call(f, args, kw) : callDescr(f, self, args, kw);
}

// ---- comparison and hashing ----------------------------------------------------------------

export const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'] as const;
const CMP_SWAP = [4, 5, 2, 3, 0, 1];
const CMP_SYMS = ['<', '<=', '==', '!=', '>', '>='];

/** a == b as a JS boolean (fast for identical or primitive values). */
export function eq(a: any, b: any): boolean {
  if (a === b) return !(a instanceof PyFloat && a.v !== a.v);
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' || tb === 'string') {
    if (ta === tb) return false;
    if (ta === 'string' && !(b instanceof PyBoxed) && typeof b !== 'object') return false;
  }
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) return a == b; // eslint-disable-line eqeqeq
  return isTrue(richCompare(a, b, 2));
}

/** Rich comparison returning a Python value (op: 0 < 1 <= 2 == 3 != 4 > 5 >=). */
export function richCompare(a: any, b: any, op: number): any {
  const ta = typeOf(a);
  const tb = typeOf(b);
  let checkedReflected = false;
  if (ta !== tb && tb.isSubtype(ta) && !tb.builtin) {
    const rf = tb.lookup(CMP_NAMES[CMP_SWAP[op]]);
    if (rf !== undefined && rf !== ta.lookup(CMP_NAMES[CMP_SWAP[op]])) {
      checkedReflected = true;
      const r = callDescr(rf, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  const f = ta.lookup(CMP_NAMES[op]);
  if (f !== undefined) {
    const r = callDescr(f, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReflected) {
    const rf = tb.lookup(CMP_NAMES[CMP_SWAP[op]]);
    if (rf !== undefined) {
      const r = callDescr(rf, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === 2) return a === b;
  if (op === 3) return a !== b;
  throw pyErr(TypeError, `'${CMP_SYMS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

export function compareBool(a: any, b: any, op: number): boolean {
  return isTrue(richCompare(a, b, op));
}

/** Python hash(v) as number (|h| <= 2**53) or bigint. */
export function hash(v: any): number | bigint {
  switch (typeof v) {
    case 'number':
      return hashNumberRef.f(v);
    case 'string':
      return hashString(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'bigint':
      return hashNumberRef.f(v);
    default:
      break;
  }
  const t = (v as PyObject).cls;
  const h = t.lookup('__hash__');
  if (h === None || h === undefined) throw pyErr(TypeError, `unhashable type: '${t.name}'`);
  const r = callDescr(h, v, []);
  if (typeof r === 'number') return r === -1 ? -2 : r;
  if (typeof r === 'bigint' || typeof r === 'boolean') return hashNumberRef.f(typeof r === 'boolean' ? (r ? 1 : 0) : r);
  if (r instanceof PyBoxed && typeof r.value !== 'string') return hashNumberRef.f(r.value);
  throw pyErr(TypeError, '__hash__ method should return an integer');
}

export const hashNumberRef: { f: (v: number | bigint) => number | bigint } = { f: null as unknown as (v: number | bigint) => number | bigint };

/** str hash: FNV-1a over UTF-16 units (CPython's is randomised per process; any is valid). */
export function hashString(s: string): number {
  if (s.length === 0) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Spread to 48 bits so hashes look like CPython's 64-bit ones in magnitude only.
  const r = (h >>> 0) * 65537 + s.length;
  return r === -1 ? -2 : r;
}

// ---- object ids -------------------------------------------------------------------------

const ids = new WeakMap<object, number>();
let nextId = 0x7f3a_0000_0000 / 16;

export function objectId(v: any): number | bigint {
  if (typeof v !== 'object' || v === null) {
    // Values without identity: derive from the value so id(x) == id(x) for equal ones.
    return hashForId(v);
  }
  let id = ids.get(v);
  if (id === undefined) {
    id = (nextId += 3) * 16;
    ids.set(v, id);
  }
  return id;
}

function hashForId(v: any): number {
  const h = hash(v);
  return 0x7f3b_0000_0000 + (Number(BigInt.asUintN(32, BigInt(h))) * 16);
}

// ---- iteration --------------------------------------------------------------------------

/** iter(v) */
export function getIter(v: any): PyObject {
  return hooks.makeIter(v);
}

/** next(it) or undefined when exhausted (StopIteration is consumed). */
export function iterNext(it: any): any {
  try {
    // A generator's next() raises StopIteration only to carry a return value.
    if (it instanceof PyIterator) return it.next();
    const t = typeOf(it);
    const n = t.lookup('__next__');
    if (n === undefined) throw pyErr(TypeError, `'${t.name}' object is not an iterator`);
    return callDescr(n, it, []);
  } catch (e) {
    if (e instanceof PyObject && e.cls.isSubtype(StopIteration)) return undefined;
    throw e;
  }
}

/** Iterate any iterable with a callback; return true from the callback to stop early. */
export function forEach(iterable: any, f: (v: any) => boolean | void): void {
  if (iterable instanceof PyList && iterable.cls === listType) {
    const items = iterable.items;
    for (let i = 0; i < items.length; i++) if (f(items[i]) === true) return;
    return;
  }
  if (iterable instanceof PyTuple) {
    const items = iterable.items;
    for (let i = 0; i < items.length; i++) if (f(items[i]) === true) return;
    return;
  }
  const it = getIter(iterable);
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return;
    if (f(v) === true) return;
  }
}

/** list(iterable) as a JS array (a copy). */
export function toArray(iterable: any): any[] {
  if ((iterable instanceof PyList && iterable.cls === listType) || (iterable instanceof PyTuple && iterable.cls === tupleType)) return iterable.items.slice();
  if (typeof iterable === 'string') return Array.from(iterable);
  const out: any[] = [];
  forEach(iterable, (v) => {
    out.push(v);
  });
  return out;
}

// ---- recursion guard for reprs ---------------------------------------------------------------

const reprActive = new Set<any>();

/** Run a container repr guarded against self-reference (returns `fallback` on cycles). */
export function reprGuard(v: any, fallback: string, f: () => string): string {
  if (reprActive.has(v)) return fallback;
  reprActive.add(v);
  try {
    return f();
  } finally {
    reprActive.delete(v);
  }
}

/** Depth of nested native reprs/calls, checked against the recursion limit. */
export const depth = { n: 0, limit: 1000 };

export function recursionError(): PyObject {
  return pyErr(RecursionError, 'maximum recursion depth exceeded');
}

export function identityHashed(t: PyType): boolean {
  return t.lookup('__hash__') === objectHashRef.f && t.lookup('__eq__') === objectEqRef.f;
}

export const objectHashRef: { f: any } = { f: undefined };
export const objectEqRef: { f: any } = { f: undefined };

dictHooks.identityHashed = identityHashed;
dictHooks.eq = eq;
dictHooks.hashOf = (k: any): number => {
  const h = hash(k);
  return typeof h === 'number' ? h : Number(BigInt.asIntN(52, h));
};

export { objectGetattribute, objectType, PyInstance, PyKwargs };
