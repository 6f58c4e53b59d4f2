// Runtime core: `globals()[k] = v` in compiled code.
//
// Natively globals() is a snapshot read at once (decision 0012), so a store into it would be
// lost. The program builder recognises the store form `globals()[k] = v` (src/native/
// program.ts globalsReadAtOnce) and compiles its globals() call to rt_globals_writer: a
// one-field object (the calling module) whose setitem slot binds the name in the module as
// CPython's module dict would: a str key through the module's setattr slot (its global slot,
// or the overflow dict for names the module never assigns, which LOAD_GLOBAL and the
// snapshot both read); any other key goes to the overflow dict, where later globals()
// snapshots find it. The object only ever lives between the call and STORE_SUBSCR.
//
// Gap: a str-subclass key goes to the overflow dict even when it equals a name with a
// global slot (CPython would rebind that global); no known program does that.

import { type Assembler, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { MODULE, TAG_OBJ } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

/** The writer object (layout `fixed`): +16 the module object. */
const WRITER = { module: 16, size: 24 } as const;

export const globalsWriteModule: RuntimeModule = {
  name: 'globalswrite',
  types: [{ name: 'globals_writer', layout: 'fixed' }],
  routines: [
    {
      name: 'rt_globals_writer',
      contract: 'rdi=module descriptor (MODINFO) of the calling code -> rax=a writer for `globals()[k] = v` in that module; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.call(sym('rt_module_of_info'));
        a.mov(r12, rax);
        a.mov(rdi, WRITER.size);
        a.lea(rsi, rip(sym('type_globals_writer')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, WRITER.module)), r12);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_setitem_globals_writer',
      contract: 'setitem slot of globals_writer: rdi=writer, rsi=key, rdx=value -> rax=0 (the module binds key to value: a global slot or its overflow dict) or EXC; may allocate, may raise (unhashable key)',
      emit(a: Assembler<any>) {
        const notStr = a.newLabel();
        const have = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        unboxPtr(a, rdi);
        a.mov(r12, qword(mem(rdi, WRITER.module)));
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        // An exact str: the module's setattr slot.
        a.mov(rax, rsi);
        a.shr(rax, 48);
        a.cmp(rax, TAG_OBJ);
        a.jne(notStr);
        a.mov(rax, rsi);
        unboxPtr(a, rax);
        a.lea(rcx, rip(sym('type_str')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(notStr);
        a.mov(rdi, r12);
        a.call(sym('rt_setattr_module'));
        a.jmp(out);
        // Any other key: the overflow dict (made on first use).
        a.bind(notStr);
        unboxPtr(a, r12);
        a.mov(rdi, qword(mem(r12, MODULE.overflow)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.jne(have);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(r12, MODULE.overflow)), rax);
        a.mov(rdi, rax);
        a.bind(have);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(sym('rt_dict_setitem'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
  ],
  data: [],
};
