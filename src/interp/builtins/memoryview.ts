// memoryview over bytes and bytearray (Objects/memoryobject.c, format 'B' only).
//
// A view keeps its exporter and reads through it, so a view of a bytearray sees later
// writes; slicing gives a view with a start, step and length over the same bytes.
// Views of bytearray are writable (item and same-length slice assignment). release()
// and the context manager end the view: later use raises CPython's ValueError.

import { getset, method, exactlyOne } from '../bi.js';
import { intOf } from '../arith.js';
import { sliceIndices, toIndex } from '../containers.js';
import { IndexError, pyErr, TypeError, ValueError, NotImplementedError } from '../exceptions.js';
import { PyByteArray, PyBytes, PyIterator, PyObject, PySlice, PyTuple } from '../objects.js';
import { newList, newTuple, None, NotImplemented, typeName } from '../protocol.js';
import { bytesType, iteratorType, PyType } from '../typeobj.js';
import { staticNew } from './numbers.js';
import { addr } from './repr.js';
import { hashResult } from './hashing.js';
import { memoryviewBytesRef } from './fileio.js';
import { stopIteration } from '../generators.js';

export const memoryviewType = iteratorType('memoryview');
const memoryIteratorType = iteratorType('memory_iterator');

export class PyMemoryView extends PyObject {
  released = false;
  constructor(readonly obj: PyBytes | PyByteArray, readonly start: number, readonly step: number, readonly length: number) {
    super();
    this.cls = memoryviewType;
  }
  private base(): Uint8Array {
    if (this.released) throw pyErr(ValueError, 'operation forbidden on released memoryview object');
    return this.obj instanceof PyBytes ? this.obj.v : this.obj.v;
  }
  get readonly(): boolean {
    return this.obj instanceof PyBytes;
  }
  at(i: number): number {
    return this.base()[this.start + i * this.step];
  }
  set(i: number, v: number): void {
    this.base()[this.start + i * this.step] = v;
  }
  /** The viewed bytes, copied. */
  bytes(): Uint8Array {
    const b = this.base();
    if (this.step === 1) return b.slice(this.start, this.start + this.length);
    const out = new Uint8Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = b[this.start + i * this.step];
    return out;
  }
  check(): void {
    this.base();
  }
}

class MemIter extends PyIterator {
  private i = 0;
  constructor(private readonly m: PyMemoryView) {
    super();
    this.cls = memoryIteratorType;
  }
  next(): any {
    if (this.i >= this.m.length) return undefined;
    return this.m.at(this.i++);
  }
}

/** The bytes of a bytes-like object (bytes, bytearray, memoryview), or null. */
export function bytesLikeOf(v: any): Uint8Array | null {
  if (v instanceof PyBytes) return v.v;
  if (v instanceof PyByteArray) return v.bytes();
  if (v instanceof PyMemoryView) return v.bytes();
  return null;
}

function view(v: any): PyMemoryView {
  if (v instanceof PyBytes || v instanceof PyByteArray) return new PyMemoryView(v, 0, 1, v instanceof PyBytes ? v.v.length : v.len);
  if (v instanceof PyMemoryView) {
    v.check();
    return new PyMemoryView(v.obj, v.start, v.step, v.length);
  }
  throw pyErr(TypeError, `memoryview: a bytes-like object is required, not '${typeName(v)}'`);
}

function index(m: PyMemoryView, k: any): number {
  const i0 = intOf(k) ?? toIndex(k, 'memoryview: invalid slice key');
  let i = Number(i0);
  if (i < 0) i += m.length;
  if (i < 0 || i >= m.length) throw pyErr(IndexError, 'index out of bounds on dimension 1');
  return i;
}

export function installMemoryview(): void {
  memoryviewBytesRef.f = (v) => (v instanceof PyMemoryView ? v.bytes() : null);
  const M = memoryviewType;
  M.isSequenceABC = true; // Py_TPFLAGS_SEQUENCE: `case [...]` matches a memoryview
  M.ns.setStr('__new__', staticNew((a, kw) => {
    const obj = a.length > 1 ? a[1] : kw?.get('object');
    if (obj === undefined) throw pyErr(TypeError, "memoryview() missing required argument 'object' (pos 1)");
    return view(obj);
  }));
  method(M, '__repr__', (a) => (a[0].released ? `<released memory at ${addr(a[0])}>` : `<memory at ${addr(a[0])}>`));
  method(M, '__len__', (a) => {
    a[0].check();
    return a[0].length;
  });
  method(M, '__iter__', (a) => {
    a[0].check();
    return new MemIter(a[0]);
  });
  method(M, '__getitem__', (a) => {
    const m = a[0] as PyMemoryView;
    m.check();
    const k = a[1];
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, m.length);
      return new PyMemoryView(m.obj, m.start + start * m.step, m.step * step, n);
    }
    if (k instanceof PyTuple) throw pyErr(NotImplementedError, 'multi-dimensional sub-views are not implemented');
    return m.at(index(m, k));
  });
  method(M, '__setitem__', (a) => {
    const m = a[0] as PyMemoryView;
    m.check();
    if (m.readonly) throw pyErr(TypeError, 'cannot modify read-only memory');
    const k = a[1];
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, m.length);
      const src = bytesLikeOf(a[2]);
      if (src === null) throw pyErr(TypeError, `a bytes-like object is required, not '${typeName(a[2])}'`);
      if (src.length !== n) throw pyErr(ValueError, 'memoryview assignment: lvalue and rvalue have different structures');
      const copy = src.slice();
      for (let i = 0; i < n; i++) m.set(start + i * step, copy[i]);
      return None;
    }
    const v = intOf(a[2]);
    if (v === null) throw pyErr(TypeError, `memoryview: invalid type for format 'B'`);
    if (v < 0 || v > 255) throw pyErr(ValueError, "memoryview: invalid value for format 'B'");
    m.set(index(m, k), Number(v));
    return None;
  });
  method(M, '__delitem__', () => {
    throw pyErr(TypeError, 'cannot delete memory');
  });
  method(M, '__eq__', (a) => {
    const m = a[0] as PyMemoryView;
    if (m.released) return a[1] === m;
    const o = bytesLikeOf(a[1]);
    if (o === null) return NotImplemented;
    const b = m.bytes();
    return b.length === o.length && b.every((x, i) => x === o[i]);
  });
  method(M, '__ne__', (a) => {
    const m = a[0] as PyMemoryView;
    if (m.released) return a[1] !== m;
    const o = bytesLikeOf(a[1]);
    if (o === null) return NotImplemented;
    const b = m.bytes();
    return !(b.length === o.length && b.every((x, i) => x === o[i]));
  });
  method(M, '__hash__', (a) => {
    const m = a[0] as PyMemoryView;
    m.check();
    if (!m.readonly) throw pyErr(ValueError, 'cannot hash writable memoryview object');
    return hashResult(callBytesHash(m.bytes()));
  });
  method(M, '__enter__', (a) => {
    a[0].check();
    return a[0];
  });
  method(M, '__exit__', (a) => {
    a[0].released = true;
    return None;
  });
  method(M, 'release', (a) => {
    a[0].released = true;
    return None;
  });
  method(M, 'tobytes', (a) => new PyBytes(bytesType, a[0].bytes()));
  method(M, 'tolist', (a) => newList([...a[0].bytes()]));
  method(M, 'hex', (a) => [...(a[0] as PyMemoryView).bytes()].map((x) => x.toString(16).padStart(2, '0')).join(''));
  method(M, 'toreadonly', (a) => {
    const m = a[0] as PyMemoryView;
    m.check();
    return new PyMemoryView(new PyBytes(bytesType, m.obj instanceof PyBytes ? m.obj.v : m.obj.bytes()), m.start, m.step, m.length);
  });
  method(M, 'cast', (a) => {
    exactlyOne('cast', a, 1);
    if (a[1] !== 'B' && a[1] !== 'b' && a[1] !== 'c') throw pyErr(NotImplementedError, `memoryview: cast to format '${String(a[1])}' is not supported`);
    return view(a[0]);
  });
  getset(M, 'obj', (m: PyMemoryView) => m.obj);
  getset(M, 'nbytes', (m: PyMemoryView) => m.length);
  getset(M, 'readonly', (m: PyMemoryView) => m.readonly);
  getset(M, 'itemsize', () => 1);
  getset(M, 'format', () => 'B');
  getset(M, 'ndim', () => 1);
  getset(M, 'shape', (m: PyMemoryView) => newTuple([m.length]));
  getset(M, 'strides', (m: PyMemoryView) => newTuple([m.step]));
  getset(M, 'suboffsets', () => newTuple([]));
  getset(M, 'c_contiguous', (m: PyMemoryView) => m.step === 1);
  getset(M, 'f_contiguous', (m: PyMemoryView) => m.step === 1);
  getset(M, 'contiguous', (m: PyMemoryView) => m.step === 1);
  method(memoryIteratorType, '__iter__', (a) => a[0]);
  method(memoryIteratorType, '__next__', (a) => {
    const v = (a[0] as MemIter).next();
    if (v === undefined) throw stopIteration(None);
    return v;
  });
}

/** hash(bytes(b)) through the bytes type (its hash is defined with the str helper's bytes). */
function callBytesHash(b: Uint8Array): any {
  const h = bytesType.lookup('__hash__');
  if (h === undefined || h === None) return 0;
  return h.fn([new PyBytes(bytesType, b)], null);
}

export { PyType };
