// Runtime core: the building instructions of displays and comprehensions (BUILD_LIST,
// BUILD_SET, BUILD_MAP, BUILD_STRING and the *_APPEND/*_UPDATE family) on top of the
// container modules' primitives.

import { type Assembler, edi, esi, mem, qword, r12, r13, r13d, r14, r14d, rax, rcx, rdi, rdx, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';

/** rax = make(); then for each of the n words at rdi: add(container, word); rax = container. */
function buildFrom(name: string, contract: string, make: (a: Assembler<any>) => void, add: string, stride: 1 | 2): RuntimeRoutine {
  return {
    name,
    contract,
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14] as const;
      const loop = a.newLabel();
      const done = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13d, esi);
      make(a);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.push(rax);
      a.push(rax);
      a.xor(r14d, r14d);
      a.bind(loop);
      a.cmp(r14, r13);
      a.jae(done);
      a.mov(rdi, qword(mem(rsp, 0)));
      if (stride === 1) {
        a.mov(rsi, qword(sib(r12, r14, 8)));
      } else {
        a.mov(rax, r14);
        a.shl(rax, 4);
        a.mov(rsi, qword(sib(r12, rax, 1)));
        a.mov(rdx, qword(sib(r12, rax, 1, 8)));
      }
      a.call(sym(add));
      a.cmp(rax, g('rt_const_exc'));
      const failed = a.newLabel();
      a.je(failed);
      a.inc(r14);
      a.jmp(loop);
      a.bind(failed);
      a.pop(rcx);
      a.pop(rcx);
      a.jmp(out);
      a.bind(done);
      a.pop(rax);
      a.pop(rcx);
      a.bind(out);
      epilogue(a, saved);
    },
  };
}

export const buildModule: RuntimeModule = {
  name: 'build',
  routines: [
    buildFrom('rt_build_list', 'rdi=address of n values, esi=n -> rax=list of them or EXC; may allocate', (a) => {
      a.mov(rdi, r13);
      a.call(sym('rt_list_new'));
    }, 'rt_list_append', 1),
    buildFrom('rt_build_set', 'rdi=address of n values, esi=n -> rax=set of them or EXC (unhashable); may allocate, may raise', (a) => {
      a.call(sym('rt_set_new'));
    }, 'rt_set_add', 1),
    buildFrom('rt_build_map', 'rdi=address of n key/value pairs, esi=n -> rax=dict of them or EXC (unhashable); may allocate, may raise', (a) => {
      a.call(sym('rt_dict_new'));
    }, 'rt_dict_setitem', 2),
    {
      name: 'rt_build_string',
      contract: 'rdi=address of n str values, esi=n -> rax=their concatenation; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(edi, 16);
        a.call(sym('rt_sb_new'));
        a.xor(r14d, r14d);
        a.bind(loop);
        a.cmp(r14, r13);
        a.jae(done);
        a.mov(rdi, rax);
        a.mov(rsi, qword(sib(r12, r14, 8)));
        a.call(sym('rt_sb_append_str'));
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        epilogue(a, saved);
      },
    },
  ],
  data: [],
};

