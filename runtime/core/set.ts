// Container runtime: set and frozenset, CPython's open-addressing table (Objects/setobject.c
// of CPython 3.11), reproduced so that iteration orders equal CPython's wherever its hashes
// are deterministic (ints hash to themselves, floats, tuples of them; str hashes are
// randomised by CPython, so any order is valid for them).
//
//   set (SET)          table ──► values array [mask + 1] keys: UNBOUND empty, DUMMY deleted
//   +16 fill           hashes ─► raw (+16 count, +24 i64 per slot: 0 empty, -1 dummy)
//   +24 used           +56 finger (pop's starting slot)
//   +32 mask           +64/+72 frozenset hash cache, two 32-bit halves (bit 32 of the high
//                      half set when valid)
//
// Probing: LINEAR_PROBES (9) consecutive slots when they fit below the mask, then
// i = i*5 + 1 + perturb with perturb >>= 5 over the unsigned 64-bit hash. Insertion reuses
// the last dummy seen on the way to an empty slot; the table grows when fill*5 >= mask*3,
// to the smallest power of two above used*4 (used*2 past 50,000). A comparison that changes
// the table restarts the operation, as set_lookkey and set_add_entry do.

import { type Assembler, type Label, eax, ebx, ecx, edi, edx, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DUMMY, SET, TYPE, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifNotExact, ifNotLayout } from './listshared.js';
import { unhashable } from './list.js';

export const LINEAR_PROBES = 9;
export const SET_MINSIZE = 8;
/** Per-slot hash array (raw): +16 count, +24 hashes. */
export const SETHASHES = { count: 16, hashes: 24 } as const;
const SETITER = { set: 16, used: 24, pos: 32, remaining: 40, size: 48 } as const;
const USED_POISON = 1n << 47n;

/** dst = raw address of key slot 0 of the raw set `s`. */
export function setTable(a: Assembler<any>, dst: typeof rax, s: typeof rax): void {
  a.mov(dst, qword(mem(s, SET.table)));
  unboxPtr(a, dst);
  a.add(dst, VALUES.items);
}

/** dst = raw address of hash slot 0 of the raw set `s`. */
export function setHashes(a: Assembler<any>, dst: typeof rax, s: typeof rax): void {
  a.mov(dst, qword(mem(s, SET.hashes)));
  unboxPtr(a, dst);
  a.add(dst, SETHASHES.hashes);
}

const SPEC_INIT = argSpec('set', 'VAR', 0, 1);
const SPEC_FROZEN = argSpec('frozenset', 'VAR', 0, 1);

/** The same routine body under the slot names of set and frozenset. */
function both(slot: string, contract: string, emit: (a: Assembler<any>) => void): RuntimeRoutine[] {
  return [
    { name: `rt_${slot}_set`, contract: `rdi=set ${contract}`, emit },
    {
      name: `rt_${slot}_frozenset`,
      contract: `rdi=frozenset: as rt_${slot}_set`,
      emit(a: Assembler<any>) {
        a.jmp(sym(`rt_${slot}_set`));
      },
    },
  ];
}

/** Jump to `no` unless `v` is a set or frozenset (or a subclass). Clobbers t. */
export function ifNotAnySet(a: Assembler<any>, v: typeof rax, t: typeof rax, no: Label): void {
  ifNotLayout(a, v, 'set', t, no);
}

export const setModule: RuntimeModule = {
  name: 'set',
  types: [
    { name: 'sethashes', layout: 'raw' },
    { name: 'set_iterator', layout: 'iterator' },
  ],
  routines: [
    {
      name: 'rt_set_table_new',
      contract: 'rdi=slot count (a power of two >= 8) -> rax=raw key table (every slot UNBOUND), rdx=raw hash array (zeros), or rax=EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        callChecked(a, 'rt_list_values_new', out);
        a.mov(r13, rax);
        a.lea(rdi, mem(rax, VALUES.items));
        a.mov(rcx, r12);
        a.mov(rax, UNBOUND);
        a.rep_stosq();
        a.lea(rdi, sib(undefined, r12, 8, SETHASHES.hashes));
        a.lea(rsi, rip(sym('type_sethashes')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, SETHASHES.count)), r12);
        a.mov(rdx, rax);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_set_alloc',
      contract: 'rdi=type address (set, frozenset or a subclass) -> rax=empty set value of that type with an 8-slot table, or EXC; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(edi, SET_MINSIZE);
        callChecked(a, 'rt_set_table_new', out);
        a.push(rax);
        a.push(rdx);
        a.mov(edi, SET.size);
        a.mov(rax, qword(mem(r12, TYPE.instanceSize)));
        a.cmp(rax, rdi);
        a.cmova(rdi, rax);
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        a.pop(rdx);
        a.pop(rcx);
        boxPtr(a, rcx, r8);
        boxPtr(a, rdx, r8);
        a.mov(qword(mem(rax, SET.table)), rcx);
        a.mov(qword(mem(rax, SET.hashes)), rdx);
        a.mov(qword(mem(rax, SET.mask)), SET_MINSIZE - 1);
        // A subclass's instance has its instance-dict word after the set (builtinsub.ts).
        const plain = a.newLabel();
        a.cmp(qword(mem(r12, TYPE.instanceSize)), SET.size);
        a.jbe(plain);
        a.mov(rcx, UNBOUND);
        a.mov(qword(mem(rax, SET.size)), rcx);
        a.bind(plain);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_set_new',
      contract: '-> rax=new empty set value, or EXC; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_set')));
        a.jmp(sym('rt_set_alloc'));
      },
    },
    {
      name: 'rt_set_lookup',
      contract: 'rdi=raw set, rsi=key, rdx=hash -> rax=slot of the key, -1 if absent, -2 if a comparison raised (set_lookkey; restarts when a comparison changes the table); may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 set, r13 key, r14 hash, r15 slot i, rbx probes left, rbp slot j;
        // [rsp] perturb, [rsp+8] table address at the comparison, [rsp+16] its key.
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const restart = a.newLabel();
        const outer = a.newLabel();
        const inner = a.newLabel();
        const next = a.newLabel();
        const absent = a.newLabel();
        const found = a.newLabel();
        const generic = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.bind(restart);
        a.mov(qword(mem(rsp)), r14);
        a.mov(r15, r14);
        a.and(r15, qword(mem(r12, SET.mask)));
        a.bind(outer);
        probeCount(a);
        a.mov(rbp, r15);
        a.bind(inner);
        setTable(a, rcx, r12);
        a.mov(rax, qword(sib(rcx, rbp, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(absent);
        setHashes(a, rdx, r12);
        a.cmp(qword(sib(rdx, rbp, 8)), r14);
        a.jne(next);
        a.cmp(rax, r13);
        a.je(found);
        // Equal hashes: exact strs compare directly, anything else through __eq__.
        const notStrs = a.newLabel();
        ifNotExact(a, rax, 'str', rcx, rdx, notStrs);
        ifNotExact(a, r13, 'str', rcx, rdx, generic);
        a.mov(rdi, rax);
        unboxPtr(a, rdi);
        a.mov(rsi, r13);
        unboxPtr(a, rsi);
        a.call(sym('rt_cont_streq'));
        a.test(eax, eax);
        a.jne(found);
        a.jmp(next);
        a.bind(notStrs);
        a.bind(generic);
        a.mov(rcx, qword(mem(r12, SET.table)));
        a.mov(qword(mem(rsp, 8)), rcx);
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_cont_keyeq'));
        a.test(eax, eax);
        const raised = a.newLabel();
        a.js(raised);
        a.mov(rcx, qword(mem(r12, SET.table)));
        a.cmp(rcx, qword(mem(rsp, 8)));
        a.jne(restart);
        setTable(a, rcx, r12);
        a.mov(rdx, qword(sib(rcx, rbp, 8)));
        a.cmp(rdx, qword(mem(rsp, 16)));
        a.jne(restart);
        a.test(eax, eax);
        a.jne(found);
        a.bind(next);
        a.inc(rbp);
        a.dec(rbx);
        a.jns(inner);
        perturbStep(a);
        a.jmp(outer);
        a.bind(found);
        a.mov(rax, rbp);
        a.jmp(out);
        a.bind(absent);
        a.mov(rax, -1);
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, -2);
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_set_insert_clean',
      contract: 'rdi=raw key table (first key word), rsi=raw hash array (first hash), rdx=mask, rcx=key, r8=hash -> the key stored at the first empty slot of its probe sequence (set_insert_clean); clobbers rax r9 r10 r11; no alloc',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const found = a.newLabel();
        const jump = a.newLabel();
        a.mov(rax, r8);
        a.and(rax, rdx); // i
        a.mov(r9, r8); // perturb
        a.mov(r11, UNBOUND);
        a.bind(loop);
        a.cmp(qword(sib(rdi, rax, 8)), r11);
        a.je(found);
        a.lea(r10, mem(rax, LINEAR_PROBES));
        a.cmp(r10, rdx);
        a.ja(jump);
        for (let j = 0; j < LINEAR_PROBES; j++) {
          a.inc(rax);
          a.cmp(qword(sib(rdi, rax, 8)), r11);
          a.je(found);
        }
        a.sub(rax, LINEAR_PROBES);
        a.bind(jump);
        a.shr(r9, 5);
        a.lea(rax, sib(rax, rax, 4, 1));
        a.add(rax, r9);
        a.and(rax, rdx);
        a.jmp(loop);
        a.bind(found);
        a.mov(qword(sib(rdi, rax, 8)), rcx);
        a.mov(qword(sib(rsi, rax, 8)), r8);
        a.ret();
      },
    },
    {
      name: 'rt_set_resize',
      contract: 'rdi=raw set, rsi=minused -> rax=0 or EXC: a new table of the smallest power of two (>= 8) above minused, live keys reinserted in table order (set_table_resize); may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const size = a.newLabel();
        const sized = a.newLabel();
        const copy = a.newLabel();
        const skip = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(edi, SET_MINSIZE);
        a.bind(size);
        a.cmp(rdi, rsi);
        a.ja(sized);
        a.shl(rdi, 1);
        a.jmp(size);
        a.bind(sized);
        a.mov(rbp, rdi);
        callChecked(a, 'rt_set_table_new', out);
        a.mov(r13, rax); // new table (raw)
        a.mov(r14, rdx); // new hashes (raw)
        a.xor(ebx, ebx);
        a.bind(copy);
        a.cmp(rbx, qword(mem(r12, SET.mask)));
        a.ja(done);
        setTable(a, rax, r12);
        a.mov(rcx, qword(sib(rax, rbx, 8)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.je(skip);
        a.mov(rax, DUMMY);
        a.cmp(rcx, rax);
        a.je(skip);
        setHashes(a, rax, r12);
        a.mov(r8, qword(sib(rax, rbx, 8)));
        a.lea(rdi, mem(r13, VALUES.items));
        a.lea(rsi, mem(r14, SETHASHES.hashes));
        a.lea(rdx, mem(rbp, -1));
        a.call(sym('rt_set_insert_clean'));
        a.bind(skip);
        a.inc(rbx);
        a.jmp(copy);
        a.bind(done);
        boxPtr(a, r13, rax);
        boxPtr(a, r14, rax);
        a.mov(qword(mem(r12, SET.table)), r13);
        a.mov(qword(mem(r12, SET.hashes)), r14);
        a.dec(rbp);
        a.mov(qword(mem(r12, SET.mask)), rbp);
        a.mov(rax, qword(mem(r12, SET.used)));
        a.mov(qword(mem(r12, SET.fill)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_set_add_entry',
      contract: 'rdi=raw set, rsi=key, rdx=hash -> rax=0 or EXC (set_add_entry: present keys stay, the last dummy on the way is reused, growth at fill*5 >= mask*3); may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 set, r13 key, r14 hash, r15 slot i, rbx probes left, rbp slot j;
        // [rsp] perturb, [rsp+8] table at the comparison, [rsp+16] its key, [rsp+24] freeslot+1.
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const restart = a.newLabel();
        const outer = a.newLabel();
        const inner = a.newLabel();
        const next = a.newLabel();
        const unused = a.newLabel();
        const active = a.newLabel();
        const generic = a.newLabel();
        const notHash = a.newLabel();
        prologue(a, saved, 40);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.bind(restart);
        a.mov(qword(mem(rsp)), r14);
        a.mov(qword(mem(rsp, 24)), 0);
        a.mov(r15, r14);
        a.and(r15, qword(mem(r12, SET.mask)));
        a.bind(outer);
        probeCount(a);
        a.mov(rbp, r15);
        a.bind(inner);
        setTable(a, rcx, r12);
        a.mov(rax, qword(sib(rcx, rbp, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(unused);
        setHashes(a, rdx, r12);
        a.mov(rdx, qword(sib(rdx, rbp, 8)));
        a.cmp(rdx, r14);
        a.jne(notHash);
        a.cmp(rax, r13);
        a.je(active);
        const notStrs = a.newLabel();
        ifNotExact(a, rax, 'str', rcx, rdx, notStrs);
        ifNotExact(a, r13, 'str', rcx, rdx, generic);
        a.mov(rdi, rax);
        unboxPtr(a, rdi);
        a.mov(rsi, r13);
        unboxPtr(a, rsi);
        a.call(sym('rt_cont_streq'));
        a.test(eax, eax);
        a.jne(active);
        a.jmp(next);
        a.bind(notStrs);
        a.bind(generic);
        a.mov(rcx, qword(mem(r12, SET.table)));
        a.mov(qword(mem(rsp, 8)), rcx);
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_cont_keyeq'));
        a.test(eax, eax);
        a.jg(active);
        const raised = a.newLabel();
        a.js(raised);
        a.mov(rcx, qword(mem(r12, SET.table)));
        a.cmp(rcx, qword(mem(rsp, 8)));
        a.jne(restart);
        setTable(a, rcx, r12);
        a.mov(rdx, qword(sib(rcx, rbp, 8)));
        a.cmp(rdx, qword(mem(rsp, 16)));
        a.jne(restart);
        a.jmp(next);
        a.bind(notHash);
        a.cmp(rdx, -1);
        a.jne(next);
        a.lea(rax, mem(rbp, 1));
        a.mov(qword(mem(rsp, 24)), rax); // the last dummy seen
        a.bind(next);
        a.inc(rbp);
        a.dec(rbx);
        a.jns(inner);
        perturbStep(a);
        a.jmp(outer);
        // An empty slot ends the search: take the dummy seen, or this slot.
        a.bind(unused);
        a.mov(rax, qword(mem(rsp, 24)));
        const fresh = a.newLabel();
        a.test(rax, rax);
        a.je(fresh);
        a.dec(rax);
        a.mov(rbp, rax);
        a.inc(qword(mem(r12, SET.used)));
        storeEntry(a);
        a.jmp(active);
        a.bind(fresh);
        a.inc(qword(mem(r12, SET.fill)));
        a.inc(qword(mem(r12, SET.used)));
        storeEntry(a);
        // Grow when fill * 5 >= mask * 3: to used*4 (used*2 beyond 50,000).
        a.mov(rax, qword(mem(r12, SET.fill)));
        a.lea(rax, sib(rax, rax, 4));
        a.mov(rcx, qword(mem(r12, SET.mask)));
        a.lea(rcx, sib(rcx, rcx, 2));
        a.cmp(rax, rcx);
        a.jb(active);
        a.mov(rsi, qword(mem(r12, SET.used)));
        const big = a.newLabel();
        const grow = a.newLabel();
        a.cmp(rsi, 50000);
        a.ja(big);
        a.shl(rsi, 2);
        a.jmp(grow);
        a.bind(big);
        a.shl(rsi, 1);
        a.bind(grow);
        a.mov(rdi, r12);
        a.call(sym('rt_set_resize'));
        a.jmp(out);
        a.bind(active);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 40);

        function storeEntry(asm: Assembler<any>): void {
          setTable(asm, rcx, r12);
          asm.mov(qword(sib(rcx, rbp, 8)), r13);
          setHashes(asm, rcx, r12);
          asm.mov(qword(sib(rcx, rbp, 8)), r14);
          invalidateHash(asm, r12);
        }
      },
    },
    {
      name: 'rt_set_add',
      contract: 'rdi=set value, rsi=key -> rax=0 or EXC (TypeError for an unhashable key); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rsi, r13);
        a.mov(rdx, rax);
        a.call(sym('rt_set_add_entry'));
        a.bind(out);
        epilogue(a, [r12, r13]);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_set_discard_entry',
      contract: 'rdi=raw set, rsi=key, rdx=hash -> eax=1 if it was removed (its slot becomes a dummy), 0 if absent, -1 if a comparison raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.call(sym('rt_set_lookup'));
        a.test(rax, rax);
        a.js(none);
        setTable(a, rcx, r12);
        a.mov(rdx, DUMMY);
        a.mov(qword(sib(rcx, rax, 8)), rdx);
        setHashes(a, rcx, r12);
        a.mov(qword(sib(rcx, rax, 8)), -1);
        a.dec(qword(mem(r12, SET.used)));
        invalidateHash(a, r12);
        a.mov(eax, 1);
        const out = a.newLabel();
        a.jmp(out);
        a.bind(none);
        a.inc(eax); // -1 -> 0, -2 -> -1
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_set_discard_key',
      contract: 'rdi=raw set, rsi=key -> eax=1 removed, 0 absent, -1 raised (unhashable key, __eq__); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, rax);
        a.call(sym('rt_set_discard_entry'));
        a.bind(out);
        epilogue(a, [r12, r13]);
        a.bind(fail);
        a.mov(eax, -1);
        a.jmp(out);
      },
    },
    {
      name: 'rt_set_contains_key',
      contract: 'rdi=raw set, rsi=key -> eax=1 if present, 0 if not, -1 if raised (unhashable key, __eq__); may allocate, may raise',
      emit(a: Assembler<any>) {
        const fail = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(fail);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, rax);
        a.call(sym('rt_set_lookup'));
        a.cmp(rax, -2);
        a.je(fail);
        a.not(rax);
        a.shr(rax, 63); // slot >= 0 -> 1, -1 -> 0
        a.jmp(out);
        a.bind(fail);
        a.mov(eax, -1);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_set_contains_entry',
      contract: 'rdi=raw set, rsi=key, rdx=hash -> eax=1 if present, 0 if not, -1 if a comparison raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.call(sym('rt_set_lookup'));
        a.add(rsp, 8);
        const fail = a.newLabel();
        a.cmp(rax, -2);
        a.je(fail);
        a.not(rax);
        a.shr(rax, 63);
        a.ret();
        a.bind(fail);
        a.mov(eax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_set_key',
      contract: 'rdi=a set element candidate -> rax=it, or a frozenset copy when it is an exact set (sets look up other sets as frozensets, set_contains and set_discard), or EXC; may allocate',
      emit(a: Assembler<any>) {
        const keep = a.newLabel();
        ifNotExact(a, rdi, 'set', rax, rcx, keep);
        a.jmp(sym('rt_frozenset_from_iterable'));
        a.bind(keep);
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_set_next',
      contract: 'rdi=raw set, rsi=slot -> rax=first slot >= it holding a key (rdx=the key, rcx=its hash), or -1 past the table; clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const end = a.newLabel();
        a.mov(rax, rsi);
        a.mov(r8, DUMMY);
        a.bind(loop);
        a.cmp(rax, qword(mem(rdi, SET.mask)));
        a.ja(end);
        setTable(a, rcx, rdi);
        a.mov(rdx, qword(sib(rcx, rax, 8)));
        a.inc(rax);
        a.cmp(rdx, g('rt_const_unbound'));
        a.je(loop);
        a.cmp(rdx, r8);
        a.je(loop);
        a.dec(rax);
        setHashes(a, rcx, rdi);
        a.mov(rcx, qword(sib(rcx, rax, 8)));
        a.ret();
        a.bind(end);
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_set_merge',
      contract: 'rdi=set value (target), rsi=set or frozenset value -> rax=0 or EXC: every key of the second added with its stored hash (set_merge, presizing and the clean-copy shortcuts of CPython); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const done = a.newLabel();
        const presized = a.newLabel();
        const notSame = a.newLabel();
        const notEmpty = a.newLabel();
        const loop = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        unboxPtr(a, r13);
        a.cmp(r12, r13);
        a.je(done);
        a.cmp(qword(mem(r13, SET.used)), 0);
        a.je(done);
        // One resize up front: (fill + other.used) * 5 >= mask * 3 -> (used + other.used) * 2.
        a.mov(rax, qword(mem(r12, SET.fill)));
        a.add(rax, qword(mem(r13, SET.used)));
        a.lea(rax, sib(rax, rax, 4));
        a.mov(rcx, qword(mem(r12, SET.mask)));
        a.lea(rcx, sib(rcx, rcx, 2));
        a.cmp(rax, rcx);
        a.jb(presized);
        a.mov(rsi, qword(mem(r12, SET.used)));
        a.add(rsi, qword(mem(r13, SET.used)));
        a.add(rsi, rsi);
        a.mov(rdi, r12);
        callChecked(a, 'rt_set_resize', out);
        a.bind(presized);
        a.cmp(qword(mem(r12, SET.fill)), 0);
        a.jne(notEmpty);
        // An empty target of the same size, and no dummies in the source: copy slot by slot.
        a.mov(rax, qword(mem(r12, SET.mask)));
        a.cmp(rax, qword(mem(r13, SET.mask)));
        a.jne(notSame);
        a.mov(rax, qword(mem(r13, SET.fill)));
        a.cmp(rax, qword(mem(r13, SET.used)));
        a.jne(notSame);
        a.mov(rdi, qword(mem(r12, SET.table)));
        unboxPtr(a, rdi);
        a.add(rdi, VALUES.items);
        setTable(a, rsi, r13);
        a.mov(rcx, qword(mem(r13, SET.mask)));
        a.inc(rcx);
        a.rep_movsq();
        setHashes(a, rdi, r12);
        setHashes(a, rsi, r13);
        a.mov(rcx, qword(mem(r13, SET.mask)));
        a.inc(rcx);
        a.rep_movsq();
        a.mov(rax, qword(mem(r13, SET.fill)));
        a.mov(qword(mem(r12, SET.fill)), rax);
        a.mov(rax, qword(mem(r13, SET.used)));
        a.mov(qword(mem(r12, SET.used)), rax);
        invalidateHash(a, r12);
        a.jmp(done);
        // An empty target: clean insertions.
        a.bind(notSame);
        a.mov(rax, qword(mem(r13, SET.used)));
        a.mov(qword(mem(r12, SET.fill)), rax);
        a.mov(qword(mem(r12, SET.used)), rax);
        invalidateHash(a, r12);
        a.xor(ebx, ebx);
        const clean = a.newLabel();
        a.bind(clean);
        a.mov(rdi, r13);
        a.mov(rsi, rbx);
        a.call(sym('rt_set_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(rbx, mem(rax, 1));
        a.mov(r8, rcx);
        a.mov(rcx, rdx);
        setTable(a, rdi, r12);
        setHashes(a, rsi, r12);
        a.mov(rdx, qword(mem(r12, SET.mask)));
        a.call(sym('rt_set_insert_clean'));
        a.jmp(clean);
        // Otherwise ordinary insertions, in the source's table order.
        a.bind(notEmpty);
        a.xor(ebx, ebx);
        a.bind(loop);
        a.mov(rdi, r13);
        a.mov(rsi, rbx);
        a.call(sym('rt_set_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(rbx, mem(rax, 1));
        a.mov(rdi, r12);
        a.mov(rsi, rdx);
        a.mov(rdx, rcx);
        callChecked(a, 'rt_set_add_entry', out);
        a.jmp(loop);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_set_update',
      contract: 'rdi=set value, rsi=iterable -> rax=0 or EXC: sets merge, exact dicts add their keys with the stored hashes (after one presize), anything else is iterated (set_update_internal); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14] as const;
        const out = a.newLabel();
        const notSet = a.newLabel();
        const notDict = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        ifNotAnySet(a, r13, rax, notSet);
        a.call(sym('rt_set_merge'));
        a.jmp(out);
        a.bind(notSet);
        ifNotExact(a, r13, 'dict', rax, rcx, notDict);
        {
          const presized = a.newLabel();
          const loop = a.newLabel();
          a.mov(rbx, r12);
          unboxPtr(a, rbx);
          a.mov(r14, r13);
          unboxPtr(a, r14);
          a.mov(rax, qword(mem(rbx, SET.fill)));
          a.add(rax, qword(mem(r14, 16))); // dict used
          a.lea(rax, sib(rax, rax, 4));
          a.mov(rcx, qword(mem(rbx, SET.mask)));
          a.lea(rcx, sib(rcx, rcx, 2));
          a.cmp(rax, rcx);
          a.jb(presized);
          a.mov(rsi, qword(mem(rbx, SET.used)));
          a.add(rsi, qword(mem(r14, 16)));
          a.add(rsi, rsi);
          a.mov(rdi, rbx);
          callChecked(a, 'rt_set_resize', out);
          a.bind(presized);
          a.xor(r13, r13);
          a.bind(loop);
          a.mov(rdi, r14);
          a.mov(rsi, r13);
          a.call(sym('rt_dict_next'));
          a.test(rax, rax);
          a.js(done);
          a.lea(r13, mem(rax, 1));
          a.mov(rdi, rbx);
          a.mov(rsi, rdx);
          a.mov(rdx, r8);
          callChecked(a, 'rt_set_add_entry', out);
          a.jmp(loop);
        }
        a.bind(notDict);
        {
          const loop = a.newLabel();
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
          callChecked(a, 'rt_set_add', out);
          a.jmp(loop);
        }
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_set_from_iterable',
      contract: 'rdi=iterable -> rax=new set of its items (set(x)), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_set')));
        a.jmp(sym('rt_set_make'));
      },
    },
    {
      name: 'rt_frozenset_from_iterable',
      contract: 'rdi=iterable -> rax=frozenset of its items (an exact frozenset is returned as is), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const fresh = a.newLabel();
        ifNotExact(a, rdi, 'frozenset', rax, rcx, fresh);
        a.mov(rax, rdi);
        a.ret();
        a.bind(fresh);
        a.lea(rsi, rip(sym('type_frozenset')));
        a.jmp(sym('rt_set_make'));
      },
    },
    {
      name: 'rt_set_make',
      contract: 'rdi=iterable or UNBOUND, rsi=type address -> rax=new set of that type filled from the iterable (make_new_set), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        callChecked(a, 'rt_set_alloc', out);
        a.mov(r13, rax);
        a.cmp(r12, g('rt_const_unbound'));
        const done = a.newLabel();
        a.je(done);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        callChecked(a, 'rt_set_update', out);
        a.bind(done);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_set_from_values',
      contract: 'rdi=address of n value words, rsi=n -> rax=new set of them (BUILD_SET), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_set_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r14, rax);
        a.xor(r15, r15);
        a.bind(loop);
        a.cmp(r15, r13);
        a.jae(done);
        a.mov(rdi, r14);
        a.mov(rsi, qword(sib(r12, r15, 8)));
        callChecked(a, 'rt_set_add', out);
        a.inc(r15);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
    {
      name: 'rt_set_copy',
      contract: 'rdi=set or frozenset value -> rax=a new exact set (from a set or set subclass) or frozenset (from a frozenset kind) with the same keys (make_new_set_basetype), or EXC; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.call(sym('rt_set_basetype'));
        a.pop(rdi);
        a.mov(rsi, rax);
        a.jmp(sym('rt_set_make'));
      },
    },
    {
      name: 'rt_set_basetype',
      contract: 'rdi=set or frozenset value -> rax=address of type_set for sets and set subclasses, type_frozenset otherwise; clobbers rax rcx rdx rdi rsi',
      emit(a: Assembler<any>) {
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_set')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.lea(rax, rip(sym('type_frozenset')));
        a.lea(rcx, rip(sym('type_set')));
        a.cmovne(rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_set_clear',
      contract: 'rdi=set value -> rax=0 or EXC: emptied to a fresh 8-slot table (the pop finger stays); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(edi, SET_MINSIZE);
        callChecked(a, 'rt_set_table_new', out);
        boxPtr(a, rax, rcx);
        boxPtr(a, rdx, rcx);
        a.mov(qword(mem(r12, SET.table)), rax);
        a.mov(qword(mem(r12, SET.hashes)), rdx);
        a.mov(qword(mem(r12, SET.mask)), SET_MINSIZE - 1);
        a.xor(eax, eax);
        a.mov(qword(mem(r12, SET.fill)), rax);
        a.mov(qword(mem(r12, SET.used)), rax);
        invalidateHash(a, r12); // the pop finger survives, as in set_clear_internal
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_set_swap_bodies',
      contract: 'rdi, rsi=raw sets -> their tables, fill, used and mask exchanged (set_swap_bodies); hash caches dropped; clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        for (const f of ['fill', 'used', 'mask', 'table', 'hashes'] as const) {
          a.mov(rax, qword(mem(rdi, SET[f])));
          a.mov(rcx, qword(mem(rsi, SET[f])));
          a.mov(qword(mem(rdi, SET[f])), rcx);
          a.mov(qword(mem(rsi, SET[f])), rax);
        }
        invalidateHash(a, rdi);
        invalidateHash(a, rsi);
        a.ret();
      },
    },
    // ---- slots -----------------------------------------------------------------------------
    ...both('len', '-> rax=number of keys; clobbers rax', (a) => {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, SET.used)));
      a.ret();
    }),
    ...both('contains', ', rsi=value -> eax=1 if present, 0 if not, -1 if raised (a set value is looked up as a frozenset); may allocate, may raise', (a) => {
      const out = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, rdi);
      a.mov(rdi, rsi);
      a.call(sym('rt_set_key'));
      const fail = a.newLabel();
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.mov(rdi, r12);
      unboxPtr(a, rdi);
      a.mov(rsi, rax);
      a.call(sym('rt_set_contains_key'));
      a.jmp(out);
      a.bind(fail);
      a.mov(eax, -1);
      a.bind(out);
      epilogue(a, [r12]);
    }),
    ...both('iter', '-> rax=set_iterator over it; may allocate', (a) => {
      prologue(a, [r12]);
      a.mov(r12, rdi);
      a.mov(edi, SETITER.size);
      a.lea(rsi, rip(sym('type_set_iterator')));
      a.call(sym('rt_alloc'));
      a.mov(qword(mem(rax, SETITER.set)), r12);
      unboxPtr(a, r12);
      a.mov(rcx, qword(mem(r12, SET.used)));
      a.mov(qword(mem(rax, SETITER.used)), rcx);
      a.mov(qword(mem(rax, SETITER.remaining)), rcx);
      boxPtr(a, rax, rcx);
      epilogue(a, [r12]);
    }),
    {
      name: 'rt_next_set_iterator',
      contract: 'rdi=set_iterator -> rax=next key in table order, UNBOUND when exhausted, or EXC (RuntimeError "Set changed size during iteration"); may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        const resized = a.newLabel();
        a.mov(r9, rdi);
        unboxPtr(a, r9);
        a.mov(rdi, qword(mem(r9, SETITER.set)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, SET.used)));
        a.cmp(rax, qword(mem(r9, SETITER.used)));
        a.jne(resized);
        a.mov(rsi, qword(mem(r9, SETITER.pos)));
        a.call(sym('rt_set_next'));
        a.test(rax, rax);
        a.js(end);
        a.inc(rax);
        a.mov(qword(mem(r9, SETITER.pos)), rax);
        a.dec(qword(mem(r9, SETITER.remaining)));
        a.mov(rax, rdx);
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r9, SETITER.set)), rax);
        a.ret();
        a.bind(resized);
        a.mov(rax, USED_POISON);
        a.mov(qword(mem(r9, SETITER.used)), rax);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym('msg_set_changed_size')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_iter_set_iterator',
      contract: 'rdi=set_iterator -> rax=the iterator itself',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_hash_set',
      contract: "rdi=set value -> rax=-1 with TypeError \"unhashable type: 'set'\"; may allocate",
      emit(a: Assembler<any>) {
        unhashable(a);
      },
    },
    {
      name: 'rt_hash_frozenset',
      contract: 'rdi=frozenset value -> rax=CPython\'s frozenset hash (xor of shuffled slot hashes, corrected for empty and dummy slots, then dispersed), cached; clobbers rax rcx rdx rsi rdi r8 r9; no alloc',
      emit(a: Assembler<any>) {
        const compute = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        a.mov(rsi, rdi);
        unboxPtr(a, rsi);
        a.mov(rax, qword(mem(rsi, SET.hashHi)));
        a.bt(rax, 32);
        a.jnc(compute);
        a.shl(rax, 32);
        a.or(rax, qword(mem(rsi, SET.hashLo)));
        a.ret();
        a.bind(compute);
        // rax = xor of _shuffle_bits(h) over every slot (empty 0, dummy -1).
        setHashes(a, rdi, rsi);
        a.xor(eax, eax);
        a.xor(ecx, ecx);
        a.mov(r9, 3644798167);
        a.bind(loop);
        a.cmp(rcx, qword(mem(rsi, SET.mask)));
        a.ja(done);
        a.mov(rdx, qword(sib(rdi, rcx, 8)));
        shuffle(a, rdx, r8, r9);
        a.xor(rax, rdx);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
        // An odd number of empty slots, then of dummies, cancels one shuffled 0 / -1.
        const evenEmpty = a.newLabel();
        a.mov(rcx, qword(mem(rsi, SET.mask)));
        a.inc(rcx);
        a.sub(rcx, qword(mem(rsi, SET.fill)));
        a.test(ecx, 1);
        a.je(evenEmpty);
        a.xor(edx, edx);
        shuffle(a, rdx, r8, r9);
        a.xor(rax, rdx);
        a.bind(evenEmpty);
        const evenDummy = a.newLabel();
        a.mov(rcx, qword(mem(rsi, SET.fill)));
        a.sub(rcx, qword(mem(rsi, SET.used)));
        a.test(ecx, 1);
        a.je(evenDummy);
        a.mov(rdx, -1);
        shuffle(a, rdx, r8, r9);
        a.xor(rax, rdx);
        a.bind(evenDummy);
        // hash ^= (len + 1) * 1927868237; hash ^= (hash >> 11) ^ (hash >> 25);
        // hash = hash * 69069 + 907133923; -1 becomes 590923713.
        a.mov(rcx, qword(mem(rsi, SET.used)));
        a.inc(rcx);
        a.imul(rcx, rcx, 1927868237);
        a.xor(rax, rcx);
        a.mov(rcx, rax);
        a.shr(rcx, 11);
        a.mov(rdx, rax);
        a.shr(rdx, 25);
        a.xor(rcx, rdx);
        a.xor(rax, rcx);
        a.imul(rax, rax, 69069);
        a.add(rax, 907133923);
        a.cmp(rax, -1);
        const ok = a.newLabel();
        a.jne(ok);
        a.mov(eax, 590923713);
        a.bind(ok);
        a.mov(ecx, eax);
        a.mov(qword(mem(rsi, SET.hashLo)), rcx);
        a.mov(rcx, rax);
        a.shr(rcx, 32);
        a.bts(rcx, 32);
        a.mov(qword(mem(rsi, SET.hashHi)), rcx);
        a.ret();
      },
    },
    ...both('repr', '-> rax=str "{a, b}" / "set()" ("frozenset({a})", "frozenset()"; "set(...)" inside itself) or EXC; may allocate, may raise', (a) => {
      // set_repr: the keys as a list, written between braces, the type name around them
      // unless the value is an exact set.
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const failBoth = a.newLabel();
      const failRec = a.newLabel();
      const recursive = a.newLabel();
      const empty = a.newLabel();
      const loop = a.newLabel();
      const first = a.newLabel();
      const done = a.newLabel();
      const namedOpen = a.newLabel();
      const opened = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.lea(rdi, rip(sym('msg_while_repr')));
      callChecked(a, 'rt_recursion_enter', out);
      a.mov(rdi, r12);
      a.call(sym('rt_cont_repr_enter'));
      a.test(eax, eax);
      a.jg(recursive);
      a.jl(failRec);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, SET.used)), 0);
      a.je(empty);
      a.mov(rdi, r12);
      callChecked(a, 'rt_list_from_iterable', failBoth);
      a.mov(r15, rax); // the keys
      a.mov(edi, 16);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      ifNotExact(a, r12, 'set', rax, rcx, namedOpen);
      a.jmp(opened);
      a.bind(namedOpen); // "frozenset(" before the braces
      typeNameTo(a);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_set_paren_brace')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      a.bind(opened);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_set_brace_open')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      a.xor(r14, r14);
      a.bind(loop);
      a.mov(rdi, r15);
      a.call(sym('rt_cont_seqitems'));
      a.cmp(r14, rdx);
      a.jae(done);
      a.mov(rdi, qword(sib(rax, r14, 8)));
      a.test(r14, r14);
      a.je(first);
      a.mov(qword(mem(rsp)), rdi);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_comma_space')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      a.mov(rdi, qword(mem(rsp)));
      a.bind(first);
      callChecked(a, 'rt_repr', failBoth);
      a.mov(rdi, r13);
      a.mov(rsi, rax);
      a.call(sym('rt_sb_append_str'));
      a.mov(r13, rax);
      a.inc(r14);
      a.jmp(loop);
      a.bind(done);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_set_brace_close')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      const namedClose = a.newLabel();
      ifNotExact(a, r12, 'set', rax, rcx, namedClose);
      const finished = a.newLabel();
      a.jmp(finished);
      a.bind(namedClose);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_paren_close')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      a.bind(finished);
      a.mov(rdi, r13);
      a.call(sym('rt_sb_finish'));
      const leave = a.newLabel();
      a.bind(leave);
      a.mov(r13, rax);
      a.call(sym('rt_cont_repr_leave'));
      a.call(sym('rt_recursion_leave'));
      a.mov(rax, r13);
      a.bind(out);
      epilogue(a, saved, 8);
      // "set()" and "frozenset()": the type name and "()".
      a.bind(empty);
      a.mov(edi, 16);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      typeNameTo(a);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_set_empty_parens')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.jmp(leave);
      // Inside itself: "set(...)".
      a.bind(recursive);
      a.call(sym('rt_recursion_leave'));
      a.mov(edi, 16);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      typeNameTo(a);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_set_recursive')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.jmp(out);
      a.bind(failBoth);
      a.call(sym('rt_cont_repr_leave'));
      a.bind(failRec);
      a.call(sym('rt_recursion_leave'));
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);

      /** Append the type name of the value in r12 to the builder in r13. */
      function typeNameTo(asm: Assembler<any>): void {
        asm.mov(rdi, r12);
        asm.call(sym('rt_type_of'));
        asm.mov(rsi, qword(mem(rax, TYPE.name)));
        asm.mov(rdi, r13);
        asm.call(sym('rt_sb_append_str'));
        asm.mov(r13, rax);
      }
    }),
    {
      name: 'rt_new_set',
      contract: 'the new slot of set: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> rax=empty set of that type, or EXC ("set() takes no keyword arguments" for set itself); may allocate',
      emit(a: Assembler<any>) {
        const ok = a.newLabel();
        a.lea(rax, rip(sym('type_set')));
        a.cmp(rdi, rax);
        a.jne(ok);
        a.test(rcx, rcx);
        a.je(ok);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, 16)), 0);
        a.je(ok);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_set_no_kwargs')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(ok);
        a.jmp(sym('rt_set_alloc'));
      },
    },
    {
      name: 'rt_init_set',
      contract: 'the init slot of set: rdi=self, rsi=args, rdx=nargs, rcx=kwnames -> rax=0 or EXC (cleared, then filled from the iterable if given); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noArg = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.lea(r14, mem(rdx, 1));
        checkArgs(a, SPEC_INIT, r14, rcx, out);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        const cleared = a.newLabel();
        a.cmp(qword(mem(rax, SET.fill)), 0);
        a.je(cleared);
        a.mov(rdi, r12);
        callChecked(a, 'rt_set_clear', out);
        a.bind(cleared);
        a.cmp(r14, 1);
        a.je(noArg);
        a.mov(rdi, r12);
        a.mov(rsi, qword(mem(r13)));
        callChecked(a, 'rt_set_update', out);
        a.bind(noArg);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_new_frozenset',
      contract: 'the new slot of frozenset: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> rax=frozenset() / frozenset(iterable) of that type (an exact frozenset argument is returned as is), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noKwCheck = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.lea(r14, mem(rdx, 1));
        a.lea(rax, rip(sym('type_frozenset')));
        a.cmp(r12, rax);
        a.jne(noKwCheck);
        checkArgs(a, SPEC_FROZEN, r14, rcx, out);
        a.bind(noKwCheck);
        const withArg = a.newLabel();
        const make = a.newLabel();
        a.mov(rdi, g('rt_const_unbound'));
        a.cmp(r14, 1);
        a.je(make);
        a.bind(withArg);
        a.mov(rdi, qword(mem(r13)));
        a.lea(rax, rip(sym('type_frozenset')));
        a.cmp(r12, rax);
        a.jne(make);
        const notFrozen = a.newLabel();
        ifNotExact(a, rdi, 'frozenset', rax, rcx, notFrozen);
        a.mov(rax, rdi);
        a.jmp(out);
        a.bind(notFrozen);
        a.bind(make);
        a.mov(rsi, r12);
        a.call(sym('rt_set_make'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
  ],
  data: [
    argSpecDatum(SPEC_INIT),
    argSpecDatum(SPEC_FROZEN),
    cstr('msg_set_changed_size', 'Set changed size during iteration'),
    cstr('msg_set_no_kwargs', 'set() takes no keyword arguments'),
    cstr('str_set_brace_open', '{'),
    cstr('str_set_brace_close', '}'),
    cstr('str_set_paren_brace', '('),
    cstr('str_set_empty_parens', '()'),
    cstr('str_set_recursive', '(...)'),
  ],
};

/** rbx = LINEAR_PROBES if slot r15 + LINEAR_PROBES <= mask of the set in r12, else 0. */
function probeCount(a: Assembler<any>): void {
  a.lea(rax, mem(r15, LINEAR_PROBES));
  a.xor(ebx, ebx);
  a.mov(ecx, LINEAR_PROBES);
  a.cmp(rax, qword(mem(r12, SET.mask)));
  a.cmovbe(ebx, ecx);
}

/** perturb >>= 5; i = (i * 5 + 1 + perturb) & mask (perturb at [rsp], i in r15, set in r12). */
function perturbStep(a: Assembler<any>): void {
  a.mov(rax, qword(mem(rsp)));
  a.shr(rax, 5);
  a.mov(qword(mem(rsp)), rax);
  a.lea(r15, sib(r15, r15, 4, 1));
  a.add(r15, rax);
  a.and(r15, qword(mem(r12, SET.mask)));
}

/** Drop the frozenset hash cache of the raw set in `s` (a mutation of its table). */
function invalidateHash(a: Assembler<any>, s: typeof rax): void {
  a.mov(qword(mem(s, SET.hashHi)), 0);
}

/** h = ((h ^ 89869747) ^ (h << 16)) * 3644798167 (frozenset's _shuffle_bits); k = 3644798167. */
function shuffle(a: Assembler<any>, h: typeof rax, t: typeof rax, k: typeof rax): void {
  a.mov(t, h);
  a.shl(t, 16);
  a.xor(h, 89869747);
  a.xor(h, t);
  a.imul(h, k);
}
