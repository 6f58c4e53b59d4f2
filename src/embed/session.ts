// Native sessions: a compiled program mapped into this process and kept alive between calls.
//
// This is the layer under the embedding API (src/api.ts) and the REPL's :jit and :time. A
// session maps the program's image (src/native/jit.ts: RW while written, then RX/R/RW, never
// W+X), starts the runtime the way rt_program_main does (runtime/core/entry.ts), runs the
// main module once, and then calls the module's top-level functions as often as asked.
//
// Invariants:
//   - every entry into native code that may allocate goes through rt_gc_enter with
//     rt_stack_base = 0, so the collector scans the machine stack of that entry only;
//   - values made from JavaScript live on the value stack above the frames (pushed, then
//     popped after the call), so a collection during the call sees them; a result is decoded
//     before anything can allocate again;
//   - after a call returns, native stdout is flushed, rt_exc is UNBOUND and rt_vs_top is
//     back where it was;
//   - dispose() unmaps the image and the runtime's own mappings (heap, block descriptors,
//     mark stack, root table, value stack); nothing may be called afterwards.
//
// The start-up mirrors rt_program_main step by step, except the SIGINT handler it installs
// (Node owns this process's signals); tests/api/session.test.ts decodes
// rt_program_main and checks that it still calls exactly these routines in this order.

import { closeSync, fstatSync, readSync } from 'node:fs';
import koffi from 'koffi';
import { BLOCK_SHIFT, DESC_SHIFT } from '../../runtime/core/gclayout.js';
import { VALUE_STACK_WORDS } from '../../runtime/core/init.js';
import { type Chunk, pruneChunks } from '../native/image.js';
import { type ImageWord, mapImage, type MappedImage } from '../native/jit.js';
import { CODE, EXC, OBJ_TAG_BITS, UNBOUND } from '../native/layout.js';
import type { CompiledFunction, NativeProgram } from '../native/program.js';
import { PythonError } from './errors.js';
import { ValueCodec } from './values.js';

/**
 * Runtime symbols a session uses besides what the program reaches: kept when the image is
 * pruned (the program must be built with keepAll so that none was dropped already).
 */
export const SESSION_ROOTS = [
  'rt_gc_enter', 'rt_runtime_init', 'rt_gc_add_roots', 'rt_modules_init', 'rt_flush_stdout', 'rt_gc_report', 'rt_run_atexit',
  'rt_call', 'rt_str', 'rt_repr', 'rt_print_exception', 'rt_stdout_len',
  'rt_str_from_utf8', 'rt_int_from_mag', 'rt_list_new', 'rt_list_append', 'rt_dict_new', 'rt_dict_setitem',
  'rt_stack_base', 'rt_vs_base', 'rt_vs_top', 'rt_vs_limit', 'rt_exc', 'rt_argc', 'rt_argv', 'rt_envp',
  'rt_gc_heap_base', 'rt_gc_reserved', 'rt_gc_desc', 'rt_gc_mstack', 'rt_gc_mstack_cap', 'rt_gc_roots', 'rt_gc_roots_cap', 'rt_gc_roots_initial',
  'type_int', 'type_bool', 'type_float', 'type_str', 'type_list', 'type_tuple', 'type_dict', 'type_NoneType', 'type_BaseException',
  'obj_None', 'obj_True', 'obj_False',
] as const;

/** The chunks of a program built with keepAll, pruned to what the program and a session need. */
export function sessionChunks(program: NativeProgram): Chunk[] {
  const programSymbols = program.chunks.filter((c) => !c.name.startsWith('rt:')).flatMap((c) => c.symbols.map((s) => s.name));
  return pruneChunks(program.chunks, ['_start', 'rt_program_main', ...SESSION_ROOTS, ...programSymbols]);
}

interface Libc {
  memfd_create: (name: string, flags: number) => number;
  dup: (fd: number) => number;
  dup2: (fd: number, to: number) => number;
  munmap: (addr: bigint, len: number) => number;
}

let libc: Libc | null = null;
function getLibc(): Libc {
  if (libc === null) {
    const lib = koffi.load('libc.so.6');
    libc = {
      memfd_create: lib.func('int memfd_create(const char *name, unsigned int flags)'),
      dup: lib.func('int dup(int fd)'),
      dup2: lib.func('int dup2(int fd, int fd2)'),
      munmap: lib.func('int munmap(uintptr_t addr, size_t len)'),
    };
  }
  return libc;
}

const MFD_CLOEXEC = 1;

/** Run `f` with file descriptor 2 redirected into a memory file; returns what was written. */
function captureStderr(f: () => void): string {
  const c = getLibc();
  const mem = c.memfd_create('edgepyc-stderr', MFD_CLOEXEC);
  if (mem < 0) throw new Error('memfd_create failed');
  const saved = c.dup(2);
  try {
    if (saved < 0 || c.dup2(mem, 2) < 0) throw new Error('cannot redirect stderr');
    f();
  } finally {
    if (saved >= 0) {
      c.dup2(saved, 2);
      closeSync(saved);
    }
  }
  const size = fstatSync(mem).size;
  const buf = Buffer.alloc(size);
  let got = 0;
  while (got < size) got += readSync(mem, buf, got, size - got, got);
  closeSync(mem);
  return buf.toString('utf8');
}

/** A NUL-terminated array of C strings in memory owned by JavaScript (kept alive by `keep`). */
export function cStringArray(strings: readonly string[], keep: unknown[]): bigint {
  const ptrs = new BigUint64Array(strings.length + 1);
  strings.forEach((s, i) => {
    const buf = Buffer.from(`${s}\0`, 'utf8');
    keep.push(buf);
    ptrs[i] = BigInt(koffi.address(buf) as unknown as bigint);
  });
  const arr = Buffer.from(ptrs.buffer);
  keep.push(arr);
  return BigInt(koffi.address(arr) as unknown as bigint);
}

export interface SessionOptions {
  /** sys.argv (argv[0] is the script name). */
  readonly argv: readonly string[];
  /** The environment the program sees (EDGEPYC_GC_STRESS and friends are read from it). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Where a compiled function sits in memory. */
export interface FunctionPlacement {
  readonly qualname: string;
  readonly symbol: string;
  readonly address: bigint;
  /** Bytes of machine code (the stitched function, without the runtime it calls). */
  readonly size: number;
  /** Bytecode instructions it was compiled from. */
  readonly instructions: number;
}

export class NativeSession {
  readonly image: MappedImage;
  readonly program: NativeProgram;
  private readonly codec: ValueCodec;
  private readonly keep: unknown[] = [];
  private readonly enterFn: (...args: bigint[]) => number | bigint;
  private readonly sym: Record<(typeof SESSION_ROOTS)[number], bigint>;
  private readonly globalsBase: bigint;
  private readonly globalIndex: ReadonlyMap<string, number>;
  /** The globals' words, made on first use (cheap repeated reads: see MappedImage.word). */
  private readonly globalWords = new Map<string, ImageWord>();
  private readonly stackBase: ImageWord;
  private readonly stdoutLen: ImageWord;
  private started = false;
  private closed = false;

  constructor(program: NativeProgram, options: SessionOptions) {
    this.program = program;
    this.image = mapImage(sessionChunks(program));
    const img = this.image;
    this.sym = Object.fromEntries(SESSION_ROOTS.map((n) => [n, img.addr(n)])) as Record<(typeof SESSION_ROOTS)[number], bigint>;
    this.enterFn = img.fn(this.sym.rt_gc_enter, 5);
    this.stackBase = img.word(this.sym.rt_stack_base);
    this.stdoutLen = img.word(this.sym.rt_stdout_len);
    this.globalsBase = img.addr(program.mainGlobals.symbol);
    this.globalIndex = new Map(program.mainGlobals.names.map((n, i) => [n, i]));
    const env = options.env ?? process.env;
    img.writeU64(this.sym.rt_argc, BigInt(options.argv.length));
    img.writeU64(this.sym.rt_argv, cStringArray(options.argv, this.keep));
    img.writeU64(this.sym.rt_envp, cStringArray(Object.entries(env).map(([k, v]) => `${k}=${v ?? ''}`), this.keep));
    this.codec = new ValueCodec({
      image: img,
      enter: (routine, ...args) => this.enter(routine, ...args),
      sym: (name) => img.addr(name),
    });
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('the native module was disposed');
  }

  /** Call native `routine` through rt_gc_enter (so collections scan its machine stack). */
  enter(routine: bigint, a = 0n, b = 0n, c = 0n, d = 0n): bigint {
    this.checkOpen();
    this.stackBase.set(0n);
    return BigInt.asUintN(64, BigInt(this.enterFn(routine, a, b, c, d)));
  }

  /**
   * Start the runtime and run the main module (rt_program_main's steps without its handling of
   * an uncaught exception, which becomes a PythonError here).
   */
  start(): void {
    if (this.started) throw new Error('session already started');
    this.started = true;
    const img = this.image;
    this.enter(this.sym.rt_runtime_init);
    this.codec.attach();
    // Every module's globals (and its module-object word) are collector roots.
    const table = img.addr('rt_globals_table');
    const n = Number(img.readU64(table));
    for (let i = 0; i < n; i++) {
      this.enter(this.sym.rt_gc_add_roots, img.readU64(table + BigInt(8 + 16 * i)), img.readU64(table + BigInt(16 + 16 * i)));
    }
    this.enter(this.sym.rt_modules_init);
    const code = img.readU64(img.addr('rt_main_code_ptr'));
    const entry = img.readU64(code + BigInt(CODE.entry));
    const r = this.enter(entry, img.readU64(this.sym.rt_vs_base), this.sym.obj_None | OBJ_TAG_BITS);
    this.afterCall();
    if (r === EXC) throw this.takeException();
  }

  /** The value word of a global of the main module, or null when it is unbound or unknown. */
  globalWord(name: string): bigint | null {
    this.checkOpen();
    let word = this.globalWords.get(name);
    if (word === undefined) {
      const i = this.globalIndex.get(name);
      if (i === undefined) return null;
      word = this.image.word(this.globalsBase + BigInt(8 * i));
      this.globalWords.set(name, word);
    }
    const w = word.get();
    return w === UNBOUND ? null : w;
  }

  /** Names of the main module's globals that are bound now. */
  globalNames(): string[] {
    return this.program.mainGlobals.names.filter((n) => this.globalWord(n) !== null);
  }

  /** Call a global of the main module with JavaScript arguments; returns the result converted. */
  call(name: string, args: readonly unknown[]): unknown {
    if (!this.started) throw new Error('session not started');
    const fn = this.globalWord(name);
    if (fn === null) {
      throw this.globalIndex.has(name) ? new ReferenceError(`Python global '${name}' is not bound`) : new ReferenceError(`the module has no global '${name}'`);
    }
    const codec = this.codec;
    const mark = codec.mark();
    let r: bigint;
    try {
      codec.push(fn);
      const argv = codec.top();
      for (const a of args) codec.encode(a);
      r = this.enter(this.sym.rt_call, fn, argv, BigInt(args.length), 0n);
    } finally {
      codec.release(mark);
    }
    this.afterCall();
    if (r === EXC) throw this.takeException();
    return codec.decode(r);
  }

  /** Where the compiled function `qualname` of the main module lies, and its size. */
  placement(qualname: string): FunctionPlacement | null {
    const f = this.program.functions.find((x: CompiledFunction) => x.code.qualname === qualname && x.code.filename === this.program.functions[0].code.filename);
    if (f === undefined) return null;
    return { qualname, symbol: f.entry, address: this.image.addr(f.entry), size: f.stitched.chunk.bytes.length, instructions: f.code.ops.length };
  }

  /** Flush what the program printed (skipping the call when the buffer is empty). */
  private afterCall(): void {
    if (this.stdoutLen.get() !== 0n) this.enter(this.sym.rt_flush_stdout);
  }

  /** The exception in rt_exc as a PythonError (rt_exc is cleared). */
  private takeException(): PythonError {
    const img = this.image;
    const exc = img.readU64(this.sym.rt_exc);
    img.writeU64(this.sym.rt_exc, UNBOUND);
    const codec = this.codec;
    const mark = codec.mark();
    try {
      codec.push(exc); // a root while str() and the printer run
      const typeName = codec.typeName(exc);
      const s = this.enter(this.sym.rt_str, exc);
      let message: string;
      if (s === EXC) {
        img.writeU64(this.sym.rt_exc, UNBOUND);
        message = '<exception str() failed>';
      } else message = codec.decodeStr(s);
      const traceback = captureStderr(() => {
        this.enter(this.sym.rt_print_exception, exc);
      });
      img.writeU64(this.sym.rt_exc, UNBOUND);
      return new PythonError(typeName, message, traceback);
    } finally {
      codec.release(mark);
    }
  }

  /** Unmap the image and every mapping the runtime made. Idempotent. */
  dispose(): void {
    if (this.closed) return;
    const img = this.image;
    if (this.started) {
      try {
        // As at a program's exit (rt_program_main): atexit callbacks, then the reports.
        this.enter(this.sym.rt_run_atexit);
        this.enter(this.sym.rt_gc_report);
        this.enter(this.sym.rt_flush_stdout);
      } catch {
        // reporting is best effort; the memory goes away regardless
      }
    }
    this.closed = true;
    const c = getLibc();
    for (const [addr, len] of this.runtimeMappings()) c.munmap(addr, len);
    this.codec.detach();
    img.dispose();
    this.keep.length = 0;
  }

  get disposed(): boolean {
    return this.closed;
  }

  /**
   * The runtime's own mappings (start, length): the heap reservation, its block descriptors,
   * the mark stack, the root table once it outgrew its bss array, the value stack. The heap
   * was reserved one block larger and aligned up; that slack (under one block of PROT_NONE
   * address space, never committed) stays mapped.
   */
  runtimeMappings(): [bigint, number][] {
    const img = this.image;
    const s = this.sym;
    const u = (a: bigint): bigint => img.readU64(a);
    const out: [bigint, number][] = [];
    const heap = u(s.rt_gc_heap_base);
    const reserved = Number(u(s.rt_gc_reserved));
    if (heap !== 0n) out.push([heap, reserved]);
    const desc = u(s.rt_gc_desc);
    if (desc !== 0n) out.push([desc, reserved >> (BLOCK_SHIFT - DESC_SHIFT)]);
    const mstack = u(s.rt_gc_mstack);
    if (mstack !== 0n) out.push([mstack, Number(u(s.rt_gc_mstack_cap)) * 8]);
    const roots = u(s.rt_gc_roots);
    if (roots !== 0n && roots !== s.rt_gc_roots_initial) out.push([roots, Number(u(s.rt_gc_roots_cap)) * 16]);
    const vs = u(s.rt_vs_base);
    if (vs !== 0n) out.push([vs, VALUE_STACK_WORDS * 8]);
    return out.map(([a, n]) => [a, Math.ceil(n / 4096) * 4096]);
  }
}
