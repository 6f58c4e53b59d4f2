// Runtime core: the builtin eval() of compiled programs, a direct call into Python.
//
// A native binary has no compiler: eval is runtime/lib/_edgepyc_eval.py (a parser and
// evaluator of Python expressions), compiled with the program. The program builder accepts
// `eval` only as a direct call `eval(...)` (src/native/program.ts) and compiles that CALL
// to: import the evaluator module through its import chain, then rt_eval_call, which hands
// native_eval() the caller's namespaces as CPython's builtin_eval_impl reads them
// (PyEval_GetGlobals / PyEval_GetLocals): the module's globals (a snapshot dict, decision
// 0012), the locals (a new dict of a function's bound locals and cells, a class body's
// namespace dict, or the globals again at module level) and the builtins dict.
// The builtin object `eval` itself only exists so that the name resolves; reached any other
// way (the builder refuses that) it raises SystemError.

import { type Assembler, eax, ebx, ecx, esi, mem, qword, r12, r13, r13d, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { CELL, CODE, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';

/** native_eval's leading parameters: caller globals, caller locals, builtins, kwnames (None, a tuple, or True: CALL_FUNCTION_EX). */
const LEAD = 4;

export const evalCallModule: RuntimeModule = {
  name: 'evalcall',
  routines: [
    {
      name: 'rt_eval_call',
      contract:
        'rdi=address of the call\'s callee slot (holding the evaluator module) followed by its nargs arguments, esi=nargs, rdx=kwnames tuple, 0, or 1 for `eval(*args[, **kwargs])` (the arguments are then the tuple and the dict), rcx=frame base (function) | namespace dict value (class body) | 0 (module), r8=code object (raw, functions) or 0, r9=module descriptor (MODINFO) -> rax=the result of eval or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rbx, r8);
        a.mov(qword(mem(rsp)), r9);
        // The argument vector of native_eval, as value-stack scratch above rt_vs_top (a
        // precise root): the lead words, then the call's arguments.
        a.mov(rbp, g('rt_vs_top'));
        for (let k = 0; k < LEAD; k++) a.mov(qword(mem(rbp, 8 * k)), 0);
        const copy = a.newLabel();
        const copied = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(copy);
        a.cmp(rcx, r13);
        a.jae(copied);
        a.mov(rax, qword(sib(r12, rcx, 8, 8)));
        a.mov(qword(sib(rbp, rcx, 8, 8 * LEAD)), rax);
        a.inc(rcx);
        a.jmp(copy);
        a.bind(copied);
        a.lea(rax, sib(rbp, r13, 8, 8 * LEAD));
        a.mov(g('rt_vs_top'), rax);
        // Globals: the module's names now.
        a.mov(rdi, qword(mem(rsp)));
        a.call(sym('rt_globals_snapshot'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rbp, 0)), rax);
        // Locals.
        const notFunction = a.newLabel();
        const haveLocals = a.newLabel();
        a.test(rbx, rbx);
        a.jz(notFunction);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(rbp, 8)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, r15);
        a.mov(rdx, rbx);
        a.call(sym('rt_frame_locals_into'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.jmp(haveLocals);
        a.bind(notFunction);
        const moduleLevel = a.newLabel();
        a.test(r15, r15);
        a.jz(moduleLevel);
        a.mov(qword(mem(rbp, 8)), r15);
        a.jmp(haveLocals);
        a.bind(moduleLevel);
        a.mov(rax, qword(mem(rbp, 0)));
        a.mov(qword(mem(rbp, 8)), rax);
        a.bind(haveLocals);
        a.lea(rax, rip(sym('builtins_dict')));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rbp, 16)), rax);
        const noKw = a.newLabel();
        const kwDone = a.newLabel();
        const names = a.newLabel();
        a.test(r14, r14);
        a.jz(noKw);
        a.cmp(r14, 1);
        a.jne(names);
        a.mov(rax, g('rt_const_True'));
        a.mov(qword(mem(rbp, 24)), rax);
        a.jmp(kwDone);
        a.bind(names);
        a.mov(qword(mem(rbp, 24)), r14);
        a.jmp(kwDone);
        a.bind(noKw);
        a.mov(rax, g('rt_const_None'));
        a.mov(qword(mem(rbp, 24)), rax);
        a.bind(kwDone);
        // native_eval(*vector)
        a.mov(rdi, qword(mem(r12, 0)));
        a.mov(rsi, g('ev_str_native_eval.v'));
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, rbp);
        a.lea(rdx, mem(r13, LEAD));
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.bind(out);
        a.mov(g('rt_vs_top'), rbp);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_frame_locals_into',
      contract:
        "rdi=dict value (rooted by the caller), rsi=frame base of a compiled function, rdx=its code object (raw) -> rax=0 or EXC: the dict gets each bound local and each cell's or free variable's value under its name (CPython's frame locals); may allocate",
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const next = a.newLabel();
        const done = a.newLabel();
        const store = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        // r15 = number of slots with names: locals, cells, frees.
        a.mov(r15, qword(mem(r14, CODE.nlocals)));
        a.add(r15, qword(mem(r14, CODE.ncells)));
        a.add(r15, qword(mem(r14, CODE.nfree)));
        a.xor(ebx, ebx);
        a.bind(loop);
        a.cmp(rbx, r15);
        a.jae(done);
        a.mov(rdx, qword(sib(r13, rbx, 8)));
        a.cmp(rbx, qword(mem(r14, CODE.nlocals)));
        a.jb(store);
        // A cell or free variable: its slot holds the cell.
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, CELL.value)));
        a.bind(store);
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(next);
        a.mov(rsi, qword(mem(r14, CODE.varnames)));
        unboxPtr(a, rsi);
        a.mov(rsi, qword(sib(rsi, rbx, 8, TUPLE.items)));
        a.mov(rdi, r12);
        a.call(sym('rt_dict_setitem'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(next);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_builtin_eval',
      contract: 'eval builtin reached other than as a direct eval(...) call: vector ABI -> EXC (SystemError; the program builder refuses such programs)',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('ev_msg_eval_ref')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
  ],
  data: [
    ...staticStr('ev_str_native_eval', 'native_eval'),
    cstr('ev_msg_eval_ref', 'eval() is only supported natively as a direct call'),
  ],
  builtins: [{ name: 'eval', entry: 'rt_builtin_eval' }],
};
