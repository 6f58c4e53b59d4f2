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
// struct_time (localtime, gmtime, strftime...) is not provided: modules.ts lists what is,
// and the compiler refuses the rest at compile time.

import { type Assembler, eax, edi, edx, mem, qword, r12, rax, rcx, rdi, rdx, rip, rsi, rsp, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
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

/** Every function of the native time module, by name: its vector-ABI entry. */
export const timeFunctions: Readonly<Record<string, { entry: string }>> = Object.fromEntries([
  ...CLOCKS.map(([n]) => [n, { entry: `rt_time_${n}` }]),
  ['sleep', { entry: 'rt_time_sleep' }],
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
  routines: [...CLOCKS.map(clockRoutine), sleep],
  data: [
    ...functionObjects(),
    cstr('msg_time_no_kw', '%s() takes no keyword arguments'),
    cstr('msg_time_no_args', '%s() takes no arguments (%d given)'),
    cstr('msg_time_one_arg', '%s() takes exactly one argument (%d given)'),
    cstr('msg_time_not_int', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_time_nan', 'Invalid value NaN (not a number)'),
    cstr('msg_time_negative', 'sleep length must be non-negative'),
  ],
};
