// Runtime core: Python function objects, calling them, cells, and the errors of name
// lookups.
//
// A function object (layout.ts FUNCTION) points to its static code object. Calling one
// through the generic path (rt_call -> rt_call_function) places a new frame at the
// value-stack top: the arguments bound to the parameters (rt_bind_args: positional,
// keywords, defaults, *args, with CPython's error messages), then enters the code's native
// entry with rdi = frame base and rsi = the function. Compiled call sites with exact
// positional arguments skip all of this (templates/calls.ts).

import {
  type Assembler, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13b, r13d, r14, r14d, r15, r15d, r8, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { CELL, CODE, FUNCTION, MODINFO, MODULE, TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ifNotLayout } from './listshared.js';

const CO_VARARGS = 0x4;
const CO_VARKEYWORDS = 0x8;

export const funcModule: RuntimeModule = {
  name: 'func',
  routines: [
    {
      name: 'rt_cell_new',
      contract: 'rdi=initial value (UNBOUND for an empty cell) -> rax=cell value; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(edi, CELL.value + 8);
        a.lea(rsi, rip(sym('type_cell')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, CELL.value)), r12);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_make_function',
      contract: 'rdi=code object value, esi=MAKE_FUNCTION flags, rdx=address of the optional parts (defaults, kwdefaults, annotations, closure: those flagged, in that order), rcx=globals array of the defining module -> rax=function value; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12); // code (raw)
        a.mov(r13d, esi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(edi, FUNCTION.size);
        a.lea(rsi, rip(sym('type_function')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, FUNCTION.code)), r12);
        a.mov(qword(mem(rax, FUNCTION.globals)), r15);
        a.mov(rcx, UNBOUND);
        for (const f of ['defaults', 'kwdefaults', 'closure', 'dict', 'annotations'] as const) a.mov(qword(mem(rax, FUNCTION[f])), rcx);
        a.mov(rcx, qword(mem(r12, CODE.doc))); // the docstring or None (CPython: co_consts[0] if a str)
        a.mov(qword(mem(rax, FUNCTION.doc)), rcx);
        a.mov(rcx, qword(mem(r12, CODE.name)));
        a.mov(qword(mem(rax, FUNCTION.name)), rcx);
        a.mov(rcx, qword(mem(r12, CODE.qualname)));
        a.mov(qword(mem(rax, FUNCTION.qualname)), rcx);
        // __module__ is the defining module's __name__ (its first global slot).
        a.mov(rcx, qword(mem(r15)));
        a.mov(qword(mem(rax, FUNCTION.module)), rcx);
        for (const [bit, field] of [[1, 'defaults'], [2, 'kwdefaults'], [4, 'annotations'], [8, 'closure']] as const) {
          const skip = a.newLabel();
          a.test(r13d, bit);
          a.je(skip);
          a.mov(rcx, qword(mem(r14)));
          a.mov(qword(mem(rax, FUNCTION[field])), rcx);
          a.add(r14, 8);
          a.bind(skip);
        }
        boxPtr(a, rax, rcx);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_call_function',
      contract: 'call slot of function objects (see rt_call): binds the arguments into a new frame at the value-stack top and runs the code; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const bind = a.newLabel();
        const bound = a.newLabel();
        const overflow = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi); // function value
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rbp, g('rt_vs_top')); // new frame base
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.mov(rcx, qword(mem(rax, CODE.frameSlots)));
        a.lea(rcx, sib(rbp, rcx, 8));
        a.cmp(rcx, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), rcx); // the arguments are roots while binding allocates
        a.test(r15, r15);
        a.jne(bind);
        a.cmp(r14, qword(mem(rax, CODE.exactArgs)));
        a.jne(bind);
        // Exact positional arguments: copy them.
        const copy = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(copy);
        a.cmp(rcx, r14);
        a.jae(bound);
        a.mov(rdx, qword(sib(r13, rcx, 8)));
        a.mov(qword(sib(rbp, rcx, 8)), rdx);
        a.inc(rcx);
        a.jmp(copy);
        a.bind(bind);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.mov(r8, rbp);
        a.call(sym('rt_bind_args'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(bound);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.mov(rdi, rbp);
        a.mov(rsi, r12);
        a.call(qword(mem(rax, CODE.entry)));
        a.bind(out);
        a.mov(g('rt_vs_top'), rbp);
        epilogue(a, saved);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
      },
    },
    bindArgs(),
    ...bindErrorRoutines(),
    {
      name: 'rt_call_method_stack',
      contract: 'rdi=address of [method, self or UNBOUND, args...], esi=n args, rdx=kwnames tuple or 0 -> rax=result or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const withSelf = a.newLabel();
        a.mov(rcx, rdx);
        a.mov(edx, esi);
        a.mov(rax, qword(mem(rdi, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(withSelf);
        a.lea(rsi, mem(rdi, 16));
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_call'));
        a.bind(withSelf);
        a.lea(rsi, mem(rdi, 8));
        a.inc(edx);
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_call'));
      },
    },
    {
      name: 'rt_raise_recursion',
      contract: '-> rax=EXC with RecursionError("maximum recursion depth exceeded"); may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_RecursionError')));
        a.lea(rsi, rip(sym('msg_max_recursion')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_raise_unbound_local',
      contract: 'rdi=variable name str -> rax=EXC (UnboundLocalError with CPython 3.11\'s message); may allocate',
      emit(a: Assembler<any>) {
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_UnboundLocalError')));
        a.lea(rsi, rip(sym('msg_unbound_local')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_raise_unbound_free',
      contract: 'rdi=variable name str -> rax=EXC (NameError for a free variable); may allocate',
      emit(a: Assembler<any>) {
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_NameError')));
        a.lea(rsi, rip(sym('msg_unbound_free')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_raise_name_error',
      contract: "rdi=name str -> rax=EXC (NameError: name 'x' is not defined, with its name); may allocate",
      emit(a: Assembler<any>) {
        a.xor(esi, esi);
        a.jmp(sym('rt_raise_name_error_in'));
      },
    },
    {
      name: 'rt_load_global_fallback',
      contract: "rdi=name str of a global that is unbound in the module, rsi=the module's descriptor (MODINFO) -> rax=the value the module's overflow dict has for it (set from outside: `mod.name = v`), or EXC (NameError); may allocate",
      emit(a: Assembler<any>) {
        // Builtin names are resolved at compile time; a global slot that is unbound at run
        // time (assigned by a function that has not run, or deleted) is a NameError. A name
        // the module never assigns may have been set on the module object from outside: its
        // overflow dict (usermodules.ts), when the module object exists.
        const missing = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rax, qword(mem(rsi, MODINFO.globals)));
        a.mov(rcx, qword(mem(rsi, MODINFO.nglobals)));
        a.mov(rax, qword(sib(rax, rcx, 8))); // the module object, once made
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, MODULE.overflow)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(missing);
        a.mov(rsi, r12);
        a.call(sym('rt_dict_getitem'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.pop(r13);
        a.pop(r12);
        a.ret();
        a.bind(missing);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.pop(r13);
        a.pop(r12);
        // The module goes with the error, for the suggestion from its globals (suggest.ts).
        a.jmp(sym('rt_raise_name_error_in'));
      },
    },
  ],
  data: [
    cstr('msg_max_recursion', 'maximum recursion depth exceeded'),
    cstr('msg_unbound_local', "cannot access local variable '%U' where it is not associated with a value"),
    cstr('msg_unbound_free', "cannot access free variable '%U' where it is not associated with a value in enclosing scope"),
    cstr('msg_name_not_defined', "name '%U' is not defined"),
    cstr('msg_too_many_pos', '%U() takes %U positional argument%s but %d%U %s given'),
    cstr('msg_missing_args', '%U() missing %d required %s argument%s: %U'),
    cstr('msg_unexpected_kw', "%U() got an unexpected keyword argument '%U'"),
    cstr('msg_multiple_values', "%U() got multiple values for argument '%U'"),
    cstr('msg_posonly_as_kw', "%U() got some positional-only arguments passed as keyword arguments: '%U'"),
    cstr('msg_kw_not_str', 'keywords must be strings'),
    cstr('str_s', 's'),
    cstr('str_empty', ''),
    cstr('str_was', 'was'),
    cstr('str_were', 'were'),
    cstr('str_positional', 'positional'),
    cstr('str_keyword_only', 'keyword-only'),
    cstr('fmt_from_to', 'from %d to %d'),
    cstr('fmt_d', '%d'),
    cstr('fmt_kwonly_given', ' positional argument%s (and %d keyword-only argument%s)'),
    cstr('fmt_quoted', "'%U'"),
    cstr('str_and_sep', ' and '),
    cstr('str_comma_and_sep', ', and '),
    cstr('str_comma_sep', ', '),
  ],
};

/**
 * rt_bind_args: CPython's argument binding (ceval.c initialize_locals): positional
 * parameters, *args, keywords by name (not positional-only ones), defaults, and the
 * TypeErrors in CPython's order and wording; **kwargs collects the keywords no parameter
 * takes, and keyword-only parameters default from __kwdefaults__.
 */
function bindArgs() {
  // Machine-stack locals of the routine.
  const NARGS = 0, KWNAMES = 8, NPOS = 16, NKW = 24, ARGC = 32, TOTAL = 40, FLAGS = 48, POSONLY = 56, TMP = 64, KWSLOT = 72, LOCALS = 80;
  const at = (off: number) => qword(mem(rsp, off));
  return {
    name: 'rt_bind_args',
    contract: 'rdi=function value, rsi=args, rdx=nargs, rcx=kwnames tuple or 0, r8=frame base -> rax=0 with the parameters bound in the frame, or EXC (TypeError); may allocate',
    emit(a: Assembler<any>) {
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved, LOCALS);
      a.mov(r12, rdi);
      unboxPtr(a, r12); // function (raw)
      a.mov(r13, qword(mem(r12, FUNCTION.code))); // code (raw)
      a.mov(r14, rsi); // args
      a.mov(r15, r8); // frame
      a.mov(at(NARGS), rdx);
      a.mov(at(KWNAMES), rcx);
      // nkw, npos
      const noKw = a.newLabel();
      const kwDone = a.newLabel();
      a.test(rcx, rcx);
      a.je(noKw);
      unboxPtr(a, rcx);
      a.mov(rcx, qword(mem(rcx, TUPLE.length)));
      a.jmp(kwDone);
      a.bind(noKw);
      a.xor(ecx, ecx);
      a.bind(kwDone);
      a.mov(at(NKW), rcx);
      a.sub(rdx, rcx);
      a.mov(at(NPOS), rdx);
      a.mov(rax, qword(mem(r13, CODE.argcount)));
      a.mov(at(ARGC), rax);
      a.add(rax, qword(mem(r13, CODE.kwonly)));
      a.mov(at(TOTAL), rax);
      a.mov(rax, qword(mem(r13, CODE.flags)));
      a.mov(at(FLAGS), rax);
      a.mov(rax, qword(mem(r13, CODE.posonly)));
      a.mov(at(POSONLY), rax);
      // Every parameter slot (and *args) starts unbound.
      const clear = a.newLabel();
      const cleared = a.newLabel();
      a.xor(ebx, ebx);
      a.mov(rax, g('rt_const_unbound'));
      a.bind(clear);
      a.cmp(rbx, at(TOTAL));
      a.ja(cleared);
      a.mov(qword(sib(r15, rbx, 8)), rax);
      a.inc(rbx);
      a.jmp(clear);
      a.bind(cleared);
      // **kwargs: a new dict in the slot after the parameters (and *args); KWSLOT = its
      // index, or -1.
      {
        const noKwargs = a.newLabel();
        const kwDone = a.newLabel();
        a.test(qword(mem(rsp, FLAGS)), CO_VARKEYWORDS);
        a.je(noKwargs);
        a.call(sym('rt_dict_new'));
        a.mov(rcx, at(TOTAL));
        a.test(qword(mem(rsp, FLAGS)), CO_VARARGS);
        a.je(kwDone);
        a.inc(rcx);
        a.jmp(kwDone);
        a.bind(noKwargs);
        a.mov(rcx, -1);
        a.bind(kwDone);
        a.mov(at(KWSLOT), rcx);
        const none = a.newLabel();
        a.test(rcx, rcx);
        a.js(none);
        a.mov(qword(sib(r15, rcx, 8)), rax);
        a.bind(none);
      }
      // Positional arguments: min(npos, argcount) of them.
      const posLoop = a.newLabel();
      const posDone = a.newLabel();
      a.mov(rcx, at(NPOS));
      a.cmp(rcx, at(ARGC));
      a.cmova(rcx, at(ARGC));
      a.xor(ebx, ebx);
      a.bind(posLoop);
      a.cmp(rbx, rcx);
      a.jae(posDone);
      a.mov(rax, qword(sib(r14, rbx, 8)));
      a.mov(qword(sib(r15, rbx, 8)), rax);
      a.inc(rbx);
      a.jmp(posLoop);
      a.bind(posDone);
      // *args: the extra positional arguments as a tuple.
      const noVarargs = a.newLabel();
      a.test(qword(mem(rsp, FLAGS)), CO_VARARGS);
      a.je(noVarargs);
      {
        const extraLoop = a.newLabel();
        const extraDone = a.newLabel();
        const some = a.newLabel();
        a.mov(rdi, at(NPOS));
        a.sub(rdi, at(ARGC));
        a.jg(some);
        a.xor(edi, edi);
        a.bind(some);
        a.mov(rbp, rdi);
        a.call(sym('rt_tuple_alloc'));
        a.xor(ebx, ebx);
        a.mov(rcx, at(ARGC));
        a.bind(extraLoop);
        a.cmp(rbx, rbp);
        a.jae(extraDone);
        a.lea(rdx, sib(rbx, rcx, 1));
        a.mov(rdx, qword(sib(r14, rdx, 8)));
        a.mov(qword(sib(rax, rbx, 8, TUPLE.items)), rdx);
        a.inc(rbx);
        a.jmp(extraLoop);
        a.bind(extraDone);
        boxPtr(a, rax, rcx);
        a.mov(rcx, at(TOTAL));
        a.mov(qword(sib(r15, rcx, 8)), rax);
      }
      a.bind(noVarargs);
      // Keyword arguments, matched by name against the non-positional-only parameters.
      const kwLoop = a.newLabel();
      const kwEnd = a.newLabel();
      a.xor(ebp, ebp); // keyword index
      a.bind(kwLoop);
      a.cmp(rbp, at(NKW));
      a.jae(kwEnd);
      {
        const search = a.newLabel();
        const found = a.newLabel();
        const notFound = a.newLabel();
        const next = a.newLabel();
        const tryEq = a.newLabel();
        a.mov(rax, at(KWNAMES));
        unboxPtr(a, rax);
        a.mov(rax, qword(sib(rax, rbp, 8, TUPLE.items)));
        a.mov(at(TMP), rax); // the keyword's name
        a.mov(rbx, at(POSONLY));
        a.bind(search);
        a.cmp(rbx, at(TOTAL));
        a.jae(notFound);
        a.mov(rcx, qword(mem(r13, CODE.varnames)));
        unboxPtr(a, rcx);
        a.mov(rsi, qword(sib(rcx, rbx, 8, TUPLE.items)));
        a.cmp(rsi, at(TMP));
        a.je(found);
        a.bind(tryEq);
        a.mov(rdi, at(TMP));
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.js(fail);
        a.jne(found);
        a.inc(rbx);
        a.jmp(search);
        a.bind(found);
        a.mov(rax, qword(sib(r15, rbx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        const free = a.newLabel();
        a.je(free);
        // "got multiple values for argument 'x'"
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('msg_multiple_values')));
        a.mov(rdx, at(TMP));
        a.call(sym('rt_bind_error'));
        a.jmp(fail);
        a.bind(free);
        a.mov(rax, at(NPOS));
        a.add(rax, rbp);
        a.mov(rax, qword(sib(r14, rax, 8)));
        a.mov(qword(sib(r15, rbx, 8)), rax);
        a.jmp(next);
        a.bind(notFound);
        {
          // With **kwargs the keyword goes there (a positional-only name too, as CPython).
          const noKwargs = a.newLabel();
          a.mov(rcx, at(KWSLOT));
          a.test(rcx, rcx);
          a.js(noKwargs);
          a.mov(rdi, qword(sib(r15, rcx, 8)));
          a.mov(rsi, at(TMP));
          a.mov(rdx, at(NPOS));
          a.add(rdx, rbp);
          a.mov(rdx, qword(sib(r14, rdx, 8)));
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.jmp(next);
          a.bind(noKwargs);
        }
        {
          // A positional-only parameter of that name, or simply unexpected.
          const posonlyScan = a.newLabel();
          const unexpected = a.newLabel();
          const isPosonly = a.newLabel();
          a.xor(ebx, ebx);
          a.bind(posonlyScan);
          a.cmp(rbx, at(POSONLY));
          a.jae(unexpected);
          a.mov(rcx, qword(mem(r13, CODE.varnames)));
          unboxPtr(a, rcx);
          a.mov(rsi, qword(sib(rcx, rbx, 8, TUPLE.items)));
          a.mov(rdi, at(TMP));
          a.call(sym('rt_eq'));
          a.test(eax, eax);
          a.js(fail);
          a.jne(isPosonly);
          a.inc(rbx);
          a.jmp(posonlyScan);
          a.bind(isPosonly);
          a.mov(rdi, r12);
          a.mov(rsi, at(KWNAMES));
          a.call(sym('rt_bind_posonly_error'));
          a.jmp(fail);
          a.bind(unexpected);
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym('msg_unexpected_kw')));
          a.mov(rdx, at(TMP));
          a.call(sym('rt_bind_error'));
          a.jmp(fail);
        }
        a.bind(next);
        a.inc(rbp);
        a.jmp(kwLoop);
      }
      a.bind(kwEnd);
      // Too many positional arguments (checked after keywords, as CPython).
      const posOk = a.newLabel();
      a.mov(rax, at(NPOS));
      a.cmp(rax, at(ARGC));
      a.jbe(posOk);
      a.test(qword(mem(rsp, FLAGS)), CO_VARARGS);
      a.jne(posOk);
      a.mov(rdi, r12);
      a.mov(rsi, r15);
      a.mov(rdx, at(NPOS));
      a.call(sym('rt_bind_too_many'));
      a.jmp(fail);
      a.bind(posOk);
      // Defaults fill the last len(defaults) positional parameters that are still unbound.
      const noDefaults = a.newLabel();
      a.mov(rax, qword(mem(r12, FUNCTION.defaults)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noDefaults);
      a.cmp(rax, g('rt_const_None')); // f.__defaults__ = None
      a.je(noDefaults);
      {
        const dLoop = a.newLabel();
        const dNext = a.newLabel();
        unboxPtr(a, rax);
        a.mov(rbp, rax); // defaults tuple (raw)
        a.mov(rbx, at(ARGC));
        a.sub(rbx, qword(mem(rbp, TUPLE.length))); // first parameter with a default
        a.bind(dLoop);
        a.cmp(rbx, at(ARGC));
        a.jge(noDefaults);
        a.test(rbx, rbx);
        a.js(dNext);
        a.mov(rax, qword(sib(r15, rbx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(dNext);
        a.mov(rax, rbx);
        a.sub(rax, at(ARGC));
        a.add(rax, qword(mem(rbp, TUPLE.length)));
        a.mov(rax, qword(sib(rbp, rax, 8, TUPLE.items)));
        a.mov(qword(sib(r15, rbx, 8)), rax);
        a.bind(dNext);
        a.inc(rbx);
        a.jmp(dLoop);
      }
      a.bind(noDefaults);
      // Keyword-only parameters still unbound take their value from __kwdefaults__ (a dict
      // by name), when it has one.
      {
        const kLoop = a.newLabel();
        const kNext = a.newLabel();
        const kDone = a.newLabel();
        a.mov(rax, qword(mem(r12, FUNCTION.kwdefaults)));
        ifNotLayout(a, rax, 'dict', rcx, kDone);
        a.mov(rbx, at(ARGC));
        a.bind(kLoop);
        a.cmp(rbx, at(TOTAL));
        a.jae(kDone);
        a.mov(rax, qword(sib(r15, rbx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(kNext);
        a.mov(rdi, qword(mem(r12, FUNCTION.kwdefaults)));
        a.mov(rsi, qword(mem(r13, CODE.varnames)));
        unboxPtr(a, rsi);
        a.mov(rsi, qword(sib(rsi, rbx, 8, TUPLE.items)));
        a.call(sym('rt_dict_getitem'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(kNext);
        a.mov(qword(sib(r15, rbx, 8)), rax);
        a.bind(kNext);
        a.inc(rbx);
        a.jmp(kLoop);
        a.bind(kDone);
      }
      // Missing positional, then keyword-only, parameters.
      for (const [from, to, kind] of [[null, ARGC, 'str_positional'], [ARGC, TOTAL, 'str_keyword_only']] as const) {
        const ok = a.newLabel();
        a.mov(rdi, r12);
        a.mov(rsi, r15);
        if (from === null) a.xor(edx, edx);
        else a.mov(rdx, at(from));
        a.mov(rcx, at(to));
        a.lea(r8, rip(sym(kind)));
        a.call(sym('rt_bind_missing'));
        a.test(rax, rax);
        a.je(ok);
        a.jmp(fail);
        a.bind(ok);
      }
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved, LOCALS);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** The helpers of rt_bind_args that build its error messages (CPython's wording). */
function bindErrorRoutines() {
  return [
    {
      name: 'rt_bind_error',
      contract: 'rdi=function (raw), rsi=format with %U (qualname) and %U (a name), rdx=name str -> rax=EXC (TypeError); may allocate',
      emit(a: Assembler<any>) {
        a.mov(rcx, rdx);
        a.mov(rdx, qword(mem(rdi, FUNCTION.qualname)));
        a.mov(rax, rsi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.mov(rsi, rax);
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_bind_too_many',
      contract: 'rdi=function (raw), rsi=frame, rdx=positional arguments given -> rax=EXC (TypeError "f() takes 2 positional arguments but 3 were given"); may allocate',
      emit(a: Assembler<any>) {
        // ceval.c too_many_positional. Words for rt_str_fmt at [rsp..rsp+48), the sig str
        // at [rsp+48], the keyword-only part at [rsp+56].
        const ARGV = 0, SIG = 48, KWPART = 56;
        const saved = [rbx, r12, r13, r14, r15] as const;
        prologue(a, saved, 72);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(rbx, qword(mem(r12, FUNCTION.code)));
        // r15 = keyword-only arguments given (bound in the frame).
        const cnt = a.newLabel();
        const cntDone = a.newLabel();
        const notBound = a.newLabel();
        a.xor(r15d, r15d);
        a.mov(rcx, qword(mem(rbx, CODE.argcount)));
        a.bind(cnt);
        a.mov(rax, qword(mem(rbx, CODE.argcount)));
        a.add(rax, qword(mem(rbx, CODE.kwonly)));
        a.cmp(rcx, rax);
        a.jae(cntDone);
        a.mov(rax, qword(sib(r13, rcx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notBound);
        a.inc(r15);
        a.bind(notBound);
        a.inc(rcx);
        a.jmp(cnt);
        a.bind(cntDone);
        // sig and plural (r13 is free now: 1 = plural)
        const noDefaults = a.newLabel();
        const sigDone = a.newLabel();
        a.mov(rax, qword(mem(r12, FUNCTION.defaults)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noDefaults);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rbx, CODE.argcount)));
        a.mov(qword(mem(rsp, ARGV + 8)), rdx);
        a.sub(rdx, qword(mem(rax, TUPLE.length)));
        a.mov(qword(mem(rsp, ARGV)), rdx);
        a.lea(rdi, rip(sym('fmt_from_to')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.mov(r13d, 1);
        a.jmp(sigDone);
        a.bind(noDefaults);
        a.mov(rax, qword(mem(rbx, CODE.argcount)));
        a.mov(qword(mem(rsp, ARGV)), rax);
        a.xor(r13d, r13d);
        a.cmp(rax, 1);
        a.setne(r13b);
        a.lea(rdi, rip(sym('fmt_d')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.bind(sigDone);
        a.mov(qword(mem(rsp, SIG)), rax);
        // " positional argument%s (and %d keyword-only argument%s)" when keyword-only given.
        const noKwGiven = a.newLabel();
        const kwDone = a.newLabel();
        a.test(r15, r15);
        a.je(noKwGiven);
        a.lea(rcx, rip(sym('str_empty')));
        a.lea(rax, rip(sym('str_s')));
        a.cmp(r14, 1);
        a.cmove(rax, rcx);
        a.mov(qword(mem(rsp, ARGV)), rax);
        a.mov(qword(mem(rsp, ARGV + 8)), r15);
        a.lea(rax, rip(sym('str_s')));
        a.cmp(r15, 1);
        a.cmove(rax, rcx);
        a.mov(qword(mem(rsp, ARGV + 16)), rax);
        a.lea(rdi, rip(sym('fmt_kwonly_given')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(kwDone);
        a.bind(noKwGiven);
        a.mov(rax, qword(rip(sym('const_str_empty'))));
        a.bind(kwDone);
        a.mov(qword(mem(rsp, KWPART)), rax);
        // "%U() takes %U positional argument%s but %d%U %s given"
        a.mov(rax, qword(mem(r12, FUNCTION.qualname)));
        a.mov(qword(mem(rsp, ARGV)), rax);
        a.mov(rax, qword(mem(rsp, SIG)));
        a.mov(qword(mem(rsp, ARGV + 8)), rax);
        a.lea(rax, rip(sym('str_s')));
        a.lea(rcx, rip(sym('str_empty')));
        a.test(r13, r13);
        a.cmove(rax, rcx);
        a.mov(qword(mem(rsp, ARGV + 16)), rax);
        a.mov(qword(mem(rsp, ARGV + 24)), r14);
        a.mov(rax, qword(mem(rsp, KWPART)));
        a.mov(qword(mem(rsp, ARGV + 32)), rax);
        const were = a.newLabel();
        const verbDone = a.newLabel();
        a.lea(rax, rip(sym('str_were')));
        a.cmp(r14, 1);
        a.jne(were);
        a.test(r15, r15);
        a.jne(were);
        a.lea(rax, rip(sym('str_was')));
        a.bind(were);
        a.bind(verbDone);
        a.mov(qword(mem(rsp, ARGV + 40)), rax);
        a.lea(rdi, rip(sym('msg_too_many_pos')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.mov(rsi, rax);
        a.call(sym('rt_raise_msg'));
        epilogue(a, saved, 72);
      },
    },
    {
      name: 'rt_bind_missing',
      contract: 'rdi=function (raw), rsi=frame, rdx=first, rcx=end of the parameter range, r8=kind cstr ("positional"/"keyword-only") -> rax=0 if all bound, else EXC (TypeError "f() missing 2 required positional arguments: \'a\' and \'b\'"); may allocate',
      emit(a: Assembler<any>) {
        // ceval.c missing_arguments / format_missing.
        const FROM = 0, END = 8, KIND = 16, COUNT = 24, ARGV = 32, LOCALS = 80;
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(qword(mem(rsp, FROM)), rdx);
        a.mov(qword(mem(rsp, END)), rcx);
        a.mov(qword(mem(rsp, KIND)), r8);
        // Count the unbound parameters.
        const cnt = a.newLabel();
        const cntDone = a.newLabel();
        const bound = a.newLabel();
        a.xor(r14d, r14d);
        a.mov(rbx, rdx);
        a.bind(cnt);
        a.cmp(rbx, qword(mem(rsp, END)));
        a.jae(cntDone);
        a.mov(rax, qword(sib(r13, rbx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(bound);
        a.inc(r14);
        a.bind(bound);
        a.inc(rbx);
        a.jmp(cnt);
        a.bind(cntDone);
        a.xor(eax, eax);
        a.test(r14, r14);
        a.je(out);
        a.mov(qword(mem(rsp, COUNT)), r14);
        // Names: 'a' / 'a' and 'b' / 'a', 'b', and 'c'.
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(r15, rax); // builder
        a.xor(ebp, ebp); // names written
        a.mov(rbx, qword(mem(rsp, FROM)));
        const loop = a.newLabel();
        const done = a.newLabel();
        const skip = a.newLabel();
        const noSep = a.newLabel();
        const sepChosen = a.newLabel();
        a.bind(loop);
        a.cmp(rbx, qword(mem(rsp, END)));
        a.jae(done);
        a.mov(rax, qword(sib(r13, rbx, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(skip);
        // separator before this name
        a.test(rbp, rbp);
        a.je(noSep);
        a.lea(rsi, rip(sym('str_comma_sep')));
        a.lea(rax, mem(rbp, 1));
        a.cmp(rax, r14);
        a.jne(sepChosen); // not the last name
        a.lea(rsi, rip(sym('str_and_sep')));
        a.cmp(r14, 2);
        a.je(sepChosen);
        a.lea(rsi, rip(sym('str_comma_and_sep')));
        a.bind(sepChosen);
        a.mov(rdi, r15);
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r15, rax);
        a.bind(noSep);
        a.mov(rdi, r15);
        a.mov(esi, 0x27);
        a.call(sym('rt_sb_append_cp'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(r12, FUNCTION.code)));
        a.mov(rsi, qword(mem(rsi, CODE.varnames)));
        unboxPtr(a, rsi);
        a.mov(rsi, qword(sib(rsi, rbx, 8, TUPLE.items)));
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.mov(esi, 0x27);
        a.call(sym('rt_sb_append_cp'));
        a.mov(r15, rax);
        a.inc(rbp);
        a.bind(skip);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r15);
        a.call(sym('rt_sb_finish'));
        // "%U() missing %d required %s argument%s: %U"
        a.mov(qword(mem(rsp, ARGV + 32)), rax);
        a.mov(rax, qword(mem(r12, FUNCTION.qualname)));
        a.mov(qword(mem(rsp, ARGV)), rax);
        a.mov(qword(mem(rsp, ARGV + 8)), r14);
        a.mov(rax, qword(mem(rsp, KIND)));
        a.mov(qword(mem(rsp, ARGV + 16)), rax);
        a.lea(rax, rip(sym('str_s')));
        a.lea(rcx, rip(sym('str_empty')));
        a.cmp(r14, 1);
        a.cmove(rax, rcx);
        a.mov(qword(mem(rsp, ARGV + 24)), rax);
        a.lea(rdi, rip(sym('msg_missing_args')));
        a.lea(rsi, mem(rsp, ARGV));
        a.call(sym('rt_str_fmt'));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.mov(rsi, rax);
        a.call(sym('rt_raise_msg'));
        a.bind(out);
        epilogue(a, saved, LOCALS);
      },
    },
  ];
}
