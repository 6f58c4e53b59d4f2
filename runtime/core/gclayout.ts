// Runtime core: the heap's layout, shared by the allocator (gc.ts) and the collector
// (gcmark.ts). docs/gc.md is the prose version of this file.
//
// The heap is one reserved address range carved into 64 KiB blocks:
//
//   rt_gc_heap_base (64 KiB aligned)                              + reserved bytes
//   | block 0 | block 1 | block 2 | ... | block frontier-1 | (committed, unused) | PROT_NONE ... |
//   <------------------- span (blocks ever used) ------------->
//
// A block holds cells of one small size class (cells start at offset 0, the tail that no
// whole cell fits in stays unused), or is one block of a large object's run, or is free.
// Each block has a 32-byte descriptor in a separate array (rt_gc_desc), indexed by block
// number, so "which object contains this address" is a subtraction, a range check, a shift
// and a multiply (no division):
//
//   +0  u64  next       next descriptor in the class's block list / the large-object list
//   +8  u8   state      0 free, 1..NCLASSES small class + 1, 0xFE large head, 0xFF large rest
//   +9  u8   dirty      1 if the block may hold non-zero bytes (fresh or madvised: 0)
//   +12 u32  live       cells marked by the running collection (small blocks)
//   +16 u32  cellSize   small: cell bytes     | large head: u64 object bytes
//   +20 u32  magic      small: ceil(2^32 / cellSize)  (cell index = off * magic >> 32)
//   +24 u32  ncells     small: cells in the block | large head: u64 run length in blocks
//   (large rest: +16 u64 address of the run's first block)
//
// Invariant: every cell of a small block has a valid header (type 0 when free), so a cell
// found from any address is safe to read. Free cells keep the next-free link at +8.

import { qword, rip, sym } from '../../src/asm/index.js';

export const BLOCK_SHIFT = 16;
export const BLOCK_SIZE = 1 << BLOCK_SHIFT;
export const GRANULE = 16;

/** Size classes (bytes per cell, multiples of 16): 4 steps per doubling up to 2 KiB, then
 * the largest multiple of 16 that fits n cells in a block. */
export const SIZE_CLASSES: readonly number[] = [
  16, 32, 48, 64, 80, 96, 112, 128,
  160, 192, 224, 256, 320, 384, 448, 512,
  640, 768, 896, 1024, 1280, 1536, 1792, 2048,
  ...[24, 20, 16, 13, 10, 8, 6, 5, 4].map((n) => Math.floor(BLOCK_SIZE / n / GRANULE) * GRANULE),
];
export const NCLASSES = SIZE_CLASSES.length;
/** Largest small object; bigger ones get their own run of blocks. */
export const SMALL_MAX = SIZE_CLASSES[NCLASSES - 1]!;
export const SMALL_MAX_GRANULES = SMALL_MAX / GRANULE;

/** ceil(2^32 / size): (off * magic) >> 32 == floor(off / size) for every off < 2^16. */
export function classMagic(size: number): number {
  return Number(((1n << 32n) + BigInt(size) - 1n) / BigInt(size));
}

/** Class index for each object size in granules (0..SMALL_MAX_GRANULES). */
export function classOfGranules(): number[] {
  const out: number[] = [];
  for (let g = 0; g <= SMALL_MAX_GRANULES; g++) out.push(SIZE_CLASSES.findIndex((s) => s >= g * GRANULE));
  return out;
}

/** Block descriptor (see the diagram above). */
export const DESC = { next: 0, state: 8, dirty: 9, live: 12, cellSize: 16, magic: 20, ncells: 24, largeBytes: 16, largeBlocks: 24, largeHead: 16, size: 32 } as const;
export const DESC_SHIFT = 5;
export const STATE_FREE = 0;
export const STATE_LARGE_HEAD = 0xfe;
export const STATE_LARGE_REST = 0xff;

/**
 * Per-class record in rt_gc_classes (64 bytes). The allocation fast path reads `free` and
 * `cellSize` only.
 *   free     head of the free-cell list (0: empty, refill)
 *   blocks   all blocks of the class (descriptor list, newest first)
 *   cursor   first block of `blocks` not yet swept since the last collection (0: all swept)
 */
export const CLASS = { free: 0, cellSize: 8, magic: 16, ncells: 24, blocks: 32, cursor: 40, nblocks: 48, size: 64 } as const;
export const CLASS_SHIFT = 6;

/** Words of rt_gc_stat, in order (rt_gc_stats copies them out). */
export const GC_STAT = {
  collections: 0,
  pauseTotalNs: 1, // only measured while stats are on (EDGEPYC_GC_STATS or rt_gc_stats_on)
  pauseMaxNs: 2,
  heapBytes: 3, // bytes of blocks in use (small blocks and large runs)
  peakHeapBytes: 4,
  liveBytes: 5, // marked bytes at the end of the last collection (cells; large objects' runs)
  allocatedSince: 6, // bytes of cells handed out (and large objects' runs) since the last collection
  thresholdBytes: 7, // collect when allocatedSince reaches this
  releasedBytes: 8, // total bytes given back to the OS (madvise)
  spanBytes: 9, // blocks ever used (frontier) in bytes
} as const;
export type GcStat = keyof typeof GC_STAT;
export const GC_STAT_WORDS = Object.keys(GC_STAT).length;

/** Operand: a word of rt_gc_stat. */
export function stat(field: GcStat) {
  return qword(rip(sym('rt_gc_stat'), 8 * GC_STAT[field]));
}

// ---- tunables --------------------------------------------------------------------------------

/** Address space reserved for the heap (halved until the kernel accepts it). */
export const RESERVE_MAX = 64 * 2 ** 30;
export const RESERVE_MIN = 256 * 2 ** 20;
/** Memory is made accessible (mprotect) in steps of this many bytes. */
export const COMMIT_STEP = 2 << 20;
/**
 * Collect when the bytes allocated since the last collection reach
 * max(live >> THRESHOLD_SHIFT, MIN_THRESHOLD): the heap peaks near (1 + 2^-shift) x live.
 * Shift 1 (docs/gc.md "Growth policy": RSS of ../shared/bench strings 155 -> 120 MB,
 * dict_words 78 -> 64 MB, binary_trees 34 -> 27 MB, for 1-30% more time).
 */
export const THRESHOLD_SHIFT = 1;
export const MIN_THRESHOLD = 4 << 20;
/** Mark stack entries mapped at start (grown by mremap when full). */
export const MSTACK_INITIAL = 1 << 17;
/** Root ranges held in bss before the table moves to mmap'd memory. */
export const ROOTS_INITIAL = 32;
/** Cells up to this size are zeroed by a 16-byte store loop, bigger ones by rep stosq. */
export const ZERO_LOOP_MAX = 256;

/** Linux syscall numbers the heap needs besides sys.ts's SYS (x86-64 table). */
export const GC_SYS = { mmap: 9, mprotect: 10, munmap: 11, mremap: 25, madvise: 28, clock_gettime: 228 } as const;
export const PROT_NONE = 0;
export const PROT_RW = 3;
export const MAP_PRIVATE_ANON = 0x22;
export const MAP_NORESERVE = 0x4000;
export const MREMAP_MAYMOVE = 1;
export const MADV_DONTNEED = 4;
export const CLOCK_MONOTONIC = 1;
