// Runtime core: the toolkit of the descriptor types (descr.ts, descrsuper.ts) and exception
// attributes (excattrs.ts): object layouts, emit helpers, keyword-argument parsing and the
// generic attribute protocol.
//
// rt_descr_getattr_generic / rt_descr_setattr_generic are object.__getattribute__ and
// object.__setattr__ (CPython 3.11 Objects/object.c _PyObject_GenericGetAttrWithDict) over an
// instance-dict word the caller names (attrs.ts rt_getattr_generic finds it by layout; these
// types keep theirs in a field): a data descriptor (descrget and descrset slots) found in
// type(obj)'s MRO wins, then the instance dict, then the other class attributes, bound by
// attrs.ts rt_descr_get. Objects of these types are `fixed` layout (aux = number of value
// fields); a field holding UNBOUND is CPython's NULL.

import { type Assembler, type Gpr, type Label, dword, eax, ebx, ecx, edx, mem, qword, r12, r13, r14, r15, r8, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { DUMMY, EXCEPTION, FUNCTION, HDR_AUX, INSTANCE, LAYOUTS, TAG_OBJ, TUPLE, TYPE, TYPEFLAG_BUILTIN, TYPEFLAG_NO_DICT, boxInt, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { containerSubDictAddr } from './builtinsub.js';
import { cstr } from './exc.js';
import { intSubDictAddr, strSubDictAddr } from './intsub.js';

type R64 = Gpr<64>;

/** property objects: the three accessors, the docstring, the name from __set_name__, getter_doc. */
export const PROPERTY = { fget: 16, fset: 24, fdel: 32, doc: 40, name: 48, getterDoc: 56, size: 64 } as const;
/** classmethod and staticmethod objects: the wrapped callable and the __dict__ (functools.wraps copies). */
export const WRAPPED = { callable: 16, dict: 24, size: 32 } as const;
/** super objects: the class (type value), the object or class bound, and its type (type value). */
export const SUPER = { type: 16, obj: 24, objType: 32, size: 40 } as const;


// ---- emit helpers shared with excattrs.ts and wrappers.ts ------------------------------------

/** Loads one rt_raise_fmt argument into `dst`; `reads` is the register it reads, if any. */
export type FmtArg = ((a: Assembler<any>, dst: R64) => void) & { reads?: R64 };
export const inReg = (r: R64): FmtArg =>
  Object.assign((a: Assembler<any>, d: R64) => {
    if (d !== r) a.mov(d, r);
  }, { reads: r });
export const atMem = (base: R64, off = 0): FmtArg => Object.assign((a: Assembler<any>, d: R64) => a.mov(d, qword(mem(base, off))), { reads: base });
export const addrOf = (s: string): FmtArg => (a, d) => a.lea(d, rip(sym(s)));
export const imm = (v: number): FmtArg => (a, d) => a.mov(d, v);

/** rax = EXC after raising `type`(msg % args) (exc.ts formats); then jump to `out` if given. */
export function raiseFmt(a: Assembler<any>, type: string, msg: string, args: readonly FmtArg[], out?: Label): void {
  const dsts = [rdx, rcx, r8, r9] as const;
  if (args.length > dsts.length) throw new Error(`${msg}: at most four format arguments`);
  // Arguments load in order: none may read a register an earlier one has overwritten.
  args.forEach((f, i) => {
    if (f.reads !== undefined && (dsts as readonly R64[]).slice(0, i).includes(f.reads)) throw new Error(`${msg}: argument ${i} reads an overwritten register`);
    f(a, dsts[i]);
  });
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_fmt'));
  if (out !== undefined) a.jmp(out);
}

/** Jump to `no` unless the value in `v` is an object. Clobbers `t`. */
export function ifNotObject(a: Assembler<any>, v: R64, t: R64, no: Label): void {
  a.mov(t, v);
  a.shr(t, 48);
  a.cmp(t, TAG_OBJ);
  a.jne(no);
}

/** `cmp rax, EXC; je to`. */
export function onExc(a: Assembler<any>, to: Label): void {
  a.cmp(rax, g('rt_const_exc'));
  a.je(to);
}

/**
 * A table of attribute names for rt_descr_name_index: NULL-terminated pointers to C strings,
 * the strings after them.
 */
export function nameTable(name: string, names: readonly string[]): RuntimeDatum {
  return {
    name,
    section: 'rodata',
    align: 8,
    emit(a) {
      const labels = names.map(() => a.newLabel());
      for (const l of labels) a.u64(l);
      a.u64(0n);
      names.forEach((n, i) => {
        a.bind(labels[i]);
        a.bytes(new TextEncoder().encode(`${n}\0`));
      });
    },
  };
}

/** rax = index of the str value in `nameReg` in the table `table`, or -1. Clobbers caller-saved. */
export function nameIndex(a: Assembler<any>, nameReg: R64, table: string): void {
  if (nameReg !== rdi) a.mov(rdi, nameReg);
  a.lea(rsi, rip(sym(table)));
  a.call(sym('rt_descr_name_index'));
}

/** A static str `<sym>` and the rodata word `<sym>.v` holding its boxed value. */
export function staticStr(name: string, text: string): RuntimeDatum[] {
  return [
    { name, section: 'rodata', align: 16, emit: (a) => emitStr(a, text) },
    { name: `${name}.v`, section: 'rodata', align: 8, emit: (a) => a.u64(sym(`box:${name}`)) },
  ];
}

/**
 * rax = raw address of a new object of the type whose raw address is in `typeReg`
 * (callee-saved): max(type.instanceSize, size) bytes, `nfields` value fields UNBOUND, aux =
 * nfields. May allocate.
 */
export function allocFixed(a: Assembler<any>, typeReg: R64, size: number, nfields: number): void {
  a.mov(rdi, qword(mem(typeReg, TYPE.instanceSize)));
  a.mov(eax, size);
  a.cmp(rdi, rax);
  a.cmovb(rdi, rax);
  a.mov(rsi, typeReg);
  a.call(sym('rt_alloc'));
  a.mov(dword(mem(rax, HDR_AUX)), nfields);
  a.mov(rcx, UNBOUND);
  for (let i = 0; i < nfields; i++) a.mov(qword(mem(rax, 16 + 8 * i)), rcx);
}

/**
 * The argument checks of a builtin method entry (vector ABI, r12 = args, r13 = nargs) as
 * CPython's method descriptors make them: "unbound method property.getter() needs an
 * argument", "descriptor 'getter' for 'property' objects doesn't apply to a 'int' object".
 * Jumps to `out` with rax = EXC. Clobbers caller-saved.
 */
export function methodSelfCheck(a: Assembler<any>, typeName: string, qualnameSym: string, shortSym: string, out: Label): void {
  const have = a.newLabel();
  const ok = a.newLabel();
  a.test(r13, r13);
  a.jne(have);
  raiseFmt(a, 'TypeError', 'msg_dsc_unbound_needs_arg', [addrOf(qualnameSym)], out);
  a.bind(have);
  a.mov(rdi, qword(mem(r12)));
  a.lea(rsi, rip(sym(`type_${typeName}`)));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.jne(ok);
  raiseFmt(a, 'TypeError', 'msg_dsc_doesnt_apply', [addrOf(shortSym), addrOf(`type_${typeName}`), atMem(r12)], out);
  a.bind(ok);
}

/** Machine-stack argument array for rt_call: `values` pushed in order, rsi = their address. */
export function callWith(a: Assembler<any>, callee: FmtArg, values: readonly FmtArg[]): void {
  const n = values.length;
  const bytes = 8 * (n + (n % 2));
  a.sub(rsp, bytes);
  values.forEach((v, i) => {
    v(a, rax);
    a.mov(qword(mem(rsp, 8 * i)), rax);
  });
  callee(a, rdi);
  a.mov(rsi, rsp);
  a.mov(edx, n);
  a.xor(ecx, ecx);
  a.call(sym('rt_call'));
  a.add(rsp, bytes);
}

// ---- argument parsing with keywords (PyArg_ParseTupleAndKeywords, all optional) ------------

/** A keyword-capable argument spec record: +0 count, +8 fname cstr, +16.. name cstrs. */
export function kwSpec(name: string, fname: string, params: readonly string[]): RuntimeDatum {
  return {
    name,
    section: 'rodata',
    align: 8,
    emit(a) {
      const f = a.newLabel();
      const labels = params.map(() => a.newLabel());
      a.u64(params.length);
      a.u64(f);
      for (const l of labels) a.u64(l);
      a.bind(f);
      a.bytes(new TextEncoder().encode(`${fname}\0`));
      params.forEach((p, i) => {
        a.bind(labels[i]);
        a.bytes(new TextEncoder().encode(`${p}\0`));
      });
    },
  };
}

function parseKwRoutine(): RuntimeRoutine {
  return {
    name: 'rt_descr_parse_kw',
    contract: "rdi=args, rsi=nargs (positional then keyword), rdx=kwnames or 0, rcx=spec (descr.ts kwSpec), r8=out words (one per parameter) -> rax=0 with each parameter's value or UNBOUND, or EXC (CPython's vgetargskeywords: \"property() takes at most 4 arguments (5 given)\", \"argument for property() given by name ('fget') and position (1)\", \"'x' is an invalid keyword argument for property()\"); may allocate",
    emit(a: Assembler<any>) {
      // Locals: [rsp] nkw, [rsp+8] npos, [rsp+16] kwnames.
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      prologue(a, saved, 24);
      a.mov(r12, rdi);
      a.mov(r13, rcx); // spec
      a.mov(r14, r8); // out
      a.mov(qword(mem(rsp, 16)), rdx);
      a.xor(eax, eax);
      const noKw = a.newLabel();
      a.test(rdx, rdx);
      a.je(noKw);
      a.mov(rax, rdx);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, TUPLE.length)));
      a.bind(noKw);
      a.mov(qword(mem(rsp)), rax);
      a.mov(rcx, rsi);
      a.sub(rcx, rax);
      a.mov(qword(mem(rsp, 8)), rcx);
      // Every parameter starts unbound.
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.xor(ecx, ecx);
        a.mov(rax, UNBOUND);
        a.bind(loop);
        a.cmp(rcx, qword(mem(r13)));
        a.jae(done);
        a.mov(qword(sib(r14, rcx, 8)), rax);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
      }
      // "takes at most N [keyword ]arguments (M given)": "keyword " when none is positional.
      {
        const fits = a.newLabel();
        a.mov(rbx, rsi);
        a.cmp(rbx, qword(mem(r13)));
        a.jbe(fits);
        a.sub(rsp, 40);
        a.mov(rax, qword(mem(r13, 8)));
        a.mov(qword(mem(rsp)), rax);
        a.mov(rax, qword(mem(r13)));
        a.mov(qword(mem(rsp, 8)), rax);
        a.lea(rax, rip(sym('dsc_str_keyword_sp')));
        a.lea(rcx, rip(sym('dsc_str_empty')));
        a.cmp(qword(mem(rsp, 40 + 8)), 0);
        a.cmovne(rax, rcx);
        a.mov(qword(mem(rsp, 16)), rax);
        a.lea(rax, rip(sym('dsc_str_s')));
        a.cmp(qword(mem(r13)), 1);
        a.cmove(rax, rcx);
        a.mov(qword(mem(rsp, 24)), rax);
        a.mov(qword(mem(rsp, 32)), rbx);
        a.lea(rdi, rip(sym('msg_dsc_at_most')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.add(rsp, 40);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.mov(rsi, rax);
        a.call(sym('rt_raise_msg'));
        a.jmp(out);
        a.bind(fits);
      }
      // Positional arguments.
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rcx, qword(mem(rsp, 8)));
        a.jae(done);
        a.mov(rax, qword(sib(r12, rcx, 8)));
        a.mov(qword(sib(r14, rcx, 8)), rax);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
      }
      // A keyword naming a parameter already given by position (first such parameter).
      {
        const pLoop = a.newLabel();
        const pDone = a.newLabel();
        const kLoop = a.newLabel();
        const kDone = a.newLabel();
        a.xor(ebx, ebx);
        a.bind(pLoop);
        a.cmp(rbx, qword(mem(rsp, 8)));
        a.jae(pDone);
        a.xor(r15, r15);
        a.bind(kLoop);
        a.cmp(r15, qword(mem(rsp)));
        a.jae(kDone);
        a.mov(rdi, qword(mem(rsp, 16)));
        unboxPtr(a, rdi);
        a.mov(rdi, qword(sib(rdi, r15, 8, TUPLE.items)));
        a.mov(rsi, qword(sib(r13, rbx, 8, 16)));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        const next = a.newLabel();
        a.je(next);
        a.lea(rax, mem(rbx, 1));
        raiseFmt(a, 'TypeError', 'msg_dsc_name_and_pos', [atMem(r13, 8), (as, d) => as.mov(d, qword(sib(r13, rbx, 8, 16))), inReg(rax)], out);
        a.bind(next);
        a.inc(r15);
        a.jmp(kLoop);
        a.bind(kDone);
        a.inc(rbx);
        a.jmp(pLoop);
        a.bind(pDone);
      }
      // Keywords in order: each must name a parameter.
      {
        const kLoop = a.newLabel();
        const kDone = a.newLabel();
        const search = a.newLabel();
        const found = a.newLabel();
        a.xor(r15, r15);
        a.bind(kLoop);
        a.cmp(r15, qword(mem(rsp)));
        a.jae(kDone);
        a.xor(ebx, ebx);
        a.bind(search);
        const unknown = a.newLabel();
        a.cmp(rbx, qword(mem(r13)));
        a.jae(unknown);
        a.mov(rdi, qword(mem(rsp, 16)));
        unboxPtr(a, rdi);
        a.mov(rdi, qword(sib(rdi, r15, 8, TUPLE.items)));
        a.mov(rsi, qword(sib(r13, rbx, 8, 16)));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.jne(found);
        a.inc(rbx);
        a.jmp(search);
        a.bind(unknown);
        a.mov(rax, qword(mem(rsp, 16)));
        unboxPtr(a, rax);
        a.mov(rax, qword(sib(rax, r15, 8, TUPLE.items)));
        raiseFmt(a, 'TypeError', 'msg_dsc_invalid_kw', [inReg(rax), atMem(r13, 8)], out);
        a.bind(found);
        // out[param] = args[npos + k]
        a.mov(rax, qword(mem(rsp, 8)));
        a.add(rax, r15);
        a.mov(rax, qword(sib(r12, rax, 8)));
        a.mov(qword(sib(r14, rbx, 8)), rax);
        a.inc(r15);
        a.jmp(kLoop);
        a.bind(kDone);
      }
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved, 24);
    },
  };
}

// ---- generic attribute access ------------------------------------------------------------------

const genericRoutines: RuntimeRoutine[] = [
  {
    name: 'rt_descr_set_dict',
    contract: "rdi=address of an instance-dict word, rsi=new __dict__ value or UNBOUND -> rax=0 or EXC (TypeError \"__dict__ must be set to a dictionary, not a 'int'\", \"cannot delete __dict__\"); may allocate",
    emit(a: Assembler<any>) {
      const bad = a.newLabel();
      const del = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.cmp(rsi, g('rt_const_unbound'));
      a.je(del);
      a.mov(rdi, rsi);
      a.lea(rsi, rip(sym('type_dict')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(bad);
      a.mov(qword(mem(r12)), r13);
      a.xor(eax, eax);
      const out = a.newLabel();
      a.jmp(out);
      a.bind(bad);
      raiseFmt(a, 'TypeError', 'msg_dsc_dict_must_be', [inReg(r13)], out);
      a.bind(del);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_dsc_cannot_delete_dict')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },

  {
    name: 'rt_descr_name_index',
    contract: 'rdi=name str, rsi=name table (descr.ts nameTable) -> rax=index of the equal entry, or -1; no alloc',
    emit(a: Assembler<any>) {
      const loop = a.newLabel();
      const found = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.xor(r14, r14);
      a.bind(loop);
      a.mov(rsi, qword(sib(r13, r14, 8)));
      a.test(rsi, rsi);
      const none = a.newLabel();
      a.je(none);
      a.mov(rdi, r12);
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.jne(found);
      a.inc(r14);
      a.jmp(loop);
      a.bind(found);
      a.mov(rax, r14);
      a.jmp(out);
      a.bind(none);
      a.mov(rax, -1);
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_descr_getattr_generic',
    contract: "rdi=object, rsi=name str, rdx=address of the object's instance-dict word or 0 -> rax=attribute (object.__getattribute__: data descriptors of type(obj)'s MRO, the instance dict, then other class attributes bound by rt_descr_get, then __class__), UNBOUND if absent, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const noData = a.newLabel();
      const noDict = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.call(sym('rt_type_of'));
      a.mov(rbx, rax);
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.call(sym('rt_type_lookup'));
      onExc(a, out);
      a.mov(r15, rax);
      // A data descriptor (descrget and descrset) wins over the instance dict.
      ifNotObject(a, r15, rax, noData);
      a.mov(rax, r15);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax)));
      a.cmp(qword(mem(rax, typeSlot('descrset'))), 0);
      a.je(noData);
      a.mov(rcx, qword(mem(rax, typeSlot('descrget'))));
      a.test(rcx, rcx);
      a.je(noData);
      a.mov(rdi, r15);
      a.mov(rsi, r12);
      a.mov(rdx, rbx);
      boxPtr(a, rdx, rax);
      a.call(rcx);
      a.jmp(out);
      a.bind(noData);
      a.test(r14, r14);
      a.je(noDict);
      a.mov(rdi, qword(mem(r14)));
      ifNotObject(a, rdi, rax, noDict);
      a.mov(rsi, r13);
      a.call(sym('rt_dict_lookup_str'));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      a.bind(noDict);
      const found = a.newLabel();
      a.mov(rax, r15);
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(found);
      // Every object's __class__ (object's getset in CPython).
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('dsc_n___class__')));
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.mov(rax, g('rt_const_unbound'));
      a.je(out);
      a.mov(rax, rbx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(found);
      a.mov(rdi, r15);
      a.mov(rsi, r12);
      a.mov(rdx, rbx);
      boxPtr(a, rdx, rax);
      a.call(sym('rt_descr_get'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_descr_setattr_generic',
    contract: "rdi=object, rsi=name str, rdx=value or UNBOUND (delete), rcx=address of the object's instance-dict word or 0 -> rax=0 or EXC (object.__setattr__: a data descriptor of type(obj)'s MRO sets, else the instance dict, created on first use; AttributeError \"'T' object has no attribute 'x'\" / \"'T' object attribute 'x' is read-only\" without a dict); may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const noDescr = a.newLabel();
      const missing = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.mov(r15, rcx);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.call(sym('rt_type_lookup'));
      onExc(a, out);
      a.mov(rbx, rax);
      ifNotObject(a, rbx, rax, noDescr);
      a.mov(rax, rbx);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax)));
      a.mov(rcx, qword(mem(rax, typeSlot('descrset'))));
      a.test(rcx, rcx);
      a.je(noDescr);
      a.mov(rdi, rbx);
      a.mov(rsi, r12);
      a.mov(rdx, r14);
      a.call(rcx);
      a.jmp(out);
      a.bind(noDescr);
      {
        // obj.__class__ = cls (object's __class__ setter; instvalues.ts).
        const notClass = a.newLabel();
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('dsc_n___class__')));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(notClass);
        a.mov(rdi, r12);
        a.mov(rsi, r14);
        a.call(sym('rt_inst_set_class'));
        a.jmp(out);
        a.bind(notClass);
      }
      const haveDict = a.newLabel();
      a.test(r15, r15);
      a.jne(haveDict);
      a.cmp(rbx, g('rt_const_unbound'));
      a.je(missing);
      raiseFmt(a, 'AttributeError', 'msg_dsc_read_only', [inReg(r12), inReg(r13)], out);
      a.bind(haveDict);
      const store = a.newLabel();
      a.cmp(r14, g('rt_const_unbound'));
      a.jne(store);
      // Deletion: the name must be in the dict.
      a.mov(rdi, qword(mem(r15)));
      ifNotObject(a, rdi, rax, missing);
      a.mov(rsi, r13);
      a.mov(rdx, DUMMY);
      a.call(sym('rt_dict_pop'));
      onExc(a, out);
      a.mov(rcx, DUMMY);
      a.cmp(rax, rcx);
      a.je(missing);
      a.xor(eax, eax);
      a.jmp(out);
      a.bind(store);
      a.mov(rdi, r15);
      a.call(sym('rt_descr_dict_of'));
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.call(sym('rt_dict_setitem'));
      a.jmp(out);
      a.bind(missing);
      raiseFmt(a, 'AttributeError', 'msg_dsc_no_attr', [inReg(r12), inReg(r13)]);
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_descr_dict_of',
    contract: 'rdi=address of an instance-dict word -> rax=the dict value, a new empty dict stored there first when it holds none; may allocate',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, rdi);
      a.mov(rax, qword(mem(r12)));
      const none = a.newLabel();
      ifNotObject(a, rax, rcx, none);
      a.jmp(out);
      a.bind(none);
      a.call(sym('rt_dict_new'));
      a.mov(qword(mem(r12)), rax);
      a.bind(out);
      epilogue(a, [r12]);
    },
  },
  {
    name: 'rt_descr_dict_addr',
    contract: "rdi=object -> rax=address of its instance-dict word (instances of classes, exceptions, functions, classmethod/staticmethod objects), or 0 when it has none; an instance's inline values move into a dict first (may allocate)",
    emit(a: Assembler<any>) {
      const none = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      ifNotObject(a, rdi, rax, none);
      a.call(sym('rt_type_of'));
      a.mov(r13, rax);
      a.mov(rcx, qword(mem(r13, TYPE.layout)));
      for (const [kind, off] of [['instance', INSTANCE.dict], ['exception', EXCEPTION.dict], ['function', FUNCTION.dict]] as const) {
        const skip = a.newLabel();
        a.cmp(rcx, LAYOUTS[kind].id);
        a.jne(skip);
        if (kind === 'instance') {
          // A class with __slots__ and no dict (runtime/core/slots.ts).
          a.test(qword(mem(r13, TYPE.flags)), TYPEFLAG_NO_DICT);
          a.jne(none);
          // Inline values move into a dict first (instvalues.ts); the caller roots the object.
          a.mov(rdi, r12);
          boxPtr(a, rdi, rax);
          a.call(sym('rt_inst_materialize'));
        }
        a.lea(rax, mem(r12, off));
        a.jmp(out);
        a.bind(skip);
      }
      // Instances of int subclasses: the word after the limbs (intsub.ts).
      {
        const notIntSub = a.newLabel();
        a.cmp(rcx, LAYOUTS.intsub.id);
        a.jne(notIntSub);
        intSubDictAddr(a, r12);
        a.jmp(out);
        a.bind(notIntSub);
        const notStrSub = a.newLabel();
        a.cmp(rcx, LAYOUTS.strsub.id);
        a.jne(notStrSub);
        strSubDictAddr(a, r12);
        a.jmp(out);
        a.bind(notStrSub);
      }
      // Instances of dict, list and set subclasses: the word after the base's fields
      // (classes.ts, builtinsub.ts).
      containerSubDictAddr(a, r12, r13, rcx, out, none);
      a.cmp(rcx, LAYOUTS.fixed.id);
      a.jne(none);
      for (const t of ['classmethod', 'staticmethod'] as const) {
        const skip = a.newLabel();
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym(`type_${t}`)));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(skip);
        a.lea(rax, mem(r12, WRAPPED.dict));
        a.jmp(out);
        a.bind(skip);
      }
      a.bind(none);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_descr_getattr_opt',
    contract: 'rdi=object, rsi=name str -> rax=getattr(object, name), UNBOUND when that raised AttributeError (cleared), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      a.sub(rsp, 8);
      a.call(sym('rt_getattr'));
      a.cmp(rax, g('rt_const_exc'));
      a.jne(out);
      a.mov(rdi, g('rt_exc'));
      a.lea(rsi, rip(sym('type_AttributeError')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.mov(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rax, g('rt_const_unbound'));
      a.mov(g('rt_exc'), rax);
      a.bind(out);
      a.add(rsp, 8);
      a.ret();
    },
  },
  {
    name: 'rt_descr_doc_of',
    contract: "rdi=callable -> rax=its __doc__ (a Python function's docstring word directly, else getattr), UNBOUND when it has none, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      const generic = a.newLabel();
      ifNotObject(a, rdi, rax, generic);
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.lea(rcx, rip(sym('type_function')));
      a.cmp(qword(mem(rax)), rcx);
      a.jne(generic);
      a.mov(rax, qword(mem(rax, FUNCTION.doc)));
      a.ret();
      a.bind(generic);
      a.mov(rsi, g('dsc_s___doc__.v'));
      a.jmp(sym('rt_descr_getattr_opt'));
    },
  },
];


/** Static strs of attribute names the helpers look up or store (`dsc_s_<name>.v`). */
export const KIT_STRS = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__', '__notes__', 'NULL'] as const;

export const descrKitModule: RuntimeModule = {
  name: 'descrkit',
  routines: [parseKwRoutine(), ...genericRoutines],
  data: [
    ...KIT_STRS.flatMap((n) => staticStr(`dsc_s_${n}`, n)),
    { name: 'dsc_int_zero', section: 'rodata', align: 8, emit: (a) => a.u64(boxInt(0n)) },
    { name: 'dsc_int_one', section: 'rodata', align: 8, emit: (a) => a.u64(boxInt(1n)) },
    cstr('dsc_str_keyword_sp', 'keyword '),
    cstr('dsc_str_empty', ''),
    cstr('dsc_str_s', 's'),
    cstr('msg_dsc_at_most', '%s() takes at most %d %sargument%s (%d given)'),
    cstr('msg_dsc_name_and_pos', "argument for %s() given by name ('%s') and position (%d)"),
    cstr('msg_dsc_invalid_kw', "'%U' is an invalid keyword argument for %s()"),
    cstr('msg_dsc_read_only', "'%T' object attribute '%U' is read-only"),
    cstr('msg_dsc_no_attr', "'%T' object has no attribute '%U'"),
    cstr('msg_dsc_unbound_needs_arg', 'unbound method %s() needs an argument'),
    cstr('msg_dsc_doesnt_apply', "descriptor '%s' for '%N' objects doesn't apply to a '%T' object"),
    cstr('msg_dsc_no_kwargs', '%s() takes no keyword arguments'),
    cstr('msg_dsc_one_arg', '%s() takes exactly one argument (%d given)'),
    cstr('msg_dsc_dict_must_be', "__dict__ must be set to a dictionary, not a '%T'"),
    cstr('msg_dsc_cannot_delete_dict', 'cannot delete __dict__'),
    cstr('dsc_n___class__', '__class__'),
  ],
};
