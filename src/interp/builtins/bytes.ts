// bytes and bytearray.
//
// Role: the namespaces of the binary sequence types. bytes is PyBytes (an immutable
// Uint8Array), bytearray is PyByteArray (a Uint8Array with spare capacity and a length,
// grown by doubling so append is amortised O(1)). The methods the two sequence
// types share are defined once (`installShared`) over bytesmethods.ts; results of a
// bytearray method are bytearrays, of a bytes method bytes (also for subclasses, as in
// CPython). Messages follow Objects/bytesobject.c and bytearrayobject.c. memoryview is
// in memoryview.ts.
//
// `bytes % args` reuses numeric/percent.ts: bytes map one-to-one onto the code points
// 0..255, so the format runs on the latin-1 text of the bytes with hooks that produce
// latin-1 text (%s/%b from the buffer or __bytes__, %r/%a as ascii()), and the result is
// mapped back.

import { intOf, numericToPy } from '../arith.js';
import { sliceIndices, toIndex } from '../containers.js';
import { IndexError, newExc, OverflowError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { BytesIter } from '../iterators.js';
import * as N from '../numeric/index.js';
import { PyByteArray, PyBytes, PyComplex, PyFloat, PyIterator, PyList, PyObject, PySlice, PyTuple, type PyKwargs } from '../objects.js';
import { call, callDescr, getIter, iterNext, newList, newTuple, None, NotImplemented, typeOf, typeName } from '../protocol.js';
import { bytearrayType, builtinFunctionType, bytesType, classmethodType, iteratorType, PyType, staticmethodType } from '../typeobj.js';
import { PyBuiltin, PyWrapper } from '../objects.js';
import { method } from '../bi.js';
import { ByteBuilder, bytesLike, latin1Bytes, latin1String } from './buffer.js';
import * as B from './bytesmethods.js';
import { decodeBytes, encodeStr } from './codecs.js';
import { checkArgs, defMethod, kw, legacy, NOARGS, ONE, pos, type ArgSpec } from './methdef.js';
import { staticNew } from './numbers.js';
import { ascii, bytesRepr } from './repr.js';
import { checkSize, sliceIndexArg, ssizeArg, strOf } from './str.js';
import { percentCharArg, percentToInt } from './strformat.js';
import { toFloat } from './numbers.js';

export const bytearrayIteratorType = iteratorType('bytearray_iterator');

/** bytearray iterator: follows the live contents (the bytearray may change while iterating). */
class ByteArrayIter extends PyIterator {
  private ba: PyByteArray | null;
  private i = 0;
  constructor(ba: PyByteArray) {
    super();
    this.cls = bytearrayIteratorType;
    this.ba = ba;
  }
  next(): any {
    const ba = this.ba;
    if (ba !== null && this.i < ba.len) return ba.v[this.i++];
    this.ba = null;
    return undefined;
  }
}

// ---- argument conversion --------------------------------------------------------------------

function isIndexLike(v: any): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || typeOf(v).lookup('__index__') !== undefined;
}

/** An int argument that must be a byte value. */
function byteValue(v: any, msg = 'byte must be in range(0, 256)'): number {
  const i = typeof v === 'number' ? v : toIndex(v);
  if (typeof i !== 'number' || i < 0 || i > 255) throw pyErr(ValueError, msg);
  return i;
}

/** A bytes-like argument ("a bytes-like object is required, not 'str'"). */
function bufferArg(v: any): Uint8Array {
  const b = bytesLike(v);
  if (b === null) throw pyErr(TypeError, `a bytes-like object is required, not '${typeName(v)}'`);
  return b;
}

/** The sub argument of find/count/index...: an int byte or a bytes-like object. */
function subArg(v: any): Uint8Array {
  if (isIndexLike(v)) return new Uint8Array([byteValue(v)]);
  const b = bytesLike(v);
  if (b === null) throw pyErr(TypeError, `argument should be integer or bytes-like object, not '${typeName(v)}'`);
  return b;
}

/** Items of an iterable as byte values (PyBytes_FromObject / bytearray's iterable path). */
function bytesFromIterable(x: any, rangeMsg: string, what: string): Uint8Array {
  if (x instanceof PyList || x instanceof PyTuple) {
    const items = x.items;
    const out = new Uint8Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = byteValue(items[i], rangeMsg);
    return out;
  }
  let it: any;
  try {
    it = getIter(x);
  } catch (e) {
    if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, `cannot convert '${typeName(x)}' object to ${what}`);
    throw e;
  }
  const out = new ByteBuilder();
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return out.result();
    out.push(byteValue(v, rangeMsg));
  }
}

/** PyObject_Bytes: bytes itself, __bytes__, else the bytes() conversion of an iterable. */
export function toBytesValue(x: any): Uint8Array {
  if (x instanceof PyBytes) return x.v;
  const f = typeOf(x).lookup('__bytes__');
  if (f !== undefined) {
    const r = callDescr(f, x, []);
    if (!(r instanceof PyBytes)) throw pyErr(TypeError, `__bytes__ returned non-bytes (type ${typeName(r)})`);
    return r.v;
  }
  const b = bytesLike(x);
  if (b !== null) return b.slice();
  if (strOf(x) !== null) throw pyErr(TypeError, `cannot convert '${typeName(x)}' object to bytes`);
  return bytesFromIterable(x, 'bytes must be in range(0, 256)', 'bytes');
}

function encodingArgs(fname: string, enc: any, errs: any): [string | undefined, string | undefined] {
  const e = enc === undefined ? undefined : strOf(enc);
  if (e === null) throw pyErr(TypeError, `${fname}() argument 'encoding' must be str, not ${typeName(enc)}`);
  const r = errs === undefined ? undefined : strOf(errs);
  if (r === null) throw pyErr(TypeError, `${fname}() argument 'errors' must be str, not ${typeName(errs)}`);
  return [e, r];
}

// ---- construction ------------------------------------------------------------------------

const CTOR_PARAMS = ['source', 'encoding', 'errors'];

/** bytes_new_impl */
function bytesNew(args: any[], kwargs: PyKwargs | null): any {
  const t = args[0];
  if (!(t instanceof PyType) || !t.isSubtype(bytesType)) throw pyErr(TypeError, `bytes.__new__(X): X is not a subtype of bytes`);
  const [x, enc, errs] = checkArgs('bytes', 'bytes', kw(CTOR_PARAMS), args.slice(1), kwargs);
  const [encoding, errors] = encodingArgs('bytes', enc, errs);
  let v: Uint8Array;
  if (x === undefined) {
    if (encoding !== undefined) throw pyErr(TypeError, 'encoding without a string argument');
    if (errors !== undefined) throw pyErr(TypeError, 'errors without a string argument');
    v = new Uint8Array(0);
  } else if (encoding !== undefined) {
    const s = strOf(x);
    if (s === null) throw pyErr(TypeError, 'encoding without a string argument');
    v = encodeStr(s, encoding, errors ?? 'strict');
  } else if (errors !== undefined) {
    throw pyErr(TypeError, strOf(x) !== null ? 'string argument without an encoding' : 'errors without a string argument');
  } else if (typeOf(x).lookup('__bytes__') !== undefined) {
    v = toBytesValue(x);
  } else if (strOf(x) !== null) {
    throw pyErr(TypeError, 'string argument without an encoding');
  } else if (isIndexLike(x)) {
    const n = ssizeArg(x);
    if (n < 0) throw pyErr(ValueError, 'negative count');
    checkSize(n);
    v = new Uint8Array(n);
  } else {
    const b = bytesLike(x);
    v = b !== null ? b.slice() : bytesFromIterable(x, 'bytes must be in range(0, 256)', 'bytes');
  }
  return new PyBytes(t, v);
}

/** bytearray.__init__ */
function bytearrayInit(self: PyByteArray, args: any[], kwargs: PyKwargs | null): void {
  const [x, enc, errs] = checkArgs('bytearray', 'bytearray', kw(CTOR_PARAMS), args, kwargs);
  const [encoding, errors] = encodingArgs('bytearray', enc, errs);
  let v: Uint8Array;
  if (x === undefined) {
    if (encoding !== undefined) throw pyErr(TypeError, 'encoding without a string argument');
    if (errors !== undefined) throw pyErr(TypeError, 'errors without a string argument');
    v = new Uint8Array(0);
  } else if (strOf(x) !== null) {
    if (encoding === undefined) throw pyErr(TypeError, 'string argument without an encoding');
    v = encodeStr(strOf(x)!, encoding, errors ?? 'strict');
  } else if (encoding !== undefined) {
    throw pyErr(TypeError, 'encoding without a string argument');
  } else if (errors !== undefined) {
    throw pyErr(TypeError, 'errors without a string argument');
  } else if (isIndexLike(x)) {
    const n = ssizeArg(x);
    if (n < 0) throw pyErr(ValueError, 'negative count');
    checkSize(n);
    v = new Uint8Array(n);
  } else {
    const b = bytesLike(x);
    v = b !== null ? b.slice() : bytesFromIterable(x, 'byte must be in range(0, 256)', 'bytearray');
  }
  self.v = v;
  self.len = v.length;
}

// ---- bytearray storage ----------------------------------------------------------------------

function reserve(ba: PyByteArray, n: number): void {
  if (ba.v.length >= n) return;
  checkSize(n);
  const nb = new Uint8Array(Math.max(n, ba.v.length * 2, 16));
  nb.set(ba.v.subarray(0, ba.len));
  ba.v = nb;
}

/** Replace ba[start:start+del] by ins (ins must not alias ba's storage). */
function splice(ba: PyByteArray, start: number, del: number, ins: Uint8Array): void {
  const tail = ba.len - start - del;
  const newLen = ba.len - del + ins.length;
  if (ins.length > del) reserve(ba, newLen);
  ba.v.copyWithin(start + ins.length, start + del, start + del + tail);
  ba.v.set(ins, start);
  ba.len = newLen;
}

function appendBytes(ba: PyByteArray, b: Uint8Array): void {
  reserve(ba, ba.len + b.length);
  ba.v.set(b, ba.len);
  ba.len += b.length;
}

// ---- indexing ----------------------------------------------------------------------------

function normIndex(k: any, n: number, kind: string, outOfRange: string): number {
  let i: number | bigint;
  if (typeof k === 'number') i = k;
  else {
    if (!isIndexLike(k)) throw pyErr(TypeError, `${kind} indices must be integers or slices, not ${typeName(k)}`);
    i = toIndex(k);
    if (typeof i === 'bigint') throw pyErr(IndexError, "cannot fit 'int' into an index-sized integer");
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw pyErr(IndexError, outOfRange);
  return i;
}

function sliceBytes(b: Uint8Array, s: PySlice): Uint8Array {
  const [start, , step, n] = sliceIndices(s, b.length);
  if (step === 1) return b.slice(start, start + n);
  const out = new Uint8Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = b[j];
  return out;
}

function setItem(ba: PyByteArray, k: any, v: any): void {
  if (k instanceof PySlice) {
    if (isIndexLike(v) || strOf(v) !== null || v instanceof PyFloat || v instanceof PyComplex) {
      throw pyErr(TypeError, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)');
    }
    const src = v === ba ? ba.bytes().slice() : (bytesLike(v)?.slice() ?? bytesFromIterable(v, 'byte must be in range(0, 256)', 'bytearray'));
    const [start, stop, step, n] = sliceIndices(k, ba.len);
    if (step === 1) {
      splice(ba, start, Math.max(0, stop - start), src);
      return;
    }
    if (src.length !== n) throw pyErr(ValueError, `attempt to assign bytes of size ${src.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) ba.v[j] = src[i];
    return;
  }
  const i = normIndex(k, ba.len, 'bytearray', 'bytearray index out of range');
  ba.v[i] = byteValue(v);
}

function delItem(ba: PyByteArray, k: any): void {
  if (k instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(k, ba.len);
    if (n <= 0) return;
    if (step === 1) {
      splice(ba, start, stop - start, new Uint8Array(0));
      return;
    }
    const drop = new Uint8Array(ba.len);
    for (let i = 0, j = start; i < n; i++, j += step) drop[j] = 1;
    let w = 0;
    for (let r = 0; r < ba.len; r++) if (!drop[r]) ba.v[w++] = ba.v[r];
    ba.len = w;
    return;
  }
  const i = normIndex(k, ba.len, 'bytearray', 'bytearray index out of range');
  splice(ba, i, 1, new Uint8Array(0));
}

// ---- hashing and formatting ------------------------------------------------------------------

/** bytes hash: the same function str uses, over the bytes as code points 0..255. */
function hashBytes(o: PyBytes): number {
  if (o.hash !== undefined) return o.hash;
  const b = o.v;
  let h: number;
  if (b.length === 0) h = 0;
  else {
    let x = 0x811c9dc5;
    for (let i = 0; i < b.length; i++) {
      x ^= b[i];
      x = Math.imul(x, 0x01000193);
    }
    h = (x >>> 0) * 65537 + b.length;
  }
  o.hash = h;
  return h;
}

/** %b / %s argument: the buffer or __bytes__ of v. */
function percentBytesArg(v: any): string {
  const b = bytesLike(v);
  if (b !== null) return latin1String(b);
  const f = typeOf(v).lookup('__bytes__');
  if (f !== undefined) {
    const r = callDescr(f, v, []);
    if (!(r instanceof PyBytes)) throw pyErr(TypeError, `__bytes__ returned non-bytes (type ${typeName(r)})`);
    return latin1String(r.v);
  }
  throw pyErr(TypeError, `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
}

const bytesPercentHooks: N.PercentHooks = {
  tupleItems: (a) => (a instanceof PyTuple ? a.items : null),
  isMapping: (a) => !(a instanceof PyTuple) && !(a instanceof PyBytes) && strOf(a) === null && typeOf(a).lookup('__getitem__') !== undefined,
  getItem: (m, k) => {
    const f = typeOf(m).lookup('__getitem__');
    return callDescr(f, m, [new PyBytes(bytesType, latin1Bytes(k))]);
  },
  str: percentBytesArg,
  repr: (v) => ascii(v),
  ascii: (v) => ascii(v),
  // _PyBytes_FormatEx turns %i into %d before converting, so errors name %d.
  toInt: (v, conv) => percentToInt(v, conv, conv === 'i' ? 'd' : conv),
  toFloat: (v) => {
    try {
      return toFloat(v);
    } catch (e) {
      if (e instanceof PyObject) throw pyErr(TypeError, `float argument required, not ${typeName(v)}`);
      throw e;
    }
  },
  charArg: (v) => {
    const b = v instanceof PyBytes || v instanceof PyByteArray ? bytesLike(v)! : null;
    if (b !== null && b.length === 1) return String.fromCharCode(b[0]);
    const i = b === null && strOf(v) === null ? percentCharArg(v) : null;
    if (i === null || typeof i === 'string') throw pyErr(TypeError, '%c requires an integer in range(256) or a single byte');
    if (i < 0 || i > 255) throw pyErr(OverflowError, '%c arg not in range(256)');
    return i;
  },
  starArg: (v) => intOf(v),
};

/**
 * The format as a str format: %b is bytes' synonym of %s, which the shared parser does not
 * know, so conversion characters 'b' become 's' (walking the spec grammar of percent.ts).
 */
function bytesFormatText(fmt: Uint8Array): string {
  let s = latin1String(fmt);
  if (fmt.indexOf(98) < 0) return s;
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (s.charCodeAt(i++) !== 37) continue;
    if (i < n && s.charCodeAt(i) === 40) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const c = s.charCodeAt(i++);
        if (c === 41) depth--;
        else if (c === 40) depth++;
      }
    }
    while (i < n && '-+ #0'.includes(s[i])) i++;
    while (i < n && (s[i] === '*' || (s[i] >= '0' && s[i] <= '9'))) i++;
    if (i < n && s[i] === '.') {
      i++;
      while (i < n && (s[i] === '*' || (s[i] >= '0' && s[i] <= '9'))) i++;
    }
    if (i < n && 'hlL'.includes(s[i])) i++;
    if (i < n && s[i] === 'b') s = s.slice(0, i) + 's' + s.slice(i + 1);
    i++;
  }
  return s;
}

function percentBytes(fmt: Uint8Array, args: any): Uint8Array {
  try {
    return latin1Bytes(N.percentFormat(bytesFormatText(fmt), args, bytesPercentHooks));
  } catch (e) {
    if (e instanceof N.NumericError) {
      if (e.message === 'not all arguments converted during string formatting') throw pyErr(TypeError, 'not all arguments converted during bytes formatting');
      throw numericToPy(e);
    }
    throw e;
  }
}

// ---- the shared methods -------------------------------------------------------------------------

type Make = (u: Uint8Array) => PyObject;

function fillArg(name: string, v: any): number {
  if (v === undefined) return 32;
  const b = v instanceof PyBytes || v instanceof PyByteArray ? bytesLike(v)! : null;
  if (b === null || b.length !== 1) throw pyErr(TypeError, `${name}() argument 2 must be a byte string of length 1, not ${typeName(v)}`);
  return b[0];
}

function installShared(T: PyType, selfOf: (v: any) => Uint8Array | null, make: Make): void {
  const tname = T.name;
  const def = (name: string, spec: ArgSpec, impl: (b: Uint8Array, a: any[], recv: any) => any): void => {
    defMethod(T, name, spec, selfOf, impl);
  };
  for (const name of ['isalnum', 'isalpha', 'isdigit', 'isspace', 'isascii', 'islower', 'isupper', 'istitle'] as const) {
    def(name, NOARGS, (b) => B.bytePredicates[name](b));
  }
  for (const name of ['lower', 'upper', 'swapcase', 'capitalize', 'title'] as const) {
    def(name, NOARGS, (b) => make(B.byteCaseMaps[name](b)));
  }
  def('__len__', NOARGS, (b) => b.length);
  def('__contains__', ONE, (b, a) => {
    const x = a[0];
    if (isIndexLike(x)) return b.indexOf(byteValue(x)) >= 0;
    return B.indexOfBytes(b, bufferArg(x), 0) >= 0;
  });
  def('__getitem__', ONE, (b, a) => {
    const k = a[0];
    if (k instanceof PySlice) return make(sliceBytes(b, k));
    const kind = T === bytearrayType || T.isSubtype(bytearrayType) ? 'bytearray' : 'byte';
    return b[normIndex(k, b.length, kind, kind === 'byte' ? 'index out of range' : 'bytearray index out of range')];
  });
  def('__add__', ONE, (b, a, recv) => {
    const o = bytesLike(a[0]);
    if (o === null) {
      // CPython's binary op tries the right operand's nb_add before bytes' sq_concat.
      const radd = typeOf(a[0]).lookup('__radd__');
      if (radd !== undefined) {
        const r = callDescr(radd, a[0], [recv]);
        if (r !== NotImplemented) return r;
      }
      throw pyErr(TypeError, `can't concat ${typeName(a[0])} to ${tname}`);
    }
    return make(B.concatBytes(b, o));
  });
  const mul = (b: Uint8Array, a: any[]): any => {
    if (!isIndexLike(a[0])) return NotImplemented;
    const n = toIndex(a[0]);
    if (typeof n === 'bigint') {
      if (n <= 0n || b.length === 0) return make(new Uint8Array(0));
      if (n >= 1n << 63n) throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
      checkSize(Number.MAX_SAFE_INTEGER);
    }
    return make(B.repeatBytes(b, Number(n)));
  };
  def('__mul__', ONE, mul);
  def('__rmul__', ONE, mul);
  def('__mod__', ONE, (b, a) => make(percentBytes(b, a[0])));
  def('__rmod__', ONE, () => NotImplemented);

  // Searching.
  const subArgs = (a: any[]): [Uint8Array, number, number] => [subArg(a[0]), sliceIndexArg(a[1], 0), sliceIndexArg(a[2], Number.MAX_SAFE_INTEGER)];
  def('find', legacy(1, 3), (b, a) => B.findBytes(b, ...subArgs(a), 1));
  def('rfind', legacy(1, 3), (b, a) => B.findBytes(b, ...subArgs(a), -1));
  def('index', legacy(1, 3), (b, a) => {
    const i = B.findBytes(b, ...subArgs(a), 1);
    if (i < 0) throw pyErr(ValueError, 'subsection not found');
    return i;
  });
  def('rindex', legacy(1, 3), (b, a) => {
    const i = B.findBytes(b, ...subArgs(a), -1);
    if (i < 0) throw pyErr(ValueError, 'subsection not found');
    return i;
  });
  def('count', legacy(1, 3), (b, a) => B.countBytes(b, ...subArgs(a)));
  for (const [name, atEnd] of [['startswith', false], ['endswith', true]] as const) {
    def(name, legacy(1, 3), (b, a) => {
      const start = sliceIndexArg(a[1], 0);
      const end = sliceIndexArg(a[2], Number.MAX_SAFE_INTEGER);
      const p = a[0];
      if (p instanceof PyTuple) {
        for (const x of p.items) if (B.tailMatchBytes(b, bufferArg(x), start, end, atEnd)) return true;
        return false;
      }
      const pb = bytesLike(p);
      if (pb === null) throw pyErr(TypeError, `${name} first arg must be bytes or a tuple of bytes, not ${typeName(p)}`);
      return B.tailMatchBytes(b, pb, start, end, atEnd);
    });
  }

  // Splitting, joining, stripping.
  def('join', ONE, (b, a) => {
    const x = a[0];
    let items: any[];
    if (x instanceof PyList || x instanceof PyTuple) items = x.items.slice();
    else {
      let it: any;
      try {
        it = getIter(x);
      } catch (e) {
        if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, 'can only join an iterable');
        throw e;
      }
      items = [];
      for (;;) {
        const v = iterNext(it);
        if (v === undefined) break;
        items.push(v);
      }
    }
    const out = new ByteBuilder();
    const sep = b.slice();
    items.forEach((v, i) => {
      const vb = bytesLike(v);
      if (vb === null) throw pyErr(TypeError, `sequence item ${i}: expected a bytes-like object, ${typeName(v)} found`);
      if (i > 0) out.append(sep);
      out.append(vb);
      checkSize(out.len);
    });
    return make(out.result());
  });
  for (const [name, right] of [['split', false], ['rsplit', true]] as const) {
    def(name, kw(['sep', 'maxsplit']), (b, a) => {
      const sep = a[0] === undefined || a[0] === None ? null : bufferArg(a[0]);
      const maxsplit = a[1] === undefined ? -1 : ssizeArg(a[1]);
      return newList((right ? B.rsplitBytes : B.splitBytes)(b, sep, maxsplit).map(make));
    });
  }
  def('splitlines', kw(['keepends']), (b, a) => {
    const keep = a[0] !== undefined && (typeof a[0] === 'boolean' ? a[0] : Number(toIndex(a[0])) !== 0);
    return newList(B.splitlinesBytes(b, keep).map(make));
  });
  for (const [name, right] of [['partition', false], ['rpartition', true]] as const) {
    def(name, ONE, (b, a) => {
      const sep = bufferArg(a[0]);
      if (sep.length === 0) throw pyErr(ValueError, 'empty separator');
      const i = right ? B.lastIndexOfBytes(b, sep, 0, b.length) : B.indexOfBytes(b, sep, 0);
      const empty = (): PyObject => make(new Uint8Array(0));
      if (i < 0) return right ? newTuple([empty(), empty(), make(b.slice())]) : newTuple([make(b.slice()), empty(), empty()]);
      return newTuple([make(b.slice(0, i)), make(sep.slice()), make(b.slice(i + sep.length))]);
    });
  }
  for (const [name, l, r] of [['strip', true, true], ['lstrip', true, false], ['rstrip', false, true]] as const) {
    def(name, pos(0, 1), (b, a) => make(B.stripBytes(b, a[0] === undefined || a[0] === None ? null : bufferArg(a[0]), l, r)));
  }
  def('removeprefix', ONE, (b, a) => {
    const p = bufferArg(a[0]);
    return make(p.length <= b.length && B.tailMatchBytes(b, p, 0, b.length, false) ? b.slice(p.length) : b.slice());
  });
  def('removesuffix', ONE, (b, a) => {
    const p = bufferArg(a[0]);
    return make(p.length > 0 && B.tailMatchBytes(b, p, 0, b.length, true) ? b.slice(0, b.length - p.length) : b.slice());
  });
  def('replace', pos(2, 3), (b, a) => make(B.replaceBytes(b, bufferArg(a[0]), bufferArg(a[1]), a[2] === undefined ? -1 : ssizeArg(a[2]))));
  def('expandtabs', kw(['tabsize']), (b, a) => make(B.expandtabsBytes(b, a[0] === undefined ? 8 : ssizeArg(a[0]))));

  // Padding.
  def('center', pos(1, 2), (b, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillArg('center', a[1]);
    const marg = width - b.length;
    if (marg <= 0) return make(b.slice());
    const left = Math.floor(marg / 2) + (marg & width & 1);
    return make(B.padBytes(b, left, marg - left, fill));
  });
  def('ljust', pos(1, 2), (b, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillArg('ljust', a[1]);
    return make(width <= b.length ? b.slice() : B.padBytes(b, 0, width - b.length, fill));
  });
  def('rjust', pos(1, 2), (b, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillArg('rjust', a[1]);
    return make(width <= b.length ? b.slice() : B.padBytes(b, width - b.length, 0, fill));
  });
  def('zfill', ONE, (b, a) => make(B.zfillBytes(b, ssizeArg(a[0]))));

  // Translation, decoding, hex.
  def('translate', kw(['table', 'delete'], 1, 1), (b, a) => {
    const table = a[0] === None ? null : bufferArg(a[0]);
    const del = a[1] === undefined ? null : bufferArg(a[1]);
    return make(B.translateBytes(b, table, del));
  });
  T.ns.setStr('maketrans', new PyWrapper(staticmethodType, new PyBuiltin(builtinFunctionType, 'maketrans', (a, k) => {
    checkArgs(tname, 'maketrans', pos(2, 2), a, k);
    return new PyBytes(bytesType, B.maketransBytes(bufferArg(a[0]), bufferArg(a[1])));
  }, undefined, null)));
  def('decode', kw(['encoding', 'errors']), (b, a) => {
    const [enc, errors] = encodingArgs('decode', a[0], a[1]);
    return decodeBytes(b, enc ?? 'utf-8', errors ?? 'strict');
  });
  def('hex', kw(['sep', 'bytes_per_sep']), (b, a) => hexMethod(b, a[0], a[1]));
  T.ns.setStr('fromhex', new PyWrapper(classmethodType, new PyBuiltin(builtinFunctionType, 'fromhex', (a, k) => {
    checkArgs(tname, 'fromhex', ONE, a.slice(1), k);
    const s = strOf(a[1]);
    if (s === null) throw pyErr(TypeError, `fromhex() argument must be str, not ${typeName(a[1])}`);
    const v = B.fromhex(s);
    const cls = a[0] as PyType;
    if (cls === bytesType) return new PyBytes(bytesType, v);
    if (cls === bytearrayType) return new PyByteArray(bytearrayType, v);
    return call(cls, [new PyBytes(bytesType, v)]);
  }, undefined, null)));
}

export function hexMethod(b: Uint8Array, sepArg: any, perArg: any): string {
  let sep: string | null = null;
  if (sepArg !== undefined) {
    const s = strOf(sepArg);
    const sb = s === null ? bytesLike(sepArg) : null;
    if (s === null && sb === null) throw pyErr(TypeError, `object of type '${typeName(sepArg)}' has no len()`);
    const text = s ?? latin1String(sb!);
    if (Array.from(text).length !== 1) throw pyErr(ValueError, 'sep must be length 1.');
    if (text.charCodeAt(0) > 127) throw pyErr(ValueError, 'sep must be ASCII.');
    sep = text;
  }
  const per = perArg === undefined ? 1 : ssizeArg(perArg);
  return B.hexBytes(b, sep, per);
}

/**
 * bytearray_repr: the type name around a bytes literal whose quote choice is bytes', but
 * which escapes every single quote (CPython's bytearray repr does, even inside "...").
 */
function bytearrayRepr(ba: PyByteArray): string {
  const b = ba.bytes();
  const quote = b.indexOf(39) >= 0 && b.indexOf(34) < 0 ? '"' : "'";
  let out = '';
  for (const c of b) {
    if (c === 39 || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return `${ba.cls.name}(b${quote}${out}${quote})`;
}

// ---- installation -------------------------------------------------------------------------

function bytesSelf(v: any): Uint8Array | null {
  return v instanceof PyBytes ? v.v : null;
}

function arraySelf(v: any): Uint8Array | null {
  return v instanceof PyByteArray ? v.bytes() : null;
}

function arrayObj(v: any): PyByteArray | null {
  return v instanceof PyByteArray ? v : null;
}

const mkBytes: Make = (u) => new PyBytes(bytesType, u);
const mkArray: Make = (u) => new PyByteArray(bytearrayType, u);

function richCompare(T: PyType, selfOf: (v: any) => Uint8Array | null, otherOf: (v: any) => Uint8Array | null): void {
  const ops: [string, (c: number) => boolean][] = [
    ['__lt__', (c) => c < 0], ['__le__', (c) => c <= 0], ['__eq__', (c) => c === 0],
    ['__ne__', (c) => c !== 0], ['__gt__', (c) => c > 0], ['__ge__', (c) => c >= 0],
  ];
  for (const [name, test] of ops) {
    defMethod(T, name, ONE, selfOf, (b, a) => {
      const o = otherOf(a[0]);
      if (o === null) return NotImplemented;
      if ((name === '__eq__' || name === '__ne__') && o.length !== b.length) return name === '__ne__';
      return test(B.compareBytes(b, o));
    });
  }
}

export function installBytes(): void {
  const S = bytesType;
  S.ns.setStr('__new__', staticNew(bytesNew));
  installShared(S, bytesSelf, mkBytes);
  defMethod(S, '__repr__', NOARGS, bytesSelf, (b) => bytesRepr(b));
  defMethod(S, '__str__', NOARGS, bytesSelf, (b) => bytesRepr(b));
  defMethod(S, '__hash__', NOARGS, (v) => (v instanceof PyBytes ? v : null), (o) => hashBytes(o));
  defMethod(S, '__iter__', NOARGS, bytesSelf, (b) => new BytesIter(b));
  defMethod(S, '__getnewargs__', NOARGS, bytesSelf, (b) => newTuple([new PyBytes(bytesType, b)]));
  defMethod(S, '__bytes__', NOARGS, (v) => (v instanceof PyBytes ? v : null), (o) => (o.cls === bytesType ? o : new PyBytes(bytesType, o.v)));
  defMethod(S, '__sizeof__', NOARGS, bytesSelf, (b) => 33 + b.length);
  richCompare(S, bytesSelf, (v) => (v instanceof PyBytes ? v.v : null));

  const A = bytearrayType;
  A.ns.setStr('__new__', staticNew((a) => {
    const t = a[0];
    if (!(t instanceof PyType) || !t.isSubtype(bytearrayType)) throw pyErr(TypeError, 'bytearray.__new__(X): X is not a subtype of bytearray');
    return new PyByteArray(t, new Uint8Array(0));
  }));
  A.ns.setStr('__init__', new PyBuiltin(builtinFunctionType, '__init__', (a, k) => {
    const self = arrayObj(a[0]);
    if (self === null) throw pyErr(TypeError, `descriptor '__init__' requires a 'bytearray' object but received a '${typeName(a[0])}'`);
    bytearrayInit(self, a.slice(1), k);
    return None;
  }, undefined, 'bytearray', null));
  installShared(A, arraySelf, mkArray);
  defMethod(A, '__repr__', NOARGS, arrayObj, bytearrayRepr);
  defMethod(A, '__str__', NOARGS, arrayObj, bytearrayRepr);
  A.ns.setStr('__hash__', None);
  defMethod(A, '__iter__', NOARGS, arrayObj, (ba) => new ByteArrayIter(ba));
  defMethod(A, '__sizeof__', NOARGS, arrayObj, (ba) => 56 + (ba.len === 0 ? 0 : ba.v.length));
  defMethod(A, '__alloc__', NOARGS, arrayObj, (ba) => (ba.len === 0 ? 0 : ba.v.length));
  richCompare(A, arraySelf, bytesLike);
  defMethod(A, '__setitem__', pos(2, 2), arrayObj, (ba, a) => {
    setItem(ba, a[0], a[1]);
    return None;
  });
  defMethod(A, '__delitem__', ONE, arrayObj, (ba, a) => {
    delItem(ba, a[0]);
    return None;
  });
  defMethod(A, '__iadd__', ONE, arrayObj, (ba, a) => {
    const o = bytesLike(a[0]);
    if (o === null) throw pyErr(TypeError, `can't concat ${typeName(a[0])} to bytearray`);
    appendBytes(ba, o.slice());
    return ba;
  });
  defMethod(A, '__imul__', ONE, arrayObj, (ba, a) => {
    if (!isIndexLike(a[0])) return NotImplemented;
    const n = ssizeArg(a[0]);
    const r = B.repeatBytes(ba.bytes(), n);
    ba.v = r;
    ba.len = r.length;
    return ba;
  });
  defMethod(A, 'append', ONE, arrayObj, (ba, a) => {
    const c = byteValue(a[0]);
    reserve(ba, ba.len + 1);
    ba.v[ba.len++] = c;
    return None;
  });
  defMethod(A, 'extend', ONE, arrayObj, (ba, a) => {
    const x = a[0];
    const b = bytesLike(x);
    if (b !== null) appendBytes(ba, b.slice());
    else {
      if (strOf(x) === null && typeOf(x).lookup('__iter__') === undefined && typeOf(x).lookup('__getitem__') === undefined) {
        throw pyErr(TypeError, `can't extend bytearray with ${typeName(x)}`);
      }
      appendBytes(ba, bytesFromIterable(x, 'byte must be in range(0, 256)', 'bytearray'));
    }
    return None;
  });
  defMethod(A, 'insert', pos(2, 2), arrayObj, (ba, a) => {
    let i = ssizeArg(a[0]);
    const c = byteValue(a[1]);
    if (i < 0) {
      i += ba.len;
      if (i < 0) i = 0;
    }
    if (i > ba.len) i = ba.len;
    splice(ba, i, 0, new Uint8Array([c]));
    return None;
  });
  defMethod(A, 'pop', pos(0, 1), arrayObj, (ba, a) => {
    if (ba.len === 0) throw pyErr(IndexError, 'pop from empty bytearray');
    let i = a[0] === undefined ? -1 : ssizeArg(a[0]);
    if (i < 0) i += ba.len;
    if (i < 0 || i >= ba.len) throw pyErr(IndexError, 'pop index out of range');
    const c = ba.v[i];
    splice(ba, i, 1, new Uint8Array(0));
    return c;
  });
  defMethod(A, 'remove', ONE, arrayObj, (ba, a) => {
    const c = byteValue(a[0]);
    const i = ba.bytes().indexOf(c);
    if (i < 0) throw pyErr(ValueError, 'value not found in bytearray');
    splice(ba, i, 1, new Uint8Array(0));
    return None;
  });
  defMethod(A, 'reverse', NOARGS, arrayObj, (ba) => {
    ba.bytes().reverse();
    return None;
  });
  defMethod(A, 'clear', NOARGS, arrayObj, (ba) => {
    ba.v = new Uint8Array(0);
    ba.len = 0;
    return None;
  });
  defMethod(A, 'copy', NOARGS, arrayObj, (ba) => new PyByteArray(bytearrayType, ba.bytes().slice()));

  method(bytearrayIteratorType, '__iter__', (a) => a[0]);
  method(bytearrayIteratorType, '__next__', (a) => {
    const v = (a[0] as PyIterator).next();
    if (v === undefined) throw newExc(stopIterationRef.t, []);
    return v;
  });
}

export const stopIterationRef: { t: PyType } = { t: null as unknown as PyType };
