// list and tuple: constructors, sequence protocol and methods (Objects/listobject.c,
// Objects/tupleobject.c of CPython 3.11, with their argument-clinic messages).
//
// A PyList's `items` array may be replaced (slice deletion, clear, sort), so code holding
// on to a list re-reads `items`; iterators hold the list, not the array. list.sort() runs
// CPython's timsort (sort.ts) with the list emptied while it runs, so a key function or
// comparison that mutates the list is detected ("list modified during sort").

import { classMethod, exactlyOne, method, noArgs, noKw, unpackArity } from '../bi.js';
import { compareOp, seqCompare } from '../arith.js';
import { delItem, getItem, listDelSlice, listSetSlice, setItem, sliceArray, toIndex } from '../containers.js';
import { IndexError, MemoryError, OverflowError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { listIteratorType, ReverseSeqIter, SeqIter, tupleIteratorType } from '../iterators.js';
import { type PyKwargs, PyList, PySlice, PyTuple } from '../objects.js';
import { call, isTrue, eq, newList, newTuple, None, NotImplemented, toArray, typeName, typeOf } from '../protocol.js';
import { listType, PyType, tupleType } from '../typeobj.js';
import { listRepr, tupleRepr } from './repr.js';
import { staticNew } from './numbers.js';
import { hashTupleItems } from './hashing.js';
import { timsort } from './sort.js';

const MAXSIZE = 2 ** 63 - 1;

/** n for `seq * n`: CPython's "can't multiply sequence by non-int" and ssize_t overflow. */
function repeatCount(n: any): number {
  const i = toIndex(n, `can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof i === 'bigint') throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  return i < 0 ? 0 : i;
}

function isIndexable(v: any): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || typeOf(v).lookup('__index__') !== undefined;
}

/** An argument converted to Py_ssize_t (OverflowError beyond 64 bits). */
export function ssizeArg(v: any): number {
  const i = toIndex(v);
  if (typeof i === 'bigint') {
    if (i > BigInt(MAXSIZE) || i < -BigInt(MAXSIZE) - 1n) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    return Number(i);
  }
  return i;
}

/** _PyEval_SliceIndexNotNone: an index argument clamped to the ssize_t range. */
export function sliceIndexArg(v: any): number {
  const i = toIndex(v, 'slice indices must be integers or have an __index__ method');
  if (typeof i === 'bigint') return i > 0n ? MAXSIZE : -MAXSIZE - 1;
  return i;
}

export const overflowRef: { t: PyType } = { t: null as unknown as PyType };

function repeat<T>(items: T[], n: number): T[] {
  if (n === 0 || items.length === 0) return [];
  if (items.length * n > 2 ** 32) throw pyErr(MemoryError, '');
  if (items.length === 1) return new Array<T>(n).fill(items[0]);
  const out: T[] = new Array(items.length * n);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < items.length; j++) out[k++] = items[j];
  return out;
}

function indexIn(items: any[], v: any, start: number, stop: number): number {
  for (let i = start; i < stop && i < items.length; i++) {
    const x = items[i];
    if (x === v || eq(x, v)) return i;
  }
  return -1;
}

/** index(value, start, stop) bounds, normalised like list.index / tuple.index. */
function startStop(a: any[], n: number): [number, number] {
  let start = a.length > 2 ? sliceIndexArg(a[2]) : 0;
  let stop = a.length > 3 ? sliceIndexArg(a[3]) : MAXSIZE;
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  return [start, stop];
}

/** Python's `a < b` as a boolean, with the common cases inline. */
export function pyLess(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const r = compareOp(a, b, 0);
  return r === true ? true : r === false ? false : isTrue(r);
}

/** Parse sort()'s keyword-only arguments (key=None, reverse=False). */
export function sortArgs(kw: PyKwargs | null): [any, boolean] {
  let key: any = None;
  let reverse = false;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'key') key = v;
      else if (k === 'reverse') {
        if (typeof v === 'boolean') reverse = v;
        else reverse = toIndex(v) != 0; // eslint-disable-line eqeqeq
      } else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for sort()`);
    }
  }
  return [key, reverse];
}

/** list.sort(key=, reverse=) on a list object (also used by sorted()). */
export function listSort(l: PyList, key: any, reverse: boolean): void {
  const items = l.items;
  const empty: any[] = [];
  l.items = empty;
  let error: unknown = undefined;
  try {
    if (key === None) timsort(items, null, pyLess, reverse);
    else {
      const keys = new Array(items.length);
      for (let i = 0; i < items.length; i++) keys[i] = call(key, [items[i]]);
      timsort(keys, items, pyLess, reverse);
    }
  } catch (e) {
    error = e;
  }
  const modified = l.items !== empty || empty.length !== 0;
  l.items = items;
  if (error !== undefined) throw error;
  if (modified) throw pyErr(ValueError, 'list modified during sort');
}

/** Wrap a builtin method so keyword arguments are refused with `who`'s message. */
function posOnly(who: string, f: (a: any[]) => any): (a: any[], kw: PyKwargs | null) => any {
  return (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${who}() takes no keyword arguments`);
    return f(a);
  };
}

const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

export function installList(): void {
  const L = listType;
  L.ns.setStr('__new__', staticNew((a) => new PyList(a[0], [])));
  method(L, '__init__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'list() takes no keyword arguments');
    if (a.length > 2) throw pyErr(TypeError, `list expected at most 1 argument, got ${a.length - 1}`);
    const l = a[0] as PyList;
    if (l.items.length > 0) l.items = [];
    if (a.length > 1) {
      const src = toArray(a[1]);
      if (l.items.length === 0) l.items = src;
      else for (const x of src) l.items.push(x);
    }
    return None;
  });
  method(L, '__repr__', (a) => listRepr(a[0]));
  method(L, '__len__', (a) => a[0].items.length);
  method(L, '__iter__', (a) => new SeqIter(listIteratorType, a[0].items, a[0]));
  method(L, '__reversed__', (a) => new ReverseSeqIter(a[0]));
  method(L, '__getitem__', posOnly('list.__getitem__', (a) => {
    exactlyOne('list.__getitem__', a, 1);
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) return new PyList(listType, sliceArray(l.items, a[1]));
    return getItem(new PyList(listType, l.items), a[1]);
  }));
  method(L, '__setitem__', (a) => {
    unpackArity('__setitem__', a, 2, 2, 1);
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) listSetSlice(l, a[1], a[2]);
    else setItem(new PyList(listType, l.items), a[1], a[2]);
    return None;
  });
  method(L, '__delitem__', (a) => {
    exactlyOne('list.__delitem__', a, 1);
    const l = a[0] as PyList;
    if (a[1] instanceof PySlice) listDelSlice(l, a[1]);
    else delItem(new PyList(listType, l.items), a[1]);
    return None;
  });
  method(L, '__contains__', (a) => indexIn(a[0].items, a[1], 0, a[0].items.length) >= 0);
  method(L, '__add__', (a) => {
    if (!(a[1] instanceof PyList)) throw pyErr(TypeError, `can only concatenate list (not "${typeName(a[1])}") to list`);
    return newList(a[0].items.concat(a[1].items));
  });
  method(L, '__iadd__', (a) => {
    const l = a[0] as PyList;
    const src = a[1] === l ? l.items.slice() : toArray(a[1]);
    for (const x of src) l.items.push(x);
    return l;
  });
  method(L, '__mul__', (a) => newList(repeat(a[0].items, repeatCount(a[1]))));
  // `n * seq` reaches __rmul__ only through the operator protocol, where a non-index left
  // operand must get NotImplemented (CPython's sq_repeat is not an nb_multiply slot).
  method(L, '__rmul__', (a) => (isIndexable(a[1]) ? newList(repeat(a[0].items, repeatCount(a[1]))) : NotImplemented));
  method(L, '__imul__', (a) => {
    const l = a[0] as PyList;
    const n = repeatCount(a[1]);
    l.items = n === 1 ? l.items : repeat(l.items, n);
    return l;
  });
  CMP_NAMES.forEach((name, op) =>
    method(L, name, (a) => {
      if (!(a[1] instanceof PyList)) return NotImplemented;
      if ((op === 2 || op === 3) && a[0].items.length !== a[1].items.length) return op === 3;
      return seqCompare(a[0].items, a[1].items, op);
    }),
  );
  L.ns.setStr('__hash__', None);
  method(L, 'append', (a, kw) => {
    if (a.length !== 2 || kw !== null) {
      if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'list.append() takes no keyword arguments');
      exactlyOne('list.append', a, 1);
    }
    a[0].items.push(a[1]);
    return None;
  });
  method(L, 'extend', posOnly('list.extend', (a) => {
    exactlyOne('list.extend', a, 1);
    const l = a[0] as PyList;
    const src = a[1] === l ? l.items.slice() : toArray(a[1]);
    for (const x of src) l.items.push(x);
    return None;
  }));
  method(L, 'insert', posOnly('list.insert', (a) => {
    unpackArity('insert', a, 2, 2, 1);
    const l = a[0] as PyList;
    let i = ssizeArg(a[1]);
    const n = l.items.length;
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (i === n) l.items.push(a[2]);
    else l.items.splice(i, 0, a[2]);
    return None;
  }));
  method(L, 'pop', posOnly('list.pop', (a) => {
    unpackArity('pop', a, 0, 1, 1);
    const l = a[0] as PyList;
    let i = a.length > 1 ? ssizeArg(a[1]) : -1;
    const n = l.items.length;
    if (n === 0) throw pyErr(IndexError, 'pop from empty list');
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw pyErr(IndexError, 'pop index out of range');
    if (i === n - 1) return l.items.pop();
    return l.items.splice(i, 1)[0];
  }));
  method(L, 'remove', posOnly('list.remove', (a) => {
    exactlyOne('list.remove', a, 1);
    const l = a[0] as PyList;
    const i = indexIn(l.items, a[1], 0, l.items.length);
    if (i < 0) throw pyErr(ValueError, 'list.remove(x): x not in list');
    l.items.splice(i, 1);
    return None;
  }));
  method(L, 'index', posOnly('list.index', (a) => {
    unpackArity('index', a, 1, 3, 1);
    const l = a[0] as PyList;
    const [start, stop] = startStop(a, l.items.length);
    const i = indexIn(l.items, a[1], start, stop);
    if (i < 0) throw pyErr(ValueError, `${reprRef.f(a[1])} is not in list`);
    return i;
  }));
  method(L, 'count', posOnly('list.count', (a) => {
    exactlyOne('list.count', a, 1);
    let n = 0;
    const items = a[0].items;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (x === a[1] || eq(x, a[1])) n++;
    }
    return n;
  }));
  method(L, 'reverse', posOnly('list.reverse', (a) => {
    noArgs('list.reverse', a, 1);
    a[0].items.reverse();
    return None;
  }));
  method(L, 'copy', posOnly('list.copy', (a) => {
    noArgs('list.copy', a, 1);
    return newList(a[0].items.slice());
  }));
  method(L, 'clear', posOnly('list.clear', (a) => {
    noArgs('list.clear', a, 1);
    if (a[0].items.length > 0) a[0].items = [];
    return None;
  }));
  method(L, 'sort', (a, kw) => {
    if (a.length > 1) throw pyErr(TypeError, 'sort() takes no positional arguments');
    const [key, reverse] = sortArgs(kw);
    listSort(a[0], key, reverse);
    return None;
  });
  method(L, '__sizeof__', (a) => 40 + 8 * a[0].items.length);
  classMethod(L, '__class_getitem__', (a) => genericAliasRef.make(a[0], a[1]));

  // ---- tuple
  const T = tupleType;
  T.ns.setStr('__new__', staticNew((a, kw) => {
    noKw('tuple', kw);
    if (a.length > 2) throw pyErr(TypeError, `tuple expected at most 1 argument, got ${a.length - 1}`);
    const t = a[0] as PyType;
    if (t === tupleType) {
      if (a.length < 2) return newTuple([]);
      if (a[1] instanceof PyTuple && a[1].cls === tupleType) return a[1];
      return newTuple(toArray(a[1]));
    }
    return new PyTuple(t, a.length > 1 ? toArray(a[1]) : []);
  }));
  method(T, '__repr__', (a) => tupleRepr(a[0]));
  method(T, '__len__', (a) => a[0].items.length);
  method(T, '__iter__', (a) => new SeqIter(tupleIteratorType, a[0].items, null));
  method(T, '__getitem__', posOnly('tuple.__getitem__', (a) => {
    exactlyOne('tuple.__getitem__', a, 1);
    const t = a[0] as PyTuple;
    if (a[1] instanceof PySlice) {
      const items = sliceArray(t.items, a[1]);
      return items.length === t.items.length && t.cls === tupleType ? t : newTuple(items);
    }
    return getItem(t.cls === tupleType ? t : newTuple(t.items), a[1]);
  }));
  method(T, '__contains__', (a) => indexIn(a[0].items, a[1], 0, a[0].items.length) >= 0);
  method(T, '__hash__', (a) => {
    const t = a[0] as PyTuple;
    if (t.hash === undefined) t.hash = hashTupleItems(t.items);
    return t.hash;
  });
  method(T, '__add__', (a) => {
    if (!(a[1] instanceof PyTuple)) throw pyErr(TypeError, `can only concatenate tuple (not "${typeName(a[1])}") to tuple`);
    if (a[1].items.length === 0 && a[0].cls === tupleType) return a[0];
    return newTuple(a[0].items.concat(a[1].items));
  });
  const tupleMul = (a: any[]): any => {
    const n = repeatCount(a[1]);
    if (n === 1 && a[0].cls === tupleType) return a[0];
    return newTuple(repeat(a[0].items, n));
  };
  method(T, '__mul__', tupleMul);
  method(T, '__rmul__', (a) => (isIndexable(a[1]) ? tupleMul(a) : NotImplemented));
  CMP_NAMES.forEach((name, op) =>
    method(T, name, (a) => {
      if (!(a[1] instanceof PyTuple)) return NotImplemented;
      if ((op === 2 || op === 3) && a[0].items.length !== a[1].items.length) return op === 3;
      return seqCompare(a[0].items, a[1].items, op);
    }),
  );
  method(T, 'index', posOnly('tuple.index', (a) => {
    unpackArity('index', a, 1, 3, 1);
    const items = a[0].items;
    const [start, stop] = startStop(a, items.length);
    const i = indexIn(items, a[1], start, stop);
    if (i < 0) throw pyErr(ValueError, 'tuple.index(x): x not in tuple');
    return i;
  }));
  method(T, 'count', posOnly('tuple.count', (a) => {
    exactlyOne('tuple.count', a, 1);
    let n = 0;
    for (const x of a[0].items) if (x === a[1] || eq(x, a[1])) n++;
    return n;
  }));
  method(T, '__getnewargs__', (a) => newTuple([newTuple(a[0].items)]));
  method(T, '__sizeof__', (a) => 24 + 8 * a[0].items.length);
  classMethod(T, '__class_getitem__', (a) => genericAliasRef.make(a[0], a[1]));
}

export const reprRef: { f: (v: any) => string } = { f: String };
export const genericAliasRef = { make: null as unknown as (origin: any, args: any) => any };
export type { PyKwargs };
