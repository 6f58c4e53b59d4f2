// Helpers of the native str tests: building Python values of the fixture encoding
// (scripts/gen-str-fixtures.py) inside the runtime (lists and dicts through the containers'
// constructors), calling vector-ABI entries, and reading results back.

import { readFileSync } from 'node:fs';
import { BIGINT, BYTES, OBJ_TAG_BITS, PAYLOAD_MASK, STR, TUPLE } from '../../src/native/layout.js';
import { type Decoded, loadRuntime, type Rt } from './harness.js';

export type FixValue = string | boolean | null | { cp: number[] } | { i: string } | { f: string } | { t: FixValue[] } | { l: FixValue[] } | { b: string } | { d: [FixValue, FixValue][] };

export interface StrCase {
  op: string;
  self: FixValue;
  args: FixValue[];
  kw?: Record<string, FixValue>;
  r?: FixValue;
  e?: [string, string];
}

/**
 * The fixture's cases that the runtime answers on its own. `encode` with an encoding the
 * runtime does not know (the LookupError cases) goes through runtime/nativelib/_edgepyc_bytes.py,
 * which is linked only into programs that name `encode` (program.ts BYTES_NAMES), not into
 * this bare runtime; tests/programs/bytes_native/encode_unknown.py checks those natively.
 */
export function loadCases(): StrCase[] {
  const all = JSON.parse(readFileSync(new URL('./fixtures/str_cases.json', import.meta.url), 'utf8')) as StrCase[];
  return all.filter((c) => !(c.op === 'encode' && c.e?.[0] === 'LookupError'));
}

/** The whole runtime, mapped for str tests (collections held back, as loadRuntime does). */
export function loadStrRuntime(): Rt {
  return loadRuntime();
}

export class Builder {
  private at = 512n * 1024n;
  constructor(readonly rt: Rt) {}

  private scratch(bytes: number): bigint {
    if (this.at + BigInt(bytes) > 1024n * 1024n) this.at = 512n * 1024n;
    const p = this.rt.scratch + this.at;
    this.at += BigInt((bytes + 15) & ~15);
    return p;
  }

  /** A str of the code points of a JS string (a lone surrogate stays one code point). */
  str(text: string): bigint {
    return this.cps(Array.from(text, (c) => c.codePointAt(0)!));
  }

  /** A str of exactly these code points (adjacent surrogates stay two code points). */
  cps(cps: number[]): bigint {
    const buf = new Uint8Array(cps.length * 4 + 4);
    const dv = new DataView(buf.buffer);
    cps.forEach((c, i) => dv.setUint32(4 * i, c, true));
    const p = this.scratch(buf.length);
    this.rt.img.write(p, buf);
    return this.rt.call('rt_str_new_from', p, BigInt(cps.length), 4n);
  }

  int(v: bigint): bigint {
    if (v >= -(1n << 47n) && v < 1n << 47n) return this.rt.int(v);
    let m = v < 0n ? -v : v;
    const digits: number[] = [];
    while (m > 0n) {
      digits.push(Number(m & 0xffffffffn));
      m >>= 32n;
    }
    const size = BIGINT.digits + 4 * digits.length + 8;
    const p = this.rt.call('rt_alloc', BigInt(size), this.rt.addr('type_int'));
    this.rt.img.writeU64(p + BigInt(BIGINT.ndigits), BigInt(digits.length));
    this.rt.img.writeU64(p + BigInt(BIGINT.sign), v < 0n ? BigInt.asUintN(64, -1n) : 1n);
    const b = new Uint8Array(4 * digits.length + 4);
    const dv = new DataView(b.buffer);
    digits.forEach((d, i) => dv.setUint32(4 * i, d, true));
    this.rt.img.write(p + BigInt(BIGINT.digits), b);
    return p | OBJ_TAG_BITS;
  }

  tuple(items: bigint[]): bigint {
    const p = this.rt.call('rt_tuple_alloc', BigInt(items.length));
    items.forEach((w, i) => this.rt.img.writeU64(p + BigInt(TUPLE.items + 8 * i), w));
    return p | OBJ_TAG_BITS;
  }

  list(items: bigint[]): bigint {
    const p = this.words(items);
    return this.rt.call('rt_list_from_values', p, BigInt(items.length));
  }

  /** A dict through the containers' rt_dict_new / rt_dict_setitem. */
  dict(pairs: [bigint, bigint][]): bigint {
    const d = this.rt.call('rt_dict_new');
    for (const [k, v] of pairs) this.rt.call('rt_dict_setitem', d, k, v);
    return d;
  }

  bytes(hex: string): bigint {
    const data = Buffer.from(hex, 'hex');
    const p = this.rt.call('rt_alloc', BigInt(BYTES.data + data.length + 1), this.rt.addr('type_bytes'));
    this.rt.img.writeU64(p + BigInt(BYTES.length), BigInt(data.length));
    this.rt.img.writeU64(p + BigInt(BYTES.hash), BigInt.asUintN(64, -1n));
    this.rt.img.write(p + BigInt(BYTES.data), new Uint8Array(data));
    return p | OBJ_TAG_BITS;
  }

  /** Write value words to scratch memory; returns the address. */
  words(ws: bigint[]): bigint {
    const p = this.scratch(8 * ws.length + 8);
    ws.forEach((w, i) => this.rt.img.writeU64(p + BigInt(8 * i), w));
    return p;
  }

  value(v: FixValue): bigint {
    if (v === null) return this.rt.none;
    if (v === true) return this.rt.true;
    if (v === false) return this.rt.false;
    if (typeof v === 'string') return this.str(v);
    if ('cp' in v) return this.cps(v.cp);
    if ('i' in v) return this.int(BigInt(v.i));
    if ('f' in v) return this.rt.float(v.f === 'inf' ? Infinity : v.f === '-inf' ? -Infinity : Number(v.f));
    if ('t' in v) return this.tuple(v.t.map((x) => this.value(x)));
    if ('l' in v) return this.list(v.l.map((x) => this.value(x)));
    if ('d' in v) return this.dict(v.d.map(([k, x]) => [this.value(k), this.value(x)]));
    return this.bytes(v.b);
  }

  /** Call a vector-ABI entry with self, positional and keyword arguments. */
  callVector(entry: string, self: bigint | undefined, args: bigint[], kw: [string, bigint][] = []): bigint {
    const all = [...(self === undefined ? [] : [self]), ...args, ...kw.map(([, v]) => v)];
    const kwnames = kw.length === 0 ? 0n : this.tuple(kw.map(([k]) => this.str(k)));
    const p = this.words(all);
    return this.rt.call(entry, p, BigInt(all.length), kwnames);
  }
}

/** The fixture value as rt.decode() shows it. */
export function expected(v: FixValue): Decoded {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if ('cp' in v) return v.cp.map((c) => String.fromCodePoint(c)).join('');
  if ('i' in v) return BigInt(v.i);
  if ('f' in v) return v.f === 'inf' ? Infinity : v.f === '-inf' ? -Infinity : Number(v.f);
  if ('t' in v) return { tuple: v.t.map(expected) };
  if ('l' in v) return { list: v.l.map(expected) };
  if ('d' in v) return { dict: v.d.map(([k, x]) => [expected(k), expected(x)]) } as unknown as Decoded;
  return { bytes: v.b } as unknown as Decoded;
}

/** rt.decode plus bytes objects as { bytes: hex } and dicts as { dict: [[k, v]...] }. */
export function decodeValue(rt: Rt, w: bigint): Decoded {
  if (rt.typeName(w) === 'dict') {
    const pairs: [Decoded, Decoded][] = [];
    const p = w & PAYLOAD_MASK;
    const used = Number(rt.img.readU64(p + 16n));
    const entries = rt.img.readU64(p + 40n) & PAYLOAD_MASK;
    const n = Number(rt.img.readU64(p + 48n));
    for (let i = 0; i < n && entries !== 0n; i++) {
      const k = rt.img.readU64(entries + 24n + BigInt(16 * i));
      if (k === 0xfffa_0000_0000_0000n) continue;
      pairs.push([decodeValue(rt, k), decodeValue(rt, rt.img.readU64(entries + 32n + BigInt(16 * i)))]);
    }
    if (pairs.length !== used) throw new Error('decodeValue: dict entries and used differ');
    return { dict: pairs } as unknown as Decoded;
  }
  if (rt.typeName(w) === 'bytes') {
    const p = w & PAYLOAD_MASK;
    const n = Number(rt.img.readU64(p + BigInt(BYTES.length)));
    return { bytes: Buffer.from(rt.img.read(p + BigInt(BYTES.data), n)).toString('hex') } as unknown as Decoded;
  }
  return rt.decode(w);
}

/** Kind and ascii flag of a str value (canonical form checks). */
export function strForm(rt: Rt, w: bigint): [number, number] {
  const b = rt.img.read((w & PAYLOAD_MASK) + BigInt(STR.kind), 2);
  return [b[0]!, b[1]!];
}
