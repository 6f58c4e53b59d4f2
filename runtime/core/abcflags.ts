// Runtime core: the collection flags of classes (CPython's Py_TPFLAGS_SEQUENCE and
// Py_TPFLAGS_MAPPING), which decide whether instances match sequence and mapping patterns
// (PEP 634), and the `_abcflags` module through which runtime/lib/abc.py sets them.
//
// CPython sets the flags on builtin types statically, gives a new class those of the first
// class of its MRO that has any (typeobject.c type_ready_inherit: inherit_patma_flags for
// each base in MRO order), takes them from a class body's `__abc_tpflags__` (collections.abc's
// Sequence and Mapping; _abc._abc_init consumes the name), and ABCMeta.register(sub) spreads
// the ABC's flag to `sub` and its subclasses (_abc.c set_collection_flag_recursive). The
// interpreter does the same (src/interp/classes.ts inheritCollectionFlags,
// registerCollectionFlags), copying the first base's flags.
//
// Natively a heap type carries the flags only when it was given them explicitly (its body's
// `__abc_tpflags__`, or a register() naming it): TYPEFLAG_ABC_SET says so. The flags of any
// type are found at match time: those of the first class of its MRO that has explicit flags
// or is a builtin type CPython flags (match.ts tables them; their builtin subtypes too).
// Native types keep no list of their subclasses, so this lazy inheritance stands for
// CPython's copy at creation plus the recursive update of register(); the two differ only
// for a class with flags of its own (its `__abc_tpflags__`, or an earlier register()) under
// a later register() of an ancestor, which CPython overrides and this keeps.

import { type Assembler, eax, ebx, ecx, mem, qword, r12, r13, r13d, rax, rbx, rcx, rdi, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { TAG_INT, TUPLE, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';

/** CPython's bits (Include/object.h), so `__abc_tpflags__` values mean the same here. */
export const TYPEFLAG_SEQUENCE = 1 << 5;
export const TYPEFLAG_MAPPING = 1 << 6;
export const COLLECTION_FLAGS = TYPEFLAG_SEQUENCE | TYPEFLAG_MAPPING;
/** A heap type whose collection flags were set explicitly (not inherited from its dominant base). */
export const TYPEFLAG_ABC_SET = 1 << 8;

/** The functions of the native `_abcflags` module, by name: their vector-ABI entries. */
export const abcflagsFunctions: Readonly<Record<string, { entry: string }>> = { register: { entry: 'rt_abcflags_register' } };

export const abcFlagsModule: RuntimeModule = {
  name: 'abcflags',
  routines: [
    {
      name: 'rt_type_collection_flags',
      contract: 'rdi=type address -> eax=its collection flags (TYPEFLAG_SEQUENCE | TYPEFLAG_MAPPING bits): those of the first class of its MRO that has any (explicit ones of heap classes, or a builtin flagged type as match.ts tables them); clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const heap = a.newLabel();
        const next = a.newLabel();
        const none = a.newLabel();
        const done = a.newLabel();
        const mapNo = a.newLabel();
        // r12 = MRO tuple (raw), r13 = index, rbx = flags found for a builtin entry
        prologue(a, [rbx, r12, r13]);
        a.mov(r12, qword(mem(rdi, TYPE.mro)));
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, 0xfffc);
        a.jne(none);
        unboxPtr(a, r12);
        a.xor(r13d, r13d);
        a.bind(loop);
        a.cmp(r13, qword(mem(r12, TUPLE.length)));
        a.jae(none);
        a.mov(rdi, qword(sib(r12, r13, 8, TUPLE.items)));
        unboxPtr(a, rdi);
        a.test(qword(mem(rdi, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.je(heap);
        // A builtin type: CPython's flagged ones (and their builtin subtypes).
        a.xor(ebx, ebx);
        a.push(rdi);
        a.call(sym('rt_type_is_sequence'));
        a.pop(rdi);
        a.test(eax, eax);
        a.je(mapNo);
        a.or(ebx, TYPEFLAG_SEQUENCE);
        a.bind(mapNo);
        a.call(sym('rt_type_is_mapping'));
        a.test(eax, eax);
        a.je(next);
        a.or(ebx, TYPEFLAG_MAPPING);
        a.jmp(next);
        a.bind(heap);
        a.xor(ebx, ebx);
        a.test(qword(mem(rdi, TYPE.flags)), TYPEFLAG_ABC_SET);
        a.je(next);
        a.mov(rbx, qword(mem(rdi, TYPE.flags)));
        a.and(ebx, COLLECTION_FLAGS);
        a.bind(next);
        a.test(ebx, ebx);
        a.jne(done);
        a.inc(r13);
        a.jmp(loop);
        a.bind(none);
        a.xor(ebx, ebx);
        a.bind(done);
        a.mov(eax, ebx);
        epilogue(a, [rbx, r12, r13]);
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

