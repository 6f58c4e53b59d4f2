// Builtins runtime: reflection builtins (docs/builtins-native.md): isinstance, issubclass,
// callable, hash, id, getattr, setattr, hasattr and delattr, as Python/bltinmodule.c and
// Objects/abstract.c (object_recursive_isinstance, object_issubclass) of CPython 3.11.
//
// isinstance/issubclass accept a class or a tuple of them, nested to any depth (each level
// counts against the recursion limit, " in __instancecheck__"); the first match or error
// ends the walk, so isinstance(1, (int, 1)) is True while isinstance(1, (str, 1)) raises.
// Metaclasses' __instancecheck__/__subclasscheck__ are asked first (metaclass.ts); a union
// (union.ts) is walked as the tuple of its args.
//
// id() is the address of an object, as in CPython. Floats and small ints are not objects
// here; their id is 2**64 + the value word, which no address can equal, and equal values
// have equal ids (like CPython's cached small ints).

import { type Assembler, type Label, type Mem, al, eax, edx, mem, qword, r12, r13, r14, r15, r15d, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { TAG_OBJ, TUPLE, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxIntUnchecked, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitBigInt } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { dunder } from './classes.js';
import { META_NO_HOOK } from './metaclass.js';
import { ifExactType, UNION } from './union.js';
import { type BiSpec, boolResult, builtinRoutine, callChecked, clearExc, raise, specData } from './bi_args.js';

const SPECS = {
  isinstance: { fname: 'isinstance', style: 'VAR', min: 2, max: 2 },
  issubclass: { fname: 'issubclass', style: 'VAR', min: 2, max: 2 },
  callable: { fname: 'callable', style: 'O', min: 1, max: 1 },
  hash: { fname: 'hash', style: 'O', min: 1, max: 1 },
  id: { fname: 'id', style: 'O', min: 1, max: 1 },
  getattr: { fname: 'getattr', style: 'VAR', min: 2, max: 3 },
  setattr: { fname: 'setattr', style: 'VAR', min: 3, max: 3 },
  hasattr: { fname: 'hasattr', style: 'VAR', min: 2, max: 2 },
  delattr: { fname: 'delattr', style: 'VAR', min: 2, max: 2 },
  // vars() without an argument (the caller's locals) is refused at compile time.
  vars: { fname: 'vars', style: 'VAR', min: 1, max: 1 },
} as const satisfies Record<string, BiSpec>;

/** eax = 1 if the value in `r` is an instance of type_<name> (or a subclass). Clobbers caller-saved. */
function isInstanceOf(a: Assembler<any>, r: typeof rdi, name: string): void {
  if (r !== rdi) a.mov(rdi, r);
  a.lea(rsi, rip(sym(`type_${name}`)));
  a.call(sym('rt_isinstance_type'));
}

/**
 * The isinstance / issubclass walk: rdi = object (or class), rsi = class or tuple -> eax =
 * 1, 0 or -1 (raised). `single` handles one class that is a type (r12 = object, r13 = the
 * class value), leaving eax; anything neither a type nor a tuple goes to `other`. Both
 * raise by jumping to `fail`.
 */
function walkRoutine(name: string, contract: string, suffix: string, single: (a: Assembler<any>, fail: Label) => void, other: (a: Assembler<any>, fail: Label, out: Label) => void): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a) {
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const notType = a.newLabel();
      const notTuple = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      isInstanceOf(a, r13, 'type');
      a.test(eax, eax);
      a.je(notType);
      single(a, fail);
      a.jmp(out);
      a.bind(notType);
      // A union stands for the tuple of its args (object_recursive_isinstance).
      const walk = a.newLabel();
      const isUnion = a.newLabel();
      ifExactType(a, r13, 'UnionType', isUnion);
      isInstanceOf(a, r13, 'tuple');
      a.test(eax, eax);
      a.je(notTuple);
      a.jmp(walk);
      a.bind(isUnion);
      unboxPtr(a, r13);
      a.mov(r13, qword(mem(r13, UNION.args)));
      a.bind(walk);
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.lea(rdi, rip(sym(suffix)));
        a.call(sym('rt_recursion_enter'));
        a.cmp(rax, g('rt_const_exc'));
        const entered = a.newLabel();
        a.jne(entered);
        a.mov(eax, -1);
        a.jmp(out);
        a.bind(entered);
        a.xor(r14, r14);
        a.xor(r15, r15); // result so far
        a.bind(loop);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.cmp(r14, qword(mem(rax, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, r12);
        a.mov(rsi, qword(sib(rax, r14, 8, TUPLE.items)));
        a.call(sym(name));
        a.movsxd(r15, eax);
        a.test(eax, eax);
        a.jne(done);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.call(sym('rt_recursion_leave'));
        a.mov(eax, r15d);
        a.jmp(out);
      }
      a.bind(notTuple);
      other(a, fail, out);
      a.bind(fail);
      a.mov(eax, -1);
      a.bind(out);
      epilogue(a, saved, 8);
    },
  };
}


const routines: RuntimeRoutine[] = [
  walkRoutine(
    'rt_bi_isinstance',
    'rdi=object, rsi=class or (nested) tuple of classes -> eax=1 if isinstance, 0 if not, -1 if it raised (TypeError "isinstance() arg 2 must be a type, a tuple of types, or a union", RecursionError); may allocate (only to raise)',
    'bi_cs_instancecheck',
    (a) => {
      // An exact type match, then a metaclass's __instancecheck__ (metaclass.ts), then
      // type's own check (object_recursive_isinstance).
      const plain = a.newLabel();
      const done = a.newLabel();
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(rsi, r13);
      unboxPtr(a, rsi);
      a.cmp(rax, rsi);
      a.mov(eax, 1);
      a.je(done);
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.lea(rcx, rip(sym('type_type')));
      a.cmp(rax, rcx);
      a.je(plain);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_meta_instancecheck'));
      a.cmp(eax, META_NO_HOOK);
      a.jne(done);
      a.bind(plain);
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      unboxPtr(a, rsi);
      a.call(sym('rt_is_subtype'));
      a.bind(done);
    },
    (a, fail, out) => {
      // Not a type: an object whose type has __instancecheck__, else an error (Py_IS_TYPE
      // holds only for types; object_isinstance's __bases__ protocol is not native).
      const noHook = a.newLabel();
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_meta_instancecheck'));
      a.cmp(eax, META_NO_HOOK);
      a.je(noHook);
      a.jmp(out);
      a.bind(noHook);
      raise(a, 'TypeError', 'msg_bi_isinstance_arg2', [], fail);
    },
  ),
  walkRoutine(
    'rt_bi_issubclass',
    'rdi=class, rsi=class or (nested) tuple of classes -> eax=1 if issubclass, 0 if not, -1 if it raised (TypeError "issubclass() arg 1 must be a class", "issubclass() arg 2 must be a class, a tuple of classes, or a union", RecursionError); may allocate (only to raise)',
    'bi_cs_subclasscheck',
    (a, fail) => {
      const notClass = a.newLabel();
      const done = a.newLabel();
      // A metaclass's __subclasscheck__ first (it sees any first argument), unless cls's
      // type is exactly type (object_issubclass).
      const plain = a.newLabel();
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.lea(rcx, rip(sym('type_type')));
      a.cmp(rax, rcx);
      a.je(plain);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_meta_subclasscheck'));
      a.cmp(eax, META_NO_HOOK);
      a.jne(done);
      a.bind(plain);
      isInstanceOf(a, r12, 'type');
      a.test(eax, eax);
      a.je(notClass);
      a.mov(rdi, r12);
      unboxPtr(a, rdi);
      a.mov(rsi, r13);
      unboxPtr(a, rsi);
      a.call(sym('rt_is_subtype'));
      a.jmp(done);
      a.bind(notClass);
      raise(a, 'TypeError', 'msg_bi_issubclass_arg1', [], fail);
      a.bind(done);
    },
    (a, fail, out) => {
      const arg2 = a.newLabel();
      const noHook = a.newLabel();
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_meta_subclasscheck'));
      a.cmp(eax, META_NO_HOOK);
      a.je(noHook);
      a.jmp(out);
      a.bind(noHook);
      isInstanceOf(a, r12, 'type');
      a.test(eax, eax);
      a.jne(arg2);
      raise(a, 'TypeError', 'msg_bi_issubclass_arg1', [], fail);
      a.bind(arg2);
      raise(a, 'TypeError', 'msg_bi_issubclass_arg2', [], fail);
    },
  ),

  ...(['isinstance', 'issubclass'] as const).map((name) =>
    builtinRoutine(`rt_builtin_${name}`, `${name}(x, classinfo): vector ABI -> True/False, or EXC (see rt_bi_${name}); may allocate, may raise`, SPECS[name], 0, (a, c) => {
      const failed = a.newLabel();
      a.mov(rdi, c.arg(0));
      a.mov(rsi, c.arg(1));
      a.call(sym(`rt_bi_${name}`));
      a.test(eax, eax);
      a.js(failed);
      boolResult(a);
      a.jmp(c.out);
      a.bind(failed);
      a.mov(rax, g('rt_const_exc'));
    }),
  ),

  builtinRoutine('rt_builtin_callable', 'callable(x): vector ABI -> True if type(x) has a call slot, else False', SPECS.callable, 0, (a, c) => {
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_type_of'));
    a.cmp(qword(mem(rax, typeSlot('call'))), 0);
    a.setne(al);
    a.movzx(eax, al);
    boolResult(a);
  }),

  builtinRoutine('rt_builtin_hash', "hash(x): vector ABI -> int hash, or EXC (TypeError \"unhashable type: 'T'\", a __hash__'s errors); may allocate, may raise", SPECS.hash, 0, (a, c) => {
    const failed = a.newLabel();
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_hash'));
    a.cmp(rax, -1);
    a.je(failed);
    a.mov(rdi, rax);
    a.call(sym('rt_int_from_i64'));
    a.jmp(c.out);
    a.bind(failed);
    a.mov(rax, g('rt_const_exc'));
  }),

  builtinRoutine('rt_builtin_id', 'id(x): vector ABI -> int: the address of an object; 2**64 + the value word for floats and small ints; may allocate', SPECS.id, 0, (a, c) => {
    const notObj = a.newLabel();
    a.mov(rax, c.arg(0));
    a.mov(rcx, rax);
    a.shr(rcx, 48);
    a.cmp(rcx, TAG_OBJ);
    a.jne(notObj);
    // User-space addresses are below 2**47: always a small int.
    unboxPtr(a, rax);
    boxIntUnchecked(a, rax, rcx);
    a.jmp(c.out);
    a.bind(notObj);
    a.mov(rdi, rax);
    callChecked(a, 'rt_int_from_u64', c.out);
    a.mov(rdi, rax);
    a.mov(rsi, g('bi_const_2_64'));
    a.xor(edx, edx); // BINOPS '+'
    a.call(sym('rt_binary_op'));
  }),

  builtinRoutine('rt_builtin_getattr', "getattr(object, name[, default]): vector ABI -> the attribute, default when it raised AttributeError, or EXC (TypeError \"attribute name must be string, not 'T'\", AttributeError); may allocate, may raise", SPECS.getattr, 0, (a, c) => {
    const useDefault = a.newLabel();
    checkName(a, c.arg(1), c.out);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.call(sym('rt_getattr'));
    a.cmp(rax, g('rt_const_exc'));
    a.jne(c.out);
    a.mov(rcx, c.arg(2));
    a.cmp(rcx, g('rt_const_unbound'));
    a.je(c.out);
    a.mov(rdi, g('rt_exc'));
    isInstanceOf(a, rdi, 'AttributeError');
    a.test(eax, eax);
    a.jne(useDefault);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(c.out);
    a.bind(useDefault);
    clearExc(a);
    a.mov(rax, c.arg(2));
  }),

  builtinRoutine('rt_builtin_hasattr', "hasattr(object, name): vector ABI -> True, or False when getattr raised AttributeError, or EXC (TypeError \"attribute name must be string, not 'T'\", other errors of the lookup); may allocate, may raise", SPECS.hasattr, 0, (a, c) => {
    const failed = a.newLabel();
    checkName(a, c.arg(1), c.out);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.call(sym('rt_getattr'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(failed);
    a.mov(rax, g('rt_const_True'));
    a.jmp(c.out);
    a.bind(failed);
    a.mov(rdi, g('rt_exc'));
    isInstanceOf(a, rdi, 'AttributeError');
    a.test(eax, eax);
    const no = a.newLabel();
    a.jne(no);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(c.out);
    a.bind(no);
    clearExc(a);
    a.mov(rax, g('rt_const_False'));
  }),

  builtinRoutine('rt_builtin_vars', 'vars(object): vector ABI -> object.__dict__, or EXC (TypeError "vars() argument must have __dict__ attribute" when the lookup raised AttributeError, other errors of the lookup); may allocate, may raise', SPECS.vars, 0, (a, c) => {
    const failed = a.newLabel();
    a.mov(rdi, c.arg(0));
    dunder(a, rsi, '__dict__');
    a.call(sym('rt_getattr'));
    a.cmp(rax, g('rt_const_exc'));
    a.jne(c.out);
    a.mov(rdi, g('rt_exc'));
    isInstanceOf(a, rdi, 'AttributeError');
    a.test(eax, eax);
    a.mov(rax, g('rt_const_exc'));
    a.je(c.out);
    clearExc(a);
    raise(a, 'TypeError', 'msg_vars_no_dict', [], c.out);
  }),

  ...(['setattr', 'delattr'] as const).map((name) =>
    builtinRoutine(`rt_builtin_${name}`, `${name}(object, name${name === 'setattr' ? ', value' : ''}): vector ABI -> None, or EXC (TypeError "attribute name must be string, not 'T'", the setattr slot's errors); may allocate, may raise`, SPECS[name], 0, (a, c) => {
      checkName(a, c.arg(1), c.out);
      a.mov(rdi, c.arg(0));
      a.mov(rsi, c.arg(1));
      if (name === 'setattr') a.mov(rdx, c.arg(2));
      else a.mov(rdx, UNBOUND);
      callChecked(a, 'rt_setattr', c.out);
      a.mov(rax, g('rt_const_None'));
    }),
  ),
];

/** TypeError "attribute name must be string, not 'T'" unless the word at `op` is a str. */
function checkName(a: Assembler<any>, op: Mem<any>, out: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, op);
  isInstanceOf(a, rdi, 'str');
  a.test(eax, eax);
  a.jne(ok);
  a.mov(rdx, op);
  raise(a, 'TypeError', 'msg_bi_attr_name', [rdx], out);
  a.bind(ok);
}

export const biReflectModule: RuntimeModule = {
  name: 'bi_reflect',
  builtins: Object.keys(SPECS).map((n) => ({ name: n, entry: `rt_builtin_${n}` })),
  routines,
  data: [
    ...Object.values(SPECS).flatMap((s) => specData(s)),
    { name: 'bi_big_2_64', section: 'rodata', align: 16, emit: (a) => emitBigInt(a, 1n << 64n) },
    { name: 'bi_const_2_64', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:bi_big_2_64')) },
    cstr('bi_cs_instancecheck', ' in __instancecheck__'),
    cstr('bi_cs_subclasscheck', ' in __subclasscheck__'),
    cstr('msg_vars_no_dict', 'vars() argument must have __dict__ attribute'),
    cstr('msg_bi_isinstance_arg2', 'isinstance() arg 2 must be a type, a tuple of types, or a union'),
    cstr('msg_bi_issubclass_arg1', 'issubclass() arg 1 must be a class'),
    cstr('msg_bi_issubclass_arg2', 'issubclass() arg 2 must be a class, a tuple of classes, or a union'),
    cstr('msg_bi_attr_name', "attribute name must be string, not '%T'"),
  ],
};
