// Builtins runtime: argument parsing of the builtin functions and constructors
// (docs/builtins-native.md), and helpers the bi_* modules share.
//
// Every builtin entry has the vector ABI (rdi = args, rsi = nargs counting the keyword
// arguments, rdx = kwnames tuple or 0) and parses its arguments the way CPython 3.11's
// implementation of that builtin does, because that decides the error messages:
//
//   O       METH_O                  "abs() takes exactly one argument (2 given)"
//   VAR     METH_FASTCALL,          "divmod expected 2 arguments, got 1",
//           _PyArg_CheckPositional  "iter expected at most 2 arguments, got 3"
//   CLINIC  _PyArg_UnpackKeywords   "pow() missing required argument 'exp' (pos 2)",
//                                   "argument for round() given by name ('number') and
//                                   position (1)", "pow() takes at most 3 arguments (4 given)"
//   KWONLY  PyArg_ParseTupleAndKeywords on an empty tuple (zip's strict=): only keywords
//                                   "zip() takes at most 1 keyword argument (2 given)"
//
// O and VAR refuse keywords first ("divmod() takes no keyword arguments"); unknown keywords
// are "'x' is an invalid keyword argument for pow()". The parsed values land in an out
// array (one word per parameter, UNBOUND when omitted); rt_bi_args returns the positional
// count. `parseArgs` emits the no-keyword, right-count case inline and calls rt_bi_args
// otherwise.

import { type Assembler, type Gpr, type Label, type Mem, eax, ebp, ecx, edx, mem, qword, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

type R64 = Gpr<64>;

export type BiStyle = 'O' | 'VAR' | 'CLINIC' | 'KWONLY';
const STYLE_ID: Record<BiStyle, number> = { O: 0, VAR: 1, CLINIC: 2, KWONLY: 3 };

export interface BiSpec {
  /** The name in messages ("pow", "enumerate"). */
  readonly fname: string;
  readonly style: BiStyle;
  /** Positional arguments accepted (CLINIC: minpos/maxpos; KWONLY: unused). */
  readonly min: number;
  readonly max: number;
  /** CLINIC: leading positional-only parameters (they have no name). */
  readonly posonly?: number;
  /** CLINIC: names of the parameters after the positional-only ones; KWONLY: the keywords. */
  readonly names?: readonly string[];
}

/** Spec record in rodata: u64 fields, then the name C strings. */
const REC = { style: 0, min: 8, max: 16, posonly: 24, nnames: 32, fname: 40, names: 48 } as const;

export function specSym(s: BiSpec): string {
  return `bi_spec_${s.fname}`;
}

/** Words of the out array: one per parameter. */
export function outWords(s: BiSpec): number {
  switch (s.style) {
    case 'O':
      return 1;
    case 'VAR':
      return s.max;
    case 'CLINIC':
      return (s.posonly ?? 0) + (s.names?.length ?? 0);
    case 'KWONLY':
      return s.names?.length ?? 0;
  }
}

export function specData(s: BiSpec): RuntimeDatum[] {
  const base = specSym(s);
  const names = s.names ?? [];
  return [
    cstr(`${base}_fname`, s.fname),
    ...names.map((n, i) => cstr(`${base}_n${i}`, n)),
    {
      name: base,
      section: 'rodata',
      align: 8,
      emit(a) {
        a.u64(STYLE_ID[s.style]);
        a.u64(s.min);
        a.u64(s.max);
        a.u64(s.posonly ?? 0);
        a.u64(names.length);
        a.u64(sym(`${base}_fname`));
        names.forEach((_, i) => a.u64(sym(`${base}_n${i}`)));
      },
    },
  ];
}

/**
 * Parse the arguments of a vector-ABI entry (rdi, rsi, rdx as received) into the out array
 * at [rsp + outOff]: rax = the positional count afterwards; jumps to `fail` with rax = EXC
 * on an argument error. Clobbers caller-saved registers.
 */
export function parseArgs(a: Assembler<any>, s: BiSpec, outOff: number, fail: Label): void {
  const slow = a.newLabel();
  const done = a.newLabel();
  const words = outWords(s);
  a.test(rdx, rdx);
  a.jne(slow);
  if (s.style !== 'KWONLY') {
    if (s.min === s.max) {
      a.cmp(rsi, s.min);
      a.jne(slow);
    } else {
      a.lea(rax, mem(rsi, -s.min));
      a.cmp(rax, s.max - s.min);
      a.ja(slow);
    }
  }
  // Inline: positional arguments only, a count in range.
  a.mov(rcx, UNBOUND);
  for (let i = 0; i < words; i++) {
    const absent = a.newLabel();
    const next = a.newLabel();
    if (s.style === 'KWONLY' || i >= s.max) {
      a.mov(qword(mem(rsp, outOff + 8 * i)), rcx);
      continue;
    }
    if (i >= s.min) {
      a.cmp(rsi, i);
      a.jbe(absent);
    }
    a.mov(rax, qword(mem(rdi, 8 * i)));
    a.mov(qword(mem(rsp, outOff + 8 * i)), rax);
    a.jmp(next);
    a.bind(absent);
    a.mov(qword(mem(rsp, outOff + 8 * i)), rcx);
    a.bind(next);
  }
  a.mov(rax, rsi);
  a.jmp(done);
  a.bind(slow);
  a.lea(rcx, rip(sym(specSym(s))));
  a.lea(r8, mem(rsp, outOff));
  a.call(sym('rt_bi_args'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.bind(done);
}

/**
 * Raise `type_<exc>` with the format `msg` and up to four arguments (registers or
 * immediates, moved in order into rdx, rcx, r8, r9: a later one must not be an earlier
 * target), then jump to `out` with rax = EXC.
 */
export function raise(a: Assembler<any>, exc: string, msg: string, args: readonly (R64 | number)[], out: Label): void {
  const targets = [rdx, rcx, r8, r9];
  args.forEach((r, i) => {
    if (typeof r === 'number') a.mov(targets[i]!, r);
    else if (r !== targets[i]) a.mov(targets[i]!, r);
  });
  a.lea(rdi, rip(sym(`type_${exc}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
}

/** Call `routine` and jump to `onExc` if it returned EXC. */
export function callChecked(a: Assembler<any>, routine: string, onExc: Label): void {
  a.call(sym(routine));
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

/** `dst` = the C string "" when `n` is 1, else "s" (CPython's plural suffixes). Clobbers tmp. */
export function plural(a: Assembler<any>, n: R64, dst: R64, tmp: R64): void {
  a.lea(dst, rip(sym('bi_cs_s')));
  a.lea(tmp, rip(sym('bi_cs_empty')));
  a.cmp(n, 1);
  a.cmove(dst, tmp);
}

/** A static interned str `text` (`bi_str_<id>`) with its boxed word `bi_const_<id>`. */
export function staticStr(id: string, text: string): RuntimeDatum[] {
  return [
    { name: `bi_str_${id}`, section: 'rodata', align: 16, emit: (a) => emitStr(a, text) },
    { name: `bi_const_${id}`, section: 'rodata', align: 8, emit: (a) => a.u64(sym(`box:bi_str_${id}`)) },
  ];
}

/** rax = True if eax (0/1) is 1, else False. */
export function boolResult(a: Assembler<any>): void {
  const no = a.newLabel();
  const done = a.newLabel();
  a.test(eax, eax);
  a.je(no);
  a.mov(rax, g('rt_const_True'));
  a.jmp(done);
  a.bind(no);
  a.mov(rax, g('rt_const_False'));
  a.bind(done);
}

/** Clear the pending exception (rt_exc = UNBOUND). Clobbers rax. */
export function clearExc(a: Assembler<any>): void {
  a.mov(rax, UNBOUND);
  a.mov(g('rt_exc'), rax);
}

/** Registers a builtin body may use freely (saved by `builtinRoutine`). */
export const BI_SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

export interface BiBody {
  /** Parameter i as parsed (UNBOUND when omitted). */
  arg(i: number): Mem<any>;
  /** Address of parameter i's word (for argument arrays). */
  argAddr(i: number): Mem<any>;
  /** Local word i (machine stack: the collector scans it conservatively). */
  local(i: number): Mem<any>;
  /** Jump here with rax = the result or EXC. */
  out: Label;
}

/**
 * A builtin entry (vector ABI) or, with `isNew`, a type's new slot ((type address, args,
 * nargs, kwnames); the type's address is in r15 for the body): the arguments are parsed per `spec`,
 * then `body` runs with rax = the positional count and r12 = the argument words as passed
 * (positional first), and leaves the result in rax at `out`. rbx, rbp, r12-r15 are saved
 * for the body.
 */
export function builtinRoutine(name: string, contract: string, spec: BiSpec, nlocals: number, body: (a: Assembler<any>, c: BiBody) => void, isNew = false): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a) {
      const out = a.newLabel();
      const nargs = outWords(spec);
      const frame = 8 * (nargs + nlocals + ((nargs + nlocals) % 2 === 0 ? 1 : 0));
      prologue(a, BI_SAVED, frame);
      if (isNew) {
        a.mov(r15, rdi);
        a.mov(rdi, rsi);
        a.mov(rsi, rdx);
        a.mov(rdx, rcx);
      }
      a.mov(r12, rdi);
      parseArgs(a, spec, 0, out);
      body(a, {
        arg: (i) => qword(mem(rsp, 8 * i)),
        argAddr: (i) => mem(rsp, 8 * i),
        local: (i) => qword(mem(rsp, 8 * (nargs + i))),
        out,
      });
      a.bind(out);
      epilogue(a, BI_SAVED, frame);
    },
  };
}

const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;
// rt_bi_args locals
const L_I = 0;
const L_LEFT = 8;
const L_MAXARGS = 16;

const argsRoutine: RuntimeRoutine = {
  name: 'rt_bi_args',
  contract: 'rdi=args, rsi=nargs (with keywords), rdx=kwnames or 0, rcx=spec record (bi_args.ts), r8=out array (outWords words) -> rax=positional count with out filled (UNBOUND for omitted parameters), or EXC (TypeError with CPython 3.11\'s message); may allocate (only to raise)',
  emit(a) {
    // r12 args, r13 positional count, r14 raw kwnames (0 when none), rbp keyword count,
    // r15 spec, rbx out.
    const out = a.newLabel();
    const noKw = a.newLabel();
    const styleVar = a.newLabel();
    const styleKwonly = a.newLabel();
    const noKwErr = a.newLabel();
    const invalidKw = a.newLabel();
    const findKw = a.newLabel();
    const indexOfName = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r15, rcx);
    a.mov(rbx, r8);
    a.xor(ebp, ebp);
    a.xor(r14, r14);
    a.test(rdx, rdx);
    a.je(noKw);
    a.mov(rax, rdx);
    unboxPtr(a, rax);
    a.mov(rbp, qword(mem(rax, TUPLE.length)));
    a.test(rbp, rbp);
    a.je(noKw);
    a.mov(r14, rax);
    a.sub(r13, rbp);
    a.bind(noKw);
    a.mov(rax, qword(mem(r15, REC.style)));
    a.cmp(rax, STYLE_ID.VAR);
    a.je(styleVar);
    a.cmp(rax, STYLE_ID.KWONLY);
    a.je(styleKwonly);
    a.cmp(rax, STYLE_ID.CLINIC);
    const styleClinic = a.newLabel();
    a.je(styleClinic);

    // ---- O: exactly one positional argument, no keywords.
    {
      const bad = a.newLabel();
      a.test(rbp, rbp);
      a.jne(noKwErr);
      a.cmp(r13, 1);
      a.jne(bad);
      a.mov(rax, qword(mem(r12)));
      a.mov(qword(mem(rbx)), rax);
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(bad);
      a.mov(rdx, qword(mem(r15, REC.fname)));
      raise(a, 'TypeError', 'msg_bi_exactly_one', [rdx, r13], out);
    }

    // ---- VAR: min..max positional arguments, no keywords.
    a.bind(styleVar);
    {
      const tooFew = a.newLabel();
      const tooMany = a.newLabel();
      a.test(rbp, rbp);
      a.jne(noKwErr);
      a.cmp(r13, qword(mem(r15, REC.min)));
      a.jb(tooFew);
      a.cmp(r13, qword(mem(r15, REC.max)));
      a.ja(tooMany);
      copyPositional(a);
      a.mov(rax, r13);
      a.mov(rdx, qword(mem(r15, REC.max)));
      fillUnbound(a, rax, rdx);
      a.mov(rax, r13);
      a.jmp(out);
      for (const [label, field, msgRange] of [[tooFew, REC.min, 'msg_bi_expected_least'], [tooMany, REC.max, 'msg_bi_expected_most']] as const) {
        const exact = a.newLabel();
        a.bind(label);
        a.mov(rcx, qword(mem(r15, field)));
        plural(a, rcx, r8, rax);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        a.mov(r9, r13);
        a.mov(rax, qword(mem(r15, REC.min)));
        a.cmp(rax, qword(mem(r15, REC.max)));
        a.je(exact);
        raise(a, 'TypeError', msgRange, [rdx, rcx, r8, r9], out);
        a.bind(exact);
        raise(a, 'TypeError', 'msg_bi_expected', [rdx, rcx, r8, r9], out);
      }
    }

    a.bind(noKwErr);
    a.mov(rdx, qword(mem(r15, REC.fname)));
    raise(a, 'TypeError', 'msg_bi_no_kw', [rdx], out);

    // ---- KWONLY: the positional arguments are the caller's; keywords from the names.
    a.bind(styleKwonly);
    {
      const countOk = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      a.mov(rcx, qword(mem(r15, REC.nnames)));
      a.cmp(rbp, rcx);
      a.jbe(countOk);
      plural(a, rcx, r8, rax);
      a.mov(rdx, qword(mem(r15, REC.fname)));
      raise(a, 'TypeError', 'msg_bi_at_most_kw', [rdx, rcx, r8, rbp], out);
      a.bind(countOk);
      a.xor(eax, eax);
      a.mov(rdx, qword(mem(r15, REC.nnames)));
      fillUnbound(a, rax, rdx);
      a.mov(qword(mem(rsp, L_I)), 0);
      a.bind(loop);
      a.mov(rax, qword(mem(rsp, L_I)));
      a.cmp(rax, rbp);
      a.jae(done);
      a.mov(r9, qword(sib(r14, rax, 8, TUPLE.items)));
      a.call(indexOfName);
      a.test(rax, rax);
      a.js(invalidKw);
      a.mov(rcx, qword(mem(rsp, L_I)));
      a.add(rcx, r13);
      a.mov(rcx, qword(sib(r12, rcx, 8)));
      a.mov(qword(sib(rbx, rax, 8)), rcx);
      a.inc(qword(mem(rsp, L_I)));
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, r13);
      a.jmp(out);
    }

    // ---- CLINIC: _PyArg_UnpackKeywords.
    a.bind(styleClinic);
    {
      const slowPath = a.newLabel();
      const countOk = a.newLabel();
      const posOk = a.newLabel();
      const minOk = a.newLabel();
      const loop = a.newLabel();
      const loopDone = a.newLabel();
      const notFound = a.newLabel();
      const next = a.newLabel();
      a.mov(rax, qword(mem(r15, REC.posonly)));
      a.add(rax, qword(mem(r15, REC.nnames)));
      a.mov(qword(mem(rsp, L_MAXARGS)), rax);
      a.xor(eax, eax);
      a.mov(rdx, qword(mem(rsp, L_MAXARGS)));
      fillUnbound(a, rax, rdx);
      // No keywords and a count in range: copy.
      a.test(rbp, rbp);
      a.jne(slowPath);
      a.cmp(r13, qword(mem(r15, REC.min)));
      a.jb(slowPath);
      a.cmp(r13, qword(mem(r15, REC.max)));
      a.ja(slowPath);
      copyPositional(a);
      a.mov(rax, r13);
      a.jmp(out);
      a.bind(slowPath);
      // nargs + nkwargs > maxargs ("keyword " when nargs == 0, against bpo-31229).
      {
        const kwWord = a.newLabel();
        a.lea(r9, sib(r13, rbp, 1));
        a.mov(rcx, qword(mem(rsp, L_MAXARGS)));
        a.cmp(r9, rcx);
        a.jbe(countOk);
        plural(a, rcx, r8, rax);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        a.test(r13, r13);
        a.je(kwWord);
        raise(a, 'TypeError', 'msg_bi_at_most', [rdx, rcx, r8, r9], out);
        a.bind(kwWord);
        raise(a, 'TypeError', 'msg_bi_at_most_kw', [rdx, rcx, r8, r9], out);
      }
      a.bind(countOk);
      {
        const none = a.newLabel();
        const exactly = a.newLabel();
        a.mov(rcx, qword(mem(r15, REC.max)));
        a.cmp(r13, rcx);
        a.jbe(posOk);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        a.test(rcx, rcx);
        a.je(none);
        plural(a, rcx, r8, rax);
        a.mov(rax, qword(mem(r15, REC.min)));
        a.cmp(rax, rcx);
        a.jae(exactly);
        raise(a, 'TypeError', 'msg_bi_pos_at_most', [rdx, rcx, r8, r13], out);
        a.bind(exactly);
        raise(a, 'TypeError', 'msg_bi_pos_exactly', [rdx, rcx, r8, r13], out);
        a.bind(none);
        raise(a, 'TypeError', 'msg_bi_no_positional', [rdx], out);
      }
      a.bind(posOk);
      {
        // minposonly = min(posonly, minpos)
        const exactly = a.newLabel();
        a.mov(rcx, qword(mem(r15, REC.posonly)));
        a.mov(rax, qword(mem(r15, REC.min)));
        a.cmp(rax, rcx);
        a.cmovb(rcx, rax);
        a.cmp(r13, rcx);
        a.jae(minOk);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        plural(a, rcx, r8, rax);
        a.cmp(rcx, qword(mem(r15, REC.max)));
        a.jae(exactly);
        raise(a, 'TypeError', 'msg_bi_pos_at_least', [rdx, rcx, r8, r13], out);
        a.bind(exactly);
        raise(a, 'TypeError', 'msg_bi_pos_exactly', [rdx, rcx, r8, r13], out);
      }
      a.bind(minOk);
      copyPositional(a);
      a.mov(qword(mem(rsp, L_LEFT)), rbp);
      // i = max(nargs, posonly)
      a.mov(rax, qword(mem(r15, REC.posonly)));
      a.cmp(rax, r13);
      a.cmovb(rax, r13);
      a.mov(qword(mem(rsp, L_I)), rax);
      a.bind(loop);
      a.mov(rax, qword(mem(rsp, L_I)));
      a.cmp(rax, qword(mem(rsp, L_MAXARGS)));
      a.jae(loopDone);
      {
        const search = a.newLabel();
        a.cmp(qword(mem(rsp, L_LEFT)), 0);
        a.jne(search);
        a.cmp(rax, qword(mem(r15, REC.min)));
        a.jae(loopDone);
        a.jmp(notFound);
        a.bind(search);
        a.sub(rax, qword(mem(r15, REC.posonly)));
        a.mov(r9, qword(sib(r15, rax, 8, REC.names)));
        a.call(findKw);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notFound);
        a.mov(rcx, qword(mem(rsp, L_I)));
        a.mov(qword(sib(rbx, rcx, 8)), rax);
        a.dec(qword(mem(rsp, L_LEFT)));
        a.jmp(next);
      }
      a.bind(notFound);
      {
        a.mov(r8, qword(mem(rsp, L_I)));
        a.cmp(r8, qword(mem(r15, REC.min)));
        a.jae(next);
        a.mov(rax, r8);
        a.sub(rax, qword(mem(r15, REC.posonly)));
        a.mov(rcx, qword(sib(r15, rax, 8, REC.names)));
        a.inc(r8);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        raise(a, 'TypeError', 'msg_bi_missing', [rdx, rcx, r8], out);
      }
      a.bind(next);
      a.inc(qword(mem(rsp, L_I)));
      a.jmp(loop);
      a.bind(loopDone);
      {
        // Keywords left over: one names a parameter given by position, or none matches.
        const ok = a.newLabel();
        const posLoop = a.newLabel();
        const kwLoop = a.newLabel();
        a.cmp(qword(mem(rsp, L_LEFT)), 0);
        a.je(ok);
        a.mov(rax, qword(mem(r15, REC.posonly)));
        a.mov(qword(mem(rsp, L_I)), rax);
        a.bind(posLoop);
        a.mov(rax, qword(mem(rsp, L_I)));
        a.cmp(rax, r13);
        a.jae(kwLoop);
        a.sub(rax, qword(mem(r15, REC.posonly)));
        a.mov(r9, qword(sib(r15, rax, 8, REC.names)));
        a.call(findKw);
        a.cmp(rax, g('rt_const_unbound'));
        const notGiven = a.newLabel();
        a.je(notGiven);
        a.mov(r8, qword(mem(rsp, L_I)));
        a.mov(rax, r8);
        a.sub(rax, qword(mem(r15, REC.posonly)));
        a.mov(rcx, qword(sib(r15, rax, 8, REC.names)));
        a.inc(r8);
        a.mov(rdx, qword(mem(r15, REC.fname)));
        raise(a, 'TypeError', 'msg_bi_name_and_pos', [rdx, rcx, r8], out);
        a.bind(notGiven);
        a.inc(qword(mem(rsp, L_I)));
        a.jmp(posLoop);
        // error_unexpected_keyword_arg: the first keyword that names no parameter.
        a.bind(kwLoop);
        a.mov(qword(mem(rsp, L_I)), 0);
        const kwNext = a.newLabel();
        a.bind(kwNext);
        a.mov(rax, qword(mem(rsp, L_I)));
        a.cmp(rax, rbp);
        a.jae(ok);
        a.mov(r9, qword(sib(r14, rax, 8, TUPLE.items)));
        a.call(indexOfName);
        a.test(rax, rax);
        a.js(invalidKw);
        a.inc(qword(mem(rsp, L_I)));
        a.jmp(kwNext);
        a.bind(ok);
        a.mov(rax, r13);
        a.jmp(out);
      }
    }

    // r9 = the keyword (str value) that names no parameter.
    a.bind(invalidKw);
    a.mov(rdx, r9);
    a.mov(rcx, qword(mem(r15, REC.fname)));
    raise(a, 'TypeError', 'msg_bi_invalid_kw', [rdx, rcx], out);

    a.bind(out);
    epilogue(a, SAVED, 24);

    // Local subroutine: r9 = parameter name (C string) -> rax = the argument passed by that
    // keyword, or UNBOUND. Clobbers rax rcx rdx rdi rsi r8 (rt_str_equals_cstr keeps r8, r9).
    a.bind(findKw);
    {
      const loop = a.newLabel();
      const none = a.newLabel();
      const found = a.newLabel();
      a.xor(r8, r8);
      a.bind(loop);
      a.cmp(r8, rbp);
      a.jae(none);
      a.mov(rdi, qword(sib(r14, r8, 8, TUPLE.items)));
      a.mov(rsi, r9);
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.jne(found);
      a.inc(r8);
      a.jmp(loop);
      a.bind(found);
      a.lea(rax, sib(r13, r8, 1));
      a.mov(rax, qword(sib(r12, rax, 8)));
      a.ret();
      a.bind(none);
      a.mov(rax, UNBOUND);
      a.ret();
    }

    // Local subroutine: r9 = keyword (str value) -> rax = index of the parameter it names
    // among the spec's names, or -1. Clobbers rax rcx rdx rdi rsi r8.
    a.bind(indexOfName);
    {
      const loop = a.newLabel();
      const none = a.newLabel();
      const found = a.newLabel();
      a.xor(r8, r8);
      a.bind(loop);
      a.cmp(r8, qword(mem(r15, REC.nnames)));
      a.jae(none);
      a.mov(rdi, r9);
      a.mov(rsi, qword(sib(r15, r8, 8, REC.names)));
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.jne(found);
      a.inc(r8);
      a.jmp(loop);
      a.bind(found);
      a.mov(rax, r8);
      a.ret();
      a.bind(none);
      a.mov(rax, -1);
      a.ret();
    }
  },
};

/** out[i] = args[i] for i < r13 (rt_bi_args registers). Clobbers rax rcx. */
function copyPositional(a: Assembler<any>): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(ecx, ecx);
  a.bind(loop);
  a.cmp(rcx, r13);
  a.jae(done);
  a.mov(rax, qword(sib(r12, rcx, 8)));
  a.mov(qword(sib(rbx, rcx, 8)), rax);
  a.inc(rcx);
  a.jmp(loop);
  a.bind(done);
}

/** out[from..to) = UNBOUND (rt_bi_args registers; `from` is a register it advances). Clobbers rcx. */
function fillUnbound(a: Assembler<any>, from: R64, to: R64): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rcx, UNBOUND);
  a.bind(loop);
  a.cmp(from, to);
  a.jae(done);
  a.mov(qword(sib(rbx, from, 8)), rcx);
  a.inc(from);
  a.jmp(loop);
  a.bind(done);
}


const indexRoutine: RuntimeRoutine = {
  name: 'rt_bi_index',
  contract: "rdi=value -> rax=an int value (PyNumber_Index: ints as they are, bools as 0/1, else the type's __index__, which must return an int), or EXC (TypeError \"'T' object cannot be interpreted as an integer\", \"__index__ returned non-int (type T)\"); may allocate, may raise",
  emit(a) {
    const out = a.newLabel();
    const notInt = a.newLabel();
    const isBool = a.newLabel();
    prologue(a, [r12, r13]);
    a.mov(r12, rdi);
    a.call(sym('rt_int_kind'));
    a.test(eax, eax);
    a.je(notInt);
    a.cmp(eax, 3);
    a.je(isBool);
    // An instance of a subclass of int gives its value as an exact int, so callers that
    // test for exact ints take it (CPython returns the instance itself).
    const exactInt = a.newLabel();
    a.cmp(eax, 4);
    a.jne(exactInt);
    a.mov(rdi, r12);
    a.call(sym('rt_int_pos'));
    a.jmp(out);
    a.bind(exactInt);
    a.mov(rax, r12);
    a.jmp(out);
    a.bind(isBool);
    a.mov(rax, r12);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax, 16))); // bool objects carry their int value (objects.ts)
    a.jmp(out);
    a.bind(notInt);
    {
      // type(v).__index__, bound and called.
      const missing = a.newLabel();
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(r13, rax);
      a.mov(rdi, rax);
      a.mov(rsi, g('bi_const_index'));
      a.call(sym('rt_type_lookup'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.mov(rdx, r13);
      boxPtr(a, rdx, rcx);
      a.call(sym('rt_bind_attr'));
      a.mov(rdi, rax);
      a.mov(rsi, rsp);
      a.xor(edx, edx);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r12, rax);
      a.mov(rdi, rax);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.mov(rax, r12);
      a.jne(out);
      raise(a, 'TypeError', 'msg_bi_index_nonint', [r12], out);
      a.bind(missing);
      raise(a, 'TypeError', 'msg_bi_not_index', [r12], out);
    }
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

export const biArgsModule: RuntimeModule = {
  name: 'bi_args',
  routines: [argsRoutine, indexRoutine],
  data: [
    cstr('bi_cs_empty', ''),
    cstr('bi_cs_s', 's'),
    ...staticStr('index', '__index__'),
    cstr('msg_bi_no_kw', '%s() takes no keyword arguments'),
    cstr('msg_bi_exactly_one', '%s() takes exactly one argument (%d given)'),
    cstr('msg_bi_expected', '%s expected %d argument%s, got %d'),
    cstr('msg_bi_expected_least', '%s expected at least %d argument%s, got %d'),
    cstr('msg_bi_expected_most', '%s expected at most %d argument%s, got %d'),
    cstr('msg_bi_at_most', '%s() takes at most %d argument%s (%d given)'),
    cstr('msg_bi_at_most_kw', '%s() takes at most %d keyword argument%s (%d given)'),
    cstr('msg_bi_no_positional', '%s() takes no positional arguments'),
    cstr('msg_bi_pos_at_most', '%s() takes at most %d positional argument%s (%d given)'),
    cstr('msg_bi_pos_exactly', '%s() takes exactly %d positional argument%s (%d given)'),
    cstr('msg_bi_pos_at_least', '%s() takes at least %d positional argument%s (%d given)'),
    cstr('msg_bi_missing', "%s() missing required argument '%s' (pos %d)"),
    cstr('msg_bi_name_and_pos', "argument for %s() given by name ('%s') and position (%d)"),
    cstr('msg_bi_invalid_kw', "'%U' is an invalid keyword argument for %s()"),
    cstr('msg_bi_not_index', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_bi_index_nonint', '__index__ returned non-int (type %T)'),
  ],
};
