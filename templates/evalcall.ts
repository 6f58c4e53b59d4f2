// Template helper: a direct call `eval(...)` (CALL / CALL_KW with the `evalCall` fact).
//
// The program builder (src/native/program.ts) marks the call whose callee is the builtin
// eval loaded just for it, and compiles runtime/lib/_edgepyc_eval.py into the program. The
// call imports that module through the import chain the builder gives this instruction
// (the module object replaces the callee in its slot, a collector root), then
// rt_eval_call (runtime/core/evalcall.ts) passes native_eval the caller's namespaces: the
// frame and code object of a function, the namespace dict of a class body (hidden slot 0),
// or nothing at module level (the globals serve as the locals).

import { ecx, edx, esi, mem, qword, r8, r8d, r9, rax, rbx, rcx, rdi, rdx } from '../src/asm/index.js';
import { H, S, SA, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

/** Where the calling code keeps its locals. */
export type EvalScope = 'function' | 'class' | 'module';

export function isEvalScope(s: unknown): s is EvalScope {
  return s === 'function' || s === 'class' || s === 'module';
}

/** How the call passes its arguments: CALL, CALL_KW, CALL_FUNCTION_EX (without / with **kwargs). */
export type EvalCallForm = 'call' | 'kw' | 'ex' | 'exkw';

/**
 * Contract: stack = callee slot, then the arguments (CALL: `arg` values; CALL_KW: `arg` values
 * and the kwnames tuple; CALL_FUNCTION_EX: the tuple and the dict) -> the callee slot gets
 * eval's result; may allocate, may raise.
 */
export function emitEvalCall(a: TplAsm, scope: EvalScope, form: EvalCallForm): void {
  const callee = form === 'call' ? S(-1, 1) : form === 'kw' ? S(-2, 1) : form === 'ex' ? S(-2) : S(-3);
  const calleeAddr = form === 'call' ? SA(-1, 1) : form === 'kw' ? SA(-2, 1) : form === 'ex' ? SA(-2) : SA(-3);
  a.lea(rdi, H.importChain());
  callRt(a, 'rt_import_chain');
  excCheck(a);
  a.mov(callee, rax);
  a.lea(rdi, calleeAddr);
  if (form === 'call' || form === 'kw') a.mov(esi, H.arg());
  else a.mov(esi, form === 'ex' ? 1 : 2);
  if (form === 'kw') a.mov(rdx, S(-1));
  else if (form === 'call') a.xor(edx, edx);
  else a.mov(edx, 1);
  if (scope === 'function') {
    a.mov(rcx, rbx);
    a.lea(r8, H.code());
  } else {
    if (scope === 'class') a.mov(rcx, qword(mem(rbx, 0)));
    else a.xor(ecx, ecx);
    a.xor(r8d, r8d);
  }
  a.lea(r9, H.moduleInfo());
  callRt(a, 'rt_eval_call');
  excCheck(a);
  a.mov(callee, rax);
}
