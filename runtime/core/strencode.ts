// Runtime str encoding and translation: str.encode (UTF-8, ASCII, Latin-1 with CPython's
// error handlers), str.translate and str.maketrans.
//
// Role: encode follows PyUnicode_AsEncodedString's fast paths (Objects/unicodeobject.c):
// the encoding name is normalized as _Py_normalize_encoding does (ASCII letters and digits
// lowered, runs of anything else one '_') and matched against the three built-in codecs and
// their aliases (Lib/encodings/aliases.py); other names are LookupError "unknown
// encoding". Unencodable characters go to the error handler: strict (UnicodeEncodeError
// naming the run of unencodable characters), ignore, replace, backslashreplace,
// xmlcharrefreplace, surrogateescape, surrogatepass (UTF-8). Two passes over the text: the
// first sizes the bytes object (and raises), the second writes it.
//
// translate looks each code point up in the table (exact dicts through the containers'
// rt_dict_getitem, other mappings through their getitem slot, LookupError meaning "keep"),
// as unicode_translate does; maketrans builds the dict.

import {
  type Assembler, type Label, al, byte, cl, dl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r12d, r13, r13d, r14, r14d, r15, r15b, r15d, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { BYTES, STR, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ARG, type ArgSpec, requireStrClinic, specData, strMethod } from './strargs.js';
import { box, callWeak, kindOf, lenOf, literalCstr, raw } from './strkit.js';

export const CODECS = { utf8: 0, ascii: 1, latin1: 2 } as const;
const CODEC_NAMES = ['utf-8', 'ascii', 'latin-1'] as const;
const CODEC_REASON = ['surrogates not allowed', 'ordinal not in range(128)', 'ordinal not in range(256)'] as const;

/** Normalized names (_Py_normalize_encoding, then encodings.aliases) of the built-in codecs. */
const ALIASES: Record<keyof typeof CODECS, string[]> = {
  utf8: ['utf_8', 'utf8', 'u8', 'utf', 'utf8_ucs2', 'utf8_ucs4', 'cp65001'],
  ascii: ['ascii', 'us_ascii', '646', 'ansi_x3.4_1968', 'ansi_x3_4_1968', 'ansi_x3.4_1986', 'cp367', 'csascii', 'ibm367', 'iso646_us', 'iso_646.irv_1991', 'iso_ir_6', 'us'],
  latin1: ['latin_1', 'latin1', 'iso_8859_1', 'iso8859_1', '8859', 'cp819', 'csisolatin1', 'ibm819', 'iso_8859_1_1987', 'iso_ir_100', 'l1', 'latin'],
};

export const HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass'] as const;
const H = Object.fromEntries(HANDLERS.map((h, i) => [h, i])) as Record<(typeof HANDLERS)[number], number>;
const H_UNKNOWN = HANDLERS.length;

/** Frame of rt_str_encode_pass (after the saved registers). */
const E = { codec: 0, handler: 8, dst: 16, total: 24, scratch: 32, errors: 48, size: 64 } as const;

/**
 * One pass over the str at r12 (length r13, kind rbp): r14 = index, rbx = output position
 * (bytes so far). Each code point's bytes go to [dst + rbx] (pass 2) or to a scratch area
 * (pass 1, dst = 0).
 */
const encodePass: RuntimeRoutine = {
  name: 'rt_str_encode_pass',
  contract: 'rdi=str value, esi=codec (0 utf-8, 1 ascii, 2 latin-1), edx=error handler (strict ignore replace backslashreplace xmlcharrefreplace surrogateescape surrogatepass, 7 unknown), rcx=destination or 0 (count only), r8=errors str value (for messages) -> rax=bytes produced, or EXC (UnicodeEncodeError, LookupError); may allocate (only to raise)',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, E.size);
    raw(a, r12, rdi);
    lenOf(a, r13, r12);
    kindOf(a, ebp, r12);
    a.mov(qword(mem(rsp, E.codec)), rsi);
    a.mov(qword(mem(rsp, E.handler)), rdx);
    a.mov(qword(mem(rsp, E.dst)), rcx);
    a.mov(qword(mem(rsp, E.errors)), r8);
    a.xor(r14, r14);
    a.xor(ebx, ebx);
    const loop = a.newLabel();
    const done = a.newLabel();
    const unencodable = a.newLabel();
    const next = a.newLabel();
    a.bind(loop);
    a.cmp(r14, r13);
    a.jae(done);
    loadCodePoint(a, edx, r12, r14, rbp);
    // r15 = where this code point's bytes go
    destination(a);
    const notUtf8 = a.newLabel();
    a.cmp(qword(mem(rsp, E.codec)), CODECS.utf8);
    a.jne(notUtf8);
    a.mov(eax, edx);
    a.and(eax, 0xfffff800);
    a.cmp(eax, 0xd800);
    a.je(unencodable);
    a.mov(edi, edx);
    a.mov(rsi, r15);
    a.call(sym('rt_utf8_encode1'));
    a.add(rbx, rax);
    a.jmp(next);
    a.bind(notUtf8);
    // ascii / latin-1: below the limit, one byte
    const limitOk = a.newLabel();
    a.cmp(qword(mem(rsp, E.codec)), CODECS.ascii);
    a.mov(eax, 0x80);
    a.mov(ecx, 0x100);
    a.cmovne(eax, ecx);
    a.cmp(edx, eax);
    a.jae(unencodable);
    a.bind(limitOk);
    a.mov(byte(mem(r15)), dl);
    a.inc(rbx);
    a.jmp(next);
    // the error handler
    a.bind(unencodable);
    handler(a, fail, next);
    a.bind(next);
    a.inc(r14);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, rbx);
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, E.size);
  },
};

/** r15 = [dst] + rbx, or the scratch area when counting. */
function destination(a: Assembler<any>): void {
  const real = a.newLabel();
  const set = a.newLabel();
  a.mov(r15, qword(mem(rsp, E.dst)));
  a.test(r15, r15);
  a.jne(real);
  a.lea(r15, mem(rsp, E.scratch));
  a.jmp(set);
  a.bind(real);
  a.add(r15, rbx);
  a.bind(set);
}

/** The unencodable code point in edx at index r14: apply the handler. */
function handler(a: Assembler<any>, fail: Label, next: Label): void {
  const strict = a.newLabel();
  a.mov(rax, qword(mem(rsp, E.handler)));
  const cases: [number, () => void][] = [
    [H.ignore, () => a.jmp(next)],
    [H.replace, () => {
      a.mov(byte(mem(r15)), 0x3f);
      a.inc(rbx);
      a.jmp(next);
    }],
    [H.backslashreplace, () => {
      // \xNN, \uNNNN or \UNNNNNNNN (lowercase hex)
      a.mov(edi, edx);
      a.mov(rsi, r15);
      a.call(sym('rt_str_escape_cp'));
      a.add(rbx, rax);
      a.jmp(next);
    }],
    [H.xmlcharrefreplace, () => {
      // &#DECIMAL;
      a.mov(byte(mem(r15)), 0x26);
      a.mov(byte(mem(r15, 1)), 0x23);
      a.lea(rdi, mem(r15, 2));
      a.mov(esi, edx);
      a.call(sym('rt_fmt_i64'));
      a.mov(byte(sib(r15, rax, 1, 2)), 0x3b);
      a.lea(rbx, sib(rbx, rax, 1, 3));
      a.jmp(next);
    }],
    [H.surrogateescape, () => {
      // U+DC80..U+DCFF stand for the bytes 0x80..0xFF
      a.lea(eax, mem(rdx, -0xdc80));
      a.cmp(eax, 0x7f);
      a.ja(strict);
      a.add(eax, 0x80);
      a.mov(byte(mem(r15)), al);
      a.inc(rbx);
      a.jmp(next);
    }],
    [H.surrogatepass, () => {
      // UTF-8 only: the surrogate's 3-byte form
      a.cmp(qword(mem(rsp, E.codec)), CODECS.utf8);
      a.jne(strict);
      a.mov(eax, edx);
      a.shr(eax, 12);
      a.or(eax, 0xe0);
      a.mov(byte(mem(r15)), al);
      a.mov(eax, edx);
      a.shr(eax, 6);
      a.and(eax, 0x3f);
      a.or(eax, 0x80);
      a.mov(byte(mem(r15, 1)), al);
      a.mov(eax, edx);
      a.and(eax, 0x3f);
      a.or(eax, 0x80);
      a.mov(byte(mem(r15, 2)), al);
      a.add(rbx, 3);
      a.jmp(next);
    }],
  ];
  for (const [h, body] of cases) {
    const skip = a.newLabel();
    a.cmp(eax, h);
    a.jne(skip);
    body();
    a.bind(skip);
  }
  a.cmp(eax, H_UNKNOWN);
  a.jne(strict);
  a.mov(rdx, qword(mem(rsp, E.errors)));
  a.lea(rdi, rip(sym('type_LookupError')));
  a.lea(rsi, rip(sym('msg_enc_unknown_handler')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  // strict: UnicodeEncodeError naming the run of unencodable characters
  a.bind(strict);
  a.mov(rdi, r12);
  a.mov(rsi, r14);
  a.mov(rdx, qword(mem(rsp, E.codec)));
  a.call(sym('rt_str_encode_error'));
  a.jmp(fail);
}

const encodeError: RuntimeRoutine = {
  name: 'rt_str_encode_error',
  contract: 'rdi=raw str, rsi=index of an unencodable code point, edx=codec -> rax=EXC with UnicodeEncodeError "\'codec\' codec can\'t encode character(s) ... in position ...: reason"; may allocate',
  emit(a) {
    const saved = [rbx, r12, r13, r14] as const;
    prologue(a, saved, 32);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14d, edx);
    kindOf(a, ebx, r12);
    // run end: following code points that are unencodable too
    a.lea(rcx, mem(r13, 1));
    const scan = a.newLabel();
    const scanned = a.newLabel();
    a.bind(scan);
    a.cmp(rcx, qword(mem(r12, STR.length)));
    a.jae(scanned);
    loadCodePoint(a, eax, r12, rcx, rbx);
    const isUtf8 = a.newLabel();
    const bad = a.newLabel();
    a.cmp(r14d, CODECS.utf8);
    a.je(isUtf8);
    a.cmp(r14d, CODECS.ascii);
    a.mov(edx, 0x80);
    a.mov(r8d, 0x100);
    a.cmovne(edx, r8d);
    a.cmp(eax, edx);
    a.jae(bad);
    a.jmp(scanned);
    a.bind(isUtf8);
    a.and(eax, 0xfffff800);
    a.cmp(eax, 0xd800);
    a.jne(scanned);
    a.bind(bad);
    a.inc(rcx);
    a.jmp(scan);
    a.bind(scanned);
    // rdx = codec name, r9 = reason
    a.lea(rax, rip(sym('str_enc_codec_names')));
    a.mov(rdx, qword(sib(rax, r14, 8)));
    a.lea(rax, rip(sym('str_enc_reasons')));
    a.mov(r9, qword(sib(rax, r14, 8)));
    const one = a.newLabel();
    const go = a.newLabel();
    a.lea(rax, mem(r13, 1));
    a.cmp(rcx, rax);
    a.je(one);
    // "characters in position %d-%d"
    a.dec(rcx);
    a.mov(r8, rcx);
    a.mov(rcx, r13);
    a.lea(rsi, rip(sym('msg_enc_range')));
    a.jmp(go);
    a.bind(one);
    // "character '\xNN' in position %d": the escaped character as text
    loadCodePoint(a, eax, r12, r13, rbx);
    a.mov(edi, eax);
    a.push(rdx);
    a.push(r9);
    a.lea(rsi, mem(rsp, 16));
    a.call(sym('rt_str_escape_cp'));
    a.pop(r9);
    a.pop(rdx);
    a.mov(rcx, rsp);
    a.mov(r8, r13);
    a.lea(rsi, rip(sym('msg_enc_one')));
    a.bind(go);
    a.lea(rdi, rip(sym('type_UnicodeEncodeError')));
    a.call(sym('rt_raise_fmt'));
    epilogue(a, saved, 32);
  },
};


const escapeCp: RuntimeRoutine = {
  name: 'rt_str_escape_cp',
  contract: 'edi=code point, rsi=destination (11 bytes) -> C text \\xNN, \\uNNNN or \\UNNNNNNNN (as in UnicodeEncodeError messages and backslashreplace), rax=its length; clobbers rax rcx rdx rsi r8',
  emit(a) {
    const u4 = a.newLabel();
    const write = a.newLabel();
    a.mov(byte(mem(rsi)), 0x5c);
    a.mov(ecx, 2);
    a.mov(byte(mem(rsi, 1)), 0x78);
    a.cmp(edi, 0x100);
    a.jb(write);
    a.bind(u4);
    a.mov(ecx, 4);
    a.mov(byte(mem(rsi, 1)), 0x75);
    a.cmp(edi, 0x10000);
    a.jb(write);
    a.mov(ecx, 8);
    a.mov(byte(mem(rsi, 1)), 0x55);
    a.bind(write);
    a.lea(r8, rip(sym('str_hex_digits')));
    a.add(rsi, 2);
    const digit = a.newLabel();
    a.bind(digit);
    a.dec(ecx);
    a.mov(eax, edi);
    a.push(rcx);
    a.shl(ecx, 2);
    a.shr(eax, cl);
    a.pop(rcx);
    a.and(eax, 15);
    a.movzx(eax, byte(sib(r8, rax, 1)));
    a.mov(byte(mem(rsi)), al);
    a.inc(rsi);
    a.test(ecx, ecx);
    a.jne(digit);
    a.mov(byte(mem(rsi)), 0);
    a.mov(eax, 4); // length: 4, 6 or 10
    a.cmp(edi, 0x100);
    const done = a.newLabel();
    a.jb(done);
    a.mov(eax, 6);
    a.cmp(edi, 0x10000);
    a.jb(done);
    a.mov(eax, 10);
    a.bind(done);
    a.ret();
  },
};

const encode: RuntimeRoutine = {
  name: 'rt_str_encode',
  contract: 'rdi=str value, esi=codec, edx=error handler, rcx=errors str value (for messages) -> rax=bytes value or EXC; may allocate',
  emit(a) {
    const saved = [rbx, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    a.mov(r13d, esi);
    a.mov(r14d, edx);
    a.mov(r15, rcx);
    // ASCII text encodes to itself in every codec
    const general = a.newLabel();
    raw(a, rax, rdi);
    a.cmp(byte(mem(rax, STR.ascii)), 0);
    a.je(general);
    lenOf(a, rbx, rax);
    newBytes(a);
    a.lea(rdi, mem(rax, BYTES.data));
    raw(a, rsi, r12);
    a.add(rsi, STR.data);
    a.mov(rcx, rbx);
    a.rep_movsb();
    a.mov(rax, qword(mem(rsp)));
    a.jmp(out);
    a.bind(general);
    // pass 1: size (and errors), pass 2: bytes
    a.mov(rdi, r12);
    a.mov(esi, r13d);
    a.mov(edx, r14d);
    a.xor(ecx, ecx);
    a.mov(r8, r15);
    a.call(sym('rt_str_encode_pass'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(rbx, rax);
    newBytes(a);
    a.mov(rdi, r12);
    a.mov(esi, r13d);
    a.mov(edx, r14d);
    a.lea(rcx, mem(rax, BYTES.data));
    a.mov(r8, r15);
    a.call(sym('rt_str_encode_pass'));
    a.mov(rax, qword(mem(rsp)));
    a.bind(out);
    epilogue(a, saved, 8);

    /** rax = raw bytes object of rbx bytes (its value also at [rsp]). */
    function newBytes(asm: Assembler<any>): void {
      asm.lea(rdi, mem(rbx, BYTES.data + 1));
      asm.lea(rsi, rip(sym('type_bytes')));
      asm.call(sym('rt_alloc'));
      asm.mov(qword(mem(rax, BYTES.length)), rbx);
      asm.mov(qword(mem(rax, BYTES.hash)), -1);
      asm.mov(rcx, rax);
      box(asm, rcx);
      asm.mov(qword(mem(rsp)), rcx);
    }
  },
};


/** Normalize the encoding name (_Py_normalize_encoding) into [rsp+at] (at most 40 bytes); eax = 0 if too long or not ASCII-representable. */
const normalize: RuntimeRoutine = {
  name: 'rt_str_encoding_lookup',
  contract: 'rdi=encoding name str value -> eax=codec (0 utf-8, 1 ascii, 2 latin-1) or -1 if not a built-in codec; clobbers caller-saved; no alloc',
  emit(a) {
    const saved = [rbx, r12, r13] as const;
    const none = a.newLabel();
    const out = a.newLabel();
    prologue(a, saved, 48);
    raw(a, r12, rdi);
    kindOf(a, ebx, r12);
    // r13 = output length, r8 = punct pending
    a.xor(r13, r13);
    a.xor(r8d, r8d);
    a.xor(ecx, ecx);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(rcx, qword(mem(r12, STR.length)));
    a.jae(done);
    loadCodePoint(a, eax, r12, rcx, rbx);
    a.inc(rcx);
    // ASCII letters, digits and '.' are kept (lowered); everything else is punctuation
    const keep = a.newLabel();
    const punct = a.newLabel();
    a.cmp(eax, 0x2e);
    a.je(keep);
    a.lea(edx, mem(rax, -0x30));
    a.cmp(edx, 9);
    a.jbe(keep);
    a.mov(edx, eax);
    a.or(edx, 0x20);
    a.sub(edx, 0x61);
    a.cmp(edx, 25);
    a.ja(punct);
    a.or(eax, 0x20);
    a.bind(keep);
    a.cmp(r13, 40);
    a.jae(none);
    const noUnderscore = a.newLabel();
    a.test(r8d, r8d);
    a.je(noUnderscore);
    a.test(r13, r13);
    a.je(noUnderscore);
    a.mov(byte(sib(rsp, r13, 1)), 0x5f);
    a.inc(r13);
    a.cmp(r13, 40);
    a.jae(none);
    a.bind(noUnderscore);
    a.xor(r8d, r8d);
    a.mov(byte(sib(rsp, r13, 1)), al);
    a.inc(r13);
    a.jmp(loop);
    a.bind(punct);
    // non-ASCII text encodes to several punctuation bytes in CPython (UTF-8): same effect
    a.mov(r8d, 1);
    a.jmp(loop);
    a.bind(done);
    a.mov(byte(sib(rsp, r13, 1)), 0);
    // compare with each alias
    const entries: [number, string][] = [];
    for (const [codec, names] of Object.entries(ALIASES) as [keyof typeof CODECS, string[]][]) for (const n of names) entries.push([CODECS[codec], n]);
    entries.forEach(([codec, name], i) => {
      const skip = a.newLabel();
      a.mov(rdi, rsp);
      a.lea(rsi, rip(sym(`str_enc_alias_${i}`)));
      a.call(sym('rt_str_cstr_eq'));
      a.test(eax, eax);
      a.je(skip);
      a.mov(eax, codec);
      a.jmp(out);
      a.bind(skip);
      void name;
    });
    a.bind(none);
    a.mov(eax, -1);
    a.bind(out);
    epilogue(a, saved, 48);
  },
};

const cstrEq: RuntimeRoutine = {
  name: 'rt_str_cstr_eq',
  contract: 'rdi, rsi=NUL-terminated byte strings -> eax=1 if equal, else 0; clobbers rax rcx rdx',
  emit(a) {
    const loop = a.newLabel();
    const no = a.newLabel();
    const yes = a.newLabel();
    a.xor(ecx, ecx);
    a.bind(loop);
    a.movzx(eax, byte(sib(rdi, rcx, 1)));
    a.movzx(edx, byte(sib(rsi, rcx, 1)));
    a.cmp(eax, edx);
    a.jne(no);
    a.test(eax, eax);
    a.je(yes);
    a.inc(rcx);
    a.jmp(loop);
    a.bind(yes);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

const ENCODE_SPEC: ArgSpec = { method: 'encode', kind: 'kw', min: 0, max: 2, names: ['encoding', 'errors'] };

const encodeMethod = strMethod(ENCODE_SPEC, 'rt_str_meth_encode', 'bytes or EXC', (a, out) => {
  const utf8 = a.newLabel();
  const haveCodec = a.newLabel();
  const haveErrors = a.newLabel();
  a.mov(rax, ARG(1));
  a.cmp(rax, g('rt_const_unbound'));
  a.je(utf8);
  requireStrClinic(a, rax, 'msg_enc_encoding_type', out);
  a.mov(rdi, ARG(1));
  a.call(sym('rt_str_encoding_lookup'));
  a.test(eax, eax);
  a.jns(haveCodec);
  {
    // another codec: _edgepyc_bytes.encode(self, encoding, errors) (UTF-16/32, utf-8-sig;
    // LookupError "unknown encoding" for the rest; runtime/core/bytesx.ts)
    const strict = a.newLabel();
    const forward = a.newLabel();
    a.mov(rax, ARG(2));
    a.cmp(rax, g('rt_const_unbound'));
    a.je(strict);
    requireStrClinic(a, rax, 'msg_enc_errors_type', out);
    a.jmp(forward);
    a.bind(strict);
    a.mov(rax, g('bc_s_strict.v'));
    a.mov(ARG(2), rax);
    a.bind(forward);
    a.mov(rdi, g('bx_s_encode.v'));
    a.mov(rsi, rsp); // ARG(0..2): self, encoding, errors
    a.mov(edx, 3);
    a.xor(ecx, ecx);
    a.call(sym('rt_bytesx_call'));
    a.jmp(out);
  }
  a.bind(utf8);
  a.xor(eax, eax);
  a.bind(haveCodec);
  a.mov(r12, rax); // codec
  // errors: strict when omitted
  a.xor(r13d, r13d);
  a.mov(rax, ARG(2));
  a.cmp(rax, g('rt_const_unbound'));
  a.je(haveErrors);
  requireStrClinic(a, rax, 'msg_enc_errors_type', out);
  a.mov(r13d, H_UNKNOWN);
  HANDLERS.forEach((h, i) => {
    const skip = a.newLabel();
    a.mov(rdi, ARG(2));
    raw(a, rdi, rdi);
    a.cmp(byte(mem(rdi, STR.ascii)), 0);
    a.je(skip);
    a.add(rdi, STR.data);
    a.lea(rsi, rip(sym(`str_enc_handler_${i}`)));
    a.call(sym('rt_str_cstr_eq'));
    a.test(eax, eax);
    a.je(skip);
    a.mov(r13d, i);
    a.bind(skip);
  });
  a.bind(haveErrors);
  a.mov(rdi, ARG(0));
  a.mov(esi, r12d);
  a.mov(edx, r13d);
  a.mov(rcx, ARG(2));
  a.call(sym('rt_str_encode'));
});


// ---- translate / maketrans -------------------------------------------------------------------

const SMALL_INT = 0xfff9n << 48n;

const translate = strMethod({ method: 'translate', kind: 'one', min: 1, max: 1 }, 'rt_str_meth_translate', 'str or EXC', (a, out) => {
  // r12 = self raw, r13 = index, r14 = builder, r15 = table is an exact dict, rbx = code point
  const fail = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, ARG(0));
  raw(a, r12, rax);
  lenOf(a, rdi, r12);
  a.call(sym('rt_sb_new'));
  a.mov(r14, rax);
  a.mov(rdi, ARG(1));
  a.call(sym('rt_type_of'));
  a.lea(rcx, rip(sym('type_dict')));
  a.xor(r15d, r15d);
  a.cmp(rax, rcx);
  a.sete(r15b);
  a.xor(r13, r13);
  const loop = a.newLabel();
  const keep = a.newLabel();
  const next = a.newLabel();
  a.bind(loop);
  a.cmp(r13, qword(mem(r12, STR.length)));
  a.jae(done);
  kindOf(a, ecx, r12);
  loadCodePoint(a, ebx, r12, r13, rcx);
  a.mov(rsi, SMALL_INT);
  a.or(rsi, rbx); // the code point as an int key
  a.mov(rdi, ARG(1));
  const viaSlot = a.newLabel();
  const looked = a.newLabel();
  a.test(r15d, r15d);
  a.je(viaSlot);
  callWeak(a, 'rt_dict_getitem', fail);
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(keep);
  a.jmp(looked);
  a.bind(viaSlot);
  a.push(rsi);
  a.push(rdi);
  a.call(sym('rt_type_of'));
  a.pop(rdi);
  a.pop(rsi);
  a.mov(rax, qword(mem(rax, typeSlot('getitem'))));
  a.test(rax, rax);
  const subscriptable = a.newLabel();
  a.jne(subscriptable);
  a.mov(rdx, rdi);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_tr_not_subscriptable')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(subscriptable);
  a.call(rax);
  a.cmp(rax, g('rt_const_exc'));
  a.jne(looked);
  // LookupError: the character stays
  a.mov(rdi, g('rt_exc'));
  a.lea(rsi, rip(sym('type_LookupError')));
  a.call(sym('rt_isinstance_type'));
  a.test(eax, eax);
  a.je(fail);
  a.mov(rax, g('rt_const_unbound'));
  a.mov(g('rt_exc'), rax);
  a.jmp(keep);
  // None deletes, an int is a code point, a str is inserted
  a.bind(looked);
  a.cmp(rax, g('rt_const_None'));
  a.je(next);
  a.mov(qword(mem(rsp, 16)), rax);
  a.mov(rdi, rax);
  a.call(sym('rt_str_check'));
  a.test(eax, eax);
  const notStr = a.newLabel();
  a.je(notStr);
  a.mov(rdi, r14);
  a.mov(rsi, qword(mem(rsp, 16)));
  a.call(sym('rt_sb_append_str'));
  a.mov(r14, rax);
  a.jmp(next);
  a.bind(notStr);
  a.mov(rdi, qword(mem(rsp, 16)));
  a.call(sym('rt_str_index_value'));
  const notInt = a.newLabel();
  const range = a.newLabel();
  a.cmp(edx, 2);
  a.je(notInt);
  a.cmp(edx, 1);
  a.je(range);
  a.cmp(rax, 0x10ffff);
  a.ja(range);
  a.mov(ebx, eax);
  a.bind(keep);
  a.mov(rdi, r14);
  a.mov(esi, ebx);
  a.call(sym('rt_sb_append_cp'));
  a.mov(r14, rax);
  a.bind(next);
  a.inc(r13);
  a.jmp(loop);
  a.bind(range);
  a.lea(rdi, rip(sym('type_ValueError')));
  a.lea(rsi, rip(sym('msg_tr_range')));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
  a.bind(notInt);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_tr_mapping_type')));
  a.call(sym('rt_raise_cstr'));
  a.bind(fail);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(out);
  a.bind(done);
  a.mov(rdi, r14);
  a.call(sym('rt_sb_finish'));
}, 16);

const maketrans: RuntimeRoutine = {
  name: 'rt_str_meth_maketrans',
  contract: 'str.maketrans (static): vector ABI (rdi=args, rsi=nargs, rdx=kwnames) -> dict value or EXC (CPython\'s messages); may allocate',
  emit(a) {
    // r12 = args, r13 = nargs, r14 = the new dict, r15 = index, rbx = scratch raw str
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    const noKw = a.newLabel();
    a.test(rdx, rdx);
    a.je(noKw);
    raw(a, rax, rdx);
    a.cmp(qword(mem(rax, 16)), 0);
    a.je(noKw);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_nokw')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(noKw);
    const few = a.newLabel();
    const many = a.newLabel();
    a.cmp(r13, 1);
    a.jb(few);
    a.cmp(r13, 3);
    a.ja(many);
    // clinic converts y and z first
    for (const i of [1, 2]) {
      const skip = a.newLabel();
      a.cmp(r13, i);
      a.jbe(skip);
      a.mov(rax, qword(mem(r12, 8 * i)));
      requireStrClinic(a, rax, `msg_tr_arg${i + 1}`, fail);
      a.bind(skip);
    }
    callWeak(a, 'rt_dict_new', fail);
    a.mov(r14, rax);
    const twoOrMore = a.newLabel();
    a.cmp(r13, 1);
    a.jne(twoOrMore);
    // one argument: a dict whose str keys (length 1) become code points
    a.mov(rdi, qword(mem(r12)));
    a.lea(rsi, rip(sym('type_dict')));
    a.call(sym('rt_isinstance_type'));
    a.test(eax, eax);
    const isDict = a.newLabel();
    a.jne(isDict);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_one_dict')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(isDict);
    a.xor(r15, r15);
    const entries = a.newLabel();
    const entriesDone = a.newLabel();
    a.bind(entries);
    a.mov(rdi, qword(mem(r12)));
    raw(a, rdi, rdi);
    a.mov(rsi, r15);
    callWeak(a, 'rt_dict_next', fail);
    a.test(rax, rax);
    a.js(entriesDone);
    a.lea(r15, mem(rax, 1));
    a.mov(rbx, rdx); // key
    a.mov(rbp, rcx); // value
    a.mov(rdi, rbx);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const keyNotStr = a.newLabel();
    const keyReady = a.newLabel();
    a.je(keyNotStr);
    raw(a, rax, rbx);
    a.cmp(qword(mem(rax, STR.length)), 1);
    const lenOk = a.newLabel();
    a.je(lenOk);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_tr_key_length')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(lenOk);
    kindOf(a, ecx, rax);
    a.xor(edx, edx);
    loadCodePoint(a, esi, rax, rdx, rcx);
    a.mov(rax, SMALL_INT);
    a.or(rsi, rax);
    a.jmp(keyReady);
    a.bind(keyNotStr);
    // ints (and bools) are kept as they are
    a.mov(rdi, rbx);
    a.call(sym('rt_str_index_value'));
    a.cmp(edx, 2);
    const keyInt = a.newLabel();
    a.jne(keyInt);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_key_type')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(keyInt);
    a.mov(rsi, rbx);
    a.bind(keyReady);
    a.mov(rdi, r14);
    a.mov(rdx, rbp);
    callWeak(a, 'rt_dict_setitem', fail);
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.jmp(entries);
    a.bind(entriesDone);
    a.mov(rax, r14);
    a.jmp(out);
    // two or three strs
    a.bind(twoOrMore);
    a.mov(rax, qword(mem(r12)));
    a.mov(rdi, rax);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const xStr = a.newLabel();
    a.jne(xStr);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_first_str')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(xStr);
    a.mov(rax, qword(mem(r12)));
    raw(a, rax, rax);
    a.mov(rcx, qword(mem(r12, 8)));
    raw(a, rcx, rcx);
    a.mov(rdx, qword(mem(rax, STR.length)));
    a.cmp(rdx, qword(mem(rcx, STR.length)));
    const sameLen = a.newLabel();
    a.je(sameLen);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_tr_equal_length')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(fail);
    a.bind(sameLen);
    pairs(a, 0, 1, fail);
    const noZ = a.newLabel();
    a.cmp(r13, 3);
    a.jne(noZ);
    pairs(a, 2, -1, fail);
    a.bind(noZ);
    a.mov(rax, r14);
    a.jmp(out);
    a.bind(few);
    a.mov(rdx, r13);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_few')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(many);
    a.mov(rdx, r13);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_tr_many')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, 8);
  },
};

/** d[ord(args[k][i])] = ord(args[v][i]) (or None when v < 0) for every i. */
function pairs(a: Assembler<any>, k: number, v: number, fail: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(r15, r15);
  a.bind(loop);
  a.mov(rax, qword(mem(r12, 8 * k)));
  raw(a, rax, rax);
  a.cmp(r15, qword(mem(rax, STR.length)));
  a.jae(done);
  kindOf(a, ecx, rax);
  loadCodePoint(a, esi, rax, r15, rcx);
  a.mov(rcx, SMALL_INT);
  a.or(rsi, rcx);
  if (v >= 0) {
    a.mov(rax, qword(mem(r12, 8 * v)));
    raw(a, rax, rax);
    kindOf(a, ecx, rax);
    loadCodePoint(a, edx, rax, r15, rcx);
    a.mov(rcx, SMALL_INT);
    a.or(rdx, rcx);
  } else {
    a.mov(rdx, g('rt_const_None'));
  }
  a.mov(rdi, r14);
  callWeak(a, 'rt_dict_setitem', fail);
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.inc(r15);
  a.jmp(loop);
  a.bind(done);
}

export const strEncodeModule: RuntimeModule = {
  name: 'strencode',
  routines: [encodePass, encodeError, escapeCp, encode, normalize, cstrEq, encodeMethod, translate, maketrans],
  methods: [
    { type: 'str', name: 'encode', entry: 'rt_str_meth_encode' },
    { type: 'str', name: 'translate', entry: 'rt_str_meth_translate' },
    { type: 'str', name: 'maketrans', entry: 'rt_str_meth_maketrans', kind: 'staticmethod' },
  ],
  data: [
    ...specData(ENCODE_SPEC),
    ...specData({ method: 'translate', kind: 'one', min: 1, max: 1 }),
    cstr('msg_tr_not_subscriptable', "'%T' object is not subscriptable"),
    literalCstr('msg_tr_range', 'character mapping must be in range(0x110000)'),
    literalCstr('msg_tr_mapping_type', 'character mapping must return integer, None or str'),
    literalCstr('msg_tr_nokw', 'str.maketrans() takes no keyword arguments'),
    cstr('msg_tr_few', 'maketrans expected at least 1 argument, got %d'),
    cstr('msg_tr_many', 'maketrans expected at most 3 arguments, got %d'),
    cstr('msg_tr_arg2', 'maketrans() argument 2 must be str, not %U'),
    cstr('msg_tr_arg3', 'maketrans() argument 3 must be str, not %U'),
    literalCstr('msg_tr_one_dict', 'if you give only one argument to maketrans it must be a dict'),
    literalCstr('msg_tr_key_length', 'string keys in translate table must be of length 1'),
    literalCstr('msg_tr_key_type', 'keys in translate table must be strings or integers'),
    literalCstr('msg_tr_first_str', 'first maketrans argument must be a string if there is a second argument'),
    literalCstr('msg_tr_equal_length', 'the first two maketrans arguments must have equal length'),
    ...CODEC_NAMES.map((n, i) => cstr(`str_enc_codec_${i}`, n)),
    ...CODEC_REASON.map((n, i) => cstr(`str_enc_reason_${i}`, n)),
    { name: 'str_enc_codec_names', section: 'rodata', align: 8, emit: (a) => CODEC_NAMES.forEach((_, i) => a.u64(sym(`str_enc_codec_${i}`))) },
    { name: 'str_enc_reasons', section: 'rodata', align: 8, emit: (a) => CODEC_REASON.forEach((_, i) => a.u64(sym(`str_enc_reason_${i}`))) },
    ...Object.values(ALIASES).flat().map((n, i) => cstr(`str_enc_alias_${i}`, n)),
    ...HANDLERS.map((h, i) => cstr(`str_enc_handler_${i}`, h)),
    cstr('msg_enc_one', "'%s' codec can't encode character '%s' in position %d: %s"),
    cstr('msg_enc_range', "'%s' codec can't encode characters in position %d-%d: %s"),
    cstr('msg_enc_unknown_handler', "unknown error handler name '%U'"),
    cstr('msg_enc_encoding_type', "encode() argument 'encoding' must be str, not %U"),
    cstr('msg_enc_errors_type', "encode() argument 'errors' must be str, not %U"),
  ],
};
