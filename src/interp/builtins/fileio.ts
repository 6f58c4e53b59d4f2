// open() and the file objects it returns (Modules/_io of CPython 3.11, reduced).
//
// open() validates its mode and arguments with _io.open's messages and opens the file
// with the POSIX flags CPython uses (r: O_RDONLY, w: O_WRONLY|O_CREAT|O_TRUNC,
// a: O_APPEND, x: O_EXCL, +: O_RDWR). Text files (_io.TextIOWrapper) decode UTF-8, ASCII
// or Latin-1 with universal newlines on input and translate "\n" on output as the
// newline argument asks; binary files are _io.BufferedReader/Writer/Random (or _io.FileIO
// with buffering=0). Reads use positional reads at the file's own offset; writes are
// buffered (8 KiB, like io.DEFAULT_BUFFER_SIZE) and flushed before any read, seek, tell
// or close, and for every still-open file when the process exits. OS errors become the
// OSError subclass of their errno with CPython's "[Errno N] strerror: 'name'" text.

import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { fn, getset, method, parseArgs } from '../bi.js';
import { intOf } from '../arith.js';
import * as E from '../exceptions.js';
import { pyErr, TypeError, ValueError } from '../exceptions.js';
import { PyBaseException, PyBoxed, PyByteArray, PyBytes, type PyKwargs, PyObject } from '../objects.js';
import { call, getAttrOpt, isTrue, iterNext, getIter, newList, None, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { bytesType, computeMro, dictType, iteratorType, PyType, typeType } from '../typeobj.js';
import { stopIteration } from '../generators.js';
import { strRepr } from './repr.js';

// ---- types ------------------------------------------------------------------------------------

function ioType(name: string): PyType {
  const t = iteratorType(name);
  t.ns.setStr('__module__', '_io');
  return t;
}

export const textIOWrapperType = ioType('TextIOWrapper');
export const bufferedReaderType = ioType('BufferedReader');
export const bufferedWriterType = ioType('BufferedWriter');
export const bufferedRandomType = ioType('BufferedRandom');
export const fileIOType = ioType('FileIO');

/** io.UnsupportedOperation: both an OSError and a ValueError, as in CPython. */
export const UnsupportedOperation = (() => {
  const d = new PyDict(dictType);
  d.setStr('__module__', 'io');
  const t = new PyType(typeType, 'UnsupportedOperation', [E.OSError, E.ValueError], d, 'exception', false);
  t.mro = computeMro(t);
  return t;
})();

const BUFFER_SIZE = 8192;

type Encoding = 'utf-8' | 'ascii' | 'latin-1';

const ENCODINGS: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', 'utf_8': 'utf-8', 'cp65001': 'utf-8',
  ascii: 'ascii', 'us-ascii': 'ascii', '646': 'ascii',
  'latin-1': 'latin-1', latin1: 'latin-1', 'latin_1': 'latin-1', 'iso-8859-1': 'latin-1', 'iso8859-1': 'latin-1', l1: 'latin-1', 'iso_8859_1': 'latin-1',
};

export class PyFile extends PyObject {
  fd: number;
  closed = false;
  /** The file's current byte offset (where the next read or buffered write goes). */
  pos = 0;
  /**
   * Text files: the offset where the text layer started reading (-1: it holds nothing).
   * CPython's TextIOWrapper reads its buffer in chunks of 8192 bytes and drops what it
   * decoded but did not hand out when it writes, so a write after a read lands after
   * the last chunk read, not at the logical position (writeText).
   */
  textReadBase = -1;
  /** Text files: false while next() iterates (CPython's tell() then raises). */
  telling = true;
  /** Pending output and the offset it starts at. */
  private wbuf: Uint8Array[] = [];
  private wlen = 0;
  private wstart = 0;
  constructor(
    cls: PyType,
    fd: number,
    readonly name: any,
    readonly mode: string,
    readonly readable: boolean,
    readonly writable: boolean,
    readonly appending: boolean,
    readonly created: boolean,
    readonly binary: boolean,
    readonly encodingName: string,
    readonly encoding: Encoding,
    readonly errors: string,
    readonly newline: string | null,
    readonly closefd: boolean,
  ) {
    super();
    this.cls = cls;
    this.fd = fd;
  }

  // ---- raw byte access
  //
  // Reads go through a read-ahead buffer `rbuf` holding the file's bytes from offset
  // `rbase`. The text layer may step back within what it just read (to stop at a line end
  // or a whole character), which works for pipes and terminals too: those are read
  // sequentially, regular files with positional reads at `pos`.

  private rbuf: Uint8Array = new Uint8Array(0);
  private rbase = 0;
  /** Regular files can seek; pipes, terminals and sockets cannot (reads are sequential). */
  seekable = true;

  /** Make rbuf cover [pos, end) as far as the file allows. */
  private fill(end: number): void {
    this.flushBuffer();
    if (this.seekable && (this.pos < this.rbase || this.pos > this.rbase + this.rbuf.length)) {
      this.rbuf = new Uint8Array(0);
      this.rbase = this.pos;
    } else if (this.pos - this.rbase > 65536) {
      // Drop what has been consumed (never anything at or after pos).
      this.rbuf = this.rbuf.slice(this.pos - this.rbase);
      this.rbase = this.pos;
    }
    while (this.rbase + this.rbuf.length < end) {
      const want = Math.max(end - (this.rbase + this.rbuf.length), BUFFER_SIZE);
      const b = Buffer.alloc(want);
      const at = this.rbase + this.rbuf.length;
      const r = osCall(() => readSync(this.fd, b, 0, want, this.seekable ? at : null), this.name);
      if (r === 0) return;
      const nb = new Uint8Array(this.rbuf.length + r);
      nb.set(this.rbuf, 0);
      nb.set(b.subarray(0, r), this.rbuf.length);
      this.rbuf = nb;
    }
  }

  /** Forget read-ahead data (after writes, seeks and truncation). */
  dropReadAhead(): void {
    this.rbuf = new Uint8Array(0);
    this.rbase = this.pos;
  }

  readBytes(n: number): Uint8Array {
    this.fill(this.pos + n);
    const start = this.pos - this.rbase;
    const got = Math.max(0, Math.min(n, this.rbuf.length - start));
    const out = this.rbuf.slice(start, start + got);
    this.pos += got;
    return out;
  }

  readAllBytes(): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const b = this.readBytes(65536);
      if (b.length === 0) break;
      parts.push(b);
      total += b.length;
    }
    return Buffer.concat(parts, total);
  }

  /**
   * Length in bytes of the line starting at pos, terminator included (or up to EOF).
   * `nl` is the newline argument: null and '' end lines at \n, \r and \r\n; the others
   * at that exact sequence. The terminators are ASCII bytes, which never occur inside a
   * UTF-8 or Latin-1 multi-byte character, so the bytes can be scanned undecoded.
   */
  scanLine(nl: string | null): number {
    let i = 0;
    for (;;) {
      let base = this.pos - this.rbase;
      if (i >= this.rbuf.length - base) {
        this.fill(this.pos + i + 1);
        base = this.pos - this.rbase;
        if (i >= this.rbuf.length - base) return this.rbuf.length - base;
      }
      const buf = this.rbuf;
      const avail = buf.length - base;
      for (; i < avail; i++) {
        const c = buf[base + i];
        if (c === 10) {
          if (nl !== '\r' && (nl !== '\r\n' || (i > 0 && buf[base + i - 1] === 13))) return i + 1;
        } else if (c === 13) {
          if (nl === '\r') return i + 1;
          if (nl === null || nl === '') {
            if (i + 1 >= avail) {
              this.fill(this.pos + i + 2);
              const b2 = this.pos - this.rbase;
              return this.rbuf.length - b2 > i + 1 && this.rbuf[b2 + i + 1] === 10 ? i + 2 : i + 1;
            }
            return buf[base + i + 1] === 10 ? i + 2 : i + 1;
          }
        }
      }
    }
  }

  /** Bytes from the current offset without consuming them. */
  peekBytes(n: number): Uint8Array {
    const save = this.pos;
    const b = this.readBytes(n);
    this.pos = save;
    return b;
  }

  writeBytes(b: Uint8Array): void {
    if (b.length === 0) return;
    if (this.wlen === 0) this.wstart = this.pos;
    this.wbuf.push(b);
    this.wlen += b.length;
    this.pos += b.length;
    if (this.wlen >= BUFFER_SIZE) this.flushBuffer();
  }

  flushBuffer(): void {
    if (this.wlen === 0) return;
    const data = Buffer.concat(this.wbuf, this.wlen);
    this.wbuf = [];
    this.wlen = 0;
    let off = 0;
    while (off < data.length) {
      const where = this.appending || !this.seekable ? null : this.wstart + off;
      off += osCall(() => writeSync(this.fd, data, off, data.length - off, where), this.name);
    }
    if (this.appending && this.seekable) this.pos = this.size();
    if (this.seekable) this.dropReadAhead();
  }

  size(): number {
    return osCall(() => fstatSync(this.fd).size, this.name);
  }

  close(): void {
    if (this.closed) return;
    try {
      this.flushBuffer();
    } finally {
      this.closed = true;
      openFiles.delete(this);
      if (this.closefd) {
        try {
          closeSync(this.fd);
        } catch {
          /* already closed by the program (os.close) */
        }
      }
    }
  }
}

/** Files still open: flushed at process exit, as CPython's finalisation does. */
const openFiles = new Set<PyFile>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const f of openFiles) {
      try {
        f.flushBuffer();
      } catch {
        /* nothing can be reported at exit */
      }
    }
  });
}

// ---- OS errors ---------------------------------------------------------------------------------

const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  EACCES: [13, 'Permission denied'],
  EEXIST: [17, 'File exists'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  EMFILE: [24, 'Too many open files'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

function errnoClass(code: string): PyType {
  switch (code) {
    case 'ENOENT': return E.FileNotFoundError;
    case 'EACCES':
    case 'EPERM': return E.PermissionError;
    case 'EEXIST': return E.FileExistsError;
    case 'EISDIR': return E.IsADirectoryError;
    case 'ENOTDIR': return E.NotADirectoryError;
    case 'EPIPE': return E.BrokenPipeError;
    case 'EAGAIN': return E.BlockingIOError;
    default: return E.OSError;
  }
}

/** An OSError subclass for a Node system error, like OSError(errno, strerror[, filename]). */
export function osError(code: string, filename: any): PyBaseException {
  const [errno, strerror] = ERRNO[code] ?? [5, 'Input/output error'];
  const args = filename === undefined ? [errno, strerror] : [errno, strerror, filename];
  return call(errnoClass(code), args) as PyBaseException;
}

function osCall<T>(f: () => T, filename: any): T {
  try {
    return f();
  } catch (e: any) {
    if (e instanceof PyObject) throw e;
    if (e && typeof e.code === 'string') throw osError(e.code, e.syscall === 'open' ? filename : undefined);
    throw e;
  }
}

// ---- open() -------------------------------------------------------------------------------------

function pathArg(v: any): string | number {
  if (typeof v === 'string') return v;
  if (v instanceof PyBoxed && typeof v.value === 'string') return v.value;
  if (typeof v === 'number' || typeof v === 'boolean') {
    const n = Number(intOf(v));
    if (n < 0) throw pyErr(ValueError, 'negative file descriptor');
    return n;
  }
  if (v instanceof PyBytes) return Buffer.from(v.v).toString('utf8');
  const fspath = getAttrOpt(v, '__fspath__');
  if (fspath !== undefined) {
    const p = call(fspath, []);
    if (typeof p === 'string') return p;
    if (p instanceof PyBytes) return Buffer.from(p.v).toString('utf8');
    throw pyErr(TypeError, `expected ${typeName(v)}.__fspath__() to return str or bytes, not ${typeName(p)}`);
  }
  throw pyErr(TypeError, `expected str, bytes or os.PathLike object, not ${typeName(v)}`);
}

function optStr(fname: string, arg: string, v: any): string | null {
  if (v === undefined || v === None) return null;
  if (typeof v === 'string') return v;
  throw pyErr(TypeError, `${fname}() argument '${arg}' must be str or None, not ${typeName(v)}`);
}

function openImpl(a: any[], kw: PyKwargs | null): any {
  const [file, modeArg, buffering, encodingArg, errorsArg, newlineArg, closefdArg, opener] = parseArgs(
    'open', a, kw, ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], 1,
  );
  const mode = modeArg === undefined ? 'r' : modeArg;
  if (typeof mode !== 'string') throw pyErr(TypeError, `open() argument 'mode' must be str, not ${typeName(mode)}`);
  const buf = buffering === undefined ? -1 : intOf(buffering);
  if (buf === null) throw pyErr(TypeError, `'${typeName(buffering)}' object cannot be interpreted as an integer`);
  const encoding = optStr('open', 'encoding', encodingArg);
  const errors = optStr('open', 'errors', errorsArg);
  const newline = optStr('open', 'newline', newlineArg);
  const closefd = closefdArg === undefined ? true : isTrue(closefdArg);
  const path = pathArg(file);

  const seen = new Set<string>();
  for (const c of mode) {
    if (!'rwxabt+'.includes(c) || seen.has(c)) throw pyErr(ValueError, `invalid mode: '${mode}'`);
    seen.add(c);
  }
  const creating = seen.has('x');
  const reading = seen.has('r');
  const writing = seen.has('w');
  const appending = seen.has('a');
  const updating = seen.has('+');
  const text = seen.has('t');
  const binary = seen.has('b');
  if (text && binary) throw pyErr(ValueError, "can't have text and binary mode at once");
  const modes = Number(creating) + Number(reading) + Number(writing) + Number(appending);
  if (modes > 1) throw pyErr(ValueError, 'must have exactly one of create/read/write/append mode');
  if (binary && encoding !== null) throw pyErr(ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors !== null) throw pyErr(ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline !== null) throw pyErr(ValueError, "binary mode doesn't take a newline argument");
  if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) throw pyErr(ValueError, `illegal newline value: ${newline}`);
  // FileIO's own mode check comes after _io.open's argument checks.
  if (modes === 0) throw pyErr(ValueError, 'Must have exactly one of create/read/write/append mode and at most one plus');
  if (!binary && buf === 0) throw pyErr(ValueError, "can't have unbuffered text I/O");
  let enc: Encoding = 'utf-8';
  if (encoding !== null) {
    const e = ENCODINGS[encoding.toLowerCase().replace(/_/g, '-')] ?? ENCODINGS[encoding.toLowerCase()];
    if (e === undefined) throw pyErr(E.LookupError, `unknown encoding: ${encoding}`);
    enc = e;
  }
  if (typeof path === 'number' && !closefd && false) void 0;
  if (typeof path === 'string' && !closefd) throw pyErr(ValueError, 'Cannot use closefd=False with file name');

  let fd: number;
  if (typeof path === 'number') fd = path;
  else if (opener !== undefined && opener !== None) {
    const r = intOf(call(opener, [path, openFlags(creating, reading, writing, appending, updating)]));
    if (r === null || r < 0) throw pyErr(ValueError, `opener returned ${r}`);
    fd = Number(r);
  } else {
    fd = osCall(() => openSync(path, openFlags(creating, reading, writing, appending, updating), 0o666), file);
    let isDir = false;
    try {
      isDir = fstatSync(fd).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      closeSync(fd);
      throw osError('EISDIR', file);
    }
  }
  const readable = reading || updating;
  const writable = writing || appending || creating || updating;
  let cls: PyType;
  if (!binary) cls = textIOWrapperType;
  else if (buf === 0) cls = fileIOType;
  else cls = updating ? bufferedRandomType : reading ? bufferedReaderType : bufferedWriterType;
  const fileMode = binary ? rawMode(creating, appending, readable, writable) : mode;
  const f = new PyFile(
    cls, fd, file, fileMode, readable, writable, appending, creating, binary,
    encoding ?? 'utf-8', enc, errors ?? 'strict', newline, closefd,
  );
  try {
    f.seekable = fstatSync(fd).isFile();
  } catch {
    f.seekable = false;
  }
  if (appending && f.seekable) f.pos = f.size();
  openFiles.add(f);
  installExitHook();
  return f;
}

function openFlags(creating: boolean, reading: boolean, writing: boolean, appending: boolean, updating: boolean): number {
  const C = constants;
  let flags = updating ? C.O_RDWR : reading ? C.O_RDONLY : C.O_WRONLY;
  if (writing) flags |= C.O_CREAT | C.O_TRUNC;
  if (appending) flags |= C.O_CREAT | C.O_APPEND;
  if (creating) flags |= C.O_CREAT | C.O_EXCL;
  return flags;
}

/** FileIO.mode (Modules/_io/fileio.c, mode_string). */
function rawMode(created: boolean, appending: boolean, readable: boolean, writable: boolean): string {
  if (created) return readable ? 'xb+' : 'xb';
  if (appending) return readable ? 'ab+' : 'ab';
  if (readable) return writable ? 'rb+' : 'rb';
  return 'wb';
}

export function openBuiltin(): any {
  installFileTypes();
  return fn('open', openImpl);
}

// ---- text encoding ------------------------------------------------------------------------------

function decodeError(enc: Encoding, b: Uint8Array, pos: number, reason: string, end = pos + 1): PyBaseException {
  const encName = enc === 'latin-1' ? 'latin-1' : enc;
  return call(E.UnicodeDecodeError, [encName, new PyBytes(bytesType, b.slice()), pos, end, reason]) as PyBaseException;
}

/**
 * Decode bytes; `final` false means a truncated multi-byte sequence at the end is left
 * undecoded. Returns the text and how many bytes it used.
 */
function decode(f: PyFile, b: Uint8Array, final: boolean): [string, number] {
  const enc = f.encoding;
  if (enc !== 'utf-8') {
    let s = '';
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (enc === 'ascii' && c > 127) {
        if (f.errors === 'strict') throw decodeError(enc, b, i, 'ordinal not in range(128)');
        s += f.errors === 'ignore' ? '' : '\ufffd';
      } else s += String.fromCharCode(c);
    }
    return [s, b.length];
  }
  let end = b.length;
  if (!final) {
    // Leave an incomplete trailing sequence for the next chunk.
    let k = end - 1;
    let back = 0;
    while (k >= 0 && back < 3 && (b[k] & 0xc0) === 0x80) {
      k--;
      back++;
    }
    if (k >= 0) {
      const lead = b[k];
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (need > back + 1) end = k;
    }
  }
  const part = b.subarray(0, end);
  try {
    return [strictUtf8.decode(part), end];
  } catch {
    return [decodeUtf8Slow(f, part), end];
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8Slow(f: PyFile, b: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let cp = -1;
    let n = 1;
    let reason = 'invalid start byte';
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c <= 0xf4) {
      n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      let v = c & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
      let ok = true;
      for (let k = 1; k < n; k++) {
        const d = b[i + k];
        if (d === undefined) {
          ok = false;
          reason = 'unexpected end of data';
          n = k;
          break;
        }
        const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
        const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
        if (d < lo || d > hi) {
          ok = false;
          reason = 'invalid continuation byte';
          n = k;
          break;
        }
        v = (v << 6) | (d & 0x3f);
      }
      if (ok) cp = v;
    }
    if (cp < 0) {
      if (f.errors === 'strict') throw decodeError('utf-8', b, i, reason, i + n);
      if (f.errors === 'replace') s += '\ufffd';
      else if (f.errors === 'surrogateescape') for (let k = 0; k < n; k++) s += String.fromCharCode(0xdc00 + b[i + k]);
      i += n;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

function encode(f: PyFile, s: string): Uint8Array {
  const enc = f.encoding;
  if (enc === 'utf-8') {
    if (!/[\ud800-\udfff]/.test(s)) return Buffer.from(s, 'utf8');
    const out: number[] = [];
    let pos = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        if (f.errors === 'surrogateescape' && cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
        else if (f.errors === 'strict') throw encodeError('utf-8', s, pos, 'surrogates not allowed');
        else if (f.errors === 'replace') out.push(63);
      } else for (const x of Buffer.from(ch, 'utf8')) out.push(x);
      pos++;
    }
    return Uint8Array.from(out);
  }
  const limit = enc === 'ascii' ? 128 : 256;
  const out: number[] = [];
  let pos = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < limit) out.push(cp);
    else if (f.errors === 'strict') throw encodeError(enc, s, pos, `ordinal not in range(${limit})`);
    else if (f.errors === 'replace') out.push(63);
    pos++;
  }
  return Uint8Array.from(out);
}

function encodeError(enc: string, s: string, pos: number, reason: string): PyBaseException {
  return call(E.UnicodeEncodeError, [enc, s, pos, pos + 1, reason]) as PyBaseException;
}

// ---- text reading -------------------------------------------------------------------------------
//
// Universal newlines (newline=None) read "\r\n" and "\r" as "\n". A "\r" that ends a
// chunk is resolved at once by looking at the next byte, so no state is carried between
// calls (CPython's incremental decoder defers it instead; the text returned is the same).

function charBytes(f: PyFile, c: string): number {
  if (f.encoding !== 'utf-8') return 1;
  const cp = c.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Decode the next chunk at the file offset: [text, bytes it used], or null at EOF. */
function nextChunk(f: PyFile, size: number): [string, number] | null {
  const start = f.pos;
  const chunk = f.readBytes(size);
  f.pos = start;
  if (chunk.length === 0) return null;
  let [raw, used] = decode(f, chunk, chunk.length < size);
  if (used === 0) {
    // Only part of a multi-byte character fits: take the whole character.
    const more = f.readBytes(size + 4);
    f.pos = start;
    [raw, used] = decode(f, more, true);
  }
  return [raw, used];
}

/** After a "\r" read as a line end, a following "\n" belongs to it. */
function swallowLF(f: PyFile): void {
  const b = f.peekBytes(1);
  if (b.length === 1 && b[0] === 10) f.pos++;
}

function readText(f: PyFile, n: number): string {
  if (n < 0) {
    const [s] = decode(f, f.readAllBytes(), true);
    return f.newline === null && s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  }
  let out = '';
  let count = 0;
  while (count < n) {
    const c0 = nextChunk(f, Math.max(n - count, 16) * (f.encoding === 'utf-8' ? 4 : 1));
    if (c0 === null) break;
    const [raw] = c0;
    let i = 0;
    let bytes = 0;
    let lastCR = false;
    while (i < raw.length && count < n) {
      const cu = raw.charCodeAt(i);
      const w = cu >= 0xd800 && cu <= 0xdbff && i + 1 < raw.length ? 2 : 1;
      let c = raw.slice(i, i + w);
      i += w;
      bytes += charBytes(f, c);
      lastCR = false;
      if (f.newline === null && c === '\r') {
        c = '\n';
        lastCR = true;
        if (raw[i] === '\n') {
          i++;
          bytes++;
          lastCR = false;
        }
      }
      out += c;
      count++;
    }
    f.pos += bytes;
    if (lastCR) swallowLF(f);
  }
  return out;
}

/** One line with its terminator (at most `limit` characters when limit >= 0). */
function readLineText(f: PyFile, limit: number): string {
  const start = f.pos;
  const n = f.scanLine(f.newline);
  if (n === 0) return '';
  const [raw, used] = decode(f, f.readBytes(n), true);
  f.pos = start + used;
  const text = f.newline === null && raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (limit < 0) return text;
  // Keep `limit` characters (after translation); consume exactly their bytes.
  let chars = 0;
  let i = 0;
  let bytes = 0;
  let out = '';
  while (i < raw.length && chars < limit) {
    const cu = raw.charCodeAt(i);
    const w = cu >= 0xd800 && cu <= 0xdbff && i + 1 < raw.length ? 2 : 1;
    let c = raw.slice(i, i + w);
    i += w;
    bytes += charBytes(f, c);
    if (f.newline === null && c === '\r') {
      c = '\n';
      if (raw[i] === '\n') {
        i++;
        bytes++;
      }
    }
    out += c;
    chars++;
  }
  f.pos = start + bytes;
  return out;
}

// ---- binary reading ----------------------------------------------------------------------------

function readLineBytes(f: PyFile, limit: number): Uint8Array {
  let n = f.scanLine('\n');
  if (limit >= 0 && n > limit) n = limit;
  return f.readBytes(n);
}

// ---- methods ------------------------------------------------------------------------------------

function checkOpen(f: PyFile, msg = 'I/O operation on closed file.'): void {
  if (f.closed) throw pyErr(ValueError, msg);
}

function checkReadable(f: PyFile): void {
  if (!f.readable) throw pyErr(UnsupportedOperation, f.binary ? 'read' : 'not readable');
}

function checkWritable(f: PyFile): void {
  if (!f.writable) throw pyErr(UnsupportedOperation, f.binary ? 'write' : 'not writable');
}

function sizeArg(v: any): number {
  if (v === undefined || v === None) return -1;
  const i = intOf(v);
  if (i === null) throw pyErr(TypeError, `argument should be integer or None, not '${typeName(v)}'`);
  return Number(i);
}

function bytesLike(v: any): Uint8Array {
  if (v instanceof PyBytes) return v.v;
  if (v instanceof PyByteArray) return v.bytes().slice();
  const mv = memoryviewBytesRef.f(v);
  if (mv !== null) return mv;
  throw pyErr(TypeError, `a bytes-like object is required, not '${typeName(v)}'`);
}

export const memoryviewBytesRef: { f: (v: any) => Uint8Array | null } = { f: () => null };

function newBytes(b: Uint8Array): PyBytes {
  return new PyBytes(bytesType, b instanceof Buffer ? new Uint8Array(b.buffer, b.byteOffset, b.length).slice() : b);
}

function fileRepr(f: PyFile): string {
  const t = f.cls.name;
  if (f.cls === fileIOType) {
    if (f.closed) return '<_io.FileIO [closed]>';
    return `<_io.FileIO name=${nameRepr(f.name)} mode='${f.mode}' closefd=${f.closefd ? 'True' : 'False'}>`;
  }
  if (f.cls === textIOWrapperType) return `<_io.TextIOWrapper name=${nameRepr(f.name)} mode='${f.mode}' encoding='${f.encodingName}'>`;
  return `<_io.${t} name=${nameRepr(f.name)}>`;
}

function nameRepr(n: any): string {
  if (typeof n === 'string') return strRepr(n);
  if (typeof n === 'number') return String(n);
  return reprHook.f(n);
}

export const reprHook: { f: (v: any) => string } = { f: String };

function writeText(f: PyFile, v: any): number {
  checkOpen(f);
  let s = v;
  if (s instanceof PyBoxed && typeof s.value === 'string') s = s.value;
  if (typeof s !== 'string') throw pyErr(TypeError, `write() argument must be str, not ${typeName(v)}`);
  checkWritable(f);
  if (f.textReadBase >= 0) {
    // The chunks the text layer has read are consumed (see PyFile.textReadBase).
    const read = f.pos - f.textReadBase;
    if (read > 0 && f.seekable) {
      f.flushBuffer();
      const end = Math.min(f.size(), f.textReadBase + Math.ceil(read / BUFFER_SIZE) * BUFFER_SIZE);
      if (end > f.pos) f.pos = end;
      f.dropReadAhead();
    }
    f.textReadBase = -1;
  }
  const nl = f.newline;
  let out = s;
  if (nl !== null && nl !== '' && nl !== '\n') out = s.replace(/\n/g, nl);
  f.writeBytes(encode(f, out));
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** tell/seek on a pipe or terminal: text files say so, binary ones get the OS error. */
function notSeekable(f: PyFile): PyBaseException {
  return f.binary ? osError('ESPIPE', undefined) : pyErr(UnsupportedOperation, 'underlying stream is not seekable');
}

function seekImpl(f: PyFile, a: any[]): number {
  if (!f.seekable) throw notSeekable(f);
  const offArg = a[1];
  const off = intOf(offArg);
  if (off === null) throw pyErr(TypeError, `'${typeName(offArg)}' object cannot be interpreted as an integer`);
  const whence = a.length > 2 ? Number(intOf(a[2]) ?? 0) : 0;
  f.flushBuffer();
  const o = Number(off);
  if (!f.binary) {
    if (whence === 1 && o !== 0) throw pyErr(UnsupportedOperation, "can't do nonzero cur-relative seeks");
    if (whence === 2 && o !== 0) throw pyErr(UnsupportedOperation, "can't do nonzero end-relative seeks");
    if (whence === 0 && o < 0) throw pyErr(ValueError, `negative seek position ${o}`);
  }
  let np: number;
  if (whence === 0) np = o;
  else if (whence === 1) np = f.pos + o;
  else if (whence === 2) np = f.size() + o;
  else throw pyErr(ValueError, f.binary ? `whence value ${whence} unsupported` : `invalid whence (${whence}, should be 0, 1 or 2)`);
  if (np < 0) throw osError('EINVAL', undefined);
  f.pos = np;
  f.textReadBase = -1;
  f.dropReadAhead();
  return np;
}

function installFileTypes(): void {
  if (textIOWrapperType.ns.has('read')) return;
  const all = [textIOWrapperType, bufferedReaderType, bufferedWriterType, bufferedRandomType, fileIOType];
  for (const T of all) {
    method(T, '__repr__', (a) => fileRepr(a[0]));
    method(T, 'close', (a) => {
      (a[0] as PyFile).close();
      return None;
    });
    method(T, 'flush', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, f.binary ? 'flush of closed file' : 'I/O operation on closed file.');
      f.flushBuffer();
      return None;
    });
    method(T, 'fileno', (a) => {
      checkOpen(a[0]);
      return (a[0] as PyFile).fd;
    });
    method(T, 'isatty', (a) => {
      checkOpen(a[0]);
      return false;
    });
    method(T, 'readable', (a) => {
      checkOpen(a[0]);
      return (a[0] as PyFile).readable;
    });
    method(T, 'writable', (a) => {
      checkOpen(a[0]);
      return (a[0] as PyFile).writable;
    });
    method(T, 'seekable', (a) => {
      checkOpen(a[0]);
      return (a[0] as PyFile).seekable;
    });
    method(T, 'tell', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f);
      if (!f.seekable) throw notSeekable(f);
      if (!f.binary && !f.telling) throw pyErr(E.OSError, 'telling position disabled by next() call');
      f.flushBuffer();
      return f.pos;
    });
    method(T, 'seek', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, f.binary && f.cls !== fileIOType ? 'seek of closed file' : 'I/O operation on closed file.');
      if (a.length < 2) throw pyErr(TypeError, `seek expected at least 1 argument, got ${a.length - 1}`);
      return seekImpl(f, a);
    });
    method(T, 'truncate', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f);
      checkWritable(f);
      f.flushBuffer();
      f.textReadBase = -1;
      const size = a.length > 1 && a[1] !== None ? Number(intOf(a[1])) : f.pos;
      osCall(() => ftruncateSync(f.fd, size), undefined);
      f.dropReadAhead();
      return size;
    });
    method(T, '__enter__', (a) => {
      checkOpen(a[0]);
      return a[0];
    });
    method(T, '__exit__', (a) => {
      (a[0] as PyFile).close();
      return None;
    });
    method(T, '__iter__', (a) => {
      checkOpen(a[0]);
      return a[0];
    });
    method(T, '__next__', (a) => {
      const f = a[0] as PyFile;
      if (!f.binary) f.telling = false;
      const line = readLine(f, -1);
      if ((typeof line === 'string' && line === '') || (line instanceof PyBytes && line.v.length === 0)) {
        f.telling = true;
        throw stopIteration(None);
      }
      return line;
    });
    method(T, 'readline', (a) => readLine(a[0], sizeArg(a[1])));
    method(T, 'readlines', (a) => {
      const f = a[0] as PyFile;
      const hint = sizeArg(a[1]);
      const out: any[] = [];
      let total = 0;
      for (;;) {
        const line = readLine(f, -1);
        const n = typeof line === 'string' ? line.length : (line as PyBytes).v.length;
        if (n === 0) break;
        out.push(line);
        total += n;
        if (hint > 0 && total >= hint) break;
      }
      return newList(out);
    });
    method(T, 'writelines', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f);
      const it = getIter(a[1]);
      for (;;) {
        const x = iterNext(it);
        if (x === undefined) break;
        if (f.binary) {
          checkWritable(f);
          f.writeBytes(bytesLike(x));
        } else writeText(f, x);
      }
      return None;
    });
    getset(T, 'closed', (f: PyFile) => f.closed);
    getset(T, 'name', (f: PyFile) => f.name);
    getset(T, 'mode', (f: PyFile) => f.mode);
    T.instanceDict = false;
  }
  const X = textIOWrapperType;
  method(X, 'read', (a) => {
    const f = a[0] as PyFile;
    checkOpen(f);
    checkReadable(f);
    if (f.textReadBase < 0) f.textReadBase = f.pos;
    return readText(f, sizeArg(a[1]));
  });
  method(X, 'write', (a) => writeText(a[0], a[1]));
  method(X, 'detach', () => {
    throw pyErr(UnsupportedOperation, 'detach');
  });
  method(X, 'reconfigure', () => None);
  getset(X, 'encoding', (f: PyFile) => f.encodingName);
  getset(X, 'errors', (f: PyFile) => f.errors);
  getset(X, 'newlines', () => None);
  getset(X, 'line_buffering', () => false);
  getset(X, 'write_through', () => false);
  for (const T of [bufferedReaderType, bufferedWriterType, bufferedRandomType, fileIOType]) {
    method(T, 'read', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, f.cls === fileIOType ? 'I/O operation on closed file' : 'read of closed file');
      checkReadable(f);
      const n = sizeArg(a[1]);
      return newBytes(n < 0 ? f.readAllBytes() : f.readBytes(n));
    });
    method(T, 'read1', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, 'read of closed file');
      checkReadable(f);
      const n = sizeArg(a[1]);
      return newBytes(n < 0 ? f.readBytes(BUFFER_SIZE) : f.readBytes(n));
    });
    method(T, 'readall', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f);
      checkReadable(f);
      return newBytes(f.readAllBytes());
    });
    method(T, 'peek', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, 'peek of closed file');
      checkReadable(f);
      return newBytes(f.peekBytes(BUFFER_SIZE));
    });
    method(T, 'readinto', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, 'readinto of closed file');
      checkReadable(f);
      const dst = a[1];
      if (!(dst instanceof PyByteArray)) throw pyErr(TypeError, `readinto() argument must be read-write bytes-like object, not ${typeName(dst)}`);
      const b = f.readBytes(dst.len);
      dst.v.set(b, 0);
      return b.length;
    });
    method(T, 'write', (a) => {
      const f = a[0] as PyFile;
      checkOpen(f, f.cls === fileIOType ? 'I/O operation on closed file' : 'write to closed file');
      const b = bytesLike(a[1]);
      checkWritable(f);
      f.writeBytes(b);
      return b.length;
    });
    getset(T, 'raw', (f: PyFile) => f);
  }
}

function readLine(f: PyFile, limit: number): any {
  if (f.binary) {
    checkOpen(f, 'readline of closed file');
    checkReadable(f);
    return newBytes(readLineBytes(f, limit));
  }
  checkOpen(f);
  checkReadable(f);
  if (f.textReadBase < 0) f.textReadBase = f.pos;
  return readLineText(f, limit);
}
