// Builtins runtime: iteration builtins (docs/builtins-native.md): the functions iter, next,
// any and all, and the iterator types enumerate, zip, map, filter and callable_iterator
// (iter(callable, sentinel)), each with its new slot (rt_new_<type>: calling the type goes
// through rt_call_type), an iter slot returning the iterator itself and a next slot
// (value, UNBOUND when exhausted, EXC).
//
// The objects use the `fixed` layout: every word after the header is a value (the
// collector scans them all), and the header's aux holds the field count:
//
//   enumerate          +16 iterator      +24 next index (int value, small or big)
//   zip                +16 iterators (tuple)  +24 strict (small int 0/1)
//   map                +16 function      +24 iterators (tuple)
//   filter             +16 function (None, bool or a callable)  +24 iterator
//   callable_iterator  +16 callable      +24 sentinel (both UNBOUND once exhausted)
//
// Behaviour follows Objects/enumobject.c, Python/bltinmodule.c (zip, map, filter, next) and
// Objects/iterobject.c (calliter) of CPython 3.11, including the order of operations
// (enumerate converts start before asking for the iterator; zip parses strict= before the
// iterators; a strict zip reports the first argument that is shorter or longer).

import { type Assembler, type Label, dword, eax, ebp, ecx, edi, edx, mem, r14d, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxInt, TUPLE, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine, RuntimeType } from '../../src/native/rt.js';
import { boxIntChecked, boxPtr, epilogue, g, guardInt, prologue, unboxInt, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { BI_SAVED, type BiSpec, builtinRoutine, callChecked, clearExc, raise, specData } from './bi_args.js';

/** Field offsets of the iterator objects (layout `fixed`). */
export const ENUMERATE = { it: 16, index: 24, size: 32 } as const;
export const ZIP = { iters: 16, strict: 24, size: 32 } as const;
export const MAP = { func: 16, iters: 24, size: 32 } as const;
export const FILTER = { func: 16, it: 24, size: 32 } as const;
export const CALLITER = { callable: 16, sentinel: 24, size: 32 } as const;

const TYPE_NAMES = ['enumerate', 'zip', 'map', 'filter', 'callable_iterator'] as const;

const SPECS = {
  iter: { fname: 'iter', style: 'VAR', min: 1, max: 2 },
  next: { fname: 'next', style: 'VAR', min: 1, max: 2 },
  any: { fname: 'any', style: 'O', min: 1, max: 1 },
  all: { fname: 'all', style: 'O', min: 1, max: 1 },
  zip: { fname: 'zip', style: 'KWONLY', min: 0, max: 0, names: ['strict'] },
  filter: { fname: 'filter', style: 'VAR', min: 2, max: 2 },
} as const satisfies Record<string, BiSpec>;

/** rax = raw address of a new fixed object of `type_<name>` with `fields` value words. */
function allocFixed(a: Assembler<any>, name: string, size: number): void {
  a.mov(edi, size);
  a.lea(rsi, rip(sym(`type_${name}`)));
  a.call(sym('rt_alloc'));
  a.mov(dword(mem(rax, 12)), (size - 16) / 8); // HDR_AUX: field count of `fixed` objects
}

/** Jump to `yes` if the pending exception (rt_exc) is a StopIteration. Clobbers caller-saved. */
function ifStopIteration(a: Assembler<any>, yes: Label): void {
  a.mov(rdi, g('rt_exc'));
  a.lea(rsi, rip(sym('type_StopIteration')));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.jne(yes);
}

/** Build the tuple of iter(args[i]) for i in [first, count) into rbx (raw); EXC -> `fail`. Uses rbp, rbx, r12 = args, r13 = count. */
function iteratorTuple(a: Assembler<any>, first: number, fail: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.lea(rdi, mem(r13, -first));
  a.call(sym('rt_tuple_alloc'));
  a.mov(rbx, rax);
  a.xor(ebp, ebp);
  a.bind(loop);
  a.lea(rax, mem(rbp, first));
  a.cmp(rax, r13);
  a.jae(done);
  a.mov(rdi, qword(sib(r12, rax, 8)));
  callChecked(a, 'rt_iter', fail);
  a.mov(qword(sib(rbx, rbp, 8, TUPLE.items)), rax);
  a.inc(rbp);
  a.jmp(loop);
  a.bind(done);
}

const routines: RuntimeRoutine[] = [
  // ---- the functions
  builtinRoutine('rt_builtin_iter', 'iter(obj) / iter(callable, sentinel): vector ABI -> iterator (a callable_iterator for two arguments), or EXC (TypeError "iter(v, w): v must be callable", the iter slot\'s errors); may allocate, may raise', SPECS.iter, 0, (a, c) => {
    const two = a.newLabel();
    const notCallable = a.newLabel();
    a.mov(rax, c.arg(1));
    a.cmp(rax, g('rt_const_unbound'));
    a.jne(two);
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_iter'));
    a.jmp(c.out);
    a.bind(two);
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_type_of'));
    a.cmp(qword(mem(rax, typeSlot('call'))), 0);
    a.je(notCallable);
    allocFixed(a, 'callable_iterator', CALLITER.size);
    a.mov(rcx, c.arg(0));
    a.mov(qword(mem(rax, CALLITER.callable)), rcx);
    a.mov(rcx, c.arg(1));
    a.mov(qword(mem(rax, CALLITER.sentinel)), rcx);
    boxPtr(a, rax, rcx);
    a.jmp(c.out);
    a.bind(notCallable);
    raise(a, 'TypeError', 'msg_bi_iter_callable', [], c.out);
  }),

  builtinRoutine('rt_builtin_next', "next(iterator[, default]): vector ABI -> the next item, default when exhausted (or when the iterator raised StopIteration), or EXC (StopIteration without default, TypeError \"'T' object is not an iterator\"); may allocate, may raise", SPECS.next, 0, (a, c) => {
    const notIter = a.newLabel();
    const exhausted = a.newLabel();
    const failed = a.newLabel();
    const useDefault = a.newLabel();
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_type_of'));
    // A generator's return value is StopIteration's (the next slot has no room for it).
    {
      const notGen = a.newLabel();
      a.lea(rcx, rip(sym('type_generator')));
      a.cmp(rax, rcx);
      a.jne(notGen);
      a.mov(rdi, c.arg(0));
      a.mov(rsi, g('rt_const_None'));
      a.xor(edx, edx);
      a.call(sym('rt_gen_resume'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(failed);
      a.test(edx, edx);
      a.jne(c.out);
      a.mov(rcx, c.arg(1));
      a.cmp(rcx, g('rt_const_unbound'));
      a.jne(exhausted);
      a.mov(rdi, rax);
      a.call(sym('rt_raise_stopiteration'));
      a.jmp(c.out);
      a.bind(notGen);
    }
    a.mov(rax, qword(mem(rax, typeSlot('next'))));
    a.test(rax, rax);
    a.je(notIter);
    a.mov(rdi, c.arg(0));
    a.call(rax);
    a.cmp(rax, g('rt_const_unbound'));
    a.je(exhausted);
    a.cmp(rax, g('rt_const_exc'));
    a.je(failed);
    a.jmp(c.out);
    a.bind(exhausted);
    a.mov(rax, c.arg(1));
    a.cmp(rax, g('rt_const_unbound'));
    a.jne(c.out);
    a.lea(rdi, rip(sym('type_StopIteration')));
    boxPtr(a, rdi, rcx);
    a.call(sym('rt_raise'));
    a.jmp(c.out);
    a.bind(failed);
    a.mov(rcx, c.arg(1));
    a.cmp(rcx, g('rt_const_unbound'));
    a.je(c.out);
    ifStopIteration(a, useDefault);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(c.out);
    a.bind(useDefault);
    clearExc(a);
    a.mov(rax, c.arg(1));
    a.jmp(c.out);
    a.bind(notIter);
    a.mov(rdx, c.arg(0));
    raise(a, 'TypeError', 'msg_bi_not_iterator', [rdx], c.out);
  }),

  ...(['any', 'all'] as const).map((name) =>
    builtinRoutine(`rt_builtin_${name}`, `${name}(iterable): vector ABI -> ${name === 'any' ? 'True at the first true item, else False' : 'False at the first false item, else True'}, or EXC (iteration and truth errors); may allocate, may raise`, SPECS[name], 0, (a, c) => {
      const loop = a.newLabel();
      const done = a.newLabel();
      const decided = a.newLabel();
      a.mov(rdi, c.arg(0));
      callChecked(a, 'rt_iter', c.out);
      a.mov(r13, rax);
      a.bind(loop);
      a.mov(rdi, r13);
      a.call(sym('rt_next'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(done);
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.mov(rdi, rax);
      a.call(sym('rt_truthy'));
      a.test(eax, eax);
      const failed = a.newLabel();
      a.js(failed);
      if (name === 'any') a.jne(decided);
      else a.je(decided);
      a.jmp(loop);
      a.bind(failed);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(c.out);
      a.bind(decided);
      a.mov(rax, g(name === 'any' ? 'rt_const_True' : 'rt_const_False'));
      a.jmp(c.out);
      a.bind(done);
      a.mov(rax, g(name === 'any' ? 'rt_const_False' : 'rt_const_True'));
    }),
  ),

  // ---- enumerate
  {
    name: 'rt_new_enumerate',
    contract: "new slot of enumerate: (type, args, nargs, kwnames) -> enumerate(iterable, start=0) as enum_vectorcall (keywords 'iterable' and 'start' in either order), or EXC (TypeError \"enumerate() missing required argument 'iterable'\", \"enumerate() takes at most 2 arguments (N given)\", \"'x' is an invalid keyword argument for enumerate()\", start's index conversion, iter's errors); may allocate, may raise",
    emit(a) {
      // r12 args, r13 nargs (with keywords), r14 raw kwnames or 0, rbp keyword count,
      // rbx iterable, r15 start (UNBOUND when omitted).
      const out = a.newLabel();
      const make = a.newLabel();
      const invalid = a.newLabel();
      const one = a.newLabel();
      const many = a.newLabel();
      const noKw = a.newLabel();
      prologue(a, BI_SAVED, 8);
      a.mov(r12, rsi);
      a.mov(r13, rdx);
      a.xor(r14, r14);
      a.xor(ebp, ebp);
      a.test(rcx, rcx);
      a.je(noKw);
      a.mov(r14, rcx);
      unboxPtr(a, r14);
      a.mov(rbp, qword(mem(r14, TUPLE.length)));
      a.bind(noKw);
      a.mov(r15, UNBOUND);
      /** Jump to `invalid` (rdx = the keyword) unless kwnames[j] is `name`. */
      const check = (j: number, name: string): void => {
        a.mov(rdi, qword(mem(r14, TUPLE.items + 8 * j)));
        a.lea(rsi, rip(sym(`bi_cs_${name}`)));
        a.call(sym('rt_str_equals_cstr'));
        a.mov(rdx, qword(mem(r14, TUPLE.items + 8 * j)));
        a.test(eax, eax);
        a.je(invalid);
      };
      a.cmp(r13, 2);
      a.jne(one);
      {
        const kw2 = a.newLabel();
        const natural = a.newLabel();
        const pair = a.newLabel();
        a.cmp(rbp, 1);
        a.jne(kw2);
        check(0, 'start');
        a.jmp(pair);
        a.bind(kw2);
        a.cmp(rbp, 2);
        a.jne(pair);
        a.mov(rdi, qword(mem(r14, TUPLE.items)));
        a.lea(rsi, rip(sym('bi_cs_start')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(natural);
        check(1, 'iterable');
        a.mov(rbx, qword(mem(r12, 8)));
        a.mov(r15, qword(mem(r12)));
        a.jmp(make);
        a.bind(natural);
        check(0, 'iterable');
        check(1, 'start');
        a.bind(pair);
        a.mov(rbx, qword(mem(r12)));
        a.mov(r15, qword(mem(r12, 8)));
        a.jmp(make);
      }
      a.bind(one);
      a.cmp(r13, 1);
      a.jne(many);
      {
        const plain = a.newLabel();
        a.cmp(rbp, 1);
        a.jne(plain);
        check(0, 'iterable');
        a.bind(plain);
        a.mov(rbx, qword(mem(r12)));
        a.jmp(make);
      }
      a.bind(many);
      {
        const tooMany = a.newLabel();
        a.cmp(r13, rbp);
        a.jne(tooMany);
        raise(a, 'TypeError', 'msg_bi_enum_missing', [], out);
        a.bind(tooMany);
        raise(a, 'TypeError', 'msg_bi_enum_too_many', [r13], out);
      }
      a.bind(invalid);
      raise(a, 'TypeError', 'msg_bi_enum_invalid_kw', [rdx], out);
      a.bind(make);
      {
        const haveStart = a.newLabel();
        const zero = a.newLabel();
        a.cmp(r15, g('rt_const_unbound'));
        a.je(zero);
        a.mov(rdi, r15);
        callChecked(a, 'rt_bi_index', out);
        a.mov(r15, rax);
        a.jmp(haveStart);
        a.bind(zero);
        a.mov(r15, boxInt(0n));
        a.bind(haveStart);
        a.mov(rdi, rbx);
        callChecked(a, 'rt_iter', out);
        a.mov(rbx, rax);
        allocFixed(a, 'enumerate', ENUMERATE.size);
        a.mov(qword(mem(rax, ENUMERATE.it)), rbx);
        a.mov(qword(mem(rax, ENUMERATE.index)), r15);
        boxPtr(a, rax, rcx);
      }
      a.bind(out);
      epilogue(a, BI_SAVED, 8);
    },
  },
  {
    name: 'rt_next_enumerate',
    contract: 'rdi=enumerate -> rax=(index, item) with the index stepped (small ints inline, then int addition), UNBOUND when the iterator is exhausted, or EXC; may allocate, may raise',
    emit(a) {
      const saved = [rbx, r12, r13] as const;
      const out = a.newLabel();
      const slow = a.newLabel();
      const stepped = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, qword(mem(r12, ENUMERATE.it)));
      a.call(sym('rt_next'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(out);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r13, rax);
      a.mov(rbx, qword(mem(r12, ENUMERATE.index)));
      a.mov(rax, rbx);
      guardInt(a, rax, rcx, slow);
      unboxInt(a, rax);
      a.inc(rax);
      boxIntChecked(a, rax, rcx, slow);
      a.jmp(stepped);
      a.bind(slow);
      a.mov(rdi, rbx);
      a.mov(rsi, boxInt(1n));
      a.xor(edx, edx); // BINOPS '+'
      callChecked(a, 'rt_binary_op', out);
      a.bind(stepped);
      a.mov(qword(mem(r12, ENUMERATE.index)), rax);
      a.mov(rdi, rbx);
      a.mov(rsi, r13);
      a.call(sym('rt_tuple_pack2'));
      a.bind(out);
      epilogue(a, saved);
    },
  },

  // ---- zip
  builtinRoutine('rt_new_zip', "new slot of zip: (type, args, nargs, kwnames) -> zip(*iterables, strict=False) (strict= by truth, then iter() of each argument), or EXC (TypeError \"zip() takes at most 1 keyword argument (N given)\", \"'x' is an invalid keyword argument for zip()\", iter's errors); may allocate, may raise", SPECS.zip, 0, (a, c) => {
    const notStrict = a.newLabel();
    a.mov(r13, rax);
    a.xor(r14, r14);
    a.mov(rdi, c.arg(0));
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(notStrict);
    a.call(sym('rt_truthy'));
    a.test(eax, eax);
    const ok = a.newLabel();
    a.jns(ok);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(c.out);
    a.bind(ok);
    a.mov(r14d, eax);
    a.bind(notStrict);
    iteratorTuple(a, 0, c.out);
    allocFixed(a, 'zip', ZIP.size);
    boxPtr(a, rbx, rcx);
    a.mov(qword(mem(rax, ZIP.iters)), rbx);
    a.mov(rcx, boxInt(0n));
    a.or(rcx, r14);
    a.mov(qword(mem(rax, ZIP.strict)), rcx);
    boxPtr(a, rax, rcx);
  }, true),
  {
    name: 'rt_next_zip',
    contract: 'rdi=zip -> rax=tuple of the next item of each iterator, UNBOUND when one is exhausted (a strict zip first checks the others: ValueError "zip() argument 2 is shorter than argument 1", "... is longer than arguments 1-2"), or EXC; may allocate, may raise',
    emit(a) {
      // r12 zip (raw), r13 iterators tuple (raw), r14 their count, rbp index, r15 result (raw).
      const out = a.newLabel();
      const exhausted = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, BI_SAVED, 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, qword(mem(r12, ZIP.iters)));
      unboxPtr(a, r13);
      a.mov(r14, qword(mem(r13, TUPLE.length)));
      a.mov(rax, g('rt_const_unbound'));
      a.test(r14, r14);
      a.je(out);
      a.mov(rdi, r14);
      a.call(sym('rt_tuple_alloc'));
      a.mov(r15, rax);
      a.xor(ebp, ebp);
      a.bind(loop);
      a.cmp(rbp, r14);
      a.jae(done);
      a.mov(rdi, qword(sib(r13, rbp, 8, TUPLE.items)));
      a.call(sym('rt_next'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(exhausted);
      a.mov(qword(sib(r15, rbp, 8, TUPLE.items)), rax);
      a.inc(rbp);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, r15);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(exhausted);
      {
        const shorter = a.newLabel();
        const check = a.newLabel();
        const checkDone = a.newLabel();
        a.mov(rcx, boxInt(0n));
        a.cmp(qword(mem(r12, ZIP.strict)), rcx);
        a.je(out); // not strict: rax = UNBOUND
        a.test(rbp, rbp);
        a.jne(shorter);
        // Argument 1 ended: every other one must end now too.
        a.mov(rbp, 1);
        a.bind(check);
        a.cmp(rbp, r14);
        a.jae(checkDone);
        a.mov(rdi, qword(sib(r13, rbp, 8, TUPLE.items)));
        a.call(sym('rt_next'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        const longer = a.newLabel();
        a.jne(longer);
        a.inc(rbp);
        a.jmp(check);
        a.bind(checkDone);
        a.mov(rax, g('rt_const_unbound'));
        a.jmp(out);
        for (const [label, msg] of [[shorter, 'msg_bi_zip_shorter'], [longer, 'msg_bi_zip_longer']] as const) {
          // "zip() argument %d is shorter than argument%s%d": i + 1, " " or "s 1-", i
          a.bind(label);
          a.lea(rdx, mem(rbp, 1));
          a.lea(rcx, rip(sym('bi_cs_s1')));
          a.lea(rax, rip(sym('bi_cs_space')));
          a.cmp(rbp, 1);
          a.cmove(rcx, rax);
          raise(a, 'ValueError', msg, [rdx, rcx, rbp], out);
        }
      }
      a.bind(out);
      epilogue(a, BI_SAVED, 8);
    },
  },

  // ---- map
  {
    name: 'rt_new_map',
    contract: "new slot of map: (type, args, nargs, kwnames) -> map(function, *iterables), or EXC (TypeError 'map() takes no keyword arguments', 'map() must have at least two arguments.', iter's errors); may allocate, may raise",
    emit(a) {
      const out = a.newLabel();
      const noKw = a.newLabel();
      const enough = a.newLabel();
      prologue(a, BI_SAVED, 8);
      a.mov(r12, rsi);
      a.mov(r13, rdx);
      a.test(rcx, rcx);
      a.je(noKw);
      a.mov(rax, rcx);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, TUPLE.length)), 0);
      a.je(noKw);
      raise(a, 'TypeError', 'msg_bi_map_no_kw', [], out);
      a.bind(noKw);
      a.cmp(r13, 2);
      a.jae(enough);
      raise(a, 'TypeError', 'msg_bi_map_args', [], out);
      a.bind(enough);
      iteratorTuple(a, 1, out);
      allocFixed(a, 'map', MAP.size);
      a.mov(rcx, qword(mem(r12)));
      a.mov(qword(mem(rax, MAP.func)), rcx);
      boxPtr(a, rbx, rcx);
      a.mov(qword(mem(rax, MAP.iters)), rbx);
      boxPtr(a, rax, rcx);
      a.bind(out);
      epilogue(a, BI_SAVED, 8);
    },
  },
  {
    name: 'rt_next_map',
    contract: 'rdi=map -> rax=function(next item of each iterator), UNBOUND when one is exhausted, or EXC; may allocate, may raise',
    emit(a) {
      // r12 map (raw), r13 iterators (raw), r14 count, rbp index, r15 the argument words
      // (on the machine stack, which the collector scans), rbx the saved rsp.
      const out = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, BI_SAVED, 8);
      a.mov(rbx, rsp);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, qword(mem(r12, MAP.iters)));
      unboxPtr(a, r13);
      a.mov(r14, qword(mem(r13, TUPLE.length)));
      a.lea(rax, sib(undefined, r14, 8, 8));
      a.and(rax, -16);
      a.sub(rsp, rax);
      a.mov(r15, rsp);
      a.xor(ebp, ebp);
      a.bind(loop);
      a.cmp(rbp, r14);
      a.jae(done);
      a.mov(rdi, qword(sib(r13, rbp, 8, TUPLE.items)));
      a.call(sym('rt_next'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(out);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(qword(sib(r15, rbp, 8)), rax);
      a.inc(rbp);
      a.jmp(loop);
      a.bind(done);
      a.mov(rdi, qword(mem(r12, MAP.func)));
      a.mov(rsi, r15);
      a.mov(rdx, r14);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      a.bind(out);
      a.mov(rsp, rbx);
      epilogue(a, BI_SAVED, 8);
    },
  },

  // ---- filter
  builtinRoutine('rt_new_filter', "new slot of filter: (type, args, nargs, kwnames) -> filter(function or None, iterable), or EXC (TypeError 'filter expected 2 arguments, got N', 'filter() takes no keyword arguments', iter's errors); may allocate, may raise", SPECS.filter, 0, (a, c) => {
    a.mov(rdi, c.arg(1));
    callChecked(a, 'rt_iter', c.out);
    a.mov(rbx, rax);
    allocFixed(a, 'filter', FILTER.size);
    a.mov(rcx, c.arg(0));
    a.mov(qword(mem(rax, FILTER.func)), rcx);
    a.mov(qword(mem(rax, FILTER.it)), rbx);
    boxPtr(a, rax, rcx);
  }, true),
  {
    name: 'rt_next_filter',
    contract: 'rdi=filter -> rax=the next item for which function(item) is true (the item itself for None or bool), UNBOUND when exhausted, or EXC; may allocate, may raise',
    emit(a) {
      const saved = [r12, r13, r14] as const;
      const out = a.newLabel();
      const loop = a.newLabel();
      const plain = a.newLabel();
      const judged = a.newLabel();
      const failed = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.lea(r14, rip(sym('type_bool')));
      boxPtr(a, r14, rax);
      a.bind(loop);
      a.mov(rdi, qword(mem(r12, FILTER.it)));
      a.call(sym('rt_next'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(out);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r13, rax);
      a.mov(rdi, qword(mem(r12, FILTER.func)));
      a.cmp(rdi, g('rt_const_None'));
      a.je(plain);
      a.cmp(rdi, r14);
      a.je(plain);
      a.mov(qword(mem(rsp)), r13);
      a.mov(rsi, rsp);
      a.mov(edx, 1);
      a.xor(ecx, ecx);
      callChecked(a, 'rt_call', out);
      a.mov(rdi, rax);
      a.call(sym('rt_truthy'));
      a.jmp(judged);
      a.bind(plain);
      a.mov(rdi, r13);
      a.call(sym('rt_truthy'));
      a.bind(judged);
      a.test(eax, eax);
      a.js(failed);
      a.je(loop);
      a.mov(rax, r13);
      a.jmp(out);
      a.bind(failed);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },

  // ---- callable_iterator
  {
    name: 'rt_next_callable_iterator',
    contract: 'rdi=callable_iterator -> rax=callable(), UNBOUND once it returned a value equal to the sentinel or raised StopIteration (then always), or EXC; may allocate, may raise',
    emit(a) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const exhausted = a.newLabel();
      const finish = a.newLabel();
      const failed = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, qword(mem(r12, CALLITER.callable)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(exhausted);
      a.mov(rsi, rsp);
      a.xor(edx, edx);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(failed);
      a.mov(r13, rax);
      // PyObject_RichCompareBool(sentinel, result, Py_EQ)
      a.mov(rdi, qword(mem(r12, CALLITER.sentinel)));
      a.mov(rsi, r13);
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      const raised = a.newLabel();
      a.js(raised);
      a.jne(finish);
      a.mov(rax, r13);
      a.jmp(out);
      a.bind(raised);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
      a.bind(failed);
      const stop = a.newLabel();
      ifStopIteration(a, stop);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
      a.bind(stop);
      clearExc(a);
      a.bind(finish);
      a.mov(rax, UNBOUND);
      a.mov(qword(mem(r12, CALLITER.callable)), rax);
      a.mov(qword(mem(r12, CALLITER.sentinel)), rax);
      a.bind(exhausted);
      a.mov(rax, g('rt_const_unbound'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },

  // ---- iter slots: an iterator is its own iterator
  ...TYPE_NAMES.map((t) => ({
    name: `rt_iter_${t}`,
    contract: `rdi=${t} -> rax=the same ${t}`,
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      a.ret();
    },
  })),
];

export const biIterModule: RuntimeModule = {
  name: 'bi_iter',
  types: TYPE_NAMES.map((name): RuntimeType => ({ name, layout: 'fixed' })),
  builtins: (['iter', 'next', 'any', 'all'] as const).map((n) => ({ name: n, entry: `rt_builtin_${n}` })),
  routines,
  data: [
    ...Object.values(SPECS).flatMap((s) => specData(s)),
    cstr('bi_cs_start', 'start'),
    cstr('bi_cs_iterable', 'iterable'),
    cstr('bi_cs_space', ' '),
    cstr('bi_cs_s1', 's 1-'),
    cstr('msg_bi_iter_callable', 'iter(v, w): v must be callable'),
    cstr('msg_bi_not_iterator', "'%T' object is not an iterator"),
    cstr('msg_bi_enum_missing', "enumerate() missing required argument 'iterable'"),
    cstr('msg_bi_enum_too_many', 'enumerate() takes at most 2 arguments (%d given)'),
    cstr('msg_bi_enum_invalid_kw', "'%U' is an invalid keyword argument for enumerate()"),
    cstr('msg_bi_zip_shorter', 'zip() argument %d is shorter than argument%s%d'),
    cstr('msg_bi_zip_longer', 'zip() argument %d is longer than argument%s%d'),
    cstr('msg_bi_map_no_kw', 'map() takes no keyword arguments'),
    cstr('msg_bi_map_args', 'map() must have at least two arguments.'),
  ],
};
