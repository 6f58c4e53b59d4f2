// Runtime core: the super type (CPython 3.11 Objects/typeobject.c super_*).
//
// super(type, obj) searches the MRO of type(obj) (of obj itself when obj is a class) after
// `type` and binds what it finds to obj through its descrget slot (attrs.ts rt_descr_get; a
// class-bound super passes no instance, so only classmethods bind). Zero-argument super() compiles to rt_super_new2 with the
// function's __class__ cell and first argument. Layout: descrkit.ts SUPER.

import { type Assembler, eax, ebx, edx, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { TUPLE, TYPE } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { addrOf, allocFixed, atMem, callWith, ifNotObject, inReg, nameIndex, nameTable, onExc, raiseFmt, SUPER } from './descrkit.js';

// ---- super ---------------------------------------------------------------------------------------


const superRoutines: RuntimeRoutine[] = [
  {
    name: 'rt_descr_supercheck',
    contract: 'rdi=class (raw address), rsi=object or class -> rax=raw address of the type to search (the object when it is a subclass, else its type), or EXC (TypeError "super(type, obj): obj must be an instance or subtype of type"); may allocate (only to raise)',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const notClass = a.newLabel();
      const bad = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      ifNotObject(a, r13, rax, bad);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(notClass);
      a.mov(rdi, r13);
      unboxPtr(a, rdi);
      a.mov(rsi, r12);
      a.call(sym('rt_is_subtype'));
      a.test(eax, eax);
      a.je(notClass);
      a.mov(rax, r13);
      unboxPtr(a, rax);
      a.jmp(out);
      a.bind(notClass);
      a.bind(bad);
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.mov(r13, rax);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.call(sym('rt_is_subtype'));
      a.test(eax, eax);
      const fail = a.newLabel();
      a.je(fail);
      a.mov(rax, r13);
      a.jmp(out);
      a.bind(fail);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_dsc_supercheck')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_new_super',
    contract: 'new slot of super: (type address, args, nargs, kwnames) -> an empty super object (arguments are for __init__); may allocate',
    emit(a: Assembler<any>) {
      prologue(a, [r12]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      allocFixed(a, r12, SUPER.size, 3);
      boxPtr(a, rax, rcx);
      epilogue(a, [r12]);
    },
  },
  {
    name: 'rt_init_super',
    contract: "init slot of super: (self, args, nargs, kwnames) -> 0 or EXC; super(type, obj=None) with CPython's checks (\"super() argument 1 must be a type, not int\", \"super(type, obj): obj must be an instance or subtype of type\", RuntimeError \"super(): no arguments\" for the zero-argument form called indirectly); may allocate",
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      const kwOk = a.newLabel();
      a.test(rcx, rcx);
      a.je(kwOk);
      a.mov(rax, rcx);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, TUPLE.length)), 0);
      a.je(kwOk);
      raiseFmt(a, 'TypeError', 'msg_dsc_no_kwargs', [addrOf('dsc_n_super')], out);
      a.bind(kwOk);
      const fewEnough = a.newLabel();
      a.cmp(r14, 2);
      a.jbe(fewEnough);
      raiseFmt(a, 'TypeError', 'msg_dsc_super_at_most', [inReg(r14)], out);
      a.bind(fewEnough);
      const some = a.newLabel();
      a.test(r14, r14);
      a.jne(some);
      a.lea(rdi, rip(sym('type_RuntimeError')));
      a.lea(rsi, rip(sym('msg_dsc_super_no_args')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(some);
      const isType = a.newLabel();
      a.mov(rdi, qword(mem(r13)));
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isType);
      raiseFmt(a, 'TypeError', 'msg_dsc_super_arg1', [atMem(r13)], out);
      a.bind(isType);
      // obj: the second argument unless absent or None.
      const noObj = a.newLabel();
      const set = a.newLabel();
      a.mov(r15, g('rt_const_unbound'));
      a.cmp(r14, 2);
      a.jne(noObj);
      a.mov(rax, qword(mem(r13, 8)));
      a.cmp(rax, g('rt_const_None'));
      a.je(noObj);
      a.mov(r15, rax);
      a.mov(rdi, qword(mem(r13)));
      unboxPtr(a, rdi);
      a.mov(rsi, r15);
      a.call(sym('rt_descr_supercheck'));
      onExc(a, out);
      boxPtr(a, rax, rcx);
      a.jmp(set);
      a.bind(noObj);
      a.mov(rax, g('rt_const_unbound'));
      a.bind(set);
      a.mov(qword(mem(r12, SUPER.objType)), rax);
      a.mov(qword(mem(r12, SUPER.obj)), r15);
      a.mov(rax, qword(mem(r13)));
      a.mov(qword(mem(r12, SUPER.type)), rax);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_super_new2',
    contract: "rdi=class value (the __class__ cell's content, UNBOUND when empty), rsi=the caller's first argument (UNBOUND when it has none) -> rax=super(class, obj) for zero-argument super(), or EXC (RuntimeError \"super(): empty __class__ cell\", \"super(): __class__ is not a type (int)\", \"super(): no arguments\"; the supercheck TypeError); may allocate",
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      const haveCell = a.newLabel();
      a.cmp(r12, g('rt_const_unbound'));
      a.jne(haveCell);
      a.lea(rdi, rip(sym('type_RuntimeError')));
      a.lea(rsi, rip(sym('msg_dsc_super_empty_cell')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(haveCell);
      const isType = a.newLabel();
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isType);
      raiseFmt(a, 'RuntimeError', 'msg_dsc_super_not_type', [inReg(r12)], out);
      a.bind(isType);
      const haveArg = a.newLabel();
      a.cmp(r13, g('rt_const_unbound'));
      a.jne(haveArg);
      a.lea(rdi, rip(sym('type_RuntimeError')));
      a.lea(rsi, rip(sym('msg_dsc_super_no_args')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(haveArg);
      a.mov(rdi, r12);
      unboxPtr(a, rdi);
      a.mov(rsi, r13);
      a.call(sym('rt_descr_supercheck'));
      onExc(a, out);
      a.mov(r14, rax);
      boxPtr(a, r14, rax);
      a.lea(r15, rip(sym('type_super')));
      allocFixed(a, r15, SUPER.size, 3);
      a.mov(qword(mem(rax, SUPER.type)), r12);
      a.mov(qword(mem(rax, SUPER.obj)), r13);
      a.mov(qword(mem(rax, SUPER.objType)), r14);
      boxPtr(a, rax, rcx);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_getattr_super',
    contract: "getattr slot of super: (super, name) -> the attribute from the MRO of the bound type after the class, bound to the object (super_getattro); __class__, __thisclass__, __self__, __self_class__ and unfound names from the super object itself; UNBOUND if absent, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const skip = a.newLabel();
      const found = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.mov(r14, qword(mem(r12, SUPER.objType)));
      a.cmp(r14, g('rt_const_unbound'));
      a.je(skip);
      // __class__ is the super object's own.
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('dsc_n___class__')));
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.jne(skip);
      unboxPtr(a, r14);
      a.mov(r15, qword(mem(r14, TYPE.mro)));
      unboxPtr(a, r15);
      // rbx = index after the class in the MRO (the last entry is never the match).
      {
        const scan = a.newLabel();
        const stop = a.newLabel();
        a.xor(ebx, ebx);
        a.bind(scan);
        a.lea(rax, mem(rbx, 1));
        a.cmp(rax, qword(mem(r15, TUPLE.length)));
        a.jae(stop);
        a.mov(rax, qword(sib(r15, rbx, 8, TUPLE.items)));
        a.cmp(rax, qword(mem(r12, SUPER.type)));
        a.je(stop);
        a.inc(rbx);
        a.jmp(scan);
        a.bind(stop);
        a.inc(rbx);
      }
      {
        const loop = a.newLabel();
        const next = a.newLabel();
        a.bind(loop);
        a.cmp(rbx, qword(mem(r15, TUPLE.length)));
        a.jae(skip);
        a.mov(rax, qword(sib(r15, rbx, 8, TUPLE.items)));
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, TYPE.dict)));
        ifNotObject(a, rdi, rax, next);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        onExc(a, out);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(found);
        a.bind(next);
        a.inc(rbx);
        a.jmp(loop);
      }
      // Bind to the object, or (class-bound super) to nothing: only classmethods bind then.
      a.bind(found);
      a.mov(rdi, rax);
      a.mov(rdx, r14);
      boxPtr(a, rdx, rax);
      a.mov(rsi, qword(mem(r12, SUPER.obj)));
      a.cmp(rsi, rdx);
      a.cmove(rsi, g('rt_const_unbound'));
      a.call(sym('rt_descr_get'));
      a.jmp(out);
      a.bind(skip);
      {
        const generic = a.newLabel();
        const isClass = a.newLabel();
        nameIndex(a, r13, 'dsc_names_super');
        a.test(rax, rax);
        a.js(generic);
        a.cmp(eax, 3);
        a.je(isClass);
        a.mov(rax, qword(sib(r12, rax, 8, SUPER.type)));
        a.cmp(rax, g('rt_const_unbound'));
        a.cmove(rax, g('rt_const_None'));
        a.jmp(out);
        a.bind(isClass);
        a.mov(rax, qword(mem(r12)));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(generic);
        a.mov(rdi, r12);
        boxPtr(a, rdi, rax);
        a.mov(rsi, r13);
        a.xor(edx, edx);
        a.call(sym('rt_descr_getattr_generic'));
      }
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_descrget_super',
    contract: 'descrget slot of super: (super, instance or UNBOUND, owner) -> the super object itself when unbound from an instance or already bound, else super(its class, instance) (type(su)(su.__thisclass__, instance) for subclasses); may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const self = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.cmp(r13, g('rt_const_unbound'));
      a.je(self);
      a.cmp(r13, g('rt_const_None'));
      a.je(self);
      a.mov(rax, qword(mem(r12, SUPER.obj)));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(self);
      const exact = a.newLabel();
      a.lea(rax, rip(sym('type_super')));
      a.cmp(qword(mem(r12)), rax);
      a.je(exact);
      callWith(a, (as, d) => {
        as.mov(d, qword(mem(r12)));
        boxPtr(as, d, rcx);
      }, [atMem(r12, SUPER.type), inReg(r13)]);
      a.jmp(out);
      a.bind(exact);
      a.mov(rdi, qword(mem(r12, SUPER.type)));
      unboxPtr(a, rdi);
      a.mov(rsi, r13);
      a.call(sym('rt_descr_supercheck'));
      onExc(a, out);
      a.mov(r14, rax);
      boxPtr(a, r14, rax);
      a.lea(r15, rip(sym('type_super')));
      allocFixed(a, r15, SUPER.size, 3);
      a.mov(rcx, qword(mem(r12, SUPER.type)));
      a.mov(qword(mem(rax, SUPER.type)), rcx);
      a.mov(qword(mem(rax, SUPER.obj)), r13);
      a.mov(qword(mem(rax, SUPER.objType)), r14);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(self);
      a.mov(rax, r12);
      boxPtr(a, rax, rcx);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_repr_super',
    contract: "repr slot of super: -> \"<super: <class 'B'>, <B object>>\" (\"..., NULL>\" when not bound, class 'NULL' when uninitialized); may allocate",
    emit(a: Assembler<any>) {
      const unbound = a.newLabel();
      const fmt = a.newLabel();
      prologue(a, [r12], 24);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rax, g('dsc_s_NULL.v'));
      a.mov(rcx, qword(mem(r12, SUPER.type)));
      a.cmp(rcx, g('rt_const_unbound'));
      const noType = a.newLabel();
      a.je(noType);
      unboxPtr(a, rcx);
      a.mov(rax, qword(mem(rcx, TYPE.name)));
      a.bind(noType);
      a.mov(qword(mem(rsp)), rax);
      a.lea(rdi, rip(sym('msg_dsc_super_repr_null')));
      a.mov(rcx, qword(mem(r12, SUPER.objType)));
      a.cmp(rcx, g('rt_const_unbound'));
      a.je(unbound);
      unboxPtr(a, rcx);
      a.mov(rax, qword(mem(rcx, TYPE.name)));
      a.mov(qword(mem(rsp, 8)), rax);
      a.lea(rdi, rip(sym('msg_dsc_super_repr')));
      a.bind(unbound);
      a.bind(fmt);
      a.mov(rsi, rsp);
      a.call(sym('rt_str_fmt'));
      epilogue(a, [r12], 24);
    },
  },
];

export const descrSuperModule: RuntimeModule = {
  name: 'descrsuper',
  types: [{ name: 'super', layout: 'fixed', subclassable: true }],
  routines: superRoutines,
  data: [
    nameTable('dsc_names_super', ['__thisclass__', '__self__', '__self_class__', '__class__']),
    cstr('dsc_n_super', 'super'),
    cstr('msg_dsc_supercheck', 'super(type, obj): obj must be an instance or subtype of type'),
    cstr('msg_dsc_super_at_most', 'super() expected at most 2 arguments, got %d'),
    cstr('msg_dsc_super_no_args', 'super(): no arguments'),
    cstr('msg_dsc_super_arg1', 'super() argument 1 must be a type, not %T'),
    cstr('msg_dsc_super_empty_cell', 'super(): empty __class__ cell'),
    cstr('msg_dsc_super_not_type', 'super(): __class__ is not a type (%T)'),
    cstr('msg_dsc_super_repr', "<super: <class '%U'>, <%U object>>"),
    cstr('msg_dsc_super_repr_null', "<super: <class '%U'>, NULL>"),
  ],
};
