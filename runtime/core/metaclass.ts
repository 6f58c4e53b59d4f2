// Runtime core: the hooks a metaclass gives its classes in isinstance() and issubclass(),
// and type's own __instancecheck__ / __subclasscheck__ methods.
//
// A class whose metaclass is a subclass of type is a TYPE-layout object like any class
// (classes.ts rt_new_type: a base with the type layout makes a metaclass); its protocols
// (repr, iteration, len, calls, attribute assignment...) come from the metaclass's slots
// like any instance's. isinstance and issubclass are not slots: CPython's
// object_recursive_isinstance / object_issubclass (Objects/abstract.c) look
// `__instancecheck__` / `__subclasscheck__` up on type(cls) unless cls's type is exactly
// type, and bi_reflect.ts asks rt_meta_instancecheck / rt_meta_subclasscheck here. The
// answer 2 means "no hook": the caller does type's own check.

import { type Assembler, dword, eax, ecx, edi, edx, mem, qword, r12, r13, r14, r15, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { HDR_AUX, TYPE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { boolResult, raise } from './bi_args.js';
import { WRAPPED } from './descrkit.js';
import { cstr } from './exc.js';

/** rt_meta_check_hook's "cls's metaclass has no such hook" answer. */
export const META_NO_HOOK = 2;

/** One of the two builtin methods: argument and receiver checks, then `body` (r12 = cls, r13 = the argument). */
function typeCheckMethod(name: '__instancecheck__' | '__subclasscheck__', body: (a: Assembler<any>, out: ReturnType<Assembler<any>['newLabel']>) => void): RuntimeRoutine {
  return {
    name: `rt_type_${name.slice(2, -2)}`,
    contract: `type.${name}(cls, x) (vector ABI, METH_O): type's own check -> True/False, or EXC (TypeError for a wrong argument count or a receiver that is not a type); may allocate, may raise`,
    emit(a) {
      const out = a.newLabel();
      const count = a.newLabel();
      const recv = a.newLabel();
      prologue(a, [r12, r13]);
      a.test(rdx, rdx);
      a.jne(count);
      a.cmp(rsi, 2);
      a.jne(count);
      a.mov(r12, qword(mem(rdi)));
      a.mov(r13, qword(mem(rdi, 8)));
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(recv);
      body(a, out);
      a.jmp(out);
      a.bind(count);
      // CPython counts the arguments after self ("takes exactly one argument (2 given)").
      a.lea(rdx, mem(rsi, -1));
      raise(a, 'TypeError', `msg_meta_${name}_count`, [rdx], out);
      a.bind(recv);
      raise(a, 'TypeError', `msg_meta_${name}_recv`, [r12], out);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  };
}

/** Class-dict functions type_new wraps: __new__ in a staticmethod, the others in a classmethod. */
const IMPLICIT = [['dconst___new__', 'staticmethod'], ['dconst___init_subclass__', 'classmethod'], ['ga_const_class_getitem', 'classmethod']] as const;

export const metaclassModule: RuntimeModule = {
  name: 'metaclass',
  methods: [
    { type: 'type', name: '__instancecheck__', entry: 'rt_type_instancecheck' },
    { type: 'type', name: '__subclasscheck__', entry: 'rt_type_subclasscheck' },
  ],
  routines: [
    {
      name: 'rt_type_implicit_methods',
      contract: "rdi=new heap type (raw, dict set): a plain function as __new__ becomes a staticmethod, as __init_subclass__ or __class_getitem__ a classmethod (type_new_set_attrs) -> rax=0 or EXC; may allocate",
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        for (const [name, wrapper] of IMPLICIT) {
          const next = a.newLabel();
          a.mov(rdi, qword(mem(r12, TYPE.dict)));
          a.mov(rsi, qword(rip(sym(name))));
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(next);
          a.mov(r13, rax);
          a.mov(rdi, rax);
          a.lea(rsi, rip(sym('type_function')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(next);
          // PyStaticMethod_New / PyClassMethod_New: the callable, an empty __dict__.
          a.mov(edi, WRAPPED.size);
          a.lea(rsi, rip(sym(`type_${wrapper}`)));
          a.call(sym('rt_alloc'));
          a.mov(dword(mem(rax, HDR_AUX)), 2);
          a.mov(qword(mem(rax, WRAPPED.callable)), r13);
          a.mov(rcx, UNBOUND);
          a.mov(qword(mem(rax, WRAPPED.dict)), rcx);
          boxPtr(a, rax, rcx);
          a.mov(rdx, rax);
          a.mov(rdi, qword(mem(r12, TYPE.dict)));
          a.mov(rsi, qword(rip(sym(name))));
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(next);
        }
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_meta_instancecheck',
      contract: 'rdi=object, rsi=class value -> eax=bool(type(cls).__instancecheck__(cls, object)) as 0/1, -1 if it raised, 2 if type(cls) has no __instancecheck__; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(rdx, qword(rip(sym('meta_const_instancecheck'))));
        a.lea(rcx, rip(sym('bi_cs_instancecheck')));
        a.jmp(sym('rt_meta_check_hook'));
      },
    },
    {
      name: 'rt_meta_subclasscheck',
      contract: 'rdi=class (any value), rsi=class value -> eax=bool(type(cls).__subclasscheck__(cls, x)) as 0/1, -1 if it raised, 2 if type(cls) has no __subclasscheck__; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(rdx, qword(rip(sym('meta_const_subclasscheck'))));
        a.lea(rcx, rip(sym('bi_cs_subclasscheck')));
        a.jmp(sym('rt_meta_check_hook'));
      },
    },
    {
      name: 'rt_meta_check_hook',
      contract: 'rdi=argument, rsi=class value, rdx=hook name str, rcx=RecursionError suffix (C string) -> eax=bool of the hook called bound to cls (_PyObject_LookupSpecial on type(cls)) as 0/1, -1 if it raised, 2 if there is no hook; may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 = argument, r13 = cls, r14 = name then the bound hook, r15 = suffix;
        // [rsp] = type(cls) (raw), then the call's one argument.
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        const none = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.mov(qword(mem(rsp)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, r14);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(none);
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.mov(rdx, qword(mem(rsp)));
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_descr_get'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(r14, rax);
        a.mov(rdi, r15);
        a.call(sym('rt_recursion_enter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(qword(mem(rsp)), r12);
        a.mov(rdi, r14);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.mov(r14, rax);
        a.call(sym('rt_recursion_leave'));
        a.cmp(r14, g('rt_const_exc'));
        a.je(fail);
        a.mov(rdi, r14);
        a.call(sym('rt_truthy'));
        a.jmp(out);
        a.bind(none);
        a.mov(eax, META_NO_HOOK);
        a.jmp(out);
        a.bind(fail);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    typeCheckMethod('__instancecheck__', (a) => {
      // object_isinstance for a type: type(x) is cls or a subclass of it.
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      unboxPtr(a, rsi);
      a.call(sym('rt_is_subtype'));
      boolResult(a);
    }),
    typeCheckMethod('__subclasscheck__', (a, out) => {
      // recursive_issubclass: the argument must be a class too.
      const isClass = a.newLabel();
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isClass);
      raise(a, 'TypeError', 'msg_bi_issubclass_arg1', [], out);
      a.bind(isClass);
      a.mov(rdi, r13);
      unboxPtr(a, rdi);
      a.mov(rsi, r12);
      unboxPtr(a, rsi);
      a.call(sym('rt_is_subtype'));
      boolResult(a);
    }),
  ],
  data: [
    ...(['instancecheck', 'subclasscheck'] as const).flatMap((n) => [
      { name: `meta_str_${n}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, `__${n}__`) },
      { name: `meta_const_${n}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:meta_str_${n}`)) },
    ]),
    cstr('msg_meta___instancecheck___count', 'type.__instancecheck__() takes exactly one argument (%d given)'),
    cstr('msg_meta___subclasscheck___count', 'type.__subclasscheck__() takes exactly one argument (%d given)'),
    cstr('msg_meta___instancecheck___recv', "descriptor '__instancecheck__' for 'type' objects doesn't apply to a '%T' object"),
    cstr('msg_meta___subclasscheck___recv', "descriptor '__subclasscheck__' for 'type' objects doesn't apply to a '%T' object"),
  ],
};
