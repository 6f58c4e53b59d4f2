// Native math kernels against the interpreter's TypeScript ones (src/interp/numeric/math*.ts):
// the same algorithms, so the same bits on every input. Inputs: special values, values near
// the range boundaries of each kernel, and thousands of random doubles (fixed seeds).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, rax, rdi, rdx, rsi, rsp, sym, xmm0, xmm1, xmm2 } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import * as ex from '../../src/interp/numeric/mathexp.js';
import * as tr from '../../src/interp/numeric/mathtrig.js';
import * as hy from '../../src/interp/numeric/mathhyp.js';
import * as sp from '../../src/interp/numeric/mathspecial.js';
import * as mf from '../../src/interp/numeric/mathfns.js';
import { loadRuntime, type Rt } from './harness.js';

/** C-level kernels: name -> [arity, TypeScript reference]. */
const KERNELS: Record<string, [number, (...xs: number[]) => number]> = {
  exp: [1, ex.exp],
  exp2: [1, ex.exp2],
  expm1: [1, ex.expm1],
  log: [1, ex.log],
  log2: [1, ex.log2],
  log10: [1, ex.log10],
  log1p: [1, ex.log1p],
  cbrt: [1, ex.cbrt],
  pow: [2, ex.pow],
  sin: [1, tr.sin],
  cos: [1, tr.cos],
  tan: [1, tr.tan],
  atan: [1, tr.atan],
  asin: [1, tr.asin],
  acos: [1, tr.acos],
  atan2: [2, tr.atan2],
  cosh: [1, hy.cosh],
  sinh: [1, hy.sinh],
  tanh: [1, hy.tanh],
  asinh: [1, hy.asinh],
  acosh: [1, hy.acosh],
  atanh: [1, hy.atanh],
  erf: [1, sp.erf],
  erfc: [1, sp.erfc],
};

/** t_<kernel>_<i>: rdi, rsi, rdx = double bits -> rax = bits of result register xmm<i>. */
const wrappers: RuntimeModule = {
  name: 'math-test',
  data: [],
  routines: [...Object.keys(KERNELS), 'float_pow', 'tgamma', 'lgamma'].flatMap((n) =>
    [0, 1].map((res) => ({
      name: `t_${n}_${res}`,
      contract: 'test wrapper',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.movq(xmm0, rdi);
        a.movq(xmm1, rsi);
        a.movq(xmm2, rdx);
        a.call(sym(`rt_mathk_${n}`));
        a.movq(rax, res ? xmm1 : xmm0);
        a.add(rsp, 8);
        a.ret();
      },
    })),
  ),
};

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime([wrappers]);
});
afterAll(() => rt.dispose());

const dv = new DataView(new ArrayBuffer(8));
const bits = (x: number): bigint => {
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
};
const fromBits = (b: bigint): number => {
  dv.setBigUint64(0, b, true);
  return dv.getFloat64(0, true);
};
const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);

/** A deterministic generator (xorshift32) of doubles: random bits, and spread magnitudes. */
function inputs(seed: number, n: number): number[] {
  let s = seed >>> 0 || 1;
  const u32 = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const out: number[] = [0, -0, 1, -1, 0.5, -0.5, 2, 10, 100, 1e-300, 5e-324, 2.2250738585072014e-308, 1e300,
    1.7976931348623157e308, Infinity, -Infinity, NaN, 709.78, 709.8, 710, -745.1, -745.2, 1024, -1080, 0.0027, -0.0027,
    1.4142135623730951, 0.7071067811865476, 1e-20, 3, 27, 64, 1e-310];
  for (let i = 0; out.length < n; i++) {
    if (i % 3 === 0) {
      dv.setUint32(0, u32(), true);
      dv.setUint32(4, u32(), true);
      out.push(dv.getFloat64(0, true));
    } else {
      const mag = 2 ** ((u32() / 2 ** 32) * 60 - 30);
      out.push((u32() / 2 ** 32 - 0.5) * 2 * mag);
    }
  }
  return out;
}

function call(name: string, res: number, ...xs: number[]): number {
  const args = xs.map(bits);
  while (args.length < 3) args.push(0n);
  return fromBits(rt.call(`t_${name}_${res}`, ...args));
}

describe('C-level kernels, bit for bit with the TypeScript', () => {
  for (const [name, [arity, ref]] of Object.entries(KERNELS)) {
    test(name, () => {
      const xs = inputs(name.length * 7919 + arity, 4000);
      const bad: string[] = [];
      if (arity === 1) {
        for (const x of xs) {
          const got = call(name, 0, x);
          const want = ref(x);
          if (!same(got, want)) bad.push(`${name}(${x}) = ${got}, want ${want}`);
        }
      } else {
        const ys = inputs(4242, 4000);
        for (let i = 0; i < xs.length; i++) {
          const x = xs[i]!;
          // integers, halves and random exponents: every branch of pow
          const y = i % 4 === 0 ? Math.round(ys[i]! % 40) : i % 4 === 1 ? ys[i]! % 3 : ys[i]!;
          const got = call(name, 0, x, y);
          const want = ref(x, y);
          if (!same(got, want)) bad.push(`${name}(${x}, ${y}) = ${got}, want ${want}`);
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }

  test('sin/cos/tan near multiples of pi/2 and the hardest reduction cases', () => {
    const xs: number[] = [6381956970095103 * 2 ** 797, 5.319372648326541e255, 1e22, 1e300, 2 ** 1023, 1647099, 1647098.9999999998];
    for (let n = 1; n < 3000; n += 7) {
      const x = (n * Math.PI) / 2;
      dv.setFloat64(0, x, true);
      const b = dv.getBigUint64(0, true);
      for (const d of [-2n, -1n, 0n, 1n, 2n]) xs.push(fromBits(b + d));
      xs.push(x * 1e6, -x * 1e9);
    }
    const bad: string[] = [];
    for (const x of xs) {
      for (const [name, f] of [['sin', tr.sin], ['cos', tr.cos], ['tan', tr.tan]] as const) {
        const got = call(name, 0, x);
        if (!same(got, f(x))) bad.push(`${name}(${x}) = ${got}, want ${f(x)}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  for (const [name, ref] of [['tgamma', sp.tgamma], ['lgamma', sp.lgamma]] as const) {
    test(`${name}: value and errno (CPython's Lanczos code)`, () => {
      const xs = inputs(name.length * 31, 2500).map((x, i) => (i % 2 ? x : (x % 180) + (i % 3 ? 0 : 0.5)));
      for (let n = -30; n <= 30; n++) xs.push(n, n + 0.5, n + 1e-9);
      const bad: string[] = [];
      for (const x of xs) {
        const [want, errno] = ref(x);
        const got = call(name, 0, x);
        const gotErrno = call(name, 1, x);
        if (!same(got, want) || gotErrno !== errno) bad.push(`${name}(${x}) = ${got} [${gotErrno}], want ${want} [${errno}]`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }

  test('float ** (mathfns.floatPow): value and error status', () => {
    const xs = inputs(99, 4000);
    const ys = inputs(1234, 4000);
    const bad: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      const x = i % 5 === 0 ? -Math.abs(xs[i]!) : xs[i]!;
      const y = i % 3 === 0 ? Math.round(ys[i]! % 9) : ys[i]! % 4;
      let wantStatus = 0;
      let want = NaN;
      try {
        const r = mf.floatPow(x, y);
        if (r.kind === 'float') want = r.value;
        else wantStatus = 2;
      } catch (e) {
        wantStatus = (e as mf.MathError).kind === 'ZeroDivisionError' ? 1 : 3;
      }
      const status = call('float_pow', 1, x, y);
      const got = call('float_pow', 0, x, y);
      if (status !== wantStatus || (wantStatus === 0 && !same(got, want))) bad.push(`${x} ** ${y}: ${got} [${status}], want ${want} [${wantStatus}]`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
