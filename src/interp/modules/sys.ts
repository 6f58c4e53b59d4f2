// The sys module and the standard streams.
//
// sys.stdout/stderr/stdin are TextIO objects over file descriptors 1, 2 and 0. stdout is
// block-buffered (flushed at exit, on flush(), before input() and before a traceback) or
// line-buffered when it is a terminal, like CPython; stderr is unbuffered.

import { readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { exactlyOne, fn, getset, method, noArgs, noKw, parseArgs, unpackArity } from '../bi.js';
import { asyncgenHooks } from '../generators.js';
import { intOf } from '../arith.js';
import { pyErr, RecursionError, SystemExit, TypeError, ValueError, newExc } from '../exceptions.js';
import { currentHandled, tstate } from '../frame.js';
import { io, sysRef } from '../builtins/functions.js';
import { PyBaseException, PyModule, PyObject } from '../objects.js';
import { callMethod, isCallable, newList, newTuple, None, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { iteratorType, PyType } from '../typeobj.js';
import { getFrame } from '../builtins/misc.js';
import * as N from '../numeric/index.js';
import { wrapNumeric } from '../arith.js';
import { importState } from '../imports.js';
import { PyFloat } from '../objects.js';
import { structSeq } from '../structseq.js';
import { UnsupportedOperation } from '../builtins/fileio.js';
import { toIndex } from '../containers.js';

export const textIOType = iteratorType('TextIOWrapper');
textIOType.ns.setStr('__module__', '_io');

export class TextStream extends PyObject {
  buf: string[] = [];
  bufLen = 0;
  readonly tty: boolean;
  closed = false;
  /** Pending input (stdin). */
  private pending = '';
  private eof = false;
  constructor(readonly fd: number, readonly name: string, readonly mode: 'r' | 'w', readonly lineBuffered: boolean) {
    super();
    this.cls = textIOType;
    this.tty = safeIsatty(fd);
  }
  write(s: string): void {
    if (this.closed) throw pyErr(ValueError, 'I/O operation on closed file.');
    if (this.fd === 2) {
      writeAll(this.fd, s);
      return;
    }
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.bufLen > 1 << 16 || ((this.tty || this.lineBuffered) && s.includes('\n'))) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const s = this.buf.join('');
    this.buf = [];
    this.bufLen = 0;
    writeAll(this.fd, s);
  }
  readline(): string | null {
    for (;;) {
      const nl = this.pending.indexOf('\n');
      if (nl >= 0) {
        const line = this.pending.slice(0, nl + 1);
        this.pending = this.pending.slice(nl + 1);
        return line;
      }
      if (this.eof) {
        if (this.pending === '') return null;
        const line = this.pending;
        this.pending = '';
        return line;
      }
      this.fill();
    }
  }
  /** At most `n` characters (code points) of the next line; the rest stays pending. */
  readlineLimit(n: number): string {
    const line = this.readline() ?? '';
    const cps = [...line];
    if (cps.length <= n) return line;
    const head = cps.slice(0, n).join('');
    this.pending = line.slice(head.length) + this.pending;
    return head;
  }
  /** At most `n` characters (code points), fewer only at end of input. */
  readChars(n: number): string {
    for (;;) {
      const cps = [...this.pending];
      if (cps.length >= n || this.eof) {
        const head = cps.slice(0, n).join('');
        this.pending = this.pending.slice(head.length);
        return head;
      }
      this.fill();
    }
  }
  readAll(): string {
    while (!this.eof) this.fill();
    const s = this.pending;
    this.pending = '';
    return s;
  }
  private fill(): void {
    const b = Buffer.alloc(65536);
    let n = 0;
    try {
      n = readSync(this.fd, b, 0, b.length, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') return;
      if (e.code === 'EOF' || e.code === 'EBADF') n = 0;
      else throw e;
    }
    if (n === 0) this.eof = true;
    else this.pending += decoder.decode(b.subarray(0, n), { stream: true });
  }
}

const decoder = new TextDecoder('utf-8');

function safeIsatty(fd: number): boolean {
  try {
    return isatty(fd);
  } catch {
    return false;
  }
}

function writeAll(fd: number, s: string): void {
  const b = Buffer.from(s, 'utf8');
  let off = 0;
  while (off < b.length) {
    try {
      off += writeSync(fd, b, off, b.length - off);
    } catch (e: any) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EPIPE') return;
      throw e;
    }
  }
}

export const streams = {
  stdout: null as unknown as TextStream,
  stderr: null as unknown as TextStream,
  stdin: null as unknown as TextStream,
};

function installTextIO(): void {
  const T = textIOType;
  if (T.ns.has('write')) return;
  // CPython's TextIOWrapper: reading stdout or writing stdin is io.UnsupportedOperation
  // ("not readable" / "not writable"); sizes are ints (readline: an index, read and
  // readlines: an int or None), -1 meaning no limit.
  const readable = (v: any): TextStream => {
    const t = v as TextStream;
    if (t.mode !== 'r') throw pyErr(UnsupportedOperation, 'not readable');
    if (t.closed) throw pyErr(ValueError, 'I/O operation on closed file.');
    return t;
  };
  const optSize = (v: any): number => {
    if (v === undefined || v === None) return -1;
    const i = intOf(v);
    if (i === null) throw pyErr(TypeError, `argument should be integer or None, not '${typeName(v)}'`);
    return Number(i);
  };
  method(T, 'write', (a) => {
    const s = a[1];
    if ((a[0] as TextStream).mode !== 'w') throw pyErr(UnsupportedOperation, 'not writable');
    if (typeof s !== 'string') throw pyErr(TypeError, `write() argument must be str, not ${s === None ? 'None' : typeName(s)}`);
    (a[0] as TextStream).write(s);
    return [...s].length;
  });
  method(T, 'writelines', (a) => {
    if ((a[0] as TextStream).mode !== 'w') throw pyErr(UnsupportedOperation, 'not writable');
    for (const s of newList([]).items.concat([...iterStrings(a[1])])) (a[0] as TextStream).write(s);
    return None;
  });
  method(T, 'flush', (a) => {
    (a[0] as TextStream).flush();
    return None;
  });
  method(T, 'readline', (a) => {
    const t = readable(a[0]);
    const n = a.length > 1 ? Number(toIndex(a[1])) : -1;
    return n < 0 ? t.readline() ?? '' : t.readlineLimit(n);
  });
  method(T, 'read', (a) => {
    const t = readable(a[0]);
    const n = optSize(a[1]);
    return n < 0 ? t.readAll() : t.readChars(n);
  });
  method(T, 'readlines', (a) => {
    const t = readable(a[0]);
    const hint = optSize(a[1]);
    const out: string[] = [];
    let total = 0;
    for (;;) {
      const l = t.readline();
      if (l === null) return newList(out);
      out.push(l);
      total += [...l].length;
      if (hint > 0 && total >= hint) return newList(out);
    }
  });
  method(T, '__iter__', (a) => a[0]);
  method(T, '__next__', (a) => {
    const l = readable(a[0]).readline();
    if (l === null) throw newExc(stopIterationRef.t, []);
    return l;
  });
  method(T, 'fileno', (a) => (a[0] as TextStream).fd);
  method(T, 'isatty', (a) => (a[0] as TextStream).tty);
  method(T, 'readable', (a) => (a[0] as TextStream).mode === 'r');
  method(T, 'writable', (a) => (a[0] as TextStream).mode === 'w');
  method(T, 'close', (a) => {
    (a[0] as TextStream).flush();
    (a[0] as TextStream).closed = true;
    return None;
  });
  method(T, '__enter__', (a) => a[0]);
  method(T, '__exit__', () => None);
  method(T, '__repr__', (a) => `<_io.TextIOWrapper name='${(a[0] as TextStream).name}' mode='${(a[0] as TextStream).mode}' encoding='utf-8'>`);
  getset(T, 'encoding', () => 'utf-8');
  getset(T, 'errors', () => 'strict');
  getset(T, 'name', (s: TextStream) => s.name);
  getset(T, 'mode', (s: TextStream) => s.mode);
  getset(T, 'closed', (s: TextStream) => s.closed);
  getset(T, 'line_buffering', (s: TextStream) => s.tty);
}

function* iterStrings(v: any): Generator<string> {
  const items = toArrayRef.f(v);
  for (const s of items) {
    if (typeof s !== 'string') throw pyErr(TypeError, 'write() argument must be str');
    yield s;
  }
}

export const toArrayRef = { f: null as unknown as (v: any) => any[] };
export const stopIterationRef: { t: PyType } = { t: null as unknown as PyType };

/** Make the standard streams (once per process). */
export function initStreams(): void {
  if (streams.stdout !== null) return;
  installTextIO();
  streams.stdout = new TextStream(1, '<stdout>', 'w', false);
  streams.stderr = new TextStream(2, '<stderr>', 'w', true);
  streams.stdin = new TextStream(0, '<stdin>', 'r', false);
  io.stdoutWrite = (s) => streams.stdout.write(s);
  io.flushStdout = () => streams.stdout.flush();
  io.stdinReadline = () => {
    streams.stdout.flush();
    return streams.stdin.readline();
  };
}

/** Build the sys module for a run. */
export function initSys(m: PyModule, argv: string[], path: string[], executable: string): void {
  initStreams();
  const d = m.dict!;
  d.setStr('argv', newList(argv.slice()));
  d.setStr('orig_argv', newList(argv.slice()));
  d.setStr('path', newList(path.slice()));
  d.setStr('modules', importState.modules);
  d.setStr('stdout', streams.stdout);
  d.setStr('stderr', streams.stderr);
  d.setStr('stdin', streams.stdin);
  d.setStr('__stdout__', streams.stdout);
  d.setStr('__stderr__', streams.stderr);
  d.setStr('__stdin__', streams.stdin);
  d.setStr('maxsize', 2n ** 63n - 1n);
  d.setStr('maxunicode', 0x10ffff);
  d.setStr('byteorder', 'little');
  d.setStr('platform', 'linux');
  d.setStr('executable', executable);
  d.setStr('version', '3.11.7 (edgepyc) [TypeScript]');
  d.setStr('version_info', versionInfo());
  d.setStr('hexversion', 0x030b07f0);
  d.setStr('api_version', 1013);
  d.setStr('copyright', 'Copyright (c) edgepyc authors.');
  d.setStr('implementation', implementation());
  d.setStr('dont_write_bytecode', true);
  d.setStr('builtin_module_names', newTuple(['builtins', 'sys', 'math', 'time']));
  d.setStr('float_info', floatInfo());
  d.setStr('int_info', structSeq('sys.int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'], [30, 4, 4300, 640]));
  d.setStr('hash_info', structSeq('sys.hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'], [64, 2305843009213693951n, 314159, 0, 1000003, 'siphash13', 64, 128, 0]));
  d.setStr('flags', structSeq('sys.flags', ['debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits'], [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, false, 1, 0, false, -1]));
  const def = (name: string, impl: (a: any[], kw: any) => any): void => {
    d.setStr(name, fn(name, impl));
  };
  def('exit', (a) => {
    unpackArity('exit', a, 0, 1);
    throw newExc(SystemExit, a.length === 0 ? [] : [a[0]]);
  });
  def('getrecursionlimit', () => tstate.limit);
  def('setrecursionlimit', (a) => {
    const n = intOf(a[0]);
    if (n === null) throw pyErr(TypeError, `'${typeName(a[0])}' object cannot be interpreted as an integer`);
    if (n < 1) throw pyErr(ValueError, 'recursion limit must be greater or equal than 1');
    // CPython's depth counts one more than the frames (the eval loop's own entry).
    const depth = tstate.depth + 1;
    if (n <= depth) throw pyErr(RecursionError, `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`);
    tstate.limit = Number(n);
    return None;
  });
  def('getdefaultencoding', () => 'utf-8');
  def('getfilesystemencoding', () => 'utf-8');
  def('intern', (a, kw) => {
    // CPython's sys_intern (argument clinic, one positional str; Python/sysmodule.c).
    noKw('sys.intern', kw);
    const s = exactlyOne('sys.intern', a);
    if (typeof s !== 'string') throw pyErr(TypeError, `intern() argument must be str, not ${s === None ? 'None' : typeName(s)}`);
    return s;
  });
  def('getsizeof', (a) => {
    const f = typeOf(a[0]).lookup('__sizeof__');
    return f === undefined ? 24 : callMethod(a[0], '__sizeof__', []) + 16;
  });
  def('_getframe', (a) => getFrame(a.length > 0 ? Number(intOf(a[0]) ?? 0) : 0));
  def('exc_info', (a, kw) => {
    noKw('sys.exc_info', kw);
    noArgs('sys.exc_info', a);
    const e = currentHandled();
    if (e === None) return newTuple([None, None, None]);
    return newTuple([typeOf(e), e, (e as PyBaseException).traceback ?? None]);
  });
  def('exception', (a, kw) => {
    noKw('sys.exception', kw);
    noArgs('sys.exception', a);
    return currentHandled();
  });
  def('get_int_max_str_digits', () => N.getIntMaxStrDigits());
  def('set_int_max_str_digits', (a, kw) => {
    const v = a.length > 0 ? a[0] : kw?.get('maxdigits');
    wrapNumeric(() => N.setIntMaxStrDigits(intOf(v)!));
    return None;
  });
  def('getswitchinterval', () => new PyFloat(0.005));
  def('set_asyncgen_hooks', (a, kw) => {
    const args = parseArgs('set_asyncgen_hooks', a, kw, ['firstiter', 'finalizer'], 0);
    for (const [i, name] of [[0, 'firstiter'], [1, 'finalizer']] as const) {
      const v = args[i];
      if (v !== undefined && v !== None && !isCallable(v)) throw pyErr(TypeError, `callable ${name} expected, got ${typeName(v)}`);
    }
    if (args[0] !== undefined) asyncgenHooks.firstiter = args[0];
    if (args[1] !== undefined) asyncgenHooks.finalizer = args[1];
    return None;
  });
  def('get_asyncgen_hooks', () => structSeq('asyncgen_hooks', ['firstiter', 'finalizer'], [asyncgenHooks.firstiter ?? None, asyncgenHooks.finalizer ?? None]));
  def('is_finalizing', () => false);
  def('audit', () => None);
  def('addaudithook', () => None);
  def('displayhook', (a) => {
    if (a[0] !== None) {
      streams.stdout.write(`${reprRef.f(a[0])}\n`);
    }
    return None;
  });
  d.setStr('ps1', '>>> ');
  d.setStr('ps2', '... ');
  sysRef.getStdout = () => d.getStr('stdout');
}

export const reprRef: { f: (v: any) => string } = { f: String };


function versionInfo(): any {
  return structSeq('sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'], [3, 11, 7, 'final', 0]);
}

function floatInfo(): any {
  return structSeq(
    'sys.float_info',
    ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'],
    [new PyFloat(Number.MAX_VALUE), 1024, 308, new PyFloat(2.2250738585072014e-308), -1021, -307, 15, 53, new PyFloat(Number.EPSILON), 2, 1],
  );
}

function implementation(): any {
  const d = new PyDict();
  d.setStr('name', 'edgepyc');
  d.setStr('cache_tag', None);
  d.setStr('version', versionInfo());
  return namespaceHook.make(d);
}

/** The type of sys.implementation (CPython's types.SimpleNamespace, a C type). */
export const namespaceType = iteratorType('SimpleNamespace');
namespaceType.ns.setStr('__module__', 'types');

class PyNamespace extends PyObject {
  constructor(d: PyDict) {
    super();
    this.cls = namespaceType;
    this.dict = d;
  }
}

let namespaceInstalled = false;

function installNamespace(): void {
  if (namespaceInstalled) return;
  namespaceInstalled = true;
  const T = namespaceType;
  T.instanceDict = true;
  method(T, '__repr__', (a) => {
    const parts = [...(a[0] as PyObject).dict!.entries()].map(([k, v]) => `${k}=${reprRef.f(v)}`);
    return `namespace(${parts.join(', ')})`;
  });
  T.modified();
}

export const namespaceHook = {
  make: (d: PyDict): any => {
    installNamespace();
    return new PyNamespace(d);
  },
};
