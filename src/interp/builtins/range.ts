// range and slice objects (Objects/rangeobject.c, Objects/sliceobject.c of CPython 3.11).
//
// A PyRange stores start, stop, step and length as canonical ints (number when safe,
// else bigint), so ranges far beyond 2**53 index, slice, test membership and compare
// exactly; len() fails only past sys.maxsize, like CPython's Py_ssize_t. Membership and
// index/count of ints are arithmetic; other values fall back to iteration with ==.

import { exactlyOne, getset, method, readonlyMember, unpackArity } from '../bi.js';
import { intOf } from '../arith.js';
import { sliceIndices, toIndex } from '../containers.js';
import { IndexError, OverflowError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { rangeIter } from '../iterators.js';
import { PyRange, PySlice, type PyKwargs } from '../objects.js';
import { eq, getIter, iterNext, newTuple, None, NotImplemented, typeName } from '../protocol.js';
import { rangeType, sliceType } from '../typeobj.js';
import { staticNew } from './numbers.js';
import { repr } from './repr.js';
import { hashTupleItems } from './hashing.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const SSIZE_MAX = (1n << 63n) - 1n;

function norm(b: bigint): number | bigint {
  return b >= -MAX && b <= MAX ? Number(b) : b;
}

/** Number of elements of range(start, stop, step) (compute_range_length). */
function rangeLength(start: number | bigint, stop: number | bigint, step: number | bigint): number | bigint {
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = BigInt(start);
  const b = BigInt(stop);
  const c = BigInt(step);
  if (c > 0n) return norm(a < b ? (b - a - 1n) / c + 1n : 0n);
  return norm(a > b ? (a - b - 1n) / -c + 1n : 0n);
}

export function makeRange(start: number | bigint, stop: number | bigint, step: number | bigint): PyRange {
  if (step === 0 || step === 0n) throw pyErr(ValueError, 'range() arg 3 must not be zero');
  return new PyRange(rangeType, start, stop, step, rangeLength(start, stop, step));
}

function rangeArg(v: any): number | bigint {
  const i = intOf(v);
  if (i !== null) return i;
  return toIndex(v);
}

/** start + i*step for an index already known to be in range. */
function rangeItem(r: PyRange, i: number | bigint): number | bigint {
  if (typeof r.start === 'number' && typeof r.step === 'number' && typeof i === 'number') {
    const v = r.start + i * r.step;
    if (Math.abs(v) <= Number.MAX_SAFE_INTEGER) return v;
  }
  return norm(BigInt(r.start) + BigInt(i) * BigInt(r.step));
}

function rangeContainsInt(r: PyRange, v: number | bigint): boolean {
  if (typeof v === 'number' && typeof r.start === 'number' && typeof r.stop === 'number' && typeof r.step === 'number') {
    const { start, stop, step } = r;
    if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return false;
    return (v - start) % step === 0;
  }
  const x = BigInt(v);
  const a = BigInt(r.start);
  const b = BigInt(r.stop);
  const c = BigInt(r.step);
  if (c > 0n ? x < a || x >= b : x > a || x <= b) return false;
  return (x - a) % c === 0n;
}

/** Exact int or bool (not an int subclass): arithmetic membership applies. */
function exactInt(v: any): number | bigint | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** slice.indices for arbitrary-precision lengths (_PySlice_GetLongIndices). */
function bigSliceIndices(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  const idx = (v: any): bigint => BigInt(toIndex(v, 'slice indices must be integers or None or have an __index__ method'));
  const step = s.step === None ? 1n : idx(s.step);
  if (step === 0n) throw pyErr(ValueError, 'slice step cannot be zero');
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  const clamp = (v: any, dflt: bigint): bigint => {
    if (v === None) return dflt;
    let x = idx(v);
    if (x < 0n) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) x = upper;
    return x;
  };
  return [clamp(s.start, neg ? upper : lower), clamp(s.stop, neg ? lower : upper), step];
}

function rangeSlice(r: PyRange, k: PySlice): PyRange {
  if (typeof r.length === 'number') {
    const [start, stop, step] = sliceIndices(k, r.length);
    const st = norm(BigInt(r.step) * BigInt(step));
    return new PyRange(rangeType, rangeItemOrEnd(r, start), rangeItemOrEnd(r, stop), st, rangeLength(rangeItemOrEnd(r, start), rangeItemOrEnd(r, stop), st));
  }
  const [start, stop, step] = bigSliceIndices(k, BigInt(r.length));
  const a = BigInt(r.start);
  const c = BigInt(r.step);
  const ns = norm(a + start * c);
  const ne = norm(a + stop * c);
  const nst = norm(c * step);
  return new PyRange(rangeType, ns, ne, nst, rangeLength(ns, ne, nst));
}

/** start + i*step where i may be -1 or len (slice bounds). */
function rangeItemOrEnd(r: PyRange, i: number): number | bigint {
  return norm(BigInt(r.start) + BigInt(i) * BigInt(r.step));
}

function rangeEq(x: PyRange, y: PyRange): boolean {
  if (x === y) return true;
  if (x.length != y.length) return false; // eslint-disable-line eqeqeq
  if (x.length == 0) return true; // eslint-disable-line eqeqeq
  if (x.start != y.start) return false; // eslint-disable-line eqeqeq
  if (x.length == 1) return true; // eslint-disable-line eqeqeq
  return x.step == y.step; // eslint-disable-line eqeqeq
}

function noKwargs(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

export function installRange(): void {
  const R = rangeType;
  R.ns.setStr('__new__', staticNew((a, kw) => {
    noKwargs('range', kw);
    const n = a.length - 1;
    if (n === 0) throw pyErr(TypeError, 'range expected at least 1 argument, got 0');
    if (n > 3) throw pyErr(TypeError, `range expected at most 3 arguments, got ${n}`);
    if (n === 1) return makeRange(0, rangeArg(a[1]), 1);
    return makeRange(rangeArg(a[1]), rangeArg(a[2]), n === 3 ? rangeArg(a[3]) : 1);
  }));
  method(R, '__repr__', (a) => {
    const r = a[0] as PyRange;
    return r.step === 1 ? `range(${repr(r.start)}, ${repr(r.stop)})` : `range(${repr(r.start)}, ${repr(r.stop)}, ${repr(r.step)})`;
  });
  method(R, '__len__', (a) => {
    const l = (a[0] as PyRange).length;
    if (typeof l === 'bigint' && l > SSIZE_MAX) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
    return l;
  });
  method(R, '__bool__', (a) => (a[0] as PyRange).length != 0); // eslint-disable-line eqeqeq
  method(R, '__iter__', (a) => rangeIter(a[0]));
  method(R, '__reversed__', (a) => {
    const r = a[0] as PyRange;
    const n = r.length;
    if (n == 0) return rangeIter(makeRange(0, 0, 1)); // eslint-disable-line eqeqeq
    const last = rangeItem(r, typeof n === 'number' ? n - 1 : norm(n - 1n));
    const neg = norm(-BigInt(r.step));
    return rangeIter(new PyRange(rangeType, last, norm(BigInt(last) + BigInt(neg) * BigInt(n)), neg, n));
  });
  method(R, '__getitem__', (a) => {
    const r = a[0] as PyRange;
    const k = a[1];
    if (k instanceof PySlice) return rangeSlice(r, k);
    const i0 = intOf(k) ?? toIndex(k, `range indices must be integers or slices, not ${typeName(k)}`);
    const n = r.length;
    if (typeof i0 === 'number' && typeof n === 'number') {
      const i = i0 < 0 ? i0 + n : i0;
      if (i < 0 || i >= n) throw pyErr(IndexError, 'range object index out of range');
      return rangeItem(r, i);
    }
    let bi = BigInt(i0);
    const bn = BigInt(n);
    if (bi < 0n) bi += bn;
    if (bi < 0n || bi >= bn) throw pyErr(IndexError, 'range object index out of range');
    return rangeItem(r, norm(bi));
  });
  method(R, '__contains__', (a) => {
    const r = a[0] as PyRange;
    const i = exactInt(a[1]);
    if (i !== null) return rangeContainsInt(r, i);
    const it = getIter(r);
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) return false;
      if (eq(x, a[1])) return true;
    }
  });
  method(R, 'index', (a) => {
    exactlyOne('range.index', a, 1);
    const r = a[0] as PyRange;
    const v = exactInt(a[1]);
    if (v !== null) {
      if (rangeContainsInt(r, v)) return norm((BigInt(v) - BigInt(r.start)) / BigInt(r.step));
    } else {
      const it = getIter(r);
      for (let i = 0; ; i++) {
        const x = iterNext(it);
        if (x === undefined) break;
        if (eq(x, a[1])) return i;
      }
      throw pyErr(ValueError, 'sequence.index(x): x not in sequence');
    }
    throw pyErr(ValueError, `${repr(a[1])} is not in range`);
  });
  method(R, 'count', (a) => {
    exactlyOne('range.count', a, 1);
    const v = exactInt(a[1]);
    if (v !== null) return rangeContainsInt(a[0], v) ? 1 : 0;
    let n = 0;
    const it = getIter(a[0]);
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) return n;
      if (eq(x, a[1])) n++;
    }
  });
  method(R, '__eq__', (a) => (a[1] instanceof PyRange ? rangeEq(a[0], a[1]) : NotImplemented));
  method(R, '__ne__', (a) => (a[1] instanceof PyRange ? !rangeEq(a[0], a[1]) : NotImplemented));
  method(R, '__hash__', (a) => {
    const r = a[0] as PyRange;
    if (r.length == 0) return hashTupleItems([0, None, None]); // eslint-disable-line eqeqeq
    if (r.length == 1) return hashTupleItems([1, r.start, None]); // eslint-disable-line eqeqeq
    return hashTupleItems([r.length, r.start, r.step]);
  });
  method(R, '__reduce__', (a) => {
    const r = a[0] as PyRange;
    return newTuple([rangeType, newTuple([r.start, r.stop, r.step])]);
  });
  readonlyMember(R, 'start', (r: PyRange) => r.start);
  readonlyMember(R, 'stop', (r: PyRange) => r.stop);
  readonlyMember(R, 'step', (r: PyRange) => r.step);

  // ---- slice
  const S = sliceType;
  S.ns.setStr('__new__', staticNew((a, kw) => {
    noKwargs('slice', kw);
    unpackArity('slice', a, 1, 3, 1);
    if (a.length === 2) return new PySlice(sliceType, None, a[1], None);
    return new PySlice(sliceType, a[1], a[2], a.length > 3 ? a[3] : None);
  }));
  method(S, '__repr__', (a) => `slice(${repr(a[0].start)}, ${repr(a[0].stop)}, ${repr(a[0].step)})`);
  method(S, 'indices', (a) => {
    exactlyOne('slice.indices', a, 1);
    const n = BigInt(toIndex(a[1]));
    if (n < 0n) throw pyErr(ValueError, 'length should not be negative');
    const [start, stop, step] = bigSliceIndices(a[0], n);
    return newTuple([norm(start), norm(stop), norm(step)]);
  });
  method(S, '__reduce__', (a) => newTuple([sliceType, newTuple([a[0].start, a[0].stop, a[0].step])]));
  const sliceCmp = (x: PySlice, y: PySlice, op: number): any => {
    const tx = newTuple([x.start, x.stop, x.step]);
    const ty = newTuple([y.start, y.stop, y.step]);
    return compareTuples(tx, ty, op);
  };
  ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
    method(S, name, (a) => (a[1] instanceof PySlice ? sliceCmp(a[0], a[1], op) : NotImplemented));
  });
  S.ns.setStr('__hash__', None);
  readonlyMember(S, 'start', (s: PySlice) => s.start);
  readonlyMember(S, 'stop', (s: PySlice) => s.stop);
  readonlyMember(S, 'step', (s: PySlice) => s.step);
}

function compareTuples(x: any, y: any, op: number): any {
  const f = x.cls.lookup(['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'][op]);
  return f.fn([x, y], null);
}

export const overflowRef: { t: any } = { t: null };
