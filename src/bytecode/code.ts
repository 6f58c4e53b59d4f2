// Code objects: the compiler's output and every executor's input.
//
// A CodeObject is one function body (module, class body, function, lambda, comprehension)
// compiled to bytecode. It is plain data, independent of any runtime: constants are
// described by `Const` values, which the interpreter turns into its own objects and the
// native backend into rodata. Per-instruction side tables give the source position of
// every instruction (for tracebacks with CPython 3.11's carets) and the exception table
// gives, for ranges of instructions, where control goes when an exception is raised and
// how deep the stack is there (the zero-cost exception model of CPython 3.11).
//
// Frame layout, shared by every executor:
//
//   slots: [ varnames (fast locals) | cellvars | freevars | operand stack ... ]
//            0 .. nlocals-1          nlocals..   ..nlocalsplus-1   nlocalsplus..
//
// LOAD_DEREF i addresses slots[nlocals + i] (cells first, then free variables).

import type { ConstValue } from '../frontend/ast.js';
import type { Source } from '../frontend/source.js';

export type Const =
  | ConstValue
  | { readonly k: 'tuple'; readonly items: readonly Const[] }
  | { readonly k: 'frozenset'; readonly items: readonly Const[] }
  | { readonly k: 'code'; readonly code: CodeObject };

export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ITERABLE_COROUTINE = 0x100;
export const CO_ASYNC_GENERATOR = 0x200;
/** edgepyc: a class body that must return its __class__ cell. */
export const CO_CLASS_CELL = 0x10000;
/** edgepyc: comprehension or generator expression body (hidden from tracebacks? no: shown). */
export const CO_COMPREHENSION = 0x20000;

/** One exception-table entry: instructions [start, end) jump to target with the stack at depth. */
export interface ExceptionEntry {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly depth: number;
  /** Push the index of the raising instruction before the exception (for RERAISE paths). */
  readonly lasti: boolean;
}

export interface CodeObject {
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  readonly source: Source;
  readonly firstLine: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  readonly flags: number;
  readonly varnames: readonly string[];
  readonly cellvars: readonly string[];
  readonly freevars: readonly string[];
  /** For each cell variable, the index of the argument it is initialised from, or -1. */
  readonly cell2arg: Int32Array;
  readonly names: readonly string[];
  readonly consts: readonly Const[];
  readonly stacksize: number;
  readonly nlocals: number;
  readonly nlocalsplus: number;
  /** Opcodes; the interpreter's quickening rewrites entries in place. */
  readonly ops: Uint8Array;
  readonly args: Int32Array;
  /** Source line of each instruction (1-based; 0 for none). */
  readonly lines: Int32Array;
  /** Source span [start, end) of each instruction, as offsets into `source`. */
  readonly spans: Int32Array;
  readonly exceptionTable: readonly ExceptionEntry[];
  readonly docstring: string | null;
  /** A stable key for profiles: qualname plus a hash of the function's source text. */
  readonly key: string;
  /** Executor-owned scratch (the interpreter's runtime constants, counters, caches). */
  rt?: unknown;
}

export function isGeneratorLike(co: CodeObject): boolean {
  return (co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0;
}

/** Find the handler for an exception raised at instruction `pc`, innermost range first. */
export function findHandler(co: CodeObject, pc: number): ExceptionEntry | null {
  const t = co.exceptionTable;
  for (let i = 0; i < t.length; i++) {
    const e = t[i];
    if (pc >= e.start && pc < e.end) return e;
  }
  return null;
}
