// Runtime core: calls with unpacked arguments, the displays that unpack, starred assignment.
//
// The compiler turns `f(a, *b, k=1, **m)` into BUILD_LIST / LIST_EXTEND / LIST_TO_TUPLE for
// the positional part, BUILD_MAP / DICT_MERGE for the keyword part and CALL_FUNCTION_EX;
// `[*a]`, `(*a,)`, `{*a}`, `{**m}` use LIST_EXTEND, SET_UPDATE and DICT_UPDATE; `a, *b = x`
// is UNPACK_EX. The routines here give those instructions CPython 3.11's semantics and
// messages (Python/ceval.c: CALL_FUNCTION_EX, check_args_iterable, format_kwargs_error,
// DICT_UPDATE, LIST_EXTEND, unpack_iterable; Objects/dictobject.c dict_merge).
//
// rt_call_ex lays the arguments out as a vector call (positional words, then the keyword
// values, with a tuple of the keyword names) in value words above `rt_vs_top`, so the
// collector sees them while the callee runs, and calls rt_call.

import { type Assembler, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r15d, r8, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sil, sym } from '../../src/asm/index.js';
import { BUILTIN, CODE, DICT, EXCEPTION, FUNCTION, TUPLE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';
import { ifNotExact, ifNotLayout } from './listshared.js';

type Label = ReturnType<Assembler<any>['newLabel']>;

/**
 * Jump to `no` unless the value in rdi can be iterated: its type has an iter slot or a
 * getitem slot (CPython: tp_iter, or PySequence_Check). Clobbers rax, rcx.
 */
function ifNotIterable(a: Assembler<any>, no: Label): void {
  const yes = a.newLabel();
  a.call(sym('rt_type_of'));
  a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
  a.jne(yes);
  a.cmp(qword(mem(rax, typeSlot('getitem'))), 0);
  a.je(no);
  a.bind(yes);
}

/** eax = 1 if the pending exception (rt_exc) is an instance of type_<name>. Clobbers caller-saved. */
function pendingIs(a: Assembler<any>, name: string): void {
  a.mov(rdi, g('rt_exc'));
  a.lea(rsi, rip(sym(`type_${name}`)));
  a.call(sym('rt_isinstance_type'));
}

/** rt_exc = UNBOUND (the pending exception dropped). Clobbers rax. */
function clearPending(a: Assembler<any>): void {
  a.mov(rax, g('rt_const_unbound'));
  a.mov(g('rt_exc'), rax);
}

export const callExModule: RuntimeModule = {
  name: 'callex',
  routines: [
    {
      name: 'rt_function_str',
      contract: "rdi=callable -> rax=str: CPython's _PyObject_FunctionStr (\"mod.qualname()\", \"qualname()\" for builtins, str(f) without a __qualname__) or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        // Objects/object.c _PyObject_FunctionStr. Lookup failures count as absent attributes.
        // Builtin functions do not record the type that owns a method (their __qualname__ is
        // the bare name), so theirs is made from the object they are bound to.
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const plain = a.newLabel();
        const builtin = a.newLabel();
        const noModule = a.newLabel();
        const moduleFailed = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        {
          const general = a.newLabel();
          ifNotLayout(a, r12, 'builtin', rax, general);
          a.jmp(builtin);
          a.bind(general);
        }
        a.mov(rsi, g('cx_str_qualname.v'));
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(plain);
        a.mov(rdi, rax);
        a.call(sym('rt_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.mov(rdi, r12);
        a.mov(rsi, g('cx_str_module.v'));
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(moduleFailed);
        a.cmp(rax, g('rt_const_None'));
        a.je(noModule);
        a.mov(rdi, rax);
        a.call(sym('rt_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r14, rax);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('cx_cs_builtins')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        const withModule = a.newLabel();
        a.je(withModule);
        a.mov(qword(mem(rsp, 0)), r13);
        a.lea(rdi, rip(sym('cx_fmt_call')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(withModule);
        a.mov(qword(mem(rsp, 0)), r14);
        a.mov(qword(mem(rsp, 8)), r13);
        a.lea(rdi, rip(sym('cx_fmt_mod_call')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(moduleFailed);
        clearPending(a);
        a.bind(noModule);
        a.mov(qword(mem(rsp, 0)), r13);
        a.lea(rdi, rip(sym('cx_fmt_call')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(plain);
        clearPending(a);
        a.bind(builtin);
        {
          // Builtin functions without a __qualname__ here: their name, after the type they
          // are bound to ("list.append()", "dict.fromkeys()", "len()").
          const notBuiltin = a.newLabel();
          const unbound = a.newLabel();
          const instance = a.newLabel();
          ifNotLayout(a, r12, 'builtin', rax, notBuiltin);
          a.mov(r13, r12);
          unboxPtr(a, r13);
          a.mov(rax, qword(mem(r13, BUILTIN.name)));
          a.mov(qword(mem(rsp, 8)), rax);
          a.mov(rdi, qword(mem(r13, BUILTIN.self)));
          a.cmp(rdi, g('rt_const_unbound'));
          a.je(unbound);
          a.lea(rsi, rip(sym('type_type')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(instance);
          a.mov(rax, qword(mem(r13, BUILTIN.self)));
          unboxPtr(a, rax);
          a.mov(qword(mem(rsp, 0)), rax);
          a.lea(rdi, rip(sym('cx_fmt_type_call')));
          a.mov(rsi, rsp);
          a.call(sym('rt_str_fmt'));
          a.jmp(out);
          a.bind(instance);
          a.mov(rax, qword(mem(r13, BUILTIN.self)));
          a.mov(qword(mem(rsp, 0)), rax);
          a.lea(rdi, rip(sym('cx_fmt_self_call')));
          a.mov(rsi, rsp);
          a.call(sym('rt_str_fmt'));
          a.jmp(out);
          a.bind(unbound);
          a.mov(rax, qword(mem(r13, BUILTIN.name)));
          a.mov(qword(mem(rsp, 0)), rax);
          a.lea(rdi, rip(sym('cx_fmt_call')));
          a.mov(rsi, rsp);
          a.call(sym('rt_str_fmt'));
          a.jmp(out);
          a.bind(notBuiltin);
        }
        a.mov(rdi, r12);
        a.call(sym('rt_str'));
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_call_ex',
      contract: 'rdi=callable, rsi=positional arguments (a tuple, or any iterable), rdx=keyword arguments (an exact dict) or UNBOUND -> rax=result or EXC (CALL_FUNCTION_EX: "f() argument after * must be an iterable, not int", "keywords must be strings"); may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: the caller's rt_vs_top; the keyword-name tuple (boxed: the conservative
        // scan of the machine stack keeps it alive).
        const OLDTOP = 0, KWNAMES = 8, LOCALS = 24;
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const haveTuple = a.newLabel();
        const positionalOnly = a.newLabel();
        const notTuple = a.newLabel();
        const notIterable = a.newLabel();
        const overflow = a.newLabel();
        const notStr = a.newLabel();
        const restore = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        ifNotExact(a, r13, 'tuple', rax, rcx, notTuple);
        a.jmp(haveTuple);
        // check_args_iterable, then PySequence_Tuple.
        a.bind(notTuple);
        a.mov(rdi, r13);
        ifNotIterable(a, notIterable);
        a.mov(rdi, r13);
        a.call(sym('rt_tuple_from_iterable'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.bind(haveTuple);
        a.mov(r15, r13);
        unboxPtr(a, r15); // positional tuple (raw)
        a.mov(rbx, qword(mem(r15, TUPLE.length))); // n
        a.cmp(r14, g('rt_const_unbound'));
        a.je(positionalOnly);
        a.mov(rbp, r14);
        unboxPtr(a, rbp); // keyword dict (raw)
        a.cmp(qword(mem(rbp, DICT.used)), 0);
        a.je(positionalOnly);
        // The vector: n positional words, then the keyword values, at rt_vs_top.
        a.mov(rax, g('rt_vs_top'));
        a.mov(qword(mem(rsp, OLDTOP)), rax);
        a.mov(rcx, rbx);
        a.add(rcx, qword(mem(rbp, DICT.used)));
        a.lea(rcx, sib(rax, rcx, 8));
        a.cmp(rcx, g('rt_vs_limit'));
        a.ja(overflow);
        {
          // Positional words copied, keyword words zero (0.0) until filled; then the words
          // are made visible to the collector.
          const copy = a.newLabel();
          const copied = a.newLabel();
          const zero = a.newLabel();
          const zeroed = a.newLabel();
          a.xor(edx, edx);
          a.bind(copy);
          a.cmp(rdx, rbx);
          a.jae(copied);
          a.mov(r8, qword(sib(r15, rdx, 8, TUPLE.items)));
          a.mov(qword(sib(rax, rdx, 8)), r8);
          a.inc(rdx);
          a.jmp(copy);
          a.bind(copied);
          a.lea(rdx, sib(rax, rbx, 8));
          a.bind(zero);
          a.cmp(rdx, rcx);
          a.jae(zeroed);
          a.mov(qword(mem(rdx)), 0);
          a.add(rdx, 8);
          a.jmp(zero);
          a.bind(zeroed);
          a.mov(g('rt_vs_top'), rcx);
        }
        a.mov(rdi, qword(mem(rbp, DICT.used)));
        a.call(sym('rt_tuple_alloc'));
        a.mov(qword(mem(rsp, KWNAMES)), rax); // raw: an interior pointer is a root too
        {
          // _PyStack_UnpackDict: every key must be a str; names in dict order.
          const loop = a.newLabel();
          const done = a.newLabel();
          a.xor(r15d, r15d);
          a.xor(r14d, r14d); // r14 = dict position; r15 = keyword index (the dict value is in rbp)
          a.bind(loop);
          a.mov(rdi, rbp);
          a.mov(rsi, r14);
          a.call(sym('rt_dict_next'));
          a.test(rax, rax);
          a.js(done);
          a.lea(r14, mem(rax, 1));
          a.mov(rax, qword(mem(rsp, KWNAMES)));
          a.mov(qword(sib(rax, r15, 8, TUPLE.items)), rdx);
          a.lea(rax, sib(rbx, r15, 1));
          a.shl(rax, 3);
          a.add(rax, qword(mem(rsp, OLDTOP)));
          a.mov(qword(mem(rax)), rcx);
          a.mov(rdi, rdx);
          a.lea(rsi, rip(sym('type_str')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(notStr);
          a.inc(r15);
          a.jmp(loop);
          a.bind(done);
        }
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(rsp, OLDTOP)));
        a.mov(rdx, rbx);
        a.add(rdx, r15);
        a.mov(rcx, qword(mem(rsp, KWNAMES)));
        boxPtr(a, rcx, rax);
        a.call(sym('rt_call'));
        a.bind(restore);
        a.mov(rcx, qword(mem(rsp, OLDTOP)));
        a.mov(g('rt_vs_top'), rcx);
        a.jmp(out);
        a.bind(notStr);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('cx_msg_kw_not_str')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(restore);
        a.bind(positionalOnly);
        a.mov(rdi, r12);
        a.lea(rsi, mem(r15, TUPLE.items));
        a.mov(rdx, rbx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
        a.bind(notIterable);
        a.mov(rdi, r12);
        a.call(sym('rt_function_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdx, rax);
        a.mov(rcx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('cx_msg_star_iterable')));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, LOCALS);
      },
    },
    {
      name: 'rt_mapping_merge',
      contract: 'rdi=dict value, rsi=mapping, edx=1 to overwrite existing keys, 0 to raise KeyError(key) on one -> rax=0 or EXC (dict_merge: dicts by their pairs, other mappings through keys() and [] (AttributeError without keys)); may allocate, may raise',
      emit(a: Assembler<any>) {
        // Objects/dictobject.c dict_merge. A dict whose type keeps dict's own iteration is
        // read pair by pair; anything else is a mapping: b.keys(), then b[key] for each.
        const KEY = 0, VALUE = 8, HASH = 16, LOCALS = 24;
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const generic = a.newLabel();
        const done = a.newLabel();
        const duplicate = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        ifNotLayout(a, r13, 'dict', rax, generic);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.lea(rcx, rip(sym('rt_iter_dict')));
        a.cmp(qword(mem(rax, typeSlot('iter'))), rcx);
        a.jne(generic);
        {
          const keepFirst = a.newLabel();
          a.test(r14d, r14d);
          a.je(keepFirst);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.call(sym('rt_dict_merge'));
          a.jmp(out);
          a.bind(keepFirst);
          // Pair by pair, refusing keys the target has; the source must not change size.
          const loop = a.newLabel();
          a.mov(r15, r13);
          unboxPtr(a, r15);
          a.mov(rbx, qword(mem(r15, DICT.nentries)));
          a.xor(ebp, ebp);
          a.bind(loop);
          a.mov(rdi, r15);
          a.mov(rsi, rbp);
          a.call(sym('rt_dict_next'));
          a.test(rax, rax);
          a.js(done);
          a.lea(rbp, mem(rax, 1));
          a.mov(qword(mem(rsp, KEY)), rdx);
          a.mov(qword(mem(rsp, VALUE)), rcx);
          a.mov(qword(mem(rsp, HASH)), r8);
          a.mov(rdi, r12);
          a.mov(rsi, rdx);
          a.mov(rdx, r8);
          a.call(sym('rt_dict_getitem_hash'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(duplicate);
          a.mov(rdi, r12);
          a.mov(rsi, qword(mem(rsp, KEY)));
          a.mov(rdx, qword(mem(rsp, VALUE)));
          a.mov(rcx, qword(mem(rsp, HASH)));
          a.call(sym('rt_dict_setitem_hash'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rbx, qword(mem(r15, DICT.nentries)));
          a.je(loop);
          a.lea(rdi, rip(sym('type_RuntimeError')));
          a.lea(rsi, rip(sym('msg_dict_mutated_update')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
        }
        a.bind(generic);
        {
          const loop = a.newLabel();
          a.mov(rdi, r13);
          a.mov(rsi, g('cx_str_keys.v'));
          a.call(sym('rt_getattr'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rdi, rax);
          a.mov(rsi, rsp);
          a.xor(edx, edx);
          a.xor(ecx, ecx);
          a.call(sym('rt_call'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rdi, rax);
          a.call(sym('rt_iter'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(r15, rax); // the keys' iterator
          a.bind(loop);
          a.mov(rdi, r15);
          a.call(sym('rt_next'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(done);
          a.mov(rbx, rax); // key
          a.mov(qword(mem(rsp, KEY)), rax);
          const fetch = a.newLabel();
          a.test(r14d, r14d);
          a.jne(fetch);
          a.mov(rdi, r12);
          a.mov(rsi, rbx);
          a.call(sym('rt_dict_getitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(duplicate);
          a.bind(fetch);
          a.mov(rdi, r13);
          a.mov(rsi, rbx);
          a.call(sym('rt_getitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rdi, r12);
          a.mov(rsi, rbx);
          a.mov(rdx, rax);
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.jmp(loop);
        }
        a.bind(duplicate);
        // _PyErr_SetKeyError(key): the callers turn it into their own message.
        a.mov(rdi, qword(mem(rsp, KEY)));
        a.call(sym('rt_dict_keyerror'));
        a.jmp(out);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, LOCALS);
      },
    },
    {
      name: 'rt_dict_update_display',
      contract: "rdi=dict value, rsi=mapping -> rax=0 or EXC (DICT_UPDATE of {**m}: TypeError \"'int' object is not a mapping\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r13, rsi);
        a.mov(edx, 1);
        a.call(sym('rt_mapping_merge'));
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        a.mov(r12, rax);
        pendingIs(a, 'AttributeError');
        a.test(eax, eax);
        a.mov(rax, r12);
        a.je(out);
        a.mov(rdx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('cx_msg_not_mapping')));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_dict_merge_call',
      contract: "rdi=dict value, rsi=mapping, rdx=the callable -> rax=0 or EXC (DICT_MERGE of f(**m): \"f() argument after ** must be a mapping, not int\", \"f() got multiple values for keyword argument 'x'\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        // ceval.c format_kwargs_error: an AttributeError (no keys()) or a KeyError with one
        // argument (a repeated key) raised while merging becomes the call's TypeError.
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const notAttr = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.xor(edx, edx);
        a.call(sym('rt_mapping_merge'));
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        pendingIs(a, 'AttributeError');
        a.test(eax, eax);
        a.je(notAttr);
        a.mov(rdi, r14);
        a.call(sym('rt_function_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdx, rax);
        a.mov(rcx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('cx_msg_kw_mapping')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notAttr);
        {
          const keep = a.newLabel();
          pendingIs(a, 'KeyError');
          a.test(eax, eax);
          a.je(keep);
          a.mov(rax, g('rt_exc'));
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, EXCEPTION.args)));
          unboxPtr(a, rax);
          a.cmp(qword(mem(rax, TUPLE.length)), 1);
          a.jne(keep);
          a.mov(rdi, qword(mem(rax, TUPLE.items)));
          a.call(sym('rt_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(r12, rax);
          a.mov(rdi, r14);
          a.call(sym('rt_function_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rdx, rax);
          a.mov(rcx, r12);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('cx_msg_kw_multiple')));
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(keep);
          a.mov(rax, g('rt_const_exc'));
        }
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_list_extend_star',
      contract: 'rdi=list value, rsi=iterable -> rax=0 or EXC (LIST_EXTEND of [*x]: TypeError "Value after * must be an iterable, not int"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        ifNotIterable(a, bad);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.pop(r13);
        a.pop(r12);
        a.jmp(sym('rt_list_extend'));
        a.bind(bad);
        a.mov(rdx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('cx_msg_value_after_star')));
        a.call(sym('rt_raise_fmt'));
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_unpack_ex',
      contract: 'rdi=iterable, esi=UNPACK_EX argument (before | after << 8), rdx=destination (before + 1 + after words; the stack order: the last item first, item 0 last) -> rax=0 or EXC ("not enough values to unpack (expected at least 2, got 1)", "cannot unpack non-iterable int object"); may allocate, may raise',
      emit(a: Assembler<any>) {
        // ceval.c unpack_iterable with a starred target: the items before the star, a new
        // list of the middle ones, the items after it.
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const notIterable = a.newLabel();
        const tooFew = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.movzx(r13d, sil);
        a.mov(ebp, esi);
        a.shr(ebp, 8); // after
        a.mov(r14, rdx);
        a.mov(rdi, r12);
        ifNotIterable(a, notIterable);
        a.mov(rdi, r12);
        a.call(sym('rt_list_from_iterable'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r12, rax); // the items, as a new list
        a.mov(rdi, rax);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rbx, rdx); // n
        a.lea(rcx, sib(r13, rbp, 1));
        a.cmp(rbx, rcx);
        a.jb(tooFew);
        // The starred list: items[before : n - after].
        a.lea(rdi, sib(rax, r13, 8));
        a.mov(rsi, rbx);
        a.sub(rsi, rcx);
        a.call(sym('rt_list_from_values'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // dst[after] = the starred list; dst[after + 1 + before - 1 - k] = items[k];
        // dst[after - 1 - j] = items[n - after + j].
        a.mov(qword(sib(r14, rbp, 8)), rax);
        a.mov(rdi, r12);
        a.call(sym('rt_cont_seqitems'));
        {
          const before = a.newLabel();
          const beforeDone = a.newLabel();
          const after = a.newLabel();
          const afterDone = a.newLabel();
          // rcx = k; destination index after + before - k
          a.xor(ecx, ecx);
          a.bind(before);
          a.cmp(rcx, r13);
          a.jae(beforeDone);
          a.mov(rdx, qword(sib(rax, rcx, 8)));
          a.lea(rsi, sib(rbp, r13, 1));
          a.sub(rsi, rcx);
          a.mov(qword(sib(r14, rsi, 8)), rdx);
          a.inc(rcx);
          a.jmp(before);
          a.bind(beforeDone);
          // rcx = j; source n - after + j, destination after - 1 - j
          a.xor(ecx, ecx);
          a.bind(after);
          a.cmp(rcx, rbp);
          a.jae(afterDone);
          a.lea(rsi, sib(rbx, rcx, 1));
          a.sub(rsi, rbp);
          a.mov(rdx, qword(sib(rax, rsi, 8)));
          a.mov(rsi, rbp);
          a.sub(rsi, rcx);
          a.mov(qword(sib(r14, rsi, 8, -8)), rdx);
          a.inc(rcx);
          a.jmp(after);
          a.bind(afterDone);
        }
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(tooFew);
        a.mov(r8, rbx);
        a.lea(rcx, sib(r13, rbp, 1));
        a.mov(rdx, rcx);
        a.mov(rcx, r8);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('cx_msg_unpack_at_least')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notIterable);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_cannot_unpack')));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_bind_posonly_error',
      contract: "rdi=function (raw), rsi=kwnames tuple value -> rax=EXC (TypeError \"f() got some positional-only arguments passed as keyword arguments: 'a, b'\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        // ceval.c positional_only_passed_as_keyword: the positional-only parameters named by
        // some keyword, in parameter order, joined by ", ".
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const params = a.newLabel();
        const paramsDone = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        unboxPtr(a, r13);
        a.mov(edi, 16);
        a.call(sym('rt_sb_new'));
        a.mov(r14, rax); // builder
        a.xor(r15d, r15d); // names written
        a.xor(ebx, ebx); // parameter index
        a.bind(params);
        a.mov(rax, qword(mem(r12, FUNCTION.code)));
        a.cmp(rbx, qword(mem(rax, CODE.posonly)));
        a.jae(paramsDone);
        {
          const kws = a.newLabel();
          const next = a.newLabel();
          const hit = a.newLabel();
          a.xor(ebp, ebp);
          a.bind(kws);
          a.cmp(rbp, qword(mem(r13, TUPLE.length)));
          a.jae(next);
          a.mov(rax, qword(mem(r12, FUNCTION.code)));
          a.mov(rax, qword(mem(rax, CODE.varnames)));
          unboxPtr(a, rax);
          a.mov(rdi, qword(sib(rax, rbx, 8, TUPLE.items)));
          a.mov(rsi, qword(sib(r13, rbp, 8, TUPLE.items)));
          a.call(sym('rt_eq'));
          a.test(eax, eax);
          a.js(out);
          a.jne(hit);
          a.inc(rbp);
          a.jmp(kws);
          a.bind(hit);
          const first = a.newLabel();
          a.test(r15, r15);
          a.je(first);
          a.mov(rdi, r14);
          a.lea(rsi, rip(sym('cx_cs_comma')));
          a.call(sym('rt_sb_append_cstr'));
          a.mov(r14, rax);
          a.bind(first);
          a.mov(rax, qword(mem(r12, FUNCTION.code)));
          a.mov(rax, qword(mem(rax, CODE.varnames)));
          unboxPtr(a, rax);
          a.mov(rsi, qword(sib(rax, rbx, 8, TUPLE.items)));
          a.mov(rdi, r14);
          a.call(sym('rt_sb_append_str'));
          a.mov(r14, rax);
          a.inc(r15);
          a.bind(next);
        }
        a.inc(rbx);
        a.jmp(params);
        a.bind(paramsDone);
        a.mov(rdi, r14);
        a.call(sym('rt_sb_finish'));
        a.mov(rcx, rax);
        a.mov(rdx, qword(mem(r12, FUNCTION.qualname)));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_posonly_as_kw')));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        a.mov(rax, g('rt_const_exc'));
        epilogue(a, saved, 8);
      },
    },
  ],
  data: [
    ...staticStr('cx_str_qualname', '__qualname__'),
    ...staticStr('cx_str_module', '__module__'),
    ...staticStr('cx_str_keys', 'keys'),
    cstr('cx_cs_builtins', 'builtins'),
    cstr('cx_cs_comma', ', '),
    cstr('cx_fmt_call', '%U()'),
    cstr('cx_fmt_mod_call', '%U.%U()'),
    cstr('cx_fmt_type_call', '%N.%U()'),
    cstr('cx_fmt_self_call', '%T.%U()'),
    cstr('cx_msg_star_iterable', '%U argument after * must be an iterable, not %T'),
    cstr('cx_msg_kw_mapping', '%U argument after ** must be a mapping, not %T'),
    cstr('cx_msg_kw_multiple', "%U got multiple values for keyword argument '%U'"),
    cstr('cx_msg_kw_not_str', 'keywords must be strings'),
    cstr('cx_msg_value_after_star', 'Value after * must be an iterable, not %T'),
    cstr('cx_msg_not_mapping', "'%T' object is not a mapping"),
    cstr('cx_msg_unpack_at_least', 'not enough values to unpack (expected at least %d, got %d)'),
  ],
};
