// Runtime core: attribute access (getattr, setattr, the method-call shortcut) and bound
// methods.
//
// Lookup follows object.__getattribute__: the name is searched in the dicts of type(obj)'s
// MRO (builtin types have static dicts of builtin-function objects, whose header aux says
// method 0 / classmethod 1 / staticmethod 2); a Python function found there binds to obj as
// a method object, a builtin method as a bound builtin. Types with their own `getattr`
// slot (modules, types) resolve names themselves. LOAD_METHOD avoids creating the bound
// object: it leaves (function, self) on the stack for CALL_METHOD.

import { type Assembler, dword, eax, ecx, edi, mem, qword, r12, r13, r14, r15, r8, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { BUILTIN, HDR_AUX, METHOD, TAG_OBJ, TUPLE, TYPE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

/** BUILTIN header aux values (runtime/core/methods.ts METHOD_KIND). */
const KIND_CLASSMETHOD = 1;
const KIND_STATICMETHOD = 2;

export const attrsModule: RuntimeModule = {
  name: 'attrs',
  routines: [
    {
      name: 'rt_type_lookup',
      contract: 'rdi=type (raw address), rsi=name str -> rax=the attribute from the first dict in the MRO that has it, or UNBOUND; EXC only if a lookup raised; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const loop = a.newLabel();
        const next = a.newLabel();
        const missing = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, qword(mem(rdi, TYPE.mro)));
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, qword(mem(r12, TUPLE.length)));
        a.jae(missing);
        a.mov(rax, qword(sib(r12, r14, 8, TUPLE.items)));
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, TYPE.dict)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(next);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(next);
        a.inc(r14);
        a.jmp(loop);
        a.bind(missing);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_bind_attr',
      contract: 'rdi=attribute found in a type dict, rsi=instance (or the class for classmethods: rdx=class value) -> rax=the bound form: bound builtin / method object for functions, the class bound for classmethods, else the attribute itself; may allocate',
      emit(a: Assembler<any>) {
        const notBuiltin = a.newLabel();
        const notFunction = a.newLabel();
        const plain = a.newLabel();
        const bindTo = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(plain);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_builtin_function_or_method')));
        a.cmp(rcx, rdx);
        a.jne(notBuiltin);
        // A builtin already bound (self set) stays as it is.
        a.mov(rcx, qword(mem(rax, BUILTIN.self)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.jne(plain);
        a.mov(ecx, dword(mem(rax, HDR_AUX)));
        a.cmp(ecx, KIND_STATICMETHOD);
        a.je(plain);
        a.cmp(ecx, KIND_CLASSMETHOD);
        a.jne(bindTo);
        a.mov(r13, r14);
        a.bind(bindTo);
        // A copy of the builtin with self set.
        a.mov(edi, BUILTIN.size);
        a.lea(rsi, rip(sym('type_builtin_function_or_method')));
        a.call(sym('rt_alloc'));
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        for (const off of [BUILTIN.entry, BUILTIN.name, BUILTIN.arity]) {
          a.mov(rdx, qword(mem(rcx, off)));
          a.mov(qword(mem(rax, off)), rdx);
        }
        a.mov(qword(mem(rax, BUILTIN.self)), r13);
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(notBuiltin);
        a.lea(rdx, rip(sym('type_function')));
        a.cmp(rcx, rdx);
        a.jne(notFunction);
        a.mov(edi, METHOD.size);
        a.lea(rsi, rip(sym('type_method')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, METHOD.func)), r12);
        a.mov(qword(mem(rax, METHOD.self)), r13);
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(notFunction);
        a.bind(plain);
        a.mov(rax, r12);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_getattr',
      contract: "rdi=object, rsi=name str -> rax=attribute or EXC (AttributeError \"'int' object has no attribute 'x'\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const missing = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        a.mov(rax, qword(mem(r14, typeSlot('getattr'))));
        a.test(rax, rax);
        a.je(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(rax);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.jmp(missing);
        a.bind(generic);
        a.mov(rdi, r14);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_bind_attr'));
        a.jmp(out);
        a.bind(missing);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_raise_attribute_error'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_raise_attribute_error',
      contract: "rdi=object, rsi=name str -> rax=EXC: AttributeError with CPython's message for the object's kind (module, type, instance); may allocate",
      emit(a: Assembler<any>) {
        const notModule = a.newLabel();
        const notType = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_module')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notModule);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_module_no_attr')));
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, 16))); // MODULE.name
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        const out = a.newLabel();
        a.jmp(out);
        a.bind(notModule);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notType);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_type_no_attr')));
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notType);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_no_attr')));
        a.mov(rdx, r12);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_getattr_type',
      contract: 'getattr slot of type objects: rdi=type value, rsi=name -> rax=attribute (__name__, __qualname__, __module__, or from the type\'s own MRO: methods stay unbound, classmethods bind to the type), UNBOUND if absent, or EXC; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const lookup = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        for (const [name, off] of [['__name__', TYPE.name], ['__qualname__', TYPE.qualname], ['__module__', TYPE.module], ['__mro__', TYPE.mro], ['__bases__', TYPE.bases]] as const) {
          const skip = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym(`str_attr${name}`)));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(skip);
          a.mov(rax, r12);
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, off)));
          a.jmp(out);
          a.bind(skip);
        }
        a.bind(lookup);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // Only classmethods bind when looked up on the class itself.
        const plain = a.newLabel();
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(out);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.lea(rdx, rip(sym('type_builtin_function_or_method')));
        a.cmp(qword(mem(rcx)), rdx);
        a.jne(plain);
        a.cmp(dword(mem(rcx, HDR_AUX)), KIND_CLASSMETHOD);
        a.jne(plain);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r12);
        a.call(sym('rt_bind_attr'));
        a.bind(plain);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_load_method',
      contract: 'rdi=object, rsi=name str, rdx=destination (2 words) -> rax=0 with (method, object) or (attribute, UNBOUND) stored, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const out = a.newLabel();
        const unboundPair = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.call(sym('rt_type_of'));
        a.mov(r15, rax);
        a.cmp(qword(mem(r15, typeSlot('getattr'))), 0);
        a.jne(generic);
        a.mov(rdi, r15);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(generic);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // Unbound builtin methods (kind 0) and Python functions: (function, self).
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(generic);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx)));
        const isFunction = a.newLabel();
        const pair = a.newLabel();
        a.lea(rdi, rip(sym('type_function')));
        a.cmp(rdx, rdi);
        a.je(pair);
        a.lea(rdi, rip(sym('type_builtin_function_or_method')));
        a.cmp(rdx, rdi);
        a.jne(generic);
        a.cmp(dword(mem(rcx, HDR_AUX)), 0);
        a.jne(generic);
        a.mov(rdx, qword(mem(rcx, BUILTIN.self)));
        a.cmp(rdx, g('rt_const_unbound'));
        a.jne(generic);
        a.bind(isFunction);
        a.bind(pair);
        a.mov(qword(mem(r14)), rax);
        a.mov(qword(mem(r14, 8)), r12);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(unboundPair);
        a.mov(qword(mem(r14)), rax);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r14, 8)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
    {
      name: 'rt_setattr',
      contract: "rdi=object, rsi=name str, rdx=value (UNBOUND: delete) -> rax=0 or EXC; the setattr slot, else AttributeError as CPython for objects without a __dict__; may allocate, may raise",
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('setattr'))));
        a.test(rax, rax);
        a.je(none);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(rax);
        const out = a.newLabel();
        a.jmp(out);
        a.bind(none);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_no_attr')));
        a.mov(rdx, r12);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_call_method',
      contract: 'call slot of bound method objects: calls the function with self prepended (see rt_call); may allocate, may raise',
      emit(a: Assembler<any>) {
        // [self, args...] in scratch words at the value-stack top.
        const saved = [r12, r13, r14, r15] as const;
        const copy = a.newLabel();
        const copied = a.newLabel();
        const overflow = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(r14, qword(mem(rax, METHOD.func)));
        a.mov(r12, g('rt_vs_top'));
        a.lea(r13, sib(r12, rdx, 8, 8));
        a.cmp(r13, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), r13);
        a.mov(r8, qword(mem(rax, METHOD.self)));
        a.mov(qword(mem(r12)), r8);
        a.mov(r15, rdx);
        a.xor(eax, eax);
        a.bind(copy);
        a.cmp(rax, r15);
        a.jae(copied);
        a.mov(r8, qword(sib(rsi, rax, 8)));
        a.mov(qword(sib(r12, rax, 8, 8)), r8);
        a.inc(rax);
        a.jmp(copy);
        a.bind(copied);
        a.mov(rdi, r14);
        a.mov(rsi, r12);
        a.lea(rdx, mem(r15, 1));
        a.call(sym('rt_call'));
        a.mov(g('rt_vs_top'), r12);
        a.bind(out);
        epilogue(a, saved);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
      },
    },
  ],
  data: [
    cstr('msg_no_attr', "'%T' object has no attribute '%U'"),
    cstr('msg_module_no_attr', "module '%U' has no attribute '%U'"),
    cstr('msg_type_no_attr', "type object '%N' has no attribute '%U'"),
    ...(['__name__', '__qualname__', '__module__', '__mro__', '__bases__'] as const).map((n) => cstr(`str_attr${n}`, n)),
  ],
};

