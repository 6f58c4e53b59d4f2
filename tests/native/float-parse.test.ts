// float(str) natively: CPython 3.11's syntax and errors (fixtures from
// scripts/gen-float-fixtures.py), and correct rounding of rt_float_strtod against V8's
// Number(), which is correctly rounded too: random doubles printed in every style, random
// digit strings, and long strings right at / next to the midpoints between two doubles
// (the exact fallback of Eisel-Lemire).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, rax, rdx, rsp, sym } from '../../src/asm/index.js';
import { EXC } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { loadRuntime, type Decoded, type Rt } from './harness.js';

/** rt_float_strtod's second result (rdx) as rax. */
const testModule: RuntimeModule = {
  name: 'float-parse-test',
  data: [],
  routines: [
    {
      name: 't_strtod_used',
      contract: 'test wrapper',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.call(sym('rt_float_strtod'));
        a.mov(rax, rdx);
        a.add(rsp, 8);
        a.ret();
      },
    },
  ],
};

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime([testModule]);
});
afterAll(() => rt.dispose());

const dv = new DataView(new ArrayBuffer(8));
const bitsOf = (x: number): bigint => {
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
};
const fromBits = (b: bigint): number => {
  dv.setBigUint64(0, b, true);
  return dv.getFloat64(0, true);
};

/** rt_float_strtod on ASCII text: [double bits, bytes used]. Two calls, the second for rdx. */
function strtod(text: string): [bigint, number] {
  const bytes = new TextEncoder().encode(text);
  const at = rt.scratch + 65536n;
  rt.img.write(at, bytes);
  const bits = rt.call('rt_float_strtod', at, BigInt(bytes.length));
  const used = rt.call('t_strtod_used', at, BigInt(bytes.length));
  return [bits, Number(used)];
}

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

describe('float(str): CPython fixtures', () => {
  const cases = JSON.parse(readFileSync(new URL('./fixtures/float-parse.json', import.meta.url), 'utf8')) as [string, unknown][];
  test.each(cases.map(([t, r]) => [JSON.stringify(t), t, r] as const))('float(%s)', (_name, text, want) => {
    const r = rt.call('rt_float_from_str', rt.str(text));
    const got: Decoded = rt.decode(r);
    if (typeof want === 'object' && want !== null) {
      const w = want as { E: string; m: string };
      expect(r).toBe(EXC);
      expect(rt.raised()).toEqual({ exc: w.E, args: [w.m] });
    } else {
      const x = typeof want === 'number' ? want : want === 'inf' ? Infinity : want === '-inf' ? -Infinity : NaN;
      expect(Object.is(got, x) || (x !== x && got !== got)).toBe(true);
    }
  });

  test('-nan keeps its sign bit; each nan is a fresh quiet NaN (payload = a new serial, docs/float.md)', () => {
    const top = (w: bigint): bigint => w >> 48n;
    const payload = (w: bigint): bigint => w & 0xffff_ffff_ffffn;
    const n1 = rt.call('rt_float_from_str', rt.str('-nan'));
    const n2 = rt.call('rt_float_from_str', rt.str('NaN'));
    const n3 = rt.call('rt_float_from_str', rt.str(' nan\n'));
    expect([top(n1), top(n2), top(n3)]).toEqual([0xfff8n, 0x7ff8n, 0x7ff8n]);
    expect(payload(n1)).not.toBe(0n);
    expect(payload(n2)).toBe(payload(n1) + 1n);
    expect(payload(n3)).toBe(payload(n2) + 1n);
    expect(Number.isNaN(rt.decode(n3) as number)).toBe(true);
    expect(rt.call('rt_float_from_str', rt.str('-0'))).toBe(0x8000_0000_0000_0000n);
  });

  test('long texts (heap buffers for the Unicode and underscore copies)', () => {
    const digits = '1234567890'.repeat(120);
    expect(rt.decode(rt.call('rt_float_from_str', rt.str(`${digits}e-1199`)))).toBe(Number(`${digits}e-1199`));
    expect(rt.decode(rt.call('rt_float_from_str', rt.str(`\u00a0${digits}\u3000`)))).toBe(Number(digits));
    const under = '1_234_567_890'.repeat(60);
    expect(rt.decode(rt.call('rt_float_from_str', rt.str(`0.${under}`)))).toBe(Number(`0.${under.replaceAll('_', '')}`));
  });
});

describe('rt_float_strtod: correct rounding', () => {
  test('the bytes used: the longest number', () => {
    expect(strtod('1.5e3xyz')).toEqual([bitsOf(1500), 5]);
    expect(strtod('1.5e')).toEqual([bitsOf(1.5), 3]);
    expect(strtod('1.5e+')).toEqual([bitsOf(1.5), 3]);
    expect(strtod('-.5.')).toEqual([bitsOf(-0.5), 3]);
    expect(strtod('infinityx')).toEqual([bitsOf(Infinity), 8]);
    expect(strtod('-infx')).toEqual([bitsOf(-Infinity), 4]);
    expect(strtod('x1')[1]).toBe(0);
    expect(strtod('.')[1]).toBe(0);
    expect(strtod('')[1]).toBe(0);
  });

  test('random doubles in every notation (300,000 strings)', () => {
    const rnd = xorshift(2024);
    const bad: string[] = [];
    for (let i = 0; i < 50000; i++) {
      dv.setUint32(0, Math.floor(rnd() * 2 ** 32), true);
      dv.setUint32(4, Math.floor(rnd() * 2 ** 32), true);
      let x = dv.getFloat64(0, true);
      if (!Number.isFinite(x)) x = rnd() * 1e10;
      const texts = [String(x), x.toExponential(), x.toExponential(Math.floor(rnd() * 20)), x.toPrecision(1 + Math.floor(rnd() * 21))];
      if (Math.abs(x) < 1e21 && Math.abs(x) > 1e-6) texts.push(x.toFixed(Math.floor(rnd() * 20)));
      texts.push(`${(rnd() * 1e6).toFixed(Math.floor(rnd() * 8))}e${Math.floor(rnd() * 700) - 350}`);
      for (const t of texts) {
        const [bits, used] = strtod(t);
        if (bits !== bitsOf(Number(t)) || used !== t.length) bad.push(`${t}: ${fromBits(bits)} (${used})`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('random digit strings of 1 to 40 digits, any exponent', () => {
    const rnd = xorshift(99);
    const bad: string[] = [];
    for (let i = 0; i < 60000; i++) {
      const n = 1 + Math.floor(rnd() * 40);
      let d = '';
      for (let j = 0; j < n; j++) d += String(Math.floor(rnd() * 10));
      const cut = Math.floor(rnd() * (n + 1));
      const t = `${d.slice(0, cut)}.${d.slice(cut)}e${Math.floor(rnd() * 680) - 345}`;
      if (t.startsWith('.e')) continue;
      const [bits] = strtod(t);
      if (bits !== bitsOf(Number(t))) bad.push(t);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('exact midpoints between doubles and their neighbours (long inputs, the fallback)', () => {
    const rnd = xorshift(7);
    const bad: string[] = [];
    for (let i = 0; i < 4000; i++) {
      // a random double b (any exponent) and the midpoint to the next one, in full
      const hi = Math.floor(rnd() * 0x7fe00000);
      const lo = Math.floor(rnd() * 2 ** 32);
      const b = (BigInt(hi) << 32n) | BigInt(lo);
      const e = Number(b >> 52n);
      const m = (b & ((1n << 52n) - 1n)) | (e > 0 ? 1n << 52n : 0n);
      const E = (e > 0 ? e : 1) - 1075 - 1;
      const M = 2n * m + 1n;
      let digits: string;
      let exp: number;
      if (E >= 0) {
        digits = (M << BigInt(E)).toString();
        exp = 0;
      } else {
        digits = (M * 5n ** BigInt(-E)).toString();
        exp = E;
      }
      const variants = [
        `${digits}e${exp}`, // the midpoint: ties to even
        `${digits}00001e${exp - 5}`, // just above
        `${(BigInt(digits) - 1n).toString()}9999e${exp - 4}`, // just below
        `${digits}${'0'.repeat(900)}1e${exp - 901}`, // above, past 800 digits
        `0.${'0'.repeat(20)}${digits}e${exp + digits.length + 20}`,
      ];
      for (const t of variants) {
        const [bits] = strtod(t);
        if (bits !== bitsOf(Number(t))) bad.push(`${t.slice(0, 60)}... (${t.length} chars)`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  test('boundaries: subnormals, the largest double, overflow', () => {
    const texts = ['4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '7.4109846876186981e-324',
      '2.2250738585072011e-308', '2.2250738585072014e-308', '1.7976931348623157e308', '1.7976931348623158079e308',
      '1.797693134862315807937289714053e308', '1.7976931348623159e308', '1e-324', '3e-324', '1e309', '0.' + '0'.repeat(340) + '5'];
    for (const t of texts) expect([t, strtod(t)[0]]).toEqual([t, bitsOf(Number(t))]);
  });
});
