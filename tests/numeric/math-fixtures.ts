/**
 * Helpers for the math tests: reading the fixtures written by scripts/gen-math-fixtures.py
 * and exact (bigint) reference arithmetic on binary64 values.
 */

import { readFileSync } from 'node:fs';
import { bitsOf, fromBits } from '../../src/interp/numeric/mathdd.js';

export const FIXTURE_DIR = new URL('./fixtures/', import.meta.url);

/** One random-sample line: arguments, CPython's result (or exception kind), the CR value. */
export interface SampleCase {
  readonly args: number[];
  readonly py: number | { readonly error: string };
  readonly cr: number | null; // null when CPython raised
}

export function hexToDouble(h: string): number {
  return fromBits(BigInt('0x' + h));
}

/** Parse tests/numeric/fixtures/math-<fn>.txt (or the same file under another dir). */
export function readSample(fn: string, dir: URL | string = FIXTURE_DIR): SampleCase[] {
  const url = typeof dir === 'string' ? new URL(`file://${dir.replace(/\/?$/, '/')}`) : dir;
  const text = readFileSync(new URL(`math-${fn}.txt`, url), 'utf8');
  const out: SampleCase[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [a, py, cr] = line.split(' ') as [string, string, string];
    const args = a.split(',').map(hexToDouble);
    if (py.startsWith('E:')) {
      out.push({ args, py: { error: py.slice(2) }, cr: null });
      continue;
    }
    const pyv = hexToDouble(py);
    out.push({ args, py: pyv, cr: cr === '=' ? pyv : hexToDouble(cr) });
  }
  return out;
}

/** Same double, NaNs equal to each other, +0 distinct from -0. */
export function sameDouble(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}

/** Distance in units in the last place between two finite doubles of the same sign. */
export function ulpDistance(a: number, b: number): number {
  if (sameDouble(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const ord = (x: number): bigint => {
    const u = bitsOf(x);
    return u >> 63n ? -(u & 0x7fffffffffffffffn) : u;
  };
  const d = ord(a) - ord(b);
  return Number(d < 0n ? -d : d);
}

/** x as an exact dyadic rational [m, e] with x = m * 2^e (finite x). */
export function toDyadic(x: number): [bigint, number] {
  const b = bitsOf(x);
  const sign = b >> 63n ? -1n : 1n;
  const ex = Number((b >> 52n) & 0x7ffn);
  const frac = b & 0xfffffffffffffn;
  if (ex === 0) return [sign * frac, -1074];
  return [sign * (frac | (1n << 52n)), ex - 1075];
}

/** The double nearest to m * 2^e (ties to even), subnormals and overflow included. */
export function roundDyadic(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  if (neg) m = -m;
  const bl = m.toString(2).length;
  const lead = e + bl - 1;
  if (lead >= 1024) return neg ? -Infinity : Infinity;
  const q = Math.max(lead - 52, -1074); // exponent of the last kept bit
  let r: bigint;
  if (q <= e) {
    r = m << BigInt(e - q);
  } else {
    const sh = BigInt(q - e);
    r = m >> sh;
    const rem = m - (r << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (r & 1n) === 1n)) r += 1n;
  }
  // r <= 2^53 fits a double exactly and r * 2^q is on the double grid: one exact product.
  const p2 = q >= -1022 ? fromBits(BigInt(q + 1023) << 52n) : fromBits(1n << BigInt(q + 1074));
  const v = Number(r) * p2;
  return neg ? -v : v;
}

/** Exact sum of two dyadics as a dyadic. */
export function addDyadic(a: [bigint, number], b: [bigint, number]): [bigint, number] {
  const e = Math.min(a[1], b[1]);
  return [(a[0] << BigInt(a[1] - e)) + (b[0] << BigInt(b[1] - e)), e];
}

/** Exact product of two dyadics. */
export function mulDyadic(a: [bigint, number], b: [bigint, number]): [bigint, number] {
  return [a[0] * b[0], a[1] + b[1]];
}

/** Deterministic xorshift64* stream of random doubles (for property tests). */
export class Rng {
  private s: bigint;
  constructor(seed: bigint) {
    this.s = seed | 1n;
  }
  next64(): bigint {
    let x = this.s;
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    this.s = x;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  }
  /** A uniformly random finite double (all exponents equally likely among bit patterns). */
  anyFinite(): number {
    for (;;) {
      const v = fromBits(this.next64());
      if (Number.isFinite(v)) return v;
    }
  }
  /** A double with exponent in [lo, hi] and a random mantissa and sign. */
  withExponent(lo: number, hi: number): number {
    const r = this.next64();
    const e = lo + Number(r % BigInt(hi - lo + 1));
    const mant = this.next64() & 0xfffffffffffffn;
    const sign = (r >> 63n) << 63n;
    if (e < -1022) return fromBits(sign | mant);
    return fromBits(sign | (BigInt(e + 1023) << 52n) | mant);
  }
}
