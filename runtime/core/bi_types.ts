// Builtins runtime: constructors (new slots, `rt_new_<type>`) of builtin types that have
// no other owner (docs/builtins-native.md): bool and the singletons' types (NoneType,
// NotImplementedType, ellipsis). object's (rt_new_object) is in classes.ts with class
// creation; int, float, str and the containers have theirs in their own areas.
//
// The new-slot contract is (rdi = the type's address, rsi = args, rdx = nargs with keywords,
// rcx = kwnames or 0) -> value or EXC; rt_call_type calls it, then the init slot.

import { type Assembler, eax, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, g } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type BiSpec, boolResult, builtinRoutine, specData } from './bi_args.js';

const BOOL: BiSpec = { fname: 'bool', style: 'VAR', min: 0, max: 1 };

/** The singletons' types: type(None)() is None, and so on; arguments are refused. */
const SINGLETONS = [
  ['NoneType', 'None', 'NoneType'],
  ['NotImplementedType', 'NotImplemented', 'NotImplementedType'],
  ['ellipsis', 'Ellipsis', 'EllipsisType'],
] as const;

const routines: RuntimeRoutine[] = [
  builtinRoutine('rt_new_bool', "new slot of bool: (type, args, nargs, kwnames) -> bool(x=False) by truth, or EXC (TypeError 'bool expected at most 1 argument, got N', 'bool() takes no keyword arguments', the truth test's errors); may allocate, may raise", BOOL, 0, (a, c) => {
    const failed = a.newLabel();
    a.mov(rdi, c.arg(0));
    a.mov(rax, g('rt_const_False'));
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(c.out);
    a.call(sym('rt_truthy'));
    a.test(eax, eax);
    a.js(failed);
    boolResult(a);
    a.jmp(c.out);
    a.bind(failed);
    a.mov(rax, g('rt_const_exc'));
  }, true),

  // rt_new_object (object.__new__) lives with class creation in runtime/core/classes.ts.

  ...SINGLETONS.map(([type, value]) => ({
    name: `rt_new_${type}`,
    contract: `new slot of ${type}: (type, args, nargs, kwnames) -> ${value}, or EXC (TypeError "... takes no arguments" when given any); may allocate (only to raise)`,
    emit(a: Assembler<any>) {
      const bad = a.newLabel();
      a.test(rdx, rdx);
      a.jne(bad);
      a.lea(rax, rip(sym(`obj_${value}`)));
      boxPtr(a, rax, rcx);
      a.ret();
      a.bind(bad);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(`msg_bi_${type}_no_args`)));
      a.jmp(sym('rt_raise_cstr'));
    },
  })),
];

export const biTypesModule: RuntimeModule = {
  name: 'bi_types',
  routines,
  data: [
    ...specData(BOOL),
    ...SINGLETONS.map(([type, , shown]) => cstr(`msg_bi_${type}_no_args`, `${shown} takes no arguments`)),
  ],
};

