// Python's hash functions for composite values.
//
// tuple hashes use CPython 3.8+'s xxHash-based combination and frozenset hashes its
// shuffle-and-xor scheme (Objects/tupleobject.c, Objects/setobject.c), computed with
// 64-bit unsigned arithmetic so results equal CPython's hash() bit for bit: set
// iteration order of tuples depends on them.

import { hash } from '../protocol.js';
import type { PySet } from '../pyset.js';

const M64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** A hash value in canonical form: number when safe, else bigint (signed 64-bit). */
export function canonHash(h: bigint): number | bigint {
  const s = BigInt.asIntN(64, h);
  return s >= -BigInt(Number.MAX_SAFE_INTEGER) && s <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : s;
}

export function hashTupleItems(items: any[]): number | bigint {
  let acc = XXPRIME_5;
  for (const x of items) {
    const lane = BigInt.asUintN(64, BigInt(hash(x)));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  return canonHash(acc);
}

function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & M64;
}

export function hashFrozenset(s: PySet): number | bigint {
  let h = 0n;
  const hashes = s.slotHashes();
  const keys = s.keys;
  let fill = 0;
  for (let i = 0; i < hashes.length; i++) {
    const k = keys[i];
    const hv = k === undefined ? 0n : BigInt.asUintN(64, BigInt(hashes[i]));
    if (k !== undefined) fill++;
    h ^= shuffleBits(hv);
  }
  // Slots beyond the table (none) and the effect of empty/dummy entries as CPython does:
  // CPython xors every slot then removes NULL and dummy contributions; we xor every slot
  // directly with its stored hash (0 for empty, -1 for dummy), then correct the same way.
  if (((BigInt(hashes.length) - BigInt(fill)) & 1n) === 1n) h ^= shuffleBits(0n);
  if (((BigInt(fill) - BigInt(s.used)) & 1n) === 1n) h ^= shuffleBits(M64);
  // Undo: empty slots contributed shuffleBits(0) and dummies shuffleBits(-1) in the loop.
  h ^= (BigInt(s.size) + 1n) * 1927868237n;
  h &= M64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M64;
  if (h === M64) h = 590923713n;
  return canonHash(h);
}
