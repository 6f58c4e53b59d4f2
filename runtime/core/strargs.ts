// Argument parsing of the str methods (vector ABI) with CPython 3.11's exact messages.
//
// Role: every str method entry (rt_str_meth_*) receives rdi = args (args[0] = self),
// rsi = nargs including self, rdx = kwnames tuple or 0, and first calls rt_str_args with a
// static spec naming how CPython parses that method. The four ways and their wordings:
//
//   noargs  METH_NOARGS         "str.lower() takes no arguments (1 given)"
//   one     METH_O              "str.join() takes exactly one argument (0 given)"
//   pos     clinic positional   "center expected at least 1 argument, got 0"
//   legacy  PyArg_ParseTuple    "count() takes at least 1 argument (0 given)"
//   kw      clinic keywords     "split() takes at most 2 arguments (3 given)" (with
//           "keyword " when no positional argument is given), "argument for split() given
//           by name ('sep') and position (1)", "'x' is an invalid keyword argument for split()"
//
// Non-keyword kinds say "str.X() takes no keyword arguments". A receiver that is not a str
// gets "descriptor 'X' for 'str' objects doesn't apply to a 'T' object". The parsed values
// land in an out array: out[0] = self, out[1..max] = the parameters, UNBOUND when omitted.
// The argument converters (ssize, slice index) follow PyNumber_AsSsize_t and
// _PyEval_SliceIndex.

import { type Assembler, type Label, type Mem, al, byte, dl, eax, ebx, ecx, edx, mem, qword, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { STR, TUPLE, TYPE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { raw } from './strkit.js';
import { sliceIndexTail } from './builtinsub.js';

export type ArgKind = 'noargs' | 'one' | 'pos' | 'legacy' | 'kw';
const KIND_CODE: Record<ArgKind, number> = { noargs: 0, one: 1, pos: 2, legacy: 3, kw: 4 };

export interface ArgSpec {
  readonly method: string;
  readonly kind: ArgKind;
  readonly min: number;
  readonly max: number;
  /** Keyword names (kind 'kw'). */
  readonly names?: readonly string[];
}

/** Spec record layout: name cstr, kind/min/max bytes, keyword name cstrs. */
export const SPEC = { name: 0, kind: 8, min: 9, max: 10, names: 16 } as const;

export function specSym(method: string): string {
  return `str_argspec_${method}`;
}

/** Rodata for a spec: the record and its C strings. */
export function specData(s: ArgSpec): RuntimeDatum[] {
  const names = s.names ?? [];
  return [
    cstr(`${specSym(s.method)}_name`, s.method),
    ...names.map((n, i) => cstr(`${specSym(s.method)}_kw${i}`, n)),
    {
      name: specSym(s.method),
      section: 'rodata',
      align: 8,
      emit(a: Assembler<any>) {
        a.u64(sym(`${specSym(s.method)}_name`));
        a.u8(KIND_CODE[s.kind]);
        a.u8(s.min);
        a.u8(s.max);
        a.bytes(new Uint8Array(5));
        names.forEach((_, i) => a.u64(sym(`${specSym(s.method)}_kw${i}`)));
      },
    },
  ];
}

/** Bytes of machine stack a method needs for the out array of `spec` (rounded to 16). */
export function outBytes(s: ArgSpec): number {
  return Math.ceil(((s.max + 1) * 8) / 16) * 16;
}

/**
 * Parse the arguments of a method entry: expects the vector ABI registers untouched and an
 * out array at [rsp + outOffset]; jumps to `fail` (rax = EXC) on error.
 */
export function parseArgs(a: Assembler<any>, s: ArgSpec, outOffset: number, fail: Label): void {
  a.lea(rcx, rip(sym(specSym(s.method))));
  a.lea(r8, mem(rsp, outOffset));
  a.call(sym('rt_str_args'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

const parse: RuntimeRoutine = {
  name: 'rt_str_args',
  contract: 'rdi=args (args[0]=self), rsi=nargs, rdx=kwnames or 0, rcx=spec (strargs.ts SPEC), r8=out (max+1 words) -> rax=0 with out filled (UNBOUND for omitted), or EXC (TypeError as CPython); may allocate (only to raise)',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const ok = a.newLabel();
    const noKwAllowed = a.newLabel();
    prologue(a, saved, LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rcx); // spec
    a.mov(r15, r8); // out
    a.xor(ebx, ebx); // keyword count
    a.mov(qword(mem(rsp)), rdx); // kwnames
    a.test(rdx, rdx);
    const noKw = a.newLabel();
    a.je(noKw);
    raw(a, rax, rdx);
    a.mov(rbx, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    // self
    const haveSelf = a.newLabel();
    a.test(r13, r13);
    a.jne(haveSelf);
    a.mov(rdx, qword(mem(r14, SPEC.name)));
    raiseMsg(a, 'msg_str_unbound');
    a.jmp(out);
    a.bind(haveSelf);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const selfOk = a.newLabel();
    a.jne(selfOk);
    a.mov(rdx, qword(mem(r14, SPEC.name)));
    a.mov(rcx, qword(mem(r12)));
    raiseMsg(a, 'msg_str_descriptor');
    a.jmp(out);
    a.bind(selfOk);
    // out[0] = self, out[1..max] = UNBOUND
    a.mov(rax, qword(mem(r12)));
    a.mov(qword(mem(r15)), rax);
    a.movzx(ecx, byte(mem(r14, SPEC.max)));
    a.mov(rax, UNBOUND);
    const fill = a.newLabel();
    const filled = a.newLabel();
    a.bind(fill);
    a.test(ecx, ecx);
    a.je(filled);
    a.mov(qword(sib(r15, rcx, 8)), rax);
    a.dec(ecx);
    a.jmp(fill);
    a.bind(filled);
    // rbp = positional count after self
    a.lea(rbp, mem(r13, -1));
    a.sub(rbp, rbx);
    a.movzx(eax, byte(mem(r14, SPEC.kind)));
    a.cmp(eax, KIND_CODE.kw);
    const kwKind = a.newLabel();
    a.je(kwKind);
    a.test(rbx, rbx);
    a.jne(noKwAllowed);
    a.movzx(ecx, byte(mem(r14, SPEC.min)));
    a.movzx(edx, byte(mem(r14, SPEC.max)));
    a.cmp(rbp, rcx);
    const tooFew = a.newLabel();
    const tooMany = a.newLabel();
    a.jb(tooFew);
    a.cmp(rbp, rdx);
    a.ja(tooMany);
    copyPositional(a);
    a.jmp(ok);
    // Arity errors, worded by kind.
    for (const [label, which] of [[tooFew, 'few'], [tooMany, 'many']] as const) {
      a.bind(label);
      const byKindLabels = { noargs: a.newLabel(), one: a.newLabel(), pos: a.newLabel(), legacy: a.newLabel() };
      a.movzx(eax, byte(mem(r14, SPEC.kind)));
      for (const k of ['noargs', 'one', 'pos'] as const) {
        a.cmp(eax, KIND_CODE[k]);
        a.je(byKindLabels[k]);
      }
      a.jmp(byKindLabels.legacy);
      a.bind(byKindLabels.noargs);
      a.mov(rdx, qword(mem(r14, SPEC.name)));
      a.mov(rcx, rbp);
      raiseMsg(a, 'msg_str_noargs');
      a.jmp(out);
      a.bind(byKindLabels.one);
      a.mov(rdx, qword(mem(r14, SPEC.name)));
      a.mov(rcx, rbp);
      raiseMsg(a, 'msg_str_onearg');
      a.jmp(out);
      // pos: "%s expected [at least |at most ]%d argument[s], got %d"
      a.bind(byKindLabels.pos);
      arityMessage(a, which, 'pos');
      a.jmp(out);
      a.bind(byKindLabels.legacy);
      arityMessage(a, which, 'legacy');
      a.jmp(out);
    }
    a.bind(noKwAllowed);
    a.mov(rdx, qword(mem(r14, SPEC.name)));
    raiseMsg(a, 'msg_str_nokw');
    a.jmp(out);
    // Keyword kind: total count, positional copy, then each keyword by name.
    a.bind(kwKind);
    a.lea(rax, sib(rbp, rbx, 1));
    a.movzx(ecx, byte(mem(r14, SPEC.max)));
    a.cmp(rax, rcx);
    const countOk = a.newLabel();
    a.jbe(countOk);
    a.mov(rdx, qword(mem(r14, SPEC.name)));
    // "%s() takes at most %d %sargument%s (%d given)": rcx = max, r8 = "keyword " or "",
    // r9 = plural, fifth = total
    a.lea(r8, rip(sym('str_word_keyword')));
    a.lea(rdi, rip(sym('str_word_empty')));
    a.test(rbp, rbp);
    a.cmovne(r8, rdi);
    a.lea(r9, rip(sym('str_word_s')));
    a.lea(rdi, rip(sym('str_word_empty')));
    a.cmp(ecx, 1);
    a.cmove(r9, rdi);
    a.mov(FMT_ARG(4), rax);
    raiseMsg(a, 'msg_str_kw_atmost');
    a.jmp(out);
    a.bind(countOk);
    copyPositional(a);
    // each keyword: find its parameter
    const kwLoop = a.newLabel();
    const kwDone = a.newLabel();
    a.xor(r13, r13); // keyword index (args index = 1 + positional + i)
    a.bind(kwLoop);
    a.cmp(r13, rbx);
    a.jae(kwDone);
    a.mov(rax, qword(mem(rsp)));
    raw(a, rax, rax);
    a.mov(rdi, qword(sib(rax, r13, 8, TUPLE.items)));
    a.mov(rsi, r14);
    a.call(sym('rt_str_args_kwindex'));
    a.test(rax, rax);
    const invalid = a.newLabel();
    a.js(invalid);
    // given by position too?
    a.cmp(rax, rbp);
    const dup = a.newLabel();
    a.jb(dup);
    a.lea(rcx, sib(rbp, r13, 1, 1));
    a.mov(rdx, qword(sib(r12, rcx, 8)));
    a.mov(qword(sib(r15, rax, 8, 8)), rdx);
    a.inc(r13);
    a.jmp(kwLoop);
    a.bind(dup);
    // CPython checks duplicates before unknown names; our order differs only when both occur.
    a.mov(rdx, qword(mem(r14, SPEC.name)));
    a.mov(rcx, qword(mem(rsp)));
    raw(a, rcx, rcx);
    a.mov(rcx, qword(sib(rcx, r13, 8, TUPLE.items)));
    a.lea(r8, mem(rax, 1));
    raiseMsg(a, 'msg_str_kw_dup');
    a.jmp(out);
    a.bind(invalid);
    a.mov(rdx, qword(mem(rsp)));
    raw(a, rdx, rdx);
    a.mov(rdx, qword(sib(rdx, r13, 8, TUPLE.items)));
    a.mov(rcx, qword(mem(r14, SPEC.name)));
    raiseMsg(a, 'msg_str_kw_invalid');
    a.jmp(out);
    a.bind(kwDone);
    a.bind(ok);
    a.xor(eax, eax);
    a.bind(out);
    epilogue(a, saved, LOCAL);
  },
};

/** out[1..rbp] = args[1..rbp] (r12 args, r15 out). Clobbers rax rcx. */
function copyPositional(a: Assembler<any>): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(ecx, ecx);
  a.bind(loop);
  a.cmp(rcx, rbp);
  a.jae(done);
  a.mov(rax, qword(sib(r12, rcx, 8, 8)));
  a.mov(qword(sib(r15, rcx, 8, 8)), rax);
  a.inc(rcx);
  a.jmp(loop);
  a.bind(done);
}

/** Machine stack of rt_str_args: [rsp] kwnames, [rsp + 8 + 8i] format argument i. */
const LOCAL = 56;
const FMT_ARG = (i: number) => qword(mem(rsp, 8 + 8 * i));

/**
 * Raise TypeError with `msg` formatted from up to five arguments (rdx, rcx, r8, r9 as for
 * rt_raise_fmt, plus an optional fifth already stored in FMT_ARG(4)): the message is built
 * with rt_str_fmt, which reads any number of arguments. rax = EXC afterwards.
 */
function raiseMsg(a: Assembler<any>, msg: string): void {
  const failed = a.newLabel();
  a.mov(FMT_ARG(0), rdx);
  a.mov(FMT_ARG(1), rcx);
  a.mov(FMT_ARG(2), r8);
  a.mov(FMT_ARG(3), r9);
  a.lea(rdi, rip(sym(msg)));
  a.lea(rsi, mem(rsp, 8));
  a.call(sym('rt_str_fmt'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(failed);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.mov(rsi, rax);
  a.call(sym('rt_raise_msg'));
  a.bind(failed);
}

/**
 * Arity error of a pos/legacy spec: rbp = given, spec in r14. Picks "exactly" when
 * min == max, "at least" for too few, "at most" for too many, and the plural.
 */
function arityMessage(a: Assembler<any>, which: 'few' | 'many', kind: 'pos' | 'legacy'): void {
  const exact = a.newLabel();
  const go = a.newLabel();
  a.movzx(ecx, byte(mem(r14, which === 'few' ? SPEC.min : SPEC.max)));
  a.movzx(eax, byte(mem(r14, SPEC.min)));
  a.cmp(al, byte(mem(r14, SPEC.max)));
  a.je(exact);
  a.lea(r8, rip(sym(which === 'few' ? 'str_word_at_least' : 'str_word_at_most')));
  a.jmp(go);
  a.bind(exact);
  a.lea(r8, rip(sym(kind === 'pos' ? 'str_word_empty' : 'str_word_exactly')));
  a.bind(go);
  a.lea(r9, rip(sym('str_word_s')));
  a.lea(rax, rip(sym('str_word_empty')));
  a.cmp(ecx, 1);
  a.cmove(r9, rax);
  a.mov(rdx, qword(mem(r14, SPEC.name)));
  a.mov(FMT_ARG(4), rbp);
  // pos: "%s expected %s%d argument%s, got %d"; legacy: "%s() takes %s%d argument%s (%d given)"
  a.xchg(rcx, r8);
  raiseMsg(a, kind === 'pos' ? 'msg_str_pos_arity' : 'msg_str_legacy_arity');
}


const kwIndex: RuntimeRoutine = {
  name: 'rt_str_args_kwindex',
  contract: 'rdi=keyword name (str value), rsi=spec -> rax=parameter index, or -1 if the spec has no such keyword; clobbers rax rcx rdx rdi r8 r9; no alloc',
  emit(a) {
    const loop = a.newLabel();
    const next = a.newLabel();
    const none = a.newLabel();
    const cmp = a.newLabel();
    const hit = a.newLabel();
    raw(a, rdi, rdi);
    a.xor(eax, eax);
    a.bind(loop);
    a.cmp(al, byte(mem(rsi, SPEC.max)));
    a.jae(none);
    // only ASCII names: compare length and bytes with the C string
    a.cmp(byte(mem(rdi, STR.ascii)), 0);
    a.je(none);
    a.mov(r8, qword(sib(rsi, rax, 8, SPEC.names)));
    a.xor(ecx, ecx);
    a.bind(cmp);
    a.movzx(edx, byte(sib(r8, rcx, 1)));
    a.cmp(rcx, qword(mem(rdi, STR.length)));
    const endOfName = a.newLabel();
    a.je(endOfName);
    a.test(edx, edx);
    a.je(next);
    a.cmp(dl, byte(sib(rdi, rcx, 1, STR.data)));
    a.jne(next);
    a.inc(rcx);
    a.jmp(cmp);
    a.bind(endOfName);
    a.test(edx, edx);
    a.je(hit);
    a.bind(next);
    a.inc(eax);
    a.jmp(loop);
    a.bind(hit);
    a.ret();
    a.bind(none);
    a.mov(rax, -1);
    a.ret();
  },
};


const ssize: RuntimeRoutine = {
  name: 'rt_str_arg_ssize',
  contract: 'rdi=value -> rax=i64 and edx=0, or edx=1 with the error raised (OverflowError "Python int too large to convert to C ssize_t", TypeError "\'T\' object cannot be interpreted as an integer"); may allocate (only to raise)',
  emit(a) {
    const bad = a.newLabel();
    const big = a.newLabel();
    a.push(rdi);
    a.call(sym('rt_str_index_value'));
    a.pop(rdi);
    a.cmp(edx, 1);
    a.je(big);
    a.ja(bad);
    a.ret();
    a.bind(big);
    a.sub(rsp, 8);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_str_ssize_big')));
    a.call(sym('rt_raise_cstr'));
    a.add(rsp, 8);
    a.mov(edx, 1);
    a.ret();
    a.bind(bad);
    a.sub(rsp, 8);
    a.mov(rdx, rdi);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_str_not_integer')));
    a.call(sym('rt_raise_fmt'));
    a.add(rsp, 8);
    a.mov(edx, 1);
    a.ret();
  },
};

const sliceArgRoutine: RuntimeRoutine = {
  name: 'rt_str_arg_slice',
  contract: 'rdi=value (UNBOUND or None: absent; an int or an object with __index__), rsi=default -> rax=i64 (ints beyond i64 clamped) and edx=0, or edx=1 with TypeError "slice indices must be integers or None or have an __index__ method" (or what __index__ raised); may allocate, may raise',
  emit(a) {
    const absent = a.newLabel();
    const big = a.newLabel();
    const bad = a.newLabel();
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(absent);
    a.cmp(rdi, g('rt_const_None'));
    a.je(absent);
    const retry = a.newLabel();
    a.bind(retry);
    a.call(sym('rt_str_index_value'));
    a.cmp(edx, 1);
    a.je(big);
    a.ja(bad);
    a.ret();
    a.bind(absent);
    a.mov(rax, rsi);
    a.xor(edx, edx);
    a.ret();
    a.bind(big);
    // rax = sign
    a.mov(rcx, 0x7fff_ffff_ffff_ffffn);
    a.test(rax, rax);
    a.mov(rax, rcx);
    const pos = a.newLabel();
    a.jns(pos);
    a.not(rax);
    a.bind(pos);
    a.xor(edx, edx);
    a.ret();
    a.bind(bad);
    sliceIndexTail(a, retry, 'msg_str_slice_indices'); // __index__ (builtinsub.ts)
  },
};

export const strArgsModule: RuntimeModule = {
  name: 'strargs',
  routines: [parse, kwIndex, ssize, sliceArgRoutine],
  data: [
    cstr('msg_str_kw_atmost', '%s() takes at most %d %sargument%s (%d given)'),
    cstr('msg_str_pos_arity', '%s expected %s%d argument%s, got %d'),
    cstr('msg_str_legacy_arity', '%s() takes %s%d argument%s (%d given)'),
    cstr('msg_str_unbound', 'unbound method str.%s() needs an argument'),
    cstr('msg_str_descriptor', "descriptor '%s' for 'str' objects doesn't apply to a '%T' object"),
    cstr('msg_str_noargs', 'str.%s() takes no arguments (%d given)'),
    cstr('msg_str_onearg', 'str.%s() takes exactly one argument (%d given)'),
    cstr('msg_str_nokw', 'str.%s() takes no keyword arguments'),
    cstr('msg_str_kw_dup', "argument for %s() given by name ('%U') and position (%d)"),
    cstr('msg_str_kw_invalid', "'%U' is an invalid keyword argument for %s()"),
    cstr('msg_str_ssize_big', 'Python int too large to convert to C ssize_t'),
    cstr('msg_str_slice_indices', 'slice indices must be integers or None or have an __index__ method'),
    cstr('str_word_empty', ''),
    cstr('str_word_s', 's'),
    cstr('str_word_keyword', 'keyword '),
    cstr('str_word_at_least', 'at least '),
    cstr('str_word_at_most', 'at most '),
    cstr('str_word_exactly', 'exactly '),
  ],
};

/** Operand of parsed argument i (0 = self) in a method body. */
export function ARG(i: number) {
  return qword(mem(rsp, 8 * i));
}

/** Callee-saved registers every method entry saves (its body may use them freely). */
export const METHOD_SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

/**
 * A str method with the vector ABI: parses its arguments into ARG(0..max), runs `body`
 * (which leaves the result or EXC in rax and may jump to `out`), then returns. `extra`
 * bytes of machine stack follow the arguments, at [rsp + extraAt].
 */
export function strMethod(spec: ArgSpec, entry: string, contract: string, body: (a: Assembler<any>, out: Label, extraAt: number) => void, extra = 0): RuntimeRoutine {
  const argBytes = outBytes(spec);
  const local = argBytes + Math.ceil(extra / 16) * 16;
  return {
    name: entry,
    contract: `str.${spec.method}: vector ABI (rdi=args with self, rsi=nargs, rdx=kwnames) -> ${contract}`,
    emit(a) {
      const out = a.newLabel();
      prologue(a, METHOD_SAVED, local);
      parseArgs(a, spec, 0, out);
      body(a, out, argBytes);
      a.bind(out);
      epilogue(a, METHOD_SAVED, local);
    },
  };
}

/**
 * Jump to `fail` with TypeError `msg` (one %T argument: the value) unless the value in `r`
 * is a str. Clobbers caller-saved registers.
 */
export function requireStr(a: Assembler<any>, r: typeof rax, msg: string, fail: Label): void {
  const ok = a.newLabel();
  a.push(r);
  a.push(r);
  a.mov(rdi, r);
  a.call(sym('rt_str_check'));
  a.pop(rdx);
  a.pop(rdx);
  a.test(eax, eax);
  a.jne(ok);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(ok);
}

/**
 * requireStr for Argument Clinic converters, whose message names None as "None"
 * (_PyArg_BadArgument): `msg` takes one %U, the type name or 'None'.
 */
export function requireStrClinic(a: Assembler<any>, r: typeof rax, msg: string, fail: Label): void {
  const ok = a.newLabel();
  const notNone = a.newLabel();
  const named = a.newLabel();
  a.push(r);
  a.push(r);
  a.mov(rdi, r);
  a.call(sym('rt_str_check'));
  a.pop(rdi);
  a.pop(rdi);
  a.test(eax, eax);
  a.jne(ok);
  a.mov(rdx, g('const_str_None'));
  a.cmp(rdi, g('rt_const_None'));
  a.je(named);
  a.bind(notNone);
  a.call(sym('rt_type_of'));
  a.mov(rdx, qword(mem(rax, TYPE.name)));
  a.bind(named);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(ok);
}

/** rax = i64 from rt_str_arg_ssize(value); jumps to `fail` (rax = EXC) when it raised. */
export function ssizeArg(a: Assembler<any>, value: Mem, fail: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, value);
  a.call(sym('rt_str_arg_ssize'));
  a.test(edx, edx);
  a.je(ok);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(fail);
  a.bind(ok);
}

/** rax = i64 from rt_str_arg_slice(value, dflt); jumps to `fail` (rax = EXC) when it raised. */
export function sliceArg(a: Assembler<any>, value: Mem, dflt: bigint | number, fail: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, value);
  a.mov(rsi, dflt);
  a.call(sym('rt_str_arg_slice'));
  a.test(edx, edx);
  a.je(ok);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(fail);
  a.bind(ok);
}

/** Box the non-negative i64 in rax (< 2^47) as a small int. Clobbers rcx. */
export function boxSmall(a: Assembler<any>): void {
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.mov(rcx, 0xfff9n << 48n);
  a.or(rax, rcx);
}

/** rax = True or False from eax (0/1). Clobbers nothing else. */
export function boolResult(a: Assembler<any>): void {
  const yes = a.newLabel();
  const done = a.newLabel();
  a.test(eax, eax);
  a.jne(yes);
  a.mov(rax, g('rt_const_False'));
  a.jmp(done);
  a.bind(yes);
  a.mov(rax, g('rt_const_True'));
  a.bind(done);
}
