// The heap: size classes, zero-filled allocation, reclamation, roots (value stack, registered
// ranges, machine stack), deep and wide structures, mark stack overflow, stress mode, the
// environment switches and the statistics line (runtime/core/gc.ts, gcmark.ts; docs/gc.md).
//
// From JavaScript nothing is on the machine stack and rt_stack_base is 0, so objects that
// must survive a collection are kept in registered root ranges or on the value stack. The
// test-only routines below (module `gctest`) build big structures natively, the way runtime
// routines must: every value still needed across an allocation sits in a value-stack slot,
// or on the machine stack when rt_stack_base is set.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, eax, esi, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { EXC, INT_TAG_BITS, LAYOUTS, LIST, OBJ_TAG_BITS, PAYLOAD_MASK, TUPLE, TYPE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from '../../runtime/core/exc.js';
import { BLOCK_SIZE, GC_STAT, type GcStat, MSTACK_INITIAL, SIZE_CLASSES, SMALL_MAX, classMagic, classOfGranules } from '../../runtime/core/gclayout.js';
import { loadRuntime, type Rt } from './harness.js';

type R64 = typeof rax;

/** rax = the int in `r` boxed (clobbers rax). */
function boxIntTo(a: Assembler<any>, r: R64): void {
  a.mov(rax, INT_TAG_BITS);
  a.or(rax, r);
}

/** Reserve `n` value-stack slots; `r` = the first one's address. */
function pushSlots(a: Assembler<any>, r: R64, n: number): void {
  a.mov(r, g('rt_vs_top'));
  a.add(g('rt_vs_top'), 8 * n);
}

/** Jump to `bad` unless `v` is an object of type `typeSym`; leaves its address in `v`. */
function expectType(a: Assembler<any>, v: R64, typeSym: string, bad: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(rcx, v);
  a.shr(rcx, 48);
  a.cmp(rcx, 0xfffc);
  a.jne(bad);
  unboxPtr(a, v);
  a.lea(rcx, rip(sym(typeSym)));
  a.cmp(qword(mem(v)), rcx);
  a.jne(bad);
}

const gctest: RuntimeModule = {
  name: 'gctest',
  routines: [
    {
      name: 'gctest_chain',
      contract: 'rdi=n -> rax=t_n where t_i = (i, t_{i-1}) and t_0 = None; may allocate',
      emit(a) {
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, [rbx, r12, r13]);
        pushSlots(a, rbx, 1);
        a.mov(r13, rdi);
        a.mov(rax, g('rt_const_None'));
        a.mov(qword(mem(rbx)), rax);
        a.xor(r12, r12);
        a.bind(loop);
        a.cmp(r12, r13);
        a.jae(done);
        a.inc(r12);
        boxIntTo(a, r12);
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(rbx)));
        a.call(sym('rt_tuple_pack2'));
        a.mov(qword(mem(rbx)), rax);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, qword(mem(rbx)));
        a.sub(g('rt_vs_top'), 8);
        epilogue(a, [rbx, r12, r13]);
      },
    },
    {
      name: 'gctest_chain_check',
      contract: 'rdi=t_n (gctest_chain), rsi=n -> rax=n + 1 when all n links are intact and end in None, else the index of the first bad link',
      emit(a) {
        const loop = a.newLabel();
        const end = a.newLabel();
        const bad = a.newLabel();
        a.xor(eax, eax);
        a.bind(loop);
        a.cmp(rdi, g('rt_const_None'));
        a.je(end);
        expectType(a, rdi, 'type_tuple', bad);
        a.cmp(qword(mem(rdi, TUPLE.length)), 2);
        a.jne(bad);
        a.mov(rcx, rsi);
        a.sub(rcx, rax);
        a.mov(rdx, INT_TAG_BITS);
        a.or(rcx, rdx);
        a.cmp(qword(mem(rdi, TUPLE.items)), rcx);
        a.jne(bad);
        a.inc(rax);
        a.mov(rdi, qword(mem(rdi, TUPLE.items + 8)));
        a.jmp(loop);
        a.bind(end);
        a.inc(rax);
        a.bind(bad);
        a.ret();
      },
    },
    {
      name: 'gctest_nest',
      contract: 'rdi=n -> rax=[[...[]...]] nested n deep: each list holds its items in a separate tuple-typed storage object (as list storage); may allocate',
      emit(a) {
        const loop = a.newLabel();
        const done = a.newLabel();
        /** A list of `len` items whose storage is the value in [rbx+8]; result into [rbx]. */
        const makeList = (len: number): void => {
          a.mov(rdi, LIST.items + 8);
          a.lea(rsi, rip(sym('type_list')));
          a.call(sym('rt_alloc'));
          a.mov(qword(mem(rax, LIST.length)), len);
          a.mov(qword(mem(rax, LIST.capacity)), len);
          a.mov(rcx, qword(mem(rbx, 8)));
          a.mov(qword(mem(rax, LIST.items)), rcx);
          boxPtr(a, rax, rcx);
          a.mov(qword(mem(rbx)), rax);
        };
        prologue(a, [rbx, r12, r13]);
        pushSlots(a, rbx, 2);
        a.mov(r13, rdi);
        a.xor(r12, r12);
        a.xor(rdi, rdi);
        a.call(sym('rt_tuple_alloc'));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rbx, 8)), rax);
        makeList(0);
        a.bind(loop);
        a.cmp(r12, r13);
        a.jae(done);
        a.mov(rdi, 1);
        a.call(sym('rt_tuple_alloc'));
        a.mov(rcx, qword(mem(rbx)));
        a.mov(qword(mem(rax, TUPLE.items)), rcx);
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rbx, 8)), rax);
        makeList(1);
        a.inc(r12);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, qword(mem(rbx)));
        a.sub(g('rt_vs_top'), 16);
        epilogue(a, [rbx, r12, r13]);
      },
    },
    {
      name: 'gctest_nest_check',
      contract: 'rdi=gctest_nest result -> rax=depth when every level is intact, else -1',
      emit(a) {
        const loop = a.newLabel();
        const end = a.newLabel();
        const bad = a.newLabel();
        a.xor(eax, eax);
        a.bind(loop);
        expectType(a, rdi, 'type_list', bad);
        a.mov(rsi, qword(mem(rdi, LIST.items)));
        expectType(a, rsi, 'type_tuple', bad);
        a.mov(rcx, qword(mem(rdi, LIST.length)));
        a.cmp(rcx, qword(mem(rsi, TUPLE.length)));
        a.jne(bad);
        a.test(rcx, rcx);
        a.je(end);
        a.cmp(rcx, 1);
        a.jne(bad);
        a.mov(rdi, qword(mem(rsi, TUPLE.items)));
        a.inc(rax);
        a.jmp(loop);
        a.bind(bad);
        a.mov(rax, -1);
        a.bind(end);
        a.ret();
      },
    },
    {
      name: 'gctest_wide',
      contract: 'rdi=n -> rax=tuple of n items, item i = (i,); may allocate',
      emit(a) {
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, [rbx, r12, r13]);
        pushSlots(a, rbx, 1);
        a.mov(r13, rdi);
        a.call(sym('rt_tuple_alloc'));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(rbx)), rax);
        a.xor(r12, r12);
        a.bind(loop);
        a.cmp(r12, r13);
        a.jae(done);
        boxIntTo(a, r12);
        a.mov(rdi, rax);
        a.call(sym('rt_tuple_pack1'));
        a.mov(rcx, qword(mem(rbx)));
        unboxPtr(a, rcx);
        a.mov(qword(sib(rcx, r12, 8, TUPLE.items)), rax);
        a.inc(r12);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, qword(mem(rbx)));
        a.sub(g('rt_vs_top'), 8);
        epilogue(a, [rbx, r12, r13]);
      },
    },
    {
      name: 'gctest_wide_check',
      contract: 'rdi=gctest_wide result, rsi=n -> rax=n when every item is intact, else the first bad index (-1: the tuple itself)',
      emit(a) {
        const loop = a.newLabel();
        const end = a.newLabel();
        const bad = a.newLabel();
        const badTuple = a.newLabel();
        expectType(a, rdi, 'type_tuple', badTuple);
        a.cmp(qword(mem(rdi, TUPLE.length)), rsi);
        a.jne(badTuple);
        a.xor(eax, eax);
        a.bind(loop);
        a.cmp(rax, rsi);
        a.jae(end);
        a.mov(rdx, qword(sib(rdi, rax, 8, TUPLE.items)));
        expectType(a, rdx, 'type_tuple', bad);
        a.cmp(qword(mem(rdx, TUPLE.length)), 1);
        a.jne(bad);
        a.mov(rcx, INT_TAG_BITS);
        a.or(rcx, rax);
        a.cmp(qword(mem(rdx, TUPLE.items)), rcx);
        a.jne(bad);
        a.inc(rax);
        a.jmp(loop);
        a.bind(badTuple);
        a.mov(rax, -1);
        a.bind(bad);
        a.bind(end);
        a.ret();
      },
    },
    {
      name: 'gctest_churn',
      contract: 'rdi=n: allocate n tuples (i,) and drop them; may allocate',
      emit(a) {
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r13, rdi);
        a.xor(r12, r12);
        a.bind(loop);
        a.cmp(r12, r13);
        a.jae(done);
        boxIntTo(a, r12);
        a.mov(rdi, rax);
        a.call(sym('rt_tuple_pack1'));
        a.inc(r12);
        a.jmp(loop);
        a.bind(done);
        epilogue(a, [r12, r13]);
      },
    },
    {
      // A runtime routine holding objects only in callee-saved registers and on the machine
      // stack while it collects: A as a raw address in r12, B as a boxed word pushed on the
      // stack, C as an interior pointer in r13.
      name: 'gctest_stack',
      contract: 'rdi=1 to set rt_stack_base here (0: leave it), rsi=out (3 + n words), rdx=n: make A=("alpha",), B=("beta",), C=("gamma",), collect, allocate n tuples (7,) (their addresses to out[3..]), out[0..2] = A, B, C; may allocate',
      emit(a) {
        const noBase = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const tupleOf = (text: string): void => {
          a.lea(rdi, rip(sym(`gctest_${text}`)));
          a.mov(esi, text.length);
          a.call(sym('rt_str_from_ascii'));
          a.mov(rdi, rax);
          a.call(sym('rt_tuple_pack1'));
        };
        prologue(a, [rbx, r12, r13, r14, r15]);
        a.mov(r15, rsi);
        a.mov(r14, rdx);
        a.mov(rbx, g('rt_stack_base'));
        a.test(rdi, rdi);
        a.je(noBase);
        a.mov(g('rt_stack_base'), rsp);
        a.bind(noBase);
        tupleOf('alpha');
        unboxPtr(a, rax);
        a.mov(r12, rax);
        tupleOf('beta');
        a.push(rax);
        tupleOf('gamma');
        unboxPtr(a, rax);
        a.lea(r13, mem(rax, 20));
        a.xor(eax, eax);
        a.call(sym('rt_gc_collect'));
        a.lea(rax, mem(r15, 24));
        a.push(rax);
        a.bind(loop);
        a.test(r14, r14);
        a.je(done);
        a.mov(rdi, INT_TAG_BITS | 7n);
        a.call(sym('rt_tuple_pack1'));
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rsp)));
        a.mov(qword(mem(rcx)), rax);
        a.add(qword(mem(rsp)), 8);
        a.dec(r14);
        a.jmp(loop);
        a.bind(done);
        a.pop(rax);
        a.mov(rax, r12);
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(r15)), rax);
        a.pop(rax);
        a.mov(qword(mem(r15, 8)), rax);
        a.lea(rax, mem(r13, -20));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(r15, 16)), rax);
        a.mov(g('rt_stack_base'), rbx);
        epilogue(a, [rbx, r12, r13, r14, r15]);
      },
    },
  ],
  data: [cstr('gctest_alpha', 'alpha'), cstr('gctest_beta', 'beta'), cstr('gctest_gamma', 'gamma')],
};

interface Libc {
  mmap: (addr: null, len: number, prot: number, flags: number, fd: number, off: number) => bigint;
  munmap: (addr: bigint, len: number) => number;
  dup: (fd: number) => number;
  dup2: (fd: number, to: number) => number;
  open: (path: string, flags: number, mode: number) => number;
  close: (fd: number) => number;
}
const lib = koffi.load('libc.so.6');
const libc: Libc = {
  mmap: lib.func('uintptr_t mmap(void *addr, size_t len, int prot, int flags, int fd, long off)'),
  munmap: lib.func('int munmap(uintptr_t addr, size_t len)'),
  dup: lib.func('int dup(int fd)'),
  dup2: lib.func('int dup2(int fd, int to)'),
  open: lib.func('int open(const char *path, int flags, int mode)'),
  close: lib.func('int close(int fd)'),
};

/** Fresh zeroed memory outside the heap (for root ranges and outputs). */
function memory(bytes: number): bigint {
  return BigInt(libc.mmap(null, bytes, 3, 0x22, -1, 0));
}

const box = (addr: bigint) => addr | OBJ_TAG_BITS;
const unbox = (w: bigint) => w & PAYLOAD_MASK;

function stats(r: Rt): Record<GcStat, bigint> {
  const buf = r.scratch + 65536n;
  r.call('rt_gc_stats', buf);
  const out = {} as Record<GcStat, bigint>;
  for (const [k, i] of Object.entries(GC_STAT)) out[k as GcStat] = r.img.readU64(buf + BigInt(8 * i));
  return out;
}

/** Root slots: a registered range of value words. */
class Roots {
  readonly addr: bigint;
  constructor(
    readonly r: Rt,
    readonly n: number,
  ) {
    this.addr = memory(8 * n);
    r.call('rt_gc_add_roots', this.addr, BigInt(n));
  }
  set(i: number, w: bigint): void {
    this.r.img.writeU64(this.addr + BigInt(8 * i), w);
  }
  get(i: number): bigint {
    return this.r.img.readU64(this.addr + BigInt(8 * i));
  }
  clear(): void {
    for (let i = 0; i < this.n; i++) this.set(i, 0n);
  }
}

/** Collect, then finish the sweep so that dead objects are free cells (rt_gc_find -> 0). */
function collect(r: Rt): void {
  r.call('rt_gc_collect');
  r.call('rt_gc_sweep_all');
}

const alive = (r: Rt, w: bigint) => r.call('rt_gc_find', unbox(w)) === unbox(w);

/** Run `f` with automatic collections held back: values it builds live only in JavaScript. */
function building<T>(r: Rt, f: () => T): T {
  r.img.writeU64(r.addr('rt_gc_inhibit'), 1n);
  try {
    return f();
  } finally {
    r.img.writeU64(r.addr('rt_gc_inhibit'), 0n);
  }
}

let rt: Rt;
let roots: Roots;
beforeAll(() => {
  rt = loadRuntime([gctest], { gc: true });
  roots = new Roots(rt, 64);
});
afterAll(() => rt.dispose());

describe('layout tables', () => {
  test('size classes are multiples of 16, increasing, and fit a block', () => {
    for (let i = 0; i < SIZE_CLASSES.length; i++) {
      expect(SIZE_CLASSES[i]! % 16).toBe(0);
      if (i > 0) expect(SIZE_CLASSES[i]!).toBeGreaterThan(SIZE_CLASSES[i - 1]!);
    }
    expect(SMALL_MAX).toBeLessThanOrEqual(BLOCK_SIZE / 2);
  });

  test('class of a size: the smallest class that holds it', () => {
    const table = classOfGranules();
    for (let size = 0; size <= SMALL_MAX; size++) {
      const c = table[Math.ceil(size / 16)]!;
      expect(SIZE_CLASSES[c]!).toBeGreaterThanOrEqual(size);
      if (c > 0) expect(SIZE_CLASSES[c - 1]!).toBeLessThan(size);
    }
  });

  test('the magic multiply gives floor(offset / size) for every offset of a block', () => {
    for (const size of SIZE_CLASSES) {
      const m = BigInt(classMagic(size));
      for (let off = 0; off < BLOCK_SIZE; off += off < 4096 ? 1 : 7) {
        expect(Number((BigInt(off) * m) >> 32n)).toBe(Math.floor(off / size));
      }
      const last = BigInt(BLOCK_SIZE - 1);
      expect(Number((last * m) >> 32n)).toBe(Math.floor((BLOCK_SIZE - 1) / size));
    }
  });
});

describe('allocation', () => {
  const sizes = [
    16, 17, 24, 40,
    ...SIZE_CLASSES.flatMap((s) => [s - 1, s, s + 1]).filter((s) => s >= 16),
    20000, 65536, 65537, 300000, 3 << 20,
  ];
  test.each(sizes)('size %i: header, zero fill, alignment, interior lookup', (size) => {
    const type = rt.addr('type_bytes');
    const p = rt.call('rt_alloc', BigInt(size), type);
    expect(p % 16n).toBe(0n);
    expect(rt.img.readU64(p)).toBe(type);
    expect(rt.img.readU64(p + 8n)).toBe(0n);
    const body = rt.img.read(p + 16n, size - 16);
    expect(body.every((b) => b === 0)).toBe(true);
    expect(rt.call('rt_gc_find', p)).toBe(p);
    expect(rt.call('rt_gc_find', p + BigInt(size - 1))).toBe(p);
    // Dirty it for the reuse tests below.
    rt.img.write(p + 16n, new Uint8Array(size - 16).fill(0xab));
  });

  test('addresses outside the heap, in free cells and in block tails are not objects', () => {
    expect(rt.call('rt_gc_find', 0n)).toBe(0n);
    expect(rt.call('rt_gc_find', rt.addr('obj_None'))).toBe(0n);
    expect(rt.call('rt_gc_find', rt.scratch)).toBe(0n);
    const base = rt.img.readU64(rt.addr('rt_gc_heap_base'));
    const span = stats(rt).spanBytes;
    expect(rt.call('rt_gc_find', base + span)).toBe(0n);
    // A cell of the 48-byte class: the block's last 16 bytes hold no cell.
    const p = rt.call('rt_alloc', 48n, rt.addr('type_bytes'));
    const block = p & ~BigInt(BLOCK_SIZE - 1);
    expect(rt.call('rt_gc_find', block + BigInt(BLOCK_SIZE - 8))).toBe(0n);
  });

  test('unreachable small objects are reclaimed and their cells come back zeroed', () => {
    const n = 3 * Math.floor(BLOCK_SIZE / 48);
    const type = rt.addr('type_bytes');
    collect(rt);
    const first = new Set<bigint>();
    for (let i = 0; i < n; i++) {
      const p = rt.call('rt_alloc', 48n, type);
      rt.img.write(p + 16n, new Uint8Array(32).fill(0xcd));
      first.add(p);
    }
    const before = stats(rt);
    collect(rt);
    const after = stats(rt);
    expect(after.heapBytes).toBeLessThan(before.heapBytes);
    for (const p of [...first].slice(0, 50)) expect(rt.call('rt_gc_find', p)).toBe(0n);
    let reused = 0;
    for (let i = 0; i < n; i++) {
      const p = rt.call('rt_alloc', 48n, type);
      if (first.has(p)) reused++;
      expect(rt.img.readU64(p + 8n)).toBe(0n);
      expect(rt.img.read(p + 16n, 32).every((b) => b === 0)).toBe(true);
    }
    expect(reused).toBeGreaterThan(n / 2);
    expect(stats(rt).heapBytes).toBeLessThanOrEqual(before.heapBytes);
  });

  test('a dead large object gives its blocks back; the next one is zeroed', () => {
    const type = rt.addr('type_bytes');
    const size = 5 * BLOCK_SIZE - 100;
    collect(rt);
    const before = stats(rt).heapBytes;
    const p = rt.call('rt_alloc', BigInt(size), type);
    expect(stats(rt).heapBytes).toBe(before + 5n * BigInt(BLOCK_SIZE));
    rt.img.write(p + 16n, new Uint8Array(size - 16).fill(0xee));
    collect(rt);
    expect(stats(rt).heapBytes).toBe(before);
    expect(rt.call('rt_gc_find', p)).toBe(0n);
    const q = rt.call('rt_alloc', BigInt(size), type);
    expect(rt.img.read(q + 16n, size - 16).every((b) => b === 0)).toBe(true);
  });

  test('dropped large objects are collected as they pile up, and their runs reused', () => {
    collect(rt);
    const s0 = stats(rt);
    const type = rt.addr('type_bytes');
    for (let i = 0; i < 2000; i++) rt.call('rt_alloc', BigInt(20_000 + 97 * i), type); // 20 KB .. 214 KB, 230 MB in all
    const s1 = stats(rt);
    expect(s1.collections - s0.collections).toBeGreaterThanOrEqual(20n);
    expect(s1.peakHeapBytes).toBeLessThanOrEqual(s0.peakHeapBytes + BigInt(16 << 20));
  });

  test('allocating again after a collection reuses memory instead of growing', () => {
    collect(rt);
    rt.call('gctest_churn', 200_000n);
    collect(rt);
    const s1 = stats(rt);
    rt.call('gctest_churn', 200_000n);
    collect(rt);
    const s2 = stats(rt);
    expect(s2.collections - s1.collections).toBeGreaterThanOrEqual(2n); // 200k * 32 bytes > 4 MB
    expect(s2.peakHeapBytes).toBeLessThanOrEqual(s1.peakHeapBytes + BigInt(4 * BLOCK_SIZE));
    expect(s2.liveBytes).toBeLessThan(1n << 20n);
  });
});

describe('roots', () => {
  test('the value stack [rt_vs_base, rt_vs_top) keeps objects', () => {
    const base = rt.img.readU64(rt.addr('rt_vs_base'));
    const [kept, dropped] = building(rt, () => [[rt.str('kept-0'), rt.call('rt_tuple_pack1', rt.str('kept-1'))], rt.str('dropped')] as const);
    kept.forEach((w, i) => rt.img.writeU64(base + BigInt(8 * i), w));
    rt.img.writeU64(rt.addr('rt_vs_top'), base + 16n);
    try {
      collect(rt);
      expect(kept.every((w) => alive(rt, w))).toBe(true);
      expect(rt.decode(kept[0]!)).toBe('kept-0');
      expect(rt.decode(kept[1]!)).toEqual({ tuple: ['kept-1'] });
      expect(alive(rt, dropped)).toBe(false);
    } finally {
      rt.img.writeU64(rt.addr('rt_vs_top'), base);
    }
    collect(rt);
    expect(alive(rt, kept[0]!)).toBe(false);
  });

  test('registered ranges keep objects until they are removed', () => {
    const extra = new Roots(rt, 4);
    const w = building(rt, () => rt.call('rt_tuple_pack2', rt.str('x'), rt.int(5)));
    extra.set(3, w);
    collect(rt);
    expect(rt.decode(w)).toEqual({ tuple: ['x', 5n] });
    expect(rt.call('rt_gc_remove_roots', extra.addr)).toBe(1n);
    expect(rt.call('rt_gc_remove_roots', extra.addr)).toBe(0n);
    collect(rt);
    expect(alive(rt, w)).toBe(false);
  });

  test('the root table grows past its first bss entries', () => {
    const many = Array.from({ length: 100 }, () => new Roots(rt, 1));
    const words = many.map((r, i) => {
      const w = rt.str(`root ${i}`);
      r.set(0, w);
      return w;
    });
    collect(rt);
    words.forEach((w, i) => expect(rt.decode(w)).toBe(`root ${i}`));
    for (const r of many) expect(rt.call('rt_gc_remove_roots', r.addr)).toBe(1n);
  });

  test('rt_exc and rt_exc_info are roots', () => {
    rt.call('rt_raise_cstr', rt.addr('type_ValueError'), rt.cstr('kept by rt_exc'));
    const exc = rt.img.readU64(rt.addr('rt_exc'));
    collect(rt);
    expect(alive(rt, exc)).toBe(true);
    expect(rt.raised()).toEqual({ exc: 'ValueError', args: ['kept by rt_exc'] });
    rt.img.writeU64(rt.addr('rt_exc_info'), exc);
    rt.img.writeU64(rt.addr('rt_exc'), rt.img.readU64(rt.addr('rt_const_unbound')));
    collect(rt);
    expect(alive(rt, exc)).toBe(true);
    rt.img.writeU64(rt.addr('rt_exc_info'), rt.img.readU64(rt.addr('rt_const_unbound')));
    collect(rt);
    expect(alive(rt, exc)).toBe(false);
  });

  test('the machine stack: raw, boxed and interior pointers keep objects (conservative scan)', () => {
    const n = 3 * Math.floor(BLOCK_SIZE / 32);
    const out = memory(8 * (3 + n));
    rt.call('gctest_stack', 1n, out, BigInt(n));
    const [a, b, c] = [0, 1, 2].map((i) => rt.img.readU64(out + BigInt(8 * i)));
    collect(rt); // no roots now (the routine returned), so this frees A, B, C...
    // ...but the collection inside gctest_stack kept them: nothing allocated after it took
    // their cells, and they still held their strs when the routine returned.
    const fresh = new Set(Array.from({ length: n }, (_, i) => rt.img.readU64(out + BigInt(8 * (3 + i)))));
    for (const w of [a!, b!, c!]) expect(fresh.has(unbox(w))).toBe(false);
    libc.munmap(out, 8 * (3 + n));
  });

  test('the machine stack: contents intact after the collection', () => {
    const out = memory(8 * 3);
    rt.call('gctest_stack', 1n, out, 0n);
    const words = [0, 1, 2].map((i) => rt.img.readU64(out + BigInt(8 * i)));
    expect(words.map((w) => rt.decode(w))).toEqual([{ tuple: ['alpha'] }, { tuple: ['beta'] }, { tuple: ['gamma'] }]);
    rt.call('rt_gc_sweep_all');
    expect(words.every((w) => alive(rt, w))).toBe(true);
    libc.munmap(out, 24);
  });

  test('without rt_stack_base the machine stack is not scanned (control)', () => {
    const out = memory(8 * 3);
    rt.call('gctest_stack', 0n, out, 0n);
    const words = [0, 1, 2].map((i) => rt.img.readU64(out + BigInt(8 * i)));
    rt.call('rt_gc_sweep_all');
    expect(words.some((w) => alive(rt, w))).toBe(false);
    libc.munmap(out, 24);
  });
});

describe('tracing', () => {
  /** An instance of a heap class whose instances have `layout`, holding a str in its first field. */
  function instanceOfHeapClass(layout: number): { cls: bigint; field: bigint } {
    return building(rt, () => {
      const cls = rt.call('rt_alloc', BigInt(TYPE.size), rt.addr('type_type'));
      rt.img.writeU64(cls + BigInt(TYPE.layout), BigInt(layout));
      const inst = rt.call('rt_alloc', 32n, cls);
      const field = rt.str('field');
      rt.img.writeU64(inst + 16n, field);
      roots.set(0, box(inst));
      return { cls: box(cls), field };
    });
  }

  test('the type word of a header keeps a heap class alive; its fields are traced', () => {
    const { cls, field } = instanceOfHeapClass(LAYOUTS.fixed.id);
    collect(rt);
    expect(alive(rt, roots.get(0))).toBe(true);
    expect(alive(rt, cls)).toBe(true);
    expect(rt.decode(field)).toBe('field');
    roots.clear();
    collect(rt);
    expect(alive(rt, cls)).toBe(false);
  });

  test('objects whose layout is raw are not scanned', () => {
    const { cls, field } = instanceOfHeapClass(LAYOUTS.raw.id);
    collect(rt);
    expect(alive(rt, roots.get(0))).toBe(true);
    expect(alive(rt, cls)).toBe(true);
    expect(alive(rt, field)).toBe(false);
    roots.clear();
  });

  test('rt_gc_inhibit holds automatic collections back', () => {
    collect(rt);
    const c0 = stats(rt).collections;
    rt.img.writeU64(rt.addr('rt_gc_inhibit'), 1n);
    try {
      rt.call('gctest_churn', 300_000n); // 9.6 MB: past the 4 MB threshold
      expect(stats(rt).collections).toBe(c0);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_inhibit'), 0n);
    }
    rt.call('gctest_churn', 300_000n);
    expect(stats(rt).collections).toBeGreaterThan(c0);
  });

  test('runtime routines entered through rt_gc_enter keep their objects across collections (stress)', () => {
    const enter = (name: string, ...args: bigint[]) => rt.call('rt_gc_enter', rt.addr(name), ...[...args, 0n, 0n, 0n, 0n].slice(0, 4));
    rt.img.writeU64(rt.addr('rt_gc_stress'), 1n);
    rt.call('rt_gc_collect');
    const c0 = stats(rt).collections;
    try {
      let b = enter('rt_sb_new', 0n);
      roots.set(0, b);
      let expected = '';
      for (let i = 0; i < 300; i++) {
        const cp = i === 150 ? 0x263a : i === 250 ? 0x1f600 : 0x41 + (i % 26);
        b = enter('rt_sb_append_cp', b, BigInt(cp));
        roots.set(0, b);
        expected += String.fromCodePoint(cp);
      }
      const s = enter('rt_sb_finish', b);
      roots.set(1, s);
      const text = 'grüße ☃ '.repeat(40);
      const bytes = new TextEncoder().encode(text);
      rt.img.write(rt.scratch, bytes);
      const u = enter('rt_str_from_utf8', rt.scratch, BigInt(bytes.length));
      roots.set(2, u);
      const t = enter('rt_tuple_pack3', s, u, rt.int(-3));
      roots.set(3, t);
      expect(enter('rt_raise_fmt', rt.addr('type_ValueError'), rt.cstr('got %U and a %T'), u, enter('rt_tuple_pack2', rt.int(1), u))).toBe(EXC);
      expect(stats(rt).collections - c0).toBeGreaterThanOrEqual(10n); // builder growth, strs, tuples, the exception
      expect(rt.decode(t)).toEqual({ tuple: [expected, text, -3n] });
      expect(rt.raised()).toEqual({ exc: 'ValueError', args: [`got ${text} and a tuple`] });
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
      roots.clear();
    }
  });
});

describe('deep and wide structures', () => {
  test('a chain of 1,000,000 tuples marks without recursion and survives intact', () => {
    const n = 1_000_000;
    const t0 = performance.now();
    const head = rt.call('gctest_chain', BigInt(n));
    const t1 = performance.now();
    roots.set(0, head);
    rt.img.writeU64(rt.addr('rt_gc_stats_on'), 1n);
    const s0 = stats(rt);
    rt.call('rt_gc_collect');
    const s1 = stats(rt);
    rt.img.writeU64(rt.addr('rt_gc_stats_on'), 0n);
    expect(rt.call('gctest_chain_check', head, BigInt(n))).toBe(BigInt(n + 1));
    expect(s1.liveBytes).toBeGreaterThanOrEqual(BigInt(n * 48));
    // Growth policy: the next collection after allocating half the live bytes (gclayout.ts
    // THRESHOLD_SHIFT), at least MIN_THRESHOLD.
    expect(s1.thresholdBytes).toBe(s1.liveBytes >> 1n);
    console.log(`gc: built a ${n}-tuple chain in ${(t1 - t0).toFixed(1)} ms; collecting it (live ${s1.liveBytes} bytes) took ${Number(s1.pauseTotalNs - s0.pauseTotalNs) / 1e6} ms`);
    roots.set(0, 0n);
    collect(rt);
    const s2 = stats(rt);
    expect(s2.liveBytes).toBeLessThan(1n << 20n);
    expect(s2.thresholdBytes).toBe(4n << 20n);
    expect(s2.heapBytes).toBeLessThan(s1.heapBytes / 4n);
    // Free blocks beyond the next threshold went back to the OS.
    expect(s2.releasedBytes).toBeGreaterThan(s1.releasedBytes);
  });

  test('a list nested 100,000 deep survives intact', () => {
    const n = 100_000;
    const v = rt.call('gctest_nest', BigInt(n));
    roots.set(0, v);
    collect(rt);
    expect(rt.call('gctest_nest_check', v)).toBe(BigInt(n));
    roots.set(0, 0n);
  });

  test('a tuple of 300,000 items grows the mark stack beyond its first mapping', () => {
    const n = 300_000;
    expect(n).toBeGreaterThan(MSTACK_INITIAL);
    const v = rt.call('gctest_wide', BigInt(n));
    roots.set(0, v);
    const cap0 = rt.img.readU64(rt.addr('rt_gc_mstack_cap'));
    collect(rt);
    expect(rt.img.readU64(rt.addr('rt_gc_mstack_cap'))).toBeGreaterThan(cap0);
    expect(rt.call('gctest_wide_check', v, BigInt(n))).toBe(BigInt(n));
    roots.set(0, 0n);
  });

  test('mark stack overflow falls back to rescanning the heap', () => {
    const wide = rt.call('gctest_wide', 5000n);
    roots.set(0, wide);
    const chain = rt.call('gctest_chain', 20_000n);
    roots.set(1, chain);
    const nest = rt.call('gctest_nest', 3000n);
    roots.set(2, nest);
    // A tuple of chains: the chain heads that do not fit the mark stack are marked but not
    // scanned, so only the rescan reaches the rest of each chain.
    const chains = rt.call('rt_tuple_alloc', 64n) | OBJ_TAG_BITS;
    roots.set(3, chains);
    for (let i = 0; i < 64; i++) rt.img.writeU64(unbox(chains) + BigInt(TUPLE.items + 8 * i), rt.call('gctest_chain', BigInt(50 + i)));
    const dropped = rt.call('gctest_wide', 100n);
    rt.img.writeU64(rt.addr('rt_gc_mstack_testcap'), 4n);
    try {
      collect(rt);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_mstack_testcap'), 0n);
    }
    expect(rt.call('gctest_wide_check', wide, 5000n)).toBe(5000n);
    expect(rt.call('gctest_chain_check', chain, 20_000n)).toBe(20_001n);
    expect(rt.call('gctest_nest_check', nest)).toBe(3000n);
    for (let i = 0; i < 64; i++) {
      const c = rt.img.readU64(unbox(chains) + BigInt(TUPLE.items + 8 * i));
      expect(rt.call('gctest_chain_check', c, BigInt(50 + i))).toBe(BigInt(51 + i));
    }
    expect(alive(rt, dropped)).toBe(false);
    roots.clear();
  });
});

describe('stress mode', () => {
  test('collecting at every allocation keeps every rooted structure intact', () => {
    rt.img.writeU64(rt.addr('rt_gc_stress'), 1n);
    // Turned on at run time: one collection empties the free lists, so that from now on
    // every allocation goes through rt_gc_refill (from start-up, they are empty anyway).
    rt.call('rt_gc_collect');
    const s0 = stats(rt);
    let chain: bigint, nest: bigint, wide: bigint;
    const out = memory(8 * 3);
    try {
      chain = rt.call('gctest_chain', 300n);
      roots.set(0, chain);
      nest = rt.call('gctest_nest', 100n);
      roots.set(1, nest);
      wide = rt.call('gctest_wide', 200n);
      roots.set(2, wide);
      rt.call('gctest_stack', 1n, out, 0n);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
    }
    const s1 = stats(rt);
    // 300 + (2 + 2 * 100) + (1 + 200) + 6 allocations, and gctest_stack's own collection.
    expect(s1.collections - s0.collections).toBe(710n);
    expect(rt.call('gctest_chain_check', chain, 300n)).toBe(301n);
    expect(rt.call('gctest_nest_check', nest)).toBe(100n);
    expect(rt.call('gctest_wide_check', wide, 200n)).toBe(200n);
    const words = [0, 1, 2].map((i) => rt.img.readU64(out + BigInt(8 * i)));
    expect(words.map((w) => rt.decode(w))).toEqual([{ tuple: ['alpha'] }, { tuple: ['beta'] }, { tuple: ['gamma'] }]);
    roots.clear();
    libc.munmap(out, 24);
  });
});

describe('environment and statistics', () => {
  function withEnv(vars: string[], f: () => void): void {
    const strs = vars.map((v) => rt.cstr(v));
    const envp = memory(8 * (vars.length + 1));
    strs.forEach((p, i) => rt.img.writeU64(envp + BigInt(8 * i), p));
    rt.img.writeU64(rt.addr('rt_envp'), envp);
    try {
      f();
    } finally {
      rt.img.writeU64(rt.addr('rt_envp'), 0n);
      libc.munmap(envp, 8 * (vars.length + 1));
    }
  }
  const flags = () => [rt.img.readU64(rt.addr('rt_gc_stress')), rt.img.readU64(rt.addr('rt_gc_stats_on'))];

  test.each([
    [['EDGEPYC_GC_STATS=1', 'EDGEPYC_GC_STRESS=1'], [1n, 1n]],
    [['HOME=/x', 'EDGEPYC_GC_STATS=1'], [0n, 1n]],
    [['EDGEPYC_GC_STRESS=0', 'EDGEPYC_GC_STATS='], [0n, 0n]],
    [['EDGEPYC_GC_STRESSED=1', 'XEDGEPYC_GC_STATS=1'], [0n, 0n]],
    [['EDGEPYC_GC_STRESS=yes'], [1n, 0n]],
  ])('rt_gc_read_env %j', (vars, expected) => {
    withEnv(vars, () => rt.call('rt_gc_read_env'));
    expect(flags()).toEqual(expected);
    rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
    rt.img.writeU64(rt.addr('rt_gc_stats_on'), 0n);
  });

  function stderrOf(f: () => void): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'edgepyc-gc-')), 'stderr');
    const fd = libc.open(file, 0o1101, 0o600); // O_WRONLY | O_CREAT | O_TRUNC
    const saved = libc.dup(2);
    libc.dup2(fd, 2);
    try {
      f();
    } finally {
      libc.dup2(saved, 2);
      libc.close(saved);
      libc.close(fd);
    }
    return fs.readFileSync(file, 'utf8');
  }

  test('rt_gc_report prints nothing when stats are off', () => {
    expect(stderrOf(() => rt.call('rt_gc_report'))).toBe('');
  });

  test('rt_gc_report prints collections, pauses and heap sizes', () => {
    rt.img.writeU64(rt.addr('rt_gc_stats_on'), 1n);
    try {
      collect(rt);
      collect(rt);
      const s = stats(rt);
      const line = stderrOf(() => rt.call('rt_gc_report'));
      expect(line).toBe(
        `edgepyc gc: collections=${s.collections} pause_total_us=${s.pauseTotalNs / 1000n} pause_max_us=${s.pauseMaxNs / 1000n}` +
          ` peak_heap_bytes=${s.peakHeapBytes} heap_bytes=${s.heapBytes} live_bytes=${s.liveBytes} released_bytes=${s.releasedBytes}\n`,
      );
      expect(s.pauseMaxNs).toBeGreaterThan(0n);
      expect(s.pauseTotalNs).toBeGreaterThanOrEqual(s.pauseMaxNs);
      expect(s.peakHeapBytes).toBeGreaterThanOrEqual(s.heapBytes);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_stats_on'), 0n);
    }
  });
});

describe('speed', () => {
  test('heap growth while a 1,000,000-tuple chain is built (fresh heap)', () => {
    const fresh = loadRuntime([gctest], { gc: true });
    try {
      const t0 = performance.now();
      const head = fresh.call('gctest_chain', 1_000_000n);
      const t1 = performance.now();
      const s = stats(fresh);
      fresh.call('rt_gc_collect');
      const live = stats(fresh).liveBytes; // the chain is garbage now: nothing roots it
      console.log(`gc: fresh heap: 1,000,000-tuple chain built in ${(t1 - t0).toFixed(1)} ms, ${s.collections} collections, peak heap ${s.peakHeapBytes} bytes for ${48_000_000} bytes of tuples`);
      // Collections start when the allocation since the last one reaches the live size, so
      // the heap stays within about twice the live data (plus the 4 MB minimum).
      expect(s.peakHeapBytes).toBeLessThanOrEqual(2n * 48_000_000n + BigInt(8 << 20));
      expect(s.collections).toBeGreaterThanOrEqual(3n);
      expect(s.collections).toBeLessThanOrEqual(12n);
      expect(live).toBeLessThan(1n << 20n);
      void head;
    } finally {
      fresh.dispose();
    }
  });

  test('allocating and collecting 1,000,000 small tuples', () => {
    collect(rt);
    const s0 = stats(rt);
    const t0 = performance.now();
    rt.call('gctest_churn', 1_000_000n);
    const t1 = performance.now();
    const s1 = stats(rt);
    console.log(`gc: 1,000,000 tuples (32-byte cells) allocated and dropped in ${(t1 - t0).toFixed(1)} ms with ${s1.collections - s0.collections} collections`);
    expect(s1.collections - s0.collections).toBeGreaterThanOrEqual(5n);
    expect(s1.collections - s0.collections).toBeLessThanOrEqual(12n);
  });
});

