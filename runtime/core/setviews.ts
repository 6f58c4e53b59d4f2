// Container runtime: the set operations of dict views (Objects/dictobject.c of CPython 3.11:
// dictviews_sub/_and/_or/_xor, dictview_richcompare, dictviews_isdisjoint).
//
// dict_keys and dict_items behave as sets: & | ^ - build a new set (left operand first, as
// CPython's functions take their operands in the order given, so `s - d.keys()` works too),
// comparisons test containment both ways, and isdisjoint() walks the shorter side when both
// are sets or views. dict_items ^ dict_items follows dictitems_xor (pairs of the second dict
// that differ, then the remaining pairs of the first), which fixes the result's order.

import { type Assembler, type Label, eax, ebx, edx, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { DICTVIEW, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifExact, ifLayout, ifNotExact } from './listshared.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;
const SPECS = { dict_keys: argSpec('dict_keys.isdisjoint', 'O'), dict_items: argSpec('dict_items.isdisjoint', 'O') } as const;

/** Jump to `yes` if `v` is a dict_keys or dict_items view. Clobbers rax, rcx. */
function ifSetView(a: Assembler<any>, v: typeof rax, yes: Label): void {
  ifExact(a, v, 'dict_keys', rax, rcx, yes);
  ifExact(a, v, 'dict_items', rax, rcx, yes);
}

function routine(name: string, contract: string, body: (a: Assembler<any>, out: Label, fail: Label) => void, intResult = false): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      body(a, out, fail);
      a.bind(out);
      epilogue(a, SAVED, 8);
      a.bind(fail);
      if (intResult) a.mov(eax, -1);
      else a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** Iterate the iterable in `src`: r15 = each item (rbx = the iterator); errors go to `fail`. */
function walkIter(a: Assembler<any>, src: typeof rax, fail: Label, each: () => void): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rdi, src);
  callChecked(a, 'rt_cont_iter', fail);
  a.mov(rbx, rax);
  a.bind(loop);
  a.mov(rdi, rbx);
  callChecked(a, 'rt_cont_next', fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(done);
  a.mov(r15, rax);
  each();
  a.jmp(loop);
  a.bind(done);
}

const ROUTINES: RuntimeRoutine[] = [
  {
    name: 'rt_cont_contains',
    contract: 'rdi=container, rsi=item -> eax=1 if item in container (its contains slot, else iteration with ==), 0 if not, -1 if raised; may allocate, may raise',
    emit(a: Assembler<any>) {
      const generic = a.newLabel();
      a.push(rsi);
      a.call(sym('rt_type_of'));
      a.pop(rsi);
      a.mov(rax, qword(mem(rax, typeSlot('contains'))));
      a.test(rax, rax);
      a.je(generic);
      a.jmp(rax);
      a.bind(generic);
      prologue(a, SAVED, 8);
      const out = a.newLabel();
      const fail = a.newLabel();
      const found = a.newLabel();
      a.mov(r13, rsi);
      walkIter(a, rdi, fail, () => {
        a.mov(rdi, r15);
        a.mov(rsi, r13);
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.js(fail);
        a.jne(found);
      });
      a.xor(eax, eax);
      a.jmp(out);
      a.bind(found);
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(fail);
      a.mov(eax, -1);
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  {
    name: 'rt_cont_size',
    contract: 'rdi=value -> rax=len(value) through its len slot, or -1 if raised (TypeError "object of type \'X\' has no len()"); may allocate, may raise',
    emit(a: Assembler<any>) {
      const none = a.newLabel();
      a.call(sym('rt_type_of'));
      a.mov(rax, qword(mem(rax, typeSlot('len'))));
      a.test(rax, rax);
      a.je(none);
      a.jmp(rax);
      a.bind(none);
      a.sub(rsp, 8);
      a.mov(rdx, rdi);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_view_no_len')));
      a.call(sym('rt_raise_fmt'));
      a.add(rsp, 8);
      a.mov(rax, -1);
      a.ret();
    },
  },
  {
    name: 'rt_view_to_set',
    contract: 'rdi=value -> rax=new set of its items (dictviews_to_set: a dict_keys view of an exact dict is made from the dict, whose hashes and size it reuses), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const plain = a.newLabel();
      ifNotExact(a, rdi, 'dict_keys', rax, rcx, plain);
      a.mov(rax, qword(mem(rax, DICTVIEW.dict)));
      ifNotExact(a, rax, 'dict', rcx, rdx, plain);
      a.mov(rdi, rax);
      a.bind(plain);
      a.lea(rsi, rip(sym('type_set')));
      a.jmp(sym('rt_set_make'));
    },
  },
  routine('rt_view_all_contained_in', 'rdi=iterable, rsi=container -> eax=1 if every item of the first is in the second, 0 if not, -1 if raised (all_contained_in); may allocate, may raise', (a, out, fail) => {
    const no = a.newLabel();
    walkIter(a, r12, fail, () => {
      a.mov(rdi, r13);
      a.mov(rsi, r15);
      a.call(sym('rt_cont_contains'));
      a.test(eax, eax);
      a.js(fail);
      a.je(no);
    });
    a.mov(eax, 1);
    a.jmp(out);
    a.bind(no);
    a.xor(eax, eax);
  }, true),
  routine('rt_richcompare_dict_keys', 'rdi=dict_keys or dict_items view, rsi=other, edx=CMPOPS index -> rax=bool (set comparison by containment and size), NotImplemented unless other is a set or such a view, or EXC (dictview_richcompare); may allocate, may raise', (a, out, fail) => {
    // r14d = op; rbx = len(self), r15 = len(other).
    const ni = a.newLabel();
    const ok = a.newLabel();
    const falseR = a.newLabel();
    const answer = a.newLabel();
    a.mov(r14d, edx);
    ifLayout(a, r13, 'set', rax, ok);
    ifSetView(a, r13, ok);
    a.jmp(ni);
    a.bind(ok);
    a.mov(rdi, r12);
    a.call(sym('rt_cont_size'));
    a.test(rax, rax);
    a.js(fail);
    a.mov(rbx, rax);
    a.mov(rdi, r13);
    a.call(sym('rt_cont_size'));
    a.test(rax, rax);
    a.js(fail);
    a.mov(r15, rax);
    const selfIn = a.newLabel();
    const otherIn = a.newLabel();
    const cases: [number, () => void][] = [
      [0, () => { a.cmp(rbx, r15); a.jge(falseR); a.jmp(selfIn); }],
      [1, () => { a.cmp(rbx, r15); a.jg(falseR); a.jmp(selfIn); }],
      [2, () => { a.cmp(rbx, r15); a.jne(falseR); a.jmp(selfIn); }],
      [3, () => { a.cmp(rbx, r15); a.jne(falseR); a.jmp(selfIn); }],
      [4, () => { a.cmp(rbx, r15); a.jle(falseR); a.jmp(otherIn); }],
      [5, () => { a.cmp(rbx, r15); a.jl(falseR); a.jmp(otherIn); }],
    ];
    const labels = cases.map(() => a.newLabel());
    cases.forEach(([op], i) => {
      a.cmp(r14d, op);
      a.je(labels[i]!);
    });
    a.jmp(ni);
    cases.forEach(([, body], i) => {
      a.bind(labels[i]!);
      body();
    });
    a.bind(selfIn);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_view_all_contained_in'));
    a.jmp(answer);
    a.bind(otherIn);
    a.mov(rdi, r13);
    a.mov(rsi, r12);
    a.call(sym('rt_view_all_contained_in'));
    a.jmp(answer);
    a.bind(falseR);
    a.xor(eax, eax);
    a.bind(answer);
    a.test(eax, eax);
    a.js(fail);
    // != negates the == answer (a size mismatch included).
    const notNe = a.newLabel();
    a.cmp(r14d, 3);
    a.jne(notNe);
    a.xor(eax, 1);
    a.bind(notNe);
    a.test(eax, eax);
    a.mov(rax, g('rt_const_False'));
    a.cmovne(rax, g('rt_const_True'));
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
  }),
  routine('rt_view_intersect', 'rdi, rsi=operands of & with a dict view among them -> rax=new set of the items in both (_PyDictView_Intersect), or EXC; may allocate, may raise', (a, out, fail) => {
    // r12 = the view (self), r13 = the other; r14 = result.
    const selfView = a.newLabel();
    ifSetView(a, r12, selfView);
    a.xchg(r12, r13);
    a.bind(selfView);
    // An exact set at least as long: set.intersection does it.
    const notSet = a.newLabel();
    ifNotExact(a, r13, 'set', rax, rcx, notSet);
    a.mov(rdi, r12);
    a.call(sym('rt_cont_size'));
    a.mov(rbx, rax);
    a.mov(rdi, r13);
    a.call(sym('rt_cont_size'));
    a.cmp(rbx, rax);
    a.jg(notSet);
    a.mov(rdi, r13);
    a.mov(rsi, r12);
    a.call(sym('rt_set_intersection'));
    a.jmp(out);
    a.bind(notSet);
    // Another view, longer than this one: swap (iterate the shorter).
    const ordered = a.newLabel();
    const otherView = a.newLabel();
    ifSetView(a, r13, otherView);
    a.jmp(ordered);
    a.bind(otherView);
    a.mov(rdi, r12);
    a.call(sym('rt_cont_size'));
    a.mov(rbx, rax);
    a.mov(rdi, r13);
    a.call(sym('rt_cont_size'));
    a.cmp(rax, rbx);
    a.jle(ordered);
    a.xchg(r12, r13);
    a.bind(ordered);
    a.call(sym('rt_set_new'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(r14, rax);
    walkIter(a, r13, fail, () => {
      const skip = a.newLabel();
      a.mov(rdi, r12);
      a.mov(rsi, r15);
      a.call(sym('rt_cont_contains'));
      a.test(eax, eax);
      a.js(fail);
      a.je(skip);
      a.mov(rdi, r14);
      a.mov(rsi, r15);
      callChecked(a, 'rt_set_add', fail);
      a.bind(skip);
    });
    a.mov(rax, r14);
  }),
  routine('rt_view_items_xor', 'rdi=dict_items, rsi=dict_items -> rax=new set: pairs of the second dict missing from or different in the first, then the first\'s remaining pairs (dictitems_xor), or EXC; may allocate, may raise', (a, _out, fail) => {
    // r12 = copy of the first dict, r14 = result, r15/rbx walking the second dict.
    a.mov(rdi, r12);
    unboxPtr(a, rdi);
    a.mov(rdi, qword(mem(rdi, DICTVIEW.dict)));
    callChecked(a, 'rt_dict_copy', fail);
    a.mov(r12, rax);
    a.call(sym('rt_set_new'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(r14, rax);
    a.mov(rdi, r13);
    unboxPtr(a, rdi);
    a.mov(r13, qword(mem(rdi, DICTVIEW.dict)));
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      const add = a.newLabel();
      a.xor(ebx, ebx);
      a.bind(loop);
      a.mov(rdi, r13);
      unboxPtr(a, rdi);
      a.mov(rsi, rbx);
      a.call(sym('rt_dict_next'));
      a.test(rax, rax);
      a.js(done);
      a.lea(rbx, mem(rax, 1));
      a.mov(r15, rdx); // key
      a.mov(qword(mem(rsp, 0)), rcx); // value of the second dict
      // val1 = temp.get(key, hash): equal values cancel out.
      a.mov(rdi, r12);
      a.mov(rsi, rdx);
      a.mov(rdx, r8);
      a.call(sym('rt_dict_getitem_hash'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(add);
      a.mov(rdi, rax);
      a.mov(rsi, qword(mem(rsp, 0)));
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      a.js(fail);
      a.je(add);
      a.mov(rdi, r12);
      a.mov(rsi, r15);
      a.mov(rdx, g('rt_const_unbound'));
      a.call(sym('rt_dict_pop'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.jmp(loop);
      a.bind(add);
      a.mov(rdi, r15);
      a.mov(rsi, qword(mem(rsp, 0)));
      a.call(sym('rt_tuple_pack2'));
      a.mov(rdi, r14);
      a.mov(rsi, rax);
      callChecked(a, 'rt_set_add', fail);
      a.jmp(loop);
      a.bind(done);
    }
    // The first dict's remaining pairs.
    a.mov(rdi, r12);
    a.lea(rsi, rip(sym('type_dict_items')));
    a.call(sym('rt_dict_view_new'));
    a.mov(rdi, r14);
    a.mov(rsi, rax);
    callChecked(a, 'rt_set_update', fail);
    a.mov(rax, r14);
  }),
  routine('rt_binop_dict_keys', 'rdi=a, rsi=b, edx=BINOPS index (in-place forms as plain) -> rax=new set for - & | ^ when either operand is a dict_keys or dict_items view, NotImplemented otherwise, or EXC; may allocate, may raise', (a, out, fail) => {
    const ni = a.newLabel();
    const go = a.newLabel();
    a.mov(r14d, edx);
    a.and(r14d, 15);
    ifSetView(a, r12, go);
    ifSetView(a, r13, go);
    a.jmp(ni);
    a.bind(go);
    const notAnd = a.newLabel();
    a.cmp(r14d, 9);
    a.jne(notAnd);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_view_intersect'));
    a.jmp(out);
    a.bind(notAnd);
    // - |: a set of the left operand, then difference_update / update.
    const ops: [number, string][] = [[1, 'rt_set_difference_update'], [10, 'rt_set_update']];
    const isXor = a.newLabel();
    a.cmp(r14d, 11);
    a.je(isXor);
    for (const [op, routineName] of ops) {
      const next = a.newLabel();
      a.cmp(r14d, op);
      a.jne(next);
      a.mov(rdi, r12);
      callChecked(a, 'rt_view_to_set', fail);
      a.mov(r15, rax);
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      callChecked(a, routineName, fail);
      a.mov(rax, r15);
      a.jmp(out);
      a.bind(next);
    }
    a.jmp(ni);
    // items ^ items: dictitems_xor.
    a.bind(isXor);
    const plainXor = a.newLabel();
    ifNotExact(a, r12, 'dict_items', rax, rcx, plainXor);
    ifNotExact(a, r13, 'dict_items', rax, rcx, plainXor);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_view_items_xor'));
    a.jmp(out);
    a.bind(plainXor);
    a.mov(rdi, r12);
    callChecked(a, 'rt_view_to_set', fail);
    a.mov(r15, rax);
    a.mov(rdi, rax);
    a.mov(rsi, r13);
    callChecked(a, 'rt_set_symmetric_difference_update', fail);
    a.mov(rax, r15);
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
  }),
  ...(['dict_keys', 'dict_items'] as const).map((t): RuntimeRoutine => ({
    name: `rt_${t}_meth_isdisjoint`,
    contract: `${t}.isdisjoint(other) (vector ABI) -> bool (the shorter side walked when both are sets or views), or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      const no = a.newLabel();
      const yes = a.newLabel();
      const walk = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      checkArgs(a, SPECS[t], rsi, rdx, out);
      a.mov(r13, qword(mem(r12, 8)));
      a.mov(r12, qword(mem(r12)));
      const notSame = a.newLabel();
      a.cmp(r12, r13);
      a.jne(notSame);
      a.mov(rdi, r12);
      a.call(sym('rt_cont_size'));
      a.test(rax, rax);
      a.je(yes);
      a.jmp(no);
      a.bind(notSame);
      const sized = a.newLabel();
      ifLayout(a, r13, 'set', rax, sized);
      ifSetView(a, r13, sized);
      a.jmp(walk);
      a.bind(sized);
      a.mov(rdi, r12);
      a.call(sym('rt_cont_size'));
      a.mov(rbx, rax);
      a.mov(rdi, r13);
      a.call(sym('rt_cont_size'));
      a.test(rax, rax);
      a.js(fail);
      a.cmp(rax, rbx);
      a.jle(walk);
      a.xchg(r12, r13);
      a.bind(walk);
      walkIter(a, r13, fail, () => {
        a.mov(rdi, r12);
        a.mov(rsi, r15);
        a.call(sym('rt_cont_contains'));
        a.test(eax, eax);
        a.js(fail);
        a.jne(no);
      });
      a.bind(yes);
      a.mov(rax, g('rt_const_True'));
      a.jmp(out);
      a.bind(no);
      a.mov(rax, g('rt_const_False'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  })),
  { name: 'rt_richcompare_dict_items', contract: 'as rt_richcompare_dict_keys', emit: (a) => a.jmp(sym('rt_richcompare_dict_keys')) },
  { name: 'rt_binop_dict_items', contract: 'as rt_binop_dict_keys', emit: (a) => a.jmp(sym('rt_binop_dict_keys')) },
];

export const setViewsModule: RuntimeModule = {
  name: 'setviews',
  methods: [
    { type: 'dict_keys', name: 'isdisjoint', entry: 'rt_dict_keys_meth_isdisjoint' },
    { type: 'dict_items', name: 'isdisjoint', entry: 'rt_dict_items_meth_isdisjoint' },
  ],
  routines: ROUTINES,
  data: [argSpecDatum(SPECS.dict_keys), argSpecDatum(SPECS.dict_items), cstr('msg_view_no_len', "object of type '%T' has no len()")],
};
