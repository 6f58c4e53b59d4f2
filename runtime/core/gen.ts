// Runtime core: generators.
//
// Calling a generator function binds its arguments as usual, then its code (stitch.ts,
// GEN_CREATE) copies the prepared frame into a generator object and returns it. Resuming
// copies the saved frame back onto the value stack and enters the code's resume entry,
// which jumps to the resume point of the generator's state; `yield` (rt_gen_yield) saves the
// live part of the frame back and returns with rdx = 1; returning (or raising) finishes the
// generator. The frame words are plain values in the generator object, which the collector
// scans like any other; while the body runs, the copy on the value stack is the live one.
//
// As CPython (PEP 479), a StopIteration leaving the body becomes RuntimeError("generator
// raised StopIteration"). A loop that owns a generator and is left early closes it
// (CLOSE_LOOP_ITER), which is when CPython's reference counting would.

import { type Assembler, byte, dword, eax, ecx, edi, edx, esi, r14d, r8d, mem, qword, r12, r13, r14, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { CO_ASYNC_GENERATOR, CO_COROUTINE } from '../../src/bytecode/code.js';
import { boxInt, CODE, EXCEPTION, FUNCTION, GEN_AUX_LOOP_OWNED, GEN_AUX_YF_MASK, GEN_FINISHED, GEN_NOT_STARTED, GEN_RUNNING, GENERATOR, HDR_AUX, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** rax = the state (payload) of the generator whose raw address is in `gen`. */
function loadState(a: Assembler<any>, dst: typeof rax, gen: typeof rax): void {
  a.mov(dst, qword(mem(gen, GENERATOR.state)));
  a.shl(dst, 16);
  a.sar(dst, 16);
}

function storeState(a: Assembler<any>, gen: typeof rax, state: number, tmp: typeof rax): void {
  a.mov(tmp, boxInt(BigInt(state)));
  a.mov(qword(mem(gen, GENERATOR.state)), tmp);
}

export const genModule: RuntimeModule = {
  name: 'gen',
  types: [{ name: 'generator', layout: 'generator' }],
  methods: [
    { type: 'generator', name: 'send', entry: 'rt_gen_send_method' },
    { type: 'generator', name: 'throw', entry: 'rt_gen_throw_method' },
    { type: 'generator', name: 'close', entry: 'rt_gen_close_method' },
  ],
  routines: [
    {
      name: 'rt_gen_create',
      contract: 'rdi=frame base of a generator function (set up; its last slot is the generator\'s), rsi=the function -> rax=new generator holding a copy of the frame; may allocate',
      emit(a: Assembler<any>) {
        const copy = a.newLabel();
        const copied = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r15, rsi);
        a.mov(rax, rsi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.mov(r13, qword(mem(rax, CODE.frameSlots)));
        // The code's flags pick the type: coroutine, async generator or generator.
        {
          const picked = a.newLabel();
          a.lea(rsi, rip(sym('type_coroutine')));
          a.test(qword(mem(rax, CODE.flags)), CO_COROUTINE);
          a.jne(picked);
          a.lea(rsi, rip(sym('type_async_generator')));
          a.test(qword(mem(rax, CODE.flags)), CO_ASYNC_GENERATOR);
          a.jne(picked);
          a.lea(rsi, rip(sym('type_generator')));
          a.bind(picked);
        }
        a.lea(rdi, sib(undefined, r13, 8, GENERATOR.frame));
        a.call(sym('rt_alloc'));
        a.mov(r14, rax);
        a.mov(qword(mem(r14, GENERATOR.func)), r15);
        storeState(a, r14, GEN_NOT_STARTED, rcx);
        a.mov(rcx, g('rt_const_None'));
        a.mov(qword(mem(r14, GENERATOR.retval)), rcx);
        a.mov(rcx, g('rt_const_unbound'));
        a.mov(qword(mem(r14, GENERATOR.excState)), rcx);
        a.mov(rcx, r13);
        a.mov(rdx, boxInt(0n));
        a.or(rcx, rdx);
        a.mov(qword(mem(r14, GENERATOR.nslots)), rcx);
        a.xor(ecx, ecx);
        a.bind(copy);
        a.cmp(rcx, r13);
        a.jae(copied);
        a.mov(rdx, qword(sib(r12, rcx, 8)));
        a.mov(qword(sib(r14, rcx, 8, GENERATOR.frame)), rdx);
        a.inc(rcx);
        a.jmp(copy);
        a.bind(copied);
        a.mov(rax, r14);
        boxPtr(a, rax, rcx);
        // The last slot: the generator itself.
        a.mov(qword(sib(r14, r13, 8, GENERATOR.frame - 8)), rax);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
    {
      name: 'rt_gen_yield',
      contract: 'rdi=generator value, esi=resume index, rdx=frame start, rcx=end of the live slots (the yielded value is the last), r8d=1 when the yield is the one of a `yield from`/`await` loop (the delegate is the slot below the value): save them in the generator and set its state; clobbers rax rcx rdx rdi rsi r8; no alloc',
      emit(a: Assembler<any>) {
        const copy = a.newLabel();
        const done = a.newLabel();
        unboxPtr(a, rdi);
        // Header aux: 1 + the delegate's slot (rcx - 16 - rdx) / 8, or 0; flags kept.
        {
          const plain = a.newLabel();
          a.mov(eax, dword(mem(rdi, HDR_AUX)));
          a.and(eax, ~GEN_AUX_YF_MASK);
          a.test(r8d, r8d);
          a.je(plain);
          a.mov(r8, rcx);
          a.sub(r8, rdx);
          a.shr(r8, 3);
          a.dec(r8d); // (slots up to and including the value) - 2 + 1
          a.or(eax, r8d);
          a.bind(plain);
          a.mov(dword(mem(rdi, HDR_AUX)), eax);
        }
        a.mov(eax, esi);
        a.mov(r8, boxInt(0n));
        a.or(rax, r8);
        a.mov(qword(mem(rdi, GENERATOR.state)), rax);
        a.lea(rsi, mem(rdi, GENERATOR.frame));
        a.bind(copy);
        a.cmp(rdx, rcx);
        a.jae(done);
        a.mov(rax, qword(mem(rdx)));
        a.mov(qword(mem(rsi)), rax);
        a.add(rdx, 8);
        a.add(rsi, 8);
        a.jmp(copy);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_gen_kind_name',
      contract: 'rdi=generator (raw address; a generator, coroutine or async generator) -> rax=its kind as a C string ("generator", "coroutine", "async generator"); clobbers rcx rdx',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        a.mov(rcx, qword(mem(rdi)));
        a.lea(rax, rip(sym('cstr_kind_coroutine')));
        a.lea(rdx, rip(sym('type_coroutine')));
        a.cmp(rcx, rdx);
        a.je(out);
        a.lea(rax, rip(sym('cstr_kind_async_generator')));
        a.lea(rdx, rip(sym('type_async_generator')));
        a.cmp(rcx, rdx);
        a.je(out);
        a.lea(rax, rip(sym('cstr_kind_generator')));
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_gen_resume',
      contract: 'rdi=generator value (or coroutine, async generator), rsi=value sent (None for next), edx=0 to send it, 1 to raise the exception in rt_exc at the yield instead, 2 to go on after the `yield from`/`await` loop the generator is suspended in with rsi as the delegate\'s return value -> rax=value with rdx=1 (yielded) or rdx=0 (returned; rax is the return value), or EXC; ValueError "generator already executing", RuntimeError "cannot reuse already awaited coroutine"; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [0] sent value, [8] mode, [16] rdx of the body, [24] the caller's handled
        // exception (rt_exc_info), swapped with the generator's own while the body runs as
        // CPython swaps gi_exc_state in and out.
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const finishedNow = a.newLabel();
        const overflow = a.newLabel();
        const kindError = a.newLabel();
        prologue(a, saved, 40);
        a.mov(r12, rdi);
        unboxPtr(a, r12); // generator (raw)
        a.mov(qword(mem(rsp)), rsi);
        a.mov(qword(mem(rsp, 8)), rdx);
        loadState(a, rax, r12);
        // Finished: a coroutine cannot be resumed; a generator raises a thrown exception, or has
        // nothing more.
        {
          const notFinished = a.newLabel();
          const none = a.newLabel();
          a.cmp(rax, GEN_FINISHED);
          a.jne(notFinished);
          a.mov(rcx, qword(mem(r12)));
          a.lea(rdx, rip(sym('type_coroutine')));
          a.cmp(rcx, rdx);
          const notCoro = a.newLabel();
          a.jne(notCoro);
          a.lea(rdi, rip(sym('type_RuntimeError')));
          a.lea(rsi, rip(sym('msg_coro_reused')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(notCoro);
          a.cmp(qword(mem(rsp, 8)), 1);
          a.jne(none);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
          a.bind(none);
          a.mov(rax, g('rt_const_None'));
          a.xor(edx, edx);
          a.jmp(out);
          a.bind(notFinished);
        }
        {
          const notRunning = a.newLabel();
          a.cmp(rax, GEN_RUNNING);
          a.jne(notRunning);
          a.lea(rsi, rip(sym('msg_gen_running')));
          a.lea(r13, rip(sym('type_ValueError')));
          a.jmp(kindError);
          a.bind(notRunning);
        }
        // Not started: a thrown exception finishes it unrun; a sent value must be None.
        {
          const started = a.newLabel();
          a.cmp(rax, GEN_NOT_STARTED);
          a.jne(started);
          const noThrow = a.newLabel();
          a.cmp(qword(mem(rsp, 8)), 1);
          a.jne(noThrow);
          storeState(a, r12, GEN_FINISHED, rcx);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
          a.bind(noThrow);
          a.mov(rax, qword(mem(rsp)));
          a.cmp(rax, g('rt_const_None'));
          a.je(started);
          a.lea(rsi, rip(sym('msg_gen_send_nonnone')));
          a.lea(r13, rip(sym('type_TypeError')));
          a.jmp(kindError);
          a.bind(started);
        }
        // Copy the frame onto the value stack and enter the resume entry.
        a.mov(r13, qword(mem(r12, GENERATOR.nslots)));
        a.shl(r13, 16);
        a.shr(r13, 16);
        a.mov(rbx, g('rt_vs_top'));
        a.lea(rax, sib(rbx, r13, 8));
        a.cmp(rax, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), rax);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, r13);
          a.jae(copied);
          a.mov(rdx, qword(sib(r12, rcx, 8, GENERATOR.frame)));
          a.mov(qword(sib(rbx, rcx, 8)), rdx);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        // The generator's handled exception in, the caller's kept.
        {
          const own = a.newLabel();
          a.mov(rax, g('rt_exc_info'));
          a.mov(qword(mem(rsp, 24)), rax);
          a.mov(rax, qword(mem(r12, GENERATOR.excState)));
          a.mov(rcx, rax);
          a.shr(rcx, 48);
          a.cmp(ecx, 0xfffc);
          a.jne(own);
          a.mov(g('rt_exc_info'), rax);
          a.bind(own);
        }
        // The resume entry reads the state and marks the generator running.
        a.mov(rax, qword(mem(rsp)));
        a.mov(g('rt_gen_sent'), rax);
        a.mov(rax, qword(mem(rsp, 8)));
        a.mov(g('rt_gen_throwing'), rax);
        a.mov(rsi, qword(mem(r12, GENERATOR.func)));
        a.mov(rax, rsi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.mov(rax, qword(mem(rax, CODE.resume)));
        a.mov(rdi, rbx);
        a.call(rax);
        a.mov(g('rt_vs_top'), rbx);
        a.mov(qword(mem(rsp, 16)), rdx);
        // The generator's handled exception out (kept when it differs from the caller's).
        {
          const differs = a.newLabel();
          a.mov(rcx, g('rt_exc_info'));
          a.cmp(rcx, qword(mem(rsp, 24)));
          a.jne(differs);
          a.mov(rcx, g('rt_const_unbound'));
          a.bind(differs);
          a.mov(qword(mem(r12, GENERATOR.excState)), rcx);
          a.mov(rcx, qword(mem(rsp, 24)));
          a.mov(g('rt_exc_info'), rcx);
        }
        a.mov(rdx, qword(mem(rsp, 16)));
        a.cmp(rax, g('rt_const_exc'));
        a.je(finishedNow);
        a.cmp(edx, 0);
        a.jne(out);
        storeState(a, r12, GEN_FINISHED, rcx);
        a.mov(rcx, g('rt_const_unbound'));
        a.mov(qword(mem(r12, GENERATOR.excState)), rcx);
        a.mov(qword(mem(r12, GENERATOR.retval)), rax);
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(finishedNow);
        storeState(a, r12, GEN_FINISHED, rcx);
        a.mov(rcx, g('rt_const_unbound'));
        a.mov(qword(mem(r12, GENERATOR.excState)), rcx);
        // PEP 479: StopIteration out of the body becomes RuntimeError (and for async
        // generators StopAsyncIteration too, PEP 525).
        {
          const convert = a.newLabel();
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym('type_StopIteration')));
          a.call(sym('rt_isinstance_type'));
          a.lea(r14, rip(sym('cstr_StopIteration')));
          a.test(eax, eax);
          a.jne(convert);
          a.mov(rax, g('rt_const_exc'));
          a.lea(rcx, rip(sym('type_async_generator')));
          a.cmp(qword(mem(r12)), rcx);
          a.jne(out);
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym('type_StopAsyncIteration')));
          a.call(sym('rt_isinstance_type'));
          a.lea(r14, rip(sym('cstr_StopAsyncIteration')));
          a.test(eax, eax);
          a.mov(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(convert);
          a.mov(r15, g('rt_exc'));
          a.mov(rdi, r12);
          a.call(sym('rt_gen_kind_name'));
          a.mov(rdx, rax);
          a.mov(rcx, r14);
          a.lea(rdi, rip(sym('type_RuntimeError')));
          a.lea(rsi, rip(sym('msg_gen_stopiteration')));
          a.call(sym('rt_raise_fmt'));
          a.mov(rcx, g('rt_exc'));
          unboxPtr(a, rcx);
          a.mov(qword(mem(rcx, EXCEPTION.cause)), r15);
          a.mov(qword(mem(rcx, EXCEPTION.context)), r15);
          a.mov(rdx, boxInt(1n));
          a.mov(qword(mem(rcx, EXCEPTION.suppress)), rdx);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
        }
        // r13 = exception type, rsi = "... %s ..." with the generator's kind.
        a.bind(kindError);
        a.mov(r14, rsi);
        a.mov(rdi, r12);
        a.call(sym('rt_gen_kind_name'));
        a.mov(rdx, rax);
        a.mov(rdi, r13);
        a.mov(rsi, r14);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.bind(out);
        epilogue(a, saved, 40);
      },
    },

    {
      name: 'rt_iter_generator',
      contract: 'iter slot of generators: rdi=generator -> itself',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_next_generator',
      contract: 'next slot of generators: rdi=generator -> the next yielded value, UNBOUND when it returns (finished), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        a.sub(rsp, 8);
        a.mov(rsi, g('rt_const_None'));
        a.xor(edx, edx);
        a.call(sym('rt_gen_resume'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.test(edx, edx);
        a.jne(out);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_repr_generator',
      contract: 'rdi=generator -> str "<generator object f at 0x...>"; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12], 8 * 3);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, GENERATOR.func)));
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.qualname)));
        a.mov(qword(mem(rsp)), rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(qword(mem(rsp, 8)), rax);
        a.lea(rdi, rip(sym('fmt_gen_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        epilogue(a, [r12], 8 * 3);
      },
    },
    {
      name: 'rt_gen_result_to_send',
      contract: 'after rt_gen_resume: rax/rdx -> rax=the yielded value, or EXC with StopIteration(value) raised when the generator returned (as send() and next() report it); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.test(edx, edx);
        a.jne(out);
        a.mov(rdi, rax);
        a.jmp(sym('rt_raise_stopiteration'));
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_raise_stopiteration',
      contract: 'rdi=return value -> EXC: StopIteration() for None, else StopIteration(value); may allocate',
      emit(a: Assembler<any>) {
        const withValue = a.newLabel();
        a.sub(rsp, 8);
        a.cmp(rdi, g('rt_const_None'));
        a.jne(withValue);
        a.lea(rdi, rip(sym('type_StopIteration')));
        boxPtr(a, rdi, rcx);
        a.call(sym('rt_raise'));
        a.add(rsp, 8);
        a.ret();
        a.bind(withValue);
        a.call(sym('rt_tuple_pack1'));
        a.lea(rdi, rip(sym('type_StopIteration')));
        a.mov(rsi, rax);
        a.call(sym('rt_exc_new'));
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_gen_send_method',
      contract: 'generator.send(value): vector ABI -> the next yielded value or EXC (StopIteration(value) when it returns); may allocate, may raise',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        a.sub(rsp, 8);
        a.cmp(rsi, 2);
        a.jne(bad);
        a.test(rdx, rdx);
        a.jne(bad);
        a.mov(rsi, qword(mem(rdi, 8)));
        a.mov(rdi, qword(mem(rdi)));
        a.xor(edx, edx);
        a.call(sym('rt_gen_resume'));
        a.call(sym('rt_gen_result_to_send'));
        a.add(rsp, 8);
        a.ret();
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_gen_send_args')));
        a.call(sym('rt_raise_cstr'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_throw_args',
      contract: 'vector ABI of throw methods: rdi=args (args[0] the receiver, then exc or type[, value[, tb]]), rsi=nargs -> eax=0 with the exception to throw raised in rt_exc, or eax=-1 when the arguments are wrong (that error raised); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const bad = a.newLabel();
        const failed = a.newLabel();
        prologue(a, [r12, r13]);
        a.cmp(rsi, 2);
        a.jb(bad);
        a.cmp(rsi, 4);
        a.ja(bad);
        // throw(type, value): an instance of type made from value.
        const single = a.newLabel();
        a.cmp(rsi, 2);
        a.je(single);
        a.mov(r13, qword(mem(rdi, 16)));
        a.mov(rdi, qword(mem(rdi, 8)));
        a.cmp(r13, g('rt_const_None'));
        const typeOnly = a.newLabel();
        a.je(typeOnly);
        // A value that is an instance of the class already is thrown as it is (_gen_throw).
        {
          const make = a.newLabel();
          a.mov(r12, rdi);
          a.mov(rax, rdi);
          a.shr(rax, 48);
          a.cmp(eax, 0xfffc);
          a.jne(make);
          a.mov(rdi, r13);
          a.mov(rsi, r12);
          unboxPtr(a, rsi);
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.mov(rdi, r12);
          a.je(make);
          a.mov(rdi, r13);
          a.jmp(typeOnly);
          a.bind(make);
        }
        // Call the class with the value as its argument.
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r13);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.mov(rdi, rax);
        a.bind(typeOnly);
        a.call(sym('rt_raise'));
        const raised = a.newLabel();
        a.jmp(raised);
        a.bind(single);
        a.mov(rdi, qword(mem(rdi, 8)));
        a.call(sym('rt_raise'));
        a.bind(raised);
        // rt_exc holds the exception now (or a TypeError for a non-exception).
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_gen_throw_args')));
        a.call(sym('rt_raise_cstr'));
        a.bind(failed);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_gen_throw_method',
      contract: 'generator.throw(exc) / throw(type[, value]) (coroutines too): vector ABI -> the next yielded value, or EXC (the exception, or StopIteration when the generator returns); may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, qword(mem(rdi))); // generator
        a.call(sym('rt_throw_args'));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.jne(out);
        a.mov(rdi, r12);
        a.mov(esi, 1);
        a.call(sym('rt_gen_throw'));
        a.call(sym('rt_gen_result_to_send'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_gen_yf',
      contract: 'rdi=generator value (or coroutine, async generator) -> rax=the iterator it delegates to while suspended in a `yield from`/`await` (CPython\'s _PyGen_yf), or UNBOUND; clobbers rcx rdx; no alloc',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        unboxPtr(a, rdi);
        loadState(a, rcx, rdi);
        a.cmp(rcx, 0);
        a.jle(none);
        a.mov(ecx, dword(mem(rdi, HDR_AUX)));
        a.and(ecx, GEN_AUX_YF_MASK);
        a.je(none);
        a.mov(rax, qword(sib(rdi, rcx, 8, GENERATOR.frame - 8)));
        a.ret();
        a.bind(none);
        a.mov(rax, g('rt_const_unbound'));
        a.ret();
      },
    },
    {
      name: 'rt_gen_close_iter',
      contract: 'rdi=iterator a generator delegates to -> rax=0 after closing it (generators and coroutines directly, else its close() method if it has one), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const viaMethod = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_generator')));
        a.cmp(rcx, rdx);
        const direct = a.newLabel();
        a.je(direct);
        a.lea(rdx, rip(sym('type_coroutine')));
        a.cmp(rcx, rdx);
        a.jne(viaMethod);
        a.bind(direct);
        a.call(sym('rt_gen_close'));
        a.jmp(out);
        a.bind(viaMethod);
        a.mov(rdi, r12);
        a.mov(rsi, g('genconst_close'));
        a.call(sym('rt_descr_getattr_opt'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        const done = a.newLabel();
        a.je(done);
        a.mov(rdi, rax);
        a.xor(esi, esi);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_gen_throw',
      contract: 'rdi=generator value (or coroutine, async generator), esi=1 to close the delegate on GeneratorExit (0 for async generators\' athrow); the exception to throw is in rt_exc -> as rt_gen_resume: rax=value with rdx=1 (yielded) or rdx=0 (returned), or EXC; a generator suspended in `yield from`/`await` throws into its delegate first (CPython 3.11 _gen_throw); may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [0] the generator's state while the delegate runs, [8] the exception.
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const throwHere = a.newLabel();
        const delegateRaised = a.newLabel();
        const delegateDone = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r14d, esi);
        a.call(sym('rt_gen_yf'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(throwHere);
        a.mov(r13, rax);
        // The generator counts as running while its delegate handles the exception.
        const markRunning = (): void => {
          a.mov(rax, r12);
          unboxPtr(a, rax);
          a.mov(rcx, qword(mem(rax, GENERATOR.state)));
          a.mov(qword(mem(rsp)), rcx);
          storeState(a, rax, GEN_RUNNING, rcx);
        };
        const restoreState = (): void => {
          // rax/rdx are the delegate's result: keep them.
          a.mov(rcx, r12);
          unboxPtr(a, rcx);
          a.mov(rdi, qword(mem(rsp)));
          a.mov(qword(mem(rcx, GENERATOR.state)), rdi);
        };
        // GeneratorExit: close the delegate, then raise it here.
        {
          const notExit = a.newLabel();
          a.test(r14d, r14d);
          a.je(notExit);
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym('type_GeneratorExit')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(notExit);
          a.mov(r15, g('rt_exc'));
          a.mov(rax, g('rt_const_unbound'));
          a.mov(g('rt_exc'), rax);
          markRunning();
          a.mov(rdi, r13);
          a.call(sym('rt_gen_close_iter'));
          restoreState();
          a.cmp(rax, g('rt_const_exc'));
          a.je(delegateRaised);
          a.mov(g('rt_exc'), r15);
          a.jmp(throwHere);
          a.bind(notExit);
        }
        // Generators and coroutines directly; other iterators through their throw method.
        {
          const viaMethod = a.newLabel();
          const direct = a.newLabel();
          a.mov(rax, r13);
          unboxPtr(a, rax);
          a.mov(rcx, qword(mem(rax)));
          a.lea(rdx, rip(sym('type_generator')));
          a.cmp(rcx, rdx);
          a.je(direct);
          a.lea(rdx, rip(sym('type_coroutine')));
          a.cmp(rcx, rdx);
          a.jne(viaMethod);
          a.bind(direct);
          markRunning();
          a.mov(rdi, r13);
          a.mov(esi, r14d);
          a.call(sym('rt_gen_throw'));
          restoreState();
          a.cmp(rax, g('rt_const_exc'));
          a.je(delegateRaised);
          a.test(edx, edx);
          a.jne(out); // the delegate yielded: so does this generator, at the same point
          a.jmp(delegateDone);
          a.bind(viaMethod);
          a.mov(r15, g('rt_exc'));
          a.mov(rax, g('rt_const_unbound'));
          a.mov(g('rt_exc'), rax);
          a.mov(rdi, r13);
          a.mov(rsi, g('genconst_throw'));
          a.call(sym('rt_descr_getattr_opt'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          const hasThrow = a.newLabel();
          a.jne(hasThrow);
          a.mov(g('rt_exc'), r15);
          a.jmp(throwHere);
          a.bind(hasThrow);
          a.mov(r13, rax);
          markRunning();
          a.mov(qword(mem(rsp, 8)), r15);
          a.mov(rdi, r13);
          a.lea(rsi, mem(rsp, 8));
          a.mov(edx, 1);
          a.xor(ecx, ecx);
          a.call(sym('rt_call'));
          restoreState();
          a.mov(edx, 1);
          a.cmp(rax, g('rt_const_exc'));
          a.jne(out);
          // StopIteration(value): the delegate returned.
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym('type_StopIteration')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(delegateRaised);
          a.mov(rdi, g('rt_exc'));
          a.call(sym('rt_stopiteration_value'));
          a.mov(rcx, g('rt_const_unbound'));
          a.mov(g('rt_exc'), rcx);
        }
        // The delegate returned rax: this generator goes on after its `yield from` loop.
        a.bind(delegateDone);
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.mov(edx, 2);
        a.call(sym('rt_gen_resume'));
        a.jmp(out);
        // The delegate raised (rt_exc): that is raised here.
        a.bind(delegateRaised);
        a.bind(throwHere);
        a.mov(rdi, r12);
        a.mov(rsi, g('rt_const_None'));
        a.mov(edx, 1);
        a.call(sym('rt_gen_resume'));
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_stopiteration_value',
      contract: 'rdi=a StopIteration instance -> rax=its value (args[0], None without args); no alloc',
      emit(a: Assembler<any>) {
        const noValue = a.newLabel();
        unboxPtr(a, rdi);
        a.mov(rdi, qword(mem(rdi, EXCEPTION.args)));
        unboxPtr(a, rdi);
        a.mov(rax, g('rt_const_None'));
        a.cmp(qword(mem(rdi, 16)), 0);
        a.je(noValue);
        a.mov(rax, qword(mem(rdi, 24)));
        a.bind(noValue);
        a.ret();
      },
    },
    {
      name: 'rt_gen_close',
      contract: 'rdi=generator (or coroutine) -> rax=None, or EXC: closes the delegate of a `yield from`/`await`, then throws GeneratorExit in; RuntimeError "generator ignored GeneratorExit" if it yields; GeneratorExit/StopIteration from it are swallowed; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        // Not started or finished: just finished.
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        loadState(a, rcx, rax);
        a.cmp(rcx, GEN_NOT_STARTED);
        a.je(done);
        a.cmp(rcx, GEN_FINISHED);
        a.je(done);
        // The delegate first (the generator counts as running meanwhile).
        {
          const noDelegate = a.newLabel();
          const raise = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_gen_yf'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(noDelegate);
          a.mov(rdi, rax);
          a.mov(rax, r12);
          unboxPtr(a, rax);
          a.mov(r13, qword(mem(rax, GENERATOR.state)));
          storeState(a, rax, GEN_RUNNING, rcx);
          a.call(sym('rt_gen_close_iter'));
          a.mov(rcx, r12);
          unboxPtr(a, rcx);
          a.mov(qword(mem(rcx, GENERATOR.state)), r13);
          a.cmp(rax, g('rt_const_exc'));
          a.je(raise); // the delegate's error is thrown in instead of GeneratorExit
          a.bind(noDelegate);
          a.lea(rdi, rip(sym('type_GeneratorExit')));
          boxPtr(a, rdi, rcx);
          a.call(sym('rt_raise'));
          a.bind(raise);
        }
        a.mov(rdi, r12);
        a.mov(rsi, g('rt_const_None'));
        a.mov(edx, 1);
        a.call(sym('rt_gen_resume'));
        const raised = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.test(edx, edx);
        a.je(done);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.call(sym('rt_gen_kind_name'));
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym('msg_gen_ignored_exit')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(raised);
        for (const t of ['GeneratorExit', 'StopIteration']) {
          const next = a.newLabel();
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym(`type_${t}`)));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(next);
          a.mov(rax, g('rt_const_unbound'));
          a.mov(g('rt_exc'), rax);
          a.jmp(done);
          a.bind(next);
        }
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(done);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        storeState(a, rax, GEN_FINISHED, rcx);
        a.mov(rax, g('rt_const_None'));
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_gen_close_method',
      contract: 'generator.close(): vector ABI -> None or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_gen_close'));
      },
    },
    {
      name: 'rt_close_loop_iter',
      contract: 'rdi=the iterator of a loop left early -> rax=0, or EXC: a generator the loop owns (OWN_LOOP_ITER) is closed, an async generator it owns finalized (rt_agen_finalize), as CPython\'s reference counting does when the loop drops it; may allocate, may raise',
      emit(a: Assembler<any>) {
        const notGen = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, 0xfffc);
        a.jne(notGen);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.test(dword(mem(rax, HDR_AUX)), GEN_AUX_LOOP_OWNED);
        a.je(notGen);
        {
          const notAgen = a.newLabel();
          a.lea(rcx, rip(sym('type_async_generator')));
          a.cmp(qword(mem(rax)), rcx);
          a.jne(notAgen);
          a.jmp(sym('rt_agen_finalize'));
          a.bind(notAgen);
        }
        a.and(dword(mem(rax, HDR_AUX)), ~GEN_AUX_LOOP_OWNED); // finalized once
        a.lea(rcx, rip(sym('type_generator')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(notGen);
        a.sub(rsp, 8);
        a.call(sym('rt_gen_close'));
        a.add(rsp, 8);
        a.cmp(rax, g('rt_const_exc'));
        const out = a.newLabel();
        a.je(out);
        a.bind(notGen);
        a.xor(eax, eax);
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_drop_loop_iters',
      contract: 'rdi=address of the first value-stack slot an exception unwinding drops (the end is rt_vs_top), esi=0, or for a comprehension leaving its frame rdi=its first local and esi=the byte offset of its value stack from there -> the loop-owned generators there (GEN_AUX_LOOP_OWNED) are finalized, last slot first; a comprehension\'s locals only go when the exception is GeneratorExit (its close(): otherwise the traceback keeps the frame alive, as in CPython); the pending exception (rt_exc) is kept, errors of the finalization dropped (CPython reports them as unraisable); may allocate',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const next = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13, r14], 8);
        a.mov(r14d, esi);
        a.mov(r12, rdi);
        a.mov(r13, g('rt_vs_top'));
        a.mov(rax, g('rt_exc'));
        a.mov(qword(mem(rsp)), rax); // the pending exception (machine stack: kept alive)
        {
          const start = a.newLabel();
          a.test(r14d, r14d);
          a.je(start);
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym('type_GeneratorExit')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(start);
          // Another exception: the traceback keeps the comprehension's frame and its
          // iterator alive (CPython finalizes it when the exception goes); not the caller's
          // to drop either, so it is no longer loop-owned.
          {
            const scan = a.newLabel();
            const skip = a.newLabel();
            const locals = a.newLabel();
            a.lea(rcx, sib(r12, r14, 1));
            a.mov(rdx, r12);
            a.bind(scan);
            a.cmp(rdx, rcx);
            a.jae(locals);
            a.mov(rax, qword(mem(rdx)));
            a.add(rdx, 8);
            a.mov(rdi, rax);
            a.shr(rdi, 48);
            a.cmp(edi, 0xfffc);
            a.jne(skip);
            unboxPtr(a, rax);
            const isGen = a.newLabel();
            a.lea(rdi, rip(sym('type_generator')));
            a.cmp(qword(mem(rax)), rdi);
            a.je(isGen);
            a.lea(rdi, rip(sym('type_async_generator')));
            a.cmp(qword(mem(rax)), rdi);
            a.jne(skip);
            a.bind(isGen);
            a.and(dword(mem(rax, HDR_AUX)), ~GEN_AUX_LOOP_OWNED);
            a.bind(skip);
            a.jmp(scan);
            a.bind(locals);
          }
          a.add(r12, r14);
          a.bind(start);
        }
        a.bind(loop);
        a.cmp(r13, r12);
        a.jbe(done);
        a.sub(r13, 8);
        a.mov(rdi, qword(mem(r13)));
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, 0xfffc);
        a.jne(next);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.test(dword(mem(rax, HDR_AUX)), GEN_AUX_LOOP_OWNED);
        a.je(next);
        a.lea(rcx, rip(sym('type_generator')));
        a.cmp(qword(mem(rax)), rcx);
        const isGen = a.newLabel();
        a.je(isGen);
        a.lea(rcx, rip(sym('type_async_generator')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(next);
        a.bind(isGen);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.call(sym('rt_close_loop_iter'));
        a.bind(next);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, qword(mem(rsp)));
        a.mov(g('rt_exc'), rax);
        epilogue(a, [r12, r13, r14], 8);
      },
    },
    {
      name: 'rt_own_loop_iter',
      contract: 'rdi=the iterator of a loop over a temporary (OWN_LOOP_ITER) -> a generator or async generator not started yet is marked loop-owned (GEN_AUX_LOOP_OWNED); clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const mark = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, 0xfffc);
        a.jne(out);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.lea(rcx, rip(sym('type_generator')));
        a.cmp(qword(mem(rax)), rcx);
        a.je(mark);
        a.lea(rcx, rip(sym('type_async_generator')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(out);
        a.bind(mark);
        loadState(a, rcx, rax);
        a.cmp(rcx, GEN_NOT_STARTED);
        a.jne(out);
        a.or(dword(mem(rax, HDR_AUX)), GEN_AUX_LOOP_OWNED);
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_get_yield_from_iter',
      contract: 'rdi=value -> rax=it for a generator, else iter(it), or EXC (TypeError for a coroutine: `yield from` only appears in generators); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notGen = a.newLabel();
        a.push(rdi);
        a.lea(rsi, rip(sym('type_coroutine')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        const notCoro = a.newLabel();
        a.je(notCoro);
        a.pop(rdi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_yield_from_coro')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(notCoro);
        a.mov(rdi, qword(mem(rsp)));
        a.lea(rsi, rip(sym('type_generator')));
        a.call(sym('rt_isinstance_type'));
        a.pop(rdi);
        a.test(eax, eax);
        a.je(notGen);
        a.mov(rax, rdi);
        a.ret();
        a.bind(notGen);
        a.jmp(sym('rt_iter'));
      },
    },
    {
      name: 'rt_send',
      contract: 'rdi=receiver (generator, coroutine or iterator), rsi=value -> rax=yielded value with rdx=1, the return value with rdx=0 (StopIteration\'s value for iterators), or EXC; None goes through next(), other values through .send(); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notGen = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // UNBOUND: the delegate already returned rsi (RESUME_AFTER_YIELD, mode 2).
        {
          const live = a.newLabel();
          a.cmp(rdi, g('rt_const_unbound'));
          a.jne(live);
          a.mov(rax, rsi);
          a.xor(edx, edx);
          a.jmp(out);
          a.bind(live);
        }
        // Generators, coroutines and the awaitables of coroutines and async generators resume
        // directly (CPython's am_send and its fast paths); other iterators by protocol.
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, 0xfffc);
        a.jne(notGen);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        const direct: [string, string][] = [['generator', 'rt_gen_resume'], ['coroutine', 'rt_gen_resume'], ['async_generator', 'rt_gen_resume'], ['coroutine_wrapper', 'rt_coro_wrapper_send'], ['async_generator_asend', 'rt_asend_send'], ['async_generator_athrow', 'rt_athrow_send'], ['anext_awaitable', 'rt_anext_aw_send']];
        for (const [t, routine] of direct) {
          const next = a.newLabel();
          a.lea(rcx, rip(sym(`type_${t}`)));
          a.cmp(rax, rcx);
          a.jne(next);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.xor(edx, edx);
          a.call(sym(routine));
          a.jmp(out);
          a.bind(next);
        }
        a.bind(notGen);
        // Iterators: next() for None, else the send method; StopIteration is the return.
        const viaSend = a.newLabel();
        const got = a.newLabel();
        a.cmp(r13, g('rt_const_None'));
        a.jne(viaSend);
        // A class's __next__ is called by name: its StopIteration carries the return value
        // (the next slot would drop it).
        {
          const bySlot = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          a.lea(rcx, rip(sym('rt_pyslot_next')));
          a.cmp(qword(mem(rax, typeSlot('next'))), rcx);
          a.jne(bySlot);
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym('cstr_next_name')));
          a.xor(edx, edx);
          a.xor(ecx, ecx);
          a.call(sym('rt_call_method_by_cstr'));
          a.jmp(got);
          a.bind(bySlot);
        }
        a.mov(rdi, r12);
        a.call(sym('rt_next'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(got);
        a.mov(rax, g('rt_const_None'));
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(viaSend);
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r13);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('cstr_send_name')));
        a.mov(rdx, rsp);
        a.mov(ecx, 1);
        a.call(sym('rt_call_method_by_cstr'));
        a.add(rsp, 16);
        a.bind(got);
        a.cmp(rax, g('rt_const_exc'));
        const ok = a.newLabel();
        a.jne(ok);
        // StopIteration(value): the delegation's return value.
        a.mov(rdi, g('rt_exc'));
        a.lea(rsi, rip(sym('type_StopIteration')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, g('rt_exc'));
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        unboxPtr(a, rdi);
        a.mov(rdi, qword(mem(rdi, EXCEPTION.args)));
        unboxPtr(a, rdi);
        a.mov(rax, g('rt_const_None'));
        a.cmp(qword(mem(rdi, 16)), 0);
        const noValue = a.newLabel();
        a.je(noValue);
        a.mov(rax, qword(mem(rdi, 24)));
        a.bind(noValue);
        a.xor(edx, edx);
        a.jmp(out);
        a.bind(ok);
        a.mov(edx, 1);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_call_method_by_cstr',
      contract: 'rdi=object, rsi=NUL-terminated ASCII method name, rdx=argument words, ecx=n -> rax=obj.<name>(*args) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(r14d, ecx);
        a.mov(rdi, rsi);
        a.mov(rcx, rsi);
        const scan = a.newLabel();
        const found = a.newLabel();
        a.bind(scan);
        a.cmp(byte(mem(rcx)), 0);
        a.je(found);
        a.inc(rcx);
        a.jmp(scan);
        a.bind(found);
        a.sub(rcx, rdi);
        a.mov(rsi, rcx);
        a.call(sym('rt_str_from_ascii'));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
  ],
  data: [
    { name: 'rt_gen_sent', section: 'data', align: 8, emit: (a) => a.u64(0xfffan << 48n) },
    { name: 'rt_gen_throwing', section: 'bss', size: 8 },
    cstr('msg_gen_running', '%s already executing'),
    cstr('msg_gen_send_nonnone', "can't send non-None value to a just-started %s"),
    cstr('msg_gen_stopiteration', '%s raised %s'),
    cstr('msg_coro_reused', 'cannot reuse already awaited coroutine'),
    cstr('cstr_kind_generator', 'generator'),
    cstr('cstr_kind_coroutine', 'coroutine'),
    cstr('cstr_kind_async_generator', 'async generator'),
    cstr('cstr_StopIteration', 'StopIteration'),
    cstr('cstr_StopAsyncIteration', 'StopAsyncIteration'),
    cstr('cstr_next_name', '__next__'),
    cstr('msg_gen_send_args', 'generator.send() takes exactly one argument'),
    cstr('msg_gen_throw_args', 'throw expected at least 1 argument, got 0'),
    cstr('msg_yield_from_coro', "cannot 'yield from' a coroutine object in a non-coroutine generator"),
    cstr('msg_gen_ignored_exit', '%s ignored GeneratorExit'),
    { name: 'genstr_throw', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'throw') },
    { name: 'genconst_throw', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:genstr_throw')) },
    { name: 'genstr_close', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'close') },
    { name: 'genconst_close', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:genstr_close')) },
    cstr('fmt_gen_repr', '<generator object %U at %p>'),
    cstr('cstr_send_name', 'send'),
  ],
};

