// Runtime core: the collection flags of classes (CPython's Py_TPFLAGS_SEQUENCE and
// Py_TPFLAGS_MAPPING), which decide whether instances match sequence and mapping patterns
// (PEP 634), and the `_abcflags` module through which runtime/lib/abc.py sets them.
//
// CPython sets the flags on builtin types statically, copies them from the dominant base when
// a class is created, takes them from a class body's `__abc_tpflags__` (collections.abc's
// Sequence and Mapping; _abc._abc_init consumes the name), and ABCMeta.register(sub) spreads
// the ABC's flag to `sub` and its subclasses (_abc.c set_collection_flag_recursive). The
// interpreter does the same (src/interp/classes.ts inheritCollectionFlags,
// registerCollectionFlags), taking the first base as the dominant one.
//
// Natively a heap type carries the flags only when it was given them explicitly (its body's
// `__abc_tpflags__`, or a register() naming it): TYPEFLAG_ABC_SET says so. The flags of any
// other class are those of its first base, found at match time by walking the first bases up
// to a type that has them set or to a builtin type; a builtin type answers as match.ts always
// did, by a subtype test of the original type against CPython's flagged builtin types. Native
// types keep no list of their subclasses, so this lazy inheritance is what stands for
// CPython's copy at creation plus the recursive update of register(): the two agree along
// first-base chains (a class whose flagged ancestor is not on its first-base chain, or one
// with its own `__abc_tpflags__` under a later register(), can differ; neither happens in
// the standard library).

import { type Assembler, eax, ecx, edx, mem, qword, r12, r13, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { TAG_INT, TUPLE, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';

/** CPython's bits (Include/object.h), so `__abc_tpflags__` values mean the same here. */
export const TYPEFLAG_SEQUENCE = 1 << 5;
export const TYPEFLAG_MAPPING = 1 << 6;
export const COLLECTION_FLAGS = TYPEFLAG_SEQUENCE | TYPEFLAG_MAPPING;
/** A heap type whose collection flags were set explicitly (not inherited from its first base). */
export const TYPEFLAG_ABC_SET = 1 << 8;

/** The functions of the native `_abcflags` module, by name: their vector-ABI entries. */
export const abcflagsFunctions: Readonly<Record<string, { entry: string }>> = { register: { entry: 'rt_abcflags_register' } };

export const abcFlagsModule: RuntimeModule = {
  name: 'abcflags',
  routines: [
    {
      name: 'rt_type_collection_flags',
      contract: 'rdi=type address -> eax=its collection flags (TYPEFLAG_SEQUENCE | TYPEFLAG_MAPPING bits): explicit ones along the first-base chain, else the builtin flagged types it derives from (match.ts tables); clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const builtin = a.newLabel();
        const found = a.newLabel();
        const seqNo = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rcx, rdi);
        a.bind(loop);
        a.test(qword(mem(rcx, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(builtin);
        a.test(qword(mem(rcx, TYPE.flags)), TYPEFLAG_ABC_SET);
        a.jne(found);
        // The first base (heap types always have one: object at least).
        a.mov(rax, qword(mem(rcx, TYPE.bases)));
        a.mov(rdx, rax);
        a.shr(rdx, 48);
        a.cmp(edx, 0xfffc);
        a.jne(builtin);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.je(builtin);
        a.mov(rcx, qword(mem(rax, TUPLE.items)));
        unboxPtr(a, rcx);
        a.jmp(loop);
        a.bind(found);
        a.mov(rax, qword(mem(rcx, TYPE.flags)));
        a.and(eax, COLLECTION_FLAGS);
        a.jmp(done);
        // No explicit flags on the way: the builtin types CPython flags, as match.ts tests them.
        a.bind(builtin);
        a.xor(r13, r13);
        a.mov(rdi, r12);
        a.call(sym('rt_type_is_sequence'));
        a.test(eax, eax);
        a.je(seqNo);
        a.or(r13, TYPEFLAG_SEQUENCE);
        a.bind(seqNo);
        a.mov(rdi, r12);
        a.call(sym('rt_type_is_mapping'));
        const mapNo = a.newLabel();
        a.test(eax, eax);
        a.je(mapNo);
        a.or(r13, TYPEFLAG_MAPPING);
        a.bind(mapNo);
        a.mov(rax, r13);
        a.bind(done);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_class_abc_flags',
      contract: "rdi=new heap type address (its dict set): takes `__abc_tpflags__` out of its dict and sets its collection flags from it (as _abc._abc_init) -> rax=0; may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(rdi, qword(mem(r12, TYPE.dict)));
        a.mov(rsi, g('abcflags_str_tpflags.v'));
        a.call(sym('rt_dict_pop_str'));
        // Only a small int counts (CPython: PyLong_AsUnsignedLongMask of an int).
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_INT);
        a.jne(out);
        a.and(eax, COLLECTION_FLAGS);
        a.je(out);
        a.mov(rcx, qword(mem(r12, TYPE.flags)));
        a.and(rcx, ~COLLECTION_FLAGS);
        a.or(rcx, rax);
        a.or(rcx, TYPEFLAG_ABC_SET);
        a.mov(qword(mem(r12, TYPE.flags)), rcx);
        a.bind(out);
        a.xor(eax, eax);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_abcflags_register',
      contract: "_abcflags.register(subclass, abc): vector ABI -> None, after giving a heap type `subclass` the ABC's collection flag when it has one (ABCMeta.register; builtin types are immutable, as CPython's); no raise",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.cmp(rsi, 2);
        a.jne(out);
        a.mov(r12, qword(mem(rdi))); // subclass
        a.mov(r13, qword(mem(rdi, 8))); // the ABC
        for (const r of [r12, r13]) {
          a.mov(rdi, r);
          a.lea(rsi, rip(sym('type_type')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(out);
          unboxPtr(a, r);
        }
        a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(out);
        a.mov(rdi, r13);
        a.call(sym('rt_type_collection_flags'));
        a.test(eax, eax);
        a.je(out);
        a.mov(r13, rax);
        a.mov(rdi, r12);
        a.call(sym('rt_type_collection_flags'));
        a.cmp(rax, r13);
        a.je(out);
        a.mov(rcx, qword(mem(r12, TYPE.flags)));
        a.and(rcx, ~COLLECTION_FLAGS);
        a.or(rcx, r13);
        a.or(rcx, TYPEFLAG_ABC_SET);
        a.mov(qword(mem(r12, TYPE.flags)), rcx);
        a.bind(out);
        a.mov(rax, g('rt_const_None'));
        epilogue(a, [r12, r13]);
      },
    },
  ],
  data: [
    ...staticStr('abcflags_str_tpflags', '__abc_tpflags__'),
    ...builtinFunctionData('abcflagsfn_register', 'register', 'rt_abcflags_register'),
  ],
};

