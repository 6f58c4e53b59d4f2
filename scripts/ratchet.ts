// Rewrite the ratchet lists (tests/ratchet/<suite>.<mode>.txt) from a fresh run.
// Usage: npx tsx scripts/ratchet.ts [--check]   (--check: only report differences)
// A test that was listed and now fails is reported and kept OUT of the list only when
// --allow-regressions is given; by default the script refuses to drop a passing entry.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPrograms, MODES as ALL_MODES, type Mode, ratchetPath, readRatchet, ROOT, runProgram } from '../tests/lib/programs.js';

const check = process.argv.includes('--check');
const allowRegressions = process.argv.includes('--allow-regressions');
const MODES: readonly Mode[] = ALL_MODES;
const SUITES = ['spec', 'programs'];

async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  }));
  return out;
}

let status = 0;
for (const suite of SUITES) {
  const programs = findPrograms(join(ROOT, 'tests', suite));
  for (const mode of MODES) {
    const old = readRatchet(suite, mode);
    const results = await pool(programs, 3, (p) => runProgram(mode, p));
    const passing = programs.filter((_, i) => results[i].ok).map((p) => p.name);
    const lost = [...old].filter((n) => !passing.includes(n));
    const gained = passing.filter((n) => !old.has(n));
    console.log(`${suite} [${mode}]: ${passing.length}/${programs.length} pass (+${gained.length}, -${lost.length})`);
    for (const n of gained) console.log(`  + ${n}`);
    for (const n of lost) console.log(`  - ${n} (REGRESSION)`);
    if (lost.length > 0 && !allowRegressions) status = 1;
    if (!check && (lost.length === 0 || allowRegressions)) {
      const header = `# ${suite} programs passing in ${mode} mode (maintained by scripts/ratchet.ts)\n`;
      writeFileSync(ratchetPath(suite, mode), header + passing.sort().join('\n') + '\n');
    }
  }
}
process.exit(status);
