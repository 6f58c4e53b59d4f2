// Runs every test program (the acceptance suite copied into tests/spec, and our own
// tests/programs) in every execution mode and enforces the ratchet: a program listed in
// tests/ratchet/<suite>.<mode>.txt must pass. The lists are a floor: a program that passes
// but is not listed yet is reported at the end of the run (so features landing in parallel
// never turn main red) and `npm run ratchet` adds it.

import { afterAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { explain, findPrograms, MODES as ALL_MODES, type Mode, readRatchet, ROOT, runProgram } from './lib/programs.js';

const MODES: readonly Mode[] = ALL_MODES;
const SUITES = ['spec', 'programs'] as const;
const unlisted: string[] = [];
afterAll(() => {
  if (unlisted.length === 0) return;
  unlisted.sort();
  process.stderr.write(`ratchet: ${unlisted.length} program run(s) pass but are not listed yet (run \`npm run ratchet\`):\n  ${unlisted.join('\n  ')}\n`);
});

for (const suite of SUITES) {
  const programs = findPrograms(join(ROOT, 'tests', suite));
  for (const mode of MODES) {
    const ratchet = readRatchet(suite, mode);
    describe.concurrent(`${suite} [${mode}]`, () => {
      test.each(programs.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
        const o = await runProgram(mode, p);
        if (ratchet.has(p.name)) {
          expect(o.ok, explain(p, o)).toBe(true);
        } else if (o.ok) {
          unlisted.push(`${suite}.${mode}: ${p.name}`);
        }
      });
    });
  }
}
