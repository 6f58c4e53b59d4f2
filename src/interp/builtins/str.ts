// str: constructor, operators and every method of CPython 3.11's str.
//
// Role: the builtin `str` type's namespace. Values are JS strings (see objects.ts);
// Python indexes them by code point, so every start/end argument and every returned
// index is a code-point index. Strings without surrogates (nearly all) are searched with
// the engine's own indexOf/split directly; strings with astral characters convert
// indices at the edges through a cached code-point-to-offset table, and the search
// helpers below refuse matches that would split a surrogate pair, so a lone surrogate
// never matches half of a character.
//
// Case mapping and character predicates come from src/unicode (CPython's Unicode 14
// database), never from JS's locale-free but differently-versioned toUpperCase. Argument
// parsing and its error wording follow each method's CPython parser (methdef.ts).
// str.format lives in strformat.ts, encoding and decoding in codecs.ts.

import { strLess, wrapNumeric } from '../arith.js';
import { getItem, strGetItem, toIndex } from '../containers.js';
import { LookupError, MemoryError, OverflowError, pyErr, TypeError, ValueError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { StrIter } from '../iterators.js';
import { PyBoxed, PyBuiltin, PyBytes, PyList, PyObject, PyTuple, PyWrapper, type PyKwargs } from '../objects.js';
import { getIter, hashString, iterNext, newList, newTuple, None, NotImplemented, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { builtinFunctionType, bytesType, dictType, PyType, staticmethodType, strType } from '../typeobj.js';
import * as U from '../../unicode/index.js';
import { bytesLike, decodeBytes, encodeStr } from './codecs.js';
import { checkArgs, defMethod, kw, legacy, NOARGS, ONE, pos } from './methdef.js';
import { staticNew } from './numbers.js';
import { str, strRepr } from './repr.js';
import { formatMap, percentFormatStr, strFormat } from './strformat.js';

/** The str value of a str or str subclass instance. */
export function strOf(v: any): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  return null;
}

// ---- argument helpers ------------------------------------------------------------------------

const SLICE_INDEX_MSG = 'slice indices must be integers or None or have an __index__ method';

/** _PyEval_SliceIndex: None keeps the default; huge ints clamp to +-PY_SSIZE_T_MAX. */
export function sliceIndexArg(v: any, dflt: number): number {
  if (v === undefined || v === None) return dflt;
  if (typeof v === 'number') return v;
  const i = toIndex(v, SLICE_INDEX_MSG);
  if (typeof i === 'number') return i;
  return i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** ADJUST_INDICES from stringlib: clamp end to [0, len], start to >= 0 (not to len). */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

/** A Py_ssize_t argument (width, count, tabsize...): __index__, OverflowError past 64 bits. */
export function ssizeArg(v: any): number {
  if (typeof v === 'number') return v;
  const i = toIndex(v);
  if (typeof i === 'number') return i;
  if (i >= 1n << 63n || i < -(1n << 63n)) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  return i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** JS strings stop near 2**29 units: larger results are CPython's MemoryError for us. */
export const MAX_RESULT = 2 ** 29 - 24;

export function checkSize(n: number): void {
  if (n > MAX_RESULT) throw pyErr(MemoryError);
}

function argStr(v: any): string {
  const s = strOf(v);
  if (s === null) throw pyErr(TypeError, `must be str, not ${typeName(v)}`);
  return s;
}

function fillChar(v: any): string {
  if (v === undefined) return ' ';
  const s = strOf(v);
  if (s === null) throw pyErr(TypeError, `The fill character must be a unicode character, not ${typeName(v)}`);
  if (argLen(s) !== 1) throw pyErr(TypeError, 'The fill character must be exactly one character long');
  return s;
}

// ---- code-point-aware search -----------------------------------------------------------------

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when a match of `sub` could start or end inside a surrogate pair. */
function edgeSurrogates(sub: string): boolean {
  return sub.length > 0 && (isLow(sub.charCodeAt(0)) || isHigh(sub.charCodeAt(sub.length - 1)));
}

/** s[i:j] (UTF-16 offsets) starts and ends on code point boundaries. */
function onBoundary(s: string, i: number, j: number): boolean {
  if (i > 0 && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1))) return false;
  if (j < s.length && isLow(s.charCodeAt(j)) && isHigh(s.charCodeAt(j - 1))) return false;
  return true;
}

/** indexOf on code points: the first match at or after unit `from`. */
export function cpIndexOf(s: string, sub: string, from: number): number {
  let i = s.indexOf(sub, from);
  if (i < 0 || !edgeSurrogates(sub)) return i;
  while (i >= 0 && !onBoundary(s, i, i + sub.length)) i = s.indexOf(sub, i + 1);
  return i;
}

/** lastIndexOf on code points: the last match starting at or before unit `from` (>= 0). */
function cpLastIndexOf(s: string, sub: string, from: number): number {
  let i = s.lastIndexOf(sub, from);
  if (i < 0 || !edgeSurrogates(sub)) return i;
  while (i >= 0 && !onBoundary(s, i, i + sub.length)) i = i === 0 ? -1 : s.lastIndexOf(sub, i - 1);
  return i;
}

/**
 * Receivers are classified once: the last receiver's BMP-ness is remembered here, apart
 * from strutil's cache, so that measuring the (short) argument strings of a method never
 * evicts the (long) receiver and repeated s.find(x, i) stays O(match distance).
 */
let recvStr = '';
let recvBmp = true;
const SURROGATE = /[\ud800-\udfff]/;

function bmp(s: string): boolean {
  if (s.length < 2) return true;
  if (s === recvStr) return recvBmp;
  recvBmp = !SURROGATE.test(s);
  recvStr = s;
  return recvBmp;
}

/** len() of a receiver. */
function cpCount(s: string): number {
  return bmp(s) ? s.length : unitsOf(s).length - 1;
}

/** len() of an argument string (not cached: arguments are usually short). */
function argLen(x: string): number {
  return SURROGATE.test(x) ? U.codePoints(x).length : x.length;
}

/**
 * UTF-16 offsets of every code point of the last string with astral characters searched
 * (plus its length at the end), so repeated s.find(x, i) over one long string converts
 * indices in O(1) and O(log n) instead of rescanning from the start each time.
 */
let astralStr = '';
let astralUnits: Uint32Array = new Uint32Array(1);

function unitsOf(s: string): Uint32Array {
  if (s !== astralStr) {
    const units = new Uint32Array(s.length + 1);
    let k = 0;
    for (let i = 0; i < s.length; i++) {
      units[k++] = i;
      if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    }
    units[k] = s.length;
    astralStr = s;
    astralUnits = units.subarray(0, k + 1);
  }
  return astralUnits;
}

/** The code point index of UTF-16 offset u (a code point boundary) of an astral string. */
function cpIndexOfUnit(s: string, u: number): number {
  const units = unitsOf(s);
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code-point [start, end) of s as UTF-16 offsets (indices already adjusted, start <= len). */
function unitRange(s: string, start: number, end: number): [number, number] {
  if (bmp(s)) return [start, end];
  const units = unitsOf(s);
  return [units[Math.min(start, units.length - 1)], units[Math.min(end, units.length - 1)]];
}

/** find/rfind (any_find_slice): a code-point index or -1. */
export function findSlice(s: string, sub: string, start: number, end: number, dir: 1 | -1): number {
  const n = cpCount(s);
  [start, end] = adjustIndices(start, end, n);
  const m = argLen(sub);
  if (end - start < m) return -1;
  if (m === 0) return dir > 0 ? start : end;
  const [us, ue] = unitRange(s, start, end);
  let i: number;
  if (dir > 0) {
    i = cpIndexOf(s, sub, us);
    if (i < 0 || i + sub.length > ue) return -1;
  } else {
    i = cpLastIndexOf(s, sub, ue - sub.length);
    if (i < us) return -1;
  }
  return bmp(s) ? i : cpIndexOfUnit(s, i);
}

function countSlice(s: string, sub: string, start: number, end: number): number {
  const n = cpCount(s);
  [start, end] = adjustIndices(start, end, n);
  if (start > n) return 0;
  const m = argLen(sub);
  if (end - start < m) return 0;
  if (m === 0) return end - start + 1;
  const [us, ue] = unitRange(s, start, end);
  let count = 0;
  let i = us;
  for (;;) {
    const j = cpIndexOf(s, sub, i);
    if (j < 0 || j + sub.length > ue) return count;
    count++;
    i = j + sub.length;
  }
}

/** startswith/endswith on one candidate (tailmatch). */
function tailMatch(s: string, sub: string, start: number, end: number, atEnd: boolean): boolean {
  const n = cpCount(s);
  [start, end] = adjustIndices(start, end, n);
  const m = argLen(sub);
  end -= m;
  if (end < start) return false;
  if (m === 0) return true;
  const [us, ue] = unitRange(s, start, end + m);
  return atEnd ? s.startsWith(sub, ue - sub.length) : s.startsWith(sub, us);
}

// ---- the algorithms of the str methods --------------------------------------------------------

/** Py_UNICODE_ISSPACE on a UTF-16 unit (no surrogate is whitespace). */
export function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  return c >= 0x85 && U.isSpace(c);
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  let left = maxsplit < 0 ? Infinity : maxsplit;
  while (left-- > 0) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i === n) break;
    const j = i++;
    while (i < n && !isWs(s.charCodeAt(i))) i++;
    out.push(s.slice(j, i));
  }
  if (i < n) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i !== n) out.push(s.slice(i));
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length - 1;
  let left = maxsplit < 0 ? Infinity : maxsplit;
  while (left-- > 0) {
    while (i >= 0 && isWs(s.charCodeAt(i))) i--;
    if (i < 0) break;
    const j = i--;
    while (i >= 0 && !isWs(s.charCodeAt(i))) i--;
    out.push(s.slice(i + 1, j + 1));
  }
  if (i >= 0) {
    while (i >= 0 && isWs(s.charCodeAt(i))) i--;
    if (i >= 0) out.push(s.slice(0, i + 1));
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (maxsplit < 0 && !edgeSurrogates(sep)) return s.split(sep);
  const out: string[] = [];
  let i = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = cpIndexOf(s, sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    const from = end - sep.length;
    if (from < 0) break;
    const j = cpLastIndexOf(s, sep, from);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

/** strip/lstrip/rstrip: whitespace when chars is null, else the code points of chars. */
export function stripStr(s: string, chars: string | null, left: boolean, right: boolean): string {
  let i = 0;
  let j = s.length;
  if (chars === null) {
    if (left) while (i < j && isWs(s.charCodeAt(i))) i++;
    if (right) while (j > i && isWs(s.charCodeAt(j - 1))) j--;
    return i === 0 && j === s.length ? s : s.slice(i, j);
  }
  if (!/[\ud800-\udfff]/.test(chars)) {
    // No surrogate in chars: a unit of a surrogate pair never matches, so units suffice.
    if (left) while (i < j && chars.indexOf(s[i]) >= 0) i++;
    if (right) while (j > i && chars.indexOf(s[j - 1]) >= 0) j--;
    return s.slice(i, j);
  }
  const set = new Set(U.codePoints(chars));
  if (left) {
    while (i < j) {
      const cp = s.codePointAt(i)!;
      if (!set.has(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  if (right) {
    while (j > i) {
      const lo = s.charCodeAt(j - 1);
      const pair = isLow(lo) && j - 2 >= i && isHigh(s.charCodeAt(j - 2));
      const cp = pair ? s.codePointAt(j - 2)! : lo;
      if (!set.has(cp)) break;
      j -= pair ? 2 : 1;
    }
  }
  return s.slice(i, j);
}

export function replaceStr(s: string, old: string, nw: string, count: number): string {
  if (count < 0) count = Infinity;
  if (count === 0) return s;
  if (old === '') {
    const cps = bmp(s) ? s.split('') : Array.from(s);
    const n = cps.length;
    const m = Math.min(count, n + 1);
    checkSize(s.length + m * nw.length);
    const parts: string[] = [];
    for (let k = 0; k < m; k++) {
      parts.push(nw);
      if (k < n) parts.push(cps[k]);
    }
    if (m < n + 1) parts.push(cps.slice(m).join(''));
    return parts.join('');
  }
  if (count === Infinity && !edgeSurrogates(old)) {
    const parts = s.split(old);
    if (parts.length === 1) return s;
    checkSize(s.length + (parts.length - 1) * (nw.length - old.length));
    return parts.join(nw);
  }
  const parts: string[] = [];
  let i = 0;
  while (count > 0) {
    const j = cpIndexOf(s, old, i);
    if (j < 0) break;
    parts.push(s.slice(i, j), nw);
    i = j + old.length;
    count--;
  }
  parts.push(s.slice(i));
  return parts.join('');
}

/** Line boundaries of str.splitlines (Py_UNICODE_ISLINEBREAK). */
function isLineBreak(c: number): boolean {
  return (c >= 10 && c <= 13) || (c >= 28 && c <= 30) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function splitlinesStr(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isLineBreak(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      if (s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(s.slice(j, eol));
  }
  return out;
}

function expandtabs(s: string, tabsize: number): string {
  if (s.indexOf('\t') < 0) return s;
  const parts: string[] = [];
  let col = 0;
  let from = 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) {
      parts.push(s.slice(from, i));
      from = i + 1;
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        col += incr;
        total += incr;
        checkSize(total);
        parts.push(' '.repeat(incr));
      }
    } else if (!(isLow(c) && i > 0 && isHigh(s.charCodeAt(i - 1)))) {
      col++;
      total++;
      if (c === 10 || c === 13) col = 0;
    }
  }
  parts.push(s.slice(from));
  return parts.join('');
}

function pad(s: string, left: number, right: number, fill: string): string {
  checkSize(s.length + (left + right) * fill.length);
  return fill.repeat(left) + s + fill.repeat(right);
}

function zfill(s: string, width: number): string {
  const n = cpCount(s);
  if (width <= n) return s;
  const fill = width - n;
  const c = s[0];
  if (c === '+' || c === '-') return c + '0'.repeat(fill) + s.slice(1);
  checkSize(width);
  return '0'.repeat(fill) + s;
}

function joinStr(sep: string, iterable: any): string {
  let items: any[];
  if (iterable instanceof PyList || iterable instanceof PyTuple) {
    // PySequence_Fast uses a list's or tuple's items directly (subclasses included).
    items = iterable.items;
  } else {
    let it: any;
    try {
      it = getIter(iterable);
    } catch (e) {
      if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, 'can only join an iterable');
      throw e;
    }
    items = [];
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) break;
      items.push(x);
    }
  }
  const n = items.length;
  if (n === 1 && typeof items[0] === 'string') return items[0];
  const parts: string[] = new Array(n);
  let total = sep.length * Math.max(0, n - 1);
  for (let i = 0; i < n; i++) {
    const x = items[i];
    const s = typeof x === 'string' ? x : strOf(x);
    if (s === null) throw pyErr(TypeError, `sequence item ${i}: expected str instance, ${typeName(x)} found`);
    parts[i] = s;
    total += s.length;
  }
  checkSize(total);
  return parts.join(sep);
}

function partitionStr(s: string, sep: string, right: boolean): any {
  if (sep === '') throw pyErr(ValueError, 'empty separator');
  const i = right ? (s.length >= sep.length ? cpLastIndexOf(s, sep, s.length - sep.length) : -1) : cpIndexOf(s, sep, 0);
  if (i < 0) return right ? newTuple(['', '', s]) : newTuple([s, '', '']);
  return newTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
}

// ---- translate / maketrans ------------------------------------------------------------------

/** One code point through a translate table: string to emit, or null to delete. */
function translateOne(table: any, cp: number): string | null | undefined {
  let r: any;
  if (table instanceof PyDict && table.cls === dictType) {
    r = table.get(cp);
    if (r === undefined) return undefined;
  } else {
    try {
      r = getItem(table, cp);
    } catch (e) {
      if (e instanceof PyObject && e.cls.isSubtype(LookupError)) return undefined;
      throw e;
    }
  }
  if (r === None) return null;
  if (typeof r === 'number' || typeof r === 'bigint' || typeof r === 'boolean' || (r instanceof PyBoxed && typeof r.value !== 'string')) {
    const v = typeof r === 'boolean' ? (r ? 1 : 0) : r instanceof PyBoxed ? r.value : r;
    if (typeof v !== 'number' || v < 0 || v > 0x10ffff) throw pyErr(ValueError, 'character mapping must be in range(0x110000)');
    return String.fromCodePoint(v);
  }
  const s = strOf(r);
  if (s !== null) return s;
  throw pyErr(TypeError, 'character mapping must return integer, None or str');
}

function translateStr(s: string, table: any): string {
  const cache = new Map<number, string | null | undefined>();
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    let r = cache.get(cp);
    if (r === undefined && !cache.has(cp)) {
      r = translateOne(table, cp);
      cache.set(cp, r);
    }
    if (r !== undefined) {
      parts.push(s.slice(from, i));
      if (r !== null) parts.push(r);
      from = i + w;
    }
    i += w;
  }
  if (from === 0) return s;
  parts.push(s.slice(from));
  return parts.join('');
}

function maketrans(args: any[]): PyDict {
  unpackArityMaketrans(args);
  const d = new PyDict(dictType);
  const [x, y, z] = args;
  if (args.length === 1) {
    if (!(x instanceof PyDict)) throw pyErr(TypeError, 'if you give only one argument to maketrans it must be a dict');
    for (const [k, v] of x.entries()) {
      const ks = strOf(k);
      if (ks !== null) {
        if (argLen(ks) !== 1) throw pyErr(ValueError, 'string keys in translate table must be of length 1');
        d.set(ks.codePointAt(0)!, v);
      } else if (typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean' || (k instanceof PyBoxed)) {
        d.set(typeof k === 'boolean' ? (k ? 1 : 0) : k instanceof PyBoxed ? k.value : k, v);
      } else throw pyErr(TypeError, 'keys in translate table must be strings or integers');
    }
    return d;
  }
  const xs = strOf(x);
  if (xs === null) throw pyErr(TypeError, 'first maketrans argument must be a string if there is a second argument');
  const ys = strOf(y);
  if (ys === null) throw pyErr(TypeError, `maketrans() argument 2 must be str, not ${typeName(y)}`);
  let zs: string | null = null;
  if (args.length === 3) {
    zs = strOf(z);
    if (zs === null) throw pyErr(TypeError, `maketrans() argument 3 must be str, not ${typeName(z)}`);
  }
  const xc = U.codePoints(xs);
  const yc = U.codePoints(ys);
  if (xc.length !== yc.length) throw pyErr(ValueError, 'the first two maketrans arguments must have equal length');
  for (let i = 0; i < xc.length; i++) d.set(xc[i], yc[i]);
  if (zs !== null) for (const c of U.codePoints(zs)) d.set(c, None);
  return d;
}

function unpackArityMaketrans(args: any[]): void {
  checkArgs('str', 'maketrans', pos(1, 3), args, null);
}

// ---- constructor ---------------------------------------------------------------------------

function strNew(args: any[], kwargs: PyKwargs | null): any {
  const t = args[0];
  if (!(t instanceof PyType)) throw pyErr(TypeError, `str.__new__(X): X is not a type object (${typeName(t)})`);
  if (!t.isSubtype(strType)) throw pyErr(TypeError, `str.__new__(${t.name}): ${t.name} is not a subtype of str`);
  let v: string;
  const n = args.length - 1;
  if (n === 0 && (kwargs === null || kwargs.size === 0)) v = '';
  else if (n === 1 && (kwargs === null || kwargs.size === 0)) v = str(args[1]);
  else {
    const names = ['object', 'encoding', 'errors'];
    if (n > 3) throw pyErr(TypeError, `str() takes at most 3 arguments (${n} given)`);
    const p: any[] = [args[1], args[2], args[3]];
    if (kwargs !== null) {
      for (const [k, val] of kwargs) {
        const i = names.indexOf(k);
        if (i < 0) throw pyErr(TypeError, `'${k}' is an invalid keyword argument for str()`);
        if (p[i] !== undefined) throw pyErr(TypeError, `argument for str() given by name ('${k}') and position (${i + 1})`);
        p[i] = val;
      }
    }
    const [obj, enc, errs] = p;
    const encoding = enc === undefined ? undefined : strOf(enc);
    if (encoding === null) throw pyErr(TypeError, `str() argument 'encoding' must be str, not ${typeName(enc)}`);
    const errors = errs === undefined ? undefined : strOf(errs);
    if (errors === null) throw pyErr(TypeError, `str() argument 'errors' must be str, not ${typeName(errs)}`);
    if (obj === undefined) v = '';
    else if (encoding === undefined && errors === undefined) v = str(obj);
    else {
      const b = bytesLike(obj);
      if (b === null) {
        if (strOf(obj) !== null) throw pyErr(TypeError, 'decoding str is not supported');
        throw pyErr(TypeError, `decoding to str: need a bytes-like object, ${typeName(obj)} found`);
      }
      v = decodeBytes(b, encoding ?? 'utf-8', errors ?? 'strict');
    }
  }
  if (t === strType) return v;
  return new PyBoxed(t, v, null);
}

// ---- operators -------------------------------------------------------------------------------

function isIndexable(v: any): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || typeOf(v).lookup('__index__') !== undefined;
}

export function repeatStr(s: string, count: any): string {
  const n = ssizeArgRepeat(count);
  if (n <= 0 || s.length === 0) return '';
  if (s.length * n > Number.MAX_SAFE_INTEGER) throw pyErr(OverflowError, 'repeated string is too long');
  checkSize(s.length * n);
  return s.repeat(n);
}

function ssizeArgRepeat(v: any): number {
  const i = toIndex(v);
  if (typeof i === 'number') return i;
  if (i >= 1n << 63n || i < -(1n << 63n)) throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  return i > 0n ? Number.MAX_SAFE_INTEGER : -1;
}

/** sys.getsizeof of a str: CPython's compact layouts (ASCII, latin-1, UCS-2, UCS-4). */
function strSizeof(s: string): number {
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (max >= 0xd800) break;
  }
  const n = cpCount(s);
  if (max < 0x80) return 49 + n;
  if (max < 0x100) return 73 + n;
  if (max < 0xd800 || bmp(s)) return 74 + 2 * n;
  return 76 + 4 * n;
}

// ---- installation ----------------------------------------------------------------------------

export function installStr(): void {
  const S = strType;
  const def = (name: string, spec: Parameters<typeof defMethod>[2], impl: (s: string, a: any[]) => any): void => {
    defMethod(S, name, spec, strOf, impl);
  };
  S.ns.setStr('__new__', staticNew(strNew));

  def('__repr__', NOARGS, (s) => strRepr(s));
  def('__str__', NOARGS, (s) => s);
  def('__hash__', NOARGS, (s) => hashString(s));
  def('__len__', NOARGS, (s) => cpCount(s));
  def('__iter__', NOARGS, (s) => new StrIter(s));
  def('__getitem__', ONE, (s, a) => strGetItem(s, a[0]));
  def('__contains__', ONE, (s, a) => {
    const x = strOf(a[0]);
    if (x === null) throw pyErr(TypeError, `'in <string>' requires string as left operand, not ${typeName(a[0])}`);
    return cpIndexOf(s, x, 0) >= 0;
  });
  def('__add__', ONE, (s, a) => {
    const o = strOf(a[0]);
    if (o === null) throw pyErr(TypeError, `can only concatenate str (not "${typeName(a[0])}") to str`);
    checkSize(s.length + o.length);
    return s + o;
  });
  def('__mul__', ONE, (s, a) => (isIndexable(a[0]) ? repeatStr(s, a[0]) : NotImplemented));
  def('__rmul__', ONE, (s, a) => (isIndexable(a[0]) ? repeatStr(s, a[0]) : NotImplemented));
  def('__mod__', ONE, (s, a) => percentFormatStr(s, a[0]));
  def('__rmod__', ONE, () => NotImplemented);
  const cmps: [string, (x: string, y: string) => boolean][] = [
    ['__lt__', (x, y) => strLess(x, y)],
    ['__le__', (x, y) => x === y || strLess(x, y)],
    ['__eq__', (x, y) => x === y],
    ['__ne__', (x, y) => x !== y],
    ['__gt__', (x, y) => strLess(y, x)],
    ['__ge__', (x, y) => x === y || strLess(y, x)],
  ];
  for (const [name, f] of cmps) {
    def(name, ONE, (s, a) => {
      const y = strOf(a[0]);
      return y === null ? NotImplemented : f(s, y);
    });
  }
  def('__format__', ONE, (s, a) => {
    const spec = strOf(a[0]);
    if (spec === null) throw pyErr(TypeError, `__format__() argument must be str, not ${typeName(a[0])}`);
    return spec === '' ? s : wrapNumeric(() => N.formatStr(s, spec));
  });
  def('__getnewargs__', NOARGS, (s) => newTuple([s]));
  def('__sizeof__', NOARGS, (s) => strSizeof(s));

  // Case and predicates (Unicode 14 data).
  def('upper', NOARGS, (s) => U.upper(s));
  def('lower', NOARGS, (s) => U.lower(s));
  def('casefold', NOARGS, (s) => U.casefold(s));
  def('title', NOARGS, (s) => U.title(s));
  def('capitalize', NOARGS, (s) => U.capitalize(s));
  def('swapcase', NOARGS, (s) => U.swapcase(s));
  def('isalnum', NOARGS, (s) => U.strIsAlnum(s));
  def('isalpha', NOARGS, (s) => U.strIsAlpha(s));
  def('isascii', NOARGS, (s) => U.strIsAscii(s));
  def('isdecimal', NOARGS, (s) => U.strIsDecimal(s));
  def('isdigit', NOARGS, (s) => U.strIsDigit(s));
  def('isidentifier', NOARGS, (s) => U.strIsIdentifier(s));
  def('islower', NOARGS, (s) => U.strIsLower(s));
  def('isnumeric', NOARGS, (s) => U.strIsNumeric(s));
  def('isprintable', NOARGS, (s) => U.strIsPrintable(s));
  def('isspace', NOARGS, (s) => s.length > 0 && stripStr(s, null, true, false) === '');
  def('istitle', NOARGS, (s) => U.strIsTitle(s));
  def('isupper', NOARGS, (s) => U.strIsUpper(s));

  // Searching.
  const subArgs = (a: any[]): [string, number, number] => [argStr(a[0]), sliceIndexArg(a[1], 0), sliceIndexArg(a[2], Number.MAX_SAFE_INTEGER)];
  def('find', legacy(1, 3), (s, a) => findSlice(s, ...subArgs(a), 1));
  def('rfind', legacy(1, 3), (s, a) => findSlice(s, ...subArgs(a), -1));
  def('index', legacy(1, 3), (s, a) => {
    const i = findSlice(s, ...subArgs(a), 1);
    if (i < 0) throw pyErr(ValueError, 'substring not found');
    return i;
  });
  def('rindex', legacy(1, 3), (s, a) => {
    const i = findSlice(s, ...subArgs(a), -1);
    if (i < 0) throw pyErr(ValueError, 'substring not found');
    return i;
  });
  def('count', legacy(1, 3), (s, a) => countSlice(s, ...subArgs(a)));
  for (const [name, atEnd] of [['startswith', false], ['endswith', true]] as const) {
    def(name, legacy(1, 3), (s, a) => {
      const start = sliceIndexArg(a[1], 0);
      const end = sliceIndexArg(a[2], Number.MAX_SAFE_INTEGER);
      const p = a[0];
      if (p instanceof PyTuple) {
        for (const x of p.items) {
          const xs = strOf(x);
          if (xs === null) throw pyErr(TypeError, `tuple for ${name} must only contain str, not ${typeName(x)}`);
          if (tailMatch(s, xs, start, end, atEnd)) return true;
        }
        return false;
      }
      const ps = strOf(p);
      if (ps === null) throw pyErr(TypeError, `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
      return tailMatch(s, ps, start, end, atEnd);
    });
  }

  // Splitting and joining.
  def('join', ONE, (s, a) => joinStr(s, a[0]));
  for (const [name, right] of [['split', false], ['rsplit', true]] as const) {
    def(name, kw(['sep', 'maxsplit']), (s, a) => {
      const maxsplit = a[1] === undefined ? -1 : ssizeArg(a[1]);
      if (a[0] === undefined || a[0] === None) return newList(right ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit));
      const sep = strOf(a[0]);
      if (sep === null) throw pyErr(TypeError, `must be str or None, not ${typeName(a[0])}`);
      if (sep === '') throw pyErr(ValueError, 'empty separator');
      return newList(right ? rsplitSep(s, sep, maxsplit) : splitSep(s, sep, maxsplit));
    });
  }
  def('splitlines', kw(['keepends']), (s, a) => newList(splitlinesStr(s, a[0] !== undefined && ssizeArgBool(a[0]))));
  def('partition', ONE, (s, a) => partitionStr(s, argStr(a[0]), false));
  def('rpartition', ONE, (s, a) => partitionStr(s, argStr(a[0]), true));

  // Stripping, padding, replacing.
  for (const [name, l, r] of [['strip', true, true], ['lstrip', true, false], ['rstrip', false, true]] as const) {
    def(name, pos(0, 1), (s, a) => {
      const c = a[0];
      if (c === undefined || c === None) return stripStr(s, null, l, r);
      const cs = strOf(c);
      if (cs === null) throw pyErr(TypeError, `${name} arg must be None or str`);
      return stripStr(s, cs, l, r);
    });
  }
  def('removeprefix', ONE, (s, a) => {
    const p = strOf(a[0]);
    if (p === null) throw pyErr(TypeError, `removeprefix() argument must be str, not ${typeName(a[0])}`);
    return p !== '' && s.startsWith(p) && onBoundary(s, 0, p.length) ? s.slice(p.length) : s;
  });
  def('removesuffix', ONE, (s, a) => {
    const p = strOf(a[0]);
    if (p === null) throw pyErr(TypeError, `removesuffix() argument must be str, not ${typeName(a[0])}`);
    return p !== '' && s.endsWith(p) && onBoundary(s, s.length - p.length, s.length) ? s.slice(0, s.length - p.length) : s;
  });
  def('replace', pos(2, 3), (s, a) => {
    const old = strOf(a[0]);
    if (old === null) throw pyErr(TypeError, `replace() argument 1 must be str, not ${typeName(a[0])}`);
    const nw = strOf(a[1]);
    if (nw === null) throw pyErr(TypeError, `replace() argument 2 must be str, not ${typeName(a[1])}`);
    return replaceStr(s, old, nw, a[2] === undefined ? -1 : ssizeArg(a[2]));
  });
  def('center', pos(1, 2), (s, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillChar(a[1]);
    const marg = width - cpCount(s);
    if (marg <= 0) return s;
    const left = Math.floor(marg / 2) + (marg & width & 1);
    return pad(s, left, marg - left, fill);
  });
  def('ljust', pos(1, 2), (s, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillChar(a[1]);
    const n = cpCount(s);
    return width <= n ? s : pad(s, 0, width - n, fill);
  });
  def('rjust', pos(1, 2), (s, a) => {
    const width = ssizeArg(a[0]);
    const fill = fillChar(a[1]);
    const n = cpCount(s);
    return width <= n ? s : pad(s, width - n, 0, fill);
  });
  def('zfill', ONE, (s, a) => zfill(s, ssizeArg(a[0])));
  def('expandtabs', kw(['tabsize']), (s, a) => expandtabs(s, a[0] === undefined ? 8 : ssizeArg(a[0])));

  // Translation.
  def('translate', ONE, (s, a) => translateStr(s, a[0]));
  S.ns.setStr('maketrans', makeStatic('maketrans', (a, k) => {
    if (k !== null && k.size > 0) throw pyErr(TypeError, 'str.maketrans() takes no keyword arguments');
    return maketrans(a);
  }));

  // Encoding and formatting.
  def('encode', kw(['encoding', 'errors']), (s, a) => {
    const enc = a[0] === undefined ? 'utf-8' : strOf(a[0]);
    if (enc === null) throw pyErr(TypeError, `encode() argument 'encoding' must be str, not ${typeName(a[0])}`);
    const errors = a[1] === undefined ? 'strict' : strOf(a[1]);
    if (errors === null) throw pyErr(TypeError, `encode() argument 'errors' must be str, not ${typeName(a[1])}`);
    return new PyBytes(bytesType, encodeStr(s, enc, errors));
  });
  S.ns.setStr('format', makeFormat());
  def('format_map', ONE, (s, a) => formatMap(s, a[0]));
}

/** splitlines(keepends): an int-like flag (CPython parses it with "i"). */
function ssizeArgBool(v: any): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const i = toIndex(v);
  return i !== 0 && i !== 0n;
}

function makeStatic(name: string, f: (a: any[], k: PyKwargs | null) => any): PyWrapper {
  return new PyWrapper(staticmethodType, new PyBuiltin(builtinFunctionType, name, f, undefined, null));
}

/** str.format(*args, **kwargs): any arguments, so no ArgSpec. */
function makeFormat(): PyBuiltin {
  return new PyBuiltin(builtinFunctionType, 'format', (a, kwargs) => {
    if (a.length === 0) throw pyErr(TypeError, "unbound method str.format() needs an argument");
    const s = strOf(a[0]);
    if (s === null) throw pyErr(TypeError, `descriptor 'format' for 'str' objects doesn't apply to a '${typeName(a[0])}' object`);
    return strFormat(s, a.slice(1), kwargs);
  }, undefined, 'str', null);
}
