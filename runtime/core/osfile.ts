// Runtime core: `_edgepyc_os`, the system calls under compiled programs' files (open()).
//
// A native binary has no libc, so the file objects of runtime/nativelib/_edgepyc_files.py
// (open(), FileIO, the buffered and text layers, written in Python) stand on these thin
// wrappers of Linux x86-64 system calls (arch/x86/entry/syscalls/syscall_64.tbl). Each is
// a builtin function with the vector ABI (rdi = args, rsi = nargs, rdx = kwnames | 0) taking
// exactly its positional arguments, each a small int or a bytes object (paths come in
// already encoded and NUL-terminated: every bytes object has a NUL after its data). A
// failing call returns -errno as an int: the Python layer raises the OSError subclass
// with CPython's message, so this file never formats errors. A call interrupted by a
// signal (EINTR) is retried, as CPython's _Py_read/_Py_write do (PEP 475).
//
// The builtin `open` is here too: rt_builtin_open imports _edgepyc_files through the import
// chain the program builder emits as `rt_open_chain` (count 0 when the program never names
// `open`, and then nothing can reach the builtin) and calls that module's `open` with the
// same arguments.

import { type Assembler, type Label, byte, dword, eax, edi, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { BYTES } from '../../src/native/layout.js';
import { boxIntUnchecked, boxPtr, epilogue, g, prologue, unboxInt, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';

/** Linux x86-64 system call numbers. */
const SYS = {
  read: 0,
  write: 1,
  open: 2,
  close: 3,
  stat: 4,
  fstat: 5,
  lseek: 8,
  ftruncate: 77,
  ioctl: 16,
  rename: 82,
  mkdir: 83,
  rmdir: 84,
  unlink: 87,
  getcwd: 79,
  chdir: 80,
  getdents64: 217,
} as const;
const EINTR = 4;
/** ioctl request that succeeds only on a terminal (asm-generic/ioctls.h). */
const TCGETS = 0x5401;
/** struct stat (x86-64): st_mode and st_size offsets. */
const STAT_MODE = 24;
const STAT_SIZE = 48;
const STAT_BYTES = 144;
/** Bytes of the getcwd buffer (PATH_MAX). */
const PATH_MAX = 4096;

type Arg = 'int' | 'bytes';
/**
 * How a wrapper turns its checked arguments into a system call: 'plain' passes them as
 * the call's arguments (bytes as the address of their data); the others are described at
 * their emitters.
 */
type Kind = 'plain' | 'read' | 'write' | 'statmode' | 'fstatmode' | 'fstatsize' | 'getcwd' | 'isatty' | 'getdents' | 'environ';

interface OsFunction {
  readonly args: readonly Arg[];
  readonly kind: Kind;
  readonly nr: number;
  readonly doc: string;
}

/** The functions of `_edgepyc_os`: each returns an int (a count, an fd, 0) or -errno, unless said otherwise. */
const FUNCTIONS: Readonly<Record<string, OsFunction>> = {
  open: { args: ['bytes', 'int', 'int'], kind: 'plain', nr: SYS.open, doc: 'open(path, flags, mode) -> fd' },
  close: { args: ['int'], kind: 'plain', nr: SYS.close, doc: 'close(fd) -> 0' },
  lseek: { args: ['int', 'int', 'int'], kind: 'plain', nr: SYS.lseek, doc: 'lseek(fd, offset, whence) -> new offset' },
  ftruncate: { args: ['int', 'int'], kind: 'plain', nr: SYS.ftruncate, doc: 'ftruncate(fd, length) -> 0' },
  read: { args: ['int', 'int'], kind: 'read', nr: SYS.read, doc: 'read(fd, n) -> bytes of at most n (b"" at end of file), or -errno' },
  write: { args: ['int', 'bytes', 'int'], kind: 'write', nr: SYS.write, doc: 'write(fd, data, start) -> bytes of data[start:] written' },
  stat: { args: ['bytes'], kind: 'statmode', nr: SYS.stat, doc: 'stat(path) -> st_mode' },
  fstat: { args: ['int'], kind: 'fstatmode', nr: SYS.fstat, doc: 'fstat(fd) -> st_mode' },
  fsize: { args: ['int'], kind: 'fstatsize', nr: SYS.fstat, doc: 'fsize(fd) -> st_size' },
  isatty: { args: ['int'], kind: 'isatty', nr: SYS.ioctl, doc: 'isatty(fd) -> 1 for a terminal, else 0' },
  getcwd: { args: [], kind: 'getcwd', nr: SYS.getcwd, doc: 'getcwd() -> bytes of the working directory, or -errno' },
  environ: { args: [], kind: 'environ', nr: 0, doc: 'environ() -> list of bytes, one b"NAME=value" per entry of the process environment' },
  getdents: { args: ['int'], kind: 'getdents', nr: SYS.getdents64, doc: 'getdents(fd) -> bytes of linux_dirent64 records (b"" at the end), or -errno' },
  chdir: { args: ['bytes'], kind: 'plain', nr: SYS.chdir, doc: 'chdir(path) -> 0' },
  unlink: { args: ['bytes'], kind: 'plain', nr: SYS.unlink, doc: 'unlink(path) -> 0' },
  rmdir: { args: ['bytes'], kind: 'plain', nr: SYS.rmdir, doc: 'rmdir(path) -> 0' },
  mkdir: { args: ['bytes', 'int'], kind: 'plain', nr: SYS.mkdir, doc: 'mkdir(path, mode) -> 0' },
  rename: { args: ['bytes', 'bytes'], kind: 'plain', nr: SYS.rename, doc: 'rename(old, new) -> 0' },
};

/** Every function of the native `_edgepyc_os` module, by name: its vector-ABI entry. */
export const osFunctions: Readonly<Record<string, { entry: string }>> = Object.fromEntries(
  Object.keys(FUNCTIONS).map((n) => [n, { entry: `rt_os_${n}` }]),
);

/** Registers holding the checked arguments (callee-saved across the allocation in read/getcwd). */
const ARG_REGS = [r12, r13, r14] as const;

/** `syscall` with eax = nr, retried while it fails with EINTR. */
function syscallRetry(a: Assembler<any>, nr: number, setup: () => void): void {
  const again = a.newLabel();
  const done = a.newLabel();
  a.bind(again);
  setup();
  a.mov(eax, nr);
  a.syscall();
  a.cmp(rax, -EINTR);
  a.jne(done);
  a.jmp(again);
  a.bind(done);
}

function osRoutine(name: string, f: OsFunction): RuntimeRoutine {
  return {
    name: `rt_os_${name}`,
    contract: `_edgepyc_os.${f.doc}: vector ABI; TypeError for other arguments`,
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const local = f.kind === 'getcwd' ? PATH_MAX + 8 : STAT_BYTES;
      const bad = a.newLabel();
      const out = a.newLabel();
      const result = a.newLabel();
      prologue(a, saved, local);
      // Exactly the positional arguments, each of its kind.
      a.test(rdx, rdx);
      a.jne(bad);
      a.cmp(rsi, f.args.length);
      a.jne(bad);
      f.args.forEach((kind, k) => {
        const r = ARG_REGS[k];
        a.mov(r, qword(mem(rdi, 8 * k)));
        a.mov(rax, r);
        a.shr(rax, 48);
        if (kind === 'int') {
          a.cmp(eax, 0xfff9);
          a.jne(bad);
          unboxInt(a, r);
        } else {
          a.cmp(eax, 0xfffc);
          a.jne(bad);
          unboxPtr(a, r);
          a.lea(rax, rip(sym('type_bytes')));
          a.cmp(qword(mem(r)), rax);
          a.jne(bad);
        }
      });
      emitBody(a, f, result, out);
      a.bind(result);
      boxIntUnchecked(a, rax, rcx);
      a.jmp(out);
      a.bind(bad);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(`cstr_os_bad_${name}`)));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, saved, local);
    },
  };
}

/** The system call of `f` on the arguments in ARG_REGS: rax = an int result (jump to `result`) or a value (jump to `out`). */
function emitBody(a: Assembler<any>, f: OsFunction, result: Label, out: Label): void {
  const argAt = (k: number) => (f.args[k] === 'bytes' ? mem(ARG_REGS[k], BYTES.data) : null);
  const loadArgs = (regs: readonly (typeof rdi)[]): void => {
    f.args.forEach((_, k) => {
      const m = argAt(k);
      if (m !== null) a.lea(regs[k], m);
      else a.mov(regs[k], ARG_REGS[k]);
    });
  };
  switch (f.kind) {
    case 'plain':
      syscallRetry(a, f.nr, () => loadArgs([rdi, rsi, rdx]));
      a.jmp(result);
      return;
    case 'write': {
      // write(fd, data + start, len - start); a start outside [0, len] is -EINVAL.
      const range = a.newLabel();
      a.mov(rdx, qword(mem(r13, BYTES.length)));
      a.test(r14, r14);
      a.js(range);
      a.cmp(r14, rdx);
      a.jg(range);
      syscallRetry(a, f.nr, () => {
        a.mov(rdi, r12);
        a.lea(rsi, mem(r13, BYTES.data));
        a.add(rsi, r14);
        a.mov(rdx, qword(mem(r13, BYTES.length)));
        a.sub(rdx, r14);
      });
      a.jmp(result);
      a.bind(range);
      a.mov(rax, -22);
      a.jmp(result);
      return;
    }
    case 'read': {
      // A bytes object of n, read into; a short read is copied into one of its length.
      const neg = a.newLabel();
      const full = a.newLabel();
      a.test(r13, r13);
      a.js(neg);
      a.mov(rdi, r13);
      a.call(sym('rt_bytes_alloc'));
      a.mov(rbx, rax);
      syscallRetry(a, f.nr, () => {
        a.mov(rdi, r12);
        a.lea(rsi, mem(rbx, BYTES.data));
        a.mov(rdx, r13);
      });
      a.test(rax, rax);
      a.js(result);
      a.cmp(rax, r13);
      a.je(full);
      a.lea(rdi, mem(rbx, BYTES.data));
      a.mov(rsi, rax);
      a.call(sym('rt_bytes_from_data'));
      a.jmp(out);
      a.bind(full);
      a.mov(rax, rbx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(neg);
      a.mov(rax, -22);
      a.jmp(result);
      return;
    }
    case 'getdents': {
      // One getdents64 call into a 32 KB bytes object; the records it filled are copied out.
      const size = 32768;
      a.mov(edi, size);
      a.call(sym('rt_bytes_alloc'));
      a.mov(rbx, rax);
      syscallRetry(a, f.nr, () => {
        a.mov(rdi, r12);
        a.lea(rsi, mem(rbx, BYTES.data));
        a.mov(edx, size);
      });
      a.test(rax, rax);
      a.js(result);
      a.lea(rdi, mem(rbx, BYTES.data));
      a.mov(rsi, rax);
      a.call(sym('rt_bytes_from_data'));
      a.jmp(out);
      return;
    }
    case 'environ': {
      // The list stays a root on the value stack while the entries are allocated.
      const loop = a.newLabel();
      const done = a.newLabel();
      const scan = a.newLabel();
      const found = a.newLabel();
      a.xor(edi, edi);
      a.call(sym('rt_list_new'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r15, g('rt_vs_top'));
      a.mov(qword(mem(r15)), rax);
      a.lea(rcx, mem(r15, 8));
      a.mov(g('rt_vs_top'), rcx);
      a.mov(rbx, g('rt_envp'));
      a.test(rbx, rbx);
      a.je(done);
      a.bind(loop);
      a.mov(rdi, qword(mem(rbx)));
      a.test(rdi, rdi);
      a.je(done);
      a.mov(rsi, rdi);
      a.bind(scan);
      a.cmp(byte(mem(rsi)), 0);
      a.je(found);
      a.inc(rsi);
      a.jmp(scan);
      a.bind(found);
      a.sub(rsi, rdi);
      a.call(sym('rt_bytes_from_data'));
      a.mov(rdi, qword(mem(r15)));
      a.mov(rsi, rax);
      a.call(sym('rt_list_append'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(done);
      a.add(rbx, 8);
      a.jmp(loop);
      a.bind(done);
      a.mov(g('rt_vs_top'), r15);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rax, qword(mem(r15)));
      a.jmp(out);
      return;
    }
    case 'getcwd': {
      syscallRetry(a, f.nr, () => {
        a.mov(rdi, rsp);
        a.mov(esi, PATH_MAX);
      });
      a.test(rax, rax);
      a.js(result);
      // The result counts the NUL.
      a.lea(rsi, mem(rax, -1));
      a.mov(rdi, rsp);
      a.call(sym('rt_bytes_from_data'));
      a.jmp(out);
      return;
    }
    case 'statmode':
    case 'fstatmode':
    case 'fstatsize':
      syscallRetry(a, f.nr, () => {
        if (f.kind === 'statmode') a.lea(rdi, mem(r12, BYTES.data));
        else a.mov(rdi, r12);
        a.mov(rsi, rsp);
      });
      a.test(rax, rax);
      a.js(result);
      if (f.kind === 'fstatsize') a.mov(rax, qword(mem(rsp, STAT_SIZE)));
      else a.mov(eax, dword(mem(rsp, STAT_MODE)));
      a.jmp(result);
      return;
    case 'isatty': {
      const no = a.newLabel();
      a.mov(rdi, r12);
      a.mov(esi, TCGETS);
      a.mov(rdx, rsp);
      a.mov(eax, f.nr);
      a.syscall();
      a.test(rax, rax);
      a.jne(no);
      a.mov(eax, 1);
      a.jmp(result);
      a.bind(no);
      a.xor(eax, eax);
      a.jmp(result);
      return;
    }
  }
}

const routines: RuntimeRoutine[] = [
  ...Object.entries(FUNCTIONS).map(([n, f]) => osRoutine(n, f)),
  {
    name: 'rt_builtin_open',
    contract: "open(...) with the vector ABI: _edgepyc_files.open with the same arguments (imported through rt_open_chain) -> its result or EXC",
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14] as const;
      const out = a.newLabel();
      const missing = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.cmp(qword(rip(sym('rt_open_chain'))), 0);
      a.je(missing);
      a.lea(rdi, rip(sym('rt_open_chain')));
      a.call(sym('rt_import_chain'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, g('os_str_open.v'));
      a.call(sym('rt_getattr'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.mov(rdx, r13);
      a.mov(rcx, r14);
      a.call(sym('rt_call'));
      a.jmp(out);
      a.bind(missing);
      a.lea(rdi, rip(sym('type_SystemError')));
      a.lea(rsi, rip(sym('cstr_os_no_open')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
];

const data: RuntimeDatum[] = [
  ...Object.entries(FUNCTIONS).flatMap(([n, f]) => [
    ...builtinFunctionData(`osfn_${n}`, n, `rt_os_${n}`),
    cstr(`cstr_os_${n}`, n),
    cstr(`cstr_os_bad_${n}`, `_edgepyc_os.${n}() takes (${f.args.join(', ')})`),
  ]),
  ...staticStr('os_str_open', 'open'),
  cstr('cstr_os_no_open', 'open() is not linked into this program'),
];

export const osFileModule: RuntimeModule = {
  name: 'osfile',
  routines,
  data,
  builtins: [{ name: 'open', entry: 'rt_builtin_open' }],
};
