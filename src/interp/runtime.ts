// Running a program in the interpreter: `edgepyc run app.py args...`.
//
// Sets up builtins, sys (argv, path, streams) and the import system, compiles the main
// file (a SyntaxError is reported in CPython's format), runs it as __main__, and turns
// the outcome into an exit status the way CPython's Py_RunMain does: SystemExit(None|int)
// exits with that code, SystemExit(other) prints it to stderr and exits 1, any other
// uncaught exception prints a traceback and exits 1. Buffered stdout is flushed before
// the traceback is written and at exit.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CompileError, renderCompileError } from '../diagnostics.js';
import { compileModule } from '../compiler/codegen.js';
import { decodeSource, Source, SourceDecodeError } from '../frontend/source.js';
import { runCode } from './eval.js';
import { SystemExit, IndentationError, TabError } from './exceptions.js';
import { builtinsOf, tstate } from './frame.js';
import { builtinModules, importState, showCompileWarnings, warningSink, installImportHooks, newModule, stdlibDir, indentationErrorRef, tabErrorRef, newTupleHook } from './imports.js';
import { PyBaseException, PyBoxed, PyModule } from './objects.js';
import { call, callDescr, Ellipsis, eq, newTuple, None, typeOf } from './protocol.js';
import { PyDict } from './pydict.js';
import { dictType, moduleType } from './typeobj.js';
import { installBuiltinTypes, makeBuiltinsDict } from './builtins/index.js';
import { isInstance, isSubclass } from './builtins/functions.js';
import { ellipsisRef, getItemHook, installGenericAlias, isInstanceRef, isSubclassRef, unionOr } from './genericalias.js';
import { unionHook } from './classes.js';
import { getItem } from './containers.js';
import { callHook } from './iterators.js';
import { callHook as genCallHook, unraisableHook } from './generators.js';
import { repr, str } from './builtins/repr.js';
import { formatException, formatExceptionAlone, suggestionHooks } from './traceback.js';
import { initStreams, initSys, streams, reprRef as sysReprRef, toArrayRef, stopIterationRef } from './modules/sys.js';
import { initTime } from './modules/time.js';
import { initMath, noneRef as mathNoneRef } from './modules/math.js';
import { toArray } from './protocol.js';
import * as E from './exceptions.js';
import { runAtexit, setupLibModules } from './modules/index.js';
import { BudgetExhausted } from './eval_support.js';
import { lookupName } from '../unicode/index.js';
import { setUnicodeNameLookup } from '../frontend/strlit.js';
import { formatStats } from './specialize.js';
import { mainPath } from '../paths.js';

export interface RunOptions {
  /** sys.argv[1:] */
  args: string[];
  /** Record a profile (execution counts, branches, call targets). */
  profile?: boolean;
  /** Instruction budget for profile runs. */
  budget?: number;
  /** Print specialization statistics to stderr at exit. */
  stats?: boolean;
}

export interface RunResult {
  exitCode: number;
  /** The main module's code object (for profile extraction). */
  mainCode: import('../bytecode/code.js').CodeObject | null;
}

let initialized = false;

/** One-time process setup shared by every run. */
export function initInterpreter(): void {
  if (initialized) return;
  initialized = true;
  setUnicodeNameLookup(lookupName);
  installImportHooks();
  indentationErrorRef.t = IndentationError;
  tabErrorRef.t = TabError;
  newTupleHook.f = newTuple;
  sysReprRef.f = repr;
  toArrayRef.f = toArray;
  stopIterationRef.t = E.StopIteration;
  mathNoneRef.v = None;
  builtinModules.set('time', initTime);
  builtinModules.set('math', initMath);
  setupLibModules();
  installBuiltinTypes();
  installGenericAlias();
  unionHook.make = unionOr;
  ellipsisRef.v = Ellipsis;
  getItemHook.f = getItem;
  isInstanceRef.f = isInstance;
  isSubclassRef.f = isSubclass;
  callHook.call = call;
  suggestionHooks.builtinsOf = builtinsOf;
  genCallHook.call = call;
  unraisableHook.f = reportUnraisable;
  suggestionHooks.dir = (obj) => {
    const names = toArray(callDescr(typeOf(obj).lookup('__dir__'), obj, [])).filter((n) => typeof n === 'string');
    return names.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  };
  callHook.eq = eq;
}

export { mainPath };

function writeErr(s: string): void {
  streams.stderr.write(s);
}

/** Print an uncaught exception (after flushing stdout) and return the exit status. */
export function reportUncaught(e: any): number {
  if (e instanceof PyBaseException && typeOf(e).isSubtype(SystemExit)) {
    let code = e.dict?.getStr('code');
    if (code instanceof PyBoxed && typeof code.value !== 'string') code = code.value; // int subclasses (IntEnum)
    if (code === undefined || code === None) return 0;
    if (typeof code === 'number') return code & 0xff;
    if (typeof code === 'boolean') return code ? 1 : 0;
    // PyLong_AsLong: beyond a C long the conversion fails and the status is -1.
    if (typeof code === 'bigint') return code > 2n ** 63n - 1n || code < -(2n ** 63n) ? 255 : Number(BigInt.asUintN(8, code));
    streams.stdout.flush();
    writeErr(`${str(code)}\n`);
    return 1;
  }
  streams.stdout.flush();
  if (e instanceof PyBaseException) {
    writeErr(formatException(e, { str, repr }));
    if (typeOf(e).isSubtype(E.KeyboardInterrupt)) return 130;
    return 1;
  }
  throw e;
}

/**
 * PyErr_WriteUnraisable: an exception nobody can catch (raised while finalizing `obj`) is
 * reported on stderr and execution goes on.
 */
export function reportUnraisable(e: any, obj: any): void {
  if (!(e instanceof PyBaseException)) throw e;
  let where: string;
  try {
    where = repr(obj);
  } catch {
    where = '<object repr() failed>';
  }
  streams.stdout.flush();
  writeErr(`Exception ignored in: ${where}\n${formatExceptionAlone(e, { str, repr })}`);
}

/** Run a Python file as __main__; returns the process exit status. */
export function runFile(file: string, options: RunOptions): RunResult {
  initInterpreter();
  initStreams();
  warningSink.write = (s) => streams.stderr.write(s);
  tstate.profiling = options.profile === true || options.stats === true;
  tstate.budget = options.budget ?? Infinity;
  tstate.opStats = options.stats === true;
  const path = mainPath(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err: any) {
    // The CLI checked the file (cli.ts checkInput); this is a file gone since: the same line.
    writeErr(`edgepyc: error: can't open file '${file}': [Errno 2] No such file or directory\n`);
    return { exitCode: 2, mainCode: null };
  }
  let text: string;
  try {
    text = decodeSource(bytes, path);
  } catch (err) {
    if (!(err instanceof SourceDecodeError)) throw err;
    writeErr(`SyntaxError: ${err.message}\n`);
    return { exitCode: 1, mainCode: null };
  }
  const builtinsDict = makeBuiltinsDict();
  const builtinsMod = new PyModule(moduleType, 'builtins', builtinsDict);
  builtinsMod.builtin = true;
  importState.builtins = builtinsMod;
  importState.modules = new PyDict(dictType);
  const sysMod = newModule('sys', null);
  const libDir = stdlibDir();
  importState.modules.setStr('builtins', builtinsMod);
  importState.modules.setStr('sys', sysMod);
  initSys(sysMod, [file, ...options.args], [dirname(resolve(file)), libDir], process.argv[1] ?? 'edgepyc');
  importState.path = sysMod.dict!.getStr('path');
  const main = newModule('__main__', path);
  importState.modules.setStr('__main__', main);
  let code;
  try {
    const source = new Source(path, text);
    code = compileModule(source);
    showCompileWarnings(source);
  } catch (err) {
    if (err instanceof CompileError) {
      streams.stdout.flush();
      writeErr(renderCompileError(err));
      return { exitCode: 1, mainCode: null };
    }
    throw err;
  }
  let exitCode = 0;
  try {
    runCode(code, main.dict!, null);
  } catch (e) {
    if (e instanceof BudgetExhausted) throw e;
    exitCode = reportUncaught(e);
  }
  // Py_FinalizeEx: the atexit callbacks run after the main module (and its traceback),
  // before the streams are flushed; one that raises is reported and the rest still run.
  runAtexit((e, f) => {
    if (!(e instanceof PyBaseException)) throw e;
    if (typeOf(e).isSubtype(SystemExit)) return;
    let where: string;
    try {
      where = repr(f);
    } catch {
      where = '<object repr() failed>';
    }
    streams.stdout.flush();
    writeErr(`Exception ignored in atexit callback: ${where}\n${formatException(e, { str, repr })}`);
  });
  streams.stdout.flush();
  if (options.stats) writeErr(formatStats());
  return { exitCode, mainCode: code };
}
