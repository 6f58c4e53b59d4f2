// Test helpers of the container runtime tests (list, tuple, dict, set, range, slice): build
// runtime values from the JSON encoding of scripts/gen-container-fixtures.py, read them back
// in the same encoding, and call builtin methods through their type dicts.
//
//   J = number | {big: "decimal"} | {float: "repr"} | null | boolean | string | J[] (list) | {t: J[]} (tuple)
//     | {set: J[]} | {frozenset: J[]} | {dict: [J, J][]} | {range: [start, stop, step]}
//     | {slice: [J, J, J]} | {exc: "TypeError", args: J[]}

import { readFileSync } from 'node:fs';
import { BIGINT, boxInt, DICT, DUMMY, EXC, INT48_MAX, INT48_MIN, OBJ_TAG_BITS, PAYLOAD_MASK, RANGE, SET, SLICE, STR, strHash, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { Decoded, Rt } from './harness.js';

export type J =
  | number
  | null
  | boolean
  | string
  | J[]
  | { big: string }
  | { float: string }
  | { t: J[] }
  | { set: J[] }
  | { frozenset: J[] }
  | { dict: [J, J][] }
  | { range: [J, J, J] }
  | { slice: [J, J, J] }
  | { exc: string; args: J[] };

const ARG_WORDS = 256;

export const fixtures = JSON.parse(readFileSync(new URL('./containers-fixtures.json', import.meta.url), 'utf8')) as Record<string, any>;

export class Values {
  /** A heap `values` array used as argument memory for vector-ABI calls (GC is off in tests). */
  private readonly args: bigint;
  constructor(readonly rt: Rt) {
    this.args = rt.call('rt_list_values_new', BigInt(ARG_WORDS)) + 24n;
  }

  /** A str value with its hash cached (the same hash rt_hash_str computes). */
  str(text: string): bigint {
    const v = this.rt.str(text);
    this.rt.img.writeU64((v & PAYLOAD_MASK) + BigInt(STR.hash), BigInt.asUintN(64, strHash(text)));
    return v;
  }

  /** An int value: small, or a heap big int laid out by hand (BIGINT). */
  int(n: bigint | number): bigint {
    const b = BigInt(n);
    if (b >= INT48_MIN && b <= INT48_MAX) return boxInt(b);
    let m = b < 0n ? -b : b;
    const digits: number[] = [];
    while (m > 0n) {
      digits.push(Number(m & 0xffff_ffffn));
      m >>= 32n;
    }
    const p = this.rt.call('rt_alloc', BigInt(BIGINT.digits + 4 * digits.length), this.rt.addr('type_int'));
    this.rt.img.writeU64(p + BigInt(BIGINT.ndigits), BigInt(digits.length));
    this.rt.img.writeU64(p + BigInt(BIGINT.sign), b < 0n ? BigInt.asUintN(64, -1n) : 1n);
    digits.forEach((d, i) => {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setUint32(0, d, true);
      this.rt.img.write(p + BigInt(BIGINT.digits + 4 * i), bytes);
    });
    return p | OBJ_TAG_BITS;
  }

  list(items: bigint[]): bigint {
    if (items.length <= ARG_WORDS) return this.rt.call('rt_list_from_values', this.put(items), BigInt(items.length));
    const l = this.rt.call('rt_list_new', 0n);
    for (const x of items) this.rt.call('rt_list_append', l, x);
    return l;
  }

  tuple(items: bigint[]): bigint {
    this.put(items);
    return this.rt.call('rt_tuple_from_values', this.args, BigInt(items.length));
  }

  dict(pairs: [bigint, bigint][]): bigint {
    this.put(pairs.flat());
    return this.rt.call('rt_dict_from_pairs', this.args, BigInt(pairs.length));
  }

  /** Build the runtime value of a JSON-encoded Python value. */
  make(v: J): bigint {
    const rt = this.rt;
    if (v === null) return rt.none;
    if (v === true) return rt.true;
    if (v === false) return rt.false;
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.str(v);
    if (Array.isArray(v)) return this.list(v.map((x) => this.make(x)));
    if ('big' in v) return this.int(BigInt(v.big));
    if ('float' in v) return rt.float(Number(v.float));
    if ('t' in v) return this.tuple(v.t.map((x) => this.make(x)));
    if ('dict' in v) return this.dict(v.dict.map(([k, x]) => [this.make(k), this.make(x)]));
    if ('slice' in v) {
      const [a, b, c] = v.slice.map((x) => this.make(x));
      return rt.call('rt_slice_new', a!, b!, c!);
    }
    if ('set' in v || 'frozenset' in v) {
      const items = 'set' in v ? v.set : v.frozenset;
      const l = this.list(items.map((x) => this.make(x)));
      return rt.call('set' in v ? 'rt_set_from_iterable' : 'rt_frozenset_from_iterable', l);
    }
    if ('range' in v) {
      const [a, b, c] = v.range.map((x) => this.make(x));
      this.put([a!, b!, c!]);
      return rt.call('rt_new_range', rt.addr('type_range'), this.args, 3n, 0n);
    }
    throw new Error(`make: ${JSON.stringify(v)}`);
  }

  /** The JSON encoding of a runtime value (EXC: the pending exception). */
  read(w: bigint): J {
    return this.norm(this.rt.decode(w));
  }

  norm(d: Decoded): J {
    if (typeof d === 'bigint') return d >= -(2n ** 53n) && d <= 2n ** 53n ? Number(d) : { big: d.toString() };
    if (typeof d === 'number') return { float: Object.is(d, -0) ? '-0.0' : Number.isInteger(d) ? d.toFixed(1) : String(d) };
    if (d === null || typeof d === 'boolean' || typeof d === 'string') return d;
    if (d === 'UNBOUND') throw new Error('read: UNBOUND');
    if ('raised' in d) return this.norm(d.raised);
    if ('exc' in d) return { exc: d.exc, args: d.args.map((x) => this.norm(x)) };
    if ('tuple' in d) return { t: d.tuple.map((x) => this.norm(x)) };
    if ('list' in d) return d.list.map((x) => this.norm(x));
    if ('type' in d) {
      const u = (off: number) => this.rt.img.readU64(d.addr + BigInt(off));
      const rd = (w: bigint) => this.read(w);
      switch (d.type) {
        case 'dict': {
          const out: [J, J][] = [];
          const n = Number(u(DICT.nentries));
          const ents = (u(DICT.entries) & PAYLOAD_MASK) + BigInt(VALUES.items);
          for (let i = 0; i < n; i++) {
            const k = this.rt.img.readU64(ents + BigInt(16 * i));
            if (k !== UNBOUND) out.push([rd(k), rd(this.rt.img.readU64(ents + BigInt(16 * i + 8)))]);
          }
          return { dict: out };
        }
        case 'set':
        case 'frozenset': {
          const items: J[] = [];
          const table = (u(SET.table) & PAYLOAD_MASK) + BigInt(VALUES.items);
          for (let i = 0; i <= Number(u(SET.mask)); i++) {
            const k = this.rt.img.readU64(table + BigInt(8 * i));
            if (k !== UNBOUND && k !== DUMMY) items.push(rd(k));
          }
          return d.type === 'set' ? { set: items } : { frozenset: items };
        }
        case 'range':
          return { range: [rd(u(RANGE.start)), rd(u(RANGE.stop)), rd(u(RANGE.step))] };
        case 'slice':
          return { slice: [rd(u(SLICE.start)), rd(u(SLICE.stop)), rd(u(SLICE.step))] };
        default:
          break;
      }
    }
    throw new Error(`read: ${JSON.stringify(d, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))}`);
  }

  /** Store argument words in the argument area; returns its address. */
  put(words: bigint[]): bigint {
    if (words.length > ARG_WORDS) throw new Error('too many argument words');
    words.forEach((w, i) => this.rt.img.writeU64(this.args + BigInt(8 * i), w));
    return this.args;
  }

  /** The method object `name` of a builtin type (from typedict_<type>), or UNBOUND. */
  method(type: string, name: string): bigint {
    const td = this.rt.addr(`typedict_${type}`) | OBJ_TAG_BITS;
    return this.rt.call('rt_dict_lookup_str', td, this.str(name));
  }

  /** Call a builtin method: type.name(self, *args, **kw) through rt_call (args[0] = self). */
  call(type: string, name: string, self: bigint, args: bigint[] = [], kw: Record<string, bigint> = {}): bigint {
    const f = this.method(type, name);
    if (f === UNBOUND) throw new Error(`no method ${type}.${name}`);
    const names = Object.keys(kw);
    const kwnames = names.length === 0 ? 0n : this.tuple(names.map((n) => this.str(n)));
    const words = [self, ...args, ...names.map((n) => kw[n]!)];
    this.put(words);
    return this.rt.call('rt_call', f, this.args, BigInt(words.length), kwnames);
  }

  /** Call a type's constructor through its new (and init) slot: like CPython's type call. */
  construct(type: string, args: bigint[] = [], kw: Record<string, bigint> = {}): bigint {
    const names = Object.keys(kw);
    const kwnames = names.length === 0 ? 0n : this.tuple(names.map((n) => this.str(n)));
    const words = [...args, ...names.map((n) => kw[n]!)];
    const t = this.rt.addr(`type_${type}`);
    this.put(words);
    const obj = this.rt.call(`rt_new_${type}`, t, this.args, BigInt(words.length), kwnames);
    if (obj === EXC) return obj;
    const init = `rt_init_${type}`;
    if (!this.rt.img.link.addresses.has(init)) return obj;
    this.put(words);
    const r = this.rt.call(init, obj, this.args, BigInt(words.length), kwnames);
    return r === EXC ? EXC : obj;
  }
}
