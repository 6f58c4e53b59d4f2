// Runtime: ints to and from text: repr/str (decimal), and int(s, base) parsing (docs/int.md).
//
// Decimal output divides the magnitude by 10^19 repeatedly (O(n^2), fine up to the digit
// limit) and writes 19-digit chunks. Parsing follows CPython 3.11's PyLong_FromUnicodeObject:
// the str is first transformed to ASCII (_PyUnicode_TransformDecimalAndSpaceToASCII:
// Unicode decimal digits become '0'-'9', Unicode whitespace becomes ' ', the first other
// non-ASCII character becomes '?'), then PyLong_FromString's rules apply: surrounding
// whitespace, a sign, base 0 with 0x/0o/0b prefixes (and "0" alone or "00" in base 10
// style), the prefix also accepted when the base matches, single underscores between
// digits or after the prefix (PEP 515), bases 2..36. Both directions enforce the
// 4300-digit limit of CPython 3.11 (sys.get_int_max_str_digits()) for non-power-of-two
// bases, with CPython's messages.

import {
  type Assembler, type Label, al, byte, dl, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r15d, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { BIGINT, STR, TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, loadCodePoint, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { MAX_STR_DIGITS, OPND, opnd, raiseCstr, unpack } from './int_common.js';
import { UC } from './unicode.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;
const TEN19 = 10n ** 19n;

/**
 * Limbs beyond which a magnitude surely has more than MAX_STR_DIGITS decimal digits:
 * 225 limbs hold at least 2^14336, which has 4316 digits.
 */
const DECIMAL_LIMIT_LIMBS = 225;

/** For each base 2..36: the most digits whose value always fits a u64, and base^that. */
export const CHUNKS = Array.from({ length: 37 }, (_, b) => {
  if (b < 2) return { digits: 0, power: 0n };
  let k = 0;
  let p = 1n;
  while (p * BigInt(b) < 1n << 64n) {
    p *= BigInt(b);
    k++;
  }
  return { digits: k, power: p };
});

/** Bits per digit rounded up, for sizing results (base 10 -> 4). */
const BITS_PER_DIGIT = Array.from({ length: 37 }, (_, b) => (b < 2 ? 0 : Math.ceil(Math.log2(b))));

/** Digit values of ASCII bytes (CPython's _PyLong_DigitValue): 37 for non-digits. */
function digitTable(): Uint8Array {
  const t = new Uint8Array(256).fill(37);
  for (let c = 0; c < 10; c++) t[0x30 + c] = c;
  for (let c = 0; c < 26; c++) {
    t[0x41 + c] = 10 + c;
    t[0x61 + c] = 10 + c;
  }
  return t;
}

// ---- decimal output ---------------------------------------------------------------------------

// Frame of rt_int_to_decimal.
const D_A = 0;
const D_T = OPND.size; // raw copy of the magnitude
const D_C = D_T + 8; // raw chunk array
const D_LEN = D_T + 24;
const D_STR = D_T + 32;
const D_LOCAL = D_T + 40;

/** Write the u64 in rax as exactly `width` decimal digits ending before rdi (moves rdi down). */
function writeDigitsBackwards(a: Assembler<any>, width: typeof rcx): void {
  const loop = a.newLabel();
  a.mov(r8, 10);
  a.bind(loop);
  a.xor(edx, edx);
  a.div(r8);
  a.add(edx, 0x30);
  a.dec(rdi);
  a.mov(byte(mem(rdi)), dl);
  a.dec(width);
  a.jne(loop);
}

const toDecimal: RuntimeRoutine = {
  name: 'rt_int_to_decimal',
  contract: 'rdi=int value -> rax=str value of its decimal digits (with "-"), or EXC (ValueError when it has more than 4300 digits, as CPython 3.11); may allocate',
  emit(a) {
    const out = a.newLabel();
    const small = a.newLabel();
    const tooMany = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.je(small);
    prologue(a, SAVED, D_LOCAL);
    const notInt = a.newLabel();
    unpack(a, rdi, D_A, notInt);
    a.mov(rbx, opnd(D_A, 'n'));
    a.cmp(rbx, DECIMAL_LIMIT_LIMBS);
    a.jae(tooMany);
    const nonzero = a.newLabel();
    a.test(rbx, rbx);
    a.jne(nonzero);
    a.lea(rdi, rip(sym('int_str_zero')));
    a.mov(esi, 1);
    a.call(sym('rt_str_from_ascii'));
    a.jmp(out);
    a.bind(nonzero);
    // t = copy of |v|; c = chunks of 19 digits, least significant first.
    a.mov(rdi, rbx);
    a.call(sym('rt_int_new'));
    a.mov(qword(mem(rsp, D_T)), rax);
    a.lea(rdi, mem(rax, BIGINT.digits));
    a.mov(rsi, opnd(D_A, 'p'));
    a.mov(rcx, rbx);
    a.rep_movsq();
    a.lea(rdi, sib(rbx, rbx, 1, 2));
    a.call(sym('rt_int_new'));
    a.mov(qword(mem(rsp, D_C)), rax);
    a.xor(r12, r12); // chunks
    a.mov(r13, rbx); // limbs left in t
    const divLoop = a.newLabel();
    const divDone = a.newLabel();
    const trim = a.newLabel();
    a.bind(divLoop);
    a.test(r13, r13);
    a.je(divDone);
    a.mov(rdi, qword(mem(rsp, D_T)));
    a.add(rdi, BIGINT.digits);
    a.mov(rsi, rdi);
    a.mov(rdx, r13);
    a.mov(rcx, TEN19);
    a.call(sym('rt_int_mag_divrem1'));
    a.mov(rcx, qword(mem(rsp, D_C)));
    a.mov(qword(sib(rcx, r12, 8, BIGINT.digits)), rax);
    a.inc(r12);
    a.mov(rcx, qword(mem(rsp, D_T)));
    a.bind(trim);
    a.test(r13, r13);
    a.je(divLoop);
    a.cmp(qword(sib(rcx, r13, 8, BIGINT.digits - 8)), 0);
    a.jne(divLoop);
    a.dec(r13);
    a.jmp(trim);
    a.bind(divDone);
    // Digits: those of the top chunk, then 19 per chunk below it.
    a.mov(rcx, qword(mem(rsp, D_C)));
    a.mov(rax, qword(sib(rcx, r12, 8, BIGINT.digits - 8)));
    a.xor(r14, r14);
    a.mov(r8, 10);
    const count = a.newLabel();
    a.bind(count);
    a.inc(r14);
    a.xor(edx, edx);
    a.div(r8);
    a.test(rax, rax);
    a.jne(count);
    a.lea(rax, mem(r12, -1));
    a.imul(rax, rax, 19);
    a.add(r14, rax); // digits
    a.cmp(r14, MAX_STR_DIGITS);
    a.ja(tooMany);
    a.mov(rdi, r14);
    a.cmp(opnd(D_A, 'sign'), 0);
    const pos = a.newLabel();
    a.jg(pos);
    a.inc(rdi);
    a.bind(pos);
    a.mov(qword(mem(rsp, D_LEN)), rdi);
    a.mov(esi, 1);
    a.call(sym('rt_str_alloc'));
    a.mov(qword(mem(rsp, D_STR)), rax);
    a.mov(byte(mem(rax, STR.ascii)), 1);
    // Fill from the end: the low chunks with 19 digits each, the top one without zeros.
    a.mov(rdi, rax);
    a.add(rdi, STR.data);
    a.add(rdi, qword(mem(rsp, D_LEN)));
    a.xor(r13, r13);
    const chunkLoop = a.newLabel();
    const top = a.newLabel();
    a.bind(chunkLoop);
    a.lea(rax, mem(r13, 1));
    a.cmp(rax, r12);
    a.jae(top);
    a.mov(rcx, qword(mem(rsp, D_C)));
    a.mov(rax, qword(sib(rcx, r13, 8, BIGINT.digits)));
    a.mov(ecx, 19);
    writeDigitsBackwards(a, rcx);
    a.inc(r13);
    a.jmp(chunkLoop);
    a.bind(top);
    a.mov(rcx, qword(mem(rsp, D_C)));
    a.mov(rax, qword(sib(rcx, r13, 8, BIGINT.digits)));
    const topLoop = a.newLabel();
    a.mov(r8, 10);
    a.bind(topLoop);
    a.xor(edx, edx);
    a.div(r8);
    a.add(edx, 0x30);
    a.dec(rdi);
    a.mov(byte(mem(rdi)), dl);
    a.test(rax, rax);
    a.jne(topLoop);
    a.cmp(opnd(D_A, 'sign'), 0);
    const noSign = a.newLabel();
    a.jg(noSign);
    a.dec(rdi);
    a.mov(byte(mem(rdi)), 0x2d);
    a.bind(noSign);
    a.mov(rax, qword(mem(rsp, D_STR)));
    boxPtr(a, rax, rcx);
    a.jmp(out);
    a.bind(tooMany);
    raiseCstr(a, 'ValueError', 'msg_int_str_limit');
    a.jmp(out);
    a.bind(notInt);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.bind(out);
    epilogue(a, SAVED, D_LOCAL);
    // Small ints: rt_fmt_i64 into the stack, then an ASCII str.
    a.bind(small);
    a.sub(rsp, 40);
    a.mov(rsi, rdi);
    a.shl(rsi, 16);
    a.sar(rsi, 16);
    a.mov(rdi, rsp);
    a.call(sym('rt_fmt_i64'));
    a.mov(rdi, rsp);
    a.mov(rsi, rax);
    a.call(sym('rt_str_from_ascii'));
    a.add(rsp, 40);
    a.ret();
  },
};

const reprInt: RuntimeRoutine = {
  name: 'rt_repr_int',
  contract: 'repr slot of int: rdi=int value -> rax=str value (decimal), or EXC (ValueError past 4300 digits); may allocate',
  emit(a) {
    a.jmp(sym('rt_int_to_decimal'));
  },
};

const strInt: RuntimeRoutine = {
  name: 'rt_str_int',
  contract: "str slot of int: rdi=int value -> rax=str value; small and exact ints give their decimal digits, other instances (bool, subclasses) their repr, as CPython's int (no tp_str) does; may allocate, may raise",
  emit(a) {
    const repr = a.newLabel();
    const decimal = a.newLabel();
    a.mov(rax, rdi);
    a.shr(rax, 48);
    a.cmp(eax, TAG_INT);
    a.je(decimal);
    a.mov(rax, rdi);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax)));
    a.lea(rcx, rip(sym('type_int')));
    a.cmp(rax, rcx);
    a.jne(repr);
    a.bind(decimal);
    a.jmp(sym('rt_int_to_decimal'));
    a.bind(repr);
    a.jmp(sym('rt_repr'));
  },
};


// ---- parsing ----------------------------------------------------------------------------------

/** Jump to `yes` when the byte in eax is ASCII whitespace (Py_ISSPACE: \t \n \v \f \r and ' '). Clobbers ecx. */
function ifSpace(a: Assembler<any>, yes: Label): void {
  a.cmp(eax, 0x20);
  a.je(yes);
  a.lea(ecx, mem(rax, -9));
  a.cmp(ecx, 4);
  a.jbe(yes);
}

const fromStr: RuntimeRoutine = {
  name: 'rt_int_from_str',
  contract: 'rdi=str value, rsi=base (0 or 2..36, anything else is a ValueError) -> rax=int value of int(s, base), or EXC (ValueError with CPython 3.11\'s messages); may allocate',
  emit(a) {
    const out = a.newLabel();
    const badBase = a.newLabel();
    const wide = a.newLabel();
    const parse = a.newLabel();
    prologue(a, SAVED, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.test(r13, r13);
    const baseOk = a.newLabel();
    a.je(baseOk);
    a.cmp(r13, 2);
    a.jl(badBase);
    a.cmp(r13, 36);
    a.jg(badBase);
    a.bind(baseOk);
    a.mov(rbx, r12);
    unboxPtr(a, rbx);
    a.cmp(byte(mem(rbx, STR.ascii)), 0);
    a.je(wide);
    a.lea(rdi, mem(rbx, STR.data));
    a.mov(rsi, qword(mem(rbx, STR.length)));
    a.jmp(parse);
    // Non-ASCII: transform to ASCII first (a buffer of one byte per code point).
    a.bind(wide);
    a.mov(rdi, qword(mem(rbx, STR.length)));
    a.add(rdi, 7);
    a.shr(rdi, 3);
    a.call(sym('rt_int_new'));
    a.lea(r14, mem(rax, BIGINT.digits)); // output
    a.xor(r15, r15); // index
    const loop = a.newLabel();
    const done = a.newLabel();
    const store = a.newLabel();
    const notSpace = a.newLabel();
    const bad = a.newLabel();
    a.bind(loop);
    a.cmp(r15, qword(mem(rbx, STR.length)));
    a.jae(done);
    a.movzx(eax, byte(mem(rbx, STR.kind)));
    a.mov(rsi, rax);
    loadCodePoint(a, edi, rbx, r15, rsi);
    a.mov(eax, edi);
    a.cmp(edi, 0x80);
    a.jb(store);
    a.call(sym('rt_unicode_info'));
    a.test(eax, UC.space);
    a.je(notSpace);
    a.mov(eax, 0x20);
    a.jmp(store);
    a.bind(notSpace);
    a.call(sym('rt_unicode_decimal'));
    a.test(eax, eax);
    a.js(bad);
    a.add(eax, 0x30);
    a.bind(store);
    a.mov(byte(sib(r14, r15, 1)), al);
    a.inc(r15);
    a.jmp(loop);
    a.bind(bad);
    a.mov(byte(sib(r14, r15, 1)), 0x3f); // '?': the parse fails there, as CPython's does
    a.inc(r15);
    a.bind(done);
    a.mov(rdi, r14);
    a.mov(rsi, r15);
    a.bind(parse);
    a.mov(rdx, r13);
    a.mov(rcx, r12);
    a.call(sym('rt_int_parse_ascii'));
    a.bind(out);
    epilogue(a, SAVED, 8);
    a.bind(badBase);
    raiseCstr(a, 'ValueError', 'msg_int_bad_base');
    a.jmp(out);
  },
};

// Frame of rt_int_parse_ascii.
const P_ORIG = 0;
const P_BASE = 8; // the base argument (for the message)
const P_SIGN = 16;
const P_ERRNZ = 24; // "0..." in base 0: only zero is valid
const P_START = 32;
const P_LOCAL = 56;

const parseAscii: RuntimeRoutine = {
  name: 'rt_int_parse_ascii',
  contract: 'rdi=bytes, rsi=length, rdx=base (0 or 2..36), rcx=the original str/bytes (for the message) -> rax=int value, or EXC (ValueError "invalid literal for int() with base B: <repr>", or the digit limit); may allocate',
  emit(a) {
    const out = a.newLabel();
    const invalid = a.newLabel();
    prologue(a, SAVED, P_LOCAL);
    a.mov(qword(mem(rsp, P_ORIG)), rcx);
    a.mov(qword(mem(rsp, P_BASE)), rdx);
    a.mov(r12, rdi);
    a.lea(r13, sib(rdi, rsi, 1));
    a.mov(r14, rdx);
    a.mov(qword(mem(rsp, P_SIGN)), 1);
    a.mov(qword(mem(rsp, P_ERRNZ)), 0);
    // Leading whitespace.
    const lead = a.newLabel();
    const leadDone = a.newLabel();
    const leadNext = a.newLabel();
    a.bind(lead);
    a.cmp(r12, r13);
    a.jae(leadDone);
    a.movzx(eax, byte(mem(r12)));
    ifSpace(a, leadNext);
    a.jmp(leadDone);
    a.bind(leadNext);
    a.inc(r12);
    a.jmp(lead);
    a.bind(leadDone);
    // Sign.
    const signDone = a.newLabel();
    a.cmp(r12, r13);
    a.jae(signDone);
    a.movzx(eax, byte(mem(r12)));
    const notPlus = a.newLabel();
    a.cmp(eax, 0x2b);
    a.jne(notPlus);
    a.inc(r12);
    a.jmp(signDone);
    a.bind(notPlus);
    a.cmp(eax, 0x2d);
    a.jne(signDone);
    a.inc(r12);
    a.mov(qword(mem(rsp, P_SIGN)), -1);
    a.bind(signDone);
    // rdx = the character after the cursor's, lowercased ('\0' past the end); eax = the cursor's.
    const peek = (): void => {
      const none0 = a.newLabel();
      const none1 = a.newLabel();
      const got = a.newLabel();
      a.xor(eax, eax);
      a.xor(edx, edx);
      a.cmp(r12, r13);
      a.jae(got);
      a.movzx(eax, byte(mem(r12)));
      a.lea(rcx, mem(r12, 1));
      a.cmp(rcx, r13);
      a.jae(none1);
      a.movzx(edx, byte(mem(r12, 1)));
      a.or(edx, 0x20);
      a.bind(none1);
      a.bind(none0);
      a.bind(got);
    };
    // Base 0: the prefix decides; a leading "0" without one only allows zero.
    const baseKnown = a.newLabel();
    a.test(r14, r14);
    a.jne(baseKnown);
    peek();
    a.mov(r14, 10);
    a.cmp(eax, 0x30);
    a.jne(baseKnown);
    for (const [ch, b] of [[0x78, 16], [0x6f, 8], [0x62, 2]] as const) {
      const next = a.newLabel();
      a.cmp(edx, ch);
      a.jne(next);
      a.mov(r14, b);
      a.jmp(baseKnown);
      a.bind(next);
    }
    a.mov(qword(mem(rsp, P_ERRNZ)), 1);
    a.bind(baseKnown);
    // Skip a prefix that matches the base, then one optional underscore.
    const noPrefix = a.newLabel();
    peek();
    a.cmp(eax, 0x30);
    a.jne(noPrefix);
    for (const [ch, b] of [[0x78, 16], [0x6f, 8], [0x62, 2]] as const) {
      const next = a.newLabel();
      const skip = a.newLabel();
      a.cmp(edx, ch);
      a.jne(next);
      a.cmp(r14, b);
      a.jne(next);
      a.bind(skip);
      a.add(r12, 2);
      a.cmp(r12, r13);
      a.jae(noPrefix);
      a.cmp(byte(mem(r12)), 0x5f);
      a.jne(noPrefix);
      a.inc(r12);
      a.jmp(noPrefix);
      a.bind(next);
    }
    a.bind(noPrefix);
    // No leading underscore.
    a.cmp(r12, r13);
    const scanStart = a.newLabel();
    a.jae(scanStart);
    a.cmp(byte(mem(r12)), 0x5f);
    a.je(invalid);
    a.bind(scanStart);
    // Scan digits and single underscores: r15 = digits, ebx = previous character.
    a.mov(qword(mem(rsp, P_START)), r12);
    a.xor(r15, r15);
    a.xor(ebx, ebx);
    a.lea(r8, rip(sym('int_digit_values')));
    const scan = a.newLabel();
    const scanDone = a.newLabel();
    const underscore = a.newLabel();
    const advance = a.newLabel();
    a.bind(scan);
    a.cmp(r12, r13);
    a.jae(scanDone);
    a.movzx(eax, byte(mem(r12)));
    a.cmp(eax, 0x5f);
    a.je(underscore);
    a.movzx(ecx, byte(sib(r8, rax, 1)));
    a.cmp(rcx, r14);
    a.jae(scanDone);
    a.inc(r15);
    a.jmp(advance);
    a.bind(underscore);
    a.cmp(ebx, 0x5f);
    a.je(invalid);
    a.bind(advance);
    a.mov(ebx, eax);
    a.inc(r12);
    a.jmp(scan);
    a.bind(scanDone);
    a.cmp(ebx, 0x5f);
    a.je(invalid);
    // The digit limit applies to bases that are not powers of two (before other errors).
    const limitOk = a.newLabel();
    a.lea(rax, mem(r14, -1));
    a.test(rax, r14);
    a.je(limitOk);
    a.cmp(r15, MAX_STR_DIGITS);
    a.jbe(limitOk);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_int_parse_limit')));
    a.mov(rdx, r15);
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(limitOk);
    a.test(r15, r15);
    a.je(invalid);
    a.mov(rdi, qword(mem(rsp, P_START)));
    a.mov(rsi, r12);
    a.mov(rdx, r14);
    a.mov(rcx, r15);
    a.call(sym('rt_int_parse_digits'));
    a.mov(rbx, rax);
    // "0..." in base 0 (an old octal literal) is only valid when zero.
    const zeroOk = a.newLabel();
    a.cmp(qword(mem(rsp, P_ERRNZ)), 0);
    a.je(zeroOk);
    a.mov(rcx, 0xfff9n << 48n);
    a.cmp(rbx, rcx);
    a.jne(invalid);
    a.bind(zeroOk);
    // Trailing whitespace, then the end.
    const trail = a.newLabel();
    const trailNext = a.newLabel();
    const trailDone = a.newLabel();
    a.bind(trail);
    a.cmp(r12, r13);
    a.jae(trailDone);
    a.movzx(eax, byte(mem(r12)));
    ifSpace(a, trailNext);
    a.jmp(invalid);
    a.bind(trailNext);
    a.inc(r12);
    a.jmp(trail);
    a.bind(trailDone);
    a.mov(rax, rbx);
    a.cmp(qword(mem(rsp, P_SIGN)), 0);
    a.jg(out);
    a.mov(rdi, rbx);
    a.call(sym('rt_int_neg'));
    a.bind(out);
    epilogue(a, SAVED, P_LOCAL);
    a.bind(invalid);
    a.mov(rdi, qword(mem(rsp, P_ORIG)));
    a.mov(rsi, qword(mem(rsp, P_BASE)));
    a.call(sym('rt_int_raise_invalid_literal'));
    a.jmp(out);
  },
};

// Frame of rt_int_parse_digits.
const G_C = 0; // chunk value
const G_M = 8; // base ^ digits in the chunk
const G_CNT = 16;
const G_USED = 24; // limbs in use
const G_LOCAL = 40;

const parseDigits: RuntimeRoutine = {
  name: 'rt_int_parse_digits',
  contract: 'rdi=start, rsi=end (ASCII digits valid in the base, and underscores), rdx=base 2..36, rcx=digit count -> rax=int value (non-negative); chunks of digits fit a u64 and are folded in with r = r * base^k + chunk; may allocate',
  emit(a) {
    const out = a.newLabel();
    const big = a.newLabel();
    prologue(a, SAVED, G_LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.lea(rax, rip(sym('int_chunk_digits')));
    a.movzx(r15d, byte(sib(rax, r14, 1)));
    a.lea(r8, rip(sym('int_digit_values')));
    a.cmp(rcx, r15);
    a.ja(big);
    // Few digits: one u64.
    const small = a.newLabel();
    const smallSkip = a.newLabel();
    const smallDone = a.newLabel();
    a.xor(eax, eax);
    a.bind(small);
    a.cmp(r12, r13);
    a.jae(smallDone);
    a.movzx(ecx, byte(mem(r12)));
    a.inc(r12);
    a.cmp(ecx, 0x5f);
    a.je(smallSkip);
    a.movzx(ecx, byte(sib(r8, rcx, 1)));
    a.imul(rax, r14);
    a.add(rax, rcx);
    a.bind(smallSkip);
    a.jmp(small);
    a.bind(smallDone);
    a.mov(rdi, rax);
    a.call(sym('rt_int_from_u64'));
    a.jmp(out);
    // Many digits: limbs = digits * ceil(log2 base) / 64 + 2.
    a.bind(big);
    a.lea(rax, rip(sym('int_bits_per_digit')));
    a.movzx(eax, byte(sib(rax, r14, 1)));
    a.imul(rcx, rax);
    a.shr(rcx, 6);
    a.lea(rdi, mem(rcx, 2));
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.mov(qword(mem(rsp, G_USED)), 0);
    const reset = (): void => {
      a.mov(qword(mem(rsp, G_C)), 0);
      a.mov(qword(mem(rsp, G_M)), 1);
      a.mov(qword(mem(rsp, G_CNT)), 0);
    };
    /** r = r * m + c over the limbs in use; a carry becomes a new top limb. */
    const flush = (): void => {
      const noCarry = a.newLabel();
      a.lea(rdi, mem(rbx, BIGINT.digits));
      a.mov(rsi, rdi);
      a.mov(rdx, qword(mem(rsp, G_USED)));
      a.mov(rcx, qword(mem(rsp, G_M)));
      a.mov(r8, qword(mem(rsp, G_C)));
      a.call(sym('rt_int_mag_muladd1'));
      a.test(rax, rax);
      a.je(noCarry);
      a.mov(rcx, qword(mem(rsp, G_USED)));
      a.mov(qword(sib(rbx, rcx, 8, BIGINT.digits)), rax);
      a.inc(qword(mem(rsp, G_USED)));
      a.bind(noCarry);
    };
    reset();
    const loop = a.newLabel();
    const skip = a.newLabel();
    const end = a.newLabel();
    a.bind(loop);
    a.cmp(r12, r13);
    a.jae(end);
    a.movzx(ecx, byte(mem(r12)));
    a.inc(r12);
    a.cmp(ecx, 0x5f);
    a.je(skip);
    a.lea(r8, rip(sym('int_digit_values')));
    a.movzx(ecx, byte(sib(r8, rcx, 1)));
    a.mov(rax, qword(mem(rsp, G_C)));
    a.imul(rax, r14);
    a.add(rax, rcx);
    a.mov(qword(mem(rsp, G_C)), rax);
    a.mov(rax, qword(mem(rsp, G_M)));
    a.imul(rax, r14);
    a.mov(qword(mem(rsp, G_M)), rax);
    a.inc(qword(mem(rsp, G_CNT)));
    a.cmp(qword(mem(rsp, G_CNT)), r15);
    a.jb(skip);
    flush();
    reset();
    a.bind(skip);
    a.jmp(loop);
    a.bind(end);
    const noTail = a.newLabel();
    a.cmp(qword(mem(rsp, G_CNT)), 0);
    a.je(noTail);
    flush();
    a.bind(noTail);
    a.mov(rdi, rbx);
    a.mov(rsi, 1);
    a.call(sym('rt_int_normalize'));
    a.bind(out);
    epilogue(a, SAVED, G_LOCAL);
  },
};

const invalidLiteral: RuntimeRoutine = {
  name: 'rt_int_raise_invalid_literal',
  contract: 'rdi=the str/bytes that failed to parse, rsi=base argument -> rax=EXC (ValueError "invalid literal for int() with base %d: %.200R"); may allocate',
  emit(a) {
    const out = a.newLabel();
    const short = a.newLabel();
    prologue(a, [r12, r13]);
    a.mov(r12, rsi);
    a.call(sym('rt_repr'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    // %.200R: the repr cut to 200 code points.
    a.mov(r13, rax);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, STR.length)), 200);
    a.jbe(short);
    a.mov(rdi, r13);
    a.xor(esi, esi);
    a.mov(edx, 200);
    a.call(sym('rt_str_substr'));
    a.mov(r13, rax);
    a.bind(short);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_int_invalid_literal')));
    a.mov(rdx, r12);
    a.mov(rcx, r13);
    a.call(sym('rt_raise_fmt'));
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

export const intStrModule: RuntimeModule = {
  name: 'int_str',
  routines: [toDecimal, reprInt, strInt, fromStr, parseAscii, parseDigits, invalidLiteral],
  data: [
    cstr('msg_int_str_limit', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`),
    cstr('msg_int_parse_limit', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit`),
    cstr('msg_int_invalid_literal', 'invalid literal for int() with base %d: %U'),
    cstr('msg_int_bad_base', 'int() base must be >= 2 and <= 36, or 0'),
    cstr('int_str_zero', '0'),
    { name: 'int_digit_values', section: 'rodata', align: 8, emit: (a) => a.bytes(digitTable()) },
    { name: 'int_chunk_digits', section: 'rodata', align: 8, emit: (a) => a.bytes(Uint8Array.from(CHUNKS.map((c) => c.digits))) },
    { name: 'int_bits_per_digit', section: 'rodata', align: 8, emit: (a) => a.bytes(Uint8Array.from(BITS_PER_DIGIT)) },
  ],
};
