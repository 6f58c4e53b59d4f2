// The unicodedata module of CPython 3.11 (Unicode 14.0.0) as pure functions.
//
// Role: the interpreter and the constant folder wrap these as the `unicodedata`
// builtin module; argument checking ("need a single Unicode character as parameter")
// and raising belong to the wrapper, which takes messages from UNICODEDATA_ERRORS.
// Character functions take a code point; a missing value is `undefined` where CPython
// would return the default or raise ValueError.
//
// normalize() uses String.prototype.normalize, whose Unicode version (Node's ICU) is
// newer than 14.0.0. The Unicode normalization stability policy makes the result of
// any string of characters assigned in 14.0.0 identical in later versions; characters
// unassigned in 14.0.0 (category Cn here, and surrogates) are passed through untouched
// and cut the string into independently normalized pieces, which is what a 14.0.0
// normalizer does with them (they decompose to themselves, have combining class 0 and
// compose with nothing, so nothing reorders or composes across them).
//
// Not provided: unicodedata.ucd_3_2_0 (the Unicode 3.2 view used by the idna codec).

import { isAsciiString } from './codepoints.js';
import { ByteReader, base64Bytes } from './decode.js';
import * as DD from './data/decomp.js';
import { lookupName, lookupNamedSequence, nameOf, NAME_MAXLEN } from './names.js';
import * as P from './props.js';

export const UNIDATA_VERSION = '14.0.0';

/** Messages of the exceptions unicodedata raises (ValueError, except KeyError for lookup). */
export const UNICODEDATA_ERRORS = {
  noSuchName: 'no such name',
  notDecimal: 'not a decimal',
  notDigit: 'not a digit',
  notNumeric: 'not a numeric character',
  invalidForm: 'invalid normalization form',
  nameTooLong: 'name too long',
} as const;

export const NORMAL_FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;
export type NormalForm = (typeof NORMAL_FORMS)[number];

/** The normal form named exactly `form` (case matters, as in CPython), or undefined. */
export function parseNormalForm(form: string): NormalForm | undefined {
  return (NORMAL_FORMS as readonly string[]).includes(form) ? (form as NormalForm) : undefined;
}

export type LookupResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/** unicodedata.lookup(): a character or named sequence; on failure the KeyError message. */
export function lookup(name: string): LookupResult {
  if (Buffer.byteLength(name, 'utf8') > NAME_MAXLEN) return { ok: false, message: UNICODEDATA_ERRORS.nameTooLong };
  const cp = lookupName(name);
  if (cp !== undefined) return { ok: true, value: String.fromCodePoint(cp) };
  const seq = lookupNamedSequence(name);
  if (seq !== undefined) return { ok: true, value: seq };
  return { ok: false, message: `undefined character name '${name}'` };
}

/** unicodedata.name() */
export function name(cp: number): string | undefined {
  return nameOf(cp);
}

export const category = P.category;
export const bidirectional = P.bidirectional;
export const combining = P.combining;
export const eastAsianWidth = P.eastAsianWidth;
export const decimal = P.decimalValue;
export const digit = P.digitValue;
export const numeric = P.numericValue;

/** unicodedata.mirrored(): 1 or 0. */
export function mirrored(cp: number): number {
  return P.mirrored(cp) ? 1 : 0;
}

let decompositions: Map<number, string> | undefined;

// Entry layout (scripts/gen-unicode.py gen_decomp): varint gap since the previous code
// point minus one; varint (count << 5 | tag index); count zigzag varints, each the
// delta from the previous component (the first from the code point itself).
function loadDecompositions(): Map<number, string> {
  const map = new Map<number, string>();
  const r = new ByteReader(base64Bytes(DD.DECOMP_ENTRIES));
  let cp = -1;
  for (let n = 0; n < DD.DECOMP_COUNT; n++) {
    cp += r.varint() + 1;
    const head = r.varint();
    const tag = DD.DECOMP_TAGS[head & 31];
    if (tag === undefined) throw new Error('src/unicode/data/decomp.ts: bad tag; regenerate');
    const parts: string[] = tag === '' ? [] : [tag];
    let base = cp;
    for (let k = 0; k < head >> 5; k++) {
      base += r.svarint();
      parts.push(base.toString(16).toUpperCase().padStart(4, '0'));
    }
    map.set(cp, parts.join(' '));
  }
  if (!r.done) throw new Error('src/unicode/data/decomp.ts: trailing bytes; regenerate');
  return map;
}

/** unicodedata.decomposition(): e.g. '0041 0300' or '<compat> 0020 0301'; '' if none. */
export function decomposition(cp: number): string {
  return (decompositions ??= loadDecompositions()).get(cp) ?? '';
}

/** Whether `cp` is outside Unicode 14.0.0's assigned characters as normalization sees
 * them: unassigned (Cn) or a surrogate. */
function isNormalizationBarrier(cp: number): boolean {
  const cat = P.category(cp);
  return cat === 'Cn' || cat === 'Cs';
}

/** unicodedata.normalize() */
export function normalize(form: NormalForm, s: string): string {
  if (isAsciiString(s)) return s;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isNormalizationBarrier(cp)) {
      out += s.slice(start, i).normalize(form) + s.slice(i, i + width);
      start = i + width;
    }
    i += width;
  }
  return out + s.slice(start).normalize(form);
}

/** unicodedata.is_normalized() */
export function isNormalized(form: NormalForm, s: string): boolean {
  return normalize(form, s) === s;
}
