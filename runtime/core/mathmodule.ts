// Runtime: the Python-level functions of the math module (Modules/mathmodule.c of CPython
// 3.11) over the C-level kernels of mathexp/mathtrig/mathhyp.ts.
//
// Role: every function has two entries:
//   rt_math_<name>     the vector ABI of builtin functions (rdi = args, rsi = nargs, rdx =
//                      kwnames or 0), with CPython's argument checks and messages; arguments
//                      that are floats, ints (any size) or bools convert to doubles
//                      (TypeError "must be real number, not str" otherwise);
//   rt_math_<name>_f   a direct entry for templates: doubles as their bits in rdi (rsi),
//                      result a value word in rax or EXC.
// mathFunctions (below) lists them for whoever builds the `math` module object; the error
// rules are CPython's: math_1 (a NaN from a non-NaN argument is ValueError "math domain
// error"; an infinity from a finite one is OverflowError "math range error" for functions
// that can overflow, else the ValueError), math_1a (errno-based: gamma, lgamma) and math_2.
// The functions over ints and iterables are in mathmodule2.ts.

import {
  type Assembler, type Label, eax, ecx, edi, mem, qword, r12, r13, r14, r8, rax, rcx, rdi, rdx, rip, rsi, rsp, sym, xmm0, xmm1, xmm2,
} from '../../src/asm/index.js';
import { TUPLE } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { F64_ABS, F64_SIGN, LiteralPool } from './floatkit.js';

/** How a function maps a bad result to an exception (mathmodule.c). */
type Rule = 'math1' | 'math1o' | 'none';

/** One-argument float -> float functions: [name, kernel routine or inline op, rule]. */
const UNARY: readonly (readonly [string, string, Rule])[] = [
  ['sqrt', 'sqrtsd', 'math1'],
  ['exp', 'rt_mathk_exp', 'math1o'],
  ['exp2', 'rt_mathk_exp2', 'math1o'],
  ['expm1', 'rt_mathk_expm1', 'math1o'],
  ['log1p', 'rt_mathk_log1p', 'math1'],
  ['cbrt', 'rt_mathk_cbrt', 'math1'],
  ['sin', 'rt_mathk_sin', 'math1'],
  ['cos', 'rt_mathk_cos', 'math1'],
  ['tan', 'rt_mathk_tan', 'math1'],
  ['asin', 'rt_mathk_asin', 'math1'],
  ['acos', 'rt_mathk_acos', 'math1'],
  ['atan', 'rt_mathk_atan', 'math1'],
  ['sinh', 'rt_mathk_sinh', 'math1o'],
  ['cosh', 'rt_mathk_cosh', 'math1o'],
  ['tanh', 'rt_mathk_tanh', 'math1'],
  ['asinh', 'rt_mathk_asinh', 'math1'],
  ['acosh', 'rt_mathk_acosh', 'math1'],
  ['atanh', 'rt_mathk_atanh', 'math1'],
  ['erf', 'rt_mathk_erf', 'math1'],
  ['erfc', 'rt_mathk_erfc', 'math1'],
  ['fabs', 'andpd', 'none'],
  ['degrees', 'degrees', 'none'],
  ['radians', 'radians', 'none'],
  ['ulp', 'rt_math_ulp_d', 'none'],
];

/** Two-argument float functions: [name, kernel, rule]. */
const BINARY: readonly (readonly [string, string])[] = [
  ['atan2', 'rt_mathk_atan2'],
  ['copysign', 'copysign'],
  ['fmod', 'rt_math_fmod_d'],
  ['remainder', 'rt_math_remainder_d'],
  ['pow', 'rt_math_pow_d'],
  ['nextafter', 'rt_math_nextafter_d'],
];

const RAD_TO_DEG = 180 / 3.141592653589793;
const DEG_TO_RAD = 3.141592653589793 / 180;

/** Functions of the math module: name -> vector-ABI entry, direct entry, arity. */
export interface MathFunction {
  readonly entry: string;
  /** rt_math_<name>_f: doubles as bits in rdi (rsi) -> value or EXC; absent when the
   *  arguments are not plain floats. */
  readonly direct?: string;
  /** Positional arguments; 'var' for hypot, 1-2 for log. */
  readonly arity: number | 'var' | readonly [number, number];
}

export const mathFunctions: Readonly<Record<string, MathFunction>> = {
  ...Object.fromEntries(UNARY.map(([n]) => [n, { entry: `rt_math_${n}`, direct: `rt_math_${n}_f`, arity: 1 }])),
  ...Object.fromEntries(BINARY.map(([n]) => [n, { entry: `rt_math_${n}`, direct: `rt_math_${n}_f`, arity: 2 }])),
  ...Object.fromEntries(['isnan', 'isinf', 'isfinite'].map((n) => [n, { entry: `rt_math_${n}`, direct: `rt_math_${n}_f`, arity: 1 }])),
  gamma: { entry: 'rt_math_gamma', direct: 'rt_math_gamma_f', arity: 1 },
  lgamma: { entry: 'rt_math_lgamma', direct: 'rt_math_lgamma_f', arity: 1 },
  floor: { entry: 'rt_math_floor', arity: 1 },
  ceil: { entry: 'rt_math_ceil', arity: 1 },
  trunc: { entry: 'rt_math_trunc', arity: 1 },
  frexp: { entry: 'rt_math_frexp', arity: 1 },
  modf: { entry: 'rt_math_modf', arity: 1 },
  ldexp: { entry: 'rt_math_ldexp', arity: 2 },
  log: { entry: 'rt_math_log', arity: [1, 2] },
  log2: { entry: 'rt_math_log2', arity: 1 },
  log10: { entry: 'rt_math_log10', arity: 1 },
  hypot: { entry: 'rt_math_hypot', arity: 'var' },
  dist: { entry: 'rt_math_dist', arity: 2 },
  fsum: { entry: 'rt_math_fsum', arity: 1 },
  isclose: { entry: 'rt_math_isclose', arity: 2 },
  // mathint.ts
  ...Object.fromEntries(['gcd', 'lcm', 'factorial', 'comb', 'perm', 'isqrt', 'prod'].map((n) => [n, { entry: `rt_math_${n}`, arity: 'var' as const }])),
};

/** Constants of the math module (float values). */
export const mathConstants: Readonly<Record<string, number>> = { pi: 3.141592653589793, e: 2.718281828459045, tau: 6.283185307179586, inf: Infinity, nan: NaN };

/**
 * Vector-ABI argument checks for `kind`: METH_O ('o', "math.f() takes exactly one argument
 * (n given)") or clinic positional ('n2', "f expected 2 arguments, got n"); keywords are
 * refused ("math.f() takes no keyword arguments"). r12 = args, r13 = nargs afterwards.
 */
export function mathArgChecks(a: Assembler<any>, name: string, kind: 'o' | 'n2', fail: Label): void {
  const noKw = a.newLabel();
  const ok = a.newLabel();
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.test(rdx, rdx);
  a.je(noKw);
  a.mov(rax, rdx);
  a.shl(rax, 16);
  a.shr(rax, 16);
  a.cmp(qword(mem(rax, TUPLE.length)), 0);
  a.je(noKw);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_math_nokw')));
  a.lea(rdx, rip(sym(`str_math_${name}`)));
  a.jmp(fail);
  a.bind(noKw);
  a.cmp(r13, kind === 'o' ? 1 : 2);
  a.je(ok);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rdx, rip(sym(`str_math_${name}`)));
  if (kind === 'o') {
    a.lea(rsi, rip(sym('msg_math_o_args')));
    a.mov(rcx, r13);
  } else {
    a.lea(rsi, rip(sym('msg_math_n_args')));
    a.mov(ecx, 2);
    a.mov(r8, r13);
  }
  a.jmp(fail);
  a.bind(ok);
}

/** Convert args[i] (rdi = the value) to a double in xmm0; jump to `raised` on failure. */
export function mathArg(a: Assembler<any>, raised: Label): void {
  a.call(sym('rt_math_arg'));
  a.test(eax, eax);
  a.je(raised);
}

/** A vector-ABI entry: checks, conversions into a frame of doubles, then `body`. */
function vectorEntry(name: string, kind: 'o' | 'n2', contract: string, body: (a: Assembler<any>) => void): RuntimeRoutine {
  return {
    name: `rt_math_${name}`,
    contract: `vector ABI: math.${name}${contract}; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14] as const;
      const fail = a.newLabel();
      const raised = a.newLabel();
      const out = a.newLabel();
      prologue(a, saved, 16);
      mathArgChecks(a, name, kind, fail);
      for (let i = 0; i < (kind === 'o' ? 1 : 2); i++) {
        a.mov(rdi, qword(mem(r12, 8 * i)));
        mathArg(a, raised);
        a.movsd(qword(mem(rsp, 8 * i)), xmm0);
      }
      body(a);
      a.bind(out);
      epilogue(a, saved, 16);
      a.bind(fail);
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(raised);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
    },
  };
}

/** The inline operations of UNARY / BINARY (the rest are routine calls). */
function emitOp(a: Assembler<any>, op: string, pool: LiteralPool): void {
  switch (op) {
    case 'sqrtsd':
      a.sqrtsd(xmm0, xmm0);
      return;
    case 'andpd':
      a.andpd(xmm0, pool.m128(F64_ABS, 0n));
      return;
    case 'degrees':
      a.mulsd(xmm0, pool.f64(RAD_TO_DEG));
      return;
    case 'radians':
      a.mulsd(xmm0, pool.f64(DEG_TO_RAD));
      return;
    case 'copysign':
      a.andpd(xmm0, pool.m128(F64_ABS, 0n));
      a.andpd(xmm1, pool.m128(F64_SIGN, 0n));
      a.orpd(xmm0, xmm1);
      return;
    default:
      a.call(sym(op));
  }
}

export const mathModule: RuntimeModule = {
  name: 'mathmodule',
  routines: [
    {
      name: 'rt_math_arg',
      contract: 'rdi=value -> eax=1 and xmm0=the value as a double (float, int, bool), or eax=0 with an exception raised (TypeError "must be real number, not T", OverflowError for a huge int); may allocate, may raise',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        const raised = a.newLabel();
        a.push(rdi);
        a.call(sym('rt_float_as_double'));
        a.pop(rdx);
        a.test(eax, eax);
        a.je(bad);
        a.js(raised);
        a.ret();
        a.bind(bad);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_math_real')));
        a.sub(rsp, 8);
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.bind(raised);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_math_result1',
      contract: 'xmm0=result r, xmm1=argument x, edi=1 if the function can overflow -> rax=float value r, or EXC as CPython math_1 (ValueError "math domain error" for a NaN from a non-NaN x; for an infinity from a finite x OverflowError "math range error" if it can overflow, else the ValueError); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notNan = a.newLabel();
        const domain = a.newLabel();
        const ok = a.newLabel();
        a.ucomisd(xmm0, xmm0);
        a.jnp(notNan);
        a.ucomisd(xmm1, xmm1);
        a.jnp(domain);
        a.jmp(ok);
        a.bind(notNan);
        a.movq(rax, xmm0);
        a.btr(rax, 63);
        a.mov(rcx, 0x7ff0_0000_0000_0000n);
        a.cmp(rax, rcx);
        a.jne(ok); // finite
        a.movq(rax, xmm1);
        a.btr(rax, 63);
        a.cmp(rax, rcx);
        a.jae(ok); // x was inf or nan
        a.test(edi, edi);
        a.je(domain);
        a.jmp(sym('rt_math_raise_range'));
        a.bind(domain);
        a.jmp(sym('rt_math_raise_domain'));
        a.bind(ok);
        a.movq(rax, xmm0);
        a.ret();
      },
    },
    {
      name: 'rt_math_result2',
      contract: 'xmm0=result r, xmm1=x, xmm2=y -> rax=float value r, or EXC as CPython math_2 (NaN from non-NaN arguments: "math domain error"; an infinity from finite ones: "math range error"); may allocate, may raise',
      emit(a: Assembler<any>) {
        const notNan = a.newLabel();
        const ok = a.newLabel();
        a.ucomisd(xmm0, xmm0);
        a.jnp(notNan);
        a.ucomisd(xmm1, xmm1);
        a.jp(ok);
        a.ucomisd(xmm2, xmm2);
        a.jp(ok);
        a.jmp(sym('rt_math_raise_domain'));
        a.bind(notNan);
        a.movq(rax, xmm0);
        a.btr(rax, 63);
        a.mov(rcx, 0x7ff0_0000_0000_0000n);
        a.cmp(rax, rcx);
        a.jne(ok);
        for (const x of [xmm1, xmm2]) {
          a.movq(rax, x);
          a.btr(rax, 63);
          a.cmp(rax, rcx);
          a.jae(ok);
        }
        a.jmp(sym('rt_math_raise_range'));
        a.bind(ok);
        a.movq(rax, xmm0);
        a.ret();
      },
    },
    {
      name: 'rt_math_result1a',
      contract: 'xmm0=result r, xmm1=errno (0, EDOM 33, ERANGE 34) as a double -> rax=float value r, or EXC as CPython math_1a: EDOM "math domain error", ERANGE with |r| >= 1.5 "math range error"; may allocate, may raise',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const ok = a.newLabel();
        const notDom = a.newLabel();
        a.cvttsd2si(eax, xmm1);
        a.cmp(eax, 33);
        a.jne(notDom);
        a.jmp(sym('rt_math_raise_domain'));
        a.bind(notDom);
        a.cmp(eax, 34);
        a.jne(ok);
        a.movapd(xmm1, xmm0);
        a.andpd(xmm1, pool.m128(F64_ABS, 0n));
        a.ucomisd(xmm1, pool.f64(1.5));
        a.jb(ok);
        a.jmp(sym('rt_math_raise_range'));
        a.bind(ok);
        a.movq(rax, xmm0);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_math_raise_domain',
      contract: 'raise ValueError("math domain error") -> rax=EXC; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_math_domain')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_math_raise_range',
      contract: 'raise OverflowError("math range error") -> rax=EXC; may allocate',
      emit(a: Assembler<any>) {
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_math_range')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    // ---- one-argument float functions ----
    ...UNARY.flatMap(([name, op, rule]): RuntimeRoutine[] => [
      {
        name: `rt_math_${name}_f`,
        contract: `rdi=x bits -> rax=float value math.${name}(x), or EXC (${rule === 'none' ? 'never' : rule === 'math1o' ? 'math_1, can overflow' : 'math_1'}); may allocate, may raise`,
        emit(a: Assembler<any>) {
          const pool = new LiteralPool(a);
          a.push(rdi);
          a.movq(xmm0, rdi);
          emitOp(a, op, pool);
          a.pop(rdi);
          if (rule === 'none') {
            a.movq(rax, xmm0);
            a.ret();
          } else {
            a.movq(xmm1, rdi);
            a.mov(edi, rule === 'math1o' ? 1 : 0);
            a.jmp(sym('rt_math_result1'));
          }
          pool.emit();
        },
      },
      vectorEntry(name, 'o', '(x)', (a) => {
        a.mov(rdi, qword(mem(rsp)));
        a.call(sym(`rt_math_${name}_f`));
      }),
    ]),
    // ---- gamma and lgamma: CPython's own code, errno-based errors ----
    ...(['gamma', 'lgamma'] as const).flatMap((name): RuntimeRoutine[] => [
      {
        name: `rt_math_${name}_f`,
        contract: `rdi=x bits -> rax=float value math.${name}(x), or EXC (math_1a: ValueError "math domain error", OverflowError "math range error"); may allocate, may raise`,
        emit(a: Assembler<any>) {
          a.sub(rsp, 8);
          a.movq(xmm0, rdi);
          a.call(sym(name === 'gamma' ? 'rt_mathk_tgamma' : 'rt_mathk_lgamma'));
          a.add(rsp, 8);
          a.jmp(sym('rt_math_result1a'));
        },
      },
      vectorEntry(name, 'o', '(x)', (a) => {
        a.mov(rdi, qword(mem(rsp)));
        a.call(sym(`rt_math_${name}_f`));
      }),
    ]),
    // ---- two-argument float functions ----
    ...BINARY.flatMap(([name, op]): RuntimeRoutine[] => [
      {
        name: `rt_math_${name}_f`,
        contract: `rdi=x bits, rsi=y bits -> rax=float value math.${name}(x, y), or EXC; may allocate, may raise`,
        emit(a: Assembler<any>) {
          const pool = new LiteralPool(a);
          a.sub(rsp, 24);
          a.mov(qword(mem(rsp)), rdi);
          a.mov(qword(mem(rsp, 8)), rsi);
          a.movq(xmm0, rdi);
          a.movq(xmm1, rsi);
          emitOp(a, op, pool);
          if (name === 'atan2') {
            a.movsd(xmm1, qword(mem(rsp)));
            a.movsd(xmm2, qword(mem(rsp, 8)));
            a.add(rsp, 24);
            a.jmp(sym('rt_math_result2'));
          } else {
            // the others return a value word (or EXC) already, or a double to box
            if (op === 'copysign' || op === 'rt_math_nextafter_d') a.movq(rax, xmm0);
            a.add(rsp, 24);
            a.ret();
          }
          pool.emit();
        },
      },
      vectorEntry(name, 'n2', '(x, y)', (a) => {
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, qword(mem(rsp, 8)));
        a.call(sym(`rt_math_${name}_f`));
      }),
    ]),
    // ---- predicates ----
    ...(['isnan', 'isinf', 'isfinite'] as const).flatMap((name): RuntimeRoutine[] => [
      {
        name: `rt_math_${name}_f`,
        contract: `rdi=x bits -> rax=True or False (math.${name})`,
        emit(a: Assembler<any>) {
          const yes = a.newLabel();
          a.mov(rax, rdi);
          a.btr(rax, 63);
          a.mov(rcx, 0x7ff0_0000_0000_0000n);
          a.cmp(rax, rcx);
          if (name === 'isnan') a.ja(yes);
          else if (name === 'isinf') a.je(yes);
          else a.jb(yes);
          a.mov(rax, g('rt_const_False'));
          a.ret();
          a.bind(yes);
          a.mov(rax, g('rt_const_True'));
          a.ret();
        },
      },
      vectorEntry(name, 'o', '(x)', (a) => {
        a.mov(rdi, qword(mem(rsp)));
        a.call(sym(`rt_math_${name}_f`));
      }),
    ]),
  ],
  data: [
    ...[...UNARY.map(([n]) => n), ...BINARY.map(([n]) => n), 'gamma', 'lgamma', 'isnan', 'isinf', 'isfinite'].map((n) => cstr(`str_math_${n}`, n)),
    cstr('msg_math_nokw', 'math.%s() takes no keyword arguments'),
    cstr('msg_math_o_args', 'math.%s() takes exactly one argument (%d given)'),
    cstr('msg_math_n_args', '%s expected %d arguments, got %d'),
    cstr('msg_math_real', 'must be real number, not %T'),
    cstr('msg_math_domain', 'math domain error'),
    cstr('msg_math_range', 'math range error'),
  ] satisfies RuntimeDatum[],
};

