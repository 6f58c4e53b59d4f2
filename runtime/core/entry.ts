// Runtime core: process entry, running the main module, and the exit status.
//
// `_start` is the ELF entry point: the kernel leaves argc at [rsp], then argv[], NULL,
// envp[], NULL. It calls rt_program_main and exits with its status. The in-process JIT
// calls rt_program_main directly through koffi and gets the status back, so an uncaught
// exception or sys.exit() returns control to Node with stdout flushed.
//
// The program provides `rt_main_code_ptr` (its main module's code object), `rt_main_globals`
// (the main module's globals array) and `rt_globals_table` (count, then (address, words) of
// every module's globals: collector roots).

import { type Assembler, eax, ecx, edi, edx, esi, mem, qword, r12, r12d, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { CODE, EXCEPTION, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

export const entryModule: RuntimeModule = {
  name: 'entry',
  routines: [
    {
      name: '_start',
      contract: 'ELF entry point: argc/argv/envp from the initial stack; never returns',
      emit(a: Assembler<any>) {
        a.mov(rdi, qword(mem(rsp)));
        a.lea(rsi, mem(rsp, 8));
        a.lea(rdx, sib(rsi, rdi, 8, 8)); // envp: after argv's NULL
        a.and(rsp, -16);
        a.call(sym('rt_program_main'));
        a.mov(edi, eax);
        a.jmp(sym('rt_exit'));
      },
    },
    {
      name: 'rt_program_main',
      contract: 'rdi=argc, rsi=argv, rdx=envp -> eax=exit status (0, 1 after an uncaught exception, or the SystemExit code); stdout flushed; may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(g('rt_argc'), rdi);
        a.mov(g('rt_argv'), rsi);
        a.mov(g('rt_envp'), rdx);
        a.mov(g('rt_stack_base'), rsp);
        a.call(sym('rt_runtime_init'));
        // Every module's globals (and its module-object word) are collector roots.
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          a.xor(r12d, r12d);
          a.bind(loop);
          a.cmp(r12, qword(rip(sym('rt_globals_table'))));
          a.jae(done);
          a.lea(rax, rip(sym('rt_globals_table')));
          a.mov(rcx, r12);
          a.shl(rcx, 4);
          a.mov(rdi, qword(sib(rax, rcx, 1, 8)));
          a.mov(rsi, qword(sib(rax, rcx, 1, 16)));
          a.call(sym('rt_gc_add_roots'));
          a.inc(r12);
          a.jmp(loop);
          a.bind(done);
        }
        a.call(sym('rt_modules_init'));
        a.call(sym('rt_signals_init'));
        a.mov(rax, g('rt_main_code_ptr'));
        a.mov(rdi, g('rt_vs_base'));
        a.mov(rsi, g('rt_const_None'));
        a.call(qword(mem(rax, CODE.entry)));
        const raised = a.newLabel();
        const done = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.xor(eax, eax);
        a.jmp(done);
        a.bind(raised);
        a.call(sym('rt_handle_uncaught'));
        a.bind(done);
        a.mov(r12d, eax);
        // atexit callbacks run after the uncaught exception was reported (atexitrt.ts).
        a.call(sym('rt_run_atexit'));
        a.call(sym('rt_signals_restore'));
        a.call(sym('rt_gc_report'));
        a.call(sym('rt_flush_stdout'));
        a.mov(eax, r12d);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_handle_uncaught',
      contract: '-> eax=exit status for the exception in rt_exc: SystemExit gives its code (None 0, int itself, else printed and 1); anything else is printed with its traceback and gives 1 (KeyboardInterrupt 130); may allocate',
      emit(a: Assembler<any>) {
        const notExit = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, g('rt_exc'));
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_SystemExit')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notExit);
        // code = args[0] if len(args) == 1, None if empty, the args tuple otherwise.
        const one = a.newLabel();
        const isNone = a.newLabel();
        const tooBig = a.newLabel();
        const printIt = a.newLabel();
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(r13, qword(mem(rax, EXCEPTION.args)));
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, TUPLE.length)));
        a.test(rcx, rcx);
        a.je(isNone);
        a.cmp(rcx, 1);
        a.jne(printIt);
        a.bind(one);
        a.mov(r13, qword(mem(rax, TUPLE.items)));
        a.cmp(r13, g('rt_const_None'));
        a.je(isNone);
        // An int (bool and int subclasses too) is the status, as CPython's PyLong_AsLong cast
        // to int; beyond a C long the conversion fails and the status is -1.
        a.mov(rdi, r13);
        a.call(sym('rt_int_to_i64'));
        a.test(edx, edx);
        a.je(out);
        a.cmp(edx, 1);
        a.je(tooBig);
        a.bind(printIt);
        // Anything else: print str(code) to stderr, status 1.
        a.mov(rdi, r13);
        a.call(sym('rt_str'));
        a.cmp(rax, g('rt_const_exc'));
        const strFailed = a.newLabel();
        a.je(strFailed);
        a.mov(rdi, rax);
        a.mov(esi, 2);
        a.call(sym('rt_str_write'));
        a.lea(rdi, rip(sym('str_newline')));
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.bind(strFailed);
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(tooBig);
        a.mov(eax, -1);
        a.jmp(out);
        a.bind(isNone);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(notExit);
        a.call(sym('rt_flush_stdout'));
        a.mov(rdi, r12);
        a.call(sym('rt_print_exception'));
        // An uncaught KeyboardInterrupt: status 130 (128 + SIGINT), as CPython's exit_sigint.
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_KeyboardInterrupt')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(eax, 1);
        a.mov(ecx, 130);
        a.cmovne(eax, ecx);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
  ],
  data: [
    { name: 'rt_argc', section: 'bss', size: 8 },
    { name: 'rt_argv', section: 'bss', size: 8 },
    { name: 'str_newline', section: 'rodata', align: 1, emit: (a) => a.bytes(Uint8Array.from([10, 0])) },
  ],
};
