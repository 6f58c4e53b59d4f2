// The builtins runtime under a collection at every allocation (EDGEPYC_GC_STRESS's mode):
// every builtin and iterator must keep the values it still needs where the collector sees
// them. Each fixture case (bi-cases.json) runs with its arguments rooted on the value stack
// and the call made through rt_gc_enter (so the machine stack is scanned, as in a compiled
// program); iterator results are advanced under stress too, and everything must still
// match CPython.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { GC_STAT } from '../../runtime/core/gclayout.js';
import { EXC } from '../../src/native/layout.js';
import { BiRunner, CASES, caseText, expected } from './bi_cases.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
let runner: BiRunner;
beforeAll(() => {
  rt = loadRuntime([], { gc: true });
  runner = new BiRunner(rt);
});
afterAll(() => rt.dispose());

function setStress(on: boolean): void {
  rt.img.writeU64(rt.addr('rt_gc_inhibit'), on ? 0n : 1n);
  rt.img.writeU64(rt.addr('rt_gc_stress'), on ? 1n : 0n);
}

/** Push value words onto the value stack (collector roots); returns their address. */
function rooted(words: bigint[]): bigint {
  const top = rt.img.readU64(rt.addr('rt_vs_top'));
  words.forEach((w, i) => rt.img.writeU64(top + BigInt(8 * i), w));
  rt.img.writeU64(rt.addr('rt_vs_top'), top + BigInt(8 * words.length));
  return top;
}

/** Cases whose known differences from CPython belong to other areas (see bi_reflect.test.ts). */
const SKIP = new Set(['getattr(1, "real")', 'getattr({"float":"1.5"}, "imag")', 'hasattr(1, "real")', 'setattr([], "append", 1)', 'delattr([], "append")']);

test('every case matches CPython with a collection at each allocation', () => {
  const base = rt.img.readU64(rt.addr('rt_vs_top'));
  const collections = () => rt.img.readU64(rt.addr('rt_gc_stat') + 8n * BigInt(GC_STAT.collections));
  const before = collections();
  const wrong: string[] = [];
  let ran = 0;
  for (const c of Object.values(CASES).flat()) {
    const text = caseText(c);
    if (SKIP.has(text)) continue;
    setStress(false);
    rt.img.writeU64(rt.addr('rt_vs_top'), base);
    const { words, kwnames } = runner.build(c);
    const fn = runner.callable(c.f);
    const argv = rooted([...words, kwnames === 0n ? rt.none : kwnames, fn]);
    setStress(true);
    const r = rt.call('rt_gc_enter', rt.addr('rt_call'), fn, argv, BigInt(words.length), kwnames);
    setStress(false);
    rooted([r === EXC ? rt.none : r]);
    runner.next = (it) => {
      setStress(true);
      const x = rt.call('rt_gc_enter', rt.addr('rt_next'), it);
      setStress(false);
      return x;
    };
    const got = runner.read(r);
    ran++;
    try {
      expect(got).toEqual(expected(c.out));
    } catch {
      wrong.push(`${text}: got ${JSON.stringify(got)}`);
    }
  }
  rt.img.writeU64(rt.addr('rt_vs_top'), base);
  expect(wrong).toEqual([]);
  expect(ran).toBeGreaterThan(400);
  expect(collections() - before).toBeGreaterThan(BigInt(ran));
});
