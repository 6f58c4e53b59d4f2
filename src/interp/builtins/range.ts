// range and slice objects.

import { getset, method, arity } from '../bi.js';
import { intOf } from '../arith.js';
import { sliceIndices, toIndex } from '../containers.js';
import { IndexError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { rangeIter } from '../iterators.js';
import { PyRange, PySlice } from '../objects.js';
import { eq, hash, newTuple, None, NotImplemented, typeName } from '../protocol.js';
import { rangeType, sliceType } from '../typeobj.js';
import { staticNew } from './numbers.js';
import { repr } from './repr.js';
import { hashTupleItems } from './hashing.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
function norm(b: bigint): number | bigint {
  return b >= -MAX && b <= MAX ? Number(b) : b;
}

export function makeRange(start: number | bigint, stop: number | bigint, step: number | bigint): PyRange {
  if (step === 0 || step === 0n) throw pyErr(ValueError, 'range() arg 3 must not be zero');
  let length: number | bigint;
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0) length = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    else length = start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  } else {
    const a = BigInt(start);
    const b = BigInt(stop);
    const c = BigInt(step);
    let l: bigint;
    if (c > 0n) l = a < b ? (b - a - 1n) / c + 1n : 0n;
    else l = a > b ? (a - b - 1n) / -c + 1n : 0n;
    length = norm(l);
  }
  return new PyRange(rangeType, start, stop, step, length);
}

function rangeIndexArg(v: any): number | bigint {
  const i = intOf(v);
  if (i !== null) return i;
  return toIndex(v, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

function rangeItem(r: PyRange, i: number | bigint): number | bigint {
  if (typeof r.start === 'number' && typeof r.step === 'number' && typeof i === 'number') {
    const v = r.start + i * r.step;
    if (Math.abs(v) <= Number.MAX_SAFE_INTEGER) return v;
  }
  return norm(BigInt(r.start) + BigInt(i) * BigInt(r.step));
}

function rangeContains(r: PyRange, v: number | bigint): boolean {
  const x = BigInt(v);
  const a = BigInt(r.start);
  const b = BigInt(r.stop);
  const c = BigInt(r.step);
  if (c > 0n ? x < a || x >= b : x > a || x <= b) return false;
  return (x - a) % c === 0n;
}

export function installRange(): void {
  const R = rangeType;
  R.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'range() takes no keyword arguments');
    const n = a.length - 1;
    if (n === 0) throw pyErr(TypeError, 'range expected at least 1 argument, got 0');
    if (n > 3) throw pyErr(TypeError, `range expected at most 3 arguments, got ${n}`);
    if (n === 1) return makeRange(0, rangeIndexArg(a[1]), 1);
    return makeRange(rangeIndexArg(a[1]), rangeIndexArg(a[2]), n === 3 ? rangeIndexArg(a[3]) : 1);
  }));
  method(R, '__repr__', (a) => {
    const r = a[0] as PyRange;
    return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
  });
  method(R, '__len__', (a) => {
    const l = (a[0] as PyRange).length;
    if (typeof l === 'bigint') throw pyErr(overflowRef.t, 'Python int too large to convert to C ssize_t');
    return l;
  });
  method(R, '__bool__', (a) => (a[0] as PyRange).length !== 0);
  method(R, '__iter__', (a) => rangeIter(a[0]));
  method(R, '__reversed__', (a) => {
    const r = a[0] as PyRange;
    const n = r.length;
    if (n === 0 || n === 0n) return rangeIter(makeRange(0, 0, 1));
    const last = rangeItem(r, typeof n === 'number' ? n - 1 : (n as bigint) - 1n);
    const neg = typeof r.step === 'number' ? -r.step : -(r.step as bigint);
    return rangeIter(new PyRange(rangeType, last, norm(BigInt(last) + BigInt(neg) * BigInt(n)), norm(BigInt(neg)), n));
  });
  method(R, '__getitem__', (a) => {
    const r = a[0] as PyRange;
    const k = a[1];
    if (k instanceof PySlice) {
      const len = typeof r.length === 'number' ? r.length : Number.MAX_SAFE_INTEGER;
      const [start, , step, count] = sliceIndices(k, len);
      const s0 = rangeItem(r, start);
      const st = norm(BigInt(r.step) * BigInt(step));
      return new PyRange(rangeType, s0, norm(BigInt(s0) + BigInt(st) * BigInt(count)), st, count);
    }
    const i0 = intOf(k) ?? toIndex(k, `range indices must be integers or slices, not ${typeName(k)}`);
    const n = r.length;
    let i: number | bigint = i0;
    if (typeof i === 'number' && typeof n === 'number') {
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw pyErr(IndexError, 'range object index out of range');
    } else {
      let bi = BigInt(i);
      const bn = BigInt(n);
      if (bi < 0n) bi += bn;
      if (bi < 0n || bi >= bn) throw pyErr(IndexError, 'range object index out of range');
      i = norm(bi);
    }
    return rangeItem(r, i);
  });
  method(R, '__contains__', (a) => {
    const v = a[1];
    const i = typeof v === 'boolean' ? (v ? 1 : 0) : intOf(v);
    if (i !== null && (typeof v !== 'object')) return rangeContains(a[0], i);
    const r = a[0] as PyRange;
    const n = typeof r.length === 'number' ? r.length : Number.MAX_SAFE_INTEGER;
    for (let j = 0; j < n; j++) if (eq(rangeItem(r, j), v)) return true;
    return false;
  });
  method(R, 'index', (a) => {
    const r = a[0] as PyRange;
    const v = intOf(a[1]);
    if (v !== null && rangeContains(r, v)) return norm((BigInt(v) - BigInt(r.start)) / BigInt(r.step));
    throw pyErr(ValueError, `${repr(a[1])} is not in range`);
  });
  method(R, 'count', (a) => {
    const v = intOf(a[1]);
    return v !== null && rangeContains(a[0], v) ? 1 : 0;
  });
  const rangeEq = (x: PyRange, y: PyRange): boolean => {
    if (x.length != y.length) return false; // eslint-disable-line eqeqeq
    if (x.length == 0) return true; // eslint-disable-line eqeqeq
    if (x.start != y.start) return false; // eslint-disable-line eqeqeq
    if (x.length == 1) return true; // eslint-disable-line eqeqeq
    return x.step == y.step; // eslint-disable-line eqeqeq
  };
  method(R, '__eq__', (a) => (a[1] instanceof PyRange ? rangeEq(a[0], a[1]) : NotImplemented));
  method(R, '__ne__', (a) => (a[1] instanceof PyRange ? !rangeEq(a[0], a[1]) : NotImplemented));
  method(R, '__hash__', (a) => {
    const r = a[0] as PyRange;
    if (r.length == 0) return hashTupleItems([0, None, None]); // eslint-disable-line eqeqeq
    if (r.length == 1) return hashTupleItems([1, r.start, None]); // eslint-disable-line eqeqeq
    return hashTupleItems([r.length, r.start, r.step]);
  });
  getset(R, 'start', (r: PyRange) => r.start);
  getset(R, 'stop', (r: PyRange) => r.stop);
  getset(R, 'step', (r: PyRange) => r.step);

  // ---- slice
  const S = sliceType;
  S.ns.setStr('__new__', staticNew((a) => {
    arity('slice', a, 1, 3, 1);
    if (a.length === 2) return new PySlice(sliceType, None, a[1], None);
    return new PySlice(sliceType, a[1], a[2], a.length > 3 ? a[3] : None);
  }));
  method(S, '__repr__', (a) => `slice(${repr(a[0].start)}, ${repr(a[0].stop)}, ${repr(a[0].step)})`);
  method(S, 'indices', (a) => {
    const n = toIndex(a[1]);
    if (typeof n !== 'number' || n < 0) throw pyErr(ValueError, 'length should not be negative');
    const [start, stop, step] = sliceIndices(a[0], n);
    return newTuple([start, stop, step]);
  });
  const sliceEq = (x: PySlice, y: PySlice): boolean => eq(newTuple([x.start, x.stop, x.step]), newTuple([y.start, y.stop, y.step]));
  method(S, '__eq__', (a) => (a[1] instanceof PySlice ? sliceEq(a[0], a[1]) : NotImplemented));
  method(S, '__ne__', (a) => (a[1] instanceof PySlice ? !sliceEq(a[0], a[1]) : NotImplemented));
  S.ns.setStr('__hash__', None);
  getset(S, 'start', (s: PySlice) => s.start);
  getset(S, 'stop', (s: PySlice) => s.stop);
  getset(S, 'step', (s: PySlice) => s.step);
  void hash;
}

export const overflowRef: { t: any } = { t: null };
