// Stack depth at every instruction, recomputed from the op table.
//
// The operand stack lives in fixed frame slots (ops.ts), so an executor that addresses
// stack positions statically (the native backend) needs the depth before each
// instruction. This walks the control-flow graph with each op's declared stack effect
// (fall-through and branch effects differ for some ops) and enters every exception
// handler with its table depth plus the pushed exception (and lasti). It doubles as a
// verifier: inconsistent depths at a join are an error.

import type { CodeObject } from './code.js';
import { GENERIC, OPS } from './ops.js';

function effect(e: number | ((arg: number) => number), arg: number): number {
  return typeof e === 'number' ? e : e(arg);
}

/** Depth before each instruction (-1 for unreachable ones). */
export function stackDepths(co: CodeObject): Int32Array {
  const n = co.ops.length;
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  const enter = (i: number, d: number, from: number): void => {
    if (i < 0 || i >= n) throw new Error(`${co.qualname}: jump out of range at ${from}`);
    if (depth[i] === -1) {
      depth[i] = d;
      work.push(i);
    } else if (depth[i] !== d) {
      throw new Error(`${co.qualname}: stack depth ${d} from instruction ${from} disagrees with ${depth[i]} at ${i}`);
    }
  };
  enter(0, 0, 0);
  for (const h of co.exceptionTable) {
    // Handlers are reachable when their protected range is; entering them eagerly is safe
    // because the table only covers reachable code.
    enter(h.target, h.depth + (h.lasti ? 2 : 1), h.start);
  }
  while (work.length > 0) {
    const i = work.pop()!;
    const d = depth[i];
    const def = OPS[GENERIC[co.ops[i]]];
    const arg = co.args[i];
    const after = d - effect(def.pop, arg) + effect(def.push, arg);
    if (after < 0) throw new Error(`${co.qualname}: stack underflow at ${i} (${def.name})`);
    if (def.branch) {
      const taken = d - (def.branchPop ?? effect(def.pop, arg)) + (def.branchPush ?? effect(def.push, arg));
      enter(arg, taken, i);
    }
    if (def.terminal) {
      if (def.arg === 'jump') enter(arg, after, i);
      continue;
    }
    if (i + 1 < n) enter(i + 1, after, i);
  }
  return depth;
}
