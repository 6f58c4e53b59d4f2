// Runtime core: the generic protocol entry points that dispatch through type slots, and the
// representations of the core objects (object, type, None, bool, tuple, exceptions).
//
// `rt_repr(v)` jumps to the `repr` slot of type(v). Builtin types get their slots at link
// time from routines named `rt_<slot>_<type>` (objects.ts), inherited along the MRO, so
// every type has at least object's. A new type's repr lives in the module that owns the
// type: define `rt_repr_<type>` and the slot fills itself.

import { type Assembler, eax, edi, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { EXCEPTION, TUPLE, TYPE, TYPEFLAG_BUILTIN, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** Call `routine` and jump to `onExc` if it returned EXC. */
function callChecked(a: Assembler<any>, routine: string, onExc: ReturnType<Assembler<any>['newLabel']>): void {
  a.call(sym(routine));
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

export const protocolModule: RuntimeModule = {
  name: 'protocol',
  routines: [
    {
      name: 'rt_repr',
      contract: 'rdi=value -> rax=str value (repr) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.call(sym('rt_type_of'));
        a.jmp(qword(mem(rax, typeSlot('repr'))));
      },
    },
    {
      name: 'rt_str',
      contract: 'rdi=value -> rax=str value (str()) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.call(sym('rt_type_of'));
        a.jmp(qword(mem(rax, typeSlot('str'))));
      },
    },
    {
      name: 'rt_str_object',
      contract: 'rdi=value -> rax=repr(value) (object.__str__); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_repr'));
      },
    },
    {
      name: 'rt_repr_object',
      contract: 'rdi=value -> rax=str "<module.qualname object at 0x...>" (object.__repr__); may allocate',
      emit(a: Assembler<any>) {
        // The module prefix is left out for builtins, as in CPython.
        const builtin = a.newLabel();
        prologue(a, [r12, r13], 24);
        a.mov(r12, rdi);
        a.mov(edi, 64);
        a.call(sym('rt_sb_new'));
        a.mov(r13, rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_lt')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(builtin);
        a.push(rax);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(rax, TYPE.module)));
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_dot')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.pop(rax);
        a.bind(builtin);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(rax, TYPE.qualname)));
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_object_at')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rdi, rsp);
        a.mov(rsi, r12);
        unboxPtr(a, rsi);
        a.call(sym('rt_fmt_hex'));
        a.mov(rdi, r13);
        a.mov(rsi, rsp);
        a.mov(rdx, rax);
        a.call(sym('rt_sb_append_ascii'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_gt')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        epilogue(a, [r12, r13], 24);
      },
    },
    ...(
      [
        ['NoneType', 'None'],
        ['NotImplementedType', 'NotImplemented'],
        ['ellipsis', 'Ellipsis'],
      ] as const
    ).map(([type, text]) => ({
      name: `rt_repr_${type}`,
      contract: `rdi=${text} -> rax=str value '${text}'`,
      emit(a: Assembler<any>) {
        a.mov(rax, qword(rip(sym(`const_str_${text}`))));
        a.ret();
      },
    })),
    {
      name: 'rt_repr_bool',
      contract: "rdi=bool value -> rax=str value 'True' or 'False'",
      emit(a: Assembler<any>) {
        a.mov(rax, qword(rip(sym('const_str_True'))));
        a.cmp(rdi, qword(rip(sym('rt_const_False'))));
        a.cmove(rax, qword(rip(sym('const_str_False'))));
        a.ret();
      },
    },
    {
      name: 'rt_repr_type',
      contract: "rdi=type value -> rax=str value \"<class 'module.qualname'>\" (no module for builtins); may allocate",
      emit(a: Assembler<any>) {
        const builtin = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_class_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(builtin);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(r12, TYPE.module)));
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_dot')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(builtin);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(r12, TYPE.qualname)));
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_class_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_repr_tuple',
      contract: 'rdi=tuple value -> rax=str value "(a, b)" / "(a,)" or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const noComma = a.newLabel();
        const out = a.newLabel();
        const first = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.lea(rdi, rip(sym('msg_while_repr')));
        callChecked(a, 'rt_recursion_enter', out);
        a.mov(edi, 16);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_paren_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.xor(r14, r14);
        a.bind(loop);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.cmp(r14, qword(mem(rax, TUPLE.length)));
        a.jae(done);
        a.test(r14, r14);
        a.je(first);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_comma_space')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.bind(first);
        a.mov(rdi, qword(sib(rax, r14, 8, TUPLE.items)));
        const failed = a.newLabel();
        callChecked(a, 'rt_repr', failed);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.cmp(r14, 1);
        a.jne(noComma);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_comma')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(noComma);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_paren_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.push(rax);
        a.call(sym('rt_recursion_leave'));
        a.pop(rax);
        a.bind(out);
        epilogue(a, saved);
        a.bind(failed);
        a.call(sym('rt_recursion_leave'));
        a.mov(rax, qword(rip(sym('rt_const_exc'))));
        a.jmp(out);
      },
    },
    {
      name: 'rt_repr_BaseException',
      contract: 'rdi=exception value -> rax=str value "Name(args...)" or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // CPython: Name(repr(arg)) for one argument, Name + repr(args) otherwise ("Name()").
        const one = a.newLabel();
        const haveArgs = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(r12)));
        a.mov(rsi, qword(mem(rsi, TYPE.name)));
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(r12, EXCEPTION.args)));
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 1);
        a.je(one);
        a.call(sym('rt_repr'));
        a.jmp(haveArgs);
        a.bind(one);
        a.mov(rdi, qword(mem(rax, TUPLE.items)));
        a.call(sym('rt_repr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.push(rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_paren_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rdi, r13);
        a.pop(rsi);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_paren_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.jmp(out);
        a.bind(haveArgs);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_str_BaseException',
      contract: "rdi=exception value -> rax=str value: '' for no args, str(arg) for one, str(args) otherwise; or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        const one = a.newLabel();
        const none = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, EXCEPTION.args)));
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, TUPLE.length)));
        a.test(rcx, rcx);
        a.je(none);
        a.cmp(rcx, 1);
        a.je(one);
        a.jmp(sym('rt_str'));
        a.bind(one);
        a.mov(rdi, qword(mem(rax, TUPLE.items)));
        a.jmp(sym('rt_str'));
        a.bind(none);
        a.mov(rax, qword(rip(sym('const_str_empty'))));
        a.ret();
      },
    },
    {
      name: 'rt_str_str',
      contract: 'rdi=str value -> rax=the same value (exact str)',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_recursion_enter',
      contract: 'rdi=NUL-terminated suffix for the message (e.g. " while getting the repr of an object") -> rax=0, or EXC (RecursionError) when the depth limit is reached; may allocate',
      emit(a: Assembler<any>) {
        const over = a.newLabel();
        a.mov(rax, g('rt_depth'));
        a.inc(rax);
        a.cmp(rax, g('rt_recursion_limit'));
        a.jg(over);
        a.mov(g('rt_depth'), rax);
        a.xor(eax, eax);
        a.ret();
        a.bind(over);
        // Room to handle the error: CPython likewise allows a little extra depth here.
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_RecursionError')));
        a.lea(rsi, rip(sym('msg_recursion')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_recursion_leave',
      contract: 'undo rt_recursion_enter; clobbers nothing but flags',
      emit(a: Assembler<any>) {
        a.dec(g('rt_depth'));
        a.ret();
      },
    },
  ],
  data: [
    ...(['None', 'NotImplemented', 'Ellipsis', 'True', 'False'] as const).flatMap((t) => [
      { name: `str_${t}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, t) },
      { name: `const_str_${t}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:str_${t}`)) },
    ]),
    { name: 'const_str_empty', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_empty_str')) },
    { name: 'rt_const_False', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_False')) },
    { name: 'rt_const_True', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_True')) },
    { name: 'rt_const_None', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_None')) },
    { name: 'rt_depth', section: 'bss', size: 8 },
    { name: 'rt_recursion_limit', section: 'data', align: 8, emit: (a) => a.u64(1000) },
    cstr('str_lt', '<'),
    cstr('str_gt', '>'),
    cstr('str_dot', '.'),
    cstr('str_object_at', ' object at '),
    cstr('str_class_open', "<class '"),
    cstr('str_class_close', "'>"),
    cstr('str_paren_open', '('),
    cstr('str_paren_close', ')'),
    cstr('str_comma', ','),
    cstr('str_comma_space', ', '),
    cstr('msg_recursion', 'maximum recursion depth exceeded%s'),
    cstr('msg_while_repr', ' while getting the repr of an object'),
  ],
};

