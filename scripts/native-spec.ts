// Pass/fail of every spec program (tests/spec = ../shared/spec) in one execution mode, with
// the reason of each failure (the compile-time refusal, or the last stderr line), then the
// failure reasons ranked by count. A development aid; CI uses tests/programs.test.ts.
// Usage: npx tsx scripts/native-spec.ts [jit|native|interp] [name-filter] [--suite programs]

import { join } from 'node:path';
import { findPrograms, type Mode, ROOT, runProgram } from '../tests/lib/programs.js';

const args = process.argv.slice(2);
const suiteAt = args.indexOf('--suite');
const suite = suiteAt >= 0 ? args.splice(suiteAt, 2)[1] : 'spec';
const mode = (args[0] ?? 'jit') as Mode;
const filter = args[1] ?? '';
const programs = findPrograms(join(ROOT, 'tests', suite)).filter((p) => p.name.includes(filter));

function lastLine(s: string): string {
  const lines = s.trimEnd().split('\n').filter((l) => !l.startsWith('    at '));
  return lines[lines.length - 1] ?? '';
}

let pass = 0;
const reasons = new Map<string, number>();
let next = 0;
await Promise.all(Array.from({ length: 2 }, async () => {
  while (next < programs.length) {
    const p = programs[next++];
    const o = await runProgram(mode, p);
    if (o.ok) {
      pass++;
      console.log(`PASS ${p.name}`);
      continue;
    }
    const refused = /does not support (.*?) yet/.exec(o.stderr + o.why.join(' '));
    const reason = refused ? `unsupported: ${refused[1]}` : `${o.why[0]} :: ${lastLine(o.stderr).slice(0, 140)}`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    console.log(`FAIL ${p.name} :: ${reason}`);
  }
}));
console.log(`\n${suite} ${mode}: ${pass}/${programs.length} pass`);
for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${r}`);
