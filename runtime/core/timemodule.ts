// Runtime core: the clock functions of the `time` module for compiled programs (CPython's
// Modules/timemodule.c): time, time_ns, monotonic, monotonic_ns, perf_counter,
// perf_counter_ns, process_time, process_time_ns and sleep. Each is a builtin function
// with the vector ABI (rdi = args, rsi = nargs, rdx = kwnames | 0) over the raw
// clock_gettime and nanosleep system calls, so no libc and no vDSO.
//
// Float results are CPython's _PyTime_AsSecondsDouble: the clock read as an int64 count of
// nanoseconds, converted to a double and divided by 1e9. perf_counter and monotonic are
// both CLOCK_MONOTONIC, as in CPython on Linux. sleep(secs) takes an int or a float
// (bools and big ints through rt_float_as_double), rounds up to whole nanoseconds
// (_PyTime_ROUND_TIMEOUT) and sleeps again for the rest when a signal interrupts it.
// These are the functions of the native module `_edgepyc_time`; the `time` module of
// compiled programs is runtime/nativelib/time.py (struct_time, gmtime, localtime, mktime,
// strftime, asctime, ctime in Python over them); the compiler refuses the rest.

import { type Assembler, byte, eax, edi, edx, esi, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { BYTES } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { LiteralPool } from './floatkit.js';

/** Linux x86-64 system call numbers and clock ids (linux/time.h). */
const SYS_NANOSLEEP = 35;
const SYS_CLOCK_GETTIME = 228;
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_PROCESS_CPUTIME_ID = 2;
const EINTR = 4;

/** The clock functions: [name, clock id, result kind]. */
const CLOCKS = [
  ['time', CLOCK_REALTIME, 'float'],
  ['time_ns', CLOCK_REALTIME, 'ns'],
  ['monotonic', CLOCK_MONOTONIC, 'float'],
  ['monotonic_ns', CLOCK_MONOTONIC, 'ns'],
  ['perf_counter', CLOCK_MONOTONIC, 'float'],
  ['perf_counter_ns', CLOCK_MONOTONIC, 'ns'],
  ['process_time', CLOCK_PROCESS_CPUTIME_ID, 'float'],
  ['process_time_ns', CLOCK_PROCESS_CPUTIME_ID, 'ns'],
] as const;

/**
 * Every function of the native module `_edgepyc_time`, by name: its vector-ABI entry. The
 * `time` module compiled programs import is runtime/nativelib/time.py, which re-exports
 * the clocks and sleep and builds struct_time, gmtime, localtime, strftime... in Python over
 * `_readfile` (the TZif zone files) and `_tzenv` (the TZ variable).
 */
export const timeFunctions: Readonly<Record<string, { entry: string }>> = Object.fromEntries([
  ...CLOCKS.map(([n]) => [n, { entry: `rt_time_${n}` }]),
  ['sleep', { entry: 'rt_time_sleep' }],
  ['_readfile', { entry: 'rt_time__readfile' }],
  ['_tzenv', { entry: 'rt_time__tzenv' }],
]);

/** `if (kwnames) raise TypeError("time.NAME() takes no keyword arguments")`, else continue. */
function noKeywords(a: Assembler<any>, name: string, raised: ReturnType<Assembler<any>['newLabel']>): void {
  const ok = a.newLabel();
  a.test(rdx, rdx);
  a.je(ok);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_time_no_kw')));
  a.lea(rdx, rip(sym(`cstr_timefn_${name}`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(raised);
  a.bind(ok);
}

/** rax = the clock `id` in nanoseconds (an int64); uses the 16 bytes at [rsp]. */
function readClock(a: Assembler<any>, id: number): void {
  a.mov(edi, id);
  a.mov(rsi, rsp);
  a.mov(eax, SYS_CLOCK_GETTIME);
  a.syscall();
  a.mov(rax, qword(mem(rsp, 0)));
  a.imul(rax, rax, 1_000_000_000);
  a.add(rax, qword(mem(rsp, 8)));
}

function clockRoutine([name, id, kind]: (typeof CLOCKS)[number]): RuntimeRoutine {
  return {
    name: `rt_time_${name}`,
    contract: `time.${name}() with the vector ABI -> ${kind === 'ns' ? 'int nanoseconds' : 'float seconds'} of clock ${id}, or EXC (TypeError for arguments)`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const noArgs = a.newLabel();
      const pool = new LiteralPool(a);
      prologue(a, [], 24);
      noKeywords(a, name, out);
      a.test(rsi, rsi);
      a.je(noArgs);
      a.mov(rcx, rsi);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_time_no_args')));
      a.lea(rdx, rip(sym(`cstr_timefn_${name}`)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(noArgs);
      readClock(a, id);
      if (kind === 'ns') {
        a.mov(rdi, rax);
        a.call(sym('rt_int_from_i64'));
      } else {
        a.cvtsi2sd(xmm0, rax);
        a.divsd(xmm0, pool.f64(1e9));
        a.movq(rax, xmm0);
      }
      a.bind(out);
      epilogue(a, [], 24);
      pool.emit();
    },
  };
}

const sleep: RuntimeRoutine = {
  name: 'rt_time_sleep',
  contract: 'time.sleep(secs) with the vector ABI -> None after at least secs seconds, or EXC (TypeError for a non-number or wrong arguments, ValueError for a negative or NaN length)',
  emit(a: Assembler<any>) {
    const out = a.newLabel();
    const one = a.newLabel();
    const number = a.newLabel();
    const notNan = a.newLabel();
    const nonNegative = a.newLabel();
    const again = a.newLabel();
    const slept = a.newLabel();
    const pool = new LiteralPool(a);
    prologue(a, [r12], 40);
    noKeywords(a, 'sleep', out);
    a.cmp(rsi, 1);
    a.je(one);
    a.mov(rcx, rsi);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_time_one_arg')));
    a.lea(rdx, rip(sym('cstr_timefn_sleep')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(one);
    a.mov(r12, qword(mem(rdi, 0)));
    a.mov(rdi, r12);
    a.call(sym('rt_float_as_double'));
    a.cmp(eax, 1);
    a.je(number);
    const typeErr = a.newLabel();
    a.test(eax, eax);
    a.je(typeErr);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(out);
    a.bind(typeErr);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_time_not_int')));
    a.mov(rdx, r12);
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(number);
    a.ucomisd(xmm0, xmm0);
    a.jnp(notNan);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_time_nan')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(notNan);
    a.xorpd(xmm1, xmm1);
    a.ucomisd(xmm0, xmm1);
    a.jae(nonNegative);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_time_negative')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(nonNegative);
    // Whole nanoseconds, rounded up; lengths past 2**63 ns (292 years) sleep that long.
    a.mulsd(xmm0, pool.f64(1e9));
    a.minsd(xmm0, pool.f64(9.2e18));
    a.cvttsd2si(rax, xmm0);
    a.cvtsi2sd(xmm1, rax);
    a.ucomisd(xmm0, xmm1);
    const exact = a.newLabel();
    a.jbe(exact);
    a.add(rax, 1);
    a.bind(exact);
    // timespec at [rsp] = {ns / 1e9, ns % 1e9}; the remainder after a signal at [rsp + 16].
    a.xor(edx, edx);
    a.mov(rcx, 1_000_000_000);
    a.div(rcx);
    a.mov(qword(mem(rsp, 0)), rax);
    a.mov(qword(mem(rsp, 8)), rdx);
    a.bind(again);
    a.mov(rdi, rsp);
    a.lea(rsi, mem(rsp, 16));
    a.mov(eax, SYS_NANOSLEEP);
    a.syscall();
    a.cmp(rax, -EINTR);
    a.jne(slept);
    a.mov(rax, qword(mem(rsp, 16)));
    a.mov(qword(mem(rsp, 0)), rax);
    a.mov(rax, qword(mem(rsp, 24)));
    a.mov(qword(mem(rsp, 8)), rax);
    a.jmp(again);
    a.bind(slept);
    a.mov(rax, g('rt_const_None'));
    a.bind(out);
    epilogue(a, [r12], 40);
    pool.emit();
  },
};

/** Linux x86-64 system calls and flags for _readfile (asm-generic/fcntl.h, struct stat). */
const SYS_READ = 0;
const SYS_OPEN = 2;
const SYS_CLOSE = 3;
const SYS_FSTAT = 5;
const O_RDONLY_CLOEXEC = 0o2000000;
const STAT_SIZE = 48;
/** Zone files are a few kB; anything past this is not one. */
const READFILE_MAX = 1 << 24;

/**
 * _readfile(path: bytes) -> the whole file as bytes, or None when it cannot be opened or
 * read (the Python layer then falls back as glibc does: UTC). Paths arrive encoded; every
 * bytes object has a NUL after its data, so the data is the C string open(2) takes.
 */
const readfile: RuntimeRoutine = {
  name: 'rt_time__readfile',
  contract: '_edgepyc_time._readfile(path) with the vector ABI -> bytes of the file, None when it cannot be read, or EXC (TypeError for bad arguments); may allocate',
  emit(a: Assembler<any>) {
    // Locals: [0, 144) struct stat. r12 = fd, r13 = the bytes (raw), r14 = bytes read.
    const saved = [r12, r13, r14] as const;
    const LOCALS = 160;
    const out = a.newLabel();
    const none = a.newLabel();
    const closeNone = a.newLabel();
    const bad = a.newLabel();
    prologue(a, saved, LOCALS);
    a.test(rdx, rdx);
    a.jne(bad);
    a.cmp(rsi, 1);
    a.jne(bad);
    a.mov(r12, qword(mem(rdi, 0)));
    a.mov(rdi, r12);
    a.lea(rsi, rip(sym('type_bytes')));
    a.call(sym('rt_isinstance_type'));
    a.test(eax, eax);
    a.je(bad);
    a.mov(rdi, r12);
    unboxPtr(a, rdi);
    a.add(rdi, BYTES.data);
    a.mov(esi, O_RDONLY_CLOEXEC);
    a.xor(edx, edx);
    a.mov(eax, SYS_OPEN);
    a.syscall();
    a.test(rax, rax);
    a.js(none);
    a.mov(r12, rax);
    a.mov(rdi, r12);
    a.mov(rsi, rsp);
    a.mov(eax, SYS_FSTAT);
    a.syscall();
    a.test(rax, rax);
    a.js(closeNone);
    a.mov(rdi, qword(mem(rsp, STAT_SIZE)));
    a.cmp(rdi, READFILE_MAX);
    a.ja(closeNone);
    a.call(sym('rt_bytes_alloc'));
    a.mov(r13, rax);
    a.xor(r14, r14);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(r14, qword(mem(r13, BYTES.length)));
    a.jae(done);
    a.mov(rdi, r12);
    a.lea(rsi, mem(r13, BYTES.data));
    a.add(rsi, r14);
    a.mov(rdx, qword(mem(r13, BYTES.length)));
    a.sub(rdx, r14);
    a.mov(eax, SYS_READ);
    a.syscall();
    a.cmp(rax, -EINTR);
    a.je(loop);
    a.test(rax, rax);
    a.jle(closeNone); // an error, or the file shrank: not a file to trust
    a.add(r14, rax);
    a.jmp(loop);
    a.bind(done);
    a.mov(rdi, r12);
    a.mov(eax, SYS_CLOSE);
    a.syscall();
    a.mov(rax, r13);
    boxPtr(a, rax, rcx);
    a.bind(out);
    epilogue(a, saved, LOCALS);
    a.bind(closeNone);
    a.mov(rdi, r12);
    a.mov(eax, SYS_CLOSE);
    a.syscall();
    a.bind(none);
    a.mov(rax, g('rt_const_None'));
    a.jmp(out);
    a.bind(bad);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_time_readfile')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
  },
};

/** _tzenv() -> the TZ environment variable as a str (Latin-1 decoded), or None when unset. */
const tzenv: RuntimeRoutine = {
  name: 'rt_time__tzenv',
  contract: '_edgepyc_time._tzenv() with the vector ABI -> str or None; may allocate',
  emit(a: Assembler<any>) {
    const none = a.newLabel();
    const out = a.newLabel();
    prologue(a, [r12], 0);
    a.lea(rdi, rip(sym('cstr_time_tz')));
    a.call(sym('rt_getenv'));
    a.test(rax, rax);
    a.je(none);
    a.mov(r12, rax);
    a.xor(esi, esi);
    const len = a.newLabel();
    const lenDone = a.newLabel();
    a.bind(len);
    a.cmp(byte(sib(r12, rsi, 1)), 0);
    a.je(lenDone);
    a.inc(rsi);
    a.jmp(len);
    a.bind(lenDone);
    a.mov(rdi, r12);
    a.mov(edx, 1);
    a.call(sym('rt_str_new_from'));
    a.jmp(out);
    a.bind(none);
    a.mov(rax, g('rt_const_None'));
    a.bind(out);
    epilogue(a, [r12], 0);
  },
};

/** The static builtin-function objects `timefn_NAME` and the C strings naming them. */
function functionObjects(): RuntimeDatum[] {
  return Object.entries(timeFunctions).flatMap(([name, f]) => [
    ...builtinFunctionData(`timefn_${name}`, name, f.entry),
    cstr(`cstr_timefn_${name}`, `time.${name}`),
    cstr(`cstr_time_${name}`, name),
  ]);
}

export const timeModule: RuntimeModule = {
  name: 'time',
  routines: [...CLOCKS.map(clockRoutine), sleep, readfile, tzenv],
  data: [
    ...functionObjects(),
    cstr('msg_time_no_kw', '%s() takes no keyword arguments'),
    cstr('msg_time_no_args', '%s() takes no arguments (%d given)'),
    cstr('msg_time_one_arg', '%s() takes exactly one argument (%d given)'),
    cstr('msg_time_not_int', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_time_nan', 'Invalid value NaN (not a number)'),
    cstr('msg_time_negative', 'sleep length must be non-negative'),
    cstr('msg_time_readfile', '_readfile() takes exactly one bytes argument'),
    cstr('cstr_time_tz', 'TZ'),
  ],
};
