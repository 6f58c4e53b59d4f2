// list and tuple: constructors, sequence protocol and methods.

import { classMethod, method, noKw, exactlyOne, arity } from '../bi.js';
import { seqCompare } from '../arith.js';
import { contains, delItem, getItem, len, setItem, sliceArray, toIndex, listSetSlice, listDelSlice, sliceIndices } from '../containers.js';
import { IndexError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { SeqIter, listIteratorType, tupleIteratorType, ReverseSeqIter } from '../iterators.js';
import { PyList, PySlice, PyTuple, type PyKwargs } from '../objects.js';
import { call, compareBool, eq, hash, isTrue, newList, newTuple, None, NotImplemented, toArray, typeOf, typeName } from '../protocol.js';
import { listType, PyType, tupleType } from '../typeobj.js';
import { listRepr, tupleRepr } from './repr.js';
import { staticNew } from './numbers.js';
import { hashTupleItems } from './hashing.js';

function isList(v: any): v is PyList {
  return v instanceof PyList;
}

function repeatCount(n: any): number {
  const i = toIndex(n, `can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof i === 'bigint') throw pyErr(overflowRef.t, 'cannot fit \'int\' into an index-sized integer');
  return i < 0 ? 0 : i;
}

export const overflowRef: { t: PyType } = { t: null as unknown as PyType };

function repeat<T>(items: T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return out;
}

function indexIn(items: any[], v: any, start: number, stop: number): number {
  for (let i = start; i < stop && i < items.length; i++) {
    const x = items[i];
    if (x === v || eq(x, v)) return i;
  }
  return -1;
}

function clampStartStop(a: any[], n: number, si: number): [number, number] {
  let start = a.length > si && a[si] !== undefined ? Number(toIndex(a[si])) : 0;
  let stop = a.length > si + 1 && a[si + 1] !== undefined ? Number(toIndex(a[si + 1])) : n;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  return [start, Math.min(stop, n)];
}

/** Stable sort with Python's < and an optional key (list.sort / sorted). */
export function sortItems(items: any[], key: any, reverse: boolean): any[] {
  const keys = key === None || key === undefined ? items : items.map((x) => call(key, [x]));
  const idx = items.map((_, i) => i);
  const lt = (a: any, b: any): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    return compareBool(a, b, 0);
  };
  if (reverse) {
    // Reverse-stable: equal elements keep their original order (CPython reverses, sorts, reverses).
    idx.reverse();
    idx.sort((i, j) => (lt(keys[j], keys[i]) ? -1 : lt(keys[i], keys[j]) ? 1 : 0));
    idx.reverse();
    const out = idx.map((i) => items[i]);
    return out.reverse();
  }
  idx.sort((i, j) => (lt(keys[i], keys[j]) ? -1 : lt(keys[j], keys[i]) ? 1 : 0));
  return idx.map((i) => items[i]);
}

export function installList(): void {
  const L = listType;
  L.ns.setStr('__new__', staticNew((a) => new PyList(a[0], [])));
  method(L, '__init__', (a, kw) => {
    noKw('list', kw);
    arity('list', a, 0, 1, 1);
    const l = a[0] as PyList;
    l.items = a.length > 1 ? toArray(a[1]) : [];
    return None;
  });
  method(L, '__repr__', (a) => listRepr(a[0]));
  method(L, '__len__', (a) => a[0].items.length);
  method(L, '__iter__', (a) => new SeqIter(listIteratorType, a[0].items, a[0]));
  method(L, '__reversed__', (a) => new ReverseSeqIter(a[0]));
  method(L, '__getitem__', (a) => {
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) return new PyList(listType, sliceArray(l.items, a[1]));
    return getItem(new PyList(listType, l.items), a[1]);
  });
  method(L, '__setitem__', (a) => {
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) listSetSlice(l, a[1], a[2]);
    else {
      const tmp = new PyList(listType, l.items);
      setItem(tmp, a[1], a[2]);
    }
    return None;
  });
  method(L, '__delitem__', (a) => {
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) listDelSlice(l, a[1]);
    else {
      const tmp = new PyList(listType, l.items);
      delItem(tmp, a[1]);
      l.items = tmp.items;
    }
    return None;
  });
  method(L, '__contains__', (a) => indexIn(a[0].items, a[1], 0, a[0].items.length) >= 0);
  method(L, '__add__', (a) => {
    if (!isList(a[1])) throw pyErr(TypeError, `can only concatenate list (not "${typeName(a[1])}") to list`);
    return newList(a[0].items.concat(a[1].items));
  });
  method(L, '__iadd__', (a) => {
    const l = a[0] as PyList;
    const src = toArray(a[1]);
    for (const x of src) l.items.push(x);
    return l;
  });
  method(L, '__mul__', (a) => newList(repeat(a[0].items, repeatCount(a[1]))));
  method(L, '__rmul__', (a) => newList(repeat(a[0].items, repeatCount(a[1]))));
  method(L, '__imul__', (a) => {
    const l = a[0] as PyList;
    l.items = repeat(l.items, repeatCount(a[1]));
    return l;
  });
  const cmps = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  cmps.forEach((name, op) =>
    method(L, name, (a) => {
      if (!isList(a[1])) return NotImplemented;
      if ((op === 2 || op === 3) && a[0].items.length !== a[1].items.length) return op === 3;
      return seqCompare(a[0].items, a[1].items, op);
    }),
  );
  L.ns.setStr('__hash__', None);
  method(L, 'append', (a) => {
    exactlyOne('list.append', a, 1);
    a[0].items.push(a[1]);
    return None;
  });
  method(L, 'extend', (a) => {
    exactlyOne('list.extend', a, 1);
    const l = a[0] as PyList;
    const src = toArray(a[1]);
    for (const x of src) l.items.push(x);
    return None;
  });
  method(L, 'insert', (a) => {
    arity('insert', a, 2, 2, 1);
    const l = a[0] as PyList;
    let i = Number(toIndex(a[1]));
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    l.items.splice(i, 0, a[2]);
    return None;
  });
  method(L, 'pop', (a) => {
    arity('pop', a, 0, 1, 1);
    const l = a[0] as PyList;
    if (l.items.length === 0) throw pyErr(IndexError, 'pop from empty list');
    if (a.length === 1) return l.items.pop();
    let i = Number(toIndex(a[1]));
    if (i < 0) i += l.items.length;
    if (i < 0 || i >= l.items.length) throw pyErr(IndexError, 'pop index out of range');
    return l.items.splice(i, 1)[0];
  });
  method(L, 'remove', (a) => {
    exactlyOne('list.remove', a, 1);
    const l = a[0] as PyList;
    const i = indexIn(l.items, a[1], 0, l.items.length);
    if (i < 0) throw pyErr(ValueError, 'list.remove(x): x not in list');
    l.items.splice(i, 1);
    return None;
  });
  method(L, 'index', (a) => {
    arity('index', a, 1, 3, 1);
    const l = a[0] as PyList;
    const [start, stop] = clampStartStop(a, l.items.length, 2);
    const i = indexIn(l.items, a[1], start, stop);
    if (i < 0) throw pyErr(ValueError, `${reprRef.f(a[1])} is not in list`);
    return i;
  });
  method(L, 'count', (a) => {
    exactlyOne('list.count', a, 1);
    let n = 0;
    for (const x of a[0].items) if (x === a[1] || eq(x, a[1])) n++;
    return n;
  });
  method(L, 'reverse', (a) => {
    a[0].items.reverse();
    return None;
  });
  method(L, 'copy', (a) => newList(a[0].items.slice()));
  method(L, 'clear', (a) => {
    a[0].items = [];
    return None;
  });
  method(L, 'sort', (a, kw) => {
    if (a.length > 1) throw pyErr(TypeError, 'sort() takes no positional arguments');
    const l = a[0] as PyList;
    const key = kw?.get('key') ?? None;
    const reverse = kw?.has('reverse') ? isTrue(kw.get('reverse')) : false;
    if (kw !== null) for (const k of kw.keys()) if (k !== 'key' && k !== 'reverse') throw pyErr(TypeError, `'${k}' is an invalid keyword argument for sort()`);
    const items = l.items;
    l.items = [];
    let sorted: any[];
    try {
      sorted = sortItems(items, key, reverse);
    } finally {
      if (l.items.length > 0) {
        l.items = items;
        throw pyErr(ValueError, 'list modified during sort');
      }
      l.items = items;
    }
    l.items = sorted;
    return None;
  });
  method(L, '__sizeof__', (a) => 40 + 8 * a[0].items.length);
  classMethod(L, '__class_getitem__', (a) => genericAliasRef.make(a[0], a[1]));

  // ---- tuple
  const T = tupleType;
  T.ns.setStr('__new__', staticNew((a, kw) => {
    noKw('tuple', kw);
    arity('tuple', a, 0, 1, 1);
    const t = a[0] as PyType;
    const items = a.length > 1 ? toArray(a[1]) : [];
    if (t === tupleType) return a.length > 1 && a[1] instanceof PyTuple && a[1].cls === tupleType ? a[1] : newTuple(items);
    return new PyTuple(t, items);
  }));
  method(T, '__repr__', (a) => tupleRepr(a[0]));
  method(T, '__len__', (a) => a[0].items.length);
  method(T, '__iter__', (a) => new SeqIter(tupleIteratorType, a[0].items, null));
  method(T, '__getitem__', (a) => {
    if (a[1] instanceof PySlice) return newTuple(sliceArray(a[0].items, a[1]));
    return getItem(newTuple(a[0].items), a[1]);
  });
  method(T, '__contains__', (a) => indexIn(a[0].items, a[1], 0, a[0].items.length) >= 0);
  method(T, '__hash__', (a) => {
    const t = a[0] as PyTuple;
    if (t.hash === undefined) t.hash = hashTupleItems(t.items);
    return t.hash;
  });
  method(T, '__add__', (a) => {
    if (!(a[1] instanceof PyTuple)) throw pyErr(TypeError, `can only concatenate tuple (not "${typeName(a[1])}") to tuple`);
    return newTuple(a[0].items.concat(a[1].items));
  });
  method(T, '__mul__', (a) => newTuple(repeat(a[0].items, repeatCount(a[1]))));
  method(T, '__rmul__', (a) => newTuple(repeat(a[0].items, repeatCount(a[1]))));
  cmps.forEach((name, op) =>
    method(T, name, (a) => {
      if (!(a[1] instanceof PyTuple)) return NotImplemented;
      if ((op === 2 || op === 3) && a[0].items.length !== a[1].items.length) return op === 3;
      return seqCompare(a[0].items, a[1].items, op);
    }),
  );
  method(T, 'index', (a) => {
    arity('index', a, 1, 3, 1);
    const items = a[0].items;
    const [start, stop] = clampStartStop(a, items.length, 2);
    const i = indexIn(items, a[1], start, stop);
    if (i < 0) throw pyErr(ValueError, 'tuple.index(x): x not in tuple');
    return i;
  });
  method(T, 'count', (a) => {
    let n = 0;
    for (const x of a[0].items) if (x === a[1] || eq(x, a[1])) n++;
    return n;
  });
  method(T, '__getnewargs__', (a) => newTuple([newTuple(a[0].items)]));
  classMethod(T, '__class_getitem__', (a) => genericAliasRef.make(a[0], a[1]));
  void contains;
  void len;
  void sliceIndices;
  void hash;
  void typeOf;
}

export const reprRef: { f: (v: any) => string } = { f: String };
export const genericAliasRef = { make: null as unknown as (origin: any, args: any) => any };
export type { PyKwargs };
