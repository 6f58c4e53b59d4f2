// Runtime printf-style str formatting: `fmt % args` (the str binop slot's %).
//
// Role: PyUnicode_Format of CPython 3.11 (Objects/unicodeobject.c): the argument walk
// (a tuple gives the arguments, anything else is one argument; a mapping that is not a tuple
// or str enables %(key)s), unicode_format_arg_parse (key, flags - + space # 0, width and
// precision with *, ignored h l L), the conversions s r a c d i u o x X e E f F g G and %,
// and unicode_format_arg_output (sign, 0x prefix, zero or space padding). Messages are
// CPython's.
//
// Numbers: ints that fit i64 (and bools) are written here; larger ints go through the int
// type's format slot (decimal, hex or octal digits); floats through the float runtime's
// rt_float_as_double and rt_dtoa_format (PyOS_double_to_string), both reached weakly.

import {
  type Assembler, type Label, byte, cl, dl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0,
} from '../../src/asm/index.js';
import { STR, TUPLE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type R64, callWeak, kindOf, lenOf, literalCstr, raw } from './strkit.js';
import { floatSubUnbox } from './builtinsub.js';

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

/** Frame of rt_str_percent (after the saved registers). */
const P = {
  sb: 0, args: 8, arglen: 16, argidx: 24, dict: 32, flags: 40, width: 48, prec: 56, ch: 64, sign: 72,
  exhausted: 80, piece: 88, value: 96, pindex: 104, signch: 112, numeric: 120, len: 128, fill: 136, buf: 144, size: 208,
} as const;

const I64_MAX = 0x7fff_ffff_ffff_ffffn;

/** Raise `type` with the C-string message `msg` and jump to `fail`. */
function fail1(a: Assembler<any>, type: string, msg: string, fail: Label): void {
  a.lea(rdi, rip(sym(`type_${type}`)));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
}

/** Next format code point into [P.ch], or set [P.exhausted]. r13 raw fmt, rbp kind, r14 pos, r15 end. */
function next(a: Assembler<any>): void {
  const none = a.newLabel();
  const done = a.newLabel();
  a.cmp(r14, r15);
  a.jae(none);
  loadCodePoint(a, edx, r13, r14, rbp);
  a.mov(qword(mem(rsp, P.ch)), rdx);
  a.inc(r14);
  a.jmp(done);
  a.bind(none);
  a.mov(qword(mem(rsp, P.exhausted)), 1);
  a.bind(done);
}

/** rax = the next argument (unicode_format_getnextarg), or jump to `fail` with TypeError. */
function nextArg(a: Assembler<any>, fail: Label): void {
  const have = a.newLabel();
  const tuple = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, qword(mem(rsp, P.argidx)));
  a.cmp(rax, qword(mem(rsp, P.arglen)));
  a.jl(have);
  fail1(a, 'TypeError', 'msg_pct_not_enough', fail);
  a.bind(have);
  a.inc(qword(mem(rsp, P.argidx)));
  a.cmp(qword(mem(rsp, P.arglen)), 0);
  a.jge(tuple);
  a.mov(rax, qword(mem(rsp, P.args)));
  a.jmp(done);
  a.bind(tuple);
  a.mov(rcx, qword(mem(rsp, P.args)));
  raw(a, rcx, rcx);
  a.mov(rax, qword(sib(rcx, rax, 8, TUPLE.items)));
  a.bind(done);
}

/** Append the str value in rsi to the builder in the frame. */
function appendStr(a: Assembler<any>): void {
  a.mov(rdi, qword(mem(rsp, P.sb)));
  a.call(sym('rt_sb_append_str'));
  a.mov(qword(mem(rsp, P.sb)), rax);
}

/** Append a code point (a constant, or 'fill': the frame's fill) rbx times (rbx consumed). */
function appendFill(a: Assembler<any>, cpv: number | 'fill'): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.bind(loop);
  a.test(rbx, rbx);
  a.jle(done);
  a.mov(rdi, qword(mem(rsp, P.sb)));
  if (typeof cpv === 'number') a.mov(esi, cpv);
  else a.mov(rsi, qword(mem(rsp, P.fill)));
  a.call(sym('rt_sb_append_cp'));
  a.mov(qword(mem(rsp, P.sb)), rax);
  a.dec(rbx);
  a.jmp(loop);
  a.bind(done);
}

/**
 * unicode_format_arg_output for the piece (str value) in [P.piece]: precision cut for s r a,
 * sign and 0x prefix placement, padding.
 */
function output(a: Assembler<any>): void {
  const s = rsi;
  const slowPath = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, qword(mem(rsp, P.piece)));
  raw(a, rax, rax);
  lenOf(a, rbx, rax);
  // fast path: no width/precision effect and no forced sign
  a.mov(rcx, qword(mem(rsp, P.width)));
  a.cmp(rcx, rbx);
  a.jg(slowPath);
  a.mov(rcx, qword(mem(rsp, P.prec)));
  a.test(rcx, rcx);
  const precOk = a.newLabel();
  a.js(precOk);
  a.cmp(rcx, rbx);
  a.jl(slowPath);
  a.bind(precOk);
  a.test(qword(mem(rsp, P.flags)), F_SIGN | F_BLANK);
  a.jne(slowPath);
  a.mov(s, qword(mem(rsp, P.piece)));
  appendStr(a);
  a.jmp(done);
  a.bind(slowPath);
  // s r a: precision cuts
  const noCut = a.newLabel();
  a.mov(rax, qword(mem(rsp, P.ch)));
  for (const c of [0x73, 0x72, 0x61]) {
    const skip = a.newLabel();
    a.cmp(eax, c);
    a.jne(skip);
    a.mov(rcx, qword(mem(rsp, P.prec)));
    a.test(rcx, rcx);
    a.js(noCut);
    a.cmp(rbx, rcx);
    a.cmovg(rbx, rcx);
    a.jmp(noCut);
    a.bind(skip);
  }
  a.bind(noCut);
  // rbx = length left to write; the frame keeps pindex, signchar and fill across calls
  a.mov(qword(mem(rsp, P.pindex)), 0);
  a.mov(qword(mem(rsp, P.signch)), 0);
  const signDone = a.newLabel();
  a.cmp(qword(mem(rsp, P.sign)), 0);
  a.je(signDone);
  a.mov(rax, qword(mem(rsp, P.piece)));
  raw(a, rax, rax);
  a.movzx(edx, byte(mem(rax, STR.data))); // numbers are ASCII
  const explicitSign = a.newLabel();
  a.cmp(edx, 0x2d);
  a.je(explicitSign);
  a.cmp(edx, 0x2b);
  a.je(explicitSign);
  const plus = a.newLabel();
  const blank = a.newLabel();
  a.test(qword(mem(rsp, P.flags)), F_SIGN);
  a.jne(plus);
  a.test(qword(mem(rsp, P.flags)), F_BLANK);
  a.jne(blank);
  a.mov(qword(mem(rsp, P.sign)), 0);
  a.jmp(signDone);
  a.bind(plus);
  a.mov(qword(mem(rsp, P.signch)), 0x2b);
  a.jmp(signDone);
  a.bind(blank);
  a.mov(qword(mem(rsp, P.signch)), 0x20);
  a.jmp(signDone);
  a.bind(explicitSign);
  a.mov(qword(mem(rsp, P.signch)), rdx);
  a.dec(rbx);
  a.inc(qword(mem(rsp, P.pindex)));
  a.bind(signDone);
  // width >= len
  a.cmp(qword(mem(rsp, P.width)), rbx);
  const widthOk = a.newLabel();
  a.jge(widthOk);
  a.mov(qword(mem(rsp, P.width)), rbx);
  a.bind(widthOk);
  // fill: '0' for numbers with the 0 flag (never for s r a c)
  a.mov(qword(mem(rsp, P.fill)), 0x20);
  const fillSet = a.newLabel();
  a.test(qword(mem(rsp, P.flags)), F_ZERO);
  a.je(fillSet);
  a.cmp(qword(mem(rsp, P.numeric)), 0);
  a.je(fillSet);
  a.mov(qword(mem(rsp, P.fill)), 0x30);
  a.bind(fillSet);
  const altPrefix = (then: () => void): void => {
    const skip = a.newLabel();
    a.test(qword(mem(rsp, P.flags)), F_ALT);
    a.je(skip);
    a.mov(rax, qword(mem(rsp, P.ch)));
    const yes = a.newLabel();
    for (const c of [0x78, 0x58, 0x6f]) {
      a.cmp(eax, c);
      a.je(yes);
    }
    a.jmp(skip);
    a.bind(yes);
    then();
    a.bind(skip);
  };
  // sign first when zero-filling
  const writeSign = (): void => {
    a.mov(rsi, qword(mem(rsp, P.signch)));
    a.mov(rdi, qword(mem(rsp, P.sb)));
    a.call(sym('rt_sb_append_cp'));
    a.mov(qword(mem(rsp, P.sb)), rax);
  };
  const writePrefix = (): void => {
    a.mov(rdi, qword(mem(rsp, P.sb)));
    a.mov(esi, 0x30);
    a.call(sym('rt_sb_append_cp'));
    a.mov(rdi, rax);
    a.mov(rsi, qword(mem(rsp, P.ch)));
    a.call(sym('rt_sb_append_cp'));
    a.mov(qword(mem(rsp, P.sb)), rax);
  };
  const spaceFill = a.newLabel();
  {
    const noSign = a.newLabel();
    a.cmp(qword(mem(rsp, P.sign)), 0);
    a.je(noSign);
    a.cmp(qword(mem(rsp, P.fill)), 0x20);
    const keepWidth = a.newLabel();
    a.je(keepWidth);
    writeSign();
    a.bind(keepWidth);
    a.cmp(qword(mem(rsp, P.width)), rbx);
    a.jle(noSign);
    a.dec(qword(mem(rsp, P.width)));
    a.bind(noSign);
  }
  altPrefix(() => {
    const keep = a.newLabel();
    a.cmp(qword(mem(rsp, P.fill)), 0x20);
    a.je(keep);
    writePrefix();
    a.add(qword(mem(rsp, P.pindex)), 2);
    a.bind(keep);
    a.sub(qword(mem(rsp, P.width)), 2);
    const nonNeg = a.newLabel();
    a.jns(nonNeg);
    a.mov(qword(mem(rsp, P.width)), 0);
    a.bind(nonNeg);
    a.sub(rbx, 2);
  });
  // left padding
  const noLeft = a.newLabel();
  a.test(qword(mem(rsp, P.flags)), F_LJUST);
  a.jne(noLeft);
  a.mov(rax, qword(mem(rsp, P.width)));
  a.sub(rax, rbx);
  a.jle(noLeft);
  a.mov(qword(mem(rsp, P.len)), rbx);
  a.mov(rbx, rax);
  appendFill(a, 'fill');
  a.mov(rbx, qword(mem(rsp, P.len)));
  a.mov(qword(mem(rsp, P.width)), rbx);
  a.bind(noLeft);
  // with space fill the sign and prefix come after the padding
  a.cmp(qword(mem(rsp, P.fill)), 0x20);
  a.jne(spaceFill);
  {
    const noSign = a.newLabel();
    a.cmp(qword(mem(rsp, P.sign)), 0);
    a.je(noSign);
    writeSign();
    a.bind(noSign);
    altPrefix(() => {
      writePrefix();
      a.add(qword(mem(rsp, P.pindex)), 2);
    });
  }
  a.bind(spaceFill);
  // the characters
  a.mov(rdi, qword(mem(rsp, P.sb)));
  a.mov(rsi, qword(mem(rsp, P.piece)));
  a.mov(rdx, qword(mem(rsp, P.pindex)));
  a.lea(rcx, sib(rdx, rbx, 1));
  a.call(sym('rt_str_sb_append_range'));
  a.mov(qword(mem(rsp, P.sb)), rax);
  // right padding
  a.mov(rax, qword(mem(rsp, P.width)));
  a.sub(rax, rbx);
  a.mov(rbx, rax);
  appendFill(a, 0x20);
  a.bind(done);
}

/**
 * The i64 in rax as '-' and digits in base 10, 16 or 8 (by the conversion in [P.ch]) into
 * the frame buffer, then _PyUnicode_FormatLong's layout (rt_str_percent_long_layout):
 * leaves the piece in [P.piece]. Clobbers caller-saved.
 */
function formatI64(a: Assembler<any>, fail: Label): void {
  const end = P.buf + 40;
  a.lea(r8, mem(rsp, end)); // write position (exclusive)
  a.mov(r9, rax); // value
  a.mov(rcx, rax);
  a.test(rcx, rcx);
  const pos = a.newLabel();
  a.jns(pos);
  a.neg(rcx); // INT64_MIN stays 2^63 read unsigned
  a.bind(pos);
  a.mov(rax, qword(mem(rsp, P.ch)));
  a.mov(esi, 10);
  const baseSet = a.newLabel();
  const notOct = a.newLabel();
  const hex = a.newLabel();
  a.cmp(eax, 0x6f);
  a.jne(notOct);
  a.mov(esi, 8);
  a.jmp(baseSet);
  a.bind(notOct);
  a.cmp(eax, 0x78);
  a.je(hex);
  a.cmp(eax, 0x58);
  a.jne(baseSet);
  a.bind(hex);
  a.mov(esi, 16);
  a.bind(baseSet);
  const digit = a.newLabel();
  a.mov(rax, rcx);
  a.bind(digit);
  a.xor(edx, edx);
  a.div(rsi);
  a.lea(ecx, mem(rdx, 0x30));
  a.cmp(edx, 10);
  const small = a.newLabel();
  a.jb(small);
  a.lea(ecx, mem(rdx, 0x61 - 10));
  a.bind(small);
  a.dec(r8);
  a.mov(byte(mem(r8)), cl);
  a.test(rax, rax);
  a.jne(digit);
  const positive = a.newLabel();
  a.test(r9, r9);
  a.jns(positive);
  a.dec(r8);
  a.mov(byte(mem(r8)), 0x2d);
  a.bind(positive);
  a.mov(rdi, r8);
  a.lea(rsi, mem(rsp, end));
  a.sub(rsi, r8);
  a.call(sym('rt_str_from_ascii'));
  layout(a, fail);
}

/** Apply rt_str_percent_long_layout to the digits str in rax; result in [P.piece]. */
function layout(a: Assembler<any>, fail: Label): void {
  a.mov(rdi, rax);
  a.lea(rsi, mem(rsp, P.flags));
  a.call(sym('rt_str_percent_long_layout'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(qword(mem(rsp, P.piece)), rax);
}


const percent: RuntimeRoutine = {
  name: 'rt_str_percent',
  contract: 'rdi=format str, rsi=argument(s) -> rax=str value fmt % args or EXC (TypeError/ValueError/OverflowError/KeyError as PyUnicode_Format); may allocate, may raise',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, P.size);
    a.mov(r12, rdi);
    raw(a, r13, rdi);
    kindOf(a, ebp, r13);
    a.xor(r14, r14);
    lenOf(a, r15, r13);
    a.mov(qword(mem(rsp, P.args)), rsi);
    // a tuple: its items; anything else: one argument
    a.mov(qword(mem(rsp, P.arglen)), -1);
    a.mov(qword(mem(rsp, P.argidx)), -2);
    a.mov(qword(mem(rsp, P.dict)), 0);
    a.mov(rdi, rsi);
    a.call(sym('rt_type_of'));
    a.lea(rcx, rip(sym('type_tuple')));
    const notTuple = a.newLabel();
    const argsSet = a.newLabel();
    a.cmp(rax, rcx);
    a.jne(notTuple);
    a.mov(rcx, qword(mem(rsp, P.args)));
    raw(a, rcx, rcx);
    a.mov(rcx, qword(mem(rcx, TUPLE.length)));
    a.mov(qword(mem(rsp, P.arglen)), rcx);
    a.mov(qword(mem(rsp, P.argidx)), 0);
    a.jmp(argsSet);
    a.bind(notTuple);
    // PyMapping_Check and neither tuple nor str: a subscriptable type
    a.cmp(qword(mem(rax, typeSlot('getitem'))), 0);
    a.je(argsSet);
    a.lea(rcx, rip(sym('type_str')));
    a.cmp(rax, rcx);
    a.je(argsSet);
    a.mov(rcx, qword(mem(rsp, P.args)));
    a.mov(qword(mem(rsp, P.dict)), rcx);
    a.bind(argsSet);
    a.mov(rdi, r15);
    a.add(rdi, 16);
    a.call(sym('rt_sb_new'));
    a.mov(qword(mem(rsp, P.sb)), rax);
    const loop = a.newLabel();
    const finished = a.newLabel();
    a.bind(loop);
    a.cmp(r14, r15);
    a.jae(finished);
    // literal run up to '%'
    a.mov(rbx, r14);
    const scan = a.newLabel();
    const scanned = a.newLabel();
    a.bind(scan);
    a.cmp(r14, r15);
    a.jae(scanned);
    loadCodePoint(a, edx, r13, r14, rbp);
    a.cmp(edx, 0x25);
    a.je(scanned);
    a.inc(r14);
    a.jmp(scan);
    a.bind(scanned);
    const noLiteral = a.newLabel();
    a.cmp(r14, rbx);
    a.je(noLiteral);
    a.mov(rdi, qword(mem(rsp, P.sb)));
    a.mov(rsi, r12);
    a.mov(rdx, rbx);
    a.mov(rcx, r14);
    a.call(sym('rt_str_sb_append_range'));
    a.mov(qword(mem(rsp, P.sb)), rax);
    a.bind(noLiteral);
    a.cmp(r14, r15);
    a.jae(finished);
    a.inc(r14); // the '%'
    // "%%"
    const notPercent = a.newLabel();
    a.mov(qword(mem(rsp, P.ch)), 0);
    a.cmp(r14, r15);
    a.jae(notPercent);
    loadCodePoint(a, edx, r13, r14, rbp);
    a.mov(qword(mem(rsp, P.ch)), rdx);
    a.cmp(edx, 0x25);
    a.jne(notPercent);
    a.inc(r14);
    a.mov(rdi, qword(mem(rsp, P.sb)));
    a.mov(esi, 0x25);
    a.call(sym('rt_sb_append_cp'));
    a.mov(qword(mem(rsp, P.sb)), rax);
    a.jmp(loop);
    a.bind(notPercent);
    for (const f of ['flags', 'sign', 'exhausted'] as const) a.mov(qword(mem(rsp, P[f])), 0);
    a.mov(qword(mem(rsp, P.width)), -1);
    a.mov(qword(mem(rsp, P.prec)), -1);
    a.mov(qword(mem(rsp, P.numeric)), 0);
    parseArg(a, fail);
    formatArg(a, fail);
    a.jmp(loop);
    a.bind(finished);
    // every argument used (unless a mapping)
    const allUsed = a.newLabel();
    a.mov(rax, qword(mem(rsp, P.argidx)));
    a.cmp(rax, qword(mem(rsp, P.arglen)));
    a.jge(allUsed);
    a.cmp(qword(mem(rsp, P.dict)), 0);
    a.jne(allUsed);
    fail1(a, 'TypeError', 'msg_pct_not_all', fail);
    a.bind(allUsed);
    a.mov(rdi, qword(mem(rsp, P.sb)));
    a.call(sym('rt_sb_finish'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, P.size);
  },
};

/** unicode_format_arg_parse: key, flags, width, precision, length modifier. */
function parseArg(a: Assembler<any>, fail: Label): void {
  // %(key)
  const noKey = a.newLabel();
  a.cmp(qword(mem(rsp, P.ch)), 0x28);
  a.jne(noKey);
  a.cmp(r14, r15);
  a.jae(noKey);
  const haveDict = a.newLabel();
  a.cmp(qword(mem(rsp, P.dict)), 0);
  a.jne(haveDict);
  fail1(a, 'TypeError', 'msg_pct_mapping', fail);
  a.bind(haveDict);
  a.inc(r14);
  a.mov(rbx, r14); // key start
  a.mov(ecx, 1); // nesting
  const keyScan = a.newLabel();
  const keyDone = a.newLabel();
  a.bind(keyScan);
  a.test(ecx, ecx);
  a.je(keyDone);
  a.cmp(r14, r15);
  a.jae(keyDone);
  loadCodePoint(a, edx, r13, r14, rbp);
  a.inc(r14);
  const notClose = a.newLabel();
  a.cmp(edx, 0x29);
  a.jne(notClose);
  a.dec(ecx);
  a.jmp(keyScan);
  a.bind(notClose);
  a.cmp(edx, 0x28);
  a.jne(keyScan);
  a.inc(ecx);
  a.jmp(keyScan);
  a.bind(keyDone);
  const keyOk = a.newLabel();
  a.test(ecx, ecx);
  a.je(keyOk);
  fail1(a, 'ValueError', 'msg_pct_incomplete_key', fail);
  a.bind(keyOk);
  a.mov(rdi, r12);
  a.mov(rsi, rbx);
  a.lea(rdx, mem(r14, -1));
  a.call(sym('rt_str_substr'));
  // args = dict[key] (the type's getitem slot)
  a.mov(rsi, rax);
  a.mov(rdi, qword(mem(rsp, P.dict)));
  a.push(rsi);
  a.push(rdi);
  a.call(sym('rt_type_of'));
  a.pop(rdi);
  a.pop(rsi);
  a.call(qword(mem(rax, typeSlot('getitem'))));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(qword(mem(rsp, P.args)), rax);
  a.mov(qword(mem(rsp, P.arglen)), -1);
  a.mov(qword(mem(rsp, P.argidx)), -2);
  a.mov(qword(mem(rsp, P.ch)), 0x29);
  a.bind(noKey);
  // flags
  const flags = a.newLabel();
  const flagsDone = a.newLabel();
  a.bind(flags);
  next(a);
  a.cmp(qword(mem(rsp, P.exhausted)), 0);
  a.jne(flagsDone);
  a.mov(rax, qword(mem(rsp, P.ch)));
  for (const [c, f] of [[0x2d, F_LJUST], [0x2b, F_SIGN], [0x20, F_BLANK], [0x23, F_ALT], [0x30, F_ZERO]] as const) {
    const skip = a.newLabel();
    a.cmp(eax, c);
    a.jne(skip);
    a.or(qword(mem(rsp, P.flags)), f);
    a.jmp(flags);
    a.bind(skip);
  }
  a.bind(flagsDone);
  // width
  starOrDigits(a, 'width', fail);
  // precision
  const noPrec = a.newLabel();
  a.cmp(qword(mem(rsp, P.ch)), 0x2e);
  a.jne(noPrec);
  a.mov(qword(mem(rsp, P.prec)), 0);
  next(a);
  starOrDigits(a, 'prec', fail);
  a.bind(noPrec);
  // h l L are ignored
  const noMod = a.newLabel();
  a.cmp(qword(mem(rsp, P.exhausted)), 0);
  a.jne(noMod);
  a.mov(rax, qword(mem(rsp, P.ch)));
  const mod = a.newLabel();
  for (const c of [0x68, 0x6c, 0x4c]) {
    a.cmp(eax, c);
    a.je(mod);
  }
  a.jmp(noMod);
  a.bind(mod);
  next(a);
  a.bind(noMod);
  const complete = a.newLabel();
  a.cmp(qword(mem(rsp, P.exhausted)), 0);
  a.je(complete);
  fail1(a, 'ValueError', 'msg_pct_incomplete', fail);
  a.bind(complete);
}

/** Width or precision: '*' takes an int argument, digits accumulate (with overflow errors). */
function starOrDigits(a: Assembler<any>, what: 'width' | 'prec', fail: Label): void {
  const notStar = a.newLabel();
  const done = a.newLabel();
  a.cmp(qword(mem(rsp, P.ch)), 0x2a);
  a.jne(notStar);
  nextArg(a, fail);
  a.mov(rbx, rax);
  a.mov(rdi, rax);
  a.call(sym('rt_str_index_value'));
  const isInt = a.newLabel();
  a.cmp(edx, 1);
  a.jbe(isInt);
  fail1(a, 'TypeError', 'msg_pct_star', fail);
  a.bind(isInt);
  const fits = a.newLabel();
  a.test(edx, edx);
  a.je(fits);
  fail1(a, 'OverflowError', what === 'width' ? 'msg_pct_ssize' : 'msg_pct_cint', fail);
  a.bind(fits);
  if (what === 'width') {
    const nonNeg = a.newLabel();
    a.test(rax, rax);
    a.jns(nonNeg);
    a.or(qword(mem(rsp, P.flags)), F_LJUST);
    a.neg(rax);
    a.bind(nonNeg);
  } else {
    // _PyLong_AsInt, then negative precision is 0
    a.movsxd(rcx, eax);
    a.cmp(rcx, rax);
    const cint = a.newLabel();
    a.je(cint);
    fail1(a, 'OverflowError', 'msg_pct_cint', fail);
    a.bind(cint);
    a.xor(ecx, ecx);
    a.test(rax, rax);
    a.cmovs(rax, rcx);
  }
  a.mov(qword(mem(rsp, P[what])), rax);
  next(a);
  a.jmp(done);
  a.bind(notStar);
  a.mov(rax, qword(mem(rsp, P.ch)));
  a.sub(eax, 0x30);
  a.cmp(eax, 9);
  a.ja(done);
  a.mov(qword(mem(rsp, P[what])), rax);
  const digits = a.newLabel();
  a.bind(digits);
  next(a);
  a.cmp(qword(mem(rsp, P.exhausted)), 0);
  a.jne(done);
  a.mov(rcx, qword(mem(rsp, P.ch)));
  a.sub(ecx, 0x30);
  a.cmp(ecx, 9);
  a.ja(done);
  // overflow: width past PY_SSIZE_T_MAX, precision past INT_MAX
  a.mov(rax, what === 'width' ? I64_MAX : 0x7fff_ffffn);
  a.sub(rax, rcx);
  a.xor(edx, edx);
  a.mov(r8d, 10);
  a.div(r8);
  a.cmp(qword(mem(rsp, P[what])), rax);
  const ok = a.newLabel();
  a.jle(ok);
  fail1(a, 'ValueError', what === 'width' ? 'msg_pct_width_big' : 'msg_pct_prec_big', fail);
  a.bind(ok);
  a.imul(rax, qword(mem(rsp, P[what])), 10);
  a.add(rax, rcx);
  a.mov(qword(mem(rsp, P[what])), rax);
  a.jmp(digits);
  a.bind(done);
}

/** unicode_format_arg_format + output. */
function formatArg(a: Assembler<any>, fail: Label): void {
  nextArg(a, fail);
  a.mov(qword(mem(rsp, P.value)), rax);
  const done = a.newLabel();
  const ch = (): void => {
    a.mov(rax, qword(mem(rsp, P.ch)));
  };
  const cases: [number[], () => void][] = [
    [[0x73, 0x72, 0x61], () => {
      // s r a
      const notS = a.newLabel();
      const notR = a.newLabel();
      const got = a.newLabel();
      a.mov(rdi, qword(mem(rsp, P.value)));
      ch();
      a.cmp(eax, 0x73);
      a.jne(notS);
      a.call(sym('rt_str'));
      a.jmp(got);
      a.bind(notS);
      a.cmp(eax, 0x72);
      a.jne(notR);
      a.call(sym('rt_repr'));
      a.jmp(got);
      a.bind(notR);
      a.call(sym('rt_repr'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.mov(rdi, rax);
      a.call(sym('rt_str_backslashreplace'));
      a.bind(got);
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.mov(qword(mem(rsp, P.piece)), rax);
    }],
    [[0x63], () => {
      // c: a 1-character str or an int code point
      const notStr = a.newLabel();
      const bad = a.newLabel();
      const have = a.newLabel();
      a.mov(rdi, qword(mem(rsp, P.value)));
      a.call(sym('rt_str_check'));
      a.test(eax, eax);
      a.je(notStr);
      a.mov(rax, qword(mem(rsp, P.value)));
      raw(a, rax, rax);
      a.cmp(qword(mem(rax, STR.length)), 1);
      a.jne(bad);
      kindOf(a, ecx, rax);
      a.xor(edx, edx);
      loadCodePoint(a, edi, rax, rdx, rcx);
      a.jmp(have);
      a.bind(notStr);
      const again = a.newLabel();
      const viaIndex = a.newLabel();
      a.bind(again);
      a.mov(rdi, qword(mem(rsp, P.value)));
      a.call(sym('rt_str_index_value'));
      a.cmp(edx, 2);
      a.je(viaIndex);
      const range = a.newLabel();
      a.cmp(edx, 1);
      a.je(range);
      a.cmp(rax, 0x10ffff);
      a.ja(range);
      a.mov(edi, eax);
      a.jmp(have);
      // an object with __index__ (PyLong_AsLongAndOverflow; builtinsub.ts)
      a.bind(viaIndex);
      a.mov(rdi, qword(mem(rsp, P.value)));
      a.mov(esi, 1);
      a.call(sym('rt_int_protocol'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(bad);
      a.mov(qword(mem(rsp, P.value)), rax);
      a.jmp(again);
      a.bind(range);
      fail1(a, 'OverflowError', 'msg_pct_c_range', fail);
      a.bind(bad);
      fail1(a, 'TypeError', 'msg_pct_c_type', fail);
      a.bind(have);
      a.call(sym('rt_str_char'));
      a.mov(qword(mem(rsp, P.piece)), rax);
    }],
    [[0x64, 0x69, 0x75, 0x6f, 0x78, 0x58], () => formatInt(a, fail)],
    [[0x65, 0x45, 0x66, 0x46, 0x67, 0x47], () => formatFloat(a, fail)],
  ];
  for (const [chars, body] of cases) {
    const skip = a.newLabel();
    const hit = a.newLabel();
    ch();
    for (const c of chars) {
      a.cmp(eax, c);
      a.je(hit);
    }
    a.jmp(skip);
    a.bind(hit);
    body();
    output(a);
    a.jmp(done);
    a.bind(skip);
  }
  // anything else
  ch();
  a.mov(edx, 0x3f); // '?'
  a.cmp(eax, 31);
  const question = a.newLabel();
  a.jb(question);
  a.cmp(eax, 126);
  a.ja(question);
  a.mov(edx, eax);
  a.bind(question);
  a.mov(byte(mem(rsp, P.buf)), dl);
  a.mov(byte(mem(rsp, P.buf + 1)), 0);
  hexText(a, rax, P.buf + 8);
  a.lea(rdx, mem(rsp, P.buf));
  a.lea(rcx, mem(rsp, P.buf + 8));
  a.lea(r8, mem(r14, -1));
  a.lea(rdi, rip(sym('type_ValueError')));
  a.lea(rsi, rip(sym('msg_pct_unsupported')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(done);
}

/** Lowercase hex digits (no leading zeros) of the value in `v` as C text at [rsp + at]. Clobbers rcx rdx rdi. */
function hexText(a: Assembler<any>, v: R64, at: number): void {
  const skip = a.newLabel();
  const emit = a.newLabel();
  const digit = a.newLabel();
  a.mov(ecx, 28);
  a.bind(skip);
  a.test(ecx, ecx);
  a.je(emit);
  a.mov(rdx, v);
  a.shr(rdx, cl);
  a.test(edx, 15);
  a.jne(emit);
  a.sub(ecx, 4);
  a.jmp(skip);
  a.bind(emit);
  a.lea(rdi, mem(rsp, at));
  a.bind(digit);
  a.mov(rdx, v);
  a.shr(rdx, cl);
  a.and(edx, 15);
  a.add(edx, 0x30);
  const dec = a.newLabel();
  a.cmp(edx, 0x3a);
  a.jb(dec);
  a.add(edx, 0x61 - 0x3a);
  a.bind(dec);
  a.mov(byte(mem(rdi)), dl);
  a.inc(rdi);
  a.sub(ecx, 4);
  a.jns(digit);
  a.mov(byte(mem(rdi)), 0);
}

/** d i u o x X: mainformatlong. */
function formatInt(a: Assembler<any>, fail: Label): void {
  const isInt = a.newLabel();
  const wrong = a.newLabel();
  const big = a.newLabel();
  const have = a.newLabel();
  const again = a.newLabel();
  const protocol = a.newLabel();
  a.mov(qword(mem(rsp, P.sign)), 1);
  a.mov(qword(mem(rsp, P.numeric)), 1);
  a.bind(again);
  a.mov(rdi, qword(mem(rsp, P.value)));
  a.call(sym('rt_str_index_value'));
  a.cmp(edx, 1);
  a.jb(isInt);
  a.je(big);
  // a float for d i u: int(value); anything else is the wrong type
  a.mov(rax, qword(mem(rsp, P.ch)));
  for (const c of [0x6f, 0x78, 0x58]) {
    a.cmp(eax, c);
    a.je(protocol);
  }
  a.mov(rdi, qword(mem(rsp, P.value)));
  floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
  a.mov(qword(mem(rsp, P.value)), rdi);
  a.mov(rax, rdi);
  a.mov(rcx, rax);
  a.shr(rcx, 48);
  a.cmp(ecx, 0xfff9);
  a.jae(protocol); // not a double
  a.movq(xmm0, rax);
  a.ucomisd(xmm0, xmm0);
  const notNan = a.newLabel();
  a.jnp(notNan);
  fail1(a, 'ValueError', 'msg_pct_nan', fail);
  a.bind(notNan);
  a.mov(rcx, rax);
  a.shl(rcx, 1);
  a.shr(rcx, 53);
  a.cmp(ecx, 0x7ff);
  const finite = a.newLabel();
  a.jne(finite);
  fail1(a, 'OverflowError', 'msg_pct_inf', fail);
  a.bind(finite);
  a.cmp(ecx, 0x3ff + 62);
  const fitsI64 = a.newLabel();
  a.jbe(fitsI64);
  // beyond i64: the int runtime's conversion, then its digits
  a.mov(rdi, qword(mem(rsp, P.value)));
  callWeak(a, 'rt_int_from_double', fail);
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(qword(mem(rsp, P.value)), rax);
  a.jmp(big);
  a.bind(fitsI64);
  a.cvttsd2si(rax, xmm0);
  a.jmp(isInt);
  // other objects: int(value) for d i u, its __index__ for o x X (mainformatlong; builtinsub.ts)
  a.bind(protocol);
  {
    a.mov(rax, qword(mem(rsp, P.ch)));
    a.xor(esi, esi);
    for (const c of [0x6f, 0x78, 0x58]) {
      const skip = a.newLabel();
      a.cmp(eax, c);
      a.jne(skip);
      a.mov(esi, 1);
      a.bind(skip);
    }
    a.mov(rdi, qword(mem(rsp, P.value)));
    a.call(sym('rt_int_protocol'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.cmp(rax, g('rt_const_unbound'));
    a.je(wrong);
    a.mov(qword(mem(rsp, P.value)), rax);
    a.jmp(again);
  }
  a.bind(wrong);
  a.mov(rdx, qword(mem(rsp, P.ch)));
  a.mov(byte(mem(rsp, P.buf)), dl);
  a.mov(byte(mem(rsp, P.buf + 1)), 0);
  a.lea(rdx, mem(rsp, P.buf));
  a.mov(rcx, qword(mem(rsp, P.value)));
  a.mov(rax, qword(mem(rsp, P.ch)));
  a.lea(rsi, rip(sym('msg_pct_real_required')));
  for (const c of [0x6f, 0x78, 0x58]) {
    const skip = a.newLabel();
    a.cmp(eax, c);
    a.jne(skip);
    a.lea(rsi, rip(sym('msg_pct_int_required')));
    a.bind(skip);
  }
  a.lea(rdi, rip(sym('type_TypeError')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  // an int beyond i64: digits from the int type's format slot ('d', 'x' or 'o')
  a.bind(big);
  bigDigits(a, fail);
  a.jmp(have);
  a.bind(isInt);
  formatI64(a, fail);
  a.bind(have);
}

/** Digits of the big int in [P.value] through rt_str_format_value with spec d/x/o, then the layout. */
function bigDigits(a: Assembler<any>, fail: Label): void {
  const viaFormat = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, qword(mem(rsp, P.ch)));
  for (const c of [0x6f, 0x78, 0x58]) {
    a.cmp(eax, c);
    a.je(viaFormat);
  }
  a.mov(rdi, qword(mem(rsp, P.value)));
  a.call(sym('rt_str')); // decimal digits: the int's str
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  layout(a, fail);
  a.jmp(done);
  a.bind(viaFormat);
  a.mov(rax, qword(mem(rsp, P.ch)));
  const spec = a.newLabel();
  a.mov(edi, 0x64);
  for (const c of [0x6f, 0x78]) {
    const skip = a.newLabel();
    a.cmp(eax, c);
    a.jne(skip);
    a.mov(edi, c);
    a.bind(skip);
  }
  a.cmp(eax, 0x58);
  a.jne(spec);
  a.mov(edi, 0x78);
  a.bind(spec);
  a.call(sym('rt_str_char'));
  a.mov(rsi, rax);
  a.mov(rdi, qword(mem(rsp, P.value)));
  a.call(sym('rt_str_format_value'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  layout(a, fail);
  a.bind(done);
}

/** e E f F g G: formatfloat. */
function formatFloat(a: Assembler<any>, fail: Label): void {
  const isNumber = a.newLabel();
  a.mov(qword(mem(rsp, P.sign)), 1);
  a.mov(qword(mem(rsp, P.numeric)), 1);
  a.mov(rdi, qword(mem(rsp, P.value)));
  callWeak(a, 'rt_float_as_double', fail);
  a.test(eax, eax);
  a.js(fail);
  a.jne(isNumber);
  // __float__, then __index__ (PyFloat_AsDouble; builtinsub.ts)
  {
    const none = a.newLabel();
    a.mov(rdi, qword(mem(rsp, P.value)));
    a.call(sym('rt_float_protocol'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.cmp(rax, g('rt_const_unbound'));
    a.je(none);
    a.movq(xmm0, rax);
    a.jmp(isNumber);
    a.bind(none);
  }
  a.mov(rdx, qword(mem(rsp, P.value)));
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_pct_real_number')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(isNumber);
  a.movq(rdi, xmm0);
  a.mov(rsi, qword(mem(rsp, P.ch)));
  a.mov(rdx, qword(mem(rsp, P.prec)));
  a.mov(ecx, 6);
  a.test(rdx, rdx);
  a.cmovs(rdx, rcx);
  a.xor(ecx, ecx);
  a.test(qword(mem(rsp, P.flags)), F_ALT);
  const noAlt = a.newLabel();
  a.je(noAlt);
  a.mov(ecx, 4); // Py_DTSF_ALT
  a.bind(noAlt);
  callWeak(a, 'rt_dtoa_format', fail);
  a.mov(qword(mem(rsp, P.piece)), rax);
}

const longLayout: RuntimeRoutine = {
  name: 'rt_str_percent_long_layout',
  contract: 'rdi=str of an int\'s digits in base 10/16/8 (with "-"), rsi=address of the percent arg record (flags, width, prec, ch) -> rax=str with the #-prefix, precision zeros and X upper case of _PyUnicode_FormatLong; may allocate',
  emit(a) {
    // Output: sign, prefix, zeros to the precision, digits (upper case for X), via a builder.
    const saved = [rbx, r12, r13, r14] as const;
    prologue(a, saved);
    raw(a, r12, rdi);
    a.mov(r13, rsi); // record: flags at +0, prec at +16, ch at +24 (P offsets relative to flags)
    a.mov(rdi, 16);
    a.call(sym('rt_sb_new'));
    a.mov(r14, rax);
    a.xor(ebx, ebx); // index of the first digit
    const noSign = a.newLabel();
    a.cmp(byte(mem(r12, STR.data)), 0x2d);
    a.jne(noSign);
    a.mov(rdi, r14);
    a.mov(esi, 0x2d);
    a.call(sym('rt_sb_append_cp'));
    a.mov(r14, rax);
    a.inc(ebx);
    a.bind(noSign);
    const ch = P.ch - P.flags;
    const prec = P.prec - P.flags;
    const noPrefix = a.newLabel();
    a.test(qword(mem(r13)), F_ALT);
    a.je(noPrefix);
    a.mov(rax, qword(mem(r13, ch)));
    a.cmp(eax, 0x64);
    a.je(noPrefix);
    a.cmp(eax, 0x69);
    a.je(noPrefix);
    a.cmp(eax, 0x75);
    a.je(noPrefix);
    a.mov(rdi, r14);
    a.mov(esi, 0x30);
    a.call(sym('rt_sb_append_cp'));
    a.mov(rdi, rax);
    a.mov(rsi, qword(mem(r13, ch)));
    a.call(sym('rt_sb_append_cp'));
    a.mov(r14, rax);
    a.bind(noPrefix);
    // zeros: prec - digits
    lenOf(a, rcx, r12);
    a.sub(rcx, rbx);
    a.mov(rax, qword(mem(r13, prec)));
    a.sub(rax, rcx);
    a.mov(rcx, rax);
    const zeros = a.newLabel();
    const zerosDone = a.newLabel();
    a.bind(zeros);
    a.test(rcx, rcx);
    a.jle(zerosDone);
    a.push(rcx);
    a.push(rcx);
    a.mov(rdi, r14);
    a.mov(esi, 0x30);
    a.call(sym('rt_sb_append_cp'));
    a.mov(r14, rax);
    a.pop(rcx);
    a.pop(rcx);
    a.dec(rcx);
    a.jmp(zeros);
    a.bind(zerosDone);
    // digits
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(rbx, qword(mem(r12, STR.length)));
    a.jae(done);
    a.movzx(esi, byte(sib(r12, rbx, 1, STR.data)));
    const keep = a.newLabel();
    a.cmp(qword(mem(r13, ch)), 0x58);
    a.jne(keep);
    a.lea(eax, mem(rsi, -0x61));
    a.cmp(eax, 0x78 - 0x61);
    a.ja(keep);
    a.sub(esi, 0x20);
    a.bind(keep);
    a.mov(rdi, r14);
    a.call(sym('rt_sb_append_cp'));
    a.mov(r14, rax);
    a.inc(rbx);
    a.jmp(loop);
    a.bind(done);
    a.mov(rdi, r14);
    a.call(sym('rt_sb_finish'));
    epilogue(a, saved);
  },
};

export const strPercentModule: RuntimeModule = {
  name: 'strpercent',
  routines: [percent, longLayout],
  data: [
    cstr('msg_pct_not_enough', 'not enough arguments for format string'),
    cstr('msg_pct_not_all', 'not all arguments converted during string formatting'),
    cstr('msg_pct_mapping', 'format requires a mapping'),
    cstr('msg_pct_incomplete_key', 'incomplete format key'),
    cstr('msg_pct_incomplete', 'incomplete format'),
    cstr('msg_pct_star', '* wants int'),
    cstr('msg_pct_ssize', 'Python int too large to convert to C ssize_t'),
    cstr('msg_pct_cint', 'Python int too large to convert to C int'),
    cstr('msg_pct_width_big', 'width too big'),
    cstr('msg_pct_prec_big', 'precision too big'),
    literalCstr('msg_pct_c_range', '%c arg not in range(0x110000)'),
    literalCstr('msg_pct_c_type', '%c requires int or char'),
    cstr('msg_pct_unsupported', "unsupported format character '%s' (0x%s) at index %d"),
    cstr('msg_pct_real_required', '%%%s format: a real number is required, not %T'),
    cstr('msg_pct_int_required', '%%%s format: an integer is required, not %T'),
    cstr('msg_pct_nan', 'cannot convert float NaN to integer'),
    cstr('msg_pct_inf', 'cannot convert float infinity to integer'),
    cstr('msg_pct_real_number', 'must be real number, not %T'),
  ],
};
