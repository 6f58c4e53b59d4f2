// Runtime str representations: repr() of a str, the backslashreplace escaping behind
// ascii(), and the builtins ord(), chr() and ascii().
//
// repr follows unicode_repr (Objects/unicodeobject.c): single quotes unless the text has a
// single quote and no double quote; \\ and the quote escaped; \t \n \r by name; other
// code points below 0x20 and 0x7f as \xNN; non-ASCII code points kept when printable
// (str.isprintable, the Unicode table's `printable` flag), else \xNN, \uNNNN or
// \UNNNNNNNN. Both passes read the input once: the first sizes the result and finds its
// kind, the second writes it.

import {
  type Assembler, type Label, byte, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r15d, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { STR } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type Kind, box, byKind, kindOf, ld, lenOf, raw, st } from './strkit.js';
import { specData } from './strargs.js';
import { UC } from './unicode.js';

type Mode = 'repr' | 'backslash';

/** Jump to `ok` when the code point in edx (>= 0x80) is printable. Clobbers rax rcx rdi. */
function ifPrintable(a: Assembler<any>, ok: Label): void {
  a.mov(edi, edx);
  a.call(sym('rt_unicode_info'));
  a.test(eax, UC.printable);
  a.jne(ok);
}

/**
 * Pass 1 over the input (r12 raw, r13 length, ebp kind): rbx += extra output characters,
 * r14 = single quotes, r15 = double quotes, [rsp] |= kept non-ASCII code points.
 */
function sizePass(a: Assembler<any>, mode: Mode): void {
  byKind(a, ebp, (k) => {
    const loop = a.newLabel();
    const next = a.newLabel();
    const done = a.newLabel();
    const high = a.newLabel();
    const plus1 = a.newLabel();
    const plus3 = a.newLabel();
    a.xor(r8, r8);
    a.bind(loop);
    a.cmp(r8, r13);
    a.jae(done);
    ld(a, k, edx, r12, r8, STR.data);
    a.cmp(edx, 0x7f);
    a.jae(high);
    if (mode === 'repr') {
      const ctrl = a.newLabel();
      const notSq = a.newLabel();
      const notDq = a.newLabel();
      a.cmp(edx, 0x20);
      a.jb(ctrl);
      a.cmp(edx, 0x27);
      a.jne(notSq);
      a.inc(r14);
      a.jmp(next);
      a.bind(notSq);
      a.cmp(edx, 0x22);
      a.jne(notDq);
      a.inc(r15);
      a.jmp(next);
      a.bind(notDq);
      a.cmp(edx, 0x5c);
      a.je(plus1);
      a.jmp(next);
      a.bind(ctrl);
      for (const c of [9, 10, 13]) {
        a.cmp(edx, c);
        a.je(plus1);
      }
      a.jmp(plus3);
    } else {
      a.jmp(next);
    }
    a.bind(high);
    if (mode === 'repr') {
      const keep = a.newLabel();
      a.cmp(edx, 0x7f);
      a.je(plus3);
      ifPrintable(a, keep);
      escapeSize(a, plus3, next);
      a.bind(keep);
      a.or(qword(mem(rsp)), rdx);
      a.jmp(next);
    } else {
      a.cmp(edx, 0x7f);
      a.je(next);
      escapeSize(a, plus3, next);
    }
    a.bind(plus1);
    a.inc(rbx);
    a.jmp(next);
    a.bind(plus3);
    a.add(rbx, 3);
    a.bind(next);
    a.inc(r8);
    a.jmp(loop);
    a.bind(done);
  });
}

/** rbx += the extra length of \xNN (jump plus3), \uNNNN or \UNNNNNNNN for the code point in edx. */
function escapeSize(a: Assembler<any>, plus3: Label, next: Label): void {
  const big = a.newLabel();
  a.cmp(edx, 0x100);
  a.jb(plus3);
  a.cmp(edx, 0x10000);
  a.jae(big);
  a.add(rbx, 5);
  a.jmp(next);
  a.bind(big);
  a.add(rbx, 9);
  a.jmp(next);
}

/**
 * Pass 2: write the escaped text into the str at r14 (kind ok), from output index r9 on;
 * the input is read with loadCodePoint (any kind). r15d holds the quote (repr mode).
 */
function writePass(a: Assembler<any>, ok: Kind, mode: Mode): void {
  const loop = a.newLabel();
  const next = a.newLabel();
  const done = a.newLabel();
  const high = a.newLabel();
  const plain = a.newLabel();
  const put = (c: number | typeof edx): void => {
    if (typeof c === 'number') a.mov(eax, c);
    else a.mov(eax, c);
    st(a, ok, r14, r9, eax, STR.data);
    a.inc(r9);
  };
  const hex = (letter: number, digits: number): void => {
    put(0x5c);
    put(letter);
    a.lea(rdi, rip(sym('str_hex_digits')));
    for (let i = digits - 1; i >= 0; i--) {
      a.mov(ecx, edx);
      if (i > 0) a.shr(ecx, 4 * i);
      a.and(ecx, 15);
      a.movzx(eax, byte(sib(rdi, rcx, 1)));
      st(a, ok, r14, r9, eax, STR.data);
      a.inc(r9);
    }
    a.jmp(next);
  };
  const hex2 = a.newLabel();
  a.xor(r8, r8);
  a.bind(loop);
  a.cmp(r8, r13);
  a.jae(done);
  loadCodePoint(a, edx, r12, r8, rbp);
  a.cmp(edx, 0x7f);
  a.jae(high);
  if (mode === 'repr') {
    const ctrl = a.newLabel();
    const esc = a.newLabel();
    a.cmp(edx, 0x20);
    a.jb(ctrl);
    a.cmp(edx, r15d);
    a.je(esc);
    a.cmp(edx, 0x5c);
    a.je(esc);
    a.jmp(plain);
    a.bind(esc);
    put(0x5c);
    a.jmp(plain);
    a.bind(ctrl);
    for (const [c, letter] of [[9, 0x74], [10, 0x6e], [13, 0x72]] as const) {
      const skip = a.newLabel();
      a.cmp(edx, c);
      a.jne(skip);
      put(0x5c);
      put(letter);
      a.jmp(next);
      a.bind(skip);
    }
    a.jmp(hex2);
  } else {
    a.jmp(plain);
  }
  a.bind(high);
  a.cmp(edx, 0x7f);
  a.je(mode === 'repr' ? hex2 : plain);
  if (mode === 'repr') ifPrintable(a, plain);
  const u4 = a.newLabel();
  const u8 = a.newLabel();
  a.cmp(edx, 0x100);
  a.jae(u4);
  a.bind(hex2);
  hex(0x78, 2);
  a.bind(u4);
  a.cmp(edx, 0x10000);
  a.jae(u8);
  hex(0x75, 4);
  a.bind(u8);
  hex(0x55, 8);
  a.bind(plain);
  put(edx);
  a.bind(next);
  a.inc(r8);
  a.jmp(loop);
  a.bind(done);
}

/** Body of rt_repr_str / rt_str_backslashreplace: rdi = str value -> rax = str value. */
function emitEscaper(a: Assembler<any>, mode: Mode): void {
  const saved = [rbx, rbp, r12, r13, r14, r15] as const;
  const out = a.newLabel();
  prologue(a, saved, 8);
  raw(a, r12, rdi);
  lenOf(a, r13, r12);
  kindOf(a, ebp, r12);
  a.xor(ebx, ebx); // extra characters
  a.xor(r14, r14);
  a.xor(r15, r15);
  a.mov(qword(mem(rsp)), 0); // OR of kept non-ASCII code points
  if (mode === 'backslash') {
    // ASCII text is its own result.
    const notAscii = a.newLabel();
    a.cmp(byte(mem(r12, STR.ascii)), 0);
    a.je(notAscii);
    a.mov(rax, rdi);
    a.jmp(out);
    a.bind(notAscii);
  }
  sizePass(a, mode);
  if (mode === 'repr') {
    // The quote: " when there are single quotes and no double ones, else ' (escaped).
    const single = a.newLabel();
    const quoted = a.newLabel();
    a.test(r14, r14);
    a.je(single);
    a.test(r15, r15);
    a.jne(single);
    a.mov(r15d, 0x22);
    a.jmp(quoted);
    a.bind(single);
    a.add(rbx, r14);
    a.mov(r15d, 0x27);
    a.bind(quoted);
    a.add(rbx, 2);
  }
  // Result kind from the kept code points.
  const kindSet = a.newLabel();
  a.mov(rax, qword(mem(rsp)));
  a.mov(esi, 1);
  a.cmp(eax, 0x100);
  a.jb(kindSet);
  a.mov(esi, 2);
  a.cmp(eax, 0x10000);
  a.jb(kindSet);
  a.mov(esi, 4);
  a.bind(kindSet);
  a.lea(rdi, sib(r13, rbx, 1));
  a.push(rsi);
  a.call(sym('rt_str_alloc'));
  a.pop(rsi);
  a.mov(r14, rax);
  a.cmp(qword(mem(rsp)), 0x80);
  a.setb(byte(mem(r14, STR.ascii)));
  a.xor(r9, r9);
  byKind(a, esi, (ok) => {
    if (mode === 'repr') {
      a.mov(eax, r15d);
      st(a, ok, r14, r9, eax, STR.data);
      a.inc(r9);
    }
    writePass(a, ok, mode);
    if (mode === 'repr') {
      a.mov(eax, r15d);
      st(a, ok, r14, r9, eax, STR.data);
    }
  });
  a.mov(rax, r14);
  box(a, rax);
  a.bind(out);
  epilogue(a, saved, 8);
}

const reprStr: RuntimeRoutine = {
  name: 'rt_repr_str',
  contract: 'rdi=str value -> rax=str value repr(s) (CPython unicode_repr); may allocate',
  emit: (a) => emitEscaper(a, 'repr'),
};

const backslash: RuntimeRoutine = {
  name: 'rt_str_backslashreplace',
  contract: 'rdi=str value -> rax=str value with every non-ASCII code point written \\xNN, \\uNNNN or \\UNNNNNNNN (the str itself when ASCII); may allocate',
  emit: (a) => emitEscaper(a, 'backslash'),
};

/** Vector-ABI prologue of a one-argument builtin: check arity and keywords, r12 = args[0]. */
function oneArg(a: Assembler<any>, name: string, out: Label): void {
  const kwBad = a.newLabel();
  const countBad = a.newLabel();
  const ok = a.newLabel();
  a.test(rdx, rdx);
  a.je(ok);
  a.mov(rax, rdx);
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.cmp(qword(mem(rax, 16)), 0);
  a.jne(kwBad);
  a.bind(ok);
  a.cmp(rsi, 1);
  a.jne(countBad);
  a.mov(r12, qword(mem(rdi)));
  const go = a.newLabel();
  a.jmp(go);
  a.bind(kwBad);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_${name}_nokw`)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(out);
  a.bind(countBad);
  a.mov(rdx, rsi);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_${name}_arity`)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(out);
  a.bind(go);
}

const ord: RuntimeRoutine = {
  name: 'rt_builtin_ord',
  contract: 'vector ABI (rdi=args, rsi=nargs, rdx=kwnames) -> rax=int code point of a 1-character str (or the byte of a length-1 bytes) or EXC (TypeError as CPython); may allocate',
  emit(a) {
    const out = a.newLabel();
    const notStr = a.newLabel();
    const badLen = a.newLabel();
    prologue(a, [r12, r13]);
    oneArg(a, 'ord', out);
    a.mov(rdi, r12);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(notStr);
    raw(a, rax, r12);
    a.cmp(qword(mem(rax, STR.length)), 1);
    a.jne(badLen);
    kindOf(a, ecx, rax);
    byKind(a, ecx, (k) => ld(a, k, eax, rax, undefined, STR.data));
    a.mov(rcx, 0xfff9n << 48n);
    a.or(rax, rcx);
    a.jmp(out);
    a.bind(badLen);
    a.mov(rdx, qword(mem(rax, STR.length)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_ord_length')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(notStr);
    // bytes of length 1 (layout.ts BYTES: +16 length, +32 data)
    const notBytes = a.newLabel();
    a.mov(rax, r12);
    a.shr(rax, 48);
    a.cmp(eax, 0xfffc);
    a.jne(notBytes);
    raw(a, rax, r12);
    a.lea(rcx, rip(sym('type_bytes')));
    a.cmp(qword(mem(rax)), rcx);
    a.jne(notBytes);
    a.cmp(qword(mem(rax, 16)), 1);
    a.jne(badLen);
    a.movzx(eax, byte(mem(rax, 32)));
    a.mov(rcx, 0xfff9n << 48n);
    a.or(rax, rcx);
    a.jmp(out);
    a.bind(notBytes);
    a.mov(rdx, r12);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_ord_type')));
    a.call(sym('rt_raise_fmt'));
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

const chr: RuntimeRoutine = {
  name: 'rt_builtin_chr',
  contract: 'vector ABI -> rax=str of the code point or EXC (ValueError "chr() arg not in range(0x110000)", OverflowError past C int, TypeError for non-integers); may allocate',
  emit(a) {
    const out = a.newLabel();
    const range = a.newLabel();
    const overflow = a.newLabel();
    const notInt = a.newLabel();
    prologue(a, [r12, r13]);
    oneArg(a, 'chr', out);
    a.mov(rdi, r12);
    a.call(sym('rt_str_index_value'));
    a.cmp(edx, 1);
    a.je(overflow);
    a.ja(notInt);
    // C int first (PyLong_AsInt), then the code point range.
    a.movsxd(rcx, eax);
    a.cmp(rcx, rax);
    a.jne(overflow);
    a.cmp(rax, 0x10ffff);
    a.ja(range);
    a.mov(edi, eax);
    a.call(sym('rt_str_char'));
    a.jmp(out);
    a.bind(range);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_chr_range')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(overflow);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_chr_overflow')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(notInt);
    a.mov(rdx, r12);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_str_not_integer')));
    a.call(sym('rt_raise_fmt'));
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

const ascii: RuntimeRoutine = {
  name: 'rt_builtin_ascii',
  contract: 'vector ABI -> rax=str value ascii(x): repr(x) with non-ASCII code points backslash-escaped, or EXC; may allocate, may raise',
  emit(a) {
    const out = a.newLabel();
    prologue(a, [r12, r13]);
    oneArg(a, 'ascii', out);
    a.mov(rdi, r12);
    a.call(sym('rt_repr'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(rdi, rax);
    a.call(sym('rt_str_backslashreplace'));
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

/**
 * str(object='', encoding, errors): the new slot of str. One positional or keyword object
 * gives str(object) (its type's str slot); no object gives ''. The decoding form (encoding or
 * errors given) checks its operand like CPython; decoding bytes itself belongs to the bytes
 * runtime and raises SystemError until it exists.
 */
const newStr: RuntimeRoutine = {
  name: 'rt_new_str',
  contract: 'new slot of str: rdi=type value, rsi=args, rdx=nargs, rcx=kwnames or 0 -> rax=str value or EXC (TypeError as CPython); may allocate, may raise',
  emit(a) {
    // r12 = args, r13 = nargs (positional + keyword), r14 = kwnames, rbx = positional count;
    // [rsp], [rsp+8], [rsp+16] = object, encoding, errors (UNBOUND when absent)
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    const decode = a.newLabel();
    prologue(a, saved, 24);
    a.mov(r15, rdi);
    a.mov(r12, rsi);
    a.mov(r13, rdx);
    a.mov(r14, rcx);
    {
      // A subclass of str: str(...)'s value in an instance of it (intsub.ts).
      const exact = a.newLabel();
      raw(a, rax, r15);
      a.lea(rcx, rip(sym('type_str')));
      a.cmp(rax, rcx);
      a.je(exact);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.mov(rdx, r13);
      a.mov(rcx, r14);
      a.call(sym('rt_str_subclass_new'));
      a.jmp(out);
      a.bind(exact);
    }
    a.mov(rax, g('rt_const_unbound'));
    for (const i of [0, 1, 2]) a.mov(qword(mem(rsp, 8 * i)), rax);
    a.mov(rbx, r13);
    const noKw = a.newLabel();
    a.test(r14, r14);
    a.je(noKw);
    raw(a, rax, r14);
    a.sub(rbx, qword(mem(rax, 16)));
    a.bind(noKw);
    const countOk = a.newLabel();
    a.cmp(r13, 3);
    a.jbe(countOk);
    a.mov(rdx, r13);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_newstr_atmost')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(countOk);
    // positional
    a.xor(ecx, ecx);
    const pos = a.newLabel();
    const posDone = a.newLabel();
    a.bind(pos);
    a.cmp(rcx, rbx);
    a.jae(posDone);
    a.mov(rax, qword(sib(r12, rcx, 8)));
    a.mov(qword(sib(rsp, rcx, 8)), rax);
    a.inc(rcx);
    a.jmp(pos);
    a.bind(posDone);
    // keywords: object, encoding, errors
    a.xor(ebp, ebp);
    const kw = a.newLabel();
    const kwDone = a.newLabel();
    a.bind(kw);
    a.mov(rax, r13);
    a.sub(rax, rbx);
    a.cmp(rbp, rax);
    a.jae(kwDone);
    raw(a, rax, r14);
    a.mov(rdi, qword(sib(rax, rbp, 8, 24)));
    a.lea(rsi, rip(sym('str_argspec_str_new')));
    a.call(sym('rt_str_args_kwindex'));
    a.test(rax, rax);
    const known = a.newLabel();
    a.jns(known);
    raw(a, rax, r14);
    a.mov(rdx, qword(sib(rax, rbp, 8, 24)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_newstr_invalid_kw')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(known);
    a.cmp(rax, rbx);
    const notDup = a.newLabel();
    a.jae(notDup);
    raw(a, rdx, r14);
    a.mov(rdx, qword(sib(rdx, rbp, 8, 24)));
    a.lea(rcx, mem(rax, 1));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_newstr_dup')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(notDup);
    a.lea(rcx, sib(rbx, rbp, 1));
    a.mov(rcx, qword(sib(r12, rcx, 8)));
    a.mov(qword(sib(rsp, rax, 8)), rcx);
    a.inc(rbp);
    a.jmp(kw);
    a.bind(kwDone);
    // decoding form?
    const plain = a.newLabel();
    a.mov(rax, g('rt_const_unbound'));
    a.cmp(qword(mem(rsp, 8)), rax);
    a.jne(decode);
    a.cmp(qword(mem(rsp, 16)), rax);
    a.jne(decode);
    a.bind(plain);
    const haveObject = a.newLabel();
    a.cmp(qword(mem(rsp)), rax);
    a.jne(haveObject);
    a.mov(rax, g('const_str_empty'));
    a.jmp(out);
    a.bind(haveObject);
    a.mov(rdi, qword(mem(rsp)));
    a.call(sym('rt_str'));
    a.jmp(out);
    a.bind(decode);
    // str(object, encoding, errors): only bytes-like objects decode
    const notStr = a.newLabel();
    a.mov(rdi, qword(mem(rsp)));
    a.cmp(rdi, g('rt_const_unbound'));
    const emptyDecode = a.newLabel();
    a.je(emptyDecode);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(notStr);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_newstr_decoding_str')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(notStr);
    // bytes-like objects decode (bytescodec.ts); others are "need a bytes-like object"
    a.mov(rdi, qword(mem(rsp)));
    a.mov(rsi, qword(mem(rsp, 8)));
    a.mov(rdx, qword(mem(rsp, 16)));
    a.lea(rcx, rip(sym('bytes_fname_str')));
    a.call(sym('rt_bytes_decode_obj'));
    a.jmp(out);
    a.bind(emptyDecode);
    a.mov(rax, g('const_str_empty'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, 24);
  },
};

export const strReprModule: RuntimeModule = {
  name: 'strrepr',
  routines: [reprStr, backslash, ord, chr, ascii, newStr],
  builtins: [
    { name: 'ord', entry: 'rt_builtin_ord' },
    { name: 'chr', entry: 'rt_builtin_chr' },
    { name: 'ascii', entry: 'rt_builtin_ascii' },
  ],
  data: [
    { name: 'str_hex_digits', section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode('0123456789abcdef')) },
    cstr('msg_ord_nokw', 'ord() takes no keyword arguments'),
    cstr('msg_ord_arity', 'ord() takes exactly one argument (%d given)'),
    cstr('msg_ord_length', 'ord() expected a character, but string of length %d found'),
    cstr('msg_ord_type', 'ord() expected string of length 1, but %T found'),
    cstr('msg_chr_nokw', 'chr() takes no keyword arguments'),
    cstr('msg_chr_arity', 'chr() takes exactly one argument (%d given)'),
    cstr('msg_chr_range', 'chr() arg not in range(0x110000)'),
    cstr('msg_chr_overflow', 'Python int too large to convert to C int'),
    cstr('msg_str_not_integer', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_ascii_nokw', 'ascii() takes no keyword arguments'),
    cstr('msg_ascii_arity', 'ascii() takes exactly one argument (%d given)'),
    ...specData({ method: 'str_new', kind: 'kw', min: 0, max: 3, names: ['object', 'encoding', 'errors'] }),
    cstr('msg_newstr_atmost', 'str() takes at most 3 arguments (%d given)'),
    cstr('msg_newstr_invalid_kw', "'%U' is an invalid keyword argument for str()"),
    cstr('msg_newstr_dup', "argument for str() given by name ('%U') and position (%d)"),
    cstr('msg_newstr_decoding_str', 'decoding str is not supported'),
  ],
};

