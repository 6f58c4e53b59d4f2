// Runtime core: class-body namespaces that are not plain dicts.
//
// A metaclass's __prepare__ may return any mapping; CPython's class body then reads, writes
// and deletes names through the mapping's __getitem__ / __setitem__ / __delitem__ (a dict
// subclass's __missing__ included: enum's auto() relies on it), and uses the dict fast
// paths only for an exact dict (ceval.c LOAD_NAME / STORE_NAME / DELETE_NAME,
// SETUP_ANNOTATIONS, LOAD_CLASSDEREF: PyDict_CheckExact). These routines make that choice
// for the class-body templates (templates/core.ts): exact dicts go to the dict routines,
// other namespaces through the type slots, with a KeyError from a lookup meaning "absent"
// (the template then tries the globals and builtins, as CPython does).

import { type Assembler, eax, r12, r13, rax, rdi, rip, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, typeOfObj } from '../../src/native/macros.js';
import { clearExc } from './bi_args.js';

/** Jump to `other` unless the value in rdi is an exact dict. Clobbers rax, rsi. */
function unlessExactDict(a: Assembler<any>, other: ReturnType<Assembler<any>['newLabel']>): void {
  typeOfObj(a, rax, rdi);
  a.lea(rsi, rip(sym('type_dict')));
  a.cmp(rax, rsi);
  a.jne(other);
}

/**
 * After a call that returned rax: go to `out` with rax unless it is EXC for a KeyError; for a
 * KeyError, clear it and fall through. Clobbers caller-saved registers.
 */
function catchKeyError(a: Assembler<any>, out: ReturnType<Assembler<any>['newLabel']>): void {
  a.cmp(rax, g('rt_const_exc'));
  a.jne(out);
  a.mov(rdi, g('rt_exc'));
  a.lea(rsi, rip(sym('type_KeyError')));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.mov(rax, g('rt_const_exc'));
  a.je(out);
  clearExc(a);
}

export const classNsModule: RuntimeModule = {
  name: 'classns',
  routines: [
    {
      name: 'rt_ns_lookup',
      contract: 'rdi=class-body namespace (any mapping), rsi=name str -> rax=value, UNBOUND if absent (a KeyError from __getitem__ counts as absent), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const other = a.newLabel();
        const out = a.newLabel();
        a.push(rsi);
        unlessExactDict(a, other);
        a.pop(rsi);
        a.jmp(sym('rt_dict_lookup_str'));
        a.bind(other);
        a.pop(rsi);
        prologue(a, [r12]);
        a.call(sym('rt_getitem'));
        catchKeyError(a, out);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_ns_store',
      contract: 'rdi=class-body namespace (any mapping), rsi=name str, rdx=value -> rax=0 or EXC (through __setitem__ unless an exact dict); may allocate, may raise',
      emit(a: Assembler<any>) {
        const other = a.newLabel();
        a.push(rsi);
        unlessExactDict(a, other);
        a.pop(rsi);
        a.jmp(sym('rt_dict_setitem'));
        a.bind(other);
        a.pop(rsi);
        a.jmp(sym('rt_setitem'));
      },
    },
    {
      name: 'rt_ns_delete',
      contract: "rdi=class-body namespace (any mapping), rsi=name str -> rax=0 or EXC (NameError \"name 'x' is not defined\" when __delitem__ raises KeyError); may allocate, may raise",
      emit(a: Assembler<any>) {
        const other = a.newLabel();
        const out = a.newLabel();
        a.push(rsi);
        unlessExactDict(a, other);
        a.pop(rsi);
        a.jmp(sym('rt_delete_name'));
        a.bind(other);
        a.pop(rsi);
        prologue(a, [r12, r13]);
        a.mov(r12, rsi);
        a.call(sym('rt_delitem'));
        catchKeyError(a, out);
        a.mov(rdi, r12);
        a.call(sym('rt_raise_name_error'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
  ],
  data: [],
};
