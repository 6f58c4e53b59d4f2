// Builtins runtime (runtime/core/bi_*.ts): the site group of tests/native/fixtures/bi-cases.json
// (scripts/gen-bi-fixtures.py), called through rt_call like compiled code and compared with
// CPython 3.11's results, messages and iterator output.

import { afterAll, beforeAll } from 'vitest';
import { BiRunner, runGroup } from './bi_cases.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
let runner: BiRunner;
beforeAll(() => {
  rt = loadRuntime();
  runner = new BiRunner(rt);
});
afterAll(() => rt.dispose());

runGroup('site', () => runner);
