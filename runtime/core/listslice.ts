// Container runtime: slicing lists and tuples (getting, assigning, deleting).
//
// Follows Objects/listobject.c and tupleobject.c of CPython 3.11: list_subscript and
// tuplesubscript for reads, list_ass_subscript for writes. A slice is unpacked first (which
// may run Python code), then adjusted against the length at that moment. Simple slices
// (step 1) go through list_ass_slice, which may change the list's length; extended slices
// keep it ("attempt to assign sequence of size 1 to extended slice of size 2"). The value
// assigned is turned into a list or tuple first (PySequence_Fast), and `a[::-1] = a` copies
// `a` first.

import { type Assembler, eax, ebp, esi, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { LAYOUTS, LIST, TUPLE, TYPE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { callChecked, ifNotExact, raise } from './listshared.js';
import { listItems } from './list.js';
import { SLICEOUT } from './slice.js';

/** Move `count` words from `src` to `dst` (regions may overlap). Clobbers rax, rcx, rsi, rdi. */
function memmoveWords(a: Assembler<any>, dst: typeof rax, src: typeof rax, count: typeof rax): void {
  const back = a.newLabel();
  const done = a.newLabel();
  const loop = a.newLabel();
  a.mov(rcx, count);
  a.mov(rsi, src);
  a.mov(rdi, dst);
  a.test(rcx, rcx);
  a.je(done);
  a.cmp(rdi, rsi);
  a.ja(back);
  a.rep_movsq();
  a.jmp(done);
  a.bind(back);
  a.bind(loop);
  a.dec(rcx);
  a.mov(rax, qword(sib(rsi, rcx, 8)));
  a.mov(qword(sib(rdi, rcx, 8)), rax);
  a.test(rcx, rcx);
  a.jne(loop);
  a.bind(done);
}

/** rax = raw address of the list value in `v`. */
function rawList(a: Assembler<any>, dst: typeof rax, v: typeof rax): void {
  a.mov(dst, v);
  unboxPtr(a, dst);
}

export const listSliceModule: RuntimeModule = {
  name: 'listslice',
  routines: [
    {
      name: 'rt_cont_getslice',
      contract: 'rdi=list or tuple value, rsi=slice value -> rax=new list (for a list) or tuple (for a tuple; an exact tuple sliced whole is returned as is) of the items selected, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const listResult = a.newLabel();
        const fill = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const emptyTuple = a.newLabel();
        const fresh = a.newLabel();
        prologue(a, saved, SLICEOUT.size);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        a.mov(rsi, rsp);
        a.call(sym('rt_slice_unpack'));
        a.test(rax, rax);
        const unpacked = a.newLabel();
        a.je(unpacked);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(unpacked);
        a.mov(rdi, r12);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rbx, rdx); // length
        a.mov(rdi, rsp);
        a.mov(rsi, rdx);
        a.call(sym('rt_slice_adjust'));
        a.mov(r13, rax); // items selected
        rawList(a, rax, r12);
        a.mov(rax, qword(mem(rax)));
        a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.list.id);
        a.je(listResult);
        a.test(r13, r13);
        a.je(emptyTuple);
        ifNotExact(a, r12, 'tuple', rax, rcx, fresh);
        a.cmp(r13, rbx);
        a.jne(fresh);
        a.cmp(qword(mem(rsp, SLICEOUT.step)), 1);
        a.jne(fresh);
        a.mov(rax, r12); // a whole exact tuple: itself
        a.jmp(out);
        a.bind(fresh);
        a.mov(rdi, r13);
        a.call(sym('rt_tuple_alloc'));
        a.lea(r15, mem(rax, TUPLE.items));
        a.mov(r14, rax);
        boxPtr(a, r14, rcx);
        a.jmp(fill);
        a.bind(listResult);
        a.mov(rdi, r13);
        callChecked(a, 'rt_list_new', out);
        a.mov(r14, rax);
        rawList(a, rax, r14);
        a.mov(qword(mem(rax, LIST.length)), r13);
        listItems(a, r15, rax);
        // dst[i] = src[start + i * step]
        a.bind(fill);
        a.mov(rdi, r12);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rcx, qword(mem(rsp, SLICEOUT.start)));
        a.mov(rdx, qword(mem(rsp, SLICEOUT.step)));
        a.xor(esi, esi);
        a.bind(loop);
        a.cmp(rsi, r13);
        a.jae(done);
        a.mov(rdi, qword(sib(rax, rcx, 8)));
        a.mov(qword(sib(r15, rsi, 8)), rdi);
        a.add(rcx, rdx);
        a.inc(rsi);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        a.bind(out);
        epilogue(a, saved, SLICEOUT.size);
        a.bind(emptyTuple);
        a.mov(rax, g('rt_const_empty_tuple'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_list_copy',
      contract: 'rdi=list or tuple value -> rax=new list of its items, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        a.call(sym('rt_cont_seqitems'));
        a.mov(rdi, rax);
        a.mov(rsi, rdx);
        a.jmp(sym('rt_list_from_values'));
      },
    },
    {
      name: 'rt_cont_seqfast',
      contract: 'rdi=value, rsi=TypeError message (cstr) for a non-iterable -> rax=the value itself if an exact list or tuple, else a new list of its items (PySequence_Fast), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const notList = a.newLabel();
        const other = a.newLabel();
        const notIterable = a.newLabel();
        ifNotExact(a, rdi, 'list', rax, rcx, notList);
        a.mov(rax, rdi);
        a.ret();
        a.bind(notList);
        ifNotExact(a, rdi, 'tuple', rax, rcx, other);
        a.mov(rax, rdi);
        a.ret();
        a.bind(other);
        a.call(sym('rt_type_of')); // preserves rdi and rsi
        a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
        a.je(notIterable);
        a.jmp(sym('rt_list_from_iterable'));
        a.bind(notIterable);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_list_assslice',
      contract: 'rdi=list value, rsi=ilow, rdx=ihigh, rcx=iterable or UNBOUND to delete -> rax=0 or EXC (list_ass_slice: a[ilow:ihigh] = v, bounds clamped); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const noValue = a.newLabel();
        const notSelf = a.newLabel();
        const notClear = a.newLabel();
        const shrink = a.newLabel();
        const copyItems = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(rbp, rsi);
        a.mov(rbx, rdx);
        a.mov(r13, rcx);
        a.xor(r14, r14); // the sequence assigned (list or tuple value), 0 when deleting
        a.xor(r15, r15); // its length
        a.cmp(r13, g('rt_const_unbound'));
        a.je(noValue);
        a.cmp(r13, r12);
        a.jne(notSelf);
        a.mov(rdi, r12);
        callChecked(a, 'rt_list_copy', out);
        a.mov(r13, rax);
        a.bind(notSelf);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('msg_list_assign_iterable')));
        callChecked(a, 'rt_cont_seqfast', out);
        a.mov(r14, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_cont_seqitems'));
        a.mov(r15, rdx);
        a.bind(noValue);
        // Clamp: 0 <= ilow <= len, ilow <= ihigh <= len.
        rawList(a, rax, r12);
        a.mov(rcx, qword(mem(rax, LIST.length)));
        const lowOk = a.newLabel();
        const lowNonNeg = a.newLabel();
        a.test(rbp, rbp);
        a.jns(lowNonNeg);
        a.xor(ebp, ebp);
        a.bind(lowNonNeg);
        a.cmp(rbp, rcx);
        a.jle(lowOk);
        a.mov(rbp, rcx);
        a.bind(lowOk);
        const highOk = a.newLabel();
        const highAbove = a.newLabel();
        a.cmp(rbx, rbp);
        a.jge(highAbove);
        a.mov(rbx, rbp);
        a.bind(highAbove);
        a.cmp(rbx, rcx);
        a.jle(highOk);
        a.mov(rbx, rcx);
        a.bind(highOk);
        // d = n - (ihigh - ilow)
        a.mov(rdx, r15);
        a.sub(rdx, rbx);
        a.add(rdx, rbp);
        a.mov(qword(mem(rsp)), rdx);
        a.lea(rsi, sib(rcx, rdx, 1));
        a.test(rsi, rsi);
        a.jne(notClear);
        a.mov(rdi, rax);
        a.call(sym('rt_list_resize'));
        a.jmp(out);
        a.bind(notClear);
        a.test(rdx, rdx);
        a.je(copyItems);
        a.js(shrink);
        // Grow: resize, then move [ihigh, old length) up by d.
        a.mov(rdi, rax);
        callChecked(a, 'rt_list_resize', out);
        rawList(a, rdx, r12);
        listItems(a, r8, rdx);
        a.mov(r9, qword(mem(rdx, LIST.length)));
        a.sub(r9, qword(mem(rsp))); // old length
        a.sub(r9, rbx);
        a.mov(r10, qword(mem(rsp)));
        a.add(r10, rbx);
        a.lea(r10, sib(r8, r10, 8));
        a.lea(r11, sib(r8, rbx, 8));
        memmoveWords(a, r10, r11, r9);
        a.jmp(copyItems);
        // Shrink: move [ihigh, length) down by -d, then resize.
        a.bind(shrink);
        listItems(a, r8, rax);
        a.mov(r9, rcx);
        a.sub(r9, rbx);
        a.lea(r10, sib(rbx, rdx, 1));
        a.lea(r10, sib(r8, r10, 8));
        a.lea(r11, sib(r8, rbx, 8));
        memmoveWords(a, r10, r11, r9);
        rawList(a, rdi, r12);
        a.mov(rsi, qword(mem(rdi, LIST.length)));
        a.add(rsi, qword(mem(rsp)));
        callChecked(a, 'rt_list_resize', out);
        a.bind(copyItems);
        a.test(r15, r15);
        a.je(done);
        a.mov(rdi, r14);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rsi, rax);
        rawList(a, rax, r12);
        listItems(a, rdi, rax);
        a.lea(rdi, sib(rdi, rbp, 8));
        a.mov(rcx, r15);
        a.rep_movsq();
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_list_setslice',
      contract: 'rdi=list value, rsi=slice, rdx=iterable or UNBOUND to delete -> rax=0 or EXC (list_ass_subscript with a slice); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const extended = a.newLabel();
        const assign = a.newLabel();
        const ret0 = a.newLabel();
        prologue(a, saved, SLICEOUT.size + 8);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(rdi, rsi);
        a.mov(rsi, rsp);
        a.call(sym('rt_slice_unpack'));
        a.test(rax, rax);
        const unpacked = a.newLabel();
        a.je(unpacked);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(unpacked);
        rawList(a, rax, r12);
        a.mov(rdi, rsp);
        a.mov(rsi, qword(mem(rax, LIST.length)));
        a.call(sym('rt_slice_adjust'));
        a.mov(rbx, rax); // slicelength
        a.cmp(qword(mem(rsp, SLICEOUT.step)), 1);
        a.jne(extended);
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(rsp, SLICEOUT.start)));
        a.mov(rdx, qword(mem(rsp, SLICEOUT.stop)));
        a.mov(rcx, r13);
        a.call(sym('rt_list_assslice'));
        a.jmp(out);
        a.bind(extended);
        // s[5:2] = ... inserts before 5: stop = start when the range runs against the step.
        a.mov(r14, qword(mem(rsp, SLICEOUT.start)));
        a.mov(r15, qword(mem(rsp, SLICEOUT.stop)));
        a.mov(rbp, qword(mem(rsp, SLICEOUT.step)));
        const stopOk = a.newLabel();
        const posStep = a.newLabel();
        a.test(rbp, rbp);
        a.jns(posStep);
        a.cmp(r14, r15);
        a.jge(stopOk);
        a.mov(r15, r14);
        a.jmp(stopOk);
        a.bind(posStep);
        a.cmp(r14, r15);
        a.jle(stopOk);
        a.mov(r15, r14);
        a.bind(stopOk);
        a.cmp(r13, g('rt_const_unbound'));
        a.jne(assign);
        // Delete every step-th item: close the gaps from left to right, then resize.
        a.test(rbx, rbx);
        a.jle(ret0);
        const fwd = a.newLabel();
        a.test(rbp, rbp);
        a.jns(fwd);
        // step < 0: stop = start + 1; start = stop + step * (slicelength - 1) - 1; step = -step
        a.lea(r15, mem(r14, 1));
        a.lea(rax, mem(rbx, -1));
        a.imul(rax, rbp);
        a.lea(r14, sib(r15, rax, 1, -1));
        a.neg(rbp);
        a.bind(fwd);
        rawList(a, rax, r12);
        listItems(a, r8, rax);
        a.mov(r9, qword(mem(rax, LIST.length))); // size
        a.mov(qword(mem(rsp, SLICEOUT.size)), r14); // start
        a.xor(r10, r10); // i
        const gap = a.newLabel();
        const gapsDone = a.newLabel();
        a.bind(gap);
        a.cmp(r14, r15);
        a.jae(gapsDone);
        // lim = step - 1, or size - cur - 1 near the end
        a.lea(r11, mem(rbp, -1));
        a.lea(rax, sib(r14, rbp, 1));
        const limOk = a.newLabel();
        a.cmp(rax, r9);
        a.jb(limOk);
        a.mov(r11, r9);
        a.sub(r11, r14);
        a.dec(r11);
        a.bind(limOk);
        a.mov(rdx, r14);
        a.sub(rdx, r10);
        a.lea(rdx, sib(r8, rdx, 8));
        a.lea(rax, sib(r8, r14, 8, 8));
        memmoveWords(a, rdx, rax, r11);
        a.add(r14, rbp);
        a.inc(r10);
        a.jmp(gap);
        a.bind(gapsDone);
        // cur = start + slicelength * step; move the tail [cur, size) down by slicelength.
        a.mov(rax, rbx);
        a.imul(rax, rbp);
        a.add(rax, qword(mem(rsp, SLICEOUT.size)));
        const noTail = a.newLabel();
        a.cmp(rax, r9);
        a.jae(noTail);
        a.mov(r11, r9);
        a.sub(r11, rax);
        a.lea(rdx, sib(r8, rax, 8));
        a.neg(rbx);
        a.lea(rax, sib(rdx, rbx, 8));
        a.neg(rbx);
        memmoveWords(a, rax, rdx, r11);
        a.bind(noTail);
        rawList(a, rdi, r12);
        a.mov(rsi, r9);
        a.sub(rsi, rbx);
        a.call(sym('rt_list_resize'));
        a.jmp(out);
        // Assign item by item; the sizes must agree.
        a.bind(assign);
        const notSelf = a.newLabel();
        a.cmp(r13, r12);
        a.jne(notSelf);
        a.mov(rdi, r12);
        callChecked(a, 'rt_list_copy', out);
        a.mov(r13, rax);
        a.bind(notSelf);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('msg_list_assign_extended')));
        callChecked(a, 'rt_cont_seqfast', out);
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_cont_seqitems'));
        const sizesOk = a.newLabel();
        a.cmp(rdx, rbx);
        a.je(sizesOk);
        raise(a, 'ValueError', 'msg_list_extended_size', [rdx, rbx], out);
        a.bind(sizesOk);
        // Python code run while making the sequence may have shrunk the list: stores past
        // its current end are skipped.
        rawList(a, rcx, r12);
        listItems(a, r8, rcx);
        a.mov(r9, qword(mem(rcx, LIST.length)));
        a.xor(esi, esi);
        const put = a.newLabel();
        const skip = a.newLabel();
        a.bind(put);
        a.cmp(rsi, rbx);
        a.jae(ret0);
        a.cmp(r14, r9);
        a.jae(skip);
        a.mov(rdi, qword(sib(rax, rsi, 8)));
        a.mov(qword(sib(r8, r14, 8)), rdi);
        a.bind(skip);
        a.add(r14, rbp);
        a.inc(rsi);
        a.jmp(put);
        a.bind(ret0);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, SLICEOUT.size + 8);
      },
    },
  ],
  data: [
    cstr('msg_list_assign_iterable', 'can only assign an iterable'),
    cstr('msg_list_assign_extended', 'must assign iterable to extended slice'),
    cstr('msg_list_extended_size', 'attempt to assign sequence of size %d to extended slice of size %d'),
  ],
};
