// Inline caches of attribute access and the direct method calls (runtime/core/attrcache.ts,
// templates/attrs.ts, templates/seqiter.ts).
//
// The programs of tests/programs/native_attrcache warm caches up and then change what they
// decided on: class attributes and methods replaced, deleted, added to a base or a later
// subclass, descriptors and __getattr__/__setattr__ appearing, instance dicts changed behind
// the cache, objects of many types through one instruction. tests/programs.test.ts runs them
// unprofiled; here each is built with its own profile (`build --profile`: the specialized
// families LOAD_ATTR_INSTANCE, CALL_METHOD_PY, FOR_ITER_LIST... compile to these templates
// then too) and compared with CPython's stdout, natively, under EDGEPYC_GC_STRESS=1 and with
// `run --jit`. A structural check reads `--emit asm` for the inline first-entry check and
// the direct call.

import { describe, expect, test } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { EDGEPYC, ROOT } from '../lib/programs.js';

const DIR = join(ROOT, 'tests', 'programs', 'native_attrcache');
const OUT = join(tmpdir(), 'edgepyc-attrcache-tests');
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

describe.concurrent('native_attrcache programs with a profile', () => {
  test.each(NAMES)('%s', async (name) => {
    const want = readFileSync(join(DIR, `${name}.out`), 'utf8');
    mkdirSync(OUT, { recursive: true });
    const exe = join(OUT, name);
    const b = await execa(EDGEPYC, ['build', `${name}.py`, '-o', exe, '--profile'], { cwd: DIR, reject: false, timeout: 120000 });
    expect(b.exitCode, b.stderr as string).toBe(0);
    for (const env of [{}, { EDGEPYC_GC_STRESS: '1' }]) {
      const r = await execa(exe, [], { cwd: DIR, reject: false, timeout: 120000, stripFinalNewline: false, env: { PYTHONHASHSEED: '0', ...env } });
      expect(r.stdout, `${name} ${JSON.stringify(env)} stdout`).toBe(want);
      expect(r.exitCode, `${name} ${JSON.stringify(env)} ${r.stderr}`).toBe(0);
    }
    const j = await execa(EDGEPYC, ['run', '--jit', '--use-profile', `${exe}.profile`, `${name}.py`], { cwd: DIR, reject: false, timeout: 120000, stripFinalNewline: false });
    expect(j.stdout, `${name} jit stdout`).toBe(want);
    expect(j.exitCode).toBe(0);
  }, 300000);
});

describe('stitched code', () => {
  test('attribute loads check the cache inline, method calls enter functions directly', async () => {
    const r = await execa(EDGEPYC, ['build', 'class_attr_change.py', '-o', '-', '--emit', 'asm'], { cwd: DIR, reject: false, timeout: 120000 });
    expect(r.exitCode, r.stderr as string).toBe(0);
    const text = r.stdout as string;
    const body = (label: string): string => {
      const at = text.indexOf(label);
      expect(at, label).toBeGreaterThanOrEqual(0);
      return text.slice(at, text.indexOf('\n  ;', at + label.length));
    };
    // use(obj): obj.kind is a LOAD_ATTR whose hot part reads the cache words and the epoch.
    const load = body('LOAD_ATTR 0');
    expect(load).toMatch(/cache\+8/);
    expect(load).toMatch(/rt_type_cache_epoch/);
    expect(load).not.toMatch(/call rt_getattr/);
    // obj.describe(): LOAD_METHOD checks the cache inline (an instance in values mode), the
    // cached routine in its cold part; CALL_METHOD calls the code's entry.
    const method = body('LOAD_METHOD 1');
    expect(method).toMatch(/cache\+8/);
    expect(method).toMatch(/rt_type_cache_epoch/);
    expect(method).not.toMatch(/call rt_load_method_ic/);
    expect(body('LOAD_METHOD (cold)')).toMatch(/call rt_load_method_ic/);
    expect(body('CALL_METHOD 0')).toMatch(/call qword ptr \[rcx\+0x10\]/);
  }, 120000);
});
