// Runtime core: dunder methods of builtin types (CPython's slot wrappers), so that
// `int.__add__(1, 2)`, `object.__init__(self)`, `super().__init__(...)`, `str.__repr__('x')`
// or `BaseException.__init__(self, *args)` call the type's own slot routine.
//
// For every builtin type and every slot it defines itself (a routine `rt_<slot>_<type>`, not
// inherited), the type's dict gets the slot's dunders that CPython 3.11 puts in that type's
// own __dict__ (wrapnames.ts, generated from CPython), unless a module already declares a
// method of that name. Each such method is a static builtin function whose entry is a stub,
// `rt_wrap_<type>_<dunder>`, that loads
//   rcx = the slot routine (the target), r8 = the owning type (raw address),
//   r9  = the dunder's name (C string),  r10 = an extra operand (operator index...)
// and jumps to the handler of its kind (`rt_wrapk_<kind>`), which checks the arguments with
// CPython's messages (typeobject.c wrap_* and descrobject.c wrapperdescr_call: "descriptor
// '__add__' requires a 'int' object but received a 'str'", "expected 1 argument, got 0",
// "wrapper __add__() takes no keyword arguments") and calls the target directly, never the
// generic dispatcher (which would find a subclass's slot again). __new__ is a staticmethod
// taking the class first (tp_new_wrapper's checks); __format__ is a method descriptor, as in
// CPython.
//
// object gets __getattribute__/__setattr__/__delattr__/__format__ even without a slot routine
// of its own: fallbacks here implement object's generic behaviour (descrkit.ts).

import { type Assembler, type Label, eax, ebp, edx, mem, qword, r10, r10d, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { BINOP_DUNDERS, BINOPS, INPLACE } from '../../src/bytecode/ops.js';
import { STR, TUPLE, TYPE, type TypeSlot, typeSlot } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { addrOf, atMem, imm, inReg, onExc, raiseFmt } from './descrkit.js';
import { builtinTypeSpecs } from './objects.js';
import { CPYTHON_OWN_DUNDERS } from './wrapnames.js';

/** How a wrapper takes its arguments and calls its target (see the handlers below). */
const KINDS = [
  'unary', 'hash', 'len', 'bool', 'next', 'binary', 'binop', 'rbinop', 'pow', 'rpow', 'richcmp', 'setitem', 'delitem', 'contains',
  'call', 'init', 'unaryop', 'descrget', 'descrset', 'descrdel', 'getattro', 'setattro', 'delattro', 'format', 'new',
] as const;
type WrapKind = (typeof KINDS)[number];

interface WrapDef {
  readonly dunder: string;
  readonly slot: TypeSlot;
  readonly kind: WrapKind;
  /** r10 for the handler: operator index (binop, richcmp, unaryop). */
  readonly extra: number;
}

const CMP_DUNDERS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'] as const;
const UNARY_DUNDERS = ['__neg__', '__pos__', '__invert__', '__abs__'] as const;
/** extra bit of pow/rpow: the owner's ints take a modulus (rt_int_pow_mod). */
const POW_INT = 0x100;

function d(dunder: string, slot: TypeSlot, kind: WrapKind, extra = 0): WrapDef {
  return { dunder, slot, kind, extra };
}

/** Every slot's dunders, in CPython's slotdefs spirit (typeobject.c). */
const WRAP_DEFS: readonly WrapDef[] = [
  d('__repr__', 'repr', 'unary'),
  d('__str__', 'str', 'unary'),
  d('__hash__', 'hash', 'hash'),
  ...CMP_DUNDERS.map((n, i) => d(n, 'richcompare', 'richcmp', i)),
  d('__bool__', 'bool', 'bool'),
  d('__len__', 'len', 'len'),
  d('__iter__', 'iter', 'unary'),
  d('__next__', 'next', 'next'),
  d('__getitem__', 'getitem', 'binary'),
  d('__setitem__', 'setitem', 'setitem'),
  d('__delitem__', 'delitem', 'delitem'),
  d('__contains__', 'contains', 'contains'),
  d('__getattribute__', 'getattr', 'getattro'),
  d('__setattr__', 'setattr', 'setattro'),
  d('__delattr__', 'setattr', 'delattro'),
  d('__call__', 'call', 'call'),
  d('__new__', 'new', 'new'),
  d('__init__', 'init', 'init'),
  d('__format__', 'format', 'format'),
  ...BINOPS.flatMap((op, i) => {
    const [l, r, inplace] = BINOP_DUNDERS[op];
    return op === '**'
      ? [d(l, 'binop', 'pow', i), d(r, 'binop', 'rpow', i), d(inplace, 'binop', 'binop', i | INPLACE)]
      : [d(l, 'binop', 'binop', i), d(r, 'binop', 'rbinop', i), d(inplace, 'binop', 'binop', i | INPLACE)];
  }),
  ...UNARY_DUNDERS.map((n, i) => d(n, 'unary', 'unaryop', i)),
  d('__get__', 'descrget', 'descrget'),
  d('__set__', 'descrset', 'descrset'),
  d('__delete__', 'descrset', 'descrdel'),
];

/** object's behaviour for slots it has no routine of its own for (first defined wins). */
const OBJECT_TARGETS: Partial<Record<TypeSlot, readonly string[]>> = {
  getattr: ['rt_getattr_object', 'rt_getattr_generic', 'rt_wrapfb_getattribute'],
  setattr: ['rt_setattr_object', 'rt_setattr_generic', 'rt_wrapfb_setattr'],
  format: ['rt_format_object', 'rt_wrapfb_format'],
};

// ---- handlers ----------------------------------------------------------------------------------

type Count = { exact: number } | { min: number; max: number } | null;

interface HeadSpec {
  /** Keyword arguments pass through to the target (call, init, new). */
  readonly kw: boolean;
  /** Positional arguments after self. */
  readonly count: Count;
  /** 'method': a method descriptor's messages ("unbound method int.__format__() needs an argument"). */
  readonly style: 'slot' | 'method';
}

const HEADS: Record<Exclude<WrapKind, 'new'>, HeadSpec> = {
  unary: { kw: false, count: { exact: 0 }, style: 'slot' },
  hash: { kw: false, count: { exact: 0 }, style: 'slot' },
  len: { kw: false, count: { exact: 0 }, style: 'slot' },
  bool: { kw: false, count: { exact: 0 }, style: 'slot' },
  next: { kw: false, count: { exact: 0 }, style: 'slot' },
  binary: { kw: false, count: { exact: 1 }, style: 'slot' },
  binop: { kw: false, count: { exact: 1 }, style: 'slot' },
  rbinop: { kw: false, count: { exact: 1 }, style: 'slot' },
  pow: { kw: false, count: { min: 1, max: 2 }, style: 'slot' },
  rpow: { kw: false, count: { min: 1, max: 2 }, style: 'slot' },
  richcmp: { kw: false, count: { exact: 1 }, style: 'slot' },
  setitem: { kw: false, count: { exact: 2 }, style: 'slot' },
  delitem: { kw: false, count: { exact: 1 }, style: 'slot' },
  contains: { kw: false, count: { exact: 1 }, style: 'slot' },
  call: { kw: true, count: null, style: 'slot' },
  init: { kw: true, count: null, style: 'slot' },
  unaryop: { kw: false, count: { exact: 0 }, style: 'slot' },
  descrget: { kw: false, count: { min: 1, max: 2 }, style: 'slot' },
  descrset: { kw: false, count: { exact: 2 }, style: 'slot' },
  descrdel: { kw: false, count: { exact: 1 }, style: 'slot' },
  getattro: { kw: false, count: { exact: 1 }, style: 'slot' },
  setattro: { kw: false, count: { exact: 2 }, style: 'slot' },
  delattro: { kw: false, count: { exact: 1 }, style: 'slot' },
  format: { kw: false, count: { exact: 1 }, style: 'method' },
};

/** The handler's saved registers and locals: [rsp] kwnames, [rsp+8] nargs with keywords. */
const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;
const LOCALS = 24;
const KWNAMES = 0;
const NARGS = 8;

/** r12 = args, r13 = positional count (self included), r14 = target, r15 = owner, rbx = name, rbp = extra. */
function loadRegisters(a: Assembler<any>): void {
  a.mov(r12, rdi);
  a.mov(r14, rcx);
  a.mov(r15, r8);
  a.mov(rbx, r9);
  a.mov(rbp, r10);
  a.mov(qword(mem(rsp, KWNAMES)), rdx);
  a.mov(qword(mem(rsp, NARGS)), rsi);
  a.mov(r13, rsi);
  const noKw = a.newLabel();
  a.test(rdx, rdx);
  a.je(noKw);
  a.mov(rax, rdx);
  unboxPtr(a, rax);
  a.sub(r13, qword(mem(rax, TUPLE.length)));
  a.bind(noKw);
}

/** "s" unless n is 1. */
const plural = (n: number) => addrOf(n === 1 ? 'dsc_str_empty' : 'dsc_str_s');

function emitHead(a: Assembler<any>, spec: HeadSpec, out: Label): void {
  const method = spec.style === 'method';
  loadRegisters(a);
  const have = a.newLabel();
  a.test(r13, r13);
  a.jne(have);
  if (method) raiseFmt(a, 'TypeError', 'msg_wrap_m_needs_arg', [inReg(r15), inReg(rbx)], out);
  else raiseFmt(a, 'TypeError', 'msg_wrap_needs_arg', [inReg(rbx), inReg(r15)], out);
  a.bind(have);
  const selfOk = a.newLabel();
  a.mov(rdi, qword(mem(r12)));
  a.mov(rsi, r15);
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.jne(selfOk);
  raiseFmt(a, 'TypeError', method ? 'msg_dsc_doesnt_apply' : 'msg_wrap_requires', [inReg(rbx), inReg(r15), atMem(r12)], out);
  a.bind(selfOk);
  if (!spec.kw) {
    const kwOk = a.newLabel();
    a.cmp(r13, qword(mem(rsp, NARGS)));
    a.je(kwOk);
    if (method) raiseFmt(a, 'TypeError', 'msg_wrap_m_no_kw', [inReg(r15), inReg(rbx)], out);
    else raiseFmt(a, 'TypeError', 'msg_wrap_no_kw', [inReg(rbx)], out);
    a.bind(kwOk);
  }
  const c = spec.count;
  if (c === null) return;
  a.lea(rax, mem(r13, -1));
  const ok = a.newLabel();
  if ('exact' in c) {
    a.cmp(rax, c.exact);
    a.je(ok);
    if (method) raiseFmt(a, 'TypeError', 'msg_wrap_m_one_arg', [inReg(r15), inReg(rbx), inReg(rax)], out);
    else raiseFmt(a, 'TypeError', 'msg_wrap_expected', [imm(c.exact), plural(c.exact), inReg(rax)], out);
  } else {
    const many = a.newLabel();
    a.cmp(rax, c.min);
    a.jae(many);
    raiseFmt(a, 'TypeError', 'msg_wrap_at_least', [imm(c.min), plural(c.min), inReg(rax)], out);
    a.bind(many);
    a.cmp(rax, c.max);
    a.jbe(ok);
    raiseFmt(a, 'TypeError', 'msg_wrap_at_most', [imm(c.max), plural(c.max), inReg(rax)], out);
  }
  a.bind(ok);
}

/** rax = True/False from eax = 1/0; EXC for -1. */
function boolResult(a: Assembler<any>): void {
  const raised = a.newLabel();
  const done = a.newLabel();
  a.test(eax, eax);
  a.js(raised);
  a.mov(rax, g('rt_const_True'));
  a.cmove(rax, g('rt_const_False'));
  a.jmp(done);
  a.bind(raised);
  a.mov(rax, g('rt_const_exc'));
  a.bind(done);
}

/** rax = None unless it is EXC. */
function noneResult(a: Assembler<any>): void {
  const done = a.newLabel();
  a.cmp(rax, g('rt_const_exc'));
  a.je(done);
  a.mov(rax, g('rt_const_None'));
  a.bind(done);
}

/** Jump to `out` with a TypeError unless the str name is args[1]. */
function nameCheck(a: Assembler<any>, out: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, qword(mem(r12, 8)));
  a.lea(rsi, rip(sym('type_str')));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.jne(ok);
  raiseFmt(a, 'TypeError', 'msg_wrap_attr_name', [atMem(r12, 8)], out);
  a.bind(ok);
}

/** The three arguments of self's pow: rdi, rsi swapped for the reflected form; rdx = modulus. */
function powBody(a: Assembler<any>, reflected: boolean, out: Label): void {
  const noMod = a.newLabel();
  const call = a.newLabel();
  a.mov(rdi, qword(mem(r12, reflected ? 8 : 0)));
  a.mov(rsi, qword(mem(r12, reflected ? 0 : 8)));
  a.cmp(r13, 3);
  a.jne(noMod);
  a.mov(rdx, qword(mem(r12, 16)));
  a.cmp(rdx, g('rt_const_None'));
  a.je(noMod);
  a.test(ebp, POW_INT);
  a.jne(call);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_wrap_pow3')));
  a.call(sym('rt_raise_cstr'));
  a.jmp(out);
  a.bind(call);
  a.call(sym('rt_int_pow_mod'));
  a.jmp(out);
  a.bind(noMod);
  a.mov(edx, ebp);
  a.and(edx, 0xff);
  a.call(r14);
}

function handler(kind: Exclude<WrapKind, 'new'>): RuntimeRoutine {
  return {
    name: `rt_wrapk_${kind}`,
    contract: `dunder-method handler '${kind}' (wrappers.ts): vector ABI (rdi=args, rsi=nargs, rdx=kwnames) plus rcx=target slot routine, r8=owning type, r9=name cstr, r10=extra -> result or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, SAVED, LOCALS);
      emitHead(a, HEADS[kind], out);
      const self = () => a.mov(rdi, qword(mem(r12)));
      const arg = (r: typeof rsi, i: number) => a.mov(r, qword(mem(r12, 8 * i)));
      switch (kind) {
        case 'unary':
          self();
          a.call(r14);
          break;
        case 'hash':
        case 'len': {
          self();
          a.call(r14);
          const ok = a.newLabel();
          a.cmp(rax, -1);
          a.jne(ok);
          a.mov(rax, g('rt_const_exc'));
          a.jmp(out);
          a.bind(ok);
          a.mov(rdi, rax);
          a.call(sym('rt_int_from_i64'));
          break;
        }
        case 'bool':
        case 'contains':
          self();
          if (kind === 'contains') arg(rsi, 1);
          a.call(r14);
          boolResult(a);
          break;
        case 'next': {
          self();
          a.call(r14);
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(out);
          a.lea(rdi, rip(sym('type_StopIteration')));
          boxPtr(a, rdi, rax);
          a.call(sym('rt_raise'));
          break;
        }
        case 'binary':
          self();
          arg(rsi, 1);
          a.call(r14);
          break;
        case 'binop':
        case 'richcmp':
          self();
          arg(rsi, 1);
          a.mov(edx, ebp);
          a.call(r14);
          break;
        case 'rbinop':
          arg(rdi, 1);
          a.mov(rsi, qword(mem(r12)));
          a.mov(edx, ebp);
          a.call(r14);
          break;
        case 'pow':
        case 'rpow':
          powBody(a, kind === 'rpow', out);
          break;
        case 'setitem':
        case 'descrset':
          self();
          arg(rsi, 1);
          arg(rdx, 2);
          a.call(r14);
          if (kind === 'descrset') onExc(a, out);
          noneResult(a);
          break;
        case 'delitem':
          self();
          arg(rsi, 1);
          a.call(r14);
          noneResult(a);
          break;
        case 'descrdel':
          self();
          arg(rsi, 1);
          a.mov(rdx, g('rt_const_unbound'));
          a.call(r14);
          noneResult(a);
          break;
        case 'call':
        case 'init':
          self();
          a.lea(rsi, mem(r12, 8));
          a.mov(rdx, qword(mem(rsp, NARGS)));
          a.dec(rdx);
          a.mov(rcx, qword(mem(rsp, KWNAMES)));
          a.call(r14);
          if (kind === 'init') noneResult(a);
          break;
        case 'unaryop':
          self();
          a.mov(edx, ebp);
          a.call(r14);
          break;
        case 'descrget': {
          // __get__(obj, type=None): None means "not given" for both; both absent is an error.
          const haveType = a.newLabel();
          a.mov(rdx, g('rt_const_unbound'));
          a.cmp(r13, 3);
          a.jne(haveType);
          arg(rdx, 2);
          a.cmp(rdx, g('rt_const_None'));
          a.cmove(rdx, g('rt_const_unbound'));
          a.bind(haveType);
          arg(rsi, 1);
          a.cmp(rsi, g('rt_const_None'));
          a.cmove(rsi, g('rt_const_unbound'));
          const ok = a.newLabel();
          a.cmp(rsi, g('rt_const_unbound'));
          a.jne(ok);
          a.cmp(rdx, g('rt_const_unbound'));
          a.jne(ok);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_wrap_get_none')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(ok);
          self();
          a.call(r14);
          break;
        }
        case 'getattro': {
          nameCheck(a, out);
          self();
          arg(rsi, 1);
          a.call(r14);
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(out);
          self();
          arg(rsi, 1);
          a.call(sym('rt_raise_attribute_error'));
          break;
        }
        case 'setattro':
        case 'delattro':
          nameCheck(a, out);
          self();
          arg(rsi, 1);
          if (kind === 'setattro') arg(rdx, 2);
          else a.mov(rdx, g('rt_const_unbound'));
          a.call(r14);
          noneResult(a);
          break;
        case 'format': {
          const ok = a.newLabel();
          arg(rdi, 1);
          a.lea(rsi, rip(sym('type_str')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(ok);
          raiseFmt(a, 'TypeError', 'msg_wrap_format_arg', [atMem(r12, 8)], out);
          a.bind(ok);
          self();
          arg(rsi, 1);
          a.call(r14);
          break;
        }
      }
      a.bind(out);
      epilogue(a, SAVED, LOCALS);
    },
  };
}

/** __new__(cls, ...): tp_new_wrapper's checks, then the owner's new slot with cls. */
function newHandler(pyslotNew: boolean): RuntimeRoutine {
  return {
    name: 'rt_wrapk_new',
    contract: "dunder-method handler 'new' (wrappers.ts): T.__new__(cls, *args, **kw) (staticmethod, vector ABI plus rcx=target new slot, r8=T) -> T's new slot called with cls, or EXC (\"T.__new__(): not enough arguments\", \"T.__new__(X): X is not a type object (int)\", \"T.__new__(S): S is not a subtype of T\", \"T.__new__(S) is not safe, use B.__new__()\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, SAVED, LOCALS);
      loadRegisters(a);
      const have = a.newLabel();
      a.test(r13, r13);
      a.jne(have);
      raiseFmt(a, 'TypeError', 'msg_wrap_new_not_enough', [inReg(r15)], out);
      a.bind(have);
      const isType = a.newLabel();
      a.mov(rdi, qword(mem(r12)));
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isType);
      raiseFmt(a, 'TypeError', 'msg_wrap_new_not_type', [inReg(r15), atMem(r12)], out);
      a.bind(isType);
      // rbx (the name is not needed any more) = the subtype (raw).
      a.mov(rbx, qword(mem(r12)));
      unboxPtr(a, rbx);
      const sub = a.newLabel();
      a.mov(rdi, rbx);
      a.mov(rsi, r15);
      a.call(sym('rt_is_subtype'));
      a.test(eax, eax);
      a.jne(sub);
      raiseFmt(a, 'TypeError', 'msg_wrap_new_not_subtype', [inReg(r15), inReg(rbx), inReg(rbx), inReg(r15)], out);
      a.bind(sub);
      // The most derived base whose new slot is not a class's __new__ trampoline must use
      // this very new slot ("object.__new__(int) is not safe").
      {
        const walk = a.newLabel();
        const found = a.newLabel();
        const safe = a.newLabel();
        a.mov(rax, rbx);
        a.bind(walk);
        a.test(rax, rax);
        a.je(safe);
        if (pyslotNew) {
          a.lea(rcx, rip(sym('rt_pyslot_new')));
          a.cmp(qword(mem(rax, typeSlot('new'))), rcx);
          a.jne(found);
          a.mov(rax, qword(mem(rax, TYPE.base)));
          a.jmp(walk);
        }
        a.bind(found);
        a.cmp(qword(mem(rax, typeSlot('new'))), r14);
        a.je(safe);
        raiseFmt(a, 'TypeError', 'msg_wrap_new_unsafe', [inReg(r15), inReg(rbx), inReg(rax)], out);
        a.bind(safe);
      }
      a.mov(rdi, rbx);
      a.lea(rsi, mem(r12, 8));
      a.mov(rdx, qword(mem(rsp, NARGS)));
      a.dec(rdx);
      a.mov(rcx, qword(mem(rsp, KWNAMES)));
      a.call(r14);
      a.bind(out);
      epilogue(a, SAVED, LOCALS);
    },
  };
}

/** object's fallbacks for slots it has no routine of its own for. */
const fallbacks: RuntimeRoutine[] = [
  {
    name: 'rt_wrapfb_getattribute',
    contract: "rdi=object, rsi=name str -> object.__getattribute__ (descrkit.ts generic lookup with the object's instance dict): value, UNBOUND if absent, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.call(sym('rt_descr_dict_addr'));
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, rax);
      a.call(sym('rt_descr_getattr_generic'));
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_wrapfb_setattr',
    contract: "rdi=object, rsi=name str, rdx=value or UNBOUND -> object.__setattr__ / __delattr__ (descrkit.ts generic store with the object's instance dict): 0 or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.call(sym('rt_descr_dict_addr'));
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.mov(rcx, rax);
      a.call(sym('rt_descr_setattr_generic'));
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_wrapfb_format',
    contract: 'rdi=value, rsi=spec str -> object.__format__: str(value) for an empty spec, else TypeError "unsupported format string passed to T.__format__"; may allocate, may raise',
    emit(a: Assembler<any>) {
      const bad = a.newLabel();
      a.mov(rax, rsi);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, STR.length)), 0);
      a.jne(bad);
      a.jmp(sym('rt_str'));
      a.bind(bad);
      a.mov(rdx, rdi);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_wrap_unsupported_format')));
      a.jmp(sym('rt_raise_fmt'));
    },
  },
  {
    name: 'rt_wrap_init_subclass',
    contract: 'object.__init_subclass__() (classmethod, vector ABI: args[0] = the class) -> None; TypeError "C.__init_subclass__() takes no keyword arguments" / "... takes no arguments (1 given)"; may allocate',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, qword(mem(rdi)));
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      const noKw = a.newLabel();
      a.test(rdx, rdx);
      a.je(noKw);
      a.mov(rax, rdx);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, TUPLE.length)), 0);
      a.je(noKw);
      // The method's qualified name is the class's (_PyObject_FunctionStr of the bound method).
      a.mov(rax, qword(mem(r12, TYPE.qualname)));
      raiseFmt(a, 'TypeError', 'msg_wrap_init_subclass_kw', [inReg(rax)], out);
      a.bind(noKw);
      const ok = a.newLabel();
      a.cmp(r13, 1);
      a.je(ok);
      a.lea(rax, mem(r13, -1));
      a.mov(r8, qword(mem(r12, TYPE.qualname)));
      raiseFmt(a, 'TypeError', 'msg_wrap_init_subclass_args', [inReg(r8), inReg(rax)], out);
      a.bind(ok);
      a.mov(rax, g('rt_const_None'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
];

/** The entry stub of one wrapper: registers for the handler, then a jump to it. */
function stub(type: string, def: WrapDef, target: string, extra: number): RuntimeRoutine {
  return {
    name: `rt_wrap_${type}_${def.dunder}`,
    contract: `${type}.${def.dunder}: vector ABI -> ${target} through rt_wrapk_${def.kind} (wrappers.ts); may allocate, may raise`,
    local: true,
    emit(a: Assembler<any>) {
      a.lea(rcx, rip(sym(target)));
      a.lea(r8, rip(sym(`type_${type}`)));
      a.lea(r9, rip(sym(`wrapname_${def.dunder}`)));
      a.mov(r10d, extra);
      a.jmp(sym(`rt_wrapk_${def.kind}`));
    },
  };
}

/**
 * The wrappers of every builtin type of `modules` (call with the complete list: the slot
 * routines decide which wrappers exist). Returns a module with the stubs, the handlers and the
 * method entries.
 */
export function wrappersModule(modules: readonly RuntimeModule[]): RuntimeModule {
  const own = [...fallbacks, newHandler(false)];
  const defined = new Set([...modules.flatMap((m) => m.routines.map((r) => r.name)), ...own.map((r) => r.name)]);
  const declared = new Set(modules.flatMap((m) => (m.methods ?? []).map((x) => `${x.type}.${x.name}`)));
  const specs = builtinTypeSpecs(modules.flatMap((m) => m.types ?? []));
  const methods: RuntimeMethod[] = [];
  const stubs: RuntimeRoutine[] = [];
  const names = new Set<string>();
  for (const spec of specs) {
    const cpython = CPYTHON_OWN_DUNDERS[spec.name];
    if (cpython === undefined) continue;
    for (const def of WRAP_DEFS) {
      if (!cpython.includes(def.dunder) || declared.has(`${spec.name}.${def.dunder}`)) continue;
      const candidates = spec.name === 'object' ? OBJECT_TARGETS[def.slot] ?? [`rt_${def.slot}_object`] : [`rt_${def.slot}_${spec.name}`];
      const target = candidates.find((c) => defined.has(c));
      if (target === undefined) continue;
      const intPow = (def.kind === 'pow' || def.kind === 'rpow') && (spec.name === 'int' || spec.name === 'bool');
      stubs.push(stub(spec.name, def, target, def.extra | (intPow ? POW_INT : 0)));
      methods.push({ type: spec.name, name: def.dunder, entry: `rt_wrap_${spec.name}_${def.dunder}`, kind: def.kind === 'new' ? 'staticmethod' : 'method' });
      names.add(def.dunder);
    }
  }
  if (!declared.has('object.__init_subclass__')) methods.push({ type: 'object', name: '__init_subclass__', entry: 'rt_wrap_init_subclass', kind: 'classmethod' });
  const handlers = (KINDS.filter((k) => k !== 'new') as Exclude<WrapKind, 'new'>[]).map(handler);
  const pyslotNew = defined.has('rt_pyslot_new');
  return {
    name: 'wrappers',
    methods,
    routines: [...handlers, newHandler(pyslotNew), ...fallbacks, ...stubs],
    data: [
      ...[...names].map((n) => cstr(`wrapname_${n}`, n)),
      cstr('msg_wrap_needs_arg', "descriptor '%s' of '%N' object needs an argument"),
      cstr('msg_wrap_requires', "descriptor '%s' requires a '%N' object but received a '%T'"),
      cstr('msg_wrap_no_kw', 'wrapper %s() takes no keyword arguments'),
      cstr('msg_wrap_expected', 'expected %d argument%s, got %d'),
      cstr('msg_wrap_at_least', ' expected at least %d argument%s, got %d'),
      cstr('msg_wrap_at_most', ' expected at most %d argument%s, got %d'),
      cstr('msg_wrap_m_needs_arg', 'unbound method %N.%s() needs an argument'),
      cstr('msg_wrap_m_no_kw', '%N.%s() takes no keyword arguments'),
      cstr('msg_wrap_m_one_arg', '%N.%s() takes exactly one argument (%d given)'),
      cstr('msg_wrap_format_arg', '__format__() argument must be str, not %T'),
      cstr('msg_wrap_attr_name', "attribute name must be string, not '%T'"),
      cstr('msg_wrap_get_none', '__get__(None, None) is invalid'),
      cstr('msg_wrap_pow3', 'pow() 3rd argument not allowed unless all arguments are integers'),
      cstr('msg_wrap_new_not_enough', '%N.__new__(): not enough arguments'),
      cstr('msg_wrap_new_not_type', '%N.__new__(X): X is not a type object (%T)'),
      cstr('msg_wrap_new_not_subtype', '%N.__new__(%N): %N is not a subtype of %N'),
      cstr('msg_wrap_new_unsafe', '%N.__new__(%N) is not safe, use %N.__new__()'),
      cstr('msg_wrap_unsupported_format', 'unsupported format string passed to %T.__format__'),
      cstr('msg_wrap_init_subclass_args', '%U.__init_subclass__() takes no arguments (%d given)'),
      cstr('msg_wrap_init_subclass_kw', '%U.__init_subclass__() takes no keyword arguments'),
    ],
  };
}

