// Shared pieces of templates: the exception check after a runtime call, restoring the
// value-stack top after a call, loading static objects.

import { type Gpr, hole, mem, r11, rax, rbx, rcx, sym } from '../src/asm/index.js';
import { decodeFlow, type Flow, H, type HoleDesc, RT, S, type TplAsm } from '../src/native/stencil.js';

/** `cmp rax, EXC; je <exception path>` after a runtime call that may raise. */
export function excCheck(a: TplAsm, r: Gpr<64> = rax): void {
  a.cmp(r, RT('rt_const_exc'));
  a.je(H.exc());
}

/**
 * Before a call into the runtime: the value stack's top is the end of this frame, so the
 * collector scans it and a Python function the runtime calls gets its frame above it.
 * Compiled code sets it only here (entering a function does not), so calls between
 * compiled functions cost nothing. Uses r11, which no argument register is.
 */
export function setTop(a: TplAsm): void {
  a.lea(r11, mem(rbx, hole.disp32<HoleDesc>({ k: 'frameBytes' })));
  a.mov(RT('rt_vs_top'), r11);
}

/** `setTop` then `call sym(name)`. */
export function callRt(a: TplAsm, name: string): void {
  setTop(a);
  a.call(sym(name));
}

/** `movabs r, <boxed address of the static object name>` (obj_None, type_int, ...). */
export function loadStatic(a: TplAsm, r: Gpr<64>, name: string): void {
  a.mov(r, sym(`box:${name}`) as never);
}

/** Registers a Flow can name. */
const FLOW_REGS = [rax, rcx] as const;
type FlowReg = (typeof FLOW_REGS)[number];

function flowReg(f: Flow, r: FlowReg): number | undefined {
  return r === rax ? f.rax : f.rcx;
}

/**
 * Load stack operands into rax / rcx (`wants`: register -> stack position, as `S(pos)`),
 * using what the previous piece left in registers (its Flow): a register that already
 * holds the value costs nothing, one held by the other register costs a register move,
 * the rest are loaded from the frame.
 */
export function loadOperands(a: TplAsm, flow: Flow, wants: readonly (readonly [FlowReg, number])[]): void {
  const pending = wants.filter(([r, pos]) => flowReg(flow, r) !== pos);
  const source = (pos: number): FlowReg | null => FLOW_REGS.find((r) => flowReg(flow, r) === pos) ?? null;
  const moves = pending.filter(([, pos]) => source(pos) !== null).map(([r, pos]) => [r, source(pos)!] as const);
  const loads = pending.filter(([, pos]) => source(pos) === null);
  if (moves.length === 2) {
    // rax <- rcx and rcx <- rax.
    a.xchg(rax, rcx);
  } else if (moves.length === 1) {
    const [to, from] = moves[0];
    a.mov(to, from);
  }
  for (const [r, pos] of loads) a.mov(r, S(pos));
}

/** The flow of an instruction's variant parameters (templates keep it as `flow`). */
export function flowOf(p: { flow?: string }): Flow {
  return decodeFlow(p.flow ?? '');
}
