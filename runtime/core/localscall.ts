// Runtime core: locals(), vars() and dir() without an argument in compiled programs.
//
// These builtins read the *calling* frame's namespace (CPython's PyEval_GetLocals), which a
// builtin object called through rt_call cannot see. The program builder (src/native/program.ts
// localsCallName) accepts them only as a direct call `locals()` / `vars()` / `dir()` right
// after the load of the builtin, and the CALL template (templates/core.ts) passes this routine
// where the caller keeps its names, as it does for eval() (runtime/core/evalcall.ts):
//   - a function: a new dict of its bound locals, cells and free variables, in slot order
//     (rt_frame_locals_into; CPython 3.11 frame locals order: co_varnames, cellvars, freevars);
//   - a class body: its namespace mapping itself;
//   - module level: the globals snapshot globals() gives (decision 0012; the builder accepts
//     locals()/vars() there only where the dict is read at once).
// dir() is the sorted list of the same namespace's keys (CPython's builtin dir without an
// argument: sorted(locals())). One difference: CPython 3.11 returns the same f_locals dict
// from every locals() call of one function frame (updated in place); we return a new one.
// The builtin `locals` object only exists so that the name resolves; reached any other way
// (the builder refuses that) it raises SystemError.

import { type Assembler, ecx, edx, mem, qword, r12, r13, r14, r15, r15d, rax, rbp, rbx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';

/** What the call returns: ecx of rt_locals_call (templates/localscall.ts LOCALS_KIND). */
const KIND_DIR = 2;

export const localsCallModule: RuntimeModule = {
  name: 'localscall',
  routines: [
    {
      name: 'rt_locals_call',
      contract:
        "rdi=frame base (function) | namespace value (class body) | 0 (module), rsi=code object (raw, functions) or 0, rdx=module descriptor (MODINFO), ecx=LOCALS_KIND -> rax=locals()/vars() (the namespace) or dir() (the sorted list of its keys), or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const haveNs = a.newLabel();
        const notFunction = a.newLabel();
        const moduleLevel = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15d, ecx);
        // Two value-stack words above rt_vs_top (precise roots): the namespace, dir's list.
        a.mov(rbp, g('rt_vs_top'));
        a.mov(rax, g('rt_const_None'));
        a.mov(qword(mem(rbp, 0)), rax);
        a.mov(qword(mem(rbp, 8)), rax);
        a.lea(rax, mem(rbp, 16));
        a.mov(g('rt_vs_top'), rax);
        a.test(r13, r13);
        a.jz(notFunction);
        a.call(sym('rt_dict_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rbp, 0)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r13);
        a.call(sym('rt_frame_locals_into'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, qword(mem(rbp, 0)));
        a.jmp(haveNs);
        a.bind(notFunction);
        a.test(r12, r12);
        a.jz(moduleLevel);
        a.mov(rax, r12);
        a.mov(qword(mem(rbp, 0)), rax);
        a.jmp(haveNs);
        a.bind(moduleLevel);
        a.mov(rdi, r14);
        a.call(sym('rt_globals_snapshot'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rbp, 0)), rax);
        a.bind(haveNs);
        a.cmp(r15d, KIND_DIR);
        a.jne(out);
        // dir(): sorted(list(namespace)).
        a.mov(rdi, rax);
        a.call(sym('rt_list_from_iterable'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rbp, 8)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, g('rt_const_None'));
        a.xor(edx, edx);
        a.call(sym('rt_list_sort'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, qword(mem(rbp, 8)));
        a.bind(out);
        a.mov(g('rt_vs_top'), rbp);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_builtin_locals',
      contract: 'locals builtin reached other than as a direct locals() call: vector ABI -> EXC (SystemError; the program builder refuses such programs)',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('lc_msg_locals_ref')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
  ],
  data: [cstr('lc_msg_locals_ref', 'locals() is only supported natively as a direct call')],
  builtins: [{ name: 'locals', entry: 'rt_builtin_locals' }],
};

