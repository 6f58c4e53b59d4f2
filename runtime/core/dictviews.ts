// Container runtime: dict iterators and views (Objects/dictobject.c of CPython 3.11).
//
// Iterators (DICTITER) remember the dict's size when they were made: a different size at
// the next step raises "dictionary changed size during iteration" (and keeps raising), and
// a pair found after the expected count ran out raises "dictionary keys changed during
// iteration". Forward iterators walk the entries up from 0, reverse ones down from the last;
// an exhausted iterator drops its dict. Views (dict_keys, dict_values, dict_items) hold the
// dict; their set algebra lives with the sets (setviews.ts).

import { type Assembler, dword, eax, ecx, edi, edx, mem, qword, r12, r13, r13d, r14, r15, r8, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DICT, DICTITER, DICTVIEW, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { callChecked, ifNotExact } from './listshared.js';
import { dictEntries } from './dict.js';
import { unhashable } from './list.js';

type Kind = 'key' | 'value' | 'item';
const KINDS: readonly Kind[] = ['key', 'value', 'item'];
const VIEW_OF: Record<Kind, string> = { key: 'dict_keys', value: 'dict_values', item: 'dict_items' };

/** A size that never equals a dict's: set after a size change so the error repeats. */
const USED_POISON = 1n << 47n;

/** rax = the iterator's result for the pair in rdx (key), rcx (value); may allocate for items. */
function result(a: Assembler<any>, kind: Kind): void {
  if (kind === 'key') a.mov(rax, rdx);
  else if (kind === 'value') a.mov(rax, rcx);
  else {
    a.mov(rdi, rdx);
    a.mov(rsi, rcx);
    a.jmp(sym('rt_tuple_pack2'));
    return;
  }
  a.ret();
}

function iterNext(kind: Kind, reverse: boolean): RuntimeRoutine {
  const type = `dict_${reverse ? 'reverse' : ''}${kind}iterator`;
  return {
    name: `rt_next_${type}`,
    contract: `rdi=${type} -> rax=next ${kind}, UNBOUND when exhausted, or EXC (RuntimeError when the dict changed); may allocate`,
    emit(a: Assembler<any>) {
      const done = a.newLabel();
      a.sub(rsp, 8);
      a.call(sym(reverse ? 'rt_dict_iter_back' : 'rt_dict_iter_step'));
      a.add(rsp, 8);
      a.test(rax, rax);
      a.js(done);
      result(a, kind);
      a.bind(done);
      a.cmp(rax, -1);
      a.mov(rax, g('rt_const_unbound'));
      a.cmovne(rax, g('rt_const_exc'));
      a.ret();
    },
  };
}


export const dictViewsModule: RuntimeModule = {
  name: 'dictviews',
  types: [
    ...KINDS.flatMap((k) => [
      { name: `dict_${k}iterator`, layout: 'iterator' as const },
      { name: `dict_reverse${k}iterator`, layout: 'iterator' as const },
    ]),
    ...KINDS.map((k) => ({ name: VIEW_OF[k], layout: 'fixed' as const })),
  ],
  routines: [
    // dict_keys and dict_items compare as sets, so their hash is PyObject_HashNotImplemented
    // (dict_values keeps the identity hash), dictobject.c.
    ...(['keys', 'items'] as const).map((k) => ({
      name: `rt_hash_dict_${k}`,
      contract: `hash slot of dict_${k}: rdi=view -> rax=-1 with TypeError "unhashable type: 'dict_${k}'"; may allocate`,
      emit(a: Assembler<any>) {
        unhashable(a);
      },
    })),
    {
      name: 'rt_dict_iter_new',
      contract: 'rdi=dict value, rsi=iterator type address, edx=1 for a reverse iterator -> rax=iterator value; may allocate',
      emit(a: Assembler<any>) {
        const fwd = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13d, edx);
        a.mov(edi, DICTITER.size);
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, DICTITER.dict)), r12);
        unboxPtr(a, r12);
        a.mov(rcx, qword(mem(r12, DICT.used)));
        a.mov(qword(mem(rax, DICTITER.used)), rcx);
        a.mov(qword(mem(rax, DICTITER.remaining)), rcx);
        a.xor(ecx, ecx);
        a.test(r13d, r13d);
        a.je(fwd);
        a.mov(rcx, qword(mem(r12, DICT.nentries)));
        a.dec(rcx);
        a.bind(fwd);
        a.mov(qword(mem(rax, DICTITER.pos)), rcx);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_dict_iter_step',
      contract: 'rdi=forward dict iterator -> rax=entry number (rdx=key, rcx=value), -1 when exhausted, -2 with RuntimeError raised; may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        const scan = a.newLabel();
        const found = a.newLabel();
        const resized = a.newLabel();
        const changed = a.newLabel();
        a.mov(rsi, rdi);
        unboxPtr(a, rsi); // iterator (raw)
        a.mov(rdi, qword(mem(rsi, DICTITER.dict)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, DICT.used)));
        a.cmp(rax, qword(mem(rsi, DICTITER.used)));
        a.jne(resized);
        a.mov(rax, qword(mem(rsi, DICTITER.pos)));
        dictEntries(a, r8, rdi);
        a.bind(scan);
        a.cmp(rax, qword(mem(rdi, DICT.nentries)));
        a.jae(end);
        a.mov(rcx, rax);
        a.shl(rcx, 4);
        a.mov(rdx, qword(sib(r8, rcx, 1, 0)));
        a.cmp(rdx, g('rt_const_unbound'));
        a.jne(found);
        a.inc(rax);
        a.jmp(scan);
        a.bind(found);
        a.cmp(qword(mem(rsi, DICTITER.remaining)), 0);
        a.je(changed);
        a.dec(qword(mem(rsi, DICTITER.remaining)));
        a.mov(rcx, qword(sib(r8, rcx, 1, 8)));
        a.lea(r8, mem(rax, 1));
        a.mov(qword(mem(rsi, DICTITER.pos)), r8);
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rsi, DICTITER.dict)), rax);
        a.mov(rax, -1);
        a.ret();
        a.bind(resized);
        a.mov(rax, USED_POISON);
        a.mov(qword(mem(rsi, DICTITER.used)), rax);
        a.lea(rsi, rip(sym('msg_dict_changed_size')));
        raiseRuntime(a);
        a.bind(changed);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rsi, DICTITER.dict)), rax);
        a.lea(rsi, rip(sym('msg_dict_keys_changed')));
        raiseRuntime(a);
      },
    },
    {
      name: 'rt_dict_iter_back',
      contract: 'rdi=reverse dict iterator -> rax=entry number (rdx=key, rcx=value), -1 when exhausted, -2 with RuntimeError raised; may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        const scan = a.newLabel();
        const found = a.newLabel();
        const resized = a.newLabel();
        a.mov(rsi, rdi);
        unboxPtr(a, rsi);
        a.mov(rdi, qword(mem(rsi, DICTITER.dict)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, DICT.used)));
        a.cmp(rax, qword(mem(rsi, DICTITER.used)));
        a.jne(resized);
        a.mov(rax, qword(mem(rsi, DICTITER.pos)));
        dictEntries(a, r8, rdi);
        a.bind(scan);
        a.test(rax, rax);
        a.js(end);
        a.cmp(rax, qword(mem(rdi, DICT.nentries)));
        const inRange = a.newLabel();
        a.jb(inRange);
        a.dec(rax);
        a.jmp(scan);
        a.bind(inRange);
        a.mov(rcx, rax);
        a.shl(rcx, 4);
        a.mov(rdx, qword(sib(r8, rcx, 1, 0)));
        a.cmp(rdx, g('rt_const_unbound'));
        a.jne(found);
        a.dec(rax);
        a.jmp(scan);
        a.bind(found);
        a.dec(qword(mem(rsi, DICTITER.remaining)));
        a.mov(rcx, qword(sib(r8, rcx, 1, 8)));
        a.lea(r8, mem(rax, -1));
        a.mov(qword(mem(rsi, DICTITER.pos)), r8);
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rsi, DICTITER.dict)), rax);
        a.mov(rax, -1);
        a.ret();
        a.bind(resized);
        a.mov(rax, USED_POISON);
        a.mov(qword(mem(rsi, DICTITER.used)), rax);
        a.lea(rsi, rip(sym('msg_dict_changed_size')));
        raiseRuntime(a);
      },
    },
    ...KINDS.flatMap((k) => [iterNext(k, false), iterNext(k, true)]),
    ...KINDS.flatMap((k) => [`dict_${k}iterator`, `dict_reverse${k}iterator`]).map((t) => ({
      name: `rt_iter_${t}`,
      contract: `rdi=${t} -> rax=the iterator itself`,
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    })),
    {
      name: 'rt_iter_dict',
      contract: 'rdi=dict value -> rax=dict_keyiterator over it; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_dict_keyiterator')));
        a.xor(edx, edx);
        a.jmp(sym('rt_dict_iter_new'));
      },
    },
    {
      name: 'rt_dict_reversed',
      contract: 'rdi=dict value -> rax=dict_reversekeyiterator (reversed(dict)); may allocate',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_dict_reversekeyiterator')));
        a.mov(edx, 1);
        a.jmp(sym('rt_dict_iter_new'));
      },
    },
    {
      name: 'rt_dict_view_new',
      contract: 'rdi=dict value, rsi=view type address (dict_keys, dict_values, dict_items) -> rax=view value; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.mov(edi, DICTVIEW.size);
        a.call(sym('rt_alloc'));
        a.pop(rdi);
        a.mov(dword(mem(rax, 12)), 1); // fixed layout: one value field
        a.mov(qword(mem(rax, DICTVIEW.dict)), rdi);
        boxPtr(a, rax, rcx);
        a.ret();
      },
    },
    ...KINDS.flatMap((k): RuntimeRoutine[] => [
      {
        name: `rt_len_${VIEW_OF[k]}`,
        contract: `rdi=${VIEW_OF[k]} -> rax=length of its dict; clobbers rax`,
        emit(a: Assembler<any>) {
          a.mov(rax, rdi);
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, DICTVIEW.dict)));
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, DICT.used)));
          a.ret();
        },
      },
      {
        name: `rt_iter_${VIEW_OF[k]}`,
        contract: `rdi=${VIEW_OF[k]} -> rax=dict_${k}iterator over its dict; may allocate`,
        emit(a: Assembler<any>) {
          a.mov(rax, rdi);
          unboxPtr(a, rax);
          a.mov(rdi, qword(mem(rax, DICTVIEW.dict)));
          a.lea(rsi, rip(sym(`type_dict_${k}iterator`)));
          a.xor(edx, edx);
          a.jmp(sym('rt_dict_iter_new'));
        },
      },
      {
        name: `rt_${VIEW_OF[k]}_reversed`,
        contract: `rdi=${VIEW_OF[k]} -> rax=dict_reverse${k}iterator over its dict (reversed(view)); may allocate`,
        emit(a: Assembler<any>) {
          a.mov(rax, rdi);
          unboxPtr(a, rax);
          a.mov(rdi, qword(mem(rax, DICTVIEW.dict)));
          a.lea(rsi, rip(sym(`type_dict_reverse${k}iterator`)));
          a.mov(edx, 1);
          a.jmp(sym('rt_dict_iter_new'));
        },
      },
      {
        name: `rt_repr_${VIEW_OF[k]}`,
        contract: `rdi=${VIEW_OF[k]} -> rax=str "${VIEW_OF[k]}([...])" ("..." inside itself) or EXC; may allocate, may raise`,
        emit(a: Assembler<any>) {
          const out = a.newLabel();
          const recursive = a.newLabel();
          const fail = a.newLabel();
          prologue(a, [r12, r13]);
          a.mov(r12, rdi);
          a.call(sym('rt_cont_repr_enter'));
          a.test(eax, eax);
          a.jg(recursive);
          a.jl(out);
          a.mov(rdi, r12);
          callChecked(a, 'rt_list_from_iterable', fail);
          a.mov(rdi, rax);
          callChecked(a, 'rt_repr', fail);
          a.mov(r13, rax);
          a.call(sym('rt_cont_repr_leave'));
          a.mov(edi, 32);
          a.call(sym('rt_sb_new'));
          a.mov(rdi, rax);
          a.lea(rsi, rip(sym(`str_${VIEW_OF[k]}_open`)));
          a.call(sym('rt_sb_append_cstr'));
          a.mov(rdi, rax);
          a.mov(rsi, r13);
          a.call(sym('rt_sb_append_str'));
          a.mov(rdi, rax);
          a.lea(rsi, rip(sym('str_paren_close')));
          a.call(sym('rt_sb_append_cstr'));
          a.mov(rdi, rax);
          a.call(sym('rt_sb_finish'));
          a.bind(out);
          epilogue(a, [r12, r13]);
          a.bind(recursive);
          a.lea(rdi, rip(sym('str_view_recursive')));
          a.mov(rsi, 3);
          a.call(sym('rt_str_from_ascii'));
          a.jmp(out);
          a.bind(fail);
          a.call(sym('rt_cont_repr_leave'));
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
        },
      },
    ]),
    {
      name: 'rt_contains_dict_keys',
      contract: 'rdi=dict_keys, rsi=value -> eax=1 if it is a key, 0 if not, -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, DICTVIEW.dict)));
        a.jmp(sym('rt_contains_dict'));
      },
    },
    {
      name: 'rt_contains_dict_items',
      contract: 'rdi=dict_items, rsi=value -> eax=1 if value is a (key, value) pair of the dict, 0 if not (anything but a 2-tuple), -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const no = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        ifNotExact(a, rsi, 'tuple', rax, rcx, no);
        a.mov(r12, rsi);
        unboxPtr(a, r12);
        a.cmp(qword(mem(r12, TUPLE.length)), 2);
        a.jne(no);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, DICTVIEW.dict)));
        a.mov(rsi, qword(mem(r12, TUPLE.items)));
        a.call(sym('rt_dict_getitem'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(no);
        const ok = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.jne(ok);
        a.mov(eax, -1);
        a.jmp(out);
        a.bind(ok);
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(r12, TUPLE.items + 8)));
        a.call(sym('rt_eq'));
        a.jmp(out);
        a.bind(no);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_contains_dict_values',
      contract: 'rdi=dict_values, rsi=value -> eax=1 if some value == it (iteration, as the generic `in`), 0 if not, -1 if raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const out = a.newLabel();
        const no = a.newLabel();
        const fail = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r13, rsi);
        a.call(sym('rt_iter_dict_values'));
        a.mov(r12, rax);
        a.bind(loop);
        a.mov(rdi, r12);
        callChecked(a, 'rt_next_dict_valueiterator', fail);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(no);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.je(loop);
        a.jmp(out);
        a.bind(no);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(fail);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
  ],
  data: [
    cstr('msg_dict_changed_size', 'dictionary changed size during iteration'),
    cstr('msg_dict_keys_changed', 'dictionary keys changed during iteration'),
    cstr('str_view_recursive', '...'),
    ...KINDS.map((k) => cstr(`str_${VIEW_OF[k]}_open`, `${VIEW_OF[k]}(`)),
  ],
};

/** Raise RuntimeError with the cstr in rsi; rax = -2. */
function raiseRuntime(a: Assembler<any>): void {
  a.sub(rsp, 8);
  a.lea(rdi, rip(sym('type_RuntimeError')));
  a.call(sym('rt_raise_cstr'));
  a.add(rsp, 8);
  a.mov(rax, -2);
  a.ret();
}
