// Runtime core: start-up of the runtime's state (streams, heap, value stack).

import { type Assembler, eax, edi, edx, r10, r8, r9, rax, rdi, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { g } from '../../src/native/macros.js';
import { SYS } from './sys.js';

/** Value words of the value stack (reserved, committed by the kernel as touched). */
export const VALUE_STACK_WORDS = 8 << 20;

export const initModule: RuntimeModule = {
  name: 'init',
  routines: [
    {
      name: 'rt_runtime_init',
      contract: 'set up stdio, the heap and the value stack; clobbers caller-saved; no raise (exits with status 1 if memory cannot be mapped)',
      emit(a: Assembler<any>) {
        const ok = a.newLabel();
        a.sub(rsp, 8);
        a.call(sym('rt_init_stdio'));
        a.call(sym('rt_heap_init'));
        a.xor(edi, edi);
        a.mov(rsi, VALUE_STACK_WORDS * 8);
        a.mov(edx, 3); // PROT_READ | PROT_WRITE
        a.mov(r10, 0x4022); // MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        a.mov(r8, -1);
        a.xor(r9, r9);
        a.mov(eax, SYS.mmap);
        a.syscall();
        a.cmp(rax, -4096);
        a.jb(ok);
        a.lea(rdi, rip(sym('msg_no_memory')));
        a.mov(rsi, 2);
        a.call(sym('rt_write_cstr'));
        a.mov(edi, 1);
        a.call(sym('rt_exit'));
        a.bind(ok);
        a.mov(g('rt_vs_base'), rax);
        a.mov(g('rt_vs_top'), rax);
        a.add(rax, VALUE_STACK_WORDS * 8 - 4096);
        a.mov(g('rt_vs_limit'), rax);
        a.add(rsp, 8);
        a.ret();
      },
    },
  ],
  data: [
    { name: 'rt_vs_base', section: 'bss', size: 8 },
    { name: 'rt_vs_top', section: 'bss', size: 8 },
    { name: 'rt_vs_limit', section: 'bss', size: 8 },
    { name: 'msg_no_memory', section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode('edgepyc runtime: cannot map memory\n\0')) },
  ],
};
