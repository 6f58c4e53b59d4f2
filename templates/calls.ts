// Specialized call templates: a Python function called with exactly its positional
// parameters runs with its frame placed on the caller's argument slots (no copying).
// The profile may name the callee of a call site; then the template compares the callable
// with the function object the site saw last (a rooted cache word, stencil.ts 'rootCache')
// and calls the callee's entry directly; a new object is checked for being a function with
// the callee's code once, then cached.

import { ecx, edx, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sym } from '../src/asm/index.js';
import { CODE, FUNCTION, TAG_OBJ } from '../src/native/layout.js';
import { cold, H, type InstrView, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck, flowOf } from './util.js';

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

/** Slow unless rax is a function object; leaves its code in rcx (clobbers rdx). */
function checkFunction(a: TplAsm, slow: ReturnType<typeof cold>): void {
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
}

/**
 * Enter the profiled callee (function object in rax) on the argument slots; at its int entry
 * (no ENTRY_INT_GUARDs, stitch.ts INT_ENTRY_SUFFIX) when every argument is a known small int.
 */
function directCall(a: TplAsm, ints: boolean): void {
  a.lea(rdi, SA(0, 1));
  a.mov(rsi, rax);
  a.call(H.callee(ints));
  excCheck(a);
  a.mov(S(-1, 1), rax);
}

/** Every argument is a small int by the facts (the Flow knows the two top positions). */
function argsAreInts(ins: InstrView): boolean {
  if (ins.arg < 1 || ins.arg > 2) return false;
  const ints = flowOf({ flow: ins.facts.flow as string | undefined }).ints ?? [];
  for (let k = 1; k <= ins.arg; k++) if (!ints.includes(-k)) return false;
  return true;
}

export const callTemplates: TemplateDef<any>[] = [
  {
    op: 'CALL_PY_EXACT_ARGS',
    doc: 'callable is a Python function taking exactly arg positional parameters (direct: the profiled callee)',
    variant: (ins) => ({ direct: typeof ins.facts.callee === 'string', gen: ins.facts.generator === true, ints: argsAreInts(ins) }),
    // The result, on the fast path and in genericCall.
    out: () => ({ rax: -1 }),
    emit(a: TplAsm, p: { direct: boolean; gen: boolean; ints: boolean }) {
      const slow = cold(genericCall);
      if (p.gen) {
        // In a generator the callee's frame (from the arguments' slots on) would cover the
        // slot after the operand stack that holds the generator (stitch.ts genSlot).
        a.jmp(slow);
        return;
      }
      a.mov(rax, S(-1, 1));
      if (p.direct) {
        // The function object seen last at this site, kept alive by its rooted cache word:
        // the same object has the same code (a function's __code__ cannot be assigned
        // natively: program.ts INTROSPECTION_ATTRS), so one compare proves the callee.
        const check = cold((c) => {
          checkFunction(c, slow);
          c.lea(rdx, H.calleeCode());
          c.cmp(rcx, rdx);
          c.jne(slow);
          c.mov(H.rootCache(), rax);
          directCall(c, p.ints);
          c.jmp(H.next());
        });
        a.cmp(rax, H.rootCache());
        a.jne(check);
        directCall(a, p.ints);
        return;
      }
      checkFunction(a, slow);
      a.cmp(qword(mem(rcx, CODE.exactArgs)), H.arg());
      a.jne(slow);
      a.lea(rdi, SA(0, 1));
      a.mov(rsi, rax);
      a.call(qword(mem(rcx, CODE.entry)));
      excCheck(a);
      a.mov(S(-1, 1), rax);
    },
  },
];
