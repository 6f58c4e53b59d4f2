// Runtime core: the namespaces a program can reach by name: globals() and the
// `__annotations__` dict that SETUP_ANNOTATIONS creates in module and class bodies.
//
// A compiled module keeps its globals in a static array (decision 0006), so globals() cannot
// hand out the live dict CPython does: it returns a new dict of the module's bound names
// (the module's __dict__ snapshot, rt_module_namespace). The program builder accepts
// globals() only where its result is read at once (decision 0012), so the difference never
// shows. The compiled code passes its module's descriptor (MODINFO, rodata); the routines find
// the module's globals and module object from it (the module object is the word after the
// globals, made here for the main module, which no import creates).

import { type Assembler, eax, mem, qword, r12, r13, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { MODINFO, MODULE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';

export const namespacesModule: RuntimeModule = {
  name: 'namespaces',
  routines: [
    {
      name: 'rt_module_of_info',
      contract: 'rdi=module descriptor (MODINFO) -> rax=its module object (made, without running the module, when none exists yet: the main module); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, qword(mem(r12, MODINFO.globals)));
        a.mov(rcx, qword(mem(r12, MODINFO.nglobals)));
        a.lea(r13, sib(r13, rcx, 8)); // the module word (a collector root: after the globals)
        a.mov(rax, qword(mem(r13)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        // As rt_import_user makes one.
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
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_globals_snapshot',
      contract: "rdi=module descriptor (MODINFO) of the calling code -> rax=globals(): a new dict of the module's bound names (decision 0012); may allocate",
      emit(a: Assembler<any>) {
        prologue(a, []);
        a.call(sym('rt_module_of_info'));
        a.mov(rdi, rax);
        unboxPtr(a, rdi);
        a.call(sym('rt_module_namespace'));
        epilogue(a, []);
      },
    },
    {
      name: 'rt_builtin_globals',
      contract: 'globals builtin reached other than as a direct globals() call: vector ABI -> EXC (SystemError; the program builder refuses such programs)',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('ns_msg_globals_ref')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_setup_annotations_module',
      contract: "rdi=module descriptor (MODINFO) -> rax=0 or EXC: SETUP_ANNOTATIONS of a module body (the global __annotations__ gets a new dict unless bound); may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rdi, qword(mem(r12, MODINFO.names)));
        a.mov(rsi, g('ns_str_annotations.v'));
        a.call(sym('rt_dict_lookup_str'));
        // The program builder gives every module with annotations that slot.
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.mov(r13, qword(mem(r12, MODINFO.globals)));
        a.lea(r13, sib(r13, rax, 8));
        a.mov(rcx, qword(mem(r13)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.jne(out);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(r13)), rax);
        a.bind(out);
        a.xor(eax, eax);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_setup_annotations_ns',
      contract: "rdi=namespace of a class body (a dict or the mapping __prepare__ returned) -> rax=0 or EXC: SETUP_ANNOTATIONS there ('__annotations__' gets a new dict unless present); may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rsi, g('ns_str_annotations.v'));
        a.call(sym('rt_ns_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.call(sym('rt_dict_new'));
        a.mov(rdi, r12);
        a.mov(rsi, g('ns_str_annotations.v'));
        a.mov(rdx, rax);
        a.call(sym('rt_ns_store'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.bind(out);
        a.xor(eax, eax);
        a.bind(fail);
        epilogue(a, [r12, r13]);
      },
    },
  ],
  data: [
    ...staticStr('ns_str_annotations', '__annotations__'),
    cstr('ns_msg_globals_ref', 'globals() is only supported natively as a direct call'),
  ],
  builtins: [{ name: 'globals', entry: 'rt_builtin_globals' }],
};
