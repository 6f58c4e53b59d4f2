// Runtime core: the generic protocol entry points that dispatch through type slots, and the
// representations of the core objects (object, type, None, bool, tuple, exceptions).
//
// `rt_repr(v)` jumps to the `repr` slot of type(v). Builtin types get their slots at link
// time from routines named `rt_<slot>_<type>` (objects.ts), inherited along the MRO, so
// every type has at least object's. A new type's repr lives in the module that owns the
// type: define `rt_repr_<type>` and the slot fills itself.

import { type Assembler, al, byte, cl, eax, ecx, edi, edx, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbp, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { EXCEPTION, TAG_INT, TAG_MIN, TUPLE, TYPE, TYPEFLAG_BUILTIN, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxInt as unboxIntInPlace, unboxPtr } from '../../src/native/macros.js';
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
        // Builtin types print no module, unless theirs is not builtins (types.GenericAlias).
        const withModule = a.newLabel();
        a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.je(withModule);
        a.mov(rax, sym('box:typename_builtins_module') as never);
        a.cmp(qword(mem(r12, TYPE.module)), rax);
        a.je(builtin);
        a.bind(withModule);
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
      name: 'rt_hash',
      contract: 'rdi=value -> rax=hash (i64, never -1), or -1 if it raised (TypeError for unhashable types); may allocate, may raise',
      emit(a: Assembler<any>) {
        // Small ints hash to themselves (CPython: n mod (2**61 - 1), with -1 -> -2).
        const notInt = a.newLabel();
        const unhashable = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_INT);
        a.jne(notInt);
        a.mov(rax, rdi);
        unboxIntInPlace(a, rax);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.ret();
        a.bind(notInt);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('hash'))));
        a.test(rax, rax);
        a.je(unhashable);
        a.jmp(rax);
        a.bind(unhashable);
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_unhashable')));
        a.call(sym('rt_raise_fmt'));
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_hash_object',
      contract: 'rdi=object value -> rax=identity hash (address rotated right by 4, as CPython)',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.ror(rax, 4);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_truthy',
      contract: 'rdi=value -> eax=1 if true, 0 if false, -1 if it raised (bool slot, else len slot, else true); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notInt = a.newLabel();
        const obj = a.newLabel();
        const useLen = a.newLabel();
        const yes = a.newLabel();
        const lenDone = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notInt);
        // A double: true unless 0.0 or -0.0 (NaN is true).
        a.mov(rax, rdi);
        a.add(rax, rax); // drop the sign bit
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
        a.bind(notInt);
        a.cmp(eax, TAG_INT);
        a.jne(obj);
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
        a.bind(obj);
        a.cmp(rdi, g('rt_const_True'));
        a.je(yes);
        const no = a.newLabel();
        a.cmp(rdi, g('rt_const_False'));
        a.je(no);
        a.cmp(rdi, g('rt_const_None'));
        a.je(no);
        a.call(sym('rt_type_of'));
        a.mov(rcx, qword(mem(rax, typeSlot('bool'))));
        a.test(rcx, rcx);
        a.je(useLen);
        a.jmp(rcx);
        a.bind(useLen);
        a.mov(rcx, qword(mem(rax, typeSlot('len'))));
        a.test(rcx, rcx);
        a.je(yes);
        a.sub(rsp, 8);
        a.call(rcx);
        a.add(rsp, 8);
        a.test(rax, rax);
        a.js(lenDone); // -1: raised
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
        a.bind(lenDone);
        a.mov(eax, -1);
        a.ret();
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_richcompare',
      contract: 'rdi=a, rsi=b, edx=op index in CMPOPS (< <= == != > >=) -> rax=result value or EXC; reflected operands and subclass priority as CPython; TypeError when unsupported; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const forward = a.newLabel();
        const afterForward = a.newLabel();
        const fallback = a.newLabel();
        const reflectedTried = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.mov(qword(mem(rsp)), 0); // reflected already tried?
        a.call(sym('rt_type_of'));
        a.mov(r15, rax);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.mov(rbp, rax);
        // type(b) a proper subtype of type(a) with its own slot: its reflection goes first.
        a.cmp(rbp, r15);
        a.je(forward);
        a.mov(rax, qword(mem(rbp, typeSlot('richcompare'))));
        a.test(rax, rax);
        a.je(forward);
        a.cmp(rax, qword(mem(r15, typeSlot('richcompare'))));
        a.je(forward);
        a.mov(rdi, rbp);
        a.mov(rsi, r15);
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(forward);
        a.mov(qword(mem(rsp)), 1);
        reflect(a, out);
        a.bind(forward);
        a.mov(rax, qword(mem(r15, typeSlot('richcompare'))));
        a.test(rax, rax);
        a.je(afterForward);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.call(rax);
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.jne(out);
        a.bind(afterForward);
        a.cmp(qword(mem(rsp)), 0);
        a.jne(reflectedTried);
        reflect(a, out);
        a.bind(reflectedTried);
        a.bind(fallback);
        // == and != fall back to identity; ordering is a TypeError.
        const notEq = a.newLabel();
        const notNe = a.newLabel();
        a.cmp(r14d, 2);
        a.jne(notEq);
        a.mov(rax, g('rt_const_False'));
        a.cmp(r12, r13);
        a.cmove(rax, g('rt_const_True'));
        a.jmp(out);
        a.bind(notEq);
        a.cmp(r14d, 3);
        a.jne(notNe);
        a.mov(rax, g('rt_const_True'));
        a.cmp(r12, r13);
        a.cmove(rax, g('rt_const_False'));
        a.jmp(out);
        a.bind(notNe);
        a.lea(rax, rip(sym('cmp_op_names')));
        a.mov(rdx, qword(sib(rax, r14, 8)));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_cmp_unsupported')));
        a.mov(rcx, r12);
        a.mov(r8, r13);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 8);

        /** Try type(b)'s slot with the operands swapped; jump to `done` unless NotImplemented. */
        function reflect(asm: Assembler<any>, done: ReturnType<Assembler<any>['newLabel']>): void {
          const skip = asm.newLabel();
          asm.mov(rax, qword(mem(rbp, typeSlot('richcompare'))));
          asm.test(rax, rax);
          asm.je(skip);
          asm.lea(rcx, rip(sym('cmp_op_swapped')));
          asm.movzx(edx, byte(sib(rcx, r14, 1)));
          asm.mov(rdi, r13);
          asm.mov(rsi, r12);
          asm.call(rax);
          asm.cmp(rax, g('rt_const_NotImplemented'));
          asm.jne(done);
          asm.bind(skip);
        }
      },
    },
    {
      name: 'rt_richcompare_object',
      contract: 'object\'s richcompare slot: == is identity, != its negation, ordering NotImplemented',
      emit(a: Assembler<any>) {
        const notEq = a.newLabel();
        const ni = a.newLabel();
        a.cmp(edx, 2);
        a.jne(notEq);
        a.cmp(rdi, rsi);
        a.jne(ni);
        a.mov(rax, g('rt_const_True'));
        a.ret();
        a.bind(notEq);
        a.cmp(edx, 3);
        a.jne(ni);
        a.cmp(rdi, rsi);
        a.jne(ni);
        a.mov(rax, g('rt_const_False'));
        a.ret();
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.ret();
      },
    },
    {
      name: 'rt_eq',
      contract: 'rdi=a, rsi=b -> eax=1 if a == b (identity first, as PyObject_RichCompareBool), 0 if not, -1 if it raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const notSame = a.newLabel();
        const generic = a.newLabel();
        const bothFloat = a.newLabel();
        a.cmp(rdi, rsi);
        a.jne(notSame);
        a.mov(eax, 1);
        a.ret();
        a.bind(notSame);
        // Two small ints are equal only as identical words (canonical ints).
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.mov(rcx, rsi);
        a.shr(rcx, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(generic);
        a.cmp(ecx, TAG_MIN);
        a.jb(bothFloat);
        a.bind(generic);
        a.cmp(eax, TAG_INT);
        const notBothInt = a.newLabel();
        a.jne(notBothInt);
        a.cmp(ecx, TAG_INT);
        a.jne(notBothInt);
        a.xor(eax, eax);
        a.ret();
        a.bind(notBothInt);
        a.sub(rsp, 8);
        a.mov(edx, 2);
        a.call(sym('rt_richcompare'));
        a.add(rsp, 8);
        a.cmp(rax, g('rt_const_exc'));
        const raised = a.newLabel();
        a.je(raised);
        a.cmp(rax, g('rt_const_True'));
        const yes = a.newLabel();
        a.je(yes);
        a.cmp(rax, g('rt_const_False'));
        const no = a.newLabel();
        a.je(no);
        a.mov(rdi, rax);
        a.jmp(sym('rt_truthy'));
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
        a.bind(raised);
        a.mov(eax, -1);
        a.ret();
        a.bind(bothFloat);
        a.movq(xmm0, rdi);
        a.movq(xmm1, rsi);
        a.ucomisd(xmm0, xmm1);
        a.setnp(al);
        a.sete(cl);
        a.and(al, cl);
        a.movzx(eax, al);
        a.ret();
      },
    },
    {
      name: 'rt_str_str',
      contract: 'rdi=str value -> rax=the same value for an exact str, an exact copy for an instance of a subclass (intsub.ts); may allocate',
      emit(a: Assembler<any>) {
        const sub = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_str')));
        a.cmp(rax, rcx);
        a.jne(sub);
        a.mov(rax, rdi);
        a.ret();
        a.bind(sub);
        a.jmp(sym('rt_str_exact_copy'));
      },
    },
    {
      name: 'rt_recursion_enter',
      contract: 'rdi=NUL-terminated suffix for the message (e.g. " while getting the repr of an object") -> rax=0, or EXC (RecursionError) when the depth limit is reached; may allocate',
      emit(a: Assembler<any>) {
        const over = a.newLabel();
        a.dec(g('rt_recursion_room'));
        a.jl(over);
        a.xor(eax, eax);
        a.ret();
        a.bind(over);
        a.inc(g('rt_recursion_room'));
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
        a.inc(g('rt_recursion_room'));
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
    // The depth counter counts down: rt_recursion_room = rt_recursion_limit - depth, so entering
    // a frame is one `dec` and a sign test (templates/frame.ts ENTER), leaving one `inc`.
    { name: 'rt_recursion_room', section: 'data', align: 8, emit: (a) => a.u64(1000) },
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
    cstr('msg_unhashable', "unhashable type: '%T'"),
    cstr('msg_cmp_unsupported', "'%s' not supported between instances of '%T' and '%T'"),
    ...(['<', '<=', '==', '!=', '>', '>='] as const).map((op, i) => cstr(`str_cmp_op_${i}`, op)),
    { name: 'cmp_op_names', section: 'rodata', align: 8, emit: (a: Assembler<any>) => [0, 1, 2, 3, 4, 5].forEach((i) => a.u64(sym(`str_cmp_op_${i}`))) },
    // CMPOPS index of the reflected comparison: a < b is b > a.
    { name: 'cmp_op_swapped', section: 'rodata', align: 8, emit: (a: Assembler<any>) => a.bytes(Uint8Array.from([4, 5, 2, 3, 0, 1])) },
    { name: 'rt_const_NotImplemented', section: 'rodata', align: 8, emit: (a: Assembler<any>) => a.u64(sym('box:obj_NotImplemented')) },
    cstr('msg_recursion', 'maximum recursion depth exceeded%s'),
    cstr('msg_while_repr', ' while getting the repr of an object'),
  ],
};

