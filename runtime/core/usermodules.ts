// Runtime core: modules compiled from Python (the program's other files and packages), and
// attribute access on every module.
//
// A compiled module's globals are a static array of value words (program.ts gives each name
// the module assigns a fixed slot); its module object points to that array and to a static
// dict from each name to its slot index, so `mod.name` is a dict lookup and a load. Names
// assigned from outside that the module itself never assigns live in an overflow dict.
// rt_import_user runs a module's code the first time it is imported; the module object is
// stored in the word after its globals (a collector root) before the code runs, so circular
// imports see the partly initialised module, as in CPython; a failed import is forgotten.

import { type Assembler, byte, eax, ebx, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { CODE, MODINFO, MODULE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

export const userModulesModule: RuntimeModule = {
  name: 'usermodules',
  routines: [
    {
      name: 'rt_getattr_module',
      contract: 'getattr slot of modules: rdi=module, rsi=name -> rax=value, UNBOUND if absent, or EXC; __dict__ gives the namespace; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        const notDict = a.newLabel();
        const overflow = a.newLabel();
        const absent = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.lea(rsi, rip(sym('cstr_mod___dict__')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(notDict);
        a.mov(rdi, r12);
        a.call(sym('rt_module_namespace'));
        a.jmp(out);
        a.bind(notDict);
        a.mov(rdi, qword(mem(r12, MODULE.dict)));
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        // A builtin module: the dict has the value itself.
        a.mov(rcx, qword(mem(r12, MODULE.globals)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.je(out);
        // A compiled module: the dict gives the slot.
        a.cmp(rax, g('rt_const_unbound'));
        a.je(overflow);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.mov(rax, qword(sib(rcx, rax, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(overflow);
        a.mov(rdi, qword(mem(r12, MODULE.overflow)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(absent);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.jmp(out);
        a.bind(absent);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_setattr_module',
      contract: 'setattr slot of modules: rdi=module, rsi=name, rdx=value or UNBOUND (delete) -> rax=0 or EXC (AttributeError deleting an unset name); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const dictBased = a.newLabel();
        const overflow = a.newLabel();
        const missing = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(rcx, qword(mem(r12, MODULE.globals)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.je(dictBased);
        a.mov(rdi, qword(mem(r12, MODULE.dict)));
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(overflow);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.mov(rcx, qword(mem(r12, MODULE.globals)));
        a.lea(rcx, sib(rcx, rax, 8));
        const set = a.newLabel();
        a.cmp(r14, g('rt_const_unbound'));
        a.jne(set);
        a.mov(rax, qword(mem(rcx)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.bind(set);
        a.mov(qword(mem(rcx)), r14);
        a.xor(eax, eax);
        a.jmp(out);
        // Names the module never assigns: the overflow dict.
        a.bind(overflow);
        {
          const have = a.newLabel();
          const del = a.newLabel();
          a.mov(rdi, qword(mem(r12, MODULE.overflow)));
          a.cmp(rdi, g('rt_const_unbound'));
          a.jne(have);
          a.cmp(r14, g('rt_const_unbound'));
          a.je(missing);
          a.call(sym('rt_dict_new'));
          a.mov(qword(mem(r12, MODULE.overflow)), rax);
          a.mov(rdi, rax);
          a.bind(have);
          a.mov(rsi, r13);
          a.cmp(r14, g('rt_const_unbound'));
          a.je(del);
          a.mov(rdx, r14);
          a.call(sym('rt_dict_setitem'));
          a.jmp(out);
          a.bind(del);
          a.call(sym('rt_delitem_dict'));
          a.jmp(out);
        }
        a.bind(dictBased);
        {
          const del = a.newLabel();
          a.mov(rdi, qword(mem(r12, MODULE.dict)));
          a.mov(rsi, r13);
          a.cmp(r14, g('rt_const_unbound'));
          a.je(del);
          a.mov(rdx, r14);
          a.call(sym('rt_dict_setitem'));
          a.jmp(out);
          a.bind(del);
          a.call(sym('rt_delitem_dict'));
          a.jmp(out);
        }
        a.bind(missing);
        a.mov(rdi, r12);
        boxPtr(a, rdi, rcx);
        a.mov(rsi, r13);
        a.call(sym('rt_raise_attribute_error'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_module_namespace',
      contract: 'rdi=module (raw) -> rax=its __dict__: a builtin module\'s dict, or for a compiled module a new dict of its bound globals and overflow names; may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const skip = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(rax, qword(mem(r12, MODULE.dict)));
        a.mov(rcx, qword(mem(r12, MODULE.globals)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.je(out);
        a.call(sym('rt_dict_new'));
        a.mov(r13, rax);
        a.xor(ebx, ebx);
        a.bind(loop);
        a.mov(rdi, qword(mem(r12, MODULE.dict)));
        unboxPtr(a, rdi);
        a.mov(rsi, rbx);
        a.call(sym('rt_dict_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(rbx, mem(rax, 1));
        a.mov(r14, rdx); // name
        a.shl(rcx, 16);
        a.sar(rcx, 16);
        a.mov(rax, qword(mem(r12, MODULE.globals)));
        a.mov(rdx, qword(sib(rax, rcx, 8)));
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(skip);
        a.mov(rdi, r13);
        a.mov(rsi, r14);
        a.call(sym('rt_dict_setitem'));
        a.bind(skip);
        a.jmp(loop);
        a.bind(done);
        const noOverflow = a.newLabel();
        a.mov(rsi, qword(mem(r12, MODULE.overflow)));
        a.cmp(rsi, g('rt_const_unbound'));
        a.je(noOverflow);
        a.mov(rdi, r13);
        a.call(sym('rt_dict_merge'));
        a.bind(noOverflow);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_import_user',
      contract: 'rdi=module descriptor (MODINFO) of a module compiled into the program -> rax=its module object, running its code on the first import, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fresh = a.newLabel();
        const forget = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        // The module object lives in the word after its globals.
        a.mov(r13, qword(mem(r12, MODINFO.globals)));
        a.mov(rcx, qword(mem(r12, MODINFO.nglobals)));
        a.lea(r13, sib(r13, rcx, 8));
        a.mov(rax, qword(mem(r13)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(fresh);
        a.jmp(out);
        a.bind(fresh);
        a.mov(rdi, MODULE.size);
        a.lea(rsi, rip(sym('type_module')));
        a.call(sym('rt_alloc'));
        a.mov(rcx, qword(mem(r12, MODINFO.name)));
        a.mov(qword(mem(rax, MODULE.name)), rcx);
        a.mov(rcx, qword(mem(r12, MODINFO.globals)));
        a.mov(qword(mem(rax, MODULE.globals)), rcx);
        a.mov(rcx, qword(mem(r12, MODINFO.names)));
        a.mov(qword(mem(rax, MODULE.dict)), rcx);
        a.mov(rcx, g('rt_const_unbound'));
        a.mov(qword(mem(rax, MODULE.overflow)), rcx);
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(r13)), rax);
        a.mov(r14, rax);
        // sys.modules[name] = module before its code runs, as CPython's import does.
        a.mov(rdi, qword(mem(r12, MODINFO.name)));
        a.mov(rsi, r14);
        a.call(sym('rt_sys_modules_set'));
        // A submodule is an attribute of its package (imported first by the chain).
        {
          const noParent = a.newLabel();
          a.mov(rdi, qword(mem(r12, MODINFO.parent)));
          a.test(rdi, rdi);
          a.je(noParent);
          a.call(sym('rt_import_user'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(forget);
          a.mov(rdi, rax);
          a.mov(rsi, qword(mem(r12, MODINFO.leaf)));
          a.mov(rdx, r14);
          a.call(sym('rt_setattr_module'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(forget);
          a.bind(noParent);
        }
        // The module's code, in a frame at the value-stack top.
        a.mov(rbx, g('rt_vs_top'));
        a.mov(rax, qword(mem(r12, MODINFO.code)));
        a.mov(rdi, rbx);
        a.mov(rsi, g('rt_const_None'));
        a.call(qword(mem(rax, CODE.entry)));
        a.mov(g('rt_vs_top'), rbx);
        a.cmp(rax, g('rt_const_exc'));
        a.je(forget);
        a.mov(rax, r14);
        a.jmp(out);
        a.bind(forget);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r13)), rax);
        a.mov(rdi, qword(mem(r12, MODINFO.name)));
        a.call(sym('rt_sys_modules_forget'));
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_import_chain',
      contract: "rdi=import chain (count, index of the result, then MODINFO addresses) -> rax=the result module after importing every module of the chain in order, or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.xor(ebx, ebx);
        a.bind(loop);
        a.cmp(rbx, qword(mem(r12)));
        a.jae(done);
        a.mov(rdi, qword(sib(r12, rbx, 8, 16)));
        a.call(sym('rt_import_user'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(done);
        a.mov(rcx, qword(mem(r12, 8)));
        a.mov(rdi, qword(sib(r12, rcx, 8, 16)));
        a.call(sym('rt_import_user'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_import_star',
      contract: "rdi=source module, rsi=importing module's MODINFO -> rax=0 after binding the source's __all__ names (else its names not starting with '_') in the importer's globals, or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const byNames = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // __all__ when the module defines it.
        a.mov(rdi, r12);
        a.mov(rsi, qword(rip(sym('dconst___all__'))));
        a.call(sym('rt_getattr_module'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(byNames);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.call(sym('rt_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r14, rax);
        {
          const loop = a.newLabel();
          a.bind(loop);
          a.mov(rdi, r14);
          a.call(sym('rt_next'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(done);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(r15, rax); // name
          a.mov(rdi, r12);
          a.mov(rsi, r15);
          a.call(sym('rt_getattr'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rdi, r13);
          a.mov(rsi, r15);
          a.mov(rdx, rax);
          a.call(sym('rt_module_bind'));
          a.jmp(loop);
        }
        // Otherwise every public name of the source's namespace.
        a.bind(byNames);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.call(sym('rt_module_namespace'));
        a.mov(r14, rax);
        {
          const loop = a.newLabel();
          const skip = a.newLabel();
          a.xor(ebx, ebx);
          a.bind(loop);
          a.mov(rdi, r14);
          unboxPtr(a, rdi);
          a.mov(rsi, rbx);
          a.call(sym('rt_dict_next'));
          a.test(rax, rax);
          a.js(done);
          a.lea(rbx, mem(rax, 1));
          a.mov(r15, rcx); // value
          a.mov(rax, rdx);
          unboxPtr(a, rax);
          a.cmp(qword(mem(rax, 16)), 0); // STR.length
          a.je(skip);
          a.cmp(byte(mem(rax, 40)), 0x5f); // '_' (kind 1 data)
          a.je(skip);
          a.mov(rdi, r13);
          a.mov(rsi, rdx);
          a.mov(rdx, r15);
          a.call(sym('rt_module_bind'));
          a.bind(skip);
          a.jmp(loop);
        }
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_module_bind',
      contract: 'rdi=MODINFO of a compiled module, rsi=name str, rdx=value: store it in the global slot of that name (names without a slot go to the module object\'s overflow dict); may allocate',
      emit(a: Assembler<any>) {
        const noSlot = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(rdi, qword(mem(r12, MODINFO.names)));
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noSlot);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.mov(rcx, qword(mem(r12, MODINFO.globals)));
        a.mov(qword(sib(rcx, rax, 8)), r14);
        a.jmp(out);
        a.bind(noSlot);
        // The module object (the word after the globals) takes it in its overflow dict.
        a.mov(rcx, qword(mem(r12, MODINFO.globals)));
        a.mov(rax, qword(mem(r12, MODINFO.nglobals)));
        a.mov(rdi, qword(sib(rcx, rax, 8)));
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(sym('rt_setattr_module'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
  ],
  data: [cstr('cstr_mod___dict__', '__dict__')],
};

void r15;
