// Runtime: layouts of instances of Python subclasses of builtin container and number types
// (list, set, frozenset, dict, float, complex).
//
// CPython gives every heap subclass of a builtin type an instance dict placed after the
// base's own fields (type_new's tp_dictoffset, Objects/typeobject.c). Natively the builtin's
// new slot allocates an object of the subclass with TYPE.instanceSize bytes (classes.ts
// rt_new_type sets base size + 8), so the builtin routines, which test the LAYOUT of their
// operands (listshared.ts ifLayout), see the instance as the base; the word at the base's
// size is the instance dict (UNBOUND until first store). The collector scans non-raw objects
// whole, so that word is traced with no change there.
//
// float is an immediate (a NaN-boxed double) natively, so an instance of a float subclass is
// a heap object of layout `floatsub`: the double at FLOATSUB.value, the dict word after it.
// The float routines take one wherever they take a float: the type slots unbox it on entry
// (floatSubUnbox), rt_float_as_double reads it, the methods read self through it; results
// of arithmetic are exact floats, as in CPython. A complex subclass's instance is a COMPLEX
// of the class (layout `complexsub`) with the dict word after the two doubles; the complex
// routines accept it wherever they accept a complex (complex.ts rt_complex_exact & co.).
// float.__new__ / complex.__new__ with a subclass compute the exact value, then copy it into
// an instance of the class (rt_floatsub_new, rt_complexsub_new).
//
// This table is the single source for rt_new_type (which layouts and which solid bases may
// be subclassed), rt_instance_dict_slot (attrs.ts) and rt_descr_dict_addr (descrkit.ts).

import { type Assembler, type Gpr, type Label, eax, ecx, edx, esi, mem, qword, r11, r12, r13, r14, r14d, rax, rcx, rdi, rdx, rip, rsi, rsp, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { COMPLEX, DICT, LAYOUTS, LIST, SET, TAG_MIN, TAG_OBJ, TYPE, TYPEFLAG_BUILTIN, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';

/** An instance of a float subclass (layout floatsub): the double, then the dict word. */
export const FLOATSUB = { value: 16, dict: 24, size: 32 } as const;

/** Layouts whose builtin types may be subclassed with the dict word after the base's fields. */
export const CONTAINER_SUBCLASS_BASES = [
  { layout: 'dict', types: ['dict'], size: DICT.size },
  { layout: 'list', types: ['list'], size: LIST.items + 8 },
  { layout: 'set', types: ['set', 'frozenset'], size: SET.size },
  { layout: 'floatsub', types: ['float'], size: FLOATSUB.dict },
  { layout: 'complexsub', types: ['complex'], size: COMPLEX.size },
] as const;

/** Builtin number types with the `raw` layout whose subclasses get a layout of their own. */
export const NUMBER_SUBCLASS_BASES = [
  { type: 'float', layout: 'floatsub', size: FLOATSUB.size },
  { type: 'complex', layout: 'complexsub', size: COMPLEX.size + 8 },
] as const;

/**
 * If the value in `r` is an instance of a float subclass, replace it with its double (the
 * exact float); any other value is left as it is. Clobbers rax only (the float slots keep
 * their contracts: hash and bool clobber little).
 */
export function floatSubUnbox(a: Assembler<any>, r: Gpr<64>): void {
  const skip = a.newLabel();
  a.mov(rax, r);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(skip);
  a.mov(rax, r);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.floatsub.id);
  a.jne(skip);
  a.mov(rax, r);
  unboxPtr(a, rax);
  a.mov(r, qword(mem(rax, FLOATSUB.value)));
  a.bind(skip);
}

/**
 * For an object at raw address `obj` whose type's layout id is in `layoutId`: jump to `found`
 * with rax = address of its instance-dict word when it is an instance of a heap subclass of a
 * container above; jump to `none` for an exact builtin of such a layout; fall through for any
 * other layout. `type` holds the object's type address. Clobbers rax.
 */
export function containerSubDictAddr(a: Assembler<any>, obj: Gpr<64>, type: Gpr<64>, layoutId: Gpr<64>, found: Label, none: Label): void {
  for (const c of CONTAINER_SUBCLASS_BASES) {
    const skip = a.newLabel();
    a.cmp(layoutId, LAYOUTS[c.layout].id);
    a.jne(skip);
    a.test(qword(mem(type, TYPE.flags)), TYPEFLAG_BUILTIN);
    a.jne(none);
    a.lea(rax, mem(obj, c.size));
    a.jmp(found);
    a.bind(skip);
  }
}

/**
 * At the entry of the new slot of float / complex (rdi = the class): a subclass goes to
 * rt_floatsub_new / rt_complexsub_new (which come back with the exact type). Clobbers rax r11.
 */
export function newOfSubclass(a: Assembler<any>, exact: 'float' | 'complex'): void {
  const same = a.newLabel();
  a.mov(rax, rdi);
  unboxPtr(a, rax);
  a.lea(r11, rip(sym(`type_${exact}`)));
  a.cmp(rax, r11);
  a.je(same);
  a.jmp(sym(`rt_${exact}sub_new`));
  a.bind(same);
}

/**
 * In a frameless routine that found no int in rsi (the index): operator.index(rsi) through
 * rt_index_i64 (the class's __index__), keeping the registers in `save`. Jumps to `have`
 * with rax = the i64, to `tooBig` for an int beyond i64, returns EXC when __index__ raised
 * or returned a non-int, and falls through (registers restored) when there is no __index__.
 * The caller's operands are its caller's roots; nothing here outlives the call.
 */
export function indexProtocol(a: Assembler<any>, save: readonly Gpr<64>[], have: Label, tooBig: Label): void {
  const pad = save.length % 2 === 0; // keep rsp 16-byte aligned at the call
  for (const r of save) a.push(r);
  if (pad) a.sub(rsp, 8);
  a.mov(rdi, rsi);
  a.call(sym('rt_index_i64'));
  a.mov(rcx, rdx);
  if (pad) a.add(rsp, 8);
  for (const r of [...save].reverse()) a.pop(r);
  a.test(ecx, ecx);
  a.je(have);
  a.cmp(ecx, 1);
  a.je(tooBig);
  const none = a.newLabel();
  a.cmp(ecx, 2);
  a.je(none);
  a.mov(rax, g('rt_const_exc'));
  a.ret();
  a.bind(none);
}

/**
 * The error tail of a frameless slice-bound reader (rdi = the bound, not an int): an object
 * with __index__ gives its int, read again from `retry` (rdi = the int); otherwise TypeError
 * `msg` (a C string). Either error returns edx=1 (_PyEval_SliceIndex).
 */
export function sliceIndexTail(a: Assembler<any>, retry: Label, msg: string): void {
  const raised = a.newLabel();
  const none = a.newLabel();
  a.sub(rsp, 8);
  a.mov(esi, 1);
  a.call(sym('rt_int_protocol'));
  a.add(rsp, 8);
  a.cmp(rax, g('rt_const_exc'));
  a.je(raised);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(none);
  a.mov(rdi, rax);
  a.jmp(retry);
  a.bind(none);
  a.sub(rsp, 8);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
  a.add(rsp, 8);
  a.bind(raised);
  a.mov(edx, 1);
  a.ret();
}

/**
 * The instance of `cls` (rdi at entry, kept in r12) holding the value the exact type's new
 * slot computed from the same arguments. `copy` moves the value (rax = the exact value) into
 * the new object (rcx = its raw address) after the allocation; values that are heap objects
 * are read into the frame first (`save`), so a collection during the allocation is harmless.
 */
function subclassNew(a: Assembler<any>, exact: 'float' | 'complex', save: (a: Assembler<any>) => void, copy: (a: Assembler<any>) => void, size: number): void {
  const out = a.newLabel();
  prologue(a, [r12], 16);
  a.mov(r12, rdi);
  unboxPtr(a, r12);
  a.lea(rdi, rip(sym(`type_${exact}`)));
  a.call(sym(`rt_new_${exact}`));
  a.cmp(rax, g('rt_const_exc'));
  a.je(out);
  save(a);
  a.mov(rdi, qword(mem(r12, TYPE.instanceSize)));
  a.mov(eax, size);
  a.cmp(rax, rdi);
  a.cmova(rdi, rax);
  a.mov(rsi, r12);
  a.call(sym('rt_alloc'));
  a.mov(rcx, rax);
  copy(a);
  a.mov(rax, rcx);
  boxPtr(a, rax, rdx);
  a.bind(out);
  epilogue(a, [r12], 16);
}

// ---- the number protocols of int() and float() (PyNumber_Long, PyNumber_Float) ---------------

/** Dunder names these routines call through rt_call_dunder (static strs). */
const PROTO_NAMES = ['__int__', '__index__', '__trunc__', '__float__'] as const;
type ProtoName = (typeof PROTO_NAMES)[number];

/** rax = type(r12).<name>(r12) through rt_call_dunder: UNBOUND when the type has none. */
function callProto(a: Assembler<any>, self: Gpr<64>, name: ProtoName): void {
  a.mov(rdi, self);
  a.mov(rsi, qword(rip(sym(`bsub_const_${name}`))));
  a.mov(rdx, rsp);
  a.xor(ecx, ecx);
  a.call(sym('rt_call_dunder'));
}

/** Jump to `isInt` with rax = an exact int when rax holds any int (bool, subclass: its value). */
function exactIntOf(a: Assembler<any>, isInt: Label, notInt: Label): void {
  a.mov(r13, rax);
  a.mov(rdi, rax);
  a.call(sym('rt_int_kind'));
  a.test(eax, eax);
  a.je(notInt);
  a.mov(rdi, r13);
  a.call(sym('rt_int_pos'));
  a.jmp(isInt);
}

export const builtinSubModule: RuntimeModule = {
  name: 'builtinsub',
  routines: [
    {
      name: 'rt_int_protocol',
      contract: "rdi=an object that is not an int, float, str or bytes, esi=0 for int() (PyNumber_Long: __int__, __index__, then __trunc__, whose result may be an Integral with __index__), 1 for an index only (__index__) -> rax=exact int, UNBOUND when the type has none of those methods (nothing raised), or EXC (TypeError \"__int__ returned non-int (type str)\", \"__index__ returned non-int (type T)\", \"__trunc__ returned non-Integral (type T)\"); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        prologue(a, saved, 16);
        a.mov(r12, rdi);
        a.mov(r14d, esi);
        const tries: [ProtoName, string][] = [['__int__', 'int'], ['__index__', 'index'], ['__trunc__', 'trunc']];
        for (const [name, tag] of tries) {
          const absent = a.newLabel();
          const bad = a.newLabel();
          if (name === '__int__') {
            a.test(r14d, r14d);
            a.jne(absent);
          }
          if (name === '__trunc__') {
            a.test(r14d, r14d);
            a.jne(absent);
          }
          callProto(a, r12, name);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.cmp(rax, g('rt_const_unbound'));
          a.je(absent);
          exactIntOf(a, out, bad);
          a.bind(bad);
          if (name === '__trunc__') {
            // an Integral: its __index__ (PyNumber_Index of the result)
            const nonIntegral = a.newLabel();
            callProto(a, r13, '__index__');
            a.cmp(rax, g('rt_const_exc'));
            a.je(out);
            a.cmp(rax, g('rt_const_unbound'));
            a.je(nonIntegral);
            const bad2 = a.newLabel();
            exactIntOf(a, out, bad2);
            a.bind(bad2);
            a.mov(rdx, r13);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym('msg_bsub_index_nonint')));
            a.call(sym('rt_raise_fmt'));
            a.jmp(out);
            a.bind(nonIntegral);
          }
          a.mov(rdx, r13);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym(`msg_bsub_${tag}_nonint`)));
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(absent);
        }
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, saved, 16);
      },
    },
    {
      name: 'rt_float_protocol',
      contract: "rdi=an object that is not a float, int, str or bytes -> rax=float value (PyNumber_Float: __float__, which must return a float, else __index__ as a double), UNBOUND when the type has neither (nothing raised), or EXC (TypeError \"T.__float__ returned non-float (type U)\", OverflowError); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const noFloat = a.newLabel();
        const toDouble = a.newLabel();
        prologue(a, saved, 16);
        a.mov(r12, rdi);
        callProto(a, r12, '__float__');
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noFloat);
        a.mov(r13, rax);
        // a float, or an instance of a float subclass (its value)
        a.mov(rdi, rax);
        floatSubUnbox(a, rdi);
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.mov(rax, rdi);
        a.jb(out);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(rdx, rax);
        a.mov(rcx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bsub_float_nonfloat')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(noFloat);
        callProto(a, r12, '__index__');
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        const badIndex = a.newLabel();
        exactIntOf(a, toDouble, badIndex);
        a.bind(badIndex);
        a.mov(rdx, r13);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bsub_index_nonint')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(toDouble);
        a.mov(rdi, rax);
        a.call(sym('rt_float_as_double'));
        a.test(eax, eax);
        a.mov(rax, g('rt_const_exc'));
        a.js(out);
        a.movq(rax, xmm0);
        a.bind(out);
        epilogue(a, saved, 16);
      },
    },
    {
      name: 'rt_complex_parts_protocol',
      contract: 'rdi=value -> as rt_complex_parts (eax=1 with xmm0=real, xmm1=imag for a complex, float, int or bool; 0 for other types; -1 if it raised), and objects with __float__ or __index__ give (their float, 0.0) (complex_new after PyNumber_Check); may allocate, may raise',
      emit(a: Assembler<any>) {
        const done = a.newLabel();
        const none = a.newLabel();
        const raised = a.newLabel();
        a.push(r12);
        a.mov(r12, rdi);
        a.call(sym('rt_complex_parts'));
        a.test(eax, eax);
        a.jne(done);
        a.mov(rdi, r12);
        a.call(sym('rt_float_protocol'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(none);
        a.movq(xmm0, rax);
        a.xorpd(xmm1, xmm1);
        a.mov(eax, 1);
        a.jmp(done);
        a.bind(raised);
        a.mov(eax, -1);
        a.jmp(done);
        a.bind(none);
        a.xor(eax, eax);
        a.bind(done);
        a.pop(r12);
        a.ret();
      },
    },
    {
      name: 'rt_object_meth_sizeof',
      contract: "object.__sizeof__() (vector ABI: rdi=args with args[0]=self, rsi=nargs, rdx=kwnames) -> rax=an int: 28 for an int that is not a heap object, 24 for a float, else the instance size of its type (at least 16), or EXC (TypeError \"object.__sizeof__() takes no arguments (1 given)\", \"unbound method object.__sizeof__() needs an argument\"); may allocate",
      emit(a: Assembler<any>) {
        const one = a.newLabel();
        const obj = a.newLabel();
        const ret = a.newLabel();
        a.cmp(rsi, 1);
        a.je(one);
        a.sub(rsp, 8);
        a.lea(rdi, rip(sym('type_TypeError')));
        const noSelf = a.newLabel();
        a.test(rsi, rsi);
        a.je(noSelf);
        a.lea(rdx, mem(rsi, -1));
        a.lea(rsi, rip(sym('msg_bsub_sizeof_args')));
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.ret();
        a.bind(noSelf);
        a.lea(rsi, rip(sym('msg_bsub_sizeof_unbound')));
        a.call(sym('rt_raise_cstr'));
        a.add(rsp, 8);
        a.ret();
        a.bind(one);
        a.mov(rdi, qword(mem(rdi)));
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.mov(ecx, 24);
        a.cmp(eax, TAG_MIN);
        a.jb(ret);
        a.mov(ecx, 28);
        a.cmp(eax, TAG_OBJ);
        a.jne(ret);
        a.bind(obj);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.mov(rcx, qword(mem(rax, TYPE.instanceSize)));
        a.mov(eax, 16);
        a.cmp(rcx, rax);
        a.cmovb(rcx, rax);
        a.bind(ret);
        a.mov(rax, rcx);
        a.mov(rdx, 0xfff9n << 48n);
        a.or(rax, rdx);
        a.ret();
      },
    },
    {
      name: 'rt_floatsub_new',
      contract: 'rdi=a subclass of float, rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=float(*args) as an instance of that class (layout floatsub, empty instance dict), or EXC (float()\'s errors); may allocate, may raise',
      emit(a: Assembler<any>) {
        subclassNew(a, 'float', (a) => a.mov(qword(mem(rsp, 0)), rax), (a) => {
          a.mov(rax, qword(mem(rsp, 0)));
          a.mov(qword(mem(rcx, FLOATSUB.value)), rax);
          a.mov(rax, UNBOUND);
          a.mov(qword(mem(rcx, FLOATSUB.dict)), rax);
        }, FLOATSUB.size);
      },
    },
    {
      name: 'rt_complexsub_new',
      contract: 'rdi=a subclass of complex, rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=complex(*args) as an instance of that class (layout complexsub, empty instance dict), or EXC (complex()\'s errors); may allocate, may raise',
      emit(a: Assembler<any>) {
        subclassNew(a, 'complex', (a) => {
          unboxPtr(a, rax);
          a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
          a.movsd(xmm1, qword(mem(rax, COMPLEX.imag)));
          a.movsd(qword(mem(rsp, 0)), xmm0);
          a.movsd(qword(mem(rsp, 8)), xmm1);
        }, (a) => {
          a.movsd(xmm0, qword(mem(rsp, 0)));
          a.movsd(xmm1, qword(mem(rsp, 8)));
          a.movsd(qword(mem(rcx, COMPLEX.real)), xmm0);
          a.movsd(qword(mem(rcx, COMPLEX.imag)), xmm1);
          a.mov(rax, UNBOUND);
          a.mov(qword(mem(rcx, COMPLEX.size)), rax);
        }, COMPLEX.size + 8);
      },
    },
  ],
  methods: [{ type: 'object', name: '__sizeof__', entry: 'rt_object_meth_sizeof' }],
  data: [
    ...PROTO_NAMES.flatMap((n) => [
      { name: `bsub_str_${n}`, section: 'rodata' as const, align: 16, emit: (a: Assembler<any>) => emitStr(a, n) },
      { name: `bsub_const_${n}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => a.u64(sym(`box:bsub_str_${n}`)) },
    ]),
    cstr('msg_bsub_sizeof_args', 'object.__sizeof__() takes no arguments (%d given)'),
    cstr('msg_bsub_sizeof_unbound', "unbound method object.__sizeof__() needs an argument"),
    cstr('msg_bsub_int_nonint', '__int__ returned non-int (type %T)'),
    cstr('msg_bsub_index_nonint', '__index__ returned non-int (type %T)'),
    cstr('msg_bsub_trunc_nonint', '__trunc__ returned non-Integral (type %T)'),
    cstr('msg_bsub_float_nonfloat', '%N.__float__ returned non-float (type %T)'),
  ],
};
