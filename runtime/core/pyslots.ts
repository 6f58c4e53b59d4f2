// Runtime core: slot trampolines of classes defined in Python.
//
// When a class (or a class in its MRO before any builtin type) defines one of a slot's
// dunders, rt_type_fill_slots points the slot at the trampoline here: it looks the dunder
// up on type(self) and calls it, then checks the result as CPython's slot_* functions in
// typeobject.c do ("__repr__ returned non-string (type int)", "__bool__ should return bool,
// returned int", StopIteration from __next__ becoming exhaustion...).

import { type Assembler, type Label, al, dword, eax, ecx, edx, esi, mem, qword, r13d, r12, r12d, r13, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BINOPS, CMPOPS, INPLACE } from '../../src/bytecode/ops.js';
import { BUILTIN, HDR_AUX, LAYOUTS, TAG_INT, TAG_OBJ, TYPE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { TYPEFLAG_HEAP } from './classes.js';
import { cstr } from './exc.js';

const CMP_DUNDERS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'] as const;
const BINOP_NAMES = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor', 'matmul'] as const;
const UNARY_DUNDERS = ['__neg__', '__pos__', '__invert__', '__abs__'] as const;

/** Machine-stack argument array: `values` loaded into [rsp], [rsp+8], ... */
function callDunder(a: Assembler<any>, self: typeof rax, name: string, args: readonly (typeof rax)[]): void {
  // rt_call_dunder(self, name, argv, n): argv on the machine stack (16-byte slots kept even).
  const n = args.length;
  const bytes = 8 * Math.max(2, n + (n % 2));
  a.sub(rsp, bytes);
  args.forEach((r, i) => a.mov(qword(mem(rsp, 8 * i)), r));
  a.mov(rdi, self);
  a.mov(rsi, qword(rip(sym(`dconst_${name}`))));
  a.mov(rdx, rsp);
  a.mov(ecx, n);
  a.call(sym('rt_call_dunder'));
  a.add(rsp, bytes);
}

/** TypeError "<fmt>" % type(rax) and return EXC (rax) at `out`. */
function typeErrorOfResult(a: Assembler<any>, msg: string, out: Label): void {
  a.mov(rdx, rax);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
}

/** A trampoline returning the dunder's result checked to be an instance of `typeName`. */
function checkedUnary(slot: string, dunderName: string, typeName: string, msg: string): RuntimeRoutine {
  return {
    name: `rt_pyslot_${slot}`,
    contract: `${slot} slot of classes: rdi=self -> ${dunderName}() checked to be ${typeName} ("${msg}"), or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12]);
      callDunder(a, rdi, dunderName, []);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r12, rax);
      a.mov(rdi, rax);
      a.lea(rsi, rip(sym(`type_${typeName}`)));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.mov(rax, r12);
      a.jne(out);
      typeErrorOfResult(a, `msg_pyslot_${slot}`, out);
      a.bind(out);
      epilogue(a, [r12]);
    },
  };
}

export const pyslotsModule: RuntimeModule = {
  name: 'pyslots',
  routines: [
    {
      name: 'rt_call_dunder',
      contract: 'rdi=self, rsi=dunder name str, rdx=argument words, ecx=n (at most 4) -> rax=type(self).<name>(self, *args), UNBOUND if the type has no such attribute, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // The attribute is bound like a method: functions and builtin methods get self as
        // their first argument; other descriptors go through their descrget slot.
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const asMethod = a.newLabel();
        const viaDescr = a.newLabel();
        prologue(a, saved, 8 * 6);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(r14d, ecx);
        a.mov(r15, rsi);
        a.call(sym('rt_type_of'));
        a.mov(rbx, rax);
        a.mov(rdi, rax);
        a.mov(rsi, r15);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r15, rax);
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(viaDescr);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx)));
        a.lea(rsi, rip(sym('type_function')));
        a.cmp(rdx, rsi);
        a.je(asMethod);
        a.lea(rsi, rip(sym('type_builtin_function_or_method')));
        a.cmp(rdx, rsi);
        a.jne(viaDescr);
        // An unbound builtin method (method kind 0) takes self first too.
        a.mov(rdx, g('rt_const_unbound'));
        a.cmp(qword(mem(rcx, BUILTIN.self)), rdx);
        a.jne(viaDescr);
        a.cmp(dword(mem(rcx, HDR_AUX)), 0);
        a.jne(viaDescr);
        a.bind(asMethod);
        // [self, args...] then call
        a.mov(qword(mem(rsp)), r12);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(ecx, r14d);
          a.jae(copied);
          a.mov(rax, qword(sib(r13, rcx, 8)));
          a.mov(qword(sib(rsp, rcx, 8, 8)), rax);
          a.inc(ecx);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rdi, r15);
        a.mov(rsi, rsp);
        a.lea(edx, mem(r14, 1));
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(viaDescr);
        a.mov(rdi, r15);
        a.mov(rsi, r12);
        a.mov(rdx, rbx);
        a.or(rdx, qword(rip(sym('rt_obj_tag'))));
        a.call(sym('rt_descr_get'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.bind(out);
        epilogue(a, saved, 8 * 6);
      },
    },
    {
      name: 'rt_index_i64',
      contract: 'rdi=value -> rax=operator.index(value) as i64 with edx=0; edx=1 for an int beyond i64, 2 when the value has no __index__ (nothing raised), 3 when __index__ raised or returned a non-int (raised); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notInt = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.call(sym('rt_int_to_i64'));
        a.cmp(edx, 2);
        a.jne(out);
        // Objects of classes with __index__.
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(notInt);
        callDunder(a, r12, '__index__', []);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notInt);
        const raised = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_int_to_i64'));
        a.cmp(edx, 2);
        a.jne(out);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_index_nonint')));
        a.call(sym('rt_raise_fmt'));
        a.bind(raised);
        a.mov(edx, 3);
        a.jmp(out);
        a.bind(notInt);
        a.mov(edx, 2);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    checkedUnary('repr', '__repr__', 'str', '__repr__ returned non-string (type %T)'),
    checkedUnary('str', '__str__', 'str', '__str__ returned non-string (type %T)'),
    {
      name: 'rt_pyslot_format',
      contract: 'format slot of classes: rdi=self, rsi=spec -> __format__(spec), which must return a str ("__format__ must return a str, not int"), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, '__format__', [rsi]);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(rax, r12);
        a.jne(out);
        typeErrorOfResult(a, 'msg_pyslot_format', out);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_hash',
      contract: 'hash slot of classes: rdi=self -> rax=hash of __hash__() (an int; None means unhashable), -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const fail = a.newLabel();
        const notInt = a.newLabel();
        const unhashable = a.newLabel();
        const big = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        // __hash__ = None: unhashable.
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(rip(sym('dconst___hash__'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_None'));
        a.je(unhashable);
        callDunder(a, r12, '__hash__', []);
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_int')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notInt);
        // slot_tp_hash: the returned int itself when it fits Py_ssize_t (-1 becomes -2),
        // else the int's own hash.
        a.mov(rdi, r13);
        a.call(sym('rt_int_to_i64'));
        a.test(edx, edx);
        a.jne(big);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.jmp(out);
        a.bind(big);
        a.mov(rdi, r13);
        a.call(sym('rt_hash'));
        a.jmp(out);
        a.bind(notInt);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_pyslot_hash')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(fail);
        a.bind(unhashable);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_unhashable')));
        a.call(sym('rt_raise_fmt'));
        a.bind(fail);
        a.mov(rax, -1);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_pyslot_richcompare',
      contract: 'richcompare slot of classes: rdi=a, rsi=b, edx=op -> the dunder\'s result, NotImplemented when a\'s type has none; __ne__ not defined by a class inverts __eq__; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const notImpl = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        // != : only a __ne__ of a class counts; otherwise the inverse of __eq__.
        const notNe = a.newLabel();
        a.cmp(r14d, 3);
        a.jne(notNe);
        a.mov(rdi, r12);
        a.mov(rsi, qword(rip(sym('dconst___ne__'))));
        a.call(sym('rt_class_defines'));
        a.test(eax, eax);
        a.jne(notNe);
        callDunder(a, r12, '__eq__', [r13]);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notImpl);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.je(out);
        a.mov(rdi, rax);
        a.call(sym('rt_truthy'));
        a.test(eax, eax);
        const failed = a.newLabel();
        a.js(failed);
        a.mov(rax, g('rt_const_True'));
        a.cmove(rax, qword(rip(sym('rt_const_True'))));
        a.cmovne(rax, qword(rip(sym('rt_const_False'))));
        a.jmp(out);
        a.bind(failed);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(notNe);
        CMP_DUNDERS.forEach((name, op) => {
          const next = a.newLabel();
          a.cmp(r14d, op);
          a.jne(next);
          callDunder(a, r12, name, [r13]);
          a.jmp(out);
          a.bind(next);
        });
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        a.cmp(rax, g('rt_const_unbound'));
        const done = a.newLabel();
        a.jne(done);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(done);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_class_defines',
      contract: 'rdi=object, rsi=name str -> eax=1 if a class (heap type) in type(obj)\'s MRO has the name in its dict, 0 if not (builtin types are not searched); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const loop = a.newLabel();
        const no = a.newLabel();
        const yes = a.newLabel();
        const next = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(r12, qword(mem(rax, TYPE.mro)));
        unboxPtr(a, r12);
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, qword(mem(r12, 16)));
        a.jae(no);
        a.mov(rax, qword(sib(r12, r14, 8, 24)));
        unboxPtr(a, rax);
        a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_HEAP);
        a.je(next);
        a.mov(rdi, qword(mem(rax, TYPE.dict)));
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(yes);
        a.bind(next);
        a.inc(r14);
        a.jmp(loop);
        a.bind(yes);
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(no);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_pyslot_bool',
      contract: 'bool slot of classes: rdi=self -> eax=1/0 from __bool__() (which must return a bool), -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, '__bool__', []);
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        const notTrue = a.newLabel();
        a.cmp(rax, g('rt_const_True'));
        a.jne(notTrue);
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(notTrue);
        const notFalse = a.newLabel();
        a.cmp(rax, g('rt_const_False'));
        a.jne(notFalse);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(notFalse);
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_pyslot_bool')));
        a.call(sym('rt_raise_fmt'));
        a.bind(fail);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_len',
      contract: 'len slot of classes: rdi=self -> rax=__len__() as a non-negative i64, -1 if raised (ValueError for negatives, TypeError/OverflowError as CPython); may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, '__len__', []);
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_index_i64'));
        a.cmp(edx, 0);
        const big = a.newLabel();
        a.jne(big);
        a.test(rax, rax);
        a.jns(out);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_len_negative')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(fail);
        a.bind(big);
        // edx=1: an int beyond i64; 2: not an int; 3: raised already.
        const notInt = a.newLabel();
        a.cmp(edx, 1);
        a.jne(notInt);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_len_overflow')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(fail);
        a.bind(notInt);
        a.cmp(edx, 3);
        a.je(fail);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_not_integer')));
        a.call(sym('rt_raise_fmt'));
        a.bind(fail);
        a.mov(rax, -1);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_iter',
      contract: 'iter slot of classes: rdi=self -> __iter__(), which must be an iterator ("iter() returned non-iterator of type \'X\'"); a sequence iterator (iterseq.ts) when the class has __getitem__ but no __iter__; or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const hasIter = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(rip(sym('dconst___iter__'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(hasIter);
        a.mov(rdi, r12);
        a.call(sym('rt_seqiter_new'));
        a.jmp(out);
        a.bind(hasIter);
        callDunder(a, r12, '__iter__', []);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, typeSlot('next'))), 0);
        a.mov(rax, r12);
        a.jne(out);
        typeErrorOfResult(a, 'msg_pyslot_iter', out);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_next',
      contract: 'next slot of classes: rdi=self -> __next__(), UNBOUND when it raised StopIteration (cleared), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, '__next__', []);
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        a.mov(rdi, g('rt_exc'));
        a.lea(rsi, rip(sym('type_StopIteration')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    ...([
      ['getitem', '__getitem__', 1, false],
      ['setitem', '__setitem__', 2, true],
      ['delitem', '__delitem__', 1, true],
    ] as const).map(([slot, name, n, returnsZero]) => ({
      name: `rt_pyslot_${slot}`,
      contract: `${slot} slot of classes: rdi=self, ${n === 2 ? 'rsi=key, rdx=value' : 'rsi=key'} -> ${returnsZero ? '0' : 'the result'} of ${name}(), or EXC; may allocate, may raise`,
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, name, n === 2 ? [rsi, rdx] : [rsi]);
        if (returnsZero) {
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.xor(eax, eax);
        }
        a.bind(out);
        epilogue(a, [r12]);
      },
    })),
    {
      name: 'rt_pyslot_contains',
      contract: 'contains slot of classes: rdi=self, rsi=item -> eax=truth of __contains__(item), -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12]);
        callDunder(a, rdi, '__contains__', [rsi]);
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(rdi, rax);
        a.call(sym('rt_truthy'));
        a.jmp(out);
        a.bind(fail);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_call',
      contract: 'call slot of classes: (self, args, nargs, kwnames) -> __call__(*args, **kw), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(r8, qword(rip(sym('dconst___call__'))));
        a.jmp(sym('rt_call_dunder_vector'));
      },
    },
    {
      name: 'rt_pyslot_init',
      contract: 'init slot of classes: (self, args, nargs, kwnames) -> 0 after __init__(*args, **kw) returned None ("__init__() should return None, not \'int\'"), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        a.sub(rsp, 8);
        a.mov(r8, qword(rip(sym('dconst___init__'))));
        a.call(sym('rt_call_dunder_vector'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_None'));
        const bad = a.newLabel();
        a.jne(bad);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(bad);
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_pyslot_init')));
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_pyslot_new',
      contract: 'new slot of classes: (type address, args, nargs, kwnames) -> cls.__new__(cls, *args, **kw) (a plain function in the class is a static method), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // [cls, args...] at the value-stack top, then call the __new__ found on the class.
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rsi, qword(rip(sym('dconst___new__'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp)), rax);
        a.mov(rbx, g('rt_vs_top'));
        a.lea(rax, sib(rbx, r14, 8, 8));
        a.mov(g('rt_vs_top'), rax);
        a.mov(rax, r12);
        a.or(rax, qword(rip(sym('rt_obj_tag'))));
        a.mov(qword(mem(rbx)), rax);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, r14);
          a.jae(copied);
          a.mov(rax, qword(sib(r13, rcx, 8)));
          a.mov(qword(sib(rbx, rcx, 8, 8)), rax);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, rbx);
        a.lea(rdx, mem(r14, 1));
        a.mov(rcx, r15);
        a.call(sym('rt_call'));
        a.mov(g('rt_vs_top'), rbx);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_call_dunder_vector',
      contract: 'rdi=self, rsi=args, rdx=nargs, rcx=kwnames or 0, r8=dunder name -> type(self).<name>(self, *args, **kw), or EXC (AttributeError-free: the caller knows the class defines it); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const overflow = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(qword(mem(rsp)), r8);
        a.mov(rbx, g('rt_vs_top'));
        a.lea(rax, sib(rbx, r14, 8, 8));
        a.cmp(rax, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), rax);
        // Look the dunder up; bind like a method (functions and builtin methods take self).
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(rsp)));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rbx)), r12);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, r14);
          a.jae(copied);
          a.mov(rax, qword(sib(r13, rcx, 8)));
          a.mov(qword(sib(rbx, rcx, 8, 8)), rax);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, rbx);
        a.lea(rdx, mem(r14, 1));
        a.mov(rcx, r15);
        a.call(sym('rt_call'));
        a.bind(out);
        a.mov(g('rt_vs_top'), rbx);
        epilogue(a, saved, 8);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_pyslot_binop',
      contract: 'binop slot of classes: rdi=a, rsi=b, edx=op (+16 in-place) -> result or NotImplemented (CPython\'s SLOT1BINFULL: a.__op__(b), then b.__rop__(a) when type(b) differs and also uses this slot, the reflected first when type(b) is a subclass overriding it); in-place ops try __iop__ only; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [0] type(a) uses this slot, [8] type(b) uses it and differs, [16] op (0..12).
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const ni = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.call(sym('rt_type_of'));
        a.mov(rbx, rax); // type(a)
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.mov(r15, rax); // type(b)
        // In-place: only a.__iop__(b) here; rt_binary_op retries the plain op.
        {
          const notInplace = a.newLabel();
          a.test(r14d, INPLACE);
          a.je(notInplace);
          a.and(r14d, INPLACE - 1);
          BINOP_NAMES.forEach((n, i) => {
            const next = a.newLabel();
            a.cmp(r14d, i);
            a.jne(next);
            callDunder(a, r12, `__i${n}__`, [r13]);
            // No __iop__ (UNBOUND): NotImplemented, so the plain op is tried.
            a.cmp(rax, g('rt_const_unbound'));
            a.jne(out);
            a.jmp(ni);
            a.bind(next);
          });
          a.bind(notInplace);
        }
        // Which sides use this trampoline?
        a.lea(rcx, rip(sym('rt_pyslot_binop')));
        a.xor(eax, eax);
        a.cmp(qword(mem(rbx, typeSlot('binop'))), rcx);
        a.sete(al);
        a.mov(qword(mem(rsp)), rax);
        a.xor(eax, eax);
        a.cmp(rbx, r15);
        const same = a.newLabel();
        a.je(same);
        a.cmp(qword(mem(r15, typeSlot('binop'))), rcx);
        a.sete(al);
        a.bind(same);
        a.mov(qword(mem(rsp, 8)), rax);
        a.mov(qword(mem(rsp, 16)), r14);
        const forward = a.newLabel();
        const reflected = a.newLabel();
        const reflectedDone = a.newLabel();
        a.cmp(qword(mem(rsp)), 0);
        a.je(reflected);
        // b's reflected method first when type(b) is a proper subclass of type(a).
        {
          const notFirst = a.newLabel();
          a.cmp(qword(mem(rsp, 8)), 0);
          a.je(notFirst);
          a.mov(rdi, r15);
          a.mov(rsi, rbx);
          a.call(sym('rt_is_subtype'));
          a.test(eax, eax);
          a.je(notFirst);
          emitByOp(a, (n) => callDunder(a, r13, `__r${n}__`, [r12]));
          a.cmp(rax, g('rt_const_unbound'));
          const tryForward = a.newLabel();
          a.je(tryForward);
          a.cmp(rax, g('rt_const_NotImplemented'));
          a.jne(out);
          a.bind(tryForward);
          a.mov(qword(mem(rsp, 8)), 0);
          a.bind(notFirst);
        }
        a.bind(forward);
        emitByOp(a, (n) => callDunder(a, r12, `__${n}__`, [r13]));
        a.cmp(rax, g('rt_const_unbound'));
        const forwardNone = a.newLabel();
        a.je(forwardNone);
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.jne(out);
        a.bind(forwardNone);
        a.cmp(rbx, r15);
        a.je(ni);
        a.bind(reflected);
        a.cmp(qword(mem(rsp, 8)), 0);
        a.je(ni);
        emitByOp(a, (n) => callDunder(a, r13, `__r${n}__`, [r12]));
        a.bind(reflectedDone);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved, 24);

        /** Dispatch on the op in [rsp+16] to `body(name)`, each ending at the join point. */
        function emitByOp(asm: Assembler<any>, body: (n: string) => void): void {
          const join = asm.newLabel();
          BINOP_NAMES.forEach((n, i) => {
            const next = asm.newLabel();
            asm.cmp(qword(mem(rsp, 16)), i);
            asm.jne(next);
            body(n);
            asm.jmp(join);
            asm.bind(next);
          });
          asm.mov(rax, g('rt_const_unbound'));
          asm.bind(join);
        }
      },
    },
    {
      name: 'rt_pyslot_unary',
      contract: 'unary slot of classes: rdi=v, edx=0 neg 1 pos 2 invert 3 abs -> the dunder\'s result, NotImplemented if the class has none, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13d, edx);
        UNARY_DUNDERS.forEach((name, i) => {
          const next = a.newLabel();
          a.cmp(r13d, i);
          a.jne(next);
          callDunder(a, r12, name, []);
          a.jmp(out);
          a.bind(next);
        });
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        a.cmp(rax, g('rt_const_unbound'));
        const done = a.newLabel();
        a.jne(done);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(done);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_pyslot_getattr',
      contract: 'getattr slot of classes with __getattribute__ or __getattr__: (obj, name) -> value, UNBOUND, or EXC; __getattr__ runs when the lookup fails with AttributeError; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const fallback = a.newLabel();
        const generic = a.newLabel();
        const looked = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rsi, qword(rip(sym('dconst___getattribute__'))));
        a.call(sym('rt_class_defines'));
        a.test(eax, eax);
        a.je(generic);
        callDunder(a, r12, '__getattribute__', [r13]);
        a.jmp(looked);
        a.bind(generic);
        {
          // A class whose metaclass defines __getattr__: type's lookup, not an instance's.
          const instance = a.newLabel();
          const got = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.type.id);
          a.jne(instance);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.call(sym('rt_getattr_type'));
          // What type's slot leaves (__class__...) goes to the generic lookup, as in rt_getattr.
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(got);
          a.bind(instance);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.call(sym('rt_getattr_generic'));
          a.bind(got);
        }
        a.cmp(rax, g('rt_const_unbound'));
        a.je(fallback);
        a.bind(looked);
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        // AttributeError from __getattribute__: __getattr__ gets a chance.
        a.mov(rdi, g('rt_exc'));
        a.lea(rsi, rip(sym('type_AttributeError')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(fallback);
        a.mov(rdi, r12);
        a.mov(rsi, qword(rip(sym('dconst___getattr__'))));
        a.call(sym('rt_class_defines'));
        a.test(eax, eax);
        const none = a.newLabel();
        a.je(none);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        callDunder(a, r12, '__getattr__', [r13]);
        a.jmp(out);
        a.bind(none);
        // No __getattr__: the caller raises its AttributeError (clear a pending one).
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_pyslot_setattr',
      contract: 'setattr slot of classes with __setattr__/__delattr__: (obj, name, value or UNBOUND) -> 0 or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const del = a.newLabel();
        prologue(a, [r12]);
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(del);
        callDunder(a, rdi, '__setattr__', [rsi, rdx]);
        const check = a.newLabel();
        a.jmp(check);
        a.bind(del);
        callDunder(a, rdi, '__delattr__', [rsi]);
        a.bind(check);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_descrget',
      contract: 'descrget slot of classes: (descriptor, instance or UNBOUND, owner) -> __get__(instance or None, owner), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const have = a.newLabel();
        a.cmp(rsi, g('rt_const_unbound'));
        a.jne(have);
        a.mov(rsi, g('rt_const_None'));
        a.bind(have);
        prologue(a, [r12]);
        callDunder(a, rdi, '__get__', [rsi, rdx]);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_pyslot_descrset',
      contract: 'descrset slot of classes: (descriptor, instance, value or UNBOUND) -> 0 after __set__/__delete__, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const del = a.newLabel();
        const check = a.newLabel();
        prologue(a, [r12]);
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(del);
        callDunder(a, rdi, '__set__', [rsi, rdx]);
        a.jmp(check);
        a.bind(del);
        callDunder(a, rdi, '__delete__', [rsi]);
        a.bind(check);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
  ],
  data: [
    { name: 'rt_obj_tag', section: 'rodata', align: 8, emit: (a) => a.u64(0xfffcn << 48n) },
    cstr('msg_pyslot_repr', '__repr__ returned non-string (type %T)'),
    cstr('msg_pyslot_str', '__str__ returned non-string (type %T)'),
    cstr('msg_pyslot_format', '__format__ must return a str, not %T'),
    cstr('msg_index_nonint', '__index__ returned non-int (type %T)'),
    cstr('msg_pyslot_hash', '__hash__ method should return an integer'),
    cstr('msg_pyslot_bool', '__bool__ should return bool, returned %T'),
    cstr('msg_pyslot_iter', "iter() returned non-iterator of type '%T'"),
    cstr('msg_pyslot_init', "__init__() should return None, not '%T'"),
    cstr('msg_len_negative', '__len__() should return >= 0'),
    cstr('msg_len_overflow', "cannot fit 'int' into an index-sized integer"),
    cstr('msg_not_integer', "'%T' object cannot be interpreted as an integer"),
  ],
};

void [edx, esi, r12d, TAG_INT, BINOPS, CMPOPS];
