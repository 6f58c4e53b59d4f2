// Unicode character names: code point -> name and name -> code point, as CPython 3.11.
//
// Role: resolves "\N{...}" escapes for the string-literal decoder (lookupName) and backs
// unicodedata.name() / unicodedata.lookup(). The data (src/unicode/data/names.ts,
// generated from CPython by scripts/gen-unicode.py) holds every explicitly named code
// point, the formal aliases of NameAliases.txt and the named sequences of
// NamedSequences.txt; names of the form PREFIX-XXXX and Hangul syllable names are
// computed (Unicode 3.12 for Hangul).
//
// Lookup semantics follow Modules/unicodedata.c _getcode of 3.11, checked against
// CPython by tests/unicode/names.test.ts:
//   - "HANGUL SYLLABLE " (case-sensitive) then the longest matching lead, vowel and
//     trailing jamo short names (case-sensitive); nothing else may follow.
//   - "CJK UNIFIED IDEOGRAPH-" (case-sensitive) then exactly 4 or 5 uppercase hex
//     digits naming a unified ideograph; so "...-04E00" works and "...-4e00" does not.
//   - every other name, alias or named sequence matches ignoring ASCII case, exactly
//     (no extra spaces); non-ASCII text never matches.
// "\N{...}" accepts aliases but not named sequences; unicodedata.lookup accepts both.
//
// Invariants: the name tables are decoded once, on the first call (about 35,000 names).

import { ByteReader, base64Bytes } from './decode.js';
import * as D from './data/names.js';

const S_BASE = 0xac00;
const L_COUNT = 19;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;
const S_COUNT = L_COUNT * N_COUNT;
const HANGUL_PREFIX = 'HANGUL SYLLABLE ';
/** CPython's NAME_MAXLEN: unicodedata.lookup rejects longer names (in UTF-8 bytes). */
export const NAME_MAXLEN = 256;

interface NameTables {
  /** Names of the stored code points, in code point order. */
  stored: string[];
  /** Runs of stored code points: [start, end] inclusive, and the index of start's name. */
  runStart: Uint32Array;
  runEnd: Uint32Array;
  runFirst: Uint32Array;
  /** Upper-case stored name or alias -> code point. */
  byName: Map<string, number>;
  aliases: (readonly [string, number])[];
  sequences: Map<string, string>;
}

let tables: NameTables | undefined;

function decodeLexicon(): string[] {
  const words: string[] = [];
  const text = D.LEXICON.replace(/\n/g, '');
  let prev = '';
  let i = 0;
  while (i < text.length) {
    const shared = text.charCodeAt(i) - 0x61;
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) < 0x61) j++;
    prev = prev.slice(0, shared) + text.slice(i + 1, j);
    words.push(prev);
    i = j;
  }
  if (words.length !== D.WORD_COUNT) throw new Error('src/unicode/data/names.ts: bad lexicon; regenerate');
  return words;
}

// Stream layout (scripts/gen-unicode.py gen_names): per name a header byte
// (words shared with the previous name << 4 | new word count, 15 = count in the next
// byte), then each new word's code: one byte below ONE_BYTE_WORDS, else two bytes.
function decodeNames(words: readonly string[], count: number): string[] {
  const r = new ByteReader(base64Bytes(D.NAME_STREAM));
  const names: string[] = [];
  let prev: string[] = [];
  for (let n = 0; n < count; n++) {
    const header = r.u8();
    let fresh = header & 15;
    if (fresh === 15) fresh = r.u8();
    const cur = prev.slice(0, header >> 4);
    for (let k = 0; k < fresh; k++) {
      const b = r.u8();
      const code = b < D.ONE_BYTE_WORDS ? b : D.ONE_BYTE_WORDS + ((b - D.ONE_BYTE_WORDS) << 8) + r.u8();
      cur.push(words[code]!);
    }
    names.push(cur.join(' '));
    prev = cur;
  }
  if (!r.done) throw new Error('src/unicode/data/names.ts: trailing name bytes; regenerate');
  return names;
}

function load(): NameTables {
  const total = D.STORED_NAME_COUNT + D.ALIAS_COUNT + D.NAMED_SEQUENCE_COUNT;
  const all = decodeNames(decodeLexicon(), total);
  const stored = all.slice(0, D.STORED_NAME_COUNT);

  const starts: number[] = [];
  const ends: number[] = [];
  const firsts: number[] = [];
  const runs = new ByteReader(base64Bytes(D.NAMED_RUNS));
  let end = 0;
  let index = 0;
  while (!runs.done) {
    const start = end + runs.varint();
    const length = runs.varint();
    starts.push(start);
    ends.push(start + length - 1);
    firsts.push(index);
    index += length;
    end = start + length;
  }
  if (index !== D.STORED_NAME_COUNT) throw new Error('src/unicode/data/names.ts: bad runs; regenerate');

  const byName = new Map<string, number>();
  for (let k = 0; k < starts.length; k++) {
    for (let cp = starts[k]!; cp <= ends[k]!; cp++) byName.set(stored[firsts[k]! + cp - starts[k]!]!, cp);
  }
  const aliases: (readonly [string, number])[] = [];
  const targets = new ByteReader(base64Bytes(D.ALIAS_TARGETS));
  for (let k = 0; k < D.ALIAS_COUNT; k++) {
    const name = all[D.STORED_NAME_COUNT + k]!;
    const cp = targets.varint();
    aliases.push([name, cp]);
    byName.set(name, cp);
  }
  const sequences = new Map<string, string>();
  const values = new ByteReader(base64Bytes(D.NAMED_SEQUENCE_VALUES));
  for (let k = 0; k < D.NAMED_SEQUENCE_COUNT; k++) {
    const length = values.varint();
    const cps: number[] = [];
    for (let j = 0; j < length; j++) cps.push(values.varint());
    sequences.set(all[D.STORED_NAME_COUNT + D.ALIAS_COUNT + k]!, String.fromCodePoint(...cps));
  }
  return {
    stored,
    runStart: Uint32Array.from(starts),
    runEnd: Uint32Array.from(ends),
    runFirst: Uint32Array.from(firsts),
    byName,
    aliases,
    sequences,
  };
}

function nameTables(): NameTables {
  return (tables ??= load());
}

function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [a, b] of ranges) if (cp >= a && cp <= b) return true;
  return false;
}

/** unicodedata.name(): the character name of `cp`, or undefined if it has none. */
export function nameOf(cp: number): string | undefined {
  if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
    const s = cp - S_BASE;
    return (
      HANGUL_PREFIX +
      D.JAMO_LEAD[Math.floor(s / N_COUNT)]! +
      D.JAMO_VOWEL[Math.floor((s % N_COUNT) / T_COUNT)]! +
      D.JAMO_TRAIL[s % T_COUNT]!
    );
  }
  for (const r of D.HEX_NAME_RANGES) if (inRanges(cp, r.ranges)) return r.prefix + hex4(cp);
  const t = nameTables();
  let lo = 0;
  let hi = t.runStart.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < t.runStart[mid]!) hi = mid - 1;
    else if (cp > t.runEnd[mid]!) lo = mid + 1;
    else return t.stored[t.runFirst[mid]! + cp - t.runStart[mid]!];
  }
  return undefined;
}

/** Longest jamo short name of `table` at s[pos] (case-sensitive), as [index, length]. */
function matchJamo(s: string, pos: number, table: readonly string[]): [number, number] {
  let best = -1;
  let bestLength = -1;
  table.forEach((jamo, i) => {
    if (jamo.length > bestLength && s.startsWith(jamo, pos)) {
      best = i;
      bestLength = jamo.length;
    }
  });
  return [best, Math.max(bestLength, 0)];
}

function lookupHangul(name: string): number | undefined {
  let pos = HANGUL_PREFIX.length;
  const [l, ll] = matchJamo(name, pos, D.JAMO_LEAD);
  pos += ll;
  const [v, vl] = matchJamo(name, pos, D.JAMO_VOWEL);
  pos += vl;
  const [t, tl] = matchJamo(name, pos, D.JAMO_TRAIL);
  pos += tl;
  if (l < 0 || v < 0 || t < 0 || pos !== name.length) return undefined;
  return S_BASE + (l * V_COUNT + v) * T_COUNT + t;
}

function isAsciiUpperHex(s: string): boolean {
  return /^[0-9A-F]+$/.test(s);
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/**
 * The code point a "\N{name}" escape denotes (names and aliases, not named
 * sequences), or undefined for an unknown name.
 */
export function lookupName(name: string): number | undefined {
  if (!/^[\x00-\x7f]*$/.test(name)) return undefined;
  if (name.startsWith(HANGUL_PREFIX)) return lookupHangul(name);
  for (const r of D.HEX_NAME_RANGES) {
    if (!r.caseSensitive || !name.startsWith(r.prefix)) continue;
    const digits = name.slice(r.prefix.length);
    if ((digits.length !== 4 && digits.length !== 5) || !isAsciiUpperHex(digits)) return undefined;
    const cp = parseInt(digits, 16);
    return inRanges(cp, r.ranges) ? cp : undefined;
  }
  const upper = asciiUpper(name);
  for (const r of D.HEX_NAME_RANGES) {
    if (r.caseSensitive || !upper.startsWith(r.prefix)) continue;
    const digits = upper.slice(r.prefix.length);
    if (!isAsciiUpperHex(digits)) continue;
    const cp = parseInt(digits, 16);
    if (hex4(cp) === digits && inRanges(cp, r.ranges)) return cp;
  }
  return nameTables().byName.get(upper);
}

/** The value of a named sequence (matched ignoring ASCII case), or undefined. */
export function lookupNamedSequence(name: string): string | undefined {
  if (!/^[\x00-\x7f]*$/.test(name)) return undefined;
  return nameTables().sequences.get(asciiUpper(name));
}

/** All formal aliases, as [alias, code point], in CPython's order. */
export function aliasEntries(): readonly (readonly [string, number])[] {
  return nameTables().aliases;
}

/** All named sequences, as [name, value], in CPython's order. */
export function namedSequenceEntries(): readonly (readonly [string, string])[] {
  return [...nameTables().sequences];
}
