// Out-of-line parts of the eval loop.
//
// Instructions that are rare or long (imports, class and function creation, pattern
// matching, exception groups, with-statements, coroutine plumbing) live here so the hot
// dispatch function stays small enough for V8 to optimise. Each function implements one
// op's semantics as documented in the op table.

import type { CodeObject } from '../bytecode/code.js';
import { FVC_ASCII, FVC_MASK, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS } from '../bytecode/ops.js';
import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE } from '../bytecode/code.js';
import { allocForInlineInit, lastInit } from './classes.js';
import { keyError, len, strGetItem } from './containers.js';
import {
  AttributeError, BaseException, BaseExceptionGroup, MemoryError, ImportError, NameError, pyErr, RecursionError, RuntimeError, setExcAttr, StopAsyncIteration, StopIteration, TypeError, UnboundLocalError, ValueError,
} from './exceptions.js';
import { bindArgs, currentHandled, type Frame, profileHooks, type RtCode, tstate } from './frame.js';
import { AsyncGenWrapped, finalizeDropped, makeGenerator as mkGen, PyGenerator, sendTo, type SendResult } from './generators.js';
import { RangeIter, SeqIter } from './iterators.js';
import { PyBaseException, PyBuiltin, PyCell, PyFloat, PyFunction, type PyKwargs, PyList, PyModule, PyObject, PySlice, PyTraceback, PyTuple } from './objects.js';
import {
  call, callDescr, callMethod, getAttrOpt, getIter, isTrue, iterNext, newTuple, None, typeOf, typeName,
} from './protocol.js';
import { PyDict } from './pydict.js';
import { PySet } from './pyset.js';
import {
  asyncGeneratorType, coroutineType, dictType, floatType, functionType, generatorType, PyType, setType, sliceType, tracebackType,
} from './typeobj.js';

export { allocForInlineInit, lastInit, RangeIter as RangeIterT, SeqIter as SeqIterT, PyType as PyTypeT };
export const RecursionErrorT = RecursionError;
export const floatT = floatType;

export function typeNameOf(v: any): string {
  return typeName(v);
}

export function typeOfFast(v: any): PyType {
  return typeOf(v);
}

// ---- errors and tracebacks -----------------------------------------------------------------

/** A JS error thrown inside the loop: stack exhaustion becomes RecursionError. */
export function convertJsError(err: any): PyBaseException {
  if (err instanceof RangeError) {
    if (/call stack/i.test(err.message)) return pyErr(RecursionError, 'maximum recursion depth exceeded');
    // V8's allocation limits: CPython would run out of memory on these sizes too.
    if (/invalid (string|array|typed array) length|allocation failed|bigint size/i.test(err.message)) return pyErr(MemoryError);
  }
  throw err;
}

/** Thrown when a profile run reaches its instruction budget. */
export class BudgetExhausted extends Error {}

/** GET_ITER: iter(v); a generator that __iter__ made afresh belongs to the loop. */
export function getIterForLoop(v: any): any {
  const it = getIter(v);
  if (it !== v && it instanceof PyGenerator) it.loopOwned = true;
  return it;
}

/**
 * Exception unwinding drops stack slots [from, to): finalize loop-owned generators there,
 * unless a local variable still holds them (the traceback keeps the frame's locals alive).
 */
export function dropStackSlots(slots: any[], nlocals: number, from: number, to: number): void {
  for (let i = to - 1; i >= from; i--) {
    const v = slots[i];
    if (v instanceof PyGenerator && v.loopOwned && slots.indexOf(v) >= nlocals) {
      slots[i] = undefined;
      finalizeDropped(v);
    }
  }
}

export function budgetExhausted(): never {
  tstate.budget = Infinity;
  throw new BudgetExhausted('profile budget exhausted');
}

/** Record that `e` passed through frame `f` at instruction `pc` (PyTraceBack_Here). */
export function addTraceback(e: PyBaseException, f: Frame, pc: number): void {
  if (!e.contextChecked) {
    e.contextChecked = true;
    setImplicitContext(e);
  }
  // Modules of runtime/lib that stand for C modules of CPython set __edgepyc_c_module__:
  // their frames are not traceback entries there, so they are not here either.
  if (f.globals.getStr('__edgepyc_c_module__') === true) return;
  e.traceback = new PyTraceback(tracebackType, f.code, pc, e.traceback, f.globals);
}

/** Implicit exception chaining: the exception being handled becomes __context__. */
export function setImplicitContext(e: PyBaseException): void {
  const handled = currentHandled();
  if (handled === None || handled === e || !(handled instanceof PyBaseException)) return;
  // Break a cycle through the context chain rather than create one.
  let o: PyBaseException = handled;
  for (let n = 0; n < 10000; n++) {
    const c = o.context;
    if (!(c instanceof PyBaseException)) break;
    if (c === e) {
      o.context = None;
      break;
    }
    o = c;
  }
  if (e.context === null || e.context === None) e.context = handled;
}

export function nameError(name: string): PyBaseException {
  const e = pyErr(NameError, `name '${name}' is not defined`);
  setExcAttr(e, 'name', name);
  return e;
}

export function unboundDeref(code: CodeObject, i: number): PyBaseException {
  const nc = code.cellvars.length;
  if (i < nc) return pyErr(UnboundLocalError, `cannot access local variable '${code.cellvars[i]}' where it is not associated with a value`);
  const name = code.freevars[i - nc];
  return pyErr(NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}

// ---- namespaces -----------------------------------------------------------------------------

// A class body's namespace may be any mapping (__prepare__): only an exact dict is
// accessed directly; anything else, dict subclasses included, through its methods.

export function loadName(f: Frame, name: string): any {
  const l = f.locals;
  if (l !== null) {
    if (l instanceof PyDict && l.cls === dictType) {
      const v = l.getStr(name);
      if (v !== undefined) return v;
    } else {
      try {
        return callDescr(typeOf(l).lookup('__getitem__'), l, [name]);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.cls.isSubtype(keyErrorT()))) throw e;
      }
    }
  }
  let v = f.globals.getStr(name);
  if (v !== undefined) return v;
  v = f.builtins.getStr(name);
  if (v !== undefined) return v;
  throw nameError(name);
}

function keyErrorT(): PyType {
  return keyErrorRef.t;
}
export const keyErrorRef: { t: PyType } = { t: null as unknown as PyType };

export function storeName(f: Frame, name: string, v: any): void {
  const l = f.locals ?? f.globals;
  if (l instanceof PyDict && l.cls === dictType) l.setStr(name, v);
  else callDescr(typeOf(l).lookup('__setitem__'), l, [name, v]);
}

export function deleteName(f: Frame, name: string): void {
  const l = f.locals ?? f.globals;
  if (l instanceof PyDict && l.cls === dictType) {
    if (l.delete(name) === undefined) throw nameError(name);
    return;
  }
  try {
    callDescr(typeOf(l).lookup('__delitem__'), l, [name]);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtype(keyErrorT())) throw nameError(name);
    throw e;
  }
}

export function storeGlobal(g: PyDict, name: string, v: any): void {
  g.setStr(name, v);
}

export function loadClassDeref(f: Frame, i: number): any {
  const code = f.code;
  const nc = code.cellvars.length;
  const name = i < nc ? code.cellvars[i] : code.freevars[i - nc];
  const l = f.locals;
  if (l instanceof PyDict && l.cls === dictType) {
    const v = l.getStr(name);
    if (v !== undefined) return v;
  } else if (l !== null) {
    try {
      return callDescr(typeOf(l).lookup('__getitem__'), l, [name]);
    } catch (e) {
      if (!(e instanceof PyBaseException && e.cls.isSubtype(keyErrorT()))) throw e;
    }
  }
  const v = (f.slots[code.nlocals + i] as PyCell).v;
  if (v === undefined) throw unboundDeref(code, i);
  return v;
}

// ---- building values ------------------------------------------------------------------------

export function buildSlice(slots: any[], sp: number, n: number): number {
  const step = n === 3 ? slots[--sp] : None;
  const stop = slots[--sp];
  const start = slots[--sp];
  slots[sp + 1] = slots[sp + 2] = undefined;
  slots[sp++] = new PySlice(sliceType, start, stop, step);
  return sp;
}

export function buildSet(slots: any[], sp: number, n: number): number {
  const s = new PySet(setType);
  for (let i = sp - n; i < sp; i++) {
    s.add(slots[i]);
    slots[i] = undefined;
  }
  sp -= n;
  slots[sp++] = s;
  return sp;
}

export function setAdd(s: PySet, v: any): void {
  s.add(v);
}

export function listExtend(l: PyList, v: any): void {
  if (v instanceof PyList || v instanceof PyTuple) {
    for (const x of v.items) l.items.push(x);
    return;
  }
  let it;
  try {
    it = getIter(v);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtype(TypeError) && typeOf(v).lookup('__iter__') === undefined) {
      throw pyErr(TypeError, `Value after * must be an iterable, not ${typeName(v)}`);
    }
    throw e;
  }
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return;
    l.items.push(x);
  }
}

export function setUpdate(s: PySet, v: any): void {
  if (v instanceof PySet) {
    s.merge(v);
    return;
  }
  const it = getIter(v);
  for (;;) {
    const x = iterNext(it);
    if (x === undefined) return;
    s.add(x);
  }
}

/** Keys of a mapping for ** unpacking (PyDict fast path, else keys() and __getitem__). */
function mappingItems(m: any): [any, any][] | null {
  if (m instanceof PyDict) return [...m.entries()];
  const keys = getAttrOpt(m, 'keys');
  if (keys === undefined) return null;
  const out: [any, any][] = [];
  const it = getIter(call(keys, []));
  for (;;) {
    const k = iterNext(it);
    if (k === undefined) break;
    out.push([k, callMethod(m, '__getitem__', [k])]);
  }
  return out;
}

export function dictUpdate(d: PyDict, v: any): void {
  const items = mappingItems(v);
  if (items === null) throw pyErr(TypeError, `'${typeName(v)}' object is not a mapping`);
  for (const [k, x] of items) d.set(k, x);
}

/** DICT_MERGE for f(**m): duplicate keys are an error naming the callable. */
export function dictMerge(d: PyDict, v: any, callable: any): void {
  const items = mappingItems(v);
  if (items === null) throw pyErr(TypeError, `${functionStr(callable)} argument after ** must be a mapping, not ${typeName(v)}`);
  for (const [k, x] of items) {
    // Non-string keys are the call's error ("keywords must be strings"), not the merge's.
    if (d.has(k)) throw pyErr(TypeError, `${functionStr(callable)} got multiple values for keyword argument '${typeof k === 'string' ? k : fmtHooks.str(k)}'`);
    d.set(k, x);
  }
}

/** _PyObject_FunctionStr: `module.qualname()` (module left out for builtins), else str(f). */
export function functionStr(f: any): string {
  try {
    const qualname = getAttrOpt(f, '__qualname__');
    if (qualname === undefined) return fmtHooks.str(f);
    const module = getAttrOpt(f, '__module__');
    if (typeof module === 'string' && module !== 'builtins') return `${module}.${fmtHooks.str(qualname)}()`;
    return `${fmtHooks.str(qualname)}()`;
  } catch {
    return fmtHooks.str(f);
  }
}

/** CALL_FUNCTION_EX's positional arguments when they are not already a tuple. */
export function starArgs(callable: any, v: any): any[] {
  const t = typeOf(v);
  if (t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined && !(v instanceof PyObject && v.cls.layout === 'iterator')) {
    throw pyErr(TypeError, `${functionStr(callable)} argument after * must be an iterable, not ${t.name}`);
  }
  return toArrayHook.f(v);
}

export function kwargsFromMapping(m: any): PyKwargs {
  const kw: PyKwargs = new Map();
  if (m instanceof PyDict) {
    for (const [k, v] of m.entries()) {
      if (typeof k !== 'string') throw pyErr(TypeError, 'keywords must be strings');
      kw.set(k, v);
    }
  }
  return kw;
}

export function formatValue(slots: any[], sp: number, flags: number): number {
  let spec = '';
  if (flags & FVS_HAVE_SPEC) {
    spec = slots[--sp];
    slots[sp] = undefined;
  }
  let v = slots[sp - 1];
  switch (flags & FVC_MASK) {
    case FVC_STR:
      v = fmtHooks.str(v);
      break;
    case FVC_REPR:
      v = fmtHooks.repr(v);
      break;
    case FVC_ASCII:
      v = fmtHooks.ascii(v);
      break;
    default:
      break;
  }
  slots[sp - 1] = typeof v === 'string' && spec === '' ? v : fmtHooks.format(v, spec);
  return sp;
}

export const fmtHooks = {
  str: null as unknown as (v: any) => string,
  repr: null as unknown as (v: any) => string,
  ascii: null as unknown as (v: any) => string,
  format: null as unknown as (v: any, spec: string) => string,
  print: null as unknown as (v: any) => void,
};

export function makeFunction(f: Frame, slots: any[], sp: number, flags: number): number {
  const code = slots[--sp] as CodeObject;
  slots[sp] = undefined;
  const fn = new PyFunction(functionType, code, f.globals, rtConsts(code));
  if (flags & MF_CLOSURE) {
    fn.closure = (slots[--sp] as PyTuple).items as PyCell[];
    slots[sp] = undefined;
  }
  if (flags & MF_ANNOTATIONS) {
    fn.annotations = slots[--sp];
    slots[sp] = undefined;
  }
  if (flags & MF_KWDEFAULTS) {
    fn.kwdefaults = slots[--sp];
    slots[sp] = undefined;
  }
  if (flags & MF_DEFAULTS) {
    fn.defaults = (slots[--sp] as PyTuple).items;
    slots[sp] = undefined;
  }
  fn.doc = code.docstring === null ? None : code.docstring;
  const modname = f.globals.getStr('__name__');
  fn.module = modname === undefined ? None : modname;
  slots[sp++] = fn;
  return sp;
}

function rtConsts(code: CodeObject): any[] {
  return rtHook.rt(code).consts;
}

export const rtHook = { rt: null as unknown as (code: CodeObject) => RtCode };

export function buildClassBuiltin(f: Frame): any {
  const b = f.builtins.getStr('__build_class__');
  if (b === undefined) throw pyErr(NameError, '__build_class__ not found');
  return b;
}

export function intrinsic1(f: Frame, n: number, v: any): any {
  switch (n) {
    case 0: // PRINT_EXPR
      if (v !== None) {
        f.builtins.setStr('_', v);
        fmtHooks.print(v);
      }
      return None;
    case 1: // IMPORT_STAR
      importStar(f, v);
      return None;
    case 2:
      return v;
    case 3:
      return unaryPosHook.f(v);
    case 4:
      return newTuple((v as PyList).items);
    case 5:
      return typeAliasHook.make((v as PyTuple).items[0], (v as PyTuple).items[1]);
    case 6:
      return new AsyncGenWrapped(v);
    case 8: // OWN_LOOP_ITER
      // A generator made by the loop's own call is fresh; a started one (`iter(g)`) is
      // someone else's too.
      if (v instanceof PyGenerator && !v.started) v.loopOwned = true;
      return v;
    case 9: // CLOSE_LOOP_ITER
      if (v instanceof PyGenerator && v.loopOwned) finalizeDropped(v);
      return v;
    default:
      throw pyErr(RuntimeError, `unknown intrinsic ${n}`);
  }
}

export const unaryPosHook = { f: null as unknown as (v: any) => any };
export const typeAliasHook = { make: null as unknown as (name: string, thunk: any) => any };

function importStar(f: Frame, mod: any): void {
  const target = f.locals ?? f.globals;
  const d = mod instanceof PyModule ? mod.dict! : null;
  let names: any[];
  const all = getAttrOpt(mod, '__all__');
  if (all !== undefined) names = toArrayHook.f(all);
  else names = d === null ? [] : [...d.keys()].filter((k) => typeof k === 'string' && !k.startsWith('_'));
  for (const n of names) {
    if (typeof n !== 'string') throw pyErr(TypeError, `Item in ${(mod as PyModule).name}.__all__ must be str, not ${typeName(n)}`);
    const v = getAttrOpt(mod, n);
    if (v === undefined) throw pyErr(AttributeError, `module '${(mod as PyModule).name}' has no attribute '${n}'`);
    if (target instanceof PyDict && target.cls === dictType) target.setStr(n, v);
    else callDescr(typeOf(target).lookup('__setitem__'), target, [n, v]);
  }
}

export const toArrayHook = { f: null as unknown as (v: any) => any[] };

// ---- exceptions -----------------------------------------------------------------------------

export function doRaise(slots: any[], sp: number, n: number): never {
  if (n === 0) {
    const e = currentHandled();
    if (e === None) throw pyErr(RuntimeError, 'No active exception to reraise');
    throwReraiseHook.f(e);
  }
  let cause: any = undefined;
  if (n === 2) cause = slots[--sp];
  const exc = makeException(slots[--sp], 'exceptions must derive from BaseException');
  if (n === 2) {
    if (cause === None) exc.cause = None;
    else exc.cause = makeException(cause, 'exception causes must derive from BaseException');
    exc.suppressContext = true;
  }
  exc.contextChecked = false;
  throw exc;
}

export const throwReraiseHook = { f: null as unknown as (e: any) => never };

function makeException(v: any, msg: string): PyBaseException {
  if (v instanceof PyType && v.isSubtype(BaseException)) {
    const e = call(v, []);
    if (!(e instanceof PyBaseException)) throw pyErr(TypeError, `calling ${v.name} should have returned an instance of BaseException, not ${typeName(e)}`);
    return e;
  }
  if (v instanceof PyBaseException) return v;
  throw pyErr(TypeError, msg);
}

function isExcClass(t: any): boolean {
  return t instanceof PyType && t.isSubtype(BaseException);
}

export function checkExcMatch(exc: any, t: any): boolean {
  if (t instanceof PyTuple) {
    for (const x of t.items) if (!isExcClass(x)) throw pyErr(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    return t.items.some((x) => typeOf(exc).isSubtype(x));
  }
  if (!isExcClass(t)) throw pyErr(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  return typeOf(exc).isSubtype(t);
}

/** CHECK_EG_MATCH: [rest, type] -> [rest', match|None] */
export function checkEgMatch(slots: any[], sp: number): void {
  const t = slots[sp - 1];
  const exc = slots[sp - 2];
  const types = t instanceof PyTuple ? t.items : [t];
  for (const x of types) {
    if (!isExcClass(x)) throw pyErr(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    if ((x as PyType).isSubtype(BaseExceptionGroup)) throw pyErr(TypeError, 'catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
  if (exc === None) {
    slots[sp - 1] = None;
    return;
  }
  const matches = (e: any): boolean => types.some((x: PyType) => typeOf(e).isSubtype(x));
  if (!typeOf(exc).isSubtype(BaseExceptionGroup)) {
    if (matches(exc)) {
      // A naked exception is wrapped in a group (with a tuple of one, as CPython).
      const wrapped = egHooks.makeFrom('', newTuple([exc]));
      slots[sp - 2] = None;
      slots[sp - 1] = wrapped;
    } else slots[sp - 1] = None;
    return;
  }
  const [match, rest] = egHooks.split(exc, matches);
  slots[sp - 2] = rest;
  slots[sp - 1] = match;
}

export const egHooks = {
  make: null as unknown as (msg: string, excs: any[]) => any,
  makeFrom: null as unknown as (msg: string, excs: any) => any,
  split: null as unknown as (eg: any, pred: (e: any) => boolean) => [any, any],
};

/**
 * PREP_RERAISE_STAR (_PyExc_PrepReraiseStar): what an except* statement re-raises. Each
 * exception raised in a clause body is new unless it carries the original group's
 * metadata (traceback, cause, context, notes: then it is a re-raised split of it). The
 * re-raised leaves and the unhandled rest are projected back onto the original group's
 * structure; new exceptions are grouped with that projection.
 */
export function prepReraiseStar(orig: any, pair: PyTuple): any {
  const raisedInHandlers = (pair.items[0] as PyList).items;
  const rest = pair.items[1];
  const excs = [...raisedInHandlers, rest].filter((x) => x !== None && x !== undefined);
  if (excs.length === 0) return None;
  if (!(orig instanceof PyBaseException) || !orig.cls.isSubtype(BaseExceptionGroup)) return excs[0];
  const raised: any[] = [];
  const reraised: any[] = [];
  for (const e of excs) (sameExceptionMetadata(e, orig) ? reraised : raised).push(e);
  const leaves = new Set<any>();
  for (const e of reraised) collectLeaves(e, leaves);
  const projection = leaves.size === 0 ? None : egHooks.split(orig, (leaf) => leaves.has(leaf))[0];
  if (raised.length === 0) return projection;
  if (projection !== None) raised.push(projection);
  return raised.length > 1 ? egHooks.make('', raised) : raised[0];
}

function sameExceptionMetadata(a: any, b: PyBaseException): boolean {
  if (!(a instanceof PyBaseException)) return false;
  const notes = (e: PyBaseException): any => e.dict?.getStr('__notes__');
  return a.traceback === b.traceback && a.cause === b.cause && a.context === b.context && notes(a) === notes(b);
}

function collectLeaves(e: any, out: Set<any>): void {
  if (e instanceof PyBaseException && e.cls.isSubtype(BaseExceptionGroup)) {
    const excs = e.dict?.getStr('exceptions');
    if (excs instanceof PyTuple) for (const x of excs.items) collectLeaves(x, out);
    return;
  }
  out.add(e);
}

export function beforeWith(slots: any[], sp: number): number {
  const mgr = slots[sp - 1];
  const t = typeOf(mgr);
  const enter = t.lookup('__enter__');
  if (enter === undefined) throw pyErr(TypeError, `'${t.name}' object does not support the context manager protocol`);
  const exit = t.lookup('__exit__');
  if (exit === undefined) throw pyErr(TypeError, `'${t.name}' object does not support the context manager protocol (missed __exit__ method)`);
  const boundExit = bindMethod(exit, mgr);
  const res = callDescr(enter, mgr, []);
  slots[sp - 1] = boundExit;
  slots[sp++] = res;
  return sp;
}

export function beforeAsyncWith(slots: any[], sp: number): number {
  const mgr = slots[sp - 1];
  const t = typeOf(mgr);
  const enter = t.lookup('__aenter__');
  if (enter === undefined) throw pyErr(TypeError, `'${t.name}' object does not support the asynchronous context manager protocol`);
  const exit = t.lookup('__aexit__');
  if (exit === undefined) throw pyErr(TypeError, `'${t.name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
  const boundExit = bindMethod(exit, mgr);
  const res = callDescr(enter, mgr, []);
  slots[sp - 1] = boundExit;
  slots[sp++] = res;
  return sp;
}

function bindMethod(d: any, obj: any): any {
  return descrGetHook.f(d, obj, typeOf(obj));
}

export const descrGetHook = { f: null as unknown as (d: any, obj: any, t: PyType) => any };

export function callExit(exit: any, e: any): any {
  return call(exit, [typeOf(e), e, e instanceof PyBaseException && e.traceback !== null ? e.traceback : None]);
}

// ---- generators and coroutines --------------------------------------------------------------

export function send(it: any, v: any): SendResult {
  return sendTo(it, v);
}

export function getYieldFromIter(f: Frame, v: any): any {
  if (v instanceof PyGenerator) {
    if (v.cls === coroutineType && (f.code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) === 0) {
      throw pyErr(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return v;
  }
  return getIter(v);
}

export function getAwaitable(v: any, where: number): any {
  if (v instanceof PyGenerator && v.cls === coroutineType) {
    if (v.running || (v.started && v.delegate() !== undefined && v.awaited)) throw pyErr(RuntimeError, 'coroutine is being awaited already');
    v.awaited = true;
    return v;
  }
  const t = typeOf(v);
  const aw = t.lookup('__await__');
  if (aw === undefined) {
    if (where === 1) throw pyErr(TypeError, `'async with' received an object from __aenter__ that does not implement __await__: ${t.name}`);
    if (where === 2) throw pyErr(TypeError, `'async with' received an object from __aexit__ that does not implement __await__: ${t.name}`);
    throw pyErr(TypeError, `object ${t.name} can't be used in 'await' expression`);
  }
  const it = callDescr(aw, v, []);
  if (it instanceof PyGenerator && it.cls === coroutineType) throw pyErr(TypeError, '__await__() returned a coroutine');
  if (!(it instanceof PyObject) || typeOf(it).lookup('__next__') === undefined) {
    throw pyErr(TypeError, `__await__() returned non-iterator of type '${typeName(it)}'`);
  }
  return it;
}

export function getAiter(v: any): any {
  const t = typeOf(v);
  const f = t.lookup('__aiter__');
  if (f === undefined) throw pyErr(TypeError, `'async for' requires an object with __aiter__ method, got ${t.name}`);
  const it = callDescr(f, v, []);
  if (typeOf(it).lookup('__anext__') === undefined) {
    throw pyErr(TypeError, `'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`);
  }
  return it;
}

export function getAnext(aiter: any): any {
  const t = typeOf(aiter);
  const f = t.lookup('__anext__');
  if (f === undefined) throw pyErr(TypeError, `'async for' requires an iterator with __anext__ method, got ${t.name}`);
  const aw = callDescr(f, aiter, []);
  if (aw instanceof PyGenerator && aw.cls === coroutineType) return aw;
  return getAwaitableForAnext(aw);
}

function getAwaitableForAnext(aw: any): any {
  if (typeOf(aw).lookup('__next__') !== undefined && typeOf(aw).lookup('__await__') === undefined) return aw;
  try {
    return getAwaitable(aw, 0);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtype(TypeError)) {
      throw pyErr(TypeError, `'async for' received an invalid object from __anext__: ${typeName(aw)}`);
    }
    throw e;
  }
}

export function isStopAsyncIteration(e: any): boolean {
  return e instanceof PyBaseException && e.cls.isSubtype(StopAsyncIteration);
}

export function makeGenerator(frame: Frame, f: PyFunction): PyGenerator {
  const fl = f.code.flags;
  const cls = fl & CO_ASYNC_GENERATOR ? asyncGeneratorType : fl & CO_COROUTINE ? coroutineType : generatorType;
  return mkGen(frame, f, cls);
}

export function bindFrame(f: PyFunction, argv: any[], kw: PyKwargs | null): Frame {
  return bindArgs(f, argv, kw);
}

// ---- imports --------------------------------------------------------------------------------

export const importHooks = {
  importName: null as unknown as (f: Frame, name: string, fromlist: any, level: number) => any,
  importFrom: null as unknown as (mod: any, name: string) => any,
};

export function importName(f: Frame, name: string, fromlist: any, level: any): any {
  return importHooks.importName(f, name, fromlist, level as number);
}

export function importFrom(mod: any, name: string): any {
  return importHooks.importFrom(mod, name);
}

export function setupAnnotations(f: Frame): void {
  const l = f.locals ?? f.globals;
  if (l instanceof PyDict && l.cls === dictType) {
    if (!l.has('__annotations__')) l.setStr('__annotations__', new PyDict(dictType));
    return;
  }
  try {
    callDescr(typeOf(l).lookup('__getitem__'), l, ['__annotations__']);
  } catch (e) {
    if (!(e instanceof PyBaseException && e.cls.isSubtype(keyErrorT()))) throw e;
    callDescr(typeOf(l).lookup('__setitem__'), l, ['__annotations__', new PyDict(dictType)]);
  }
}

export { ImportError };

// ---- pattern matching -----------------------------------------------------------------------

export const matchHooks = {
  isMapping: null as unknown as (v: any) => boolean,
  isSequence: null as unknown as (v: any) => boolean,
  selfMatching: null as unknown as (t: PyType) => boolean,
};

export function matchMapping(v: any): boolean {
  return matchHooks.isMapping(v);
}

export function matchSequence(v: any): boolean {
  return matchHooks.isSequence(v);
}

export function matchClass(subject: any, cls: any, nargs: number, names: PyTuple): any {
  if (!(cls instanceof PyType)) throw pyErr(TypeError, 'called match pattern must be a type');
  if (!isInstanceHook.f(subject, cls)) return None;
  const values: any[] = [];
  const seen = new Set<string>();
  if (nargs > 0) {
    let matchArgs = getAttrOpt(cls, '__match_args__');
    if (matchArgs === undefined) {
      if (matchHooks.selfMatching(cls)) {
        if (nargs > 1) throw pyErr(TypeError, `${cls.name}() accepts 1 positional sub-pattern (${nargs} given)`);
        values.push(subject);
        matchArgs = null;
      } else {
        throw pyErr(TypeError, `${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
      }
    }
    if (matchArgs !== null) {
      if (!(matchArgs instanceof PyTuple)) throw pyErr(TypeError, `${cls.name}.__match_args__ must be a tuple (got ${typeName(matchArgs)})`);
      if (nargs > matchArgs.items.length) {
        const n = matchArgs.items.length;
        throw pyErr(TypeError, `${cls.name}() accepts ${n} positional sub-pattern${n === 1 ? '' : 's'} (${nargs} given)`);
      }
      for (let i = 0; i < nargs; i++) {
        const name = matchArgs.items[i];
        if (typeof name !== 'string') throw pyErr(TypeError, `__match_args__ elements must be strings (got ${typeName(name)})`);
        if (seen.has(name)) throw pyErr(TypeError, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
        seen.add(name);
        const v = getAttrOpt(subject, name);
        if (v === undefined) return None;
        values.push(v);
      }
    }
  }
  for (const name of names.items as string[]) {
    if (seen.has(name)) throw pyErr(TypeError, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
    seen.add(name);
    const v = getAttrOpt(subject, name);
    if (v === undefined) return None;
    values.push(v);
  }
  return newTuple(values);
}

export const isInstanceHook = { f: null as unknown as (v: any, t: any) => boolean };

export function matchKeys(subject: any, keys: PyTuple): any {
  const values: any[] = [];
  const seen: any[] = [];
  for (const k of keys.items) {
    for (const s of seen) if (s === k || eqHook.f(s, k)) throw pyErr(ValueError, `mapping pattern checks duplicate key (${fmtHooks.repr(k)})`);
    seen.push(k);
    let v: any;
    if (subject instanceof PyDict && subject.cls === dictType) v = subject.get(k);
    else {
      const dummy = new PyDict(dictType);
      const r = callMethod(subject, 'get', [k, dummy]);
      v = r === dummy ? undefined : r;
    }
    if (v === undefined) return None;
    values.push(v);
  }
  return newTuple(values);
}

export const eqHook = { f: null as unknown as (a: any, b: any) => boolean };

export function lenOf(v: any): number {
  return len(v);
}

export function copyDictWithoutKeys(subject: any, keys: PyTuple): PyDict {
  const d = new PyDict(dictType);
  if (subject instanceof PyDict) {
    for (const [k, v] of subject.entries()) d.set(k, v);
  } else dictUpdate(d, subject);
  for (const k of keys.items) d.delete(k);
  return d;
}

// ---- misc -----------------------------------------------------------------------------------

export function isSame(a: any, b: any): boolean {
  return a === b;
}

export function dictMissing(_d: PyDict, k: any): never {
  throw keyError(k);
}

export function strIndex(s: string, i: number): string {
  return strGetItem(s, i);
}

export function recordBranch(rt: RtCode, pc: number, taken: boolean): void {
  if (taken && rt.taken !== null) rt.taken[pc]++;
}

/**
 * Profile mode: count a call at `site`. Calls to the same callee as the site's previous
 * call only bump a counter; the callee's name is computed and added into the site's map
 * when the callee changes or the profile is written (flushCallSite).
 */
export function recordCallTarget(rt: RtCode, site: number, callable: any): void {
  if (rt.callTargets === null) return;
  if (rt.lastCallee![site] === callable) {
    rt.lastCalls![site]++;
    return;
  }
  flushCallSite(rt, site);
  rt.lastCallee![site] = callable;
  rt.lastCalls![site] = 1;
}

function flushCallSite(rt: RtCode, site: number): void {
  const n = rt.lastCalls![site];
  if (n === 0) return;
  const callable = rt.lastCallee![site];
  let name: string;
  if (callable instanceof PyFunction) name = callable.code.key;
  else if (callable instanceof PyBuiltin) name = `builtin:${callable.name}`;
  else if (callable instanceof PyType) name = `type:${callable.qualname}`;
  else name = `other:${typeName(callable)}`;
  let m = rt.callTargets!.get(site);
  if (m === undefined) {
    m = new Map();
    rt.callTargets!.set(site, m);
  }
  m.set(name, (m.get(name) ?? 0) + n);
  rt.lastCalls![site] = 0;
}

profileHooks.flushCallTargets = (rt: RtCode): void => {
  if (rt.lastCalls === null) return;
  for (let site = 0; site < rt.lastCalls.length; site++) flushCallSite(rt, site);
};

export { isTrue, PyFloat, StopIteration };
