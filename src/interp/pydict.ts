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
        const n = Number(key);
        return BigInt(n) === key ? n : key;
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
    if (!insert) return undefined;
    const tok = new HashKey(key, h);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(h, bucket);
    }
    bucket.push(tok);
    return tok;
  }

  get(key: any): any {
    if (typeof key === 'string') return this.map.get(key);
    const c = this.canon(key, false);
    return c === undefined ? undefined : this.map.get(c);
  }

  /** Fast path for string keys (attribute dicts, globals). */
  getStr(key: string): any {
    return this.map.get(key);
  }

  has(key: any): boolean {
    if (typeof key === 'string') return this.map.has(key);
    const c = this.canon(key, false);
    return c !== undefined && this.map.has(c);
  }

  set(key: any, value: any): void {
    this.version++;
    if (typeof key === 'string') {
      this.map.set(key, value);
      return;
    }
    const c = this.canon(key, true);
    if (!this.map.has(c)) {
      if (c !== key && !(c instanceof HashKey)) {
        if (this.orig === null) this.orig = new Map();
        this.orig.set(c, key);
      }
    }
    this.map.set(c, value);
  }

  setStr(key: string, value: any): void {
    this.version++;
    this.map.set(key, value);
  }

  /** Remove a key; returns the removed value or undefined. */
  delete(key: any): any {
    const c = typeof key === 'string' ? key : this.canon(key, false);
    if (c === undefined) return undefined;
    const m = this.map;
    const v = m.get(c);
    if (v === undefined && !m.has(c)) return undefined;
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

export function isSafeInt(n: number): boolean {
  return n <= MAX_SAFE && n >= -MAX_SAFE;
}
