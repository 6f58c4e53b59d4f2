// Registry of the small TypeScript-implemented modules besides sys, math and time.

import { fn } from '../bi.js';
import { registerCollectionFlags } from '../classes.js';
import { initTraceback } from './traceback_module.js';
import { initEdgepycOs } from './edgepyc_os.js';
import { dictType, PyType } from '../typeobj.js';
import { builtinModules, loadModule, reloadModule, resolveName } from '../imports.js';
import { PyDict } from '../pydict.js';
import { pyErr, KeyError, ValueError, TypeError } from '../exceptions.js';
import { call, eq, isCallable, newTuple, None, typeName } from '../protocol.js';
import { PyFloat, type PyKwargs, type PyModule } from '../objects.js';
import { unicodedata } from '../../unicode/index.js';

/**
 * atexit callbacks in registration order: function, positional arguments, keywords (null when
 * none). unregister() blanks entries instead of removing them, as atexit_delete_cb does, so a
 * callback that unregisters another while they run skips it without shifting the rest.
 */
export const atexitHandlers: ({ f: any; args: any[]; kw: PyKwargs | null } | null)[] = [];

function initGc(m: PyModule): void {
  const d = m.dict!;
  d.setStr('collect', fn('collect', () => 0));
  d.setStr('enable', fn('enable', () => None));
  d.setStr('disable', fn('disable', () => None));
  d.setStr('isenabled', fn('isenabled', () => true));
  d.setStr('get_count', fn('get_count', () => newTuple([0, 0, 0])));
}

/** _abcflags: abc.py's bridge to the collection flags that match statements test. */
function initAbcFlags(m: PyModule): void {
  m.dict!.setStr('register', fn('register', (a) => {
    if (a[0] instanceof PyType && a[1] instanceof PyType) registerCollectionFlags(a[0], a[1]);
    return None;
  }));
}

/** importlib: import_module (relative names against `package`), reload, invalidate_caches. */
function initImportlib(m: PyModule): void {
  const d = m.dict!;
  d.setStr('import_module', fn('import_module', (a, kw) => {
    const name = a[0];
    const pkg = a.length > 1 ? a[1] : kw?.get('package') ?? None;
    if (typeof name !== 'string') throw pyErr(TypeError, `import_module() argument 'name' must be str, not ${typeName(name)}`);
    let level = 0;
    while (level < name.length && name[level] === '.') level++;
    if (level > 0 && (pkg === None || typeof pkg !== 'string' || pkg === '')) {
      throw pyErr(TypeError, `the 'package' argument is required to perform a relative import for '${name}'`);
    }
    const g = new PyDict(dictType);
    if (typeof pkg === 'string') g.setStr('__package__', pkg);
    return loadModule(resolveName(name.slice(level), level > 0 ? g : null, level));
  }));
  d.setStr('reload', fn('reload', (a) => reloadModule(a[0])));
  d.setStr('invalidate_caches', fn('invalidate_caches', () => None));
}

function initAtexit(m: PyModule): void {
  const d = m.dict!;
  // atexit_register (Modules/atexitmodule.c): a callable first, then any arguments.
  d.setStr('register', fn('register', (a, kw) => {
    if (a.length === 0) throw pyErr(TypeError, 'register() takes at least 1 argument (0 given)');
    if (!isCallable(a[0])) throw pyErr(TypeError, 'the first argument must be callable');
    atexitHandlers.push({ f: a[0], args: a.slice(1), kw: kw !== null && kw !== undefined && kw.size > 0 ? new Map(kw) : null });
    return a[0];
  }));
  // atexit_unregister compares with ==, not identity.
  d.setStr('unregister', fn('unregister', (a) => {
    for (let i = 0; i < atexitHandlers.length; i++) {
      const cb = atexitHandlers[i];
      if (cb !== null && eq(cb.f, a[0])) atexitHandlers[i] = null;
    }
    return None;
  }));
}

/**
 * Run atexit handlers (last registered first). An exception in one is reported through
 * `report` and the others still run; callbacks registered meanwhile never run
 * (atexitmodule.c atexit_callfuncs walks the entries that existed when it started, then
 * clears them all).
 */
export function runAtexit(report: (e: unknown, f: any) => void): void {
  for (let i = atexitHandlers.length - 1; i >= 0; i--) {
    const cb = atexitHandlers[i];
    if (cb === null) continue;
    try {
      call(cb.f, cb.args, cb.kw);
    } catch (e) {
      report(e, cb.f);
    }
  }
  atexitHandlers.length = 0;
}

function chr1(fname: string, v: any): number {
  if (typeof v !== 'string') throw pyErr(TypeError, `${fname}() argument must be a unicode character, not ${typeName(v)}`);
  const cps = Array.from(v);
  if (cps.length !== 1) throw pyErr(TypeError, `${fname}() argument must be a unicode character, not str`);
  return cps[0].codePointAt(0)!;
}

function initUnicodedata(m: PyModule): void {
  const d = m.dict!;
  const U = unicodedata;
  d.setStr('unidata_version', U.UNIDATA_VERSION);
  d.setStr('name', fn('name', (a) => {
    const n = U.name(chr1('name', a[0]));
    if (n === undefined) {
      if (a.length > 1) return a[1];
      throw pyErr(ValueError, 'no such name');
    }
    return n;
  }));
  d.setStr('lookup', fn('lookup', (a) => {
    const r = U.lookup(String(a[0]));
    if (!r.ok) throw pyErr(KeyError, r.message);
    return r.value;
  }));
  d.setStr('category', fn('category', (a) => U.category(chr1('category', a[0]))));
  d.setStr('bidirectional', fn('bidirectional', (a) => U.bidirectional(chr1('bidirectional', a[0]))));
  d.setStr('combining', fn('combining', (a) => U.combining(chr1('combining', a[0]))));
  d.setStr('mirrored', fn('mirrored', (a) => U.mirrored(chr1('mirrored', a[0]))));
  d.setStr('east_asian_width', fn('east_asian_width', (a) => U.eastAsianWidth(chr1('east_asian_width', a[0]))));
  d.setStr('decomposition', fn('decomposition', (a) => U.decomposition(chr1('decomposition', a[0]))));
  for (const [name, f] of [['decimal', U.decimal], ['digit', U.digit]] as const) {
    d.setStr(name, fn(name, (a) => {
      const v = (f as (cp: number) => number | undefined)(chr1(name, a[0]));
      if (v === undefined) {
        if (a.length > 1) return a[1];
        throw pyErr(ValueError, `not a ${name === 'decimal' ? 'decimal' : 'digit'}`);
      }
      return v;
    }));
  }
  d.setStr('numeric', fn('numeric', (a) => {
    const v = U.numeric(chr1('numeric', a[0]));
    if (v === undefined) {
      if (a.length > 1) return a[1];
      throw pyErr(ValueError, 'not a numeric character');
    }
    return new PyFloat(v);
  }));
  d.setStr('normalize', fn('normalize', (a) => U.normalize(String(a[0]) as any, String(a[1]))));
  d.setStr('is_normalized', fn('is_normalized', (a) => U.isNormalized(String(a[0]) as any, String(a[1]))));
}

export function setupLibModules(): void {
  builtinModules.set('gc', initGc);
  builtinModules.set('atexit', initAtexit);
  builtinModules.set('_abcflags', initAbcFlags);
  builtinModules.set('_edgepyc_os', initEdgepycOs);
  builtinModules.set('importlib', initImportlib);
  builtinModules.set('traceback', initTraceback);
  builtinModules.set('unicodedata', initUnicodedata);
}
