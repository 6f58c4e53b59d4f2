// Shared assembly helpers of the float, dtoa and math modules of the runtime.
//
// Role: small emitters used by runtime/core/float*.ts, dtoa*.ts and math*.ts: checked calls,
// a per-routine literal pool for double constants, and the bit patterns of IEEE-754 binary64
// that the routines test. Nothing here is a routine itself.
//
// Invariants: a literal pool is emitted after its routine's last instruction (it lives in the
// text section, which is readable; the code never jumps into it), 16-byte aligned so that
// 128-bit masks can be SSE memory operands.

import { type Assembler, type Label, type Mem, qword, rax, rip, sym, xmmword } from '../../src/asm/index.js';
import { g } from '../../src/native/macros.js';

/** Sign bit, exponent field and mantissa field of a binary64 word. */
export const F64_SIGN = 0x8000_0000_0000_0000n;
export const F64_EXP = 0x7ff0_0000_0000_0000n;
export const F64_MANT = 0x000f_ffff_ffff_ffffn;
export const F64_ABS = 0x7fff_ffff_ffff_ffffn;
/** The canonical NaNs (layout.ts): the only NaN words a routine may return. */
export const NAN_POS = 0x7ff8_0000_0000_0000n;
export const NAN_NEG = 0xfff8_0000_0000_0000n;

/**
 * Py_DTSF_* flags of PyOS_double_to_string (Include/pystrtod.h), plus PERCENT (ours): append
 * a '%' (format type '%').
 */
export const DTSF = { SIGN: 1, ADD_DOT_0: 2, ALT: 4, NO_NEG_0: 8, PERCENT: 0x100 } as const;

/** Bits of a double as an unsigned bigint. */
export function f64Bits(x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
}

/** The double with the given bits. */
export function bitsF64(b: bigint): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt.asUintN(64, b), true);
  return dv.getFloat64(0, true);
}

/** `call routine; cmp rax, EXC; je onExc`. */
export function callChecked(a: Assembler<any>, routine: string, onExc: Label): void {
  a.call(sym(routine));
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

/**
 * Constants of one routine, placed after its code: `pool.f64(0.5)` is a qword memory
 * operand for `addsd xmm0, ...`; `pool.m128(lo, hi)` a 16-byte one for andpd/xorpd.
 * Call `emit()` once, after the routine's last instruction.
 */
export class LiteralPool {
  private readonly q = new Map<bigint, Label>();
  private readonly o = new Map<string, Label>();
  constructor(private readonly a: Assembler<any>) {}

  /** qword [rip + constant] holding the double x. */
  f64(x: number): Mem {
    return this.u64(f64Bits(x));
  }

  /** qword [rip + constant] holding the 64-bit pattern v. */
  u64(v: bigint): Mem {
    const key = BigInt.asUintN(64, v);
    let l = this.q.get(key);
    if (l === undefined) {
      l = this.a.newLabel();
      this.q.set(key, l);
    }
    return qword(rip(l));
  }

  /** xmmword [rip + constant] holding two 64-bit lanes (lo, hi). */
  m128(lo: bigint, hi: bigint): Mem {
    const key = `${BigInt.asUintN(64, lo)}:${BigInt.asUintN(64, hi)}`;
    let l = this.o.get(key);
    if (l === undefined) {
      l = this.a.newLabel();
      this.o.set(key, l);
    }
    return xmmword(rip(l));
  }

  emit(): void {
    if (this.q.size === 0 && this.o.size === 0) return;
    this.a.align(16, 'int3');
    for (const [key, l] of this.o) {
      const [lo, hi] = key.split(':').map((s) => BigInt(s));
      this.a.bind(l);
      this.a.u64(lo!);
      this.a.u64(hi!);
    }
    for (const [v, l] of this.q) {
      this.a.bind(l);
      this.a.u64(v);
    }
  }
}
