// Runtime str formatting: the format-spec mini-language parser, str's __format__ (the
// `format` slot), and str.format / str.format_map.
//
// Role: rt_str_format_spec parses a spec exactly as CPython's
// parse_internal_render_format_spec (Python/formatter_unicode.c) does, with its error
// messages, into an FSPEC record that the int and float formatters can share. rt_format_str
// is format_string_internal. rt_str_vformat is Objects/stringlib/unicode_format.h's
// build_string: literal text with {{ }} escapes, fields with auto or manual numbering,
// keyword names, .attribute and [index] lookups (through the type slots), !r !s !a
// conversions, and format specs that may themselves contain fields (two levels, "Max
// string recursion exceeded" beyond).
//
// Invariants: results are canonical strs built with the strcore string builder, whose
// value is kept in the frame across every allocation.

import {
  type Assembler, type Label, al, byte, cl, dil, dl, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r10, r12, r13, r14, r15, r8, r8b, r8d, r9, r9d, rax, rbp, rbx, rcx, rdi, rdx, resize, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { STR, TUPLE, TYPE, typeSlot } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ARG, type ArgSpec, requireStrClinic, specData, strMethod } from './strargs.js';
import { type R64, kindOf, lenOf, raw } from './strkit.js';
import { SB } from './strcore.js';

/** Parsed format spec (rt_str_format_spec output). */
export const FSPEC = { fill: 0, type: 4, align: 8, sign: 9, noNeg0: 10, alternate: 11, thousands: 12, width: 16, precision: 24, size: 32 } as const;

const I64_MAX = 0x7fff_ffff_ffff_ffffn;

/** ValueError with a C-string message; jumps to `fail`. */
function valueError(a: Assembler<any>, msg: string, fail: Label): void {
  a.lea(rdi, rip(sym('type_ValueError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
}

/**
 * Read the code point at index `idx` of the str at raw `s` into edx, kind in `kind` (a
 * 64-bit register holding 1, 2 or 4).
 */
function cp(a: Assembler<any>, s: R64, idx: R64, kind: R64): void {
  loadCodePoint(a, edx, s, idx, kind);
}

// ---- spec parsing ---------------------------------------------------------------------------

/**
 * get_integer over [r14 .. r15) of the spec (r12 raw, rbx kind): rax = value, rcx = digits
 * consumed; ValueError "Too many decimal digits in format string" on overflow. Unicode
 * decimal digits count (Py_UNICODE_TODECIMAL).
 */
function getInteger(a: Assembler<any>, fail: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.xor(ebp, ebp); // value
  a.mov(qword(mem(rsp, 0)), 0); // consumed
  a.bind(loop);
  a.cmp(r14, r15);
  a.jae(done);
  cp(a, r12, r14, rbx);
  a.mov(edi, edx);
  a.call(sym('rt_unicode_decimal'));
  a.test(eax, eax);
  a.js(done);
  // value = value * 10 + digit, refusing overflow past PY_SSIZE_T_MAX
  a.mov(rcx, I64_MAX);
  a.sub(rcx, rax);
  a.mov(r8, rax);
  a.mov(rax, rcx);
  a.xor(edx, edx);
  a.mov(ecx, 10);
  a.div(rcx);
  a.cmp(rbp, rax);
  const ok = a.newLabel();
  a.jbe(ok);
  valueError(a, 'msg_strfmt_too_many_digits', fail);
  a.bind(ok);
  a.imul(rbp, rbp, 10);
  a.add(rbp, r8);
  a.inc(r14);
  a.inc(qword(mem(rsp, 0)));
  a.jmp(loop);
  a.bind(done);
  a.mov(rax, rbp);
  a.mov(rcx, qword(mem(rsp, 0)));
}

const ALIGNS = [0x3c, 0x3e, 0x3d, 0x5e]; // < > = ^

const parseSpec: RuntimeRoutine = {
  name: 'rt_str_format_spec',
  contract: 'rdi=value being formatted (named in errors), rsi=spec str value, rdx=out (FSPEC, strformat.ts), ecx=default type, r8d=default align -> rax=0 with the spec parsed, or EXC (ValueError as parse_internal_render_format_spec); may allocate (only to raise)',
  emit(a) {
    // r12 = spec raw, r13 = out, r14 = position, r15 = end, rbx = kind, [rsp+8] = value,
    // [rsp+16] = fill specified, [rsp+24] = align specified
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, 40);
    a.mov(qword(mem(rsp, 8)), rdi);
    a.mov(qword(mem(rsp, 32)), rsi);
    raw(a, r12, rsi);
    a.mov(r13, rdx);
    a.xor(r14, r14);
    lenOf(a, r15, r12);
    kindOf(a, ebx, r12);
    a.mov(dword(mem(r13, FSPEC.fill)), 0x20);
    a.mov(dword(mem(r13, FSPEC.type)), ecx);
    a.mov(byte(mem(r13, FSPEC.align)), r8b);
    for (const f of ['sign', 'noNeg0', 'alternate', 'thousands'] as const) a.mov(byte(mem(r13, FSPEC[f])), 0);
    a.mov(qword(mem(r13, FSPEC.width)), -1);
    a.mov(qword(mem(r13, FSPEC.precision)), -1);
    a.mov(qword(mem(rsp, 16)), 0);
    a.mov(qword(mem(rsp, 24)), 0);
    /** Jump to `yes` when edx is one of the code points. */
    const isOneOf = (cps: number[], yes: Label): void => {
      for (const c of cps) {
        a.cmp(edx, c);
        a.je(yes);
      }
    };
    // [[fill]align]
    const noFill = a.newLabel();
    const alignDone = a.newLabel();
    a.mov(rax, r15);
    a.sub(rax, r14);
    a.cmp(rax, 2);
    a.jl(noFill);
    a.lea(rcx, mem(r14, 1));
    cp(a, r12, rcx, rbx);
    const fillAlign = a.newLabel();
    isOneOf(ALIGNS, fillAlign);
    a.jmp(noFill);
    a.bind(fillAlign);
    a.mov(byte(mem(r13, FSPEC.align)), dl);
    cp(a, r12, r14, rbx);
    a.mov(dword(mem(r13, FSPEC.fill)), edx);
    a.mov(qword(mem(rsp, 16)), 1);
    a.mov(qword(mem(rsp, 24)), 1);
    a.add(r14, 2);
    a.jmp(alignDone);
    a.bind(noFill);
    a.cmp(r14, r15);
    a.jae(alignDone);
    cp(a, r12, r14, rbx);
    const alignOnly = a.newLabel();
    isOneOf(ALIGNS, alignOnly);
    a.jmp(alignDone);
    a.bind(alignOnly);
    a.mov(byte(mem(r13, FSPEC.align)), dl);
    a.mov(qword(mem(rsp, 24)), 1);
    a.inc(r14);
    a.bind(alignDone);
    /** If the next code point is one of `cps`, run `then` (edx = it) and advance. */
    const optional = (cps: number[], then: () => void): void => {
      const skip = a.newLabel();
      const hit = a.newLabel();
      a.cmp(r14, r15);
      a.jae(skip);
      cp(a, r12, r14, rbx);
      isOneOf(cps, hit);
      a.jmp(skip);
      a.bind(hit);
      then();
      a.inc(r14);
      a.bind(skip);
    };
    optional([0x2b, 0x2d, 0x20], () => a.mov(byte(mem(r13, FSPEC.sign)), dl));
    optional([0x7a], () => a.mov(byte(mem(r13, FSPEC.noNeg0)), 1));
    optional([0x23], () => a.mov(byte(mem(r13, FSPEC.alternate)), 1));
    // '0' without an explicit fill: fill '0', and '=' alignment when the default is '>'
    const noZero = a.newLabel();
    a.cmp(qword(mem(rsp, 16)), 0);
    a.jne(noZero);
    optional([0x30], () => {
      a.mov(dword(mem(r13, FSPEC.fill)), 0x30);
      const keep = a.newLabel();
      a.cmp(qword(mem(rsp, 24)), 0);
      a.jne(keep);
      a.cmp(byte(mem(r13, FSPEC.align)), 0x3e);
      a.jne(keep);
      a.mov(byte(mem(r13, FSPEC.align)), 0x3d);
      a.bind(keep);
    });
    a.bind(noZero);
    // width
    getInteger(a, fail);
    const noWidth = a.newLabel();
    a.test(rcx, rcx);
    a.je(noWidth);
    a.mov(qword(mem(r13, FSPEC.width)), rax);
    a.bind(noWidth);
    // grouping: ',' then '_' (both: error), or '_' then ','
    optional([0x2c], () => a.mov(byte(mem(r13, FSPEC.thousands)), 0x2c));
    optional([0x5f], () => {
      const ok = a.newLabel();
      a.cmp(byte(mem(r13, FSPEC.thousands)), 0);
      a.je(ok);
      valueError(a, 'msg_strfmt_comma_underscore', fail);
      a.bind(ok);
      a.mov(byte(mem(r13, FSPEC.thousands)), 0x5f);
    });
    const noComma = a.newLabel();
    a.cmp(r14, r15);
    a.jae(noComma);
    cp(a, r12, r14, rbx);
    a.cmp(edx, 0x2c);
    a.jne(noComma);
    a.cmp(byte(mem(r13, FSPEC.thousands)), 0x5f);
    a.jne(noComma);
    valueError(a, 'msg_strfmt_comma_underscore', fail);
    a.bind(noComma);
    // precision
    const noPrecision = a.newLabel();
    a.cmp(r14, r15);
    a.jae(noPrecision);
    cp(a, r12, r14, rbx);
    a.cmp(edx, 0x2e);
    a.jne(noPrecision);
    a.inc(r14);
    getInteger(a, fail);
    const havePrecision = a.newLabel();
    a.test(rcx, rcx);
    a.jne(havePrecision);
    valueError(a, 'msg_strfmt_missing_precision', fail);
    a.bind(havePrecision);
    a.mov(qword(mem(r13, FSPEC.precision)), rax);
    a.bind(noPrecision);
    // type: at most one code point left
    a.mov(rax, r15);
    a.sub(rax, r14);
    const typeDone = a.newLabel();
    const oneLeft = a.newLabel();
    a.cmp(rax, 1);
    a.je(oneLeft);
    a.jl(typeDone);
    a.mov(rdx, qword(mem(rsp, 32)));
    a.mov(rcx, qword(mem(rsp, 8)));
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_strfmt_invalid_spec')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(oneLeft);
    cp(a, r12, r14, rbx);
    a.mov(dword(mem(r13, FSPEC.type)), edx);
    a.bind(typeDone);
    // grouping only with d e f g E G % F (and none); '_' also with b o x X
    const groupOk = a.newLabel();
    a.cmp(byte(mem(r13, FSPEC.thousands)), 0);
    a.je(groupOk);
    a.mov(edx, dword(mem(r13, FSPEC.type)));
    for (const c of [0x64, 0x65, 0x66, 0x67, 0x45, 0x47, 0x25, 0x46, 0]) {
      a.cmp(edx, c);
      a.je(groupOk);
    }
    const groupBad = a.newLabel();
    a.cmp(byte(mem(r13, FSPEC.thousands)), 0x5f);
    a.jne(groupBad);
    for (const c of [0x62, 0x6f, 0x78, 0x58]) {
      a.cmp(edx, c);
      a.je(groupOk);
    }
    a.bind(groupBad);
    a.movzx(edi, byte(mem(r13, FSPEC.thousands)));
    a.mov(esi, edx);
    a.call(sym('rt_str_fmt_grouping_error'));
    a.jmp(fail);
    a.bind(groupOk);
    a.xor(eax, eax);
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, 40);
  },
};


/**
 * Write the code point in `cpReg` as C text at [buf]: itself when printable ASCII
 * (32 < c < 127), else lowercase hex digits without leading zeros (the messages put "\\x"
 * before them). Clobbers rax rcx rdx.
 */
function charOrHex(a: Assembler<any>, cpReg: R64, buf: R64, hexFormat: Label, done: Label): void {
  const hex = a.newLabel();
  const skip = a.newLabel();
  const emit = a.newLabel();
  a.cmp(cpReg, 32);
  a.jbe(hex);
  a.cmp(cpReg, 127);
  a.jae(hex);
  a.mov(byte(mem(buf)), resize(cpReg, 8));
  a.mov(byte(mem(buf, 1)), 0);
  a.jmp(done);
  a.bind(hex);
  a.mov(ecx, 28);
  a.bind(skip); // skip leading zero nibbles, keep one digit
  a.test(ecx, ecx);
  a.je(emit);
  a.mov(rax, cpReg);
  a.shr(rax, cl);
  a.test(eax, 15);
  a.jne(emit);
  a.sub(ecx, 4);
  a.jmp(skip);
  a.bind(emit);
  a.mov(rdx, buf);
  const digit = a.newLabel();
  a.bind(digit);
  a.mov(rax, cpReg);
  a.shr(rax, cl);
  a.and(eax, 15);
  const isDigit = a.newLabel();
  a.add(eax, 0x30);
  a.cmp(eax, 0x3a);
  a.jb(isDigit);
  a.add(eax, 0x61 - 0x3a);
  a.bind(isDigit);
  a.mov(byte(mem(rdx)), al);
  a.inc(rdx);
  a.sub(ecx, 4);
  a.jns(digit);
  a.mov(byte(mem(rdx)), 0);
  a.jmp(hexFormat);
}

const groupingError: RuntimeRoutine = {
  name: 'rt_str_fmt_grouping_error',
  contract: "edi=',' or '_', esi=presentation type -> rax=EXC with ValueError \"Cannot specify ',' with 'x'.\" (invalid_thousands_separator_type); may allocate",
  emit(a) {
    const printable = a.newLabel();
    const hex = a.newLabel();
    const go = a.newLabel();
    a.push(rbx);
    a.sub(rsp, 32);
    a.mov(byte(mem(rsp)), dil);
    a.mov(byte(mem(rsp, 1)), 0);
    a.mov(ebx, esi);
    a.lea(rdi, mem(rsp, 8));
    charOrHex(a, rbx, rdi, hex, printable);
    a.bind(printable);
    a.lea(rsi, rip(sym('msg_strfmt_grouping')));
    a.jmp(go);
    a.bind(hex);
    a.lea(rsi, rip(sym('msg_strfmt_grouping_hex')));
    a.bind(go);
    a.mov(rdx, rsp);
    a.lea(rcx, mem(rsp, 8));
    a.lea(rdi, rip(sym('type_ValueError')));
    a.call(sym('rt_raise_fmt'));
    a.add(rsp, 32);
    a.pop(rbx);
    a.ret();
  },
};

// ---- str.__format__ ---------------------------------------------------------------------------

const formatStr: RuntimeRoutine = {
  name: 'rt_format_str',
  contract: "rdi=str value, rsi=format spec str -> rax=str value formatted (fill, align, width, precision; type 's' only) or EXC (ValueError as format_string_internal); may allocate",
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const same = a.newLabel();
    const L = FSPEC.size + 16; // spec record, then a text buffer for messages
    prologue(a, saved, L);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    raw(a, rax, rsi);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(same);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(rdx, rsp);
    a.mov(ecx, 0x73); // 's'
    a.mov(r8d, 0x3c); // '<'
    a.call(sym('rt_str_format_spec'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    const checks: [() => void, string][] = [
      [() => a.cmp(byte(mem(rsp, FSPEC.sign)), 0x20), 'msg_strfmt_space'],
      [() => a.cmp(byte(mem(rsp, FSPEC.sign)), 0), 'msg_strfmt_sign'],
      [() => a.cmp(byte(mem(rsp, FSPEC.noNeg0)), 0), 'msg_strfmt_noneg0'],
      [() => a.cmp(byte(mem(rsp, FSPEC.alternate)), 0), 'msg_strfmt_alternate'],
      [() => a.cmp(byte(mem(rsp, FSPEC.align)), 0x3d), 'msg_strfmt_equal_align'],
    ];
    for (const [test, msg] of checks) {
      const ok = a.newLabel();
      test();
      if (msg === 'msg_strfmt_space' || msg === 'msg_strfmt_equal_align') a.jne(ok);
      else a.je(ok);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym(msg)));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(ok);
    }
    const typeOk = a.newLabel();
    a.cmp(dword(mem(rsp, FSPEC.type)), 0x73);
    a.je(typeOk);
    a.mov(edi, dword(mem(rsp, FSPEC.type)));
    a.mov(rsi, r12);
    a.call(sym('rt_str_fmt_unknown_code'));
    a.jmp(out);
    a.bind(typeOk);
    // rbx = len, r14 = width, r15 = precision
    raw(a, rax, r12);
    lenOf(a, rbx, rax);
    a.mov(r14, qword(mem(rsp, FSPEC.width)));
    a.mov(r15, qword(mem(rsp, FSPEC.precision)));
    const slow = a.newLabel();
    a.cmp(r14, rbx);
    a.jg(slow);
    a.test(r15, r15);
    a.js(same);
    a.cmp(r15, rbx);
    a.jge(same);
    a.bind(slow);
    const noCut = a.newLabel();
    a.test(r15, r15);
    a.js(noCut);
    a.cmp(rbx, r15);
    a.cmovg(rbx, r15);
    a.bind(noCut);
    a.mov(rdi, r12);
    a.xor(esi, esi);
    a.mov(rdx, rbx);
    a.call(sym('rt_str_substr'));
    // padding: total = max(width, len)
    a.mov(rcx, r14);
    a.sub(rcx, rbx); // width - len
    const noPad = a.newLabel();
    a.jle(noPad);
    a.xor(esi, esi);
    const right = a.newLabel();
    const center = a.newLabel();
    const padGo = a.newLabel();
    a.movzx(edx, byte(mem(rsp, FSPEC.align)));
    a.cmp(edx, 0x3e);
    a.jne(center);
    a.mov(rsi, rcx);
    a.jmp(padGo);
    a.bind(center);
    a.cmp(edx, 0x5e);
    a.jne(right);
    a.mov(rsi, rcx);
    a.shr(rsi, 1);
    a.bind(right);
    a.bind(padGo);
    a.mov(rdx, rcx);
    a.sub(rdx, rsi);
    a.mov(rdi, rax);
    a.mov(ecx, dword(mem(rsp, FSPEC.fill)));
    a.call(sym('rt_str_pad'));
    a.bind(noPad);
    a.jmp(out);
    a.bind(same);
    a.mov(rax, r12);
    a.bind(out);
    epilogue(a, saved, L);
  },
};

const unknownCode: RuntimeRoutine = {
  name: 'rt_str_fmt_unknown_code',
  contract: "edi=presentation type, rsi=value formatted -> rax=EXC with ValueError \"Unknown format code 'd' for object of type 'str'\" (unknown_presentation_type); may allocate",
  emit(a) {
    const printable = a.newLabel();
    const hex = a.newLabel();
    const go = a.newLabel();
    a.push(rbx);
    a.push(r12);
    a.sub(rsp, 24);
    a.mov(r12, rsi);
    a.mov(ebx, edi);
    a.mov(rdi, rsp);
    charOrHex(a, rbx, rdi, hex, printable);
    a.bind(printable);
    a.lea(rsi, rip(sym('msg_strfmt_unknown_code')));
    a.jmp(go);
    a.bind(hex);
    a.lea(rsi, rip(sym('msg_strfmt_unknown_code_hex')));
    a.bind(go);
    a.mov(rdx, rsp);
    a.mov(rcx, r12);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.call(sym('rt_raise_fmt'));
    a.add(rsp, 24);
    a.pop(r12);
    a.pop(rbx);
    a.ret();
  },
};

const formatValue: RuntimeRoutine = {
  name: 'rt_str_format_value',
  contract: 'rdi=value, rsi=format spec str -> rax=str value format(value, spec) or EXC: the generic rt_format when linked, else the type\'s format slot, else object.__format__ (str(value) for an empty spec, TypeError otherwise); the result must be a str; may allocate, may raise',
  emit(a) {
    const fallback = a.newLabel();
    const noSlot = a.newLabel();
    const out = a.newLabel();
    const check = a.newLabel();
    prologue(a, [r12, r13]);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(rax, g('str_weak_rt_format'));
    a.test(rax, rax);
    a.je(fallback);
    a.call(rax);
    a.jmp(out);
    a.bind(fallback);
    a.call(sym('rt_type_of'));
    a.mov(rax, qword(mem(rax, typeSlot('format'))));
    a.test(rax, rax);
    a.je(noSlot);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.call(rax);
    a.bind(check);
    // PyObject_Format: "__format__ must return a str, not T"
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(r12, rax);
    a.mov(rdi, rax);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.mov(rax, r12);
    a.jne(out);
    a.mov(rdx, r12);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_strfmt_must_return_str')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(noSlot);
    raw(a, rax, r13);
    a.cmp(qword(mem(rax, STR.length)), 0);
    const nonEmpty = a.newLabel();
    a.jne(nonEmpty);
    a.mov(rdi, r12);
    a.call(sym('rt_str'));
    a.jmp(check);
    a.bind(nonEmpty);
    a.mov(rdx, r12);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_strfmt_unsupported')));
    a.call(sym('rt_raise_fmt'));
    a.bind(out);
    epilogue(a, [r12, r13]);
  },
};

// ---- str.format ------------------------------------------------------------------------------

/**
 * Arguments of a format call: positional values, keyword names and values (str.format), or
 * a mapping (str.format_map), and the automatic numbering state (0 unset, 1 auto, 2 manual).
 */
export const CTX = { args: 0, npos: 8, kwnames: 16, kwvals: 24, mapping: 32, auto: 40, next: 48, size: 56 } as const;

const appendRange: RuntimeRoutine = {
  name: 'rt_str_sb_append_range',
  contract: 'rdi=builder value, rsi=str value, rdx=start, rcx=end -> rax=builder value with s[start:end] appended; may allocate',
  emit(a) {
    const saved = [r12, r13, r14, r15] as const;
    prologue(a, saved);
    raw(a, r12, rsi);
    a.mov(r13, rdx);
    a.mov(r14, rcx);
    a.mov(rsi, rcx);
    a.sub(rsi, rdx);
    a.call(sym('rt_sb_reserve'));
    raw(a, r15, rax);
    a.push(rax);
    // r8 = destination index, r9 = widest
    a.mov(r8, qword(mem(r15, SB.length)));
    a.mov(r9, qword(mem(r15, SB.maxChar)));
    kindOf(a, ecx, r12);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(r13, r14);
    a.jae(done);
    loadCodePoint(a, eax, r12, r13, rcx);
    a.mov(dword(sib(r15, r8, 4, SB.data)), eax);
    a.cmp(rax, r9);
    a.cmova(r9, rax);
    a.inc(r8);
    a.inc(r13);
    a.jmp(loop);
    a.bind(done);
    a.mov(qword(mem(r15, SB.length)), r8);
    a.mov(qword(mem(r15, SB.maxChar)), r9);
    a.pop(rax);
    epilogue(a, saved);
  },
};

/** Raise KeyError(key) with the key value in `key`; jump to `fail`. */
function keyError(a: Assembler<any>, key: R64, fail: Label): void {
  a.mov(rdi, key);
  a.call(sym('rt_tuple_pack1'));
  a.lea(rdi, rip(sym('type_KeyError')));
  a.mov(rsi, rax);
  a.call(sym('rt_exc_new'));
  a.mov(rdi, rax);
  a.call(sym('rt_raise'));
  a.jmp(fail);
}

/**
 * get_integer of unicode_format.h over fmt[start:end] (r13 raw... see callers): rax = the
 * value, or -1 when the text is empty or not all decimal digits; ValueError "Too many
 * decimal digits in format string" on overflow (then jumps to `fail`).
 */
const fieldInteger: RuntimeRoutine = {
  name: 'rt_str_format_integer',
  contract: 'rdi=str value, rsi=start, rdx=end -> rax=decimal value of s[start:end] if it is all decimal digits and not empty, else -1; or EXC (ValueError "Too many decimal digits in format string"); may allocate (only to raise)',
  emit(a) {
    const saved = [rbx, r12, r13, r14, r15] as const;
    const none = a.newLabel();
    const out = a.newLabel();
    prologue(a, saved);
    raw(a, r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    kindOf(a, ebx, r12);
    a.xor(r15, r15);
    a.cmp(r13, r14);
    a.jae(none);
    const loop = a.newLabel();
    const done = a.newLabel();
    a.bind(loop);
    a.cmp(r13, r14);
    a.jae(done);
    loadCodePoint(a, edi, r12, r13, rbx);
    a.call(sym('rt_unicode_decimal'));
    a.test(eax, eax);
    a.js(none);
    a.mov(r8, rax);
    a.mov(rax, I64_MAX);
    a.sub(rax, r8);
    a.xor(edx, edx);
    a.mov(ecx, 10);
    a.div(rcx);
    a.cmp(r15, rax);
    const ok = a.newLabel();
    a.jbe(ok);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_strfmt_too_many_digits')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(ok);
    a.imul(r15, r15, 10);
    a.add(r15, r8);
    a.inc(r13);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, r15);
    a.jmp(out);
    a.bind(none);
    a.mov(rax, -1);
    a.bind(out);
    epilogue(a, saved);
  },
};

/** Look the attribute or item `key` (a value) up on `obj` through the type slots. */
function lookupSlot(a: Assembler<any>, which: 'getattr' | 'getitem', obj: R64, key: R64, fail: Label): void {
  const noSlot = a.newLabel();
  const done = a.newLabel();
  a.push(obj);
  a.push(key);
  a.mov(rdi, obj);
  a.call(sym('rt_type_of'));
  a.pop(rsi);
  a.pop(rdi);
  a.mov(rax, qword(mem(rax, typeSlot(which))));
  a.test(rax, rax);
  a.je(noSlot);
  a.push(rdi);
  a.push(rsi);
  a.call(rax);
  a.pop(rsi);
  a.pop(rdi);
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.cmp(rax, g('rt_const_unbound'));
  a.jne(done);
  a.bind(noSlot);
  a.mov(rdx, rdi);
  a.mov(rcx, rsi);
  a.lea(rdi, rip(sym(which === 'getattr' ? 'type_AttributeError' : 'type_TypeError')));
  a.lea(rsi, rip(sym(which === 'getattr' ? 'msg_strfmt_no_attribute' : 'msg_strfmt_not_subscriptable')));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(done);
}

/**
 * get_field_object: the object a field name designates. Frame: r12 = ctx, r13 = fmt value,
 * r14 = position, r15 = end of the field name, rbx = fmt raw, rbp = kind; [rsp] = the
 * object, [rsp+8] = start of the current name part.
 */
const field: RuntimeRoutine = {
  name: 'rt_str_format_field',
  contract: 'rdi=format context (CTX), rsi=format str, rdx=start, rcx=end of a field name -> rax=the object it names (argument, keyword, .attribute, [index] chain) or EXC (KeyError, IndexError, ValueError, AttributeError as str.format); may allocate, may raise',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, 24);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    raw(a, rbx, rsi);
    kindOf(a, ebp, rbx);
    a.mov(r14, rdx);
    a.mov(r15, rcx);
    a.mov(qword(mem(rsp, 8)), rdx);
    // first part: up to '.' or '['
    const scan = a.newLabel();
    const scanned = a.newLabel();
    a.bind(scan);
    a.cmp(r14, r15);
    a.jae(scanned);
    cp(a, rbx, r14, rbp);
    a.cmp(edx, 0x2e);
    a.je(scanned);
    a.cmp(edx, 0x5b);
    a.je(scanned);
    a.inc(r14);
    a.jmp(scan);
    a.bind(scanned);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, 8)));
    a.mov(rdx, r14);
    a.call(sym('rt_str_format_integer'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp, 16)), rax); // index or -1
    // numbering state: empty name -> auto, digits -> manual
    const named = a.newLabel();
    const numbered = a.newLabel();
    const isEmpty = a.newLabel();
    a.cmp(r14, qword(mem(rsp, 8)));
    a.je(isEmpty);
    a.cmp(rax, -1);
    a.je(named);
    // manual
    a.cmp(qword(mem(r12, CTX.auto)), 1);
    const manualOk = a.newLabel();
    a.jne(manualOk);
    valueError(a, 'msg_strfmt_auto_to_manual', fail);
    a.bind(manualOk);
    a.mov(qword(mem(r12, CTX.auto)), 2);
    a.jmp(numbered);
    a.bind(isEmpty);
    a.cmp(qword(mem(r12, CTX.auto)), 2);
    const autoOk = a.newLabel();
    a.jne(autoOk);
    valueError(a, 'msg_strfmt_manual_to_auto', fail);
    a.bind(autoOk);
    a.mov(qword(mem(r12, CTX.auto)), 1);
    a.mov(rax, qword(mem(r12, CTX.next)));
    a.inc(qword(mem(r12, CTX.next)));
    a.mov(qword(mem(rsp, 16)), rax);
    a.bind(numbered);
    // positional: not with format_map
    a.cmp(qword(mem(r12, CTX.mapping)), 0);
    const hasArgs = a.newLabel();
    a.je(hasArgs);
    valueError(a, 'msg_strfmt_positional_fields', fail);
    a.bind(hasArgs);
    a.mov(rax, qword(mem(rsp, 16)));
    a.cmp(rax, qword(mem(r12, CTX.npos)));
    const inRange = a.newLabel();
    a.jb(inRange);
    a.mov(rdx, rax);
    a.lea(rdi, rip(sym('type_IndexError')));
    a.lea(rsi, rip(sym('msg_strfmt_index_range')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(inRange);
    a.mov(rcx, qword(mem(r12, CTX.args)));
    a.mov(rax, qword(sib(rcx, rax, 8)));
    a.mov(qword(mem(rsp)), rax);
    const rest = a.newLabel();
    a.jmp(rest);
    // keyword
    a.bind(named);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, 8)));
    a.mov(rdx, r14);
    a.call(sym('rt_str_substr'));
    a.mov(qword(mem(rsp, 16)), rax); // the key
    const viaMapping = a.newLabel();
    a.cmp(qword(mem(r12, CTX.mapping)), 0);
    a.jne(viaMapping);
    // search kwnames
    a.xor(ecx, ecx);
    const kwLoop = a.newLabel();
    const kwMissing = a.newLabel();
    a.mov(rax, qword(mem(r12, CTX.kwnames)));
    a.test(rax, rax);
    a.je(kwMissing);
    a.bind(kwLoop);
    a.mov(rax, qword(mem(r12, CTX.kwnames)));
    raw(a, rax, rax);
    a.cmp(rcx, qword(mem(rax, TUPLE.length)));
    a.jae(kwMissing);
    a.push(rcx);
    a.push(rcx);
    a.mov(rdi, qword(sib(rax, rcx, 8, TUPLE.items)));
    a.mov(rsi, qword(mem(rsp, 16 + 16)));
    a.call(sym('rt_str_eq'));
    a.pop(rcx);
    a.pop(rcx);
    a.test(eax, eax);
    const kwFound = a.newLabel();
    a.jne(kwFound);
    a.inc(rcx);
    a.jmp(kwLoop);
    a.bind(kwFound);
    a.mov(rax, qword(mem(r12, CTX.kwvals)));
    a.mov(rax, qword(sib(rax, rcx, 8)));
    a.mov(qword(mem(rsp)), rax);
    a.jmp(rest);
    a.bind(kwMissing);
    a.mov(rax, qword(mem(rsp, 16)));
    keyError(a, rax, fail);
    a.bind(viaMapping);
    a.mov(rdi, qword(mem(r12, CTX.mapping)));
    a.mov(rsi, qword(mem(rsp, 16)));
    lookupSlot(a, 'getitem', rdi, rsi, fail);
    a.mov(qword(mem(rsp)), rax);
    // .attr and [key] parts
    a.bind(rest);
    const part = a.newLabel();
    const done = a.newLabel();
    const attr = a.newLabel();
    a.bind(part);
    a.cmp(r14, r15);
    a.jae(done);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.mov(qword(mem(rsp, 8)), r14);
    a.cmp(edx, 0x2e);
    a.je(attr);
    a.cmp(edx, 0x5b);
    const item = a.newLabel();
    a.je(item);
    valueError(a, 'msg_strfmt_only_dot_bracket', fail);
    // [key]: up to ']'
    a.bind(item);
    const itemScan = a.newLabel();
    const itemEnd = a.newLabel();
    a.bind(itemScan);
    a.cmp(r14, r15);
    const missing = a.newLabel();
    a.jae(missing);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.cmp(edx, 0x5d);
    a.je(itemEnd);
    a.jmp(itemScan);
    a.bind(missing);
    valueError(a, 'msg_strfmt_missing_bracket', fail);
    a.bind(itemEnd);
    a.lea(rax, mem(r14, -1));
    a.cmp(rax, qword(mem(rsp, 8)));
    const itemNonEmpty = a.newLabel();
    a.jne(itemNonEmpty);
    valueError(a, 'msg_strfmt_empty_attribute', fail);
    a.bind(itemNonEmpty);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, 8)));
    a.lea(rdx, mem(r14, -1));
    a.call(sym('rt_str_format_integer'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    const strKey = a.newLabel();
    const haveKey = a.newLabel();
    a.cmp(rax, -1);
    a.je(strKey);
    a.mov(rcx, 0xfff9n << 48n);
    a.or(rax, rcx); // indexes fit int48: at most 2^47 code points
    a.jmp(haveKey);
    a.bind(strKey);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, 8)));
    a.lea(rdx, mem(r14, -1));
    a.call(sym('rt_str_substr'));
    a.bind(haveKey);
    a.mov(rsi, rax);
    a.mov(rdi, qword(mem(rsp)));
    lookupSlot(a, 'getitem', rdi, rsi, fail);
    a.mov(qword(mem(rsp)), rax);
    a.jmp(part);
    // .name: up to '.' or '['
    a.bind(attr);
    const attrScan = a.newLabel();
    const attrEnd = a.newLabel();
    a.bind(attrScan);
    a.cmp(r14, r15);
    a.jae(attrEnd);
    cp(a, rbx, r14, rbp);
    a.cmp(edx, 0x2e);
    a.je(attrEnd);
    a.cmp(edx, 0x5b);
    a.je(attrEnd);
    a.inc(r14);
    a.jmp(attrScan);
    a.bind(attrEnd);
    a.cmp(r14, qword(mem(rsp, 8)));
    const attrNonEmpty = a.newLabel();
    a.jne(attrNonEmpty);
    valueError(a, 'msg_strfmt_empty_attribute', fail);
    a.bind(attrNonEmpty);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, 8)));
    a.mov(rdx, r14);
    a.call(sym('rt_str_substr'));
    a.mov(rsi, rax);
    a.mov(rdi, qword(mem(rsp)));
    // getattr(obj, name): the type's slot, then the generic lookup (instances of classes).
    a.call(sym('rt_getattr'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp)), rax);
    a.jmp(part);
    a.bind(done);
    a.mov(rax, qword(mem(rsp)));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, 24);
  },
};

/** Frame of rt_str_vformat after the saved registers. */
const V = { sb: 0, fnStart: 8, fnEnd: 16, conv: 24, specStart: 32, specEnd: 40, expand: 48, obj: 56, depth: 64, litStart: 72, size: 80 } as const;

const vformat: RuntimeRoutine = {
  name: 'rt_str_vformat',
  contract: 'rdi=format context (CTX), rsi=format str, rdx=start, rcx=end, r8d=recursion depth (2 at the top) -> rax=str value of the formatted text or EXC (build_string); may allocate, may raise',
  emit(a) {
    // r12 = ctx, r13 = fmt value, r14 = position, r15 = end, rbx = fmt raw, rbp = kind
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    const singleEnd = a.newLabel();
    prologue(a, saved, V.size);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.mov(r15, rcx);
    raw(a, rbx, rsi);
    kindOf(a, ebp, rbx);
    a.mov(qword(mem(rsp, V.depth)), r8);
    a.test(r8d, r8d);
    const depthOk = a.newLabel();
    a.jg(depthOk);
    valueError(a, 'msg_strfmt_max_recursion', fail);
    a.bind(depthOk);
    a.mov(rdi, r15);
    a.sub(rdi, r14);
    a.call(sym('rt_sb_new'));
    a.mov(qword(mem(rsp, V.sb)), rax);
    const next = a.newLabel();
    const finish = a.newLabel();
    a.bind(next);
    a.cmp(r14, r15);
    a.jae(finish);
    // literal text up to a brace
    a.mov(qword(mem(rsp, V.litStart)), r14);
    a.xor(r8d, r8d); // the last code point read (r9: markup follows)
    a.xor(r9d, r9d);
    const lit = a.newLabel();
    const litEnd = a.newLabel();
    a.bind(lit);
    a.cmp(r14, r15);
    a.jae(litEnd);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.mov(r8d, edx);
    a.cmp(edx, 0x7b);
    const brace = a.newLabel();
    a.je(brace);
    a.cmp(edx, 0x7d);
    a.je(brace);
    a.jmp(lit);
    a.bind(brace);
    a.mov(r9d, 1);
    a.bind(litEnd);
    // r10 = literal end
    a.mov(r10, r14);
    const closeOk = a.newLabel();
    a.cmp(r8d, 0x7d);
    a.jne(closeOk);
    a.cmp(r14, r15);
    const singleClose = a.newLabel();
    a.jae(singleClose);
    cp(a, rbx, r14, rbp);
    a.cmp(edx, 0x7d);
    a.je(closeOk);
    a.bind(singleClose);
    valueError(a, 'msg_strfmt_single_close', fail);
    a.bind(closeOk);
    const notAtEnd = a.newLabel();
    const litDone = a.newLabel();
    a.cmp(r14, r15);
    a.jb(notAtEnd);
    a.cmp(r8d, 0x7b);
    a.jne(litDone);
    a.test(r9d, r9d);
    a.je(litDone);
    valueError(a, 'msg_strfmt_single_open', fail);
    a.bind(notAtEnd);
    a.test(r9d, r9d);
    a.je(litDone);
    cp(a, rbx, r14, rbp);
    const notEscaped = a.newLabel();
    a.cmp(edx, r8d);
    a.jne(notEscaped);
    a.inc(r14); // {{ or }}: one brace of literal text, no field
    a.xor(r9d, r9d);
    a.jmp(litDone);
    a.bind(notEscaped);
    a.dec(r10); // the brace is not literal text
    a.bind(litDone);
    a.push(r9);
    a.push(r9);
    a.mov(rdi, qword(mem(rsp, 16 + V.sb)));
    a.mov(rsi, r13);
    a.mov(rdx, qword(mem(rsp, 16 + V.litStart)));
    a.mov(rcx, r10);
    a.call(sym('rt_str_sb_append_range'));
    a.pop(r9);
    a.pop(r9);
    a.mov(qword(mem(rsp, V.sb)), rax);
    a.test(r9d, r9d);
    a.je(next);
    // parse_field: the name up to '}', ':' or '!' ('[' skips to ']')
    a.mov(qword(mem(rsp, V.fnStart)), r14);
    a.mov(qword(mem(rsp, V.conv)), 0);
    a.mov(qword(mem(rsp, V.expand)), 0);
    a.mov(qword(mem(rsp, V.specStart)), 0);
    a.mov(qword(mem(rsp, V.specEnd)), 0);
    a.xor(r8d, r8d);
    const name = a.newLabel();
    const nameEnd = a.newLabel();
    a.bind(name);
    a.cmp(r14, r15);
    a.jae(nameEnd);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.mov(r8d, edx);
    a.cmp(edx, 0x7b);
    const noOpen = a.newLabel();
    a.jne(noOpen);
    valueError(a, 'msg_strfmt_unexpected_open', fail);
    a.bind(noOpen);
    a.cmp(edx, 0x5b);
    const notBracket = a.newLabel();
    a.jne(notBracket);
    const skip = a.newLabel();
    a.bind(skip);
    a.cmp(r14, r15);
    a.jae(name);
    cp(a, rbx, r14, rbp);
    a.cmp(edx, 0x5d);
    a.je(name);
    a.inc(r14);
    a.jmp(skip);
    a.bind(notBracket);
    for (const c of [0x7d, 0x3a, 0x21]) {
      a.cmp(edx, c);
      a.je(nameEnd);
    }
    a.jmp(name);
    a.bind(nameEnd);
    a.lea(rax, mem(r14, -1));
    a.mov(qword(mem(rsp, V.fnEnd)), rax);
    const haveField = a.newLabel();
    const specPart = a.newLabel();
    a.cmp(r8d, 0x21);
    const notConv = a.newLabel();
    a.jne(notConv);
    // '!' conversion
    a.cmp(r14, r15);
    const convPresent = a.newLabel();
    a.jb(convPresent);
    valueError(a, 'msg_strfmt_conversion_eos', fail);
    a.bind(convPresent);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.mov(qword(mem(rsp, V.conv)), rdx);
    a.cmp(r14, r15);
    a.jae(specPart);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.cmp(edx, 0x7d);
    a.je(haveField);
    a.cmp(edx, 0x3a);
    a.je(specPart);
    valueError(a, 'msg_strfmt_expected_colon', fail);
    a.bind(notConv);
    a.cmp(r8d, 0x3a);
    a.je(specPart);
    a.cmp(r8d, 0x7d);
    a.jne(singleEnd); // the text ended inside the field name
    a.jmp(haveField);
    // the spec, up to the matching '}'
    a.bind(specPart);
    a.mov(qword(mem(rsp, V.specStart)), r14);
    a.mov(r8d, 1);
    const specLoop = a.newLabel();
    a.bind(specLoop);
    a.cmp(r14, r15);
    const unmatched = a.newLabel();
    a.jae(unmatched);
    cp(a, rbx, r14, rbp);
    a.inc(r14);
    a.cmp(edx, 0x7b);
    const notOpen2 = a.newLabel();
    a.jne(notOpen2);
    a.mov(qword(mem(rsp, V.expand)), 1);
    a.inc(r8d);
    a.jmp(specLoop);
    a.bind(notOpen2);
    a.cmp(edx, 0x7d);
    a.jne(specLoop);
    a.dec(r8d);
    a.jne(specLoop);
    a.lea(rax, mem(r14, -1));
    a.mov(qword(mem(rsp, V.specEnd)), rax);
    a.jmp(haveField);
    a.bind(unmatched);
    valueError(a, 'msg_strfmt_unmatched_open', fail);
    a.bind(singleEnd);
    valueError(a, 'msg_strfmt_expected_close', fail);
    // the field: object, conversion, spec, format
    a.bind(haveField);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(rdx, qword(mem(rsp, V.fnStart)));
    a.mov(rcx, qword(mem(rsp, V.fnEnd)));
    a.call(sym('rt_str_format_field'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp, V.obj)), rax);
    const converted = a.newLabel();
    a.mov(rcx, qword(mem(rsp, V.conv)));
    a.test(rcx, rcx);
    a.je(converted);
    a.mov(rdi, rax);
    a.mov(esi, ecx);
    a.call(sym('rt_str_format_convert'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp, V.obj)), rax);
    a.bind(converted);
    const specReady = a.newLabel();
    const plainSpec = a.newLabel();
    a.cmp(qword(mem(rsp, V.expand)), 0);
    a.je(plainSpec);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(rdx, qword(mem(rsp, V.specStart)));
    a.mov(rcx, qword(mem(rsp, V.specEnd)));
    a.mov(r8, qword(mem(rsp, V.depth)));
    a.dec(r8);
    a.call(sym('rt_str_vformat'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.jmp(specReady);
    a.bind(plainSpec);
    a.mov(rdi, r13);
    a.mov(rsi, qword(mem(rsp, V.specStart)));
    a.mov(rdx, qword(mem(rsp, V.specEnd)));
    a.call(sym('rt_str_substr'));
    a.bind(specReady);
    a.mov(rdi, qword(mem(rsp, V.obj)));
    a.mov(rsi, rax);
    a.call(sym('rt_str_format_value'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(rsi, rax);
    a.mov(rdi, qword(mem(rsp, V.sb)));
    a.call(sym('rt_sb_append_str'));
    a.mov(qword(mem(rsp, V.sb)), rax);
    a.jmp(next);
    a.bind(finish);
    a.mov(rdi, qword(mem(rsp, V.sb)));
    a.call(sym('rt_sb_finish'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, V.size);
  },
};


const convert: RuntimeRoutine = {
  name: 'rt_str_format_convert',
  contract: "rdi=value, esi=conversion ('r', 's' or 'a') -> rax=repr(value), str(value) or ascii(value), or EXC (ValueError \"Unknown conversion specifier X\"); may allocate, may raise",
  emit(a) {
    const notR = a.newLabel();
    const notS = a.newLabel();
    const notA = a.newLabel();
    a.cmp(esi, 0x72);
    a.jne(notR);
    a.jmp(sym('rt_repr'));
    a.bind(notR);
    a.cmp(esi, 0x73);
    a.jne(notS);
    a.jmp(sym('rt_str'));
    a.bind(notS);
    a.cmp(esi, 0x61);
    a.jne(notA);
    a.sub(rsp, 8);
    a.call(sym('rt_repr'));
    a.add(rsp, 8);
    a.cmp(rax, g('rt_const_exc'));
    const raised = a.newLabel();
    a.je(raised);
    a.mov(rdi, rax);
    a.jmp(sym('rt_str_backslashreplace'));
    a.bind(raised);
    a.ret();
    a.bind(notA);
    const printable = a.newLabel();
    const hex = a.newLabel();
    const go = a.newLabel();
    a.push(rbx);
    a.sub(rsp, 16);
    a.mov(ebx, esi);
    a.mov(rdi, rsp);
    charOrHex(a, rbx, rdi, hex, printable);
    a.bind(printable);
    a.lea(rsi, rip(sym('msg_strfmt_unknown_conversion')));
    a.jmp(go);
    a.bind(hex);
    a.lea(rsi, rip(sym('msg_strfmt_unknown_conversion_hex')));
    a.bind(go);
    a.mov(rdx, rsp);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.call(sym('rt_raise_fmt'));
    a.add(rsp, 16);
    a.pop(rbx);
    a.ret();
  },
};

const formatMethod: RuntimeRoutine = {
  name: 'rt_str_meth_format',
  contract: 'str.format: vector ABI (rdi=args with self, rsi=nargs, rdx=kwnames) -> str value or EXC; may allocate, may raise',
  emit(a) {
    const saved = [r12, r13, r14] as const;
    const out = a.newLabel();
    prologue(a, saved, CTX.size + 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    const haveSelf = a.newLabel();
    a.test(rsi, rsi);
    a.jne(haveSelf);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_strfmt_unbound')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(haveSelf);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    const selfOk = a.newLabel();
    a.jne(selfOk);
    a.mov(rdx, qword(mem(r12)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_strfmt_descriptor')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(selfOk);
    // positional = args[1 : nargs - nkw], keyword values after them
    a.xor(ecx, ecx);
    a.test(r14, r14);
    const noKw = a.newLabel();
    a.je(noKw);
    raw(a, rax, r14);
    a.mov(rcx, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    a.lea(rax, mem(r12, 8));
    a.mov(qword(mem(rsp, CTX.args)), rax);
    a.lea(rax, mem(r13, -1));
    a.sub(rax, rcx);
    a.mov(qword(mem(rsp, CTX.npos)), rax);
    a.mov(qword(mem(rsp, CTX.kwnames)), r14);
    a.lea(rdx, sib(r12, rax, 8, 8));
    a.mov(qword(mem(rsp, CTX.kwvals)), rdx);
    a.mov(qword(mem(rsp, CTX.mapping)), 0);
    a.mov(qword(mem(rsp, CTX.auto)), 0);
    a.mov(qword(mem(rsp, CTX.next)), 0);
    a.mov(rdi, rsp);
    a.mov(rsi, qword(mem(r12)));
    a.xor(edx, edx);
    raw(a, rcx, rsi);
    lenOf(a, rcx, rcx);
    a.mov(r8d, 2);
    a.call(sym('rt_str_vformat'));
    a.bind(out);
    epilogue(a, saved, CTX.size + 8);
  },
};

const FORMAT_MAP_SPEC: ArgSpec = { method: 'format_map', kind: 'one', min: 1, max: 1 };
const formatMap = strMethod(FORMAT_MAP_SPEC, 'rt_str_meth_format_map', 'str or EXC', (a, _out, extraAt) => {
  // the context lives in the method's extra stack area
  a.lea(rdi, mem(rsp, extraAt));
  for (const f of ['args', 'npos', 'kwnames', 'kwvals', 'auto', 'next'] as const) a.mov(qword(mem(rdi, CTX[f])), 0);
  a.mov(rax, ARG(1));
  a.mov(qword(mem(rdi, CTX.mapping)), rax);
  a.mov(rsi, ARG(0));
  a.xor(edx, edx);
  raw(a, rcx, rsi);
  lenOf(a, rcx, rcx);
  a.mov(r8d, 2);
  a.call(sym('rt_str_vformat'));
}, CTX.size);

const DUNDER_FORMAT_SPEC: ArgSpec = { method: '__format__', kind: 'one', min: 1, max: 1 };
const dunderFormat = strMethod(DUNDER_FORMAT_SPEC, 'rt_str_meth___format__', 'str or EXC', (a, out) => {
  a.mov(rax, ARG(1));
  requireStrClinic(a, rax, 'msg_strfmt_dunder_arg', out);
  a.mov(rdi, ARG(0));
  a.mov(rsi, ARG(1));
  a.call(sym('rt_format_str'));
});

export const STR_FORMAT_ROUTINES: RuntimeRoutine[] = [parseSpec, groupingError, formatStr, unknownCode, formatValue, appendRange, fieldInteger, field, vformat, convert, formatMethod, formatMap, dunderFormat];

export const strFormatData = [
  cstr('msg_strfmt_too_many_digits', 'Too many decimal digits in format string'),
  cstr('msg_strfmt_comma_underscore', "Cannot specify both ',' and '_'."),
  cstr('msg_strfmt_missing_precision', 'Format specifier missing precision'),
  cstr('msg_strfmt_invalid_spec', "Invalid format specifier '%U' for object of type '%T'"),
  cstr('msg_strfmt_grouping', "Cannot specify '%s' with '%s'."),
  cstr('msg_strfmt_space', 'Space not allowed in string format specifier'),
  cstr('msg_strfmt_sign', 'Sign not allowed in string format specifier'),
  cstr('msg_strfmt_noneg0', 'Negative zero coercion (z) not allowed in string format specifier'),
  cstr('msg_strfmt_alternate', 'Alternate form (#) not allowed in string format specifier'),
  cstr('msg_strfmt_equal_align', "'=' alignment not allowed in string format specifier"),
  cstr('msg_strfmt_unknown_code', "Unknown format code '%s' for object of type '%T'"),
  cstr('msg_strfmt_unknown_code_hex', "Unknown format code '\\x%s' for object of type '%T'"),
  cstr('msg_strfmt_must_return_str', '__format__ must return a str, not %T'),
  cstr('msg_strfmt_unsupported', 'unsupported format string passed to %T.__format__'),
  cstr('msg_strfmt_grouping_hex', "Cannot specify '%s' with '\\x%s'."),
];

export const strFormatModule: RuntimeModule = {
  name: 'strformat',
  routines: STR_FORMAT_ROUTINES,
  methods: [
    { type: 'str', name: 'format', entry: 'rt_str_meth_format' },
    { type: 'str', name: 'format_map', entry: 'rt_str_meth_format_map' },
    { type: 'str', name: '__format__', entry: 'rt_str_meth___format__' },
  ],
  data: [
    ...strFormatData,
    ...[FORMAT_MAP_SPEC, DUNDER_FORMAT_SPEC].flatMap(specData),
    cstr('msg_strfmt_max_recursion', 'Max string recursion exceeded'),
    cstr('msg_strfmt_single_close', "Single '}' encountered in format string"),
    cstr('msg_strfmt_single_open', "Single '{' encountered in format string"),
    cstr('msg_strfmt_unexpected_open', "unexpected '{' in field name"),
    cstr('msg_strfmt_conversion_eos', 'end of string while looking for conversion specifier'),
    cstr('msg_strfmt_expected_colon', "expected ':' after conversion specifier"),
    cstr('msg_strfmt_unmatched_open', "unmatched '{' in format spec"),
    cstr('msg_strfmt_expected_close', "expected '}' before end of string"),
    cstr('msg_strfmt_auto_to_manual', 'cannot switch from automatic field numbering to manual field specification'),
    cstr('msg_strfmt_manual_to_auto', 'cannot switch from manual field specification to automatic field numbering'),
    cstr('msg_strfmt_positional_fields', 'Format string contains positional fields'),
    cstr('msg_strfmt_index_range', 'Replacement index %d out of range for positional args tuple'),
    cstr('msg_strfmt_only_dot_bracket', "Only '.' or '[' may follow ']' in format field specifier"),
    cstr('msg_strfmt_missing_bracket', "Missing ']' in format string"),
    cstr('msg_strfmt_empty_attribute', 'Empty attribute in format string'),
    cstr('msg_strfmt_no_attribute', "'%T' object has no attribute '%U'"),
    cstr('msg_strfmt_not_subscriptable', "'%T' object is not subscriptable"),
    cstr('msg_strfmt_unknown_conversion', 'Unknown conversion specifier %s'),
    cstr('msg_strfmt_unknown_conversion_hex', 'Unknown conversion specifier \\x%s'),
    cstr('msg_strfmt_unbound', "unbound method str.format() needs an argument"),
    cstr('msg_strfmt_descriptor', "descriptor 'format' for 'str' objects doesn't apply to a '%T' object"),
    cstr('msg_strfmt_dunder_arg', '__format__() argument must be str, not %U'),
  ],
};
