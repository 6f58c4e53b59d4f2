// Runtime: decoding bytes to str (bytes.decode, bytearray.decode, str(b, encoding, errors))
// for the built-in codecs UTF-8, ASCII and Latin-1 (Objects/unicodeobject.c,
// Objects/stringlib/codecs.h of CPython 3.11).
//
// Role: the encoding name goes through strencode.ts's rt_str_encoding_lookup (the same
// normalization and aliases as str.encode; other names are LookupError "unknown encoding").
// Malformed input goes to the error handler: strict (UnicodeDecodeError with CPython's
// message: "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
// "... bytes in position 0-1: unexpected end of data"), ignore, replace (U+FFFD),
// backslashreplace (\xNN), surrogateescape (U+DC80..U+DCFF); an unknown handler name is
// LookupError "unknown error handler name 'x'" when the first error happens, as in CPython.
// surrogatepass is treated as strict (UTF-8 encoded surrogates are not decoded).
//
// UTF-8 validation follows the decoder's error ranges: a start byte outside C2..F4 is an
// "invalid start byte" of length 1; a continuation byte outside its range (A0..BF after E0,
// 80..9F after ED, 90..BF after F0, 80..8F after F4, else 80..BF) ends the error before it
// ("invalid continuation byte"); input ending inside a character is "unexpected end of
// data" up to the end. ASCII input (the usual case) and Latin-1 are one call to
// rt_str_new_from; otherwise code points go to a UTF-32 scratch object, then
// rt_str_new_from narrows them. The UnicodeDecodeError carries its message only (no
// encoding/object/start/end attributes yet).

import { type Assembler, al, byte, cl, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r15d, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BYTES, STR, TUPLE } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { staticStr } from './descrkit.js';
import { CODECS, HANDLERS } from './strencode.js';

const H = Object.fromEntries(HANDLERS.map((h, i) => [h, i])) as Record<(typeof HANDLERS)[number], number>;
const H_UNKNOWN = HANDLERS.length;
const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;
const REASONS = { start: 'invalid start byte', cont: 'invalid continuation byte', end: 'unexpected end of data', ascii: 'ordinal not in range(128)' } as const;

/** Frame of rt_bytes_decode_raw. */
const F = { scratch: 0, errors: 8, src: 16, hex: 24, size: 40 } as const;

const decodeRaw: RuntimeRoutine = {
  name: 'rt_bytes_decode_raw',
  contract: 'rdi=raw bytes address, esi=codec (strencode.ts CODECS), edx=handler (HANDLERS index, 7 unknown), rcx=errors str value (for the LookupError) -> rax=str value or EXC (UnicodeDecodeError, LookupError); may allocate',
  emit(a) {
    const out = a.newLabel();
    const slow = a.newLabel();
    const fast = a.newLabel();
    prologue(a, SAVED, F.size);
    a.mov(r12, rdi);
    a.mov(qword(mem(rsp, F.src)), rdi);
    a.mov(r14d, esi);
    a.mov(r15d, edx);
    a.mov(qword(mem(rsp, F.errors)), rcx);
    a.mov(r13, qword(mem(r12, BYTES.length)));
    // Latin-1 is the identity; all-ASCII input is the same in every codec.
    a.mov(edx, 1);
    a.cmp(r14d, CODECS.latin1);
    a.je(fast);
    {
      const scan = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(scan);
      a.cmp(rcx, r13);
      a.jae(fast);
      a.cmp(byte(sib(r12, rcx, 1, BYTES.data)), 0x80);
      a.jae(slow);
      a.inc(rcx);
      a.jmp(scan);
    }
    a.bind(fast);
    a.lea(rdi, mem(r12, BYTES.data));
    a.mov(rsi, r13);
    a.call(sym('rt_str_new_from'));
    a.jmp(out);
    a.bind(slow);
    // scratch: 4 bytes per code point, 4 code points per input byte for backslashreplace
    a.lea(rdi, sib(undefined, r13, 4));
    const notBs = a.newLabel();
    a.cmp(r15d, H.backslashreplace);
    a.jne(notBs);
    a.shl(rdi, 2);
    a.bind(notBs);
    a.call(sym('rt_bytes_alloc'));
    a.mov(qword(mem(rsp, F.scratch)), rax);
    // rbx = input index, rbp = output count; code points go to [scratch + data + 4*rbp]
    const loop = a.newLabel();
    const done = a.newLabel();
    const store = a.newLabel(); // eax = code point, rcx = bytes consumed
    const error = a.newLabel(); // r8 = end of the bad range, r9 = reason
    a.xor(ebx, ebx);
    a.xor(ebp, ebp);
    a.bind(loop);
    a.cmp(rbx, r13);
    a.jae(done);
    a.movzx(eax, byte(sib(r12, rbx, 1, BYTES.data)));
    a.mov(ecx, 1);
    a.cmp(eax, 0x80);
    a.jb(store);
    const setError = (end: typeof rbx | number, reason: keyof typeof REASONS): void => {
      if (typeof end === 'number') a.lea(r8, mem(rbx, end));
      else a.mov(r8, end);
      a.lea(r9, rip(sym(`msg_dec_reason_${reason}`)));
      a.jmp(error);
    };
    {
      const utf8 = a.newLabel();
      a.cmp(r14d, CODECS.utf8);
      a.je(utf8);
      setError(1, 'ascii');
      a.bind(utf8);
    }
    {
      const badStart = a.newLabel();
      const two = a.newLabel();
      const three = a.newLabel();
      a.cmp(eax, 0xc2);
      a.jb(badStart);
      a.cmp(eax, 0xf4);
      a.ja(badStart);
      a.cmp(eax, 0xe0);
      a.jb(two);
      a.cmp(eax, 0xf0);
      a.jb(three);
      // four bytes: esi/edx = the range of the second byte
      /** Check continuation byte k (1..3) in [lo, hi] (registers esi/edx or the usual range). */
      const cont = (k: number, ranged: boolean): void => {
        const have = a.newLabel();
        a.lea(rdi, mem(rbx, k));
        a.cmp(rdi, r13);
        a.jb(have);
        setError(r13, 'end');
        a.bind(have);
        a.movzx(edi, byte(sib(r12, rbx, 1, BYTES.data + k)));
        const bad = a.newLabel();
        const ok = a.newLabel();
        if (ranged) {
          a.cmp(edi, esi);
          a.jb(bad);
          a.cmp(edi, edx);
          a.jbe(ok);
        } else {
          a.and(edi, 0xc0);
          a.cmp(edi, 0x80);
          a.je(ok);
        }
        a.bind(bad);
        setError(k, 'cont');
        a.bind(ok);
      };
      const range = (lead: number, lo: number, hi: number, dflo: number, dfhi: number): void => {
        const other = a.newLabel();
        const set = a.newLabel();
        a.mov(esi, dflo);
        a.mov(edx, dfhi);
        a.cmp(eax, lead);
        a.jne(other);
        a.mov(esi, lo);
        a.mov(edx, hi);
        a.bind(other);
        void set;
      };
      range(0xf0, 0x90, 0xbf, 0x80, 0xbf);
      {
        const notF4 = a.newLabel();
        a.cmp(eax, 0xf4);
        a.jne(notF4);
        a.mov(esi, 0x80);
        a.mov(edx, 0x8f);
        a.bind(notF4);
      }
      cont(1, true);
      cont(2, false);
      cont(3, false);
      a.and(eax, 0x07);
      for (const k of [1, 2, 3]) {
        a.shl(eax, 6);
        a.movzx(edi, byte(sib(r12, rbx, 1, BYTES.data + k)));
        a.and(edi, 0x3f);
        a.or(eax, edi);
      }
      a.mov(ecx, 4);
      a.jmp(store);
      a.bind(three);
      range(0xe0, 0xa0, 0xbf, 0x80, 0xbf);
      {
        const notED = a.newLabel();
        a.cmp(eax, 0xed);
        a.jne(notED);
        a.mov(esi, 0x80);
        a.mov(edx, 0x9f);
        a.bind(notED);
      }
      cont(1, true);
      cont(2, false);
      a.and(eax, 0x0f);
      for (const k of [1, 2]) {
        a.shl(eax, 6);
        a.movzx(edi, byte(sib(r12, rbx, 1, BYTES.data + k)));
        a.and(edi, 0x3f);
        a.or(eax, edi);
      }
      a.mov(ecx, 3);
      a.jmp(store);
      a.bind(two);
      cont(1, false);
      a.and(eax, 0x1f);
      a.shl(eax, 6);
      a.movzx(edi, byte(sib(r12, rbx, 1, BYTES.data + 1)));
      a.and(edi, 0x3f);
      a.or(eax, edi);
      a.mov(ecx, 2);
      a.jmp(store);
      a.bind(badStart);
      setError(1, 'start');
    }
    a.bind(store);
    a.mov(rdi, qword(mem(rsp, F.scratch)));
    storeCp(a, rdi, rbp);
    a.inc(rbp);
    a.add(rbx, rcx);
    a.jmp(loop);
    // An error at [rbx, r8) with the reason r9.
    a.bind(error);
    {
      const notIgnore = a.newLabel();
      const notReplace = a.newLabel();
      const notBs = a.newLabel();
      const notEsc = a.newLabel();
      a.cmp(r15d, H.ignore);
      a.jne(notIgnore);
      a.mov(rbx, r8);
      a.jmp(loop);
      a.bind(notIgnore);
      a.cmp(r15d, H.replace);
      a.jne(notReplace);
      a.mov(rdi, qword(mem(rsp, F.scratch)));
      a.mov(eax, 0xfffd);
      storeCp(a, rdi, rbp);
      a.inc(rbp);
      a.mov(rbx, r8);
      a.jmp(loop);
      a.bind(notReplace);
      a.cmp(r15d, H.backslashreplace);
      a.jne(notBs);
      {
        const each = a.newLabel();
        a.bind(each);
        a.mov(rdi, qword(mem(rsp, F.scratch)));
        a.movzx(edx, byte(sib(r12, rbx, 1, BYTES.data)));
        a.mov(eax, 0x5c);
        storeCp(a, rdi, rbp);
        a.mov(eax, 0x78);
        a.inc(rbp);
        storeCp(a, rdi, rbp);
        a.inc(rbp);
        a.lea(rsi, rip(sym('bytes_hexdigits')));
        a.mov(ecx, edx);
        a.shr(ecx, 4);
        a.movzx(eax, byte(sib(rsi, rcx, 1)));
        storeCp(a, rdi, rbp);
        a.inc(rbp);
        a.and(edx, 15);
        a.movzx(eax, byte(sib(rsi, rdx, 1)));
        storeCp(a, rdi, rbp);
        a.inc(rbp);
        a.inc(rbx);
        a.cmp(rbx, r8);
        a.jb(each);
        a.jmp(loop);
      }
      a.bind(notBs);
      a.cmp(r15d, H.surrogateescape);
      a.jne(notEsc);
      {
        const each = a.newLabel();
        a.bind(each);
        a.mov(rdi, qword(mem(rsp, F.scratch)));
        a.movzx(eax, byte(sib(r12, rbx, 1, BYTES.data)));
        a.add(eax, 0xdc00);
        storeCp(a, rdi, rbp);
        a.inc(rbp);
        a.inc(rbx);
        a.cmp(rbx, r8);
        a.jb(each);
        a.jmp(loop);
      }
      a.bind(notEsc);
      const strict = a.newLabel();
      a.cmp(r15d, H_UNKNOWN);
      a.jne(strict);
      a.lea(rdi, rip(sym('type_LookupError')));
      a.lea(rsi, rip(sym('msg_dec_handler')));
      a.mov(rdx, qword(mem(rsp, F.errors)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(strict);
      // rdx = codec name; one byte: its hex as text; several: the range
      a.lea(rax, rip(sym('str_enc_codec_names')));
      a.mov(rdx, qword(sib(rax, r14, 8)));
      const several = a.newLabel();
      const raise = a.newLabel();
      a.lea(rax, mem(rbx, 1));
      a.cmp(r8, rax);
      a.jne(several);
      a.movzx(eax, byte(sib(r12, rbx, 1, BYTES.data)));
      a.lea(rsi, rip(sym('bytes_hexdigits')));
      a.mov(ecx, eax);
      a.shr(ecx, 4);
      a.movzx(ecx, byte(sib(rsi, rcx, 1)));
      a.mov(byte(mem(rsp, F.hex)), cl);
      a.and(eax, 15);
      a.movzx(eax, byte(sib(rsi, rax, 1)));
      a.mov(byte(mem(rsp, F.hex + 1)), al);
      a.mov(byte(mem(rsp, F.hex + 2)), 0);
      a.lea(rcx, mem(rsp, F.hex));
      a.mov(r8, rbx);
      a.lea(rsi, rip(sym('msg_dec_one')));
      a.jmp(raise);
      a.bind(several);
      a.mov(rcx, rbx);
      a.dec(r8);
      a.lea(rsi, rip(sym('msg_dec_range')));
      a.bind(raise);
      a.lea(rdi, rip(sym('type_UnicodeDecodeError')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
    }
    a.bind(done);
    a.mov(rdi, qword(mem(rsp, F.scratch)));
    a.add(rdi, BYTES.data);
    a.mov(rsi, rbp);
    a.mov(edx, 4);
    a.call(sym('rt_str_new_from'));
    a.bind(out);
    epilogue(a, SAVED, F.size);
  },
};

/** [base + data + 4*idx] = eax. */
function storeCp(a: Assembler<any>, base: typeof rdi, idx: typeof rbp): void {
  a.mov(dword(sib(base, idx, 4, BYTES.data)), eax);
}

const decodeObj: RuntimeRoutine = {
  name: 'rt_bytes_decode_obj',
  contract: 'rdi=object, rsi=encoding (str or UNBOUND: utf-8), rdx=errors (str or UNBOUND: strict), rcx=function name cstr for messages -> rax=str or EXC (TypeError for non-bytes-like objects and non-str arguments, LookupError, UnicodeDecodeError); may allocate',
  emit(a) {
    const out = a.newLabel();
    // [rsp] object, [rsp+8] encoding, [rsp+16] errors, [rsp+24] fname
    const forward = a.newLabel();
    prologue(a, SAVED, 40);
    a.mov(qword(mem(rsp)), rdi);
    a.mov(qword(mem(rsp, 8)), rsi);
    a.mov(qword(mem(rsp, 16)), rdx);
    a.mov(qword(mem(rsp, 24)), rcx);
    a.call(sym('rt_bytes_rawof'));
    a.mov(r12, rax);
    const isBytes = a.newLabel();
    a.test(rax, rax);
    a.jne(isBytes);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_dec_need_bytes')));
    a.mov(rdx, qword(mem(rsp)));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(isBytes);
    // the codec (r13d) and the handler (r14d)
    a.xor(r13, r13);
    const haveCodec = a.newLabel();
    a.mov(rdi, qword(mem(rsp, 8)));
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(haveCodec);
    requireStr(a, 8, 'msg_dec_encoding_type', out);
    a.mov(rdi, qword(mem(rsp, 8)));
    a.call(sym('rt_str_encoding_lookup'));
    a.mov(r13d, eax);
    a.cmp(eax, -1);
    a.jne(haveCodec);
    {
      // another codec: _edgepyc_bytes.decode(object, encoding, errors) (UTF-16/32, utf-8-sig;
      // LookupError "unknown encoding" for the rest), after the errors argument's check
      const strict = a.newLabel();
      a.mov(rdi, qword(mem(rsp, 16)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(strict);
      requireStr(a, 16, 'msg_dec_errors_type', out);
      a.jmp(forward);
      a.bind(strict);
      a.mov(rax, g('bc_s_strict.v'));
      a.mov(qword(mem(rsp, 16)), rax);
      a.bind(forward);
      a.mov(rdi, g('bx_s_decode.v'));
      a.mov(rsi, rsp);
      a.mov(edx, 3);
      a.xor(ecx, ecx);
      a.call(sym('rt_bytesx_call'));
      a.jmp(out);
    }
    a.bind(haveCodec);
    a.xor(r14, r14);
    const haveErrors = a.newLabel();
    a.mov(rdi, qword(mem(rsp, 16)));
    a.cmp(rdi, g('rt_const_unbound'));
    a.je(haveErrors);
    requireStr(a, 16, 'msg_dec_errors_type', out);
    a.mov(r14d, H_UNKNOWN);
    HANDLERS.forEach((_, i) => {
      const skip = a.newLabel();
      a.mov(rdi, qword(mem(rsp, 16)));
      unboxPtr(a, rdi);
      a.cmp(byte(mem(rdi, STR.ascii)), 0);
      a.je(skip);
      a.add(rdi, STR.data);
      a.lea(rsi, rip(sym(`str_enc_handler_${i}`)));
      a.call(sym('rt_str_cstr_eq'));
      a.test(eax, eax);
      a.je(skip);
      a.mov(r14d, i === H.surrogatepass ? H.strict : i);
      a.bind(skip);
    });
    a.bind(haveErrors);
    a.mov(rdi, r12);
    a.mov(esi, r13d);
    a.mov(edx, r14d);
    a.mov(rcx, qword(mem(rsp, 16)));
    a.call(sym('rt_bytes_decode_raw'));
    a.bind(out);
    epilogue(a, SAVED, 40);
  },
};

/** TypeError "<fname>() argument 'x' must be str, not T" unless [rsp+slot] is a str. */
function requireStr(a: Assembler<any>, slot: number, msg: string, fail: ReturnType<Assembler<any>['newLabel']>): void {
  const ok = a.newLabel();
  a.mov(rdi, qword(mem(rsp, slot)));
  a.call(sym('rt_str_check'));
  a.test(eax, eax);
  a.jne(ok);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(msg)));
  a.mov(rdx, qword(mem(rsp, 24)));
  a.mov(rcx, qword(mem(rsp, slot)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(ok);
}

const decodeMeth: RuntimeRoutine = {
  name: 'rt_bytes_meth_decode',
  contract: 'bytes.decode / bytearray.decode (encoding=\'utf-8\', errors=\'strict\'; vector ABI) -> rax=str or EXC; may allocate',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    // [rsp] encoding, [rsp+8] errors
    prologue(a, SAVED, 24);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r15, rdx);
    a.mov(rax, g('rt_const_unbound'));
    a.mov(qword(mem(rsp)), rax);
    a.mov(qword(mem(rsp, 8)), rax);
    const haveSelf = a.newLabel();
    a.test(r13, r13);
    a.jne(haveSelf);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_dec_unbound')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(haveSelf);
    a.xor(ebp, ebp);
    const noKw = a.newLabel();
    a.test(r15, r15);
    a.je(noKw);
    a.mov(rax, r15);
    unboxPtr(a, rax);
    a.mov(rbp, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    const countOk = a.newLabel();
    a.lea(rdx, mem(r13, -1));
    a.cmp(rdx, 2);
    a.jbe(countOk);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_dec_many')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(countOk);
    // positional: rbx = count after self
    a.lea(rbx, mem(r13, -1));
    a.sub(rbx, rbp);
    for (const i of [0, 1]) {
      const skip = a.newLabel();
      a.cmp(rbx, i + 1);
      a.jb(skip);
      a.mov(rax, qword(mem(r12, 8 * (i + 1))));
      a.mov(qword(mem(rsp, 8 * i)), rax);
      a.bind(skip);
    }
    {
      // keywords: encoding= / errors=
      const loop = a.newLabel();
      const done = a.newLabel();
      a.xor(r14, r14);
      a.bind(loop);
      a.cmp(r14, rbp);
      a.jae(done);
      const next = a.newLabel();
      for (const [i, name] of [[0, 'encoding'], [1, 'errors']] as const) {
        const skip = a.newLabel();
        a.mov(rax, r15);
        unboxPtr(a, rax);
        a.mov(rdi, qword(sib(rax, r14, 8, TUPLE.items)));
        a.lea(rsi, rip(sym(`bytes_kw_${name}`)));
        a.call(sym('rt_str_equals_cstr'));
        a.test(eax, eax);
        a.je(skip);
        const fresh = a.newLabel();
        a.cmp(rbx, i + 1);
        a.jb(fresh);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_dec_dup')));
        a.lea(rdx, rip(sym(`bytes_kw_${name}`)));
        a.mov(ecx, i + 1);
        a.call(sym('rt_raise_fmt'));
        a.jmp(fail);
        a.bind(fresh);
        a.lea(rax, sib(rbx, r14, 1));
        a.mov(rax, qword(sib(r12, rax, 8, 8)));
        a.mov(qword(mem(rsp, 8 * i)), rax);
        a.jmp(next);
        a.bind(skip);
      }
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_dec_kw')));
      a.mov(rdx, r15);
      unboxPtr(a, rdx);
      a.mov(rdx, qword(sib(rdx, r14, 8, TUPLE.items)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(next);
      a.inc(r14);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(rdi, qword(mem(r12)));
    a.mov(rsi, qword(mem(rsp)));
    a.mov(rdx, qword(mem(rsp, 8)));
    a.lea(rcx, rip(sym('bytes_fname_decode')));
    a.call(sym('rt_bytes_decode_obj'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

const METHODS: RuntimeMethod[] = (['bytes', 'bytearray'] as const).map((t) => ({ type: t, name: 'decode', entry: 'rt_bytes_meth_decode' }));

export const bytesCodecModule: RuntimeModule = {
  name: 'bytescodec',
  types: [],
  builtins: [],
  methods: METHODS,
  routines: [decodeRaw, decodeObj, decodeMeth],
  data: [
    ...Object.entries(REASONS).map(([k, v]) => cstr(`msg_dec_reason_${k}`, v)),
    cstr('msg_dec_one', "'%s' codec can't decode byte 0x%s in position %d: %s"),
    cstr('msg_dec_range', "'%s' codec can't decode bytes in position %d-%d: %s"),
    cstr('msg_dec_handler', "unknown error handler name '%U'"),
    cstr('msg_dec_need_bytes', 'decoding to str: need a bytes-like object, %T found'),
    cstr('msg_dec_encoding_type', "%s() argument 'encoding' must be str, not %T"),
    cstr('msg_dec_errors_type', "%s() argument 'errors' must be str, not %T"),
    ...staticStr('bc_s_strict', 'strict'),
    cstr('msg_dec_unbound', "unbound method bytes.decode() needs an argument"),
    cstr('msg_dec_many', 'decode() takes at most 2 arguments (%d given)'),
    cstr('msg_dec_dup', "argument for decode() given by name ('%s') and position (%d)"),
    cstr('msg_dec_kw', "'%U' is an invalid keyword argument for decode()"),
    cstr('bytes_kw_encoding', 'encoding'),
    cstr('bytes_kw_errors', 'errors'),
    cstr('bytes_fname_decode', 'decode'),
    cstr('bytes_fname_str', 'str'),
  ],
};
