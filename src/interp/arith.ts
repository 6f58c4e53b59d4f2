// Arithmetic: binary, unary and comparison operators.
//
// `binaryOp` implements reference 3.3.8 ("Emulating numeric types"): fast paths for the
// builtin numbers, then the __op__/__rop__ protocol with the rule that a right operand
// whose type is a proper subclass overriding the reflected method goes first, then the
// sequence fallbacks CPython applies for + and * (with its "can only concatenate" and
// "can't multiply sequence" messages). In-place operators try __iop__ first.
// Number semantics (floor division, modulo signs, bigint promotion, float repr rules...)
// come from the numeric core in numeric/.

import { BINOP_DUNDERS, BINOPS, type BinOpSym, INPLACE } from '../bytecode/ops.js';
import * as N from './numeric/index.js';
import { OverflowError, pyErr, TypeError, ValueError, ZeroDivisionError } from './exceptions.js';
import { PyBoxed, PyBuiltin, PyComplex, PyFloat, PyList, PyObject, PyTuple } from './objects.js';
import { callDescr, compareBool, NotImplemented, richCompare, typeOf } from './protocol.js';
import { boolType, complexType, floatType, intType, listType, strType, tupleType, type PyType } from './typeobj.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The int value of an int-like (int, bool, int subclass), or null. */
export function intOf(v: any): number | bigint | null {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      if (v instanceof PyBoxed && typeof v.value !== 'string') return v.value;
      return null;
  }
}

/** The float value of a float (or float subclass), or null. */
export function floatOf(v: any): number | null {
  return v instanceof PyFloat ? v.v : null;
}

/**
 * int or float as a JS double for mixed arithmetic; null for other types. An int beyond the
 * float range raises OverflowError "int too large to convert to float" (`10**400 + 1.0`,
 * `10**400 + 1j`), as CPython's PyLong_AsDouble does.
 */
function realOf(v: any): number | null {
  if (v instanceof PyFloat) return v.v;
  const i = intOf(v);
  if (i === null) return null;
  return typeof i === 'number' ? i : wrapNumeric(() => N.intToFloat(i));
}

export function newFloat(v: number): PyFloat {
  return new PyFloat(v);
}

/** Map a NumericError from the numeric core to the Python exception it names. */
export function wrapNumeric<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof N.NumericError) throw numericToPy(e);
    throw e;
  }
}

export function numericToPy(e: N.NumericError): PyObject {
  switch (e.kind) {
    case 'ValueError': return pyErr(ValueError, e.message);
    case 'OverflowError': return pyErr(OverflowError, e.message);
    case 'ZeroDivisionError': return pyErr(ZeroDivisionError, e.message);
    case 'TypeError': return pyErr(TypeError, e.message);
    default: return pyErr(ValueError, e.message);
  }
}

function intBinary(op: number, a: number | bigint, b: number | bigint): any {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 0: {
        const r = a + b;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        break;
      }
      case 1: {
        const r = a - b;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        break;
      }
      case 2: {
        const r = a * b;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
        break;
      }
      case 4:
        if (b !== 0 && a <= 2 ** 52 && a >= -(2 ** 52)) return Math.floor(a / b) || 0;
        break;
      case 5:
        if (b !== 0) {
          let r = a % b;
          if (r !== 0 && (r < 0) !== (b < 0)) r += b;
          return r === 0 ? 0 : r;
        }
        break;
      case 7: // a << b: multiplying by a power of two is exact while the result is safe
        if (b >= 0 && b < 53) {
          const r = a * 2 ** b;
          if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        }
        break;
      case 8: // a >> b: floor division by a power of two is exact
        if (b >= 0) return b < 54 ? Math.floor(a / 2 ** b) || 0 : a < 0 ? -1 : 0;
        break;
      case 9:
        if ((a | 0) === a && (b | 0) === b) return a & b;
        break;
      case 10:
        if ((a | 0) === a && (b | 0) === b) return a | b;
        break;
      case 11:
        if ((a | 0) === a && (b | 0) === b) return a ^ b;
        break;
      default:
        break;
    }
  }
  switch (op) {
    case 0: return N.intAdd(a, b);
    case 1: return N.intSub(a, b);
    case 2: return N.intMul(a, b);
    case 3: return new PyFloat(wrapNumeric(() => N.intTrueDiv(a, b)));
    case 4: return wrapNumeric(() => N.intFloorDiv(a, b));
    case 5: return wrapNumeric(() => N.intMod(a, b));
    case 6: {
      const r = wrapNumeric(() => N.intPow(a, b));
      return r.kind === 'int' ? r.value : new PyFloat(r.value);
    }
    case 7: return wrapNumeric(() => N.intLshift(a, b));
    case 8: return wrapNumeric(() => N.intRshift(a, b));
    case 9: return N.intAnd(a, b);
    case 10: return N.intOr(a, b);
    case 11: return N.intXor(a, b);
    default: return NotImplemented;
  }
}

function floatBinary(op: number, a: number, b: number): any {
  switch (op) {
    case 0: return new PyFloat(a + b);
    case 1: return new PyFloat(a - b);
    case 2: return new PyFloat(a * b);
    case 3:
      if (b === 0) throw pyErr(ZeroDivisionError, 'float division by zero');
      return new PyFloat(a / b);
    case 4: return new PyFloat(wrapNumeric(() => N.floatFloorDiv(a, b)));
    case 5: return new PyFloat(wrapNumeric(() => N.floatMod(a, b)));
    case 6: {
      const r = wrapNumeric(() => N.floatPow(a, b));
      if (r.kind === 'float') return new PyFloat(r.value);
      return new PyComplex(complexType, r.re, r.im);
    }
    default: return NotImplemented;
  }
}

function complexOf(v: any): N.Complex | null {
  if (v instanceof PyComplex) return { re: v.re, im: v.im };
  const r = realOf(v);
  return r === null ? null : { re: r, im: 0 };
}

function complexBinary(op: number, a: N.Complex, b: N.Complex): any {
  let r: N.Complex;
  switch (op) {
    case 0: r = N.complexAdd(a, b); break;
    case 1: r = N.complexSub(a, b); break;
    case 2: r = N.complexMul(a, b); break;
    case 3: r = wrapNumeric(() => N.complexDiv(a, b)); break;
    case 6: r = wrapNumeric(() => N.complexPow(a, b)); break;
    default: return NotImplemented;
  }
  return new PyComplex(complexType, r.re, r.im);
}

/**
 * The numeric part of a binary operator on builtin numbers (int, bool, float, complex and
 * their subclasses' values); NotImplemented when an operand is not a builtin number.
 */
export function numberBinary(op: number, a: any, b: any): any {
  const ia = intOf(a);
  if (ia !== null) {
    const ib = intOf(b);
    if (ib !== null) {
      if (typeof a === 'boolean' && typeof b === 'boolean' && op >= 9 && op <= 11) {
        return op === 9 ? a && b : op === 10 ? a || b : a !== b;
      }
      return intBinary(op, ia, ib);
    }
  }
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const fa = realOf(a);
    const fb = realOf(b);
    if (fa !== null && fb !== null) {
      if (fa !== null && op <= 6) return floatBinary(op, fa, fb);
      return NotImplemented;
    }
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const ca = complexOf(a);
    const cb = complexOf(b);
    if (ca !== null && cb !== null) {
      if (op === 4 || op === 5) throw pyErr(TypeError, `unsupported operand type(s) for ${BINOPS[op]}: '${typeOf(a).name}' and '${typeOf(b).name}'`);
      return complexBinary(op, ca, cb);
    }
  }
  // int overflow to float conversions for mixed int/float paths
  return NotImplemented;
}

function isExactBuiltinNumber(t: PyType): boolean {
  return t === intType || t === boolType || t === floatType || t === complexType;
}

/** `a <op> b` for a BINARY_OP argument (operator index plus INPLACE). */
export function binaryOp(a: any, b: any, arg: number): any {
  const op = arg & (INPLACE - 1);
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (isExactBuiltinNumber(ta) && isExactBuiltinNumber(tb)) {
    const r = numberBinary(op, a, b);
    if (r !== NotImplemented) return r;
  }
  if (op === 0) {
    if (ta === strType && tb === strType) return (a as string) + (b as string);
    if (ta === listType && tb === listType) {
      if ((arg & INPLACE) === 0) return new PyList(listType, (a as PyList).items.concat((b as PyList).items));
      const items = (a as PyList).items;
      for (const x of (b as PyList).items.slice()) items.push(x);
      return a;
    }
  }
  const names = BINOP_DUNDERS[BINOPS[op] as BinOpSym];
  if (arg & INPLACE) {
    const fi = ta.lookup(names[2]);
    if (fi !== undefined) {
      const r = isSequenceSlot(fi, ta, op) ? sequenceOp(a, b, ta, tb, fi, names[1]) : callDescr(fi, a, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  const fa = ta.lookup(names[0]);
  const r = fa !== undefined && isSequenceSlot(fa, ta, op) ? sequenceOp(a, b, ta, tb, fa, names[1]) : binaryDunder(a, b, ta, tb, names[0], names[1]);
  if (r !== NotImplemented) return r;
  return binaryFallback(a, b, ta, tb, op, (arg & INPLACE) !== 0);
}

/** __op__ / __rop__ dispatch (NotImplemented if neither handles it). */
export function binaryDunder(a: any, b: any, ta: PyType, tb: PyType, name: string, rname: string): any {
  const fa = ta.lookup(name);
  let fb = ta !== tb ? tb.lookup(rname) : undefined;
  if (fb !== undefined && tb.isSubtype(ta) && fb !== ta.lookup(rname)) {
    const r = callDescr(fb, b, [a]);
    if (r !== NotImplemented) return r;
    fb = undefined;
  }
  if (fa !== undefined) {
    const r = callDescr(fa, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callDescr(fb, b, [a]);
    if (r !== NotImplemented) return r;
  }
  return NotImplemented;
}

const SEQ_LAYOUTS = new Set(['str', 'list', 'tuple', 'bytes', 'bytearray']);

/**
 * A builtin sequence's + or * (and += / *=): CPython implements these as sq_concat /
 * sq_repeat, which binary_op1 tries only after the number protocol, whose one candidate
 * for a sequence on the left is the right operand's reflected method.
 */
function isSequenceSlot(f: any, ta: PyType, op: number): boolean {
  return (op === 0 || op === 2) && f instanceof PyBuiltin && SEQ_LAYOUTS.has(ta.layout);
}

function sequenceOp(a: any, b: any, ta: PyType, tb: PyType, f: any, rname: string): any {
  if (tb !== ta) {
    const fb = tb.lookup(rname);
    if (fb !== undefined && !(fb instanceof PyBuiltin && SEQ_LAYOUTS.has(tb.layout))) {
      const r = callDescr(fb, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  return callDescr(f, a, [b]);
}

function binaryFallback(a: any, b: any, ta: PyType, tb: PyType, op: number, inplace: boolean): never {
  const sym = BINOPS[op] + (inplace ? '=' : '');
  if (op === 0 && SEQ_LAYOUTS.has(ta.layout) && ta.layout !== 'object') {
    const what = ta.layout === 'str' ? 'str' : ta.layout;
    throw pyErr(TypeError, `can only concatenate ${what} (not "${tb.name}") to ${what}`);
  }
  if (op === 2 && (SEQ_LAYOUTS.has(ta.layout) || SEQ_LAYOUTS.has(tb.layout))) {
    const other = SEQ_LAYOUTS.has(ta.layout) ? tb : ta;
    throw pyErr(TypeError, `can't multiply sequence by non-int of type '${other.name}'`);
  }
  if (op === 6 && inplace === false) {
    throw pyErr(TypeError, `unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
  }
  throw pyErr(TypeError, `unsupported operand type(s) for ${op === 6 ? '**=' === sym ? '**=' : '** or pow()' : sym}: '${ta.name}' and '${tb.name}'`);
}

// ---- unary ----------------------------------------------------------------------------------

export function unaryNegative(a: any): any {
  const i = intOf(a);
  if (i !== null && (typeof a !== 'object' || (a as PyObject).cls.lookup('__neg__') === intType.lookup('__neg__'))) return N.intNeg(i);
  if (a instanceof PyFloat && a.cls === floatType) return new PyFloat(-a.v);
  if (a instanceof PyComplex && a.cls === complexType) return new PyComplex(complexType, -a.re, -a.im);
  return unarySpecial(a, '__neg__', '-');
}

export function unaryPositive(a: any): any {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  if (a instanceof PyFloat && a.cls === floatType) return a;
  return unarySpecial(a, '__pos__', '+');
}

export function unaryInvert(a: any): any {
  if (typeof a === 'number') {
    if ((a | 0) === a) return ~a;
    return N.intInvert(a);
  }
  if (typeof a === 'bigint') return N.intInvert(a);
  if (typeof a === 'boolean') return a ? -2 : -1;
  return unarySpecial(a, '__invert__', '~');
}

function unarySpecial(a: any, name: string, sym: string): any {
  const t = typeOf(a);
  const f = t.lookup(name);
  if (f !== undefined) return callDescr(f, a, []);
  throw pyErr(TypeError, `bad operand type for unary ${sym}: '${t.name}'`);
}

// ---- comparison ------------------------------------------------------------------------------

/** Numeric comparison of builtin numbers; returns a JS number (<0, 0, >0, NaN for unordered) or null. */
export function numberCompare(a: any, b: any): number | null {
  const ia = intOf(a);
  const ib = intOf(b);
  if (ia !== null && ib !== null) {
    if (typeof ia === 'number' && typeof ib === 'number') return ia - ib;
    return N.intCompare(ia, ib);
  }
  if (ia !== null && b instanceof PyFloat) return typeof ia === 'number' ? ia - b.v : N.intFloatCompare(ia, b.v);
  if (a instanceof PyFloat && ib !== null) {
    if (typeof ib === 'number') return a.v - ib;
    const c = N.intFloatCompare(ib, a.v);
    return c !== c ? NaN : -c;
  }
  if (a instanceof PyFloat && b instanceof PyFloat) {
    const x = a.v;
    const y = b.v;
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  return null;
}

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

/** `a <cmp> b` (COMPARE_OP argument order: < <= == != > >=), returning a Python value. */
export function compareOp(a: any, b: any, op: number): any {
  const ta = typeof a;
  if (ta === 'number' && typeof b === 'number') {
    switch (op) {
      case 0: return a < b;
      case 1: return a <= b;
      case 2: return a === b;
      case 3: return a !== b;
      case 4: return a > b;
      default: return a >= b;
    }
  }
  if (ta === 'string' && typeof b === 'string') {
    switch (op) {
      case 0: return strLess(a, b);
      case 1: return a === b || strLess(a, b);
      case 2: return a === b;
      case 3: return a !== b;
      case 4: return strLess(b, a);
      default: return a === b || strLess(b, a);
    }
  }
  const t1 = typeOf(a);
  const t2 = typeOf(b);
  if (isExactBuiltinNumber(t1) && isExactBuiltinNumber(t2)) {
    if (t1 === complexType || t2 === complexType) {
      if (op === 2 || op === 3) {
        const ca = complexOf(a)!;
        const cb = complexOf(b)!;
        const e = ca.re === cb.re && ca.im === cb.im;
        return op === 2 ? e : !e;
      }
    } else {
      const c = numberCompare(a, b);
      if (c !== null) return cmpResult(c, op);
    }
  }
  return richCompare(a, b, op);
}

/**
 * Python compares str by code points; JS `<` compares UTF-16 units, which orders
 * astral characters (surrogates 0xD800-0xDFFF) before U+E000..U+FFFF. Fix up that case.
 */
export function strLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800 && (x <= 0xdfff) !== (y <= 0xdfff)) return x > 0xdfff ? false : true;
      return x < y;
    }
  }
  return a.length < b.length;
}

/** Sequence comparison (lists and tuples): lexicographic with == on elements. */
export function seqCompare(x: any[], y: any[], op: number): boolean {
  const n = Math.min(x.length, y.length);
  let i = 0;
  for (; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (a === b) continue;
    if (!compareBool(a, b, 2)) break;
  }
  if (i >= n) {
    const c = x.length - y.length;
    return cmpResult(c, op);
  }
  if (op === 2) return false;
  if (op === 3) return true;
  return compareBool(x[i], y[i], op);
}

export function isSequenceOfLayout(v: any): v is PyList | PyTuple {
  return (v instanceof PyList && v.cls === listType) || (v instanceof PyTuple && v.cls === tupleType);
}
