// Runtime core: the generic operations behind the bytecode (binary and unary operators,
// subscripts, containment, iteration, unpacking, raising), each dispatching through type
// slots with CPython's protocol and error messages.

import { type Assembler, type Gpr, type Label, eax, ebp, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r8, rax, rbp, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BINOPS, INPLACE } from '../../src/bytecode/ops.js';
import { boxInt, EXCEPTION, LIST, TAG_OBJ, TUPLE, type TypeSlot, typeSlot, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr, textCstr } from './exc.js';

/** Operator text in "unsupported operand type(s) for X" (binary, then in-place forms). */
function opText(i: number, inplace: boolean): string {
  const s = BINOPS[i];
  if (s === '**') return inplace ? '**=' : '** or pow()';
  return inplace ? `${s}=` : s;
}

/** Call the slot routine in `slot` with (r12, r13, r14d); jump to `done` unless NotImplemented. */
function trySlot(a: Assembler<any>, slot: Gpr<64>, done: Label): void {
  a.mov(rdi, r12);
  a.mov(rsi, r13);
  a.mov(edx, r14d);
  a.call(slot);
  a.cmp(rax, g('rt_const_NotImplemented'));
  a.jne(done);
}

/**
 * A generic entry that jumps to type(v)'s slot, or raises TypeError(`msg` % type name)
 * when the type has none. Arguments after rdi pass through untouched.
 */
function slotDispatch(name: string, slot: TypeSlot, msg: string, contract: string, failValue: 'exc' | 'minus1' = 'exc'): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a: Assembler<any>) {
      const none = a.newLabel();
      a.push(rcx);
      a.push(rdx);
      a.push(rsi);
      a.call(sym('rt_type_of'));
      a.pop(rsi);
      a.pop(rdx);
      a.pop(rcx);
      a.mov(rax, qword(mem(rax, typeSlot(slot))));
      a.test(rax, rax);
      a.je(none);
      a.jmp(rax);
      a.bind(none);
      a.mov(rdx, rdi);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(msg)));
      if (failValue === 'exc') {
        a.jmp(sym('rt_raise_fmt'));
      } else {
        a.sub(rsp, 8);
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.mov(rax, -1);
        a.ret();
      }
    },
  };
}

export const opsModule: RuntimeModule = {
  name: 'ops',
  routines: [
    {
      name: 'rt_binary_op',
      contract: 'rdi=a, rsi=b, edx=op index in BINOPS (+16 in-place) -> rax=result or EXC; binop slots with reflection and subclass priority as CPython; TypeError when unsupported; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [rsp] type(a), [rsp+8] the op as given (for the message).
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const binary = a.newLabel();
        const noA = a.newLabel();
        const noB = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.mov(qword(mem(rsp, 8)), rdx);
        a.call(sym('rt_type_of'));
        a.mov(qword(mem(rsp)), rax);
        a.mov(r15, qword(mem(rax, typeSlot('binop')))); // slot of type(a)
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.mov(qword(mem(rsp, 16)), rax); // type(b)
        a.mov(rbp, qword(mem(rax, typeSlot('binop')))); // slot of type(b)
        // A slot shared by both types is tried once.
        const distinct = a.newLabel();
        a.cmp(rbp, r15);
        a.jne(distinct);
        a.xor(ebp, ebp);
        a.bind(distinct);
        // In-place: type(a)'s slot with the in-place op first.
        a.test(r14d, INPLACE);
        a.je(binary);
        a.test(r15, r15);
        a.je(binary);
        trySlot(a, r15, out);
        a.bind(binary);
        a.and(r14d, INPLACE - 1);
        a.test(r15, r15);
        a.je(noA);
        // type(b) a proper subtype of type(a) with its own slot goes first.
        const aFirst = a.newLabel();
        a.test(rbp, rbp);
        a.je(aFirst);
        a.mov(rdi, qword(mem(rsp, 16)));
        a.mov(rsi, qword(mem(rsp)));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(aFirst);
        trySlot(a, rbp, out);
        a.xor(ebp, ebp);
        a.bind(aFirst);
        trySlot(a, r15, out);
        a.bind(noA);
        a.test(rbp, rbp);
        a.je(noB);
        trySlot(a, rbp, out);
        a.bind(noB);
        // "unsupported operand type(s) for +: 'int' and 'str'"
        a.mov(rdx, qword(mem(rsp, 8)));
        a.and(edx, 31);
        a.lea(rax, rip(sym('binop_names')));
        a.mov(rdx, qword(sib(rax, rdx, 8)));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_unsupported_operands')));
        a.mov(rcx, r12);
        a.mov(r8, r13);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_unary_op',
      contract: 'rdi=value, esi=0 neg, 1 pos, 2 invert, 3 abs -> rax=result or EXC ("bad operand type for unary -: \'str\'"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('unary'))));
        a.test(rax, rax);
        a.je(fail);
        a.mov(rdi, r12);
        a.mov(edx, r13d);
        a.call(rax);
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.jne(out);
        a.bind(fail);
        a.lea(rax, rip(sym('unary_names')));
        a.mov(rdx, qword(sib(rax, r13, 8)));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bad_unary')));
        a.mov(rcx, r12);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    slotDispatch('rt_getitem', 'getitem', 'msg_not_subscriptable', "rdi=container, rsi=key -> rax=item or EXC (TypeError \"'int' object is not subscriptable\"); may allocate, may raise"),
    slotDispatch('rt_setitem', 'setitem', 'msg_no_item_assignment', 'rdi=container, rsi=key, rdx=value -> rax=0 or EXC; may allocate, may raise'),
    slotDispatch('rt_delitem', 'delitem', 'msg_no_item_deletion', 'rdi=container, rsi=key -> rax=0 or EXC; may allocate, may raise'),
    slotDispatch('rt_iter', 'iter', 'msg_not_iterable', "rdi=value -> rax=iterator or EXC (TypeError \"'int' object is not iterable\"); may allocate, may raise"),
    slotDispatch('rt_next', 'next', 'msg_not_iterator', 'rdi=iterator -> rax=next value, UNBOUND when exhausted, or EXC; may allocate, may raise'),
    slotDispatch('rt_len', 'len', 'msg_no_len', "rdi=value -> rax=length (i64) or -1 if it raised (TypeError \"object of type 'int' has no len()\"); may allocate, may raise", 'minus1'),
    {
      name: 'rt_contains',
      contract: 'rdi=container, rsi=item -> eax=1 if item in container, 0 if not, -1 if it raised; contains slot, else iteration with ==; may allocate, may raise',
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const loop = a.newLabel();
        const found = a.newLabel();
        const notFound = a.newLabel();
        const failed = a.newLabel();
        const out = a.newLabel();
        const notIterable = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(rcx, qword(mem(rax, typeSlot('contains'))));
        a.test(rcx, rcx);
        a.je(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(rcx);
        a.jmp(out);
        a.bind(generic);
        a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
        a.je(notIterable);
        a.mov(rdi, r12);
        a.call(sym('rt_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.mov(r14, rax);
        a.bind(loop);
        a.mov(rdi, r14);
        a.call(sym('rt_next'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notFound);
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.js(failed);
        a.jne(found);
        a.jmp(loop);
        a.bind(found);
        a.mov(eax, 1);
        a.jmp(out);
        a.bind(notFound);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(notIterable);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_in_not_iterable')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        a.bind(failed);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_unpack_sequence',
      contract: 'rdi=iterable, esi=n, rdx=destination (n words; item n-1 first, item 0 last: the stack order) -> rax=0 or EXC (CPython\'s "not enough values to unpack (expected 3, got 2)" and friends); may allocate, may raise',
      emit(a: Assembler<any>) {
        // Tuples and lists of the right length are copied directly; anything else is iterated.
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const iterate = a.newLabel();
        const fromItems = a.newLabel();
        const tooMany = a.newLabel();
        const notEnough = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(r14, rdx);
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(iterate);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_tuple')));
        a.cmp(rcx, rdx);
        const isList = a.newLabel();
        a.jne(isList);
        a.mov(rcx, qword(mem(rax, TUPLE.length)));
        a.lea(rsi, mem(rax, TUPLE.items));
        a.jmp(fromItems);
        a.bind(isList);
        a.lea(rdx, rip(sym('type_list')));
        a.cmp(rcx, rdx);
        a.jne(iterate);
        a.mov(rcx, qword(mem(rax, LIST.length)));
        a.mov(rsi, qword(mem(rax, LIST.items)));
        unboxPtr(a, rsi);
        a.add(rsi, VALUES.items);
        a.bind(fromItems);
        // rcx = length, rsi = items
        a.cmp(rcx, r13);
        a.ja(tooMany);
        a.jb(notEnough);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(eax, eax);
          a.lea(rdx, sib(r14, r13, 8, -8));
          a.bind(copy);
          a.cmp(rax, r13);
          a.jae(copied);
          a.mov(rcx, qword(sib(rsi, rax, 8)));
          a.mov(qword(mem(rdx)), rcx);
          a.sub(rdx, 8);
          a.inc(rax);
          a.jmp(copy);
          a.bind(copied);
          a.xor(eax, eax);
          a.jmp(out);
        }
        a.bind(tooMany);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_too_many_values')));
        a.mov(rdx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notEnough);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_not_enough_values')));
        a.mov(rdx, r13);
        // rcx = got
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        // The general case: iterate, storing item k at dst[n-1-k]; then one more next()
        // must report exhaustion.
        a.bind(iterate);
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const exhausted = a.newLabel();
          const notIterable = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
          a.je(notIterable);
          a.mov(rdi, r12);
          a.call(sym('rt_iter'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(r15, rax);
          // Items land in the destination words, which are frame slots the collector scans.
          a.xor(ebp, ebp);
          a.bind(loop);
          a.cmp(rbp, r13);
          a.jae(done);
          a.mov(rdi, r15);
          a.call(sym('rt_next'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(exhausted);
          a.mov(rcx, r13);
          a.sub(rcx, rbp);
          a.mov(qword(sib(r14, rcx, 8, -8)), rax);
          a.inc(rbp);
          a.jmp(loop);
          a.bind(exhausted);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_not_enough_values')));
          a.mov(rdx, r13);
          a.mov(rcx, rbp);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(done);
          a.mov(rdi, r15);
          a.call(sym('rt_next'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          const ok = a.newLabel();
          a.je(ok);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_too_many_values')));
          a.mov(rdx, r13);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(ok);
          a.xor(eax, eax);
          a.jmp(out);
          a.bind(notIterable);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_cannot_unpack')));
          a.mov(rdx, r12);
          a.call(sym('rt_raise_fmt'));
        }
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_build_tuple',
      contract: 'rdi=address of n values, esi=n -> rax=tuple of them; may allocate',
      emit(a: Assembler<any>) {
        const copy = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(edi, esi);
        a.call(sym('rt_tuple_alloc'));
        a.xor(ecx, ecx);
        a.bind(copy);
        a.cmp(rcx, r13);
        a.jae(done);
        a.mov(rdx, qword(sib(r12, rcx, 8)));
        a.mov(qword(sib(rax, rcx, 8, TUPLE.items)), rdx);
        a.inc(rcx);
        a.jmp(copy);
        a.bind(done);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_format',
      contract: "rdi=value, rsi=format spec str -> rax=str value (format(value, spec)) or EXC; the type's format slot, else object.__format__ (str() for an empty spec, TypeError otherwise); may allocate, may raise",
      emit(a: Assembler<any>) {
        const noSlot = a.newLabel();
        const bad = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('format'))));
        a.test(rax, rax);
        a.je(noSlot);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(rax);
        const out = a.newLabel();
        a.jmp(out);
        a.bind(noSlot);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, 16)), 0); // STR.length
        a.jne(bad);
        a.mov(rdi, r12);
        a.call(sym('rt_str'));
        a.jmp(out);
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_unsupported_format')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_format_value',
      contract: 'rdi=value, esi=FORMAT_VALUE flags (conversion in bits 0-1: 1 str, 2 repr, 3 ascii), rdx=spec str or UNBOUND -> rax=str value or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const converted = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.and(esi, 3);
        for (const [conv, routine] of [[1, 'rt_str'], [2, 'rt_repr']] as const) {
          const skip = a.newLabel();
          a.cmp(esi, conv);
          a.jne(skip);
          a.mov(rdi, r12);
          a.call(sym(routine));
          a.jmp(converted);
          a.bind(skip);
        }
        {
          const skip = a.newLabel();
          a.cmp(esi, 3);
          a.jne(skip);
          // ascii(): the builtin with the vector ABI, on a one-word argument array.
          a.push(r12);
          a.push(r12);
          a.mov(rdi, rsp);
          a.mov(esi, 1);
          a.xor(edx, edx);
          a.call(sym('rt_builtin_ascii'));
          a.pop(rcx);
          a.pop(rcx);
          a.jmp(converted);
          a.bind(skip);
        }
        a.mov(rax, r12);
        a.bind(converted);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r12, rax);
        // No spec: an exact str is the result; anything else formats with ''.
        const haveSpec = a.newLabel();
        a.cmp(r13, g('rt_const_unbound'));
        a.jne(haveSpec);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.lea(rcx, rip(sym('type_str')));
        a.cmp(rax, rcx);
        a.mov(rax, r12);
        a.je(out);
        a.mov(r13, g('const_str_empty'));
        a.bind(haveSpec);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_format'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    // ---- raising
    {
      name: 'rt_reraise_current',
      contract: '-> rax=EXC: re-raise the exception being handled (bare `raise`), or RuntimeError("No active exception to reraise"); may allocate',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        a.mov(rax, g('rt_exc_info'));
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(none);
        a.cmp(rax, g('rt_const_None'));
        a.je(none);
        a.mov(g('rt_exc'), rax);
        a.mov(rax, g('rt_const_exc'));
        a.ret();
        a.bind(none);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym('msg_no_active_exception')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_raise_from',
      contract: 'rdi=exception (instance or class), rsi=cause (exception instance or class, or None) -> rax=EXC with __cause__ set and __suppress_context__ true; TypeError for a bad cause; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const setCause = a.newLabel();
        const badCause = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r13, rsi);
        // Instantiate the exception (rt_raise does it too; it must exist to carry the cause).
        a.call(sym('rt_raise'));
        a.mov(r12, g('rt_exc'));
        a.cmp(r13, g('rt_const_None'));
        a.je(setCause);
        a.mov(rdi, r13);
        a.call(sym('rt_exc_instance'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(badCause);
        a.mov(r13, rax);
        a.bind(setCause);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(qword(mem(rax, EXCEPTION.cause)), r13);
        a.mov(rcx, boxInt(1n));
        a.mov(qword(mem(rax, EXCEPTION.suppress)), rcx);
        a.mov(g('rt_exc'), r12);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(badCause);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bad_cause')));
        a.call(sym('rt_raise_cstr'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_exc_instance',
      contract: 'rdi=exception instance or exception class -> rax=an exception instance (the class called with no arguments), or EXC without setting rt_exc when rdi is neither (the caller raises its own error); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notExc = a.newLabel();
        const isClass = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(notExc);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.mov(rax, r12);
        const out = a.newLabel();
        a.jne(out);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notExc);
        a.bind(isClass);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(notExc);
        a.mov(rdi, r12);
        a.xor(esi, esi);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(notExc);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_exc_matches',
      contract: 'rdi=exception, rsi=class or tuple of classes (except clause) -> eax=1 if it matches, 0 if not, -1 if it raised (TypeError for non-exception classes, as CPython); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const single = a.newLabel();
        const bad = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.lea(rsi, rip(sym('type_tuple')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(single);
        {
          // Every element must be an exception class; any match is a match.
          const loop = a.newLabel();
          const nomatch = a.newLabel();
          a.xor(r14, r14);
          a.bind(loop);
          a.mov(rax, r13);
          unboxPtr(a, rax);
          a.cmp(r14, qword(mem(rax, TUPLE.length)));
          a.jae(nomatch);
          a.mov(rdi, r12);
          a.mov(rsi, qword(sib(rax, r14, 8, TUPLE.items)));
          a.call(sym('rt_exc_matches_class'));
          a.test(eax, eax);
          a.jne(out);
          a.inc(r14);
          a.jmp(loop);
          a.bind(nomatch);
          a.xor(eax, eax);
          a.jmp(out);
        }
        a.bind(single);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_exc_matches_class'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
        void bad;
      },
    },
    {
      name: 'rt_exc_matches_class',
      contract: 'rdi=exception, rsi=class -> eax=1 if isinstance, 0 if not, -1 with TypeError if rsi is not an exception class',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(bad);
        a.mov(rdi, r13);
        unboxPtr(a, rdi);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(bad);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        unboxPtr(a, rsi);
        a.call(sym('rt_is_subtype'));
        const out = a.newLabel();
        a.jmp(out);
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_catching_non_exception')));
        a.call(sym('rt_raise_cstr'));
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
  ],
  data: [
    ...BINOPS.flatMap((_, i) => [textCstr(`str_binop_${i}`, opText(i, false)), textCstr(`str_binop_${i}_inplace`, opText(i, true))]),
    {
      name: 'binop_names',
      section: 'rodata',
      align: 8,
      emit: (a) => {
        for (let i = 0; i < 32; i++) {
          const base = i & (INPLACE - 1);
          if (base < BINOPS.length) a.u64(sym(`str_binop_${base}${i >= INPLACE ? '_inplace' : ''}`));
          else a.u64(0n);
        }
      },
    },
    ...(['unary -', 'unary +', 'unary ~', 'abs()'] as const).map((t, i) => cstr(`str_unary_${i}`, t)),
    { name: 'unary_names', section: 'rodata', align: 8, emit: (a) => [0, 1, 2, 3].forEach((i) => a.u64(sym(`str_unary_${i}`))) },
    cstr('msg_unsupported_operands', "unsupported operand type(s) for %s: '%T' and '%T'"),
    cstr('msg_bad_unary', "bad operand type for %s: '%T'"),
    cstr('msg_not_subscriptable', "'%T' object is not subscriptable"),
    cstr('msg_no_item_assignment', "'%T' object does not support item assignment"),
    cstr('msg_no_item_deletion', "'%T' object doesn't support item deletion"),
    cstr('msg_not_iterable', "'%T' object is not iterable"),
    cstr('msg_not_iterator', "'%T' object is not an iterator"),
    cstr('msg_no_len', "object of type '%T' has no len()"),
    cstr('msg_in_not_iterable', "argument of type '%T' is not iterable"),
    cstr('msg_too_many_values', 'too many values to unpack (expected %d)'),
    cstr('msg_not_enough_values', 'not enough values to unpack (expected %d, got %d)'),
    cstr('msg_cannot_unpack', 'cannot unpack non-iterable %T object'),
    cstr('msg_unsupported_format', 'unsupported format string passed to %T.__format__'),
    cstr('msg_no_active_exception', 'No active exception to reraise'),
    cstr('msg_bad_cause', 'exception causes must derive from BaseException'),
    cstr('msg_catching_non_exception', 'catching classes that do not inherit from BaseException is not allowed'),
  ],
};

