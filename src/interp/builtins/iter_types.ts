// The builtin iterator types enumerate, zip, map, filter and reversed, and the builtins
// iter(), next(), aiter() and anext() (Objects/enumobject.c, Python/bltinmodule.c).
//
// Each iterator is a PyIterator whose next() returns undefined when exhausted, so the
// eval loop's FOR_ITER and the protocol's iterNext drive them without StopIteration
// objects; Python sees __iter__/__next__ and the __reduce__/__setstate__ pickling hooks.

import { classMethod, fn as _fn, method, parseArgs, unpackArity } from '../bi.js';
import { genericAliasRef } from './list.js';
import { len, toIndex } from '../containers.js';
import { IndexError, pyErr, StopAsyncIteration, StopIteration, TypeError, ValueError } from '../exceptions.js';
import { stopIteration } from '../generators.js';
import { CallableIter, makeIter } from '../iterators.js';
import * as N from '../numeric/index.js';
import { PyBaseException, PyIterator, type PyKwargs, PyObject } from '../objects.js';
import { call, callDescr, callMethod, isCallable, isTrue, iterNext, newTuple, None, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { boolType, iteratorType, PyType } from '../typeobj.js';
import { staticNew } from './numbers.js';

export const enumerateType = iteratorType('enumerate');
export const zipType = iteratorType('zip');
export const mapType = iteratorType('map');
export const filterType = iteratorType('filter');
export const reversedType = iteratorType('reversed');
export const anextAwaitableType = iteratorType('anext_awaitable');
for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) t.acceptsSubclass = true;

/** The iterator of an iterable, for the iterator types' constructors. */
function iterOf(v: any): any {
  return makeIter(v);
}

class EnumerateIter extends PyIterator {
  constructor(cls: PyType, public it: any, public i: number | bigint) {
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
  constructor(cls: PyType, public its: any[], public strict: boolean) {
    super();
    this.cls = cls;
  }
  next(): any {
    const its = this.its;
    const n = its.length;
    if (n === 0) return undefined;
    const out: any[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = iterNext(its[i]);
      if (v === undefined) {
        if (this.strict) this.checkStrict(i);
        return undefined;
      }
      out[i] = v;
    }
    return newTuple(out);
  }
  /** zip(strict=True): iterator i ran out; the others must be exhausted too. */
  private checkStrict(i: number): void {
    const plural = (j: number): string => (j === 1 ? ' 1' : `s 1-${j}`);
    if (i > 0) throw pyErr(ValueError, `zip() argument ${i + 1} is shorter than argument${plural(i)}`);
    for (let j = 1; j < this.its.length; j++) {
      if (iterNext(this.its[j]) !== undefined) throw pyErr(ValueError, `zip() argument ${j + 1} is longer than argument${plural(j)}`);
    }
  }
}

class MapIter extends PyIterator {
  constructor(cls: PyType, public f: any, public its: any[]) {
    super();
    this.cls = cls;
  }
  next(): any {
    const its = this.its;
    if (its.length === 1) {
      const v = iterNext(its[0]);
      return v === undefined ? undefined : call(this.f, [v]);
    }
    const args: any[] = new Array(its.length);
    for (let i = 0; i < its.length; i++) {
      const v = iterNext(its[i]);
      if (v === undefined) return undefined;
      args[i] = v;
    }
    return call(this.f, args);
  }
}

class FilterIter extends PyIterator {
  constructor(cls: PyType, public f: any, public it: any) {
    super();
    this.cls = cls;
  }
  next(): any {
    const f = this.f;
    for (;;) {
      const v = iterNext(this.it);
      if (v === undefined) return undefined;
      if (f === None || f === boolType ? isTrue(v) : isTrue(call(f, [v]))) return v;
    }
  }
}

class ReversedIter extends PyIterator {
  constructor(cls: PyType, public seq: any, public i: number) {
    super();
    this.cls = cls;
  }
  next(): any {
    if (this.i < 0 || this.seq === None) return undefined;
    try {
      return callMethod(this.seq, '__getitem__', [this.i--]);
    } catch (e) {
      if (e instanceof PyBaseException && (e.cls.isSubtype(IndexError) || e.cls.isSubtype(StopIteration))) {
        this.i = -1;
        this.seq = None;
        return undefined;
      }
      throw e;
    }
  }
}

/** The awaitable anext(it, default) returns: StopAsyncIteration becomes StopIteration(default). */
class AnextAwaitable extends PyObject {
  private inner: any = undefined;
  constructor(private readonly wrapped: any, private readonly dflt: any) {
    super();
    this.cls = anextAwaitableType;
  }
  private iter(): any {
    if (this.inner === undefined) {
      const aw = callMethod(this.wrapped, '__anext__', []);
      const a = typeOf(aw).lookup('__await__');
      if (a === undefined) throw pyErr(TypeError, `'${typeName(aw)}' object can't be awaited`);
      this.inner = callDescr(a, aw, []);
    }
    return this.inner;
  }
  step(f: (it: any) => any): any {
    try {
      return f(this.iter());
    } catch (e) {
      if (e instanceof PyBaseException && e.cls.isSubtype(StopAsyncIteration)) throw stopIteration(this.dflt);
      throw e;
    }
  }
}

function iteratorMethods(t: PyType): void {
  method(t, '__iter__', (a) => a[0]);
  method(t, '__next__', (a) => {
    const v = (a[0] as PyIterator).next();
    if (v === undefined) throw stopIteration(None);
    return v;
  });
}

export function installIterTypes(): void {
  if (enumerateType.ns.has('__next__')) return;
  enumerateType.ns.setStr('__new__', staticNew((a, kw) => {
    if (a.length > 3) throw pyErr(TypeError, `enumerate() takes at most 2 arguments (${a.length - 1} given)`);
    const [iterable, start] = parseArgs('enumerate', a, kw, ['iterable', 'start'], 0, 1);
    if (iterable === undefined) throw pyErr(TypeError, "enumerate() missing required argument 'iterable'");
    let s: number | bigint = 0;
    if (start !== undefined) s = toIndex(start);
    return new EnumerateIter(a[0], iterOf(iterable), s);
  }));
  classMethod(enumerateType, '__class_getitem__', (a) => genericAliasRef.make(a[0], a[1]));
  method(enumerateType, '__reduce__', (a) => {
    const e = a[0] as EnumerateIter;
    return newTuple([typeOf(e), newTuple([e.it, e.i])]);
  });

  zipType.ns.setStr('__new__', staticNew((a, kw) => {
    let strict = false;
    if (kw !== null) {
      for (const [k, v] of kw) {
        if (k !== 'strict') throw pyErr(TypeError, `'${k}' is an invalid keyword argument for zip()`);
        strict = isTrue(v);
      }
    }
    const its: any[] = [];
    for (let i = 1; i < a.length; i++) its.push(iterOf(a[i]));
    return new ZipIter(a[0], its, strict);
  }));
  method(zipType, '__reduce__', (a) => {
    const z = a[0] as ZipIter;
    const r = newTuple([typeOf(z), newTuple(z.its)]);
    return z.strict ? newTuple([...r.items, true]) : r;
  });
  method(zipType, '__setstate__', (a) => {
    (a[0] as ZipIter).strict = isTrue(a[1]);
    return None;
  });

  mapType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'map() takes no keyword arguments');
    if (a.length < 3) throw pyErr(TypeError, 'map() must have at least two arguments.');
    const its: any[] = [];
    for (let i = 2; i < a.length; i++) its.push(iterOf(a[i]));
    return new MapIter(a[0], a[1], its);
  }));
  method(mapType, '__reduce__', (a) => {
    const m = a[0] as MapIter;
    return newTuple([typeOf(m), newTuple([m.f, ...m.its])]);
  });

  filterType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'filter() takes no keyword arguments');
    unpackArity('filter', a, 2, 2, 1);
    return new FilterIter(a[0], a[1], iterOf(a[2]));
  }));
  method(filterType, '__reduce__', (a) => {
    const f = a[0] as FilterIter;
    return newTuple([typeOf(f), newTuple([f.f, f.it])]);
  });

  reversedType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'reversed() takes no keyword arguments');
    unpackArity('reversed', a, 1, 1, 1);
    const seq = a[1];
    const t = typeOf(seq);
    const rv = t.lookup('__reversed__');
    if (rv === None) throw pyErr(TypeError, `'${t.name}' object is not reversible`);
    if (rv !== undefined) return callDescr(rv, seq, []);
    if (t.lookup('__getitem__') === undefined || seq instanceof PyDict) throw pyErr(TypeError, `'${t.name}' object is not reversible`);
    return new ReversedIter(a[0], seq, len(seq) - 1);
  }));
  method(reversedType, '__length_hint__', (a) => {
    const r = a[0] as ReversedIter;
    if (r.seq === None) return 0;
    const n = len(r.seq);
    return r.i < n ? r.i + 1 : 0;
  });
  method(reversedType, '__reduce__', (a) => {
    const r = a[0] as ReversedIter;
    if (r.seq === None) return newTuple([typeOf(r), newTuple([newTuple([])])]);
    return newTuple([typeOf(r), newTuple([r.seq]), r.i]);
  });
  method(reversedType, '__setstate__', (a) => {
    const r = a[0] as ReversedIter;
    let i = Number(toIndex(a[1]));
    if (r.seq !== None) {
      const n = len(r.seq);
      if (i < -1) i = -1;
      else if (i > n - 1) i = n - 1;
      r.i = i;
    }
    return None;
  });
  for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) iteratorMethods(t);

  const AA = anextAwaitableType;
  method(AA, '__await__', (a) => a[0]);
  method(AA, '__iter__', (a) => a[0]);
  method(AA, '__next__', (a) => (a[0] as AnextAwaitable).step((it) => callMethod(it, '__next__', [])));
  method(AA, 'send', (a) => (a[0] as AnextAwaitable).step((it) => (a[1] === None ? callMethod(it, '__next__', []) : callMethod(it, 'send', [a[1]]))));
  method(AA, 'throw', (a) => (a[0] as AnextAwaitable).step((it) => callMethod(it, 'throw', a.slice(1))));
  method(AA, 'close', (a) => (a[0] as AnextAwaitable).step((it) => {
    const c = typeOf(it).lookup('close');
    return c === undefined ? None : callDescr(c, it, []);
  }));
}

function noKwargs(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

/** iter, next, aiter, anext. */
export function iterBuiltins(): [string, any][] {
  const out: [string, any][] = [];
  const def = (name: string, impl: (a: any[], kw: PyKwargs | null) => any): void => {
    out.push([name, _fn(name, impl)]);
  };
  def('iter', (a, kw) => {
    noKwargs('iter', kw);
    unpackArity('iter', a, 1, 2);
    if (a.length === 2) {
      if (!isCallable(a[0])) throw pyErr(TypeError, 'iter(v, w): v must be callable');
      return new CallableIter(a[0], a[1]);
    }
    return makeIter(a[0]);
  });
  def('next', (a, kw) => {
    noKwargs('next', kw);
    if (a.length !== 1) unpackArity('next', a, 1, 2);
    const it = a[0];
    if (it instanceof PyIterator) {
      const v = it.next();
      if (v !== undefined) return v;
      if (a.length > 1) return a[1];
      throw stopIteration(None);
    }
    const t = typeOf(it);
    const nx = t.lookup('__next__');
    if (nx === undefined) throw pyErr(TypeError, `'${t.name}' object is not an iterator`);
    if (a.length === 1) return callDescr(nx, it, []);
    try {
      return callDescr(nx, it, []);
    } catch (e) {
      if (e instanceof PyBaseException && e.cls.isSubtype(StopIteration)) return a[1];
      throw e;
    }
  });
  def('aiter', (a, kw) => {
    noKwargs('aiter', kw);
    if (a.length !== 1) throw pyErr(TypeError, `aiter() takes exactly one argument (${a.length} given)`);
    const t = typeOf(a[0]);
    const f = t.lookup('__aiter__');
    if (f === undefined) throw pyErr(TypeError, `'${t.name}' object is not an async iterable`);
    const it = callDescr(f, a[0], []);
    if (typeOf(it).lookup('__anext__') === undefined) throw pyErr(TypeError, `aiter() returned not an async iterator of type '${typeName(it)}'`);
    return it;
  });
  def('anext', (a, kw) => {
    noKwargs('anext', kw);
    unpackArity('anext', a, 1, 2);
    const t = typeOf(a[0]);
    const f = t.lookup('__anext__');
    if (f === undefined) throw pyErr(TypeError, `'${t.name}' object is not an async iterator`);
    if (a.length === 1) return callDescr(f, a[0], []);
    return new AnextAwaitable(a[0], a[1]);
  });
  return out;
}

export const callableIterRef: { ctor: new (f: any, s: any) => PyIterator } = { ctor: CallableIter };
