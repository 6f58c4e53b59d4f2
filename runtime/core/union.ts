// Runtime: union types (`int | str`, PEP 604), Objects/unionobject.c of CPython 3.11.
//
// `|` between two unionable values (None, classes, GenericAlias, unions) gives a
// types.UnionType whose __args__ are the operands flattened (a union contributes its args,
// None becomes NoneType) and deduplicated (by identity; GenericAlias by ==); a single
// remaining argument is returned as it is (`int | int` is int). The binop slot of `type`
// (rt_binop_type), of GenericAlias and of UnionType itself make it; anything else is NotImplemented, so
// `int | 'str'` is CPython's "unsupported operand type(s) for |" TypeError. isinstance and
// issubclass take a union as the tuple of its args (bi_reflect.ts).
//
// Layout `fixed`: +16 args (tuple value).
//
// repr as union_repr: " | " between the items; NoneType as None, a GenericAlias by its repr,
// a class as its qualname (builtin types) or module.qualname. ==/!= compare the args as
// frozensets, the hash is the frozenset's.

import { type Assembler, type Label, eax, ebx, edi, edx, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { BINOPS } from '../../src/bytecode/ops.js';
import { TAG_OBJ, TUPLE, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

/** UnionType fields. */
export const UNION = { args: 16, size: 24 } as const;

/** Index of `|` in BINOPS (the binop slot's operator argument). */
const OP_OR = BINOPS.indexOf('|');
/** CMPOPS indexes of == and !=. */
const CMP_EQ = 2, CMP_NE = 3;

/** Jump to `yes` when `v` is an object whose type is exactly type_<t>. Clobbers rax, rcx. */
export function ifExactType(a: Assembler<any>, v: typeof rdi, t: string, yes: Label): void {
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

/** The binop slot of a type making unions: `|` only, else NotImplemented. */
function orSlot(type: string): RuntimeRoutine {
  return {
    name: `rt_binop_${type}`,
    contract: `binop slot of ${type}: rdi=a, rsi=b, edx=op -> a | b as a union (rt_union_or), NotImplemented for other operators and in-place forms; may allocate, may raise`,
    emit(a) {
      const ni = a.newLabel();
      a.cmp(edx, OP_OR);
      a.jne(ni);
      a.jmp(sym('rt_union_or'));
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.ret();
    },
  };
}

/** Append the C string `cs` to the builder in r13. */
function appendCstr(a: Assembler<any>, cs: string): void {
  a.mov(rdi, r13);
  a.lea(rsi, rip(sym(cs)));
  a.call(sym('rt_sb_append_cstr'));
  a.mov(r13, rax);
}

/** Append the str value in rsi to the builder in r13. */
function appendStr(a: Assembler<any>): void {
  a.mov(rdi, r13);
  a.call(sym('rt_sb_append_str'));
  a.mov(r13, rax);
}

/** r14 = frozenset(args of the union value in `u`), or jump to `fail`. */
function argsFrozenset(a: Assembler<any>, u: typeof rdi, dst: typeof rdi, fail: Label): void {
  a.mov(rdi, u);
  unboxPtr(a, rdi);
  a.mov(rdi, qword(mem(rdi, UNION.args)));
  a.call(sym('rt_frozenset_from_iterable'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(dst, rax);
}

const routines: RuntimeRoutine[] = [
  orSlot('type'),
  orSlot('UnionType'),
  orSlot('GenericAlias'),
  {
    name: 'rt_union_unionable',
    contract: 'rdi=value -> eax=1 if None, a class, a GenericAlias or a union (is_unionable), else 0; clobbers caller-saved; no alloc',
    emit(a: Assembler<any>) {
      const yes = a.newLabel();
      a.cmp(rdi, g('rt_const_None'));
      a.je(yes);
      ifExactType(a, rdi, 'GenericAlias', yes);
      ifExactType(a, rdi, 'UnionType', yes);
      a.lea(rsi, rip(sym('type_type')));
      a.jmp(sym('rt_isinstance_type'));
      a.bind(yes);
      a.mov(eax, 1);
      a.ret();
    },
  },
  {
    name: 'rt_union_add',
    contract: 'rdi=scratch tuple (raw), rsi=count of items in it, rdx=item -> rax=the new count (the item appended unless already there: identical, or == for two GenericAliases), or -1 if == raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const loop = a.newLabel();
      const next = a.newLabel();
      const append = a.newLabel();
      const dup = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.xor(ebx, ebx);
      a.bind(loop);
      a.cmp(rbx, r13);
      a.jae(append);
      a.mov(rdi, qword(sib(r12, rbx, 8, TUPLE.items)));
      a.cmp(rdi, r14);
      a.je(dup);
      {
        const isGa = a.newLabel();
        const bothGa = a.newLabel();
        ifExactType(a, rdi, 'GenericAlias', isGa);
        a.jmp(next);
        a.bind(isGa);
        ifExactType(a, r14, 'GenericAlias', bothGa);
        a.jmp(next);
        a.bind(bothGa);
        a.mov(rsi, r14);
        a.call(sym('rt_eq'));
        a.cmp(eax, 0);
        a.jg(dup);
        a.jl(out); // rax = -1 (eax sign-extended below)
      }
      a.bind(next);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(append);
      a.mov(qword(sib(r12, r13, 8, TUPLE.items)), r14);
      a.lea(rax, mem(r13, 1));
      a.jmp(out);
      a.bind(dup);
      a.mov(rax, r13);
      a.bind(out);
      a.movsxd(rax, eax);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_union_collect',
    contract: "rdi=scratch tuple (raw), rsi=count, rdx=an operand of | -> rax=the new count after adding its flattened args (a union's args, NoneType for None, else itself), or -1 if it raised; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const isUnion = a.newLabel();
      const single = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      ifExactType(a, r14, 'UnionType', isUnion);
      a.cmp(r14, g('rt_const_None'));
      a.jne(single);
      a.lea(r14, rip(sym('type_NoneType')));
      boxPtr(a, r14, rcx);
      a.bind(single);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.call(sym('rt_union_add'));
      a.jmp(out);
      a.bind(isUnion);
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        unboxPtr(a, r14);
        a.mov(r14, qword(mem(r14, UNION.args)));
        unboxPtr(a, r14);
        a.xor(r15, r15);
        a.bind(loop);
        a.cmp(r15, qword(mem(r14, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, qword(sib(r14, r15, 8, TUPLE.items)));
        a.call(sym('rt_union_add'));
        a.test(rax, rax);
        a.js(out);
        a.mov(r13, rax);
        a.inc(r15);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r13);
      }
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_union_or',
    contract: 'rdi=a, rsi=b -> rax=a | b (_Py_union_type_or: a union of the flattened, deduplicated args, or the one remaining arg), NotImplemented unless both are unionable, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      // r12 = a, r13 = b, r14 = scratch tuple (raw) of len(a) + len(b) words, r15 = count.
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const ni = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      for (const r of [r12, r13]) {
        a.mov(rdi, r);
        a.call(sym('rt_union_unionable'));
        a.test(eax, eax);
        a.je(ni);
      }
      // Room: a union contributes its args, anything else one word.
      a.xor(ebx, ebx);
      for (const r of [r12, r13]) {
        const one = a.newLabel();
        const counted = a.newLabel();
        const isUnion = a.newLabel();
        ifExactType(a, r, 'UnionType', isUnion);
        a.jmp(one);
        a.bind(isUnion);
        a.mov(rax, r);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, UNION.args)));
        unboxPtr(a, rax);
        a.add(rbx, qword(mem(rax, TUPLE.length)));
        a.jmp(counted);
        a.bind(one);
        a.inc(rbx);
        a.bind(counted);
      }
      a.mov(rdi, rbx);
      a.call(sym('rt_tuple_alloc'));
      a.mov(r14, rax);
      a.xor(r15, r15);
      for (const r of [r12, r13]) {
        a.mov(rdi, r14);
        a.mov(rsi, r15);
        a.mov(rdx, r);
        a.call(sym('rt_union_collect'));
        a.test(rax, rax);
        a.js(fail);
        a.mov(r15, rax);
      }
      {
        const many = a.newLabel();
        a.cmp(r15, 1);
        a.jne(many);
        a.mov(rax, qword(mem(r14, TUPLE.items)));
        a.jmp(out);
        a.bind(many);
      }
      a.lea(rdi, mem(r14, TUPLE.items));
      a.mov(rsi, r15);
      a.call(sym('rt_tuple_from_values'));
      a.mov(rbx, rax);
      a.mov(edi, UNION.size);
      a.lea(rsi, rip(sym('type_UnionType')));
      a.call(sym('rt_alloc'));
      a.mov(qword(mem(rax, UNION.args)), rbx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_repr_UnionType',
    contract: 'repr slot of UnionType: rdi=union -> rax=str ("int | None", union_repr), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      // r12 = args (raw), r13 = builder, r14 = item, r15 = index.
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r12, qword(mem(r12, UNION.args)));
      unboxPtr(a, r12);
      a.mov(edi, 32);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      a.xor(r15, r15);
      a.bind(loop);
      a.cmp(r15, qword(mem(r12, TUPLE.length)));
      a.jae(done);
      {
        const first = a.newLabel();
        const next = a.newLabel();
        const useRepr = a.newLabel();
        const notNone = a.newLabel();
        const notGa = a.newLabel();
        const builtin = a.newLabel();
        a.test(r15, r15);
        a.je(first);
        appendCstr(a, 'union_cs_sep');
        a.bind(first);
        a.mov(r14, qword(sib(r12, r15, 8, TUPLE.items)));
        a.lea(rax, rip(sym('type_NoneType')));
        boxPtr(a, rax, rcx);
        a.cmp(r14, rax);
        a.jne(notNone);
        appendCstr(a, 'union_cs_none');
        a.jmp(next);
        a.bind(notNone);
        ifExactType(a, r14, 'GenericAlias', useRepr);
        a.mov(rdi, r14);
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(useRepr);
        a.bind(notGa);
        // A class: qualname, after its module unless a builtin type.
        a.mov(rbx, r14);
        unboxPtr(a, rbx);
        a.test(qword(mem(rbx, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(builtin);
        a.mov(rdi, qword(mem(rbx, TYPE.module)));
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(useRepr);
        a.mov(rsi, qword(mem(rbx, TYPE.module)));
        appendStr(a);
        appendCstr(a, 'union_cs_dot');
        a.bind(builtin);
        a.mov(rsi, qword(mem(rbx, TYPE.qualname)));
        appendStr(a);
        a.jmp(next);
        a.bind(useRepr);
        a.mov(rdi, r14);
        a.call(sym('rt_repr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(rsi, rax);
        appendStr(a);
        a.bind(next);
      }
      a.inc(r15);
      a.jmp(loop);
      a.bind(done);
      a.mov(rdi, r13);
      a.call(sym('rt_sb_finish'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_hash_UnionType',
    contract: 'hash slot of UnionType: rdi=union -> rax=hash(frozenset(__args__)), -1 if it raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const fail = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r14]);
      a.mov(r12, rdi);
      argsFrozenset(a, r12, r14, fail);
      a.mov(rdi, r14);
      a.call(sym('rt_hash'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, -1);
      a.bind(out);
      epilogue(a, [r12, r14]);
    },
  },
  {
    name: 'rt_richcompare_UnionType',
    contract: 'richcompare slot of UnionType: (a, b, edx=op) -> == / != of frozenset(a.__args__) and frozenset(b.__args__) when both are unions, else NotImplemented; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const ni = a.newLabel();
      const fail = a.newLabel();
      const out = a.newLabel();
      const both = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(ebx, edx);
      a.cmp(edx, CMP_EQ);
      a.je(both);
      a.cmp(edx, CMP_NE);
      a.jne(ni);
      a.bind(both);
      const isUnion = a.newLabel();
      ifExactType(a, r13, 'UnionType', isUnion);
      a.jmp(ni);
      a.bind(isUnion);
      argsFrozenset(a, r12, r14, fail);
      argsFrozenset(a, r13, r15, fail);
      a.mov(rdi, r14);
      a.mov(rsi, r15);
      a.mov(edx, ebx);
      a.call(sym('rt_richcompare'));
      a.jmp(out);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_union_get_args',
    contract: 'rdi=union -> rax=its __args__ tuple; clobbers rax',
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, UNION.args)));
      a.ret();
    },
  },
  {
    name: 'rt_union_get_parameters',
    contract: 'rdi=union -> rax=() (__parameters__: no type variables natively); clobbers rax',
    emit(a: Assembler<any>) {
      a.mov(rax, g('rt_const_empty_tuple'));
      a.ret();
    },
  },
];

const METHODS: RuntimeMethod[] = [
  { type: 'UnionType', name: '__args__', entry: 'rt_union_get_args', kind: 'member' },
  { type: 'UnionType', name: '__parameters__', entry: 'rt_union_get_parameters', kind: 'getter' },
];

export const unionModule: RuntimeModule = {
  name: 'union',
  types: [{ name: 'UnionType', layout: 'fixed', module: 'types' }],
  methods: METHODS,
  routines,
  data: [
    cstr('union_cs_sep', ' | '),
    cstr('union_cs_none', 'None'),
    cstr('union_cs_dot', '.'),
  ],
};
