// Case conversion of strings exactly as CPython 3.11's str methods do it.
//
// Role: str.lower/upper/title/capitalize/swapcase/casefold for the interpreter and the
// constant folder, on JS strings taken as sequences of code points (a surrogate pair is
// one astral character; a lone surrogate is a code point of its own, unchanged by every
// mapping). The per-character full mappings (UnicodeData simple mappings overridden by
// SpecialCasing.txt's unconditional ones, and CaseFolding.txt's C+F folds) come from
// src/unicode/data/casing.ts, generated from CPython's own answers for every code point.
// JavaScript's toUpperCase/toLowerCase are not used: they follow a newer Unicode and
// apply language-independent conditional rules differently.
//
// The one context-dependent rule CPython applies is Final_Sigma (Unicode 3.13,
// table 3-17), in lower(), capitalize(), title() and swapcase() but not casefold():
// U+03A3 lowercases to U+03C2 when a cased character precedes it (skipping
// case-ignorable characters) and no cased character follows it (skipping the same).
// This mirrors unicodeobject.c handle_capital_sigma. The other SpecialCasing
// conditions (Turkic, Lithuanian, After_I...) are locale rules CPython ignores.
//
// Invariants: pure ASCII strings take a fast path through the JS ASCII mapping, which
// is identical to CPython's for ASCII; every other character goes through the tables.

import { ByteReader, base64Bytes } from './decode.js';
import * as D from './data/casing.js';
import { codePoints, isAsciiString } from './codepoints.js';
import { isCaseIgnorable, isCased, isLower, isUpper } from './props.js';

const CAPITAL_SIGMA = 0x3a3;
const SMALL_SIGMA = '\u03c3';
const FINAL_SIGMA = '\u03c2';

/** The four full mappings; a code point absent from a map maps to itself. */
interface CaseMaps {
  lower: Map<number, string>;
  upper: Map<number, string>;
  title: Map<number, string>;
  fold: Map<number, string>;
}

let maps: CaseMaps | undefined;

// Entry layout (scripts/gen-unicode.py gen_casing): varint gap since the previous code
// point minus one; a mask byte (bits 0-3: lower, upper, title, fold differ from the
// identity; bit 4: title equals upper; bit 5: fold equals lower); then each stored
// mapping as a varint h: even h = single character, zigzag(delta from cp) = h / 2;
// odd h = (h >> 1) code points follow as varints.
function load(): CaseMaps {
  const m: CaseMaps = { lower: new Map(), upper: new Map(), title: new Map(), fold: new Map() };
  const r = new ByteReader(base64Bytes(D.CASE_ENTRIES));
  let cp = -1;
  for (let n = 0; n < D.CASE_ENTRY_COUNT; n++) {
    cp += r.varint() + 1;
    const mask = r.u8();
    const read = (): string => {
      const h = r.varint();
      if (h % 2 === 0) {
        const z = h / 2;
        return String.fromCodePoint(cp + (z % 2 === 0 ? z / 2 : -(z + 1) / 2));
      }
      const cps: number[] = [];
      for (let k = 0; k < (h - 1) / 2; k++) cps.push(r.varint());
      return String.fromCodePoint(...cps);
    };
    if (mask & 1) m.lower.set(cp, read());
    if (mask & 2) m.upper.set(cp, read());
    if (mask & 4) m.title.set(cp, mask & 16 ? m.upper.get(cp)! : read());
    if (mask & 8) m.fold.set(cp, mask & 32 ? m.lower.get(cp)! : read());
  }
  if (!r.done) throw new Error('src/unicode/data/casing.ts: trailing bytes; regenerate the data');
  return m;
}

function caseMaps(): CaseMaps {
  return (maps ??= load());
}

function fromCp(cp: number): string {
  return String.fromCodePoint(cp);
}

/** _PyUnicode_ToLowerFull: the full lowercase mapping of one code point. */
export function lowerFull(cp: number): string {
  return caseMaps().lower.get(cp) ?? fromCp(cp);
}
/** _PyUnicode_ToUpperFull. */
export function upperFull(cp: number): string {
  return caseMaps().upper.get(cp) ?? fromCp(cp);
}
/** _PyUnicode_ToTitleFull. */
export function titleFull(cp: number): string {
  return caseMaps().title.get(cp) ?? fromCp(cp);
}
/** _PyUnicode_ToFoldedFull. */
export function foldFull(cp: number): string {
  return caseMaps().fold.get(cp) ?? fromCp(cp);
}

/** Final_Sigma for the capital sigma at cps[i] (handle_capital_sigma). */
function isFinalSigma(cps: readonly number[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isCaseIgnorable(cps[j]!)) j--;
  if (j < 0 || !isCased(cps[j]!)) return false;
  j = i + 1;
  while (j < cps.length && isCaseIgnorable(cps[j]!)) j++;
  return j === cps.length || !isCased(cps[j]!);
}

/** lower_ucs4: the lowercase of cps[i] in its context. */
function lowerAt(cps: readonly number[], i: number): string {
  const c = cps[i]!;
  if (c === CAPITAL_SIGMA) return isFinalSigma(cps, i) ? FINAL_SIGMA : SMALL_SIGMA;
  return lowerFull(c);
}

/** str.lower() */
export function lower(s: string): string {
  if (isAsciiString(s)) return s.toLowerCase();
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

/** str.upper() */
export function upper(s: string): string {
  if (isAsciiString(s)) return s.toUpperCase();
  let out = '';
  for (const c of codePoints(s)) out += upperFull(c);
  return out;
}

/** str.casefold() (no Final_Sigma: folding is context-free). */
export function casefold(s: string): string {
  if (isAsciiString(s)) return s.toLowerCase();
  let out = '';
  for (const c of codePoints(s)) out += foldFull(c);
  return out;
}

/** str.title(): title-case a character unless the previous one is cased. */
export function title(s: string): string {
  const cps = codePoints(s);
  let out = '';
  let previousIsCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    out += previousIsCased ? lowerAt(cps, i) : titleFull(c);
    previousIsCased = isCased(c);
  }
  return out;
}

/** str.capitalize(): since 3.8 the first character is title-cased, not upper-cased. */
export function capitalize(s: string): string {
  const cps = codePoints(s);
  if (cps.length === 0) return '';
  let out = titleFull(cps[0]!);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

/** str.swapcase(): Uppercase characters are lowered (with Final_Sigma), Lowercase ones
 * uppered, everything else kept. */
export function swapcase(s: string): string {
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (isUpper(c)) out += lowerAt(cps, i);
    else if (isLower(c)) out += upperFull(c);
    else out += fromCp(c);
  }
  return out;
}
