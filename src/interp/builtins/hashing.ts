// Python's hash(), with CPython's exact values for everything whose hash is deterministic.
//
// `pyHash` is builtins.hash and the hash sets use to place entries (so set iteration order
// matches CPython's). It differs from protocol.hash in one respect CPython defines
// (Objects/typeobject.c, slot_tp_hash): an int returned by a __hash__ method that already
// fits a signed 64-bit Py_hash_t is the hash as is; only larger ones are reduced with the
// int hash. tuple hashes use CPython 3.8+'s xxHash-based combination and frozenset hashes
// its shuffle-and-xor scheme (Objects/tupleobject.c, Objects/setobject.c), computed with
// 64-bit unsigned arithmetic so results equal CPython's hash() bit for bit.

import { pyErr, TypeError } from '../exceptions.js';
import * as N from '../numeric/index.js';
import { PyBoxed, PyFloat, PyObject, PyTuple } from '../objects.js';
import { callDescr, hash, None } from '../protocol.js';
import type { PySet } from '../pyset.js';
import { floatType, tupleType } from '../typeobj.js';

const M64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** A hash value in canonical form: number when safe, else bigint (signed 64-bit). */
export function canonHash(h: bigint): number | bigint {
  const s = BigInt.asIntN(64, h);
  return s >= -BigInt(Number.MAX_SAFE_INTEGER) && s <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : s;
}

/** hash(v) exactly as CPython computes it (str hashes excepted: CPython randomises them). */
export function pyHash(v: any): number | bigint {
  if (typeof v !== 'object') return hash(v);
  if (v instanceof PyTuple && v.cls === tupleType) {
    if (v.hash === undefined) v.hash = hashTupleItems(v.items);
    return v.hash;
  }
  if (v instanceof PyFloat && v.cls === floatType) return N.floatHash(v.v);
  const t = (v as PyObject).cls;
  const h = t.lookup('__hash__');
  if (h === None || h === undefined) throw pyErr(TypeError, `unhashable type: '${t.name}'`);
  return hashResult(callDescr(h, v, []));
}

/** Turn the int a __hash__ method returned into a Py_hash_t (slot_tp_hash). */
export function hashResult(r: any): number | bigint {
  let i: any = r;
  if (r instanceof PyBoxed && typeof r.value !== 'string') i = r.value;
  switch (typeof i) {
    case 'number':
      return i === -1 ? -2 : i;
    case 'boolean':
      return i ? 1 : 0;
    case 'bigint':
      if (i >= I64_MIN && i <= I64_MAX) return i;
      return hash(i);
    default:
      throw pyErr(TypeError, '__hash__ method should return an integer');
  }
}

export function hashTupleItems(items: any[]): number | bigint {
  let acc = XXPRIME_5;
  for (let i = 0; i < items.length; i++) {
    const h = pyHash(items[i]);
    const lane = typeof h === 'number' && h >= 0 ? BigInt(h) : BigInt.asUintN(64, BigInt(h));
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

/** frozenset_hash: xor of every slot's shuffled hash (empty slots hash 0, dummies -1), corrected. */
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
  // Remove the effect of an odd number of empty slots, then of an odd number of dummies.
  if (((BigInt(hashes.length) - BigInt(fill)) & 1n) === 1n) h ^= shuffleBits(0n);
  if (((BigInt(fill) - BigInt(s.used)) & 1n) === 1n) h ^= shuffleBits(M64);
  h ^= ((BigInt(s.size) + 1n) * 1927868237n) & M64;
  h &= M64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M64;
  if (h === M64) h = 590923713n;
  return canonHash(h);
}
