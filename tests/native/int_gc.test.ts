// The int routines under collector stress (a collection at every allocation): every routine
// that allocates more than once keeps its operands, partial results and scratch objects
// alive across collections (docs/native.md, "Allocation and the collector"). Operands live
// in a registered root range; routines run through rt_gc_enter so their machine stack is
// scanned.

import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';
import { floorDiv, floorMod, randomInt, rng } from './int_values.js';

const ROOTS = 16;
let rt: Rt;
let roots: bigint;
const libc = koffi.load('libc.so.6');
const mmap = libc.func('uintptr_t mmap(void *addr, size_t len, int prot, int flags, int fd, long off)');

beforeAll(() => {
  rt = loadRuntime([], { gc: true });
  roots = BigInt(mmap(null, 4096, 3, 0x22, -1, 0));
  rt.call('rt_gc_add_roots', roots, BigInt(ROOTS));
});
afterAll(() => rt.dispose());

const setRoot = (i: number, w: bigint) => rt.img.writeU64(roots + BigInt(8 * i), w);
const root = (i: number) => rt.img.readU64(roots + BigInt(8 * i));

/** Build values with collections held back (they live only in JavaScript until rooted). */
function rooted(values: (bigint | (() => bigint))[]): void {
  rt.img.writeU64(rt.addr('rt_gc_inhibit'), 1n);
  try {
    values.forEach((v, i) => setRoot(i, typeof v === 'bigint' ? rt.bigint(v) : v()));
  } finally {
    rt.img.writeU64(rt.addr('rt_gc_inhibit'), 0n);
  }
}

/** Call a routine under stress; its result goes to root `slot` and is returned. */
function stressed(slot: number, name: string, ...args: bigint[]): bigint {
  rt.img.writeU64(rt.addr('rt_gc_stress'), 1n);
  try {
    const w = rt.call('rt_gc_enter', rt.addr(name), ...[...args, 0n, 0n, 0n, 0n].slice(0, 4));
    setRoot(slot, w);
    return w;
  } finally {
    rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
  }
}

const collections = () => {
  const buf = rt.scratch + 900_000n;
  rt.call('rt_gc_stats', buf);
  return rt.img.readU64(buf); // GC_STAT.collections is the first word
};

describe('int routines survive collections at every allocation', () => {
  test('arithmetic, division, powers, shifts and bitwise operators on multi-limb values', () => {
    const next = rng(555n);
    const c0 = collections();
    for (let i = 0; i < 6; i++) {
      const a = randomInt(next, 3600) | (1n << 3000n);
      const b = (randomInt(next, 2900) | (1n << 2600n)) * (i % 2 ? -1n : 1n);
      rooted([a, b]);
      const cases: [string, bigint, (w: bigint) => void][] = [
        ['rt_int_mul', 0n, (w) => expect(rt.decode(w)).toBe(a * b)],
        ['rt_int_add', 0n, (w) => expect(rt.decode(w)).toBe(a + b)],
        ['rt_int_floordiv', 0n, (w) => expect(rt.decode(w)).toBe(floorDiv(a, b))],
        ['rt_int_mod', 0n, (w) => expect(rt.decode(w)).toBe(floorMod(a, b))],
        ['rt_int_xor', 0n, (w) => expect(rt.decode(w)).toBe(a ^ b)],
        ['rt_int_and', 0n, (w) => expect(rt.decode(w)).toBe(a & b)],
      ];
      for (const [name, , check] of cases) check(stressed(2, name, root(0), root(1)));
      check2(stressed(2, 'rt_int_rshift', root(1), rt.int(77)), b >> 77n);
      check2(stressed(2, 'rt_int_lshift', root(1), rt.int(1234)), b << 1234n);
      check2(stressed(2, 'rt_int_pow', rt.int(3 + i), rt.int(900)), BigInt(3 + i) ** 900n);
      check2(stressed(2, 'rt_int_pow_mod', root(0), rt.int(40), root(1)), powMod(a, 40n, b));
    }
    expect(collections()).toBeGreaterThan(c0 + 100n);
  });

  test('text conversions, formatting and float conversions', () => {
    const v = -(7n ** 1500n);
    rooted([v, () => rt.str(` ${(3n ** 2000n).toString()} `), () => rt.str('0b_' + '10'.repeat(900)), () => rt.str('>+30,')]);
    expect(rt.decode(stressed(4, 'rt_repr_int', root(0)))).toBe(v.toString());
    expect(rt.decode(stressed(4, 'rt_int_from_str', root(1), 10n))).toBe(3n ** 2000n);
    expect(rt.decode(stressed(4, 'rt_int_from_str', root(2), 0n))).toBe(BigInt(`0b${'10'.repeat(900)}`));
    expect(rt.decode(stressed(4, 'rt_format_int', rt.int(-1234567), root(3)))).toBe(`${' '.repeat(20)}-1,234,567`);
    rooted([v, () => rt.str(` ${(3n ** 2000n).toString()} `), () => rt.str('0b_' + '10'.repeat(900)), () => rt.str('>+30,'), -12345n << 3000n, 7n << 2990n]);
    expect(rt.decode(stressed(6, 'rt_int_truediv', root(4), root(5)))).toBe((-12345 * 1024) / 7);
    const pos = 3n ** 600n;
    rooted([pos]);
    expect(rt.decode(stressed(4, 'rt_int_format_pow2', root(0), 4n, 3n))).toBe(`0x${pos.toString(16)}`);
    expect(rt.decode(stressed(5, 'rt_int_to_double', root(0)))).toBe(Number(pos)); // Number() rounds half to even
    expect(stressed(5, 'rt_int_to_double', rt.bigint(1n << 1024n))).toBe(EXC);
  });
});

function check2(w: bigint, want: bigint): void {
  expect(rt.decode(w)).toBe(want);
}

function powMod(a: bigint, e: bigint, m: bigint): bigint {
  const am = m < 0n ? -m : m;
  let r = 1n;
  let base = ((a % am) + am) % am;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * base) % am;
    base = (base * base) % am;
  }
  return m < 0n && r !== 0n ? r - am : r;
}
