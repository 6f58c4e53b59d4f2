// Runtime core: the mark-sweep collector (docs/gc.md). gc.ts owns allocation; this file
// finds live objects and frees the rest.
//
// rt_gc_collect:
//   1. finish the lazy sweep of the last cycle (rt_gc_sweep_all): afterwards no object
//      carries a mark and every dead object is a free cell (type 0);
//   2. drop the free lists, zero the blocks' live counts;
//   3. mark from the roots: the value stack [rt_vs_base, rt_vs_top) and the registered
//      ranges (precise: boxed object words), then the machine stack [rsp, rt_stack_base)
//      (conservative: boxed words and raw addresses, interior pointers included);
//   4. drain the explicit mark stack (no recursion; it grows by mremap, and if it cannot
//      grow, marking falls back to rescanning the heap for marked objects);
//   5. reclaim: blocks without a marked cell and unmarked large objects go back to the
//      free blocks; blocks with survivors are swept lazily by rt_gc_refill;
//   6. set the next threshold from the live bytes and madvise free blocks beyond it.
//
// Register roles while marking (the "GC context"):
//   r12  heap base            r13  span bytes (addresses base..base+span are candidates)
//   r14  descriptor array     r15  mark stack top (next free slot)    rbp  mark stack limit
// GC-context helpers keep these; rt_gc_mark_addr clobbers only rax rcx rdx r8 r9.
//
// Tracing inside an object: the type word of the header (a raw address) when it points
// into the heap, and, unless the type's layout is raw (TYPE.layout == LAYOUTS.raw.id),
// every boxed object word of the cell after the header (small cells are zeroed whole on
// allocation, so the words past the object's own size are zero).

import { type Assembler, type Label, byte, dword, eax, ebx, ecx, edi, edx, mem, qword, r10, r11, r12, r13, r14, r15, r8, r8d, r9, r9d, r10d, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import type { RuntimeDatum, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { GC_MARK, LAYOUTS, TAG_OBJ, TYPE } from '../../src/native/layout.js';
import { BLOCK_SHIFT, BLOCK_SIZE, CLASS, DESC, DESC_SHIFT, GC_SYS, MADV_DONTNEED, MIN_THRESHOLD, MREMAP_MAYMOVE, NCLASSES, STATE_LARGE_HEAD, stat, THRESHOLD_SHIFT } from './gclayout.js';

/** How far ahead (in words) the drain prefetches the objects a scanned object refers to. */
const PREFETCH_WORDS = 16;

/** rdx = descriptor of the block holding the address in `r` (GC context). */
function descOf(a: Assembler<any>, r: typeof rax): void {
  a.mov(rdx, r);
  a.sub(rdx, r12);
  a.shr(rdx, BLOCK_SHIFT);
  a.shl(rdx, DESC_SHIFT);
  a.add(rdx, r14);
}

/**
 * Map the address in rax to the object containing it: rax = cell (or large object) start,
 * rdx = its block's descriptor, r8d = the block state; jump to `no` unless the address is
 * inside an allocated object of the heap. Needs r12-r14 (GC context); clobbers rcx r9.
 */
function emitResolve(a: Assembler<any>, no: Label): void {
  const large = a.newLabel();
  const rest = a.newLabel();
  const done = a.newLabel();
  a.mov(rcx, rax);
  a.sub(rcx, r12);
  a.cmp(rcx, r13);
  a.jae(no);
  a.mov(rdx, rcx);
  a.shr(rdx, BLOCK_SHIFT);
  a.shl(rdx, DESC_SHIFT);
  a.add(rdx, r14);
  a.movzx(r8d, byte(mem(rdx, DESC.state)));
  a.cmp(r8d, STATE_LARGE_HEAD);
  a.jae(large);
  a.test(r8d, r8d);
  a.je(no);
  // Cell index = offset in block * ceil(2^32 / cell size) >> 32 (exact for offsets < 2^16).
  a.and(ecx, BLOCK_SIZE - 1);
  a.mov(r9d, dword(mem(rdx, DESC.magic)));
  a.imul(rcx, r9);
  a.shr(rcx, 32);
  a.cmp(ecx, dword(mem(rdx, DESC.ncells)));
  a.jae(no); // the block's unused tail
  a.imul(ecx, dword(mem(rdx, DESC.cellSize)));
  a.and(rax, -BLOCK_SIZE);
  a.add(rax, rcx);
  a.cmp(qword(mem(rax, 0)), 0);
  a.je(no); // a free cell
  a.jmp(done);
  a.bind(large);
  a.jne(rest);
  a.and(rax, -BLOCK_SIZE);
  a.jmp(done);
  a.bind(rest);
  a.mov(rax, qword(mem(rdx, DESC.largeHead)));
  a.bind(done);
}

/**
 * `prefetcht0 [reg]` (Intel SDM vol. 2B, PREFETCHh: 0F 18 /1), for rax..rdi other than rsp
 * and rbp (ModRM mod 00 with those would mean SIB / rip-relative). A prefetch never faults,
 * so any address will do; src/asm has no mnemonic for it yet.
 */
function prefetcht0(a: Assembler<any>, r: typeof rax): void {
  const code = ([rax, rcx, rdx, rbx, undefined, undefined, rsi, rdi] as const).indexOf(r);
  if (code < 0) throw new Error('prefetcht0: register not encodable as [reg]');
  a.bytes([0x0f, 0x18, 0x08 | code]);
}

/**
 * Mark the object containing the address in rax and push it on the mark stack, unless it
 * is not a heap object or is marked already; continue at `done`. An object of a raw layout
 * whose type is static is only marked: there is nothing in it to trace, and popping it
 * later would touch its header a second time (a cache miss per string in a large list).
 * GC context; clobbers rax rcx rdx r8 r9.
 */
function emitMarkAddr(a: Assembler<any>, done: Label): void {
  const skipLive = a.newLabel();
  const room = a.newLabel();
  const push = a.newLabel();
  emitResolve(a, done);
  a.test(byte(mem(rax, 8)), GC_MARK);
  a.jne(done);
  a.or(byte(mem(rax, 8)), GC_MARK);
  a.cmp(r8d, STATE_LARGE_HEAD);
  a.jae(skipLive);
  a.inc(dword(mem(rdx, DESC.live)));
  a.bind(skipLive);
  a.mov(r9, qword(mem(rax, 0)));
  a.mov(rcx, r9);
  a.sub(rcx, r12);
  a.cmp(rcx, r13);
  a.jb(push); // a heap class: the drain marks it
  a.cmp(qword(mem(r9, TYPE.layout)), LAYOUTS.raw.id);
  a.je(done);
  a.bind(push);
  a.cmp(r15, rbp);
  a.jb(room);
  a.call(sym('rt_gc_mstack_full'));
  a.cmp(r15, rbp);
  a.jae(done); // cannot grow: the object stays marked, rt_gc_rescan traces it later
  a.bind(room);
  a.mov(qword(mem(r15, 0)), rax);
  a.add(r15, 8);
}

/** Load the GC register roles (r12-r15, rbp) from the globals. Clobbers rax rcx. */
function enterGcContext(a: Assembler<any>): void {
  const noCap = a.newLabel();
  a.mov(r12, g('rt_gc_heap_base'));
  a.mov(r13, stat('spanBytes'));
  a.mov(r14, g('rt_gc_desc'));
  a.mov(r15, g('rt_gc_mstack'));
  a.mov(rax, g('rt_gc_mstack_cap'));
  a.mov(rcx, g('rt_gc_mstack_testcap'));
  a.test(rcx, rcx);
  a.je(noCap);
  a.cmp(rax, rcx);
  a.cmova(rax, rcx);
  a.bind(noCap);
  a.lea(rbp, sib(r15, rax, 8, 0));
}

const collect: RuntimeRoutine = {
  name: 'rt_gc_collect',
  contract: 'run a full collection now (roots: value stack, registered ranges, machine stack up to rt_stack_base); clobbers rax rcx rdx rsi rdi r8-r11, preserves xmm; no alloc, no raise',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15];
    const busy = a.newLabel();
    const noClock = a.newLabel();
    const rootLoop = a.newLabel();
    const rootsDone = a.newLabel();
    const noStack = a.newLabel();
    const overflow = a.newLabel();
    const marked = a.newLabel();
    const noPause = a.newLabel();
    const noMax = a.newLabel();
    // Callee-saved registers go on the machine stack first: the conservative scan reads
    // them there (the caller's raw pointers may live in rbx, rbp, r12-r15).
    prologue(a, saved);
    a.cmp(g('rt_gc_busy'), 0);
    a.jne(busy);
    a.mov(g('rt_gc_busy'), 1);
    a.xor(ebx, ebx);
    a.cmp(g('rt_gc_stats_on'), 0);
    a.je(noClock);
    a.call(sym('rt_gc_now'));
    a.mov(rbx, rax);
    a.bind(noClock);
    a.push(rbx);
    a.call(sym('rt_gc_sweep_all'));
    a.call(sym('rt_gc_reset'));
    enterGcContext(a);
    a.mov(g('rt_gc_overflow'), 0);
    // Roots 1: the value stack (precise).
    a.mov(rsi, g('rt_vs_base'));
    a.mov(rdi, g('rt_vs_top'));
    a.call(sym('rt_gc_mark_precise'));
    // Roots 2: registered ranges (precise).
    a.xor(ebx, ebx);
    a.bind(rootLoop);
    a.cmp(rbx, g('rt_gc_roots_len'));
    a.jae(rootsDone);
    a.mov(rax, rbx);
    a.shl(rax, 4);
    a.add(rax, g('rt_gc_roots'));
    a.mov(rsi, qword(mem(rax, 0)));
    a.mov(rdi, qword(mem(rax, 8)));
    a.lea(rdi, sib(rsi, rdi, 8, 0));
    a.push(rbx);
    a.call(sym('rt_gc_mark_precise'));
    a.pop(rbx);
    a.inc(rbx);
    a.jmp(rootLoop);
    a.bind(rootsDone);
    // Roots 3: the machine stack from here up to rt_stack_base (conservative).
    a.mov(rdi, g('rt_stack_base'));
    a.mov(rsi, rsp);
    a.cmp(rdi, rsi);
    a.jbe(noStack); // 0 (unknown) or not above us: skip
    a.call(sym('rt_gc_mark_conservative'));
    a.bind(noStack);
    a.call(sym('rt_gc_drain'));
    a.bind(overflow);
    a.cmp(g('rt_gc_overflow'), 0);
    a.je(marked);
    a.mov(g('rt_gc_overflow'), 0);
    a.call(sym('rt_gc_rescan'));
    a.jmp(overflow);
    a.bind(marked);
    a.call(sym('rt_gc_reclaim'));
    a.call(sym('rt_gc_trim'));
    a.inc(stat('collections'));
    // Type-cache entries may name freed types or names and hold unrooted values.
    a.inc(g('rt_type_cache_epoch'));
    a.mov(stat('allocatedSince'), 0);
    a.pop(rbx);
    a.cmp(g('rt_gc_stats_on'), 0);
    a.je(noPause);
    a.call(sym('rt_gc_now'));
    a.sub(rax, rbx);
    a.add(stat('pauseTotalNs'), rax);
    a.cmp(rax, stat('pauseMaxNs'));
    a.jbe(noMax);
    a.mov(stat('pauseMaxNs'), rax);
    a.bind(noMax);
    a.bind(noPause);
    a.mov(g('rt_gc_busy'), 0);
    a.bind(busy);
    epilogue(a, saved);
  },
};

const markPrecise: RuntimeRoutine = {
  name: 'rt_gc_mark_precise',
  local: true,
  contract: 'GC context; rsi=start, rdi=end of value words: mark the objects their boxed object words point to; clobbers rax rcx rdx rsi r8 r9',
  emit(a) {
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(rsi, rdi);
    a.jae(done);
    a.mov(rax, qword(mem(rsi, 0)));
    a.add(rsi, 8);
    a.mov(rcx, rax);
    a.shr(rcx, 48);
    a.cmp(ecx, TAG_OBJ);
    a.jne(loop);
    a.shl(rax, 16);
    a.shr(rax, 16);
    emitMarkAddr(a, loop);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  },
};

const markConservative: RuntimeRoutine = {
  name: 'rt_gc_mark_conservative',
  local: true,
  contract: 'GC context; rsi=start, rdi=end of machine words: mark every heap object one of them points into, as a boxed object word or a raw address; clobbers rax rcx rdx rsi r8 r9',
  emit(a) {
    const loop = a.newLabel();
    const raw = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(rsi, rdi);
    a.jae(done);
    a.mov(rax, qword(mem(rsi, 0)));
    a.add(rsi, 8);
    a.mov(rcx, rax);
    a.shr(rcx, 48);
    a.cmp(ecx, TAG_OBJ);
    a.jne(raw);
    a.shl(rax, 16);
    a.shr(rax, 16);
    a.bind(raw);
    emitMarkAddr(a, loop);
    a.jmp(loop);
    a.bind(done);
    a.ret();
  },
};

const markAddr: RuntimeRoutine = {
  name: 'rt_gc_mark_addr',
  local: true,
  contract: 'GC context; rax=any address: mark and push the heap object containing it, if any; clobbers rax rcx rdx r8 r9',
  emit(a) {
    const done = a.newLabel();
    emitMarkAddr(a, done);
    a.bind(done);
    a.ret();
  },
};

const drain: RuntimeRoutine = {
  name: 'rt_gc_drain',
  local: true,
  contract: 'GC context: trace the objects on the mark stack until it is empty; clobbers rax rbx rcx rdx rsi rdi r8 r9',
  emit(a) {
    const top = a.newLabel();
    const staticType = a.newLabel();
    const largeExtent = a.newLabel();
    const haveExtent = a.newLabel();
    const fields = a.newLabel();
    const noPrefetch = a.newLabel();
    const noPrefetchNext = a.newLabel();
    const out = a.newLabel();
    a.bind(top);
    a.cmp(r15, g('rt_gc_mstack'));
    a.jbe(out);
    a.sub(r15, 8);
    a.mov(rbx, qword(mem(r15, 0)));
    // The entry below is popped next unless this object pushes others: start its miss now.
    a.cmp(r15, g('rt_gc_mstack'));
    a.jbe(noPrefetchNext);
    a.mov(rax, qword(mem(r15, -8)));
    prefetcht0(a, rax);
    a.bind(noPrefetchNext);
    // The type (a raw address in the header) is a reference when it is a heap class.
    a.mov(rax, qword(mem(rbx, 0)));
    a.mov(rcx, rax);
    a.sub(rcx, r12);
    a.cmp(rcx, r13);
    a.jae(staticType);
    a.call(sym('rt_gc_mark_addr'));
    a.mov(rax, qword(mem(rbx, 0)));
    a.bind(staticType);
    a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.raw.id);
    a.je(top);
    descOf(a, rbx);
    a.cmp(byte(mem(rdx, DESC.state)), STATE_LARGE_HEAD);
    a.jae(largeExtent);
    a.mov(edi, dword(mem(rdx, DESC.cellSize)));
    a.jmp(haveExtent);
    a.bind(largeExtent);
    a.mov(rdi, qword(mem(rdx, DESC.largeBytes)));
    a.bind(haveExtent);
    a.add(rdi, rbx);
    a.lea(rsi, mem(rbx, 16));
    a.bind(fields);
    a.cmp(rsi, rdi);
    a.jae(top);
    // Prefetch the object PREFETCH_WORDS fields ahead: marking reads each referenced
    // header, and in a long values array (a list of strings) those are independent misses
    // that can overlap instead of being paid one after the other.
    a.lea(rax, mem(rsi, PREFETCH_WORDS * 8));
    a.cmp(rax, rdi);
    a.jae(noPrefetch);
    a.mov(rax, qword(mem(rax, 0)));
    a.mov(rcx, rax);
    a.shr(rcx, 48);
    a.cmp(ecx, TAG_OBJ);
    a.jne(noPrefetch);
    a.shl(rax, 16);
    a.shr(rax, 16);
    prefetcht0(a, rax);
    a.bind(noPrefetch);
    a.mov(rax, qword(mem(rsi, 0)));
    a.add(rsi, 8);
    a.mov(rcx, rax);
    a.shr(rcx, 48);
    a.cmp(ecx, TAG_OBJ);
    a.jne(fields);
    a.shl(rax, 16);
    a.shr(rax, 16);
    emitMarkAddr(a, fields);
    a.jmp(fields);
    a.bind(out);
    a.ret();
  },
};

const mstackFull: RuntimeRoutine = {
  name: 'rt_gc_mstack_full',
  local: true,
  contract: 'GC context, r15 == rbp: double the mark stack (mremap), or set rt_gc_overflow when it cannot grow (or rt_gc_mstack_testcap is set); preserves everything but r15 rbp',
  emit(a) {
    const saved = [rax, rcx, rdx, rsi, rdi, r8, r9, r10, r11];
    const cannot = a.newLabel();
    const out = a.newLabel();
    prologue(a, saved);
    a.cmp(g('rt_gc_mstack_testcap'), 0);
    a.jne(cannot);
    a.mov(rdi, g('rt_gc_mstack'));
    a.mov(rsi, g('rt_gc_mstack_cap'));
    a.shl(rsi, 3);
    a.lea(rdx, sib(undefined, rsi, 2, 0));
    a.mov(r10, MREMAP_MAYMOVE);
    a.mov(rax, GC_SYS.mremap);
    a.syscall();
    a.cmp(rax, -4096);
    a.jae(cannot);
    a.sub(r15, g('rt_gc_mstack'));
    a.add(r15, rax);
    a.mov(g('rt_gc_mstack'), rax);
    a.shl(g('rt_gc_mstack_cap'), 1);
    a.mov(rbp, g('rt_gc_mstack_cap'));
    a.lea(rbp, sib(rax, rbp, 8, 0));
    a.jmp(out);
    a.bind(cannot);
    a.mov(g('rt_gc_overflow'), 1);
    a.bind(out);
    epilogue(a, saved);
  },
};

const rescan: RuntimeRoutine = {
  name: 'rt_gc_rescan',
  local: true,
  contract: 'GC context, after a mark stack overflow: trace every marked object of the heap again (objects marked but never scanned get scanned); clobbers rax rbx rcx rdx rsi rdi r8-r11',
  emit(a) {
    const blockLoop = a.newLabel();
    const cellLoop = a.newLabel();
    const nextCell = a.newLabel();
    const largeHead = a.newLabel();
    const nextBlock = a.newLabel();
    const end = a.newLabel();
    /** Push the object at rsi, draining first if the stack is full. */
    const pushObj = (): void => {
      const room = a.newLabel();
      a.cmp(r15, rbp);
      a.jb(room);
      for (const r of [rsi, rdi, r8, r9]) a.push(r);
      a.call(sym('rt_gc_drain'));
      for (const r of [r9, r8, rdi, rsi]) a.pop(r);
      a.bind(room);
      a.mov(qword(mem(r15, 0)), rsi);
      a.add(r15, 8);
    };
    a.xor(r8d, r8d); // block index
    a.bind(blockLoop);
    a.mov(rax, r13);
    a.shr(rax, BLOCK_SHIFT);
    a.cmp(r8, rax);
    a.jae(end);
    a.mov(rdx, r8);
    a.shl(rdx, DESC_SHIFT);
    a.add(rdx, r14);
    a.movzx(ecx, byte(mem(rdx, DESC.state)));
    a.mov(rsi, r8);
    a.shl(rsi, BLOCK_SHIFT);
    a.add(rsi, r12);
    a.cmp(ecx, STATE_LARGE_HEAD);
    a.je(largeHead);
    a.ja(nextBlock);
    a.test(ecx, ecx);
    a.je(nextBlock);
    a.mov(r9d, dword(mem(rdx, DESC.cellSize)));
    a.mov(edi, dword(mem(rdx, DESC.ncells)));
    a.imul(edi, r9d);
    a.add(rdi, rsi);
    a.bind(cellLoop);
    a.cmp(rsi, rdi);
    a.jae(nextBlock);
    a.cmp(qword(mem(rsi, 0)), 0);
    a.je(nextCell);
    a.test(byte(mem(rsi, 8)), GC_MARK);
    a.je(nextCell);
    pushObj();
    a.bind(nextCell);
    a.add(rsi, r9);
    a.jmp(cellLoop);
    a.bind(largeHead);
    a.test(byte(mem(rsi, 8)), GC_MARK);
    a.je(nextBlock);
    pushObj();
    a.bind(nextBlock);
    a.inc(r8);
    a.jmp(blockLoop);
    a.bind(end);
    a.jmp(sym('rt_gc_drain'));
  },
};

const sweepBlock: RuntimeRoutine = {
  name: 'rt_gc_sweep_block',
  local: true,
  contract: 'rdi=descriptor of a small block marked by the last collection -> rax=first free cell (0 if none), rdx=free cells, rcx=last free cell: unmarked objects become free cells (type 0), marks are cleared; clobbers rax rcx rdx rsi r8-r11',
  emit(a) {
    const loop = a.newLabel();
    const dead = a.newLabel();
    const freeCell = a.newLabel();
    const next = a.newLabel();
    a.mov(r8, rdi);
    a.sub(r8, g('rt_gc_desc'));
    a.shl(r8, BLOCK_SHIFT - DESC_SHIFT);
    a.add(r8, g('rt_gc_heap_base'));
    a.mov(r9d, dword(mem(rdi, DESC.cellSize)));
    a.mov(r10d, dword(mem(rdi, DESC.ncells)));
    a.lea(eax, mem(r10, -1));
    a.imul(eax, r9d);
    a.lea(rsi, sib(r8, rax, 1, 0));
    a.xor(eax, eax);
    a.xor(edx, edx);
    a.xor(ecx, ecx);
    // From the last cell down, so the list comes out in address order.
    a.bind(loop);
    a.cmp(qword(mem(rsi, 0)), 0);
    a.je(freeCell);
    a.test(byte(mem(rsi, 8)), GC_MARK);
    a.je(dead);
    a.and(byte(mem(rsi, 8)), ~GC_MARK & 0xff);
    a.jmp(next);
    a.bind(dead);
    a.mov(qword(mem(rsi, 0)), 0);
    a.bind(freeCell);
    a.mov(qword(mem(rsi, 8)), rax);
    a.test(rax, rax);
    a.cmove(rcx, rsi);
    a.mov(rax, rsi);
    a.inc(edx);
    a.bind(next);
    a.sub(rsi, r9);
    a.dec(r10d);
    a.jne(loop);
    a.ret();
  },
};

const sweepAll: RuntimeRoutine = {
  name: 'rt_gc_sweep_all',
  contract: 'finish the lazy sweep now: every block swept, the free cells found added to the free lists; clobbers caller-saved; no alloc',
  emit(a) {
    const classLoop = a.newLabel();
    const sweepLoop = a.newLabel();
    const classDone = a.newLabel();
    prologue(a, [rbx, r12, r13]);
    a.lea(rbx, rip(sym('rt_gc_classes')));
    a.mov(r12, NCLASSES);
    a.bind(classLoop);
    a.mov(r13, qword(mem(rbx, CLASS.free)));
    a.bind(sweepLoop);
    a.mov(rdi, qword(mem(rbx, CLASS.cursor)));
    a.test(rdi, rdi);
    a.je(classDone);
    a.mov(rax, qword(mem(rdi, DESC.next)));
    a.mov(qword(mem(rbx, CLASS.cursor)), rax);
    a.call(sym('rt_gc_sweep_block'));
    a.test(rdx, rdx);
    a.je(sweepLoop);
    a.mov(qword(mem(rcx, 8)), r13);
    a.mov(r13, rax);
    a.imul(rdx, qword(mem(rbx, CLASS.cellSize)));
    a.add(stat('allocatedSince'), rdx);
    a.jmp(sweepLoop);
    a.bind(classDone);
    a.mov(qword(mem(rbx, CLASS.free)), r13);
    a.add(rbx, CLASS.size);
    a.dec(r12);
    a.jne(classLoop);
    epilogue(a, [rbx, r12, r13]);
  },
};

const reset: RuntimeRoutine = {
  name: 'rt_gc_reset',
  local: true,
  contract: 'before marking (everything swept): empty the free lists (their cells are free and get relinked by the sweep after marking) and zero the live counts; clobbers rax rcx rdx',
  emit(a) {
    const classLoop = a.newLabel();
    const blockLoop = a.newLabel();
    const classDone = a.newLabel();
    a.lea(rcx, rip(sym('rt_gc_classes')));
    a.mov(edx, NCLASSES);
    a.bind(classLoop);
    a.mov(qword(mem(rcx, CLASS.free)), 0);
    a.mov(rax, qword(mem(rcx, CLASS.blocks)));
    a.bind(blockLoop);
    a.test(rax, rax);
    a.je(classDone);
    a.mov(dword(mem(rax, DESC.live)), 0);
    a.mov(rax, qword(mem(rax, DESC.next)));
    a.jmp(blockLoop);
    a.bind(classDone);
    a.add(rcx, CLASS.size);
    a.dec(edx);
    a.jne(classLoop);
    a.ret();
  },
};

const reclaim: RuntimeRoutine = {
  name: 'rt_gc_reclaim',
  local: true,
  contract: 'GC context, after marking: free the blocks without a marked cell and the unmarked large objects, queue the other blocks for lazy sweeping, set liveBytes and the next threshold; clobbers rax rbx rcx rdx rsi rdi r8',
  emit(a) {
    const classLoop = a.newLabel();
    const blockLoop = a.newLabel();
    const release = a.newLabel();
    const classDone = a.newLabel();
    const largeLoop = a.newLabel();
    const freeLarge = a.newLabel();
    const freeRest = a.newLabel();
    const largeDone = a.newLabel();
    const minOk = a.newLabel();
    a.xor(ebx, ebx); // live bytes
    a.lea(rsi, rip(sym('rt_gc_classes')));
    a.mov(r8, NCLASSES);
    a.bind(classLoop);
    a.lea(rdi, mem(rsi, CLASS.blocks)); // the link to patch when a block leaves the list
    a.mov(rax, qword(mem(rdi, 0)));
    a.bind(blockLoop);
    a.test(rax, rax);
    a.je(classDone);
    a.mov(rcx, qword(mem(rax, DESC.next)));
    a.mov(edx, dword(mem(rax, DESC.live)));
    a.test(edx, edx);
    a.je(release);
    a.imul(edx, dword(mem(rax, DESC.cellSize)));
    a.add(rbx, rdx);
    a.mov(rdi, rax); // DESC.next is at +0: the descriptor is its own link
    a.mov(rax, rcx);
    a.jmp(blockLoop);
    a.bind(release);
    a.mov(qword(mem(rdi, 0)), rcx);
    a.mov(byte(mem(rax, DESC.state)), 0);
    a.dec(qword(mem(rsi, CLASS.nblocks)));
    a.sub(stat('heapBytes'), BLOCK_SIZE);
    a.mov(rax, rcx);
    a.jmp(blockLoop);
    a.bind(classDone);
    a.mov(rax, qword(mem(rsi, CLASS.blocks)));
    a.mov(qword(mem(rsi, CLASS.cursor)), rax);
    a.mov(qword(mem(rsi, CLASS.free)), 0);
    a.add(rsi, CLASS.size);
    a.dec(r8);
    a.jne(classLoop);
    // Large objects: the mark is on the object itself.
    a.lea(rdi, rip(sym('rt_gc_large_list')));
    a.mov(rax, qword(mem(rdi, 0)));
    a.bind(largeLoop);
    a.test(rax, rax);
    a.je(largeDone);
    a.mov(rcx, qword(mem(rax, DESC.next)));
    a.mov(rsi, rax);
    a.sub(rsi, r14);
    a.shl(rsi, BLOCK_SHIFT - DESC_SHIFT);
    a.add(rsi, r12);
    a.test(byte(mem(rsi, 8)), GC_MARK);
    a.je(freeLarge);
    a.and(byte(mem(rsi, 8)), ~GC_MARK & 0xff);
    a.mov(rdx, qword(mem(rax, DESC.largeBlocks)));
    a.shl(rdx, BLOCK_SHIFT);
    a.add(rbx, rdx); // footprint: the whole run
    a.mov(rdi, rax);
    a.mov(rax, rcx);
    a.jmp(largeLoop);
    a.bind(freeLarge);
    a.mov(qword(mem(rdi, 0)), rcx);
    a.mov(rdx, qword(mem(rax, DESC.largeBlocks)));
    a.mov(rsi, rdx);
    a.shl(rsi, BLOCK_SHIFT);
    a.sub(stat('heapBytes'), rsi);
    a.bind(freeRest);
    a.mov(byte(mem(rax, DESC.state)), 0);
    a.add(rax, DESC.size);
    a.dec(rdx);
    a.jne(freeRest);
    a.mov(rax, rcx);
    a.jmp(largeLoop);
    a.bind(largeDone);
    a.mov(stat('liveBytes'), rbx);
    // Next collection after allocating max(live / 2, MIN_THRESHOLD) bytes (THRESHOLD_SHIFT):
    // the heap peaks near 1.5 x the live size, and each collection's work (proportional to
    // live) is paid for by half as many bytes of allocation.
    a.shr(rbx, THRESHOLD_SHIFT);
    a.cmp(rbx, MIN_THRESHOLD);
    a.jae(minOk);
    a.mov(ebx, MIN_THRESHOLD);
    a.bind(minOk);
    a.mov(stat('thresholdBytes'), rbx);
    a.mov(g('rt_gc_rover'), 0);
    a.mov(g('rt_gc_large_rover'), 0);
    a.ret();
  },
};

const trim: RuntimeRoutine = {
  name: 'rt_gc_trim',
  local: true,
  contract: 'GC context, after rt_gc_reclaim: keep up to thresholdBytes of dirty free blocks (the lowest ones, reused first) and madvise(DONTNEED) the rest; clobbers rax rbx rcx rdx rsi rdi r8-r11',
  emit(a) {
    const loop = a.newLabel();
    const skip = a.newLabel();
    const runLoop = a.newLabel();
    const madvise = a.newLabel();
    const done = a.newLabel();
    a.mov(rbx, r13);
    a.shr(rbx, BLOCK_SHIFT); // frontier
    a.mov(r9, stat('thresholdBytes'));
    a.xor(r10, r10); // dirty free bytes kept
    a.xor(r8d, r8d); // block index
    a.bind(loop);
    a.cmp(r8, rbx);
    a.jae(done);
    a.mov(rdx, r8);
    a.shl(rdx, DESC_SHIFT);
    a.add(rdx, r14);
    a.cmp(byte(mem(rdx, DESC.state)), 0);
    a.jne(skip);
    a.cmp(byte(mem(rdx, DESC.dirty)), 0);
    a.je(skip);
    a.cmp(r10, r9);
    a.jae(runLoop);
    a.add(r10, BLOCK_SIZE);
    a.bind(skip);
    a.inc(r8);
    a.jmp(loop);
    // A run of dirty free blocks past the budget [rdi, r8): one madvise for all of it.
    a.bind(runLoop);
    a.mov(rdi, r8);
    const inRun = a.label();
    a.mov(byte(mem(rdx, DESC.dirty)), 0);
    a.inc(r8);
    a.add(rdx, DESC.size);
    a.cmp(r8, rbx);
    a.jae(madvise);
    a.cmp(byte(mem(rdx, DESC.state)), 0);
    a.jne(madvise);
    a.cmp(byte(mem(rdx, DESC.dirty)), 0);
    a.jne(inRun);
    a.bind(madvise);
    a.mov(rsi, r8);
    a.sub(rsi, rdi);
    a.shl(rsi, BLOCK_SHIFT);
    a.add(stat('releasedBytes'), rsi);
    a.shl(rdi, BLOCK_SHIFT);
    a.add(rdi, r12);
    a.mov(edx, MADV_DONTNEED);
    a.mov(eax, GC_SYS.madvise);
    a.syscall();
    a.jmp(loop);
    a.bind(done);
    a.ret();
  },
};

const find: RuntimeRoutine = {
  name: 'rt_gc_find',
  contract: 'rdi=any address -> rax=start of the allocated heap object containing it (interior addresses included), or 0 (outside the heap, a free cell, a free block); clobbers rax rcx rdx r8 r9; no alloc',
  emit(a) {
    const no = a.newLabel();
    prologue(a, [r12, r13, r14]);
    a.mov(r12, g('rt_gc_heap_base'));
    a.mov(r13, stat('spanBytes'));
    a.mov(r14, g('rt_gc_desc'));
    a.mov(rax, rdi);
    emitResolve(a, no);
    epilogue(a, [r12, r13, r14]);
    a.bind(no);
    a.xor(rax, rax);
    epilogue(a, [r12, r13, r14]);
  },
};

export const collectorRoutines: readonly RuntimeRoutine[] = [collect, markPrecise, markConservative, markAddr, drain, mstackFull, rescan, sweepBlock, sweepAll, reset, reclaim, trim, find];

export const collectorData: readonly RuntimeDatum[] = [
  { name: 'rt_gc_busy', section: 'bss', size: 8 },
  { name: 'rt_gc_overflow', section: 'bss', size: 8 },
  { name: 'rt_gc_mstack', section: 'bss', size: 8 },
  { name: 'rt_gc_mstack_cap', section: 'bss', size: 8 },
  { name: 'rt_gc_mstack_testcap', section: 'bss', size: 8 },
];
