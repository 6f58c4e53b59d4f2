// Assembly idioms of the str runtime modules (strbase, strops, strsearch, strmethods,
// strformat): loads and stores of code points of a given kind, per-kind code generation,
// str type guards, calls with EXC checks, raising with a CPython message, and "weak"
// references to routines other areas will provide.
//
// Not a runtime module: a toolbox of emit helpers. Each helper documents the registers
// it touches. Code points are stored 1, 2 or 4 bytes each (layout.ts STR, PEP 393); a
// str's data starts at STR.data, so `cpAt(k, raw, idx)` is [raw + idx*k + STR.data].

import {
  type Assembler, type Gpr, type Label, byte, dword, mem, qword, r11, rax, rdx, resize, rip, rsi, rdi, sib, sym, word,
} from '../../src/asm/index.js';
import { OBJ_TAG_BITS, STR, TAG_OBJ } from '../../src/native/layout.js';
import type { RuntimeDatum } from '../../src/native/rt.js';
import { g, unboxPtr } from '../../src/native/macros.js';

export type R64 = Gpr<64>;
export type R32 = Gpr<32>;
export type Kind = 1 | 2 | 4;
export const KINDS: readonly Kind[] = [1, 2, 4];
/** log2 of a kind: the shift from code point index to byte offset. */
export const SHIFT: Record<Kind, number> = { 1: 0, 2: 1, 4: 2 };

/** Flag added to a kind argument of rt_str_new_from: the data is known to be ASCII. */
export const KIND_ASCII = 0x100;

/** Size of one static 1-character str in the `str_chars` table (U+0000..U+00FF). */
export const CHAR_STRIDE = 48;

/** Memory operand of the code point at index `idx` (register) of kind `k` from `base`. */
export function cpMem(k: Kind, base: R64, idx: R64 | undefined, disp = 0) {
  const m = idx === undefined ? mem(base, disp) : sib(base, idx, k, disp);
  return k === 1 ? byte(m) : k === 2 ? word(m) : dword(m);
}

/** dst32 = the code point of kind `k` at [base + idx*k + disp] (zero-extended). */
export function ld(a: Assembler<any>, k: Kind, dst: R32, base: R64, idx?: R64, disp = 0): void {
  if (k === 4) a.mov(dst, cpMem(k, base, idx, disp));
  else a.movzx(dst, cpMem(k, base, idx, disp));
}

/** Store the low `k` bytes of `src` at [base + idx*k + disp]. */
export function st(a: Assembler<any>, k: Kind, base: R64, idx: R64 | undefined, src: R64 | R32, disp = 0): void {
  const m = idx === undefined ? mem(base, disp) : sib(base, idx, k, disp);
  if (k === 1) a.mov(byte(m), resize(src, 8));
  else if (k === 2) a.mov(word(m), resize(src, 16));
  else a.mov(dword(m), resize(src, 32));
}

/** Raw address of the object value in `src` into `dst`. */
export function raw(a: Assembler<any>, dst: R64, src: R64): void {
  if (dst !== src) a.mov(dst, src);
  unboxPtr(a, dst);
}

/** dst32 = kind of the str at raw address `s`. */
export function kindOf(a: Assembler<any>, dst: R32, s: R64): void {
  a.movzx(dst, byte(mem(s, STR.kind)));
}

/** dst = length of the str at raw address `s`. */
export function lenOf(a: Assembler<any>, dst: R64, s: R64): void {
  a.mov(dst, qword(mem(s, STR.length)));
}

/**
 * Emit `body(k)` for each kind, dispatching on the kind in `kind32` (1, 2 or 4). Each body
 * falls through to a common end, so the code after byKind runs for every kind.
 */
export function byKind(a: Assembler<any>, kind32: R32, body: (k: Kind) => void): void {
  const done = a.newLabel();
  const l2 = a.newLabel();
  const l4 = a.newLabel();
  a.cmp(kind32, 2);
  a.je(l2);
  a.ja(l4);
  body(1);
  a.jmp(done);
  a.bind(l2);
  body(2);
  a.jmp(done);
  a.bind(l4);
  body(4);
  a.bind(done);
}

/** Jump to `no` unless `v` is an object whose type is exactly str. Clobbers `tmp` and r11. */
export function guardExactStr(a: Assembler<any>, v: R64, tmp: R64, no: Label): void {
  a.mov(tmp, v);
  a.shr(tmp, 48);
  a.cmp(resize(tmp, 32), TAG_OBJ);
  a.jne(no);
  a.mov(tmp, v);
  unboxPtr(a, tmp);
  a.lea(r11, rip(sym('type_str')));
  a.cmp(qword(mem(tmp)), r11);
  a.jne(no);
}

/** Box a raw object address in `r` (clobbers r11). */
export function box(a: Assembler<any>, r: R64): void {
  a.mov(r11, OBJ_TAG_BITS);
  a.or(r, r11);
}

/** rax = the value word stored at rodata symbol `name` (rt_const_None, const_str_empty...). */
export function loadConst(a: Assembler<any>, dst: R64, name: string): void {
  a.mov(dst, g(name));
}

/** Call `routine`; jump to `onExc` if it returned EXC. */
export function callChecked(a: Assembler<any>, routine: string, onExc: Label): void {
  a.call(sym(routine));
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

/**
 * Raise `type` with the rodata format `msg` (exc.ts directives); the format arguments
 * must already be in rdx, rcx, r8, r9. rax = EXC afterwards.
 */
export function raise(a: Assembler<any>, type: string, msg: string): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
}

/** Tail-call form of `raise`: jumps to rt_raise_fmt, which returns EXC to our caller. */
export function raiseTail(a: Assembler<any>, type: string, msg: string): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.jmp(sym('rt_raise_fmt'));
}

/**
 * Routines another area provides (containers, ints, floats, the lead's generic protocol).
 * Each is reached through a rodata word `str_weak_<name>` that holds its address when some
 * module of the image defines it, else 0, so the str runtime links (and raises a clear
 * SystemError at the call) before those modules exist.
 */
export const WEAK_ROUTINES = ['rt_list_from_values', 'rt_iter', 'rt_next', 'rt_getitem', 'rt_getattr', 'rt_format', 'rt_format_int', 'rt_float_format', 'rt_dict_new', 'rt_setitem', 'rt_index', 'rt_slice_indices_ex', 'type_slice', 'rt_float_as_double', 'rt_dtoa_format', 'rt_int_from_double', 'rt_dict_getitem', 'rt_dict_next', 'rt_dict_setitem'] as const;
export type WeakRoutine = (typeof WEAK_ROUTINES)[number];

export function weakData(): RuntimeDatum[] {
  return WEAK_ROUTINES.map((name) => ({
    name: `str_weak_${name}`,
    section: 'rodata' as const,
    align: 8,
    emit: (a: Assembler<any>, ctx) => a.u64(ctx.defined(name) ? sym(name) : 0n),
  }));
}

/**
 * Call the weak routine `name` (arguments already in place); if it is not linked, raise
 * SystemError naming it and jump to `onExc`. Clobbers rax and r11 before the call.
 */
export function callWeak(a: Assembler<any>, name: WeakRoutine, onExc: Label): void {
  const have = a.newLabel();
  a.mov(r11, g(`str_weak_${name}`));
  a.test(r11, r11);
  a.jne(have);
  a.lea(rdi, rip(sym('type_SystemError')));
  a.lea(rsi, rip(sym('msg_str_missing_routine')));
  a.lea(rdx, rip(sym(`str_weakname_${name}`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(onExc);
  a.bind(have);
  a.call(r11);
}

/**
 * A NUL-terminated message for rt_raise_cstr (taken literally: no format directives, so a
 * '%' needs no escaping, unlike exc.ts cstr()).
 */
export function literalCstr(name: string, text: string): RuntimeDatum {
  return { name, section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode(`${text}\0`)) };
}

/** The names of the weak routines as C strings (for the SystemError message). */
export function weakNames(): RuntimeDatum[] {
  return WEAK_ROUTINES.map((name) => ({
    name: `str_weakname_${name}`,
    section: 'rodata' as const,
    align: 1,
    emit: (a: Assembler<any>) => a.bytes(new TextEncoder().encode(`${name}\0`)),
  }));
}
