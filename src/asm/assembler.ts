// The Assembler: an instruction stream with labels, branch relaxation, alignment,
// raw data, copy-and-patch holes, relocations and a listing.
//
// Role: the front of the in-house x86-64 assembler. The hand-written runtime and the
// copy-and-patch templates are both written against this class:
//     const a = new Assembler<MyHole>();
//     const loop = a.newLabel('loop');
//     a.bind(loop); a.dec(rcx); a.jne(loop); a.ret();
//     const out = a.finish();   // bytes, holes, relocs, label offsets, listing
// Every mnemonic of the encoding table (table.ts) is a method taking typed operands.
//
// Pipeline inside: each call is encoded at once (encoder.ts) into bytes + fixups,
// except jumps to labels, which keep both their rel8 and rel32 encodings. finish()
// lays the items out, starting every such jump short and growing the ones whose
// target is out of rel8 range until nothing changes (jumps only ever grow, so this
// reaches a fixed point in at most one pass per jump), then copies bytes, resolves
// label fixups, and reports holes and relocations.
//
// Invariants:
// - Offsets in the output are relative to its first byte; the output must be placed
//   at an address aligned to `alignment` for align() to hold.
// - Holes and relocations are reported, never resolved: their bytes are zero.
// - PC-relative values (rel8/rel32, RIP displacements) are relative to the end of the
//   instruction, as the CPU computes them (SDM Vol. 2A, 2.2.1.6 and "JMP").

import {
  AsmError, HOLE_WIDTH, type Hole, type HoleKind, type Imm, type Label, type Operand, type Sym,
} from './operands.js';
import {
  type Cond, type CondAlias, COND_ALIASES, CONDS, type Mnemonic, MNEMONICS, NOPS,
} from './table.js';
import { type Encoded, type Fixup, encodeForm, formsOf, immValue, selectForm } from './encoder.js';
import { type ListEntry, type RenderCtx, renderInsn, hex, holeText } from './listing.js';

/** A hole as reported to the stitcher. */
export interface HoleSite<K> {
  /** Byte offset of the field in the output. */
  readonly offset: number;
  readonly width: 1 | 2 | 4 | 8;
  readonly kind: HoleKind;
  readonly desc: K;
  /** Offset of the instruction (or data item) containing the hole. */
  readonly insnOffset: number;
  /**
   * The CPU reads the field as signed: displacements, rel32, and immediates that are
   * sign-extended to a wider operation (`mov rax, imm32`, `add r64, imm32`, push).
   * A patched value must then lie in [-2^(8w-1), 2^(8w-1)); otherwise any w-byte
   * pattern is meaningful (`mov eax, imm32`, `movabs`, data words).
   */
  readonly signed: boolean;
  /**
   * rel32 holes only: the offset the displacement is relative to (the end of the
   * instruction). Patch with `target - (placement + pcBase)`.
   */
  readonly pcBase?: number;
}

/** What a relocation refers to: an external symbol, or this output's own start. */
export type RelocTarget = { readonly kind: 'extern'; readonly name: string } | { readonly kind: 'self' };

/**
 * A relocation in ELF x86-64 terms (System V ABI, AMD64 supplement, 4.4):
 *   rel32: write int32(S + A - P)   (R_X86_64_PC32 / PLT32; P = address of the field)
 *   abs64: write S + A              (R_X86_64_64)
 * S is the target's address; for `self` it is the address the output is placed at.
 */
export interface Reloc {
  readonly offset: number;
  readonly kind: 'rel32' | 'abs64';
  readonly target: RelocTarget;
  readonly addend: number;
}

export interface AsmOutput<K> {
  readonly bytes: Uint8Array;
  readonly holes: readonly HoleSite<K>[];
  readonly relocs: readonly Reloc[];
  readonly listing: readonly ListEntry[];
  /** The largest align() requested: the output's own placement alignment. */
  readonly alignment: number;
  /** Every bound label with its final offset, in binding order. */
  readonly labels: readonly { readonly label: Label; readonly offset: number }[];
  /** Final offset of a bound label (for symbol tables: function start/end). */
  offsetOf(label: Label): number;
}

export interface AssemblerOptions<K> {
  /** How holes print in the listing: `<imm64:${describeHole(desc)}>`. */
  readonly describeHole?: (desc: K) => string;
}

export type AlignFill = 'nop' | 'int3' | 'zero';

type Item<K> =
  | { readonly t: 'insn'; readonly enc: Encoded<K>; readonly ops: readonly Operand<K>[] }
  | {
    readonly t: 'jump';
    readonly short: Encoded<K>;
    readonly long: Encoded<K>;
    readonly ops: readonly Operand<K>[];
    isLong: boolean;
  }
  | { readonly t: 'bind'; readonly label: Label }
  | { readonly t: 'align'; readonly n: number; readonly fill: AlignFill }
  | {
    readonly t: 'data';
    /** 'insn' for NOP sequences emitted as bytes, 'data' otherwise. */
    readonly kind: 'insn' | 'data';
    readonly bytes: Uint8Array;
    readonly fixups: readonly Fixup<K>[];
    /** Listing text (names mode, raw mode) produced once labels are placed. */
    readonly text: (labelOffset: (l: Label) => number) => readonly [string, string];
  };

type CondMnemonicOf<P extends string> = `${P}${Cond}` | `${P}${CondAlias}`;
type MethodName = Mnemonic | CondMnemonicOf<'j'> | CondMnemonicOf<'set'> | CondMnemonicOf<'cmov'>;

/** One method per mnemonic (and condition-code alias), taking typed operands. */
export type InsnMethods<K> = { readonly [M in MethodName]: (...ops: Operand<K>[]) => void };

let nextOwner = 1;

function defaultDescribe(desc: unknown): string {
  if (typeof desc === 'string' || typeof desc === 'number' || typeof desc === 'bigint') return String(desc);
  if (typeof desc === 'object' && desc !== null && 'name' in desc) return String((desc as { name: unknown }).name);
  return JSON.stringify(desc) ?? String(desc);
}

export function canonicalCond(c: Cond | CondAlias): Cond {
  return (CONDS as readonly string[]).includes(c) ? (c as Cond) : COND_ALIASES[c as CondAlias];
}

function isInt(v: number, lo: number, hi: number): boolean {
  return Number.isSafeInteger(v) && v >= lo && v <= hi;
}

// The class and the interface merge: the interface adds the generated per-mnemonic
// methods installed on the prototype below.
export interface Assembler<K = never> extends InsnMethods<K> {}

export class Assembler<K = never> {
  private readonly items: Item<K>[] = [];
  private readonly labelList: Label[] = [];
  private readonly bound: boolean[] = [];
  private readonly owner = nextOwner++;
  private readonly describe: (desc: K) => string;
  private maxAlign = 1;
  private finished = false;

  constructor(opts: AssemblerOptions<K> = {}) {
    this.describe = opts.describeHole ?? defaultDescribe;
  }

  // ---- labels ---------------------------------------------------------------

  /** A new, unbound label; `name` is for the listing (default `.L<n>`). */
  newLabel(name?: string): Label {
    const id = this.labelList.length;
    const l: Label = Object.freeze({ kind: 'label', id, name: name ?? `.L${id}`, owner: this.owner });
    this.labelList.push(l);
    this.bound.push(false);
    return l;
  }

  /** Bind `l` to the current position. */
  bind(l: Label): void {
    this.checkOpen();
    this.checkLabel(l);
    if (this.bound[l.id]) throw new AsmError(`label ${l.name} is bound twice`);
    this.bound[l.id] = true;
    this.items.push({ t: 'bind', label: l });
  }

  /** A new label bound here. */
  label(name?: string): Label {
    const l = this.newLabel(name);
    this.bind(l);
    return l;
  }

  // ---- instructions ---------------------------------------------------------

  /**
   * Emit one instruction. The per-mnemonic methods (`a.mov(rax, rbx)`) call this;
   * it is public for table-driven callers.
   */
  emit(mn: Mnemonic, ...ops: Operand<K>[]): void {
    this.checkOpen();
    for (const op of ops) this.checkOperand(op);
    const forms = formsOf(mn);
    const target = ops[0];
    if (ops.length === 1 && typeof target === 'object' && target.kind === 'label') {
      const short = forms.find((f) => f.ops.length === 1 && f.ops[0] === 'rel8');
      const long = forms.find((f) => f.ops.length === 1 && f.ops[0] === 'rel32');
      if (short !== undefined && long !== undefined) {
        // Branch relaxation candidate: keep both encodings, decide in finish().
        this.items.push({
          t: 'jump', short: encodeForm(short, ops), long: encodeForm(long, ops), ops, isLong: false,
        });
        return;
      }
    }
    this.items.push({ t: 'insn', enc: encodeForm(selectForm(mn, ops), ops), ops });
  }

  /** Jcc by condition value: `a.j('ne', l)` is `a.jne(l)`. */
  j(cc: Cond | CondAlias, target: Label | Sym | Hole<K, 'rel32'>): void {
    this.emit(`j${canonicalCond(cc)}`, target);
  }

  /** SETcc by condition value. */
  set(cc: Cond | CondAlias, dst: Operand<K>): void {
    this.emit(`set${canonicalCond(cc)}`, dst);
  }

  /** CMOVcc by condition value. */
  cmov(cc: Cond | CondAlias, dst: Operand<K>, src: Operand<K>): void {
    this.emit(`cmov${canonicalCond(cc)}`, dst, src);
  }

  /** An n-byte NOP sequence (the SDM's recommended multi-byte NOPs, 9 bytes at most each). */
  nops(n: number): void {
    this.checkOpen();
    if (!isInt(n, 0, 1 << 20)) throw new AsmError(`nops(${n}): bad length`);
    for (const chunk of nopChunks(n)) {
      const bytes = Uint8Array.from(NOPS[chunk - 1]!.bytes);
      const text = NOPS[chunk - 1]!.text;
      this.items.push({ t: 'data', kind: 'insn', bytes, fixups: [], text: () => [text, text] });
    }
  }

  // ---- alignment and data ---------------------------------------------------

  /** Pad to a multiple of `n` (a power of two) with NOPs, int3 or zero bytes. */
  align(n: number, fill: AlignFill = 'nop'): void {
    this.checkOpen();
    if (!isInt(n, 1, 4096) || (n & (n - 1)) !== 0) throw new AsmError(`align(${n}): not a power of two <= 4096`);
    this.maxAlign = Math.max(this.maxAlign, n);
    this.items.push({ t: 'align', n, fill });
  }

  /** Raw bytes. */
  bytes(data: ArrayLike<number>): void {
    const b = Uint8Array.from(data);
    for (let i = 0; i < data.length; i++) {
      if (!isInt(data[i]!, -128, 255)) throw new AsmError(`bytes: ${data[i]} is not a byte`);
    }
    const list = Array.from(b, (x) => hex(x)).join(', ');
    this.data(b, [], () => [`.byte ${list}`, `.byte ${list}`]);
  }

  /** UTF-8 encoding of a string (no terminator). */
  utf8(s: string): void {
    const b = new TextEncoder().encode(s);
    const text = `.ascii ${JSON.stringify(s)}`;
    this.data(b, [], () => [text, text]);
  }

  u8(v: number | Hole<K, 'imm8'>): void {
    this.intData(v, 1, '.byte');
  }
  u16(v: number | Hole<K, 'imm16'>): void {
    this.intData(v, 2, '.word');
  }
  u32(v: number | Hole<K, 'imm32'>): void {
    this.intData(v, 4, '.long');
  }

  /**
   * A 64-bit word: a value, a hole, or the absolute address of a label of this
   * output or of an external symbol (an abs64 relocation).
   */
  u64(v: Imm | Hole<K, 'imm64'> | Label | Sym, addend = 0): void {
    if (typeof v === 'object' && (v.kind === 'label' || v.kind === 'sym')) {
      this.checkOperand(v);
      if (!isInt(addend, -0x8000_0000, 0x7fff_ffff)) throw new AsmError(`u64: addend ${addend} is not an int32`);
      const t = v;
      const name = addend === 0 ? t.name : `${t.name}${addend < 0 ? '-' : '+'}${hex(Math.abs(addend))}`;
      this.data(new Uint8Array(8), [{ kind: 'abs', at: 0, target: t, addend }], () => [`.quad ${name}`, '.quad 0x0']);
      return;
    }
    this.intData(v, 8, '.quad');
  }

  /** An IEEE 754 binary64 in little-endian order. */
  f64(x: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, x, true);
    const text = `.double ${Object.is(x, -0) ? '-0.0' : String(x)}`;
    this.data(b, [], () => [text, text]);
  }

  /** int32 `offset(target) - offset(base)`: relative jump-table entries. */
  labelDelta32(target: Label, base: Label): void {
    this.checkOperand(target);
    this.checkOperand(base);
    this.data(new Uint8Array(4), [{ kind: 'delta', at: 0, target, base }], (off) => [
      `.long ${target.name}-${base.name}`,
      `.long ${hex(off(target) - off(base))}`,
    ]);
  }

  // ---- output ---------------------------------------------------------------

  /** Lay out, resolve labels and produce the output. The assembler is then closed. */
  finish(): AsmOutput<K> {
    this.checkOpen();
    this.finished = true;
    if (this.bound.includes(false)) {
      const used = this.referencedLabels();
      for (const l of this.labelList) {
        if (!this.bound[l.id] && used.has(l)) throw new AsmError(`label ${l.name} is used but never bound`);
      }
    }
    const { offsets, labelOff, size } = this.layout();
    const code = new Uint8Array(size);
    const holes: HoleSite<K>[] = [];
    const relocs: Reloc[] = [];
    const labelOffset = (l: Label): number => {
      const o = labelOff[l.id]!;
      if (o < 0) throw new AsmError(`label ${l.name} is used but never bound`);
      return o;
    };
    const describeHole = (h: Hole<K>): string => this.describe(h.desc);

    const place = (start: number, bytes: Uint8Array, fixups: readonly Fixup<K>[]): void => {
      code.set(bytes, start);
      const end = start + bytes.length;
      for (const f of fixups) {
        const at = start + f.at;
        switch (f.kind) {
          case 'hole': {
            const kind = f.hole.hole;
            const site: HoleSite<K> = kind === 'rel32'
              ? { offset: at, width: 4, kind, desc: f.hole.desc, insnOffset: start, signed: true, pcBase: end }
              : { offset: at, width: HOLE_WIDTH[kind], kind, desc: f.hole.desc, insnOffset: start, signed: f.signed };
            holes.push(site);
            break;
          }
          case 'label': {
            const v = labelOffset(f.label) + f.addend - end;
            const lim = f.width === 1 ? 0x80 : 0x8000_0000;
            if (v < -lim || v >= lim) throw new AsmError(`displacement to ${f.label.name} out of range`);
            writeInt(code, at, v, f.width);
            break;
          }
          case 'sym':
            // ELF: value = S + A - P with P the field; the CPU adds the end of the insn.
            relocs.push({ offset: at, kind: 'rel32', target: { kind: 'extern', name: f.sym.name }, addend: f.addend - (end - at) });
            break;
          case 'abs':
            relocs.push(f.target.kind === 'sym'
              ? { offset: at, kind: 'abs64', target: { kind: 'extern', name: f.target.name }, addend: f.addend }
              : { offset: at, kind: 'abs64', target: { kind: 'self' }, addend: labelOffset(f.target) + f.addend });
            break;
          case 'delta':
            writeInt(code, at, labelOffset(f.target) - labelOffset(f.base), 4);
            break;
        }
      }
    };

    // Bytes, holes and relocations now; the listing only when asked for (it is the
    // costly part and the stitcher's bulk assembly of templates may not need it).
    this.items.forEach((it, i) => {
      const start = offsets[i]!;
      switch (it.t) {
        case 'insn': place(start, it.enc.bytes, it.enc.fixups); break;
        case 'jump': {
          const enc = it.isLong ? it.long : it.short;
          place(start, enc.bytes, enc.fixups);
          break;
        }
        case 'bind': break;
        case 'align': {
          const pad = padding(start, it.n);
          if (it.fill === 'nop') {
            let o = start;
            for (const chunk of nopChunks(pad)) {
              code.set(NOPS[chunk - 1]!.bytes, o);
              o += chunk;
            }
          } else {
            code.fill(it.fill === 'int3' ? 0xcc : 0, start, start + pad);
          }
          break;
        }
        case 'data': place(start, it.bytes, it.fixups); break;
      }
    });

    const items = this.items;
    const buildListing = (): ListEntry[] => {
      const listing: ListEntry[] = [];
      const line = (kind: ListEntry['kind'], offset: number, length: number, text: string, raw = text): void => {
        listing.push({ kind, offset, length, text, raw });
      };
      items.forEach((it, i) => {
        const start = offsets[i]!;
        switch (it.t) {
          case 'insn':
          case 'jump': {
            const enc = it.t === 'insn' ? it.enc : it.isLong ? it.long : it.short;
            const ctx = (mode: 'names' | 'raw'): RenderCtx<K> =>
              ({ mode, insnEnd: start + enc.bytes.length, labelOffset, describeHole });
            line('insn', start, enc.bytes.length, renderInsn(enc.form, it.ops, ctx('names')), renderInsn(enc.form, it.ops, ctx('raw')));
            break;
          }
          case 'bind':
            line('label', start, 0, `${it.label.name}:`);
            break;
          case 'align': {
            const pad = padding(start, it.n);
            if (pad === 0) break;
            if (it.fill === 'nop') {
              let o = start;
              for (const chunk of nopChunks(pad)) {
                line('insn', o, chunk, NOPS[chunk - 1]!.text);
                o += chunk;
              }
            } else if (it.fill === 'int3') {
              for (let o = start; o < start + pad; o++) line('insn', o, 1, 'int3');
            } else {
              line('align', start, pad, `.zero ${pad}`);
            }
            break;
          }
          case 'data': {
            const [text, raw] = it.text(labelOffset);
            line(it.kind, start, it.bytes.length, text, raw);
            break;
          }
        }
      });
      return listing;
    };
    let listing: ListEntry[] | undefined;

    const labels = this.labelList
      .filter((l) => labelOff[l.id]! >= 0)
      .map((label) => ({ label, offset: labelOff[label.id]! }))
      .sort((a, b) => a.offset - b.offset || a.label.id - b.label.id);
    const owner = this.owner;
    return {
      bytes: code, holes, relocs, alignment: this.maxAlign, labels,
      get listing(): readonly ListEntry[] {
        listing ??= buildListing();
        return listing;
      },
      offsetOf(l: Label): number {
        if (l.owner !== owner) throw new AsmError(`label ${l.name} belongs to another assembler`);
        return labelOffset(l);
      },
    };
  }

  // ---- internals ------------------------------------------------------------

  /** Offsets of every item after branch relaxation (see the file comment). */
  private layout(): { offsets: Int32Array; labelOff: Int32Array; size: number } {
    const n = this.items.length;
    const offsets = new Int32Array(n);
    const labelOff = new Int32Array(this.labelList.length);
    for (;;) {
      labelOff.fill(-1);
      let off = 0;
      for (let i = 0; i < n; i++) {
        const it = this.items[i]!;
        offsets[i] = off;
        switch (it.t) {
          case 'insn': off += it.enc.bytes.length; break;
          case 'jump': off += (it.isLong ? it.long : it.short).bytes.length; break;
          case 'bind': labelOff[it.label.id] = off; break;
          case 'align': off += padding(off, it.n); break;
          case 'data': off += it.bytes.length; break;
        }
        if (off > 0x7fff_ffff) throw new AsmError('output larger than 2 GiB');
      }
      let grew = false;
      for (let i = 0; i < n; i++) {
        const it = this.items[i]!;
        if (it.t !== 'jump' || it.isLong) continue;
        const target = labelOff[(it.ops[0] as Label).id]!;
        const disp = target - (offsets[i]! + it.short.bytes.length);
        if (disp < -128 || disp > 127) {
          it.isLong = true;
          grew = true;
        }
      }
      if (!grew) return { offsets, labelOff, size: off };
    }
  }

  private data(bytes: Uint8Array, fixups: readonly Fixup<K>[], text: (off: (l: Label) => number) => readonly [string, string]): void {
    this.checkOpen();
    this.items.push({ t: 'data', kind: 'data', bytes, fixups, text });
  }

  private intData(v: Imm | Hole<K>, width: 1 | 2 | 4 | 8, directive: string): void {
    if (typeof v === 'object') {
      if (HOLE_WIDTH[v.hole] !== width || v.hole === 'disp32' || v.hole === 'rel32') {
        throw new AsmError(`${directive}: a ${v.hole} hole does not fit`);
      }
      const t = holeText(v, (h) => this.describe(h.desc));
      this.data(new Uint8Array(width), [{ kind: 'hole', at: 0, hole: v, signed: false }], () => [`${directive} ${t}`, `${directive} 0x0`]);
      return;
    }
    const x = immValue(v);
    const bits = BigInt(width * 8);
    if (x < -(1n << (bits - 1n)) || x >= 1n << bits) throw new AsmError(`${directive}: ${v} does not fit`);
    const b = new Uint8Array(width);
    let u = BigInt.asUintN(width * 8, x);
    for (let i = 0; i < width; i++) {
      b[i] = Number(u & 0xffn);
      u >>= 8n;
    }
    const text = `${directive} 0x${BigInt.asUintN(width * 8, x).toString(16)}`;
    this.data(b, [], () => [text, text]);
  }

  private checkOpen(): void {
    if (this.finished) throw new AsmError('assembler already finished');
  }

  private checkLabel(l: Label): void {
    if (l.owner !== this.owner) throw new AsmError(`label ${l.name} belongs to another assembler`);
  }

  private checkOperand(op: Operand<K>): void {
    if (typeof op !== 'object') return;
    if (op.kind === 'label') this.checkLabel(op);
    else if (op.kind === 'mem' && op.mode === 'rip' && op.target.kind === 'label') this.checkLabel(op.target);
  }

  private referencedLabels(): Set<Label> {
    const used = new Set<Label>();
    const add = (fs: readonly Fixup<K>[]): void => {
      for (const f of fs) {
        if (f.kind === 'label') used.add(f.label);
        else if (f.kind === 'abs' && f.target.kind === 'label') used.add(f.target);
        else if (f.kind === 'delta') { used.add(f.target); used.add(f.base); }
      }
    };
    for (const it of this.items) {
      if (it.t === 'insn') add(it.enc.fixups);
      else if (it.t === 'jump') add(it.short.fixups);
      else if (it.t === 'data') add(it.fixups);
    }
    return used;
  }
}

function padding(off: number, n: number): number {
  return (n - (off % n)) % n;
}

/** Split n bytes of padding into the longest NOPs of the table. */
function nopChunks(n: number): number[] {
  const max = NOPS.length;
  const out: number[] = [];
  while (n > 0) {
    const c = Math.min(n, max);
    out.push(c);
    n -= c;
  }
  return out;
}

function writeInt(code: Uint8Array, at: number, v: number, width: 1 | 4): void {
  let u = width === 1 ? v & 0xff : v >>> 0;
  for (let i = 0; i < width; i++) {
    code[at + i] = u & 0xff;
    u >>>= 8;
  }
}

// Install one method per mnemonic and per condition-code alias on the prototype.
for (const mn of MNEMONICS) {
  Object.defineProperty(Assembler.prototype, mn, {
    value: function (this: Assembler<unknown>, ...ops: Operand<unknown>[]): void {
      this.emit(mn, ...ops);
    },
  });
}
for (const [alias, cc] of Object.entries(COND_ALIASES)) {
  for (const prefix of ['j', 'set', 'cmov'] as const) {
    const mn = `${prefix}${cc}` as Mnemonic;
    Object.defineProperty(Assembler.prototype, `${prefix}${alias}`, {
      value: function (this: Assembler<unknown>, ...ops: Operand<unknown>[]): void {
        this.emit(mn, ...ops);
      },
    });
  }
}
