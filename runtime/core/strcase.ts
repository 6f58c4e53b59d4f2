// Runtime str case mapping and character-class predicates: lower, upper, casefold,
// capitalize, title, swapcase; isalpha ... isidentifier, islower, isupper, istitle, isascii.
//
// Role: CPython 3.11's full case mapping (Objects/unicodeobject.c do_lower, do_upper,
// do_casefold, do_capitalize, do_title, do_swapcase) over the runtime Unicode tables
// (unicode.ts): SpecialCasing's unconditional mappings ('ß'.upper() == 'SS') and the
// Final_Sigma rule (handle_capital_sigma) in lower, capitalize, title and swapcase, never
// in casefold. ASCII text takes byte loops; anything else is mapped into a private
// code point buffer (at most 3 code points per input) and then made canonical.
// Predicates follow unicodeobject.c: empty text is False except for isprintable and isascii.

import {
  type Assembler, type Label, byte, dl, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r10d, r11, r12, r13, r14, r15, r8, r8b, r9, r9b, r9d, rax, rbp, rbx, rcx, rdi, rdx, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { STR } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { ARG, type ArgSpec, boolResult, specData, strMethod } from './strargs.js';
import { type R64, box, kindOf, lenOf, raw } from './strkit.js';
import { CASE, UC, UC_CAT, UC_CATEGORY_SHIFT } from './unicode.js';

/** Case methods and their rt_str_case modes. */
export const CASE_METHODS = ['lower', 'upper', 'casefold', 'capitalize', 'title', 'swapcase'] as const;
type CaseMethod = (typeof CASE_METHODS)[number];
const MODE: Record<CaseMethod, number> = { lower: 0, upper: 1, casefold: 2, capitalize: 3, title: 4, swapcase: 5 };

const CAPITAL_SIGMA = 0x3a3;
const SMALL_SIGMA = 0x3c3;
const FINAL_SIGMA = 0x3c2;

const finalSigma: RuntimeRoutine = {
  name: 'rt_str_final_sigma',
  contract: 'rdi=raw str, rsi=index of a capital sigma -> eax=1 if Final_Sigma holds there (a cased character before it and none after, case-ignorable ones skipped); clobbers rax rcx rdx rsi r8 r9; no alloc',
  emit(a) {
    const no = a.newLabel();
    const yes = a.newLabel();
    kindOf(a, r9d, rdi);
    a.mov(r8, rsi);
    // backwards
    const back = a.newLabel();
    a.bind(back);
    a.test(r8, r8);
    a.je(no);
    a.dec(r8);
    loadCodePoint(a, edx, rdi, r8, r9);
    info(a);
    a.test(eax, UC.caseIgnorable);
    a.jne(back);
    a.test(eax, UC.cased);
    a.je(no);
    // forwards
    a.mov(r8, rsi);
    const fwd = a.newLabel();
    a.bind(fwd);
    a.inc(r8);
    a.cmp(r8, qword(mem(rdi, STR.length)));
    a.jae(yes);
    loadCodePoint(a, edx, rdi, r8, r9);
    info(a);
    a.test(eax, UC.caseIgnorable);
    a.jne(fwd);
    a.test(eax, UC.cased);
    a.jne(no);
    a.bind(yes);
    a.mov(eax, 1);
    a.ret();
    a.bind(no);
    a.xor(eax, eax);
    a.ret();
  },
};

/** eax = info word of the code point in edx (rt_unicode_info preserves rdx, rdi saved). */
function info(a: Assembler<any>): void {
  a.push(rdi);
  a.mov(edi, edx);
  a.call(sym('rt_unicode_info'));
  a.pop(rdi);
}

/**
 * rt_str_case: r12 = s raw, r13 = length, r14 = index, r15 = buffer raw (kind 4),
 * rbx = output length, rbp = mode, [rsp] = previous character cased (title).
 */
const caseRoutine: RuntimeRoutine = {
  name: 'rt_str_case',
  contract: 'rdi=str value, esi=mode (0 lower, 1 upper, 2 casefold, 3 capitalize, 4 title, 5 swapcase) -> rax=str value; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const generic = a.newLabel();
    const empty = a.newLabel();
    prologue(a, saved, 8);
    raw(a, r12, rdi);
    lenOf(a, r13, r12);
    a.mov(ebp, esi);
    a.test(r13, r13);
    a.je(empty);
    // ASCII fast paths for lower, upper, casefold, swapcase.
    a.cmp(byte(mem(r12, STR.ascii)), 0);
    a.je(generic);
    a.cmp(ebp, MODE.capitalize);
    a.je(generic);
    a.cmp(ebp, MODE.title);
    a.je(generic);
    a.mov(rdi, r13);
    a.mov(esi, 1);
    a.call(sym('rt_str_alloc'));
    a.mov(byte(mem(rax, STR.ascii)), 1);
    a.xor(ecx, ecx);
    // Eight bytes at a time (SWAR): every byte is below 0x80, so adding 0x80 - lo sets a
    // byte's top bit when it is >= lo, without carries between bytes; the letters of one case
    // are the bytes >= lo and not >= hi + 1, and xor 0x20 flips their case.
    const words = a.newLabel();
    const wordsDone = a.newLabel();
    const lanes = (c: number): bigint => BigInt(c) * 0x0101010101010101n;
    /** r10 |= top bits of the bytes of rdx in [lo, hi]. Clobbers rdi rsi r11. */
    const caseMask = (lo: number, hi: number): void => {
      a.mov(r11, lanes(0x80 - lo));
      a.lea(rdi, sib(rdx, r11, 1));
      a.mov(r11, lanes(0x80 - hi - 1));
      a.lea(rsi, sib(rdx, r11, 1));
      a.not(rsi);
      a.and(rdi, rsi);
      a.or(r10, rdi);
    };
    a.bind(words);
    a.lea(rdx, mem(rcx, 8));
    a.cmp(rdx, r13);
    a.ja(wordsDone);
    a.mov(rdx, qword(sib(r12, rcx, 1, STR.data)));
    a.xor(r10d, r10d);
    const skipUpper = a.newLabel();
    const skipLower = a.newLabel();
    a.cmp(ebp, MODE.upper);
    a.je(skipUpper);
    caseMask(0x41, 0x5a); // A-Z: lower, casefold, swapcase
    a.bind(skipUpper);
    a.cmp(ebp, MODE.lower);
    a.je(skipLower);
    a.cmp(ebp, MODE.casefold);
    a.je(skipLower);
    caseMask(0x61, 0x7a); // a-z: upper, swapcase
    a.bind(skipLower);
    a.mov(r11, lanes(0x80));
    a.and(r10, r11);
    a.shr(r10, 2);
    a.xor(rdx, r10);
    a.mov(qword(sib(rax, rcx, 1, STR.data)), rdx);
    a.add(rcx, 8);
    a.jmp(words);
    a.bind(wordsDone);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(rcx, r13);
    a.jae(done);
    a.movzx(edx, byte(sib(r12, rcx, 1, STR.data)));
    // rdi = 1 if upper-case letter, rsi = 1 if lower-case letter
    a.lea(edi, mem(rdx, -0x41));
    a.cmp(edi, 26);
    a.setb(r8b);
    a.lea(esi, mem(rdx, -0x61));
    a.cmp(esi, 26);
    a.setb(r9b);
    const store = a.newLabel();
    const toLower = a.newLabel();
    const toUpper = a.newLabel();
    a.cmp(ebp, MODE.upper);
    a.je(toUpper);
    a.cmp(ebp, MODE.swapcase);
    a.jne(toLower);
    a.test(r9b, r9b);
    a.je(toLower);
    a.bind(toUpper);
    a.test(r9b, r9b);
    a.je(store);
    a.sub(edx, 0x20);
    a.jmp(store);
    a.bind(toLower);
    a.test(r8b, r8b);
    a.je(store);
    a.add(edx, 0x20);
    a.bind(store);
    a.mov(byte(sib(rax, rcx, 1, STR.data)), dl);
    a.inc(rcx);
    a.jmp(loop);
    a.bind(done);
    box(a, rax);
    a.jmp(out);
    // Generic: map into a kind-4 buffer of 3 code points per input.
    a.bind(generic);
    a.lea(rdi, sib(r13, r13, 2));
    a.mov(esi, 4);
    a.call(sym('rt_str_alloc'));
    a.mov(r15, rax);
    a.xor(r14, r14);
    a.xor(ebx, ebx);
    a.mov(qword(mem(rsp)), 0);
    const each = a.newLabel();
    const next = a.newLabel();
    const finished = a.newLabel();
    a.bind(each);
    a.cmp(r14, r13);
    a.jae(finished);
    kindOf(a, ecx, r12);
    loadCodePoint(a, edx, r12, r14, rcx);
    // Which mapping: esi = CASE.* or -1 (keep), per mode.
    const lowerCtx = a.newLabel(); // lower with final sigma
    const map = a.newLabel();
    const keep = a.newLabel();
    // ASCII code points of lower/upper/casefold/swapcase map inline (no table lookup).
    const notAscii = a.newLabel();
    a.cmp(edx, 0x80);
    a.jae(notAscii);
    a.cmp(ebp, MODE.capitalize);
    a.je(notAscii);
    a.cmp(ebp, MODE.title);
    a.je(notAscii);
    {
      const isUpperLetter = a.newLabel();
      a.lea(eax, mem(rdx, -0x41));
      a.cmp(eax, 26);
      a.jb(isUpperLetter);
      a.lea(eax, mem(rdx, -0x61));
      a.cmp(eax, 26);
      a.jae(keep); // not a letter
      // a-z: upper and swapcase raise it
      a.cmp(ebp, MODE.upper);
      const raise = a.newLabel();
      a.je(raise);
      a.cmp(ebp, MODE.swapcase);
      a.jne(keep);
      a.bind(raise);
      a.sub(edx, 0x20);
      a.jmp(keep);
      a.bind(isUpperLetter);
      a.cmp(ebp, MODE.upper);
      a.je(keep);
      a.add(edx, 0x20);
      a.jmp(keep);
    }
    a.bind(notAscii);
    const modes: [number, () => void][] = [
      [MODE.lower, () => a.jmp(lowerCtx)],
      [MODE.upper, () => { a.mov(esi, CASE.upper); a.jmp(map); }],
      [MODE.casefold, () => { a.mov(esi, CASE.fold); a.jmp(map); }],
      [MODE.capitalize, () => {
        a.test(r14, r14);
        a.jne(lowerCtx);
        a.mov(esi, CASE.title);
        a.jmp(map);
      }],
      [MODE.title, () => {
        // previous cased -> lower (sigma rule), else title; then remember cased(c)
        info(a);
        a.and(eax, UC.cased);
        a.xchg(rax, qword(mem(rsp)));
        a.test(eax, eax);
        a.jne(lowerCtx);
        a.mov(esi, CASE.title);
        a.jmp(map);
      }],
      [MODE.swapcase, () => {
        info(a);
        a.test(eax, UC.upper);
        a.jne(lowerCtx);
        a.test(eax, UC.lower);
        a.je(keep);
        a.mov(esi, CASE.upper);
        a.jmp(map);
      }],
    ];
    for (const [m, body] of modes) {
      const skip = a.newLabel();
      a.cmp(ebp, m);
      a.jne(skip);
      body();
      a.bind(skip);
    }
    a.bind(lowerCtx);
    a.mov(esi, CASE.lower);
    a.cmp(edx, CAPITAL_SIGMA);
    a.jne(map);
    a.mov(rdi, r12);
    a.mov(rsi, r14);
    a.call(sym('rt_str_final_sigma'));
    a.mov(edx, SMALL_SIGMA);
    a.mov(ecx, FINAL_SIGMA);
    a.test(eax, eax);
    a.cmovne(edx, ecx);
    a.bind(keep);
    a.mov(dword(sib(r15, rbx, 4, STR.data)), edx);
    a.inc(rbx);
    a.jmp(next);
    a.bind(map);
    a.mov(edi, edx);
    a.lea(rdx, sib(r15, rbx, 4, STR.data));
    a.call(sym('rt_unicode_case'));
    a.add(rbx, rax);
    a.bind(next);
    a.inc(r14);
    a.jmp(each);
    a.bind(finished);
    a.lea(rdi, mem(r15, STR.data));
    a.mov(rsi, rbx);
    a.mov(edx, 4);
    a.call(sym('rt_str_new_from'));
    a.jmp(out);
    a.bind(empty);
    a.mov(rax, g('const_str_empty'));
    a.bind(out);
    epilogue(a, saved, 8);
  },
};

// ---- predicates --------------------------------------------------------------------------

export const PREDICATES = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isprintable', 'islower', 'isupper', 'istitle', 'isidentifier', 'isascii'] as const;
type Predicate = (typeof PREDICATES)[number];

/** Predicates that hold when every code point has one of these flags. */
const ALL_FLAGS: Partial<Record<Predicate, number>> = {
  isalpha: UC.alpha,
  isdecimal: UC.decimal,
  isdigit: UC.digit,
  isnumeric: UC.numeric,
  isalnum: UC.alpha | UC.decimal | UC.digit | UC.numeric,
  isspace: UC.space,
  isprintable: UC.printable,
};

/**
 * Emit a loop over the code points of the str at r12 (length r13) with the info word of
 * each in eax and the code point in edx; `body` jumps to `yes`/`no` or falls through.
 */
function eachInfo(a: Assembler<any>, body: (index: R64) => void, after: Label): void {
  const loop = a.newLabel();
  a.xor(r14, r14);
  a.bind(loop);
  a.cmp(r14, r13);
  a.jae(after);
  kindOf(a, ecx, r12);
  loadCodePoint(a, edx, r12, r14, rcx);
  info(a);
  body(r14);
  a.inc(r14);
  a.jmp(loop);
}

function predicate(p: Predicate): RuntimeRoutine {
  return strMethod({ method: p, kind: 'noargs', min: 0, max: 0 }, `rt_str_meth_${p}`, 'bool', (a) => {
    const yes = a.newLabel();
    const no = a.newLabel();
    const result = a.newLabel();
    a.mov(rax, ARG(0));
    raw(a, r12, rax);
    lenOf(a, r13, r12);
    if (p === 'isascii') {
      // kind 1 and every code point below 0x80 is exactly the ascii flag
      a.movzx(eax, byte(mem(r12, STR.ascii)));
      a.jmp(result);
    } else if (ALL_FLAGS[p] !== undefined) {
      if (p !== 'isprintable') {
        a.test(r13, r13);
        a.je(no);
      }
      eachInfo(a, () => {
        a.test(eax, ALL_FLAGS[p]!);
        a.je(no);
      }, yes);
    } else if (p === 'islower' || p === 'isupper') {
      // some character of the case, none of the other case or titlecase
      const other = p === 'islower' ? UC.upper : UC.lower;
      const mine = p === 'islower' ? UC.lower : UC.upper;
      a.xor(ebx, ebx);
      const end = a.newLabel();
      eachInfo(a, () => {
        a.test(eax, other);
        a.jne(no);
        a.mov(ecx, eax);
        a.shr(ecx, UC_CATEGORY_SHIFT);
        a.and(ecx, 31);
        a.cmp(ecx, UC_CAT.Lt);
        a.je(no);
        a.test(eax, mine);
        const skip = a.newLabel();
        a.je(skip);
        a.mov(ebx, 1);
        a.bind(skip);
      }, end);
      a.bind(end);
      a.mov(eax, ebx);
      a.jmp(result);
    } else if (p === 'istitle') {
      // rbx = saw a cased character, rbp = previous is cased
      a.xor(ebx, ebx);
      a.xor(ebp, ebp);
      const end = a.newLabel();
      eachInfo(a, () => {
        const upperOrTitle = a.newLabel();
        const lowerCase = a.newLabel();
        const nextChar = a.newLabel();
        a.test(eax, UC.upper);
        a.jne(upperOrTitle);
        a.mov(ecx, eax);
        a.shr(ecx, UC_CATEGORY_SHIFT);
        a.and(ecx, 31);
        a.cmp(ecx, UC_CAT.Lt);
        a.je(upperOrTitle);
        a.test(eax, UC.lower);
        a.jne(lowerCase);
        a.xor(ebp, ebp);
        a.jmp(nextChar);
        a.bind(upperOrTitle);
        a.test(ebp, ebp);
        a.jne(no);
        a.mov(ebp, 1);
        a.mov(ebx, 1);
        a.jmp(nextChar);
        a.bind(lowerCase);
        a.test(ebp, ebp);
        a.je(no);
        a.mov(ebx, 1);
        a.bind(nextChar);
      }, end);
      a.bind(end);
      a.mov(eax, ebx);
      a.jmp(result);
    } else {
      // isidentifier: XID_Start or '_', then XID_Continue
      a.test(r13, r13);
      a.je(no);
      eachInfo(a, (index) => {
        const rest = a.newLabel();
        const ok = a.newLabel();
        a.test(index, index);
        a.jne(rest);
        a.cmp(edx, 0x5f);
        a.je(ok);
        a.test(eax, UC.xidStart);
        a.je(no);
        a.jmp(ok);
        a.bind(rest);
        a.test(eax, UC.xidContinue);
        a.je(no);
        a.bind(ok);
      }, yes);
    }
    a.bind(yes);
    a.mov(eax, 1);
    a.jmp(result);
    a.bind(no);
    a.xor(eax, eax);
    a.bind(result);
    boolResult(a);
  });
}

function caseMethod(m: CaseMethod): RuntimeRoutine {
  return strMethod({ method: m, kind: 'noargs', min: 0, max: 0 }, `rt_str_meth_${m}`, 'str', (a) => {
    a.mov(rdi, ARG(0));
    a.mov(esi, MODE[m]);
    a.call(sym('rt_str_case'));
  });
}

const SPECS: ArgSpec[] = [...CASE_METHODS, ...PREDICATES].map((method) => ({ method, kind: 'noargs', min: 0, max: 0 }));

export const strCaseModule: RuntimeModule = {
  name: 'strcase',
  routines: [finalSigma, caseRoutine, ...CASE_METHODS.map(caseMethod), ...PREDICATES.map(predicate)],
  methods: [...CASE_METHODS, ...PREDICATES].map((m) => ({ type: 'str', name: m, entry: `rt_str_meth_${m}` })),
  data: SPECS.flatMap(specData),
};
