// Runtime core: classes defined in Python (`class` statements, type(name, bases, dict)).
//
// __build_class__(func, name, *bases, metaclass=..., **kw) picks the metaclass, runs the
// class body with a fresh namespace dict (the body's frame keeps it in its hidden slot 0,
// see stitch.ts), then calls the metaclass. type.__new__ (rt_new_type) makes a heap type
// object: its MRO by C3 linearization, a copy of the namespace as its dict, the instance
// layout of its solid base (a plain instance with a dict, or an exception), and its slots:
// for each slot, the first class in the MRO that either defines one of the slot's dunders
// (then the slot is a trampoline calling the dunder, pyslots.ts) or is a builtin type
// (then that type's slot routine is inherited).

import {
  type Assembler, type Label, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { BINOPS, INPLACE } from '../../src/bytecode/ops.js';
import { BIGINT, CELL, CODE, EXCEPTION, FUNCTION, HDR_AUX, INSTANCE, LAYOUTS, TUPLE, TYPE, TYPE_SLOTS, type TypeSlot, TYPEFLAG_BASETYPE, TYPEFLAG_BUILTIN, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr, emitWord } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { CONTAINER_SUBCLASS_BASES, NUMBER_SUBCLASS_BASES } from './builtinsub.js';

/** Flag of heap types (classes made at run time). */
export const TYPEFLAG_HEAP = 4;

const BINOP_DUNDERS = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor', 'matmul'] as const;

/** The dunders whose presence in a class makes each slot a trampoline (pyslots.ts). */
export const SLOT_DUNDERS: Readonly<Record<TypeSlot, readonly string[]>> = {
  repr: ['__repr__'],
  str: ['__str__'],
  hash: ['__hash__'],
  richcompare: ['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__'],
  bool: ['__bool__'],
  len: ['__len__'],
  iter: ['__iter__', '__getitem__'], // __getitem__ alone: a sequence iterator (iterseq.ts)
  next: ['__next__'],
  getitem: ['__getitem__'],
  setitem: ['__setitem__'],
  delitem: ['__delitem__'],
  contains: ['__contains__'],
  getattr: ['__getattribute__', '__getattr__'],
  setattr: ['__setattr__', '__delattr__'],
  call: ['__call__'],
  new: ['__new__'],
  init: ['__init__'],
  format: ['__format__'],
  binop: BINOP_DUNDERS.flatMap((d) => [`__${d}__`, `__r${d}__`, `__i${d}__`]),
  unary: ['__neg__', '__pos__', '__invert__', '__abs__'],
  descrget: ['__get__'],
  descrset: ['__set__', '__delete__'],
};

/** Every dunder name the runtime looks up by name, as static strs `dstr_<name>`. */
export const DUNDER_NAMES: readonly string[] = [
  ...new Set([
    ...Object.values(SLOT_DUNDERS).flat(),
    '__qualname__', '__module__', '__doc__', '__all__', '__init_subclass__', '__set_name__', '__prepare__', '__classcell__', '__class__', '__dict__', '__name__', '__missing__', '__index__', '__reversed__',
  ]),
];

/** rax = boxed static str of a dunder name. */
export function dunder(a: Assembler<any>, r: typeof rax, name: string): void {
  if (!DUNDER_NAMES.includes(name)) throw new Error(`dunder ${name} is not in DUNDER_NAMES`);
  a.mov(r, qword(rip(sym(`dconst_${name}`))));
}

function dunderData(): RuntimeDatum[] {
  return DUNDER_NAMES.flatMap((n) => [
    { name: `dstr_${n}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, n) },
    { name: `dconst_${n}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:dstr_${n}`)) },
  ]);
}

/**
 * The slot table rt_type_fill_slots walks: per slot, its offset in the type object, the
 * trampoline, the number of dunders and their boxed names.
 */
function slotTable(): RuntimeDatum {
  return {
    name: 'rt_class_slot_table',
    section: 'rodata',
    align: 8,
    emit(a) {
      for (const slot of TYPE_SLOTS) {
        const names = SLOT_DUNDERS[slot];
        a.u64(typeSlot(slot));
        a.u64(sym(`rt_pyslot_${slot}`));
        a.u64(names.length);
        for (const n of names) a.u64(sym(`box:dstr_${n}`));
      }
      a.u64(0n); // end
    },
  };
}

/** Jump to `bad` unless the value in `r` is an object (tag 0xFFFC). Clobbers `tmp`. */
function guardObject(a: Assembler<any>, r: typeof rax, tmp: typeof rax, bad: Label): void {
  a.mov(tmp, r);
  a.shr(tmp, 48);
  a.cmp(tmp, 0xfffc);
  a.jne(bad);
}

export const classesModule: RuntimeModule = {
  name: 'classes',
  builtins: [{ name: '__build_class__', entry: 'rt_build_class' }],
  routines: [
    {
      name: 'rt_build_class',
      contract: '__build_class__(func, name, *bases, metaclass=None, **kw): vector ABI -> the class or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [0] bases tuple, [8] metaclass value, [16] namespace, [24] cell result,
        // [32] keyword count (excluding metaclass), [40] kwnames tuple for the metaclass call,
        // [48.. 48+8*3) the call's arguments (name, bases, ns) followed by keyword values.
        // [ORIG] the bases as written, before __mro_entries__ (mroentries.ts); LOCALS keeps
        // rsp 16-byte aligned.
        const BASES = 0, META = 8, NS = 16, CELLRES = 24, NKW = 32, KWN = 40, ARGV = 48, ORIG = 48 + 8 * 3 + 8 * 16, LOCALS = ORIG + 16;
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi); // args
        a.mov(r13, rsi); // nargs
        a.mov(r14, rdx); // kwnames or 0
        // positional count
        a.xor(ebx, ebx);
        const noKw = a.newLabel();
        a.test(r14, r14);
        a.je(noKw);
        a.mov(rax, r14);
        unboxPtr(a, rax);
        a.mov(rbx, qword(mem(rax, TUPLE.length)));
        a.bind(noKw);
        a.mov(rbp, r13);
        a.sub(rbp, rbx); // rbp = positional count
        const enough = a.newLabel();
        a.cmp(rbp, 2);
        a.jge(enough);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bc_not_enough')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(enough);
        // bases = tuple(args[2:npos])
        a.lea(rdi, mem(r12, 16));
        a.lea(rsi, mem(rbp, -2));
        a.call(sym('rt_tuple_from_values'));
        a.mov(qword(mem(rsp, ORIG)), rax);
        a.mov(qword(mem(rsp, BASES)), rax);
        // Keywords: metaclass= is taken out; the others go to the metaclass call.
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rsp, META)), rax);
        a.mov(qword(mem(rsp, NKW)), 0);
        a.mov(qword(mem(rsp, KWN)), 0);
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const notMeta = a.newLabel();
          const next = a.newLabel();
          a.xor(r15, r15);
          a.bind(loop);
          a.cmp(r15, rbx);
          a.jae(done);
          a.mov(rax, r14);
          unboxPtr(a, rax);
          a.mov(rdi, qword(sib(rax, r15, 8, TUPLE.items)));
          a.lea(rsi, rip(sym('cstr_metaclass')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(notMeta);
          a.lea(rax, sib(rbp, r15, 1));
          a.mov(rax, qword(sib(r12, rax, 8)));
          a.mov(qword(mem(rsp, META)), rax);
          a.jmp(next);
          a.bind(notMeta);
          // Other keywords: value into the call's argument area (at most 16).
          a.mov(rcx, qword(mem(rsp, NKW)));
          a.cmp(rcx, 16);
          const room = a.newLabel();
          a.jb(room);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_bc_too_many_kw')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(room);
          a.lea(rax, sib(rbp, r15, 1));
          a.mov(rax, qword(sib(r12, rax, 8)));
          a.mov(qword(sib(rsp, rcx, 8, ARGV + 24)), rax);
          a.inc(qword(mem(rsp, NKW)));
          a.bind(next);
          a.inc(r15);
          a.jmp(loop);
          a.bind(done);
        }
        // kwnames for the metaclass call: the non-metaclass names, in order.
        {
          const none = a.newLabel();
          a.cmp(qword(mem(rsp, NKW)), 0);
          a.je(none);
          a.mov(rdi, qword(mem(rsp, NKW)));
          a.call(sym('rt_tuple_alloc'));
          a.mov(r8, rax);
          a.xor(r15, r15); // source index
          a.xor(ecx, ecx); // destination index
          const loop = a.newLabel();
          const done = a.newLabel();
          const skip = a.newLabel();
          a.bind(loop);
          a.cmp(r15, rbx);
          a.jae(done);
          a.mov(rax, r14);
          unboxPtr(a, rax);
          a.mov(rdi, qword(sib(rax, r15, 8, TUPLE.items)));
          a.push(rcx);
          a.push(r8);
          a.push(rdi);
          a.lea(rsi, rip(sym('cstr_metaclass')));
          a.call(sym('rt_str_equals_cstr'));
          a.pop(rdi);
          a.pop(r8);
          a.pop(rcx);
          a.test(eax, eax);
          a.jne(skip);
          a.mov(qword(sib(r8, rcx, 8, TUPLE.items)), rdi);
          a.inc(rcx);
          a.bind(skip);
          a.inc(r15);
          a.jmp(loop);
          a.bind(done);
          boxPtr(a, r8, rax);
          a.mov(qword(mem(rsp, KWN)), r8);
          a.bind(none);
        }
        // PEP 560: bases with __mro_entries__ are replaced before the metaclass is chosen.
        a.mov(rdi, qword(mem(rsp, ORIG)));
        a.call(sym('rt_update_bases'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp, BASES)), rax);
        // func must be a function, name a str.
        {
          const bad = a.newLabel();
          const ok = a.newLabel();
          a.mov(rdi, qword(mem(r12)));
          a.lea(rsi, rip(sym('type_function')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(bad);
          a.mov(rdi, qword(mem(r12, 8)));
          a.lea(rsi, rip(sym('type_str')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(ok);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_bc_name')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(bad);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_bc_func')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(ok);
        }
        // The metaclass: given, else the most derived metaclass of the bases (type if none),
        // starting from type(bases[0]) as CPython's __build_class__ does (so `class C(3)`
        // calls int(name, bases, ns)).
        {
          const given = a.newLabel();
          const noBases = a.newLabel();
          const picked = a.newLabel();
          a.mov(rax, qword(mem(rsp, META)));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(given);
          a.mov(rax, qword(mem(rsp, BASES)));
          unboxPtr(a, rax);
          a.cmp(qword(mem(rax, TUPLE.length)), 0);
          a.je(noBases);
          a.mov(rdi, qword(mem(rax, TUPLE.items)));
          a.call(sym('rt_type_of'));
          a.jmp(picked);
          a.bind(noBases);
          a.lea(rax, rip(sym('type_type')));
          a.bind(picked);
          boxPtr(a, rax, rcx);
          a.mov(qword(mem(rsp, META)), rax);
          a.bind(given);
          // A metaclass that is not a type (a function) is called as it is (CPython's
          // __build_class__ calculates the winner only when isinstance(meta, type)).
          a.mov(rdi, qword(mem(rsp, META)));
          a.lea(rsi, rip(sym('type_type')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          const notType = a.newLabel();
          a.je(notType);
          a.mov(rdi, qword(mem(rsp, META)));
          a.mov(rsi, qword(mem(rsp, BASES)));
          a.call(sym('rt_calculate_meta'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(qword(mem(rsp, META)), rax);
          a.bind(notType);
        }
        // The namespace: metaclass.__prepare__(name, bases, **kw) when it has one beyond
        // type's, else a new dict.
        {
          const plain = a.newLabel();
          const haveNs = a.newLabel();
          const bound = a.newLabel();
          const metaIsType = a.newLabel();
          a.mov(rdi, qword(mem(rsp, META)));
          a.lea(rsi, rip(sym('type_type')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(metaIsType);
          // Any other callable: getattr(meta, '__prepare__') when it has one.
          a.mov(rdi, qword(mem(rsp, META)));
          dunder(a, rsi, '__prepare__');
          a.call(sym('rt_descr_getattr_opt'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(plain);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.jmp(bound);
          a.bind(metaIsType);
          a.mov(rdi, qword(mem(rsp, META)));
          unboxPtr(a, rdi);
          dunder(a, rsi, '__prepare__');
          a.call(sym('rt_type_lookup'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(plain);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          // call it bound to the metaclass: args (name, bases, kw values...)
          a.mov(rdi, rax);
          a.mov(rsi, g('rt_const_unbound'));
          a.mov(rdx, qword(mem(rsp, META)));
          a.call(sym('rt_descr_get'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(bound);
          a.mov(rdi, rax);
          a.mov(rcx, qword(mem(r12, 8)));
          a.mov(qword(mem(rsp, ARGV + 8)), rcx);
          a.mov(rcx, qword(mem(rsp, BASES)));
          a.mov(qword(mem(rsp, ARGV + 16)), rcx);
          a.lea(rsi, mem(rsp, ARGV + 8));
          a.mov(rdx, qword(mem(rsp, NKW)));
          a.add(rdx, 2);
          a.mov(rcx, qword(mem(rsp, KWN)));
          // The keyword values sit at ARGV+24.. right after (name, bases): contiguous.
          a.call(sym('rt_call'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          // The class body stores into a dict (STORE_NAME on slot 0): other mappings are
          // refused, non-mappings get CPython's message.
          {
            const isDict = a.newLabel();
            const mapping = a.newLabel();
            a.mov(qword(mem(rsp, NS)), rax);
            a.mov(rdi, rax);
            a.lea(rsi, rip(sym('type_dict')));
            a.call(sym('rt_isinstance_type'));
            a.test(eax, eax);
            a.jne(isDict);
            a.mov(rdi, qword(mem(rsp, NS)));
            a.call(sym('rt_type_of'));
            a.cmp(qword(mem(rax, typeSlot('getitem'))), 0);
            a.jne(mapping);
            {
              // CPython names the metaclass when it is a class, else "<metaclass>".
              const named = a.newLabel();
              a.mov(rdi, qword(mem(rsp, META)));
              a.lea(rsi, rip(sym('type_type')));
              a.call(sym('rt_isinstance_type'));
              a.test(eax, eax);
              a.jne(named);
              a.lea(rdi, rip(sym('type_TypeError')));
              a.lea(rsi, rip(sym('msg_prepare_mapping_fn')));
              a.mov(rdx, qword(mem(rsp, NS)));
              a.call(sym('rt_raise_fmt'));
              a.jmp(out);
              a.bind(named);
              a.lea(rdi, rip(sym('type_TypeError')));
              a.lea(rsi, rip(sym('msg_prepare_mapping')));
              a.mov(rdx, qword(mem(rsp, META)));
              unboxPtr(a, rdx);
              a.mov(rcx, qword(mem(rsp, NS)));
              a.call(sym('rt_raise_fmt'));
              a.jmp(out);
            }
            a.bind(mapping);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym('msg_prepare_not_dict')));
            a.mov(rdx, qword(mem(rsp, NS)));
            a.call(sym('rt_raise_fmt'));
            a.jmp(out);
            a.bind(isDict);
            a.mov(rax, qword(mem(rsp, NS)));
          }
          a.jmp(haveNs);
          a.bind(plain);
          a.call(sym('rt_dict_new'));
          a.bind(haveNs);
          a.mov(qword(mem(rsp, NS)), rax);
          // ns['__orig_bases__'] = the bases as written, when __mro_entries__ changed them.
          const same = a.newLabel();
          a.mov(rax, qword(mem(rsp, ORIG)));
          a.cmp(rax, qword(mem(rsp, BASES)));
          a.je(same);
          a.mov(rdi, qword(mem(rsp, NS)));
          a.mov(rsi, qword(rip(sym('str_orig_bases.v'))));
          a.mov(rdx, qword(mem(rsp, ORIG)));
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(same);
        }
        // Run the body: a frame at the value-stack top with the namespace in slot 0.
        {
          const overflow = a.newLabel();
          const ran = a.newLabel();
          a.mov(r15, g('rt_vs_top'));
          a.mov(rax, qword(mem(r12)));
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax, FUNCTION.code)));
          a.mov(rcx, qword(mem(rax, CODE.frameSlots)));
          a.lea(rcx, sib(r15, rcx, 8));
          a.cmp(rcx, g('rt_vs_limit'));
          a.ja(overflow);
          a.mov(g('rt_vs_top'), rcx);
          a.mov(rcx, qword(mem(rsp, NS)));
          a.mov(qword(mem(r15)), rcx);
          a.mov(rdi, r15);
          a.mov(rsi, qword(mem(r12)));
          a.call(qword(mem(rax, CODE.entry)));
          a.mov(g('rt_vs_top'), r15);
          a.jmp(ran);
          a.bind(overflow);
          a.call(sym('rt_raise_recursion'));
          a.bind(ran);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(qword(mem(rsp, CELLRES)), rax);
        }
        // cls = metaclass(name, bases, namespace, **kw)
        a.mov(rcx, qword(mem(r12, 8)));
        a.mov(qword(mem(rsp, ARGV)), rcx);
        a.mov(rcx, qword(mem(rsp, BASES)));
        a.mov(qword(mem(rsp, ARGV + 8)), rcx);
        a.mov(rcx, qword(mem(rsp, NS)));
        a.mov(qword(mem(rsp, ARGV + 16)), rcx);
        a.mov(rdi, qword(mem(rsp, META)));
        a.lea(rsi, mem(rsp, ARGV));
        a.mov(rdx, qword(mem(rsp, NKW)));
        a.add(rdx, 3);
        a.mov(rcx, qword(mem(rsp, KWN)));
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // A class body that uses __class__ returns its cell: it holds the class now.
        {
          const noCell = a.newLabel();
          a.mov(r15, rax);
          a.mov(rdi, qword(mem(rsp, CELLRES)));
          a.lea(rsi, rip(sym('type_cell')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(noCell);
          a.mov(rax, qword(mem(rsp, CELLRES)));
          unboxPtr(a, rax);
          a.mov(qword(mem(rax, CELL.value)), r15);
          a.bind(noCell);
          a.mov(rax, r15);
        }
        a.bind(out);
        epilogue(a, saved, LOCALS);
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_calculate_meta',
      contract: 'rdi=metaclass value, rsi=bases tuple -> rax=the most derived of it and the bases\' metaclasses, or EXC (TypeError "metaclass conflict: ..."); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const next = a.newLabel();
        const conflict = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12); // winner (raw)
        a.mov(r13, rsi);
        unboxPtr(a, r13);
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, qword(mem(r13, TUPLE.length)));
        a.jae(done);
        a.mov(rdi, qword(sib(r13, r14, 8, TUPLE.items)));
        a.call(sym('rt_type_of'));
        a.mov(r15, rax); // this base's metaclass
        a.mov(rdi, r12);
        a.mov(rsi, r15);
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.jne(next);
        a.mov(rdi, r15);
        a.mov(rsi, r12);
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(conflict);
        a.mov(r12, r15);
        a.bind(next);
        a.inc(r14);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r12);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, saved);
        a.bind(conflict);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_meta_conflict')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_new_type',
      contract: 'new slot of type: (metaclass address, args, nargs, kwnames) -> type(name, bases, dict) as a new heap class, or EXC; type(x) is handled by rt_call_type; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [0] name, [8] bases, [16] namespace, [24] the new type (raw), [32] metaclass
        // (raw), [40] solid base (raw), [48] instance layout id, [56] instance size, [64] args,
        // [72] nargs, [80] kwnames or 0 (the keywords go to __init_subclass__).
        const NAME = 0, BASES = 8, NS = 16, CLS = 24, META = 32, SOLID = 40, LAYOUT = 48, ISIZE = 56, ARGS = 64, NARGS = 72, KWN = 80, LOCALS = 88;
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(qword(mem(rsp, META)), rdi);
        a.mov(r12, rsi);
        a.mov(qword(mem(rsp, ARGS)), rsi);
        a.mov(qword(mem(rsp, NARGS)), rdx);
        a.mov(qword(mem(rsp, KWN)), rcx);
        {
          // Exactly three positional arguments (type_call's message for type itself,
          // PyArg_ParseTuple's "type.__new__" one for metaclasses).
          const three = a.newLabel();
          const noKw = a.newLabel();
          const meta = a.newLabel();
          a.mov(rax, rdx);
          a.test(rcx, rcx);
          a.je(noKw);
          a.mov(r8, rcx);
          unboxPtr(a, r8);
          a.sub(rax, qword(mem(r8, TUPLE.length)));
          a.bind(noKw);
          a.cmp(rax, 3);
          a.je(three);
          a.lea(rcx, rip(sym('type_type')));
          a.cmp(rdi, rcx);
          a.jne(meta);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_type_args')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(meta);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_type_new_count')));
          a.mov(rdx, rax);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(three);
        }
        for (const [off, i] of [[NAME, 0], [BASES, 1], [NS, 2]] as const) {
          a.mov(rax, qword(mem(r12, 8 * i)));
          a.mov(qword(mem(rsp, off)), rax);
        }
        // Argument types: type.__new__() argument 1 must be str, not int (and so on).
        for (const [off, tname, msg] of [[NAME, 'str', 'msg_type_arg1'], [BASES, 'tuple', 'msg_type_arg2'], [NS, 'dict', 'msg_type_arg3']] as const) {
          const ok = a.newLabel();
          a.mov(rdi, qword(mem(rsp, off)));
          a.lea(rsi, rip(sym(`type_${tname}`)));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(ok);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym(msg)));
          a.mov(rdx, qword(mem(rsp, off)));
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(ok);
        }
        // No bases: (object,).
        {
          const has = a.newLabel();
          a.mov(rax, qword(mem(rsp, BASES)));
          unboxPtr(a, rax);
          a.cmp(qword(mem(rax, TUPLE.length)), 0);
          a.jne(has);
          a.lea(rdi, rip(sym('type_object')));
          boxPtr(a, rdi, rcx);
          a.call(sym('rt_tuple_pack1'));
          a.mov(qword(mem(rsp, BASES)), rax);
          a.bind(has);
        }
        // The most derived metaclass of this one and the bases' (type_new's
        // _PyType_CalculateMetaclass): a winner with a __new__ of its own makes the class.
        {
          const same = a.newLabel();
          const adopt = a.newLabel();
          a.mov(rdi, qword(mem(rsp, META)));
          boxPtr(a, rdi, rcx);
          a.mov(rsi, qword(mem(rsp, BASES)));
          a.call(sym('rt_calculate_meta'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          unboxPtr(a, rax);
          a.cmp(rax, qword(mem(rsp, META)));
          a.je(same);
          a.lea(rcx, rip(sym('rt_new_type')));
          a.cmp(qword(mem(rax, typeSlot('new'))), rcx);
          a.je(adopt);
          a.mov(rdi, rax);
          a.mov(rsi, qword(mem(rsp, ARGS)));
          a.mov(rdx, qword(mem(rsp, NARGS)));
          a.mov(rcx, qword(mem(rsp, KWN)));
          a.call(qword(mem(rdi, typeSlot('new'))));
          a.jmp(out);
          a.bind(adopt);
          a.mov(qword(mem(rsp, META)), rax);
          a.bind(same);
        }
        // Every base must be a type that allows subclassing; the solid base decides the
        // instance layout: object -> instance with a dict, exceptions -> exception layout.
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const notType = a.newLabel();
          const notBase = a.newLabel();
          const unsupported = a.newLabel();
          const layoutConflict = a.newLabel();
          a.lea(rax, rip(sym('type_object')));
          a.mov(qword(mem(rsp, SOLID)), rax);
          a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS.instance.id);
          a.mov(qword(mem(rsp, ISIZE)), INSTANCE.size);
          a.xor(ebx, ebx);
          a.bind(loop);
          a.mov(rax, qword(mem(rsp, BASES)));
          unboxPtr(a, rax);
          a.cmp(rbx, qword(mem(rax, TUPLE.length)));
          a.jae(done);
          a.mov(rbp, qword(sib(rax, rbx, 8, TUPLE.items)));
          a.mov(rdi, rbp);
          a.lea(rsi, rip(sym('type_type')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(notType);
          unboxPtr(a, rbp);
          a.test(qword(mem(rbp, TYPE.flags)), TYPEFLAG_BASETYPE);
          a.je(notBase);
          // Layout of this base's instances.
          const next = a.newLabel();
          const isExc = a.newLabel();
          const isMeta = a.newLabel();
          const isIntBase = a.newLabel();
          a.mov(rax, qword(mem(rbp, TYPE.layout)));
          a.cmp(rax, LAYOUTS.exception.id);
          a.je(isExc);
          a.cmp(rax, LAYOUTS.type.id);
          a.je(isMeta);
          a.cmp(rax, LAYOUTS.raw.id);
          a.je(isIntBase);
          a.cmp(rax, LAYOUTS.intsub.id);
          a.je(isIntBase);
          a.cmp(rax, LAYOUTS.strsub.id);
          a.je(isIntBase);
          a.cmp(rax, LAYOUTS.tuple.id);
          a.je(isIntBase);
          a.cmp(rax, LAYOUTS.instance.id);
          a.je(next);
          // dict, list, set, frozenset and their subclasses: the base's new slot allocates the
          // instance (its fields, then the instance-dict word: builtinsub.ts).
          for (const c of CONTAINER_SUBCLASS_BASES) {
            const notThis = a.newLabel();
            const take = a.newLabel();
            const builtinBase = a.newLabel();
            const solidOk = a.newLabel();
            a.cmp(qword(mem(rbp, TYPE.layout)), LAYOUTS[c.layout].id);
            a.jne(notThis);
            a.mov(rax, rbp);
            a.test(qword(mem(rbp, TYPE.flags)), TYPEFLAG_BUILTIN);
            a.jne(builtinBase);
            a.mov(rax, qword(mem(rbp, TYPE.base)));
            a.bind(builtinBase);
            for (const t of c.types) {
              a.lea(rcx, rip(sym(`type_${t}`)));
              a.cmp(rax, rcx);
              a.je(solidOk);
            }
            a.jmp(unsupported);
            a.bind(solidOk);
            a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.instance.id);
            a.je(take);
            a.cmp(qword(mem(rsp, SOLID)), rax);
            a.jne(layoutConflict);
            a.bind(take);
            a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS[c.layout].id);
            a.mov(qword(mem(rsp, ISIZE)), c.size + 8);
            a.mov(qword(mem(rsp, SOLID)), rax);
            a.jmp(next);
            a.bind(notThis);
          }
          a.mov(rax, qword(mem(rbp, TYPE.layout)));
          // classmethod, staticmethod, property (descr.ts) and their subclasses: the base's new
          // slot allocates the instance with the subclass's type, so the class keeps the fixed
          // layout; a second solid base of another kind is a layout conflict (refused).
          {
            const solidOk = a.newLabel();
            const take = a.newLabel();
            const builtinBase = a.newLabel();
            a.cmp(rax, LAYOUTS.fixed.id);
            a.jne(unsupported);
            a.mov(rax, rbp);
            a.test(qword(mem(rbp, TYPE.flags)), TYPEFLAG_BUILTIN);
            a.jne(builtinBase);
            a.mov(rax, qword(mem(rbp, TYPE.base)));
            a.bind(builtinBase);
            for (const t of ['classmethod', 'staticmethod', 'property']) {
              a.lea(rcx, rip(sym(`type_${t}`)));
              a.cmp(rax, rcx);
              a.je(solidOk);
            }
            a.jmp(unsupported);
            a.bind(solidOk);
            a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.instance.id);
            a.je(take);
            a.cmp(qword(mem(rsp, SOLID)), rax);
            a.jne(layoutConflict);
            a.bind(take);
            a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS.fixed.id);
            a.mov(qword(mem(rsp, ISIZE)), 0);
            a.mov(qword(mem(rsp, SOLID)), rax);
            a.jmp(next);
          }
          // A metaclass (a base deriving from type): its instances are type objects.
          a.bind(isMeta);
          a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.fixed.id); // after a descriptor base
          a.je(layoutConflict);
          for (const c of CONTAINER_SUBCLASS_BASES) {
            a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS[c.layout].id); // after dict, list, set
            a.je(layoutConflict);
          }
          a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS.type.id);
          a.mov(qword(mem(rsp, ISIZE)), TYPE.size);
          a.lea(rax, rip(sym('type_type')));
          a.mov(qword(mem(rsp, SOLID)), rax);
          a.jmp(next);
          // int and str and their subclasses: instances are BIGINT / STR objects of the class
          // with an instance dict after the value (layouts intsub, strsub: intsub.ts); tuple's:
          // tuples of the class without a dict (tupleops.ts rt_new_tuple). Other raw layouts
          // (bytes...) are not native yet.
          {
            const take = a.newLabel();
            const builtinBase = a.newLabel();
            a.bind(isIntBase);
            a.mov(rax, rbp);
            a.test(qword(mem(rbp, TYPE.flags)), TYPEFLAG_BUILTIN);
            a.jne(builtinBase);
            a.mov(rax, qword(mem(rbp, TYPE.base)));
            a.bind(builtinBase);
            a.mov(edx, LAYOUTS.intsub.id);
            a.lea(rcx, rip(sym('type_int')));
            a.cmp(rax, rcx);
            const intOrStr = a.newLabel();
            a.je(intOrStr);
            // str: instances are STR objects of the class with a dict word (layout strsub).
            a.mov(edx, LAYOUTS.strsub.id);
            a.lea(rcx, rip(sym('type_str')));
            a.cmp(rax, rcx);
            a.je(intOrStr);
            // tuple: rt_new_tuple copies into an object of the class (no instance dict).
            a.mov(edx, LAYOUTS.tuple.id);
            a.lea(rcx, rip(sym('type_tuple')));
            a.cmp(rax, rcx);
            a.je(intOrStr);
            // float, complex: instances of layout floatsub / complexsub (builtinsub.ts).
            for (const n of NUMBER_SUBCLASS_BASES) {
              const other = a.newLabel();
              const takeNum = a.newLabel();
              a.lea(rcx, rip(sym(`type_${n.type}`)));
              a.cmp(rax, rcx);
              a.jne(other);
              a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.instance.id);
              a.je(takeNum);
              a.cmp(qword(mem(rsp, SOLID)), rax);
              a.jne(layoutConflict);
              a.bind(takeNum);
              a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS[n.layout].id);
              a.mov(qword(mem(rsp, ISIZE)), n.size);
              a.mov(qword(mem(rsp, SOLID)), rax);
              a.jmp(next);
              a.bind(other);
            }
            a.jmp(unsupported);
            a.bind(intOrStr);
            a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.instance.id);
            a.je(take);
            a.cmp(qword(mem(rsp, SOLID)), rax);
            a.jne(layoutConflict);
            a.bind(take);
            a.mov(qword(mem(rsp, LAYOUT)), rdx);
            a.mov(qword(mem(rsp, ISIZE)), BIGINT.digits);
            a.mov(qword(mem(rsp, SOLID)), rax);
            a.jmp(next);
          }
          a.bind(isExc);
          a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS.fixed.id); // after a descriptor base
          a.je(layoutConflict);
          for (const c of CONTAINER_SUBCLASS_BASES) {
            a.cmp(qword(mem(rsp, LAYOUT)), LAYOUTS[c.layout].id); // after dict, list, set
            a.je(layoutConflict);
          }
          a.mov(qword(mem(rsp, LAYOUT)), LAYOUTS.exception.id);
          a.mov(qword(mem(rsp, ISIZE)), EXCEPTION.size);
          a.mov(rax, qword(mem(rbp, TYPE.base)));
          a.test(qword(mem(rbp, TYPE.flags)), TYPEFLAG_BUILTIN);
          const heapBase = a.newLabel();
          a.je(heapBase);
          a.mov(rax, rbp);
          a.bind(heapBase);
          a.mov(qword(mem(rsp, SOLID)), rax);
          a.bind(next);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(notType);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_bases_types')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(notBase);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_not_acceptable_base')));
          a.mov(rdx, rbp);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(unsupported);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_builtin_base')));
          a.mov(rdx, rbp);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(layoutConflict);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_layout_conflict')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(done);
        }
        // The type object.
        a.mov(edi, TYPE.size);
        a.mov(rsi, qword(mem(rsp, META)));
        unboxPtr(a, rsi);
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rsp, CLS)), rax);
        a.mov(r13, rax);
        a.mov(rax, UNBOUND);
        for (const f of ['name', 'qualname', 'module', 'bases', 'mro', 'dict'] as const) a.mov(qword(mem(r13, TYPE[f])), rax);
        a.mov(rax, qword(mem(rsp, NAME)));
        a.mov(qword(mem(r13, TYPE.name)), rax);
        a.mov(qword(mem(r13, TYPE.qualname)), rax);
        a.mov(rax, qword(mem(rsp, BASES)));
        a.mov(qword(mem(r13, TYPE.bases)), rax);
        a.mov(qword(mem(r13, TYPE.flags)), TYPEFLAG_BASETYPE | TYPEFLAG_HEAP);
        a.mov(rax, qword(mem(rsp, LAYOUT)));
        a.mov(qword(mem(r13, TYPE.layout)), rax);
        a.mov(rax, qword(mem(rsp, ISIZE)));
        a.mov(qword(mem(r13, TYPE.instanceSize)), rax);
        a.mov(qword(mem(r13, TYPE.version)), 1);
        a.mov(rax, qword(mem(rsp, SOLID)));
        a.mov(qword(mem(r13, TYPE.base)), rax);
        // The dict: a copy of the namespace; __qualname__ taken out of it.
        a.mov(rdi, qword(mem(rsp, NS)));
        a.call(sym('rt_dict_copy'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r13, TYPE.dict)), rax);
        {
          const noQual = a.newLabel();
          a.mov(rdi, rax);
          dunder(a, rsi, '__qualname__');
          a.call(sym('rt_dict_pop_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(noQual);
          a.mov(qword(mem(r13, TYPE.qualname)), rax);
          a.bind(noQual);
        }
        // __slots__: the instance size, member descriptors, no dict (runtime/core/slots.ts).
        a.mov(rdi, r13);
        a.call(sym('rt_type_make_slots'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // Collection flags from the body's __abc_tpflags__ (runtime/core/abcflags.ts).
        a.mov(rdi, r13);
        a.call(sym('rt_class_abc_flags'));
        // __module__ from the namespace (the class body sets it), else the defining module.
        {
          const haveModule = a.newLabel();
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__module__');
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(haveModule);
          a.mov(rax, g('rt_main_globals'));
          a.mov(rax, qword(mem(rax)));
          a.bind(haveModule);
          a.mov(qword(mem(r13, TYPE.module)), rax);
          // __doc__ defaults to None.
          const haveDoc = a.newLabel();
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__doc__');
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(haveDoc);
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__doc__');
          a.mov(rdx, g('rt_const_None'));
          a.call(sym('rt_dict_setitem'));
          a.bind(haveDoc);
          // A class defining __eq__ but not __hash__ is unhashable: __hash__ = None.
          const done = a.newLabel();
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__eq__');
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(done);
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__hash__');
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(done);
          a.mov(rdi, qword(mem(r13, TYPE.dict)));
          dunder(a, rsi, '__hash__');
          a.mov(rdx, g('rt_const_None'));
          a.call(sym('rt_dict_setitem'));
          a.bind(done);
        }
        // Implicit staticmethod / classmethods (metaclass.ts), the MRO, then the slots.
        a.mov(rdi, r13);
        a.call(sym('rt_type_implicit_methods'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, r13);
        a.call(sym('rt_c3_mro'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r13, TYPE.mro)), rax);
        a.mov(rdi, r13);
        a.call(sym('rt_type_fill_slots'));
        // __set_name__ of the namespace's values, then the parent's __init_subclass__.
        a.mov(rdi, r13);
        a.call(sym('rt_type_set_names'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(rsp, ARGS)));
        a.add(rsi, 24);
        a.mov(rdx, qword(mem(rsp, NARGS)));
        a.sub(rdx, 3);
        a.mov(rcx, qword(mem(rsp, KWN)));
        a.call(sym('rt_type_init_subclass'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, qword(mem(rsp, CLS)));
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, saved, LOCALS);
      },
    },
    {
      name: 'rt_init_type',
      contract: 'init slot of type: (type, args, nargs, kwnames) -> 0 (type(name, bases, dict) needs nothing more) or EXC for a wrong count (CPython type_init: keywords only with three arguments)',
      emit(a: Assembler<any>) {
        const ok = a.newLabel();
        const one = a.newLabel();
        const noKw = a.newLabel();
        a.xor(r8d, r8d);
        a.test(rcx, rcx);
        a.je(noKw);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.mov(r8, qword(mem(rax, TUPLE.length)));
        a.sub(rdx, r8);
        a.bind(noKw);
        a.cmp(rdx, 1);
        a.je(one);
        a.cmp(rdx, 3);
        a.je(ok);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_type_init_args')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(one);
        a.test(r8, r8);
        a.je(ok);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_type_init_kw')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(ok);
        a.xor(eax, eax);
        a.ret();
      },
    },
    c3Routine(),
    {
      name: 'rt_type_fill_slots',
      contract: 'rdi=heap type (raw, MRO set): fill its slots (a trampoline where the first class in the MRO with one of the slot\'s dunders is a heap class, else that builtin type\'s slot); may allocate',
      emit(a: Assembler<any>) {
        // r12 = type, r13 = table cursor, r14 = MRO index, r15 = the MRO tuple (raw)
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const slotLoop = a.newLabel();
        const slotsDone = a.newLabel();
        const mroLoop = a.newLabel();
        const nextSlot = a.newLabel();
        const found = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r15, qword(mem(r12, TYPE.mro)));
        unboxPtr(a, r15);
        a.lea(r13, rip(sym('rt_class_slot_table')));
        a.bind(slotLoop);
        a.mov(rax, qword(mem(r13)));
        a.test(rax, rax);
        a.je(slotsDone);
        a.xor(r14, r14);
        a.mov(qword(sib(r12, rax, 1)), 0);
        a.bind(mroLoop);
        a.cmp(r14, qword(mem(r15, TUPLE.length)));
        a.jae(nextSlot);
        a.mov(rbx, qword(sib(r15, r14, 8, TUPLE.items)));
        unboxPtr(a, rbx); // a class of the MRO
        {
          const heap = a.newLabel();
          a.test(qword(mem(rbx, TYPE.flags)), TYPEFLAG_HEAP);
          a.jne(heap);
          // A builtin type: its slot.
          a.mov(rax, qword(mem(r13)));
          a.mov(rcx, qword(sib(rbx, rax, 1)));
          a.mov(qword(sib(r12, rax, 1)), rcx);
          a.jmp(nextSlot);
          a.bind(heap);
          // A class: does its dict define one of the dunders?
          const names = a.newLabel();
          const namesDone = a.newLabel();
          a.xor(ebp, ebp);
          a.bind(names);
          a.cmp(rbp, qword(mem(r13, 16)));
          a.jae(namesDone);
          a.mov(rdi, qword(mem(rbx, TYPE.dict)));
          a.mov(rsi, qword(sib(r13, rbp, 8, 24)));
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(found);
          a.inc(rbp);
          a.jmp(names);
          a.bind(namesDone);
          a.inc(r14);
          a.jmp(mroLoop);
        }
        a.bind(found);
        a.mov(rax, qword(mem(r13)));
        a.mov(rcx, qword(mem(r13, 8)));
        a.mov(qword(sib(r12, rax, 1)), rcx);
        a.bind(nextSlot);
        // Next table entry: 3 words + the names.
        a.mov(rax, qword(mem(r13, 16)));
        a.lea(r13, sib(r13, rax, 8, 24));
        a.jmp(slotLoop);
        a.bind(slotsDone);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_type_set_names',
      contract: 'rdi=new heap type (raw): call __set_name__(cls, name) on every value of its dict whose type has one -> rax=0 or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const next = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.xor(ebx, ebx);
        a.bind(loop);
        a.mov(rdi, qword(mem(r12, TYPE.dict)));
        unboxPtr(a, rdi);
        a.mov(rsi, rbx);
        a.call(sym('rt_dict_next'));
        a.test(rax, rax);
        a.js(done);
        a.lea(rbx, mem(rax, 1));
        a.mov(r13, rdx); // name
        a.mov(r14, rcx); // value
        // Builtin values (ints, functions...) have no __set_name__: only look further for
        // objects of classes or of the descriptor types.
        a.mov(rdi, r14);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        dunder(a, rsi, '__set_name__');
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(next);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // m(value, cls, name)
        a.mov(qword(mem(rsp)), r14);
        a.mov(rcx, r12);
        boxPtr(a, rcx, rdx);
        a.mov(qword(mem(rsp, 8)), rcx);
        a.mov(qword(mem(rsp, 16)), r13);
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 3);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(next);
        a.jmp(loop);
        a.bind(done);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    {
      name: 'rt_type_init_subclass',
      contract: "rdi=new heap type (raw), rsi=keyword value words, rdx=their count, rcx=kwnames or 0: super(cls, cls).__init_subclass__(**kw), the attribute found in the MRO after the class (a plain function is an implicit classmethod, as type_new makes it) -> rax=0 or EXC; may allocate, may raise",
      emit(a: Assembler<any>) {
        // r12 = class (raw), r13 = MRO (raw), r14 = MRO index, rbx = keyword values,
        // rbp = their count, r15 = kwnames; [rsp] = the value-stack top on entry.
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const loop = a.newLabel();
        const none = a.newLabel();
        const got = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(rbx, rsi);
        a.mov(rbp, rdx);
        a.mov(r15, rcx);
        a.mov(rcx, g('rt_vs_top'));
        a.mov(qword(mem(rsp)), rcx);
        a.mov(r13, qword(mem(r12, TYPE.mro)));
        unboxPtr(a, r13);
        a.mov(r14d, 1);
        a.bind(loop);
        a.cmp(r14, qword(mem(r13, TUPLE.length)));
        a.jae(none);
        a.mov(rax, qword(sib(r13, r14, 8, TUPLE.items)));
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, TYPE.dict)));
        a.cmp(rdi, g('rt_const_unbound'));
        const skip = a.newLabel();
        a.je(skip);
        dunder(a, rsi, '__init_subclass__');
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(got);
        a.bind(skip);
        a.inc(r14);
        a.jmp(loop);
        a.bind(got);
        // The call's arguments go above the value-stack top: [cls for a function] + kw values.
        a.mov(r13, rax); // the attribute
        a.mov(rcx, qword(mem(rsp)));
        a.lea(rcx, sib(rcx, rbp, 8, 8));
        a.cmp(rcx, g('rt_vs_limit'));
        const room = a.newLabel();
        a.jbe(room);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
        a.bind(room);
        a.mov(g('rt_vs_top'), rcx);
        const plainFunction = a.newLabel();
        const args = a.newLabel();
        a.mov(rcx, r13);
        a.shr(rcx, 48);
        a.cmp(ecx, 0xfffc);
        const descr = a.newLabel();
        a.jne(descr);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('type_function')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.jne(plainFunction);
        a.bind(descr);
        // Another descriptor (object's builtin classmethod, an explicit classmethod): bound
        // through descrget with no instance and the class as owner.
        a.mov(rdi, r13);
        a.mov(rsi, g('rt_const_unbound'));
        a.mov(rdx, r12);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_descr_get'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.xor(r14d, r14d); // words before the keyword values
        a.jmp(args);
        a.bind(plainFunction);
        a.mov(rax, r12);
        boxPtr(a, rax, rcx);
        a.mov(rcx, qword(mem(rsp)));
        a.mov(qword(mem(rcx)), rax);
        a.mov(r14d, 1);
        a.bind(args);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.mov(rdx, qword(mem(rsp)));
          a.lea(rdx, sib(rdx, r14, 8));
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, rbp);
          a.jae(copied);
          a.mov(rax, qword(sib(rbx, rcx, 8)));
          a.mov(qword(sib(rdx, rcx, 8)), rax);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(rsp)));
        a.lea(rdx, sib(r14, rbp, 1));
        a.mov(rcx, r15);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(none);
        a.xor(eax, eax);
        a.bind(out);
        a.mov(rcx, qword(mem(rsp)));
        a.mov(g('rt_vs_top'), rcx);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_new_object',
      contract: 'new slot of object: (type address, args, nargs, kwnames) -> a new instance (dict unset) with CPython\'s excess-argument errors, or EXC; may allocate',
      emit(a: Assembler<any>) {
        // object_new: arguments are an error when __new__ is overridden or __init__ is not.
        const alloc = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        // Builtin types other than object have their own new slot or cannot be instantiated.
        {
          const instantiable = a.newLabel();
          a.lea(rax, rip(sym('type_object')));
          a.cmp(r12, rax);
          a.je(instantiable);
          a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
          a.je(instantiable);
          a.push(rdx);
          a.push(rdx);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_cannot_create_instances')));
          a.mov(rdx, r12);
          a.call(sym('rt_raise_fmt'));
          a.pop(rdx);
          a.pop(rdx);
          a.jmp(out);
          a.bind(instantiable);
        }
        a.test(rdx, rdx);
        a.je(alloc);
        {
          const initOverridden = a.newLabel();
          a.lea(rax, rip(sym('rt_new_object')));
          a.cmp(qword(mem(r12, typeSlot('new'))), rax);
          a.je(initOverridden);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_object_new_args')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(initOverridden);
          a.lea(rax, rip(sym('rt_init_object')));
          a.cmp(qword(mem(r12, typeSlot('init'))), rax);
          a.jne(alloc);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_takes_no_args')));
          a.mov(rdx, r12);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
        }
        a.bind(alloc);
        // Room for the inline values of the class's shared keys (instvalues.ts): rdx = their
        // end offset, kept in the header's aux word.
        a.mov(rdi, r12);
        a.call(sym('rt_inst_alloc_size'));
        a.mov(r13, rdx);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        a.mov(dword(mem(rax, HDR_AUX)), r13d);
        a.mov(rcx, UNBOUND);
        a.mov(qword(mem(rax, INSTANCE.dict)), rcx);
        // The __slots__ fields after the dict word and the inline values start empty
        // (runtime/core/slots.ts, instvalues.ts).
        {
          const fill = a.newLabel();
          const filled = a.newLabel();
          a.cmp(qword(mem(r12, TYPE.layout)), LAYOUTS.instance.id);
          a.jne(filled);
          a.mov(rdx, qword(mem(r12, TYPE.instanceSize)));
          a.cmp(rdx, r13);
          const room = a.newLabel();
          a.jae(room);
          a.mov(rdx, r13);
          a.bind(room);
          a.add(rdx, rax);
          a.lea(r8, mem(rax, INSTANCE.size));
          a.bind(fill);
          a.cmp(r8, rdx);
          a.jae(filled);
          a.mov(qword(mem(r8)), rcx);
          a.add(r8, 8);
          a.jmp(fill);
          a.bind(filled);
        }
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_init_object',
      contract: 'init slot of object: (self, args, nargs, kwnames) -> 0, or EXC with CPython\'s excess-argument errors',
      emit(a: Assembler<any>) {
        const ok = a.newLabel();
        a.test(rdx, rdx);
        a.je(ok);
        prologue(a, [r12]);
        a.call(sym('rt_type_of'));
        a.mov(r12, rax);
        const newOverridden = a.newLabel();
        const out = a.newLabel();
        a.lea(rax, rip(sym('rt_init_object')));
        a.cmp(qword(mem(r12, typeSlot('init'))), rax);
        a.je(newOverridden);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_object_init_args')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(newOverridden);
        a.lea(rax, rip(sym('rt_new_object')));
        a.cmp(qword(mem(r12, typeSlot('new'))), rax);
        const fine = a.newLabel();
        a.jne(fine);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_takes_no_args')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(fine);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12]);
        a.bind(ok);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_super_zero',
      contract: "rdi=the __class__ cell's contents (UNBOUND if empty), rsi=the method's first argument -> super(__class__, first) or EXC (RuntimeError \"super(): empty __class__ cell\"); may allocate",
      emit(a: Assembler<any>) {
        const empty = a.newLabel();
        const missing = a.newLabel();
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(empty);
        // super objects come from runtime/core/descr.ts (linked through a weak pointer).
        a.mov(rax, qword(rip(sym('cls_weak_rt_super_new2'))));
        a.test(rax, rax);
        a.je(missing);
        a.jmp(rax);
        a.bind(missing);
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('msg_no_super')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(empty);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym('msg_super_empty_cell')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_delete_name',
      contract: "rdi=namespace dict, rsi=name str -> rax=0, or EXC (NameError \"name 'x' is not defined\" when absent); may allocate",
      emit(a: Assembler<any>) {
        const missing = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rsi);
        a.call(sym('rt_dict_pop_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.cmp(rax, g('rt_const_exc'));
        const out = a.newLabel();
        a.je(out);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(missing);
        a.mov(rdi, r12);
        a.call(sym('rt_raise_name_error'));
        a.bind(out);
        epilogue(a, [r12]);
      },
    },
  ],
  data: [
    ...dunderData(),
    slotTable(),
    cstr('cstr_metaclass', 'metaclass'),
    cstr('msg_super_empty_cell', 'super(): empty __class__ cell'),
    cstr('msg_no_super', 'super() is not linked into this runtime'),
    { name: 'cls_weak_rt_super_new2', section: 'rodata', align: 8, emit: (a, ctx) => emitWord(a, { addrIfDefined: 'rt_super_new2' }, ctx) },
    cstr('msg_bc_not_enough', '__build_class__: not enough arguments'),
    cstr('msg_bc_func', '__build_class__: func must be a function'),
    cstr('msg_bc_name', '__build_class__: name is not a string'),
    cstr('msg_bc_too_many_kw', '__build_class__: too many keyword arguments'),
    cstr('msg_prepare_mapping', '%N.__prepare__() must return a mapping, not %T'),
    cstr('msg_prepare_mapping_fn', '<metaclass>.__prepare__() must return a mapping, not %T'),
    cstr('msg_prepare_not_dict', "a class namespace of type '%T' (from __prepare__) is not supported by the native backend yet"),
    cstr('msg_meta_conflict', 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases'),
    cstr('msg_type_args', 'type() takes 1 or 3 arguments'),
    cstr('msg_type_new_count', 'type.__new__() takes exactly 3 arguments (%d given)'),
    cstr('msg_type_init_args', 'type.__init__() takes 1 or 3 arguments'),
    cstr('msg_type_init_kw', 'type.__init__() takes no keyword arguments'),
    cstr('msg_type_arg1', 'type.__new__() argument 1 must be str, not %T'),
    cstr('msg_type_arg2', 'type.__new__() argument 2 must be tuple, not %T'),
    cstr('msg_type_arg3', 'type.__new__() argument 3 must be dict, not %T'),
    cstr('msg_bases_types', 'bases must be types'),
    cstr('msg_not_acceptable_base', "type '%N' is not an acceptable base type"),
    cstr('msg_builtin_base', "subclassing the builtin type '%N' is not supported by the native backend yet"),
    cstr('msg_layout_conflict', 'multiple bases have instance lay-out conflict'),
    cstr('msg_object_new_args', 'object.__new__() takes exactly one argument (the type to instantiate)'),
    cstr('msg_object_init_args', 'object.__init__() takes exactly one argument (the instance to initialize)'),
    cstr('msg_takes_no_args', '%N() takes no arguments'),
    cstr('msg_cannot_create_instances', "cannot create '%N' instances"),
    cstr('msg_mro_conflict', 'Cannot create a consistent method resolution\norder (MRO) for bases %U'), // CPython's line break
    cstr('msg_duplicate_base', 'duplicate base class %N'),
  ],
};


/**
 * rt_c3_mro: C3 linearization (the algorithm of Python 2.3's MRO paper, as typeobject.c):
 * merge the MROs of the bases and the list of bases, taking each time the first head that
 * is in no sequence's tail.
 */
function c3Routine() {
  return {
    name: 'rt_c3_mro',
    contract: 'rdi=new heap type (raw, bases set) -> rax=its MRO tuple (itself first), or EXC (TypeError "Cannot create a consistent method resolution order (MRO) for bases A, B"); may allocate',
    emit(a: Assembler<any>) {
      // Sequences on the machine stack: (tuple raw, head index) pairs, one per base's MRO
      // plus the bases tuple itself; at most 64 bases.
      const MAXSEQ = 65;
      const SEQ = 0, NSEQ = 16 * MAXSEQ, RESULT = NSEQ + 8, LOCALS = RESULT + 16;
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      prologue(a, saved, LOCALS);
      a.mov(r12, rdi);
      a.mov(r13, qword(mem(r12, TYPE.bases)));
      unboxPtr(a, r13);
      // A base named twice: CPython's check_duplicates ("duplicate base class X").
      {
        const outer = a.newLabel();
        const inner = a.newLabel();
        const nextOuter = a.newLabel();
        const unique = a.newLabel();
        const dup = a.newLabel();
        a.xor(ebx, ebx);
        a.bind(outer);
        a.cmp(rbx, qword(mem(r13, TUPLE.length)));
        a.jae(unique);
        a.mov(rdx, qword(sib(r13, rbx, 8, TUPLE.items)));
        a.lea(rcx, mem(rbx, 1));
        a.bind(inner);
        a.cmp(rcx, qword(mem(r13, TUPLE.length)));
        a.jae(nextOuter);
        a.cmp(rdx, qword(sib(r13, rcx, 8, TUPLE.items)));
        a.je(dup);
        a.inc(rcx);
        a.jmp(inner);
        a.bind(nextOuter);
        a.inc(rbx);
        a.jmp(outer);
        a.bind(dup);
        unboxPtr(a, rdx);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_duplicate_base')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(unique);
      }
      // result list starts with the class itself
      a.mov(edi, 8);
      a.call(sym('rt_list_new'));
      a.mov(qword(mem(rsp, RESULT)), rax);
      a.mov(rsi, r12);
      boxPtr(a, rsi, rcx);
      a.mov(rdi, rax);
      a.call(sym('rt_list_append'));
      // sequences
      {
        const tooMany = a.newLabel();
        const fill = a.newLabel();
        const filled = a.newLabel();
        a.mov(rax, qword(mem(r13, TUPLE.length)));
        a.cmp(rax, MAXSEQ - 1);
        a.ja(tooMany);
        a.xor(ebx, ebx);
        a.bind(fill);
        a.cmp(rbx, qword(mem(r13, TUPLE.length)));
        a.jae(filled);
        a.mov(rax, qword(sib(r13, rbx, 8, TUPLE.items)));
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, TYPE.mro)));
        unboxPtr(a, rax);
        a.mov(rcx, rbx);
        a.shl(rcx, 4);
        a.mov(qword(sib(rsp, rcx, 1, SEQ)), rax);
        a.mov(qword(sib(rsp, rcx, 1, SEQ + 8)), 0);
        a.inc(rbx);
        a.jmp(fill);
        a.bind(filled);
        a.mov(rcx, rbx);
        a.shl(rcx, 4);
        a.mov(qword(sib(rsp, rcx, 1, SEQ)), r13);
        a.mov(qword(sib(rsp, rcx, 1, SEQ + 8)), 0);
        a.inc(rbx);
        a.mov(qword(mem(rsp, NSEQ)), rbx);
        const go = a.newLabel();
        a.jmp(go);
        a.bind(tooMany);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bases_types')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(go);
      }
      // Merge.
      const round = a.newLabel();
      const finished = a.newLabel();
      const conflict = a.newLabel();
      a.bind(round);
      {
        // Any sequence not exhausted?
        const pick = a.newLabel();
        const nextCand = a.newLabel();
        const accept = a.newLabel();
        let anyLeft: Label;
        a.xor(r14, r14); // candidate sequence index
        a.xor(r15, r15); // non-empty sequences seen
        anyLeft = a.newLabel();
        a.bind(pick);
        a.cmp(r14, qword(mem(rsp, NSEQ)));
        a.jae(anyLeft);
        a.mov(rcx, r14);
        a.shl(rcx, 4);
        a.mov(rax, qword(sib(rsp, rcx, 1, SEQ)));
        a.mov(rdx, qword(sib(rsp, rcx, 1, SEQ + 8)));
        a.cmp(rdx, qword(mem(rax, TUPLE.length)));
        a.jae(nextCand);
        a.inc(r15);
        a.mov(rbp, qword(sib(rax, rdx, 8, TUPLE.items))); // candidate (boxed)
        // In the tail of any sequence?
        {
          const seqLoop = a.newLabel();
          const seqDone = a.newLabel();
          const tailLoop = a.newLabel();
          const tailDone = a.newLabel();
          a.xor(ebx, ebx);
          a.bind(seqLoop);
          a.cmp(rbx, qword(mem(rsp, NSEQ)));
          a.jae(seqDone);
          a.mov(rcx, rbx);
          a.shl(rcx, 4);
          a.mov(rax, qword(sib(rsp, rcx, 1, SEQ)));
          a.mov(rdx, qword(sib(rsp, rcx, 1, SEQ + 8)));
          a.inc(rdx);
          a.bind(tailLoop);
          a.cmp(rdx, qword(mem(rax, TUPLE.length)));
          a.jae(tailDone);
          a.cmp(rbp, qword(sib(rax, rdx, 8, TUPLE.items)));
          a.je(nextCand);
          a.inc(rdx);
          a.jmp(tailLoop);
          a.bind(tailDone);
          a.inc(rbx);
          a.jmp(seqLoop);
          a.bind(seqDone);
        }
        a.jmp(accept);
        a.bind(nextCand);
        a.inc(r14);
        a.jmp(pick);
        a.bind(anyLeft);
        a.test(r15, r15);
        a.je(finished);
        a.jmp(conflict);
        a.bind(accept);
        // Append it and drop it from every head.
        a.mov(rdi, qword(mem(rsp, RESULT)));
        a.mov(rsi, rbp);
        a.call(sym('rt_list_append'));
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const skip = a.newLabel();
          a.xor(ebx, ebx);
          a.bind(loop);
          a.cmp(rbx, qword(mem(rsp, NSEQ)));
          a.jae(done);
          a.mov(rcx, rbx);
          a.shl(rcx, 4);
          a.mov(rax, qword(sib(rsp, rcx, 1, SEQ)));
          a.mov(rdx, qword(sib(rsp, rcx, 1, SEQ + 8)));
          a.cmp(rdx, qword(mem(rax, TUPLE.length)));
          a.jae(skip);
          a.cmp(rbp, qword(sib(rax, rdx, 8, TUPLE.items)));
          a.jne(skip);
          a.inc(qword(sib(rsp, rcx, 1, SEQ + 8)));
          a.bind(skip);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(done);
        }
        a.jmp(round);
      }
      a.bind(finished);
      a.mov(rdi, qword(mem(rsp, RESULT)));
      a.call(sym('rt_tuple_from_iterable'));
      a.jmp(out);
      a.bind(conflict);
      // CPython names the bases whose heads remain, in order.
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        const skip = a.newLabel();
        const first = a.newLabel();
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(r15, rax);
        a.xor(ebx, ebx);
        a.xor(r14, r14);
        a.bind(loop);
        a.mov(rax, qword(mem(rsp, NSEQ)));
        a.dec(rax); // the bases list itself is the last sequence: name its remaining entries
        a.mov(rcx, rax);
        a.shl(rcx, 4);
        a.mov(rax, qword(sib(rsp, rcx, 1, SEQ)));
        a.mov(rdx, qword(sib(rsp, rcx, 1, SEQ + 8)));
        a.add(rdx, rbx);
        a.cmp(rdx, qword(mem(rax, TUPLE.length)));
        a.jae(done);
        a.mov(rbp, qword(sib(rax, rdx, 8, TUPLE.items)));
        a.test(r14, r14);
        a.je(first);
        a.mov(rdi, r15);
        a.lea(rsi, rip(sym('str_comma_space')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r15, rax);
        a.bind(first);
        a.mov(rdi, r15);
        unboxPtr(a, rbp);
        a.mov(rsi, qword(mem(rbp, TYPE.name)));
        a.call(sym('rt_sb_append_str'));
        a.mov(r15, rax);
        a.inc(r14);
        a.bind(skip);
        a.inc(rbx);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r15);
        a.call(sym('rt_sb_finish'));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_mro_conflict')));
        a.mov(rdx, rax);
        a.call(sym('rt_raise_fmt'));
      }
      a.bind(out);
      epilogue(a, saved, LOCALS);
    },
  };
}

void [ebp, ecx, edi, edx, esi, r9, BINOPS, INPLACE];
