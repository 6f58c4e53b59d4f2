// Runtime: format(int, spec) (int.__format__, the format slot of int) and power-of-two base
// digits (docs/int.md).
//
// The spec mini-language is parsed by the float area's rt_float_parse_spec (CPython's
// parse_internal_render_format_spec, shared by every number type) and numbers are laid out
// by its rt_fmt_layout (calc_number_widths + fill_number: sign, prefix, grouping with
// zero padding, alignment). This file adds what format_long_internal does for ints: the
// type checks and messages, the digits in base 2, 8, 10 or 16, the 'c' type, and the
// float types (e E f F g G %), which convert the int to a float (OverflowError "int too
// large to convert to float") and go to rt_float_format_spec with the same parsed spec.

import { type Assembler, al, byte, cl, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r15d, r8, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { STR } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { FSPEC, GROUPING, NUMPARTS } from './floatformat.js';
import { OPND, opnd, unpack } from './int_common.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;

/** rt_int_format_pow2 flags. */
export const POW2 = { prefix: 1, sign: 2, upper: 4 } as const;

const pow2Digits: RuntimeRoutine = {
  name: 'rt_int_format_pow2',
  contract: 'rdi=int value, esi=bits per digit (1, 3 or 4), edx=POW2 flags (prefix "0b"/"0o"/"0x", "-" sign, upper case) -> rax=ASCII str of the digits of |v| (and the prefix/sign asked for); may allocate',
  emit(a) {
    // Frame: OPND, then the flags and bits per digit.
    const FLAGS = OPND.size;
    const BPD = OPND.size + 8;
    const out = a.newLabel();
    const notInt = a.newLabel();
    prologue(a, SAVED, OPND.size + 24);
    a.mov(qword(mem(rsp, FLAGS)), rdx);
    a.mov(qword(mem(rsp, BPD)), rsi);
    unpack(a, rdi, 0, notInt);
    // digits = max(1, ceil(bits / bpd))
    a.xor(eax, eax);
    a.mov(rcx, opnd(0, 'n'));
    const haveBits = a.newLabel();
    a.test(rcx, rcx);
    a.je(haveBits);
    a.mov(rdx, opnd(0, 'p'));
    a.bsr(rax, qword(sib(rdx, rcx, 8, -8)));
    a.shl(rcx, 6);
    a.lea(rax, sib(rax, rcx, 1, -63));
    a.bind(haveBits);
    a.add(rax, qword(mem(rsp, BPD)));
    a.dec(rax);
    a.xor(edx, edx);
    a.div(qword(mem(rsp, BPD)));
    a.mov(ecx, 1);
    a.cmp(rax, rcx);
    a.cmovb(rax, rcx);
    a.mov(r12, rax); // digit count
    // length = digits + prefix (2) + sign (1 if negative and asked for)
    a.mov(rdi, rax);
    const noPrefix = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.prefix);
    a.je(noPrefix);
    a.add(rdi, 2);
    a.bind(noPrefix);
    const noSign = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.sign);
    a.je(noSign);
    a.cmp(opnd(0, 'sign'), 0);
    a.jge(noSign);
    a.inc(rdi);
    a.bind(noSign);
    a.mov(r13, rdi);
    a.mov(esi, 1);
    a.call(sym('rt_str_alloc'));
    a.mov(rbx, rax);
    a.mov(byte(mem(rbx, STR.ascii)), 1);
    // Digits from the end: digit i holds bits [i*bpd, i*bpd + bpd).
    a.lea(r14, sib(rbx, r13, 1, STR.data)); // write position (moves down)
    a.xor(r15, r15); // bit offset
    a.lea(r9, rip(sym('int_hex_digits')));
    const upper = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.upper);
    a.je(upper);
    a.lea(r9, rip(sym('int_hex_digits_upper')));
    a.bind(upper);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.test(r12, r12);
    a.je(done);
    a.dec(r12);
    // rax = the 64 bits starting at r15 (zero beyond the magnitude)
    a.mov(rdx, r15);
    a.shr(rdx, 6);
    a.xor(eax, eax);
    a.cmp(rdx, opnd(0, 'n'));
    const load = a.newLabel();
    a.jae(load);
    a.mov(rsi, opnd(0, 'p'));
    a.mov(rax, qword(sib(rsi, rdx, 8)));
    a.mov(ecx, r15d);
    a.and(ecx, 63);
    a.shr(rax, cl);
    a.lea(r8, mem(rdx, 1));
    a.cmp(r8, opnd(0, 'n'));
    a.jae(load);
    a.test(ecx, ecx);
    a.je(load);
    a.mov(r8, qword(sib(rsi, rdx, 8, 8)));
    a.neg(ecx);
    a.shl(r8, cl);
    a.or(rax, r8);
    a.bind(load);
    a.mov(rcx, qword(mem(rsp, BPD)));
    a.mov(edx, 1);
    a.shl(edx, cl);
    a.dec(edx);
    a.and(eax, edx);
    a.movzx(eax, byte(sib(r9, rax, 1)));
    a.dec(r14);
    a.mov(byte(mem(r14)), al);
    a.add(r15, qword(mem(rsp, BPD)));
    a.jmp(loop);
    a.bind(done);
    // prefix and sign in front
    const noPrefix2 = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.prefix);
    a.je(noPrefix2);
    a.mov(rax, qword(mem(rsp, BPD)));
    a.lea(rcx, rip(sym('int_base_letters')));
    a.movzx(eax, byte(sib(rcx, rax, 1)));
    const lower = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.upper);
    a.je(lower);
    a.sub(eax, 0x20);
    a.bind(lower);
    a.dec(r14);
    a.mov(byte(mem(r14)), al);
    a.dec(r14);
    a.mov(byte(mem(r14)), 0x30);
    a.bind(noPrefix2);
    const noSign2 = a.newLabel();
    a.test(qword(mem(rsp, FLAGS)), POW2.sign);
    a.je(noSign2);
    a.cmp(opnd(0, 'sign'), 0);
    a.jge(noSign2);
    a.dec(r14);
    a.mov(byte(mem(r14)), 0x2d);
    a.bind(noSign2);
    a.mov(rax, rbx);
    boxPtr(a, rax, rcx);
    a.bind(out);
    epilogue(a, SAVED, OPND.size + 24);
    a.bind(notInt);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
  },
};

// Frame of rt_format_int.
const F_SPEC = 0; // FSPEC record
const F_NP = FSPEC.size; // NUMPARTS record
const F_NAME = F_NP + NUMPARTS.size; // type name C string
const F_BUF = F_NAME + 8; // 16 bytes: a quoted char for messages
const F_LOCAL = F_BUF + 24;

/** Jump to `yes` when eax is one of the code points of `cps`. */
function isOneOf(a: Assembler<any>, cps: string, yes: ReturnType<Assembler<any>['newLabel']>): void {
  for (const c of cps) {
    a.cmp(eax, c.charCodeAt(0));
    a.je(yes);
  }
}

const formatInt: RuntimeRoutine = {
  name: 'rt_format_int',
  contract: "format slot of int: rdi=int value, rsi=spec str -> rax=str value (int.__format__: '' is str(v); types b c d o x X n, and e E f F g G % through float; CPython's ValueError/OverflowError messages), or EXC; may allocate, may raise",
  emit(a) {
    const out = a.newLabel();
    const empty = a.newLabel();
    const floatPath = a.newLabel();
    const intPath = a.newLabel();
    const charPath = a.newLabel();
    const unknown = a.newLabel();
    const fail = a.newLabel(); // rsi = message C string, rdi = exception type
    a.mov(rax, rsi);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(empty);
    prologue(a, SAVED, F_LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    // the type name for messages: 'bool' for bools, else 'int'
    a.call(sym('rt_int_kind'));
    a.lea(rcx, rip(sym('int_name_int')));
    a.lea(rdx, rip(sym('int_name_bool')));
    a.cmp(eax, 3);
    a.cmove(rcx, rdx);
    a.mov(qword(mem(rsp, F_NAME)), rcx);
    a.mov(rdi, r13);
    a.lea(rsi, mem(rsp, F_SPEC));
    a.mov(edx, 0x64); // default type 'd'
    a.mov(ecx, 0x3e); // default align '>'
    a.mov(r8, qword(mem(rsp, F_NAME)));
    a.call(sym('rt_float_parse_spec'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(eax, dword(mem(rsp, F_SPEC + FSPEC.type)));
    isOneOf(a, 'eEfFgG%', floatPath);
    isOneOf(a, 'bdoxXn', intPath);
    a.cmp(eax, 0x63);
    a.je(charPath);
    a.bind(unknown);
    a.mov(edi, eax);
    a.lea(rsi, mem(rsp, F_BUF));
    a.call(sym('rt_fmt_quote_char'));
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_fmt_unknown')));
    a.lea(rdx, mem(rsp, F_BUF));
    a.mov(rcx, qword(mem(rsp, F_NAME)));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);

    // e E f F g G %: as a float, with the same parsed spec.
    a.bind(floatPath);
    a.mov(rdi, r12);
    a.call(sym('rt_int_to_double'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(rdi, rax);
    a.lea(rsi, mem(rsp, F_SPEC));
    a.call(sym('rt_float_format_spec'));
    a.jmp(out);

    // Checks every integer type shares (format_long_internal).
    const intChecks = (): void => {
      a.cmp(qword(mem(rsp, F_SPEC + FSPEC.precision)), -1);
      a.lea(rsi, rip(sym('msg_int_fmt_precision')));
      a.jne(fail);
      a.cmp(byte(mem(rsp, F_SPEC + FSPEC.noNeg0)), 0);
      a.lea(rsi, rip(sym('msg_int_fmt_z')));
      a.jne(fail);
    };

    a.bind(intPath);
    intChecks();
    // NUMPARTS: digits without sign; the prefix comes with the digits for b/o/x/X.
    a.mov(byte(mem(rsp, F_NP + NUMPARTS.neg)), 0);
    a.mov(byte(mem(rsp, F_NP + NUMPARTS.upper)), 0);
    a.mov(eax, dword(mem(rsp, F_SPEC + FSPEC.grouping)));
    a.mov(byte(mem(rsp, F_NP + NUMPARTS.grouping)), al);
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.prefixLen)), 0);
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.hasDecimal)), 0);
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.remLen)), 0);
    a.mov(rdi, r12);
    a.sub(rsp, OPND.size); // an OPND for the sign
    a.lea(rsi, mem(rsp));
    a.call(sym('rt_int_unpack'));
    a.mov(rax, qword(mem(rsp, OPND.sign)));
    a.add(rsp, OPND.size);
    a.shr(rax, 63);
    a.mov(byte(mem(rsp, F_NP + NUMPARTS.neg)), al);
    a.mov(eax, dword(mem(rsp, F_SPEC + FSPEC.type)));
    const decimal = a.newLabel();
    const laid = a.newLabel();
    a.cmp(eax, 0x64);
    a.je(decimal);
    const notN = a.newLabel();
    a.cmp(eax, 0x6e);
    a.jne(notN);
    // 'n' follows the C locale: no grouping
    a.mov(byte(mem(rsp, F_NP + NUMPARTS.grouping)), GROUPING.none);
    a.jmp(decimal);
    a.bind(notN);
    // b o x X: power-of-two digits, lower case ('X' upper-cases through NUMPARTS.upper)
    a.cmp(eax, 0x58);
    a.sete(byte(mem(rsp, F_NP + NUMPARTS.upper)));
    a.mov(esi, 1);
    a.mov(ecx, 3);
    a.cmp(eax, 0x6f);
    a.cmove(esi, ecx);
    a.mov(ecx, 4);
    a.cmp(eax, 0x78);
    a.cmove(esi, ecx);
    a.cmp(eax, 0x58);
    a.cmove(esi, ecx);
    a.xor(edx, edx);
    a.cmp(byte(mem(rsp, F_SPEC + FSPEC.alternate)), 0);
    const noAlt = a.newLabel();
    a.je(noAlt);
    a.mov(edx, POW2.prefix);
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.prefixLen)), 2);
    a.bind(noAlt);
    a.mov(rdi, r12);
    a.call(sym('rt_int_format_pow2'));
    a.mov(rbx, rax); // keeps the digits alive while laid out
    unboxPtr(a, rax);
    a.lea(rcx, mem(rax, STR.data));
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.text)), rcx);
    a.mov(rcx, qword(mem(rax, STR.length)));
    a.sub(rcx, qword(mem(rsp, F_NP + NUMPARTS.prefixLen)));
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.nDigits)), rcx);
    a.jmp(laid);
    a.bind(decimal);
    a.mov(rdi, r12);
    a.call(sym('rt_int_to_decimal'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(rbx, rax);
    unboxPtr(a, rax);
    a.movzx(ecx, byte(mem(rsp, F_NP + NUMPARTS.neg))); // skip the '-'
    a.lea(rdx, sib(rax, rcx, 1, STR.data));
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.text)), rdx);
    a.mov(rdx, qword(mem(rax, STR.length)));
    a.sub(rdx, rcx);
    a.mov(qword(mem(rsp, F_NP + NUMPARTS.nDigits)), rdx);
    a.bind(laid);
    a.lea(rdi, mem(rsp, F_SPEC));
    a.lea(rsi, mem(rsp, F_NP));
    a.call(sym('rt_fmt_layout'));
    a.jmp(out);

    // 'c': the character with code point v, padded (no sign, prefix or grouping).
    a.bind(charPath);
    intChecks();
    a.cmp(byte(mem(rsp, F_SPEC + FSPEC.sign)), 0);
    a.lea(rsi, rip(sym('msg_int_fmt_c_sign')));
    a.jne(fail);
    a.cmp(byte(mem(rsp, F_SPEC + FSPEC.alternate)), 0);
    a.lea(rsi, rip(sym('msg_int_fmt_c_alt')));
    a.jne(fail);
    a.mov(rdi, r12);
    a.call(sym('rt_int_to_i64'));
    a.test(edx, edx);
    const inLong = a.newLabel();
    a.je(inLong);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_int_too_large_long')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(inLong);
    a.cmp(rax, 0x10ffff);
    const inRange = a.newLabel();
    a.jbe(inRange);
    a.lea(rdi, rip(sym('type_OverflowError')));
    a.lea(rsi, rip(sym('msg_int_fmt_c_range')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(inRange);
    a.mov(r14, rax); // the code point
    // padding = max(0, width - 1): '<' right, '^' split (left gets the smaller half), else left
    a.mov(r15, qword(mem(rsp, F_SPEC + FSPEC.width)));
    a.dec(r15);
    a.xor(ecx, ecx);
    a.test(r15, r15);
    a.cmovs(r15, rcx);
    a.mov(rbx, r15); // left padding
    a.xor(r8, r8); // right padding
    a.movzx(eax, byte(mem(rsp, F_SPEC + FSPEC.align)));
    const notLeft = a.newLabel();
    const padded = a.newLabel();
    a.cmp(eax, 0x3c);
    a.jne(notLeft);
    a.mov(r8, r15);
    a.xor(ebx, ebx);
    a.jmp(padded);
    a.bind(notLeft);
    a.cmp(eax, 0x5e);
    a.jne(padded);
    a.mov(rbx, r15);
    a.shr(rbx, 1);
    a.mov(r8, r15);
    a.sub(r8, rbx);
    a.bind(padded);
    a.mov(r15, r8);
    a.lea(rdi, sib(rbx, r15, 1, 1));
    a.call(sym('rt_sb_new'));
    a.mov(r13, rax);
    const fillLoop = (count: typeof rbx): void => {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.test(count, count);
      a.je(done);
      a.mov(rdi, r13);
      a.mov(esi, dword(mem(rsp, F_SPEC + FSPEC.fill)));
      a.call(sym('rt_sb_append_cp'));
      a.mov(r13, rax);
      a.dec(count);
      a.jmp(loop);
      a.bind(done);
    };
    fillLoop(rbx);
    a.mov(rdi, r13);
    a.mov(esi, r14d);
    a.call(sym('rt_sb_append_cp'));
    a.mov(r13, rax);
    fillLoop(r15);
    a.mov(rdi, r13);
    a.call(sym('rt_sb_finish'));
    a.jmp(out);

    a.bind(fail);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.call(sym('rt_raise_cstr'));
    a.bind(out);
    epilogue(a, SAVED, F_LOCAL);
    a.bind(empty);
    a.jmp(sym('rt_str'));
  },
};

export const intFormatModule: RuntimeModule = {
  name: 'int_format',
  routines: [pow2Digits, formatInt],
  data: [
    cstr('int_hex_digits', '0123456789abcdef'),
    cstr('int_hex_digits_upper', '0123456789ABCDEF'),
    // prefix letter by bits per digit: 1 -> 'b', 3 -> 'o', 4 -> 'x'
    { name: 'int_base_letters', section: 'rodata', align: 1, emit: (a) => a.bytes(Uint8Array.from([0, 0x62, 0, 0x6f, 0x78])) },
    cstr('int_name_int', 'int'),
    cstr('int_name_bool', 'bool'),
    cstr('msg_int_fmt_precision', 'Precision not allowed in integer format specifier'),
    cstr('msg_int_fmt_z', 'Negative zero coercion (z) not allowed in integer format specifier'),
    cstr('msg_int_fmt_c_sign', "Sign not allowed with integer format specifier 'c'"),
    cstr('msg_int_fmt_c_alt', "Alternate form (#) not allowed with integer format specifier 'c'"),
    cstr('msg_int_fmt_c_range', '%%c arg not in range(0x110000)'),
    cstr('msg_int_too_large_long', 'Python int too large to convert to C long'),
  ],
};

