// Runtime core: the descriptor types property, classmethod and staticmethod (CPython 3.11
// Objects/descrobject.c property_*, Objects/funcobject.c cm_* / sm_*).
//
// As in CPython, the new slot allocates an empty object (PyType_GenericNew) and the init slot
// parses the arguments, so subclasses calling super().__init__ work. `descrget`/`descrset`
// are tp_descr_get/tp_descr_set; a `getattr` slot serves the members (fget, fset, fdel,
// __doc__, __func__, __wrapped__, __dict__) before the generic lookup (descrkit.ts).
// Layouts: descrkit.ts PROPERTY and WRAPPED.

import { type Assembler, type Gpr, type Label, eax, edi, edx, ecx, mem, qword, r12, r13, r14, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { FUNCTION, METHOD, TUPLE, TYPE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { addrOf, allocFixed, atMem, callWith, ifNotObject, inReg, kwSpec, methodSelfCheck, nameIndex, nameTable, onExc, PROPERTY, raiseFmt, WRAPPED } from './descrkit.js';

type R64 = Gpr<64>;

// ---- property ----------------------------------------------------------------------------------

const PROPERTY_NAMES = ['fget', 'fset', 'fdel', '__doc__'] as const;

/** rax = the field at `off` of the object in `obj` (raw), None when unset. */
function fieldOrNone(a: Assembler<any>, obj: R64, off: number): void {
  a.mov(rax, qword(mem(obj, off)));
  a.cmp(rax, g('rt_const_unbound'));
  a.cmove(rax, g('rt_const_None'));
}

/** The message of a missing accessor: with the property's name when __set_name__ gave one. */
function noAccessor(a: Assembler<any>, prop: R64, inst: R64, what: 'getter' | 'setter' | 'deleter', out: Label): void {
  const anon = a.newLabel();
  // r8 = type(inst).qualname
  a.mov(rdi, inst);
  a.call(sym('rt_type_of'));
  a.mov(rax, qword(mem(rax, TYPE.qualname)));
  a.mov(rcx, qword(mem(prop, PROPERTY.name)));
  a.cmp(rcx, g('rt_const_unbound'));
  a.je(anon);
  a.mov(rdx, rcx);
  a.mov(rcx, rax);
  a.lea(rdi, rip(sym('type_AttributeError')));
  a.lea(rsi, rip(sym(`msg_dsc_prop_no_${what}`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
  a.bind(anon);
  a.mov(rdx, rax);
  a.lea(rdi, rip(sym('type_AttributeError')));
  a.lea(rsi, rip(sym(`msg_dsc_prop_anon_no_${what}`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
}

const propertyRoutines: RuntimeRoutine[] = [
  {
    name: 'rt_new_property',
    contract: 'new slot of property: (type address, args, nargs, kwnames) -> an empty property (PyType_GenericNew: arguments are for __init__); may allocate',
    emit(a: Assembler<any>) {
      prologue(a, [r12]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      allocFixed(a, r12, PROPERTY.size, 6);
      a.mov(rcx, g('dsc_int_zero'));
      a.mov(qword(mem(rax, PROPERTY.getterDoc)), rcx);
      boxPtr(a, rax, rcx);
      epilogue(a, [r12]);
    },
  },
  {
    name: 'rt_init_property',
    contract: "init slot of property: (self, args, nargs, kwnames) -> 0 or EXC; property(fget=None, fset=None, fdel=None, doc=None) as CPython's property_init (None accessors unset; no doc: fget's __doc__, set as an attribute on subclass instances); may allocate, may raise",
    emit(a: Assembler<any>) {
      // Locals: [rsp .. rsp+32) the four parsed arguments.
      const saved = [rbx, r12] as const;
      const out = a.newLabel();
      prologue(a, saved, 40);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, rsi);
      a.mov(rsi, rdx);
      a.mov(rdx, rcx);
      a.lea(rcx, rip(sym('dsc_spec_property')));
      a.mov(r8, rsp);
      a.call(sym('rt_descr_parse_kw'));
      onExc(a, out);
      for (const [i, f] of [[0, 'fget'], [1, 'fset'], [2, 'fdel']] as const) {
        a.mov(rax, qword(mem(rsp, 8 * i)));
        a.cmp(rax, g('rt_const_None'));
        a.cmove(rax, g('rt_const_unbound'));
        a.mov(qword(mem(r12, PROPERTY[f])), rax);
      }
      a.mov(rax, qword(mem(rsp, 24)));
      a.mov(qword(mem(r12, PROPERTY.doc)), rax);
      a.mov(rax, g('rt_const_unbound'));
      a.mov(qword(mem(r12, PROPERTY.name)), rax);
      a.mov(rax, g('dsc_int_zero'));
      a.mov(qword(mem(r12, PROPERTY.getterDoc)), rax);
      // No docstring given and a getter: the getter's __doc__.
      const done = a.newLabel();
      const noDoc = a.newLabel();
      a.mov(rax, qword(mem(rsp, 24)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noDoc);
      a.cmp(rax, g('rt_const_None'));
      a.jne(done);
      a.bind(noDoc);
      a.mov(rdi, qword(mem(r12, PROPERTY.fget)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(done);
      a.call(sym('rt_descr_doc_of'));
      onExc(a, out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(done);
      a.mov(rbx, rax);
      const sub = a.newLabel();
      const flag = a.newLabel();
      a.lea(rcx, rip(sym('type_property')));
      a.cmp(qword(mem(r12)), rcx);
      a.jne(sub);
      a.mov(qword(mem(r12, PROPERTY.doc)), rbx);
      a.jmp(flag);
      a.bind(sub);
      a.mov(rdi, r12);
      boxPtr(a, rdi, rax);
      a.mov(rsi, g('dsc_s___doc__.v'));
      a.mov(rdx, rbx);
      a.call(sym('rt_setattr'));
      onExc(a, out);
      a.bind(flag);
      a.mov(rax, g('dsc_int_one'));
      a.mov(qword(mem(r12, PROPERTY.getterDoc)), rax);
      a.bind(done);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved, 40);
    },
  },
  {
    name: 'rt_descrget_property',
    contract: "descrget slot of property: (property, instance or UNBOUND, owner) -> fget(instance); the property itself on the class (or for None, as CPython); AttributeError \"property 'x' of 'A' object has no getter\"; may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const self = a.newLabel();
      const missing = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.cmp(rsi, g('rt_const_unbound'));
      a.je(self);
      a.cmp(rsi, g('rt_const_None'));
      a.je(self);
      a.mov(rax, qword(mem(r12, PROPERTY.fget)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      callWith(a, atMem(r12, PROPERTY.fget), [inReg(r13)]);
      a.jmp(out);
      a.bind(self);
      a.mov(rax, r12);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(missing);
      noAccessor(a, r12, r13, 'getter', out);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_descrset_property',
    contract: "descrset slot of property: (property, instance, value or UNBOUND to delete) -> 0 after fset(instance, value) / fdel(instance), or EXC (AttributeError \"property 'x' of 'A' object has no setter\" / \"... has no deleter\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const del = a.newLabel();
      const check = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.cmp(r14, g('rt_const_unbound'));
      a.je(del);
      const noSetter = a.newLabel();
      a.mov(rax, qword(mem(r12, PROPERTY.fset)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noSetter);
      callWith(a, atMem(r12, PROPERTY.fset), [inReg(r13), inReg(r14)]);
      a.jmp(check);
      a.bind(noSetter);
      noAccessor(a, r12, r13, 'setter', out);
      a.bind(del);
      const noDeleter = a.newLabel();
      a.mov(rax, qword(mem(r12, PROPERTY.fdel)));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noDeleter);
      callWith(a, atMem(r12, PROPERTY.fdel), [inReg(r13)]);
      a.jmp(check);
      a.bind(noDeleter);
      noAccessor(a, r12, r13, 'deleter', out);
      a.bind(check);
      onExc(a, out);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_getattr_property',
    contract: 'getattr slot of property: (property, name) -> fget/fset/fdel/__doc__ (None when unset), else the generic lookup (methods getter, setter, deleter...), UNBOUND if absent, or EXC; may allocate',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const generic = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      nameIndex(a, rsi, 'dsc_names_property');
      a.test(rax, rax);
      a.js(generic);
      a.mov(rcx, r12);
      unboxPtr(a, rcx);
      a.mov(rax, qword(sib(rcx, rax, 8, PROPERTY.fget)));
      a.cmp(rax, g('rt_const_unbound'));
      a.cmove(rax, g('rt_const_None'));
      a.jmp(out);
      a.bind(generic);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.xor(edx, edx);
      a.call(sym('rt_descr_getattr_generic'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_setattr_property',
    contract: 'setattr slot of property: (property, name, value or UNBOUND) -> 0 or EXC; __doc__ is writable, fget/fset/fdel are AttributeError("readonly attribute"), other names as object.__setattr__ without a dict; may allocate',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const generic = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      nameIndex(a, rsi, 'dsc_names_property');
      a.test(rax, rax);
      a.js(generic);
      const doc = a.newLabel();
      a.cmp(eax, 3);
      a.je(doc);
      a.lea(rdi, rip(sym('type_AttributeError')));
      a.lea(rsi, rip(sym('msg_dsc_readonly')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(doc);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(qword(mem(rax, PROPERTY.doc)), r14);
      a.xor(eax, eax);
      a.jmp(out);
      a.bind(generic);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.xor(ecx, ecx);
      a.call(sym('rt_descr_setattr_generic'));
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_property_copy',
    contract: "rdi=property value, rsi=new getter, rdx=new setter, rcx=new deleter (UNBOUND or None: keep the old one) -> rax=type(p)(fget, fset, fdel, doc) with the name kept (CPython's property_copy), or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      // Locals: the four call arguments at [rsp].
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      prologue(a, saved, 40);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      for (const [i, src, f] of [[0, rsi, 'fget'], [1, rdx, 'fset'], [2, rcx, 'fdel']] as const) {
        const keep = a.newLabel();
        const given = a.newLabel();
        a.cmp(src, g('rt_const_unbound'));
        a.je(keep);
        a.cmp(src, g('rt_const_None'));
        a.jne(given);
        a.bind(keep);
        a.mov(src, qword(mem(r12, PROPERTY[f])));
        a.cmp(src, g('rt_const_unbound'));
        a.cmove(src, g('rt_const_None'));
        a.bind(given);
        a.mov(qword(mem(rsp, 8 * i)), src);
      }
      // doc: None when the old doc came from its getter and there is a getter now.
      const oldDoc = a.newLabel();
      const docDone = a.newLabel();
      a.mov(rax, qword(mem(r12, PROPERTY.getterDoc)));
      a.cmp(rax, g('dsc_int_zero'));
      a.je(oldDoc);
      a.mov(rax, qword(mem(rsp)));
      a.cmp(rax, g('rt_const_None'));
      a.je(oldDoc);
      a.mov(rax, g('rt_const_None'));
      a.jmp(docDone);
      a.bind(oldDoc);
      a.mov(rax, qword(mem(r12, PROPERTY.doc)));
      a.cmp(rax, g('rt_const_unbound'));
      a.cmove(rax, g('rt_const_None'));
      a.bind(docDone);
      a.mov(qword(mem(rsp, 24)), rax);
      a.mov(rdi, qword(mem(r12)));
      boxPtr(a, rdi, rax);
      a.mov(rsi, rsp);
      a.mov(edx, 4);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      onExc(a, out);
      a.mov(r13, rax);
      a.mov(rdi, rax);
      a.lea(rsi, rip(sym('type_property')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      const done = a.newLabel();
      a.je(done);
      a.mov(rax, r13);
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(r12, PROPERTY.name)));
      a.mov(qword(mem(rax, PROPERTY.name)), rcx);
      a.bind(done);
      a.mov(rax, r13);
      a.bind(out);
      epilogue(a, saved, 40);
    },
  },
  ...(['getter', 'setter', 'deleter'] as const).map((m, i): RuntimeRoutine => ({
    name: `rt_property_meth_${m}`,
    contract: `property.${m}(f): vector ABI -> a copy of the property with ${['fget', 'fset', 'fdel'][i]} = f, or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      methodSelfCheck(a, 'property', `dsc_q_property_${m}`, `dsc_n_${m}`, out);
      // METH_O: exactly one argument, no keywords.
      const kwOk = a.newLabel();
      a.test(r14, r14);
      a.je(kwOk);
      raiseFmt(a, 'TypeError', 'msg_dsc_no_kwargs', [addrOf(`dsc_q_property_${m}`)], out);
      a.bind(kwOk);
      const countOk = a.newLabel();
      a.cmp(r13, 2);
      a.je(countOk);
      a.lea(rax, mem(r13, -1));
      raiseFmt(a, 'TypeError', 'msg_dsc_one_arg', [addrOf(`dsc_q_property_${m}`), inReg(rax)], out);
      a.bind(countOk);
      a.mov(rdi, qword(mem(r12)));
      a.mov(rax, g('rt_const_unbound'));
      a.mov(rsi, rax);
      a.mov(rdx, rax);
      a.mov(rcx, rax);
      a.mov([rsi, rdx, rcx][i], qword(mem(r12, 8)));
      a.call(sym('rt_property_copy'));
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  })),
  {
    name: 'rt_property_meth_set_name',
    contract: 'property.__set_name__(owner, name): vector ABI -> None, the name kept for error messages; TypeError "__set_name__() takes 2 positional arguments but N were given"; may allocate',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      methodSelfCheck(a, 'property', 'dsc_q_property___set_name__', 'dsc_n___set_name__', out);
      const kwOk = a.newLabel();
      a.test(r14, r14);
      a.je(kwOk);
      raiseFmt(a, 'TypeError', 'msg_dsc_no_kwargs', [addrOf('dsc_q_property___set_name__')], out);
      a.bind(kwOk);
      const countOk = a.newLabel();
      a.cmp(r13, 3);
      a.je(countOk);
      a.lea(rax, mem(r13, -1));
      raiseFmt(a, 'TypeError', 'msg_dsc_set_name_args', [inReg(rax)], out);
      a.bind(countOk);
      a.mov(rax, qword(mem(r12)));
      unboxPtr(a, rax);
      a.mov(rcx, qword(mem(r12, 16)));
      a.mov(qword(mem(rax, PROPERTY.name)), rcx);
      a.mov(rax, g('rt_const_None'));
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  },
];

// ---- classmethod and staticmethod --------------------------------------------------------------

const WRAPS_NAMES = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'] as const;

function wrappedRoutines(kind: 'classmethod' | 'staticmethod'): RuntimeRoutine[] {
  return [
    {
      name: `rt_new_${kind}`,
      contract: `new slot of ${kind}: (type address, args, nargs, kwnames) -> an empty ${kind} (arguments are for __init__); may allocate`,
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        allocFixed(a, r12, WRAPPED.size, 2);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: `rt_init_${kind}`,
      contract: `init slot of ${kind}: (self, args, nargs, kwnames) -> 0 or EXC; ${kind}(callable) keeps the callable and copies its __module__, __name__, __qualname__, __doc__, __annotations__ into the object's dict (functools.wraps, CPython 3.10+); TypeError "${kind} expected 1 argument, got N", "${kind}() takes no keyword arguments"; may allocate, may raise`,
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        const kwOk = a.newLabel();
        a.test(rcx, rcx);
        a.je(kwOk);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.je(kwOk);
        raiseFmt(a, 'TypeError', 'msg_dsc_no_kwargs', [addrOf(`dsc_n_${kind}`)], out);
        a.bind(kwOk);
        const countOk = a.newLabel();
        a.cmp(rdx, 1);
        a.je(countOk);
        a.mov(rax, rdx);
        raiseFmt(a, 'TypeError', 'msg_dsc_expected_1', [addrOf(`dsc_n_${kind}`), inReg(rax)], out);
        a.bind(countOk);
        a.mov(rsi, qword(mem(r13)));
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(qword(mem(rax, WRAPPED.callable)), rsi);
        a.mov(rdi, r12);
        a.call(sym('rt_descr_wraps'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: `rt_getattr_${kind}`,
      contract: `getattr slot of ${kind}: (object, name) -> __func__/__wrapped__ (the callable, None when unset), __dict__, else the generic lookup with the object's dict; UNBOUND if absent, or EXC; may allocate`,
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const generic = a.newLabel();
        const dict = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        nameIndex(a, rsi, 'dsc_names_wrapped');
        a.test(rax, rax);
        a.js(generic);
        a.cmp(eax, 2);
        a.je(dict);
        fieldOrNone(a, r12, WRAPPED.callable);
        a.jmp(out);
        a.bind(dict);
        a.lea(rdi, mem(r12, WRAPPED.dict));
        a.call(sym('rt_descr_dict_of'));
        a.jmp(out);
        a.bind(generic);
        a.mov(rdi, r12);
        boxPtr(a, rdi, rax);
        a.mov(rsi, r13);
        a.lea(rdx, mem(r12, WRAPPED.dict));
        a.call(sym('rt_descr_getattr_generic'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: `rt_setattr_${kind}`,
      contract: `setattr slot of ${kind}: (object, name, value or UNBOUND) -> 0 or EXC; __func__/__wrapped__ are AttributeError("readonly attribute"), __dict__ must be a dict, other names go to the object's dict; may allocate`,
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const generic = a.newLabel();
        const dict = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        nameIndex(a, rsi, 'dsc_names_wrapped');
        a.test(rax, rax);
        a.js(generic);
        a.cmp(eax, 2);
        a.je(dict);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('msg_dsc_readonly')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(dict);
        a.lea(rdi, mem(r12, WRAPPED.dict));
        a.mov(rsi, r14);
        a.call(sym('rt_descr_set_dict'));
        a.jmp(out);
        a.bind(generic);
        a.mov(rdi, r12);
        boxPtr(a, rdi, rax);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.lea(rcx, mem(r12, WRAPPED.dict));
        a.call(sym('rt_descr_setattr_generic'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: `rt_repr_${kind}`,
      contract: `repr slot of ${kind}: -> "<${kind}(repr of the callable)>" ("<${kind}(<NULL>)>" when unset), or EXC; may allocate, may raise`,
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const unset = a.newLabel();
        prologue(a, [r12], 8);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, WRAPPED.callable)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(unset);
        a.mov(qword(mem(rsp)), rax);
        a.lea(rdi, rip(sym(`msg_dsc_repr_${kind}`)));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(unset);
        a.lea(rdi, rip(sym(`dsc_repr_${kind}_null`)));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.bind(out);
        epilogue(a, [r12], 8);
      },
    },
    {
      name: `rt_descrget_${kind}`,
      contract: kind === 'classmethod'
        ? "descrget slot of classmethod: (cm, instance or UNBOUND, owner or UNBOUND) -> the callable bound to the owner (type(instance) without one): the callable's own descrget(owner, owner) when it has one, else a method object; RuntimeError \"uninitialized classmethod object\"; may allocate, may raise"
        : 'descrget slot of staticmethod: (sm, instance, owner) -> the callable itself; RuntimeError "uninitialized staticmethod object"; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const unset = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, qword(mem(r12, WRAPPED.callable)));
        a.cmp(r13, g('rt_const_unbound'));
        a.je(unset);
        if (kind === 'staticmethod') {
          a.mov(rax, r13);
          a.jmp(out);
        } else {
          const haveOwner = a.newLabel();
          a.mov(r14, rdx);
          a.cmp(r14, g('rt_const_unbound'));
          a.jne(haveOwner);
          a.mov(rdi, rsi);
          a.call(sym('rt_type_of'));
          a.mov(r14, rax);
          boxPtr(a, r14, rax);
          a.bind(haveOwner);
          const noSlot = a.newLabel();
          ifNotObject(a, r13, rax, noSlot);
          a.mov(rax, r13);
          unboxPtr(a, rax);
          a.mov(rax, qword(mem(rax)));
          a.mov(rcx, qword(mem(rax, typeSlot('descrget'))));
          a.test(rcx, rcx);
          a.je(noSlot);
          a.mov(rdi, r13);
          a.mov(rsi, r14);
          a.mov(rdx, r14);
          a.call(rcx);
          a.jmp(out);
          a.bind(noSlot);
          a.mov(edi, METHOD.size);
          a.lea(rsi, rip(sym('type_method')));
          a.call(sym('rt_alloc'));
          a.mov(qword(mem(rax, METHOD.func)), r13);
          a.mov(qword(mem(rax, METHOD.self)), r14);
          boxPtr(a, rax, rcx);
          a.jmp(out);
        }
        a.bind(unset);
        a.lea(rdi, rip(sym('type_RuntimeError')));
        a.lea(rsi, rip(sym(`msg_dsc_uninit_${kind}`)));
        a.call(sym('rt_raise_cstr'));
        a.bind(out);
        epilogue(a, [r12, r13, r14]);
      },
    },
  ];
}

const staticCall: RuntimeRoutine = {
  name: 'rt_call_staticmethod',
  contract: 'call slot of staticmethod (callable since 3.10): calls the wrapped callable with the same arguments (see rt_call); RuntimeError "uninitialized staticmethod object"; may allocate, may raise',
  emit(a: Assembler<any>) {
    const unset = a.newLabel();
    a.mov(rax, rdi);
    unboxPtr(a, rax);
    a.mov(rdi, qword(mem(rax, WRAPPED.callable)));
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(unset);
    a.jmp(sym('rt_call'));
    a.bind(unset);
    a.lea(rdi, rip(sym('type_RuntimeError')));
    a.lea(rsi, rip(sym('msg_dsc_uninit_staticmethod')));
    a.jmp(sym('rt_raise_cstr'));
  },
};

const wrapsRoutines: RuntimeRoutine[] = [
  {
    name: 'rt_descr_wraps',
    contract: "rdi=classmethod or staticmethod value, rsi=callable -> rax=0 or EXC: copies the callable's __module__, __name__, __qualname__, __doc__ and __annotations__ (those it has) into the object's dict, as CPython's functools_wraps; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const out = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.lea(rdi, mem(r12, WRAPPED.dict));
      a.call(sym('rt_descr_dict_of'));
      a.mov(r14, rax);
      // Python functions: their fields directly (the annotations dict is created on demand,
      // as reading f.__annotations__ does).
      const generic = a.newLabel();
      const done = a.newLabel();
      ifNotObject(a, r13, rax, generic);
      a.mov(rbx, r13);
      unboxPtr(a, rbx);
      a.lea(rax, rip(sym('type_function')));
      a.cmp(qword(mem(rbx)), rax);
      a.jne(generic);
      {
        const haveAnn = a.newLabel();
        a.mov(rax, qword(mem(rbx, FUNCTION.annotations)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(haveAnn);
        a.call(sym('rt_dict_new'));
        a.mov(qword(mem(rbx, FUNCTION.annotations)), rax);
        a.bind(haveAnn);
        for (const [n, off] of [['__module__', FUNCTION.module], ['__name__', FUNCTION.name], ['__qualname__', FUNCTION.qualname], ['__doc__', FUNCTION.doc], ['__annotations__', FUNCTION.annotations]] as const) {
          const skip = a.newLabel();
          a.mov(rdx, qword(mem(rbx, off)));
          a.cmp(rdx, g('rt_const_unbound'));
          a.je(skip);
          a.mov(rdi, r14);
          a.mov(rsi, g(`dsc_s_${n}.v`));
          a.call(sym('rt_dict_setitem'));
          onExc(a, out);
          a.bind(skip);
        }
        a.jmp(done);
      }
      a.bind(generic);
      for (const n of WRAPS_NAMES) {
        const skip = a.newLabel();
        a.mov(rdi, r13);
        a.mov(rsi, g(`dsc_s_${n}.v`));
        a.call(sym('rt_descr_getattr_opt'));
        onExc(a, out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(skip);
        a.mov(rdi, r14);
        a.mov(rsi, g(`dsc_s_${n}.v`));
        a.mov(rdx, rax);
        a.call(sym('rt_dict_setitem'));
        onExc(a, out);
        a.bind(skip);
      }
      a.bind(done);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved);
    },
  },
];


export const descrModule: RuntimeModule = {
  name: 'descr',
  types: [
    { name: 'property', layout: 'fixed', subclassable: true },
    { name: 'classmethod', layout: 'fixed', subclassable: true },
    { name: 'staticmethod', layout: 'fixed', subclassable: true },
  ],
  methods: [
    { type: 'property', name: 'getter', entry: 'rt_property_meth_getter' },
    { type: 'property', name: 'setter', entry: 'rt_property_meth_setter' },
    { type: 'property', name: 'deleter', entry: 'rt_property_meth_deleter' },
    { type: 'property', name: '__set_name__', entry: 'rt_property_meth_set_name' },
  ] satisfies RuntimeMethod[],
  routines: [...propertyRoutines, ...wrappedRoutines('classmethod'), ...wrappedRoutines('staticmethod'), staticCall, ...wrapsRoutines],
  data: [
    kwSpec('dsc_spec_property', 'property', ['fget', 'fset', 'fdel', 'doc']),
    nameTable('dsc_names_property', PROPERTY_NAMES),
    nameTable('dsc_names_wrapped', ['__func__', '__wrapped__', '__dict__']),
    ...(['getter', 'setter', 'deleter'] as const).flatMap((w) => [
      cstr(`msg_dsc_prop_no_${w}`, `property %R of %R object has no ${w}`),
      cstr(`msg_dsc_prop_anon_no_${w}`, `property of %R object has no ${w}`),
      cstr(`dsc_q_property_${w}`, `property.${w}`),
      cstr(`dsc_n_${w}`, w),
    ]),
    cstr('dsc_q_property___set_name__', 'property.__set_name__'),
    cstr('dsc_n___set_name__', '__set_name__'),
    cstr('msg_dsc_set_name_args', '__set_name__() takes 2 positional arguments but %d were given'),
    cstr('msg_dsc_readonly', 'readonly attribute'),
    cstr('msg_dsc_expected_1', '%s expected 1 argument, got %d'),
    ...(['classmethod', 'staticmethod'] as const).flatMap((k) => [
      cstr(`dsc_n_${k}`, k),
      cstr(`msg_dsc_repr_${k}`, `<${k}(%R)>`),
      cstr(`dsc_repr_${k}_null`, `<${k}(<NULL>)>`),
      cstr(`msg_dsc_uninit_${k}`, `uninitialized ${k} object`),
    ]),
  ],
};
