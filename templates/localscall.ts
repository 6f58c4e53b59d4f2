// Template helper: a direct call `locals()`, `vars()` or `dir()` with no argument (CALL 0 with
// the `localsCall` fact, `SCOPE:KIND`).
//
// The program builder (src/native/program.ts localsCallName) marks the CALL right after the
// load of the builtin; the callee slot gets what rt_locals_call (runtime/core/localscall.ts)
// returns for the caller's namespace: the frame and code object of a function, the namespace
// value of a class body (hidden slot 0), or the module descriptor alone at module level.

import { ecx, edi, esi, mem, qword, rax, rbx, rdi, rdx, rsi } from '../src/asm/index.js';
import { H, S, type TplAsm } from '../src/native/stencil.js';
import { isEvalScope } from './evalcall.js';
import { callRt, excCheck } from './util.js';

/** ecx of rt_locals_call (runtime/core/localscall.ts reads the same numbers). */
export const LOCALS_KIND = { locals: 0, vars: 1, dir: 2 } as const;

/** Contract: stack = callee slot (CALL 0) -> the callee slot gets the namespace (or dir's list); may allocate, may raise. */
export function emitLocalsCall(a: TplAsm, fact: string): void {
  const [scope, kind] = fact.split(':');
  if (!isEvalScope(scope) || !(kind in LOCALS_KIND)) throw new Error(`localsCall: bad fact ${fact}`);
  if (scope === 'function') {
    a.mov(rdi, rbx);
    a.lea(rsi, H.code());
  } else {
    if (scope === 'class') a.mov(rdi, qword(mem(rbx, 0)));
    else a.xor(edi, edi);
    a.xor(esi, esi);
  }
  a.lea(rdx, H.moduleInfo());
  a.mov(ecx, LOCALS_KIND[kind as keyof typeof LOCALS_KIND]);
  callRt(a, 'rt_locals_call');
  excCheck(a);
  a.mov(S(-1), rax);
}


