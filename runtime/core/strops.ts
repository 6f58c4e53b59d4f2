// Runtime str operations: the type slots of str (len, bool, compare, subscript, contains,
// + and *, iteration, repr) and the builtins ord, chr and ascii.
//
// Role: what compiled code reaches through the generic protocol (rt_richcompare,
// rt_repr, ...) or directly from specialized templates. Every result and error follows
// CPython 3.11 (Objects/unicodeobject.c): messages are copied verbatim. Slot routines are
// named rt_<slot>_str so objects.ts installs them in type_str; str_iterator is declared
// here (layout `iterator`, SEQITER: the str and a raw index).
//
// Invariants: results are canonical strs (strbase.ts); single characters below U+0100
// come from the static table, so indexing and iterating Latin-1 text never allocates.

import {
  type Assembler, type Label, al, byte, cl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r12, r13, r14, r14d, r15, r8, r8d, r9, r9d, rax, rbp, rbx, rcx, rdi, rdx, resize, rip, rsi, rsp, sib, sil, sym,
} from '../../src/asm/index.js';
import { BIGINT, SEQITER, STR, TAG_INT, TAG_OBJ, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { intSubclassIndex } from './intsub.js';
import { type Kind, type R64, box, byKind, callWeak, guardExactStr, kindOf, ld, lenOf, raise, raw, st } from './strkit.js';

/** BINOPS indexes (src/bytecode/ops.ts) the str slot handles; in-place adds INPLACE (16). */
const OP_ADD = 0;
const OP_MUL = 2;
const OP_MOD = 5;
const INPLACE_MASK = 15;

/** Offsets of slice.ts SLICEOUT (start, stop, step, length). */
const SLICEOUT = { start: 0, stop: 8, step: 16, length: 24, size: 32 } as const;

/** Largest str the runtime builds, in bytes of data; beyond it CPython would fail to allocate. */
const MAX_STR_BYTES = 1n << 40n;

const indexValue: RuntimeRoutine = {
  name: 'rt_str_index_value',
  contract: 'rdi=value -> rax=i64 and edx=0 for an int or bool that fits i64; edx=1 for an int beyond i64 (rax=+1 or -1, its sign); edx=2 for anything else; clobbers rax rcx rdx; no alloc, no raise',
  emit(a) {
    const notSmall = a.newLabel();
    const other = a.newLabel();
    const big = a.newLabel();
    const overflow = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.jne(notSmall);
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.sar(rax, 16);
    a.xor(edx, edx);
    a.ret();
    a.bind(notSmall);
    a.cmp(eax, TAG_OBJ);
    a.jne(other);
    a.xor(edx, edx);
    a.mov(rax, g('rt_const_True'));
    a.cmp(rdi, rax);
    const isTrue = a.newLabel();
    a.je(isTrue);
    a.cmp(rdi, g('rt_const_False'));
    const isFalse = a.newLabel();
    a.je(isFalse);
    raw(a, rax, rdi);
    a.lea(rcx, rip(sym('type_int')));
    a.cmp(qword(mem(rax)), rcx);
    a.je(big);
    intSubclassIndex(a, big); // instances of subclasses of int (intsub.ts)
    a.bind(other);
    a.mov(edx, 2);
    a.ret();
    a.bind(isTrue);
    a.mov(eax, 1);
    a.ret();
    a.bind(isFalse);
    a.xor(eax, eax);
    a.ret();
    // A big int (never int48 in canonical form): fits i64 with at most 2 digits.
    a.bind(big);
    a.cmp(qword(mem(rax, BIGINT.ndigits)), 2);
    a.ja(overflow);
    a.mov(rcx, qword(mem(rax, BIGINT.digits)));
    a.cmp(qword(mem(rax, BIGINT.ndigits)), 2);
    const two = a.newLabel();
    a.je(two);
    a.mov(ecx, ecx);
    a.bind(two);
    a.cmp(qword(mem(rax, BIGINT.sign)), 0);
    const neg = a.newLabel();
    a.jl(neg);
    a.test(rcx, rcx);
    a.js(overflow);
    a.mov(rax, rcx);
    a.xor(edx, edx);
    a.ret();
    a.bind(neg);
    a.mov(rdx, 0x8000_0000_0000_0000n);
    a.cmp(rcx, rdx);
    a.ja(overflow); // magnitude above 2^63
    a.neg(rcx);
    a.xor(edx, edx);
    a.mov(rax, rcx);
    a.xor(edx, edx);
    a.ret();
    a.bind(overflow);
    a.mov(edx, 1);
    a.mov(rcx, qword(mem(rax, BIGINT.sign)));
    a.mov(eax, 1);
    a.test(rcx, rcx);
    a.mov(rcx, -1);
    a.cmovs(rax, rcx);
    a.ret();
  },
};

const lenStr: RuntimeRoutine = {
  name: 'rt_len_str',
  contract: 'rdi=str value -> rax=length in code points; clobbers rax; no alloc',
  emit(a) {
    raw(a, rax, rdi);
    lenOf(a, rax, rax);
    a.ret();
  },
};

const boolStr: RuntimeRoutine = {
  name: 'rt_bool_str',
  contract: 'rdi=str value -> eax=1 if non-empty, else 0; clobbers rax; no alloc',
  emit(a) {
    raw(a, rax, rdi);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.setne(al);
    a.movzx(eax, al);
    a.ret();
  },
};

const richcompare: RuntimeRoutine = {
  name: 'rt_richcompare_str',
  contract: 'rdi=str value, rsi=value, edx=op (CMPOPS) -> rax=True/False, or NotImplemented when rsi is not a str; no alloc',
  emit(a) {
    const exact = a.newLabel();
    const ni = a.newLabel();
    const ordering = a.newLabel();
    prologue(a, [r12, r13, r14]);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14d, edx);
    guardExactStr(a, rsi, rax, ni);
    a.bind(exact);
    a.cmp(r14d, 2);
    a.jb(ordering);
    a.cmp(r14d, 3);
    a.ja(ordering);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_str_eq'));
    // == gives eq, != gives not eq
    a.cmp(r14d, 3);
    const resultEq = a.newLabel();
    a.jne(resultEq);
    a.xor(eax, 1);
    a.bind(resultEq);
    const out = a.newLabel();
    const yes = a.newLabel();
    a.test(eax, eax);
    a.jne(yes);
    a.mov(rax, g('rt_const_False'));
    a.jmp(out);
    a.bind(yes);
    a.mov(rax, g('rt_const_True'));
    a.jmp(out);
    a.bind(ordering);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_str_cmp'));
    // cmp in {-1,0,1}; op 0 <, 1 <=, 4 >, 5 >=
    const cases: [number, 'l' | 'le' | 'g' | 'ge'][] = [[0, 'l'], [1, 'le'], [4, 'g'], [5, 'ge']];
    for (const [op, cc] of cases) {
      const skip = a.newLabel();
      a.cmp(r14d, op);
      a.jne(skip);
      a.test(eax, eax);
      a.j(cc, yes);
      a.mov(rax, g('rt_const_False'));
      a.jmp(out);
      a.bind(skip);
    }
    a.bind(ni);
    // A str subclass instance compares as a str.
    a.mov(rdi, r13);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const notStr = a.newLabel();
    a.je(notStr);
    a.jmp(exact);
    a.bind(notStr);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.bind(out);
    epilogue(a, [r12, r13, r14]);
  },
};


const slice: RuntimeRoutine = {
  name: 'rt_str_getslice',
  contract: 'rdi=str value, rsi=start, rdx=stop, rcx=step (!= 0; start/stop already adjusted as by PySlice_AdjustIndices) -> rax=str value s[start:stop:step]; may allocate',
  emit(a) {
    // slicelength as PySlice_AdjustIndices computes it
    const posStep = a.newLabel();
    const haveLen = a.newLabel();
    const zero = a.newLabel();
    a.cmp(rcx, 0);
    a.jg(posStep);
    // step < 0: stop < start ? (start - stop - 1) / -step + 1 : 0
    a.cmp(rdx, rsi);
    a.jge(zero);
    a.mov(rax, rsi);
    a.sub(rax, rdx);
    a.dec(rax);
    a.mov(r8, rcx);
    a.neg(r8);
    a.jmp(haveLen);
    a.bind(posStep);
    a.cmp(rsi, rdx);
    a.jge(zero);
    a.mov(rax, rdx);
    a.sub(rax, rsi);
    a.dec(rax);
    a.mov(r8, rcx);
    a.bind(haveLen);
    a.mov(r9, rdx);
    a.xor(edx, edx);
    a.div(r8);
    a.inc(rax);
    a.mov(rdx, r9);
    a.mov(r8, rax); // slicelength
    a.jmp(sym('rt_str_slice_n'));
    a.bind(zero);
    a.mov(rax, g('const_str_empty'));
    a.ret();
  },
};

const sliceN: RuntimeRoutine = {
  name: 'rt_str_slice_n',
  contract: 'rdi=str value, rsi=start, rdx=stop, rcx=step, r8=slicelength (as rt_slice_indices_ex returns them) -> rax=str value; may allocate',
  emit(a) {
    const contiguous = a.newLabel();
    const empty = a.newLabel();
    const out = a.newLabel();
    a.test(r8, r8);
    a.je(empty);
    a.cmp(rcx, 1);
    a.je(contiguous);
    // Gather with a stride: OR of the selected code points first, then copy.
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    prologue(a, saved);
    a.mov(r12, rdi);
    raw(a, r13, rdi); // source
    a.mov(r14, rsi); // start
    a.mov(r15, rcx); // step
    a.mov(rbx, r8); // n
    kindOf(a, ebp, r13);
    a.xor(r9d, r9d); // OR
    byKind(a, ebp, (k) => gather(a, k, 'or'));
    // kind of the result
    a.mov(esi, 1);
    const kindSet = a.newLabel();
    a.cmp(r9d, 0x100);
    a.jb(kindSet);
    a.mov(esi, 2);
    a.cmp(r9d, 0x10000);
    a.jb(kindSet);
    a.mov(esi, 4);
    a.bind(kindSet);
    a.push(r9);
    a.push(rsi);
    a.cmp(rbx, 1);
    const notOne = a.newLabel();
    a.jne(notOne);
    a.cmp(r9d, 0xff);
    a.ja(notOne);
    a.pop(rsi);
    a.pop(r9);
    a.mov(edi, r9d);
    a.call(sym('rt_str_char'));
    a.jmp(out);
    a.bind(notOne);
    a.mov(rdi, rbx);
    a.call(sym('rt_str_alloc'));
    a.pop(rsi); // result kind
    a.pop(r9);
    a.cmp(r9d, 0x80);
    a.setb(byte(mem(rax, STR.ascii)));
    a.mov(r10, rax);
    // copy: source kind ebp, destination kind esi
    byKind(a, ebp, (sk) => byKind(a, esi, (dk) => {
      if (dk > sk) return;
      gather(a, sk, 'copy', dk);
    }));
    a.mov(rax, r10);
    box(a, rax);
    a.bind(out);
    epilogue(a, saved);
    a.bind(contiguous);
    a.lea(rdx, sib(rsi, r8, 1)); // stop = start + n
    a.jmp(sym('rt_str_substr'));
    a.bind(empty);
    a.mov(rax, g('const_str_empty'));
    a.ret();
  },
};

/**
 * Walk the selected code points of a strided slice (source r13, start r14, step r15, count
 * rbx): 'or' accumulates them into r9d, 'copy' stores them into the str at r10.
 */
function gather(a: Assembler<any>, k: Kind, what: 'or' | 'copy', dk: Kind = k): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rcx, r14);
  a.xor(r8d, r8d);
  a.bind(loop);
  a.cmp(r8, rbx);
  a.jae(done);
  ld(a, k, eax, r13, rcx, STR.data);
  if (what === 'or') a.or(r9d, eax);
  else st(a, dk, r10, r8, eax, STR.data);
  a.add(rcx, r15);
  a.inc(r8);
  a.jmp(loop);
  a.bind(done);
}

const getitem: RuntimeRoutine = {
  name: 'rt_getitem_str',
  contract: 'rdi=str value, rsi=index (int, bool, slice, an object with __index__) -> rax=str value or EXC (IndexError "string index out of range", TypeError for other keys); may allocate, may raise (__index__)',
  emit(a) {
    const notIndex = a.newLabel();
    const range = a.newLabel();
    const tooBig = a.newLabel();
    const retry = a.newLabel();
    prologue(a, [r12, r13], SLICEOUT.size);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.bind(retry);
    a.mov(rdi, r13);
    a.call(sym('rt_str_index_value'));
    a.cmp(edx, 1);
    a.je(tooBig);
    a.ja(notIndex);
    raw(a, rdi, r12);
    lenOf(a, rcx, rdi);
    const pos = a.newLabel();
    a.test(rax, rax);
    a.jns(pos);
    a.add(rax, rcx);
    a.bind(pos);
    a.cmp(rax, rcx);
    a.jae(range);
    kindOf(a, ecx, rdi);
    byKind(a, ecx, (k) => ld(a, k, edi, rdi, rax, STR.data));
    a.call(sym('rt_str_char'));
    const out = a.newLabel();
    a.bind(out);
    epilogue(a, [r12, r13], SLICEOUT.size);
    a.bind(range);
    a.lea(rdi, rip(sym('type_IndexError')));
    a.lea(rsi, rip(sym('msg_str_index_range')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(tooBig);
    a.lea(rdi, rip(sym('type_IndexError')));
    a.lea(rsi, rip(sym('msg_str_index_fit')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(notIndex);
    // A slice object (containers' slice type, when linked).
    const notSlice = a.newLabel();
    a.mov(rax, r13);
    a.shr(rax, 48);
    a.cmp(eax, TAG_OBJ);
    a.jne(notSlice);
    raw(a, rax, r13);
    a.mov(rax, qword(mem(rax)));
    a.cmp(rax, g('str_weak_type_slice'));
    a.jne(notSlice);
    a.mov(rdi, r13);
    raw(a, rsi, r12);
    lenOf(a, rsi, rsi);
    a.mov(rdx, rsp);
    const failed = a.newLabel();
    callWeak(a, 'rt_slice_indices_ex', failed);
    a.test(rax, rax);
    a.js(failed);
    a.mov(rdi, r12);
    a.mov(rsi, qword(mem(rsp, SLICEOUT.start)));
    a.mov(rdx, qword(mem(rsp, SLICEOUT.stop)));
    a.mov(rcx, qword(mem(rsp, SLICEOUT.step)));
    a.mov(r8, rax);
    a.call(sym('rt_str_slice_n'));
    a.jmp(out);
    a.bind(failed);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(out);
    a.bind(notSlice);
    {
      // an object with __index__: its int (builtinsub.ts)
      const noIndex = a.newLabel();
      a.mov(rdi, r13);
      a.mov(esi, 1);
      a.call(sym('rt_int_protocol'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(noIndex);
      a.mov(r13, rax);
      a.jmp(retry);
      a.bind(noIndex);
    }
    a.mov(rdx, r13);
    raise(a, 'TypeError', 'msg_str_indices');
    a.jmp(out);
  },
};

const contains: RuntimeRoutine = {
  name: 'rt_contains_str',
  contract: "rdi=str value, rsi=item -> eax=1 if item is a substring, 0 if not, -1 with TypeError \"'in <string>' requires string as left operand, not T\"; may allocate",
  emit(a) {
    const bad = a.newLabel();
    prologue(a, [r12, r13]);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(rdi, rsi);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(bad);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.xor(edx, edx);
    a.mov(rcx, 0x7fff_ffff_ffff_ffffn);
    a.call(sym('rt_str_find'));
    a.not(rax);
    a.shr(rax, 63); // found (index >= 0) -> 1
    const out = a.newLabel();
    a.bind(out);
    epilogue(a, [r12, r13]);
    a.bind(bad);
    a.mov(rdx, r13);
    raise(a, 'TypeError', 'msg_str_in_requires');
    a.mov(eax, -1);
    a.jmp(out);
  },
};

const find: RuntimeRoutine = {
  name: 'rt_str_find',
  contract: 'rdi=haystack str, rsi=needle str, rdx=start, rcx=end (any i64: adjusted like str.find\'s slice arguments) -> rax=index of the first occurrence in s[start:end], or -1; may allocate (a widened copy of the needle)',
  emit(a) {
    emitFind(a, 'rt_str_find_raw', false);
  },
};

const rfind: RuntimeRoutine = {
  name: 'rt_str_rfind',
  contract: 'rdi=haystack str, rsi=needle str, rdx=start, rcx=end (adjusted like str.rfind\'s) -> rax=index of the last occurrence in s[start:end], or -1; may allocate',
  emit(a) {
    emitFind(a, 'rt_str_rfind_raw', true);
  },
};

/**
 * find/rfind with stringlib's ADJUST_INDICES: end clamped to [0, len] (negative counts
 * from the end), start likewise from below; an empty needle matches at start (find) or
 * end (rfind) when start <= end.
 */
function emitFind(a: Assembler<any>, rawRoutine: string, reverse: boolean): void {
  const none = a.newLabel();
  const out = a.newLabel();
  const empty = a.newLabel();
  const saved = [rbx, r12, r13, r14, r15] as const;
  prologue(a, saved);
  raw(a, r12, rdi); // haystack
  a.mov(r13, rsi); // needle value
  adjustIndices(a, rdx, rcx, r12);
  a.mov(r14, rdx); // start
  a.mov(r15, rcx); // end
  raw(a, rax, r13);
  lenOf(a, rbx, rax); // m
  a.mov(rcx, r15);
  a.sub(rcx, r14);
  a.jl(none);
  a.cmp(rbx, rcx);
  a.jg(none);
  a.test(rbx, rbx);
  a.je(empty);
  // A needle of a wider kind cannot occur; a narrower one is widened.
  kindOf(a, esi, r12);
  a.cmp(byte(mem(rax, STR.kind)), sil);
  a.ja(none);
  a.mov(rdi, r13);
  a.call(sym('rt_str_as_kind'));
  kindOf(a, r8d, r12);
  a.mov(ecx, r8d);
  a.shr(ecx, 1);
  a.mov(rdi, r14);
  a.shl(rdi, resize(rcx, 8));
  a.lea(rdi, sib(r12, rdi, 1, STR.data));
  a.lea(rdx, mem(rax, STR.data));
  a.mov(rcx, rbx);
  a.mov(rsi, r15);
  a.sub(rsi, r14);
  a.call(sym(rawRoutine));
  a.test(rax, rax);
  a.js(out);
  a.add(rax, r14);
  a.jmp(out);
  a.bind(empty);
  a.mov(rax, reverse ? r15 : r14);
  a.jmp(out);
  a.bind(none);
  a.mov(rax, -1);
  a.bind(out);
  epilogue(a, saved);
}


/** ADJUST_INDICES(start, end, len(s)) in place; s is the raw str. Clobbers rax. */
export function adjustIndices(a: Assembler<any>, start: R64, end: R64, s: R64): void {
  const endOk = a.newLabel();
  const endNeg = a.newLabel();
  const startOk = a.newLabel();
  lenOf(a, rax, s);
  a.cmp(end, rax);
  a.jle(endNeg);
  a.mov(end, rax);
  a.jmp(endOk);
  a.bind(endNeg);
  a.test(end, end);
  a.jns(endOk);
  a.add(end, rax);
  a.jns(endOk);
  a.xor(resize(end, 32), resize(end, 32));
  a.bind(endOk);
  a.test(start, start);
  a.jns(startOk);
  a.add(start, rax);
  a.jns(startOk);
  a.xor(resize(start, 32), resize(start, 32));
  a.bind(startOk);
}

const concat: RuntimeRoutine = {
  name: 'rt_str_concat',
  contract: 'rdi, rsi=str values -> rax=str value a + b; may allocate',
  emit(a) {
    const retA = a.newLabel();
    const retB = a.newLabel();
    const saved = [rbx, r12, r13, r14, r15] as const;
    raw(a, rax, rdi);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(retB);
    raw(a, rax, rsi);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(retA);
    prologue(a, saved);
    raw(a, r12, rdi);
    raw(a, r13, rsi);
    // kind = max, ascii = both ascii
    kindOf(a, ebx, r12);
    a.movzx(eax, byte(mem(r13, STR.kind)));
    a.cmp(ebx, eax);
    a.cmovb(ebx, eax);
    lenOf(a, rdi, r12);
    a.add(rdi, qword(mem(r13, STR.length)));
    a.mov(esi, ebx);
    a.call(sym('rt_str_alloc'));
    a.mov(r14, rax);
    a.movzx(eax, byte(mem(r12, STR.ascii)));
    a.and(al, byte(mem(r13, STR.ascii)));
    a.mov(byte(mem(r14, STR.ascii)), al);
    a.lea(rdi, mem(r14, STR.data));
    a.mov(esi, ebx);
    a.lea(rdx, mem(r12, STR.data));
    kindOf(a, ecx, r12);
    lenOf(a, r8, r12);
    a.call(sym('rt_str_copy_cps'));
    lenOf(a, rdi, r12);
    a.mov(ecx, ebx);
    a.shr(ecx, 1);
    a.shl(rdi, cl);
    a.lea(rdi, sib(r14, rdi, 1, STR.data));
    a.mov(esi, ebx);
    a.lea(rdx, mem(r13, STR.data));
    kindOf(a, ecx, r13);
    lenOf(a, r8, r13);
    a.call(sym('rt_str_copy_cps'));
    a.mov(rax, r14);
    box(a, rax);
    epilogue(a, saved);
    a.bind(retA);
    a.mov(rax, rdi);
    a.ret();
    a.bind(retB);
    a.mov(rax, rsi);
    a.ret();
  },
};

const repeat: RuntimeRoutine = {
  name: 'rt_str_repeat',
  contract: 'rdi=str value, rsi=count (i64) -> rax=str value s * count (empty for count <= 0) or EXC (OverflowError "repeated string is too long", MemoryError); may allocate',
  emit(a) {
    const empty = a.newLabel();
    const same = a.newLabel();
    const out = a.newLabel();
    const tooLong = a.newLabel();
    const noMem = a.newLabel();
    raw(a, rax, rdi);
    lenOf(a, rcx, rax);
    a.test(rcx, rcx);
    a.je(empty);
    a.test(rsi, rsi);
    a.jle(empty);
    a.cmp(rsi, 1);
    a.je(same);
    const saved = [rbx, r12, r13, r14, r15] as const;
    prologue(a, saved);
    raw(a, r12, rdi);
    a.mov(r13, rsi);
    // len * count must fit (CPython: len > PY_SSIZE_T_MAX / count -> OverflowError)
    a.mov(rax, 0x7fff_ffff_ffff_ffffn);
    a.xor(edx, edx);
    a.div(r13);
    a.cmp(rcx, rax);
    a.ja(tooLong);
    a.mov(r14, rcx);
    a.imul(r14, r13); // total code points
    kindOf(a, ebx, r12);
    a.mov(rax, r14);
    a.mov(ecx, ebx);
    a.shr(ecx, 1);
    a.shl(rax, cl);
    a.mov(r15, rax); // total bytes
    a.mov(rcx, MAX_STR_BYTES);
    a.cmp(rax, rcx);
    a.ja(noMem);
    a.mov(rdi, r14);
    a.mov(esi, ebx);
    a.call(sym('rt_str_alloc'));
    a.mov(r14, rax);
    a.movzx(eax, byte(mem(r12, STR.ascii)));
    a.mov(byte(mem(r14, STR.ascii)), al);
    // One character of kind 1: a fill. Otherwise copy once, then double.
    const doubling = a.newLabel();
    a.cmp(ebx, 1);
    a.jne(doubling);
    a.cmp(qword(mem(r12, STR.length)), 1);
    a.jne(doubling);
    a.movzx(eax, byte(mem(r12, STR.data)));
    a.lea(rdi, mem(r14, STR.data));
    a.mov(rcx, r15);
    a.rep_stosb();
    const done = a.newLabel();
    a.jmp(done);
    a.bind(doubling);
    lenOf(a, rcx, r12);
    a.mov(r8d, ebx);
    a.shr(r8d, 1);
    a.xchg(rcx, r8);
    a.shl(r8, cl);
    a.mov(rcx, r8); // bytes of s
    a.mov(rbx, rcx); // bytes copied so far
    a.lea(rdi, mem(r14, STR.data));
    a.lea(rsi, mem(r12, STR.data));
    a.rep_movsb();
    const loop = a.newLabel();
    a.bind(loop);
    a.cmp(rbx, r15);
    a.jae(done);
    a.mov(rcx, r15);
    a.sub(rcx, rbx);
    a.cmp(rcx, rbx);
    a.cmova(rcx, rbx);
    a.lea(rdi, sib(r14, rbx, 1, STR.data));
    a.lea(rsi, mem(r14, STR.data));
    a.add(rbx, rcx);
    a.rep_movsb();
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r14);
    box(a, rax);
    a.bind(out);
    epilogue(a, saved);
    a.bind(tooLong);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_str_repeat_long')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(noMem);
    a.lea(rdi, rip(sym('type_MemoryError')));
    a.call(sym('rt_raise'));
    a.jmp(out);
    a.bind(empty);
    a.mov(rax, g('const_str_empty'));
    a.ret();
    a.bind(same);
    a.mov(rax, rdi);
    a.ret();
  },
};

const binop: RuntimeRoutine = {
  name: 'rt_binop_str',
  contract: 'rdi=a, rsi=b (one of them a str), edx=op (BINOPS, +16 in place) -> rax=result, NotImplemented, or EXC (+ and * as CPython: str + non-str and str * non-int of builtin types raise the sequence TypeErrors); may allocate',
  emit(a) {
    const saved = [r12, r13, r14] as const;
    const out = a.newLabel();
    const ni = a.newLabel();
    const mul = a.newLabel();
    const mod = a.newLabel();
    prologue(a, saved);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    // str has no in-place slots (no nb_inplace_add / sq_inplace_concat): `s += x` is the
    // binary op, where a str subclass on the right with its own __radd__ goes first
    // (rt_binary_op's subclass priority, which the in-place attempt would bypass).
    a.test(edx, INPLACE_MASK + 1);
    a.jne(ni);
    a.and(edx, INPLACE_MASK);
    a.mov(r14d, edx);
    a.cmp(edx, OP_MUL);
    a.je(mul);
    a.cmp(edx, OP_MOD);
    a.je(mod);
    a.cmp(edx, OP_ADD);
    a.jne(ni);
    // + : both strs concatenate; str + builtin non-str is sq_concat's TypeError.
    a.mov(rdi, r12);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(ni);
    a.mov(rdi, r13);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const addBad = a.newLabel();
    a.je(addBad);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_str_concat'));
    a.jmp(out);
    a.bind(addBad);
    a.mov(rdi, r13);
    builtinTypeOr(a, ni);
    a.mov(rdx, r13);
    raise(a, 'TypeError', 'msg_str_concat');
    a.jmp(out);
    // * : str * int or int * str
    a.bind(mul);
    a.mov(rdi, r12);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const strFirst = a.newLabel();
    a.jne(strFirst);
    a.xchg(r12, r13); // now r12 = the str, r13 = the count
    a.bind(strFirst);
    a.mov(rdi, r13);
    a.call(sym('rt_str_index_value'));
    a.cmp(edx, 1);
    const fitBad = a.newLabel();
    const notInt = a.newLabel();
    a.je(fitBad);
    a.ja(notInt);
    a.mov(rdi, r12);
    a.mov(rsi, rax);
    a.call(sym('rt_str_repeat'));
    a.jmp(out);
    a.bind(fitBad);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_str_index_fit')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(notInt);
    a.mov(rdi, r13);
    builtinTypeOr(a, ni);
    a.mov(rdx, r13);
    raise(a, 'TypeError', 'msg_str_mul');
    a.jmp(out);
    // % : printf-style formatting when the str is on the left.
    a.bind(mod);
    a.mov(rdi, r12);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(ni);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(sym('rt_str_percent'));
    a.jmp(out);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.bind(out);
    epilogue(a, saved);
  },
};

/** Jump to `no` unless the type of the value in rdi is a builtin type (no user dunders). */
function builtinTypeOr(a: Assembler<any>, no: Label): void {
  a.call(sym('rt_type_of'));
  a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
  a.je(no);
}

const iter: RuntimeRoutine = {
  name: 'rt_iter_str',
  contract: 'rdi=str value -> rax=str_iterator value; may allocate',
  emit(a) {
    a.push(rdi);
    a.mov(edi, 32);
    a.lea(rsi, rip(sym('type_str_iterator')));
    a.call(sym('rt_alloc'));
    a.pop(rdi);
    a.mov(qword(mem(rax, SEQITER.seq)), rdi);
    a.mov(qword(mem(rax, SEQITER.index)), 0);
    box(a, rax);
    a.ret();
  },
};

const next: RuntimeRoutine = {
  name: 'rt_next_str_iterator',
  contract: 'rdi=str_iterator value -> rax=next character (str value) or UNBOUND when exhausted; may allocate (characters above U+00FF)',
  emit(a) {
    const done = a.newLabel();
    raw(a, rdi, rdi);
    a.mov(rsi, qword(mem(rdi, SEQITER.seq)));
    raw(a, rsi, rsi);
    a.mov(rax, qword(mem(rdi, SEQITER.index)));
    a.cmp(rax, qword(mem(rsi, STR.length)));
    a.jae(done);
    a.inc(qword(mem(rdi, SEQITER.index)));
    kindOf(a, ecx, rsi);
    byKind(a, ecx, (k) => ld(a, k, edi, rsi, rax, STR.data));
    a.jmp(sym('rt_str_char'));
    a.bind(done);
    a.mov(rax, g('rt_const_unbound'));
    a.ret();
  },
};

const iterSelf: RuntimeRoutine = {
  name: 'rt_iter_str_iterator',
  contract: 'iter slot of str_iterator: rdi -> itself (iter(it) is it)',
  emit(a) {
    a.mov(rax, rdi);
    a.ret();
  },
};

export const STR_OPS_ROUTINES: RuntimeRoutine[] = [indexValue, lenStr, boolStr, richcompare, slice, sliceN, getitem, contains, find, rfind, concat, repeat, binop, iter, next, iterSelf];

export const strOpsModule: RuntimeModule = {
  name: 'strops',
  types: [{ name: 'str_iterator', layout: 'iterator' }],
  routines: STR_OPS_ROUTINES,
  data: [
    cstr('msg_str_index_range', 'string index out of range'),
    cstr('msg_str_index_fit', "cannot fit 'int' into an index-sized integer"),
    cstr('msg_str_indices', 'string indices must be integers, not \'%T\''),
    cstr('msg_str_in_requires', "'in <string>' requires string as left operand, not %T"),
    cstr('msg_str_concat', 'can only concatenate str (not "%T") to str'),
    cstr('msg_str_mul', "can't multiply sequence by non-int of type '%T'"),
    cstr('msg_str_repeat_long', 'repeated string is too long'),
  ],
};
