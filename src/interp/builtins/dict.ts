// dict and its views (Objects/dictobject.c of CPython 3.11).
//
// PyDict (pydict.ts) holds the table; this file gives dict its constructor and methods
// with CPython's argument handling, the keys/values/items views (live: they read the
// dict on every use) with the set operations of keys and items views in CPython's order
// of operations (the results are sets, whose iteration order depends on it), and the
// forward and reverse iterators. set and frozenset are in set.ts.

import { classMethod, exactlyOne, getset, method, noArgs, unpackArity } from '../bi.js';
import { keyError } from '../containers.js';
import { KeyError, pyErr, RuntimeError, TypeError, ValueError } from '../exceptions.js';
import { DictIter } from '../iterators.js';
import { PyIterator, PyList, PyObject, PyTuple, type PyKwargs } from '../objects.js';
import { call, callDescr, eq, getAttrOpt, getIter, iterNext, newTuple, None, NotImplemented, toArray, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { PySet } from '../pyset.js';
import { mappingProxyHook } from '../classes.js';
import { dictType, iteratorType, listType, PyType, setType, tupleType } from '../typeobj.js';
import { dictRepr, repr } from './repr.js';
import { staticNew } from './numbers.js';
import { installSet, setDifferenceUpdate, setFromIterable, setIntersectionMethod, setSymmetricDifferenceUpdate } from './set.js';
import { contains, len } from '../containers.js';
import { stopIteration } from '../generators.js';

export const dictKeysType = iteratorType('dict_keys');
export const dictValuesType = iteratorType('dict_values');
export const dictItemsType = iteratorType('dict_items');
const reverseKeyIterType = iteratorType('dict_reversekeyiterator');
const reverseValueIterType = iteratorType('dict_reversevalueiterator');
const reverseItemIterType = iteratorType('dict_reverseitemiterator');

export type ViewKind = 'keys' | 'values' | 'items';

export class DictView extends PyObject {
  constructor(cls: PyType, readonly d: PyDict, readonly kind: ViewKind) {
    super();
    this.cls = cls;
  }
}

/** Reverse iteration over a dict: a snapshot of the keys, checked against resizes. */
class ReverseDictIter extends PyIterator {
  private keys: any[] | null;
  private i: number;
  private readonly size: number;
  constructor(private readonly d: PyDict, private readonly kind: ViewKind) {
    super();
    this.cls = kind === 'keys' ? reverseKeyIterType : kind === 'values' ? reverseValueIterType : reverseItemIterType;
    this.keys = [...d.keys()];
    this.i = this.keys.length - 1;
    this.size = d.size;
  }
  next(): any {
    const keys = this.keys;
    if (keys === null) return undefined;
    if (this.d.size !== this.size) {
      this.keys = null;
      throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    }
    if (this.i < 0) {
      this.keys = null;
      return undefined;
    }
    const k = keys[this.i--];
    if (this.kind === 'keys') return k;
    const v = this.d.get(k);
    return this.kind === 'values' ? v : newTuple([k, v]);
  }
}

export const valueErrorRef: { t: PyType } = { t: ValueError };

/** dict.__iter__ itself: a dict subclass that keeps it can be copied directly (dict_merge). */
let dictIterFn: any = undefined;

/** PyDict_Merge / dict_update_arg: a mapping (has keys()) or an iterable of pairs. */
export function dictUpdateFrom(d: PyDict, arg: any, kw: PyKwargs | null): void {
  if (arg !== undefined) {
    if (arg instanceof PyDict && (arg.cls === dictType || arg.cls.lookup('__iter__') === dictIterFn)) {
      if (arg !== d) for (const [k, v] of arg.entries()) d.set(k, v);
    } else {
      const keys = getAttrOpt(arg, 'keys');
      if (keys !== undefined) mergeMapping(d, arg, keys);
      else mergeFromSeq2(d, arg);
    }
  }
  if (kw !== null) for (const [k, v] of kw) d.set(k, v);
}

function mergeMapping(d: PyDict, arg: any, keys: any): void {
  const ks = toArray(call(keys, []));
  const gi = typeOf(arg).lookup('__getitem__');
  for (const k of ks) {
    if (gi === undefined) throw pyErr(TypeError, `'${typeName(arg)}' object is not subscriptable`);
    d.set(k, callDescr(gi, arg, [k]));
  }
}

/** PyDict_MergeFromSeq2 with CPython's messages. */
function mergeFromSeq2(d: PyDict, arg: any): void {
  const it = getIter(arg);
  for (let i = 0; ; i++) {
    const item = iterNext(it);
    if (item === undefined) return;
    let pair: any[];
    if ((item instanceof PyTuple && item.cls === tupleType) || (item instanceof PyList && item.cls === listType)) pair = item.items;
    else {
      let fast: any;
      try {
        fast = getIter(item);
      } catch (e) {
        if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
        throw e;
      }
      pair = [];
      for (;;) {
        const x = iterNext(fast);
        if (x === undefined) break;
        pair.push(x);
      }
    }
    if (pair.length !== 2) throw pyErr(ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    d.set(pair[0], pair[1]);
  }
}

function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined) return false;
    if (!(v === w || eq(v, w))) return false;
  }
  return true;
}

function noKwargs(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

// ---- views ---------------------------------------------------------------------------------------

function isSetView(v: any): v is DictView {
  return v instanceof DictView && v.kind !== 'values';
}

function viewContains(v: DictView, x: any): boolean {
  if (v.kind === 'keys') return v.d.has(x);
  if (v.kind === 'items') {
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const val = v.d.get(x.items[0]);
    return val !== undefined && (val === x.items[1] || eq(val, x.items[1]));
  }
  for (const val of v.d.values()) if (val === x || eq(val, x)) return true;
  return false;
}

/** `x in container` for the operand of a view operation (PySequence_Contains). */
function containsAny(container: any, x: any): boolean {
  if (container instanceof DictView) return viewContains(container, x);
  if (container instanceof PySet) return container.has(x);
  return contains(container, x);
}

/** dictviews_to_set: a new set of the operand's elements (a keys view copies its dict's keys). */
function viewToSet(v: any): PySet {
  const s = new PySet(setType);
  if (v instanceof DictView && v.kind === 'keys') setFromIterable(s, v.d);
  else setFromIterable(s, v);
  return s;
}

function sizeOf(v: any): number {
  if (v instanceof DictView) return v.d.size;
  if (v instanceof PySet) return v.size;
  return len(v);
}

function allContainedIn(a: any, b: any): boolean {
  const it = getIter(a);
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return true;
    if (!containsAny(b, x)) return false;
  }
}

/** _PyDictView_Intersect. */
function viewAnd(self: any, other: any): PySet {
  if (!isSetView(self)) [self, other] = [other, self];
  const lenSelf = self.d.size;
  if (other instanceof PySet && other.cls === setType && lenSelf <= other.size) return setIntersectionMethod(other, [self]);
  if (isSetView(other) && other.d.size > lenSelf) [self, other] = [other, self];
  const result = new PySet(setType);
  const it = getIter(other);
  for (;;) {
    const k = iterNext(it);
    if (k === undefined) return result;
    if (viewContains(self, k)) result.add(k);
  }
}

/** dictitems_xor: items of the second dict not equal in the first, then the first's rest. */
function itemsXor(a: DictView, b: DictView): PySet {
  const temp = a.d.copy(dictType);
  const result = new PySet(setType);
  for (const [k, v2] of [...b.d.entries()]) {
    const v1 = temp.get(k);
    if (v1 !== undefined && (v1 === v2 || eq(v1, v2))) temp.delete(k);
    else result.add(newTuple([k, v2]));
  }
  for (const [k, v] of temp.entries()) result.add(newTuple([k, v]));
  return result;
}

function viewBinary(op: '&' | '|' | '-' | '^', self: any, other: any): any {
  switch (op) {
    case '&':
      return viewAnd(self, other);
    case '|': {
      const r = viewToSet(self);
      setFromIterable(r, other);
      return r;
    }
    case '-': {
      const r = viewToSet(self);
      setDifferenceUpdate(r, other);
      return r;
    }
    case '^': {
      if (self instanceof DictView && self.kind === 'items' && other instanceof DictView && other.kind === 'items') return itemsXor(self, other);
      const r = viewToSet(self);
      setSymmetricDifferenceUpdate(r, other);
      return r;
    }
  }
}

function viewRichCompare(self: DictView, other: any, op: number): any {
  if (!(other instanceof PySet) && !isSetView(other)) return NotImplemented;
  const ls = sizeOf(self);
  const lo = sizeOf(other);
  switch (op) {
    case 2:
    case 3: {
      let ok = ls === lo && allContainedIn(self, other);
      if (op === 3) ok = !ok;
      return ok;
    }
    case 0: return ls < lo && allContainedIn(self, other);
    case 1: return ls <= lo && allContainedIn(self, other);
    case 4: return ls > lo && allContainedIn(other, self);
    default: return ls >= lo && allContainedIn(other, self);
  }
}

function viewIsDisjoint(self: DictView, other: any): boolean {
  if (self === other) return self.d.size === 0;
  let a: any = self;
  let b: any = other;
  if (other instanceof PySet || isSetView(other)) {
    if (sizeOf(other) > self.d.size) [a, b] = [b, a];
  }
  const it = getIter(b);
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return true;
    if (containsAny(a, x)) return false;
  }
}

function installViews(): void {
  for (const V of [dictKeysType, dictValuesType, dictItemsType]) {
    method(V, '__len__', (a) => (a[0] as DictView).d.size);
    method(V, '__iter__', (a) => new DictIter((a[0] as DictView).d, (a[0] as DictView).kind));
    method(V, '__reversed__', (a) => new ReverseDictIter((a[0] as DictView).d, (a[0] as DictView).kind));
    method(V, '__repr__', (a) => {
      const v = a[0] as DictView;
      const parts: string[] = [];
      for (const x of toArray(new DictIter(v.d, v.kind))) parts.push(repr(x));
      return `${V.name}([${parts.join(', ')}])`;
    });
    getset(V, 'mapping', (v: DictView) => mappingProxyHook.make(v.d));
  }
  for (const V of [dictKeysType, dictItemsType]) {
    method(V, '__contains__', (a) => viewContains(a[0], a[1]));
    const names = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
    names.forEach((n, op) => method(V, n, (a) => viewRichCompare(a[0], a[1], op)));
    V.ns.setStr('__hash__', None);
    for (const [name, op, reflected] of [
      ['__and__', '&', false], ['__or__', '|', false], ['__sub__', '-', false], ['__xor__', '^', false],
      ['__rand__', '&', true], ['__ror__', '|', true], ['__rsub__', '-', true], ['__rxor__', '^', true],
    ] as const) {
      method(V, name, (a) => (reflected ? viewBinary(op, a[1], a[0]) : viewBinary(op, a[0], a[1])));
    }
    method(V, 'isdisjoint', (a) => {
      exactlyOne('isdisjoint', a, 1);
      return viewIsDisjoint(a[0], a[1]);
    });
  }
  for (const T of [reverseKeyIterType, reverseValueIterType, reverseItemIterType]) {
    method(T, '__iter__', (a) => a[0]);
    method(T, '__next__', (a) => {
      const v = (a[0] as ReverseDictIter).next();
      if (v === undefined) throw stopIteration(None);
      return v;
    });
  }
}

// ---- dict ------------------------------------------------------------------------------------------

export function installDict(): void {
  const D = dictType;
  D.ns.setStr('__new__', staticNew((a) => new PyDict(a[0])));
  method(D, '__init__', (a, kw) => {
    if (a.length > 2) throw pyErr(TypeError, `dict expected at most 1 argument, got ${a.length - 1}`);
    dictUpdateFrom(a[0], a[1], kw);
    return None;
  });
  method(D, '__repr__', (a) => dictRepr(a[0]));
  method(D, '__len__', (a) => a[0].size);
  dictIterFn = method(D, '__iter__', (a) => new DictIter(a[0], 'keys'));
  method(D, '__getitem__', (a) => {
    const d = a[0] as PyDict;
    const v = d.get(a[1]);
    if (v !== undefined) return v;
    if (d.cls !== dictType) {
      const m = d.cls.lookup('__missing__');
      if (m !== undefined) return callDescr(m, d, [a[1]]);
    }
    throw keyError(a[1]);
  });
  method(D, '__setitem__', (a) => {
    (a[0] as PyDict).set(a[1], a[2]);
    return None;
  });
  method(D, '__delitem__', (a) => {
    if ((a[0] as PyDict).delete(a[1]) === undefined) throw keyError(a[1]);
    return None;
  });
  method(D, '__contains__', (a) => (a[0] as PyDict).has(a[1]));
  method(D, '__eq__', (a) => (a[1] instanceof PyDict ? dictEq(a[0], a[1]) : NotImplemented));
  method(D, '__ne__', (a) => (a[1] instanceof PyDict ? !dictEq(a[0], a[1]) : NotImplemented));
  D.ns.setStr('__hash__', None);
  method(D, '__or__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = (a[0] as PyDict).copy(dictType);
    dictUpdateFrom(d, a[1], null);
    return d;
  });
  method(D, '__ror__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = (a[1] as PyDict).copy(dictType);
    dictUpdateFrom(d, a[0], null);
    return d;
  });
  method(D, '__ior__', (a) => {
    dictUpdateFrom(a[0], a[1], null);
    return a[0];
  });
  method(D, '__reversed__', (a) => new ReverseDictIter(a[0], 'keys'));
  method(D, '__sizeof__', (a) => 48 + 24 * (a[0] as PyDict).size);
  method(D, 'get', (a, kw) => {
    if (a.length === 2 && kw === null) {
      const v = (a[0] as PyDict).get(a[1]);
      return v !== undefined ? v : None;
    }
    noKwargs('dict.get', kw);
    unpackArity('get', a, 1, 2, 1);
    const v = (a[0] as PyDict).get(a[1]);
    return v !== undefined ? v : a.length > 2 ? a[2] : None;
  });
  method(D, 'keys', (a) => {
    noArgs('dict.keys', a, 1);
    return new DictView(dictKeysType, a[0], 'keys');
  });
  method(D, 'values', (a) => {
    noArgs('dict.values', a, 1);
    return new DictView(dictValuesType, a[0], 'values');
  });
  method(D, 'items', (a) => {
    noArgs('dict.items', a, 1);
    return new DictView(dictItemsType, a[0], 'items');
  });
  method(D, 'pop', (a, kw) => {
    noKwargs('dict.pop', kw);
    unpackArity('pop', a, 1, 2, 1);
    const v = (a[0] as PyDict).delete(a[1]);
    if (v !== undefined) return v;
    if (a.length > 2) return a[2];
    throw keyError(a[1]);
  });
  method(D, 'popitem', (a) => {
    noArgs('dict.popitem', a, 1);
    const r = (a[0] as PyDict).popLast();
    if (r === undefined) throw pyErr(KeyError, 'popitem(): dictionary is empty');
    return newTuple(r);
  });
  method(D, 'setdefault', (a, kw) => {
    noKwargs('dict.setdefault', kw);
    unpackArity('setdefault', a, 1, 2, 1);
    const d = a[0] as PyDict;
    const v = d.get(a[1]);
    if (v !== undefined) return v;
    const dv = a.length > 2 ? a[2] : None;
    d.set(a[1], dv);
    return dv;
  });
  method(D, 'update', (a, kw) => {
    if (a.length > 2) throw pyErr(TypeError, `update expected at most 1 argument, got ${a.length - 1}`);
    dictUpdateFrom(a[0], a[1], kw);
    return None;
  });
  method(D, 'copy', (a) => {
    noArgs('dict.copy', a, 1);
    return (a[0] as PyDict).copy(dictType);
  });
  method(D, 'clear', (a) => {
    noArgs('dict.clear', a, 1);
    (a[0] as PyDict).clear();
    return None;
  });
  classMethod(D, 'fromkeys', (a, kw) => {
    noKwargs('dict.fromkeys', kw);
    unpackArity('fromkeys', a, 1, 2, 1);
    const t = a[0] as PyType;
    const d = t === dictType ? new PyDict(dictType) : call(t, []);
    const v = a.length > 2 ? a[2] : None;
    const plain = d instanceof PyDict && d.cls === dictType;
    const setitem = plain ? undefined : typeOf(d).lookup('__setitem__');
    if (!plain && setitem === undefined) throw pyErr(TypeError, `'${typeName(d)}' object does not support item assignment`);
    const it = getIter(a[1]);
    for (;;) {
      const k = iterNext(it);
      if (k === undefined) break;
      if (plain) d.set(k, v);
      else callDescr(setitem, d, [k, v]);
    }
    return d;
  });
  installViews();
  installSet();
}
