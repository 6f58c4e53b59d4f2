// Container runtime: the methods of list (Objects/listobject.c, 3.11), vector ABI.
//
// Every entry takes rdi = args (args[0] is the list), rsi = nargs (self included),
// rdx = kwnames or 0, and returns a value or EXC. Argument errors use CPython's messages
// (listshared.ts argument specs). Items are compared with == item-first, as
// PyObject_RichCompareBool(item, value, Py_EQ) does, and loops re-read the list after each
// comparison since Python code may mutate it. list.sort lives in listsort.ts.

import { type Assembler, eax, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbp, rcx, rdi, rdx, rsi, sib, sym } from '../../src/asm/index.js';
import { LIST } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, raise } from './listshared.js';
import { listItems } from './list.js';

const SPECS = {
  append: argSpec('list.append', 'O'),
  extend: argSpec('list.extend', 'O'),
  insert: argSpec('list.insert', 'VAR', 2, 2, 'insert'),
  pop: argSpec('list.pop', 'VAR', 0, 1, 'pop'),
  remove: argSpec('list.remove', 'O'),
  index: argSpec('list.index', 'VAR', 1, 3, 'index'),
  count: argSpec('list.count', 'O'),
  reverse: argSpec('list.reverse', 'NOARGS'),
  copy: argSpec('list.copy', 'NOARGS'),
  clear: argSpec('list.clear', 'NOARGS'),
} as const;

type Name = keyof typeof SPECS;

type L = ReturnType<Assembler<any>['newLabel']>;

/** A method body: r12 = args, r13 = nargs; jump to `out` with rax = result or EXC, or to `fail` (an error was raised). */
function method(name: Name, contract: string, body: (a: Assembler<any>, out: L, fail: L) => void) {
  return {
    name: `rt_list_meth_${name}`,
    contract: `list.${name}: ${contract}`,
    emit(a: Assembler<any>) {
      const saved = [rbp, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      checkArgs(a, SPECS[name], r13, rdx, out);
      body(a, out, fail);
      a.bind(out);
      epilogue(a, saved, 8);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** rax = raw list (args[0]). */
function self(a: Assembler<any>, dst: typeof rax = rax): void {
  a.mov(dst, qword(mem(r12)));
  unboxPtr(a, dst);
}

function retNone(a: Assembler<any>, out: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(rax, g('rt_const_None'));
  a.jmp(out);
}

export const LIST_METHODS: RuntimeMethod[] = (Object.keys(SPECS) as Name[]).map((name) => ({ type: 'list', name, entry: `rt_list_meth_${name}` }));

export const listMethodsModule: RuntimeModule = {
  name: 'listmethods',
  methods: LIST_METHODS,
  routines: [
    method('append', 'append(x) -> None', (a, out, fail) => {
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_list_append', out);
      retNone(a, out);
    }),
    method('extend', 'extend(iterable) -> None', (a, out, fail) => {
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_list_extend', out);
      retNone(a, out);
    }),
    method('insert', 'insert(index, x) -> None (index clamped to [0, len])', (a, out, fail) => {
      const nonNeg = a.newLabel();
      const clamped = a.newLabel();
      const move = a.newLabel();
      const moved = a.newLabel();
      a.mov(rdi, qword(mem(r12, 8)));
      a.call(sym('rt_cont_ssize_arg'));
      a.test(edx, edx);
      a.jne(fail);
      a.mov(r14, rax); // where
      self(a, rdi);
      a.mov(r15, qword(mem(rdi, LIST.length))); // n
      a.lea(rsi, mem(r15, 1));
      callChecked(a, 'rt_list_resize', out);
      a.test(r14, r14);
      a.jns(nonNeg);
      a.add(r14, r15);
      a.jns(clamped);
      a.xor(r14, r14);
      a.jmp(clamped);
      a.bind(nonNeg);
      a.cmp(r14, r15);
      a.jle(clamped);
      a.mov(r14, r15);
      a.bind(clamped);
      self(a);
      listItems(a, rcx, rax);
      // items[where + 1 .. n + 1) = items[where .. n), from the end
      a.mov(rdx, r15);
      a.bind(move);
      a.cmp(rdx, r14);
      a.jle(moved);
      a.mov(rax, qword(sib(rcx, rdx, 8, -8)));
      a.mov(qword(sib(rcx, rdx, 8)), rax);
      a.dec(rdx);
      a.jmp(move);
      a.bind(moved);
      a.mov(rax, qword(mem(r12, 16)));
      a.mov(qword(sib(rcx, r14, 8)), rax);
      retNone(a, out);
    }),
    method('pop', 'pop([index]) -> the item removed (IndexError when empty or out of range)', (a, out, fail) => {
      const haveIndex = a.newLabel();
      const nonNeg = a.newLabel();
      a.mov(r14, -1);
      a.cmp(r13, 1);
      a.je(haveIndex);
      a.mov(rdi, qword(mem(r12, 8)));
      a.call(sym('rt_cont_ssize_arg'));
      a.test(edx, edx);
      a.jne(fail);
      a.mov(r14, rax);
      a.bind(haveIndex);
      self(a, rdi);
      a.mov(rcx, qword(mem(rdi, LIST.length)));
      const notEmpty = a.newLabel();
      a.test(rcx, rcx);
      a.jne(notEmpty);
      raise(a, 'IndexError', 'msg_list_pop_empty', [], out);
      a.bind(notEmpty);
      a.test(r14, r14);
      a.jns(nonNeg);
      a.add(r14, rcx);
      a.bind(nonNeg);
      const inRange = a.newLabel();
      a.cmp(r14, rcx);
      a.jb(inRange);
      raise(a, 'IndexError', 'msg_list_pop_range', [], out);
      a.bind(inRange);
      a.mov(rsi, r14);
      a.call(sym('rt_list_remove_at'));
      a.jmp(out);
    }),
    method('remove', 'remove(x) -> None (ValueError "list.remove(x): x not in list")', (a, out, fail) => {
      const loop = a.newLabel();
      const found = a.newLabel();
      a.xor(r14, r14);
      a.bind(loop);
      self(a);
      const missing = a.newLabel();
      a.cmp(r14, qword(mem(rax, LIST.length)));
      a.jae(missing);
      listItems(a, rcx, rax);
      a.mov(rdi, qword(sib(rcx, r14, 8)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      a.jg(found);
      a.js(fail);
      a.inc(r14);
      a.jmp(loop);
      a.bind(found);
      // Re-check the index: the comparison may have shrunk the list.
      self(a, rdi);
      a.cmp(r14, qword(mem(rdi, LIST.length)));
      a.jae(missing);
      a.mov(rsi, r14);
      a.call(sym('rt_list_remove_at'));
      retNone(a, out);
      a.bind(missing);
      raise(a, 'ValueError', 'msg_list_remove', [], out);
    }),
    method('index', 'index(x[, start[, stop]]) -> first index of x (ValueError "%R is not in list")', (a, out, fail) => {
      // Locals: r14 = i (start), r15 = stop.
      const loop = a.newLabel();
      const found = a.newLabel();
      const missing = a.newLabel();
      const noStart = a.newLabel();
      const noStop = a.newLabel();
      a.xor(r14, r14);
      a.mov(r15, 0x7fff_ffff_ffff_ffffn);
      a.cmp(r13, 3);
      a.jb(noStart);
      a.mov(rdi, qword(mem(r12, 16)));
      a.call(sym('rt_cont_sliceidx_arg'));
      a.test(edx, edx);
      a.jne(fail);
      a.mov(r14, rax);
      a.cmp(r13, 4);
      a.jb(noStop);
      a.mov(rdi, qword(mem(r12, 24)));
      a.call(sym('rt_cont_sliceidx_arg'));
      a.test(edx, edx);
      a.jne(fail);
      a.mov(r15, rax);
      a.bind(noStop);
      a.bind(noStart);
      // Negative bounds count from the end (clamped at 0).
      self(a);
      a.mov(rcx, qword(mem(rax, LIST.length)));
      for (const r of [r14, r15]) {
        const ok = a.newLabel();
        a.test(r, r);
        a.jns(ok);
        a.add(r, rcx);
        a.jns(ok);
        a.xor(r, r);
        a.bind(ok);
      }
      a.bind(loop);
      a.cmp(r14, r15);
      a.jge(missing);
      self(a);
      a.cmp(r14, qword(mem(rax, LIST.length)));
      a.jge(missing);
      listItems(a, rcx, rax);
      a.mov(rdi, qword(sib(rcx, r14, 8)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      a.jg(found);
      a.js(fail);
      a.inc(r14);
      a.jmp(loop);
      a.bind(found);
      a.mov(rdi, r14);
      a.call(sym('rt_cont_box_i64'));
      a.jmp(out);
      a.bind(missing);
      a.mov(rdx, qword(mem(r12, 8)));
      raise(a, 'ValueError', 'msg_list_index', [rdx], out);
    }),
    method('count', 'count(x) -> number of items == x', (a, out, fail) => {
      const loop = a.newLabel();
      const done = a.newLabel();
      const no = a.newLabel();
      a.xor(r14, r14);
      a.xor(r15, r15);
      a.bind(loop);
      self(a);
      a.cmp(r14, qword(mem(rax, LIST.length)));
      a.jae(done);
      listItems(a, rcx, rax);
      a.mov(rdi, qword(sib(rcx, r14, 8)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.inc(r14);
      a.call(sym('rt_eq'));
      a.test(eax, eax);
      a.je(no);
      a.js(fail);
      a.inc(r15);
      a.bind(no);
      a.jmp(loop);
      a.bind(done);
      a.mov(rdi, r15);
      a.call(sym('rt_cont_box_i64'));
      a.jmp(out);
    }),
    method('reverse', 'reverse() -> None (in place)', (a, out, fail) => {
      const loop = a.newLabel();
      const done = a.newLabel();
      self(a);
      a.mov(rdx, qword(mem(rax, LIST.length)));
      listItems(a, rcx, rax);
      a.xor(esi, esi);
      a.dec(rdx);
      a.bind(loop);
      a.cmp(rsi, rdx);
      a.jge(done);
      a.mov(rax, qword(sib(rcx, rsi, 8)));
      a.mov(rdi, qword(sib(rcx, rdx, 8)));
      a.mov(qword(sib(rcx, rsi, 8)), rdi);
      a.mov(qword(sib(rcx, rdx, 8)), rax);
      a.inc(rsi);
      a.dec(rdx);
      a.jmp(loop);
      a.bind(done);
      retNone(a, out);
    }),
    method('copy', 'copy() -> shallow copy', (a, out, fail) => {
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_list_copy'));
      a.jmp(out);
    }),
    method('clear', 'clear() -> None', (a, out, fail) => {
      self(a, rdi);
      a.xor(esi, esi);
      callChecked(a, 'rt_list_resize', out);
      retNone(a, out);
    }),
  ],
  data: [
    ...Object.values(SPECS).map(argSpecDatum),
    cstr('msg_list_pop_empty', 'pop from empty list'),
    cstr('msg_list_pop_range', 'pop index out of range'),
    cstr('msg_list_remove', 'list.remove(x): x not in list'),
    cstr('msg_list_index', '%R is not in list'),
  ],
};

