// Runtime core: sys.exc_info() and sys.exception() (CPython 3.11 Python/sysmodule.c
// sys_exc_info_impl / sys_exception_impl): the exception being handled, which the
// PUSH_EXC_INFO / POP_EXCEPT stencils keep in rt_exc_info (a generator's own is swapped in
// and out by gen.ts). No exception being handled (rt_exc_info UNBOUND or None) gives
// (None, None, None) and None. modules.ts puts both functions in the sys module.

import { type Assembler, type Label, eax, ecx, esi, mem, qword, r12, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { EXCEPTION, TAG_OBJ, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** The sys functions this file defines (modules.ts adds them to sys's namespace). */
export const SYS_EXC_FUNCTIONS = ['exc_info', 'exception'] as const;

/** METH_NOARGS: TypeError "sys.NAME() takes no arguments (N given)" / "... no keyword arguments". Jumps to `out` with EXC. */
function noArgs(a: Assembler<any>, fn: string, out: Label): void {
  const ok = a.newLabel();
  const positional = a.newLabel();
  a.test(rsi, rsi);
  a.je(ok);
  a.test(rdx, rdx);
  a.je(positional);
  a.mov(rax, rdx);
  unboxPtr(a, rax);
  a.cmp(qword(mem(rax, TUPLE.length)), 0);
  a.je(positional);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_sys_${fn}_kw`)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(out);
  a.bind(positional);
  a.mov(rdx, rsi);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_sys_${fn}_args`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
  a.bind(ok);
}

/** r12 = the exception being handled; jump to `none` when there is none. */
function handled(a: Assembler<any>, none: Label): void {
  a.mov(r12, g('rt_exc_info'));
  a.mov(rax, r12);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(none);
}

export const sysExcModule: RuntimeModule = {
  name: 'sysexc',
  routines: [
    {
      name: 'rt_sys_exc_info',
      contract: 'sys.exc_info(): vector ABI -> (type, value, traceback) of the exception being handled, or (None, None, None); may allocate',
      emit(a) {
        const out = a.newLabel();
        const none = a.newLabel();
        const build = a.newLabel();
        prologue(a, [r12], 32);
        noArgs(a, 'exc_info', out);
        handled(a, none);
        a.mov(qword(mem(rsp, 8)), r12);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rsp)), rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, EXCEPTION.traceback)));
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.je(build);
        a.mov(rax, g('rt_const_None'));
        a.mov(qword(mem(rsp, 16)), rax);
        const built = a.newLabel();
        a.jmp(built);
        a.bind(none);
        a.mov(rax, g('rt_const_None'));
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rsp, 8)), rax);
        a.bind(build);
        a.mov(qword(mem(rsp, 16)), rax);
        a.bind(built);
        a.mov(rdi, rsp);
        a.mov(esi, 3);
        a.call(sym('rt_build_tuple'));
        a.bind(out);
        epilogue(a, [r12], 32);
      },
    },
    {
      name: 'rt_sys_exception',
      contract: 'sys.exception(): vector ABI -> the exception being handled, or None',
      emit(a) {
        const out = a.newLabel();
        const none = a.newLabel();
        prologue(a, [r12]);
        noArgs(a, 'exception', out);
        handled(a, none);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(none);
        a.mov(rax, g('rt_const_None'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
  ],
  data: [
    ...SYS_EXC_FUNCTIONS.flatMap((fn) => [
      ...builtinFunctionData(`sysfn_${fn}`, fn, `rt_sys_${fn}`),
      cstr(`cstr_${fn}`, fn),
      cstr(`msg_sys_${fn}_args`, `sys.${fn}() takes no arguments (%d given)`),
      cstr(`msg_sys_${fn}_kw`, `sys.${fn}() takes no keyword arguments`),
    ]),
  ],
};
