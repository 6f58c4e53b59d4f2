// dict: insertion-ordered hash map with Python key semantics.
//
// Python dict keys compare by __eq__ and hash by __hash__, so 1, 1.0 and True are the same
// key while JavaScript's Map would keep them apart. Every key is reduced to a canonical
// JS value that Map can compare natively where that is exact:
//
//   key                         canonical
//   --------------------------  -------------------------------------------------------
//   str                         the string
//   int (number)                the number
//   bool                        0 or 1 (the original key is remembered)
//   int (bigint)                the number if exactly representable, else the bigint
//   float (not NaN)             its number (equal ints/floats meet; non-integral floats
//                               cannot equal an int, so no false matches)
//   objects with identity eq    the object itself (None, functions, classes, instances
//                               whose type keeps object.__eq__/__hash__)
//   anything else               a HashKey token found through a bucket of equal Python
//                               hashes and __eq__ (tuples, frozensets, complex, bytes,
//                               user classes with __eq__, NaN floats by identity)
//
// Map preserves insertion order, deletes leave the others in order, and updating an
// existing key keeps its position: exactly dict's ordering rules.
//
// A hashed-path key can equal a key with a native canonical form (Fraction(3) == 3,
// a str-like class == 'a'). Once a dict holds hashed keys, misses on native keys look in
// the hash buckets, and hashed keys are matched against native ones through `primIndex`,
// an index of the native keys by Python hash that exists only while both kinds coexist.

import { PyBoxed, PyBytes, PyComplex, PyFloat, PyObject, PyTuple } from './objects.js';
import type { PyType } from './typeobj.js';

export class HashKey {
  readonly key: any;
  readonly hash: number;
  constructor(key: any, hash: number) {
    this.key = key;
    this.hash = hash;
  }
}

/** Hooks into the object protocol, installed by protocol.ts (avoids an import cycle). */
export const dictHooks = {
  /** Python hash of an object that needs the hashed path, reduced to a JS number. */
  hashOf: null as unknown as (key: any) => number,
  /** Python == between two keys with equal hashes. */
  eq: null as unknown as (a: any, b: any) => boolean,
  /** Whether a type compares and hashes by identity (object's __eq__ and __hash__). */
  identityHashed: null as unknown as (t: PyType) => boolean,
  /** Whether a str/int subclass keeps its base's __eq__ and __hash__. */
  plainBoxed: null as unknown as (t: PyType) => boolean,
  dictType: null as unknown as PyType,
};

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export class PyDict extends PyObject {
  /** canonical key -> value, in insertion order */
  map: Map<any, any> = new Map();
  /** canonical key -> original key, where they differ (bools, floats) */
  orig: Map<any, any> | null = null;
  /** Python hash -> tokens of keys on the hashed path */
  buckets: Map<number, HashKey[]> | null = null;
  /** Python hash -> native canonical keys (built once the dict has hashed keys) */
  primIndex: Map<number, any[]> | null = null;
  /** Bumped on every mutation (inline caches of globals compare it). */
  version = 0;

  constructor(cls: PyType = dictHooks.dictType) {
    super();
    this.cls = cls;
  }

  get size(): number {
    return this.map.size;
  }

  /**
   * Canonical key for lookups; `insert` creates the hashed-path token when missing.
   * Returns undefined only for lookups of absent hashed-path keys.
   */
  canon(key: any, insert: boolean): any {
    switch (typeof key) {
      case 'string':
      case 'number':
        return key;
      case 'boolean':
        return key ? 1 : 0;
      case 'bigint': {
        // An int equal to a float (10**20 == 1e20) shares its key; past 2**1024 Number() is Infinity.
        const n = Number(key);
        return Number.isFinite(n) && BigInt(n) === key ? n : key;
      }
      default:
        break;
    }
    if (key instanceof PyFloat) {
      const v = key.v;
      if (v === v) return v === 0 ? 0 : v;
      return this.hashed(key, insert);
    }
    if (key instanceof PyBoxed) {
      // A str/int subclass keeping the base's __eq__/__hash__ behaves as its value.
      return dictHooks.plainBoxed(key.cls) ? this.canon(key.value, insert) : this.hashed(key, insert);
    }
    if (key instanceof PyComplex && key.im === 0 && key.re === key.re) {
      // complex(x, 0) == x
      return key.re === 0 ? 0 : key.re;
    }
    if (key instanceof PyObject) {
      if (!(key instanceof PyTuple) && !(key instanceof PyComplex) && !(key instanceof PyBytes) && dictHooks.identityHashed(key.cls)) return key;
    }
    return this.hashed(key, insert);
  }

  private hashed(key: any, insert: boolean): any {
    const h = dictHooks.hashOf(key);
    if (this.buckets === null) this.buckets = new Map();
    let bucket = this.buckets.get(h);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const tok = bucket[i];
        if (tok.key === key || dictHooks.eq(tok.key, key)) return tok;
      }
    }
    // An equal key with a native canonical form (3 for Fraction(3)).
    if (this.map.size > 0) {
      const idx = this.primitiveIndex();
      const cands = idx.get(h);
      if (cands !== undefined) {
        for (const c of cands) if (dictHooks.eq(this.keyOf(c), key)) return c;
      }
    }
    if (!insert) return undefined;
    const tok = new HashKey(key, h);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(h, bucket);
    }
    bucket.push(tok);
    return tok;
  }

  /** The index of native canonical keys by Python hash (built on demand, then maintained). */
  private primitiveIndex(): Map<number, any[]> {
    let idx = this.primIndex;
    if (idx === null) {
      idx = new Map();
      this.primIndex = idx;
      for (const c of this.map.keys()) if (!(c instanceof HashKey) && isNativeCanon(c)) indexAdd(idx, dictHooks.hashOf(this.keyOf(c)), c);
    }
    return idx;
  }

  /**
   * A native canonical key missing from the map may still equal a hashed-path key: the
   * canonical token of that key, or undefined.
   */
  private nativeInBuckets(c: any, key: any): any {
    const bucket = this.buckets!.get(dictHooks.hashOf(key));
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) if (dictHooks.eq(bucket[i].key, key)) return bucket[i];
    void c;
    return undefined;
  }

  /** Canonical key for a native key about to be stored: its own, or an equal hashed one's. */
  private nativeForInsert(c: any, key: any): any {
    if (this.map.has(c)) return c;
    if (this.buckets !== null && this.buckets.size > 0) {
      const tok = this.nativeInBuckets(c, key);
      if (tok !== undefined) return tok;
    }
    if (this.primIndex !== null) indexAdd(this.primIndex, dictHooks.hashOf(key), c);
    return c;
  }

  get(key: any): any {
    if (typeof key === 'string') return this.getStr(key);
    const c = this.canon(key, false);
    if (c === undefined) return undefined;
    const v = this.map.get(c);
    if (v === undefined && this.buckets !== null && isNativeCanon(c)) {
      const tok = this.nativeInBuckets(c, key);
      return tok === undefined ? undefined : this.map.get(tok);
    }
    return v;
  }

  /** Fast path for string keys (attribute dicts, globals). */
  getStr(key: string): any {
    const v = this.map.get(key);
    if (v === undefined && this.buckets !== null) {
      const tok = this.nativeInBuckets(key, key);
      return tok === undefined ? undefined : this.map.get(tok);
    }
    return v;
  }

  has(key: any): boolean {
    const c = typeof key === 'string' ? key : this.canon(key, false);
    if (c === undefined) return false;
    if (this.map.has(c)) return true;
    return this.buckets !== null && isNativeCanon(c) && this.nativeInBuckets(c, key) !== undefined;
  }

  set(key: any, value: any): void {
    this.version++;
    if (typeof key === 'string') {
      this.map.set(this.buckets === null ? key : this.nativeForInsert(key, key), value);
      return;
    }
    let c = this.canon(key, true);
    if (!this.map.has(c)) {
      if (isNativeCanon(c) && this.buckets !== null) c = this.nativeForInsert(c, key);
      if (c !== key && !(c instanceof HashKey)) {
        if (this.orig === null) this.orig = new Map();
        this.orig.set(c, key);
      }
    }
    this.map.set(c, value);
  }

  setStr(key: string, value: any): void {
    this.version++;
    this.map.set(this.buckets === null ? key : this.nativeForInsert(key, key), value);
  }

  /** Remove a key; returns the removed value or undefined. */
  delete(key: any): any {
    let c = typeof key === 'string' ? key : this.canon(key, false);
    if (c === undefined) return undefined;
    const m = this.map;
    if (!m.has(c) && this.buckets !== null && isNativeCanon(c)) {
      const tok = this.nativeInBuckets(c, key);
      if (tok !== undefined) c = tok;
    }
    const v = m.get(c);
    if (v === undefined && !m.has(c)) return undefined;
    if (this.primIndex !== null && isNativeCanon(c)) indexRemove(this.primIndex, dictHooks.hashOf(this.keyOf(c)), c);
    m.delete(c);
    this.version++;
    if (this.orig !== null) this.orig.delete(c);
    if (c instanceof HashKey && this.buckets !== null) {
      const b = this.buckets.get(c.hash)!;
      const i = b.indexOf(c);
      b.splice(i, 1);
      if (b.length === 0) this.buckets.delete(c.hash);
    }
    return v;
  }

  clear(): void {
    this.map = new Map();
    this.orig = null;
    this.buckets = null;
    this.primIndex = null;
    this.version++;
  }

  /** The Python key for a canonical key. */
  keyOf(c: any): any {
    if (c instanceof HashKey) return c.key;
    if (this.orig !== null) {
      const o = this.orig.get(c);
      if (o !== undefined) return o;
    }
    return c;
  }

  *keys(): IterableIterator<any> {
    for (const c of this.map.keys()) yield this.keyOf(c);
  }

  values(): IterableIterator<any> {
    return this.map.values();
  }

  *entries(): IterableIterator<[any, any]> {
    for (const [c, v] of this.map) yield [this.keyOf(c), v];
  }

  /** Shallow copy with the same type. */
  copy(cls: PyType = this.cls): PyDict {
    const d = new PyDict(cls);
    d.map = new Map(this.map);
    if (this.orig !== null) d.orig = new Map(this.orig);
    if (this.buckets !== null) {
      d.buckets = new Map();
      for (const [h, b] of this.buckets) d.buckets.set(h, b.slice());
    }
    return d;
  }

  /** Pop the last inserted item (dict.popitem). */
  popLast(): [any, any] | undefined {
    let last: any = undefined;
    let found = false;
    for (const c of this.map.keys()) {
      last = c;
      found = true;
    }
    if (!found) return undefined;
    const k = this.keyOf(last);
    const v = this.map.get(last);
    this.delete(k);
    return [k, v];
  }
}

/** Canonical keys Map compares natively: numbers, strings, bigints (not identity-keyed objects). */
function isNativeCanon(c: any): boolean {
  const t = typeof c;
  return t === 'number' || t === 'string' || t === 'bigint';
}

function indexAdd(idx: Map<number, any[]>, h: number, c: any): void {
  const l = idx.get(h);
  if (l === undefined) idx.set(h, [c]);
  else l.push(c);
}

function indexRemove(idx: Map<number, any[]>, h: number, c: any): void {
  const l = idx.get(h);
  if (l === undefined) return;
  const i = l.indexOf(c);
  if (i >= 0) l.splice(i, 1);
  if (l.length === 0) idx.delete(h);
}

export function isSafeInt(n: number): boolean {
  return n <= MAX_SAFE && n >= -MAX_SAFE;
}
