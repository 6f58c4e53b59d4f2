// Templates of the generic instructions: each moves values between frame slots and calls
// the runtime for anything beyond a move or a test. Every runtime call that may raise is
// followed by the exception check; every call that can run Python code restores the
// value-stack top afterwards.

import { al, eax, ecx, edx, esi, hole, r8d, mem, qword, rax, rbx, rcx, rdi, rdx, rsi, sym, type Gpr } from '../src/asm/index.js';
import { FVS_HAVE_SPEC, INTRINSICS } from '../src/bytecode/ops.js';
import { boxInt, CELL, GEN_FINISHED, GENERATOR } from '../src/native/layout.js';
import { cold, D, GEN, H, type HoleDesc, L, RT, S, SA, SLOT, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck, flowOf, loadOperands } from './util.js';
import { emitEvalCall, type EvalScope, isEvalScope } from './evalcall.js';
import { emitLocalsCall } from './localscall.js';
import { leaveFrame } from './frame.js';

/** Generators: mark the generator finished (before returning). */
function genFinish(a: TplAsm): void {
  a.mov(rcx, GEN());
  unbox(a, rcx);
  a.mov(rax, boxInt(BigInt(GEN_FINISHED)));
  a.mov(qword(mem(rcx, GENERATOR.state)), rax);
}

/** [rbx + the slot the stitcher picked] without a size, for `lea`. */
function SLOT_ADDR() {
  return mem(rbx, hole.disp32<HoleDesc>({ k: 'slot' }));
}

function unbox(a: TplAsm, r: Gpr<64>): void {
  a.shl(r, 16);
  a.shr(r, 16);
}

/** rax = True or False from the flags of a preceding compare (`cc` true -> True). */
function boolFromFlags(a: TplAsm, cc: 'e' | 'ne'): void {
  a.mov(rax, RT('rt_const_False'));
  if (cc === 'e') a.cmove(rax, RT('rt_const_True'));
  else a.cmovne(rax, RT('rt_const_True'));
}

/**
 * Branch on the truth of rax: to the instruction's target when it is `jumpIf`, to the
 * next instruction otherwise. True/False/None are tested inline; anything else asks
 * rt_truthy (which may run __bool__/__len__ and raise).
 */
function branchOnTruth(a: TplAsm, jumpIf: boolean): void {
  const slow = a.newLabel();
  a.cmp(rax, RT('rt_const_True'));
  if (jumpIf) a.je(H.target());
  else a.je(H.next());
  a.cmp(rax, RT('rt_const_False'));
  if (jumpIf) a.je(H.next());
  else a.je(H.target());
  a.bind(slow);
  a.mov(rdi, rax);
  callRt(a, 'rt_truthy');
  a.test(eax, eax);
  a.js(H.exc());
  if (jumpIf) a.jne(H.target());
  else a.je(H.target());
  a.jmp(H.next());
}

export const coreTemplates: TemplateDef<any>[] = [
  { op: 'NOP', emit() {} },
  { op: 'POP_TOP', doc: 'the slot is simply dead', emit() {} },
  {
    op: 'COPY',
    emit(a: TplAsm) {
      a.mov(rax, S(0, 1));
      a.mov(S(0), rax);
    },
  },
  {
    op: 'SWAP',
    emit(a: TplAsm) {
      a.mov(rax, S(0, 1));
      a.mov(rcx, S(-1));
      a.mov(S(0, 1), rcx);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'PUSH_NULL',
    emit(a: TplAsm) {
      a.mov(rax, RT('rt_const_unbound'));
      a.mov(S(0), rax);
    },
  },
  {
    op: 'LOAD_CONST',
    out: (_p, ins) => ({ rax: -1, ints: ins.facts.smallIntConst === true ? [-1] : [] }),
    // facts.lazy: the next instruction takes the value from rax (stitch.ts storesDead).
    lazyStores: true,
    variant: (ins) => ({ lazy: ins.facts.lazy === true }),
    emit(a: TplAsm, p: { lazy: boolean }) {
      a.mov(rax, H.const());
      if (!p.lazy) a.mov(S(0), rax);
    },
  },
  {
    op: 'RETURN_VALUE',
    doc: 'generators also mark themselves finished and return with rdx = 0 (not yielded)',
    variant: (ins) => ({ gen: ins.facts.generator === true, flow: String(ins.facts.flow ?? '') }),
    emit(a: TplAsm, p: { gen: boolean; flow: string }) {
      if (p.gen) genFinish(a);
      if (p.gen) a.mov(rax, S(-1));
      else loadOperands(a, flowOf(p), [[rax, -1]]);
      if (p.gen) a.xor(edx, edx);
      // A generator leaves through its EXIT piece; a plain function's return is EXIT inline.
      if (p.gen) a.jmp(H.exit());
      else leaveFrame(a);
    },
  },
  {
    op: 'RETURN_CONST',
    variant: (ins) => ({ gen: ins.facts.generator === true }),
    emit(a: TplAsm, p: { gen: boolean }) {
      if (p.gen) genFinish(a);
      a.mov(rax, H.const());
      if (p.gen) a.xor(edx, edx);
      if (p.gen) a.jmp(H.exit());
      else leaveFrame(a);
    },
  },
  {
    op: 'YIELD_VALUE',
    doc: 'save the live frame (slots below the slot hole) in the generator with the resume index (count hole), return the value with rdx = 1; in a `yield from`/`await` loop the generator notes its delegate (r8d = 1)',
    variant: (ins) => ({ delegating: ins.facts.delegating === true }),
    emit(a: TplAsm, p: { delegating: boolean }) {
      a.mov(rdi, GEN());
      a.mov(esi, H.count());
      a.mov(rdx, rbx);
      a.lea(rcx, SLOT_ADDR());
      a.mov(r8d, p.delegating ? 1 : 0);
      callRt(a, 'rt_gen_yield');
      a.mov(rax, S(-1));
      a.mov(edx, 1);
      a.jmp(H.exit());
    },
  },
  {
    op: 'SEND',
    doc: 'yield from / await: send TOS into TOS1; a yielded value stays on the stack, a return pops the receiver and jumps',
    emit(a: TplAsm) {
      const returned = a.newLabel();
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_send');
      excCheck(a);
      a.test(edx, edx);
      a.je(returned);
      a.mov(S(-1), rax);
      a.jmp(H.next());
      a.bind(returned);
      a.mov(S(-2), rax);
      a.jmp(H.target());
    },
  },
  {
    op: 'GET_YIELD_FROM_ITER',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_get_yield_from_iter');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  // ---- locals and cells
  {
    op: 'LOAD_FAST',
    doc: 'with the unbound check unless the compiler proved the local assigned',
    variant: (ins) => ({ checked: ins.facts.maybeUnbound === true, lazy: ins.facts.lazy === true }),
    out: () => ({ rax: -1 }),
    // facts.lazy: the next instruction takes the value from rax (stitch.ts storesDead).
    lazyStores: true,
    emit(a: TplAsm, p: { checked: boolean; lazy: boolean }) {
      a.mov(rax, L());
      if (p.checked) {
        a.cmp(rax, RT('rt_const_unbound'));
        a.je(cold((c) => {
          c.mov(rdi, H.varname());
          callRt(c, 'rt_raise_unbound_local');
          c.jmp(H.exc());
        }));
      }
      if (!p.lazy) a.mov(S(0), rax);
    },
  },
  {
    op: 'STORE_FAST',
    variant: (ins) => ({ flow: String(ins.facts.flow ?? '') }),
    // TOS from the Flow's register when there, no other path (stitch.ts storesDead).
    registerOperands: (p: { flow: string }) => flowOf(p).rax === -1 || flowOf(p).rcx === -1,
    emit(a: TplAsm, p: { flow: string }) {
      loadOperands(a, flowOf(p), [[rax, -1]]);
      a.mov(L(), rax);
    },
  },
  {
    op: 'DELETE_FAST',
    emit(a: TplAsm) {
      const bound = a.newLabel();
      a.mov(rax, L());
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(bound);
      a.mov(rdi, H.varname());
      callRt(a, 'rt_raise_unbound_local');
      a.jmp(H.exc());
      a.bind(bound);
      a.mov(rax, RT('rt_const_unbound'));
      a.mov(L(), rax);
    },
  },
  {
    op: 'LOAD_DEREF',
    variant: (ins) => ({ free: ins.facts.free === true }),
    emit(a: TplAsm, p: { free: boolean }) {
      const bound = a.newLabel();
      a.mov(rax, D());
      unbox(a, rax);
      a.mov(rax, qword(mem(rax, CELL.value)));
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(bound);
      a.mov(rdi, H.varname());
      callRt(a, p.free ? 'rt_raise_unbound_free' : 'rt_raise_unbound_local');
      a.jmp(H.exc());
      a.bind(bound);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'STORE_DEREF',
    emit(a: TplAsm) {
      a.mov(rcx, D());
      unbox(a, rcx);
      a.mov(rax, S(-1));
      a.mov(qword(mem(rcx, CELL.value)), rax);
    },
  },
  {
    op: 'DELETE_DEREF',
    variant: (ins) => ({ free: ins.facts.free === true }),
    emit(a: TplAsm, p: { free: boolean }) {
      const bound = a.newLabel();
      a.mov(rcx, D());
      unbox(a, rcx);
      a.mov(rax, qword(mem(rcx, CELL.value)));
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(bound);
      a.mov(rdi, H.varname());
      callRt(a, p.free ? 'rt_raise_unbound_free' : 'rt_raise_unbound_local');
      a.jmp(H.exc());
      a.bind(bound);
      a.mov(rax, RT('rt_const_unbound'));
      a.mov(qword(mem(rcx, CELL.value)), rax);
    },
  },
  {
    op: 'LOAD_CLOSURE',
    emit(a: TplAsm) {
      a.mov(rax, D());
      a.mov(S(0), rax);
    },
  },
  // ---- globals (module globals are fixed slots; builtins are static objects)
  {
    op: 'LOAD_GLOBAL',
    doc: "module global slot (then builtins), a builtin's static object, or NameError; a global that shadows a builtin falls back to the builtin while unbound",
    variant: (ins) => ({ kind: String(ins.facts.global ?? 'missing') }),
    out: () => ({ rax: -1 }),
    emit(a: TplAsm, p: { kind: string }) {
      if (p.kind === 'builtin') {
        a.mov(rax, H.builtin());
      } else if (p.kind === 'shadowed') {
        a.mov(rax, H.global());
        a.cmp(rax, RT('rt_const_unbound'));
        a.je(cold((c) => {
          c.mov(rax, H.builtin());
          c.mov(S(0), rax);
          c.jmp(H.next());
        }));
      } else if (p.kind === 'module') {
        // (the cold path leaves the value in rax too: see `out`)
        a.mov(rax, H.global());
        a.cmp(rax, RT('rt_const_unbound'));
        a.je(cold((c) => {
          c.mov(rdi, H.name());
          c.lea(rsi, H.moduleInfo());
          callRt(c, 'rt_load_global_fallback');
          excCheck(c);
          c.mov(S(0), rax);
          c.jmp(H.next());
        }));
      } else {
        a.mov(rdi, H.name());
        a.lea(rsi, H.moduleInfo());
        callRt(a, 'rt_load_global_fallback');
        excCheck(a);
      }
      a.mov(S(0), rax);
    },
  },
  {
    op: 'STORE_GLOBAL',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.mov(H.global(), rax);
    },
  },
  {
    op: 'DELETE_GLOBAL',
    emit(a: TplAsm) {
      const bound = a.newLabel();
      a.mov(rax, H.global());
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(bound);
      a.mov(rdi, H.name());
      callRt(a, 'rt_raise_name_error');
      a.jmp(H.exc());
      a.bind(bound);
      a.mov(rax, RT('rt_const_unbound'));
      a.mov(H.global(), rax);
    },
  },
  // ---- class bodies: names live in the namespace (a dict, or the mapping __prepare__
  // returned: runtime/core/classns.ts) in the hidden slot 0
  {
    op: 'LOAD_NAME',
    doc: 'class body: the namespace, then the module global or builtin (as LOAD_GLOBAL)',
    variant: (ins) => ({ kind: String(ins.facts.global ?? 'missing') }),
    emit(a: TplAsm, p: { kind: string }) {
      const found = a.newLabel();
      a.mov(rdi, qword(mem(rbx, 0)));
      a.mov(rsi, H.name());
      callRt(a, 'rt_ns_lookup');
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(found);
      if (p.kind === 'builtin') {
        a.mov(rax, H.builtin());
      } else if (p.kind === 'shadowed') {
        a.mov(rax, H.global());
        a.cmp(rax, RT('rt_const_unbound'));
        a.jne(found);
        a.mov(rax, H.builtin());
      } else {
        const missing = a.newLabel();
        if (p.kind === 'module') {
          a.mov(rax, H.global());
          a.cmp(rax, RT('rt_const_unbound'));
          a.jne(found);
        }
        a.bind(missing);
        a.mov(rdi, H.name());
        a.lea(rsi, H.moduleInfo());
        callRt(a, 'rt_load_global_fallback');
      }
      a.bind(found);
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'STORE_NAME',
    emit(a: TplAsm) {
      a.mov(rdi, qword(mem(rbx, 0)));
      a.mov(rsi, H.name());
      a.mov(rdx, S(-1));
      callRt(a, 'rt_ns_store');
      excCheck(a);
    },
  },
  {
    op: 'DELETE_NAME',
    emit(a: TplAsm) {
      a.mov(rdi, qword(mem(rbx, 0)));
      a.mov(rsi, H.name());
      callRt(a, 'rt_ns_delete');
      excCheck(a);
    },
  },
  {
    op: 'LOAD_CLASSDEREF',
    doc: 'class body: the namespace, then the cell of the enclosing function',
    emit(a: TplAsm) {
      const found = a.newLabel();
      a.mov(rdi, qword(mem(rbx, 0)));
      a.mov(rsi, H.varname());
      callRt(a, 'rt_ns_lookup');
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(found);
      a.mov(rax, D());
      unbox(a, rax);
      a.mov(rax, qword(mem(rax, CELL.value)));
      a.cmp(rax, RT('rt_const_unbound'));
      a.jne(found);
      a.mov(rdi, H.varname());
      callRt(a, 'rt_raise_unbound_free');
      a.jmp(H.exc());
      a.bind(found);
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'LOAD_BUILD_CLASS',
    emit(a: TplAsm) {
      a.mov(rax, sym('box:bfn___build_class__') as never);
      a.mov(S(0), rax);
    },
  },
  // ---- control flow
  {
    op: 'JUMP',
    emit(a: TplAsm) {
      a.jmp(H.target());
    },
  },
  {
    op: 'POP_JUMP_IF_FALSE',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      branchOnTruth(a, false);
    },
  },
  {
    op: 'POP_JUMP_IF_TRUE',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      branchOnTruth(a, true);
    },
  },
  {
    op: 'JUMP_IF_FALSE_OR_POP',
    doc: 'the value stays in its slot either way; only the depth differs',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      branchOnTruth(a, false);
    },
  },
  {
    op: 'JUMP_IF_TRUE_OR_POP',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      branchOnTruth(a, true);
    },
  },
  {
    op: 'POP_JUMP_IF_NONE',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.cmp(rax, RT('rt_const_None'));
      a.je(H.target());
    },
  },
  {
    op: 'POP_JUMP_IF_NOT_NONE',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.cmp(rax, RT('rt_const_None'));
      a.jne(H.target());
    },
  },
  // ---- operators
  {
    op: 'BINARY_OP',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      a.mov(edx, H.arg());
      callRt(a, 'rt_binary_op');
      excCheck(a);
      a.mov(S(-2), rax);
    },
  },
  ...(
    [
      ['UNARY_NEGATIVE', 0],
      ['UNARY_INVERT', 2],
    ] as const
  ).map(([op, kind]) => ({
    op,
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(esi, kind);
      callRt(a, 'rt_unary_op');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  })),
  {
    op: 'UNARY_NOT',
    emit(a: TplAsm) {
      const slow = a.newLabel();
      const done = a.newLabel();
      a.mov(rax, S(-1));
      a.cmp(rax, RT('rt_const_True'));
      a.je(slow);
      a.cmp(rax, RT('rt_const_False'));
      a.jne(slow);
      a.mov(rax, RT('rt_const_True'));
      a.jmp(done);
      a.bind(slow);
      a.mov(rdi, rax);
      callRt(a, 'rt_truthy');
      a.test(eax, eax);
      a.js(H.exc());
      boolFromFlags(a, 'e');
      a.bind(done);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'COMPARE_OP',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      a.mov(edx, H.arg());
      callRt(a, 'rt_richcompare');
      excCheck(a);
      a.mov(S(-2), rax);
    },
  },
  {
    op: 'IS_OP',
    variant: (ins) => ({ not: ins.arg !== 0 }),
    emit(a: TplAsm, p: { not: boolean }) {
      a.mov(rax, S(-2));
      a.cmp(rax, S(-1));
      boolFromFlags(a, p.not ? 'ne' : 'e');
      a.mov(S(-2), rax);
    },
  },
  {
    op: 'CONTAINS_OP',
    variant: (ins) => ({ not: ins.arg !== 0 }),
    emit(a: TplAsm, p: { not: boolean }) {
      a.mov(rdi, S(-1));
      a.mov(rsi, S(-2));
      callRt(a, 'rt_contains');
      a.test(eax, eax);
      a.js(H.exc());
      boolFromFlags(a, p.not ? 'e' : 'ne');
      a.mov(S(-2), rax);
    },
  },
  // ---- containers and attributes
  ...(['BUILD_TUPLE', 'BUILD_LIST', 'BUILD_SET', 'BUILD_STRING'] as const).map((op) => ({
    op,
    emit(a: TplAsm) {
      a.lea(rdi, SA(0, 1));
      a.mov(esi, H.arg());
      callRt(a, `rt_${op.toLowerCase()}`);
      excCheck(a);
      a.mov(S(0, 1), rax);
    },
  })),
  ...(
    [
      ['LIST_APPEND', 'rt_list_append'],
      ['SET_ADD', 'rt_set_add'],
      ['LIST_EXTEND', 'rt_list_extend_star'],
      ['SET_UPDATE', 'rt_set_update'],
      ['DICT_UPDATE', 'rt_dict_update_display'],
    ] as const
  ).map(([op, routine]) => ({
    op,
    doc: 'STACK[-arg] is the container being built (below the value)',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1, 1));
      a.mov(rsi, S(-1));
      callRt(a, routine);
      excCheck(a);
    },
  })),
  {
    op: 'DICT_MERGE',
    doc: 'f(**m): STACK[-arg] is the keyword dict being built, the callable three below it',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1, 1));
      a.mov(rsi, S(-1));
      a.mov(rdx, S(-3, 1));
      callRt(a, 'rt_dict_merge_call');
      excCheck(a);
    },
  },
  {
    op: 'MAP_ADD',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2, 1));
      a.mov(rsi, S(-2));
      a.mov(rdx, S(-1));
      callRt(a, 'rt_dict_setitem');
      excCheck(a);
    },
  },
  {
    op: 'FORMAT_VALUE',
    variant: (ins) => ({ spec: (ins.arg & FVS_HAVE_SPEC) !== 0 }),
    emit(a: TplAsm, p: { spec: boolean }) {
      const v = p.spec ? -2 : -1;
      a.mov(rdi, S(v));
      a.mov(esi, H.arg());
      if (p.spec) a.mov(rdx, S(-1));
      else a.mov(rdx, RT('rt_const_unbound'));
      callRt(a, 'rt_format_value');
      excCheck(a);
      a.mov(S(v), rax);
    },
  },
  {
    op: 'BUILD_MAP',
    emit(a: TplAsm) {
      a.lea(rdi, SA(0, 2));
      a.mov(esi, H.arg());
      callRt(a, 'rt_build_map');
      excCheck(a);
      a.mov(S(0, 2), rax);
    },
  },
  {
    op: 'BUILD_SLICE',
    variant: (ins) => ({ n: ins.arg }),
    emit(a: TplAsm, p: { n: number }) {
      a.mov(rdi, S(-p.n));
      a.mov(rsi, S(-p.n + 1));
      if (p.n === 3) a.mov(rdx, S(-1));
      else a.mov(rdx, RT('rt_const_unbound'));
      callRt(a, 'rt_slice_new');
      a.mov(S(-p.n), rax);
    },
  },
  {
    op: 'BINARY_SUBSCR',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_getitem');
      excCheck(a);
      a.mov(S(-2), rax);
    },
  },
  {
    op: 'STORE_SUBSCR',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      a.mov(rdx, S(-3));
      callRt(a, 'rt_setitem');
      excCheck(a);
    },
  },
  {
    op: 'DELETE_SUBSCR',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_delitem');
      excCheck(a);
    },
  },
  {
    op: 'DELETE_ATTR',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(rsi, H.name());
      a.mov(rdx, RT('rt_const_unbound'));
      callRt(a, 'rt_setattr');
      excCheck(a);
    },
  },
  {
    op: 'UNPACK_SEQUENCE',
    doc: 'items land last-first from the iterable slot upwards',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(esi, H.arg());
      a.lea(rdx, SA(-1));
      callRt(a, 'rt_unpack_sequence');
      excCheck(a);
    },
  },
  {
    op: 'SETUP_ANNOTATIONS',
    doc: "module body: the global __annotations__; class body: the namespace's",
    variant: (ins) => ({ classBody: ins.facts.classBody === true }),
    emit(a: TplAsm, p: { classBody: boolean }) {
      if (p.classBody) {
        a.mov(rdi, qword(mem(rbx, 0)));
        callRt(a, 'rt_setup_annotations_ns');
      } else {
        a.lea(rdi, H.moduleInfo());
        callRt(a, 'rt_setup_annotations_module');
      }
      excCheck(a);
    },
  },
  {
    op: 'UNPACK_EX',
    doc: 'a, *b, c = x: the items land last-first from the iterable slot upwards, the starred ones as a list',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(esi, H.arg());
      a.lea(rdx, SA(-1));
      callRt(a, 'rt_unpack_ex');
      excCheck(a);
    },
  },
  // ---- iteration
  {
    op: 'GET_ITER',
    doc: 'iter(TOS); a generator that __iter__ made afresh belongs to the loop (rt_own_loop_iter)',
    emit(a: TplAsm) {
      const same = a.newLabel();
      a.mov(rdi, S(-1));
      callRt(a, 'rt_iter');
      excCheck(a);
      a.cmp(rax, S(-1));
      a.je(same);
      a.mov(S(-1), rax);
      a.mov(rdi, rax);
      a.call(sym('rt_own_loop_iter'));
      a.bind(same);
    },
  },
  {
    op: 'FOR_ITER',
    doc: 'rt_next: a value, UNBOUND when exhausted, or EXC',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_next');
      a.cmp(rax, RT('rt_const_unbound'));
      a.je(H.target());
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  // ---- calls and functions
  {
    op: 'CALL',
    doc: 'rt_call; `super()` with no arguments in a method passes the __class__ cell and the first argument; `globals()` passes the module; `eval(...)` calls the evaluator with the namespaces',
    variant: (ins) => ({ super0: ins.facts.super0 === true, globals0: ins.facts.globals0 === true, globalsStore: ins.facts.globalsStore === true, evalCall: isEvalScope(ins.facts.evalCall) ? ins.facts.evalCall : '', localsCall: typeof ins.facts.localsCall === 'string' ? ins.facts.localsCall : '' }),
    emit(a: TplAsm, p: { super0: boolean; globals0: boolean; globalsStore: boolean; evalCall: EvalScope | ''; localsCall: string }) {
      if (p.evalCall !== '') {
        emitEvalCall(a, p.evalCall, 'call');
        return;
      }
      if (p.localsCall !== '') {
        emitLocalsCall(a, p.localsCall);
        return;
      }
      if (p.globals0) {
        a.lea(rdi, H.moduleInfo());
        // `globals()[k] = v`: a writer into the module (runtime/core/globalswrite.ts).
        callRt(a, p.globalsStore ? 'rt_globals_writer' : 'rt_globals_snapshot');
      } else if (p.super0) {
        // The __class__ cell is the slot the stitcher picks; the first argument is local 0.
        a.mov(rdi, SLOT());
        unbox(a, rdi);
        a.mov(rdi, qword(mem(rdi, CELL.value)));
        a.mov(rsi, L(0));
        callRt(a, 'rt_super_zero');
      } else {
        a.mov(rdi, S(-1, 1));
        a.lea(rsi, SA(0, 1));
        a.mov(edx, H.arg());
        a.xor(ecx, ecx);
        callRt(a, 'rt_call');
      }
      excCheck(a);
      a.mov(S(-1, 1), rax);
    },
  },
  {
    op: 'CALL_KW',
    doc: 'stack: callable, n arguments, kwnames tuple',
    variant: (ins) => ({ evalCall: isEvalScope(ins.facts.evalCall) ? ins.facts.evalCall : '' }),
    emit(a: TplAsm, p: { evalCall: EvalScope | '' }) {
      if (p.evalCall !== '') {
        emitEvalCall(a, p.evalCall, 'kw');
        return;
      }
      a.mov(rdi, S(-2, 1));
      a.lea(rsi, SA(-1, 1));
      a.mov(edx, H.arg());
      a.mov(rcx, S(-1));
      callRt(a, 'rt_call');
      excCheck(a);
      a.mov(S(-2, 1), rax);
    },
  },
  {
    op: 'CALL_METHOD_KW',
    doc: 'stack: method, self or NULL, n arguments, kwnames tuple',
    emit(a: TplAsm) {
      a.lea(rdi, SA(-3, 1));
      a.mov(esi, H.arg());
      a.mov(rdx, S(-1));
      callRt(a, 'rt_call_method_stack');
      excCheck(a);
      a.mov(S(-3, 1), rax);
    },
  },
  {
    op: 'CALL_FUNCTION_EX',
    variant: (ins) => ({ kw: (ins.arg & 1) !== 0, evalCall: isEvalScope(ins.facts.evalCall) ? ins.facts.evalCall : '' }),
    emit(a: TplAsm, p: { kw: boolean; evalCall: EvalScope | '' }) {
      if (p.evalCall !== '') {
        emitEvalCall(a, p.evalCall, p.kw ? 'exkw' : 'ex');
        return;
      }
      const base = p.kw ? -3 : -2;
      a.mov(rdi, S(base));
      a.mov(rsi, S(base + 1));
      if (p.kw) a.mov(rdx, S(-1));
      else a.mov(rdx, RT('rt_const_unbound'));
      callRt(a, 'rt_call_ex');
      excCheck(a);
      a.mov(S(base), rax);
    },
  },
  {
    op: 'MAKE_FUNCTION',
    doc: 'code object on top; the optional parts below it in flag order',
    variant: (ins) => ({ parts: popcount(ins.arg) }),
    emit(a: TplAsm, p: { parts: number }) {
      a.mov(rdi, S(-1));
      a.mov(esi, H.arg());
      a.lea(rdx, SA(-1 - p.parts));
      a.lea(rcx, H.moduleGlobals());
      callRt(a, 'rt_make_function');
      excCheck(a);
      a.mov(S(-1 - p.parts), rax);
    },
  },
  {
    op: 'CALL_INTRINSIC_1',
    doc: 'the intrinsics compiled code needs (the others are refused by the program checker)',
    variant: (ins) => ({ which: INTRINSICS[ins.arg] }),
    emit(a: TplAsm, p: { which: string }) {
      switch (p.which) {
        case 'OWN_LOOP_ITER':
          // A generator made for the loop alone: the loop may finalize it (CLOSE_LOOP_ITER).
          a.mov(rdi, S(-1));
          a.call(sym('rt_own_loop_iter'));
          return;
        case 'CLOSE_LOOP_ITER':
          // A loop left early drops the iterator it owns: a generator is closed then, as
          // CPython's reference counting does.
          a.mov(rdi, S(-1));
          callRt(a, 'rt_close_loop_iter');
          excCheck(a);
          return;
        case 'UNARY_POSITIVE':
          a.mov(rdi, S(-1));
          a.mov(esi, 1);
          callRt(a, 'rt_unary_op');
          break;
        case 'IMPORT_STAR':
          // from module import *: its public names into this module's globals.
          a.mov(rdi, S(-1));
          a.lea(rsi, H.moduleInfo());
          callRt(a, 'rt_import_star');
          excCheck(a);
          return;
        case 'LIST_TO_TUPLE':
          a.mov(rdi, S(-1));
          callRt(a, 'rt_tuple_from_iterable');
          break;
        case 'ASYNC_GEN_WRAP':
          // An async generator's `yield`: wrapped, so its asend/athrow awaitables can tell
          // it from the awaits passing through (runtime/core/coro.ts).
          a.mov(rdi, S(-1));
          callRt(a, 'rt_async_gen_wrap');
          break;
        default:
          throw new Error(`intrinsic ${p.which} has no template`);
      }
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  // ---- exceptions
  {
    op: 'RAISE_VARARGS',
    variant: (ins) => ({ n: ins.arg }),
    emit(a: TplAsm, p: { n: number }) {
      if (p.n === 0) {
        callRt(a, 'rt_reraise_current');
        a.jmp(H.reraise());
        return;
      }
      if (p.n === 1) {
        a.mov(rdi, S(-1));
        callRt(a, 'rt_raise');
      } else {
        a.mov(rdi, S(-2));
        a.mov(rsi, S(-1));
        callRt(a, 'rt_raise_from');
      }
      a.jmp(H.exc());
    },
  },
  {
    op: 'RERAISE',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.mov(RT('rt_exc'), rax);
      a.jmp(H.reraise());
    },
  },
  {
    op: 'PUSH_EXC_INFO',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.mov(rcx, RT('rt_exc_info'));
      a.mov(S(-1), rcx);
      a.mov(S(0), rax);
      a.mov(RT('rt_exc_info'), rax);
    },
  },
  {
    op: 'POP_EXCEPT',
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.mov(RT('rt_exc_info'), rax);
    },
  },
  {
    op: 'CHECK_EXC_MATCH',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_exc_matches');
      a.test(eax, eax);
      a.js(H.exc());
      boolFromFlags(a, 'ne');
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'LOAD_ASSERTION_ERROR',
    emit(a: TplAsm) {
      a.mov(rax, sym('box:type_AssertionError') as never);
      a.mov(S(0), rax);
    },
  },
  // ---- modules
  {
    op: 'IMPORT_NAME',
    doc: 'a builtin module by its own routine, a module of the program through its import chain, else by name (ModuleNotFoundError)',
    variant: (ins) => ({ module: typeof ins.facts.module === 'string' ? ins.facts.module : '', chain: ins.facts.chain === true }),
    emit(a: TplAsm, p: { module: string; chain: boolean }) {
      if (p.module !== '') {
        callRt(a, `rt_import_module_${p.module}`);
      } else if (p.chain) {
        a.lea(rdi, H.importChain());
        callRt(a, 'rt_import_chain');
        excCheck(a);
      } else {
        a.mov(rdi, H.name());
        a.mov(rsi, S(-1));
        a.mov(rdx, S(-2));
        callRt(a, 'rt_import_name');
        excCheck(a);
      }
      a.mov(S(-2), rax);
    },
  },
  {
    op: 'IMPORT_FROM',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(rsi, H.name());
      callRt(a, 'rt_import_from');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
];

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x !== 0; x &= x - 1) c++;
  return c;
}

void [al, ecx, rdx];
