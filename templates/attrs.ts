// Attribute templates: LOAD_ATTR, STORE_ATTR and LOAD_METHOD with an inline cache each
// (ATTR_IC words, the 'cache' hole). The runtime routines check the cache and fall back to
// the generic lookup themselves (runtime/core/attrcache.ts), so the stencils stay small and
// every specialization the profile names for these families (LOAD_ATTR_INSTANCE,
// LOAD_METHOD_PY, ...) compiles as this one generic, self-specializing form.

import { rax, rcx, rdi, rdx, rsi } from '../src/asm/index.js';
import { ATTR_IC } from '../src/native/layout.js';
import { H, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

export const attrTemplates: TemplateDef<any>[] = [
  {
    op: 'LOAD_ATTR',
    doc: 'rt_getattr_ic: the instance dict entry the cache names for the object\'s type, else rt_getattr',
    cacheWords: ATTR_IC.words,
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(rsi, H.name());
      a.lea(rdx, H.cacheAddr());
      callRt(a, 'rt_getattr_ic');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'STORE_ATTR',
    doc: 'rt_setattr_ic: the instance dict entry the cache names for the object\'s type, else rt_setattr',
    cacheWords: ATTR_IC.words,
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(rsi, H.name());
      a.mov(rdx, S(-2));
      a.lea(rcx, H.cacheAddr());
      callRt(a, 'rt_setattr_ic');
      excCheck(a);
    },
  },
  {
    op: 'LOAD_METHOD',
    doc: 'rt_load_method_ic writes (method, self) or (attribute, NULL) into the two slots; the cache holds the function found on the type',
    cacheWords: ATTR_IC.words,
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(rsi, H.name());
      a.lea(rdx, SA(-1));
      a.lea(rcx, H.cacheAddr());
      callRt(a, 'rt_load_method_ic');
      excCheck(a);
    },
  },
];
