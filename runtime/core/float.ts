// Runtime: the float type's slots (Objects/floatobject.c of CPython 3.11).
//
// A float is the double itself as the value word (layout.ts): no allocation, no identity.
// Slots here: repr/str, hash, bool, unary (-, +, abs), richcompare (exact against ints of
// any size, like float_richcompare) and binop (+ - * / // % ** with float, int and bool
// operands, CONVERT_TO_DOUBLE style: anything else gives NotImplemented).
//
// Ints: small ints convert with cvtsi2sd (exact for int48); bools are 0/1; big ints go
// through the int area's rt_int_to_double (correctly rounded, OverflowError when too big),
// bound weakly through the `float_int_to_double` pointer until that routine exists
// (rt_float_int_routine_missing raises SystemError meanwhile). Comparisons with big ints
// read the BIGINT layout directly and never round.
//
// NaN: a NaN's identity is its word. float('nan') makes a fresh quiet-NaN payload each time
// (floatparse.ts); SSE arithmetic propagates an operand's NaN unchanged and gives the default
// NaN 0xFFF8... for invalid operations, so results stay doubles below the tags with no
// fix-up. hash(nan) is by identity like CPython 3.10+: from the word (docs/float.md).

import {
  type Assembler, type Label, al, byte, cl, dword, eax, ecx, edx, esi, mem, qword, r10, r10d, r11, r12, r13, r14, r14d, r8, r9, r9d, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1, xmm2,
} from '../../src/asm/index.js';
import { BIGINT, LAYOUTS, TAG_INT, TAG_MIN, TAG_OBJ, TYPE, boxInt } from '../../src/native/layout.js';
import { emitStr } from '../../src/native/statics.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { FLOATSUB, floatSubUnbox } from './builtinsub.js';
import { cstr } from './exc.js';
import { DTSF, F64_MANT, F64_SIGN, LiteralPool } from './floatkit.js';

/** BINOPS indices (src/bytecode/ops.ts) the float slot implements. */
const OP = { add: 0, sub: 1, mul: 2, truediv: 3, floordiv: 4, mod: 5, pow: 6 } as const;

/** _PyHASH_MODULUS = 2^61 - 1 (Include/pyhash.h). */
const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_INF = 314159;

/**
 * Load a number operand into an xmm register: jumps to `notNumber` for anything that is not
 * a float, int or bool and to `raised` when a big int does not fit a double. `v` must be a
 * register preserved by the caller's frame (the conversion may call out). Clobbers caller-saved.
 */
export function emitAsDouble(a: Assembler<any>, v: typeof r12, notNumber: Label, raised: Label): void {
  a.mov(rdi, v);
  a.call(sym('rt_float_as_double'));
  a.test(eax, eax);
  a.je(notNumber);
  a.js(raised);
}

export const floatModule: RuntimeModule = {
  name: 'float',
  routines: [
    {
      name: 'rt_float_as_double',
      contract: 'rdi=value -> eax=1 and xmm0=its value as a double (float, int, bool; big ints correctly rounded by rt_int_to_double), eax=0 if it is none of those, eax=-1 if it raised (OverflowError); may raise; clobbers caller-saved',
      emit(a: Assembler<any>) {
        const notFloat = a.newLabel();
        const obj = a.newLabel();
        const no = a.newLabel();
        const yes = a.newLabel();
        const isFalse = a.newLabel();
        const raised = a.newLabel();
        const pool = new LiteralPool(a);
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notFloat);
        a.movq(xmm0, rdi);
        a.mov(eax, 1);
        a.ret();
        a.bind(notFloat);
        a.cmp(eax, TAG_INT);
        a.jne(obj);
        a.mov(rax, rdi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cvtsi2sd(xmm0, rax); // exact: |int48| < 2^53
        a.mov(eax, 1);
        a.ret();
        a.bind(obj);
        a.cmp(eax, TAG_OBJ);
        a.jne(no);
        a.cmp(rdi, g('rt_const_False'));
        a.je(isFalse);
        a.movsd(xmm0, pool.f64(1));
        a.cmp(rdi, g('rt_const_True'));
        a.je(yes);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_int')));
        a.cmp(rax, rcx);
        const isInt = a.newLabel();
        a.je(isInt);
        // an instance of a float subclass (builtinsub.ts): its double
        a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.floatsub.id);
        a.jne(no);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.movsd(xmm0, qword(mem(rax, FLOATSUB.value)));
        a.jmp(yes);
        a.bind(isInt);
        a.sub(rsp, 8);
        a.call(qword(rip(sym('float_int_to_double'))));
        a.add(rsp, 8);
        a.cmp(rax, g('rt_const_exc'));
        a.je(raised);
        a.movq(xmm0, rax);
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
        a.bind(isFalse);
        a.xorpd(xmm0, xmm0);
        a.mov(eax, 1);
        a.ret();
        a.bind(raised);
        a.mov(eax, -1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_float_int_routine_missing',
      local: true,
      contract: 'stands in for rt_int_to_double until the int area defines it: raises SystemError; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_SystemError')));
        a.lea(rsi, rip(sym('msg_float_no_int')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_repr_float',
      contract: "rdi=float -> rax=str value: repr(x), the shortest round-trip digits in 'r' format with '.0' ('1e+16', '1.5', 'inf', '-0.0'); may allocate",
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        a.mov(esi, 0x72);
        a.xor(edx, edx);
        a.mov(ecx, DTSF.ADD_DOT_0);
        a.jmp(sym('rt_dtoa_format'));
      },
    },
    {
      name: 'rt_str_float',
      contract: 'rdi=float -> rax=str value: str(x), which is repr(x) (type(x).__repr__ for an instance of a float subclass: float has no tp_str); may allocate',
      emit(a: Assembler<any>) {
        const exact = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jb(exact);
        a.jmp(sym('rt_repr'));
        a.bind(exact);
        a.jmp(sym('rt_repr_float'));
      },
    },
    {
      name: 'rt_hash_float',
      contract: 'rdi=float -> rax=hash as CPython\'s _Py_HashDouble (hash(1.0) == hash(1), modulus 2^61 - 1, +-314159 for +-inf); a nan by identity (its word, docs/float.md); clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        // |x| = m * 2^e exactly, so |x| mod (2^61 - 1) = m * 2^(e mod 61), a 61-bit rotation
        // of m (2^61 = 1 modulo the prime, 2^-1 = 2^60).
        const special = a.newLabel();
        const normal = a.newLabel();
        const haveM = a.newLabel();
        const positive = a.newLabel();
        const infinite = a.newLabel();
        const done = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 52);
        a.and(eax, 0x7ff);
        a.cmp(eax, 0x7ff);
        a.je(special);
        a.mov(r8, rdi);
        a.mov(rcx, F64_MANT);
        a.and(r8, rcx);
        a.test(eax, eax);
        a.jne(normal);
        a.mov(eax, 1); // subnormal: e = -1074 = 1 - 1075
        a.jmp(haveM);
        a.bind(normal);
        a.bts(r8, 52);
        a.bind(haveM);
        // r = (e + 61 * 18) mod 61, e = biased - 1075
        a.add(eax, 61 * 18 - 1075);
        a.xor(edx, edx);
        a.mov(ecx, 61);
        a.div(ecx);
        a.mov(ecx, edx); // r
        a.mov(rax, r8);
        a.shl(rax, cl);
        a.mov(rdx, HASH_MODULUS);
        a.and(rax, rdx); // (m << r) mod 2^61
        a.neg(ecx);
        a.add(ecx, 61);
        a.shr(r8, cl); // m >> (61 - r)
        a.or(rax, r8);
        a.test(rdi, rdi);
        a.jns(done);
        a.neg(rax);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.ret();
        a.bind(special);
        a.mov(rax, rdi);
        a.shl(rax, 12);
        a.je(infinite);
        // nan: by identity, as CPython 3.10+ (float_hash -> _Py_HashPointer: the address
        // rotated right by 4 bits); the word is a NaN float's identity here (docs/float.md).
        a.mov(rax, rdi);
        a.ror(rax, 4);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.ret();
        a.bind(infinite);
        a.mov(eax, HASH_INF);
        a.test(rdi, rdi);
        a.jns(positive);
        a.neg(rax);
        a.bind(positive);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_bool_float',
      contract: 'rdi=float -> eax=0 for +-0.0, else 1 (nan is true); clobbers rax; no alloc',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        a.mov(rax, rdi);
        a.add(rax, rax);
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
      },
    },
    {
      name: 'rt_unary_float',
      contract: 'rdi=float, edx=0 neg, 1 pos, 2 invert, 3 abs -> rax=float value, or NotImplemented for ~; clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        const notNeg = a.newLabel();
        const notPos = a.newLabel();
        const notInv = a.newLabel();
        a.cmp(edx, 0);
        a.jne(notNeg);
        a.mov(rax, F64_SIGN);
        a.xor(rax, rdi); // -nan flips the sign bit only: the payload stays below the tags
        a.ret();
        a.bind(notNeg);
        a.cmp(edx, 1);
        a.jne(notPos);
        a.mov(rax, rdi);
        a.ret();
        a.bind(notPos);
        a.cmp(edx, 2);
        a.jne(notInv);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.ret();
        a.bind(notInv);
        a.mov(rax, rdi);
        a.btr(rax, 63);
        a.ret();
      },
    },
    {
      name: 'rt_float_cmp_bigint',
      contract: 'xmm0=x (not nan), rdi=raw address of a big int (outside int48) -> eax=-1, 0 or 1 as x <, ==, > the int, exactly (float_richcompare); clobbers rax rcx rdx rsi r8-r11; no alloc',
      emit(a: Assembler<any>) {
        const digit = (index: typeof rax, disp = 0) => dword(sib(rdi, index, 4, BIGINT.digits + disp));
        const xZero = a.newLabel();
        const sameSign = a.newLabel();
        const greater = a.newLabel();
        const less = a.newLabel();
        const equal = a.newLabel();
        const wide = a.newLabel();
        const oneDigit = a.newLabel();
        const noHi = a.newLabel();
        const lowScan = a.newLabel();
        const apply = a.newLabel();
        a.mov(r8, qword(mem(rdi, BIGINT.sign))); // 1 or -1
        a.movq(rax, xmm0);
        a.mov(rcx, rax);
        a.btr(rcx, 63);
        a.test(rcx, rcx);
        a.je(xZero);
        a.sar(rax, 63);
        a.or(rax, 1); // sign of x: 1 or -1
        a.cmp(rax, r8);
        a.je(sameSign);
        a.ret(); // opposite signs: x's sign decides
        a.bind(xZero);
        a.mov(rax, r8);
        a.neg(rax);
        a.ret();
        // Same sign: compare |x| (bits in rcx) with |n|, then flip for negatives.
        a.bind(sameSign);
        a.mov(rax, rcx);
        a.shr(rax, 52); // biased exponent
        a.cmp(eax, 1023);
        a.jb(less); // |x| < 1 <= |n|
        a.cmp(eax, 0x7ff);
        a.je(greater); // inf
        a.lea(r9, mem(rax, -1022)); // bit length of floor(|x|)
        a.mov(rsi, qword(mem(rdi, BIGINT.ndigits)));
        a.mov(edx, digit(rsi, -4)); // top digit (nonzero: canonical)
        a.bsr(edx, edx);
        a.mov(rax, rsi);
        a.shl(rax, 5);
        a.lea(rdx, sib(rdx, rax, 1, -31)); // bit length B of |n|
        a.cmp(r9, rdx);
        a.ja(greater);
        a.jb(less);
        a.mov(rax, rcx);
        a.mov(r9, F64_MANT);
        a.and(rax, r9);
        a.bts(rax, 52); // m: |x| = m * 2^(B - 53)
        a.cmp(rdx, 53);
        a.ja(wide);
        // B <= 53: compare m with |n| * 2^(53 - B); |n| fits in the low two digits.
        a.mov(r9d, dword(mem(rdi, BIGINT.digits)));
        a.cmp(rsi, 2);
        a.jb(oneDigit);
        a.mov(r10d, dword(mem(rdi, BIGINT.digits + 4)));
        a.shl(r10, 32);
        a.or(r9, r10);
        a.bind(oneDigit);
        a.mov(ecx, 53);
        a.sub(ecx, edx);
        a.shl(r9, cl);
        a.cmp(rax, r9);
        a.ja(greater);
        a.jb(less);
        a.jmp(equal);
        // B > 53: x is the integer m << s (s = B - 53); compare m with the top 53 bits of
        // |n|, then the bits of |n| below them.
        a.bind(wide);
        a.lea(rcx, mem(rdx, -53)); // s
        a.mov(r9, rcx);
        a.shr(r9, 5); // w = s / 32
        a.and(ecx, 31); // b = s mod 32
        a.mov(edx, digit(r9));
        a.mov(r10d, digit(r9, 4)); // exists: the 53 bits span two digits at least
        a.shl(r10, 32);
        a.or(rdx, r10);
        a.xor(r10d, r10d);
        a.lea(r11, mem(r9, 2));
        a.cmp(r11, rsi);
        a.jae(noHi);
        a.mov(r10d, digit(r9, 8));
        a.bind(noHi);
        a.shrd(rdx, r10, cl); // (hi:lo) >> b: the top 53 bits
        a.cmp(rax, rdx);
        a.ja(greater);
        a.jb(less);
        a.mov(edx, digit(r9));
        a.mov(eax, 1);
        a.shl(eax, cl);
        a.dec(eax);
        a.test(edx, eax);
        a.jne(less);
        a.bind(lowScan);
        a.test(r9, r9);
        a.je(equal);
        a.dec(r9);
        a.cmp(digit(r9), 0);
        a.jne(less);
        a.jmp(lowScan);
        a.bind(equal);
        a.xor(eax, eax);
        a.ret();
        a.bind(greater);
        a.mov(eax, 1);
        a.jmp(apply);
        a.bind(less);
        a.mov(eax, -1);
        a.bind(apply);
        const done = a.newLabel();
        a.test(r8, r8);
        a.jns(done);
        a.neg(eax);
        a.bind(done);
        a.ret();
      },
    },
    {
      name: 'rt_richcompare_float',
      contract: 'rdi=float, rsi=b, edx=op index in CMPOPS -> rax=True/False (float, int of any size or bool b; exact, nan unordered), or NotImplemented; clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        floatSubUnbox(a, rsi); // an instance of a float subclass: its double (builtinsub.ts)
        const pool = new LiteralPool(a);
        const notImpl = a.newLabel();
        const bFloat = a.newLabel();
        const bSmall = a.newLabel();
        const doubles = a.newLabel();
        const unordered = a.newLabel();
        const mapR = a.newLabel();
        const yes = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notImpl);
        a.movq(xmm0, rdi);
        a.mov(rax, rsi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jb(bFloat);
        a.cmp(eax, TAG_INT);
        a.je(bSmall);
        a.cmp(eax, TAG_OBJ);
        a.jne(notImpl);
        a.xorpd(xmm1, xmm1);
        a.cmp(rsi, g('rt_const_False'));
        a.je(doubles);
        a.movsd(xmm1, pool.f64(1));
        a.cmp(rsi, g('rt_const_True'));
        a.je(doubles);
        a.mov(rax, rsi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.lea(r8, rip(sym('type_int')));
        a.cmp(rcx, r8);
        a.jne(notImpl);
        // A big int: compared exactly, never through a rounded double.
        a.ucomisd(xmm0, xmm0);
        a.jp(unordered);
        a.push(rdx);
        a.mov(rdi, rax);
        a.call(sym('rt_float_cmp_bigint'));
        a.pop(rdx);
        a.jmp(mapR);
        a.bind(bFloat);
        a.movq(xmm1, rsi);
        a.jmp(doubles);
        a.bind(bSmall);
        a.mov(rax, rsi);
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cvtsi2sd(xmm1, rax); // exact for int48
        a.bind(doubles);
        a.ucomisd(xmm0, xmm1);
        a.jp(unordered);
        a.mov(eax, 1);
        a.ja(mapR);
        a.mov(eax, 0);
        a.je(mapR);
        a.mov(eax, -1);
        // eax = sign of a - b; the op's mask has bit (sign + 1) set when the answer is True.
        a.bind(mapR);
        a.lea(ecx, mem(rax, 1));
        a.lea(rsi, rip(sym('float_cmp_masks')));
        a.movzx(eax, byte(sib(rsi, rdx, 1)));
        a.bt(eax, ecx);
        a.jc(yes);
        a.mov(rax, g('rt_const_False'));
        a.ret();
        a.bind(yes);
        a.mov(rax, g('rt_const_True'));
        a.ret();
        a.bind(unordered); // nan: only != holds
        a.cmp(edx, 3);
        a.je(yes);
        a.mov(rax, g('rt_const_False'));
        a.ret();
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_binop_float',
      contract: 'rdi=a, rsi=b, edx=op index in BINOPS (+16 in place: same result) -> rax=float value, NotImplemented unless both are float/int/bool and the op is + - * / // % **, or EXC (ZeroDivisionError, OverflowError, ValueError); may allocate, may raise',
      emit(a: Assembler<any>) {
        floatSubUnbox(a, rdi); // an instance of a float subclass: its double (builtinsub.ts)
        floatSubUnbox(a, rsi); // an instance of a float subclass: its double (builtinsub.ts)
        const saved = [r12, r13, r14] as const;
        const notImpl = a.newLabel();
        const raised = a.newLabel();
        const box = a.newLabel();
        const out = a.newLabel();
        const zero = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.and(r14d, 15);
        a.cmp(r14d, OP.pow);
        a.ja(notImpl);
        emitAsDouble(a, r12, notImpl, raised);
        a.movsd(qword(mem(rsp)), xmm0);
        emitAsDouble(a, r13, notImpl, raised);
        a.movapd(xmm1, xmm0);
        a.movsd(xmm0, qword(mem(rsp)));
        const cases = [a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel()];
        for (let i = 0; i < cases.length; i++) {
          a.cmp(r14d, i);
          a.je(cases[i]!);
        }
        a.jmp(notImpl);
        a.bind(cases[OP.add]!);
        a.addsd(xmm0, xmm1);
        a.jmp(box);
        a.bind(cases[OP.sub]!);
        a.subsd(xmm0, xmm1);
        a.jmp(box);
        a.bind(cases[OP.mul]!);
        a.mulsd(xmm0, xmm1);
        a.jmp(box);
        a.bind(cases[OP.truediv]!);
        zeroCheck('msg_float_div_zero');
        a.divsd(xmm0, xmm1);
        a.jmp(box);
        a.bind(cases[OP.floordiv]!);
        zeroCheck('msg_float_floordiv_zero');
        a.call(sym('rt_float_divmod_d'));
        a.jmp(box);
        a.bind(cases[OP.mod]!);
        zeroCheck('msg_float_mod_zero');
        a.call(sym('rt_float_mod_d'));
        a.jmp(box);
        a.bind(cases[OP.pow]!);
        a.movq(rdi, xmm0);
        a.movq(rsi, xmm1);
        a.call(sym('rt_float_pow'));
        a.jmp(out);
        a.bind(box);
        a.movq(rax, xmm0);
        a.bind(out);
        epilogue(a, saved, 8);
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.jmp(out);
        a.bind(zero);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);

        /** Jump to `zero` with the message in rsi when the divisor (xmm1) is 0.0 or -0.0. */
        function zeroCheck(msg: string): void {
          const ok = a.newLabel();
          a.xorpd(xmm2, xmm2);
          a.ucomisd(xmm1, xmm2);
          a.jp(ok);
          a.lea(rsi, rip(sym(msg)));
          a.je(zero);
          a.bind(ok);
        }
      },
    },
    {
      name: 'rt_float_pow',
      contract: "rdi=x bits, rsi=y bits -> rax=float value x ** y (float_pow of CPython 3.11; kernel mathfns.floatPow), or EXC: ZeroDivisionError '0.0 cannot be raised to a negative power', OverflowError (34, 'Numerical result out of range'), a complex for a negative base with a fractional power (complex_pow, as CPython); may allocate, may raise",
      emit(a: Assembler<any>) {
        const err = a.newLabel();
        const notZero = a.newLabel();
        const notComplex = a.newLabel();
        a.sub(rsp, 8);
        a.movq(xmm0, rdi);
        a.movq(xmm1, rsi);
        a.call(sym('rt_mathk_float_pow'));
        a.add(rsp, 8);
        a.cvttsd2si(eax, xmm1);
        a.test(eax, eax);
        a.jne(err);
        a.movq(rax, xmm0);
        a.ret();
        a.bind(err);
        a.cmp(eax, 1);
        a.jne(notZero);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.lea(rsi, rip(sym('msg_float_zero_neg_pow')));
        a.jmp(sym('rt_raise_cstr'));
        a.bind(notZero);
        a.cmp(eax, 2);
        a.jne(notComplex);
        // A negative base with a fractional power: float_pow returns complex_pow(x, y).
        a.mov(edx, OP.pow);
        a.jmp(sym('rt_binop_complex'));
        a.bind(notComplex);
        a.jmp(sym('rt_float_raise_erange'));
      },
    },
    {
      name: 'rt_float_raise_erange',
      contract: "raise OverflowError(34, 'Numerical result out of range') (CPython's errno-style error for float overflow) -> rax=EXC; may allocate",
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.mov(rdi, boxInt(34n));
        a.mov(rsi, g('float_const_erange'));
        a.call(sym('rt_tuple_pack2'));
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.mov(rsi, rax);
        a.call(sym('rt_exc_new'));
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        a.add(rsp, 8);
        a.ret();
      },
    },
  ],
  data: [
    {
      name: 'float_int_to_double',
      section: 'rodata',
      align: 8,
      emit: (a, ctx) => a.u64(sym(ctx.defined('rt_int_to_double') ? 'rt_int_to_double' : 'rt_float_int_routine_missing')),
    },
    cstr('msg_float_zero_neg_pow', '0.0 cannot be raised to a negative power'),
    { name: 'float_str_erange', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'Numerical result out of range') },
    { name: 'float_const_erange', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:float_str_erange')) },
    cstr('msg_float_div_zero', 'float division by zero'),
    cstr('msg_float_floordiv_zero', 'float floor division by zero'),
    cstr('msg_float_mod_zero', 'float modulo'),
    {
      name: 'float_cmp_masks',
      section: 'rodata',
      align: 8,
      // bit (sign(a - b) + 1) is set when the comparison holds: < <= == != > >=
      emit: (a) => a.bytes(Uint8Array.from([0b001, 0b011, 0b010, 0b101, 0b100, 0b110])),
    },
    cstr('msg_float_no_int', 'big int to float conversion is not available yet (rt_int_to_double missing)'),
  ] satisfies RuntimeDatum[],
};

