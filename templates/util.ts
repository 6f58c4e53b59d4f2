// Shared pieces of templates: the exception check after a runtime call, restoring the
// value-stack top after a call, loading static objects.

import { type Gpr, hole, mem, rax, rbx, rcx, sym } from '../src/asm/index.js';
import { H, type HoleDesc, RT, type TplAsm } from '../src/native/stencil.js';

/** `cmp rax, EXC; je <exception path>` after a runtime call that may raise. */
export function excCheck(a: TplAsm, r: Gpr<64> = rax): void {
  a.cmp(r, RT('rt_const_exc'));
  a.je(H.exc());
}

/** After a call: the value stack's top is the end of this frame again. */
export function restoreTop(a: TplAsm, tmp: Gpr<64> = rcx): void {
  a.lea(tmp, mem(rbx, hole.disp32<HoleDesc>({ k: 'frameBytes' })));
  a.mov(RT('rt_vs_top'), tmp);
}

/** `movabs r, <boxed address of the static object name>` (obj_None, type_int, ...). */
export function loadStatic(a: TplAsm, r: Gpr<64>, name: string): void {
  a.mov(r, sym(`box:${name}`) as never);
}
