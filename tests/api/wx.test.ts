// W^X of the in-process JIT (issue 6): no mapping of the JIT's memory is ever writable and
// executable at the same time.
//
// A worker thread of this process reads /proc/self/maps in a loop while the main thread
// compiles, maps (RW, filled, then mprotect'ed), starts the runtime, and runs a long native
// call; every mapping the worker saw with both 'w' and 'x' is recorded. Afterwards none of
// them may overlap the JIT image or the runtime's own mappings (Node's V8 keeps an rwx code
// region of its own, which is not ours, so the check is by address range). The worker also
// proves it sampled while the native call ran: it saw the image's text as r-x then.

import { Worker } from 'node:worker_threads';
import { expect, test } from 'vitest';
import { compileProgram } from '../../src/api.js';
import { NativeSession } from '../../src/embed/session.js';

/** Worker: sample /proc/self/maps until flag[0] != 0; report the w+x lines and r-x lines seen. */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const flag = new Int32Array(workerData.sab);
const wx = new Set();
const rx = new Set();
let samples = 0;
Atomics.store(flag, 1, 1);
while (Atomics.load(flag, 0) === 0) {
  for (const line of readFileSync('/proc/self/maps', 'utf8').split('\\n')) {
    const [range, perms] = line.split(' ');
    if (perms === undefined) continue;
    if (perms[1] === 'w' && perms[2] === 'x') wx.add(range);
    else if (perms[2] === 'x' && Atomics.load(flag, 2) === 1) rx.add(range);
  }
  samples++;
  Atomics.store(flag, 3, samples);
}
parentPort.postMessage({ wx: [...wx], rx: [...rx], samples });
`;

const SOURCE = `
def spin(n):
    s = 0
    for i in range(n):
        s = (s + i * i) % 1000003
    return s
`;

function parseRange(r: string): [bigint, bigint] {
  const [lo, hi] = r.split('-').map((x) => BigInt(`0x${x}`));
  return [lo, hi];
}

test('no JIT mapping is writable and executable at once, before, during and after a native run', async () => {
  const sab = new SharedArrayBuffer(16);
  const flag = new Int32Array(sab);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { sab } });
  const report = new Promise<{ wx: string[]; rx: string[]; samples: number }>((res, rej) => {
    worker.once('message', res);
    worker.once('error', rej);
  });
  while (Atomics.load(flag, 1) === 0) await new Promise((r) => setTimeout(r, 5));

  const session = new NativeSession(compileProgram(SOURCE, 'spin.py'), { argv: ['spin.py'] });
  let ranges: [bigint, bigint][] = [];
  try {
    session.start();
    ranges = [[session.image.base, session.image.base + BigInt(session.image.size)], ...session.runtimeMappings().map(([a, n]): [bigint, bigint] => [a, a + BigInt(n)])];
    // Wait for a few samples with the image mapped, then run natively long enough (the main
    // thread is inside machine code the whole time) for the worker to sample many times.
    const before = Atomics.load(flag, 3);
    while (Atomics.load(flag, 3) < before + 3) await new Promise((r) => setTimeout(r, 2));
    Atomics.store(flag, 2, 1);
    const during0 = Atomics.load(flag, 3);
    const t0 = performance.now();
    const r = session.call('spin', [3_000_000]);
    const ms = performance.now() - t0;
    Atomics.store(flag, 2, 0);
    const during = Atomics.load(flag, 3) - during0;
    let s = 0;
    for (let i = 0; i < 3_000_000; i++) s = (s + i * i) % 1000003;
    expect(r).toBe(s);
    expect(ms).toBeGreaterThan(5);
    expect(during).toBeGreaterThan(2);
  } finally {
    session.dispose();
    Atomics.store(flag, 0, 1);
  }
  const { wx, rx, samples } = await report;
  await worker.terminate();
  expect(samples).toBeGreaterThan(5);
  const overlaps = (r: string): boolean => {
    const [lo, hi] = parseRange(r);
    return ranges.some(([a, b]) => lo < b && a < hi);
  };
  // Nothing of ours was ever w+x ...
  expect(wx.filter(overlaps)).toEqual([]);
  // ... and the sampler did see our text executable while the call ran.
  const text = session.image.link.sections.text;
  expect(text.size).toBeGreaterThan(0);
  const textStart = session.image.addr('rt_gc_enter');
  expect(rx.some((r) => {
    const [lo, hi] = parseRange(r);
    return textStart >= lo && textStart < hi;
  })).toBe(true);
});

test('the image sections carry their final protections: text r-x, rodata r--, data and bss rw-', async () => {
  const session = new NativeSession(compileProgram('X = [1, 2]\n', 'prot.py'), { argv: ['prot.py'] });
  try {
    session.start();
    const maps = (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => l !== '');
    const permsAt = (addr: bigint): string => {
      const line = maps.find((l) => {
        const [lo, hi] = parseRange(l.split(' ')[0]);
        return addr >= lo && addr < hi;
      });
      return line === undefined ? 'unmapped' : line.split(' ')[1];
    };
    const img = session.image;
    expect(permsAt(img.addr('rt_gc_enter'))).toBe('r-xp');
    expect(permsAt(img.addr('type_int'))).toMatch(/^r[-w]-p$/);
    expect(permsAt(img.addr('rt_exc'))).toBe('rw-p');
    for (const [s, prot] of Object.entries(img.protections)) expect(prot & 6, s).not.toBe(6);
    // Every page of the image, whatever section it holds, is mapped without w+x.
    for (let a = img.base; a < img.base + BigInt(img.size); a += 4096n) expect(permsAt(a)).not.toMatch(/^.wx/);
  } finally {
    session.dispose();
  }
});
