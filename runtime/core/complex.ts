// Runtime: the complex type (Objects/complexobject.c of CPython 3.11): objects, slots, arithmetic.
//
// A complex is a `raw` heap object of two doubles (layout.ts COMPLEX); program constants are
// static objects of the same layout (program.ts). NaN parts are stored canonical, so `.real`
// and `.imag` read back as float values directly.
//
// Operands: complex, float, int (any size: OverflowError "int too large to convert to float")
// and bool mix as CPython's TO_COMPLEX does (x -> (x, 0.0)); anything else gives
// NotImplemented. The arithmetic follows complexobject.c operation for operation, so results
// agree to the bit: _Py_c_prod's textbook product, _Py_c_quot (Smith's method), complex_pow
// (c_powi by repeated squaring for integral exponents |n| <= 100, _Py_c_pow's polar form
// otherwise) over the math kernels of mathexp/mathtrig.ts, and complex_abs with C99's
// infinities. Formatting, parsing and the constructor are in complexfmt.ts.

import {
  type Assembler, type Label, al, eax, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r14d, rax, rcx, rdi, rdx, rip, rsi, rsp, sym, xmm0, xmm1, xmm2, xmm3, xmm4, xmm5,
} from '../../src/asm/index.js';
import { COMPLEX, LAYOUTS, TAG_MIN, TAG_OBJ, TYPE } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { DTSF, F64_ABS, F64_SIGN, LiteralPool } from './floatkit.js';
import { type FK, kernel, type Val } from './mathkit.js';

/** BINOPS indices the complex slot implements (+ - * / **). */
const OP = { add: 0, sub: 1, mul: 2, truediv: 3, pow: 6 } as const;
/** CMPOPS indices of == and !=. */
const CMP_EQ = 2;
const CMP_NE = 3;

/** Replace a NaN in `x` by the canonical NaN of its sign (layout.ts). Clobbers rcx, rdx. */
function canonNaN(a: Assembler<any>, x: typeof xmm0): void {
  const ok = a.newLabel();
  a.ucomisd(x, x);
  a.jnp(ok);
  a.movq(rcx, x);
  a.mov(rdx, F64_SIGN);
  a.and(rcx, rdx);
  a.mov(rdx, 0x7ff8_0000_0000_0000n);
  a.or(rcx, rdx);
  a.movq(x, rcx);
  a.bind(ok);
}

/**
 * xmm0/xmm1 = the parts of the number in `v` (a callee-saved register or memory); jumps to
 * `notNumber` for other types and to `raised` when a big int does not fit a double.
 */
export function emitComplexParts(a: Assembler<any>, v: typeof r12, notNumber: Label, raised: Label): void {
  a.mov(rdi, v);
  a.call(sym('rt_complex_parts'));
  a.test(eax, eax);
  a.je(notNumber);
  a.js(raised);
}

/** c_powu of complexobject.c: x ** n for an integral n >= 1 (as a double), repeated squaring. */
function powu(k: FK, xr: Val, xi: Val, n: Val): [Val, Val] {
  const rr = k.var(k.c(1));
  const ri = k.var(k.c(0));
  const pr = k.var(xr);
  const pi = k.var(xi);
  const mask = k.var(k.c(1));
  k.loop(() => {
    k.breakIf(k.gt(mask, n));
    const t = k.floor(k.div(n, mask));
    const half = k.floor(k.mul(t, k.c(0.5)));
    k.if(k.ne(t, k.mul(half, k.c(2))), () => {
      // r = _Py_c_prod(r, p)
      const nr = k.sub(k.mul(rr, pr), k.mul(ri, pi));
      const ni = k.add(k.mul(rr, pi), k.mul(ri, pr));
      k.set(rr, nr);
      k.set(ri, ni);
    });
    k.set(mask, k.mul(mask, k.c(2)));
    // p = _Py_c_prod(p, p)
    const qr = k.sub(k.mul(pr, pr), k.mul(pi, pi));
    const qi = k.add(k.mul(pr, pi), k.mul(pi, pr));
    k.set(pr, qr);
    k.set(pi, qi);
  });
  return [rr, ri];
}

const kernels: RuntimeRoutine[] = [
  kernel('rt_complex_quot_d', 'xmm0..xmm3=ar, ai, br, bi -> xmm0=re, xmm1=im of a / b (_Py_c_quot), xmm2=1.0 for a zero divisor (EDOM) else 0.0; clobbers caller-saved', 4, 24, (k, [ar, ai, br, bi]) => {
    const abr = k.abs(br!);
    const abi = k.abs(bi!);
    k.if(k.ge(abr, abi), () => {
      k.if(k.eq(abr, k.c(0)), () => k.ret(k.c(0), k.c(0), k.c(1)));
      const ratio = k.div(bi!, br!);
      const denom = k.add(br!, k.mul(bi!, ratio));
      k.ret(k.div(k.add(ar!, k.mul(ai!, ratio)), denom), k.div(k.sub(ai!, k.mul(ar!, ratio)), denom), k.c(0));
    });
    k.if(k.ge(abi, abr), () => {
      const ratio = k.div(br!, bi!);
      const denom = k.add(k.mul(br!, ratio), bi!);
      k.ret(k.div(k.add(k.mul(ar!, ratio), ai!), denom), k.div(k.sub(k.mul(ai!, ratio), ar!), denom), k.c(0));
    });
    k.ret(k.c(NaN), k.c(NaN), k.c(0)); // a NaN in b
  }),
  kernel('rt_complex_pow_d', 'xmm0..xmm3=ar, ai, br, bi -> xmm0=re, xmm1=im of a ** b (complex_pow), xmm2=status: 0 ok, 1 ZeroDivisionError (EDOM), 2 OverflowError (an infinite part); clobbers caller-saved', 4, 64, (k, [ar, ai, br, bi]) => {
    const rr = k.var();
    const ri = k.var();
    const integral = k.and(k.eq(bi!, k.c(0)), k.and(k.eq(br!, k.floor(br!)), k.le(k.abs(br!), k.c(100))));
    k.if(
      integral,
      () => {
        // c_powi
        k.if(
          k.gt(br!, k.c(0)),
          () => {
            const [pr, pi] = powu(k, ar!, ai!, br!);
            k.set(rr, pr);
            k.set(ri, pi);
          },
          () => {
            const dr = k.var(k.c(1));
            const di = k.var(k.c(0));
            k.if(k.lt(br!, k.c(0)), () => {
              const [pr, pi] = powu(k, ar!, ai!, k.neg(br!));
              k.set(dr, pr);
              k.set(di, pi);
            });
            const [qr, qi, st] = k.call('rt_complex_quot_d', [k.c(1), k.c(0), dr, di], 3);
            k.if(k.ne(st!, k.c(0)), () => k.ret(k.c(0), k.c(0), k.c(1)));
            k.set(rr, qr!);
            k.set(ri, qi!);
          },
        );
      },
      () => {
        // _Py_c_pow
        k.if(k.and(k.eq(br!, k.c(0)), k.eq(bi!, k.c(0))), () => k.ret(k.c(1), k.c(0), k.c(0)));
        k.if(k.and(k.eq(ar!, k.c(0)), k.eq(ai!, k.c(0))), () => {
          k.if(k.or(k.ne(bi!, k.c(0)), k.lt(br!, k.c(0))), () => k.ret(k.c(0), k.c(0), k.c(1)));
          k.ret(k.c(0), k.c(0), k.c(0));
        });
        const vabs = k.call('rt_complex_hypot_d', [ar!, ai!], 1)[0]!;
        const len = k.var(k.call('rt_mathk_pow', [vabs, br!], 1)[0]!);
        const at = k.call('rt_mathk_atan2', [ai!, ar!], 1)[0]!;
        const phase = k.var(k.mul(at, br!));
        k.if(k.ne(bi!, k.c(0)), () => {
          k.set(len, k.div(len, k.call('rt_mathk_exp', [k.mul(at, bi!)], 1)[0]!));
          k.set(phase, k.add(phase, k.mul(bi!, k.call('rt_mathk_log', [vabs], 1)[0]!)));
        });
        // cos/sin of an infinite phase set errno = EDOM in C
        k.if(k.eq(k.abs(phase), k.c(Infinity)), () => k.ret(k.c(0), k.c(0), k.c(1)));
        k.set(rr, k.mul(len, k.call('rt_mathk_cos', [phase], 1)[0]!));
        k.set(ri, k.mul(len, k.call('rt_mathk_sin', [phase], 1)[0]!));
      },
    );
    // _Py_ADJUST_ERANGE2: an infinite part is an overflow
    k.if(k.or(k.eq(k.abs(rr), k.c(Infinity)), k.eq(k.abs(ri), k.c(Infinity))), () => k.ret(rr, ri, k.c(2)));
    k.ret(rr, ri, k.c(0));
  }),
];

/**
 * Method prologue of METH_NOARGS complex methods: r12 = self (value); checks as CPython's
 * method descriptors ("unbound method complex.conjugate() needs an argument", "descriptor
 * 'conjugate' for 'complex' objects doesn't apply to a 'int' object", "complex.conjugate()
 * takes no keyword arguments", "complex.conjugate() takes no arguments (1 given)"), jumping to
 * `raise` with rsi = format, rdx/rcx = its arguments.
 */
function methodChecks(a: Assembler<any>, name: string, raise: Label): void {
  const haveSelf = a.newLabel();
  const selfOk = a.newLabel();
  const noKw = a.newLabel();
  const ok = a.newLabel();
  const descr = a.newLabel();
  a.mov(r13, rsi);
  a.mov(r14, rdx);
  a.lea(rdx, rip(sym(`str_complexm_${name}`)));
  a.test(r13, r13);
  a.jne(haveSelf);
  a.lea(rsi, rip(sym('msg_complexm_unbound')));
  a.jmp(raise);
  a.bind(haveSelf);
  a.mov(r12, qword(mem(rdi)));
  a.mov(rax, r12);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(descr);
  a.mov(rax, r12);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.lea(rcx, rip(sym('type_complex')));
  a.cmp(rax, rcx);
  a.je(selfOk);
  a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.complexsub.id); // a subclass's instance (builtinsub.ts)
  a.je(selfOk);
  a.bind(descr);
  a.lea(rsi, rip(sym('msg_complexm_descriptor')));
  a.mov(rcx, r12);
  a.jmp(raise);
  a.bind(selfOk);
  a.test(r14, r14);
  a.je(noKw);
  a.mov(rax, r14);
  unboxPtr(a, rax);
  a.cmp(qword(mem(rax, 16)), 0);
  a.je(noKw);
  a.lea(rsi, rip(sym('msg_complexm_nokw')));
  a.jmp(raise);
  a.bind(noKw);
  a.cmp(r13, 1);
  a.je(ok);
  a.lea(rsi, rip(sym('msg_complexm_noargs')));
  a.lea(rcx, mem(r13, -1));
  a.jmp(raise);
  a.bind(ok);
}

function method(name: string, contract: string, body: (a: Assembler<any>) => void): RuntimeRoutine {
  return {
    name: `rt_complex_meth_${name}`,
    contract: `vector ABI: complex.${name}() -> ${contract}; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14] as const;
      const raise = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved);
      methodChecks(a, name, raise);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      body(a);
      a.bind(out);
      epilogue(a, saved);
      a.bind(raise);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
    },
  };
}

const METHOD_NAMES = ['conjugate', '__getnewargs__', '__complex__'] as const;

const METHODS: RuntimeMethod[] = [
  ...METHOD_NAMES.map((n): RuntimeMethod => ({ type: 'complex', name: n, entry: `rt_complex_meth_${n}` })),
  { type: 'complex', name: 'real', entry: 'rt_complex_get_real', kind: 'member' },
  { type: 'complex', name: 'imag', entry: 'rt_complex_get_imag', kind: 'member' },
];

export const complexModule: RuntimeModule = {
  name: 'complex',
  types: [{ name: 'complex', layout: 'raw', subclassable: true }],
  methods: METHODS,
  routines: [
    {
      name: 'rt_complex_new_d',
      contract: 'xmm0=real, xmm1=imag -> rax=complex value (NaN parts made canonical); clobbers caller-saved; may allocate',
      emit(a: Assembler<any>) {
        a.sub(rsp, 24);
        a.movsd(qword(mem(rsp)), xmm0);
        a.movsd(qword(mem(rsp, 8)), xmm1);
        a.mov(edi, COMPLEX.size);
        a.lea(rsi, rip(sym('type_complex')));
        a.call(sym('rt_alloc'));
        a.movsd(xmm0, qword(mem(rsp)));
        canonNaN(a, xmm0);
        a.movsd(qword(mem(rax, COMPLEX.real)), xmm0);
        a.movsd(xmm0, qword(mem(rsp, 8)));
        canonNaN(a, xmm0);
        a.movsd(qword(mem(rax, COMPLEX.imag)), xmm0);
        boxPtr(a, rax, rcx);
        a.add(rsp, 24);
        a.ret();
      },
    },
    {
      name: 'rt_complex_parts',
      contract: 'rdi=value -> eax=1 with xmm0=real, xmm1=imag for a complex, float, int or bool (ints rounded to doubles), eax=0 for other types, eax=-1 if it raised (OverflowError "int too large to convert to float"); clobbers caller-saved',
      emit(a: Assembler<any>) {
        const number = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(number);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax)));
        a.lea(rdx, rip(sym('type_complex')));
        a.cmp(rcx, rdx);
        const isComplex = a.newLabel();
        a.je(isComplex);
        a.cmp(qword(mem(rcx, TYPE.layout)), LAYOUTS.complexsub.id); // a subclass's instance (builtinsub.ts)
        a.jne(number);
        a.bind(isComplex);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
        a.movsd(xmm1, qword(mem(rax, COMPLEX.imag)));
        a.mov(eax, 1);
        a.ret();
        a.bind(number);
        a.sub(rsp, 8);
        a.call(sym('rt_float_as_double'));
        a.add(rsp, 8);
        a.xorpd(xmm1, xmm1);
        a.ret();
      },
    },
    {
      name: 'rt_complex_exact',
      contract: 'rdi=value -> eax=1 if it is a complex object, else 0; clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        const no = a.newLabel();
        a.mov(rax, rdi);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(no);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_complex')));
        a.cmp(rax, rcx);
        const yes = a.newLabel();
        a.je(yes);
        a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.complexsub.id); // a subclass's instance (builtinsub.ts)
        a.jne(no);
        a.bind(yes);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_binop_complex',
      contract: 'rdi=a, rsi=b (one of them a complex), edx=BINOPS index (+16 in place: same result) -> rax=complex a + - * / ** b with float, int and bool operands, NotImplemented for other types and operators, or EXC (ZeroDivisionError "complex division by zero" / "0.0 to a negative or complex power", OverflowError "complex exponentiation" / "int too large to convert to float"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const notImpl = a.newLabel();
        const raised = a.newLabel();
        const known = a.newLabel();
        const box = a.newLabel();
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        a.and(r14d, 15);
        a.cmp(r14d, OP.truediv);
        a.jbe(known);
        a.cmp(r14d, OP.pow);
        a.jne(notImpl);
        a.bind(known);
        emitComplexParts(a, r12, notImpl, raised);
        a.movsd(qword(mem(rsp)), xmm0);
        a.movsd(qword(mem(rsp, 8)), xmm1);
        emitComplexParts(a, r13, notImpl, raised);
        a.movapd(xmm2, xmm0);
        a.movapd(xmm3, xmm1);
        a.movsd(xmm0, qword(mem(rsp)));
        a.movsd(xmm1, qword(mem(rsp, 8)));
        const cases = { add: a.newLabel(), sub: a.newLabel(), mul: a.newLabel(), truediv: a.newLabel(), pow: a.newLabel() };
        for (const [name, l] of Object.entries(cases)) {
          a.cmp(r14d, OP[name as keyof typeof OP]);
          a.je(l);
        }
        a.jmp(notImpl);
        a.bind(cases.add);
        a.addsd(xmm0, xmm2);
        a.addsd(xmm1, xmm3);
        a.jmp(box);
        a.bind(cases.sub);
        a.subsd(xmm0, xmm2);
        a.subsd(xmm1, xmm3);
        a.jmp(box);
        a.bind(cases.mul);
        // _Py_c_prod: (ar*br - ai*bi, ar*bi + ai*br)
        a.movapd(xmm4, xmm0);
        a.mulsd(xmm4, xmm2);
        a.movapd(xmm5, xmm1);
        a.mulsd(xmm5, xmm3);
        a.subsd(xmm4, xmm5);
        a.mulsd(xmm0, xmm3);
        a.mulsd(xmm1, xmm2);
        a.addsd(xmm1, xmm0);
        a.movapd(xmm0, xmm4);
        a.jmp(box);
        a.bind(cases.truediv);
        a.call(sym('rt_complex_quot_d'));
        a.cvttsd2si(eax, xmm2);
        a.test(eax, eax);
        a.je(box);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.lea(rsi, rip(sym('msg_complex_div_zero')));
        a.jmp(fail);
        a.bind(cases.pow);
        a.call(sym('rt_complex_pow_d'));
        a.cvttsd2si(eax, xmm2);
        a.test(eax, eax);
        a.je(box);
        a.lea(rdi, rip(sym('type_ZeroDivisionError')));
        a.lea(rsi, rip(sym('msg_complex_pow_zero')));
        a.cmp(eax, 1);
        a.je(fail);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_complex_pow_overflow')));
        a.jmp(fail);
        a.bind(box);
        a.call(sym('rt_complex_new_d'));
        a.jmp(out);
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.jmp(out);
        a.bind(fail);
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(raised);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
    method('conjugate', 'the complex conjugate', (a) => {
      a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
      a.mov(rcx, qword(mem(rax, COMPLEX.imag)));
      a.btc(rcx, 63);
      a.movq(xmm1, rcx);
      a.call(sym('rt_complex_new_d'));
    }),
    method('__getnewargs__', 'the tuple (real, imag) of floats', (a) => {
      a.mov(rdi, qword(mem(rax, COMPLEX.real)));
      a.mov(rsi, qword(mem(rax, COMPLEX.imag)));
      a.call(sym('rt_tuple_pack2'));
    }),
    method('__complex__', 'the complex itself', (a) => {
      a.mov(rax, r12);
    }),
    {
      name: 'rt_complex_hypot_d',
      contract: 'xmm0=x, xmm1=y -> xmm0=hypot(x, y) with C99 special cases (inf if a part is infinite, else nan if one is nan; CPython\'s vector_norm otherwise); clobbers caller-saved',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const inf = a.newLabel();
        const nan = a.newLabel();
        const out = a.newLabel();
        a.sub(rsp, 24);
        a.andpd(xmm0, pool.m128(F64_ABS, 0n));
        a.andpd(xmm1, pool.m128(F64_ABS, 0n));
        a.movsd(xmm2, pool.f64(Infinity));
        a.ucomisd(xmm0, xmm2);
        a.je(inf);
        a.ucomisd(xmm1, xmm2);
        a.je(inf);
        a.ucomisd(xmm0, xmm1);
        a.jp(nan);
        a.movsd(qword(mem(rsp)), xmm0);
        a.movsd(qword(mem(rsp, 8)), xmm1);
        a.maxsd(xmm0, xmm1);
        a.xorpd(xmm1, xmm1);
        a.movsd(xmm2, pool.f64(2));
        a.mov(rdi, rsp);
        a.call(sym('rt_mathk_vector_norm'));
        a.jmp(out);
        a.bind(inf);
        a.movapd(xmm0, xmm2);
        a.jmp(out);
        a.bind(nan);
        a.movsd(xmm0, pool.f64(NaN));
        a.bind(out);
        a.add(rsp, 24);
        a.ret();
        pool.emit();
      },
    },
    ...kernels,
    {
      name: 'rt_complex_get_real',
      contract: 'rdi=complex -> rax=its real part (float value); clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, COMPLEX.real)));
        a.ret();
      },
    },
    {
      name: 'rt_complex_get_imag',
      contract: 'rdi=complex -> rax=its imaginary part (float value); clobbers rax',
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, COMPLEX.imag)));
        a.ret();
      },
    },
    {
      name: 'rt_repr_complex',
      contract: "rdi=complex -> rax=str value: '(1+2j)', '2j' when the real part is +0.0, '(-0-0j)', '(nan+infj)' (complex_repr: repr digits, the imaginary part signed); may allocate",
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const withReal = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.cmp(qword(mem(r12, COMPLEX.real)), 0); // +0.0 exactly
        a.jne(withReal);
        a.mov(rdi, qword(mem(r12, COMPLEX.imag)));
        a.mov(esi, 0x72);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_dtoa_format'));
        a.mov(rdi, rax);
        a.mov(rsi, g('complex_const_j'));
        a.call(sym('rt_str_concat'));
        a.jmp(out);
        a.bind(withReal);
        a.mov(rdi, qword(mem(r12, COMPLEX.real)));
        a.mov(esi, 0x72);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_dtoa_format'));
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(r12, COMPLEX.imag)));
        a.mov(esi, 0x72);
        a.xor(edx, edx);
        a.mov(ecx, DTSF.SIGN);
        a.call(sym('rt_dtoa_format'));
        a.mov(r14, rax);
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('complex_cs_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.mov(rsi, r13);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.mov(rsi, r14);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('complex_cs_close')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_str_complex',
      contract: 'rdi=complex -> rax=str(z), which is repr(z); may allocate',
      emit(a: Assembler<any>) {
        a.jmp(sym('rt_repr_complex'));
      },
    },
    {
      name: 'rt_hash_complex',
      contract: 'rdi=complex -> rax=hash(real) + 1000003 * hash(imag) (wrapping; -1 becomes -2), so hash(1+0j) == hash(1); clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        a.push(r12);
        a.push(r13);
        a.sub(rsp, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(rdi, qword(mem(r12, COMPLEX.real)));
        a.call(sym('rt_hash_float'));
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(r12, COMPLEX.imag)));
        a.call(sym('rt_hash_float'));
        a.imul(rax, rax, 1000003); // sys.hash_info.imag
        a.add(rax, r13);
        a.mov(rcx, -2);
        a.cmp(rax, -1);
        a.cmove(rax, rcx);
        a.add(rsp, 8);
        a.pop(r13);
        a.pop(r12);
        a.ret();
      },
    },
    {
      name: 'rt_bool_complex',
      contract: 'rdi=complex -> eax=1 unless both parts are +-0.0; clobbers rax rcx; no alloc',
      emit(a: Assembler<any>) {
        a.mov(rcx, rdi);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, COMPLEX.real)));
        a.add(rax, rax);
        a.mov(rcx, qword(mem(rcx, COMPLEX.imag)));
        a.add(rcx, rcx);
        a.or(rax, rcx);
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
      },
    },
    {
      name: 'rt_unary_complex',
      contract: 'rdi=complex, edx=0 neg, 1 pos, 2 invert, 3 abs -> rax=complex (-z, +z is z itself), float (abs: C99 infinities, OverflowError "absolute value too large"), NotImplemented for ~, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const notNeg = a.newLabel();
        const notPos = a.newLabel();
        const isAbs = a.newLabel();
        const finite = a.newLabel();
        const overflow = a.newLabel();
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
        a.movsd(xmm1, qword(mem(rax, COMPLEX.imag)));
        a.cmp(edx, 0);
        a.jne(notNeg);
        a.xorpd(xmm0, pool.m128(F64_SIGN, 0n));
        a.xorpd(xmm1, pool.m128(F64_SIGN, 0n));
        a.jmp(sym('rt_complex_new_d'));
        a.bind(notNeg);
        a.cmp(edx, 1);
        a.jne(notPos);
        a.mov(rax, rdi);
        a.ret();
        a.bind(notPos);
        a.cmp(edx, 3);
        a.je(isAbs);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.ret();
        a.bind(isAbs);
        // complex_abs: an infinite part gives inf even beside a NaN
        a.movapd(xmm2, xmm0);
        a.mulsd(xmm2, pool.f64(0));
        a.movapd(xmm3, xmm1);
        a.mulsd(xmm3, pool.f64(0));
        a.addsd(xmm2, xmm3); // 0.0 iff both parts are finite
        a.ucomisd(xmm2, xmm2);
        a.jnp(finite);
        a.sub(rsp, 8);
        a.call(sym('rt_complex_hypot_d'));
        a.add(rsp, 8);
        a.movq(rax, xmm0);
        a.ret();
        a.bind(finite);
        a.sub(rsp, 8);
        a.call(sym('rt_complex_hypot_d'));
        a.add(rsp, 8);
        a.movq(rax, xmm0);
        a.andpd(xmm0, pool.m128(F64_ABS, 0n));
        a.ucomisd(xmm0, pool.f64(Infinity));
        a.je(overflow);
        a.ret();
        a.bind(overflow);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_complex_abs_big')));
        a.jmp(sym('rt_raise_cstr'));
        pool.emit();
      },
    },
    {
      name: 'rt_richcompare_complex',
      contract: 'rdi=complex (or the other operand, reflected), rsi=other, edx=CMPOPS index -> rax=bool for == and != against complex, float and int (an int compared exactly with a real part when the imaginary part is 0), NotImplemented otherwise, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        const notImpl = a.newLabel();
        const selfFirst = a.newLabel();
        const out = a.newLabel();
        const equal = a.newLabel();
        const unequal = a.newLabel();
        const notInt = a.newLabel();
        const notFloat = a.newLabel();
        prologue(a, saved, 24);
        a.mov(r14d, edx);
        a.cmp(r14d, CMP_EQ);
        a.je(selfFirst);
        a.cmp(r14d, CMP_NE);
        a.jne(notImpl);
        a.bind(selfFirst);
        // r12 = the complex, r13 = the other operand (== and != are symmetric)
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        {
          const isSelf = a.newLabel();
          a.mov(rdi, r12);
          a.call(sym('rt_complex_exact'));
          a.test(eax, eax);
          a.jne(isSelf);
          a.xchg(r12, r13);
          a.bind(isSelf);
        }
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
        a.movsd(qword(mem(rsp)), xmm0);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.imag)));
        a.movsd(qword(mem(rsp, 8)), xmm0);
        // an int: compared exactly with the real part when the imaginary part is 0
        a.mov(rdi, r13);
        a.call(sym('rt_int_kind'));
        a.test(eax, eax);
        a.je(notInt);
        a.movsd(xmm0, qword(mem(rsp, 8)));
        a.xorpd(xmm1, xmm1);
        a.ucomisd(xmm0, xmm1);
        a.jp(unequal);
        a.jne(unequal);
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.call(sym('rt_richcompare'));
        a.jmp(out);
        a.bind(notInt);
        a.mov(rax, r13);
        a.shr(rax, 48);
        a.cmp(eax, TAG_MIN);
        a.jae(notFloat);
        a.movq(xmm0, r13);
        a.ucomisd(xmm0, qword(mem(rsp)));
        a.jp(unequal);
        a.jne(unequal);
        a.movsd(xmm0, qword(mem(rsp, 8)));
        a.xorpd(xmm1, xmm1);
        a.ucomisd(xmm0, xmm1);
        a.jp(unequal);
        a.jne(unequal);
        a.jmp(equal);
        a.bind(notFloat);
        a.mov(rdi, r13);
        a.call(sym('rt_complex_exact'));
        a.test(eax, eax);
        a.je(notImpl);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.real)));
        a.ucomisd(xmm0, qword(mem(rsp)));
        a.jp(unequal);
        a.jne(unequal);
        a.movsd(xmm0, qword(mem(rax, COMPLEX.imag)));
        a.ucomisd(xmm0, qword(mem(rsp, 8)));
        a.jp(unequal);
        a.jne(unequal);
        a.bind(equal);
        a.mov(rax, g('rt_const_True'));
        a.cmp(r14d, CMP_NE);
        a.cmove(rax, g('rt_const_False'));
        a.jmp(out);
        a.bind(unequal);
        a.mov(rax, g('rt_const_False'));
        a.cmp(r14d, CMP_NE);
        a.cmove(rax, g('rt_const_True'));
        a.jmp(out);
        a.bind(notImpl);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved, 24);
      },
    },
  ],
  data: [
    { name: 'complex_str_j', section: 'rodata', align: 16, emit: (a) => emitStr(a, 'j') },
    { name: 'complex_const_j', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:complex_str_j')) },
    cstr('complex_cs_open', '('),
    cstr('complex_cs_close', 'j)'),
    cstr('msg_complex_abs_big', 'absolute value too large'),
    cstr('msg_complex_div_zero', 'complex division by zero'),
    cstr('msg_complex_pow_zero', '0.0 to a negative or complex power'),
    cstr('msg_complex_pow_overflow', 'complex exponentiation'),
    ...METHOD_NAMES.map((n) => cstr(`str_complexm_${n}`, n)),
    cstr('msg_complexm_unbound', 'unbound method complex.%s() needs an argument'),
    cstr('msg_complexm_descriptor', "descriptor '%s' for 'complex' objects doesn't apply to a '%T' object"),
    cstr('msg_complexm_nokw', 'complex.%s() takes no keyword arguments'),
    cstr('msg_complexm_noargs', 'complex.%s() takes no arguments (%d given)'),
  ] satisfies RuntimeDatum[],
};
