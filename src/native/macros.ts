// Assembly idioms shared by the runtime and the templates (LuaJIT-style named helpers).
//
// Each helper emits a short, fixed instruction sequence and documents the registers it
// uses. Values are NaN-boxed (see layout.ts): tag in bits 63..48.

import { type Assembler, type Gpr, type Label, byte, dword, mem, qword, r11, rip, rsp, sib, sym, word } from '../asm/index.js';
import { EXC, INT_TAG_BITS, OBJ_TAG_BITS, STR, TAG_INT, TAG_OBJ } from './layout.js';

type R64 = Gpr<64>;

/** Global variable operand: qword [rip + name]. */
export function g(name: string) {
  return qword(rip(sym(name)));
}

/** Jump to `not` unless `r` holds a small int. Clobbers `tmp`. */
export function guardInt(a: Assembler<any>, r: R64, tmp: R64, not: Label): void {
  a.mov(tmp, r);
  a.shr(tmp, 48);
  a.cmp(tmp, TAG_INT);
  a.jne(not);
}

/** Jump to `not` unless `r` holds an object pointer. Clobbers `tmp`. */
export function guardObj(a: Assembler<any>, r: R64, tmp: R64, not: Label): void {
  a.mov(tmp, r);
  a.shr(tmp, 48);
  a.cmp(tmp, TAG_OBJ);
  a.jne(not);
}

/** Sign-extend the int48 payload of a small int in place. */
export function unboxInt(a: Assembler<any>, r: R64): void {
  a.shl(r, 16);
  a.sar(r, 16);
}

/**
 * Box a 64-bit signed integer in `r` as a small int, jumping to `overflow` (with `r`
 * unchanged) when it does not fit int48. Clobbers `tmp`.
 */
export function boxIntChecked(a: Assembler<any>, r: R64, tmp: R64, overflow: Label): void {
  a.mov(tmp, r);
  a.shl(tmp, 16);
  a.sar(tmp, 16);
  a.cmp(tmp, r);
  a.jne(overflow);
  boxIntUnchecked(a, r, tmp);
}

/** Box an int known to fit int48. Clobbers `tmp`. */
export function boxIntUnchecked(a: Assembler<any>, r: R64, tmp: R64): void {
  a.shl(r, 16);
  a.shr(r, 16);
  a.mov(tmp, INT_TAG_BITS);
  a.or(r, tmp);
}

/** Tag a raw object address in `r` as an object value. Clobbers `tmp`. */
export function boxPtr(a: Assembler<any>, r: R64, tmp: R64): void {
  a.mov(tmp, OBJ_TAG_BITS);
  a.or(r, tmp);
}

/** Strip the tag of an object value in `r`, leaving its address. */
export function unboxPtr(a: Assembler<any>, r: R64): void {
  a.shl(r, 16);
  a.shr(r, 16);
}

/** Load the type address of the object value in `src` into `dst` (dst may equal src). */
export function typeOfObj(a: Assembler<any>, dst: R64, src: R64): void {
  if (dst !== src) a.mov(dst, src);
  unboxPtr(a, dst);
  a.mov(dst, qword(mem(dst)));
}

/** `cmp rax, EXC; je target` (an EXC return from a runtime call). Clobbers r11. */
export function jumpIfExc(a: Assembler<any>, r: R64, target: Label): void {
  a.mov(r11, EXC);
  a.cmp(r, r11);
  a.je(target);
}

export { EXC };

/** Push callee-saved registers (in order) and reserve `local` bytes of machine stack. */
export function prologue(a: Assembler<any>, saved: readonly R64[], local = 0): void {
  for (const r of saved) a.push(r);
  if (local > 0) a.sub(rsp, local);
}

/** Undo `prologue` (same arguments) and return. */
export function epilogue(a: Assembler<any>, saved: readonly R64[], local = 0): void {
  if (local > 0) a.add(rsp, local);
  for (let i = saved.length - 1; i >= 0; i--) a.pop(saved[i]);
  a.ret();
}

/** Load the code point at index `idx` of a str whose raw address is `s` into `dst` (32-bit). */
export function loadCodePoint(a: Assembler<any>, dst32: Gpr<32>, s: R64, idx: R64, kindReg: R64): void {
  const k2 = a.newLabel();
  const k4 = a.newLabel();
  const done = a.newLabel();
  a.cmp(kindReg, 2);
  a.je(k2);
  a.ja(k4);
  a.movzx(dst32, byte(sib(s, idx, 1, STR.data)));
  a.jmp(done);
  a.bind(k2);
  a.movzx(dst32, word(sib(s, idx, 2, STR.data)));
  a.jmp(done);
  a.bind(k4);
  a.mov(dst32, dword(sib(s, idx, 4, STR.data)));
  a.bind(done);
}
