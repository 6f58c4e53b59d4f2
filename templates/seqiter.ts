// FOR_ITER_LIST: the next item of a list iterator inline (rt_next_list_iterator's steps:
// index below the list's current length, then the item), so a `for x in some_list` loop
// costs no runtime call per item. Any other iterator, and the exhausted one (whose list
// rt_next drops, as CPython's listiter_next does), take the generic rt_next path.

import { ecx, mem, qword, rax, rcx, rdi, rdx, rip, sib, sym } from '../src/asm/index.js';
import { LIST, SEQITER, TAG_OBJ, VALUES } from '../src/native/layout.js';
import { cold, H, RT, S, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

export const seqIterTemplates: TemplateDef<any>[] = [
  {
    op: 'FOR_ITER_LIST',
    doc: 'a list_iterator with an item left: index, bounds check, item inline; else rt_next (UNBOUND exhausted -> target)',
    out: () => ({ rax: -1 }),
    emit(a: TplAsm) {
      const generic = cold((c) => {
        c.mov(rdi, S(-1));
        callRt(c, 'rt_next');
        c.cmp(rax, RT('rt_const_unbound'));
        c.je(H.target());
        excCheck(c);
        c.mov(S(0), rax);
        c.jmp(H.next());
      });
      a.mov(rax, S(-1));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(generic);
      a.shl(rax, 16);
      a.shr(rax, 16);
      a.lea(rcx, rip(sym('type_list_iterator')));
      a.cmp(qword(mem(rax)), rcx);
      a.jne(generic);
      a.mov(rcx, qword(mem(rax, SEQITER.seq)));
      a.cmp(rcx, RT('rt_const_unbound'));
      a.je(generic);
      a.shl(rcx, 16);
      a.shr(rcx, 16);
      a.mov(rdx, qword(mem(rax, SEQITER.index)));
      a.cmp(rdx, qword(mem(rcx, LIST.length)));
      a.jae(generic);
      a.inc(qword(mem(rax, SEQITER.index)));
      a.mov(rcx, qword(mem(rcx, LIST.items)));
      a.shl(rcx, 16);
      a.shr(rcx, 16);
      a.mov(rax, qword(sib(rcx, rdx, 8, VALUES.items)));
      a.mov(S(0), rax);
    },
  },
];
