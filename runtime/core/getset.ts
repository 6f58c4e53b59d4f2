// Runtime: data attributes of builtin types (CPython's getset_descriptor and member_descriptor).
//
// Role: `int.real`, `float.imag`, `complex.real` and the like are read-only attributes that
// CPython keeps in the type's __dict__ as descriptors. A module declares one in its `methods`
// table with kind 'getter' (getset_descriptor) or 'member' (member_descriptor); methods.ts lays
// out a static descriptor object in `typedict_<type>` whose entry is a routine
// `rdi = instance -> rax = value or EXC`. The generic attribute lookup (attrs.ts) finds it in
// the MRO and, since both types have a descrset slot, treats it as a data descriptor.
//
// Layout (`fixed`, aux 4): +16 name (str value), +24 the owner type (type value), +32 the
// getter's raw address, +40 unused (0). The raw words look like tiny doubles to the collector,
// which is harmless.
//
// Messages are CPython 3.11's: reading through the class gives the descriptor itself
// (`<attribute 'real' of 'int' objects>`, `<member 'real' of 'complex' objects>`); storing or
// deleting raises AttributeError "attribute 'real' of 'int' objects is not writable" (getset)
// or "readonly attribute" (member); `__get__` on a foreign object raises TypeError
// "descriptor 'real' for 'int' objects doesn't apply to a 'str' object".

import { type Assembler, eax, mem, qword, r12, r13, r14, r8, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BUILTIN, boxInt, CELL, TUPLE, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

/** Field offsets of a getset/member descriptor object. */
export const GETSET = { name: 16, owner: 24, getter: 32, spare: 40, nfields: 4 } as const;

type Kind = 'getset' | 'member';
const TYPE_NAME: Record<Kind, string> = { getset: 'getset_descriptor', member: 'member_descriptor' };

function descrget(kind: Kind): RuntimeRoutine {
  return {
    name: `rt_descrget_${TYPE_NAME[kind]}`,
    contract: `descrget slot of ${TYPE_NAME[kind]}: (descriptor, instance or UNBOUND, owner) -> the descriptor itself for UNBOUND, else getter(instance) (TypeError "descriptor 'x' for 'T' objects doesn't apply to a 'U' object" for a foreign instance); may allocate, may raise`,
    emit(a: Assembler<any>) {
      const self = a.newLabel();
      const foreign = a.newLabel();
      const out = a.newLabel();
      if (kind === 'member') {
        // A member without a getter is a __slots__ field of a class (slots.ts).
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, GETSET.getter)), 0);
        a.je(sym('rt_member_slot_get'));
      }
      a.cmp(rsi, g('rt_const_unbound'));
      a.je(self);
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.mov(rdi, rsi);
      a.mov(rsi, qword(mem(r12, GETSET.owner)));
      unboxPtr(a, rsi);
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(foreign);
      a.mov(rdi, r13);
      a.call(qword(mem(r12, GETSET.getter)));
      a.bind(out);
      epilogue(a, [r12, r13], 8);
      a.bind(foreign);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_getset_foreign')));
      a.mov(rdx, qword(mem(r12, GETSET.name)));
      a.mov(rcx, qword(mem(r12, GETSET.owner)));
      unboxPtr(a, rcx);
      a.mov(rcx, qword(mem(rcx, TYPE.name)));
      a.mov(r8, r13);
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(self);
      a.mov(rax, rdi);
      a.ret();
    },
  };
}

/** A getter routine: `rdi = instance -> rax`, with `body`. */
function getter(name: string, contract: string, body: (a: Assembler<any>) => void): RuntimeRoutine {
  return { name, contract: `rdi=instance -> ${contract}`, emit: body };
}

/** Read-only data attributes of builtin types declared here (int, float, builtin functions, type, cell). */
const ATTRIBUTES: readonly RuntimeMethod[] = [
  { type: 'int', name: 'real', entry: 'rt_int_get_real', kind: 'getter' },
  { type: 'int', name: 'imag', entry: 'rt_int_get_imag', kind: 'getter' },
  { type: 'int', name: 'numerator', entry: 'rt_int_get_real', kind: 'getter' },
  { type: 'int', name: 'denominator', entry: 'rt_int_get_denominator', kind: 'getter' },
  { type: 'float', name: 'real', entry: 'rt_float_get_real', kind: 'getter' },
  { type: 'float', name: 'imag', entry: 'rt_float_get_imag', kind: 'getter' },
  { type: 'builtin_function_or_method', name: '__name__', entry: 'rt_bfn_get_name', kind: 'getter' },
  { type: 'builtin_function_or_method', name: '__qualname__', entry: 'rt_bfn_get_name', kind: 'getter' },
  { type: 'builtin_function_or_method', name: '__module__', entry: 'rt_bfn_get_module', kind: 'member' },
  { type: 'builtin_function_or_method', name: '__self__', entry: 'rt_bfn_get_self', kind: 'getter' },
  { type: 'builtin_function_or_method', name: '__doc__', entry: 'rt_bfn_get_doc', kind: 'getter' },
  // Attributes of `type` that classes reach through their metatype (attrs.ts rt_getattr_type).
  { type: 'type', name: '__base__', entry: 'rt_type_get_base', kind: 'member' },
  { type: 'type', name: 'mro', entry: 'rt_type_meth_mro' },
  { type: 'cell', name: 'cell_contents', entry: 'rt_cell_get_contents', kind: 'getter' },
  // The descriptors' own attributes (descrobject.c descr_members: __objclass__, __name__).
  ...(['getset_descriptor', 'member_descriptor'] as const).flatMap((t) => [
    { type: t, name: '__name__', entry: 'rt_descr_get_name', kind: 'member' as const },
    { type: t, name: '__objclass__', entry: 'rt_descr_get_objclass', kind: 'member' as const },
  ]),
];

export const getsetModule: RuntimeModule = {
  name: 'getset',
  types: [
    { name: 'getset_descriptor', layout: 'fixed' },
    { name: 'member_descriptor', layout: 'fixed' },
  ],
  methods: ATTRIBUTES,
  routines: [
    getter('rt_descr_get_name', 'rax=the name of a getset or member descriptor (a str); clobbers rax', (a) => {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, GETSET.name)));
      a.ret();
    }),
    getter('rt_descr_get_objclass', 'rax=the class owning a getset or member descriptor; clobbers rax', (a) => {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, GETSET.owner)));
      a.ret();
    }),
    getter('rt_int_get_real', 'rax=int(instance) (int.real, int.numerator: a bool gives 0 or 1); may allocate', (a) => a.jmp(sym('rt_int_pos'))),
    getter('rt_int_get_imag', 'rax=0 (int.imag); clobbers rax', (a) => {
      a.mov(rax, boxInt(0n));
      a.ret();
    }),
    getter('rt_int_get_denominator', 'rax=1 (int.denominator); clobbers rax', (a) => {
      a.mov(rax, boxInt(1n));
      a.ret();
    }),
    getter('rt_bfn_get_name', "rax=the builtin function's name str (__name__; __qualname__ too: the owner type of a method is not recorded); clobbers rax", (a) => {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, BUILTIN.name)));
      a.ret();
    }),
    getter('rt_bfn_get_self', 'rax=the bound self, or None (CPython gives the builtins module for module functions); clobbers rax rcx', (a) => {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, BUILTIN.self)));
      a.cmp(rax, g('rt_const_unbound'));
      a.cmove(rax, g('rt_const_None'));
      a.ret();
    }),
    getter('rt_bfn_get_module', "rax='builtins' for an unbound builtin, None for a bound method; clobbers rax rcx", (a) => {
      const bound = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, BUILTIN.self)));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(bound);
      a.lea(rax, rip(sym('typename_builtins_module')));
      boxPtr(a, rax, rcx);
      a.ret();
      a.bind(bound);
      a.mov(rax, g('rt_const_None'));
      a.ret();
    }),
    getter('rt_cell_get_contents', 'rax=the value the cell holds (cell.cell_contents), or EXC: ValueError "Cell is empty"; may allocate', (a) => {
      const empty = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, CELL.value)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(empty);
      a.ret();
      a.bind(empty);
      a.sub(rsp, 8);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_cell_empty')));
      a.call(sym('rt_raise_cstr'));
      a.add(rsp, 8);
      a.ret();
    }),
    getter('rt_bfn_get_doc', "rax=the builtin's CPython docstring when the program keeps it (runtime/core/builtindocs.ts), else None; clobbers rax, rcx, rdx, rdi", (a) => {
      const none = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rdi, qword(mem(rax, BUILTIN.entry)));
      a.call(sym('rt_doc_lookup'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(none);
      a.ret();
      a.bind(none);
      a.mov(rax, g('rt_const_None'));
      a.ret();
    }),
    getter('rt_type_get_base', "rax=type.__base__: for builtin types their base (None for object); for classes the first base that is a subclass of the class's solid base (CPython's best_base), None without bases; clobbers caller-saved", (a) => {
      const builtin = a.newLabel();
      const none = a.newLabel();
      const loop = a.newLabel();
      const found = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
      a.jne(builtin);
      a.mov(r13, qword(mem(r12, TYPE.bases)));
      unboxPtr(a, r13);
      a.xor(r14, r14);
      a.bind(loop);
      a.cmp(r14, qword(mem(r13, TUPLE.length)));
      a.jae(builtin); // no base is a subclass of the solid base: fall back to it
      a.mov(rdi, qword(sib(r13, r14, 8, TUPLE.items)));
      unboxPtr(a, rdi);
      a.mov(rsi, qword(mem(r12, TYPE.base)));
      a.call(sym('rt_is_subtype'));
      a.test(eax, eax);
      a.jne(found);
      a.inc(r14);
      a.jmp(loop);
      a.bind(found);
      a.mov(rax, qword(sib(r13, r14, 8, TUPLE.items)));
      epilogue(a, [r12, r13, r14], 8);
      a.bind(builtin);
      a.mov(rax, qword(mem(r12, TYPE.base)));
      a.test(rax, rax);
      a.je(none);
      boxPtr(a, rax, rcx);
      epilogue(a, [r12, r13, r14], 8);
      a.bind(none);
      a.mov(rax, g('rt_const_None'));
      epilogue(a, [r12, r13, r14], 8);
    }),
    {
      name: 'rt_type_meth_mro',
      contract: 'type.mro() (vector ABI: args[0] = the class) -> rax=list of the classes of its __mro__, or EXC; may allocate',
      emit(a: Assembler<any>) {
        a.mov(rax, qword(mem(rdi)));
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, TYPE.mro)));
        unboxPtr(a, rax);
        a.lea(rdi, mem(rax, TUPLE.items));
        a.mov(rsi, qword(mem(rax, TUPLE.length)));
        a.jmp(sym('rt_list_from_values'));
      },
    },
    descrget('getset'),
    descrget('member'),
    {
      name: 'rt_descrset_getset_descriptor',
      contract: "descrset slot of getset_descriptor (read-only ones): (descriptor, instance, value or UNBOUND) -> EXC, AttributeError \"attribute 'real' of 'int' objects is not writable\"; may allocate",
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rax, GETSET.name)));
        a.mov(rcx, qword(mem(rax, GETSET.owner)));
        unboxPtr(a, rcx);
        a.mov(rcx, qword(mem(rcx, TYPE.name)));
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_getset_readonly')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_descrset_member_descriptor',
      contract: 'descrset slot of member_descriptor: (descriptor, instance, value or UNBOUND) -> EXC, AttributeError "readonly attribute" for members of builtin types; __slots__ fields (getter 0) in rt_member_slot_set; may allocate',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, GETSET.getter)), 0);
        a.je(sym('rt_member_slot_set'));
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_member_readonly')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    ...(['getset', 'member'] as const).map(
      (kind): RuntimeRoutine => ({
        name: `rt_repr_${TYPE_NAME[kind]}`,
        contract: `rdi=${TYPE_NAME[kind]} -> rax=str "<${kind === 'getset' ? 'attribute' : 'member'} 'real' of 'int' objects>"; may allocate`,
        emit(a: Assembler<any>) {
          a.sub(rsp, 24);
          a.mov(rax, rdi);
          unboxPtr(a, rax);
          a.mov(rcx, qword(mem(rax, GETSET.name)));
          a.mov(qword(mem(rsp)), rcx);
          a.mov(rcx, qword(mem(rax, GETSET.owner)));
          unboxPtr(a, rcx);
          a.mov(rcx, qword(mem(rcx, TYPE.name)));
          a.mov(qword(mem(rsp, 8)), rcx);
          a.lea(rdi, rip(sym(`msg_${kind}_repr`)));
          a.mov(rsi, rsp);
          a.call(sym('rt_str_fmt'));
          a.add(rsp, 24);
          a.ret();
        },
      }),
    ),
  ],
  data: [
    cstr('msg_getset_foreign', "descriptor '%U' for '%U' objects doesn't apply to a '%T' object"),
    cstr('msg_getset_readonly', "attribute '%U' of '%U' objects is not writable"),
    cstr('msg_member_readonly', 'readonly attribute'),
    cstr('msg_cell_empty', 'Cell is empty'),
    cstr('msg_getset_repr', "<attribute '%U' of '%U' objects>"),
    cstr('msg_member_repr', "<member '%U' of '%U' objects>"),
  ] satisfies RuntimeDatum[],
};
