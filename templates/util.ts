// Shared pieces of templates: the exception check after a runtime call, restoring the
// value-stack top after a call, loading static objects.

import { type Gpr, hole, mem, r11, rax, rbx, sym } from '../src/asm/index.js';
import { H, type HoleDesc, RT, type TplAsm } from '../src/native/stencil.js';

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
