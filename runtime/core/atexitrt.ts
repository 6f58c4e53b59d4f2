// Runtime core: running atexit's callbacks when a compiled program ends.
//
// The atexit module of compiled programs is runtime/nativelib/atexit.py. A program that
// can import it (the program builder found the module among its units) gets
// `rt_atexit_chain`, the import chain of that module (src/native/program.ts); any other
// program gets a chain of count 0 and this routine does nothing. rt_program_main
// (entry.ts) calls rt_run_atexit after the main module finished and after an uncaught
// exception's traceback was printed, as CPython's Py_FinalizeEx runs atexit callbacks
// after the interpreter reported the exception. Importing through the chain returns the
// module already imported; when the program never executed its import, the module body
// runs now and has no callbacks.
//
// An exception escaping _run_exitfuncs (the module reports each callback's own) is
// dropped: the exit status is already decided.

import { type Assembler, qword, rax, rdi, rdx, rip, rsi, rcx, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';

export const atexitRtModule: RuntimeModule = {
  name: 'atexitrt',
  routines: [
    {
      name: 'rt_run_atexit',
      contract: '-> nothing: atexit._run_exitfuncs() when the program links atexit (rt_atexit_chain), any exception it raises dropped; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const clear = a.newLabel();
        prologue(a, [], 8);
        a.cmp(qword(rip(sym('rt_atexit_chain'))), 0);
        a.je(out);
        a.lea(rdi, rip(sym('rt_atexit_chain')));
        a.call(sym('rt_import_chain'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(clear);
        a.mov(rdi, rax);
        a.mov(rsi, g('atexit_str_run.v'));
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(clear);
        a.mov(rdi, rax);
        a.xor(rsi, rsi);
        a.xor(rdx, rdx);
        a.xor(rcx, rcx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        a.bind(clear);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.bind(out);
        epilogue(a, [], 8);
      },
    },
  ],
  data: [...staticStr('atexit_str_run', '_run_exitfuncs')],
};
