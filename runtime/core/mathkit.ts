// A small code generator for the math kernels: straight-line double arithmetic with a
// register cache, structured control flow, and the double-double toolkit of
// src/interp/numeric/mathdd.ts.
//
// Role: the runtime's math routines (math*.ts) port the interpreter's TypeScript kernels
// (mathdd/mathexp/mathtrig/mathhyp/mathspecial.ts) operation by operation, so both executors
// print the same digits. Writing those as raw SSE2 would bury hundreds of dependent adds
// and multiplies under register bookkeeping; `FK` does the bookkeeping instead:
//
//   const s = k.add(a, b);        // one addsd, result in a cached xmm register
//   const [h, l] = k.ddAdd(x, y);  // the same operations, in the same order, as mathdd.ddAdd
//
// Every arithmetic call emits exactly one IEEE operation (no folding, no reassociation, no
// fused multiply-add), so the results are bit-identical to V8 evaluating the TypeScript.
//
// Registers: values live in xmm2..xmm15 (a least-recently-used cache) and spill to 8-byte
// slots of the routine's frame; xmm0/xmm1 carry arguments and results and serve as scratch.
// At every control-flow edge (if/loop/break/return) the cache is flushed to the frame, so all
// paths meet with the same (empty) register state. General-purpose registers are scratch
// inside one operation only; values that are integers in the TypeScript (table indices,
// exponents) are integer-valued doubles here too, exactly as in JavaScript.
//
// Invariants checked while generating: a value is used only inside the control-flow region
// that defined it (use `v = k.var()` / `k.set(v, x)` to carry values out of a branch or
// loop), and the frame never exceeds its declared size.

import {
  Assembler, type Cond, type Label, type Mem, type Xmm, XMM, eax, mem, qword, rax, rcx, rdx, rip, rsp, sib, sym, xmm0, xmm1,
} from '../../src/asm/index.js';
import type { RuntimeRoutine } from '../../src/native/rt.js';
import { F64_ABS, F64_SIGN, LiteralPool } from './floatkit.js';

/** A double value of a kernel: a constant, or a value in a register and/or a frame slot. */
export class Val {
  reg: Xmm | null = null;
  slot = -1;
  dirty = false;
  lastUse = 0;
  constructor(
    readonly id: number,
    readonly region: number,
    readonly constant: number | null,
    readonly isVar: boolean,
  ) {}
}

/** A double-double value (hi, lo). */
export type DV = readonly [Val, Val];

type CmpKind = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'nan';
/** A condition over values, evaluated with IEEE semantics (every ordered test is false on NaN). */
export type FCond =
  | { readonly kind: CmpKind; readonly a: Val; readonly b: Val }
  | { readonly kind: 'and' | 'or'; readonly l: FCond; readonly r: FCond }
  | { readonly kind: 'not'; readonly c: FCond };

/** Registers a call clobbers: every xmm register, or only the ones listed (xmm0/xmm1 always). */
export type Clobbers = 'all' | readonly number[];

const POOL_REGS = XMM.slice(2);
const SPLITTER = 134217729; // 2^27 + 1, mathdd.ts

export class FK {
  private nextId = 0;
  private clock = 0;
  private slots = 0;
  private readonly owner = new Map<Xmm, Val>();
  private readonly regions: number[] = [0];
  private nextRegion = 1;
  private readonly exit: Label;
  private readonly breakTargets: Label[] = [];

  /** Uses so far; a value is dead once `pos` passes its last use (known from the pre-pass). */
  private pos = 0;

  /**
   * `lastUse` is null in the pre-pass, which records each value's last use into `record`;
   * the emitting pass gets that map and drops dead values instead of storing them.
   */
  constructor(
    readonly a: Assembler<any>,
    readonly pool: LiteralPool,
    private readonly maxSlots: number,
    private readonly lastUse: ReadonlyMap<number, number> | null = null,
    private readonly record: Map<number, number> | null = null,
  ) {
    this.exit = a.newLabel();
  }

  private isDead(v: Val): boolean {
    if (v.isVar || v.constant !== null || this.lastUse === null) return false;
    return (this.lastUse.get(v.id) ?? -1) <= this.pos;
  }

  // ---- frame and values ------------------------------------------------------------------

  /** Emit the frame setup and take the arguments from xmm0..xmm(n-1). */
  enter(nargs: number): Val[] {
    this.a.sub(rsp, this.frameBytes());
    const args: Val[] = [];
    for (let i = 0; i < nargs; i++) {
      const v = this.fresh(null, false);
      v.slot = this.slots++;
      this.a.movsd(this.slotMem(v.slot), XMM[i]!);
      args.push(v);
    }
    return args;
  }

  /**
   * A general-purpose register argument (e.g. an array address), saved to the frame: call
   * right after `enter`. Returns the slot to use with `load`.
   */
  gprArg(reg: typeof rax): number {
    const slot = this.slots++;
    this.a.mov(this.slotMem(slot), reg);
    return slot;
  }

  /** Element i (an integer-valued double) of the double array whose address is in `ptrSlot`. */
  load(ptrSlot: number, i: Val): Val {
    this.toInt(i);
    this.a.mov(rcx, this.slotMem(ptrSlot));
    return this.produce([i], (dst) => this.a.movsd(dst, qword(sib(rcx, rax, 8))));
  }

  /** Emit the shared exit (after the last `ret`). */
  finish(): void {
    this.a.bind(this.exit);
    this.a.add(rsp, this.frameBytes());
    this.a.ret();
    if (this.slots > this.maxSlots) throw new Error(`mathkit: frame overflow (${this.slots} > ${this.maxSlots} slots)`);
  }

  private frameBytes(): number {
    return this.maxSlots * 8 + 8;
  }

  private fresh(constant: number | null, isVar: boolean): Val {
    return new Val(this.nextId++, this.regions[this.regions.length - 1]!, constant, isVar);
  }

  private slotMem(slot: number): Mem {
    if (slot >= this.maxSlots) throw new Error(`mathkit: frame overflow (slot ${slot})`);
    return qword(mem(rsp, slot * 8));
  }

  /** A constant (from the routine's literal pool). */
  c(x: number): Val {
    return this.fresh(x, false);
  }

  /** A double-double constant. */
  cdd(x: readonly [number, number]): DV {
    return [this.c(x[0]), this.c(x[1])];
  }

  /** A mutable variable (use `set` to assign); readable after branches and loops. */
  var(init?: Val): Val {
    const v = this.fresh(null, true);
    v.slot = this.slots++;
    if (init !== undefined) this.set(v, init);
    return v;
  }

  /** v = x (v from `var`). */
  set(v: Val, x: Val): void {
    if (!v.isVar) throw new Error('mathkit: set on a non-variable');
    this.check(x);
    if (v === x) return;
    const pins = [x];
    const src = this.operand(x, pins);
    this.release(v);
    const r = this.allocReg([x, v]);
    if (src === r) throw new Error('mathkit: internal register clash');
    this.mov(r, src);
    this.own(r, v);
    v.dirty = true;
  }

  private check(v: Val): void {
    this.pos++;
    this.record?.set(v.id, this.pos);
    if (v.constant !== null || v.isVar) return;
    if (!this.regions.includes(v.region)) throw new Error(`mathkit: value #${v.id} used outside the region that defined it`);
  }

  // ---- register cache ----------------------------------------------------------------------

  private own(r: Xmm, v: Val): void {
    this.owner.set(r, v);
    v.reg = r;
    v.lastUse = ++this.clock;
  }

  /** Store v's register copy if needed and drop it from the register. */
  private release(v: Val): void {
    if (v.reg === null) return;
    if (v.dirty && !this.isDead(v)) {
      if (v.slot < 0) v.slot = this.slots++;
      this.a.movsd(this.slotMem(v.slot), v.reg);
      v.dirty = false;
    }
    this.owner.delete(v.reg);
    v.reg = null;
  }

  private allocReg(pins: readonly Val[]): Xmm {
    for (const r of POOL_REGS) if (!this.owner.has(r)) return r;
    for (const v of this.owner.values()) {
      if (!pins.includes(v) && this.isDead(v)) {
        const r = v.reg!;
        this.release(v);
        return r;
      }
    }
    let victim: Val | null = null;
    for (const v of this.owner.values()) {
      if (pins.includes(v)) continue;
      if (victim === null || v.lastUse < victim.lastUse) victim = v;
    }
    if (victim === null) throw new Error('mathkit: no register to spill');
    const r = victim.reg!;
    this.release(victim);
    return r;
  }

  /** A source operand for v: its register, or its slot / constant in memory. */
  private operand(v: Val, _pins: readonly Val[]): Xmm | Mem {
    this.check(v);
    if (v.constant !== null) return this.pool.f64(v.constant);
    if (v.reg !== null) {
      v.lastUse = ++this.clock;
      return v.reg;
    }
    if (v.slot < 0) throw new Error(`mathkit: value #${v.id} has no storage`);
    return this.slotMem(v.slot);
  }

  private mov(dst: Xmm, src: Xmm | Mem): void {
    if ('kind' in src && (src as Xmm).kind === 'xmm') this.a.movapd(dst, src);
    else this.a.movsd(dst, src);
  }

  /** Store every cached register to the frame and forget the cache (at control-flow edges). */
  flush(): void {
    for (const v of [...this.owner.values()]) this.release(v);
  }

  /** A new value in a register: dst = op(first, second...) built by `body`. */
  private produce(inputs: readonly Val[], body: (dst: Xmm) => void): Val {
    for (const v of inputs) this.check(v);
    const dst = this.allocReg(inputs);
    body(dst);
    const out = this.fresh(null, false);
    this.own(dst, out);
    out.dirty = true;
    return out;
  }

  /** Load v into xmm0 or xmm1 (scratch, not cached). */
  toScratch(v: Val, r: Xmm): void {
    this.mov(r, this.operand(v, [v]));
  }

  /** A value from xmm0 or xmm1 (e.g. after inline code), kept in the cache. */
  fromScratch(r: Xmm): Val {
    return this.produce([], (dst) => this.a.movapd(dst, r));
  }

  // ---- arithmetic: one IEEE operation each ------------------------------------------------

  private bin(mn: 'addsd' | 'subsd' | 'mulsd' | 'divsd', x: Val, y: Val): Val {
    return this.produce([x, y], (dst) => {
      this.mov(dst, this.operand(x, [x, y]));
      this.a[mn](dst, this.operand(y, [x, y]));
    });
  }

  add(x: Val, y: Val): Val {
    return this.bin('addsd', x, y);
  }
  sub(x: Val, y: Val): Val {
    return this.bin('subsd', x, y);
  }
  mul(x: Val, y: Val): Val {
    return this.bin('mulsd', x, y);
  }
  div(x: Val, y: Val): Val {
    return this.bin('divsd', x, y);
  }
  sqrt(x: Val): Val {
    return this.produce([x], (dst) => this.a.sqrtsd(dst, this.operand(x, [x])));
  }
  /** -x (exact: flips the sign bit, as JavaScript's unary minus). */
  neg(x: Val): Val {
    return this.produce([x], (dst) => {
      this.mov(dst, this.operand(x, [x]));
      this.a.xorpd(dst, this.pool.m128(F64_SIGN, 0n));
    });
  }
  /** Math.abs(x). */
  abs(x: Val): Val {
    return this.produce([x], (dst) => {
      this.mov(dst, this.operand(x, [x]));
      this.a.andpd(dst, this.pool.m128(F64_ABS, 0n));
    });
  }

  /** x with its bits transformed by GPR code: `body` gets them in rax and leaves the result in rax. */
  bits(x: Val, body: () => void): Val {
    this.check(x);
    this.mov(xmm0, this.operand(x, [x]));
    this.a.movq(rax, xmm0);
    body();
    this.a.movq(xmm0, rax);
    return this.fromScratch(xmm0);
  }

  /** An integer-valued double from GPR code that leaves a signed integer in rax. */
  intResult(inputs: readonly Val[], body: () => void): Val {
    for (const v of inputs) this.check(v);
    body();
    return this.produce([], (dst) => this.a.cvtsi2sd(dst, rax));
  }

  /** Load x (an integer-valued double) into rax as an integer (truncating). */
  toInt(x: Val): void {
    this.a.cvttsd2si(rax, this.operand(x, [x]));
  }

  /** Math.floor / Math.ceil / Math.trunc, inline (SSE2 has no roundsd). */
  round(x: Val, mode: 'floor' | 'ceil' | 'trunc'): Val {
    this.toScratch(x, xmm0);
    const done = this.a.newLabel();
    const fixed = this.a.newLabel();
    const a = this.a;
    a.movq(rax, xmm0);
    a.mov(rcx, rax);
    a.btr(rcx, 63);
    a.test(rcx, rcx);
    a.je(done);
    a.mov(rax, 0x4330_0000_0000_0000n);
    a.cmp(rcx, rax);
    a.jae(done);
    a.cvttsd2si(rax, xmm0);
    a.cvtsi2sd(xmm1, rax);
    if (mode === 'floor') {
      a.ucomisd(xmm1, xmm0);
      a.jbe(fixed);
      a.subsd(xmm1, this.pool.f64(1));
    } else if (mode === 'ceil') {
      a.ucomisd(xmm0, xmm1);
      a.jbe(fixed);
      a.addsd(xmm1, this.pool.f64(1));
    }
    a.bind(fixed);
    a.movq(rax, xmm0);
    a.mov(rcx, F64_SIGN);
    a.and(rax, rcx);
    a.movq(rcx, xmm1);
    a.or(rax, rcx);
    a.movq(xmm0, rax);
    a.bind(done);
    return this.fromScratch(xmm0);
  }
  floor(x: Val): Val {
    return this.round(x, 'floor');
  }
  trunc(x: Val): Val {
    return this.round(x, 'trunc');
  }
  ceil(x: Val): Val {
    return this.round(x, 'ceil');
  }

  /** JavaScript's `n & mask` for an integer-valued double n (ToInt32, then the mask). */
  andInt(n: Val, mask: number): Val {
    return this.intResult([n], () => {
      this.toInt(n);
      this.a.and(eax, mask);
    });
  }

  /** highWord(x) of mathdd.ts: the unsigned high 32 bits, as a double. */
  highWord(x: Val): Val {
    return this.intResult([x], () => {
      this.a.movq(rax, this.regOrScratch(x));
      this.a.shr(rax, 32);
    });
  }

  private regOrScratch(x: Val): Xmm {
    const op = this.operand(x, [x]);
    if ('kind' in op && (op as Xmm).kind === 'xmm') return op as Xmm;
    this.a.movsd(xmm0, op);
    return xmm0;
  }

  /** (pair j) of a table of (hi, lo) doubles in rodata, j an integer-valued double. */
  table(symbol: string, j: Val, offset = 0): DV {
    this.toInt(j);
    this.a.shl(rax, 4);
    this.a.lea(rcx, rip(sym(symbol)));
    const hi = this.produce([j], (dst) => this.a.movsd(dst, qword(sib(rcx, rax, 1, offset * 16))));
    const lo = this.produce([j, hi], (dst) => this.a.movsd(dst, qword(sib(rcx, rax, 1, offset * 16 + 8))));
    return [hi, lo];
  }

  /** Element j of a table of doubles in rodata. */
  table1(symbol: string, j: Val, offset = 0): Val {
    this.toInt(j);
    this.a.lea(rcx, rip(sym(symbol)));
    return this.produce([j], (dst) => this.a.movsd(dst, qword(sib(rcx, rax, 8, offset * 8))));
  }

  // ---- control flow ------------------------------------------------------------------------

  lt(a: Val, b: Val): FCond {
    return { kind: 'lt', a, b };
  }
  le(a: Val, b: Val): FCond {
    return { kind: 'le', a, b };
  }
  gt(a: Val, b: Val): FCond {
    return { kind: 'gt', a, b };
  }
  ge(a: Val, b: Val): FCond {
    return { kind: 'ge', a, b };
  }
  eq(a: Val, b: Val): FCond {
    return { kind: 'eq', a, b };
  }
  ne(a: Val, b: Val): FCond {
    return { kind: 'ne', a, b };
  }
  isNaN(a: Val): FCond {
    return { kind: 'nan', a, b: a };
  }
  /** Number.isFinite(a) */
  isFinite(a: Val): FCond {
    return { kind: 'lt', a: this.abs(a), b: this.c(Infinity) };
  }
  and(l: FCond, r: FCond): FCond {
    return { kind: 'and', l, r };
  }
  or(l: FCond, r: FCond): FCond {
    return { kind: 'or', l, r };
  }
  not(c: FCond): FCond {
    return { kind: 'not', c };
  }

  /** Jump to `target` when `c` is `truth` (the cache must be flushed). */
  private jumpIf(c: FCond, truth: boolean, target: Label): void {
    const a = this.a;
    switch (c.kind) {
      case 'and':
      case 'or': {
        // and: false if either is false; or: true if either is true.
        const shortTruth = c.kind === 'or';
        if (truth === shortTruth) {
          this.jumpIf(c.l, truth, target);
          this.jumpIf(c.r, truth, target);
        } else {
          const skip = a.newLabel();
          this.jumpIf(c.l, !truth, skip);
          this.jumpIf(c.r, truth, target);
          a.bind(skip);
        }
        return;
      }
      case 'not':
        this.jumpIf(c.c, !truth, target);
        return;
      default:
        break;
    }
    const { a: x, b: y } = c;
    // ucomisd P, Q: CF/ZF as for P - Q; unordered sets ZF, PF and CF.
    const cmp = (p: Val, q: Val): void => {
      this.mov(xmm0, this.operand(p, [p, q]));
      a.ucomisd(xmm0, this.operand(q, [p, q]));
    };
    const jcc = (cc: Cond): void => a.j(cc, target);
    switch (c.kind) {
      case 'lt': // y > x
        cmp(y, x);
        jcc(truth ? 'a' : 'be');
        return;
      case 'le':
        cmp(y, x);
        jcc(truth ? 'ae' : 'b');
        return;
      case 'gt':
        cmp(x, y);
        jcc(truth ? 'a' : 'be');
        return;
      case 'ge':
        cmp(x, y);
        jcc(truth ? 'ae' : 'b');
        return;
      case 'eq':
      case 'ne': {
        cmp(x, y);
        const isEq = (c.kind === 'eq') === truth; // jump when equal?
        if (isEq) {
          const skip = a.newLabel();
          a.jp(skip);
          a.je(target);
          a.bind(skip);
        } else {
          a.jp(target);
          a.jne(target);
        }
        return;
      }
      case 'nan':
        cmp(x, x);
        jcc(truth ? 'p' : 'np');
        return;
    }
  }

  /** if (c) then() else otherwise() */
  if(c: FCond, then: () => void, otherwise?: () => void): void {
    const a = this.a;
    const elseL = a.newLabel();
    const end = a.newLabel();
    this.flush();
    this.jumpIf(c, false, elseL);
    this.region(then);
    this.flush();
    if (otherwise !== undefined) a.jmp(end);
    a.bind(elseL);
    if (otherwise !== undefined) {
      this.region(otherwise);
      this.flush();
      a.bind(end);
    }
  }

  private region(body: () => void): void {
    this.regions.push(this.nextRegion++);
    body();
    this.regions.pop();
  }

  /** c ? x : y as a new variable. */
  select(c: FCond, x: () => Val, y: () => Val): Val {
    const v = this.var();
    this.if(
      c,
      () => this.set(v, x()),
      () => this.set(v, y()),
    );
    return v;
  }

  /** for (;;) { body } with `k.breakIf(c)` inside. */
  loop(body: () => void): void {
    const a = this.a;
    const head = a.newLabel();
    const out = a.newLabel();
    this.flush();
    a.bind(head);
    this.breakTargets.push(out);
    this.region(body);
    this.breakTargets.pop();
    this.flush();
    a.jmp(head);
    a.bind(out);
  }

  breakIf(c: FCond): void {
    const target = this.breakTargets[this.breakTargets.length - 1];
    if (target === undefined) throw new Error('mathkit: breakIf outside a loop');
    this.flush();
    this.jumpIf(c, true, target);
  }

  /** Return `vals` in xmm0, xmm1, ... */
  ret(...vals: Val[]): void {
    for (const v of vals) this.check(v);
    // Through memory: results may sit in any registers, in any order.
    this.flush();
    vals.forEach((v, i) => this.mov(XMM[i]!, this.operand(v, vals)));
    this.a.jmp(this.exit);
  }

  /**
   * Call a routine taking doubles in xmm0.. and returning `nres` doubles in xmm0..; values in
   * the registers it clobbers are saved first. Up to two arguments unless clobbers = 'all'.
   */
  call(routine: string, args: readonly Val[], nres: number, clobbers: Clobbers = 'all'): Val[] {
    for (const v of args) this.check(v);
    if (clobbers === 'all' || args.length > 2 || nres > 2) {
      this.flush();
    } else {
      for (const i of clobbers) {
        const v = this.owner.get(XMM[i]!);
        if (v !== undefined) this.release(v);
      }
    }
    args.forEach((v, i) => this.mov(XMM[i]!, this.operand(v, args)));
    this.a.call(sym(routine));
    // Results from xmm2 up arrive in cache registers (the cache is empty after a full flush):
    // claim them first, then copy xmm0/xmm1 into free ones.
    const out: Val[] = [];
    for (let i = nres - 1; i >= 2; i--) {
      const v = this.fresh(null, false);
      this.own(XMM[i]!, v);
      v.dirty = true;
      out[i] = v;
    }
    for (let i = 0; i < Math.min(nres, 2); i++) out[i] = this.fromScratch(XMM[i]!);
    return out;
  }

  // ---- mathdd.ts, operation for operation ------------------------------------------------

  twoSum(a: Val, b: Val): DV {
    const s = this.add(a, b);
    const bb = this.sub(s, a);
    const e = this.add(this.sub(a, this.sub(s, bb)), this.sub(b, bb));
    return [s, e];
  }

  fastTwoSum(a: Val, b: Val): DV {
    const s = this.add(a, b);
    return [s, this.sub(b, this.sub(s, a))];
  }

  private split(a: Val): DV {
    const t = this.mul(this.c(SPLITTER), a);
    const ah = this.sub(t, this.sub(t, a));
    return [ah, this.sub(a, ah)];
  }

  twoProd(a: Val, b: Val): DV {
    const p = this.mul(a, b);
    const [ah, al] = this.split(a);
    const [bh, bl] = this.split(b);
    // ah * bh - p + ah * bl + al * bh + al * bl
    let e = this.sub(this.mul(ah, bh), p);
    e = this.add(e, this.mul(ah, bl));
    e = this.add(e, this.mul(al, bh));
    e = this.add(e, this.mul(al, bl));
    return [p, e];
  }

  twoSquare(a: Val): DV {
    const p = this.mul(a, a);
    const [ah, al] = this.split(a);
    // ah * ah - p + 2 * ah * al + al * al
    let e = this.sub(this.mul(ah, ah), p);
    e = this.add(e, this.mul(this.mul(this.c(2), ah), al));
    e = this.add(e, this.mul(al, al));
    return [p, e];
  }

  ddAdd(x: DV, y: DV): DV {
    let s = this.add(x[0], y[0]);
    let bb = this.sub(s, x[0]);
    let e = this.add(this.sub(x[0], this.sub(s, bb)), this.sub(y[0], bb));
    const t = this.add(x[1], y[1]);
    bb = this.sub(t, x[1]);
    const f = this.add(this.sub(x[1], this.sub(t, bb)), this.sub(y[1], bb));
    e = this.add(e, t);
    let h = this.add(s, e);
    e = this.sub(e, this.sub(h, s));
    s = h;
    e = this.add(e, f);
    h = this.add(s, e);
    return [h, this.sub(e, this.sub(h, s))];
  }

  ddAddD(x: DV, b: Val): DV {
    const s = this.add(x[0], b);
    const bb = this.sub(s, x[0]);
    let e = this.add(this.sub(x[0], this.sub(s, bb)), this.sub(b, bb));
    e = this.add(e, x[1]);
    const h = this.add(s, e);
    return [h, this.sub(e, this.sub(h, s))];
  }

  ddNeg(x: DV): DV {
    return [this.neg(x[0]), this.neg(x[1])];
  }

  ddSub(x: DV, y: DV): DV {
    return this.ddAdd(x, this.ddNeg(y));
  }

  ddMul(x: DV, y: DV): DV {
    const [p, e] = this.twoProd(x[0], y[0]);
    const f = this.add(e, this.add(this.mul(x[0], y[1]), this.mul(x[1], y[0])));
    const h = this.add(p, f);
    return [h, this.sub(f, this.sub(h, p))];
  }

  ddMulD(x: DV, b: Val): DV {
    const [p, e] = this.twoProd(x[0], b);
    const f = this.add(e, this.mul(x[1], b));
    const h = this.add(p, f);
    return [h, this.sub(f, this.sub(h, p))];
  }

  ddDiv(x: DV, y: DV): DV {
    const q1 = this.div(x[0], y[0]);
    let r = this.ddSub(x, this.ddMulD(y, q1));
    const q2 = this.div(r[0], y[0]);
    r = this.ddSub(r, this.ddMulD(y, q2));
    const q3 = this.div(r[0], y[0]);
    const se = this.fastTwoSum(q1, q2);
    return this.ddAddD(se, q3);
  }

  ddSqrt(x: DV): DV {
    const hi = this.var();
    const lo = this.var();
    this.if(
      this.le(x[0], this.c(0)),
      () => {
        this.set(hi, this.sqrt(x[0]));
        this.set(lo, this.c(0));
      },
      () => {
        const s = this.sqrt(x[0]);
        const [p, e] = this.twoSquare(s);
        const d = this.add(this.sub(this.sub(x[0], p), e), x[1]);
        const c = this.div(d, this.mul(this.c(2), s));
        const h = this.add(s, c);
        this.set(hi, h);
        this.set(lo, this.sub(c, this.sub(h, s)));
      },
    );
    return [hi, lo];
  }

  /** mathdd.ddPoly with constant coefficients (the loop unrolled). */
  ddPoly(x: DV, hiCoeffs: readonly (readonly [number, number])[], tailCoeffs: readonly number[]): DV {
    let i = hiCoeffs.length - 1;
    let acc: DV;
    if (tailCoeffs.length > 0) {
      let t = this.c(0);
      for (let j = tailCoeffs.length - 1; j >= 0; j--) t = this.add(this.mul(t, x[0]), this.c(tailCoeffs[j]!));
      acc = [t, this.c(0)];
    } else {
      acc = this.cdd(hiCoeffs[i--]!);
    }
    for (; i >= 0; i--) acc = this.ddAdd(this.ddMul(acc, x), this.cdd(hiCoeffs[i]!));
    return acc;
  }

  // ---- bit-level helpers of mathdd.ts (routines in mathcore.ts) ------------------------------

  /** scalbn(x, n): x * 2^n with mathdd.ts's staging. */
  scalbn(x: Val, n: Val): Val {
    return this.call('rt_mathk_scalbn', [x, n], 1, [0, 1])[0]!;
  }

  /** exponentOf(x) of mathdd.ts, as a double. */
  exponentOf(x: Val): Val {
    return this.call('rt_mathk_exponent', [x], 1, [0, 1])[0]!;
  }

  /** roundScaled(hi, lo, k) of mathdd.ts. */
  roundScaled(hi: Val, lo: Val, k: Val): Val {
    return this.call('rt_mathk_round_scaled', [hi, lo, k], 1, 'all')[0]!;
  }
}

/**
 * A kernel routine: doubles in xmm0..xmm(nargs-1), results in xmm0..; clobbers every xmm
 * register and the caller-saved general registers; no alloc, no raise.
 */
export function kernel(name: string, contract: string, nargs: number, slots: number, body: (k: FK, args: Val[], gprs: number[]) => void, gprArgs: readonly (typeof rax)[] = []): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a: Assembler<any>) {
      // Pre-pass on a scratch assembler: the same calls, recording each value's last use.
      const uses = new Map<number, number>();
      const scratch = new Assembler<any>();
      const pre = new FK(scratch, new LiteralPool(scratch), 1 << 16, null, uses);
      const preArgs = pre.enter(nargs);
      body(pre, preArgs, gprArgs.map((r) => pre.gprArg(r)));
      const pool = new LiteralPool(a);
      const k = new FK(a, pool, slots, uses);
      const args = k.enter(nargs);
      body(k, args, gprArgs.map((r) => k.gprArg(r)));
      k.finish();
      pool.emit();
    },
  };
}

/** A table of doubles as a rodata datum. */
export function f64Table(name: string, values: readonly number[]) {
  return {
    name,
    section: 'rodata' as const,
    align: 16,
    emit: (a: Assembler<any>) => {
      for (const v of values) a.f64(v);
    },
  };
}

void rdx;
