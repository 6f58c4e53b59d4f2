// Container runtime: helpers shared by the list, tuple, dict, set, range and slice modules.
//
// Two kinds of helpers live here. Emit helpers (TypeScript functions) write short, fixed
// instruction sequences: type tests by exact type or by instance layout, "call and branch on
// EXC", argument-count checks with CPython's messages. Runtime routines (`rt_cont_*`) are the
// shared slow paths: argument errors, iteration through the iter/next slots, index conversion,
// hashing and key equality with the str fast paths that dicts and sets need.
//
// Instance layouts identify containers: a type's `layout` word (layout.ts LAYOUTS) is the
// same for a builtin type and every class derived from it, so "is a list or a list subclass"
// is one compare of type(v).layout.

import {
  type Assembler, type Gpr, type Label, al, byte, cl, cx, dword, ecx, edx, eax, mem, qword, r12, r13, r14, r14d, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, r8, r9, word,
} from '../../src/asm/index.js';
import { BIGINT, LAYOUTS, type LayoutKind, LIST, STR, TAG_INT, TAG_OBJ, TUPLE, TYPE, TYPEFLAG_BUILTIN, VALUES, typeSlot } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { boxIntUnchecked, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { intSubclassIndex } from './intsub.js';
import { emitWord } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { sliceIndexTail } from './builtinsub.js';

type R64 = Gpr<64>;

/** `cmp rax, EXC; je onExc` after a call. */
export function ifExc(a: Assembler<any>, onExc: Label): void {
  a.cmp(rax, g('rt_const_exc'));
  a.je(onExc);
}

/** Call `routine`, then jump to `onExc` if it returned EXC. */
export function callChecked(a: Assembler<any>, routine: string, onExc: Label): void {
  a.call(sym(routine));
  ifExc(a, onExc);
}

/** Jump to `no` unless `v` is an object value. Clobbers `t`. */
export function ifNotObj(a: Assembler<any>, v: R64, t: R64, no: Label): void {
  a.mov(t, v);
  a.shr(t, 48);
  a.cmp(t, TAG_OBJ);
  a.jne(no);
}

/** Jump to `no` unless `v` is an object whose type is exactly `type_<name>`. Clobbers t1, t2. */
export function ifNotExact(a: Assembler<any>, v: R64, name: string, t1: R64, t2: R64, no: Label): void {
  ifNotObj(a, v, t1, no);
  a.mov(t1, v);
  unboxPtr(a, t1);
  a.lea(t2, rip(sym(`type_${name}`)));
  a.cmp(qword(mem(t1)), t2);
  a.jne(no);
}

/** Jump to `yes` if `v` is an object whose type is exactly `type_<name>`. Clobbers t1, t2. */
export function ifExact(a: Assembler<any>, v: R64, name: string, t1: R64, t2: R64, yes: Label): void {
  const no = a.newLabel();
  ifNotExact(a, v, name, t1, t2, no);
  a.jmp(yes);
  a.bind(no);
}

/** Jump to `yes` if `v` is an object whose type's instances have layout `kind`. Clobbers t. */
export function ifLayout(a: Assembler<any>, v: R64, kind: LayoutKind, t: R64, yes: Label): void {
  const no = a.newLabel();
  ifNotLayout(a, v, kind, t, no);
  a.jmp(yes);
  a.bind(no);
}

/** Jump to `no` unless `v` is an object whose type's instances have layout `kind`. Clobbers t. */
export function ifNotLayout(a: Assembler<any>, v: R64, kind: LayoutKind, t: R64, no: Label): void {
  ifNotObj(a, v, t, no);
  a.mov(t, v);
  unboxPtr(a, t);
  a.mov(t, qword(mem(t)));
  a.cmp(qword(mem(t, TYPE.layout)), LAYOUTS[kind].id);
  a.jne(no);
}

/** Jump to `no` unless `v` is a small int. Clobbers t. */
export function ifNotSmallInt(a: Assembler<any>, v: R64, t: R64, no: Label): void {
  a.mov(t, v);
  a.shr(t, 48);
  a.cmp(t, TAG_INT);
  a.jne(no);
}

/**
 * Raise `type_<exc>` with the format `msg` and up to four argument registers, then jump to
 * `out` (rax = EXC). Arguments must not be rdi or rsi; they are moved in order to rdx, rcx,
 * r8, r9, so a later one must not be an earlier target.
 */
export function raise(a: Assembler<any>, exc: string, msg: string, args: readonly (R64 | number)[], out?: Label): void {
  const targets = [rdx, rcx, r8, r9];
  args.forEach((r, i) => {
    if (typeof r === 'number') a.mov(targets[i]!, r);
    else if (r !== targets[i]) a.mov(targets[i]!, r);
  });
  a.lea(rdi, rip(sym(`type_${exc}`)));
  a.lea(rsi, rip(sym(msg)));
  if (out === undefined) a.jmp(sym('rt_raise_fmt'));
  else {
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
  }
}

/** rax = boxed None / True / False / NotImplemented. */
export function loadConst(a: Assembler<any>, r: R64, c: 'None' | 'True' | 'False' | 'NotImplemented' | 'exc' | 'unbound'): void {
  a.mov(r, g(`rt_const_${c}`));
}

// ---- argument checks -------------------------------------------------------------------------

/**
 * How a builtin method takes its positional arguments, which decides CPython's message:
 *   O       exactly one ("list.append() takes exactly one argument (0 given)")
 *   NOARGS  none ("list.copy() takes no arguments (1 given)")
 *   VAR     min..max ("insert expected 2 arguments, got 1", "pop expected at most 1 argument,
 *           got 2", "index expected at least 1 argument, got 0")
 * Keyword arguments are refused with "list.append() takes no keyword arguments".
 */
export type ArgStyle = 'O' | 'NOARGS' | 'VAR';
const STYLE_ID: Record<ArgStyle, number> = { O: 0, NOARGS: 1, VAR: 2 };

export interface ArgSpec {
  /** Symbol of the spec record. */
  readonly sym: string;
  readonly style: ArgStyle;
  /** Arguments after self. */
  readonly min: number;
  readonly max: number;
  /** Qualified name for the O/NOARGS/keyword messages ("list.append"). */
  readonly qualname: string;
  /** Short name for the VAR messages ("insert"). */
  readonly short: string;
}

export function argSpec(qualname: string, style: ArgStyle, min = style === 'O' ? 1 : 0, max = style === 'O' ? 1 : min, short?: string): ArgSpec {
  return { sym: `argspec_${qualname.replace(/\./g, '_')}`, style, min, max, qualname, short: short ?? qualname.slice(qualname.lastIndexOf('.') + 1) };
}

/** The spec record: +0 style, +8 min, +16 max, +24 qualname cstr, +32 short name cstr. */
export function argSpecDatum(s: ArgSpec): RuntimeDatum {
  return {
    name: s.sym,
    section: 'rodata',
    align: 8,
    emit(a) {
      const q = a.newLabel();
      const n = a.newLabel();
      a.u64(STYLE_ID[s.style]);
      a.u64(s.min);
      a.u64(s.max);
      a.u64(q);
      a.u64(n);
      a.bind(q);
      a.bytes(new TextEncoder().encode(`${s.qualname}\0`));
      a.bind(n);
      a.bytes(new TextEncoder().encode(`${s.short}\0`));
    },
  };
}

/**
 * Check a vector-ABI call's arguments against `spec`: `nargs` counts self, `kw` is kwnames or
 * 0. The common case (right count, no keywords) falls through without a call; otherwise
 * rt_cont_checkargs decides and raises, and we jump to `onExc` (rax = EXC). Clobbers rax,
 * caller-saved registers on the slow path.
 */
export function checkArgs(a: Assembler<any>, spec: ArgSpec, nargs: R64, kw: R64, onExc: Label): void {
  const slow = a.newLabel();
  const ok = a.newLabel();
  a.test(kw, kw);
  a.jne(slow);
  if (spec.min === spec.max) {
    a.cmp(nargs, spec.min + 1);
    a.je(ok);
  } else {
    a.lea(rax, mem(nargs, -1 - spec.min));
    a.cmp(rax, spec.max - spec.min);
    a.jbe(ok);
  }
  a.bind(slow);
  if (nargs !== rsi) a.mov(rsi, nargs);
  if (kw !== rdx) a.mov(rdx, kw);
  a.dec(rsi);
  a.lea(rdi, rip(sym(spec.sym)));
  a.call(sym('rt_cont_checkargs'));
  ifExc(a, onExc);
  a.bind(ok);
}

/** Containers whose repr may be running at once (deeper nesting raises RecursionError). */
const REPR_STACK = 4096;

// ---- routines --------------------------------------------------------------------------------

export const contSharedModule: RuntimeModule = {
  name: 'listshared',
  routines: [
    {
      name: 'rt_cont_checkargs',
      contract: 'rdi=argument spec record (listshared.ts), rsi=positional arguments after self, rdx=kwnames tuple or 0 -> rax=0 if they fit, else EXC (TypeError with CPython\'s message); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noKw = a.newLabel();
        const ok = a.newLabel();
        const notO = a.newLabel();
        const notNoargs = a.newLabel();
        const tooFew = a.newLabel();
        const tooMany = a.newLabel();
        const message = a.newLabel();
        const haveMsg = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.test(rdx, rdx);
        a.je(noKw);
        a.mov(rax, rdx);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.je(noKw);
        a.mov(rdx, qword(mem(r12, 24)));
        raise(a, 'TypeError', 'msg_cont_no_kwargs', [rdx], out);
        a.bind(noKw);
        a.mov(rax, qword(mem(r12)));
        a.cmp(rax, STYLE_ID.O);
        a.jne(notO);
        a.cmp(r13, 1);
        a.je(ok);
        a.mov(rdx, qword(mem(r12, 24)));
        raise(a, 'TypeError', 'msg_cont_one_arg', [rdx, r13], out);
        a.bind(notO);
        a.cmp(rax, STYLE_ID.NOARGS);
        a.jne(notNoargs);
        a.test(r13, r13);
        a.je(ok);
        a.mov(rdx, qword(mem(r12, 24)));
        raise(a, 'TypeError', 'msg_cont_no_args', [rdx, r13], out);
        a.bind(notNoargs);
        a.cmp(r13, qword(mem(r12, 8)));
        a.jl(tooFew);
        a.cmp(r13, qword(mem(r12, 16)));
        a.jg(tooMany);
        a.bind(ok);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
        // The bound in the message is min (too few) or max (too many); "expected N
        // arguments" without "at least"/"at most" when min == max.
        a.bind(tooFew);
        a.mov(r14, qword(mem(r12, 8)));
        a.lea(rsi, rip(sym('msg_cont_at_least')));
        a.jmp(message);
        a.bind(tooMany);
        a.mov(r14, qword(mem(r12, 16)));
        a.lea(rsi, rip(sym('msg_cont_at_most')));
        a.bind(message);
        a.mov(rax, qword(mem(r12, 8)));
        a.cmp(rax, qword(mem(r12, 16)));
        a.jne(haveMsg);
        a.lea(rsi, rip(sym('msg_cont_expected')));
        a.bind(haveMsg);
        a.mov(rdx, qword(mem(r12, 32)));
        a.mov(rcx, r14);
        a.lea(r8, rip(sym('str_cont_s')));
        a.lea(rax, rip(sym('str_cont_empty')));
        a.cmp(r14, 1);
        a.cmove(r8, rax);
        a.mov(r9, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_cont_iter',
      contract: "rdi=value -> rax=iterator (the type's iter slot) or EXC (TypeError \"'%T' object is not iterable\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        a.call(sym('rt_type_of')); // preserves rdi
        a.mov(rax, qword(mem(rax, typeSlot('iter'))));
        a.test(rax, rax);
        a.je(none);
        a.jmp(rax);
        a.bind(none);
        a.mov(rdx, rdi);
        raise(a, 'TypeError', 'msg_cont_not_iterable', [rdx]);
      },
    },
    {
      name: 'rt_cont_next',
      contract: "rdi=iterator -> rax=next value, UNBOUND when exhausted, or EXC (TypeError \"'%T' object is not an iterator\" without a next slot); may allocate, may raise",
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('next'))));
        a.test(rax, rax);
        a.je(none);
        a.jmp(rax);
        a.bind(none);
        a.mov(rdx, rdi);
        raise(a, 'TypeError', 'msg_cont_not_iterator', [rdx]);
      },
    },
    {
      name: 'rt_cont_index',
      contract: 'rdi=value -> rax=i64 and edx=0 for an int or bool that fits; edx=1 for an int beyond i64 (rax=+1 or -1, its sign); edx=2 for anything else; clobbers rax rcx rdx; no alloc, no raise',
      emit(a: Assembler<any>) {
        // Objects with __index__ other than int and bool are not converted yet (the generic
        // rt_index of the protocol module will do it).
        const notSmall = a.newLabel();
        const notBool = a.newLabel();
        const other = a.newLabel();
        const big = a.newLabel();
        const over = a.newLabel();
        const neg = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_INT);
        a.jne(notSmall);
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.xor(edx, edx);
        a.ret();
        a.bind(notSmall);
        a.cmp(eax, TAG_OBJ);
        a.jne(other);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.lea(rcx, rip(sym('type_bool')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(notBool);
        a.mov(rax, qword(mem(rax, 16))); // bool objects carry their int value
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.xor(edx, edx);
        a.ret();
        a.bind(notBool);
        a.lea(rcx, rip(sym('type_int')));
        a.cmp(qword(mem(rax)), rcx);
        a.je(big);
        intSubclassIndex(a, big); // instances of subclasses of int (intsub.ts)
        a.bind(other);
        a.mov(edx, 2);
        a.ret();
        // A big int is outside int48 (canonical form), so it has at least two 32-bit digits;
        // with exactly two its magnitude m is one u64: it fits if m < 2^63, or m <= 2^63 when
        // negative.
        a.bind(big);
        a.cmp(qword(mem(rax, BIGINT.ndigits)), 2);
        a.ja(over);
        a.mov(rdx, qword(mem(rax, BIGINT.digits)));
        a.cmp(qword(mem(rax, BIGINT.sign)), 0);
        a.jl(neg);
        a.test(rdx, rdx);
        a.js(over);
        a.mov(rax, rdx);
        a.xor(edx, edx);
        a.ret();
        a.bind(neg);
        a.neg(rdx);
        a.jns(over);
        a.mov(rax, rdx);
        a.xor(edx, edx);
        a.ret();
        a.bind(over);
        a.mov(rcx, qword(mem(rax, BIGINT.sign)));
        a.mov(eax, 1);
        a.mov(rdx, -1);
        a.test(rcx, rcx);
        a.cmovs(rax, rdx);
        a.mov(edx, 1);
        a.ret();
      },
    },
    {
      name: 'rt_cont_box_i64',
      contract: 'rdi=i64 -> rax=int value (a small int, or a big int through the int module\'s rt_int_from_i64) or EXC; may allocate',
      emit(a: Assembler<any>) {
        const big = a.newLabel();
        const missing = a.newLabel();
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cmp(rax, rdi);
        a.jne(big);
        boxIntUnchecked(a, rax, rcx);
        a.ret();
        a.bind(big);
        a.mov(rax, g('cont_fn_int_from_i64'));
        a.test(rax, rax);
        a.je(missing);
        a.jmp(rax);
        a.bind(missing);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_cont_no_bigint')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_cont_repr_enter',
      contract: 'rdi=container value -> eax=0 (now marked as being repr\'d), 1 (already being repr\'d: write "[...]"), or -1 (RecursionError raised); clobbers rax rcx rdx; may allocate (only to raise)',
      emit(a: Assembler<any>) {
        // Py_ReprEnter: the containers whose repr is running, innermost last. Nesting is bounded
        // by rt_recursion_enter, which every container repr calls first.
        const scan = a.newLabel();
        const push = a.newLabel();
        const found = a.newLabel();
        const full = a.newLabel();
        a.mov(rdx, g('rt_cont_repr_depth'));
        a.lea(rcx, rip(sym('rt_cont_repr_stack')));
        a.bind(scan);
        a.test(rdx, rdx);
        a.je(push);
        a.dec(rdx);
        a.cmp(qword(sib(rcx, rdx, 8)), rdi);
        a.je(found);
        a.jmp(scan);
        a.bind(push);
        a.mov(rdx, g('rt_cont_repr_depth'));
        a.cmp(rdx, REPR_STACK);
        a.jae(full);
        a.mov(qword(sib(rcx, rdx, 8)), rdi);
        a.inc(rdx);
        a.mov(g('rt_cont_repr_depth'), rdx);
        a.xor(eax, eax);
        a.ret();
        a.bind(found);
        a.mov(eax, 1);
        a.ret();
        a.bind(full);
        a.sub(rsp, 8);
        a.lea(rdx, rip(sym('msg_while_repr')));
        a.lea(rdi, rip(sym('type_RecursionError')));
        a.lea(rsi, rip(sym('msg_recursion')));
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.mov(eax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_cont_repr_leave',
      contract: 'undo rt_cont_repr_enter (that returned 0) for the innermost container; clobbers nothing but flags',
      emit(a: Assembler<any>) {
        a.dec(g('rt_cont_repr_depth'));
        a.ret();
      },
    },
    {
      name: 'rt_cont_try_reflected',
      contract: 'rdi=a, rsi=b, edx=BINOPS index -> rax=the result of type(b)\'s binop slot on (a, b) when type(b) has one that is not type(a)\'s, else NotImplemented; or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Sequences give the other operand's __radd__/__rmul__ a chance before concatenating
        // or repeating (binary_op1 runs before sq_concat / sq_repeat in CPython). Builtin
        // types never define those for a foreign sequence on the left, and their own sequence
        // slots would answer with their own error, so only classes are asked.
        const saved = [r12, r13, r14] as const;
        const ni = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(ni);
        a.mov(r8, qword(mem(rax, typeSlot('binop'))));
        a.test(r8, r8);
        a.je(ni);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.cmp(r8, qword(mem(rax, typeSlot('binop'))));
        a.je(ni);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.call(r8);
        a.jmp(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_cont_cmp_result',
      contract: 'rdi, rsi=i64 operands, edx=CMPOPS index -> rax=True or False (the comparison of the two integers); clobbers rax rcx rdx',
      emit(a: Assembler<any>) {
        // Row op, column sign(rdi - rsi) + 1 of a 6x3 truth table.
        a.xor(eax, eax);
        a.cmp(rdi, rsi);
        a.setg(al);
        a.setl(cl);
        a.sub(al, cl);
        a.movsx(eax, al);
        a.inc(eax);
        a.lea(rcx, sib(rdx, rdx, 2));
        a.add(rax, rcx);
        a.lea(rcx, rip(sym('cont_cmp_table')));
        a.movzx(eax, byte(sib(rcx, rax, 1)));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_False'));
        a.cmovne(rax, g('rt_const_True'));
        a.ret();
      },
    },
    {
      name: 'rt_cont_ssize_arg',
      contract: 'rdi=argument -> rax=i64 and edx=0; or edx=1 with OverflowError ("Python int too large to convert to C ssize_t") or TypeError ("\'%T\' object cannot be interpreted as an integer") raised; may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        const over = a.newLabel();
        a.call(sym('rt_cont_index'));
        a.cmp(edx, 1);
        a.je(over);
        a.ja(bad);
        a.ret();
        a.bind(over);
        a.sub(rsp, 8);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_cont_ssize')));
        a.call(sym('rt_raise_cstr'));
        a.add(rsp, 8);
        a.mov(edx, 1);
        a.ret();
        a.bind(bad);
        a.sub(rsp, 8);
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_cont_not_integer')));
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.mov(edx, 1);
        a.ret();
      },
    },
    {
      name: 'rt_cont_sliceidx_arg',
      contract: 'rdi=argument (an index bound of list.index & co.: an int or an object with __index__) -> rax=i64 (ints beyond i64 clipped) and edx=0; or edx=1 with TypeError raised ("slice indices must be integers or have an __index__ method", or what __index__ raised); may allocate, may raise',
      emit(a: Assembler<any>) {
        // _PyEval_SliceIndexNotNone
        const bad = a.newLabel();
        const over = a.newLabel();
        const retry = a.newLabel();
        a.bind(retry);
        a.call(sym('rt_cont_index'));
        a.cmp(edx, 1);
        a.je(over);
        a.ja(bad);
        a.ret();
        a.bind(over);
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
        sliceIndexTail(a, retry, 'msg_cont_sliceidx'); // __index__ (builtinsub.ts)
      },
    },
    {
      name: 'rt_cont_streq',
      contract: 'rdi, rsi=raw addresses of two str objects -> eax=1 if equal (length, kind, code points), else 0; clobbers rax rcx rdi rsi; no alloc',
      emit(a: Assembler<any>) {
        // Kinds are canonical (the narrowest that fits), so equal strs have equal kinds.
        const no = a.newLabel();
        const words = a.newLabel();
        const tail = a.newLabel();
        const yes = a.newLabel();
        a.mov(rax, qword(mem(rdi, STR.length)));
        a.cmp(rax, qword(mem(rsi, STR.length)));
        a.jne(no);
        a.movzx(ecx, byte(mem(rdi, STR.kind)));
        a.cmp(byte(mem(rsi, STR.kind)), cl);
        a.jne(no);
        a.imul(rax, rcx);
        a.add(rdi, STR.data);
        a.add(rsi, STR.data);
        // rax = bytes to compare. Eight at a time; the last 1..8 bytes of a str of at
        // least 8 bytes as one (overlapping) qword ending at the end of the data, shorter
        // ones by 4, 2 and 1 bytes: dict and set probes compare short words (no byte loop).
        a.cmp(rax, 8);
        a.jb(tail);
        a.bind(words);
        a.cmp(rax, 8);
        const last = a.newLabel();
        a.jbe(last);
        a.mov(rcx, qword(mem(rdi)));
        a.cmp(rcx, qword(mem(rsi)));
        a.jne(no);
        a.add(rdi, 8);
        a.add(rsi, 8);
        a.sub(rax, 8);
        a.jmp(words);
        a.bind(last);
        a.mov(rcx, qword(sib(rdi, rax, 1, -8)));
        a.cmp(rcx, qword(sib(rsi, rax, 1, -8)));
        a.jne(no);
        a.jmp(yes);
        a.bind(tail);
        const two = a.newLabel();
        const one = a.newLabel();
        a.test(al, 4);
        a.je(two);
        a.mov(ecx, dword(mem(rdi)));
        a.cmp(ecx, dword(mem(rsi)));
        a.jne(no);
        a.add(rdi, 4);
        a.add(rsi, 4);
        a.bind(two);
        a.test(al, 2);
        a.je(one);
        a.mov(cx, word(mem(rdi)));
        a.cmp(cx, word(mem(rsi)));
        a.jne(no);
        a.add(rdi, 2);
        a.add(rsi, 2);
        a.bind(one);
        a.test(al, 1);
        a.je(yes);
        a.movzx(ecx, byte(mem(rdi)));
        a.cmp(byte(mem(rsi)), cl);
        a.jne(no);
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_cont_hash',
      contract: 'rdi=value -> rax=hash, or -1 if it raised; exact strs with a cached hash and bools answer at once, anything else goes through rt_hash; may allocate, may raise',
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const notStr = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(generic);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.lea(rcx, rip(sym('type_str')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(notStr);
        a.mov(rax, qword(mem(rax, STR.hash)));
        a.cmp(rax, -1);
        a.je(generic);
        a.ret();
        // hash(True) == hash(1): a bool hashes as its int value.
        a.bind(notStr);
        a.lea(rcx, rip(sym('type_bool')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(generic);
        a.mov(rax, qword(mem(rax, 16)));
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.ret();
        a.bind(generic);
        a.jmp(sym('rt_hash'));
      },
    },
    {
      name: 'rt_cont_keyeq',
      contract: 'rdi=a, rsi=b -> eax=1 if a == b (identity, then exact strs compared directly, a bool and an int by value, then rt_eq), 0 if not, -1 if it raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const same = a.newLabel();
        const notStr = a.newLabel();
        a.cmp(rdi, rsi);
        a.je(same);
        ifNotExact(a, rdi, 'str', rax, rcx, notStr);
        ifNotExact(a, rsi, 'str', rax, rcx, generic);
        unboxPtr(a, rdi);
        unboxPtr(a, rsi);
        a.jmp(sym('rt_cont_streq'));
        a.bind(same);
        a.mov(eax, 1);
        a.ret();
        // int == bool by value (both canonical small ints inside).
        a.bind(notStr);
        for (const [x, y] of [[rdi, rsi], [rsi, rdi]] as const) {
          const next = a.newLabel();
          ifNotExact(a, x, 'bool', rax, rcx, next);
          a.mov(rax, x);
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, 16)));
          ifNotSmallInt(a, y, rcx, generic);
          a.cmp(rax, y);
          a.sete(al);
          a.movzx(eax, al);
          a.ret();
          a.bind(next);
        }
        a.bind(generic);
        a.jmp(sym('rt_eq'));
      },
    },
    {
      name: 'rt_cont_seqitems',
      contract: 'rdi=a value whose type has the tuple or list layout -> rax=address of its first item word, rdx=its length; clobbers rax rdx; no alloc',
      emit(a: Assembler<any>) {
        const isList = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rax)));
        a.cmp(qword(mem(rdx, TYPE.layout)), LAYOUTS.list.id);
        a.je(isList);
        a.mov(rdx, qword(mem(rax, TUPLE.length)));
        a.add(rax, TUPLE.items);
        a.ret();
        a.bind(isList);
        a.mov(rdx, qword(mem(rax, LIST.length)));
        a.mov(rax, qword(mem(rax, LIST.items)));
        unboxPtr(a, rax);
        a.add(rax, VALUES.items);
        a.ret();
      },
    },
  ],
  data: [
    //                                 <  ==  >
    { name: 'cont_cmp_table', section: 'rodata', align: 8, emit: (a) => a.bytes([
      1, 0, 0, // <
      1, 1, 0, // <=
      0, 1, 0, // ==
      1, 0, 1, // !=
      0, 0, 1, // >
      0, 1, 1, // >=
    ]) },
    { name: 'rt_cont_repr_stack', section: 'bss', size: REPR_STACK * 8 },
    { name: 'rt_cont_repr_depth', section: 'bss', size: 8 },
    cstr('msg_cont_no_kwargs', '%s() takes no keyword arguments'),
    cstr('msg_cont_one_arg', '%s() takes exactly one argument (%d given)'),
    cstr('msg_cont_no_args', '%s() takes no arguments (%d given)'),
    cstr('msg_cont_expected', '%s expected %d argument%s, got %d'),
    cstr('msg_cont_at_least', '%s expected at least %d argument%s, got %d'),
    cstr('msg_cont_at_most', '%s expected at most %d argument%s, got %d'),
    cstr('str_cont_s', 's'),
    cstr('str_cont_empty', ''),
    cstr('msg_cont_not_iterable', "'%T' object is not iterable"),
    cstr('msg_cont_not_iterator', "'%T' object is not an iterator"),
    cstr('msg_cont_ssize', 'Python int too large to convert to C ssize_t'),
    cstr('msg_cont_not_integer', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_cont_sliceidx', 'slice indices must be integers or have an __index__ method'),
    cstr('msg_cont_no_bigint', 'int beyond 48 bits: the int module is not linked'),
    // Routines of other areas used when the image has them (0 otherwise).
    { name: 'cont_fn_int_from_i64', section: 'rodata', align: 8, emit: (a, ctx) => emitWord(a, { addrIfDefined: 'rt_int_from_i64' }, ctx) },
  ],
};
