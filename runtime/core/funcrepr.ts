// Runtime core: repr() of functions, bound methods and builtin functions, as CPython's
// func_repr ("<function f at 0x...>"), method_repr ("<bound method A.m of <A object...>>")
// and meth_repr ("<built-in function len>", "<built-in method append of list object at
// 0x...>"). The `repr` slots of those types find these routines by name (objects.ts).

import { type Assembler, mem, qword, r12, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { BUILTIN, FUNCTION, METHOD } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

export const funcReprModule: RuntimeModule = {
  name: 'funcrepr',
  routines: [
    {
      name: 'rt_repr_function',
      contract: 'rdi=function -> str "<function QUALNAME at 0x...>"; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [], 24);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, FUNCTION.qualname)));
        a.mov(qword(mem(rsp, 0)), rax);
        a.mov(qword(mem(rsp, 8)), rdi);
        a.lea(rdi, rip(sym('fmt_function_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        epilogue(a, [], 24);
      },
    },
    {
      name: 'rt_repr_method',
      contract: 'rdi=bound method -> str "<bound method QUALNAME of REPR(self)>" ("?" for a callable that is not a Python function); may allocate, may raise (the repr of self)',
      emit(a: Assembler<any>) {
        const haveName = a.newLabel();
        prologue(a, [r12], 24);
        unboxPtr(a, rdi);
        a.mov(r12, rdi);
        a.mov(rax, sym('box:str_method_unknown') as never);
        a.mov(rdi, qword(mem(r12, METHOD.func)));
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, 0)));
        a.lea(rsi, rip(sym('type_function')));
        a.cmp(rdx, rsi);
        a.jne(haveName);
        a.mov(rax, qword(mem(rcx, FUNCTION.qualname)));
        a.bind(haveName);
        a.mov(qword(mem(rsp, 0)), rax);
        a.mov(rax, qword(mem(r12, METHOD.self)));
        a.mov(qword(mem(rsp, 8)), rax);
        a.lea(rdi, rip(sym('fmt_method_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        epilogue(a, [r12], 24);
      },
    },
    {
      name: 'rt_repr_builtin_function_or_method',
      contract: 'rdi=builtin function -> str "<built-in function NAME>", or "<built-in method NAME of TYPE object at 0x...>" when bound to an object; may allocate',
      emit(a: Assembler<any>) {
        const bound = a.newLabel();
        const out = a.newLabel();
        prologue(a, [], 40);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, BUILTIN.name)));
        a.mov(qword(mem(rsp, 0)), rax);
        a.mov(rax, qword(mem(rdi, BUILTIN.self)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(bound);
        a.lea(rdi, rip(sym('fmt_builtin_fn_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(bound);
        a.mov(qword(mem(rsp, 8)), rax);
        unboxPtr(a, rax);
        a.mov(qword(mem(rsp, 16)), rax);
        a.lea(rdi, rip(sym('fmt_builtin_method_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.bind(out);
        epilogue(a, [], 40);
      },
    },
  ],
  data: [
    { name: 'str_method_unknown', section: 'rodata', align: 16, emit: (a) => emitStr(a, '?') },
    cstr('fmt_function_repr', '<function %U at %p>'),
    cstr('fmt_method_repr', '<bound method %U of %R>'),
    cstr('fmt_builtin_fn_repr', '<built-in function %U>'),
    cstr('fmt_builtin_method_repr', '<built-in method %U of %T object at %p>'),
  ],
};
