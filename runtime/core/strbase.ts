// Runtime str base: the primitives every str operation is built from.
//
// Role: canonical str construction from code point data of any kind (narrowest kind,
// ascii flag, the static 1-character strs and the empty str), copying between kinds, the
// str hash (layout.ts strHash), equality and ordering, substring search on raw data, and
// the growable value array the splitting methods collect pieces in. The str methods
// (strops, strsearch, strmethods, strformat) call these; strcore.ts (creation from UTF-8,
// the builder) sits below.
//
// Invariants: every str these routines return is canonical (the narrowest kind holding
// its widest code point; ascii set iff kind 1 and all code points < 0x80). The empty str
// is always `const_str_empty`, a 1-character str below U+0100 always the static entry of
// `str_chars`, so producing them never allocates. Searching is on raw data of one kind:
// callers widen a narrower needle first (rt_str_as_kind); a needle of a wider kind than
// the haystack cannot occur in it (canonical kinds).

import {
  type Assembler, type Label, al, ax, byte, cl, dl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r10d, r11d, r12, r13, r13d, r14, r14d, r15, r15d, r8, r8d, r9, r9d,
  rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sil, sym, xmm0, xmm1,
} from '../../src/asm/index.js';
import { GC_STATIC, STR, TUPLE, strHash } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { CHAR_STRIDE, KIND_ASCII, type Kind, type R32, type R64, SHIFT, box, byKind, kindOf, ld, lenOf, raw, st, weakData, weakNames } from './strkit.js';

/** rt_str_orchars: OR of all code points, read 8 bytes at a time. */
const orChars: RuntimeRoutine = {
  name: 'rt_str_orchars',
  contract: 'rdi=data, rsi=n code points, edx=kind -> eax=bitwise OR of the code points (its highest bit bounds the widest one); clobbers rax rcx rdx rsi rdi r8; no alloc',
  emit(a) {
    const wide = a.newLabel();
    const tail = a.newLabel();
    a.mov(r8d, edx);
    a.mov(ecx, edx);
    a.shr(ecx, 1);
    a.shl(rsi, cl); // bytes
    a.xor(eax, eax);
    a.bind(wide);
    a.cmp(rsi, 8);
    a.jb(tail);
    a.or(rax, qword(mem(rdi)));
    a.add(rdi, 8);
    a.sub(rsi, 8);
    a.jmp(wide);
    a.bind(tail);
    // The rest is fewer than 8 bytes of whole code points: OR them into the low lane.
    byKind(a, r8d, (k) => {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.test(rsi, rsi);
      a.je(done);
      ld(a, k, edx, rdi);
      a.or(rax, rdx);
      a.add(rdi, k);
      a.sub(rsi, k);
      a.jmp(loop);
      a.bind(done);
      // Fold the lanes of the accumulator into one code point.
      a.mov(rdx, rax);
      a.shr(rdx, 32);
      a.or(rax, rdx);
      if (k === 4) {
        a.mov(eax, eax);
        return;
      }
      a.mov(edx, eax);
      a.shr(edx, 16);
      a.or(eax, edx);
      if (k === 2) {
        a.movzx(eax, ax);
        return;
      }
      a.mov(edx, eax);
      a.shr(edx, 8);
      a.or(eax, edx);
      a.movzx(eax, al);
    });
    a.ret();
  },
};


/** rt_str_copy_cps: copy n code points converting kinds. */
const copyCps: RuntimeRoutine = {
  name: 'rt_str_copy_cps',
  contract: 'rdi=dst, esi=dst kind, rdx=src, ecx=src kind, r8=n: copy n code points, widening or narrowing (narrowing only when they fit); clobbers rax rcx rdx rsi rdi r8 r9; no alloc',
  emit(a) {
    const convert = a.newLabel();
    a.cmp(esi, ecx);
    a.jne(convert);
    a.shr(ecx, 1);
    a.shl(r8, cl);
    a.mov(rcx, r8);
    a.mov(rsi, rdx);
    // rep movsb pays a start-up cost; short copies (most split pieces) move words.
    const small = a.newLabel();
    const words = a.newLabel();
    const bytes = a.newLabel();
    const done = a.newLabel();
    a.cmp(rcx, 64);
    a.jb(small);
    a.rep_movsb();
    a.ret();
    a.bind(small);
    a.bind(words);
    a.cmp(rcx, 8);
    a.jb(bytes);
    a.mov(rax, qword(mem(rsi)));
    a.mov(qword(mem(rdi)), rax);
    a.add(rsi, 8);
    a.add(rdi, 8);
    a.sub(rcx, 8);
    a.jmp(words);
    a.bind(bytes);
    a.test(rcx, rcx);
    a.je(done);
    a.movzx(eax, byte(mem(rsi)));
    a.mov(byte(mem(rdi)), al);
    a.inc(rsi);
    a.inc(rdi);
    a.dec(rcx);
    a.jmp(bytes);
    a.bind(done);
    a.ret();
    a.bind(convert);
    // r9 = index; one loop per (src kind, dst kind) pair.
    a.xor(r9d, r9d);
    byKind(a, ecx, (sk) => {
      byKind(a, esi, (dk) => {
        if (sk === dk) return;
        const loop = a.newLabel();
        const done = a.newLabel();
        a.bind(loop);
        a.cmp(r9, r8);
        a.jae(done);
        ld(a, sk, eax, rdx, r9);
        st(a, dk, rdi, r9, eax);
        a.inc(r9);
        a.jmp(loop);
        a.bind(done);
      });
    });
    a.ret();
  },
};

/** rt_str_new_from: canonical str from code point data. */
const newFrom: RuntimeRoutine = {
  name: 'rt_str_new_from',
  contract: 'rdi=data, rsi=n code points, edx=kind of the data (+0x100 if known ASCII) -> rax=canonical str value (narrowest kind; static for empty and 1-character Latin-1); the data may be inside a heap object (held across the allocation); may allocate',
  emit(a) {
    const empty = a.newLabel();
    const haveOr = a.newLabel();
    const notChar = a.newLabel();
    const kindSet = a.newLabel();
    const out = a.newLabel();
    a.test(rsi, rsi);
    a.je(empty);
    const saved = [rbx, r12, r13, r14, r15] as const;
    prologue(a, saved);
    a.mov(r12, rdi); // data
    a.mov(r13, rsi); // n
    a.movzx(r14d, dl); // kind
    a.mov(r15d, 0x7f); // OR of the code points
    a.test(edx, KIND_ASCII);
    a.jne(haveOr);
    a.call(sym('rt_str_orchars'));
    a.mov(r15d, eax);
    a.bind(haveOr);
    a.cmp(r13, 1);
    a.jne(notChar);
    a.cmp(r15d, 0xff);
    a.ja(notChar);
    ld1(a, r14d, r12);
    a.mov(edi, eax);
    a.call(sym('rt_str_char'));
    a.jmp(out);
    a.bind(notChar);
    a.mov(esi, 1);
    a.cmp(r15d, 0x100);
    a.jb(kindSet);
    a.mov(esi, 2);
    a.cmp(r15d, 0x10000);
    a.jb(kindSet);
    a.mov(esi, 4);
    a.bind(kindSet);
    a.mov(rdi, r13);
    a.mov(ebx, esi);
    a.call(sym('rt_str_alloc'));
    a.cmp(r15d, 0x80);
    a.setb(byte(mem(rax, STR.ascii)));
    a.mov(r15, rax);
    a.lea(rdi, mem(rax, STR.data));
    a.mov(esi, ebx);
    a.mov(rdx, r12);
    a.mov(ecx, r14d);
    a.mov(r8, r13);
    a.call(sym('rt_str_copy_cps'));
    a.mov(rax, r15);
    box(a, rax);
    a.bind(out);
    epilogue(a, saved);
    a.bind(empty);
    a.mov(rax, g('const_str_empty'));
    a.ret();
  },
};


/** eax = first code point at [p] of the kind in kind32 (any kind). */
function ld1(a: Assembler<any>, kind32: R32, p: R64): void {
  byKind(a, kind32, (k) => ld(a, k, eax, p));
}

/** rt_str_char: the str of one code point. */
const strChar: RuntimeRoutine = {
  name: 'rt_str_char',
  contract: 'edi=code point -> rax=str value of that one character (static below U+0100); may allocate',
  emit(a) {
    const alloc = a.newLabel();
    const kindSet = a.newLabel();
    a.cmp(edi, 0xff);
    a.ja(alloc);
    a.mov(eax, edi);
    a.lea(eax, sib(rax, rax, 2)); // cp * 3
    a.shl(eax, 4); // cp * 48
    a.lea(rcx, rip(sym('str_chars')));
    a.add(rax, rcx);
    box(a, rax);
    a.ret();
    a.bind(alloc);
    a.push(rdi);
    a.mov(esi, 2);
    a.cmp(edi, 0xffff);
    a.jbe(kindSet);
    a.mov(esi, 4);
    a.bind(kindSet);
    a.mov(edi, 1);
    a.call(sym('rt_str_alloc'));
    a.pop(rdi);
    const k4 = a.newLabel();
    const stored = a.newLabel();
    a.cmp(byte(mem(rax, STR.kind)), 4);
    a.je(k4);
    st(a, 2, rax, undefined, edi, STR.data);
    a.jmp(stored);
    a.bind(k4);
    st(a, 4, rax, undefined, edi, STR.data);
    a.bind(stored);
    box(a, rax);
    a.ret();
  },
};

const substr: RuntimeRoutine = {
  name: 'rt_str_substr',
  contract: 'rdi=str value, rsi=start, rdx=end (0 <= start <= end <= len) -> rax=str value of s[start:end] (s itself when whole); may allocate',
  emit(a) {
    const part = a.newLabel();
    raw(a, rax, rdi);
    a.test(rsi, rsi);
    a.jne(part);
    a.cmp(rdx, qword(mem(rax, STR.length)));
    a.jne(part);
    a.mov(rax, rdi);
    a.ret();
    a.bind(part);
    a.sub(rdx, rsi); // n
    kindOf(a, ecx, rax);
    a.lea(rdi, mem(rax, STR.data));
    // data + start * kind
    a.push(rcx);
    a.shr(ecx, 1);
    a.shl(rsi, cl);
    a.pop(rcx);
    a.add(rdi, rsi);
    a.mov(rsi, rdx);
    a.mov(edx, ecx);
    a.cmp(byte(mem(rax, STR.ascii)), 0);
    const notAscii = a.newLabel();
    a.je(notAscii);
    a.or(edx, KIND_ASCII);
    a.bind(notAscii);
    a.jmp(sym('rt_str_new_from'));
  },
};

const strCheck: RuntimeRoutine = {
  name: 'rt_str_check',
  contract: 'rdi=value -> eax=1 if it is a str (or an instance of a str subclass), else 0; clobbers rax rcx rdx rsi rdi; no alloc',
  emit(a) {
    const no = a.newLabel();
    const yes = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, 0xfffc);
    a.jne(no);
    raw(a, rdi, rdi);
    a.mov(rdi, qword(mem(rdi)));
    a.lea(rsi, rip(sym('type_str')));
    a.cmp(rdi, rsi);
    a.je(yes);
    a.jmp(sym('rt_is_subtype'));
    a.bind(yes);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

const hashStr: RuntimeRoutine = {
  name: 'rt_hash_str',
  contract: 'rdi=str value -> rax=hash (layout.ts strHash: FNV-1a over code points, length, fmix64; never -1), cached in the object when not yet computed; clobbers rax rcx rdx rsi rdi r8; no alloc, no raise',
  emit(a) {
    const compute = a.newLabel();
    raw(a, rdi, rdi);
    a.mov(rax, qword(mem(rdi, STR.hash)));
    a.cmp(rax, -1);
    a.je(compute);
    a.ret();
    a.bind(compute);
    lenOf(a, rcx, rdi);
    a.lea(rsi, mem(rdi, STR.data));
    a.mov(rax, FNV_OFFSET);
    a.mov(r8, FNV_PRIME);
    kindOf(a, edx, rdi);
    byKind(a, edx, (k) => {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.push(rcx);
      a.bind(loop);
      a.test(rcx, rcx);
      a.je(done);
      ld(a, k, edx, rsi);
      a.xor(rax, rdx);
      a.imul(rax, r8);
      a.add(rsi, k);
      a.dec(rcx);
      a.jmp(loop);
      a.bind(done);
      a.pop(rcx);
    });
    a.xor(rax, rcx);
    // MurmurHash3 fmix64.
    a.mov(rdx, rax);
    a.shr(rdx, 33);
    a.xor(rax, rdx);
    a.mov(r8, 0xff51afd7ed558ccdn);
    a.imul(rax, r8);
    a.mov(rdx, rax);
    a.shr(rdx, 33);
    a.xor(rax, rdx);
    a.mov(r8, 0xc4ceb9fe1a85ec53n);
    a.imul(rax, r8);
    a.mov(rdx, rax);
    a.shr(rdx, 33);
    a.xor(rax, rdx);
    a.mov(rdx, -2);
    a.cmp(rax, -1);
    a.cmove(rax, rdx);
    a.mov(qword(mem(rdi, STR.hash)), rax);
    a.ret();
  },
};

const strEq: RuntimeRoutine = {
  name: 'rt_str_eq',
  contract: 'rdi, rsi=str values -> eax=1 if equal, else 0 (identity, length, kind, cached hashes, then the data 8 bytes at a time); clobbers rax rcx rdx rsi rdi r8; no alloc, no raise',
  emit(a) {
    const yes = a.newLabel();
    const no = a.newLabel();
    const data = a.newLabel();
    const wide = a.newLabel();
    const tail = a.newLabel();
    a.cmp(rdi, rsi);
    a.je(yes);
    raw(a, rdi, rdi);
    raw(a, rsi, rsi);
    lenOf(a, rax, rdi);
    a.cmp(rax, qword(mem(rsi, STR.length)));
    a.jne(no);
    a.movzx(ecx, byte(mem(rdi, STR.kind)));
    a.cmp(cl, byte(mem(rsi, STR.kind)));
    a.jne(no);
    a.mov(rdx, qword(mem(rdi, STR.hash)));
    a.mov(r8, qword(mem(rsi, STR.hash)));
    a.cmp(rdx, -1);
    a.je(data);
    a.cmp(r8, -1);
    a.je(data);
    a.cmp(rdx, r8);
    a.jne(no);
    a.bind(data);
    a.shr(ecx, 1);
    a.shl(rax, cl); // bytes
    a.add(rdi, STR.data);
    a.add(rsi, STR.data);
    a.bind(wide);
    a.cmp(rax, 8);
    a.jb(tail);
    a.mov(rdx, qword(mem(rdi)));
    a.cmp(rdx, qword(mem(rsi)));
    a.jne(no);
    a.add(rdi, 8);
    a.add(rsi, 8);
    a.sub(rax, 8);
    a.jmp(wide);
    a.bind(tail);
    a.test(rax, rax);
    a.je(yes);
    a.movzx(edx, byte(mem(rdi)));
    a.cmp(dl, byte(mem(rsi)));
    a.jne(no);
    a.inc(rdi);
    a.inc(rsi);
    a.dec(rax);
    a.jmp(tail);
    a.bind(yes);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

const strCmp: RuntimeRoutine = {
  name: 'rt_str_cmp',
  contract: 'rdi, rsi=str values -> eax=-1, 0 or 1 (code point order, then length); clobbers rax rcx rdx rsi rdi r8 r9 r10 r11; no alloc, no raise',
  emit(a) {
    const generic = a.newLabel();
    const lengths = a.newLabel();
    const wide = a.newLabel();
    const tail = a.newLabel();
    const diff = a.newLabel();
    const cps = a.newLabel();
    raw(a, rdi, rdi);
    raw(a, rsi, rsi);
    // r8 = min length
    lenOf(a, r8, rdi);
    a.cmp(r8, qword(mem(rsi, STR.length)));
    a.cmovg(r8, qword(mem(rsi, STR.length)));
    a.movzx(ecx, byte(mem(rdi, STR.kind)));
    a.cmp(cl, byte(mem(rsi, STR.kind)));
    a.jne(generic);
    // Same kind: find the first differing byte 8 at a time; r9 = byte offset, r10 = bytes.
    a.mov(r11d, ecx);
    a.shr(ecx, 1);
    a.mov(r10, r8);
    a.shl(r10, cl);
    a.xor(r9d, r9d);
    a.bind(wide);
    a.lea(rax, mem(r9, 8));
    a.cmp(rax, r10);
    a.ja(tail);
    a.mov(rax, qword(sib(rdi, r9, 1, STR.data)));
    a.xor(rax, qword(sib(rsi, r9, 1, STR.data)));
    a.jne(diff);
    a.add(r9, 8);
    a.jmp(wide);
    a.bind(tail);
    a.cmp(r9, r10);
    a.jae(lengths);
    a.movzx(eax, byte(sib(rdi, r9, 1, STR.data)));
    a.cmp(al, byte(sib(rsi, r9, 1, STR.data)));
    a.jne(cps);
    a.inc(r9);
    a.jmp(tail);
    a.bind(diff);
    a.bsf(rax, rax);
    a.shr(eax, 3);
    a.add(r9, rax);
    // r9 = offset of a differing byte: compare the code points that contain it.
    a.bind(cps);
    a.shr(r9, cl);
    byKind(a, r11d, (k) => {
      ld(a, k, eax, rdi, r9, STR.data);
      ld(a, k, edx, rsi, r9, STR.data);
    });
    a.cmp(eax, edx);
    a.sbb(eax, eax); // -1 if below, else 0
    a.or(eax, 1);
    a.ret();
    // Different kinds: code point by code point.
    a.bind(generic);
    a.xor(r9d, r9d);
    a.movzx(r10d, byte(mem(rdi, STR.kind)));
    a.movzx(r11d, byte(mem(rsi, STR.kind)));
    const loop = a.newLabel();
    a.bind(loop);
    a.cmp(r9, r8);
    a.jae(lengths);
    byKind(a, r10d, (k) => ld(a, k, eax, rdi, r9, STR.data));
    a.mov(ecx, eax);
    byKind(a, r11d, (k) => ld(a, k, edx, rsi, r9, STR.data));
    a.inc(r9);
    a.cmp(ecx, edx);
    a.je(loop);
    a.sbb(eax, eax);
    a.or(eax, 1);
    a.ret();
    a.bind(lengths);
    a.mov(rax, qword(mem(rdi, STR.length)));
    a.xor(edx, edx);
    a.cmp(rax, qword(mem(rsi, STR.length)));
    a.setg(dl);
    a.mov(eax, -1);
    a.cmovge(eax, edx);
    a.ret();
  },
};


/** Bytes replicating a code point of kind k across 8 bytes. */
const BROADCAST: Record<Kind, bigint> = { 1: 0x0101010101010101n, 2: 0x0001000100010001n, 4: 0x0000000100000001n };

/**
 * rt_str_memchr: first index of one code point, 16 bytes per step with SSE2 (pcmpeqb
 * compares bytes; a 2- or 4-byte code point matches where all its bytes do).
 */
const memchr: RuntimeRoutine = {
  name: 'rt_str_memchr',
  contract: 'rdi=data, rsi=n code points, edx=code point, ecx=kind -> rax=index of its first occurrence or -1; clobbers rax rcx rdx rsi rdi r8 r9 r10 xmm0 xmm1; no alloc',
  emit(a) {
    byKind(a, ecx, (k) => {
      const vec = a.newLabel();
      const tail = a.newLabel();
      const found = a.newLabel();
      const foundScalar = a.newLabel();
      const none = a.newLabel();
      a.mov(r8, rdi); // start
      a.lea(r9, sib(rdi, rsi, k)); // end
      a.mov(r10d, edx); // the code point
      a.mov(eax, edx);
      a.mov(rcx, BROADCAST[k]);
      a.imul(rax, rcx);
      a.movq(xmm1, rax);
      a.unpcklpd(xmm1, xmm1);
      a.bind(vec);
      a.lea(rax, mem(rdi, 16));
      a.cmp(rax, r9);
      a.ja(tail);
      a.movdqu(xmm0, mem(rdi));
      a.pcmpeqb(xmm0, xmm1);
      a.pmovmskb(eax, xmm0);
      if (k !== 1) {
        a.mov(ecx, eax);
        a.shr(ecx, 1);
        a.and(eax, ecx);
      }
      if (k === 4) {
        a.mov(ecx, eax);
        a.shr(ecx, 2);
        a.and(eax, ecx);
      }
      if (k !== 1) a.and(eax, k === 2 ? 0x5555 : 0x1111);
      a.test(eax, eax);
      a.jne(found);
      a.add(rdi, 16);
      a.jmp(vec);
      a.bind(found);
      a.bsf(eax, eax);
      a.add(rax, rdi);
      a.sub(rax, r8);
      if (SHIFT[k] > 0) a.shr(rax, SHIFT[k]);
      a.ret();
      a.bind(tail);
      a.cmp(rdi, r9);
      a.jae(none);
      ld(a, k, eax, rdi);
      a.cmp(eax, r10d);
      a.je(foundScalar);
      a.add(rdi, k);
      a.jmp(tail);
      a.bind(foundScalar);
      a.mov(rax, rdi);
      a.sub(rax, r8);
      if (SHIFT[k] > 0) a.shr(rax, SHIFT[k]);
      a.ret();
      a.bind(none);
      a.mov(rax, -1);
      a.ret();
    });
    a.ud2();
  },
};

/** Inline: eax = 1 if `bytes` bytes at [p] and [q] are equal, else 0. Clobbers rax rcx rdx p q bytes. */
function memeq(a: Assembler<any>, p: R64, q: R64, bytes: R64, done: Label): void {
  const wide = a.newLabel();
  const tail = a.newLabel();
  const no = a.newLabel();
  a.bind(wide);
  a.cmp(bytes, 8);
  a.jb(tail);
  a.mov(rax, qword(mem(p)));
  a.cmp(rax, qword(mem(q)));
  a.jne(no);
  a.add(p, 8);
  a.add(q, 8);
  a.sub(bytes, 8);
  a.jmp(wide);
  a.bind(tail);
  a.mov(eax, 1);
  a.test(bytes, bytes);
  a.je(done);
  a.movzx(ecx, byte(mem(p)));
  a.cmp(cl, byte(mem(q)));
  a.jne(no);
  a.inc(p);
  a.inc(q);
  a.dec(bytes);
  a.jmp(tail);
  a.bind(no);
  a.xor(eax, eax);
  a.jmp(done);
}

/**
 * rt_str_find_raw / rt_str_rfind_raw: substring search on same-kind data. Candidates are
 * positions of the needle's first code point (rt_str_memchr forwards); each is checked on
 * its last code point, then compared in full. Worst case O(n*m).
 */
const findRaw: RuntimeRoutine = {
  name: 'rt_str_find_raw',
  contract: 'rdi=haystack data, rsi=haystack length, rdx=needle data, rcx=needle length (>= 1), r8d=kind of both -> rax=first index or -1; clobbers caller-saved and xmm0 xmm1; no alloc',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const none = a.newLabel();
    const loop = a.newLabel();
    const next = a.newLabel();
    const out = a.newLabel();
    const single = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.mov(r15, rcx);
    a.mov(ebp, r8d);
    a.cmp(r15, r13);
    a.ja(none);
    a.sub(r13, r15); // last candidate position
    a.xor(ebx, ebx); // i
    a.bind(loop);
    // rax = memchr(hay + i*k, last - i + 1, needle[0])
    a.mov(ecx, ebp);
    a.shr(ecx, 1);
    a.mov(rdi, rbx);
    a.shl(rdi, cl);
    a.add(rdi, r12);
    a.lea(rsi, mem(r13, 1));
    a.sub(rsi, rbx);
    ld1(a, ebp, r14);
    a.mov(edx, eax);
    a.mov(ecx, ebp);
    a.call(sym('rt_str_memchr'));
    a.test(rax, rax);
    a.js(none);
    a.add(rbx, rax);
    a.cmp(r15, 1);
    a.je(single);
    // Compare needle[1:] with hay[i+1 : i+m].
    a.mov(ecx, ebp);
    a.shr(ecx, 1);
    a.lea(rsi, mem(rbx, 1));
    a.shl(rsi, cl);
    a.add(rsi, r12);
    a.lea(rdi, mem(r14));
    a.lea(rdx, mem(r15, -1));
    a.shl(rdx, cl);
    a.mov(qword(mem(rsp)), rdx);
    // Last code point first (cheap rejection): index m-2 of needle[1:] and of hay[i+1:].
    a.lea(r8, mem(r15, -2));
    a.add(rdi, rbp);
    byKind(a, ebp, (k) => {
      ld(a, k, eax, rsi, r8);
      ld(a, k, ecx, rdi, r8);
    });
    a.cmp(eax, ecx);
    a.jne(next);
    a.mov(rdx, qword(mem(rsp)));
    const cmpDone = a.newLabel();
    memeq(a, rsi, rdi, rdx, cmpDone);
    a.bind(cmpDone);
    a.test(eax, eax);
    a.jne(single);
    a.bind(next);
    a.inc(rbx);
    a.cmp(rbx, r13);
    a.jbe(loop);
    a.bind(none);
    a.mov(rax, -1);
    a.jmp(out);
    a.bind(single);
    a.mov(rax, rbx);
    a.bind(out);
    epilogue(a, saved, 8);
  },
};


const rfindRaw: RuntimeRoutine = {
  name: 'rt_str_rfind_raw',
  contract: 'rdi=haystack data, rsi=haystack length, rdx=needle data, rcx=needle length (>= 1), r8d=kind of both -> rax=last index or -1; clobbers caller-saved; no alloc',
  emit(a) {
    const none = a.newLabel();
    a.cmp(rcx, rsi);
    a.ja(none);
    // r9 = candidate position, from n - m down to 0; r10 = bytes of needle[1:].
    a.mov(r9, rsi);
    a.sub(r9, rcx);
    a.push(rbx);
    a.push(r12);
    a.lea(r10, mem(rcx, -1));
    byKind(a, r8d, (k) => {
      const loop = a.newLabel();
      const next = a.newLabel();
      const cmp = a.newLabel();
      const hit = a.newLabel();
      if (SHIFT[k] > 0) a.shl(r10, SHIFT[k]);
      ld(a, k, r11d, rdx);
      a.bind(loop);
      ld(a, k, eax, rdi, r9);
      a.cmp(eax, r11d);
      a.jne(next);
      // compare bytes [i+1 ..] with needle[1..]
      a.lea(rbx, sib(rdi, r9, k, k));
      a.lea(r12, mem(rdx, k));
      a.mov(rcx, r10);
      a.bind(cmp);
      a.test(rcx, rcx);
      a.je(hit);
      a.movzx(eax, byte(mem(rbx)));
      a.cmp(al, byte(mem(r12)));
      a.jne(next);
      a.inc(rbx);
      a.inc(r12);
      a.dec(rcx);
      a.jmp(cmp);
      a.bind(next);
      a.sub(r9, 1);
      a.jae(loop);
      a.mov(rax, -1);
      a.pop(r12);
      a.pop(rbx);
      a.ret();
      a.bind(hit);
      a.mov(rax, r9);
      a.pop(r12);
      a.pop(rbx);
      a.ret();
    });
    a.ud2();
    a.bind(none);
    a.mov(rax, -1);
    a.ret();
  },
};

const asKind: RuntimeRoutine = {
  name: 'rt_str_as_kind',
  contract: 'rdi=str value, esi=kind >= its kind -> rax=raw address of a str with the same code points stored in that kind (the str itself when kinds match, else a private non-canonical copy that must not escape); may allocate',
  emit(a) {
    const same = a.newLabel();
    raw(a, rax, rdi);
    a.cmp(sil, byte(mem(rax, STR.kind)));
    a.je(same);
    a.push(r12);
    a.push(r13);
    a.push(rax);
    a.mov(r12, rax);
    a.mov(r13d, esi);
    lenOf(a, rdi, rax);
    a.call(sym('rt_str_alloc'));
    a.mov(qword(mem(rsp)), rax);
    a.lea(rdi, mem(rax, STR.data));
    a.mov(esi, r13d);
    a.lea(rdx, mem(r12, STR.data));
    kindOf(a, ecx, r12);
    lenOf(a, r8, r12);
    a.call(sym('rt_str_copy_cps'));
    a.pop(rax);
    a.pop(r13);
    a.pop(r12);
    a.bind(same);
    a.ret();
  },
};


/**
 * Value accumulator: a tuple used as a growable array of values (its length field is the
 * capacity; unused items are zero words, which the collector skips as floats). Callers
 * keep the count themselves and the raw address in a callee-saved register.
 */
const accPush: RuntimeRoutine = {
  name: 'rt_str_acc_push',
  contract: 'rdi=accumulator raw address (a tuple) or 0, rsi=count, rdx=value -> rax=accumulator raw address (grown to twice the capacity when full) with item[count]=value; may allocate',
  emit(a) {
    const room = a.newLabel();
    const fresh = a.newLabel();
    const copy = a.newLabel();
    const copied = a.newLabel();
    a.test(rdi, rdi);
    a.je(fresh);
    a.cmp(rsi, qword(mem(rdi, TUPLE.length)));
    a.jb(room);
    a.bind(fresh);
    prologue(a, [r12, r13, r14]);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    const big = a.newLabel();
    a.lea(rdi, sib(rsi, rsi, 1));
    a.cmp(rdi, 8);
    a.jae(big);
    a.mov(edi, 8);
    a.bind(big);
    a.call(sym('rt_tuple_alloc'));
    a.xor(ecx, ecx);
    a.test(r12, r12);
    a.je(copied);
    a.bind(copy);
    a.cmp(rcx, r13);
    a.jae(copied);
    a.mov(rdx, qword(sib(r12, rcx, 8, TUPLE.items)));
    a.mov(qword(sib(rax, rcx, 8, TUPLE.items)), rdx);
    a.inc(rcx);
    a.jmp(copy);
    a.bind(copied);
    a.mov(rdi, rax);
    a.mov(rsi, r13);
    a.mov(rdx, r14);
    a.pop(r14);
    a.pop(r13);
    a.pop(r12);
    a.bind(room);
    a.mov(qword(sib(rdi, rsi, 8, TUPLE.items)), rdx);
    a.mov(rax, rdi);
    a.ret();
  },
};

export const STR_BASE_ROUTINES: RuntimeRoutine[] = [orChars, copyCps, newFrom, strChar, substr, strCheck, hashStr, strEq, strCmp, memchr, findRaw, rfindRaw, asKind, accPush];

/** The 256 static 1-character strs, CHAR_STRIDE bytes apart. */
function charTable(): RuntimeDatum {
  return {
    name: 'str_chars',
    section: 'rodata',
    align: 16,
    emit(a) {
      for (let cp = 0; cp < 256; cp++) {
        a.u64(sym('type_str'));
        a.u32(GC_STATIC);
        a.u32(0);
        a.u64(1);
        a.u64(BigInt.asUintN(64, strHash(String.fromCodePoint(cp))));
        a.u8(1);
        a.u8(cp < 0x80 ? 1 : 0);
        a.bytes(new Uint8Array(6));
        a.u8(cp);
        a.bytes(new Uint8Array(CHAR_STRIDE - 41));
      }
    },
  };
}

export const STR_BASE_DATA: RuntimeDatum[] = [
  charTable(),
  ...weakData(),
  ...weakNames(),
  cstr('msg_str_missing_routine', 'str runtime: %s is not linked into this image'),
];

export const strBaseModule: RuntimeModule = {
  name: 'strbase',
  routines: STR_BASE_ROUTINES,
  data: STR_BASE_DATA,
};
