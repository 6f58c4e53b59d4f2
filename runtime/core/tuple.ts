// Runtime core: tuple creation.
//
// Items of a fresh tuple are zero words (the float 0.0): safe for the collector, so a
// routine may allocate again before it has filled every item.

import { type Assembler, edi, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, prologue } from '../../src/native/macros.js';
import { TUPLE } from '../../src/native/layout.js';

export const tupleModule: RuntimeModule = {
  name: 'tuple',
  routines: [
    {
      name: 'rt_tuple_alloc',
      contract: 'rdi=length -> rax=raw address of a tuple with its length set and zero items; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.lea(rdi, sib(undefined, rdi, 8, TUPLE.items));
        a.lea(rsi, rip(sym('type_tuple')));
        a.call(sym('rt_alloc'));
        a.pop(rdi);
        a.mov(qword(mem(rax, TUPLE.length)), rdi);
        a.ret();
      },
    },
    {
      name: 'rt_tuple_pack1',
      contract: 'rdi=value -> rax=tuple value (v,); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(edi, 1);
        a.call(sym('rt_tuple_alloc'));
        a.mov(qword(mem(rax, TUPLE.items)), r12);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_tuple_pack2',
      contract: 'rdi, rsi=values -> rax=tuple value (a, b); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(edi, 2);
        a.call(sym('rt_tuple_alloc'));
        a.mov(qword(mem(rax, TUPLE.items)), r12);
        a.mov(qword(mem(rax, TUPLE.items + 8)), r13);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_tuple_pack3',
      contract: 'rdi, rsi, rdx=values -> rax=tuple value (a, b, c); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(edi, 3);
        a.call(sym('rt_tuple_alloc'));
        a.mov(qword(mem(rax, TUPLE.items)), r12);
        a.mov(qword(mem(rax, TUPLE.items + 8)), r13);
        a.mov(qword(mem(rax, TUPLE.items + 16)), r14);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13, r14]);
      },
    },
  ],
  data: [],
};

