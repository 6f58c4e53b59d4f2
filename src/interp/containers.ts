// Container protocol: subscripting, membership, len and unpacking.
//
// Fast paths for the builtin containers with CPython's exact error messages, then the
// generic __getitem__/__setitem__/__delitem__/__contains__/__len__ dunders, then the
// fallbacks CPython uses (membership by iteration, __class_getitem__ on classes).

import { intOf } from './arith.js';
import { IndexError, KeyError, newExc, OverflowError, pyErr, TypeError, ValueError } from './exceptions.js';
import { PyBoxed, PyByteArray, PyBytes, PyList, PyObject, PyRange, PySlice, PyTuple, PyWrapper } from './objects.js';
import { call, callDescr, eq, getIter, isTrue, iterNext, None, typeOf, typeName } from './protocol.js';
import { PyDict } from './pydict.js';
import { PySet } from './pyset.js';
import { adjustIndices, cpAt, cpLen, cpSlice, cpToUnit, isBmp } from './strutil.js';
import { bytesType, dictType, listType, PyType, strType, tupleType } from './typeobj.js';

/** __index__ conversion: int-likes and objects defining __index__. */
export function toIndex(v: any, what?: string): number | bigint {
  const i = intOf(v);
  if (i !== null) return i;
  const t = typeOf(v);
  const f = t.lookup('__index__');
  if (f !== undefined) {
    const r = callDescr(f, v, []);
    const ri = intOf(r);
    if (ri === null) throw pyErr(TypeError, `__index__ returned non-int (type ${typeName(r)})`);
    return ri;
  }
  throw pyErr(TypeError, what ?? `'${t.name}' object cannot be interpreted as an integer`);
}

/** An index as a JS number (OverflowError when it does not fit, like Py_ssize_t). */
export function toSmallIndex(v: any, what?: string): number {
  const i = toIndex(v, what);
  if (typeof i === 'bigint') throw pyErr(IndexErrorOrOverflow.t, `cannot fit 'int' into an index-sized integer`);
  return i;
}

export const IndexErrorOrOverflow: { t: PyType } = { t: IndexError };

/** slice.indices(length) as numbers: [start, stop, step, count]. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  let step = 1;
  if (s.step !== None) {
    step = clampIndex(toIndex(s.step, 'slice indices must be integers or None or have an __index__ method'));
    if (step === 0) throw pyErr(ValueError, 'slice step cannot be zero');
  }
  const defStart = step < 0 ? length - 1 : 0;
  const defStop = step < 0 ? -1 : length;
  let start: number;
  let stop: number;
  if (s.start === None) start = defStart;
  else start = clampIndex(toIndex(s.start, 'slice indices must be integers or None or have an __index__ method'));
  if (s.stop === None) stop = defStop;
  else stop = clampIndex(toIndex(s.stop, 'slice indices must be integers or None or have an __index__ method'));
  if (s.start === None && s.stop === None) return [defStart, defStop, step, length === 0 ? 0 : step > 0 ? Math.ceil(length / step) : Math.ceil(length / -step)];
  const startSet = s.start !== None;
  const stopSet = s.stop !== None;
  let r: [number, number, number];
  if (startSet && stopSet) r = adjustIndices(length, start, stop, step);
  else {
    const [a, b, n] = adjustIndices(length, startSet ? start : step < 0 ? Number.MAX_SAFE_INTEGER : 0, stopSet ? stop : step < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER, step);
    r = [a, b, n];
  }
  return [r[0], r[1], step, r[2]];
}

function clampIndex(i: number | bigint): number {
  if (typeof i === 'number') return i;
  return i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** Items of a sequence slice. */
export function sliceArray<T>(items: T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j];
  return out;
}

function seqIndex(k: any, length: number, what: string, kindName: string): number {
  let i: number;
  if (typeof k === 'number') i = k;
  else {
    const v = intOf(k) ?? indexOrNull(k);
    if (v === null) throw pyErr(TypeError, `${kindName} indices must be integers or slices, not ${typeName(k)}`);
    if (typeof v === 'bigint') throw pyErr(IndexError, `cannot fit 'int' into an index-sized integer`);
    i = v;
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw pyErr(IndexError, `${what} index out of range`);
  return i;
}

function indexOrNull(k: any): number | bigint | null {
  if (k instanceof PyObject && typeOf(k).lookup('__index__') !== undefined) return toIndex(k);
  return null;
}

/** o[k] */
export function getItem(o: any, k: any): any {
  if (o instanceof PyList && o.cls === listType) {
    if (k instanceof PySlice) return new PyList(listType, sliceArray(o.items, k));
    return o.items[seqIndex(k, o.items.length, 'list', 'list')];
  }
  if (typeof o === 'string') return strGetItem(o, k);
  if (o instanceof PyTuple && o.cls === tupleType) {
    if (k instanceof PySlice) return new PyTuple(tupleType, sliceArray(o.items, k));
    return o.items[seqIndex(k, o.items.length, 'tuple', 'tuple')];
  }
  if (o instanceof PyDict && o.cls === dictType) {
    const v = o.get(k);
    if (v !== undefined) return v;
    throw keyError(k);
  }
  const t = typeOf(o);
  const f = t.lookup('__getitem__');
  if (f !== undefined) return callDescr(f, o, [k]);
  if (o instanceof PyType) {
    if (o === typeClassRef.t) return genericAliasHook.make(o, k);
    const cg = o.lookup('__class_getitem__');
    if (cg !== undefined) {
      // __class_getitem__ is implicitly a classmethod.
      const fn = cg instanceof PyWrapper ? cg.func : cg;
      return call(fn, [o, k]);
    }
    throw pyErr(TypeError, `type '${o.name}' is not subscriptable`);
  }
  throw pyErr(TypeError, `'${t.name}' object is not subscriptable`);
}

export const typeClassRef: { t: PyType | null } = { t: null };
export const genericAliasHook = { make: null as unknown as (origin: any, args: any) => any };

export function strGetItem(s: string, k: any): string {
  if (typeof k === 'number') {
    if (isBmp(s)) {
      const i = k < 0 ? k + s.length : k;
      if (i < 0 || i >= s.length) throw pyErr(IndexError, 'string index out of range');
      return s[i];
    }
    const n = cpLen(s);
    const i = k < 0 ? k + n : k;
    if (i < 0 || i >= n) throw pyErr(IndexError, 'string index out of range');
    return cpAt(s, i);
  }
  if (k instanceof PySlice) {
    const n = cpLen(s);
    const [start, stop, step, count] = sliceIndices(k, n);
    if (count <= 0) return '';
    if (step === 1) return isBmp(s) ? s.slice(start, stop) : cpSlice(s, start, stop, 1);
    return cpSlice(s, start, stop, step);
  }
  const v = intOf(k) ?? indexOrNull(k);
  if (v === null) throw pyErr(TypeError, `string indices must be integers, not '${typeName(k)}'`);
  if (typeof v === 'bigint') throw pyErr(IndexError, `cannot fit 'int' into an index-sized integer`);
  return strGetItem(s, v);
}

export function keyError(k: any): PyObject {
  return newExc(KeyError, [k]);
}

/** o[k] = v */
export function setItem(o: any, k: any, v: any): void {
  if (o instanceof PyList && o.cls === listType) {
    if (k instanceof PySlice) {
      listSetSlice(o, k, v);
      return;
    }
    o.items[seqIndex(k, o.items.length, 'list assignment', 'list')] = v;
    return;
  }
  if (o instanceof PyDict && o.cls === dictType) {
    o.set(k, v);
    return;
  }
  const t = typeOf(o);
  const f = t.lookup('__setitem__');
  if (f !== undefined) {
    callDescr(f, o, [k, v]);
    return;
  }
  throw pyErr(TypeError, `'${t.name}' object does not support item assignment`);
}

/** del o[k] */
export function delItem(o: any, k: any): void {
  if (o instanceof PyList && o.cls === listType) {
    if (k instanceof PySlice) {
      listDelSlice(o, k);
      return;
    }
    o.items.splice(seqIndex(k, o.items.length, 'list assignment', 'list'), 1);
    return;
  }
  if (o instanceof PyDict && o.cls === dictType) {
    if (o.delete(k) === undefined) throw keyError(k);
    return;
  }
  const t = typeOf(o);
  const f = t.lookup('__delitem__');
  if (f !== undefined) {
    callDescr(f, o, [k]);
    return;
  }
  throw pyErr(TypeError, `'${t.name}' object doesn't support item deletion`);
}

export function listSetSlice(o: PyList, k: PySlice, v: any): void {
  const items = o.items;
  const src = v === o ? items.slice() : iterableToArray(v, 'must assign iterable to extended slice');
  const [start, stop, step, n] = sliceIndices(k, items.length);
  if (step === 1) {
    const end = Math.max(start, stop);
    items.splice(start, end - start, ...src);
    return;
  }
  if (src.length !== n) throw pyErr(ValueError, `attempt to assign sequence of size ${src.length} to extended slice of size ${n}`);
  for (let i = 0, j = start; i < n; i++, j += step) items[j] = src[i];
}

export function listDelSlice(o: PyList, k: PySlice): void {
  const items = o.items;
  const [start, stop, step, n] = sliceIndices(k, items.length);
  if (step === 1) {
    if (stop > start) items.splice(start, stop - start);
    return;
  }
  const drop = new Set<number>();
  for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
  o.items = items.filter((_, i) => !drop.has(i));
}

function iterableToArray(v: any, msg: string): any[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  if (typeof v === 'string') return Array.from(v);
  let it;
  try {
    it = getIter(v);
  } catch (e) {
    if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, msg === 'must assign iterable to extended slice' ? 'can only assign an iterable' : msg);
    throw e;
  }
  const out: any[] = [];
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return out;
    out.push(x);
  }
}

/** `item in container` */
export function contains(container: any, item: any): boolean {
  if (typeof container === 'string') {
    if (typeof item === 'string') return container.includes(item);
    if (item instanceof PyBoxed && typeof item.value === 'string') return container.includes(item.value);
    throw pyErr(TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
  }
  if (container instanceof PyDict && container.cls === dictType) return container.has(item);
  if ((container instanceof PyList && container.cls === listType) || (container instanceof PyTuple && container.cls === tupleType)) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (x === item || eq(x, item)) return true;
    }
    return false;
  }
  if (container instanceof PySet && container.cls.lookup('__contains__') === setContainsRef.f) return container.has(item);
  const t = typeOf(container);
  const f = t.lookup('__contains__');
  if (f !== undefined) return isTrue(callDescr(f, container, [item]));
  if (t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
    throw pyErr(TypeError, `argument of type '${t.name}' is not iterable`);
  }
  const it = getIter(container);
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return false;
    if (x === item || eq(x, item)) return true;
  }
}

export const setContainsRef: { f: any } = { f: undefined };

/** len(o) */
export function len(o: any): number {
  if (typeof o === 'string') return cpLen(o);
  if (o instanceof PyList && o.cls === listType) return o.items.length;
  if (o instanceof PyTuple && o.cls === tupleType) return o.items.length;
  if (o instanceof PyDict && o.cls === dictType) return o.map.size;
  const t = typeOf(o);
  const f = t.lookup('__len__');
  if (f === undefined) throw pyErr(TypeError, `object of type '${t.name}' has no len()`);
  const n = callDescr(f, o, []);
  const i = intOf(n);
  if (i === null) throw pyErr(TypeError, `'${typeName(n)}' object cannot be interpreted as an integer`);
  if (typeof i === 'bigint') throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  if (i < 0) throw pyErr(ValueError, '__len__() should return >= 0');
  return i;
}

/** Items of a sequence for unpacking (fast for list/tuple/str). */
function unpackItems(seq: any): any[] | null {
  if ((seq instanceof PyList && seq.cls === listType) || (seq instanceof PyTuple && seq.cls === tupleType)) return seq.items;
  return null;
}

/** UNPACK_SEQUENCE: replace TOS with its n items (first item on top). */
export function unpackSequence(slots: any[], sp: number, n: number): number {
  const seq = slots[--sp];
  let items = unpackItems(seq);
  if (items !== null) {
    if (items.length !== n) {
      if (items.length < n) throw pyErr(ValueError, `not enough values to unpack (expected ${n}, got ${items.length})`);
      throw pyErr(ValueError, `too many values to unpack (expected ${n})`);
    }
  } else {
    let it: any;
    try {
      it = getIter(seq);
    } catch (e) {
      if (e instanceof PyObject && e.cls.isSubtype(TypeError) && typeOf(seq).lookup('__iter__') === undefined && typeOf(seq).lookup('__getitem__') === undefined) {
        throw pyErr(TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
      }
      throw e;
    }
    items = [];
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) break;
      if (items.length === n) throw pyErr(ValueError, `too many values to unpack (expected ${n})`);
      items.push(x);
    }
    if (items.length < n) throw pyErr(ValueError, `not enough values to unpack (expected ${n}, got ${items.length})`);
  }
  for (let i = n - 1; i >= 0; i--) slots[sp++] = items[i];
  return sp;
}

/** UNPACK_EX: before | after << 8, with the starred part as a list. */
export function unpackEx(slots: any[], sp: number, arg: number): number {
  const before = arg & 0xff;
  const after = arg >> 8;
  const seq = slots[--sp];
  let items = unpackItems(seq);
  if (items === null) {
    if (typeOf(seq).lookup('__iter__') === undefined && typeOf(seq).lookup('__getitem__') === undefined) {
      throw pyErr(TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
    }
    items = [];
    const it = getIter(seq);
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) break;
      items.push(x);
    }
  }
  if (items.length < before + after) {
    throw pyErr(ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  const mid = items.slice(before, items.length - after);
  const out: any[] = [...items.slice(0, before), new PyList(listType, mid), ...items.slice(items.length - after)];
  for (let i = out.length - 1; i >= 0; i--) slots[sp++] = out[i];
  return sp;
}

/** Byte string view of bytes/bytearray, or null. */
export function bytesOf(v: any): Uint8Array | null {
  if (v instanceof PyBytes) return v.v;
  if (v instanceof PyByteArray) return v.bytes();
  return null;
}

export function isStrLike(v: any): v is string {
  return typeof v === 'string';
}

export { cpToUnit, PyRange, strType, bytesType };
