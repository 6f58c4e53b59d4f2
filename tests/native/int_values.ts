// Test values and helpers shared by the int tests (tests/native/int_*.test.ts).
//
// Interesting magnitudes (int48 edges, 2^53, 2^63, 2^64, 2^96, multi-limb) with both signs,
// plus seeded pseudo-random values of many sizes, and BigInt reference semantics for the
// operators whose JavaScript meaning differs from Python's (floor division, shifts).

import { INT48_MAX, INT48_MIN } from '../../src/native/layout.js';

/** Deterministic xorshift64* generator (no Math.random: failures must reproduce). */
export function rng(seed: bigint): () => bigint {
  let s = seed === 0n ? 0x9e3779b97f4a7c15n : seed;
  return () => {
    s ^= s >> 12n;
    s ^= (s << 25n) & 0xffffffffffffffffn;
    s ^= s >> 27n;
    return (s * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  };
}

/** A random int of up to `maxBits` bits (random length, random sign). */
export function randomInt(next: () => bigint, maxBits: number): bigint {
  const bits = Number(next() % BigInt(maxBits + 1));
  let v = 0n;
  for (let i = 0; i < bits; i += 64) v = (v << 64n) | next();
  v &= (1n << BigInt(bits)) - 1n;
  return next() & 1n ? -v : v;
}

const P47 = 1n << 47n;
const MAGNITUDES = [
  0n, 1n, 2n, 3n, 7n, 10n, 255n, 65535n, 1n << 31n, (1n << 32n) - 1n, 1n << 32n, P47 - 2n, P47 - 1n, P47, P47 + 1n,
  (1n << 48n) - 1n, 1n << 48n, (1n << 53n) - 1n, 1n << 53n, (1n << 53n) + 1n, (1n << 63n) - 1n, 1n << 63n, (1n << 63n) + 1n,
  (1n << 64n) - 1n, 1n << 64n, (1n << 64n) + 1n, 1n << 95n, (1n << 96n) - 1n, 1n << 96n, (1n << 127n) + 12345n,
  (1n << 128n) - 1n, 1n << 128n, 10n ** 30n, 10n ** 50n + 7n, (1n << 200n) - 1n, 3n ** 300n,
];

/** Edge values: every magnitude with both signs. */
export const EDGES: readonly bigint[] = [...new Set(MAGNITUDES.flatMap((m) => [m, -m]))];

export function isInt48(v: bigint): boolean {
  return v >= INT48_MIN && v <= INT48_MAX;
}

/** Python's // and % (floor). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && ((r < 0n) !== (b < 0n)) ? r + b : r;
}
