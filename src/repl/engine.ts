// The REPL's evaluator: a persistent __main__ in the interpreter, plus native copies of the
// session's definitions for :jit, :disasm and :time.
//
// Each complete input is compiled in interactive mode (expression statements print their
// repr through PRINT_EXPR and bind `_`, as CPython's REPL does) and run in the same __main__
// namespace, so definitions persist. An uncaught exception prints its traceback (stdout
// flushed first) and the session goes on; SystemExit ends the session with its status.
//
// The native side is rebuilt lazily: the top-level definitions that ran without error
// (def, class, import, assignments) are concatenated into one module, compiled by the
// native backend (the same one as `edgepyc build`) and loaded through the embedding layer
// (src/embed/session.ts). It is a copy: globals mutated later by the interpreter are not
// seen by it. Anything the native backend refuses is reported with its reason, nothing is
// run in its place. Runs in the REPL's worker thread (src/repl/worker.ts) or in tests.

import { performance } from 'node:perf_hooks';
import { compileProgram } from '../api.js';
import { compileEval, compileModule } from '../compiler/codegen.js';
import { CompileError, renderCompileError } from '../diagnostics.js';
import { listProgram } from '../disasm/native.js';
import { CompileError as ApiCompileError, PythonError } from '../embed/errors.js';
import { NativeSession } from '../embed/session.js';
import type { Stmt } from '../frontend/ast.js';
import { parseText } from '../frontend/parser.js';
import { Source } from '../frontend/source.js';
import { runCode } from '../interp/eval.js';
import { BudgetExhausted } from '../interp/eval_support.js';
import { tstate } from '../interp/frame.js';
import { collectProfile, type Profile } from '../interp/profile.js';
import { SystemExit } from '../interp/exceptions.js';
import { importState, newModule, showCompileWarnings, stdlibDir, warningSink } from '../interp/imports.js';
import { PyBaseException, PyModule } from '../interp/objects.js';
import { typeOf } from '../interp/protocol.js';
import { PyDict } from '../interp/pydict.js';
import { dictType, moduleType } from '../interp/typeobj.js';
import { makeBuiltinsDict } from '../interp/builtins/index.js';
import { repr } from '../interp/builtins/repr.js';
import { initStreams, initSys, streams } from '../interp/modules/sys.js';
import { initInterpreter, reportUncaught } from '../interp/runtime.js';
import type { NativeProgram } from '../native/program.js';
import type { CodeObject } from '../bytecode/code.js';
import { GENERIC, opNumber } from '../bytecode/ops.js';

/** Statements the native copy of the session replays. */
const DEFINITIONS: ReadonlySet<Stmt['t']> = new Set(['FunctionDef', 'ClassDef', 'Import', 'ImportFrom', 'Assign', 'AnnAssign']);

const FILENAME = '<stdin>';
/** Bytecode instructions of the profiling run before a timed one. */
const PROFILE_BUDGET = 200_000;
/** Natively: EXPR_FN evaluates the timed expression into VALUE; REPR_FN returns its repr (untimed). */
const EXPR_FN = '__edgepyc_repl_expr__';
const REPR_FN = '__edgepyc_repl_repr__';
const VALUE = '__edgepyc_repl_value__';

export type ExecResult = { readonly kind: 'ok' } | { readonly kind: 'exit'; readonly status: number };

export interface TimeResult {
  readonly interpMs: number;
  readonly jitMs: number;
  /** repr() of the interpreter's result. */
  readonly value: string;
  /** repr() of the native result (the same, unless the backends disagree). */
  readonly nativeValue: string;
}

interface Native {
  readonly program: NativeProgram;
  readonly session: NativeSession;
}

export class ReplEngine {
  private readonly main: PyModule;
  /** Source of the definitions replayed natively, in order. */
  private readonly defs: string[] = [];
  private native: { key: string; value: Native } | null = null;
  private inputs = 0;

  constructor(argv: readonly string[] = ['']) {
    initInterpreter();
    initStreams();
    warningSink.write = (s) => streams.stderr.write(s);
    const builtinsDict = makeBuiltinsDict();
    const builtinsMod = new PyModule(moduleType, 'builtins', builtinsDict);
    importState.builtins = builtinsMod;
    importState.modules = new PyDict(dictType);
    const sysMod = newModule('sys', null);
    importState.modules.setStr('builtins', builtinsMod);
    importState.modules.setStr('sys', sysMod);
    // CPython's REPL puts '' (the current directory) first on sys.path.
    initSys(sysMod, [...argv], [process.cwd(), stdlibDir()], process.argv[1] ?? 'edgepyc');
    importState.path = sysMod.dict!.getStr('path');
    this.main = newModule('__main__', null);
    importState.modules.setStr('__main__', this.main);
    // Inputs run with the profiler on (execution counts, branches, call targets), so the
    // native copies are specialized by what the session has run so far, as `edgepyc build
    // --profile` would be. Timed interpreter runs switch it off (see time()).
    tstate.profiling = true;
  }

  /** Run one complete input (several lines for a block). */
  exec(text: string): ExecResult {
    this.inputs++;
    let code;
    const source = new Source(FILENAME, `${text}\n`);
    try {
      code = compileModule(source, { interactive: true });
      showCompileWarnings(source);
    } catch (e) {
      if (e instanceof CompileError) {
        streams.stdout.flush();
        streams.stderr.write(renderCompileError(e));
        return { kind: 'ok' };
      }
      throw e;
    }
    try {
      runCode(code, this.main.dict!, null);
    } catch (e) {
      if (e instanceof PyBaseException && typeOf(e).isSubtype(SystemExit)) return { kind: 'exit', status: reportUncaught(e) };
      reportUncaught(e);
      return { kind: 'ok' };
    } finally {
      streams.stdout.flush();
    }
    this.remember(source.text);
    return { kind: 'ok' };
  }

  /** Keep the definitions of an input that ran without error for the native copy. */
  private remember(text: string): void {
    const { module } = parseText(FILENAME, text);
    const lineStart = (off: number): number => text.lastIndexOf('\n', off - 1) + 1;
    for (const s of module.body) {
      if (!DEFINITIONS.has(s.t)) continue;
      const decoStart = s.t === 'FunctionDef' || s.t === 'ClassDef' ? Math.min(s.s, ...s.decorators.map((d) => d.s)) : s.s;
      const end = text.indexOf('\n', s.e);
      this.defs.push(text.slice(lineStart(decoStart), end < 0 ? text.length : end));
    }
  }

  /** The native copy of the definitions, with `expr` as a function to time (null: none). */
  private nativeFor(expr: string | null): Native {
    const profile: Profile = collectProfile(FILENAME);
    const timed = `\ndef ${EXPR_FN}():\n    global ${VALUE}\n    ${VALUE} = (${expr})\n\ndef ${REPR_FN}():\n    return repr(${VALUE})\n`;
    const src = `${this.defs.join('\n')}\n${expr === null ? '' : timed}`;
    const key = `${src}\0${JSON.stringify(profile.codes)}`;
    if (this.native !== null && this.native.key === key) return this.native.value;
    this.disposeNative();
    streams.stdout.flush();
    const program = compileProgram(src, FILENAME, remapProfile(profile, compileModule(new Source(FILENAME, src))));
    const session = new NativeSession(program, { argv: [''] });
    try {
      session.start();
    } catch (e) {
      session.dispose();
      throw e;
    }
    const value = { program, session };
    this.native = { key, value };
    return value;
  }

  private disposeNative(): void {
    if (this.native !== null) this.native.value.session.dispose();
    this.native = null;
  }

  /** `:jit NAME`: compile the function natively and say where and how large it is. */
  jit(name: string): string {
    const n = this.nativeFor(null);
    const p = n.session.placement(name);
    if (p === null) return `no function '${name}' among the session's definitions`;
    const image = n.session.image;
    return `${p.qualname}: ${p.size} bytes of x86-64 at 0x${p.address.toString(16)} (${p.instructions} bytecode instructions; symbol ${p.symbol}); module image ${Math.round(image.size / 1024)} KiB at 0x${image.base.toString(16)}, text read+execute`;
  }

  /** `:disasm NAME`: the three-view listing of a function of the session. */
  disasm(name: string): string {
    const n = this.nativeFor(null);
    const text = listProgram(n.program, { function: name, file: FILENAME, source: (f) => (f === FILENAME ? `${this.defs.join('\n')}\n` : null) });
    return text === '' ? `no function '${name}' among the session's definitions\n` : text;
  }

  /**
   * `:time EXPR`: a short profiling run of EXPR (at most PROFILE_BUDGET bytecode
   * instructions, so its types reach the native build); then EXPR once in the interpreter
   * with the profiler off (timed), and once natively (compiled beforehand, not timed). Side
   * effects of EXPR happen in each run. The results' reprs are compared.
   */
  time(expr: string): TimeResult {
    const code = compileEval(new Source(FILENAME, expr));
    streams.stdout.flush();
    tstate.budget = PROFILE_BUDGET;
    try {
      runCode(code, this.main.dict!, null);
    } catch (e) {
      if (!(e instanceof BudgetExhausted)) throw e;
    } finally {
      tstate.budget = Infinity;
    }
    let v: unknown;
    let interpMs: number;
    tstate.profiling = false;
    try {
      const t0 = performance.now();
      v = runCode(code, this.main.dict!, null);
      interpMs = performance.now() - t0;
    } finally {
      tstate.profiling = true;
      streams.stdout.flush();
    }
    const value = repr(v);
    const n = this.nativeFor(expr);
    const t1 = performance.now();
    n.session.call(EXPR_FN, []);
    const jitMs = performance.now() - t1;
    const nativeValue = n.session.call(REPR_FN, []) as string;
    return { interpMs, jitMs, value, nativeValue };
  }

  dispose(): void {
    this.disposeNative();
  }

  get count(): number {
    return this.inputs;
  }
}

/**
 * The session's profile keyed for the native copy. Code keys hash the whole input text, so
 * the same function has another key in the concatenated copy: each code object of the copy
 * takes the profile of the latest profiled code with its qualified name and the same
 * (generic) instructions, and call-target keys are renamed the same way.
 */
export function remapProfile(profile: Profile, module: CodeObject): Profile {
  const entries = Object.entries(profile.codes).map(([k, p]) => ({ key: k.slice(k.indexOf(':') + 1), p }));
  const codes: CodeObject[] = [];
  const walk = (c: CodeObject): void => {
    codes.push(c);
    for (const k of c.consts) if (k.k === 'code') walk(k.code);
  };
  walk(module);
  const sameOps = (c: CodeObject, ops: readonly string[]): boolean =>
    ops.length === c.ops.length && ops.every((name, i) => GENERIC[opNumber(name)] === GENERIC[c.ops[i]]);
  const rename = new Map<string, string>();
  const chosen = new Map<CodeObject, (typeof entries)[number]>();
  for (const c of codes) {
    const match = entries.filter((e) => e.p.qualname === c.qualname && sameOps(c, e.p.ops)).pop();
    if (match === undefined) continue;
    chosen.set(c, match);
    rename.set(match.key, c.key);
  }
  const out: Profile['codes'] = {};
  for (const [c, e] of chosen) {
    const calls: Record<string, Record<string, number>> = {};
    for (const [site, m] of Object.entries(e.p.calls)) calls[site] = Object.fromEntries(Object.entries(m).map(([k, n]) => [rename.get(k) ?? k, n]));
    out[`${FILENAME}:${c.key}`] = { ...e.p, calls };
  }
  return { ...profile, codes: out };
}

/**
 * Report an error of a command (:time, :jit, :disasm) on stderr: a Python exception of the
 * interpreter with its traceback, one of the native copy with the runtime's traceback, a
 * refusal of the native backend with its reason. Anything else is a bug and is rethrown.
 */
export function reportCommandError(e: unknown): void {
  streams.stdout.flush();
  if (e instanceof PyBaseException) reportUncaught(e);
  else if (e instanceof ApiCompileError) streams.stderr.write(`cannot compile natively: ${e.message}\n`);
  else if (e instanceof PythonError) streams.stderr.write(e.traceback);
  else if (e instanceof CompileError) streams.stderr.write(renderCompileError(e));
  else throw e;
}
