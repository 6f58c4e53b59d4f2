// Runtime core: SIGINT becomes KeyboardInterrupt (CPython's default SIGINT handler,
// Modules/signalmodule.c signal_default_int_handler, and the eval breaker of ceval.c).
//
// rt_signals_init installs rt_sigint_handler for SIGINT with rt_sigaction (no libc: the
// kernel's struct sigaction {handler, flags, restorer, mask} with SA_RESTORER pointing at
// our own rt_sigreturn trampoline; SA_RESTART so buffered writes and reads go on). The
// handler only sets `rt_sigint_pending`: Python code runs at the next check, which compiled
// code makes at every backward jump (the EVAL_BREAKER piece the stitcher puts before it,
// templates/stmts.ts), as CPython's JUMP_BACKWARD. The check calls rt_raise_keyboard_interrupt,
// which clears the flag and raises KeyboardInterrupt() at that instruction, so `except
// KeyboardInterrupt` and `finally` see it like CPython's. rt_signals_restore puts the
// previous action back when the program ends (the in-process JIT returns to Node).

import { type Assembler, eax, edi, edx, esi, mem, qword, r10, rax, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { g } from '../../src/native/macros.js';

/** Linux x86-64: rt_sigaction, rt_sigreturn; SIGINT; sa_flags bits (asm-generic/signal.h). */
const SYS_RT_SIGACTION = 13;
const SYS_RT_SIGRETURN = 15;
const SIGINT = 2;
const SA_RESTORER = 0x04000000;
const SA_RESTART = 0x10000000;
/** The kernel's struct sigaction: handler, flags, restorer, mask (8 bytes: _NSIG / 8). */
const SIGACTION_SIZE = 32;

export const signalsModule: RuntimeModule = {
  name: 'signals',
  routines: [
    {
      name: 'rt_signals_init',
      contract: 'install the SIGINT handler unless SIGINT is ignored (the previous action is kept in rt_sigint_old); clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        // Like CPython (signal_install_handlers), not over SIG_IGN: a program started in the
        // background with SIGINT ignored keeps ignoring it. (CPython also leaves a handler
        // that is not SIG_DFL; the in-process JIT replaces Node's and puts it back.)
        const out = a.newLabel();
        a.mov(g('rt_sigint_pending'), 0);
        a.mov(edi, SIGINT);
        a.xor(esi, esi);
        a.lea(rdx, rip(sym('rt_sigint_old')));
        a.mov(r10, 8);
        a.mov(eax, SYS_RT_SIGACTION);
        a.syscall();
        a.test(rax, rax);
        a.jne(out);
        a.cmp(qword(rip(sym('rt_sigint_old'))), 1); // SIG_IGN
        a.je(out);
        a.sub(rsp, SIGACTION_SIZE + 8);
        a.lea(rax, rip(sym('rt_sigint_handler')));
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rsp, 8)), SA_RESTORER | SA_RESTART);
        a.lea(rax, rip(sym('rt_sigreturn')));
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(qword(mem(rsp, 24)), 0);
        a.mov(edi, SIGINT);
        a.mov(rsi, rsp);
        a.xor(edx, edx);
        a.mov(r10, 8);
        a.mov(eax, SYS_RT_SIGACTION);
        a.syscall();
        a.mov(g('rt_sigint_installed'), 1);
        a.add(rsp, SIGACTION_SIZE + 8);
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_signals_restore',
      contract: 'put back the SIGINT action rt_signals_init replaced (nothing if it did not run); clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        a.cmp(g('rt_sigint_installed'), 0);
        a.je(out);
        a.mov(g('rt_sigint_installed'), 0);
        a.mov(edi, SIGINT);
        a.lea(rsi, rip(sym('rt_sigint_old')));
        a.xor(edx, edx);
        a.mov(r10, 8);
        a.mov(eax, SYS_RT_SIGACTION);
        a.syscall();
        a.bind(out);
        a.ret();
      },
    },
    {
      name: 'rt_sigint_handler',
      contract: 'the SIGINT handler (kernel calling convention: rdi=signal number): marks the interrupt pending; touches nothing else',
      emit(a: Assembler<any>) {
        a.mov(g('rt_sigint_pending'), 1);
        a.ret();
      },
    },
    {
      name: 'rt_sigreturn',
      contract: 'SA_RESTORER trampoline: the handler returns here; rt_sigreturn restores the interrupted context',
      emit(a: Assembler<any>) {
        a.mov(eax, SYS_RT_SIGRETURN);
        a.syscall();
      },
    },
    {
      name: 'rt_raise_keyboard_interrupt',
      contract: '-> rax=EXC with KeyboardInterrupt() raised (context chained) and the pending flag cleared; may allocate',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.mov(g('rt_sigint_pending'), 0);
        a.lea(rdi, rip(sym('type_KeyboardInterrupt')));
        a.mov(rsi, g('rt_const_empty_tuple'));
        a.call(sym('rt_exc_new'));
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        a.add(rsp, 8);
        a.ret();
      },
    },
  ],
  data: [
    { name: 'rt_sigint_pending', section: 'bss', size: 8, align: 8 },
    { name: 'rt_sigint_installed', section: 'bss', size: 8, align: 8 },
    { name: 'rt_sigint_old', section: 'bss', size: SIGACTION_SIZE, align: 8 },
  ],
};
