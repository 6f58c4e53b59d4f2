// Container runtime: list objects (Objects/listobject.c of CPython 3.11).
//
// A list (layout.ts LIST) keeps its items in a separate `values` array (VALUES: length =
// capacity, then the item words), reallocated on growth with CPython's over-allocation
// (list_resize: newsize + newsize/8 + 6, rounded down to a multiple of 4; shrink only below
// half the capacity), so appends are amortized O(1). Invariants: `capacity` is the values
// array's length (the array is absent, word 0, when it is 0); item words past `length` are
// zero, so the collector never keeps dead items alive through them.
//
// Python code run by a comparison or a repr may mutate the list, so loops re-read the
// length and the items array after every call that may run Python code.

import {
  type Assembler, type Label, eax, ebp, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r8, r9, rax, rbp, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { LAYOUTS, LIST, SEQITER, TUPLE, TYPE, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifNotExact, ifNotLayout, ifNotSmallInt, raise } from './listshared.js';
import { indexProtocol } from './builtinsub.js';

/**
 * rt_cont_seqitems (rdi -> rax items, rdx length; clobbers rax rdx) for rt_cont_seqcompare,
 * whose ebp holds the layout id both operands have: a tuple's items inline (no call), a
 * list's through the routine.
 */
function seqItems(a: Assembler<any>): void {
  const call = a.newLabel();
  const done = a.newLabel();
  a.cmp(ebp, LAYOUTS.tuple.id);
  a.jne(call);
  a.mov(rax, rdi);
  unboxPtr(a, rax);
  a.mov(rdx, qword(mem(rax, TUPLE.length)));
  a.add(rax, TUPLE.items);
  a.jmp(done);
  a.bind(call);
  a.call(sym('rt_cont_seqitems'));
  a.bind(done);
}

export const LIST_SIZE = LIST.items + 8;
export const SEQITER_SIZE = SEQITER.index + 8;

const SPEC_INIT = argSpec('list', 'VAR', 0, 1);

/** Load the raw items address (start of the item words) of the raw list in `l` into `dst`. */
export function listItems(a: Assembler<any>, dst: typeof rax, l: typeof rax): void {
  a.mov(dst, qword(mem(l, LIST.items)));
  unboxPtr(a, dst);
  a.add(dst, VALUES.items);
}

/** Raise `type_<exc>` (a class, instantiated without arguments) and return EXC. */
export function raiseBare(a: Assembler<any>, exc: string): void {
  a.lea(rdi, rip(sym(`type_${exc}`)));
  boxPtr(a, rdi, rcx);
  a.jmp(sym('rt_raise'));
}

export const listModule: RuntimeModule = {
  name: 'list',
  types: [
    { name: 'values', layout: 'values' },
    { name: 'list_reverseiterator', layout: 'iterator' },
  ],
  routines: [
    {
      name: 'rt_list_values_new',
      contract: 'rdi=n -> rax=raw address of a `values` array of n zero words, or EXC (MemoryError when n >= 2^40); may allocate',
      emit(a: Assembler<any>) {
        const tooBig = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 40);
        a.jne(tooBig);
        a.push(rdi);
        a.lea(rdi, sib(undefined, rdi, 8, VALUES.items));
        a.lea(rsi, rip(sym('type_values')));
        a.call(sym('rt_alloc'));
        a.pop(rdi);
        a.mov(qword(mem(rax, VALUES.length)), rdi);
        a.ret();
        a.bind(tooBig);
        raiseBare(a, 'MemoryError');
      },
    },
    {
      name: 'rt_list_new_of',
      contract: 'rdi=type address (list or a subclass), rsi=capacity -> rax=empty list value of that type, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noItems = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // Instances of subclasses may be larger (their instance size says so).
        a.mov(edi, LIST_SIZE);
        a.mov(rax, qword(mem(r12, TYPE.instanceSize)));
        a.cmp(rax, rdi);
        a.cmova(rdi, rax);
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        a.mov(r14, rax);
        // A subclass's instance has its instance-dict word after the list (builtinsub.ts).
        const plain = a.newLabel();
        a.cmp(qword(mem(r12, TYPE.instanceSize)), LIST_SIZE);
        a.jbe(plain);
        a.mov(rcx, UNBOUND);
        a.mov(qword(mem(r14, LIST_SIZE)), rcx);
        a.bind(plain);
        a.test(r13, r13);
        a.je(noItems);
        a.mov(rdi, r13);
        callChecked(a, 'rt_list_values_new', out);
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(r14, LIST.items)), rax);
        a.mov(qword(mem(r14, LIST.capacity)), r13);
        a.bind(noItems);
        a.mov(rax, r14);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_new',
      contract: 'rdi=capacity -> rax=empty list value with room for that many items, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        a.mov(rsi, rdi);
        a.lea(rdi, rip(sym('type_list')));
        a.jmp(sym('rt_list_new_of'));
      },
    },
    {
      name: 'rt_list_from_values',
      contract: 'rdi=address of n value words, rsi=n -> rax=new list of them (BUILD_LIST), or EXC; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        callChecked(a, 'rt_list_new', out);
        a.mov(rdx, rax);
        unboxPtr(a, rdx);
        a.mov(qword(mem(rdx, LIST.length)), r13);
        listItems(a, rdi, rdx);
        a.mov(rsi, r12);
        a.mov(rcx, r13);
        a.rep_movsq();
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_resize',
      contract: 'rdi=raw list, rsi=new length -> rax=0, or EXC (MemoryError); sets the length, reallocating as CPython\'s list_resize does; new item words are zero; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const realloc = a.newLabel();
        const clear = a.newLabel();
        const cleared = a.newLabel();
        const out = a.newLabel();
        const haveAlloc = a.newLabel();
        const empty = a.newLabel();
        // Fits without reallocating: allocated >= newsize >= allocated / 2.
        a.mov(rcx, qword(mem(rdi, LIST.capacity)));
        a.cmp(rsi, rcx);
        a.ja(realloc);
        a.shr(rcx, 1);
        a.cmp(rsi, rcx);
        a.jb(realloc);
        // Zero the words of items dropped by a shrink.
        a.mov(rcx, qword(mem(rdi, LIST.length)));
        a.mov(qword(mem(rdi, LIST.length)), rsi);
        a.cmp(rsi, rcx);
        a.jae(cleared);
        listItems(a, rdx, rdi);
        a.bind(clear);
        a.mov(qword(sib(rdx, rsi, 8)), 0);
        a.inc(rsi);
        a.cmp(rsi, rcx);
        a.jb(clear);
        a.bind(cleared);
        a.xor(eax, eax);
        a.ret();
        a.bind(realloc);
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // new_allocated = (newsize + (newsize >> 3) + 6) & ~3, or (newsize + 3) & ~3 when the
        // growth is larger than the over-allocation; 0 for an empty list.
        a.test(r13, r13);
        a.je(empty);
        a.mov(r14, r13);
        a.shr(r14, 3);
        a.lea(r14, sib(r14, r13, 1, 6));
        a.and(r14, -4);
        a.mov(rax, r13);
        a.sub(rax, qword(mem(r12, LIST.length)));
        a.mov(rcx, r14);
        a.sub(rcx, r13);
        a.cmp(rax, rcx);
        a.jle(haveAlloc);
        a.lea(r14, mem(r13, 3));
        a.and(r14, -4);
        a.bind(haveAlloc);
        a.mov(rdi, r14);
        callChecked(a, 'rt_list_values_new', out);
        // Copy min(length, newsize) items into the new array.
        a.lea(rdi, mem(rax, VALUES.items));
        a.mov(rcx, qword(mem(r12, LIST.length)));
        a.cmp(rcx, r13);
        a.cmova(rcx, r13);
        boxPtr(a, rax, rdx);
        a.mov(rdx, rax);
        const noCopy = a.newLabel();
        a.test(rcx, rcx);
        a.je(noCopy);
        listItems(a, rsi, r12);
        a.rep_movsq();
        a.bind(noCopy);
        a.mov(qword(mem(r12, LIST.items)), rdx);
        a.mov(qword(mem(r12, LIST.capacity)), r14);
        a.mov(qword(mem(r12, LIST.length)), r13);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
        a.bind(empty);
        a.xor(eax, eax);
        a.mov(qword(mem(r12, LIST.items)), rax);
        a.mov(qword(mem(r12, LIST.capacity)), rax);
        a.mov(qword(mem(r12, LIST.length)), rax);
        a.jmp(out);
      },
    },
    {
      name: 'rt_list_append',
      contract: 'rdi=list value, rsi=value -> rax=0, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const slow = a.newLabel();
        const out = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, LIST.length)));
        a.cmp(rcx, qword(mem(rax, LIST.capacity)));
        a.jae(slow);
        a.mov(rdx, qword(mem(rax, LIST.items)));
        unboxPtr(a, rdx);
        a.mov(qword(sib(rdx, rcx, 8, VALUES.items)), rsi);
        a.inc(rcx);
        a.mov(qword(mem(rax, LIST.length)), rcx);
        a.xor(eax, eax);
        a.ret();
        a.bind(slow);
        prologue(a, [r12, r13]);
        a.mov(r12, rax);
        a.mov(r13, rsi);
        a.mov(rdi, rax);
        a.lea(rsi, mem(rcx, 1));
        callChecked(a, 'rt_list_resize', out);
        a.mov(rcx, qword(mem(r12, LIST.length)));
        listItems(a, rdx, r12);
        a.mov(qword(sib(rdx, rcx, 8, -8)), r13);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_list_extend',
      contract: 'rdi=list value, rsi=iterable -> rax=0, or EXC; exact lists and tuples (and the list itself) are copied directly, anything else is iterated; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const generic = a.newLabel();
        const direct = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.cmp(rdi, rsi);
        a.je(direct);
        const notList = a.newLabel();
        ifNotExact(a, r13, 'list', rax, rcx, notList);
        a.jmp(direct);
        a.bind(notList);
        ifNotExact(a, r13, 'tuple', rax, rcx, generic);
        // list_extend's fast path: n = len(src); resize; copy (the source's items are read
        // after the resize, so extending a list by itself copies its first n items).
        a.bind(direct);
        a.mov(rdi, r13);
        a.call(sym('rt_cont_seqitems'));
        a.mov(r14, rdx); // n
        a.test(r14, r14);
        a.je(done);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(r15, qword(mem(rdi, LIST.length))); // m
        a.lea(rsi, sib(r15, r14, 1));
        callChecked(a, 'rt_list_resize', out);
        a.mov(rdi, r13);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rsi, rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        listItems(a, rdi, rax);
        a.lea(rdi, sib(rdi, r15, 8));
        a.mov(rcx, r14);
        a.rep_movsq();
        a.jmp(done);
        // Any other iterable: iterate and append.
        a.bind(generic);
        a.mov(rdi, r13);
        callChecked(a, 'rt_cont_iter', out);
        a.mov(r14, rax);
        a.bind(loop);
        a.mov(rdi, r14);
        callChecked(a, 'rt_cont_next', out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(done);
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        callChecked(a, 'rt_list_append', out);
        a.jmp(loop);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_remove_at',
      contract: 'rdi=raw list, rsi=index (0 <= index < length) -> rax=the removed item; later items move down; may allocate (a shrink reallocates), never raises',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const shift = a.newLabel();
        const shifted = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        listItems(a, rdx, rdi);
        a.mov(r13, qword(sib(rdx, rsi, 8)));
        a.mov(rcx, qword(mem(rdi, LIST.length)));
        a.dec(rcx);
        a.bind(shift);
        a.cmp(rsi, rcx);
        a.jae(shifted);
        a.mov(rax, qword(sib(rdx, rsi, 8, 8)));
        a.mov(qword(sib(rdx, rsi, 8)), rax);
        a.inc(rsi);
        a.jmp(shift);
        a.bind(shifted);
        a.mov(qword(sib(rdx, rcx, 8)), 0);
        a.mov(rdi, r12);
        a.mov(rsi, rcx);
        a.call(sym('rt_list_resize'));
        a.mov(rax, r13);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_repeat',
      contract: 'rdi=list or tuple value, rsi=count (i64; <= 0 gives an empty result) -> rax=new list of the items repeated, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const rep = a.newLabel();
        const done = a.newLabel();
        const mem0 = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_cont_seqitems'));
        a.mov(r14, rdx); // n
        a.test(r13, r13);
        a.jg(rep);
        a.xor(r13, r13);
        a.bind(rep);
        a.mov(rax, r14);
        a.imul(rax, r13);
        a.jo(mem0);
        a.mov(rdi, rax);
        callChecked(a, 'rt_list_new', out);
        a.mov(r15, rax);
        a.mov(rdx, rax);
        unboxPtr(a, rdx);
        a.mov(rcx, r14);
        a.imul(rcx, r13);
        a.mov(qword(mem(rdx, LIST.length)), rcx);
        listItems(a, r8, rdx); // destination
        a.mov(rdi, r12);
        a.call(sym('rt_cont_seqitems'));
        a.mov(r9, rax); // source
        const loop = a.newLabel();
        a.bind(loop);
        a.test(r13, r13);
        a.je(done);
        a.mov(rdi, r8);
        a.mov(rsi, r9);
        a.mov(rcx, r14);
        a.rep_movsq();
        a.mov(r8, rdi);
        a.dec(r13);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r15);
        a.bind(out);
        epilogue(a, saved);
        a.bind(mem0);
        a.lea(rdi, rip(sym('type_MemoryError')));
        boxPtr(a, rdi, rcx);
        a.call(sym('rt_raise'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_list_concat',
      contract: 'rdi=list, rsi=list -> rax=new list a + b, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_cont_seqitems'));
        a.mov(r14, rdx);
        a.mov(rdi, r13);
        a.call(sym('rt_cont_seqitems'));
        a.lea(rdi, sib(r14, rdx, 1));
        callChecked(a, 'rt_list_new', out);
        a.mov(r14, rax);
        const append = (src: typeof r12): void => {
          a.mov(rdi, src);
          a.call(sym('rt_cont_seqitems'));
          a.mov(rsi, rax);
          a.mov(rcx, rdx);
          a.mov(r8, r14);
          unboxPtr(a, r8);
          listItems(a, rdi, r8);
          a.mov(rax, qword(mem(r8, LIST.length)));
          a.lea(rdi, sib(rdi, rax, 8));
          a.add(qword(mem(r8, LIST.length)), rcx);
          a.rep_movsq();
        };
        append(r12);
        append(r13);
        a.mov(rax, r14);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_irepeat',
      contract: 'rdi=list value, rsi=count (i64) -> rax=the list, repeated in place (list *= n; n < 1 clears it), or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const done = a.newLabel();
        const clear = a.newLabel();
        const tooBig = a.newLabel();
        const loop = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.cmp(r13, 1);
        a.jl(clear);
        a.je(done);
        a.mov(r14, qword(mem(rdi, LIST.length)));
        a.test(r14, r14);
        a.je(done);
        a.mov(rsi, r14);
        a.imul(rsi, r13);
        a.jo(tooBig);
        callChecked(a, 'rt_list_resize', out);
        // Copy the first n items after themselves count - 1 times.
        a.mov(rax, r12);
        unboxPtr(a, rax);
        listItems(a, rsi, rax);
        a.lea(rdi, sib(rsi, r14, 8));
        a.bind(loop);
        a.dec(r13);
        a.je(done);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        listItems(a, rsi, rax);
        a.mov(rcx, r14);
        a.rep_movsq();
        a.jmp(loop);
        a.bind(clear);
        a.xor(esi, esi);
        callChecked(a, 'rt_list_resize', out);
        a.bind(done);
        a.mov(rax, r12);
        a.bind(out);
        epilogue(a, saved);
        a.bind(tooBig);
        a.lea(rdi, rip(sym('type_MemoryError')));
        boxPtr(a, rdi, rcx);
        a.call(sym('rt_raise'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_len_list',
      contract: 'rdi=list value -> rax=length; clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, LIST.length)));
        a.ret();
      },
    },
    {
      name: 'rt_hash_list',
      contract: "rdi=list value -> rax=-1 with TypeError \"unhashable type: 'list'\"; may allocate",
      emit(a: Assembler<any>) {
        unhashable(a);
      },
    },
    {
      name: 'rt_getitem_list',
      contract: 'rdi=list, rsi=index (int, bool) or slice -> rax=item or new list, or EXC (IndexError, TypeError); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notSmall = a.newLabel();
        const have = a.newLabel();
        const pos = a.newLabel();
        const oob = a.newLabel();
        const tooBig = a.newLabel();
        const notSlice = a.newLabel();
        ifNotSmallInt(a, rsi, rax, notSmall);
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.bind(have);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, LIST.length)));
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, rdx);
        a.bind(pos);
        a.cmp(rax, rdx);
        a.jae(oob);
        a.mov(rcx, qword(mem(rcx, LIST.items)));
        unboxPtr(a, rcx);
        a.mov(rax, qword(sib(rcx, rax, 8, VALUES.items)));
        a.ret();
        a.bind(notSmall);
        ifNotExact(a, rsi, 'slice', rax, rcx, notSlice);
        a.jmp(sym('rt_cont_getslice'));
        a.bind(notSlice);
        a.push(rdi);
        a.push(rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_index'));
        a.pop(rsi);
        a.pop(rdi);
        a.test(edx, edx);
        a.je(have);
        a.cmp(edx, 1);
        a.je(tooBig);
        indexProtocol(a, [rdi, rsi], have, tooBig); // the class's __index__ (builtinsub.ts)
        a.mov(rdx, rsi);
        raise(a, 'TypeError', 'msg_list_indices', [rdx]);
        a.bind(tooBig);
        raise(a, 'IndexError', 'msg_cont_index_size', []);
        a.bind(oob);
        raise(a, 'IndexError', 'msg_list_index_range', []);
      },
    },
    {
      name: 'rt_setitem_list',
      contract: 'rdi=list, rsi=index or slice, rdx=value -> rax=0, or EXC (IndexError, TypeError, ValueError); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notSmall = a.newLabel();
        const have = a.newLabel();
        const pos = a.newLabel();
        const oob = a.newLabel();
        const tooBig = a.newLabel();
        const notSlice = a.newLabel();
        ifNotSmallInt(a, rsi, rax, notSmall);
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.bind(have);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(r8, qword(mem(rcx, LIST.length)));
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, r8);
        a.bind(pos);
        a.cmp(rax, r8);
        a.jae(oob);
        a.mov(rcx, qword(mem(rcx, LIST.items)));
        unboxPtr(a, rcx);
        a.mov(qword(sib(rcx, rax, 8, VALUES.items)), rdx);
        a.xor(eax, eax);
        a.ret();
        a.bind(notSmall);
        ifNotExact(a, rsi, 'slice', rax, rcx, notSlice);
        a.jmp(sym('rt_list_setslice'));
        a.bind(notSlice);
        a.push(rdi);
        a.push(rsi);
        a.push(rdx);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_index'));
        a.mov(rcx, rdx);
        a.pop(rdx);
        a.pop(rsi);
        a.pop(rdi);
        a.test(ecx, ecx);
        a.je(have);
        a.cmp(ecx, 1);
        a.je(tooBig);
        indexProtocol(a, [rdi, rsi, rdx], have, tooBig); // the class's __index__ (builtinsub.ts)
        a.mov(rdx, rsi);
        raise(a, 'TypeError', 'msg_list_indices', [rdx]);
        a.bind(tooBig);
        raise(a, 'IndexError', 'msg_cont_index_size', []);
        a.bind(oob);
        raise(a, 'IndexError', 'msg_list_assign_range', []);
      },
    },
    {
      name: 'rt_delitem_list',
      contract: 'rdi=list, rsi=index or slice -> rax=0, or EXC (IndexError, TypeError); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notSmall = a.newLabel();
        const have = a.newLabel();
        const pos = a.newLabel();
        const oob = a.newLabel();
        const tooBig = a.newLabel();
        const notSlice = a.newLabel();
        ifNotSmallInt(a, rsi, rax, notSmall);
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.bind(have);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, LIST.length)));
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, rdx);
        a.bind(pos);
        a.cmp(rax, rdx);
        a.jae(oob);
        a.sub(rsp, 8);
        a.mov(rdi, rcx);
        a.mov(rsi, rax);
        a.call(sym('rt_list_remove_at'));
        a.add(rsp, 8);
        a.xor(eax, eax);
        a.ret();
        a.bind(notSmall);
        ifNotExact(a, rsi, 'slice', rax, rcx, notSlice);
        a.mov(rdx, g('rt_const_unbound'));
        a.jmp(sym('rt_list_setslice'));
        a.bind(notSlice);
        a.push(rdi);
        a.push(rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_index'));
        a.pop(rsi);
        a.pop(rdi);
        a.test(edx, edx);
        a.je(have);
        a.cmp(edx, 1);
        a.je(tooBig);
        indexProtocol(a, [rdi, rsi], have, tooBig); // the class's __index__ (builtinsub.ts)
        a.mov(rdx, rsi);
        raise(a, 'TypeError', 'msg_list_indices', [rdx]);
        a.bind(tooBig);
        raise(a, 'IndexError', 'msg_cont_index_size', []);
        a.bind(oob);
        raise(a, 'IndexError', 'msg_list_assign_range', []);
      },
    },
    {
      name: 'rt_contains_list',
      contract: 'rdi=list, rsi=value -> eax=1 if some item == value, 0 if none, -1 if a comparison raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        seqContains(a, 'list');
      },
    },
    {
      name: 'rt_repr_list',
      contract: 'rdi=list value -> rax=str "[a, b]" ("[...]" for a list inside itself) or EXC (RecursionError for deep nesting); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const failRec = a.newLabel();
        const failBoth = a.newLabel();
        const recursive = a.newLabel();
        const loop = a.newLabel();
        const first = a.newLabel();
        const done = a.newLabel();
        const empty = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, LIST.length)), 0);
        a.je(empty);
        a.lea(rdi, rip(sym('msg_while_repr')));
        callChecked(a, 'rt_recursion_enter', out);
        a.mov(rdi, r12);
        a.call(sym('rt_cont_repr_enter'));
        a.test(eax, eax);
        a.jg(recursive);
        a.jl(failRec);
        a.mov(edi, 16);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_list_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.xor(r14, r14);
        a.bind(loop);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.cmp(r14, qword(mem(rax, LIST.length)));
        a.jae(done);
        a.test(r14, r14);
        a.je(first);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_comma_space')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.bind(first);
        listItems(a, rcx, rax);
        a.mov(rdi, qword(sib(rcx, r14, 8)));
        callChecked(a, 'rt_repr', failBoth);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_list_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.mov(r13, rax);
        a.call(sym('rt_cont_repr_leave'));
        a.call(sym('rt_recursion_leave'));
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, saved);
        a.bind(empty);
        a.lea(rax, rip(sym('str_list_empty')));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(recursive);
        a.call(sym('rt_recursion_leave'));
        a.lea(rax, rip(sym('str_list_recursive')));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(failBoth);
        a.call(sym('rt_cont_repr_leave'));
        a.bind(failRec);
        a.call(sym('rt_recursion_leave'));
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_richcompare_list',
      contract: 'rdi=list, rsi=other, edx=CMPOPS index -> rax=bool (lexicographic, items compared with ==, then the op), NotImplemented for a non-list, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(ecx, LAYOUTS.list.id);
        a.jmp(sym('rt_cont_seqcompare'));
      },
    },
    {
      name: 'rt_cont_seqcompare',
      contract: 'rdi=a, rsi=b, edx=CMPOPS index, ecx=layout id (list or tuple) -> rax=bool, NotImplemented unless both have that layout, or EXC (list_richcompare / tuplerichcompare); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const ni = a.newLabel();
        const loop = a.newLabel();
        const sizes = a.newLabel();
        const differ = a.newLabel();
        const next = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.mov(ebp, ecx);
        for (const v of [r12, r13]) {
          ifNotObjLayout(a, v, rbp, ni);
        }
        // == and != of different lengths answer at once.
        a.mov(rdi, r12);
        seqItems(a);
        a.mov(r15, rdx);
        a.mov(rdi, r13);
        seqItems(a);
        a.cmp(rdx, r15);
        const sameLen = a.newLabel();
        a.je(sameLen);
        a.cmp(r14d, 2);
        a.je(sizes);
        a.cmp(r14d, 3);
        a.je(sizes);
        a.bind(sameLen);
        a.xor(r15, r15); // index
        a.bind(loop);
        a.mov(rdi, r12);
        seqItems(a);
        a.cmp(r15, rdx);
        a.jae(sizes);
        a.mov(r8, qword(sib(rax, r15, 8)));
        a.mov(rdi, r13);
        a.push(r8);
        seqItems(a);
        a.pop(rdi);
        a.cmp(r15, rdx);
        a.jae(sizes);
        a.mov(rsi, qword(sib(rax, r15, 8)));
        a.cmp(rdi, rsi);
        a.je(next);
        // Two small ints with different bits differ (one encoding per value): answer
        // here without rt_eq + rt_richcompare (sort keys such as (-count, word) tuples).
        const generic = a.newLabel();
        ifNotSmallInt(a, rdi, rax, generic);
        ifNotSmallInt(a, rsi, rax, generic);
        a.cmp(r14d, 2);
        a.je(differ);
        a.cmp(r14d, 3);
        a.je(differ);
        // The payload is the low 48 bits, sign-extended: shifting both left keeps the order.
        a.shl(rdi, 16);
        a.shl(rsi, 16);
        a.mov(edx, r14d);
        a.call(sym('rt_cont_cmp_result'));
        a.jmp(out);
        // Two exact strs: one three-way code-point compare (unicode_compare) answers both
        // the equality test and the ordering; str subclasses may override the operators.
        const notStrs = a.newLabel();
        a.bind(generic);
        ifNotExact(a, rdi, 'str', rax, rcx, notStrs);
        ifNotExact(a, rsi, 'str', rax, rcx, notStrs);
        a.call(sym('rt_str_cmp'));
        a.test(eax, eax);
        a.je(next);
        a.cmp(r14d, 2);
        a.je(differ);
        a.cmp(r14d, 3);
        a.je(differ);
        a.movsxd(rdi, eax);
        a.xor(esi, esi);
        a.mov(edx, r14d);
        a.call(sym('rt_cont_cmp_result'));
        a.jmp(out);
        a.bind(notStrs);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.je(differ);
        const raised = a.newLabel();
        a.js(raised);
        a.bind(next);
        a.inc(r15);
        a.jmp(loop);
        // No differing item within the shorter length: compare the lengths.
        a.bind(sizes);
        a.mov(rdi, r12);
        seqItems(a);
        a.push(rdx);
        a.mov(rdi, r13);
        seqItems(a);
        a.mov(rsi, rdx);
        a.pop(rdi);
        a.mov(edx, r14d);
        a.call(sym('rt_cont_cmp_result'));
        a.jmp(out);
        // Item r15 differs: == / != answer, other ops compare the items.
        a.bind(differ);
        a.cmp(r14d, 2);
        const notEq = a.newLabel();
        a.jne(notEq);
        a.mov(rax, g('rt_const_False'));
        a.jmp(out);
        a.bind(notEq);
        a.cmp(r14d, 3);
        const ordering = a.newLabel();
        a.jne(ordering);
        a.mov(rax, g('rt_const_True'));
        a.jmp(out);
        a.bind(ordering);
        a.mov(rdi, r13);
        seqItems(a);
        a.cmp(r15, rdx);
        a.jae(sizes);
        a.mov(rsi, qword(sib(rax, r15, 8)));
        a.push(rsi);
        a.mov(rdi, r12);
        seqItems(a);
        a.pop(rsi);
        a.cmp(r15, rdx);
        a.jae(sizes);
        a.mov(rdi, qword(sib(rax, r15, 8)));
        a.mov(edx, r14d);
        a.call(sym('rt_richcompare'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_binop_list',
      contract: 'rdi=a, rsi=b, edx=BINOPS index (+16 in place) -> rax=list + list, list * int, int * list, list += iterable (in place), list *= int; NotImplemented otherwise; or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        seqBinop(a, 'list');
      },
    },
    {
      name: 'rt_new_list',
      contract: 'the new slot of list: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> rax=empty list of that type (list.__new__ ignores its arguments; __init__ fills it); may allocate',
      emit(a: Assembler<any>) {
        a.xor(esi, esi);
        a.jmp(sym('rt_list_new_of'));
      },
    },
    {
      name: 'rt_init_list',
      contract: 'the init slot of list: rdi=self, rsi=args, rdx=nargs, rcx=kwnames -> rax=0 (self cleared, then extended by the iterable if given) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noArg = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.lea(r14, mem(rdx, 1));
        checkArgs(a, SPEC_INIT, r14, rcx, out);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.xor(esi, esi);
        callChecked(a, 'rt_list_resize', out);
        a.cmp(r14, 1);
        a.je(noArg);
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(r13)));
        callChecked(a, 'rt_list_extend', out);
        a.bind(noArg);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_list_from_iterable',
      contract: 'rdi=iterable -> rax=new list of its items (list(x)), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.xor(edi, edi);
        callChecked(a, 'rt_list_new', out);
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        callChecked(a, 'rt_list_extend', out);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    // ---- iterators ---------------------------------------------------------------------------
    {
      name: 'rt_iter_list',
      contract: 'rdi=list value -> rax=list_iterator over it; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_list_iterator')));
        a.xor(edx, edx);
        a.jmp(sym('rt_cont_seqiter_new'));
      },
    },
    {
      name: 'rt_cont_seqiter_new',
      contract: 'rdi=sequence value, rsi=iterator type address, rdx=first index -> rax=iterator value (SEQITER); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(edi, SEQITER_SIZE);
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, SEQITER.seq)), r12);
        a.mov(qword(mem(rax, SEQITER.index)), r13);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_next_list_iterator',
      contract: 'rdi=list_iterator -> rax=next item, or UNBOUND when exhausted (the list is then dropped); clobbers rax rcx rdx',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, SEQITER.seq)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rcx, SEQITER.index)));
        a.cmp(rdx, qword(mem(rax, LIST.length)));
        a.jae(end);
        a.inc(qword(mem(rcx, SEQITER.index)));
        a.mov(rax, qword(mem(rax, LIST.items)));
        unboxPtr(a, rax);
        a.mov(rax, qword(sib(rax, rdx, 8, VALUES.items)));
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rcx, SEQITER.seq)), rax);
        a.ret();
      },
    },
    {
      name: 'rt_list_reversed',
      contract: 'rdi=list value -> rax=list_reverseiterator (reversed(list)); may allocate',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rax, LIST.length)));
        a.dec(rdx);
        a.lea(rsi, rip(sym('type_list_reverseiterator')));
        a.jmp(sym('rt_cont_seqiter_new'));
      },
    },
    {
      name: 'rt_next_list_reverseiterator',
      contract: 'rdi=list_reverseiterator -> rax=next item (from the end), or UNBOUND when exhausted; clobbers rax rcx rdx',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, SEQITER.seq)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rcx, SEQITER.index)));
        a.cmp(rdx, qword(mem(rax, LIST.length))); // also catches index -1 (unsigned)
        a.jae(end);
        a.dec(qword(mem(rcx, SEQITER.index)));
        a.mov(rax, qword(mem(rax, LIST.items)));
        unboxPtr(a, rax);
        a.mov(rax, qword(sib(rax, rdx, 8, VALUES.items)));
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rcx, SEQITER.seq)), rax);
        a.ret();
      },
    },
    ...['list_iterator', 'list_reverseiterator'].map((t) => ({
      name: `rt_iter_${t}`,
      contract: `rdi=${t} -> rax=the iterator itself`,
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    })),
  ],
  data: [
    argSpecDatum(SPEC_INIT),
    cstr('msg_list_indices', 'list indices must be integers or slices, not %T'),
    cstr('msg_list_index_range', 'list index out of range'),
    cstr('msg_list_assign_range', 'list assignment index out of range'),
    cstr('msg_cont_index_size', "cannot fit 'int' into an index-sized integer"),
    cstr('msg_list_concat', 'can only concatenate list (not "%T") to list'),
    cstr('msg_tuple_concat', 'can only concatenate tuple (not "%T") to tuple'),
    cstr('msg_cont_repeat_type', "can't multiply sequence by non-int of type '%T'"),
    cstr('str_list_open', '['),
    cstr('str_list_close', ']'),
    { name: 'str_list_empty', section: 'rodata', align: 8, emit: (a) => emitStr(a, '[]') },
    { name: 'str_list_recursive', section: 'rodata', align: 8, emit: (a) => emitStr(a, '[...]') },
  ],
};

/** Jump to `no` unless `v` is an object whose type's layout id equals the register `id`. */
function ifNotObjLayout(a: Assembler<any>, v: typeof rax, id: typeof rax, no: Label): void {
  a.mov(rax, v);
  a.shr(rax, 48);
  a.cmp(eax, 0xfffc);
  a.jne(no);
  a.mov(rax, v);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.cmp(qword(mem(rax, TYPE.layout)), id);
  a.jne(no);
}

/** rax = -1 after raising "unhashable type: '%T'" for the value in rdi. */
export function unhashable(a: Assembler<any>): void {
  a.sub(rsp, 8);
  a.mov(rdx, rdi);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_unhashable')));
  a.call(sym('rt_raise_fmt'));
  a.add(rsp, 8);
  a.mov(rax, -1);
  a.ret();
}

/** `contains` of a list or tuple: items compared with == (item first), re-reading the length. */
export function seqContains(a: Assembler<any>, _kind: 'list' | 'tuple'): void {
  const saved = [r12, r13, r14] as const;
  const loop = a.newLabel();
  const no = a.newLabel();
  const out = a.newLabel();
  prologue(a, saved);
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.xor(r14, r14);
  a.bind(loop);
  a.mov(rdi, r12);
  a.call(sym('rt_cont_seqitems'));
  a.cmp(r14, rdx);
  a.jae(no);
  a.mov(rdi, qword(sib(rax, r14, 8)));
  a.mov(rsi, r13);
  a.inc(r14);
  a.call(sym('rt_eq'));
  a.test(eax, eax);
  a.je(loop);
  a.jmp(out);
  a.bind(no);
  a.xor(eax, eax);
  a.bind(out);
  epilogue(a, saved);
}

/**
 * The binop slot of list and tuple: `+` and `*` as CPython's sq_concat / sq_repeat, after
 * giving the other operand's binop slot its chance (its __radd__/__rmul__ come first, as
 * binary_op1 tries nb_add of both operands before sq_concat).
 */
export function seqBinop(a: Assembler<any>, kind: 'list' | 'tuple'): void {
  const saved = [rbp, r12, r13, r14] as const;
  const out = a.newLabel();
  const ni = a.newLabel();
  const notAdd = a.newLabel();
  const aIsSeq = a.newLabel();
  const concat = a.newLabel();
  const addForeign = a.newLabel();
  const mul = a.newLabel();
  const mulLeft = a.newLabel();
  const countReady = a.newLabel();
  prologue(a, saved);
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.mov(r14d, edx);
  a.mov(ebp, edx);
  a.and(ebp, 15);
  a.cmp(ebp, 0); // '+'
  a.jne(notAdd);
  ifNotLayout(a, r12, kind, rax, ni);
  a.bind(aIsSeq);
  ifNotLayout(a, r13, kind, rax, addForeign);
  a.bind(concat);
  if (kind === 'list') {
    const fresh = a.newLabel();
    a.test(r14d, 16);
    a.je(fresh);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    callChecked(a, 'rt_list_extend', out);
    a.mov(rax, r12);
    a.jmp(out);
    a.bind(fresh);
  }
  a.mov(rdi, r12);
  a.mov(rsi, r13);
  a.call(sym(`rt_${kind}_concat`));
  a.jmp(out);
  a.bind(addForeign);
  a.mov(rdi, r12);
  a.mov(rsi, r13);
  a.mov(edx, ebp);
  a.call(sym('rt_cont_try_reflected'));
  a.cmp(rax, g('rt_const_NotImplemented'));
  a.jne(out);
  if (kind === 'list') {
    const noExtend = a.newLabel();
    a.test(r14d, 16);
    a.je(noExtend);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    callChecked(a, 'rt_list_extend', out);
    a.mov(rax, r12);
    a.jmp(out);
    a.bind(noExtend);
  }
  a.mov(rdx, r13);
  raise(a, 'TypeError', `msg_${kind}_concat`, [rdx], out);
  a.bind(notAdd);
  a.cmp(ebp, 2); // '*'
  a.jne(ni);
  ifNotLayout(a, r12, kind, rax, mulLeft);
  // seq * n (or seq *= n): r12 the sequence, r13 the count.
  a.bind(mul);
  a.mov(rdi, r13);
  a.call(sym('rt_cont_index'));
  a.test(edx, edx);
  a.je(countReady);
  a.cmp(edx, 1);
  const badCount = a.newLabel();
  a.jne(badCount);
  raise(a, 'OverflowError', 'msg_cont_index_size', [], out);
  a.bind(badCount);
  a.mov(rdi, r12);
  a.mov(rsi, r13);
  a.mov(edx, ebp);
  a.call(sym('rt_cont_try_reflected'));
  a.cmp(rax, g('rt_const_NotImplemented'));
  a.jne(out);
  a.mov(rdx, r13);
  raise(a, 'TypeError', 'msg_cont_repeat_type', [rdx], out);
  a.bind(countReady);
  a.mov(rdi, r12);
  a.mov(rsi, rax);
  if (kind === 'list') {
    const fresh = a.newLabel();
    a.test(r14d, 16);
    a.je(fresh);
    a.call(sym('rt_list_irepeat'));
    a.jmp(out);
    a.bind(fresh);
  }
  a.call(sym(`rt_${kind}_repeat`));
  a.jmp(out);
  // n * seq: the other operand's slot was tried first by the generic dispatch.
  a.bind(mulLeft);
  ifNotLayout(a, r13, kind, rax, ni);
  a.and(r14d, 15); // n * seq is never in place
  a.xchg(r12, r13);
  a.mov(rdi, r13);
  a.call(sym('rt_cont_index'));
  a.test(edx, edx);
  a.je(countReady);
  a.cmp(edx, 1);
  const badLeft = a.newLabel();
  a.jne(badLeft);
  raise(a, 'OverflowError', 'msg_cont_index_size', [], out);
  a.bind(badLeft);
  a.mov(rdx, r13);
  raise(a, 'TypeError', 'msg_cont_repeat_type', [rdx], out);
  a.bind(ni);
  a.mov(rax, g('rt_const_NotImplemented'));
  a.bind(out);
  epilogue(a, saved);
}

