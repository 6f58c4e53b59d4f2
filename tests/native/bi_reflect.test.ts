// Builtins runtime (runtime/core/bi_*.ts): the reflect group of tests/native/fixtures/bi-cases.json
// (scripts/gen-bi-fixtures.py), called through rt_call like compiled code and compared with
// CPython 3.11's results, messages and iterator output.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAYLOAD_MASK } from '../../src/native/layout.js';
import { BiRunner, runGroup } from './bi_cases.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
let runner: BiRunner;
beforeAll(() => {
  rt = loadRuntime();
  runner = new BiRunner(rt);
});
afterAll(() => rt.dispose());

runGroup('reflect', () => runner, {});

describe('more reflection', () => {
  const call = (f: string, words: bigint[]): bigint => runner.rt.call('rt_call', runner.callable(f), runner.v.put(words), BigInt(words.length), 0n);
  const nested = (depth: number): bigint => {
    let t = runner.callable('int');
    for (let i = 0; i < depth; i++) t = runner.v.tuple([t]);
    return t;
  };

  test('nested class tuples count against the recursion limit', () => {
    // CPython: "maximum recursion depth exceeded in __instancecheck__" (and __subclasscheck__)
    expect(runner.read(call('isinstance', [rt.int(1), nested(900)]))).toBe(true);
    expect(runner.read(call('issubclass', [runner.callable('bool'), nested(900)]))).toBe(true);
    expect(runner.read(call('isinstance', [rt.int(1), nested(2000)]))).toEqual({ exc: 'RecursionError', args: ['maximum recursion depth exceeded in __instancecheck__'] });
    expect(runner.read(call('issubclass', [runner.callable('int'), nested(2000)]))).toEqual({ exc: 'RecursionError', args: ['maximum recursion depth exceeded in __subclasscheck__'] });
    // Depth back to 0: the room left is the whole limit (protocol.ts rt_recursion_room).
    expect(rt.img.readU64(rt.addr('rt_recursion_room'))).toBe(rt.img.readU64(rt.addr('rt_recursion_limit')));
  });

  test('id() is the address of an object and 2**64 + the word of other values', () => {
    const list = runner.v.list([]);
    expect(runner.read(call('id', [list]))).toBe(Number(list & PAYLOAD_MASK));
    expect(call('id', [list])).toBe(call('id', [list]));
    for (const w of [rt.int(7), rt.int(-1), rt.float(1.5), rt.float(0), rt.float(-0)]) {
      const got = rt.decode(call('id', [w]));
      expect(got).toBe((1n << 64n) + w);
    }
    expect(call('id', [runner.v.list([])])).not.toBe(call('id', [list]));
  });
});
