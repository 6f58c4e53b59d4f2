// Runtime core: the attributes of GenericAlias (`list[int]`) beyond its repr, equality and
// call (genericalias.ts), as CPython 3.11's Objects/genericaliasobject.c:
//
// - ga_getattro: every attribute name except ga's own (attr_exceptions: __origin__,
//   __args__, __parameters__, __mro_entries__, __class__, __reduce__...) is looked up on
//   the origin, so `list[int].append is list.append`;
// - __parameters__: the type variables among the args (objects with __typing_subst__, and
//   the __parameters__ of nested aliases), in order, each once (compared by identity, as
//   _Py_make_parameters' tuple_index); recomputed at each read (CPython caches it);
// - __mro_entries__(bases) -> (origin,): `class C(list[int])` subclasses list (PEP 560,
//   mroentries.ts);
// - __instancecheck__ / __subclasscheck__ raise TypeError ("isinstance() argument 2 cannot
//   be a parameterized generic");
// - hash: hash(origin) ^ hash(args).
//
// The slot routines are found by name (rt_getattr_GenericAlias, rt_hash_GenericAlias: the
// type objects' slot words, objects.ts), the methods through the module's method table.

import { type Assembler, eax, ebx, ecx, edx, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { TUPLE } from '../../src/native/layout.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { nameIndex, nameTable, staticStr } from './descrkit.js';
import { cstr } from './exc.js';
import { GENERICALIAS } from './genericalias.js';

/** genericaliasobject.c attr_exceptions: names ga_getattro never forwards to the origin. */
const ATTR_EXCEPTIONS = ['__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__'] as const;

/**
 * Append the value in rdi to the tuple accumulated in [rsp + ACC] unless it is already
 * there (by identity). Clobbers caller-saved registers; may allocate.
 */
function addUnique(a: Assembler<any>, acc: number): void {
  const scan = a.newLabel();
  const add = a.newLabel();
  const done = a.newLabel();
  a.mov(qword(mem(rsp, acc + 8)), rdi);
  a.mov(rax, qword(mem(rsp, acc)));
  unboxPtr(a, rax);
  a.xor(ecx, ecx);
  a.bind(scan);
  a.cmp(rcx, qword(mem(rax, TUPLE.length)));
  a.jae(add);
  a.cmp(rdi, qword(sib(rax, rcx, 8, TUPLE.items)));
  a.je(done);
  a.inc(rcx);
  a.jmp(scan);
  a.bind(add);
  a.lea(rdi, mem(rsp, acc + 8));
  a.mov(rsi, 1);
  a.call(sym('rt_tuple_from_values'));
  a.mov(rsi, rax);
  a.mov(rdi, qword(mem(rsp, acc)));
  a.call(sym('rt_tuple_concat'));
  a.mov(qword(mem(rsp, acc)), rax);
  a.bind(done);
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_getattr_GenericAlias',
    contract: "getattr slot of GenericAlias: (alias, name) -> ga's own attribute for the attr_exceptions names (UNBOUND if absent), else getattr(origin, name) or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      const own = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      nameIndex(a, rsi, 'ga_attr_exceptions');
      a.test(rax, rax);
      a.jns(own);
      a.mov(rdi, r12);
      unboxPtr(a, rdi);
      a.mov(rdi, qword(mem(rdi, GENERICALIAS.origin)));
      a.mov(rsi, r13);
      a.call(sym('rt_getattr'));
      a.jmp(out);
      a.bind(own);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.xor(edx, edx);
      a.call(sym('rt_descr_getattr_generic'));
      a.bind(out);
      epilogue(a, [r12, r13], 8);
    },
  },
  {
    name: 'rt_hash_GenericAlias',
    contract: 'hash slot of GenericAlias: rdi=alias -> rax=hash(origin) ^ hash(args), -1 if it raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const fail = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, qword(mem(r12, GENERICALIAS.origin)));
      a.call(sym('rt_hash'));
      a.cmp(rax, -1);
      a.je(fail);
      a.mov(r13, rax);
      a.mov(rdi, qword(mem(r12, GENERICALIAS.args)));
      a.call(sym('rt_hash'));
      a.cmp(rax, -1);
      a.je(fail);
      a.xor(rax, r13);
      a.cmp(rax, -1);
      a.jne(out);
      a.mov(rax, -2); // -1 is the error value
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, -1);
      a.bind(out);
      epilogue(a, [r12, r13], 8);
    },
  },
  {
    name: 'rt_ga_get_parameters',
    contract: 'rdi=GenericAlias -> rax=its __parameters__ tuple (type variables of the args, nested aliases\' __parameters__, each once), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      // r12 = args (raw), r13 = index, r14 = the arg, r15 = its __parameters__ (raw) and
      // rbx the index in it. Locals: [0] the accumulated tuple, [8] scratch for addUnique.
      const saved = [rbx, r12, r13, r14, r15] as const;
      const ACC = 0, LOCALS = 16;
      const loop = a.newLabel();
      const next = a.newLabel();
      const done = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved, LOCALS);
      unboxPtr(a, rdi);
      a.mov(r12, qword(mem(rdi, GENERICALIAS.args)));
      a.mov(rax, g('rt_const_empty_tuple'));
      a.mov(qword(mem(rsp, ACC)), rax);
      // args is a tuple (genericalias.ts makes it one); anything else has no parameters.
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym('type_tuple')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(done);
      unboxPtr(a, r12);
      a.xor(r13, r13);
      a.bind(loop);
      a.cmp(r13, qword(mem(r12, TUPLE.length)));
      a.jae(done);
      a.mov(r14, qword(sib(r12, r13, 8, TUPLE.items)));
      a.mov(rdi, r14);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(next);
      a.mov(rdi, r14);
      a.mov(rsi, g('ga_str_typing_subst.v'));
      a.call(sym('rt_descr_getattr_opt'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      const notVar = a.newLabel();
      a.cmp(rax, g('rt_const_unbound'));
      a.je(notVar);
      a.mov(rdi, r14);
      addUnique(a, ACC);
      a.jmp(next);
      a.bind(notVar);
      a.mov(rdi, r14);
      a.mov(rsi, g('ga_str_parameters.v'));
      a.call(sym('rt_descr_getattr_opt'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(next);
      a.mov(r15, rax);
      a.mov(rdi, rax);
      a.lea(rsi, rip(sym('type_tuple')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(next);
      unboxPtr(a, r15);
      a.xor(ebx, ebx);
      const inner = a.newLabel();
      a.bind(inner);
      a.cmp(rbx, qword(mem(r15, TUPLE.length)));
      a.jae(next);
      a.mov(rdi, qword(sib(r15, rbx, 8, TUPLE.items)));
      addUnique(a, ACC);
      a.inc(rbx);
      a.jmp(inner);
      a.bind(next);
      a.inc(r13);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, qword(mem(rsp, ACC)));
      a.bind(out);
      epilogue(a, saved, LOCALS);
    },
  },
  {
    name: 'rt_ga_mro_entries',
    contract: 'GenericAlias.__mro_entries__(bases) with the vector ABI -> (origin,), or EXC (TypeError for other argument counts); may allocate',
    emit(a: Assembler<any>) {
      const bad = a.newLabel();
      const out = a.newLabel();
      prologue(a, [], 8);
      a.test(rdx, rdx);
      a.jne(bad);
      a.cmp(rsi, 2);
      a.jne(bad);
      a.mov(rdi, qword(mem(rdi, 0)));
      unboxPtr(a, rdi);
      a.lea(rdi, mem(rdi, GENERICALIAS.origin));
      a.mov(rsi, 1);
      a.call(sym('rt_tuple_from_values'));
      a.jmp(out);
      a.bind(bad);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_ga_mro_entries_args')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, [], 8);
    },
  },
  ...(['instancecheck', 'subclasscheck'] as const).map((m): RuntimeRoutine => ({
    name: `rt_ga_${m}`,
    contract: `GenericAlias.__${m}__ with the vector ABI -> EXC (TypeError "${m === 'instancecheck' ? 'isinstance' : 'issubclass'}() argument 2 cannot be a parameterized generic"); may allocate`,
    emit(a: Assembler<any>) {
      prologue(a, [], 8);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(`msg_ga_${m}`)));
      a.call(sym('rt_raise_cstr'));
      epilogue(a, [], 8);
    },
  })),
];

const methods: RuntimeMethod[] = [
  { type: 'GenericAlias', name: '__parameters__', entry: 'rt_ga_get_parameters', kind: 'getter' },
  { type: 'GenericAlias', name: '__mro_entries__', entry: 'rt_ga_mro_entries' },
  { type: 'GenericAlias', name: '__instancecheck__', entry: 'rt_ga_instancecheck' },
  { type: 'GenericAlias', name: '__subclasscheck__', entry: 'rt_ga_subclasscheck' },
];

export const gaAttrsModule: RuntimeModule = {
  name: 'gaattrs',
  methods,
  routines,
  data: [
    nameTable('ga_attr_exceptions', ATTR_EXCEPTIONS),
    ...staticStr('ga_str_typing_subst', '__typing_subst__'),
    ...staticStr('ga_str_parameters', '__parameters__'),
    cstr('msg_ga_mro_entries_args', '__mro_entries__() takes exactly one argument'),
    cstr('msg_ga_instancecheck', 'isinstance() argument 2 cannot be a parameterized generic'),
    cstr('msg_ga_subclasscheck', 'issubclass() argument 2 cannot be a parameterized generic'),
  ],
};
