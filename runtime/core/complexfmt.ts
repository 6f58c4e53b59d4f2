// Runtime: the complex constructor, complex(str) parsing and complex.__format__
// (Objects/complexobject.c and Python/formatter_unicode.c of CPython 3.11).
//
// rt_new_complex is the `new` slot of complex: complex(real=0, imag=<absent>) with the
// argument checks of complex_new_impl in its order (a str first argument is parsed and admits
// no second one; a str second argument, then non-number arguments are TypeErrors) and its
// arithmetic: for complex arguments the result is real - imag.imag + (real.imag + imag.real)j.
// Numbers are complex, float, int and bool (rt_complex_parts); __complex__, __float__ and
// __index__ of other objects are not called yet, and subclasses of complex get plain complex
// instances.
//
// rt_complex_from_str follows complex_subtype_from_string: Unicode digits and spaces are
// first made ASCII (_PyUnicode_TransformDecimalAndSpaceToASCII, as float() does), underscores
// are allowed between digits only (_Py_string_to_number_with_underscores: "could not convert
// string to complex: %R"), then complex_from_string_inner's grammar: optional whitespace and
// parentheses around <float>, <float>j, <float><signed-float>j, <float><sign>j, <sign>j or j,
// the floats by _Py_dg_strtod (rt_float_strtod, inf and nan included); anything else is
// ValueError "complex() arg is a malformed string".
//
// rt_format_complex is the `format` slot: '' is str(z); types e E f F g G n format both parts
// as floats (the imaginary one always signed) with no parentheses; no type is str(z)'s form
// (repr digits, parentheses unless the real part is +0.0, which is then left out), or 'g'
// when a precision is given. Width, fill and alignment apply to the whole "(re+imj)". Zero
// padding and '=' alignment are ValueErrors, as in CPython. Known gap: grouping (',' '_') with
// no type is ignored (CPython groups the repr digits).

import { type Assembler, type Label, al, byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { boxInt, COMPLEX, STR, TAG_OBJ, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue, unboxPtr } from '../../src/native/macros.js';
import { type BiSpec, parseArgs, specData } from './bi_args.js';
import { newOfSubclass } from './builtinsub.js';
import { cstr } from './exc.js';
import { DTSF } from './floatkit.js';
import { FSPEC } from './floatformat.js';
import { UC } from './unicode.js';

/** complex(real=0, imag=0): both may be given by keyword (Argument Clinic). */
const NEW_SPEC: BiSpec = { fname: 'complex', style: 'CLINIC', min: 0, max: 2, posonly: 0, names: ['real', 'imag'] };

/** Scratch text on the stack; longer strings get a heap buffer. */
const STACK_TEXT = 256;

/** Jump to `yes` when the value in `v` is a str (its type exactly str). Clobbers rax, rcx. */
function jumpIfStr(a: Assembler<any>, v: typeof r12, yes: Label): void {
  const no = a.newLabel();
  a.mov(rax, v);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(no);
  a.mov(rax, v);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.lea(rcx, rip(sym('type_str')));
  a.cmp(rax, rcx);
  a.je(yes);
  a.bind(no);
}

/** eax = the byte at r14 when r14 < rbp, else 0 (the end of the text). */
function peek(a: Assembler<any>): void {
  const end = a.newLabel();
  const done = a.newLabel();
  a.cmp(r14, rbp);
  a.jae(end);
  a.movzx(eax, byte(mem(r14)));
  a.jmp(done);
  a.bind(end);
  a.xor(eax, eax);
  a.bind(done);
}

/** Advance r14 over Py_ISSPACE bytes (space, \t \n \v \f \r) before rbp. Clobbers rax, rcx. */
function skipSpaces(a: Assembler<any>): void {
  const again = a.newLabel();
  const done = a.newLabel();
  const yes = a.newLabel();
  a.bind(again);
  peek(a);
  a.cmp(eax, 0x20);
  a.je(yes);
  a.lea(ecx, mem(rax, -9));
  a.cmp(ecx, 4);
  a.ja(done);
  a.bind(yes);
  a.inc(r14);
  a.jmp(again);
  a.bind(done);
}

/** Jump to `no` unless eax is 'j' or 'J'. Clobbers ecx. */
function expectJ(a: Assembler<any>, no: Label): void {
  a.mov(ecx, eax);
  a.or(ecx, 0x20);
  a.cmp(ecx, 0x6a);
  a.jne(no);
}

const fromStr: RuntimeRoutine = {
  name: 'rt_complex_from_str',
  contract: 'rdi=str value -> rax=complex value of complex(str), or EXC (ValueError "complex() arg is a malformed string" / "could not convert string to complex: %R"); may allocate, may raise',
  emit(a: Assembler<any>) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const HEAP = STACK_TEXT; // the heap buffer, if any (kept alive by the conservative scan)
    const X = STACK_TEXT + 8;
    const Y = STACK_TEXT + 16;
    const FRAME = STACK_TEXT + 24;
    const out = a.newLabel();
    const malformed = a.newLabel();
    const badUnderscore = a.newLabel();
    prologue(a, saved, FRAME);
    a.mov(r12, rdi);
    a.mov(rbx, rdi);
    unboxPtr(a, rbx);
    a.mov(qword(mem(rsp, HEAP)), 0);
    a.xor(eax, eax);
    a.mov(qword(mem(rsp, X)), rax);
    a.mov(qword(mem(rsp, Y)), rax);
    a.mov(r13, qword(mem(rbx, STR.length)));
    a.mov(r15, rsp);
    {
      // _PyUnicode_TransformDecimalAndSpaceToASCII into the buffer at r15
      const haveDst = a.newLabel();
      const loop = a.newLabel();
      const store = a.newLabel();
      const notSpace = a.newLabel();
      const stop = a.newLabel();
      const done = a.newLabel();
      a.cmp(r13, STACK_TEXT);
      a.jbe(haveDst);
      a.mov(rdi, r13);
      a.mov(esi, 1);
      a.call(sym('rt_str_alloc'));
      a.mov(qword(mem(rsp, HEAP)), rax);
      a.lea(r15, mem(rax, STR.data));
      a.bind(haveDst);
      a.xor(r14, r14);
      a.bind(loop);
      a.cmp(r14, r13);
      a.jae(done);
      a.movzx(ecx, byte(mem(rbx, STR.kind)));
      loadCodePoint(a, ebp, rbx, r14, rcx);
      a.mov(eax, ebp);
      a.cmp(ebp, 127);
      a.jb(store);
      a.mov(edi, ebp);
      a.call(sym('rt_unicode_info'));
      a.test(eax, UC.space);
      a.je(notSpace);
      a.mov(eax, 0x20);
      a.jmp(store);
      a.bind(notSpace);
      a.mov(edi, ebp);
      a.call(sym('rt_unicode_decimal'));
      a.test(eax, eax);
      a.js(stop);
      a.add(eax, 0x30);
      a.bind(store);
      a.mov(byte(sib(r15, r14, 1)), al);
      a.inc(r14);
      a.jmp(loop);
      a.bind(stop); // '?' ends the text: the parse fails on it
      a.mov(byte(sib(r15, r14, 1)), 0x3f);
      a.inc(r14);
      a.bind(done);
    }
    a.lea(rbp, sib(r15, r14, 1)); // end of the text
    {
      // _Py_string_to_number_with_underscores: strchr(s, '_') stops at a NUL
      const scan = a.newLabel();
      const none = a.newLabel();
      const loop = a.newLabel();
      const notUnderscore = a.newLabel();
      const next = a.newLabel();
      const done = a.newLabel();
      a.mov(r14, r15);
      a.bind(scan);
      a.cmp(r14, rbp);
      a.jae(none);
      a.movzx(eax, byte(mem(r14)));
      a.test(eax, eax);
      a.je(none);
      a.cmp(eax, 0x5f);
      a.je(loop);
      a.inc(r14);
      a.jmp(scan);
      a.bind(loop);
      // Compact in place: rdi = write pointer, r14 = read pointer, edx = previous byte.
      a.mov(rdi, r15);
      a.mov(r14, r15);
      a.xor(edx, edx);
      const top = a.newLabel();
      a.bind(top);
      a.cmp(r14, rbp);
      a.jae(done);
      a.movzx(eax, byte(mem(r14)));
      a.cmp(eax, 0x5f);
      a.jne(notUnderscore);
      a.lea(ecx, mem(rdx, -0x30)); // only after a digit
      a.cmp(ecx, 9);
      a.ja(badUnderscore);
      a.jmp(next);
      a.bind(notUnderscore);
      a.mov(byte(mem(rdi)), al);
      a.inc(rdi);
      a.cmp(edx, 0x5f);
      a.jne(next);
      a.lea(ecx, mem(rax, -0x30)); // only before a digit
      a.cmp(ecx, 9);
      a.ja(badUnderscore);
      a.bind(next);
      a.mov(edx, eax);
      a.inc(r14);
      a.jmp(top);
      a.bind(done);
      a.cmp(edx, 0x5f);
      a.je(badUnderscore);
      a.mov(rbp, rdi);
      a.bind(none);
    }
    // complex_from_string_inner; r13 = 1 when the text opened with '('
    a.mov(r14, r15);
    a.xor(r13, r13);
    skipSpaces(a);
    {
      const noParen = a.newLabel();
      peek(a);
      a.cmp(eax, 0x28);
      a.jne(noParen);
      a.mov(r13, 1);
      a.inc(r14);
      skipSpaces(a);
      a.bind(noParen);
    }
    {
      const noFloat = a.newLabel();
      const ended = a.newLabel();
      const notSigned = a.newLabel();
      const plainReal = a.newLabel();
      const haveY = a.newLabel();
      const unitY = a.newLabel();
      a.mov(rdi, r14);
      a.mov(rsi, rbp);
      a.sub(rsi, r14);
      a.call(sym('rt_float_strtod'));
      a.test(rdx, rdx);
      a.je(noFloat);
      a.add(r14, rdx);
      a.mov(r15, rax); // z
      peek(a);
      a.cmp(eax, 0x2b);
      a.je(haveY);
      a.cmp(eax, 0x2d);
      a.jne(notSigned);
      a.bind(haveY);
      // <float><signed-float>j | <float><sign>j
      a.mov(qword(mem(rsp, X)), r15);
      a.mov(rdi, r14);
      a.mov(rsi, rbp);
      a.sub(rsi, r14);
      a.call(sym('rt_float_strtod'));
      a.test(rdx, rdx);
      a.je(unitY);
      a.add(r14, rdx);
      a.mov(qword(mem(rsp, Y)), rax);
      peek(a);
      expectJ(a, malformed);
      a.inc(r14);
      a.jmp(ended);
      a.bind(unitY);
      peek(a);
      a.mov(rcx, 0x3ff0_0000_0000_0000n); // 1.0
      a.mov(rdx, 0xbff0_0000_0000_0000n); // -1.0
      a.cmp(eax, 0x2d);
      a.cmove(rcx, rdx);
      a.mov(qword(mem(rsp, Y)), rcx);
      a.inc(r14);
      peek(a);
      expectJ(a, malformed);
      a.inc(r14);
      a.jmp(ended);
      a.bind(notSigned);
      expectJ(a, plainReal);
      a.mov(qword(mem(rsp, Y)), r15); // <float>j
      a.inc(r14);
      a.jmp(ended);
      a.bind(plainReal);
      a.mov(qword(mem(rsp, X)), r15); // <float>
      a.jmp(ended);
      a.bind(noFloat);
      {
        // <sign>j | j
        const noSign = a.newLabel();
        const signed = a.newLabel();
        peek(a);
        a.mov(rcx, 0x3ff0_0000_0000_0000n);
        a.mov(qword(mem(rsp, Y)), rcx);
        a.cmp(eax, 0x2b);
        a.je(signed);
        a.cmp(eax, 0x2d);
        a.jne(noSign);
        a.mov(rcx, 0xbff0_0000_0000_0000n);
        a.mov(qword(mem(rsp, Y)), rcx);
        a.bind(signed);
        a.inc(r14);
        a.bind(noSign);
        peek(a);
        expectJ(a, malformed);
        a.inc(r14);
      }
      a.bind(ended);
    }
    skipSpaces(a);
    {
      const noParen = a.newLabel();
      a.test(r13, r13);
      a.je(noParen);
      peek(a);
      a.cmp(eax, 0x29);
      a.jne(malformed);
      a.inc(r14);
      skipSpaces(a);
      a.bind(noParen);
    }
    a.cmp(r14, rbp);
    a.jne(malformed);
    a.movsd(xmm0, qword(mem(rsp, X)));
    a.movsd(xmm1, qword(mem(rsp, Y)));
    a.call(sym('rt_complex_new_d'));
    a.bind(out);
    epilogue(a, saved, FRAME);
    a.bind(malformed);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_complex_malformed')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(badUnderscore);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_complex_convert')));
    a.mov(rdx, r12);
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
  },
};

const newComplex: RuntimeRoutine = {
  name: 'rt_new_complex',
  contract: "new slot of complex: rdi=type, rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=complex(real=0, imag=0) (complex_new_impl), or EXC (TypeError \"complex() can't take second arg if first is a string\", \"complex() second arg can't be a string\", \"complex() first argument must be a string or a number, not 'T'\", \"complex() second argument must be a number, not 'T'\"; the parse errors of rt_complex_from_str); may allocate, may raise",
  emit(a: Assembler<any>) {
    const saved = [rbx, r12, r13, r14] as const;
    const OUT = 0;
    const CR = 16;
    const CI = 32;
    const FRAME = 56;
    const out = a.newLabel();
    const fail = a.newLabel();
    const raised = a.newLabel();
    const typeError = a.newLabel();
    const firstStr = a.newLabel();
    const secondStr = a.newLabel();
    const firstStrPair = a.newLabel();
    const badFirst = a.newLabel();
    const badSecond = a.newLabel();
    const noImag = a.newLabel();
    const build = a.newLabel();
    newOfSubclass(a, 'complex'); // complex.__new__(C, ...): builtinsub.ts
    prologue(a, saved, FRAME);
    a.mov(rbx, rdi);
    a.mov(rdi, rsi);
    a.mov(rsi, rdx);
    a.mov(rdx, rcx);
    parseArgs(a, NEW_SPEC, OUT, fail);
    a.mov(r12, qword(mem(rsp, OUT)));
    a.mov(r13, qword(mem(rsp, OUT + 8)));
    {
      const haveReal = a.newLabel();
      a.mov(rax, UNBOUND);
      a.cmp(r12, rax);
      a.jne(haveReal);
      a.mov(r12, boxInt(0n));
      a.bind(haveReal);
    }
    jumpIfStr(a, r12, firstStr);
    a.mov(rax, UNBOUND);
    a.cmp(r13, rax);
    a.je(noImag);
    jumpIfStr(a, r13, secondStr);
    a.bind(noImag);
    {
      // complex(z) of an exact complex is z itself
      const notSame = a.newLabel();
      a.mov(rax, UNBOUND);
      a.cmp(r13, rax);
      a.jne(notSame);
      a.mov(rdi, r12);
      a.call(sym('rt_complex_exact'));
      a.test(eax, eax);
      a.je(notSame);
      a.mov(rax, r12); // not an instance of a subclass (builtinsub.ts)
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax)));
      a.lea(rcx, rip(sym('type_complex')));
      a.cmp(rax, rcx);
      a.jne(notSame);
      a.mov(rax, r12);
      a.jmp(out);
      a.bind(notSame);
    }
    // r14: bit 0 = the real argument is a complex, bit 1 = the imaginary one is
    a.mov(rdi, r12);
    a.call(sym('rt_complex_exact'));
    a.mov(r14d, eax);
    a.mov(rdi, r12);
    a.call(sym('rt_complex_parts_protocol')); // and __float__/__index__ (builtinsub.ts)
    a.test(eax, eax);
    a.je(badFirst);
    a.js(raised);
    a.movsd(qword(mem(rsp, CR)), xmm0);
    a.movsd(qword(mem(rsp, CR + 8)), xmm1);
    {
      const given = a.newLabel();
      a.mov(rax, UNBOUND);
      a.cmp(r13, rax);
      a.jne(given);
      a.movsd(qword(mem(rsp, CI)), xmm1); // ci.real = cr.imag
      a.jmp(build);
      a.bind(given);
    }
    a.mov(rdi, r13);
    a.call(sym('rt_complex_exact'));
    a.shl(eax, 1);
    a.or(r14d, eax);
    a.mov(rdi, r13);
    a.call(sym('rt_complex_parts_protocol')); // and __float__/__index__ (builtinsub.ts)
    a.test(eax, eax);
    a.je(badSecond);
    a.js(raised);
    a.movsd(qword(mem(rsp, CI)), xmm0);
    a.movsd(qword(mem(rsp, CI + 8)), xmm1);
    {
      const notCi = a.newLabel();
      const notCr = a.newLabel();
      a.test(r14d, 2);
      a.je(notCi);
      a.movsd(xmm0, qword(mem(rsp, CR)));
      a.subsd(xmm0, qword(mem(rsp, CI + 8))); // cr.real -= ci.imag
      a.movsd(qword(mem(rsp, CR)), xmm0);
      a.bind(notCi);
      a.test(r14d, 1);
      a.je(notCr);
      a.movsd(xmm0, qword(mem(rsp, CI)));
      a.addsd(xmm0, qword(mem(rsp, CR + 8))); // ci.real += cr.imag
      a.movsd(qword(mem(rsp, CI)), xmm0);
      a.bind(notCr);
    }
    a.bind(build);
    a.movsd(xmm0, qword(mem(rsp, CR)));
    a.movsd(xmm1, qword(mem(rsp, CI)));
    a.call(sym('rt_complex_new_d'));
    a.jmp(out);
    a.bind(firstStr);
    a.mov(rax, UNBOUND);
    a.cmp(r13, rax);
    a.jne(firstStrPair);
    a.mov(rdi, r12);
    a.call(sym('rt_complex_from_str'));
    a.jmp(out);
    a.bind(fail);
    a.bind(raised);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, FRAME);
    a.bind(firstStrPair);
    a.lea(rsi, rip(sym('msg_complex_first_str')));
    a.jmp(typeError);
    a.bind(secondStr);
    a.lea(rsi, rip(sym('msg_complex_second_str')));
    a.jmp(typeError);
    a.bind(badFirst);
    a.lea(rsi, rip(sym('msg_complex_bad_first')));
    a.mov(rdx, r12);
    a.jmp(typeError);
    a.bind(badSecond);
    a.lea(rsi, rip(sym('msg_complex_bad_second')));
    a.mov(rdx, r13);
    a.bind(typeError);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
  },
};

/** rbx bits of rt_format_complex. */
const F_PARENS = 1;
const F_SKIP_RE = 2;
const F_REPR = 4;

const formatComplex: RuntimeRoutine = {
  name: 'rt_format_complex',
  contract: "format slot of complex: rdi=complex, rsi=spec str value -> rax=str value or EXC (format_complex_internal: '' is str(z); ValueError \"Unknown format code 'd' for object of type 'complex'\", \"Zero padding is not allowed in complex format specifier\", \"'=' alignment flag is not allowed in complex format specifier\" and the spec errors); may allocate, may raise",
  emit(a: Assembler<any>) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const SPEC = 0;
    const SPEC2 = FSPEC.size;
    const QBUF = 2 * FSPEC.size;
    const FRAME = QBUF + 24;
    const S = (field: keyof typeof FSPEC) => mem(rsp, SPEC + FSPEC[field]);
    const S2 = (field: keyof typeof FSPEC) => mem(rsp, SPEC2 + FSPEC[field]);
    const out = a.newLabel();
    const empty = a.newLabel();
    const known = a.newLabel();
    const raised = a.newLabel();
    a.mov(rax, rsi);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.je(empty);
    prologue(a, saved, FRAME);
    a.mov(r12, rdi);
    unboxPtr(a, r12);
    a.mov(rdi, rsi);
    a.lea(rsi, mem(rsp, SPEC));
    a.xor(edx, edx);
    a.mov(ecx, 0x3e);
    a.lea(r8, rip(sym('str_fmt_complex')));
    a.call(sym('rt_float_parse_spec'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    {
      const unknown = a.newLabel();
      a.mov(eax, dword(S('type')));
      a.test(eax, eax);
      a.je(known);
      for (const c of 'eEfFgGn') {
        a.cmp(eax, c.charCodeAt(0));
        a.je(known);
      }
      a.bind(unknown);
      a.mov(edi, eax);
      a.lea(rsi, mem(rsp, QBUF));
      a.call(sym('rt_fmt_quote_char'));
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_fmt_unknown')));
      a.lea(rdx, mem(rsp, QBUF));
      a.lea(rcx, rip(sym('str_fmt_complex')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
    }
    a.bind(known);
    {
      const fillOk = a.newLabel();
      const alignOk = a.newLabel();
      a.cmp(dword(S('fill')), 0x30);
      a.jne(fillOk);
      a.lea(rsi, rip(sym('msg_complex_fmt_zero')));
      a.jmp(raised);
      a.bind(fillOk);
      a.cmp(byte(S('align')), 0x3d);
      a.jne(alignOk);
      a.lea(rsi, rip(sym('msg_complex_fmt_align')));
      a.jmp(raised);
      a.bind(alignOk);
    }
    // SPEC2: the spec of each part, without width and padding
    for (let o = 0; o < FSPEC.size; o += 8) {
      a.mov(rax, qword(mem(rsp, SPEC + o)));
      a.mov(qword(mem(rsp, SPEC2 + o)), rax);
    }
    a.mov(qword(S2('width')), -1);
    a.mov(dword(S2('fill')), 0x20);
    a.mov(byte(S2('align')), 0x3c);
    a.xor(ebx, ebx);
    {
      const typed = a.newLabel();
      const withRe = a.newLabel();
      const flagsDone = a.newLabel();
      a.cmp(dword(S('type')), 0);
      a.jne(typed);
      a.cmp(qword(mem(r12, COMPLEX.real)), 0); // the real part is +0.0
      a.jne(withRe);
      a.or(ebx, F_SKIP_RE);
      a.jmp(flagsDone);
      a.bind(withRe);
      a.or(ebx, F_PARENS);
      a.bind(flagsDone);
      const precise = a.newLabel();
      a.cmp(qword(S('precision')), 0);
      a.jge(precise);
      a.or(ebx, F_REPR);
      a.jmp(typed);
      a.bind(precise);
      a.mov(dword(S2('type')), 0x67); // 'g'
      a.bind(typed);
    }
    /** rax = str of the part at [r12 + off] (signed: the imaginary part after the real one). */
    const part = (off: number, forceSign: boolean): void => {
      const repr = a.newLabel();
      const done = a.newLabel();
      a.test(ebx, F_REPR);
      a.jne(repr);
      a.mov(rdi, qword(mem(r12, off)));
      a.lea(rsi, mem(rsp, SPEC2));
      a.call(sym('rt_float_format_spec'));
      a.jmp(done);
      a.bind(repr);
      // PyOS_double_to_string(x, 'r', 0, flags)
      a.xor(ecx, ecx);
      if (forceSign) {
        a.mov(ecx, DTSF.SIGN);
      } else {
        a.cmp(byte(S('sign')), 0x2b);
        a.mov(eax, DTSF.SIGN);
        a.cmove(ecx, eax);
      }
      a.cmp(byte(S('alternate')), 0);
      a.mov(eax, DTSF.ALT);
      a.mov(edx, 0);
      a.cmovne(edx, eax);
      a.or(ecx, edx);
      a.cmp(byte(S('noNeg0')), 0);
      a.mov(eax, DTSF.NO_NEG_0);
      a.mov(edx, 0);
      a.cmovne(edx, eax);
      a.or(ecx, edx);
      a.mov(rdi, qword(mem(r12, off)));
      a.mov(esi, 0x72);
      a.xor(edx, edx);
      a.call(sym('rt_dtoa_format'));
      a.bind(done);
    };
    /** Append the str in r13/r14 to the builder in r15, with a ' ' before it for sign ' '. */
    const append = (s: typeof r13, spaced: boolean): void => {
      if (spaced) {
        const noSpace = a.newLabel();
        a.test(ebx, F_REPR);
        a.je(noSpace);
        a.cmp(byte(S('sign')), 0x20);
        a.jne(noSpace);
        a.mov(rax, s);
        unboxPtr(a, rax);
        a.movzx(ecx, byte(mem(rax, STR.data))); // repr digits are ASCII
        a.cmp(ecx, 0x2d);
        a.je(noSpace);
        a.mov(rdi, r15);
        a.mov(esi, 0x20);
        a.call(sym('rt_sb_append_cp'));
        a.mov(r15, rax);
        a.bind(noSpace);
      }
      a.mov(rdi, r15);
      a.mov(rsi, s);
      a.call(sym('rt_sb_append_str'));
      a.mov(r15, rax);
    };
    const cp = (c: string): void => {
      a.mov(rdi, r15);
      a.mov(esi, c.charCodeAt(0));
      a.call(sym('rt_sb_append_cp'));
      a.mov(r15, rax);
    };
    {
      const noRe = a.newLabel();
      const imPlain = a.newLabel();
      const imDone = a.newLabel();
      a.xor(r13, r13);
      a.test(ebx, F_SKIP_RE);
      a.jne(noRe);
      part(COMPLEX.real, false);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r13, rax);
      a.mov(byte(S2('sign')), 0x2b); // the imaginary part is always signed after the real one
      a.bind(noRe);
      a.test(ebx, F_SKIP_RE);
      a.jne(imPlain);
      part(COMPLEX.imag, true);
      a.jmp(imDone);
      a.bind(imPlain);
      part(COMPLEX.imag, false);
      a.bind(imDone);
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(r14, rax);
    }
    a.mov(edi, 32);
    a.call(sym('rt_sb_new'));
    a.mov(r15, rax);
    {
      const noOpen = a.newLabel();
      const noRe = a.newLabel();
      const noClose = a.newLabel();
      a.test(ebx, F_PARENS);
      a.je(noOpen);
      cp('(');
      a.bind(noOpen);
      a.test(ebx, F_SKIP_RE);
      a.jne(noRe);
      append(r13, true);
      a.bind(noRe);
      {
        const plain = a.newLabel();
        const done = a.newLabel();
        a.test(ebx, F_SKIP_RE);
        a.je(plain);
        append(r14, true);
        a.jmp(done);
        a.bind(plain);
        append(r14, false);
        a.bind(done);
      }
      cp('j');
      a.test(ebx, F_PARENS);
      a.je(noClose);
      cp(')');
      a.bind(noClose);
    }
    a.mov(rdi, r15);
    a.call(sym('rt_sb_finish'));
    a.mov(r15, rax);
    {
      // Pad the whole to the width: rbx = fill before, rbp = fill after.
      const fits = a.newLabel();
      const notLeft = a.newLabel();
      const notCenter = a.newLabel();
      const counted = a.newLabel();
      a.mov(rax, r15);
      unboxPtr(a, rax);
      a.mov(rcx, qword(S('width')));
      a.sub(rcx, qword(mem(rax, STR.length)));
      a.jle(fits);
      a.mov(rbp, rcx);
      a.xor(ebx, ebx);
      a.movzx(eax, byte(S('align')));
      a.cmp(eax, 0x3c);
      a.je(counted);
      a.cmp(eax, 0x5e);
      a.jne(notCenter);
      a.mov(rbx, rbp);
      a.shr(rbx, 1);
      a.sub(rbp, rbx);
      a.jmp(counted);
      a.bind(notCenter);
      a.bind(notLeft);
      a.mov(rbx, rbp);
      a.xor(ebp, ebp);
      a.bind(counted);
      a.mov(rdi, qword(S('width')));
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      const fill = (count: typeof rbx): void => {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.bind(loop);
        a.test(count, count);
        a.je(done);
        a.mov(rdi, r13);
        a.mov(esi, dword(S('fill')));
        a.call(sym('rt_sb_append_cp'));
        a.mov(r13, rax);
        a.dec(count);
        a.jmp(loop);
        a.bind(done);
      };
      fill(rbx);
      a.mov(rdi, r13);
      a.mov(rsi, r15);
      a.call(sym('rt_sb_append_str'));
      a.mov(r13, rax);
      fill(rbp);
      a.mov(rdi, r13);
      a.call(sym('rt_sb_finish'));
      a.mov(r15, rax);
      a.bind(fits);
      a.mov(rax, r15);
    }
    a.bind(out);
    epilogue(a, saved, FRAME);
    a.bind(raised);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(empty);
    a.jmp(sym('rt_str_complex'));
  },
};

export const complexFmtModule: RuntimeModule = {
  name: 'complexfmt',
  routines: [fromStr, newComplex, formatComplex],
  data: [
    ...specData(NEW_SPEC),
    cstr('str_fmt_complex', 'complex'),
    cstr('msg_complex_malformed', 'complex() arg is a malformed string'),
    cstr('msg_complex_convert', 'could not convert string to complex: %R'),
    cstr('msg_complex_first_str', "complex() can't take second arg if first is a string"),
    cstr('msg_complex_second_str', "complex() second arg can't be a string"),
    cstr('msg_complex_bad_first', "complex() first argument must be a string or a number, not '%T'"),
    cstr('msg_complex_bad_second', "complex() second argument must be a number, not '%T'"),
    cstr('msg_complex_fmt_zero', 'Zero padding is not allowed in complex format specifier'),
    cstr('msg_complex_fmt_align', "'=' alignment flag is not allowed in complex format specifier"),
  ] satisfies RuntimeDatum[],
};
