// Regenerates loops.out and loops.err (stdout, and stderr with the path made relative) from
// CPython: npx tsx tests/native/sigint/regen.ts

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInterrupted } from './drive.js';

const here = dirname(new URL(import.meta.url).pathname);
const r = await runInterrupted('python3', ['loops.py'].map((f) => join(here, f)));
writeFileSync(join(here, 'loops.out'), r.stdout);
writeFileSync(join(here, 'loops.err'), r.stderr.replaceAll(join(here, 'loops.py'), 'loops.py'));
console.log(`python3: code ${r.code} signal ${r.signal}`);
