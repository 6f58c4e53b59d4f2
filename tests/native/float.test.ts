// Native floats: repr (Schubfach shortest digits), arithmetic, comparisons with ints of any
// size, hash. Expected values come from CPython 3.11 (scripts/gen-float-fixtures.py ->
// tests/native/fixtures/float-*.json) and, for repr on millions of random doubles, from
// V8's Number.prototype.toExponential() (shortest round-trip digits, closest to the value,
// ties to even: the same digits as CPython's dtoa mode 0).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, al, byte, dx, mem, qword, r12, r13, r14, r15, rax, rbx, rdi, rdx, rsi, rsp, sym, word, xmm0, xmm1 } from '../../src/asm/index.js';
import { BIGINT, EXC, OBJ_TAG_BITS, boxFloat } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { floatRepr } from '../../src/interp/numeric/dtoa.js';
import { floatPow } from '../../src/interp/numeric/mathfns.js';
import { complexPow, complexRepr } from '../../src/interp/numeric/complex.js';
import { loadRuntime, type Decoded, type Rt } from './harness.js';

const FIX = new URL('./fixtures/', import.meta.url);

/** Test-only routines: bulk shortest digits, divmod on raw doubles. */
const testModule: RuntimeModule = {
  name: 'float-test',
  data: [],
  routines: [
    {
      name: 't_shortest_bulk',
      contract: 'rdi=input bits[], rsi=count, rdx=output records (24 bytes: i16 decpt, u8 n, digits)',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        for (const r of [rbx, r12, r13, r14, r15]) a.push(r);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.xor(rbx, rbx);
        a.bind(loop);
        a.cmp(rbx, r13);
        a.jae(done);
        a.mov(rdi, qword(mem(r12)));
        a.lea(rsi, mem(r14, 3));
        a.call(sym('rt_dtoa_shortest'));
        a.mov(word(mem(r14)), dx);
        a.mov(byte(mem(r14, 2)), al);
        a.add(r12, 8);
        a.add(r14, 24);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(done);
        for (const r of [r15, r14, r13, r12, rbx]) a.pop(r);
        a.ret();
      },
    },
    ...[0, 1].map((res) => ({
      name: `t_divmod_${res}`,
      contract: 'rdi, rsi = double bits -> rax = quotient (0) or remainder (1) bits',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.movq(xmm0, rdi);
        a.movq(xmm1, rsi);
        a.call(sym('rt_float_divmod_d'));
        a.movq(rax, res ? xmm1 : xmm0);
        a.add(rsp, 8);
        a.ret();
      },
    })),
  ],
};

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime([testModule]);
});
afterAll(() => rt.dispose());

const dv = new DataView(new ArrayBuffer(8));
function bitsOf(x: number): bigint {
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
}
function fromBits(b: bigint): number {
  dv.setBigUint64(0, BigInt.asUintN(64, b), true);
  return dv.getFloat64(0, true);
}

/** A fixture number: JSON number, or "inf" / "-inf" / "nan". */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  throw new Error(`not a float: ${String(v)}`);
}

/** A big int object (BIGINT layout) on the heap, for operands outside int48. */
function bigInt(n: bigint): bigint {
  const neg = n < 0n;
  let m = neg ? -n : n;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & 0xffffffffn));
    m >>= 32n;
  }
  const size = BIGINT.digits + 4 * digits.length + 4;
  const p = rt.call('rt_alloc', BigInt(size), rt.addr('type_int'));
  rt.img.writeU64(p + BigInt(BIGINT.ndigits), BigInt(digits.length));
  rt.img.writeU64(p + BigInt(BIGINT.sign), neg ? BigInt.asUintN(64, -1n) : 1n);
  const bytes = new Uint8Array(4 * digits.length);
  const ddv = new DataView(bytes.buffer);
  digits.forEach((d, i) => ddv.setUint32(4 * i, d, true));
  rt.img.write(p + BigInt(BIGINT.digits), bytes);
  return p | OBJ_TAG_BITS;
}

/** A fixture operand as a value word. */
function operand(v: unknown): bigint {
  if (typeof v === 'boolean') return v ? rt.true : rt.false;
  if (typeof v === 'string' && v.startsWith('i') && v !== 'inf') {
    const n = BigInt(v.slice(1));
    return n >= -(1n << 47n) && n < 1n << 47n ? rt.int(n) : bigInt(n);
  }
  return rt.float(num(v));
}

/** A fixture operand as the double CPython converts it to. */
function asNumber(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.startsWith('i') && v !== 'inf') return Number(BigInt(v.slice(1)));
  return num(v);
}

function isBigOperand(v: unknown): boolean {
  if (typeof v !== 'string' || !v.startsWith('i') || v === 'inf') return false;
  const n = BigInt(v.slice(1));
  return n < -(1n << 47n) || n >= 1n << 47n;
}

/** Same double, NaNs equal whatever their sign. */
function sameFloat(got: Decoded, want: number): boolean {
  return typeof got === 'number' && (Object.is(got, want) || (got !== got && want !== want));
}

describe('repr', () => {
  test('CPython fixtures: edge cases and random doubles', () => {
    const lines = readFileSync(new URL('float-repr.txt', FIX), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(15000);
    const bad: string[] = [];
    for (const line of lines) {
      const [hex, want] = line.split(' ') as [string, string];
      const got = rt.decode(rt.call('rt_repr_float', BigInt(`0x${hex}`)));
      if (got !== want) bad.push(`${hex}: ${String(got)} != ${want}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test.each([
    [NaN, 'nan'], [-NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'], [0, '0.0'], [-0, '-0.0'],
    [1e16, '1e+16'], [1e-5, '1e-05'], [0.0001, '0.0001'], [123456789012345680, '1.2345678901234568e+17'],
    [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [2 ** 53, '9007199254740992.0'],
  ])('repr(%s) == %s', (x, want) => {
    expect(rt.decode(rt.call('rt_repr_float', rt.float(x)))).toBe(want);
    expect(rt.decode(rt.call('rt_str_float', rt.float(x)))).toBe(want);
  });

  test('shortest digits of 2,000,000 random doubles equal V8\'s (and its speed)', () => {
    const BATCH = 30000;
    const inAt = rt.scratch;
    const outAt = rt.scratch + BigInt(BATCH * 8);
    let seed = 0x9e3779b97f4a7c15n;
    const next = (): bigint => {
      // xorshift64*
      seed ^= seed >> 12n;
      seed ^= (seed << 25n) & 0xffff_ffff_ffff_ffffn;
      seed ^= seed >> 27n;
      return (seed * 0x2545f4914f6cdd1dn) & 0xffff_ffff_ffff_ffffn;
    };
    let bad = 0;
    let nativeMs = 0;
    let count = 0;
    const input = new Uint8Array(BATCH * 8);
    const idv = new DataView(input.buffer);
    for (let b = 0; b < 67; b++) {
      const xs: number[] = [];
      for (let i = 0; i < BATCH; i++) {
        let w = next() & 0x7fff_ffff_ffff_ffffn; // positive
        // every fourth one near 1 (short digit strings), the rest anywhere
        if (i % 4 === 0) w = 0x3ff0_0000_0000_0000n | (w & 0x000f_ffff_ffff_ffffn);
        if ((w >> 52n) === 0x7ffn || w === 0n) w = 0x3ff0_0000_0000_0001n;
        idv.setBigUint64(8 * i, w, true);
        xs.push(fromBits(w));
      }
      rt.img.write(inAt, input);
      const t0 = performance.now();
      rt.call('t_shortest_bulk', inAt, BigInt(BATCH), outAt);
      nativeMs += performance.now() - t0;
      const out = rt.img.read(outAt, BATCH * 24);
      const odv = new DataView(out.buffer, out.byteOffset, out.byteLength);
      for (let i = 0; i < BATCH; i++) {
        const decpt = odv.getInt16(24 * i, true);
        const n = out[24 * i + 2]!;
        let digits = '';
        for (let j = 0; j < n; j++) digits += String.fromCharCode(out[24 * i + 3 + j]!);
        const t = xs[i]!.toExponential();
        const e = t.indexOf('e');
        const want = (t[0]! + (e > 1 ? t.slice(2, e) : '')).replace(/0+$/, '');
        const wantDecpt = Number(t.slice(e + 1)) + 1;
        if (digits !== want || decpt !== wantDecpt) bad++;
      }
      count += BATCH;
    }
    expect(bad).toBe(0);
    console.log(`rt_dtoa_shortest: ${((nativeMs * 1e6) / count).toFixed(1)} ns per double (incl. one koffi call per ${BATCH})`);
  });

  test('repr agrees with the interpreter on random finite doubles', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      dv.setUint32(0, rnd() * 2, true);
      dv.setUint32(4, rnd() * 2, true);
      const x = dv.getFloat64(0, true);
      if (!Number.isFinite(x)) continue;
      expect(rt.decode(rt.call('rt_repr_float', rt.float(x)))).toBe(floatRepr(x));
    }
  });
});

const ops = JSON.parse(readFileSync(new URL('float-ops.json', FIX), 'utf8')) as {
  binop: [number, unknown, unknown, unknown][];
  compare: [unknown, number, string][];
  compareInts: string[];
  compareFloat: [unknown, unknown, string][];
  hash: [unknown, string][];
  divmod: [unknown, unknown, unknown][];
};

const hasIntToDouble = (() => {
  try {
    return loadRuntime().addr('rt_int_to_double') !== 0n;
  } catch {
    return false;
  }
})();

describe('arithmetic', () => {
  test('binary operators against CPython (float, int, bool operands)', () => {
    const bad: string[] = [];
    const powHard: string[] = [];
    for (const [op, x, y, want] of ops.binop) {
      if (!hasIntToDouble && (isBigOperand(x) || isBigOperand(y))) continue;
      const r = rt.call('rt_binop_float', operand(x), operand(y), BigInt(op));
      const got = rt.decode(r);
      let ok: boolean;
      if (typeof want === 'object' && want !== null) {
        const w = want as { E: string; m: string };
        const raised = r === EXC ? (got as { raised: { exc: string; args: Decoded[] } }).raised : null;
        if (w.E === 'complex') {
          // A negative base with a fractional power gives complex_pow's result (the
          // interpreter's complexPow is the reference).
          const want = complexRepr(complexPow({ re: asNumber(x), im: 0 }, { re: asNumber(y), im: 0 }));
          ok = r !== EXC && rt.decode(rt.call('rt_repr', r)) === want;
        }
        else if (w.m.startsWith('(34,')) ok = raised?.exc === w.E && raised.args[0] === 34n && raised.args[1] === 'Numerical result out of range';
        else ok = raised?.exc === w.E && raised.args.length === 1 && raised.args[0] === w.m;
      } else if (op === 6) {
        // ** is mathfns.floatPow's dd kernel, bit for bit; it differs from CPython's glibc pow
        // only on results within ~2^-100 of a rounding midpoint (counted below).
        const pw = floatPow(asNumber(x), asNumber(y));
        ok = pw.kind === 'float' && sameFloat(got, pw.value);
        if (ok && !sameFloat(got, num(want))) powHard.push(`${String(x)} ** ${String(y)}`);
      } else {
        ok = sameFloat(got, num(want));
      }
      if (!ok) bad.push(`${op} ${String(x)} ${String(y)}: ${String(got)} (${JSON.stringify(want)})`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // The one known hard case of the sample: DBL_MAX ** 0.5 = 2^512 (1 - 2^-54 - 2^-109...).
    expect(powHard).toEqual(['1.7976931348623157e+308 ** 0.5']);
  });

  test('in-place operators give the same results', () => {
    expect(rt.decode(rt.call('rt_binop_float', rt.float(7.5), rt.int(2), 16n + 5n))).toBe(1.5);
    expect(rt.decode(rt.call('rt_binop_float', rt.float(7.5), rt.float(2), 16n + 4n))).toBe(3);
  });

  test('NotImplemented for other operands and operators', () => {
    const ni = rt.img.readU64(rt.addr('rt_const_NotImplemented'));
    expect(rt.call('rt_binop_float', rt.float(1), rt.str('a'), 0n)).toBe(ni);
    expect(rt.call('rt_binop_float', rt.none, rt.float(1), 0n)).toBe(ni);
    for (const op of [7n, 8n, 9n, 10n, 11n, 12n]) expect(rt.call('rt_binop_float', rt.float(1), rt.float(2), op)).toBe(ni);
  });

  test.skipIf(hasIntToDouble)('big int operands wait for rt_int_to_double (SystemError meanwhile)', () => {
    const r = rt.call('rt_binop_float', rt.float(1.5), bigInt(10n ** 20n), 0n);
    expect(r).toBe(EXC);
    expect((rt.raised() as { exc: string }).exc).toBe('SystemError');
  });

  test('NaN results are canonical', () => {
    for (const [x, y, op] of [[Infinity, Infinity, 1], [Infinity, Infinity, 3], [Infinity, 0, 2], [NaN, 1, 0], [-Infinity, Infinity, 0], [Infinity, 2, 5]] as const) {
      const w = rt.call('rt_binop_float', rt.float(x), rt.float(y), BigInt(op));
      expect([0x7ff8_0000_0000_0000n, 0xfff8_0000_0000_0000n]).toContain(w);
    }
  });

  test('divmod against CPython', () => {
    const bad: string[] = [];
    for (const [x, y, want] of ops.divmod) {
      if (typeof want === 'object' && want !== null && 'E' in want) continue; // y == 0: the builtin checks first
      const [q, r] = want as [unknown, unknown];
      const gq = fromBits(rt.call('t_divmod_0', bitsOf(num(x)), bitsOf(num(y))));
      const gr = fromBits(rt.call('t_divmod_1', bitsOf(num(x)), bitsOf(num(y))));
      if (!sameFloat(gq, num(q)) || !sameFloat(gr, num(r))) bad.push(`${String(x)} ${String(y)}: ${gq} ${gr}`);
    }
    expect(bad).toEqual([]);
  });

  test('unary: -, +, abs, ~ (NotImplemented)', () => {
    const u = (x: number, op: number): Decoded => rt.decode(rt.call('rt_unary_float', rt.float(x), 0n, BigInt(op)));
    expect(Object.is(u(0, 0), -0)).toBe(true);
    expect(u(-2.5, 0)).toBe(2.5);
    expect(u(-2.5, 1)).toBe(-2.5);
    expect(u(-2.5, 3)).toBe(2.5);
    expect(Object.is(u(-0, 3), 0)).toBe(true);
    expect(rt.call('rt_unary_float', rt.float(1), 0n, 2n)).toBe(rt.img.readU64(rt.addr('rt_const_NotImplemented')));
    for (const op of [0n, 3n]) expect([0x7ff8_0000_0000_0000n, 0xfff8_0000_0000_0000n]).toContain(rt.call('rt_unary_float', rt.float(NaN), 0n, op));
  });

  test('bool', () => {
    for (const [x, want] of [[0, 0n], [-0, 0n], [NaN, 1n], [5e-324, 1n], [-Infinity, 1n]] as const) {
      expect(rt.call('rt_bool_float', rt.float(x))).toBe(want);
    }
  });
});

describe('comparisons', () => {
  const CMP = ['<', '<=', '==', '!=', '>', '>='];
  test('float vs int of any size (exact), CPython fixtures', () => {
    const ints = ops.compareInts.map(operand);
    const bad: string[] = [];
    for (const [x, i, word] of ops.compare) {
      for (let op = 0; op < 6; op++) {
        const got = rt.decode(rt.call('rt_richcompare_float', operand(x), ints[i]!, BigInt(op)));
        if (got !== (word[op] === 'T')) bad.push(`${String(x)} ${CMP[op]} ${ops.compareInts[i]}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('float vs float, nan unordered', () => {
    const bad: string[] = [];
    for (const [x, y, word] of ops.compareFloat) {
      for (let op = 0; op < 6; op++) {
        const got = rt.decode(rt.call('rt_richcompare_float', operand(x), operand(y), BigInt(op)));
        if (got !== (word[op] === 'T')) bad.push(`${String(x)} ${CMP[op]} ${String(y)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('float vs bool and NotImplemented for other types', () => {
    expect(rt.decode(rt.call('rt_richcompare_float', rt.float(1), rt.true, 2n))).toBe(true);
    expect(rt.decode(rt.call('rt_richcompare_float', rt.float(0.5), rt.false, 4n))).toBe(true);
    expect(rt.call('rt_richcompare_float', rt.float(1), rt.str('1'), 2n)).toBe(rt.img.readU64(rt.addr('rt_const_NotImplemented')));
  });
});

describe('hash', () => {
  test('CPython _Py_HashDouble on fixtures', () => {
    const bad: string[] = [];
    for (const [x, want] of ops.hash) {
      const got = BigInt.asIntN(64, rt.call('rt_hash_float', operand(x)));
      if (got !== BigInt(want)) bad.push(`${String(x)}: ${got} != ${want}`);
    }
    expect(bad).toEqual([]);
  });

  test('hash(nan) is by identity (the word rotated right by 4, as _Py_HashPointer), generic rt_hash dispatches', () => {
    const nan = 0x7ff8_0000_0000_0005n; // a float('nan') payload
    expect(rt.call('rt_hash_float', nan)).toBe(((nan >> 4n) | (nan << 60n)) & 0xffff_ffff_ffff_ffffn);
    expect(rt.call('rt_hash_float', boxFloat(NaN))).not.toBe(rt.call('rt_hash_float', nan));
    expect(BigInt.asIntN(64, rt.call('rt_hash', rt.float(-1)))).toBe(-2n);
    expect(rt.call('rt_hash', rt.float(1.0))).toBe(rt.call('rt_hash', rt.int(1)));
  });
});
