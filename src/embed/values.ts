// Converting values between JavaScript and the native runtime's NaN-boxed words.
//
// JavaScript -> Python (encode): null -> None, boolean -> bool, an integral number (not -0)
// (within ±(2^53-1)) -> int, any other number -> float, bigint -> int, string -> str, an array -> list, a Map
// or a plain object -> dict (object keys are strs), a PyFloat -> float. Each encoded value
// is pushed on the value stack, so it is a collector root while the rest is built and while
// the call runs (nested items are pushed, stored into their container, then popped).
//
// Python -> JavaScript (decode): None -> null, bool -> boolean, int -> number when it is a
// safe integer (|n| < 2^53), else bigint, float -> number, str -> string, list and tuple ->
// array, dict -> a plain object when every key is a str, else a Map. Anything else is a
// TypeError naming the Python type. Decoding only reads memory (nothing allocates), so the
// word being decoded cannot move or die underneath; shared and cyclic containers decode to
// shared and cyclic JavaScript objects.
//
// Layouts come from src/native/layout.ts (the single definition the runtime uses).

import koffi from 'koffi';
import { VALUE_STACK_WORDS } from '../../runtime/core/init.js';
import type { ImageWord, MappedImage } from '../native/jit.js';
import { BIGINT, boxFloat, boxInt, DICT, EXC, INT48_MAX, INT48_MIN, isFloatWord, LIST, OBJ_TAG_BITS, PAYLOAD_MASK, STR, TAG_INT, TAG_OBJ, TUPLE, TYPE, UNBOUND, unboxInt, VALUES } from '../native/layout.js';

/** A JavaScript number that must become a Python float even when it is integral. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** What the codec needs from a session. */
export interface CodecHost {
  readonly image: MappedImage;
  /** Call a runtime routine through rt_gc_enter. */
  enter(routine: bigint, ...args: bigint[]): bigint;
  sym(name: string): bigint;
}

/** Containers deeper than this are refused (a cycle in JavaScript data, most likely). */
const MAX_DEPTH = 500;

export class ValueCodec {
  private readonly host: CodecHost;
  private readonly img: MappedImage;
  private vs: DataView | null = null;
  private vsBase = 0n;
  private vsLimit = 0n;
  private readonly vsTop: ImageWord;
  private readonly types: { int: bigint; bool: bigint; float: bigint; str: bigint; list: bigint; tuple: bigint; dict: bigint; none: bigint; base: bigint };
  private readonly none: bigint;
  private readonly yes: bigint;
  private readonly no: bigint;
  private readonly r: Record<'str_from_utf8' | 'int_from_mag' | 'list_new' | 'list_append' | 'dict_new' | 'dict_setitem', bigint>;
  private readonly typeNames = new Map<bigint, string>();

  constructor(host: CodecHost) {
    this.host = host;
    this.img = host.image;
    const s = host.sym;
    this.vsTop = host.image.word(s('rt_vs_top'));
    this.types = { int: s('type_int'), bool: s('type_bool'), float: s('type_float'), str: s('type_str'), list: s('type_list'), tuple: s('type_tuple'), dict: s('type_dict'), none: s('type_NoneType'), base: s('type_BaseException') };
    this.none = s('obj_None') | OBJ_TAG_BITS;
    this.yes = s('obj_True') | OBJ_TAG_BITS;
    this.no = s('obj_False') | OBJ_TAG_BITS;
    this.r = {
      str_from_utf8: s('rt_str_from_utf8'),
      int_from_mag: s('rt_int_from_mag'),
      list_new: s('rt_list_new'),
      list_append: s('rt_list_append'),
      dict_new: s('rt_dict_new'),
      dict_setitem: s('rt_dict_setitem'),
    };
  }

  /** After rt_runtime_init: a view over the value stack for pushes. */
  attach(): void {
    this.vsBase = this.img.readU64(this.host.sym('rt_vs_base'));
    this.vsLimit = this.img.readU64(this.host.sym('rt_vs_limit'));
    this.vs = new DataView(koffi.view(this.vsBase as any, VALUE_STACK_WORDS * 8) as ArrayBuffer);
  }

  detach(): void {
    this.vs = null;
  }

  // ---- the value stack ------------------------------------------------------------------------

  /** The current top (to give back to release()). */
  mark(): bigint {
    return this.vsTop.get();
  }

  top(): bigint {
    return this.mark();
  }

  release(mark: bigint): void {
    this.vsTop.set(mark);
  }

  push(word: bigint): void {
    if (this.vs === null) throw new Error('runtime not started');
    const t = this.vsTop.get();
    if (t + 8n > this.vsLimit) throw new RangeError('value stack exhausted while converting arguments');
    this.vs.setBigUint64(Number(t - this.vsBase), word, true);
    this.vsTop.set(t + 8n);
  }

  private pop(n = 1): void {
    this.vsTop.set(this.vsTop.get() - 8n * BigInt(n));
  }

  /** The word `back` slots below the top (1 = the top word). */
  private peek(back = 1): bigint {
    const t = this.vsTop.get();
    return this.vs!.getBigUint64(Number(t - this.vsBase) - 8 * back, true);
  }

  // ---- JavaScript -> Python -------------------------------------------------------------------

  private call(routine: bigint, ...args: bigint[]): bigint {
    const r = this.host.enter(routine, ...args);
    if (r === EXC) {
      this.img.writeU64(this.host.sym('rt_exc'), UNBOUND);
      throw new RangeError('the native runtime could not build an argument (out of memory?)');
    }
    return r;
  }

  /** Convert `v` and push the word. */
  encode(v: unknown, depth = 0): void {
    if (depth > MAX_DEPTH) throw new TypeError('argument nests too deeply (a cycle?) to convert to Python');
    if (v === null) return this.push(this.none);
    switch (typeof v) {
      case 'boolean':
        return this.push(v ? this.yes : this.no);
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return this.encodeInt(BigInt(v));
        return this.push(boxFloat(v));
      case 'bigint':
        return this.encodeInt(v);
      case 'string': {
        const bytes = Buffer.from(v, 'utf8');
        return this.push(this.call(this.r.str_from_utf8, BigInt(koffi.address(bytes) as unknown as bigint), BigInt(bytes.length)));
      }
      case 'object': {
        if (v instanceof PyFloat) return this.push(boxFloat(v.value));
        if (Array.isArray(v)) {
          this.push(this.call(this.r.list_new, BigInt(v.length)));
          for (const item of v) {
            this.encode(item, depth + 1);
            this.call(this.r.list_append, this.peek(2), this.peek(1));
            this.pop();
          }
          return;
        }
        const entries = v instanceof Map ? [...v.entries()] : isPlainObject(v) ? Object.entries(v) : null;
        if (entries !== null) {
          this.push(this.call(this.r.dict_new));
          for (const [k, x] of entries) {
            this.encode(k, depth + 1);
            this.encode(x, depth + 1);
            const r = this.host.enter(this.r.dict_setitem, this.peek(3), this.peek(2), this.peek(1));
            if (r === EXC) {
              this.img.writeU64(this.host.sym('rt_exc'), UNBOUND);
              throw new TypeError(`cannot use ${describe(k)} as a Python dict key (unhashable)`);
            }
            this.pop(2);
          }
          return;
        }
        throw new TypeError(`cannot convert ${describe(v)} to a Python value`);
      }
      default:
        throw new TypeError(`cannot convert ${describe(v)} to a Python value`);
    }
  }

  private encodeInt(v: bigint): void {
    if (v >= INT48_MIN && v <= INT48_MAX) return this.push(boxInt(v));
    // Magnitude in 64-bit limbs, least significant first (rt_int_from_mag).
    let m = v < 0n ? -v : v;
    const limbs: bigint[] = [];
    while (m > 0n) {
      limbs.push(m & 0xffff_ffff_ffff_ffffn);
      m >>= 64n;
    }
    const buf = Buffer.from(new BigUint64Array(limbs).buffer);
    this.push(this.call(this.r.int_from_mag, BigInt(koffi.address(buf) as unknown as bigint), BigInt(limbs.length), v < 0n ? BigInt.asUintN(64, -1n) : 1n));
  }

  // ---- Python -> JavaScript -------------------------------------------------------------------

  private u64(addr: bigint): bigint {
    return this.img.readU64(addr);
  }

  /** The type object's address of an object word. */
  private typeOf(word: bigint): bigint {
    return this.u64(word & PAYLOAD_MASK);
  }

  /** The name of a value's type (`int`, `ZeroDivisionError`...). */
  typeName(word: bigint): string {
    if (isFloatWord(word)) return 'float';
    const tag = Number(word >> 48n);
    if (tag === TAG_INT) return 'int';
    if (tag !== TAG_OBJ) return '<internal value>';
    const t = this.typeOf(word);
    let n = this.typeNames.get(t);
    if (n === undefined) {
      n = this.decodeStr(this.u64(t + BigInt(TYPE.name)));
      this.typeNames.set(t, n);
    }
    return n;
  }

  decodeStr(word: bigint): string {
    const p = word & PAYLOAD_MASK;
    const len = Number(this.u64(p + BigInt(STR.length)));
    if (len === 0) return '';
    const kind = this.img.read(p + BigInt(STR.kind), 1)[0];
    const data = this.img.read(p + BigInt(STR.data), len * kind);
    if (kind === 1) return Buffer.from(data).toString('latin1');
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const cps: number[] = new Array(len);
    for (let i = 0; i < len; i++) cps[i] = kind === 2 ? dv.getUint16(2 * i, true) : dv.getUint32(4 * i, true);
    // Lone surrogates are valid in Python strs and in JavaScript strings alike.
    let out = '';
    for (let i = 0; i < len; i += 8192) out += String.fromCodePoint(...cps.slice(i, i + 8192));
    return out;
  }

  private decodeBigInt(p: bigint): bigint {
    const nd = Number(this.u64(p + BigInt(BIGINT.ndigits)));
    const sign = BigInt.asIntN(64, this.u64(p + BigInt(BIGINT.sign)));
    const digits = this.img.read(p + BigInt(BIGINT.digits), 4 * nd);
    const dv = new DataView(digits.buffer, digits.byteOffset, digits.byteLength);
    let m = 0n;
    for (let i = nd - 1; i >= 0; i--) m = (m << 32n) | BigInt(dv.getUint32(4 * i, true));
    return sign < 0n ? -m : m;
  }

  /** Items of a `values` array (list storage, dict entries). */
  private valuesOf(arrayWord: bigint, count: number): bigint[] {
    const p = arrayWord & PAYLOAD_MASK;
    const raw = this.img.read(p + BigInt(VALUES.items), 8 * count);
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: count }, (_, i) => dv.getBigUint64(8 * i, true));
  }

  decode(word: bigint, seen: Map<bigint, unknown> = new Map()): unknown {
    if (isFloatWord(word)) {
      const dv = new DataView(new ArrayBuffer(8));
      dv.setBigUint64(0, word, true);
      return dv.getFloat64(0, true);
    }
    const tag = Number(word >> 48n);
    if (tag === TAG_INT) return Number(unboxInt(word));
    if (tag !== TAG_OBJ) throw new TypeError('cannot convert an internal runtime value to JavaScript');
    const p = word & PAYLOAD_MASK;
    const known = seen.get(p);
    if (known !== undefined) return known;
    const t = this.typeOf(word);
    const T = this.types;
    if (t === T.none) return null;
    if (t === T.bool) return word === this.yes;
    if (t === T.str) return this.decodeStr(word);
    if (t === T.int) {
      const v = this.decodeBigInt(p);
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    if (t === T.list || t === T.tuple) {
      const out: unknown[] = [];
      seen.set(p, out);
      const n = Number(this.u64(p + BigInt(t === T.list ? LIST.length : TUPLE.length)));
      const items = t === T.list ? this.valuesOf(this.u64(p + BigInt(LIST.items)), n) : this.tupleItems(p, n);
      for (const w of items) out.push(this.decode(w, seen));
      return out;
    }
    if (t === T.dict) {
      const n = Number(this.u64(p + BigInt(DICT.nentries)));
      const pairs = n === 0 ? [] : this.valuesOf(this.u64(p + BigInt(DICT.entries)), 2 * n);
      const live: [bigint, bigint][] = [];
      for (let i = 0; i < n; i++) if (pairs[2 * i] !== UNBOUND) live.push([pairs[2 * i], pairs[2 * i + 1]]);
      const allStr = live.every(([k]) => Number(k >> 48n) === TAG_OBJ && this.typeOf(k) === T.str);
      if (allStr) {
        const obj: Record<string, unknown> = {};
        seen.set(p, obj);
        for (const [k, v] of live) Object.defineProperty(obj, this.decodeStr(k), { value: this.decode(v, seen), enumerable: true, writable: true, configurable: true });
        return obj;
      }
      const m = new Map<unknown, unknown>();
      seen.set(p, m);
      for (const [k, v] of live) m.set(this.decode(k, seen), this.decode(v, seen));
      return m;
    }
    throw new TypeError(`cannot convert a Python '${this.typeName(word)}' to a JavaScript value`);
  }

  private tupleItems(p: bigint, n: number): bigint[] {
    const raw = this.img.read(p + BigInt(TUPLE.items), 8 * n);
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: n }, (_, i) => dv.getBigUint64(8 * i, true));
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'object' && v !== null) return `an object of class ${v.constructor?.name ?? '?'}`;
  return `${typeof v} ${String(v)}`;
}
