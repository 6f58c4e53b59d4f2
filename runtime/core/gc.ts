// Runtime core: the heap of compiled programs, its allocator and the collector's entry
// points (docs/gc.md). Replaces the interim bump allocator under the same ABI.
//
//   rt_alloc(rdi = size in bytes including the 16-byte header, rsi = type address)
//     -> rax = raw address of a zero-filled object with its header written
//
// Small objects (up to SMALL_MAX bytes) come from per-size-class free lists: the fast path
// pops a cell, writes the header and zeroes the rest of the cell (about twenty instructions
// for a small tuple, no call).
// An empty list goes to rt_gc_refill, which may collect (threshold reached, or stress
// mode), then sweeps the class's next unswept block (lazy sweeping) or carves a fresh
// block. Large objects get a run of whole blocks (rt_gc_alloc_large). The layout of
// blocks, descriptors and class records is in gclayout.ts; marking and sweeping in
// gcmark.ts.
//
// Invariants: every cell of a small block has a valid header (type 0 when free); the free
// list link of a free cell is its +8 word; cells are zeroed when handed out, never when
// freed; nothing here moves an object.

import {
  type Assembler, al, byte, dl, dword, eax, ecx, edi, edx, esi, mem, qword, r10, r10d, r12, r12d, r13, r13d, r14, r8, r9, r9d, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, word, xmm0, xmmword,
} from '../../src/asm/index.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import {
  BLOCK_SHIFT, BLOCK_SIZE, CLASS, CLASS_SHIFT, CLOCK_MONOTONIC, COMMIT_STEP, DESC, DESC_SHIFT, GC_STAT_WORDS, GC_SYS, type GcStat, MAP_NORESERVE, MAP_PRIVATE_ANON,
  MIN_THRESHOLD, MSTACK_INITIAL, PROT_NONE, PROT_RW, RESERVE_MAX, RESERVE_MIN, ROOTS_INITIAL, SIZE_CLASSES, SMALL_MAX_GRANULES, STATE_LARGE_HEAD,
  STATE_LARGE_REST, ZERO_LOOP_MAX, classMagic, classOfGranules, stat,
} from './gclayout.js';
import { collectorData, collectorRoutines } from './gcmark.js';

/** mmap(0, rsi, edx=prot, flags) -> rax; clobbers rax rcx rdi r8-r11. */
function mmapAnon(a: Assembler<any>, flags: number): void {
  a.xor(edi, edi);
  a.mov(r10, flags);
  a.mov(r8, -1);
  a.xor(r9, r9);
  a.mov(eax, GC_SYS.mmap);
  a.syscall();
}

/** heapBytes += rax (bytes of blocks taken into use), keeping the peak. Clobbers rax. */
function addHeapBytes(a: Assembler<any>): void {
  const noPeak = a.newLabel();
  a.add(stat('heapBytes'), rax);
  a.mov(rax, stat('heapBytes'));
  a.cmp(rax, stat('peakHeapBytes'));
  a.jbe(noPeak);
  a.mov(stat('peakHeapBytes'), rax);
  a.bind(noPeak);
}

/** Jump to `yes` when an automatic collection is due (not inhibited; stress or threshold). */
function jumpIfCollectionDue(a: Assembler<any>, yes: ReturnType<Assembler<any>['newLabel']>): void {
  const no = a.newLabel();
  a.cmp(g('rt_gc_inhibit'), 0);
  a.jne(no);
  a.cmp(g('rt_gc_stress'), 0);
  a.jne(yes);
  a.mov(rax, stat('allocatedSince'));
  a.cmp(rax, stat('thresholdBytes'));
  a.jae(yes);
  a.bind(no);
}

/** Set a flag word from an environment value at rax (0 = unset): on unless "" or "0". */
function flagFromEnv(a: Assembler<any>, flag: string): void {
  const off = a.newLabel();
  a.test(rax, rax);
  a.je(off);
  a.movzx(ecx, byte(mem(rax)));
  a.test(ecx, ecx);
  a.je(off);
  a.cmp(ecx, 0x30); // '0'
  const on = a.newLabel();
  a.jne(on);
  a.cmp(byte(mem(rax, 1)), 0);
  a.je(off);
  a.bind(on);
  a.mov(g(flag), 1);
  a.bind(off);
}

const heapInit: RuntimeRoutine = {
  name: 'rt_heap_init',
  contract: 'reserve the heap, map the block descriptors and the mark stack, read EDGEPYC_GC_* (rt_envp), register rt_exc and rt_exc_info as roots; clobbers caller-saved; exits with MemoryError if memory cannot be mapped',
  emit(a) {
    const tryReserve = a.newLabel();
    const reserved = a.newLabel();
    const fail = a.newLabel();
    prologue(a, [rbx]);
    a.call(sym('rt_gc_read_env'));
    // Reserve address space only (PROT_NONE, no commit charge); blocks become accessible
    // in COMMIT_STEP pieces as the heap grows (rt_gc_extend). One extra block for alignment.
    a.mov(rbx, RESERVE_MAX);
    a.bind(tryReserve);
    a.lea(rsi, mem(rbx, BLOCK_SIZE));
    a.mov(edx, PROT_NONE);
    mmapAnon(a, MAP_PRIVATE_ANON | MAP_NORESERVE);
    a.cmp(rax, -4096);
    a.jb(reserved);
    a.shr(rbx, 1);
    a.cmp(rbx, RESERVE_MIN);
    a.jae(tryReserve);
    a.jmp(fail);
    a.bind(reserved);
    a.add(rax, BLOCK_SIZE - 1);
    a.and(rax, -BLOCK_SIZE);
    a.mov(g('rt_gc_heap_base'), rax);
    a.mov(g('rt_gc_reserved'), rbx);
    // One descriptor per block of the reservation (untouched pages cost nothing).
    a.mov(rsi, rbx);
    a.shr(rsi, BLOCK_SHIFT - DESC_SHIFT);
    a.mov(edx, PROT_RW);
    mmapAnon(a, MAP_PRIVATE_ANON | MAP_NORESERVE);
    a.cmp(rax, -4096);
    a.jae(fail);
    a.mov(g('rt_gc_desc'), rax);
    a.mov(esi, MSTACK_INITIAL * 8);
    a.mov(edx, PROT_RW);
    mmapAnon(a, MAP_PRIVATE_ANON | MAP_NORESERVE);
    a.cmp(rax, -4096);
    a.jae(fail);
    a.mov(g('rt_gc_mstack'), rax);
    a.mov(g('rt_gc_mstack_cap'), MSTACK_INITIAL);
    a.lea(rax, rip(sym('rt_gc_roots_initial')));
    a.mov(g('rt_gc_roots'), rax);
    a.mov(g('rt_gc_roots_cap'), ROOTS_INITIAL);
    a.mov(g('rt_gc_roots_len'), 0);
    a.mov(stat('thresholdBytes'), MIN_THRESHOLD);
    a.lea(rdi, rip(sym('rt_exc')));
    a.mov(esi, 1);
    a.call(sym('rt_gc_add_roots'));
    a.lea(rdi, rip(sym('rt_exc_info')));
    a.mov(esi, 1);
    a.call(sym('rt_gc_add_roots'));
    epilogue(a, [rbx]);
    a.bind(fail);
    a.jmp(sym('rt_gc_out_of_memory'));
  },
};

const readEnv: RuntimeRoutine = {
  name: 'rt_gc_read_env',
  contract: 'turn on rt_gc_stress / rt_gc_stats_on when EDGEPYC_GC_STRESS / EDGEPYC_GC_STATS are set to anything but "" or "0" (rt_getenv); clobbers rax rcx rdx rsi rdi r8; no alloc',
  emit(a) {
    a.lea(rdi, rip(sym('msg_gc_env_stress')));
    a.call(sym('rt_getenv'));
    flagFromEnv(a, 'rt_gc_stress');
    a.lea(rdi, rip(sym('msg_gc_env_stats')));
    a.call(sym('rt_getenv'));
    flagFromEnv(a, 'rt_gc_stats_on');
    a.ret();
  },
};

const alloc: RuntimeRoutine = {
  name: 'rt_alloc',
  contract: 'rdi=size (bytes, incl. header), rsi=type address -> rax=zeroed object address with header set; clobbers rax rcx rdx rdi r8-r11 xmm0 (fast path: rax rcx rdx xmm0), preserves rsi; may collect; MemoryError exit when the heap cannot grow',
  emit(a) {
    const top = a.label();
    const large = a.newLabel();
    const refill = a.newLabel();
    const bigZero = a.newLabel();
    const zeroLoop = a.newLabel();
    const done = a.newLabel();
    a.lea(rax, mem(rdi, 15));
    a.shr(rax, 4);
    a.cmp(rax, SMALL_MAX_GRANULES);
    a.ja(large);
    a.lea(rcx, rip(sym('rt_gc_class_of')));
    a.movzx(ecx, word(sib(rcx, rax, 2, 0)));
    a.lea(rdx, rip(sym('rt_gc_classes')));
    a.add(rdx, rcx);
    a.mov(rax, qword(mem(rdx, CLASS.free)));
    a.test(rax, rax);
    a.je(refill);
    a.mov(rcx, qword(mem(rax, 8)));
    a.mov(qword(mem(rdx, CLASS.free)), rcx);
    a.mov(qword(mem(rax, 0)), rsi);
    a.mov(qword(mem(rax, 8)), 0);
    // Zero the whole cell after the header: the collector scans cells to their end.
    a.mov(rcx, qword(mem(rdx, CLASS.cellSize)));
    a.cmp(ecx, ZERO_LOOP_MAX);
    a.ja(bigZero);
    a.add(rcx, rax);
    a.lea(rdx, mem(rax, 16));
    a.cmp(rdx, rcx);
    a.jae(done);
    a.pxor(xmm0, xmm0);
    a.bind(zeroLoop);
    a.movdqu(xmmword(mem(rdx)), xmm0);
    a.add(rdx, 16);
    a.cmp(rdx, rcx);
    a.jb(zeroLoop);
    a.bind(done);
    a.ret();
    a.bind(bigZero);
    a.mov(rdx, rax);
    a.lea(rdi, mem(rax, 16));
    a.sub(ecx, 16);
    a.shr(ecx, 3);
    a.xor(eax, eax);
    a.rep_stosq();
    a.mov(rax, rdx);
    a.ret();
    a.bind(refill);
    a.push(rsi);
    a.push(rdi);
    a.mov(rdi, rdx);
    a.call(sym('rt_gc_refill'));
    a.pop(rdi);
    a.pop(rsi);
    a.jmp(top);
    a.bind(large);
    a.jmp(sym('rt_gc_alloc_large'));
  },
};

const refill: RuntimeRoutine = {
  name: 'rt_gc_refill',
  contract: 'rdi=class record (rt_gc_classes entry) with an empty free list: collect if due, then sweep the class\'s next unswept block or carve a new one, leaving a non-empty free list; clobbers caller-saved; MemoryError exit when the heap cannot grow',
  emit(a) {
    const collect = a.newLabel();
    const sweepLoop = a.newLabel();
    const newBlock = a.newLabel();
    const carve = a.newLabel();
    const got = a.newLabel();
    const install = a.newLabel();
    const oom = a.newLabel();
    prologue(a, [rbx, r12, r13]);
    a.mov(rbx, rdi);
    a.xor(r12d, r12d); // 1 once this refill has collected
    jumpIfCollectionDue(a, collect);
    a.jmp(sweepLoop);
    a.bind(collect);
    a.call(sym('rt_gc_collect'));
    a.mov(r12d, 1);
    // Lazy sweeping: blocks from the cursor on still hold last collection's marks.
    a.bind(sweepLoop);
    a.mov(rdi, qword(mem(rbx, CLASS.cursor)));
    a.test(rdi, rdi);
    a.je(newBlock);
    a.mov(rax, qword(mem(rdi, DESC.next)));
    a.mov(qword(mem(rbx, CLASS.cursor)), rax);
    a.call(sym('rt_gc_sweep_block'));
    a.test(rdx, rdx);
    a.je(sweepLoop);
    a.jmp(got);
    a.bind(newBlock);
    a.call(sym('rt_gc_take_block'));
    a.test(rax, rax);
    a.jne(carve);
    // Out of blocks: collect once (unless inhibited), then give up.
    a.test(r12d, r12d);
    a.jne(oom);
    a.cmp(g('rt_gc_inhibit'), 0);
    a.jne(oom);
    a.jmp(collect);
    a.bind(carve);
    a.mov(r13, rax);
    a.lea(rcx, rip(sym('rt_gc_classes')));
    a.mov(rax, rbx);
    a.sub(rax, rcx);
    a.shr(eax, CLASS_SHIFT);
    a.inc(eax);
    a.mov(byte(mem(r13, DESC.state)), al);
    a.mov(byte(mem(r13, DESC.dirty)), 1);
    a.mov(dword(mem(r13, DESC.live)), 0);
    for (const f of ['cellSize', 'magic', 'ncells'] as const) {
      a.mov(eax, dword(mem(rbx, CLASS[f])));
      a.mov(dword(mem(r13, DESC[f])), eax);
    }
    a.mov(rax, qword(mem(rbx, CLASS.blocks)));
    a.mov(qword(mem(r13, DESC.next)), rax);
    a.mov(qword(mem(rbx, CLASS.blocks)), r13);
    a.inc(qword(mem(rbx, CLASS.nblocks)));
    a.mov(eax, BLOCK_SIZE);
    addHeapBytes(a);
    a.mov(rdi, r13);
    a.call(sym('rt_gc_carve'));
    a.bind(got);
    a.mov(rcx, rdx);
    a.imul(rcx, qword(mem(rbx, CLASS.cellSize)));
    a.add(stat('allocatedSince'), rcx);
    // Stress mode hands out one cell per refill so the next allocation collects again; the
    // other free cells stay (type 0, unlinked) until the block is swept after that collection.
    a.test(r12d, r12d);
    a.je(install);
    a.cmp(g('rt_gc_stress'), 0);
    a.je(install);
    a.mov(qword(mem(rax, 8)), 0);
    a.bind(install);
    a.mov(qword(mem(rbx, CLASS.free)), rax);
    epilogue(a, [rbx, r12, r13]);
    a.bind(oom);
    a.jmp(sym('rt_gc_out_of_memory'));
  },
};

const carve: RuntimeRoutine = {
  name: 'rt_gc_carve',
  local: true,
  contract: 'rdi=descriptor of a block set up for a class -> rax=first free cell, rdx=cell count, rcx=last cell: every cell gets type 0 and a link to the next one; clobbers rax rcx rdx rsi r8 r9 r10',
  emit(a) {
    const loop = a.newLabel();
    a.mov(rax, rdi);
    a.sub(rax, g('rt_gc_desc'));
    a.shl(rax, BLOCK_SHIFT - DESC_SHIFT);
    a.add(rax, g('rt_gc_heap_base'));
    a.mov(r8, rax);
    a.mov(r9d, dword(mem(rdi, DESC.cellSize)));
    a.mov(r10d, dword(mem(rdi, DESC.ncells)));
    a.mov(rdx, r10);
    a.lea(eax, mem(r10, -1));
    a.imul(eax, r9d);
    a.lea(rsi, sib(r8, rax, 1, 0));
    a.mov(rcx, rsi);
    a.xor(eax, eax);
    // From the last cell down, so the list comes out in address order.
    a.bind(loop);
    a.mov(qword(mem(rsi, 0)), 0);
    a.mov(qword(mem(rsi, 8)), rax);
    a.mov(rax, rsi);
    a.sub(rsi, r9);
    a.dec(r10d);
    a.jne(loop);
    a.ret();
  },
};

const extend: RuntimeRoutine = {
  name: 'rt_gc_extend',
  local: true,
  contract: 'rdi=blocks -> rax=index of the first of rdi new blocks at the frontier (committing memory as needed), or -1 when the reservation is exhausted or mprotect fails; clobbers rax rcx rdx rsi rdi r8 r9 r10 r11',
  emit(a) {
    const fits = a.newLabel();
    const fail = a.newLabel();
    a.mov(r8, stat('spanBytes'));
    a.mov(r9, rdi);
    a.shl(r9, BLOCK_SHIFT);
    a.add(r9, r8); // new span
    a.jc(fail);
    a.cmp(r9, g('rt_gc_reserved'));
    a.ja(fail);
    a.cmp(r9, g('rt_gc_committed'));
    a.jbe(fits);
    // Commit up to the next COMMIT_STEP boundary (at most the reservation).
    a.lea(r10, mem(r9, COMMIT_STEP - 1));
    a.and(r10, -COMMIT_STEP);
    a.cmp(r10, g('rt_gc_reserved'));
    a.cmova(r10, g('rt_gc_reserved'));
    a.mov(rdi, g('rt_gc_committed'));
    a.mov(rsi, r10);
    a.sub(rsi, rdi);
    a.add(rdi, g('rt_gc_heap_base'));
    a.mov(edx, PROT_RW);
    a.mov(eax, GC_SYS.mprotect);
    a.syscall();
    a.test(rax, rax);
    a.jne(fail);
    a.mov(g('rt_gc_committed'), r10);
    a.bind(fits);
    a.mov(stat('spanBytes'), r9);
    a.mov(rax, r8);
    a.shr(rax, BLOCK_SHIFT);
    a.ret();
    a.bind(fail);
    a.mov(rax, -1);
    a.ret();
  },
};

const takeBlock: RuntimeRoutine = {
  name: 'rt_gc_take_block',
  local: true,
  contract: '-> rax=descriptor of a free block (lowest address first, else a new one at the frontier), or 0 when the heap cannot grow; clobbers rax rcx rdx rsi rdi r8-r11',
  emit(a) {
    const scan = a.newLabel();
    const found = a.newLabel();
    const atFrontier = a.newLabel();
    const fail = a.newLabel();
    // rt_gc_rover: no free block below it (blocks are only freed by collections, which
    // reset it to 0), so between collections the scan only moves forward.
    a.mov(rcx, g('rt_gc_rover'));
    a.mov(rdx, stat('spanBytes'));
    a.shr(rdx, BLOCK_SHIFT);
    a.mov(r8, g('rt_gc_desc'));
    a.bind(scan);
    a.cmp(rcx, rdx);
    a.jae(atFrontier);
    a.mov(rax, rcx);
    a.shl(rax, DESC_SHIFT);
    a.add(rax, r8);
    a.cmp(byte(mem(rax, DESC.state)), 0);
    a.je(found);
    a.inc(rcx);
    a.jmp(scan);
    a.bind(found);
    a.inc(rcx);
    a.mov(g('rt_gc_rover'), rcx);
    a.ret();
    a.bind(atFrontier);
    a.mov(edi, 1);
    a.call(sym('rt_gc_extend'));
    a.cmp(rax, -1);
    a.je(fail);
    a.lea(rcx, mem(rax, 1));
    a.mov(g('rt_gc_rover'), rcx);
    a.shl(rax, DESC_SHIFT);
    a.add(rax, g('rt_gc_desc'));
    a.ret();
    a.bind(fail);
    a.xor(eax, eax);
    a.ret();
  },
};

const findRun: RuntimeRoutine = {
  name: 'rt_gc_find_run',
  local: true,
  contract: 'rdi=blocks -> rax=descriptor of the first of rdi contiguous free blocks (next fit from rt_gc_large_rover, reusing a free tail at the frontier), or 0; clobbers rax rcx rdx rsi rdi r8-r11',
  emit(a) {
    const scan = a.newLabel();
    const busy = a.newLabel();
    const atFrontier = a.newLabel();
    const found = a.newLabel();
    const fail = a.newLabel();
    a.mov(rsi, rdi); // blocks wanted
    a.mov(rcx, g('rt_gc_large_rover'));
    a.mov(r9, stat('spanBytes'));
    a.shr(r9, BLOCK_SHIFT);
    a.mov(r8, g('rt_gc_desc'));
    a.mov(r10, rcx); // start of the current free run
    a.xor(edx, edx); // its length
    a.bind(scan);
    a.cmp(rcx, r9);
    a.jae(atFrontier);
    a.mov(rax, rcx);
    a.shl(rax, DESC_SHIFT);
    a.inc(rcx);
    a.cmp(byte(sib(r8, rax, 1, DESC.state)), 0);
    a.jne(busy);
    a.inc(rdx);
    a.cmp(rdx, rsi);
    a.jae(found);
    a.jmp(scan);
    a.bind(busy);
    a.mov(r10, rcx);
    a.xor(edx, edx);
    a.jmp(scan);
    a.bind(atFrontier);
    // The run [r10, frontier) is free: extend the frontier by what is missing.
    a.push(r10);
    a.push(rsi);
    a.mov(rdi, rsi);
    a.sub(rdi, rdx);
    a.call(sym('rt_gc_extend'));
    a.pop(rsi);
    a.pop(r10);
    a.cmp(rax, -1);
    a.je(fail);
    a.bind(found);
    a.lea(rax, sib(r10, rsi, 1, 0));
    a.mov(g('rt_gc_large_rover'), rax);
    a.mov(rax, r10);
    a.shl(rax, DESC_SHIFT);
    a.add(rax, g('rt_gc_desc'));
    a.ret();
    a.bind(fail);
    a.xor(eax, eax);
    a.ret();
  },
};

const allocLarge: RuntimeRoutine = {
  name: 'rt_gc_alloc_large',
  contract: 'rdi=size (> SMALL_MAX), rsi=type address -> rax=zeroed object in its own run of blocks; preserves rsi; clobbers other caller-saved; may collect; MemoryError exit when the heap cannot grow',
  emit(a) {
    const collect = a.newLabel();
    const find = a.newLabel();
    const gotRun = a.newLabel();
    const rest = a.newLabel();
    const restDone = a.newLabel();
    const clean = a.newLabel();
    const oom = a.newLabel();
    prologue(a, [rsi, rbx, r12, r13, r14]);
    a.cmp(rdi, g('rt_gc_reserved'));
    a.ja(oom);
    a.lea(rbx, mem(rdi, 15));
    a.and(rbx, -16);
    a.mov(r12, rsi);
    a.xor(r13d, r13d);
    jumpIfCollectionDue(a, collect);
    a.jmp(find);
    a.bind(collect);
    a.call(sym('rt_gc_collect'));
    a.mov(r13d, 1);
    a.bind(find);
    a.lea(rdi, mem(rbx, BLOCK_SIZE - 1));
    a.shr(rdi, BLOCK_SHIFT);
    a.call(sym('rt_gc_find_run'));
    a.test(rax, rax);
    a.jne(gotRun);
    a.test(r13d, r13d);
    a.jne(oom);
    a.cmp(g('rt_gc_inhibit'), 0);
    a.jne(oom);
    a.jmp(collect);
    a.bind(gotRun);
    a.mov(r14, rax);
    a.lea(rcx, mem(rbx, BLOCK_SIZE - 1));
    a.shr(rcx, BLOCK_SHIFT);
    a.mov(qword(mem(r14, DESC.largeBlocks)), rcx);
    a.mov(qword(mem(r14, DESC.largeBytes)), rbx);
    a.mov(rax, g('rt_gc_large_list'));
    a.mov(qword(mem(r14, DESC.next)), rax);
    a.mov(g('rt_gc_large_list'), r14);
    // rsi = block address; edx = OR of the run's dirty flags.
    a.mov(rsi, r14);
    a.sub(rsi, g('rt_gc_desc'));
    a.shl(rsi, BLOCK_SHIFT - DESC_SHIFT);
    a.add(rsi, g('rt_gc_heap_base'));
    a.mov(byte(mem(r14, DESC.state)), STATE_LARGE_HEAD);
    a.movzx(edx, byte(mem(r14, DESC.dirty)));
    a.mov(byte(mem(r14, DESC.dirty)), 1);
    a.mov(rdi, r14);
    a.bind(rest);
    a.dec(rcx);
    a.je(restDone);
    a.add(rdi, DESC.size);
    a.mov(byte(mem(rdi, DESC.state)), STATE_LARGE_REST);
    a.or(dl, byte(mem(rdi, DESC.dirty)));
    a.mov(byte(mem(rdi, DESC.dirty)), 1);
    a.mov(qword(mem(rdi, DESC.largeHead)), rsi);
    a.jmp(rest);
    a.bind(restDone);
    // Counted by footprint (the whole run), like the heap size it drives.
    a.mov(rax, qword(mem(r14, DESC.largeBlocks)));
    a.shl(rax, BLOCK_SHIFT);
    a.add(stat('allocatedSince'), rax);
    addHeapBytes(a);
    // Fresh and madvised blocks read as zero already.
    a.test(edx, edx);
    a.je(clean);
    a.lea(rdi, mem(rsi, 16));
    a.lea(rcx, mem(rbx, -16));
    a.shr(rcx, 3);
    a.xor(eax, eax);
    a.rep_stosq();
    a.bind(clean);
    a.mov(qword(mem(rsi, 0)), r12);
    a.mov(qword(mem(rsi, 8)), 0);
    a.mov(rax, rsi);
    epilogue(a, [rsi, rbx, r12, r13, r14]);
    a.bind(oom);
    a.jmp(sym('rt_gc_out_of_memory'));
  },
};

const outOfMemory: RuntimeRoutine = {
  name: 'rt_gc_out_of_memory',
  contract: 'print "MemoryError" to stderr and exit with status 1 (the heap cannot grow); never returns',
  emit(a) {
    a.lea(rdi, rip(sym('msg_gc_memory_error')));
    a.mov(esi, 2);
    a.call(sym('rt_write_cstr'));
    a.mov(edi, 1);
    a.call(sym('rt_exit'));
    a.ud2();
  },
};

const addRoots: RuntimeRoutine = {
  name: 'rt_gc_add_roots',
  contract: 'rdi=address of value words, rsi=number of words: scan them as roots from now on (precise: boxed objects only); clobbers rax rcx rdx rdi rsi r8-r11; MemoryError exit if the table cannot grow',
  emit(a) {
    const room = a.newLabel();
    const keepOld = a.newLabel();
    a.mov(rax, g('rt_gc_roots_len'));
    a.cmp(rax, g('rt_gc_roots_cap'));
    a.jb(room);
    // Full: move the table to a mapping twice as big.
    a.push(rdi);
    a.push(rsi);
    a.mov(rsi, g('rt_gc_roots_cap'));
    a.shl(rsi, 5);
    a.mov(edx, PROT_RW);
    mmapAnon(a, MAP_PRIVATE_ANON);
    a.cmp(rax, -4096);
    a.jae(sym('rt_gc_out_of_memory'));
    a.mov(rdx, rax);
    a.mov(rdi, rax);
    a.mov(rsi, g('rt_gc_roots'));
    a.mov(rcx, g('rt_gc_roots_len'));
    a.shl(rcx, 4);
    a.rep_movsb();
    a.mov(rdi, g('rt_gc_roots'));
    a.mov(g('rt_gc_roots'), rdx);
    a.mov(rsi, g('rt_gc_roots_cap'));
    a.shl(g('rt_gc_roots_cap'), 1);
    a.lea(rax, rip(sym('rt_gc_roots_initial')));
    a.cmp(rdi, rax);
    a.je(keepOld);
    a.shl(rsi, 4);
    a.mov(eax, GC_SYS.munmap);
    a.syscall();
    a.bind(keepOld);
    a.pop(rsi);
    a.pop(rdi);
    a.bind(room);
    a.mov(rcx, g('rt_gc_roots'));
    a.mov(rax, g('rt_gc_roots_len'));
    a.shl(rax, 4);
    a.mov(qword(sib(rcx, rax, 1, 0)), rdi);
    a.mov(qword(sib(rcx, rax, 1, 8)), rsi);
    a.inc(g('rt_gc_roots_len'));
    a.ret();
  },
};

const removeRoots: RuntimeRoutine = {
  name: 'rt_gc_remove_roots',
  contract: 'rdi=address given to rt_gc_add_roots -> eax=1 if that range was registered (it no longer is), else 0; clobbers rax rcx rdx r8',
  emit(a) {
    const loop = a.newLabel();
    const found = a.newLabel();
    const none = a.newLabel();
    a.mov(rcx, g('rt_gc_roots'));
    a.mov(rdx, g('rt_gc_roots_len'));
    a.shl(rdx, 4);
    a.add(rdx, rcx); // end
    a.bind(loop);
    a.cmp(rcx, rdx);
    a.jae(none);
    a.cmp(qword(mem(rcx)), rdi);
    a.je(found);
    a.add(rcx, 16);
    a.jmp(loop);
    a.bind(found);
    // Move the last entry into the hole.
    a.mov(r8, qword(mem(rdx, -16)));
    a.mov(qword(mem(rcx)), r8);
    a.mov(r8, qword(mem(rdx, -8)));
    a.mov(qword(mem(rcx, 8)), r8);
    a.dec(g('rt_gc_roots_len'));
    a.mov(eax, 1);
    a.ret();
    a.bind(none);
    a.xor(eax, eax);
    a.ret();
  },
};

const stats: RuntimeRoutine = {
  name: 'rt_gc_stats',
  contract: `rdi=address of ${GC_STAT_WORDS} words: copy the collector's counters there (GC_STAT order, gclayout.ts); clobbers rcx rsi rdi; no alloc`,
  emit(a) {
    a.lea(rsi, rip(sym('rt_gc_stat')));
    a.mov(ecx, GC_STAT_WORDS);
    a.rep_movsq();
    a.ret();
  },
};

const enter: RuntimeRoutine = {
  name: 'rt_gc_enter',
  contract: 'rdi=routine, rsi, rdx, rcx, r8=its arguments -> rax (rdx) = its result: call it with the machine stack below this frame scanned by collections (sets rt_stack_base here when it is 0, restores it after); clobbers what the routine clobbers',
  emit(a) {
    const keep = a.newLabel();
    a.push(rbx);
    a.mov(rbx, g('rt_stack_base'));
    a.test(rbx, rbx);
    a.jne(keep);
    a.mov(g('rt_stack_base'), rsp);
    a.bind(keep);
    a.mov(rax, rdi);
    a.mov(rdi, rsi);
    a.mov(rsi, rdx);
    a.mov(rdx, rcx);
    a.mov(rcx, r8);
    a.call(rax);
    a.mov(g('rt_stack_base'), rbx);
    a.pop(rbx);
    a.ret();
  },
};

const now: RuntimeRoutine = {
  name: 'rt_gc_now',
  local: true,
  contract: '-> rax=CLOCK_MONOTONIC time in nanoseconds (raw clock_gettime syscall); clobbers rax rcx rdx rsi rdi r11',
  emit(a) {
    a.mov(edi, CLOCK_MONOTONIC);
    a.lea(rsi, rip(sym('rt_gc_timespec')));
    a.mov(eax, GC_SYS.clock_gettime);
    a.syscall();
    a.mov(rax, g('rt_gc_timespec'));
    a.imul(rax, rax, 1_000_000_000);
    a.add(rax, qword(rip(sym('rt_gc_timespec'), 8)));
    a.ret();
  },
};

/** The stats line: literal pieces and the numbers between them (nanoseconds shown in µs). */
const REPORT: readonly (string | { stat: GcStat; divide?: number })[] = [
  'edgepyc gc: collections=', { stat: 'collections' },
  ' pause_total_us=', { stat: 'pauseTotalNs', divide: 1000 },
  ' pause_max_us=', { stat: 'pauseMaxNs', divide: 1000 },
  ' peak_heap_bytes=', { stat: 'peakHeapBytes' },
  ' heap_bytes=', { stat: 'heapBytes' },
  ' live_bytes=', { stat: 'liveBytes' },
  ' released_bytes=', { stat: 'releasedBytes' },
  '\n',
];

const report: RuntimeRoutine = {
  name: 'rt_gc_report',
  contract: 'if stats are on (EDGEPYC_GC_STATS), write one line of collector statistics to stderr; call once at exit, before the final flush; clobbers caller-saved; no alloc',
  emit(a) {
    const off = a.newLabel();
    a.cmp(g('rt_gc_stats_on'), 0);
    a.je(off);
    prologue(a, [r12]);
    a.lea(r12, rip(sym('rt_gc_report_buf')));
    REPORT.forEach((piece, i) => {
      if (typeof piece === 'string') {
        a.lea(rsi, rip(sym(`msg_gc_report_${i}`)));
        a.mov(rdi, r12);
        a.mov(ecx, new TextEncoder().encode(piece).length);
        a.rep_movsb();
        a.mov(r12, rdi);
      } else {
        a.mov(rax, stat(piece.stat));
        if (piece.divide !== undefined) {
          a.xor(edx, edx);
          a.mov(ecx, piece.divide);
          a.div(rcx);
        }
        a.mov(rsi, rax);
        a.mov(rdi, r12);
        a.call(sym('rt_fmt_i64'));
        a.add(r12, rax);
      }
    });
    a.lea(rdi, rip(sym('rt_gc_report_buf')));
    a.mov(rsi, r12);
    a.sub(rsi, rdi);
    a.call(sym('rt_stderr_write'));
    epilogue(a, [r12]);
    a.bind(off);
    a.ret();
  },
};

function bss(name: string, size = 8, align = 8): RuntimeDatum {
  return { name, section: 'bss', size, align };
}

const heapData: RuntimeDatum[] = [
  {
    name: 'rt_gc_classes',
    section: 'data',
    align: 64,
    emit(a) {
      for (const size of SIZE_CLASSES) {
        a.u64(0); // free
        a.u64(size);
        a.u64(classMagic(size));
        a.u64(Math.floor(BLOCK_SIZE / size));
        for (let i = 4; i < CLASS.size / 8; i++) a.u64(0);
      }
    },
  },
  { name: 'rt_gc_class_of', section: 'rodata', align: 8, emit: (a) => classOfGranules().forEach((c) => a.u16(c << CLASS_SHIFT)) },
  bss('rt_stack_base'),
  bss('rt_gc_heap_base'),
  bss('rt_gc_reserved'),
  bss('rt_gc_committed'),
  bss('rt_gc_desc'),
  bss('rt_gc_rover'),
  bss('rt_gc_large_rover'),
  bss('rt_gc_large_list'),
  bss('rt_gc_stat', 8 * GC_STAT_WORDS),
  bss('rt_gc_stress'),
  bss('rt_gc_stats_on'),
  bss('rt_gc_inhibit'),
  bss('rt_gc_roots'),
  bss('rt_gc_roots_len'),
  bss('rt_gc_roots_cap'),
  bss('rt_gc_roots_initial', 16 * ROOTS_INITIAL),
  bss('rt_gc_timespec', 16),
  bss('rt_gc_report_buf', 512),
  cstr('msg_gc_env_stress', 'EDGEPYC_GC_STRESS'),
  cstr('msg_gc_env_stats', 'EDGEPYC_GC_STATS'),
  cstr('msg_gc_memory_error', 'MemoryError\n'),
  ...REPORT.flatMap((piece, i) => (typeof piece === 'string' ? [cstr(`msg_gc_report_${i}`, piece)] : [])),
];

export const gcModule: RuntimeModule = {
  name: 'gc',
  routines: [heapInit, readEnv, alloc, refill, carve, extend, takeBlock, findRun, allocLarge, outOfMemory, addRoots, removeRoots, stats, enter, now, report, ...collectorRoutines],
  data: [...heapData, ...collectorData],
};

