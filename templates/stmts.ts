// Templates of compound statements whose steps live in the runtime: `with` (withctx.ts),
// `match` (match.ts) and `except*` (excgroup.ts). Each instruction is one runtime call
// between frame slots, followed by the exception check.

import { eax, ecx, rax, rcx, rdi, rdx, rsi, sym } from '../src/asm/index.js';
import { boxIntUnchecked } from '../src/native/macros.js';
import { cold, H, RT, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
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
  // ---- except* (runtime/core/excgroup.ts)
  {
    op: 'CHECK_EG_MATCH',
    doc: '[exc or None, type] -> [rest, match or None]',
    emit(a: TplAsm) {
      a.lea(rdi, SA(-2));
      callRt(a, 'rt_check_eg_match');
      excCheck(a);
    },
  },
  {
    op: 'PREP_RERAISE_STAR',
    doc: '[orig, (raised, rest)] -> [exception to re-raise or None]',
    emit(a: TplAsm) {
      a.lea(rdi, SA(-2));
      callRt(a, 'rt_prep_reraise_star');
      excCheck(a);
      a.mov(S(-2), rax);
    },
  },
  // ---- match
  {
    op: 'MATCH_SEQUENCE',
    doc: '[subject] -> [subject, whether it matches sequence patterns]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.call(sym('rt_match_sequence'));
      boolOfEax(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'MATCH_MAPPING',
    doc: '[subject] -> [subject, whether it matches mapping patterns]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.call(sym('rt_match_mapping'));
      boolOfEax(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'GET_LEN',
    doc: '[x] -> [x, len(x)]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_len');
      a.cmp(rax, -1);
      a.je(H.exc());
      boxIntUnchecked(a, rax, rcx);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'MATCH_KEYS',
    doc: '[subject, keys] -> [subject, keys, tuple of values | None]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_match_keys');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'COPY_DICT_WITHOUT_KEYS',
    doc: '[subject, keys] -> [subject, dict(subject) without the keys]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      callRt(a, 'rt_match_copy_dict');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'MATCH_CLASS',
    doc: '[subject, class, keyword names] -> [tuple of attributes | None]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-3));
      a.mov(rsi, S(-2));
      a.mov(rdx, S(-1));
      a.mov(ecx, H.arg());
      callRt(a, 'rt_match_class');
      excCheck(a);
      a.mov(S(-3), rax);
    },
  },
  // ---- signals
  {
    op: 'EVAL_BREAKER',
    doc: 'pseudo op before each backward jump (src/native/stitch.ts): a pending SIGINT raises KeyboardInterrupt at the jump (runtime/core/signals.ts)',
    emit(a: TplAsm) {
      const interrupt = cold((c) => {
        callRt(c, 'rt_raise_keyboard_interrupt');
        c.jmp(H.exc());
      });
      a.cmp(RT('rt_sigint_pending'), 0);
      a.jne(interrupt);
    },
  },
];

/** rax = True if eax != 0, else False. */
function boolOfEax(a: TplAsm): void {
  a.test(eax, eax);
  a.mov(rax, RT('rt_const_False'));
  a.cmovne(rax, RT('rt_const_True'));
}
