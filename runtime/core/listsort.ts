// Container runtime: list.sort, CPython 3.11's timsort step for step (Objects/listobject.c,
// Objects/listsort.txt; the interpreter's src/interp/builtins/sort.ts is the same algorithm).
//
// Python code can observe a sort's comparisons (a key or __lt__ that prints, raises or
// mutates), so this follows CPython exactly: count_run with descending-run reversal,
// binary insertion up to minrun, the powersort merge policy (found_new_run, powerloop),
// galloping merges with the adaptive min_gallop, and the same failure paths, which leave
// the items a permutation of the input. Keys and values move in parallel (values only with
// a key function). During the sort the list is empty with its items replaced by a static
// marker array, so a key or comparison that mutates it is detected ("list modified during
// sort") and cannot disturb the arrays being sorted.
//
// The merge state lives on the machine stack; rbx points to it in every helper. Arrays are
// addressed by element index: K = keys, V = values (or 0), TK/TV = the temporary arrays (a
// heap `values` object, so the collector sees items that are only there mid-merge).

import { type Assembler, type Label, al, byte, eax, ebp, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sil, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { LIST, STR, TAG_INT, TAG_MIN, TUPLE, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitHeader, emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { ifNotExact, raise } from './listshared.js';

const MAX_MERGE_PENDING = 85;
const MIN_GALLOP = 7;
/** Merge state (on the machine stack, rbx). */
const MS = { keys: 0, vals: 8, tk: 16, tv: 24, minGallop: 32, n: 40, listlen: 48, tobj: 56, pending: 64 } as const;
const PEND = { base: 0, len: 8, power: 16, size: 24 } as const;
const MS_SIZE = MS.pending + MAX_MERGE_PENDING * PEND.size;

type R = typeof rax;

/** dst = K[idx] (keys). */
function keyAt(a: Assembler<any>, dst: R, idx: R): void {
  a.mov(dst, qword(mem(rbx, MS.keys)));
  a.mov(dst, qword(sib(dst, idx, 8)));
}

/** dst = TK[idx] (temporary keys). */
function tkeyAt(a: Assembler<any>, dst: R, idx: R): void {
  a.mov(dst, qword(mem(rbx, MS.tk)));
  a.mov(dst, qword(sib(dst, idx, 8)));
}

/** Compare rdi < rsi: jump to `yes` if true, `fail` if it raised (falls through on false). */
function iflt(a: Assembler<any>, yes: Label, fail: Label): void {
  a.call(sym('rt_sort_lt'));
  a.test(eax, eax);
  a.js(fail);
  a.jne(yes);
}

/**
 * Copy one element (key and value) between the arrays: from [src][si] to [dst][di], where
 * src/dst are 'K' or 'T'. Clobbers rax, rcx, rdx.
 */
function move1(a: Assembler<any>, dst: 'K' | 'T', di: R, src: 'K' | 'T', si: R): void {
  const base = (w: 'K' | 'T', vals: boolean) => (w === 'K' ? (vals ? MS.vals : MS.keys) : vals ? MS.tv : MS.tk);
  const noVals = a.newLabel();
  a.mov(rcx, qword(mem(rbx, base(src, false))));
  a.mov(rax, qword(sib(rcx, si, 8)));
  a.mov(rcx, qword(mem(rbx, base(dst, false))));
  a.mov(qword(sib(rcx, di, 8)), rax);
  a.cmp(qword(mem(rbx, MS.vals)), 0);
  a.je(noVals);
  a.mov(rcx, qword(mem(rbx, base(src, true))));
  a.mov(rax, qword(sib(rcx, si, 8)));
  a.mov(rcx, qword(mem(rbx, base(dst, true))));
  a.mov(qword(sib(rcx, di, 8)), rax);
  a.bind(noVals);
}

/** Repeat `body` `count` times (count register preserved on the stack when the body calls nothing). */
function times(a: Assembler<any>, count: R, body: () => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.test(count, count);
  a.jle(done);
  a.bind(loop);
  body();
  a.dec(count);
  a.jne(loop);
  a.bind(done);
}

const SORT: RuntimeRoutine[] = [
  {
    name: 'rt_sort_lt',
    contract: 'rdi=a, rsi=b -> eax=1 if a < b, 0 if not, -1 if it raised: small ints, floats and Latin-1 strs directly (as CPython\'s unsafe compares), anything else through rt_richcompare and truth; may allocate, may raise',
    emit(a: Assembler<any>) {
      const notInts = a.newLabel();
      const notFloats = a.newLabel();
      const generic = a.newLabel();
      a.mov(rax, rdi);
      a.shr(rax, 48);
      a.mov(rcx, rsi);
      a.shr(rcx, 48);
      a.cmp(eax, TAG_INT);
      a.jne(notInts);
      a.cmp(ecx, TAG_INT);
      a.jne(generic);
      a.shl(rdi, 16);
      a.shl(rsi, 16);
      a.cmp(rdi, rsi);
      a.setl(al);
      a.movzx(eax, al);
      a.ret();
      a.bind(notInts);
      a.cmp(eax, TAG_MIN);
      a.jae(notFloats);
      a.cmp(ecx, TAG_MIN);
      a.jae(generic);
      a.movq(xmm0, rdi);
      a.movq(xmm1, rsi);
      a.ucomisd(xmm1, xmm0);
      a.seta(al); // b > a, false when unordered
      a.movzx(eax, al);
      a.ret();
      a.bind(notFloats);
      // Two exact strs of kind 1: memcmp of the common prefix, then the lengths.
      ifNotExact(a, rdi, 'str', rax, rcx, generic);
      ifNotExact(a, rsi, 'str', r8, rcx, generic);
      // (rax = raw a, r8 = raw b)
      a.cmp(byte(mem(rax, STR.kind)), 1);
      a.jne(generic);
      a.cmp(byte(mem(r8, STR.kind)), 1);
      a.jne(generic);
      {
        const loop = a.newLabel();
        const prefix = a.newLabel();
        const differ = a.newLabel();
        a.mov(rcx, qword(mem(rax, STR.length)));
        a.mov(rdx, qword(mem(r8, STR.length)));
        a.mov(r9, rcx);
        a.cmp(r9, rdx);
        a.cmova(r9, rdx); // common length
        a.xor(edi, edi);
        a.bind(loop);
        a.cmp(rdi, r9);
        a.jae(prefix);
        a.movzx(esi, byte(sib(rax, rdi, 1, STR.data)));
        a.cmp(byte(sib(r8, rdi, 1, STR.data)), sil);
        a.jne(differ);
        a.inc(rdi);
        a.jmp(loop);
        a.bind(differ);
        a.seta(al); // b's byte above a's: a < b
        a.movzx(eax, al);
        a.ret();
        a.bind(prefix);
        a.cmp(rcx, rdx);
        a.setb(al);
        a.movzx(eax, al);
        a.ret();
      }
      a.bind(generic);
      a.sub(rsp, 8);
      a.xor(edx, edx);
      a.call(sym('rt_richcompare'));
      a.add(rsp, 8);
      const raised = a.newLabel();
      const notBool = a.newLabel();
      a.cmp(rax, g('rt_const_exc'));
      a.je(raised);
      a.cmp(rax, g('rt_const_True'));
      a.jne(notBool);
      a.mov(eax, 1);
      a.ret();
      a.bind(notBool);
      a.cmp(rax, g('rt_const_False'));
      const other = a.newLabel();
      a.jne(other);
      a.xor(eax, eax);
      a.ret();
      a.bind(other);
      a.mov(rdi, rax);
      a.jmp(sym('rt_truthy'));
      a.bind(raised);
      a.mov(eax, -1);
      a.ret();
    },
  },
];


/** Store the merge state's min_gallop from the local at [rsp + off]. */
const SAVED = [rbp, r12, r13, r14, r15] as const;

function emitRoutine(name: string, contract: string, local: number, body: (a: Assembler<any>, fail: Label, out: Label) => void): RuntimeRoutine {
  return {
    name,
    contract,
    local: true,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, local);
      body(a, fail, out);
      a.bind(out);
      epilogue(a, SAVED, local);
      a.bind(fail);
      a.mov(rax, -1); // all 64 bits: count_run and the gallops return lengths in rax
      a.jmp(out);
    },
  };
}

SORT.push(
  {
    name: 'rt_sort_reverse',
    contract: 'rbx=merge state, rdi=lo, rsi=hi -> keys and values [lo, hi) reversed; clobbers rax rcx rdx rsi rdi r8',
    local: true,
    emit(a: Assembler<any>) {
      const loop = a.newLabel();
      const done = a.newLabel();
      const noVals = a.newLabel();
      a.dec(rsi);
      a.bind(loop);
      a.cmp(rdi, rsi);
      a.jge(done);
      for (const f of [MS.keys, MS.vals]) {
        if (f === MS.vals) {
          a.cmp(qword(mem(rbx, MS.vals)), 0);
          a.je(noVals);
        }
        a.mov(rcx, qword(mem(rbx, f)));
        a.mov(rax, qword(sib(rcx, rdi, 8)));
        a.mov(rdx, qword(sib(rcx, rsi, 8)));
        a.mov(qword(sib(rcx, rdi, 8)), rdx);
        a.mov(qword(sib(rcx, rsi, 8)), rax);
      }
      a.bind(noVals);
      a.inc(rdi);
      a.dec(rsi);
      a.jmp(loop);
      a.bind(done);
      a.ret();
    },
  },
  emitRoutine('rt_sort_binarysort', 'rbx=merge state, rdi=lo, rsi=hi, rdx=start ([lo, start) sorted) -> eax=0, or -1 if a comparison raised (binarysort)', 16, (a, fail) => {
    // r12 lo, r13 hi, r14 start, r15 l, rbp r; [rsp] pivot, [rsp+8] p.
    const outer = a.newLabel();
    const done = a.newLabel();
    const search = a.newLabel();
    const right = a.newLabel();
    const searched = a.newLabel();
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.cmp(r12, r14);
    a.jne(outer);
    a.inc(r14);
    a.bind(outer);
    a.cmp(r14, r13);
    a.jge(done);
    a.mov(r15, r12);
    a.mov(rbp, r14);
    keyAt(a, rax, r14);
    a.mov(qword(mem(rsp)), rax);
    a.bind(search);
    a.mov(rax, rbp);
    a.sub(rax, r15);
    a.shr(rax, 1);
    a.add(rax, r15);
    a.mov(qword(mem(rsp, 8)), rax);
    a.mov(rdi, qword(mem(rsp)));
    keyAt(a, rsi, rax);
    iflt(a, right, fail);
    a.mov(r15, qword(mem(rsp, 8)));
    a.inc(r15);
    a.cmp(r15, rbp);
    a.jl(search);
    a.jmp(searched);
    a.bind(right);
    a.mov(rbp, qword(mem(rsp, 8)));
    a.cmp(r15, rbp);
    a.jl(search);
    a.bind(searched);
    // Shift [l, start) up by one, keys then values; the pivot goes to l.
    for (const f of [MS.keys, MS.vals]) {
      const skip = a.newLabel();
      const shift = a.newLabel();
      const shifted = a.newLabel();
      a.mov(rcx, qword(mem(rbx, f)));
      if (f === MS.vals) {
        a.test(rcx, rcx);
        a.je(skip);
        a.mov(r8, qword(sib(rcx, r14, 8)));
      } else a.mov(r8, qword(mem(rsp)));
      a.mov(rdx, r14);
      a.bind(shift);
      a.cmp(rdx, r15);
      a.jle(shifted);
      a.mov(rax, qword(sib(rcx, rdx, 8, -8)));
      a.mov(qword(sib(rcx, rdx, 8)), rax);
      a.dec(rdx);
      a.jmp(shift);
      a.bind(shifted);
      a.mov(qword(sib(rcx, r15, 8)), r8);
      a.bind(skip);
    }
    a.inc(r14);
    a.jmp(outer);
    a.bind(done);
    a.xor(eax, eax);
  }),
  emitRoutine('rt_sort_count_run', 'rbx=merge state, rdi=lo, rsi=hi (lo < hi) -> rax=length of the run at lo, edx=1 if strictly descending; rax=-1 if a comparison raised (count_run)', 8, (a, fail, out) => {
    // r12 lo, r13 hi, r14 n, r15 descending.
    const more = a.newLabel();
    const desc = a.newLabel();
    const ascLoop = a.newLabel();
    const descLoop = a.newLabel();
    const done = a.newLabel();
    a.lea(r12, mem(rdi, 1));
    a.mov(r13, rsi);
    a.xor(r15, r15);
    a.mov(r14, 1);
    a.cmp(r12, r13);
    a.je(done);
    a.bind(more);
    a.mov(r14, 2);
    keyAt(a, rdi, r12);
    a.lea(rax, mem(r12, -1));
    keyAt(a, rsi, rax);
    iflt(a, desc, fail);
    a.inc(r12);
    a.bind(ascLoop);
    a.cmp(r12, r13);
    a.jge(done);
    keyAt(a, rdi, r12);
    a.lea(rax, mem(r12, -1));
    keyAt(a, rsi, rax);
    iflt(a, done, fail);
    a.inc(r12);
    a.inc(r14);
    a.jmp(ascLoop);
    a.bind(desc);
    a.mov(r15, 1);
    a.inc(r12);
    a.bind(descLoop);
    a.cmp(r12, r13);
    a.jge(done);
    keyAt(a, rdi, r12);
    a.lea(rax, mem(r12, -1));
    keyAt(a, rsi, rax);
    const still = a.newLabel();
    iflt(a, still, fail);
    a.jmp(done);
    a.bind(still);
    a.inc(r12);
    a.inc(r14);
    a.jmp(descLoop);
    a.bind(done);
    a.mov(rax, r14);
    a.mov(rdx, r15);
  }),
  ...(['left', 'right'] as const).map((side) =>
    emitRoutine(`rt_sort_gallop_${side}`, `rbx=merge state, rdi=key, rsi=address of a sorted run, rdx=n, rcx=hint -> rax=insertion index (gallop_${side}: ${side === 'left' ? 'a[k-1] < key <= a[k]' : 'a[k-1] <= key < a[k]'}), or -1 if a comparison raised`, 16, (a, fail) => {
      // r12 key, r13 base, r14 n, r15 hint, rbp ofs; [rsp] lastofs, [rsp+8] m.
      // gallop_left asks a[x] < key, gallop_right key < a[x] (with the branches swapped).
      const ask = (idx: R, yes: Label): void => {
        if (side === 'left') {
          a.mov(rdi, qword(sib(r13, idx, 8)));
          a.mov(rsi, r12);
        } else {
          a.mov(rdi, r12);
          a.mov(rsi, qword(sib(r13, idx, 8)));
        }
        iflt(a, yes, fail);
      };
      const towardsHigh = a.newLabel(); // the key lies after a[hint]
      const towardsLow = a.newLabel();
      const search = a.newLabel();
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.mov(r15, rcx);
      a.mov(ebp, 1);
      a.mov(qword(mem(rsp)), 0);
      if (side === 'left') {
        ask(r15, towardsHigh); // a[hint] < key
        a.jmp(towardsLow);
      } else {
        ask(r15, towardsLow); // key < a[hint]
        a.jmp(towardsHigh);
      }
      // Gallop towards higher indexes: maxofs = n - hint.
      a.bind(towardsHigh);
      {
        const loop = a.newLabel();
        const stop = a.newLabel();
        const keep = a.newLabel();
        a.bind(loop);
        a.mov(rax, r14);
        a.sub(rax, r15);
        a.cmp(rbp, rax);
        a.jge(stop);
        a.lea(rax, sib(r15, rbp, 1));
        if (side === 'left') {
          ask(rax, keep); // a[hint+ofs] < key: keep going
          a.jmp(stop);
        } else {
          ask(rax, stop); // key < a[hint+ofs]: stop
          a.jmp(keep);
        }
        a.bind(keep);
        a.mov(qword(mem(rsp)), rbp);
        a.lea(rbp, sib(rbp, rbp, 1, 1));
        a.jmp(loop);
        a.bind(stop);
        const capped = a.newLabel();
        a.mov(rax, r14);
        a.sub(rax, r15);
        a.cmp(rbp, rax);
        a.jle(capped);
        a.mov(rbp, rax);
        a.bind(capped);
        a.add(qword(mem(rsp)), r15);
        a.add(rbp, r15);
        a.jmp(search);
      }
      // Gallop towards lower indexes: maxofs = hint + 1.
      a.bind(towardsLow);
      {
        const loop = a.newLabel();
        const stop = a.newLabel();
        const keep = a.newLabel();
        a.bind(loop);
        a.lea(rax, mem(r15, 1));
        a.cmp(rbp, rax);
        a.jge(stop);
        a.mov(rax, r15);
        a.sub(rax, rbp);
        if (side === 'left') {
          ask(rax, stop); // a[hint-ofs] < key: stop
          a.jmp(keep);
        } else {
          ask(rax, keep); // key < a[hint-ofs]: keep going
          a.jmp(stop);
        }
        a.bind(keep);
        a.mov(qword(mem(rsp)), rbp);
        a.lea(rbp, sib(rbp, rbp, 1, 1));
        a.jmp(loop);
        a.bind(stop);
        const capped = a.newLabel();
        a.lea(rax, mem(r15, 1));
        a.cmp(rbp, rax);
        a.jle(capped);
        a.mov(rbp, rax);
        a.bind(capped);
        // k = lastofs; lastofs = hint - ofs; ofs = hint - k
        a.mov(rcx, qword(mem(rsp)));
        a.mov(rax, r15);
        a.sub(rax, rbp);
        a.mov(qword(mem(rsp)), rax);
        a.mov(rbp, r15);
        a.sub(rbp, rcx);
      }
      // Binary search in (lastofs, ofs].
      a.bind(search);
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        const goLow = a.newLabel();
        a.inc(qword(mem(rsp)));
        a.bind(loop);
        a.mov(rax, qword(mem(rsp)));
        a.cmp(rax, rbp);
        a.jge(done);
        a.mov(rcx, rbp);
        a.sub(rcx, rax);
        a.shr(rcx, 1);
        a.add(rax, rcx);
        a.mov(qword(mem(rsp, 8)), rax);
        if (side === 'left') {
          const up = a.newLabel();
          ask(rax, up); // a[m] < key: lastofs = m + 1
          a.jmp(goLow);
          a.bind(up);
        } else {
          ask(rax, goLow); // key < a[m]: ofs = m
        }
        a.mov(rax, qword(mem(rsp, 8)));
        a.inc(rax);
        a.mov(qword(mem(rsp)), rax);
        a.jmp(loop);
        a.bind(goLow);
        a.mov(rbp, qword(mem(rsp, 8)));
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, rbp);
      }
    }),
  ),
);

/** rax = address of K[idx] (or TK[idx] for 'T'). */
function addrOf(a: Assembler<any>, dst: R, w: 'K' | 'T', idx: R): void {
  a.mov(dst, qword(mem(rbx, w === 'K' ? MS.keys : MS.tk)));
  a.lea(dst, sib(dst, idx, 8));
}

/** Call a gallop routine with rdi=key, rsi=base address, rdx=n, rcx=hint already set; -1 -> fail. */
function gallop(a: Assembler<any>, side: 'left' | 'right', fail: Label): void {
  a.call(sym(`rt_sort_gallop_${side}`));
  a.test(rax, rax);
  a.js(fail);
}

// Locals of the merges: acount, bcount, min_gallop, spare, result.
const L = { acount: 0, bcount: 8, mg: 16, spare: 24, result: 32 } as const;

SORT.push(
  emitRoutine('rt_sort_merge_lo', 'rbx=merge state, rdi=ssa, rsi=na, rdx=ssb, rcx=nb (adjacent runs, na <= nb) -> eax=0, or -1 if a comparison raised (merge_lo: run a goes to the temporary array)', 40, (a, fail, out) => {
    // r12 dest (K), r13 pa (T), r14 pb (K), r15 na, rbp nb.
    const moveA = () => {
      move1(a, 'K', r12, 'T', r13);
      a.inc(r12);
      a.inc(r13);
    };
    const moveB = () => {
      move1(a, 'K', r12, 'K', r14);
      a.inc(r12);
      a.inc(r14);
    };
    const succeed = a.newLabel();
    const copyB = a.newLabel();
    const outer = a.newLabel();
    const inner = a.newLabel();
    const takeA = a.newLabel();
    const gal = a.newLabel();
    const gloop = a.newLabel();
    const tail = a.newLabel();
    const failed = a.newLabel();
    a.mov(r12, rdi);
    a.mov(r15, rsi);
    a.mov(r14, rdx);
    a.mov(rbp, rcx);
    // Copy run a to the temporary array.
    a.xor(r13, r13);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.cmp(r13, r15);
      a.jge(done);
      a.lea(r8, sib(r12, r13, 1));
      move1(a, 'T', r13, 'K', r8);
      a.inc(r13);
      a.jmp(loop);
      a.bind(done);
      a.xor(r13, r13);
    }
    moveB();
    a.dec(rbp);
    a.je(succeed);
    a.cmp(r15, 1);
    a.je(copyB);
    a.mov(rax, qword(mem(rbx, MS.minGallop)));
    a.mov(qword(mem(rsp, L.mg)), rax);
    a.bind(outer);
    a.mov(qword(mem(rsp, L.acount)), 0);
    a.mov(qword(mem(rsp, L.bcount)), 0);
    a.bind(inner);
    keyAt(a, rdi, r14);
    tkeyAt(a, rsi, r13);
    a.call(sym('rt_sort_lt'));
    a.test(eax, eax);
    a.js(failed);
    a.je(takeA);
    moveB();
    a.inc(qword(mem(rsp, L.bcount)));
    a.mov(qword(mem(rsp, L.acount)), 0);
    a.dec(rbp);
    a.je(succeed);
    a.mov(rax, qword(mem(rsp, L.bcount)));
    a.cmp(rax, qword(mem(rsp, L.mg)));
    a.jge(gal);
    a.jmp(inner);
    a.bind(takeA);
    moveA();
    a.inc(qword(mem(rsp, L.acount)));
    a.mov(qword(mem(rsp, L.bcount)), 0);
    a.dec(r15);
    a.cmp(r15, 1);
    a.je(copyB);
    a.mov(rax, qword(mem(rsp, L.acount)));
    a.cmp(rax, qword(mem(rsp, L.mg)));
    a.jge(gal);
    a.jmp(inner);
    // Galloping mode.
    a.bind(gal);
    a.inc(qword(mem(rsp, L.mg)));
    a.bind(gloop);
    {
      const keep = a.newLabel();
      a.mov(rax, qword(mem(rsp, L.mg)));
      a.cmp(rax, 1);
      a.jle(keep);
      a.dec(rax);
      a.bind(keep);
      a.mov(qword(mem(rsp, L.mg)), rax);
      a.mov(qword(mem(rbx, MS.minGallop)), rax);
    }
    keyAt(a, rdi, r14);
    addrOf(a, rsi, 'T', r13);
    a.mov(rdx, r15);
    a.xor(ecx, ecx);
    gallop(a, 'right', failed);
    a.mov(qword(mem(rsp, L.acount)), rax);
    {
      const none = a.newLabel();
      a.test(rax, rax);
      a.je(none);
      a.mov(r8, rax);
      a.sub(r15, rax);
      times(a, r8, moveA);
      a.cmp(r15, 1);
      a.je(copyB);
      a.test(r15, r15);
      a.je(succeed);
      a.bind(none);
    }
    moveB();
    a.dec(rbp);
    a.je(succeed);
    tkeyAt(a, rdi, r13);
    addrOf(a, rsi, 'K', r14);
    a.mov(rdx, rbp);
    a.xor(ecx, ecx);
    gallop(a, 'left', failed);
    a.mov(qword(mem(rsp, L.bcount)), rax);
    {
      const none = a.newLabel();
      a.test(rax, rax);
      a.je(none);
      a.mov(r8, rax);
      a.sub(rbp, rax);
      times(a, r8, moveB);
      a.test(rbp, rbp);
      a.je(succeed);
      a.bind(none);
    }
    moveA();
    a.dec(r15);
    a.cmp(r15, 1);
    a.je(copyB);
    a.cmp(qword(mem(rsp, L.acount)), MIN_GALLOP);
    a.jge(gloop);
    a.cmp(qword(mem(rsp, L.bcount)), MIN_GALLOP);
    a.jge(gloop);
    a.inc(qword(mem(rsp, L.mg)));
    a.mov(rax, qword(mem(rsp, L.mg)));
    a.mov(qword(mem(rbx, MS.minGallop)), rax);
    a.jmp(outer);
    a.bind(succeed);
    a.mov(qword(mem(rsp, L.result)), 0);
    a.jmp(tail);
    a.bind(failed);
    a.mov(qword(mem(rsp, L.result)), -1);
    // What is left of run a goes after what was merged.
    a.bind(tail);
    a.mov(r8, r15);
    times(a, r8, moveA);
    a.mov(rax, qword(mem(rsp, L.result)));
    a.jmp(out);
    // The last element of run a belongs at the end of the merge.
    a.bind(copyB);
    a.mov(r8, rbp);
    times(a, r8, moveB);
    moveA();
    a.xor(eax, eax);
  }),
  emitRoutine('rt_sort_merge_hi', 'rbx=merge state, rdi=ssa, rsi=na, rdx=ssb, rcx=nb (adjacent runs, na > nb) -> eax=0, or -1 if a comparison raised (merge_hi: run b goes to the temporary array, merging from the top)', 40, (a, fail, out) => {
    // r12 dest (K), r13 pa (K), r14 pb (T), r15 na, rbp nb; [rsp+spare] = ssa (basea).
    const moveA = () => {
      move1(a, 'K', r12, 'K', r13);
      a.dec(r12);
      a.dec(r13);
    };
    const moveB = () => {
      move1(a, 'K', r12, 'T', r14);
      a.dec(r12);
      a.dec(r14);
    };
    const succeed = a.newLabel();
    const copyA = a.newLabel();
    const outer = a.newLabel();
    const inner = a.newLabel();
    const takeB = a.newLabel();
    const gal = a.newLabel();
    const gloop = a.newLabel();
    const tail = a.newLabel();
    const failed = a.newLabel();
    a.mov(qword(mem(rsp, L.spare)), rdi);
    a.mov(r15, rsi);
    a.mov(rbp, rcx);
    a.mov(r12, rdx);
    // Copy run b to the temporary array.
    a.xor(r14, r14);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.cmp(r14, rbp);
      a.jge(done);
      a.lea(r8, sib(r12, r14, 1));
      move1(a, 'T', r14, 'K', r8);
      a.inc(r14);
      a.jmp(loop);
      a.bind(done);
    }
    a.lea(r12, sib(r12, rbp, 1, -1)); // dest = ssb + nb - 1
    a.lea(r13, sib(rdi, r15, 1, -1)); // pa = ssa + na - 1
    a.lea(r14, mem(rbp, -1)); // pb = nb - 1
    moveA();
    a.dec(r15);
    a.je(succeed);
    a.cmp(rbp, 1);
    a.je(copyA);
    a.mov(rax, qword(mem(rbx, MS.minGallop)));
    a.mov(qword(mem(rsp, L.mg)), rax);
    a.bind(outer);
    a.mov(qword(mem(rsp, L.acount)), 0);
    a.mov(qword(mem(rsp, L.bcount)), 0);
    a.bind(inner);
    tkeyAt(a, rdi, r14);
    keyAt(a, rsi, r13);
    a.call(sym('rt_sort_lt'));
    a.test(eax, eax);
    a.js(failed);
    a.je(takeB);
    moveA();
    a.inc(qword(mem(rsp, L.acount)));
    a.mov(qword(mem(rsp, L.bcount)), 0);
    a.dec(r15);
    a.je(succeed);
    a.mov(rax, qword(mem(rsp, L.acount)));
    a.cmp(rax, qword(mem(rsp, L.mg)));
    a.jge(gal);
    a.jmp(inner);
    a.bind(takeB);
    moveB();
    a.inc(qword(mem(rsp, L.bcount)));
    a.mov(qword(mem(rsp, L.acount)), 0);
    a.dec(rbp);
    a.cmp(rbp, 1);
    a.je(copyA);
    a.mov(rax, qword(mem(rsp, L.bcount)));
    a.cmp(rax, qword(mem(rsp, L.mg)));
    a.jge(gal);
    a.jmp(inner);
    a.bind(gal);
    a.inc(qword(mem(rsp, L.mg)));
    a.bind(gloop);
    {
      const keep = a.newLabel();
      a.mov(rax, qword(mem(rsp, L.mg)));
      a.cmp(rax, 1);
      a.jle(keep);
      a.dec(rax);
      a.bind(keep);
      a.mov(qword(mem(rsp, L.mg)), rax);
      a.mov(qword(mem(rbx, MS.minGallop)), rax);
    }
    // k = na - gallop_right(b's top, basea, na, na - 1)
    tkeyAt(a, rdi, r14);
    a.mov(rax, qword(mem(rsp, L.spare)));
    addrOf(a, rsi, 'K', rax);
    a.mov(rdx, r15);
    a.lea(rcx, mem(r15, -1));
    gallop(a, 'right', failed);
    a.mov(rcx, r15);
    a.sub(rcx, rax);
    a.mov(qword(mem(rsp, L.acount)), rcx);
    {
      const none = a.newLabel();
      a.test(rcx, rcx);
      a.je(none);
      a.mov(r8, rcx);
      a.sub(r15, rcx);
      times(a, r8, moveA);
      a.test(r15, r15);
      a.je(succeed);
      a.bind(none);
    }
    moveB();
    a.dec(rbp);
    a.cmp(rbp, 1);
    a.je(copyA);
    // k = nb - gallop_left(a's top, baseb, nb, nb - 1)
    keyAt(a, rdi, r13);
    a.mov(rsi, qword(mem(rbx, MS.tk)));
    a.mov(rdx, rbp);
    a.lea(rcx, mem(rbp, -1));
    gallop(a, 'left', failed);
    a.mov(rcx, rbp);
    a.sub(rcx, rax);
    a.mov(qword(mem(rsp, L.bcount)), rcx);
    {
      const none = a.newLabel();
      a.test(rcx, rcx);
      a.je(none);
      a.mov(r8, rcx);
      a.sub(rbp, rcx);
      times(a, r8, moveB);
      a.cmp(rbp, 1);
      a.je(copyA);
      a.test(rbp, rbp);
      a.je(succeed);
      a.bind(none);
    }
    moveA();
    a.dec(r15);
    a.je(succeed);
    a.cmp(qword(mem(rsp, L.acount)), MIN_GALLOP);
    a.jge(gloop);
    a.cmp(qword(mem(rsp, L.bcount)), MIN_GALLOP);
    a.jge(gloop);
    a.inc(qword(mem(rsp, L.mg)));
    a.mov(rax, qword(mem(rsp, L.mg)));
    a.mov(qword(mem(rbx, MS.minGallop)), rax);
    a.jmp(outer);
    a.bind(succeed);
    a.mov(qword(mem(rsp, L.result)), 0);
    a.jmp(tail);
    a.bind(failed);
    a.mov(qword(mem(rsp, L.result)), -1);
    // What is left of run b goes before what was merged.
    a.bind(tail);
    a.mov(r8, rbp);
    times(a, r8, moveB);
    a.mov(rax, qword(mem(rsp, L.result)));
    a.jmp(out);
    // The first element of run b belongs at the front of the merge.
    a.bind(copyA);
    a.mov(r8, r15);
    times(a, r8, moveA);
    moveB();
    a.xor(eax, eax);
  }),
  emitRoutine('rt_sort_merge_at', 'rbx=merge state, rdi=i -> pending runs i and i+1 merged (merge_at) -> eax=0, or -1 if a comparison raised', 8, (a, fail, out) => {
    // r12 ssa, r13 na, r14 ssb, r15 nb.
    const lo = a.newLabel();
    const noSlide = a.newLabel();
    a.imul(rax, rdi, PEND.size);
    a.lea(rbp, sib(rbx, rax, 1, MS.pending));
    a.mov(r12, qword(mem(rbp, PEND.base)));
    a.mov(r13, qword(mem(rbp, PEND.len)));
    a.mov(r14, qword(mem(rbp, PEND.size + PEND.base)));
    a.mov(r15, qword(mem(rbp, PEND.size + PEND.len)));
    a.lea(rax, sib(r13, r15, 1));
    a.mov(qword(mem(rbp, PEND.len)), rax);
    // The run after i+1 (if i is the third from the top) slides down.
    a.mov(rax, qword(mem(rbx, MS.n)));
    a.sub(rax, 3);
    a.cmp(rdi, rax);
    a.jne(noSlide);
    for (const f of [PEND.base, PEND.len, PEND.power]) {
      a.mov(rax, qword(mem(rbp, 2 * PEND.size + f)));
      a.mov(qword(mem(rbp, PEND.size + f)), rax);
    }
    a.bind(noSlide);
    a.dec(qword(mem(rbx, MS.n)));
    // Where does b start in a?  Elements of a before that are in place.
    keyAt(a, rdi, r14);
    addrOf(a, rsi, 'K', r12);
    a.mov(rdx, r13);
    a.xor(ecx, ecx);
    gallop(a, 'right', fail);
    a.add(r12, rax);
    a.sub(r13, rax);
    const zero = a.newLabel();
    a.je(zero);
    // Where does a end in b?  Elements of b after that are in place.
    a.lea(rax, sib(r12, r13, 1, -1));
    keyAt(a, rdi, rax);
    addrOf(a, rsi, 'K', r14);
    a.mov(rdx, r15);
    a.lea(rcx, mem(r15, -1));
    gallop(a, 'left', fail);
    a.mov(r15, rax);
    a.test(r15, r15);
    a.je(zero);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(rdx, r14);
    a.mov(rcx, r15);
    a.cmp(r13, r15);
    a.jle(lo);
    a.call(sym('rt_sort_merge_hi'));
    a.jmp(out);
    a.bind(lo);
    a.call(sym('rt_sort_merge_lo'));
    a.jmp(out);
    a.bind(zero);
    a.xor(eax, eax);
  }),
  emitRoutine('rt_sort_found_new_run', 'rbx=merge state, rdi=length of the new run (not pushed yet) -> eax=0 after merging pending runs of higher power (found_new_run, powersort), or -1 if a comparison raised', 8, (a, fail) => {
    // r12 = power of the boundary between the top run and the new one.
    const done = a.newLabel();
    const loop = a.newLabel();
    const set = a.newLabel();
    a.mov(rcx, qword(mem(rbx, MS.n)));
    a.test(rcx, rcx);
    a.je(done);
    a.imul(rax, rcx, PEND.size);
    a.lea(rbp, sib(rbx, rax, 1, MS.pending - PEND.size)); // the top run
    // powerloop(s1, n1, n2, n): a = 2*s1 + n1, b = a + n1 + n2, doubled until they straddle n.
    a.mov(rax, qword(mem(rbp, PEND.base)));
    a.add(rax, rax);
    a.add(rax, qword(mem(rbp, PEND.len)));
    a.mov(rdx, rax);
    a.add(rdx, qword(mem(rbp, PEND.len)));
    a.add(rdx, rdi);
    a.mov(r8, qword(mem(rbx, MS.listlen)));
    a.xor(r12, r12);
    {
      const step = a.newLabel();
      const checkB = a.newLabel();
      const shift = a.newLabel();
      const found = a.newLabel();
      a.bind(step);
      a.inc(r12);
      a.cmp(rax, r8);
      a.jl(checkB);
      a.sub(rax, r8); // both quotient bits 1
      a.sub(rdx, r8);
      a.jmp(shift);
      a.bind(checkB);
      a.cmp(rdx, r8);
      a.jge(found); // the bits differ
      a.bind(shift);
      a.add(rax, rax);
      a.add(rdx, rdx);
      a.jmp(step);
      a.bind(found);
    }
    a.bind(loop);
    a.mov(rcx, qword(mem(rbx, MS.n)));
    a.cmp(rcx, 1);
    a.jle(set);
    a.imul(rax, rcx, PEND.size);
    a.cmp(qword(sib(rbx, rax, 1, MS.pending - 2 * PEND.size + PEND.power)), r12);
    a.jle(set);
    a.lea(rdi, mem(rcx, -2));
    a.call(sym('rt_sort_merge_at'));
    a.test(eax, eax);
    a.js(fail);
    a.jmp(loop);
    a.bind(set);
    a.mov(rcx, qword(mem(rbx, MS.n)));
    a.imul(rax, rcx, PEND.size);
    a.mov(qword(sib(rbx, rax, 1, MS.pending - PEND.size + PEND.power)), r12);
    a.bind(done);
    a.xor(eax, eax);
  }),
  emitRoutine('rt_sort_force_collapse', 'rbx=merge state -> eax=0 after merging every pending run (merge_force_collapse), or -1 if a comparison raised', 8, (a, fail) => {
    const loop = a.newLabel();
    const done = a.newLabel();
    const merge = a.newLabel();
    a.bind(loop);
    a.mov(rcx, qword(mem(rbx, MS.n)));
    a.cmp(rcx, 1);
    a.jle(done);
    a.lea(rdi, mem(rcx, -2));
    a.test(rdi, rdi);
    a.je(merge);
    // n > 0 and p[n-1].len < p[n+1].len: merge one lower.
    a.imul(rax, rdi, PEND.size);
    a.mov(rdx, qword(sib(rbx, rax, 1, MS.pending - PEND.size + PEND.len)));
    a.cmp(rdx, qword(sib(rbx, rax, 1, MS.pending + PEND.size + PEND.len)));
    a.jge(merge);
    a.dec(rdi);
    a.bind(merge);
    a.call(sym('rt_sort_merge_at'));
    a.test(eax, eax);
    a.js(fail);
    a.jmp(loop);
    a.bind(done);
    a.xor(eax, eax);
  }),
);

// Locals of rt_list_sort above the merge state.
const F = { items: 0, cap: 8, n: 16, reverse: 24, key: 32, result: 40, rem: 48, minrun: 56, size: 64 } as const;
const FRAME = MS_SIZE + F.size;
const SORT_SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

SORT.push(
  {
    name: 'rt_list_sort',
    contract: 'rdi=list value, rsi=key function (None or UNBOUND for none), edx=reverse (0/1) -> rax=0, or EXC (a key or comparison raised, ValueError "list modified during sort"); the list is a stable sorted permutation of itself either way; may allocate, may raise',
    emit(a: Assembler<any>) {
      // r12 = the list (raw); the merge state at rsp (rbx), locals above it.
      const f = (k: keyof typeof F) => qword(mem(rsp, MS_SIZE + F[k]));
      const out = a.newLabel();
      const restore = a.newLabel();
      const fail = a.newLabel();
      const after = a.newLabel();
      const succeed = a.newLabel();
      const noKey = a.newLabel();
      const haveKeys = a.newLabel();
      const keyFail = a.newLabel();
      const changed = a.newLabel();
      prologue(a, SORT_SAVED, FRAME);
      a.mov(rbx, rsp);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(f('key'), rsi);
      a.mov(f('reverse'), rdx);
      a.mov(f('result'), 0);
      // Detach the items: the list is empty, with the marker array, until the end.
      a.mov(r13, qword(mem(r12, LIST.length)));
      a.mov(f('n'), r13);
      a.mov(rax, qword(mem(r12, LIST.items)));
      a.mov(f('items'), rax);
      a.mov(rax, qword(mem(r12, LIST.capacity)));
      a.mov(f('cap'), rax);
      a.mov(qword(mem(r12, LIST.length)), 0);
      a.mov(qword(mem(r12, LIST.capacity)), 0);
      a.lea(rax, rip(sym('cont_sort_marker')));
      boxPtr(a, rax, rcx);
      a.mov(qword(mem(r12, LIST.items)), rax);
      for (const k of [MS.vals, MS.tk, MS.tv, MS.tobj, MS.n] as const) a.mov(qword(mem(rbx, k)), 0);
      // K = the items (or keys computed from them).
      a.xor(eax, eax);
      a.test(r13, r13);
      const empty = a.newLabel();
      a.je(empty);
      a.mov(rax, f('items'));
      unboxPtr(a, rax);
      a.add(rax, VALUES.items);
      a.bind(empty);
      a.mov(qword(mem(rbx, MS.keys)), rax);
      a.mov(rax, f('key'));
      a.cmp(rax, g('rt_const_None'));
      a.je(noKey);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noKey);
      // keys[i] = key(items[i]); a failure leaves the items untouched.
      a.mov(rax, qword(mem(rbx, MS.keys)));
      a.mov(qword(mem(rbx, MS.vals)), rax);
      a.mov(rdi, r13);
      a.call(sym('rt_list_values_new'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(keyFail);
      a.add(rax, VALUES.items);
      a.mov(qword(mem(rbx, MS.keys)), rax);
      {
        const loop = a.newLabel();
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, r13);
        a.jge(haveKeys);
        a.mov(rdi, f('key'));
        a.mov(rsi, qword(mem(rbx, MS.vals)));
        a.lea(rsi, sib(rsi, r14, 8));
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(keyFail);
        a.mov(rcx, qword(mem(rbx, MS.keys)));
        a.mov(qword(sib(rcx, r14, 8)), rax);
        a.inc(r14);
        a.jmp(loop);
      }
      a.bind(noKey);
      a.bind(haveKeys);
      // The temporary arrays: (n + 1) / 2 words for keys, as many for values.
      {
        const noVals = a.newLabel();
        a.lea(r14, mem(r13, 1));
        a.shr(r14, 1);
        a.mov(rdi, r14);
        a.cmp(qword(mem(rbx, MS.vals)), 0);
        a.je(noVals);
        a.add(rdi, rdi);
        a.bind(noVals);
        a.call(sym('rt_list_values_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.mov(qword(mem(rbx, MS.tobj)), rax);
        a.add(rax, VALUES.items);
        a.mov(qword(mem(rbx, MS.tk)), rax);
        const noTv = a.newLabel();
        a.cmp(qword(mem(rbx, MS.vals)), 0);
        a.je(noTv);
        a.lea(rax, sib(rax, r14, 8));
        a.mov(qword(mem(rbx, MS.tv)), rax);
        a.bind(noTv);
      }
      a.cmp(r13, 2);
      a.jl(succeed);
      // reverse=True: reverse, sort stably, reverse back (keeps equal items in order).
      {
        const noRev = a.newLabel();
        a.cmp(f('reverse'), 0);
        a.je(noRev);
        a.xor(edi, edi);
        a.mov(rsi, r13);
        a.call(sym('rt_sort_reverse'));
        a.bind(noRev);
      }
      a.mov(qword(mem(rbx, MS.minGallop)), MIN_GALLOP);
      a.mov(qword(mem(rbx, MS.listlen)), r13);
      // minrun: the top 6 bits of n, plus 1 if any of the rest is set.
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.mov(rax, r13);
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rax, 64);
        a.jl(done);
        a.mov(rdx, rax);
        a.and(edx, 1);
        a.or(rcx, rdx);
        a.shr(rax, 1);
        a.jmp(loop);
        a.bind(done);
        a.add(rax, rcx);
        a.mov(f('minrun'), rax);
      }
      // March over the array finding natural runs, extending short ones to minrun.
      a.xor(ebp, ebp); // lo
      a.mov(f('rem'), r13);
      {
        const loop = a.newLabel();
        const noDesc = a.newLabel();
        const longEnough = a.newLabel();
        a.bind(loop);
        a.mov(rdi, rbp);
        a.mov(rsi, rbp);
        a.add(rsi, f('rem'));
        a.call(sym('rt_sort_count_run'));
        a.test(rax, rax);
        a.js(fail);
        a.mov(r14, rax); // n of the run
        a.test(edx, edx);
        a.je(noDesc);
        a.mov(rdi, rbp);
        a.lea(rsi, sib(rbp, r14, 1));
        a.call(sym('rt_sort_reverse'));
        a.bind(noDesc);
        a.cmp(r14, f('minrun'));
        a.jge(longEnough);
        a.mov(r15, f('minrun'));
        a.cmp(r15, f('rem'));
        a.cmovg(r15, f('rem')); // force
        a.mov(rdi, rbp);
        a.lea(rsi, sib(rbp, r15, 1));
        a.lea(rdx, sib(rbp, r14, 1));
        a.call(sym('rt_sort_binarysort'));
        a.test(eax, eax);
        a.js(fail);
        a.mov(r14, r15);
        a.bind(longEnough);
        a.mov(rdi, r14);
        a.call(sym('rt_sort_found_new_run'));
        a.test(eax, eax);
        a.js(fail);
        a.mov(rcx, qword(mem(rbx, MS.n)));
        a.imul(rax, rcx, PEND.size);
        a.lea(rax, sib(rbx, rax, 1, MS.pending));
        a.mov(qword(mem(rax, PEND.base)), rbp);
        a.mov(qword(mem(rax, PEND.len)), r14);
        a.inc(qword(mem(rbx, MS.n)));
        a.add(rbp, r14);
        a.sub(f('rem'), r14);
        a.jne(loop);
      }
      a.call(sym('rt_sort_force_collapse'));
      a.test(eax, eax);
      a.js(fail);
      a.bind(succeed);
      a.mov(f('result'), 0);
      a.jmp(after);
      a.bind(fail);
      a.mov(f('result'), -1);
      a.bind(after);
      // A key or comparison that changed the list: "list modified during sort".
      {
        const unchanged = a.newLabel();
        const checked = a.newLabel();
        a.cmp(f('result'), 0);
        a.jne(checked);
        a.lea(rax, rip(sym('cont_sort_marker')));
        boxPtr(a, rax, rcx);
        a.cmp(qword(mem(r12, LIST.items)), rax);
        a.jne(changed);
        a.cmp(qword(mem(r12, LIST.length)), 0);
        a.je(unchanged);
        a.bind(changed);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_list_modified_sort')));
        a.call(sym('rt_raise_cstr'));
        a.mov(f('result'), -1);
        a.bind(unchanged);
        a.bind(checked);
      }
      {
        const noRev = a.newLabel();
        a.cmp(f('reverse'), 0);
        a.je(noRev);
        a.cmp(r13, 1);
        a.jle(noRev);
        // Reverse the items themselves (the values when there are keys).
        a.mov(rax, qword(mem(rbx, MS.vals)));
        const haveItems = a.newLabel();
        a.test(rax, rax);
        a.jne(haveItems);
        a.mov(rax, qword(mem(rbx, MS.keys)));
        a.bind(haveItems);
        a.mov(qword(mem(rbx, MS.keys)), rax);
        a.mov(qword(mem(rbx, MS.vals)), 0);
        a.xor(edi, edi);
        a.mov(rsi, r13);
        a.call(sym('rt_sort_reverse'));
        a.bind(noRev);
      }
      // Put the items back (anything the list got meanwhile is dropped).
      a.bind(restore);
      a.mov(qword(mem(r12, LIST.length)), r13);
      a.mov(rax, f('items'));
      a.mov(qword(mem(r12, LIST.items)), rax);
      a.mov(rax, f('cap'));
      a.mov(qword(mem(r12, LIST.capacity)), rax);
      a.xor(eax, eax);
      a.cmp(f('result'), 0);
      a.cmovne(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SORT_SAVED, FRAME);
      // A key function failed: the list gets its items back untouched.
      a.bind(keyFail);
      a.mov(f('result'), -1);
      a.jmp(restore);
    },
  },
);

SORT.push({
  name: 'rt_list_meth_sort',
  contract: 'list.sort(*, key=None, reverse=False) (vector ABI) -> None or EXC ("sort() takes no positional arguments", "\'x\' is an invalid keyword argument for sort()", reverse converted like a C int); may allocate, may raise',
  emit(a: Assembler<any>) {
    // r12 args, r13 positional count, r14 kwnames (raw tuple) or 0, r15 key, rbx reverse value, rbp index.
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    const noKw = a.newLabel();
    const parsed = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.xor(r14, r14);
    a.test(rdx, rdx);
    a.je(noKw);
    a.mov(r14, rdx);
    unboxPtr(a, r14);
    a.sub(r13, qword(mem(r14, TUPLE.length)));
    a.bind(noKw);
    const posOk = a.newLabel();
    a.cmp(r13, 1);
    a.jle(posOk);
    raise(a, 'TypeError', 'msg_sort_positional', [], out);
    a.bind(posOk);
    a.mov(r15, g('rt_const_None'));
    a.mov(rbx, g('rt_const_unbound'));
    a.test(r14, r14);
    a.je(parsed);
    a.xor(ebp, ebp);
    {
      const loop = a.newLabel();
      const next = a.newLabel();
      a.bind(loop);
      a.cmp(rbp, qword(mem(r14, TUPLE.length)));
      a.jae(parsed);
      for (const [name, reg] of [['key', r15], ['reverse', rbx]] as const) {
        const other = a.newLabel();
        a.mov(rdi, qword(sib(r14, rbp, 8, TUPLE.items)));
        unboxPtr(a, rdi);
        a.lea(rsi, rip(sym(`str_sort_${name}`)));
        a.call(sym('rt_cont_streq'));
        a.test(eax, eax);
        a.je(other);
        a.lea(rax, sib(r13, rbp, 1));
        a.mov(reg, qword(sib(r12, rax, 8)));
        a.jmp(next);
        a.bind(other);
      }
      a.mov(rdx, qword(sib(r14, rbp, 8, TUPLE.items)));
      raise(a, 'TypeError', 'msg_sort_bad_keyword', [rdx], out);
      a.bind(next);
      a.inc(rbp);
      a.jmp(loop);
    }
    a.bind(parsed);
    // reverse: an int that fits a C int (bool included).
    {
      const have = a.newLabel();
      const notInt = a.newLabel();
      const big = a.newLabel();
      const ready = a.newLabel();
      a.xor(ebp, ebp);
      a.cmp(rbx, g('rt_const_unbound'));
      a.je(ready);
      a.mov(rdi, rbx);
      a.call(sym('rt_cont_index'));
      a.cmp(edx, 1);
      a.je(big);
      a.ja(notInt);
      a.movsxd(rcx, eax);
      a.cmp(rcx, rax);
      a.jne(big);
      a.bind(have);
      a.test(rax, rax);
      a.setne(al);
      a.movzx(ebp, al);
      a.jmp(ready);
      a.bind(big);
      raise(a, 'OverflowError', 'msg_sort_c_int', [], out);
      a.bind(notInt);
      a.mov(rdx, rbx);
      raise(a, 'TypeError', 'msg_cont_not_integer', [rdx], out);
      a.bind(ready);
    }
    a.mov(rdi, qword(mem(r12)));
    a.mov(rsi, r15);
    a.mov(edx, ebp);
    a.call(sym('rt_list_sort'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(rax, g('rt_const_None'));
    a.jmp(out);
    a.bind(fail);
    a.bind(out);
    epilogue(a, saved, 8);
  },
});

export const listSortModule: RuntimeModule = {
  name: 'listsort',
  methods: [{ type: 'list', name: 'sort', entry: 'rt_list_meth_sort' }],
  routines: SORT,
  data: [
    cstr('msg_list_modified_sort', 'list modified during sort'),
    cstr('msg_sort_positional', 'sort() takes no positional arguments'),
    cstr('msg_sort_bad_keyword', "'%U' is an invalid keyword argument for sort()"),
    cstr('msg_sort_c_int', 'Python int too large to convert to C int'),
    { name: 'str_sort_key', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'key') },
    { name: 'str_sort_reverse', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'reverse') },
    // The items array of a list being sorted (empty; static, so never reallocated or freed).
    { name: 'cont_sort_marker', section: 'rodata', align: 16, emit: (a) => {
      emitHeader(a, 'type_values');
      a.u64(0);
    } },
  ],
};
