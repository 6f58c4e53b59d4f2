// Type facts for the optimized copy of a function (stitch.ts): a forward dataflow pass over
// the bytecode CFG that finds which operand-stack positions and fast locals hold a small
// int (tag TAG_INT) or a range_iterator at each instruction boundary.
//
// The facts hold in the OPTIMIZED copy only, because that copy leaves for the SAFE copy
// (a 'deopt' jump, same frame) whenever a value that a fact describes could break it:
//   - a specialized int op (*_INT) whose generic path ran: its result may be anything;
//   - FOR_ITER_RANGE whose value took the generic or the big-int path;
//   - the range-iterator guard after GET_ITER (RANGE_ITER_GUARD) or the entry guard on
//     int parameters (ENTRY_INT_GUARD) failing.
// So a fact at instruction i means: whenever the optimized copy's code for i starts, the
// frame slot holds such a value. Facts come from small-int LOAD_CONST, the results above,
// STORE_FAST/LOAD_FAST; only the *_FAST ops write a fast local (cells and free variables
// have their own slots, nothing outside the frame writes a fast local), and an op only
// writes the stack positions it pops and pushes (slots below stay as they are). Joins
// intersect. Exception handlers are not entered in the optimized copy (the handler code
// is the safe copy's), so exception edges are not followed here.

import { type CodeObject, isGeneratorLike } from '../bytecode/code.js';
import { GENERIC, INTRINSICS, OPS, type OpDef } from '../bytecode/ops.js';
import { INT48_MAX, INT48_MIN } from './layout.js';

/**
 * What is known about one value: nothing, a small int, a range_iterator whose remaining
 * values are all small ints (RANGE_ITER_GUARD checks both; the remaining values of an
 * iterator only shrink to a suffix of the same progression).
 */
export const Fact = { None: 0, Int: 1, RangeIter: 2 } as const;
export type Fact = (typeof Fact)[keyof typeof Fact];

/** Specialized ops whose result is a small int on every path the optimized copy continues on. */
export const INT_RESULT_OPS: ReadonlySet<string> = new Set([
  'BINARY_OP_ADD_INT',
  'BINARY_OP_SUB_INT',
  'BINARY_OP_MUL_INT',
  'BINARY_OP_FLOORDIV_INT',
  'BINARY_OP_MOD_INT',
  'BINARY_OP_BITWISE_INT',
]);

/** Specialized ops that check both operands to be small ints (they profit from facts). */
const INT_OPERAND_OPS: ReadonlySet<string> = new Set([...INT_RESULT_OPS, 'COMPARE_OP_INT', 'COMPARE_OP_INT_JUMP']);

export interface FunctionFacts {
  /** Per instruction: facts of the stack positions (index 0 = bottom) before it, or null (unreachable in the optimized copy). */
  readonly stack: readonly (Uint8Array | null)[];
  /** Per instruction: facts of the fast locals before it, or null. */
  readonly locals: readonly (Uint8Array | null)[];
  /** GET_ITER instructions followed by a range-iterator guard. */
  readonly guardedIters: ReadonlySet<number>;
  /** Parameters (local indices) checked to be small ints on entry. */
  readonly intParams: readonly number[];
  /** Whether the facts remove any check at all (else an optimized copy is pointless). */
  readonly useful: boolean;
}

function effect(e: OpDef['pop'], arg: number): number {
  return typeof e === 'number' ? e : e(arg);
}

function smallIntConst(co: CodeObject, index: number): boolean {
  const c = co.consts[index];
  return c.k === 'int' && BigInt(c.v) >= INT48_MIN && BigInt(c.v) <= INT48_MAX;
}

const OWN_LOOP_ITER = INTRINSICS.indexOf('OWN_LOOP_ITER');
const CLOSE_LOOP_ITER = INTRINSICS.indexOf('CLOSE_LOOP_ITER');

/**
 * The facts of `co` compiled with `chosen` (the op each instruction compiles as; fused
 * instructions keep their generic name), or null when the function gets no optimized copy
 * (generators: their frames are resumed at fixed points of one copy).
 */
export function analyzeFacts(co: CodeObject, chosen: readonly string[], depths: Int32Array): FunctionFacts | null {
  if (isGeneratorLike(co)) return null;
  const n = co.ops.length;
  const generic = (i: number): string => OPS[GENERIC[co.ops[i]]].name;
  const jumpTargets = new Set<number>();
  for (let i = 0; i < n; i++) if (OPS[GENERIC[co.ops[i]]].arg === 'jump') jumpTargets.add(co.args[i]);

  // Range-iterator guards: a GET_ITER whose loop head (after OWN_LOOP_ITER) compiles as
  // FOR_ITER_RANGE, with the guard placed before the next instruction when nothing else
  // jumps there (a loop head would run it every iteration).
  const guardedIters = new Set<number>();
  for (let i = 0; i + 1 < n; i++) {
    if (generic(i) !== 'GET_ITER' || depths[i] < 0 || jumpTargets.has(i + 1)) continue;
    let k = i + 1;
    while (k < n && generic(k) === 'CALL_INTRINSIC_1' && co.args[k] === OWN_LOOP_ITER && !jumpTargets.has(k)) k++;
    if (k < n && chosen[k] === 'FOR_ITER_RANGE') guardedIters.add(i);
  }

  // Int parameters: never stored or deleted, and directly an operand of a specialized int
  // op somewhere (pushed right before it, or right before the other operand's push).
  const nparams = co.argcount + co.kwonlyargcount;
  const written = new Set<number>();
  for (let i = 0; i < n; i++) {
    const g = generic(i);
    if (g === 'STORE_FAST' || g === 'DELETE_FAST') written.add(co.args[i]);
  }
  const intParams = new Set<number>();
  const pushesOne = (k: number): boolean => generic(k) === 'LOAD_FAST' || generic(k) === 'LOAD_CONST';
  for (let i = 0; i < n; i++) {
    if (generic(i) !== 'LOAD_FAST' || depths[i] < 0) continue;
    const p = co.args[i];
    if (p >= nparams || written.has(p) || co.cell2arg.includes(p)) continue;
    const feeds = (i + 1 < n && INT_OPERAND_OPS.has(chosen[i + 1]) && !jumpTargets.has(i + 1)) || (i + 2 < n && pushesOne(i + 1) && INT_OPERAND_OPS.has(chosen[i + 2]) && !jumpTargets.has(i + 1) && !jumpTargets.has(i + 2));
    if (feeds) intParams.add(p);
  }

  const stackIn: (Uint8Array | null)[] = new Array(n).fill(null);
  const localsIn: (Uint8Array | null)[] = new Array(n).fill(null);
  const work: number[] = [];
  const merge = (i: number, stack: Uint8Array, locals: Uint8Array): void => {
    if (i < 0 || i >= n || depths[i] < 0) return;
    if (stack.length !== depths[i]) throw new Error(`${co.qualname}: facts: depth ${stack.length} at ${i}, expected ${depths[i]}`);
    const s = stackIn[i];
    const l = localsIn[i];
    if (s === null || l === null) {
      stackIn[i] = stack.slice();
      localsIn[i] = locals.slice();
      work.push(i);
      return;
    }
    let changed = false;
    for (let k = 0; k < s.length; k++) if (s[k] !== Fact.None && s[k] !== stack[k]) { s[k] = Fact.None; changed = true; }
    for (let k = 0; k < l.length; k++) if (l[k] !== Fact.None && l[k] !== locals[k]) { l[k] = Fact.None; changed = true; }
    if (changed) work.push(i);
  };
  const entryLocals = new Uint8Array(co.nlocals);
  for (const p of intParams) entryLocals[p] = Fact.Int;
  merge(0, new Uint8Array(0), entryLocals);

  while (work.length > 0) {
    const i = work.pop()!;
    const stack = Array.from(stackIn[i]!);
    const locals = localsIn[i]!.slice();
    const def = OPS[GENERIC[co.ops[i]]];
    const g = def.name;
    const arg = co.args[i];
    const c = chosen[i];
    const pop = (k: number): void => {
      stack.length -= k;
    };
    if (g === 'FOR_ITER') {
      // The iterator stays below the value; the exhausted edge pops it.
      const exhausted = stack.slice(0, -1);
      merge(arg, Uint8Array.from(exhausted), locals);
      if (c === 'FOR_ITER_RANGE') {
        // A range iterator stays one (the guard's fact), and its values are small ints on
        // every path the optimized copy continues on.
        if (stack[stack.length - 1] !== Fact.RangeIter) stack[stack.length - 1] = Fact.None;
        stack.push(Fact.Int);
      } else {
        stack[stack.length - 1] = Fact.None;
        stack.push(Fact.None);
      }
      merge(i + 1, Uint8Array.from(stack), locals);
      continue;
    }
    let branchStack: number[] | null = null;
    if (def.branch === true) {
      branchStack = stack.slice(0, stack.length - (def.branchPop ?? effect(def.pop, arg)));
      for (let k = 0; k < (def.branchPush ?? effect(def.push, arg)); k++) branchStack.push(Fact.None);
    }
    switch (g) {
      case 'LOAD_CONST':
        stack.push(smallIntConst(co, arg) ? Fact.Int : Fact.None);
        break;
      case 'LOAD_FAST':
        stack.push(locals[arg]);
        break;
      case 'STORE_FAST':
        locals[arg] = stack.pop()!;
        break;
      case 'DELETE_FAST':
        locals[arg] = Fact.None;
        break;
      case 'GET_ITER':
        pop(1);
        stack.push(guardedIters.has(i) ? Fact.RangeIter : Fact.None);
        break;
      case 'CALL_INTRINSIC_1':
        // These two leave TOS as it is (they only note or close the loop's iterator).
        if (arg !== OWN_LOOP_ITER && arg !== CLOSE_LOOP_ITER) stack[stack.length - 1] = Fact.None;
        break;
      case 'BINARY_OP':
        pop(2);
        stack.push(INT_RESULT_OPS.has(c) ? Fact.Int : Fact.None);
        break;
      default:
        pop(effect(def.pop, arg));
        for (let k = 0; k < effect(def.push, arg); k++) stack.push(Fact.None);
    }
    if (branchStack !== null) merge(arg, Uint8Array.from(branchStack), locals);
    if (def.terminal === true) {
      if (def.arg === 'jump') merge(arg, Uint8Array.from(stack), locals);
      continue;
    }
    merge(i + 1, Uint8Array.from(stack), locals);
  }

  // Useful: some guard goes away.
  let useful = guardedIters.size > 0;
  for (let i = 0; i < n && !useful; i++) {
    const s = stackIn[i];
    if (s === null) continue;
    if (INT_OPERAND_OPS.has(chosen[i]) && (s[s.length - 1] === Fact.Int || s[s.length - 2] === Fact.Int)) useful = true;
  }
  return { stack: stackIn, locals: localsIn, guardedIters, intParams: [...intParams].sort((a, b) => a - b), useful };
}
