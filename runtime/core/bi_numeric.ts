// Builtins runtime: the number builtins abs, divmod, pow, round, hex, oct, bin and format
// (docs/builtins-native.md). Vector ABI entries named rt_builtin_<name>, registered in the
// `builtins` table so programs reach them as `bfn_<name>`.
//
// Each one is a thin layer over the number areas' routines, in the order of operations of
// Python/bltinmodule.c and Objects/abstract.c (CPython 3.11):
//   abs(x)            PyNumber_Absolute: the unary slot (rt_unary_op, kind 3)
//   divmod(a, b)      binary_op(nb_divmod): int's routine, then float's, else TypeError
//   pow(b, e[, m])    PyNumber_Power: two arguments (or m None) are `**`; three go through
//                     ternary_op: int's slot only when all three are ints, float's slot
//                     refuses any third argument, anything else lists the three types
//   round(x[, n])     float and exact ints directly, otherwise type(x).__round__ bound
//                     and called, as _PyObject_LookupSpecial
//   hex/oct/bin(x)    PyNumber_ToBase: PyNumber_Index (rt_bi_index), then the digits
//   format(v[, spec]) the spec must be a str; then rt_format

import { type Assembler, type Label, type Mem, eax, ecx, edx, esi, r12, r13, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import { TAG_MIN } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, g } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type BiSpec, builtinRoutine, callChecked, raise, specData, staticStr } from './bi_args.js';
import { BINOPS } from '../../src/bytecode/ops.js';

const SPECS = {
  abs: { fname: 'abs', style: 'O', min: 1, max: 1 },
  divmod: { fname: 'divmod', style: 'VAR', min: 2, max: 2 },
  pow: { fname: 'pow', style: 'CLINIC', min: 2, max: 3, names: ['base', 'exp', 'mod'] },
  round: { fname: 'round', style: 'CLINIC', min: 1, max: 2, names: ['number', 'ndigits'] },
  hex: { fname: 'hex', style: 'O', min: 1, max: 1 },
  oct: { fname: 'oct', style: 'O', min: 1, max: 1 },
  bin: { fname: 'bin', style: 'O', min: 1, max: 1 },
  format: { fname: 'format', style: 'VAR', min: 1, max: 2 },
} as const satisfies Record<string, BiSpec>;

const POW = BINOPS.indexOf('**');
/** rt_unary_op kind of abs(). */
const UNARY_ABS = 3;
/** rt_int_format_pow2 flags: POW2.prefix | POW2.sign (int_format.ts). */
const POW2_PREFIX_SIGN = 3;

/** Jump to `yes` if the word at `op` is UNBOUND or None. Clobbers rax. */
function ifAbsent(a: Assembler<any>, op: Mem<any>, yes: Label): void {
  a.mov(rax, op);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(yes);
  a.cmp(rax, g('rt_const_None'));
  a.je(yes);
}

const routines: RuntimeRoutine[] = [
  builtinRoutine('rt_builtin_abs', 'abs(x): vector ABI -> the unary slot with kind abs, or EXC ("bad operand type for abs(): \'str\'"); may allocate, may raise', SPECS.abs, 0, (a, c) => {
    a.mov(rdi, c.arg(0));
    a.mov(esi, UNARY_ABS);
    a.call(sym('rt_unary_op'));
  }),

  builtinRoutine('rt_builtin_divmod', "divmod(a, b): vector ABI -> tuple (a // b, a % b) for ints and floats, or EXC (ZeroDivisionError, TypeError \"unsupported operand type(s) for divmod(): 'T' and 'T'\"); may allocate, may raise", SPECS.divmod, 0, (a, c) => {
    for (const routine of ['rt_int_divmod', 'rt_float_divmod']) {
      a.mov(rdi, c.arg(0));
      a.mov(rsi, c.arg(1));
      a.call(sym(routine));
      a.cmp(rax, g('rt_const_NotImplemented'));
      a.jne(c.out);
    }
    a.mov(rdx, c.arg(0));
    a.mov(rcx, c.arg(1));
    raise(a, 'TypeError', 'msg_bi_divmod_unsupported', [rdx, rcx], c.out);
  }),

  builtinRoutine('rt_builtin_pow', "pow(base, exp, mod=None): vector ABI -> base ** exp, or pow(base, exp, mod) for three ints, or EXC (TypeError 'pow() 3rd argument not allowed unless all arguments are integers', the unsupported-operand messages, the int and float errors); may allocate, may raise", SPECS.pow, 0, (a, c) => {
    const ternary = a.newLabel();
    const notAllInts = a.newLabel();
    const isFloat = a.newLabel();
    a.mov(rax, c.arg(2));
    a.cmp(rax, g('rt_const_unbound'));
    const binary = a.newLabel();
    a.je(binary);
    a.cmp(rax, g('rt_const_None'));
    a.jne(ternary);
    a.bind(binary);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.mov(edx, POW);
    a.call(sym('rt_binary_op'));
    a.jmp(c.out);
    // ternary_op: int's slot answers only for three ints; float's refuses a modulus.
    a.bind(ternary);
    for (let i = 0; i < 3; i++) {
      a.mov(rdi, c.arg(i));
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(notAllInts);
    }
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.mov(rdx, c.arg(2));
    a.call(sym('rt_int_pow_mod'));
    a.jmp(c.out);
    a.bind(notAllInts);
    for (let i = 0; i < 3; i++) {
      a.mov(rdi, c.arg(i));
      a.lea(rsi, rip(sym('type_float')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isFloat);
    }
    a.mov(rdx, c.arg(0));
    a.mov(rcx, c.arg(1));
    a.mov(r12, c.arg(2));
    raise(a, 'TypeError', 'msg_bi_pow_unsupported3', [rdx, rcx, r12], c.out);
    a.bind(isFloat);
    raise(a, 'TypeError', 'msg_bi_pow_3rd', [], c.out);
  }),

  builtinRoutine('rt_builtin_round', "round(number, ndigits=None): vector ABI -> float.__round__ for floats, the int itself for exact ints without ndigits, else type(number).__round__(ndigits) bound and called; EXC (TypeError \"type T doesn't define __round__ method\", the method's errors); may allocate, may raise", SPECS.round, 0, (a, c) => {
    const notFloat = a.newLabel();
    const generic = a.newLabel();
    const noDigits = a.newLabel();
    a.mov(rax, c.arg(0));
    a.shr(rax, 48);
    a.cmp(eax, TAG_MIN);
    a.jae(notFloat);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.call(sym('rt_float_round'));
    a.jmp(c.out);
    a.bind(notFloat);
    // int.__round__() of an exact int is the int itself.
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_int_kind'));
    a.dec(eax);
    a.cmp(eax, 1);
    a.ja(generic);
    a.mov(rax, c.arg(0));
    a.mov(rcx, c.arg(1));
    a.cmp(rcx, g('rt_const_unbound'));
    a.je(c.out);
    a.cmp(rcx, g('rt_const_None'));
    a.je(c.out);
    a.bind(generic);
    {
      const missing = a.newLabel();
      a.mov(rdi, c.arg(0));
      a.call(sym('rt_type_of'));
      a.mov(r12, rax);
      a.mov(rdi, rax);
      a.mov(rsi, g('bi_const_round'));
      a.call(sym('rt_type_lookup'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.mov(rdi, rax);
      a.mov(rsi, c.arg(0));
      a.mov(rdx, r12);
      boxPtr(a, rdx, rcx);
      a.call(sym('rt_bind_attr'));
      a.mov(rdi, rax);
      a.lea(rsi, c.argAddr(1));
      a.xor(edx, edx);
      a.xor(ecx, ecx);
      ifAbsent(a, c.arg(1), noDigits);
      a.mov(edx, 1);
      a.bind(noDigits);
      a.call(sym('rt_call'));
      a.jmp(c.out);
      a.bind(missing);
      raise(a, 'TypeError', 'msg_bi_no_round', [r12], c.out);
    }
  }),

  ...([['hex', 4], ['oct', 3], ['bin', 1]] as const).map(([name, bits]) =>
    builtinRoutine(`rt_builtin_${name}`, `${name}(x): vector ABI -> str of the index of x in base ${1 << bits} with its prefix, or EXC (TypeError "'T' object cannot be interpreted as an integer"); may allocate, may raise`, SPECS[name], 0, (a, c) => {
      a.mov(rdi, c.arg(0));
      callChecked(a, 'rt_bi_index', c.out);
      a.mov(rdi, rax);
      a.mov(esi, bits);
      a.mov(edx, POW2_PREFIX_SIGN);
      a.call(sym('rt_int_format_pow2'));
    }),
  ),

  builtinRoutine('rt_builtin_format', "format(value, format_spec=''): vector ABI -> str, or EXC (TypeError 'format() argument 2 must be str, not T', the format slot's errors); may allocate, may raise", SPECS.format, 0, (a, c) => {
    const haveSpec = a.newLabel();
    const call = a.newLabel();
    a.mov(r13, c.arg(1));
    a.cmp(r13, g('rt_const_unbound'));
    a.jne(haveSpec);
    a.mov(r13, g('const_str_empty'));
    a.jmp(call);
    a.bind(haveSpec);
    a.mov(rdi, r13);
    a.lea(rsi, rip(sym('type_str')));
    a.call(sym('rt_isinstance_type'));
    a.test(eax, eax);
    a.jne(call);
    raise(a, 'TypeError', 'msg_bi_format_spec', [r13], c.out);
    a.bind(call);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, r13);
    a.call(sym('rt_format'));
  }),
];

export const biNumericModule: RuntimeModule = {
  name: 'bi_numeric',
  builtins: (['abs', 'divmod', 'pow', 'round', 'hex', 'oct', 'bin', 'format'] as const).map((n) => ({ name: n, entry: `rt_builtin_${n}` })),
  routines,
  data: [
    ...Object.values(SPECS).flatMap((s) => specData(s)),
    ...staticStr('round', '__round__'),
    cstr('msg_bi_divmod_unsupported', "unsupported operand type(s) for divmod(): '%T' and '%T'"),
    cstr('msg_bi_pow_unsupported3', "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'"),
    cstr('msg_bi_pow_3rd', 'pow() 3rd argument not allowed unless all arguments are integers'),
    cstr('msg_bi_no_round', "type %N doesn't define __round__ method"),
    cstr('msg_bi_format_spec', 'format() argument 2 must be str, not %T'),
  ],
};
