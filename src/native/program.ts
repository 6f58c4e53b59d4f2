// A whole program for the native backend: code objects in, linkable chunks out.
//
// The program is compiled by the same front end and compiler as the interpreter. Then:
//   - every instruction must have a template and every runtime routine its stencils call
//     must exist, else the build stops with "native backend does not support X yet" at
//     the construct's file:line:col;
//   - module globals become fixed slots (one data word per name the module assigns), so
//     LOAD_GLOBAL is a load; names the module never assigns resolve to builtins at compile
//     time; module-level LOAD_NAME/STORE_NAME are global accesses;
//   - constants become static objects (strs, tuples, big ints) or immediates;
//   - each code object becomes a static `code` object (names, line table, precomputed
//     traceback snippets) and a stitched function;
//   - with a profile, instructions compile as their profiled specializations.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BUILTIN_MODULES, CPYTHON_MODULE_NAMES, nativeModuleNames } from '../../runtime/core/modules.js';
import { typeDictData } from '../../runtime/core/methods.js';
import { suggestionCandidate } from '../../runtime/core/suggest.js';
import { FUNCTION_DOCS, METHOD_DOCS, TYPE_DOCS } from '../../runtime/core/builtindocs.data.js';
import { Assembler, type AsmOutput } from '../asm/index.js';
import type { CodeObject, Const } from '../bytecode/code.js';
import { CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, isGeneratorLike } from '../bytecode/code.js';
import { GENERIC, INTRINSICS, Op, OPS } from '../bytecode/ops.js';
import { CompileError, compileError } from '../diagnostics.js';
import { compileModule } from '../compiler/codegen.js';
import { Source } from '../frontend/source.js';
import { staticDictData } from './staticdict.js';
import { codeEntryLines } from '../interp/traceback.js';
import { stdlibDir } from '../interp/imports.js';
import type { Profile } from '../interp/profile.js';
import { runtimeImage } from './runtime-image.js';
import { TEMPLATES } from '../../templates/index.js';
import type { EvalScope } from '../../templates/evalcall.js';
import { type Chunk, chunkFromAsm, pruneChunks } from './image.js';
import { boxFloat, boxInt, INT48_MAX, INT48_MIN, strHash, UNBOUND } from './layout.js';
import { assembleRuntime, type RuntimeModule } from './rt.js';
import { emitBigInt, emitHeader, emitStr, emitTuple, emitWord, type StaticWord } from './statics.js';
import { type StitchedFunction, stitchFunction, type StitchEnv, type Word64 } from './stitch.js';
import { stencilFor } from './stencil.js';
import { stackDepths } from '../bytecode/depths.js';
import { sym } from '../asm/index.js';

/** User-facing names of constructs, by the op that first needs them. */
const FEATURE_OF_OP: Record<string, string> = {
  LOAD_BUILD_CLASS: "'class'",
  YIELD_VALUE: 'generators',
  SEND: "'yield from'",
  GET_AWAITABLE: "'await'",
  GET_AITER: "'async for'",
  GET_ANEXT: "'async for'",
  BEFORE_ASYNC_WITH: "'async with'",
  BEFORE_WITH: "'with'",
  WITH_EXCEPT_START: "'with'",
  CHECK_EG_MATCH: "'except*'",
  PREP_RERAISE_STAR: "'except*'",
  MATCH_CLASS: "'match'",
  MATCH_MAPPING: "'match'",
  MATCH_SEQUENCE: "'match'",
  MATCH_KEYS: "'match'",
  GET_LEN: "'match'",
  COPY_DICT_WITHOUT_KEYS: "'match'",
  LOAD_CLASSDEREF: "'class'",
  SETUP_ANNOTATIONS: 'annotations',
  FORMAT_VALUE: 'f-strings',
  BUILD_STRING: 'f-strings',
  BUILD_SLICE: 'slices',
  BUILD_MAP: 'dict displays',
  BUILD_SET: 'set displays',
  BUILD_LIST: 'list displays',
  LIST_APPEND: 'list comprehensions',
  SET_ADD: 'set comprehensions',
  MAP_ADD: 'dict comprehensions',
  LIST_EXTEND: "'*' unpacking",
  SET_UPDATE: "'*' unpacking",
  DICT_UPDATE: "'**' unpacking",
  DICT_MERGE: "'**' unpacking",
  UNPACK_EX: 'starred assignment',
  CALL_FUNCTION_EX: "'*args' calls",
  IMPORT_NAME: "'import'",
  IMPORT_FROM: "'from ... import'",
  INTRINSIC_STOPITERATION_ERROR: 'generators',
  INTRINSIC_ASYNC_GEN_WRAP: 'async generators',
  INTRINSIC_IMPORT_STAR: "'from ... import *'",
  INTRINSIC_PRINT_EXPR: 'interactive expressions',
  INTRINSIC_TYPEALIAS: "'type' aliases",
};

/** The names of CPython 3.11's builtins module (dir(builtins), without dunders). */
const CPYTHON_BUILTINS: ReadonlySet<string> = new Set(
  'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip'.split(' '),
);

/** CPython 3.11's standard library modules (sys.stdlib_module_names, public ones). */
const STDLIB_MODULES: ReadonlySet<string> = new Set(
  'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo'.split(' '),
);

export interface ProgramOptions {
  profile?: Profile | null;
  /** Keep every runtime routine (tests call routines by name); default: only what the program reaches. */
  keepAll?: boolean;
  /** Extra runtime modules (tests). */
  extraRuntime?: RuntimeModule[];
}

export interface CompiledFunction {
  readonly code: CodeObject;
  readonly stitched: StitchedFunction;
  readonly entry: string;
  readonly codeSymbol: string;
}

export interface NativeProgram {
  readonly chunks: Chunk[];
  readonly functions: readonly CompiledFunction[];
  /** Symbol of the main module's code object. */
  readonly mainCode: string;
  /** The main module's globals: the symbol of its array of value words and the name of each word. */
  readonly mainGlobals: { readonly symbol: string; readonly names: readonly string[] };
}

function* allCodes(co: CodeObject): Generator<CodeObject> {
  yield co;
  for (const c of co.consts) if (typeof c === 'object' && c !== null && 'k' in c && c.k === 'code') yield* allCodes(c.code);
}

/** A class body: not a function (no CO_OPTIMIZED) and not a module (set per build). */
let moduleRoot: CodeObject | null = null;
let classBodyTest: ((co: CodeObject) => boolean) | null = null;
function isClassBody(co: CodeObject): boolean {
  if (classBodyTest !== null) return classBodyTest(co);
  return co !== moduleRoot && (co.flags & CO_OPTIMIZED) === 0;
}

/** Module-level name ops act on the module's globals. */
function globalizeModuleCode(co: CodeObject): CodeObject {
  const ops = Uint8Array.from(co.ops, (op) => {
    const g = GENERIC[op];
    if (g === Op.LOAD_NAME) return Op.LOAD_GLOBAL;
    if (g === Op.STORE_NAME) return Op.STORE_GLOBAL;
    if (g === Op.DELETE_NAME) return Op.DELETE_GLOBAL;
    return g;
  });
  return { ...co, ops };
}

/** A symbol-safe, readable name for a code object: `fib.main`, `app.<module>`. */
function entryName(moduleName: string, co: CodeObject): string {
  return `${moduleName}.${co.qualname}`;
}

/** Locals that may be read before assignment at each LOAD_FAST (definite assignment). */
function maybeUnboundLoads(co: CodeObject): Set<number> {
  const n = co.ops.length;
  const nl = co.nlocals;
  const params = co.argcount + co.kwonlyargcount + ((co.flags & CO_VARARGS) !== 0 ? 1 : 0) + ((co.flags & CO_VARKEYWORDS) !== 0 ? 1 : 0);
  // in[i]: locals definitely bound before instruction i (null = not yet reached).
  const full = (): Uint8Array => new Uint8Array(nl).fill(1);
  const ins: (Uint8Array | null)[] = new Array(n).fill(null);
  const entry = new Uint8Array(nl);
  for (let k = 0; k < params && k < nl; k++) entry[k] = 1;
  const work: number[] = [];
  const merge = (i: number, set: Uint8Array): void => {
    if (i >= n) return;
    const cur = ins[i];
    if (cur === null) {
      ins[i] = set.slice();
      work.push(i);
      return;
    }
    let changed = false;
    for (let k = 0; k < nl; k++) {
      if (cur[k] === 1 && set[k] === 0) {
        cur[k] = 0;
        changed = true;
      }
    }
    if (changed) work.push(i);
  };
  merge(0, entry);
  void full;
  while (work.length > 0) {
    const i = work.pop()!;
    const set = ins[i]!.slice();
    const g = GENERIC[co.ops[i]];
    const def = OPS[g];
    // An exception anywhere in a protected range reaches the handler with the state before
    // the raising instruction.
    for (const h of co.exceptionTable) if (i >= h.start && i < h.end) merge(h.target, set);
    if (g === Op.STORE_FAST) set[co.args[i]] = 1;
    else if (g === Op.DELETE_FAST) set[co.args[i]] = 0;
    if (def.branch || (def.terminal && def.arg === 'jump')) merge(co.args[i], set);
    if (!def.terminal) merge(i + 1, set);
  }
  const out = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (GENERIC[co.ops[i]] === Op.LOAD_FAST || GENERIC[co.ops[i]] === Op.DELETE_FAST) {
      const s = ins[i];
      if (s === null || s[co.args[i]] === 0) out.add(i);
    }
  }
  return out;
}

/** The bss array holding every instruction's inline cache (StitchEnv.cache). */
const INLINE_CACHES = 'rt_inline_caches';
/** The bss array of rooted cache words (StitchEnv.rootCache): a range of rt_globals_table. */
const ROOT_CACHES = 'rt_root_caches';

class ProgramBuilder {
  readonly rodata = new Assembler<any>();
  readonly rodataExports: { name: string; label: any; end: any; kind: 'object' }[] = [];
  readonly data = new Assembler<any>();
  readonly dataExports: { name: string; label: any; end: any; kind: 'object' }[] = [];
  private readonly strSyms = new Map<string, string>();
  private readonly constSyms = new Map<string, string>();
  private readonly runtime: RuntimeModule[];
  readonly definedRuntime: Set<string>;
  readonly builtinNames: Map<string, string>;
  private counter = 0;

  constructor(runtime: RuntimeModule[]) {
    this.runtime = runtime;
    this.definedRuntime = new Set<string>();
    for (const m of runtime) {
      for (const r of m.routines) this.definedRuntime.add(r.name);
      for (const d of m.data) this.definedRuntime.add(d.name);
    }
    this.builtinNames = new Map();
    for (const m of runtime) {
      for (const b of m.builtins ?? []) this.builtinNames.set(b.name, `bfn_${b.name}`);
    }
    this.builtinNames.set('NotImplemented', 'obj_NotImplemented');
    this.builtinNames.set('Ellipsis', 'obj_Ellipsis');
    // Runtime types that are builtins in CPython (int, ValueError...); the others (function,
    // NoneType, version_info...) are reached through type() or their modules only, and as
    // bare names are NameErrors as in CPython.
    for (const name of this.definedRuntime) {
      if (name.startsWith('type_')) {
        const tname = name.slice(5);
        if (CPYTHON_BUILTINS.has(tname) && !this.builtinNames.has(tname)) this.builtinNames.set(tname, name);
      }
    }
    // CPython's other names of OSError (the same type object; builtins_dict has them too).
    for (const alias of ['IOError', 'EnvironmentError'] as const) {
      const os = this.builtinNames.get('OSError');
      if (os !== undefined) this.builtinNames.set(alias, os);
    }
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  private emitting = false;

  rodataItem(name: string, align: number, emit: (a: Assembler<any>) => void): string {
    if (this.emitting) throw new Error(`rodata item ${name} emitted inside another item`);
    this.emitting = true;
    this.rodata.align(align, 'zero');
    const start = this.rodata.label(name);
    emit(this.rodata);
    this.emitting = false;
    const end = this.rodata.label(`${name}.end`);
    this.rodataExports.push({ name, label: start, end, kind: 'object' });
    return name;
  }

  dataItem(name: string, align: number, emit: (a: Assembler<any>) => void): string {
    this.data.align(align, 'zero');
    const start = this.data.label(name);
    emit(this.data);
    const end = this.data.label(`${name}.end`);
    this.dataExports.push({ name, label: start, end, kind: 'object' });
    return name;
  }

  /** An interned static str. */
  str(text: string): string {
    let s = this.strSyms.get(text);
    if (s === undefined) {
      s = this.fresh('pystr_');
      this.rodataItem(s, 16, (a) => emitStr(a, text));
      this.strSyms.set(text, s);
    }
    return s;
  }

  /** The value of a constant as a static word. */
  constWord(c: Const, codeSymbol: (co: CodeObject) => string): StaticWord {
    switch (c.k) {
      case 'none':
        return { box: 'obj_None' };
      case 'bool':
        return { box: c.v ? 'obj_True' : 'obj_False' };
      case 'ellipsis':
        return { box: 'obj_Ellipsis' };
      case 'int': {
        const v = BigInt(c.v);
        if (v >= INT48_MIN && v <= INT48_MAX) return { imm: boxInt(v) };
        const key = `int:${v}`;
        let s = this.constSyms.get(key);
        if (s === undefined) {
          s = this.rodataItem(this.fresh('pyint_'), 16, (a) => emitBigInt(a, v));
          this.constSyms.set(key, s);
        }
        return { box: s };
      }
      case 'float':
        return { imm: boxFloat(c.v) };
      case 'str':
        return { box: this.str(c.v) };
      case 'tuple': {
        const items = c.items.map((x) => this.constWord(x, codeSymbol));
        const s = this.rodataItem(this.fresh('pytuple_'), 16, (a) => emitTuple(a, items));
        return { box: s };
      }
      case 'code':
        return { box: codeSymbol(c.code) };
      case 'complex': {
        const { re, im } = c;
        const s = this.rodataItem(this.fresh('pycomplex_'), 16, (a) => {
          emitHeader(a, 'type_complex');
          a.u64(boxFloat(re)); // the double's bits (a NaN canonical, as layout.ts COMPLEX wants)
          a.u64(boxFloat(im));
        });
        return { box: s };
      }
      case 'bytes': {
        const data = c.v;
        const s = this.rodataItem(this.fresh('pybytes_'), 16, (a) => {
          emitHeader(a, 'type_bytes');
          a.u64(data.length);
          // The hash, computed now: rodata cannot cache it (bytesobj.ts rt_hash_bytes).
          a.u64(BigInt.asUintN(64, strHash(Array.from(data, (x) => String.fromCharCode(x)).join(''))));
          a.bytes(data);
          a.u8(0);
        });
        return { box: s };
      }
      default:
        // Refused by checkSupported (unsupportedConst) before any code is emitted.
        throw new Error(`constant kind ${c.k}`);
    }
  }

  chunks(): Chunk[] {
    return [
      chunkFromAsm('program.rodata', 'rodata', this.rodata.finish() as AsmOutput<any>, this.rodataExports),
      chunkFromAsm('program.data', 'data', this.data.finish() as AsmOutput<any>, this.dataExports),
    ];
  }
}

function wordOf(w: StaticWord): Word64 {
  if ('imm' in w) return { imm: w.imm };
  if ('box' in w) return { symbol: `box:${w.box}` };
  if ('addr' in w) return { symbol: w.addr };
  throw new Error('unexpected static word');
}

/**
 * The builtin module an attribute instruction reads from, when the compiler can tell: the
 * module under IMPORT_FROM, or a LOAD_ATTR/LOAD_METHOD right after loading a name that an
 * `import m` of a builtin module bound (anywhere in the program: names are per module).
 */
function moduleOperand(co: CodeObject, i: number, aliases: ReadonlyMap<string, BuiltinModule> = new Map()): BuiltinModule | null {
  const g = GENERIC[co.ops[i]];
  const asModule = (name: string): BuiltinModule | null => ((BUILTIN_MODULES as readonly string[]).includes(name) ? (name as BuiltinModule) : aliases.get(name) ?? null);
  if (g === Op.IMPORT_FROM) {
    for (let j = i - 1; j >= 0; j--) {
      if (GENERIC[co.ops[j]] === Op.IMPORT_NAME) return asModule(co.names[co.args[j]]);
    }
    return null;
  }
  if (i === 0) return null;
  const p = GENERIC[co.ops[i - 1]];
  if (p === Op.LOAD_GLOBAL || p === Op.LOAD_NAME) return asModule(co.names[co.args[i - 1]]);
  if (p === Op.LOAD_FAST) return asModule(co.varnames[co.args[i - 1]]);
  return null;
}

type BuiltinModule = (typeof BUILTIN_MODULES)[number];

/**
 * Names a module binds to a native builtin module with `import m as name` (collections:
 * `import sys as _sys`) and never assigns otherwise, so `name.attr` is checked as `m.attr`.
 */
function builtinModuleAliases(codes: readonly CodeObject[]): Map<string, BuiltinModule> {
  const out = new Map<string, BuiltinModule>();
  const stores = new Map<string, number>();
  const isStore = (op: number): boolean => op === Op.STORE_NAME || op === Op.STORE_GLOBAL || op === Op.STORE_FAST;
  const storedName = (co: CodeObject, k: number): string => (GENERIC[co.ops[k]] === Op.STORE_FAST ? co.varnames[co.args[k]] : co.names[co.args[k]]);
  for (const co of codes) {
    for (let i = 0; i < co.ops.length; i++) {
      const g = GENERIC[co.ops[i]];
      if (isStore(g)) {
        const n = storedName(co, i);
        stores.set(n, (stores.get(n) ?? 0) + 1);
      }
      if (g !== Op.IMPORT_NAME || i + 1 >= co.ops.length || !isStore(GENERIC[co.ops[i + 1]])) continue;
      const m = co.names[co.args[i]];
      if (!(BUILTIN_MODULES as readonly string[]).includes(m)) continue;
      const from = i >= 1 && GENERIC[co.ops[i - 1]] === Op.LOAD_CONST ? co.consts[co.args[i - 1]] : null;
      if (from === null || from.k !== 'none') continue;
      const name = storedName(co, i + 1);
      if (name !== m) out.set(name, m as BuiltinModule);
    }
  }
  for (const n of [...out.keys()]) if ((stores.get(n) ?? 0) !== 1) out.delete(n);
  return out;
}

/** The exception-group types: a program naming one gets runtime/lib/_edgepyc_eg.py compiled in. */
const EXCEPTION_GROUP_TYPES: ReadonlySet<string> = new Set(['ExceptionGroup', 'BaseExceptionGroup']);
/** The runtime/lib module behind exception groups and except* (runtime/core/excgroup.ts); its frames stay out of tracebacks, as CPython's C code. */
const EG_MODULE = '_edgepyc_eg';

/**
 * Attributes of CPython's code, frame and traceback introspection that natively compiled
 * programs do not have: functions keep no code object or globals dict, generators and
 * coroutines no frame, tracebacks only what printing them needs. A program naming one
 * (`f.__code__`, `tb.tb_lineno`) is refused at compile time instead of raising
 * AttributeError at run time; library modules (lenient) use them only on paths the tests
 * in them guard, and keep the run-time AttributeError there.
 */
const INTROSPECTION_ATTRS: ReadonlySet<string> = new Set([
  '__code__', '__globals__', '__builtins__',
  'tb_frame', 'tb_lineno', 'tb_lasti',
  'gi_frame', 'gi_code', 'cr_frame', 'cr_code', 'cr_origin', 'ag_frame', 'ag_code',
  'f_back', 'f_locals', 'f_globals', 'f_builtins', 'f_code', 'f_lineno', 'f_lasti', 'f_trace',
]);

/** Check that the native backend can compile every instruction of `co`. */
/** The feature name of a constant the native backend cannot emit yet, or null. */
function unsupportedConst(c: Const): string | null {
  if (c.k === 'frozenset') return 'frozenset constants';
  if (c.k === 'tuple') {
    for (const x of c.items) {
      const k = unsupportedConst(x);
      if (k !== null) return k;
    }
  }
  return null;
}

/**
 * `globals()` at instruction i (the LOAD_GLOBAL / class-body LOAD_NAME of the builtin, then
 * CALL 0)? Natively it is a snapshot of the module's names (decision 0012), so it is accepted
 * only where the dict is read at once: `k in globals()`, `globals()[k]`, `globals().get(k...)`
 * with a key that is not a dunder name (CPython's module dicts have more of those).
 */
function isGlobalsCall(co: CodeObject, i: number, globals: ReadonlyMap<string, number>): boolean {
  const g = GENERIC[co.ops[i]];
  if (g !== Op.LOAD_GLOBAL && g !== Op.LOAD_NAME) return false;
  if (co.names[co.args[i]] !== 'globals' || globals.has('globals')) return false;
  if (g === Op.LOAD_NAME && co.ops.some((op, k) => GENERIC[op] === Op.STORE_NAME && co.names[co.args[k]] === 'globals')) return false;
  return i + 1 < co.ops.length && GENERIC[co.ops[i + 1]] === Op.CALL && co.args[i + 1] === 0;
}

function globalsReadAtOnce(co: CodeObject, i: number): boolean {
  const constKey = (k: number): boolean | null => {
    if (k < 0 || k >= co.ops.length || GENERIC[co.ops[k]] !== Op.LOAD_CONST) return null;
    const c = co.consts[co.args[k]];
    return !(typeof c === 'object' && c !== null && 'k' in c && c.k === 'str' && String(c.v).startsWith('__'));
  };
  const j = i + 2;
  if (j >= co.ops.length) return false;
  const g = GENERIC[co.ops[j]];
  if (g === Op.CONTAINS_OP) return constKey(i - 1) !== false;
  if (g === Op.LOAD_CONST && j + 1 < co.ops.length && GENERIC[co.ops[j + 1]] === Op.BINARY_SUBSCR) return constKey(j) === true;
  if ((g === Op.LOAD_METHOD || g === Op.LOAD_ATTR) && co.names[co.args[j]] === 'get') return constKey(j + 1) !== false;
  return globalsStoreAt(co, i);
}

/**
 * `globals()[k] = v` at the globals() call at i: one load of the key, then STORE_SUBSCR. The
 * call then makes a writer whose setitem binds the name in the module (runtime/core/
 * globalswrite.ts), so the store reaches the module as in CPython.
 */
function globalsStoreAt(co: CodeObject, i: number): boolean {
  const j = i + 2;
  if (j + 1 >= co.ops.length || GENERIC[co.ops[j + 1]] !== Op.STORE_SUBSCR) return false;
  const g = GENERIC[co.ops[j]];
  if (g === Op.LOAD_CONST) {
    const c = co.consts[co.args[j]];
    return !(typeof c === 'object' && c !== null && 'k' in c && c.k === 'str' && String(c.v).startsWith('__'));
  }
  return g === Op.LOAD_FAST || g === Op.LOAD_DEREF || g === Op.LOAD_NAME || g === Op.LOAD_GLOBAL;
}

/**
 * `locals()`, `vars()` or `dir()` called with no argument right after the load at i of the
 * builtin (a name the module never binds): which one, or null. The CALL passes the caller's
 * namespace (runtime/core/localscall.ts). At module level, locals() and vars() are the globals
 * snapshot, accepted only where the dict is read at once as globals() is (decision 0012).
 */
function localsCallName(co: CodeObject, i: number, globals: ReadonlyMap<string, number>): 'locals' | 'vars' | 'dir' | null {
  const g = GENERIC[co.ops[i]];
  if (g !== Op.LOAD_GLOBAL && g !== Op.LOAD_NAME) return null;
  const name = co.names[co.args[i]];
  if ((name !== 'locals' && name !== 'vars' && name !== 'dir') || globals.has(name)) return null;
  if (g === Op.LOAD_NAME && co.ops.some((op, k) => GENERIC[op] === Op.STORE_NAME && co.names[co.args[k]] === name)) return null;
  if (!(i + 1 < co.ops.length && GENERIC[co.ops[i + 1]] === Op.CALL && co.args[i + 1] === 0)) return null;
  if (name !== 'dir' && localsScope(co) === 'module' && (!globalsReadAtOnce(co, i) || globalsStoreAt(co, i))) return null;
  return name;
}

/** Where code keeps its local names: a function's frame, a class body's namespace, the module. */
function localsScope(co: CodeObject): 'function' | 'class' | 'module' {
  return (co.flags & CO_OPTIMIZED) !== 0 ? 'function' : isClassBody(co) ? 'class' : 'module';
}

/** Builtin types CPython lets a class derive from that native classes cannot yet (docs/native-unsupported.md). */
const UNSUBCLASSABLE_NATIVELY: ReadonlySet<string> = new Set(['bytes', 'bytearray', 'enumerate', 'zip', 'map', 'filter', 'reversed', 'super']);

/**
 * Whether the value loaded at instruction i is directly one of the bases of a class
 * statement: an argument of the __build_class__ call (LOAD_BUILD_CLASS; the function and the
 * name come first), not part of a larger expression.
 */
function isClassBase(co: CodeObject, i: number): boolean {
  const depths = stackDepths(co);
  const p = depths[i];
  if (p < 0) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (depths[k] < 0 || GENERIC[co.ops[k]] !== Op.LOAD_BUILD_CLASS) continue;
    const d = depths[k];
    if (p < d + 3) return false;
    // The loaded value must stay in its slot until the call of __build_class__ takes it.
    for (let j = i + 1; j < co.ops.length; j++) {
      if (depths[j] < 0) continue;
      const gj = GENERIC[co.ops[j]];
      if (gj === Op.CALL && depths[j] - co.args[j] - 1 === d) return true;
      if (gj === Op.CALL_KW && depths[j] - co.args[j] - 2 === d) return true;
      if (gj === Op.CALL_FUNCTION_EX && depths[j] - 2 - (co.args[j] & 1) === d) return false;
      const def = OPS[gj];
      const pops = typeof def.pop === 'number' ? def.pop : def.pop(co.args[j]);
      if (depths[j] - pops <= p) return false;
      if ((gj === Op.COPY || gj === Op.SWAP) && depths[j] - co.args[j] <= p) return false;
    }
    return false;
  }
  return false;
}

/** The runtime/lib module that evaluates eval()'s expressions (runtime/core/evalcall.ts); its parser is `${EVAL_MODULE}parse`. */
const EVAL_MODULE = '_edgepyc_eval';

/**
 * The builtin `eval` loaded at instruction i (LOAD_GLOBAL, or a class body's LOAD_NAME, of a
 * name the module never binds) only to be called at once: the index of the CALL or CALL_KW
 * or CALL_FUNCTION_EX whose callee is the value it pushed, or -1 (`f = eval`, `map(eval, ...)`).
 * The stack position the load fills stays live until that call consumes it; COPY and SWAP
 * reaching it would read or move it.
 */
function evalCallSite(co: CodeObject, i: number, globals: ReadonlyMap<string, number>, depths: Int32Array): number {
  const g = GENERIC[co.ops[i]];
  if ((g !== Op.LOAD_GLOBAL && g !== Op.LOAD_NAME) || co.names[co.args[i]] !== 'eval' || globals.has('eval')) return -1;
  if (g === Op.LOAD_NAME && co.ops.some((op, k) => GENERIC[op] === Op.STORE_NAME && co.names[co.args[k]] === 'eval')) return -1;
  const d = depths[i];
  if (d < 0) return -1;
  for (let j = i + 1; j < co.ops.length; j++) {
    if (depths[j] < 0) continue;
    const gj = GENERIC[co.ops[j]];
    if (gj === Op.CALL && depths[j] - co.args[j] - 1 === d) return j;
    if (gj === Op.CALL_KW && depths[j] - co.args[j] - 2 === d) return j;
    if (gj === Op.CALL_FUNCTION_EX && depths[j] - 2 - (co.args[j] & 1) === d) return j;
    // Any other instruction popping the slot (or reading it: COPY, SWAP) uses the value.
    const def = OPS[gj];
    const pops = typeof def.pop === 'number' ? def.pop : def.pop(co.args[j]);
    if (depths[j] - pops <= d) return -1;
    if ((gj === Op.COPY || gj === Op.SWAP) && depths[j] - co.args[j] <= d) return -1;
    // Arguments may branch forward (conditional expressions, and/or), never backward.
    if ((def.branch || (def.terminal && def.arg === 'jump')) && co.args[j] <= i) return -1;
  }
  return -1;
}

/** Exceptions a handler for `err` also catches (its bases up to Exception). */
const HANDLERS_OF: Readonly<Record<string, readonly string[]>> = {
  NameError: ['NameError', 'Exception', 'BaseException'],
  ImportError: ['ImportError', 'Exception', 'BaseException'],
  AttributeError: ['AttributeError', 'Exception', 'BaseException'],
};

/**
 * Whether an exception `err` raised by instruction i of `co` is caught by an `except` clause
 * naming it (or a base class) in the try statement around it: the except clauses of the
 * handler the exception table sends i to, each `LOAD_NAME/LOAD_GLOBAL E... [BUILD_TUPLE]
 * CHECK_EXC_MATCH POP_JUMP_IF_FALSE next-clause`.
 */
function handledHere(co: CodeObject, i: number, err: string): boolean {
  const entry = co.exceptionTable.find((e) => e.start <= i && i < e.end);
  if (entry === undefined) return false;
  let k = entry.target;
  if (GENERIC[co.ops[k]] !== Op.PUSH_EXC_INFO) return false;
  k++;
  for (let clause = 0; clause < 8 && k < co.ops.length; clause++) {
    const names: string[] = [];
    while (k < co.ops.length && (GENERIC[co.ops[k]] === Op.LOAD_NAME || GENERIC[co.ops[k]] === Op.LOAD_GLOBAL || GENERIC[co.ops[k]] === Op.BUILD_TUPLE)) {
      if (GENERIC[co.ops[k]] !== Op.BUILD_TUPLE) names.push(co.names[co.args[k]]);
      k++;
    }
    if (GENERIC[co.ops[k]] !== Op.CHECK_EXC_MATCH) return false;
    if (names.some((n) => HANDLERS_OF[err].includes(n))) return true;
    if (GENERIC[co.ops[k + 1]] !== Op.POP_JUMP_IF_FALSE) return false;
    k = co.args[k + 1];
  }
  return false;
}

function checkSupported(co: CodeObject, source: Source, b: ProgramBuilder, globals: ReadonlyMap<string, number>, programImport: (i: number) => boolean, lenient = false, aliases: ReadonlyMap<string, BuiltinModule> = new Map()): void {
  for (let i = 0; i < co.ops.length; i++) {
    const name = OPS[GENERIC[co.ops[i]]].name;
    const def = TEMPLATES.get(name);
    let missing: string | null = def === undefined ? name : null;
    if (OPS[GENERIC[co.ops[i]]].arg === 'const') {
      const kind = unsupportedConst(co.consts[co.args[i]]);
      if (kind !== null) missing = kind;
    }
    if (def !== undefined) {
      // Every runtime routine the template's generic stencil calls must exist.
      const view = { op: name as any, arg: co.args[i], next: null, depth: 0, facts: {} };
      try {
        const st = stencilFor(def, def.variant ? def.variant(view) : {});
        for (const r of [...st.relocs, ...(st.cold?.relocs ?? [])]) {
          if (r.target.kind !== 'extern') continue;
          const n = r.target.name.replace(/^box:/, '');
          if (!b.definedRuntime.has(n)) missing = name;
        }
      } catch {
        // A variant the template does not implement.
        missing = name === 'CALL_INTRINSIC_1' ? `INTRINSIC_${INTRINSICS[co.args[i]]}` : name;
      }
    }
    // Modules: the native builtin modules, and only their attributes the runtime has.
    if (missing === null && GENERIC[co.ops[i]] === Op.IMPORT_NAME && !programImport(i)) {
      const mod = co.names[co.args[i]].split('.')[0];
      if (!(mod in CPYTHON_MODULE_NAMES) && STDLIB_MODULES.has(mod)) missing = `module:${mod}`;
      else if (!(mod in CPYTHON_MODULE_NAMES) && existsSync(join(dirname(co.filename), `${mod}.py`))) missing = `module:${mod}`;
      else if (!(mod in CPYTHON_MODULE_NAMES) && existsSync(join(dirname(co.filename), mod, '__init__.py'))) missing = `module:${mod}`;
    }
    if (missing === null && (GENERIC[co.ops[i]] === Op.IMPORT_FROM || GENERIC[co.ops[i]] === Op.LOAD_ATTR || GENERIC[co.ops[i]] === Op.LOAD_METHOD)) {
      const mod = moduleOperand(co, i, aliases);
      const attr = co.names[co.args[i]];
      if (mod !== null && CPYTHON_MODULE_NAMES[mod].includes(attr) && !nativeModuleNames()[mod].has(attr)) missing = `attr:${mod}.${attr}`;
    }
    if (missing === null && !lenient && (GENERIC[co.ops[i]] === Op.LOAD_ATTR || GENERIC[co.ops[i]] === Op.LOAD_METHOD || GENERIC[co.ops[i]] === Op.STORE_ATTR) && INTROSPECTION_ATTRS.has(co.names[co.args[i]])) {
      missing = `feature:attribute '${co.names[co.args[i]]}' (code, frame and traceback introspection)`;
    }
    // A builtin CPython has and this runtime does not: refused at compile time, never a
    // NameError at run time.
    if (missing === null && GENERIC[co.ops[i]] === Op.LOAD_GLOBAL) {
      const name = co.names[co.args[i]];
      if (!globals.has(name) && !b.builtinNames.has(name) && CPYTHON_BUILTINS.has(name)) missing = `builtin:${name}`;
      // locals(), vars() and dir() without an argument read the caller's local namespace:
      // only as a direct call (localsCallName), which the CALL template compiles.
      else if (!globals.has(name) && (name === 'vars' || name === 'dir') && i + 1 < co.ops.length && GENERIC[co.ops[i + 1]] === Op.CALL && co.args[i + 1] === 0 && localsCallName(co, i, globals) === null) missing = `builtin:${name}() without an argument`;
    }
    if (missing === null && (GENERIC[co.ops[i]] === Op.LOAD_GLOBAL || GENERIC[co.ops[i]] === Op.LOAD_NAME) && co.names[co.args[i]] === 'locals' && !globals.has('locals') && localsCallName(co, i, globals) === null) {
      missing = localsScope(co) === 'module' && GENERIC[co.ops[i + 1]] === Op.CALL && co.args[i + 1] === 0 ? 'feature:locals() at module level other than `k in locals()`, `locals()[k]` or `locals().get(k)`' : 'feature:locals other than a direct call locals()';
    }
    // A class statement naming, as a base, a builtin type the native class machinery cannot
    // lay out yet (runtime/core/classes.ts rt_new_type): refused here rather than a TypeError
    // when the class is created.
    if (missing === null && (GENERIC[co.ops[i]] === Op.LOAD_GLOBAL || GENERIC[co.ops[i]] === Op.LOAD_NAME) && UNSUBCLASSABLE_NATIVELY.has(co.names[co.args[i]]) && !globals.has(co.names[co.args[i]]) && isClassBase(co, i)) {
      missing = `feature:subclasses of '${co.names[co.args[i]]}'`;
    }
    // The builtins module as a module global (CPython's __builtins__): there is no builtins
    // module object natively.
    if (missing === null && (GENERIC[co.ops[i]] === Op.LOAD_GLOBAL || GENERIC[co.ops[i]] === Op.LOAD_NAME) && co.names[co.args[i]] === '__builtins__' && !globals.has('__builtins__')) missing = 'builtin:__builtins__';
    if (missing === null && (GENERIC[co.ops[i]] === Op.LOAD_GLOBAL || GENERIC[co.ops[i]] === Op.LOAD_NAME) && co.names[co.args[i]] === 'eval' && !globals.has('eval')) {
      if (evalCallSite(co, i, globals, stackDepths(co)) < 0) missing = 'feature:eval other than a direct call eval(...)';
    }
    if (missing === null && (GENERIC[co.ops[i]] === Op.LOAD_GLOBAL || GENERIC[co.ops[i]] === Op.LOAD_NAME) && co.names[co.args[i]] === 'globals' && !globals.has('globals')) {
      if (!isGlobalsCall(co, i, globals) || !globalsReadAtOnce(co, i)) missing = 'feature:globals() other than `k in globals()`, `globals()[k]`, `globals().get(k)` or `globals()[k] = v`';
    }
    // Library modules test for what a runtime provides (`try: import builtins` /
    // `except ImportError`, `try: memoryview ... except NameError`): there a missing builtin,
    // module or module attribute guarded by a handler of the error it raises is that error
    // at run time, as the library expects of a runtime without it.
    if (missing !== null && lenient && /^(builtin|module|attr):/.test(missing)) {
      const raises = missing.startsWith('builtin:') ? 'NameError' : missing.startsWith('module:') ? 'ImportError' : 'AttributeError';
      if (handledHere(co, i, raises)) missing = null;
    }
    if (missing !== null) {
      const s = co.spans[2 * i];
      const e = co.spans[2 * i + 1];
      const what = missing.startsWith('feature:')
        ? missing.slice(8)
        : missing.startsWith('builtin:')
        ? missing.endsWith('argument') ? `'${missing.slice(8).replace(' without', "' without")}`.replace(/'$/, '') : `builtin '${missing.slice(8)}'`
        : missing.startsWith('module:')
          ? `module '${missing.slice(7)}'`
          : missing.startsWith('attr:')
            ? `'${missing.slice(5)}'`
            : missing.endsWith('numbers') || missing.endsWith('constants') ? missing : FEATURE_OF_OP[missing] ?? `'${missing}'`;
      throw compileError(source, 'unsupportedNative', s, [what], { end: e > s ? e : undefined });
    }
  }
}

/**
 * Compile a module's code object (from the shared compiler) into linkable chunks: the
 * runtime, the program's static objects and its stitched functions.
 */
/**
 * The runtime/nativelib module behind the builtin open() (runtime/core/osfile.ts): compiled
 * with the program when some module names `open` without binding it.
 */
const OPEN_MODULE = '_edgepyc_files';

/**
 * The runtime/nativelib module behind the bytes features written in Python (bytes %
 * formatting, hex/fromhex, bytearray mutators; runtime/core/bytesx.ts): compiled with the
 * program when a module could make a bytes object (a bytes constant, or one of
 * BYTES_NAMES). Without it those paths raise SystemError naming the missing module.
 */
const BYTES_MODULE = '_edgepyc_bytes';
const hasBytesConst = (c: Const): boolean => c.k === 'bytes' || (c.k === 'tuple' && c.items.some(hasBytesConst));
const BYTES_NAMES: ReadonlySet<string> = new Set(['bytes', 'bytearray', 'encode', 'memoryview', 'to_bytes', 'open', 'BytesIO', 'fromhex', 'tobytes']);

/** Modules of runtime/nativelib: Python source compiled with the program that imports them. */
const NATIVE_LIB_MODULES: ReadonlySet<string> = new Set(['asyncio', 'contextlib', 'time', 'atexit', OPEN_MODULE, BYTES_MODULE]);

function nativeLibDir(): string {
  return join(stdlibDir(), '..', 'nativelib');
}

function isLibraryUnit(u: ModuleUnit): boolean {
  return u.file.startsWith(nativeLibDir()) || u.file.startsWith(stdlibDir());
}

/**
 * The runtime/nativelib modules cover part of CPython's: a name a program takes from one of
 * them (`from asyncio import x`, `asyncio.x` of `import asyncio`) that it does not define is
 * refused at compile time, never an AttributeError at run time.
 */
function checkLibraryNames(units: ModuleUnit[], chains: Map<CodeObject, Map<number, { modules: ModuleUnit[]; result: number }>>): void {
  for (const unit of units) {
    /** Global names bound to a library module by `import m` / `import m as n`. */
    const aliases = new Map<string, ModuleUnit>();
    for (const co of unit.codes) {
      for (let i = 0; i < co.ops.length; i++) {
        const c = chains.get(co)?.get(i);
        if (c === undefined) continue;
        const mod = c.modules[c.result];
        if (!isLibraryUnit(mod)) continue;
        const refuse = (k: number, attr: string): never => {
          throw compileError(co.source, 'unsupportedNative', co.spans[2 * k], [`'${mod.name}.${attr}'`], { end: co.spans[2 * k + 1] > co.spans[2 * k] ? co.spans[2 * k + 1] : undefined });
        };
        let k = i + 1;
        if (k < co.ops.length && GENERIC[co.ops[k]] === Op.IMPORT_FROM) {
          for (; k < co.ops.length && GENERIC[co.ops[k]] !== Op.POP_TOP; k++) {
            if (GENERIC[co.ops[k]] !== Op.IMPORT_FROM) continue;
            const name = co.names[co.args[k]];
            if (!mod.globalIndex.has(name) && !c.modules.some((m) => m.name === `${mod.name}.${name}`)) refuse(k, name);
          }
        } else if (k < co.ops.length && (GENERIC[co.ops[k]] === Op.STORE_GLOBAL || GENERIC[co.ops[k]] === Op.STORE_NAME)) {
          aliases.set(co.names[co.args[k]], c.modules[0]);
        }
      }
    }
    if (aliases.size === 0) continue;
    for (const co of unit.codes) {
      for (let i = 1; i < co.ops.length; i++) {
        const g = GENERIC[co.ops[i]];
        if (g !== Op.LOAD_ATTR && g !== Op.LOAD_METHOD) continue;
        const p = GENERIC[co.ops[i - 1]];
        if (p !== Op.LOAD_GLOBAL && p !== Op.LOAD_NAME) continue;
        const mod = aliases.get(co.names[co.args[i - 1]]);
        if (mod === undefined) continue;
        const attr = co.names[co.args[i]];
        if (!mod.globalIndex.has(attr)) throw compileError(co.source, 'unsupportedNative', co.spans[2 * i], [`'${mod.name}.${attr}'`], { end: co.spans[2 * i + 1] > co.spans[2 * i] ? co.spans[2 * i + 1] : undefined });
      }
    }
  }
}

/** A module of the program: the main file, or a file or package it imports. */
interface ModuleUnit {
  /** Python name: '__main__', 'helpers', 'pkg.sub'. */
  readonly name: string;
  /** Prefix of its symbols. */
  readonly symbol: string;
  readonly file: string;
  readonly isPackage: boolean;
  /** The module code (module-level name ops turned into global ops). */
  readonly root: CodeObject;
  readonly codes: CodeObject[];
  readonly globalNames: string[];
  readonly globalIndex: Map<string, number>;
  readonly parent: ModuleUnit | null;
}

const MODULE_PRELUDE_GLOBALS = ['__name__', '__file__', '__doc__', '__package__'];

/**
 * Compile a program (its main module's code, from the shared compiler) into linkable chunks:
 * the runtime, the static objects of every module it imports from its own directory, and
 * their stitched functions.
 */
export function buildProgram(moduleCode: CodeObject, options: ProgramOptions = {}): NativeProgram {
  const image = runtimeImage();
  const extra = options.extraRuntime ?? [];
  const runtime = [...image.modules, ...extra];
  const b = new ProgramBuilder(runtime);
  const searchRoot = dirname(moduleCode.filename);

  // ---- the modules: the main one, then every import that resolves to a file of the program
  const units: ModuleUnit[] = [];
  const byName = new Map<string, ModuleUnit>();
  const unitOf = new Map<CodeObject, ModuleUnit>();
  const makeUnit = (name: string, file: string, code: CodeObject, isPackage: boolean, parent: ModuleUnit | null): ModuleUnit => {
    const root = globalizeModuleCode(code);
    const codes = [root, ...Array.from(allCodes(code)).slice(1)];
    const globalNames = [...MODULE_PRELUDE_GLOBALS];
    // SETUP_ANNOTATIONS binds __annotations__ in the module body.
    if (root.ops.some((op) => GENERIC[op] === Op.SETUP_ANNOTATIONS)) globalNames.push('__annotations__');
    const globalIndex = new Map<string, number>(globalNames.map((n, i) => [n, i]));
    for (const co of codes) {
      for (let i = 0; i < co.ops.length; i++) {
        const g = GENERIC[co.ops[i]];
        if (g === Op.STORE_GLOBAL || g === Op.DELETE_GLOBAL) {
          const n = co.names[co.args[i]];
          if (!globalIndex.has(n)) {
            globalIndex.set(n, globalNames.length);
            globalNames.push(n);
          }
        }
      }
    }
    const unit: ModuleUnit = { name, symbol: name === '__main__' ? basename(file).replace(/\.py$/, '') : name, file, isPackage, root, codes, globalNames, globalIndex, parent };
    units.push(unit);
    byName.set(name, unit);
    for (const co of codes) unitOf.set(co, unit);
    return unit;
  };
  const main = makeUnit('__main__', moduleCode.filename, moduleCode, false, null);
  moduleRoot = main.root;
  const isRoot = (co: CodeObject): boolean => units.some((u) => u.root === co);
  classBodyTest = (co) => !isRoot(co) && (co.flags & CO_OPTIMIZED) === 0;

  /**
   * The file of a module name under the program's directory, else under runtime/nativelib
   * (the Python modules natively compiled programs get in place of CPython's: asyncio,
   * contextlib; NATIVE_LIB_MODULES), else under runtime/lib (the interpreter's pure-Python
   * standard modules, compiled natively with the program when every feature they use is
   * supported), if any.
   */
  const findFile = (name: string): { file: string; isPackage: boolean } | null => {
    const roots = [searchRoot, NATIVE_LIB_MODULES.has(name.split('.')[0]) ? nativeLibDir() : stdlibDir()];
    for (const root of roots) {
      const base = join(root, ...name.split('.'));
      if (existsSync(`${base}.py`)) return { file: `${base}.py`, isPackage: false };
      if (existsSync(join(base, '__init__.py'))) return { file: join(base, '__init__.py'), isPackage: true };
    }
    return null;
  };
  /** Load (compile) the module `name` and its packages; null if no file provides it. */
  const load = (name: string): ModuleUnit | null => {
    const known = byName.get(name);
    if (known !== undefined) return known;
    const found = findFile(name);
    if (found === null) return null;
    const dot = name.lastIndexOf('.');
    const parent = dot < 0 ? null : load(name.slice(0, dot));
    const code = compileModule(new Source(found.file, readFileSync(found.file, 'utf8')));
    return makeUnit(name, found.file, code, found.isPackage, parent);
  };
  /** Absolute module name of an import in `unit` (level > 0: relative to its package). */
  const resolve = (unit: ModuleUnit, name: string, level: number): string => {
    if (level === 0) return name;
    let pkg = unit.isPackage ? unit.name : unit.name.includes('.') ? unit.name.slice(0, unit.name.lastIndexOf('.')) : '';
    for (let k = 1; k < level; k++) pkg = pkg.includes('.') ? pkg.slice(0, pkg.lastIndexOf('.')) : '';
    return pkg === '' ? name : name === '' ? pkg : `${pkg}.${name}`;
  };
  /** Where each imported module was first imported (for notes on refusals inside it). */
  const importedAt = new Map<ModuleUnit, { co: CodeObject; i: number }>();
  /** Per IMPORT_NAME of a program module: the chain of modules to import and its result. */
  const chains = new Map<CodeObject, Map<number, { modules: ModuleUnit[]; result: number }>>();
  /** Direct eval(...) calls: the CALL / CALL_KW index and where the caller keeps its locals. */
  const evalSites = new Map<CodeObject, Map<number, EvalScope>>();
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    for (const co of unit.codes) {
      if (!unit.name.startsWith(EVAL_MODULE) && co.names.includes('eval') && !unit.globalIndex.has('eval')) {
        const depths = stackDepths(co);
        for (let i = 0; i < co.ops.length; i++) {
          const j = evalCallSite(co, i, unit.globalIndex, depths);
          if (j < 0) continue;
          let m = evalSites.get(co);
          if (m === undefined) evalSites.set(co, (m = new Map()));
          m.set(j, co === unit.root ? 'module' : isClassBody(co) ? 'class' : 'function');
          load(EVAL_MODULE);
        }
      }
      // Exception groups and except* run Python of runtime/lib (runtime/core/excgroup.ts).
      if (unit.name !== EG_MODULE && (co.names.some((n) => EXCEPTION_GROUP_TYPES.has(n) && !unit.globalIndex.has(n)) || co.ops.some((op) => GENERIC[op] === Op.CHECK_EG_MATCH))) load(EG_MODULE);
      if (unit.name !== OPEN_MODULE && co.names.includes('open') && !unit.globalIndex.has('open')) load(OPEN_MODULE);
      if (unit.name !== BYTES_MODULE && (co.consts.some(hasBytesConst) || co.names.some((n) => BYTES_NAMES.has(n)))) load(BYTES_MODULE);
      for (let i = 0; i < co.ops.length; i++) {
        if (GENERIC[co.ops[i]] !== Op.IMPORT_NAME) continue;
        const levelConst = i >= 2 && GENERIC[co.ops[i - 2]] === Op.LOAD_CONST ? co.consts[co.args[i - 2]] : null;
        const fromConst = i >= 1 && GENERIC[co.ops[i - 1]] === Op.LOAD_CONST ? co.consts[co.args[i - 1]] : null;
        const level = levelConst !== null && levelConst.k === 'int' ? Number(levelConst.v) : 0;
        const abs = resolve(unit, co.names[co.args[i]], level);
        if (abs === '' || (BUILTIN_MODULES as readonly string[]).includes(abs)) continue;
        const parts = abs.split('.');
        const mods: ModuleUnit[] = [];
        for (let k = 1; k <= parts.length; k++) {
          const m = load(parts.slice(0, k).join('.'));
          if (m === null) break;
          mods.push(m);
        }
        if (mods.length !== parts.length) continue; // not a module of the program
        // `from pkg import sub`: a submodule named in the fromlist is imported too.
        const fromlist = fromConst !== null && fromConst.k === 'tuple' ? fromConst.items.map((x) => (x.k === 'str' ? x.v : '')) : [];
        const leaf = mods[mods.length - 1];
        if (leaf.isPackage) for (const f of fromlist) if (f !== '*' && f !== '') { const sub = load(`${leaf.name}.${f}`); if (sub !== null) mods.push(sub); }
        const result = fromlist.length > 0 ? parts.length - 1 : 0;
        let m = chains.get(co);
        if (m === undefined) chains.set(co, (m = new Map()));
        m.set(i, { modules: mods, result });
        for (const u of mods) if (!importedAt.has(u)) importedAt.set(u, { co, i });
      }
    }
  }
  // `from m import *` of a module of the program: its public names become globals here.
  for (const unit of units) {
    for (const co of unit.codes) {
      for (let i = 1; i < co.ops.length; i++) {
        if (GENERIC[co.ops[i]] !== Op.CALL_INTRINSIC_1 || INTRINSICS[co.args[i]] !== 'IMPORT_STAR') continue;
        const c = chains.get(co)?.get(i - 1);
        if (c === undefined) continue;
        const src = c.modules[c.result];
        for (const n of src.globalNames) {
          if (n.startsWith('_') || unit.globalIndex.has(n)) continue;
          unit.globalIndex.set(n, unit.globalNames.length);
          unit.globalNames.push(n);
        }
      }
    }
  }
  const codes = units.flatMap((u) => u.codes);
  const aliasCache = new Map<ModuleUnit, Map<string, BuiltinModule>>();
  const aliasesOf = (u: ModuleUnit): Map<string, BuiltinModule> => {
    let m = aliasCache.get(u);
    if (m === undefined) aliasCache.set(u, (m = builtinModuleAliases(u.codes)));
    return m;
  };
  checkLibraryNames(units.filter((u) => !isLibraryUnit(u)), chains);
  for (const co of codes) {
    try {
      checkSupported(co, co.source, b, unitOf.get(co)!.globalIndex, (i) => chains.get(co)?.has(i) === true, isLibraryUnit(unitOf.get(co)!), aliasesOf(unitOf.get(co)!));
    } catch (e) {
      // A refusal inside a library module names the import of the program that needs it.
      const unit = unitOf.get(co)!;
      if (!(e instanceof CompileError) || !isLibraryUnit(unit)) throw e;
      let u: ModuleUnit | undefined = unit;
      let at = importedAt.get(u);
      while (at !== undefined && isLibraryUnit(unitOf.get(at.co)!)) {
        u = unitOf.get(at.co)!;
        at = importedAt.get(u);
      }
      if (at === undefined) throw e;
      const src = at.co.source;
      const off = at.co.spans[2 * at.i] ?? 0;
      throw new CompileError(e.source, { ...e.diag, message: `${e.diag.message} (in library module '${unit.name}', needed by the import at ${src.filename}:${src.lineOf(off)}:${src.colOf(off) + 1})` });
    }
  }

  // ---- each module's globals (the word after them holds its module object) and descriptor
  const globalsSym = (u: ModuleUnit): string => `globals:${u.symbol}`;
  for (const u of units) {
    b.dataItem(globalsSym(u), 8, (a) => {
      for (const n of u.globalNames) {
        if (n === '__name__') a.u64(sym(`box:${b.str(u.name)}`));
        else if (n === '__file__') a.u64(sym(`box:${b.str(u.file)}`));
        else if (n === '__doc__') a.u64(u.root.docstring === null ? sym('box:obj_None') : sym(`box:${b.str(u.root.docstring)}`));
        else if (n === '__package__') a.u64(sym(`box:${b.str(u.isPackage ? u.name : u.name.includes('.') ? u.name.slice(0, u.name.lastIndexOf('.')) : '')}`));
        else a.u64(UNBOUND);
      }
      a.u64(UNBOUND); // the module object, once imported
    });
  }

  // ---- symbols of code objects
  const codeSym = new Map<CodeObject, string>();
  const entrySym = new Map<CodeObject, string>();
  const used = new Set<string>();
  for (const co of codes) {
    const base = entryName(unitOf.get(co)!.symbol, co);
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}#${k}`;
    used.add(name);
    entrySym.set(co, name);
    codeSym.set(co, `code:${name}`);
  }
  const codeSymbol = (co: CodeObject): string => codeSym.get(co)!;

  // Module descriptors and import chains.
  const modinfoSym = (u: ModuleUnit): string => `modinfo:${u.symbol}`;
  for (const u of units) {
    const names = staticDictData(`modnames:${u.symbol}`, u.globalNames.map((n, i) => ({ key: n, value: { imm: boxInt(BigInt(i)) } })));
    for (const d of names) b.rodataItem(d.name, d.align ?? 8, (a) => d.emit!(a, { defined: () => true }));
    // Strings first: emitting one inside another item would interleave their bytes.
    const nameStr = b.str(u.name);
    const leafStr = b.str(u.name.slice(u.name.lastIndexOf('.') + 1));
    b.rodataItem(modinfoSym(u), 8, (a) => {
      a.u64(sym(codeSym.get(u.root)!));
      a.u64(sym(`box:${nameStr}`));
      a.u64(sym(globalsSym(u)));
      a.u64(u.globalNames.length);
      a.u64(sym(`box:modnames:${u.symbol}`));
      if (u.parent === null) a.u64(0n);
      else a.u64(sym(modinfoSym(u.parent)));
      a.u64(sym(`box:${leafStr}`));
    });
  }
  let chainCount = 0;
  const chainSyms = new Map<CodeObject, Map<number, string>>();
  for (const [co, m] of chains) {
    const out = new Map<number, string>();
    for (const [i, c] of m) {
      const name = `importchain${chainCount++}`;
      b.rodataItem(name, 8, (a) => {
        a.u64(c.modules.length);
        a.u64(c.result);
        for (const mu of c.modules) a.u64(sym(modinfoSym(mu)));
      });
      out.set(i, name);
    }
    chainSyms.set(co, out);
  }
  // Each eval(...) call imports the evaluator (runtime/core/evalcall.ts).
  const evalChain = new Map<CodeObject, Map<number, string>>();
  if (evalSites.size > 0) {
    const name = `importchain${chainCount++}`;
    const evalUnit = byName.get(EVAL_MODULE)!;
    b.rodataItem(name, 8, (a) => {
      a.u64(1);
      a.u64(0);
      a.u64(sym(modinfoSym(evalUnit)));
    });
    for (const [co, m] of evalSites) evalChain.set(co, new Map([...m.keys()].map((j) => [j, name])));
  }

  // The bytes features written in Python import their module through this chain (runtime/core/bytesx.ts).
  const bytesUnit = byName.get(BYTES_MODULE);
  b.rodataItem('rt_bytesx_chain', 8, (a) => {
    a.u64(bytesUnit === undefined ? 0 : 1);
    a.u64(0);
    if (bytesUnit !== undefined) a.u64(sym(modinfoSym(bytesUnit)));
  });

  // atexit's callbacks run at exit through this chain (count 0: no atexit; atexitrt.ts).
  const atexitByName = byName.get('atexit');
  const atexitUnit = atexitByName !== undefined && isLibraryUnit(atexitByName) ? atexitByName : undefined;
  b.rodataItem('rt_atexit_chain', 8, (a) => {
    a.u64(atexitUnit === undefined ? 0 : 1);
    a.u64(0);
    if (atexitUnit !== undefined) a.u64(sym(modinfoSym(atexitUnit)));
  });

  // The builtin open() imports its module through this chain (count 0: the program never names it).
  const openUnit = byName.get(OPEN_MODULE);
  b.rodataItem('rt_open_chain', 8, (a) => {
    a.u64(openUnit === undefined ? 0 : 1);
    a.u64(0);
    if (openUnit !== undefined) a.u64(sym(modinfoSym(openUnit)));
  });

  // Docstrings of builtins (runtime/core/builtindocs.ts): only when a module of the program
  // names __doc__, and only for the builtin functions, types and methods it names.
  const docEntries: [string, string][] = [];
  {
    const named = new Set<string>();
    let wantsDocs = false;
    for (const u of units) {
      if (isLibraryUnit(u)) continue;
      for (const co of u.codes) {
        for (const n of co.names) named.add(n);
        if (co.names.includes('__doc__')) wantsDocs = true;
      }
    }
    if (wantsDocs) {
      for (const m of runtime) {
        for (const f of m.builtins ?? []) if (named.has(f.name) && FUNCTION_DOCS[f.name] !== undefined) docEntries.push([f.entry, FUNCTION_DOCS[f.name]]);
        for (const md of m.methods ?? []) {
          const doc = METHOD_DOCS[`${md.type}.${md.name}`];
          if (doc !== undefined && named.has(md.name) && md.kind !== 'getter' && md.kind !== 'member' && !docEntries.some(([e]) => e === md.entry)) docEntries.push([md.entry, doc]);
        }
      }
      for (const [t, doc] of Object.entries(TYPE_DOCS)) if (named.has(t) && b.definedRuntime.has(`type_${t}`)) docEntries.push([`type_${t}`, doc]);
    }
  }
  const docWords = docEntries.map(([key, doc]) => [key, b.str(doc)] as const);
  b.rodataItem('rt_doc_table', 8, (a) => {
    a.u64(docWords.length);
    for (const [key, str] of docWords) {
      a.u64(sym(key));
      a.u64(sym(`box:${str}`));
    }
  });

  // ---- profile
  const profileOf = (co: CodeObject) => options.profile?.codes[`${basename(co.filename)}:${co.key}`] ?? null;
  // Call sites name their callees by code key (profile.ts).
  const byKey = new Map<string, CodeObject>();
  for (const co of codes) byKey.set(co.key, co);

  const unbound = new Map<CodeObject, Set<number>>();
  // Inline caches: byte offset in INLINE_CACHES of each instruction's words.
  const cacheAt = new Map<CodeObject, Map<number, number>>();
  let cacheBytes = 0;
  const rootCacheAt = new Map<CodeObject, Map<number, number>>();
  let rootCacheWords = 0;
  const env: StitchEnv = {
    constant: (co, i) => wordOf(b.constWord(co.consts[i], codeSymbol)),
    name: (text) => ({ symbol: `box:${b.str(text)}` }),
    builtin: (name) => {
      const s = b.builtinNames.get(name);
      if (s === undefined) throw new Error(`no builtin ${name}`);
      return { symbol: `box:${s}` };
    },
    global: (co, name) => {
      const u = unitOf.get(co)!;
      const i = u.globalIndex.get(name);
      if (i === undefined) throw new Error(`no global slot for ${name}`);
      return { symbol: globalsSym(u), offset: 8 * i };
    },
    moduleGlobals: (co) => globalsSym(unitOf.get(co)!),
    importChain: (co, i) => chainSyms.get(co)?.get(i) ?? evalChain.get(co)!.get(i)!,
    moduleInfo: (co) => modinfoSym(unitOf.get(co)!),
    codeSymbol,
    hiddenSlots: (co) => (isClassBody(co) ? 1 : 0),
    entrySymbol: (co) => entrySym.get(co)!,
    facts: (co, i) => {
      const g = GENERIC[co.ops[i]];
      const globalIndex = unitOf.get(co)!.globalIndex;
      const facts: Record<string, string | number | boolean> = {};
      if (isGeneratorLike(co)) facts.generator = true;
      if (g === Op.LOAD_GLOBAL || g === Op.LOAD_NAME) {
        const name = co.names[co.args[i]];
        // 'shadowed': a module global named like a builtin (the builtin while it is unbound).
        facts.global = globalIndex.has(name) ? (b.builtinNames.has(name) ? 'shadowed' : 'module') : b.builtinNames.has(name) ? 'builtin' : 'missing';
      } else if (g === Op.CALL && co.args[i] === 0 && i > 0 && GENERIC[co.ops[i - 1]] === Op.LOAD_GLOBAL && co.names[co.args[i - 1]] === 'super' && !globalIndex.has('super')) {
        // super() with no arguments: the __class__ cell and the first argument.
        const cell = [...co.cellvars, ...co.freevars].indexOf('__class__');
        if (cell >= 0 && (co.argcount > 0 || (co.flags & CO_VARARGS) !== 0)) {
          facts.super0 = true;
          facts.slot = co.nlocals + cell;
        }
      } else if (g === Op.CALL && i > 0 && localsCallName(co, i - 1, globalIndex) !== null) {
        facts.localsCall = `${localsScope(co)}:${localsCallName(co, i - 1, globalIndex)}`;
      } else if (g === Op.CALL && i > 0 && isGlobalsCall(co, i - 1, globalIndex)) {
        facts.globals0 = true;
        if (globalsStoreAt(co, i - 1)) facts.globalsStore = true;
      } else if (g === Op.SETUP_ANNOTATIONS) {
        facts.classBody = isClassBody(co);
      } else if (g === Op.LOAD_FAST) {
        let s = unbound.get(co);
        if (s === undefined) unbound.set(co, (s = maybeUnboundLoads(co)));
        facts.maybeUnbound = s.has(i);
      } else if (g === Op.LOAD_DEREF || g === Op.DELETE_DEREF) {
        facts.free = co.args[i] >= co.cellvars.length;
      } else if (g === Op.IMPORT_NAME) {
        if ((BUILTIN_MODULES as readonly string[]).includes(co.names[co.args[i]])) facts.module = co.names[co.args[i]];
        else if (chainSyms.get(co)?.has(i) === true) facts.chain = true;
      }
      const evalScope = evalSites.get(co)?.get(i);
      if (evalScope !== undefined) facts.evalCall = evalScope;
      const callee = env.callee(co, i);
      if (callee !== null) facts.callee = entrySym.get(callee)!;
      return facts;
    },
    callee: (co, i) => {
      const p = profileOf(co);
      const site = p?.calls[String(i)];
      if (site === undefined) return null;
      const keys = Object.keys(site);
      if (keys.length !== 1) return null;
      return byKey.get(keys[0]) ?? null;
    },
    cache: (co, i, words) => {
      let m = cacheAt.get(co);
      if (m === undefined) cacheAt.set(co, (m = new Map()));
      let off = m.get(i);
      if (off === undefined) {
        off = cacheBytes;
        m.set(i, off);
        cacheBytes += 8 * words;
      }
      return { symbol: INLINE_CACHES, offset: off };
    },
    rootCache: (co, i) => {
      let m = rootCacheAt.get(co);
      if (m === undefined) rootCacheAt.set(co, (m = new Map()));
      let off = m.get(i);
      if (off === undefined) {
        off = 8 * rootCacheWords++;
        m.set(i, off);
      }
      return { symbol: ROOT_CACHES, offset: off };
    },
  };

  // ---- stitch every function, then its code object
  const functions: CompiledFunction[] = [];
  const textChunks: Chunk[] = [];
  for (const co of codes) {
    let profiled = profileOf(co)?.ops ?? null;
    // An eval(...) call stays generic: its template reads the evalCall fact (the profile saw
    // a call of the interpreter's builtin there).
    const evalCalls = evalSites.get(co);
    if (profiled !== null && evalCalls !== undefined) profiled = profiled.map((op, i) => (evalCalls.has(i) ? OPS[GENERIC[co.ops[i]]].name : op));
    const stitched = stitchFunction(co, env, profiled);
    textChunks.push(stitched.chunk);
    functions.push({ code: co, stitched, entry: entrySym.get(co)!, codeSymbol: codeSym.get(co)! });
    // The evaluator's frames stand for the evaluated code: one `File "<string>"` entry.
    const unitName = unitOf.get(co)!.name;
    const tb = unitName === EG_MODULE || unitName === BYTES_MODULE ? 'hidden' : !unitName.startsWith(EVAL_MODULE) ? 'source' : co.name === '_run' ? 'evalString' : 'hidden';
    emitCodeObject(b, co, codeSym.get(co)!, entrySym.get(co)!, stitched, codeSymbol, tb);
  }
  // The inline caches of every instruction (zero: empty), in bss.
  const cacheSize = Math.max(8, cacheBytes);
  textChunks.push({ name: INLINE_CACHES, section: 'bss', bytes: new Uint8Array(0), size: cacheSize, align: 64, symbols: [{ name: INLINE_CACHES, offset: 0, size: cacheSize, kind: 'object' }], relocs: [] });
  // The rooted cache words: a collector root range like a module's globals (rt_globals_table).
  if (rootCacheWords > 0) {
    textChunks.push({ name: ROOT_CACHES, section: 'bss', bytes: new Uint8Array(0), size: 8 * rootCacheWords, align: 8, symbols: [{ name: ROOT_CACHES, offset: 0, size: 8 * rootCacheWords, kind: 'object' }], relocs: [] });
  }
  b.rodataItem('rt_main_code_ptr', 8, (a) => a.u64(sym(codeSym.get(main.root)!)));
  // sys.modules['__main__'] (runtime/core/sysinfo.ts).
  b.rodataItem('rt_main_modinfo', 8, (a) => a.u64(sym(modinfoSym(main))));
  // The exception-group module when the program has one, else 0 (runtime/core/excgroup.ts).
  const egUnit = byName.get(EG_MODULE);
  b.rodataItem('rt_eg_modinfo', 8, (a) => a.u64(egUnit === undefined ? 0n : sym(modinfoSym(egUnit))));
  b.dataItem('rt_main_globals', 8, (a) => {
    a.u64(sym(globalsSym(main)));
    a.u64(main.globalNames.length);
  });
  b.rodataItem('rt_globals_table', 8, (a) => {
    a.u64(units.length + (rootCacheWords > 0 ? 1 : 0));
    for (const u of units) {
      a.u64(sym(globalsSym(u)));
      a.u64(u.globalNames.length + 1);
    }
    if (rootCacheWords > 0) {
      a.u64(sym(ROOT_CACHES));
      a.u64(rootCacheWords);
    }
  });
  let runtimeChunks = extra.length === 0 ? image.chunks : assembleRuntime(runtime);
  // Methods of builtin types the program never names are left out (unless it reaches
  // attributes by computed names): their type dicts are rebuilt with only the named ones.
  const named = new Set<string>();
  for (const co of codes) for (const n of co.names) named.add(n);
  // str.format fields name attributes too ('{0.real}', '{p.x}').
  for (const co of codes) {
    for (const c of co.consts) {
      if (typeof c !== 'object' || c === null || !('k' in c) || c.k !== 'str') continue;
      for (const field of c.v.matchAll(/\{([^{}!:]*)/g)) for (const m of field[1].matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)/g)) named.add(m[1]);
    }
  }
  const dynamic = ['getattr', 'hasattr', 'setattr', 'delattr', 'dir', 'vars', '__getattribute__'].some((n) => named.has(n));
  if (options.keepAll !== true && !dynamic) {
    // The dunder wrappers of builtin types (wrappers.ts) are reached by name only: through
    // the program's own names, or through the MRO walks of classes it creates.
    const makesClasses = codes.some((co) => co.ops.some((op) => GENERIC[op] === Op.LOAD_BUILD_CLASS));
    // So do the methods a traceback may suggest for an attribute the program uses (". Did you
    // mean: 'upper'?" after "'str' object has no attribute 'uper'": runtime/core/suggest.ts).
    const attrNames = new Set<string>();
    for (const co of codes) co.ops.forEach((op, i) => { if (GENERIC[op] === Op.LOAD_ATTR || GENERIC[op] === Op.LOAD_METHOD) attrNames.add(co.names[co.args[i]]); });
    const near = new Map<string, boolean>();
    const suggestable = (n: string): boolean => {
      let r = near.get(n);
      if (r === undefined) near.set(n, (r = [...attrNames].some((x) => suggestionCandidate(x, n))));
      return r;
    };
    const dicts = typeDictData(runtime, (m) => named.has(m.name) || (m.name.startsWith('__') && (makesClasses || !m.entry.startsWith('rt_wrap'))) || suggestable(m.name));
    runtimeChunks = [...runtimeChunks.filter((c) => !/^rt:(typedict_|mfn_)/.test(c.name)), ...assembleRuntime([{ name: 'program-methods', routines: [], data: dicts }])];
  }
  const programChunks = [...b.chunks(), ...textChunks];
  const roots = ['_start', 'rt_program_main', ...programChunks.flatMap((c) => c.symbols.map((s) => s.name))];
  const chunks = options.keepAll === true ? [...runtimeChunks, ...programChunks] : pruneChunks([...runtimeChunks, ...programChunks], roots);
  return { chunks, functions, mainCode: codeSym.get(main.root)!, mainGlobals: { symbol: globalsSym(main), names: main.globalNames } };
}

/**
 * The static code object: fields of layout.ts CODE, plus its line and snippet tables. `tb`:
 * traceback entries show the source ('source'), nothing ('hidden'), or CPython's entry for
 * code that eval() runs ('evalString', runtime/lib/_edgepyc_eval.py's _run).
 */
function emitCodeObject(b: ProgramBuilder, co: CodeObject, symbol: string, entry: string, stitched: StitchedFunction, codeSymbol: (co: CodeObject) => string, tb: 'source' | 'hidden' | 'evalString'): void {
  const n = co.ops.length;
  // Traceback snippets for every instruction that can raise (those with an EXC_THUNK).
  const raising = new Set<number>();
  for (const p of stitched.pieces) if (p.label === 'EXC_THUNK') raising.add(p.instr);
  const blobParts: string[] = [];
  const blobIndex = new Map<string, number>();
  let blobLen = 0;
  const enc = new TextEncoder();
  const snippetOffsets = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    if (!raising.has(i) || tb === 'hidden') continue;
    const text = tb === 'evalString' ? '  File "<string>", line 1, in <module>\n' : `${codeEntryLines(co, i, '').join('\n')}\n`;
    let off = blobIndex.get(text);
    if (off === undefined) {
      off = blobLen;
      blobIndex.set(text, off);
      blobParts.push(text);
      blobLen += enc.encode(text).length + 1;
    }
    snippetOffsets[i] = off;
  }
  const linesSym = b.rodataItem(`${symbol}.lines`, 4, (a) => {
    for (let i = 0; i < n; i++) a.u32(co.lines[i] >>> 0);
  });
  const snipSym = b.rodataItem(`${symbol}.snippets`, 4, (a) => {
    for (let i = 0; i < n; i++) a.u32(snippetOffsets[i]);
  });
  const blobSym = b.rodataItem(`${symbol}.blob`, 1, (a) => {
    for (const t of blobParts) a.bytes(enc.encode(`${t}\0`));
    a.u8(0);
  });
  const cellSym = b.rodataItem(`${symbol}.cell2arg`, 8, (a) => {
    for (const c of co.cell2arg) a.u64(BigInt(c));
    a.u64(0n);
  });
  const nameSym = b.str(co.name);
  const qualSym = b.str(co.qualname);
  const fileSym = b.str(co.filename);
  const allNames = [...co.varnames, ...co.cellvars, ...co.freevars].map((v) => ({ box: b.str(v) }) as StaticWord);
  const varnamesSym = b.rodataItem(`${symbol}.varnames`, 16, (a) => emitTuple(a, allNames));
  const simple = (co.flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.kwonlyargcount === 0;
  const docWord: StaticWord = { box: co.docstring !== null ? b.str(co.docstring) : 'obj_None' };
  void codeSymbol;
  b.rodataItem(symbol, 16, (a) => {
    emitHeader(a, 'type_code');
    a.u64(sym(entry));
    a.u64(BigInt.asUintN(64, BigInt(simple ? co.argcount : -1)));
    a.u64(co.argcount);
    a.u64(co.posonlyargcount);
    a.u64(co.kwonlyargcount);
    a.u64(co.flags);
    a.u64(co.nlocals);
    a.u64(co.cellvars.length);
    a.u64(co.freevars.length);
    a.u64((isClassBody(co) ? 1 : 0) + co.nlocalsplus + co.stacksize + (isGeneratorLike(co) ? 1 : 0));
    emitWord(a, { box: nameSym });
    emitWord(a, { box: qualSym });
    emitWord(a, { box: varnamesSym });
    emitWord(a, { box: fileSym });
    a.u64(sym(linesSym));
    a.u64(sym(snipSym));
    a.u64(sym(blobSym));
    a.u64(n);
    a.u64(sym(cellSym));
    a.u64(co.firstLine);
    if (stitched.resumeOffset >= 0) a.u64(sym(entry), stitched.resumeOffset);
    else a.u64(0n);
    emitWord(a, docWord);
  });
}
