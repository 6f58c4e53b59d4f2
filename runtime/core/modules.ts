// Runtime core: module objects, `import` of the builtin modules, and the sys module.
//
// A module object (layout.ts MODULE) holds its name and a dict namespace; attribute access
// goes through the module type's getattr/setattr slots. Builtin modules are created at
// start-up by rt_modules_init; `import sys` finds them in a small table of
// (name, module) pairs. The sys module carries argv (from the process arguments), the
// standard streams (TextIOWrapper objects writing to fd 1 and 2) and the recursion limit.

import { type Assembler, byte, eax, ebx, ecx, edi, esi, mem, qword, r12, r13, r14, r15, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxFloat, boxInt, MODULE, STR } from '../../src/native/layout.js';
import { mathConstants, mathFunctions } from './mathmodule.js';
import { osFunctions } from './osfile.js';
import { timeFunctions } from './timemodule.js';
import { abcflagsFunctions } from './abcflags.js';
import { SYS_STRUCTSEQ_NAMES } from './sysinfo.js';
import { SYS_EXC_FUNCTIONS } from './sysexc.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData, emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** TextIOWrapper objects: the file descriptor as a small int. */
export const TEXTIO = { fd: 16, size: 24 } as const;

/** What CPython's recursion depth counts beyond the frames rt_recursion_room counts. */
const RECURSION_DEPTH_BIAS = 1;

/** Builtin modules available to `import` (created at start-up in this order). */
export const BUILTIN_MODULES = ['sys', 'math', '_edgepyc_time', '_abcflags', '_edgepyc_os'] as const;

/**
 * Every attribute CPython's version of each builtin module has, for the compile-time check
 * that a program only uses what the native module provides (program.ts).
 */
export const CPYTHON_MODULE_NAMES: Readonly<Record<(typeof BUILTIN_MODULES)[number], readonly string[]>> = {
  sys: ['argv', 'stdout', 'stderr', '__stdout__', '__stderr__', '__stdin__', 'maxsize', 'exit', 'getrecursionlimit', 'setrecursionlimit', 'platform', 'byteorder', 'version', 'executable', 'version_info', 'implementation', 'modules', 'path', 'float_info', 'int_info', 'hash_info', 'intern', 'getsizeof', 'stdin', 'exc_info', 'exception', 'flags', 'maxunicode', 'set_int_max_str_digits', 'get_int_max_str_digits', '_getframe', 'getrefcount', 'settrace', 'gettrace', 'setprofile', 'exit', 'set_asyncgen_hooks', 'get_asyncgen_hooks'],
  // The clocks under runtime/nativelib/time.py, the `time` of compiled programs (timemodule.ts; not a CPython module).
  _edgepyc_time: Object.keys(timeFunctions),
  // The interpreter's bridge for abc.py (not a CPython module; abcflags.ts).
  _abcflags: ['register'],
  // The system calls under runtime/nativelib/_edgepyc_files.py's open() (osfile.ts; not a CPython module).
  _edgepyc_os: Object.keys(osFunctions),
  math: ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos', 'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi', 'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc', 'ulp'],
};

/** The attributes each native builtin module defines. */
export function nativeModuleNames(): Readonly<Record<(typeof BUILTIN_MODULES)[number], ReadonlySet<string>>> {
  return {
    sys: new Set(['argv', 'stdout', 'stderr', '__stdout__', '__stderr__', 'stdin', '__stdin__', 'maxsize', 'exit', 'getrecursionlimit', 'setrecursionlimit', 'set_asyncgen_hooks', 'modules', 'intern', ...SYS_EXC_FUNCTIONS, ...SYS_STRUCTSEQ_NAMES, ...SYS_STRS.map(([n]) => n)]),
    math: new Set([...Object.keys(mathFunctions), ...Object.keys(mathConstants)]),
    _edgepyc_time: new Set(Object.keys(timeFunctions)),
    _abcflags: new Set(Object.keys(abcflagsFunctions)),
    _edgepyc_os: new Set(Object.keys(osFunctions)),
  };
}

/** sys attributes set from constants at start-up: [name, kind, value]. */
const SYS_STRS: readonly [string, string][] = [
  ['platform', 'linux'],
  ['byteorder', 'little'],
  ['version', '3.11.7 (edgepyc native)'],
  ['executable', ''],
];

export const modulesModule: RuntimeModule = {
  name: 'modules',
  types: [{ name: 'TextIOWrapper', layout: 'fixed' }],
  methods: [
    { type: 'TextIOWrapper', name: 'write', entry: 'rt_textio_write' },
    { type: 'TextIOWrapper', name: 'flush', entry: 'rt_textio_flush' },
  ],
  builtins: [],
  routines: [
    {
      name: 'rt_module_new',
      contract: 'rdi=name str -> rax=module value with an empty dict namespace holding __name__; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.call(sym('rt_dict_new'));
        a.mov(r13, rax);
        a.mov(rdi, r13);
        a.mov(rsi, g('const_str___name__'));
        a.mov(rdx, r12);
        a.call(sym('rt_dict_setitem'));
        a.mov(edi, MODULE.size);
        a.lea(rsi, rip(sym('type_module')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, MODULE.name)), r12);
        a.mov(qword(mem(rax, MODULE.dict)), r13);
        a.mov(rcx, g('rt_const_unbound'));
        a.mov(qword(mem(rax, MODULE.globals)), rcx);
        a.mov(qword(mem(rax, MODULE.overflow)), rcx);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    // rt_getattr_module, rt_setattr_module: runtime/core/usermodules.ts (both kinds of module).
    {
      name: 'rt_repr_module',
      contract: "rdi=module -> rax=str \"<module 'sys' (built-in)>\"; may allocate",
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, MODULE.name)));
        a.mov(qword(mem(rsp)), rax);
        a.lea(rdi, rip(sym('fmt_module_repr')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_modules_init',
      contract: 'register the builtin-module table as a collector root (modules are created at their first import) and make sys.modules; may allocate',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.lea(rdi, rip(sym('rt_modules_table')));
        a.mov(esi, BUILTIN_MODULES.length);
        a.call(sym('rt_gc_add_roots'));
        a.call(sym('rt_sys_modules_init'));
        a.add(rsp, 8);
        a.ret();
      },
    },
    ...BUILTIN_MODULES.map((m, index) => ({
      name: `rt_import_module_${m}`,
      contract: `-> rax=the ${m} module, created at the first call (import ${m}); may allocate`,
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const create = a.newLabel();
        a.mov(rax, qword(rip(sym('rt_modules_table'), 8 * index)));
        a.mov(rcx, boxInt(0n));
        a.cmp(rax, rcx);
        a.je(create);
        a.ret();
        a.bind(create);
        prologue(a, saved, 8);
        if (m === 'sys') {
          a.mov(rdi, g('const_str_sys'));
          a.call(sym('rt_module_new'));
          a.mov(qword(rip(sym('rt_modules_table'))), rax);
          a.mov(r12, rax);
          unboxPtr(a, r12);
          a.mov(r12, qword(mem(r12, MODULE.dict))); // sys.__dict__
          // argv: a list of str decoded from the process arguments.
          a.mov(rdi, g('rt_argc'));
          a.call(sym('rt_list_new'));
          a.mov(r13, rax);
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym('cstr_argv')));
          a.mov(rdx, r13);
          a.call(sym('rt_dict_set_cstr'));
          a.xor(ebx, ebx);
          const argLoop = a.newLabel();
          const argDone = a.newLabel();
          a.bind(argLoop);
          a.cmp(rbx, g('rt_argc'));
          a.jae(argDone);
          a.mov(rax, g('rt_argv'));
          a.mov(rdi, qword(sib(rax, rbx, 8)));
          // strlen
          const scan = a.newLabel();
          const found = a.newLabel();
          a.mov(rsi, rdi);
          a.bind(scan);
          a.cmp(byte(mem(rsi)), 0);
          a.je(found);
          a.inc(rsi);
          a.jmp(scan);
          a.bind(found);
          a.sub(rsi, rdi);
          a.call(sym('rt_str_from_utf8'));
          a.mov(rdi, r13);
          a.mov(rsi, rax);
          a.call(sym('rt_list_append'));
          a.inc(rbx);
          a.jmp(argLoop);
          a.bind(argDone);
          // Streams.
          // One object per stream: sys.stdout is sys.__stdout__ (r14 holds it).
          for (const [fd, names] of [[1, ['stdout', '__stdout__']], [2, ['stderr', '__stderr__']], [0, ['stdin', '__stdin__']]] as const) {
            a.mov(edi, TEXTIO.size);
            a.lea(rsi, rip(sym('type_TextIOWrapper')));
            a.call(sym('rt_alloc'));
            a.mov(rcx, boxInt(BigInt(fd)));
            a.mov(qword(mem(rax, TEXTIO.fd)), rcx);
            boxPtr(a, rax, rcx);
            a.mov(r14, rax);
            for (const name of names) {
              a.mov(rdi, r12);
              a.lea(rsi, rip(sym(`cstr_${name}`)));
              a.mov(rdx, r14);
              a.call(sym('rt_dict_set_cstr'));
            }
          }
          // Constants and functions.
          for (const [name] of SYS_STRS) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_${name}`)));
            a.mov(rdx, g(`const_sys_${name}`));
            a.call(sym('rt_dict_set_cstr'));
          }
          a.mov(rdi, 0x7fff_ffff_ffff_ffffn as never);
          a.call(sym('rt_int_from_i64'));
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym('cstr_maxsize')));
          a.mov(rdx, rax);
          a.call(sym('rt_dict_set_cstr'));
          for (const fn of ['exit', 'getrecursionlimit', 'setrecursionlimit', 'set_asyncgen_hooks', 'intern', ...SYS_EXC_FUNCTIONS]) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_${fn}`)));
            a.mov(rdx, sym(`box:sysfn_${fn}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
          // sys.modules and the struct sequences (sysinfo.ts).
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym('cstr_modules')));
          a.mov(rdx, g('rt_sys_modules'));
          a.call(sym('rt_dict_set_cstr'));
          for (const name of SYS_STRUCTSEQ_NAMES) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_${name}`)));
            a.mov(rdx, sym(`box:sysobj_${name}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
        } else if (m === '_abcflags') {
          // _abcflags: register (abcflags.ts).
          a.mov(rdi, g('const_str__abcflags'));
          a.call(sym('rt_module_new'));
          a.mov(qword(rip(sym('rt_modules_table'), 8 * index)), rax);
          a.mov(r12, rax);
          unboxPtr(a, r12);
          a.mov(r12, qword(mem(r12, MODULE.dict)));
          for (const name of Object.keys(abcflagsFunctions)) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_abcflags_${name}`)));
            a.mov(rdx, sym(`box:abcflagsfn_${name}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
        } else if (m === '_edgepyc_os') {
          // _edgepyc_os: its system-call wrappers (static builtin objects, osfile.ts).
          a.mov(rdi, g('const_str__edgepyc_os'));
          a.call(sym('rt_module_new'));
          a.mov(qword(rip(sym('rt_modules_table'), 8 * index)), rax);
          a.mov(r12, rax);
          unboxPtr(a, r12);
          a.mov(r12, qword(mem(r12, MODULE.dict)));
          for (const name of Object.keys(osFunctions)) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_os_${name}`)));
            a.mov(rdx, sym(`box:osfn_${name}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
        } else if (m === '_edgepyc_time') {
          // _edgepyc_time: the clock functions (static builtin objects, timemodule.ts).
          a.mov(rdi, g('const_str__edgepyc_time'));
          a.call(sym('rt_module_new'));
          a.mov(qword(rip(sym('rt_modules_table'), 8 * index)), rax);
          a.mov(r12, rax);
          unboxPtr(a, r12);
          a.mov(r12, qword(mem(r12, MODULE.dict)));
          for (const name of Object.keys(timeFunctions)) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_time_${name}`)));
            a.mov(rdx, sym(`box:timefn_${name}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
        } else {
          // math: its functions (static builtin objects) and constants.
          a.mov(rdi, g('const_str_math'));
          a.call(sym('rt_module_new'));
          a.mov(qword(rip(sym('rt_modules_table'), 8)), rax);
          a.mov(r12, rax);
          unboxPtr(a, r12);
          a.mov(r12, qword(mem(r12, MODULE.dict)));
          for (const name of Object.keys(mathFunctions)) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_math_${name}`)));
            a.mov(rdx, sym(`box:mathfn_${name}`) as never);
            a.call(sym('rt_dict_set_cstr'));
          }
          for (const [name, value] of Object.entries(mathConstants)) {
            a.mov(rdi, r12);
            a.lea(rsi, rip(sym(`cstr_math_${name}`)));
            a.mov(rdx, boxFloat(value));
            a.call(sym('rt_dict_set_cstr'));
          }
        }
        // sys.modules[name] = the module (sysinfo.ts).
        a.mov(rdi, g(`const_str_${m}`));
        a.mov(rsi, qword(rip(sym('rt_modules_table'), 8 * index)));
        a.call(sym('rt_sys_modules_set'));
        a.mov(rax, qword(rip(sym('rt_modules_table'), 8 * index)));
        epilogue(a, saved, 8);
      },
    })),
    {
      name: 'rt_dict_set_cstr',
      contract: 'rdi=dict, rsi=NUL-terminated ASCII key, rdx=value -> rax=0 or EXC; may allocate',
      emit(a: Assembler<any>) {
        const scan = a.newLabel();
        const found = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(rdi, rsi);
        a.bind(scan);
        a.cmp(byte(mem(rsi)), 0);
        a.je(found);
        a.inc(rsi);
        a.jmp(scan);
        a.bind(found);
        a.sub(rsi, rdi);
        a.call(sym('rt_str_from_ascii'));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.mov(rdx, r13);
        a.call(sym('rt_dict_setitem'));
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_import_name',
      contract: "rdi=module name str, rsi=fromlist, rdx=level -> rax=the module or EXC (ModuleNotFoundError \"No module named 'x'\"); may allocate",
      emit(a: Assembler<any>) {
        const done = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        BUILTIN_MODULES.forEach((m, i) => {
          const next = a.newLabel();
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym(`cstr_${m}`)));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(next);
          a.call(sym(`rt_import_module_${m}`));
          a.jmp(done);
          a.bind(next);
        });
        a.lea(rdi, rip(sym('type_ModuleNotFoundError')));
        a.lea(rsi, rip(sym('msg_no_module')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        // e.name is the module (CPython's import system sets it).
        a.mov(rdi, g('rt_exc'));
        a.mov(rsi, g('modules_str_name.v'));
        a.mov(rdx, r12);
        a.call(sym('rt_setattr'));
        a.mov(rax, g('rt_const_exc'));
        a.bind(done);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_import_from',
      contract: "rdi=module, rsi=name -> rax=the attribute or EXC (ImportError \"cannot import name 'x' from 'sys' (unknown location)\"); may allocate",
      emit(a: Assembler<any>) {
        const missing = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_getattr_module'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.jmp(out);
        a.bind(missing);
        a.lea(rdi, rip(sym('type_ImportError')));
        a.lea(rsi, rip(sym('msg_cannot_import')));
        a.mov(rdx, r13);
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        a.mov(rcx, qword(mem(rcx, MODULE.name)));
        a.call(sym('rt_raise_fmt'));
        // e.name is the module imported from (ceval.c import_from).
        a.mov(rdi, g('rt_exc'));
        a.mov(rsi, g('modules_str_name.v'));
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, MODULE.name)));
        a.call(sym('rt_setattr'));
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_textio_write',
      contract: 'TextIOWrapper.write(s): vector ABI -> int (characters written) or EXC; may allocate',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        prologue(a, [r12, r13]);
        a.cmp(rsi, 2);
        a.jne(bad);
        a.mov(r12, qword(mem(rdi, 8))); // the str
        a.mov(r13, qword(mem(rdi))); // the stream
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(bad);
        a.mov(rsi, r13);
        unboxPtr(a, rsi);
        a.mov(rsi, qword(mem(rsi, TEXTIO.fd)));
        a.shl(rsi, 16);
        a.sar(rsi, 16);
        a.mov(rdi, r12);
        a.call(sym('rt_str_write'));
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, STR.length)));
        a.mov(rcx, boxInt(0n));
        a.or(rax, rcx);
        const out = a.newLabel();
        a.jmp(out);
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_write_arg')));
        a.call(sym('rt_raise_cstr'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_textio_flush',
      contract: 'TextIOWrapper.flush(): vector ABI -> None',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.call(sym('rt_flush_stdout'));
        a.add(rsp, 8);
        a.mov(rax, g('rt_const_None'));
        a.ret();
      },
    },
    {
      name: 'rt_sys_exit',
      contract: 'sys.exit([code]): vector ABI -> EXC (SystemExit(code)); may allocate',
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.mov(rdx, rsi);
        a.xor(ecx, ecx);
        a.mov(rsi, rdi);
        a.mov(rdi, sym('box:type_SystemExit') as never);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        const out = a.newLabel();
        a.je(out);
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        a.bind(out);
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_sys_getrecursionlimit',
      contract: 'sys.getrecursionlimit(): vector ABI -> int',
      emit(a: Assembler<any>) {
        a.mov(rax, g('rt_recursion_limit'));
        a.mov(rcx, boxInt(0n));
        a.or(rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_sys_setrecursionlimit',
      contract: 'sys.setrecursionlimit(n): vector ABI -> None or EXC (ValueError "recursion limit must be greater or equal than 1")',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        a.cmp(rsi, 1);
        a.jne(bad);
        a.mov(rax, qword(mem(rdi)));
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, 0xfff9);
        a.jne(bad);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cmp(rax, 1);
        const tooSmall = a.newLabel();
        const tooLow = a.newLabel();
        a.jl(tooSmall);
        // CPython refuses a limit at or below the current depth, which it counts as the
        // Python frames on the stack plus one (sysmodule.c sys_setrecursionlimit_impl).
        a.mov(rdx, g('rt_recursion_limit'));
        a.sub(rdx, g('rt_recursion_room'));
        a.add(rdx, RECURSION_DEPTH_BIAS);
        a.cmp(rax, rdx);
        a.jle(tooLow);
        // The room left moves with the limit (protocol.ts rt_recursion_room).
        a.mov(rcx, rax);
        a.sub(rcx, g('rt_recursion_limit'));
        a.add(g('rt_recursion_room'), rcx);
        a.mov(g('rt_recursion_limit'), rax);
        a.mov(rax, g('rt_const_None'));
        a.ret();
        a.bind(tooSmall);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_recursion_limit')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(tooLow);
        a.mov(rcx, rdx);
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_RecursionError')));
        a.lea(rsi, rip(sym('msg_recursion_too_low')));
        a.jmp(sym('rt_raise_fmt'));
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_int_required')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
  ],
  data: [
    { name: 'rt_modules_table', section: 'data', align: 8, emit: (a) => BUILTIN_MODULES.forEach(() => a.u64(boxInt(0n))) },
    ...BUILTIN_MODULES.flatMap((m) => [cstr(`cstr_${m}`, m), { name: `str_mod_${m}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, m) }, { name: `const_str_${m}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:str_mod_${m}`)) }]),
    { name: 'str_mod___name__', section: 'rodata', align: 16, emit: (a) => emitStr(a, '__name__') },
    { name: 'const_str___name__', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:str_mod___name__')) },
    ...SYS_STRS.flatMap(([name, value]) => [
      { name: `str_sys_${name}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, value) },
      { name: `const_sys_${name}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:str_sys_${name}`)) },
      cstr(`cstr_${name}`, name),
    ]),
    ...['argv', 'stdout', 'stderr', '__stdout__', '__stderr__', 'stdin', '__stdin__', 'maxsize', 'exit', 'getrecursionlimit', 'setrecursionlimit', 'set_asyncgen_hooks', '__dict__', 'modules', 'intern', ...SYS_STRUCTSEQ_NAMES].map((n) => cstr(`cstr_${n}`, n)),
    ...Object.keys(abcflagsFunctions).map((n) => cstr(`cstr_abcflags_${n}`, n)),
    ...(['exit', 'getrecursionlimit', 'setrecursionlimit', 'set_asyncgen_hooks'] as const).flatMap((fn) => builtinFunctionData(`sysfn_${fn}`, fn, `rt_sys_${fn}`)),
    ...[...Object.keys(mathFunctions), ...Object.keys(mathConstants)].map((n) => cstr(`cstr_math_${n}`, n)),
    ...Object.entries(mathFunctions).flatMap(([name, f]) => builtinFunctionData(`mathfn_${name}`, name, f.entry)),
    { name: 'modules_str_name', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'name') },
    { name: 'modules_str_name.v', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:modules_str_name')) },
    cstr('fmt_module_repr', "<module '%U' (built-in)>"),
    cstr('msg_no_module', "No module named '%U'"),
    cstr('msg_cannot_import', "cannot import name '%U' from '%U' (unknown location)"),
    cstr('msg_write_arg', 'write() argument must be str'),
    cstr('msg_recursion_limit', 'recursion limit must be greater or equal than 1'),
    cstr('msg_recursion_too_low', 'cannot set the recursion limit to %d at the recursion depth %d: the limit is too low'),
    cstr('msg_int_required', "'float' object cannot be interpreted as an integer"),
  ],
};

