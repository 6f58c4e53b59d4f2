// Templates of compound statements whose steps live in the runtime: `with` (withctx.ts),
// `match` (match.ts) and `except*` (excgroup.ts). Each instruction is one runtime call
// between frame slots, followed by the exception check.

import { rax, rdi, rsi } from '../src/asm/index.js';
import { S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

export const stmtTemplates: TemplateDef<any>[] = [
  // ---- with
  {
    op: 'BEFORE_WITH',
    doc: '[mgr] -> [bound __exit__, __enter__()]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.lea(rsi, SA(-1));
      callRt(a, 'rt_before_with');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'WITH_EXCEPT_START',
    doc: '[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-3));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_with_exit');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
];
