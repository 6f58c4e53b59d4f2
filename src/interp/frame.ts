// Frames, thread state and argument binding.
//
// A Frame holds one activation of a code object: its slot array (locals, cells, free
// variables, then the operand stack: see bytecode/code.ts for the layout), the program
// counter, and the namespaces. Frames form a chain through `back` (the caller), which is
// what tracebacks and sys._getframe walk. The thread state tracks the innermost frame,
// the recursion depth against sys.getrecursionlimit(), and the stack of handled
// exceptions (generators carry their own, linked in while they run, as in CPython).
//
// bindArgs implements the call semantics of reference 6.3.4 with CPython's messages.

import type { CodeObject, Const } from '../bytecode/code.js';
import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../bytecode/code.js';
import { OP_COUNT } from '../bytecode/ops.js';
import { pyErr, RecursionError, TypeError } from './exceptions.js';
import { PyBytes, PyCell, PyComplex, PyFloat, PyFunction, type PyKwargs, PyTuple } from './objects.js';
import { Ellipsis, newTuple, None } from './protocol.js';
import { quicken } from './specialize.js';
import { profiledCodes } from './profile.js';
import { PyDict } from './pydict.js';
import { bytesType, cellType, complexType, dictType, tupleType } from './typeobj.js';

export const enum FrameState {
  Created = 0,
  Running = 1,
  Suspended = 2,
  Returned = 3,
  Raised = 4,
}

/** Per-code runtime data: constants as values, adaptive counters, inline caches, profile. */
export interface RtCode {
  consts: any[];
  counters: Int32Array;
  caches: any[];
  /** Deoptimizations per instruction: each one doubles the wait before respecializing. */
  deopts: Uint8Array;
  /** Profile mode: executions of each instruction. */
  execCounts: Float64Array | null;
  /** Profile mode: taken count of each branch instruction. */
  taken: Float64Array | null;
  /** Profile mode: callee qualnames seen at call sites (see flushCallTargets). */
  callTargets: Map<number, Map<string, number>> | null;
  /**
   * Profile mode: per call site, the last callee and how many calls it got since it was
   * last added into `callTargets`, so a monomorphic site costs one comparison per call.
   */
  lastCallee: any[] | null;
  lastCalls: Float64Array | null;
  /** Quickened once (superinstructions applied). */
  quickened: boolean;
}

export class Frame {
  code: CodeObject;
  rt: RtCode;
  func: PyFunction | null;
  slots: any[];
  sp: number;
  pc = 0;
  globals: PyDict;
  builtins: PyDict;
  /** The locals mapping of module and class bodies (NAME ops); null in functions. */
  locals: any;
  back: Frame | null = null;
  state: FrameState = FrameState.Created;
  /** Set when running a class's __init__ inline: the instance to return instead of None. */
  initSelf: any = undefined;
  /** Generator/coroutine owning this frame. */
  gen: any = null;
  /** Exception to raise at the resume point (generator.throw). */
  pendingThrow: any = undefined;

  constructor(code: CodeObject, func: PyFunction | null, globals: PyDict, builtins: PyDict, locals: any) {
    this.code = code;
    this.rt = rtOf(code);
    this.func = func;
    this.slots = new Array(code.nlocalsplus + code.stacksize);
    this.sp = code.nlocalsplus;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
  }

  get lineno(): number {
    const pc = this.pc > 0 ? this.pc - 1 : 0;
    return this.code.lines[pc] ?? this.code.firstLine;
  }
}

export interface ExcState {
  value: any;
  prev: ExcState | null;
}

export const tstate = {
  frame: null as Frame | null,
  depth: 0,
  limit: 1000,
  exc: { value: undefined, prev: null } as ExcState,
  /** Profile mode: record execution counts, branches and call targets. */
  profiling: false,
  /** Budget of instructions in profile mode (Infinity = none). */
  budget: Infinity,
  /** `run --stats`: also count executions per opcode (specialize.ts opExecutions). */
  opStats: false,
};

/** The exception currently being handled (sys.exc_info()[1]), or None. */
export function currentHandled(): any {
  for (let s: ExcState | null = tstate.exc; s !== null; s = s.prev) {
    if (s.value !== undefined && s.value !== None) return s.value;
  }
  return None;
}

export function enterFrameDepth(): void {
  if (++tstate.depth > tstate.limit) {
    tstate.depth--;
    throw pyErr(RecursionError, 'maximum recursion depth exceeded');
  }
}

/** Hook to turn constants into values (installed by the value layer; sets need it). */
export const constHooks = {
  frozenset: null as unknown as (items: any[]) => any,
};

export function constValue(c: Const): any {
  switch (c.k) {
    case 'int':
      return c.v;
    case 'float':
      return new PyFloat(c.v);
    case 'complex':
      return new PyComplex(complexType, c.re, c.im);
    case 'str':
      return c.v;
    case 'bytes':
      return new PyBytes(bytesType, c.v);
    case 'bool':
      return c.v;
    case 'none':
      return None;
    case 'ellipsis':
      return Ellipsis;
    case 'tuple':
      return c.items.length === 0 ? newTuple([]) : new PyTuple(tupleType, c.items.map(constValue));
    case 'frozenset':
      return constHooks.frozenset(c.items.map(constValue));
    case 'code':
      return c.code;
  }
}

export function rtOf(code: CodeObject): RtCode {
  let rt = code.rt as RtCode | undefined;
  if (rt === undefined) {
    const n = code.ops.length;
    rt = {
      consts: code.consts.map(constValue),
      counters: new Int32Array(n).fill(WARMUP),
      caches: new Array(n),
      deopts: new Uint8Array(n),
      execCounts: null,
      taken: null,
      callTargets: null,
      lastCallee: null,
      lastCalls: null,
      quickened: false,
    };
    quicken(code);
    if (tstate.profiling) {
      rt.execCounts = new Float64Array(n);
      rt.taken = new Float64Array(n);
      rt.callTargets = new Map();
      rt.lastCallee = new Array(n);
      rt.lastCalls = new Float64Array(n);
      profiledCodes.push(code);
    }
    code.rt = rt;
  }
  return rt;
}

/** Executions of a generic instruction before specialization is attempted. */
export const WARMUP = 8;

/** Number of ops in the table (re-exported for stats arrays). */
export const NUM_OPS = OP_COUNT;

// ---- argument binding ----------------------------------------------------------------------

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function missingNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Create the frame for calling `f` and bind the arguments into it. Raises TypeError with
 * CPython's messages for arity and keyword mistakes.
 */
export function bindArgs(f: PyFunction, args: any[], kw: PyKwargs | null): Frame {
  const co = f.code;
  const frame = new Frame(co, f, f.globals, funcBuiltins(f), null);
  const slots = frame.slots;
  const argcount = co.argcount;
  const nargs = args.length;
  const flags = co.flags;
  const name = f.qualname;
  if (kw === null && nargs === argcount && (flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.kwonlyargcount === 0) {
    for (let i = 0; i < nargs; i++) slots[i] = args[i];
  } else {
    bindSlow(f, co, slots, args, kw, name);
  }
  initCells(frame, f);
  return frame;
}

export function initCells(frame: Frame, f: PyFunction): void {
  const co = frame.code;
  const slots = frame.slots;
  const nl = co.nlocals;
  const nc = co.cellvars.length;
  for (let i = 0; i < nc; i++) {
    const a = co.cell2arg[i];
    slots[nl + i] = new PyCell(cellType, a >= 0 ? slots[a] : undefined);
  }
  const closure = f.closure;
  if (closure !== null) {
    for (let i = 0; i < closure.length; i++) slots[nl + nc + i] = closure[i];
  }
}

function bindSlow(f: PyFunction, co: CodeObject, slots: any[], args: any[], kw: PyKwargs | null, name: string): void {
  const argcount = co.argcount;
  const posonly = co.posonlyargcount;
  const kwonly = co.kwonlyargcount;
  const nargs = args.length;
  const hasVarargs = (co.flags & CO_VARARGS) !== 0;
  const hasVarkw = (co.flags & CO_VARKEYWORDS) !== 0;
  const n = Math.min(nargs, argcount);
  for (let i = 0; i < n; i++) slots[i] = args[i];
  const varargsIndex = argcount + kwonly;
  const varkwIndex = varargsIndex + (hasVarargs ? 1 : 0);
  if (hasVarargs) slots[varargsIndex] = newTuple(nargs > argcount ? args.slice(argcount) : []);
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = new PyDict(dictType);
    slots[varkwIndex] = kwdict;
  }
  if (kw !== null) {
    const posonlyPassed: string[] = [];
    for (const [k, v] of kw) {
      let idx = -1;
      const vn = co.varnames;
      for (let i = posonly; i < argcount + kwonly; i++) {
        if (vn[i] === k) {
          idx = i;
          break;
        }
      }
      if (idx < 0) {
        if (kwdict !== null) {
          kwdict.setStr(k, v);
          continue;
        }
        for (let i = 0; i < posonly; i++) {
          if (vn[i] === k) {
            posonlyPassed.push(k);
            idx = -2;
          }
        }
        if (idx === -2) continue;
        throw pyErr(TypeError, `${name}() got an unexpected keyword argument '${k}'`);
      }
      if (slots[idx] !== undefined) throw pyErr(TypeError, `${name}() got multiple values for argument '${k}'`);
      slots[idx] = v;
    }
    if (posonlyPassed.length > 0) {
      throw pyErr(TypeError, `${name}() got some positional-only arguments passed as keyword arguments: '${posonlyPassed.join(', ')}'`);
    }
  }
  if (nargs > argcount && !hasVarargs) {
    const defaults = f.defaults === null ? 0 : f.defaults.length;
    let kwGiven = 0;
    if (kw !== null) for (const k of kw.keys()) if (co.varnames.indexOf(k) >= argcount && co.varnames.indexOf(k) < argcount + kwonly) kwGiven++;
    const takes = defaults > 0 ? `from ${argcount - defaults} to ${argcount} positional arguments` : `${plural(argcount, 'positional argument')}`;
    const given = kwGiven > 0 ? `${plural(nargs, 'positional argument')} (and ${plural(kwGiven, 'keyword-only argument')}) were given` : `${nargs} ${nargs === 1 ? 'was' : 'were'} given`;
    throw pyErr(TypeError, `${name}() takes ${takes} but ${given}`);
  }
  // Defaults for missing positional parameters.
  if (nargs < argcount) {
    const defaults = f.defaults;
    const nd = defaults === null ? 0 : defaults.length;
    const firstDefault = argcount - nd;
    const missing: string[] = [];
    for (let i = nargs; i < argcount; i++) {
      if (slots[i] === undefined) {
        if (i >= firstDefault) slots[i] = defaults![i - firstDefault];
        else missing.push(co.varnames[i]);
      }
    }
    if (missing.length > 0) {
      throw pyErr(TypeError, `${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missingNames(missing)}`);
    }
  }
  if (kwonly > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < argcount + kwonly; i++) {
      if (slots[i] === undefined) {
        const d = f.kwdefaults === null ? undefined : f.kwdefaults.getStr(co.varnames[i]);
        if (d !== undefined) slots[i] = d;
        else missing.push(co.varnames[i]);
      }
    }
    if (missing.length > 0) {
      throw pyErr(TypeError, `${name}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${missingNames(missing)}`);
    }
  }
}

/** The builtins namespace a function's frames use, looked up once per function. */
export function funcBuiltins(f: PyFunction): PyDict {
  return f.builtins ?? (f.builtins = builtinsOf(f.globals));
}

/** The builtins namespace used by code running with `globals`. */
export function builtinsOf(globals: PyDict): PyDict {
  const b = globals.getStr('__builtins__');
  if (b instanceof PyDict) return b;
  if (b !== undefined && b.dict instanceof PyDict) return b.dict;
  return builtinsRef.d;
}

export const builtinsRef: { d: PyDict } = { d: null as unknown as PyDict };

/** Profile mode: add the calls batched per site into `rt.callTargets` (eval_support.ts). */
export const profileHooks = {
  flushCallTargets: (_rt: RtCode): void => {},
};

export function isGeneratorCode(co: CodeObject): boolean {
  return (co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0;
}
