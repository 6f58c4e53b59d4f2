// Runtime core: `__slots__` (CPython 3.11 Objects/typeobject.c type_new_slots /
// type_new_descriptors, Python/structmember.c, Objects/descrobject.c member descriptors).
//
// rt_new_type (classes.ts) calls rt_type_make_slots for every class whose instances have the
// `instance` layout. The instance size of a class is the largest of its bases' (a slotted
// base's fields are kept at the same offsets), and a class body's `__slots__` adds one value
// field per name after them:
//
//   +0 header  +16 dict (UNBOUND until first store)  +24.. slot fields of the bases, then own
//
// Each slot name gets a member descriptor in the class dict: the member_descriptor type of
// getset.ts (whose static instances are read-only members of builtin types), same layout
// (`fixed`, aux 4), told apart by a getter word of 0:
//
//   +16 name (str, mangled as CPython: `__x` in class `_C` is `_C__x`)
//   +24 owner (the class, a type value)
//   +32 0 (no getter routine: a slot)
//   +40 offset of the field in the instance (raw bytes; looks like a tiny double to the GC)
//
// getset.ts's descrget / descrset slots of member_descriptor jump to rt_member_slot_get /
// rt_member_slot_set for these.
//
// A member descriptor is a data descriptor (it has a descrset slot), so attribute lookup uses
// it before any instance dict. A field holds UNBOUND while the slot is empty (rt_new_object
// fills them): reading it is AttributeError "'C' object has no attribute 'x'", deleting it
// AttributeError 'x' (structmember.c T_OBJECT_EX). The collector traces the fields like every
// value word of a non-raw object (gcmark.ts).
//
// A class with `__slots__` and without '__dict__' among them whose bases give no dict either
// (object, or classes that are themselves slotted all the way up) gets TYPEFLAG_NO_DICT: its
// instances have no dict, so rt_instance_dict_slot and rt_descr_dict_addr answer 0 for them
// and storing another attribute raises AttributeError, `__dict__` and vars() fail, as in
// CPython. Exceptions and metaclasses (other layouts) ignore `__slots__` here: their
// instances keep a dict (BaseException instances have one in CPython too).

import { type Assembler, type Label, byte, eax, ebx, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, r9d, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { INSTANCE, LAYOUTS, STR, TUPLE, TYPE, TYPEFLAG_NO_DICT } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, loadCodePoint, prologue, unboxPtr } from '../../src/native/macros.js';
import { allocFixed, atMem, type FmtArg, inReg, raiseFmt, staticStr } from './descrkit.js';
import { cstr } from './exc.js';
import { GETSET } from './getset.js';

/** A slot's member descriptor: getset.ts's GETSET layout, getter 0, the field offset in `spare`. */
export const MEMBER = { name: GETSET.name, owner: GETSET.owner, getter: GETSET.getter, offset: GETSET.spare, size: 48, nfields: GETSET.nfields } as const;

/** The raw address of a member descriptor's owner class, as an rt_raise_fmt %N argument. */
const ownerOf = (d: typeof rax): FmtArg =>
  Object.assign((a: Assembler<any>, dst: typeof rax) => {
    a.mov(dst, qword(mem(d, MEMBER.owner)));
    unboxPtr(a, dst);
  }, { reads: d });

/**
 * descr_check of a member descriptor's get/set: unless the value in `inst` is an instance of
 * the owner, TypeError "descriptor 'x' for 'C' objects doesn't apply to a 'int' object" and
 * a jump to `out` with rax = EXC. `d` (raw descriptor) and `inst` are callee-saved.
 * Clobbers caller-saved.
 */
function ownerCheck(a: Assembler<any>, d: typeof rax, inst: typeof rax, out: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, inst);
  a.mov(rsi, qword(mem(d, MEMBER.owner)));
  unboxPtr(a, rsi);
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.jne(ok);
  raiseFmt(a, 'TypeError', 'msg_member_doesnt_apply', [atMem(d, MEMBER.name), ownerOf(d), inReg(inst)], out);
  a.bind(ok);
}

/** eax = code point `idx` (a register) of the str at raw `s`, kind in r9; `cmp eax, '_'`. */
function isUnderscoreAt(a: Assembler<any>, s: typeof rax, idx: typeof rax): void {
  loadCodePoint(a, eax, s, idx, r9);
  a.cmp(eax, 0x5f);
}

export const slotsModule: RuntimeModule = {
  name: 'slots',
  routines: [
    {
      name: 'rt_slots_mangle',
      contract: "rdi=class name str, rsi=slot name str -> rax=the name as CPython's _Py_Mangle makes it ('__x' in class '_C' -> '_C__x'; dunders, names not starting with '__' and classes named only '_' unchanged), or EXC; may allocate",
      emit(a: Assembler<any>) {
        const keep = a.newLabel();
        const out = a.newLabel();
        const notDunder = a.newLabel();
        const strip = a.newLabel();
        const stripped = a.newLabel();
        // r12 = class name, r13 = slot name (values); [rsp] [rsp+8] = rt_str_fmt arguments
        prologue(a, [r12, r13], 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r8, rsi);
        unboxPtr(a, r8);
        a.mov(r10, qword(mem(r8, STR.length)));
        a.cmp(r10, 2);
        a.jb(keep);
        a.movzx(r9d, byte(mem(r8, STR.kind)));
        a.xor(rdx, rdx);
        isUnderscoreAt(a, r8, rdx);
        a.jne(keep);
        a.mov(rdx, 1);
        isUnderscoreAt(a, r8, rdx);
        a.jne(keep);
        a.lea(rdx, mem(r10, -1));
        isUnderscoreAt(a, r8, rdx);
        a.jne(notDunder);
        a.lea(rdx, mem(r10, -2));
        isUnderscoreAt(a, r8, rdx);
        a.je(keep); // __x__ (and '__', '___'): not mangled
        a.bind(notDunder);
        // The class name without its leading underscores; all underscores: not mangled.
        a.mov(r8, r12);
        unboxPtr(a, r8);
        a.mov(r10, qword(mem(r8, STR.length)));
        a.movzx(r9d, byte(mem(r8, STR.kind)));
        a.xor(r11, r11);
        a.bind(strip);
        a.cmp(r11, r10);
        a.jae(keep);
        isUnderscoreAt(a, r8, r11);
        a.jne(stripped);
        a.inc(r11);
        a.jmp(strip);
        a.bind(stripped);
        a.mov(rdi, r12);
        a.mov(rsi, r11);
        a.mov(rdx, r10);
        a.call(sym('rt_str_substr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rsp, 8)), r13);
        a.lea(rdi, rip(sym('msg_slots_mangled')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(keep);
        a.mov(rax, r13);
        a.bind(out);
        epilogue(a, [r12, r13], 24);
      },
    },
    {
      name: 'rt_type_make_slots',
      contract: 'rdi=new class (raw; its dict, bases, layout and instance size set by rt_new_type) -> rax=0, or EXC: the instance size from the bases (TypeError "multiple bases have instance lay-out conflict"), member descriptors for the names of its __slots__ (TypeError for a non-str, "__dict__ slot disallowed: we already got one"; ValueError "\'x\' in __slots__ conflicts with class variable"), TYPEFLAG_NO_DICT when no dict is left; may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 = class (raw), r13 = instance size so far, rbx = the base with the largest
        // slotted layout (raw, 0 = none yet), r14 = number of names, r15 = names tuple (raw,
        // 0 for a single str). Locals (machine stack: conservative roots): the names value,
        // the current name, a scratch word, whether instances have a dict, the name index.
        const NAMES = 0, NAME = 8, TMP = 16, HASDICT = 24, IDX = 32, LOCALS = 48;
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const zero = a.newLabel();
        const baseLoop = a.newLabel();
        const basesDone = a.newLabel();
        const finish = a.newLabel();
        const sizeOnly = a.newLabel();
        prologue(a, saved, LOCALS);
        a.mov(r12, rdi);
        a.cmp(qword(mem(r12, TYPE.layout)), LAYOUTS.instance.id);
        a.jne(zero);
        a.mov(r13, INSTANCE.size);
        a.xor(ebx, ebx);
        a.mov(qword(mem(rsp, HASDICT)), 0);
        a.mov(qword(mem(rsp, IDX)), 0);
        // The bases: a dict from any that has one (a class without TYPEFLAG_NO_DICT, a
        // builtin other than object), the layout of the most derived slotted one.
        a.bind(baseLoop);
        {
          const noDictHere = a.newLabel();
          const bigger = a.newLabel();
          const notExtending = a.newLabel();
          a.mov(r15, qword(mem(r12, TYPE.bases)));
          unboxPtr(a, r15);
          a.mov(rax, qword(mem(rsp, IDX)));
          a.cmp(rax, qword(mem(r15, TUPLE.length)));
          a.jae(basesDone);
          a.inc(qword(mem(rsp, IDX)));
          a.mov(rcx, qword(sib(r15, rax, 8, TUPLE.items)));
          unboxPtr(a, rcx);
          a.cmp(qword(mem(rcx, TYPE.layout)), LAYOUTS.instance.id);
          a.jne(baseLoop);
          a.test(qword(mem(rcx, TYPE.flags)), TYPEFLAG_NO_DICT);
          a.jne(noDictHere);
          a.lea(rax, rip(sym('type_object')));
          a.cmp(rcx, rax);
          a.je(noDictHere);
          a.mov(qword(mem(rsp, HASDICT)), 1);
          a.bind(noDictHere);
          a.cmp(qword(mem(rcx, TYPE.instanceSize)), INSTANCE.size);
          a.jbe(baseLoop);
          a.test(rbx, rbx);
          a.jne(bigger);
          a.mov(rbx, rcx);
          a.mov(r13, qword(mem(rbx, TYPE.instanceSize)));
          a.jmp(baseLoop);
          // Two slotted bases: one must derive from the other (its layout extends the other's).
          a.bind(bigger);
          a.mov(qword(mem(rsp, TMP)), rcx);
          a.mov(rdi, rcx);
          a.mov(rsi, rbx);
          a.call(sym('rt_is_subtype'));
          a.test(eax, eax);
          a.je(notExtending);
          a.mov(rbx, qword(mem(rsp, TMP)));
          a.mov(r13, qword(mem(rbx, TYPE.instanceSize)));
          a.jmp(baseLoop);
          a.bind(notExtending);
          a.mov(rdi, rbx);
          a.mov(rsi, qword(mem(rsp, TMP)));
          a.call(sym('rt_is_subtype'));
          a.test(eax, eax);
          a.jne(baseLoop);
          raiseFmt(a, 'TypeError', 'msg_slots_layout', [], out);
        }
        a.bind(basesDone);
        // __slots__ of the class body: a str is one name, anything else an iterable of names.
        {
          const iterable = a.newLabel();
          const loop = a.newLabel();
          const single = a.newLabel();
          const haveName = a.newLabel();
          const isStr = a.newLabel();
          const notDict = a.newLabel();
          const setDict = a.newLabel();
          const fresh = a.newLabel();
          a.mov(rdi, qword(mem(r12, TYPE.dict)));
          a.mov(rsi, g('slots_s___slots__.v'));
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(sizeOnly);
          a.mov(qword(mem(rsp, NAMES)), rax);
          a.mov(rdi, rax);
          a.lea(rsi, rip(sym('type_str')));
          a.call(sym('rt_isinstance_type'));
          a.xor(r15, r15);
          a.mov(r14, 1);
          a.test(eax, eax);
          a.jne(single);
          a.bind(iterable);
          a.mov(rdi, qword(mem(rsp, NAMES)));
          a.call(sym('rt_tuple_from_iterable'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(qword(mem(rsp, NAMES)), rax);
          a.mov(r15, rax);
          unboxPtr(a, r15);
          a.mov(r14, qword(mem(r15, TUPLE.length)));
          a.bind(single);
          a.mov(qword(mem(rsp, IDX)), 0);
          a.lea(rbx, rip(sym('type_member_descriptor')));
          a.bind(loop);
          a.mov(rax, qword(mem(rsp, IDX)));
          a.cmp(rax, r14);
          a.jae(finish);
          a.inc(qword(mem(rsp, IDX)));
          a.test(r15, r15);
          a.je(haveName);
          a.mov(rcx, qword(sib(r15, rax, 8, TUPLE.items)));
          a.mov(qword(mem(rsp, NAME)), rcx);
          const named = a.newLabel();
          a.jmp(named);
          a.bind(haveName);
          a.mov(rcx, qword(mem(rsp, NAMES)));
          a.mov(qword(mem(rsp, NAME)), rcx);
          a.bind(named);
          a.mov(rdi, rcx);
          a.lea(rsi, rip(sym('type_str')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(isStr);
          raiseFmt(a, 'TypeError', 'msg_slots_not_str', [atMem(rsp, NAME)], out);
          a.bind(isStr);
          a.mov(rdi, qword(mem(rsp, NAME)));
          a.lea(rsi, rip(sym('slots_c___dict__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(notDict);
          a.cmp(qword(mem(rsp, HASDICT)), 0);
          a.je(setDict);
          raiseFmt(a, 'TypeError', 'msg_slots_dict_twice', [], out);
          a.bind(setDict);
          a.mov(qword(mem(rsp, HASDICT)), 1);
          a.jmp(loop);
          a.bind(notDict);
          // __weakref__: accepted, nothing to lay out (no weak references natively).
          a.mov(rdi, qword(mem(rsp, NAME)));
          a.lea(rsi, rip(sym('slots_c___weakref__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.jne(loop);
          a.mov(rdi, qword(mem(r12, TYPE.name)));
          a.mov(rsi, qword(mem(rsp, NAME)));
          a.call(sym('rt_slots_mangle'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(qword(mem(rsp, NAME)), rax);
          a.mov(rdi, qword(mem(r12, TYPE.dict)));
          a.mov(rsi, rax);
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(fresh);
          raiseFmt(a, 'ValueError', 'msg_slots_conflict', [atMem(rsp, NAME)], out);
          a.bind(fresh);
          allocFixed(a, rbx, MEMBER.size, MEMBER.nfields);
          a.mov(rcx, qword(mem(rsp, NAME)));
          a.mov(qword(mem(rax, MEMBER.name)), rcx);
          a.mov(rcx, r12);
          boxPtr(a, rcx, rdx);
          a.mov(qword(mem(rax, MEMBER.owner)), rcx);
          a.mov(qword(mem(rax, MEMBER.getter)), 0);
          a.mov(qword(mem(rax, MEMBER.offset)), r13);
          boxPtr(a, rax, rcx);
          a.mov(qword(mem(rsp, TMP)), rax);
          a.mov(rdi, qword(mem(r12, TYPE.dict)));
          a.mov(rsi, qword(mem(rsp, NAME)));
          a.mov(rdx, rax);
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.add(r13, 8);
          a.jmp(loop);
        }
        a.bind(finish);
        a.cmp(qword(mem(rsp, HASDICT)), 0);
        a.jne(sizeOnly);
        a.or(qword(mem(r12, TYPE.flags)), TYPEFLAG_NO_DICT);
        a.bind(sizeOnly);
        a.mov(qword(mem(r12, TYPE.instanceSize)), r13);
        a.bind(zero);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, LOCALS);
      },
    },
    {
      name: 'rt_member_slot_get',
      contract: "descrget of a slot's member_descriptor (getset.ts jumps here): (d, instance or UNBOUND, owner) -> the slot's value; d itself on the class; TypeError \"descriptor 'x' for 'C' objects doesn't apply to a 'int' object\", AttributeError \"'C' object has no attribute 'x'\" for an empty slot; may raise",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const self = a.newLabel();
        prologue(a, [r12, r13], 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.cmp(rsi, g('rt_const_unbound'));
        a.je(self);
        ownerCheck(a, r12, r13, out);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(r12, MEMBER.offset)));
        a.mov(rax, qword(sib(rax, rcx, 1, 0)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        raiseFmt(a, 'AttributeError', 'msg_member_no_attr', [inReg(r13), atMem(r12, MEMBER.name)], out);
        a.bind(self);
        a.mov(rax, r12);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, [r12, r13], 8);
      },
    },
    {
      name: 'rt_member_slot_set',
      contract: "descrset of a slot's member_descriptor (getset.ts jumps here): (d, instance, value or UNBOUND to delete) -> 0, or EXC (the owner check of descrget; AttributeError 'x' when deleting an empty slot, as structmember.c T_OBJECT_EX); may raise",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const store = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        ownerCheck(a, r12, r13, out);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(r12, MEMBER.offset)));
        a.add(rax, rcx);
        a.cmp(r14, g('rt_const_unbound'));
        a.jne(store);
        a.mov(rcx, qword(mem(rax)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.jne(store);
        raiseFmt(a, 'AttributeError', 'msg_member_del_empty', [atMem(r12, MEMBER.name)], out);
        a.bind(store);
        a.mov(qword(mem(rax)), r14);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
  ],
  data: [
    ...staticStr('slots_s___slots__', '__slots__'),
    cstr('slots_c___dict__', '__dict__'),
    cstr('slots_c___weakref__', '__weakref__'),
    cstr('msg_slots_mangled', '_%U%U'),
    cstr('msg_member_doesnt_apply', "descriptor '%U' for '%N' objects doesn't apply to a '%T' object"),
    cstr('msg_member_no_attr', "'%T' object has no attribute '%U'"),
    cstr('msg_member_del_empty', '%U'),
    cstr('msg_slots_not_str', "__slots__ items must be strings, not '%T'"),
    cstr('msg_slots_dict_twice', '__dict__ slot disallowed: we already got one'),
    cstr('msg_slots_conflict', '%R in __slots__ conflicts with class variable'),
    cstr('msg_slots_layout', 'multiple bases have instance lay-out conflict'),
  ],
};
