// Specialized subscription templates (chosen from the interpreter's profile: its
// BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT and STORE_SUBSCR_LIST_INT).
//
// The fast path reads or writes the item inline when the container is an exact list (or
// tuple) and the index a small int within bounds (negative indices count from the end, as
// Python's). Anything else - a subclass, another type, a big int or __index__ object, a
// slice, an index out of range - takes the generic runtime call of the family (rt_getitem /
// rt_setitem), which raises CPython's errors; so the specialization never changes behaviour.
// Lists keep their items in a separate VALUES object (layout.ts LIST.items, a boxed
// pointer); tuples inline (TUPLE.items). Storing needs no barrier: the collector is
// non-generational (docs/gc.md).

import { type Gpr, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../src/asm/index.js';
import { LIST, TAG_INT, TAG_OBJ, TUPLE, VALUES } from '../src/native/layout.js';
import { cold, H, S, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

type Slow = ReturnType<typeof cold>;

/**
 * rax = the object of S[container] unboxed, rcx = the index of S[index] as a raw i64 in
 * 0..length-1, rdx = the length; to `slow` unless the container is an exact `type` object
 * and the index a small int in range.
 */
function containerAndIndex(a: TplAsm, container: number, index: number, type: string, length: number, slow: Slow): void {
  a.mov(rax, S(container));
  a.mov(rcx, S(index));
  guardTag(a, rcx, TAG_INT, slow);
  guardTag(a, rax, TAG_OBJ, slow);
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.lea(rdx, rip(sym(type)));
  a.cmp(qword(mem(rax)), rdx);
  a.jne(slow);
  a.shl(rcx, 16);
  a.sar(rcx, 16);
  a.mov(rdx, qword(mem(rax, length)));
  // A negative index counts from the end; one still negative compares above any length.
  const pos = a.newLabel();
  a.test(rcx, rcx);
  a.jns(pos);
  a.add(rcx, rdx);
  a.bind(pos);
  a.cmp(rcx, rdx);
  a.jae(slow);
}

function guardTag(a: TplAsm, r: Gpr<64>, tag: number, slow: Slow): void {
  a.mov(rdx, r);
  a.shr(rdx, 48);
  a.cmp(rdx, tag);
  a.jne(slow);
}

/** BINARY_SUBSCR's generic path: rt_getitem(S[-2], S[-1]). */
function genericGet(c: TplAsm): void {
  c.mov(rdi, S(-2));
  c.mov(rsi, S(-1));
  callRt(c, 'rt_getitem');
  excCheck(c);
  c.mov(S(-2), rax);
  c.jmp(H.next());
}

export const subscrTemplates: TemplateDef<any>[] = [
  {
    op: 'BINARY_SUBSCR_LIST_INT',
    doc: 'list[int] inline for an exact list and an in-range small int; else rt_getitem',
    emit(a: TplAsm) {
      const slow = cold(genericGet);
      containerAndIndex(a, -2, -1, 'type_list', LIST.length, slow);
      a.mov(rax, qword(mem(rax, LIST.items)));
      a.shl(rax, 16);
      a.shr(rax, 16);
      a.mov(rax, qword(sib(rax, rcx, 8, VALUES.items)));
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'BINARY_SUBSCR_TUPLE_INT',
    doc: 'tuple[int] inline for an exact tuple and an in-range small int; else rt_getitem',
    emit(a: TplAsm) {
      const slow = cold(genericGet);
      containerAndIndex(a, -2, -1, 'type_tuple', TUPLE.length, slow);
      a.mov(rax, qword(sib(rax, rcx, 8, TUPLE.items)));
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'STORE_SUBSCR_LIST_INT',
    doc: 'list[int] = v inline for an exact list and an in-range small int; else rt_setitem',
    emit(a: TplAsm) {
      const slow = cold((c) => {
        c.mov(rdi, S(-2));
        c.mov(rsi, S(-1));
        c.mov(rdx, S(-3));
        callRt(c, 'rt_setitem');
        excCheck(c);
        c.jmp(H.next());
      });
      containerAndIndex(a, -2, -1, 'type_list', LIST.length, slow);
      a.mov(rax, qword(mem(rax, LIST.items)));
      a.shl(rax, 16);
      a.shr(rax, 16);
      a.mov(rdx, S(-3));
      a.mov(qword(sib(rax, rcx, 8, VALUES.items)), rdx);
      a.jmp(H.next());
    },
  },
];
