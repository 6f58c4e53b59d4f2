// Container runtime: tuple operations beyond creation (Objects/tupleobject.c, CPython 3.11).
//
// Creation (rt_tuple_alloc, rt_tuple_pack*) and repr live in tuple.ts and protocol.ts. Here:
// the slots (len, getitem with slices, contains, iteration, hash, comparisons, + and *),
// tuple(iterable), and the methods index and count. The hash is CPython's xxHash-based
// tuplehash (not cached, as in CPython), so hash((1, 2)) equals CPython's value.

import { type Assembler, eax, ecx, edx, mem, qword, r12, r13, r14, r15, rax, rbp, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { LAYOUTS, TUPLE, TYPE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifNotExact, ifNotSmallInt, raise } from './listshared.js';
import { seqBinop, seqContains } from './list.js';
import { indexProtocol } from './builtinsub.js';

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

const SPEC_NEW = argSpec('tuple', 'VAR', 0, 1);
const SPEC_INDEX = argSpec('tuple.index', 'VAR', 1, 3, 'index');
const SPEC_COUNT = argSpec('tuple.count', 'O');

export const tupleOpsModule: RuntimeModule = {
  name: 'tupleops',
  methods: [
    { type: 'tuple', name: 'index', entry: 'rt_tuple_meth_index' },
    { type: 'tuple', name: 'count', entry: 'rt_tuple_meth_count' },
  ],
  routines: [
    {
      name: 'rt_tuple_from_values',
      contract: 'rdi=address of n value words, rsi=n -> rax=new tuple of them (the empty tuple for n = 0); may allocate',
      emit(a: Assembler<any>) {
        const empty = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.test(rsi, rsi);
        a.je(empty);
        a.mov(rdi, rsi);
        a.call(sym('rt_tuple_alloc'));
        a.lea(rdi, mem(rax, TUPLE.items));
        a.mov(rsi, r12);
        a.mov(rcx, r13);
        a.rep_movsq();
        a.mov(rcx, 0xfffc_0000_0000_0000n);
        a.or(rax, rcx);
        const out = a.newLabel();
        a.bind(out);
        epilogue(a, [r12, r13]);
        a.bind(empty);
        a.mov(rax, g('rt_const_empty_tuple'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_len_tuple',
      contract: 'rdi=tuple value -> rax=length; clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, TUPLE.length)));
        a.ret();
      },
    },
    {
      name: 'rt_getitem_tuple',
      contract: 'rdi=tuple, rsi=index (int, bool) or slice -> rax=item or tuple, or EXC (IndexError, TypeError); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notSmall = a.newLabel();
        const have = a.newLabel();
        const pos = a.newLabel();
        const oob = a.newLabel();
        const tooBig = a.newLabel();
        const notSlice = a.newLabel();
        ifNotSmallInt(a, rsi, rax, notSmall);
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.bind(have);
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, TUPLE.length)));
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, rdx);
        a.bind(pos);
        a.cmp(rax, rdx);
        a.jae(oob);
        a.mov(rax, qword(sib(rcx, rax, 8, TUPLE.items)));
        a.ret();
        a.bind(notSmall);
        ifNotExact(a, rsi, 'slice', rax, rcx, notSlice);
        a.jmp(sym('rt_cont_getslice'));
        a.bind(notSlice);
        a.push(rdi);
        a.push(rsi);
        a.mov(rdi, rsi);
        a.call(sym('rt_cont_index'));
        a.pop(rsi);
        a.pop(rdi);
        a.test(edx, edx);
        a.je(have);
        a.cmp(edx, 1);
        a.je(tooBig);
        indexProtocol(a, [rdi, rsi], have, tooBig); // the class's __index__ (builtinsub.ts)
        a.mov(rdx, rsi);
        raise(a, 'TypeError', 'msg_tuple_indices', [rdx]);
        a.bind(tooBig);
        raise(a, 'IndexError', 'msg_cont_index_size', []);
        a.bind(oob);
        raise(a, 'IndexError', 'msg_tuple_index_range', []);
      },
    },
    {
      name: 'rt_contains_tuple',
      contract: 'rdi=tuple, rsi=value -> eax=1 if some item == value, 0 if none, -1 if a comparison raised; may allocate, may raise',
      emit(a: Assembler<any>) {
        seqContains(a, 'tuple');
      },
    },
    {
      name: 'rt_iter_tuple',
      contract: 'rdi=tuple value -> rax=tuple_iterator over it; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rsi, rip(sym('type_tuple_iterator')));
        a.xor(edx, edx);
        a.jmp(sym('rt_cont_seqiter_new'));
      },
    },
    {
      name: 'rt_next_tuple_iterator',
      contract: 'rdi=tuple_iterator -> rax=next item, or UNBOUND when exhausted; clobbers rax rcx rdx',
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, 16)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(end);
        unboxPtr(a, rax);
        a.mov(rdx, qword(mem(rcx, 24)));
        a.cmp(rdx, qword(mem(rax, TUPLE.length)));
        a.jae(end);
        a.inc(qword(mem(rcx, 24)));
        a.mov(rax, qword(sib(rax, rdx, 8, TUPLE.items)));
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rcx, 16)), rax);
        a.ret();
      },
    },
    {
      name: 'rt_iter_tuple_iterator',
      contract: 'rdi=tuple_iterator -> rax=the iterator itself',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_hash_tuple',
      contract: 'rdi=tuple value -> rax=CPython\'s tuple hash (xxHash lanes of the item hashes), or -1 if an item is unhashable (raised); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, XXPRIME_5);
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, qword(mem(r12, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, qword(sib(r12, r14, 8, TUPLE.items)));
        a.call(sym('rt_cont_hash'));
        a.cmp(rax, -1);
        a.je(out);
        a.mov(rcx, XXPRIME_2);
        a.imul(rax, rcx);
        a.add(r13, rax);
        a.rol(r13, 31);
        a.mov(rcx, XXPRIME_1);
        a.imul(r13, rcx);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        a.mov(rcx, XXPRIME_5 ^ 3527539n);
        a.xor(rax, rcx);
        a.add(rax, r13);
        a.cmp(rax, -1);
        a.jne(out);
        a.mov(eax, 1546275796);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_richcompare_tuple',
      contract: 'rdi=tuple, rsi=other, edx=CMPOPS index -> rax=bool (lexicographic), NotImplemented for a non-tuple, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.mov(ecx, LAYOUTS.tuple.id);
        a.jmp(sym('rt_cont_seqcompare'));
      },
    },
    {
      name: 'rt_binop_tuple',
      contract: 'rdi=a, rsi=b, edx=BINOPS index -> rax=tuple + tuple, tuple * int, int * tuple (in-place forms build new tuples); NotImplemented otherwise; or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        seqBinop(a, 'tuple');
      },
    },
    {
      name: 'rt_tuple_concat',
      contract: 'rdi=tuple, rsi=tuple -> rax=new tuple a + b (a itself when b is empty and a an exact tuple); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const fresh = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rax, rsi);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.jne(fresh);
        ifNotExact(a, r12, 'tuple', rax, rcx, fresh);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(fresh);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rcx, r13);
        unboxPtr(a, rcx);
        a.mov(rdi, qword(mem(rax, TUPLE.length)));
        a.add(rdi, qword(mem(rcx, TUPLE.length)));
        const nonEmpty = a.newLabel();
        a.jne(nonEmpty);
        a.mov(rax, g('rt_const_empty_tuple'));
        a.jmp(out);
        a.bind(nonEmpty);
        a.call(sym('rt_tuple_alloc'));
        a.mov(r14, rax);
        a.lea(rdi, mem(rax, TUPLE.items));
        for (const src of [r12, r13]) {
          a.mov(rsi, src);
          unboxPtr(a, rsi);
          a.mov(rcx, qword(mem(rsi, TUPLE.length)));
          a.add(rsi, TUPLE.items);
          a.rep_movsq();
        }
        a.mov(rax, r14);
        a.mov(rcx, 0xfffc_0000_0000_0000n);
        a.or(rax, rcx);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_tuple_repeat',
      contract: 'rdi=tuple, rsi=count (i64) -> rax=new tuple of the items repeated (the tuple itself for count 1 and an exact tuple; the empty tuple for count <= 0), or EXC (MemoryError); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const empty = a.newLabel();
        const fresh = a.newLabel();
        const tooBig = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(r14, qword(mem(rax, TUPLE.length)));
        a.test(r13, r13);
        a.jle(empty);
        a.test(r14, r14);
        a.je(empty);
        a.cmp(r13, 1);
        a.jne(fresh);
        ifNotExact(a, r12, 'tuple', rax, rcx, fresh);
        a.mov(rax, r12);
        a.jmp(out);
        a.bind(fresh);
        a.mov(rdi, r14);
        a.imul(rdi, r13);
        a.jo(tooBig);
        a.mov(rax, rdi);
        a.shr(rax, 40);
        a.jne(tooBig);
        a.call(sym('rt_tuple_alloc'));
        a.mov(r15, rax);
        a.lea(rdi, mem(rax, TUPLE.items));
        const loop = a.newLabel();
        a.bind(loop);
        a.mov(rsi, r12);
        unboxPtr(a, rsi);
        a.add(rsi, TUPLE.items);
        a.mov(rcx, r14);
        a.rep_movsq();
        a.dec(r13);
        a.jne(loop);
        a.mov(rax, r15);
        a.mov(rcx, 0xfffc_0000_0000_0000n);
        a.or(rax, rcx);
        a.bind(out);
        epilogue(a, saved);
        a.bind(empty);
        a.mov(rax, g('rt_const_empty_tuple'));
        a.jmp(out);
        a.bind(tooBig);
        a.lea(rdi, rip(sym('type_MemoryError')));
        a.mov(rcx, 0xfffc_0000_0000_0000n);
        a.or(rdi, rcx);
        a.call(sym('rt_raise'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_tuple_from_iterable',
      contract: 'rdi=iterable -> rax=tuple of its items (an exact tuple is returned as is), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const notTuple = a.newLabel();
        const generic = a.newLabel();
        const haveSeq = a.newLabel();
        prologue(a, [r12]);
        ifNotExact(a, rdi, 'tuple', rax, rcx, notTuple);
        a.mov(rax, rdi);
        a.jmp(out);
        a.bind(notTuple);
        a.mov(r12, rdi);
        ifNotExact(a, rdi, 'list', rax, rcx, generic);
        a.jmp(haveSeq);
        a.bind(generic);
        callChecked(a, 'rt_list_from_iterable', out);
        a.mov(r12, rax);
        a.bind(haveSeq);
        a.mov(rdi, r12);
        a.call(sym('rt_cont_seqitems'));
        a.mov(rdi, rax);
        a.mov(rsi, rdx);
        a.call(sym('rt_tuple_from_values'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_new_tuple',
      contract: 'the new slot of tuple: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> rax=tuple() / tuple(iterable), or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Subclasses get an instance of their type with the tuple layout.
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noArg = a.newLabel();
        const exact = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.lea(r14, mem(rdx, 1));
        checkArgs(a, SPEC_NEW, r14, rcx, out);
        a.cmp(r14, 1);
        a.je(noArg);
        a.mov(rdi, qword(mem(r13)));
        callChecked(a, 'rt_tuple_from_iterable', out);
        a.jmp(exact);
        a.bind(noArg);
        a.mov(rax, g('rt_const_empty_tuple'));
        a.bind(exact);
        a.lea(rcx, rip(sym('type_tuple')));
        a.cmp(r12, rcx);
        a.je(out);
        // A subclass: copy into a new object of that type.
        a.mov(r13, rax);
        unboxPtr(a, r13);
        a.mov(rdi, qword(mem(r13, TUPLE.length)));
        a.lea(rdi, sib(undefined, rdi, 8, TUPLE.items));
        a.mov(rax, qword(mem(r12, TYPE.instanceSize)));
        a.cmp(rax, rdi);
        a.cmova(rdi, rax);
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        a.mov(rcx, qword(mem(r13, TUPLE.length)));
        a.mov(qword(mem(rax, TUPLE.length)), rcx);
        a.lea(rdi, mem(rax, TUPLE.items));
        a.lea(rsi, mem(r13, TUPLE.items));
        a.rep_movsq();
        a.mov(rcx, 0xfffc_0000_0000_0000n);
        a.or(rax, rcx);
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_tuple_meth_index',
      contract: 'tuple.index(x[, start[, stop]]) (vector ABI) -> first index, or EXC (ValueError "tuple.index(x): x not in tuple"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        const loop = a.newLabel();
        const found = a.newLabel();
        const missing = a.newLabel();
        const bounds = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        checkArgs(a, SPEC_INDEX, r13, rdx, out);
        a.xor(r14, r14);
        a.mov(r15, 0x7fff_ffff_ffff_ffffn);
        a.cmp(r13, 3);
        a.jb(bounds);
        a.mov(rdi, qword(mem(r12, 16)));
        a.call(sym('rt_cont_sliceidx_arg'));
        a.test(edx, edx);
        a.jne(fail);
        a.mov(r14, rax);
        a.cmp(r13, 4);
        a.jb(bounds);
        a.mov(rdi, qword(mem(r12, 24)));
        a.call(sym('rt_cont_sliceidx_arg'));
        a.test(edx, edx);
        a.jne(fail);
        a.mov(r15, rax);
        a.bind(bounds);
        a.mov(rbp, qword(mem(r12)));
        unboxPtr(a, rbp);
        a.mov(rcx, qword(mem(rbp, TUPLE.length)));
        for (const r of [r14, r15]) {
          const ok = a.newLabel();
          a.test(r, r);
          a.jns(ok);
          a.add(r, rcx);
          a.jns(ok);
          a.xor(r, r);
          a.bind(ok);
        }
        a.cmp(r15, rcx);
        a.cmovg(r15, rcx);
        a.bind(loop);
        a.cmp(r14, r15);
        a.jge(missing);
        a.mov(rdi, qword(sib(rbp, r14, 8, TUPLE.items)));
        a.mov(rsi, qword(mem(r12, 8)));
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.jg(found);
        a.js(fail);
        a.inc(r14);
        a.jmp(loop);
        a.bind(found);
        a.mov(rdi, r14);
        a.call(sym('rt_cont_box_i64'));
        a.jmp(out);
        a.bind(missing);
        raise(a, 'ValueError', 'msg_tuple_index', [], out);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_tuple_meth_count',
      contract: 'tuple.count(x) (vector ABI) -> number of items == x, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const no = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        checkArgs(a, SPEC_COUNT, rsi, rdx, out);
        a.mov(r13, qword(mem(r12)));
        unboxPtr(a, r13);
        a.xor(r14, r14);
        a.xor(r15, r15);
        a.bind(loop);
        a.cmp(r14, qword(mem(r13, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, qword(sib(r13, r14, 8, TUPLE.items)));
        a.mov(rsi, qword(mem(r12, 8)));
        a.inc(r14);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.je(no);
        a.js(fail);
        a.inc(r15);
        a.bind(no);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r15);
        a.call(sym('rt_cont_box_i64'));
        a.bind(out);
        epilogue(a, saved);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
  ],
  data: [
    argSpecDatum(SPEC_NEW),
    argSpecDatum(SPEC_INDEX),
    argSpecDatum(SPEC_COUNT),
    cstr('msg_tuple_indices', 'tuple indices must be integers or slices, not %T'),
    cstr('msg_tuple_index_range', 'tuple index out of range'),
    cstr('msg_tuple_index', 'tuple.index(x): x not in tuple'),
  ],
};
