// Container runtime: the methods of dict (Objects/dictobject.c, CPython 3.11), vector ABI.
//
// Entries take rdi = args (args[0] is the dict, or the class for fromkeys), rsi = nargs,
// rdx = kwnames or 0. update() and the dict() constructor share rt_dict_update_common
// (one positional mapping or iterable of pairs, then keyword arguments).

import { type Assembler, type Label, edx, mem, qword, r12, r13, r14, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { DICT, typeSlot } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type ArgSpec, argSpec, argSpecDatum, callChecked, checkArgs, ifNotExact } from './listshared.js';
import { dictEntries } from './dict.js';

const SPECS = {
  get: argSpec('dict.get', 'VAR', 1, 2, 'get'),
  setdefault: argSpec('dict.setdefault', 'VAR', 1, 2, 'setdefault'),
  pop: argSpec('dict.pop', 'VAR', 1, 2, 'pop'),
  popitem: argSpec('dict.popitem', 'NOARGS'),
  keys: argSpec('dict.keys', 'NOARGS'),
  values: argSpec('dict.values', 'NOARGS'),
  items: argSpec('dict.items', 'NOARGS'),
  copy: argSpec('dict.copy', 'NOARGS'),
  clear: argSpec('dict.clear', 'NOARGS'),
  fromkeys: argSpec('dict.fromkeys', 'VAR', 1, 2, 'fromkeys'),
} as const satisfies Record<string, ArgSpec>;

/** A method: r12 = args, r13 = nargs, args checked; `body` leaves rax = result or EXC at `out`. */
function method(name: keyof typeof SPECS, contract: string, body: (a: Assembler<any>, out: Label, fail: Label) => void): RuntimeRoutine {
  return {
    name: `rt_dict_meth_${name}`,
    contract: `dict.${name}: ${contract}`,
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      checkArgs(a, SPECS[name], r13, rdx, out);
      body(a, out, fail);
      a.bind(out);
      epilogue(a, saved);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** rdx = args[i] when given (i < nargs), else `dflt` (a rt_const_* name). */
function optionalArg(a: Assembler<any>, i: number, dflt: 'None' | 'unbound'): void {
  const given = a.newLabel();
  const done = a.newLabel();
  a.cmp(r13, i);
  a.ja(given);
  a.mov(rdx, g(`rt_const_${dflt}`));
  a.jmp(done);
  a.bind(given);
  a.mov(rdx, qword(mem(r12, 8 * i)));
  a.bind(done);
}

function view(kind: 'keys' | 'values' | 'items'): RuntimeRoutine {
  return method(kind, `${kind}() -> dict_${kind} view`, (a) => {
    a.mov(rdi, qword(mem(r12)));
    a.lea(rsi, rip(sym(`type_dict_${kind}`)));
    a.call(sym('rt_dict_view_new'));
  });
}

export const DICT_METHODS: RuntimeMethod[] = [
  ...(Object.keys(SPECS) as (keyof typeof SPECS)[]).map((name) => ({
    type: 'dict',
    name,
    entry: `rt_dict_meth_${name}`,
    ...(name === 'fromkeys' ? { kind: 'classmethod' as const } : {}),
  })),
  { type: 'dict', name: 'update', entry: 'rt_dict_meth_update' },
];

export const dictMethodsModule: RuntimeModule = {
  name: 'dictmethods',
  methods: DICT_METHODS,
  routines: [
    method('get', 'get(key[, default]) -> the value, or default (None)', (a, out, fail) => {
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_dict_getitem', fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      optionalArg(a, 2, 'None');
      a.mov(rax, rdx);
    }),
    method('setdefault', 'setdefault(key[, default]) -> the value, after inserting default (None) when absent', (a, out, fail) => {
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_dict_getitem', fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      optionalArg(a, 2, 'None');
      a.mov(r14, rdx);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      callChecked(a, 'rt_dict_setitem', fail);
      a.mov(rax, r14);
    }),
    method('pop', 'pop(key[, default]) -> the value removed, or default; KeyError(key) without one', (a) => {
      optionalArg(a, 2, 'unbound');
      a.mov(rdi, qword(mem(r12)));
      a.mov(rsi, qword(mem(r12, 8)));
      a.call(sym('rt_dict_pop'));
    }),
    method('popitem', 'popitem() -> the last (key, value) pair, removed (KeyError when empty)', (a, out) => {
      const scan = a.newLabel();
      const found = a.newLabel();
      a.mov(rbx, qword(mem(r12)));
      unboxPtr(a, rbx);
      const notEmpty = a.newLabel();
      a.cmp(qword(mem(rbx, DICT.used)), 0);
      a.jne(notEmpty);
      a.lea(rdi, rip(sym('type_KeyError')));
      a.lea(rsi, rip(sym('msg_dict_popitem_empty')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(notEmpty);
      a.mov(rsi, qword(mem(rbx, DICT.nentries)));
      dictEntries(a, rcx, rbx);
      a.bind(scan);
      a.dec(rsi);
      a.mov(rax, rsi);
      a.shl(rax, 4);
      a.mov(r14, qword(sib(rcx, rax, 1, 0)));
      a.cmp(r14, g('rt_const_unbound'));
      a.je(scan);
      a.bind(found);
      a.mov(r15, qword(sib(rcx, rax, 1, 8)));
      a.mov(r13, rsi);
      a.mov(rdi, rbx);
      a.call(sym('rt_dict_del_ix'));
      a.mov(qword(mem(rbx, DICT.nentries)), r13);
      a.mov(rdi, r14);
      a.mov(rsi, r15);
      a.call(sym('rt_tuple_pack2'));
    }),
    view('keys'),
    view('values'),
    view('items'),
    method('copy', 'copy() -> a shallow copy (an exact dict)', (a) => {
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_dict_copy'));
    }),
    method('clear', 'clear() -> None', (a) => {
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_dict_clear'));
      a.mov(rax, g('rt_const_None'));
    }),
    method('fromkeys', 'fromkeys(iterable[, value]) (classmethod, args[0] = the class) -> cls() with every key set to value (None)', (a, out, fail) => {
      // r14 = the new mapping, r15 = the value, rbx = the iterator.
      const exact = a.newLabel();
      const made = a.newLabel();
      const loop = a.newLabel();
      const generic = a.newLabel();
      const stored = a.newLabel();
      optionalArg(a, 2, 'None');
      a.mov(r15, rdx);
      a.mov(rdi, qword(mem(r12)));
      unboxPtr(a, rdi);
      a.lea(rax, rip(sym('type_dict')));
      a.cmp(rdi, rax);
      a.je(exact);
      a.mov(rdi, qword(mem(r12)));
      a.xor(rsi, rsi);
      a.xor(edx, edx);
      a.xor(rcx, rcx);
      callChecked(a, 'rt_call', fail);
      a.jmp(made);
      a.bind(exact);
      a.call(sym('rt_dict_new'));
      a.bind(made);
      a.mov(r14, rax);
      a.mov(rdi, qword(mem(r12, 8)));
      callChecked(a, 'rt_cont_iter', fail);
      a.mov(rbx, rax);
      a.bind(loop);
      a.mov(rdi, rbx);
      callChecked(a, 'rt_cont_next', fail);
      a.cmp(rax, g('rt_const_unbound'));
      const done = a.newLabel();
      a.je(done);
      a.mov(rdi, r14);
      a.mov(rsi, rax);
      a.mov(rdx, r15);
      ifNotExact(a, r14, 'dict', rax, rcx, generic);
      callChecked(a, 'rt_dict_setitem', fail);
      a.jmp(loop);
      // Anything else stores through its type's setitem slot (PyObject_SetItem).
      a.bind(generic);
      a.push(rsi);
      a.push(rdx);
      a.call(sym('rt_type_of'));
      a.pop(rdx);
      a.pop(rsi);
      a.mov(rax, qword(mem(rax, typeSlot('setitem'))));
      a.test(rax, rax);
      a.je(fail);
      a.call(rax);
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.bind(stored);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, r14);
    }),
    {
      name: 'rt_dict_meth_update',
      contract: 'dict.update([mapping or pairs], **kwargs) (vector ABI) -> None or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12]);
        a.mov(rcx, rdx);
        a.mov(rdx, rsi);
        a.dec(rdx);
        a.lea(rsi, mem(rdi, 8));
        a.mov(rdi, qword(mem(rdi)));
        a.lea(rax, rip(sym('str_dict_update_name')));
        a.mov(r8, rax);
        callChecked(a, 'rt_dict_update_common', out);
        a.mov(rax, g('rt_const_None'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
  ],
  data: [
    ...Object.values(SPECS).map(argSpecDatum),
    cstr('msg_dict_popitem_empty', 'popitem(): dictionary is empty'),
    cstr('str_dict_update_name', 'update'),
  ],
};
