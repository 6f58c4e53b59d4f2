// The bytecode interpreter loop.
//
// `run(frame)` executes a frame until it returns, yields or raises. Calls from Python to
// Python functions do not recurse in JavaScript: the callee's frame is pushed and the
// loop continues with it (CPython 3.11 does the same), so deep Python recursion costs no
// JS stack. Builtins that call back into Python (sorted's key=, __eq__ from a dict
// lookup, generator resumption) re-enter `run` with a new entry frame.
//
// Exceptions are PyBaseException objects thrown as JS exceptions. The single catch at the
// bottom of the loop records a traceback entry for the current frame, then consults the
// code's exception table: a handler restores the stack depth, pushes the exception and
// jumps; no handler pops the frame and repeats in the caller.
//
// Adaptive specialization (specialize.ts): generic instructions count down and then try
// to rewrite themselves into a specialized variant chosen from the operand types; a
// specialized instruction checks its guard on every execution and on failure runs the
// generic path, deoptimizing after repeated misses. Dispatch is one switch whose cases
// are the op table's opcode numbers as literals (opcodes.ts); the table defines the ops,
// this loop implements them.

import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, findHandler } from '../bytecode/code.js';
import type { CodeObject } from '../bytecode/code.js';
import { checkOpcodes, OpCode } from './opcodes.js';
import { binaryOp, compareOp, unaryInvert, unaryNegative, unaryPositive } from './arith.js';
import { contains, delItem, getItem, setItem, unpackSequence, unpackEx } from './containers.js';
import * as X from './eval_support.js';
import { AssertionError, NameError, pyErr, TypeError, UnboundLocalError } from './exceptions.js';
import { builtinsOf, currentHandled, Frame, FrameState, funcBuiltins, initCells, isGeneratorCode, rtOf, tstate } from './frame.js';
import { PyBaseException, PyBuiltin, PyCell, PyFloat, PyFunction, type PyKwargs, PyList, PyMethod, PyObject, PyTuple } from './objects.js';
import {
  call, callDescr, delAttr, getAttr, getIter, hooks, isTrue, iterNext, lookupMethod, newList, newTuple, None, setAttr,
} from './protocol.js';
import { PyDict } from './pydict.js';
import * as S from './specialize.js';
import { dictType, listType, tupleType } from './typeobj.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// The switch's case labels are opcodes.ts's literals (V8 dispatches literal labels through a
// jump table; `Op.X` labels were a chain of loads and compares): they must be the table's.
checkOpcodes();

/** Signals for the exception handler: an exception re-raised without a new traceback entry. */
let reraising = false;

export function throwReraise(e: any): never {
  reraising = true;
  throw e;
}

/**
 * Execute `entry` (and any frames it calls inline) until it returns or suspends. Returns
 * the return value (or the yielded value, with frame.state === Suspended).
 *
 * The running frame's state (code, ops, slots, sp, pc...) lives in local variables of this
 * one function, so V8 keeps them in registers: nested closures sharing them would make
 * every stack push a context load and store. Switching frames (a call, a return, an
 * exception caught in a caller) saves `sp`/`pc` into the frame object, changes `f` and
 * restarts the `outer` loop, which reloads the locals from `f`.
 */
export function run(entry: Frame): any {
  let f = entry;
  // Profile mode costs one counter per instruction; --stats and --budget add their own.
  const prof = tstate.profiling;
  const opStats = tstate.opStats;
  const budgeted = tstate.budget !== Infinity;
  f.back = tstate.frame;
  tstate.frame = f;
  f.state = FrameState.Running;
  if (f.pendingThrow !== undefined) {
    // generator.throw(): raise at the suspension point.
    const e = f.pendingThrow;
    f.pendingThrow = undefined;
    reraising = false;
    f = unwindTo(entry, f, e);
  }
  let code: CodeObject = f.code;
  let ops = code.ops;
  let args = code.args;
  let slots = f.slots;
  let consts = f.rt.consts;
  let counters = f.rt.counters;
  let sp = f.sp;
  let pc = f.pc;
  let execCounts = f.rt.execCounts;
  outer: for (;;) {
    execCounts = f.rt.execCounts;
    code = f.code;
    ops = code.ops;
    args = code.args;
    slots = f.slots;
    consts = f.rt.consts;
    counters = f.rt.counters;
    sp = f.sp;
    pc = f.pc;
    try {
      for (;;) {
        if (prof) {
          execCounts![pc]++;
          if (opStats) S.opExecutions[ops[pc]]++;
          if (budgeted && --tstate.budget < 0) X.budgetExhausted();
        }
        const op = ops[pc];
        const arg = args[pc];
        pc++;
        switch (op) {
          case OpCode.NOP:
            break;
          case OpCode.POP_TOP:
            slots[--sp] = undefined;
            break;
          case OpCode.COPY:
            slots[sp] = slots[sp - arg];
            sp++;
            break;
          case OpCode.SWAP: {
            const t = slots[sp - 1];
            slots[sp - 1] = slots[sp - arg];
            slots[sp - arg] = t;
            break;
          }
          case OpCode.PUSH_NULL:
            slots[sp++] = undefined;
            break;
          case OpCode.LOAD_CONST:
            slots[sp++] = consts[arg];
            break;
          case OpCode.RETURN_VALUE: {
            const v = slots[--sp];
            f.sp = sp;
            const r = finishFrame(f, v);
            if (f === entry) return r;
            f = f.back!;
            f.slots[f.sp++] = r;
            continue outer;
          }
          case OpCode.RETURN_CONST: {
            f.sp = sp;
            const r = finishFrame(f, consts[arg]);
            if (f === entry) return r;
            f = f.back!;
            f.slots[f.sp++] = r;
            continue outer;
          }

          // ---- variables
          case OpCode.LOAD_FAST: {
            const v = slots[arg];
            if (v === undefined) throw unboundLocal(code, arg);
            slots[sp++] = v;
            break;
          }
          case OpCode.STORE_FAST:
            slots[arg] = slots[--sp];
            slots[sp] = undefined;
            break;
          case OpCode.LOAD_FAST__LOAD_FAST: {
            const v = slots[arg];
            const w = slots[args[pc]];
            if (v === undefined || w === undefined) {
              ops[pc - 1] = OpCode.LOAD_FAST;
              pc--;
              break;
            }
            slots[sp++] = v;
            slots[sp++] = w;
            pc++;
            break;
          }
          case OpCode.LOAD_FAST__LOAD_CONST: {
            const v = slots[arg];
            if (v === undefined) throw unboundLocal(code, arg);
            slots[sp++] = v;
            slots[sp++] = consts[args[pc]];
            pc++;
            break;
          }
          case OpCode.STORE_FAST__LOAD_FAST: {
            slots[arg] = slots[sp - 1];
            const w = slots[args[pc]];
            if (w === undefined) {
              slots[--sp] = undefined;
              ops[pc - 1] = OpCode.STORE_FAST;
              break; // the LOAD_FAST that follows raises UnboundLocalError
            }
            slots[sp - 1] = w;
            pc++;
            break;
          }
          case OpCode.STORE_FAST__STORE_FAST:
            slots[arg] = slots[sp - 1];
            slots[args[pc]] = slots[sp - 2];
            sp -= 2;
            slots[sp] = undefined;
            slots[sp + 1] = undefined;
            pc++;
            break;
          case OpCode.DELETE_FAST:
            if (slots[arg] === undefined) throw unboundLocal(code, arg);
            slots[arg] = undefined;
            break;
          case OpCode.LOAD_DEREF: {
            const v = (slots[code.nlocals + arg] as PyCell).v;
            if (v === undefined) throw X.unboundDeref(code, arg);
            slots[sp++] = v;
            break;
          }
          case OpCode.STORE_DEREF:
            (slots[code.nlocals + arg] as PyCell).v = slots[--sp];
            slots[sp] = undefined;
            break;
          case OpCode.DELETE_DEREF: {
            const cell = slots[code.nlocals + arg] as PyCell;
            if (cell.v === undefined) throw X.unboundDeref(code, arg);
            cell.v = undefined;
            break;
          }
          case OpCode.LOAD_CLOSURE:
            slots[sp++] = slots[code.nlocals + arg];
            break;
          case OpCode.LOAD_CLASSDEREF:
            slots[sp++] = X.loadClassDeref(f, arg);
            break;
          case OpCode.LOAD_GLOBAL: {
            const name = code.names[arg];
            let v = f.globals.getStr(name);
            if (v === undefined) {
              v = f.builtins.getStr(name);
              if (v === undefined) throw X.nameError(name);
            }
            slots[sp++] = v;
            if (counters[pc - 1]-- === 0) S.specializeLoadGlobal(f, pc - 1);
            break;
          }
          case OpCode.LOAD_GLOBAL_MODULE: {
            const c = f.rt.caches[pc - 1];
            if (c.dict === f.globals && c.version === f.globals.version) {
              slots[sp++] = c.value;
              break;
            }
            S.miss(code, pc - 1);
            ops[pc - 1] = OpCode.LOAD_GLOBAL;
            pc--;
            break;
          }
          case OpCode.LOAD_GLOBAL_BUILTIN: {
            const c = f.rt.caches[pc - 1];
            if (c.dict === f.globals && c.version === f.globals.version && c.bversion === f.builtins.version) {
              slots[sp++] = c.value;
              break;
            }
            S.miss(code, pc - 1);
            ops[pc - 1] = OpCode.LOAD_GLOBAL;
            pc--;
            break;
          }
          case OpCode.STORE_GLOBAL:
            X.storeGlobal(f.globals, code.names[arg], slots[--sp]);
            slots[sp] = undefined;
            break;
          case OpCode.DELETE_GLOBAL:
            if (f.globals.delete(code.names[arg]) === undefined) throw X.nameError(code.names[arg]);
            break;
          case OpCode.LOAD_NAME:
            slots[sp++] = X.loadName(f, code.names[arg]);
            break;
          case OpCode.STORE_NAME:
            X.storeName(f, code.names[arg], slots[--sp]);
            slots[sp] = undefined;
            break;
          case OpCode.DELETE_NAME:
            X.deleteName(f, code.names[arg]);
            break;

          // ---- attributes
          case OpCode.LOAD_ATTR: {
            const o = slots[sp - 1];
            if (counters[pc - 1]-- === 0) S.specializeLoadAttr(f, pc - 1, o);
            slots[sp - 1] = getAttr(o, code.names[arg]);
            break;
          }
          case OpCode.LOAD_ATTR_INSTANCE: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o instanceof PyObject && o.cls === c.type && o.cls.version === c.version) {
              const v = o.dict!.getStr(code.names[arg]);
              if (v !== undefined) {
                slots[sp - 1] = v;
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[sp - 1] = getAttr(o, code.names[arg]);
            break;
          }
          case OpCode.LOAD_ATTR_CLASS: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o instanceof PyObject && o.cls === c.type && o.cls.version === c.version && (o.dict === null || !o.dict.map.has(code.names[arg]))) {
              slots[sp - 1] = c.value;
              break;
            }
            S.miss(code, pc - 1);
            slots[sp - 1] = getAttr(o, code.names[arg]);
            break;
          }
          case OpCode.LOAD_ATTR_MODULE: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o === c.module) {
              const v = o.dict.getStr(code.names[arg]);
              if (v !== undefined) {
                slots[sp - 1] = v;
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[sp - 1] = getAttr(o, code.names[arg]);
            break;
          }
          case OpCode.STORE_ATTR:
            setAttr(slots[sp - 1], code.names[arg], slots[sp - 2]);
            if (counters[pc - 1]-- === 0) S.specializeStoreAttr(f, pc - 1, slots[sp - 1]);
            sp -= 2;
            slots[sp] = slots[sp + 1] = undefined;
            break;
          case OpCode.STORE_ATTR_INSTANCE: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o instanceof PyObject && o.cls === c.type && o.cls.version === c.version && o.dict !== null) {
              o.dict.setStr(code.names[arg], slots[sp - 2]);
            } else {
              S.miss(code, pc - 1);
              setAttr(o, code.names[arg], slots[sp - 2]);
            }
            sp -= 2;
            slots[sp] = slots[sp + 1] = undefined;
            break;
          }
          case OpCode.DELETE_ATTR:
            delAttr(slots[--sp], code.names[arg]);
            slots[sp] = undefined;
            break;
          case OpCode.LOAD_METHOD: {
            const o = slots[sp - 1];
            const [m, self] = lookupMethod(o, code.names[arg]);
            slots[sp - 1] = m;
            slots[sp++] = self;
            if (counters[pc - 1]-- === 0) S.specializeLoadMethod(f, pc - 1, o);
            break;
          }
          case OpCode.LOAD_METHOD_PY: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o instanceof PyObject && o.cls === c.type && o.cls.version === c.version && (o.dict === null || !o.dict.map.has(code.names[arg]))) {
              slots[sp - 1] = c.value;
              slots[sp++] = o;
              break;
            }
            S.miss(code, pc - 1);
            const [m, self] = lookupMethod(o, code.names[arg]);
            slots[sp - 1] = m;
            slots[sp++] = self;
            break;
          }
          case OpCode.LOAD_METHOD_BUILTIN: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (X.typeOfFast(o) === c.type) {
              slots[sp - 1] = c.value;
              slots[sp++] = o;
              break;
            }
            S.miss(code, pc - 1);
            const [m, self] = lookupMethod(o, code.names[arg]);
            slots[sp - 1] = m;
            slots[sp++] = self;
            break;
          }
          case OpCode.LOAD_METHOD_MODULE: {
            const o = slots[sp - 1];
            const c = f.rt.caches[pc - 1];
            if (o === c.module) {
              const v = o.dict.getStr(code.names[arg]);
              if (v !== undefined) {
                slots[sp - 1] = v;
                slots[sp++] = undefined;
                break;
              }
            }
            S.miss(code, pc - 1);
            const [m, self] = lookupMethod(o, code.names[arg]);
            slots[sp - 1] = m;
            slots[sp++] = self;
            break;
          }

          // ---- subscripts
          case OpCode.BINARY_SUBSCR: {
            const k = slots[--sp];
            slots[sp] = undefined;
            const o = slots[sp - 1];
            slots[sp - 1] = getItem(o, k);
            if (counters[pc - 1]-- === 0) S.specializeSubscr(code, pc - 1, o, k);
            break;
          }
          case OpCode.BINARY_SUBSCR_LIST_INT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (typeof k === 'number' && o instanceof PyList && o.cls === listType) {
              const items = o.items;
              const i = k < 0 ? k + items.length : k;
              if (i >= 0 && i < items.length) {
                slots[--sp] = undefined;
                slots[sp - 1] = items[i];
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = getItem(o, k);
            break;
          }
          case OpCode.BINARY_SUBSCR_TUPLE_INT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (typeof k === 'number' && o instanceof PyTuple && o.cls === tupleType) {
              const items = o.items;
              const i = k < 0 ? k + items.length : k;
              if (i >= 0 && i < items.length) {
                slots[--sp] = undefined;
                slots[sp - 1] = items[i];
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = getItem(o, k);
            break;
          }
          case OpCode.BINARY_SUBSCR_DICT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (o instanceof PyDict && o.cls === dictType) {
              const v = o.get(k);
              slots[--sp] = undefined;
              slots[sp - 1] = v !== undefined ? v : X.dictMissing(o, k);
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = getItem(o, k);
            break;
          }
          case OpCode.BINARY_SUBSCR_STR_INT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (typeof k === 'number' && typeof o === 'string') {
              slots[--sp] = undefined;
              slots[sp - 1] = X.strIndex(o, k);
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = getItem(o, k);
            break;
          }
          case OpCode.STORE_SUBSCR: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            setItem(o, k, slots[sp - 3]);
            if (counters[pc - 1]-- === 0) S.specializeStoreSubscr(code, pc - 1, o, k);
            sp -= 3;
            slots[sp] = slots[sp + 1] = slots[sp + 2] = undefined;
            break;
          }
          case OpCode.STORE_SUBSCR_LIST_INT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (typeof k === 'number' && o instanceof PyList && o.cls === listType) {
              const items = o.items;
              const i = k < 0 ? k + items.length : k;
              if (i >= 0 && i < items.length) {
                items[i] = slots[sp - 3];
                sp -= 3;
                slots[sp] = slots[sp + 1] = slots[sp + 2] = undefined;
                break;
              }
            }
            S.miss(code, pc - 1);
            setItem(o, k, slots[sp - 3]);
            sp -= 3;
            slots[sp] = slots[sp + 1] = slots[sp + 2] = undefined;
            break;
          }
          case OpCode.STORE_SUBSCR_DICT: {
            const k = slots[sp - 1];
            const o = slots[sp - 2];
            if (o instanceof PyDict && o.cls === dictType) o.set(k, slots[sp - 3]);
            else {
              S.miss(code, pc - 1);
              setItem(o, k, slots[sp - 3]);
            }
            sp -= 3;
            slots[sp] = slots[sp + 1] = slots[sp + 2] = undefined;
            break;
          }
          case OpCode.DELETE_SUBSCR: {
            const k = slots[--sp];
            const o = slots[--sp];
            slots[sp] = slots[sp + 1] = undefined;
            delItem(o, k);
            break;
          }
          case OpCode.BUILD_SLICE:
            sp = X.buildSlice(slots, sp, arg);
            break;

          // ---- operators
          case OpCode.BINARY_OP: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            if (counters[pc - 1]-- === 0) S.specializeBinaryOp(code, pc - 1, a, b, arg);
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_ADD_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a + b;
              if (r <= MAX_SAFE && r >= -MAX_SAFE) {
                slots[--sp] = undefined;
                slots[sp - 1] = r;
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_SUB_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a - b;
              if (r <= MAX_SAFE && r >= -MAX_SAFE) {
                slots[--sp] = undefined;
                slots[sp - 1] = r;
                break;
              }
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_MUL_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              const r = a * b;
              if (r <= MAX_SAFE && r >= -MAX_SAFE && r !== 0) {
                slots[--sp] = undefined;
                slots[sp - 1] = r;
                break;
              }
            }
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_FLOORDIV_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
              slots[--sp] = undefined;
              slots[sp - 1] = Math.floor(a / b);
              if (Math.abs(a) > 2 ** 52) slots[sp - 1] = binaryOp(a, b, arg);
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_MOD_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
              let r = a % b;
              if (r !== 0 && (r < 0) !== (b < 0)) r += b;
              slots[--sp] = undefined;
              slots[sp - 1] = r === 0 ? 0 : r;
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_BITWISE_INT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
              let r: number;
              switch (arg & 15) {
                case 7: // a << b: exact (a power-of-two product) while the result is safe
                  r = b >= 0 && b < 32 ? a * 2 ** b : NaN;
                  if (!(r <= MAX_SAFE && r >= -MAX_SAFE)) r = NaN;
                  break;
                case 8: // a >> b floors; past 31 only the sign is left
                  r = b >= 0 ? (b < 32 ? a >> b : a < 0 ? -1 : 0) : NaN;
                  break;
                case 9: r = a & b; break;
                case 10: r = a | b; break;
                case 11: r = a ^ b; break;
                default: r = NaN;
              }
              if (r === r) {
                slots[--sp] = undefined;
                slots[sp - 1] = r;
                break;
              }
            }
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_ADD_FLOAT:
          case OpCode.BINARY_OP_SUB_FLOAT:
          case OpCode.BINARY_OP_MUL_FLOAT:
          case OpCode.BINARY_OP_TRUEDIV_FLOAT: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            const av = a instanceof PyFloat ? a.v : typeof a === 'number' ? a : NaN;
            const bv = b instanceof PyFloat ? b.v : typeof b === 'number' ? b : NaN;
            if ((a instanceof PyFloat || b instanceof PyFloat) && av === av && bv === bv && (a instanceof PyFloat ? a.cls === X.floatT : true) && (b instanceof PyFloat ? b.cls === X.floatT : true)) {
              let r: number;
              if (op === OpCode.BINARY_OP_ADD_FLOAT) r = av + bv;
              else if (op === OpCode.BINARY_OP_SUB_FLOAT) r = av - bv;
              else if (op === OpCode.BINARY_OP_MUL_FLOAT) r = av * bv;
              else {
                if (bv === 0) {
                  slots[--sp] = undefined;
                  slots[sp - 1] = binaryOp(a, b, arg);
                  break;
                }
                r = av / bv;
              }
              slots[--sp] = undefined;
              slots[sp - 1] = new PyFloat(r);
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case OpCode.BINARY_OP_ADD_STR: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            slots[--sp] = undefined;
            if (typeof a === 'string' && typeof b === 'string') slots[sp - 1] = a + b;
            else {
              S.miss(code, pc - 1);
              slots[sp - 1] = binaryOp(a, b, arg);
            }
            break;
          }
          case OpCode.UNARY_NEGATIVE: {
            const a = slots[sp - 1];
            slots[sp - 1] = typeof a === 'number' ? (a === 0 ? 0 : -a) : unaryNegative(a);
            break;
          }
          case OpCode.UNARY_INVERT:
            slots[sp - 1] = unaryInvert(slots[sp - 1]);
            break;
          case OpCode.UNARY_NOT:
            slots[sp - 1] = !isTrue(slots[sp - 1]);
            break;
          case OpCode.COMPARE_OP: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            if (counters[pc - 1]-- === 0) S.specializeCompareOp(code, pc - 1, a, b);
            slots[sp - 1] = compareOp(a, b, arg);
            break;
          }
          case OpCode.COMPARE_OP_INT:
          case OpCode.COMPARE_OP_FLOAT:
          case OpCode.COMPARE_OP_STR: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            if (!S.compareGuard(op, a, b)) S.miss(code, pc - 1);
            slots[sp - 1] = compareOp(a, b, arg);
            break;
          }
          case OpCode.COMPARE_OP_INT_JUMP: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              let r: boolean;
              switch (arg) {
                case 0: r = a < b; break;
                case 1: r = a <= b; break;
                case 2: r = a === b; break;
                case 3: r = a !== b; break;
                case 4: r = a > b; break;
                default: r = a >= b;
              }
              sp -= 2;
              slots[sp] = slots[sp + 1] = undefined;
              if (prof) X.recordBranch(f.rt, pc, r === (ops[pc] === OpCode.POP_JUMP_IF_TRUE));
              pc = r === (ops[pc] === OpCode.POP_JUMP_IF_TRUE) ? args[pc] : pc + 1;
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = compareOp(a, b, arg);
            break;
          }
          case OpCode.COMPARE_OP_FLOAT_JUMP:
          case OpCode.COMPARE_OP_STR_JUMP: {
            const b = slots[sp - 1];
            const a = slots[sp - 2];
            if (S.compareGuard(op, a, b)) {
              const r = S.compareFast(a, b, arg);
              sp -= 2;
              slots[sp] = slots[sp + 1] = undefined;
              if (prof) X.recordBranch(f.rt, pc, r === (ops[pc] === OpCode.POP_JUMP_IF_TRUE));
              pc = r === (ops[pc] === OpCode.POP_JUMP_IF_TRUE) ? args[pc] : pc + 1;
              break;
            }
            S.miss(code, pc - 1);
            slots[--sp] = undefined;
            slots[sp - 1] = compareOp(a, b, arg);
            break;
          }
          case OpCode.IS_OP: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const r = X.isSame(slots[sp - 1], b);
            slots[sp - 1] = arg ? !r : r;
            break;
          }
          case OpCode.CONTAINS_OP: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            if (counters[pc - 1]-- === 0) S.specializeContains(code, pc - 1, b);
            const r = contains(b, a);
            slots[sp - 1] = arg ? !r : r;
            break;
          }
          case OpCode.CONTAINS_OP_DICT: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            let r: boolean;
            if (b instanceof PyDict && b.cls === dictType) r = b.has(a);
            else {
              S.miss(code, pc - 1);
              r = contains(b, a);
            }
            slots[sp - 1] = arg ? !r : r;
            break;
          }
          case OpCode.CONTAINS_OP_SET: {
            const b = slots[--sp];
            slots[sp] = undefined;
            const a = slots[sp - 1];
            const r = contains(b, a);
            slots[sp - 1] = arg ? !r : r;
            break;
          }

          // ---- building
          case OpCode.BUILD_TUPLE: {
            const items = slots.slice(sp - arg, sp);
            for (let i = sp - arg; i < sp; i++) slots[i] = undefined;
            sp -= arg;
            slots[sp++] = newTuple(items);
            break;
          }
          case OpCode.BUILD_LIST: {
            const items = slots.slice(sp - arg, sp);
            for (let i = sp - arg; i < sp; i++) slots[i] = undefined;
            sp -= arg;
            slots[sp++] = new PyList(listType, items);
            break;
          }
          case OpCode.BUILD_SET:
            sp = X.buildSet(slots, sp, arg);
            break;
          case OpCode.BUILD_MAP: {
            const d = new PyDict(dictType);
            const base = sp - 2 * arg;
            for (let i = base; i < sp; i += 2) {
              d.set(slots[i], slots[i + 1]);
              slots[i] = slots[i + 1] = undefined;
            }
            sp = base;
            slots[sp++] = d;
            break;
          }
          case OpCode.BUILD_STRING: {
            let s = '';
            for (let i = sp - arg; i < sp; i++) {
              s += slots[i];
              slots[i] = undefined;
            }
            sp -= arg;
            slots[sp++] = s;
            break;
          }
          case OpCode.FORMAT_VALUE:
            sp = X.formatValue(slots, sp, arg);
            break;
          case OpCode.LIST_APPEND: {
            const v = slots[--sp];
            slots[sp] = undefined;
            (slots[sp - arg] as PyList).items.push(v);
            break;
          }
          case OpCode.SET_ADD: {
            const v = slots[--sp];
            slots[sp] = undefined;
            X.setAdd(slots[sp - arg], v);
            break;
          }
          case OpCode.MAP_ADD: {
            const v = slots[--sp];
            const k = slots[--sp];
            slots[sp] = slots[sp + 1] = undefined;
            (slots[sp - arg] as PyDict).set(k, v);
            break;
          }
          case OpCode.LIST_EXTEND: {
            const v = slots[--sp];
            slots[sp] = undefined;
            X.listExtend(slots[sp - arg], v);
            break;
          }
          case OpCode.SET_UPDATE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            X.setUpdate(slots[sp - arg], v);
            break;
          }
          case OpCode.DICT_UPDATE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            X.dictUpdate(slots[sp - arg], v);
            break;
          }
          case OpCode.DICT_MERGE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            X.dictMerge(slots[sp - arg], v, slots[sp - arg - 2]);
            break;
          }
          case OpCode.UNPACK_SEQUENCE:
            if (counters[pc - 1]-- === 0) S.specializeUnpack(code, pc - 1, slots[sp - 1], arg);
            sp = unpackSequence(slots, sp, arg);
            break;
          case OpCode.UNPACK_SEQUENCE_TUPLE: {
            const o = slots[sp - 1];
            if (o instanceof PyTuple && o.cls === tupleType && o.items.length === arg) {
              const items = o.items;
              sp--;
              for (let i = arg - 1; i >= 0; i--) slots[sp++] = items[i];
              break;
            }
            S.miss(code, pc - 1);
            sp = unpackSequence(slots, sp, arg);
            break;
          }
          case OpCode.UNPACK_SEQUENCE_LIST: {
            const o = slots[sp - 1];
            if (o instanceof PyList && o.cls === listType && o.items.length === arg) {
              const items = o.items;
              sp--;
              for (let i = arg - 1; i >= 0; i--) slots[sp++] = items[i];
              break;
            }
            S.miss(code, pc - 1);
            sp = unpackSequence(slots, sp, arg);
            break;
          }
          case OpCode.UNPACK_EX:
            sp = unpackEx(slots, sp, arg);
            break;

          // ---- control flow
          case OpCode.JUMP:
            pc = arg;
            break;
          case OpCode.POP_JUMP_IF_FALSE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            const t = v === true || (v !== false && isTrue(v));
            if (prof) X.recordBranch(f.rt, pc - 1, !t);
            if (!t) pc = arg;
            break;
          }
          case OpCode.POP_JUMP_IF_TRUE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            const t = v === true || (v !== false && isTrue(v));
            if (prof) X.recordBranch(f.rt, pc - 1, t);
            if (t) pc = arg;
            break;
          }
          case OpCode.POP_JUMP_IF_NONE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            if (prof) X.recordBranch(f.rt, pc - 1, v === None);
            if (v === None) pc = arg;
            break;
          }
          case OpCode.POP_JUMP_IF_NOT_NONE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            if (prof) X.recordBranch(f.rt, pc - 1, v !== None);
            if (v !== None) pc = arg;
            break;
          }
          case OpCode.JUMP_IF_FALSE_OR_POP: {
            const v = slots[sp - 1];
            if (!isTrue(v)) pc = arg;
            else slots[--sp] = undefined;
            break;
          }
          case OpCode.JUMP_IF_TRUE_OR_POP: {
            const v = slots[sp - 1];
            if (isTrue(v)) pc = arg;
            else slots[--sp] = undefined;
            break;
          }
          case OpCode.GET_ITER:
            slots[sp - 1] = X.getIterForLoop(slots[sp - 1]);
            break;
          case OpCode.FOR_ITER: {
            const it = slots[sp - 1];
            if (counters[pc - 1]-- === 0) S.specializeForIter(code, pc - 1, it);
            const v = iterNext(it);
            if (v === undefined) {
              slots[--sp] = undefined;
              if (prof) X.recordBranch(f.rt, pc - 1, true);
              pc = arg;
            } else slots[sp++] = v;
            break;
          }
          case OpCode.FOR_ITER_RANGE: {
            const it = slots[sp - 1];
            if (it instanceof X.RangeIterT) {
              if (it.remaining > 0) {
                it.remaining--;
                const v = it.next_;
                it.next_ = v + it.step;
                slots[sp++] = v;
              } else {
                slots[--sp] = undefined;
                pc = arg;
              }
              break;
            }
            S.miss(code, pc - 1);
            const v = iterNext(it);
            if (v === undefined) {
              slots[--sp] = undefined;
              pc = arg;
            } else slots[sp++] = v;
            break;
          }
          case OpCode.FOR_ITER_LIST:
          case OpCode.FOR_ITER_TUPLE: {
            const it = slots[sp - 1];
            if (it instanceof X.SeqIterT) {
              const items = it.items;
              if (items !== null && it.i < items.length) {
                slots[sp++] = items[it.i++];
              } else {
                it.items = null;
                slots[--sp] = undefined;
                pc = arg;
              }
              break;
            }
            S.miss(code, pc - 1);
            const v = iterNext(it);
            if (v === undefined) {
              slots[--sp] = undefined;
              pc = arg;
            } else slots[sp++] = v;
            break;
          }

          // ---- calls
          case OpCode.CALL: {
            const base = sp - arg;
            const callable = slots[base - 1];
            const argv = slots.slice(base, sp);
            for (let i = base - 1; i < sp; i++) slots[i] = undefined;
            sp = base - 1;
            if (counters[pc - 1]-- === 0) S.specializeCall(code, pc - 1, callable, arg);
            {
              const r = invoke(f, pc, callable, argv, null);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_PY_EXACT_ARGS: {
            const base = sp - arg;
            const callable = slots[base - 1];
            if (callable instanceof PyFunction && callable.code === f.rt.caches[pc - 1].code) {
              const co = callable.code;
              const nf = new Frame(co, callable, callable.globals, funcBuiltins(callable), null);
              const ns = nf.slots;
              for (let i = 0; i < arg; i++) {
                ns[i] = slots[base + i];
                slots[base + i] = undefined;
              }
              slots[base - 1] = undefined;
              sp = base - 1;
              if (co.cellvars.length > 0 || callable.closure !== null) initCells(nf, callable);
              if (prof) X.recordCallTarget(f.rt, pc - 1, callable);
              f.sp = sp;
              f.pc = pc;
              pushFrame(f, nf);
              f = nf;
              continue outer;
            }
            S.miss(code, pc - 1);
            const argv = slots.slice(base, sp);
            for (let i = base - 1; i < sp; i++) slots[i] = undefined;
            sp = base - 1;
            {
              const r = invoke(f, pc, callable, argv, null);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_PY_WITH_DEFAULTS:
          case OpCode.CALL_BUILTIN:
          case OpCode.CALL_TYPE: {
            const base = sp - arg;
            const callable = slots[base - 1];
            const argv = slots.slice(base, sp);
            for (let i = base - 1; i < sp; i++) slots[i] = undefined;
            sp = base - 1;
            if (op === OpCode.CALL_BUILTIN && callable instanceof PyBuiltin && callable.self === undefined) {
              f.pc = pc;
              slots[sp++] = callable.fn(argv, null);
              break;
            }
            {
              const r = invoke(f, pc, callable, argv, null);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_KW: {
            const names = (slots[--sp] as PyTuple).items as string[];
            slots[sp] = undefined;
            const base = sp - arg;
            const callable = slots[base - 1];
            const npos = arg - names.length;
            const argv = slots.slice(base, base + npos);
            const kw: PyKwargs = new Map();
            for (let i = 0; i < names.length; i++) kw.set(names[i], slots[base + npos + i]);
            for (let i = base - 1; i < sp; i++) slots[i] = undefined;
            sp = base - 1;
            {
              const r = invoke(f, pc, callable, argv, kw);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_METHOD: {
            const base = sp - arg;
            const m = slots[base - 2];
            const self = slots[base - 1];
            if (counters[pc - 1]-- === 0) S.specializeCallMethod(code, pc - 1, m, self);
            let argv: any[];
            if (self === undefined) argv = slots.slice(base, sp);
            else {
              argv = new Array(arg + 1);
              argv[0] = self;
              for (let i = 0; i < arg; i++) argv[i + 1] = slots[base + i];
            }
            for (let i = base - 2; i < sp; i++) slots[i] = undefined;
            sp = base - 2;
            if (m instanceof PyBuiltin && m.self === undefined) {
              f.pc = pc;
              slots[sp++] = m.fn(argv, null);
              break;
            }
            {
              const r = invoke(f, pc, m, argv, null);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_METHOD_PY: {
            const base = sp - arg;
            const m = slots[base - 2];
            const self = slots[base - 1];
            if (m instanceof PyFunction && self !== undefined && m.code === f.rt.caches[pc - 1].code) {
              const co = m.code;
              const nf = new Frame(co, m, m.globals, funcBuiltins(m), null);
              const ns = nf.slots;
              ns[0] = self;
              for (let i = 0; i < arg; i++) ns[i + 1] = slots[base + i];
              for (let i = base - 2; i < sp; i++) slots[i] = undefined;
              sp = base - 2;
              if (co.cellvars.length > 0 || m.closure !== null) initCells(nf, m);
              if (prof) X.recordCallTarget(f.rt, pc - 1, m);
              f.sp = sp;
              f.pc = pc;
              pushFrame(f, nf);
              f = nf;
              continue outer;
            }
            S.miss(code, pc - 1);
            const argv = self === undefined ? slots.slice(base, sp) : [self, ...slots.slice(base, sp)];
            for (let i = base - 2; i < sp; i++) slots[i] = undefined;
            sp = base - 2;
            {
              const r = invoke(f, pc, m, argv, null);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_METHOD_BUILTIN: {
            const base = sp - arg;
            const m = slots[base - 2];
            const self = slots[base - 1];
            const argv = new Array(arg + 1);
            argv[0] = self;
            for (let i = 0; i < arg; i++) argv[i + 1] = slots[base + i];
            for (let i = base - 2; i < sp; i++) slots[i] = undefined;
            sp = base - 2;
            if (m instanceof PyBuiltin && self !== undefined) {
              f.pc = pc;
              slots[sp++] = m.fn(argv, null);
            } else {
              S.miss(code, pc - 1);
              {
                const r = invoke(f, pc, m, self === undefined ? argv.slice(1) : argv, null);
                if (r === ENTER) {
                  f.sp = sp;
                  const nf = entering.f!;
                  entering.f = null;
                  pushFrame(f, nf);
                  f = nf;
                  continue outer;
                }
                slots[sp++] = r;
              }
            }
            break;
          }
          case OpCode.CALL_METHOD_KW: {
            const names = (slots[--sp] as PyTuple).items as string[];
            slots[sp] = undefined;
            const base = sp - arg;
            const m = slots[base - 2];
            const self = slots[base - 1];
            const npos = arg - names.length;
            const argv = slots.slice(base, base + npos);
            if (self !== undefined) argv.unshift(self);
            const kw: PyKwargs = new Map();
            for (let i = 0; i < names.length; i++) kw.set(names[i], slots[base + npos + i]);
            for (let i = base - 2; i < sp; i++) slots[i] = undefined;
            sp = base - 2;
            {
              const r = invoke(f, pc, m, argv, kw);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.CALL_FUNCTION_EX: {
            let kw: PyKwargs | null = null;
            if (arg & 1) {
              kw = X.kwargsFromMapping(slots[--sp]);
              slots[sp] = undefined;
            }
            const callargs = slots[--sp];
            slots[sp] = undefined;
            const callable = slots[--sp];
            slots[sp] = undefined;
            const argv = callargs instanceof PyTuple && callargs.cls === tupleType ? callargs.items.slice() : X.starArgs(callable, callargs);
            {
              const r = invoke(f, pc, callable, argv, kw);
              if (r === ENTER) {
                f.sp = sp;
                const nf = entering.f!;
                entering.f = null;
                pushFrame(f, nf);
                f = nf;
                continue outer;
              }
              slots[sp++] = r;
            }
            break;
          }
          case OpCode.MAKE_FUNCTION:
            sp = X.makeFunction(f, slots, sp, arg);
            break;
          case OpCode.LOAD_BUILD_CLASS:
            slots[sp++] = X.buildClassBuiltin(f);
            break;
          case OpCode.CALL_INTRINSIC_1:
            slots[sp - 1] = X.intrinsic1(f, arg, slots[sp - 1]);
            break;

          // ---- exceptions
          case OpCode.RAISE_VARARGS:
            X.doRaise(slots, sp, arg);
            break; // not reached
          case OpCode.RERAISE: {
            const e = slots[--sp];
            slots[sp] = undefined;
            reraising = true;
            throw e;
          }
          case OpCode.PUSH_EXC_INFO: {
            const e = slots[sp - 1];
            const st = tstate.exc;
            slots[sp - 1] = st.value === undefined ? None : st.value;
            st.value = e;
            slots[sp++] = e;
            break;
          }
          case OpCode.POP_EXCEPT: {
            const v = slots[--sp];
            slots[sp] = undefined;
            tstate.exc.value = v;
            break;
          }
          case OpCode.CHECK_EXC_MATCH:
            slots[sp - 1] = X.checkExcMatch(slots[sp - 2], slots[sp - 1]);
            break;
          case OpCode.CHECK_EG_MATCH:
            X.checkEgMatch(slots, sp);
            break;
          case OpCode.PREP_RERAISE_STAR: {
            const pair = slots[--sp] as PyTuple;
            slots[sp] = undefined;
            slots[sp - 1] = X.prepReraiseStar(slots[sp - 1], pair);
            break;
          }
          case OpCode.LOAD_ASSERTION_ERROR:
            slots[sp++] = AssertionError;
            break;
          case OpCode.BEFORE_WITH:
            sp = X.beforeWith(slots, sp);
            break;
          case OpCode.BEFORE_ASYNC_WITH:
            sp = X.beforeAsyncWith(slots, sp);
            break;
          case OpCode.WITH_EXCEPT_START: {
            const exit = slots[sp - 3];
            const e = slots[sp - 1];
            slots[sp++] = X.callExit(exit, e);
            break;
          }

          // ---- generators
          case OpCode.YIELD_VALUE: {
            const v = slots[--sp];
            slots[sp] = undefined;
            f.sp = sp;
            f.pc = pc;
            f.state = FrameState.Suspended;
            tstate.depth--;
            tstate.frame = f.back;
            return v;
          }
          case OpCode.SEND: {
            const v = slots[sp - 1];
            const it = slots[sp - 2];
            const r = X.send(it, v);
            if (r.done) {
              sp -= 2;
              slots[sp] = slots[sp + 1] = undefined;
              slots[sp++] = r.value;
              pc = arg;
            } else slots[sp - 1] = r.value;
            break;
          }
          case OpCode.GET_YIELD_FROM_ITER:
            slots[sp - 1] = X.getYieldFromIter(f, slots[sp - 1]);
            break;
          case OpCode.GET_AWAITABLE:
            slots[sp - 1] = X.getAwaitable(slots[sp - 1], arg);
            break;
          case OpCode.GET_AITER:
            slots[sp - 1] = X.getAiter(slots[sp - 1]);
            break;
          case OpCode.GET_ANEXT:
            slots[sp] = X.getAnext(slots[sp - 1]);
            sp++;
            break;
          case OpCode.END_ASYNC_FOR: {
            const e = slots[--sp];
            slots[sp] = undefined;
            if (!X.isStopAsyncIteration(e)) {
              reraising = true;
              throw e;
            }
            slots[--sp] = undefined;
            break;
          }

          // ---- modules, annotations, pattern matching
          case OpCode.IMPORT_NAME: {
            const fromlist = slots[--sp];
            const level = slots[--sp];
            slots[sp] = slots[sp + 1] = undefined;
            slots[sp++] = X.importName(f, code.names[arg], fromlist, level);
            break;
          }
          case OpCode.IMPORT_FROM:
            slots[sp] = X.importFrom(slots[sp - 1], code.names[arg]);
            sp++;
            break;
          case OpCode.SETUP_ANNOTATIONS:
            X.setupAnnotations(f);
            break;
          case OpCode.MATCH_CLASS: {
            const names = slots[--sp];
            const cls = slots[--sp];
            const subject = slots[sp - 1];
            slots[sp] = slots[sp + 1] = undefined;
            slots[sp - 1] = X.matchClass(subject, cls, arg, names);
            break;
          }
          case OpCode.MATCH_MAPPING:
            slots[sp] = X.matchMapping(slots[sp - 1]);
            sp++;
            break;
          case OpCode.MATCH_SEQUENCE:
            slots[sp] = X.matchSequence(slots[sp - 1]);
            sp++;
            break;
          case OpCode.MATCH_KEYS:
            slots[sp] = X.matchKeys(slots[sp - 2], slots[sp - 1]);
            sp++;
            break;
          case OpCode.GET_LEN:
            slots[sp] = X.lenOf(slots[sp - 1]);
            sp++;
            break;
          case OpCode.COPY_DICT_WITHOUT_KEYS:
            slots[sp - 1] = X.copyDictWithoutKeys(slots[sp - 2], slots[sp - 1]);
            break;
          default:
            throw new Error(`internal error: unknown opcode ${op} at ${pc - 1} in ${code.qualname}`);
        }
      }
    } catch (err) {
      // Find a handler in this frame or its inline callers (throws past `entry`).
      f.sp = sp;
      f.pc = pc;
      f = unwindTo(entry, f, err);
    }
  }
}

/**
 * Unwind `err` from frame `f`: record a traceback entry and consult the code's exception
 * table; a handler restores the stack depth, pushes the exception and becomes the resume
 * point (the frame is returned); no handler pops the frame and repeats in the caller, up to
 * `entry`, past which the exception is thrown.
 */
function unwindTo(entry: Frame, f: Frame, err: any): Frame {
  const e: any = err instanceof PyBaseException ? err : X.convertJsError(err);
  let isReraise = reraising;
  reraising = false;
  for (;;) {
    const code = f.code;
    const sp = f.sp;
    const where = f.pc > 0 ? f.pc - 1 : 0;
    if (!isReraise) X.addTraceback(e, f, where);
    isReraise = false;
    const h = findHandler(code, where);
    if (h !== null) {
      const depth = code.nlocalsplus + h.depth;
      if (sp > depth) X.dropStackSlots(f.slots, code.nlocals, depth, sp);
      f.slots[depth] = e;
      f.sp = depth + 1;
      f.pc = h.target;
      return f;
    }
    // No handler here: leave the frame.
    if (sp > code.nlocalsplus) X.dropStackSlots(f.slots, code.nlocals, code.nlocalsplus, sp);
    tstate.depth--;
    f.state = FrameState.Raised;
    tstate.frame = f.back;
    if (f === entry) throw e;
    f = f.back!;
  }
}

/** Make `nf` (already bound) the running frame, called from `f`. */
function pushFrame(f: Frame, nf: Frame): void {
  if (++tstate.depth > tstate.limit) {
    tstate.depth--;
    throw pyErr(X.RecursionErrorT, 'maximum recursion depth exceeded');
  }
  nf.back = f;
  nf.state = FrameState.Running;
  tstate.frame = nf;
}

/** Mark `f` returned; the value its caller receives (the instance for an inline `__init__`). */
function finishFrame(f: Frame, value: any): any {
  tstate.depth--;
  f.state = FrameState.Returned;
  tstate.frame = f.back;
  if (f.initSelf !== undefined) {
    if (value !== None) throw pyErr(TypeError, `__init__() should return None, not '${X.typeNameOf(value)}'`);
    value = f.initSelf;
  }
  return value;
}

/** `invoke` returned a frame to run inline (in `entering.f`) instead of a result. */
const ENTER = Symbol('enter');
const entering: { f: Frame | null } = { f: null };

/**
 * Call `callable` from frame `f` at `pc`: a Python function (or bound method, or a class
 * whose `__init__` is a Python function) gets a bound frame to run inline (returns ENTER);
 * anything else is called here and its result returned.
 */
function invoke(f: Frame, pc: number, callable: any, argv: any[], kw: PyKwargs | null): any {
  f.pc = pc; // the callee may look at this frame (sys._getframe().f_lineno, tracebacks)
  if (tstate.profiling) X.recordCallTarget(f.rt, pc - 1, callable);
  if (callable instanceof PyFunction) {
    if (!isGeneratorCode(callable.code)) {
      entering.f = X.bindFrame(callable, argv, kw);
      return ENTER;
    }
  } else if (callable instanceof PyMethod && callable.func instanceof PyFunction && !isGeneratorCode(callable.func.code)) {
    entering.f = X.bindFrame(callable.func, [callable.self, ...argv], kw);
    return ENTER;
  } else if (callable instanceof X.PyTypeT) {
    const inst = X.allocForInlineInit(callable, argv, kw);
    if (inst !== undefined) {
      const nf = X.bindFrame(X.lastInit.f as PyFunction, [inst, ...argv], kw);
      nf.initSelf = inst;
      entering.f = nf;
      return ENTER;
    }
  }
  return call(callable, argv, kw);
}

function unboundLocal(code: CodeObject, i: number): PyBaseException {
  const name = code.varnames[i];
  const e = pyErr(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  return e;
}

// ---- calling Python functions from TypeScript ----------------------------------------------

/** Call a Python function (hooks.callFunction): runs it, or makes its generator. */
export function callFunction(f: PyFunction, argv: any[], kw: PyKwargs | null): any {
  const frame = X.bindFrame(f, argv, kw);
  const co = f.code;
  if ((co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0) return X.makeGenerator(frame, f);
  if (++tstate.depth > tstate.limit) {
    tstate.depth--;
    throw pyErr(X.RecursionErrorT, 'maximum recursion depth exceeded');
  }
  return run(frame);
}

hooks.callFunction = callFunction;

/** Run a module-level code object with the given namespaces. */
export function runCode(code: CodeObject, globals: PyDict, locals: any): any {
  const frame = new Frame(code, null, globals, builtinsOf(globals), locals);
  if (++tstate.depth > tstate.limit) {
    tstate.depth--;
    throw pyErr(X.RecursionErrorT, 'maximum recursion depth exceeded');
  }
  return run(frame);
}

export { callDescr, currentHandled, NameError, rtOf, TypeError };
