// repr(), str(), ascii() and format() for every value.
//
// Exact builtin types take direct paths (the text CPython produces, e.g. float repr as
// the shortest round-trip string, str repr with CPython's quote choice and escapes);
// everything else goes through __repr__/__str__/__format__ so user overrides apply.
// Container reprs guard against self-reference ("[...]", "{...}").

import { defaultRepr, reprHook, typeRepr } from '../classes.js';
import { fmtHooks } from '../eval_support.js';
import { pyErr, TypeError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { PyBoxed, PyBuiltin, PyBytes, PyByteArray, PyComplex, PyFloat, PyFunction, PyList, PyMethod, PyModule, PyObject, PyRange, PySlice, PyTuple } from '../objects.js';
import { call, callDescr, callMethod, Ellipsis, getAttrOpt, hooks, None, NotImplemented, objectId, reprGuard, typeOf, typeName } from '../protocol.js';
import { importState } from '../imports.js';
import { PyDict } from '../pydict.js';
import { PySet } from '../pyset.js';
import { isPrintable } from '../../unicode/index.js';
import { wrapNumeric } from '../arith.js';
import {
  boolType, complexType, dictType, floatType, frozensetType, intType, listType, PyType, setType, strType, tupleType,
} from '../typeobj.js';

/** repr of an int (bigints honour the int max str digits limit). */
export function intRepr(v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  return wrapNumeric(() => N.intToDecimalString(v));
}

export function floatRepr(x: number): string {
  return N.floatRepr(x);
}

const SIMPLE_STR = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** repr of a str as CPython's unicode_repr writes it. */
export function strRepr(s: string): string {
  if (SIMPLE_STR.test(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || cp === 92) out += '\\' + ch;
    else if (cp === 9) out += '\\t';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp < 32 || cp === 127) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 127) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else if (isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

/** repr of bytes: b'...' with CPython's quote choice and \x escapes. */
export function bytesRepr(b: Uint8Array, prefix = 'b'): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 34 : 39;
  let out = prefix + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

export function complexRepr(re: number, im: number): string {
  return N.complexRepr({ re, im });
}

function seqRepr(items: any[], open: string, close: string): string {
  let s = open;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) s += ', ';
    s += repr(items[i]);
  }
  return s + close;
}

export function listRepr(l: PyList): string {
  if (l.items.length === 0) return '[]';
  return reprGuard(l, '[...]', () => seqRepr(l.items, '[', ']'));
}

export function tupleRepr(t: PyTuple): string {
  const n = t.items.length;
  if (n === 0) return '()';
  if (n === 1) return reprGuard(t, '(...)', () => `(${repr(t.items[0])},)`);
  return reprGuard(t, '(...)', () => seqRepr(t.items, '(', ')'));
}

export function dictRepr(d: PyDict): string {
  if (d.size === 0) return '{}';
  return reprGuard(d, '{...}', () => {
    let s = '{';
    let first = true;
    for (const [k, v] of d.entries()) {
      if (!first) s += ', ';
      first = false;
      s += repr(k) + ': ' + repr(v);
    }
    return s + '}';
  });
}

export function setRepr(s: PySet): string {
  const t = s.cls;
  const base = t.isSubtype(frozensetType) ? 'frozenset' : 'set';
  const name = t === setType || t === frozensetType ? base : t.name;
  if (s.size === 0) return `${name}()`;
  return reprGuard(s, `${name}(...)`, () => {
    const body = seqRepr(s.toArray(), '{', '}');
    return t === setType ? body : `${name}(${body})`;
  });
}

/** repr(v) */
export function repr(v: any): string {
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'string':
      return strRepr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'bigint':
      return intRepr(v);
    default:
      break;
  }
  if (v === None) return 'None';
  const t = (v as PyObject).cls;
  if (t === floatType) return floatRepr((v as PyFloat).v);
  if (t === listType) return listRepr(v);
  if (t === tupleType) return tupleRepr(v);
  if (t === dictType) return dictRepr(v);
  const f = t.lookup('__repr__');
  if (f === undefined) return defaultRepr(v);
  const r = callDescr(f, v, []);
  if (typeof r === 'string') return r;
  if (r instanceof PyBoxed && typeof r.value === 'string') return r.value;
  throw pyErr(TypeError, `__repr__ returned non-string (type ${typeName(r)})`);
}

/** str(v) */
export function str(v: any): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'bigint':
      return intRepr(v);
    default:
      break;
  }
  const t = (v as PyObject).cls;
  if (t === floatType) return floatRepr((v as PyFloat).v);
  const f = t.lookup('__str__');
  if (f === undefined || f === objectStrRef.f) return repr(v);
  const r = callDescr(f, v, []);
  if (typeof r === 'string') return r;
  if (r instanceof PyBoxed && typeof r.value === 'string') return r.value;
  throw pyErr(TypeError, `__str__ returned non-string (type ${typeName(r)})`);
}

export const objectStrRef: { f: any } = { f: undefined };

/** ascii(v): repr with non-ASCII characters escaped. */
export function ascii(v: any): string {
  return asciiEscape(repr(v));
}

export function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

/** format(v, spec) */
export function format(v: any, spec: string): string {
  switch (typeof v) {
    case 'string':
      return spec === '' ? v : wrapNumeric(() => N.formatStr(v, spec));
    case 'number':
    case 'bigint':
      return wrapNumeric(() => N.formatInt(v, spec));
    case 'boolean':
      return spec === '' ? (v ? 'True' : 'False') : wrapNumeric(() => N.formatInt(v ? 1 : 0, spec, 'bool'));
    default:
      break;
  }
  const t = typeOf(v);
  if (t === floatType) return wrapNumeric(() => N.formatFloat((v as PyFloat).v, spec));
  const f = t.lookup('__format__');
  if (f === undefined) throw pyErr(TypeError, `Type ${t.name} doesn't define __format__`);
  const r = callDescr(f, v, [spec]);
  if (typeof r === 'string') return r;
  if (r instanceof PyBoxed && typeof r.value === 'string') return r.value;
  throw pyErr(TypeError, `__format__ must return a str, not ${typeName(r)}`);
}

/** Reprs of the miscellaneous builtin object kinds. */
export function miscRepr(v: any): string {
  if (v === Ellipsis) return 'Ellipsis';
  if (v === NotImplemented) return 'NotImplemented';
  if (v instanceof PyType) return typeRepr(v);
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${addr(v)}>`;
  if (v instanceof PyBuiltin) {
    const slot = v.owner !== null && isSlotWrapper(v.owner, v.name);
    if (v.self !== undefined) {
      if (v.self instanceof PyModule) return `<built-in function ${v.name}>`;
      if (slot) return `<method-wrapper '${v.name}' of ${typeName(v.self)} object at ${addr(v.self)}>`;
      return `<built-in method ${v.name} of ${typeName(v.self)} object at ${addr(v.self)}>`;
    }
    if (slot) return `<slot wrapper '${v.name}' of '${v.owner}' objects>`;
    if (v.owner !== null) return `<method '${v.name}' of '${v.owner}' objects>`;
    return `<built-in function ${v.name}>`;
  }
  if (v instanceof PyMethod) {
    // A builtin classmethod bound to its class is a builtin method (dict.fromkeys).
    if (v.func instanceof PyBuiltin) return `<built-in method ${v.func.name} of ${typeName(v.self)} object at ${addr(v.self)}>`;
    const fname = v.func instanceof PyFunction ? v.func.qualname : getAttrOpt(v.func, '__qualname__') ?? '?';
    return `<bound method ${str(fname)} of ${repr(v.self)}>`;
  }
  if (v instanceof PyModule) return moduleRepr(v);
  if (v instanceof PyRange) {
    return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  }
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyBytes) return bytesRepr(v.v);
  if (v instanceof PyByteArray) return `bytearray(${bytesRepr(v.bytes())})`;
  if (v instanceof PyComplex) return complexRepr(v.re, v.im);
  if (v instanceof PySet) return setRepr(v);
  return defaultRepr(v);
}

/**
 * Dunders a builtin type implements as type slots (Objects/typeobject.c slotdefs): their
 * descriptors are "slot wrapper"s, bound ones "method-wrapper"s. list and dict define
 * __getitem__ as an ordinary method as well (METH_COEXIST), so it stays a "method".
 */
const SLOT_DUNDERS = new Set([
  '__repr__', '__str__', '__hash__', '__call__', '__getattribute__', '__setattr__', '__delattr__',
  '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__', '__iter__', '__next__', '__get__', '__set__',
  '__delete__', '__init__', '__del__', '__await__', '__aiter__', '__anext__', '__len__', '__getitem__',
  '__setitem__', '__delitem__', '__contains__', '__neg__', '__pos__', '__abs__', '__bool__', '__invert__',
  '__int__', '__float__', '__index__', '__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__',
  '__mod__', '__rmod__', '__divmod__', '__rdivmod__', '__pow__', '__rpow__', '__lshift__', '__rlshift__',
  '__rshift__', '__rrshift__', '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__',
  '__floordiv__', '__rfloordiv__', '__truediv__', '__rtruediv__', '__matmul__', '__rmatmul__', '__iadd__',
  '__isub__', '__imul__', '__imod__', '__ipow__', '__ilshift__', '__irshift__', '__iand__', '__ixor__',
  '__ior__', '__ifloordiv__', '__itruediv__', '__imatmul__',
]);

function isSlotWrapper(owner: string, name: string): boolean {
  if (!SLOT_DUNDERS.has(name)) return false;
  return !(name === '__getitem__' && (owner === 'list' || owner === 'dict'));
}

export function addr(v: any): string {
  return '0x' + objectId(v).toString(16).padStart(12, '0');
}

/** PRINT_EXPR ('single' mode code): sys.displayhook(value), or repr to sys.stdout without one. */
function displayValue(v: any): void {
  const sys = importState.modules?.getStr('sys');
  const hook = sys?.dict?.getStr('displayhook');
  if (hook !== undefined) {
    call(hook, [v]);
    return;
  }
  const out = sys?.dict?.getStr('stdout');
  if (out !== undefined && out !== None) callMethod(out, 'write', [repr(v) + '\n']);
}

export function installReprHooks(): void {
  reprHook.repr = repr;
  reprHook.str = str;
  fmtHooks.str = str;
  fmtHooks.repr = repr;
  fmtHooks.ascii = ascii;
  fmtHooks.format = format;
  fmtHooks.print = displayValue;
  hooks.reprSlow = repr;
}

export { boolType, complexType, intType, strType };

/**
 * importlib._bootstrap._module_repr (3.11): a loader's module_repr() first, then
 * `<module NAME from FILE>`, `(built-in)` for the interpreter's own modules, and
 * `<module NAME>` or `<module NAME (LOADER)>` for the rest (types.ModuleType('m')).
 */
function moduleRepr(v: PyModule): string {
  const d = v.dict!;
  const loader = d.getStr('__loader__');
  if (loader !== undefined && loader !== None) {
    const mr = getAttrOpt(loader, 'module_repr');
    if (mr !== undefined) {
      try {
        return str(call(mr, [v]));
      } catch {
        /* as CPython: fall back to the default repr */
      }
    }
  }
  const n = d.getStr('__name__');
  const name = n === undefined ? "'?'" : repr(n);
  const file = d.getStr('__file__');
  if (file !== undefined) return `<module ${name} from ${repr(file)}>`;
  if (v.builtin) return `<module ${name} (built-in)>`;
  if (loader === undefined || loader === None) return `<module ${name}>`;
  return `<module ${name} (${repr(loader)})>`;
}
