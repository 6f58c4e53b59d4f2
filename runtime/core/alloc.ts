// Runtime core: object allocation (interim bump allocator).
//
// This module fixes the allocation ABI every other routine uses:
//   rt_alloc(rdi = size in bytes including the 16-byte header, rsi = type address)
//     -> rax = raw address of a zero-filled object with its header written
// The collector (runtime/core/gc.ts) replaces this bump allocator with size-classed pages
// and mark-sweep under the same ABI; until then memory is only ever added.

import { type Assembler, eax, ecx, edi, edx, mem, qword, r10, r8, r9, rax, rcx, rdi, rdx, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { g } from '../../src/native/macros.js';
import { SYS } from './sys.js';

export const BUMP_CHUNK = 64 << 20;

export const allocModule: RuntimeModule = {
  name: 'alloc',
  routines: [
    {
      name: 'rt_heap_init',
      contract: 'prepare the heap (the bump allocator maps memory on first use); clobbers nothing',
      emit(a: Assembler<any>) {
        a.ret();
      },
    },
    {
      name: 'rt_alloc',
      contract: 'rdi=size (bytes, incl. header), rsi=type address -> rax=zeroed object address with header set; clobbers rax rcx rdx rdi r8-r11; may allocate',
      emit(a: Assembler<any>) {
        const fits = a.newLabel();
        a.add(rdi, 15);
        a.and(rdi, -16);
        a.mov(rax, g('rt_bump_ptr'));
        a.lea(rcx, mem(rax, 0));
        a.add(rcx, rdi);
        a.cmp(rcx, g('rt_bump_end'));
        a.jbe(fits);
        // Map a new chunk (at least the request) and retry.
        a.push(rsi);
        a.push(rdi);
        a.cmp(rdi, BUMP_CHUNK);
        a.mov(rsi, BUMP_CHUNK);
        a.cmova(rsi, rdi);
        a.push(rsi);
        a.xor(edi, edi);
        a.mov(edx, 3); // PROT_READ | PROT_WRITE
        a.mov(r10, 0x22); // MAP_PRIVATE | MAP_ANONYMOUS
        a.mov(r8, -1);
        a.xor(r9, r9);
        a.mov(eax, SYS.mmap);
        a.syscall();
        a.pop(rsi);
        a.mov(g('rt_bump_ptr'), rax);
        a.add(rax, rsi);
        a.mov(g('rt_bump_end'), rax);
        a.pop(rdi);
        a.pop(rsi);
        a.mov(rax, g('rt_bump_ptr'));
        a.lea(rcx, mem(rax, 0));
        a.add(rcx, rdi);
        a.bind(fits);
        a.mov(g('rt_bump_ptr'), rcx);
        a.mov(qword(mem(rax, 0)), rsi);
        a.mov(qword(mem(rax, 8)), 0);
        a.add(g('rt_heap_allocated'), rdi);
        a.ret();
      },
    },
  ],
  data: [
    { name: 'rt_bump_ptr', section: 'bss', size: 8 },
    { name: 'rt_bump_end', section: 'bss', size: 8 },
    { name: 'rt_heap_allocated', section: 'bss', size: 8 },
  ],
};

void ecx;
void sym;
