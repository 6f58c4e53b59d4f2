// Runtime core: PEP 560's `__mro_entries__` for class statements (CPython 3.11
// Python/bltinmodule.c update_bases, the Python spelling being types.resolve_bases).
//
// `class C(Generic[T], list[int])`: before the metaclass is chosen, __build_class__
// (rt_build_class, classes.ts) replaces each base that is not a class but has an
// `__mro_entries__` attribute by the items of the tuple `base.__mro_entries__(orig_bases)`
// returns; the class is then built from the new bases and its namespace gets
// `__orig_bases__ = orig_bases`. Bases that are classes are never asked (CPython checks
// PyType_Check first), so ordinary class statements pay one isinstance test per base.
//
// Invariant: the result is the very tuple given when no base was replaced, so the caller
// tells "changed" by identity (bases != orig_bases, as CPython does).

import { type Assembler, eax, ebx, mem, qword, r12, r13, r14, r15, rax, rbx, rdi, rip, rsi, rsp, rdx, ecx, sib, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { TUPLE } from '../../src/native/layout.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';

export const mroEntriesModule: RuntimeModule = {
  name: 'mroentries',
  routines: [
    {
      name: 'rt_update_bases',
      contract: 'rdi=bases tuple -> rax=the same tuple when no base has __mro_entries__ (classes are not asked), else a new tuple with each such base replaced by the items of base.__mro_entries__(bases); EXC (TypeError "__mro_entries__ must return a tuple", or what the method raised); may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 = bases (value), r13 = bases (raw), r14 = index, r15 = accumulated tuple,
        // rbx = 1 once a base was replaced. Locals: [0] accumulated tuple (a root for the
        // conservative stack scan), [8] the call's single argument (the bases).
        const saved = [rbx, r12, r13, r14, r15] as const;
        const ACC = 0, ARG = 8, LOCALS = 16;
        const loop = a.newLabel();
        const single = a.newLabel();
        const concat = a.newLabel();
        const done = a.newLabel();
        const out = a.newLabel();
        const notTuple = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi);
        a.mov(r13, rdi);
        unboxPtr(a, r13);
        a.mov(qword(mem(rsp, ARG)), r12);
        a.xor(ebx, ebx);
        a.xor(r14, r14);
        a.mov(r15, g('rt_const_empty_tuple'));
        a.mov(qword(mem(rsp, ACC)), r15);
        a.bind(loop);
        a.cmp(r14, qword(mem(r13, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, qword(sib(r13, r14, 8, TUPLE.items)));
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.jne(single);
        a.mov(rdi, qword(sib(r13, r14, 8, TUPLE.items)));
        a.mov(rsi, qword(rip(sym('str_mro_entries.v'))));
        a.call(sym('rt_descr_getattr_opt'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(single);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.lea(rsi, mem(rsp, ARG));
        a.mov(rdx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rbx, rax); // the returned value, checked below (rbx doubles as the flag)
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_tuple')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notTuple);
        a.mov(rsi, rbx);
        a.mov(ebx, 1);
        a.jmp(concat);
        a.bind(single);
        a.lea(rdi, sib(r13, r14, 8, TUPLE.items));
        a.mov(rsi, 1);
        a.call(sym('rt_tuple_from_values'));
        a.mov(rsi, rax);
        a.bind(concat);
        a.mov(rdi, r15);
        a.call(sym('rt_tuple_concat'));
        a.mov(r15, rax);
        a.mov(qword(mem(rsp, ACC)), r15);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r12);
        a.test(ebx, ebx);
        a.je(out);
        a.mov(rax, r15);
        a.bind(out);
        epilogue(a, saved, LOCALS);
        a.bind(notTuple);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_mro_entries_tuple')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      },
    },
  ],
  data: [
    ...staticStr('str_mro_entries', '__mro_entries__'),
    ...staticStr('str_orig_bases', '__orig_bases__'),
    cstr('msg_mro_entries_tuple', '__mro_entries__ must return a tuple'),
  ],
};
