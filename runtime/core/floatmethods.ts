// Runtime: the methods of float (Objects/floatobject.c of CPython 3.11), round(), divmod()
// and the float() constructor.
//
// Methods use the vector ABI (rdi = args with args[0] = self, or the class for classmethods;
// rsi = nargs; rdx = kwnames or 0) and check their arguments with CPython's messages
// (method_vectorcall_NOARGS / _O / _FASTCALL and Argument Clinic). Results that are ints go
// through the int area's routines (rt_int_from_double, rt_int_from_i64, rt_int_lshift), bound
// weakly through `float_weak_*` pointers: until that area defines them a call raises
// SystemError (rt_float_int_routine_missing).
//
// round(x, n) is CPython's double_round: the exact value rounded half to even to n decimal
// places (dtoa mode 3), then read back correctly rounded ("rounded value too large to
// represent" when that overflows). float.fromhex rounds half to even on the exact value.

import {
  type Assembler, type Label, al, byte, cl, eax, ebp, ebx, ecx, edx, esi, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1, xmm2,
} from '../../src/asm/index.js';
import { BIGINT, BYTES, STR, TAG_INT, TAG_MIN, TAG_OBJ, TUPLE, UNBOUND, boxInt } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { DTOA_DIGITS_MAX } from './dtoa.js';
import { floatSubUnbox, newOfSubclass } from './builtinsub.js';
import { cstr } from './exc.js';
import { F64_ABS, F64_MANT } from './floatkit.js';

/** Int routines called through weak pointers (see the file comment). */
const WEAK = ['rt_int_from_double', 'rt_int_from_i64', 'rt_int_lshift'] as const;
type Weak = (typeof WEAK)[number];

function callWeak(a: Assembler<any>, name: Weak): void {
  a.call(qword(rip(sym(`float_weak_${name}`))));
}

/** round(): NDIGITS_MAX and NDIGITS_MIN of floatobject.c. */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

type ArgKind = 'noargs' | 'round' | 'o';

/**
 * Method prologue: r12 = args, r13 = nargs, r14 = kwnames; checks the arguments as CPython's
 * method descriptors do, jumping to `raise` with rdi, rsi, rdx, rcx set for rt_raise_fmt.
 */
function methodChecks(a: Assembler<any>, name: string, kind: ArgKind, raise: Label): void {
  const msg = (m: string) => rip(sym(`msg_floatm_${m}`));
  const haveSelf = a.newLabel();
  const noKw = a.newLabel();
  const ok = a.newLabel();
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.mov(r14, rdx);
  a.lea(rdx, rip(sym(`str_floatm_${name}`)));
  a.test(r13, r13);
  a.jne(haveSelf);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, msg('unbound'));
  a.jmp(raise);
  a.bind(haveSelf);
  if (kind !== 'o') {
    // the descriptor check: self must be a float
    const selfOk = a.newLabel();
    a.mov(rcx, qword(mem(r12)));
    a.mov(rax, rcx);
    a.shr(rax, 48);
    a.cmp(eax, TAG_MIN);
    a.jb(selfOk);
    // an instance of a float subclass (builtinsub.ts): method() reads its double
    a.mov(rdi, rcx);
    floatSubUnbox(a, rdi);
    a.cmp(rdi, rcx);
    a.jne(selfOk);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, msg('descriptor'));
    a.jmp(raise);
    a.bind(selfOk);
  }
  a.test(r14, r14);
  a.je(noKw);
  a.mov(rax, r14);
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.cmp(qword(mem(rax, TUPLE.length)), 0);
  a.je(noKw);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, msg('nokw'));
  a.jmp(raise);
  a.bind(noKw);
  a.lea(rcx, mem(r13, -1)); // arguments after self
  a.lea(rdi, rip(sym('type_TypeError')));
  if (kind === 'noargs') {
    a.test(rcx, rcx);
    a.je(ok);
    a.lea(rsi, msg('noargs'));
  } else if (kind === 'round') {
    a.cmp(rcx, 1);
    a.jbe(ok);
    a.lea(rsi, msg('round_args'));
  } else {
    a.cmp(rcx, 1);
    a.je(ok);
    a.lea(rsi, msg('one_arg'));
  }
  a.jmp(raise);
  a.bind(ok);
}

/** A method routine: the checks, then `body` with self in rbx; the result in rax. */
function method(name: string, kind: ArgKind, contract: string, body: (a: Assembler<any>, out: Label) => void): RuntimeRoutine {
  return {
    name: `rt_float_meth_${name}`,
    contract: `vector ABI: float.${name}${contract}; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const raise = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved);
      methodChecks(a, name, kind, raise);
      a.mov(rbx, qword(mem(r12)));
      if (kind !== 'o') floatSubUnbox(a, rbx);
      body(a, out);
      a.bind(out);
      epilogue(a, saved);
      a.bind(raise);
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
    },
  };
}

/** self -> int through a double routine of floatops.ts (or none: truncation). */
function toIntMethod(name: string, round: string | null, what: string): RuntimeRoutine {
  return method(name, 'noargs', `() -> ${what} as an int (ValueError / OverflowError for nan and inf)`, (a) => {
    a.mov(rdi, rbx);
    if (round !== null) {
      a.movq(xmm0, rbx);
      a.call(sym(round));
      a.movq(rdi, xmm0);
    }
    callWeak(a, 'rt_int_from_double');
  });
}

const M = (name: string, kind?: RuntimeMethod['kind']): RuntimeMethod => ({ type: 'float', name, entry: `rt_float_meth_${name}`, ...(kind ? { kind } : {}) });

const METHOD_NAMES = ['is_integer', 'as_integer_ratio', 'hex', 'conjugate', '__trunc__', '__int__', '__floor__', '__ceil__', '__round__', '__float__', '__getnewargs__', 'fromhex'] as const;

// rt_float_round frame
const R_DIG = 0;
const R_TXT = DTOA_DIGITS_MAX;
const R_FRAME = DTOA_DIGITS_MAX + DTOA_DIGITS_MAX + 48;

export const floatMethodsModule: RuntimeModule = {
  name: 'floatmethods',
  methods: [...METHOD_NAMES.filter((n) => n !== 'fromhex').map((n) => M(n)), M('fromhex', 'classmethod')],
  routines: [
    method('is_integer', 'noargs', '() -> True when x is finite and integral', (a, out) => {
      const no = a.newLabel();
      a.mov(rax, rbx);
      a.shl(rax, 1);
      a.shr(rax, 53);
      a.cmp(eax, 0x7ff);
      a.je(no); // inf, nan
      a.movq(xmm0, rbx);
      a.call(sym('rt_float_trunc_d'));
      a.movq(xmm1, rbx);
      a.ucomisd(xmm0, xmm1);
      a.jne(no);
      a.mov(rax, g('rt_const_True'));
      a.jmp(out);
      a.bind(no);
      a.mov(rax, g('rt_const_False'));
    }),
    method('as_integer_ratio', 'noargs', "() -> (numerator, denominator) in lowest terms; ValueError 'cannot convert NaN to integer ratio', OverflowError 'cannot convert Infinity to integer ratio'", (a, out) => {
      const special = a.newLabel();
      const zero = a.newLabel();
      const normal = a.newLabel();
      const haveM = a.newLabel();
      const positive = a.newLabel();
      const negExp = a.newLabel();
      const pack = a.newLabel();
      const nan = a.newLabel();
      a.mov(rax, rbx);
      a.shl(rax, 1);
      a.je(zero);
      a.shr(rax, 53);
      a.cmp(eax, 0x7ff);
      a.je(special);
      a.mov(r12, rbx);
      a.mov(rcx, F64_MANT);
      a.and(r12, rcx); // m
      a.test(eax, eax);
      a.jne(normal);
      a.mov(r13, -1074); // e
      a.jmp(haveM);
      a.bind(normal);
      a.bts(r12, 52);
      a.lea(r13, mem(rax, -1075));
      a.bind(haveM);
      // lowest terms: the trailing zero bits of m go into the exponent
      a.bsf(rcx, r12);
      a.shr(r12, cl);
      a.add(r13, rcx);
      a.mov(rdi, r12);
      a.test(rbx, rbx);
      a.jns(positive);
      a.neg(rdi);
      a.bind(positive);
      callWeak(a, 'rt_int_from_i64');
      a.mov(r12, rax); // numerator
      a.test(r13, r13);
      a.js(negExp);
      a.mov(rdi, r12);
      a.mov(rsi, boxInt(0n));
      a.or(rsi, r13);
      callWeak(a, 'rt_int_lshift'); // numerator << e
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, boxInt(1n));
      a.jmp(pack);
      a.bind(negExp);
      a.mov(rdi, boxInt(1n));
      a.neg(r13);
      a.mov(rsi, boxInt(0n));
      a.or(rsi, r13);
      callWeak(a, 'rt_int_lshift'); // 1 << -e
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rsi, rax);
      a.mov(rdi, r12);
      a.bind(pack);
      a.call(sym('rt_tuple_pack2'));
      a.jmp(out);
      a.bind(zero);
      a.mov(rdi, boxInt(0n));
      a.mov(rsi, boxInt(1n));
      a.jmp(pack);
      a.bind(special);
      a.mov(rax, rbx);
      a.shl(rax, 12);
      a.jne(nan);
      a.lea(rdi, rip(sym('type_OverflowError')));
      a.lea(rsi, rip(sym('msg_floatm_ratio_inf')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(nan);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_floatm_ratio_nan')));
      a.call(sym('rt_raise_cstr'));
    }),
    method('hex', 'noargs', "() -> '0x1.8000000000000p+0' (13 hex digits; '0x0.<digits>p-1022' for subnormals; 'inf', 'nan')", (a) => {
      // [-]0x<lead>.<13 hex digits>p<sign><exponent>, built on the stack
      const special = a.newLabel();
      const zero = a.newLabel();
      const normal = a.newLabel();
      const haveParts = a.newLabel();
      const positive = a.newLabel();
      const expPos = a.newLabel();
      const done = a.newLabel();
      const hexLoop = a.newLabel();
      const digit = a.newLabel();
      const put = a.newLabel();
      a.sub(rsp, 40);
      a.mov(rax, rbx);
      a.shl(rax, 1);
      a.shr(rax, 53);
      a.cmp(eax, 0x7ff);
      a.je(special);
      a.mov(rdi, rsp);
      a.test(rbx, rbx);
      a.jns(positive);
      a.mov(byte(mem(rdi)), 0x2d);
      a.inc(rdi);
      a.bind(positive);
      a.mov(byte(mem(rdi)), 0x30);
      a.mov(byte(mem(rdi, 1)), 0x78);
      a.mov(rcx, rbx);
      a.shl(rcx, 1);
      a.je(zero);
      a.mov(r8, rbx);
      a.mov(rcx, F64_MANT);
      a.and(r8, rcx); // 52 fraction bits
      a.mov(ecx, 0x30); // lead digit
      a.mov(r9, -1022); // exponent
      a.test(eax, eax);
      a.je(haveParts);
      a.bind(normal);
      a.mov(ecx, 0x31);
      a.lea(r9, mem(rax, -1023));
      a.bind(haveParts);
      a.mov(byte(mem(rdi, 2)), cl);
      a.mov(byte(mem(rdi, 3)), 0x2e);
      a.add(rdi, 4);
      a.mov(ecx, 48);
      a.bind(hexLoop);
      a.mov(rax, r8);
      a.shr(rax, cl);
      a.and(eax, 15);
      a.cmp(eax, 10);
      a.jb(digit);
      a.add(eax, 0x61 - 10 - 0x30);
      a.bind(digit);
      a.add(eax, 0x30);
      a.bind(put);
      a.mov(byte(mem(rdi)), al);
      a.inc(rdi);
      a.sub(ecx, 4);
      a.jns(hexLoop);
      a.mov(byte(mem(rdi)), 0x70);
      a.mov(byte(mem(rdi, 1)), 0x2b);
      a.test(r9, r9);
      a.jns(expPos);
      a.mov(byte(mem(rdi, 1)), 0x2d);
      a.neg(r9);
      a.bind(expPos);
      a.add(rdi, 2);
      a.mov(rsi, r9);
      a.push(rdi);
      a.push(rdi);
      a.call(sym('rt_fmt_i64')); // clobbers rdi: the end is the saved start + rax
      a.pop(rsi);
      a.pop(rsi);
      a.jmp(done);
      a.bind(zero); // 0x0.0p+0
      a.mov(byte(mem(rdi, 2)), 0x30);
      a.mov(byte(mem(rdi, 3)), 0x2e);
      a.mov(byte(mem(rdi, 4)), 0x30);
      a.mov(byte(mem(rdi, 5)), 0x70);
      a.mov(byte(mem(rdi, 6)), 0x2b);
      a.mov(byte(mem(rdi, 7)), 0x30);
      a.lea(rsi, mem(rdi, 8));
      a.xor(eax, eax);
      a.bind(done);
      a.add(rsi, rax);
      a.mov(rdi, rsp);
      a.sub(rsi, rdi);
      a.call(sym('rt_str_from_ascii'));
      a.add(rsp, 40);
      const out = a.newLabel();
      a.jmp(out);
      a.bind(special); // float_repr: 'inf', '-inf', 'nan'
      a.add(rsp, 40);
      a.mov(rdi, rbx);
      a.call(sym('rt_repr_float'));
      a.bind(out);
    }),
    method('conjugate', 'noargs', '() -> x', (a) => a.mov(rax, rbx)),
    method('__float__', 'noargs', '() -> x', (a) => a.mov(rax, rbx)),
    method('__getnewargs__', 'noargs', '() -> (x,)', (a) => {
      a.mov(rdi, rbx);
      a.call(sym('rt_tuple_pack1'));
    }),
    toIntMethod('__trunc__', null, 'x truncated toward zero'),
    toIntMethod('__int__', null, 'x truncated toward zero'),
    toIntMethod('__floor__', 'rt_float_floor_d', 'floor(x)'),
    toIntMethod('__ceil__', 'rt_float_ceil_d', 'ceil(x)'),
    method('__round__', 'round', '(ndigits=None, /) -> round(x) as an int, or round(x, ndigits) as a float', (a) => {
      const none = a.newLabel();
      const call = a.newLabel();
      a.mov(rsi, UNBOUND);
      a.cmp(r13, 2);
      a.jb(none);
      a.mov(rsi, qword(mem(r12, 8)));
      a.bind(none);
      a.bind(call);
      a.mov(rdi, rbx);
      a.call(sym('rt_float_round'));
    }),
    method('fromhex', 'o', "(string, /) (classmethod) -> the float written in hex ('0x1.8p3', 'inf'), correctly rounded", (a) => {
      a.mov(rdi, qword(mem(r12, 8)));
      a.call(sym('rt_float_fromhex'));
    }),
    {
      name: 'rt_float_round',
      contract: "rdi=x bits, rsi=ndigits (int or bool; None or UNBOUND for none) -> rax=int round(x) (half to even) or float round(x, ndigits) (double_round), or EXC (TypeError \"'T' object cannot be interpreted as an integer\", OverflowError 'rounded value too large to represent', the int conversion errors); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13] as const;
        const S = (o: number) => mem(rsp, o);
        const out = a.newLabel();
        const toInt = a.newLabel();
        const haveN = a.newLabel();
        const notSmall = a.newLabel();
        const notBool = a.newLabel();
        const retX = a.newLabel();
        const badType = a.newLabel();
        prologue(a, saved, R_FRAME);
        a.mov(rbx, rdi);
        a.mov(r12, rsi);
        a.mov(rax, UNBOUND);
        a.cmp(r12, rax);
        a.je(toInt);
        a.cmp(r12, g('rt_const_None'));
        a.je(toInt);
        // ndigits as an i64, big ints clipped (PyNumber_AsSsize_t(o, NULL))
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_INT);
        a.jne(notSmall);
        a.mov(r13, r12);
        a.shl(r13, 16);
        a.sar(r13, 16);
        a.jmp(haveN);
        a.bind(notSmall);
        a.cmp(eax, TAG_OBJ);
        a.jne(badType);
        a.mov(r13, 1);
        a.cmp(r12, g('rt_const_True'));
        a.je(haveN);
        a.xor(r13, r13);
        a.cmp(r12, g('rt_const_False'));
        a.je(haveN);
        a.bind(notBool);
        a.mov(rax, r12);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_int')));
        a.cmp(rcx, rdx);
        a.jne(badType);
        a.mov(r13, INT64_MAX);
        a.mov(rcx, INT64_MIN);
        a.cmp(qword(mem(rax, BIGINT.sign)), 0);
        a.cmovl(r13, rcx);
        a.bind(haveN);
        // nans and infinities round to themselves; so does x for huge ndigits
        a.mov(rax, rbx);
        a.shl(rax, 1);
        a.shr(rax, 53);
        a.cmp(eax, 0x7ff);
        a.je(retX);
        a.cmp(r13, NDIGITS_MAX);
        a.jg(retX);
        {
          const notTiny = a.newLabel();
          a.cmp(r13, NDIGITS_MIN);
          a.jge(notTiny);
          a.xorpd(xmm0, xmm0); // 0.0 * x: a zero with x's sign
          a.movq(xmm1, rbx);
          a.mulsd(xmm0, xmm1);
          a.movq(rax, xmm0);
          a.jmp(out);
          a.bind(notTiny);
        }
        a.mov(rax, rbx);
        a.shl(rax, 1);
        a.je(retX); // +-0
        // digits of |x| to ndigits places, then "[-]0<digits>e<decpt - n>" back through strtod
        a.mov(rdi, rbx);
        a.btr(rdi, 63);
        a.mov(esi, 3);
        a.mov(rdx, r13);
        a.lea(rcx, S(R_DIG));
        a.call(sym('rt_dtoa_rounded'));
        a.mov(r12, rdx);
        a.sub(r12, rax); // exponent of the last digit
        a.lea(rdi, S(R_TXT));
        {
          const positive = a.newLabel();
          a.test(rbx, rbx);
          a.jns(positive);
          a.mov(byte(mem(rdi)), 0x2d);
          a.inc(rdi);
          a.bind(positive);
        }
        a.mov(byte(mem(rdi)), 0x30);
        a.inc(rdi);
        a.lea(rsi, S(R_DIG));
        a.mov(rcx, rax);
        a.rep_movsb();
        a.mov(byte(mem(rdi)), 0x65);
        a.inc(rdi);
        a.mov(rsi, r12);
        a.push(rdi);
        a.push(rdi);
        a.call(sym('rt_fmt_i64'));
        a.pop(rsi);
        a.pop(rsi);
        a.add(rsi, rax);
        a.lea(rdi, S(R_TXT));
        a.sub(rsi, rdi);
        a.call(sym('rt_float_strtod'));
        {
          const finite = a.newLabel();
          a.mov(rcx, rax);
          a.mov(rdx, F64_ABS);
          a.and(rcx, rdx);
          a.mov(rdx, 0x7ff0_0000_0000_0000n);
          a.cmp(rcx, rdx);
          a.jne(finite);
          a.lea(rdi, rip(sym('type_OverflowError')));
          a.lea(rsi, rip(sym('msg_floatm_round_big')));
          a.call(sym('rt_raise_cstr'));
          a.bind(finite);
        }
        a.bind(out);
        epilogue(a, saved, R_FRAME);
        a.bind(retX);
        a.mov(rax, rbx);
        a.jmp(out);
        a.bind(toInt); // round(x): the nearest integer, ties to even, as an int
        a.movq(xmm0, rbx);
        a.call(sym('rt_float_rint_d'));
        a.movq(rdi, xmm0);
        callWeak(a, 'rt_int_from_double');
        a.jmp(out);
        a.bind(badType);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_floatm_not_index')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_float_divmod',
      contract: "rdi=a, rsi=b (floats, ints, bools) -> rax=tuple (a // b, a % b) as floats (CPython float_divmod), NotImplemented for other operands, or EXC (ZeroDivisionError 'float divmod()'); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const notImpl = a.newLabel();
        const raised = a.newLabel();
        const out = a.newLabel();
        const nonzero = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        const conv = (r: typeof r12): void => {
          a.mov(rdi, r);
          a.call(sym('rt_float_as_double'));
          a.test(eax, eax);
          a.je(notImpl);
          a.js(raised);
        };
        conv(r12);
        a.movsd(qword(mem(rsp)), xmm0);
        conv(r13);
        a.movapd(xmm1, xmm0);
        a.movsd(xmm0, qword(mem(rsp)));
        a.xorpd(xmm2, xmm2);
        a.ucomisd(xmm1, xmm2);
        a.jp(nonzero);
        a.jne(nonzero);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.lea(rsi, rip(sym('msg_floatm_divmod_zero')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(nonzero);
        a.call(sym('rt_float_divmod_d'));
        a.movq(rdi, xmm0);
        a.movq(rsi, xmm1);
        a.call(sym('rt_tuple_pack2'));
        a.bind(out);
        epilogue(a, saved, 8);
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_float_fromhex',
      contract: "rdi=str value -> rax=float value or EXC: float.fromhex (CPython float_fromhex: [ws][sign]([0x]hex[.hex][p[sign]dec] | inf | infinity | nan)[ws], correctly rounded; ValueError 'invalid hexadecimal floating-point string', OverflowError 'hexadecimal value too large to represent as a float', TypeError 'bad argument type for built-in operation' for a non-str); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const S = (o: number) => qword(mem(rsp, o));
        const H_NEG = 0;
        const H_CSTART = 8;
        const H_CEND = 16;
        const H_FDIG = 24;
        const H_EXP = 32;
        const FRAME = 48;
        const out = a.newLabel();
        const parseError = a.newLabel();
        const overflow = a.newLabel();
        const badType = a.newLabel();
        const finished = a.newLabel();
        const valueDone = a.newLabel(); // r15 = bits without the sign
        prologue(a, saved, FRAME);
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(badType);
        a.mov(rbx, rdi);
        a.shl(rbx, 16);
        a.shr(rbx, 16);
        a.lea(rax, rip(sym('type_str')));
        a.cmp(qword(mem(rbx)), rax);
        a.jne(badType);
        a.cmp(byte(mem(rbx, STR.ascii)), 0);
        a.je(parseError); // non-ASCII text cannot be valid
        a.lea(r12, mem(rbx, STR.data)); // s
        a.mov(r13, r12);
        a.add(r13, qword(mem(rbx, STR.length))); // end
        a.mov(S(H_NEG), 0);
        /** Skip ASCII whitespace at r12. */
        const skipSpace = (): void => {
          const loop = a.newLabel();
          const done = a.newLabel();
          const yes = a.newLabel();
          a.bind(loop);
          a.cmp(r12, r13);
          a.jae(done);
          a.movzx(eax, byte(mem(r12)));
          a.cmp(eax, 0x20);
          a.je(yes);
          a.sub(eax, 9);
          a.cmp(eax, 4);
          a.ja(done);
          a.bind(yes);
          a.inc(r12);
          a.jmp(loop);
          a.bind(done);
        };
        /** Jump to `no` unless r12 < end; eax = the byte there. */
        const peek = (no: Label): void => {
          a.cmp(r12, r13);
          a.jae(no);
          a.movzx(eax, byte(mem(r12)));
        };
        /** eax = hex value of the byte in eax, or jump to `no`. Clobbers ecx. */
        const hexValue = (no: Label): void => {
          const done = a.newLabel();
          const letter = a.newLabel();
          a.lea(ecx, mem(rax, -0x30));
          a.cmp(ecx, 9);
          a.ja(letter);
          a.mov(eax, ecx);
          a.jmp(done);
          a.bind(letter);
          a.or(eax, 0x20);
          a.sub(eax, 0x61);
          a.cmp(eax, 5);
          a.ja(no);
          a.add(eax, 10);
          a.bind(done);
        };
        skipSpace();
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.sub(rsi, r12);
        a.call(sym('rt_float_parse_infnan'));
        {
          const number = a.newLabel();
          a.test(rdx, rdx);
          a.je(number);
          a.mov(r15, rax); // sign included
          a.add(r12, rdx);
          a.jmp(finished);
          a.bind(number);
        }
        {
          const notMinus = a.newLabel();
          const signDone = a.newLabel();
          peek(signDone);
          a.cmp(eax, 0x2d);
          a.jne(notMinus);
          a.mov(S(H_NEG), 1);
          a.inc(r12);
          a.jmp(signDone);
          a.bind(notMinus);
          a.cmp(eax, 0x2b);
          a.jne(signDone);
          a.inc(r12);
          a.bind(signDone);
        }
        {
          // [0x]
          const no = a.newLabel();
          peek(no);
          a.cmp(eax, 0x30);
          a.jne(no);
          a.lea(rax, mem(r12, 1));
          a.cmp(rax, r13);
          a.jae(no);
          a.movzx(eax, byte(mem(r12, 1)));
          a.or(eax, 0x20);
          a.cmp(eax, 0x78);
          a.jne(no);
          a.add(r12, 2);
          a.bind(no);
        }
        {
          // <integer> [. <fraction>]
          const intLoop = a.newLabel();
          const intDone = a.newLabel();
          const fracLoop = a.newLabel();
          const fracDone = a.newLabel();
          const noPoint = a.newLabel();
          a.mov(S(H_CSTART), r12);
          a.bind(intLoop);
          peek(intDone);
          hexValue(intDone);
          a.inc(r12);
          a.jmp(intLoop);
          a.bind(intDone);
          a.mov(r14, r12);
          a.sub(r14, S(H_CSTART)); // digits so far
          a.mov(S(H_FDIG), 0);
          peek(noPoint);
          a.cmp(eax, 0x2e);
          a.jne(noPoint);
          a.inc(r12);
          a.mov(rbp, r12);
          a.bind(fracLoop);
          peek(fracDone);
          hexValue(fracDone);
          a.inc(r12);
          a.jmp(fracLoop);
          a.bind(fracDone);
          a.mov(rax, r12);
          a.sub(rax, rbp);
          a.mov(S(H_FDIG), rax);
          a.add(r14, rax);
          a.bind(noPoint);
          a.mov(S(H_CEND), r12);
          a.test(r14, r14);
          a.je(parseError);
        }
        {
          // [p <exponent>], saturated at +-2^40 (strtol saturates; far past every double)
          const none = a.newLabel();
          const loop = a.newLabel();
          const done = a.newLabel();
          const notMinus = a.newLabel();
          const signDone = a.newLabel();
          const noAcc = a.newLabel();
          a.mov(S(H_EXP), 0);
          peek(none);
          a.or(eax, 0x20);
          a.cmp(eax, 0x70);
          a.jne(none);
          a.inc(r12);
          a.xor(ebp, ebp); // exponent sign
          peek(parseError);
          a.cmp(eax, 0x2d);
          a.jne(notMinus);
          a.mov(ebp, 1);
          a.inc(r12);
          a.jmp(signDone);
          a.bind(notMinus);
          a.cmp(eax, 0x2b);
          a.jne(signDone);
          a.inc(r12);
          a.bind(signDone);
          peek(parseError);
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(parseError);
          a.xor(r14, r14);
          a.bind(loop);
          peek(done);
          a.sub(eax, 0x30);
          a.cmp(eax, 9);
          a.ja(done);
          a.mov(rcx, 1n << 40n);
          a.cmp(r14, rcx);
          a.jae(noAcc);
          a.lea(r14, sib(r14, r14, 4));
          a.lea(r14, sib(rax, r14, 2));
          a.bind(noAcc);
          a.inc(r12);
          a.jmp(loop);
          a.bind(done);
          const positive = a.newLabel();
          a.test(ebp, ebp);
          a.je(positive);
          a.neg(r14);
          a.bind(positive);
          a.mov(S(H_EXP), r14);
          a.bind(none);
        }
        {
          // The value: the first 16 significant hex digits in acc (r14), the count of the
          // later ones (rbp) and whether any of them is nonzero (rbx).
          const loop = a.newLabel();
          const next = a.newLabel();
          const full = a.newLabel();
          const digitsDone = a.newLabel();
          const isZero = a.newLabel();
          const dot = a.newLabel();
          const accumulate = a.newLabel();
          a.mov(rsi, S(H_CSTART));
          a.xor(r14, r14); // acc
          a.xor(ebp, ebp); // rest
          a.xor(ebx, ebx); // sticky
          a.xor(r8, r8); // digits in acc
          a.bind(loop);
          a.cmp(rsi, S(H_CEND));
          a.jae(digitsDone);
          a.movzx(eax, byte(mem(rsi)));
          a.cmp(eax, 0x2e);
          a.je(dot);
          hexValue(dot); // (always a hex digit here)
          a.test(r14, r14);
          a.jne(accumulate);
          a.test(eax, eax);
          a.je(next); // a leading zero
          a.bind(accumulate);
          a.cmp(r8, 16);
          a.jae(full);
          a.shl(r14, 4);
          a.or(r14, rax);
          a.inc(r8);
          a.jmp(next);
          a.bind(full);
          a.inc(rbp);
          a.or(ebx, eax);
          a.bind(dot);
          a.bind(next);
          a.inc(rsi);
          a.jmp(loop);
          a.bind(digitsDone);
          a.test(r14, r14);
          a.je(isZero);
          // t = exp - 4 fdigits + 4 rest + 63 - lz: the exponent of the top bit
          a.bsr(rcx, r14);
          a.mov(r9, rcx); // 63 - lz
          a.xor(ecx, 63);
          a.shl(r14, cl); // top: normalized
          a.mov(rax, S(H_EXP));
          a.mov(rdx, S(H_FDIG));
          a.shl(rdx, 2);
          a.sub(rax, rdx);
          a.lea(rax, sib(rax, rbp, 4));
          a.add(rax, r9); // t
          a.cmp(rax, 1023);
          a.jg(overflow);
          a.cmp(rax, -1075);
          a.jl(isZero);
          a.mov(r9, rax);
          // p = bits kept: 53, or fewer below the normal range
          a.mov(ecx, 53);
          a.lea(rdx, mem(rax, 1075));
          a.cmp(rax, -1022);
          a.cmovl(rcx, rdx);
          {
            const pZero = a.newLabel();
            const noUp = a.newLabel();
            const sub = a.newLabel();
            const roundUp = a.newLabel();
            a.test(ecx, ecx);
            a.je(pZero);
            a.mov(r10, r14);
            a.mov(edx, ecx);
            a.neg(ecx);
            a.add(ecx, 64);
            a.shr(r10, cl); // M = top >> (64 - p)
            a.mov(ecx, 63);
            a.sub(ecx, edx);
            a.mov(r11, r14);
            a.shr(r11, cl);
            a.and(r11, 1); // the round bit
            a.lea(ecx, mem(rdx, 1));
            a.mov(rax, r14);
            a.shl(rax, cl); // the bits below it
            a.or(rax, rbx); // and the digits after the first 16
            a.test(r11, r11);
            a.je(noUp);
            a.test(rax, rax);
            a.jne(roundUp);
            a.test(r10, 1);
            a.je(noUp);
            a.bind(roundUp);
            a.inc(r10);
            a.bind(noUp);
            a.cmp(edx, 53);
            a.jne(sub);
            a.mov(rax, 1n << 53n);
            a.cmp(r10, rax);
            const noCarry = a.newLabel();
            a.jne(noCarry);
            a.shr(r10, 1);
            a.inc(r9);
            a.cmp(r9, 1023);
            a.jg(overflow);
            a.bind(noCarry);
            a.lea(rax, mem(r9, 1023));
            a.shl(rax, 52);
            a.btr(r10, 52);
            a.or(rax, r10);
            a.mov(r15, rax);
            a.jmp(valueDone);
            a.bind(sub); // subnormal: M * 2^-1074 (2^52 is the smallest normal)
            a.mov(r15, r10);
            a.jmp(valueDone);
            a.bind(pZero); // only the round bit: up unless exactly 2^-1075 (ties to even 0)
            a.xor(r15, r15);
            a.mov(rax, r14);
            a.shl(rax, 1);
            a.or(rax, rbx);
            a.setne(al);
            a.movzx(r15, al);
            a.jmp(valueDone);
          }
          a.bind(isZero);
          a.xor(r15, r15);
          a.bind(valueDone);
          a.mov(rax, S(H_NEG));
          a.shl(rax, 63);
          a.or(r15, rax);
        }
        a.bind(finished);
        skipSpace();
        a.cmp(r12, r13);
        a.jne(parseError);
        a.mov(rax, r15);
        a.bind(out);
        epilogue(a, saved, FRAME);
        a.bind(parseError);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_floatm_hex_invalid')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(overflow);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_floatm_hex_big')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(badType);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_floatm_bad_arg')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_new_float',
      contract: "rdi=type, rsi=args, rdx=nargs, rcx=kwnames or 0 -> rax=float value or EXC: float(), float(x) for floats, ints, bools, str (float(str)) and bytes (TypeError \"float() argument must be a string or a real number, not 'T'\" otherwise; __float__/__index__ of other objects are not called yet: docs/float.md); may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        const noKw = a.newLabel();
        const notNumber = a.newLabel();
        const raised = a.newLabel();
        const badType = a.newLabel();
        const notStr = a.newLabel();
        newOfSubclass(a, 'float'); // float.__new__(F, ...): builtinsub.ts
        prologue(a, saved, 8);
        a.mov(r12, rsi);
        a.mov(r13, rdx);
        a.test(rcx, rcx);
        a.je(noKw);
        a.mov(rax, rcx);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.cmp(qword(mem(rax, TUPLE.length)), 0);
        a.je(noKw);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_floatm_new_kw')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(noKw);
        {
          const one = a.newLabel();
          const tooMany = a.newLabel();
          a.cmp(r13, 1);
          a.je(one);
          a.ja(tooMany);
          a.xor(eax, eax); // float() == 0.0
          a.jmp(out);
          a.bind(tooMany);
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_floatm_new_args')));
          a.mov(rdx, r13);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(one);
        }
        a.mov(r12, qword(mem(r12)));
        a.mov(rdi, r12);
        a.call(sym('rt_float_as_double'));
        a.test(eax, eax);
        a.je(notNumber);
        a.js(raised);
        a.movq(rax, xmm0);
        a.jmp(out);
        a.bind(notNumber);
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(badType);
        a.mov(rax, r12);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_str')));
        a.cmp(rcx, rdx);
        a.jne(notStr);
        a.mov(rdi, r12);
        a.call(sym('rt_float_from_str'));
        a.jmp(out);
        a.bind(notStr);
        a.lea(rdx, rip(sym('type_bytes')));
        a.cmp(rcx, rdx);
        a.jne(badType);
        a.lea(rdi, mem(rax, BYTES.data));
        a.mov(rsi, qword(mem(rax, BYTES.length)));
        a.mov(rdx, r12);
        a.call(sym('rt_float_parse_ascii'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(badType);
        // __float__, then __index__ (PyNumber_Float; builtinsub.ts)
        a.mov(rdi, r12);
        a.call(sym('rt_float_protocol'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_floatm_new_type')));
        a.mov(rdx, r12);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_float_get_real',
      contract: 'rdi=float -> rax=the float (float.real; an exact float for an instance of a subclass); clobbers rax',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi);
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_float_get_imag',
      contract: 'rdi=float -> rax=0.0 (float.imag); clobbers rax',
      emit(a: Assembler<any>) {
        a.xor(eax, eax);
        a.ret();
      },
    },
  ],
  data: [
    ...WEAK.map((name) => ({
      name: `float_weak_${name}`,
      section: 'rodata' as const,
      align: 8,
      emit: (a: Assembler<any>, ctx: { defined(n: string): boolean }) => a.u64(sym(ctx.defined(name) ? name : 'rt_float_int_routine_missing')),
    })),
    ...METHOD_NAMES.map((n) => cstr(`str_floatm_${n}`, n)),
    cstr('msg_floatm_unbound', 'unbound method float.%s() needs an argument'),
    cstr('msg_floatm_descriptor', "descriptor '%s' for 'float' objects doesn't apply to a '%T' object"),
    cstr('msg_floatm_nokw', 'float.%s() takes no keyword arguments'),
    cstr('msg_floatm_noargs', 'float.%s() takes no arguments (%d given)'),
    cstr('msg_floatm_round_args', '%s expected at most 1 argument, got %d'),
    cstr('msg_floatm_one_arg', 'float.%s() takes exactly one argument (%d given)'),
    cstr('msg_floatm_ratio_nan', 'cannot convert NaN to integer ratio'),
    cstr('msg_floatm_ratio_inf', 'cannot convert Infinity to integer ratio'),
    cstr('msg_floatm_round_big', 'rounded value too large to represent'),
    cstr('msg_floatm_not_index', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_floatm_divmod_zero', 'float divmod()'),
    cstr('msg_floatm_hex_invalid', 'invalid hexadecimal floating-point string'),
    cstr('msg_floatm_hex_big', 'hexadecimal value too large to represent as a float'),
    cstr('msg_floatm_bad_arg', 'bad argument type for built-in operation'),
    cstr('msg_floatm_new_kw', 'float() takes no keyword arguments'),
    cstr('msg_floatm_new_args', 'float expected at most 1 argument, got %d'),
    cstr('msg_floatm_new_type', "float() argument must be a string or a real number, not '%T'"),
  ] satisfies RuntimeDatum[],
};

