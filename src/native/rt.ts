// How the hand-written runtime is written and assembled.
//
// The runtime is assembly written in TypeScript through src/asm. It is organised in
// modules (runtime/core/*.ts), each a list of routines and data items. Every routine has a
// symbol name (`rt_...`) and a one-line contract: inputs, outputs, clobbered registers,
// whether it may allocate (and so run the collector) and whether it may raise (return
// EXC with the exception in rt_exc). Routines follow the System V AMD64 calling
// convention (arguments rdi, rsi, rdx, rcx, r8, r9; result rax; rbx, rbp, r12-r15
// preserved), so the in-process JIT and the tests can call them through koffi directly.
//
// Register roles in compiled Python code (templates):
//   rbx  FP: the current frame's slot 0 on the value stack (slots are [rbx + 8*i])
//   rsp  the machine stack (return addresses and spills only)
//   all other registers are scratch within one template.

import { Assembler, type Hole, rbx } from '../asm/index.js';
import { type Chunk, chunkFromAsm } from './image.js';

/** Frame pointer register of compiled code. */
export const FP = rbx;

export interface RuntimeRoutine {
  /** Symbol, e.g. `rt_alloc`. */
  readonly name: string;
  /** One-line contract: in, out, clobbers, may allocate, may raise. */
  readonly contract: string;
  /** Emit the body; the routine's label is already bound. */
  emit(a: Assembler<any>): void;
  /** Not exported in the symbol table's global part. */
  readonly local?: boolean;
}

/** What emitters may ask about the image being assembled. */
export interface EmitContext {
  /** Whether some module of the image defines `name` (optional type slots use it). */
  defined(name: string): boolean;
}

export interface RuntimeDatum {
  readonly name: string;
  readonly section: 'rodata' | 'data' | 'bss';
  /** bss: size in bytes. */
  readonly size?: number;
  readonly align?: number;
  /** rodata/data: emit the contents. */
  emit?(a: Assembler<any>, ctx: EmitContext): void;
}

/**
 * A method of a builtin type implemented by a runtime routine with the vector ABI
 * (rdi = args with args[0] = self, rsi = nargs including self, rdx = kwnames tuple or 0).
 * The type's dict (`typedict_<type>`) is built at link time from every module's table.
 */
export interface RuntimeMethod {
  readonly type: string;
  readonly name: string;
  readonly entry: string;
  /**
   * 'method' (default), 'classmethod' (args[0] is the type) or 'staticmethod'; 'getter' and
   * 'member' declare a read-only data attribute instead (getset.ts): `entry` is then a routine
   * `rdi = instance -> rax = value or EXC`, not a vector-ABI one.
   */
  readonly kind?: 'method' | 'classmethod' | 'staticmethod' | 'getter' | 'member';
}

/** A function of the builtins module (len, abs, ...) with the vector ABI. */
export interface RuntimeBuiltin {
  readonly name: string;
  readonly entry: string;
}

/** A builtin type a module adds (its iterator types, views...): `type_<name>` is generated. */
export interface RuntimeType {
  readonly name: string;
  /** Base type name ('object' when omitted). */
  readonly base?: string;
  readonly layout: import('./layout.js').LayoutKind;
  /** Python code may subclass it (default false). */
  readonly subclassable?: boolean;
  /** Its `__module__` when not 'builtins' (types.GenericAlias): repr `<class 'types.GenericAlias'>`. */
  readonly module?: string;
}

export interface RuntimeModule {
  readonly name: string;
  readonly types?: readonly RuntimeType[];
  readonly routines: readonly RuntimeRoutine[];
  readonly data: readonly RuntimeDatum[];
  readonly methods?: readonly RuntimeMethod[];
  readonly builtins?: readonly RuntimeBuiltin[];
}

/** Assemble runtime modules into chunks (one text chunk, one per data section). */
export function assembleRuntime(modules: readonly RuntimeModule[]): Chunk[] {
  // One chunk per routine and per data item, so the linker can leave out what a program
  // never reaches (image.ts pruneChunks). Routines refer to each other by symbol.
  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  const all = new Set<string>();
  for (const m of modules) {
    for (const r of m.routines) all.add(r.name);
    for (const d of m.data) all.add(d.name);
  }
  const ctx: EmitContext = { defined: (name) => all.has(name) };
  const define = (name: string): void => {
    if (seen.has(name)) throw new Error(`runtime symbol ${name} defined twice`);
    seen.add(name);
  };
  for (const m of modules) {
    for (const r of m.routines) {
      define(r.name);
      const a = new Assembler<any>();
      const start = a.label(r.name);
      r.emit(a);
      const end = a.label(`${r.name}.end`);
      const chunk = chunkFromAsm(`rt:${r.name}`, 'text', a.finish(), [{ name: r.name, label: start, end, kind: 'function', local: r.local }]);
      chunks.push(chunk);
    }
  }
  for (const m of modules) {
    for (const d of m.data) {
      define(d.name);
      if (d.section === 'bss') {
        chunks.push({
          name: `rt:${d.name}`,
          section: 'bss',
          bytes: new Uint8Array(0),
          size: d.size ?? 8,
          align: d.align ?? 8,
          symbols: [{ name: d.name, offset: 0, size: d.size ?? 8, kind: 'object' }],
          relocs: [],
        });
        continue;
      }
      const a = new Assembler<any>();
      const start = a.label(d.name);
      d.emit?.(a, ctx);
      const end = a.label(`${d.name}.end`);
      const chunk = chunkFromAsm(`rt:${d.name}`, d.section, a.finish(), [{ name: d.name, label: start, end, kind: 'object' }]);
      chunks.push({ ...chunk, align: Math.max(d.align ?? 8, 1) });
    }
  }
  return chunks;
}

export type AnyHole = Hole<any, any>;
