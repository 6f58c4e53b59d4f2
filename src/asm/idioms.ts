// Idiom helpers over the Assembler: short, well-known instruction choices that the
// encoding table deliberately does not make on its own (it encodes what it is told).
//
// Role: convenience for the runtime and templates, in the spirit of the macros of
// LuaJIT's vm_x64.dasc. Register-role conventions belong to the runtime, not here.
//
// Invariants: each helper states which flags and registers it touches.

import type { Assembler } from './assembler.js';
import { type Gpr, resize } from './registers.js';
import { AsmError, type Imm } from './operands.js';
import { immValue } from './encoder.js';

/**
 * Load a 64-bit constant with the shortest encoding; flags are untouched.
 *   0 <= v < 2^32      mov r32, imm32 (5-6 bytes; 32-bit writes zero-extend,
 *                      SDM Vol. 1, 3.4.1.1)
 *   -2^31 <= v < 0     mov r64, simm32 (7 bytes)
 *   otherwise          movabs r64, imm64 (10 bytes)
 * `v` is taken modulo 2^64, so 0xffff_ffff_ffff_ffffn and -1 are the same value.
 */
export function movImm<K>(a: Assembler<K>, dst: Gpr<64>, v: Imm): void {
  const x = immValue(v);
  if (x < -(1n << 63n) || x >= 1n << 64n) throw new AsmError(`movImm: ${x} does not fit 64 bits`);
  const s = BigInt.asIntN(64, x);
  if (s >= 0n && s < 1n << 32n) a.mov(resize(dst, 32), Number(s));
  else if (s >= -(1n << 31n) && s < 0n) a.mov(dst, Number(s));
  else a.mov(dst, s);
}

/** Zero a register with `xor r32, r32` (clobbers flags; zero-extends to 64 bits). */
export function zero<K>(a: Assembler<K>, r: Gpr): void {
  const r32 = resize(r, 32);
  a.xor(r32, r32);
}
