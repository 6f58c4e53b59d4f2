// Runtime core: calling any callable from the runtime, and builtin function objects.
//
// The call ABI (rt_call and every `call` type slot):
//   rdi = callable, rsi = address of the argument words, rdx = number of arguments
//   (positional then keyword), rcx = tuple of keyword names (the last len(kwnames)
//   arguments are passed by keyword) or 0 for none  ->  rax = result or EXC.
// Builtin functions (type builtin_function_or_method, layout.ts BUILTIN) have a native
// `entry` with the vector ABI: rdi = args, rsi = nargs, rdx = kwnames or 0. A builtin bound
// to an object (`[].append`) has `self`, passed as an extra first argument.
//
// The value stack: compiled frames live in one mmap'd array of value words, [rt_vs_base,
// rt_vs_limit). Whenever runtime code runs, `rt_vs_top` is at or above the end of the live
// frames: compiled code sets it to the end of its frame before every runtime call (calls
// between compiled functions leave it alone), and the collector scans
// [rt_vs_base, rt_vs_top). Runtime routines may use the words at rt_vs_top and above as
// scratch or for a callee's frame, by raising rt_vs_top over them while they are live and
// restoring it after.

import { type Assembler, eax, mem, qword, r11, r12, r13, r14, r15, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { BUILTIN, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

export const callsModule: RuntimeModule = {
  name: 'calls',
  routines: [
    {
      name: 'rt_call',
      contract: 'rdi=callable, rsi=args, rdx=nargs, rcx=kwnames tuple or 0 -> rax=result or EXC (TypeError if not callable); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notCallable = a.newLabel();
        a.push(rcx);
        a.call(sym('rt_type_of'));
        a.pop(rcx);
        a.mov(rax, qword(mem(rax, typeSlot('call'))));
        a.test(rax, rax);
        a.je(notCallable);
        a.jmp(rax);
        a.bind(notCallable);
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_not_callable')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_call_builtin_function_or_method',
      contract: 'the call slot of builtin functions (see rt_call); prepends the bound self if any; may allocate, may raise',
      emit(a: Assembler<any>) {
        const bound = a.newLabel();
        const copy = a.newLabel();
        const copied = a.newLabel();
        const overflow = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(r11, qword(mem(rax, BUILTIN.self)));
        a.cmp(r11, g('rt_const_unbound'));
        a.jne(bound);
        a.mov(rdi, rsi);
        a.mov(rsi, rdx);
        a.mov(rdx, rcx);
        a.jmp(qword(mem(rax, BUILTIN.entry)));
        // Bound: build [self, args...] in scratch words at the top of the value stack.
        a.bind(bound);
        const saved = [r12, r13, r14, r15] as const;
        prologue(a, saved);
        a.mov(r12, qword(rip(sym('rt_vs_top'))));
        a.lea(r13, sib(r12, rdx, 8, 8)); // new top
        a.cmp(r13, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), r13);
        a.mov(qword(mem(r12)), r11);
        a.mov(r14, rax); // builtin (raw)
        a.mov(r15, rdx); // nargs
        a.xor(eax, eax);
        a.bind(copy);
        a.cmp(rax, rdx);
        a.jae(copied);
        a.mov(r11, qword(sib(rsi, rax, 8)));
        a.mov(qword(sib(r12, rax, 8, 8)), r11);
        a.inc(rax);
        a.jmp(copy);
        a.bind(copied);
        a.mov(rdi, r12);
        a.lea(rsi, mem(r15, 1));
        a.mov(rdx, rcx);
        a.call(qword(mem(r14, BUILTIN.entry)));
        a.mov(g('rt_vs_top'), r12);
        const out = a.newLabel();
        a.bind(out);
        epilogue(a, saved);
        a.bind(overflow);
        a.lea(rdi, rip(sym('type_RecursionError')));
        a.lea(rsi, rip(sym('msg_vs_overflow')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      },
    },
  ],
  data: [
    cstr('msg_not_callable', "'%T' object is not callable"),
    cstr('msg_vs_overflow', 'maximum recursion depth exceeded (value stack exhausted)'),
  ],
};

