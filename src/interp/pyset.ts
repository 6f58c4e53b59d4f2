// set and frozenset: CPython's open-addressing table, reproduced so that iteration order
// matches CPython wherever CPython's order is deterministic (ints, floats, tuples of
// them; str hashes are randomised per process in CPython, so any order is valid there).
//
// Layout and algorithms follow Objects/setobject.c: a power-of-two table of (key, hash)
// entries, probing with LINEAR_PROBES (9) consecutive slots then perturbed jumps
// (i = i*5 + 1 + perturb, perturb >>= 5), dummies for deleted entries, growth when
// fill*5 >= mask*3 to used*4 (used*2 above 50,000), and the same orders of operations in
// union/intersection/difference/symmetric difference (which decide collision order).
//
// Hashes are Python's 64-bit values. Only their low bits pick slots, but the perturbation
// shifts the full unsigned 64-bit hash, so each hash is kept as two uint32 halves.

import { PyObject } from './objects.js';
import type { PyType } from './typeobj.js';

const LINEAR_PROBES = 9;
const MINSIZE = 8;

export const setHooks = {
  hash: null as unknown as (v: any) => number | bigint,
  eq: null as unknown as (a: any, b: any) => boolean,
};

const DUMMY = Symbol('dummy');

function hashLo(h: number | bigint): number {
  if (typeof h === 'number') return h >>> 0 === h ? h : Number(BigInt.asUintN(32, BigInt(h)));
  return Number(BigInt.asUintN(32, h));
}

function hashHi(h: number | bigint): number {
  if (typeof h === 'number') {
    if (h >= 0 && h <= 0xffffffff) return 0;
    return Number(BigInt.asUintN(32, BigInt(h) >> 32n));
  }
  return Number(BigInt.asUintN(32, h >> 32n));
}

export class PySet extends PyObject {
  keys: any[];
  hashes: (number | bigint)[];
  mask: number;
  fill = 0;
  used = 0;
  /** pop() search finger. */
  finger = 0;
  /** Cached frozenset hash. */
  hashCache: number | bigint | undefined = undefined;

  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.keys = new Array(MINSIZE).fill(undefined);
    this.hashes = new Array(MINSIZE).fill(0);
    this.mask = MINSIZE - 1;
  }

  get size(): number {
    return this.used;
  }

  /** Find the slot holding `key` (or -1). */
  private lookup(key: any, hash: number | bigint): number {
    const mask = this.mask;
    const lo = hashLo(hash);
    let hi = hashHi(hash);
    let perturbLo = lo;
    let i = lo & mask;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const k = this.keys[j];
        if (k === undefined) return -1;
        if (k !== DUMMY && this.hashes[j] === hash) {
          if (k === key || setHooks.eq(k, key)) return j;
        }
        if (probes-- === 0) break;
        j++;
      }
      perturbLo = (perturbLo >>> 5) | ((hi & 31) << 27);
      hi >>>= 5;
      i = ((i * 5 + 1 + perturbLo) >>> 0) & mask;
    }
  }

  has(key: any): boolean {
    return this.lookup(key, setHooks.hash(key)) >= 0;
  }

  hasHashed(key: any, hash: number | bigint): boolean {
    return this.lookup(key, hash) >= 0;
  }

  add(key: any): void {
    this.addEntry(key, setHooks.hash(key));
  }

  /** set_add_entry */
  addEntry(key: any, hash: number | bigint): void {
    const mask = this.mask;
    const lo = hashLo(hash);
    let hi = hashHi(hash);
    let perturbLo = lo;
    let i = lo & mask;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const k = this.keys[j];
        if (k === undefined) {
          if (freeslot >= 0) {
            this.used++;
            this.keys[freeslot] = key;
            this.hashes[freeslot] = hash;
            return;
          }
          this.fill++;
          this.used++;
          this.keys[j] = key;
          this.hashes[j] = hash;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === DUMMY) freeslot = j;
        else if (this.hashes[j] === hash && (k === key || setHooks.eq(k, key))) return;
        if (probes-- === 0) break;
        j++;
      }
      perturbLo = (perturbLo >>> 5) | ((hi & 31) << 27);
      hi >>>= 5;
      i = ((i * 5 + 1 + perturbLo) >>> 0) & mask;
    }
  }

  private insertClean(keys: any[], hashes: (number | bigint)[], mask: number, key: any, hash: number | bigint): void {
    const lo = hashLo(hash);
    let hi = hashHi(hash);
    let perturbLo = lo;
    let i = lo & mask;
    for (;;) {
      if (keys[i] === undefined) {
        keys[i] = key;
        hashes[i] = hash;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (keys[i + j] === undefined) {
            keys[i + j] = key;
            hashes[i + j] = hash;
            return;
          }
        }
      }
      perturbLo = (perturbLo >>> 5) | ((hi & 31) << 27);
      hi >>>= 5;
      i = ((i * 5 + 1 + perturbLo) >>> 0) & mask;
    }
  }

  /** set_table_resize: new size is the smallest power of two > minused. */
  resize(minused: number): void {
    let newsize = MINSIZE;
    while (newsize <= minused) newsize *= 2;
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const keys = new Array(newsize).fill(undefined);
    const hashes = new Array(newsize).fill(0);
    const mask = newsize - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(keys, hashes, mask, k, oldHashes[i]);
    }
    this.keys = keys;
    this.hashes = hashes;
    this.mask = mask;
    this.fill = this.used;
  }

  /** Remove a key; returns whether it was present. */
  discard(key: any): boolean {
    return this.discardHashed(key, setHooks.hash(key));
  }

  discardHashed(key: any, hash: number | bigint): boolean {
    const j = this.lookup(key, hash);
    if (j < 0) return false;
    this.keys[j] = DUMMY;
    this.hashes[j] = -1;
    this.used--;
    return true;
  }

  clear(): void {
    this.keys = new Array(MINSIZE).fill(undefined);
    this.hashes = new Array(MINSIZE).fill(0);
    this.mask = MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.hashCache = undefined;
  }

  /** Entries in table order: [key, hash]. */
  *entries(): IterableIterator<[any, number | bigint]> {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== DUMMY) yield [k, this.hashes[i]];
    }
  }

  /** Keys in table order (snapshot array). */
  toArray(): any[] {
    const out: any[] = [];
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== DUMMY) out.push(k);
    }
    return out;
  }

  /** Iteration helper for iterators: next live index >= i, or -1. */
  nextIndex(i: number): number {
    const keys = this.keys;
    for (; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== DUMMY) return i;
    }
    return -1;
  }

  pop(): any {
    if (this.used === 0) return undefined;
    const keys = this.keys;
    let i = this.finger & this.mask;
    while (keys[i] === undefined || keys[i] === DUMMY) {
      i++;
      if (i > this.mask) i = 0;
    }
    const k = keys[i];
    keys[i] = DUMMY;
    this.hashes[i] = -1;
    this.used--;
    this.finger = i + 1;
    return k;
  }

  /** set_merge: add every entry of another set (pre-sizing as CPython does). */
  merge(other: PySet): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      for (let i = 0; i <= other.mask; i++) {
        const k = other.keys[i];
        if (k !== undefined) {
          this.keys[i] = k;
          this.hashes[i] = other.hashes[i];
        }
      }
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (let i = 0; i <= other.mask; i++) {
        const k = other.keys[i];
        if (k !== undefined && k !== DUMMY) this.insertClean(this.keys, this.hashes, this.mask, k, other.hashes[i]);
      }
      return;
    }
    for (let i = 0; i <= other.mask; i++) {
      const k = other.keys[i];
      if (k !== undefined && k !== DUMMY) this.addEntry(k, other.hashes[i]);
    }
  }

  /** Pre-size before adding `n` entries from a dict (set_update_internal's dict path). */
  presize(n: number): void {
    if ((this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
  }

  /** Resize away dummies if more than a quarter of the table is dummies (difference_update). */
  compactIfSparse(): void {
    if (this.fill - this.used <= Math.floor(this.mask / 4)) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** Swap contents with another set (set_swap_bodies). */
  swapBodies(o: PySet): void {
    [this.keys, o.keys] = [o.keys, this.keys];
    [this.hashes, o.hashes] = [o.hashes, this.hashes];
    [this.mask, o.mask] = [o.mask, this.mask];
    [this.fill, o.fill] = [o.fill, this.fill];
    [this.used, o.used] = [o.used, this.used];
    this.hashCache = undefined;
    o.hashCache = undefined;
  }

  /** Raw table access for frozenset hashing: every slot's hash including empty/dummy. */
  slotHashes(): (number | bigint)[] {
    return this.hashes;
  }
}
