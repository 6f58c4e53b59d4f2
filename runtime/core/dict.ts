// Container runtime: dict objects, the compact ordered hash table (Objects/dictobject.c of
// CPython 3.11).
//
//   dict (DICT)             keys ─────► DICTKEYS (raw)                entries ──► values array
//   +16 used                          +16 log2 size                    [k0, v0, k1, v1, ...]
//   +24 version                       +24 mask = size - 1              key UNBOUND = deleted
//   +32 keys    (0 = no table yet)    +32 i32 indices[size]            (insertion order)
//   +40 entries                           -1 empty, -2 dummy, else entry number
//   +48 nentries (pairs in use)       +32+4*size i64 hashes[usable]
//   +56 usable (pairs left)
//
// Lookups probe indices with CPython's sequence (i = i*5 + perturb + 1, perturb >>= 5) and
// compare a candidate by identity, then by stored hash and equality: exact strs directly,
// anything else through rt_eq, after which the lookup restarts if the comparison changed
// the table (lookdict's DKIX_KEY_CHANGED). Deleting leaves a dummy index and an UNBOUND
// entry; a table with no usable pair left is rebuilt at the size for used*3 (GROWTH_RATE),
// which also compacts the entries. A table of 2^n indices holds 2^(n+1)/3 pairs
// (USABLE_FRACTION), except the smallest: the first insertion allocates 4 indices for 3
// pairs (CPython starts at 8 for 5; the order of a compact dict does not depend on its
// table size, and one empty index always remains, so probing ends). Instance dicts of up to
// three attributes take 64 + 80 + 80 bytes instead of 64 + 112 + 112 (binary_trees' nodes:
// 320 -> 256 bytes). `version` changes with every mutation (inline caches compare it).

import { type Assembler, al, cl, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r11, r12, r13, r14, r14d, r15, r15d, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DICT, DICTKEYS, STR, TYPE, UNBOUND, VALUES, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { callChecked, ifNotExact, ifNotLayout } from './listshared.js';
import { unhashable } from './list.js';

/** Pairs a table of `size` indices may hold (USABLE_FRACTION). */
export function usableFraction(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** Byte offset of the hash array in a DICTKEYS object of `size` indices. */
export function dictHashesOffset(size: number): number {
  return DICTKEYS.indices + 4 * size;
}

/** Bytes of a DICTKEYS object of `size` indices. */
export function dictKeysBytes(size: number): number {
  return dictHashesOffset(size) + 8 * usableFraction(size);
}

/** log2 of the table size for `minsize` indices (calculate_log2_keysize): at least 3. */
export function log2KeySize(minsize: number): number {
  let n = 3;
  while (1 << n < minsize) n++;
  return n;
}

/** Table size for a dict about to hold `n` items (estimate_log2_keysize). */
export function estimateLog2(n: number): number {
  return log2KeySize(Math.floor((n * 3 + 1) / 2));
}

/** The largest table: 2^32 indices (i32 entry numbers). */
const MAX_LOG2 = 32;
/** The first table of a dict: 2^2 indices, SMALL_USABLE pairs (the only table not at USABLE_FRACTION). */
const FIRST_LOG2 = 2;
const SMALL_USABLE = 3;

/** rax = raw address of the dict's DICTKEYS object (`d` raw), or jump to `none` when absent. */
export function dictKeys(a: Assembler<any>, dst: typeof rax, d: typeof rax, none?: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(dst, qword(mem(d, DICT.keys)));
  if (none !== undefined) {
    a.test(dst, dst);
    a.je(none);
  }
  unboxPtr(a, dst);
}

/** dst = raw address of the first entry word (key 0) of the raw dict `d`. */
export function dictEntries(a: Assembler<any>, dst: typeof rax, d: typeof rax): void {
  a.mov(dst, qword(mem(d, DICT.entries)));
  unboxPtr(a, dst);
  a.add(dst, VALUES.items);
}

/** dst = address of hashes[0] of the DICTKEYS object `dk` (clobbers nothing else). */
export function dictHashes(a: Assembler<any>, dst: typeof rax, dk: typeof rax): void {
  if (dst === dk) throw new Error('dictHashes: dst must differ from dk');
  a.mov(dst, qword(mem(dk, DICTKEYS.mask)));
  a.lea(dst, sib(dk, dst, 4, DICTKEYS.indices + 4));
}

export const dictModule: RuntimeModule = {
  name: 'dict',
  types: [{ name: 'dictindex', layout: 'raw' }],
  routines: [
    {
      name: 'rt_dict_new_of',
      contract: 'rdi=type address (dict or a subclass) -> rax=empty dict value of that type; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.mov(rsi, rdi);
        a.mov(edi, DICT.size);
        a.mov(rax, qword(mem(rsi, TYPE.instanceSize)));
        a.cmp(rax, rdi);
        a.cmova(rdi, rax);
        a.call(sym('rt_alloc'));
        a.pop(rdi);
        // A subclass's instance has its instance-dict word after the dict (classes.ts): unset.
        const plain = a.newLabel();
        a.cmp(qword(mem(rdi, TYPE.instanceSize)), DICT.size);
        a.jbe(plain);
        a.mov(rcx, UNBOUND);
        a.mov(qword(mem(rax, DICT.size)), rcx);
        a.bind(plain);
        boxPtr(a, rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_dict_new',
      contract: '-> rax=new empty dict value (no table until the first insertion); may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_dict')));
        a.jmp(sym('rt_dict_new_of'));
      },
    },
    {
      name: 'rt_dict_table_new',
      contract: 'rdi=log2 of the index count (2..32) -> rax=raw DICTKEYS object (indices all empty), rdx=raw entries array (2 * usable words), or rax=EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const tooBig = a.newLabel();
        prologue(a, saved);
        a.cmp(rdi, MAX_LOG2);
        a.ja(tooBig);
        a.mov(r12, rdi);
        a.mov(r13, 1);
        a.mov(ecx, edi);
        a.shl(r13, cl);
        // usable = (size << 1) / 3
        a.lea(rax, mem(r13, 0));
        a.add(rax, rax);
        a.xor(edx, edx);
        a.mov(ecx, 3);
        a.div(rcx);
        a.mov(r14, rax);
        const fractionOk = a.newLabel();
        a.cmp(r12, FIRST_LOG2);
        a.jne(fractionOk);
        a.mov(r14d, SMALL_USABLE);
        a.bind(fractionOk);
        a.lea(rdi, sib(undefined, r13, 4, DICTKEYS.indices));
        a.lea(rdi, sib(rdi, r14, 8));
        a.lea(rsi, rip(sym('type_dictindex')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, DICTKEYS.log2)), r12);
        a.lea(rcx, mem(r13, -1));
        a.mov(qword(mem(rax, DICTKEYS.mask)), rcx);
        a.mov(r12, rax);
        a.lea(rdi, mem(rax, DICTKEYS.indices));
        a.lea(rcx, sib(undefined, r13, 4));
        a.mov(eax, 0xff);
        a.rep_stosb();
        a.lea(rdi, sib(r14, r14, 1));
        callChecked(a, 'rt_list_values_new', out);
        a.mov(rdx, rax);
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
      name: 'rt_dict_resize',
      contract: 'rdi=raw dict, rsi=log2 of the new index count -> rax=0 or EXC (MemoryError); rebuilds the table with the live pairs compacted in order (dictresize); may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const copy = a.newLabel();
        const next = a.newLabel();
        const done = a.newLabel();
        const probe = a.newLabel();
        const placed = a.newLabel();
        const noOld = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        callChecked(a, 'rt_dict_table_new', out);
        a.mov(r13, rax); // new keys (raw)
        a.mov(r14, rdx); // new entries (raw)
        // Copy live pairs: rbx = old index, r15 = new index.
        a.xor(ebx, ebx);
        a.xor(r15, r15);
        a.mov(rax, qword(mem(r12, DICT.keys)));
        a.test(rax, rax);
        a.je(noOld);
        a.bind(copy);
        a.cmp(rbx, qword(mem(r12, DICT.nentries)));
        a.jae(done);
        dictEntries(a, rsi, r12);
        a.mov(rax, rbx);
        a.shl(rax, 4);
        a.mov(rcx, qword(sib(rsi, rax, 1)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.je(next);
        a.mov(rdx, qword(sib(rsi, rax, 1, 8)));
        a.mov(rax, r15);
        a.shl(rax, 4);
        a.mov(qword(sib(r14, rax, 1, VALUES.items)), rcx);
        a.mov(qword(sib(r14, rax, 1, VALUES.items + 8)), rdx);
        dictKeys(a, rdi, r12);
        dictHashes(a, rsi, rdi);
        a.mov(r8, qword(sib(rsi, rbx, 8))); // hash
        dictHashes(a, rdi, r13);
        a.mov(qword(sib(rdi, r15, 8)), r8);
        // Place r15 at the first empty index of its probe sequence.
        a.mov(r9, qword(mem(r13, DICTKEYS.mask)));
        a.mov(r10, r8);
        a.and(r10, r9);
        a.mov(r11, r8); // perturb
        a.bind(probe);
        a.cmp(dword(sib(r13, r10, 4, DICTKEYS.indices)), -1);
        a.je(placed);
        a.shr(r11, 5);
        a.lea(r10, sib(r10, r10, 4, 1));
        a.add(r10, r11);
        a.and(r10, r9);
        a.jmp(probe);
        a.bind(placed);
        a.mov(dword(sib(r13, r10, 4, DICTKEYS.indices)), r15d);
        a.inc(r15);
        a.bind(next);
        a.inc(rbx);
        a.jmp(copy);
        a.bind(noOld);
        a.bind(done);
        boxPtr(a, r13, rax);
        a.mov(qword(mem(r12, DICT.keys)), r13);
        boxPtr(a, r14, rax);
        a.mov(qword(mem(r12, DICT.entries)), r14);
        a.mov(qword(mem(r12, DICT.nentries)), r15);
        // usable = USABLE_FRACTION(size) - live pairs = entries length / 2 - r15
        unboxPtr(a, r14);
        a.mov(rax, qword(mem(r14, VALUES.length)));
        a.shr(rax, 1);
        a.sub(rax, r15);
        a.mov(qword(mem(r12, DICT.usable)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_dict_lookup_ix',
      contract: 'rdi=raw dict, rsi=key, rdx=hash -> rax=entry number of the key (>= 0), -1 if absent, -2 if a comparison raised; restarts when a comparison changes the table; may allocate, may raise (__eq__)',
      emit(a: Assembler<any>) {
        // Registers: r12 dict, r13 key, r14 hash, rbx DICTKEYS, rbp mask, r15 slot;
        // [rsp] perturb, [rsp+8] raw str key or 0, [rsp+16] entry number, [rsp+24] its key.
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const restart = a.newLabel();
        const loop = a.newLabel();
        const notEntry = a.newLabel();
        const advance = a.newLabel();
        const found = a.newLabel();
        const absent = a.newLabel();
        const generic = a.newLabel();
        const notStrKey = a.newLabel();
        prologue(a, saved, 32);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(qword(mem(rsp, 8)), 0);
        ifNotExact(a, r13, 'str', rax, rcx, notStrKey);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(qword(mem(rsp, 8)), rax);
        a.bind(notStrKey);
        a.bind(restart);
        dictKeys(a, rbx, r12, absent);
        a.mov(rbp, qword(mem(rbx, DICTKEYS.mask)));
        a.mov(r15, r14);
        a.and(r15, rbp);
        a.mov(qword(mem(rsp)), r14);
        a.bind(loop);
        a.movsxd(rax, dword(sib(rbx, r15, 4, DICTKEYS.indices)));
        a.test(rax, rax);
        a.js(notEntry);
        dictEntries(a, rcx, r12);
        a.mov(rdx, rax);
        a.shl(rdx, 4);
        a.mov(rdx, qword(sib(rcx, rdx, 1)));
        a.cmp(rdx, r13);
        a.je(found);
        a.lea(rcx, sib(rbx, rbp, 4, DICTKEYS.indices + 4));
        a.cmp(qword(sib(rcx, rax, 8)), r14);
        a.jne(advance);
        // Equal hashes: exact strs compare directly, anything else through __eq__.
        a.mov(rsi, qword(mem(rsp, 8)));
        a.test(rsi, rsi);
        a.je(generic);
        ifNotExact(a, rdx, 'str', rcx, rdi, generic);
        a.mov(rdi, rdx);
        unboxPtr(a, rdi);
        a.mov(qword(mem(rsp, 16)), rax);
        a.call(sym('rt_cont_streq'));
        a.test(eax, eax);
        a.mov(rax, qword(mem(rsp, 16)));
        a.jne(found);
        a.jmp(advance);
        a.bind(generic);
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(qword(mem(rsp, 24)), rdx);
        a.mov(rdi, rdx);
        a.mov(rsi, r13);
        a.call(sym('rt_cont_keyeq'));
        a.test(eax, eax);
        const raised = a.newLabel();
        a.js(raised);
        // The comparison ran Python code: start over if the table or the entry changed.
        a.mov(rcx, qword(mem(r12, DICT.keys)));
        unboxPtr(a, rcx);
        a.cmp(rcx, rbx);
        a.jne(restart);
        dictEntries(a, rcx, r12);
        a.mov(rdx, qword(mem(rsp, 16)));
        a.shl(rdx, 4);
        a.mov(rdx, qword(sib(rcx, rdx, 1)));
        a.cmp(rdx, qword(mem(rsp, 24)));
        a.jne(restart);
        a.test(eax, eax);
        a.mov(rax, qword(mem(rsp, 16)));
        a.jne(found);
        a.jmp(advance);
        a.bind(notEntry);
        a.cmp(rax, -1);
        a.je(absent);
        a.bind(advance);
        a.mov(rax, qword(mem(rsp)));
        a.shr(rax, 5);
        a.mov(qword(mem(rsp)), rax);
        a.lea(r15, sib(r15, r15, 4, 1));
        a.add(r15, rax);
        a.and(r15, rbp);
        a.jmp(loop);
        a.bind(absent);
        a.mov(rax, -1);
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, -2);
        a.bind(found);
        a.bind(out);
        epilogue(a, saved, 32);
      },
    },
    {
      name: 'rt_dict_find_slot',
      contract: 'rdi=raw DICTKEYS, rsi=hash -> rax=first index slot of the probe sequence that is empty or dummy (find_empty_slot); clobbers rax rcx rdx r8',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.mov(r8, qword(mem(rdi, DICTKEYS.mask)));
        a.mov(rax, rsi);
        a.and(rax, r8);
        a.mov(rdx, rsi);
        a.bind(loop);
        a.cmp(dword(sib(rdi, rax, 4, DICTKEYS.indices)), 0);
        a.jl(done);
        a.shr(rdx, 5);
        a.lea(rax, sib(rax, rax, 4, 1));
        a.add(rax, rdx);
        a.and(rax, r8);
        a.jmp(loop);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_dict_insert_new',
      contract: 'rdi=raw dict, rsi=key (absent from it), rdx=value, rcx=hash -> rax=0 or EXC (MemoryError); appends the pair, growing the table first when no pair is usable; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const room = a.newLabel();
        const grow = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.cmp(qword(mem(r12, DICT.usable)), 0);
        a.jg(room);
        // insertion_resize: the small first table for a dict without one, 8 indices after
        // it (used*3 would give 16 for the 4th pair), else the size for used*3 (at least 8).
        a.mov(esi, FIRST_LOG2);
        dictKeys(a, rax, r12, grow);
        a.mov(esi, FIRST_LOG2 + 1);
        a.cmp(qword(mem(rax, DICTKEYS.log2)), FIRST_LOG2);
        a.je(grow);
        a.mov(rax, qword(mem(r12, DICT.used)));
        a.lea(rax, sib(rax, rax, 2));
        a.or(rax, 8);
        a.dec(rax);
        a.or(rax, 7);
        a.bsr(rax, rax);
        a.lea(rsi, mem(rax, 1));
        a.bind(grow);
        a.mov(rdi, r12);
        callChecked(a, 'rt_dict_resize', out);
        a.bind(room);
        dictKeys(a, rdi, r12);
        a.mov(rsi, r15);
        a.call(sym('rt_dict_find_slot'));
        a.mov(rcx, qword(mem(r12, DICT.nentries)));
        a.mov(dword(sib(rdi, rax, 4, DICTKEYS.indices)), ecx);
        dictHashes(a, rdx, rdi);
        a.mov(qword(sib(rdx, rcx, 8)), r15);
        dictEntries(a, rdx, r12);
        a.shl(rcx, 4);
        a.mov(qword(sib(rdx, rcx, 1)), r13);
        a.mov(qword(sib(rdx, rcx, 1, 8)), r14);
        a.inc(qword(mem(r12, DICT.used)));
        a.dec(qword(mem(r12, DICT.usable)));
        a.inc(qword(mem(r12, DICT.nentries)));
        a.inc(qword(mem(r12, DICT.version)));
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_dict_setitem_hash',
      contract: 'rdi=dict value, rsi=key, rdx=value, rcx=hash of the key -> rax=0 or EXC (insertdict: an existing key keeps its place); may allocate, may raise (__eq__)',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const absent = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rdi, r12);
        a.mov(rdx, rcx);
        a.call(sym('rt_dict_lookup_ix'));
        a.test(rax, rax);
        a.js(absent);
        dictEntries(a, rcx, r12);
        a.shl(rax, 4);
        a.mov(qword(sib(rcx, rax, 1, 8)), r14);
        a.inc(qword(mem(r12, DICT.version)));
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(absent);
        a.cmp(rax, -2);
        const insert = a.newLabel();
        a.jne(insert);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(insert);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.call(sym('rt_dict_insert_new'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_dict_setitem',
      contract: 'rdi=dict value, rsi=key, rdx=value -> rax=0 or EXC (TypeError for an unhashable key); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rcx, rax);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(sym('rt_dict_setitem_hash'));
        const out = a.newLabel();
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_dict_getitem_hash',
      contract: 'rdi=dict value, rsi=key, rdx=hash -> rax=value, UNBOUND if absent, or EXC (a comparison raised); may allocate, may raise (__eq__)',
      emit(a: Assembler<any>) {
        const absent = a.newLabel();
        a.push(rdi);
        unboxPtr(a, rdi);
        a.call(sym('rt_dict_lookup_ix'));
        a.pop(rdi);
        a.test(rax, rax);
        a.js(absent);
        unboxPtr(a, rdi);
        dictEntries(a, rcx, rdi);
        a.shl(rax, 4);
        a.mov(rax, qword(sib(rcx, rax, 1, 8)));
        a.ret();
        a.bind(absent);
        a.cmp(rax, -1);
        a.mov(rax, g('rt_const_unbound'));
        a.cmovne(rax, g('rt_const_exc'));
        a.ret();
      },
    },
    {
      name: 'rt_dict_getitem',
      contract: 'rdi=dict value, rsi=key -> rax=value, UNBOUND if absent, or EXC (unhashable key, a comparison raised); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rdx, rax);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_getitem_hash'));
        const out = a.newLabel();
        a.bind(out);
        epilogue(a, [r12, r13]);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_dict_lookup_str',
      contract: 'rdi=dict value (globals, a type dict, builtins_dict), rsi=str value -> rax=value or UNBOUND if absent; EXC only if a non-str key with the same hash raised in __eq__; may allocate only then',
      emit(a: Assembler<any>) {
        // The str's cached hash (static strs always have one; heap strs get it from rt_hash),
        // then the probe loop with identity and str equality; other keys fall back to
        // rt_dict_lookup_ix.
        const slow = a.newLabel();
        const loop = a.newLabel();
        const notEntry = a.newLabel();
        const advance = a.newLabel();
        const found = a.newLabel();
        const absent = a.newLabel();
        const cmpStr = a.newLabel();
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rsi);
        unboxPtr(a, r14); // raw str
        a.mov(rax, qword(mem(r14, STR.hash)));
        a.cmp(rax, -1);
        const haveHash = a.newLabel();
        a.jne(haveHash);
        a.mov(rdi, r13);
        a.call(sym('rt_hash'));
        a.bind(haveHash);
        a.mov(r15, rax); // hash
        dictKeys(a, rbx, r12, absent);
        a.mov(rbp, qword(mem(rbx, DICTKEYS.mask)));
        a.mov(r8, r15);
        a.and(r8, rbp); // slot
        a.mov(r9, r15); // perturb
        dictEntries(a, r10, r12);
        a.lea(r11, sib(rbx, rbp, 4, DICTKEYS.indices + 4)); // hashes
        a.bind(loop);
        a.movsxd(rax, dword(sib(rbx, r8, 4, DICTKEYS.indices)));
        a.test(rax, rax);
        a.js(notEntry);
        a.mov(rdx, rax);
        a.shl(rdx, 4);
        a.mov(rcx, qword(sib(r10, rdx, 1)));
        a.cmp(rcx, r13);
        a.je(found);
        a.cmp(qword(sib(r11, rax, 8)), r15);
        a.je(cmpStr);
        a.bind(advance);
        a.shr(r9, 5);
        a.lea(r8, sib(r8, r8, 4, 1));
        a.add(r8, r9);
        a.and(r8, rbp);
        a.jmp(loop);
        a.bind(cmpStr);
        ifNotExact(a, rcx, 'str', rdi, rsi, slow);
        a.push(r8);
        a.push(r9);
        a.push(r10);
        a.push(r11);
        a.push(rax);
        a.mov(rdi, rcx);
        unboxPtr(a, rdi);
        a.mov(rsi, r14);
        a.call(sym('rt_cont_streq'));
        a.mov(ecx, eax);
        a.pop(rax);
        a.pop(r11);
        a.pop(r10);
        a.pop(r9);
        a.pop(r8);
        a.test(ecx, ecx);
        a.je(advance);
        a.bind(found);
        a.mov(rdx, rax);
        a.shl(rdx, 4);
        a.mov(rax, qword(sib(r10, rdx, 1, 8)));
        const out = a.newLabel();
        a.jmp(out);
        a.bind(notEntry);
        a.cmp(rax, -1);
        a.jne(advance);
        a.bind(absent);
        a.mov(rax, g('rt_const_unbound'));
        a.jmp(out);
        // A non-str key with an equal hash: the general lookup decides.
        a.bind(slow);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r15);
        a.call(sym('rt_dict_lookup_ix'));
        a.test(rax, rax);
        const notFound = a.newLabel();
        a.js(notFound);
        dictEntries(a, r10, r12);
        a.jmp(found);
        a.bind(notFound);
        a.cmp(rax, -1);
        a.mov(rax, g('rt_const_unbound'));
        a.cmovne(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_dict_del_ix',
      contract: 'rdi=raw dict, rsi=entry number of a live pair -> the pair deleted (its index becomes a dummy, its entry UNBOUND); clobbers rax rcx rdx r8 r9; no alloc',
      emit(a: Assembler<any>) {
        // lookdict_index: follow the probe sequence of the pair's hash to its index slot.
        const loop = a.newLabel();
        const hit = a.newLabel();
        dictKeys(a, r8, rdi);
        dictHashes(a, rax, r8);
        a.mov(rdx, qword(sib(rax, rsi, 8))); // perturb = hash
        a.mov(r9, qword(mem(r8, DICTKEYS.mask)));
        a.mov(rax, rdx);
        a.and(rax, r9);
        a.bind(loop);
        a.movsxd(rcx, dword(sib(r8, rax, 4, DICTKEYS.indices)));
        a.cmp(rcx, rsi);
        a.je(hit);
        a.shr(rdx, 5);
        a.lea(rax, sib(rax, rax, 4, 1));
        a.add(rax, rdx);
        a.and(rax, r9);
        a.jmp(loop);
        a.bind(hit);
        a.mov(dword(sib(r8, rax, 4, DICTKEYS.indices)), -2);
        dictEntries(a, rcx, rdi);
        a.mov(rax, rsi);
        a.shl(rax, 4);
        a.mov(rdx, g('rt_const_unbound'));
        a.mov(qword(sib(rcx, rax, 1)), rdx);
        a.mov(qword(sib(rcx, rax, 1, 8)), rdx);
        a.dec(qword(mem(rdi, DICT.used)));
        a.inc(qword(mem(rdi, DICT.version)));
        a.ret();
      },
    },
    {
      name: 'rt_dict_pop',
      contract: 'rdi=dict value, rsi=key, rdx=default or UNBOUND -> rax=the value removed, the default if absent, or EXC (KeyError(key) without a default; unhashable key); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        const absent = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        // An empty dict answers before hashing (CPython's _PyDict_Pop).
        a.cmp(qword(mem(r12, DICT.used)), 0);
        a.je(absent);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, rax);
        a.call(sym('rt_dict_lookup_ix'));
        a.cmp(rax, -2);
        a.je(fail);
        a.test(rax, rax);
        a.js(absent);
        dictEntries(a, rcx, r12);
        a.mov(rdx, rax);
        a.shl(rdx, 4);
        a.mov(r15, qword(sib(rcx, rdx, 1, 8)));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_dict_del_ix'));
        a.mov(rax, r15);
        a.jmp(out);
        a.bind(absent);
        a.mov(rax, r14);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.mov(rdi, r13);
        a.call(sym('rt_dict_keyerror'));
        a.jmp(out);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_dict_keyerror',
      contract: 'rdi=key -> rax=EXC with KeyError(key) raised; may allocate',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.call(sym('rt_tuple_pack1'));
        a.lea(rdi, rip(sym('type_KeyError')));
        a.mov(rsi, rax);
        a.call(sym('rt_exc_new'));
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_dict_next',
      contract: 'rdi=raw dict, rsi=position -> rax=number of the first live pair at or after it (rdx=its key, rcx=its value, r8=its hash), or -1 at the end; clobbers rax rcx rdx r8 r9; no alloc',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const end = a.newLabel();
        a.mov(rax, rsi);
        a.bind(loop);
        a.cmp(rax, qword(mem(rdi, DICT.nentries)));
        a.jae(end);
        dictEntries(a, r9, rdi);
        a.mov(rcx, rax);
        a.shl(rcx, 4);
        a.mov(rdx, qword(sib(r9, rcx, 1)));
        a.mov(rcx, qword(sib(r9, rcx, 1, 8)));
        a.inc(rax);
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(loop);
        a.dec(rax);
        dictKeys(a, r8, rdi);
        dictHashes(a, r9, r8);
        a.mov(r8, qword(sib(r9, rax, 8)));
        a.ret();
        a.bind(end);
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_dict_merge',
      contract: 'rdi=dict value, rsi=dict value (or subclass) -> rax=0 or EXC: every pair of the second stored in the first with its known hash (PyDict_Merge, override); RuntimeError "dict mutated during update" if the source changes size; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const presized = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        unboxPtr(a, r13);
        a.cmp(rdi, rsi);
        a.je(done);
        a.cmp(qword(mem(r13, DICT.used)), 0);
        a.je(done);
        // One resize up front when the source's pairs cannot fit.
        a.mov(rbx, r12);
        unboxPtr(a, rbx);
        a.mov(rax, qword(mem(rbx, DICT.usable)));
        a.cmp(rax, qword(mem(r13, DICT.used)));
        a.jge(presized);
        a.mov(rax, qword(mem(rbx, DICT.used)));
        a.add(rax, qword(mem(r13, DICT.used)));
        // estimate_log2_keysize(n) = calculate_log2_keysize((n * 3 + 1) / 2)
        a.lea(rax, sib(rax, rax, 2, 1));
        a.shr(rax, 1);
        a.or(rax, 8);
        a.dec(rax);
        a.or(rax, 7);
        a.bsr(rax, rax);
        a.lea(rsi, mem(rax, 1));
        a.mov(rdi, rbx);
        callChecked(a, 'rt_dict_resize', out);
        a.bind(presized);
        a.mov(r14, qword(mem(r13, DICT.nentries)));
        a.xor(r15, r15);
        a.bind(loop);
        a.mov(rdi, r13);
        a.mov(rsi, r15);
        a.call(sym('rt_dict_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(r15, mem(rax, 1));
        a.mov(rdi, r12);
        a.mov(rsi, rdx);
        a.mov(rdx, rcx);
        a.mov(rcx, r8);
        callChecked(a, 'rt_dict_setitem_hash', out);
        a.cmp(r14, qword(mem(r13, DICT.nentries)));
        a.je(loop);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym('msg_dict_mutated_update')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_dict_copy',
      contract: 'rdi=dict value -> rax=new exact dict with the same pairs in the same order, or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.call(sym('rt_dict_new'));
        a.mov(r13, rax);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        callChecked(a, 'rt_dict_merge', out);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_dict_clear',
      contract: 'rdi=dict value -> the dict emptied (its table dropped); clobbers rax; no alloc',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        for (const f of ['used', 'keys', 'entries', 'nentries', 'usable'] as const) a.mov(qword(mem(rax, DICT[f])), 0);
        a.inc(qword(mem(rax, DICT.version)));
        a.ret();
      },
    },
    // ---- slots ---------------------------------------------------------------------------
    {
      name: 'rt_len_dict',
      contract: 'rdi=dict value -> rax=number of pairs; clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, DICT.used)));
        a.ret();
      },
    },
    {
      name: 'rt_hash_dict',
      contract: "rdi=dict value -> rax=-1 with TypeError \"unhashable type: 'dict'\"; may allocate",
      emit(a: Assembler<any>) {
        unhashable(a);
      },
    },
    {
      name: 'rt_getitem_dict',
      contract: 'rdi=dict, rsi=key -> rax=value, or for a missing key type(d).__missing__(d, key) in a subclass defining it (dict_subscript), else EXC (KeyError(key)); TypeError for an unhashable key; may allocate, may raise',
      emit(a: Assembler<any>) {
        const miss = a.newLabel();
        const keyError = a.newLabel();
        const out = a.newLabel();
        // [rsp] key, [rsp+8] dict: kept for __missing__ (the key is its argument vector).
        a.push(rdi);
        a.push(rsi);
        a.call(sym('rt_dict_getitem'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(miss);
        a.bind(out);
        a.add(rsp, 16);
        a.ret();
        // _PyObject_LookupSpecial(d, '__missing__') for a subclass: found on the type, bound.
        a.bind(miss);
        a.mov(rdi, qword(mem(rsp, 8)));
        a.call(sym('rt_type_of'));
        a.lea(rcx, rip(sym('type_dict')));
        a.cmp(rax, rcx);
        a.je(keyError);
        a.mov(rdi, rax);
        a.mov(rsi, g('dict_str_missing.v'));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(keyError);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.push(rax);
        a.mov(rdi, qword(mem(rsp, 16)));
        a.call(sym('rt_type_of'));
        a.mov(rdx, rax);
        boxPtr(a, rdx, rcx);
        a.pop(rdi);
        a.mov(rsi, qword(mem(rsp, 8)));
        a.call(sym('rt_descr_get'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.jmp(out);
        a.bind(keyError);
        a.mov(rdi, qword(mem(rsp)));
        a.add(rsp, 16);
        a.jmp(sym('rt_dict_keyerror'));
      },
    },
    {
      name: 'rt_setitem_dict',
      contract: 'rdi=dict, rsi=key, rdx=value -> rax=0 or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_dict_setitem'));
      },
    },
    {
      name: 'rt_delitem_dict',
      contract: 'rdi=dict, rsi=key -> rax=0 or EXC (KeyError(key)); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.mov(rdx, g('rt_const_unbound'));
        a.call(sym('rt_dict_pop'));
        a.add(rsp, 8);
        a.cmp(rax, g('rt_const_exc'));
        const ok = a.newLabel();
        a.je(ok);
        a.xor(eax, eax);
        a.bind(ok);
        a.ret();
      },
    },
    {
      name: 'rt_contains_dict',
      contract: 'rdi=dict, rsi=key -> eax=1 if present, 0 if not, -1 if raised (unhashable key, __eq__); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.call(sym('rt_dict_getitem'));
        a.add(rsp, 8);
        a.cmp(rax, g('rt_const_exc'));
        const raised = a.newLabel();
        a.je(raised);
        a.cmp(rax, g('rt_const_unbound'));
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
        a.bind(raised);
        a.mov(eax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_repr_dict',
      contract: 'rdi=dict value -> rax=str "{k: v, ...}" ("{...}" inside itself) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const failRec = a.newLabel();
        const failBoth = a.newLabel();
        const recursive = a.newLabel();
        const loop = a.newLabel();
        const first = a.newLabel();
        const done = a.newLabel();
        const empty = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, DICT.used)), 0);
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
        a.lea(rsi, rip(sym('str_dict_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.xor(r14, r14); // position
        a.xor(r15, r15); // pairs written
        a.bind(loop);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rsi, r14);
        a.call(sym('rt_dict_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(r14, mem(rax, 1));
        a.mov(qword(mem(rsp)), rdx);
        a.mov(qword(mem(rsp, 8)), rcx);
        a.test(r15, r15);
        a.je(first);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_comma_space')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(first);
        a.inc(r15);
        a.mov(rdi, qword(mem(rsp)));
        callChecked(a, 'rt_repr', failBoth);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_dict_colon')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(rsp, 8)));
        callChecked(a, 'rt_repr', failBoth);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_dict_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.mov(r13, rax);
        a.call(sym('rt_cont_repr_leave'));
        a.call(sym('rt_recursion_leave'));
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, saved, 24);
        a.bind(empty);
        a.lea(rax, rip(sym('str_dict_empty')));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(recursive);
        a.call(sym('rt_recursion_leave'));
        a.lea(rax, rip(sym('str_dict_recursive')));
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
      name: 'rt_richcompare_dict',
      contract: 'rdi=dict, rsi=other, edx=CMPOPS index -> rax=bool for == and != between dicts (same pairs, values compared with ==), NotImplemented otherwise, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const ni = a.newLabel();
        const loop = a.newLabel();
        const equal = a.newLabel();
        const differ = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(ebx, edx);
        a.cmp(ebx, 2);
        a.jb(ni);
        a.cmp(ebx, 3);
        a.ja(ni);
        ifNotLayout(a, r12, 'dict', rax, ni);
        ifNotLayout(a, r13, 'dict', rax, ni);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rcx, r13);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, DICT.used)));
        a.cmp(qword(mem(rax, DICT.used)), rdx);
        a.jne(differ);
        a.xor(r14, r14);
        a.bind(loop);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rsi, r14);
        a.call(sym('rt_dict_next'));
        a.test(rax, rax);
        a.js(equal);
        a.lea(r14, mem(rax, 1));
        a.mov(r15, rcx); // a's value
        a.mov(rdi, r13);
        a.mov(rsi, rdx);
        a.mov(rdx, r8);
        a.call(sym('rt_dict_getitem_hash'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(differ);
        a.mov(rdi, r15);
        a.mov(rsi, rax);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.js(fail);
        a.je(differ);
        a.jmp(loop);
        a.bind(equal);
        a.cmp(ebx, 2);
        a.mov(rax, g('rt_const_True'));
        a.cmovne(rax, g('rt_const_False'));
        a.jmp(out);
        a.bind(differ);
        a.cmp(ebx, 2);
        a.mov(rax, g('rt_const_False'));
        a.cmovne(rax, g('rt_const_True'));
        a.jmp(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.jmp(out);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_binop_dict',
      contract: 'rdi=a, rsi=b, edx=BINOPS index (+16 in place) -> rax=dict | dict (a new dict), dict |= mapping or pairs (in place, returns a); NotImplemented otherwise; or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const ni = a.newLabel();
        const fresh = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.mov(eax, edx);
        a.and(eax, 15);
        a.cmp(eax, 10); // '|'
        a.jne(ni);
        ifNotLayout(a, r12, 'dict', rax, ni);
        a.test(r14d, 16);
        a.je(fresh);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        callChecked(a, 'rt_dict_update_arg', out);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(fresh);
        ifNotLayout(a, r13, 'dict', rax, ni);
        a.mov(rdi, r12);
        callChecked(a, 'rt_dict_copy', out);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        callChecked(a, 'rt_dict_update_arg', out);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_dict_update_arg',
      contract: 'rdi=dict value, rsi=a dict or an iterable of pairs -> rax=0 or EXC (dict_update_arg; TypeError/ValueError for bad elements); may allocate, may raise',
      emit(a: Assembler<any>) {
        // TODO(lead): other mappings (objects with a keys() method) need attribute lookup.
        const pairs = a.newLabel();
        ifNotLayout(a, rsi, 'dict', rax, pairs);
        a.jmp(sym('rt_dict_merge'));
        a.bind(pairs);
        a.jmp(sym('rt_dict_merge_pairs'));
      },
    },
    {
      name: 'rt_dict_merge_pairs',
      contract: 'rdi=dict value, rsi=iterable of 2-item iterables -> rax=0 or EXC (PyDict_MergeFromSeq2 with its messages); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const haveSeq = a.newLabel();
        const notList = a.newLabel();
        const notSeq = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        callChecked(a, 'rt_cont_iter', out);
        a.mov(r13, rax);
        a.xor(ebx, ebx); // element number
        a.bind(loop);
        a.mov(rdi, r13);
        callChecked(a, 'rt_cont_next', out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(done);
        a.mov(r14, rax);
        ifNotExact(a, r14, 'list', rax, rcx, notList);
        a.jmp(haveSeq);
        a.bind(notList);
        const notTuple = a.newLabel();
        ifNotExact(a, r14, 'tuple', rax, rcx, notTuple);
        a.jmp(haveSeq);
        a.bind(notTuple);
        a.mov(rdi, r14);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
        a.je(notSeq);
        a.mov(rdi, r14);
        callChecked(a, 'rt_list_from_iterable', out);
        a.mov(r14, rax);
        a.bind(haveSeq);
        a.mov(rdi, r14);
        a.call(sym('rt_cont_seqitems'));
        const two = a.newLabel();
        a.cmp(rdx, 2);
        a.je(two);
        a.mov(rcx, rdx);
        a.mov(rdx, rbx);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_dict_seq_length')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(two);
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(rax)));
        a.mov(rdx, qword(mem(rax, 8)));
        callChecked(a, 'rt_dict_setitem', out);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(notSeq);
        a.mov(rdx, rbx);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_dict_seq_convert')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_dict_update_common',
      contract: 'rdi=dict value, rsi=args, rdx=nargs (positional then keyword values), rcx=kwnames or 0, r8=name for the message ("dict", "update") -> rax=0 or EXC: at most one positional (a dict or pairs), then the keyword arguments; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const noKw = a.newLabel();
        const kwLoop = a.newLabel();
        const done = a.newLabel();
        const noPos = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx); // positional count, after subtracting the keywords
        a.mov(r15, rcx);
        a.xor(ebx, ebx); // keyword count
        a.test(rcx, rcx);
        a.je(noKw);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.mov(rbx, qword(mem(rax, 16)));
        a.sub(r14, rbx);
        a.bind(noKw);
        const posOk = a.newLabel();
        a.cmp(r14, 1);
        a.jbe(posOk);
        a.mov(rdx, r8);
        a.mov(rcx, r14);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_dict_at_most_one')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(posOk);
        a.test(r14, r14);
        a.je(noPos);
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(r13)));
        callChecked(a, 'rt_dict_update_arg', out);
        a.bind(noPos);
        a.xor(ebp, ebp);
        a.bind(kwLoop);
        a.cmp(rbp, rbx);
        a.jae(done);
        a.mov(rax, r15);
        unboxPtr(a, rax);
        a.mov(rsi, qword(sib(rax, rbp, 8, 24)));
        a.lea(rax, sib(r14, rbp, 1));
        a.mov(rdx, qword(sib(r13, rax, 8)));
        a.mov(rdi, r12);
        callChecked(a, 'rt_dict_setitem', out);
        a.inc(rbp);
        a.jmp(kwLoop);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_new_dict',
      contract: 'the new slot of dict: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> rax=empty dict of that type (dict.__new__ ignores its arguments; __init__ fills it); may allocate',
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_dict_new_of'));
      },
    },
    {
      name: 'rt_init_dict',
      contract: 'the init slot of dict: rdi=self, rsi=args, rdx=nargs, rcx=kwnames -> rax=0 or EXC (dict(mapping or pairs, **kwargs)); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.lea(r8, rip(sym('str_dict_name')));
        a.jmp(sym('rt_dict_update_common'));
      },
    },
    {
      name: 'rt_dict_from_pairs',
      contract: 'rdi=address of 2n value words (key, value, key, value...), rsi=n -> rax=new dict (BUILD_MAP; later keys win) or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_dict_new'));
        a.mov(r14, rax);
        a.xor(r15, r15);
        a.bind(loop);
        a.cmp(r15, r13);
        a.jae(done);
        a.mov(rax, r15);
        a.shl(rax, 4);
        a.mov(rdi, r14);
        a.mov(rsi, qword(sib(r12, rax, 1)));
        a.mov(rdx, qword(sib(r12, rax, 1, 8)));
        callChecked(a, 'rt_dict_setitem', out);
        a.inc(r15);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        a.bind(out);
        epilogue(a, saved);
      },
    },
  ],
  data: [
    // dict_subscript's special-method name (rt_getitem_dict).
    { name: 'dict_str_missing', section: 'rodata', align: 16, emit: (a) => emitStr(a, '__missing__') },
    { name: 'dict_str_missing.v', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:dict_str_missing')) },
    cstr('msg_dict_mutated_update', 'dict mutated during update'),
    cstr('msg_dict_seq_length', 'dictionary update sequence element #%d has length %d; 2 is required'),
    cstr('msg_dict_seq_convert', 'cannot convert dictionary update sequence element #%d to a sequence'),
    cstr('msg_dict_at_most_one', '%s expected at most 1 argument, got %d'),
    cstr('str_dict_name', 'dict'),
    cstr('str_dict_open', '{'),
    cstr('str_dict_close', '}'),
    cstr('str_dict_colon', ': '),
    { name: 'str_dict_empty', section: 'rodata', align: 8, emit: (a) => emitStr(a, '{}') },
    { name: 'str_dict_recursive', section: 'rodata', align: 8, emit: (a) => emitStr(a, '{...}') },
  ],
};
