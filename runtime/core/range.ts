// Container runtime: range objects and their iterators (Objects/rangeobject.c of CPython
// 3.11).
//
// A range (layout.ts RANGE) holds start, stop, step and its length as int values, small or
// big, so ranges are exact for any int. Each operation has a fast path for small ints (the
// values of a range whose start and stop are small ints are small too) and a general path
// on int arithmetic through rt_range_arith / rt_range_cmp, which use the generic binary
// operation and comparison (so big ints need the int module). range_iterator (RANGEITER:
// raw i64 next, step, remaining) serves ranges with small start, stop and step;
// longrange_iterator (value fields) the others. len() of a range longer than sys.maxsize
// raises OverflowError "Python int too large to convert to C ssize_t"; bool() does not.

import { type Assembler, type Label, al, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { boxInt, RANGE, RANGEITER } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitWord } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifExact, ifNotExact, ifNotSmallInt, raise } from './listshared.js';
import { SLICEOUT } from './slice.js';

export const RANGE_SIZE = RANGE.length + 8;
const RANGEITER_SIZE = RANGEITER.remaining + 8;
/** longrange_iterator: int values next, step and remaining. */
const LONGITER = { next: 16, step: 24, remaining: 32, size: 40 } as const;

const ZERO = boxInt(0n);
const ONE = boxInt(1n);
/** BINOPS indices used here. */
const OP = { add: 0, sub: 1, mul: 2, floordiv: 4, mod: 5 } as const;

const SPEC_NEW = argSpec('range', 'VAR', 1, 3);
const SPEC_INDEX = argSpec('range.index', 'O');
const SPEC_COUNT = argSpec('range.count', 'O');

type R = typeof rax;

/** dst = field `f` (an int value) of the range value in `r`. */
function field(a: Assembler<any>, dst: R, r: R, f: keyof typeof RANGE): void {
  a.mov(dst, r);
  unboxPtr(a, dst);
  a.mov(dst, qword(mem(dst, RANGE[f])));
}

/** Jump to `no` unless the range value in `r` has small start, stop and step. Clobbers t, u. */
function ifNotSmallRange(a: Assembler<any>, r: R, t: R, u: R, no: Label): void {
  a.mov(u, r);
  unboxPtr(a, u);
  for (const f of ['start', 'stop', 'step'] as const) {
    a.mov(t, qword(mem(u, RANGE[f])));
    a.shr(t, 48);
    a.cmp(t, 0xfff9);
    a.jne(no);
  }
}

/** r = sign-extended payload of the small int in r. */
function unbox(a: Assembler<any>, r: R): void {
  a.shl(r, 16);
  a.sar(r, 16);
}

/** rax = arith(rdi, rsi, op) or jump to `fail`. */
function arith(a: Assembler<any>, op: keyof typeof OP, fail: Label): void {
  a.mov(edx, OP[op]);
  a.call(sym('rt_range_arith'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

/** eax = sign(rdi - rsi) through rt_range_cmp, or jump to `fail` (it raised). */
function cmp(a: Assembler<any>, fail: Label): void {
  a.call(sym('rt_range_cmp'));
  a.cmp(eax, 2);
  a.je(fail);
}

const CORE: RuntimeRoutine[] = [
  {
    name: 'rt_range_arith',
    contract: 'rdi=int, rsi=int, edx=BINOPS index (+ - * // %) -> rax=int result or EXC; small ints directly (floor division and modulo as Python, divisor nonzero), anything else through rt_binary_op; may allocate, may raise',
    emit(a: Assembler<any>) {
      const generic = a.newLabel();
      const missing = a.newLabel();
      const notAdd = a.newLabel();
      const notSub = a.newLabel();
      const notMul = a.newLabel();
      const box = a.newLabel();
      ifNotSmallInt(a, rdi, rax, generic);
      ifNotSmallInt(a, rsi, rax, generic);
      a.mov(rax, rdi);
      unbox(a, rax);
      a.mov(rcx, rsi);
      unbox(a, rcx);
      a.cmp(edx, OP.add);
      a.jne(notAdd);
      a.add(rax, rcx);
      a.jmp(box);
      a.bind(notAdd);
      a.cmp(edx, OP.sub);
      a.jne(notSub);
      a.sub(rax, rcx);
      a.jmp(box);
      a.bind(notSub);
      a.cmp(edx, OP.mul);
      a.jne(notMul);
      a.imul(rax, rcx);
      a.jo(generic);
      a.jmp(box);
      a.bind(notMul);
      a.cmp(edx, OP.floordiv);
      const notDiv = a.newLabel();
      a.jne(notDiv);
      // Floor division: truncate, then step down when the remainder's sign differs.
      a.cqo();
      a.idiv(rcx);
      const exact = a.newLabel();
      a.test(rdx, rdx);
      a.je(exact);
      a.xor(rdx, rcx);
      a.jns(exact);
      a.dec(rax);
      a.bind(exact);
      a.jmp(box);
      a.bind(notDiv);
      a.cmp(edx, OP.mod);
      a.jne(generic);
      // Python's %: the remainder takes the divisor's sign.
      a.cqo();
      a.idiv(rcx);
      a.mov(rax, rdx);
      const modDone = a.newLabel();
      a.test(rdx, rdx);
      a.je(modDone);
      a.xor(rdx, rcx);
      a.jns(modDone);
      a.add(rax, rcx);
      a.bind(modDone);
      a.bind(box);
      a.mov(rdi, rax);
      a.jmp(sym('rt_cont_box_i64'));
      a.bind(generic);
      a.mov(rax, g('cont_fn_binary_op'));
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
    name: 'rt_range_cmp',
    contract: 'rdi=int, rsi=int -> eax=-1 if a < b, 0 if equal, 1 if greater, 2 if a comparison raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const generic = a.newLabel();
      const out = a.newLabel();
      const fail = a.newLabel();
      ifNotSmallInt(a, rdi, rax, generic);
      ifNotSmallInt(a, rsi, rax, generic);
      a.mov(rax, rdi);
      unbox(a, rax);
      a.mov(rcx, rsi);
      unbox(a, rcx);
      a.xor(edx, edx);
      a.cmp(rax, rcx);
      a.setg(al);
      a.movzx(eax, al);
      a.mov(ecx, -1);
      a.cmovl(eax, ecx);
      a.ret();
      a.bind(generic);
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      for (const [op, result] of [[0, -1], [2, 0]] as const) {
        const next = a.newLabel();
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(edx, op);
        callChecked(a, 'rt_richcompare', fail);
        a.mov(rdi, rax);
        a.call(sym('rt_truthy'));
        a.test(eax, eax);
        a.js(fail);
        a.je(next);
        a.mov(eax, result);
        a.jmp(out);
        a.bind(next);
      }
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(fail);
      a.mov(eax, 2);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_range_int_arg',
    contract: "rdi=argument -> rax=it as an int value (ints as they are, bools as 0 or 1, other objects through __index__: rt_bi_index), or EXC (TypeError \"'%T' object cannot be interpreted as an integer\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const notSmall = a.newLabel();
      const bad = a.newLabel();
      ifNotSmallInt(a, rdi, rax, notSmall);
      a.mov(rax, rdi);
      a.ret();
      a.bind(notSmall);
      const isInt = a.newLabel();
      ifExact(a, rdi, 'int', rax, rcx, isInt);
      ifNotExact(a, rdi, 'bool', rax, rcx, bad);
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, 16)));
      a.ret();
      a.bind(isInt);
      a.mov(rax, rdi);
      a.ret();
      a.bind(bad);
      {
        // An instance of a subclass of int: its value as an exact int (intsub.ts).
        const notSub = a.newLabel();
        a.call(sym('rt_int_kind'));
        a.cmp(eax, 4);
        a.jne(notSub);
        a.jmp(sym('rt_int_pos'));
        a.bind(notSub);
      }
      // Other objects: PyNumber_Index (their class's __index__, or CPython's TypeError).
      a.jmp(sym('rt_bi_index'));
    },
  },
  {
    name: 'rt_range_make',
    contract: 'rdi=start, rsi=stop, rdx=step (ints, step nonzero) -> rax=new range value with its length (compute_range_length), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const generic = a.newLabel();
      const haveLen = a.newLabel();
      const empty = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      for (const r of [r12, r13, r14]) ifNotSmallInt(a, r, rax, generic);
      {
        // lo, hi, step = (start, stop, step) or (stop, start, -step); len = (hi - lo - 1) // step + 1.
        const pos = a.newLabel();
        const ready = a.newLabel();
        a.mov(rax, r12);
        unbox(a, rax);
        a.mov(rcx, r13);
        unbox(a, rcx);
        a.mov(r8, r14);
        unbox(a, r8);
        a.test(r8, r8);
        a.jns(pos);
        a.xchg(rax, rcx);
        a.neg(r8);
        a.bind(pos);
        a.cmp(rax, rcx);
        a.jge(empty);
        a.sub(rcx, rax);
        a.dec(rcx);
        a.mov(rax, rcx);
        a.xor(edx, edx);
        a.div(r8);
        a.inc(rax);
        a.bind(ready);
        a.mov(rcx, 0xfff9_0000_0000_0000n);
        a.or(rax, rcx);
        a.mov(r15, rax);
        a.jmp(haveLen);
      }
      a.bind(empty);
      a.mov(r15, ZERO);
      a.jmp(haveLen);
      // General ints: the same through rt_range_arith / rt_range_cmp.
      a.bind(generic);
      {
        const pos = a.newLabel();
        const ready = a.newLabel();
        a.mov(rdi, r14);
        a.mov(rsi, ZERO);
        cmp(a, fail);
        a.mov(rbx, r12); // lo
        a.mov(r15, r13); // hi
        a.mov(qword(mem(rsp)), r14); // step
        a.test(eax, eax);
        a.jg(pos);
        a.mov(rbx, r13);
        a.mov(r15, r12);
        a.mov(rdi, ZERO);
        a.mov(rsi, r14);
        arith(a, 'sub', fail);
        a.mov(qword(mem(rsp)), rax);
        a.bind(pos);
        a.mov(rdi, rbx);
        a.mov(rsi, r15);
        cmp(a, fail);
        a.test(eax, eax);
        a.jns(empty);
        a.mov(rdi, r15);
        a.mov(rsi, rbx);
        arith(a, 'sub', fail);
        a.mov(rdi, rax);
        a.mov(rsi, ONE);
        arith(a, 'sub', fail);
        a.mov(rdi, rax);
        a.mov(rsi, qword(mem(rsp)));
        arith(a, 'floordiv', fail);
        a.mov(rdi, rax);
        a.mov(rsi, ONE);
        arith(a, 'add', fail);
        a.mov(r15, rax);
        a.bind(ready);
      }
      a.bind(haveLen);
      a.mov(edi, RANGE_SIZE);
      a.lea(rsi, rip(sym('type_range')));
      a.call(sym('rt_alloc'));
      a.mov(qword(mem(rax, RANGE.start)), r12);
      a.mov(qword(mem(rax, RANGE.stop)), r13);
      a.mov(qword(mem(rax, RANGE.step)), r14);
      a.mov(qword(mem(rax, RANGE.length)), r15);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_new_range',
    contract: 'the new slot of range: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> range(stop) / range(start, stop[, step]) or EXC (TypeError for non-integers, ValueError "range() arg 3 must not be zero"); may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const one = a.newLabel();
      const make = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rsi);
      a.lea(r13, mem(rdx, 1));
      checkArgs(a, SPEC_NEW, r13, rcx, out);
      a.cmp(r13, 2);
      a.je(one);
      // start, stop (and step), converted in that order.
      a.mov(rdi, qword(mem(r12)));
      callChecked(a, 'rt_range_int_arg', fail);
      a.mov(r14, rax);
      a.mov(rdi, qword(mem(r12, 8)));
      callChecked(a, 'rt_range_int_arg', fail);
      a.mov(r15, rax);
      a.mov(rbx, ONE);
      a.cmp(r13, 4);
      a.jne(make);
      a.mov(rdi, qword(mem(r12, 16)));
      callChecked(a, 'rt_range_int_arg', fail);
      a.mov(rbx, rax);
      a.mov(rcx, ZERO);
      a.cmp(rax, rcx);
      a.jne(make);
      raise(a, 'ValueError', 'msg_range_step_zero', [], out);
      a.bind(one);
      a.mov(rdi, qword(mem(r12)));
      callChecked(a, 'rt_range_int_arg', fail);
      a.mov(r15, rax);
      a.mov(r14, ZERO);
      a.mov(rbx, ONE);
      a.bind(make);
      a.mov(rdi, r14);
      a.mov(rsi, r15);
      a.mov(rdx, rbx);
      a.call(sym('rt_range_make'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_range_item',
    contract: 'rdi=range value, rsi=index (an int, 0 <= index < len) -> rax=start + index * step, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(rdi, rsi);
      field(a, rsi, r12, 'step');
      arith(a, 'mul', fail);
      a.mov(rdi, rax);
      field(a, rsi, r12, 'start');
      a.xchg(rdi, rsi);
      arith(a, 'add', fail);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
];

// ---- slots -------------------------------------------------------------------------------------

const SLOTS: RuntimeRoutine[] = [
  {
    name: 'rt_len_range',
    contract: 'rdi=range value -> rax=length, or -1 with OverflowError ("Python int too large to convert to C ssize_t") for a length beyond i64; may allocate (only to raise)',
    emit(a: Assembler<any>) {
      const big = a.newLabel();
      field(a, rdi, rdi, 'length');
      a.call(sym('rt_cont_index'));
      a.test(edx, edx);
      a.jne(big);
      a.ret();
      a.bind(big);
      a.sub(rsp, 8);
      a.lea(rdi, rip(sym('type_OverflowError')));
      a.lea(rsi, rip(sym('msg_cont_ssize')));
      a.call(sym('rt_raise_cstr'));
      a.add(rsp, 8);
      a.mov(rax, -1);
      a.ret();
    },
  },
  {
    name: 'rt_bool_range',
    contract: 'rdi=range value -> eax=1 unless empty (no overflow for huge ranges); clobbers rax rcx',
    emit(a: Assembler<any>) {
      field(a, rax, rdi, 'length');
      a.mov(rcx, ZERO);
      a.cmp(rax, rcx);
      a.setne(al);
      a.movzx(eax, al);
      a.ret();
    },
  },
  {
    name: 'rt_repr_range',
    contract: 'rdi=range value -> rax=str "range(start, stop)" or "range(start, stop, step)" (step shown unless 1), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const noStep = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(edi, 32);
      a.call(sym('rt_sb_new'));
      a.mov(rdi, rax);
      a.lea(rsi, rip(sym('str_range_open')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      const part = (f: 'start' | 'stop' | 'step', sep: boolean): void => {
        if (sep) {
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym('str_comma_space')));
          a.call(sym('rt_sb_append_cstr'));
          a.mov(r13, rax);
        }
        field(a, rdi, r12, f);
        callChecked(a, 'rt_repr', fail);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
      };
      part('start', false);
      part('stop', true);
      field(a, rax, r12, 'step');
      a.mov(rcx, ONE);
      a.cmp(rax, rcx);
      a.je(noStep);
      part('step', true);
      a.bind(noStep);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('str_paren_close')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_hash_range',
    contract: 'rdi=range value -> rax=hash((len, start, step)) with start and step None for an empty range and step None for a single value (range_hash), or -1 if raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const pack = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      field(a, rdi, r12, 'length');
      a.mov(rsi, g('rt_const_None'));
      a.mov(rdx, rsi);
      a.mov(rax, ZERO);
      a.cmp(rdi, rax);
      a.je(pack);
      field(a, rsi, r12, 'start');
      a.mov(rax, ONE);
      a.cmp(rdi, rax);
      a.je(pack);
      field(a, rdx, r12, 'step');
      a.bind(pack);
      a.call(sym('rt_tuple_pack3'));
      a.mov(rdi, rax);
      a.call(sym('rt_hash'));
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_richcompare_range',
    contract: 'rdi=range, rsi=other, edx=CMPOPS index -> rax=bool for == and != between ranges (same sequence of values: range_equals), NotImplemented otherwise, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const out = a.newLabel();
      const ni = a.newLabel();
      const equal = a.newLabel();
      const differ = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14d, edx);
      a.cmp(r14d, 2);
      a.jb(ni);
      a.cmp(r14d, 3);
      a.ja(ni);
      ifNotExact(a, r13, 'range', rax, rcx, ni);
      a.cmp(r12, r13);
      a.je(equal);
      // Same length; empty ranges are equal; then the same start; one value: equal; else same step.
      const eqField = (f: 'length' | 'start' | 'step'): void => {
        field(a, rdi, r12, f);
        field(a, rsi, r13, f);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.js(fail);
        a.je(differ);
      };
      eqField('length');
      field(a, rax, r12, 'length');
      a.mov(rcx, ZERO);
      a.cmp(rax, rcx);
      a.je(equal);
      eqField('start');
      field(a, rax, r12, 'length');
      a.mov(rcx, ONE);
      a.cmp(rax, rcx);
      a.je(equal);
      eqField('step');
      a.bind(equal);
      a.cmp(r14d, 2);
      a.mov(rax, g('rt_const_True'));
      a.cmovne(rax, g('rt_const_False'));
      a.jmp(out);
      a.bind(differ);
      a.cmp(r14d, 2);
      a.mov(rax, g('rt_const_False'));
      a.cmovne(rax, g('rt_const_True'));
      a.jmp(out);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_getitem_range',
    contract: 'rdi=range, rsi=index (int, bool) or slice -> rax=the value (IndexError "range object index out of range") or a new range, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const notInt = a.newLabel();
      const generic = a.newLabel();
      const oob = a.newLabel();
      const slice = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      ifExact(a, r13, 'slice', rax, rcx, slice);
      // an object with __index__: its int (PyIndex_Check; builtinsub.ts)
      {
        const plain = a.newLabel();
        a.mov(rdi, r13);
        a.call(sym('rt_int_kind'));
        a.test(eax, eax);
        a.jne(plain);
        a.mov(rdi, r13);
        a.mov(esi, 1);
        a.call(sym('rt_int_protocol'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(notInt);
        a.mov(r13, rax);
        a.bind(plain);
      }
      a.mov(rdi, r13);
      a.call(sym('rt_range_int_arg'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(notInt);
      a.mov(r13, rax);
      // Small range and small index: start + i * step in i64.
      ifNotSmallRange(a, r12, rax, rcx, generic);
      ifNotSmallInt(a, r13, rax, generic);
      {
        const pos = a.newLabel();
        field(a, rcx, r12, 'length');
        unbox(a, rcx);
        a.mov(rax, r13);
        unbox(a, rax);
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, rcx);
        a.bind(pos);
        a.cmp(rax, rcx);
        a.jae(oob);
        field(a, rcx, r12, 'step');
        unbox(a, rcx);
        a.imul(rax, rcx);
        field(a, rcx, r12, 'start');
        unbox(a, rcx);
        a.add(rax, rcx);
        a.mov(rcx, 0xfff9_0000_0000_0000n);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.or(rax, rcx);
        a.jmp(out);
      }
      // General ints: i < 0 -> i + len; 0 <= i < len, else IndexError.
      a.bind(generic);
      {
        const pos = a.newLabel();
        a.mov(rdi, r13);
        a.mov(rsi, ZERO);
        cmp(a, fail);
        a.test(eax, eax);
        a.jns(pos);
        a.mov(rdi, r13);
        field(a, rsi, r12, 'length');
        arith(a, 'add', fail);
        a.mov(r13, rax);
        a.mov(rdi, r13);
        a.mov(rsi, ZERO);
        cmp(a, fail);
        a.test(eax, eax);
        a.js(oob);
        a.bind(pos);
        a.mov(rdi, r13);
        field(a, rsi, r12, 'length');
        cmp(a, fail);
        a.test(eax, eax);
        a.jns(oob);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_range_item'));
        a.jmp(out);
      }
      a.bind(oob);
      raise(a, 'IndexError', 'msg_range_index', [], out);
      // A range of the selected values: start + i * step for i in the slice's range.
      a.bind(slice);
      {
        // compute_slice for a small range: the slice adjusted against the length, then
        // start + i * step at its start and stop, and step * the slice's step.
        const bigSlice = a.newLabel();
        ifNotSmallRange(a, r12, rax, rcx, bigSlice);
        a.mov(rdi, r13);
        a.lea(rsi, mem(rsp, -SLICEOUT.size));
        a.sub(rsp, SLICEOUT.size);
        a.call(sym('rt_slice_unpack'));
        a.test(rax, rax);
        const unpacked = a.newLabel();
        a.je(unpacked);
        a.add(rsp, SLICEOUT.size);
        a.jmp(fail);
        a.bind(unpacked);
        a.mov(rdi, rsp);
        field(a, rsi, r12, 'length');
        unbox(a, rsi);
        a.call(sym('rt_slice_adjust'));
        field(a, r14, r12, 'step');
        unbox(a, r14);
        field(a, r15, r12, 'start');
        unbox(a, r15);
        a.mov(rbx, qword(mem(rsp, SLICEOUT.step)));
        a.imul(rbx, r14);
        const overflow = a.newLabel();
        a.jo(overflow);
        a.mov(rax, qword(mem(rsp, SLICEOUT.start)));
        a.imul(rax, r14);
        a.add(rax, r15);
        a.mov(rcx, qword(mem(rsp, SLICEOUT.stop)));
        a.imul(rcx, r14);
        a.add(rcx, r15);
        a.add(rsp, SLICEOUT.size);
        a.mov(r15, rcx);
        a.mov(rdi, rax);
        callChecked(a, 'rt_cont_box_i64', fail);
        a.mov(r14, rax);
        a.mov(rdi, r15);
        callChecked(a, 'rt_cont_box_i64', fail);
        a.mov(r15, rax);
        a.mov(rdi, rbx);
        callChecked(a, 'rt_cont_box_i64', fail);
        a.mov(rdx, rax);
        a.mov(rdi, r14);
        a.mov(rsi, r15);
        a.call(sym('rt_range_make'));
        a.jmp(out);
        a.bind(overflow);
        a.add(rsp, SLICEOUT.size);
        a.bind(bigSlice);
        // TODO: slices of ranges beyond small ints need _PySlice_GetLongIndices on big ints.
        raise(a, 'OverflowError', 'msg_cont_ssize', [], out);
      }
      a.bind(notInt);
      a.mov(rdx, r13);
      raise(a, 'TypeError', 'msg_range_indices', [rdx], out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
];

const MORE: RuntimeRoutine[] = [
  {
    name: 'rt_range_contains_int',
    contract: 'rdi=range value, rsi=int -> eax=1 if it is one of the values, 0 if not, -1 if raised (range_contains_long); may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const no = a.newLabel();
      const generic = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      ifNotSmallRange(a, r12, rax, rcx, generic);
      ifNotSmallInt(a, r13, rax, generic);
      {
        const pos = a.newLabel();
        const inRange = a.newLabel();
        a.mov(rax, r13);
        unbox(a, rax);
        field(a, rcx, r12, 'start');
        unbox(a, rcx);
        field(a, rdx, r12, 'stop');
        unbox(a, rdx);
        field(a, r8, r12, 'step');
        unbox(a, r8);
        a.test(r8, r8);
        a.jns(pos);
        // step < 0: stop < x <= start
        a.cmp(rax, rdx);
        a.jle(no);
        a.cmp(rax, rcx);
        a.jg(no);
        a.jmp(inRange);
        a.bind(pos);
        a.cmp(rax, rcx);
        a.jl(no);
        a.cmp(rax, rdx);
        a.jge(no);
        a.bind(inRange);
        a.sub(rax, rcx);
        a.cqo();
        a.idiv(r8);
        a.test(rdx, rdx);
        a.jne(no);
        a.mov(eax, 1);
        a.jmp(out);
      }
      a.bind(generic);
      {
        const pos = a.newLabel();
        const inRange = a.newLabel();
        field(a, rdi, r12, 'step');
        a.mov(rsi, ZERO);
        cmp(a, fail);
        a.test(eax, eax);
        a.jg(pos);
        field(a, rdi, r12, 'stop');
        a.mov(rsi, r13);
        cmp(a, fail);
        a.test(eax, eax);
        a.jns(no);
        a.mov(rdi, r13);
        field(a, rsi, r12, 'start');
        cmp(a, fail);
        a.test(eax, eax);
        a.jg(no);
        a.jmp(inRange);
        a.bind(pos);
        field(a, rdi, r12, 'start');
        a.mov(rsi, r13);
        cmp(a, fail);
        a.test(eax, eax);
        a.jg(no);
        a.mov(rdi, r13);
        field(a, rsi, r12, 'stop');
        cmp(a, fail);
        a.test(eax, eax);
        a.jns(no);
        a.bind(inRange);
        a.mov(rdi, r13);
        field(a, rsi, r12, 'start');
        arith(a, 'sub', fail);
        a.mov(rdi, rax);
        field(a, rsi, r12, 'step');
        arith(a, 'mod', fail);
        a.mov(rcx, ZERO);
        a.cmp(rax, rcx);
        a.jne(no);
        a.mov(eax, 1);
        a.jmp(out);
      }
      a.bind(no);
      a.xor(eax, eax);
      a.jmp(out);
      a.bind(fail);
      a.mov(eax, -1);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_range_search',
    contract: 'rdi=range value, rsi=value, edx=0 contains / 1 count / 2 index -> rax=1 or 0 (contains), the count, or the index (-1 if absent) by iterating with == (_PySequence_IterSearch); rax=-2 if raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const loop = a.newLabel();
      const hit = a.newLabel();
      const end = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r13, rsi);
      a.mov(r14d, edx);
      a.call(sym('rt_iter_range'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.mov(r12, rax);
      a.xor(ebx, ebx); // items seen
      a.xor(r15, r15); // count
      a.bind(loop);
      a.mov(rdi, r12);
      a.call(sym('rt_cont_next'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(end);
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      a.js(fail);
      a.jne(hit);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(hit);
      const notCount = a.newLabel();
      a.cmp(r14d, 1);
      a.jne(notCount);
      a.inc(r15);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(notCount);
      a.mov(eax, 1);
      a.cmp(r14d, 2);
      a.cmove(rax, rbx);
      a.jmp(out);
      a.bind(end);
      a.xor(eax, eax);
      a.cmp(r14d, 1);
      a.cmove(rax, r15);
      a.mov(rcx, -1);
      a.cmp(r14d, 2);
      a.cmove(rax, rcx);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, -2);
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_contains_range',
    contract: 'rdi=range, rsi=value -> eax=1 / 0, -1 if raised: ints and bools by arithmetic, anything else by iteration with ==; may allocate, may raise',
    emit(a: Assembler<any>) {
      const other = a.newLabel();
      const isInt = a.newLabel();
      ifNotSmallInt(a, rsi, rax, other);
      a.jmp(sym('rt_range_contains_int'));
      a.bind(other);
      ifExact(a, rsi, 'int', rax, rcx, isInt);
      const notBool = a.newLabel();
      ifNotExact(a, rsi, 'bool', rax, rcx, notBool);
      a.mov(rsi, qword(mem(rax, 16)));
      a.bind(isInt);
      a.jmp(sym('rt_range_contains_int'));
      a.bind(notBool);
      a.xor(edx, edx);
      a.sub(rsp, 8);
      a.call(sym('rt_range_search'));
      a.add(rsp, 8);
      a.cmp(rax, -2);
      const ok = a.newLabel();
      a.jne(ok);
      a.mov(eax, -1);
      a.bind(ok);
      a.ret();
    },
  },
  {
    name: 'rt_iter_range',
    contract: 'rdi=range value -> rax=range_iterator (small start, stop and step) or longrange_iterator; may allocate',
    emit(a: Assembler<any>) {
      const long = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, rdi);
      ifNotSmallRange(a, r12, rax, rcx, long);
      a.mov(edi, RANGEITER_SIZE);
      a.lea(rsi, rip(sym('type_range_iterator')));
      a.call(sym('rt_alloc'));
      for (const [f, to] of [['start', 'next'], ['step', 'step'], ['length', 'remaining']] as const) {
        field(a, rcx, r12, f);
        unbox(a, rcx);
        a.mov(qword(mem(rax, RANGEITER[to])), rcx);
      }
      boxPtr(a, rax, rcx);
      const out = a.newLabel();
      a.bind(out);
      epilogue(a, [r12]);
      a.bind(long);
      a.mov(edi, LONGITER.size);
      a.lea(rsi, rip(sym('type_longrange_iterator')));
      a.call(sym('rt_alloc'));
      a.mov(dword(mem(rax, 12)), 3);
      for (const [f, to] of [['start', 'next'], ['step', 'step'], ['length', 'remaining']] as const) {
        field(a, rcx, r12, f);
        a.mov(qword(mem(rax, LONGITER[to])), rcx);
      }
      boxPtr(a, rax, rcx);
      a.jmp(out);
    },
  },
  {
    name: 'rt_range_reversed',
    contract: 'rdi=range value -> rax=iterator over its values from the last (range_reverse), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const long = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      ifNotSmallRange(a, r12, rax, rcx, long);
      a.mov(edi, RANGEITER_SIZE);
      a.lea(rsi, rip(sym('type_range_iterator')));
      a.call(sym('rt_alloc'));
      field(a, rcx, r12, 'length');
      unbox(a, rcx);
      a.mov(qword(mem(rax, RANGEITER.remaining)), rcx);
      field(a, rdx, r12, 'step');
      unbox(a, rdx);
      a.dec(rcx);
      a.imul(rcx, rdx);
      a.neg(rdx);
      a.mov(qword(mem(rax, RANGEITER.step)), rdx);
      field(a, rdx, r12, 'start');
      unbox(a, rdx);
      a.add(rcx, rdx);
      a.mov(qword(mem(rax, RANGEITER.next)), rcx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      // General ints: next = start + (len - 1) * step, step = -step.
      a.bind(long);
      field(a, rdi, r12, 'length');
      a.mov(rsi, ONE);
      arith(a, 'sub', fail);
      a.mov(rdi, rax);
      field(a, rsi, r12, 'step');
      arith(a, 'mul', fail);
      a.mov(rdi, rax);
      field(a, rsi, r12, 'start');
      arith(a, 'add', fail);
      a.mov(r13, rax);
      a.mov(rdi, ZERO);
      field(a, rsi, r12, 'step');
      arith(a, 'sub', fail);
      a.push(rax);
      a.mov(edi, LONGITER.size);
      a.lea(rsi, rip(sym('type_longrange_iterator')));
      a.call(sym('rt_alloc'));
      a.pop(rcx);
      a.mov(dword(mem(rax, 12)), 3);
      a.mov(qword(mem(rax, LONGITER.step)), rcx);
      a.mov(qword(mem(rax, LONGITER.next)), r13);
      field(a, rcx, r12, 'length');
      a.mov(qword(mem(rax, LONGITER.remaining)), rcx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_next_range_iterator',
    contract: 'rdi=range_iterator -> rax=next value (a small int), or UNBOUND when exhausted; clobbers rax rcx rdx',
    emit(a: Assembler<any>) {
      const end = a.newLabel();
      a.mov(rcx, rdi);
      unboxPtr(a, rcx);
      a.cmp(qword(mem(rcx, RANGEITER.remaining)), 0);
      a.jle(end);
      a.dec(qword(mem(rcx, RANGEITER.remaining)));
      a.mov(rax, qword(mem(rcx, RANGEITER.next)));
      a.mov(rdx, rax);
      a.add(rdx, qword(mem(rcx, RANGEITER.step)));
      a.mov(qword(mem(rcx, RANGEITER.next)), rdx);
      a.shl(rax, 16);
      a.shr(rax, 16);
      a.mov(rcx, 0xfff9_0000_0000_0000n);
      a.or(rax, rcx);
      a.ret();
      a.bind(end);
      a.mov(rax, g('rt_const_unbound'));
      a.ret();
    },
  },
  {
    name: 'rt_next_longrange_iterator',
    contract: 'rdi=longrange_iterator -> rax=next value, UNBOUND when exhausted, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const end = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, qword(mem(r12, LONGITER.remaining)));
      a.mov(rsi, ZERO);
      cmp(a, fail);
      a.test(eax, eax);
      a.jle(end);
      a.mov(rdi, qword(mem(r12, LONGITER.remaining)));
      a.mov(rsi, ONE);
      arith(a, 'sub', fail);
      a.mov(qword(mem(r12, LONGITER.remaining)), rax);
      a.mov(r13, qword(mem(r12, LONGITER.next)));
      a.mov(rdi, r13);
      a.mov(rsi, qword(mem(r12, LONGITER.step)));
      arith(a, 'add', fail);
      a.mov(qword(mem(r12, LONGITER.next)), rax);
      a.mov(rax, r13);
      a.jmp(out);
      a.bind(end);
      a.mov(rax, g('rt_const_unbound'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
  ...['range_iterator', 'longrange_iterator'].map((t): RuntimeRoutine => ({
    name: `rt_iter_${t}`,
    contract: `rdi=${t} -> rax=the iterator itself`,
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      a.ret();
    },
  })),
  {
    name: 'rt_getattr_range',
    contract: 'rdi=range value, rsi=name str -> rax=start, stop or step, or UNBOUND for other names; no alloc',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      unboxPtr(a, r13);
      for (const f of ['start', 'stop', 'step'] as const) {
        const next = a.newLabel();
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym(`str_slice_attr_${f}`)));
        a.call(sym('rt_cont_streq'));
        a.test(eax, eax);
        a.je(next);
        a.mov(rax, qword(mem(r12, RANGE[f])));
        a.jmp(out);
        a.bind(next);
      }
      a.mov(rax, g('rt_const_unbound'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_range_meth_count',
    contract: 'range.count(x) (vector ABI) -> 1 or 0 for ints, else the number of values == x; or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const search = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, rdi);
      checkArgs(a, SPEC_COUNT, rsi, rdx, out);
      a.mov(rdi, qword(mem(r12, 8)));
      a.call(sym('rt_range_int_arg'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(search);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, rax);
      a.call(sym('rt_range_contains_int'));
      const boxIt = a.newLabel();
      a.movsxd(rax, eax);
      a.jmp(boxIt);
      a.bind(search);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.mov(edx, 1);
      a.call(sym('rt_range_search'));
      a.bind(boxIt);
      const fail = a.newLabel();
      a.test(rax, rax);
      a.js(fail);
      a.mov(rdi, rax);
      a.call(sym('rt_cont_box_i64'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, [r12]);
    },
  },
  {
    name: 'rt_range_meth_index',
    contract: 'range.index(x) (vector ABI) -> position of x (ValueError "%R is not in range" for ints, "sequence.index(x): x not in sequence" otherwise), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const search = a.newLabel();
      const missing = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      checkArgs(a, SPEC_INDEX, rsi, rdx, out);
      a.mov(rdi, qword(mem(r12, 8)));
      a.call(sym('rt_range_int_arg'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(search);
      a.mov(r13, rax);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, r13);
      a.call(sym('rt_range_contains_int'));
      a.test(eax, eax);
      a.js(fail);
      a.je(missing);
      // (x - start) // step
      a.mov(rax, qword(mem(r12)));
      a.mov(rdi, r13);
      field(a, rsi, rax, 'start');
      arith(a, 'sub', fail);
      a.mov(rdi, rax);
      a.mov(rax, qword(mem(r12)));
      field(a, rsi, rax, 'step');
      arith(a, 'floordiv', fail);
      a.jmp(out);
      a.bind(missing);
      a.mov(rdx, qword(mem(r12, 8)));
      raise(a, 'ValueError', 'msg_range_not_in', [rdx], out);
      a.bind(search);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.mov(edx, 2);
      a.call(sym('rt_range_search'));
      a.cmp(rax, -2);
      a.je(fail);
      const found = a.newLabel();
      a.test(rax, rax);
      a.jns(found);
      raise(a, 'ValueError', 'msg_range_seq_index', [], out);
      a.bind(found);
      a.mov(rdi, rax);
      a.call(sym('rt_cont_box_i64'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved);
    },
  },
];

export const rangeModule: RuntimeModule = {
  name: 'range',
  types: [{ name: 'longrange_iterator', layout: 'fixed' }],
  methods: [
    { type: 'range', name: 'count', entry: 'rt_range_meth_count' },
    { type: 'range', name: 'index', entry: 'rt_range_meth_index' },
  ],
  routines: [...CORE, ...SLOTS, ...MORE],
  data: [
    argSpecDatum(SPEC_NEW),
    argSpecDatum(SPEC_INDEX),
    argSpecDatum(SPEC_COUNT),
    cstr('msg_range_step_zero', 'range() arg 3 must not be zero'),
    cstr('msg_range_index', 'range object index out of range'),
    cstr('msg_range_indices', 'range indices must be integers or slices, not %T'),
    cstr('msg_range_not_in', '%R is not in range'),
    cstr('msg_range_seq_index', 'sequence.index(x): x not in sequence'),
    cstr('str_range_open', 'range('),
    { name: 'cont_fn_binary_op', section: 'rodata', align: 8, emit: (a, ctx) => emitWord(a, { addrIfDefined: 'rt_binary_op' }, ctx) },
  ],
};
