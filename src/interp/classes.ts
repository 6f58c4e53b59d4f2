// Classes: `class` statements, type(), instantiation, object and type's own methods, super.
//
// Implements reference 3.3.3 ("Customizing class creation"): __mro_entries__, metaclass
// selection (most derived metaclass, "metaclass conflict" otherwise), __prepare__, running
// the body in its namespace, type.__new__ (implicit staticmethod __new__ and classmethod
// __init_subclass__/__class_getitem__, __set_name__, __init_subclass__, __classcell__),
// and type.__call__ (__new__ then __init__ when the result is an instance).

import type { CodeObject } from '../bytecode/code.js';
import { arity, fn, getset, method, readonlyMember, staticMethod, classMethod } from './bi.js';
import { checkClassAssignment, deleteClassAttribute, recordSlots } from './classassign.js';
import { run } from './eval.js';
import { AttributeError, pyErr, RuntimeError, TypeError, ValueError } from './exceptions.js';
import { builtinsOf, Frame, initCells, tstate } from './frame.js';
import { PyBaseException, PyBoxed, PyBuiltin, PyFunction, PyInstance, type PyKwargs, PyList, PyObject, PySuper, PyTuple, PyWrapper } from './objects.js';
import {
  attributeError, call, callDescr, getsetTypeRef, memberTypeRef, PyGetSet, descrGet, EMPTY_TUPLE, genericDelAttr, genericGetAttr, genericSetAttr, getAttrOpt, hash, newList, newTuple, None, NotImplemented,
  objectDelattr, objectEqRef, objectHashRef, objectId, objectSetattr, toArray, typeOf, typeSetattr, typeName,
} from './protocol.js';
import { PyDict } from './pydict.js';
import { classmethodType, computeMro, dictType, iteratorType, MroError, objectGetattribute, objectType, PyType, solidLayout, staticmethodType, superType, tupleType, typeType } from './typeobj.js';

// ---- class creation ----------------------------------------------------------------------

/** builtins.__build_class__(func, name, *bases, metaclass=..., **kwds) */
export function buildClass(args: any[], kw: PyKwargs | null): any {
  if (args.length < 2) throw pyErr(TypeError, '__build_class__: not enough arguments');
  const func = args[0];
  const name = args[1];
  if (!(func instanceof PyFunction)) throw pyErr(TypeError, '__build_class__: func must be a function');
  if (typeof name !== 'string') throw pyErr(TypeError, '__build_class__: name is not a string');
  const origBases = args.slice(2);
  const bases = resolveBases(origBases);
  let meta: any;
  let kwds: PyKwargs | null = kw;
  if (kw !== null && kw.has('metaclass')) {
    meta = kw.get('metaclass');
    kwds = new Map(kw);
    kwds.delete('metaclass');
  } else meta = bases.length === 0 ? typeType : typeOf(bases[0]);
  if (meta instanceof PyType) meta = calculateMetaclass(meta, bases);
  let ns: any;
  const prepare = getAttrOpt(meta, '__prepare__');
  ns = prepare !== undefined ? call(prepare, [name, newTuple(bases)], kwds) : new PyDict(dictType);
  // builtin___build_class__: the namespace must support item access.
  if (!(ns instanceof PyDict) && typeOf(ns).lookup('__getitem__') === undefined) {
    throw pyErr(TypeError, `${meta instanceof PyType ? meta.name : '<metaclass>'}.__prepare__() must return a mapping, not ${typeName(ns)}`);
  }
  const cell = runClassBody(func, ns);
  if (bases !== origBases && bases.length !== origBases.length || bases.some((b, i) => b !== origBases[i])) {
    setItemOn(ns, '__orig_bases__', newTuple(origBases));
  }
  const cls = call(meta, [name, newTuple(bases), ns], kwds);
  if (cell !== None && cell !== undefined && cell instanceof PyObject && 'v' in cell) {
    if ((cell as any).v !== cls && cls instanceof PyType) {
      (cell as any).v = cls;
    }
  }
  return cls;
}

function setItemOn(ns: any, k: string, v: any): void {
  if (ns instanceof PyDict) ns.setStr(k, v);
  else callDescr(typeOf(ns).lookup('__setitem__'), ns, [k, v]);
}

function resolveBases(bases: any[]): any[] {
  let changed = false;
  const out: any[] = [];
  for (const b of bases) {
    if (b instanceof PyType) {
      out.push(b);
      continue;
    }
    const me = getAttrOpt(b, '__mro_entries__');
    if (me === undefined) {
      out.push(b);
      continue;
    }
    const r = call(me, [newTuple(bases)]);
    if (!(r instanceof PyTuple)) throw pyErr(TypeError, '__mro_entries__ must return a tuple');
    out.push(...r.items);
    changed = true;
  }
  return changed ? out : bases;
}

/** The most derived metaclass among `meta` and the bases' types. */
export function calculateMetaclass(meta: PyType, bases: any[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const bt = typeOf(b);
    if (winner.isSubtype(bt)) continue;
    if (bt.isSubtype(winner)) {
      winner = bt;
      continue;
    }
    throw pyErr(TypeError, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

/** Run a class body function with `ns` as its locals; returns the __classcell__ (or None). */
function runClassBody(func: PyFunction, ns: any): any {
  const co: CodeObject = func.code;
  const frame = new Frame(co, func, func.globals, builtinsOf(func.globals), ns);
  initCells(frame, func);
  if (++tstate.depth > tstate.limit) {
    tstate.depth--;
    throw pyErr(recursionRef.t, 'maximum recursion depth exceeded');
  }
  return run(frame);
}

export const recursionRef: { t: PyType } = { t: null as unknown as PyType };

/** type.__new__(meta, name, bases, ns, **kwds) */
export function typeNew(meta: PyType, name: string, basesTuple: PyTuple, ns: any, kwds: PyKwargs | null): PyType {
  let bases = basesTuple.items.slice() as PyType[];
  for (const b of bases) {
    if (!(b instanceof PyType) && getAttrOpt(b, '__mro_entries__') !== undefined) {
      throw pyErr(TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
    }
  }
  // _PyType_CalculateMetaclass: a more derived metaclass among the bases takes over.
  const winner = calculateMetaclass(meta, bases);
  if (winner !== meta) {
    const wn = winner.lookup('__new__');
    if (wn !== typeNewRef.f) return call(wn instanceof PyWrapper ? wn.func : wn, [winner, name, basesTuple, ns], kwds);
    meta = winner;
  }
  for (let i = 0; i < bases.length; i++) {
    const b = bases[i];
    if (!(b instanceof PyType)) throw pyErr(TypeError, `bases must be types`);
    if (!b.acceptsSubclass) throw pyErr(TypeError, `type '${b.name}' is not an acceptable base type`);
    if (bases.indexOf(b) !== i) throw pyErr(TypeError, `duplicate base class ${b.name}`);
  }
  if (bases.length === 0) bases = [objectType];
  // Instance layouts must be compatible (one builtin representation at most).
  let layout = solidLayout(bases);
  for (const b of bases) {
    const l = solidLayout([b]);
    if (l !== 'object' && l !== layout && !(layout === 'bool' && l === 'int') && !(layout === 'exception' && l === 'exception')) {
      throw pyErr(TypeError, 'multiple bases have instance lay-out conflict');
    }
  }
  if (layout === 'bool') layout = 'int';
  // solid_base/best_base (Objects/typeobject.c): a class whose __slots__ add members has a
  // layout of its own; two bases whose slotted layouts are unrelated conflict.
  let slotted: PyType | null = null;
  for (const b of bases) {
    const sb = slotSolidBase(b);
    if (sb === null) continue;
    if (slotted === null || sb.isSubtype(slotted)) slotted = sb;
    else if (!slotted.isSubtype(sb)) throw pyErr(TypeError, 'multiple bases have instance lay-out conflict');
  }
  const dict = new PyDict(dictType);
  if (ns instanceof PyDict) {
    for (const [k, v] of ns.entries()) dict.set(k, v);
  } else {
    for (const k of toArray(callDescr(typeOf(ns).lookup('keys'), ns, []))) dict.set(k, callDescr(typeOf(ns).lookup('__getitem__'), ns, [k]));
  }
  const t = new PyType(meta, name, bases, dict, layout, false);
  inheritCollectionFlags(t, bases, dict);
  if (dict.has('__slots__')) installSlots(t, dict);
  try {
    t.mro = computeMro(t);
    const customMro = meta !== typeType ? meta.lookup('mro') : undefined;
    if (customMro !== undefined && customMro !== typeMroRef.f) {
      t.mro = toArray(callDescr(customMro, t, [])) as PyType[];
    }
  } catch (e) {
    if (e instanceof MroError) throw pyErr(TypeError, e.message);
    throw e;
  }
  if (!dict.has('__module__')) {
    const g = tstate.frame?.globals;
    const modname = g?.getStr('__name__');
    if (modname !== undefined) dict.setStr('__module__', modname);
  }
  // type_new_set_names: __qualname__ leaves the namespace for the type's own slot.
  const qn = dict.getStr('__qualname__');
  if (qn !== undefined) {
    if (typeof qn !== 'string') throw pyErr(TypeError, `type __qualname__ must be a str, not ${typeName(qn)}`);
    t.qualnameOverride = qn;
    dict.delete('__qualname__');
  }
  addInstanceDescriptors(t, dict);
  if (!dict.has('__doc__')) dict.setStr('__doc__', None);
  const nw = dict.getStr('__new__');
  if (nw instanceof PyFunction) dict.setStr('__new__', new PyWrapper(staticmethodType, nw));
  for (const cm of ['__init_subclass__', '__class_getitem__']) {
    const f = dict.getStr(cm);
    if (f instanceof PyFunction) dict.setStr(cm, new PyWrapper(classmethodType, f));
  }
  // __eq__ without __hash__ makes instances unhashable.
  if (dict.has('__eq__') && !dict.has('__hash__')) dict.setStr('__hash__', None);
  const cell = dict.getStr('__classcell__');
  if (cell !== undefined) {
    if (!(cell instanceof PyObject && 'v' in cell)) throw pyErr(TypeError, `__classcell__ must be a nonlocal cell, not ${typeName(cell)}`);
    (cell as any).v = t;
    dict.delete('__classcell__');
  }
  t.modified();
  // __set_name__ on descriptors, in namespace order.
  for (const [k, v] of dict.entries()) {
    if (typeof v !== 'object' || v === null || v instanceof PyType) continue;
    const sn = typeOf(v).lookup('__set_name__');
    if (sn !== undefined) {
      try {
        callDescr(sn, v, [t, k]);
      } catch (e) {
        if (e instanceof PyBaseException) {
          // 3.11 wraps the error: RuntimeError: Error calling __set_name__ on ...
          const r = pyErr(RuntimeError, `Error calling __set_name__ on '${typeName(v)}' instance '${k}' in '${name}'`);
          r.cause = e;
          r.context = e;
          throw r;
        }
        throw e;
      }
    }
  }
  // super(t, t).__init_subclass__(**kwds)
  const parentInit = lookupAfter(t, t.mro[0], '__init_subclass__');
  if (parentInit !== undefined) {
    const bound = descrGet(parentInit, t, t);
    call(bound, [], kwds);
  }
  return t;
}

export const typeMroRef: { f: any } = { f: undefined };
export const typeNewRef: { f: any } = { f: undefined };

export const memberDescriptorType = iteratorType('member_descriptor');
memberTypeRef.t = memberDescriptorType;

/** Classes whose own __slots__ add member slots (their instances have a layout of their own). */
const slotAdders = new WeakSet<PyType>();

/** The nearest class in t's MRO whose __slots__ add members (CPython's solid_base), or null. */
function slotSolidBase(t: PyType): PyType | null {
  for (const c of t.mro) if (slotAdders.has(c)) return c;
  return null;
}

/** Values of __slots__ attributes, per instance (instances of slotted classes lack a dict). */
const slotValues = new WeakMap<object, Map<string, any>>();

/**
 * __slots__ (reference 3.3.2.4): a member descriptor per name, and no instance __dict__
 * unless '__dict__' is listed or a base already provides one.
 */
function installSlots(t: PyType, dict: PyDict): void {
  const spec = dict.getStr('__slots__');
  const names: any[] = typeof spec === 'string' ? [spec] : toArray(spec);
  let wantsDict = false;
  let wantsWeakref = false;
  const seen = new Set<string>();
  const baseHasDict = t.bases.some((b) => b.instanceDict && b !== objectType);
  for (const n of names) {
    if (typeof n !== 'string') throw pyErr(TypeError, `__slots__ items must be strings, not '${typeName(n)}'`);
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(n)) throw pyErr(TypeError, '__slots__ must be identifiers');
    if (n === '__dict__') {
      // type_new_visit_slots: a second '__dict__', or one when a base already has a dict.
      if (wantsDict || baseHasDict) throw pyErr(TypeError, '__dict__ slot disallowed: we already got one');
      wantsDict = true;
      continue;
    }
    if (n === '__weakref__') {
      wantsWeakref = true;
      continue;
    }
    const mangled = mangleSlot(t.name, n);
    if (seen.has(mangled)) throw pyErr(TypeError, `__slots__ items must be unique`);
    seen.add(mangled);
    if (dict.has(mangled)) throw pyErr(ValueError, `'${mangled}' in __slots__ conflicts with class variable`);
  }
  t.instanceDict = wantsDict || baseHasDict;
  recordSlots(t, seen, wantsDict, wantsWeakref);
  if (seen.size > 0) slotAdders.add(t);
  for (const n of seen) {
    const d = new PyGetSet(memberDescriptorType, n, t.name, (o) => {
      const v = slotValues.get(o)?.get(n);
      if (v === undefined) throw attributeError(o, n);
      return v;
    }, (o, v) => {
      let m = slotValues.get(o);
      if (m === undefined) {
        m = new Map();
        slotValues.set(o, m);
      }
      m.set(n, v);
    });
    d.ownerType = t;
    d.del = (o) => {
      const m = slotValues.get(o);
      // PyMember_SetOne: deleting an unset slot names only the attribute.
      if (m === undefined || !m.delete(n)) throw pyErr(AttributeError, n);
    };
    dict.setStr(n, d);
  }
}

/** descr_check (Objects/descrobject.c): a slot member applies only to its class's instances. */
function memberCheck(d: PyGetSet, obj: any): any {
  const owner = d.ownerType;
  if (owner !== null && !typeOf(obj).isSubtype(owner)) {
    throw pyErr(TypeError, `descriptor '${d.name}' for '${owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
  }
  return obj;
}

function mangleSlot(className: string, n: string): string {
  if (!n.startsWith('__') || n.endsWith('__')) return n;
  const stripped = className.replace(/^_+/, '');
  return stripped === '' ? n : `_${stripped}${n}`;
}

/**
 * type_new_descriptors: the first class in a hierarchy to have an instance __dict__ (or
 * weak references) gets `__dict__` / `__weakref__` attribute descriptors of its own.
 */
function addInstanceDescriptors(t: PyType, dict: PyDict): void {
  const slots = dict.getStr('__slots__');
  const slotNames = slots === undefined ? null : typeof slots === 'string' ? [slots] : toArray(slots);
  const baseHasDict = t.bases.some((b) => b.instanceDict && b !== objectType);
  if (!baseHasDict && (slotNames === null || slotNames.includes('__dict__')) && !dict.has('__dict__')) {
    const d = new PyGetSet(getsetTypeRef.t, '__dict__', t.name, (x) => instanceDictOf(x), (x, v) => setInstanceDict(x, v));
    d.del = deleteInstanceDict;
    dict.setStr('__dict__', d);
  }
  const baseHasWeakref = t.bases.some((b) => !b.builtin);
  if (!baseHasWeakref && (slotNames === null || slotNames.includes('__weakref__')) && !dict.has('__weakref__')) {
    dict.setStr('__weakref__', new PyGetSet(getsetTypeRef.t, '__weakref__', t.name, () => None));
  }
}

function instanceDictOf(x: any): PyDict {
  if (x instanceof PyObject && x.dict !== null) return x.dict;
  if (x instanceof PyObject && typeOf(x).instanceDict) {
    x.dict = new PyDict(dictType);
    return x.dict;
  }
  throw attributeError(x, '__dict__');
}

/**
 * subtype_setdict (Objects/typeobject.c): deleting a class instance's __dict__ drops it (the
 * next access makes a fresh one); objects of builtin types say "cannot delete __dict__"
 * (PyObject_GenericSetDict).
 */
function deleteInstanceDict(x: any): void {
  if (!(x instanceof PyObject) || !typeOf(x).instanceDict || typeOf(x).builtin) throw pyErr(TypeError, 'cannot delete __dict__');
  x.dict = null;
}

function setInstanceDict(x: any, v: any): void {
  // A slotted instance without a dict has no __dict__ attribute to assign.
  if (!(x instanceof PyObject) || !typeOf(x).instanceDict) throw attributeError(x, '__dict__');
  if (!(v instanceof PyDict)) throw pyErr(TypeError, `__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
  x.dict = v;
}

const TPFLAGS_SEQUENCE = 1 << 5;
const TPFLAGS_MAPPING = 1 << 6;

/**
 * The collection flags of the first class along the MRO that has one (inherit_patma_flags,
 * called per MRO entry in type_ready_inherit; the bases' own MROs in order stand in for
 * the class's not yet computed one), or the class body's `__abc_tpflags__` (consumed).
 */
function inheritCollectionFlags(t: PyType, bases: PyType[], dict: PyDict): void {
  search: for (const b of bases) {
    for (const c of b.mro) {
      if (c.isSequenceABC || c.isMappingABC) {
        t.isSequenceABC = c.isSequenceABC;
        t.isMappingABC = c.isMappingABC;
        break search;
      }
    }
  }
  const flags = dict.getStr('__abc_tpflags__');
  if (typeof flags === 'number') {
    dict.delete('__abc_tpflags__');
    if (flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING)) {
      t.isSequenceABC = (flags & TPFLAGS_SEQUENCE) !== 0;
      t.isMappingABC = (flags & TPFLAGS_MAPPING) !== 0;
    }
  }
}

/** ABCMeta.register(subclass): the ABC's collection flag spreads to the subclass tree. */
export function registerCollectionFlags(subclass: PyType, abc: PyType): void {
  if (!abc.isSequenceABC && !abc.isMappingABC) return;
  const visit = (c: PyType): void => {
    if (c.builtin || (c.isSequenceABC === abc.isSequenceABC && c.isMappingABC === abc.isMappingABC)) return;
    c.isSequenceABC = abc.isSequenceABC;
    c.isMappingABC = abc.isMappingABC;
    for (const s of c.subclasses) visit(s);
  };
  visit(subclass);
}

/** Look up `name` in type(obj).__mro__ after `start` (super()'s search). */
function lookupAfter(t: PyType, start: PyType, name: string): any {
  const mro = t.mro;
  let i = mro.indexOf(start);
  for (i = i + 1; i < mro.length; i++) {
    const v = mro[i].ns.getStr(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

// ---- instantiation --------------------------------------------------------------------------

export const typeCallRef: { f: any } = { f: undefined };
export const objectNewRef: { f: any } = { f: undefined };
export const objectInitRef: { f: any } = { f: undefined };

/** type.__call__(t, *args, **kw) */
export function typeCall(t: PyType, args: any[], kw: PyKwargs | null): any {
  const meta = t.cls;
  if (meta !== typeType) {
    const mc = meta.lookup('__call__');
    if (mc !== undefined && mc !== typeCallRef.f) return callDescr(mc, t, args, kw);
  }
  return typeCallDefault(t, args, kw);
}

export function typeCallDefault(t: PyType, args: any[], kw: PyKwargs | null): any {
  if (t === typeType) {
    if (args.length === 1 && (kw === null || kw.size === 0)) return typeOf(args[0]);
    if (args.length !== 3) throw pyErr(TypeError, 'type() takes 1 or 3 arguments');
  }
  const nw = t.lookup('__new__');
  // Builtin types without a constructor of their own (tp_new NULL): iterators, descriptors...
  if (nw === objectNewRef.f && t.builtin && t !== objectType && t.layout !== 'object') {
    const mod = t.ns.getStr('__module__');
    throw pyErr(TypeError, `cannot create '${typeof mod === 'string' && mod !== 'builtins' ? `${mod}.` : ''}${t.name}' instances`);
  }
  let obj: any;
  if (nw instanceof PyWrapper && nw.cls === staticmethodType) obj = call(nw.func, [t, ...args], kw);
  else obj = call(nw, [t, ...args], kw);
  const ot = typeOf(obj);
  if (!ot.isSubtype(t)) return obj;
  const init = ot.lookup('__init__');
  if (init !== undefined && init !== objectInitRef.f) {
    const r = callDescr(init, obj, args, kw);
    if (r !== None) throw pyErr(TypeError, `__init__() should return None, not '${typeName(r)}'`);
  } else if (init === objectInitRef.f && (args.length > 0 || (kw !== null && kw.size > 0)) && nw === objectNewRef.f) {
    throw pyErr(TypeError, `${t.name}() takes no arguments`);
  }
  return obj;
}

/**
 * For CALL on a class whose __new__ is object.__new__ and whose __init__ is a Python
 * function: allocate the instance so the eval loop can run __init__ inline. Returns
 * undefined when the fast path does not apply.
 */
export function allocForInlineInit(t: PyType, _args: any[], _kw: PyKwargs | null): any {
  if (t.cls !== typeType || t.layout !== 'object') return undefined;
  if (t.lookup('__new__') !== objectNewRef.f) return undefined;
  const init = t.lookup('__init__');
  if (!(init instanceof PyFunction)) return undefined;
  lastInit.f = init;
  return new PyInstance(t, t.instanceDict ? new PyDict(dictType) : null);
}

export const lastInit: { f: any } = { f: undefined };

/** object.__new__ for the 'object' layout, and the builtin layouts' allocation hook. */
export const allocHooks: Partial<Record<string, (t: PyType, args: any[], kw: PyKwargs | null) => any>> = {};

function objectNew(args: any[], kw: PyKwargs | null): any {
  if (args.length === 0) throw pyErr(TypeError, 'object.__new__(): not enough arguments');
  const t = args[0];
  if (!(t instanceof PyType)) throw pyErr(TypeError, `object.__new__(X): X is not a type object (${typeName(t)})`);
  const hasArgs = args.length > 1 || (kw !== null && kw.size > 0);
  if (hasArgs) {
    const init = t.lookup('__init__');
    const nw = t.lookup('__new__');
    if (init === objectInitRef.f || nw !== objectNewRef.f) {
      if (nw !== objectNewRef.f) throw pyErr(TypeError, 'object.__new__() takes exactly one argument (the type to instantiate)');
      throw pyErr(TypeError, `${t.name}() takes no arguments`);
    }
  }
  if (t.layout === 'object') {
    const abstract = t.ns.getStr('__abstractmethods__') ?? t.lookup('__abstractmethods__');
    if (abstract !== undefined && abstract !== None) checkAbstract(t, abstract);
    return new PyInstance(t, t.instanceDict ? new PyDict(dictType) : null);
  }
  const alloc = allocHooks[t.layout];
  if (alloc !== undefined) return alloc(t, [], null);
  throw pyErr(TypeError, `object.__new__(${t.name}) is not safe, use ${t.name}.__new__()`);
}

function checkAbstract(t: PyType, abstract: any): void {
  const names = toArray(abstract).filter((x) => typeof x === 'string').sort();
  if (names.length === 0) return;
  throw pyErr(TypeError, `Can't instantiate abstract class ${t.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
}

function objectInit(args: any[], kw: PyKwargs | null): any {
  const self = args[0];
  const hasArgs = args.length > 1 || (kw !== null && kw.size > 0);
  if (hasArgs) {
    const t = typeOf(self);
    const init = t.lookup('__init__');
    const nw = t.lookup('__new__');
    if (init !== objectInitRef.f) throw pyErr(TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
    if (nw === objectNewRef.f) throw pyErr(TypeError, `${t.name}() takes no arguments`);
  }
  return None;
}

// ---- super ----------------------------------------------------------------------------------

/** super() / super(type) / super(type, obj) */
export function superNew(args: any[], kw: PyKwargs | null): any {
  let t: any;
  let obj: any;
  const a = args.slice(1);
  // typeobject.c super_init: no keywords, PyArg_ParseTuple "|O!O:super".
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'super() takes no keyword arguments');
  if (a.length > 2) throw pyErr(TypeError, `super() expected at most 2 arguments, got ${a.length}`);
  if (a.length === 0) {
    const f = tstate.frame;
    if (f === null) throw pyErr(RuntimeError, 'super(): no current frame');
    const co = f.code;
    if (co.argcount === 0 && (co.flags & 0x4) === 0) throw pyErr(RuntimeError, 'super(): no arguments');
    let first = f.slots[0];
    const ci = co.cellvars.indexOf(co.varnames[0]);
    if (ci >= 0) first = (f.slots[co.nlocals + ci] as any).v;
    if (first === undefined) throw pyErr(RuntimeError, 'super(): arg[0] deleted');
    const fi = co.freevars.indexOf('__class__');
    if (fi < 0) throw pyErr(RuntimeError, 'super(): __class__ cell not found');
    t = (f.slots[co.nlocals + co.cellvars.length + fi] as any).v;
    if (t === undefined) throw pyErr(RuntimeError, 'super(): empty __class__ cell');
    obj = first;
  } else {
    t = a[0];
    obj = a.length > 1 ? a[1] : undefined;
  }
  if (!(t instanceof PyType)) throw pyErr(TypeError, `super() argument 1 must be a type, not ${typeName(t)}`);
  let objType: PyType | null = null;
  if (obj !== undefined && obj !== None) {
    if (obj instanceof PyType && obj.isSubtype(t)) objType = obj;
    else if (typeOf(obj).isSubtype(t)) objType = typeOf(obj);
    else throw pyErr(TypeError, 'super(type, obj): obj must be an instance or subtype of type');
  } else obj = undefined;
  return new PySuper(superType, t, obj, objType);
}

function superGetattribute(args: any[]): any {
  const s = args[0] as PySuper;
  const name = args[1] as string;
  if (s.objType !== null && name !== '__class__') {
    const mro = s.objType.mro;
    let i = mro.indexOf(s.type);
    for (i = i + 1; i < mro.length; i++) {
      const v = mro[i].ns.getStr(name);
      if (v !== undefined) {
        const inst = s.obj === s.objType ? undefined : s.obj;
        return descrGet(v, inst, s.objType);
      }
    }
  }
  return genericGetAttr(s, name);
}

// ---- registration ---------------------------------------------------------------------------

export function installClassBuiltins(): void {
  const o = objectType;
  const newFn = fn('__new__', objectNew);
  o.ns.setStr('__new__', new PyWrapper(staticmethodType, newFn));
  objectNewRef.f = o.ns.getStr('__new__');
  objectInitRef.f = method(o, '__init__', objectInit);
  objectGetattribute.f = method(o, '__getattribute__', (a) => {
    if (typeof a[1] !== 'string') throw pyErr(TypeError, `attribute name must be string, not '${typeName(a[1])}'`);
    return genericGetAttr(a[0], a[1]);
  });
  // hackcheck(): object's setters refuse type objects (their metatype's must be used).
  objectSetattr.f = method(o, '__setattr__', (a) => {
    arity('__setattr__', a, 2, 2, 1);
    if (a[0] instanceof PyType) throw pyErr(TypeError, "can't apply this __setattr__ to type object");
    genericSetAttr(a[0], a[1], a[2]);
    return None;
  });
  objectDelattr.f = method(o, '__delattr__', (a) => {
    if (a[0] instanceof PyType) throw pyErr(TypeError, "can't apply this __delattr__ to type object");
    genericDelAttr(a[0], a[1]);
    return None;
  });
  objectEqRef.f = method(o, '__eq__', (a) => (a[0] === a[1] ? true : NotImplemented));
  method(o, '__ne__', (a) => {
    const eqf = typeOf(a[0]).lookup('__eq__');
    const r = callDescr(eqf, a[0], [a[1]]);
    return r === NotImplemented ? r : !(r === true || (r !== false && r !== None && r !== 0));
  });
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) method(o, n, () => NotImplemented);
  objectHashRef.f = method(o, '__hash__', (a) => {
    const id = objectId(a[0]);
    return typeof id === 'number' ? Math.floor(id / 16) : id;
  });
  method(o, '__repr__', (a) => defaultRepr(a[0]));
  method(o, '__str__', (a) => reprHook.repr(a[0]));
  method(o, '__format__', (a) => {
    if (typeof a[1] !== 'string') throw pyErr(TypeError, `__format__() argument must be str, not ${typeName(a[1])}`);
    if (a[1] !== '') throw pyErr(TypeError, `unsupported format string passed to ${typeName(a[0])}.__format__`);
    return reprHook.str(a[0]);
  });
  method(o, '__dir__', (a) => newList(dirOf(a[0])));
  method(o, '__reduce_ex__', () => None);
  method(o, '__sizeof__', () => 16);
  classMethod(o, '__init_subclass__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${(a[0] as PyType).qualname}.__init_subclass__() takes no keyword arguments`);
    if (a.length > 1) throw pyErr(TypeError, `${(a[0] as PyType).name}.__init_subclass__() takes no arguments (${a.length - 1} given)`);
    return None;
  });
  classMethod(o, '__subclasshook__', () => NotImplemented);
  getset(o, '__class__', (x) => typeOf(x), (x, v) => {
    (x as PyObject).cls = checkClassAssignment(x, typeOf(x), v, typeName(v));
  });
  (o.ns.getStr('__class__') as PyGetSet).del = deleteClassAttribute;
  getset(o, '__dict__', instanceDictOf, setInstanceDict);
  (o.ns.getStr('__dict__') as PyGetSet).del = deleteInstanceDict;
  method(o, '__getstate__', (a) => {
    // object.__getstate__ (3.11): the instance dict, or None when it is empty or absent.
    const x = a[0];
    const d = x instanceof PyObject ? x.dict : null;
    return d === null || d.size === 0 ? None : d;
  });
  o.ns.setStr('__doc__', 'The base class of the class hierarchy.');

  // type
  const t = typeType;
  typeNewRef.f = new PyWrapper(staticmethodType, fn('__new__', (a, kw) => {
    const meta = a[0];
    if (!(meta instanceof PyType)) throw pyErr(TypeError, 'type.__new__(X): X is not a type object');
    // type(x) is type_call's special case (typeCallDefault), not type.__new__'s.
    if (a.length !== 4) throw pyErr(TypeError, 'type.__new__() takes exactly 3 arguments (' + (a.length - 1) + ' given)');
    if (typeof a[1] !== 'string') throw pyErr(TypeError, `type.__new__() argument 1 must be str, not ${typeName(a[1])}`);
    if (!(a[2] instanceof PyTuple)) throw pyErr(TypeError, `type.__new__() argument 2 must be tuple, not ${typeName(a[2])}`);
    if (!(a[3] instanceof PyDict)) throw pyErr(TypeError, `type.__new__() argument 3 must be dict, not ${typeName(a[3])}`);
    return typeNew(meta, a[1], a[2], a[3], kw);
  }));
  t.ns.setStr('__new__', typeNewRef.f);
  method(t, '__init__', (a, kw) => {
    // type_init (Objects/typeobject.c): checks the arguments type.__new__ already used.
    const n = a.length - 1;
    if (kw !== null && kw.size > 0 && n === 1) throw pyErr(TypeError, 'type.__init__() takes no keyword arguments');
    if (n !== 1 && n !== 3) throw pyErr(TypeError, 'type.__init__() takes 1 or 3 arguments');
    return None;
  });
  typeCallRef.f = method(t, '__call__', (a, kw) => typeCallDefault(a[0], a.slice(1), kw));
  method(t, '__repr__', (a) => typeRepr(a[0]));
  objectGetattribute.typeF = method(t, '__getattribute__', (a) => {
    const v = typeGetAttrRef.f(a[0], a[1]);
    if (v === undefined) throw attributeError(a[0], a[1]);
    return v;
  });
  typeSetattr.f = method(t, '__setattr__', (a) => {
    genericSetAttr(a[0], a[1], a[2]);
    return None;
  });
  method(t, '__delattr__', (a) => {
    genericDelAttr(a[0], a[1]);
    return None;
  });
  typeMroRef.f = method(t, 'mro', (a) => newList([...(a[0] as PyType).mro]));
  method(t, '__subclasses__', (a) => newList((a[0] as PyType).subclasses.slice()));
  method(t, '__instancecheck__', (a) => typeOf(a[1]).isSubtype(a[0]));
  method(t, '__subclasscheck__', (a) => {
    // _PyObject_RealIsSubclass: check_class accepts anything with a __bases__ tuple.
    if (a[1] instanceof PyType) return a[1].isSubtype(a[0]);
    if (!(getAttrOpt(a[1], '__bases__') instanceof PyTuple)) throw pyErr(TypeError, 'issubclass() arg 1 must be a class');
    const walk = (c: any): boolean => {
      if (c === a[0]) return true;
      const bases = getAttrOpt(c, '__bases__');
      return bases instanceof PyTuple && bases.items.some(walk);
    };
    return walk(a[1]);
  });
  classMethod(t, '__prepare__', () => new PyDict(dictType));
  method(t, '__or__', (a) => unionHook.make(a[0], a[1]));
  method(t, '__ror__', (a) => unionHook.make(a[1], a[0]));
  method(t, '__dir__', (a) => newList(dirOf(a[0])));
  getset(t, '__name__', (x) => x.name, (x, v) => {
    if (typeof v !== 'string') throw pyErr(TypeError, `can only assign string to ${x.name}.__name__, not '${typeName(v)}'`);
    if (x.builtin) throw pyErr(TypeError, `cannot set '__name__' attribute of immutable type '${x.name}'`);
    x.name = v;
  });
  getset(t, '__qualname__', (x) => x.qualname, (x, v) => {
    if (x.builtin) throw pyErr(TypeError, `cannot set '__qualname__' attribute of immutable type '${x.name}'`);
    if (typeof v !== 'string') throw pyErr(TypeError, `can only assign string to ${x.name}.__qualname__, not '${typeName(v)}'`);
    x.qualnameOverride = v;
  });
  getset(t, '__module__', (x) => {
    const m = x.ns.getStr('__module__');
    return m === undefined || (x.builtin && typeof m !== 'string') ? 'builtins' : m;
  }, (x, v) => {
    x.ns.setStr('__module__', v);
  });
  getset(t, '__bases__', (x) => newTuple(x.bases.slice()), (x, v) => setBases(x, v));
  readonlyMember(t, '__base__', (x) => (x.bases.length ? x.bases[0] : None));
  readonlyMember(t, '__mro__', (x) => newTuple(x.mro.slice()));
  getset(t, '__dict__', (x) => mappingProxyHook.make(x.ns));
  getset(t, '__doc__', (x) => {
    const d = x.ns.getStr('__doc__');
    return d === undefined ? None : descrGet(d, undefined, x);
  }, (x, v) => {
    if (x.builtin) throw pyErr(TypeError, `cannot set '__doc__' attribute of immutable type '${x.name}'`);
    x.ns.setStr('__doc__', v);
    x.modified();
  });
  getset(t, '__abstractmethods__', (x) => {
    const v = x.ns.getStr('__abstractmethods__');
    if (v === undefined) throw attributeError(x, '__abstractmethods__');
    return v;
  }, (x, v) => {
    x.ns.setStr('__abstractmethods__', v);
    x.modified();
  });
  getset(t, '__text_signature__', () => None);
  getset(t, '__annotations__', (x) => {
    let a = x.ns.getStr('__annotations__');
    if (a === undefined) {
      a = new PyDict(dictType);
      if (!x.builtin) x.ns.setStr('__annotations__', a);
    }
    return a;
  }, (x, v) => {
    x.ns.setStr('__annotations__', v);
  });

  // getset descriptors (computed attributes of builtin types, a class's __dict__)
  const GS = getsetTypeRef.t;
  method(GS, '__get__', (a) => (a[1] === None || a[1] === undefined ? a[0] : (a[0] as PyGetSet).get(a[1])));
  method(GS, '__set__', (a) => {
    const d = a[0] as PyGetSet;
    if (d.readonlyMember) throw pyErr(AttributeError, 'readonly attribute');
    if (d.set === null) throw pyErr(AttributeError, `attribute '${d.name}' of '${d.ownerName}' objects is not writable`);
    d.set(a[1], a[2]);
    return None;
  });
  method(GS, '__repr__', (a) => `<attribute '${(a[0] as PyGetSet).name}' of '${(a[0] as PyGetSet).ownerName}' objects>`);
  getset(GS, '__name__', (d: PyGetSet) => d.name);
  getset(GS, '__qualname__', (d: PyGetSet) => `${d.ownerName}.${d.name}`);
  GS.modified();

  // member descriptors (__slots__)
  const MD = memberDescriptorType;
  method(MD, '__get__', (a) => (a[1] === None || a[1] === undefined ? a[0] : (a[0] as PyGetSet).get(memberCheck(a[0], a[1]))));
  method(MD, '__set__', (a) => {
    const d = a[0] as PyGetSet;
    memberCheck(d, a[1]);
    if (d.readonlyMember || d.set === null) throw pyErr(AttributeError, 'readonly attribute');
    d.set(a[1], a[2]);
    return None;
  });
  method(MD, '__delete__', (a) => {
    const d = a[0] as PyGetSet;
    memberCheck(d, a[1]);
    if (d.readonlyMember || d.del === null) throw pyErr(AttributeError, 'readonly attribute');
    d.del(a[1]);
    return None;
  });
  method(MD, '__repr__', (a) => `<member '${(a[0] as PyGetSet).name}' of '${(a[0] as PyGetSet).ownerName}' objects>`);
  getset(MD, '__name__', (d: PyGetSet) => d.name);
  MD.modified();

  // super
  superType.ns.setStr('__new__', new PyWrapper(staticmethodType, fn('__new__', superNew)));
  method(superType, '__init__', () => None);
  method(superType, '__getattribute__', superGetattribute);
  method(superType, '__repr__', (a) => {
    const s = a[0] as PySuper;
    return s.objType ? `<super: <class '${s.type.name}'>, <${s.objType.name} object>>` : `<super: <class '${s.type.name}'>, NULL>`;
  });
  // super_descr_get: an unbound super binds to the instance it is fetched through.
  method(superType, '__get__', (a) => {
    const s = a[0] as PySuper;
    const obj = a[1];
    if (obj === undefined || obj === None || s.obj !== undefined) return s;
    return superNew([superType, s.type, obj], null);
  });
  getset(superType, '__thisclass__', (x) => x.type);
  getset(superType, '__self__', (x) => (x.obj === undefined ? None : x.obj));
  getset(superType, '__self_class__', (x) => x.objType ?? None);
}

/** type.__bases__ = ...: checked like type_set_bases, then the MROs below are recomputed. */
function setBases(t: PyType, v: any): void {
  if (t.builtin) throw pyErr(TypeError, `cannot set '__bases__' attribute of immutable type '${t.name}'`);
  if (!(v instanceof PyTuple)) throw pyErr(TypeError, `can only assign tuple to ${t.name}.__bases__, not ${typeName(v)}`);
  if (v.items.length === 0) throw pyErr(TypeError, `can only assign non-empty tuple to ${t.name}.__bases__, not ()`);
  const bases = v.items as PyType[];
  for (const b of bases) {
    if (!(b instanceof PyType)) throw pyErr(TypeError, `${t.name}.__bases__ must be tuple of classes, not '${typeName(b)}'`);
    if (b.isSubtype(t)) throw pyErr(TypeError, 'a __bases__ item causes an inheritance cycle');
  }
  const layout = solidLayout(bases);
  const own = t.layout === 'bool' ? 'int' : t.layout;
  if (layout !== own && !(layout === 'object' && own === 'object')) {
    throw pyErr(TypeError, `__bases__ assignment: '${bases[0].name}' deallocator differs from '${t.bases[0].name}'`);
  }
  const old = t.bases;
  for (const b of old) {
    const i = b.subclasses.indexOf(t);
    if (i >= 0) b.subclasses.splice(i, 1);
  }
  t.bases = bases.slice();
  for (const b of t.bases) b.subclasses.push(t);
  const recompute = (c: PyType): void => {
    try {
      c.mro = computeMro(c);
    } catch (e) {
      if (e instanceof MroError) throw pyErr(TypeError, e.message);
      throw e;
    }
    for (const s of c.subclasses) recompute(s);
  };
  try {
    recompute(t);
  } catch (e) {
    for (const b of t.bases) b.subclasses.splice(b.subclasses.indexOf(t), 1);
    t.bases = old;
    for (const b of old) b.subclasses.push(t);
    recompute(t);
    throw e;
  }
  t.modified();
}

export const typeGetAttrRef: { f: (t: PyType, name: string) => any } = { f: null as unknown as (t: PyType, name: string) => any };
export const reprHook = { repr: null as unknown as (v: any) => string, str: null as unknown as (v: any) => string };
export const unionHook = { make: null as unknown as (a: any, b: any) => any };
export const mappingProxyHook = { make: (d: PyDict): any => d };

export function typeRepr(t: PyType): string {
  const mod = t.ns.getStr('__module__');
  if (typeof mod === 'string' && mod !== 'builtins') return `<class '${mod}.${t.qualname}'>`;
  return `<class '${t.qualname}'>`;
}

export function defaultRepr(v: any): string {
  const t = typeOf(v);
  const mod = t.builtin ? null : t.ns.getStr('__module__');
  const name = typeof mod === 'string' && mod !== 'builtins' ? `${mod}.${t.qualname}` : t.qualname;
  return `<${name} object at 0x${objectId(v).toString(16).padStart(12, '0')}>`;
}

/** dir(obj): instance dict, then the type's and bases' namespaces, sorted. */
export function dirOf(v: any): string[] {
  const names = new Set<string>();
  if (v instanceof PyType) {
    for (const t of v.mro) for (const k of t.ns.keys()) if (typeof k === 'string') names.add(k);
  } else {
    if (v instanceof PyObject && v.dict !== null) for (const k of v.dict.keys()) if (typeof k === 'string') names.add(k);
    for (const t of typeOf(v).mro) for (const k of t.ns.keys()) if (typeof k === 'string') names.add(k);
  }
  return [...names].sort();
}

export { hash, EMPTY_TUPLE, PyBoxed, PyBuiltin, PyList, tupleType, staticMethod };
