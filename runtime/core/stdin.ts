// Runtime: reading sys.stdin (a TextIOWrapper over fd 0; modules.ts creates it with the
// other standard streams).
//
// readline(), read(), readlines() and iteration (`for line in sys.stdin`) share input()'s
// reader (bi_io.ts rt_bi_readline_nl: one static buffer, lines end at "\n" only as with
// CPython's newline="\n" for stdin, UTF-8 decoding), so input() and sys.stdin interleave as
// in CPython. At the end of input readline() returns '' and iteration stops. The size
// argument of read/readline/readlines is accepted when it asks for everything (-1, or None
// for read and readlines);
// a limit is not implemented (TypeError naming it). A stream other than fd 0 is not readable
// (OSError "not readable"; CPython raises io.UnsupportedOperation, an OSError subclass).

import { type Assembler, type Label, mem, qword, r12, r13, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { boxInt } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { TEXTIO } from './modules.js';

/** rax = the next line with its "\n" ('' at the end); jumps to `fail` on EXC. */
function nextLine(a: Assembler<any>, fail: Label): void {
  const got = a.newLabel();
  a.call(sym('rt_bi_readline_nl'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.jne(got);
  a.mov(rax, g('stdin_const_empty'));
  a.bind(got);
}

/**
 * Vector-ABI checks of a reading method: self (args[0], value in r12) must be the stdin
 * stream, and the optional size (args[1]) -1 or None. Jumps to `fail` after raising.
 */
function readChecks(a: Assembler<any>, name: string, fail: Label): void {
  // readline's size is a plain index (None is a TypeError); read's and readlines' are optional.
  const allowNone = name !== 'readline';
  const sizeOk = a.newLabel();
  const readable = a.newLabel();
  a.mov(r12, qword(mem(rdi)));
  a.cmp(rsi, 1);
  a.je(sizeOk);
  {
    const tooMany = a.newLabel();
    a.cmp(rsi, 2);
    a.jne(tooMany);
    a.mov(rax, qword(mem(rdi, 8)));
    if (allowNone) {
      a.cmp(rax, g('rt_const_None'));
      a.je(sizeOk);
    } else {
      const notNone = a.newLabel();
      a.cmp(rax, g('rt_const_None'));
      a.jne(notNone);
      a.mov(rdx, rax);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_stdin_not_index')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(notNone);
    }
    a.mov(rcx, boxInt(-1n));
    a.cmp(rax, rcx);
    a.je(sizeOk);
    a.bind(tooMany);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym(`msg_stdin_size_${name}`)));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
  }
  a.bind(sizeOk);
  a.mov(rax, r12);
  unboxPtr(a, rax);
  a.mov(rcx, boxInt(0n));
  a.cmp(qword(mem(rax, TEXTIO.fd)), rcx);
  a.je(readable);
  a.lea(rdi, rip(sym('type_OSError')));
  a.lea(rsi, rip(sym('msg_stdin_not_readable')));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
  a.bind(readable);
}

/** A reading method: checks, then `body` (result in rax; may jump to `fail`). */
function method(name: string, contract: string, body: (a: Assembler<any>, fail: Label) => void): RuntimeRoutine {
  return {
    name: `rt_textio_${name}`,
    contract: `TextIOWrapper.${name}(size=-1) of sys.stdin (vector ABI) -> ${contract}, or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, [r12, r13], 8);
      readChecks(a, name, fail);
      body(a, fail);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, [r12, r13], 8);
    },
  };
}

/** r13 = a new list of the remaining lines (with their "\n"). */
function allLines(a: Assembler<any>, fail: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(rdi, rdi);
  a.call(sym('rt_list_new'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(r13, rax);
  a.bind(loop);
  a.call(sym('rt_bi_readline_nl'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(done);
  a.mov(rdi, r13);
  a.mov(rsi, rax);
  a.call(sym('rt_list_append'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.jmp(loop);
  a.bind(done);
}

const METHODS: RuntimeMethod[] = ['readline', 'read', 'readlines'].map((n) => ({ type: 'TextIOWrapper', name: n, entry: `rt_textio_${n}` }));

const routines: RuntimeRoutine[] = [
  method('readline', "the next line with its \"\\n\" ('' at the end of input)", (a, fail) => nextLine(a, fail)),
  method('read', 'the rest of the input as one str', (a, fail) => {
    allLines(a, fail);
    a.mov(rdi, g('stdin_const_empty'));
    a.mov(rsi, r13);
    a.call(sym('rt_str_join'));
  }),
  method('readlines', 'a list of the remaining lines', (a, fail) => {
    allLines(a, fail);
    a.mov(rax, r13);
  }),
  {
    name: 'rt_iter_TextIOWrapper',
    contract: 'iter slot of TextIOWrapper: rdi -> itself; clobbers rax',
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      a.ret();
    },
  },
  {
    name: 'rt_next_TextIOWrapper',
    contract: 'next slot of TextIOWrapper: rdi=stream -> rax=the next line of stdin with its "\\n", UNBOUND at the end of input, or EXC (OSError "not readable" for stdout/stderr); may allocate',
    emit(a: Assembler<any>) {
      const readable = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rcx, boxInt(0n));
      a.cmp(qword(mem(rax, TEXTIO.fd)), rcx);
      a.je(readable);
      a.lea(rdi, rip(sym('type_OSError')));
      a.lea(rsi, rip(sym('msg_stdin_not_readable')));
      a.jmp(sym('rt_raise_cstr'));
      a.bind(readable);
      a.jmp(sym('rt_bi_readline_nl'));
    },
  },
];

export const stdinModule: RuntimeModule = {
  name: 'stdin',
  methods: METHODS,
  routines,
  data: [
    { name: 'stdin_const_empty', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:stdin_str_empty')) },
    { name: 'stdin_str_empty', section: 'rodata', align: 16, emit: (a) => emitStr(a, '') },
    cstr('msg_stdin_not_readable', 'not readable'),
    cstr('msg_stdin_not_index', "'%T' object cannot be interpreted as an integer"),
    ...['readline', 'read', 'readlines'].map((n) => cstr(`msg_stdin_size_${n}`, `${n}() with a size limit is not supported natively`)),
  ],
};
