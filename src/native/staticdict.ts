// Static dicts: dicts laid out at link time, byte-compatible with the runtime's dict.
//
// The type dicts of builtin types (`typedict_<type>`) and the builtins dict are built here
// from str keys and StaticWord values. The layout is runtime/core/dict.ts's (layout.ts DICT,
// DICTKEYS): the dict object, a DICTKEYS table (i32 indices, then the entry hashes) and a
// `values` array of (key, value) pairs, each its own data item so they refer to each other
// with `box:` words. Keys are static strs carrying strHash, placed by the same probe
// sequence as rt_dict_find_slot, so rt_dict_lookup_str and every other dict routine read
// them. All three objects are GC_STATIC and never point to heap objects. They are meant for
// rodata: lookups never write, and nothing may insert into them (a mutable copy is one
// rt_dict_copy away).

import { sym } from '../asm/index.js';
import { BOX_PREFIX } from './image.js';
import { DICT, DICTKEYS, strHash, VALUES } from './layout.js';
import type { EmitContext, RuntimeDatum } from './rt.js';
import { emitHeader, emitStr, emitWord, type StaticWord } from './statics.js';

export interface StaticDictEntry {
  readonly key: string;
  readonly value: StaticWord;
  /** Leave the entry out unless the image defines this symbol (e.g. the value's object). */
  readonly requires?: string;
}

/** Pairs a table of `size` indices holds (USABLE_FRACTION, as dict.ts). */
function usable(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** log2 of the index count for a dict made to hold `n` pairs (estimate_log2_keysize). */
export function staticDictLog2(n: number): number {
  const minsize = Math.floor((n * 3 + 1) / 2);
  let log2 = 3;
  while (1 << log2 < minsize) log2++;
  return log2;
}

/**
 * The index table of a dict holding `hashes` in insertion order: entry i goes to the first
 * empty slot of its probe sequence (i = i*5 + perturb + 1, perturb >>= 5 over the unsigned
 * 64-bit hash), as the runtime inserts them.
 */
export function staticDictIndices(hashes: readonly bigint[], log2: number): Int32Array {
  const size = 1 << log2;
  const mask = BigInt(size - 1);
  const indices = new Int32Array(size).fill(-1);
  hashes.forEach((h, ix) => {
    let perturb = BigInt.asUintN(64, h);
    let i = perturb & mask;
    while (indices[Number(i)] !== -1) {
      perturb >>= 5n;
      i = (i * 5n + perturb + 1n) & mask;
    }
    indices[Number(i)] = ix;
  });
  return indices;
}

/** The static str of key `index` (of all its entries) of static dict `name`. */
export function staticDictKeySymbol(name: string, index: number): string {
  return `${name}.k${index}`;
}

/**
 * Data items of a static dict `name` with `entries` in order (keys must be distinct):
 * `name` (the dict), `name.keys`, `name.entries` and one static str per key `name.k<i>`.
 */
export function staticDictData(name: string, entries: readonly StaticDictEntry[], section: 'rodata' | 'data' = 'rodata'): RuntimeDatum[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.key)) throw new Error(`static dict ${name}: key '${e.key}' twice`);
    seen.add(e.key);
  }
  const keySym = new Map(entries.map((e, i) => [e, staticDictKeySymbol(name, i)]));
  /** The entries present in this image, the table size and the index table. */
  const table = (ctx: EmitContext) => {
    const live = entries.filter((e) => e.requires === undefined || ctx.defined(e.requires));
    const log2 = staticDictLog2(live.length);
    const hashes = live.map((e) => strHash(e.key));
    return { live, log2, size: 1 << log2, cap: usable(1 << log2), hashes, indices: staticDictIndices(hashes, log2) };
  };
  return [
    {
      name,
      section,
      align: 16,
      emit(a, ctx) {
        const t = table(ctx);
        const n = t.live.length;
        emitHeader(a, 'type_dict');
        const words = [n, 1, `${name}.keys`, `${name}.entries`, n, t.cap - n];
        const offsets = [DICT.used, DICT.version, DICT.keys, DICT.entries, DICT.nentries, DICT.usable];
        offsets.forEach((off, i) => {
          if (off !== 16 + 8 * i) throw new Error('staticDictData: DICT layout changed');
          const w = words[i]!;
          if (typeof w === 'number') a.u64(w);
          else a.u64(sym(BOX_PREFIX + w));
        });
      },
    },
    {
      name: `${name}.keys`,
      section,
      align: 16,
      emit(a, ctx) {
        const t = table(ctx);
        emitHeader(a, 'type_dictindex');
        if (DICTKEYS.indices !== 32) throw new Error('staticDictData: DICTKEYS layout changed');
        a.u64(t.log2);
        a.u64(t.size - 1);
        for (const ix of t.indices) a.u32(ix >>> 0);
        for (let i = 0; i < t.cap; i++) a.u64(i < t.live.length ? BigInt.asUintN(64, t.hashes[i]!) : 0n);
      },
    },
    {
      name: `${name}.entries`,
      section,
      align: 16,
      emit(a, ctx) {
        const t = table(ctx);
        emitHeader(a, 'type_values');
        if (VALUES.items !== 24) throw new Error('staticDictData: VALUES layout changed');
        a.u64(2 * t.cap);
        for (const e of t.live) {
          a.u64(sym(BOX_PREFIX + keySym.get(e)!));
          emitWord(a, e.value, ctx);
        }
        for (let i = t.live.length; i < t.cap; i++) {
          a.u64(0n);
          a.u64(0n);
        }
      },
    },
    ...entries.map((e): RuntimeDatum => ({ name: keySym.get(e)!, section: 'rodata', align: 8, emit: (a) => emitStr(a, e.key) })),
  ];
}
