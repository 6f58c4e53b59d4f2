// Text encodings: str.encode, bytes.decode, str(bytes, encoding) and the UnicodeError family.
//
// Role: the codecs CPython implements in C (Objects/unicodeobject.c): UTF-8 (and
// utf-8-sig), ASCII, Latin-1, UTF-16 and UTF-32 in both byte orders and with a BOM, under
// the standard error handlers strict, ignore, replace, backslashreplace, surrogateescape,
// surrogatepass, and (encoding only) xmlcharrefreplace and namereplace. Names are
// normalised and resolved through the aliases of Lib/encodings/aliases.py.
//
// Invariants, from CPython: positions in errors count code points (encoding) or bytes
// (decoding); UTF-8 decoding reports the maximal invalid subsequence with CPython's three
// reasons; an unknown error handler is only reported when an error occurs; the codec name
// in a UTF-16/32 decoding error names the byte order actually used ('utf-16-le').
// Clean input takes the engine's TextEncoder/TextDecoder; the loops below only run for
// input that has errors or needs another codec.

import { method } from '../bi.js';
import { getExcAttr, LookupError, newExc, pyErr, setExcAttr, TypeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeError, UnicodeTranslateError } from '../exceptions.js';
import { PyBaseException, PyBytes, PyTuple } from '../objects.js';
import { None, typeName } from '../protocol.js';
import { bytesType, tupleType } from '../typeobj.js';
import { intOf } from '../arith.js';
import * as U from '../../unicode/index.js';
import { ByteBuilder, bytesLike, isAsciiBytes, latin1Bytes, latin1String } from './buffer.js';

export const CODECS = ['utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'] as const;
export type Codec = (typeof CODECS)[number];

/** Normalised names (encodings.normalize_encoding, '.' as '_') of each codec. */
const ALIASES: Readonly<Record<string, Codec>> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8', cp65001: 'utf-8',
  utf_8_sig: 'utf-8-sig',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii', ansi_x3_4_1968: 'ascii', ansi_x3_4_1986: 'ascii', cp367: 'ascii', csascii: 'ascii',
  ibm367: 'ascii', iso646_us: 'ascii', iso_646_irv_1991: 'ascii', iso_ir_6: 'ascii', us: 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', latin: 'latin-1', l1: 'latin-1', iso8859_1: 'latin-1', iso_8859_1: 'latin-1', '8859': 'latin-1',
  cp819: 'latin-1', iso_ir_100: 'latin-1', ibm819: 'latin-1', csisolatin1: 'latin-1', iso_8859_1_1987: 'latin-1', iso8859: 'latin-1',
  utf_16: 'utf-16', utf16: 'utf-16', u16: 'utf-16',
  utf_16_le: 'utf-16-le', utf_16le: 'utf-16-le', unicodelittleunmarked: 'utf-16-le',
  utf_16_be: 'utf-16-be', utf_16be: 'utf-16-be', unicodebigunmarked: 'utf-16-be',
  utf_32: 'utf-32', utf32: 'utf-32', u32: 'utf-32',
  utf_32_le: 'utf-32-le', utf_32le: 'utf-32-le',
  utf_32_be: 'utf-32-be', utf_32be: 'utf-32-be',
};

/** encodings.normalize_encoding after codecs.lookup's lower-casing. */
function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const c of name.toLowerCase()) {
    if (/^[a-z0-9.]$/.test(c)) {
      if (punct && out !== '') out += '_';
      out += c;
      punct = false;
    } else if (U.isAlnum(c.codePointAt(0)!)) {
      // Non-ASCII alphanumerics are dropped (they end a punctuation run).
      punct = false;
    } else punct = true;
  }
  return out.replace(/\./g, '_');
}

const codecCache = new Map<string, Codec | null>();

export function lookupCodec(name: string): Codec | null {
  let c = codecCache.get(name);
  if (c === undefined) {
    c = ALIASES[normalizeEncoding(name)] ?? null;
    codecCache.set(name, c);
  }
  return c;
}

function needCodec(name: string): Codec {
  const c = lookupCodec(name);
  if (c === null) throw pyErr(LookupError, `unknown encoding: ${name}`);
  return c;
}

function unknownHandler(errors: string): PyBaseException {
  return pyErr(LookupError, `unknown error handler name '${errors}'`);
}

// ---- exceptions --------------------------------------------------------------------------

function unicodeExc(t: typeof UnicodeError, args: any[], names: readonly string[]): PyBaseException {
  const e = newExc(t, args);
  names.forEach((n, i) => setExcAttr(e, n, args[i]));
  return e;
}

const ENC_ATTRS = ['encoding', 'object', 'start', 'end', 'reason'] as const;
const TRANSLATE_ATTRS = ['object', 'start', 'end', 'reason'] as const;

export function encodeError(codec: string, s: string, start: number, end: number, reason: string): PyBaseException {
  return unicodeExc(UnicodeEncodeError, [codec, s, start, end, reason], ENC_ATTRS);
}

export function decodeError(codec: string, b: Uint8Array, start: number, end: number, reason: string): PyBaseException {
  return unicodeExc(UnicodeDecodeError, [codec, new PyBytes(bytesType, b.slice()), start, end, reason], ENC_ATTRS);
}

function badChar(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** __init__ and __str__ of UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError. */
export function installCodecErrors(): void {
  const argError = (i: number, what: string, v: any): PyBaseException => pyErr(TypeError, `argument ${i} must be ${what}, not ${typeName(v)}`);
  const ssize = (i: number, v: any): number => {
    const n = intOf(v);
    if (n === null) throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
    void i;
    return Number(n);
  };
  const init = (kind: 'encode' | 'decode' | 'translate') => (a: any[]): any => {
    const e = a[0] as PyBaseException;
    const args = a.slice(1);
    e.args = new PyTuple(tupleType, args);
    const want = kind === 'translate' ? 4 : 5;
    if (args.length !== want) throw pyErr(TypeError, `function takes exactly ${want} arguments (${args.length} given)`);
    let k = 0;
    if (kind !== 'translate') {
      if (typeof args[0] !== 'string') throw argError(1, 'str', args[0]);
      setExcAttr(e, 'encoding', args[0]);
      k = 1;
    }
    let obj = args[k];
    if (kind === 'decode') {
      const b = bytesLike(obj);
      if (b === null) throw pyErr(TypeError, `a bytes-like object is required, not '${typeName(obj)}'`);
      obj = obj instanceof PyBytes ? obj : new PyBytes(bytesType, b.slice());
    } else if (typeof obj !== 'string') throw argError(k + 1, 'str', obj);
    setExcAttr(e, 'object', obj);
    setExcAttr(e, 'start', ssize(k + 2, args[k + 1]));
    setExcAttr(e, 'end', ssize(k + 3, args[k + 2]));
    if (typeof args[k + 3] !== 'string') throw argError(k + 4, 'str', args[k + 3]);
    setExcAttr(e, 'reason', args[k + 3]);
    return None;
  };
  method(UnicodeEncodeError, '__init__', init('encode'));
  method(UnicodeDecodeError, '__init__', init('decode'));
  method(UnicodeTranslateError, '__init__', init('translate'));
  const attrs = (e: PyBaseException, names: readonly string[]): any[] | null => {
    const vals = names.map((n) => getExcAttr(e, n));
    return vals.some((v) => v === undefined) ? null : vals;
  };
  method(UnicodeEncodeError, '__str__', (a) => {
    const v = attrs(a[0], ENC_ATTRS);
    if (v === null) return '';
    const [enc, obj, start, end, reason] = v;
    const cps = U.codePoints(obj);
    if (start < cps.length && end === start + 1) return `'${enc}' codec can't encode character '${badChar(cps[start])}' in position ${start}: ${reason}`;
    return `'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
  });
  method(UnicodeDecodeError, '__str__', (a) => {
    const v = attrs(a[0], ENC_ATTRS);
    if (v === null) return '';
    const [enc, obj, start, end, reason] = v;
    const b = (obj as PyBytes).v;
    if (start < b.length && end === start + 1) return `'${enc}' codec can't decode byte 0x${b[start].toString(16).padStart(2, '0')} in position ${start}: ${reason}`;
    return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  });
  method(UnicodeTranslateError, '__str__', (a) => {
    const v = attrs(a[0], TRANSLATE_ATTRS);
    if (v === null) return '';
    const [obj, start, end, reason] = v;
    const cps = U.codePoints(obj);
    if (start < cps.length && end === start + 1) return `can't translate character '${badChar(cps[start])}' in position ${start}: ${reason}`;
    return `can't translate characters in position ${start}-${end - 1}: ${reason}`;
  });
}

// ---- encoding ------------------------------------------------------------------------------

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const utf8Encoder = new TextEncoder();

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** One codec's encoding rules for the generic (error-handling) loop. */
interface Encoder {
  /** The codec name errors report. */
  readonly name: string;
  readonly reason: string;
  /** Encodable without an error handler. */
  ok(cp: number): boolean;
  /** Append the encoding of cp (ok(cp) or a surrogate under surrogatepass). */
  emit(out: ByteBuilder, cp: number): void;
  /** Whether an error covers a run of bad characters (ASCII, Latin-1, UTF-8) or one. */
  readonly runs: boolean;
  readonly utf: boolean;
}

function utf8Emit(out: ByteBuilder, cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6));
    out.push(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18));
    out.push(0x80 | ((cp >> 12) & 0x3f));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  }
}

function utf16Unit(out: ByteBuilder, u: number, le: boolean): void {
  if (le) {
    out.push(u & 0xff);
    out.push(u >> 8);
  } else {
    out.push(u >> 8);
    out.push(u & 0xff);
  }
}

function utf16Emit(le: boolean): (out: ByteBuilder, cp: number) => void {
  return (out, cp) => {
    if (cp < 0x10000) utf16Unit(out, cp, le);
    else {
      const v = cp - 0x10000;
      utf16Unit(out, 0xd800 | (v >> 10), le);
      utf16Unit(out, 0xdc00 | (v & 0x3ff), le);
    }
  };
}

function utf32Emit(le: boolean): (out: ByteBuilder, cp: number) => void {
  return (out, cp) => {
    const b = [cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, cp >>> 24];
    if (!le) b.reverse();
    for (const x of b) out.push(x);
  };
}

function encoderFor(codec: Codec, name: string): Encoder {
  switch (codec) {
    case 'ascii':
      return { name, reason: 'ordinal not in range(128)', ok: (c) => c < 0x80, emit: (o, c) => o.push(c), runs: true, utf: false };
    case 'latin-1':
      return { name, reason: 'ordinal not in range(256)', ok: (c) => c < 0x100, emit: (o, c) => o.push(c), runs: true, utf: false };
    case 'utf-8':
    case 'utf-8-sig':
      return { name, reason: 'surrogates not allowed', ok: (c) => !isSurrogate(c), emit: utf8Emit, runs: true, utf: true };
    case 'utf-16':
    case 'utf-16-le':
    case 'utf-16-be':
      return { name, reason: 'surrogates not allowed', ok: (c) => !isSurrogate(c), emit: utf16Emit(codec !== 'utf-16-be'), runs: false, utf: true };
    case 'utf-32':
    case 'utf-32-le':
    case 'utf-32-be':
      return { name, reason: 'surrogates not allowed', ok: (c) => !isSurrogate(c), emit: utf32Emit(codec !== 'utf-32-be'), runs: false, utf: true };
  }
}

/** The replacement text of a non-raising encode handler for one character, or null. */
function encodeReplacement(errors: string, cp: number): string | null {
  switch (errors) {
    case 'replace':
      return '?';
    case 'backslashreplace':
      return badChar(cp);
    case 'xmlcharrefreplace':
      return `&#${cp};`;
    case 'namereplace': {
      const n = U.nameOf(cp);
      return n === undefined ? badChar(cp) : `\\N{${n}}`;
    }
    default:
      return null;
  }
}

/** Encode the code points with error handling (the slow path). */
function encodeLoop(s: string, enc: Encoder, errors: string, out: ByteBuilder): void {
  const cps = U.codePoints(s);
  const n = cps.length;
  let i = 0;
  while (i < n) {
    const c = cps[i];
    if (enc.ok(c)) {
      enc.emit(out, c);
      i++;
      continue;
    }
    let end = i + 1;
    if (enc.runs) while (end < n && !enc.ok(cps[end])) end++;
    switch (errors) {
      case 'strict':
        throw encodeError(enc.name, s, i, end, enc.reason);
      case 'ignore':
        break;
      case 'replace':
      case 'backslashreplace':
      case 'xmlcharrefreplace':
      case 'namereplace':
        for (let k = i; k < end; k++) for (const ch of encodeReplacement(errors, cps[k])!) enc.emit(out, ch.charCodeAt(0));
        break;
      case 'surrogateescape': {
        // The handler's replacement is bytes, one per character: UTF-16 and UTF-32 need
        // whole code units, so they reject it with the original error (codecs.c).
        if (!enc.runs) throw encodeError(enc.name, s, i, end, enc.reason);
        let k = i;
        for (; k < end; k++) {
          const x = cps[k];
          if (x < 0xdc80 || x > 0xdcff) break;
          out.push(x - 0xdc00);
        }
        if (k < end) throw encodeError(enc.name, s, k, end, enc.reason);
        break;
      }
      case 'surrogatepass': {
        let k = i;
        if (enc.utf) {
          for (; k < end; k++) {
            if (!isSurrogate(cps[k])) break;
            enc.emit(out, cps[k]);
          }
        }
        if (k < end) throw encodeError(enc.name, s, k, end, enc.reason);
        break;
      }
      default:
        throw unknownHandler(errors);
    }
    i = end;
  }
}

const LATIN1 = /^[\x00-\xff]*$/;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The encodings PyUnicode_Decode and PyUnicode_AsEncodedString (Objects/unicodeobject.c)
 * run directly after _Py_normalize_encoding; every other name goes through the codec
 * registry, which wraps a handler's TypeError or LookupError (wrap_codec_error).
 */
const FAST_PATH: ReadonlySet<string> = new Set(['utf8', 'utf_8', 'utf16', 'utf_16', 'utf32', 'utf_32', 'ascii', 'us_ascii', 'latin1', 'latin_1', 'iso_8859_1', 'iso8859_1']);

/**
 * _PyErr_TrySetFromCause as used by the registry: "encoding with 'X' codec failed
 * (LookupError: ...)", same type, chained as the cause. UnicodeError subclasses carry more
 * state and pass through unchanged, as do errors raised on the fast paths.
 */
function viaRegistry<T>(operation: 'encoding' | 'decoding', encoding: string, run: () => T): T {
  if (FAST_PATH.has(normalizeEncoding(encoding))) return run();
  try {
    return run();
  } catch (e) {
    if (!(e instanceof PyBaseException) || !(e.cls === TypeError || e.cls === LookupError)) throw e;
    const w = pyErr(e.cls, `${operation} with '${encoding}' codec failed (${typeName(e)}: ${String(e.args.items[0] ?? '')})`);
    w.cause = e;
    w.context = e;
    w.suppressContext = true;
    throw w;
  }
}

/** str.encode(encoding, errors) */
export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  const codec = needCodec(encoding);
  return viaRegistry('encoding', encoding, () => encodeWith(s, codec, errors));
}

function encodeWith(s: string, codec: Codec, errors: string): Uint8Array {
  switch (codec) {
    case 'ascii':
      if (ASCII.test(s)) return latin1Bytes(s);
      break;
    case 'latin-1':
      if (LATIN1.test(s)) return latin1Bytes(s);
      break;
    case 'utf-8':
      if (ASCII.test(s)) return latin1Bytes(s);
      if (!LONE_SURROGATE.test(s)) return utf8Encoder.encode(s);
      break;
    default:
      break;
  }
  const out = new ByteBuilder(s.length + 4);
  switch (codec) {
    case 'utf-8-sig':
      out.append(new Uint8Array([0xef, 0xbb, 0xbf]));
      encodeLoop(s, encoderFor('utf-8', 'utf-8'), errors, out);
      break;
    case 'utf-16':
      out.append(new Uint8Array([0xff, 0xfe]));
      encodeLoop(s, encoderFor('utf-16-le', 'utf-16'), errors, out);
      break;
    case 'utf-32':
      out.append(new Uint8Array([0xff, 0xfe, 0, 0]));
      encodeLoop(s, encoderFor('utf-32-le', 'utf-32'), errors, out);
      break;
    default:
      encodeLoop(s, encoderFor(codec, codec), errors, out);
  }
  return out.result();
}

// ---- decoding ------------------------------------------------------------------------------

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Collects decoded text (string concatenation is a rope in V8: linear overall). */
class Text {
  s = '';
  cp(c: number): void {
    this.s += c < 0x10000 ? String.fromCharCode(c) : String.fromCodePoint(c);
  }
}

/** What a codec's decoder needs for surrogatepass: the surrogate at b[i], and its size. */
type SurrogateAt = (b: Uint8Array, i: number) => [number, number] | null;

/**
 * Apply a decode error handler to b[start:end); returns where decoding resumes.
 * (PyCodec_*Errors for the standard handlers.)
 */
function decodeHandler(name: string, errors: string, b: Uint8Array, start: number, end: number, reason: string, out: Text, surrogateAt: SurrogateAt | null): number {
  switch (errors) {
    case 'strict':
      throw decodeError(name, b, start, end, reason);
    case 'ignore':
      return end;
    case 'replace':
      out.cp(0xfffd);
      return end;
    case 'backslashreplace':
      for (let k = start; k < end; k++) out.s += '\\x' + b[k].toString(16).padStart(2, '0');
      return end;
    case 'surrogateescape': {
      let k = start;
      while (k < end && k - start < 4 && b[k] >= 0x80) out.cp(0xdc00 + b[k++]);
      if (k === start) throw decodeError(name, b, start, end, reason);
      return k;
    }
    case 'surrogatepass': {
      const r = surrogateAt === null ? null : surrogateAt(b, start);
      if (r === null) throw decodeError(name, b, start, end, reason);
      out.cp(r[0]);
      return start + r[1];
    }
    case 'xmlcharrefreplace':
    case 'namereplace':
      // PyCodec_XMLCharRefReplaceErrors / NameReplaceErrors only know UnicodeEncodeError.
      throw pyErr(TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    default:
      throw unknownHandler(errors);
  }
}

function isCont(c: number | undefined): boolean {
  return c !== undefined && c >= 0x80 && c < 0xc0;
}

const utf8SurrogateAt: SurrogateAt = (b, i) =>
  b[i] === 0xed && i + 2 < b.length && b[i + 1] >= 0xa0 && b[i + 1] <= 0xbf && isCont(b[i + 2]) ? [0xd000 | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3] : null;

/**
 * The error at a non-ASCII lead byte b[i] (stringlib utf8_decode), or null with the code
 * point and length when the sequence is valid: [end, reason] | [cp, length, null].
 */
function utf8Step(b: Uint8Array, i: number): [number, string | null, number] {
  const n = b.length;
  const c = b[i];
  const inv = (k: number): [number, string, number] => [i + k, 'invalid continuation byte', 0];
  const eod: [number, string, number] = [n, 'unexpected end of data', 0];
  if (c < 0xc2 || c >= 0xf5) return [i + 1, 'invalid start byte', 0];
  if (c < 0xe0) {
    if (n - i < 2) return eod;
    if (!isCont(b[i + 1])) return inv(1);
    return [((c & 0x1f) << 6) | (b[i + 1] & 0x3f), null, 2];
  }
  if (c < 0xf0) {
    const c2 = b[i + 1];
    if (n - i < 3) {
      if (n - i < 2) return eod;
      if (!isCont(c2) || (c2 < 0xa0 ? c === 0xe0 : c === 0xed)) return inv(1);
      return eod;
    }
    if (!isCont(c2) || (c === 0xe0 && c2 < 0xa0) || (c === 0xed && c2 >= 0xa0)) return inv(1);
    if (!isCont(b[i + 2])) return inv(2);
    return [((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (b[i + 2] & 0x3f), null, 3];
  }
  const c2 = b[i + 1];
  if (n - i < 4) {
    if (n - i < 2) return eod;
    if (!isCont(c2) || (c2 < 0x90 ? c === 0xf0 : c === 0xf4)) return inv(1);
    if (n - i < 3) return eod;
    if (!isCont(b[i + 2])) return inv(2);
    return eod;
  }
  if (!isCont(c2) || (c === 0xf0 && c2 < 0x90) || (c === 0xf4 && c2 >= 0x90)) return inv(1);
  if (!isCont(b[i + 2])) return inv(2);
  if (!isCont(b[i + 3])) return inv(3);
  return [((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f), null, 4];
}

function decodeUtf8Slow(b: Uint8Array, errors: string, from: number): string {
  const out = new Text();
  const n = b.length;
  let i = from;
  let run = i;
  while (i < n) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    const [x, reason, len] = utf8Step(b, i);
    if (reason === null) {
      i += len;
      continue;
    }
    if (run < i) out.s += utf8Fatal.decode(b.subarray(run, i));
    if (errors === 'surrogateescape') {
      // unicode_decode_utf8's own fast path escapes the whole invalid range.
      for (let k = i; k < x; k++) out.cp(0xdc00 + b[k]);
      i = x;
    } else i = decodeHandler('utf-8', errors, b, i, x, reason, out, utf8SurrogateAt);
    run = i;
  }
  if (run < n) out.s += utf8Fatal.decode(b.subarray(run, n));
  return out.s;
}

function decodeUtf8(b: Uint8Array, errors: string, from = 0): string {
  if (from === 0 && isAsciiBytes(b)) return latin1String(b);
  try {
    return utf8Fatal.decode(from === 0 ? b : b.subarray(from));
  } catch {
    return decodeUtf8Slow(b, errors, from);
  }
}

function decodeAscii(b: Uint8Array, errors: string): string {
  if (isAsciiBytes(b)) return latin1String(b);
  const out = new Text();
  let i = 0;
  while (i < b.length) {
    if (b[i] < 0x80) out.s += String.fromCharCode(b[i++]);
    else i = decodeHandler('ascii', errors, b, i, i + 1, 'ordinal not in range(128)', out, null);
  }
  return out.s;
}

function decodeUtf16(b: Uint8Array, errors: string, from: number, le: boolean): string {
  const name = le ? 'utf-16-le' : 'utf-16-be';
  const unit = (i: number): number => (le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  const surrogateAt: SurrogateAt = (bb, i) => {
    if (i + 1 >= bb.length) return null;
    const u = unit(i);
    return isSurrogate(u) ? [u, 2] : null;
  };
  const out = new Text();
  const n = b.length;
  let i = from;
  while (i < n) {
    if (n - i < 2) {
      i = decodeHandler(name, errors, b, i, n, 'truncated data', out, surrogateAt);
      continue;
    }
    const u = unit(i);
    if (!isSurrogate(u)) {
      out.s += String.fromCharCode(u);
      i += 2;
      continue;
    }
    if (u >= 0xdc00) {
      i = decodeHandler(name, errors, b, i, i + 2, 'illegal encoding', out, surrogateAt);
      continue;
    }
    if (n - i < 4) {
      i = decodeHandler(name, errors, b, i, n, 'unexpected end of data', out, surrogateAt);
      continue;
    }
    const u2 = unit(i + 2);
    if (u2 < 0xdc00 || u2 > 0xdfff) {
      i = decodeHandler(name, errors, b, i, i + 2, 'illegal UTF-16 surrogate', out, surrogateAt);
      continue;
    }
    out.s += String.fromCharCode(u, u2);
    i += 4;
  }
  return out.s;
}

function decodeUtf32(b: Uint8Array, errors: string, from: number, le: boolean): string {
  const name = le ? 'utf-32-le' : 'utf-32-be';
  const word = (i: number): number => (le ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0 : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0);
  const surrogateAt: SurrogateAt = (bb, i) => {
    if (i + 3 >= bb.length) return null;
    const w = word(i);
    return isSurrogate(w) ? [w, 4] : null;
  };
  const out = new Text();
  const n = b.length;
  let i = from;
  while (i < n) {
    if (n - i < 4) {
      i = decodeHandler(name, errors, b, i, n, 'truncated data', out, surrogateAt);
      continue;
    }
    const w = word(i);
    if (w > 0x10ffff) i = decodeHandler(name, errors, b, i, i + 4, 'code point not in range(0x110000)', out, surrogateAt);
    else if (isSurrogate(w)) i = decodeHandler(name, errors, b, i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)', out, surrogateAt);
    else {
      out.cp(w);
      i += 4;
    }
  }
  return out.s;
}

/** bytes.decode(encoding, errors) */
export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  const codec = needCodec(encoding);
  return viaRegistry('decoding', encoding, () => decodeWith(b, codec, errors));
}

function decodeWith(b: Uint8Array, codec: Codec, errors: string): string {
  switch (codec) {
    case 'utf-8':
      return decodeUtf8(b, errors);
    case 'utf-8-sig':
      return decodeUtf8(b, errors, b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
    case 'ascii':
      return decodeAscii(b, errors);
    case 'latin-1':
      return latin1String(b);
    case 'utf-16':
      if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return decodeUtf16(b, errors, 2, true);
      if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return decodeUtf16(b, errors, 2, false);
      return decodeUtf16(b, errors, 0, true);
    case 'utf-16-le':
    case 'utf-16-be':
      return decodeUtf16(b, errors, 0, codec === 'utf-16-le');
    case 'utf-32':
      if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return decodeUtf32(b, errors, 4, true);
      if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return decodeUtf32(b, errors, 4, false);
      return decodeUtf32(b, errors, 0, true);
    case 'utf-32-le':
    case 'utf-32-be':
      return decodeUtf32(b, errors, 0, codec === 'utf-32-le');
  }
}

export { bytesLike, LONE_SURROGATE };
