// The methods bytes and bytearray share, on plain byte arrays.
//
// Role: CPython implements these once for both types (Objects/bytes_methods.c and the
// stringlib templates); here they take and return Uint8Arrays and bytes.ts wraps the
// results as bytes or bytearray. Character classes are ASCII only (Py_ISSPACE,
// Py_ISALPHA...), as in CPython: bytes methods never consult the Unicode database.
// Searching uses the typed array's native indexOf for the first byte, then compares.
//
// Invariant: inputs are never mutated; results are fresh arrays (callers may keep them).

import { pyErr, ValueError } from '../exceptions.js';
import { ByteBuilder } from './buffer.js';
import { adjustIndices, checkSize } from './str.js';

// ---- ASCII character classes (pyctype.h) ------------------------------------------------------

export function isSpaceByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isLowerByte(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpperByte(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAlphaByte(c: number): boolean {
  return isLowerByte(c) || isUpperByte(c);
}
function isDigitByte(c: number): boolean {
  return c >= 48 && c <= 57;
}
function toLower(c: number): number {
  return isUpperByte(c) ? c + 32 : c;
}
function toUpper(c: number): number {
  return isLowerByte(c) ? c - 32 : c;
}

function all(b: Uint8Array, f: (c: number) => boolean): boolean {
  if (b.length === 0) return false;
  for (let i = 0; i < b.length; i++) if (!f(b[i])) return false;
  return true;
}

export const bytePredicates = {
  isalnum: (b: Uint8Array) => all(b, (c) => isAlphaByte(c) || isDigitByte(c)),
  isalpha: (b: Uint8Array) => all(b, isAlphaByte),
  isdigit: (b: Uint8Array) => all(b, isDigitByte),
  isspace: (b: Uint8Array) => all(b, isSpaceByte),
  isascii: (b: Uint8Array) => b.every((c) => c < 0x80),
  islower: (b: Uint8Array) => {
    let cased = false;
    for (const c of b) {
      if (isUpperByte(c)) return false;
      if (isLowerByte(c)) cased = true;
    }
    return cased;
  },
  isupper: (b: Uint8Array) => {
    let cased = false;
    for (const c of b) {
      if (isLowerByte(c)) return false;
      if (isUpperByte(c)) cased = true;
    }
    return cased;
  },
  istitle: (b: Uint8Array) => {
    let cased = false;
    let previousCased = false;
    for (const c of b) {
      if (isUpperByte(c)) {
        if (previousCased) return false;
        previousCased = true;
        cased = true;
      } else if (isLowerByte(c)) {
        if (!previousCased) return false;
        previousCased = true;
        cased = true;
      } else previousCased = false;
    }
    return cased;
  },
} as const;

export const byteCaseMaps = {
  lower: (b: Uint8Array) => b.map(toLower),
  upper: (b: Uint8Array) => b.map(toUpper),
  swapcase: (b: Uint8Array) => b.map((c) => (isUpperByte(c) ? c + 32 : isLowerByte(c) ? c - 32 : c)),
  capitalize: (b: Uint8Array) => b.map((c, i) => (i === 0 ? toUpper(c) : toLower(c))),
  title: (b: Uint8Array) => {
    let previousCased = false;
    return b.map((c) => {
      let r = c;
      if (isLowerByte(c)) r = previousCased ? c : c - 32;
      else if (isUpperByte(c)) r = previousCased ? c + 32 : c;
      previousCased = isAlphaByte(c);
      return r;
    });
  },
} as const;

// ---- searching ------------------------------------------------------------------------------

/** First index >= from where needle occurs wholly before `to`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number, to: number = hay.length): number {
  const m = needle.length;
  if (m === 0) return from <= to ? from : -1;
  const first = needle[0];
  const last = to - m;
  let i = from;
  while (i <= last) {
    i = hay.indexOf(first, i);
    if (i < 0 || i > last) return -1;
    let k = 1;
    while (k < m && hay[i + k] === needle[k]) k++;
    if (k === m) return i;
    i++;
  }
  return -1;
}

/** Last index i in [from, to - m] where needle occurs, or -1. */
export function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const m = needle.length;
  if (m === 0) return to >= from ? to : -1;
  for (let i = to - m; i >= from; i--) {
    i = hay.lastIndexOf(needle[0], i);
    if (i < from) return -1;
    let k = 1;
    while (k < m && hay[i + k] === needle[k]) k++;
    if (k === m) return i;
  }
  return -1;
}

export function findBytes(b: Uint8Array, sub: Uint8Array, start: number, end: number, dir: 1 | -1): number {
  [start, end] = adjustIndices(start, end, b.length);
  if (end - start < sub.length) return -1;
  if (sub.length === 0) return dir > 0 ? start : end;
  return dir > 0 ? indexOfBytes(b, sub, start, end) : lastIndexOfBytes(b, sub, start, end);
}

export function countBytes(b: Uint8Array, sub: Uint8Array, start: number, end: number): number {
  [start, end] = adjustIndices(start, end, b.length);
  if (start > b.length) return 0;
  if (end - start < sub.length) return 0;
  if (sub.length === 0) return end - start + 1;
  let n = 0;
  let i = start;
  for (;;) {
    const j = indexOfBytes(b, sub, i, end);
    if (j < 0) return n;
    n++;
    i = j + sub.length;
  }
}

export function tailMatchBytes(b: Uint8Array, sub: Uint8Array, start: number, end: number, atEnd: boolean): boolean {
  [start, end] = adjustIndices(start, end, b.length);
  end -= sub.length;
  if (end < start) return false;
  const at = atEnd ? end : start;
  for (let k = 0; k < sub.length; k++) if (b[at + k] !== sub[k]) return false;
  return true;
}

// ---- splitting, stripping, replacing ------------------------------------------------------------

export function splitBytes(b: Uint8Array, sep: Uint8Array | null, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let left = maxsplit < 0 ? Infinity : maxsplit;
  const n = b.length;
  if (sep === null) {
    let i = 0;
    while (left-- > 0) {
      while (i < n && isSpaceByte(b[i])) i++;
      if (i === n) break;
      const j = i++;
      while (i < n && !isSpaceByte(b[i])) i++;
      out.push(b.slice(j, i));
    }
    if (i < n) {
      while (i < n && isSpaceByte(b[i])) i++;
      if (i !== n) out.push(b.slice(i));
    }
    return out;
  }
  if (sep.length === 0) throw pyErr(ValueError, 'empty separator');
  let i = 0;
  while (left-- > 0) {
    const j = indexOfBytes(b, sep, i);
    if (j < 0) break;
    out.push(b.slice(i, j));
    i = j + sep.length;
  }
  out.push(b.slice(i));
  return out;
}

export function rsplitBytes(b: Uint8Array, sep: Uint8Array | null, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let left = maxsplit < 0 ? Infinity : maxsplit;
  if (sep === null) {
    let i = b.length - 1;
    while (left-- > 0) {
      while (i >= 0 && isSpaceByte(b[i])) i--;
      if (i < 0) break;
      const j = i--;
      while (i >= 0 && !isSpaceByte(b[i])) i--;
      out.push(b.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isSpaceByte(b[i])) i--;
      if (i >= 0) out.push(b.slice(0, i + 1));
    }
    return out.reverse();
  }
  if (sep.length === 0) throw pyErr(ValueError, 'empty separator');
  let end = b.length;
  while (left-- > 0) {
    const j = lastIndexOfBytes(b, sep, 0, end);
    if (j < 0) break;
    out.push(b.slice(j + sep.length, end));
    end = j;
  }
  out.push(b.slice(0, end));
  return out.reverse();
}

export function splitlinesBytes(b: Uint8Array, keepends: boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && b[i] !== 10 && b[i] !== 13) i++;
    let eol = i;
    if (i < n) {
      if (b[i] === 13 && i + 1 < n && b[i + 1] === 10) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(b.slice(j, eol));
  }
  return out;
}

export function stripBytes(b: Uint8Array, chars: Uint8Array | null, left: boolean, right: boolean): Uint8Array {
  const test = chars === null ? isSpaceByte : (c: number) => chars.indexOf(c) >= 0;
  let i = 0;
  let j = b.length;
  if (left) while (i < j && test(b[i])) i++;
  if (right) while (j > i && test(b[j - 1])) j--;
  return b.slice(i, j);
}

export function replaceBytes(b: Uint8Array, old: Uint8Array, nw: Uint8Array, count: number): Uint8Array {
  if (count < 0) count = Infinity;
  const out = new ByteBuilder(b.length);
  if (old.length === 0) {
    const m = Math.min(count, b.length + 1);
    checkSize(b.length + m * nw.length);
    for (let k = 0; k < m; k++) {
      out.append(nw);
      if (k < b.length) out.push(b[k]);
    }
    if (m < b.length + 1) out.append(b.subarray(m));
    return out.result();
  }
  let i = 0;
  while (count > 0) {
    const j = indexOfBytes(b, old, i);
    if (j < 0) break;
    out.append(b.subarray(i, j));
    out.append(nw);
    checkSize(out.len);
    i = j + old.length;
    count--;
  }
  out.append(b.subarray(i));
  return out.result();
}

export function expandtabsBytes(b: Uint8Array, tabsize: number): Uint8Array {
  const out = new ByteBuilder(b.length);
  let col = 0;
  for (const c of b) {
    if (c === 9) {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        col += incr;
        checkSize(out.len + incr);
        for (let k = 0; k < incr; k++) out.push(32);
      }
    } else {
      out.push(c);
      col++;
      if (c === 10 || c === 13) col = 0;
    }
  }
  return out.result();
}

export function padBytes(b: Uint8Array, left: number, right: number, fill: number): Uint8Array {
  checkSize(b.length + left + right);
  const out = new Uint8Array(b.length + left + right);
  out.fill(fill, 0, left);
  out.set(b, left);
  out.fill(fill, left + b.length);
  return out;
}

export function zfillBytes(b: Uint8Array, width: number): Uint8Array {
  if (width <= b.length) return b.slice();
  const fill = width - b.length;
  const out = padBytes(b, fill, 0, 48);
  if (out[fill] === 43 || out[fill] === 45) {
    out[0] = out[fill];
    out[fill] = 48;
  }
  return out;
}

// ---- hex ----------------------------------------------------------------------------------

const HEX = '0123456789abcdef';

/** bytes.hex(sep, bytes_per_sep) (_Py_strhex_impl): groups counted from the right if > 0. */
export function hexBytes(b: Uint8Array, sep: string | null, perSep: number): string {
  const digits: string[] = new Array(b.length);
  for (let i = 0; i < b.length; i++) digits[i] = HEX[b[i] >> 4] + HEX[b[i] & 15];
  if (sep === null || perSep === 0 || b.length === 0) return digits.join('');
  const g = Math.abs(perSep);
  if (g >= b.length) return digits.join('');
  const groups: string[] = [];
  if (perSep < 0) {
    for (let i = 0; i < b.length; i += g) groups.push(digits.slice(i, i + g).join(''));
  } else {
    const head = b.length % g;
    if (head > 0) groups.push(digits.slice(0, head).join(''));
    for (let i = head; i < b.length; i += g) groups.push(digits.slice(i, i + g).join(''));
  }
  return groups.join(sep);
}

/** bytes.fromhex(string) */
export function fromhex(s: string): Uint8Array {
  const out = new ByteBuilder(s.length >> 1);
  const n = s.length;
  const digit = (i: number): number => {
    if (i >= n) return 99;
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return 99;
  };
  const err = (i: number): never => {
    // Positions count code points, as CPython sees the str.
    const pos = Array.from(s.slice(0, i)).length;
    throw pyErr(ValueError, `non-hexadecimal number found in fromhex() arg at position ${pos}`);
  };
  let i = 0;
  while (i < n) {
    if (isSpaceByte(s.charCodeAt(i))) {
      do i++;
      while (i < n && isSpaceByte(s.charCodeAt(i)));
      if (i >= n) break;
    }
    const top = digit(i);
    if (top >= 16) err(i);
    const bot = digit(i + 1);
    if (bot >= 16) err(i + 1);
    out.push((top << 4) | bot);
    i += 2;
  }
  return out.result();
}

/** The 256-byte table of bytes.translate (null = identity). */
export function translateBytes(b: Uint8Array, table: Uint8Array | null, del: Uint8Array | null): Uint8Array {
  if (table !== null && table.length !== 256) throw pyErr(ValueError, 'translation table must be 256 characters long');
  const drop = new Uint8Array(256);
  if (del !== null) for (const c of del) drop[c] = 1;
  const out = new ByteBuilder(b.length);
  for (const c of b) if (!drop[c]) out.push(table === null ? c : table[c]);
  return out.result();
}

export function maketransBytes(frm: Uint8Array, to: Uint8Array): Uint8Array {
  if (frm.length !== to.length) throw pyErr(ValueError, 'maketrans arguments must have same length');
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) t[i] = i;
  for (let i = 0; i < frm.length; i++) t[frm[i]] = to[i];
  return t;
}

/** Lexicographic byte comparison: <0, 0, >0. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  checkSize(a.length + b.length);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function repeatBytes(b: Uint8Array, n: number): Uint8Array {
  if (n <= 0 || b.length === 0) return new Uint8Array(0);
  checkSize(b.length * n);
  const out = new Uint8Array(b.length * n);
  if (b.length === 1) out.fill(b[0]);
  else {
    out.set(b);
    // Doubling copies: O(total) with few calls.
    let filled = b.length;
    while (filled < out.length) {
      const k = Math.min(filled, out.length - filled);
      out.copyWithin(filled, 0, k);
      filled += k;
    }
  }
  return out;
}
