// Runtime core: the sys module's data beyond streams and limits: sys.modules, and the
// struct sequences sys.version_info, sys.float_info and sys.hash_info.
//
// sys.modules is a real dict (a collector root, made at start-up by rt_sys_modules_init,
// which modules.ts rt_modules_init calls). The import machinery keeps it in sync as CPython's
// does: `__main__` is in it from the start, a builtin module enters when it is created
// (modules.ts), a compiled module before its code runs and leaves it again when that code
// raises (usermodules.ts rt_import_user). Imports do not consult it (the compiler resolves
// every import statically), so assigning to it only changes what programs read back.
//
// sys.intern returns its str argument itself (strs are compared by value here; CPython's
// TypeErrors for other arguments).
//
// A struct sequence (CPython's structseq) is a tuple subclass with named read-only fields:
// comparisons, hashing, indexing, slicing and iteration are the tuple's (the types have the
// tuple layout, so tuple's slots serve them); each field is a member descriptor reading its
// item; repr is `sys.version_info(major=3, minor=11, ...)`. The three objects are static
// rodata with CPython 3.11.7's values (the interpreter's src/interp/modules/sys.ts has the
// same). Differences: the types' `__module__` is 'builtins' and their repr `<class
// 'version_info'>` (static builtin types carry no module; CPython: 'sys'), and calling them
// builds a plain tuple instead of raising.

import { type Assembler, ecx, eax, mem, qword, r12, r13, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { boxFloat, boxInt, INT48_MAX, TAG_OBJ, TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine, RuntimeType } from '../../src/native/rt.js';
import { builtinFunctionData, emitBigInt, emitHeader, emitStr, emitWord, type StaticWord } from '../../src/native/statics.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

type Field = readonly [name: string, value: number | bigint | string, kind?: 'float'];

/** The struct sequences: sys attribute name -> CPython's type name and fields. */
const STRUCTSEQS: Readonly<Record<string, { typeName: string; fields: readonly Field[] }>> = {
  version_info: {
    typeName: 'sys.version_info',
    fields: [['major', 3], ['minor', 11], ['micro', 7], ['releaselevel', 'final'], ['serial', 0]],
  },
  float_info: {
    typeName: 'sys.float_info',
    fields: [
      ['max', 1.7976931348623157e308, 'float'], ['max_exp', 1024], ['max_10_exp', 308], ['min', 2.2250738585072014e-308, 'float'], ['min_exp', -1021],
      ['min_10_exp', -307], ['dig', 15], ['mant_dig', 53], ['epsilon', 2.220446049250313e-16, 'float'], ['radix', 2], ['rounds', 1],
    ],
  },
  hash_info: {
    typeName: 'sys.hash_info',
    fields: [['width', 64], ['modulus', 2305843009213693951n], ['inf', 314159], ['nan', 0], ['imag', 1000003], ['algorithm', 'siphash13'], ['hash_bits', 64], ['seed_bits', 128], ['cutoff', 0]],
  },
};

/** The sys attributes this module provides (modules.ts sets them in the sys module). */
export const SYS_STRUCTSEQ_NAMES = Object.keys(STRUCTSEQS);

function structseqData(attr: string): RuntimeDatum[] {
  const { fields } = STRUCTSEQS[attr];
  const out: RuntimeDatum[] = [];
  const words: StaticWord[] = fields.map(([, v, kind], i) => {
    if (typeof v === 'string') {
      out.push({ name: `sysseq_${attr}_s${i}`, section: 'rodata', align: 16, emit: (a) => emitStr(a, v) });
      return { box: `sysseq_${attr}_s${i}` };
    }
    if (kind === 'float') return { imm: boxFloat(Number(v)) };
    const b = BigInt(v);
    if (b > INT48_MAX) {
      out.push({ name: `sysseq_${attr}_i${i}`, section: 'rodata', align: 16, emit: (a) => emitBigInt(a, b) });
      return { box: `sysseq_${attr}_i${i}` };
    }
    return { imm: boxInt(b) };
  });
  out.push({
    name: `sysobj_${attr}`,
    section: 'rodata',
    align: 16,
    emit: (a, ctx) => {
      emitHeader(a, `type_${attr}`);
      a.u64(fields.length);
      for (const w of words) emitWord(a, w, ctx);
    },
  });
  fields.forEach(([name], i) => out.push(cstr(`sysseq_${attr}_f${i}`, `${i === 0 ? '' : ', '}${name}=`)));
  out.push(cstr(`sysseq_${attr}_open`, `${STRUCTSEQS[attr].typeName}(`));
  return out;
}

/** repr slot: `sys.version_info(major=3, ...)` with each field's repr. */
function structseqRepr(attr: string): RuntimeRoutine {
  const { fields } = STRUCTSEQS[attr];
  return {
    name: `rt_repr_${attr}`,
    contract: `repr slot of ${STRUCTSEQS[attr].typeName}: rdi=value -> str "${STRUCTSEQS[attr].typeName}(name=repr(item), ...)" or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rdi, 64);
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym(`sysseq_${attr}_open`)));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(r13, rax);
      fields.forEach((_, i) => {
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym(`sysseq_${attr}_f${i}`)));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(r12, TUPLE.items + 8 * i)));
        a.call(sym('rt_repr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
      });
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('sysseq_close')));
      a.call(sym('rt_sb_append_cstr'));
      a.mov(rdi, rax);
      a.call(sym('rt_sb_finish'));
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  };
}

/** Member getters: rdi = instance -> its item i (a tuple of at least the type's length). */
function structseqGetters(attr: string): RuntimeRoutine[] {
  return STRUCTSEQS[attr].fields.map(([name], i) => ({
    name: `rt_sysseq_${attr}_${name}`,
    contract: `member ${name} of ${STRUCTSEQS[attr].typeName}: rdi=instance -> rax=item ${i}; no alloc, no raise`,
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, TUPLE.items + 8 * i)));
      a.ret();
    },
  }));
}

const types: RuntimeType[] = SYS_STRUCTSEQ_NAMES.map((name) => ({ name, base: 'tuple', layout: 'tuple' }));
const methods: RuntimeMethod[] = SYS_STRUCTSEQ_NAMES.flatMap((attr) => STRUCTSEQS[attr].fields.map(([name]) => ({ type: attr, name, entry: `rt_sysseq_${attr}_${name}`, kind: 'member' as const })));

export const sysInfoModule: RuntimeModule = {
  name: 'sysinfo',
  types,
  methods,
  routines: [
    {
      name: 'rt_sys_modules_init',
      contract: 'make sys.modules (a collector root) holding the main module as __main__; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.lea(rdi, rip(sym('rt_sys_modules')));
        a.mov(rsi, 1);
        a.call(sym('rt_gc_add_roots'));
        a.call(sym('rt_dict_new'));
        a.mov(g('rt_sys_modules'), rax);
        a.mov(rdi, g('rt_main_modinfo'));
        a.call(sym('rt_module_of_info'));
        a.mov(rsi, rax);
        a.mov(rdi, g('sysmod_str_main.v'));
        a.call(sym('rt_sys_modules_set'));
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_sys_modules_set',
      contract: 'rdi=module name str, rsi=module: sys.modules[name] = module -> rax=0 or EXC; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, []);
        a.mov(rdx, rsi);
        a.mov(rsi, rdi);
        a.mov(rdi, g('rt_sys_modules'));
        a.call(sym('rt_dict_setitem'));
        epilogue(a, []);
      },
    },
    {
      name: 'rt_sys_modules_forget',
      contract: 'rdi=module name str: remove it from sys.modules if there (a failed import) -> rax clobbered; may allocate; no raise',
      emit(a: Assembler<any>) {
        prologue(a, []);
        a.mov(rsi, rdi);
        a.mov(rdi, g('rt_sys_modules'));
        a.call(sym('rt_dict_pop_str'));
        epilogue(a, []);
      },
    },
    ...SYS_STRUCTSEQ_NAMES.flatMap((attr) => [structseqRepr(attr), ...structseqGetters(attr)]),
    {
      name: 'rt_sys_intern',
      contract: "sys.intern(string): vector ABI -> the str itself (strs are compared by value, so every str serves as its interned copy), or EXC (CPython's TypeErrors: keywords, argument count, 'intern() argument must be str, not T', \"can't intern T\" for a str subclass); may raise",
      emit(a: Assembler<any>) {
        const kw = a.newLabel();
        const count = a.newLabel();
        const notStr = a.newLabel();
        const sub = a.newLabel();
        const none = a.newLabel();
        a.test(rdx, rdx);
        a.jne(kw);
        a.cmp(rsi, 1);
        a.jne(count);
        a.mov(rax, qword(mem(rdi)));
        a.cmp(rax, g('rt_const_None'));
        a.je(none);
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(notStr);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.lea(rdx, rip(sym('type_str')));
        a.cmp(qword(mem(rcx)), rdx);
        a.jne(sub);
        a.ret();
        a.bind(sub);
        a.push(rax);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.pop(rdx);
        const raise = a.newLabel();
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_sys_intern_type')));
        a.test(eax, eax);
        a.je(raise);
        a.lea(rsi, rip(sym('msg_sys_intern_sub')));
        a.bind(raise);
        a.jmp(sym('rt_raise_fmt'));
        a.bind(notStr);
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_sys_intern_type')));
        a.jmp(sym('rt_raise_fmt'));
        // _PyArg_BadArgument names None itself, other objects by their type.
        a.bind(none);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_sys_intern_none')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(count);
        a.mov(rdx, rsi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_sys_intern_count')));
        a.jmp(sym('rt_raise_fmt'));
        a.bind(kw);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_sys_intern_kw')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
  ],
  data: [
    // The dict is made before anything can read the word; UNBOUND until then.
    { name: 'rt_sys_modules', section: 'data', align: 8, emit: (a) => a.u64(UNBOUND) },
    { name: 'sysmod_str_main', section: 'rodata', align: 16, emit: (a) => emitStr(a, '__main__') },
    { name: 'sysmod_str_main.v', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:sysmod_str_main')) },
    cstr('sysseq_close', ')'),
    ...builtinFunctionData('sysfn_intern', 'intern', 'rt_sys_intern'),
    cstr('msg_sys_intern_type', 'intern() argument must be str, not %T'),
    cstr('msg_sys_intern_sub', "can't intern %T"),
    cstr('msg_sys_intern_none', 'intern() argument must be str, not None'),
    cstr('msg_sys_intern_count', 'sys.intern() takes exactly one argument (%d given)'),
    cstr('msg_sys_intern_kw', 'sys.intern() takes no keyword arguments'),
    ...SYS_STRUCTSEQ_NAMES.flatMap(structseqData),
  ],
};
