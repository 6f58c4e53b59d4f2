// The int area's arithmetic against JavaScript BigInt (exact): + - * // % divmod ** << >>
// & | ^ ~ neg abs, comparison, hashing, truth, canonical form (small ints exactly inside
// int48), the binop/unary slots with bools, and the error cases with CPython's messages.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eax, edx, rsp, sym } from '../../src/asm/index.js';
import { EXC, TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { loadRuntime, type Rt } from './harness.js';
import { EDGES, floorDiv, floorMod, isInt48, randomInt, rng } from './int_values.js';

// rt_int_to_i64 returns a second result in edx, which koffi cannot see: a test-only
// wrapper returns it in rax.
const probeModule: RuntimeModule = {
  name: 'int-test-probe',
  routines: [{
    name: 'rt_int_test_to_i64_flag',
    contract: 'rdi=value -> rax=the edx of rt_int_to_i64',
    emit(a) {
      a.sub(rsp, 8);
      a.call(sym('rt_int_to_i64'));
      a.mov(eax, edx);
      a.add(rsp, 8);
      a.ret();
    },
  }],
  data: [],
};

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime([probeModule]);
});
afterAll(() => rt.dispose());

const isSmallWord = (w: bigint): boolean => Number(w >> 48n) === TAG_INT;

/** Decode an int result and check its canonical form. */
function val(w: bigint): bigint {
  if (w === EXC) throw new Error(`raised ${JSON.stringify(rt.raised(), (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  const v = rt.decode(w);
  if (typeof v !== 'bigint') throw new Error(`not an int: ${String(v)} (${rt.typeName(w)})`);
  expect(isSmallWord(w), `canonical form of ${v}`).toBe(isInt48(v));
  return v;
}

/** Random pairs: sizes from 0 to `bits` bits, seeded per operator. */
function pairs(seed: bigint, count: number, bits: number): [bigint, bigint][] {
  const next = rng(seed);
  const out: [bigint, bigint][] = [];
  for (let i = 0; i < count; i++) out.push([randomInt(next, bits), randomInt(next, bits)]);
  return out;
}

const EDGE_PAIRS: [bigint, bigint][] = EDGES.flatMap((x) => EDGES.map((y) => [x, y] as [bigint, bigint]));

type Case = { name: string; routine: string; ref: (a: bigint, b: bigint) => bigint | undefined };
const BINARY: Case[] = [
  { name: '+', routine: 'rt_int_add', ref: (a, b) => a + b },
  { name: '-', routine: 'rt_int_sub', ref: (a, b) => a - b },
  { name: '*', routine: 'rt_int_mul', ref: (a, b) => a * b },
  { name: '//', routine: 'rt_int_floordiv', ref: (a, b) => (b === 0n ? undefined : floorDiv(a, b)) },
  { name: '%', routine: 'rt_int_mod', ref: (a, b) => (b === 0n ? undefined : floorMod(a, b)) },
  { name: '&', routine: 'rt_int_and', ref: (a, b) => a & b },
  { name: '|', routine: 'rt_int_or', ref: (a, b) => a | b },
  { name: '^', routine: 'rt_int_xor', ref: (a, b) => a ^ b },
];

describe('binary operators against BigInt', () => {
  for (const c of BINARY) {
    test(`${c.name}: edge pairs and 3000 random pairs up to 700 bits`, () => {
      for (const [a, b] of [...EDGE_PAIRS, ...pairs(BigInt(c.name.charCodeAt(0)) * 7919n, 3000, 700)]) {
        const want = c.ref(a, b);
        if (want === undefined) continue;
        const got = val(rt.call(c.routine, rt.bigint(a), rt.bigint(b)));
        if (got !== want) expect(`${a} ${c.name} ${b} = ${got}`).toBe(`${a} ${c.name} ${b} = ${want}`);
      }
    });
  }

  test('multiplication above the Karatsuba threshold (balanced and lopsided), and squaring', () => {
    const next = rng(4242n);
    for (let i = 0; i < 60; i++) {
      const a = randomInt(next, 12000);
      const b = i % 3 === 0 ? a : randomInt(next, i % 2 ? 4000 : 12000);
      expect(val(rt.call('rt_int_mul', rt.bigint(a), rt.bigint(b)))).toBe(a * b);
    }
  });

  test('division of long operands (Knuth D, including qhat corrections)', () => {
    const next = rng(99n);
    for (let i = 0; i < 400; i++) {
      const b = randomInt(next, 1500) || 1n;
      const a = randomInt(next, 3000);
      const ab = rt.bigint(a);
      const bb = rt.bigint(b);
      expect(val(rt.call('rt_int_floordiv', ab, bb))).toBe(floorDiv(a, b));
      expect(val(rt.call('rt_int_mod', ab, bb))).toBe(floorMod(a, b));
    }
    // Divisors whose top limbs force qhat = B - 1 and the add-back step.
    for (const [a, b] of [
      [(1n << 192n) - 1n, (1n << 128n) - 1n],
      [(1n << 256n) - (1n << 64n), (1n << 128n) - (1n << 63n) - 1n],
      [0x7fffffff_ffffffff_00000000_00000000_00000000_00000000n, 0x80000000_00000000_00000000_00000001n],
      [(1n << 383n) + 1n, (1n << 191n) + (1n << 127n) + 1n],
    ] as const) {
      for (const [x, y] of [[a, b], [-a, b], [a, -b], [-a, -b]]) {
        expect(val(rt.call('rt_int_floordiv', rt.bigint(x), rt.bigint(y)))).toBe(floorDiv(x, y));
        expect(val(rt.call('rt_int_mod', rt.bigint(x), rt.bigint(y)))).toBe(floorMod(x, y));
      }
    }
  });

  test('divmod returns (q, r)', () => {
    for (const [a, b] of [[7n, 2n], [-7n, 2n], [7n, -2n], [10n ** 40n + 3n, -(10n ** 20n)], [-(2n ** 47n), -1n]] as const) {
      expect(rt.decode(rt.call('rt_int_divmod', rt.bigint(a), rt.bigint(b)))).toEqual({ tuple: [floorDiv(a, b), floorMod(a, b)] });
    }
  });

  test('division by zero raises ZeroDivisionError with CPython\'s messages', () => {
    for (const a of [0n, 5n, -(10n ** 30n)]) {
      expect(rt.call('rt_int_floordiv', rt.bigint(a), rt.int(0))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'ZeroDivisionError', args: ['integer division or modulo by zero'] });
      expect(rt.call('rt_int_mod', rt.bigint(a), rt.int(0))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'ZeroDivisionError', args: ['integer modulo by zero'] });
      expect(rt.call('rt_int_divmod', rt.bigint(a), rt.int(0))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'ZeroDivisionError', args: ['integer division or modulo by zero'] });
      expect(rt.call('rt_int_truediv', rt.bigint(a), rt.int(0))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'ZeroDivisionError', args: ['division by zero'] });
    }
  });
});

describe('shifts', () => {
  test('<< and >> against BigInt (floor for negative >>)', () => {
    const next = rng(77n);
    const counts = [0n, 1n, 2n, 15n, 16n, 17n, 31n, 32n, 47n, 48n, 63n, 64n, 65n, 127n, 128n, 129n, 200n, 1000n];
    const values = [...EDGES, ...Array.from({ length: 200 }, () => randomInt(next, 500))];
    for (const a of values) {
      for (const n of counts) {
        expect(val(rt.call('rt_int_lshift', rt.bigint(a), rt.bigint(n)))).toBe(a << n);
        expect(val(rt.call('rt_int_rshift', rt.bigint(a), rt.bigint(n)))).toBe(a >> n); // BigInt >> floors
      }
    }
  });

  test('huge counts: >> gives 0 or -1, << of 0 is 0, else MemoryError; negative counts raise', () => {
    const huge = [1n << 40n, 1n << 63n, 1n << 100n];
    for (const n of huge) {
      expect(val(rt.call('rt_int_rshift', rt.bigint(12345n), rt.bigint(n)))).toBe(0n);
      expect(val(rt.call('rt_int_rshift', rt.bigint(-(10n ** 40n)), rt.bigint(n)))).toBe(-1n);
      expect(val(rt.call('rt_int_lshift', rt.int(0), rt.bigint(n)))).toBe(0n);
      expect(rt.call('rt_int_lshift', rt.int(1), rt.bigint(n))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'MemoryError', args: [] });
    }
    for (const [r, a, n] of [['rt_int_lshift', 1n, -1n], ['rt_int_rshift', 1n, -1n], ['rt_int_lshift', 10n ** 30n, -(10n ** 30n)], ['rt_int_rshift', 0n, -5n]] as const) {
      expect(rt.call(r, rt.bigint(a), rt.bigint(n))).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: 'ValueError', args: ['negative shift count'] });
    }
  });
});

describe('unary operators, comparison, hash, truth', () => {
  test('-x, +x, ~x, abs(x) on edges and random values', () => {
    const next = rng(5n);
    for (const a of [...EDGES, ...Array.from({ length: 300 }, () => randomInt(next, 400))]) {
      const w = rt.bigint(a);
      expect(val(rt.call('rt_int_neg', w))).toBe(-a);
      expect(val(rt.call('rt_int_pos', w))).toBe(a);
      expect(val(rt.call('rt_int_invert', w))).toBe(~a);
      expect(val(rt.call('rt_int_abs', w))).toBe(a < 0n ? -a : a);
      for (const [op, slot] of [[0n, -a], [1n, a], [2n, ~a], [3n, a < 0n ? -a : a]] as const) {
        expect(val(rt.call('rt_unary_int', w, 0n, op))).toBe(slot);
      }
    }
  });

  test('rt_int_cmp and the richcompare slot', () => {
    const next = rng(11n);
    const values = [...EDGES, ...Array.from({ length: 60 }, () => randomInt(next, 300))];
    const ops = ['<', '<=', '==', '!=', '>', '>='] as const;
    const holds = (c: number, op: (typeof ops)[number]) => ({ '<': c < 0, '<=': c <= 0, '==': c === 0, '!=': c !== 0, '>': c > 0, '>=': c >= 0 })[op];
    for (const a of values) {
      for (const b of values) {
        const want = a < b ? -1 : a > b ? 1 : 0;
        const c = Number(BigInt.asIntN(32, rt.call('rt_int_cmp', rt.bigint(a), rt.bigint(b)) & 0xffffffffn));
        expect(c).toBe(want);
        const k = Number((a * 7n + b) % 6n + 6n) % 6;
        expect(rt.decode(rt.call('rt_richcompare_int', rt.bigint(a), rt.bigint(b), BigInt(k)))).toBe(holds(want, ops[k]));
      }
    }
    expect(rt.call('rt_richcompare_int', rt.int(1), rt.str('x'), 0n)).toBe(rt.addr('obj_NotImplemented') | 0xfffc_0000_0000_0000n);
    expect(rt.decode(rt.call('rt_richcompare_int', rt.true, rt.int(1), 2n))).toBe(true);
  });

  test('hash: sign * (|x| mod 2^61-1), -1 -> -2', () => {
    const P = (1n << 61n) - 1n;
    const next = rng(13n);
    const ref = (x: bigint) => {
      let h = (x < 0n ? -x : x) % P;
      if (x < 0n) h = -h;
      return h === -1n ? -2n : h;
    };
    for (const a of [...EDGES, P, -P, P + 1n, -(P + 1n), P - 1n, 2n * P, (P << 64n) - 1n, -1n, ...Array.from({ length: 300 }, () => randomInt(next, 600))]) {
      expect(BigInt.asIntN(64, rt.call('rt_hash_int', rt.bigint(a)))).toBe(ref(a));
    }
  });

  test('truth', () => {
    for (const a of EDGES) expect(rt.call('rt_bool_int', rt.bigint(a)) & 0xffffffffn).toBe(a === 0n ? 0n : 1n);
    expect(rt.call('rt_bool_int', rt.true) & 0xffn).toBe(1n);
    expect(rt.call('rt_bool_int', rt.false) & 0xffn).toBe(0n);
  });
});

describe('machine integer conversions', () => {
  test('rt_int_from_i64 / from_u64 / from_i128 / to_i64', () => {
    const i64s = [0n, 1n, -1n, (1n << 47n) - 1n, 1n << 47n, -(1n << 47n), -(1n << 47n) - 1n, (1n << 63n) - 1n, -(1n << 63n), 123456789012345678n];
    for (const v of i64s) {
      expect(val(rt.call('rt_int_from_i64', BigInt.asUintN(64, v)))).toBe(v);
      const back = rt.call('rt_int_to_i64', rt.bigint(v));
      expect(BigInt.asIntN(64, back)).toBe(v);
    }
    for (const v of [0n, (1n << 47n) - 1n, 1n << 47n, (1n << 64n) - 1n]) expect(val(rt.call('rt_int_from_u64', v))).toBe(v);
    for (const v of [0n, -1n, 1n << 64n, -(1n << 64n), (1n << 127n) - 1n, -(1n << 127n), -(1n << 63n), 1n << 63n]) {
      expect(val(rt.call('rt_int_from_i128', BigInt.asUintN(64, v), BigInt.asUintN(64, v >> 64n)))).toBe(v);
    }
  });

  test('rt_int_to_i64 reports overflow (edx=1) and non-ints (edx=2)', () => {
    const probe = (w: bigint): number => {
      const r = rt.call('rt_int_test_to_i64_flag', w);
      return Number(r);
    };
    expect(probe(rt.bigint(1n << 63n))).toBe(1);
    expect(probe(rt.bigint(-(1n << 63n) - 1n))).toBe(1);
    expect(probe(rt.bigint(-(1n << 63n)))).toBe(0);
    expect(probe(rt.str('x'))).toBe(2);
    expect(probe(rt.true)).toBe(0);
  });
});

describe('slots with bools', () => {
  const NI = () => rt.addr('obj_NotImplemented') | 0xfffc_0000_0000_0000n;
  test('bools are ints: True + True == 2, ~True == -2, -True == -1; & | ^ of two bools are bools', () => {
    expect(val(rt.call('rt_binop_int', rt.true, rt.true, 0n))).toBe(2n);
    expect(val(rt.call('rt_binop_int', rt.true, rt.int(1), 0n))).toBe(2n);
    expect(val(rt.call('rt_binop_int', rt.false, rt.bigint(1n << 70n), 1n))).toBe(-(1n << 70n));
    expect(val(rt.call('rt_unary_int', rt.true, 0n, 2n))).toBe(-2n);
    expect(val(rt.call('rt_unary_int', rt.true, 0n, 0n))).toBe(-1n);
    expect(val(rt.call('rt_unary_int', rt.true, 0n, 1n))).toBe(1n);
    expect(val(rt.call('rt_unary_int', rt.false, 0n, 3n))).toBe(0n);
    expect(rt.decode(rt.call('rt_binop_int', rt.true, rt.false, 9n))).toBe(false);
    expect(rt.decode(rt.call('rt_binop_int', rt.true, rt.false, 10n))).toBe(true);
    expect(rt.decode(rt.call('rt_binop_int', rt.true, rt.true, 11n))).toBe(false);
    expect(rt.decode(rt.call('rt_binop_int', rt.true, rt.true, 11n + 16n))).toBe(false);
    expect(val(rt.call('rt_binop_int', rt.true, rt.int(3), 9n))).toBe(1n);
    expect(val(rt.call('rt_binop_int', rt.true, rt.int(2), 7n))).toBe(4n);
  });

  test('every operator through the slot, in-place variants the same', () => {
    const ops: [number, (a: bigint, b: bigint) => bigint][] = [
      [0, (a, b) => a + b], [1, (a, b) => a - b], [2, (a, b) => a * b], [4, floorDiv], [5, floorMod],
      [7, (a, b) => a << b], [8, (a, b) => a >> b], [9, (a, b) => a & b], [10, (a, b) => a | b], [11, (a, b) => a ^ b],
    ];
    for (const [op, f] of ops) {
      for (const [a, b] of [[10n ** 20n, 7n], [-5n, 3n], [1n << 47n, 2n]] as const) {
        expect(val(rt.call('rt_binop_int', rt.bigint(a), rt.bigint(b), BigInt(op)))).toBe(f(a, b));
        expect(val(rt.call('rt_binop_int', rt.bigint(a), rt.bigint(b), BigInt(op + 16)))).toBe(f(a, b));
      }
    }
  });

  test('non-int operands and @ give NotImplemented', () => {
    expect(rt.call('rt_binop_int', rt.int(1), rt.float(1.5), 0n)).toBe(NI());
    expect(rt.call('rt_binop_int', rt.str('a'), rt.int(1), 2n)).toBe(NI());
    expect(rt.call('rt_binop_int', rt.int(1), rt.none, 9n)).toBe(NI());
    expect(rt.call('rt_binop_int', rt.int(1), rt.int(2), 12n)).toBe(NI());
  });
});

describe('through the generic protocol', () => {
  test('rt_binary_op, rt_unary_op, rt_richcompare, rt_hash, rt_truthy, rt_repr dispatch to the int slots', () => {
    const a = 10n ** 25n + 7n;
    expect(val(rt.call('rt_binary_op', rt.bigint(a), rt.int(3), 4n))).toBe(a / 3n);
    expect(val(rt.call('rt_binary_op', rt.bigint(a), rt.bigint(-a), 0n))).toBe(0n);
    expect(rt.decode(rt.call('rt_binary_op', rt.true, rt.false, 10n))).toBe(true);
    expect(val(rt.call('rt_unary_op', rt.bigint(-a), 3n))).toBe(a);
    expect(rt.decode(rt.call('rt_richcompare', rt.bigint(a), rt.bigint(a + 1n), 0n))).toBe(true);
    expect(BigInt.asIntN(64, rt.call('rt_hash', rt.bigint(a)))).toBe(a % ((1n << 61n) - 1n));
    expect(rt.call('rt_truthy', rt.bigint(-a)) & 0xffn).toBe(1n);
    expect(rt.decode(rt.call('rt_repr', rt.bigint(-a)))).toBe((-a).toString());
    expect(rt.call('rt_binary_op', rt.int(1), rt.str('x'), 7n)).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'TypeError', args: ["unsupported operand type(s) for <<: 'int' and 'str'"] });
  });

  test('mixed int and float go to the float slot (NotImplemented here, reflected there)', () => {
    expect(rt.decode(rt.call('rt_binary_op', rt.bigint(1n << 60n), rt.float(0.5), 0n))).toBe(2 ** 60 + 0.5);
    expect(rt.decode(rt.call('rt_richcompare', rt.bigint((1n << 60n) + 1n), rt.float(2 ** 60), 4n))).toBe(true);
    expect(rt.decode(rt.call('rt_richcompare', rt.float(2 ** 60), rt.bigint(1n << 60n), 2n))).toBe(true);
  });

  test('hash(int) == hash(float) for equal values', () => {
    for (const v of [0n, 1n, -1n, 2n, 1n << 47n, -(1n << 47n), 1n << 52n, 1n << 53n, 1n << 60n, 1n << 61n, 1n << 62n, 1n << 64n, -(1n << 70n), 3n << 200n, 10n ** 22n, 1n << 1000n]) {
      const f = Number(v);
      expect(BigInt(f)).toBe(v);
      expect(rt.call('rt_hash_int', rt.bigint(v))).toBe(rt.call('rt_hash', rt.float(f)));
    }
  });
});
