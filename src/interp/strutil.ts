// Code-point view of JS strings.
//
// Python str is a sequence of code points; a JS string is UTF-16, where characters above
// U+FFFF take two units. Nearly every real string is BMP-only, so operations check that
// once (remembering the last string checked, which makes `for i in range(len(s)): s[i]`
// O(1) per index) and fall back to code-point arrays for strings with astral characters.

let lastStr = '';
let lastBmp = true;
let lastCps: string[] | null = null;

const SURROGATE = /[\ud800-\udfff]/;

/** True when the string has no surrogate units (length == number of code points). */
export function isBmp(s: string): boolean {
  if (s.length < 2) return true;
  if (s === lastStr) return lastBmp;
  lastStr = s;
  lastCps = null;
  lastBmp = !SURROGATE.test(s);
  return lastBmp;
}

/** The code points of `s` as one-character strings (cached for the last string). */
export function cpArray(s: string): string[] {
  if (s === lastStr && lastCps !== null) return lastCps;
  const a = Array.from(s);
  lastStr = s;
  lastBmp = a.length === s.length;
  lastCps = a;
  return a;
}

export function cpLen(s: string): number {
  return isBmp(s) ? s.length : cpArray(s).length;
}

/** Code point at index i (0 <= i < cpLen), as a string. */
export function cpAt(s: string, i: number): string {
  return isBmp(s) ? s[i] : cpArray(s)[i];
}

/** Slice by code point indices already normalised (CPython slice.indices semantics). */
export function cpSlice(s: string, start: number, stop: number, step: number): string {
  if (step === 1) {
    if (stop <= start) return '';
    return isBmp(s) ? s.slice(start, stop) : cpArray(s).slice(start, stop).join('');
  }
  const chars = isBmp(s) ? null : cpArray(s);
  let out = '';
  if (step > 0) {
    for (let i = start; i < stop; i += step) out += chars ? chars[i] : s[i];
  } else {
    for (let i = start; i > stop; i += step) out += chars ? chars[i] : s[i];
  }
  return out;
}

/** Convert a code-point index to a UTF-16 offset. */
export function cpToUnit(s: string, cp: number): number {
  if (isBmp(s)) return cp;
  let unit = 0;
  for (let i = 0; i < cp && unit < s.length; i++) {
    const c = s.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < s.length ? 2 : 1;
  }
  return unit;
}

/** Convert a UTF-16 offset to a code-point index. */
export function unitToCp(s: string, unit: number): number {
  if (isBmp(s)) return unit;
  let cp = 0;
  for (let i = 0; i < unit && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) cp++;
  }
  return cp;
}

/** Normalise slice bounds for a sequence of `length` (PySlice_AdjustIndices). */
export function adjustIndices(length: number, start: number, stop: number, step: number): [number, number, number] {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  let n: number;
  if (step < 0) n = stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  else n = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return [start, stop, n];
}
