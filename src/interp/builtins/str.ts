// str: constructor, operators and methods.

import { arity, method, classMethod } from '../bi.js';
import { strLess, wrapNumeric } from '../arith.js';
import { strGetItem, toIndex } from '../containers.js';
import { pyErr, TypeError, ValueError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { StrIter } from '../iterators.js';
import { PyBoxed, PyBytes, PyTuple, type PyKwargs } from '../objects.js';
import { hashString, newList, newTuple, None, NotImplemented, toArray, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { cpLen } from '../strutil.js';
import { PyType, strType } from '../typeobj.js';
import { format, repr, str, strRepr } from './repr.js';
import { staticNew } from './numbers.js';
import * as U from '../../unicode/index.js';

/** The str value of a str or str subclass instance. */
export function strOf(v: any): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  return null;
}

function self(a: any[]): string {
  const s = strOf(a[0]);
  if (s === null) throw pyErr(TypeError, `descriptor requires a 'str' object but received a '${typeName(a[0])}'`);
  return s;
}

function argStr(fname: string, v: any, n?: number): string {
  const s = strOf(v);
  if (s === null) throw pyErr(TypeError, `${fname}() argument${n === undefined ? '' : ' ' + n} must be str, not ${typeName(v)}`);
  return s;
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  const isWs = (c: string): boolean => U.strIsSpace(c);
  while (i < n) {
    while (i < n && isWs(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      let end = n;
      while (end > i && isWs(s[end - 1])) end--;
      out.push(s.slice(i, end));
      return out;
    }
    let j = i;
    while (j < n && !isWs(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  let i = 0;
  let j = s.length;
  const test = chars === null ? (c: string) => U.strIsSpace(c) : (c: string) => chars.includes(c);
  if (left) while (i < j && test(s[i])) i++;
  if (right) while (j > i && test(s[j - 1])) j--;
  return s.slice(i, j);
}

function strNew(args: any[], kw: PyKwargs | null): any {
  const t = args[0] as PyType;
  let v: string;
  if (args.length <= 1 && (kw === null || kw.size === 0)) v = '';
  else if (args.length === 2 && (kw === null || kw.size === 0)) v = str(args[1]);
  else {
    const obj = args[1];
    const encoding = args[2] ?? kw?.get('encoding') ?? 'utf-8';
    if (obj instanceof PyBytes) v = decodeBytes(obj.v, String(encoding));
    else throw pyErr(TypeError, `decoding to str: need a bytes-like object, ${typeName(obj)} found`);
  }
  if (t === strType) return v;
  return new PyBoxed(t, v, null);
}

export function decodeBytes(b: Uint8Array, encoding: string): string {
  const enc = encoding.toLowerCase().replace('_', '-');
  if (enc === 'utf-8' || enc === 'utf8') return new TextDecoder('utf-8').decode(b);
  if (enc === 'ascii' || enc === 'latin-1' || enc === 'latin1' || enc === 'iso-8859-1') {
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return s;
  }
  throw pyErr(lookupErrorRef.t, `unknown encoding: ${encoding}`);
}

export const lookupErrorRef: { t: PyType } = { t: null as unknown as PyType };

export function installStr(): void {
  const S = strType;
  S.ns.setStr('__new__', staticNew(strNew));
  method(S, '__repr__', (a) => strRepr(self(a)));
  method(S, '__str__', (a) => self(a));
  method(S, '__hash__', (a) => hashString(self(a)));
  method(S, '__len__', (a) => cpLen(self(a)));
  method(S, '__iter__', (a) => new StrIter(self(a)));
  method(S, '__getitem__', (a) => strGetItem(self(a), a[1]));
  method(S, '__contains__', (a) => {
    const x = strOf(a[1]);
    if (x === null) throw pyErr(TypeError, `'in <string>' requires string as left operand, not ${typeName(a[1])}`);
    return self(a).includes(x);
  });
  method(S, '__add__', (a) => {
    const o = strOf(a[1]);
    if (o === null) return NotImplemented;
    return self(a) + o;
  });
  method(S, '__mul__', (a) => {
    const s = self(a);
    if (typeOf(a[1]).lookup('__index__') === undefined && typeof a[1] !== 'number' && typeof a[1] !== 'boolean') return NotImplemented;
    const n = Number(toIndex(a[1]));
    return n <= 0 ? '' : s.repeat(n);
  });
  method(S, '__rmul__', (a) => {
    const s = self(a);
    if (typeOf(a[1]).lookup('__index__') === undefined && typeof a[1] !== 'number' && typeof a[1] !== 'boolean') return NotImplemented;
    const n = Number(toIndex(a[1]));
    return n <= 0 ? '' : s.repeat(n);
  });
  method(S, '__mod__', (a) => percent(self(a), a[1]));
  method(S, '__rmod__', () => NotImplemented);
  const cmps: [string, (x: string, y: string) => boolean][] = [
    ['__lt__', (x, y) => strLess(x, y)],
    ['__le__', (x, y) => x === y || strLess(x, y)],
    ['__eq__', (x, y) => x === y],
    ['__ne__', (x, y) => x !== y],
    ['__gt__', (x, y) => strLess(y, x)],
    ['__ge__', (x, y) => x === y || strLess(y, x)],
  ];
  for (const [name, f] of cmps) {
    method(S, name, (a) => {
      const y = strOf(a[1]);
      if (y === null) return NotImplemented;
      return f(self(a), y);
    });
  }
  method(S, '__format__', (a) => {
    const spec = argStr('format', a[1]);
    return wrapNumeric(() => N.formatStr(self(a), spec));
  });
  method(S, '__getnewargs__', (a) => newTuple([self(a)]));
  method(S, 'join', (a) => {
    const sep = self(a);
    const parts = toArray(a[1]);
    const out: string[] = [];
    parts.forEach((p, i) => {
      const s = strOf(p);
      if (s === null) throw pyErr(TypeError, `sequence item ${i}: expected str instance, ${typeName(p)} found`);
      out.push(s);
    });
    return out.join(sep);
  });
  method(S, 'split', (a, kw) => {
    const s = self(a);
    let sep = a[1] ?? kw?.get('sep') ?? None;
    const maxsplit = Number(toIndex(a[2] ?? kw?.get('maxsplit') ?? -1));
    if (sep === None) return newList(splitWhitespace(s, maxsplit));
    sep = argStr('split', sep);
    if (sep === '') throw pyErr(ValueError, 'empty separator');
    const parts = s.split(sep);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const head = parts.slice(0, maxsplit);
      head.push(parts.slice(maxsplit).join(sep));
      return newList(head);
    }
    return newList(parts);
  });
  method(S, 'strip', (a) => stripChars(self(a), a[1] === undefined || a[1] === None ? null : argStr('strip', a[1]), true, true));
  method(S, 'lstrip', (a) => stripChars(self(a), a[1] === undefined || a[1] === None ? null : argStr('lstrip', a[1]), true, false));
  method(S, 'rstrip', (a) => stripChars(self(a), a[1] === undefined || a[1] === None ? null : argStr('rstrip', a[1]), false, true));
  method(S, 'replace', (a) => {
    arity('replace', a, 2, 3, 1);
    const s = self(a);
    const old = argStr('replace', a[1], 1);
    const nw = argStr('replace', a[2], 2);
    let count = a.length > 3 ? Number(toIndex(a[3])) : -1;
    if (count < 0) return old === '' ? nw + Array.from(s).join(nw) + (s === '' ? '' : nw) : s.split(old).join(nw);
    let out = '';
    let i = 0;
    while (count > 0) {
      const j = old === '' ? (i <= s.length ? i : -1) : s.indexOf(old, i);
      if (j < 0) break;
      out += s.slice(i, j) + nw;
      if (old === '') {
        if (j < s.length) out += s[j];
        i = j + 1;
      } else i = j + old.length;
      count--;
    }
    return out + s.slice(i);
  });
  method(S, 'startswith', (a) => {
    const s = self(a);
    const p = a[1];
    if (p instanceof PyTuple) return p.items.some((x) => s.startsWith(argStr('startswith', x)));
    const ps = strOf(p);
    if (ps === null) throw pyErr(TypeError, `startswith first arg must be str or a tuple of str, not ${typeName(p)}`);
    return s.startsWith(ps);
  });
  method(S, 'endswith', (a) => {
    const s = self(a);
    const p = a[1];
    if (p instanceof PyTuple) return p.items.some((x) => s.endsWith(argStr('endswith', x)));
    const ps = strOf(p);
    if (ps === null) throw pyErr(TypeError, `endswith first arg must be str or a tuple of str, not ${typeName(p)}`);
    return s.endsWith(ps);
  });
  method(S, 'find', (a) => self(a).indexOf(argStr('find', a[1])));
  method(S, 'upper', (a) => U.upper(self(a)));
  method(S, 'lower', (a) => U.lower(self(a)));
  method(S, 'isdigit', (a) => U.strIsDigit(self(a)));
  method(S, 'isalpha', (a) => U.strIsAlpha(self(a)));
  method(S, 'isspace', (a) => U.strIsSpace(self(a)));
  method(S, 'format', (a, kw) => strFormatHook.f(self(a), a.slice(1), kw));
  classMethod(S, 'maketrans', () => new PyDict());
  void repr;
  void format;
}

export const strFormatHook = { f: (s: string, _args: any[], _kw: PyKwargs | null): string => s };

/** printf-style formatting: str % args */
export function percent(fmt: string, args: any): string {
  return wrapNumeric(() =>
    N.percentFormat(fmt, args, percentHooks),
  );
}

export const percentHooks: N.PercentHooks = null as unknown as N.PercentHooks;
