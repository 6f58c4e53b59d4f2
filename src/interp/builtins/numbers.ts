// int, bool, float and complex: constructors, operators and methods.
//
// Arithmetic semantics come from the numeric core (numeric/); this file exposes them as
// the dunder methods CPython's types have, so `int.__add__(1, 2)`, user subclasses and
// reflected operators behave as in CPython, and implements the constructors' parsing
// (int(str, base), float(str), complex(str)) with their error messages.

import { arity, classMethod, getset, method, parseArgs, readonlyMember, unpackArity } from '../bi.js';
import { floatOf, intOf, newFloat, numberBinary, numberCompare, numericToPy, wrapNumeric } from '../arith.js';
import { toIndex } from '../containers.js';
import { pyErr, TypeError, ValueError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { PyBoxed, PyByteArray, PyBytes, PyComplex, PyFloat, type PyKwargs } from '../objects.js';
import { call, callDescr, hashNumberRef, newTuple, None, NotImplemented, typeOf, typeName } from '../protocol.js';
import { dictHooks } from '../pydict.js';
import { boolType, bytesType, complexType, floatType, intType, PyType, strType } from '../typeobj.js';
import { transformDecimalAndSpaceToAscii } from '../../unicode/index.js';
import { floatRepr, intRepr, str } from './repr.js';
import { BINOPS } from '../../bytecode/ops.js';
import { memoryviewBytesRef } from './fileio.js';

const CMP = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function cmpResult(c: number, op: number): boolean {
  if (c !== c) return op === 3;
  switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c === 0;
    case 3: return c !== 0;
    case 4: return c > 0;
    default: return c >= 0;
  }
}

/** Python hash of an int or float value (number/bigint canonical), as number or bigint. */
export function hashNumber(v: number | bigint): number | bigint {
  if (typeof v === 'number' && v >= -(2 ** 31) && v < 2 ** 31) return v === -1 ? -2 : v;
  const h = N.intHash(v);
  return h;
}

export function hashFloat(x: number): number | bigint {
  return N.floatHash(x);
}

/** int(x) conversion protocol: __int__, __index__, __trunc__ (deprecated but honoured). */
export function toInt(v: any): number | bigint {
  const i = intOf(v);
  if (i !== null) return i;
  if (v instanceof PyFloat) return wrapNumeric(() => N.floatToInt(v.v));
  if (typeof v === 'string' || (v instanceof PyBoxed && typeof v.value === 'string')) return parseInt(typeof v === 'string' ? v : (v.value as string), 10);
  if (v instanceof PyBytes || v instanceof PyByteArray) return parseInt(bytesText(v), 10);
  const t = typeOf(v);
  for (const name of ['__int__', '__index__', '__trunc__']) {
    const f = t.lookup(name);
    if (f !== undefined) {
      const r = callDescr(f, v, []);
      const ri = intOf(r);
      if (ri !== null) return ri;
      if (name === '__trunc__') return toIntFromIndex(r);
      throw pyErr(TypeError, `${name} returned non-int (type ${typeName(r)})`);
    }
  }
  throw pyErr(TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

function toIntFromIndex(r: any): number | bigint {
  const f = typeOf(r).lookup('__index__');
  if (f === undefined) throw pyErr(TypeError, `__trunc__ returned non-Integral (type ${typeName(r)})`);
  return toIndex(r);
}

function bytesText(v: PyBytes | PyByteArray): string {
  const b = v instanceof PyBytes ? v.v : v.bytes();
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

function parseInt(s: string, base: number): number | bigint {
  const text = /^[\x00-\x7f]*$/.test(s) ? s : transformDecimalAndSpaceToAscii(s);
  try {
    return N.intFromString(text, base);
  } catch (e) {
    if (e instanceof N.NumericError) {
      if (e.kind === 'ValueError' && text !== s && e.message.startsWith('invalid literal')) {
        throw pyErr(ValueError, `invalid literal for int() with base ${base}: ${reprRef.f(s)}`);
      }
      throw numericToPy(e);
    }
    throw e;
  }
}

export const reprRef: { f: (v: any) => string } = { f: (v) => String(v) };

/** float(x) conversion protocol. */
export function toFloat(v: any): number {
  if (v instanceof PyFloat) return v.v;
  const i = intOf(v);
  if (i !== null) return typeof i === 'number' ? i : wrapNumeric(() => N.intToFloat(i));
  const t = typeOf(v);
  const f = t.lookup('__float__');
  if (f !== undefined) {
    const r = callDescr(f, v, []);
    if (r instanceof PyFloat) return r.v;
    throw pyErr(TypeError, `${t.name}.__float__ returned non-float (type ${typeName(r)})`);
  }
  const ix = t.lookup('__index__');
  if (ix !== undefined) {
    const r = toIndex(v);
    return typeof r === 'number' ? r : wrapNumeric(() => N.intToFloat(r));
  }
  throw pyErr(TypeError, `must be real number, not ${t.name}`);
}

function floatFromStr(s: string): number {
  const text = /^[\x00-\x7f]*$/.test(s) ? s : transformDecimalAndSpaceToAscii(s);
  try {
    return N.floatFromString(text);
  } catch (e) {
    if (e instanceof N.NumericError) throw pyErr(ValueError, `could not convert string to float: ${reprRef.f(s)}`);
    throw e;
  }
}

function intNew(args: any[], kw: PyKwargs | null): any {
  const t = args[0] as PyType;
  if (kw !== null) for (const k of kw.keys()) if (k !== 'base') throw pyErr(TypeError, `'${k}' is an invalid keyword argument for int()`);
  const [x, base] = parseArgs('int', args, kw, ['x', 'base'], 0, 1);
  let v: number | bigint;
  if (x === undefined) {
    if (base !== undefined) throw pyErr(TypeError, "int() missing string argument");
    v = 0;
  } else if (base === undefined) {
    v = toInt(x);
  } else {
    const b = toIndex(base);
    if (typeof b !== 'number' || (b !== 0 && (b < 2 || b > 36))) throw pyErr(ValueError, 'int() base must be >= 2 and <= 36, or 0');
    let s: string;
    if (typeof x === 'string') s = x;
    else if (x instanceof PyBoxed && typeof x.value === 'string') s = x.value;
    else if (x instanceof PyBytes || x instanceof PyByteArray) s = bytesText(x);
    else throw pyErr(TypeError, "int() can't convert non-string with explicit base");
    v = parseInt(s, b);
  }
  if (t === intType) return v;
  if (t === boolType) throw pyErr(TypeError, 'int.__new__(bool) is not safe, use bool.__new__()');
  return new PyBoxed(t, v, null);
}

function floatNew(args: any[], kw: PyKwargs | null): any {
  const t = args[0] as PyType;
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'float() takes no keyword arguments');
  unpackArity('float', args, 0, 1, 1);
  const x = args[1];
  let v: number;
  if (x === undefined) v = 0;
  else if (typeof x === 'string') v = floatFromStr(x);
  else if (x instanceof PyBoxed && typeof x.value === 'string') v = floatFromStr(x.value);
  else if (x instanceof PyBytes || x instanceof PyByteArray) v = floatFromStr(bytesText(x));
  else {
    const t0 = typeOf(x);
    if (t0.lookup('__float__') === undefined && t0.lookup('__index__') === undefined && intOf(x) === null) {
      throw pyErr(TypeError, `float() argument must be a string or a real number, not '${t0.name}'`);
    }
    v = toFloat(x);
  }
  if (t === floatType) return new PyFloat(v);
  const f = new PyFloat(v);
  f.cls = t;
  return f;
}

function complexNew(args: any[], kw: PyKwargs | null): any {
  const t = args[0] as PyType;
  let [re, im] = parseArgs('complex', args, kw, ['real', 'imag'], 0, 1);
  let r = 0;
  let i = 0;
  let reIsComplex = false;
  if (re instanceof PyBoxed && typeof re.value === 'string') re = re.value;
  if (typeof re === 'string') {
    if (im !== undefined) throw pyErr(TypeError, "complex() can't take second arg if first is a string");
    const z = wrapNumeric(() => N.complexFromString(re));
    return new PyComplex(t, z.re, z.im);
  }
  if (re !== undefined) {
    if (re instanceof PyComplex) {
      r = re.re;
      i = re.im;
      reIsComplex = true;
    } else {
      const cf = typeOf(re).lookup('__complex__');
      if (cf !== undefined) {
        const z = callDescr(cf, re, []);
        if (!(z instanceof PyComplex)) throw pyErr(TypeError, `__complex__ returned non-complex (type ${typeName(z)})`);
        r = z.re;
        i = z.im;
        reIsComplex = true;
      } else r = realArg(re, 'first');
    }
  }
  if (im !== undefined) {
    if (typeof im === 'string' || (im instanceof PyBoxed && typeof im.value === 'string')) throw pyErr(TypeError, "complex() second arg can't be a string");
    // complex_new: real part minus the imaginary's imaginary part; the imaginary part is
    // the second argument's real part (plus the first's imaginary part if it was complex).
    if (im instanceof PyComplex) {
      r -= im.im;
      i = reIsComplex ? i + im.re : im.re;
    } else {
      const v = realArg(im, 'second');
      i = reIsComplex ? i + v : v;
    }
  }
  if (t === complexType && re instanceof PyComplex && re.cls === complexType && im === undefined) return re;
  return new PyComplex(t, r, i);
}

function realArg(v: any, which: string): number {
  const t = typeOf(v);
  if (intOf(v) === null && !(v instanceof PyFloat) && t.lookup('__float__') === undefined && t.lookup('__index__') === undefined) {
    // complexobject.c complex_new: only the first argument may also be a string.
    throw pyErr(TypeError, `complex() ${which} argument must be ${which === 'first' ? 'a string or a number' : 'a number'}, not '${t.name}'`);
  }
  return toFloat(v);
}

/**
 * The arithmetic dunders of a number type. `self` accepts the receiver, `other` the
 * operand types the type's slot converts (int: ints; float: floats and ints; complex:
 * all three); anything else gives NotImplemented so the other operand is tried.
 */
function installBinaryDunders(t: PyType, self: (v: any) => boolean, other: (v: any) => boolean, kind: 'int' | 'float' | 'complex'): void {
  const names = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__pow__', '__lshift__', '__rshift__', '__and__', '__or__', '__xor__'];
  const rnames = ['__radd__', '__rsub__', '__rmul__', '__rtruediv__', '__rfloordiv__', '__rmod__', '__rpow__', '__rlshift__', '__rrshift__', '__rand__', '__ror__', '__rxor__'];
  BINOPS.forEach((sym, op) => {
    if (sym === '@') return;
    const ternary = (x: any, y: any, m: any): any => {
      if (kind === 'int') return powMod(x, y, m);
      if (kind === 'float') throw pyErr(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
      throw pyErr(ValueError, 'complex modulo');
    };
    method(t, names[op], (a) => {
      if (!self(a[0]) || !other(a[1])) return NotImplemented;
      if (op === 6 && a.length === 3 && a[2] !== None) return ternary(a[0], a[1], a[2]);
      return numberBinary(op, a[0], a[1]);
    });
    method(t, rnames[op], (a) => {
      if (!self(a[0]) || !other(a[1])) return NotImplemented;
      if (op === 6 && a.length === 3 && a[2] !== None) return ternary(a[1], a[0], a[2]);
      return numberBinary(op, a[1], a[0]);
    });
  });
}

/** pow(a, b, m) for ints. */
export function powMod(a: any, b: any, m: any): any {
  const ia = intOf(a);
  const ib = intOf(b);
  const im = intOf(m);
  if (ia === null || ib === null || im === null) {
    if (a instanceof PyFloat || b instanceof PyFloat) throw pyErr(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
    return NotImplemented;
  }
  return wrapNumeric(() => N.intPowMod(ia, ib, im));
}

function isIntLike(v: any): boolean {
  return intOf(v) !== null;
}

export function installNumbers(): void {
  hashNumberRef.f = hashNumber;
  dictHooks.plainBoxed = (t: PyType) => {
    const base = t.isSubtype(strType) ? strType : intType;
    return t.lookup('__eq__') === base.lookup('__eq__') && t.lookup('__hash__') === base.lookup('__hash__');
  };

  // ---- int
  const I = intType;
  I.ns.setStr('__new__', staticNew(intNew));
  installBinaryDunders(I, isIntLike, isIntLike, 'int');
  CMP.forEach((name, op) =>
    method(I, name, (a) => {
      const x = a[0];
      const y = a[1];
      if (!isIntLike(x) || !isIntLike(y)) return NotImplemented;
      return cmpResult(numberCompare(x, y)!, op);
    }),
  );
  method(I, '__repr__', (a) => intRepr(intOf(a[0])!));
  method(I, '__hash__', (a) => hashNumber(intOf(a[0])!));
  method(I, '__bool__', (a) => intOf(a[0]) !== 0);
  method(I, '__index__', (a) => intOf(a[0]));
  method(I, '__int__', (a) => intOf(a[0]));
  method(I, '__float__', (a) => newFloat(wrapNumeric(() => N.intToFloat(intOf(a[0])!))));
  method(I, '__neg__', (a) => N.intNeg(intOf(a[0])!));
  method(I, '__pos__', (a) => intOf(a[0]));
  method(I, '__abs__', (a) => N.intAbs(intOf(a[0])!));
  method(I, '__invert__', (a) => N.intInvert(intOf(a[0])!));
  method(I, '__trunc__', (a) => intOf(a[0]));
  method(I, '__floor__', (a) => intOf(a[0]));
  method(I, '__ceil__', (a) => intOf(a[0]));
  method(I, '__round__', (a) => {
    const v = intOf(a[0])!;
    if (a.length < 2) return v;
    return wrapNumeric(() => N.intRound(v, toIndex(a[1])));
  });
  method(I, '__divmod__', (a) => {
    const x = intOf(a[0]);
    const y = intOf(a[1]);
    if (x === null || y === null) return NotImplemented;
    const [q, r] = wrapNumeric(() => N.intDivmod(x, y));
    return newTuple([q, r]);
  });
  method(I, '__rdivmod__', (a) => {
    const x = intOf(a[1]);
    const y = intOf(a[0]);
    if (x === null || y === null) return NotImplemented;
    const [q, r] = wrapNumeric(() => N.intDivmod(x, y));
    return newTuple([q, r]);
  });
  // An empty spec means str(self) for anything but an exact int (formatter_unicode.c,
  // format_obj): bools and subclasses with their own __str__.
  method(I, '__format__', (a) => {
    const v = a[0];
    const spec = formatSpecArg(a[1]);
    if (spec === '' && typeof v !== 'number' && typeof v !== 'bigint') return str(v);
    return wrapNumeric(() => N.formatInt(intOf(v)!, spec, typeOf(v).name));
  });
  method(I, '__getnewargs__', (a) => newTuple([intOf(a[0])]));
  method(I, 'bit_length', (a) => N.intBitLength(intOf(a[0])!));
  method(I, 'bit_count', (a) => N.intBitCount(intOf(a[0])!));
  method(I, 'conjugate', (a) => intOf(a[0]));
  method(I, 'as_integer_ratio', (a) => newTuple([intOf(a[0]), 1]));
  method(I, 'to_bytes', (a, kw) => {
    const [length, byteorder, signed] = parseArgs('to_bytes', a, kw, ['length', 'byteorder'], 0, 1, ['signed']);
    const len = length === undefined ? 1 : toIndex(length);
    const order = byteorder === undefined ? 'big' : byteorder;
    if (order !== 'big' && order !== 'little') throw pyErr(ValueError, "byteorder must be either 'little' or 'big'");
    if (typeof len !== 'number' || len < 0) throw pyErr(ValueError, 'length argument must be non-negative');
    return new PyBytes(bytesType, wrapNumeric(() => N.intToBytes(intOf(a[0])!, len, order, signed === true)));
  });
  classMethod(I, 'from_bytes', (a, kw) => {
    const [bytes, byteorder, signed] = parseArgs('from_bytes', a, kw, ['bytes', 'byteorder'], 1, 1, ['signed']);
    const order = byteorder === undefined ? 'big' : byteorder;
    if (order !== 'big' && order !== 'little') throw pyErr(ValueError, "byteorder must be either 'little' or 'big'");
    const b = bytesArg(bytes);
    const v = N.intFromBytes(b, order, signed === true);
    const t = a[0] as PyType;
    return t === intType ? v : call(t, [v]);
  });
  getset(I, 'real', (x) => intOf(x));
  getset(I, 'imag', () => 0);
  getset(I, 'numerator', (x) => intOf(x));
  getset(I, 'denominator', () => 1);

  // ---- bool
  const B = boolType;
  B.ns.setStr('__new__', staticNew((args, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'bool() takes no keyword arguments');
    unpackArity('bool', args, 0, 1, 1);
    return args.length > 1 ? truthRef.f(args[1]) : false;
  }));
  method(B, '__repr__', (a) => (a[0] ? 'True' : 'False'));
  for (const [name, op] of [['__and__', 9], ['__or__', 10], ['__xor__', 11], ['__rand__', 9], ['__ror__', 10], ['__rxor__', 11]] as const) {
    method(B, name, (a) => {
      if (typeof a[0] === 'boolean' && typeof a[1] === 'boolean') return numberBinary(op, a[0], a[1]);
      if (!isIntLike(a[1])) return NotImplemented;
      return numberBinary(op, a[0], a[1]);
    });
  }

  // ---- float
  const F = floatType;
  F.ns.setStr('__new__', staticNew(floatNew));
  const isReal = (v: any): boolean => v instanceof PyFloat || isIntLike(v);
  installBinaryDunders(F, (v) => v instanceof PyFloat, isReal, 'float');
  for (const n of ['__lshift__', '__rshift__', '__and__', '__or__', '__xor__', '__rlshift__', '__rrshift__', '__rand__', '__ror__', '__rxor__']) F.ns.delete(n);
  CMP.forEach((name, op) =>
    method(F, name, (a) => {
      if (!isReal(a[1])) return NotImplemented;
      return cmpResult(numberCompare(a[0], a[1])!, op);
    }),
  );
  method(F, '__repr__', (a) => floatRepr((a[0] as PyFloat).v));
  method(F, '__hash__', (a) => hashFloat((a[0] as PyFloat).v));
  method(F, '__bool__', (a) => (a[0] as PyFloat).v !== 0);
  method(F, '__float__', (a) => (a[0].cls === floatType ? a[0] : newFloat(a[0].v)));
  method(F, '__int__', (a) => wrapNumeric(() => N.floatToInt((a[0] as PyFloat).v)));
  method(F, '__trunc__', (a) => wrapNumeric(() => N.floatTrunc((a[0] as PyFloat).v)));
  method(F, '__floor__', (a) => wrapNumeric(() => N.floatFloor((a[0] as PyFloat).v)));
  method(F, '__ceil__', (a) => wrapNumeric(() => N.floatCeil((a[0] as PyFloat).v)));
  method(F, '__neg__', (a) => newFloat(-(a[0] as PyFloat).v));
  method(F, '__pos__', (a) => newFloat((a[0] as PyFloat).v));
  method(F, '__abs__', (a) => newFloat(Math.abs((a[0] as PyFloat).v)));
  method(F, '__round__', (a) => {
    const x = (a[0] as PyFloat).v;
    if (a.length < 2 || a[1] === None) return wrapNumeric(() => N.floatRound(x));
    return newFloat(wrapNumeric(() => N.floatRoundNdigits(x, toIndex(a[1]))));
  });
  method(F, '__divmod__', (a) => {
    if (!isReal(a[1])) return NotImplemented;
    const [q, r] = wrapNumeric(() => N.floatDivmod(floatOf(a[0])!, realValue(a[1])));
    return newTuple([newFloat(q), newFloat(r)]);
  });
  method(F, '__rdivmod__', (a) => {
    if (!isReal(a[1])) return NotImplemented;
    const [q, r] = wrapNumeric(() => N.floatDivmod(realValue(a[1]), floatOf(a[0])!));
    return newTuple([newFloat(q), newFloat(r)]);
  });
  method(F, '__format__', (a) => {
    const spec = formatSpecArg(a[1]);
    if (spec === '' && a[0].cls !== floatType) return str(a[0]);
    return wrapNumeric(() => N.formatFloat((a[0] as PyFloat).v, spec));
  });
  method(F, 'is_integer', (a) => N.floatIsInteger((a[0] as PyFloat).v));
  method(F, 'as_integer_ratio', (a) => {
    const [n, d] = wrapNumeric(() => N.floatAsIntegerRatio((a[0] as PyFloat).v));
    return newTuple([n, d]);
  });
  classMethod(F, '__getformat__', (a) => {
    if (typeof a[1] !== 'string') throw pyErr(TypeError, `__getformat__() argument must be str, not ${typeName(a[1])}`);
    if (a[1] !== 'double' && a[1] !== 'float') throw pyErr(ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return 'IEEE, little-endian';
  });
  method(F, 'hex', (a) => N.floatHex((a[0] as PyFloat).v));
  classMethod(F, 'fromhex', (a) => {
    if (typeof a[1] !== 'string') throw pyErr(TypeError, `fromhex() argument must be str, not ${typeName(a[1])}`);
    const v = newFloat(wrapNumeric(() => N.floatFromHex(a[1])));
    return a[0] === floatType ? v : call(a[0], [v]);
  });
  method(F, 'conjugate', (a) => newFloat((a[0] as PyFloat).v));
  method(F, '__getnewargs__', (a) => newTuple([newFloat(a[0].v)]));
  getset(F, 'real', (x) => newFloat(x.v));
  getset(F, 'imag', () => newFloat(0));

  // ---- complex
  const C = complexType;
  C.ns.setStr('__new__', staticNew(complexNew));
  installBinaryDunders(C, (v) => v instanceof PyComplex, (v) => v instanceof PyComplex || isReal(v), 'complex');
  for (const n of ['__floordiv__', '__mod__', '__lshift__', '__rshift__', '__and__', '__or__', '__xor__', '__rfloordiv__', '__rmod__', '__rlshift__', '__rrshift__', '__rand__', '__ror__', '__rxor__']) C.ns.delete(n);
  method(C, '__eq__', (a) => {
    const z = a[0] as PyComplex;
    const o = a[1];
    if (o instanceof PyComplex) return z.re === o.re && z.im === o.im;
    if (isReal(o)) return z.im === 0 && numberCompare(newFloat(z.re), o) === 0;
    return NotImplemented;
  });
  method(C, '__ne__', (a) => {
    const z = a[0] as PyComplex;
    const o = a[1];
    if (o instanceof PyComplex) return !(z.re === o.re && z.im === o.im);
    if (isReal(o)) return !(z.im === 0 && numberCompare(newFloat(z.re), o) === 0);
    return NotImplemented;
  });
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) method(C, n, () => NotImplemented);
  method(C, '__repr__', (a) => N.complexRepr({ re: a[0].re, im: a[0].im }));
  method(C, '__hash__', (a) => N.complexHash({ re: a[0].re, im: a[0].im }));
  method(C, '__bool__', (a) => a[0].re !== 0 || a[0].im !== 0);
  method(C, '__neg__', (a) => new PyComplex(complexType, -a[0].re, -a[0].im));
  method(C, '__pos__', (a) => new PyComplex(complexType, a[0].re, a[0].im));
  method(C, '__abs__', (a) => newFloat(wrapNumeric(() => N.complexAbs({ re: a[0].re, im: a[0].im }))));
  method(C, 'conjugate', (a) => new PyComplex(complexType, a[0].re, -a[0].im));
  method(C, '__format__', (a) => {
    const spec = formatSpecArg(a[1]);
    if (spec === '' && a[0].cls !== complexType) return str(a[0]);
    return wrapNumeric(() => N.formatComplex({ re: a[0].re, im: a[0].im }, spec));
  });
  method(C, '__complex__', (a) => new PyComplex(complexType, a[0].re, a[0].im));
  method(C, '__getnewargs__', (a) => newTuple([newFloat(a[0].re), newFloat(a[0].im)]));
  readonlyMember(C, 'real', (x) => newFloat(x.re));
  readonlyMember(C, 'imag', (x) => newFloat(x.im));
}

/** The format_spec argument of __format__ (argument clinic: str). */
function formatSpecArg(v: any): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  throw pyErr(TypeError, `__format__() argument must be str, not ${typeName(v)}`);
}

function realValue(v: any): number {
  if (v instanceof PyFloat) return v.v;
  const i = intOf(v)!;
  return typeof i === 'number' ? i : wrapNumeric(() => N.intToFloat(i));
}

import { PyWrapper, PyBuiltin } from '../objects.js';
import { builtinFunctionType, staticmethodType } from '../typeobj.js';

export function staticNew(f: (args: any[], kw: PyKwargs | null) => any): PyWrapper {
  return new PyWrapper(staticmethodType, new PyBuiltin(builtinFunctionType, '__new__', f, undefined, null));
}

export const truthRef: { f: (v: any) => boolean } = { f: () => false };
export const bytesTypeRef: { t: PyType } = { t: null as unknown as PyType };
export const bytesLikeHook: { f: (v: any) => Uint8Array } = { f: () => new Uint8Array() };

/** The bytes of from_bytes()'s argument: a bytes-like object or an iterable of ints (bytes(x)). */
function bytesArg(v: any): Uint8Array {
  if (v instanceof PyBytes) return v.v;
  if (v instanceof PyByteArray) return v.bytes();
  const mv = memoryviewBytesRef.f(v);
  if (mv !== null) return mv;
  const b = call(bytesType, [v]);
  if (b instanceof PyBytes) return b.v;
  return bytesLikeHook.f(v);
}
