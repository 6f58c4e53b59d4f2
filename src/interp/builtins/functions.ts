// The builtin functions (the `builtins` module's functions and iterator types).

import { arity, exactlyOne, fn, method, parseArgs } from '../bi.js';
import { binaryDunder, binaryOp, intOf, wrapNumeric } from '../arith.js';
import { buildClass, dirOf } from '../classes.js';
import { contains, len, toIndex } from '../containers.js';
import { AttributeError, EOFError, pyErr, StopIteration, TypeError, ValueError } from '../exceptions.js';
import { tstate } from '../frame.js';
import { stopIteration } from '../generators.js';
import { makeIter, rangeIter } from '../iterators.js';
import * as N from '../numeric/index.js';
import { PyBuiltin, PyFloat, PyIterator, type PyKwargs, PyList, PyObject, PyRange, PyTuple } from '../objects.js';
import {
  call, callDescr, callMethod, compareBool, delAttr, getAttr, getAttrOpt, getIter, hash, isCallable, isTrue, iterNext, newList, newTuple, None, NotImplemented, objectId,
  setAttr, toArray, typeOf, typeName,
} from '../protocol.js';
import { PyDict } from '../pydict.js';
import { dictType, iteratorType, listType, PyType } from '../typeobj.js';
import { ascii, format, repr, str } from './repr.js';
import { listSort, sortArgs } from './list.js';
import { pyHash } from './hashing.js';
import { staticNew } from './numbers.js';
import { frameLocals } from './misc.js';

/** Output streams, provided by the runtime (sys.stdout / sys.stderr objects). */
export const io = {
  stdoutWrite: (_s: string): void => {},
  stdinReadline: (): string | null => null,
  flushStdout: (): void => {},
};

function printImpl(a: any[], kw: PyKwargs | null): any {
  let sep = ' ';
  let end = '\n';
  let file: any = None;
  let flush = false;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'sep') {
        if (v !== None && typeof v !== 'string') throw pyErr(TypeError, `sep must be None or a string, not ${typeName(v)}`);
        if (v !== None) sep = v;
      } else if (k === 'end') {
        if (v !== None && typeof v !== 'string') throw pyErr(TypeError, `end must be None or a string, not ${typeName(v)}`);
        if (v !== None) end = v;
      } else if (k === 'file') file = v;
      else if (k === 'flush') flush = isTrue(v);
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for print()`);
    }
  }
  let out = '';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += sep;
    out += str(a[i]);
  }
  out += end;
  if (file === None) {
    const stdout = sysRef.getStdout();
    if (stdout === undefined || stdout === null) {
      io.stdoutWrite(out);
      if (flush) io.flushStdout();
    } else {
      callMethod(stdout, 'write', [out]);
      if (flush) callMethod(stdout, 'flush', []);
    }
  } else {
    callMethod(file, 'write', [out]);
    if (flush) callMethod(file, 'flush', []);
  }
  return None;
}

export const sysRef = { getStdout: (): any => undefined };

function minmax(name: string, a: any[], kw: PyKwargs | null, op: number): any {
  let key: any = None;
  let dflt: any = undefined;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'key') key = v;
      else if (k === 'default') dflt = v;
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  let items: any[];
  if (a.length === 0) throw pyErr(TypeError, `${name} expected at least 1 argument, got 0`);
  if (a.length === 1) items = toArray(a[0]);
  else {
    if (dflt !== undefined) throw pyErr(TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = a;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw pyErr(ValueError, `${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === None ? best : call(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const x = items[i];
    const k = key === None ? x : call(key, [x]);
    if (compareBool(k, bestKey, op)) {
      best = x;
      bestKey = k;
    }
  }
  return best;
}

function isInstance(obj: any, cls: any): boolean {
  if (cls instanceof PyType) {
    const t = typeOf(obj);
    if (t === cls || t.isSubtype(cls)) return true;
    const meta = cls.cls;
    if (meta !== typeTypeRef.t) {
      const ic = meta.lookup('__instancecheck__');
      if (ic !== undefined && ic !== typeInstancecheckRef.f) return isTrue(callDescr(ic, cls, [obj]));
    }
    // __class__ may be overridden (proxies)
    const c = getAttrOpt(obj, '__class__');
    return c instanceof PyType && c !== t && c.isSubtype(cls);
  }
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstance(obj, c));
  const ic = typeOf(cls).lookup('__instancecheck__');
  if (ic !== undefined) return isTrue(callDescr(ic, cls, [obj]));
  throw pyErr(TypeError, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

function isSubclass(c: any, cls: any): boolean {
  if (cls instanceof PyTuple) return cls.items.some((x) => isSubclass(c, x));
  if (cls instanceof PyType) {
    const meta = cls.cls;
    if (meta !== typeTypeRef.t) {
      const sc = meta.lookup('__subclasscheck__');
      if (sc !== undefined && sc !== typeSubclasscheckRef.f) return isTrue(callDescr(sc, cls, [c]));
    }
    if (!(c instanceof PyType)) throw pyErr(TypeError, 'issubclass() arg 1 must be a class');
    return c.isSubtype(cls);
  }
  const sc = typeOf(cls).lookup('__subclasscheck__');
  if (sc !== undefined) return isTrue(callDescr(sc, cls, [c]));
  throw pyErr(TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

export const typeTypeRef: { t: PyType } = { t: null as unknown as PyType };
export const typeInstancecheckRef: { f: any } = { f: undefined };
export const typeSubclasscheckRef: { f: any } = { f: undefined };

function attrName(fname: string, v: any): string {
  if (typeof v !== 'string') throw pyErr(TypeError, `attribute name must be string, not '${typeName(v)}'`);
  void fname;
  return v;
}

// ---- iterator types --------------------------------------------------------------------------

export const enumerateType = iteratorType('enumerate');
export const zipType = iteratorType('zip');
export const mapType = iteratorType('map');
export const filterType = iteratorType('filter');
export const reversedType = iteratorType('reversed');
for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) t.acceptsSubclass = true;

class EnumerateIter extends PyIterator {
  constructor(cls: PyType, private it: any, private i: number | bigint) {
    super();
    this.cls = cls;
  }
  next(): any {
    const v = iterNext(this.it);
    if (v === undefined) return undefined;
    const i = this.i;
    this.i = typeof i === 'number' && i < Number.MAX_SAFE_INTEGER ? i + 1 : N.intAdd(i, 1);
    return newTuple([i, v]);
  }
}

class ZipIter extends PyIterator {
  constructor(cls: PyType, private its: any[], private strict: boolean) {
    super();
    this.cls = cls;
  }
  next(): any {
    if (this.its.length === 0) return undefined;
    const out: any[] = [];
    for (let i = 0; i < this.its.length; i++) {
      const v = iterNext(this.its[i]);
      if (v === undefined) {
        if (this.strict) {
          if (i > 0) throw pyErr(ValueError, `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's' : ''} 1${i > 1 ? `-${i}` : ''}`);
          for (let j = 1; j < this.its.length; j++) {
            if (iterNext(this.its[j]) !== undefined) throw pyErr(ValueError, `zip() argument ${j + 1} is longer than argument${j > 1 ? 's' : ''} 1${j > 1 ? `-${j}` : ''}`);
          }
        }
        this.its = [];
        return undefined;
      }
      out.push(v);
    }
    return newTuple(out);
  }
}

class MapIter extends PyIterator {
  constructor(cls: PyType, private f: any, private its: any[]) {
    super();
    this.cls = cls;
  }
  next(): any {
    const args: any[] = [];
    for (const it of this.its) {
      const v = iterNext(it);
      if (v === undefined) return undefined;
      args.push(v);
    }
    return call(this.f, args);
  }
}

class FilterIter extends PyIterator {
  constructor(cls: PyType, private f: any, private it: any) {
    super();
    this.cls = cls;
  }
  next(): any {
    for (;;) {
      const v = iterNext(this.it);
      if (v === undefined) return undefined;
      if (this.f === None ? isTrue(v) : isTrue(call(this.f, [v]))) return v;
    }
  }
}

class ReversedIter extends PyIterator {
  constructor(cls: PyType, private seq: any, private i: number) {
    super();
    this.cls = cls;
  }
  next(): any {
    if (this.i < 0) return undefined;
    const v = callMethod(this.seq, '__getitem__', [this.i--]);
    return v;
  }
}

function installIteratorTypes(): void {
  enumerateType.ns.setStr('__new__', staticNew((a, kw) => {
    const [iterable, start] = parseArgs('enumerate', a, kw, ['iterable', 'start'], 1, 1);
    let s: number | bigint = 0;
    if (start !== undefined) {
      const i = intOf(start);
      if (i === null) throw pyErr(TypeError, `'${typeName(start)}' object cannot be interpreted as an integer`);
      s = i;
    }
    return new EnumerateIter(a[0], getIter(iterable), s);
  }));
  zipType.ns.setStr('__new__', staticNew((a, kw) => {
    let strict = false;
    if (kw !== null) {
      for (const [k, v] of kw) {
        if (k !== 'strict') throw pyErr(TypeError, `zip() got an unexpected keyword argument '${k}'`);
        strict = isTrue(v);
      }
    }
    const its = a.slice(1).map((x, i) => {
      try {
        return getIter(x);
      } catch (e) {
        if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, `zip argument #${i + 1} must support iteration`);
        throw e;
      }
    });
    return new ZipIter(a[0], its, strict);
  }));
  mapType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'map() takes no keyword arguments');
    if (a.length < 3) throw pyErr(TypeError, 'map() must have at least two arguments.');
    return new MapIter(a[0], a[1], a.slice(2).map((x) => getIter(x)));
  }));
  filterType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'filter() takes no keyword arguments');
    arity('filter', a, 2, 2, 1);
    return new FilterIter(a[0], a[1], getIter(a[2]));
  }));
  reversedType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'reversed() takes no keyword arguments');
    arity('reversed', a, 1, 1, 1);
    const seq = a[1];
    const t = typeOf(seq);
    const rv = t.lookup('__reversed__');
    if (rv !== undefined) {
      if (rv === None) throw pyErr(TypeError, `'${t.name}' object is not reversible`);
      return callDescr(rv, seq, []);
    }
    if (t.lookup('__getitem__') === undefined || t.lookup('__len__') === undefined || seq instanceof PyDict) {
      throw pyErr(TypeError, `'${t.name}' object is not reversible`);
    }
    return new ReversedIter(a[0], seq, len(seq) - 1);
  }));
  for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) {
    method(t, '__iter__', (a) => a[0]);
    method(t, '__next__', (a) => {
      const v = (a[0] as PyIterator).next();
      if (v === undefined) throw stopIteration(None);
      return v;
    });
  }
}

// ---- the functions ------------------------------------------------------------------------

export function makeBuiltinFunctions(): Map<string, any> {
  installIteratorTypes();
  const m = new Map<string, any>();
  const def = (name: string, impl: (a: any[], kw: PyKwargs | null) => any): void => {
    m.set(name, fn(name, impl));
  };
  def('print', printImpl);
  def('len', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'len() takes no keyword arguments');
    return len(exactlyOne('len', a));
  });
  def('repr', (a) => repr(exactlyOne('repr', a)));
  def('ascii', (a) => ascii(exactlyOne('ascii', a)));
  def('format', (a) => {
    arity('format', a, 1, 2);
    const spec = a.length > 1 ? a[1] : '';
    if (typeof spec !== 'string') throw pyErr(TypeError, `format() argument 2 must be str, not ${typeName(spec)}`);
    return format(a[0], spec);
  });
  def('isinstance', (a) => {
    arity('isinstance', a, 2, 2);
    return isInstance(a[0], a[1]);
  });
  def('issubclass', (a) => {
    arity('issubclass', a, 2, 2);
    return isSubclass(a[0], a[1]);
  });
  def('abs', (a) => {
    const x = exactlyOne('abs', a);
    if (typeof x === 'number') return Math.abs(x);
    if (x instanceof PyFloat) return new PyFloat(Math.abs(x.v));
    const f = typeOf(x).lookup('__abs__');
    if (f === undefined) throw pyErr(TypeError, `bad operand type for abs(): '${typeName(x)}'`);
    return callDescr(f, x, []);
  });
  def('min', (a, kw) => minmax('min', a, kw, 0));
  def('max', (a, kw) => minmax('max', a, kw, 4));
  def('sum', (a, kw) => {
    const [iterable, start] = parseArgs('sum', a, kw, ['iterable', 'start'], 1);
    let acc: any = start === undefined ? 0 : start;
    if (typeof acc === 'string') throw pyErr(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (acc instanceof PyObject && typeOf(acc).name === 'bytes') throw pyErr(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    const it = getIter(iterable);
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return acc;
      if (typeof acc === 'number' && typeof v === 'number') {
        const r = acc + v;
        if (Number.isSafeInteger(r)) {
          acc = r;
          continue;
        }
      }
      acc = binaryOp(acc, v, 0);
    }
  });
  def('sorted', (a, kw) => {
    if (a.length !== 1) throw pyErr(TypeError, a.length === 0 ? "sorted expected 1 argument, got 0" : `sorted expected 1 argument, got ${a.length}`);
    const l = newList(toArray(a[0]));
    const [key, reverse] = sortArgs(kw);
    listSort(l, key, reverse);
    return l;
  });
  def('iter', (a) => {
    arity('iter', a, 1, 2);
    if (a.length === 2) {
      if (!isCallable(a[0])) throw pyErr(TypeError, 'iter(v, w): v must be callable');
      return new callableIterRef.ctor(a[0], a[1]);
    }
    return makeIter(a[0]);
  });
  def('next', (a) => {
    arity('next', a, 1, 2);
    const it = a[0];
    const t = typeOf(it);
    if (!(it instanceof PyIterator) && t.lookup('__next__') === undefined) throw pyErr(TypeError, `'${t.name}' object is not an iterator`);
    if (a.length === 1) {
      if (it instanceof PyIterator) {
        const v = it.next();
        if (v === undefined) throw stopIteration(None);
        return v;
      }
      return callDescr(t.lookup('__next__'), it, []);
    }
    const v = iterNext(it);
    return v === undefined ? a[1] : v;
  });
  def('hash', (a) => pyHash(exactlyOne('hash', a)));
  def('id', (a) => objectId(exactlyOne('id', a)));
  def('getattr', (a) => {
    arity('getattr', a, 2, 3);
    const name = attrName('getattr', a[1]);
    if (a.length === 3) {
      const v = getAttrOpt(a[0], name);
      return v === undefined ? a[2] : v;
    }
    return getAttr(a[0], name);
  });
  def('setattr', (a) => {
    arity('setattr', a, 3, 3);
    setAttr(a[0], attrName('setattr', a[1]), a[2]);
    return None;
  });
  def('hasattr', (a) => {
    arity('hasattr', a, 2, 2);
    return getAttrOpt(a[0], attrName('hasattr', a[1])) !== undefined;
  });
  def('delattr', (a) => {
    arity('delattr', a, 2, 2);
    delAttr(a[0], attrName('delattr', a[1]));
    return None;
  });
  def('callable', (a) => isCallable(exactlyOne('callable', a)));
  def('chr', (a) => {
    const i = toIndex(exactlyOne('chr', a));
    if (typeof i !== 'number' || i < 0 || i > 0x10ffff) throw pyErr(i > 0 && typeof i === 'bigint' ? overflowRef.t : ValueError, typeof i === 'bigint' ? 'Python int too large to convert to C int' : 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(i);
  });
  def('ord', (a) => {
    const c = exactlyOne('ord', a);
    if (typeof c === 'string') {
      const cps = Array.from(c);
      if (cps.length !== 1) throw pyErr(TypeError, `ord() expected a character, but string of length ${cps.length} found`);
      return cps[0].codePointAt(0);
    }
    const b = bytesOfRef.f(c);
    if (b !== null) {
      if (b.length !== 1) throw pyErr(TypeError, `ord() expected a character, but string of length ${b.length} found`);
      return b[0];
    }
    throw pyErr(TypeError, `ord() expected string of length 1, but ${typeName(c)} found`);
  });
  def('hex', (a) => N.intHex(toIndex(exactlyOne('hex', a))));
  def('oct', (a) => N.intOct(toIndex(exactlyOne('oct', a))));
  def('bin', (a) => N.intBin(toIndex(exactlyOne('bin', a))));
  def('divmod', (a) => {
    arity('divmod', a, 2, 2);
    const r = binaryDunder(a[0], a[1], typeOf(a[0]), typeOf(a[1]), '__divmod__', '__rdivmod__');
    if (r === NotImplemented) throw pyErr(TypeError, `unsupported operand type(s) for divmod(): '${typeName(a[0])}' and '${typeName(a[1])}'`);
    return r;
  });
  def('pow', (a, kw) => {
    const [base, exp, mod] = parseArgs('pow', a, kw, ['base', 'exp', 'mod'], 2);
    if (mod === undefined || mod === None) return binaryOp(base, exp, 6);
    const f = typeOf(base).lookup('__pow__');
    if (f !== undefined) {
      const r = callDescr(f, base, [exp, mod]);
      if (r !== NotImplemented) return r;
    }
    throw pyErr(TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(base)}', '${typeName(exp)}', '${typeName(mod)}'`);
  });
  def('round', (a, kw) => {
    const [number, ndigits] = parseArgs('round', a, kw, ['number', 'ndigits'], 1);
    const f = typeOf(number).lookup('__round__');
    if (f === undefined) throw pyErr(TypeError, `type ${typeName(number)} doesn't define __round__ method`);
    return ndigits === undefined || ndigits === None ? callDescr(f, number, []) : callDescr(f, number, [ndigits]);
  });
  def('any', (a) => {
    const it = getIter(exactlyOne('any', a));
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return false;
      if (isTrue(v)) return true;
    }
  });
  def('all', (a) => {
    const it = getIter(exactlyOne('all', a));
    for (;;) {
      const v = iterNext(it);
      if (v === undefined) return true;
      if (!isTrue(v)) return false;
    }
  });
  def('input', (a) => {
    arity('input', a, 0, 1);
    if (a.length === 1) {
      const stdout = sysRef.getStdout();
      if (stdout !== undefined) {
        callMethod(stdout, 'write', [str(a[0])]);
        callMethod(stdout, 'flush', []);
      } else {
        io.stdoutWrite(str(a[0]));
      }
      io.flushStdout();
    }
    const line = io.stdinReadline();
    if (line === null) throw pyErr(EOFError, 'EOF when reading a line');
    return line.endsWith('\n') ? line.slice(0, -1) : line;
  });
  def('__build_class__', buildClass);
  def('globals', () => (tstate.frame ? tstate.frame.globals : new PyDict(dictType)));
  def('locals', () => (tstate.frame ? frameLocals(tstate.frame) : new PyDict(dictType)));
  def('vars', (a) => {
    arity('vars', a, 0, 1);
    if (a.length === 0) return tstate.frame ? frameLocals(tstate.frame) : new PyDict(dictType);
    const d = getAttrOpt(a[0], '__dict__');
    if (d === undefined) throw pyErr(TypeError, 'vars() argument must have __dict__ attribute');
    return d;
  });
  def('dir', (a) => {
    arity('dir', a, 0, 1);
    if (a.length === 0) return newList([...(tstate.frame ? frameLocals(tstate.frame) : new PyDict()).keys()].sort());
    const d = typeOf(a[0]).lookup('__dir__');
    if (d !== undefined) {
      const r = toArray(callDescr(d, a[0], []));
      return newList(r.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return newList(dirOf(a[0]));
  });
  void AttributeError;
  void StopIteration;
  void contains;
  void rangeIter;
  void PyRange;
  void PyBuiltin;
  void listType;
  void PyList;
  void wrapNumeric;
  void method;
  return m;
}

export const overflowRef: { t: PyType } = { t: null as unknown as PyType };
export const bytesOfRef: { f: (v: any) => Uint8Array | null } = { f: () => null };
export const callableIterRef: { ctor: new (f: any, s: any) => PyIterator } = { ctor: null as unknown as new (f: any, s: any) => PyIterator };

export { isInstance, isSubclass };
