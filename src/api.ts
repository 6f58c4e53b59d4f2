// The embedding API: compile Python to machine code in this process and call it from
// JavaScript (package.json "main"; `import { compile } from 'edgepyc'`).
//
//   const mod = await compile('def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\n');
//   mod.call('fib', 30);   // 832040
//   mod.dispose();
//
// compile() runs the same front end and native backend as `edgepyc build`, maps the result
// through the in-process JIT (src/native/jit.ts: W^X, never writable and executable at once),
// starts the runtime and runs the module's top-level code once. call() then runs a top-level
// function natively; arguments and results are converted as src/embed/values.ts describes,
// and a Python exception comes back as a PythonError carrying the Python type, message and
// traceback text. dispose() unmaps the code and everything the runtime allocated.
//
// Program output (print) goes to this process's file descriptors 1 and 2 directly and is
// flushed after every call. Calls are synchronous and run on the calling thread.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileModule } from './compiler/codegen.js';
import { CompileError as FrontCompileError, renderCompileError } from './diagnostics.js';
import { CompileError, PythonError } from './embed/errors.js';
import { type FunctionPlacement, NativeSession } from './embed/session.js';
import { PyFloat } from './embed/values.js';
import { Source } from './frontend/source.js';
import { setUnicodeNameLookup } from './frontend/strlit.js';
import { type Profile, readProfile } from './interp/profile.js';
import { buildProgram, type NativeProgram } from './native/program.js';
import { lookupName } from './unicode/index.js';

export { CompileError, PythonError, PyFloat };
export type { FunctionPlacement };

/** A value that crosses between JavaScript and Python. */
export type PyValue = null | boolean | number | bigint | string | PyFloat | PyValue[] | Map<PyValue, PyValue> | { [key: string]: PyValue };

/** What a call can return (ints beyond 2^53 come back as bigint; tuples as arrays). */
export type PyResult = null | boolean | number | bigint | string | PyResult[] | Map<PyResult, PyResult> | { [key: string]: PyResult };

export interface CompileOptions {
  /**
   * The file name the module has in tracebacks and `__file__` (default: the file's path for
   * `{ file }`, else `<string>`). Modules the source imports are looked up beside it.
   */
  readonly filename?: string;
  /** sys.argv (default: [filename]). */
  readonly argv?: readonly string[];
  /** The environment the program sees (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** A type profile (a path written by `edgepyc profile`, or a loaded one) to specialize by. */
  readonly profile?: string | Profile;
}

/** A compiled, loaded module. */
export interface NativeModule {
  /** The module's file name (as in its tracebacks). */
  readonly filename: string;
  /** Call a top-level function (or any callable global) natively. */
  call(name: string, ...args: PyValue[]): PyResult;
  /** Whether the module has a bound global of that name. */
  has(name: string): boolean;
  /** Names of the module's bound globals. */
  globals(): string[];
  /** Where the machine code of a function of the module lies and how large it is. */
  placement(qualname: string): FunctionPlacement | null;
  /** Bytes of executable memory the module occupies (runtime and program). */
  readonly codeSize: number;
  /** Unmap the module's memory; later calls throw. Idempotent. */
  dispose(): void;
  readonly disposed: boolean;
}

/** Wrap a number so that it reaches Python as a float even when it is integral (`float(2)`). */
export function float(x: number): PyFloat {
  return new PyFloat(x);
}

/** Compile a Python source to native code (throws CompileError). */
export function compileProgram(text: string, filename: string, profile: Profile | null = null): NativeProgram {
  setUnicodeNameLookup(lookupName);
  const source = new Source(filename, text);
  try {
    return buildProgram(compileModule(source), { profile, keepAll: true });
  } catch (e) {
    if (e instanceof FrontCompileError) {
      const report = renderCompileError(e);
      const last = report.trimEnd().split('\n').pop() ?? e.message;
      throw new CompileError(last.replace(/^edgepyc: /, ''), report);
    }
    throw e;
  }
}

/** Load a compiled program into this process and run its top-level code. */
export function loadProgram(program: NativeProgram, filename: string, options: CompileOptions = {}): NativeModule {
  const session = new NativeSession(program, { argv: options.argv ?? [filename], env: options.env });
  try {
    session.start();
  } catch (e) {
    session.dispose();
    throw e;
  }
  return {
    filename,
    call: (name, ...args) => session.call(name, args) as PyResult,
    has: (name) => session.globalWord(name) !== null,
    globals: () => session.globalNames(),
    placement: (q) => session.placement(q),
    codeSize: session.image.link.sections.text.size,
    dispose: () => session.dispose(),
    get disposed() {
      return session.disposed;
    },
  };
}

/**
 * Compile Python source text, or a file (`{ file: 'app.py' }`), to machine code, load it into
 * this process and run its top-level code. Rejects with CompileError when the source does not
 * compile (or uses something the native backend refuses) and with PythonError when the
 * top-level code raises.
 */
export async function compile(source: string | { readonly file: string }, options: CompileOptions = {}): Promise<NativeModule> {
  let text: string;
  let filename: string;
  if (typeof source === 'string') {
    text = source;
    filename = options.filename ?? '<string>';
  } else {
    text = readFileSync(source.file, 'utf8');
    filename = options.filename ?? resolve(source.file);
  }
  const profile = typeof options.profile === 'string' ? readProfile(options.profile) : options.profile ?? null;
  return loadProgram(compileProgram(text, filename, profile), filename, options);
}
