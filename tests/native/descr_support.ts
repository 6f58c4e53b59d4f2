// Test support for the descriptor, wrapper and exception-attribute runtime (descr*.test.ts,
// wrappers*.test.ts, excattrs*.test.ts): build a Python program with the native backend, run
// the executable, and reach a program's globals from an in-process runtime.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import koffi from 'koffi';
import { linkElf, writeExecutable } from '../../src/native/build.js';
import { compileNative } from '../../src/native/command.js';
import { FUNCTION, OBJ_TAG_BITS, PAYLOAD_MASK } from '../../src/native/layout.js';
import type { Rt } from './harness.js';

export interface NativeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Build `py` (an absolute path) natively and run it in its folder; `env` adds variables. */
export function buildAndRun(py: string, env: Record<string, string> = {}): NativeRun {
  const program = compileNative(py, null);
  if (program === null) return { status: null, stdout: '', stderr: `compile error in ${py}` };
  const dir = mkdtempSync(join(tmpdir(), 'edgepyc-descr-'));
  try {
    const exe = join(dir, basename(py, '.py'));
    writeExecutable(exe, linkElf(program, py).bytes, py);
    const r = spawnSync(exe, [], { cwd: dirname(py), encoding: 'utf8', timeout: 60000, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The expected stdout of a test program (tests/programs/<name>.out, from CPython). */
export function expectedOut(py: string): string {
  return readFileSync(py.replace(/\.py$/, '.out'), 'utf8');
}

/**
 * Run the module body of the program the runtime was loaded with (loadRuntime(..., { source }))
 * and return the functions it defined, by name (found among the module's globals).
 */
export function runModule(rt: Rt): Map<string, bigint> {
  const argv = Buffer.alloc(16);
  const p = BigInt(koffi.address(argv));
  const status = rt.call('rt_program_main', 0n, p, p);
  if (status !== 0n) throw new Error(`module body exited with ${status}`);
  const table = rt.img.readU64(rt.addr('rt_main_globals'));
  const n = Number(rt.img.readU64(rt.addr('rt_main_globals') + 8n));
  const out = new Map<string, bigint>();
  for (let i = 0; i < n; i++) {
    const w = rt.img.readU64(table + BigInt(8 * i));
    if (rt.typeName(w) === 'function') out.set(rt.decode(rt.img.readU64((w & PAYLOAD_MASK) + BigInt(FUNCTION.name))) as string, w);
  }
  return out;
}

/** Helpers over an Rt: boxed static objects, calls with arguments, attributes. */
export function helpers(rt: Rt) {
  const args = rt.scratch + 0x80000n;
  return {
    /** The boxed value of a static object (type_int, bfn_len...). */
    box: (name: string): bigint => rt.addr(name) | OBJ_TAG_BITS,
    /** rt_call(fn, [...xs], n, kwnames) with the arguments in scratch memory. */
    call(fn: bigint, xs: readonly bigint[], kwnames = 0n): bigint {
      xs.forEach((x, i) => rt.img.writeU64(args + BigInt(8 * i), x));
      return rt.call('rt_call', fn, args, BigInt(xs.length), kwnames);
    },
    attr: (obj: bigint, name: string): bigint => rt.call('rt_getattr', obj, rt.str(name)),
    /** Address of `n` value words in scratch memory holding `xs` (vector-ABI argument arrays). */
    words(xs: readonly bigint[]): bigint {
      xs.forEach((x, i) => rt.img.writeU64(args + BigInt(8 * i), x));
      return args;
    },
    /** A tuple of str values (kwnames). */
    names(...ns: string[]): bigint {
      const strs = ns.map((n) => rt.str(n));
      strs.forEach((x, i) => rt.img.writeU64(args + 0x1000n + BigInt(8 * i), x));
      return rt.call('rt_build_tuple', args + 0x1000n, BigInt(ns.length));
    },
    /** The pending exception as "Type: message". */
    error(): string {
      const e = rt.raised() as { exc: string; args: unknown[] };
      return `${e.exc}: ${String(e.args[0] ?? '')}`;
    },
  };
}
