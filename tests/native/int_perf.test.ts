// Timings of the int routines (printed, not asserted: the machine is shared), with the
// results checked against BigInt: factorial(1000) by repeated rt_int_mul, 1000-digit and
// 10000-digit multiplications (schoolbook and Karatsuba), division, str() of factorial(1000),
// int() of 4300 digits, and the small-int add helper. Loops run in native code so koffi's
// call overhead is not measured.

import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mem, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxInt } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';

const perfModule: RuntimeModule = {
  name: 'int-perf',
  data: [],
  routines: [
    {
      name: 'perf_factorial',
      contract: 'rdi=n -> rax=n! built by rt_int_mul',
      emit(a) {
        for (const r of [rbx, r12]) a.push(r);
        a.mov(r12, rdi);
        a.mov(rbx, boxInt(1n));
        a.mov(rax, 2);
        const loop = a.newLabel();
        const done = a.newLabel();
        a.push(rax);
        a.bind(loop);
        a.pop(rax);
        a.cmp(rax, r12);
        a.ja(done);
        a.lea(rsi, mem(rax, 1));
        a.push(rsi);
        a.mov(rsi, rax);
        a.shl(rsi, 16);
        a.shr(rsi, 16);
        a.mov(rax, 0xfff9n << 48n);
        a.or(rsi, rax);
        a.mov(rdi, rbx);
        a.call(sym('rt_int_mul'));
        a.mov(rbx, rax);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, rbx);
        for (const r of [r12, rbx]) a.pop(r);
        a.ret();
      },
    },
    {
      name: 'perf_repeat',
      contract: 'rdi=routine, rsi=a, rdx=b, rcx=count -> rax=the last result of routine(a, b)',
      emit(a) {
        for (const r of [rbx, r12, r13, r14, r15]) a.push(r);
        a.mov(rbx, rdi);
        a.mov(r12, rsi);
        a.mov(r13, rdx);
        a.mov(r14, rcx);
        const loop = a.newLabel();
        const done = a.newLabel();
        a.bind(loop);
        a.test(r14, r14);
        a.je(done);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(rbx);
        a.mov(r15, rax);
        a.dec(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r15);
        for (const r of [r15, r14, r13, r12, rbx]) a.pop(r);
        a.ret();
      },
    },
  ],
};

// The collector runs as in a program (memory is reused); operands live in a registered root
// range and every loop runs through rt_gc_enter, so its registers are scanned.
let rt: Rt;
let roots: bigint;
beforeAll(() => {
  rt = loadRuntime([perfModule], { gc: true });
  const libc = koffi.load('libc.so.6');
  const mmap = libc.func('uintptr_t mmap(void *addr, size_t len, int prot, int flags, int fd, long off)');
  roots = BigInt(mmap(null, 4096, 3, 0x22, -1, 0));
  rt.call('rt_gc_add_roots', roots, 8n);
});
afterAll(() => rt.dispose());

function timed<T>(label: string, runs: number, f: () => T): T {
  let best = Infinity;
  let out: T;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label}: ${((best * 1e6) / runs).toFixed(0)} ns per operation (${runs} per run, best of 3)`);
  return out!;
}

/** Keep `w` alive in root slot `i`; returns it. */
function root(i: number, w: bigint): bigint {
  rt.img.writeU64(roots + BigInt(8 * i), w);
  return w;
}

const enter = (name: string, ...args: bigint[]) => rt.call('rt_gc_enter', rt.addr(name), ...[...args, 0n, 0n, 0n, 0n].slice(0, 4));

const bigFactorial = (n: bigint): bigint => {
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
};

describe('int performance (printed)', () => {
  test('factorial(1000) by repeated multiplication, and str() of it', () => {
    const f = root(0, timed('factorial(1000) (999 multiplications)', 1, () => enter('perf_factorial', 1000n)));
    expect(rt.decode(f)).toBe(bigFactorial(1000n));
    const s = root(1, timed('str(factorial(1000)) (2568 digits)', 1, () => enter('rt_repr_int', f)));
    expect(rt.decode(s)).toBe(bigFactorial(1000n).toString());
    const back = timed('int() of those 2568 digits', 1, () => enter('rt_int_from_str', s, 10n));
    expect(rt.decode(back)).toBe(bigFactorial(1000n));
  });

  test('1000-digit and 10000-digit products and quotients', () => {
    for (const digits of [1000, 10000]) {
      const x = 7n ** BigInt(Math.round(digits / 0.845));
      const y = 3n ** BigInt(Math.round(digits / 0.477));
      const [xw, yw] = [root(0, rt.bigint(x)), root(1, rt.bigint(y))];
      const runs = digits === 1000 ? 2000 : 50;
      const p = timed(`${digits}-digit * ${digits}-digit`, runs, () => enter('perf_repeat', rt.addr('rt_int_mul'), xw, yw, BigInt(runs)));
      expect(rt.decode(p)).toBe(x * y);
      const pw = root(2, rt.bigint(x * y));
      const q = timed(`${2 * digits}-digit // ${digits}-digit`, runs, () => enter('perf_repeat', rt.addr('rt_int_floordiv'), pw, yw, BigInt(runs)));
      expect(rt.decode(q)).toBe(x);
    }
  });

  test('small int + (the template slow-path helper)', () => {
    const r = timed('rt_int_add on two small ints', 1_000_000, () => enter('perf_repeat', rt.addr('rt_int_add'), rt.int(12345), rt.int(-678), 1_000_000n));
    expect(rt.decode(r)).toBe(12345n - 678n);
  });
});
