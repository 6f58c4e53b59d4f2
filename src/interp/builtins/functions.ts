// The builtin functions: the functions of the `builtins` module (Python/bltinmodule.c of
// CPython 3.11), with its argument handling and messages.
//
// The iterator types (enumerate, zip, map, filter, reversed) and iter/next/aiter/anext
// live in iter_types.ts, compile/exec/eval/__import__ in exec.ts, open() in fileio.ts and
// memoryview in memoryview.ts; makeBuiltinFunctions() gathers them all.

import { exactlyOne, fn, unpackArity } from '../bi.js';
import { binaryDunder, binaryOp, compareOp, intOf, wrapNumeric } from '../arith.js';
import { buildClass, dirOf } from '../classes.js';
import { len, toIndex } from '../containers.js';
import { EOFError, OverflowError, pyErr, RuntimeError, SystemExit, TypeError, ValueError, newExc } from '../exceptions.js';
import { tstate } from '../frame.js';
import { importState } from '../imports.js';
import * as N from '../numeric/index.js';
import { PyBoxed, PyByteArray, PyBytes, PyComplex, PyFloat, type PyKwargs, PyList, PyModule, PyTuple } from '../objects.js';
import {
  call, callDescr, callMethod, delAttr, getAttr, getAttrOpt, getIter, isCallable, isTrue, iterNext, newList, None, NotImplemented, objectId, setAttr, toArray,
  typeOf, typeName,
} from '../protocol.js';
import { PyDict } from '../pydict.js';
import { TextStream } from '../modules/sys.js';
import {
  boolType, classmethodType, complexType, dictType, floatType, frozensetType, intType, listType, objectType, propertyType, PyType, rangeType, setType, sliceType,
  staticmethodType, tupleType,
} from '../typeobj.js';
import { applyDocs } from './docs.js';
import { helpText } from './help.js';
import { ascii, format, repr, str } from './repr.js';
import { powMod } from './numbers.js';
import { listSort, sortArgs } from './list.js';
import { pyHash } from './hashing.js';
import { frameLocals } from './misc.js';
import { enumerateType, filterType, installIterTypes, iterBuiltins, mapType, reversedType, zipType } from './iter_types.js';
import { execBuiltins } from './exec.js';
import { openBuiltin } from './fileio.js';
import { installMemoryview, memoryviewType } from './memoryview.js';

/** Output streams, provided by the runtime (sys.stdout / sys.stderr objects). */
export const io = {
  stdoutWrite: (_s: string): void => {},
  stdinReadline: (): string | null => null,
  flushStdout: (): void => {},
};

export const sysRef = { getStdout: (): any => undefined };

/** sys.<name>, or undefined when the sys module or the attribute is missing. */
function sysAttr(name: string): any {
  const sys = importState.modules?.getStr('sys');
  if (sys === undefined || sys === null || sys.dict === null) return undefined;
  return sys.dict.getStr(name);
}

// ---- print / input --------------------------------------------------------------------------

function printImpl(a: any[], kw: PyKwargs | null): any {
  let sep: string | null = null;
  let end: string | null = null;
  let file: any = None;
  let flush = false;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'sep') {
        if (v !== None && typeof v !== 'string' && !(v instanceof PyBoxed && typeof v.value === 'string')) throw pyErr(TypeError, `sep must be None or a string, not ${typeName(v)}`);
        if (v !== None) sep = str(v);
      } else if (k === 'end') {
        if (v !== None && typeof v !== 'string' && !(v instanceof PyBoxed && typeof v.value === 'string')) throw pyErr(TypeError, `end must be None or a string, not ${typeName(v)}`);
        if (v !== None) end = str(v);
      } else if (k === 'file') file = v;
      else if (k === 'flush') flush = isTrue(v);
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for print()`);
    }
  }
  if (file === None) {
    file = sysRef.getStdout();
    // sys.stdout is None (e.g. deleted by the program): print() does nothing.
    if (file === None) return None;
    if (file === undefined || file === null) {
      let out = '';
      for (let i = 0; i < a.length; i++) out += (i > 0 ? sep ?? ' ' : '') + str(a[i]);
      io.stdoutWrite(out + (end ?? '\n'));
      if (flush) io.flushStdout();
      return None;
    }
  }
  if (file instanceof TextStream) {
    // The builtin text streams: write the pieces directly, in CPython's order.
    for (let i = 0; i < a.length; i++) {
      if (i > 0) file.write(sep ?? ' ');
      file.write(str(a[i]));
    }
    file.write(end ?? '\n');
    if (flush) file.flush();
    return None;
  }
  const write = getAttr(file, 'write');
  for (let i = 0; i < a.length; i++) {
    if (i > 0) call(write, [sep ?? ' ']);
    call(write, [str(a[i])]);
  }
  call(write, [end ?? '\n']);
  if (flush) callMethod(file, 'flush', []);
  return None;
}

function inputImpl(a: any[], kw: PyKwargs | null): any {
  noKwargs('input', kw);
  unpackArity('input', a, 0, 1);
  const fin = sysAttr('stdin');
  const fout = sysAttr('stdout');
  const ferr = sysAttr('stderr');
  if (fin === None) throw pyErr(RuntimeError, 'input(): lost sys.stdin');
  if (fout === None) throw pyErr(RuntimeError, 'input(): lost sys.stdout');
  if (ferr !== None && ferr !== undefined) callMethod(ferr, 'flush', []);
  if (a.length === 1) {
    const prompt = str(a[0]);
    if (fout === undefined) io.stdoutWrite(prompt);
    else callMethod(fout, 'write', [prompt]);
  }
  if (fout === undefined) io.flushStdout();
  else callMethod(fout, 'flush', []);
  let line: any;
  if (fin === undefined || fin instanceof TextStream) {
    line = fin === undefined ? io.stdinReadline() : (fin as TextStream).readline();
    if (line === null) line = '';
  } else {
    line = callMethod(fin, 'readline', []);
    if (typeof line !== 'string') throw pyErr(TypeError, 'object.readline() returned non-string');
  }
  if (line === '') throw pyErr(EOFError, 'EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
}

// ---- isinstance / issubclass ---------------------------------------------------------------

/** isinstance(obj, cls) (Objects/abstract.c, object_recursive_isinstance). */
function isInstance(obj: any, cls: any): boolean {
  // The exact-type short-cut comes first: no __instancecheck__ call.
  if (cls instanceof PyType && typeOf(obj) === cls) return true;
  if (cls instanceof PyType && cls.cls === typeTypeRef.t) {
    const t = typeOf(obj);
    if (t === cls || t.isSubtype(cls)) return true;
    return classAttrIsSubtype(obj, t, cls);
  }
  if (cls instanceof PyTuple) {
    const items = cls.items;
    for (let i = 0; i < items.length; i++) if (isInstance(obj, items[i])) return true;
    return false;
  }
  const ic = typeOf(cls).lookup('__instancecheck__');
  if (ic !== undefined && !(ic === typeInstancecheckRef.f && cls instanceof PyType)) return isTrue(callDescr(ic, cls, [obj]));
  if (cls instanceof PyType) {
    const t = typeOf(obj);
    if (t.isSubtype(cls)) return true;
    return classAttrIsSubtype(obj, t, cls);
  }
  throw pyErr(TypeError, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

/** object_isinstance's fallback: an overridden __class__ (proxies) may name a subclass. */
function classAttrIsSubtype(obj: any, t: PyType, cls: PyType): boolean {
  if (typeof obj !== 'object' || (t.lookup('__class__') === objectClassRef.d && !t.hasGetattribute)) return false;
  const c = getAttrOpt(obj, '__class__');
  return c instanceof PyType && c !== t && c.isSubtype(cls);
}

export const objectClassRef: { d: any } = { d: undefined };

function isSubclass(c: any, cls: any): boolean {
  if (cls instanceof PyType && cls.cls === typeTypeRef.t && c instanceof PyType && c.cls === typeTypeRef.t) return c.isSubtype(cls);
  if (cls instanceof PyTuple) {
    for (const x of cls.items) if (isSubclass(c, x)) return true;
    return false;
  }
  const sc = typeOf(cls).lookup('__subclasscheck__');
  if (sc !== undefined && !(sc === typeSubclasscheckRef.f && cls instanceof PyType)) return isTrue(callDescr(sc, cls, [c]));
  if (cls instanceof PyType) {
    if (!isClassLike(c)) throw pyErr(TypeError, 'issubclass() arg 1 must be a class');
    return c instanceof PyType ? c.isSubtype(cls) : abstractIsSubclass(c, cls);
  }
  throw pyErr(TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

/** check_class: a class, or anything with a __bases__ tuple. */
function isClassLike(c: any): boolean {
  if (c instanceof PyType) return true;
  return getAttrOpt(c, '__bases__') instanceof PyTuple;
}

function abstractIsSubclass(c: any, cls: any): boolean {
  if (c === cls) return true;
  const bases = getAttrOpt(c, '__bases__');
  if (!(bases instanceof PyTuple)) return false;
  return bases.items.some((b) => abstractIsSubclass(b, cls));
}

export const typeTypeRef: { t: PyType } = { t: null as unknown as PyType };
export const typeInstancecheckRef: { f: any } = { f: undefined };
export const typeSubclasscheckRef: { f: any } = { f: undefined };

// ---- helpers ---------------------------------------------------------------------------------

function noKwargs(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

/** A METH_O builtin: exactly one positional argument, no keywords. */
function one(name: string, a: any[], kw: PyKwargs | null): any {
  if (a.length !== 1 || kw !== null) {
    noKwargs(name, kw);
    exactlyOne(name, a);
  }
  return a[0];
}

function attrName(v: any): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  throw pyErr(TypeError, `attribute name must be string, not '${typeName(v)}'`);
}

function minmax(name: string, a: any[], kw: PyKwargs | null, op: number): any {
  let key: any = None;
  let dflt: any = undefined;
  if (a.length === 0) throw pyErr(TypeError, `${name} expected at least 1 argument, got 0`);
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'key') key = v;
      else if (k === 'default') dflt = v;
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  const positional = a.length > 1;
  if (positional && dflt !== undefined) throw pyErr(TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
  let best: any = undefined;
  let bestKey: any = undefined;
  const consider = (x: any): void => {
    const k = key === None ? x : call(key, [x]);
    if (bestKey === undefined) {
      best = x;
      bestKey = k;
      return;
    }
    if (typeof k === 'number' && typeof bestKey === 'number') {
      if (op === 0 ? k < bestKey : k > bestKey) {
        best = x;
        bestKey = k;
      }
      return;
    }
    const r = compareOp(k, bestKey, op);
    if (r === true || (r !== false && isTrue(r))) {
      best = x;
      bestKey = k;
    }
  };
  if (positional) for (const x of a) consider(x);
  else {
    const src = a[0];
    if (src instanceof PyList && src.cls === listType) {
      // list_iterator semantics: the list may change while the key runs.
      for (let i = 0; i < src.items.length; i++) consider(src.items[i]);
    } else {
      const it = getIter(src);
      for (;;) {
        const x = iterNext(it);
        if (x === undefined) break;
        consider(x);
      }
    }
  }
  if (bestKey === undefined) {
    if (dflt !== undefined) return dflt;
    throw pyErr(ValueError, `${name}() arg is an empty sequence`);
  }
  return best;
}

function sumImpl(a: any[], kw: PyKwargs | null): any {
  if (a.length === 0 && (kw === null || !kw.has('iterable'))) throw pyErr(TypeError, `sum() takes at least 1 positional argument (0 given)`);
  if (a.length > 2) throw pyErr(TypeError, `sum() takes at most 2 arguments (${a.length} given)`);
  let start: any = a.length > 1 ? a[1] : undefined;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'start' && a.length < 2) start = v;
      else if (k === 'start') throw pyErr(TypeError, `argument for sum() given by name ('start') and position (2)`);
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for sum()`);
    }
  }
  let acc: any = start === undefined ? 0 : start;
  if (typeof acc === 'string' || (acc instanceof PyBoxed && typeof acc.value === 'string')) throw pyErr(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (acc instanceof PyBytes) throw pyErr(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (acc instanceof PyByteArray) throw pyErr(TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  const src = a[0];
  if (src instanceof PyList && src.cls === listType && typeof acc === 'number') {
    const items = src.items;
    let i = 0;
    for (; i < items.length; i++) {
      const v = items[i];
      if (typeof v !== 'number') break;
      const r = acc + v;
      if (!Number.isSafeInteger(r)) break;
      acc = r;
    }
    for (; i < items.length; i++) acc = binaryOp(acc, items[i], 0);
    return acc;
  }
  const it = getIter(src);
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return acc;
    if (typeof acc === 'number' && typeof v === 'number') {
      const r = acc + v;
      if (Number.isSafeInteger(r)) {
        acc = r;
        continue;
      }
    } else if (acc instanceof PyFloat && acc.cls === floatType && v instanceof PyFloat && v.cls === floatType) {
      acc = new PyFloat(acc.v + v.v);
      continue;
    }
    acc = binaryOp(acc, v, 0);
  }
}

function powImpl(a: any[], kw: PyKwargs | null): any {
  const n = a.length;
  let base = a[0];
  let exp = a[1];
  let mod: any = n > 2 ? a[2] : None;
  if (n > 3) throw pyErr(TypeError, `pow() takes at most 3 arguments (${n} given)`);
  if (kw !== null) {
    for (const [k, v] of kw) {
      const idx = k === 'base' ? 0 : k === 'exp' ? 1 : k === 'mod' ? 2 : -1;
      if (idx < 0) throw pyErr(TypeError, `'${k}' is an invalid keyword argument for pow()`);
      if (idx < n) throw pyErr(TypeError, `argument for pow() given by name ('${k}') and position (${idx + 1})`);
      if (idx === 0) base = v;
      else if (idx === 1) exp = v;
      else mod = v;
    }
  }
  if (base === undefined) throw pyErr(TypeError, "pow() missing required argument 'base' (pos 1)");
  if (exp === undefined) throw pyErr(TypeError, "pow() missing required argument 'exp' (pos 2)");
  if (mod === None) return binaryOp(base, exp, 6);
  return powDunders(base, exp, mod);
}

/** Three-argument pow(): __pow__ of the base, then the builtin number slots of exp and mod. */
function powDunders(base: any, exp: any, mod: any): any {
  const tb = typeOf(base);
  const te = typeOf(exp);
  const tm = typeOf(mod);
  const f = tb.lookup('__pow__');
  if (f !== undefined) {
    const r = callDescr(f, base, [exp, mod]);
    if (r !== NotImplemented) return r;
  }
  // Three-argument power never calls a Python-level __rpow__ (slot_nb_power); the
  // builtin numbers' slots still see the call when they are the exponent or modulus type.
  for (const t of te === tb ? [tm] : tm === tb || tm === te ? [te] : [te, tm]) {
    if (t === tb) continue;
    const r = builtinPowSlot(t, base, exp, mod);
    if (r !== NotImplemented) return r;
  }
  throw pyErr(TypeError, `unsupported operand type(s) for ** or pow(): '${tb.name}', '${te.name}', '${tm.name}'`);
}

function isRealNumber(v: any): boolean {
  return v instanceof PyFloat || intOf(v) !== null;
}

function builtinPowSlot(t: PyType, base: any, exp: any, mod: any): any {
  if (t.isSubtype(floatType)) {
    if (!isRealNumber(base) || !isRealNumber(exp)) return NotImplemented;
    throw pyErr(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
  }
  if (t.isSubtype(complexType)) {
    if (!(isRealNumber(base) || base instanceof PyComplex) || !(isRealNumber(exp) || exp instanceof PyComplex)) return NotImplemented;
    throw pyErr(ValueError, 'complex modulo');
  }
  if (t.isSubtype(intType)) return powMod(base, exp, mod);
  return NotImplemented;
}

function chrImpl(a: any[], kw: PyKwargs | null): any {
  const v = one('chr', a, kw);
  if (typeof v === 'number' && v >= 0 && v <= 0x10ffff) return String.fromCodePoint(v);
  const i = toIndex(v);
  if (typeof i === 'bigint' || i > 2147483647 || i < -2147483648) throw pyErr(OverflowError, 'Python int too large to convert to C int');
  if (i < 0 || i > 0x10ffff) throw pyErr(ValueError, 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(i);
}

function ordImpl(a: any[], kw: PyKwargs | null): any {
  let c = one('ord', a, kw);
  if (c instanceof PyBoxed && typeof c.value === 'string') c = c.value;
  if (typeof c === 'string') {
    if (c.length === 1) return c.charCodeAt(0);
    const cp = c.codePointAt(0);
    if (c.length === 2 && cp !== undefined && cp > 0xffff) return cp;
    throw pyErr(TypeError, `ord() expected a character, but string of length ${[...c].length} found`);
  }
  if (c instanceof PyBytes || c instanceof PyByteArray) {
    const b = c instanceof PyBytes ? c.v : c.bytes();
    if (b.length !== 1) throw pyErr(TypeError, `ord() expected a character, but string of length ${b.length} found`);
    return b[0];
  }
  throw pyErr(TypeError, `ord() expected string of length 1, but ${typeName(c)} found`);
}

/** len(): like containers.len, but a __len__ up to sys.maxsize may exceed 2**53 (huge ranges). */
function lenImpl(o: any): number | bigint {
  if (typeof o === 'string' || o instanceof PyList || o instanceof PyTuple || o instanceof PyDict) return len(o);
  const t = typeOf(o);
  const f = t.lookup('__len__');
  if (f === undefined) throw pyErr(TypeError, `object of type '${t.name}' has no len()`);
  const n = callDescr(f, o, []);
  const i = intOf(n);
  if (i === null) throw pyErr(TypeError, `'${typeName(n)}' object cannot be interpreted as an integer`);
  if (i < 0) throw pyErr(ValueError, '__len__() should return >= 0');
  if (typeof i === 'bigint' && i > (1n << 63n) - 1n) throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
  return i;
}

function absImpl(a: any[], kw: PyKwargs | null): any {
  const x = one('abs', a, kw);
  if (typeof x === 'number') return x < 0 ? -x : x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') return N.intAbs(x);
  if (x instanceof PyFloat && x.cls === floatType) return new PyFloat(Math.abs(x.v));
  const f = typeOf(x).lookup('__abs__');
  if (f === undefined) throw pyErr(TypeError, `bad operand type for abs(): '${typeName(x)}'`);
  return callDescr(f, x, []);
}

function dirImpl(a: any[], kw: PyKwargs | null): any {
  noKwargs('dir', kw);
  unpackArity('dir', a, 0, 1);
  let names: any[];
  if (a.length === 0) names = [...(tstate.frame ? frameLocals(tstate.frame) : new PyDict(dictType)).keys()];
  else {
    const d = typeOf(a[0]).lookup('__dir__');
    // module.__dir__ (moduleobject.c module_dir) calls a module-level __dir__ (PEP 562).
    const modDir = a[0] instanceof PyModule && a[0].dict instanceof PyDict ? a[0].dict.getStr('__dir__') : undefined;
    if (modDir !== undefined) names = toArray(call(modDir, []));
    else if (d === undefined) names = dirOf(a[0]);
    else names = toArray(callDescr(d, a[0], []));
  }
  const l = newList(names);
  listSort(l, None, false);
  return l;
}

function varsImpl(a: any[], kw: PyKwargs | null): any {
  noKwargs('vars', kw);
  unpackArity('vars', a, 0, 1);
  if (a.length === 0) return tstate.frame ? frameLocals(tstate.frame) : new PyDict(dictType);
  const d = getAttrOpt(a[0], '__dict__');
  if (d === undefined) throw pyErr(TypeError, 'vars() argument must have __dict__ attribute');
  return d;
}

function roundImpl(a: any[], kw: PyKwargs | null): any {
  let number = a[0];
  let ndigits: any = a.length > 1 ? a[1] : None;
  if (a.length > 2) throw pyErr(TypeError, `round() takes at most 2 arguments (${a.length} given)`);
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'number' && a.length < 1) number = v;
      else if (k === 'ndigits' && a.length < 2) ndigits = v;
      else if (k === 'number' || k === 'ndigits') throw pyErr(TypeError, `argument for round() given by name ('${k}') and position (${k === 'number' ? 1 : 2})`);
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for round()`);
    }
  }
  if (number === undefined) throw pyErr(TypeError, "round() missing required argument 'number' (pos 1)");
  if (number instanceof PyFloat && number.cls === floatType && ndigits === None) return wrapNumeric(() => N.floatRound(number.v));
  if (typeof number === 'number' && ndigits === None) return number;
  const f = typeOf(number).lookup('__round__');
  if (f === undefined) throw pyErr(TypeError, `type ${typeName(number)} doesn't define __round__ method`);
  return ndigits === None ? callDescr(f, number, []) : callDescr(f, number, [ndigits]);
}

function divmodImpl(a: any[], kw: PyKwargs | null): any {
  noKwargs('divmod', kw);
  unpackArity('divmod', a, 2, 2);
  const r = binaryDunder(a[0], a[1], typeOf(a[0]), typeOf(a[1]), '__divmod__', '__rdivmod__');
  if (r === NotImplemented) throw pyErr(TypeError, `unsupported operand type(s) for divmod(): '${typeName(a[0])}' and '${typeName(a[1])}'`);
  return r;
}

/** help(): pydoc's plain-text page (help.ts) written to sys.stdout, then a newline. */
function helpImpl(a: any[]): any {
  const text = a.length === 0 ? 'Welcome to edgepyc help. Use help(object) for help about object.\n' : helpText(a[0]);
  const out = sysRef.getStdout();
  if (out === undefined || out === null) io.stdoutWrite(text + '\n');
  else if (out !== None) {
    callMethod(out, 'write', [text]);
    callMethod(out, 'write', ['\n']);
  }
  return None;
}

/** The site module's exit()/quit(): close stdin, raise SystemExit(code). */
function makeQuitter(name: string): any {
  const q = fn(name, (a, kw) => {
    // site.Quitter.__call__(self, code=None): a Python method, with its argument errors.
    if (a.length > 1) throw pyErr(TypeError, `Quitter.__call__() takes from 1 to 2 positional arguments but ${a.length + 1} were given`);
    let code = a.length > 0 ? a[0] : None;
    if (kw !== null) {
      for (const [k, v] of kw) {
        if (k !== 'code') throw pyErr(TypeError, `Quitter.__call__() got an unexpected keyword argument '${k}'`);
        if (a.length > 0) throw pyErr(TypeError, "Quitter.__call__() got multiple values for argument 'code'");
        code = v;
      }
    }
    const stdin = sysAttr('stdin');
    if (stdin !== undefined && stdin !== None) {
      try {
        callMethod(stdin, 'close', []);
      } catch {
        /* as site.Quitter: errors closing stdin are ignored */
      }
    }
    throw newExc(SystemExit, [code]);
  });
  return q;
}

// ---- the namespace ---------------------------------------------------------------------------

export function makeBuiltinFunctions(): Map<string, any> {
  installIterTypes();
  objectClassRef.d = objectType.ns.getStr('__class__');
  const m = new Map<string, any>();
  const def = (name: string, impl: (a: any[], kw: PyKwargs | null) => any): void => {
    m.set(name, fn(name, impl));
  };
  def('print', printImpl);
  def('input', inputImpl);
  def('len', (a, kw) => lenImpl(one('len', a, kw)));
  def('repr', (a, kw) => repr(one('repr', a, kw)));
  def('ascii', (a, kw) => ascii(one('ascii', a, kw)));
  def('format', (a, kw) => {
    noKwargs('format', kw);
    unpackArity('format', a, 1, 2);
    let spec = a.length > 1 ? a[1] : '';
    if (spec instanceof PyBoxed && typeof spec.value === 'string') spec = spec.value;
    if (typeof spec !== 'string') throw pyErr(TypeError, `format() argument 2 must be str, not ${typeName(spec)}`);
    return format(a[0], spec);
  });
  def('isinstance', (a, kw) => {
    noKwargs('isinstance', kw);
    if (a.length !== 2) unpackArity('isinstance', a, 2, 2);
    return isInstance(a[0], a[1]);
  });
  def('issubclass', (a, kw) => {
    noKwargs('issubclass', kw);
    unpackArity('issubclass', a, 2, 2);
    return isSubclass(a[0], a[1]);
  });
  def('abs', absImpl);
  def('min', (a, kw) => minmax('min', a, kw, 0));
  def('max', (a, kw) => minmax('max', a, kw, 4));
  def('sum', sumImpl);
  def('sorted', (a, kw) => {
    if (a.length !== 1) throw pyErr(TypeError, `sorted expected 1 argument, got ${a.length}`);
    const l = newList(toArray(a[0]));
    const [key, reverse] = sortArgs(kw);
    listSort(l, key, reverse);
    return l;
  });
  def('hash', (a, kw) => pyHash(one('hash', a, kw)));
  def('id', (a, kw) => objectId(one('id', a, kw)));
  def('getattr', (a, kw) => {
    noKwargs('getattr', kw);
    unpackArity('getattr', a, 2, 3);
    const name = attrName(a[1]);
    if (a.length === 3) {
      const v = getAttrOpt(a[0], name);
      return v === undefined ? a[2] : v;
    }
    return getAttr(a[0], name);
  });
  def('setattr', (a, kw) => {
    noKwargs('setattr', kw);
    unpackArity('setattr', a, 3, 3);
    setAttr(a[0], attrName(a[1]), a[2]);
    return None;
  });
  def('hasattr', (a, kw) => {
    noKwargs('hasattr', kw);
    unpackArity('hasattr', a, 2, 2);
    return getAttrOpt(a[0], attrName(a[1])) !== undefined;
  });
  def('delattr', (a, kw) => {
    noKwargs('delattr', kw);
    unpackArity('delattr', a, 2, 2);
    delAttr(a[0], attrName(a[1]));
    return None;
  });
  def('callable', (a, kw) => isCallable(one('callable', a, kw)));
  def('chr', chrImpl);
  def('ord', ordImpl);
  def('hex', (a, kw) => N.intHex(toIndex(one('hex', a, kw))));
  def('oct', (a, kw) => N.intOct(toIndex(one('oct', a, kw))));
  def('bin', (a, kw) => N.intBin(toIndex(one('bin', a, kw))));
  def('divmod', divmodImpl);
  def('pow', powImpl);
  def('round', roundImpl);
  def('any', (a, kw) => {
    const src = one('any', a, kw);
    if (src instanceof PyList && src.cls === listType) {
      for (let i = 0; i < src.items.length; i++) if (isTrue(src.items[i])) return true;
      return false;
    }
    const it = getIter(src);
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return false;
      if (isTrue(v)) return true;
    }
  });
  def('all', (a, kw) => {
    const src = one('all', a, kw);
    if (src instanceof PyList && src.cls === listType) {
      for (let i = 0; i < src.items.length; i++) if (!isTrue(src.items[i])) return false;
      return true;
    }
    const it = getIter(src);
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return true;
      if (!isTrue(v)) return false;
    }
  });
  def('__build_class__', buildClass);
  def('globals', (a, kw) => {
    noKwargs('globals', kw);
    if (a.length > 0) throw pyErr(TypeError, `globals() takes no arguments (${a.length} given)`);
    return tstate.frame ? tstate.frame.globals : new PyDict(dictType);
  });
  def('locals', (a, kw) => {
    noKwargs('locals', kw);
    if (a.length > 0) throw pyErr(TypeError, `locals() takes no arguments (${a.length} given)`);
    return tstate.frame ? frameLocals(tstate.frame) : new PyDict(dictType);
  });
  def('vars', varsImpl);
  def('dir', dirImpl);
  def('breakpoint', () => None);
  def('help', helpImpl);
  m.set('exit', makeQuitter('exit'));
  m.set('quit', makeQuitter('quit'));
  for (const [name, f] of iterBuiltins()) m.set(name, f);
  for (const [name, f] of execBuiltins()) m.set(name, f);
  m.set('open', openBuiltin());
  installMemoryview();
  m.set('memoryview', memoryviewType);
  const types = new Map<string, PyType>([
    ['int', intType], ['bool', boolType], ['float', floatType], ['complex', complexType], ['list', listType], ['tuple', tupleType],
    ['dict', dictType], ['set', setType], ['frozenset', frozensetType], ['range', rangeType], ['slice', sliceType],
    ['enumerate', enumerateType], ['zip', zipType], ['map', mapType], ['filter', filterType], ['reversed', reversedType],
    ['memoryview', memoryviewType], ['property', propertyType], ['staticmethod', staticmethodType], ['classmethod', classmethodType],
  ]);
  applyDocs(types, m);
  return m;
}

export const overflowRef: { t: PyType } = { t: null as unknown as PyType };
export const bytesOfRef: { f: (v: any) => Uint8Array | null } = { f: () => null };

export { isInstance, isSubclass };
export { enumerateType, filterType, mapType, reversedType, zipType, callableIterRef } from './iter_types.js';
