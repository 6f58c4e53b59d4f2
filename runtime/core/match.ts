// Runtime core: the structural pattern matching steps of the match statement (PEP 634;
// CPython 3.11 ceval.c MATCH_CLASS / MATCH_KEYS / COPY_DICT_WITHOUT_KEYS and the type flags
// Py_TPFLAGS_SEQUENCE, Py_TPFLAGS_MAPPING, _Py_TPFLAGS_MATCH_SELF).
//
// The compiler (codegen_match.ts) turns each pattern into tests on the subject; the tests
// that need more than a compare are these routines:
//   rt_match_sequence / rt_match_mapping  the type-flag tests of sequence and mapping patterns
//   rt_match_keys     the values of a mapping pattern's keys (None when one is missing)
//   rt_match_copy_dict the `**rest` dict of a mapping pattern
//   rt_match_class    isinstance, then the attributes named by __match_args__ and keywords
// CPython's flags are inherited, so the tests here are subtype tests against the builtin
// types that carry them; a type this runtime does not have (deque, array...) is left out of
// the tables by `addrIfDefined`.

import { type Assembler, type Label, al, eax, ebp, ecx, edx, mem, qword, r12, r13, r14, r14d, r15, r15d, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { TAG_OBJ, TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { emitHeader, emitWord } from '../../src/native/statics.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { TYPEFLAG_MAPPING, TYPEFLAG_SEQUENCE } from './abcflags.js';
import { atMem, type FmtArg, inReg, raiseFmt, staticStr } from './descrkit.js';

/** Types whose instances match sequence patterns (Py_TPFLAGS_SEQUENCE), subclasses included. */
const SEQUENCE_TYPES = ['list', 'tuple', 'range', 'memoryview', 'deque', 'array'] as const;
/** Types whose instances match mapping patterns (Py_TPFLAGS_MAPPING). */
const MAPPING_TYPES = ['dict', 'mappingproxy', 'OrderedDict', 'defaultdict', 'Counter'] as const;
/** Types whose class patterns take one positional sub-pattern matching the subject itself. */
const MATCH_SELF_TYPES = ['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'] as const;

/** A zero-terminated table of the type addresses this image defines. */
function typeTable(name: string, types: readonly string[]): RuntimeDatum {
  return {
    name,
    section: 'rodata',
    align: 8,
    emit(a, ctx) {
      for (const t of types) if (ctx.defined(`type_${t}`)) emitWord(a, { addrIfDefined: `type_${t}` }, ctx);
      a.u64(0n);
    },
  };
}

/** eax = 1 if the type at rdi (raw) is a subtype of an entry of `table`, else 0. Clobbers caller-saved. */
function subtypeOfAny(a: Assembler<any>, table: string): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.push(r12);
  a.push(r13);
  a.push(rdi);
  a.mov(r12, rdi);
  a.lea(r13, rip(sym(table)));
  a.bind(loop);
  a.xor(eax, eax);
  a.mov(rsi, qword(mem(r13)));
  a.test(rsi, rsi);
  a.je(done);
  a.add(r13, 8);
  a.mov(rdi, r12);
  a.call(sym('rt_is_subtype'));
  a.test(eax, eax);
  a.je(loop);
  a.bind(done);
  a.pop(rdi);
  a.pop(r13);
  a.pop(r12);
}

/** A flag test: rdi=value -> eax = 1 if type(value) has the collection flag (abcflags.ts). */
function flagTest(name: string, flag: number, what: string): RuntimeRoutine {
  return {
    name,
    contract: `rdi=value -> eax=1 if it matches ${what} patterns (its type's collection flags, runtime/core/abcflags.ts), else 0; clobbers caller-saved; no alloc, no raise`,
    emit(a: Assembler<any>) {
      const no = a.newLabel();
      a.mov(rax, rdi);
      a.shr(rax, 48);
      a.cmp(eax, TAG_OBJ);
      a.jne(no);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.sub(rsp, 8);
      a.call(sym('rt_type_collection_flags'));
      a.add(rsp, 8);
      a.and(eax, flag);
      a.setne(al);
      a.movzx(eax, al);
      a.ret();
      a.bind(no);
      a.xor(eax, eax);
      a.ret();
    },
  };
}

/** rdi=type address -> eax = 1 if it derives from a builtin type of the table (CPython flags them). */
function builtinFlagTest(name: string, table: string, what: string): RuntimeRoutine {
  return {
    name,
    contract: `rdi=type address -> eax=1 if it derives from one of the builtin types CPython flags as ${what}s, else 0; clobbers caller-saved; no alloc, no raise`,
    emit(a: Assembler<any>) {
      subtypeOfAny(a, table);
      a.ret();
    },
  };
}

/**
 * rt_match_class's step for one attribute name (in rsi, an exact str): the duplicate test
 * against the positional names taken so far, then getattr. Register roles of the routine:
 * r12 subject, r13 class (raw), r15 nargs, rbx result tuple (raw), rbp items filled,
 * [rsp] __match_args__ (raw tuple, or 0 when the class matches itself). Jumps to `none`
 * when the attribute is missing, to `out` with EXC on an error.
 */
function classAttr(a: Assembler<any>, none: Label, out: Label): void {
  const scan = a.newLabel();
  const scanned = a.newLabel();
  const fetch = a.newLabel();
  a.mov(qword(mem(rsp, 8)), rsi);
  a.cmp(qword(mem(rsp)), 0);
  a.je(fetch);
  // Names before this one: __match_args__[0 : min(filled, nargs)].
  a.mov(qword(mem(rsp, 16)), 0);
  a.bind(scan);
  a.mov(rcx, qword(mem(rsp, 16)));
  a.cmp(rcx, rbp);
  a.jae(scanned);
  a.cmp(rcx, r15);
  a.jae(scanned);
  a.mov(rax, qword(mem(rsp)));
  a.mov(rsi, qword(sib(rax, rcx, 8, TUPLE.items)));
  a.mov(rdi, qword(mem(rsp, 8)));
  a.call(sym('rt_str_eq'));
  a.inc(qword(mem(rsp, 16)));
  a.test(eax, eax);
  a.je(scan);
  raiseFmt(a, 'TypeError', 'msg_match_dup_attr', [inReg(r13), atMem(rsp, 8)], out);
  a.bind(scanned);
  a.bind(fetch);
  a.mov(rdi, r12);
  a.mov(rsi, qword(mem(rsp, 8)));
  a.call(sym('rt_descr_getattr_opt'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(out);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(none);
  a.mov(qword(sib(rbx, rbp, 8, TUPLE.items)), rax);
  a.inc(rbp);
}

/** rax = EXC (the routine's callee raised); jump to `out`. */
function excOut(a: Assembler<any>, out: Label): void {
  a.mov(rax, g('rt_const_exc'));
  a.jmp(out);
}

/** Jump to `no` unless the value in `v` is an object whose type is exactly `type_<t>`. Clobbers `t1`. */
function ifNotExact(a: Assembler<any>, v: typeof rax, t1: typeof rax, typeName: string, no: Label): void {
  a.mov(t1, v);
  a.shr(t1, 48);
  a.cmp(t1, TAG_OBJ);
  a.jne(no);
  a.mov(t1, v);
  unboxPtr(a, t1);
  a.mov(t1, qword(mem(t1)));
  a.push(rdx);
  a.lea(rdx, rip(sym(`type_${typeName}`)));
  a.cmp(t1, rdx);
  a.pop(rdx);
  a.jne(no);
}

const routines: RuntimeRoutine[] = [
  flagTest('rt_match_sequence', TYPEFLAG_SEQUENCE, 'sequence'),
  flagTest('rt_match_mapping', TYPEFLAG_MAPPING, 'mapping'),
  builtinFlagTest('rt_type_is_sequence', 'match_sequence_types', 'sequence'),
  builtinFlagTest('rt_type_is_mapping', 'match_mapping_types', 'mapping'),
  {
    name: 'rt_match_class',
    contract: "rdi=subject, rsi=class, rdx=tuple of keyword attribute names, ecx=number of positional sub-patterns -> rax=tuple of the attributes (positional, then keyword), None when the subject does not match, or EXC (TypeError as CPython's match_class); may allocate, may raise",
    emit(a: Assembler<any>) {
      // r12 subject, r13 class (value, then raw), r14 keyword names (raw tuple), r15 nargs,
      // rbx result tuple (raw), rbp items filled; [rsp] __match_args__ (raw) or 0,
      // [rsp+8] current name, [rsp+16] scan index / allowed count, [rsp+24] keyword index.
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      const frame = 40;
      const out = a.newLabel();
      const none = a.newLabel();
      const notType = a.newLabel();
      const keywords = a.newLabel();
      const selfCheck = a.newLabel();
      const accepts = a.newLabel();
      const notTuple = a.newLabel();
      const posLoop = a.newLabel();
      const notStr = a.newLabel();
      const kwLoop = a.newLabel();
      const finish = a.newLabel();
      prologue(a, saved, frame);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      unboxPtr(a, r14);
      a.mov(r15d, ecx);
      a.mov(qword(mem(rsp)), 0);
      // The class must be a type.
      a.mov(rax, r13);
      a.shr(rax, 48);
      a.cmp(eax, TAG_OBJ);
      a.jne(notType);
      a.mov(rdi, r13);
      a.lea(rsi, rip(sym('type_type')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(notType);
      // isinstance(subject, cls) (__instancecheck__ included), else no match.
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_bi_isinstance'));
      a.test(eax, eax);
      const isInst = a.newLabel();
      a.jg(isInst);
      a.je(none);
      excOut(a, out);
      a.bind(isInst);
      unboxPtr(a, r13);
      // The result: one item per sub-pattern.
      a.mov(rdi, qword(mem(r14, TUPLE.length)));
      a.add(rdi, r15);
      a.call(sym('rt_tuple_alloc'));
      a.mov(rbx, rax);
      a.xor(ebp, ebp);
      a.test(r15, r15);
      a.je(keywords);
      // Positional sub-patterns: the names in __match_args__, or the subject itself.
      a.mov(rdi, r13);
      boxPtr(a, rdi, rax);
      a.mov(rsi, qword(rip(sym('str_match_args.v'))));
      a.call(sym('rt_descr_getattr_opt'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(selfCheck);
      ifNotExact(a, rax, rcx, 'tuple', notTuple);
      unboxPtr(a, rax);
      a.mov(qword(mem(rsp)), rax);
      a.mov(rcx, qword(mem(rax, TUPLE.length)));
      a.mov(qword(mem(rsp, 16)), rcx);
      a.cmp(rcx, r15);
      a.jb(accepts);
      a.bind(posLoop);
      a.cmp(rbp, r15);
      a.jae(keywords);
      a.mov(rax, qword(mem(rsp)));
      a.mov(rsi, qword(sib(rax, rbp, 8, TUPLE.items)));
      ifNotExact(a, rsi, rcx, 'str', notStr);
      classAttr(a, none, out);
      a.jmp(posLoop);
      a.bind(notStr);
      raiseFmt(a, 'TypeError', 'msg_match_args_str', [inReg(rsi)], out);
      a.bind(notTuple);
      raiseFmt(a, 'TypeError', 'msg_match_args_tuple', [inReg(r13), inReg(rax)], out);
      // No __match_args__: the builtin types match themselves with one sub-pattern.
      a.bind(selfCheck);
      a.mov(qword(mem(rsp, 16)), 0);
      a.mov(rdi, r13);
      subtypeOfAny(a, 'match_self_types');
      a.test(eax, eax);
      a.je(accepts);
      a.mov(qword(mem(rsp, 16)), 1);
      a.cmp(r15, 1);
      a.jne(accepts);
      a.mov(qword(sib(rbx, rbp, 8, TUPLE.items)), r12);
      a.inc(rbp);
      // Keyword sub-patterns.
      a.bind(keywords);
      a.mov(qword(mem(rsp, 24)), 0);
      a.bind(kwLoop);
      a.mov(rcx, qword(mem(rsp, 24)));
      a.cmp(rcx, qword(mem(r14, TUPLE.length)));
      a.jae(finish);
      a.mov(rsi, qword(sib(r14, rcx, 8, TUPLE.items)));
      a.inc(qword(mem(rsp, 24)));
      classAttr(a, none, out);
      a.jmp(kwLoop);
      a.bind(finish);
      a.mov(rax, rbx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(none);
      a.mov(rax, g('rt_const_None'));
      a.jmp(out);
      a.bind(accepts);
      const plural: FmtArg = (as, d) => {
        as.lea(d, rip(sym('str_match_plural')));
        as.lea(rax, rip(sym('str_match_plural_one')));
        as.cmp(qword(mem(rsp, 16)), 1);
        as.cmove(d, rax);
      };
      raiseFmt(a, 'TypeError', 'msg_match_accepts', [inReg(r13), atMem(rsp, 16), plural, inReg(r15)], out);
      a.bind(notType);
      raiseFmt(a, 'TypeError', 'msg_match_not_type', [], out);
      a.bind(out);
      epilogue(a, saved, frame);
    },
  },
  {
    name: 'rt_match_keys',
    contract: "rdi=subject (a mapping), rsi=tuple of keys -> rax=tuple of subject.get(key) per key, None when one is missing, or EXC (ValueError \"mapping pattern checks duplicate key (k)\", unhashable keys, errors of get); may allocate, may raise",
    emit(a: Assembler<any>) {
      // r12 subject, r13 keys (raw tuple), r14 index, r15 key, rbx result tuple (raw);
      // [rsp] bound get (0: the subject is an exact dict), [rsp+8] seen set or 0,
      // [rsp+16], [rsp+24] the arguments of get.
      const saved = [rbx, r12, r13, r14, r15] as const;
      const frame = 40;
      const out = a.newLabel();
      const none = a.newLabel();
      const loop = a.newLabel();
      const finish = a.newLabel();
      const haveGet = a.newLabel();
      prologue(a, saved, frame);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      unboxPtr(a, r13);
      a.mov(qword(mem(rsp)), 0);
      a.mov(qword(mem(rsp, 8)), 0);
      const some = a.newLabel();
      a.cmp(qword(mem(r13, TUPLE.length)), 0);
      a.jne(some);
      a.mov(rax, g('rt_const_empty_tuple'));
      a.jmp(out);
      a.bind(some);
      // map.get(key, dummy) unless the subject is an exact dict (the same lookup, inline).
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.lea(rcx, rip(sym('type_dict')));
      a.cmp(rax, rcx);
      a.je(haveGet);
      a.mov(rdi, r12);
      a.mov(rsi, qword(rip(sym('str_match_get.v'))));
      a.call(sym('rt_getattr'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(qword(mem(rsp)), rax);
      a.bind(haveGet);
      // Duplicate keys are found with a set, as CPython (one key: only its hash is taken).
      const oneKey = a.newLabel();
      a.cmp(qword(mem(r13, TUPLE.length)), 1);
      a.je(oneKey);
      a.call(sym('rt_set_new'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(qword(mem(rsp, 8)), rax);
      a.bind(oneKey);
      a.mov(rdi, qword(mem(r13, TUPLE.length)));
      a.call(sym('rt_tuple_alloc'));
      a.mov(rbx, rax);
      a.xor(r14d, r14d);
      a.bind(loop);
      a.cmp(r14, qword(mem(r13, TUPLE.length)));
      a.jae(finish);
      a.mov(r15, qword(sib(r13, r14, 8, TUPLE.items)));
      const hashOnly = a.newLabel();
      const checked = a.newLabel();
      const dup = a.newLabel();
      a.cmp(qword(mem(rsp, 8)), 0);
      a.je(hashOnly);
      a.mov(rdi, qword(mem(rsp, 8)));
      unboxPtr(a, rdi);
      a.mov(rsi, r15);
      a.call(sym('rt_set_contains_key'));
      a.test(eax, eax);
      a.jg(dup);
      const raised = a.newLabel();
      a.js(raised);
      a.mov(rdi, qword(mem(rsp, 8)));
      a.mov(rsi, r15);
      a.call(sym('rt_set_add'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.jmp(checked);
      a.bind(hashOnly);
      a.mov(rdi, r15);
      a.call(sym('rt_hash'));
      a.cmp(rax, -1);
      a.je(raised);
      a.bind(checked);
      const viaGet = a.newLabel();
      const got = a.newLabel();
      a.cmp(qword(mem(rsp)), 0);
      a.jne(viaGet);
      a.mov(rdi, r12);
      a.mov(rsi, r15);
      a.call(sym('rt_dict_getitem'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(none);
      a.jmp(got);
      a.bind(viaGet);
      a.mov(qword(mem(rsp, 16)), r15);
      a.mov(rax, qword(rip(sym('match_dummy.v'))));
      a.mov(qword(mem(rsp, 24)), rax);
      a.mov(rdi, qword(mem(rsp)));
      a.lea(rsi, mem(rsp, 16));
      a.mov(edx, 2);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, qword(rip(sym('match_dummy.v'))));
      a.je(none);
      a.bind(got);
      a.mov(qword(sib(rbx, r14, 8, TUPLE.items)), rax);
      a.inc(r14);
      a.jmp(loop);
      a.bind(finish);
      a.mov(rax, rbx);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(none);
      a.mov(rax, g('rt_const_None'));
      a.jmp(out);
      a.bind(dup);
      raiseFmt(a, 'ValueError', 'msg_match_dup_key', [inReg(r15)], out);
      a.bind(raised);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, frame);
    },
  },
  {
    name: 'rt_match_copy_dict',
    contract: 'rdi=subject (a dict), rsi=tuple of keys -> rax=new dict of the subject\'s items without those keys (COPY_DICT_WITHOUT_KEYS), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      unboxPtr(a, r13);
      a.call(sym('rt_dict_new'));
      a.mov(r14, rax);
      a.mov(rdi, r14);
      a.mov(rsi, r12);
      a.call(sym('rt_dict_merge'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.xor(r15d, r15d);
      a.bind(loop);
      a.cmp(r15, qword(mem(r13, TUPLE.length)));
      a.jae(done);
      a.mov(rdi, r14);
      a.mov(rsi, qword(sib(r13, r15, 8, TUPLE.items)));
      a.call(sym('rt_delitem_dict'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.inc(r15);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, r14);
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
];

export const matchModule: RuntimeModule = {
  name: 'match',
  routines,
  data: [
    typeTable('match_sequence_types', SEQUENCE_TYPES),
    typeTable('match_mapping_types', MAPPING_TYPES),
    typeTable('match_self_types', MATCH_SELF_TYPES),
    ...staticStr('str_match_args', '__match_args__'),
    ...staticStr('str_match_get', 'get'),
    // The default of map.get(key, default): an object no Python code can name.
    { name: 'match_dummy', section: 'data', align: 16, emit: (a) => { emitHeader(a, 'type_object'); a.u64(UNBOUND); } },
    { name: 'match_dummy.v', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:match_dummy')) },
    cstr('msg_match_not_type', 'called match pattern must be a type'),
    cstr('msg_match_args_tuple', '%N.__match_args__ must be a tuple (got %T)'),
    cstr('msg_match_args_str', '__match_args__ elements must be strings (got %T)'),
    cstr('msg_match_accepts', '%N() accepts %d positional sub-pattern%s (%d given)'),
    cstr('msg_match_dup_attr', '%N() got multiple sub-patterns for attribute %R'),
    cstr('msg_match_dup_key', 'mapping pattern checks duplicate key (%R)'),
    cstr('str_match_plural', 's'),
    cstr('str_match_plural_one', ''),
  ],
};
