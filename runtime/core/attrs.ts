// Runtime core: attribute access (object.__getattribute__ / __setattr__ semantics), the
// descriptor protocol for functions and builtin methods, bound methods, and the attributes
// of type objects, functions and methods.
//
// Lookup of `obj.name`: a type with its own `getattr` slot (modules, types, exceptions,
// classes defining __getattr__) answers itself; otherwise rt_getattr_generic searches
// type(obj)'s MRO dicts for a descriptor (a data descriptor, one whose type has a
// `descrset` slot, wins over the instance), then the instance's dict (instances of classes
// and exceptions have one), then binds the descriptor through its type's `descrget` slot:
// functions become method objects, builtin methods bind their self (or the class, for
// classmethods). LOAD_METHOD skips creating the bound object: (function, self) go on the
// stack for CALL_METHOD.

import { type Assembler, dword, eax, ecx, edi, edx, mem, qword, r12, r13, r14, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BUILTIN, EXCEPTION, FUNCTION, HDR_AUX, INSTANCE, LAYOUTS, METHOD, TAG_OBJ, TUPLE, TYPE, TYPEFLAG_BUILTIN, TYPEFLAG_NO_DICT, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { METHOD_KIND_MODULE } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { CONTAINER_SUBCLASS_BASES } from './builtinsub.js';
import { intSubDictAddr, strSubDictAddr } from './intsub.js';

/** BUILTIN header aux values (runtime/core/methods.ts METHOD_KIND). */
const KIND_CLASSMETHOD = 1;
const KIND_STATICMETHOD = 2;

/** Special attributes served from fixed fields: [name, field offset]. */
const TYPE_FIELDS = [['__name__', TYPE.name], ['__qualname__', TYPE.qualname], ['__module__', TYPE.module], ['__mro__', TYPE.mro], ['__bases__', TYPE.bases], ['__dict__', TYPE.dict]] as const;
const FUNCTION_FIELDS = [['__name__', FUNCTION.name], ['__qualname__', FUNCTION.qualname], ['__doc__', FUNCTION.doc], ['__module__', FUNCTION.module], ['__defaults__', FUNCTION.defaults], ['__kwdefaults__', FUNCTION.kwdefaults], ['__closure__', FUNCTION.closure], ['__annotations__', FUNCTION.annotations]] as const;

/** Entries of the type attribute cache (rt_type_lookup): a power of two of 32-byte entries. */
const TYPE_CACHE_ENTRIES = 4096;

/** dst = address of the type-cache entry of (type raw address, name value); clobbers dst, tmp. */
function cacheSlot(a: Assembler<any>, type: typeof rax, name: typeof rax, dst: typeof rax, tmp: typeof rax): void {
  // Names are 16-byte aligned statics mostly 48 bytes apart, classes cells a few hundred
  // bytes apart: (type >> 6) ^ (name >> 4) keeps the bits that differ.
  a.mov(dst, type);
  a.shr(dst, 2);
  a.xor(dst, name);
  a.shr(dst, 4);
  a.and(dst, TYPE_CACHE_ENTRIES - 1);
  a.shl(dst, 5);
  a.lea(tmp, rip(sym('rt_type_cache')));
  a.add(dst, tmp);
}

/** `if (name equals cstr) { rax = [base + off] (UNBOUND -> None); jmp done }` for each field. */
function fieldLookup(a: Assembler<any>, nameReg: typeof rax, baseReg: typeof rax, fields: readonly (readonly [string, number])[], prefix: string, done: ReturnType<Assembler<any>['newLabel']>): void {
  for (const [name, off] of fields) {
    const skip = a.newLabel();
    a.mov(rdi, nameReg);
    a.lea(rsi, rip(sym(`${prefix}${name}`)));
    a.call(sym('rt_str_equals_cstr'));
    a.test(eax, eax);
    a.je(skip);
    a.mov(rax, qword(mem(baseReg, off)));
    a.cmp(rax, g('rt_const_unbound'));
    a.jne(done);
    a.mov(rax, g('rt_const_None'));
    a.jmp(done);
    a.bind(skip);
  }
}

/** rax = new bound method object {func, self}. */
function newMethod(a: Assembler<any>, func: typeof rax, self: typeof rax): void {
  a.push(func);
  a.push(self);
  a.mov(edi, METHOD.size);
  a.lea(rsi, rip(sym('type_method')));
  a.call(sym('rt_alloc'));
  a.pop(rcx);
  a.mov(qword(mem(rax, METHOD.self)), rcx);
  a.pop(rcx);
  a.mov(qword(mem(rax, METHOD.func)), rcx);
  boxPtr(a, rax, rcx);
}

/** The descrget slots of functions and builtin functions. */
function descrGetRoutines(): RuntimeRoutine[] {
  return [
    {
      name: 'rt_descrget_function',
      contract: 'descrget slot of functions: (function, instance or UNBOUND, owner) -> the function on a class, a bound method on an instance; may allocate',
      emit(a: Assembler<any>) {
        const bind = a.newLabel();
        a.cmp(rsi, g('rt_const_unbound'));
        a.jne(bind);
        a.mov(rax, rdi);
        a.ret();
        a.bind(bind);
        a.sub(rsp, 8);
        newMethod(a, rdi, rsi);
        a.add(rsp, 8);
        a.ret();
      },
    },
    {
      name: 'rt_descrget_builtin_function_or_method',
      contract: 'descrget slot of builtin functions: (builtin, instance or UNBOUND, owner) -> bound to the instance (methods), to the owner (classmethods), or itself (static, already bound, or looked up on the class); may allocate',
      emit(a: Assembler<any>) {
        const plain = a.newLabel();
        const bindTo = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, BUILTIN.self)));
        a.cmp(rcx, g('rt_const_unbound'));
        a.jne(plain);
        a.mov(ecx, dword(mem(rax, HDR_AUX)));
        a.cmp(ecx, KIND_STATICMETHOD);
        a.je(plain);
        a.cmp(ecx, METHOD_KIND_MODULE);
        a.je(plain);
        a.mov(r13, rdx);
        a.cmp(ecx, KIND_CLASSMETHOD);
        a.je(bindTo);
        a.cmp(rsi, g('rt_const_unbound'));
        a.je(plain);
        a.mov(r13, rsi);
        a.bind(bindTo);
        a.mov(edi, BUILTIN.size);
        a.lea(rsi, rip(sym('type_builtin_function_or_method')));
        a.call(sym('rt_alloc'));
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        for (const off of [BUILTIN.entry, BUILTIN.name, BUILTIN.arity]) {
          a.mov(rdx, qword(mem(rcx, off)));
          a.mov(qword(mem(rax, off)), rdx);
        }
        a.mov(qword(mem(rax, BUILTIN.self)), r13);
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(plain);
        a.mov(rax, r12);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
  ];
}

export const attrsModule: RuntimeModule = {
  name: 'attrs',
  routines: [
    {
      name: 'rt_type_lookup',
      contract: 'rdi=type (raw address), rsi=name str -> rax=the attribute from the first dict in the MRO that has it, or UNBOUND; EXC only if a lookup raised; may allocate',
      emit(a: Assembler<any>) {
        // The type attribute cache (CPython's _PyType_Lookup method cache, keyed here by the
        // type's address and the name's identity): a hit skips the walk over the MRO dicts,
        // including the misses that every instance attribute pays before its instance dict.
        // Entries carry the epoch they were made in; rt_type_cache_epoch moves on whenever
        // a class dict changes (rt_setattr_type) and at every collection (a freed type's or
        // name's address may be reused, and the cached values are not roots).
        const saved = [r12, r13, r14, r15] as const;
        const loop = a.newLabel();
        const next = a.newLabel();
        const missing = a.newLabel();
        const out = a.newLabel();
        const miss = a.newLabel();
        const noStore = a.newLabel();
        cacheSlot(a, rdi, rsi, rax, rcx);
        a.cmp(qword(mem(rax, 0)), rdi);
        a.jne(miss);
        a.cmp(qword(mem(rax, 8)), rsi);
        a.jne(miss);
        a.mov(rcx, g('rt_type_cache_epoch'));
        a.cmp(qword(mem(rax, 16)), rcx);
        a.jne(miss);
        a.mov(rax, qword(mem(rax, 24)));
        a.ret();
        a.bind(miss);
        prologue(a, [rbx, ...saved], 8);
        a.mov(rbx, g('rt_type_cache_epoch'));
        a.mov(r15, rdi);
        a.mov(r12, qword(mem(rdi, TYPE.mro)));
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.xor(r14, r14);
        a.bind(loop);
        a.cmp(r14, qword(mem(r12, TUPLE.length)));
        a.jae(missing);
        a.mov(rax, qword(sib(r12, r14, 8, TUPLE.items)));
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, TYPE.dict)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(next);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(next);
        a.inc(r14);
        a.jmp(loop);
        a.bind(missing);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        // Remember the answer unless it is an exception or the epoch moved meanwhile (the
        // lookup may have run a collection or a user __eq__ that changed a class).
        a.cmp(rax, g('rt_const_exc'));
        a.je(noStore);
        a.cmp(rbx, g('rt_type_cache_epoch'));
        a.jne(noStore);
        cacheSlot(a, r15, r13, rcx, rdx);
        a.mov(qword(mem(rcx, 0)), r15);
        a.mov(qword(mem(rcx, 8)), r13);
        a.mov(qword(mem(rcx, 16)), rbx);
        a.mov(qword(mem(rcx, 24)), rax);
        a.bind(noStore);
        epilogue(a, [rbx, ...saved], 8);
      },
    },
    {
      name: 'rt_descr_get',
      contract: 'rdi=attribute found in a type, rsi=instance or UNBOUND, rdx=owner type value -> what the attribute gives through its type\'s descrget slot, or the attribute itself; may allocate, may raise',
      emit(a: Assembler<any>) {
        const plain = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(plain);
        a.push(rdx);
        a.push(rsi);
        a.push(rdi);
        a.call(sym('rt_type_of'));
        a.pop(rdi);
        a.pop(rsi);
        a.pop(rdx);
        a.mov(rax, qword(mem(rax, typeSlot('descrget'))));
        a.test(rax, rax);
        a.je(plain);
        a.jmp(rax);
        a.bind(plain);
        a.mov(rax, rdi);
        a.ret();
      },
    },
    ...descrGetRoutines(),
    {
      name: 'rt_bind_attr',
      contract: 'rdi=attribute found in a type dict, rsi=instance, rdx=owner type value -> its bound form (rt_descr_get with an instance); may allocate, may raise',
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_descr_get'));
      },
    },
    {
      name: 'rt_instance_dict_slot',
      contract: 'rdi=object value -> rax=address of its instance-dict word (instances of classes, exceptions) or 0; clobbers rax rcx',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        const exc = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(none);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.mov(rcx, qword(mem(rcx, TYPE.layout)));
        a.cmp(rcx, LAYOUTS.exception.id);
        a.je(exc);
        // Instances of dict, list and set subclasses: the word after the base's fields
        // (classes.ts, builtinsub.ts).
        for (const c of CONTAINER_SUBCLASS_BASES) {
          const notThis = a.newLabel();
          a.cmp(rcx, LAYOUTS[c.layout].id);
          a.jne(notThis);
          a.mov(rcx, qword(mem(rax)));
          a.test(qword(mem(rcx, TYPE.flags)), TYPEFLAG_BUILTIN);
          a.jne(none);
          a.add(rax, c.size);
          a.ret();
          a.bind(notThis);
        }
        {
          // Instances of int subclasses: the word after the limbs (intsub.ts).
          const notIntSub = a.newLabel();
          a.cmp(rcx, LAYOUTS.intsub.id);
          a.jne(notIntSub);
          intSubDictAddr(a, rax);
          a.ret();
          a.bind(notIntSub);
          const notStrSub = a.newLabel();
          a.cmp(rcx, LAYOUTS.strsub.id);
          a.jne(notStrSub);
          strSubDictAddr(a, rax);
          a.ret();
          a.bind(notStrSub);
        }
        a.cmp(rcx, LAYOUTS.instance.id);
        a.jne(none);
        // A class with __slots__ and no dict (runtime/core/slots.ts).
        a.mov(rcx, qword(mem(rax)));
        a.test(qword(mem(rcx, TYPE.flags)), TYPEFLAG_NO_DICT);
        a.jne(none);
        a.add(rax, INSTANCE.dict);
        a.ret();
        a.bind(exc);
        a.add(rax, EXCEPTION.dict);
        a.ret();
        a.bind(none);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_getattr_generic',
      contract: 'rdi=object, rsi=name str -> rax=attribute (object.__getattribute__: data descriptors, instance dict, other descriptors, __class__/__dict__), UNBOUND if absent, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 = obj, r13 = name, r14 = type (raw), r15 = descriptor or UNBOUND
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const noDescr = a.newLabel();
        const notData = a.newLabel();
        const useDescr = a.newLabel();
        const missing = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        a.mov(rdi, r14);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r15, rax);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noDescr);
        // A data descriptor (its type has a descrset slot) wins.
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(notData);
        a.mov(rdi, rax);
        a.call(sym('rt_type_of'));
        a.cmp(qword(mem(rax, typeSlot('descrset'))), 0);
        a.je(notData);
        a.mov(rdi, r15);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_descr_get'));
        a.jmp(out);
        a.bind(notData);
        a.bind(noDescr);
        // The instance dict.
        {
          const noDict = a.newLabel();
          const inline = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_instance_dict_slot'));
          a.test(rax, rax);
          a.je(noDict);
          a.mov(rdi, qword(mem(rax)));
          a.cmp(rdi, g('rt_const_unbound'));
          a.je(inline);
          a.mov(rsi, r13);
          a.call(sym('rt_dict_lookup_str'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(out);
          a.jmp(noDict);
          // No dict: the inline values (instvalues.ts).
          a.bind(inline);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.call(sym('rt_inst_values_get'));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(out);
          a.bind(noDict);
        }
        a.cmp(r15, g('rt_const_unbound'));
        a.jne(useDescr);
        // __class__ and __dict__ of every object.
        {
          const notClass = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym('cstr_attr__class__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(notClass);
          a.mov(rax, r14);
          boxPtr(a, rax, rcx);
          a.jmp(out);
          a.bind(notClass);
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym('cstr_attr__dict__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(missing);
          a.mov(rdi, r12);
          a.call(sym('rt_instance_dict_slot'));
          a.test(rax, rax);
          a.je(missing);
          a.mov(rbx, rax);
          // Inline values move into a dict first (instvalues.ts).
          a.mov(rdi, r12);
          a.call(sym('rt_inst_materialize'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(rax, qword(mem(rbx)));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(out);
          a.call(sym('rt_dict_new'));
          a.mov(qword(mem(rbx)), rax);
          a.jmp(out);
        }
        a.bind(useDescr);
        a.mov(rdi, r15);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_descr_get'));
        a.jmp(out);
        a.bind(missing);
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_getattr',
      contract: "rdi=object, rsi=name str -> rax=attribute or EXC (AttributeError \"'int' object has no attribute 'x'\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const got = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('getattr'))));
        a.test(rax, rax);
        a.je(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(rax);
        // A slot that does not know the name leaves it to the generic lookup (methods of a
        // class deriving from a builtin type with its own getattr slot, e.g. exceptions).
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(got);
        a.bind(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_getattr_generic'));
        a.bind(got);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_raise_attribute_error'));
        a.bind(out);
        // A failed lookup names itself and the object in the AttributeError (suggest.ts).
        const done = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.jne(done);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_attr_error_context'));
        a.bind(done);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_raise_attribute_error',
      contract: "rdi=object, rsi=name str -> rax=EXC: AttributeError with CPython's message for the object's kind (module, type, instance); may allocate",
      emit(a: Assembler<any>) {
        const notModule = a.newLabel();
        const notType = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_module')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notModule);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_module_no_attr')));
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, 16))); // MODULE.name
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notModule);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notType);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_type_no_attr')));
        a.mov(rdx, r12);
        unboxPtr(a, rdx);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(notType);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_no_attr')));
        a.mov(rdx, r12);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_getattr_type',
      contract: "getattr slot of type objects: rdi=type value, rsi=name -> rax=attribute (the type's fields, then the MRO through descrget with no instance: methods stay plain functions, classmethods bind to the class), UNBOUND if absent, or EXC; may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdi);
        unboxPtr(a, r14);
        // __doc__ lives in the dict of classes; builtin types have none here (None).
        fieldLookup(a, r13, r14, TYPE_FIELDS, 'cstr_attr', out);
        const meta = a.newLabel();
        {
          // A data descriptor of a metaclass (a class deriving from type: a property, say)
          // wins over the class's own attributes (type_getattro).
          const own = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
          a.jne(own);
          a.mov(rdi, rax);
          a.mov(rsi, r13);
          a.call(sym('rt_type_lookup'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(own);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.push(rax);
          a.push(rax);
          a.mov(rdi, rax);
          a.call(sym('rt_type_of'));
          a.cmp(qword(mem(rax, typeSlot('descrset'))), 0);
          a.pop(rdi);
          a.pop(rdi);
          a.je(own);
          a.push(rdi);
          a.push(rdi);
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          boxPtr(a, rax, rcx);
          a.mov(rdx, rax);
          a.pop(rdi);
          a.pop(rdi);
          a.mov(rsi, r12);
          a.call(sym('rt_descr_get'));
          a.jmp(out);
          a.bind(own);
        }
        a.mov(rdi, r14);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(meta);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, g('rt_const_unbound'));
        a.mov(rdx, r12);
        a.call(sym('rt_descr_get'));
        a.jmp(out);
        // Not in the MRO: the metatype's attributes bound to the class (type.mro, __base__).
        a.bind(meta);
        const docs = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(docs);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        boxPtr(a, rdx, rcx);
        a.call(sym('rt_descr_get'));
        a.jmp(out);
        // A builtin type's __doc__ (CPython's tp_doc), when the program keeps it.
        a.bind(docs);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_type_doc'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_setattr_type',
      contract: "setattr slot of type objects: (type, name, value or UNBOUND) -> 0 or EXC; classes store in their dict (and refresh their slots for a dunder), builtin types are immutable (\"cannot set 'x' attribute of immutable type 'int'\"); may allocate",
      emit(a: Assembler<any>) {
        const immutable = a.newLabel();
        const out = a.newLabel();
        const del = a.newLabel();
        const stored = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.test(qword(mem(r12, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.jne(immutable);
        a.mov(rdi, qword(mem(r12, TYPE.dict)));
        a.mov(rsi, r13);
        a.cmp(r14, g('rt_const_unbound'));
        a.je(del);
        a.mov(rdx, r14);
        a.call(sym('rt_dict_setitem'));
        a.jmp(stored);
        a.bind(del);
        a.call(sym('rt_dict_pop_str'));
        a.cmp(rax, g('rt_const_unbound'));
        const found = a.newLabel();
        a.jne(found);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_type_no_attr')));
        a.mov(rdx, r12);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(found);
        a.bind(stored);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // A dunder may change a slot: recompute this class's slots. Cached lookups through
        // this class (and its subclasses) are stale now.
        a.inc(qword(mem(r12, TYPE.version)));
        a.inc(g('rt_type_cache_epoch'));
        a.mov(rdi, r12);
        a.call(sym('rt_type_fill_slots'));
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(immutable);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_immutable_type')));
        a.mov(rdx, r13);
        a.mov(rcx, r12);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_getattr_function',
      contract: 'getattr slot of functions: (function, name) -> __name__, __qualname__, __doc__, __module__, __defaults__, __kwdefaults__, __closure__, __annotations__, __dict__, or the function\'s own attributes; UNBOUND if absent; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const notDict = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdi);
        unboxPtr(a, r14);
        // __annotations__ of a function without any (None, or UNBOUND) is a new dict, kept
        // from then on (CPython's func_get_annotations).
        const notNewAnn = a.newLabel();
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('cstr_fattr__annotations__')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(notNewAnn);
        a.mov(rax, qword(mem(r14, FUNCTION.annotations)));
        const makeAnn = a.newLabel();
        a.cmp(rax, g('rt_const_None'));
        a.je(makeAnn);
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(notNewAnn);
        a.bind(makeAnn);
        a.call(sym('rt_dict_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r14, FUNCTION.annotations)), rax);
        a.jmp(out);
        a.bind(notNewAnn);
        fieldLookup(a, r13, r14, FUNCTION_FIELDS, 'cstr_fattr', out);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('cstr_attr__dict__')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(notDict);
        a.mov(rax, qword(mem(r14, FUNCTION.dict)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(r14, FUNCTION.dict)), rax);
        a.jmp(out);
        a.bind(notDict);
        a.mov(rdi, qword(mem(r14, FUNCTION.dict)));
        const none = a.newLabel();
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(none);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(none);
        // Methods of the function type (its descriptors' __get__...) through the generic path.
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_getattr_generic'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_setattr_function',
      contract: 'setattr slot of functions: (function, name, value or UNBOUND) -> 0 or EXC; __name__/__qualname__/__doc__/__defaults__/... set their fields, anything else goes in the function\'s dict; may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        for (const [name, off] of FUNCTION_FIELDS) {
          const skip = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym(`cstr_fattr${name}`)));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(skip);
          a.mov(qword(mem(r12, off)), r14);
          a.xor(eax, eax);
          a.jmp(out);
          a.bind(skip);
        }
        // The function's dict, made on first use.
        const have = a.newLabel();
        a.mov(rax, qword(mem(r12, FUNCTION.dict)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(have);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(r12, FUNCTION.dict)), rax);
        a.bind(have);
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        const del = a.newLabel();
        a.cmp(r14, g('rt_const_unbound'));
        a.je(del);
        a.mov(rdx, r14);
        a.call(sym('rt_dict_setitem'));
        a.jmp(out);
        a.bind(del);
        a.call(sym('rt_delitem_dict'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_getattr_method',
      contract: 'getattr slot of bound methods: (method, name) -> __self__, __func__, else the function\'s attribute; UNBOUND if absent; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdi);
        unboxPtr(a, r14);
        fieldLookup(a, r13, r14, [['__self__', METHOD.self], ['__func__', METHOD.func]], 'cstr_mattr', out);
        a.mov(rdi, qword(mem(r14, METHOD.func)));
        a.mov(rsi, r13);
        a.call(sym('rt_getattr'));
        // The function's AttributeError would name the function: rt_getattr raised it; map
        // "absent" back to UNBOUND so the method's own message is used.
        a.cmp(rax, g('rt_const_exc'));
        a.jne(out);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_load_method',
      contract: 'rdi=object, rsi=name str, rdx=destination (2 words) -> rax=0 with (function, object) or (attribute, UNBOUND) stored, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const generic = a.newLabel();
        const out = a.newLabel();
        const pair = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.call(sym('rt_type_of'));
        a.mov(r15, rax);
        a.cmp(qword(mem(r15, typeSlot('getattr'))), 0);
        a.jne(generic);
        a.mov(rdi, r15);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(generic);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // Python functions and unbound builtin methods (kind 0) take the object first.
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(generic);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx)));
        a.lea(rdi, rip(sym('type_function')));
        a.cmp(rdx, rdi);
        const isFunction = a.newLabel();
        a.je(isFunction);
        a.lea(rdi, rip(sym('type_builtin_function_or_method')));
        a.cmp(rdx, rdi);
        a.jne(generic);
        a.cmp(dword(mem(rcx, HDR_AUX)), 0);
        a.jne(generic);
        a.mov(rdx, qword(mem(rcx, BUILTIN.self)));
        a.cmp(rdx, g('rt_const_unbound'));
        a.jne(generic);
        a.jmp(pair);
        a.bind(isFunction);
        // ... unless the instance dict has the name.
        a.mov(qword(mem(r14)), rax);
        a.mov(rdi, r12);
        a.call(sym('rt_instance_dict_slot'));
        a.test(rax, rax);
        const noShadow = a.newLabel();
        a.je(noShadow);
        a.mov(rdi, qword(mem(rax)));
        a.cmp(rdi, g('rt_const_unbound'));
        const inline = a.newLabel();
        a.je(inline);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(generic);
        a.jmp(noShadow);
        // No dict: an inline value of the name shadows the method too (instvalues.ts).
        a.bind(inline);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_inst_values_get'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(generic);
        a.bind(noShadow);
        a.mov(rax, qword(mem(r14)));
        a.bind(pair);
        a.mov(qword(mem(r14)), rax);
        a.mov(qword(mem(r14, 8)), r12);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(r14)), rax);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r14, 8)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
    {
      name: 'rt_dict_pop_str',
      contract: 'rdi=dict, rsi=str key -> rax=the value removed, UNBOUND if the key is absent (nothing raised); may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_dict_lookup_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r14, rax);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_delitem_dict'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rax, r14);
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_setattr',
      contract: 'rdi=object, rsi=name str, rdx=value (UNBOUND: delete) -> rax=0 or EXC; the setattr slot, else a data descriptor of the type, else the instance dict, else AttributeError as CPython; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const generic = a.newLabel();
        const noDescr = a.newLabel();
        const noDict = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.call(sym('rt_type_of'));
        a.mov(r15, rax);
        a.mov(rax, qword(mem(r15, typeSlot('setattr'))));
        a.test(rax, rax);
        a.je(generic);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(rax);
        a.jmp(out);
        a.bind(generic);
        // A data descriptor in the type (property with a setter...).
        a.mov(rdi, r15);
        a.mov(rsi, r13);
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noDescr);
        a.mov(rbx, rax);
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(noDescr);
        a.mov(rdi, rax);
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('descrset'))));
        a.test(rax, rax);
        a.je(noDescr);
        a.mov(rdi, rbx);
        a.mov(rsi, r12);
        a.mov(rdx, r14);
        a.call(rax);
        a.jmp(out);
        a.bind(noDescr);
        {
          // obj.__class__ = cls (object's __class__ setter; instvalues.ts).
          const notClass = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym('cstr_attr__class__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(notClass);
          a.mov(rdi, r12);
          a.mov(rsi, r14);
          a.call(sym('rt_inst_set_class'));
          a.jmp(out);
          a.bind(notClass);
        }
        // The instance dict, made on first store.
        a.mov(rdi, r12);
        a.call(sym('rt_instance_dict_slot'));
        a.test(rax, rax);
        a.je(noDict);
        a.mov(rbx, rax);
        {
          // obj.__dict__ = d replaces the instance dict (object's __dict__ setter,
          // subtype_setdict): a dict or a subclass, or deletion (a new one on next use).
          const notDictName = a.newLabel();
          const setDict = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym('cstr_attr__dict__')));
          a.call(sym('rt_str_equals_cstr'));
          a.test(eax, eax);
          a.je(notDictName);
          a.cmp(r14, g('rt_const_unbound'));
          a.je(setDict);
          a.mov(rdi, r14);
          a.lea(rsi, rip(sym('type_dict')));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.jne(setDict);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_dict_must_be_dict')));
          a.mov(rdx, r14);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(setDict);
          // The inline values go (into the old dict) first (instvalues.ts).
          a.mov(rdi, r12);
          a.call(sym('rt_inst_materialize'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.mov(qword(mem(rbx)), r14);
          a.xor(eax, eax);
          a.jmp(out);
          a.bind(notDictName);
        }
        {
          // No dict: the inline values take it when they can, else they move into a dict
          // and the dict takes it (instvalues.ts).
          const dictMode = a.newLabel();
          a.mov(rax, qword(mem(rbx)));
          a.cmp(rax, g('rt_const_unbound'));
          a.jne(dictMode);
          a.mov(rdi, r12);
          a.mov(rsi, r13);
          a.mov(rdx, r14);
          a.call(sym('rt_inst_values_set'));
          a.test(eax, eax);
          a.je(out);
          a.mov(rdi, r12);
          a.call(sym('rt_inst_materialize'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.bind(dictMode);
        }
        a.mov(rdi, qword(mem(rbx)));
        const del = a.newLabel();
        a.cmp(r14, g('rt_const_unbound'));
        a.je(del);
        const have = a.newLabel();
        a.cmp(rdi, g('rt_const_unbound'));
        a.jne(have);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(rbx)), rax);
        a.mov(rdi, rax);
        a.bind(have);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(sym('rt_dict_setitem'));
        a.jmp(out);
        a.bind(del);
        a.cmp(rdi, g('rt_const_unbound'));
        const missing = a.newLabel();
        a.je(missing);
        a.mov(rsi, r13);
        a.call(sym('rt_dict_pop_str'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(missing);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(missing);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_no_attr')));
        a.mov(rdx, r12);
        a.mov(rcx, r13);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(noDict);
        // No instance dict: an attribute the type has is read-only, others do not exist.
        {
          const absent = a.newLabel();
          a.mov(rdi, r15);
          a.mov(rsi, r13);
          a.call(sym('rt_type_lookup'));
          a.cmp(rax, g('rt_const_unbound'));
          a.je(absent);
          a.lea(rdi, rip(sym('type_AttributeError')));
          a.lea(rsi, rip(sym('msg_read_only_attr')));
          a.mov(rdx, r12);
          a.mov(rcx, r13);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(absent);
          a.lea(rdi, rip(sym('type_AttributeError')));
          a.lea(rsi, rip(sym('msg_no_attr')));
          a.mov(rdx, r12);
          a.mov(rcx, r13);
          a.call(sym('rt_raise_fmt'));
        }
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_call_method',
      contract: 'call slot of bound method objects: calls the function with self prepended (see rt_call); may allocate, may raise',
      emit(a: Assembler<any>) {
        // [self, args...] in scratch words at the value-stack top.
        const saved = [r12, r13, r14, r15] as const;
        const copy = a.newLabel();
        const copied = a.newLabel();
        const overflow = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(r14, qword(mem(rax, METHOD.func)));
        a.mov(r12, g('rt_vs_top'));
        a.lea(r13, sib(r12, rdx, 8, 8));
        a.cmp(r13, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(g('rt_vs_top'), r13);
        a.mov(r8, qword(mem(rax, METHOD.self)));
        a.mov(qword(mem(r12)), r8);
        a.mov(r15, rdx);
        a.xor(eax, eax);
        a.bind(copy);
        a.cmp(rax, r15);
        a.jae(copied);
        a.mov(r8, qword(sib(rsi, rax, 8)));
        a.mov(qword(sib(r12, rax, 8, 8)), r8);
        a.inc(rax);
        a.jmp(copy);
        a.bind(copied);
        a.mov(rdi, r14);
        a.mov(rsi, r12);
        a.lea(rdx, mem(r15, 1));
        a.call(sym('rt_call'));
        a.mov(g('rt_vs_top'), r12);
        a.bind(out);
        epilogue(a, saved);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.jmp(out);
      },
    },
  ],
  data: [
    { name: 'rt_type_cache', section: 'bss', size: TYPE_CACHE_ENTRIES * 32, align: 64 },
    { name: 'rt_type_cache_epoch', section: 'data', align: 8, emit: (a) => a.u64(1n) },
    cstr('msg_no_attr', "'%T' object has no attribute '%U'"),
    cstr('msg_module_no_attr', "module '%U' has no attribute '%U'"),
    cstr('msg_type_no_attr', "type object '%N' has no attribute '%U'"),
    cstr('msg_read_only_attr', "'%T' object attribute '%U' is read-only"),
    cstr('msg_dict_must_be_dict', "__dict__ must be set to a dictionary, not a '%T'"),
    cstr('msg_immutable_type', "cannot set '%U' attribute of immutable type '%N'"),
    ...[...TYPE_FIELDS.map(([n]) => n), '__class__', '__dict__'].filter((n, i, all) => all.indexOf(n) === i).map((n) => cstr(`cstr_attr${n}`, n)),
    ...FUNCTION_FIELDS.map(([n]) => cstr(`cstr_fattr${n}`, n)),
    ...['__self__', '__func__'].map((n) => cstr(`cstr_mattr${n}`, n)),
  ],
};

void [edx, r8, rbx];
