// Runtime core: exception groups (PEP 654) and except*, CPython 3.11 Objects/exceptions.c
// (BaseExceptionGroup) and Python/ceval.c (CHECK_EG_MATCH, PREP_RERAISE_STAR).
//
// BaseExceptionGroup and ExceptionGroup are the runtime's static exception types; an instance
// is an exception with the family words (excattrs.ts FAMILIES): `message` (str) and
// `exceptions` (tuple), args being the constructor's two arguments as given. Everything CPython
// writes in C around them that is not object layout lives in Python, runtime/lib/_edgepyc_eg.py,
// which src/native/program.ts compiles into every program that names an exception group or
// uses except* and points `rt_eg_modinfo` at (0 otherwise): the constructor's checks, derive /
// split / subgroup, the two instructions, and the uncaught-exception report with the nested
// group boxes, which gets the runtime's traceback text and "Type: message" line of each
// exception from the helpers below. rt_eg_call imports the module on first use and calls one
// of its functions.

import { type Assembler, byte, dword, eax, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { CODE, EXCEPTION, HDR_AUX, STR, TAG_OBJ, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { EXC_AUX_EXT, EXC_EXT } from './excattrs.js';
import { TB } from './traceback.js';
import { staticStr } from './bi_args.js';

/** BaseExceptionGroup's family words (excattrs.ts FAMILIES order). */
const F_MESSAGE = EXC_EXT.f0;
const F_EXCEPTIONS = EXC_EXT.f0 + 8;

/** Functions of _edgepyc_eg.py the runtime calls (their names as static strs `bi_const_eg_<name>`). */
const PY_FUNCTIONS = ['check_new', 'derive', 'split', 'subgroup', 'check_eg_match', 'prep_reraise_star', 'print_exception'] as const;
type PyFunction = (typeof PY_FUNCTIONS)[number];
/** Methods of BaseExceptionGroup, each a call of the function of the same name with self first. */
const METHODS = ['derive', 'split', 'subgroup'] as const;
/** Helpers print_exception gets (static builtin functions, not in the builtins module). */
const HELPERS = [
  ['tb_text', 'rt_eg_tb_text'],
  ['exc_only', 'rt_eg_exc_only'],
  ['write', 'rt_eg_write'],
] as const;

/** rax = _edgepyc_eg.<fn>(*rsi[:rdx]) (rt_eg_call). */
function callPy(a: Assembler<any>, fn: PyFunction): void {
  a.mov(rdi, qword(rip(sym(`bi_const_eg_${fn}`))));
  a.call(sym('rt_eg_call'));
}

/** Jump to `to` if rax is EXC. */
function onExc(a: Assembler<any>, to: ReturnType<Assembler<any>['newLabel']>): void {
  a.cmp(rax, g('rt_const_exc'));
  a.je(to);
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_eg_call',
    contract: 'rdi=name str of a function of _edgepyc_eg.py, rsi=argument words, rdx=their count -> rax=its result or EXC (SystemError when the program was built without the module); imports the module on first use; may allocate, may raise',
    emit(a) {
      const out = a.newLabel();
      const missing = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.mov(rdi, qword(rip(sym('rt_eg_modinfo'))));
      a.test(rdi, rdi);
      a.je(missing);
      a.call(sym('rt_import_user'));
      onExc(a, out);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.call(sym('rt_getattr'));
      onExc(a, out);
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      a.jmp(out);
      a.bind(missing);
      a.lea(rdi, rip(sym('type_SystemError')));
      a.lea(rsi, rip(sym('msg_eg_missing')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, [r12, r13, r14], 8);
    },
  },
  {
    name: 'rt_new_BaseExceptionGroup',
    contract: 'new slot of BaseExceptionGroup: (type address, args, nargs, kwnames) -> the group (ExceptionGroup when BaseExceptionGroup is given only Exceptions), or EXC (_edgepyc_eg.check_new\'s TypeError / ValueError); may allocate, may raise',
    emit(a) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      prologue(a, saved, 24);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      // r14 = the positional count, r15 = True when keywords were given.
      a.mov(r15, g('rt_const_False'));
      const noKw = a.newLabel();
      a.test(rcx, rcx);
      a.je(noKw);
      a.mov(rax, rcx);
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(rax, TUPLE.length)));
      a.test(rcx, rcx);
      a.je(noKw);
      a.sub(r14, rcx);
      a.mov(r15, g('rt_const_True'));
      a.bind(noKw);
      a.mov(rdi, r13);
      a.mov(rsi, r14);
      a.call(sym('rt_build_tuple'));
      onExc(a, out);
      a.mov(qword(mem(rsp, 8)), rax);
      a.mov(rax, r12);
      boxPtr(a, rax, rcx);
      a.mov(qword(mem(rsp)), rax);
      a.mov(qword(mem(rsp, 16)), r15);
      a.mov(rsi, rsp);
      a.mov(edx, 3);
      callPy(a, 'check_new');
      onExc(a, out);
      // (class, exceptions tuple): allocate the group of that class with args as given.
      a.mov(rbx, rax);
      unboxPtr(a, rbx);
      a.mov(rdi, qword(mem(rbx, TUPLE.items)));
      unboxPtr(a, rdi);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.xor(ecx, ecx);
      a.call(sym('rt_excattr_new_ext'));
      onExc(a, out);
      a.mov(rcx, rax);
      unboxPtr(a, rcx);
      a.mov(rdx, qword(mem(r13)));
      a.mov(qword(mem(rcx, F_MESSAGE)), rdx);
      a.mov(rdx, qword(mem(rbx, TUPLE.items + 8)));
      a.mov(qword(mem(rcx, F_EXCEPTIONS)), rdx);
      a.bind(out);
      epilogue(a, saved, 24);
    },
  },
  {
    name: 'rt_str_BaseExceptionGroup',
    contract: 'str slot of exception groups: (group) -> "message (N sub-exception[s])" (BaseExceptionGroup_str); may allocate',
    emit(a) {
      const saved = [r12, r13] as const;
      const plain = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved, 24);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.cmp(dword(mem(r12, HDR_AUX)), EXC_AUX_EXT);
      a.jne(plain);
      a.mov(rax, qword(mem(r12, F_EXCEPTIONS)));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(plain);
      a.mov(edi, 32);
      a.call(sym('rt_sb_new'));
      a.mov(rdi, rax);
      a.mov(rsi, qword(mem(r12, F_MESSAGE)));
      a.call(sym('rt_sb_append_str'));
      a.mov(r13, rax);
      a.mov(rax, qword(mem(r12, F_EXCEPTIONS)));
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, TUPLE.length)));
      a.mov(qword(mem(rsp)), rax);
      a.lea(rcx, rip(sym('str_eg_plural')));
      a.lea(rdx, rip(sym('str_eg_singular')));
      a.cmp(rax, 1);
      a.cmove(rcx, rdx);
      a.mov(qword(mem(rsp, 8)), rcx);
      a.lea(rdi, rip(sym('msg_eg_count')));
      a.mov(rsi, rsp);
      a.call(sym('rt_str_fmt'));
      onExc(a, out);
      a.mov(rdi, r13);
      a.mov(rsi, rax);
      a.call(sym('rt_sb_append_str'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.jmp(out);
      // Made without the fields: BaseException's str.
      a.bind(plain);
      a.mov(rdi, r12);
      boxPtr(a, rdi, rax);
      a.call(sym('rt_str_BaseException'));
      a.bind(out);
      epilogue(a, saved, 24);
    },
  },
  ...METHODS.map((m): RuntimeRoutine => ({
    name: `rt_eg_meth_${m}`,
    contract: `BaseExceptionGroup.${m}: vector ABI (self first) -> _edgepyc_eg.${m}(self, ...) or EXC; may allocate, may raise`,
    emit(a) {
      const kw = a.newLabel();
      prologue(a, [r12], 8);
      a.test(rdx, rdx);
      a.jne(kw);
      a.mov(rdx, rsi);
      a.mov(rsi, rdi);
      callPy(a, m);
      const out = a.newLabel();
      a.jmp(out);
      a.bind(kw);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(`msg_eg_${m}_kw`)));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, [r12], 8);
    },
  })),
  {
    name: 'rt_check_eg_match',
    contract: 'rdi=address of two frame slots [exception or None, except* type]: CHECK_EG_MATCH, they become [rest, match or None] -> rax=0 or EXC; may allocate, may raise',
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12], 8);
      a.mov(r12, rdi);
      a.mov(rsi, rdi);
      a.mov(edx, 2);
      callPy(a, 'check_eg_match');
      onExc(a, out);
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(rax, TUPLE.items)));
      a.mov(qword(mem(r12)), rcx);
      a.mov(rcx, qword(mem(rax, TUPLE.items + 8)));
      a.mov(qword(mem(r12, 8)), rcx);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12], 8);
    },
  },
  {
    name: 'rt_prep_reraise_star',
    contract: 'rdi=address of two frame slots [original exception, (raised list, rest)] -> rax=PREP_RERAISE_STAR\'s exception to re-raise, None, or EXC; may allocate, may raise',
    emit(a) {
      a.sub(rsp, 8);
      a.mov(rsi, rdi);
      a.mov(edx, 2);
      callPy(a, 'prep_reraise_star');
      a.add(rsp, 8);
      a.ret();
    },
  },
  {
    name: 'rt_eg_print',
    contract: 'rdi=exception value -> eax=1 when _edgepyc_eg.print_exception printed it (programs with exception groups), 0 when the native printer should; an error in the printer is cleared; may allocate',
    emit(a) {
      const no = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12], 8 * (1 + HELPERS.length) + 8);
      a.cmp(qword(rip(sym('rt_eg_modinfo'))), 0);
      a.je(no);
      a.mov(qword(mem(rsp)), rdi);
      HELPERS.forEach(([name], i) => {
        a.mov(rax, sym(`box:egfn_${name}`) as never);
        a.mov(qword(mem(rsp, 8 * (i + 1))), rax);
      });
      a.mov(rsi, rsp);
      a.mov(edx, 1 + HELPERS.length);
      callPy(a, 'print_exception');
      a.cmp(rax, g('rt_const_exc'));
      a.je(no);
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(no);
      a.mov(rax, g('rt_const_unbound'));
      a.mov(g('rt_exc'), rax);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12], 8 * (1 + HELPERS.length) + 8);
    },
  },
  {
    name: 'rt_eg_exc_only',
    contract: 'print_exception helper exc_only(e): vector ABI -> "Type: message\\n" (rt_exception_only); may allocate',
    emit(a) {
      a.sub(rsp, 8);
      a.mov(rdi, qword(mem(rdi)));
      a.call(sym('rt_exception_only'));
      a.add(rsp, 8);
      a.ret();
    },
  },
  {
    name: 'rt_eg_write',
    contract: 'print_exception helper write(s): vector ABI -> None after writing the str to stderr',
    emit(a) {
      a.sub(rsp, 8);
      a.mov(rdi, qword(mem(rdi)));
      a.mov(esi, 2);
      a.call(sym('rt_str_write'));
      a.mov(rax, g('rt_const_None'));
      a.add(rsp, 8);
      a.ret();
    },
  },
  {
    name: 'rt_eg_tb_text',
    contract: 'print_exception helper tb_text(e): vector ABI -> str of its traceback entries as the native printer writes them ("  File ..." lines, source, carets, "[Previous line repeated N more times]"), "" without a traceback; may allocate',
    emit(a) {
      // rbx = entry; rbp = code; r13 = last code, r14 = last line, r15 = repeat count; the
      // builder in the local word.
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      prologue(a, saved, 24);
      a.mov(r12, qword(mem(rdi)));
      a.mov(edi, 128);
      a.call(sym('rt_sb_new'));
      a.mov(qword(mem(rsp)), rax);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(rbx, qword(mem(rax, EXCEPTION.traceback)));
      const loop = a.newLabel();
      const done = a.newLabel();
      const same = a.newLabel();
      const print = a.newLabel();
      const skip = a.newLabel();
      a.xor(r13, r13);
      a.mov(r14, -1);
      a.xor(r15, r15);
      a.bind(loop);
      a.mov(rax, rbx);
      a.shr(rax, 48);
      a.cmp(eax, TAG_OBJ);
      a.jne(done);
      unboxPtr(a, rbx);
      a.mov(rbp, qword(mem(rbx, TB.code)));
      unboxPtr(a, rbp);
      a.mov(rcx, qword(mem(rbx, TB.instr)));
      a.shl(rcx, 16);
      a.sar(rcx, 16);
      a.mov(qword(mem(rsp, 8)), rcx);
      a.mov(rdx, qword(mem(rbp, CODE.lines)));
      a.mov(edx, dword(sib(rdx, rcx, 4)));
      a.cmp(rbp, r13);
      a.jne(print);
      a.cmp(rdx, r14);
      a.je(same);
      a.bind(print);
      a.mov(qword(mem(rsp, 16)), rdx);
      a.call(sym('rt_eg_tb_repeats'));
      a.mov(r13, rbp);
      a.mov(r14, qword(mem(rsp, 16)));
      a.xor(r15, r15);
      a.bind(same);
      a.inc(r15);
      a.cmp(r15, 3);
      a.ja(skip);
      a.mov(rcx, qword(mem(rsp, 8)));
      a.mov(rdx, qword(mem(rbp, CODE.snippets)));
      a.mov(edx, dword(sib(rdx, rcx, 4)));
      a.cmp(edx, -1);
      a.je(skip);
      a.mov(rdi, qword(mem(rbp, CODE.snippetBlob)));
      a.add(rdi, rdx);
      // The snippet's UTF-8 bytes up to its NUL.
      a.xor(esi, esi);
      const len = a.newLabel();
      const lenDone = a.newLabel();
      a.bind(len);
      a.movzx(eax, byte(sib(rdi, rsi, 1)));
      a.test(eax, eax);
      a.je(lenDone);
      a.inc(rsi);
      a.jmp(len);
      a.bind(lenDone);
      a.call(sym('rt_str_from_utf8'));
      a.mov(rdi, qword(mem(rsp)));
      a.mov(rsi, rax);
      a.call(sym('rt_sb_append_str'));
      a.mov(qword(mem(rsp)), rax);
      a.bind(skip);
      a.mov(rbx, qword(mem(rbx, TB.next)));
      a.jmp(loop);
      a.bind(done);
      a.call(sym('rt_eg_tb_repeats'));
      a.mov(rdi, qword(mem(rsp)));
      a.call(sym('rt_sb_finish'));
      epilogue(a, saved, 24);
    },
  },
  {
    name: 'rt_eg_tb_repeats',
    contract: 'inside rt_eg_tb_text only: r15=count of identical entries, [rsp+8]=the builder -> appends "  [Previous line repeated N more times]\\n" when N = count - 3 > 0; may allocate',
    emit(a) {
      const none = a.newLabel();
      a.mov(rax, r15);
      a.sub(rax, 3);
      a.jle(none);
      a.sub(rsp, 8);
      a.mov(qword(mem(rsp)), rax);
      a.lea(rdi, rip(sym('msg_repeated')));
      a.mov(rsi, rsp);
      a.call(sym('rt_str_fmt'));
      a.add(rsp, 8);
      a.cmp(rax, g('rt_const_exc'));
      a.je(none);
      a.mov(rsi, rax);
      a.mov(rdi, qword(mem(rsp, 8)));
      a.call(sym('rt_sb_append_str'));
      a.mov(qword(mem(rsp, 8)), rax);
      a.bind(none);
      a.ret();
    },
  },
];

export const excGroupModule: RuntimeModule = {
  name: 'excgroup',
  routines,
  methods: METHODS.map((m) => ({ type: 'BaseExceptionGroup', name: m, entry: `rt_eg_meth_${m}` })),
  data: [
    ...PY_FUNCTIONS.flatMap((fn) => staticStr(`eg_${fn}`, fn)),
    ...HELPERS.flatMap(([name, entry]) => builtinFunctionData(`egfn_${name}`, name, entry)),
    ...METHODS.map((m) => cstr(`msg_eg_${m}_kw`, `BaseExceptionGroup.${m}() takes no keyword arguments`)),
    cstr('msg_eg_missing', 'exception groups are not compiled into this program'),
    cstr('msg_eg_count', ' (%d sub-exception%s)'),
    cstr('str_eg_plural', 's'),
    cstr('str_eg_singular', ''),
  ],
};
