// Runtime core: value classification (type of a value, subtype tests).
//
// Every value has a type object: doubles are `float`, small ints `int`, objects carry the
// type address in their header. The special words (UNBOUND, EXC) are never passed here.

import { type Assembler, eax, edx, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { TAG_INT, TAG_MIN, TUPLE, TYPE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { unboxPtr } from '../../src/native/macros.js';

export const valueModule: RuntimeModule = {
  name: 'value',
  routines: [
    {
      name: 'rt_type_of',
      contract: 'rdi=value -> rax=address of its type object; clobbers rax rcx; no alloc, no raise',
      emit(a: Assembler<any>) {
        const notFloat = a.newLabel();
        const obj = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notFloat);
        a.lea(rax, rip(sym('type_float')));
        a.ret();
        a.bind(notFloat);
        a.cmp(eax, TAG_INT);
        a.jne(obj);
        a.lea(rax, rip(sym('type_int')));
        a.ret();
        a.bind(obj);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.ret();
      },
    },
    {
      name: 'rt_is_subtype',
      contract: 'rdi=type address, rsi=type address -> eax=1 if rdi is rsi or has it in its MRO, else 0; clobbers rax rcx rdx; no alloc, no raise',
      emit(a: Assembler<any>) {
        const yes = a.newLabel();
        const loop = a.newLabel();
        const no = a.newLabel();
        a.cmp(rdi, rsi);
        a.je(yes);
        // Scan the MRO tuple (boxed type values) for rsi.
        a.mov(rcx, qword(mem(rdi, TYPE.mro)));
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, TUPLE.length)));
        a.lea(rcx, mem(rcx, TUPLE.items));
        a.bind(loop);
        a.test(rdx, rdx);
        a.je(no);
        a.mov(rax, qword(mem(rcx)));
        unboxPtr(a, rax);
        a.cmp(rax, rsi);
        a.je(yes);
        a.add(rcx, 8);
        a.dec(rdx);
        a.jmp(loop);
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
      },
    },
    {
      name: 'rt_isinstance_type',
      contract: 'rdi=value, rsi=type address -> eax=1 if type(value) is rsi or a subtype, else 0; clobbers rax rcx rdx rdi; no alloc, no raise',
      emit(a: Assembler<any>) {
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.jmp(sym('rt_is_subtype'));
      },
    },
  ],
  data: [],
};

void edx;
