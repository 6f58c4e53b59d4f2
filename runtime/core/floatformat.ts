// Runtime: the format-spec mini-language for floats (CPython 3.11 Python/formatter_unicode.c).
//
//   spec ::= [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// Routines, from the generic to the specific:
//   rt_float_parse_spec    parse_internal_render_format_spec: a spec str into an FSPEC
//                          record with the type's defaults, plus the type-independent
//                          checks. The int area can use it for ints too.
//   rt_fmt_layout          calc_number_widths + fill_number: sign, prefix, grouped digits
//                          (zeros of '0=' padding are digits and get separators:
//                          format(1234.5, '010,.1f') == '0,001,234.5'), decimal point,
//                          remainder, padding, from an FSPEC and a NUMPARTS record.
//   rt_float_format_spec   format_float_internal: a double and a parsed FSPEC of type
//                          e E f F g G n % or none; ints formatted with those types go here.
//   rt_format_float        float.__format__ (the float type's format slot): '' is str(x).
//
// Layout of a formatted number (only one of the paddings is non-empty):
//   <lpadding><sign><prefix><spadding><grouped digits><decimal point><remainder><rpadding>
// 'n' uses the C locale, as CPython does until a program calls setlocale: no grouping.

import {
  type Assembler, type Label, al, bl, byte, cl, dil, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r12, r13, r14, r14d, r15, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0,
} from '../../src/asm/index.js';
import { OBJ_TAG_BITS, STR } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { floatSubUnbox } from './builtinsub.js';
import { cstr } from './exc.js';
import { DTSF, LiteralPool } from './floatkit.js';

/** A parsed spec (InternalFormatSpec): u32 code points, i64 numbers (-1 when absent). */
export const FSPEC = { fill: 0, align: 4, sign: 5, noNeg0: 6, alternate: 7, width: 8, grouping: 16, type: 20, precision: 24, size: 32 } as const;
/** FSPEC.grouping values: none, ',' every 3, '_' every 3, '_' every 4 (b/o/x/X). */
export const GROUPING = { none: 0, comma: 1, underscore: 2, underscore4: 3 } as const;

/**
 * The parts of a number for rt_fmt_layout: ASCII text = prefix, digits, ['.'], remainder;
 * `neg` (u8) says whether there is a minus sign (not in the text); `upper` (u8) upper-cases
 * prefix and digits ('X'); `grouping` (u8) is the GROUPING to apply (the caller resolves 'n'
 * to none); the counts are i64.
 */
export const NUMPARTS = { text: 0, neg: 8, upper: 9, grouping: 10, prefixLen: 16, nDigits: 24, hasDecimal: 32, remLen: 40, size: 48 } as const;

const SSIZE_MAX = (1n << 63n) - 1n;
const INT_MAX = 2147483647;
/** Longest result built; CPython would run out of memory before. */
const MAX_TOTAL = 1 << 30;

/** Load the code point at index `idx` of the str at raw address `s` into eax. Clobbers rcx. */
function readCp(a: Assembler<any>, s: typeof r12, idx: typeof r14): void {
  a.movzx(ecx, byte(mem(s, STR.kind)));
  loadCodePoint(a, eax, s, idx, rcx);
}

/** Jump to `yes` when eax is one of the code points of `cps`. */
function isOneOf(a: Assembler<any>, cps: string, yes: Label): void {
  for (const c of cps) {
    a.cmp(eax, c.charCodeAt(0));
    a.je(yes);
  }
}

// rt_fmt_layout frame
const Y_SIGN = 0;
const Y_LPAD = 8;
const Y_SPAD = 16;
const Y_RPAD = 24;
const Y_P = 32; // digit positions (zeros included)
const Y_G = 40; // group size (0: none)
const Y_SEP = 48; // separator char
const Y_T = 56; // (P - i) mod g while writing
const Y_I = 64;
const Y_BUFN = 72;
const Y_BUF = 80; // chunk of ASCII output
const Y_BUFCAP = 240;
const Y_FRAME = Y_BUF + Y_BUFCAP + 16;

export const floatFormatModule: RuntimeModule = {
  name: 'floatformat',
  routines: [
    {
      name: 'rt_fmt_quote_char',
      contract: "edi=code point, rsi=buffer (>= 16 bytes) -> the C string 'c' (quotes included) for printable ASCII (32 < c < 128), else '\\x<hex>' (CPython's two spellings in format errors); clobbers rax rcx rdx; no alloc",
      emit(a: Assembler<any>) {
        const hex = a.newLabel();
        const skip = a.newLabel();
        const digits = a.newLabel();
        const letter = a.newLabel();
        const put = a.newLabel();
        a.mov(byte(mem(rsi)), 0x27);
        a.cmp(edi, 32);
        a.jbe(hex);
        a.cmp(edi, 128);
        a.jae(hex);
        a.mov(byte(mem(rsi, 1)), dil);
        a.mov(byte(mem(rsi, 2)), 0x27);
        a.mov(byte(mem(rsi, 3)), 0);
        a.ret();
        a.bind(hex);
        a.mov(byte(mem(rsi, 1)), 0x5c);
        a.mov(byte(mem(rsi, 2)), 0x78);
        // "%x": hex digits without leading zeros (at least one)
        a.mov(ecx, 28);
        a.bind(skip);
        a.mov(eax, edi);
        a.shr(eax, cl);
        a.and(eax, 15);
        a.jne(digits);
        a.test(ecx, ecx);
        a.je(digits);
        a.sub(ecx, 4);
        a.jmp(skip);
        a.bind(digits);
        a.mov(edx, 3);
        const loop = a.newLabel();
        a.bind(loop);
        a.mov(eax, edi);
        a.shr(eax, cl);
        a.and(eax, 15);
        a.cmp(eax, 10);
        a.jae(letter);
        a.add(eax, 0x30);
        a.jmp(put);
        a.bind(letter);
        a.add(eax, 0x61 - 10);
        a.bind(put);
        a.mov(byte(sib(rsi, rdx, 1)), al);
        a.inc(edx);
        a.sub(ecx, 4);
        a.jns(loop);
        a.mov(byte(sib(rsi, rdx, 1)), 0x27);
        a.mov(byte(sib(rsi, rdx, 1, 1)), 0);
        a.ret();
      },
    },
    {
      name: 'rt_float_parse_spec',
      contract: 'rdi=spec str value, rsi=FSPEC record to fill, edx=default type (0 for none), ecx=default align char, r8=type name (C string, for messages) -> rax=0, or EXC (ValueError as CPython: invalid specifier, too many digits, missing precision, grouping conflicts); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const L_NAME = 0;
        const L_DEFALIGN = 8;
        const L_BUF = 16; // a quoted char for messages
        const FRAME = 48;
        const S = (o: number) => qword(mem(rsp, o));
        const F = (field: keyof typeof FSPEC) => mem(r13, FSPEC[field]);
        const fail = a.newLabel(); // rsi = message
        const out = a.newLabel();
        const getInteger = a.newLabel();
        prologue(a, saved, FRAME);
        a.mov(r12, rdi);
        a.shl(r12, 16);
        a.shr(r12, 16); // raw spec str
        a.mov(r13, rsi);
        a.mov(S(L_NAME), r8);
        a.mov(S(L_DEFALIGN), rcx);
        a.mov(r15, qword(mem(r12, STR.length))); // end
        a.xor(r14, r14); // pos
        a.xor(ebx, ebx); // fill given
        a.xor(ebp, ebp); // align given
        a.mov(dword(F('fill')), 0x20);
        a.mov(byte(F('align')), cl);
        a.mov(byte(F('sign')), 0);
        a.mov(byte(F('noNeg0')), 0);
        a.mov(byte(F('alternate')), 0);
        a.mov(qword(F('width')), -1);
        a.mov(dword(F('grouping')), 0);
        a.mov(dword(F('type')), edx);
        a.mov(qword(F('precision')), -1);
        /** eax = the code point at pos + i. Clobbers rcx rdx. */
        const at = (i: number): void => {
          a.lea(rdx, mem(r14, i));
          readCp(a, r12, rdx);
        };
        {
          // [[fill]align]
          const oneAlign = a.newLabel();
          const alignDone = a.newLabel();
          const two = a.newLabel();
          const one = a.newLabel();
          a.cmp(r15, 2);
          a.jl(oneAlign);
          at(1);
          isOneOf(a, '<>=^', two);
          a.jmp(oneAlign);
          a.bind(two);
          a.mov(byte(F('align')), al);
          at(0);
          a.mov(dword(F('fill')), eax);
          a.mov(ebx, 1);
          a.mov(ebp, 1);
          a.mov(r14, 2);
          a.jmp(alignDone);
          a.bind(oneAlign);
          a.cmp(r15, 1);
          a.jl(alignDone);
          at(0);
          isOneOf(a, '<>=^', one);
          a.jmp(alignDone);
          a.bind(one);
          a.mov(byte(F('align')), al);
          a.mov(ebp, 1);
          a.mov(r14, 1);
          a.bind(alignDone);
        }
        /** When pos < end and the code point there is in `chars`, run `then` and advance. */
        const optional = (chars: string, then: () => void): void => {
          const skip = a.newLabel();
          const yes = a.newLabel();
          a.cmp(r14, r15);
          a.jge(skip);
          at(0);
          isOneOf(a, chars, yes);
          a.jmp(skip);
          a.bind(yes);
          then();
          a.inc(r14);
          a.bind(skip);
        };
        optional('+- ', () => a.mov(byte(F('sign')), al));
        optional('z', () => a.mov(byte(F('noNeg0')), 1));
        optional('#', () => a.mov(byte(F('alternate')), 1));
        {
          // '0': zero padding, and '=' alignment for numbers, unless fill or align were given
          const skip = a.newLabel();
          const noAlign = a.newLabel();
          a.test(ebx, ebx);
          a.jne(skip);
          a.cmp(r14, r15);
          a.jge(skip);
          at(0);
          a.cmp(eax, 0x30);
          a.jne(skip);
          a.mov(dword(F('fill')), 0x30);
          a.test(ebp, ebp);
          a.jne(noAlign);
          a.cmp(S(L_DEFALIGN), 0x3e);
          a.jne(noAlign);
          a.mov(byte(F('align')), 0x3d);
          a.bind(noAlign);
          a.inc(r14);
          a.bind(skip);
        }
        {
          // width
          const none = a.newLabel();
          a.call(getInteger);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.test(rdx, rdx);
          a.je(none);
          a.mov(qword(F('width')), rax);
          a.bind(none);
        }
        {
          // grouping: ',' or '_', not both
          const both = a.newLabel();
          const noComma = a.newLabel();
          const noUnder = a.newLabel();
          const done = a.newLabel();
          a.cmp(r14, r15);
          a.jge(done);
          at(0);
          a.cmp(eax, 0x2c);
          a.jne(noComma);
          a.mov(dword(F('grouping')), GROUPING.comma);
          a.inc(r14);
          a.cmp(r14, r15);
          a.jge(done);
          at(0);
          a.bind(noComma);
          a.cmp(eax, 0x5f);
          a.jne(noUnder);
          a.cmp(dword(F('grouping')), 0);
          a.jne(both);
          a.mov(dword(F('grouping')), GROUPING.underscore);
          a.inc(r14);
          a.cmp(r14, r15);
          a.jge(done);
          at(0);
          a.cmp(eax, 0x2c);
          a.je(both);
          a.bind(noUnder);
          a.jmp(done);
          a.bind(both);
          a.lea(rsi, rip(sym('msg_fmt_comma_underscore')));
          a.jmp(fail);
          a.bind(done);
        }
        {
          // .precision (digits required)
          const done = a.newLabel();
          const have = a.newLabel();
          a.cmp(r14, r15);
          a.jge(done);
          at(0);
          a.cmp(eax, 0x2e);
          a.jne(done);
          a.inc(r14);
          a.call(getInteger);
          a.cmp(rax, g('rt_const_exc'));
          a.je(out);
          a.test(rdx, rdx);
          a.jne(have);
          a.lea(rsi, rip(sym('msg_fmt_missing_precision')));
          a.jmp(fail);
          a.bind(have);
          a.mov(qword(F('precision')), rax);
          a.bind(done);
        }
        {
          // the type: at most one code point left
          const noType = a.newLabel();
          const one = a.newLabel();
          a.mov(rax, r15);
          a.sub(rax, r14);
          a.cmp(rax, 1);
          a.jl(noType);
          a.je(one);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_fmt_invalid')));
          a.mov(rdx, OBJ_TAG_BITS);
          a.or(rdx, r12); // the spec as a str value
          a.mov(rcx, S(L_NAME));
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(one);
          at(0);
          a.mov(dword(F('type')), eax);
          a.bind(noType);
        }
        {
          // grouping against the type (PEP 378; PEP 515: '_' every four in b/o/x/X)
          const done = a.newLabel();
          const bad = a.newLabel();
          const hexlike = a.newLabel();
          a.cmp(dword(F('grouping')), 0);
          a.je(done);
          a.mov(eax, dword(F('type')));
          a.test(eax, eax);
          a.je(done);
          isOneOf(a, 'defgEG%F', done);
          isOneOf(a, 'boxX', hexlike);
          a.jmp(bad);
          a.bind(hexlike);
          a.cmp(dword(F('grouping')), GROUPING.underscore);
          a.jne(bad);
          a.mov(dword(F('grouping')), GROUPING.underscore4);
          a.jmp(done);
          a.bind(bad);
          a.mov(edi, eax);
          a.lea(rsi, mem(rsp, L_BUF));
          a.call(sym('rt_fmt_quote_char'));
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_fmt_thousands')));
          a.lea(rdx, rip(sym('str_fmt_comma')));
          a.lea(rax, rip(sym('str_fmt_underscore')));
          a.cmp(dword(F('grouping')), GROUPING.comma);
          a.cmovne(rdx, rax);
          a.lea(rcx, mem(rsp, L_BUF));
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(done);
        }
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved, FRAME);
        a.bind(fail);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);

        // get_integer: decimal digits (any Unicode Nd) at pos -> rax = value, rdx = count,
        // pos advanced; or rax = EXC ("Too many decimal digits in format string").
        a.bind(getInteger);
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const ascii = a.newLabel();
          const have = a.newLabel();
          const overflow = a.newLabel();
          a.push(rbx);
          a.push(rbp);
          a.xor(ebx, ebx); // accumulator
          a.xor(ebp, ebp); // count
          a.bind(loop);
          a.cmp(r14, r15);
          a.jge(done);
          at(0);
          a.cmp(eax, 128);
          a.jb(ascii);
          a.mov(edi, eax);
          a.call(sym('rt_unicode_decimal'));
          a.test(eax, eax);
          a.js(done);
          a.jmp(have);
          a.bind(ascii);
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(done);
          a.bind(have);
          // accumulator > (SSIZE_MAX - digit) / 10 would overflow
          a.mov(r8d, eax);
          a.mov(rax, SSIZE_MAX);
          a.sub(rax, r8);
          a.xor(edx, edx);
          a.mov(ecx, 10);
          a.div(rcx);
          a.cmp(rbx, rax);
          a.ja(overflow);
          a.lea(rbx, sib(rbx, rbx, 4));
          a.lea(rbx, sib(r8, rbx, 2));
          a.inc(rbp);
          a.inc(r14);
          a.jmp(loop);
          a.bind(done);
          a.mov(rax, rbx);
          a.mov(rdx, rbp);
          a.pop(rbp);
          a.pop(rbx);
          a.ret();
          a.bind(overflow);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_fmt_too_many_digits')));
          a.call(sym('rt_raise_cstr'));
          a.pop(rbp);
          a.pop(rbx);
          a.ret();
        }
      },
    },
    {
      name: 'rt_fmt_layout',
      contract: 'rdi=FSPEC record, rsi=NUMPARTS record -> rax=str value of the laid-out number (calc_number_widths + fill_number), or EXC (MemoryError past 2^30 characters); may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const F = (field: keyof typeof FSPEC) => mem(r12, FSPEC[field]);
        const N = (field: keyof typeof NUMPARTS) => mem(r13, NUMPARTS[field]);
        const out = a.newLabel();
        prologue(a, saved, Y_FRAME);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        {
          // the sign character (0 for none)
          const notPlus = a.newLabel();
          const notSpace = a.newLabel();
          const done = a.newLabel();
          a.xor(ebx, ebx);
          a.movzx(ecx, byte(N('neg')));
          a.movzx(eax, byte(F('sign')));
          a.cmp(eax, 0x2b);
          a.jne(notPlus);
          a.mov(ebx, 0x2b);
          a.jmp(done);
          a.bind(notPlus);
          a.cmp(eax, 0x20);
          a.jne(notSpace);
          a.mov(ebx, 0x20);
          a.bind(notSpace);
          a.bind(done);
          a.mov(eax, 0x2d);
          a.test(ecx, ecx);
          a.cmovne(ebx, eax);
          a.mov(S(Y_SIGN), rbx);
        }
        // rbp = non-digit, non-padding characters: sign, prefix, point, remainder
        a.xor(ebp, ebp);
        a.test(ebx, ebx);
        a.setne(bl);
        a.movzx(ebp, bl);
        a.add(rbp, qword(N('prefixLen')));
        a.add(rbp, qword(N('hasDecimal')));
        a.add(rbp, qword(N('remLen')));
        {
          // min width of the digits: zero padding with '=' alignment counts as digits
          const zero = a.newLabel();
          const have = a.newLabel();
          a.cmp(dword(F('fill')), 0x30);
          a.jne(zero);
          a.cmp(byte(F('align')), 0x3d);
          a.jne(zero);
          a.mov(r15, qword(F('width')));
          a.sub(r15, rbp);
          a.jmp(have);
          a.bind(zero);
          a.xor(r15, r15);
          a.bind(have);
        }
        {
          // group size and separator
          const set = (size: number, sep: number, l: Label): void => {
            a.bind(l);
            a.mov(S(Y_G), size);
            a.mov(S(Y_SEP), sep);
          };
          const l1 = a.newLabel();
          const l2 = a.newLabel();
          const l3 = a.newLabel();
          const done = a.newLabel();
          a.mov(S(Y_G), 0);
          a.mov(S(Y_SEP), 0);
          a.movzx(eax, byte(N('grouping')));
          a.cmp(eax, GROUPING.comma);
          a.je(l1);
          a.cmp(eax, GROUPING.underscore);
          a.je(l2);
          a.cmp(eax, GROUPING.underscore4);
          a.je(l3);
          a.jmp(done);
          set(3, 0x2c, l1);
          a.jmp(done);
          set(3, 0x5f, l2);
          a.jmp(done);
          set(4, 0x5f, l3);
          a.bind(done);
        }
        {
          // _PyUnicode_InsertThousandsGrouping, counting only: r14 = positions (zeros and
          // digits), rdx = separators. Groups are `g` wide except the leftmost.
          const noDigits = a.newLabel();
          const loop = a.newLabel();
          const broken = a.newLabel();
          const counted = a.newLabel();
          const noSep = a.newLabel();
          const noSep2 = a.newLabel();
          const lenMax = (rem: typeof r8, mw: typeof r9, dst: typeof rax): void => {
            // dst = max(rem, mw, 1)
            a.mov(dst, rem);
            a.cmp(dst, mw);
            a.cmovl(dst, mw);
            a.mov(rcx, 1);
            a.cmp(dst, rcx);
            a.cmovl(dst, rcx);
          };
          a.xor(r14, r14);
          a.xor(edx, edx);
          a.mov(r8, qword(N('nDigits'))); // remaining
          a.test(r8, r8);
          a.je(noDigits);
          a.mov(r9, r15); // min width, at least 0
          a.xor(ecx, ecx);
          a.test(r9, r9);
          a.cmovs(r9, rcx);
          a.xor(r10, r10); // use a separator
          a.mov(rdi, S(Y_G));
          a.test(rdi, rdi);
          a.je(counted);
          a.bind(loop);
          lenMax(r8, r9, rax);
          a.cmp(rax, rdi);
          a.cmovg(rax, rdi); // len = min(g, max(remaining, min_width, 1))
          a.add(r14, rax); // zeros + chars = len
          a.add(rdx, r10);
          a.mov(r10, 1);
          a.mov(rcx, r8);
          a.cmp(rcx, rax);
          a.cmovg(rcx, rax);
          a.sub(r8, rcx); // remaining -= min(remaining, len)
          a.sub(r9, rax);
          a.test(r8, r8);
          a.jg(noSep);
          a.test(r9, r9);
          a.jle(broken);
          a.bind(noSep);
          a.dec(r9); // the separator's width
          a.jmp(loop);
          a.bind(counted); // no grouping: one group of max(remaining, min_width, 1)
          lenMax(r8, r9, rax);
          a.add(r14, rax);
          a.add(rdx, r10);
          a.jmp(broken);
          a.bind(noDigits);
          a.bind(broken);
          a.bind(noSep2);
          a.mov(S(Y_P), r14);
          a.add(r14, rdx); // grouped digits, separators included
        }
        {
          // padding: width - (non-digit characters + grouped digits), by alignment
          const none = a.newLabel();
          const notLeft = a.newLabel();
          const notCenter = a.newLabel();
          const notEq = a.newLabel();
          const done = a.newLabel();
          a.mov(S(Y_LPAD), 0);
          a.mov(S(Y_SPAD), 0);
          a.mov(S(Y_RPAD), 0);
          a.mov(rax, qword(F('width')));
          a.sub(rax, rbp);
          a.sub(rax, r14);
          a.test(rax, rax);
          a.jle(none);
          a.movzx(ecx, byte(F('align')));
          a.cmp(ecx, 0x3c);
          a.jne(notLeft);
          a.mov(S(Y_RPAD), rax);
          a.jmp(done);
          a.bind(notLeft);
          a.cmp(ecx, 0x5e);
          a.jne(notCenter);
          a.mov(rcx, rax);
          a.shr(rcx, 1);
          a.mov(S(Y_LPAD), rcx);
          a.sub(rax, rcx);
          a.mov(S(Y_RPAD), rax);
          a.jmp(done);
          a.bind(notCenter);
          a.cmp(ecx, 0x3d);
          a.jne(notEq);
          a.mov(S(Y_SPAD), rax);
          a.jmp(done);
          a.bind(notEq);
          a.mov(S(Y_LPAD), rax);
          a.bind(done);
          a.bind(none);
        }
        {
          // total length, then the builder
          const ok = a.newLabel();
          a.mov(rdi, rbp);
          a.add(rdi, r14);
          a.add(rdi, S(Y_LPAD));
          a.add(rdi, S(Y_SPAD));
          a.add(rdi, S(Y_RPAD));
          a.cmp(rdi, MAX_TOTAL);
          a.jbe(ok);
          a.lea(rdi, rip(sym('type_MemoryError')));
          a.mov(rax, OBJ_TAG_BITS);
          a.or(rdi, rax);
          a.call(sym('rt_raise'));
          a.jmp(out);
          a.bind(ok);
          a.call(sym('rt_sb_new'));
          a.mov(r14, rax); // the builder (kept in a callee-saved register for the collector)
        }
        const fillRun = (count: number): void => {
          const loop = a.newLabel();
          const done = a.newLabel();
          a.mov(rbx, S(count));
          a.bind(loop);
          a.test(rbx, rbx);
          a.jle(done);
          a.mov(rdi, r14);
          a.mov(esi, dword(F('fill')));
          a.call(sym('rt_sb_append_cp'));
          a.mov(r14, rax);
          a.dec(rbx);
          a.jmp(loop);
          a.bind(done);
        };
        /** Append rdx bytes at rsi, upper-cased when NUMPARTS.upper. */
        const appendText = (upper: boolean): void => {
          const done = a.newLabel();
          a.test(rdx, rdx);
          a.jle(done);
          if (upper) {
            const plain = a.newLabel();
            const loop = a.newLabel();
            const keep = a.newLabel();
            a.cmp(byte(N('upper')), 0);
            a.je(plain);
            // copy into the chunk buffer, upper-cased (prefixes are 2 bytes)
            a.xor(ecx, ecx);
            a.bind(loop);
            a.movzx(eax, byte(sib(rsi, rcx, 1)));
            a.lea(r8d, mem(rax, -0x61));
            a.cmp(r8d, 25);
            a.ja(keep);
            a.sub(eax, 0x20);
            a.bind(keep);
            a.mov(byte(sib(rsp, rcx, 1, Y_BUF)), al);
            a.inc(rcx);
            a.cmp(rcx, rdx);
            a.jb(loop);
            a.lea(rsi, mem(rsp, Y_BUF));
            a.bind(plain);
          }
          a.mov(rdi, r14);
          a.call(sym('rt_sb_append_ascii'));
          a.mov(r14, rax);
          a.bind(done);
        };
        fillRun(Y_LPAD);
        {
          const noSign = a.newLabel();
          a.mov(rsi, S(Y_SIGN));
          a.test(rsi, rsi);
          a.je(noSign);
          a.mov(rdi, r14);
          a.call(sym('rt_sb_append_cp'));
          a.mov(r14, rax);
          a.bind(noSign);
        }
        a.mov(rsi, qword(N('text')));
        a.mov(rdx, qword(N('prefixLen')));
        appendText(true);
        fillRun(Y_SPAD);
        {
          // grouped digits, left to right through the chunk buffer: position i is a zero
          // below P - nDigits, else the next digit; a separator goes before each i > 0 with
          // (P - i) mod g == 0.
          const loop = a.newLabel();
          const done = a.newLabel();
          const noSep = a.newLabel();
          const zero = a.newLabel();
          const put = a.newLabel();
          const noFlush = a.newLabel();
          const noGroup = a.newLabel();
          const tDone = a.newLabel();
          const keep = a.newLabel();
          a.mov(S(Y_BUFN), 0);
          a.mov(S(Y_I), 0);
          a.mov(rax, S(Y_P));
          a.mov(rcx, S(Y_G));
          a.test(rcx, rcx);
          a.je(noGroup);
          a.xor(edx, edx);
          a.div(rcx);
          a.mov(S(Y_T), rdx); // P mod g
          a.jmp(tDone);
          a.bind(noGroup);
          a.mov(S(Y_T), 0);
          a.bind(tDone);
          a.bind(loop);
          a.mov(rbx, S(Y_I));
          a.cmp(rbx, S(Y_P));
          a.jge(done);
          a.test(rbx, rbx);
          a.je(noSep);
          a.cmp(S(Y_G), 0);
          a.je(noSep);
          a.cmp(S(Y_T), 0);
          a.jne(noSep);
          a.mov(rax, S(Y_SEP));
          a.mov(rcx, S(Y_BUFN));
          a.mov(byte(sib(rsp, rcx, 1, Y_BUF)), al);
          a.inc(S(Y_BUFN));
          a.bind(noSep);
          // the character at position i
          a.mov(rax, S(Y_P));
          a.sub(rax, qword(N('nDigits'))); // leading zeros
          a.cmp(rbx, rax);
          a.jl(zero);
          a.sub(rbx, rax);
          a.add(rbx, qword(N('prefixLen')));
          a.mov(rcx, qword(N('text')));
          a.movzx(eax, byte(sib(rcx, rbx, 1)));
          a.cmp(byte(N('upper')), 0);
          a.je(put);
          a.lea(ecx, mem(rax, -0x61));
          a.cmp(ecx, 25);
          a.ja(put);
          a.sub(eax, 0x20);
          a.jmp(put);
          a.bind(zero);
          a.mov(eax, 0x30);
          a.bind(put);
          a.mov(rcx, S(Y_BUFN));
          a.mov(byte(sib(rsp, rcx, 1, Y_BUF)), al);
          a.inc(rcx);
          a.mov(S(Y_BUFN), rcx);
          // t = (t - 1) mod g (unused without grouping)
          a.mov(rax, S(Y_T));
          a.test(rax, rax);
          a.jne(keep);
          a.mov(rax, S(Y_G));
          a.bind(keep);
          a.dec(rax);
          a.mov(S(Y_T), rax);
          a.inc(S(Y_I));
          a.cmp(rcx, Y_BUFCAP - 2);
          a.jb(noFlush);
          a.lea(rsi, mem(rsp, Y_BUF));
          a.mov(rdx, rcx);
          a.mov(rdi, r14);
          a.call(sym('rt_sb_append_ascii'));
          a.mov(r14, rax);
          a.mov(S(Y_BUFN), 0);
          a.bind(noFlush);
          a.jmp(loop);
          a.bind(done);
          a.lea(rsi, mem(rsp, Y_BUF));
          a.mov(rdx, S(Y_BUFN));
          appendText(false);
        }
        {
          // decimal point and remainder: the text after the digits
          a.mov(rsi, qword(N('text')));
          a.add(rsi, qword(N('prefixLen')));
          a.add(rsi, qword(N('nDigits')));
          a.mov(rdx, qword(N('hasDecimal')));
          a.add(rdx, qword(N('remLen')));
          appendText(false);
        }
        fillRun(Y_RPAD);
        a.mov(rdi, r14);
        a.call(sym('rt_sb_finish'));
        a.bind(out);
        epilogue(a, saved, Y_FRAME);
      },
    },
    {
      name: 'rt_float_format_spec',
      contract: "rdi=double bits, rsi=FSPEC record of type e E f F g G n % or 0 (none) -> rax=str value or EXC (format_float_internal: '%' multiplies by 100, 'n' is 'g' without grouping, none is repr-like; ValueError 'precision too big'); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const PARTS = 0;
        const FRAME = NUMPARTS.size + 8;
        const P = (field: keyof typeof NUMPARTS) => mem(rsp, PARTS + NUMPARTS[field]);
        const F = (field: keyof typeof FSPEC) => mem(r12, FSPEC[field]);
        const pool = new LiteralPool(a);
        const out = a.newLabel();
        prologue(a, saved, FRAME);
        a.mov(r12, rsi);
        a.mov(r13, rdi);
        {
          const ok = a.newLabel();
          a.cmp(qword(F('precision')), INT_MAX);
          a.jle(ok);
          a.lea(rdi, rip(sym('type_ValueError')));
          a.lea(rsi, rip(sym('msg_fmt_precision_big')));
          a.call(sym('rt_raise_cstr'));
          a.jmp(out);
          a.bind(ok);
        }
        {
          // flags, type and default precision as format_float_internal sets them
          const noAlt = a.newLabel();
          const noZ = a.newLabel();
          const notNone = a.newLabel();
          const notN = a.newLabel();
          const notPct = a.newLabel();
          const precGiven = a.newLabel();
          const precDone = a.newLabel();
          a.xor(r14d, r14d); // flags
          a.cmp(byte(F('alternate')), 0);
          a.je(noAlt);
          a.or(r14d, DTSF.ALT);
          a.bind(noAlt);
          a.cmp(byte(F('noNeg0')), 0);
          a.je(noZ);
          a.or(r14d, DTSF.NO_NEG_0);
          a.bind(noZ);
          a.mov(ebx, dword(F('type')));
          a.mov(r15, 6); // default precision
          a.test(ebx, ebx);
          a.jne(notNone);
          a.or(r14d, DTSF.ADD_DOT_0); // no type: like repr, or 'g' with a '.0' when given a precision
          a.mov(ebx, 0x72);
          a.xor(r15, r15);
          a.bind(notNone);
          a.cmp(ebx, 0x6e);
          a.jne(notN);
          a.mov(ebx, 0x67);
          a.bind(notN);
          a.cmp(ebx, 0x25);
          a.jne(notPct);
          a.mov(ebx, 0x66);
          a.movq(xmm0, r13);
          a.mulsd(xmm0, pool.f64(100)); // a float multiplication, as CPython does
          a.movq(r13, xmm0);
          a.or(r14d, DTSF.PERCENT);
          a.bind(notPct);
          a.mov(rdx, qword(F('precision')));
          a.test(rdx, rdx);
          a.jns(precGiven);
          a.mov(rdx, r15);
          a.jmp(precDone);
          a.bind(precGiven);
          a.cmp(ebx, 0x72);
          a.jne(precDone);
          a.mov(ebx, 0x67);
          a.bind(precDone);
          a.mov(rdi, r13);
          a.mov(esi, ebx);
          a.mov(ecx, r14d);
          a.call(sym('rt_dtoa_format'));
          a.mov(r13, rax); // the text (str), kept for the layout
        }
        {
          // CPython's fast path: nothing to lay out
          const layout = a.newLabel();
          a.movzx(eax, byte(F('sign')));
          a.cmp(eax, 0x2b);
          a.je(layout);
          a.cmp(eax, 0x20);
          a.je(layout);
          a.cmp(qword(F('width')), -1);
          a.jne(layout);
          a.cmp(dword(F('type')), 0x6e);
          a.je(layout);
          a.cmp(dword(F('grouping')), 0);
          a.jne(layout);
          a.mov(rax, r13);
          a.jmp(out);
          a.bind(layout);
        }
        {
          // parse_number: [-]digits[.remainder]
          const noMinus = a.newLabel();
          const scan = a.newLabel();
          const scanned = a.newLabel();
          const noPoint = a.newLabel();
          a.mov(rax, r13);
          a.shl(rax, 16);
          a.shr(rax, 16);
          a.mov(rcx, qword(mem(rax, STR.length)));
          a.lea(rsi, mem(rax, STR.data));
          a.mov(byte(P('neg')), 0);
          a.cmp(byte(mem(rsi)), 0x2d);
          a.jne(noMinus);
          a.mov(byte(P('neg')), 1);
          a.inc(rsi);
          a.dec(rcx);
          a.bind(noMinus);
          a.mov(qword(P('text')), rsi);
          a.mov(byte(P('upper')), 0);
          a.mov(qword(P('prefixLen')), 0);
          a.xor(edx, edx);
          a.bind(scan);
          a.cmp(rdx, rcx);
          a.jae(scanned);
          a.movzx(eax, byte(sib(rsi, rdx, 1)));
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(scanned);
          a.inc(rdx);
          a.jmp(scan);
          a.bind(scanned);
          a.mov(qword(P('nDigits')), rdx);
          a.mov(qword(P('hasDecimal')), 0);
          a.cmp(rdx, rcx);
          a.jae(noPoint);
          a.cmp(byte(sib(rsi, rdx, 1)), 0x2e);
          a.jne(noPoint);
          a.mov(qword(P('hasDecimal')), 1);
          a.inc(rdx);
          a.bind(noPoint);
          a.sub(rcx, rdx);
          a.mov(qword(P('remLen')), rcx);
          // 'n' formats with the C locale: no grouping
          a.movzx(eax, byte(F('grouping')));
          a.xor(ecx, ecx);
          a.cmp(dword(F('type')), 0x6e);
          a.cmove(eax, ecx);
          a.mov(byte(P('grouping')), al);
          a.mov(rdi, r12);
          a.lea(rsi, P('text'));
          a.call(sym('rt_fmt_layout'));
        }
        a.bind(out);
        epilogue(a, saved, FRAME);
        pool.emit();
      },
    },
    {
      name: 'rt_format_float',
      contract: "rdi=float, rsi=spec str value -> rax=str value or EXC (float.__format__: '' is str(x); types e E f F g G n % or none; ValueError \"Unknown format code 'd' for object of type 'float'\" and the spec errors); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const SPEC = 0;
        const BUF = FSPEC.size;
        const FRAME = FSPEC.size + 24;
        const out = a.newLabel();
        const known = a.newLabel();
        const empty = a.newLabel();
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.cmp(qword(mem(rax, STR.length)), 0);
        a.je(empty); // str(x): a float subclass's own __repr__ (rt_str_float)
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        prologue(a, saved, FRAME);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        a.lea(rsi, mem(rsp, SPEC));
        a.xor(edx, edx);
        a.mov(ecx, 0x3e);
        a.lea(r8, rip(sym('str_fmt_float')));
        a.call(sym('rt_float_parse_spec'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(eax, dword(mem(rsp, SPEC + FSPEC.type)));
        a.test(eax, eax);
        a.je(known);
        isOneOf(a, 'eEfFgGn%', known);
        a.mov(edi, eax);
        a.lea(rsi, mem(rsp, BUF));
        a.call(sym('rt_fmt_quote_char'));
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_fmt_unknown')));
        a.lea(rdx, mem(rsp, BUF));
        a.lea(rcx, rip(sym('str_fmt_float')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(known);
        a.mov(rdi, r12);
        a.lea(rsi, mem(rsp, SPEC));
        a.call(sym('rt_float_format_spec'));
        a.bind(out);
        epilogue(a, saved, FRAME);
        a.bind(empty);
        a.jmp(sym('rt_str_float'));
      },
    },
    {
      name: 'rt_float_format',
      contract: "rdi=double bits (any double: a float value is its bits), rsi=spec str value -> rax=str value or EXC: format(x, spec) as float.__format__ (rt_format_float); for a spec already parsed into an FSPEC record use rt_float_format_spec; may allocate, may raise",
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_format_float'));
      },
    },
  ],
  data: [
    cstr('msg_fmt_comma_underscore', "Cannot specify both ',' and '_'."),
    cstr('msg_fmt_missing_precision', 'Format specifier missing precision'),
    cstr('msg_fmt_too_many_digits', 'Too many decimal digits in format string'),
    cstr('msg_fmt_invalid', "Invalid format specifier '%U' for object of type '%s'"),
    cstr('msg_fmt_thousands', "Cannot specify '%s' with %s."),
    cstr('msg_fmt_unknown', "Unknown format code %s for object of type '%s'"),
    cstr('msg_fmt_precision_big', 'precision too big'),
    cstr('str_fmt_comma', ','),
    cstr('str_fmt_underscore', '_'),
    cstr('str_fmt_float', 'float'),
  ] satisfies RuntimeDatum[],
};
