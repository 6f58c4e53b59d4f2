// Container runtime: set algebra, comparisons, operators and the methods of set and
// frozenset (Objects/setobject.c of CPython 3.11).
//
// Each operation follows its setobject.c counterpart in which operand it walks, when it
// copies first and when it swaps operands (intersection walks the smaller set), because
// those choices decide the order keys are inserted in, and so the result's iteration order.
// Results of operators and methods have the base type of the left operand (set for sets
// and set subclasses, frozenset otherwise); in-place operators mutate sets only.
//
// Register conventions inside the walking routines: r12 = the left set (value), r13 = the
// other operand (value), r14 = the result (value), rbx = position or iterator, r15 = the
// current key, [rsp] = its hash.

import { type Assembler, type Label, eax, edx, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DICT, DUMMY, SET } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type ArgSpec, argSpec, argSpecDatum, callChecked, checkArgs, ifExact, ifLayout, ifNotExact } from './listshared.js';
import { ifNotAnySet, setHashes, setTable } from './set.js';

const MANY = 1 << 30;
type Kind = 'set' | 'frozenset';

function specs(t: Kind) {
  return {
    union: argSpec(`${t}.union`, 'VAR', 0, MANY),
    intersection: argSpec(`${t}.intersection`, 'VAR', 0, MANY),
    difference: argSpec(`${t}.difference`, 'VAR', 0, MANY),
    symmetric_difference: argSpec(`${t}.symmetric_difference`, 'O'),
    issubset: argSpec(`${t}.issubset`, 'O'),
    issuperset: argSpec(`${t}.issuperset`, 'O'),
    isdisjoint: argSpec(`${t}.isdisjoint`, 'O'),
    copy: argSpec(`${t}.copy`, 'NOARGS'),
  } as const satisfies Record<string, ArgSpec>;
}
const SET_ONLY = {
  add: argSpec('set.add', 'O'),
  discard: argSpec('set.discard', 'O'),
  remove: argSpec('set.remove', 'O'),
  pop: argSpec('set.pop', 'NOARGS'),
  clear: argSpec('set.clear', 'NOARGS'),
  update: argSpec('set.update', 'VAR', 0, MANY),
  intersection_update: argSpec('set.intersection_update', 'VAR', 0, MANY),
  difference_update: argSpec('set.difference_update', 'VAR', 0, MANY),
  symmetric_difference_update: argSpec('set.symmetric_difference_update', 'O'),
} as const satisfies Record<string, ArgSpec>;
const SPECS: Record<Kind, Record<string, ArgSpec>> = { set: { ...specs('set'), ...SET_ONLY }, frozenset: specs('frozenset') };

const SAVED = [rbx, r12, r13, r14, r15] as const;

/**
 * A routine with SAVED pushed and 8 bytes at [rsp]: r12 = rdi, r13 = rsi on entry. `fail`
 * returns EXC (or -1 for an `int` result routine).
 */
function walker(name: string, contract: string, body: (a: Assembler<any>, out: Label, fail: Label) => void, intResult = false): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      body(a, out, fail);
      a.bind(out);
      epilogue(a, SAVED, 8);
      a.bind(fail);
      if (intResult) a.mov(eax, -1);
      else a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** Walk the keys of the set value in `src` in table order: r15 = key, [rsp] = hash (rbx = position). */
function walkSet(a: Assembler<any>, src: typeof rax, each: (a: Assembler<any>) => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(rbx, rbx);
  a.bind(loop);
  a.mov(rdi, src);
  unboxPtr(a, rdi);
  a.mov(rsi, rbx);
  a.call(sym('rt_set_next'));
  a.test(rax, rax);
  a.js(done);
  a.lea(rbx, mem(rax, 1));
  a.mov(r15, rdx);
  a.mov(qword(mem(rsp)), rcx);
  each(a);
  a.jmp(loop);
  a.bind(done);
}

/** Walk the pairs of the dict value in `src`: r15 = key, [rsp] = its stored hash (rbx = position). */
function walkDict(a: Assembler<any>, src: typeof rax, each: (a: Assembler<any>) => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(rbx, rbx);
  a.bind(loop);
  a.mov(rdi, src);
  unboxPtr(a, rdi);
  a.mov(rsi, rbx);
  a.call(sym('rt_dict_next'));
  a.test(rax, rax);
  a.js(done);
  a.lea(rbx, mem(rax, 1));
  a.mov(r15, rdx);
  a.mov(qword(mem(rsp)), r8);
  each(a);
  a.jmp(loop);
  a.bind(done);
}

/** Iterate any iterable in `src`: r15 = each item (rbx = the iterator); errors go to `fail`. */
function walkIter(a: Assembler<any>, src: typeof rax, fail: Label, each: (a: Assembler<any>) => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rdi, src);
  a.call(sym('rt_cont_iter'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(rbx, rax);
  a.bind(loop);
  a.mov(rdi, rbx);
  a.call(sym('rt_cont_next'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(done);
  a.mov(r15, rax);
  each(a);
  a.jmp(loop);
  a.bind(done);
}

/** rt_set_add_entry(the set value in `s`, r15, [rsp]), or fail. */
function addEntry(a: Assembler<any>, s: typeof rax, fail: Label): void {
  a.mov(rdi, s);
  unboxPtr(a, rdi);
  a.mov(rsi, r15);
  a.mov(rdx, qword(mem(rsp)));
  a.call(sym('rt_set_add_entry'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

/** eax = rt_set_contains_entry(the set value in `s`, r15, [rsp]), flags set; -1 goes to fail. */
function containsEntry(a: Assembler<any>, s: typeof rax, fail: Label): void {
  a.mov(rdi, s);
  unboxPtr(a, rdi);
  a.mov(rsi, r15);
  a.mov(rdx, qword(mem(rsp)));
  a.call(sym('rt_set_contains_entry'));
  a.test(eax, eax);
  a.js(fail);
}

/** dst = number of keys of the set value in `s`. */
function setLen(a: Assembler<any>, dst: typeof rax, s: typeof rax): void {
  a.mov(dst, s);
  unboxPtr(a, dst);
  a.mov(dst, qword(mem(dst, SET.used)));
}

/** r14 = a new empty set of the base type of the set value in r12. */
function newBaseResult(a: Assembler<any>, fail: Label): void {
  a.mov(rdi, r12);
  a.call(sym('rt_set_basetype'));
  a.mov(rsi, rax);
  a.mov(rdi, g('rt_const_unbound'));
  a.call(sym('rt_set_make'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(r14, rax);
}

/** Resize away dummies when more than a quarter of the table (set in r12) holds them. */
function compactIfSparse(a: Assembler<any>, fail: Label): void {
  const done = a.newLabel();
  const big = a.newLabel();
  const go = a.newLabel();
  a.mov(rdi, r12);
  unboxPtr(a, rdi);
  a.mov(rax, qword(mem(rdi, SET.fill)));
  a.sub(rax, qword(mem(rdi, SET.used)));
  a.mov(rcx, qword(mem(rdi, SET.mask)));
  a.shr(rcx, 2);
  a.cmp(rax, rcx);
  a.jbe(done);
  a.mov(rsi, qword(mem(rdi, SET.used)));
  a.cmp(rsi, 50000);
  a.ja(big);
  a.shl(rsi, 2);
  a.jmp(go);
  a.bind(big);
  a.shl(rsi, 1);
  a.bind(go);
  a.call(sym('rt_set_resize'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.bind(done);
}

const ALGEBRA: RuntimeRoutine[] = [
  walker('rt_set_intersection', 'rdi=set, rsi=iterable -> rax=new set (base type of the first) of the keys in both (set_intersection: walks the smaller of two sets, else the iterable), or EXC; may allocate, may raise', (a, out, fail) => {
    const notSelf = a.newLabel();
    const iterable = a.newLabel();
    const done = a.newLabel();
    const ordered = a.newLabel();
    a.cmp(r12, r13);
    a.jne(notSelf);
    a.mov(rdi, r12);
    a.call(sym('rt_set_copy'));
    a.jmp(out);
    a.bind(notSelf);
    newBaseResult(a, fail);
    ifNotAnySet(a, r13, rax, iterable);
    setLen(a, rax, r13);
    setLen(a, rcx, r12);
    a.cmp(rax, rcx);
    a.jbe(ordered);
    a.xchg(r12, r13);
    a.bind(ordered);
    walkSet(a, r13, (asm) => {
      const skip = asm.newLabel();
      containsEntry(asm, r12, fail);
      asm.je(skip);
      addEntry(asm, r14, fail);
      asm.bind(skip);
    });
    a.jmp(done);
    a.bind(iterable);
    walkIter(a, r13, fail, (asm) => {
      const skip = asm.newLabel();
      asm.mov(rdi, r15);
      asm.call(sym('rt_cont_hash'));
      asm.cmp(rax, -1);
      asm.je(fail);
      asm.mov(qword(mem(rsp)), rax);
      containsEntry(asm, r12, fail);
      asm.je(skip);
      addEntry(asm, r14, fail);
      asm.bind(skip);
    });
    a.bind(done);
    a.mov(rax, r14);
  }),
  walker('rt_set_difference_update', 'rdi=set, rsi=iterable -> rax=0 or EXC: its keys removed, then dummies compacted past a quarter of the table (set_difference_update_internal); may allocate, may raise', (a, out, fail) => {
    const notSelf = a.newLabel();
    const iterable = a.newLabel();
    const done = a.newLabel();
    const small = a.newLabel();
    a.cmp(r12, r13);
    a.jne(notSelf);
    a.mov(rdi, r12);
    a.call(sym('rt_set_clear'));
    a.jmp(out);
    a.bind(notSelf);
    ifNotAnySet(a, r13, rax, iterable);
    // An other set more than 8 times larger is first intersected with this one.
    setLen(a, rax, r13);
    a.shr(rax, 3);
    setLen(a, rcx, r12);
    a.cmp(rax, rcx);
    a.jbe(small);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    callChecked(a, 'rt_set_intersection', fail);
    a.mov(r13, rax);
    a.bind(small);
    walkSet(a, r13, (asm) => {
      asm.mov(rdi, r12);
      unboxPtr(asm, rdi);
      asm.mov(rsi, r15);
      asm.mov(rdx, qword(mem(rsp)));
      asm.call(sym('rt_set_discard_entry'));
      asm.test(eax, eax);
      asm.js(fail);
    });
    a.jmp(done);
    a.bind(iterable);
    walkIter(a, r13, fail, (asm) => {
      asm.mov(rdi, r12);
      unboxPtr(asm, rdi);
      asm.mov(rsi, r15);
      asm.call(sym('rt_set_discard_key'));
      asm.test(eax, eax);
      asm.js(fail);
    });
    a.bind(done);
    compactIfSparse(a, fail);
    a.xor(eax, eax);
  }),
  walker('rt_set_difference', 'rdi=set, rsi=iterable -> rax=new set of the keys not in the iterable (set_difference; a copy and difference_update when the other is small or neither a set nor an exact dict), or EXC; may allocate, may raise', (a, out, fail) => {
    const copyDiff = a.newLabel();
    const haveSize = a.newLabel();
    const notSet = a.newLabel();
    const isDict = a.newLabel();
    ifNotAnySet(a, r13, rax, notSet);
    setLen(a, rdx, r13);
    a.jmp(haveSize);
    a.bind(notSet);
    ifNotExact(a, r13, 'dict', rax, rcx, copyDiff);
    a.mov(rdx, r13);
    unboxPtr(a, rdx);
    a.mov(rdx, qword(mem(rdx, DICT.used)));
    a.bind(haveSize);
    setLen(a, rax, r12);
    a.shr(rax, 2);
    a.cmp(rax, rdx);
    a.ja(copyDiff);
    newBaseResult(a, fail);
    ifExact(a, r13, 'dict', rax, rcx, isDict);
    walkSet(a, r12, (asm) => {
      const skip = asm.newLabel();
      containsEntry(asm, r13, fail);
      asm.jne(skip);
      addEntry(asm, r14, fail);
      asm.bind(skip);
    });
    a.mov(rax, r14);
    a.jmp(out);
    a.bind(isDict);
    walkSet(a, r12, (asm) => {
      const skip = asm.newLabel();
      asm.mov(rdi, r13);
      asm.mov(rsi, r15);
      asm.mov(rdx, qword(mem(rsp)));
      asm.call(sym('rt_dict_getitem_hash'));
      asm.cmp(rax, g('rt_const_exc'));
      asm.je(fail);
      asm.cmp(rax, g('rt_const_unbound'));
      asm.jne(skip);
      addEntry(asm, r14, fail);
      asm.bind(skip);
    });
    a.mov(rax, r14);
    a.jmp(out);
    a.bind(copyDiff);
    a.mov(rdi, r12);
    callChecked(a, 'rt_set_copy', fail);
    a.mov(r14, rax);
    a.mov(rdi, rax);
    a.mov(rsi, r13);
    callChecked(a, 'rt_set_difference_update', fail);
    a.mov(rax, r14);
  }),
  walker('rt_set_symmetric_difference_update', 'rdi=set, rsi=iterable -> rax=0 or EXC: each key of the other removed when present, else added (a dict\'s keys with their stored hashes; other non-sets made a set first); may allocate, may raise', (a, out, fail) => {
    const notSelf = a.newLabel();
    const notDict = a.newLabel();
    const haveSet = a.newLabel();
    const done = a.newLabel();
    const toggle = (asm: Assembler<any>): void => {
      const next = asm.newLabel();
      asm.mov(rdi, r12);
      unboxPtr(asm, rdi);
      asm.mov(rsi, r15);
      asm.mov(rdx, qword(mem(rsp)));
      asm.call(sym('rt_set_discard_entry'));
      asm.test(eax, eax);
      asm.js(fail);
      asm.jne(next);
      addEntry(asm, r12, fail);
      asm.bind(next);
    };
    a.cmp(r12, r13);
    a.jne(notSelf);
    a.mov(rdi, r12);
    a.call(sym('rt_set_clear'));
    a.jmp(out);
    a.bind(notSelf);
    ifNotExact(a, r13, 'dict', rax, rcx, notDict);
    walkDict(a, r13, toggle);
    a.jmp(done);
    a.bind(notDict);
    ifLayout(a, r13, 'set', rax, haveSet);
    a.mov(rdi, r12);
    a.call(sym('rt_set_basetype'));
    a.mov(rsi, rax);
    a.mov(rdi, r13);
    callChecked(a, 'rt_set_make', fail);
    a.mov(r13, rax);
    a.bind(haveSet);
    walkSet(a, r13, toggle);
    a.bind(done);
    a.xor(eax, eax);
  }),
  walker('rt_set_symmetric_difference', 'rdi=set, rsi=iterable -> rax=new set (base type of the first): a set of the iterable, symmetric-difference-updated with the first; or EXC; may allocate, may raise', (a, _out, fail) => {
    a.mov(rdi, r12);
    a.call(sym('rt_set_basetype'));
    a.mov(rsi, rax);
    a.mov(rdi, r13);
    callChecked(a, 'rt_set_make', fail);
    a.mov(r14, rax);
    a.mov(rdi, rax);
    a.mov(rsi, r12);
    callChecked(a, 'rt_set_symmetric_difference_update', fail);
    a.mov(rax, r14);
  }),
  walker('rt_set_issubset_set', 'rdi=set, rsi=set -> eax=1 if every key of the first is in the second, 0 if not, -1 if raised; may allocate, may raise', (a, out, fail) => {
    const no = a.newLabel();
    setLen(a, rax, r12);
    setLen(a, rcx, r13);
    a.cmp(rax, rcx);
    a.ja(no);
    walkSet(a, r12, (asm) => {
      containsEntry(asm, r13, fail);
      asm.je(no);
    });
    a.mov(eax, 1);
    a.jmp(out);
    a.bind(no);
    a.xor(eax, eax);
  }, true),
  walker('rt_set_issuperset', 'rdi=set, rsi=iterable -> eax=1 if every item of the iterable is in the set, 0 if not, -1 if raised; may allocate, may raise', (a, out, fail) => {
    const iterable = a.newLabel();
    const no = a.newLabel();
    ifNotAnySet(a, r13, rax, iterable);
    a.mov(rdi, r13);
    a.mov(rsi, r12);
    a.call(sym('rt_set_issubset_set'));
    a.jmp(out);
    a.bind(iterable);
    walkIter(a, r13, fail, (asm) => {
      asm.mov(rdi, r12);
      asm.mov(rsi, r15);
      asm.call(sym('rt_contains_set'));
      asm.test(eax, eax);
      asm.js(fail);
      asm.je(no);
    });
    a.mov(eax, 1);
    a.jmp(out);
    a.bind(no);
    a.xor(eax, eax);
  }, true),
  walker('rt_set_issubset', 'rdi=set, rsi=iterable -> eax=1 if every key of the set is in the iterable (made a set first), 0 if not, -1 if raised; may allocate, may raise', (a, _out, fail) => {
    const isSet = a.newLabel();
    ifLayout(a, r13, 'set', rax, isSet);
    a.lea(rsi, rip(sym('type_set')));
    a.mov(rdi, r13);
    a.call(sym('rt_set_make'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(r13, rax);
    a.bind(isSet);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_set_issubset_set'));
  }, true),
  walker('rt_set_isdisjoint', 'rdi=set, rsi=iterable -> eax=1 if they share no key, 0 if they do, -1 if raised (set_isdisjoint); may allocate, may raise', (a, out, fail) => {
    const notSelf = a.newLabel();
    const iterable = a.newLabel();
    const exactOther = a.newLabel();
    const ordered = a.newLabel();
    const no = a.newLabel();
    const yes = a.newLabel();
    a.cmp(r12, r13);
    a.jne(notSelf);
    setLen(a, rax, r12);
    a.test(rax, rax);
    a.je(yes);
    a.jmp(no);
    a.bind(notSelf);
    ifExact(a, r13, 'set', rax, rcx, exactOther);
    ifNotExact(a, r13, 'frozenset', rax, rcx, iterable);
    a.bind(exactOther);
    setLen(a, rax, r13);
    setLen(a, rcx, r12);
    a.cmp(rax, rcx);
    a.jbe(ordered);
    a.xchg(r12, r13);
    a.bind(ordered);
    walkSet(a, r13, (asm) => {
      containsEntry(asm, r12, fail);
      asm.jne(no);
    });
    a.jmp(yes);
    a.bind(iterable);
    walkIter(a, r13, fail, (asm) => {
      asm.mov(rdi, r12);
      unboxPtr(asm, rdi);
      asm.mov(rsi, r15);
      asm.call(sym('rt_set_contains_key'));
      asm.test(eax, eax);
      asm.js(fail);
      asm.jne(no);
    });
    a.bind(yes);
    a.mov(eax, 1);
    a.jmp(out);
    a.bind(no);
    a.xor(eax, eax);
  }, true),
];

// ---- comparisons and operators -------------------------------------------------------------

const SLOTS: RuntimeRoutine[] = [
  walker('rt_richcompare_set', 'rdi=set, rsi=other, edx=CMPOPS index -> rax=bool (== same keys, <= subset, < proper subset, ...), NotImplemented for a non-set, or EXC; may allocate, may raise', (a, out, fail) => {
    // r14d = op.
    const ni = a.newLabel();
    const answer = a.newLabel();
    const falseR = a.newLabel();
    const subsetAB = a.newLabel();
    const subsetBA = a.newLabel();
    const negate = a.newLabel();
    a.mov(r14d, edx);
    ifNotAnySet(a, r13, rax, ni);
    setLen(a, rax, r12);
    setLen(a, rcx, r13);
    const cases: [number, () => void][] = [
      [0, () => { a.cmp(rax, rcx); a.jae(falseR); a.jmp(subsetAB); }],
      [1, () => a.jmp(subsetAB)],
      [2, () => eq(false)],
      [3, () => eq(true)],
      [4, () => { a.cmp(rax, rcx); a.jbe(falseR); a.jmp(subsetBA); }],
      [5, () => a.jmp(subsetBA)],
    ];
    const labels = cases.map(() => a.newLabel());
    cases.forEach(([op], i) => {
      a.cmp(r14d, op);
      a.je(labels[i]!);
    });
    a.jmp(ni);
    cases.forEach(([, body], i) => {
      a.bind(labels[i]!);
      body();
    });
    a.bind(subsetAB);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_set_issubset_set'));
    a.jmp(answer);
    a.bind(subsetBA);
    a.mov(rdi, r13);
    a.mov(rsi, r12);
    a.call(sym('rt_set_issubset_set'));
    a.bind(answer);
    a.test(eax, eax);
    a.js(fail);
    a.cmp(r14d, 3);
    a.je(negate);
    a.test(eax, eax);
    a.mov(rax, g('rt_const_False'));
    a.cmovne(rax, g('rt_const_True'));
    a.jmp(out);
    a.bind(negate);
    a.test(eax, eax);
    a.mov(rax, g('rt_const_True'));
    a.cmovne(rax, g('rt_const_False'));
    a.jmp(out);
    a.bind(falseR);
    a.xor(eax, eax);
    a.jmp(answer);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));

    /** ==: different sizes or different cached frozenset hashes answer at once. */
    function eq(isNe: boolean): void {
      const differ = a.newLabel();
      a.cmp(rax, rcx);
      a.jne(differ);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(rcx, r13);
      unboxPtr(a, rcx);
      a.mov(rdx, qword(mem(rax, SET.hashHi)));
      a.mov(rdi, qword(mem(rcx, SET.hashHi)));
      a.bt(rdx, 32);
      a.jnc(subsetAB);
      a.bt(rdi, 32);
      a.jnc(subsetAB);
      a.cmp(rdx, rdi);
      a.jne(differ);
      a.mov(rdx, qword(mem(rax, SET.hashLo)));
      a.cmp(rdx, qword(mem(rcx, SET.hashLo)));
      a.jne(differ);
      a.jmp(subsetAB);
      a.bind(differ);
      a.xor(eax, eax);
      if (isNe) a.jmp(answer);
      else a.jmp(answer);
    }
  }),
  walker('rt_binop_set', 'rdi=a, rsi=b, edx=BINOPS index (+16 in place) -> rax=a | b, a & b, a - b, a ^ b between sets (new sets of the base type of a; in-place forms mutate a set a), NotImplemented otherwise, or EXC; may allocate, may raise', (a, out, fail) => {
    const ni = a.newLabel();
    const fresh = a.newLabel();
    a.mov(r14d, edx);
    ifNotAnySet(a, r12, rax, ni);
    ifNotAnySet(a, r13, rax, ni);
    // In place only on sets (frozensets build new ones).
    a.test(r14d, 16);
    a.je(fresh);
    a.mov(rdi, r12);
    a.call(sym('rt_set_basetype'));
    a.lea(rcx, rip(sym('type_set')));
    a.cmp(rax, rcx);
    a.jne(fresh);
    a.and(r14d, 15);
    const inplace: [number, string][] = [[10, 'rt_set_update'], [9, 'rt_set_intersection_update'], [1, 'rt_set_difference_update'], [11, 'rt_set_symmetric_difference_update']];
    for (const [op, routine] of inplace) {
      const next = a.newLabel();
      a.cmp(r14d, op);
      a.jne(next);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      callChecked(a, routine, fail);
      a.mov(rax, r12);
      a.jmp(out);
      a.bind(next);
    }
    a.jmp(ni);
    a.bind(fresh);
    a.and(r14d, 15);
    const orOp = a.newLabel();
    a.cmp(r14d, 10);
    a.je(orOp);
    const plain: [number, string][] = [[9, 'rt_set_intersection'], [1, 'rt_set_difference'], [11, 'rt_set_symmetric_difference']];
    for (const [op, routine] of plain) {
      const next = a.newLabel();
      a.cmp(r14d, op);
      a.jne(next);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym(routine));
      a.jmp(out);
      a.bind(next);
    }
    a.jmp(ni);
    // a | b: a copy of a, updated with b unless b is a.
    a.bind(orOp);
    a.mov(rdi, r12);
    callChecked(a, 'rt_set_copy', fail);
    a.mov(r14, rax);
    const same = a.newLabel();
    a.cmp(r12, r13);
    a.je(same);
    a.mov(rdi, r14);
    a.mov(rsi, r13);
    callChecked(a, 'rt_set_update', fail);
    a.bind(same);
    a.mov(rax, r14);
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
  }),
  walker('rt_set_intersection_update', 'rdi=set, rsi=iterable -> rax=0 or EXC: the set becomes its intersection with the iterable (set_intersection_update: the bodies are swapped); may allocate, may raise', (a, _out, fail) => {
    callChecked(a, 'rt_set_intersection', fail);
    a.mov(rdi, r12);
    unboxPtr(a, rdi);
    a.mov(rsi, rax);
    unboxPtr(a, rsi);
    a.call(sym('rt_set_swap_bodies'));
    a.xor(eax, eax);
  }),
  ...(['frozenset'] as const).flatMap((t): RuntimeRoutine[] => [
    { name: `rt_richcompare_${t}`, contract: 'as rt_richcompare_set', emit: (a) => a.jmp(sym('rt_richcompare_set')) },
    { name: `rt_binop_${t}`, contract: 'as rt_binop_set (frozensets are never changed in place)', emit: (a) => a.jmp(sym('rt_binop_set')) },
  ]),
];

// ---- methods --------------------------------------------------------------------------------

/**
 * A method of set or frozenset: r12 = args, r13 = nargs, rbx = self after the argument
 * check; `body` leaves rax = the result (or EXC) at its end, or jumps to `fail`.
 */
function method(t: Kind, name: string, contract: string, body: (a: Assembler<any>, fail: Label) => void): RuntimeRoutine {
  return {
    name: `rt_${t}_meth_${name}`,
    contract: `${t}.${name}: ${contract} (vector ABI)`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      checkArgs(a, SPECS[t][name]!, r13, rdx, out);
      a.mov(rbx, qword(mem(r12)));
      body(a, fail);
      a.bind(out);
      epilogue(a, SAVED, 8);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** For each argument args[1..nargs) in rsi (r14 = index): `each`. */
function eachArg(a: Assembler<any>, each: () => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(r14, 1);
  a.bind(loop);
  a.cmp(r14, r13);
  a.jae(done);
  a.mov(rsi, qword(sib(r12, r14, 8)));
  each();
  a.inc(r14);
  a.jmp(loop);
  a.bind(done);
}

function boolResult(a: Assembler<any>, fail: Label): void {
  a.test(eax, eax);
  a.js(fail);
  a.mov(rax, g('rt_const_False'));
  a.cmovne(rax, g('rt_const_True'));
}

function retNone(a: Assembler<any>): void {
  a.mov(rax, g('rt_const_None'));
}

/** args[1] as a key: an exact set becomes a frozenset (set_discard / set_contains retry). */
function keyArg(a: Assembler<any>, fail: Label): void {
  a.mov(rdi, qword(mem(r12, 8)));
  callChecked(a, 'rt_set_key', fail);
}

function commonMethods(t: Kind): RuntimeRoutine[] {
  return [
    method(t, 'union', 'union(*others) -> a new set with the keys of all', (a, fail) => {
      a.mov(rdi, rbx);
      callChecked(a, 'rt_set_copy', fail);
      a.mov(r15, rax);
      eachArg(a, () => {
        const skip = a.newLabel();
        a.cmp(rsi, rbx);
        a.je(skip);
        a.mov(rdi, r15);
        callChecked(a, 'rt_set_update', fail);
        a.bind(skip);
      });
      a.mov(rax, r15);
    }),
    method(t, 'intersection', 'intersection(*others) -> a new set (set_intersection_multi)', (a, fail) => {
      const some = a.newLabel();
      const done = a.newLabel();
      a.cmp(r13, 1);
      a.ja(some);
      a.mov(rdi, rbx);
      a.call(sym('rt_set_copy'));
      a.jmp(done);
      a.bind(some);
      a.mov(r15, rbx);
      eachArg(a, () => {
        a.mov(rdi, r15);
        callChecked(a, 'rt_set_intersection', fail);
        a.mov(r15, rax);
      });
      a.mov(rax, r15);
      a.bind(done);
    }),
    method(t, 'difference', 'difference(*others) -> a new set (set_difference_multi)', (a, fail) => {
      const some = a.newLabel();
      const done = a.newLabel();
      a.cmp(r13, 1);
      a.ja(some);
      a.mov(rdi, rbx);
      a.call(sym('rt_set_copy'));
      a.jmp(done);
      a.bind(some);
      a.mov(rdi, rbx);
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_set_difference', fail);
      a.mov(r15, rax);
      const loop = a.newLabel();
      const end = a.newLabel();
      a.mov(r14, 2);
      a.bind(loop);
      a.cmp(r14, r13);
      a.jae(end);
      a.mov(rdi, r15);
      a.mov(rsi, qword(sib(r12, r14, 8)));
      callChecked(a, 'rt_set_difference_update', fail);
      a.inc(r14);
      a.jmp(loop);
      a.bind(end);
      a.mov(rax, r15);
      a.bind(done);
    }),
    method(t, 'symmetric_difference', 'symmetric_difference(other) -> a new set', (a) => {
      a.mov(rdi, rbx);
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_set_symmetric_difference'));
    }),
    method(t, 'issubset', 'issubset(other) -> bool', (a, fail) => {
      a.mov(rdi, rbx);
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_set_issubset'));
      boolResult(a, fail);
    }),
    method(t, 'issuperset', 'issuperset(other) -> bool', (a, fail) => {
      a.mov(rdi, rbx);
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_set_issuperset'));
      boolResult(a, fail);
    }),
    method(t, 'isdisjoint', 'isdisjoint(other) -> bool', (a, fail) => {
      a.mov(rdi, rbx);
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_set_isdisjoint'));
      boolResult(a, fail);
    }),
    method(t, 'copy', 'copy() -> a shallow copy (an exact frozenset is its own copy)', (a) => {
      const fresh = a.newLabel();
      const done = a.newLabel();
      if (t === 'frozenset') {
        ifNotExact(a, rbx, 'frozenset', rax, rcx, fresh);
        a.mov(rax, rbx);
        a.jmp(done);
      }
      a.bind(fresh);
      a.mov(rdi, rbx);
      a.call(sym('rt_set_copy'));
      a.bind(done);
    }),
  ];
}

const METHOD_ROUTINES: RuntimeRoutine[] = [
  ...commonMethods('set'),
  ...commonMethods('frozenset'),
  method('set', 'add', 'add(key) -> None', (a, fail) => {
    a.mov(rdi, rbx);
    a.mov(rsi, qword(mem(r12, 8)));
    callChecked(a, 'rt_set_add', fail);
    retNone(a);
  }),
  method('set', 'discard', 'discard(key) -> None (a set key is looked up as a frozenset)', (a, fail) => {
    keyArg(a, fail);
    a.mov(rdi, rbx);
    unboxPtr(a, rdi);
    a.mov(rsi, rax);
    a.call(sym('rt_set_discard_key'));
    a.test(eax, eax);
    a.js(fail);
    retNone(a);
  }),
  method('set', 'remove', 'remove(key) -> None, KeyError(key) when absent', (a, fail) => {
    const found = a.newLabel();
    keyArg(a, fail);
    a.mov(rdi, rbx);
    unboxPtr(a, rdi);
    a.mov(rsi, rax);
    a.call(sym('rt_set_discard_key'));
    a.test(eax, eax);
    a.js(fail);
    a.jne(found);
    a.mov(rdi, qword(mem(r12, 8)));
    a.call(sym('rt_dict_keyerror'));
    a.jmp(fail);
    a.bind(found);
    retNone(a);
  }),
  method('set', 'pop', 'pop() -> an arbitrary key, removed (from the slot after the last pop); KeyError when empty', (a, fail) => {
    const notEmpty = a.newLabel();
    const scan = a.newLabel();
    const next = a.newLabel();
    const found = a.newLabel();
    a.mov(rdi, rbx);
    unboxPtr(a, rdi);
    a.cmp(qword(mem(rdi, SET.used)), 0);
    a.jne(notEmpty);
    a.lea(rdi, rip(sym('type_KeyError')));
    a.lea(rsi, rip(sym('msg_set_pop_empty')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(notEmpty);
    setTable(a, rcx, rdi);
    a.mov(rdx, qword(mem(rdi, SET.finger)));
    a.and(rdx, qword(mem(rdi, SET.mask)));
    a.mov(r8, DUMMY);
    a.bind(scan);
    a.mov(rax, qword(sib(rcx, rdx, 8)));
    a.cmp(rax, g('rt_const_unbound'));
    a.je(next);
    a.cmp(rax, r8);
    a.jne(found);
    a.bind(next);
    a.inc(rdx);
    a.cmp(rdx, qword(mem(rdi, SET.mask)));
    a.jbe(scan);
    a.xor(edx, edx);
    a.jmp(scan);
    a.bind(found);
    a.mov(qword(sib(rcx, rdx, 8)), r8);
    setHashes(a, rcx, rdi);
    a.mov(qword(sib(rcx, rdx, 8)), -1);
    a.dec(qword(mem(rdi, SET.used)));
    a.inc(rdx);
    a.mov(qword(mem(rdi, SET.finger)), rdx);
  }),
  method('set', 'clear', 'clear() -> None', (a, fail) => {
    a.mov(rdi, rbx);
    callChecked(a, 'rt_set_clear', fail);
    retNone(a);
  }),
  method('set', 'update', 'update(*others) -> None', (a, fail) => {
    eachArg(a, () => {
      a.mov(rdi, rbx);
      callChecked(a, 'rt_set_update', fail);
    });
    retNone(a);
  }),
  method('set', 'intersection_update', 'intersection_update(*others) -> None (the set becomes the intersection)', (a, fail) => {
    const some = a.newLabel();
    const done = a.newLabel();
    a.cmp(r13, 1);
    a.ja(some);
    a.mov(rdi, rbx);
    callChecked(a, 'rt_set_copy', fail);
    a.jmp(done);
    a.bind(some);
    a.mov(r15, rbx);
    eachArg(a, () => {
      a.mov(rdi, r15);
      callChecked(a, 'rt_set_intersection', fail);
      a.mov(r15, rax);
    });
    a.mov(rax, r15);
    a.bind(done);
    a.mov(rdi, rbx);
    unboxPtr(a, rdi);
    a.mov(rsi, rax);
    unboxPtr(a, rsi);
    a.cmp(rdi, rsi);
    const same = a.newLabel();
    a.je(same);
    a.call(sym('rt_set_swap_bodies'));
    a.bind(same);
    retNone(a);
  }),
  method('set', 'difference_update', 'difference_update(*others) -> None', (a, fail) => {
    eachArg(a, () => {
      a.mov(rdi, rbx);
      callChecked(a, 'rt_set_difference_update', fail);
    });
    retNone(a);
  }),
  method('set', 'symmetric_difference_update', 'symmetric_difference_update(other) -> None', (a, fail) => {
    a.mov(rdi, rbx);
    a.mov(rsi, qword(mem(r12, 8)));
    callChecked(a, 'rt_set_symmetric_difference_update', fail);
    retNone(a);
  }),
];

export const SET_METHODS: RuntimeMethod[] = (['set', 'frozenset'] as const).flatMap((t) => Object.keys(SPECS[t]).map((name) => ({ type: t, name, entry: `rt_${t}_meth_${name}` })));

export const setOpsModule: RuntimeModule = {
  name: 'setops',
  methods: SET_METHODS,
  routines: [...ALGEBRA, ...SLOTS, ...METHOD_ROUTINES],
  data: [
    ...(['set', 'frozenset'] as const).flatMap((t) => Object.values(SPECS[t]).map(argSpecDatum)),
    cstr('msg_set_pop_empty', 'pop from an empty set'),
  ],
};

