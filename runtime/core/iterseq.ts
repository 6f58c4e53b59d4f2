// Runtime: the sequence iterator (CPython's `iterator` type, Objects/iterobject.c
// PySeqIter_New): iter(obj) of a class that defines __getitem__ but no __iter__ walks
// obj[0], obj[1], ... until IndexError or StopIteration.
//
// A class gets the iter slot rt_pyslot_iter when it defines __iter__ or __getitem__
// (classes.ts SLOT_DUNDERS); the trampoline calls __iter__ when the MRO has one, else
// rt_seqiter_new. The object is a SEQITER (layout.ts): the sequence (UNBOUND once exhausted,
// as CPython drops it) and the next index.

import { type Assembler, eax, edx, mem, qword, r12, r13, rax, rdi, rip, rsi, sym } from '../../src/asm/index.js';
import { SEQITER, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

export const iterSeqModule: RuntimeModule = {
  name: 'iterseq',
  types: [{ name: 'iterator', layout: 'iterator' }],
  routines: [
    {
      name: 'rt_seqiter_new',
      contract: 'rdi=sequence value -> rax=`iterator` object over seq[0], seq[1], ...; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_iterator')));
        a.xor(edx, edx);
        a.jmp(sym('rt_cont_seqiter_new'));
      },
    },
    {
      name: 'rt_iter_iterator',
      contract: 'iter slot of iterator: rdi -> itself; clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_next_iterator',
      contract: 'next slot of iterator: rdi=iterator -> rax=seq[index] (index counting up), UNBOUND once IndexError or StopIteration ends it (cleared; the sequence is dropped), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        const out = a.newLabel();
        const failed = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(rdi, qword(mem(r12, SEQITER.seq)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(end);
        a.call(sym('rt_type_of'));
        a.mov(r13, qword(mem(rax, typeSlot('getitem'))));
        a.mov(rdi, qword(mem(r12, SEQITER.index)));
        a.call(sym('rt_int_from_i64'));
        a.mov(rsi, rax);
        a.mov(rdi, qword(mem(r12, SEQITER.seq)));
        a.call(r13);
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.inc(qword(mem(r12, SEQITER.index)));
        a.jmp(out);
        a.bind(failed);
        for (const t of ['IndexError', 'StopIteration']) {
          const next = a.newLabel();
          a.mov(rdi, g('rt_exc'));
          a.lea(rsi, rip(sym(`type_${t}`)));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(next);
          a.mov(rax, g('rt_const_unbound'));
          a.mov(g('rt_exc'), rax);
          a.jmp(end);
          a.bind(next);
        }
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r12, SEQITER.seq)), rax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
  ],
  data: [],
};
