// Specialized call templates: a Python function called with exactly its positional
// parameters runs with its frame placed on the caller's argument slots (no copying).
// The profile may name the callee of a call site; then the template checks that the
// callable is a function with that code and calls its entry directly.

import { ecx, edx, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sym } from '../src/asm/index.js';
import { CODE, FUNCTION, TAG_OBJ } from '../src/native/layout.js';
import { cold, H, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

function genericCall(a: TplAsm): void {
  a.mov(rdi, S(-1, 1));
  a.lea(rsi, SA(0, 1));
  a.mov(edx, H.arg());
  a.xor(ecx, ecx);
  callRt(a, 'rt_call');
  excCheck(a);
  a.mov(S(-1, 1), rax);
  a.jmp(H.next());
}

export const callTemplates: TemplateDef<any>[] = [
  {
    op: 'CALL_PY_EXACT_ARGS',
    doc: 'callable is a Python function taking exactly arg positional parameters (direct: the profiled callee)',
    variant: (ins) => ({ direct: typeof ins.facts.callee === 'string', gen: ins.facts.generator === true }),
    // The result, on the fast path and in genericCall.
    out: () => ({ rax: -1 }),
    emit(a: TplAsm, p: { direct: boolean; gen: boolean }) {
      const slow = cold(genericCall);
      if (p.gen) {
        // In a generator the callee's frame (from the arguments' slots on) would cover the
        // slot after the operand stack that holds the generator (stitch.ts genSlot).
        a.jmp(slow);
        return;
      }
      a.mov(rax, S(-1, 1));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(slow);
      a.mov(rdx, rax);
      a.shl(rdx, 16);
      a.shr(rdx, 16);
      a.lea(rcx, rip(sym('type_function')));
      a.cmp(qword(mem(rdx)), rcx);
      a.jne(slow);
      a.mov(rcx, qword(mem(rdx, FUNCTION.code)));
      if (p.direct) {
        a.lea(rdx, H.calleeCode());
        a.cmp(rcx, rdx);
        a.jne(slow);
        a.lea(rdi, SA(0, 1));
        a.mov(rsi, rax);
        a.call(H.callee());
      } else {
        a.cmp(qword(mem(rcx, CODE.exactArgs)), H.arg());
        a.jne(slow);
        a.lea(rdi, SA(0, 1));
        a.mov(rsi, rax);
        a.call(qword(mem(rcx, CODE.entry)));
      }
      excCheck(a);
      a.mov(S(-1, 1), rax);
    },
  },
];
