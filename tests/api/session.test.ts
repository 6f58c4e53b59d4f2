// Native sessions (src/embed/session.ts): the start-up mirrors rt_program_main, and the cost
// of one call from JavaScript is measured (issue 6 asks for it to be reported).

import { expect, test } from 'vitest';
import { compile, compileProgram } from '../../src/api.js';
import { decodeX86 } from '../../src/disasm/x86.js';
import { NativeSession } from '../../src/embed/session.js';

test('rt_program_main still calls the routines NativeSession.start() replays, in that order', () => {
  const session = new NativeSession(compileProgram('pass\n', 'empty.py'), { argv: ['empty.py'] });
  try {
    const img = session.image;
    const byAddr = new Map<bigint, string>();
    // Prefer the public name of an address over chunk-local aliases ('rt:NAME#self').
    for (const [name, a] of img.link.addresses) if (!byAddr.has(a) || /[:#]/.test(byAddr.get(a)!)) byAddr.set(a, name);
    const start = img.addr('rt_program_main');
    // The routine ends at the next symbol placed after it.
    const next = [...img.link.addresses.values()].filter((a) => a > start).reduce((m, a) => (a < m ? a : m), start + 4096n);
    const insns = decodeX86(img.read(start, Number(next - start)), start, (v) => byAddr.get(v) ?? null);
    // rt_signals_init/restore (SIGINT -> KeyboardInterrupt) are left out on purpose: inside
    // Node the process's signals belong to Node, so a session does not take SIGINT over.
    const calls = insns
      .filter((i) => i.text.startsWith('call '))
      .map((i) => (i.target === null ? 'indirect' : byAddr.get(i.target) ?? 'unknown'))
      .filter((n) => !n.startsWith('rt_signals_'));
    // start(): rt_runtime_init, rt_gc_add_roots per module, rt_modules_init, the main code's
    // entry (indirect); an uncaught exception goes to rt_handle_uncaught (a PythonError in a
    // session); then rt_run_atexit, rt_gc_report and rt_flush_stdout (dispose() and afterCall()).
    expect(calls).toEqual(['rt_runtime_init', 'rt_gc_add_roots', 'rt_modules_init', 'indirect', 'rt_handle_uncaught', 'rt_run_atexit', 'rt_gc_report', 'rt_flush_stdout']);
  } finally {
    session.dispose();
  }
});

test('output printed during a call is flushed when the call returns', async () => {
  const m = await compile('def hello(who):\n    print("hello,", who)\n    return len(who)\n');
  try {
    expect(m.call('hello', 'world')).toBe(5);
  } finally {
    m.dispose();
  }
});

test('per-call overhead of a trivial function (reported)', async () => {
  const m = await compile('def nop():\n    return None\n\ndef inc(x):\n    return x + 1\n');
  try {
    const N = 20_000;
    // Warm up koffi and V8 on both paths (the first thousands of calls run unoptimized code).
    for (let i = 0; i < 5000; i++) {
      m.call('inc', i);
      m.call('nop');
    }
    let t0 = performance.now();
    for (let i = 0; i < N; i++) m.call('nop');
    const nopUs = ((performance.now() - t0) * 1000) / N;
    t0 = performance.now();
    let s = 0;
    for (let i = 0; i < N; i++) s += m.call('inc', i) as number;
    const incUs = ((performance.now() - t0) * 1000) / N;
    expect(s).toBe((N * (N + 1)) / 2);
    console.log(`embedding API per-call overhead: nop() ${nopUs.toFixed(2)} us, inc(int) ${incUs.toFixed(2)} us`);
    // Generous bound for a shared machine: the point is that a call is microseconds, not ms.
    expect(nopUs).toBeLessThan(200);
  } finally {
    m.dispose();
  }
});
