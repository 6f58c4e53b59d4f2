// compile(), exec(), eval() and __import__() (Python/bltinmodule.c of CPython 3.11).
//
// Source text goes through the same front end and compiler as program files (src/compiler:
// compileModule for 'exec' and 'single', compileEval for 'eval') and runs with runCode in
// the namespaces given, defaulting to the caller's globals and locals (a function's locals
// come as its frame's locals mapping, see misc.frameLocals). A CompileError becomes a
// Python SyntaxError through imports.syntaxErrorFrom. Code objects are PyCodeObj values.

import type { CodeObject } from '../../bytecode/code.js';
import { compileEval, compileParsedModule } from '../../compiler/codegen.js';
import { CompileError } from '../../diagnostics.js';
import { Parser } from '../../frontend/parser.js';
import { Source } from '../../frontend/source.js';
import { fn, parseArgs } from '../bi.js';
import { intOf } from '../arith.js';
import { runCode } from '../eval.js';
import { pyErr, SyntaxError, TypeError, ValueError } from '../exceptions.js';
import { builtinsRef, tstate } from '../frame.js';
import { importModuleLevel, syntaxErrorFrom } from '../imports.js';
import { PyBoxed, PyByteArray, PyBytes, PyCodeObj, type PyKwargs } from '../objects.js';
import { None, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { codeType, dictType } from '../typeobj.js';
import { frameLocals } from './misc.js';

type Mode = 'exec' | 'eval' | 'single';

/** The text of a source argument (str, or bytes decoded as UTF-8), or null. */
function sourceText(v: any): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    const b = v instanceof PyBytes ? v.v : v.bytes();
    return new TextDecoder('utf-8').decode(b);
  }
  return null;
}

/** Compile source text; SyntaxError (as a Python exception) when it is invalid. */
export function compileSource(text: string, filename: string, mode: Mode): CodeObject {
  if (text.includes('\0')) throw pyErr(SyntaxError, 'source code string cannot contain null bytes');
  const source = new Source(filename, text);
  try {
    if (mode === 'eval') return compileEval(source);
    const mod = new Parser(source).parseFile();
    if (mode === 'single') {
      if (mod.body.length > 1) throw multipleStatements(source, mod.body[0]);
      return compileParsedModule(source, mod, { interactive: true });
    }
    return compileParsedModule(source, mod);
  } catch (e) {
    // compile() of a string: columns in code points (CPython decodes the string first).
    if (e instanceof CompileError) throw syntaxErrorFrom(e, false);
    throw e;
  }
}

function multipleStatements(source: Source, first: { e: number }): CompileError {
  const offset = first.e;
  // Not a parser diagnostic: the 'single' mode check of CPython's compile().
  return new CompileError(source, { id: 'invalidSyntax', cls: 'SyntaxError', message: 'multiple statements found while compiling a single statement', offset });
}

function filenameArg(v: any): string {
  const s = sourceText(v);
  if (s !== null) return s;
  throw pyErr(TypeError, `compile() argument 'filename' must be str, bytes or os.PathLike, not ${typeName(v)}`);
}

function currentBuiltins(): PyDict {
  return tstate.frame !== null ? tstate.frame.builtins : builtinsRef.d;
}

/** The caller's globals and locals (PyEval_GetGlobals / PyEval_GetLocals). */
function callerNamespaces(): [PyDict, any] {
  const f = tstate.frame;
  if (f === null) return [new PyDict(dictType), null];
  return [f.globals, frameLocals(f)];
}

function isMapping(v: any): boolean {
  return v instanceof PyDict || typeOf(v).lookup('__getitem__') !== undefined;
}

function run(code: CodeObject, globals: PyDict, locals: any): any {
  if (!globals.has('__builtins__')) globals.setStr('__builtins__', currentBuiltins());
  return runCode(code, globals, locals === globals ? null : locals);
}

function compileImpl(a: any[], kw: PyKwargs | null): any {
  const [source, filename, mode, flags, , optimize] = parseArgs('compile', a, kw, ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize'], 3, 0, ['_feature_version']);
  const fname = filenameArg(filename);
  if (typeof mode !== 'string') throw pyErr(TypeError, `compile() argument 'mode' must be str, not ${typeName(mode)}`);
  if (flags !== undefined && intOf(flags) === null) throw pyErr(TypeError, `'${typeName(flags)}' object cannot be interpreted as an integer`);
  if (optimize !== undefined && intOf(optimize) === null) throw pyErr(TypeError, `'${typeName(optimize)}' object cannot be interpreted as an integer`);
  if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') throw pyErr(ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  const text = sourceText(source);
  if (text === null) throw pyErr(TypeError, 'compile() arg 1 must be a string, bytes or AST object');
  return new PyCodeObj(codeType, compileSource(text, fname, mode));
}

function evalImpl(a: any[], kw: PyKwargs | null): any {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'eval() takes no keyword arguments');
  if (a.length < 1 || a.length > 3) {
    throw pyErr(TypeError, a.length < 1 ? `eval expected at least 1 argument, got ${a.length}` : `eval expected at most 3 arguments, got ${a.length}`);
  }
  const [source] = a;
  let globals = a.length > 1 ? a[1] : None;
  let locals = a.length > 2 ? a[2] : None;
  if (locals !== None && !isMapping(locals)) throw pyErr(TypeError, 'locals must be a mapping');
  if (globals !== None && !(globals instanceof PyDict)) {
    throw pyErr(TypeError, isMapping(globals) ? 'globals must be a real dict; try eval(expr, {}, mapping)' : 'globals must be a dict');
  }
  if (globals === None) {
    const [g, l] = callerNamespaces();
    globals = g;
    if (locals === None) locals = l ?? g;
  } else if (locals === None) locals = globals;
  if (source instanceof PyCodeObj) {
    if (source.code.freevars.length > 0) throw pyErr(TypeError, 'code object passed to eval() may not contain free variables');
    return run(source.code, globals, locals);
  }
  let text = sourceText(source);
  if (text === null) throw pyErr(TypeError, 'eval() arg 1 must be a string, bytes or code object');
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  text = text.slice(i);
  return run(compileSource(text, '<string>', 'eval'), globals, locals);
}

function execImpl(a: any[], kw: PyKwargs | null): any {
  let closure: any = None;
  if (kw !== null) {
    for (const [k, v] of kw) {
      if (k === 'closure') closure = v;
      else throw pyErr(TypeError, `'${k}' is an invalid keyword argument for exec()`);
    }
  }
  if (a.length < 1 || a.length > 3) {
    throw pyErr(TypeError, a.length < 1 ? `exec expected at least 1 argument, got ${a.length}` : `exec expected at most 3 arguments, got ${a.length}`);
  }
  const [source] = a;
  let globals = a.length > 1 ? a[1] : None;
  let locals = a.length > 2 ? a[2] : None;
  if (globals === None) {
    const [g, l] = callerNamespaces();
    globals = g;
    if (locals === None) locals = l ?? g;
  } else if (locals === None) locals = globals;
  if (!(globals instanceof PyDict)) throw pyErr(TypeError, `exec() globals must be a dict, not ${typeName(globals)}`);
  if (!isMapping(locals)) throw pyErr(TypeError, `locals must be a mapping or None, not ${typeName(locals)}`);
  if (source instanceof PyCodeObj) {
    const nfree = source.code.freevars.length;
    if (nfree === 0) {
      if (closure !== None) throw pyErr(TypeError, 'cannot use a closure with this code object');
    } else throw pyErr(TypeError, 'code object passed to exec() may not contain free variables');
    run(source.code, globals, locals);
    return None;
  }
  const text = sourceText(source);
  if (text === null) throw pyErr(TypeError, 'exec() arg 1 must be a string, bytes or code object');
  run(compileSource(text, '<string>', 'exec'), globals, locals);
  return None;
}

function importImpl(a: any[], kw: PyKwargs | null): any {
  const [name, globals, , fromlist, level] = parseArgs('__import__', a, kw, ['name', 'globals', 'locals', 'fromlist', 'level'], 1);
  let n = name;
  if (n instanceof PyBoxed && typeof n.value === 'string') n = n.value;
  if (typeof n !== 'string') throw pyErr(TypeError, 'module name must be a string');
  let lv = 0;
  if (level !== undefined) {
    const l = intOf(level);
    if (l === null) throw pyErr(TypeError, `'${typeName(level)}' object cannot be interpreted as an integer`);
    lv = Number(l);
  }
  return importModuleLevel(n, globals instanceof PyDict ? globals : null, fromlist === undefined ? None : fromlist, lv);
}

export function execBuiltins(): [string, any][] {
  return [
    ['compile', fn('compile', compileImpl)],
    ['eval', fn('eval', evalImpl)],
    ['exec', fn('exec', execImpl)],
    ['__import__', fn('__import__', importImpl)],
  ];
}
