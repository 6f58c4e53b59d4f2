// Generators, coroutines and async generators.
//
// A generator owns a suspended Frame; send() pushes the sent value and re-enters the
// eval loop, which returns at the next YIELD_VALUE (frame state Suspended) or at the end
// (Returned). throw() and close() raise at the suspension point, delegating first to the
// sub-iterator when suspended inside `yield from`/`await` (found from the SEND before the
// YIELD_VALUE, as CPython's gen_throw does). StopIteration escaping a generator body
// becomes RuntimeError (PEP 479). Coroutines are generators with an __await__ protocol;
// async generators wrap their `yield`ed values so the awaitables of __anext__/asend can
// tell values for the consumer from awaits passing through to the event loop.

import { Op } from '../bytecode/ops.js';
import { run } from './eval.js';
import { GeneratorExit, newExc, pyErr, RuntimeError, StopAsyncIteration, StopIteration, TypeError, ValueError } from './exceptions.js';
import { type ExcState, Frame, FrameState, tstate } from './frame.js';
import { PyBaseException, PyFunction, PyIterator, PyObject } from './objects.js';
import { callMethod, getAttrOpt, iterNext, None, typeOf } from './protocol.js';
import { asyncGeneratorType, coroutineType, generatorType, iteratorType, PyType } from './typeobj.js';

export const coroutineWrapperType = iteratorType('coroutine_wrapper');
export const asyncGenASendType = iteratorType('async_generator_asend');
export const asyncGenAThrowType = iteratorType('async_generator_athrow');

/** A value yielded by an async generator's own `yield` (vs. an await passing through). */
export class AsyncGenWrapped {
  constructor(readonly value: any) {}
}

export interface SendResult {
  done: boolean;
  value: any;
}

export class PyGenerator extends PyIterator {
  frame: Frame;
  readonly name: string;
  readonly qualname: string;
  running = false;
  finished = false;
  started = false;
  readonly excState: ExcState = { value: undefined, prev: null };
  /** For coroutines: set once awaited (a second await is an error). */
  awaited = false;
  /**
   * Only a for loop references this generator (it was made for the loop): leaving the
   * loop early finalizes it, standing in for CPython's reference counting.
   */
  loopOwned = false;
  /** Async generators: the asyncgen finalizer hook current at first iteration. */
  asyncFinalizer: any = undefined;
  hooksInitialized = false;

  constructor(cls: PyType, frame: Frame, func: PyFunction) {
    super();
    this.cls = cls;
    this.frame = frame;
    frame.gen = this;
    this.name = func.name;
    this.qualname = func.qualname;
  }

  get kindName(): string {
    return this.cls === coroutineType ? 'coroutine' : this.cls === asyncGeneratorType ? 'async generator' : 'generator';
  }

  /** Resume with a value (or an exception to raise at the suspension point). */
  resume(value: any, exc: any = undefined): SendResult {
    if (this.running) throw pyErr(ValueError, `${this.kindName} already executing`);
    if (this.finished) {
      if (exc !== undefined) throw exc;
      if (this.cls === coroutineType) throw pyErr(RuntimeError, 'cannot reuse already awaited coroutine');
      return { done: true, value: None };
    }
    const f = this.frame;
    if (!this.started) {
      if (exc === undefined && value !== None && value !== undefined) {
        throw pyErr(TypeError, `can't send non-None value to a just-started ${this.kindName}`);
      }
      this.started = true;
      if (exc !== undefined) {
        // Throwing into a generator that has not started: it finishes with the exception.
        this.finished = true;
        throw exc;
      }
    } else if (exc === undefined) {
      f.slots[f.sp++] = value;
    }
    if (exc !== undefined) f.pendingThrow = exc;
    this.running = true;
    this.excState.prev = tstate.exc;
    tstate.exc = this.excState;
    if (++tstate.depth > tstate.limit) {
      tstate.depth--;
      this.running = false;
      tstate.exc = this.excState.prev!;
      throw pyErr(recursionErrorRef.t, 'maximum recursion depth exceeded');
    }
    let r: any;
    try {
      r = run(f);
    } catch (e) {
      this.running = false;
      this.finished = true;
      tstate.exc = this.excState.prev!;
      throw this.convertStop(e);
    }
    this.running = false;
    tstate.exc = this.excState.prev!;
    if (f.state === FrameState.Suspended) return { done: false, value: r };
    this.finished = true;
    return { done: true, value: r };
  }

  /** PEP 479: StopIteration raised inside the body becomes RuntimeError. */
  private convertStop(e: any): any {
    if (!(e instanceof PyBaseException)) return e;
    const isAsyncGen = this.cls === asyncGeneratorType;
    if (e.cls.isSubtype(StopIteration) || (isAsyncGen && e.cls.isSubtype(StopAsyncIteration))) {
      const what = e.cls.isSubtype(StopIteration) ? 'StopIteration' : 'StopAsyncIteration';
      const r = pyErr(RuntimeError, `${this.kindName} raised ${what}`);
      r.cause = e;
      r.context = e;
      r.suppressContext = true;
      return r;
    }
    return e;
  }

  /** send(v) with StopIteration for completion (the Python-visible method). */
  send(v: any): any {
    const r = this.resume(v);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  /** Exhaustion is undefined, or StopIteration(value) when the body returned a value. */
  next(): any {
    const r = this.resume(None);
    if (!r.done) return r.value;
    if (r.value !== None && r.value !== undefined) throw stopIteration(r.value);
    return undefined;
  }

  /** throw(exc): raise at the suspension point, delegating into `yield from` first. */
  throwIn(exc: PyBaseException): SendResult {
    const f = this.frame;
    if (this.started && !this.finished && !this.running) {
      const yf = this.delegate();
      if (yf !== undefined) {
        let r: SendResult | null = null;
        try {
          if (exc.cls.isSubtype(GeneratorExit)) {
            closeIter(yf);
          } else if (yf instanceof PyGenerator || yf instanceof CoroWrapper || yf instanceof AsyncGenASend || yf instanceof AsyncGenAThrow) {
            this.running = true;
            try {
              r = yf instanceof PyGenerator ? yf.throwIn(exc) : yf instanceof CoroWrapper ? yf.coro.throwIn(exc) : yf.step(None, exc);
            } finally {
              this.running = false;
            }
          } else {
            const thrower = getAttrOpt(yf, 'throw');
            if (thrower !== undefined) {
              this.running = true;
              try {
                r = { done: false, value: callMethod(yf, 'throw', [exc]) };
              } catch (e) {
                if (e instanceof PyBaseException && e.cls.isSubtype(StopIteration)) r = { done: true, value: stopValue(e) };
                else throw e;
              } finally {
                this.running = false;
              }
            }
          }
        } catch (e) {
          // The sub-iterator raised: raise that in this generator instead.
          return this.resume(None, e);
        }
        if (r !== null) {
          if (!r.done) return r;
          // The delegate finished: continue after the SEND with its value.
          const sendPc = f.pc - 2;
          f.sp--;
          f.slots[f.sp] = undefined;
          f.pc = f.code.args[sendPc];
          return this.resume(r.value);
        }
      }
    }
    return this.resume(None, exc);
  }

  /** The iterator this generator is delegating to (suspended in yield from/await). */
  delegate(): any {
    const f = this.frame;
    const pc = f.pc;
    if (pc >= 2 && f.code.ops[pc - 1] === Op.YIELD_VALUE && (f.code.ops[pc - 2] === Op.SEND)) return f.slots[f.sp - 1];
    return undefined;
  }

  close(): void {
    if (this.finished || !this.started) {
      this.finished = true;
      return;
    }
    let r: SendResult;
    try {
      r = this.throwIn(newExc(GeneratorExit, []));
    } catch (e) {
      if (e instanceof PyBaseException && (e.cls.isSubtype(GeneratorExit) || e.cls.isSubtype(StopIteration))) return;
      throw e;
    }
    if (!r.done) throw pyErr(RuntimeError, `${this.kindName} ignored GeneratorExit`);
  }
}

export const recursionErrorRef: { t: PyType } = { t: null as unknown as PyType };

/**
 * Finalize a generator its for loop dropped (what CPython's dealloc does when the last
 * reference goes): close a suspended generator; hand an async generator to the
 * finalizer hook of sys.set_asyncgen_hooks (asyncio schedules its aclose()). Errors
 * are unraisable: reported on stderr, not raised.
 */
export function finalizeDropped(g: PyGenerator): void {
  if (!g.loopOwned || g.finished || !g.started) return;
  g.loopOwned = false;
  try {
    if (g.cls === asyncGeneratorType) {
      const fin = g.asyncFinalizer;
      if (fin !== undefined && fin !== None) {
        callHook.call(fin, [g]);
        return;
      }
      // No finalizer hook (no event loop): _PyGen_Finalize falls through to gen_close,
      // which throws GeneratorExit into the suspended frame (Objects/genobject.c).
    }
    if (g.cls === generatorType || g.cls === asyncGeneratorType) {
      g.close();
      dropFrameLocals(g.frame);
    }
  } catch (e) {
    unraisableHook.f(e, g);
  }
}

/**
 * A finished frame releases its locals: generators it owned (a comprehension's iterator
 * argument made for it) are finalized with it.
 */
export function dropFrameLocals(f: Frame): void {
  const slots = f.slots;
  const n = f.code.nlocals;
  for (let i = 0; i < n; i++) {
    const v = slots[i];
    if (v instanceof PyGenerator && v.loopOwned) {
      slots[i] = undefined;
      finalizeDropped(v);
    }
  }
}

export const callHook = { call: null as unknown as (f: any, args: any[]) => any };

/** sys.set_asyncgen_hooks state: called at an async generator's first iteration / finalization. */
export const asyncgenHooks = { firstiter: undefined as any, finalizer: undefined as any };

/** async_gen_init_hooks: the first __anext__/asend/athrow/aclose records the hooks. */
function initAsyncGenHooks(g: PyGenerator): void {
  if (g.hooksInitialized) return;
  g.hooksInitialized = true;
  const fin = asyncgenHooks.finalizer;
  if (fin !== undefined && fin !== None) g.asyncFinalizer = fin;
  const first = asyncgenHooks.firstiter;
  if (first !== undefined && first !== None) callHook.call(first, [g]);
}
export const unraisableHook = { f: (_e: any, _obj: any): void => undefined };

export function stopIteration(value: any): PyBaseException {
  return value === None || value === undefined ? newExc(StopIteration, []) : newExc(StopIteration, [value]);
}

export function stopValue(e: PyBaseException): any {
  return e.args.items.length > 0 ? e.args.items[0] : None;
}

function closeIter(it: any): void {
  if (it instanceof PyGenerator) {
    it.close();
    return;
  }
  const c = getAttrOpt(it, 'close');
  if (c !== undefined) callMethod(it, 'close', []);
}

/** Make the generator object for a call of a generator/coroutine/async-gen function. */
export function makeGenerator(frame: Frame, f: PyFunction, cls: PyType): PyGenerator {
  return new PyGenerator(cls, frame, f);
}

/** Send into any iterator for SEND/yield from: `{done, value}`. */
export function sendTo(it: any, v: any): SendResult {
  if (it instanceof PyGenerator) {
    if (it.cls === asyncGeneratorType) return genericSend(it, v);
    return it.resume(v);
  }
  if (it instanceof CoroWrapper) return it.coro.resume(v);
  if (it instanceof AsyncGenASend || it instanceof AsyncGenAThrow) return it.step(v, undefined);
  return genericSend(it, v);
}

function genericSend(it: any, v: any): SendResult {
  try {
    if (v === None || v === undefined) {
      if (it instanceof PyIterator) {
        const x = it.next();
        return x === undefined ? { done: true, value: None } : { done: false, value: x };
      }
      const t = typeOf(it);
      const n = t.lookup('__next__');
      if (n === undefined) throw pyErr(TypeError, `'${t.name}' object is not an iterator`);
      return { done: false, value: callMethod(it, '__next__', []) };
    }
    return { done: false, value: callMethod(it, 'send', [v]) };
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtype(StopIteration)) return { done: true, value: stopValue(e) };
    throw e;
  }
}

/** The iterator returned by coroutine.__await__(). */
export class CoroWrapper extends PyIterator {
  readonly coro: PyGenerator;
  constructor(coro: PyGenerator) {
    super();
    this.cls = coroutineWrapperType;
    this.coro = coro;
  }
  next(): any {
    const r = this.coro.resume(None);
    if (r.done) {
      if (r.value !== None) throw stopIteration(r.value);
      return undefined;
    }
    return r.value;
  }
}

// ---- async generators ----------------------------------------------------------------------

/**
 * The awaitable returned by agen.__anext__() / asend(v): each step resumes the async
 * generator; a wrapped yield completes the awaitable with that value, other yields are
 * awaits inside the generator and pass through to whoever drives us.
 */
export class AsyncGenASend extends PyIterator {
  readonly gen: PyGenerator;
  private first: any;
  private done = false;
  constructor(gen: PyGenerator, value: any) {
    super();
    this.cls = asyncGenASendType;
    this.gen = gen;
    this.first = value;
    initAsyncGenHooks(gen);
  }
  step(v: any, exc: any): SendResult {
    if (this.done) throw pyErr(RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
    let sendValue = v;
    if (this.first !== undefined) {
      sendValue = this.first;
      this.first = undefined;
    }
    let r: SendResult;
    try {
      r = exc !== undefined ? this.gen.throwIn(exc) : this.gen.resume(sendValue);
    } catch (e) {
      this.done = true;
      throw e;
    }
    if (r.done) {
      this.done = true;
      throw newExc(StopAsyncIteration, []);
    }
    if (r.value instanceof AsyncGenWrapped) {
      this.done = true;
      return { done: true, value: r.value.value };
    }
    return r;
  }
  next(): any {
    const r = this.step(None, undefined);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }
}

/** agen.athrow(exc) / aclose() awaitable. */
export class AsyncGenAThrow extends PyIterator {
  readonly gen: PyGenerator;
  private exc: any;
  private readonly isClose: boolean;
  private started = false;
  constructor(gen: PyGenerator, exc: any, isClose: boolean) {
    super();
    this.cls = asyncGenAThrowType;
    this.gen = gen;
    this.exc = exc;
    this.isClose = isClose;
    initAsyncGenHooks(gen);
  }
  step(v: any, exc: any): SendResult {
    let r: SendResult;
    try {
      if (!this.started) {
        this.started = true;
        if (this.gen.finished || !this.gen.started) {
          if (this.isClose) {
            this.gen.finished = true;
            return { done: true, value: None };
          }
          this.gen.finished = true;
          throw this.exc;
        }
        r = this.gen.throwIn(this.exc);
      } else r = exc !== undefined ? this.gen.throwIn(exc) : this.gen.resume(v);
    } catch (e) {
      if (this.isClose && e instanceof PyBaseException && (e.cls.isSubtype(GeneratorExit) || e.cls.isSubtype(StopAsyncIteration))) {
        return { done: true, value: None };
      }
      throw e;
    }
    if (r.done) {
      if (this.isClose) return { done: true, value: None };
      throw newExc(StopAsyncIteration, []);
    }
    if (r.value instanceof AsyncGenWrapped) {
      if (this.isClose) throw pyErr(RuntimeError, 'async generator ignored GeneratorExit');
      return { done: true, value: r.value.value };
    }
    return r;
  }
  next(): any {
    const r = this.step(None, undefined);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }
}

export function isAwaitableIter(v: any): boolean {
  return v instanceof CoroWrapper || v instanceof AsyncGenASend || v instanceof AsyncGenAThrow;
}

export { generatorType, coroutineType, asyncGeneratorType, iterNext, PyObject };
