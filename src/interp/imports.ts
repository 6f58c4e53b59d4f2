// The import system.
//
// Modules come from three places: builtin modules implemented in TypeScript (sys, math,
// time, ...), the pure-Python standard library shipped in runtime/lib/, and the
// program's own sibling modules and packages. sys.path lists the directories searched
// (the main script's directory first, then runtime/lib). A module is put in sys.modules
// before its body runs (so import cycles see the partial module) and removed again if the
// body raises, as in CPython. Relative imports resolve against __package__/__name__.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeObject } from '../bytecode/code.js';
import { CompileError, syntaxErrorInfo } from '../diagnostics.js';
import { compileModule } from '../compiler/codegen.js';
import { decodeSource, Source, SourceDecodeError } from '../frontend/source.js';
import { runCode } from './eval.js';
import { importHooks } from './eval_support.js';
import { ImportError, ModuleNotFoundError, newExc, pyErr, setExcAttr, SyntaxError, TypeError, ValueError } from './exceptions.js';
import type { Frame } from './frame.js';
import { PyBaseException, PyModule } from './objects.js';
import { getAttrOpt, moduleInitializing, newList, None, toArray, typeName } from './protocol.js';
import { PyDict } from './pydict.js';
import { dictType, moduleType } from './typeobj.js';
import { PyList } from './objects.js';

export type ModuleInit = (m: PyModule) => void;

/** TypeScript-implemented modules: name -> initialiser filling the module dict. */
export const builtinModules = new Map<string, ModuleInit>();

export const importState = {
  modules: null as unknown as PyDict,
  path: null as unknown as PyList,
  builtins: null as unknown as PyModule,
  /** Compiled code of source files, by absolute path (shared across runs in-process). */
  codeCache: new Map<string, { mtime: number; code: CodeObject }>(),
};

/** Directory of the shipped pure-Python standard library. */
export function stdlibDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'runtime', 'lib'))) return join(d, 'runtime', 'lib');
    d = dirname(d);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'runtime', 'lib');
}

export function newModule(name: string, file: string | null): PyModule {
  const d = new PyDict(dictType);
  d.setStr('__name__', name);
  d.setStr('__doc__', None);
  d.setStr('__package__', None);
  d.setStr('__loader__', None);
  d.setStr('__spec__', None);
  if (file !== null) d.setStr('__file__', file);
  d.setStr('__builtins__', importState.builtins);
  const m = new PyModule(moduleType, name, d);
  m.builtin = file === null;
  return m;
}

function moduleNotFound(name: string): PyBaseException {
  const e = pyErr(ModuleNotFoundError, `No module named '${name}'`);
  setExcAttr(e, 'name', name);
  return e;
}

/**
 * Print the compiler's warnings as warnings.showwarning does by default:
 * `file:line: Category: message` and the stripped source line.
 */
export function showCompileWarnings(src: Source): void {
  for (const w of src.warnings) {
    const text = w.line >= 1 && w.line <= src.lineCount ? src.lineText(w.line).trim() : '';
    warningSink.write(`${src.filename}:${w.line}: ${w.category}: ${w.message}\n${text !== '' ? `  ${text}\n` : ''}`);
  }
}

/** Where warnings go (sys.stderr's stream; set up by the runtime). */
export const warningSink = { write: (s: string): void => void process.stderr.write(s) };

/** Compile a source file (cached by path and mtime). Throws CompileError. */
export function compileFile(path: string): CodeObject {
  const mtime = statSync(path).mtimeMs;
  const hit = importState.codeCache.get(path);
  if (hit !== undefined && hit.mtime === mtime) return hit.code;
  let text: string;
  try {
    text = decodeSource(readFileSync(path), path);
  } catch (e) {
    if (e instanceof SourceDecodeError) throw pyErr(SyntaxError, e.message);
    throw e;
  }
  const source = new Source(path, text);
  const code = compileModule(source);
  showCompileWarnings(source);
  importState.codeCache.set(path, { mtime, code });
  return code;
}

function findSpec(name: string, searchPath: string[]): { file: string; pkgDir: string | null } | null {
  const last = name.split('.').pop()!;
  for (const dir of searchPath) {
    const pkg = join(dir, last);
    const init = join(pkg, '__init__.py');
    if (existsSync(init)) return { file: init, pkgDir: pkg };
    const mod = join(dir, `${last}.py`);
    if (existsSync(mod)) return { file: mod, pkgDir: null };
  }
  // Namespace packages: a directory without __init__.py.
  for (const dir of searchPath) {
    const pkg = join(dir, last);
    try {
      if (statSync(pkg).isDirectory()) return { file: '', pkgDir: pkg };
    } catch {
      /* not there */
    }
  }
  return null;
}

/** Load (or fetch from sys.modules) the module with absolute dotted name `name`. */
export function loadModule(name: string): PyModule {
  const mods = importState.modules;
  const existing = mods.getStr(name);
  if (existing !== undefined) {
    if (existing === None) throw moduleNotFound(name);
    return existing;
  }
  const dot = name.lastIndexOf('.');
  let searchPath: string[];
  let parent: PyModule | null = null;
  if (dot >= 0) {
    parent = loadModule(name.slice(0, dot));
    const already = mods.getStr(name);
    if (already !== undefined) return already;
    const pp = getAttrOpt(parent, '__path__');
    if (pp === undefined) {
      const e = pyErr(ModuleNotFoundError, `No module named '${name}'; '${name.slice(0, dot)}' is not a package`);
      setExcAttr(e, 'name', name);
      throw e;
    }
    searchPath = toArray(pp).filter((p) => typeof p === 'string');
  } else {
    const init = builtinModules.get(name);
    if (init !== undefined) {
      const m = newModule(name, null);
      m.dict!.delete('__builtins__'); // modules written in TypeScript have no Python globals
      mods.setStr(name, m);
      try {
        init(m);
      } catch (e) {
        mods.delete(name);
        throw e;
      }
      return m;
    }
    searchPath = toArray(importState.path).filter((p) => typeof p === 'string');
  }
  const spec = findSpec(name, searchPath);
  if (spec === null) throw moduleNotFound(name);
  const m = newModule(name, spec.file === '' ? null : spec.file);
  const d = m.dict!;
  if (spec.pkgDir !== null) {
    d.setStr('__path__', newList([spec.pkgDir]));
    d.setStr('__package__', name);
  } else d.setStr('__package__', dot >= 0 ? name.slice(0, dot) : '');
  mods.setStr(name, m);
  if (spec.file !== '') {
    try {
      const code = compileFileForImport(spec.file);
      moduleInitializing.add(m);
      try {
        runCode(code, d, null);
      } finally {
        moduleInitializing.delete(m);
      }
    } catch (e) {
      mods.delete(name);
      throw e;
    }
  }
  if (parent !== null) parent.dict!.setStr(name.slice(dot + 1), mods.getStr(name) ?? m);
  return mods.getStr(name) ?? m;
}

function compileFileForImport(file: string): CodeObject {
  try {
    return compileFile(file);
  } catch (e) {
    if (e instanceof CompileError) throw syntaxErrorFrom(e);
    throw e;
  }
}

/** Turn a compile-time error into a Python SyntaxError instance. */
export function syntaxErrorFrom(err: CompileError, fromFile = true): PyBaseException {
  const info = syntaxErrorInfo(err, err.source.filename, fromFile);
  const cls = info.cls === 'IndentationError' ? indentationErrorRef.t : info.cls === 'TabError' ? tabErrorRef.t : SyntaxError;
  const { filename, lineno, offset, text, endLineno, endOffset } = info;
  const e = newExc(cls, [info.msg, newTupleHook.f([filename, lineno, offset, text, endLineno, endOffset])]);
  setExcAttr(e, 'msg', info.msg);
  setExcAttr(e, 'filename', filename);
  setExcAttr(e, 'lineno', lineno);
  setExcAttr(e, 'offset', offset);
  setExcAttr(e, 'text', text);
  setExcAttr(e, 'end_lineno', endLineno);
  setExcAttr(e, 'end_offset', endOffset);
  return e;
}

export const indentationErrorRef = { t: SyntaxError };
export const tabErrorRef = { t: SyntaxError };
export const newTupleHook = { f: null as unknown as (items: any[]) => any };

/** Resolve a relative import to an absolute module name. */
export function resolveName(name: string, globals: PyDict | null, level: number): string {
  if (level === 0) return name;
  if (globals === null) throw pyErr(ImportError, 'attempted relative import with no known parent package');
  let pkg = globals.getStr('__package__');
  if (pkg === undefined || pkg === None) {
    const modname = globals.getStr('__name__');
    if (typeof modname !== 'string') throw pyErr(ImportError, 'attempted relative import with no known parent package');
    pkg = globals.has('__path__') ? modname : modname.includes('.') ? modname.slice(0, modname.lastIndexOf('.')) : '';
  }
  if (typeof pkg !== 'string') throw pyErr(TypeError, 'package must be a string');
  if (pkg === '') throw pyErr(ImportError, 'attempted relative import with no known parent package');
  const parts = pkg.split('.');
  if (level - 1 >= parts.length) throw pyErr(ImportError, 'attempted relative import beyond top-level package');
  const base = parts.slice(0, parts.length - (level - 1)).join('.');
  return name === '' ? base : `${base}.${name}`;
}

/** __import__(name, globals, locals, fromlist, level) */
export function importModuleLevel(name: string, globals: PyDict | null, fromlist: any, level: number): PyModule {
  if (level < 0) throw pyErr(ValueError, 'level must be >= 0');
  if (name === '' && level === 0) throw pyErr(ValueError, 'Empty module name');
  const absName = resolveName(name, globals, level);
  const mod = loadModule(absName);
  const fl = fromlist === None || fromlist === undefined ? [] : toArray(fromlist);
  if (fl.length === 0) {
    if (level === 0 && name.includes('.')) return loadModule(name.split('.')[0]);
    if (level > 0 && name !== '') {
      // `from . import x` never reaches here; `import .a.b` is a syntax error.
      const top = name.split('.')[0];
      return loadModule(absName.slice(0, absName.length - name.length) + top);
    }
    return mod;
  }
  // from pkg import submodule: import submodules named in the fromlist.
  if (getAttrOpt(mod, '__path__') !== undefined) {
    for (const item of fl) {
      if (typeof item !== 'string') throw pyErr(TypeError, `Item in ${absName}.__all__ must be str, not ${typeName(item)}`);
      if (item === '*') {
        const all = getAttrOpt(mod, '__all__');
        if (all !== undefined) for (const a of toArray(all)) if (typeof a === 'string' && getAttrOpt(mod, a) === undefined) tryImportSub(`${absName}.${a}`);
        continue;
      }
      if (getAttrOpt(mod, item) === undefined) tryImportSub(`${absName}.${item}`);
    }
  }
  return mod;
}

function tryImportSub(full: string): void {
  try {
    loadModule(full);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls === ModuleNotFoundError) {
      const n = e.dict?.getStr('name');
      if (n === full) return;
    }
    throw e;
  }
}

/** importlib.reload(module): run the module's file again in its existing namespace. */
export function reloadModule(mod: any): any {
  if (!(mod instanceof PyModule)) throw pyErr(TypeError, 'reload() argument must be a module');
  const name = mod.dict!.getStr('__name__');
  if (typeof name !== 'string' || importState.modules.getStr(name) !== mod) {
    const e = pyErr(ImportError, `module ${typeof name === 'string' ? name : '?'} not in sys.modules`);
    setExcAttr(e, 'name', name);
    throw e;
  }
  const file = mod.dict!.getStr('__file__');
  if (typeof file !== 'string') return mod;
  importState.codeCache.delete(file);
  runCode(compileFileForImport(file), mod.dict!, null);
  return importState.modules.getStr(name) ?? mod;
}

export function importFrom(mod: any, name: string): any {
  const v = getAttrOpt(mod, name);
  if (v !== undefined) return v;
  const modName = getAttrOpt(mod, '__name__');
  if (typeof modName === 'string') {
    const sub = importState.modules.getStr(`${modName}.${name}`);
    if (sub !== undefined) return sub;
  }
  const file = getAttrOpt(mod, '__file__');
  const mn = typeof modName === 'string' ? modName : '<unknown module name>';
  let msg: string;
  if (typeof file !== 'string') msg = `cannot import name '${name}' from '${mn}' (unknown location)`;
  else if (mod instanceof PyModule && moduleInitializing.has(mod)) {
    msg = `cannot import name '${name}' from partially initialized module '${mn}' (most likely due to a circular import) (${file})`;
  } else msg = `cannot import name '${name}' from '${mn}' (${file})`;
  const e = pyErr(ImportError, msg);
  setExcAttr(e, 'name', mn);
  setExcAttr(e, 'name_from', name);
  if (typeof file === 'string') setExcAttr(e, 'path', file);
  return (() => {
    throw e;
  })();
}

export function installImportHooks(): void {
  importHooks.importName = (f: Frame, name: string, fromlist: any, level: number) => importModuleLevel(name, f.globals, fromlist, level);
  importHooks.importFrom = importFrom;
}

export { PyList };
