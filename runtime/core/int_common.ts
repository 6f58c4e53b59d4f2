// Runtime: shared pieces of the int area (docs/int.md): the unpacked-operand record, limits,
// and short emit helpers used by int.ts, int_div.ts, int_bits.ts, int_str.ts and
// int_methods.ts.
//
// An int value is a small int (int48 NaN-boxed), a big int object (layout.ts BIGINT) or a
// bool (a static object whose first field is its small int value); instances of Python
// subclasses of int are read as BIGINT objects. rt_int_unpack turns any of them into an
// OPND record on the machine stack:
//
//   +0  sign   i64  -1, 0 or 1
//   +8  n      u64  magnitude limbs (u64, least significant first; 0 for zero)
//   +16 p      raw  address of the limbs (inside the object, or the record's own +24)
//   +24 buf    u64  the magnitude of a small int or bool
//
// Interior pointers on the machine stack keep the objects alive across collections
// (docs/native.md), so a routine may allocate while its OPND records are live.

import { type Assembler, type Label, mem, qword, rax, rdi, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { boxInt } from '../../src/native/layout.js';
import { g } from '../../src/native/macros.js';

export const OPND = { sign: 0, n: 8, p: 16, buf: 24, size: 32 } as const;

/**
 * Largest result the int routines create, in limbs (2^31 limbs = 16 GiB, a quarter of the
 * collector's largest reservation): a bigger shift or power raises MemoryError before it
 * allocates, as docs/gc.md asks of code that can see an absurd size coming.
 */
export const MAX_LIMBS = 2 ** 31;

/** CPython 3.11's default sys.get_int_max_str_digits() (_PY_LONG_DEFAULT_MAX_STR_DIGITS). */
export const MAX_STR_DIGITS = 4300;

export const SMALL_ZERO = boxInt(0n);
export const SMALL_ONE = boxInt(1n);

/** Unpack the int value in `value` into the OPND record at [rsp + off]; jump to `notInt` if it is none. */
export function unpack(a: Assembler<any>, value: Parameters<Assembler<any>['mov']>[1], off: number, notInt: Label): void {
  a.mov(rdi, value as any);
  a.lea(rsi, mem(rsp, off));
  a.call(sym('rt_int_unpack'));
  a.test(rax, rax);
  a.je(notInt);
}

/** Call `routine` and jump to `onExc` when it returned EXC. */
export function callChecked(a: Assembler<any>, routine: string, onExc: Label): void {
  a.call(sym(routine));
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

/** rax = EXC after raising `type` with the C-string message `msg` (a cstr datum). */
export function raiseCstr(a: Assembler<any>, type: string, msg: string): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
}

/** Operand of OPND field `f` of the record at [rsp + off]. */
export function opnd(off: number, f: Exclude<keyof typeof OPND, 'size'>) {
  return qword(mem(rsp, off + OPND[f]));
}
