// Templates of the coroutine instructions (PEP 492, PEP 525): `await`, `async for` and
// `async with`. Each is one runtime call into runtime/core/coro.ts (CPython 3.11 ceval.c's
// GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH), then the exception
// check. The awaiting itself is the SEND / YIELD_VALUE loop of `yield from` (core.ts).

import { eax, esi, rax, rdi, rsi } from '../src/asm/index.js';
import { H, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

export const asyncTemplates: TemplateDef<any>[] = [
  {
    op: 'GET_AWAITABLE',
    doc: '[x] -> [the iterator `await x` drives]; arg: 0 await, 1 __aenter__ result, 2 __aexit__ result (for the error message)',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.mov(esi, H.arg());
      callRt(a, 'rt_get_awaitable');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'GET_AITER',
    doc: '[x] -> [type(x).__aiter__(x)]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_get_aiter');
      excCheck(a);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'GET_ANEXT',
    doc: '[aiter] -> [aiter, the awaitable of aiter.__anext__()]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_get_anext');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
  {
    op: 'END_ASYNC_FOR',
    doc: '[aiter, exc] -> []: StopAsyncIteration ends the loop; another exception is raised again as it is (no traceback entry)',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      callRt(a, 'rt_end_async_for');
      a.test(eax, eax);
      a.jne(H.reraise());
    },
  },
  {
    op: 'BEFORE_ASYNC_WITH',
    doc: '[mgr] -> [bound __aexit__, __aenter__()]',
    emit(a: TplAsm) {
      a.mov(rdi, S(-1));
      a.lea(rsi, SA(-1));
      callRt(a, 'rt_before_async_with');
      excCheck(a);
      a.mov(S(0), rax);
    },
  },
];
