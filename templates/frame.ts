// Templates of a function's frame: entry, locals, cells, exit and the exception paths.
//
// Entry ABI of a compiled function: rdi = frame base on the value stack (the positional
// arguments already in slots 0..argcount-1, keyword-only and */** parameters after them),
// rsi = the function object. rbx becomes the frame base for the whole body; the function
// returns its value in rax (EXC when it raised, with the exception in rt_exc).
//
// Exception paths: a raising instruction jumps to its EXC_THUNK (instruction index in
// esi), which jumps to the HANDLER block of its exception-table entry (or the unwinding
// one): that block adds a traceback entry for this frame (rt_tb_add), then either stores
// the exception in the handler's stack slot and jumps to the handler, or leaves through
// UNWIND. Re-raises skip the traceback entry (HANDLER_NO_TB), as in CPython.

import { ecx, esi, hole, mem, qword, rax, rbx, rcx, rdi, rdx, rsi, sib, sym } from '../src/asm/index.js';
import { boxInt, FUNCTION, GEN_RUNNING, GENERATOR, TUPLE } from '../src/native/layout.js';
import { cold, D, GEN, H, type HoleDesc, L, RT, S, SLOT, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt } from './util.js';

/** Leave the function with rax (EXIT; RETURN_VALUE and RETURN_CONST inline it). */
export function leaveFrame(a: TplAsm): void {
  a.inc(RT('rt_recursion_room'));
  a.pop(rbx);
  a.ret();
}

/** Strip the tag of the object value in `r` (leaves its address). */
function unbox(a: TplAsm, r: typeof rax): void {
  a.shl(r, 16);
  a.shr(r, 16);
}

export const frameTemplates: TemplateDef<any>[] = [
  {
    op: 'ENTER',
    doc: 'push rbx, frame base from rdi, value-stack top and recursion depth checks',
    emit(a: TplAsm) {
      const overflow = cold((c) => {
        callRt(c, 'rt_raise_recursion');
        c.pop(rbx);
        c.ret();
      });
      const deep = cold((c) => {
        c.inc(RT('rt_recursion_room'));
        callRt(c, 'rt_raise_recursion');
        c.pop(rbx);
        c.ret();
      });
      a.push(rbx);
      a.mov(rbx, rdi);
      a.lea(rax, mem(rbx, hole.disp32<HoleDesc>({ k: 'frameBytes' })));
      a.cmp(rax, RT('rt_vs_limit'));
      a.ja(overflow);
      // rt_vs_top is set by the body's runtime calls (templates/util.ts setTop), not here.
      // The depth counts down (runtime/core/protocol.ts rt_recursion_room).
      a.dec(RT('rt_recursion_room'));
      a.jl(deep);
      // Dropped where the body follows; kept by the int entry's copy (stitch.ts intEntryPiece).
      a.jmp(H.next());
    },
  },
  {
    op: 'INIT_LOCALS',
    doc: 'locals that are not parameters start unbound: slots [slot, slot+count)',
    emit(a: TplAsm) {
      // rsi (the function object) stays live for COPY_FREE_VARS.
      a.lea(rdi, mem(rbx, hole.disp32<HoleDesc>({ k: 'slot' })));
      a.mov(ecx, H.count());
      a.mov(rax, RT('rt_const_unbound'));
      a.rep_stosq();
      a.jmp(H.next()); // as ENTER's
    },
  },
  {
    op: 'COPY_FREE_VARS',
    doc: 'the cells of the closure (function object in rsi) into the free-variable slots [slot, ...)',
    emit(a: TplAsm) {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.mov(rax, rsi);
      unbox(a, rax);
      a.mov(rax, qword(mem(rax, FUNCTION.closure)));
      unbox(a, rax);
      a.lea(rdi, mem(rbx, hole.disp32<HoleDesc>({ k: 'slot' })));
      a.xor(ecx, ecx);
      a.bind(loop);
      a.cmp(rcx, qword(mem(rax, TUPLE.length)));
      a.jae(done);
      a.mov(rdx, qword(sib(rax, rcx, 8, TUPLE.items)));
      a.mov(qword(sib(rdi, rcx, 8)), rdx);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(done);
    },
  },
  {
    op: 'MAKE_CELL',
    doc: 'a new cell for cell variable arg, holding parameter next.arg (fromArg) or unbound',
    variant: (ins) => ({ fromArg: ins.next !== null && ins.next.arg >= 0 }),
    emit(a: TplAsm, p: { fromArg: boolean }) {
      if (p.fromArg) a.mov(rdi, L(1));
      else a.mov(rdi, RT('rt_const_unbound'));
      callRt(a, 'rt_cell_new');
      a.mov(D(0), rax);
    },
  },
  // ---- generators: calling the function makes the generator (GEN_*), resuming it enters
  // at GEN_RESUME_ENTRY, which jumps to the resume point of its state.
  {
    op: 'GEN_PROLOGUE',
    doc: 'generator function: keep the function in the generator slot until the generator exists',
    emit(a: TplAsm) {
      a.mov(GEN(), rsi);
    },
  },
  {
    op: 'GEN_CREATE',
    doc: 'copy the set-up frame into a new generator object and return it',
    emit(a: TplAsm) {
      a.mov(rdi, rbx);
      a.mov(rsi, GEN());
      callRt(a, 'rt_gen_create');
      a.jmp(H.exit());
    },
  },
  {
    op: 'GEN_RESUME_ENTRY',
    doc: 'resume entry (rdi = the frame copied to the value stack): to the resume point of the state',
    emit(a: TplAsm) {
      const overflow = a.newLabel();
      a.push(rbx);
      a.mov(rbx, rdi);
      a.dec(RT('rt_recursion_room'));
      a.jl(overflow);
      // The state picks the resume point; the generator is running from here on.
      a.mov(rcx, GEN());
      unbox(a, rcx);
      a.mov(rax, qword(mem(rcx, GENERATOR.state)));
      a.shl(rax, 16);
      a.sar(rax, 16);
      a.mov(rdx, boxInt(BigInt(GEN_RUNNING)));
      a.mov(qword(mem(rcx, GENERATOR.state)), rdx);
      a.lea(rcx, H.resumeTable());
      a.jmp(qword(sib(rcx, rax, 8)));
      a.bind(overflow);
      a.inc(RT('rt_recursion_room'));
      callRt(a, 'rt_raise_recursion');
      a.pop(rbx);
      a.ret();
    },
  },
  {
    op: 'RESUME_AFTER_YIELD',
    doc: 'back from a yield: the sent value replaces the yielded one, or the thrown exception raises here; in a `yield from`/`await` loop mode 2 (the delegate returned the sent value while an exception was thrown into it) replaces the delegate by UNBOUND, which SEND (rt_send) takes as returning the value',
    variant: (ins) => ({ delegating: ins.facts.delegating === true }),
    emit(a: TplAsm, p: { delegating: boolean }) {
      if (p.delegating) {
        const send = a.newLabel();
        a.cmp(RT('rt_gen_throwing'), 0);
        a.je(send);
        a.cmp(RT('rt_gen_throwing'), 2);
        a.jne(H.exc());
        a.mov(rax, RT('rt_const_unbound'));
        a.mov(S(-2), rax);
        a.bind(send);
      } else {
        a.cmp(RT('rt_gen_throwing'), 0);
        a.jne(H.exc());
      }
      a.mov(rax, RT('rt_gen_sent'));
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'EXIT',
    doc: 'leave with rax: recursion depth back, caller frame base back',
    emit(a: TplAsm) {
      leaveFrame(a);
    },
  },
  {
    op: 'UNWIND',
    doc: 'leave with EXC (the exception is in rt_exc)',
    emit(a: TplAsm) {
      a.mov(rax, RT('rt_const_exc'));
      a.jmp(H.exit());
    },
  },
  {
    op: 'EXC_THUNK',
    doc: 'a raising instruction: its index (esi) for the traceback, then its handler block',
    emit(a: TplAsm) {
      a.mov(esi, H.instr());
      a.jmp(H.target());
    },
  },
  {
    op: 'HANDLER',
    doc: 'traceback entry for this frame (esi = instruction), then the handler (exception in its slot) or unwind; the generators of the loops left are finalized',
    variant: (ins) => handlerVariant(ins.facts),
    emit(a: TplAsm, p: HandlerVariant) {
      a.lea(rdi, H.code());
      callRt(a, 'rt_tb_add');
      dropLoopIters(a, p);
      if (p.handled) toHandler(a);
      else a.jmp(H.unwind());
    },
  },
  {
    op: 'HANDLER_NO_TB',
    doc: 'a re-raise: to the handler (exception in its slot) or unwind, without a traceback entry; the generators of the loops left are finalized',
    variant: (ins) => handlerVariant(ins.facts),
    emit(a: TplAsm, p: HandlerVariant) {
      dropLoopIters(a, p);
      if (p.handled) toHandler(a);
      else a.jmp(H.unwind());
    },
  },
];

type HandlerVariant = { handled: boolean; dropsLoops: boolean; lasti: boolean; compLocals: number };

function handlerVariant(facts: Record<string, unknown>): HandlerVariant {
  return { handled: facts.handled === true, dropsLoops: facts.dropsLoops === true, lasti: facts.lasti === true, compLocals: typeof facts.compLocals === 'number' ? facts.compLocals : 0 };
}

/**
 * Exception unwinding drops the value stack above the handler's depth (all of it when the
 * exception leaves the frame): the generators loops there own are finalized then, as
 * CPython's reference counting does (rt_drop_loop_iters scans up to the frame's end).
 */
function dropLoopIters(a: TplAsm, p: HandlerVariant): void {
  if (!p.dropsLoops) return;
  // A comprehension leaving by an exception: the slot is its first local, the stack starts
  // compLocals words above.
  a.lea(rdi, mem(rbx, hole.disp32<HoleDesc>({ k: 'slot' })));
  if (p.handled && p.lasti) a.sub(rdi, 8);
  a.mov(esi, 8 * p.compLocals);
  callRt(a, 'rt_drop_loop_iters');
}

/** The handler gets the exception on its stack; rt_exc is cleared. */
function toHandler(a: TplAsm): void {
  a.mov(rax, RT('rt_exc'));
  a.mov(SLOT(), rax);
  a.mov(rax, RT('rt_const_unbound'));
  a.mov(RT('rt_exc'), rax);
  a.jmp(H.target());
}
