// Runtime core: creating str objects and writing them out as UTF-8.
//
// str objects follow layout.ts STR (PEP 393): code points stored 1, 2 or 4 bytes each, the
// narrowest kind that holds the widest code point, plus a trailing zero code point. `ascii`
// strings are kind 1 with every code point below 0x80, so their data is their UTF-8 form.
// Decoding maps malformed UTF-8 to U+FFFD (errors='replace'); encoding writes a lone
// surrogate as U+FFFD (CPython's strict stdout would raise UnicodeEncodeError instead).

import { type Assembler, al, ax, byte, cl, dil, dword, eax, ebp, ecx, edi, edx, esi, mem, qword, r12, r13, r12d, r14, r15, r15d, r8d, rax, rbp, rcx, rdi, rdx, rip, rsi, rsp, sib, sil, sym, word } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, loadCodePoint, prologue, unboxPtr } from '../../src/native/macros.js';
import { STR } from '../../src/native/layout.js';

/** String builder layout (see rt_sb_new). */
export const SB = { length: 16, capacity: 24, maxChar: 32, data: 40 } as const;

const ENCODE_CHUNK = 1024;

export const strCoreModule: RuntimeModule = {
  name: 'strcore',
  routines: [
    {
      name: 'rt_str_alloc',
      contract: 'rdi=length (code points), esi=kind (1, 2 or 4) -> rax=raw address of a str with length, kind and hash set, ascii=0, data zeroed; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.push(rsi);
        a.lea(rdi, mem(rdi, 1));
        a.imul(rdi, rsi);
        a.add(rdi, STR.data);
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_alloc'));
        a.pop(rsi);
        a.pop(rdi);
        a.mov(qword(mem(rax, STR.length)), rdi);
        a.mov(qword(mem(rax, STR.hash)), -1);
        a.mov(byte(mem(rax, STR.kind)), sil);
        a.ret();
      },
    },
    {
      name: 'rt_str_from_ascii',
      contract: 'rdi=ptr, rsi=len (bytes, all < 0x80) -> rax=str value; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(rdi, rsi);
        a.mov(esi, 1);
        a.call(sym('rt_str_alloc'));
        a.mov(byte(mem(rax, STR.ascii)), 1);
        a.lea(rdi, mem(rax, STR.data));
        a.mov(rsi, r12);
        a.mov(rcx, r13);
        a.rep_movsb();
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_str_from_utf8',
      contract: 'rdi=ptr, rsi=len (bytes of UTF-8; malformed sequences become U+FFFD) -> rax=str value; may allocate',
      emit(a: Assembler<any>) {
        // Pass 1 counts code points and finds the widest; pass 2 allocates and decodes.
        const saved = [rbp, r12, r13, r14, r15] as const;
        prologue(a, saved);
        a.mov(r12, rdi); // source
        a.mov(r13, rsi); // byte length
        a.xor(r14, r14); // code points
        a.xor(r15, r15); // widest code point
        a.xor(rbp, rbp); // byte index
        const scan = a.newLabel();
        const scanned = a.newLabel();
        a.bind(scan);
        a.cmp(rbp, r13);
        a.jae(scanned);
        a.lea(rdi, sib(r12, rbp, 1));
        a.mov(rsi, r13);
        a.sub(rsi, rbp);
        a.call(sym('rt_utf8_decode1'));
        a.add(rbp, rdx);
        a.inc(r14);
        a.cmp(rax, r15);
        a.cmova(r15, rax);
        a.jmp(scan);
        a.bind(scanned);
        // kind: 1, 2 or 4
        const kindSet = a.newLabel();
        a.mov(esi, 1);
        a.cmp(r15, 0xff);
        a.jbe(kindSet);
        a.mov(esi, 2);
        a.cmp(r15, 0xffff);
        a.jbe(kindSet);
        a.mov(esi, 4);
        a.bind(kindSet);
        a.mov(rdi, r14);
        a.call(sym('rt_str_alloc'));
        a.cmp(r15, 0x80);
        a.setb(byte(mem(rax, STR.ascii)));
        a.mov(r14, rax); // the new str (raw)
        a.movzx(r15d, byte(mem(rax, STR.kind)));
        // Decode into the data area: rbp = byte index, rcx = code point index.
        a.xor(rbp, rbp);
        a.push(0); // code point index lives on the stack across calls
        const dec = a.newLabel();
        const decoded = a.newLabel();
        const st2 = a.newLabel();
        const st4 = a.newLabel();
        const next = a.newLabel();
        a.bind(dec);
        a.cmp(rbp, r13);
        a.jae(decoded);
        a.lea(rdi, sib(r12, rbp, 1));
        a.mov(rsi, r13);
        a.sub(rsi, rbp);
        a.call(sym('rt_utf8_decode1'));
        a.add(rbp, rdx);
        a.mov(rcx, qword(mem(rsp)));
        a.cmp(r15d, 2);
        a.je(st2);
        a.ja(st4);
        a.mov(byte(sib(r14, rcx, 1, STR.data)), al);
        a.jmp(next);
        a.bind(st2);
        a.mov(word(sib(r14, rcx, 2, STR.data)), ax);
        a.jmp(next);
        a.bind(st4);
        a.mov(dword(sib(r14, rcx, 4, STR.data)), eax);
        a.bind(next);
        a.inc(qword(mem(rsp)));
        a.jmp(dec);
        a.bind(decoded);
        a.add(rsp, 8);
        a.mov(rax, r14);
        boxPtr(a, rax, rcx);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_utf8_decode1',
      contract: 'rdi=ptr, rsi=bytes available (>0) -> eax=code point (U+FFFD if malformed), rdx=bytes consumed; clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        const two = a.newLabel();
        const three = a.newLabel();
        const four = a.newLabel();
        const ret = a.newLabel();
        a.movzx(eax, byte(mem(rdi)));
        a.mov(edx, 1);
        a.cmp(eax, 0x80);
        a.jb(ret);
        a.cmp(eax, 0xc2);
        a.jb(bad);
        a.cmp(eax, 0xe0);
        a.jb(two);
        a.cmp(eax, 0xf0);
        a.jb(three);
        a.cmp(eax, 0xf5);
        a.jb(four);
        a.jmp(bad);
        // Byte n must be a continuation byte; accumulate its 6 bits into eax.
        const cont = (n: number): void => {
          a.cmp(rsi, n);
          a.jbe(bad);
          a.movzx(ecx, byte(mem(rdi, n)));
          a.mov(r8d, ecx);
          a.and(r8d, 0xc0);
          a.cmp(r8d, 0x80);
          a.jne(bad);
          a.shl(eax, 6);
          a.and(ecx, 0x3f);
          a.or(eax, ecx);
        };
        a.bind(two);
        a.and(eax, 0x1f);
        cont(1);
        a.mov(edx, 2);
        a.ret();
        a.bind(three);
        a.and(eax, 0x0f);
        cont(1);
        cont(2);
        a.cmp(eax, 0x800);
        a.jb(bad);
        a.mov(edx, 3);
        a.ret();
        a.bind(four);
        a.and(eax, 0x07);
        cont(1);
        cont(2);
        cont(3);
        a.cmp(eax, 0x10000);
        a.jb(bad);
        a.cmp(eax, 0x10ffff);
        a.ja(bad);
        a.mov(edx, 4);
        a.ret();
        a.bind(bad);
        a.mov(eax, 0xfffd);
        a.mov(edx, 1);
        a.bind(ret);
        a.ret();
      },
    },
    {
      name: 'rt_utf8_encode1',
      contract: 'edi=code point, rsi=destination (4 bytes room) -> rax=bytes written; lone surrogates written as U+FFFD; clobbers rax rcx rdi; no alloc',
      emit(a: Assembler<any>) {
        const two = a.newLabel();
        const three = a.newLabel();
        const four = a.newLabel();
        const notSurrogate = a.newLabel();
        a.cmp(edi, 0x80);
        a.jae(two);
        a.mov(byte(mem(rsi)), dil);
        a.mov(eax, 1);
        a.ret();
        a.bind(two);
        a.cmp(edi, 0x800);
        a.jae(three);
        a.mov(ecx, edi);
        a.shr(ecx, 6);
        a.or(ecx, 0xc0);
        a.mov(byte(mem(rsi)), cl);
        a.and(edi, 0x3f);
        a.or(edi, 0x80);
        a.mov(byte(mem(rsi, 1)), dil);
        a.mov(eax, 2);
        a.ret();
        a.bind(three);
        a.cmp(edi, 0x10000);
        a.jae(four);
        a.mov(ecx, edi);
        a.and(ecx, 0xf800);
        a.cmp(ecx, 0xd800);
        a.jne(notSurrogate);
        a.mov(edi, 0xfffd);
        a.bind(notSurrogate);
        a.mov(ecx, edi);
        a.shr(ecx, 12);
        a.or(ecx, 0xe0);
        a.mov(byte(mem(rsi)), cl);
        a.mov(ecx, edi);
        a.shr(ecx, 6);
        a.and(ecx, 0x3f);
        a.or(ecx, 0x80);
        a.mov(byte(mem(rsi, 1)), cl);
        a.and(edi, 0x3f);
        a.or(edi, 0x80);
        a.mov(byte(mem(rsi, 2)), dil);
        a.mov(eax, 3);
        a.ret();
        a.bind(four);
        a.mov(ecx, edi);
        a.shr(ecx, 18);
        a.or(ecx, 0xf0);
        a.mov(byte(mem(rsi)), cl);
        a.mov(ecx, edi);
        a.shr(ecx, 12);
        a.and(ecx, 0x3f);
        a.or(ecx, 0x80);
        a.mov(byte(mem(rsi, 1)), cl);
        a.mov(ecx, edi);
        a.shr(ecx, 6);
        a.and(ecx, 0x3f);
        a.or(ecx, 0x80);
        a.mov(byte(mem(rsi, 2)), cl);
        a.and(edi, 0x3f);
        a.or(edi, 0x80);
        a.mov(byte(mem(rsi, 3)), dil);
        a.mov(eax, 4);
        a.ret();
      },
    },
    {
      name: 'rt_str_encode_utf8',
      contract: 'rdi=str value, rsi=start index (code points), rdx=dst, rcx=capacity (bytes, >= 4) -> rax=bytes written, rdx=next index; stops before a code point that would not fit; clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12); // str
        a.mov(r13, rsi); // index
        a.mov(r14, rdx); // dst
        a.push(rdx); // original dst, for the byte count
        a.lea(rbp, sib(rdx, rcx, 1, -4)); // last position where any code point fits
        a.movzx(r15d, byte(mem(r12, STR.kind)));
        const loop = a.newLabel();
        const done = a.newLabel();
        a.bind(loop);
        a.cmp(r13, qword(mem(r12, STR.length)));
        a.jae(done);
        a.cmp(r14, rbp);
        a.ja(done);
        loadCodePoint(a, edi, r12, r13, r15);
        a.mov(rsi, r14);
        a.call(sym('rt_utf8_encode1'));
        a.add(r14, rax);
        a.inc(r13);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        a.pop(rcx);
        a.sub(rax, rcx);
        a.mov(rdx, r13);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_str_write',
      contract: 'rdi=str value, esi=fd (1 buffered stdout, 2 stderr): write it UTF-8 encoded; clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13] as const;
        prologue(a, saved, ENCODE_CHUNK);
        a.mov(r12, rdi);
        a.mov(ebp, esi);
        const slow = a.newLabel();
        const done = a.newLabel();
        const write = (ptr: () => void, len: () => void): void => {
          const toErr = a.newLabel();
          const after = a.newLabel();
          a.cmp(ebp, 2);
          a.je(toErr);
          ptr();
          len();
          a.call(sym('rt_stdout_write'));
          a.jmp(after);
          a.bind(toErr);
          ptr();
          len();
          a.call(sym('rt_stderr_write'));
          a.bind(after);
        };
        // ASCII strings are their own UTF-8.
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.cmp(byte(mem(rax, STR.ascii)), 0);
        a.je(slow);
        write(
          () => {
            a.mov(rdi, r12);
            unboxPtr(a, rdi);
            a.add(rdi, STR.data);
          },
          () => {
            a.mov(rsi, r12);
            unboxPtr(a, rsi);
            a.mov(rsi, qword(mem(rsi, STR.length)));
          },
        );
        a.jmp(done);
        a.bind(slow);
        a.xor(r13, r13); // next code point
        const loop = a.newLabel();
        a.bind(loop);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, rsp);
        a.mov(ecx, ENCODE_CHUNK);
        a.call(sym('rt_str_encode_utf8'));
        a.test(rax, rax);
        a.je(done);
        a.mov(r13, rdx);
        a.push(rax);
        write(
          () => a.lea(rdi, mem(rsp, 8)),
          () => a.mov(rsi, qword(mem(rsp))),
        );
        a.pop(rax);
        a.jmp(loop);
        a.bind(done);
        epilogue(a, saved, ENCODE_CHUNK);
      },
    },
    {
      name: 'rt_write_cstr',
      contract: 'rdi=NUL-terminated bytes, esi=fd (1 or 2): write them; clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        const scan = a.newLabel();
        const found = a.newLabel();
        const toErr = a.newLabel();
        a.mov(rcx, rdi);
        a.bind(scan);
        a.cmp(byte(mem(rcx)), 0);
        a.je(found);
        a.inc(rcx);
        a.jmp(scan);
        a.bind(found);
        a.sub(rcx, rdi);
        a.cmp(esi, 2);
        a.mov(rsi, rcx);
        a.je(toErr);
        a.jmp(sym('rt_stdout_write'));
        a.bind(toErr);
        a.jmp(sym('rt_stderr_write'));
      },
    },

    // ---- string builder -------------------------------------------------------------------
    // A builder is a heap object of type `strbuilder` (layout raw): +16 length, +24 capacity
    // (code points), +32 widest code point, +40 u32 code points. Appending may reallocate it, so
    // every append returns the (possibly new) builder value: keep using the returned one.
    {
      name: 'rt_sb_new',
      contract: 'rdi=initial capacity (code points) -> rax=builder value; may allocate',
      emit(a: Assembler<any>) {
        const ok = a.newLabel();
        a.cmp(rdi, 16);
        a.jae(ok);
        a.mov(edi, 16);
        a.bind(ok);
        a.push(rdi);
        a.lea(rdi, sib(undefined, rdi, 4, SB.data));
        a.lea(rsi, rip(sym('type_strbuilder')));
        a.call(sym('rt_alloc'));
        a.pop(rdi);
        a.mov(qword(mem(rax, SB.capacity)), rdi);
        boxPtr(a, rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_sb_reserve',
      contract: 'rdi=builder value, rsi=code points about to be appended -> rax=builder value with room for them; may allocate',
      emit(a: Assembler<any>) {
        const fits = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, SB.length)));
        a.add(rcx, rsi);
        a.cmp(rcx, qword(mem(rax, SB.capacity)));
        a.jbe(fits);
        // Grow to max(2 * capacity, needed).
        a.mov(r12, rax);
        a.mov(r13, qword(mem(rax, SB.capacity)));
        a.add(r13, r13);
        a.cmp(r13, rcx);
        a.cmovb(r13, rcx);
        a.lea(rdi, sib(undefined, r13, 4, SB.data));
        a.lea(rsi, rip(sym('type_strbuilder')));
        a.call(sym('rt_alloc'));
        a.mov(qword(mem(rax, SB.capacity)), r13);
        a.mov(rcx, qword(mem(r12, SB.length)));
        a.mov(qword(mem(rax, SB.length)), rcx);
        a.mov(rdx, qword(mem(r12, SB.maxChar)));
        a.mov(qword(mem(rax, SB.maxChar)), rdx);
        a.lea(rdi, mem(rax, SB.data));
        a.lea(rsi, mem(r12, SB.data));
        a.shl(rcx, 2);
        a.rep_movsb();
        a.bind(fits);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_sb_append_cp',
      contract: 'rdi=builder value, esi=code point -> rax=builder value; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.mov(r12d, esi);
        a.mov(esi, 1);
        a.call(sym('rt_sb_reserve'));
        a.mov(rdx, rax);
        unboxPtr(a, rdx);
        a.mov(rcx, qword(mem(rdx, SB.length)));
        a.mov(dword(sib(rdx, rcx, 4, SB.data)), r12d);
        a.inc(qword(mem(rdx, SB.length)));
        a.cmp(qword(mem(rdx, SB.maxChar)), r12);
        a.cmovb(rcx, r12);
        a.cmovae(rcx, qword(mem(rdx, SB.maxChar)));
        a.mov(qword(mem(rdx, SB.maxChar)), rcx);
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_sb_append_ascii',
      contract: 'rdi=builder value, rsi=bytes (each < 0x80), rdx=length -> rax=builder value; may allocate',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rsi);
        a.mov(r13, rdx);
        a.mov(rsi, rdx);
        a.call(sym('rt_sb_reserve'));
        a.mov(rdx, rax);
        unboxPtr(a, rdx);
        a.mov(rcx, qword(mem(rdx, SB.length)));
        a.lea(rdi, sib(rdx, rcx, 4, SB.data));
        a.add(qword(mem(rdx, SB.length)), r13);
        a.cmp(qword(mem(rdx, SB.maxChar)), 0x7f);
        const wideEnough = a.newLabel();
        a.jae(wideEnough);
        a.mov(qword(mem(rdx, SB.maxChar)), 0x7f);
        a.bind(wideEnough);
        a.bind(loop);
        a.test(r13, r13);
        a.je(done);
        a.movzx(ecx, byte(mem(r12)));
        a.mov(dword(mem(rdi)), ecx);
        a.inc(r12);
        a.add(rdi, 4);
        a.dec(r13);
        a.jmp(loop);
        a.bind(done);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_sb_append_cstr',
      contract: 'rdi=builder value, rsi=NUL-terminated ASCII -> rax=builder value; may allocate',
      emit(a: Assembler<any>) {
        const scan = a.newLabel();
        const found = a.newLabel();
        a.mov(rdx, rsi);
        a.bind(scan);
        a.cmp(byte(mem(rdx)), 0);
        a.je(found);
        a.inc(rdx);
        a.jmp(scan);
        a.bind(found);
        a.sub(rdx, rsi);
        a.jmp(sym('rt_sb_append_ascii'));
      },
    },
    {
      name: 'rt_sb_append_str',
      contract: 'rdi=builder value, rsi=str value -> rax=builder value; may allocate',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        const saved = [r12, r13, r14, r15] as const;
        prologue(a, saved);
        a.mov(r12, rsi);
        unboxPtr(a, r12); // source str (raw)
        a.mov(rsi, qword(mem(r12, STR.length)));
        a.call(sym('rt_sb_reserve'));
        a.mov(r13, rax);
        unboxPtr(a, r13); // builder (raw)
        a.mov(r14, qword(mem(r13, SB.length)));
        a.lea(r14, sib(r13, r14, 4, SB.data)); // destination
        a.movzx(r15d, byte(mem(r12, STR.kind)));
        a.xor(edx, edx); // widest code point appended
        a.xor(esi, esi); // index
        a.bind(loop);
        a.cmp(rsi, qword(mem(r12, STR.length)));
        a.jae(done);
        loadCodePoint(a, ecx, r12, rsi, r15);
        a.mov(dword(mem(r14)), ecx);
        a.add(r14, 4);
        a.cmp(ecx, edx);
        a.cmova(edx, ecx);
        a.inc(rsi);
        a.jmp(loop);
        a.bind(done);
        a.add(qword(mem(r13, SB.length)), rsi);
        a.cmp(qword(mem(r13, SB.maxChar)), rdx);
        a.cmovb(rcx, rdx);
        a.cmovae(rcx, qword(mem(r13, SB.maxChar)));
        a.mov(qword(mem(r13, SB.maxChar)), rcx);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_sb_finish',
      contract: 'rdi=builder value -> rax=str value of its contents (narrowest kind); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const loop = a.newLabel();
        const done = a.newLabel();
        const k2 = a.newLabel();
        const k4 = a.newLabel();
        const next = a.newLabel();
        const kindSet = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(rcx, qword(mem(r12, SB.maxChar)));
        a.mov(esi, 1);
        a.cmp(rcx, 0xff);
        a.jbe(kindSet);
        a.mov(esi, 2);
        a.cmp(rcx, 0xffff);
        a.jbe(kindSet);
        a.mov(esi, 4);
        a.bind(kindSet);
        a.mov(rdi, qword(mem(r12, SB.length)));
        a.call(sym('rt_str_alloc'));
        a.mov(r13, rax);
        a.cmp(qword(mem(r12, SB.maxChar)), 0x80);
        a.setb(byte(mem(r13, STR.ascii)));
        a.movzx(r8d, byte(mem(r13, STR.kind)));
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rcx, qword(mem(r12, SB.length)));
        a.jae(done);
        a.mov(eax, dword(sib(r12, rcx, 4, SB.data)));
        a.cmp(r8d, 2);
        a.je(k2);
        a.ja(k4);
        a.mov(byte(sib(r13, rcx, 1, STR.data)), al);
        a.jmp(next);
        a.bind(k2);
        a.mov(word(sib(r13, rcx, 2, STR.data)), ax);
        a.jmp(next);
        a.bind(k4);
        a.mov(dword(sib(r13, rcx, 4, STR.data)), eax);
        a.bind(next);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r13);
        boxPtr(a, rax, rcx);
        epilogue(a, saved);
      },
    },
  ],
  data: [],
};

