// Templates of the loop fast paths and the local-variable superinstructions.
//
// FOR_ITER_RANGE steps a range iterator (layout.ts RANGEITER: raw i64 next, step and
// remaining count) without a call; a value beyond int48 goes through rt_int_from_i64.
// The superinstructions do two moves in one stencil (the profile chose them where the
// interpreter saw the pair; the fused second instruction keeps its own argument).

import { eax, ecx, mem, qword, rax, rcx, rdi, rdx, rip, sym } from '../src/asm/index.js';
import { INT_TAG_BITS, RANGEITER, TAG_INT, TAG_OBJ } from '../src/native/layout.js';
import { cold, H, L, S, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck, flowOf, loadOperands } from './util.js';

export const loopTemplates: TemplateDef<any>[] = [
  {
    op: 'FOR_ITER_RANGE',
    doc: 'next of a range iterator, inline; other iterators take the generic path',
    // The next value, on every path that continues the loop.
    out: () => ({ rax: -1 }),
    // In the optimized copy (stitch.ts) the value is a small-int fact: a value from the
    // generic or the big-int path leaves for the safe copy. `known`: the facts say S[-1] is
    // a range_iterator (checked once before the loop), so no check here.
    variant: (ins) => ({ known: ins.facts.rangeIter === true, deopt: ins.facts.opt === true, lazy: ins.facts.lazy === true }),
    // facts.lazy: the value stays in rax for the next instruction (stitch.ts storesDead);
    // the out-of-line paths store it (they are not taken when known).
    lazyStores: true,
    emit(a: TplAsm, p: { known: boolean; deopt: boolean; lazy: boolean }) {
      const cont = (c: TplAsm): void => c.jmp(p.deopt ? H.deopt() : H.next());
      const big = p.known
        ? null
        : cold((c) => {
            callRt(c, 'rt_int_from_i64');
            c.mov(S(0), rax);
            cont(c);
          });
      a.mov(rax, S(-1));
      if (!p.known) {
        const generic = cold((c) => {
          c.mov(rdi, S(-1));
          callRt(c, 'rt_next');
          c.cmp(rax, qword(rip(sym('rt_const_unbound'))));
          c.je(H.target());
          excCheck(c);
          c.mov(S(0), rax);
          cont(c);
        });
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(generic);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.lea(rcx, rip(sym('type_range_iterator')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(generic);
      } else {
        a.shl(rax, 16);
        a.shr(rax, 16);
      }
      a.cmp(qword(mem(rax, RANGEITER.remaining)), 0);
      a.je(H.target());
      a.dec(qword(mem(rax, RANGEITER.remaining)));
      a.mov(rdi, qword(mem(rax, RANGEITER.next)));
      a.mov(rcx, qword(mem(rax, RANGEITER.step)));
      a.add(qword(mem(rax, RANGEITER.next)), rcx);
      // Box the value: it fits a small int unless the range goes beyond int48 (the guard
      // checked every remaining value when known).
      a.mov(rax, rdi);
      a.shl(rax, 16);
      if (big !== null) {
        a.sar(rax, 16);
        a.cmp(rax, rdi);
        a.jne(big);
        a.shl(rax, 16);
      }
      // Box: the tag into the zeroed low 16 bits of the shifted value, rotated to the top.
      a.or(rax, TAG_INT);
      a.ror(rax, 16);
      if (!p.lazy) a.mov(S(0), rax);
    },
  },
  {
    op: 'RANGE_ITER_GUARD',
    doc: 'optimized copy, before a FOR_ITER_RANGE loop: TOS (the iterator) is a range_iterator whose remaining values are small ints, else leave for the safe copy',
    emit(a: TplAsm) {
      const fits = (): void => {
        // rcx is an int48: sign-extending its low 48 bits gives it back.
        a.mov(rdx, rcx);
        a.shl(rdx, 16);
        a.sar(rdx, 16);
        a.cmp(rdx, rcx);
        a.jne(H.deopt());
      };
      const done = a.newLabel();
      a.mov(rax, S(-1));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(H.deopt());
      a.shl(rax, 16);
      a.shr(rax, 16);
      a.lea(rcx, rip(sym('type_range_iterator')));
      a.cmp(qword(mem(rax)), rcx);
      a.jne(H.deopt());
      // The values left are next + k * step for k < remaining: the first and the last fit
      // int48, so every one between does.
      a.mov(rcx, qword(mem(rax, RANGEITER.remaining)));
      a.test(rcx, rcx);
      a.je(done);
      a.dec(rcx);
      a.imul(rcx, qword(mem(rax, RANGEITER.step)));
      a.jo(H.deopt());
      a.add(rcx, qword(mem(rax, RANGEITER.next)));
      a.jo(H.deopt());
      fits();
      a.mov(rcx, qword(mem(rax, RANGEITER.next)));
      fits();
      a.bind(done);
    },
  },
  {
    op: 'ENTRY_INT_GUARD',
    doc: 'optimized copy, on entry: parameter arg (never assigned) is a small int, else leave for the safe copy',
    emit(a: TplAsm) {
      a.mov(rax, L(0));
      a.shr(rax, 48);
      a.cmp(eax, TAG_INT);
      a.jne(H.deopt());
    },
  },
  {
    op: 'LOAD_FAST__LOAD_FAST',
    fuses: 1,
    out: () => ({ rax: -2, rcx: -1 }),
    lazyStores: true,
    variant: (ins) => ({ checked: ins.facts.maybeUnbound === true || ins.facts.maybeUnboundNext === true, lazy: ins.facts.lazy === true }),
    emit(a: TplAsm, p: { checked: boolean; lazy: boolean }) {
      if (p.checked) throw new Error('LOAD_FAST__LOAD_FAST needs both locals bound');
      a.mov(rax, L(0));
      a.mov(rcx, L(1));
      if (p.lazy) return; // the next instruction takes both from the registers (stitch.ts storesDead)
      a.mov(S(0), rax);
      a.mov(S(1), rcx);
    },
  },
  {
    op: 'LOAD_FAST__LOAD_CONST',
    fuses: 1,
    out: (_p, ins) => ({ rax: -2, rcx: -1, ints: ins.facts.smallIntConstNext === true ? [-1] : [] }),
    lazyStores: true,
    variant: (ins) => ({ checked: ins.facts.maybeUnbound === true, lazy: ins.facts.lazy === true }),
    emit(a: TplAsm, p: { checked: boolean; lazy: boolean }) {
      if (p.checked) throw new Error('LOAD_FAST__LOAD_CONST needs the local bound');
      a.mov(rax, L(0));
      a.mov(rcx, H.const(1));
      if (p.lazy) return;
      a.mov(S(0), rax);
      a.mov(S(1), rcx);
    },
  },
  {
    op: 'STORE_FAST__LOAD_FAST',
    fuses: 1,
    out: () => ({ rcx: -1 }),
    variant: (ins) => ({ checked: ins.facts.maybeUnboundNext === true, flow: String(ins.facts.flow ?? '') }),
    // It takes TOS from the Flow's register when there, and has no other path.
    registerOperands: (p: { flow: string }) => flowOf(p).rax === -1 || flowOf(p).rcx === -1,
    emit(a: TplAsm, p: { checked: boolean; flow: string }) {
      if (p.checked) throw new Error('STORE_FAST__LOAD_FAST needs the loaded local bound');
      loadOperands(a, flowOf(p), [[rax, -1]]);
      a.mov(L(0), rax);
      a.mov(rcx, L(1));
      a.mov(S(-1), rcx);
    },
  },
  {
    op: 'STORE_FAST__STORE_FAST',
    fuses: 1,
    emit(a: TplAsm) {
      a.mov(rax, S(-1));
      a.mov(rcx, S(-2));
      a.mov(L(0), rax);
      a.mov(L(1), rcx);
    },
  },
];

