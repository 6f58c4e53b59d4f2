// Builtins runtime: exit() and quit(), the builtins CPython's site module adds
// (docs/builtins-native.md). Both raise SystemExit(code), code None by default, as
// site.Quitter.__call__(self, code=None) does; argument errors carry the messages of that
// Python method ("Quitter.__call__() got an unexpected keyword argument 'x'"). They are
// builtin functions here, so their repr is "<built-in function exit>", not Quitter's
// "Use exit() or Ctrl-D (i.e. EOF) to exit".

import { eax, mem, qword, r12, r13, r14, r15, rax, rbp, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { BI_SAVED, callChecked, raise } from './bi_args.js';

const quitter: RuntimeRoutine[] = (['exit', 'quit'] as const).map((name) => ({
  name: `rt_builtin_${name}`,
  contract: `${name}(code=None): vector ABI -> EXC: SystemExit(code), or TypeError as Quitter.__call__'s argument binding ("got an unexpected keyword argument 'x'", "got multiple values for argument 'code'", "takes from 1 to 2 positional arguments but 3 were given"); may allocate`,
  emit(a) {
    // r12 args, r13 positional count, r14 raw kwnames or 0, rbp keyword index, r15 code.
    const out = a.newLabel();
    const noKw = a.newLabel();
    const kwLoop = a.newLabel();
    const kwDone = a.newLabel();
    prologue(a, BI_SAVED, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.xor(r14, r14);
    a.mov(r15, g('rt_const_None'));
    a.test(rdx, rdx);
    a.je(noKw);
    a.mov(r14, rdx);
    unboxPtr(a, r14);
    a.sub(r13, qword(mem(r14, TUPLE.length)));
    a.bind(noKw);
    // Keywords first, in order (CPython binds them before counting positional arguments).
    a.xor(rbp, rbp);
    a.bind(kwLoop);
    a.test(r14, r14);
    a.je(kwDone);
    a.cmp(rbp, qword(mem(r14, TUPLE.length)));
    a.jae(kwDone);
    {
      const isCode = a.newLabel();
      a.mov(rdi, qword(sib(r14, rbp, 8, TUPLE.items)));
      a.lea(rsi, rip(sym('bi_cs_code')));
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.jne(isCode);
      a.mov(rdx, qword(sib(r14, rbp, 8, TUPLE.items)));
      raise(a, 'TypeError', 'msg_bi_quit_unexpected', [rdx], out);
      a.bind(isCode);
      const free = a.newLabel();
      a.test(r13, r13);
      a.je(free);
      raise(a, 'TypeError', 'msg_bi_quit_multiple', [], out);
      a.bind(free);
      a.lea(rax, sib(r13, rbp, 1));
      a.mov(r15, qword(sib(r12, rax, 8)));
      a.inc(rbp);
      a.jmp(kwLoop);
    }
    a.bind(kwDone);
    {
      const countOk = a.newLabel();
      const none = a.newLabel();
      a.cmp(r13, 1);
      a.jb(none);
      a.je(countOk);
      a.lea(rdx, mem(r13, 1));
      raise(a, 'TypeError', 'msg_bi_quit_positional', [rdx], out);
      a.bind(countOk);
      a.mov(r15, qword(mem(r12)));
      a.bind(none);
    }
    a.mov(rdi, r15);
    a.call(sym('rt_tuple_pack1'));
    a.mov(rsi, rax);
    a.lea(rdi, rip(sym('type_SystemExit')));
    callChecked(a, 'rt_exc_new', out);
    a.mov(rdi, rax);
    a.call(sym('rt_raise'));
    a.bind(out);
    epilogue(a, BI_SAVED, 8);
  },
}));

export const biSiteModule: RuntimeModule = {
  name: 'bi_site',
  builtins: [
    { name: 'exit', entry: 'rt_builtin_exit' },
    { name: 'quit', entry: 'rt_builtin_quit' },
  ],
  routines: quitter,
  data: [
    cstr('bi_cs_code', 'code'),
    cstr('msg_bi_quit_unexpected', "Quitter.__call__() got an unexpected keyword argument '%U'"),
    cstr('msg_bi_quit_multiple', "Quitter.__call__() got multiple values for argument 'code'"),
    cstr('msg_bi_quit_positional', 'Quitter.__call__() takes from 1 to 2 positional arguments but %d were given'),
  ],
};
