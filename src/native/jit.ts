// In-process loading of native images through koffi (the JIT mode, the embedding API, the
// REPL and the runtime's unit tests).
//
// Memory comes from mmap: the whole image is mapped read-write, filled, then each section
// gets its final protection with mprotect: text read+execute, rodata read-only, data and
// bss read-write. No page is ever writable and executable at the same time (W^X; checked
// against /proc/self/maps by tests/api/wx.test.ts). Calls enter native code through koffi
// function prototypes (System V AMD64 calling convention, which the runtime's entry points
// follow). Reads and writes inside the image go through one DataView over the mapping;
// other addresses (the runtime's heap) get a view per access.

import koffi from 'koffi';
import { type Chunk, contiguousBases, link, type LinkResult, type SectionName, SECTIONS } from './image.js';

const PROT_READ = 1;
const PROT_WRITE = 2;
const PROT_EXEC = 4;
const MAP_PRIVATE = 0x02;
const MAP_ANONYMOUS = 0x20;
const PAGE = 4096;

interface Libc {
  mmap: (addr: null, len: number, prot: number, flags: number, fd: number, off: number) => bigint;
  mprotect: (addr: bigint, len: number, prot: number) => number;
  munmap: (addr: bigint, len: number) => number;
}

let libc: Libc | null = null;

function getLibc(): Libc {
  if (libc === null) {
    const lib = koffi.load('libc.so.6');
    libc = {
      mmap: lib.func('uintptr_t mmap(void *addr, size_t len, int prot, int flags, int fd, long off)'),
      mprotect: lib.func('int mprotect(uintptr_t addr, size_t len, int prot)'),
      munmap: lib.func('int munmap(uintptr_t addr, size_t len)'),
    };
  }
  return libc;
}

const protos = new Map<number, unknown>();
function protoFor(nargs: number): unknown {
  let p = protos.get(nargs);
  if (p === undefined) {
    const params = Array.from({ length: nargs }, (_, i) => `uint64_t a${i}`).join(', ');
    p = koffi.proto(`uint64_t edgepyc_fn${nargs}(${params})`);
    protos.set(nargs, p);
  }
  return p;
}

export interface ImageWord {
  get(): bigint;
  set(v: bigint): void;
}

export interface MappedImage {
  base: bigint;
  size: number;
  link: LinkResult;
  /** Address of a symbol. */
  addr(name: string): bigint;
  /** Call a symbol with 64-bit integer arguments; returns rax. */
  call(name: string, ...args: bigint[]): bigint;
  /**
   * A JavaScript function calling the native code at `addr` with `nargs` 64-bit integer
   * arguments (decoded once: cheaper than call() in a loop). Its result is rax as koffi gives
   * it back (a number when it fits a double exactly, else a bigint): wrap with BigInt().
   */
  fn(addr: bigint, nargs: number): (...args: bigint[]) => number | bigint;
  /** Read raw memory. */
  read(addr: bigint, len: number): Uint8Array;
  /** Write raw memory (data/bss only). */
  write(addr: bigint, bytes: Uint8Array): void;
  readU64(addr: bigint): bigint;
  writeU64(addr: bigint, v: bigint): void;
  /** Protections currently applied, by section (for W^X checks). */
  protections: Record<SectionName, number>;
  /**
   * A 64-bit word inside the image (data/bss), its offset computed once: the cheap way to
   * read and write hot runtime globals (rt_vs_top...) from JavaScript many times.
   */
  word(addr: bigint): ImageWord;
  /** Whether dispose() ran (the memory is unmapped). */
  readonly disposed: boolean;
  /** Unmap the image (the runtime's own mappings are the caller's: see src/embed/session.ts). */
  dispose(): void;
}

/** Map, link and protect an image in this process. */
export function mapImage(chunks: Chunk[]): MappedImage {
  const c = getLibc();
  // Reserve the size first to learn the base, then link for that base.
  const probe = contiguousBases(chunks, 0n, PAGE);
  const size = probe.total;
  const base = BigInt(c.mmap(null, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (base === 0n || base === BigInt.asUintN(64, -1n)) throw new Error('mmap failed');
  const { bases, offsets } = contiguousBases(chunks, base, PAGE);
  const linked = link(chunks, bases);
  let disposed = false;
  const whole = koffi.view(base as any, size) as ArrayBuffer;
  const view = new Uint8Array(whole);
  const dv = new DataView(whole);
  const end = base + BigInt(size);
  /** Offset of [addr, addr+len) inside the image, or -1 when it lies (partly) outside. */
  const inside = (addr: bigint, len: number): number => {
    if (addr + BigInt(len) <= base || addr >= end) return -1;
    if (disposed) throw new Error('image disposed');
    return addr >= base && addr + BigInt(len) <= end ? Number(addr - base) : -1;
  };
  for (const s of SECTIONS) {
    if (s === 'bss') continue;
    view.set(linked.sections[s].bytes, offsets[s]);
  }
  const protections = {} as Record<SectionName, number>;
  const protect = (s: SectionName, prot: number): void => {
    const len = Math.ceil(Math.max(linked.sections[s].size, 1) / PAGE) * PAGE;
    if (linked.sections[s].size === 0) {
      protections[s] = prot;
      return;
    }
    if (c.mprotect(bases[s], len, prot) !== 0) throw new Error(`mprotect ${s} failed`);
    protections[s] = prot;
  };
  protect('text', PROT_READ | PROT_EXEC);
  protect('rodata', PROT_READ);
  protect('data', PROT_READ | PROT_WRITE);
  protect('bss', PROT_READ | PROT_WRITE);
  const img: MappedImage = {
    base,
    size,
    link: linked,
    protections,
    addr(name: string): bigint {
      const a = linked.addresses.get(name);
      if (a === undefined) throw new Error(`no symbol ${name}`);
      return a;
    },
    call(name: string, ...args: bigint[]): bigint {
      if (disposed) throw new Error('image disposed');
      const r = koffi.call(img.addr(name) as any, protoFor(args.length) as any, ...args);
      return BigInt.asUintN(64, BigInt(r));
    },
    fn(addr: bigint, nargs: number): (...args: bigint[]) => number | bigint {
      const f = koffi.decode(addr as any, protoFor(nargs) as any) as (...args: bigint[]) => number | bigint;
      return (...args: bigint[]) => {
        if (disposed) throw new Error('image disposed');
        return f(...args);
      };
    },
    read(addr: bigint, len: number): Uint8Array {
      const at = inside(addr, len);
      if (at >= 0) return view.slice(at, at + len);
      return new Uint8Array(koffi.view(addr as any, len) as ArrayBuffer).slice();
    },
    write(addr: bigint, bytes: Uint8Array): void {
      const at = inside(addr, bytes.length);
      if (at >= 0) view.set(bytes, at);
      else new Uint8Array(koffi.view(addr as any, bytes.length) as ArrayBuffer).set(bytes);
    },
    readU64(addr: bigint): bigint {
      const at = inside(addr, 8);
      if (at >= 0) return dv.getBigUint64(at, true);
      return new DataView(koffi.view(addr as any, 8) as ArrayBuffer).getBigUint64(0, true);
    },
    writeU64(addr: bigint, v: bigint): void {
      const at = inside(addr, 8);
      if (at >= 0) dv.setBigUint64(at, BigInt.asUintN(64, v), true);
      else new DataView(koffi.view(addr as any, 8) as ArrayBuffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    },
    word(addr: bigint): ImageWord {
      const at = inside(addr, 8);
      if (at < 0) throw new RangeError(`0x${addr.toString(16)} is not inside the image`);
      return {
        get: () => {
          if (disposed) throw new Error('image disposed');
          return dv.getBigUint64(at, true);
        },
        set: (v: bigint) => {
          if (disposed) throw new Error('image disposed');
          dv.setBigUint64(at, BigInt.asUintN(64, v), true);
        },
      };
    },
    get disposed(): boolean {
      return disposed;
    },
    dispose(): void {
      if (!disposed) {
        disposed = true;
        c.munmap(base, size);
      }
    },
  };
  return img;
}

export const PROT = { READ: PROT_READ, WRITE: PROT_WRITE, EXEC: PROT_EXEC } as const;
