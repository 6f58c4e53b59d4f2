// Runtime str searching methods: find, rfind, index, rindex, count, startswith, endswith,
// replace, partition, rpartition, removeprefix, removesuffix, __contains__.
//
// Role: the method entries (vector ABI, strargs.ts parsing) and the search primitives
// they share. Slice arguments follow stringlib's ADJUST_INDICES; empty needles and
// out-of-range starts give CPython's answers ('abc'.find('', 4) == -1,
// 'abc'.count('') == 4). Matching runs on same-kind data (strbase.ts): a needle of a
// narrower kind is widened once per call, one of a wider kind cannot match.

import {
  type Assembler, type Label, byte, cl, eax, ebp, ebx, ecx, edx, esi, mem, qword, r12, r13, r14, r15, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sil, sym,
} from '../../src/asm/index.js';
import { STR } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ARG, type ArgSpec, boolResult, boxSmall, requireStr, requireStrClinic, sliceArg, specData, ssizeArg, strMethod } from './strargs.js';
import { box, kindOf, lenOf, raw } from './strkit.js';
import { adjustIndices } from './strops.js';

const I64_MAX = 0x7fff_ffff_ffff_ffffn;

/** rdi = hay raw + index (in r-reg) * kind of hay. Clobbers rcx. */
function dataAt(a: Assembler<any>, dst: typeof rax, s: typeof rax, index: typeof rax): void {
  kindOf(a, ecx, s);
  a.shr(ecx, 1);
  a.mov(dst, index);
  a.shl(dst, cl);
  a.lea(dst, sib(s, dst, 1, STR.data));
}

const count: RuntimeRoutine = {
  name: 'rt_str_count',
  contract: 'rdi=str value, rsi=needle str value, rdx=start, rcx=end (adjusted like str.count\'s) -> rax=number of non-overlapping occurrences; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const zero = a.newLabel();
    const out = a.newLabel();
    const empty = a.newLabel();
    prologue(a, saved, 8);
    raw(a, r12, rdi);
    a.mov(rbx, rsi);
    adjustIndices(a, rdx, rcx, r12);
    a.mov(r14, rdx);
    a.mov(r15, rcx);
    raw(a, rax, rbx);
    lenOf(a, r13, rax);
    a.mov(rcx, r15);
    a.sub(rcx, r14);
    a.cmp(rcx, r13);
    a.jl(zero);
    a.test(r13, r13);
    a.je(empty);
    kindOf(a, esi, r12);
    a.cmp(byte(mem(rax, STR.kind)), sil);
    a.ja(zero);
    a.mov(rdi, rbx);
    a.call(sym('rt_str_as_kind'));
    a.mov(rbx, rax); // needle raw, hay's kind
    a.xor(ebp, ebp);
    const loop = a.newLabel();
    a.bind(loop);
    dataAt(a, rdi, r12, r14);
    a.mov(rsi, r15);
    a.sub(rsi, r14);
    a.lea(rdx, mem(rbx, STR.data));
    a.mov(rcx, r13);
    kindOf(a, r8d, r12);
    a.call(sym('rt_str_find_raw'));
    a.test(rax, rax);
    const done = a.newLabel();
    a.js(done);
    a.inc(rbp);
    a.add(r14, rax);
    a.add(r14, r13);
    a.mov(rax, r15);
    a.sub(rax, r14);
    a.cmp(rax, r13);
    a.jge(loop);
    a.bind(done);
    a.mov(rax, rbp);
    a.jmp(out);
    a.bind(empty);
    a.lea(rax, mem(rcx, 1));
    a.jmp(out);
    a.bind(zero);
    a.xor(eax, eax);
    a.bind(out);
    epilogue(a, saved, 8);
  },
};

const tailmatch: RuntimeRoutine = {
  name: 'rt_str_tailmatch',
  contract: 'rdi=str value, rsi=str value sub, rdx=start, rcx=end (adjusted like startswith\'s), r8d=0 match at start / 1 at end -> eax=1 if s[start:end] starts (ends) with sub; clobbers caller-saved; no alloc',
  emit(a) {
    const no = a.newLabel();
    const yes = a.newLabel();
    const out = a.newLabel();
    prologue(a, [r12, r13, r14, r15]);
    raw(a, r12, rdi);
    raw(a, r13, rsi);
    a.mov(r14d_(), r8d);
    adjustIndices(a, rdx, rcx, r12);
    lenOf(a, r15, r13);
    a.sub(rcx, r15);
    a.cmp(rcx, rdx);
    a.jl(no);
    a.test(r15, r15);
    a.je(yes);
    a.test(r14d_(), r14d_());
    a.cmovne(rdx, rcx); // position of the comparison
    kindOf(a, esi, r12);
    a.cmp(byte(mem(r13, STR.kind)), sil);
    a.ja(no);
    // Same kind: compare bytes; else code point by code point.
    const generic = a.newLabel();
    a.jne(generic);
    a.mov(ecx, esi);
    a.shr(ecx, 1);
    a.shl(rdx, cl);
    a.lea(rdi, sib(r12, rdx, 1, STR.data));
    a.lea(rsi, mem(r13, STR.data));
    a.mov(rdx, r15);
    a.shl(rdx, cl);
    const bytes = a.newLabel();
    a.bind(bytes);
    a.cmp(rdx, 8);
    const tail = a.newLabel();
    a.jb(tail);
    a.mov(rax, qword(mem(rdi)));
    a.cmp(rax, qword(mem(rsi)));
    a.jne(no);
    a.add(rdi, 8);
    a.add(rsi, 8);
    a.sub(rdx, 8);
    a.jmp(bytes);
    a.bind(tail);
    a.test(rdx, rdx);
    a.je(yes);
    a.movzx(eax, byte(mem(rdi)));
    a.cmp(al_(), byte(mem(rsi)));
    a.jne(no);
    a.inc(rdi);
    a.inc(rsi);
    a.dec(rdx);
    a.jmp(tail);
    a.bind(generic);
    // rdx = position in s; r9 = index in sub
    a.movzx(r8d, byte(mem(r13, STR.kind)));
    a.xor(r9d_(), r9d_());
    kindOf(a, esi, r12);
    const loop = a.newLabel();
    a.bind(loop);
    a.cmp(r9, r15);
    a.jae(yes);
    a.lea(rdi, sib(rdx, r9, 1));
    loadCodePoint(a, eax, r12, rdi, rsi);
    loadCodePoint(a, ecx, r13, r9, r8);
    a.cmp(eax, ecx);
    a.jne(no);
    a.inc(r9);
    a.jmp(loop);
    a.bind(yes);
    a.mov(eax, 1);
    a.jmp(out);
    a.bind(no);
    a.xor(eax, eax);
    a.bind(out);
    epilogue(a, [r12, r13, r14, r15]);
  },
};

import { al, r14d, r9d } from '../../src/asm/index.js';
function r14d_() {
  return r14d;
}
function r9d_() {
  return r9d;
}
function al_() {
  return al;
}

// ---- find family -----------------------------------------------------------------------------

const legacy13 = (method: string): ArgSpec => ({ method, kind: 'legacy', min: 1, max: 3 });

/** find / rfind / index / rindex / count. */
function findMethod(method: 'find' | 'rfind' | 'index' | 'rindex' | 'count'): RuntimeRoutine {
  const routine = method === 'count' ? 'rt_str_count' : method.startsWith('r') ? 'rt_str_rfind' : 'rt_str_find';
  return strMethod(legacy13(method), `rt_str_meth_${method}`, method === 'count' ? 'int count or EXC' : 'int index or EXC', (a, out) => {
    a.mov(rax, ARG(1));
    requireStr(a, rax, 'msg_str_must_be_str', out);
    sliceArg(a, ARG(2), 0, out);
    a.mov(r12, rax);
    sliceArg(a, ARG(3), I64_MAX, out);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.mov(rdx, r12);
    a.mov(rcx, rax);
    a.call(sym(routine));
    if (method === 'index' || method === 'rindex') {
      const found = a.newLabel();
      a.test(rax, rax);
      a.jns(found);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_str_substring_not_found')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(found);
    }
    if (method === 'find' || method === 'rfind') {
      const found = a.newLabel();
      a.test(rax, rax);
      a.jns(found);
      a.mov(rax, 0xfff9_ffff_ffff_ffffn); // -1
      a.jmp(out);
      a.bind(found);
    }
    boxSmall(a);
  });
}

/** startswith / endswith: a str or a tuple of strs. */
function affixMethod(method: 'startswith' | 'endswith'): RuntimeRoutine {
  return strMethod(legacy13(method), `rt_str_meth_${method}`, 'bool or EXC', (a, out) => {
    const single = a.newLabel();
    const result = a.newLabel();
    sliceArg(a, ARG(2), 0, out);
    a.mov(r12, rax);
    sliceArg(a, ARG(3), I64_MAX, out);
    a.mov(r13, rax);
    a.mov(rdi, ARG(1));
    a.call(sym('rt_type_of'));
    a.lea(rcx, rip(sym('type_tuple')));
    a.cmp(rax, rcx);
    a.jne(single);
    // tuple: any element matches; each must be a str
    a.xor(r14d, r14d);
    const loop = a.newLabel();
    const next = a.newLabel();
    a.bind(loop);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    a.cmp(r14, qword(mem(rax, 16)));
    const none = a.newLabel();
    a.jae(none);
    a.mov(r15, qword(sib(rax, r14, 8, 24)));
    requireStr(a, r15, `msg_str_tuple_for_${method}`, out);
    a.mov(rdi, ARG(0));
    a.mov(rsi, r15);
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.mov(r8d, method === 'endswith' ? 1 : 0);
    a.call(sym('rt_str_tailmatch'));
    a.test(eax, eax);
    a.jne(result);
    a.bind(next);
    a.inc(r14);
    a.jmp(loop);
    a.bind(none);
    a.xor(eax, eax);
    a.jmp(result);
    a.bind(single);
    a.mov(rax, ARG(1));
    requireStr(a, rax, `msg_str_${method}_first_arg`, out);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.mov(r8d, method === 'endswith' ? 1 : 0);
    a.call(sym('rt_str_tailmatch'));
    a.bind(result);
    boolResult(a);
  });
}

// ---- replace ----------------------------------------------------------------------------------

const replace: RuntimeRoutine = {
  name: 'rt_str_replace',
  contract: 'rdi=str value, rsi=old str, rdx=new str, rcx=count (< 0: all) -> rax=str value with the first count occurrences of old replaced (s itself when none); may allocate',
  emit(a) {
    // r12 = s value, r13 = new value, r14 = s raw, r15 = old raw (in s's kind), rbx = i,
    // rbp = source position; the frame holds the rest.
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const F = { n: 0, res: 8, rkind: 16, limit: 24, mold: 32, dst: 40, old: 48, idx: 56, size: 64 } as const;
    const same = a.newLabel();
    const out = a.newLabel();
    const counted = a.newLabel();
    prologue(a, saved, F.size);
    a.mov(r12, rdi);
    a.mov(r13, rdx);
    a.mov(qword(mem(rsp, F.old)), rsi);
    a.mov(qword(mem(rsp, F.limit)), rcx);
    a.test(rcx, rcx);
    a.je(same);
    raw(a, r14, rdi);
    raw(a, rax, rsi);
    lenOf(a, rcx, rax);
    a.mov(qword(mem(rsp, F.mold)), rcx);
    // Empty old: one insertion before each character and one at the end.
    const nonEmpty = a.newLabel();
    a.test(rcx, rcx);
    a.jne(nonEmpty);
    lenOf(a, rax, r14);
    a.inc(rax);
    a.cmp(rax, qword(mem(rsp, F.limit)));
    a.cmova(rax, qword(mem(rsp, F.limit))); // unsigned: a negative limit is "all"
    a.mov(qword(mem(rsp, F.n)), rax);
    a.jmp(counted);
    a.bind(nonEmpty);
    kindOf(a, esi, r14);
    a.cmp(byte(mem(rax, STR.kind)), sil);
    a.ja(same);
    a.mov(rdi, qword(mem(rsp, F.old)));
    a.call(sym('rt_str_as_kind'));
    a.mov(r15, rax);
    // Count the matches (up to the limit).
    a.mov(qword(mem(rsp, F.n)), 0);
    a.xor(ebp, ebp);
    const loop = a.newLabel();
    a.bind(loop);
    a.mov(rax, qword(mem(rsp, F.n)));
    a.cmp(rax, qword(mem(rsp, F.limit)));
    a.je(counted);
    findNext(a);
    a.test(rax, rax);
    a.js(counted);
    a.inc(qword(mem(rsp, F.n)));
    a.add(rbp, rax);
    a.add(rbp, qword(mem(rsp, F.mold)));
    a.jmp(loop);
    a.bind(counted);
    a.cmp(qword(mem(rsp, F.n)), 0);
    a.je(same);
    // Result: kind max(kind(s), kind(new)), length len + n * (len(new) - len(old)).
    raw(a, rax, r13);
    kindOf(a, esi, r14);
    a.movzx(ecx, byte(mem(rax, STR.kind)));
    a.cmp(esi, ecx);
    a.cmovb(esi, ecx);
    a.mov(qword(mem(rsp, F.rkind)), rsi);
    lenOf(a, rdi, rax);
    a.sub(rdi, qword(mem(rsp, F.mold)));
    a.imul(rdi, qword(mem(rsp, F.n)));
    a.add(rdi, qword(mem(r14, STR.length)));
    a.call(sym('rt_str_alloc'));
    a.mov(qword(mem(rsp, F.res)), rax);
    // Write: segments of s and copies of new.
    a.xor(ebx, ebx);
    a.xor(ebp, ebp);
    a.mov(qword(mem(rsp, F.dst)), 0);
    const write = a.newLabel();
    const tail = a.newLabel();
    a.bind(write);
    a.cmp(rbx, qword(mem(rsp, F.n)));
    a.jae(tail);
    const emptyOld = a.newLabel();
    const next = a.newLabel();
    a.cmp(qword(mem(rsp, F.mold)), 0);
    a.je(emptyOld);
    findNext(a);
    a.mov(qword(mem(rsp, F.idx)), rax);
    copySegment(a, rbp, rax); // s[p : p + idx]
    a.add(rbp, qword(mem(rsp, F.idx)));
    a.add(rbp, qword(mem(rsp, F.mold)));
    copyNew(a);
    a.jmp(next);
    a.bind(emptyOld);
    copyNew(a);
    lenOf(a, rax, r14);
    a.cmp(rbp, rax);
    a.jae(next);
    a.mov(eax, 1);
    copySegment(a, rbp, rax);
    a.inc(rbp);
    a.bind(next);
    a.inc(rbx);
    a.jmp(write);
    a.bind(tail);
    lenOf(a, rax, r14);
    a.sub(rax, rbp);
    copySegment(a, rbp, rax);
    // Canonical form: narrower when old held the only wide characters; ascii flag.
    const narrowCheck = a.newLabel();
    const done = a.newLabel();
    a.mov(rax, qword(mem(rsp, F.res)));
    a.cmp(qword(mem(rsp, F.rkind)), 1);
    a.jne(narrowCheck);
    a.lea(rdi, mem(rax, STR.data));
    lenOf(a, rsi, rax);
    a.mov(edx, 1);
    a.call(sym('rt_str_orchars'));
    a.mov(rcx, qword(mem(rsp, F.res)));
    a.cmp(eax, 0x80);
    a.setb(byte(mem(rcx, STR.ascii)));
    a.mov(rax, rcx);
    a.jmp(done);
    a.bind(narrowCheck);
    // Only when new is narrower than s and old as wide can the widest characters be gone.
    kindOf(a, ecx, r14);
    raw(a, rdx, r13);
    a.cmp(byte(mem(rdx, STR.kind)), cl);
    a.jae(done);
    a.mov(rdx, qword(mem(rsp, F.old)));
    raw(a, rdx, rdx);
    a.cmp(byte(mem(rdx, STR.kind)), cl);
    a.jne(done);
    a.lea(rdi, mem(rax, STR.data));
    lenOf(a, rsi, rax);
    a.mov(rdx, qword(mem(rsp, F.rkind)));
    a.call(sym('rt_str_new_from'));
    a.jmp(out);
    a.bind(done);
    box(a, rax);
    a.jmp(out);
    a.bind(same);
    a.mov(rax, r12);
    a.bind(out);
    epilogue(a, saved, F.size);

    /** rax = index of old in s[rbp:], relative to rbp, or -1. */
    function findNext(asm: Assembler<any>): void {
      dataAt(asm, rdi, r14, rbp);
      lenOf(asm, rsi, r14);
      asm.sub(rsi, rbp);
      asm.lea(rdx, mem(r15, STR.data));
      asm.mov(rcx, qword(mem(rsp, F.mold)));
      kindOf(asm, r8d, r14);
      asm.call(sym('rt_str_find_raw'));
    }
    /** Copy `n` code points of s from index `from` to the result at F.dst; F.dst += n. */
    function copySegment(asm: Assembler<any>, from: typeof rax, n: typeof rax): void {
      asm.mov(r8, n);
      asm.mov(rsi, qword(mem(rsp, F.rkind)));
      asm.mov(rdi, qword(mem(rsp, F.dst)));
      asm.add(qword(mem(rsp, F.dst)), r8);
      asm.mov(ecx, esi);
      asm.shr(ecx, 1);
      asm.shl(rdi, cl);
      asm.add(rdi, qword(mem(rsp, F.res)));
      asm.add(rdi, STR.data);
      dataAt(asm, rdx, r14, from);
      kindOf(asm, ecx, r14);
      asm.call(sym('rt_str_copy_cps'));
    }
    /** Copy new to the result at F.dst; F.dst += len(new). */
    function copyNew(asm: Assembler<any>): void {
      raw(asm, rdx, r13);
      lenOf(asm, r8, rdx);
      asm.mov(rsi, qword(mem(rsp, F.rkind)));
      asm.mov(rdi, qword(mem(rsp, F.dst)));
      asm.add(qword(mem(rsp, F.dst)), r8);
      asm.mov(ecx, esi);
      asm.shr(ecx, 1);
      asm.shl(rdi, cl);
      asm.add(rdi, qword(mem(rsp, F.res)));
      asm.add(rdi, STR.data);
      kindOf(asm, ecx, rdx);
      asm.add(rdx, STR.data);
      asm.call(sym('rt_str_copy_cps'));
    }
  },
};

const replaceMethod = strMethod({ method: 'replace', kind: 'pos', min: 2, max: 3 }, 'rt_str_meth_replace', 'str or EXC', (a, out) => {
  const all = a.newLabel();
  const haveCount = a.newLabel();
  a.mov(rax, ARG(1));
  requireStrClinic(a, rax, 'msg_str_replace_arg1', out);
  a.mov(rax, ARG(2));
  requireStrClinic(a, rax, 'msg_str_replace_arg2', out);
  a.mov(rax, ARG(3));
  a.cmp(rax, g('rt_const_unbound'));
  a.je(all);
  ssizeArg(a, ARG(3), out);
  a.jmp(haveCount);
  a.bind(all);
  a.mov(rax, -1);
  a.bind(haveCount);
  a.mov(rdi, ARG(0));
  a.mov(rsi, ARG(1));
  a.mov(rdx, ARG(2));
  a.mov(rcx, rax);
  a.call(sym('rt_str_replace'));
});

/** partition / rpartition: a 3-tuple around the first (last) separator. */
function partitionMethod(method: 'partition' | 'rpartition'): RuntimeRoutine {
  return strMethod({ method, kind: 'one', min: 1, max: 1 }, `rt_str_meth_${method}`, '3-tuple or EXC', (a, out) => {
    const found = a.newLabel();
    a.mov(rax, ARG(1));
    requireStr(a, rax, 'msg_str_must_be_str', out);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    a.cmp(qword(mem(rax, STR.length)), 0);
    const nonEmpty = a.newLabel();
    a.jne(nonEmpty);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_str_empty_separator')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(nonEmpty);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.xor(edx, edx);
    a.mov(rcx, I64_MAX);
    a.call(sym(method === 'partition' ? 'rt_str_find' : 'rt_str_rfind'));
    a.test(rax, rax);
    a.jns(found);
    a.mov(rax, g('const_str_empty'));
    if (method === 'partition') {
      a.mov(rdi, ARG(0));
      a.mov(rsi, rax);
      a.mov(rdx, rax);
    } else {
      a.mov(rdi, rax);
      a.mov(rsi, rax);
      a.mov(rdx, ARG(0));
    }
    a.call(sym('rt_tuple_pack3'));
    a.jmp(out);
    a.bind(found);
    a.mov(r12, rax);
    a.mov(rdi, ARG(0));
    a.xor(esi, esi);
    a.mov(rdx, r12);
    a.call(sym('rt_str_substr'));
    a.mov(r13, rax);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    a.mov(rsi, r12);
    a.add(rsi, qword(mem(rax, STR.length)));
    a.mov(rdi, ARG(0));
    raw(a, rdx, rdi);
    lenOf(a, rdx, rdx);
    a.call(sym('rt_str_substr'));
    a.mov(rdi, r13);
    a.mov(rsi, ARG(1));
    a.mov(rdx, rax);
    a.call(sym('rt_tuple_pack3'));
  });
}

/** removeprefix / removesuffix. */
function removeMethod(method: 'removeprefix' | 'removesuffix'): RuntimeRoutine {
  return strMethod({ method, kind: 'one', min: 1, max: 1 }, `rt_str_meth_${method}`, 'str or EXC', (a, out) => {
    const keep = a.newLabel();
    a.mov(rax, ARG(1));
    requireStrClinic(a, rax, `msg_str_${method}_arg`, out);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(keep);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.xor(edx, edx);
    a.mov(rcx, I64_MAX);
    a.mov(r8d, method === 'removesuffix' ? 1 : 0);
    a.call(sym('rt_str_tailmatch'));
    a.test(eax, eax);
    a.je(keep);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    lenOf(a, rcx, rax);
    a.mov(rdi, ARG(0));
    raw(a, rdx, rdi);
    lenOf(a, rdx, rdx);
    if (method === 'removeprefix') {
      a.mov(rsi, rcx);
    } else {
      a.xor(esi, esi);
      a.sub(rdx, rcx);
    }
    a.call(sym('rt_str_substr'));
    a.jmp(out);
    a.bind(keep);
    a.mov(rax, ARG(0));
  });
}

const containsMethod = strMethod({ method: '__contains__', kind: 'one', min: 1, max: 1 }, 'rt_str_meth___contains__', 'bool or EXC', (a, out) => {
  a.mov(rdi, ARG(0));
  a.mov(rsi, ARG(1));
  a.call(sym('rt_contains_str'));
  a.test(eax, eax);
  const ok = a.newLabel();
  a.jns(ok);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(out);
  a.bind(ok);
  boolResult(a);
});

export const STR_SEARCH_SPECS: ArgSpec[] = [
  legacy13('find'), legacy13('rfind'), legacy13('index'), legacy13('rindex'), legacy13('count'), legacy13('startswith'), legacy13('endswith'),
  { method: 'replace', kind: 'pos', min: 2, max: 3 },
  ...(['partition', 'rpartition', 'removeprefix', 'removesuffix', '__contains__'] as const).map((method): ArgSpec => ({ method, kind: 'one', min: 1, max: 1 })),
];

const STR_SEARCH_METHODS = ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith', 'replace', 'partition', 'rpartition', 'removeprefix', 'removesuffix', '__contains__'] as const;

export const strSearchModule: RuntimeModule = {
  name: 'strsearch',
  routines: [
    count, tailmatch, replace, replaceMethod, partitionMethod('partition'), partitionMethod('rpartition'), removeMethod('removeprefix'), removeMethod('removesuffix'), containsMethod,
    findMethod('find'), findMethod('rfind'), findMethod('index'), findMethod('rindex'), findMethod('count'),
    affixMethod('startswith'), affixMethod('endswith'),
  ],
  methods: STR_SEARCH_METHODS.map((m) => ({ type: 'str', name: m, entry: `rt_str_meth_${m}` })),
  data: [
    ...STR_SEARCH_SPECS.flatMap(specData),
    cstr('msg_str_must_be_str', 'must be str, not %T'),
    cstr('msg_str_substring_not_found', 'substring not found'),
    cstr('msg_str_tuple_for_startswith', 'tuple for startswith must only contain str, not %T'),
    cstr('msg_str_tuple_for_endswith', 'tuple for endswith must only contain str, not %T'),
    cstr('msg_str_startswith_first_arg', 'startswith first arg must be str or a tuple of str, not %T'),
    cstr('msg_str_endswith_first_arg', 'endswith first arg must be str or a tuple of str, not %T'),
    cstr('msg_str_replace_arg1', 'replace() argument 1 must be str, not %U'),
    cstr('msg_str_replace_arg2', 'replace() argument 2 must be str, not %U'),
    cstr('msg_str_empty_separator', 'empty separator'),
    cstr('msg_str_removeprefix_arg', 'removeprefix() argument must be str, not %U'),
    cstr('msg_str_removesuffix_arg', 'removesuffix() argument must be str, not %U'),
  ],
};
