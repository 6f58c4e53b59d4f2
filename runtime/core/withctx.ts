// Runtime core: the `with` statement's two runtime steps (CPython 3.11 ceval.c BEFORE_WITH
// and WITH_EXCEPT_START).
//
// BEFORE_WITH looks `__enter__` and then `__exit__` up on the manager's type (special method
// lookup: the instance dict is not consulted), binds `__exit__` to the manager, stores it in
// the frame slot the template names (where the manager was: a GC root), then calls the bound
// `__enter__`. WITH_EXCEPT_START calls the bound `__exit__` with (type, value, traceback) of
// the exception being handled; the template branches on the result's truth.

import { type Assembler, ecx, edx, esi, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { EXCEPTION, TAG_OBJ } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { inReg, raiseFmt, staticStr } from './descrkit.js';

export const withModule: RuntimeModule = {
  name: 'withctx',
  routines: [
    {
      name: 'rt_before_with',
      contract: 'rdi=context manager, rsi=address of a value word (a GC root) -> [rsi] = bound __exit__, rax = __enter__() or EXC (TypeError when the type lacks either method); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noEnter = a.newLabel();
        const noExit = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        // __enter__ first, as CPython: its absence is the first error reported.
        a.mov(rdi, r14);
        a.mov(rsi, qword(rip(sym('str_dunder_enter.v'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noEnter);
        a.mov(qword(mem(rsp)), rax); // the unbound __enter__ (machine stack: scanned)
        a.mov(rdi, r14);
        a.mov(rsi, qword(rip(sym('str_dunder_exit.v'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noExit);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_bind_attr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r13)), rax);
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_bind_attr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.xor(esi, esi);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(noEnter);
        raiseFmt(a, 'TypeError', 'msg_with_no_protocol', [inReg(r12)], out);
        a.bind(noExit);
        raiseFmt(a, 'TypeError', 'msg_with_no_exit', [inReg(r12)], out);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_with_exit',
      contract: 'rdi=bound __exit__, rsi=exception value -> rax = __exit__(type(exc), exc, exc.__traceback__ or None) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const noTb = a.newLabel();
        const haveTb = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_type_of'));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rsp, 8)), r13);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, EXCEPTION.traceback)));
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.je(haveTb);
        a.bind(noTb);
        a.mov(rax, g('rt_const_None'));
        a.bind(haveTb);
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(rdi, r12);
        a.mov(rsi, rsp);
        a.mov(edx, 3);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        epilogue(a, saved, 24);
      },
    },
  ],
  data: [
    ...staticStr('str_dunder_enter', '__enter__'),
    ...staticStr('str_dunder_exit', '__exit__'),
    cstr('msg_with_no_protocol', "'%T' object does not support the context manager protocol"),
    cstr('msg_with_no_exit', "'%T' object does not support the context manager protocol (missed __exit__ method)"),
  ],
};
