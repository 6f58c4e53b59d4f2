// Templates and stencils: the copy-and-patch building blocks of compiled code.
//
// A template (templates/*.ts) describes the machine code of one op, written once through
// the assembler with typed holes for everything that differs between uses: frame slots,
// constants, jump targets, the exception path. Assembling a template gives a stencil:
// bytes, hole sites, relocations against runtime symbols and a listing. Stencils are
// data; compiling a function copies stencils one after another and patches their holes
// (stitch.ts). A template may have variants (for example the condition code of a fused
// compare-and-branch); a variant's parameters are baked into its bytes, so they are part
// of the stencil's key, and everything else must be a hole: the emit function never sees
// the instruction itself.

import { Assembler, type AsmOutput, type HoleSite, type ListEntry, type Reloc, hole, mem, qword, rbx, rip, sym } from '../asm/index.js';
import type { OpName } from '../bytecode/ops.js';

/** What a hole stands for; the stitcher resolves each kind per instruction. */
export type HoleDesc =
  /**
   * disp32: frame slot of stack position depth + pos - back * arg (pos -1 = TOS before the
   * op; `back` reaches items whose position depends on the argument, e.g. a call's callable).
   */
  | { readonly k: 'stack'; readonly pos: number; readonly back: number }
  /** disp32: frame slot of the local named by the argument (of the fused instruction `of`). */
  | { readonly k: 'local'; readonly of: number }
  /** disp32: frame slot of cell/free variable `arg` (slot nlocals + arg). */
  | { readonly k: 'deref'; readonly of: number }
  /** disp32: an absolute frame slot chosen by the stitcher (handler depth, ...). */
  | { readonly k: 'slot' }
  /** imm64: the value word of co.consts[arg]. */
  | { readonly k: 'const'; readonly of: number }
  /** imm64: the str value of co.names[arg]. */
  | { readonly k: 'name'; readonly of: number }
  /** imm64: the str value of the local variable name co.varnames[arg] (or cell/free name for deref ops). */
  | { readonly k: 'varname'; readonly of: number }
  /** imm64: the value of the builtin co.names[arg] (a static object). */
  | { readonly k: 'builtin'; readonly of: number }
  /** imm32: the raw argument. */
  | { readonly k: 'arg'; readonly of: number }
  /** rel32: the jump target of the instruction (`of` = 0 this one, 1 the fused next one). */
  | { readonly k: 'target'; readonly of: number }
  /** rel32: the instruction after this one (and after the ones it fuses). */
  | { readonly k: 'next' }
  /**
   * rel32: instruction `of + 1` after this one, in the same copy (a fused int chain's fast
   * path skipping the instructions its slow path runs one by one; stitch.ts makes it a join).
   */
  | { readonly k: 'after'; readonly of: number }
  /** rel32: this instruction's exception path (traceback entry, then handler or unwind). */
  | { readonly k: 'exc' }
  /**
   * rel32: leave the optimized copy for the safe copy (stitch.ts): the safe copy's code of
   * the instruction after this one (after the ones it fuses; for a guard placed before an
   * instruction, that instruction). Every value must be in its frame slot when jumping.
   */
  | { readonly k: 'deopt' }
  /** rel32: the exception path without a new traceback entry (re-raise). */
  | { readonly k: 'reraise' }
  /** rel32: the function's exit returning EXC (unwinding). */
  | { readonly k: 'unwind' }
  /** rel32: the function's exit with the return value in rax. */
  | { readonly k: 'exit' }
  /** imm32: 8 * frame slots (the frame's size in bytes). */
  | { readonly k: 'frameBytes' }
  /** imm32: a count chosen by the stitcher (locals to initialise, ...). */
  | { readonly k: 'count' }
  /** rel32 (rip): module global slot for co.names[arg]. */
  | { readonly k: 'global'; readonly of: number }
  /** rel32 (rip): word `off` of this instruction's inline cache. */
  | { readonly k: 'cache'; readonly off: number }
  /**
   * rel32 (rip): this instruction's rooted cache word: one value word (0 when empty) that
   * the collector scans as a root, so the object it names stays alive while it is cached
   * (an identity compare against it can never match a new object at a reused address).
   */
  | { readonly k: 'rootCache' }
  /** rel32 (rip) or imm64: this function's code descriptor. */
  | { readonly k: 'code' }
  /**
   * rel32 call: native entry of the callee the profile saw at this call site (`ints`: its
   * int entry, stitch.ts INT_ENTRY_SUFFIX, when every argument is a known small int).
   */
  | { readonly k: 'callee'; readonly ints?: boolean }
  /** rel32 (rip): code object of that callee. */
  | { readonly k: 'calleeCode' }
  /** imm32: this instruction's index (tracebacks). */
  | { readonly k: 'instr' }
  /** rel32 (rip): a generator function's table of resume points. */
  | { readonly k: 'resumeTable' }
  /** disp32: a generator's frame slot holding the generator (after the operand stack). */
  | { readonly k: 'genSlot' }
  /** rel32 (rip): the globals array of the module the code belongs to. */
  | { readonly k: 'moduleGlobals' }
  /** rel32 (rip): the import chain of this IMPORT_NAME (modules compiled into the program). */
  | { readonly k: 'importChain' }
  /** rel32 (rip): the descriptor (MODINFO) of the module the code belongs to. */
  | { readonly k: 'moduleInfo' }
  /** rel32: entry `id` of the instruction's out-of-line code (see `cold`). */
  | { readonly k: 'cold'; readonly id: number };

export type HoleKindName = HoleDesc['k'];

export function describeHole(d: HoleDesc): string {
  switch (d.k) {
    case 'stack':
      return `stack${d.pos < 0 ? d.pos : `+${d.pos}`}${d.back === 0 ? '' : `-${d.back === 1 ? '' : d.back}arg`}`;
    case 'local':
    case 'deref':
    case 'const':
    case 'name':
    case 'varname':
    case 'builtin':
    case 'arg':
    case 'target':
    case 'global':
      return d.of === 0 ? d.k : `${d.k}.${d.of}`;
    case 'cache':
      return `cache+${8 * d.off}`;
    case 'after':
      return `after+${d.of + 1}`;
    case 'cold':
      return `cold#${d.id}`;
    default:
      return d.k;
  }
}

export type TplAsm = Assembler<HoleDesc>;

/** Variant parameters: plain JSON-able data baked into a stencil's bytes. */
export type VariantParams = Readonly<Record<string, string | number | boolean>>;

/** What a template's variant function may look at. */
export interface InstrView {
  readonly op: OpName;
  readonly arg: number;
  /** The following instruction (superinstructions read its argument). */
  readonly next: { readonly op: OpName; readonly arg: number } | null;
  /** Stack depth before the instruction. */
  readonly depth: number;
  /** What the compiler knows about the instruction beyond the bytecode (see stitch.ts). */
  readonly facts: Readonly<Record<string, string | number | boolean>>;
}

/** Pieces of a compiled function that are not bytecode instructions. */
export const PSEUDO_OPS = ['ENTER', 'INIT_LOCALS', 'COPY_FREE_VARS', 'MAKE_CELL', 'EXIT', 'UNWIND', 'EXC_THUNK', 'RERAISE_THUNK', 'HANDLER', 'HANDLER_NO_TB', 'GEN_PROLOGUE', 'GEN_CREATE', 'GEN_RESUME_ENTRY', 'RESUME_AFTER_YIELD', 'EVAL_BREAKER', 'RANGE_ITER_GUARD', 'ENTRY_INT_GUARD', 'BINARY_OP_INT_CHAIN'] as const;
export type PseudoOp = (typeof PSEUDO_OPS)[number];

/**
 * What control reaching the next instruction from a piece carries in registers: `rax` /
 * `rcx` hold the value of the given stack position (relative to the depth after the
 * instruction: -1 is the top), and `ints` lists positions known to hold small ints. The
 * registers only mirror the frame: every value is in its slot too, so a template may
 * ignore the flow. The stitcher passes it on (InstrView facts.flow, encoded) only where
 * the next instruction has no other predecessor.
 */
export interface Flow {
  readonly rax?: number;
  readonly rcx?: number;
  readonly ints?: readonly number[];
}

export function encodeFlow(f: Flow | null): string {
  if (f === null) return '';
  const parts: string[] = [];
  if (f.rax !== undefined) parts.push(`rax${f.rax}`);
  if (f.rcx !== undefined) parts.push(`rcx${f.rcx}`);
  for (const p of [...new Set(f.ints ?? [])].sort()) parts.push(`int${p}`);
  return parts.join(',');
}

export function decodeFlow(s: string | number | boolean | undefined): Flow {
  if (typeof s !== 'string' || s === '') return {};
  let rax: number | undefined;
  let rcx: number | undefined;
  const ints: number[] = [];
  for (const part of s.split(',')) {
    const m = /^(rax|rcx|int)(-?\d+)$/.exec(part);
    if (m === null) throw new Error(`bad flow ${s}`);
    const v = Number(m[2]);
    if (m[1] === 'rax') rax = v;
    else if (m[1] === 'rcx') rcx = v;
    else ints.push(v);
  }
  return { rax, rcx, ints };
}

export interface TemplateDef<P extends VariantParams = VariantParams> {
  readonly op: OpName | PseudoOp;
  /** The static parameters of this use (default: none). */
  readonly variant?: (ins: InstrView) => P;
  /** What this use leaves in registers for the next instruction (every path to `next`). */
  readonly out?: (p: P, ins: InstrView) => Flow | null;
  readonly emit: (a: TplAsm, p: P) => void;
  /** Instructions after this one that the template performs too (superinstructions). */
  readonly fuses?: number;
  /**
   * The template honours facts.lazy (params `lazy`): its pushes stay in the registers its
   * `out` names, unstored (the stitcher decides, stitch.ts storesDead).
   */
  readonly lazyStores?: boolean;
  /**
   * For a use with these params: it reads its operands only from the registers the Flow
   * names when the Flow has them, and no path of it reads the operand slots or leaves the
   * instruction before overwriting them (no generic path, no exception, no deopt).
   */
  readonly registerOperands?: (p: P) => boolean;
  /** Words of inline cache per use, for its 'cache' holes (H.cache, H.cacheAddr). */
  readonly cacheWords?: number;
  /** One line for `disasm --templates`. */
  readonly doc?: string;
}

export interface Stencil {
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly holes: readonly HoleSite<HoleDesc>[];
  readonly relocs: readonly Reloc[];
  readonly listing: readonly ListEntry[];
  /** Bytes to copy when the next instruction follows directly: a final `jmp next` dropped. */
  readonly fallLength: number;
  /**
   * The out-of-line part (slow paths written with `cold`), placed after the function's body
   * so the fast paths fall through into each other; null when the template has none.
   */
  readonly cold: Stencil | null;
  /** Offsets in `cold` of the entries the hot part jumps to ('cold' holes, by id). */
  readonly coldEntries: readonly number[];
}

/** Cold bodies registered while a template's hot part is being assembled. */
let coldBodies: ((a: TplAsm) => void)[] | null = null;

/**
 * A block of code out of line: `body` is assembled into the stencil's cold part (after the
 * function's body) and the result is a rel32 hole jumping to it (`a.jne(cold(...))`). The
 * body is its own assembly: it reaches the rest of the function only through holes (next,
 * exc, target...), never through the hot part's labels; it must not fall off its end.
 */
export function cold(body: (a: TplAsm) => void) {
  if (coldBodies === null) throw new Error('cold() is only valid while a template is assembled');
  coldBodies.push(body);
  return hole.rel32<HoleDesc>({ k: 'cold', id: coldBodies.length - 1 });
}

/** Assemble a template body into a stencil. */
export function assembleStencil(key: string, emit: (a: TplAsm) => void): Stencil {
  const outer = coldBodies;
  const bodies: ((a: TplAsm) => void)[] = [];
  coldBodies = bodies;
  try {
    const a = new Assembler<HoleDesc>({ describeHole });
    emit(a);
    const out: AsmOutput<HoleDesc> = a.finish();
    for (const r of out.relocs) {
      if (r.target.kind === 'self') throw new Error(`template ${key}: absolute reference to its own code is not relocatable`);
    }
    let fallLength = out.bytes.length;
    const last = out.holes.find((h) => h.desc.k === 'next' && h.insnOffset + 5 === out.bytes.length && out.bytes[h.insnOffset] === 0xe9);
    if (last !== undefined) fallLength = last.insnOffset;
    let coldPart: Stencil | null = null;
    const coldEntries: number[] = [];
    if (bodies.length > 0) {
      // Cold bodies may register further cold bodies; all share one cold part.
      const c = new Assembler<HoleDesc>({ describeHole });
      const labels = [];
      for (let i = 0; i < bodies.length; i++) {
        const l = c.newLabel();
        labels.push(l);
        c.bind(l);
        bodies[i](c);
      }
      const co = c.finish();
      for (const r of co.relocs) {
        if (r.target.kind === 'self') throw new Error(`template ${key}: absolute reference to its own code is not relocatable`);
      }
      for (const l of labels) coldEntries.push(co.offsetOf(l));
      coldPart = { key: `${key}#cold`, bytes: co.bytes, holes: co.holes, relocs: co.relocs, listing: co.listing, fallLength: co.bytes.length, cold: null, coldEntries: [] };
    }
    return { key, bytes: out.bytes, holes: out.holes, relocs: out.relocs, listing: out.listing, fallLength, cold: coldPart, coldEntries };
  } finally {
    coldBodies = outer;
  }
}

const cache = new Map<string, Stencil>();

/** The stencil of a template for given variant parameters (assembled once per process). */
export function stencilFor(def: TemplateDef<any>, params: VariantParams): Stencil {
  const key = `${def.op}${Object.keys(params).length === 0 ? '' : JSON.stringify(params)}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = assembleStencil(key, (a) => def.emit(a, params));
    cache.set(key, s);
  }
  return s;
}

// ---- operands for template authors ---------------------------------------------------------

/** qword [rbx + slot of stack position depth + pos - back * arg]. */
export function S(pos: number, back = 0) {
  return qword(mem(rbx, hole.disp32<HoleDesc>({ k: 'stack', pos, back })));
}

/** [rbx + slot of stack position ...] without a size, for `lea`. */
export function SA(pos: number, back = 0) {
  return mem(rbx, hole.disp32<HoleDesc>({ k: 'stack', pos, back }));
}

/** qword [rbx + slot of the local named by the argument of instruction `of`]. */
export function L(of = 0) {
  return qword(mem(rbx, hole.disp32<HoleDesc>({ k: 'local', of })));
}

/** qword [rbx + slot of cell/free variable `arg`]. */
export function D(of = 0) {
  return qword(mem(rbx, hole.disp32<HoleDesc>({ k: 'deref', of })));
}

/** qword [rbx + the generator's own slot] (generator functions). */
export function GEN() {
  return qword(mem(rbx, hole.disp32<HoleDesc>({ k: 'genSlot' })));
}

/** qword [rbx + a slot the stitcher picks]. */
export function SLOT() {
  return qword(mem(rbx, hole.disp32<HoleDesc>({ k: 'slot' })));
}

export const H = {
  const: (of = 0) => hole.imm64<HoleDesc>({ k: 'const', of }),
  name: (of = 0) => hole.imm64<HoleDesc>({ k: 'name', of }),
  varname: (of = 0) => hole.imm64<HoleDesc>({ k: 'varname', of }),
  builtin: (of = 0) => hole.imm64<HoleDesc>({ k: 'builtin', of }),
  arg: (of = 0) => hole.imm32<HoleDesc>({ k: 'arg', of }),
  target: (of = 0) => hole.rel32<HoleDesc>({ k: 'target', of }),
  next: () => hole.rel32<HoleDesc>({ k: 'next' }),
  after: (of: number) => hole.rel32<HoleDesc>({ k: 'after', of }),
  exc: () => hole.rel32<HoleDesc>({ k: 'exc' }),
  deopt: () => hole.rel32<HoleDesc>({ k: 'deopt' }),
  reraise: () => hole.rel32<HoleDesc>({ k: 'reraise' }),
  unwind: () => hole.rel32<HoleDesc>({ k: 'unwind' }),
  exit: () => hole.rel32<HoleDesc>({ k: 'exit' }),
  frameBytes: () => hole.imm32<HoleDesc>({ k: 'frameBytes' }),
  count: () => hole.imm32<HoleDesc>({ k: 'count' }),
  instr: () => hole.imm32<HoleDesc>({ k: 'instr' }),
  callee: (ints = false) => hole.rel32<HoleDesc>(ints ? { k: 'callee', ints } : { k: 'callee' }),
  resumeTable: () => rip(hole.rel32<HoleDesc>({ k: 'resumeTable' })),
  moduleGlobals: () => rip(hole.rel32<HoleDesc>({ k: 'moduleGlobals' })),
  importChain: () => rip(hole.rel32<HoleDesc>({ k: 'importChain' })),
  moduleInfo: () => rip(hole.rel32<HoleDesc>({ k: 'moduleInfo' })),
  calleeCode: () => rip(hole.rel32<HoleDesc>({ k: 'calleeCode' })),
  global: (of = 0) => qword(rip(hole.rel32<HoleDesc>({ k: 'global', of }))),
  cache: (off = 0) => qword(rip(hole.rel32<HoleDesc>({ k: 'cache', off }))),
  /** [rip + this instruction's rooted cache word] (HoleDesc 'rootCache'). */
  rootCache: () => qword(rip(hole.rel32<HoleDesc>({ k: 'rootCache' }))),
  /** [rip + word `off` of the inline cache] without a size, for `lea`. */
  cacheAddr: (off = 0) => rip(hole.rel32<HoleDesc>({ k: 'cache', off })),
  code: () => rip(hole.rel32<HoleDesc>({ k: 'code' })),
  codeImm: () => hole.imm64<HoleDesc>({ k: 'code' }),
};

/** qword [rip + runtime symbol]. */
export function RT(name: string) {
  return qword(rip(sym(name)));
}
