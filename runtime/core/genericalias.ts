// Runtime: parameterized generics (Objects/genericaliasobject.c of CPython 3.11):
// `list[int]`, `dict[str, list[A]]`, and subscription of classes through __class_getitem__.
//
// The getitem slot of `type` (subscripting a class): the builtin generic types (list, dict,
// tuple, set, frozenset, type) give a GenericAlias of (origin, args) with args always a
// tuple; a class whose MRO has __class_getitem__ gets its result (a plain function is called
// with the class, as CPython makes it an implicit classmethod); else TypeError "type 'int'
// is not subscriptable". A GenericAlias (layout `fixed`: origin, args) prints as CPython's
// ga_repr (types as qualname, or module.qualname outside builtins; `...`; nested aliases;
// `tuple[()]`), compares by origin and args, and calling it calls the origin.

import { type Assembler, type Label, eax, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BUILTIN, FUNCTION, TAG_OBJ, TUPLE, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** GenericAlias fields. */
export const GENERICALIAS = { origin: 16, args: 24, size: 32 } as const;

const GENERIC_BUILTINS = ['list', 'dict', 'tuple', 'set', 'frozenset', 'type'] as const;

/** Jump to `yes` when the value in `v` is an object of type `type_<t>`. Clobbers rax, rcx. */
function ifType(a: Assembler<any>, v: typeof rdi, t: string, yes: Label): void {
  const no = a.newLabel();
  a.mov(rax, v);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(no);
  a.mov(rax, v);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.lea(rcx, rip(sym(`type_${t}`)));
  a.cmp(rax, rcx);
  a.je(yes);
  a.bind(no);
}

/** Append the ga_repr_item of the value in r14 to the builder in r13. */
function reprItem(a: Assembler<any>, fail: Label): void {
  const notEllipsis = a.newLabel();
  const notType = a.newLabel();
  const builtin = a.newLabel();
  const append = a.newLabel();
  const useRepr = a.newLabel();
  const done = a.newLabel();
  a.cmp(r14, g('ga_const_ellipsis'));
  a.jne(notEllipsis);
  a.mov(rdi, r13);
  a.lea(rsi, rip(sym('ga_cs_ellipsis')));
  a.call(sym('rt_sb_append_cstr'));
  a.mov(r13, rax);
  a.jmp(done);
  a.bind(notEllipsis);
  {
    // a type: qualname, with its module unless builtins
    const isType = a.newLabel();
    a.mov(rdi, r14);
    a.call(sym('rt_type_of'));
    a.lea(rcx, rip(sym('type_type')));
    a.cmp(rax, rcx);
    a.je(isType);
    a.jmp(notType);
    a.bind(isType);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
    a.jne(builtin);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rax, TYPE.module)));
    a.call(sym('rt_sb_append_str'));
    a.mov(rdi, rax);
    a.lea(rsi, rip(sym('ga_cs_dot')));
    a.call(sym('rt_sb_append_cstr'));
    a.mov(r13, rax);
    a.bind(builtin);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.mov(rsi, qword(mem(rax, TYPE.qualname)));
    a.jmp(append);
  }
  a.bind(notType);
  {
    // functions: builtins by name, Python functions as module.qualname (ga_repr_item)
    const notBuiltin = a.newLabel();
    const notFunction = a.newLabel();
    ifType(a, r14, 'builtin_function_or_method', notBuiltin);
    a.jmp(notFunction);
    a.bind(notBuiltin);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.mov(rcx, qword(mem(rax, BUILTIN.self)));
    a.cmp(rcx, g('rt_const_unbound'));
    a.jne(useRepr);
    a.mov(rsi, qword(mem(rax, BUILTIN.name)));
    a.jmp(append);
    a.bind(notFunction);
    const isFunction = a.newLabel();
    ifType(a, r14, 'function', isFunction);
    a.jmp(useRepr);
    a.bind(isFunction);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.mov(rsi, qword(mem(rax, FUNCTION.module)));
    a.mov(rdi, rsi);
    a.shr(rdi, 48);
    a.cmp(edi, TAG_OBJ);
    a.jne(useRepr); // no module (None): the repr
    a.mov(rdi, r13);
    a.call(sym('rt_sb_append_str'));
    a.mov(rdi, rax);
    a.lea(rsi, rip(sym('ga_cs_dot')));
    a.call(sym('rt_sb_append_cstr'));
    a.mov(r13, rax);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.mov(rsi, qword(mem(rax, FUNCTION.qualname)));
    a.jmp(append);
  }
  a.bind(useRepr);
  a.mov(rdi, r14);
  a.call(sym('rt_repr'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(rsi, rax);
  a.bind(append);
  a.mov(rdi, r13);
  a.call(sym('rt_sb_append_str'));
  a.mov(r13, rax);
  a.bind(done);
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_getitem_type',
    contract: "getitem slot of type objects: rdi=class, rsi=key -> rax=list[key] & co. (GenericAlias) for the builtin generic types, the class's __class_getitem__(key), or EXC (TypeError \"type 'int' is not subscriptable\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const alias = a.newLabel();
      const notGeneric = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      for (const t of GENERIC_BUILTINS) {
        a.lea(rcx, rip(sym(`type_${t}`)));
        a.cmp(rax, rcx);
        a.je(alias);
      }
      a.bind(notGeneric);
      {
        const none = a.newLabel();
        const bound = a.newLabel();
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rsi, qword(rip(sym('ga_const_class_getitem'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(none);
        a.mov(r14, rax);
        a.mov(rdi, rax);
        a.mov(rsi, g('rt_const_unbound'));
        a.mov(rdx, r12);
        a.call(sym('rt_descr_get'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, r14);
        a.jne(bound);
        // a plain function: call it with the class (the implicit classmethod)
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r12);
        a.mov(qword(mem(rsp, 8)), r13);
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 2);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        a.jmp(out);
        a.bind(bound);
        a.sub(rsp, 16);
        a.mov(qword(mem(rsp)), r13);
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        a.jmp(out);
        a.bind(none);
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, TYPE.name)));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_ga_not_subscriptable')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
      }
      a.bind(alias);
      {
        const isTuple = a.newLabel();
        ifType(a, r13, 'tuple', isTuple);
        a.mov(rdi, r13);
        a.call(sym('rt_tuple_pack1'));
        a.mov(r13, rax);
        a.bind(isTuple);
        a.mov(edi, GENERICALIAS.size);
        a.lea(rsi, rip(sym('type_GenericAlias')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, GENERICALIAS.origin)), r12);
        a.mov(qword(mem(rax, GENERICALIAS.args)), r13);
        boxPtr(a, rax, rcx);
      }
      a.bind(out);
      epilogue(a, [r12, r13, r14], 8);
    },
  },
  {
    name: 'rt_repr_GenericAlias',
    contract: "repr slot of GenericAlias -> rax=str 'list[int]' (ga_repr), or EXC from an argument's repr; may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(edi, 32);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      a.mov(r14, qword(mem(r12, GENERICALIAS.origin)));
      reprItem(a, fail);
      a.mov(rdi, r13);
      a.mov(esi, 0x5b);
      a.call(sym('rt_sb_append_cp'));
      a.mov(r13, rax);
      {
        const notEmpty = a.newLabel();
        a.mov(rax, qword(mem(r12, GENERICALIAS.args)));
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.jne(notEmpty);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('ga_cs_empty_tuple')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(notEmpty);
      }
      a.mov(qword(mem(rsp)), 0); // index
      a.bind(loop);
      a.mov(rax, qword(mem(r12, GENERICALIAS.args)));
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(rsp)));
      a.cmp(rcx, qword(mem(rax, TUPLE.length)));
      a.jae(done);
      a.mov(r14, qword(sib(rax, rcx, 8, TUPLE.items)));
      {
        const first = a.newLabel();
        a.test(rcx, rcx);
        a.je(first);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('ga_cs_sep')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(first);
      }
      reprItem(a, fail);
      a.inc(qword(mem(rsp)));
      a.jmp(loop);
      a.bind(done);
      a.mov(rdi, r13);
      a.mov(esi, 0x5d);
      a.call(sym('rt_sb_append_cp'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, [r12, r13, r14], 8);
    },
  },
  {
    name: 'rt_str_GenericAlias',
    contract: 'str slot of GenericAlias: its repr',
    emit(a: Assembler<any>) {
      a.jmp(sym('rt_repr_GenericAlias'));
    },
  },
  {
    name: 'rt_call_GenericAlias',
    contract: 'call slot of GenericAlias: (alias, args, nargs, kwnames) -> the origin called with the arguments; may allocate, may raise',
    emit(a: Assembler<any>) {
      unboxPtr(a, rdi);
      a.mov(rdi, qword(mem(rdi, GENERICALIAS.origin)));
      a.jmp(sym('rt_call'));
    },
  },
  {
    name: 'rt_richcompare_GenericAlias',
    contract: 'richcompare slot of GenericAlias: == and != by origin and args (both aliases), NotImplemented otherwise; may allocate, may raise',
    emit(a: Assembler<any>) {
      const ni = a.newLabel();
      const out = a.newLabel();
      const isAlias = a.newLabel();
      const differ = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14d, edx);
      a.cmp(edx, 2);
      a.jb(ni);
      a.cmp(edx, 3);
      a.ja(ni);
      ifType(a, r13, 'GenericAlias', isAlias);
      a.jmp(ni);
      a.bind(isAlias);
      unboxPtr(a, r12);
      unboxPtr(a, r13);
      a.mov(rax, qword(mem(r12, GENERICALIAS.origin)));
      a.cmp(rax, qword(mem(r13, GENERICALIAS.origin)));
      a.jne(differ);
      a.mov(rdi, qword(mem(r12, GENERICALIAS.args)));
      a.mov(rsi, qword(mem(r13, GENERICALIAS.args)));
      a.mov(edx, r14d);
      a.call(sym('rt_richcompare'));
      a.jmp(out);
      a.bind(differ);
      a.mov(rax, g('rt_const_False'));
      a.cmp(r14d, 3);
      a.cmove(rax, g('rt_const_True'));
      a.jmp(out);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.bind(out);
      epilogue(a, [r12, r13, r14], 8);
    },
  },
  ...(['origin', 'args'] as const).map((f): RuntimeRoutine => ({
    name: `rt_ga_get_${f}`,
    contract: `rdi=GenericAlias -> rax=its __${f}__; clobbers rax`,
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, GENERICALIAS[f])));
      a.ret();
    },
  })),
];

const METHODS: RuntimeMethod[] = [
  { type: 'GenericAlias', name: '__origin__', entry: 'rt_ga_get_origin', kind: 'member' },
  { type: 'GenericAlias', name: '__args__', entry: 'rt_ga_get_args', kind: 'member' },
];

export const genericAliasModule: RuntimeModule = {
  name: 'genericalias',
  types: [{ name: 'GenericAlias', layout: 'fixed', module: 'types' }],
  methods: METHODS,
  routines,
  data: [
    cstr('ga_cs_ellipsis', '...'),
    { name: 'ga_const_ellipsis', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_Ellipsis')) },
    { name: 'ga_str_class_getitem', section: 'rodata', align: 16, emit: (a) => emitStr(a, '__class_getitem__') },
    { name: 'ga_const_class_getitem', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:ga_str_class_getitem')) },
    cstr('ga_cs_dot', '.'),
    cstr('ga_cs_sep', ', '),
    cstr('ga_cs_empty_tuple', '()'),
    cstr('msg_ga_not_subscriptable', "type '%U' is not subscriptable"),
  ],
};
