// Static objects: objects that live in the image instead of the heap.
//
// Constants of the program (strings, big ints, tuples of constants, code descriptors) and
// the runtime's builtin objects (type objects, None, True, False, exception types) are laid
// out at link time with the same headers as heap objects, flagged GC_STATIC so the
// collector never marks or frees them. Static objects never point to heap objects; mutable
// static areas that may (module globals tables) are registered as collector roots instead.
// References between them are `box:name` data words, patched by the linker.

import { type Assembler, sym } from '../asm/index.js';
import { BOX_PREFIX } from './image.js';
import type { EmitContext, RuntimeDatum } from './rt.js';
import { boxFloat, boxInt, GC_STATIC, strHash, INT48_MAX, INT48_MIN, LAYOUTS, type LayoutKind, UNBOUND } from './layout.js';

/** A value word to emit: an immediate NaN-boxed word, or a boxed reference to a symbol. */
export type StaticWord = { imm: bigint } | { box: string } | { addr: string } | { raw: bigint } | { addrIfDefined: string } | { boxIfDefined: string; otherwise: bigint };

export function wordInt(v: bigint | number): StaticWord {
  const b = BigInt(v);
  if (b < INT48_MIN || b > INT48_MAX) throw new Error('wordInt: not an int48');
  return { imm: boxInt(b) };
}

export function wordFloat(x: number): StaticWord {
  return { imm: boxFloat(x) };
}

export const WORD_UNBOUND: StaticWord = { imm: UNBOUND };

export function emitWord(a: Assembler<any>, w: StaticWord, ctx?: EmitContext): void {
  if ('imm' in w) a.u64(w.imm);
  else if ('addrIfDefined' in w) {
    if (ctx === undefined) throw new Error('emitWord: addrIfDefined needs the emit context');
    a.u64(ctx.defined(w.addrIfDefined) ? sym(w.addrIfDefined) : 0n);
  } else if ('boxIfDefined' in w) {
    if (ctx === undefined) throw new Error('emitWord: boxIfDefined needs the emit context');
    a.u64(ctx.defined(w.boxIfDefined) ? sym(BOX_PREFIX + w.boxIfDefined) : w.otherwise);
  }
  else if ('raw' in w) a.u64(w.raw);
  else if ('box' in w) a.u64(sym(BOX_PREFIX + w.box));
  else a.u64(sym(w.addr));
}

/**
 * Header aux word of the builtin functions of builtins and the native modules (len,
 * math.sqrt): like CPython's builtin_function_or_method they are not descriptors, so a
 * class attribute `f = len` is still `len` on instances (runtime/core/methods.ts METHOD_KIND
 * has the kinds of builtin methods of types).
 */
export const METHOD_KIND_MODULE = 3;

/** Object header: type address, GC flags (static), aux. */
export function emitHeader(a: Assembler<any>, typeSym: string, aux = 0): void {
  a.u64(sym(typeSym));
  a.u32(GC_STATIC);
  a.u32(aux);
}

/**
 * A static builtin function `symbol` (unbound, arity word 0) with the vector-ABI `entry` and
 * its name str `symbol.name`: the objects the builtins and the native modules hand out.
 */
export function builtinFunctionData(symbol: string, name: string, entry: string): RuntimeDatum[] {
  return [
    { name: `${symbol}.name`, section: 'rodata', align: 16, emit: (a) => emitStr(a, name) },
    {
      name: symbol,
      section: 'rodata',
      align: 16,
      emit: (a) => {
        emitHeader(a, 'type_builtin_function_or_method', METHOD_KIND_MODULE);
        a.u64(sym(entry));
        a.u64(sym(`${BOX_PREFIX}${symbol}.name`));
        a.u64(UNBOUND);
        a.u64(0n);
      },
    },
  ];
}

/** A static str object (PEP 393 layout: 1, 2 or 4 bytes per code point). */
export function emitStr(a: Assembler<any>, text: string): void {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const max = cps.reduce((m, c) => Math.max(m, c), 0);
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const ascii = max < 0x80 ? 1 : 0;
  emitHeader(a, 'type_str');
  a.u64(cps.length);
  a.u64(BigInt.asUintN(64, strHash(text)));
  a.u8(kind);
  a.u8(ascii);
  a.bytes(new Uint8Array(6));
  const data = new Uint8Array(cps.length * kind + kind);
  const dv = new DataView(data.buffer);
  cps.forEach((c, i) => {
    if (kind === 1) data[i] = c;
    else if (kind === 2) dv.setUint16(i * 2, c, true);
    else dv.setUint32(i * 4, c, true);
  });
  a.bytes(data); // trailing zero code point, convenient for C-style scans
}

/** A static tuple of value words. */
export function emitTuple(a: Assembler<any>, items: StaticWord[]): void {
  emitHeader(a, 'type_tuple');
  a.u64(items.length);
  for (const w of items) emitWord(a, w);
}

/** A static object with `fields` value words after the header (layout `fixed`). */
export function emitFixed(a: Assembler<any>, typeSym: string, fields: StaticWord[]): void {
  emitHeader(a, typeSym, fields.length);
  for (const w of fields) emitWord(a, w);
}

/** A static big int (magnitude in 32-bit digits). */
export function emitBigInt(a: Assembler<any>, v: bigint): void {
  const neg = v < 0n;
  let m = neg ? -v : v;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & 0xffffffffn));
    m >>= 32n;
  }
  emitHeader(a, 'type_int');
  a.u64(digits.length);
  a.u64(neg ? BigInt.asUintN(64, -1n) : 1n);
  for (const d of digits) a.u32(d);
  if (digits.length % 2 === 1) a.u32(0);
}

export function layoutId(kind: LayoutKind): number {
  return LAYOUTS[kind].id;
}
