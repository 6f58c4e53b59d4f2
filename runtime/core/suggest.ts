// Runtime core: the dir() builtin and the "Did you mean" suggestions of printed tracebacks
// (CPython 3.11 Objects/object.c _dir_object, Objects/typeobject.c object___dir__ and
// type___dir__, Objects/moduleobject.c module_dir, Python/suggestions.c).
//
// dir(obj): a `__dir__` that the object's class defines in Python is called and its result
// listed and sorted; otherwise the built-in rules: a module lists its namespace, a class the
// keys of every dict of its MRO, any other object its instance dict's keys plus those of its
// class's MRO. The list is sorted.
//
// Suggestions: the uncaught-exception printer (traceback.ts rt_exception_only) appends
// ". Did you mean: 'x'?" to an AttributeError whose `name` and `obj` are set (rt_getattr sets
// them when a lookup fails, as CPython's set_attribute_error_context) with a candidate from
// dir(obj), and to a NameError whose `name` is set with a candidate from the innermost
// frame's local variable names, then its module's globals, then the builtins. NameErrors
// raised by LOAD_GLOBAL / LOAD_NAME carry their module's descriptor (MODINFO, as a boxed int)
// in the family word after `name` (F_MODINFO). The candidate is the one at the smallest
// Levenshtein distance over the UTF-8 bytes (substitution 2, case-only change 1, common
// prefix and suffix trimmed first, at most (len(name) + len(item) + 3) * 2 // 6; a list of
// 750 names or more is not searched; the first of equal distance wins), as
// _Py_CalculateSuggestions. A name whose UTF-8 form exceeds the 256-byte buffer is not
// considered (CPython rejects names longer than 40 bytes only after trimming the affixes).
// Finding a suggestion never raises: an error on the way (a __dir__ that raises) means no
// suggestion, and rt_exc is left as it was.
//
// AttributeError and NameError made by the runtime (rt_exc_new) get the family words too
// (rt_exc_alloc_for), so `e.name` / `e.obj` of a failed lookup are set as in CPython.

import { type Assembler, type Label, al, byte, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { CODE, EXCEPTION, HDR_AUX, LIST, STR, TAG_INT, TAG_OBJ, TUPLE, TYPE, UNBOUND, boxInt } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { EXC_AUX_EXT, EXC_EXT } from './excattrs.js';
import { listItems } from './list.js';
import { TB } from './traceback.js';
import { type BiSpec, builtinRoutine, clearExc, raise, specData, staticStr } from './bi_args.js';

/** Python/suggestions.c */
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
/** Bytes of the buffer a non-ASCII name is encoded into. */
const UTF8_BUF = 256;

const DIR_SPEC = { fname: 'dir', style: 'VAR', min: 0, max: 1 } as const satisfies BiSpec;

/** AttributeError.name / .obj and NameError.name: the family words (excattrs.ts FAMILIES order). */
const F_NAME = EXC_EXT.f0;
const F_OBJ = EXC_EXT.f0 + 8;
/** NameError: the descriptor of the module whose global lookup failed (boxed int), else unset. */
const F_MODINFO = EXC_EXT.f0 + 8;

type R64 = typeof rax;

/**
 * rax = address of the UTF-8 bytes of the str value in `src`, rdx = their count; rax = 0
 * when they do not fit the buffer at rsp + `buf` (a non-ASCII str is encoded there).
 * Clobbers caller-saved; no alloc.
 */
function utf8View(a: Assembler<any>, src: R64, buf: number): void {
  const ascii = a.newLabel();
  const done = a.newLabel();
  const fits = a.newLabel();
  if (src !== rdi) a.mov(rdi, src);
  a.mov(rax, rdi);
  unboxPtr(a, rax);
  a.cmp(byte(mem(rax, STR.ascii)), 0);
  a.jne(ascii);
  a.push(qword(mem(rax, STR.length)));
  a.xor(esi, esi);
  a.lea(rdx, mem(rsp, buf + 8)); // the push moved rsp
  a.mov(ecx, UTF8_BUF);
  a.call(sym('rt_str_encode_utf8'));
  a.pop(rcx);
  a.cmp(rdx, rcx);
  a.jae(fits);
  a.xor(eax, eax);
  a.jmp(done);
  a.bind(fits);
  a.mov(rdx, rax);
  a.lea(rax, mem(rsp, buf));
  a.jmp(done);
  a.bind(ascii);
  a.mov(rdx, qword(mem(rax, STR.length)));
  a.lea(rax, mem(rax, STR.data));
  a.bind(done);
}

/** Jump to `no` unless the value in `v` is an object of type `typeName` or a subtype. Clobbers caller-saved. */
function ifNotInstance(a: Assembler<any>, v: R64, typeName: string, no: Label): void {
  a.mov(rax, v);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(no);
  if (v !== rdi) a.mov(rdi, v);
  a.lea(rsi, rip(sym(`type_${typeName}`)));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.je(no);
}

/** Jump to `to` if rax is EXC. */
function onExc(a: Assembler<any>, to: Label): void {
  a.cmp(rax, g('rt_const_exc'));
  a.je(to);
}

const levenshtein: RuntimeRoutine = {
  name: 'rt_levenshtein',
  contract: 'rdi=bytes a, rsi=len a, rdx=bytes b, rcx=len b, r8=max cost -> rax=the distance (suggestions.c levenshtein_distance: substitution 2, case-only 1), or max cost + 1 when it is larger; clobbers caller-saved; no alloc',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const frame = 8 * MAX_STRING_SIZE + 8;
    prologue(a, saved, frame);
    const out = a.newLabel();
    const over = a.newLabel();
    const trimmed = a.newLabel();
    const empty = a.newLabel();
    // Trim the common prefix, then the common suffix.
    const prefix = a.newLabel();
    const suffix = a.newLabel();
    a.bind(prefix);
    a.test(rsi, rsi);
    a.je(trimmed);
    a.test(rcx, rcx);
    a.je(trimmed);
    a.movzx(eax, byte(mem(rdi)));
    a.cmp(al, byte(mem(rdx)));
    a.jne(suffix);
    a.inc(rdi);
    a.dec(rsi);
    a.inc(rdx);
    a.dec(rcx);
    a.jmp(prefix);
    a.bind(suffix);
    a.test(rsi, rsi);
    a.je(trimmed);
    a.test(rcx, rcx);
    a.je(trimmed);
    a.movzx(eax, byte(sib(rdi, rsi, 1, -1)));
    a.cmp(al, byte(sib(rdx, rcx, 1, -1)));
    a.jne(trimmed);
    a.dec(rsi);
    a.dec(rcx);
    a.jmp(suffix);
    a.bind(trimmed);
    a.test(rsi, rsi);
    a.je(empty);
    a.test(rcx, rcx);
    a.je(empty);
    a.cmp(rsi, MAX_STRING_SIZE);
    a.ja(over);
    a.cmp(rcx, MAX_STRING_SIZE);
    a.ja(over);
    // a is the shorter one.
    const ordered = a.newLabel();
    a.cmp(rcx, rsi);
    a.jae(ordered);
    a.xchg(rdi, rdx);
    a.xchg(rsi, rcx);
    a.bind(ordered);
    a.mov(rax, rcx);
    a.sub(rax, rsi);
    a.shl(rax, 1);
    a.cmp(rax, r8);
    a.jg(over);
    // buffer[i] = cost of turning a[:i+1] into b[:0].
    a.xor(eax, eax);
    const init = a.newLabel();
    a.bind(init);
    a.lea(r9, mem(rax, 1));
    a.shl(r9, 1);
    a.mov(qword(sib(rsp, rax, 8)), r9);
    a.inc(rax);
    a.cmp(rax, rsi);
    a.jb(init);
    // r9 = b index, r10 = b[b index], r11 = distance, rax = result, rbx = minimum, r12 = a index.
    a.xor(eax, eax);
    a.xor(r9, r9);
    const outer = a.newLabel();
    const inner = a.newLabel();
    const innerDone = a.newLabel();
    a.bind(outer);
    a.cmp(r9, rcx);
    a.jae(out);
    a.movzx(r10, byte(sib(rdx, r9, 1)));
    a.mov(r11, r9);
    a.shl(r11, 1);
    a.mov(rax, r11);
    a.mov(rbx, -1);
    a.xor(r12, r12);
    a.bind(inner);
    a.cmp(r12, rsi);
    a.jae(innerDone);
    a.movzx(r13, byte(sib(rdi, r12, 1)));
    // r14 = substitution_cost(b char, a char)
    const cost0 = a.newLabel();
    const cost1 = a.newLabel();
    const cost2 = a.newLabel();
    const have = a.newLabel();
    a.mov(r14, r10);
    a.xor(r14, r13);
    a.test(r14, 31);
    a.jne(cost2);
    a.cmp(r10, r13);
    a.je(cost0);
    for (const [dst, src] of [[r15, r10], [r14, r13]] as const) {
      const upperDone = a.newLabel();
      a.mov(dst, src);
      a.lea(rbp, mem(dst, -0x41));
      a.cmp(rbp, 25);
      a.ja(upperDone);
      a.add(dst, 0x20);
      a.bind(upperDone);
    }
    a.cmp(r15, r14);
    a.je(cost1);
    a.bind(cost2);
    a.mov(r14, MOVE_COST);
    a.jmp(have);
    a.bind(cost0);
    a.xor(r14, r14);
    a.jmp(have);
    a.bind(cost1);
    a.mov(r14, 1);
    a.bind(have);
    a.add(r14, r11); // substitute
    a.mov(r11, qword(sib(rsp, r12, 8))); // distance = buffer[index]
    a.mov(r15, rax);
    a.cmp(r11, r15);
    a.cmovb(r15, r11);
    a.add(r15, MOVE_COST); // insert_delete
    a.mov(rax, r15);
    a.cmp(r14, rax);
    a.cmovb(rax, r14);
    a.mov(qword(sib(rsp, r12, 8)), rax);
    a.cmp(rax, rbx);
    a.cmovb(rbx, rax);
    a.inc(r12);
    a.jmp(inner);
    a.bind(innerDone);
    a.cmp(rbx, r8);
    a.jg(over);
    a.inc(r9);
    a.jmp(outer);
    a.bind(empty);
    a.lea(rax, sib(rsi, rcx, 1));
    a.shl(rax, 1);
    a.jmp(out);
    a.bind(over);
    a.lea(rax, mem(r8, 1));
    a.bind(out);
    epilogue(a, saved, frame);
  },
};

// Suggest-among frame: the name's bytes and length, the candidates, then the two buffers.
const S_NAMEPTR = 0;
const S_NAMELEN = 8;
const S_ITEMS = 16;
const S_COUNT = 24;
const S_NAMEBUF = 32;
const S_ITEMBUF = S_NAMEBUF + UTF8_BUF;
const S_FRAME = S_ITEMBUF + UTF8_BUF + 8;

const suggestAmong: RuntimeRoutine = {
  name: 'rt_suggest_among',
  contract: 'rdi=raw address of candidate words, rsi=their count, rdx=name str -> rax=the closest candidate str (_Py_CalculateSuggestions), or UNBOUND; the caller keeps the candidates alive; no alloc, no raise',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    prologue(a, saved, S_FRAME);
    const done = a.newLabel();
    const loop = a.newLabel();
    const next = a.newLabel();
    const differ = a.newLabel();
    a.mov(qword(mem(rsp, S_ITEMS)), rdi);
    a.mov(qword(mem(rsp, S_COUNT)), rsi);
    a.mov(r12, rdx);
    a.mov(r14, g('rt_const_unbound'));
    a.mov(r15, 0x7fffffffffffffffn);
    a.cmp(rsi, MAX_CANDIDATE_ITEMS);
    a.jae(done);
    utf8View(a, r12, S_NAMEBUF);
    a.test(rax, rax);
    a.je(done);
    a.mov(qword(mem(rsp, S_NAMEPTR)), rax);
    a.mov(qword(mem(rsp, S_NAMELEN)), rdx);
    a.xor(ebx, ebx);
    a.bind(loop);
    a.cmp(rbx, qword(mem(rsp, S_COUNT)));
    a.jae(done);
    a.mov(rax, qword(mem(rsp, S_ITEMS)));
    a.mov(r13, qword(sib(rax, rbx, 8)));
    ifNotInstance(a, r13, 'str', next);
    utf8View(a, r13, S_ITEMBUF);
    a.test(rax, rax);
    a.je(next);
    a.mov(r10, rax);
    a.mov(r11, rdx);
    // The name itself is no suggestion.
    a.cmp(rdx, qword(mem(rsp, S_NAMELEN)));
    a.jne(differ);
    a.mov(rsi, qword(mem(rsp, S_NAMEPTR)));
    a.xor(ecx, ecx);
    const cmp = a.newLabel();
    a.bind(cmp);
    a.cmp(rcx, r11);
    a.jae(next);
    a.movzx(r8, byte(sib(r10, rcx, 1)));
    a.movzx(r9, byte(sib(rsi, rcx, 1)));
    a.cmp(r8, r9);
    a.jne(differ);
    a.inc(rcx);
    a.jmp(cmp);
    a.bind(differ);
    // No more than a third of the characters may change; never worse than the best so far.
    a.lea(rax, mem(r11, 3));
    a.add(rax, qword(mem(rsp, S_NAMELEN)));
    a.shl(rax, 1);
    a.xor(edx, edx);
    a.mov(ecx, 6);
    a.div(rcx);
    a.lea(rcx, mem(r15, -1));
    a.cmp(rax, rcx);
    a.cmovg(rax, rcx);
    a.mov(rbp, rax);
    a.mov(rdi, qword(mem(rsp, S_NAMEPTR)));
    a.mov(rsi, qword(mem(rsp, S_NAMELEN)));
    a.mov(rdx, r10);
    a.mov(rcx, r11);
    a.mov(r8, rbp);
    a.call(sym('rt_levenshtein'));
    a.cmp(rax, rbp);
    a.jg(next);
    const take = a.newLabel();
    a.cmp(r14, g('rt_const_unbound'));
    a.je(take);
    a.cmp(rax, r15);
    a.jge(next);
    a.bind(take);
    a.mov(r14, r13);
    a.mov(r15, rax);
    a.bind(next);
    a.inc(rbx);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r14);
    epilogue(a, saved, S_FRAME);
  },
};

const routines: RuntimeRoutine[] = [
  levenshtein,
  suggestAmong,
  {
    name: 'rt_dir',
    contract: "rdi=object -> rax=dir(object): a new sorted list of attribute names (the result of the class's own __dir__ when it defines one), or EXC; may allocate, may raise",
    emit(a) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const builtin = a.newLabel();
      const sort = a.newLabel();
      const keys = a.newLabel();
      const mergeMro = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, qword(rip(sym('bi_const_sg_dir'))));
      a.call(sym('rt_type_lookup'));
      onExc(a, out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(builtin);
      // The class's __dir__: sorted(list(obj.__dir__())).
      a.mov(rdi, r12);
      a.mov(rsi, qword(rip(sym('bi_const_sg_dir'))));
      a.call(sym('rt_getattr'));
      onExc(a, out);
      a.mov(rdi, rax);
      a.mov(rsi, rsp);
      a.xor(edx, edx);
      a.xor(ecx, ecx);
      a.call(sym('rt_call'));
      onExc(a, out);
      a.mov(rdi, rax);
      a.call(sym('rt_list_from_iterable'));
      onExc(a, out);
      a.mov(r13, rax);
      a.jmp(sort);
      a.bind(builtin);
      a.call(sym('rt_dict_new'));
      a.mov(r13, rax);
      const notModule = a.newLabel();
      const notType = a.newLabel();
      ifNotInstance(a, r12, 'module', notModule);
      // module_dir: the namespace's names.
      a.mov(rdi, r12);
      a.mov(rsi, qword(rip(sym('bi_const_sg_dict'))));
      a.call(sym('rt_getattr'));
      onExc(a, out);
      a.mov(rdi, r13);
      a.mov(rsi, rax);
      a.call(sym('rt_dict_merge'));
      onExc(a, out);
      a.jmp(keys);
      a.bind(notModule);
      ifNotInstance(a, r12, 'type', notType);
      // type___dir__: the names of every class of the MRO.
      a.mov(r14, r12);
      unboxPtr(a, r14);
      a.jmp(mergeMro);
      a.bind(notType);
      // object___dir__: the instance dict (if any, and a dict), then the class's MRO.
      const classNames = a.newLabel();
      a.mov(rdi, r12);
      a.mov(rsi, qword(rip(sym('bi_const_sg_dict'))));
      a.call(sym('rt_getattr'));
      const gotDict = a.newLabel();
      a.cmp(rax, g('rt_const_exc'));
      a.jne(gotDict);
      clearExc(a);
      a.jmp(classNames);
      a.bind(gotDict);
      a.mov(r15, rax);
      ifNotInstance(a, r15, 'dict', classNames);
      a.mov(rdi, r13);
      a.mov(rsi, r15);
      a.call(sym('rt_dict_merge'));
      onExc(a, out);
      a.bind(classNames);
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(r14, rax);
      a.bind(mergeMro);
      // r14 = raw type: merge the dict of every class of its MRO.
      a.mov(r15, qword(mem(r14, TYPE.mro)));
      unboxPtr(a, r15);
      a.xor(ebx, ebx);
      const mro = a.newLabel();
      const skip = a.newLabel();
      a.bind(mro);
      a.cmp(rbx, qword(mem(r15, TUPLE.length)));
      a.jae(keys);
      a.mov(rax, qword(sib(r15, rbx, 8, TUPLE.items)));
      unboxPtr(a, rax);
      a.mov(rsi, qword(mem(rax, TYPE.dict)));
      a.mov(rax, rsi);
      a.shr(rax, 48);
      a.cmp(eax, TAG_OBJ);
      a.jne(skip);
      a.mov(rdi, r13);
      a.call(sym('rt_dict_merge'));
      onExc(a, out);
      a.bind(skip);
      a.inc(rbx);
      a.jmp(mro);
      a.bind(keys);
      a.mov(rdi, r13);
      a.call(sym('rt_list_from_iterable'));
      onExc(a, out);
      a.mov(r13, rax);
      a.bind(sort);
      a.mov(rdi, r13);
      a.mov(rsi, g('rt_const_unbound'));
      a.xor(edx, edx);
      a.call(sym('rt_list_sort'));
      onExc(a, out);
      a.mov(rax, r13);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  builtinRoutine('rt_builtin_dir', 'dir(object): vector ABI -> the sorted list of its attribute names (rt_dir), or EXC; dir() without an argument (the caller\'s locals) is refused at compile time and raises NotImplementedError when reached through *args; may allocate, may raise', DIR_SPEC, 0, (a, c) => {
    const one = a.newLabel();
    a.test(rax, rax);
    a.jne(one);
    raise(a, 'NotImplementedError', 'msg_dir_no_arg', [], c.out);
    a.bind(one);
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_dir'));
  }),
  {
    name: 'rt_exc_suggestion',
    contract: "rdi=exception value -> rax=the name to suggest (str) for an AttributeError / NameError whose name is set, or UNBOUND; rt_exc is left as it was; may allocate, never raises",
    emit(a) {
      const saved = [rbx, r12, r13, r14, r15] as const;
      prologue(a, saved, 8);
      const out = a.newLabel();
      const failed = a.newLabel();
      const notAttr = a.newLabel();
      const globals = a.newLabel();
      const builtins = a.newLabel();
      a.mov(r12, rdi);
      a.mov(rax, g('rt_exc'));
      a.mov(qword(mem(rsp)), rax);
      a.mov(r14, g('rt_const_unbound'));
      a.mov(rbx, r12);
      unboxPtr(a, rbx);
      a.cmp(dword(mem(rbx, HDR_AUX)), EXC_AUX_EXT);
      a.jne(out);
      a.mov(r13, qword(mem(rbx, F_NAME)));
      ifNotInstance(a, r13, 'str', out);
      ifNotInstance(a, r12, 'AttributeError', notAttr);
      // AttributeError: dir(obj).
      a.mov(rdi, qword(mem(rbx, F_OBJ)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(out);
      a.call(sym('rt_dir'));
      onExc(a, failed);
      a.mov(r15, rax);
      suggestInList(a, r15);
      a.mov(r14, rax);
      a.jmp(out);
      a.bind(notAttr);
      ifNotInstance(a, r12, 'NameError', out);
      // NameError: the innermost frame's locals (the last traceback entry's code).
      a.mov(rax, qword(mem(rbx, EXCEPTION.traceback)));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(globals);
      const walk = a.newLabel();
      const last = a.newLabel();
      a.bind(walk);
      unboxPtr(a, rax);
      a.mov(rdx, qword(mem(rax, TB.next)));
      a.mov(rcx, rdx);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(last);
      a.mov(rax, rdx);
      a.jmp(walk);
      a.bind(last);
      a.mov(rcx, qword(mem(rax, TB.code)));
      unboxPtr(a, rcx);
      a.mov(rdi, qword(mem(rcx, CODE.varnames)));
      unboxPtr(a, rdi);
      a.mov(rsi, qword(mem(rcx, CODE.nlocals)));
      a.cmp(rsi, qword(mem(rdi, TUPLE.length)));
      a.cmova(rsi, qword(mem(rdi, TUPLE.length)));
      a.add(rdi, TUPLE.items);
      a.mov(rdx, r13);
      a.call(sym('rt_suggest_among'));
      a.mov(r14, rax);
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      // Then the module's globals, when the error says which module.
      a.bind(globals);
      a.mov(rdi, qword(mem(rbx, F_MODINFO)));
      a.mov(rax, rdi);
      a.shr(rax, 48);
      a.cmp(eax, TAG_INT);
      a.jne(builtins);
      a.shl(rdi, 16);
      a.sar(rdi, 16);
      a.call(sym('rt_globals_snapshot'));
      onExc(a, failed);
      a.mov(rdi, rax);
      a.call(sym('rt_list_from_iterable'));
      onExc(a, failed);
      a.mov(r15, rax);
      suggestInList(a, r15);
      a.mov(r14, rax);
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      // Then the builtins: their names in the builtins dict's order (static, methods.ts).
      a.bind(builtins);
      a.lea(rdi, rip(sym('builtins_names')));
      a.mov(rsi, qword(mem(rdi, TUPLE.length)));
      a.add(rdi, TUPLE.items);
      a.mov(rdx, r13);
      a.call(sym('rt_suggest_among'));
      a.mov(r14, rax);
      a.jmp(out);
      a.bind(failed);
      a.mov(r14, g('rt_const_unbound'));
      a.bind(out);
      a.mov(rax, qword(mem(rsp)));
      a.mov(g('rt_exc'), rax);
      a.mov(rax, r14);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_attr_error_context',
    contract: 'rdi=object, rsi=name str: when rt_exc is an AttributeError whose name and obj are unset, set them (CPython\'s set_attribute_error_context, for the suggestion); preserves rax; no alloc, no raise',
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r14, rax);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(rdi, g('rt_exc'));
      ifNotInstance(a, rdi, 'AttributeError', out);
      a.mov(rcx, g('rt_exc'));
      unboxPtr(a, rcx);
      a.cmp(dword(mem(rcx, HDR_AUX)), EXC_AUX_EXT);
      a.jne(out);
      a.mov(rax, g('rt_const_unbound'));
      a.cmp(qword(mem(rcx, F_NAME)), rax);
      a.jne(out);
      a.cmp(qword(mem(rcx, F_OBJ)), rax);
      a.jne(out);
      a.mov(qword(mem(rcx, F_NAME)), r13);
      a.mov(qword(mem(rcx, F_OBJ)), r12);
      a.bind(out);
      a.mov(rax, r14);
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_raise_name_error_in',
    contract: "rdi=name str, rsi=module descriptor (MODINFO) whose global lookup failed, or 0 -> rax=EXC: NameError \"name 'x' is not defined\" with its name (and the module, for the suggestion); may allocate",
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(rdx, rdi);
      a.lea(rdi, rip(sym('type_NameError')));
      a.lea(rsi, rip(sym('msg_name_not_defined')));
      a.call(sym('rt_raise_fmt'));
      a.mov(rcx, g('rt_exc'));
      unboxPtr(a, rcx);
      a.cmp(dword(mem(rcx, HDR_AUX)), EXC_AUX_EXT);
      a.jne(out);
      a.mov(qword(mem(rcx, F_NAME)), r12);
      a.test(r13, r13);
      a.je(out);
      a.mov(rax, boxInt(0n));
      a.or(r13, rax);
      a.mov(qword(mem(rcx, F_MODINFO)), r13);
      a.bind(out);
      a.mov(rax, g('rt_const_exc'));
      epilogue(a, [r12, r13], 8);
    },
  },
  {
    name: 'rt_exc_alloc_for',
    contract: 'rdi=exception type address -> rax=raw new exception object of that type (rt_alloc), with the family words of AttributeError / NameError (aux EXC_AUX_EXT, unset) when the type derives from one of them; may allocate',
    emit(a) {
      const plain = a.newLabel();
      const ext = a.newLabel();
      prologue(a, [r12]);
      a.mov(r12, rdi);
      for (const t of ['AttributeError', 'NameError']) {
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym(`type_${t}`)));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.jne(ext);
      }
      a.bind(plain);
      a.mov(edi, EXCEPTION.size);
      a.mov(rsi, r12);
      a.call(sym('rt_alloc'));
      a.pop(r12);
      a.ret();
      a.bind(ext);
      a.mov(rdi, qword(mem(r12, TYPE.instanceSize)));
      a.mov(eax, EXC_EXT.size);
      a.cmp(rdi, rax);
      a.cmovb(rdi, rax);
      a.mov(rsi, r12);
      a.call(sym('rt_alloc'));
      a.mov(dword(mem(rax, HDR_AUX)), EXC_AUX_EXT);
      a.mov(rcx, UNBOUND);
      for (let i = 0; i < 5; i++) a.mov(qword(mem(rax, EXC_EXT.f0 + 8 * i)), rcx);
      epilogue(a, [r12]);
    },
  },
];

/** rax = rt_suggest_among over the items of the list value in `list` (r13 holds the name). */
function suggestInList(a: Assembler<any>, list: R64): void {
  a.mov(rcx, list);
  unboxPtr(a, rcx);
  a.mov(rsi, qword(mem(rcx, LIST.length)));
  listItems(a, rdi, rcx);
  a.mov(rdx, r13);
  a.call(sym('rt_suggest_among'));
}

export const suggestModule: RuntimeModule = {
  name: 'suggest',
  builtins: [{ name: 'dir', entry: 'rt_builtin_dir' }],
  routines,
  data: [
    ...specData(DIR_SPEC),
    ...staticStr('sg_dir', '__dir__'),
    ...staticStr('sg_dict', '__dict__'),
    cstr('msg_dir_no_arg', 'dir() without an argument is not supported natively'),
  ],
};

/**
 * Whether `item` could be suggested for `name` (its distance within the limit of
 * _Py_CalculateSuggestions, ignoring the best-so-far cut). The program builder keeps the
 * methods of builtin types near a name the program uses in their type dicts, which are
 * otherwise cut to the names the program uses, so dir() at traceback time finds the same
 * candidates as CPython's.
 */
export function suggestionCandidate(name: string, item: string): boolean {
  if (name === item) return false;
  const ascii = /^[\x00-\x7f]*$/;
  const a = ascii.test(name) ? name : Buffer.from(name, 'utf8').toString('latin1');
  const b = ascii.test(item) ? item : Buffer.from(item, 'utf8').toString('latin1');
  const max = Math.floor(((a.length + b.length + 3) * MOVE_COST) / 6);
  // Cheap bounds first: every inserted or deleted byte costs MOVE_COST, and so does every
  // byte of one string that the other lacks even ignoring case.
  if (Math.abs(a.length - b.length) * MOVE_COST > max) return false;
  if (missingBytes(a, b) * MOVE_COST > max) return false;
  return levenshteinBytes(a, b, max) <= max;
}

const COUNTS = new Int32Array(256);

/** max(bytes of a missing from b, bytes of b missing from a), as lowercase multisets. */
function missingBytes(a: string, b: string): number {
  const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  for (let i = 0; i < a.length; i++) COUNTS[lower(a.charCodeAt(i))]++;
  let bMissing = 0;
  for (let i = 0; i < b.length; i++) if (COUNTS[lower(b.charCodeAt(i))]-- <= 0) bMissing++;
  let aMissing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = lower(a.charCodeAt(i));
    if (COUNTS[c] > 0) aMissing += COUNTS[c];
    COUNTS[c] = 0;
  }
  for (let i = 0; i < b.length; i++) COUNTS[lower(b.charCodeAt(i))] = 0;
  return Math.max(aMissing, bMissing);
}

/** suggestions.c levenshtein_distance (the same algorithm as rt_levenshtein) over byte strings (one char per byte). */
function levenshteinBytes(a0: string, b0: string, max: number): number {
  let [as, ae, bs, be] = [0, a0.length, 0, b0.length];
  while (as < ae && bs < be && a0.charCodeAt(as) === b0.charCodeAt(bs)) { as++; bs++; }
  while (as < ae && bs < be && a0.charCodeAt(ae - 1) === b0.charCodeAt(be - 1)) { ae--; be--; }
  let a = a0.slice(as, ae);
  let b = b0.slice(bs, be);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return max + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > max) return max + 1;
  const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  const cost = (x: number, y: number): number => ((x & 31) !== (y & 31) ? MOVE_COST : x === y ? 0 : lower(x) === lower(y) ? 1 : MOVE_COST);
  const buffer = Array.from({ length: a.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    let distance = bi * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + cost(b.charCodeAt(bi), a.charCodeAt(i));
      distance = buffer[i];
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      buffer[i] = result;
      minimum = Math.min(minimum, result);
    }
    if (minimum > max) return max + 1;
  }
  return result;
}
