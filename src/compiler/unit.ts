// Code units: the instruction buffer of one function being compiled, and its assembly.
//
// Fourth stage, shared by every code generator visitor (codegen*.ts). Instructions are
// appended with symbolic Labels as jump targets. Exception handling follows CPython 3.11's
// zero-cost model: the generator keeps a stack of active Handlers; every instruction
// records the innermost one, and a zero-size SETUP marker records where a handler's
// protected region begins so the stack-depth pass can learn the depth the handler
// restores. `assemble()` then
//   1. computes the stack depth at every reachable instruction by walking the control
//      flow graph (this also checks that every path agrees, and yields co.stacksize),
//   2. drops unreachable code and the markers, resolves labels to instruction indices,
//   3. turns per-instruction handlers into a non-overlapping exception table,
//   4. builds the line and span tables.

import type { CodeObject, Const, ExceptionEntry } from '../bytecode/code.js';
import { branchEffect, isBranch, isJumpOp, isTerminal, Op, OPS, stackEffect } from '../bytecode/ops.js';
import type { Source } from '../frontend/source.js';

export class Label {
  /** Position in the instruction buffer it is bound to, or -1. */
  at = -1;
}

export class Handler {
  readonly target: Label;
  /** Added to the depth at the SETUP marker (with-blocks keep only __exit__). */
  readonly adjust: number;
  depth = -1;
  constructor(target: Label, adjust = 0) {
    this.target = target;
    this.adjust = adjust;
  }
}

const SETUP = -1;

interface Instr {
  op: number; // SETUP for markers
  arg: number;
  label: Label | null;
  handler: Handler | null;
  line: number;
  spanStart: number;
  spanEnd: number;
}

export interface UnitInfo {
  name: string;
  qualname: string;
  source: Source;
  firstLine: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  docstring: string | null;
}

/** Identity key of a constant, so equal constants share one slot (0, 0.0, False differ). */
function constKey(c: Const): string | null {
  switch (c.k) {
    case 'int': return `i${c.v}`;
    case 'float': return Object.is(c.v, -0) ? 'f-0' : `f${c.v}`;
    case 'complex': return `c${Object.is(c.re, -0) ? '-0' : c.re},${Object.is(c.im, -0) ? '-0' : c.im}`;
    case 'str': return `s${c.v}`;
    case 'bytes': return `b${Array.from(c.v).join(',')}`;
    case 'bool': return c.v ? 'T' : 'F';
    case 'none': return 'N';
    case 'ellipsis': return 'E';
    case 'tuple': {
      const parts = c.items.map(constKey);
      return parts.includes(null) ? null : `t(${parts.join(';')})`;
    }
    case 'frozenset': {
      const parts = c.items.map(constKey);
      return parts.includes(null) ? null : `z(${parts.join(';')})`;
    }
    case 'code':
      return null;
  }
}

export class CodeUnit {
  readonly info: UnitInfo;
  private readonly instrs: Instr[] = [];
  readonly consts: Const[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly handlers: Handler[] = [];
  line = 0;
  spanStart = 0;
  spanEnd = 0;

  constructor(info: UnitInfo) {
    this.info = info;
    this.line = info.firstLine;
  }

  /** Set the source location attributed to the instructions emitted next. */
  at(s: number, e: number): void {
    this.spanStart = s;
    this.spanEnd = e;
    this.line = this.info.source.lineOf(s);
  }

  get currentHandler(): Handler | null {
    return this.handlers.length > 0 ? this.handlers[this.handlers.length - 1] : null;
  }

  emit(op: number, arg = 0): void {
    this.instrs.push({ op, arg, label: null, handler: this.currentHandler, line: this.line, spanStart: this.spanStart, spanEnd: this.spanEnd });
  }

  emitJump(op: number, label: Label): void {
    this.instrs.push({ op, arg: 0, label, handler: this.currentHandler, line: this.line, spanStart: this.spanStart, spanEnd: this.spanEnd });
  }

  bind(label: Label): void {
    if (label.at >= 0) throw new Error('label bound twice');
    label.at = this.instrs.length;
  }

  /** Begin a protected region whose exceptions go to `target`. */
  pushHandler(target: Label, adjust = 0): Handler {
    const h = new Handler(target, adjust);
    this.instrs.push({ op: SETUP, arg: 0, label: null, handler: h, line: this.line, spanStart: this.spanStart, spanEnd: this.spanEnd });
    this.handlers.push(h);
    return h;
  }

  /**
   * Make an existing handler current again without a new SETUP marker: code reached by a
   * jump from inside its region (CPython's handler stack is flow-sensitive; ours is
   * maintained by the generator, which re-enters the handler where such flow lands).
   */
  reenterHandler(h: Handler): void {
    this.handlers.push(h);
  }

  /** End the innermost protected region (CPython's POP_BLOCK). */
  popHandler(): void {
    this.handlers.pop();
  }

  /** Replace the handler stack (used to restore it after unwinding for break/return). */
  saveHandlers(): Handler[] {
    return [...this.handlers];
  }
  restoreHandlers(saved: Handler[]): void {
    this.handlers.length = 0;
    this.handlers.push(...saved);
  }

  constIndexOf(c: Const): number {
    const key = constKey(c);
    if (key !== null) {
      const found = this.constIndex.get(key);
      if (found !== undefined) return found;
      this.constIndex.set(key, this.consts.length);
    }
    this.consts.push(c);
    return this.consts.length - 1;
  }

  nameIndexOf(name: string): number {
    const found = this.nameIndex.get(name);
    if (found !== undefined) return found;
    this.nameIndex.set(name, this.names.length);
    this.names.push(name);
    return this.names.length - 1;
  }

  get length(): number {
    return this.instrs.length;
  }

  /** The op of the last real instruction, or -1 (used to skip redundant returns). */
  lastOp(): number {
    for (let i = this.instrs.length - 1; i >= 0; i--) if (this.instrs[i].op !== SETUP) return this.instrs[i].op;
    return -1;
  }

  /** Raw instruction list with markers and labels, for debugging the code generator. */
  dumpRaw(): string {
    const labels = new Map<number, number>();
    return this.instrs
      .map((ins, i) => {
        void labels;
        const name = ins.op === SETUP ? `SETUP -> @${ins.handler!.target.at} adj ${ins.handler!.adjust}` : OPS[ins.op].name;
        const arg = ins.label ? `@${ins.label.at}` : String(ins.arg);
        return `${i}: ${name} ${arg} [h=${ins.handler ? '@' + ins.handler.target.at : '-'}]`;
      })
      .join('\n');
  }

  assemble(key: string): CodeObject {
    const n = this.instrs.length;
    const depthAt = new Int32Array(n + 1).fill(-1);
    let maxDepth = 0;
    const work: number[] = [];
    const visit = (i: number, d: number): void => {
      if (i > n) return;
      if (depthAt[i] === -1) {
        depthAt[i] = d;
        work.push(i);
      } else if (depthAt[i] !== d) {
        throw new Error(`internal compiler error: stack depth mismatch at ${i} (${depthAt[i]} vs ${d}) in ${this.info.qualname}` + (process.env.EDGEPYC_DEBUG_CODEGEN ? '\n' + this.dumpRaw() : ''));
      }
    };
    visit(0, 0);
    while (work.length > 0) {
      let i = work.pop()!;
      let d = depthAt[i];
      // Walk straight-line code until a terminal instruction.
      for (; i < n; i++) {
        if (depthAt[i] !== -1 && depthAt[i] !== d) {
          throw new Error(`internal compiler error: stack depth mismatch at ${i} in ${this.info.qualname}`);
        }
        if (depthAt[i] === -1) depthAt[i] = d;
        const ins = this.instrs[i];
        if (ins.op === SETUP) {
          const h = ins.handler!;
          h.depth = d + h.adjust;
          visit(h.target.at, h.depth + 1);
          continue;
        }
        if (isBranch(ins.op)) visit(ins.label!.at, d + branchEffect(ins.op, ins.arg));
        d += stackEffect(ins.op, ins.arg);
        if (d < 0) throw new Error(`internal compiler error: negative stack depth at ${i} in ${this.info.qualname}` + (process.env.EDGEPYC_DEBUG_CODEGEN ? "\n" + this.dumpRaw() : ""));
        if (d > maxDepth) maxDepth = d;
        if (isJumpOp(ins.op) && !isBranch(ins.op)) {
          visit(ins.label!.at, d);
          break;
        }
        if (isTerminal(ins.op)) break;
        if (i + 1 < n && depthAt[i + 1] !== -1) {
          if (depthAt[i + 1] !== d) throw new Error(`internal compiler error: depth mismatch falling into ${i + 1} in ${this.info.qualname}`);
          break;
        }
      }
    }
    // Keep reachable real instructions; map old indices to new ones.
    const newIndex = new Int32Array(n + 1);
    const kept: Instr[] = [];
    for (let i = 0; i < n; i++) {
      newIndex[i] = kept.length;
      const ins = this.instrs[i];
      if (ins.op !== SETUP && depthAt[i] !== -1) kept.push(ins);
    }
    newIndex[n] = kept.length;
    // A label may point at a dropped instruction: it resolves to the next kept one.
    const m = kept.length;
    const ops = new Uint8Array(m);
    const args = new Int32Array(m);
    const lines = new Int32Array(m);
    const spans = new Int32Array(2 * m);
    for (let j = 0; j < m; j++) {
      const ins = kept[j];
      ops[j] = ins.op;
      args[j] = ins.label ? newIndex[ins.label.at] : ins.arg;
      lines[j] = ins.line;
      spans[2 * j] = ins.spanStart;
      spans[2 * j + 1] = ins.spanEnd;
    }
    const table: ExceptionEntry[] = [];
    for (let j = 0; j < m; j++) {
      const h = kept[j].handler;
      if (h === null || h.depth < 0) continue;
      const target = newIndex[h.target.at];
      const last = table[table.length - 1];
      if (last && last.end === j && last.target === target && last.depth === h.depth) {
        table[table.length - 1] = { ...last, end: j + 1 };
      } else table.push({ start: j, end: j + 1, target, depth: h.depth, lasti: false });
    }
    const info = this.info;
    const cell2arg = new Int32Array(info.cellvars.length).fill(-1);
    const nargs = info.argcount + info.kwonlyargcount + ((info.flags & 0x4) ? 1 : 0) + ((info.flags & 0x8) ? 1 : 0);
    info.cellvars.forEach((c, ci) => {
      const ai = info.varnames.indexOf(c);
      if (ai >= 0 && ai < nargs) cell2arg[ci] = ai;
    });
    return {
      name: info.name,
      qualname: info.qualname,
      filename: info.source.filename,
      source: info.source,
      firstLine: info.firstLine,
      argcount: info.argcount,
      posonlyargcount: info.posonlyargcount,
      kwonlyargcount: info.kwonlyargcount,
      flags: info.flags,
      varnames: info.varnames,
      cellvars: info.cellvars,
      freevars: info.freevars,
      cell2arg,
      names: this.names,
      consts: this.consts,
      stacksize: maxDepth + 1,
      nlocals: info.varnames.length,
      nlocalsplus: info.varnames.length + info.cellvars.length + info.freevars.length,
      ops,
      args,
      lines,
      spans,
      exceptionTable: table,
      docstring: info.docstring,
      key,
    };
  }
}

/** Sanity check used by tests: every jump targets an instruction, every op is known. */
export function verifyCode(co: CodeObject): string[] {
  const problems: string[] = [];
  for (let i = 0; i < co.ops.length; i++) {
    const op = co.ops[i];
    if (op >= OPS.length) problems.push(`${i}: unknown op ${op}`);
    else if (isJumpOp(op) && (co.args[i] < 0 || co.args[i] > co.ops.length)) problems.push(`${i}: jump out of range`);
  }
  if (co.ops.length > 0 && !isTerminal(co.ops[co.ops.length - 1]) && co.ops[co.ops.length - 1] !== Op.NOP) {
    problems.push('code can fall off the end');
  }
  return problems;
}
