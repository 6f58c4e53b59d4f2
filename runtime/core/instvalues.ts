// Runtime core: instance attributes stored inline with a per-class shared key table (CPython
// 3.11's split-keys dicts and inline values, PEP 412 and Objects/dictobject.c; here the
// values live in the object itself, as CPython 3.12+ does).
//
// An object of the `instance` layout is
//
//   +0 header (HDR_AUX = the end offset of its inline values, 0 when it has none)
//   +16 dict word   +24.. __slots__ fields (slots.ts)   +instanceSize.. inline values
//
// and its class keeps a shared key table (TYPE.sharedKeys: a `values` array of
// SHARED_KEYS_MAX names, `length` of them in use, only ever appended to). Two modes:
//
// - values mode (dict word UNBOUND): the instance's attributes are exactly its inline values
//   that are not UNBOUND, value k being the attribute named by key k. Their order in the
//   instance (dict order, for vars() and __dict__) is key order, so a value may be added
//   only after every value already set: a store that would break that order, a name the
//   table cannot take, or a value beyond the instance's room turns the instance into
//   dict mode first.
// - dict mode (dict word a dict): the dict holds every attribute and every inline value is
//   UNBOUND (rt_inst_materialize moves them into the dict), so a cached load of an inline
//   value finds UNBOUND and takes the generic path.
//
// Whoever asks for the dict word itself (obj.__dict__, vars(), object.__getattribute__ and
// __setattr__, __dict__ assignment) materializes first; the generic lookup (rt_getattr_generic),
// store (rt_setattr) and method load (rt_load_method) read and write inline values directly.
//
// Room: an instance gets as many inline values as its class's table had names when it was
// allocated (CPython 3.11 sizes values by the keys likewise), rounded up to fill its 16-byte
// granule; the very first instance of a class gets SHARED_KEYS_MAX, since nothing is known
// yet (the aux word of the table records that a first instance was made). The table learns
// from every store of a new name (until it is full), even one that falls back to a dict.
//
// Inline caches (attrcache.ts, templates/attrs.ts) key on the type: the byte offset of a
// name's value is fixed per class, so a cached load is: type, epoch, offset < HDR_AUX, value
// not UNBOUND. Adding a name to a table moves rt_type_cache_epoch on, because LOAD_METHOD
// entries record that the name was not an instance attribute of that class.

import { type Assembler, dword, eax, edi, edx, ecx, mem, qword, r12, r13, r13d, r14, r15, r15d, r8, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DICT, HDR_AUX, INSTANCE, LAYOUTS, SHARED_KEYS_MAX, TAG_OBJ, TYPE, TYPEFLAG_BUILTIN, TYPEFLAG_NO_DICT, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { cstr } from './exc.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

void DICT;

/**
 * rax = the raw address of obj's type when obj (a value in `obj`) is an `instance` layout
 * object in values mode with room for inline values; else jumps to `no`. `raw` gets the
 * object's raw address. Clobbers rax and rcx.
 */
function valuesModeType(a: Assembler<any>, obj: typeof rdi, raw: typeof rdi, no: ReturnType<Assembler<any>['newLabel']>): void {
  a.mov(rax, obj);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(no);
  a.mov(raw, obj);
  unboxPtr(a, raw);
  a.cmp(dword(mem(raw, HDR_AUX)), 0);
  a.je(no);
  a.mov(rax, qword(mem(raw)));
  a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.instance.id);
  a.jne(no);
  a.mov(rcx, qword(mem(raw, INSTANCE.dict)));
  a.cmp(rcx, g('rt_const_unbound'));
  a.jne(no);
}

export const instValuesModule: RuntimeModule = {
  name: 'instvalues',
  routines: [
    {
      name: 'rt_inst_alloc_size',
      contract: 'rdi=class (raw) -> rax=bytes to allocate for an instance, rdx=its HDR_AUX (end offset of the inline values; 0 when instances of the class keep no inline values); makes the class\'s shared key table on first use; may allocate; preserves callee-saved registers',
      emit(a: Assembler<any>) {
        const plain = a.newLabel();
        const have = a.newLabel();
        const learned = a.newLabel();
        const even = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, qword(mem(r12, TYPE.instanceSize)));
        a.cmp(r13, INSTANCE.size);
        const sized = a.newLabel();
        a.jae(sized);
        a.mov(r13d, INSTANCE.size);
        a.bind(sized);
        a.cmp(qword(mem(r12, TYPE.layout)), LAYOUTS.instance.id);
        a.jne(plain);
        a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_NO_DICT | TYPEFLAG_BUILTIN);
        a.jne(plain);
        a.mov(rax, qword(mem(r12, TYPE.sharedKeys)));
        a.test(rax, rax);
        a.jne(have);
        a.mov(edi, VALUES.items + 8 * SHARED_KEYS_MAX);
        a.lea(rsi, rip(sym('type_values')));
        a.call(sym('rt_alloc'));
        boxPtr(a, rax, rcx);
        a.mov(qword(mem(r12, TYPE.sharedKeys)), rax);
        a.bind(have);
        unboxPtr(a, rax);
        // The first instance: room for a full table (nothing is learned yet).
        a.mov(rcx, qword(mem(rax, VALUES.length)));
        a.cmp(dword(mem(rax, HDR_AUX)), 0);
        a.jne(learned);
        a.mov(dword(mem(rax, HDR_AUX)), 1);
        a.mov(ecx, SHARED_KEYS_MAX);
        a.bind(learned);
        a.lea(rax, sib(r13, rcx, 8));
        a.test(eax, 8);
        a.je(even);
        a.add(rax, 8);
        a.bind(even);
        a.mov(rdx, rax);
        epilogue(a, [r12, r13]);
        a.bind(plain);
        a.mov(rax, r13);
        a.xor(edx, edx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_inst_values_index',
      contract: 'rdi=class (raw), rsi=name (str value) -> rax=index of the name in the class\'s shared key table (the same object, else an equal str), -1 if absent; no alloc; clobbers rax rcx rdx rsi rdi r8-r11',
      emit(a: Assembler<any>) {
        const absent = a.newLabel();
        const found = a.newLabel();
        const ident = a.newLabel();
        const eqLoop = a.newLabel();
        const eqNext = a.newLabel();
        a.mov(r8, qword(mem(rdi, TYPE.sharedKeys)));
        a.test(r8, r8);
        a.je(absent);
        unboxPtr(a, r8);
        a.mov(r9, qword(mem(r8, VALUES.length)));
        a.xor(eax, eax);
        // By identity first: names are interned constants.
        a.bind(ident);
        a.cmp(rax, r9);
        a.jae(eqLoop);
        a.cmp(qword(sib(r8, rax, 8, VALUES.items)), rsi);
        a.je(found);
        a.inc(rax);
        a.jmp(ident);
        // Then by value (a name computed at run time: setattr(obj, 'a' + 'b', v)).
        a.bind(eqLoop);
        prologue(a, [rbx, r12, r13, r14, r15]);
        a.mov(rbx, r8);
        a.mov(r12, rsi);
        a.xor(r13d, r13d);
        a.mov(r14, r9);
        const eqAbsent = a.newLabel();
        const eqFound = a.newLabel();
        const top = a.label();
        a.cmp(r13, r14);
        a.jae(eqAbsent);
        a.mov(rdi, qword(sib(rbx, r13, 8, VALUES.items)));
        a.mov(rsi, r12);
        a.call(sym('rt_str_eq'));
        a.test(eax, eax);
        a.jne(eqFound);
        a.bind(eqNext);
        a.inc(r13);
        a.jmp(top);
        a.bind(eqFound);
        a.mov(rax, r13);
        epilogue(a, [rbx, r12, r13, r14, r15]);
        a.bind(eqAbsent);
        a.mov(rax, -1);
        epilogue(a, [rbx, r12, r13, r14, r15]);
        a.bind(absent);
        a.mov(rax, -1);
        a.bind(found);
        a.ret();
      },
    },
    {
      name: 'rt_inst_values_get',
      contract: 'rdi=object, rsi=name str -> rax=the inline value of that name (values mode), UNBOUND if the object has none (absent, dict mode, not an instance); no alloc; clobbers rax rcx rdx rsi rdi r8-r11',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        a.push(rbx);
        valuesModeType(a, rdi, rbx, none);
        a.mov(rdi, rax);
        a.push(rax);
        a.call(sym('rt_inst_values_index'));
        a.pop(rcx);
        a.test(rax, rax);
        a.js(none);
        a.mov(rcx, qword(mem(rcx, TYPE.instanceSize)));
        a.lea(rax, sib(rcx, rax, 8));
        a.cmp(eax, dword(mem(rbx, HDR_AUX)));
        a.jae(none);
        a.mov(rax, qword(sib(rbx, rax, 1)));
        a.pop(rbx);
        a.ret();
        a.bind(none);
        a.mov(rax, g('rt_const_unbound'));
        a.pop(rbx);
        a.ret();
      },
    },
    {
      name: 'rt_inst_values_set',
      contract: 'rdi=object, rsi=name str, rdx=value or UNBOUND (delete) -> rax=0 when done in the inline values, 1 when not (dict mode, no room, out of order, absent for a delete: materialize and use the dict); may add the name to the class\'s shared key table; no alloc; clobbers rax rcx rdx rsi rdi r8-r11',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const no = a.newLabel();
        const out = a.newLabel();
        const have = a.newLabel();
        const put = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rsi);
        a.mov(r13, rdx);
        valuesModeType(a, rdi, rbx, no);
        a.mov(r14, rax); // the class
        a.mov(rdi, r14);
        a.mov(rsi, r12);
        a.call(sym('rt_inst_values_index'));
        a.test(rax, rax);
        a.jns(have);
        // A new name: the table learns it (a str exactly, while there is room).
        a.cmp(r13, g('rt_const_unbound'));
        a.je(no);
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        a.lea(rdx, rip(sym('type_str')));
        a.cmp(qword(mem(rcx)), rdx);
        a.jne(no);
        a.mov(rcx, qword(mem(r14, TYPE.sharedKeys)));
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, VALUES.length)));
        a.cmp(rax, SHARED_KEYS_MAX);
        a.jae(no);
        a.mov(qword(sib(rcx, rax, 8, VALUES.items)), r12);
        a.inc(qword(mem(rcx, VALUES.length)));
        a.inc(g('rt_type_cache_epoch'));
        a.bind(have);
        // rax = index: rcx = the value's offset, within the instance's room.
        a.mov(rcx, qword(mem(r14, TYPE.instanceSize)));
        a.lea(rcx, sib(rcx, rax, 8));
        a.mov(edx, dword(mem(rbx, HDR_AUX)));
        a.cmp(rcx, rdx);
        a.jae(no);
        a.cmp(r13, g('rt_const_unbound'));
        const store = a.newLabel();
        a.jne(store);
        // Delete: only a value that is set.
        a.cmp(qword(sib(rbx, rcx, 1)), r13);
        a.je(no);
        a.jmp(put);
        a.bind(store);
        a.mov(rax, g('rt_const_unbound'));
        a.cmp(qword(sib(rbx, rcx, 1)), rax);
        a.jne(put);
        // A new value: every later one must be unset (key order is insertion order).
        {
          const scan = a.newLabel();
          a.lea(rsi, mem(rcx, 8));
          a.bind(scan);
          a.cmp(rsi, rdx);
          a.jae(put);
          a.cmp(qword(sib(rbx, rsi, 1)), rax);
          a.jne(no);
          a.add(rsi, 8);
          a.jmp(scan);
        }
        a.bind(put);
        a.mov(qword(sib(rbx, rcx, 1)), r13);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(no);
        a.mov(eax, 1);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_inst_materialize',
      contract: 'rdi=object -> rax=0 or EXC: an instance in values mode with values set gets a dict of them (key order) in its dict word and its inline values become UNBOUND (dict mode); anything else is left as it is; may allocate; preserves callee-saved registers',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const nothing = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved, 8);
        valuesModeType(a, rdi, rbx, nothing);
        a.mov(r12, rdi); // the object (rooted by the caller)
        a.mov(r13, rax); // the class
        // Any value set?
        a.mov(r14, qword(mem(r13, TYPE.instanceSize)));
        a.mov(r15d, dword(mem(rbx, HDR_AUX)));
        {
          const scan = a.newLabel();
          const some = a.newLabel();
          a.mov(rcx, r14);
          a.mov(rax, g('rt_const_unbound'));
          a.bind(scan);
          a.cmp(rcx, r15);
          a.jae(nothing);
          a.cmp(qword(sib(rbx, rcx, 1)), rax);
          a.jne(some);
          a.add(rcx, 8);
          a.jmp(scan);
          a.bind(some);
        }
        a.call(sym('rt_dict_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp)), rax); // the machine stack is a root
        {
          const loop = a.newLabel();
          const next = a.newLabel();
          const done = a.newLabel();
          a.bind(loop);
          a.cmp(r14, r15);
          a.jae(done);
          a.mov(rdx, qword(sib(rbx, r14, 1)));
          a.cmp(rdx, g('rt_const_unbound'));
          a.je(next);
          // key index = (offset - instanceSize) / 8
          a.mov(rax, r14);
          a.sub(rax, qword(mem(r13, TYPE.instanceSize)));
          a.shr(rax, 3);
          a.mov(rcx, qword(mem(r13, TYPE.sharedKeys)));
          unboxPtr(a, rcx);
          a.mov(rsi, qword(sib(rcx, rax, 8, VALUES.items)));
          a.mov(rdi, qword(mem(rsp)));
          a.call(sym('rt_dict_setitem'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(next);
          a.add(r14, 8);
          a.jmp(loop);
          a.bind(done);
        }
        a.mov(rax, qword(mem(rsp)));
        a.mov(qword(mem(rbx, INSTANCE.dict)), rax);
        {
          const clear = a.newLabel();
          const cleared = a.newLabel();
          a.mov(rcx, qword(mem(r13, TYPE.instanceSize)));
          a.mov(rax, UNBOUND);
          a.bind(clear);
          a.cmp(rcx, r15);
          a.jae(cleared);
          a.mov(qword(sib(rbx, rcx, 1)), rax);
          a.add(rcx, 8);
          a.jmp(clear);
          a.bind(cleared);
        }
        a.bind(nothing);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_inst_set_class',
      contract: "rdi=object, rsi=new class value or UNBOUND (delete) -> rax=0 or EXC: obj.__class__ = cls (object_set_class, typeobject.c): CPython's TypeErrors for a deletion, a non-class, a builtin type on either side, and layouts that differ (layout kind, instance size, dict or not, solid base); the inline values move into a dict first (they are laid out by the old class's keys); may allocate",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const differs = a.newLabel();
        const notMutable = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.cmp(r13, g('rt_const_unbound'));
        const notDel = a.newLabel();
        a.jne(notDel);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_iv_class_del')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(notDel);
        // A class: its type is type or a metaclass (the `type` layout).
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.type.id);
        const isClass = a.newLabel();
        a.je(isClass);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_iv_class_not_class')));
        a.mov(rdx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(isClass);
        a.mov(r15, r13);
        unboxPtr(a, r15); // the new class
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax); // the old class
        a.test(qword(mem(r14, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(notMutable);
        a.test(qword(mem(r15, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(notMutable);
        // compatible_for_assignment, as far as the layouts here tell.
        for (const field of [TYPE.layout, TYPE.instanceSize, TYPE.base] as const) {
          a.mov(rax, qword(mem(r14, field)));
          a.cmp(rax, qword(mem(r15, field)));
          a.jne(differs);
        }
        a.mov(rax, qword(mem(r14, TYPE.flags)));
        a.xor(rax, qword(mem(r15, TYPE.flags)));
        a.test(rax, TYPEFLAG_NO_DICT);
        a.jne(differs);
        a.mov(rdi, r12);
        a.call(sym('rt_inst_materialize'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(qword(mem(rax)), r15);
        // Cached decisions were about the old class of this object: none is about the object
        // itself, so nothing to invalidate (the header type is checked at every use).
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(notMutable);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_iv_class_mutable')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(differs);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_iv_class_layout')));
        a.mov(rdx, r15);
        a.mov(rcx, r14);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
  ],
  data: [
    cstr('msg_iv_class_del', "can't delete __class__ attribute"),
    cstr('msg_iv_class_not_class', "__class__ must be set to a class, not '%T' object"),
    cstr('msg_iv_class_mutable', '__class__ assignment only supported for mutable types or ModuleType subclasses'),
    cstr('msg_iv_class_layout', "__class__ assignment: '%N' object layout differs from '%N'"),
  ],
};
