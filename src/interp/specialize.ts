// Adaptive specialization (PEP 659 style quickening).
//
// A generic instruction counts down from WARMUP; at zero it looks at its operands and
// rewrites its own opcode in place to a specialized variant from its op-table family
// (filling an inline cache), or records why it could not and backs off exponentially.
// Specialized variants guard on every execution; a guard failure ("miss") runs the
// generic path and, after MISS_LIMIT misses, deoptimizes back to the generic op. Per-
// family statistics (attempts, successes, failure reasons, misses, deopts) feed
// `edgepyc run --stats`; the specialized forms end up in profiles for the native backend.
//
// Superinstructions (load pairs) are applied once when a code object first runs.

import type { CodeObject } from '../bytecode/code.js';
import { FAMILIES, GENERIC, Op, OPS, opName } from '../bytecode/ops.js';
import { intOf } from './arith.js';
import type { Frame, RtCode } from './frame.js';
import { RangeIter, SeqIter, listIteratorType, tupleIteratorType } from './iterators.js';
import { PyBuiltin, PyFloat, PyFunction, PyInstance, PyList, PyModule, PyObject, PyTuple, PyWrapper } from './objects.js';
import { isDataDescriptor, typeOf } from './protocol.js';
import { PyDict } from './pydict.js';
import { PySet } from './pyset.js';
import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../bytecode/code.js';
import { dictType, floatType, listType, PyType, setType, tupleType } from './typeobj.js';

const MISS_LIMIT = 16;

export interface FamilyStats {
  attempts: number;
  success: number;
  failures: Map<string, number>;
  misses: number;
  deopts: number;
}

export const stats = new Map<string, FamilyStats>();

/** Executions per opcode while profiling (--stats, profile): a specialized op's are its hits plus its misses. */
export const opExecutions = new Float64Array(OPS.length);

function famStats(op: number): FamilyStats {
  const name = opName(GENERIC[op]);
  let s = stats.get(name);
  if (s === undefined) {
    s = { attempts: 0, success: 0, failures: new Map(), misses: 0, deopts: 0 };
    stats.set(name, s);
  }
  return s;
}

function rtOfCode(code: CodeObject): RtCode {
  return code.rt as RtCode;
}

/** Rewrite instruction `pc` to `op` with an inline cache. */
function specialize(code: CodeObject, pc: number, op: number, cache: any): void {
  const rt = rtOfCode(code);
  const s = famStats(code.ops[pc]);
  s.attempts++;
  s.success++;
  code.ops[pc] = op;
  rt.caches[pc] = cache;
  rt.counters[pc] = MISS_LIMIT;
}

/** Record a failed attempt and back off before trying again. */
function fail(code: CodeObject, pc: number, reason: string): void {
  const rt = rtOfCode(code);
  const s = famStats(code.ops[pc]);
  s.attempts++;
  s.failures.set(reason, (s.failures.get(reason) ?? 0) + 1);
  const prev = rt.caches[pc];
  const backoff = typeof prev === 'number' ? Math.min(prev * 2, 1 << 14) : 32;
  rt.caches[pc] = backoff;
  rt.counters[pc] = backoff;
}

/**
 * A specialized instruction's guard failed. After MISS_LIMIT misses it goes back to the
 * generic op, which waits 64 executions before specializing again, twice as long after
 * each further deoptimization (up to 64 << 10): a polymorphic site (a method called on
 * several classes) otherwise churns through specialize/miss/deoptimize forever (CPython
 * backs off the same way: adaptive_counter_backoff).
 */
export function miss(code: CodeObject, pc: number): void {
  const rt = rtOfCode(code);
  const op = code.ops[pc];
  const s = famStats(op);
  s.misses++;
  if (--rt.counters[pc] <= 0) {
    s.deopts++;
    code.ops[pc] = GENERIC[op];
    const d = rt.deopts[pc];
    if (d < 10) rt.deopts[pc] = d + 1;
    const wait = 64 << d;
    rt.caches[pc] = wait;
    rt.counters[pc] = wait;
  }
}

/** Apply superinstructions once per code object (CPython's _PyCode_Quicken). */
export function quicken(code: CodeObject): void {
  const ops = code.ops;
  for (let i = 0; i + 1 < ops.length; i++) {
    const a = ops[i];
    const b = ops[i + 1];
    if (a === Op.LOAD_FAST && b === Op.LOAD_FAST) ops[i] = Op.LOAD_FAST__LOAD_FAST;
    else if (a === Op.LOAD_FAST && b === Op.LOAD_CONST) ops[i] = Op.LOAD_FAST__LOAD_CONST;
    else if (a === Op.STORE_FAST && b === Op.LOAD_FAST) ops[i] = Op.STORE_FAST__LOAD_FAST;
    else if (a === Op.STORE_FAST && b === Op.STORE_FAST) ops[i] = Op.STORE_FAST__STORE_FAST;
    else continue;
    famStats(ops[i]).success++;
  }
}

// ---- families -------------------------------------------------------------------------------

export function specializeBinaryOp(code: CodeObject, pc: number, a: any, b: any, arg: number): void {
  const op = arg & 15;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 0: return specialize(code, pc, Op.BINARY_OP_ADD_INT, null);
      case 1: return specialize(code, pc, Op.BINARY_OP_SUB_INT, null);
      case 2: return specialize(code, pc, Op.BINARY_OP_MUL_INT, null);
      case 4: return specialize(code, pc, Op.BINARY_OP_FLOORDIV_INT, null);
      case 5: return specialize(code, pc, Op.BINARY_OP_MOD_INT, null);
      case 7:
      case 8:
      case 9:
      case 10:
      case 11: return specialize(code, pc, Op.BINARY_OP_BITWISE_INT, null);
      default: return fail(code, pc, `int ${opSym(op)}`);
    }
  }
  const fa = a instanceof PyFloat && a.cls === floatType;
  const fb = b instanceof PyFloat && b.cls === floatType;
  if ((fa || fb) && (fa || typeof a === 'number') && (fb || typeof b === 'number')) {
    switch (op) {
      case 0: return specialize(code, pc, Op.BINARY_OP_ADD_FLOAT, null);
      case 1: return specialize(code, pc, Op.BINARY_OP_SUB_FLOAT, null);
      case 2: return specialize(code, pc, Op.BINARY_OP_MUL_FLOAT, null);
      case 3: return specialize(code, pc, Op.BINARY_OP_TRUEDIV_FLOAT, null);
      default: return fail(code, pc, `float ${opSym(op)}`);
    }
  }
  if (typeof a === 'string' && typeof b === 'string' && op === 0) return specialize(code, pc, Op.BINARY_OP_ADD_STR, null);
  if (typeof a === 'bigint' || typeof b === 'bigint') return fail(code, pc, 'big int operand');
  if (typeOf(a) !== typeOf(b)) return fail(code, pc, 'different types');
  return fail(code, pc, `${typeOf(a).name} operands`);
}

const OPSYMS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'];
function opSym(op: number): string {
  return OPSYMS[op] ?? '?';
}

export function specializeCompareOp(code: CodeObject, pc: number, a: any, b: any): void {
  const next = code.ops[pc + 1];
  const fused = next === Op.POP_JUMP_IF_FALSE || next === Op.POP_JUMP_IF_TRUE;
  if (typeof a === 'number' && typeof b === 'number') return specialize(code, pc, fused ? Op.COMPARE_OP_INT_JUMP : Op.COMPARE_OP_INT, null);
  const fa = a instanceof PyFloat && a.cls === floatType;
  const fb = b instanceof PyFloat && b.cls === floatType;
  if ((fa || fb) && (fa || typeof a === 'number') && (fb || typeof b === 'number')) {
    return specialize(code, pc, fused ? Op.COMPARE_OP_FLOAT_JUMP : Op.COMPARE_OP_FLOAT, null);
  }
  if (typeof a === 'string' && typeof b === 'string') return specialize(code, pc, fused ? Op.COMPARE_OP_STR_JUMP : Op.COMPARE_OP_STR, null);
  return fail(code, pc, typeOf(a) === typeOf(b) ? `${typeOf(a).name} operands` : 'different types');
}

export function compareGuard(op: number, a: any, b: any): boolean {
  switch (op) {
    case Op.COMPARE_OP_INT:
    case Op.COMPARE_OP_INT_JUMP:
      return typeof a === 'number' && typeof b === 'number';
    case Op.COMPARE_OP_FLOAT:
    case Op.COMPARE_OP_FLOAT_JUMP: {
      const fa = a instanceof PyFloat && a.cls === floatType;
      const fb = b instanceof PyFloat && b.cls === floatType;
      return (fa || fb) && (fa || typeof a === 'number') && (fb || typeof b === 'number');
    }
    default:
      return typeof a === 'string' && typeof b === 'string';
  }
}

/** Comparison for guarded float/str operands. */
export function compareFast(a: any, b: any, cmp: number): boolean {
  if (typeof a === 'string') {
    switch (cmp) {
      case 2: return a === b;
      case 3: return a !== b;
      default: break;
    }
    const lt = strLessFast(a, b);
    const gt = strLessFast(b, a);
    switch (cmp) {
      case 0: return lt;
      case 1: return !gt;
      case 4: return gt;
      default: return !lt;
    }
  }
  const x = a instanceof PyFloat ? a.v : a;
  const y = b instanceof PyFloat ? b.v : b;
  switch (cmp) {
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x === y;
    case 3: return x !== y;
    case 4: return x > y;
    default: return x >= y;
  }
}

function strLessFast(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800 && (x <= 0xdfff) !== (y <= 0xdfff)) return x <= 0xdfff;
      return x < y;
    }
  }
  return a.length < b.length;
}

export function specializeSubscr(code: CodeObject, pc: number, o: any, k: any): void {
  if (o instanceof PyList && o.cls === listType && typeof k === 'number') return specialize(code, pc, Op.BINARY_SUBSCR_LIST_INT, null);
  if (o instanceof PyTuple && o.cls === tupleType && typeof k === 'number') return specialize(code, pc, Op.BINARY_SUBSCR_TUPLE_INT, null);
  if (o instanceof PyDict && o.cls === dictType) return specialize(code, pc, Op.BINARY_SUBSCR_DICT, null);
  if (typeof o === 'string' && typeof k === 'number') return specialize(code, pc, Op.BINARY_SUBSCR_STR_INT, null);
  return fail(code, pc, `${typeOf(o).name}[${typeOf(k).name}]`);
}

export function specializeStoreSubscr(code: CodeObject, pc: number, o: any, k: any): void {
  if (o instanceof PyList && o.cls === listType && typeof k === 'number') return specialize(code, pc, Op.STORE_SUBSCR_LIST_INT, null);
  if (o instanceof PyDict && o.cls === dictType) return specialize(code, pc, Op.STORE_SUBSCR_DICT, null);
  return fail(code, pc, `${typeOf(o).name}[${typeOf(k).name}]`);
}

export function specializeContains(code: CodeObject, pc: number, container: any): void {
  if (container instanceof PyDict && container.cls === dictType) return specialize(code, pc, Op.CONTAINS_OP_DICT, null);
  if (container instanceof PySet && container.cls === setType) return specialize(code, pc, Op.CONTAINS_OP_SET, null);
  return fail(code, pc, `in ${typeOf(container).name}`);
}

export function specializeUnpack(code: CodeObject, pc: number, seq: any, n: number): void {
  if (seq instanceof PyTuple && seq.cls === tupleType && seq.items.length === n) return specialize(code, pc, Op.UNPACK_SEQUENCE_TUPLE, null);
  if (seq instanceof PyList && seq.cls === listType && seq.items.length === n) return specialize(code, pc, Op.UNPACK_SEQUENCE_LIST, null);
  return fail(code, pc, typeOf(seq).name);
}

export function specializeForIter(code: CodeObject, pc: number, it: any): void {
  if (it instanceof RangeIter) return specialize(code, pc, Op.FOR_ITER_RANGE, null);
  if (it instanceof SeqIter && it.cls === listIteratorType) return specialize(code, pc, Op.FOR_ITER_LIST, null);
  if (it instanceof SeqIter && it.cls === tupleIteratorType) return specialize(code, pc, Op.FOR_ITER_TUPLE, null);
  return fail(code, pc, typeOf(it).name);
}

export function specializeLoadGlobal(f: Frame, pc: number): void {
  const code = f.code;
  const name = code.names[code.args[pc]];
  const g = f.globals;
  const v = g.getStr(name);
  if (v !== undefined) return specialize(code, pc, Op.LOAD_GLOBAL_MODULE, { dict: g, version: g.version, value: v });
  const b = f.builtins.getStr(name);
  if (b !== undefined) return specialize(code, pc, Op.LOAD_GLOBAL_BUILTIN, { dict: g, version: g.version, bversion: f.builtins.version, value: b });
  return fail(code, pc, 'not found');
}

function plainInstanceType(o: any): PyType | null {
  if (!(o instanceof PyInstance)) return null;
  const t = o.cls;
  if (t.hasGetattribute || t.hasGetattr) return null;
  return t;
}

/**
 * A class attribute whose own class is a Python class: that class can gain `__get__` or
 * `__set__` later (it becomes a descriptor) without the version of the instance's type
 * changing, so a cache keyed by that version could go stale (CPython's specializer also
 * refuses these: analyze_descriptor).
 */
function mutableDescriptorKind(d: any): boolean {
  return d instanceof PyObject && !(d instanceof PyType) && !typeOf(d).builtin;
}

export function specializeLoadAttr(f: Frame, pc: number, o: any): void {
  const code = f.code;
  const name = code.names[code.args[pc]];
  if (o instanceof PyModule) return specialize(code, pc, Op.LOAD_ATTR_MODULE, { module: o });
  const t = plainInstanceType(o);
  if (t === null) return fail(code, pc, o instanceof PyType ? 'class attribute' : `${typeOf(o).name} object`);
  const d = t.lookup(name);
  if (d !== undefined && isDataDescriptor(d)) return fail(code, pc, 'data descriptor');
  if (mutableDescriptorKind(d)) return fail(code, pc, 'class attribute of a Python class');
  if (o.dict !== null && o.dict.map.has(name)) {
    if (d !== undefined && !(typeof d !== 'object' || d instanceof PyObject)) return fail(code, pc, 'shadowed descriptor');
    return specialize(code, pc, Op.LOAD_ATTR_INSTANCE, { type: t, version: t.version });
  }
  if (d !== undefined && !(d instanceof PyFunction) && !(d instanceof PyBuiltin) && !(d instanceof PyWrapper) && !(d instanceof PyObject && typeOf(d).lookup('__get__') !== undefined)) {
    return specialize(code, pc, Op.LOAD_ATTR_CLASS, { type: t, version: t.version, value: d });
  }
  return fail(code, pc, d === undefined ? 'missing' : 'method');
}

export function specializeStoreAttr(f: Frame, pc: number, o: any): void {
  const code = f.code;
  const name = code.names[code.args[pc]];
  const t = plainInstanceType(o);
  if (t === null) return fail(code, pc, `${typeOf(o).name} object`);
  if (t.lookup('__setattr__') !== setattrRef.f) return fail(code, pc, '__setattr__ overridden');
  const d = t.lookup(name);
  if (d !== undefined && isDataDescriptor(d)) return fail(code, pc, 'data descriptor');
  if (mutableDescriptorKind(d)) return fail(code, pc, 'class attribute of a Python class');
  return specialize(code, pc, Op.STORE_ATTR_INSTANCE, { type: t, version: t.version });
}

export const setattrRef: { f: any } = { f: undefined };

export function specializeLoadMethod(f: Frame, pc: number, o: any): void {
  const code = f.code;
  const name = code.names[code.args[pc]];
  if (o instanceof PyModule) return specialize(code, pc, Op.LOAD_METHOD_MODULE, { module: o });
  const t = typeOf(o);
  if (t.hasGetattribute) return fail(code, pc, '__getattribute__ overridden');
  if (t.builtin && !(o instanceof PyType)) {
    const m = t.lookup(name);
    if (m instanceof PyBuiltin && m.owner !== null) return specialize(code, pc, Op.LOAD_METHOD_BUILTIN, { type: t, value: m });
    return fail(code, pc, 'builtin attribute');
  }
  const it = plainInstanceType(o);
  if (it === null) return fail(code, pc, o instanceof PyType ? 'class method' : `${t.name} object`);
  const m = it.lookup(name);
  if (m instanceof PyFunction) return specialize(code, pc, Op.LOAD_METHOD_PY, { type: it, version: it.version, value: m });
  return fail(code, pc, 'not a Python function');
}

function simplePyFunc(fn: PyFunction, nargs: number): 'exact' | 'defaults' | null {
  const co = fn.code;
  if ((co.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0 || co.kwonlyargcount > 0) return null;
  if (co.argcount === nargs) return 'exact';
  const nd = fn.defaults === null ? 0 : fn.defaults.length;
  if (nargs < co.argcount && nargs >= co.argcount - nd) return 'defaults';
  return null;
}

export function specializeCall(code: CodeObject, pc: number, callable: any, n: number): void {
  if (callable instanceof PyFunction) {
    const kind = simplePyFunc(callable, n);
    if (kind === 'exact') return specialize(code, pc, Op.CALL_PY_EXACT_ARGS, { code: callable.code });
    if (kind === 'defaults') return specialize(code, pc, Op.CALL_PY_WITH_DEFAULTS, { code: callable.code });
    return fail(code, pc, 'complex parameters');
  }
  if (callable instanceof PyBuiltin && callable.self === undefined) return specialize(code, pc, Op.CALL_BUILTIN, null);
  if (callable instanceof PyType) return specialize(code, pc, Op.CALL_TYPE, null);
  return fail(code, pc, typeOf(callable).name);
}

export function specializeCallMethod(code: CodeObject, pc: number, m: any, self: any): void {
  if (self === undefined) return fail(code, pc, 'attribute call');
  if (m instanceof PyFunction && simplePyFunc(m, code.args[pc] + 1) === 'exact') return specialize(code, pc, Op.CALL_METHOD_PY, { code: m.code });
  if (m instanceof PyBuiltin) return specialize(code, pc, Op.CALL_METHOD_BUILTIN, null);
  return fail(code, pc, typeOf(m).name);
}

/** `--stats` report: per family attempts, successes, failure reasons, misses and deopts. */
export function formatStats(): string {
  const lines: string[] = ['specialization statistics (per family):'];
  const names = [...stats.keys()].sort();
  for (const n of names) {
    const s = stats.get(n)!;
    const variants = FAMILIES.get(OPS.findIndex((d) => d.name === n)) ?? [];
    // A hit is an execution of a specialized variant whose guard held.
    let specializedRuns = 0;
    for (const v of variants) specializedRuns += opExecutions[v];
    const hits = Math.max(0, specializedRuns - s.misses);
    lines.push(
      `  ${n.padEnd(20)} attempts ${String(s.attempts).padStart(7)}  specialized ${String(s.success).padStart(7)}  hits ${String(hits).padStart(10)}  misses ${String(s.misses).padStart(9)}  deopts ${String(s.deopts).padStart(6)}`,
    );
    const fails = [...s.failures].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [reason, count] of fails.slice(0, 6)) lines.push(`      failed: ${reason} (${count})`);
  }
  return lines.join('\n') + '\n';
}

export { intOf };
