// str.format, str.format_map and the object-model side of `str % args`.
//
// Role: the replacement-field language of "Format String Syntax" (Python reference,
// string module docs) as CPython 3.11 parses it in Objects/stringlib/unicode_format.h:
//
//   {field_name!conversion:format_spec}   field_name = arg_name ("." attr | "[" key "]")*
//
// The parser mirrors MarkupIterator_next / parse_field / field_name_split step by step
// so that malformed strings fail with CPython's message at the same point, automatic
// and manual numbering share one state across nested specs, and nested specs recurse
// at most twice ("Max string recursion exceeded"). Each field is rendered by format()
// (repr.ts), so __format__ overrides apply.
//
// `strPercentHooks` implements numeric/percent.ts's PercentHooks for str % args: tuple
// vs mapping arguments, int()/operator.index()/float() conversions with CPython's
// wrong-type messages, %c from ints and one-character strings.

import { intOf } from '../arith.js';
import { getItem, toIndex } from '../containers.js';
import { IndexError, KeyError, newExc, pyErr, TypeError, ValueError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { PyBoxed, PyComplex, PyFloat, PyObject, PyTuple, type PyKwargs } from '../objects.js';
import { getAttr, typeOf, typeName } from '../protocol.js';
import { decimalValue } from '../../unicode/index.js';
import { ascii, format, repr, str } from './repr.js';
import { toFloat, toInt } from './numbers.js';
import { wrapNumeric } from '../arith.js';

/** Where named fields come from: format()'s keyword arguments or format_map's mapping. */
type Named = { readonly kind: 'kw'; readonly map: PyKwargs | null } | { readonly kind: 'mapping'; readonly obj: any };

const enum AutoState {
  Init,
  Auto,
  Manual,
}

interface Ctx {
  /** Positional arguments, or null for format_map ("Format string contains positional fields"). */
  readonly args: readonly any[] | null;
  readonly named: Named;
  auto: AutoState;
  next: number;
}

const C_LBRACE = 123;
const C_RBRACE = 125;
const C_LBRACKET = 91;
const C_RBRACKET = 93;
const C_COLON = 58;
const C_BANG = 33;
const C_DOT = 46;

function valueError(msg: string): PyObject {
  return pyErr(ValueError, msg);
}

/** get_integer: a non-negative decimal (Unicode digits allowed) or -1. */
function getInteger(s: string): number | bigint {
  if (s === '') return -1;
  let acc = 0n;
  for (const ch of s) {
    const d = decimalValue(ch.codePointAt(0)!);
    if (d === undefined) return -1;
    acc = acc * 10n + BigInt(d);
    if (acc > 0x7fffffffffffffffn) throw valueError('Too many decimal digits in format string');
  }
  return acc <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(acc) : acc;
}

/** get_field_object: the argument named by a field, then its .attr and [key] parts. */
function fieldObject(field: string, ctx: Ctx): any {
  let i = 0;
  while (i < field.length) {
    const c = field.charCodeAt(i);
    if (c === C_DOT || c === C_LBRACKET) break;
    i++;
  }
  const first = field.slice(0, i);
  let index = getInteger(first);
  const empty = first === '';
  if (empty || index !== -1) {
    if (ctx.auto === AutoState.Init) ctx.auto = empty ? AutoState.Auto : AutoState.Manual;
    if (ctx.auto === AutoState.Manual && empty) throw valueError('cannot switch from manual field specification to automatic field numbering');
    if (ctx.auto === AutoState.Auto && !empty) throw valueError('cannot switch from automatic field numbering to manual field specification');
    if (empty) index = ctx.next++;
  }
  let obj: any;
  if (index === -1) {
    const named = ctx.named;
    if (named.kind === 'kw') {
      obj = named.map === null ? undefined : named.map.get(first);
      if (obj === undefined) throw newExc(KeyError, [first]);
    } else obj = getItem(named.obj, first);
  } else {
    if (ctx.args === null) throw valueError('Format string contains positional fields');
    if (typeof index === 'bigint' || index >= ctx.args.length) throw pyErr(IndexError, `Replacement index ${index} out of range for positional args tuple`);
    obj = ctx.args[index];
  }
  // FieldNameIterator over the rest: ".name" and "[key]" parts.
  while (i < field.length) {
    const c = field.charCodeAt(i++);
    let name: string;
    let isAttr: boolean;
    if (c === C_DOT) {
      isAttr = true;
      const s = i;
      while (i < field.length && field.charCodeAt(i) !== C_DOT && field.charCodeAt(i) !== C_LBRACKET) i++;
      name = field.slice(s, i);
    } else if (c === C_LBRACKET) {
      isAttr = false;
      const s = i;
      let closed = false;
      while (i < field.length) {
        if (field.charCodeAt(i++) === C_RBRACKET) {
          closed = true;
          break;
        }
      }
      if (!closed) throw valueError("Missing ']' in format string");
      name = field.slice(s, i - 1);
    } else throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    const key = isAttr ? -1 : getInteger(name);
    if (name === '') throw valueError('Empty attribute in format string');
    if (isAttr) obj = getAttr(obj, name);
    else obj = getItem(obj, key === -1 ? name : key);
  }
  return obj;
}

function convert(obj: any, conv: string): string {
  switch (conv) {
    case 'r':
      return repr(obj);
    case 's':
      return str(obj);
    case 'a':
      return ascii(obj);
    default: {
      const cp = conv.codePointAt(0)!;
      if (cp > 32 && cp < 127) throw valueError(`Unknown conversion specifier ${conv}`);
      throw valueError(`Unknown conversion specifier \\x${cp.toString(16)}`);
    }
  }
}

/**
 * A format string parsed once: literal text, replacement fields, and (where CPython's
 * parser would fail) the error, placed where the parse stopped so that the fields before
 * it are still evaluated first, exactly as MarkupIterator_next interleaves the two.
 */
type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: string; readonly conversion: string; readonly spec: string; readonly expand: boolean }
  | { readonly kind: 'error'; readonly message: string };

const parseCache = new Map<string, readonly Piece[]>();
const PARSE_CACHE_MAX = 512;

function parsed(fmt: string): readonly Piece[] {
  let p = parseCache.get(fmt);
  if (p === undefined) {
    p = parseFormat(fmt);
    if (parseCache.size >= PARSE_CACHE_MAX) parseCache.clear();
    parseCache.set(fmt, p);
  }
  return p;
}

/** MarkupIterator_next and parse_field over the whole string. */
function parseFormat(fmt: string): Piece[] {
  const out: Piece[] = [];
  const fail = (message: string): Piece[] => {
    out.push({ kind: 'error', message });
    return out;
  };
  const end = fmt.length;
  let pos = 0;
  while (pos < end) {
    // Literal text up to the first '{' or '}'.
    const start = pos;
    let c = 0;
    let markup = false;
    while (pos < end) {
      c = fmt.charCodeAt(pos++);
      if (c === C_LBRACE || c === C_RBRACE) {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (markup && c === C_RBRACE && (atEnd || fmt.charCodeAt(pos) !== C_RBRACE)) return fail("Single '}' encountered in format string");
    if (markup && atEnd && c === C_LBRACE) return fail("Single '{' encountered in format string");
    if (!atEnd) {
      if (fmt.charCodeAt(pos) === c) {
        pos++;
        markup = false;
      } else len--;
    }
    if (len > 0) out.push({ kind: 'text', text: fmt.slice(start, start + len) });
    if (!markup) continue;

    // parse_field: field name, optional !conversion, optional :spec.
    const nameStart = pos;
    c = 0;
    while (pos < end) {
      c = fmt.charCodeAt(pos++);
      if (c === C_LBRACE) return fail("unexpected '{' in field name");
      if (c === C_LBRACKET) {
        while (pos < end && fmt.charCodeAt(pos) !== C_RBRACKET) pos++;
        continue;
      }
      if (c === C_RBRACE || c === C_COLON || c === C_BANG) break;
    }
    const field = fmt.slice(nameStart, pos - 1);
    let conversion = '';
    let spec = '';
    let expand = false;
    if (c === C_BANG || c === C_COLON) {
      let done = false;
      if (c === C_BANG) {
        if (pos >= end) return fail('end of string while looking for conversion specifier');
        const cp = fmt.codePointAt(pos)!;
        conversion = String.fromCodePoint(cp);
        pos += cp > 0xffff ? 2 : 1;
        if (pos < end) {
          const c2 = fmt.charCodeAt(pos++);
          if (c2 === C_RBRACE) done = true;
          else if (c2 !== C_COLON) return fail("expected ':' after conversion specifier");
        }
      }
      if (!done) {
        const specStart = pos;
        let count = 1;
        let closed = false;
        while (pos < end) {
          const c3 = fmt.charCodeAt(pos++);
          if (c3 === C_LBRACE) {
            expand = true;
            count++;
          } else if (c3 === C_RBRACE) {
            if (--count === 0) {
              closed = true;
              break;
            }
          }
        }
        if (!closed) return fail("unmatched '{' in format spec");
        spec = fmt.slice(specStart, pos - 1);
      }
    } else if (c !== C_RBRACE) return fail("expected '}' before end of string");
    out.push({ kind: 'field', field, conversion, spec, expand });
  }
  return out;
}

/** build_string: expand every replacement field of `fmt` (output_markup per field). */
function buildString(fmt: string, ctx: Ctx, depth: number): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  for (const p of parsed(fmt)) {
    switch (p.kind) {
      case 'text':
        out += p.text;
        break;
      case 'error':
        throw valueError(p.message);
      case 'field': {
        let obj = fieldObject(p.field, ctx);
        if (p.conversion !== '') obj = convert(obj, p.conversion);
        const spec = p.expand ? buildString(p.spec, ctx, depth - 1) : p.spec;
        out += typeof obj === 'string' && spec === '' ? obj : format(obj, spec);
        break;
      }
    }
  }
  return out;
}

/** str.format(*args, **kwargs) */
export function strFormat(fmt: string, args: readonly any[], kwargs: PyKwargs | null): string {
  if (fmt.indexOf('{') < 0 && fmt.indexOf('}') < 0) return fmt;
  return buildString(fmt, { args, named: { kind: 'kw', map: kwargs }, auto: AutoState.Init, next: 0 }, 2);
}

/** str.format_map(mapping) */
export function formatMap(fmt: string, mapping: any): string {
  return buildString(fmt, { args: null, named: { kind: 'mapping', obj: mapping }, auto: AutoState.Init, next: 0 }, 2);
}

// ---- str % args ----------------------------------------------------------------------------

/** PyNumber_Check: int, float, complex or a type with __index__, __int__ or __float__. */
function numberCheck(v: any): boolean {
  if (intOf(v) !== null || v instanceof PyFloat || v instanceof PyComplex) return true;
  const t = typeOf(v);
  return t.lookup('__index__') !== undefined || t.lookup('__int__') !== undefined || t.lookup('__float__') !== undefined;
}

function isTypeError(e: unknown): boolean {
  return e instanceof PyObject && e.cls.isSubtype(TypeError);
}

/** mainformatlong's conversion of a %d/%i/%u (int()) or %o/%x/%X (operator.index()) argument. */
export function percentToInt(v: any, conv: N.PercentIntConv, shown: N.PercentIntConv = conv): N.PyInt {
  const i = intOf(v);
  if (i !== null) return i;
  if (!numberCheck(v)) throw N.percentIntTypeError(shown, typeName(v));
  try {
    return conv === 'o' || conv === 'x' || conv === 'X' ? toIndex(v) : toInt(v);
  } catch (e) {
    if (isTypeError(e)) throw N.percentIntTypeError(shown, typeName(v));
    throw e;
  }
}

/** %c: an int (or __index__ object), or the string itself. */
export function percentCharArg(v: any): N.PyInt | string | null {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  const i = intOf(v);
  if (i !== null) return i;
  if (typeOf(v).lookup('__index__') !== undefined) return toIndex(v);
  return null;
}

export const strPercentHooks: N.PercentHooks = {
  tupleItems: (a) => (a instanceof PyTuple ? a.items : null),
  isMapping: (a) => !(a instanceof PyTuple) && typeof a !== 'string' && !(a instanceof PyBoxed && typeof a.value === 'string') && typeOf(a).lookup('__getitem__') !== undefined,
  getItem: (m, k) => getItem(m, k),
  str: (v) => str(v),
  repr: (v) => repr(v),
  ascii: (v) => ascii(v),
  toInt: (v, conv) => percentToInt(v, conv),
  toFloat: (v) => toFloat(v),
  charArg: (v) => percentCharArg(v),
  starArg: (v) => intOf(v),
};

/** str % args */
export function percentFormatStr(fmt: string, args: any): string {
  return wrapNumeric(() => N.percentFormat(fmt, args, strPercentHooks));
}
