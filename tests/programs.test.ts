// Runs every test program (the acceptance suite copied into tests/spec, and our own
// tests/programs) in every execution mode and enforces the ratchet: a program listed in
// tests/ratchet/<suite>.<mode>.txt must pass, and a passing program must be listed (so the
// list is exactly what passes and can only grow on purpose: `npm run ratchet`).

import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { explain, findPrograms, MODES as ALL_MODES, type Mode, readRatchet, ROOT, runProgram } from './lib/programs.js';

const MODES: readonly Mode[] = ALL_MODES;
const SUITES = ['spec', 'programs'] as const;

for (const suite of SUITES) {
  const programs = findPrograms(join(ROOT, 'tests', suite));
  for (const mode of MODES) {
    const ratchet = readRatchet(suite, mode);
    describe.concurrent(`${suite} [${mode}]`, () => {
      test.each(programs.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
        const o = await runProgram(mode, p);
        if (ratchet.has(p.name)) {
          expect(o.ok, explain(p, o)).toBe(true);
        } else {
          expect(o.ok, `${p.name} passes in ${mode} mode but is not in tests/ratchet/${suite}.${mode}.txt: run \`npm run ratchet\``).toBe(false);
        }
      });
    });
  }
}
