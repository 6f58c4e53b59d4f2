// The stitcher: one code object -> machine code, by copying stencils and patching holes.
//
// Layout of a compiled function (one text chunk):
//
//   ENTER, INIT_LOCALS?, COPY_FREE_VARS?, MAKE_CELL*       prologue
//   one stencil per instruction (superinstructions cover several)
//   EXC_THUNK per raising instruction                     `mov esi, index; jmp handler`
//   HANDLER / HANDLER_NO_TB per exception-table target    traceback entry, then the handler
//   HANDLER / HANDLER_NO_TB for unwinding                 traceback entry, then UNWIND
//   UNWIND, EXIT                                          leave with EXC / with rax
//
// A non-generator function whose facts (facts.ts) remove checks has two copies of the
// instruction pieces: the optimized copy first (the entry falls into it), without the
// checks the facts make redundant, then the safe copy (every check). The optimized copy
// leaves for the safe copy through 'deopt' holes wherever a fact could break (a generic
// path, a failed guard); handlers, thunks and the exit are shared, and handler targets are
// the safe copy's. docs/native.md "Two copies of a function".
//
// Every stack position is a fixed slot (depths.ts), so holes become frame displacements;
// jumps become rel32 displacements between pieces; references to constants, globals,
// other functions and the runtime become relocations resolved by the linker. A stencil's
// trailing `jmp next` is dropped when the next piece follows directly.

import { type HoleSite } from '../asm/index.js';
import { type CodeObject, type ExceptionEntry, isGeneratorLike } from '../bytecode/code.js';
import { stackDepths } from '../bytecode/depths.js';
import { GENERIC, Op, type OpName, OPS } from '../bytecode/ops.js';
import { TEMPLATES } from '../../templates/index.js';
import { chainStep, encodeChain } from '../../templates/arith.js';
import { BOX_PREFIX, type Chunk, type ChunkReloc } from './image.js';
import { INT48_MAX, INT48_MIN, OBJ_TAG_BITS } from './layout.js';
import { analyzeFacts, Fact } from './facts.js';
import { encodeFlow, type Flow, type HoleDesc, type InstrView, type Stencil, stencilFor, type TemplateDef } from './stencil.js';

/** The two copies of a function body: SAFE (every check) and OPT (checks the facts make redundant left out). */
const SAFE = 0;
const OPT = 1;
type Copy = typeof SAFE | typeof OPT;

/** A 64-bit field: an immediate, or a symbol's address (`box:` prefix: as an object value). */
export type Word64 = { readonly imm: bigint } | { readonly symbol: string; readonly addend?: bigint };

/** What the stitcher needs from the program being compiled. */
export interface StitchEnv {
  constant(co: CodeObject, index: number): Word64;
  /** An interned str object for a name (attribute, global, variable). */
  name(text: string): Word64;
  builtin(name: string): Word64;
  /** Module global slot: symbol of the globals array and the byte offset of the slot. */
  global(co: CodeObject, name: string): { symbol: string; offset: number };
  codeSymbol(co: CodeObject): string;
  entrySymbol(co: CodeObject): string;
  /** Facts about instruction `i` (see templates: global kind, maybeUnbound, callee...). */
  facts(co: CodeObject, i: number): Record<string, string | number | boolean>;
  /** Symbol of the globals array of the module `co` belongs to. */
  moduleGlobals(co: CodeObject): string;
  /** Symbol of the import chain of IMPORT_NAME `i` (a module compiled into the program). */
  importChain(co: CodeObject, i: number): string;
  /** Symbol of the descriptor of the module `co` belongs to. */
  moduleInfo(co: CodeObject): string;
  /** Slots before the locals that the code uses itself (1 for class bodies: the namespace). */
  hiddenSlots(co: CodeObject): number;
  /** The code object the profile saw called at instruction `i`, if exactly one. */
  callee(co: CodeObject, i: number): CodeObject | null;
  /**
   * Writable, zero-filled words for instruction `i`'s inline cache: the same ones on every
   * call for (co, i), so the copies of an instruction (cold parts, ...) share them.
   */
  cache(co: CodeObject, i: number, words: number): { symbol: string; offset: number };
  /** Instruction `i`'s rooted cache word (zero-filled, scanned by the collector as a root). */
  rootCache(co: CodeObject, i: number): { symbol: string; offset: number };
}

/** One piece of the function: a stencil placed at an offset. */
export interface Placed {
  readonly stencil: Stencil;
  /** Instruction index, or -1 for pseudo pieces. */
  readonly instr: number;
  /** The op name shown in listings. */
  readonly label: string;
  offset: number;
  length: number;
}

export interface StitchedFunction {
  readonly chunk: Chunk;
  readonly pieces: readonly Placed[];
  /** Code offset of each instruction's first byte (-1: no code: unreachable or fused). */
  readonly instrOffsets: Int32Array;
  /** The same for the optimized copy (null: the function has one copy). */
  readonly optInstrOffsets: Int32Array | null;
  /** The op each instruction was compiled as. */
  readonly chosen: readonly string[];
  /** Generators: offset of the resume entry (else -1). */
  readonly resumeOffset: number;
}

interface PieceSpec {
  def: TemplateDef<any>;
  view: InstrView;
  instr: number;
  label: string;
  /** Resolutions specific to the piece: the 'slot' and 'count' holes, the target. */
  slot?: number;
  count?: number;
  /** Target piece key for 'target' holes of pseudo pieces. */
  targetKey?: string;
  key?: string;
  /** For the out-of-line part of a piece: that piece's index. */
  coldOf?: number;
  /** A piece placed before its instruction's piece (EVAL_BREAKER, guards): it falls into it. */
  prefix?: boolean;
  /** Which copy of the body an instruction piece belongs to (undefined: neither). */
  copy?: Copy;
  /** The safe copy's instruction a 'deopt' hole of the piece leaves for. */
  deoptTo?: number;
  /** The piece control goes to after this one (the int entry's prologue: past the guards). */
  nextPiece?: number;
}

/**
 * Suffix of a function's int entry symbol: the entry for callers that pass small ints in
 * every parameter (the optimized copy without its ENTRY_INT_GUARDs).
 */
export const INT_ENTRY_SUFFIX = '.ints';

function templateOf(op: string): TemplateDef<any> | undefined {
  return TEMPLATES.get(op);
}

/**
 * Which op each instruction compiles as: the profile's specialization when a template
 * exists for it (and, for a superinstruction, nothing jumps into the instructions it
 * fuses), else the generic op.
 */
export function chooseOps(co: CodeObject, profiled: readonly string[] | null, depths: Int32Array): string[] {
  const n = co.ops.length;
  const generic = Array.from(co.ops, (op) => OPS[GENERIC[op]].name as string);
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) {
    const d = OPS[GENERIC[co.ops[i]]];
    if (d.arg === 'jump') targets.add(co.args[i]);
  }
  for (const h of co.exceptionTable) targets.add(h.target);
  const out = generic.slice();
  if (profiled === null || profiled.length !== n) return out;
  for (let i = 0; i < n; i++) {
    const spec = profiled[i];
    if (spec === generic[i] || depths[i] < 0) continue;
    const def = templateOf(spec);
    const specDef = OPS.find((o) => o.name === spec);
    if (def === undefined || specDef === undefined) continue;
    // The specialization must belong to this instruction's family.
    if ((specDef.family ?? specDef.name) !== generic[i] && specDef.family !== OPS[GENERIC[co.ops[i]]].name) continue;
    const fuses = def.fuses ?? 0;
    let ok = true;
    for (let k = 1; k <= fuses; k++) if (i + k >= n || targets.has(i + k)) ok = false;
    if (!ok) continue;
    out[i] = spec;
  }
  return out;
}

function le32(b: Uint8Array, off: number, v: number): void {
  new DataView(b.buffer, b.byteOffset, b.byteLength).setInt32(off, v, true);
}

function le64(b: Uint8Array, off: number, v: bigint): void {
  new DataView(b.buffer, b.byteOffset, b.byteLength).setBigUint64(off, BigInt.asUintN(64, v), true);
}

/** Stitch one code object. `profiled` is the profile's op name per instruction, if any. */
export function stitchFunction(co: CodeObject, env: StitchEnv, profiled: readonly string[] | null): StitchedFunction {
  const n = co.ops.length;
  const depths = stackDepths(co);
  const chosen = chooseOps(co, profiled, depths);
  // Class bodies keep their namespace dict in a hidden slot 0 (env.hiddenSlots); every other
  // slot moves up by that much.
  const hidden = env.hiddenSlots(co);
  // Generator functions keep the generator in one more slot after the operand stack.
  const genSlot = hidden + co.nlocalsplus + co.stacksize;
  const frameSlots = genSlot + (isGeneratorLike(co) ? 1 : 0);
  const specs: PieceSpec[] = [];
  const pseudo = (op: string): TemplateDef<any> => {
    const d = templateOf(op);
    if (d === undefined) throw new Error(`no template for ${op}`);
    return d;
  };
  const view = (op: string, arg: number, next: InstrView['next'], depth: number, facts: InstrView['facts'] = {}): InstrView => ({ op: op as OpName, arg, next, depth, facts });

  // ---- prologue (for a generator function: making the generator, then its resume entry)
  // Coroutines and async generators are generators of other types (runtime/core/coro.ts).
  const isGen = isGeneratorLike(co);
  specs.push({ def: pseudo('ENTER'), view: view('ENTER', 0, null, 0), instr: -1, label: 'ENTER' });
  if (isGen) specs.push({ def: pseudo('GEN_PROLOGUE'), view: view('GEN_PROLOGUE', 0, null, 0), instr: -1, label: 'GEN_PROLOGUE' });
  const params = co.argcount + co.kwonlyargcount + ((co.flags & 0x4) !== 0 ? 1 : 0) + ((co.flags & 0x8) !== 0 ? 1 : 0);
  const nfree = co.freevars.length;
  const ncells = co.cellvars.length;
  // Cells are set by MAKE_CELL and free variables by COPY_FREE_VARS; stale words in other
  // slots are harmless (the collector validates every word it scans).
  const toInit = co.nlocals - params;
  if (toInit > 0) specs.push({ def: pseudo('INIT_LOCALS'), view: view('INIT_LOCALS', 0, null, 0), instr: -1, label: 'INIT_LOCALS', slot: hidden + params, count: toInit });
  if (nfree > 0) specs.push({ def: pseudo('COPY_FREE_VARS'), view: view('COPY_FREE_VARS', 0, null, 0), instr: -1, label: 'COPY_FREE_VARS', slot: hidden + co.nlocals + ncells });
  for (let c = 0; c < ncells; c++) {
    const fromArg = co.cell2arg[c];
    specs.push({ def: pseudo('MAKE_CELL'), view: view('MAKE_CELL', c, { op: 'NOP', arg: fromArg }, 0), instr: -1, label: 'MAKE_CELL' });
  }

  let resumeEntryPiece = -1;
  if (isGen) {
    specs.push({ def: pseudo('GEN_CREATE'), view: view('GEN_CREATE', 0, null, 0), instr: -1, label: 'GEN_CREATE' });
    resumeEntryPiece = specs.length;
    specs.push({ def: pseudo('GEN_RESUME_ENTRY'), view: view('GEN_RESUME_ENTRY', 0, null, 0), instr: -1, label: 'GEN_RESUME_ENTRY' });
  }

  // ---- instructions: the optimized copy (the entry, when there is one), then the safe copy
  // Instructions with a predecessor other than the previous one: they start with nothing
  // known in registers (Flow).
  const joins = new Set<number>([0]);
  /** Int chains by first instruction: their steps (encodeChain), set below. */
  const chainSteps = new Map<number, string>();
  for (let i = 0; i < n; i++) if (OPS[GENERIC[co.ops[i]]].arg === 'jump') joins.add(co.args[i]);
  for (const h of co.exceptionTable) joins.add(h.target);
  // Backward jumps check for a pending SIGINT first, as CPython's eval breaker does at
  // JUMP_BACKWARD (runtime/core/signals.ts): an EVAL_BREAKER piece before the jump's piece
  // (or before the superinstruction covering it), raising at the jump's index.
  const backJumps = new Set<number>();
  for (let i = 0; i < n; i++) if (OPS[GENERIC[co.ops[i]]].arg === 'jump' && co.args[i] <= i) backJumps.add(i);
  const smallIntConst = (i: number): boolean => {
    if (i >= n || OPS[GENERIC[co.ops[i]]].arg !== 'const') return false;
    const c = co.consts[co.args[i]];
    return c.k === 'int' && BigInt(c.v) >= INT48_MIN && BigInt(c.v) <= INT48_MAX;
  };
  const baseFacts = (i: number): Record<string, string | number | boolean> => {
    const facts: Record<string, string | number | boolean> = { ...env.facts(co, i) };
    const chain = chainSteps.get(i);
    if (chain !== undefined) facts.chain = chain;
    if (smallIntConst(i)) facts.smallIntConst = true;
    if (smallIntConst(i + 1)) facts.smallIntConstNext = true;
    // The top of the stack is that constant when only the previous instruction leads here.
    if (i > 0 && !joins.has(i) && GENERIC[co.ops[i - 1]] === Op.LOAD_CONST && smallIntConst(i - 1)) {
      const c = co.consts[co.args[i - 1]];
      if (c.k === 'int') facts.topSmallInt = Number(c.v);
    }
    if (i + 1 < n) {
      const nf = env.facts(co, i + 1);
      if (nf.maybeUnbound !== undefined) facts.maybeUnboundNext = nf.maybeUnbound;
    }
    return facts;
  };
  const nextView = (i: number): InstrView['next'] => (i + 1 < n ? { op: OPS[GENERIC[co.ops[i + 1]]].name as OpName, arg: co.args[i + 1] } : null);
  // The profiled specialization, unless its template cannot take this instance (then the
  // generic op, which every template set has). Decided before the facts, which read it.
  for (let i = 0; i < n; i++) {
    const genericName = OPS[GENERIC[co.ops[i]]].name;
    if (depths[i] < 0 || chosen[i] === genericName) continue;
    const def = templateOf(chosen[i]);
    try {
      if (def === undefined) throw new Error('no template');
      stencilFor(def, def.variant ? def.variant(view(chosen[i], co.args[i], nextView(i), depths[i], baseFacts(i))) : {});
    } catch {
      chosen[i] = genericName;
    }
  }
  // Int chains (templates/arith.ts intChainTemplate): a BINARY_OP that compiles as an int
  // op or the generic one, followed by (small-int LOAD_CONST, BINARY_OP) pairs that no jump
  // lands in and no superinstruction spans, compiles as one piece with 64-bit intermediates.
  // Its fast path jumps past the pairs (a join there), its slow path runs them as they are.
  {
    const startOps = new Set(['BINARY_OP', 'BINARY_OP_ADD_INT', 'BINARY_OP_SUB_INT', 'BINARY_OP_MUL_INT', 'BINARY_OP_FLOORDIV_INT', 'BINARY_OP_MOD_INT', 'BINARY_OP_BITWISE_INT']);
    const fusesOf = (j: number): number => (j >= 0 && j < n ? (templateOf(chosen[j])?.fuses ?? 0) : 0);
    const constOf = (j: number): bigint | null => (smallIntConst(j) ? BigInt((co.consts[co.args[j]] as { v: string | number | bigint }).v) : null);
    const isBinop = (j: number): boolean => j < n && GENERIC[co.ops[j]] === Op.BINARY_OP && depths[j] >= 0;
    for (let i = 0; i < n; i++) {
      if (!isBinop(i) || !startOps.has(chosen[i]) || fusesOf(i - 1) > 0) continue;
      const right = i > 0 && !joins.has(i) && GENERIC[co.ops[i - 1]] === Op.LOAD_CONST ? constOf(i - 1) : null;
      const first = chainStep(co.args[i], right) ?? (right !== null ? chainStep(co.args[i], null) : null);
      if (first === null) continue;
      const steps = [first];
      let j = i + 1;
      while (isBinop(j + 1) && !joins.has(j) && !joins.has(j + 1) && constOf(j) !== null && fusesOf(j) === 0 && fusesOf(j + 1) === 0) {
        const step = chainStep(co.args[j + 1], constOf(j));
        if (step === null) break;
        steps.push(step);
        j += 2;
      }
      // One op alone: only a shift or bitwise op by a constant the profile left generic
      // (the interpreter does not specialize shifts); the *_INT templates do the rest.
      const alone = steps.length === 1 && chosen[i] === 'BINARY_OP' && first.c !== null && ['>>', '<<', '&', '|', '^'].includes(first.op);
      if (steps.length < 2 && !alone) continue;
      chainSteps.set(i, encodeChain(steps));
      chosen[i] = 'BINARY_OP_INT_CHAIN';
      if (steps.length > 1) joins.add(j);
      i = j - 1;
    }
  }
  const facts = analyzeFacts(co, chosen, depths);
  const optimized = facts !== null && facts.useful;
  /** Code of each instruction per copy: [SAFE] and [OPT] (-1: none, -2: covered by a superinstruction). */
  const instrPiece: [Int32Array, Int32Array] = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)];
  /** Instructions of the safe copy that the optimized copy deoptimizes to (joins there). */
  const deoptTargets = new Set<number>();
  const firstInstrPiece = specs.length;
  /** Pieces a generator resumes at: [0] the body's start, [k] after yield k. */
  const resumePieces: number[] = [];
  const hasDeopt = (st: Stencil): boolean => st.holes.some((h) => h.desc.k === 'deopt') || (st.cold !== null && hasDeopt(st.cold));
  const pushPiece = (spec: PieceSpec): void => {
    specs.push(spec);
    if (spec.copy === OPT && hasDeopt(stencilFor(spec.def, spec.def.variant ? spec.def.variant(spec.view) : {}))) {
      if (spec.deoptTo === undefined) throw new Error(`${spec.label}: a deopt without a target`);
      deoptTargets.add(spec.deoptTo);
    }
  };
  /** The facts instruction i compiles with in a copy, given what reaches it in registers. */
  const instrFacts = (copy: Copy, i: number, incoming: Flow | null): Record<string, string | number | boolean> => {
    const stackFacts = copy === OPT ? facts!.stack[i] : null;
    const ifacts = baseFacts(i);
    let flow = incoming;
    if (stackFacts !== null) {
      // What the facts know about the operands (the two top positions) joins the flow.
      const ints = [...(incoming?.ints ?? [])];
      for (const pos of [-1, -2]) if (stackFacts[stackFacts.length + pos] === Fact.Int) ints.push(pos);
      flow = { ...(incoming ?? {}), ints };
      if (stackFacts[stackFacts.length - 1] === Fact.RangeIter) ifacts.rangeIter = true;
      ifacts.opt = true;
    }
    const encoded = encodeFlow(flow);
    if (encoded !== '') ifacts.flow = encoded;
    return ifacts;
  };
  /**
   * Optimized copy: whether the pushes of instruction i (op `def`) need not be stored to
   * their slots, because the instruction after it (only reached from it) takes them from
   * the registers i leaves them in and never reads those slots or leaves before
   * overwriting them (TemplateDef.registerOperands). Handlers drop those slots (they are
   * above every handler's depth) and the collector ignores stale slots.
   */
  const storesDead = (i: number, def: TemplateDef<any>, v: InstrView): boolean => {
    if (def.lazyStores !== true || def.out === undefined) return false;
    const j = i + 1 + (def.fuses ?? 0);
    if (j >= n || joins.has(j) || depths[j] < 0 || facts!.stack[j] === null) return false;
    const dj = templateOf(chosen[j]);
    if (dj === undefined || dj.registerOperands === undefined) return false;
    const out = def.out(def.variant ? def.variant(v) : {}, v);
    if (out === null) return false;
    const vj = view(chosen[j], co.args[j], nextView(j), depths[j], instrFacts(OPT, j, out));
    return dj.registerOperands(dj.variant ? dj.variant(vj) : {});
  };
  const emitCopy = (copy: Copy): void => {
    const pieceOf = instrPiece[copy];
    let incoming: Flow | null = null;
    for (let i = 0; i < n; i++) {
      if (depths[i] < 0 || (copy === OPT && facts!.stack[i] === null)) {
        incoming = null;
        continue;
      }
      if (joins.has(i) || (copy === SAFE && deoptTargets.has(i))) incoming = null;
      const genericName = OPS[GENERIC[co.ops[i]]].name;
      const next = nextView(i);
      const ifacts = instrFacts(copy, i, incoming);
      const op = chosen[i];
      const def = templateOf(op);
      if (def === undefined) throw new Error(`${co.qualname}: no template for ${op}`);
      const fuses = def.fuses ?? 0;
      if (copy === OPT && storesDead(i, def, view(op, co.args[i], next, depths[i], ifacts))) ifacts.lazy = true;
      pieceOf[i] = specs.length;
      if (resumePieces.length === 0 && isGen) resumePieces.push(specs.length);
      if (copy === OPT && i === 0) {
        // Parameters the facts take for small ints are checked once, on entry.
        for (const param of facts!.intParams) {
          pushPiece({ def: pseudo('ENTRY_INT_GUARD'), view: view('ENTRY_INT_GUARD', param, null, 0), instr: 0, label: 'ENTRY_INT_GUARD', prefix: true, copy, deoptTo: 0 });
        }
        if (facts!.intParams.length > 0) afterGuards = specs.length;
      }
      if (copy === OPT && i > 0 && facts!.guardedIters.has(i - 1)) {
        // The iterator GET_ITER made is a range_iterator: checked once before the loop.
        pushPiece({ def: pseudo('RANGE_ITER_GUARD'), view: view('RANGE_ITER_GUARD', 0, null, depths[i]), instr: i, label: 'RANGE_ITER_GUARD', prefix: true, copy, deoptTo: i });
      }
      for (let k = i; k <= i + fuses; k++) {
        if (backJumps.has(k)) pushPiece({ def: pseudo('EVAL_BREAKER'), view: view('EVAL_BREAKER', 0, null, depths[i]), instr: k, label: 'EVAL_BREAKER', prefix: true, copy });
      }
      // An instruction may name a frame slot for its 'slot' hole (the __class__ cell of super()).
      const slot = typeof ifacts.slot === 'number' ? hidden + ifacts.slot : undefined;
      if (genericName === 'YIELD_VALUE') {
        // Yield k saves the live frame (below the yielded value's slot, inclusive) and leaves;
        // the generator comes back at the RESUME_AFTER_YIELD piece that follows it.
        const k = resumePieces.length;
        // The yield of a `yield from`/`await` loop (after SEND): the generator delegates to the
        // iterator below the value while suspended there (rt_gen_yield, CPython's _PyGen_yf).
        if (i > 0 && GENERIC[co.ops[i - 1]] === Op.SEND) ifacts.delegating = true;
        const v = view(op, co.args[i], next, depths[i], ifacts);
        pushPiece({ def, view: v, instr: i, label: op, slot: hidden + co.nlocalsplus + depths[i], count: k, copy });
        resumePieces.push(specs.length);
        pushPiece({ def: pseudo('RESUME_AFTER_YIELD'), view: v, instr: i, label: 'RESUME_AFTER_YIELD', copy });
        incoming = null;
        continue;
      }
      const v = view(op, co.args[i], next, depths[i], ifacts);
      pushPiece({ def, view: v, instr: i, label: op, slot, copy, deoptTo: i + 1 + fuses });
      incoming = def.out ? def.out(def.variant ? def.variant(v) : {}, v) : null;
      if (fuses > 0) {
        for (let k = 1; k <= fuses; k++) pieceOf[i + k] = -2; // covered by i
        i += fuses;
      }
    }
  };
  /** The optimized copy's first piece after its ENTRY_INT_GUARDs (-1: no guards). */
  let afterGuards = -1;
  if (optimized) emitCopy(OPT);
  emitCopy(SAFE);
  // The int entry (symbol `<entry>.ints`): for callers whose arguments are known small ints
  // (templates/calls.ts), the prologue again, then the optimized copy past its guards. Only
  // for prologues that are ENTER and INIT_LOCALS (both end in a `jmp next` the normal
  // entry's layout drops); elsewhere `<entry>.ints` is the entry itself.
  let intEntryPiece = -1;
  if (afterGuards >= 0 && !isGen && nfree === 0 && ncells === 0) {
    intEntryPiece = specs.length;
    for (let p = 0; p < firstInstrPiece; p++) specs.push({ ...specs[p], prefix: true });
    specs[specs.length - 1].nextPiece = afterGuards;
  }
  const endOfBody = specs.length;

  // ---- exception paths
  const handlerKey = (h: ExceptionEntry | null, tb: boolean): string => `${tb ? 'H' : 'N'}:${h === null ? 'unwind' : `${h.target}@${h.depth}`}`;
  const handlerOf = (i: number): ExceptionEntry | null => {
    for (const e of co.exceptionTable) if (i >= e.start && i < e.end) return e;
    return null;
  };
  const thunkPiece = new Map<number, number>();
  const handlers = new Map<string, PieceSpec>();
  // A function with loops: unwinding drops the generators its loops own (rt_drop_loop_iters).
  // A comprehension's iterator is its argument `.0`: leaving by an exception drops its locals.
  const isComprehension = /^<(listcomp|setcomp|dictcomp|genexpr)>$/.test(co.name);
  const dropsLoops = isComprehension || co.ops.some((o) => GENERIC[o] === Op.GET_ITER || GENERIC[o] === Op.GET_AITER);
  const needHandler = (h: ExceptionEntry | null, tb: boolean): string => {
    const key = handlerKey(h, tb);
    if (!handlers.has(key)) {
      const def = pseudo(tb ? 'HANDLER' : 'HANDLER_NO_TB');
      handlers.set(key, {
        def,
        view: view(def.op, 0, null, 0, { handled: h !== null, dropsLoops, lasti: h?.lasti === true, compLocals: h === null && isComprehension ? co.nlocalsplus : 0 }),
        instr: -1,
        label: key,
        key,
        // Unwinding out of the frame: the slot is the first of the value stack.
        slot: h === null ? (dropsLoops ? hidden + (isComprehension ? 0 : co.nlocalsplus) : undefined) : hidden + co.nlocalsplus + h.depth + (h.lasti ? 1 : 0),
      });
    }
    return key;
  };
  const stencils = specs.map((s) => stencilFor(s.def, s.def.variant ? s.def.variant(s.view) : {}));
  // ---- out-of-line parts (slow paths) after the body, in instruction order
  const coldPiece = new Map<number, number>();
  for (let p = 0; p < endOfBody; p++) {
    const c = stencils[p].cold;
    if (c === null) continue;
    coldPiece.set(p, specs.length);
    specs.push({ ...specs[p], label: `${specs[p].label} (cold)`, coldOf: p });
    stencils.push(c);
  }
  const endOfCold = specs.length;
  for (let p = firstInstrPiece; p < endOfCold; p++) {
    if (p >= endOfBody && specs[p].coldOf === undefined) continue;
    const st = stencils[p];
    const i = specs[p].instr;
    const h = handlerOf(i);
    if (st.holes.some((x) => x.desc.k === 'exc') && !thunkPiece.has(i)) {
      const key = needHandler(h, true);
      thunkPiece.set(i, specs.length);
      const def = pseudo('EXC_THUNK');
      specs.push({ def, view: view('EXC_THUNK', 0, null, 0), instr: i, label: 'EXC_THUNK', targetKey: key });
      stencils.push(stencilFor(def, {}));
    }
    if (st.holes.some((x) => x.desc.k === 'reraise')) needHandler(h, false);
  }
  const handlerStart = specs.length;
  for (const spec of handlers.values()) {
    specs.push(spec);
    stencils.push(stencilFor(spec.def, spec.def.variant ? spec.def.variant(spec.view) : {}));
  }
  const unwindPiece = specs.length;
  specs.push({ def: pseudo('UNWIND'), view: view('UNWIND', 0, null, 0), instr: -1, label: 'UNWIND' });
  stencils.push(stencilFor(pseudo('UNWIND'), {}));
  const exitPiece = specs.length;
  specs.push({ def: pseudo('EXIT'), view: view('EXIT', 0, null, 0), instr: -1, label: 'EXIT' });
  stencils.push(stencilFor(pseudo('EXIT'), {}));
  const handlerPieceByKey = new Map<string, number>();
  for (let p = handlerStart; p < unwindPiece; p++) handlerPieceByKey.set(specs[p].key!, p);

  // ---- layout: a trailing `jmp next` goes when `next` is the following piece.
  const nextPieceOf = (p: number): number => {
    // The piece control falls to after piece p: the next instruction's piece for body
    // pieces (skipping covered/unreachable instructions) and their cold parts, the
    // following piece otherwise.
    const owner = specs[p].coldOf;
    if (owner !== undefined) return nextPieceOf(owner);
    if (specs[p].nextPiece !== undefined) return specs[p].nextPiece;
    if (p >= firstInstrPiece && p < endOfBody && specs[p].prefix !== true) {
      const i = specs[p].instr;
      const fuses = specs[p].def.fuses ?? 0;
      const pieceOf = instrPiece[specs[p].copy!];
      for (let j = i + 1 + fuses; j < n; j++) if (pieceOf[j] >= 0) return pieceOf[j];
      return -1;
    }
    return p + 1;
  };
  const placed: Placed[] = [];
  let offset = 0;
  for (let p = 0; p < specs.length; p++) {
    const st = stencils[p];
    const fallsIntoNext = nextPieceOf(p) === p + 1;
    const length = fallsIntoNext ? st.fallLength : st.bytes.length;
    placed.push({ stencil: st, instr: specs[p].instr, label: specs[p].label, offset, length });
    offset += length;
  }
  // A generator's resume table (8-byte entries) follows the code.
  const tableOffset = isGen ? Math.ceil(offset / 8) * 8 : -1;
  if (isGen) offset = tableOffset + 8 * resumePieces.length;
  const bytes = new Uint8Array(offset);
  const relocs: ChunkReloc[] = [];
  const symbolName = env.entrySymbol(co);
  if (isGen) {
    resumePieces.forEach((p, k) => relocs.push({ offset: tableOffset + 8 * k, kind: 'abs64', symbol: symbolName, addend: BigInt(placed[p].offset) }));
  }

  const instrOffsets = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (instrPiece[SAFE][i] >= 0) instrOffsets[i] = placed[instrPiece[SAFE][i]].offset;
  const optOffsets = optimized ? new Int32Array(n).fill(-1) : null;
  if (optOffsets !== null) for (let i = 0; i < n; i++) if (instrPiece[OPT][i] >= 0) optOffsets[i] = placed[instrPiece[OPT][i]].offset;
  const instrStart = (i: number, copy: Copy = SAFE): number => {
    const pieceOf = instrPiece[copy];
    if (i < 0 || i >= n || pieceOf[i] < 0) throw new Error(`${co.qualname}: jump to instruction ${i} without code`);
    return placed[pieceOf[i]].offset;
  };

  for (let p = 0; p < specs.length; p++) {
    const spec = specs[p];
    const pl = placed[p];
    const st = pl.stencil;
    bytes.set(st.bytes.subarray(0, pl.length), pl.offset);
    const i = spec.instr;
    const arg = (of: number): number => (of === 0 ? spec.view.arg : spec.view.next!.arg);
    const at = (site: HoleSite<HoleDesc>): number => pl.offset + site.offset;
    const rel = (site: HoleSite<HoleDesc>, target: number): void => {
      le32(bytes, at(site), target - (pl.offset + site.pcBase!));
    };
    const relSym = (site: HoleSite<HoleDesc>, symbol: string, addend: number): void => {
      relocs.push({ offset: at(site), kind: 'rel32', symbol, addend: BigInt(addend - (site.pcBase! - site.offset)) });
    };
    const word64 = (site: HoleSite<HoleDesc>, w: Word64): void => {
      if ('imm' in w) le64(bytes, at(site), w.imm);
      else if (w.symbol.startsWith(BOX_PREFIX)) relocs.push({ offset: at(site), kind: 'abs64', symbol: w.symbol.slice(BOX_PREFIX.length), addend: (w.addend ?? 0n) + OBJ_TAG_BITS });
      else relocs.push({ offset: at(site), kind: 'abs64', symbol: w.symbol, addend: w.addend ?? 0n });
    };
    for (const site of st.holes) {
      if (site.offset + site.width > pl.length) continue; // in the dropped trailing jump
      const d = site.desc;
      switch (d.k) {
        case 'stack':
          le32(bytes, at(site), 8 * (hidden + co.nlocalsplus + spec.view.depth + d.pos - d.back * spec.view.arg));
          break;
        case 'local':
          le32(bytes, at(site), 8 * (hidden + arg(d.of)));
          break;
        case 'deref':
          le32(bytes, at(site), 8 * (hidden + co.nlocals + arg(d.of)));
          break;
        case 'slot':
          if (spec.slot === undefined) throw new Error(`${spec.label}: no slot`);
          le32(bytes, at(site), 8 * spec.slot);
          break;
        case 'count':
          if (spec.count === undefined) throw new Error(`${spec.label}: no count`);
          le32(bytes, at(site), spec.count);
          break;
        case 'frameBytes':
          le32(bytes, at(site), 8 * frameSlots);
          break;
        case 'arg':
          le32(bytes, at(site), arg(d.of));
          break;
        case 'instr':
          le32(bytes, at(site), i);
          break;
        case 'const':
          word64(site, env.constant(co, arg(d.of)));
          break;
        case 'name':
          word64(site, env.name(co.names[arg(d.of)]));
          break;
        case 'varname': {
          const a = arg(d.of);
          const all = [...co.varnames, ...co.cellvars, ...co.freevars];
          const isDeref = spec.view.op.includes('DEREF');
          word64(site, env.name(isDeref ? all[co.nlocals + a] : co.varnames[a]));
          break;
        }
        case 'builtin':
          word64(site, env.builtin(co.names[arg(d.of)]));
          break;
        case 'global': {
          const g = env.global(co, co.names[arg(d.of)]);
          relSym(site, g.symbol, g.offset);
          break;
        }
        case 'target':
          if (spec.targetKey !== undefined) rel(site, placed[handlerPieceByKey.get(spec.targetKey)!].offset);
          else if (i === -1 && spec.key !== undefined) {
            // A handler block: the handler's first instruction.
            const h = co.exceptionTable.find((e) => spec.key === handlerKey(e, true) || spec.key === handlerKey(e, false))!;
            // Handlers are the safe copy's code (the optimized copy has no exception edges).
            rel(site, instrStart(h.target));
          } else rel(site, instrStart(arg(d.of), spec.copy ?? SAFE));
          break;
        case 'next': {
          const np = nextPieceOf(p);
          if (np < 0) throw new Error(`${co.qualname}: control falls off the end after ${spec.label}`);
          rel(site, placed[np].offset);
          break;
        }
        case 'after':
          rel(site, instrStart(i + 1 + d.of, spec.copy ?? SAFE));
          break;
        case 'exc':
          rel(site, placed[thunkPiece.get(i)!].offset);
          break;
        case 'deopt':
          if (spec.copy !== OPT || spec.deoptTo === undefined) throw new Error(`${spec.label}: deopt outside the optimized copy`);
          rel(site, instrStart(spec.deoptTo, SAFE));
          break;
        case 'reraise':
          rel(site, placed[handlerPieceByKey.get(handlerKey(handlerOf(i), false))!].offset);
          break;
        case 'unwind':
          rel(site, placed[unwindPiece].offset);
          break;
        case 'exit':
          rel(site, placed[exitPiece].offset);
          break;
        case 'code':
          if (site.kind === 'rel32') relSym(site, env.codeSymbol(co), 0);
          else word64(site, { symbol: env.codeSymbol(co) });
          break;
        case 'callee':
        case 'calleeCode': {
          const callee = env.callee(co, i);
          if (callee === null) throw new Error(`${co.qualname}: instruction ${i} has no profiled callee`);
          relSym(site, d.k === 'callee' ? `${env.entrySymbol(callee)}${d.ints === true ? INT_ENTRY_SUFFIX : ''}` : env.codeSymbol(callee), 0);
          break;
        }
        case 'cache': {
          const words = specs[spec.coldOf ?? p].def.cacheWords ?? 0;
          if (d.off >= words || i < 0) throw new Error(`${spec.label}: cache word ${d.off} outside its ${words} words (TemplateDef.cacheWords)`);
          const c = env.cache(co, i, words);
          relSym(site, c.symbol, c.offset + 8 * d.off);
          break;
        }
        case 'rootCache': {
          if (i < 0) throw new Error(`${spec.label}: a rooted cache word outside an instruction`);
          const c = env.rootCache(co, i);
          relSym(site, c.symbol, c.offset);
          break;
        }
        case 'resumeTable':
          rel(site, tableOffset);
          break;
        case 'genSlot':
          le32(bytes, at(site), 8 * genSlot);
          break;
        case 'moduleGlobals':
          relSym(site, env.moduleGlobals(co), 0);
          break;
        case 'importChain':
          relSym(site, env.importChain(co, i), 0);
          break;
        case 'moduleInfo':
          relSym(site, env.moduleInfo(co), 0);
          break;
        case 'cold': {
          const owner = spec.coldOf ?? p;
          const cp = spec.coldOf !== undefined ? p : coldPiece.get(p);
          if (cp === undefined) throw new Error(`${spec.label}: no cold part`);
          rel(site, placed[cp].offset + stencils[owner].coldEntries[d.id]);
          break;
        }
      }
    }
    for (const r of st.relocs) {
      if (r.offset >= pl.length) continue;
      if (r.target.kind !== 'extern') throw new Error('stencil self reference');
      const name = r.target.name;
      if (name.startsWith(BOX_PREFIX)) relocs.push({ offset: pl.offset + r.offset, kind: r.kind, symbol: name.slice(BOX_PREFIX.length), addend: BigInt(r.addend) + OBJ_TAG_BITS });
      else relocs.push({ offset: pl.offset + r.offset, kind: r.kind, symbol: name, addend: BigInt(r.addend) });
    }
  }
  const chunk: Chunk = {
    name: symbolName,
    section: 'text',
    bytes,
    align: 16,
    symbols: [
      { name: symbolName, offset: 0, size: bytes.length, kind: 'function' },
      { name: `${symbolName}${INT_ENTRY_SUFFIX}`, offset: intEntryPiece >= 0 ? placed[intEntryPiece].offset : 0, size: 0, kind: 'function', local: true },
    ],
    relocs,
  };
  return { chunk, pieces: placed, instrOffsets, optInstrOffsets: optOffsets, chosen, resumeOffset: resumeEntryPiece >= 0 ? placed[resumeEntryPiece].offset : -1 };
}
