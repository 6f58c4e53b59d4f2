// Iterators of the builtin containers, and iter() itself.
//
// Each builtin iterator is a PyIterator whose `next()` returns the next value or
// undefined when exhausted; Python sees the usual __iter__/__next__ (installed by
// types/iterators.ts from these classes). `makeIter` is iter(v): the builtin containers
// directly, else __iter__, else the legacy __getitem__ sequence protocol.

import { pyErr, RuntimeError, TypeError } from './exceptions.js';
import { PyBytes, PyByteArray, PyIterator, PyList, PyObject, PyRange, PyTuple } from './objects.js';
import { callDescr, hooks, typeOf } from './protocol.js';
import { PyDict } from './pydict.js';
import { PySet } from './pyset.js';
import { cpArray, isBmp } from './strutil.js';
import { dictType, iteratorType, listType, PyType, strType, tupleType } from './typeobj.js';

export const listIteratorType = iteratorType('list_iterator');
export const listReverseIteratorType = iteratorType('list_reverseiterator');
export const tupleIteratorType = iteratorType('tuple_iterator');
export const rangeIteratorType = iteratorType('range_iterator');
export const strIteratorType = iteratorType('str_ascii_iterator');
export const dictKeyIteratorType = iteratorType('dict_keyiterator');
export const dictValueIteratorType = iteratorType('dict_valueiterator');
export const dictItemIteratorType = iteratorType('dict_itemiterator');
export const setIteratorType = iteratorType('set_iterator');
export const seqIteratorType = iteratorType('iterator');
export const callableIteratorType = iteratorType('callable_iterator');
export const bytesIteratorType = iteratorType('bytes_iterator');

/** Iterator over a JS array (list and tuple iterators). Lists may grow while iterating. */
export class SeqIter extends PyIterator {
  items: any[] | null;
  i = 0;
  /** For lists: the list object (its items array may be replaced by slice deletion). */
  readonly list: PyList | null;
  constructor(cls: PyType, items: any[], list: PyList | null) {
    super();
    this.cls = cls;
    this.items = items;
    this.list = list;
  }
  next(): any {
    const items = this.list !== null ? (this.items === null ? null : this.list.items) : this.items;
    if (items !== null && this.i < items.length) return items[this.i++];
    this.items = null;
    return undefined;
  }
}

export class ReverseSeqIter extends PyIterator {
  list: PyList | null;
  i: number;
  constructor(list: PyList) {
    super();
    this.cls = listReverseIteratorType;
    this.list = list;
    this.i = list.items.length - 1;
  }
  next(): any {
    if (this.list !== null && this.i >= 0 && this.i < this.list.items.length) return this.list.items[this.i--];
    this.list = null;
    return undefined;
  }
}

export class RangeIter extends PyIterator {
  next_: number;
  readonly step: number;
  remaining: number;
  constructor(start: number, step: number, count: number) {
    super();
    this.cls = rangeIteratorType;
    this.next_ = start;
    this.step = step;
    this.remaining = count;
  }
  next(): any {
    if (this.remaining <= 0) return undefined;
    this.remaining--;
    const v = this.next_;
    this.next_ = v + this.step;
    return v;
  }
}

/** Range iterator for ranges beyond the safe integer range. */
export class BigRangeIter extends PyIterator {
  cur: bigint;
  readonly step: bigint;
  remaining: bigint;
  constructor(start: bigint, step: bigint, count: bigint) {
    super();
    this.cls = rangeIteratorType;
    this.cur = start;
    this.step = step;
    this.remaining = count;
  }
  next(): any {
    if (this.remaining <= 0n) return undefined;
    this.remaining--;
    const v = this.cur;
    this.cur += this.step;
    return v >= -BigInt(Number.MAX_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
}

export class StrIter extends PyIterator {
  private s: string | null;
  private chars: string[] | null;
  private i = 0;
  constructor(s: string) {
    super();
    this.cls = strIteratorType;
    this.s = s;
    this.chars = isBmp(s) ? null : cpArray(s);
  }
  next(): any {
    const s = this.s;
    if (s === null) return undefined;
    if (this.chars === null) {
      if (this.i < s.length) return s[this.i++];
    } else if (this.i < this.chars.length) return this.chars[this.i++];
    this.s = null;
    return undefined;
  }
}

export type DictIterKind = 'keys' | 'values' | 'items';

export class DictIter extends PyIterator {
  private d: PyDict | null;
  private it: IterableIterator<[any, any]>;
  private readonly size: number;
  private readonly kind: DictIterKind;
  constructor(d: PyDict, kind: DictIterKind) {
    super();
    this.cls = kind === 'keys' ? dictKeyIteratorType : kind === 'values' ? dictValueIteratorType : dictItemIteratorType;
    this.d = d;
    this.kind = kind;
    this.size = d.map.size;
    this.it = d.map.entries();
  }
  next(): any {
    const d = this.d;
    if (d === null) return undefined;
    if (d.map.size !== this.size) {
      this.d = null;
      throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    }
    const r = this.it.next();
    if (r.done) {
      this.d = null;
      return undefined;
    }
    const [c, v] = r.value;
    switch (this.kind) {
      case 'keys':
        return d.keyOf(c);
      case 'values':
        return v;
      default:
        return new PyTuple(tupleType, [d.keyOf(c), v]);
    }
  }
}

export class SetIter extends PyIterator {
  private s: PySet | null;
  private i = 0;
  private readonly used: number;
  constructor(s: PySet) {
    super();
    this.cls = setIteratorType;
    this.s = s;
    this.used = s.used;
  }
  next(): any {
    const s = this.s;
    if (s === null) return undefined;
    if (s.used !== this.used) {
      this.s = null;
      throw pyErr(RuntimeError, 'Set changed size during iteration');
    }
    const j = s.nextIndex(this.i);
    if (j < 0) {
      this.s = null;
      return undefined;
    }
    this.i = j + 1;
    return s.keys[j];
  }
}

export class BytesIter extends PyIterator {
  private b: Uint8Array | null;
  private i = 0;
  constructor(b: Uint8Array) {
    super();
    this.cls = bytesIteratorType;
    this.b = b;
  }
  next(): any {
    if (this.b !== null && this.i < this.b.length) return this.b[this.i++];
    this.b = null;
    return undefined;
  }
}

/** The legacy sequence protocol: obj[0], obj[1], ... until IndexError. */
export class SeqGetitemIter extends PyIterator {
  private obj: any;
  private i = 0;
  private readonly getitem: any;
  constructor(obj: any, getitem: any) {
    super();
    this.cls = seqIteratorType;
    this.obj = obj;
    this.getitem = getitem;
  }
  next(): any {
    if (this.obj === undefined) return undefined;
    try {
      return callDescr(this.getitem, this.obj, [this.i++]);
    } catch (e) {
      if (e instanceof PyObject && (e.cls.isSubtype(indexErrorRef.t) || e.cls.isSubtype(stopIterRef.t))) {
        this.obj = undefined;
        return undefined;
      }
      throw e;
    }
  }
}

export const indexErrorRef: { t: PyType } = { t: null as unknown as PyType };
export const stopIterRef: { t: PyType } = { t: null as unknown as PyType };

/** iter(callable, sentinel) */
export class CallableIter extends PyIterator {
  private f: any;
  private readonly sentinel: any;
  constructor(f: any, sentinel: any) {
    super();
    this.cls = callableIteratorType;
    this.f = f;
    this.sentinel = sentinel;
  }
  next(): any {
    if (this.f === undefined) return undefined;
    const v = callHook.call(this.f, []);
    if (v === this.sentinel || callHook.eq(v, this.sentinel)) {
      this.f = undefined;
      return undefined;
    }
    return v;
  }
}

export const callHook = { call: null as unknown as (f: any, a: any[]) => any, eq: null as unknown as (a: any, b: any) => boolean };

/** A TS iterator over a JS iterable, shown to Python as the given type. */
export class JsIter extends PyIterator {
  private it: Iterator<any> | null;
  constructor(cls: PyType, it: Iterator<any>) {
    super();
    this.cls = cls;
    this.it = it;
  }
  next(): any {
    if (this.it === null) return undefined;
    const r = this.it.next();
    if (r.done) {
      this.it = null;
      return undefined;
    }
    return r.value;
  }
}

/** iter(v) */
export function makeIter(v: any): PyObject {
  if (typeof v === 'string') return new StrIter(v);
  if (v instanceof PyList && v.cls === listType) return new SeqIter(listIteratorType, v.items, v);
  if (v instanceof PyTuple && v.cls === tupleType) return new SeqIter(tupleIteratorType, v.items, null);
  if (v instanceof PyRange) return rangeIter(v);
  if (v instanceof PyDict && v.cls === dictType) return new DictIter(v, 'keys');
  if (v instanceof PyIterator && v.cls.lookup('__iter__') === iterSelfRef.f) return v;
  const t = typeOf(v);
  const f = t.lookup('__iter__');
  if (f !== undefined) {
    if (f === noneRef.v) throw pyErr(TypeError, `'${t.name}' object is not iterable`);
    const it = callDescr(f, v, []);
    const itT = typeOf(it);
    if (!(it instanceof PyIterator) && itT.lookup('__next__') === undefined) {
      throw pyErr(TypeError, `iter() returned non-iterator of type '${itT.name}'`);
    }
    return it;
  }
  if (v instanceof PyBytes) return new BytesIter(v.v);
  if (v instanceof PyByteArray) return new BytesIter(v.bytes());
  const gi = t.lookup('__getitem__');
  if (gi !== undefined && !(v instanceof PyDict)) return new SeqGetitemIter(v, gi);
  throw pyErr(TypeError, `'${t.name}' object is not iterable`);
}

export const iterSelfRef: { f: any } = { f: undefined };
export const noneRef: { v: any } = { v: undefined };

export function rangeIter(r: PyRange): PyIterator {
  if (typeof r.start === 'number' && typeof r.step === 'number' && typeof r.length === 'number') {
    const last = r.start + (r.length - 1) * r.step;
    if (Math.abs(last) <= Number.MAX_SAFE_INTEGER) return new RangeIter(r.start, r.step, r.length);
  }
  return new BigRangeIter(BigInt(r.start), BigInt(r.step), BigInt(r.length));
}

hooks.makeIter = makeIter;

export { strType };
