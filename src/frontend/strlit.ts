// String literal decoding.
//
// The lexer hands the parser STRING tokens as raw source ranges (prefix, quotes and all);
// this file turns the body of one literal into its value: escape sequences for str and
// bytes literals (reference 2.4.1, "Escape sequences"), raw literals untouched, and the
// errors CPython reports for malformed escapes. f-strings are split by the parser
// (fstring parsing lives in parser_expr.ts) and use decodeEscapes for their literal parts.

import { compileError } from '../diagnostics.js';
import type { Source } from './source.js';

export interface LiteralInfo {
  raw: boolean;
  bytes: boolean;
  fmt: boolean;
  /** Offsets of the body (inside the quotes). */
  bodyStart: number;
  bodyEnd: number;
  quoteLen: number;
}

/** Name lookup for \N{...}; installed by the Unicode data module. */
let nameLookup: ((name: string) => number | undefined) | null = null;

export function setUnicodeNameLookup(fn: (name: string) => number | undefined): void {
  nameLookup = fn;
}

export function literalInfo(text: string, start: number, end: number): LiteralInfo {
  let p = start;
  let raw = false;
  let bytes = false;
  let fmt = false;
  for (;;) {
    const c = text.charCodeAt(p) | 0x20;
    if (c === 114) raw = true;
    else if (c === 98) bytes = true;
    else if (c === 102) fmt = true;
    else if (c === 117) {
      /* u prefix: no effect */
    } else break;
    p++;
  }
  const q = text.charCodeAt(p);
  const triple = text.charCodeAt(p + 1) === q && text.charCodeAt(p + 2) === q && end - p >= 6;
  const quoteLen = triple ? 3 : 1;
  return { raw, bytes, fmt, bodyStart: p + quoteLen, bodyEnd: end - quoteLen, quoteLen };
}

function isOct(c: number): boolean {
  return c >= 48 && c <= 55;
}
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * Decode the escapes of a non-raw literal body [start, end). For bytes literals the result
 * holds only code units < 256. Errors carry CPython's "(unicode error)" wording with the
 * position of the bad escape counted from the start of the body, like CPython.
 */
export function decodeEscapes(source: Source, start: number, end: number, bytes: boolean, tokenStart: number): string {
  const t = source.text;
  let out = '';
  let chunk = start;
  let p = start;
  const fail = (from: number, to: number, what: string): never => {
    if (bytes) {
      throw compileError(source, 'unicodeError', tokenStart, [from - start, to - start, what]);
    }
    throw compileError(source, 'unicodeError', tokenStart, [from - start, to - start, what]);
  };
  while (p < end) {
    const c = t.charCodeAt(p);
    if (c !== 92) {
      if (c === 13) {
        // Newlines inside literals are normalised to \n, as the tokenizer does.
        out += t.slice(chunk, p) + '\n';
        p += t.charCodeAt(p + 1) === 10 ? 2 : 1;
        chunk = p;
        continue;
      }
      p++;
      continue;
    }
    out += t.slice(chunk, p);
    const e = t.charCodeAt(p + 1);
    let q = p + 2;
    switch (e) {
      case 10:
        break;
      case 13:
        if (t.charCodeAt(q) === 10) q++;
        break;
      case 92: out += '\\'; break;
      case 39: out += "'"; break;
      case 34: out += '"'; break;
      case 97: out += '\x07'; break;
      case 98: out += '\b'; break;
      case 102: out += '\f'; break;
      case 110: out += '\n'; break;
      case 114: out += '\r'; break;
      case 116: out += '\t'; break;
      case 118: out += '\v'; break;
      case 120: {
        const h1 = hexVal(t.charCodeAt(q));
        const h2 = q + 1 < end ? hexVal(t.charCodeAt(q + 1)) : -1;
        if (q >= end || h1 < 0 || h2 < 0) {
          if (bytes) throw compileError(source, 'unicodeError', tokenStart, [p - start, p - start + 1, 'invalid \\x escape']);
          fail(p, Math.min(end, q + (h1 >= 0 ? 1 : 0)) - 1 + 0, 'truncated \\xXX escape');
        }
        out += String.fromCharCode(h1 * 16 + h2);
        q += 2;
        break;
      }
      case 117:
      case 85: {
        if (bytes) {
          out += '\\' + String.fromCharCode(e);
          break;
        }
        const n = e === 117 ? 4 : 8;
        let v = 0;
        for (let i = 0; i < n; i++) {
          const h = q + i < end ? hexVal(t.charCodeAt(q + i)) : -1;
          if (h < 0) fail(p, q + i - 1, `truncated \\${e === 117 ? 'uXXXX' : 'UXXXXXXXX'} escape`);
          v = v * 16 + h;
        }
        if (v > 0x10ffff) fail(p, q + n - 1, 'illegal Unicode character');
        out += String.fromCodePoint(v);
        q += n;
        break;
      }
      case 78: {
        if (bytes) {
          out += '\\N';
          break;
        }
        if (t.charCodeAt(q) !== 123) fail(p, q - 1, 'malformed \\N character escape');
        const close = t.indexOf('}', q);
        if (close < 0 || close >= end || close === q + 1) fail(p, Math.min(end, close < 0 ? end : close) - 1, 'malformed \\N character escape');
        const name = t.slice(q + 1, close);
        const cp = nameLookup ? nameLookup(name) : undefined;
        if (cp === undefined) fail(p, close, 'unknown Unicode character name');
        out += String.fromCodePoint(cp!);
        q = close + 1;
        break;
      }
      default:
        if (isOct(e)) {
          let v = e - 48;
          if (q < end && isOct(t.charCodeAt(q))) {
            v = v * 8 + t.charCodeAt(q++) - 48;
            if (q < end && isOct(t.charCodeAt(q))) v = v * 8 + t.charCodeAt(q++) - 48;
          }
          out += String.fromCharCode(bytes ? v & 0xff : v);
        } else {
          // Unrecognised escapes are kept verbatim (with a DeprecationWarning in 3.11).
          out += '\\';
          q = p + 1;
        }
    }
    p = q;
    chunk = p;
  }
  return out + t.slice(chunk, end);
}

/** Raw literal bodies only normalise line endings. */
export function rawBody(source: Source, start: number, end: number): string {
  const s = source.text.slice(start, end);
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

export function toBytes(source: Source, s: string, tokenStart: number, tokenEnd: number, raw: boolean): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255 || (raw && c > 127)) throw compileError(source, 'bytesNonAscii', tokenStart, [], { end: tokenEnd });
    out[i] = c;
  }
  return out;
}

/** Check that a bytes literal's source text is ASCII (before decoding escapes). */
export function checkBytesSource(source: Source, start: number, end: number, tokenStart: number, tokenEnd: number): void {
  const t = source.text;
  for (let i = start; i < end; i++) {
    if (t.charCodeAt(i) > 127) throw compileError(source, 'bytesNonAscii', tokenStart, [], { end: tokenEnd });
  }
}
