// Runtime core: the pickling protocol methods of list and tuple iterators, as CPython 3.11's
// Objects/listobject.c (listiter_reduce, listiter_setstate, listiter_len) and
// Objects/tupleobject.c (tupleiter_*) define them:
//   it.__length_hint__() -> the number of items left (0 once exhausted);
//   it.__reduce__()      -> (iter, (seq,), index), or (iter, (empty,)) once exhausted, where
//                           empty is [] for a list iterator and () for a tuple iterator;
//   it.__setstate__(n)   -> None; the index becomes n clamped to [0, len(seq)] (no effect on
//                           an exhausted iterator).
// Both iterators are SEQITER objects (layout.ts: the sequence, UNBOUND once exhausted, and the
// next index). Methods use the vector ABI (rdi=args with args[0]=self, rsi=nargs, rdx=kwnames);
// the method-call machinery has checked self's type.

import { type Assembler, eax, edx, mem, qword, r12, r13, r14, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { LIST, SEQITER, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

const KINDS = [
  { type: 'list_iterator', short: 'listiter', length: LIST.length },
  { type: 'tuple_iterator', short: 'tupleiter', length: TUPLE.length },
] as const;

type Kind = (typeof KINDS)[number];

/** TypeError unless nargs == want (CPython's METH_NOARGS / METH_O messages). */
function checkArgs(a: Assembler<any>, k: Kind, meth: string, want: 1 | 2, out: ReturnType<Assembler<any>['newLabel']>): void {
  const ok = a.newLabel();
  a.cmp(rsi, want);
  a.je(ok);
  a.lea(rdx, mem(rsi, -1));
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_is_${k.short}_${meth}`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
  a.bind(ok);
}

function lengthHint(k: Kind): RuntimeRoutine {
  return {
    name: `rt_${k.short}_length_hint`,
    contract: `${k.type}.__length_hint__() (vector ABI) -> rax=int: items left, 0 once exhausted; or EXC (TypeError on arguments)`,
    emit(a) {
      const out = a.newLabel();
      const zero = a.newLabel();
      prologue(a, []);
      checkArgs(a, k, '__length_hint__', 1, out);
      a.mov(rcx, qword(mem(rdi)));
      unboxPtr(a, rcx);
      a.mov(rax, qword(mem(rcx, SEQITER.seq)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(zero);
      unboxPtr(a, rax);
      a.mov(rdi, qword(mem(rax, k.length)));
      a.sub(rdi, qword(mem(rcx, SEQITER.index)));
      a.jle(zero);
      a.call(sym('rt_int_from_i64'));
      a.jmp(out);
      a.bind(zero);
      a.xor(rdi, rdi);
      a.call(sym('rt_int_from_i64'));
      a.bind(out);
      epilogue(a, []);
    },
  };
}

function reduce(k: Kind): RuntimeRoutine {
  return {
    name: `rt_${k.short}_reduce`,
    contract: `${k.type}.__reduce__() (vector ABI) -> rax=(iter, (seq,), index) or (iter, (${k.type === 'list_iterator' ? '[]' : '()'},)) once exhausted, or EXC; may allocate`,
    emit(a) {
      const saved = [rbx, rbp, r12, r13, r14] as const;
      const out = a.newLabel();
      const done = a.newLabel();
      const exhausted = a.newLabel();
      prologue(a, saved);
      checkArgs(a, k, '__reduce__', 1, out);
      // One value-stack word above rt_vs_top (a precise root) for the tuples being built.
      a.mov(rbp, g('rt_vs_top'));
      a.mov(rax, g('rt_const_None'));
      a.mov(qword(mem(rbp)), rax);
      a.lea(rax, mem(rbp, 8));
      a.mov(g('rt_vs_top'), rax);
      a.mov(rbx, qword(mem(rdi))); // self (rooted by the caller's argument vector)
      a.mov(r12, rbx);
      unboxPtr(a, r12);
      a.mov(rdi, qword(mem(r12, SEQITER.seq)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(exhausted);
      a.call(sym('rt_tuple_pack1'));
      a.mov(qword(mem(rbp)), rax);
      a.mov(rdi, qword(mem(r12, SEQITER.index)));
      a.call(sym('rt_int_from_i64'));
      a.mov(rdx, rax);
      a.lea(rdi, rip(sym('bfn_iter')));
      boxPtr(a, rdi, rcx);
      a.mov(rsi, qword(mem(rbp)));
      a.call(sym('rt_tuple_pack3'));
      a.jmp(done);
      a.bind(exhausted);
      if (k.type === 'list_iterator') {
        a.xor(rdi, rdi);
        a.call(sym('rt_list_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(done);
        a.mov(qword(mem(rbp)), rax);
        a.mov(rdi, rax);
      } else {
        a.mov(rdi, g('rt_const_empty_tuple'));
      }
      a.call(sym('rt_tuple_pack1'));
      a.mov(qword(mem(rbp)), rax);
      a.mov(rsi, rax);
      a.lea(rdi, rip(sym('bfn_iter')));
      boxPtr(a, rdi, rcx);
      a.call(sym('rt_tuple_pack2'));
      a.bind(done);
      a.mov(g('rt_vs_top'), rbp);
      a.bind(out);
      epilogue(a, saved);
    },
  };
}

function setState(k: Kind): RuntimeRoutine {
  return {
    name: `rt_${k.short}_setstate`,
    contract: `${k.type}.__setstate__(n) (vector ABI) -> rax=None: the next index becomes n clamped to [0, len(seq)] unless exhausted; or EXC (TypeError: arguments, n not an integer; OverflowError)`,
    emit(a) {
      const out = a.newLabel();
      const set = a.newLabel();
      const none = a.newLabel();
      prologue(a, [r12, r13]);
      checkArgs(a, k, '__setstate__', 2, out);
      a.mov(r12, qword(mem(rdi)));
      unboxPtr(a, r12);
      a.mov(r13, qword(mem(rdi, 8)));
      // PyLong_AsSsize_t: an int (or a subclass), no __index__.
      const isInt = a.newLabel();
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.lea(rsi, rip(sym('type_int')));
      a.call(sym('rt_is_subtype'));
      a.test(eax, eax);
      a.jne(isInt);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_is_int_required')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(isInt);
      a.mov(rdi, r13);
      a.call(sym('rt_cont_ssize_arg'));
      const ok = a.newLabel();
      a.test(edx, edx);
      a.je(ok);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
      a.bind(ok);
      a.mov(r13, rax);
      a.mov(rax, qword(mem(r12, SEQITER.seq)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(none);
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(rax, k.length)));
      a.test(r13, r13);
      a.jns(set);
      a.xor(r13, r13);
      a.bind(set);
      a.cmp(r13, rcx);
      a.cmovg(r13, rcx);
      a.mov(qword(mem(r12, SEQITER.index)), r13);
      a.bind(none);
      a.mov(rax, g('rt_const_None'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  };
}

export const iterStateModule: RuntimeModule = {
  name: 'bi_iterstate',
  routines: KINDS.flatMap((k) => [lengthHint(k), reduce(k), setState(k)]),
  methods: KINDS.flatMap((k) => [
    { type: k.type, name: '__length_hint__', entry: `rt_${k.short}_length_hint` },
    { type: k.type, name: '__reduce__', entry: `rt_${k.short}_reduce` },
    { type: k.type, name: '__setstate__', entry: `rt_${k.short}_setstate` },
  ]),
  data: [
    ...KINDS.flatMap((k) => [
      cstr(`msg_is_${k.short}___length_hint__`, `${k.type}.__length_hint__() takes no arguments (%d given)`),
      cstr(`msg_is_${k.short}___reduce__`, `${k.type}.__reduce__() takes no arguments (%d given)`),
      cstr(`msg_is_${k.short}___setstate__`, `${k.type}.__setstate__() takes exactly one argument (%d given)`),
    ]),
    cstr('msg_is_int_required', 'an integer is required'),
  ],
};
